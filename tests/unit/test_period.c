/*
** test_period.c -- the pure period parser and calendar arithmetic
** (ext/core/period.c): every accepted form, every rejection,
** shifting, prior year, roll-up, year fraction, start and end.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "glue/glue.h"
#include "core/series.h"

/* Parses z, expecting success, and checks the canonical label. */
static ts_period parse_ok(const char *z, const char *canonical, ts_period_kind kind) {
  ts_period p;
  char buf[TS_PERIOD_LABEL_MAX];
  memset(&p, 0xAB, sizeof(p));
  if (ts_period_parse(z, -1, &p) != 0) fail_msg("rejected '%s'", z);
  ts_period_format(&p, buf);
  if (strcmp(buf, canonical) != 0) fail_msg("'%s' gave '%s', want '%s'", z, buf, canonical);
  assert_int_equal(p.kind, kind);
  return p;
}

static void label_of(const ts_period *p, char *buf) { ts_period_format(p, buf); }

static void test_accepted_forms(void **state) {
  (void)state;
  ts_period p = parse_ok("2023", "2023", TS_KIND_YEAR);
  assert_int_equal(p.year, 2023);
  assert_int_equal(p.preliminary, 0);
  parse_ok("2023-H1", "2023-H1", TS_KIND_HALF);
  parse_ok("2023H2", "2023-H2", TS_KIND_HALF);
  parse_ok("2023 H1", "2023-H1", TS_KIND_HALF);
  parse_ok("2023h2", "2023-H2", TS_KIND_HALF);
  parse_ok("2023.1/2", "2023-H1", TS_KIND_HALF);
  parse_ok("2023 2/2", "2023-H2", TS_KIND_HALF);
  p = parse_ok("2023-Q2", "2023-Q2", TS_KIND_QUARTER);
  assert_int_equal(p.sub, 2);
  parse_ok("2023Q3", "2023-Q3", TS_KIND_QUARTER);
  parse_ok("2023 Q4", "2023-Q4", TS_KIND_QUARTER);
  parse_ok("2023q1", "2023-Q1", TS_KIND_QUARTER);
  parse_ok("2023-q1", "2023-Q1", TS_KIND_QUARTER);
  parse_ok("2017.1/4", "2017-Q1", TS_KIND_QUARTER);
  parse_ok("2023 2/4", "2023-Q2", TS_KIND_QUARTER);
  p = parse_ok("2023-06", "2023-06", TS_KIND_MONTH);
  assert_int_equal(p.sub, 6);
  parse_ok("2023.06", "2023-06", TS_KIND_MONTH);
  parse_ok("202306", "2023-06", TS_KIND_MONTH);
  parse_ok("2023.12", "2023-12", TS_KIND_MONTH);
  p = parse_ok("2023-06-30", "2023-06-30", TS_KIND_DAY);
  assert_int_equal(p.sub, 6);
  assert_int_equal(p.day, 30);
  parse_ok("2023-06-30 12:00:00", "2023-06-30", TS_KIND_DAY);
  parse_ok("2023-06-30T23:59:59.123Z", "2023-06-30", TS_KIND_DAY);
  parse_ok("2023-06-30 12:00", "2023-06-30", TS_KIND_DAY);
  parse_ok("2024-02-29", "2024-02-29", TS_KIND_DAY);
  parse_ok("  2023-Q1  ", "2023-Q1", TS_KIND_QUARTER);
  parse_ok("0001", "0001", TS_KIND_YEAR);
  parse_ok("9999-12-31", "9999-12-31", TS_KIND_DAY);
}

static void test_preliminary_marks(void **state) {
  (void)state;
  ts_period p = parse_ok("2019 4/4 p)", "2019-Q4", TS_KIND_QUARTER);
  assert_int_equal(p.preliminary, 1);
  p = parse_ok("2019 4/4p)", "2019-Q4", TS_KIND_QUARTER);
  assert_int_equal(p.preliminary, 1);
  p = parse_ok("2023-06 (p)", "2023-06", TS_KIND_MONTH);
  assert_int_equal(p.preliminary, 1);
  p = parse_ok("2023p", "2023", TS_KIND_YEAR);
  assert_int_equal(p.preliminary, 1);
  p = parse_ok("2023.06 P", "2023-06", TS_KIND_MONTH);
  assert_int_equal(p.preliminary, 1);
  p = parse_ok("2023 1/2", "2023-H1", TS_KIND_HALF);
  assert_int_equal(p.preliminary, 0);
  /* The forms agencies and people write. */
  parse_ok("January 2016", "2016-01", TS_KIND_MONTH);
  parse_ok("Sept 2019", "2019-09", TS_KIND_MONTH);
  parse_ok("dec-2020", "2020-12", TS_KIND_MONTH);
  parse_ok("2023/6", "2023-06", TS_KIND_MONTH);
  parse_ok("2023-6", "2023-06", TS_KIND_MONTH);
  parse_ok("2023M06", "2023-06", TS_KIND_MONTH);
  parse_ok("Q2 2023", "2023-Q2", TS_KIND_QUARTER);
  parse_ok("2Q2023", "2023-Q2", TS_KIND_QUARTER);
  parse_ok("2023\xEB\x85\x84 6\xEC\x9B\x94", "2023-06", TS_KIND_MONTH);
  parse_ok("2023\xEB\x85\x84 2/4\xEB\xB6\x84\xEA\xB8\xB0", "2023-Q2", TS_KIND_QUARTER);
  parse_ok("2023\xEB\x85\x84 \xED\x95\x98\xEB\xB0\x98\xEA\xB8\xB0", "2023-H2", TS_KIND_HALF);
  p = parse_ok("2023\xEB\x85\x84 p)", "2023", TS_KIND_YEAR);
  assert_int_equal(p.preliminary, 1);
}

static void test_rejections(void **state) {
  (void)state;
  static const char *const bad[] = {
      "2023-13", "2023-00", "2023-Q5", "2023-Q0", "2023-H3", "0000", "99999-01", "", "   ",
      "2023-02-30", "2023-02-29", "2023-04-31", "2023-06-00", "garbage", "2023-", "2023-0", "20231",
      "2023 5/4", "2023.3/2", "2023.13", "202313", "2023-06-30 25:00", "2023-06-30x",
      "2023-06-30 12:00:00 UTC", "p", "(p)", "2023 pp", "23-06", "2023/13", "-2023", "2023-Q1-01",
      /* the forms agencies write, malformed */
      "2023/", "2023/123", "2023M", "2023M13", "2023M0", "Janu 2016", "Jan 16", "Jan", "Q5 2023",
      "Q0 2023", "5Q2023", "3H2023", "Q2 20234", "2023\xEB\x85\x84 13\xEC\x9B\x94",
      "2023\xEB\x85\x84 5\xEB\xB6\x84\xEA\xB8\xB0", "2023\xEB\x85\x84 0\xEC\x9B\x94",
      "2023\xEB\x85\x84 6", "2023\xEB\x85", "Smarch 2020", "Q2-", "1Q"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    ts_period p;
    if (ts_period_parse(bad[i], -1, &p) == 0) fail_msg("accepted '%s'", bad[i]);
  }
  ts_period p;
  assert_int_not_equal(ts_period_parse(NULL, -1, &p), 0);
  /* Length-bounded: "2023-06" cut to 6 bytes is "2023-0", not a month. */
  assert_int_not_equal(ts_period_parse("2023-06", 6, &p), 0);
  assert_int_equal(ts_period_parse("2023-06xyz", 7, &p), 0);
  assert_int_equal(p.kind, TS_KIND_MONTH);
}

static void test_integer_periods(void **state) {
  (void)state;
  ts_period p;
  char buf[TS_PERIOD_LABEL_MAX];
  assert_int_equal(ts_period_from_int(2023, &p), 0);
  label_of(&p, buf);
  assert_string_equal(buf, "2023");
  assert_int_equal(ts_period_from_int(202306, &p), 0);
  label_of(&p, buf);
  assert_string_equal(buf, "2023-06");
  assert_int_equal(ts_period_from_int(180001, &p), 0);
  label_of(&p, buf);
  assert_string_equal(buf, "1800-01");
  assert_int_equal(ts_period_from_int(219912, &p), 0);
  /* YYYYMM of the years 1800..2199 only: 230101 is YYMMDD's 2023-01-01 */
  assert_int_not_equal(ts_period_from_int(100001, &p), 0);
  assert_int_not_equal(ts_period_from_int(179912, &p), 0);
  assert_int_not_equal(ts_period_from_int(220001, &p), 0);
  assert_int_not_equal(ts_period_from_int(230101, &p), 0);
  assert_int_not_equal(ts_period_from_int(0, &p), 0);
  /* 1800..2199 only: 1..999 are month or quarter numbers, 1000..9999
  ** outside as often R's day counts (9131 is 1995-01-01) */
  assert_int_not_equal(ts_period_from_int(1, &p), 0);
  assert_int_not_equal(ts_period_from_int(12, &p), 0);
  assert_int_not_equal(ts_period_from_int(999, &p), 0);
  assert_int_not_equal(ts_period_from_int(1000, &p), 0);
  assert_int_not_equal(ts_period_from_int(1799, &p), 0);
  assert_int_equal(ts_period_from_int(1800, &p), 0);
  label_of(&p, buf);
  assert_string_equal(buf, "1800");
  assert_int_equal(ts_period_from_int(2199, &p), 0);
  label_of(&p, buf);
  assert_string_equal(buf, "2199");
  assert_int_not_equal(ts_period_from_int(2200, &p), 0);
  assert_int_not_equal(ts_period_from_int(9131, &p), 0);
  assert_int_not_equal(ts_period_from_int(-2023, &p), 0);
  assert_int_not_equal(ts_period_from_int(10000, &p), 0);
  assert_int_not_equal(ts_period_from_int(202313, &p), 0);
  assert_int_not_equal(ts_period_from_int(202300, &p), 0);
  assert_int_not_equal(ts_period_from_int(INT64_MAX, &p), 0);
  assert_int_not_equal(ts_period_from_int(INT64_MIN, &p), 0);
}

static void test_kind_names(void **state) {
  (void)state;
  assert_int_equal(ts_period_kind_from_name("Quarter"), TS_KIND_QUARTER);
  assert_int_equal(ts_period_kind_from_name("day"), TS_KIND_DAY);
  assert_int_equal(ts_period_kind_from_name("week"), TS_KIND_NONE);
  assert_int_equal(ts_period_kind_from_name("years"), TS_KIND_NONE);
  assert_int_equal(ts_period_kind_from_name(NULL), TS_KIND_NONE);
  assert_string_equal(ts_period_kind_name(TS_KIND_HALF), "half");
  assert_string_equal(ts_period_kind_name(TS_KIND_NONE), "none");
}

/* Shifts label by n; returns the label, or "" when out of range. */
static const char *shifted(const char *label, int64_t n, char *buf) {
  ts_period p, out;
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  if (ts_period_shift(&p, n, &out))
    buf[0] = 0;
  else
    ts_period_format(&out, buf);
  return buf;
}

static void test_shift(void **state) {
  (void)state;
  char buf[TS_PERIOD_LABEL_MAX];
  assert_string_equal(shifted("2023-Q1", -1, buf), "2022-Q4");
  assert_string_equal(shifted("2023-Q4", 1, buf), "2024-Q1");
  assert_string_equal(shifted("2023-H2", 3, buf), "2025-H1");
  assert_string_equal(shifted("2023-12", 1, buf), "2024-01");
  assert_string_equal(shifted("2023-01", -13, buf), "2021-12");
  assert_string_equal(shifted("2023-06", 0, buf), "2023-06");
  assert_string_equal(shifted("2023", -2023 + 1, buf), "0001");
  assert_string_equal(shifted("2023-12-31", 1, buf), "2024-01-01");
  assert_string_equal(shifted("2024-02-28", 1, buf), "2024-02-29");
  assert_string_equal(shifted("2023-02-28", 1, buf), "2023-03-01");
  assert_string_equal(shifted("2024-03-01", -366, buf), "2023-03-01");
  assert_string_equal(shifted("1970-01-01", -1, buf), "1969-12-31");
  /* Limits: years 1..9999, and huge n never overflows. */
  assert_string_equal(shifted("9999-12", 1, buf), "");
  assert_string_equal(shifted("0001-01", -1, buf), "");
  assert_string_equal(shifted("9999", 1, buf), "");
  assert_string_equal(shifted("0001-Q1", -1, buf), "");
  assert_string_equal(shifted("9999-12-31", 1, buf), "");
  assert_string_equal(shifted("0001-01-01", -1, buf), "");
  assert_string_equal(shifted("0001-01-01", 3652058, buf), "9999-12-31");
  assert_string_equal(shifted("2023-06", INT64_MAX, buf), "");
  assert_string_equal(shifted("2023-06", INT64_MIN, buf), "");
  assert_string_equal(shifted("2023-06-01", 100000000, buf), "");
}

static const char *prior(const char *label, char *buf) {
  ts_period p, out;
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  if (ts_period_prior_year(&p, &out))
    buf[0] = 0;
  else {
    assert_int_equal(out.preliminary, 0);
    ts_period_format(&out, buf);
  }
  return buf;
}

static void test_prior_year(void **state) {
  (void)state;
  char buf[TS_PERIOD_LABEL_MAX];
  assert_string_equal(prior("2023-H1", buf), "2022-H1");
  assert_string_equal(prior("2023-Q3 p", buf), "2022-Q3");
  assert_string_equal(prior("2023-06", buf), "2022-06");
  assert_string_equal(prior("2023", buf), "2022");
  assert_string_equal(prior("2024-02-28", buf), "2023-02-28");
  assert_string_equal(prior("2025-02-28", buf), "2024-02-28");
  assert_string_equal(prior("2024-02-29", buf), "");
  assert_string_equal(prior("2024-03-01", buf), "2023-03-01");
  assert_string_equal(prior("0001", buf), "");
  assert_string_equal(prior("0001-06", buf), "");
  assert_string_equal(prior("0002-06", buf), "0001-06");
}

static const char *rollup(const char *label, ts_period_kind kind, char *buf) {
  ts_period p, out;
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  if (ts_period_rollup(&p, kind, &out))
    buf[0] = 0;
  else
    ts_period_format(&out, buf);
  return buf;
}

static void test_rollup(void **state) {
  (void)state;
  char buf[TS_PERIOD_LABEL_MAX];
  assert_string_equal(rollup("2023-05", TS_KIND_HALF, buf), "2023-H1");
  assert_string_equal(rollup("2023-07", TS_KIND_HALF, buf), "2023-H2");
  assert_string_equal(rollup("2023-06", TS_KIND_QUARTER, buf), "2023-Q2");
  assert_string_equal(rollup("2023-10", TS_KIND_QUARTER, buf), "2023-Q4");
  assert_string_equal(rollup("2023-Q3", TS_KIND_HALF, buf), "2023-H2");
  assert_string_equal(rollup("2023-Q2", TS_KIND_YEAR, buf), "2023");
  assert_string_equal(rollup("2023-06-30", TS_KIND_MONTH, buf), "2023-06");
  assert_string_equal(rollup("2023-06-30", TS_KIND_QUARTER, buf), "2023-Q2");
  assert_string_equal(rollup("2023-12-31", TS_KIND_YEAR, buf), "2023");
  assert_string_equal(rollup("2023-06-30", TS_KIND_DAY, buf), "2023-06-30");
  assert_string_equal(rollup("2023-05", TS_KIND_MONTH, buf), "2023-05");
  /* Finer than the period, or no kind: an error. */
  assert_string_equal(rollup("2023", TS_KIND_MONTH, buf), "");
  assert_string_equal(rollup("2023-H1", TS_KIND_QUARTER, buf), "");
  assert_string_equal(rollup("2023-05", TS_KIND_DAY, buf), "");
  assert_string_equal(rollup("2023-05", TS_KIND_NONE, buf), "");
}

static double fraction(const char *label) {
  ts_period p;
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  return ts_period_year_fraction(&p);
}

static void test_year_fraction(void **state) {
  (void)state;
  assert_true(fraction("2023-H1") == 0.5);
  assert_true(fraction("2023-H2") == 1.0);
  assert_true(fraction("2023-Q3") == 0.75);
  assert_true(fraction("2023-05") == 5.0 / 12.0);
  assert_true(fraction("2023") == 1.0);
  assert_true(fraction("2023-12-31") == 1.0);
  assert_true(fraction("2023-01-01") == 1.0 / 365.0);
  assert_true(fraction("2024-02-29") == 60.0 / 366.0);
  assert_true(fraction("2024-12-31") == 1.0);
}

static void start_end(const char *label, const char *start, const char *end) {
  ts_period p, out;
  char buf[TS_PERIOD_LABEL_MAX];
  assert_int_equal(ts_period_parse(label, -1, &p), 0);
  ts_period_start(&p, &out);
  ts_period_format(&out, buf);
  assert_string_equal(buf, start);
  assert_int_equal(out.kind, TS_KIND_DAY);
  ts_period_end(&p, &out);
  ts_period_format(&out, buf);
  assert_string_equal(buf, end);
}

static void test_start_end(void **state) {
  (void)state;
  start_end("2023", "2023-01-01", "2023-12-31");
  start_end("2023-H2", "2023-07-01", "2023-12-31");
  start_end("2024-Q1", "2024-01-01", "2024-03-31");
  start_end("2023-Q2", "2023-04-01", "2023-06-30");
  start_end("2024-02", "2024-02-01", "2024-02-29");
  start_end("2023-02", "2023-02-01", "2023-02-28");
  start_end("2100-02", "2100-02-01", "2100-02-28");
  start_end("2000-02", "2000-02-01", "2000-02-29");
  start_end("2023-06-15", "2023-06-15", "2023-06-15");
}

static void test_ordinals(void **state) {
  (void)state;
  static const char *const labels[] = {"0001",    "2023",       "2023-H2",    "2023-Q4",
                                       "2023-12", "2024-02-29", "1969-12-31", "9999-12-31"};
  for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
    ts_period p, back;
    char buf[TS_PERIOD_LABEL_MAX];
    assert_int_equal(ts_period_parse(labels[i], -1, &p), 0);
    assert_int_equal(ts_period_from_ordinal(p.kind, ts_period_ordinal(&p), &back), 0);
    ts_period_format(&back, buf);
    assert_string_equal(buf, labels[i]);
  }
  ts_period p;
  assert_int_equal(ts_period_parse("1970-01-01", -1, &p), 0);
  assert_int_equal(ts_period_ordinal(&p), 0);
  assert_int_not_equal(ts_period_from_ordinal(TS_KIND_MONTH, 11, &p), 0);
  assert_int_not_equal(ts_period_from_ordinal(TS_KIND_NONE, 5, &p), 0);
  assert_int_equal(ts_period_parse("2024-12-31", -1, &p), 0);
  assert_int_equal(ts_period_position(&p), 366);
  assert_int_equal(ts_periods_in_year(&p), 366);
  assert_int_equal(ts_days_in_month(2023, 13), 0);
  assert_int_equal(ts_days_in_month(1900, 2), 28);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_accepted_forms), cmocka_unit_test(test_preliminary_marks),
      cmocka_unit_test(test_rejections),     cmocka_unit_test(test_integer_periods),
      cmocka_unit_test(test_kind_names),     cmocka_unit_test(test_shift),
      cmocka_unit_test(test_prior_year),     cmocka_unit_test(test_rollup),
      cmocka_unit_test(test_year_fraction),  cmocka_unit_test(test_start_end),
      cmocka_unit_test(test_ordinals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
