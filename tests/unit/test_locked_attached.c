/*
** test_locked_attached.c -- a query on a series table never waits on a
** database it does not read.  SQLite checks the schema of every attached
** database after a prepare fails, and waits out the busy handler on one
** another connection holds locked; the scan's probes of its source (is
** there a "preliminary" column, an sqlite_stat1 row count) must therefore
** never be prepares that fail.  Counted with a busy handler, not timed:
** every module's query with another connection holding an attached
** database locked calls it 0 times, and the same query still answers.
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

#include <sqlite3.h>

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

static int g_busy;

static int count_busy(void *p, int n) {
  (void)p;
  g_busy++;
  return n < 2; /* retry twice, then give up: no long wait either way */
}

static void exec(sqlite3 *db, const char *zSql) {
  char *zErr = NULL;
  int rc = sqlite3_exec(db, zSql, NULL, NULL, &zErr);
  if (rc != SQLITE_OK) fail_msg("%s: %s", zSql, zErr ? zErr : "?");
  sqlite3_free(zErr);
}

static sqlite3_int64 one_int(sqlite3 *db, const char *zSql) {
  sqlite3_stmt *stmt = NULL;
  assert_int_equal(sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
  sqlite3_int64 v = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return v;
}

static void test_no_wait_on_a_locked_attached_database(void **state) {
  (void)state;
  char zPath[64];
  snprintf(zPath, sizeof(zPath), "/tmp/test_locked_attached_%d.db", (int)getpid());
  unlink(zPath);
  sqlite3 *db = NULL, *holder = NULL;
  assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
  assert_int_equal(sqlite3_tradestat_init(db, NULL, NULL), SQLITE_OK);
  exec(db,
       "CREATE TABLE src(k TEXT, period TEXT, amount INTEGER, flow TEXT);"
       "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 95)"
       " INSERT INTO src SELECT 'k' || (i % 2), printf('%04d-%02d', 2020 + i / 24, 1 + (i / 2) % "
       "12),"
       " 10 + i, CASE WHEN i % 3 THEN 'export' ELSE 'import' END FROM n;"
       "CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=main.src, value=amount,"
       " period=period, by=k);"
       "CREATE VIRTUAL TABLE temp.m USING yoy_growth(source=main.src, value=amount,"
       " period=period, by=k, grain=year);"
       "CREATE VIRTUAL TABLE temp.p USING annual_projection(source=main.src, value=amount,"
       " period=period, by=k, method=auto, through=H1);");
  /* the expected answers, before any lock */
  const char *azQuery[] = {
      "SELECT count(*) FROM temp.g WHERE growth IS NOT NULL",
      "SELECT count(*) FROM temp.m",
      "SELECT count(*) FROM temp.p WHERE projection IS NOT NULL",
      "SELECT count(*) FROM yoy_growth('main.src', 'amount', 'period', 'k')",
  };
  enum { N = sizeof(azQuery) / sizeof(azQuery[0]) };
  sqlite3_int64 aWant[N];
  for (int i = 0; i < N; i++) aWant[i] = one_int(db, azQuery[i]);

  char *zAttach = sqlite3_mprintf("ATTACH %Q AS other; CREATE TABLE other.t(x);", zPath);
  exec(db, zAttach);
  sqlite3_free(zAttach);
  assert_int_equal(sqlite3_open(zPath, &holder), SQLITE_OK);
  exec(holder, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);");
  sqlite3_busy_handler(db, count_busy, NULL);
  /* the handler is called when SQLite waits: a failed prepare does */
  g_busy = 0;
  sqlite3_stmt *stmt = NULL;
  sqlite3_prepare_v2(db, "SELECT no_such_column FROM main.src", -1, &stmt, NULL);
  sqlite3_finalize(stmt);
  assert_true(g_busy > 0); /* else this test could not fail */
  for (int i = 0; i < N; i++) {
    g_busy = 0;
    assert_int_equal(one_int(db, azQuery[i]), aWant[i]);
    if (g_busy != 0) fail_msg("%s: waited on the locked database %d times", azQuery[i], g_busy);
  }
  exec(holder, "ROLLBACK");
  sqlite3_close(holder);
  sqlite3_close(db);
  unlink(zPath);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_no_wait_on_a_locked_attached_database),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
