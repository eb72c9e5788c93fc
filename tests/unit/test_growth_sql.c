/*
** test_growth_sql.c -- the growth family through a statically linked
** SQLite connection: results read back as C values and checked against
** the same figures computed here in plain C.  (Out-of-memory at every
** allocation of these paths is the reliability harness's job: oomtest.)
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
    if (fabs(got[i] - want[i]) > 1e-9 * fabs(want[i]))
      fail_msg("value %d: %.17g vs %.17g", i, got[i], want[i]);
  }
  sqlite3_close(db);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_results),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
