/*
** trade_vtab.c -- the trade_imbalance virtual table (SPEC.md section 3).
**
**   SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
**   CREATE VIRTUAL TABLE korea_china USING trade_imbalance(source=direct_trade,
**       period=period, value=amount, flow=flow, by='partner', grain=year);
**   CREATE VIRTUAL TABLE us_china USING trade_imbalance(source=census,
**       period=month, exports=exports, imports=imports, grain=year);
**
** Contract:
**  1. Long data (value= and flow=): each row goes to exports or imports by
**     its flow label, matched case-insensitively with surrounding spaces
**     trimmed against export_label= / import_label= (defaults 'export' and
**     'import', so UN Comtrade's 'Export' / 'Import' match).  A label that
**     is neither is an error quoting it; a NULL label skips the row.  Wide
**     data (exports= and imports=): one column per side.  Giving both
**     forms, or half of one, is an error naming what is missing.
**  2. One row per series and period in which either side has a value
**     (after grain= roll-up), ordered by series then period.  Rows of the
**     same series, period and side are summed exactly (ts_sum).
**  3. A side with no value in a period is NULL (never 0), its measures
**     are NULL, and note says 'no exports' / 'no imports'.  Otherwise the
**     measures come from trade.c's core (the scalar's own code), and note
**     gives the first reason a later column is NULL (ts_trade_row_at).
**  4. prior_balance is the balance of the same period one year earlier,
**     matched by period; balance_growth follows the negative-base rule;
**     exports_growth / imports_growth come from the shared growth engine.
**  5. The table-valued form always has a `series` column (NULL when no
**     series column is given): an eponymous table's columns are fixed.
**  6. WHERE on series columns (=, IN) and period (=, <, <=, >, >=) is
**     pushed into the one source query (series_source.c), widened by the
**     year the prior balance needs; one series in memory at a time.
**  7. DIRECTONLY: it reads a table the user names, so it must not run from
**     a view or trigger of a database someone else wrote.
*/
#include "series_source.h"
#include "trade.h"

#define MODULE "trade_imbalance"

enum {
  COL_PERIOD, COL_EXPORTS, COL_IMPORTS, COL_BALANCE, COL_COVERAGE, COL_NORMALIZED,
  COL_GRUBEL_LLOYD, COL_PRIOR_BALANCE, COL_BALANCE_CHANGE, COL_BALANCE_GROWTH,
  COL_EXPORTS_GROWTH, COL_IMPORTS_GROWTH, COL_NOTE, N_RESULT
};
static const char *const result_columns[N_RESULT] = {
    "period TEXT", "exports", "imports", "balance", "coverage REAL", "normalized REAL",
    "grubel_lloyd REAL", "prior_balance", "balance_change", "balance_growth REAL",
    "exports_growth REAL", "imports_growth REAL", "note TEXT"};

/* Hidden arguments of the table-valued form, in call order. */
#define N_ARG 5
#define N_REQUIRED 4
static const char *const argument_columns[N_ARG] = {
    "source", "value_column", "period_column", "flow_column", "series_column"};
static const char *const argument_roles[N_ARG] = {"source", "value", "period", "flow",
                                                  "series"};

/* CREATE arguments beyond the shared source=, value=, period=, by=, grain=. */
enum { EXTRA_FLOW, EXTRA_EXPORT_LABEL, EXTRA_IMPORT_LABEL, EXTRA_EXPORTS, EXTRA_IMPORTS, N_EXTRA };
static const char *const extra_keys[N_EXTRA] = {"flow", "export_label", "import_label",
                                                "exports", "imports"};

typedef struct trade_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  int table_valued;    /* eponymous form: arguments arrive in xFilter */
  int nSeries;         /* series columns before period */
  ts_source_spec spec; /* CREATE form */
} trade_vtab;

typedef struct trade_cursor {
  sqlite3_vtab_cursor base;
  ts_source_spec own; /* table-valued form: built from the arguments */
  const ts_source_spec *spec;
  ts_scan *scan;
  ts_series *series;
  int i;              /* current point of series */
  ts_trade_row row;
  sqlite3_int64 rowid;
  int out_lo, out_hi; /* years asked for (0: open) */
  sqlite3_value *apArg[N_ARG];
} trade_cursor;

/* The default labels, for long data whose labels were not given. */
static int set_default_labels(ts_source_spec *spec) {
  static const char *const azDefault[2] = {"export", "import"};
  for (int k = 0; k < 2; k++) {
    if (spec->azFlowLabel[k]) continue;
    spec->azFlowLabel[k] = sqlite3_mprintf("%s", azDefault[k]);
    if (spec->azFlowLabel[k] == NULL) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

static int missing(char **pzErr, const char *zWhat) {
  *pzErr = sqlite3_mprintf(MODULE ": missing argument %s", zWhat);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Long data: value= with flow= and the labels. */
static int configure_long(ts_source_spec *spec, char **azExtra, char **pzErr) {
  if (azExtra[EXTRA_FLOW] == NULL) return missing(pzErr, "flow= (long data: value= and flow=)");
  int rc = ts_source_set_name(&spec->zFlow, azExtra[EXTRA_FLOW]);
  if (rc == SQLITE_ERROR) return missing(pzErr, "flow=");
  for (int k = 0; rc == SQLITE_OK && k < 2; k++) {
    const char *zKey = extra_keys[EXTRA_EXPORT_LABEL + k];
    const char *zLabel = azExtra[EXTRA_EXPORT_LABEL + k];
    if (zLabel == NULL) continue;
    /* Trimmed like the labels in the data they are compared with. */
    int n = (int)strlen(zLabel);
    while (n > 0 && is_space(*zLabel)) zLabel++, n--;
    while (n > 0 && is_space(zLabel[n - 1])) n--;
    if (n == 0) {
      *pzErr = sqlite3_mprintf(MODULE ": %s= is empty", zKey);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    spec->azFlowLabel[k] = sqlite3_mprintf("%.*s", n, zLabel);
    if (spec->azFlowLabel[k] == NULL) return SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) rc = set_default_labels(spec);
  if (rc == SQLITE_OK && sqlite3_stricmp(spec->azFlowLabel[0], spec->azFlowLabel[1]) == 0) {
    *pzErr = sqlite3_mprintf(MODULE ": export_label and import_label are the same: '%q'",
                             spec->azFlowLabel[0]);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return rc;
}

/* Wide data: exports= and imports= as the two value slots. */
static int configure_wide(ts_source_spec *spec, char **azExtra, char **pzErr) {
  if (azExtra[EXTRA_FLOW] || azExtra[EXTRA_EXPORT_LABEL] || azExtra[EXTRA_IMPORT_LABEL]) {
    *pzErr = sqlite3_mprintf(MODULE ": flow=, export_label= and import_label= are for long "
                             "data (value=), not with exports= and imports=");
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  for (int k = 0; k < 2; k++) {
    const char *zKey = extra_keys[EXTRA_EXPORTS + k];
    if (azExtra[EXTRA_EXPORTS + k] == NULL) return missing(pzErr, k ? "imports=" : "exports=");
    int rc = ts_source_set_name(&spec->azValue[k], azExtra[EXTRA_EXPORTS + k]);
    if (rc == SQLITE_ERROR) {
      *pzErr = sqlite3_mprintf(MODULE ": %s= needs a name", zKey);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if (rc != SQLITE_OK) return rc;
  }
  spec->nValue = 2;
  return SQLITE_OK;
}

static int configure(ts_source_spec *spec, int argc, const char *const *argv, char **pzErr) {
  char *azExtra[N_EXTRA] = {0};
  int rc = ts_source_configure(spec, argc, argv, extra_keys, N_EXTRA, azExtra, pzErr);
  if (rc == SQLITE_OK) {
    int is_long = spec->azValue[0] != NULL;
    int is_wide = azExtra[EXTRA_EXPORTS] || azExtra[EXTRA_IMPORTS];
    if (is_long && is_wide) {
      *pzErr = sqlite3_mprintf(MODULE ": give value= and flow= (long data) or exports= and "
                               "imports= (wide data), not both");
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    } else if (is_long) {
      rc = configure_long(spec, azExtra, pzErr);
    } else if (is_wide) {
      rc = configure_wide(spec, azExtra, pzErr);
    } else {
      rc = missing(pzErr, "value= and flow= (long data) or exports= and imports= (wide data)");
    }
  }
  for (int k = 0; k < N_EXTRA; k++) sqlite3_free(azExtra[k]);
  return rc;
}

static int trade_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                         sqlite3_vtab **ppVtab, char **pzErr) {
  (void)pAux;
  trade_vtab *vtab = sqlite3_malloc64(sizeof(*vtab));
  if (vtab == NULL) return SQLITE_NOMEM;
  memset(vtab, 0, sizeof(*vtab));
  vtab->db = db;
  vtab->spec.zModule = MODULE;
  vtab->spec.history_years = 1;
  vtab->table_valued = argc <= 3;
  int rc = SQLITE_OK;
  char *zSchema = NULL;
  if (vtab->table_valued) {
    vtab->nSeries = 1;
    zSchema = ts_series_schema(NULL, result_columns, N_RESULT, argument_columns, N_ARG, pzErr);
  } else {
    rc = configure(&vtab->spec, argc - 3, argv + 3, pzErr);
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

static int trade_disconnect(sqlite3_vtab *pVtab) {
  trade_vtab *vtab = (trade_vtab *)pVtab;
  ts_source_spec_clear(&vtab->spec);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int trade_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  trade_vtab *vtab = (trade_vtab *)pVtab;
  int iFirstArg = vtab->nSeries + N_RESULT;
  return ts_source_best_index(pVtab, info, vtab->nSeries, vtab->nSeries + COL_PERIOD,
                              iFirstArg, vtab->table_valued ? N_ARG : 0, N_REQUIRED);
}

static int trade_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  (void)pVtab;
  trade_cursor *cur = sqlite3_malloc64(sizeof(*cur));
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, sizeof(*cur));
  cur->own.zModule = MODULE;
  cur->own.history_years = 1;
  *ppCursor = &cur->base;
  return SQLITE_OK;
}

static void trade_reset(trade_cursor *cur) {
  ts_scan_close(cur->scan);
  cur->scan = NULL;
  cur->series = NULL;
  ts_source_spec_clear(&cur->own);
  cur->own.history_years = 1;
  for (int k = 0; k < N_ARG; k++) {
    sqlite3_value_free(cur->apArg[k]);
    cur->apArg[k] = NULL;
  }
}

static int trade_close(sqlite3_vtab_cursor *pCursor) {
  trade_cursor *cur = (trade_cursor *)pCursor;
  trade_reset(cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int point_year(const trade_cursor *cur) {
  ts_period p;
  if (ts_period_from_ordinal(cur->series->kind, cur->series->aPoint[cur->i].ordinal, &p))
    return 0;
  return p.year;
}

static void set_error(sqlite3_vtab *pVtab, char *zErr) {
  if (zErr == NULL) return;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zErr;
}

/* Moves to the next point inside the asked-for years, fetching series;
** the prior year read only for the prior balance is not a row. */
static int trade_advance(trade_cursor *cur) {
  for (;;) {
    if (cur->series && ++cur->i < cur->series->nPoint) {
      int year = point_year(cur);
      if ((cur->out_lo && year < cur->out_lo) || (cur->out_hi && year > cur->out_hi)) continue;
      ts_trade_row_at(cur->series->kind, cur->series->aPoint, cur->series->nPoint, cur->i,
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
      set_error(cur->base.pVtab, zErr);
      return rc;
    }
    cur->i = -1;
  }
}

/* The table-valued form's spec, from its argument values. */
static int spec_from_arguments(trade_cursor *cur, sqlite3 *db, sqlite3_value **apArg,
                               char **pzErr) {
  int rc = SQLITE_OK;
  for (int k = 0; k < N_ARG && rc == SQLITE_OK; k++) {
    if (apArg[k] && (cur->apArg[k] = sqlite3_value_dup(apArg[k])) == NULL) rc = SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK)
    rc = ts_source_from_arguments(&cur->own, apArg, argument_roles, N_ARG, N_REQUIRED, pzErr);
  if (rc == SQLITE_OK) rc = set_default_labels(&cur->own);
  if (rc == SQLITE_OK) rc = ts_source_check(db, &cur->own, pzErr);
  return rc;
}

static int trade_filter(sqlite3_vtab_cursor *pCursor, int idxNum, const char *idxStr,
                        int argc, sqlite3_value **argv) {
  trade_cursor *cur = (trade_cursor *)pCursor;
  trade_vtab *vtab = (trade_vtab *)pCursor->pVtab;
  ts_pushdown pd;
  sqlite3_value *apArg[N_ARG];
  (void)idxNum;
  trade_reset(cur);
  cur->rowid = 0;
  ts_source_decode(idxStr, argc, argv, 1, &pd, apArg, N_ARG);
  cur->out_lo = pd.out_year_lo;
  cur->out_hi = pd.out_year_hi;
  char *zErr = NULL;
  int rc = SQLITE_OK;
  cur->spec = &vtab->spec;
  if (vtab->table_valued) {
    rc = spec_from_arguments(cur, vtab->db, apArg, &zErr);
    cur->spec = &cur->own;
  }
  if (rc == SQLITE_OK) rc = ts_scan_open(vtab->db, cur->spec, &pd, &cur->scan, &zErr);
  set_error(pCursor->pVtab, zErr);
  if (rc == SQLITE_OK) rc = trade_advance(cur);
  return rc;
}

static int trade_next(sqlite3_vtab_cursor *pCursor) {
  return trade_advance((trade_cursor *)pCursor);
}

static int trade_eof(sqlite3_vtab_cursor *pCursor) {
  return ((trade_cursor *)pCursor)->series == NULL;
}

static void result_label(sqlite3_context *ctx, ts_period_kind kind, int64_t ordinal) {
  ts_period p;
  char buf[TS_PERIOD_LABEL_MAX];
  if (ts_period_from_ordinal(kind, ordinal, &p)) return;
  ts_period_format(&p, buf);
  sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static void result_ratio(sqlite3_context *ctx, int ok, double d) {
  if (ok) ts_result_double(ctx, d);
}

static void trade_result(sqlite3_context *ctx, const trade_cursor *cur, int iCol) {
  const ts_trade_row *r = &cur->row;
  const ts_trade_measures *t = &r->measures;
  int both = r->has_exports && r->has_imports;
  switch (iCol) {
    case COL_PERIOD:
      result_label(ctx, cur->series->kind, cur->series->aPoint[cur->i].ordinal);
      break;
    case COL_EXPORTS: if (r->has_exports) ts_result_number(ctx, &r->exports); break;
    case COL_IMPORTS: if (r->has_imports) ts_result_number(ctx, &r->imports); break;
    case COL_BALANCE: if (both) ts_result_number(ctx, &t->balance); break;
    case COL_COVERAGE: result_ratio(ctx, both && t->coverage_ok, t->coverage); break;
    case COL_NORMALIZED: result_ratio(ctx, both && t->normalized_ok, t->normalized); break;
    case COL_GRUBEL_LLOYD: result_ratio(ctx, both && t->grubel_lloyd_ok, t->grubel_lloyd); break;
    case COL_PRIOR_BALANCE: if (r->prior_ok) ts_result_number(ctx, &r->prior_balance); break;
    case COL_BALANCE_CHANGE: if (r->prior_ok) ts_result_number(ctx, &r->balance_change); break;
    case COL_BALANCE_GROWTH: result_ratio(ctx, r->balance_growth_ok, r->balance_growth); break;
    case COL_EXPORTS_GROWTH: result_ratio(ctx, r->exports_growth_ok, r->exports_growth); break;
    case COL_IMPORTS_GROWTH: result_ratio(ctx, r->imports_growth_ok, r->imports_growth); break;
    case COL_NOTE: if (r->note) sqlite3_result_text(ctx, r->note, -1, SQLITE_STATIC); break;
    default: {
      int k = iCol - N_RESULT;
      if (k >= 0 && k < N_ARG && cur->apArg[k]) sqlite3_result_value(ctx, cur->apArg[k]);
      break;
    }
  }
}

static int trade_column(sqlite3_vtab_cursor *pCursor, sqlite3_context *ctx, int iCol) {
  trade_cursor *cur = (trade_cursor *)pCursor;
  trade_vtab *vtab = (trade_vtab *)pCursor->pVtab;
  if (iCol < vtab->nSeries) {
    sqlite3_value *key = cur->series->apKey[iCol];
    if (key) sqlite3_result_value(ctx, key);
    return SQLITE_OK;
  }
  trade_result(ctx, cur, iCol - vtab->nSeries);
  return SQLITE_OK;
}

static int trade_rowid(sqlite3_vtab_cursor *pCursor, sqlite3_int64 *pRowid) {
  *pRowid = ((trade_cursor *)pCursor)->rowid;
  return SQLITE_OK;
}

static const sqlite3_module trade_module = {
    .iVersion = 0,
    .xCreate = trade_connect, /* same as xConnect: also eponymous */
    .xConnect = trade_connect,
    .xBestIndex = trade_best_index,
    .xDisconnect = trade_disconnect,
    .xDestroy = trade_disconnect,
    .xOpen = trade_open,
    .xClose = trade_close,
    .xFilter = trade_filter,
    .xNext = trade_next,
    .xEof = trade_eof,
    .xColumn = trade_column,
    .xRowid = trade_rowid,
};

int ts_trade_vtab_register(sqlite3 *db) {
  return sqlite3_create_module(db, MODULE, &trade_module, NULL);
}
