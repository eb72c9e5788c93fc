/*
** test_period_month_fast.c -- ts_period_parse_month (core/period.c), the
** window's per-row reader of a 'YYYY-MM' label, against ts_period_parse,
** the general parser it shortcuts:
**
**  - every 'YYYY-MM' of years 0000-9999 and months 00-99: the fast path
**    accepts exactly the labels with year 1-9999 and month 01-12, all of
**    which the general parser accepts, with the same period, and gives
**    ts_period_ordinal of it;
**  - every byte value in every position of '2023-06', and labels that look
**    canonical but are not ('2023-1', ' 2023-01', '2023-01 ', '2023/01',
**    '+023-01', '2023-01p)', NUL inside): the fast path refuses them all
**    (the caller then asks the general parser), so a label it reads is
**    never one the general parser reads otherwise.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/period.h"

/* Fast and general readings of z[0..n): either the fast path refuses, or
** both accept with the same period and the fast ordinal is the period's. */
static int check_label(const char *z, int n) {
  ts_period fast, general;
  int64_t ordinal = -1;
  memset(&fast, 0x55, sizeof(fast));
  memset(&general, 0x55, sizeof(general));
  int rf = ts_period_parse_month(z, n, &fast, &ordinal);
  if (rf != 0) return 0;
  int rg = ts_period_parse(z, n, &general);
  if (rg != 0) fail_msg("'%.*s': fast path accepts, general parser refuses", n, z);
  if (fast.kind != general.kind || fast.year != general.year || fast.sub != general.sub ||
      fast.day != general.day || fast.preliminary != general.preliminary)
    fail_msg("'%.*s': fast %d/%d/%d/%d/%d, general %d/%d/%d/%d/%d", n, z, fast.kind, fast.year,
             fast.sub, fast.day, fast.preliminary, general.kind, general.year, general.sub,
             general.day, general.preliminary);
  if (ordinal != ts_period_ordinal(&general))
    fail_msg("'%.*s': fast ordinal %lld, ts_period_ordinal %lld", n, z, (long long)ordinal,
             (long long)ts_period_ordinal(&general));
  return 1;
}

static void test_every_month_label(void **state) {
  (void)state;
  char z[16];
  for (int year = 0; year <= 9999; year++) {
    for (int month = 0; month <= 99; month++) {
      snprintf(z, sizeof(z), "%04d-%02d", year, month);
      int accepted = check_label(z, 7);
      int valid = year >= 1 && month >= 1 && month <= 12;
      if (accepted != valid) fail_msg("'%s': fast path %s it", z, accepted ? "accepts" : "refuses");
    }
  }
}

static void test_every_byte_everywhere(void **state) {
  (void)state;
  const char *base = "2023-06";
  int accepted = 0;
  for (int pos = 0; pos < 7; pos++) {
    for (int c = 0; c < 256; c++) {
      char z[8];
      memcpy(z, base, 8);
      z[pos] = (char)c;
      int ok = check_label(z, 7);
      accepted += ok;
      /* Only digits keep it a month (where the month stays 01-12), and
      ** the dash only where it is. */
      int keeps = pos == 4 ? c == '-' : c >= '0' && c <= '9';
      if (ok && !keeps) fail_msg("byte %d at %d accepted", c, pos);
    }
  }
  assert_true(accepted > 40);
}

static void test_near_canonical(void **state) {
  (void)state;
  static const char *const refused[] = {
      "2023-1",   " 2023-01", "2023-01 ", "2023/01",  "2023.01",    "2023M01",    "+023-01",
      "-023-01",  "2023-13",  "2023-00",  "0000-01",  "2023-01p)",  "202301",     "2023-1-",
      "2023--01", "2023-Q1",  "2023-H1",  "23-01-01", "2023-01-01", "２０２３-01"};
  for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
    ts_period p;
    int64_t ordinal;
    int n = (int)strlen(refused[i]);
    if (ts_period_parse_month(refused[i], n, &p, &ordinal) == 0)
      fail_msg("'%s' read by the fast path", refused[i]);
  }
  /* NUL inside, and the right bytes with the wrong length. */
  ts_period p;
  int64_t ordinal;
  assert_int_not_equal(ts_period_parse_month("2023-0\0", 7, &p, &ordinal), 0);
  assert_int_not_equal(ts_period_parse_month("2023-01", 6, &p, &ordinal), 0);
  assert_int_not_equal(ts_period_parse_month("2023-011", 8, &p, &ordinal), 0);
  assert_int_equal(ts_period_parse_month("2023-01x", 7, &p, &ordinal), 0);
  assert_int_equal(p.year * 100 + p.sub, 202301);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_month_label),
      cmocka_unit_test(test_every_byte_everywhere),
      cmocka_unit_test(test_near_canonical),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
