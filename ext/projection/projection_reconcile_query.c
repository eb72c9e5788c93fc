/*
** projection/projection_reconcile_query.c -- the query half of reconcile=
** (projection_reconcile.h; the contract is projection_reconcile.c's):
** which series are totals, which are their parts, as SQLite compares the
** by columns, and each total's reconciled estimates and intervals from
** the bottom-up sums (ts_recon_bottom_up).
*/
#include "projection/projection_reconcile.h"

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
** (as the scan groups series, series_scan_open.c open_same_key):
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

/* A declared label no series of the source carries: an error (contract
** item 1 of projection_reconcile.c).  Such a label made no series a
** total, and the table answered every row with its own projection, the
** totals' too, as if reconciled.  The pre-pass reads the whole source,
** so a WHERE never decides it; an empty source has nothing to reconcile. */
static int labels_found(const ts_recon *r, char **pzErr) {
  unsigned seen = 0;
  for (int i = 0; i < r->n; i++) seen |= r->a[i].mask;
  for (int j = 0; j < r->rs->n && r->n > 0; j++) {
    if (seen >> j & 1) continue;
    char *zLabel = ts_text_shown(r->rs->label[j]);
    char *zCol = ts_name_shown(r->spec->azBy[r->rs->col[j]]);
    *pzErr = zLabel && zCol ? sqlite3_mprintf(
                                  "%s: reconcile=: no series of the source has the"
                                  " total %s in \"%s\" (labels compare as the"
                                  " column does)",
                                  r->spec->zModule, zLabel, zCol)
                            : NULL;
    sqlite3_free(zLabel);
    sqlite3_free(zCol);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* Item 8b of projection_vtab.c: total i's reconciled backtests from the
** other points of the year in more[], each pooled at its point. */
static int pool_more_points(ts_recon *r, int i, const ts_recon_part *in,
                            const ts_recon_part *const *more, int n_more, ts_proj_method m) {
  int rc = SQLITE_OK;
  for (int e = 0; e < n_more && rc == SQLITE_OK; e++) {
    const ts_recon_part *at = more[e];
    if (at[i].k == 0 || at[i].k == in[i].k || at[i].cells == NULL) continue;
    ts_proj_cell *cells = NULL;
    rc = total_backtest(r, i, at, m, &cells);
    ts_proj_pool *pool =
        rc == SQLITE_OK ? recon_pool(r, in[i].grid->periods_per_year, at[i].k) : NULL;
    if (rc == SQLITE_OK && pool == NULL) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK) rc = ts_proj_pool_add(pool, in[i].grid, cells, 1u << TS_RECON_COLUMN);
    sqlite3_free(cells);
  }
  return rc;
}

int ts_recon_run(ts_recon *r, const ts_recon_part *in, int n, const ts_recon_part *const *more,
                 int n_more, ts_proj_method m, double level, ts_proj_quantiles *q, char **pzErr) {
  int rc = labels_found(r, pzErr);
  if (rc != SQLITE_OK) return rc;
  ts_proj_cell **cells = sqlite3_malloc64(sizeof(*cells) * (sqlite3_uint64)(n ? n : 1));
  if (cells == NULL) return SQLITE_NOMEM;
  memset(cells, 0, sizeof(*cells) * (size_t)n);
  r->pzErr = pzErr;
  rc = rank_entries(r);
  for (int i = 0; i < n && i < r->n && rc == SQLITE_OK; i++) {
    if (r->a[i].mask == 0 || in[i].k == 0 || in[i].cells == NULL) continue;
    rc = total_backtest(r, i, in, m, &cells[i]);
    ts_proj_pool *pool =
        rc == SQLITE_OK ? recon_pool(r, in[i].grid->periods_per_year, in[i].k) : NULL;
    if (rc == SQLITE_OK && pool == NULL) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK) rc = ts_proj_pool_add(pool, in[i].grid, cells[i], 1u << TS_RECON_COLUMN);
    if (rc == SQLITE_OK) rc = pool_more_points(r, i, in, more, n_more, m);
  }
  for (int p = 0; p < r->n_pools && rc == SQLITE_OK; p++)
    if (r->pools[p].sum) rc = ts_proj_pool_finish(&r->pools[p]);
  for (int i = 0; i < n && i < r->n && rc == SQLITE_OK; i++) {
    if (cells[i] == NULL) continue;
    recon_entry *e = &r->a[i];
    ts_proj_grid g = *in[i].grid;
    g.quantiles = q;
    g.summed_method = 1 + (int)m; /* item 4b reads the parts' method */
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
