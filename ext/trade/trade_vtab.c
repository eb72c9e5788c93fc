/*
** trade/trade_vtab.c -- the trade_imbalance virtual table.
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
**     same series, period and side are an error without grain= and summed
**     exactly (ts_sum) with it (series_scan.c, contract 3).
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
**     pushed into the one source query (series_query.c) only as far as
**     it cannot change a row kept, widened by the year the prior balance
**     needs; one series in memory at a time.
**  7. DIRECTONLY: it reads a table the user names, so it must not run from
**     a view or trigger of a database someone else wrote.
*/
#include "vtab/series_vtab.h"
#include "trade/trade.h"
#include "families.h"

#define MODULE "trade_imbalance"

enum {
  COL_PERIOD,
  COL_EXPORTS,
  COL_IMPORTS,
  COL_BALANCE,
  COL_COVERAGE,
  COL_COVERAGE_CHANGE,
  COL_NORMALIZED,
  COL_GRUBEL_LLOYD,
  COL_PRIOR_BALANCE,
  COL_BALANCE_CHANGE,
  COL_BALANCE_GROWTH,
  COL_EXPORTS_GROWTH,
  COL_IMPORTS_GROWTH,
  COL_PRELIMINARY,
  COL_NOTE,
  N_RESULT
};
static const char *const result_columns[N_RESULT] = {"period TEXT",
                                                     "exports",
                                                     "imports",
                                                     "balance",
                                                     "coverage REAL",
                                                     "coverage_change REAL",
                                                     "normalized REAL",
                                                     "grubel_lloyd REAL",
                                                     "prior_balance",
                                                     "balance_change",
                                                     "balance_growth REAL",
                                                     "exports_growth REAL",
                                                     "imports_growth REAL",
                                                     "preliminary INTEGER",
                                                     "note TEXT"};

/* Hidden arguments of the table-valued form, in call order. */
#define N_ARG      6
#define N_REQUIRED 4
static const char *const argument_columns[N_ARG] = {"source",      "value_column",  "period_column",
                                                    "flow_column", "series_column", "options"};
static const char *const argument_roles[N_ARG] = {"source", "value",  "period",
                                                  "flow",   "series", "options"};

/* CREATE arguments beyond the shared source=, value=, period=, by=, grain=. */
enum { EXTRA_FLOW, EXTRA_EXPORT_LABEL, EXTRA_IMPORT_LABEL, EXTRA_EXPORTS, EXTRA_IMPORTS, N_EXTRA };
static const char *const extra_keys[N_EXTRA] = {"flow", "export_label", "import_label", "exports",
                                                "imports"};

typedef struct trade_cursor {
  ts_series_cursor base;
  int i; /* current point of the series */
  ts_trade_row row;
} trade_cursor;

/* The default labels, for long data whose labels were not given: the
** English words (UN Comtrade's 'Export' / 'Import' match in any case), the
** one-letter codes X and M, and the Korean words of KOSIS and the customs
** service (판매 / 해외직접판매: sales abroad, exports; 구매 / 해외직접구매:
** purchases from abroad, imports).  Alternatives are separated by
** TS_FLOW_LABEL_SEP. */
#define SEP TS_FLOW_LABEL_SEP
static int set_default_labels(ts_source_spec *spec) {
  static const char *const azDefault[2] = {
      "export" SEP "exports" SEP "X" SEP "\xED\x8C\x90\xEB\xA7\xA4" SEP
      "\xED\x95\xB4\xEC\x99\xB8\xEC\xA7\x81\xEC\xA0\x91\xED\x8C\x90\xEB\xA7\xA4",
      "import" SEP "imports" SEP "M" SEP "\xEA\xB5\xAC\xEB\xA7\xA4" SEP
      "\xED\x95\xB4\xEC\x99\xB8\xEC\xA7\x81\xEC\xA0\x91\xEA\xB5\xAC\xEB\xA7\xA4"};
  for (int k = 0; k < 2; k++) {
    if (spec->azFlowLabel[k]) continue;
    spec->azFlowLabel[k] = sqlite3_mprintf("%s", azDefault[k]);
    if (spec->azFlowLabel[k] == NULL) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* Whether the label [z, z+n) is one of the alternatives of zList (as the
** scan matches them: case-insensitively). */
static int label_listed(const char *zList, const char *z, int n) {
  while (zList) {
    const char *zEnd = strchr(zList, TS_FLOW_LABEL_SEP[0]);
    int nLabel = zEnd ? (int)(zEnd - zList) : (int)strlen(zList);
    if (nLabel == n && sqlite3_strnicmp(z, zList, n) == 0) return 1;
    zList = zEnd ? zEnd + 1 : NULL;
  }
  return 0;
}

/* A label given for one side that the other side's default list also
** holds (import_label='exports' beside the default 'exports' of exports):
** the scan tries exports first, so those rows would be summed into the
** wrong side, or the label given would be ignored -- a silently wrong
** figure.  An error naming both sides instead. */
static int labels_overlap(const ts_source_spec *spec, char **azExtra, char **pzErr) {
  for (int k = 0; k < 2; k++) {
    const char *zGiven = azExtra[EXTRA_EXPORT_LABEL + k];
    if (zGiven == NULL || azExtra[EXTRA_EXPORT_LABEL + 1 - k] != NULL) continue;
    if (!label_listed(spec->azFlowLabel[1 - k], spec->azFlowLabel[k],
                      (int)strlen(spec->azFlowLabel[k])))
      continue;
    char *zShown = ts_text_shown(spec->azFlowLabel[k]);
    *pzErr = zShown
                 ? sqlite3_mprintf(MODULE
                                   ": %s=%s is also a default %s label; give %s= too, so each "
                                   "label names one side",
                                   extra_keys[EXTRA_EXPORT_LABEL + k], zShown,
                                   k ? "export" : "import", extra_keys[EXTRA_EXPORT_LABEL + 1 - k])
                 : NULL;
    sqlite3_free(zShown);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

static int missing(char **pzErr, const char *zWhat) {
  *pzErr = sqlite3_mprintf(MODULE ": missing argument %s", zWhat);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
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
    ts_trim(&zLabel, &n);
    if (n == 0) {
      *pzErr = sqlite3_mprintf(MODULE ": %s= is empty", zKey);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    /* A side's alternatives are kept joined by TS_FLOW_LABEL_SEP (a
    ** control byte): one given inside a label split it in two, and rows
    ** of the second part were summed into that side. */
    if (memchr(zLabel, TS_FLOW_LABEL_SEP[0], (size_t)n)) {
      char *zShown = ts_text_shown(azExtra[EXTRA_EXPORT_LABEL + k]);
      *pzErr = zShown ? sqlite3_mprintf(MODULE
                                        ": %s=%s holds char(31), the byte that separates a side's "
                                        "labels",
                                        zKey, zShown)
                      : NULL;
      sqlite3_free(zShown);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    spec->azFlowLabel[k] = sqlite3_mprintf("%.*s", n, zLabel);
    if (spec->azFlowLabel[k] == NULL) return SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) rc = set_default_labels(spec);
  if (rc == SQLITE_OK && sqlite3_stricmp(spec->azFlowLabel[0], spec->azFlowLabel[1]) == 0) {
    char *zShown = ts_text_shown(spec->azFlowLabel[0]);
    *pzErr =
        zShown ? sqlite3_mprintf(MODULE ": export_label and import_label are the same: %s", zShown)
               : NULL;
    sqlite3_free(zShown);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) rc = labels_overlap(spec, azExtra, pzErr);
  return rc;
}

/* Wide data: exports= and imports= as the two value slots. */
static int configure_wide(ts_source_spec *spec, char **azExtra, char **pzErr) {
  if (azExtra[EXTRA_FLOW] || azExtra[EXTRA_EXPORT_LABEL] || azExtra[EXTRA_IMPORT_LABEL]) {
    *pzErr = sqlite3_mprintf(MODULE
                             ": flow=, export_label= and import_label= are for long "
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
      *pzErr = sqlite3_mprintf(MODULE
                               ": give value= and flow= (long data) or exports= and "
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

static int trade_configure(ts_series_vtab *vtab, int argc, const char *const *argv, char **pzErr) {
  return configure(&vtab->spec, argc, argv, pzErr);
}

/* The table-valued form's labels: those its options give (read and
** checked by configure(), as the CREATE form's), else the defaults. */
static int trade_arguments(ts_series_cursor *cur, sqlite3_value **apArg, char **pzErr) {
  (void)apArg, (void)pzErr;
  return set_default_labels(&cur->own);
}

static int trade_start(ts_series_cursor *pCur, char **pzErr) {
  (void)pzErr;
  ((trade_cursor *)pCur)->i = -1;
  return SQLITE_OK;
}

/* The next point inside the asked-for years; the prior year read only for
** the prior balance is not a row. */
static int trade_next(ts_series_cursor *pCur) {
  trade_cursor *cur = (trade_cursor *)pCur;
  const ts_series *s = pCur->series;
  if (!ts_series_next_point(pCur, &cur->i)) return 0;
  pCur->row_key = s->aPoint[cur->i].ordinal;
  ts_trade_row_at(s->kind, s->aPoint, s->nPoint, cur->i, &cur->row);
  return 1;
}

static void result_ratio(sqlite3_context *ctx, int ok, double d) {
  if (ok) ts_result_double(ctx, d);
}

static void trade_result(ts_series_cursor *pCur, sqlite3_context *ctx, int iCol) {
  const trade_cursor *cur = (const trade_cursor *)pCur;
  const ts_trade_row *r = &cur->row;
  const ts_trade_measures *t = &r->measures;
  int both = r->has_exports && r->has_imports;
  switch (iCol) {
    case COL_PERIOD:
      ts_series_result_period(ctx, pCur->series->kind, pCur->series->aPoint[cur->i].ordinal);
      break;
    case COL_EXPORTS:
      if (r->has_exports) ts_result_number(ctx, &r->exports);
      break;
    case COL_IMPORTS:
      if (r->has_imports) ts_result_number(ctx, &r->imports);
      break;
    case COL_BALANCE:
      if (both) ts_result_number(ctx, &t->balance);
      break;
    case COL_COVERAGE: result_ratio(ctx, both && t->coverage_ok, t->coverage); break;
    case COL_COVERAGE_CHANGE: result_ratio(ctx, r->coverage_change_ok, r->coverage_change); break;
    case COL_NORMALIZED: result_ratio(ctx, both && t->normalized_ok, t->normalized); break;
    case COL_GRUBEL_LLOYD: result_ratio(ctx, both && t->grubel_lloyd_ok, t->grubel_lloyd); break;
    case COL_PRIOR_BALANCE:
      if (r->prior_ok) ts_result_number(ctx, &r->prior_balance);
      break;
    case COL_BALANCE_CHANGE:
      if (r->balance_change_ok) ts_result_number(ctx, &r->balance_change);
      break;
    case COL_BALANCE_GROWTH: result_ratio(ctx, r->balance_growth_ok, r->balance_growth); break;
    case COL_EXPORTS_GROWTH: result_ratio(ctx, r->exports_growth_ok, r->exports_growth); break;
    case COL_IMPORTS_GROWTH: result_ratio(ctx, r->imports_growth_ok, r->imports_growth); break;
    case COL_PRELIMINARY: sqlite3_result_int(ctx, r->preliminary); break;
    case COL_NOTE:
      if (r->note) sqlite3_result_text(ctx, r->note, -1, SQLITE_STATIC);
      break;
    default: break;
  }
}

static const ts_series_module trade_module = {
    .zName = MODULE,
    .azResult = result_columns,
    .nResult = N_RESULT,
    .iPeriod = COL_PERIOD,
    .azArgColumn = argument_columns,
    .azArgRole = argument_roles,
    .nArg = N_ARG,
    .nRequired = N_REQUIRED,
    .history_years = 1,
    .szVtab = sizeof(ts_series_vtab),
    .szCursor = sizeof(trade_cursor),
    .xConfigure = trade_configure,
    .xArguments = trade_arguments,
    .xStart = trade_start,
    .xNext = trade_next,
    .xResult = trade_result,
};

int ts_trade_vtab_register(sqlite3 *db) { return ts_series_module_register(db, &trade_module); }
