/*
** vtab/series_walk.c -- the watched index walk of the streaming scan: an
** ordered read that walks an index lacking the value column is watched,
** and switched to the same query read in storage order and sorted when it
** misses the page cache too often (series_scan.h holds the scan's state
** it shares with series_scan_open.c and series_scan.c).
*/
#include "vtab/series_scan.h"
#include "vtab/counter.h"

/* ---- index walk or sort ----------------------------------------------
**
** Without grain= the source query orders by the series columns and the
** period, so SQLite walks an index on them when there is one.  When that
** index lacks a column the query reads (the value), every row is a seek
** into the table, and what a row costs depends on where its table page
** is: in SQLite's page cache (cheap), or read again from the file (a
** system call and a copy, several times the row's other work).  How
** often that happens depends on how the table's storage order relates to
** the index order and on the cache's size, which no count of rows or
** pages predicts (2.4 M rows of the benchmark walk with 0.035 cache misses
** a row; 9.6 M rows of the same data thrash).  So the walk is watched:
** over each window of TS_WATCH_ROWS rows read, more than one cache miss
** per TS_WATCH_MISS_RATE rows switches the scan, at the next series
** boundary, to the same query read in storage order and sorted (ORDER BY
** +col, as grain= always reads), whose cost per row does not depend on
** the cache.  The sorted read skips the series already handed out: both
** reads see the same rows (one read transaction: the walk is finalized
** only after the sorted query has started) in the same series order (the
** same ORDER BY terms and collations), and group them with the same
** same-key test, so the series after the switch are the ones the walk
** would have given. */

static ts_counter g_order[2];
#define ORDER_COUNT(i) TS_COUNT(g_order[i])
#define ORDER_READ(i)  TS_COUNT_READ(g_order[i])

void ts_scan_order_counts(sqlite3_int64 aOut[2]) {
  for (int i = 0; i < 2; i++) aOut[i] = ORDER_READ(i);
}

/* The connection's page cache misses so far (a wrapping counter). */
static unsigned cache_misses(sqlite3 *db) {
  int cur = 0, hi = 0;
  sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &cur, &hi, 0);
  return (unsigned)cur;
}

/* Whether index zIndex (the name up to a space or the end) has exactly
** nKey key columns: then rows equal in them are in rowid (or primary
** key) order, as the sorted read breaks its ties.  An index with more
** columns orders them by those, and a series would show another row's
** spelling after a switch. */
static int index_has_keys(sqlite3 *db, const char *zIndex, int nKey) {
  int n = 0, count = -1;
  while (zIndex[n] && zIndex[n] != ' ') n++;
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM pragma_index_xinfo(?1) WHERE key", -1, &stmt,
                         NULL) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 1, zIndex, n, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    count = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return count == nKey;
}

/* Whether SQLite plans the ordered source query as a walk of an index
** that does not hold every column read (a table seek per row), with
** ties in the order the sorted read gives them (index_has_keys). */
static int walks_index_with_seeks(sqlite3 *db, sqlite3_stmt *ordered, int nKey) {
  char *zSql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(ordered));
  sqlite3_stmt *stmt = NULL;
  int walk = 0, sorts = 0, ties = 1;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const char *z = (const char *)sqlite3_column_text(stmt, 3);
      if (z == NULL) continue;
      if (strstr(z, "TEMP B-TREE")) sorts = 1;
      const char *zUsing = strstr(z, "USING INDEX ");
      if (zUsing && !strstr(z, "COVERING")) {
        walk = 1;
        ties &= index_has_keys(db, zUsing + strlen("USING INDEX "), nKey);
      }
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  return walk && !sorts && ties;
}

/* Decides at ts_scan_open whether the streaming read is a watched walk:
** an index walk with seeks over the whole source (a series-column
** equality narrows it to a few series, read in order already; grain= and
** a statement that writes sort from the start). */
int ts_walk_watch(ts_scan *scan, const ts_pushdown *pd, const int *aBound, const char *zFrom) {
  const ts_source_spec *spec = scan->spec;
  if (scan->stmt == NULL || spec->grain != TS_KIND_NONE || (pd && pd->snapshot)) return SQLITE_OK;
  for (int i = 0; i < spec->nBy; i++)
    if (aBound[i]) return SQLITE_OK;
  /* The plan is read with EXPLAIN QUERY PLAN, a prepare of its own: its
  ** reading is kept with the statement (series_keep.c). */
  int walk = 0;
  if (!ts_keep_walk(scan->keep, sqlite3_sql(scan->stmt), &walk)) {
    walk = walks_index_with_seeks(scan->db, scan->stmt, spec->nBy + 1);
    ts_keep_set_walk(scan->keep, sqlite3_sql(scan->stmt), walk);
  }
  if (!walk) return SQLITE_OK;
  int aUnused[TS_MAX_BY];
  scan->zSortSql =
      ts_scan_query(scan->db, spec, pd, zFrom, scan->aAff, aUnused, scan->iPreliminary >= 0, 1);
  if (scan->zSortSql == NULL) return SQLITE_NOMEM;
  scan->watch = 1;
  scan->miss0 = cache_misses(scan->db);
  scan->nRow = 0;
  ORDER_COUNT(0);
  return SQLITE_OK;
}

/* Positions the sorted query on the first row of series nSkip (0-based):
** the series the walk was about to begin. */
static int skip_series(ts_scan *scan, sqlite3_int64 nSkip, char **pzErr) {
  int rc = sqlite3_step(scan->stmt);
  for (sqlite3_int64 k = 0; rc == SQLITE_ROW && k < nSkip; k++) {
    rc = ts_scan_take_keys(scan);
    if (rc != SQLITE_OK) return rc;
    int is_new = 0;
    while (!is_new && (rc = sqlite3_step(scan->stmt)) == SQLITE_ROW) {
      int rc2 = ts_scan_new_series(scan, &is_new, pzErr);
      if (rc2 != SQLITE_OK) return rc2;
    }
  }
  if (rc == SQLITE_DONE) { /* not with the same rows; stop as the walk would */
    scan->done = 1;
    return SQLITE_OK;
  }
  if (rc != SQLITE_ROW) return ts_scan_step_error(scan, rc, pzErr);
  scan->positioned = 1;
  return SQLITE_OK;
}

/* At a series boundary of a watched walk: judges the last window of rows
** and, when the walk misses the cache too often, continues sorted. */
int ts_walk_judge(ts_scan *scan, char **pzErr) {
#ifdef TS_WATCH_ALWAYS
  /* A test build (-DTS_WATCH_ALWAYS) switches every watched walk after
  ** its first series, so the trust suites compare the sorted read with
  ** their references on every source they build. */
  if (scan->nSeriesTaken < 1) return SQLITE_OK;
#else
  if (scan->nRow < TS_WATCH_ROWS) return SQLITE_OK;
  unsigned misses = cache_misses(scan->db) - (unsigned)scan->miss0;
  if ((sqlite3_int64)misses * TS_WATCH_MISS_RATE <= scan->nRow) {
    scan->miss0 = cache_misses(scan->db); /* the walk is fine: a new window */
    scan->nRow = 0;
    return SQLITE_OK;
  }
#endif
  sqlite3_stmt *walk = scan->stmt, *sorted = NULL;
  int rc = ts_keep_prepare(scan->keep, scan->db, scan->zSortSql, &sorted);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(sorted);
    if (rc != SQLITE_NOMEM)
      *pzErr = ts_prefixed_error(scan->spec->zModule, sqlite3_errmsg(scan->db));
    return rc;
  }
  scan->watch = 0;
  scan->stmt = sorted;
  scan->positioned = 0;
  rc = skip_series(scan, scan->nSeriesTaken, pzErr);
  ts_keep_return(scan->keep, scan->keep_epoch,
                 walk); /* after: the sorted read holds the transaction */
  if (rc == SQLITE_OK) ORDER_COUNT(1);
  return rc;
}
