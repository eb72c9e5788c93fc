/*
** projection/projection_reconcile.c -- bottom-up reconciliation of the
** annual_projection virtual table (reconcile=; projection_reconcile.h).
**
** Contract:
**  1. reconcile= names by columns and the label of each one's total
**     (reconcile='region=Total, product=Total'); a column that is not a
**     by column, a repeated column, an empty name or label, or no by
**     columns at all is an error naming the module, the argument and the
**     value.  Labels are matched as SQLite compares the column (its
**     collation: a NOCASE column's 'TOTAL' is total=Total), as text.
**  2. A series with a total label in a declared column is a total; one
**     with none is a part; a total's parts are the parts equal to it, as
**     SQLite compares them, in every by column it is not a total in.
**     Several declared columns: every total (the grand total too) is made
**     from the parts alone, so every level adds up.
**  3. Bottom-up, year y from point k (each part projected by the same
**     method, from the same k): projection = the total's ytd + the sum
**     over parts of (part's projection - part's ytd).  The observed
**     year-to-date is the source's; what is projected adds up.  With no
**     negative value in the total so far, a result below its ytd is
**     raised to it (the rule of every projection).
**  4. Not reconciled (NULL projection, note saying why; never a mix of
**     reconciled and unreconciled figures): the total's ytd incomplete; no
**     part with data by (y, k); a part with data by then but no
**     projection of y (a missing or incomplete period, a method that
**     cannot project it) or projected from another point of the year;
**     the parts' ytd off the total's by more than TS_RECON_TOLERANCE
**     (1 %) of it (then the parts do not make up the total; a rounding
**     difference within it stays in the observed part).  A series with
**     no observation by (y, k) is not a part of y: a backtest row is the
**     projection from the source cut at (y, k).
**  5. Intervals: the reconciled projections of earlier years are a
**     backtest of their own (each year's error is the sum of the parts'
**     errors that year, so the parts' correlation is in it); the core's
**     rule sizes the interval from them, shrunk toward the pool of the
**     other totals' reconciled errors (ts_projection_from_backtest on
**     column TS_RECON_COLUMN).  No sum of the parts' widths is made up.
**  6. Only whole-source data: ts_recon_add is fed by the pre-pass, which
**     reads the source without the query's WHERE, so a filter never
**     changes a reconciled row.  Cost: one label check per series and
**     declared column; each by column's values sorted once with SQLite
**     comparing them (O(n log n) statements for n series), then integer
**     ranks; each total finds its parts by binary search.  Measured:
**     20,200 quarterly series (100 regions and their total, 200
**     products), run_rate, 0.9 s alone, 3.0 s reconciled (the second
**     read included).
*/
#include "projection/projection_reconcile.h"

#include <math.h>

#define NOTE_YTD          "incomplete year-to-date"
#define NOTE_NO_PARTS     "not reconciled: none of its parts has data yet"
#define DETAIL_RECONCILED "reconciled: its year-to-date plus its parts' projections of the rest"

/* ---- reconcile= ------------------------------------------------------- */

static char closing_quote(char c) {
  return c == '"' ? '"' : c == '\'' ? '\'' : c == '`' ? '`' : c == '[' ? ']' : 0;
}

/* Length of the part of z before the first comma outside quotes. */
static int part_length(const char *z) {
  char close = 0;
  int i = 0;
  for (; z[i]; i++) {
    if (close) {
      if (z[i] == close) close = 0;
    } else if (z[i] == ',') {
      break;
    } else {
      close = closing_quote(z[i]);
    }
  }
  return i;
}

static int parse_error(char **pzErr, char *zMsg) {
  *pzErr = zMsg;
  return zMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* One "column=label" part: its by column index and label, or an error. */
static int parse_part(const char *zModule, const char *zValue, const char *zPart, char *const *azBy,
                      int nBy, ts_recon_spec *p, char **pzErr) {
  char *zKey = NULL, *zLabel = NULL, *zIgnored = NULL;
  int rc = ts_parse_kv(zModule, zPart, &zKey, &zLabel, &zIgnored);
  sqlite3_free(zIgnored);
  if (rc == SQLITE_NOMEM) return rc;
  if (rc != SQLITE_OK || zKey[0] == 0 || zLabel[0] == 0) {
    sqlite3_free(zKey);
    sqlite3_free(zLabel);
    return parse_error(pzErr, sqlite3_mprintf("%s: reconcile= must be by columns with the labels"
                                              " of their totals, like 'region=Total': '%q'",
                                              zModule, zValue));
  }
  int col = -1;
  for (int i = 0; i < nBy && col < 0; i++)
    if (sqlite3_stricmp(azBy[i], zKey) == 0) col = i;
  for (int j = 0; j < p->n && col >= 0; j++) {
    if (p->col[j] != col) continue;
    rc = parse_error(pzErr, sqlite3_mprintf("%s: reconcile= names the by column \"%s\" twice: '%q'",
                                            zModule, zKey, zValue));
    sqlite3_free(zKey);
    sqlite3_free(zLabel);
    return rc;
  }
  if (col < 0) {
    sqlite3_str *s = sqlite3_str_new(NULL);
    sqlite3_str_appendf(s, "%s: reconcile= names \"%s\", which is not a by column (by: ", zModule,
                        zKey);
    for (int i = 0; i < nBy; i++) sqlite3_str_appendf(s, "%s%s", i ? ", " : "", azBy[i]);
    sqlite3_str_appendf(s, "): '%q'", zValue);
    sqlite3_free(zKey);
    sqlite3_free(zLabel);
    return parse_error(pzErr, sqlite3_str_finish(s));
  }
  sqlite3_free(zKey);
  p->col[p->n] = col;
  p->label[p->n++] = zLabel;
  return SQLITE_OK;
}

int ts_recon_parse(const char *zModule, const char *zValue, char *const *azBy, int nBy,
                   ts_recon_spec **pp, char **pzErr) {
  *pp = NULL;
  if (nBy == 0)
    return parse_error(pzErr, sqlite3_mprintf("%s: reconcile= needs by columns (the hierarchy"
                                              " is in them): '%q'",
                                              zModule, zValue));
  ts_recon_spec *p = sqlite3_malloc64(sizeof(*p));
  if (p == NULL) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  int rc = SQLITE_OK;
  for (const char *z = zValue; rc == SQLITE_OK;) {
    int n = part_length(z);
    char *zPart = sqlite3_mprintf("%.*s", n, z);
    if (zPart == NULL) {
      rc = SQLITE_NOMEM;
      break;
    }
    if (p->n == nBy) /* more parts than by columns: one repeats or is no column */
      rc = parse_error(pzErr, sqlite3_mprintf("%s: reconcile= names more columns than by has:"
                                              " '%q'",
                                              zModule, zValue));
    else
      rc = parse_part(zModule, zValue, zPart, azBy, nBy, p, pzErr);
    sqlite3_free(zPart);
    if (z[n] == 0) break;
    z += n + 1;
  }
  if (rc != SQLITE_OK) {
    ts_recon_spec_free(p);
    return rc;
  }
  *pp = p;
  return SQLITE_OK;
}

void ts_recon_spec_free(ts_recon_spec *p) {
  if (p == NULL) return;
  for (int i = 0; i < p->n; i++) sqlite3_free(p->label[i]);
  sqlite3_free(p);
}

/* ---- bottom-up over grids --------------------------------------------- */

void ts_recon_notes_free(ts_recon_notes *notes) {
  for (int i = 0; i < notes->n; i++) sqlite3_free(notes->a[i]);
  sqlite3_free(notes->a);
  memset(notes, 0, sizeof(*notes));
}

/* A note kept until the notes are freed; NULL when out of memory. */
static const char *note_add(ts_recon_notes *notes, char *z) {
  if (z == NULL) return NULL;
  if (notes->n == notes->nAlloc) {
    int n = notes->nAlloc ? 2 * notes->nAlloc : 16;
    char **a = sqlite3_realloc64(notes->a, sizeof(*a) * (sqlite3_uint64)n);
    if (a == NULL) {
      sqlite3_free(z);
      return NULL;
    }
    notes->a = a, notes->nAlloc = n;
  }
  notes->a[notes->n++] = z;
  return z;
}

/* Whether the grid has an observation at or before (year, k). */
static int has_data_by(const ts_proj_grid *g, int year, int k) {
  long last = (long)(year - g->first_year) * g->periods_per_year + k - 1;
  long cells = (long)g->n_years * g->periods_per_year;
  if (last >= cells) last = cells - 1;
  for (long i = 0; i <= last; i++)
    if (g->present[i]) return 1;
  return 0;
}

/* No negative value observed up to (yi, k). */
static int non_negative_upto(const ts_proj_grid *g, int yi, int k) {
  long last = (long)yi * g->periods_per_year + k - 1;
  for (long i = 0; i <= last; i++)
    if (g->present[i] && g->value[i] < 0) return 0;
  return 1;
}

/* Why part p cannot be summed into year `year`, or NULL; *remainder and
** *ytd are its projection of the rest of the year and its year-to-date. */
static int part_year(const ts_recon_part *p, int P, int year, int k, ts_proj_method m,
                     double *remainder, double *ytd, ts_recon_notes *notes, const char **pzWhy) {
  *pzWhy = NULL;
  if (p->grid->periods_per_year != P || p->k != k || p->cells == NULL) {
    *pzWhy = note_add(notes, sqlite3_mprintf("not reconciled: part '%s' is projected from"
                                             " another point of the year",
                                             p->name));
    return *pzWhy ? 1 : -1;
  }
  int pyi = year - p->grid->first_year;
  const ts_proj_cell *c = pyi < p->grid->n_years ? &p->cells[pyi * TS_PROJ_N_CELLS + m] : NULL;
  if (c == NULL || !c->ok || ts_proj_ytd(p->grid, pyi, k, ytd)) {
    const char *zWhy = c && c->note ? c->note : NOTE_YTD;
    *pzWhy = note_add(
        notes, sqlite3_mprintf("not reconciled: part '%s' has no projection (%s)", p->name, zWhy));
    return *pzWhy ? 1 : -1;
  }
  *remainder = c->value - *ytd;
  return 0;
}

static void cell_fail(ts_proj_cell *c, const char *note) {
  memset(c, 0, sizeof(*c));
  c->note = note;
}

int ts_recon_bottom_up(const ts_proj_grid *total, int k, const ts_recon_part *parts, int n_parts,
                       ts_proj_method m, ts_proj_cell *out, ts_recon_notes *notes) {
  int P = total->periods_per_year;
  memset(out, 0, sizeof(ts_proj_cell) * (size_t)total->n_years * TS_PROJ_N_CELLS);
  for (int yi = 0; yi < total->n_years && k > 0; yi++) {
    ts_proj_cell *c = &out[yi * TS_PROJ_N_CELLS + TS_RECON_COLUMN];
    int year = total->first_year + yi, counted = 0;
    double ytd, sum_rest = 0, sum_ytd = 0;
    c->model_sd = -1;
    if (ts_proj_ytd(total, yi, k, &ytd)) {
      cell_fail(c, NOTE_YTD);
      continue;
    }
    const char *zWhy = NULL;
    for (int j = 0; j < n_parts && zWhy == NULL; j++) {
      double rest, part_ytd;
      if (!has_data_by(parts[j].grid, year, k)) continue; /* not a part yet */
      int rc = part_year(&parts[j], P, year, k, m, &rest, &part_ytd, notes, &zWhy);
      if (rc < 0) return SQLITE_NOMEM;
      if (rc > 0) break;
      sum_rest += rest, sum_ytd += part_ytd, counted++;
    }
    if (zWhy == NULL && counted == 0) zWhy = NOTE_NO_PARTS;
    if (zWhy == NULL && fabs(sum_ytd - ytd) > TS_RECON_TOLERANCE * fabs(ytd)) {
      zWhy = note_add(notes, sqlite3_mprintf("not reconciled: its parts' year-to-date (%!.15g)"
                                             " is not its own (%!.15g) within 1 %%",
                                             sum_ytd, ytd));
      if (zWhy == NULL) return SQLITE_NOMEM;
    }
    if (zWhy) {
      cell_fail(c, zWhy);
      continue;
    }
    double value = ytd + sum_rest;
    if (!isfinite(value)) {
      cell_fail(c, "projection is not a finite number");
      continue;
    }
    if (value < ytd && non_negative_upto(total, yi, k)) value = ytd;
    c->ok = 1;
    c->value = value;
    c->model_sd = -1;
    c->detail = DETAIL_RECONCILED;
  }
  return SQLITE_OK;
}

/* ---- the query half ---------------------------------------------------
** Which series are one in a by column is SQLite's question (the column's
** collation: NOCASE, RTRIM, one the application registered).  Asking it
** for every (total, part) pair would be O(totals x parts) statements, so
** each column's values are sorted once with SQLite as the comparator
** (O(n log n) statements) and ranked, equal values sharing a rank; from
** there totals meet their parts by comparing integers. */

typedef struct recon_entry {
  sqlite3_value **apKey; /* nBy values */
  unsigned mask;         /* bit j: a total in declared column j */
  char *name;            /* the declared columns' values, for notes */
  int first_year, n_years;
  ts_proj_estimate *est; /* a total's reconciled estimates, per year */
} recon_entry;

/* The parts sorted by their ranks outside the columns in skip. */
typedef struct recon_group {
  unsigned skip;
  int *idx, n;
} recon_group;

struct ts_recon {
  sqlite3 *db;
  const ts_source_spec *spec;
  const ts_recon_spec *rs;
  sqlite3_stmt *label[TS_MAX_BY]; /* per declared column: is it the label? */
  sqlite3_stmt *order[TS_MAX_BY]; /* per by column: the order of two values */
  recon_entry *a;
  int n, nAlloc;
  int *rank;              /* n * nBy: a value's rank in its column */
  int *sorted[TS_MAX_BY]; /* entries by their value of each column */
  int *by_key;            /* entries by their ranks in every column */
  recon_group *groups;
  int n_groups;
  char **pzErr; /* where a comparison's error goes, while sorting */
  ts_recon_notes notes;
  ts_proj_pool *pools; /* the totals' reconciled errors, per (P, k) */
  int n_pools;
};

static int prepare(ts_recon *r, char *zSql, sqlite3_stmt **pp, char **pzErr) {
  if (zSql == NULL) return SQLITE_NOMEM;
  int rc = sqlite3_prepare_v2(r->db, zSql, -1, pp, NULL);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM)
    *pzErr = sqlite3_mprintf("%s: %s", r->spec->zModule, sqlite3_errmsg(r->db));
  return rc;
}

/* The by columns' collations come from a first arm that reads no row
** (as the scan groups series, series_source.c open_same_key):
**   SELECT CAST(+k AS TEXT) IS ?2 FROM (SELECT s."c" AS k FROM src AS s
**     WHERE 0 UNION ALL SELECT ?1)
** and the order of two values ?1, ?2 of the column:
**   SELECT CASE WHEN +k IS ?2 THEN 0 WHEN +k < ?2 THEN -1 ELSE 1 END
**     FROM (... the same ...) */
static int prepare_statements(ts_recon *r, char **pzErr) {
  const ts_source_spec *spec = r->spec;
  int rc = SQLITE_OK;
  char *zFrom = ts_source_sql_name(spec);
  if (zFrom == NULL) return SQLITE_NOMEM;
  for (int j = 0; j < r->rs->n && rc == SQLITE_OK; j++)
    rc = prepare(r,
                 sqlite3_mprintf("SELECT CAST(+k AS TEXT) IS ?2 FROM (SELECT s.\"%w\" AS k FROM %s"
                                 " WHERE 0 UNION ALL SELECT ?1)",
                                 spec->azBy[r->rs->col[j]], zFrom),
                 &r->label[j], pzErr);
  for (int i = 0; i < spec->nBy && rc == SQLITE_OK; i++)
    rc = prepare(r,
                 sqlite3_mprintf("SELECT CASE WHEN +k IS ?2 THEN 0 WHEN +k < ?2 THEN -1 ELSE 1 END"
                                 " FROM (SELECT s.\"%w\" AS k FROM %s WHERE 0 UNION ALL SELECT ?1)",
                                 spec->azBy[i], zFrom),
                 &r->order[i], pzErr);
  sqlite3_free(zFrom);
  return rc;
}

int ts_recon_open(sqlite3 *db, const ts_source_spec *spec, const ts_recon_spec *rs, ts_recon **pp,
                  char **pzErr) {
  ts_recon *r = sqlite3_malloc64(sizeof(*r));
  *pp = NULL;
  if (r == NULL) return SQLITE_NOMEM;
  memset(r, 0, sizeof(*r));
  r->db = db, r->spec = spec, r->rs = rs;
  int rc = prepare_statements(r, pzErr);
  if (rc != SQLITE_OK) {
    ts_recon_free(r);
    return rc;
  }
  *pp = r;
  return SQLITE_OK;
}

/* Runs a prepared question with one integer answer; SQLITE_OK and *pOut. */
static int ask(ts_recon *r, sqlite3_stmt *stmt, int *pOut, char **pzErr) {
  int rc = sqlite3_step(stmt);
  *pOut = 0;
  if (rc == SQLITE_ROW) {
    *pOut = sqlite3_column_int(stmt, 0);
    rc = SQLITE_OK;
  } else if (rc != SQLITE_NOMEM) {
    *pzErr = sqlite3_mprintf("%s: %s", r->spec->zModule, sqlite3_errmsg(r->db));
  }
  sqlite3_reset(stmt);
  return rc;
}

/* Same type and bytes: one value without asking. */
static int same_bytes(sqlite3_value *a, sqlite3_value *b) {
  int ta = a ? sqlite3_value_type(a) : SQLITE_NULL, tb = b ? sqlite3_value_type(b) : SQLITE_NULL;
  if (ta != tb) return 0;
  if (ta == SQLITE_NULL) return 1;
  if (ta == SQLITE_INTEGER) return sqlite3_value_int64(a) == sqlite3_value_int64(b);
  if (ta == SQLITE_FLOAT) return sqlite3_value_double(a) == sqlite3_value_double(b);
  const void *za = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(a) : sqlite3_value_blob(a);
  const void *zb = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(b) : sqlite3_value_blob(b);
  int n = sqlite3_value_bytes(a);
  return n == sqlite3_value_bytes(b) && (n == 0 || memcmp(za, zb, (size_t)n) == 0);
}

/* The order of two values of by column col as SQLite orders them (NULL
** first, as ORDER BY puts it): -1, 0 or 1 in *pc. */
static int value_order(ts_recon *r, int col, sqlite3_value *a, sqlite3_value *b, int *pc) {
  int na = a == NULL || sqlite3_value_type(a) == SQLITE_NULL;
  int nb = b == NULL || sqlite3_value_type(b) == SQLITE_NULL;
  *pc = 0;
  if (same_bytes(a, b)) return SQLITE_OK;
  if (na || nb) {
    *pc = na ? -1 : 1;
    return SQLITE_OK;
  }
  int rc = sqlite3_bind_value(r->order[col], 1, a);
  if (rc == SQLITE_OK) rc = sqlite3_bind_value(r->order[col], 2, b);
  return rc == SQLITE_OK ? ask(r, r->order[col], pc, r->pzErr) : rc;
}

/* Entries a and b: by their value of column *(int *)ctx, or by their
** ranks outside the columns in *(unsigned *)ctx. */
typedef int (*entry_order)(ts_recon *r, const void *ctx, int a, int b, int *pc);

static int column_order(ts_recon *r, const void *ctx, int a, int b, int *pc) {
  int col = *(const int *)ctx;
  return value_order(r, col, r->a[a].apKey[col], r->a[b].apKey[col], pc);
}

static int rank_order(ts_recon *r, const void *ctx, int a, int b, int *pc) {
  unsigned skip = *(const unsigned *)ctx;
  int n = r->spec->nBy;
  *pc = 0;
  for (int i = 0; i < n && *pc == 0; i++) {
    if (skip >> i & 1) continue;
    int x = r->rank[a * n + i], y = r->rank[b * n + i];
    *pc = x < y ? -1 : x > y;
  }
  return SQLITE_OK;
}

/* Sorts idx[0..n) (stable merge sort; the comparisons may be SQL). */
static int sort_entries(ts_recon *r, const void *ctx, entry_order cmp, int *idx, int n) {
  int *tmp = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)(n ? n : 1));
  int rc = tmp ? SQLITE_OK : SQLITE_NOMEM;
  for (int width = 1; width < n && rc == SQLITE_OK; width *= 2) {
    for (int lo = 0; lo < n && rc == SQLITE_OK; lo += 2 * width) {
      int mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
      int i = lo, j = mid, k = lo, c = 0;
      while (i < mid && j < hi && rc == SQLITE_OK) {
        rc = cmp(r, ctx, idx[i], idx[j], &c);
        tmp[k++] = c <= 0 ? idx[i++] : idx[j++];
      }
      while (i < mid) tmp[k++] = idx[i++];
      while (j < hi) tmp[k++] = idx[j++];
      memcpy(idx + lo, tmp + lo, sizeof(int) * (size_t)(hi - lo));
    }
  }
  sqlite3_free(tmp);
  return rc;
}

static int *identity(int n) {
  int *idx = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)(n ? n : 1));
  for (int i = 0; idx && i < n; i++) idx[i] = i;
  return idx;
}

/* Ranks every entry's value in every by column, and sorts the entries
** by their ranks (ts_recon_find's order). */
static int rank_entries(ts_recon *r) {
  int n = r->n, nBy = r->spec->nBy, rc = SQLITE_OK;
  r->rank = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)(n * nBy + 1));
  if (r->rank == NULL) return SQLITE_NOMEM;
  for (int col = 0; col < nBy && rc == SQLITE_OK; col++) {
    int *idx = r->sorted[col] = identity(n);
    if (idx == NULL) return SQLITE_NOMEM;
    rc = sort_entries(r, &col, column_order, idx, n);
    for (int t = 0, rank = 0, c = 0; t < n && rc == SQLITE_OK; t++) {
      if (t > 0) rc = column_order(r, &col, idx[t - 1], idx[t], &c);
      if (c != 0) rank++;
      r->rank[idx[t] * nBy + col] = rank;
    }
  }
  unsigned none = 0;
  if (rc == SQLITE_OK) rc = (r->by_key = identity(n)) ? SQLITE_OK : SQLITE_NOMEM;
  if (rc == SQLITE_OK) rc = sort_entries(r, &none, rank_order, r->by_key, n);
  return rc;
}

/* The parts sorted by their ranks outside skip (made once per skip). */
static int group_of(ts_recon *r, unsigned skip, recon_group **pp) {
  for (int g = 0; g < r->n_groups; g++)
    if (r->groups[g].skip == skip) return (*pp = &r->groups[g]), SQLITE_OK;
  recon_group *a = sqlite3_realloc64(r->groups, sizeof(*a) * (sqlite3_uint64)(r->n_groups + 1));
  if (a == NULL) return SQLITE_NOMEM;
  r->groups = a;
  recon_group *g = *pp = &a[r->n_groups++];
  g->skip = skip, g->n = 0;
  g->idx = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)(r->n ? r->n : 1));
  if (g->idx == NULL) return SQLITE_NOMEM;
  for (int j = 0; j < r->n; j++)
    if (r->a[j].mask == 0) g->idx[g->n++] = j;
  return sort_entries(r, &g->skip, rank_order, g->idx, g->n);
}

/* The by columns' mask of the declared columns. */
static unsigned declared_columns(const ts_recon *r, unsigned mask) {
  unsigned cols = 0;
  for (int j = 0; j < r->rs->n; j++)
    if (mask >> j & 1) cols |= 1u << r->rs->col[j];
  return cols;
}

int ts_recon_add(ts_recon *r, const ts_series *s, char **pzErr) {
  int n = r->spec->nBy, rc = SQLITE_OK;
  if (r->n == r->nAlloc) {
    int m = r->nAlloc ? 2 * r->nAlloc : 32;
    recon_entry *a = sqlite3_realloc64(r->a, sizeof(*a) * (sqlite3_uint64)m);
    if (a == NULL) return SQLITE_NOMEM;
    r->a = a, r->nAlloc = m;
  }
  recon_entry *e = &r->a[r->n];
  memset(e, 0, sizeof(*e));
  e->apKey = sqlite3_malloc64(sizeof(sqlite3_value *) * (sqlite3_uint64)(n ? n : 1));
  if (e->apKey == NULL) return SQLITE_NOMEM;
  memset(e->apKey, 0, sizeof(sqlite3_value *) * (size_t)n);
  r->n++; /* owned from here: ts_recon_free releases it */
  for (int i = 0; i < n; i++)
    if (s->apKey[i] && (e->apKey[i] = sqlite3_value_dup(s->apKey[i])) == NULL) return SQLITE_NOMEM;
  sqlite3_str *name = sqlite3_str_new(NULL);
  for (int j = 0; j < r->rs->n && rc == SQLITE_OK; j++) {
    sqlite3_value *key = e->apKey[r->rs->col[j]];
    const unsigned char *z = key ? sqlite3_value_text(key) : NULL;
    sqlite3_str_appendf(name, "%s%s", j ? "/" : "", z ? (const char *)z : "NULL");
    if (key == NULL) continue; /* NULL is never a label */
    int yes = 0;
    rc = sqlite3_bind_value(r->label[j], 1, key);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(r->label[j], 2, r->rs->label[j], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = ask(r, r->label[j], &yes, pzErr);
    if (yes) e->mask |= 1u << j;
  }
  e->name = sqlite3_str_finish(name);
  if (rc == SQLITE_OK && e->name == NULL) rc = SQLITE_NOMEM;
  return rc;
}

/* The pool of the totals' reconciled errors from point (P, k). */
static ts_proj_pool *recon_pool(ts_recon *r, int P, int k) {
  for (int i = 0; i < r->n_pools; i++)
    if (r->pools[i].periods_per_year == P && r->pools[i].k == k) return &r->pools[i];
  ts_proj_pool *a = sqlite3_realloc64(r->pools, sizeof(*a) * (sqlite3_uint64)(r->n_pools + 1));
  if (a == NULL) return NULL;
  r->pools = a;
  ts_proj_pool *p = &a[r->n_pools++];
  memset(p, 0, sizeof(*p));
  p->periods_per_year = P, p->k = k;
  return p;
}

/* Total i's reconciled backtest (cells, allocated), its parts found
** among the added series. */
static int total_backtest(ts_recon *r, int i, const ts_recon_part *in, ts_proj_method m,
                          ts_proj_cell **pCells) {
  const ts_proj_grid *g = in[i].grid;
  unsigned skip = declared_columns(r, r->a[i].mask);
  ts_recon_part *parts = sqlite3_malloc64(sizeof(*parts) * (sqlite3_uint64)(r->n ? r->n : 1));
  ts_proj_cell *cells =
      sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)g->n_years * TS_PROJ_N_CELLS);
  int n_parts = 0, rc = parts && cells ? SQLITE_OK : SQLITE_NOMEM;
  recon_group *grp = NULL;
  if (rc == SQLITE_OK) rc = group_of(r, skip, &grp);
  if (rc == SQLITE_OK) { /* the first part with i's ranks outside skip, then the rest */
    int lo = 0, hi = grp->n, c = 0;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      rank_order(r, &skip, grp->idx[mid], i, &c);
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (; lo < grp->n && (rank_order(r, &skip, grp->idx[lo], i, &c), c == 0); lo++) {
      parts[n_parts] = in[grp->idx[lo]];
      parts[n_parts++].name = r->a[grp->idx[lo]].name;
    }
  }
  if (rc == SQLITE_OK) rc = ts_recon_bottom_up(g, in[i].k, parts, n_parts, m, cells, &r->notes);
  sqlite3_free(parts);
  if (rc != SQLITE_OK) {
    sqlite3_free(cells);
    cells = NULL;
  }
  *pCells = cells;
  return rc;
}

int ts_recon_run(ts_recon *r, const ts_recon_part *in, int n, ts_proj_method m, double level,
                 ts_proj_quantiles *q, char **pzErr) {
  ts_proj_cell **cells = sqlite3_malloc64(sizeof(*cells) * (sqlite3_uint64)(n ? n : 1));
  if (cells == NULL) return SQLITE_NOMEM;
  memset(cells, 0, sizeof(*cells) * (size_t)n);
  r->pzErr = pzErr;
  int rc = rank_entries(r);
  for (int i = 0; i < n && i < r->n && rc == SQLITE_OK; i++) {
    if (r->a[i].mask == 0 || in[i].k == 0 || in[i].cells == NULL) continue;
    rc = total_backtest(r, i, in, m, &cells[i]);
    ts_proj_pool *pool =
        rc == SQLITE_OK ? recon_pool(r, in[i].grid->periods_per_year, in[i].k) : NULL;
    if (rc == SQLITE_OK && pool == NULL) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK) rc = ts_proj_pool_add(pool, in[i].grid, cells[i], 1u << TS_RECON_COLUMN);
  }
  for (int p = 0; p < r->n_pools && rc == SQLITE_OK; p++)
    if (r->pools[p].sum) rc = ts_proj_pool_finish(&r->pools[p]);
  for (int i = 0; i < n && i < r->n && rc == SQLITE_OK; i++) {
    if (cells[i] == NULL) continue;
    recon_entry *e = &r->a[i];
    ts_proj_grid g = *in[i].grid;
    g.quantiles = q;
    g.pool = recon_pool(r, g.periods_per_year, in[i].k);
    if (g.pool && g.pool->before == NULL) g.pool = NULL;
    e->first_year = g.first_year, e->n_years = g.n_years;
    e->est = sqlite3_malloc64(sizeof(ts_proj_estimate) * (sqlite3_uint64)g.n_years);
    if (e->est == NULL) {
      rc = SQLITE_NOMEM;
      break;
    }
    for (int yi = 0; yi < g.n_years; yi++) {
      ts_projection_from_backtest(&g, cells[i], yi, in[i].k, TS_RECON_COLUMN, level, &e->est[yi]);
      e->est[yi].method = m;
    }
  }
  for (int i = 0; i < n; i++) sqlite3_free(cells[i]);
  sqlite3_free(cells);
  return rc;
}

/* The rank of value v in by column col: 0 and *pRank, or 1 when no entry
** has it (binary search over the column's sorted values). */
static int rank_of(ts_recon *r, int col, sqlite3_value *v, int *pRank, int *pFound) {
  int lo = 0, hi = r->n, c = 0, rc = SQLITE_OK;
  const int *idx = r->sorted[col];
  *pFound = 0;
  while (lo < hi && rc == SQLITE_OK) {
    int mid = (lo + hi) / 2;
    rc = value_order(r, col, r->a[idx[mid]].apKey[col], v, &c);
    if (c == 0) {
      *pRank = r->rank[idx[mid] * r->spec->nBy + col];
      *pFound = 1;
      return rc;
    }
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return rc;
}

int ts_recon_find(ts_recon *r, sqlite3_value *const *apKey, int *pNext, int *pIndex, char **pzErr) {
  int n = r->spec->nBy, j = *pNext, same = j < r->n, found = 1, rc = SQLITE_OK;
  int key[TS_MAX_BY];
  *pIndex = -1;
  /* Both scans read in the same order: mostly the next entry, as is. */
  for (int i = 0; i < n && same; i++) same = same_bytes(apKey[i], r->a[j].apKey[i]);
  if (!same) {
    if (r->by_key == NULL) return SQLITE_OK; /* nothing ranked: no entries */
    r->pzErr = pzErr;
    for (int i = 0; i < n && found && rc == SQLITE_OK; i++)
      rc = rank_of(r, i, apKey[i], &key[i], &found);
    if (rc != SQLITE_OK || !found) return rc;
    int lo = 0, hi = r->n;
    while (lo < hi) { /* entries by their ranks: the one with key's */
      int mid = (lo + hi) / 2, c = 0;
      const int *at = &r->rank[r->by_key[mid] * n];
      for (int i = 0; i < n && c == 0; i++) c = at[i] < key[i] ? -1 : at[i] > key[i];
      if (c == 0) {
        j = r->by_key[mid];
        same = 1;
        break;
      }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  }
  if (same) {
    *pIndex = j;
    *pNext = j + 1;
  }
  return SQLITE_OK;
}

const ts_proj_estimate *ts_recon_estimate(const ts_recon *r, int i, int year) {
  if (r == NULL || i < 0 || i >= r->n || r->a[i].est == NULL) return NULL;
  int yi = year - r->a[i].first_year;
  return yi >= 0 && yi < r->a[i].n_years ? &r->a[i].est[yi] : NULL;
}

void ts_recon_free(ts_recon *r) {
  if (r == NULL) return;
  for (int i = 0; i < r->n; i++) {
    for (int c = 0; c < r->spec->nBy; c++) sqlite3_value_free(r->a[i].apKey[c]);
    sqlite3_free(r->a[i].apKey);
    sqlite3_free(r->a[i].name);
    sqlite3_free(r->a[i].est);
  }
  sqlite3_free(r->a);
  for (int j = 0; j < TS_MAX_BY; j++) {
    sqlite3_finalize(r->label[j]);
    sqlite3_finalize(r->order[j]);
    sqlite3_free(r->sorted[j]);
  }
  sqlite3_free(r->rank);
  sqlite3_free(r->by_key);
  for (int g = 0; g < r->n_groups; g++) sqlite3_free(r->groups[g].idx);
  sqlite3_free(r->groups);
  for (int p = 0; p < r->n_pools; p++) ts_proj_pool_free(&r->pools[p]);
  sqlite3_free(r->pools);
  ts_recon_notes_free(&r->notes);
  sqlite3_free(r);
}
