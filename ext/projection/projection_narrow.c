/*
** projection/projection_narrow.c -- annual_projection's narrowed read.
**
** A query of a fixed method's projections under a bound on year, reading
** none of low, high and note (the pool, and with it every series' past
** errors), reads the years from one before the bound on, not every
** earlier year (series_vtab.c, TS_PLAN_NARROW): run_rate projects a year
** from itself, prior_share and snaive from it and the year before.  Two
** rules look further back (projection_core.c): a projection below its
** year-to-date is raised to it only when no value up to its point is
** negative (item 5), and a month series is not projected from
** January..April when no earlier year has a month after April (item 1b).
** Both are settled by the two years read for most series: a projection
** above its year-to-date was never raised, one below it has a negative
** value read before it (or it would have been raised), and a month after
** April in the year before settles item 1b.  A series where they are not
** settled (ts_proj_narrow_unsure) is read again with every earlier year
** (ts_proj_series_again) and projected from that, so every row is the
** one the read of every year gives.
*/
#include "projection/projection_narrow.h"

#include <string.h>

int ts_proj_narrow_history(ts_proj_method m) {
  return m == TS_PROJ_RUN_RATE || m == TS_PROJ_PRIOR_SHARE || m == TS_PROJ_SNAIVE ? 1 : -1;
}

/* Whether a year of the grid before yi has a month after April. */
static int late_month_before(const ts_proj_grid *g, int yi) {
  for (int y = 0; y < yi; y++)
    for (int pos = 5; pos <= 12; pos++)
      if (g->present[ts_proj_cell_index(g, y, pos)]) return 1;
  return 0;
}

int ts_proj_narrow_unsure(const ts_series_cursor *cur, const ts_proj_grid *g,
                          const ts_proj_cell *cells, int k, ts_proj_method m, int read_lo) {
  if (g->first_year < read_lo) return 1; /* a label of a year left out */
  if (k == 0) return 0;                  /* no projection at all */
  for (int yi = 0; yi < g->n_years; yi++) {
    if (!ts_series_wants_year(cur, g->first_year + yi) || !ts_proj_year_has_data(g, yi)) continue;
    double ytd;
    if (ts_proj_ytd(g, yi, k, &ytd) || k == g->periods_per_year) continue; /* before 1b and 5 */
    if (g->periods_per_year == 12 && k <= 4 && !late_month_before(g, yi)) return 1;
    const ts_proj_cell *c = &cells[yi * TS_PROJ_N_CELLS + m];
    if (c->ok && c->value == ytd && ts_proj_non_negative_upto(g, ts_proj_cell_index(g, yi, k)))
      return 1;
  }
  return 0;
}

/* Whether series t of the second read is s: one group as GROUP BY makes
** them (the scan's own same-key query). */
static int same_series(sqlite3_stmt *same, const ts_series *s, const ts_series *t, int n,
                       int *pSame) {
  int rc = SQLITE_OK;
  for (int i = 0; i < n && rc == SQLITE_OK; i++) {
    rc = sqlite3_bind_value(same, i + 1, s->apKey[i]);
    if (rc == SQLITE_OK) rc = sqlite3_bind_value(same, n + i + 1, t->apKey[i]);
  }
  if (rc == SQLITE_OK) rc = sqlite3_step(same);
  *pSame = rc == SQLITE_ROW && sqlite3_column_int(same, 0);
  if (rc == SQLITE_ROW) rc = SQLITE_OK;
  sqlite3_reset(same);
  return rc;
}

int ts_proj_series_again(ts_series_cursor *cur, const ts_series *s, ts_series *out, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  const ts_source_spec *spec = cur->spec;
  int n = spec->nBy;
  ts_pushdown pd;
  memset(&pd, 0, sizeof(pd));
  memset(out, 0, sizeof(*out));
  /* Its key pushed (a NULL one is left to the same-key test: = NULL
  ** keeps no row), every year up to those the main read reads. */
  for (int i = 0; i < n; i++)
    if (s->apKey[i] && sqlite3_value_type(s->apKey[i]) != SQLITE_NULL) pd.apByEq[i] = s->apKey[i];
  pd.year_hi = pd.out_year_hi = cur->read_hi;
  int rc = ts_series_snapshot(cur, &pd, pzErr);
  ts_scan *scan = NULL;
  if (rc == SQLITE_OK) rc = ts_scan_open(vtab->db, spec, &pd, &scan, pzErr);
  sqlite3_stmt *same = NULL;
  if (rc == SQLITE_OK && n > 0) {
    char *zSql = ts_same_key_sql(vtab->db, spec, n);
    rc = zSql ? sqlite3_prepare_v2(vtab->db, zSql, -1, &same, NULL) : SQLITE_NOMEM;
    sqlite3_free(zSql);
    if (rc != SQLITE_OK && rc != SQLITE_NOMEM)
      *pzErr = sqlite3_mprintf("%s: %s", spec->zModule, sqlite3_errmsg(vtab->db));
  }
  while (rc == SQLITE_OK) {
    ts_series *t = NULL;
    rc = ts_scan_next(scan, &t, pzErr);
    if (rc != SQLITE_ROW) break;
    int is = 1;
    rc = n > 0 ? same_series(same, s, t, n, &is) : SQLITE_OK;
    if (rc != SQLITE_OK || !is) continue;
    out->aPoint = sqlite3_malloc64(sizeof(ts_point) * (sqlite3_uint64)(t->nPoint ? t->nPoint : 1));
    if (out->aPoint == NULL) {
      rc = SQLITE_NOMEM;
      break;
    }
    memcpy(out->aPoint, t->aPoint, sizeof(ts_point) * (size_t)t->nPoint);
    out->nPoint = out->nAlloc = t->nPoint;
    out->kind = t->kind;
    rc = SQLITE_DONE;
  }
  sqlite3_finalize(same);
  ts_scan_close(scan);
  if (rc == SQLITE_DONE && out->aPoint == NULL) {
    /* The source changed under the statement: what was read stands. */
    return SQLITE_OK;
  }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A statement that writes is running: a source read during it may differ
** from what the cursor read first (series_snapshot.c keeps that apart). */
static int writer_busy(sqlite3 *db) {
  for (sqlite3_stmt *p = sqlite3_next_stmt(db, NULL); p; p = sqlite3_next_stmt(db, p))
    if (sqlite3_stmt_busy(p) && !sqlite3_stmt_readonly(p)) return 1;
  return 0;
}

int ts_proj_narrow_left_out(ts_series_cursor *cur, int lo, int *pAny, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  const ts_source_spec *spec = cur->spec;
  *pAny = 1;
  if (writer_busy(vtab->db)) return SQLITE_OK;
  char *zFrom = ts_source_sql_name(spec);
  if (zFrom == NULL) return SQLITE_NOMEM;
  /* the rows series_query.c's year filter drops below lo */
  char *zSql = sqlite3_mprintf(
      "SELECT EXISTS (SELECT 1 FROM %s WHERE typeof(s.\"%w\") = 'text'"
      " AND s.\"%w\" < '%04d' COLLATE BINARY AND s.\"%w\" GLOB "
      "'[0-9][0-9][0-9][0-9]*')",
      zFrom, spec->zPeriod, spec->zPeriod, lo, spec->zPeriod);
  sqlite3_free(zFrom);
  if (zSql == NULL) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(vtab->db, zSql, -1, &stmt, NULL);
  sqlite3_free(zSql);
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    *pAny = sqlite3_column_int(stmt, 0) != 0;
    rc = SQLITE_OK;
  } else if (rc != SQLITE_NOMEM) {
    *pzErr = sqlite3_mprintf("%s: %s", spec->zModule, sqlite3_errmsg(vtab->db));
    if (rc == SQLITE_DONE || rc == SQLITE_OK) rc = SQLITE_ERROR;
  }
  sqlite3_finalize(stmt);
  return rc;
}
