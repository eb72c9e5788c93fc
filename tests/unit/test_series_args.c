/*
** test_series_args.c -- the series virtual tables' argument handling
** (ext/series_args.c): quoting, schema.table, by= lists, key=value
** arguments, the declared schema and its name clash check.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "vtab/series_source.h"

static void spec_init(ts_source_spec *spec) {
  memset(spec, 0, sizeof(*spec));
  spec->zModule = "test";
}

static void test_table_names(void **state) {
  (void)state;
  ts_source_spec spec;
  spec_init(&spec);
  assert_int_equal(ts_source_set_table(&spec, "direct_trade"), SQLITE_OK);
  assert_null(spec.zSchema);
  assert_string_equal(spec.zTable, "direct_trade");
  assert_int_equal(ts_source_set_table(&spec, " main . t "), SQLITE_OK);
  assert_string_equal(spec.zSchema, "main");
  assert_string_equal(spec.zTable, "t");
  /* A dot inside quotes is part of the name; doubled quotes unescape. */
  assert_int_equal(ts_source_set_table(&spec, "\"a.b\""), SQLITE_OK);
  assert_null(spec.zSchema);
  assert_string_equal(spec.zTable, "a.b");
  assert_int_equal(ts_source_set_table(&spec, "temp.\"x\"\"; DROP TABLE t; --\""), SQLITE_OK);
  assert_string_equal(spec.zSchema, "temp");
  assert_string_equal(spec.zTable, "x\"; DROP TABLE t; --");
  assert_int_equal(ts_source_set_table(&spec, "[my table]"), SQLITE_OK);
  assert_string_equal(spec.zTable, "my table");
  assert_int_equal(ts_source_set_table(&spec, "'it''s'"), SQLITE_OK);
  assert_string_equal(spec.zTable, "it's");
  /* "main"."t" is two quoted parts, not one name main"."t. */
  assert_int_equal(ts_source_set_table(&spec, "\"main\".\"t\""), SQLITE_OK);
  assert_string_equal(spec.zSchema, "main");
  assert_string_equal(spec.zTable, "t");
  assert_int_equal(ts_source_set_name(&spec.zTable, "\"a\".\"b\""), SQLITE_OK);
  assert_string_equal(spec.zTable, "\"a\".\"b\"");
  assert_int_equal(ts_source_set_table(&spec, "``"), SQLITE_ERROR);
  assert_int_equal(ts_source_set_table(&spec, NULL), SQLITE_ERROR);
  ts_source_spec_clear(&spec);
  assert_null(spec.zTable);
  assert_string_equal(spec.zModule, "test");
}

static void test_by_lists(void **state) {
  (void)state;
  ts_source_spec spec;
  char *zErr = NULL;
  spec_init(&spec);
  assert_int_equal(ts_source_set_by(&spec, "flow, partner,\"a,b\"", &zErr), SQLITE_OK);
  assert_int_equal(spec.nBy, 3);
  assert_string_equal(spec.azBy[0], "flow");
  assert_string_equal(spec.azBy[1], "partner");
  assert_string_equal(spec.azBy[2], "a,b");
  assert_int_equal(ts_source_set_by(&spec, "a,,b", &zErr), SQLITE_ERROR);
  assert_string_equal(zErr, "test: by= has an empty column name: 'a,,b'");
  sqlite3_free(zErr);
  zErr = NULL;
  char many[200] = "c0";
  for (int i = 1; i <= TS_MAX_BY; i++) sprintf(many + strlen(many), ",c%d", i);
  assert_int_equal(ts_source_set_by(&spec, many, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr,
                      "test: by= names more than 16 columns: "
                      "'c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16'");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);
}

static void test_key_values(void **state) {
  (void)state;
  char *zKey, *zValue, *zErr = NULL;
  assert_int_equal(ts_parse_kv("m", " by = 'flow, partner' ", &zKey, &zValue, &zErr), SQLITE_OK);
  assert_string_equal(zKey, "by");
  assert_string_equal(zValue, "flow, partner");
  sqlite3_free(zKey);
  sqlite3_free(zValue);
  /* '=' inside quotes does not split. */
  assert_int_equal(ts_parse_kv("m", "source=\"a=b\"", &zKey, &zValue, &zErr), SQLITE_OK);
  assert_string_equal(zValue, "a=b");
  sqlite3_free(zKey);
  sqlite3_free(zValue);
  assert_int_equal(ts_parse_kv("m", "direct_trade", &zKey, &zValue, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr, "m: argument is not key=value: 'direct_trade'");
  sqlite3_free(zErr);
  zErr = NULL;
  assert_int_equal(ts_parse_kv("m", "=x", &zKey, &zValue, &zErr), SQLITE_ERROR);
  sqlite3_free(zErr);
}

static void test_configure(void **state) {
  (void)state;
  ts_source_spec spec;
  char *zErr = NULL;
  char *azExtra[1] = {NULL};
  static const char *const extra[] = {"method"};
  spec_init(&spec);
  const char *const ok[] = {"source=main.t", "value=amount",  "period=[p]",
                            "by='a, b'",     "grain=Quarter", "method=auto"};
  assert_int_equal(ts_source_configure(&spec, 6, ok, extra, 1, azExtra, &zErr), SQLITE_OK);
  assert_string_equal(spec.zSchema, "main");
  assert_string_equal(spec.zPeriod, "p");
  assert_int_equal(spec.nBy, 2);
  assert_int_equal(spec.grain, TS_KIND_QUARTER);
  assert_string_equal(azExtra[0], "auto");
  sqlite3_free(azExtra[0]);
  ts_source_spec_clear(&spec);

  const char *const bad_grain[] = {"source=t", "period=p", "grain=day"};
  assert_int_equal(ts_source_configure(&spec, 3, bad_grain, NULL, 0, NULL, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr, "test: grain must be year, half, quarter or month: 'day'");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);

  const char *const unknown[] = {"source=t", "colour=red"};
  assert_int_equal(ts_source_configure(&spec, 2, unknown, extra, 1, azExtra, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr,
                      "test: unknown argument \"colour\" (expected source, value, period, by, "
                      "grain, scan, method)");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);

  const char *const twice[] = {"source=t", "period=p", "grain=year", "GRAIN=half"};
  assert_int_equal(ts_source_configure(&spec, 4, twice, NULL, 0, NULL, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr, "test: argument GRAIN= is given twice");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);

  const char *const missing[] = {"source=t"};
  assert_int_equal(ts_source_configure(&spec, 1, missing, NULL, 0, NULL, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr, "test: missing argument period=");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);

  /* A value in identifier quotes is one name; in single quotes, a text
  ** holding schema.table; each part of schema.table may be quoted. */
  const char *const quoted[] = {"source=\"x.y\"", "value=\"\"\"v\"\"\"", "period=[a.b]"};
  assert_int_equal(ts_source_configure(&spec, 3, quoted, NULL, 0, NULL, &zErr), SQLITE_OK);
  assert_null(spec.zSchema);
  assert_string_equal(spec.zTable, "x.y");
  assert_string_equal(spec.azValue[0], "\"v\"");
  assert_string_equal(spec.zPeriod, "a.b");
  ts_source_spec_clear(&spec);
  const char *const split[] = {"source='x.y'", "period=p"};
  assert_int_equal(ts_source_configure(&spec, 2, split, NULL, 0, NULL, &zErr), SQLITE_OK);
  assert_string_equal(spec.zSchema, "x");
  assert_string_equal(spec.zTable, "y");
  ts_source_spec_clear(&spec);
  const char *const parts[] = {"source=\"te mp\".\"a.b\"", "period=p"};
  assert_int_equal(ts_source_configure(&spec, 2, parts, NULL, 0, NULL, &zErr), SQLITE_OK);
  assert_string_equal(spec.zSchema, "te mp");
  assert_string_equal(spec.zTable, "a.b");
  ts_source_spec_clear(&spec);

  /* A long key is cut in the message. */
  char long_key[200];
  memset(long_key, 'k', 100);
  strcpy(long_key + 100, "=1");
  const char *const long_arg[] = {"source=t", long_key};
  assert_int_equal(ts_source_configure(&spec, 2, long_arg, NULL, 0, NULL, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr,
                      "test: unknown argument "
                      "\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\" "
                      "(expected source, value, period, by, grain, scan)");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);

  const char *const empty[] = {"source=''", "period=p"};
  assert_int_equal(ts_source_configure(&spec, 2, empty, NULL, 0, NULL, &zErr), SQLITE_ERROR);
  assert_string_equal(zErr, "test: source= needs a name");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);
}

static void test_schema(void **state) {
  (void)state;
  ts_source_spec spec;
  char *zErr = NULL;
  static const char *const result[] = {"period TEXT", "value"};
  static const char *const args[] = {"source"};
  spec_init(&spec);
  char *z = ts_series_schema(NULL, result, 2, args, 1, &zErr);
  assert_string_equal(z, "CREATE TABLE x(series, period TEXT, value, source HIDDEN)");
  sqlite3_free(z);
  assert_int_equal(ts_source_set_by(&spec, "\"we\"\"ird\", b", &zErr), SQLITE_OK);
  z = ts_series_schema(&spec, result, 2, NULL, 0, &zErr);
  assert_string_equal(z, "CREATE TABLE x(\"we\"\"ird\", \"b\", period TEXT, value)");
  sqlite3_free(z);
  assert_int_equal(ts_source_set_by(&spec, "VALUE", &zErr), SQLITE_OK);
  assert_null(ts_series_schema(&spec, result, 2, NULL, 0, &zErr));
  assert_string_equal(zErr, "test: by column \"VALUE\" has the name of a result column");
  sqlite3_free(zErr);
  ts_source_spec_clear(&spec);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_table_names), cmocka_unit_test(test_by_lists),
      cmocka_unit_test(test_key_values),  cmocka_unit_test(test_configure),
      cmocka_unit_test(test_schema),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
