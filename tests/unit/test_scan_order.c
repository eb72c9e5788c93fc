/*
** test_scan_order.c -- the streaming scan's two orders (vtab/series_walk.c,
** "index walk or sort"): a walk of an index that lacks the value column is
** watched, and switched to a read in storage order plus a sort when it
** misses the page cache more than once per TS_WATCH_MISS_RATE rows.
**
**  - The choice is made: a table stored in time order and indexed on its
**    series columns is walked with a page cache that holds it (no switch)
**    and with one of a few pages (a switch, after more than
**    TS_WATCH_ROWS rows and so after many series were handed out); a
**    series-column equality, grain= and a covering index are not watched.
**  - The answers are the same either way, column by column in type and
**    bits: keys spelled differently in one NOCASE series (the first row's
**    spelling shown), NULL keys, INTEGER and REAL keys that are one series,
**    NULL values and a series of NULLs only (it yields no row but is one
**    series the sorted read must skip), through yoy_growth (with the
**    share columns' second scan) and the wide trade_imbalance; and long
**    trade data whose export and import rows of a month spell the
**    partner differently (ties in the ORDER BY: the sorted read breaks
**    them by rowid, as the walked index does; SQLite's sorter kept the
**    storage order of ties without it too, so this guards the rule
**    rather than catching its absence).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vtab/series_source.h"

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#define N_SERIES 300
#define N_MONTHS 96 /* 28,800 rows: past TS_WATCH_ROWS before the last series */

static char zPath[64];

static void exec(sqlite3 *db, const char *zSql) {
  char *zErr = NULL;
  int rc = sqlite3_exec(db, zSql, NULL, NULL, &zErr);
  if (rc != SQLITE_OK) fail_msg("%s: %s", zSql, zErr ? zErr : "?");
}

/* Month-major rows (as appended month by month), so that walking the
** index in series order seeks all over the table. */
static int setup(void **state) {
  (void)state;
  snprintf(zPath, sizeof(zPath), "/tmp/test_scan_order_%d.db", (int)getpid());
  unlink(zPath);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(zPath, &db), SQLITE_OK);
  exec(db,
       "CREATE TABLE t(period TEXT, k TEXT COLLATE NOCASE, k2, amount, exports, imports);"
       "CREATE INDEX t_series ON t(k, k2, period);"
       "CREATE TABLE c(period TEXT, k TEXT COLLATE NOCASE, k2, amount);"
       "CREATE INDEX c_series ON c(k, k2, period, amount);");
  sqlite3_stmt *ins = NULL;
  assert_int_equal(
      sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins, NULL),
      SQLITE_OK);
  exec(db, "BEGIN");
  for (int m = 0; m < N_MONTHS; m++) {
    char zPeriod[16];
    snprintf(zPeriod, sizeof(zPeriod), "%04d-%02d", 2010 + m / 12, m % 12 + 1);
    for (int s = 0; s < N_SERIES; s++) {
      if (s % 37 == 5 && m % 13 == 4) continue; /* gaps */
      sqlite3_bind_text(ins, 1, zPeriod, -1, SQLITE_TRANSIENT);
      /* Series 0: a NULL key.  Others: 'Sxyz' spelled in two cases
      ** across months (one NOCASE series), first month lower case for odd
      ** series. */
      if (s == 0) {
        sqlite3_bind_null(ins, 2);
      } else {
        char zKey[16];
        snprintf(zKey, sizeof(zKey), (s + m) % 2 ? "s%03d" : "S%03d", s / 2);
        sqlite3_bind_text(ins, 2, zKey, -1, SQLITE_TRANSIENT);
      }
      /* k2: INTEGER 1 and REAL 1.0 in one series; else the series' parity. */
      if (s % 2 == 1 && m % 3 == 0)
        sqlite3_bind_double(ins, 3, 1.0);
      else
        sqlite3_bind_int(ins, 3, s % 2);
      if (s == 3 || (s % 11 == 2 && m % 7 == 1))
        sqlite3_bind_null(ins, 4); /* series 3: NULLs only */
      else
        sqlite3_bind_int64(ins, 4, (sqlite3_int64)(1000 + s * 7 + m * 3 + (s * m) % 17));
      sqlite3_bind_int64(ins, 5, (sqlite3_int64)(500 + s + m % 12 * 9));
      sqlite3_bind_double(ins, 6, 400.25 + s * 0.5 + m % 5);
      assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
      sqlite3_reset(ins);
    }
  }
  sqlite3_finalize(ins);
  exec(db, "INSERT INTO c SELECT period, k, k2, amount FROM t");
  /* Long trade data: the export and import rows of a partner and month
  ** spell the partner differently (one NOCASE series), the import row
  ** first for even partners, so the key shown is whichever comes first
  ** among rows that tie on (partner, period). */
  exec(db,
       "CREATE TABLE lt(period TEXT, partner TEXT COLLATE NOCASE, flow TEXT, amount);"
       "CREATE INDEX lt_series ON lt(partner, period);"
       "WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 95),"
       " p(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM p WHERE j < 199),"
       " f(x) AS (VALUES (0), (1))"
       " INSERT INTO lt SELECT printf('%04d-%02d', 2010 + i / 12, i % 12 + 1),"
       "  CASE WHEN (x + j) % 2 = 0 THEN printf('Q%03d', j) ELSE printf('q%03d', j) END,"
       "  CASE WHEN (x + j) % 2 = 0 THEN 'import' ELSE 'export' END,"
       "  100 + (i * 7 + j * 3 + x) % 97"
       " FROM m, p, f ORDER BY i, j, x");
  exec(db, "COMMIT");
  sqlite3_close(db);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  unlink(zPath);
  return 0;
}

static sqlite3 *open_with_cache(int cache_size) {
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(zPath, &db), SQLITE_OK);
  assert_int_equal(sqlite3_tradestat_init(db, NULL, NULL), SQLITE_OK);
  char zPragma[64];
  snprintf(zPragma, sizeof(zPragma), "PRAGMA cache_size = %d", cache_size);
  exec(db, zPragma);
  exec(db,
       "CREATE VIRTUAL TABLE temp.y USING yoy_growth(source=t, value=amount, period=period,"
       " by='k, k2');"
       "CREATE VIRTUAL TABLE temp.yc USING yoy_growth(source=c, value=amount, period=period,"
       " by='k, k2');"
       "CREATE VIRTUAL TABLE temp.yq USING yoy_growth(source=t, value=amount, period=period,"
       " by='k, k2', grain=quarter);"
       "CREATE VIRTUAL TABLE temp.w USING trade_imbalance(source=t, exports=exports,"
       " imports=imports, period=period, by='k, k2');"
       "CREATE VIRTUAL TABLE temp.l USING trade_imbalance(source=lt, value=amount,"
       " period=period, flow=flow, by=partner, scan=stream)");
  return db;
}

/* Every row of zSql, each value with its type and exact bits. */
static char *dump(sqlite3 *db, const char *zSql, int *pRows) {
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  if (rc != SQLITE_OK) fail_msg("%s: %s", zSql, sqlite3_errmsg(db));
  sqlite3_str *s = sqlite3_str_new(NULL);
  int n = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    n++;
    for (int i = 0; i < sqlite3_column_count(stmt); i++) {
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_NULL: sqlite3_str_appendall(s, "N|"); break;
        case SQLITE_INTEGER: sqlite3_str_appendf(s, "I%lld|", sqlite3_column_int64(stmt, i)); break;
        case SQLITE_FLOAT: {
          double d = sqlite3_column_double(stmt, i);
          unsigned long long bits;
          memcpy(&bits, &d, sizeof(bits));
          sqlite3_str_appendf(s, "R%llx|", bits);
          break;
        }
        default: sqlite3_str_appendf(s, "T%s|", (const char *)sqlite3_column_text(stmt, i)); break;
      }
    }
    sqlite3_str_appendall(s, "\n");
  }
  if (rc != SQLITE_DONE) fail_msg("%s: %s", zSql, sqlite3_errmsg(db));
  sqlite3_finalize(stmt);
  *pRows = n;
  return sqlite3_str_finish(s);
}

typedef struct order_run {
  char *zOut;
  int nRow;
  sqlite3_int64 watched, switched; /* counts this query added */
} order_run;

static order_run run(int cache_size, const char *zSql) {
  sqlite3 *db = open_with_cache(cache_size);
  sqlite3_int64 before[2], after[2];
  ts_scan_order_counts(before);
  order_run r;
  r.zOut = dump(db, zSql, &r.nRow);
  ts_scan_order_counts(after);
  r.watched = after[0] - before[0];
  r.switched = after[1] - before[1];
  sqlite3_close(db);
  return r;
}

#define CACHE_HOLDS_ALL -262144 /* 256 MiB */
#define CACHE_TINY      10      /* pages */

static void same_either_way(const char *zSql, int expect_rows) {
  order_run walk = run(CACHE_HOLDS_ALL, zSql);
  order_run sorted = run(CACHE_TINY, zSql);
  assert_true(walk.watched >= 1);
  assert_int_equal(walk.switched, 0); /* the table fits: the walk stays */
  assert_true(sorted.watched >= 1);
  assert_true(sorted.switched >= 1); /* a miss per row: sorted instead */
  assert_int_equal(walk.nRow, sorted.nRow);
  assert_true(walk.nRow >= expect_rows);
  assert_string_equal(walk.zOut, sorted.zOut);
  sqlite3_free(walk.zOut);
  sqlite3_free(sorted.zOut);
}

static void test_yoy_same_answers(void **state) {
  (void)state;
  same_either_way("SELECT * FROM temp.y", 20000);
}

static void test_trade_same_answers(void **state) {
  (void)state;
  same_either_way("SELECT * FROM temp.w", 20000);
  same_either_way("SELECT * FROM temp.l", 19000);
}

/* Read sorted (a tiny cache), the series are GROUP BY's groups: a NOCASE
** series shows its first row's spelling on every row, INTEGER 1 and REAL
** 1.0 are one series (the first row's REAL shown), a NULL key is one
** series, and the series of NULLs only yields nothing. */
static void test_keys_as_group_by(void **state) {
  (void)state;
  int n = 0;
  sqlite3 *db = open_with_cache(CACHE_TINY);
  sqlite3_int64 before[2], after[2];
  ts_scan_order_counts(before);
  char *z = dump(db,
                 "SELECT count(*),"
                 " sum(k = 'S001' COLLATE BINARY AND k2 = 0 AND typeof(k2) = 'integer'),"
                 " sum(k = 's001' COLLATE BINARY AND k2 = 0),"
                 " sum(k = 's002' COLLATE BINARY AND typeof(k2) = 'real'),"
                 " sum(k IS NULL)"
                 " FROM (SELECT k, k2 FROM temp.y GROUP BY k, k2)",
                 &n);
  ts_scan_order_counts(after);
  assert_true(after[1] > before[1]); /* this read was switched to the sort */
  assert_string_equal(z, "I299|I1|I0|I1|I1|\n");
  sqlite3_free(z);
  sqlite3_close(db);
}

/* A series-column equality reads a few series in order; grain= sorts
** from the start; a covering index has no seeks: none is watched.  (The
** share columns' totals read the whole source: the first query leaves
** them out.) */
static void test_not_watched(void **state) {
  (void)state;
  const char *azSql[] = {
      "SELECT k, k2, period, growth FROM temp.y WHERE k = 'S010' COLLATE BINARY",
      "SELECT * FROM temp.yq",
      "SELECT * FROM temp.yc",
  };
  for (size_t i = 0; i < sizeof(azSql) / sizeof(azSql[0]); i++) {
    order_run r = run(CACHE_TINY, azSql[i]);
    assert_true(r.nRow > 0);
    if (r.watched != 0) fail_msg("watched: %s", azSql[i]);
    assert_int_equal(r.switched, 0);
    sqlite3_free(r.zOut);
  }
  /* And the covering index gives what the walk with seeks gives. */
  order_run a = run(CACHE_HOLDS_ALL, "SELECT * FROM temp.y");
  order_run b = run(CACHE_HOLDS_ALL, "SELECT * FROM temp.yc");
  assert_string_equal(a.zOut, b.zOut);
  sqlite3_free(a.zOut);
  sqlite3_free(b.zOut);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_yoy_same_answers),
      cmocka_unit_test(test_trade_same_answers),
      cmocka_unit_test(test_keys_as_group_by),
      cmocka_unit_test(test_not_watched),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
