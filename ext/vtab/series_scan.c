/*
** vtab/series_scan.c -- the streaming scan: the source query's rows
** (series_query.c builds it, series_scan_open.c opens it) read one
** series at a time into sorted points, and the hash path's series handed
** out the same way.
**
** Contract:
**  1. The source is read with ONE query, in one pass, ordered by the
**     series columns then the period, so an index on them is walked and
**     memory holds one series at a time (its distinct periods), never the
**     source.  With grain= (and in a statement that writes) the ORDER BY
**     terms are +column: SQLite sorts a sequential read of the table
**     instead (see ts_scan_query).
**  2. Rows whose period or value is NULL are skipped (like sum()) -- but
**     with spec->no_figure_points a row with a period and no figure keeps
**     its period as a point whose slots count 0 rows; a value
**     that is not a number, a period that is not a period, a flow label
**     that is neither label, periods of two kinds in one series, and a
**     period coarser than grain= are errors that quote the value.
**  3. Without grain=, a series has one row per period: two rows of one
**     series and period (a duplicate, one month written '2023.06' and
**     '2023-06', a by= list that leaves out a dimension) are an error
**     naming the series, the period and the row count, never a silent
**     sum.  With grain=, rows of a period are summed exactly (ts_sum) on
**     purpose; a roll-up is complete only when each of its months has a
**     row, of whatever kinds and label forms (a quarter row plus months;
**     months in two forms), else it is marked incomplete; rows of two
**     kinds that share a month (a year row and its months) are an error.
**     Days are dates of events: a roll-up of days alone is incomplete
**     only when it reaches past the days the source holds (its first or
**     last day, whole source: series_extent.c, applied to both scan
**     paths' series in ts_scan_next) or before its series' own first row
**     with a figure (ts_series.first_day, recorded by add_value; with a
**     lower year bound the earlier rows are read for it alone,
**     early_row); next to coarser rows a day covers its month.  A day
**     row without a figure is a day not known: its roll-up is incomplete
**     (ts_series_drop_unknown_days, series_extent.c; a roll-up of such rows alone is no
**     point).
**  4. Errors of the source query (I/O, interrupt, out of memory) are
**     returned with their code; every allocation is checked.
**  5. Series are grouped exactly as GROUP BY on the by columns groups
**     them: with the columns' collations (NOCASE, RTRIM, one the
**     application registered), INTEGER 1 equal to REAL 1.0, NULL keys one
**     series (open_same_key, series_scan_open.c).  The key shown is the
**     series' first row's, in the source query's order (by columns, then
**     period): a value of a row of the group.
*/
#include "vtab/series_scan.h"
#include "vtab/series_hash.h"
#include "vtab/series_extent.h"

#include <string.h>

/* Whether column value v of the new row is series key k (NULLs group). */
static int same_key(const ts_scan *scan, int k, sqlite3_value *v) {
  int type = sqlite3_value_type(v);
  if (type != scan->aKey[k].type) return 0;
  switch (type) {
    case SQLITE_NULL: return 1;
    case SQLITE_INTEGER: return sqlite3_value_int64(v) == scan->aKey[k].i;
    case SQLITE_FLOAT: return sqlite3_value_double(v) == scan->aKey[k].d;
    default: {
      const void *z =
          type == SQLITE_TEXT ? (const void *)sqlite3_value_text(v) : sqlite3_value_blob(v);
      int n = sqlite3_value_bytes(v);
      return n == scan->aKey[k].n && (n == 0 || memcmp(z, scan->aKey[k].z, (size_t)n) == 0);
    }
  }
}

/* *pNew: whether the current row starts a new series.  Keys identical in
** type and bytes are one series; any other pair is compared by SQLite
** (open_same_key, series_scan_open.c), about once per series on data
** whose spellings agree. */
int ts_scan_new_series(ts_scan *scan, int *pNew, char **pzErr) {
  int n = scan->spec->nBy, i = 0;
  while (i < n && same_key(scan, i, sqlite3_column_value(scan->stmt, i))) i++;
  *pNew = 0;
  if (i == n) return SQLITE_OK;
  if (ts_skip_other_key(scan)) {
    *pNew = 1;
    return SQLITE_OK;
  }
  int rc = SQLITE_OK;
  /* The series' key is bound here, when first asked about: most series
  ** are told from the next by their bytes alone. */
  for (i = 0; i < n && rc == SQLITE_OK && !scan->same_bound; i++)
    rc = sqlite3_bind_value(scan->same, i + 1, scan->cur.apKey[i]);
  scan->same_bound = 1;
  for (i = 0; i < n && rc == SQLITE_OK; i++)
    rc = sqlite3_bind_value(scan->same, n + i + 1, sqlite3_column_value(scan->stmt, i));
  if (rc == SQLITE_OK) rc = sqlite3_step(scan->same);
  if (rc == SQLITE_ROW) {
    *pNew = sqlite3_column_int(scan->same, 0) == 0;
    rc = SQLITE_OK;
  } else if (rc != SQLITE_NOMEM) {
    *pzErr = sqlite3_mprintf("%s: %s", scan->spec->zModule, sqlite3_errmsg(scan->db));
  }
  sqlite3_reset(scan->same);
  return rc;
}

/* The series' key is its first row's (the first row read: by columns,
** then period, in the source query's order).  It is what GROUP BY could
** show: a value of a row of the group. */
int ts_scan_take_keys(ts_scan *scan) {
  ts_series_clear_keys(&scan->cur);
  scan->same_bound = 0;
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
      scan->aKey[i].z =
          type == SQLITE_TEXT ? (const void *)sqlite3_value_text(key) : sqlite3_value_blob(key);
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

int64_t ts_period_first_day(const ts_period *p) {
  if (p->kind == TS_KIND_DAY) return ts_period_ordinal(p);
  ts_period d;
  ts_period_start(p, &d);
  return ts_period_ordinal(&d);
}

int ts_source_flow_slot(const ts_source_spec *spec, const char *z, int n) {
  return flow_slot(spec, z, n);
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

/* Reads the period of the current row into *orig and, rolled up to the
** grain, into *p; *pSkip: NULL period. */
/* The period of a column value as ts_value_period reads it (0, 1 NULL, 2
** not a period), with TEXT labels parsed directly and the last one kept:
** the bytes equal to the last label's parse as it did. */
static int value_period(ts_scan *scan, sqlite3_value *v, ts_period *p, char **pzErr) {
  if (sqlite3_value_type(v) == SQLITE_TEXT) {
    const char *z = (const char *)sqlite3_value_text(v);
    int n = sqlite3_value_bytes(v);
    if (z && n > 0 && n == scan->nLabel && memcmp(z, scan->zLabel, (size_t)n) == 0) {
      *p = scan->label_period;
      return 0;
    }
    if (z && ts_period_parse(z, n, p) == 0) {
      if (n <= (int)sizeof(scan->zLabel)) {
        memcpy(scan->zLabel, z, (size_t)n);
        scan->nLabel = n;
        scan->label_period = *p;
      }
      return 0;
    }
  }
  return ts_value_period(v, p, pzErr); /* other types, and the message */
}

static int row_period(ts_scan *scan, ts_period *p, ts_period *orig, char **pzErr, int *pSkip) {
  const ts_source_spec *spec = scan->spec;
  char *zWhat = NULL;
  sqlite3_value *v =
      scan->skip_period ? scan->skip_period : sqlite3_column_value(scan->stmt, spec->nBy);
  int rc = value_period(scan, v, p, &zWhat);
  *pSkip = rc == 1;
  if (rc == 2) {
    rc = ts_scan_period_error(scan, zWhat, pzErr);
    sqlite3_free(zWhat);
    return rc;
  }
  if (*pSkip) return SQLITE_OK;
  /* Labels are formatted only for messages: this runs once per row. */
  char zLabel[TS_PERIOD_LABEL_MAX], zFirst[TS_PERIOD_LABEL_MAX];
  *orig = *p;
  if (spec->grain != TS_KIND_NONE && ts_period_rollup(orig, spec->grain, p)) {
    ts_period_format(orig, zLabel);
    *pzErr =
        sqlite3_mprintf("%s: cannot roll the %s '%s' up to grain=%s", spec->zModule,
                        ts_period_kind_name(orig->kind), zLabel, ts_period_kind_name(spec->grain));
    return SQLITE_ERROR;
  }
  if (scan->cur.kind == TS_KIND_NONE) {
    scan->cur.kind = p->kind;
    scan->first_period = *orig;
  } else if (scan->cur.kind != p->kind) {
    ts_period_format(&scan->first_period, zFirst);
    ts_period_format(orig, zLabel);
    *pzErr = sqlite3_mprintf("%s: series mixes period kinds: '%s' and '%s'", spec->zModule, zFirst,
                             zLabel);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* Records that the finer period orig was summed into slot of pt (whose
** period is p): the months of p it covers, under its kind. */
static void track_sub_period(ts_point *pt, int slot, const ts_period *p, const ts_period *orig) {
  int first, count, pfirst, pcount;
  ts_period_month_span(orig, &first, &count);
  ts_period_month_span(p, &pfirst, &pcount);
  pt->cover[slot][orig->kind - 1] |= (uint16_t)(((1u << count) - 1) << (first - pfirst));
  if (orig->kind == TS_KIND_DAY && TS_DAY_IS_LATE(orig))
    pt->incomplete[slot] |= TS_INCOMPLETE_DAY_LATE; /* an event: ts_days_check */
  if (orig->kind == TS_KIND_DAY && TS_DAY_IS_EARLY(orig))
    pt->incomplete[slot] |= TS_INCOMPLETE_DAY_EARLY;
  if (orig->kind == TS_KIND_DAY) {
    pt->weekdays[slot] |= (unsigned char)(1u << ts_day_weekday(ts_period_ordinal(orig)));
    ts_mday_note(&pt->mday[slot], (unsigned)orig->day);
  }
}

/* The checks on a whole series (its points sorted and merged):
**  - without grain=, a period with more than one row is an error;
**  - with grain=, a period holding rows of two kinds that share a month
**    is an error, and a roll-up some month of which has no row (of any
**    kind, in any label form) is incomplete.  Days are dates of events:
**    a roll-up of days alone is left to ts_days_check (past the source's
**    days, incomplete); next to coarser rows a day covers its month. */
static int check_series(ts_scan *scan, char **pzErr) {
  ts_series *s = &scan->cur;
  const ts_source_spec *spec = scan->spec;
  ts_series_drop_unknown_days(s, spec->no_figure_points);
  for (int i = 0; i < s->nPoint; i++) {
    ts_point *pt = &s->aPoint[i];
    for (int slot = 0; slot < 2; slot++) {
      if (pt->sum[slot].count == 0) continue;
      if (spec->grain == TS_KIND_NONE) {
        if (pt->sum[slot].count > 1) return ts_scan_duplicate_error(scan, pt, slot, pzErr);
        continue;
      }
      unsigned all = 0, coarse = 0;
      for (int k1 = 0; k1 < TS_KIND_DAY; k1++) {
        for (int k2 = k1 + 1; k2 < TS_KIND_DAY; k2++)
          if (pt->cover[slot][k1] & pt->cover[slot][k2])
            return ts_scan_overlap_error(scan, pt, slot, k1, k2, pzErr);
        all |= pt->cover[slot][k1];
        if (k1 != TS_KIND_DAY - 1) coarse |= pt->cover[slot][k1];
      }
      ts_period p;
      int first, count;
      ts_period_from_ordinal(s->kind, pt->ordinal, &p);
      ts_period_month_span(&p, &first, &count);
      pt->incomplete[slot] |= coarse != 0 && all != (1u << count) - 1;
    }
  }
  return SQLITE_OK;
}

/* Adds value column iCol of the current row into slot of point. */
static int add_value(ts_scan *scan, int iCol, const char *zCol, const ts_period *p,
                     const ts_period *orig, int slot, char **pzErr) {
  ts_number n;
  char *zWhat = NULL;
  sqlite3_value *v = sqlite3_column_value(scan->stmt, iCol);
  ts_number_status st;
  if (sqlite3_value_type(v) == SQLITE_INTEGER) /* most values: ts_value_number's first case */
    ts_number_from_int(sqlite3_value_int64(v), &n), st = TS_NUMBER_OK;
  else
    st = ts_value_number(v, &n, &zWhat);
  if (st == TS_NUMBER_NULL) {
    /* no figure: skipped, or (no_figure_points) its period kept as a
    ** point without a value -- no sum, cover, first day or preliminary.
    ** A day of a roll-up without its figure is a day not known, not a day
    ** with nothing sold: its point is marked (check_series). */
    int unknown_day = scan->spec->grain != TS_KIND_NONE && orig->kind == TS_KIND_DAY;
    if (!scan->spec->no_figure_points && !unknown_day) return SQLITE_OK;
    ts_point *pt = point_for(scan, ts_period_ordinal(p));
    if (pt == NULL) return SQLITE_NOMEM;
    if (unknown_day) pt->incomplete[slot] |= TS_INCOMPLETE_NO_FIGURE;
    return SQLITE_OK;
  }
  if (st != TS_NUMBER_OK) {
    int rc = ts_scan_value_error(scan, iCol, zCol, zWhat, p, pzErr);
    sqlite3_free(zWhat);
    return rc;
  }
  ts_point *pt = point_for(scan, ts_period_ordinal(p));
  if (pt == NULL) return SQLITE_NOMEM;
  ts_sum_add(&pt->sum[slot], &n);
  if (scan->spec->grain != TS_KIND_NONE) {
    int64_t first = ts_period_first_day(orig);
    if (first < scan->cur.first_day[slot]) scan->cur.first_day[slot] = first;
  }
  if (orig->preliminary || (scan->iPreliminary >= 0 && ts_value_is_preliminary(sqlite3_column_value(
                                                           scan->stmt, scan->iPreliminary))))
    pt->preliminary[slot] = 1;
  if (scan->spec->grain != TS_KIND_NONE) track_sub_period(pt, slot, p, orig);
  return SQLITE_OK;
}

/* Whether column iCol of the current row is a figure (a number the
** scan would sum; a value it would report is none: such a row is never
** read for its figure). */
static int row_has_figure(ts_scan *scan, int iCol) {
  return ts_value_has_figure(sqlite3_column_value(scan->stmt, iCol));
}

/* A row of a year before those the query asks for (ts_early_row): it adds
** no point and reports nothing, but a figure in it says its series' own
** days begin before the years read (series_extent.h). */
static void early_row(ts_scan *scan) {
  const ts_source_spec *spec = scan->spec;
  int iValue = spec->nBy + 1, slot = 0;
  if (spec->nValue == 2) {
    for (int k = 0; k < 2; k++)
      if (row_has_figure(scan, iValue + k)) scan->cur.first_day[k] = TS_FIRST_DAY_EARLIER;
    return;
  }
  if (spec->zFlow) {
    sqlite3_value *flow = sqlite3_column_value(scan->stmt, iValue + 1);
    if (sqlite3_value_type(flow) == SQLITE_NULL) return;
    const char *z = (const char *)sqlite3_value_text(flow); /* as add_row reads it */
    slot = z ? flow_slot(spec, z, sqlite3_value_bytes(flow)) : -1;
    if (slot < 0) return;
  }
  if (row_has_figure(scan, iValue)) scan->cur.first_day[slot] = TS_FIRST_DAY_EARLIER;
}

static int add_row(ts_scan *scan, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  ts_period p, orig;
  int skip = 0;
  if (scan->early_lo && ts_early_row(sqlite3_column_value(scan->stmt, spec->nBy), scan->early_lo)) {
    early_row(scan);
    return SQLITE_OK;
  }
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
    if (slot < 0) return ts_scan_flow_error(scan, flow, pzErr);
  }
  return add_value(scan, iValue, spec->azValue[0], &p, &orig, slot, pzErr);
}

int ts_scan_step_error(ts_scan *scan, int rc, char **pzErr) {
  if (rc != SQLITE_NOMEM) *pzErr = ts_prefixed_error(scan->spec->zModule, sqlite3_errmsg(scan->db));
  return rc;
}

ts_hash *ts_scan_held(const ts_scan *scan) { return scan && scan->whole ? scan->hash : NULL; }

int ts_scan_by_hash(const ts_scan *scan) { return scan && scan->hash; }

int ts_scan_held_next(ts_scan *scan, uint32_t *piNext, ts_series *out, char **pzErr) {
  int rc = ts_hash_series_at(scan->hash, piNext, out);
  if (rc == SQLITE_ROW) {
    int rc2 = ts_days_check(&scan->extent, out, pzErr);
    if (rc2 != SQLITE_OK) return rc2;
  }
  return rc;
}

int ts_scan_next(ts_scan *scan, ts_series **ppSeries, char **pzErr) {
  *ppSeries = NULL;
  if (scan->replay) {
    if (scan->iReplay >= scan->replay->n) return SQLITE_DONE;
    *ppSeries = &scan->replay->a[scan->iReplay++];
    scan->last = *ppSeries;
    return SQLITE_ROW;
  }
  if (scan->hash) {
    int rc = ts_hash_next(scan->hash, ppSeries, pzErr);
    if (rc == SQLITE_ROW) rc = ts_days_check(&scan->extent, *ppSeries, pzErr);
    if (rc == SQLITE_OK) {
      scan->last = *ppSeries;
      rc = SQLITE_ROW;
    }
    return rc;
  }
  for (;;) {
    if (scan->done) return SQLITE_DONE;
    if (!scan->positioned) {
      int rc = ts_skip_step(scan);
      if (rc == SQLITE_DONE) {
        scan->done = 1;
        return SQLITE_DONE;
      }
      if (rc != SQLITE_ROW) return ts_scan_step_error(scan, rc, pzErr);
      scan->positioned = 1;
    }
    if (scan->watch) {
      int rc = ts_walk_judge(scan, pzErr);
      if (rc != SQLITE_OK) return rc;
      if (scan->done) return SQLITE_DONE;
    }
    scan->cur.nPoint = 0;
    scan->cur.kind = TS_KIND_NONE;
    scan->cur.first_day[0] = scan->cur.first_day[1] = TS_FIRST_DAY_NONE;
    scan->unsorted = 0;
    scan->nSeriesTaken++;
    int rc = ts_scan_take_keys(scan);
    while (rc == SQLITE_OK) {
      rc = add_row(scan, pzErr);
      if (rc != SQLITE_OK) break;
      scan->nRow++;
      rc = ts_skip_step(scan);
      if (rc == SQLITE_DONE) {
        scan->done = 1;
        scan->positioned = 0;
        rc = SQLITE_OK;
        break;
      }
      if (rc != SQLITE_ROW) return ts_scan_step_error(scan, rc, pzErr);
      int is_new = 0;
      rc = ts_scan_new_series(scan, &is_new, pzErr);
      if (rc != SQLITE_OK || is_new) break;
    }
    if (rc != SQLITE_OK) return rc;
    if (scan->unsorted) scan->cur.nPoint = ts_points_sort_merge(scan->cur.aPoint, scan->cur.nPoint);
    rc = check_series(scan, pzErr);
    if (rc == SQLITE_OK) rc = ts_days_check(&scan->extent, &scan->cur, pzErr);
    if (rc != SQLITE_OK) return rc;
    if (scan->cur.nPoint > 0) {
      *ppSeries = &scan->cur;
      scan->last = &scan->cur;
      return SQLITE_ROW;
    }
    /* Every row of that series was NULL: it produces nothing. */
  }
}
