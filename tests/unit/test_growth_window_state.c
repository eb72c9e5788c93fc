/*
** test_growth_window_state.c -- ts_deque_latest (core/deque.c), the
** window functions' xValue, keeps running state between calls; it must
** give to the bit what the one-shot ts_growth_at gives on the same points
** after every move a window frame makes: rows added in period order with
** peers (the latest point grows after its value was asked), rows leaving
** from the front one at a time (ROWS n PRECEDING) or a period at a time
** (GROUPS n PRECEDING), gaps, zeros, REAL and integer values, months and
** days (29 February).  ts_deque_latest_growth, the yoy window's per-row
** xValue, is the growth half of the same row: checked at every one of
** these steps, and on every kind at the ends of the calendar (year 1,
** year 9999) with incomplete points (roll-ups) on either side.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

#include "glue/glue.h"
#include "core/deque.h"
#include "growth_rows.h"

#define MAX_ROWS 4000

typedef struct test_row {
  ts_period period;
  ts_number value;
} test_row;

/* A small deterministic generator: the test must not depend on libc's. */
static uint32_t next_random(uint32_t *state) {
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

/* Rows in period order: gaps, 1-3 peers per period, zeros, REALs. */
static int make_rows(test_row *rows, ts_period_kind kind, int is_real, uint32_t seed) {
  ts_period p = {kind, 2019, 1, kind == TS_KIND_DAY ? 1 : 0, 0};
  int periods = kind == TS_KIND_DAY ? 1300 : 70, n = 0;
  for (int k = 0; k < periods && n < MAX_ROWS - 3; k++) {
    if (next_random(&seed) % 9 != 0) { /* else a gap */
      int peers = 1 + (next_random(&seed) % 5 == 0) + (next_random(&seed) % 11 == 0);
      for (int r = 0; r < peers; r++) {
        int v = (int)(next_random(&seed) % 900) - 100;
        if (next_random(&seed) % 13 == 0) v = 0;
        rows[n].period = p;
        if (is_real)
          ts_number_from_double(v / 7.0, &rows[n].value);
        else
          ts_number_from_int(v, &rows[n].value);
        n++;
      }
    }
    assert_int_equal(ts_period_shift(&p, 1, &p), 0);
  }
  return n;
}

/* Asks both forms of the latest point's row and compares them with the
** one-shot engine; returns 1 when growth was defined. */
static int check_latest(ts_deque *s) {
  ts_growth_row kept, yoy_only, oneshot;
  if (s->count == 0) return 0;
  ts_growth_at(s->kind, ts_deque_points(s), s->count, 0, s->count - 1, &oneshot);
  ts_deque_latest(s, 1, &kept);
  assert_same_growth_row(&kept, &oneshot, 1);
  ts_deque_latest(s, 0, &yoy_only);
  assert_same_growth_row(&yoy_only, &oneshot, 0);
  if (!oneshot.growth_ok) assert_ptr_equal(yoy_only.note, oneshot.note);
  double fast = -12345.0;
  int fast_ok = ts_deque_latest_growth(s, &fast);
  assert_int_equal(fast_ok, oneshot.growth_ok);
  if (fast_ok)
    assert_memory_equal(&fast, &oneshot.growth, sizeof(double));
  else
    assert_true(fast == -12345.0); /* untouched */
  return oneshot.growth_ok;
}

typedef enum frame_kind { FRAME_ROWS, FRAME_RANGE, FRAME_GROUPS } frame_kind;

/* Runs the rows through a frame of `width` rows (ROWS), periods
** (GROUPS), or unbounded (width 0), asking for the value as SQLite does:
** after each row (ROWS) or after the last peer of a period. */
static int run_frame(const test_row *rows, int n, frame_kind frame, int width) {
  ts_deque s;
  int first = 0, defined = 0;
  ts_deque_init(&s);
  for (int i = 0; i < n; i++) {
    assert_int_equal(ts_deque_add(&s, &rows[i].period, &rows[i].value), TS_DEQUE_OK);
    int last_peer =
        i + 1 == n || ts_period_ordinal(&rows[i + 1].period) != ts_period_ordinal(&rows[i].period);
    if (frame == FRAME_ROWS && width > 0 && i - first + 1 > width) {
      ts_deque_remove(&s, &rows[first].period, &rows[first].value);
      first++;
    }
    if (frame == FRAME_GROUPS && width > 0 && last_peer) {
      /* Drop whole periods until `width` remain. */
      while (s.count > width) {
        int64_t leaving = ts_period_ordinal(&rows[first].period);
        while (ts_period_ordinal(&rows[first].period) == leaving) {
          ts_deque_remove(&s, &rows[first].period, &rows[first].value);
          first++;
        }
      }
    }
    if (frame == FRAME_ROWS || last_peer) defined += check_latest(&s);
    /* RANGE asks once per peer, after every peer is in. */
    if (frame == FRAME_RANGE && last_peer) defined += check_latest(&s);
  }
  assert_false(s.unsorted);
  ts_deque_free(&s);
  return defined;
}

static void run_all_frames(ts_period_kind kind, int is_real, uint32_t seed) {
  static test_row rows[MAX_ROWS];
  int n = make_rows(rows, kind, is_real, seed);
  assert_true(n > 50);
  /* Each run has real comparisons, so the checks are not all NULL = NULL. */
  assert_true(run_frame(rows, n, FRAME_ROWS, 0) > 10);
  assert_true(run_frame(rows, n, FRAME_RANGE, 0) > 10);
  const int widths[] = {3, 13, 17, 30};
  for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
    run_frame(rows, n, FRAME_ROWS, widths[w]);
    run_frame(rows, n, FRAME_GROUPS, widths[w]);
  }
  /* Frames wider than a year of days, so a prior year stays in them. */
  if (kind == TS_KIND_DAY) {
    assert_true(run_frame(rows, n, FRAME_ROWS, 500) > 10);
    assert_true(run_frame(rows, n, FRAME_GROUPS, 400) > 10);
  }
}

static void test_months_integer(void **state) {
  (void)state;
  for (uint32_t seed = 1; seed <= 6; seed++) run_all_frames(TS_KIND_MONTH, 0, seed);
}

static void test_months_real(void **state) {
  (void)state;
  for (uint32_t seed = 11; seed <= 16; seed++) run_all_frames(TS_KIND_MONTH, 1, seed);
}

static void test_days(void **state) {
  (void)state;
  run_all_frames(TS_KIND_DAY, 0, 21);
  run_all_frames(TS_KIND_DAY, 1, 22);
}

/* A row leaving from inside the series (never the front) changes a point
** the running sums hold: they must notice. */
static void test_interior_removal(void **state) {
  (void)state;
  ts_deque s;
  ts_deque_init(&s);
  ts_number v;
  for (int m = 1; m <= 24; m++) {
    ts_period p = {TS_KIND_MONTH, 2022 + (m - 1) / 12, (m - 1) % 12 + 1, 0, 0};
    ts_number_from_int(10 * m, &v);
    assert_int_equal(ts_deque_add(&s, &p, &v), TS_DEQUE_OK);
    ts_number_from_int(1, &v);
    assert_int_equal(ts_deque_add(&s, &p, &v), TS_DEQUE_OK);
    check_latest(&s);
  }
  ts_period march_2022 = {TS_KIND_MONTH, 2022, 3, 0, 0};
  ts_period march_2023 = {TS_KIND_MONTH, 2023, 3, 0, 0};
  ts_deque_remove(&s, &march_2022, &v);
  check_latest(&s);
  ts_deque_remove(&s, &march_2023, &v);
  ts_growth_row row;
  ts_deque_latest(&s, 1, &row);
  /* ytd 2023-12: sum of 10*m + 1 for m = 13..24, less the 1 removed. */
  assert_true(row.ytd_ok && row.ytd.is_int);
  assert_int_equal(row.ytd.i, 10 * (13 + 24) * 12 / 2 + 12 - 1);
  assert_int_equal(row.prior_ytd.i, 10 * (1 + 12) * 12 / 2 + 12 - 1);
  check_latest(&s);
  ts_deque_free(&s);
}

/* Every kind from `year` on, for `periods` periods with gaps, some points
** marked incomplete: checks the latest point after each one. */
static int run_edges(ts_period_kind kind, int year, int periods, uint32_t seed) {
  ts_deque s;
  ts_period p = {kind, year, 1, kind == TS_KIND_DAY ? 1 : 0, 0};
  int defined = 0;
  ts_deque_init(&s);
  for (int k = 0; k < periods; k++) {
    if (next_random(&seed) % 7 != 0) { /* else a gap */
      ts_number v;
      int x = (int)(next_random(&seed) % 50) - 5;
      ts_number_from_int(next_random(&seed) % 17 == 0 ? 0 : x, &v);
      assert_int_equal(ts_deque_add(&s, &p, &v), TS_DEQUE_OK);
      /* a roll-up missing a month: the latest, or a prior year's */
      if (next_random(&seed) % 6 == 0) s.points[s.head + s.count - 1].incomplete[0] = 1;
      defined += check_latest(&s);
    }
    if (ts_period_shift(&p, 1, &p)) break; /* past 9999 */
  }
  ts_deque_free(&s);
  return defined;
}

static void test_kinds_at_the_edges(void **state) {
  (void)state;
  const ts_period_kind kinds[] = {TS_KIND_YEAR, TS_KIND_HALF, TS_KIND_QUARTER, TS_KIND_MONTH,
                                  TS_KIND_DAY};
  for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
    ts_period one = {kinds[k], 2001, 1, 1, 0};
    int per = ts_periods_in_year(&one);
    for (uint32_t seed = 31; seed <= 34; seed++) {
      int defined = run_edges(kinds[k], 1, 30 * per, seed);
      /* Days before 1970 have negative ordinals, which the engine reads
      ** as "no prior period": none has a growth (both forms agree). */
      if (kinds[k] != TS_KIND_DAY) assert_true(defined > 3);
      assert_true(run_edges(kinds[k], 9970, 40 * per, seed) > 3); /* stops after 9999 */
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_months_integer),
      cmocka_unit_test(test_months_real),
      cmocka_unit_test(test_days),
      cmocka_unit_test(test_interior_removal),
      cmocka_unit_test(test_kinds_at_the_edges),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
