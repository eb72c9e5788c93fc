/*
** test_growth_sql.c -- the growth family through a statically linked
** SQLite connection: results read back as C values, and out-of-memory at
** every allocation of the aggregate and window paths gives SQLITE_NOMEM
** (or success), never a crash or a wrong answer.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>

#include "glue/glue.h"
#include "core/series.h"

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

/* ---- a failing allocator: fails every allocation after `budget` ---- */
static sqlite3_mem_methods default_mem;
static int64_t budget = -1; /* -1: never fail */
static int failures;

static void *failing_malloc(int n) {
  if (budget == 0) {
    failures++;
    return NULL;
  }
  if (budget > 0) budget--;
  return default_mem.xMalloc(n);
}
static void *failing_realloc(void *p, int n) {
  if (budget == 0) {
    failures++;
    return NULL;
  }
  if (budget > 0) budget--;
  return default_mem.xRealloc(p, n);
}

static int setup(void **state) {
  (void)state;
  sqlite3_mem_methods mem;
  sqlite3_shutdown();
  assert_int_equal(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &default_mem), SQLITE_OK);
  mem = default_mem;
  mem.xMalloc = failing_malloc;
  mem.xRealloc = failing_realloc;
  assert_int_equal(sqlite3_config(SQLITE_CONFIG_MALLOC, &mem), SQLITE_OK);
  assert_int_equal(sqlite3_initialize(), SQLITE_OK);
  return 0;
}

static sqlite3 *open_db(void) {
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
  assert_int_equal(sqlite3_tradestat_init(db, NULL, NULL), SQLITE_OK);
  return db;
}

static const char *const series_sql =
    "CREATE TABLE s(p, v);"
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59)"
    " INSERT INTO s SELECT period_shift('2019-01', i), 100 + i FROM n WHERE i <> 30;";

/* Sum of yoy growths over a window, and the aggregate, in one query. */
static const char *const growth_query =
    "SELECT (SELECT sum(g) FROM (SELECT yoy_growth(v, p) OVER (ORDER BY p"
    "          ROWS BETWEEN 12 PRECEDING AND CURRENT ROW) g FROM s)),"
    "       (SELECT yoy_growth(v, p) FROM (SELECT * FROM s ORDER BY v % 7)),"
    "       (SELECT sum(g) FROM (SELECT ytd_growth(v, p) OVER (ORDER BY p) g FROM s)),"
    "       (SELECT cagr(v, p) FROM s)";

static int run_query(sqlite3 *db, double out[4]) {
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, growth_query, -1, &stmt, NULL);
  if (rc != SQLITE_OK) return rc;
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    for (int i = 0; i < 4; i++) out[i] = sqlite3_column_double(stmt, i);
    rc = SQLITE_OK;
  }
  int rc2 = sqlite3_finalize(stmt);
  return rc != SQLITE_OK ? rc : rc2;
}

/* Expected values, computed in C from the same series. */
static void expected_values(double out[4]) {
  double v[60];
  int present[60];
  for (int i = 0; i < 60; i++) v[i] = 100 + i, present[i] = i != 30;
  double yoy = 0, ytd = 0;
  for (int i = 12; i < 60; i++) {
    if (present[i] && present[i - 12]) yoy += (v[i] - v[i - 12]) / v[i - 12] * 100;
    if (!present[i]) continue;
    double cur = 0, prior = 0;
    int ok = 1;
    for (int j = i - i % 12; j <= i; j++) {
      ok &= present[j] && present[j - 12];
      cur += v[j];
      prior += v[j - 12];
    }
    if (ok) ytd += (cur - prior) / prior * 100;
  }
  out[0] = yoy;
  out[1] = (159.0 - 147.0) / 147.0 * 100;
  out[2] = ytd;
  /* 2019-01 -> 2023-12: 4 + 11/12 years */
  out[3] = (pow(159.0 / 100.0, 1.0 / (4.0 + 11.0 / 12.0)) - 1) * 100;
}

static void test_results(void **state) {
  (void)state;
  sqlite3 *db = open_db();
  assert_int_equal(sqlite3_exec(db, series_sql, NULL, NULL, NULL), SQLITE_OK);
  double got[4], want[4];
  assert_int_equal(run_query(db, got), SQLITE_OK);
  expected_values(want);
  for (int i = 0; i < 4; i++) {
    if (fabs(got[i] - want[i]) > 1e-9 * fabs(want[i])) fail_msg("value %d: %.17g vs %.17g", i, got[i], want[i]);
  }
  sqlite3_close(db);
}

static void test_out_of_memory(void **state) {
  (void)state;
  double want[4];
  expected_values(want);
  int nomem = 0;
  for (int64_t n = 0; n < 100000; n++) {
    sqlite3 *db = open_db();
    assert_int_equal(sqlite3_exec(db, series_sql, NULL, NULL, NULL), SQLITE_OK);
    double got[4];
    failures = 0;
    budget = n;
    int rc = run_query(db, got);
    budget = -1;
    sqlite3_close(db);
    if (failures == 0) {
      /* No allocation failed: the full answer, and the loop is done. */
      assert_int_equal(rc, SQLITE_OK);
      for (int i = 0; i < 4; i++) assert_true(fabs(got[i] - want[i]) <= 1e-9 * fabs(want[i]));
      assert_true(nomem > 10);
      print_message("out-of-memory at %d of %lld allocations: SQLITE_NOMEM\n", nomem, (long long)n);
      return;
    }
    if (rc != SQLITE_NOMEM && rc != SQLITE_OK) fail_msg("budget %lld: rc %d", (long long)n, rc);
    /* A failure SQLite recovered from must not change the answer. */
    if (rc == SQLITE_OK)
      for (int i = 0; i < 4; i++) assert_true(fabs(got[i] - want[i]) <= 1e-9 * fabs(want[i]));
    nomem += rc == SQLITE_NOMEM;
  }
  fail_msg("the query never ran to the end");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_results),
      cmocka_unit_test(test_out_of_memory),
  };
  return cmocka_run_group_tests(tests, setup, NULL);
}
