/*
** test_trade.c -- the pure core of the trade-imbalance measures (trade.h):
** each measure on the article's figures, integer exactness, zero
** denominators, negative flows, overflow, measure names.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "trade/trade.h"

static ts_number num_int(int64_t i) {
  ts_number n;
  ts_number_from_int(i, &n);
  return n;
}

static ts_number num_real(double d) {
  ts_number n;
  assert_int_equal(ts_number_from_double(d, &n), TS_NUMBER_OK);
  return n;
}

static double ratio_ok(ts_trade_measure measure, ts_number x, ts_number m) {
  double r = -12345;
  assert_null(ts_trade_ratio(measure, &x, &m, &r));
  return r;
}

static const char *ratio_undefined(ts_trade_measure measure, ts_number x, ts_number m) {
  double r = -12345;
  const char *zWhy = ts_trade_ratio(measure, &x, &m, &r);
  assert_non_null(zWhy);
  assert_true(r == -12345); /* untouched */
  return zWhy;
}

/* H1 2023, exports to China 451, imports from China 1,400 (KRW bn). */
static void test_article_h1_2023(void **state) {
  (void)state;
  ts_number x = num_int(451), m = num_int(1400), b;
  ts_number_difference(&x, &m, &b);
  assert_true(b.is_int);
  assert_int_equal(b.i, -949);
  /* 451 / 1400 = 0.32214285714... */
  assert_float_equal(ratio_ok(TS_MEASURE_COVERAGE, x, m), 32.2142857142857, 1e-9);
  /* -949 / 1851 = -0.51269584... */
  assert_float_equal(ratio_ok(TS_MEASURE_NORMALIZED, x, m), -51.2695840086440, 1e-9);
  /* 1 - 949/1851 = 902/1851 */
  assert_float_equal(ratio_ok(TS_MEASURE_GRUBEL_LLOYD, x, m), 48.7304159913560, 1e-9);
}

/* H1 2022: 751.7 against 680.8, a surplus of 70.9. */
static void test_article_h1_2022_real(void **state) {
  (void)state;
  ts_number x = num_real(751.7), m = num_real(680.8), b;
  ts_number_difference(&x, &m, &b);
  assert_false(b.is_int);
  assert_float_equal(b.d, 70.9, 1e-9);
  assert_float_equal(ratio_ok(TS_MEASURE_COVERAGE, x, m), 110.414218566393, 1e-9);
  assert_float_equal(ratio_ok(TS_MEASURE_NORMALIZED, x, m), 4.94938917975567, 1e-9);
  assert_float_equal(ratio_ok(TS_MEASURE_GRUBEL_LLOYD, x, m), 95.0506108202443, 1e-9);
}

static void test_balance_mixed_int_real(void **state) {
  (void)state;
  ts_number x = num_int(10), m = num_real(2.5), b;
  ts_number_difference(&x, &m, &b);
  assert_false(b.is_int);
  assert_float_equal(b.d, 7.5, 0);
}

static void test_balance_never_wraps(void **state) {
  (void)state;
  ts_number b;
  ts_number x = num_int(INT64_MAX), m = num_int(-1);
  ts_number_difference(&x, &m, &b);
  assert_false(b.is_int); /* 2^63 does not fit: REAL, not INT64_MIN */
  assert_float_equal(b.d, 9223372036854775808.0, 0);
  x = num_int(INT64_MIN), m = num_int(1);
  ts_number_difference(&x, &m, &b);
  assert_false(b.is_int);
  assert_true(b.d < 0);
  /* A difference that just fits stays an exact INTEGER. */
  x = num_int(INT64_MAX), m = num_int(INT64_MAX);
  ts_number_difference(&x, &m, &b);
  assert_true(b.is_int);
  assert_int_equal(b.i, 0);
  x = num_int(-1), m = num_int(INT64_MAX);
  ts_number_difference(&x, &m, &b);
  assert_true(b.is_int);
  assert_true(b.i == INT64_MIN);
}

static void test_integer_ratios_exact(void **state) {
  (void)state;
  /* X + M = 2^64 overflows int64 but not the exact sum: normalized 0. */
  ts_number x = num_int(INT64_MAX), m = num_int(INT64_MAX);
  assert_float_equal(ratio_ok(TS_MEASURE_NORMALIZED, x, m), 0, 0);
  assert_float_equal(ratio_ok(TS_MEASURE_GRUBEL_LLOYD, x, m), 100, 0);
  assert_float_equal(ratio_ok(TS_MEASURE_COVERAGE, x, m), 100, 0);
}

static void test_huge_reals_stay_finite(void **state) {
  (void)state;
  ts_number x = num_real(DBL_MAX), m = num_real(DBL_MAX / 2);
  /* (1 - 0.5) / (1 + 0.5) = 1/3 */
  assert_float_equal(ratio_ok(TS_MEASURE_NORMALIZED, x, m), 100.0 / 3, 1e-9);
  assert_float_equal(ratio_ok(TS_MEASURE_GRUBEL_LLOYD, x, m), 200.0 / 3, 1e-9);
  assert_float_equal(ratio_ok(TS_MEASURE_COVERAGE, x, m), 200, 1e-9);
  /* Coverage of a huge X over a tiny M overflows: undefined, not Inf, and
  ** the note says so rather than that the (non-zero) imports are zero. */
  x = num_real(1e300), m = num_real(1e-300);
  assert_string_equal(ratio_undefined(TS_MEASURE_COVERAGE, x, m), TS_NOTE_COVERAGE_TOO_LARGE);
  /* A tiny total is not a zero total. */
  x = num_real(5e-324), m = num_real(0);
  assert_float_equal(ratio_ok(TS_MEASURE_NORMALIZED, x, m), 100, 0);
}

static void test_zero_denominators(void **state) {
  (void)state;
  assert_string_equal(ratio_undefined(TS_MEASURE_COVERAGE, num_int(5), num_int(0)),
                      TS_NOTE_ZERO_IMPORTS);
  assert_string_equal(ratio_undefined(TS_MEASURE_COVERAGE, num_int(0), num_real(0.0)),
                      TS_NOTE_ZERO_IMPORTS);
  assert_string_equal(ratio_undefined(TS_MEASURE_NORMALIZED, num_int(0), num_int(0)),
                      TS_NOTE_NO_TRADE);
  assert_string_equal(ratio_undefined(TS_MEASURE_GRUBEL_LLOYD, num_real(0), num_int(0)),
                      TS_NOTE_NO_TRADE);
  /* One side zero is a defined, extreme value. */
  assert_float_equal(ratio_ok(TS_MEASURE_NORMALIZED, num_int(0), num_int(7)), -100, 0);
  assert_float_equal(ratio_ok(TS_MEASURE_NORMALIZED, num_int(7), num_int(0)), 100, 0);
  assert_float_equal(ratio_ok(TS_MEASURE_GRUBEL_LLOYD, num_int(7), num_int(0)), 0, 0);
  assert_float_equal(ratio_ok(TS_MEASURE_COVERAGE, num_int(0), num_int(7)), 0, 0);
}

static void test_negative_flows(void **state) {
  (void)state;
  ts_number b, x = num_int(-5), m = num_int(3);
  ts_number_difference(&x, &m, &b);
  assert_true(b.is_int);
  assert_int_equal(b.i, -8);
  assert_string_equal(ratio_undefined(TS_MEASURE_COVERAGE, x, m), TS_NOTE_NEGATIVE_FLOW);
  assert_string_equal(ratio_undefined(TS_MEASURE_NORMALIZED, x, m), TS_NOTE_NEGATIVE_FLOW);
  assert_string_equal(ratio_undefined(TS_MEASURE_GRUBEL_LLOYD, m, x), TS_NOTE_NEGATIVE_FLOW);
  /* Negative before zero: (-1, 0) is a negative flow, not zero imports. */
  assert_string_equal(ratio_undefined(TS_MEASURE_COVERAGE, num_real(-1), num_int(0)),
                      TS_NOTE_NEGATIVE_FLOW);
}

static void test_balance_through_ratio(void **state) {
  (void)state;
  assert_float_equal(ratio_ok(TS_MEASURE_BALANCE, num_int(451), num_int(1400)), -949, 0);
}

static void test_compute_all(void **state) {
  (void)state;
  ts_trade_measures t;
  ts_number x = num_int(451), m = num_int(1400);
  ts_trade_compute(&x, &m, &t);
  assert_true(t.balance.is_int);
  assert_int_equal(t.balance.i, -949);
  assert_true(t.coverage_ok && t.normalized_ok && t.grubel_lloyd_ok);
  assert_float_equal(t.coverage, 451.0 / 1400 * 100, 1e-12);
  assert_float_equal(t.normalized, -949.0 / 1851 * 100, 1e-12);
  assert_float_equal(t.grubel_lloyd, (1 - 949.0 / 1851) * 100, 1e-12);
  assert_null(t.note);

  x = num_int(5), m = num_int(0);
  ts_trade_compute(&x, &m, &t);
  assert_true(t.normalized_ok && t.grubel_lloyd_ok);
  assert_false(t.coverage_ok);
  assert_string_equal(t.note, TS_NOTE_ZERO_IMPORTS);

  x = num_int(0), m = num_int(0);
  ts_trade_compute(&x, &m, &t);
  assert_false(t.coverage_ok || t.normalized_ok || t.grubel_lloyd_ok);
  assert_string_equal(t.note, TS_NOTE_NO_TRADE);
  assert_true(t.balance.is_int && t.balance.i == 0);

  x = num_real(-2.5), m = num_int(0);
  ts_trade_compute(&x, &m, &t);
  assert_false(t.coverage_ok || t.normalized_ok || t.grubel_lloyd_ok);
  assert_string_equal(t.note, TS_NOTE_NEGATIVE_FLOW);
  assert_float_equal(t.balance.d, -2.5, 0);
}

static void test_measure_names(void **state) {
  (void)state;
  ts_trade_measure k = TS_MEASURE_COVERAGE;
  assert_int_equal(ts_trade_measure_parse("balance", -1, &k), 0);
  assert_int_equal(k, TS_MEASURE_BALANCE);
  assert_int_equal(ts_trade_measure_parse("COVERAGE", -1, &k), 0);
  assert_int_equal(k, TS_MEASURE_COVERAGE);
  assert_int_equal(ts_trade_measure_parse("  Normalized\t", -1, &k), 0);
  assert_int_equal(k, TS_MEASURE_NORMALIZED);
  assert_int_equal(ts_trade_measure_parse("grubel_lloydXX", 12, &k), 0);
  assert_int_equal(k, TS_MEASURE_GRUBEL_LLOYD);
  assert_int_equal(ts_trade_measure_parse("grubel lloyd", -1, &k), 1);
  assert_int_equal(ts_trade_measure_parse("ratio", -1, &k), 1);
  assert_int_equal(ts_trade_measure_parse("", -1, &k), 1);
  assert_int_equal(ts_trade_measure_parse("balances", -1, &k), 1);
  assert_int_equal(ts_trade_measure_parse("bal", -1, &k), 1);
  assert_int_equal(ts_trade_measure_parse(NULL, -1, &k), 1);
  assert_string_equal(ts_trade_measure_list, "balance, coverage, normalized or grubel_lloyd");
}

/* ---- ts_trade_row_at ------------------------------------------------- */

static int64_t half_ordinal(int year, int half) {
  ts_period p = {TS_KIND_HALF, year, half, 0, 0};
  return ts_period_ordinal(&p);
}

static void point_add(ts_point *pt, int slot, ts_number v) { ts_sum_add(&pt->sum[slot], &v); }

/* The shipped article data for China: 2022-H1 both sides, 2022-H2 imports
** only, 2023-H1 both sides. */
static int article_points(ts_point *a) {
  memset(a, 0, 3 * sizeof(*a));
  for (int k = 0; k < 3; k++) {
    ts_sum_init(&a[k].sum[0]);
    ts_sum_init(&a[k].sum[1]);
  }
  a[0].ordinal = half_ordinal(2022, 1);
  a[1].ordinal = half_ordinal(2022, 2);
  a[2].ordinal = half_ordinal(2023, 1);
  point_add(&a[0], 0, num_real(751.7));
  point_add(&a[0], 1, num_real(680.8));
  point_add(&a[1], 1, num_real(809.2));
  point_add(&a[2], 0, num_int(451));
  point_add(&a[2], 1, num_int(1400));
  return 3;
}

static void test_row_first_period(void **state) {
  (void)state;
  ts_point a[3];
  ts_trade_row r;
  int n = article_points(a);
  ts_trade_row_at(TS_KIND_HALF, a, n, 0, &r);
  assert_true(r.has_exports && r.has_imports);
  assert_float_equal(r.measures.balance.d, 70.9, 1e-9);
  assert_false(r.prior_ok || r.balance_growth_ok || r.exports_growth_ok || r.imports_growth_ok);
  assert_string_equal(r.note, TS_NOTE_NO_PRIOR);
}

static void test_row_missing_side(void **state) {
  (void)state;
  ts_point a[3];
  ts_trade_row r;
  int n = article_points(a);
  ts_trade_row_at(TS_KIND_HALF, a, n, 1, &r);
  assert_false(r.has_exports);
  assert_true(r.has_imports);
  assert_float_equal(r.imports.d, 809.2, 1e-9);
  assert_false(r.measures.coverage_ok || r.measures.normalized_ok || r.prior_ok);
  assert_string_equal(r.note, TS_NOTE_NO_EXPORTS);
  /* the other way round */
  memset(&a[1].sum[1], 0, sizeof(a[1].sum[1]));
  point_add(&a[1], 0, num_int(5));
  ts_trade_row_at(TS_KIND_HALF, a, n, 1, &r);
  assert_true(r.has_exports);
  assert_false(r.has_imports);
  assert_string_equal(r.note, TS_NOTE_NO_IMPORTS);
}

static void test_row_article_h1_2023(void **state) {
  (void)state;
  ts_point a[3];
  ts_trade_row r;
  int n = article_points(a);
  ts_trade_row_at(TS_KIND_HALF, a, n, 2, &r);
  assert_true(r.exports.is_int && r.imports.is_int);
  assert_true(r.measures.balance.is_int);
  assert_int_equal(r.measures.balance.i, -949);
  assert_true(r.prior_ok);
  assert_float_equal(r.prior_balance.d, 70.9, 1e-9);
  assert_float_equal(r.balance_change.d, -1019.9, 1e-9);
  /* (-949 - 70.9) / |70.9| * 100 */
  assert_true(r.balance_growth_ok);
  assert_float_equal(r.balance_growth, -1438.5049365303244, 1e-9);
  /* 451 / 751.7 - 1 and 1400 / 680.8 - 1 */
  assert_true(r.exports_growth_ok && r.imports_growth_ok);
  assert_float_equal(r.exports_growth, -40.00266063589198, 1e-9);
  assert_float_equal(r.imports_growth, 105.64042303172738, 1e-9);
  assert_null(r.note);
}

static void test_row_prior_one_sided(void **state) {
  (void)state;
  ts_point a[3];
  ts_trade_row r;
  int n = article_points(a);
  /* Drop the 2022-H1 exports: 2023-H1 then has no prior balance and no
  ** exports growth, but imports growth is still defined. */
  ts_sum_init(&a[0].sum[0]);
  ts_trade_row_at(TS_KIND_HALF, a, n, 2, &r);
  assert_int_equal(r.measures.balance.i, -949);
  assert_false(r.prior_ok || r.balance_growth_ok || r.exports_growth_ok);
  assert_true(r.imports_growth_ok);
  assert_string_equal(r.note, TS_NOTE_NO_PRIOR_BALANCE);
}

static void test_row_prior_zero_and_negative_base(void **state) {
  (void)state;
  ts_point a[3];
  ts_trade_row r;
  int n = article_points(a);
  /* 2022-H1 balance 0: balance growth undefined. */
  ts_sum_init(&a[0].sum[0]);
  ts_sum_init(&a[0].sum[1]);
  point_add(&a[0], 0, num_int(100));
  point_add(&a[0], 1, num_int(100));
  ts_trade_row_at(TS_KIND_HALF, a, n, 2, &r);
  assert_true(r.prior_ok);
  assert_true(r.prior_balance.is_int && r.prior_balance.i == 0);
  assert_true(r.balance_change.is_int && r.balance_change.i == -949);
  assert_false(r.balance_growth_ok);
  assert_string_equal(r.note, TS_NOTE_PRIOR_ZERO);
  /* A deficit that shrinks from -1000 to -949 improves by 5.1 %. */
  ts_sum_init(&a[0].sum[1]);
  point_add(&a[0], 1, num_int(1100));
  ts_trade_row_at(TS_KIND_HALF, a, n, 2, &r);
  assert_true(r.balance_growth_ok);
  assert_float_equal(r.balance_growth, 5.1, 1e-9);
  assert_int_equal(r.balance_change.i, 51);
}

/* A balance growth undefined for another reason than a zero prior says
** so, as the growth engine does (it used to say 'prior is zero'). */
static void test_row_balance_growth_overflow(void **state) {
  (void)state;
  ts_point a[3];
  ts_trade_row r;
  int n = article_points(a);
  /* Prior balance 1e-300 (2e-300 - 1e-300), now 1e300 - 1: a rate past
  ** any double. */
  ts_sum_init(&a[0].sum[0]);
  ts_sum_init(&a[0].sum[1]);
  point_add(&a[0], 0, num_real(2e-300));
  point_add(&a[0], 1, num_real(1e-300));
  ts_sum_init(&a[2].sum[0]);
  ts_sum_init(&a[2].sum[1]);
  point_add(&a[2], 0, num_real(1e300));
  point_add(&a[2], 1, num_int(1));
  ts_trade_row_at(TS_KIND_HALF, a, n, 2, &r);
  assert_true(r.prior_ok);
  assert_false(r.balance_growth_ok);
  assert_string_equal(r.note, TS_NOTE_GROWTH_TOO_LARGE);
  /* Prior balance 1e308 - (-1e308): beyond a double, not zero. */
  ts_sum_init(&a[0].sum[0]);
  ts_sum_init(&a[0].sum[1]);
  point_add(&a[0], 0, num_real(1e308));
  point_add(&a[0], 1, num_real(-1e308));
  ts_trade_row_at(TS_KIND_HALF, a, n, 2, &r);
  assert_false(r.balance_growth_ok);
  assert_string_equal(r.note, TS_NOTE_PRIOR_TOO_LARGE);
  /* That period's own row: its balance is NULL, and the note says why
  ** before the negative flow that voids the ratios. */
  ts_trade_row_at(TS_KIND_HALF, a, n, 0, &r);
  assert_false(r.measures.balance.is_int);
  assert_false(isfinite(r.measures.balance.d));
  assert_string_equal(r.note, TS_NOTE_BALANCE_TOO_LARGE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_article_h1_2023),
      cmocka_unit_test(test_row_balance_growth_overflow),
      cmocka_unit_test(test_article_h1_2022_real),
      cmocka_unit_test(test_balance_mixed_int_real),
      cmocka_unit_test(test_balance_never_wraps),
      cmocka_unit_test(test_integer_ratios_exact),
      cmocka_unit_test(test_huge_reals_stay_finite),
      cmocka_unit_test(test_zero_denominators),
      cmocka_unit_test(test_negative_flows),
      cmocka_unit_test(test_balance_through_ratio),
      cmocka_unit_test(test_compute_all),
      cmocka_unit_test(test_measure_names),
      cmocka_unit_test(test_row_first_period),
      cmocka_unit_test(test_row_missing_side),
      cmocka_unit_test(test_row_article_h1_2023),
      cmocka_unit_test(test_row_prior_one_sided),
      cmocka_unit_test(test_row_prior_zero_and_negative_base),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
