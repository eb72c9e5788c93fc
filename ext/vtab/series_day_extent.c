/*
** vtab/series_day_extent.c -- reading the days a source holds
** (series_extent.h; the judging of roll-ups against them is
** series_extent.c's).
**
** Contract:
**  1. The extent is the first day of the earliest and the last day of the
**     latest period of every row of the source whose period reads as one
**     (a month row holds its month to the last day) and that has a
**     figure, as the scan reads one (ts_value_has_figure): a row without one (a
**     NULL, '-', a date spine's future days left-joined to nothing) is a
**     figure not known, and stretched a year that ends on 15 June to a
**     whole one.  Rows whose period does not parse are left to the scan
**     that reads them (it reports them); they say nothing here.
**  2. It is the whole source's, never narrowed by the query's WHERE
**     (pushdown of series columns or years), so a WHERE never changes a
**     row; a statement that writes reads it as the scan does (up to the
**     rowid the statement's first read saw).
**  3. It is read once per scan, and only when a roll-up holding day rows
**     meets it (ts_extent_ensure): sources of months or quarters never
**     pay for it.  The hash path's pass, when nothing narrowed it, has
**     read every row and kept the same extent on the way (ts_hash_days,
**     ts_day_extent_known): then it is not read again.
**  4. With spec->day_whole_after (annual_projection), the read keeps the
**     last day of every period with a figure, sorted, each once
**     (ts_extent_next_end and ts_extent_prev_end look them up).  A hash
**     pass that read every row keeps them on the way (ts_hash_day_ends,
**     ts_day_extent_known_ends); one out of memory leaves them to a read
**     of their own.
*/
#include "vtab/series_extent_int.h"

#include <stdlib.h>
#include <string.h>

void ts_day_extent_init(ts_day_extent *e, sqlite3 *db, const ts_source_spec *spec,
                        const ts_pushdown *pd) {
  memset(e, 0, sizeof(*e));
  e->db = db;
  e->spec = spec;
  if (pd && pd->has_max_rowid) {
    e->has_max_rowid = 1;
    e->max_rowid = pd->max_rowid;
  }
}

void ts_day_extent_clear(ts_day_extent *e) {
  sqlite3_free(e->aEnd);
  e->aEnd = NULL;
  e->nEnd = 0;
  e->ends_read = 0;
}

void ts_day_extent_known(ts_day_extent *e, int any, int64_t first, int64_t last) {
  e->read = 1;
  e->any = any;
  e->first = first;
  e->last = last;
}

int64_t ts_day_ordinal(const ts_period *p, int last) {
  ts_period d;
  if (last)
    ts_period_end(p, &d);
  else
    ts_period_start(p, &d);
  return ts_period_ordinal(&d);
}

/* Widens the extent by one period; with the end days asked for, notes
** its last day (SQLITE_NOMEM when there is no room). */
static int extent_add(ts_day_extent *e, const ts_period *p, int *pnAlloc) {
  int64_t a = ts_day_ordinal(p, 0), b = ts_day_ordinal(p, 1);
  if (!e->any || a < e->first) e->first = a;
  if (!e->any || b > e->last) e->last = b;
  e->any = 1;
  if (pnAlloc == NULL) return SQLITE_OK;
  if (e->nEnd > 0 && e->aEnd[e->nEnd - 1] == b) return SQLITE_OK; /* rows in day order */
  if (e->nEnd == *pnAlloc) {
    int n = *pnAlloc ? 2 * *pnAlloc : 256;
    int64_t *aNew = sqlite3_realloc64(e->aEnd, sizeof(int64_t) * (sqlite3_uint64)n);
    if (aNew == NULL) return SQLITE_NOMEM;
    e->aEnd = aNew;
    *pnAlloc = n;
  }
  e->aEnd[e->nEnd++] = b;
  return SQLITE_OK;
}

static int cmp_day(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

/* The end days sorted, each once. */
static void ends_sort(ts_day_extent *e) {
  if (e->nEnd < 2) return; /* none (aEnd may be NULL) or one */
  qsort(e->aEnd, (size_t)e->nEnd, sizeof(int64_t), cmp_day);
  int k = 0;
  for (int i = 0; i < e->nEnd; i++)
    if (k == 0 || e->aEnd[k - 1] != e->aEnd[i]) e->aEnd[k++] = e->aEnd[i];
  e->nEnd = k;
}

void ts_day_extent_known_ends(ts_day_extent *e, int64_t *aEnd, int nEnd) {
  ts_day_extent_clear(e);
  e->aEnd = aEnd;
  e->nEnd = nEnd;
  ends_sort(e);
  e->ends_read = 1;
}

/* The index of the first end day on or after day d (nEnd: none). */
static int end_at_or_after(const ts_day_extent *e, int64_t d) {
  int lo = 0, hi = e->nEnd;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (e->aEnd[mid] < d)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The first end day on or after day d; d itself when none (past the
** source's last day a roll-up is incomplete already). */
int64_t ts_extent_next_end(const ts_day_extent *e, int64_t d) {
  int k = end_at_or_after(e, d);
  return k < e->nEnd ? e->aEnd[k] : d;
}

/* The last end day before day d; d itself when none. */
int64_t ts_extent_prev_end(const ts_day_extent *e, int64_t d) {
  int k = end_at_or_after(e, d);
  return k > 0 ? e->aEnd[k - 1] : d;
}

/* Whether the row of stmt (period, then the value columns: one, two for
** wide trade data, or one and the flow label) has a figure. */
static int row_has_figure(sqlite3_stmt *stmt, const ts_source_spec *spec) {
  if (spec->nValue == 2)
    return ts_value_has_figure(sqlite3_column_value(stmt, 1)) ||
           ts_value_has_figure(sqlite3_column_value(stmt, 2));
  if (spec->zFlow && sqlite3_column_type(stmt, 2) == SQLITE_NULL) return 0; /* no side's row */
  return ts_value_has_figure(sqlite3_column_value(stmt, 1));
}

/* One pass over the source's period column.  Event tables are stored in
** time order, so a label equal to the row before's is not parsed again. */
static int extent_read(ts_day_extent *e, char **pzErr) {
  const ts_source_spec *spec = e->spec;
  char *zFrom = ts_source_sql_name(spec);
  char *zSql = NULL;
  /* the value columns after the period: the second value or the flow */
  char *zCols = sqlite3_mprintf("s.\"%w\", s.\"%w\"", spec->zPeriod, spec->azValue[0]);
  if (zCols && (spec->nValue == 2 || spec->zFlow))
    zCols =
        sqlite3_mprintf("%z, s.\"%w\"", zCols, spec->nValue == 2 ? spec->azValue[1] : spec->zFlow);
  if (zFrom && zCols && e->has_max_rowid)
    zSql = sqlite3_mprintf("SELECT %s FROM %s WHERE s._rowid_ <= %lld", zCols, zFrom,
                           (long long)e->max_rowid);
  else if (zFrom && zCols)
    zSql = sqlite3_mprintf("SELECT %s FROM %s", zCols, zFrom);
  sqlite3_free(zFrom);
  sqlite3_free(zCols);
  sqlite3_stmt *stmt = NULL;
  int rc = zSql ? sqlite3_prepare_v2(e->db, zSql, -1, &stmt, NULL) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  char *zPrev = NULL;
  int nPrev = -1, nAlloc = 0, *pnAlloc = spec->day_whole_after ? &nAlloc : NULL;
  /* read again for the end days (a pass that knew the extent): anew */
  e->any = 0;
  ts_day_extent_clear(e);
  while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    if (!row_has_figure(stmt, spec)) continue;
    sqlite3_value *v = sqlite3_column_value(stmt, 0);
    int text = sqlite3_value_type(v) == SQLITE_TEXT;
    const char *z = text ? (const char *)sqlite3_value_text(v) : NULL;
    int n = text ? sqlite3_value_bytes(v) : -1;
    if (z && n == nPrev && memcmp(z, zPrev, (size_t)n) == 0) continue;
    ts_period p;
    char *zWhat = NULL;
    if (ts_value_period(v, &p, &zWhat) == 0) rc = extent_add(e, &p, pnAlloc);
    sqlite3_free(zWhat);
    if (rc != SQLITE_OK) break;
    if (z) { /* remember it (only labels that were added or rejected) */
      char *zCopy = sqlite3_realloc64(zPrev, (sqlite3_uint64)n + 1);
      if (zCopy == NULL) {
        rc = SQLITE_NOMEM;
        break;
      }
      memcpy(zCopy, z, (size_t)n);
      zPrev = zCopy;
      nPrev = n;
    }
  }
  sqlite3_free(zPrev);
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM)
    *pzErr = ts_prefixed_error(spec->zModule, sqlite3_errmsg(e->db));
  sqlite3_finalize(stmt);
  if (rc == SQLITE_OK) {
    e->read = 1;
    if (pnAlloc) ends_sort(e), e->ends_read = 1;
  }
  return rc;
}

/* The extent read if it is not yet, and with its end days when ends is
** set and they are not (a pass that knew the extent kept no end days). */
int ts_extent_ensure(ts_day_extent *e, int ends, char **pzErr) {
  if (e->read && (!ends || e->ends_read)) return SQLITE_OK;
  return extent_read(e, pzErr);
}
