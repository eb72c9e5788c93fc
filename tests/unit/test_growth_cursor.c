/*
** test_growth_cursor.c -- ts_growth_next (core/growth_engine.c), the running
** year-to-date walk the virtual tables use, must give exactly what the
** one-shot ts_growth_at gives for every point: walking in order, skipping
** points (year filters), and moving backwards (it starts over).  Series
** with gaps, zeros, REAL values, incomplete roll-ups and 29 February.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

#include "glue/glue.h"
#include "core/series.h"
#include "growth_rows.h"

#define MAX_POINTS 2000

typedef struct test_series {
  ts_period_kind kind;
  int n;
  ts_point points[MAX_POINTS];
} test_series;

static test_series series;

static void put(const ts_period *p, double value, int is_real) {
  ts_number v;
  assert_true(series.n < MAX_POINTS);
  ts_point *pt = &series.points[series.n++];
  memset(pt, 0, sizeof(*pt));
  pt->ordinal = ts_period_ordinal(p);
  if (is_real)
    assert_int_equal(ts_number_from_double(value, &v), TS_NUMBER_OK);
  else
    ts_number_from_int((int64_t)value, &v);
  ts_sum_add(&pt->sum[0], &v);
}

/* Months 2019-01 .. 2023-12 with a few missing, a zero, REAL values and
** one incomplete roll-up. */
static void build_months(void) {
  memset(&series, 0, sizeof(series));
  series.kind = TS_KIND_MONTH;
  int k = 0;
  for (int year = 2019; year <= 2023; year++) {
    for (int m = 1; m <= 12; m++, k++) {
      if (k % 17 == 5 || (year == 2021 && m == 3)) continue; /* gaps */
      ts_period p = {TS_KIND_MONTH, year, m, 0, 0};
      double v = k % 11 == 0 ? 0.0 : 100.0 + k * 3.7 - (k % 5) * 40.0;
      put(&p, v, k % 3 == 0);
    }
  }
  series.points[7].incomplete[0] = 1;
}

/* Every day of 2019-2021 (2020 is a leap year) but a few. */
static void build_days(void) {
  memset(&series, 0, sizeof(series));
  series.kind = TS_KIND_DAY;
  int k = 0;
  for (int year = 2019; year <= 2021; year++) {
    for (int m = 1; m <= 12; m++) {
      for (int d = 1; d <= ts_days_in_month(year, m); d++, k++) {
        if (k % 97 == 13) continue;
        ts_period p = {TS_KIND_DAY, year, m, d, 0};
        put(&p, 10 + k % 23, 0);
      }
    }
  }
}

/* Walks the points step apart from first (negative step: backwards) and
** compares every row with the one-shot engine; returns rows with growth. */
static int walk(int first, int step) {
  ts_growth_cursor c;
  ts_growth_row walked, oneshot;
  int with_growth = 0;
  ts_growth_cursor_init(&c);
  for (int i = first; i >= 0 && i < series.n; i += step) {
    ts_growth_next(&c, series.kind, series.points, series.n, 0, i, &walked);
    ts_growth_at(series.kind, series.points, series.n, 0, i, &oneshot);
    assert_same_growth_row(&walked, &oneshot, 1);
    with_growth += walked.growth_ok;
  }
  return with_growth;
}

static void test_months(void **state) {
  (void)state;
  build_months();
  assert_true(walk(0, 1) > 20); /* the series has real comparisons */
  walk(0, 3);
  walk(series.n - 1, -1);
  walk(series.n - 1, -7);
}

static void test_days(void **state) {
  (void)state;
  build_days();
  assert_true(walk(0, 1) > 600);
  walk(5, 40);
  walk(series.n - 1, -29);
}

static void test_ytd_values(void **state) {
  (void)state;
  /* 2022-01..03 = 10, 20, 30; 2023-01..03 = 11, 22, 33: ytd at 2023-03
  ** is 66 against 60 (+10 %), walked or not. */
  memset(&series, 0, sizeof(series));
  series.kind = TS_KIND_MONTH;
  for (int year = 2022; year <= 2023; year++) {
    for (int m = 1; m <= 3; m++) {
      ts_period p = {TS_KIND_MONTH, year, m, 0, 0};
      put(&p, (year == 2022 ? 10 : 11) * m, 0);
    }
  }
  ts_growth_cursor c;
  ts_growth_row row;
  ts_growth_cursor_init(&c);
  for (int i = 0; i < series.n; i++)
    ts_growth_next(&c, series.kind, series.points, series.n, 0, i, &row);
  assert_true(row.ytd_ok && row.ytd.is_int);
  assert_int_equal(row.ytd.i, 66);
  assert_int_equal(row.prior_ytd.i, 60);
  assert_true(row.ytd_growth_ok);
  assert_float_equal(row.ytd_growth, 10.0, 1e-12);
  assert_int_equal(row.prior_index, 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_months),
      cmocka_unit_test(test_days),
      cmocka_unit_test(test_ytd_values),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
