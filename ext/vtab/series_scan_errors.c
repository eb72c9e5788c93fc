/*
** vtab/series_scan_errors.c -- the messages of the streaming scan's
** errors (series_scan.h): a row whose period is not one, a value that is
** not a number, two rows of one series and period without grain=, a
** period with rows of two kinds that share a month under grain=, an
** unknown flow label.  Each names the module, the source, the column,
** the series and the period, as a reader needs to find the row.
*/
#include "vtab/series_scan.h"

#include <string.h>

/* "'a', 'b' or 'c'" from a label with alternatives (sqlite3_free it). */
static char *label_list(const char *zLabel) {
  sqlite3_str *s = sqlite3_str_new(NULL);
  int oom = 0;
  for (int first = 1; zLabel; first = 0) {
    const char *zEnd = strchr(zLabel, TS_FLOW_LABEL_SEP[0]);
    int n = zEnd ? (int)(zEnd - zLabel) : (int)strlen(zLabel);
    /* a label is the user's text: cut, control bytes as char(N) */
    char *zShown = ts_text_repr(zLabel, n);
    if (zShown == NULL) oom = 1;
    sqlite3_str_appendf(s, "%s%s", first ? "" : zEnd ? ", " : " or ", zShown ? zShown : "");
    sqlite3_free(zShown);
    zLabel = zEnd ? zEnd + 1 : NULL;
  }
  char *z = sqlite3_str_finish(s);
  if (oom) {
    sqlite3_free(z);
    return NULL;
  }
  return z;
}

static char *series_name(const ts_scan *scan);

/* The first offending row's series, for messages about a whole column:
** " (in a row of series partner='A')", or "" without series columns. */
static char *row_series(const ts_scan *scan) {
  if (scan->spec->nBy == 0) return sqlite3_mprintf("");
  char *zName = series_name(scan); /* " of series k=..." */
  char *z = zName ? sqlite3_mprintf(" (in a row%s)", zName) : NULL;
  sqlite3_free(zName);
  return z;
}

int ts_scan_period_error(ts_scan *scan, const char *zWhat, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  char *zShown = ts_source_display_name(spec);
  char *zWhere = row_series(scan);
  if (zWhat && zShown && zWhere)
    *pzErr = sqlite3_mprintf("%s: column \"%s\" in \"%s\" %s%s", spec->zModule, spec->zPeriod,
                             zShown, zWhat, zWhere);
  sqlite3_free(zShown);
  sqlite3_free(zWhere);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

int ts_scan_value_error(ts_scan *scan, int iCol, const char *zCol, const char *zWhat,
                        const ts_period *p, char **pzErr) {
  char zLabel[TS_PERIOD_LABEL_MAX];
  char *zShown = ts_source_display_name(scan->spec);
  char *zSeries = scan->spec->nBy ? series_name(scan) : sqlite3_mprintf("");
  (void)iCol;
  ts_period_format(p, zLabel);
  if (zWhat && zShown && zSeries)
    *pzErr = sqlite3_mprintf("%s: column \"%s\" in \"%s\" %s (period '%s'%s)", scan->spec->zModule,
                             zCol, zShown, zWhat, zLabel, zSeries);
  sqlite3_free(zShown);
  sqlite3_free(zSeries);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* " of series k='Seoul', flow='export'" for messages; NULL: no memory. */
static char *series_name(const ts_scan *scan) {
  return ts_series_name(scan->db, scan->spec, scan->cur.apKey);
}

char *ts_series_name(sqlite3 *db, const ts_source_spec *spec, sqlite3_value *const *apKey) {
  if (spec->nBy == 0) return sqlite3_mprintf(" of the one series (no series column)");
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, " of series ");
  for (int i = 0; i < spec->nBy; i++) {
    char *zRepr = ts_value_repr(apKey[i]);
    if (zRepr == NULL) {
      sqlite3_free(sqlite3_str_finish(s));
      return NULL;
    }
    sqlite3_str_appendf(s, "%s%s=%s", i ? ", " : "", spec->azBy[i], zRepr);
    sqlite3_free(zRepr);
  }
  return sqlite3_str_finish(s);
}

/* What a value slot is, for messages: "" (one value column), the flow
** label of long trade data, or the column of wide trade data. */
static char *slot_name(const ts_source_spec *spec, int slot) {
  if (spec->zFlow) { /* the side's first label names it */
    const char *zLabel = spec->azFlowLabel[slot], *zEnd = strchr(zLabel, TS_FLOW_LABEL_SEP[0]);
    int n = zEnd ? (int)(zEnd - zLabel) : (int)strlen(zLabel);
    return sqlite3_mprintf(" on the '%.*s' side of \"%s\"", n, zLabel, spec->zFlow);
  }
  if (spec->nValue == 2) return sqlite3_mprintf(" in column \"%s\"", spec->azValue[slot]);
  return sqlite3_mprintf("");
}

/* What a point-level message names: its period's label, its series and
** its value slot (the two strings are sqlite3_malloc'ed; NULL: no memory). */
static void point_names(ts_scan *scan, const ts_point *pt, int slot, char *zLabel, char **pzSeries,
                        char **pzSlot) {
  ts_period p;
  ts_period_from_ordinal(scan->cur.kind, pt->ordinal, &p);
  ts_period_format(&p, zLabel);
  *pzSeries = series_name(scan);
  *pzSlot = slot_name(scan->spec, slot);
}

/* Rows of one series and period, without grain=: each period of a series
** is one row, so two are an error, never a silent sum.  They are a
** duplicate, a period written in two forms ('2023.06', '2023-06'), or a
** by= list that leaves out a dimension (a total next to its parts). */
int ts_scan_duplicate_error(ts_scan *scan, const ts_point *pt, int slot, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  char zLabel[TS_PERIOD_LABEL_MAX], *zSeries, *zSlot;
  point_names(scan, pt, slot, zLabel, &zSeries, &zSlot);
  if (zSeries && zSlot)
    *pzErr = sqlite3_mprintf(
        "%s: %lld rows%s for period '%s'%s; without grain= a series has one row per period: "
        "name the column that tells them apart in by=, or sum them on purpose with grain=%s or a "
        "GROUP BY view",
        spec->zModule, (long long)pt->sum[slot].count, zSlot, zLabel, zSeries,
        ts_period_kind_name(scan->cur.kind));
  sqlite3_free(zSeries);
  sqlite3_free(zSlot);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* With grain=, a period and a finer one inside it (a year row and its
** months, a quarter and one of its months): summing them counts it twice. */
int ts_scan_overlap_error(ts_scan *scan, const ts_point *pt, int slot, int k1, int k2,
                          char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  char zLabel[TS_PERIOD_LABEL_MAX], *zSeries, *zSlot;
  point_names(scan, pt, slot, zLabel, &zSeries, &zSlot);
  if (zSeries && zSlot)
    *pzErr = sqlite3_mprintf(
        "%s: period '%s'%s has rows%s of a %s and of a %s inside it; summing both would count "
        "the same months twice (a total next to its parts?)",
        spec->zModule, zLabel, zSeries, zSlot, ts_period_kind_name((ts_period_kind)(k1 + 1)),
        ts_period_kind_name((ts_period_kind)(k2 + 1)));
  sqlite3_free(zSeries);
  sqlite3_free(zSlot);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

int ts_scan_flow_error(ts_scan *scan, sqlite3_value *v, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  char *zRepr = ts_value_repr(v);
  char *zExports = label_list(spec->azFlowLabel[0]);
  char *zImports = label_list(spec->azFlowLabel[1]);
  if (zRepr && zExports && zImports) {
    *pzErr = sqlite3_mprintf(
        "%s: unknown flow label %s in column \"%s\" (exports are %s;"
        " imports are %s; name your labels with export_label= and"
        " import_label=)",
        spec->zModule, zRepr, spec->zFlow, zExports, zImports);
  }
  sqlite3_free(zRepr);
  sqlite3_free(zExports);
  sqlite3_free(zImports);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}
