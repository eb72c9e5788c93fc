/*
** projection/projection_reconcile.c -- bottom-up reconciliation of the
** annual_projection virtual table (reconcile=; projection_reconcile.h):
** the pure half, reconcile= read and the bottom-up sums over grids.  The
** query half (totals and parts found with SQLite, items 2, 5 and 6) is
** projection_reconcile_query.c.
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
**     cannot project it), of another kind than the total's or projected
**     from another point of the year;
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

/* "module: what: 'value'", the value cut to 60 bytes with control bytes
** as char(N) (ts_text_shown): the argument is the user's, and a 10 kB
** reconcile= must not come back whole. */
static char *shown_error(const char *zModule, const char *zWhat, const char *zValue) {
  char *zShown = ts_text_shown(zValue);
  char *zMsg = zShown ? sqlite3_mprintf("%s: %s: %s", zModule, zWhat, zShown) : NULL;
  sqlite3_free(zShown);
  return zMsg;
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
    return parse_error(pzErr, shown_error(zModule,
                                          "reconcile= must be by columns with the labels"
                                          " of their totals, like 'region=Total'",
                                          zValue));
  }
  int col = -1;
  for (int i = 0; i < nBy && col < 0; i++)
    if (sqlite3_stricmp(azBy[i], zKey) == 0) col = i;
  for (int j = 0; j < p->n && col >= 0; j++) {
    if (p->col[j] != col) continue;
    char *zName = ts_name_shown(zKey);
    char *zWhat =
        zName ? sqlite3_mprintf("reconcile= names the by column \"%s\" twice", zName) : NULL;
    rc = parse_error(pzErr, zWhat ? shown_error(zModule, zWhat, zValue) : NULL);
    sqlite3_free(zName);
    sqlite3_free(zWhat);
    sqlite3_free(zKey);
    sqlite3_free(zLabel);
    return rc;
  }
  if (col < 0) {
    sqlite3_str *s = sqlite3_str_new(NULL);
    char *zName = ts_name_shown(zKey);
    sqlite3_str_appendf(s, "reconcile= names \"%s\", which is not a by column (by: ", zName);
    for (int i = 0; i < nBy; i++) {
      char *zBy = ts_name_shown(azBy[i]);
      sqlite3_str_appendf(s, "%s%s", i ? ", " : "", zBy);
      sqlite3_free(zBy);
    }
    sqlite3_str_appendall(s, ")");
    char *zWhat = sqlite3_str_finish(s);
    sqlite3_free(zName);
    sqlite3_free(zKey);
    sqlite3_free(zLabel);
    rc = parse_error(pzErr, zWhat ? shown_error(zModule, zWhat, zValue) : NULL);
    sqlite3_free(zWhat);
    return rc;
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
    return parse_error(
        pzErr,
        shown_error(zModule, "reconcile= needs by columns (the hierarchy is in them)", zValue));
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
      rc = parse_error(pzErr,
                       shown_error(zModule, "reconcile= names more columns than by has", zValue));
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
    /* A part of another kind is projected from another position, even
    ** from the same point of the year (H1: month 6, quarter 2): through=
    ** cannot help there, grain= can. */
    const char *zWhy = p->grid->periods_per_year != P
                           ? "has periods of another kind than its total's (give grain=)"
                           : "is projected from another point of the year";
    char *zName = ts_text_shown(p->name);
    *pzWhy =
        zName ? note_add(notes, sqlite3_mprintf("not reconciled: part %s %s", zName, zWhy)) : NULL;
    sqlite3_free(zName);
    return *pzWhy ? 1 : -1;
  }
  int pyi = year - p->grid->first_year;
  const ts_proj_cell *c = pyi < p->grid->n_years ? &p->cells[pyi * TS_PROJ_N_CELLS + m] : NULL;
  if (c == NULL || !c->ok || ts_proj_ytd(p->grid, pyi, k, ytd)) {
    const char *zWhy = c && c->note ? c->note : TS_PROJ_NOTE_YTD;
    char *zName = ts_text_shown(p->name);
    *pzWhy = zName
                 ? note_add(notes, sqlite3_mprintf("not reconciled: part %s has no projection (%s)",
                                                   zName, zWhy))
                 : NULL;
    sqlite3_free(zName);
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
      cell_fail(c, TS_PROJ_NOTE_YTD);
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
