/*
** test_int128.c -- the 128-bit integer behind exact sums (core/int128.h).
** `make unit` runs it on the compiler's native type; `make portabletest`
** builds everything with -DTS_PORTABLE_INT128 and runs it on the
** two-word fallback, so both give the same answers.
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/int128.h"

static ts_int128 i(int64_t v) { return ts_i128_from_i64(v); }
/* 2^64 * hi + lo, built from the operations under test. */
static ts_int128 big(int64_t hi, uint64_t lo) {
  ts_int128 r = i(hi);
  for (int k = 0; k < 64; k++) r = ts_i128_add(r, r);
  r = ts_i128_add(r, i((int64_t)(lo >> 1)));
  r = ts_i128_add(r, i((int64_t)(lo >> 1)));
  return ts_i128_add(r, i((int64_t)(lo & 1)));
}

static void test_arithmetic(void **state) {
  (void)state;
  assert_true(ts_i128_eq(ts_i128_add(i(INT64_MAX), i(1)), ts_i128_sub(i(0), i(INT64_MIN))));
  assert_true(ts_i128_fits_i64(i(INT64_MAX)) && ts_i128_fits_i64(i(INT64_MIN)));
  assert_false(ts_i128_fits_i64(ts_i128_add(i(INT64_MAX), i(1))));
  assert_false(ts_i128_fits_i64(ts_i128_sub(i(INT64_MIN), i(1))));
  assert_int_equal(ts_i128_to_i64(ts_i128_sub(ts_i128_add(i(INT64_MAX), i(5)), i(6))),
                   INT64_MAX - 1);
  assert_true(ts_i128_fits_53(i((INT64_C(1) << 53) - 1)));
  assert_false(ts_i128_fits_53(i(INT64_C(1) << 53)));
  assert_true(ts_i128_fits_53(i(-(INT64_C(1) << 53) + 1)));
  assert_false(ts_i128_fits_53(i(-(INT64_C(1) << 53))));
  /* Carries across the word boundary both ways. */
  ts_int128 x = big(1, 0);
  assert_true(ts_i128_eq(ts_i128_sub(x, i(1)), big(0, UINT64_MAX)));
  assert_true(ts_i128_eq(ts_i128_add(big(0, UINT64_MAX), i(1)), x));
  assert_true(ts_i128_eq(ts_i128_sub(i(0), x), big(-1, 0)));
}

static void test_to_double_rounds_correctly(void **state) {
  (void)state;
  const double two64 = 18446744073709551616.0;
  assert_true(ts_i128_to_double(i(INT64_MIN)) == -9223372036854775808.0);
  assert_true(ts_i128_to_double(big(1, 0)) == two64);
  /* The spacing of doubles at 2^64 is 2^12: 2^11 is a tie (to even,
  ** down), 2^11 + 1 is above it (up), 3 * 2^11 a tie (to even, up). */
  assert_true(ts_i128_to_double(big(1, 2048)) == two64);
  assert_true(ts_i128_to_double(big(1, 2049)) == two64 + 4096);
  assert_true(ts_i128_to_double(big(1, 3 * 2048)) == two64 + 8192);
  assert_true(ts_i128_to_double(ts_i128_sub(i(0), big(1, 2049))) == -(two64 + 4096));
  /* Sticky bits from the low word decide a tie in the high word. */
  assert_true(ts_i128_to_double(big(INT64_C(1) << 52, 0)) == ldexp(1, 116));
  assert_true(ts_i128_to_double(big((INT64_C(1) << 53) + 1, 0)) == ldexp(1, 117));
  assert_true(ts_i128_to_double(big((INT64_C(1) << 53) + 1, 1)) ==
              ldexp(1, 117) + ldexp(1, 118 - 53));
}

static void test_from_double(void **state) {
  (void)state;
  assert_true(ts_i128_eq(ts_i128_from_double(18446744073709551616.0), big(1, 0)));
  assert_true(ts_i128_eq(ts_i128_from_double(-18446744073709551616.0), big(-1, 0)));
  assert_true(ts_i128_eq(ts_i128_from_double(ldexp(3, 70)), big(3 * 64, 0)));
  assert_true(ts_i128_eq(ts_i128_from_double(-12345.0), i(-12345)));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_arithmetic),
      cmocka_unit_test(test_to_double_rounds_correctly),
      cmocka_unit_test(test_from_double),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
