/*
** test_kosis.c -- the pure cores of kosis_csv (kosis_text.c decoding and
** CSV records, kosis_parse.c layouts and values) and of sparkline.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kosis/kosis_text.h"
#include "sparkline/sparkline.h"

static int parse(const char *z, ts_kosis_table *t, char **pzErr) {
  return ts_kosis_parse(z, strlen(z), t, pzErr);
}

static void test_wide_utf8(void **state) {
  (void)state;
  ts_kosis_table t;
  char *zErr = NULL;
  const char *csv = "\"지역\",\"유형\",2018 4/4,2019 1/4 p)\r\n\"서울\",\"계\",\"1,200\",-\r\n\r\n";
  assert_int_equal(parse(csv, &t, &zErr), SQLITE_OK);
  assert_null(zErr);
  assert_int_equal(t.layout, TS_KOSIS_WIDE);
  assert_int_equal(t.encoding, TS_KOSIS_UTF8);
  assert_int_equal(t.nDim, 2);
  assert_string_equal(t.azDimName[0], "지역");
  assert_int_equal(t.nRecord, 1);
  assert_int_equal(t.nCell, 2);
  assert_string_equal(t.aPeriod[0].canonical, "2018-Q4");
  assert_string_equal(t.aPeriod[1].label, "2019 1/4 p)");
  assert_int_equal(t.aPeriod[1].period.preliminary, 1);
  assert_false(t.aCell[0].is_null);
  assert_true(t.aCell[0].value.is_int);
  assert_int_equal(t.aCell[0].value.i, 1200);
  assert_true(t.aCell[1].is_null);
  ts_kosis_clear(&t);
}

static void test_long_cp949_and_bom(void **state) {
  (void)state;
  ts_kosis_table t;
  char *zErr = NULL;
  /* 시점 = BD C3 C1 A1, 데이터 = B5 A5 C0 CC C5 CD in CP949 */
  const char *cp949 = "\"\xBD\xC3\xC1\xA1\",\"\xB5\xA5\xC0\xCC\xC5\xCD\"\n2017.1/4,12.5\n";
  assert_int_equal(parse(cp949, &t, &zErr), SQLITE_OK);
  assert_int_equal(t.encoding, TS_KOSIS_CP949);
  assert_int_equal(t.layout, TS_KOSIS_LONG);
  assert_int_equal(t.nDim, 0);
  assert_int_equal(t.nCell, 1);
  assert_string_equal(t.aPeriod[0].canonical, "2017-Q1");
  assert_false(t.aCell[0].value.is_int);
  assert_true(t.aCell[0].value.d == 12.5);
  ts_kosis_clear(&t);
  const char *bom = "\xEF\xBB\xBF\"a\",2019\n\"x\"\"y\",3\n";
  assert_int_equal(parse(bom, &t, &zErr), SQLITE_OK);
  assert_int_equal(t.encoding, TS_KOSIS_UTF8_BOM);
  assert_string_equal(t.azDimName[0], "a");
  assert_string_equal(t.azDim[0], "x\"y");
  ts_kosis_clear(&t);
}

static void expect_error(const char *csv, const char *zExpected) {
  ts_kosis_table t;
  char *zErr = NULL;
  assert_int_equal(parse(csv, &t, &zErr), SQLITE_ERROR);
  assert_non_null(zErr);
  assert_string_equal(zErr, zExpected);
  assert_null(t.zText);
  sqlite3_free(zErr);
}

static void test_errors(void **state) {
  (void)state;
  expect_error("", "line 1: the file is empty");
  expect_error("\n\r\n", "line 1: the file is empty");
  expect_error("a,2019\nb,1\nc\n", "line 3: 1 fields, but the header (line 1) has 2");
  expect_error("a,2019\n\"b\nc\",1\nd\n", "line 4: 1 fields, but the header (line 1) has 2");
  expect_error("a,2019\nb,\"1\n",
               "line 2: unterminated quoted field (field 2; the closing \" is missing)");
  expect_error("a,2019\n\"b\"c,1\n", "line 2: text after the closing quote of field 1");
  expect_error("a,2019\nb,1e999\n",
               "line 2: column \"2019\": value is not a finite number: '1e999'");
  expect_error("a,2019\nb,1,2\n", "line 2: 3 fields, but the header (line 1) has 2");
  expect_error("a,b\nc,d\n",
               "line 1: no period columns such as '2019 4/4' (wide layout) and no"
               " \"시점\" and \"데이터\" columns (long layout)");
  expect_error("a,2019,2019\nb,1,2\n",
               "line 1: columns 2 and 3 are the same period 2019"
               " (one value per period and row is supported)");
  expect_error("A,a,2019\nb,c,1\n", "line 1: columns 1 and 2 are both named \"a\"");
  expect_error(",2019\nb,1\n", "line 1: column 1 has no name");
  /* two frequencies of one series that overlap in time */
  expect_error(
      "\xEC\x8B\x9C\xEC\xA0\x90,r,\xEB\x8D\xB0\xEC\x9D\xB4\xED\x84\xB0\n"
      "2019.1/2,A,1\n2019.07,A,2\n2019-01-01,B,3\n2019 3/4,A,3\n",
      "line 5: period 2019-Q3 overlaps in time period 2019-07 of line 3, with the same"
      " dimension values (two frequencies in one file: a sum over the year would count"
      " it twice; download one frequency per file)");
  expect_error("r,2019 4/4,2019.12\nA,1,2\n",
               "line 1: columns 2 and 3 overlap in time: 2019-Q4 and 2019-12 (two frequencies in"
               " one file: a sum over the year would count it twice; download one frequency per"
               " file)");
  /* one series in two units (a unit column that changes within it) */
  expect_error("a,UNIT_NM,2018,2019\nb,kg,1,-\nc,t,1,2\nb,t,-,2\n",
               "line 4: unit 't' (column \"UNIT_NM\"), but line 2 has 'kg' and the same other"
               " dimension values (one series in two units would mix their scales: convert it"
               " to one unit)");
  expect_error("a,2019\n\xFF,1\n",
               "line 2: the text is neither UTF-8 nor CP949 (it reads as UTF-8 up to byte 0xff)");
  /* glibc's iconv steps past the two bytes 0xA2 0xE8 before refusing them:
  ** the message names the first of them, also when they end the file */
  expect_error("a,2019\n\xB0\xA1\xA2\xE8,1\n",
               "line 2: the text is neither UTF-8 nor CP949 (it reads as CP949 up to byte 0xa2)");
  expect_error("a,2019\nb,1\xA2\xE8",
               "line 2: the text is neither UTF-8 nor CP949 (it reads as UTF-8 up to byte 0xa2)");
}

static void test_thousands(void **state) {
  (void)state;
  ts_kosis_table t;
  char *zErr = NULL;
  assert_int_equal(parse("a,2019,2020\nb,\"-1,234,567.5\",\"12,34\"\n", &t, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr, "line 2: column \"2020\": value is not a number: '12,34'");
  sqlite3_free(zErr);
  assert_int_equal(parse("a,2019\nb,\"-1,234,567.5\"\n", &t, &zErr), SQLITE_OK);
  assert_true(t.aCell[0].value.d == -1234567.5);
  ts_kosis_clear(&t);
}

/* A line ending in a comma: the header's trailing empty cells name no
** column (a record may have them or not); a value under one, or a field
** past the header, is an error. */
static void test_trailing_columns(void **state) {
  (void)state;
  ts_kosis_table t;
  char *zErr = NULL;
  assert_int_equal(parse("a,2019,2020,,\r\nb,1,2,,\r\nc,3,4\r\n", &t, &zErr), SQLITE_OK);
  assert_int_equal(t.nDim, 1);
  assert_int_equal(t.nPeriod, 2);
  assert_int_equal(t.nRecord, 2);
  assert_int_equal(t.nCell, 4);
  assert_int_equal(t.aCell[3].value.i, 4);
  ts_kosis_clear(&t);
  expect_error("a,2019,,\nb,1,,5\n",
               "line 2: column 4 holds '5', but its header (line 1) is empty");
  expect_error("a,2019,\nb,1,,\n", "line 2: 4 fields, but the header (line 1) has 3");
  expect_error("a,2019,2020,\nb,1\n", "line 2: 2 fields, but the header (line 1) has 4");
}

static void test_sparkline_core(void **state) {
  (void)state;
  assert_int_equal(ts_sparkline_level(0, 0, 7), 0);
  assert_int_equal(ts_sparkline_level(7, 0, 7), 7);
  assert_int_equal(ts_sparkline_level(40, 0, 100), 3); /* 2.8 -> 3 */
  assert_int_equal(ts_sparkline_level(60, 0, 100), 4); /* 4.2 -> 4 */
  assert_int_equal(ts_sparkline_level(5, 5, 5), 3);    /* flat: half height */
  assert_int_equal(ts_sparkline_level(1e308, -1e308, 1e308), 7);
  assert_int_equal(ts_sparkline_level(0, -1e308, 1e308), 4); /* 3.5 rounds up */
  double v[4] = {1, 0, 8, 4.5};
  unsigned char present[4] = {1, 0, 1, 1};
  char out[3 * 4 + 1];
  ts_sparkline_render(v, present, 4, out);
  assert_string_equal(out, "\xE2\x96\x81 \xE2\x96\x88\xE2\x96\x85"); /* ▁ █▅ */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wide_utf8),      cmocka_unit_test(test_long_cp949_and_bom),
      cmocka_unit_test(test_errors),         cmocka_unit_test(test_thousands),
      cmocka_unit_test(test_sparkline_core), cmocka_unit_test(test_trailing_columns),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
