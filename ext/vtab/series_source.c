/*
** vtab/series_source.c -- the machinery every series virtual table shares.
**
** Contract:
**  1. Identifiers given by the user are only ever quoted with "%w"; the
**     source may be `schema.table`; quotes ("x", 'x', [x], `x`) around a
**     name or a part are removed first.
**  2. The source is read with ONE query, in one pass, ordered by the
**     series columns then the period, so an index on them is walked and
**     memory holds one series at a time (its distinct periods), never the
**     source.  With grain= the ORDER BY terms are +column: SQLite sorts
**     a sequential read of the table instead (see build_query).
**  3. By-column equalities are pushed into that query as bound values.
**     Period bounds are pushed as year bounds, widened by the history the
**     statistic needs, and only when the period column has TEXT affinity
**     (all accepted text labels start with the 4-digit year, so a text
**     range on the year is exact; INTEGER periods are read in full).
**     Nothing pushed down is marked omit: SQLite re-checks every
**     constraint on the canonical output, so pushdown can only save work.
**  4. Rows whose period or value is NULL are skipped (like sum()); a value
**     that is not a number, a period that is not a period, a flow label
**     that is neither label, periods of two kinds in one series, and a
**     period coarser than grain= are errors that quote the value.
**  5. Rows of the same series and period are summed exactly (ts_sum).
**     With grain=, a rolled-up period that misses some of the half-years,
**     quarters or months it spans is marked incomplete; days are dates of
**     events, so a month of days is never incomplete.
**  6. Errors of the source query (I/O, interrupt, out of memory) are
**     returned with their code; every allocation is checked.
**
** idxStr written by ts_source_best_index: one two-character token per
** argv entry, in argv order: 'B' + ('a' + i) equality on series column i;
** 'P' + op ('=', '<', 'l' for <=, '>', 'g' for >=) a period bound;
** 'A' + ('a' + k) hidden argument k of the table-valued form.
*/
#include "vtab/series_source.h"

#include <stdlib.h>


/* Prepares "SELECT <zCols> FROM <source> LIMIT 0"; returns its code. */
static int try_select(sqlite3 *db, const char *zCols, const char *zFrom) {
  char *zSql = sqlite3_mprintf("SELECT %s FROM %s LIMIT 0", zCols, zFrom);
  if (zSql == NULL) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  return rc;
}

/* Is every letter of `a` in `b`, in order (amt in amount), case aside? */
static int is_subsequence(const char *a, const char *b) {
  for (; *a && *b; b++)
    if (sqlite3_strnicmp(a, b, 1) == 0) a++;
  return *a == 0;
}

/* " (did you mean \"amount\"? columns: period, flow, amount)": the
** source's columns and the closest to the name given; NULL when they
** cannot be read.  The list stops after 20 names. */
static char *column_hint(sqlite3 *db, const char *zFrom, const char *zCol) {
  char *zSql = sqlite3_mprintf("SELECT * FROM %s LIMIT 0", zFrom);
  sqlite3_stmt *stmt = NULL;
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return NULL;
  }
  int n = sqlite3_column_count(stmt), best = -1, best_d = 1 << 30;
  sqlite3_str *list = sqlite3_str_new(db);
  for (int i = 0; i < n; i++) {
    const char *zName = sqlite3_column_name(stmt, i);
    if (zName == NULL) continue;
    int d = ts_edit_distance(zCol, zName, 1);
    int close = d <= ((int)strlen(zCol) + 2) / 3 || is_subsequence(zCol, zName);
    if (close && d < best_d) best = i, best_d = d;
    if (i < 20) sqlite3_str_appendf(list, "%s%s", i ? ", " : "", zName);
  }
  if (n > 20) sqlite3_str_appendf(list, ", ... (%d in all)", n);
  char *zList = sqlite3_str_finish(list);
  /* A suggestion only when it is close: at most a third of the name
  ** differs, or the name is an abbreviation of it. */
  char *zHint = NULL;
  if (zList && best >= 0)
    zHint = sqlite3_mprintf(" (did you mean \"%s\"? columns: %s)", sqlite3_column_name(stmt, best),
                            zList);
  else if (zList)
    zHint = sqlite3_mprintf(" (columns: %s)", zList);
  sqlite3_free(zList);
  sqlite3_finalize(stmt);
  return zHint;
}

static int check_column(sqlite3 *db, const ts_source_spec *spec, const char *zFrom,
                        const char *zShown, const char *zCol, char **pzErr) {
  if (zCol == NULL) return SQLITE_OK;
  char *zQuoted = sqlite3_mprintf("s.\"%w\"", zCol);
  if (zQuoted == NULL) return SQLITE_NOMEM;
  int rc = try_select(db, zQuoted, zFrom);
  sqlite3_free(zQuoted);
  if (rc == SQLITE_NOMEM) return rc;
  if (rc != SQLITE_OK) {
    char *zHint = column_hint(db, zFrom, zCol);
    *pzErr = sqlite3_mprintf("%s: no such column \"%s\" in \"%s\"%s", spec->zModule, zCol,
                             zShown, zHint ? zHint : "");
    sqlite3_free(zHint);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

int ts_source_check(sqlite3 *db, const ts_source_spec *spec, char **pzErr) {
  char *zFrom = ts_source_sql_name(spec);
  char *zShown = ts_source_display_name(spec);
  int rc = (zFrom && zShown) ? try_select(db, "1", zFrom) : SQLITE_NOMEM;
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM) {
    *pzErr = sqlite3_mprintf("%s: no such table \"%s\"", spec->zModule, zShown);
    rc = SQLITE_ERROR;
  }
  const char *azCol[4 + TS_MAX_BY] = {spec->zPeriod, spec->azValue[0],
                                      spec->azValue[1], spec->zFlow};
  for (int i = 0; i < spec->nBy; i++) azCol[4 + i] = spec->azBy[i];
  for (int i = 0; rc == SQLITE_OK && i < 4 + spec->nBy; i++) {
    rc = check_column(db, spec, zFrom, zShown, azCol[i], pzErr);
  }
  sqlite3_free(zFrom);
  sqlite3_free(zShown);
  return rc;
}

/* ---- the source query ---------------------------------------------- */

struct ts_scan {
  sqlite3 *db;
  const ts_source_spec *spec;
  sqlite3_stmt *stmt;
  int positioned; /* stmt is on the first row of the next series */
  int done;
  ts_series cur;
  /* cur.apKey[i] as plain C values, so each row's series check reads only
  ** the new row through the API (the row's own values, once each). */
  struct {
    int type;
    sqlite3_int64 i;
    double d;
    const void *z; /* TEXT/BLOB bytes, owned by cur.apKey[i] */
    int n;
  } aKey[TS_MAX_BY];
  int unsorted;
  ts_period first_period; /* first period of cur (as read), for messages */
};

/* Whether a declared type has TEXT affinity (SQLite's rules 1-2). */
static int text_affinity(const char *zType) {
  if (zType == NULL) return 0;
  char up[64];
  int n = 0;
  for (; zType[n] && n < 63; n++) up[n] = (char)(zType[n] >= 'a' && zType[n] <= 'z' ? zType[n] - 32 : zType[n]);
  up[n] = 0;
  if (strstr(up, "INT")) return 0;
  return strstr(up, "CHAR") || strstr(up, "CLOB") || strstr(up, "TEXT");
}

static int period_has_text_affinity(sqlite3 *db, const ts_source_spec *spec,
                                    const char *zFrom) {
  char *zSql = sqlite3_mprintf("SELECT s.\"%w\" FROM %s LIMIT 0", spec->zPeriod, zFrom);
  sqlite3_stmt *stmt = NULL;
  int text = 0;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK)
    text = text_affinity(sqlite3_column_decltype(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  return text;
}

/* Builds the query text into a sqlite3_str; binds are numbered in order. */
static char *build_query(sqlite3 *db, const ts_source_spec *spec,
                         const ts_pushdown *pd, const char *zFrom, int *pPeriodBounds) {
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "SELECT ");
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "s.\"%w\", ", spec->azBy[i]);
  sqlite3_str_appendf(s, "s.\"%w\", s.\"%w\"", spec->zPeriod, spec->azValue[0]);
  if (spec->nValue == 2) sqlite3_str_appendf(s, ", s.\"%w\"", spec->azValue[1]);
  else if (spec->zFlow) sqlite3_str_appendf(s, ", s.\"%w\"", spec->zFlow);
  sqlite3_str_appendf(s, " FROM %s WHERE 1", zFrom);
  for (int i = 0; i < spec->nBy; i++) {
    if (pd && pd->apByEq[i]) sqlite3_str_appendf(s, " AND s.\"%w\" = ?", spec->azBy[i]);
  }
  *pPeriodBounds = pd && (pd->year_lo > 0 || pd->year_hi > 0) &&
                   period_has_text_affinity(db, spec, zFrom);
  if (*pPeriodBounds) {
    if (pd->year_lo > 0) sqlite3_str_appendf(s, " AND s.\"%w\" >= '%04d'", spec->zPeriod, pd->year_lo);
    if (pd->year_hi > 0 && pd->year_hi < 9999)
      sqlite3_str_appendf(s, " AND s.\"%w\" < '%04d'", spec->zPeriod, pd->year_hi + 1);
  }
  /* grain= reads event-level rows (days rolled up to months), and such
  ** tables are stored in time order: walking an index on the series
  ** columns then fetches one table page per row, while a sort reads the
  ** table in order (measured: 10 M transactions, index walk 1.34 s vs
  ** sort 1.02 s at a tenth of the data).  SQLite's planner does not see
  ** that order, so a unary + on the ORDER BY terms tells it not to use an
  ** index for them.  The sorter keeps a bounded buffer and spills to temp
  ** files, so memory still holds one series, not the source. */
  const char *zNoIndex = spec->grain != TS_KIND_NONE ? "+" : "";
  sqlite3_str_appendall(s, " ORDER BY ");
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "%ss.\"%w\", ", zNoIndex, spec->azBy[i]);
  sqlite3_str_appendf(s, "%ss.\"%w\"", zNoIndex, spec->zPeriod);
  return sqlite3_str_finish(s);
}

int ts_scan_open(sqlite3 *db, const ts_source_spec *spec,
                 const ts_pushdown *pd, ts_scan **ppScan, char **pzErr) {
  *ppScan = NULL;
  ts_scan *scan = sqlite3_malloc64(sizeof(*scan));
  if (scan == NULL) return SQLITE_NOMEM;
  memset(scan, 0, sizeof(*scan));
  scan->db = db;
  scan->spec = spec;
  char *zFrom = ts_source_sql_name(spec);
  int bounds = 0;
  char *zSql = zFrom ? build_query(db, spec, pd, zFrom, &bounds) : NULL;
  sqlite3_free(zFrom);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &scan->stmt, NULL) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) {
    if (rc != SQLITE_NOMEM) *pzErr = ts_prefixed_error(spec->zModule, sqlite3_errmsg(db));
    ts_scan_close(scan);
    return rc;
  }
  int iBind = 1;
  for (int i = 0; pd && i < spec->nBy && rc == SQLITE_OK; i++) {
    if (pd->apByEq[i]) rc = sqlite3_bind_value(scan->stmt, iBind++, pd->apByEq[i]);
  }
  if (rc != SQLITE_OK) {
    ts_scan_close(scan);
    return rc;
  }
  *ppScan = scan;
  return SQLITE_OK;
}

static void clear_keys(ts_series *s) {
  for (int i = 0; i < TS_MAX_BY; i++) {
    sqlite3_value_free(s->apKey[i]);
    s->apKey[i] = NULL;
  }
}

void ts_scan_close(ts_scan *scan) {
  if (scan == NULL) return;
  sqlite3_finalize(scan->stmt);
  clear_keys(&scan->cur);
  sqlite3_free(scan->cur.aPoint);
  sqlite3_free(scan);
}

/* Whether column value v of the new row is series key k (NULLs group). */
static int same_key(const ts_scan *scan, int k, sqlite3_value *v) {
  int type = sqlite3_value_type(v);
  if (type != scan->aKey[k].type) return 0;
  switch (type) {
    case SQLITE_NULL: return 1;
    case SQLITE_INTEGER: return sqlite3_value_int64(v) == scan->aKey[k].i;
    case SQLITE_FLOAT: return sqlite3_value_double(v) == scan->aKey[k].d;
    default: {
      const void *z = type == SQLITE_TEXT ? (const void *)sqlite3_value_text(v) : sqlite3_value_blob(v);
      int n = sqlite3_value_bytes(v);
      return n == scan->aKey[k].n && (n == 0 || memcmp(z, scan->aKey[k].z, (size_t)n) == 0);
    }
  }
}

static int row_starts_new_series(ts_scan *scan) {
  for (int i = 0; i < scan->spec->nBy; i++) {
    if (!same_key(scan, i, sqlite3_column_value(scan->stmt, i))) return 1;
  }
  return 0;
}

static int take_keys(ts_scan *scan) {
  clear_keys(&scan->cur);
  for (int i = 0; i < scan->spec->nBy; i++) {
    sqlite3_value *key = sqlite3_value_dup(sqlite3_column_value(scan->stmt, i));
    scan->cur.apKey[i] = key;
    if (key == NULL) return SQLITE_NOMEM;
    int type = sqlite3_value_type(key);
    memset(&scan->aKey[i], 0, sizeof(scan->aKey[i]));
    scan->aKey[i].type = type;
    if (type == SQLITE_INTEGER) scan->aKey[i].i = sqlite3_value_int64(key);
    if (type == SQLITE_FLOAT) scan->aKey[i].d = sqlite3_value_double(key);
    if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
      scan->aKey[i].z = type == SQLITE_TEXT ? (const void *)sqlite3_value_text(key)
                                            : sqlite3_value_blob(key);
      scan->aKey[i].n = sqlite3_value_bytes(key);
      if (scan->aKey[i].z == NULL && scan->aKey[i].n > 0) return SQLITE_NOMEM;
    }
  }
  return SQLITE_OK;
}

/* Which value slot a flow label belongs to; -1 if neither.  A slot's
** label may list alternatives separated by TS_FLOW_LABEL_SEP. */
static int flow_slot(const ts_source_spec *spec, const char *z, int n) {
  ts_trim(&z, &n);
  for (int k = 0; k < 2; k++) {
    const char *zLabel = spec->azFlowLabel[k];
    while (zLabel) {
      const char *zEnd = strchr(zLabel, TS_FLOW_LABEL_SEP[0]);
      int nLabel = zEnd ? (int)(zEnd - zLabel) : (int)strlen(zLabel);
      if (nLabel == n && sqlite3_strnicmp(z, zLabel, n) == 0) return k;
      zLabel = zEnd ? zEnd + 1 : NULL;
    }
  }
  return -1;
}

/* "'a', 'b' or 'c'" from a label with alternatives (sqlite3_free it). */
static char *label_list(const char *zLabel) {
  sqlite3_str *s = sqlite3_str_new(NULL);
  for (int first = 1; zLabel; first = 0) {
    const char *zEnd = strchr(zLabel, TS_FLOW_LABEL_SEP[0]);
    int n = zEnd ? (int)(zEnd - zLabel) : (int)strlen(zLabel);
    sqlite3_str_appendf(s, "%s'%.*s'", first ? "" : zEnd ? ", " : " or ", n, zLabel);
    zLabel = zEnd ? zEnd + 1 : NULL;
  }
  return sqlite3_str_finish(s);
}

static ts_point *point_for(ts_scan *scan, int64_t ordinal) {
  ts_series *s = &scan->cur;
  if (s->nPoint > 0) {
    ts_point *last = &s->aPoint[s->nPoint - 1];
    if (last->ordinal == ordinal) return last;
    if (last->ordinal > ordinal) scan->unsorted = 1;
  }
  if (s->nPoint == s->nAlloc) {
    int nNew = s->nAlloc ? s->nAlloc * 2 : 64;
    ts_point *a = sqlite3_realloc64(s->aPoint, (sqlite3_uint64)nNew * sizeof(ts_point));
    if (a == NULL) return NULL;
    s->aPoint = a;
    s->nAlloc = nNew;
  }
  ts_point *p = &s->aPoint[s->nPoint++];
  memset(p, 0, sizeof(*p));
  p->ordinal = ordinal;
  return p;
}

static int period_error(ts_scan *scan, const char *zWhat, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  char *zShown = ts_source_display_name(spec);
  if (zWhat && zShown)
    *pzErr = sqlite3_mprintf("%s: column \"%s\" in \"%s\" %s", spec->zModule, spec->zPeriod, zShown, zWhat);
  sqlite3_free(zShown);
  return zWhat ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Reads the period of the current row into *orig and, rolled up to the
** grain, into *p; *pSkip: NULL period. */
static int row_period(ts_scan *scan, ts_period *p, ts_period *orig, char **pzErr, int *pSkip) {
  const ts_source_spec *spec = scan->spec;
  char *zWhat = NULL;
  int rc = ts_value_period(sqlite3_column_value(scan->stmt, spec->nBy), p, &zWhat);
  *pSkip = rc == 1;
  if (rc == 2) {
    rc = period_error(scan, zWhat, pzErr);
    sqlite3_free(zWhat);
    return rc;
  }
  if (*pSkip) return SQLITE_OK;
  /* Labels are formatted only for messages: this runs once per row. */
  char zLabel[TS_PERIOD_LABEL_MAX], zFirst[TS_PERIOD_LABEL_MAX];
  *orig = *p;
  if (spec->grain != TS_KIND_NONE && ts_period_rollup(orig, spec->grain, p)) {
    ts_period_format(orig, zLabel);
    *pzErr = sqlite3_mprintf("%s: cannot roll the %s '%s' up to grain=%s", spec->zModule,
                             ts_period_kind_name(orig->kind), zLabel,
                             ts_period_kind_name(spec->grain));
    return SQLITE_ERROR;
  }
  if (scan->cur.kind == TS_KIND_NONE) {
    scan->cur.kind = p->kind;
    scan->first_period = *orig;
  } else if (scan->cur.kind != p->kind) {
    ts_period_format(&scan->first_period, zFirst);
    ts_period_format(orig, zLabel);
    *pzErr = sqlite3_mprintf("%s: series mixes period kinds: '%s' and '%s'", spec->zModule,
                             zFirst, zLabel);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static int value_error(ts_scan *scan, int iCol, const char *zCol, const char *zWhat,
                       const ts_period *p, char **pzErr) {
  char zLabel[TS_PERIOD_LABEL_MAX];
  char *zShown = ts_source_display_name(scan->spec);
  (void)iCol;
  ts_period_format(p, zLabel);
  if (zWhat && zShown)
    *pzErr = sqlite3_mprintf("%s: column \"%s\" in \"%s\" %s (period '%s')", scan->spec->zModule,
                             zCol, zShown, zWhat, zLabel);
  sqlite3_free(zShown);
  return zWhat && zShown ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Records that the finer period orig was summed into slot of pt.  Days
** are dates of events (transactions): a day with no row is a day with
** nothing, not a gap, so roll-ups of days are never "incomplete". */
static void track_sub_period(ts_point *pt, int slot, const ts_period *orig) {
  int64_t ordinal = ts_period_ordinal(orig);
  if (orig->kind == TS_KIND_DAY) {
    pt->sub_kind[slot] = TS_SUB_UNKNOWN;
  } else if (pt->n_sub[slot] == 0) {
    pt->sub_kind[slot] = (unsigned char)orig->kind;
    pt->last_sub[slot] = ordinal;
    pt->n_sub[slot] = 1;
  } else if (pt->sub_kind[slot] != orig->kind || ordinal < pt->last_sub[slot]) {
    pt->sub_kind[slot] = TS_SUB_UNKNOWN; /* mixed kinds or out of order */
  } else if (ordinal > pt->last_sub[slot]) {
    pt->last_sub[slot] = ordinal;
    pt->n_sub[slot]++;
  }
}

/* Marks the roll-ups of the current series that miss finer periods. */
static void mark_incomplete(ts_series *s) {
  for (int i = 0; i < s->nPoint; i++) {
    ts_point *pt = &s->aPoint[i];
    ts_period p;
    if (ts_period_from_ordinal(s->kind, pt->ordinal, &p)) continue;
    for (int slot = 0; slot < 2; slot++) {
      if (pt->n_sub[slot] == 0 || pt->sub_kind[slot] == TS_SUB_UNKNOWN) continue;
      int spans = ts_period_count_within(&p, (ts_period_kind)pt->sub_kind[slot]);
      pt->incomplete[slot] = pt->n_sub[slot] < spans;
    }
  }
}

/* Adds value column iCol of the current row into slot of point. */
static int add_value(ts_scan *scan, int iCol, const char *zCol, const ts_period *p,
                     const ts_period *orig, int slot, char **pzErr) {
  ts_number n;
  char *zWhat = NULL;
  ts_number_status st = ts_value_number(sqlite3_column_value(scan->stmt, iCol), &n, &zWhat);
  if (st == TS_NUMBER_NULL) return SQLITE_OK;
  if (st != TS_NUMBER_OK) {
    int rc = value_error(scan, iCol, zCol, zWhat, p, pzErr);
    sqlite3_free(zWhat);
    return rc;
  }
  ts_point *pt = point_for(scan, ts_period_ordinal(p));
  if (pt == NULL) return SQLITE_NOMEM;
  ts_sum_add(&pt->sum[slot], &n);
  if (scan->spec->grain != TS_KIND_NONE) track_sub_period(pt, slot, orig);
  return SQLITE_OK;
}

static int flow_error(ts_scan *scan, sqlite3_value *v, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  char *zRepr = ts_value_repr(v);
  char *zExports = label_list(spec->azFlowLabel[0]);
  char *zImports = label_list(spec->azFlowLabel[1]);
  if (zRepr && zExports && zImports) {
    *pzErr = sqlite3_mprintf("%s: unknown flow label %s in column \"%s\" (exports are %s;"
                             " imports are %s; name your labels with export_label= and"
                             " import_label=)", spec->zModule, zRepr, spec->zFlow, zExports,
                             zImports);
  }
  sqlite3_free(zRepr);
  sqlite3_free(zExports);
  sqlite3_free(zImports);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

static int add_row(ts_scan *scan, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  ts_period p, orig;
  int skip = 0;
  int rc = row_period(scan, &p, &orig, pzErr, &skip);
  if (rc != SQLITE_OK || skip) return rc;
  int iValue = spec->nBy + 1;
  if (spec->nValue == 2) {
    rc = add_value(scan, iValue, spec->azValue[0], &p, &orig, 0, pzErr);
    if (rc == SQLITE_OK) rc = add_value(scan, iValue + 1, spec->azValue[1], &p, &orig, 1, pzErr);
    return rc;
  }
  int slot = 0;
  if (spec->zFlow) {
    sqlite3_value *flow = sqlite3_column_value(scan->stmt, iValue + 1);
    if (sqlite3_value_type(flow) == SQLITE_NULL) return SQLITE_OK;
    const char *z = (const char *)sqlite3_value_text(flow);
    if (z == NULL) return SQLITE_NOMEM;
    slot = flow_slot(spec, z, sqlite3_value_bytes(flow));
    if (slot < 0) return flow_error(scan, flow, pzErr);
  }
  return add_value(scan, iValue, spec->azValue[0], &p, &orig, slot, pzErr);
}

static int step_error(ts_scan *scan, int rc, char **pzErr) {
  if (rc != SQLITE_NOMEM)
    *pzErr = ts_prefixed_error(scan->spec->zModule, sqlite3_errmsg(scan->db));
  return rc;
}

int ts_scan_next(ts_scan *scan, ts_series **ppSeries, char **pzErr) {
  *ppSeries = NULL;
  for (;;) {
    if (scan->done) return SQLITE_DONE;
    if (!scan->positioned) {
      int rc = sqlite3_step(scan->stmt);
      if (rc == SQLITE_DONE) {
        scan->done = 1;
        return SQLITE_DONE;
      }
      if (rc != SQLITE_ROW) return step_error(scan, rc, pzErr);
      scan->positioned = 1;
    }
    scan->cur.nPoint = 0;
    scan->cur.kind = TS_KIND_NONE;
    scan->unsorted = 0;
    int rc = take_keys(scan);
    while (rc == SQLITE_OK) {
      rc = add_row(scan, pzErr);
      if (rc != SQLITE_OK) break;
      rc = sqlite3_step(scan->stmt);
      if (rc == SQLITE_DONE) {
        scan->done = 1;
        scan->positioned = 0;
        rc = SQLITE_OK;
        break;
      }
      if (rc != SQLITE_ROW) return step_error(scan, rc, pzErr);
      rc = SQLITE_OK;
      if (row_starts_new_series(scan)) break;
    }
    if (rc != SQLITE_OK) return rc;
    if (scan->unsorted) scan->cur.nPoint = ts_points_sort_merge(scan->cur.aPoint, scan->cur.nPoint);
    if (scan->spec->grain != TS_KIND_NONE) mark_incomplete(&scan->cur);
    if (scan->cur.nPoint > 0) {
      *ppSeries = &scan->cur;
      return SQLITE_ROW;
    }
    /* Every row of that series was NULL: it produces nothing. */
  }
}

/* ---- xBestIndex / xFilter ------------------------------------------ */

static char period_op_code(unsigned char op) {
  switch (op) {
    case SQLITE_INDEX_CONSTRAINT_EQ: return '=';
    case SQLITE_INDEX_CONSTRAINT_LT: return '<';
    case SQLITE_INDEX_CONSTRAINT_LE: return 'l';
    case SQLITE_INDEX_CONSTRAINT_GT: return '>';
    case SQLITE_INDEX_CONSTRAINT_GE: return 'g';
    default: return 0;
  }
}

int ts_source_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info,
                         int nSeries, int iPeriod, int iFirstArg, int nArg,
                         int nRequired) {
  char tokens[2 * 64 + 1];
  int nTok = 0, nArgv = 0;
  double cost = 1e6;
  unsigned seenArg = 0;
  for (int i = 0; i < info->nConstraint && nTok < 64; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    char kind = 0, code = 0;
    if (c->iColumn >= iFirstArg && c->iColumn < iFirstArg + nArg) {
      if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
      if (!c->usable) return SQLITE_CONSTRAINT; /* needs its argument value */
      if (seenArg & (1u << (c->iColumn - iFirstArg))) continue;
      seenArg |= 1u << (c->iColumn - iFirstArg);
      kind = 'A', code = (char)('a' + c->iColumn - iFirstArg);
      info->aConstraintUsage[i].omit = 1;
    } else if (!c->usable) {
      continue;
    } else if (c->iColumn >= 0 && c->iColumn < nSeries && c->op == SQLITE_INDEX_CONSTRAINT_EQ) {
      kind = 'B', code = (char)('a' + c->iColumn);
      cost /= 20;
    } else if (c->iColumn == iPeriod && (code = period_op_code(c->op)) != 0) {
      kind = 'P';
      cost /= 2;
    } else {
      continue;
    }
    tokens[2 * nTok] = kind;
    tokens[2 * nTok + 1] = code;
    nTok++;
    info->aConstraintUsage[i].argvIndex = ++nArgv;
  }
  (void)nRequired; /* missing arguments are reported by xFilter, by name */
  tokens[2 * nTok] = 0;
  info->idxStr = sqlite3_mprintf("%s", tokens);
  if (info->idxStr == NULL) return SQLITE_NOMEM;
  info->needToFreeIdxStr = 1;
  info->estimatedCost = cost;
  info->estimatedRows = (sqlite3_int64)(cost > 1 ? cost : 1);
  (void)vtab;
  return SQLITE_OK;
}

/* The year a period bound's value names, or 0 if it is not a period. */
static int bound_year(sqlite3_value *v) {
  ts_period p;
  char *zErr = NULL;
  int rc = ts_value_period(v, &p, &zErr);
  sqlite3_free(zErr);
  return rc == 0 ? p.year : 0;
}

void ts_source_decode(const char *idxStr, int argc, sqlite3_value **argv,
                      int history_years, ts_pushdown *pd,
                      sqlite3_value **apArg, int nArg) {
  memset(pd, 0, sizeof(*pd));
  for (int k = 0; k < nArg; k++) apArg[k] = NULL;
  for (int i = 0; idxStr && idxStr[2 * i] && i < argc; i++) {
    char kind = idxStr[2 * i], code = idxStr[2 * i + 1];
    if (kind == 'A' && code - 'a' < nArg) {
      apArg[code - 'a'] = argv[i];
    } else if (kind == 'B' && code - 'a' < TS_MAX_BY) {
      if (pd->apByEq[code - 'a'] == NULL) pd->apByEq[code - 'a'] = argv[i];
    } else if (kind == 'P') {
      int year = bound_year(argv[i]);
      if (year == 0) continue;
      if ((code == '=' || code == '>' || code == 'g') && year > pd->year_lo) pd->year_lo = year;
      if ((code == '=' || code == '<' || code == 'l') && (pd->year_hi == 0 || year < pd->year_hi))
        pd->year_hi = year;
    }
  }
  if (pd->year_lo > 0) {
    pd->out_year_lo = pd->year_lo;
    pd->year_lo = history_years < 0 ? 0 : pd->year_lo - history_years;
    if (pd->year_lo < 0) pd->year_lo = 0;
  }
  pd->out_year_hi = pd->year_hi;
}

