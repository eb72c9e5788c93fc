/*
** vtab/series_keep.c -- the source query's statements kept between the
** xFilters of one cursor (series_scan.h, ts_scan_keep).
**
** A series table that is the inner loop of a join is filtered once per
** outer row, and each filter built the same source query, prepared it,
** and finalized it: preparing was half of the join's instructions on a
** small source.  A cursor now keeps the statements its scans used, reset
** and unbound, and the next scan takes the one whose SQL text is the text
** it just built, byte for byte; any other text is prepared as before.
** What keeps this from ever answering from a stale statement:
**   - the text is rebuilt every filter from what decides it (the pushed
**     values' shape, the years, the source's declared types and columns:
**     series_query.c), so a different WHERE shape or source is another
**     text;
**   - when the schema cookie of the source's schema (temp and main for
**     an unqualified name) moves -- CREATE or DROP INDEX, ALTER TABLE, a
**     table dropped and made again -- every kept statement is finalized,
**     so nothing prepared against the old schema is stepped again, even
**     one SQLite would re-prepare by itself; a source whose schema cannot
**     be watched (ts_probes_fresh gives NULL) keeps nothing;
**   - a kept statement is reset, so it holds no read transaction and
**     blocks no writer: its rows are read afresh at its next step, inside
**     whatever transaction is open then, and a kept statement is never one
**     that is running (a scan takes it out of the keep while it reads);
**   - the cursor's close finalizes them all.
** The hash path's pass statement (series_hash_pass.c) is kept by the
** same rules beside the table's probes (series_hash_plan.h): ts_hash_open
** is handed the statement, not the keep, and the probes are what it reads
** the schema cookie with.
*/
#include "vtab/series_scan.h"
#include "vtab/series_hash_plan.h"

struct ts_scan_keep {
  sqlite3_stmt *a[TS_KEEP_STMTS]; /* reset and unbound; a[0] the last given back */
  int nCookie;                    /* 0: nothing is known of the schema yet */
  sqlite3_int64 aCookie[TS_PROBE_SCHEMAS];
  int usable;     /* the last ts_keep_check's answer */
  char *zWalkFor; /* the query text whose plan walk describes; NULL: none */
  int walk;       /* ts_walk_watch's reading of that plan */
  unsigned epoch; /* moves with every flush: a statement taken before one
                     is not kept when given back */
};

ts_scan_keep *ts_scan_keep_new(void) {
  ts_scan_keep *k = sqlite3_malloc64(sizeof(*k));
  if (k) memset(k, 0, sizeof(*k));
  return k;
}

static void keep_flush(ts_scan_keep *k) {
  k->epoch++;
  sqlite3_free(k->zWalkFor);
  k->zWalkFor = NULL;
  for (int i = 0; i < TS_KEEP_STMTS; i++) {
    sqlite3_finalize(k->a[i]);
    k->a[i] = NULL;
  }
}

void ts_scan_keep_free(ts_scan_keep *k) {
  if (k == NULL) return;
  keep_flush(k);
  sqlite3_free(k);
}

int ts_keep_check(ts_scan_keep *k, sqlite3 *db, const ts_source_spec *spec, unsigned *pEpoch) {
  if (k == NULL) return 0;
  ts_probes *p = ts_probes_fresh(db, spec);
  int n = p ? (spec->zSchema ? 1 : 2) : 0;
  int same = p && n == k->nCookie;
  for (int i = 0; same && i < n; i++) same = k->aCookie[i] == p->aCookie[i];
  if (!same) keep_flush(k); /* another schema, or one that cannot be watched */
  k->nCookie = n;
  for (int i = 0; i < n; i++) k->aCookie[i] = p->aCookie[i];
  k->usable = p != NULL;
  if (!k->usable) keep_flush(k);
  *pEpoch = k->epoch;
  return k->usable;
}

int ts_keep_prepare(ts_scan_keep *k, sqlite3 *db, const char *zSql, sqlite3_stmt **ppStmt) {
  *ppStmt = NULL;
  for (int i = 0; k && k->usable && i < TS_KEEP_STMTS; i++) {
    /* Kept ones were reset when given back; a busy one is never taken. */
    if (k->a[i] == NULL || sqlite3_stmt_busy(k->a[i]) || strcmp(sqlite3_sql(k->a[i]), zSql) != 0)
      continue;
    *ppStmt = k->a[i];
    for (; i + 1 < TS_KEEP_STMTS; i++) k->a[i] = k->a[i + 1];
    k->a[TS_KEEP_STMTS - 1] = NULL;
    return SQLITE_OK;
  }
  return sqlite3_prepare_v2(db, zSql, -1, ppStmt, NULL);
}

void ts_keep_return(ts_scan_keep *k, unsigned epoch, sqlite3_stmt *stmt) {
  if (stmt == NULL) return;
  if (k == NULL || !k->usable || epoch != k->epoch) {
    sqlite3_finalize(stmt);
    return;
  }
  /* Reset ends its read; the bindings are dropped so that a kept
  ** statement holds no copy of the last filter's values. */
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  sqlite3_finalize(k->a[TS_KEEP_STMTS - 1]);
  memmove(&k->a[1], &k->a[0], sizeof(k->a[0]) * (TS_KEEP_STMTS - 1));
  k->a[0] = stmt;
}

int ts_keep_walk(ts_scan_keep *k, const char *zSql, int *pWalk) {
  if (k == NULL || !k->usable || k->zWalkFor == NULL || strcmp(k->zWalkFor, zSql) != 0) return 0;
  *pWalk = k->walk;
  return 1;
}

void ts_keep_set_walk(ts_scan_keep *k, const char *zSql, int walk) {
  if (k == NULL || !k->usable) return;
  sqlite3_free(k->zWalkFor);
  k->zWalkFor = sqlite3_mprintf("%s", zSql); /* NULL: asked again next time */
  k->walk = walk;
}
