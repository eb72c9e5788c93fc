/*
** test_growth.c -- the growth engine ts_growth_at() (core/growth_engine.c) and
** the growth family's pure core (core/deque.c): matching by period
** across gaps, year-to-date completeness, notes, days around 29 February,
** the series deque behind the window functions, cagr.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>

#include "glue/glue.h"
#include "core/deque.h"

#define MAX_POINTS 1000

/* A series built in a test. */
typedef struct test_series {
  ts_period_kind kind;
  int n;
  ts_point points[MAX_POINTS];
} test_series;

static test_series series;

static void series_reset(ts_period_kind kind) {
  memset(&series, 0, sizeof(series));
  series.kind = kind;
}

/* Appends a period (labels in ascending order) with an integer value. */
static void put(const char *label, int64_t value) {
  ts_period p;
  ts_number v;
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  assert_int_equal(p.kind, series.kind);
  assert_true(series.n < MAX_POINTS);
  ts_point *pt = &series.points[series.n++];
  pt->ordinal = ts_period_ordinal(&p);
  if (series.n > 1) assert_true(pt[-1].ordinal < pt->ordinal);
  ts_number_from_int(value, &v);
  ts_sum_add(&pt->sum[0], &v);
}

static int index_of(const char *label) {
  ts_period p;
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  return ts_point_find(series.points, series.n, ts_period_ordinal(&p));
}

static ts_growth_row growth_at(const char *label) {
  ts_growth_row row;
  int i = index_of(label);
  assert_true(i >= 0);
  ts_growth_at(series.kind, series.points, series.n, 0, i, &row);
  return row;
}

static void put_month_range(int year, int first, int last, int64_t base) {
  for (int m = first; m <= last; m++) {
    char label[32];
    snprintf(label, sizeof(label), "%04d-%02d", year, m);
    put(label, base + m);
  }
}

static void test_find(void **state) {
  (void)state;
  series_reset(TS_KIND_MONTH);
  put("2022-01", 1);
  put("2022-03", 3);
  put("2023-01", 5);
  assert_int_equal(index_of("2022-01"), 0);
  assert_int_equal(index_of("2022-03"), 1);
  assert_int_equal(index_of("2023-01"), 2);
  assert_int_equal(index_of("2022-02"), -1);
  assert_int_equal(index_of("2021-12"), -1);
  assert_int_equal(index_of("2023-02"), -1);
  assert_int_equal(ts_point_find(series.points, 0, 5), -1);
}

/* 2022-01..2022-12 except 2022-03; 2023-01..2023-06 complete. */
static void build_gap_in_prior_year(void) {
  series_reset(TS_KIND_MONTH);
  put_month_range(2022, 1, 2, 100);
  put_month_range(2022, 4, 12, 100);
  put_month_range(2023, 1, 6, 200);
}

static void test_gap_in_prior_year(void **state) {
  (void)state;
  build_gap_in_prior_year();
  /* 2023-03 has no 2022-03: NULL, never the neighbouring month. */
  ts_growth_row row = growth_at("2023-03");
  assert_int_equal(row.prior_index, -1);
  assert_false(row.growth_ok);
  assert_string_equal(row.note, TS_NOTE_NO_PRIOR);
  assert_true(row.ytd_ok);
  assert_int_equal(row.ytd.i, 201 + 202 + 203);
  assert_false(row.prior_ytd_ok);
  assert_false(row.ytd_growth_ok);
  /* 2023-04 matches 2022-04 (index 2 after the gap): 204 vs 104. */
  row = growth_at("2023-04");
  assert_int_equal(row.prior_index, index_of("2022-04"));
  assert_true(row.growth_ok);
  assert_true(fabs(row.growth - (204.0 - 104.0) / 104.0 * 100.0) < 1e-12);
  /* ... but its year-to-date needs 2022-03 too. */
  assert_false(row.prior_ytd_ok);
  assert_false(row.ytd_growth_ok);
  assert_string_equal(row.note, TS_NOTE_PRIOR_YTD);
  /* Before the gap everything is defined. */
  row = growth_at("2023-02");
  assert_true(row.growth_ok);
  assert_true(fabs(row.growth - (202.0 - 102.0) / 102.0 * 100.0) < 1e-12);
  assert_true(row.ytd_growth_ok);
  assert_true(fabs(row.ytd_growth - (403.0 - 203.0) / 203.0 * 100.0) < 1e-12);
  assert_null(row.note);
  /* First year: nothing to compare with. */
  row = growth_at("2022-06");
  assert_false(row.growth_ok);
  assert_string_equal(row.note, TS_NOTE_NO_PRIOR);
  assert_false(row.prior_ytd_ok);
}

static void test_gap_in_current_year(void **state) {
  (void)state;
  series_reset(TS_KIND_MONTH);
  put_month_range(2022, 1, 12, 100);
  put("2023-01", 10);
  put("2023-03", 30); /* 2023-02 missing */
  ts_growth_row row = growth_at("2023-03");
  assert_true(row.growth_ok); /* 30 vs 103 */
  assert_true(fabs(row.growth - (30.0 - 103.0) / 103.0 * 100.0) < 1e-12);
  assert_false(row.ytd_ok);
  assert_true(row.prior_ytd_ok);
  assert_int_equal(row.prior_ytd.i, 101 + 102 + 103);
  assert_false(row.ytd_growth_ok);
  assert_string_equal(row.note, TS_NOTE_YTD);
}

static void test_first_half_growth(void **state) {
  (void)state;
  /* Jan-Jun 2023 against Jan-Jun 2022 is the H1 growth. */
  series_reset(TS_KIND_MONTH);
  static const int64_t y2022[] = {100, 110, 120, 105, 115, 130};
  static const int64_t y2023[] = {210, 220, 240, 200, 230, 300};
  int64_t sum22 = 0, sum23 = 0;
  for (int m = 0; m < 6; m++) {
    char label[32];
    snprintf(label, sizeof(label), "2022-%02d", m + 1);
    put(label, y2022[m]);
    sum22 += y2022[m];
  }
  for (int m = 0; m < 6; m++) {
    char label[32];
    snprintf(label, sizeof(label), "2023-%02d", m + 1);
    put(label, y2023[m]);
    sum23 += y2023[m];
  }
  ts_growth_row row = growth_at("2023-06");
  assert_true(row.ytd_ok && row.prior_ytd_ok && row.ytd_growth_ok);
  assert_int_equal(row.ytd.i, sum23);
  assert_int_equal(row.prior_ytd.i, sum22);
  assert_true(fabs(row.ytd_growth - (double)(sum23 - sum22) / (double)sum22 * 100.0) < 1e-12);
  assert_true(fabs(row.growth - (300.0 - 130.0) / 130.0 * 100.0) < 1e-12);
}

static void test_zero_and_negative_prior(void **state) {
  (void)state;
  series_reset(TS_KIND_HALF);
  put("2022-H1", 0);
  put("2022-H2", -382);
  put("2023-H1", 50);
  put("2023-H2", -280);
  ts_growth_row row = growth_at("2023-H1");
  assert_int_equal(row.prior_index, 0); /* zero is a value, not a gap */
  assert_false(row.growth_ok);
  assert_string_equal(row.note, TS_NOTE_PRIOR_ZERO);
  row = growth_at("2023-H2");
  assert_true(row.growth_ok);
  assert_true(fabs(row.growth - 102.0 / 382.0 * 100.0) < 1e-12); /* improved */
  /* ytd: (50 - 280) vs (0 - 382): -230 vs -382 */
  assert_true(row.ytd_growth_ok);
  assert_true(fabs(row.ytd_growth - 152.0 / 382.0 * 100.0) < 1e-12);
}

static void test_years(void **state) {
  (void)state;
  series_reset(TS_KIND_YEAR);
  put("2018", 275);
  put("2020", 300);
  put("2021", 330);
  ts_growth_row row = growth_at("2021");
  assert_true(row.growth_ok);
  assert_true(fabs(row.growth - 10.0) < 1e-12);
  assert_true(row.ytd_growth_ok);
  assert_true(fabs(row.ytd_growth - 10.0) < 1e-12);
  row = growth_at("2020");
  assert_string_equal(row.note, TS_NOTE_NO_PRIOR);
}

static void test_days_around_29_february(void **state) {
  (void)state;
  series_reset(TS_KIND_DAY);
  /* Every day from 2023-01-01 to 2024-03-01, value 1. */
  ts_period p;
  assert_int_equal(ts_period_parse("2023-01-01", -1, &p), 0);
  for (;;) {
    char label[TS_PERIOD_LABEL_MAX];
    ts_period_format(&p, label);
    put(label, 1);
    if (strcmp(label, "2024-03-01") == 0) break;
    assert_int_equal(ts_period_shift(&p, 1, &p), 0);
  }
  /* 29 Feb has no same day a year earlier. */
  ts_growth_row row = growth_at("2024-02-29");
  assert_false(row.growth_ok);
  assert_string_equal(row.note, TS_NOTE_NO_PRIOR);
  /* Its year-to-date (60 days) compares with 2023 up to 28 Feb (59). */
  assert_true(row.ytd_ok && row.prior_ytd_ok);
  assert_int_equal(row.ytd.i, 60);
  assert_int_equal(row.prior_ytd.i, 59);
  row = growth_at("2024-03-01");
  assert_true(row.growth_ok);
  assert_true(row.growth == 0.0);
  assert_int_equal(row.ytd.i, 61);
  assert_int_equal(row.prior_ytd.i, 60);
  assert_true(fabs(row.ytd_growth - 1.0 / 60.0 * 100.0) < 1e-12);
  row = growth_at("2024-02-28");
  assert_true(row.growth_ok);
  assert_int_equal(row.ytd.i, 59);
  assert_int_equal(row.prior_ytd.i, 59);
}

/* ---- ts_deque: the deque behind the window functions -------------- */

static ts_period period_of(const char *label) {
  ts_period p;
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  return p;
}

static void series_add(ts_deque *s, const char *label, int64_t value) {
  ts_period p = period_of(label);
  ts_number v;
  ts_number_from_int(value, &v);
  assert_int_equal(ts_deque_add(s, &p, &v), TS_DEQUE_OK);
}

static void series_remove(ts_deque *s, const char *label, int64_t value) {
  ts_period p = period_of(label);
  ts_number v;
  ts_number_from_int(value, &v);
  ts_deque_remove(s, &p, &v);
}

static void test_series_in_order_and_sliding(void **state) {
  (void)state;
  ts_deque s;
  ts_deque_init(&s);
  series_add(&s, "2022-01", 10);
  series_add(&s, "2022-02", 20);
  series_add(&s, "2022-02", 5); /* same period: summed */
  series_add(&s, "2023-01", 11);
  assert_int_equal(s.count, 3);
  assert_false(s.unsorted);
  assert_true(_Alignof(ts_point) <= 8); /* sqlite3_malloc64 guarantees 8 */
  ts_number v;
  ts_sum_value(&ts_deque_points(&s)[1].sum[0], &v);
  assert_int_equal(v.i, 25);
  /* Rows leave in arrival order; a point goes when its last row does. */
  series_remove(&s, "2022-01", 10);
  assert_int_equal(s.count, 2);
  series_remove(&s, "2022-02", 20);
  assert_int_equal(s.count, 2);
  ts_sum_value(&ts_deque_points(&s)[0].sum[0], &v);
  assert_int_equal(v.i, 5);
  series_remove(&s, "2022-02", 5);
  assert_int_equal(s.count, 1);
  series_remove(&s, "2023-01", 11);
  assert_int_equal(s.count, 0);
  ts_deque_free(&s);
  /* A long sliding frame keeps memory bounded by the frame. */
  ts_period p = period_of("2000-01");
  for (int i = 0; i < 5000; i++) {
    ts_period old;
    ts_number one;
    ts_number_from_int(1, &one);
    assert_int_equal(ts_deque_add(&s, &p, &one), TS_DEQUE_OK);
    if (i >= 13) {
      assert_int_equal(ts_period_shift(&p, -13, &old), 0);
      ts_deque_remove(&s, &old, &one);
      assert_int_equal(s.count, 13);
    }
    assert_int_equal(ts_period_shift(&p, 1, &p), 0);
  }
  assert_true(s.capacity <= 32);
  assert_false(s.unsorted);
  ts_deque_free(&s);
  assert_null(s.points);
}

static void test_series_disorder_and_kinds(void **state) {
  (void)state;
  ts_deque s;
  ts_deque_init(&s);
  series_add(&s, "2023-05", 1);
  series_add(&s, "2023-03", 1);
  series_add(&s, "2023-01", 1);
  assert_true(s.unsorted);
  ts_period before, after;
  assert_int_equal(ts_period_from_ordinal(s.kind, s.disorder_before, &before), 0);
  assert_int_equal(ts_period_from_ordinal(s.kind, s.disorder_after, &after), 0);
  assert_int_equal(before.sub, 3); /* the first disorder is kept */
  assert_int_equal(after.sub, 5);
  ts_period q = period_of("2023-Q1");
  ts_number one;
  ts_number_from_int(1, &one);
  assert_int_equal(ts_deque_add(&s, &q, &one), TS_DEQUE_MIXED_KINDS);
  assert_int_equal(s.count, 3); /* unchanged */
  assert_int_equal(s.first_seen.sub, 5);
  ts_deque_free(&s);
}

static void test_series_unsorted_aggregate(void **state) {
  (void)state;
  ts_deque s;
  ts_deque_init(&s);
  /* 12000 rows over 12 months, in a scrambled order. */
  int64_t expected[12] = {0};
  for (int i = 0; i < 12000; i++) {
    int month = (i * 7) % 12 + 1;
    char label[32];
    snprintf(label, sizeof(label), "2023-%02d", month);
    series_add(&s, label, i);
    expected[month - 1] += i;
  }
  assert_true(s.unsorted);
  assert_true(s.capacity <= 32); /* grows with periods, not rows */
  ts_deque_sort(&s);
  assert_int_equal(s.count, 12);
  for (int m = 0; m < 12; m++) {
    ts_number v;
    ts_sum_value(&ts_deque_points(&s)[m].sum[0], &v);
    assert_int_equal(v.i, expected[m]);
    if (m) assert_true(ts_deque_points(&s)[m - 1].ordinal < ts_deque_points(&s)[m].ordinal);
  }
  ts_deque_free(&s);
}

static void test_cagr(void **state) {
  (void)state;
  double r = 0;
  assert_int_equal(ts_cagr(2.75, 4.73, 4, NULL, &r), 0);
  assert_true(fabs(r - (pow(4.73 / 2.75, 0.25) - 1) * 100) < 1e-12);
  assert_true(round(r * 100) / 100 == 14.52);
  assert_int_equal(ts_cagr(100, 0, 2, NULL, &r), 0);
  assert_true(r == -100.0);
  assert_int_equal(ts_cagr(100, 121, 2, NULL, &r), 0);
  assert_true(fabs(r - 10.0) < 1e-12);
  assert_int_equal(ts_cagr(0, 1, 1, NULL, &r), 1);
  assert_int_equal(ts_cagr(-1, 1, 1, NULL, &r), 1);
  assert_int_equal(ts_cagr(1, -1, 1, NULL, &r), 1);
  assert_int_equal(ts_cagr(1, 2, 0, NULL, &r), 1);
  assert_int_equal(ts_cagr(1, 2, -1, NULL, &r), 1);
  assert_int_equal(ts_cagr(1, 2, NAN, NULL, &r), 1);
  assert_int_equal(ts_cagr(1e-300, 1e300, 1e-3, NULL, &r), 1); /* not finite */
}

static void test_years_between(void **state) {
  (void)state;
  ts_period a = period_of("2018"), b = period_of("2022");
  assert_true(ts_period_years_between(&a, &b) == 4.0);
  a = period_of("2022-H1"), b = period_of("2023-H2");
  assert_true(ts_period_years_between(&a, &b) == 1.5);
  a = period_of("2022-01"), b = period_of("2022-04");
  assert_true(fabs(ts_period_years_between(&a, &b) - 0.25) < 1e-15);
  a = period_of("2023-01-01"), b = period_of("2024-01-01");
  assert_true(fabs(ts_period_years_between(&a, &b) - (1.0 + 1.0 / 366 - 1.0 / 365)) < 1e-15);
  a = period_of("2023-12-31"), b = period_of("2024-12-31");
  assert_true(ts_period_years_between(&a, &b) == 1.0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_find),
      cmocka_unit_test(test_gap_in_prior_year),
      cmocka_unit_test(test_gap_in_current_year),
      cmocka_unit_test(test_first_half_growth),
      cmocka_unit_test(test_zero_and_negative_prior),
      cmocka_unit_test(test_years),
      cmocka_unit_test(test_days_around_29_february),
      cmocka_unit_test(test_series_in_order_and_sliding),
      cmocka_unit_test(test_series_disorder_and_kinds),
      cmocka_unit_test(test_series_unsorted_aggregate),
      cmocka_unit_test(test_cagr),
      cmocka_unit_test(test_years_between),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
