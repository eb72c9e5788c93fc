/*
** Unit tests of the sparkline scale over every kind of finite range:
** subnormals next to zero, +-DBL_MAX, all equal, mixed signs.  Run under
** UBSan by `make sanitize` (a float-to-int conversion of NaN or Inf there
** aborts the run).
*/
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "sparkline/sparkline.h"

static const double specials[] = {
    0.0,
    -0.0,
    5e-324,
    -5e-324,
    1e-320,
    -1e-320,
    DBL_MIN,
    -DBL_MIN,
    1e-300,
    -1e-300,
    1.0,
    -1.0,
    680.8,
    1400.0,
    1e300,
    -1e300,
    DBL_MAX,
    -DBL_MAX,
    1e308,
    -1e308,
    DBL_MAX / 2,
    -DBL_MAX / 2,
    4503599627370497.0,
    4503599627370496.0,
};
#define N_SPECIALS (sizeof(specials) / sizeof(specials[0]))

/* Every (lo, hi) pair and values between them: the level is one of the
** eight, lo is the lowest bar, hi the highest, and the level never falls
** as the value rises. */
static void test_every_range(void **state) {
  (void)state;
  for (size_t a = 0; a < N_SPECIALS; a++) {
    for (size_t b = 0; b < N_SPECIALS; b++) {
      double lo = specials[a], hi = specials[b];
      if (lo > hi) continue;
      if (!(hi > lo)) {
        assert_int_equal(ts_sparkline_level(lo, lo, hi), 3); /* flat line */
        continue;
      }
      assert_int_equal(ts_sparkline_level(lo, lo, hi), 0);
      assert_int_equal(ts_sparkline_level(hi, lo, hi), 7);
      int prev = 0;
      for (size_t c = 0; c < N_SPECIALS; c++) {
        double v = specials[c];
        if (v < lo || v > hi) continue;
        int level = ts_sparkline_level(v, lo, hi);
        assert_in_range(level, 0, 7);
      }
      /* Monotone along evenly spaced values (computed in halves so the
      ** steps stay finite for the widest ranges). */
      for (int k = 0; k <= 64; k++) {
        double t = k / 64.0;
        double v = lo / 2 * (1 - t) * 2 + hi / 2 * t * 2;
        if (k == 0) v = lo;
        if (k == 64) v = hi;
        if (v < lo) v = lo;
        if (v > hi) v = hi;
        int level = ts_sparkline_level(v, lo, hi);
        assert_in_range(level, 0, 7);
        assert_true(level >= prev);
        prev = level;
      }
    }
  }
}

/* The smallest positive range: two subnormals are the two ends. */
static void test_subnormals(void **state) {
  (void)state;
  assert_int_equal(ts_sparkline_level(0.0, 0.0, 5e-324), 0);
  assert_int_equal(ts_sparkline_level(5e-324, 0.0, 5e-324), 7);
  assert_int_equal(ts_sparkline_level(-5e-324, -5e-324, 5e-324), 0);
  assert_int_equal(ts_sparkline_level(0.0, -5e-324, 5e-324), 4); /* 3.5 rounds up */
  char out[3 * 3 + 1];
  const double v[3] = {0.0, 5e-324, 0.0};
  const unsigned char present[3] = {1, 1, 1};
  ts_sparkline_render(v, present, 3, out);
  assert_string_equal(out, "\xE2\x96\x81\xE2\x96\x88\xE2\x96\x81");
}

/* The whole double range, both signs. */
static void test_extremes(void **state) {
  (void)state;
  assert_int_equal(ts_sparkline_level(-DBL_MAX, -DBL_MAX, DBL_MAX), 0);
  assert_int_equal(ts_sparkline_level(DBL_MAX, -DBL_MAX, DBL_MAX), 7);
  assert_int_equal(ts_sparkline_level(0.0, -DBL_MAX, DBL_MAX), 4);
  assert_int_equal(ts_sparkline_level(DBL_MAX / 2, 0.0, DBL_MAX), 4);
  assert_int_equal(ts_sparkline_level(DBL_MAX, DBL_MAX, DBL_MAX), 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_range),
      cmocka_unit_test(test_subnormals),
      cmocka_unit_test(test_extremes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
