/*
** test_convention.c -- the number conventions in C (ext/core/number.c, ext/glue/glue.c): numbers
** read from text, sums that never overflow, growth with the negative-base
** rule.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "glue/glue.h"
#include "core/series.h"

static ts_number_status from_text(const char *z, ts_number *out) {
  memset(out, 0, sizeof(*out));
  return ts_number_from_text(z, -1, out);
}

static void test_text_numbers(void **state) {
  (void)state;
  ts_number n;
  assert_int_equal(from_text("1400", &n), TS_NUMBER_OK);
  assert_true(n.is_int);
  assert_int_equal(n.i, 1400);
  assert_int_equal(from_text(" 12.5", &n), TS_NUMBER_OK);
  assert_false(n.is_int);
  assert_true(n.d == 12.5);
  assert_int_equal(from_text("  -7  ", &n), TS_NUMBER_OK);
  assert_true(n.is_int && n.i == -7);
  assert_int_equal(from_text("+.5", &n), TS_NUMBER_OK);
  assert_true(!n.is_int && n.d == 0.5);
  assert_int_equal(from_text("5.", &n), TS_NUMBER_OK);
  assert_true(!n.is_int && n.d == 5.0);
  assert_int_equal(from_text("1e3", &n), TS_NUMBER_OK);
  assert_true(!n.is_int && n.d == 1000.0);
  assert_int_equal(from_text("-2.5E-1", &n), TS_NUMBER_OK);
  assert_true(n.d == -0.25);
  /* Not numbers. */
  static const char *const bad[] = {
      "n/a",    ".",    "1e",     "1e+",      "12abc", "0x10", "1 400",     "--1",    "e5", "1,40",
      "1,4000", ",100", "1,,000", "1000,000", "0,001", "0,5",  "1,000.5,5", "1,000,", "xx"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    if (from_text(bad[i], &n) != TS_NUMBER_NOT_NUMBER) fail_msg("accepted '%s'", bad[i]);
  }
  /* Missing figures: empty text and the agencies' no-data marks. */
  static const char *const missing[] = {"", "   ", "-", " - ", "x", "X", "\xE2\x80\xA6"};
  for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
    if (from_text(missing[i], &n) != TS_NUMBER_NULL) fail_msg("not missing: '%s'", missing[i]);
  }
  /* Thousands separators in groups of three. */
  assert_int_equal(from_text("1,400", &n), TS_NUMBER_OK);
  assert_true(n.is_int && n.i == 1400);
  assert_int_equal(from_text(" -1,019.9 ", &n), TS_NUMBER_OK);
  assert_true(!n.is_int && n.d == -1019.9);
  assert_int_equal(from_text("9,223,372,036,854,775,807", &n), TS_NUMBER_OK);
  assert_true(n.is_int && n.i == INT64_MAX);
  /* Decimals read exactly whatever the path (fast or strtod). */
  assert_int_equal(from_text("0.1", &n), TS_NUMBER_OK);
  assert_true(n.d == 0.1);
  assert_int_equal(from_text("123456789012345.6", &n), TS_NUMBER_OK);
  assert_true(n.d == 123456789012345.6);
  assert_int_equal(from_text("1.7976931348623157e308", &n), TS_NUMBER_OK);
  assert_true(n.d == 1.7976931348623157e308);
  assert_int_equal(from_text("4.9406564584124654e-324", &n), TS_NUMBER_OK);
  assert_true(n.d == 4.9406564584124654e-324);
  assert_int_equal(from_text("-0.000000000000000000001", &n), TS_NUMBER_OK);
  assert_true(n.d == -1e-21);
  assert_int_equal(ts_number_from_text(NULL, -1, &n), TS_NUMBER_NULL);
  /* Length-bounded text need not be NUL-terminated after the number. */
  assert_int_equal(ts_number_from_text("12.5xyz", 4, &n), TS_NUMBER_OK);
  assert_true(n.d == 12.5);
}

static void test_infinite_and_nan(void **state) {
  (void)state;
  ts_number n;
  assert_int_equal(from_text("1e999", &n), TS_NUMBER_INFINITE);
  assert_int_equal(from_text("-1e999", &n), TS_NUMBER_INFINITE);
  assert_int_equal(ts_number_from_double(INFINITY, &n), TS_NUMBER_INFINITE);
  assert_int_equal(ts_number_from_double(-INFINITY, &n), TS_NUMBER_INFINITE);
  assert_int_equal(ts_number_from_double(NAN, &n), TS_NUMBER_NULL);
  assert_int_equal(ts_number_from_double(1e308, &n), TS_NUMBER_OK);
  assert_false(n.is_int);
  /* A long text number goes through the heap copy path. */
  char long_text[400];
  memset(long_text, '0', sizeof(long_text) - 1);
  long_text[0] = '1';
  long_text[1] = '.';
  long_text[sizeof(long_text) - 1] = 0;
  assert_int_equal(from_text(long_text, &n), TS_NUMBER_OK);
  assert_true(n.d == 1.0);
}

static void test_int64_extremes(void **state) {
  (void)state;
  ts_number n;
  assert_int_equal(from_text("9223372036854775807", &n), TS_NUMBER_OK);
  assert_true(n.is_int && n.i == INT64_MAX);
  assert_int_equal(from_text("-9223372036854775808", &n), TS_NUMBER_OK);
  assert_true(n.is_int && n.i == INT64_MIN);
  /* One past either end: a REAL, not a wrapped integer. */
  assert_int_equal(from_text("9223372036854775808", &n), TS_NUMBER_OK);
  assert_false(n.is_int);
  assert_true(n.d == 9223372036854775808.0);
  assert_int_equal(from_text("-9223372036854775809", &n), TS_NUMBER_OK);
  assert_false(n.is_int);
  assert_true(n.d == -9223372036854775808.0);
  assert_int_equal(from_text("99999999999999999999999", &n), TS_NUMBER_OK);
  assert_false(n.is_int);
  assert_true(n.d == 1e23);
  ts_number_from_int(INT64_MIN, &n);
  assert_true(n.is_int && n.i == INT64_MIN && n.d == -9223372036854775808.0);
}

static void add_int(ts_sum *s, int64_t i) {
  ts_number n;
  ts_number_from_int(i, &n);
  ts_sum_add(s, &n);
}
static void add_real(ts_sum *s, double d) {
  ts_number n;
  assert_int_equal(ts_number_from_double(d, &n), TS_NUMBER_OK);
  ts_sum_add(s, &n);
}

static void test_sum_integers_exact(void **state) {
  (void)state;
  ts_sum s;
  ts_number v;
  ts_sum_init(&s);
  ts_sum_value(&s, &v);
  assert_true(v.is_int && v.i == 0);
  add_int(&s, 9007199254740993); /* 2^53 + 1: not a double */
  add_int(&s, 1);
  ts_sum_value(&s, &v);
  assert_true(v.is_int);
  assert_int_equal(v.i, 9007199254740994);
  assert_int_equal(s.count, 2);
}

static void test_sum_past_int64(void **state) {
  (void)state;
  ts_sum s;
  ts_number v;
  ts_sum_init(&s);
  add_int(&s, INT64_MAX);
  add_int(&s, 1);
  ts_sum_value(&s, &v);
  assert_false(v.is_int); /* no wrap, no overflow error: REAL */
  assert_true(v.d == 9223372036854775808.0);
  assert_true(ts_i128_eq(ts_i128_sub(s.exact, ts_i128_from_i64(INT64_MAX)),
                         ts_i128_from_i64(1))); /* still exact inside */
  /* Removing the 1 brings it back into range: exact INTEGER again. */
  ts_number one;
  ts_number_from_int(1, &one);
  ts_sum_remove(&s, &one);
  ts_sum_value(&s, &v);
  assert_true(v.is_int && v.i == INT64_MAX);
  /* Far below INT64_MIN and back. */
  ts_sum_init(&s);
  add_int(&s, INT64_MIN);
  add_int(&s, INT64_MIN);
  add_int(&s, INT64_MAX);
  ts_sum_value(&s, &v); /* INT64_MIN - 1: below the range, REAL */
  assert_false(v.is_int);
  assert_true(ts_i128_eq(ts_i128_add(s.exact, ts_i128_from_i64(1)), ts_i128_from_i64(INT64_MIN)));
  add_int(&s, 1); /* exactly INT64_MIN: INTEGER again */
  ts_sum_value(&s, &v);
  assert_true(v.is_int && v.i == INT64_MIN);
}

static void test_sum_real_and_removal(void **state) {
  (void)state;
  ts_sum s;
  ts_number v, x;
  ts_sum_init(&s);
  add_int(&s, 2);
  add_real(&s, 1.5);
  ts_sum_value(&s, &v);
  assert_false(v.is_int);
  assert_true(v.d == 3.5);
  assert_int_equal(ts_number_from_double(1.5, &x), TS_NUMBER_OK);
  ts_sum_remove(&s, &x);
  ts_sum_value(&s, &v);
  assert_true(v.is_int && v.i == 2); /* only integers left: INTEGER again */
  assert_int_equal(s.count, 1);
  assert_int_equal(s.n_real, 0);
}

static void test_sum_neumaier(void **state) {
  (void)state;
  ts_sum s;
  ts_sum_init(&s);
  add_real(&s, 1e308);
  add_real(&s, 3.0);
  add_real(&s, -1e308);
  assert_true(ts_sum_double(&s) == 3.0); /* naive summation gives 0 */
  ts_sum_init(&s);
  for (int i = 0; i < 10; i++) add_real(&s, 0.1);
  assert_true(ts_sum_double(&s) == 1.0); /* naive: 0.9999999999999999 */
  /* Removal with compensation: 1e16 + 1 - 1e16 = 1 */
  ts_number big;
  ts_sum_init(&s);
  add_real(&s, 1e16);
  add_real(&s, 1.0);
  add_real(&s, 2.5);
  assert_int_equal(ts_number_from_double(1e16, &big), TS_NUMBER_OK);
  ts_sum_remove(&s, &big);
  assert_true(ts_sum_double(&s) == 3.5);
  /* Mixed: a huge exact integer part and a small REAL part. */
  ts_sum_init(&s);
  add_int(&s, INT64_MAX);
  add_real(&s, 0.5);
  add_int(&s, -INT64_MAX);
  assert_true(ts_sum_double(&s) == 0.5);
}

static void test_sum_merge(void **state) {
  (void)state;
  ts_sum a, b;
  ts_number v;
  ts_sum_init(&a);
  ts_sum_init(&b);
  add_int(&a, 5);
  add_int(&b, 7);
  ts_sum_merge(&a, &b);
  ts_sum_value(&a, &v);
  assert_true(v.is_int && v.i == 12);
  assert_int_equal(a.count, 2);
  add_real(&b, 1e308);
  add_real(&b, 3.0);
  ts_sum_init(&a);
  add_real(&a, -1e308);
  ts_sum_merge(&a, &b);
  assert_true(ts_sum_double(&a) == 10.0);
  assert_int_equal(a.n_real, 3);
}

static void test_growth_negative_base(void **state) {
  (void)state;
  double g = 0;
  assert_int_equal(ts_growth(1400, 680.8, &g), 0);
  assert_true(fabs(g - 719.2 / 680.8 * 100.0) < 1e-12);
  assert_true(round(g * 100) / 100 == 105.64);
  /* A deficit shrinking from -382.3 to -279.6 improved by 26.9 %. */
  assert_int_equal(ts_growth(-279.6, -382.3, &g), 0);
  assert_true(g > 0);
  assert_true(round(g * 10) / 10 == 26.9);
  /* One widening from -100 to -150 is -50 %. */
  assert_int_equal(ts_growth(-150, -100, &g), 0);
  assert_true(g == -50.0);
  assert_int_equal(ts_growth(50, -100, &g), 0);
  assert_true(g == 150.0);
  assert_int_equal(ts_growth(451, 751.7, &g), 0);
  assert_true(round(g * 10) / 10 == -40.0);
  /* Undefined: zero base, or a result that is not finite. */
  g = 123;
  assert_int_equal(ts_growth(5, 0.0, &g), 1);
  assert_int_equal(ts_growth(5, -0.0, &g), 1);
  assert_int_equal(ts_growth(1e308, 1e-308, &g), 1);
  assert_true(g == 123); /* untouched */
}

/* Differences of REALs are the nearest double to the difference of the
** decimals the inputs were written as. */
static void test_decimal_difference(void **state) {
  (void)state;
  ts_number x, m, d;
  const double cases[][3] = {
      {751.7, 680.8, 70.9},       {0.3, 0.1, 0.2},    {1400.0, 680.8, 719.2},
      {-1019.9, 8208.9, -9228.8}, {0.07, 0.01, 0.06}, {123456.789, 0.001, 123456.788},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    ts_number_from_double(cases[i][0], &x);
    ts_number_from_double(cases[i][1], &m);
    ts_number_difference(&x, &m, &d);
    assert_false(d.is_int);
    if (d.d != cases[i][2]) fail_msg("%.17g - %.17g = %.17g", cases[i][0], cases[i][1], d.d);
  }
  /* No short decimal form: the binary difference. */
  ts_number_from_double(0.1, &x);
  ts_number_from_double(1e-20, &m);
  ts_number_difference(&x, &m, &d);
  assert_true(d.d == 0.1 - 1e-20);
  ts_number_from_double(1.0 / 3.0, &x);
  ts_number_from_double(0.5, &m);
  ts_number_difference(&x, &m, &d);
  assert_true(d.d == 1.0 / 3.0 - 0.5);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_decimal_difference),
      cmocka_unit_test(test_text_numbers),
      cmocka_unit_test(test_infinite_and_nan),
      cmocka_unit_test(test_int64_extremes),
      cmocka_unit_test(test_sum_integers_exact),
      cmocka_unit_test(test_sum_past_int64),
      cmocka_unit_test(test_sum_real_and_removal),
      cmocka_unit_test(test_sum_neumaier),
      cmocka_unit_test(test_sum_merge),
      cmocka_unit_test(test_growth_negative_base),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
