/*
** yoy_vtab.c -- the yoy_growth virtual table (SPEC section 2).
**
**   SELECT * FROM yoy_growth('direct_trade', 'amount', 'period', 'partner');
**   CREATE VIRTUAL TABLE g USING yoy_growth(source=direct_trade,
**       value=amount, period=period, by='flow, partner', grain=quarter);
**
** Contract:
**  1. One row per series and period present in the source (after grain=
**     roll-up), ordered by series then period.  Periods whose every value
**     is NULL are absent, like rows sum() skips.
**  2. growth compares with the same period one year earlier, matched by
**     label (ts_growth_at); prior_period names that period even when it is
**     missing, and note says why growth or ytd_growth is NULL.
**  3. value, prior_value, change, ytd_value and prior_ytd_value are INTEGER
**     while the inputs are integers and the exact total fits, else REAL.
**  4. The table-valued form always has a `series` column (NULL when no
**     series column is given): an eponymous table's columns are fixed.
**  5. WHERE on the series columns (=, IN) and on period (=, <, <=, >, >=)
**     is pushed into the source query (series_source.c); the source is
**     read once per query, one series in memory at a time.
**  6. DIRECTONLY: it reads a table the user names, so it must not run from
**     a view or trigger of a database someone else wrote.
*/
#include "series_source.h"

enum {
  COL_PERIOD, COL_VALUE, COL_PRIOR_PERIOD, COL_PRIOR_VALUE, COL_CHANGE, COL_GROWTH,
  COL_YTD_VALUE, COL_PRIOR_YTD_VALUE, COL_YTD_GROWTH, COL_NOTE, N_RESULT
};
static const char *const result_columns[N_RESULT] = {
    "period TEXT", "value", "prior_period TEXT", "prior_value", "change",
    "growth REAL", "ytd_value", "prior_ytd_value", "ytd_growth REAL", "note TEXT"};

/* Hidden arguments of the table-valued form, in call order. */
#define N_ARG 4
static const char *const argument_columns[N_ARG] = {"source", "value_column", "period_column",
                                                     "series_column"};
static const char *const argument_roles[N_ARG] = {"source", "value", "period", "series"};

typedef struct yoy_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  int table_valued;    /* eponymous form: arguments arrive in xFilter */
  int nSeries;         /* series columns before period */
  ts_source_spec spec; /* CREATE form */
} yoy_vtab;

typedef struct yoy_cursor {
  sqlite3_vtab_cursor base;
  ts_source_spec own; /* table-valued form: built from the arguments */
  const ts_source_spec *spec;
  ts_scan *scan;
  ts_series *series;
  int i;              /* current point of series */
  ts_growth_row row;
  sqlite3_int64 rowid;
  int out_lo, out_hi; /* years asked for (0: open) */
  sqlite3_value *apArg[N_ARG];
} yoy_cursor;

static int yoy_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                       sqlite3_vtab **ppVtab, char **pzErr) {
  (void)pAux;
  yoy_vtab *vtab = sqlite3_malloc64(sizeof(*vtab));
  if (vtab == NULL) return SQLITE_NOMEM;
  memset(vtab, 0, sizeof(*vtab));
  vtab->db = db;
  vtab->spec.zModule = "yoy_growth";
  vtab->spec.history_years = 1;
  vtab->table_valued = argc <= 3;
  int rc = SQLITE_OK;
  char *zSchema = NULL;
  if (vtab->table_valued) {
    vtab->nSeries = 1;
    zSchema = ts_series_schema(NULL, result_columns, N_RESULT, argument_columns, N_ARG, pzErr);
  } else {
    rc = ts_source_configure(&vtab->spec, argc - 3, argv + 3, NULL, 0, NULL, pzErr);
    if (rc == SQLITE_OK && vtab->spec.azValue[0] == NULL) {
      *pzErr = sqlite3_mprintf("yoy_growth: missing argument value=");
      rc = SQLITE_ERROR;
    }
    if (rc == SQLITE_OK) rc = ts_source_check(db, &vtab->spec, pzErr);
    vtab->nSeries = vtab->spec.nBy;
    if (rc == SQLITE_OK)
      zSchema = ts_series_schema(&vtab->spec, result_columns, N_RESULT, NULL, 0, pzErr);
  }
  if (rc == SQLITE_OK && zSchema == NULL) rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  if (rc == SQLITE_OK) rc = sqlite3_declare_vtab(db, zSchema);
  if (rc == SQLITE_OK) rc = sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  sqlite3_free(zSchema);
  if (rc != SQLITE_OK) {
    ts_source_spec_clear(&vtab->spec);
    sqlite3_free(vtab);
    return rc;
  }
  *ppVtab = &vtab->base;
  return SQLITE_OK;
}

static int yoy_disconnect(sqlite3_vtab *pVtab) {
  yoy_vtab *vtab = (yoy_vtab *)pVtab;
  ts_source_spec_clear(&vtab->spec);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int yoy_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  yoy_vtab *vtab = (yoy_vtab *)pVtab;
  int iFirstArg = vtab->nSeries + N_RESULT;
  return ts_source_best_index(pVtab, info, vtab->nSeries, vtab->nSeries + COL_PERIOD,
                              iFirstArg, vtab->table_valued ? N_ARG : 0, 3);
}

static int yoy_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  (void)pVtab;
  yoy_cursor *cur = sqlite3_malloc64(sizeof(*cur));
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, sizeof(*cur));
  cur->own.zModule = "yoy_growth";
  cur->own.history_years = 1;
  *ppCursor = &cur->base;
  return SQLITE_OK;
}

static void yoy_reset(yoy_cursor *cur) {
  ts_scan_close(cur->scan);
  cur->scan = NULL;
  cur->series = NULL;
  ts_source_spec_clear(&cur->own);
  for (int k = 0; k < N_ARG; k++) {
    sqlite3_value_free(cur->apArg[k]);
    cur->apArg[k] = NULL;
  }
}

static int yoy_close(sqlite3_vtab_cursor *pCursor) {
  yoy_cursor *cur = (yoy_cursor *)pCursor;
  yoy_reset(cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int point_year(const yoy_cursor *cur) {
  ts_period p;
  ts_period_from_ordinal(cur->series->kind, cur->series->aPoint[cur->i].ordinal, &p);
  return p.year;
}

/* Moves to the next point inside the asked-for years, fetching series. */
static int yoy_advance(yoy_cursor *cur) {
  sqlite3_vtab *pVtab = cur->base.pVtab;
  for (;;) {
    if (cur->series && ++cur->i < cur->series->nPoint) {
      int year = point_year(cur);
      if ((cur->out_lo && year < cur->out_lo) || (cur->out_hi && year > cur->out_hi)) continue;
      ts_growth_at(cur->series->kind, cur->series->aPoint, cur->series->nPoint, 0, cur->i,
                   &cur->row);
      cur->rowid++;
      return SQLITE_OK;
    }
    char *zErr = NULL;
    int rc = ts_scan_next(cur->scan, &cur->series, &zErr);
    if (rc == SQLITE_DONE) {
      cur->series = NULL;
      return SQLITE_OK;
    }
    if (rc != SQLITE_ROW) {
      if (zErr) {
        sqlite3_free(pVtab->zErrMsg);
        pVtab->zErrMsg = zErr;
      }
      return rc;
    }
    cur->i = -1;
  }
}

static int yoy_filter(sqlite3_vtab_cursor *pCursor, int idxNum, const char *idxStr,
                      int argc, sqlite3_value **argv) {
  yoy_cursor *cur = (yoy_cursor *)pCursor;
  yoy_vtab *vtab = (yoy_vtab *)pCursor->pVtab;
  ts_pushdown pd;
  sqlite3_value *apArg[N_ARG];
  (void)idxNum;
  yoy_reset(cur);
  cur->rowid = 0;
  ts_source_decode(idxStr, argc, argv, 1, &pd, apArg, N_ARG);
  cur->out_lo = pd.out_year_lo;
  cur->out_hi = pd.out_year_hi;
  char *zErr = NULL;
  int rc = SQLITE_OK;
  cur->spec = &vtab->spec;
  if (vtab->table_valued) {
    for (int k = 0; k < N_ARG && rc == SQLITE_OK; k++) {
      if (apArg[k] && (cur->apArg[k] = sqlite3_value_dup(apArg[k])) == NULL) rc = SQLITE_NOMEM;
    }
    if (rc == SQLITE_OK)
      rc = ts_source_from_arguments(&cur->own, apArg, argument_roles, N_ARG, 3, &zErr);
    if (rc == SQLITE_OK) rc = ts_source_check(vtab->db, &cur->own, &zErr);
    cur->spec = &cur->own;
  }
  if (rc == SQLITE_OK) rc = ts_scan_open(vtab->db, cur->spec, &pd, &cur->scan, &zErr);
  if (rc == SQLITE_OK) rc = yoy_advance(cur);
  if (zErr) {
    sqlite3_free(pCursor->pVtab->zErrMsg);
    pCursor->pVtab->zErrMsg = zErr;
  }
  return rc;
}

static int yoy_next(sqlite3_vtab_cursor *pCursor) {
  return yoy_advance((yoy_cursor *)pCursor);
}

static int yoy_eof(sqlite3_vtab_cursor *pCursor) {
  return ((yoy_cursor *)pCursor)->series == NULL;
}

static void result_point_value(sqlite3_context *ctx, const ts_point *pt) {
  ts_number n;
  ts_sum_value(&pt->sum[0], &n);
  ts_result_number(ctx, &n);
}

static void result_label(sqlite3_context *ctx, ts_period_kind kind, int64_t ordinal) {
  ts_period p;
  char buf[TS_PERIOD_LABEL_MAX];
  if (ts_period_from_ordinal(kind, ordinal, &p)) {
    sqlite3_result_null(ctx);
    return;
  }
  ts_period_format(&p, buf);
  sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static void result_prior_period(sqlite3_context *ctx, const yoy_cursor *cur) {
  ts_period p, prior;
  char buf[TS_PERIOD_LABEL_MAX];
  ts_period_from_ordinal(cur->series->kind, cur->series->aPoint[cur->i].ordinal, &p);
  if (ts_period_prior_year(&p, &prior)) {
    sqlite3_result_null(ctx);
    return;
  }
  ts_period_format(&prior, buf);
  sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* value - prior_value: INTEGER when both are and it fits, else REAL. */
static void result_change(sqlite3_context *ctx, const ts_point *now, const ts_point *prior) {
  ts_number a, b;
  int64_t diff;
  ts_sum_value(&now->sum[0], &a);
  ts_sum_value(&prior->sum[0], &b);
  if (a.is_int && b.is_int && !__builtin_sub_overflow(a.i, b.i, &diff)) {
    sqlite3_result_int64(ctx, diff);
  } else {
    ts_result_double(ctx, a.d - b.d);
  }
}

static int yoy_column(sqlite3_vtab_cursor *pCursor, sqlite3_context *ctx, int iCol) {
  yoy_cursor *cur = (yoy_cursor *)pCursor;
  yoy_vtab *vtab = (yoy_vtab *)pCursor->pVtab;
  const ts_series *s = cur->series;
  const ts_growth_row *g = &cur->row;
  const ts_point *pt = &s->aPoint[cur->i];
  const ts_point *prior = g->prior_index >= 0 ? &s->aPoint[g->prior_index] : NULL;
  if (iCol < vtab->nSeries) {
    if (s->apKey[iCol]) sqlite3_result_value(ctx, s->apKey[iCol]);
    return SQLITE_OK;
  }
  iCol -= vtab->nSeries;
  switch (iCol) {
    case COL_PERIOD: result_label(ctx, s->kind, pt->ordinal); break;
    case COL_VALUE: result_point_value(ctx, pt); break;
    case COL_PRIOR_PERIOD: result_prior_period(ctx, cur); break;
    case COL_PRIOR_VALUE: if (prior) result_point_value(ctx, prior); break;
    case COL_CHANGE: if (prior) result_change(ctx, pt, prior); break;
    case COL_GROWTH: if (g->growth_ok) ts_result_double(ctx, g->growth); break;
    case COL_YTD_VALUE: if (g->ytd_ok) ts_result_number(ctx, &g->ytd); break;
    case COL_PRIOR_YTD_VALUE: if (g->prior_ytd_ok) ts_result_number(ctx, &g->prior_ytd); break;
    case COL_YTD_GROWTH: if (g->ytd_growth_ok) ts_result_double(ctx, g->ytd_growth); break;
    case COL_NOTE: if (g->note) sqlite3_result_text(ctx, g->note, -1, SQLITE_STATIC); break;
    default: {
      int k = iCol - N_RESULT;
      if (k >= 0 && k < N_ARG && cur->apArg[k]) sqlite3_result_value(ctx, cur->apArg[k]);
      break;
    }
  }
  return SQLITE_OK;
}

static int yoy_rowid(sqlite3_vtab_cursor *pCursor, sqlite3_int64 *pRowid) {
  *pRowid = ((yoy_cursor *)pCursor)->rowid;
  return SQLITE_OK;
}

static const sqlite3_module yoy_module = {
    .iVersion = 0,
    .xCreate = yoy_connect, /* same as xConnect: also eponymous */
    .xConnect = yoy_connect,
    .xBestIndex = yoy_best_index,
    .xDisconnect = yoy_disconnect,
    .xDestroy = yoy_disconnect,
    .xOpen = yoy_open,
    .xClose = yoy_close,
    .xFilter = yoy_filter,
    .xNext = yoy_next,
    .xEof = yoy_eof,
    .xColumn = yoy_column,
    .xRowid = yoy_rowid,
};

int ts_yoy_vtab_register(sqlite3 *db) {
  return sqlite3_create_module(db, "yoy_growth", &yoy_module, NULL);
}
