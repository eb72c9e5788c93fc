/*
** vtab/series_hash_plan.c -- which scan path a query of a series table
** takes (docs/design.md, "Scan paths"): the rule of scan=auto, the probes
** of the source it asks (how many rows, whether an index covers the
** series-order walk), and the plan letter EXPLAIN QUERY PLAN shows
** (ts_hash_plan).  The hash path itself is series_hash.c.
*/
#include "vtab/series_hash_plan.h"

#include <stdlib.h>
#include <string.h>

/* Rows of the source, estimated: sqlite_stat1 when ANALYZE ran, else the
** largest rowid (a rowid table that is appended to); 0 when unknown. */
static sqlite3_int64 source_rows(sqlite3 *db, const ts_source_spec *spec) {
  sqlite3_int64 n = 0;
  sqlite3_stmt *stmt = NULL;
  char *zSql = spec->zSchema ? sqlite3_mprintf(
                                   "SELECT stat FROM \"%w\".sqlite_stat1 WHERE tbl = %Q "
                                   "AND stat IS NOT NULL LIMIT 1",
                                   spec->zSchema, spec->zTable)
                             : sqlite3_mprintf(
                                   "SELECT stat FROM sqlite_stat1 WHERE tbl = %Q "
                                   "AND stat IS NOT NULL LIMIT 1",
                                   spec->zTable);
  if (zSql && ts_source_has_column(db, spec->zSchema, "sqlite_stat1", "stat") &&
      sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const char *z = (const char *)sqlite3_column_text(stmt, 0);
    if (z) n = strtoll(z, NULL, 10);
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  if (n > 0) return n;
  char *zFrom = ts_source_sql_name(spec);
  zSql = zFrom ? sqlite3_mprintf("SELECT max(s._rowid_) FROM %s", zFrom) : NULL;
  stmt = NULL;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  sqlite3_free(zFrom);
  return n;
}

/* Whether SQLite reads the source in series order from an index that
** holds every column the scan reads, without a sort: that walk costs less
** than a storage-order read into compact points (the benchmark's 2.4 M
** rows with such an index: 0.54 s of CPU streamed against 0.78 s). */
static int covering_walk(sqlite3 *db, const ts_source_spec *spec) {
  char *zFrom = ts_source_sql_name(spec);
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "EXPLAIN QUERY PLAN SELECT ");
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "s.\"%w\", ", spec->azBy[i]);
  sqlite3_str_appendf(s, "s.\"%w\", s.\"%w\" FROM %s ORDER BY ", spec->zPeriod, spec->azValue[0],
                      zFrom ? zFrom : "");
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "s.\"%w\", ", spec->azBy[i]);
  sqlite3_str_appendf(s, "s.\"%w\"", spec->zPeriod);
  char *zSql = sqlite3_str_finish(s);
  sqlite3_stmt *stmt = NULL;
  int covering = 0, sorts = 0;
  if (zFrom && zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const char *z = (const char *)sqlite3_column_text(stmt, 3);
      if (z && strstr(z, "TEMP B-TREE")) sorts = 1;
      if (z && strstr(z, "COVERING INDEX")) covering = 1;
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  sqlite3_free(zFrom);
  return covering && !sorts;
}

/* What scan=auto reads by hash, series-column equalities aside: rows
** summed into far fewer points (grain=, or two flow rows into one point),
** or a point per row of one value column, which the compact form holds in
** about 9 bytes each: one storage-order read then costs about half the
** walk of a non-covering index in series order (yoy_growth over the 2.4 M
** rows of the benchmark: 0.85 s of CPU against 1.70 s), and it cannot
** fall into the random reads of a walk that outgrows the page cache. */
static int auto_hash_kind(sqlite3 *db, const ts_source_spec *spec) {
  if (spec->grain != TS_KIND_NONE || spec->zFlow != NULL) return 1;
  if (spec->nValue == 2) return 0; /* two values per point: not compact */
  /* A point per row: a source whose points would pass the memory cap is
  ** streamed at once rather than read up to the cap first; so is one an
  ** index covers in series order (that walk reads no table page). */
  return source_rows(db, spec) <= TS_HASH_COMPACT_ROWS && !covering_walk(db, spec);
}

/* The rule of scan=auto: auto_hash_kind, unless a series-column equality
** or IN list narrows the read to a few series (an index seek then reads
** little, in order already). */
int ts_hash_auto_wants_hash(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd) {
  for (int i = 0; pd && i < spec->nBy; i++)
    if (pd->apByEq[i] || pd->apByIn[i]) return 0;
  return auto_hash_kind(db, spec);
}

char ts_hash_plan(sqlite3 *db, const ts_source_spec *spec, const char *idxStr) {
  if (spec == NULL) return 'a';
  int by_eq = 0;
  for (int i = 0; idxStr && idxStr[2 * i] && idxStr[2 * i + 1]; i++)
    if (idxStr[2 * i] == TS_PLAN_BY || idxStr[2 * i] == TS_PLAN_BY_IN) by_eq = 1;
  int hash = spec->scan == TS_SCAN_HASH ||
             (spec->scan == TS_SCAN_AUTO && !by_eq && auto_hash_kind(db, spec));
  return hash && ts_hash_keys_comparable(db, spec) ? 'h' : 's';
}
