/*
** test_fast_paths.c -- every fast path of the streaming scan against the
** slow meaning it shortcuts:
**
**  - ts_period_parse reads 'YYYY-MM' and 'YYYY-MM-DD' without the general
**    path (core/period.c, parse_canonical).  The general path trims white
**    space first, so a label with one leading space is the slow meaning of
**    the label: both must agree on every label form of
**    docs/reference/period.md and on hostile bytes (signs, white space,
**    NUL bytes, overlong digits, bytes above 0x7F, every byte in every
**    position of '2023-06'), and on every 'YYYY-MM' of years 0000-9999,
**    checked also against the rule itself (year 1-9999, month 01-12),
**    and on every 'YYYY-MM-DD' of months 00-19 and days 00-39 in years
**    at the edges and the leap rules, checked against the calendar.
**  - ts_growth_yoy (and ts_growth_yoy_half, its fields alone) finds the
**    prior year of months, quarters, halves and years by ordinal
**    arithmetic; ts_growth_at (the one-shot engine, by
**    the calendar) is its meaning: prior_index, growth and the note's
**    growth part must be equal for every point of series of every kind
**    with gaps, year 1 and year 9999 at the edges, zeros and incomplete
**    points.
**  - The scan keeps the last period label it parsed (vtab/series_scan.c,
**    value_period): rows whose labels repeat, change by a byte, carry a
**    preliminary mark, or are longer than the kept copy give the sums of
**    GROUP BY over each label read on its own (period_normalize).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glue/glue.h"
#include "core/series.h"
#include "vtab/series_hash.h"
#include "vtab/series_hash_int.h"

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

/* Fast (as given) and slow (one leading space) readings of z[0..n). */
static void check_label(const char *z, int n) {
  char slow[128];
  ts_period a, b;
  assert_true(n + 1 < (int)sizeof(slow));
  slow[0] = ' ';
  memcpy(slow + 1, z, (size_t)n);
  memset(&a, 0x55, sizeof(a));
  memset(&b, 0x55, sizeof(b));
  int ra = ts_period_parse(z, n, &a), rb = ts_period_parse(slow, n + 1, &b);
  if ((ra == 0) != (rb == 0))
    fail_msg("label '%.*s' (%d bytes): fast %d, slow %d", n, z, n, ra, rb);
  if (ra != 0) return;
  if (a.kind != b.kind || a.year != b.year || a.sub != b.sub || a.day != b.day ||
      a.preliminary != b.preliminary)
    fail_msg("label '%.*s': fast %d/%d/%d/%d/%d, slow %d/%d/%d/%d/%d", n, z, a.kind, a.year, a.sub,
             a.day, a.preliminary, b.kind, b.year, b.sub, b.day, b.preliminary);
}

static void check_text(const char *z) { check_label(z, (int)strlen(z)); }

static void test_period_label_forms(void **state) {
  (void)state;
  static const char *const azForm[] = {
      /* docs/reference/period.md, every form */
      "2023", "2023년", "2023-H1", "2023H1", "2023 H1", "H1 2023", "1H2023", "2023.1/2", "2023 1/2",
      "2023년 상반기", "2023년 하반기", "2023-h2", "2023-Q2", "2023Q2", "2023 Q2", "Q2 2023",
      "Q2-2023", "2Q2023", "2Q 2023", "2023.2/4", "2023 2/4", "2023년 2/4분기", "2023년 2분기",
      "2023-q4", "2023-06", "2023.06", "2023/06", "2023/6", "2023-6", "2023M06", "2023M6", "202306",
      "2023년 6월", "2023년 06월", "June 2023", "Jun 2023", "Jun-2023", "Jun. 2023", "Jun2023",
      "JUNE, 2023", "Sept 2023", "2023-06-30", "2023-06-30 12:00:00", "2023-06-30T12:00:00Z",
      /* preliminary marks */
      "2023-06p", "2023-06 p)", "2023-06(p)", "2023-06-30p", "2023p",
      /* edges of the canonical shapes */
      "0001-01", "9999-12", "0000-01", "2023-00", "2023-13", "2023-99", "2024-02-29", "2023-02-29",
      "2023-04-31", "2023-12-31", "2023-00-10", "2023-06-00", "2023-06-32", "0000-01-01",
      /* hostile: signs, white space, separators, overlong digits */
      "+023-06", "-023-06", "2023-+6", "2023--6", "2023-0-", " 2023-06", "2023-06 ", "\t2023-06",
      "2023-06\n", "2023_06", "2023:06", "2023-06-3", "2023-06-300", "20230-06", "02023-06",
      "2023-006", "2023-06-30-", "2023-06-30 25:00", "2023-6-30", "12023-06-30", "2023-06x",
      "x2023-06", "２０２３-06", "2023-0６", "\xff\xff\xff\xff-06", "2023-\x80\x80", "", " ", "-",
      "2023-", "-06", "99999-12", "2023-06-30T", "2023-06-30 12:00:00+09:00"};
  for (size_t i = 0; i < sizeof(azForm) / sizeof(azForm[0]); i++) check_text(azForm[i]);
  /* the documented forms all parse */
  ts_period p;
  assert_int_equal(ts_period_parse("2023-06", -1, &p), 0);
  assert_int_equal(p.kind, TS_KIND_MONTH);
  assert_int_equal(ts_period_parse("2023-06-30", -1, &p), 0);
  assert_int_equal(p.kind, TS_KIND_DAY);
}

/* Every byte in every position of the canonical month and day labels,
** and NUL bytes inside a length-delimited label. */
static void test_period_every_byte(void **state) {
  (void)state;
  const char *azBase[] = {"2023-06", "2024-02-29"};
  for (int k = 0; k < 2; k++) {
    int n = (int)strlen(azBase[k]);
    char z[16];
    for (int pos = 0; pos < n; pos++) {
      for (int c = 0; c < 256; c++) {
        memcpy(z, azBase[k], (size_t)n);
        z[pos] = (char)c;
        check_label(z, n);
      }
    }
  }
  check_label("2023-06\0", 8);
  check_label("2023\0-06", 8);
  check_label(
      "\0"
      "2023-06",
      8);
  check_label("2023-0\0", 7);
  check_label("2023-06-3\0", 10);
}

/* Every 'YYYY-MM' with years 0000-9999 and months 00-19: the fast path
** against the slow one and against the rule. */
static void test_period_all_months(void **state) {
  (void)state;
  char z[16];
  for (int y = 0; y <= 9999; y++) {
    for (int m = 0; m <= 19; m++) {
      snprintf(z, sizeof(z), "%04d-%02d", y, m);
      ts_period p;
      int rc = ts_period_parse(z, 7, &p);
      int valid = y >= 1 && m >= 1 && m <= 12;
      if ((rc == 0) != valid) fail_msg("'%s': rc %d", z, rc);
      if (valid) {
        assert_int_equal(p.kind, TS_KIND_MONTH);
        assert_int_equal(p.year, y);
        assert_int_equal(p.sub, m);
        assert_int_equal(p.preliminary, 0);
      }
      if (y % 97 == 0 || y < 3 || y > 9996) check_label(z, 7);
    }
  }
}

/* Every 'YYYY-MM-DD' with months 00-19 and days 00-39 in years around
** the edges and the leap rules (0000, 0001, 1900, 2000, 2023, 2024,
** 9999, and every 97th): the one-pass reading against the slow one and
** against the calendar (year 1-9999, month 01-12, a day the month has). */
static void test_period_all_days(void **state) {
  (void)state;
  static const int aYear[] = {0, 1, 4, 100, 1900, 2000, 2023, 2024, 9996, 9999};
  char z[16];
  for (int k = 0; k < (int)(sizeof(aYear) / sizeof(aYear[0])) + 104; k++) {
    int y = k < (int)(sizeof(aYear) / sizeof(aYear[0])) ? aYear[k] : (k - 10) * 97;
    for (int m = 0; m <= 19; m++) {
      for (int d = 0; d <= 39; d++) {
        snprintf(z, sizeof(z), "%04d-%02d-%02d", y, m, d);
        ts_period p;
        int rc = ts_period_parse(z, 10, &p);
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int dim = m == 2 ? 28 + leap : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
        int valid = y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= dim;
        if ((rc == 0) != valid) fail_msg("'%s': rc %d", z, rc);
        if (valid) {
          assert_int_equal(p.kind, TS_KIND_DAY);
          assert_int_equal(p.year, y);
          assert_int_equal(p.sub, m);
          assert_int_equal(p.day, d);
          assert_int_equal(p.preliminary, 0);
        }
        check_label(z, 10);
      }
    }
  }
}

/* ---- ts_growth_yoy against ts_growth_at ------------------------------ */

#define MAX_POINTS 400

static void check_series(ts_period_kind kind, const ts_point *a, int n) {
  int compared = 0;
  for (int i = 0; i < n; i++) {
    ts_growth_row fast, slow;
    ts_growth_yoy(kind, a, n, 0, i, &fast);
    ts_growth_at(kind, a, n, 0, i, &slow);
    assert_int_equal(fast.prior_index, slow.prior_index);
    assert_int_equal(fast.growth_ok, slow.growth_ok);
    if (fast.growth_ok) assert_memory_equal(&fast.growth, &slow.growth, sizeof(double));
    /* The growth half's note: ts_growth_at then adds year-to-date notes
    ** only where the growth half left none. */
    if (fast.note) assert_ptr_equal(fast.note, slow.note);
    int ytd_note = slow.note && (strcmp(slow.note, TS_NOTE_YTD) == 0 ||
                                 strcmp(slow.note, TS_NOTE_PRIOR_YTD) == 0);
    if (!fast.growth_ok && !ytd_note) assert_ptr_equal(fast.note, slow.note);
    /* The half alone (the virtual table's growth column) writes the same
    ** four fields over whatever the row held before. */
    ts_growth_row half;
    memset(&half, 0x5a, sizeof(half));
    ts_growth_yoy_half(kind, a, n, 0, i, &half);
    assert_int_equal(half.prior_index, fast.prior_index);
    assert_int_equal(half.growth_ok, fast.growth_ok);
    if (half.growth_ok) assert_memory_equal(&half.growth, &fast.growth, sizeof(double));
    assert_ptr_equal(half.note, fast.note);
    compared += fast.growth_ok;
  }
  (void)compared;
}

/* Points of kind from year first for nYears, with gaps, zeros and an
** incomplete point; returns the count. */
static int build(ts_period_kind kind, int first, int nYears, ts_point *a, unsigned seed) {
  int n = 0, per = kind == TS_KIND_YEAR      ? 1
                   : kind == TS_KIND_HALF    ? 2
                   : kind == TS_KIND_QUARTER ? 4
                                             : 12;
  for (int y = first; y < first + nYears; y++) {
    for (int sub = 1; sub <= per && n < MAX_POINTS; sub++) {
      seed = seed * 1103515245u + 12345u;
      if ((seed >> 16) % 9 == 0) continue; /* gap */
      ts_period p = {kind, y, sub, 0, 0};
      ts_point *pt = &a[n++];
      memset(pt, 0, sizeof(*pt));
      pt->ordinal = ts_period_ordinal(&p);
      ts_number v;
      ts_number_from_int((seed >> 20) % 7 == 0 ? 0 : (int64_t)((seed >> 8) % 5000) - 1000, &v);
      ts_sum_add(&pt->sum[0], &v);
      pt->incomplete[0] = (seed >> 24) % 13 == 0;
    }
  }
  return n;
}

static void test_growth_yoy_fast(void **state) {
  (void)state;
  static ts_point a[MAX_POINTS];
  const ts_period_kind kinds[] = {TS_KIND_YEAR, TS_KIND_HALF, TS_KIND_QUARTER, TS_KIND_MONTH};
  const int firsts[] = {1, 2, 2019, 9990};
  for (size_t k = 0; k < 4; k++) {
    for (size_t f = 0; f < 4; f++) {
      for (unsigned seed = 1; seed < 6; seed++) {
        int years = kinds[k] == TS_KIND_YEAR ? 10 : 6;
        int n = build(kinds[k], firsts[f], years, a, seed);
        check_series(kinds[k], a, n);
      }
    }
  }
  /* An ordinal outside years 1-9999 has no row, fast or slow. */
  memset(a, 0, sizeof(a[0]) * 2);
  a[0].ordinal = 5; /* below year 1 of months */
  a[1].ordinal = (int64_t)10000 * 12;
  ts_number v;
  ts_number_from_int(5, &v);
  ts_sum_add(&a[0].sum[0], &v);
  ts_sum_add(&a[1].sum[0], &v);
  check_series(TS_KIND_MONTH, a, 2);
  /* Days keep the calendar path: 29 February has no prior. */
  ts_period d1 = {TS_KIND_DAY, 2023, 2, 28, 0}, d2 = {TS_KIND_DAY, 2024, 2, 29, 0};
  a[0].ordinal = ts_period_ordinal(&d1);
  a[1].ordinal = ts_period_ordinal(&d2);
  check_series(TS_KIND_DAY, a, 2);
}

/* ---- INTEGER growth's short way ------------------------------------- */

/* ts_growth_exact's general steps, without ts_growth_small: the rate of
** the exact difference over the exact base, the roundings of both
** carried (ts_percent_ratio). */
static int growth_exact_general(int64_t current, int64_t previous, double *out) {
  ts_int128 cur = ts_i128_from_i64(current), pre = ts_i128_from_i64(previous);
  double prev, plo, d, lo;
  ts_i128_split(pre, &prev, &plo);
  if (prev == 0.0) return 1;
  ts_i128_split(ts_i128_sub(cur, pre), &d, &lo);
  double g = ts_percent_ratio(d, lo, fabs(prev), prev < 0 ? -plo : plo);
  if (!isfinite(g)) return 1;
  *out = g;
  return 0;
}

static uint64_t xorshift(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* An integer near one of the short way's edges (2^45, 2^46 and their
** negatives), small, or anywhere in 64 bits. */
static int64_t edge_integer(uint64_t *s) {
  const int64_t b = (int64_t)1 << 46;
  int64_t r = (int64_t)(xorshift(s) % 9) - 4;
  switch (xorshift(s) % 6) {
    case 0: return b + r;
    case 1: return -b + r;
    case 2: return b / 2 + r;
    case 3: return -b / 2 + r;
    case 4: return (int64_t)(xorshift(s) % 2001) - 1000;
    default: return (int64_t)(xorshift(s) >> (xorshift(s) % 64)) * ((xorshift(s) & 1) ? 1 : -1);
  }
}

/* ts_growth_exact (ts_growth_small first) gives what its general steps
** give, to the bit, on pairs around the short way's bounds. */
static void test_growth_small(void **state) {
  (void)state;
  uint64_t s = 88172645463325252ULL;
  int small = 0;
  for (int k = 0; k < 200000; k++) {
    int64_t c = edge_integer(&s), p = edge_integer(&s);
    double fast = -7.0, general = -7.0, tmp;
    int rf = ts_growth_exact(ts_i128_from_i64(c), ts_i128_from_i64(p), &fast);
    int rg = growth_exact_general(c, p, &general);
    small += ts_growth_small(ts_i128_from_i64(c), ts_i128_from_i64(p), &tmp);
    if (rf != rg || memcmp(&fast, &general, sizeof(fast)) != 0)
      fail_msg("%lld against %lld: %d %.17g, general %d %.17g", (long long)c, (long long)p, rf,
               fast, rg, general);
  }
  assert_true(small > 20000 && small < 180000); /* both ways were taken */
}

/* ---- the scan's last label ------------------------------------------- */

static char *rows_of(sqlite3 *db, const char *zSql) {
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) != SQLITE_OK)
    fail_msg("%s: %s", zSql, sqlite3_errmsg(db));
  sqlite3_str *s = sqlite3_str_new(NULL);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); i++)
      sqlite3_str_appendf(s, "%d:%s|", sqlite3_column_type(stmt, i),
                          (const char *)sqlite3_column_text(stmt, i));
    sqlite3_str_appendall(s, "\n");
  }
  if (rc != SQLITE_DONE) sqlite3_str_appendf(s, "error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(stmt);
  return sqlite3_str_finish(s);
}

static void test_scan_label_cache(void **state) {
  (void)state;
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
  assert_int_equal(sqlite3_tradestat_init(db, NULL, NULL), SQLITE_OK);
  /* Labels repeat (rows of a month summed), change by one byte,
  ** carry a preliminary mark, and reach past the 32 bytes kept. */
  const char *zSetup =
      "CREATE TABLE t(k, period TEXT, v);"
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 899)"
      " INSERT INTO t SELECT i % 3,"
      "  CASE i % 6 WHEN 0 THEN printf('%04d-%02d', 2020 + i / 300, (i / 25) % 12 + 1)"
      "   WHEN 1 THEN printf('%04d.%02d', 2020 + i / 300, (i / 25) % 12 + 1)"
      "   WHEN 2 THEN printf('%04d-%02dp', 2020 + i / 300, (i / 25) % 12 + 1)"
      "   WHEN 3 THEN printf('%-32s', printf('%04d-%02d', 2020 + i / 300, (i / 25) % 12 + 1))"
      "   WHEN 4 THEN printf('%-33s', printf('%04d-%02d', 2020 + i / 300, (i / 25) % 12 + 1))"
      "   ELSE printf('%04d/%d', 2020 + i / 300, (i / 25) % 12 + 1) END,"
      "  i * 7 % 101 FROM n;"
      "CREATE INDEX t_k ON t(k, period);"
      "CREATE TABLE t2(k, period TEXT, v);"
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 899)"
      " INSERT INTO t2 SELECT i % 3, printf('%04d-%02d', 2020 + i / 300, (i / 25) % 12 + 1),"
      "  i * 7 % 101 FROM n;"
      /* total=0: the totals are series 0's, whose labels carry no mark,
      ** so `preliminary` shows the rows' own marks (series 2's) alone. */
      "CREATE VIRTUAL TABLE a USING yoy_growth(source=t, value=v, period=period, by=k,"
      " grain=month, scan=stream, total=0);"
      "CREATE VIRTUAL TABLE c USING yoy_growth(source=t2, value=v, period=period, by=k,"
      " grain=month, scan=stream);";
  char *zErr = NULL;
  if (sqlite3_exec(db, zSetup, NULL, NULL, &zErr) != SQLITE_OK) fail_msg("%s", zErr);
  /* The scan reads in (k, period) order, so equal labels follow each
  ** other, and in t2 consecutive distinct labels differ in their last
  ** byte only.  The meaning: each label parsed on its own
  ** (period_normalize), summed by GROUP BY. */
  const char *azPair[][2] = {
      {"SELECT k, period, value FROM a",
       "SELECT k, period_normalize(period) AS p, sum(v) FROM t GROUP BY k, p ORDER BY k, p"},
      {"SELECT k, period, value FROM c",
       "SELECT k, period_normalize(period) AS p, sum(v) FROM t2 GROUP BY k, p ORDER BY k, p"},
  };
  for (int i = 0; i < 2; i++) {
    char *za = rows_of(db, azPair[i][0]);
    char *zb = rows_of(db, azPair[i][1]);
    assert_true(strlen(za) > 100);
    assert_null(strstr(za, "error"));
    assert_string_equal(za, zb);
    sqlite3_free(za);
    sqlite3_free(zb);
  }
  /* a preliminary mark is seen whatever label came before */
  char *zp = rows_of(db, "SELECT count(*) > 0, count(*) < 108 FROM a WHERE preliminary");
  assert_string_equal(zp, "1:1|1:1|\n");
  sqlite3_free(zp);
  sqlite3_close(db);
}

/* An application function: counts its calls, returns NULL. */
static void app_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc, (void)argv;
  (*(int *)sqlite3_user_data(ctx))++;
}

/* An application aggregate that gives back its first argument of its
** first row (the pass's token, when it stands in for tradestat_scan_row):
** counts its calls. */
static void echo_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3_value **pFirst = sqlite3_aggregate_context(ctx, sizeof(*pFirst));
  (*(int *)sqlite3_user_data(ctx))++;
  if (pFirst && *pFirst == NULL && argc > 0) *pFirst = sqlite3_value_dup(argv[0]);
}
static void echo_final(sqlite3_context *ctx) {
  sqlite3_value **pFirst = sqlite3_aggregate_context(ctx, 0);
  if (pFirst && *pFirst) {
    sqlite3_result_value(ctx, *pFirst);
    sqlite3_value_free(*pFirst);
  }
}

/* The hash path's row reading (vtab/series_hash.c: keys matched by their
** encoding, the row before's series, the period kept with its label, the
** rows handed to tradestat_scan_row inside the source query, or stepped
** out when that function cannot be had) against the streaming path's,
** on keys of every type, adjacent and alternating, labels repeated and
** changed, NULL periods and values, preliminary marks. */
static void test_hash_pass(void **state) {
  (void)state;
  const char *zSetup =
      "CREATE TABLE t(k, period TEXT, v);"
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)"
      " INSERT INTO t SELECT CASE (i / (1 + i % 3)) % 7 WHEN 0 THEN 'a' WHEN 1 THEN 1"
      "   WHEN 2 THEN 2.5 WHEN 3 THEN NULL WHEN 4 THEN x'00ff'"
      "   WHEN 5 THEN 'a key longer than sixteen bytes' ELSE 'b' END,"
      "  CASE WHEN i % 97 = 5 THEN NULL WHEN i % 89 = 3 THEN printf('%04d-%02d-%02dp',"
      "   2020 + i / 700, (i / 60) % 12 + 1, i % 28 + 1)"
      "   ELSE printf('%04d-%02d-%02d', 2020 + i / 700, (i / 60) % 12 + 1, i % 28 + 1) END,"
      "  CASE WHEN i % 53 = 7 THEN NULL WHEN i % 2 THEN i * 7 % 101 ELSE (i % 13) * 0.25 END"
      " FROM n;"
      "CREATE VIRTUAL TABLE h USING yoy_growth(source=t, value=v, period=period, by=k,"
      " grain=month, scan=hash);"
      "CREATE VIRTUAL TABLE s USING yoy_growth(source=t, value=v, period=period, by=k,"
      " grain=month, scan=stream);"
      "CREATE TABLE d(k, period TEXT, v);"
      "INSERT INTO d VALUES ('a', '2020-01', 1), ('b', '2020-01', 2), ('a', '2020-02', 3),"
      " ('b', '2020-01', 4);"
      "CREATE VIRTUAL TABLE dh USING yoy_growth(source=d, value=v, period=period, by=k,"
      " scan=hash);"
      "CREATE VIRTUAL TABLE ds USING yoy_growth(source=d, value=v, period=period, by=k,"
      " scan=stream);";
  const char *zCols = "k, typeof(k), period, value, typeof(value), growth, preliminary";
  for (int variant = 0; variant < 4; variant++) {
    /* 0: the function registered by the pass; 1: an application's
    ** function of that name taking any arguments (the pass must notice and
    ** give way); 2: one taking 2 (the rows are stepped out instead); 3: an
    ** application's aggregate of that name that gives back the token (its
    ** first argument): no row was read, the pass must give way */
    sqlite3 *db = NULL;
    int calls = 0;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_tradestat_init(db, NULL, NULL), SQLITE_OK);
    int app = variant == 1 || variant == 3; /* the application's takes any arguments */
    if (variant == 1 || variant == 2)
      assert_int_equal(sqlite3_create_function(db, "tradestat_scan_row", variant == 1 ? -1 : 2,
                                               SQLITE_UTF8, &calls, app_fn, NULL, NULL),
                       SQLITE_OK);
    if (variant == 3)
      assert_int_equal(sqlite3_create_function(db, "tradestat_scan_row", -1, SQLITE_UTF8, &calls,
                                               NULL, echo_step, echo_final),
                       SQLITE_OK);
    char *zErr = NULL;
    if (sqlite3_exec(db, zSetup, NULL, NULL, &zErr) != SQLITE_OK) fail_msg("%s", zErr);
    char *zq = sqlite3_mprintf("SELECT %s FROM h", zCols);
    char *zr = sqlite3_mprintf("SELECT %s FROM s", zCols);
    sqlite3_int64 aBefore[4], aAfter[4];
    ts_hash_counts(aBefore);
    char *za = rows_of(db, zq);
    ts_hash_counts(aAfter);
    /* the hash path answered, or (an application's function) gave way */
    assert_int_equal(aAfter[0] - aBefore[0], app ? 0 : 1);
    assert_int_equal(aAfter[3] - aBefore[3], app ? 1 : 0);
    char *zb = rows_of(db, zr);
    assert_true(strlen(za) > 1000);
    assert_null(strstr(za, "error"));
    assert_string_equal(za, zb);
    sqlite3_free(za);
    sqlite3_free(zb);
    sqlite3_free(zq);
    sqlite3_free(zr);
    /* a pass that gives way (two rows of one period without grain=):
    ** the streaming path's message */
    za = rows_of(db, "SELECT k, period, value FROM dh");
    zb = rows_of(db, "SELECT k, period, value FROM ds");
    assert_non_null(strstr(za, "error"));
    assert_string_equal(za, zb);
    sqlite3_free(za);
    sqlite3_free(zb);
    za = rows_of(db, "SELECT count(*) FROM pragma_function_list WHERE name = 'tradestat_scan_row'");
    assert_string_equal(za, "1:1|\n"); /* the pass's own, or the application's alone */
    sqlite3_free(za);
    if (app) assert_true(calls > 0);
    if (!app) assert_int_equal(calls, 0);
    sqlite3_close(db);
  }
}

/* reenter(x): x; its first call (once armed) reads the series tables h
** and h2 from inside the query that calls it, and keeps what it read. */
typedef struct reentry {
  sqlite3 *db;
  int armed;
  char *zSelf, *zOther;
} reentry;
static void reenter_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  reentry *r = sqlite3_user_data(ctx);
  if (r->armed) {
    r->armed = 0; /* once: the inner reads call this function too */
    r->zSelf = rows_of(r->db, "SELECT count(*), sum(value), sum(growth) FROM h");
    r->zOther = rows_of(r->db, "SELECT count(*), sum(value), sum(growth) FROM h2");
  }
  sqlite3_result_value(ctx, argv[0]);
}

/* Passes inside a pass, with the pass statements kept between queries:
** the source of h is a view whose value column calls an application
** function, which queries h itself and h2 (another hash table over the
** same view) while h's pass reads the view.  h read from inside its own
** pass is refused (a table never reads itself: its kept statement is out
** of the keep then anyway); h2's pass runs inside h's, and both answer
** what the streaming path answers.  Three rounds, so that the kept
** statements serve the later ones. */
static void test_hash_pass_reentry(void **state) {
  (void)state;
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
  assert_int_equal(sqlite3_tradestat_init(db, NULL, NULL), SQLITE_OK);
  reentry r = {db, 0, NULL, NULL};
  assert_int_equal(
      sqlite3_create_function(db, "reenter", 1, SQLITE_UTF8, &r, reenter_fn, NULL, NULL),
      SQLITE_OK);
  char *zErr = NULL;
  if (sqlite3_exec(
          db,
          "CREATE TABLE t(period TEXT, v INTEGER);"
          "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59)"
          " INSERT INTO t SELECT printf('%04d-%02d', 2020 + i / 12, i % 12 + 1),"
          "  i * 7 % 101 FROM n;"
          /* no series column: a view's keys cannot be ordered on the hash path */
          "CREATE VIEW v AS SELECT period, reenter(v) AS v FROM t;"
          "CREATE VIRTUAL TABLE h USING yoy_growth(source=v, value=v, period=period, scan=hash);"
          "CREATE VIRTUAL TABLE h2 USING yoy_growth(source=v, value=v, period=period, scan=hash);"
          "CREATE VIRTUAL TABLE s USING yoy_growth(source=t, value=v, period=period, scan=stream);",
          NULL, NULL, &zErr) != SQLITE_OK)
    fail_msg("%s", zErr);
  char *zWant = rows_of(db, "SELECT count(*), sum(value), sum(growth) FROM s");
  assert_true(strlen(zWant) > 10);
  assert_null(strstr(zWant, "error"));
  for (int round = 0; round < 3; round++) {
    sqlite3_int64 aBefore[4], aAfter[4];
    r.armed = 1;
    ts_hash_counts(aBefore);
    char *zOuter = rows_of(db, "SELECT count(*), sum(value), sum(growth) FROM h");
    ts_hash_counts(aAfter);
    assert_int_equal(r.armed, 0); /* the inner queries ran */
    assert_string_equal(zOuter, zWant);
    assert_non_null(strstr(r.zSelf, "reads itself"));
    assert_string_equal(r.zOther, zWant);
    assert_int_equal(aAfter[0] - aBefore[0], 2); /* h's and h2's, by the hash path */
    sqlite3_free(zOuter);
    sqlite3_free(r.zSelf);
    sqlite3_free(r.zOther);
    r.zSelf = r.zOther = NULL;
  }
  /* h2 alone afterwards, its kept statement reused: the same answer */
  char *zAlone = rows_of(db, "SELECT count(*), sum(value), sum(growth) FROM h2");
  assert_string_equal(zAlone, zWant);
  sqlite3_free(zAlone);
  /* the kept statements: one pass text a table, its token bound (never
  ** written into the text) */
  char *zKept = rows_of(db,
                        "SELECT count(*), sum(sql NOT LIKE "
                        "'SELECT tradestat_scan_row(?1, %') FROM sqlite_stmt"
                        " WHERE sql LIKE 'SELECT tradestat_scan_row(%'");
  assert_string_equal(zKept, "1:2|1:0|\n");
  sqlite3_free(zKept);
  sqlite3_free(zWant);
  sqlite3_close(db);
}

/* The hash path answers a REAL sum only when no order of adding can
** change it, and no partial sum can leave the doubles: 2^24 inputs of
** 2047 x 2^989 (each below 2^1000, multiples of 2^989) pass the first
** rule and overflow in the sum, which the streaming path's second sum
** keeps (its total, 1.8e308, is no double: NULL).  Before, the hash path
** answered 1.56e305. */
static void test_hash_sum_overflow_gives_way(void **state) {
  (void)state;
  hslot sl;
  memset(&sl, 0, sizeof(sl));
  sl.emax = 1000, sl.lmin = 989;
  ts_sum sum;
  ts_sum_init(&sum);
  sum.n_real = sum.count = (int64_t)1 << 24;
  assert_false(ts_hash_sum_is_order_free(&sl, &sum));
  sum.n_real = sum.count = (int64_t)1 << 20; /* 2^1021 at most: every partial sum a double */
  assert_true(ts_hash_sum_is_order_free(&sl, &sum));
  sl.emax = 1001; /* an input of 2^1000 or more: never */
  assert_false(ts_hash_sum_is_order_free(&sl, &sum));
  sl.emax = 60, sl.lmin = 0; /* money: 2^20 inputs of cents below 2^60 */
  assert_true(ts_hash_sum_is_order_free(&sl, &sum));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_period_label_forms), cmocka_unit_test(test_period_every_byte),
      cmocka_unit_test(test_period_all_months),  cmocka_unit_test(test_period_all_days),
      cmocka_unit_test(test_growth_yoy_fast),    cmocka_unit_test(test_growth_small),
      cmocka_unit_test(test_scan_label_cache),   cmocka_unit_test(test_hash_pass),
      cmocka_unit_test(test_hash_pass_reentry),  cmocka_unit_test(test_hash_sum_overflow_gives_way),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
