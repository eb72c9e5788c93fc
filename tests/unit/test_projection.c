/*
** test_projection.c -- the pure projection core on series small enough to
** work out by hand (projection.h: projection_core.c, projection_errors.c,
** holt_winters.c, projection_interval.c).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdlib.h>
#include <cmocka.h>

#include "projection/projection.h"
#include "projection/projection_errors.h" /* item 3b's cache of the cut-offs */

#define MAXC 64

/* A grid of P periods per year from a flat list; NAN marks a gap. */
typedef struct test_grid {
  double value[MAXC];
  unsigned char present[MAXC];
  ts_proj_grid g;
} test_grid;

static void grid_init(test_grid *t, int P, int n, const double *v) {
  memset(t, 0, sizeof(*t));
  for (int i = 0; i < n; i++) {
    t->present[i] = !isnan(v[i]);
    t->value[i] = isnan(v[i]) ? 0 : v[i];
  }
  t->g.periods_per_year = P;
  t->g.first_year = 2020;
  t->g.n_years = (n + P - 1) / P;
  t->g.value = t->value;
  t->g.present = t->present;
}

static double project(const test_grid *t, int yi, int k, ts_proj_method m, int *ok,
                      const char **note) {
  ts_proj_cell c;
  assert_int_equal(ts_proj_fixed(&t->g, yi, k, m, &c), SQLITE_OK);
  *ok = c.ok;
  if (note) *note = c.note;
  return c.value;
}

/* The article: 2022 H1 680.8, H2 809.2; 2023 H1 1400. */
static const double article[] = {680.8, 809.2, 1400, NAN};

static void test_article_methods(void **state) {
  (void)state;
  test_grid t;
  int ok;
  grid_init(&t, 2, 4, article);
  assert_float_equal(project(&t, 1, 1, TS_PROJ_RUN_RATE, &ok, NULL), 2800, 1e-9);
  assert_true(ok);
  assert_float_equal(project(&t, 1, 1, TS_PROJ_PRIOR_SHARE, &ok, NULL), 1400 * 1490 / 680.8, 1e-9);
  assert_true(ok);
  /* one prior complete year: avg_share is prior_share */
  assert_float_equal(project(&t, 1, 1, TS_PROJ_AVG_SHARE, &ok, NULL), 1400 * 1490 / 680.8, 1e-9);
  assert_float_equal(project(&t, 1, 1, TS_PROJ_SNAIVE, &ok, NULL), 2209.2, 1e-9);
  /* line through (0, 680.8), (1, 809.2), (2, 1400): slope 359.6, at x = 3:
  ** 963.333.. + 2 * 359.6 */
  assert_float_equal(project(&t, 1, 1, TS_PROJ_LINEAR, &ok, NULL),
                     1400 + (680.8 + 809.2 + 1400) / 3 + 2 * 359.6, 1e-9);
  const char *note;
  project(&t, 1, 1, TS_PROJ_HOLT_WINTERS, &ok, &note);
  assert_false(ok);
  assert_string_equal(note, "holt_winters needs two full years of unbroken periods");
}

static void test_first_year_has_no_history(void **state) {
  (void)state;
  test_grid t;
  int ok;
  const char *note;
  grid_init(&t, 2, 4, article);
  project(&t, 0, 1, TS_PROJ_PRIOR_SHARE, &ok, &note);
  assert_false(ok);
  assert_string_equal(note, "no complete prior year");
  project(&t, 0, 1, TS_PROJ_SNAIVE, &ok, &note);
  assert_false(ok);
  assert_string_equal(note, "prior year's remaining periods missing");
  project(&t, 0, 1, TS_PROJ_LINEAR, &ok, &note);
  assert_false(ok);
  assert_string_equal(note, "fewer than 2 periods for a trend");
  project(&t, 0, 1, TS_PROJ_AVG_SHARE, &ok, &note);
  assert_false(ok);
  assert_string_equal(note, "no complete prior year with a non-zero total");
  /* a complete year is its own total whatever the method */
  assert_float_equal(project(&t, 0, 2, TS_PROJ_SNAIVE, &ok, NULL), 1490, 1e-9);
  assert_true(ok);
}

static void test_avg_share_three_years(void **state) {
  (void)state;
  /* H1 shares 0.4, 0.5, 0.6 (totals 100, 200, 100), then an older year
  ** with share 0.9 that must not count (only the latest 3). */
  const double v[] = {90, 10, 40, 60, 100, 100, 60, 40, 50, NAN};
  test_grid t;
  int ok;
  grid_init(&t, 2, 10, v);
  assert_float_equal(project(&t, 4, 1, TS_PROJ_AVG_SHARE, &ok, NULL), 50 / 0.5, 1e-9);
  assert_true(ok);
}

static void test_linear_reproduces_a_line(void **state) {
  (void)state;
  double v[12];
  for (int i = 0; i < 12; i++) v[i] = i < 10 ? 10 + 2.5 * i : NAN;
  test_grid t;
  int ok;
  grid_init(&t, 4, 12, v);
  /* year 3 (i = 8..11) from k = 2: 30 + 32.5 + 35 + 37.5 */
  assert_float_equal(project(&t, 2, 2, TS_PROJ_LINEAR, &ok, NULL), 135, 1e-9);
  assert_true(ok);
}

static void test_holt_winters_pure_seasonal(void **state) {
  (void)state;
  const double pattern[4] = {10, 20, 30, 40};
  double v[16];
  for (int i = 0; i < 16; i++) v[i] = i < 13 ? pattern[i % 4] : NAN;
  test_grid t;
  int ok;
  grid_init(&t, 4, 16, v);
  assert_float_equal(project(&t, 3, 1, TS_PROJ_HOLT_WINTERS, &ok, NULL), 100, 1e-9);
  assert_true(ok);
  /* straight line plus seasonality, negative values included: exact too */
  for (int i = 0; i < 16; i++) v[i] = i < 14 ? -50 + 3 * i + pattern[i % 4] : NAN;
  grid_init(&t, 4, 16, v);
  double want = 0;
  for (int i = 12; i < 16; i++) want += -50 + 3 * i + pattern[i % 4];
  assert_float_equal(project(&t, 3, 2, TS_PROJ_HOLT_WINTERS, &ok, NULL), want, 1e-7);
  assert_true(ok);
}

static void test_holt_winters_multiplicative(void **state) {
  (void)state;
  /* growing 5 % a quarter with a multiplicative pattern: the fit chooses
  ** multiplicative seasonality and projects closely. */
  const double pattern[4] = {0.8, 1.1, 0.9, 1.2};
  double y[20], sum, sd;
  ts_hw_model model;
  for (int i = 0; i < 20; i++) y[i] = 100 * pow(1.05, i) * pattern[i % 4];
  assert_int_equal(ts_holt_winters_forecast(y, 16, 4, 1, 4, &sum, &sd, &model), 0);
  assert_true(model.multiplicative);
  double want = y[16] + y[17] + y[18] + y[19];
  assert_true(fabs(sum - want) / want < 0.02);
  assert_true(sd >= 0);
  /* too short, unsupported season */
  assert_int_equal(ts_holt_winters_forecast(y, 7, 4, 1, 1, &sum, &sd, &model), 1);
  assert_int_equal(ts_holt_winters_forecast(y, 20, 3, 1, 1, &sum, &sd, &model), 1);
  /* deterministic */
  double again;
  ts_holt_winters_forecast(y, 16, 4, 1, 4, &again, &sd, &model);
  assert_true(again == sum);
}

static void test_holt_winters_damped_trend(void **state) {
  (void)state;
  /* A level that levels off, 200 - 100 * 0.9^t, with a seasonal pattern
  ** and a little deterministic noise: a damped trend fits best, with phi
  ** inside its bounds, and projects the next year closely. */
  const double pattern[4] = {-10, 5, -5, 10};
  double y[28], sum, sd;
  ts_hw_model model;
  for (int t = 0; t < 28; t++)
    y[t] = 200 - 100 * pow(0.9, t) + pattern[t % 4] + ((t * 7) % 5 - 2) * 0.3;
  assert_int_equal(ts_holt_winters_forecast(y, 24, 4, 1, 4, &sum, &sd, &model), 0);
  assert_int_equal(model.trend_kind, 2);
  assert_true(model.phi >= 0.8 && model.phi <= 0.98);
  assert_int_equal(model.fallback, 0);
  double want = y[24] + y[25] + y[26] + y[27];
  assert_true(fabs(sum - want) / want < 0.005);
}

static void test_holt_winters_degenerate(void **state) {
  (void)state;
  test_grid t;
  int ok;
  ts_proj_cell c;
  /* A real KOSIS series that collapses from ~190 a quarter to 5, 3: every
  ** fitted model's forecast leaves the range of the last two years or goes
  ** negative, so the prior year's periods are used, with a detail note. */
  const double collapse[12] = {94, 98, 111, 160, 189, 192, 193, 5, 3, NAN, NAN, NAN};
  grid_init(&t, 4, 12, collapse);
  assert_int_equal(ts_proj_fixed(&t.g, 2, 1, TS_PROJ_HOLT_WINTERS, &c), SQLITE_OK);
  assert_true(c.ok);
  assert_float_equal(c.value, 3 + 192 + 193 + 5, 1e-9);
  assert_string_equal(
      c.detail, "holt_winters: no stable fit, used the prior year's periods (seasonal naive)");
  /* Values near zero (1 against a mean of about 20): multiplicative
  ** seasonality is not tried; the best fit is degenerate, the next stable
  ** one is used: each period inside [0, 15 + 14] (the last two years run
  ** from 1 to 15), so the total of three inside [0, 87]. */
  const double near_zero[17] = {19, 17, 18, 27, 149, 50, 27, 9, 6, 15, 3, 2, 3, 1, 3, 13, 6};
  double sum, sd;
  ts_hw_model model;
  assert_int_equal(ts_holt_winters_forecast(near_zero, 17, 4, 1, 3, &sum, &sd, &model), 0);
  assert_false(model.multiplicative);
  assert_int_equal(model.fallback, 1);
  assert_true(sum >= 0 && sum <= 87);
  /* a good fit says nothing */
  const double plain[9] = {10, 20, 30, 40, 10, 20, 30, 40, 10};
  grid_init(&t, 4, 9, plain);
  project(&t, 2, 1, TS_PROJ_HOLT_WINTERS, &ok, NULL);
  assert_true(ok);
  ts_proj_fixed(&t.g, 2, 1, TS_PROJ_HOLT_WINTERS, &c);
  assert_null(c.detail);
  assert_float_equal(c.value, 100, 1e-9);
}

static void test_gaps_zero_negative(void **state) {
  (void)state;
  test_grid t;
  int ok;
  const char *note;
  /* 2021 H1 missing: incomplete year-to-date, no projection */
  const double gap[] = {100, 100, NAN, 50};
  grid_init(&t, 2, 4, gap);
  project(&t, 1, 1, TS_PROJ_RUN_RATE, &ok, &note);
  assert_false(ok);
  assert_string_equal(note, "incomplete year-to-date");
  /* a zero prior year-to-date: NULL with a note, not Inf */
  const double zero[] = {0, 100, 30, NAN};
  grid_init(&t, 2, 4, zero);
  project(&t, 1, 1, TS_PROJ_PRIOR_SHARE, &ok, &note);
  assert_false(ok);
  assert_string_equal(note, "prior year-to-date is zero");
  assert_float_equal(project(&t, 1, 1, TS_PROJ_SNAIVE, &ok, NULL), 130, 1e-12);
  /* negative values (a balance) follow the formulas */
  const double neg[] = {-40, -60, -30, NAN};
  grid_init(&t, 2, 4, neg);
  assert_float_equal(project(&t, 1, 1, TS_PROJ_RUN_RATE, &ok, NULL), -60, 1e-12);
  assert_float_equal(project(&t, 1, 1, TS_PROJ_PRIOR_SHARE, &ok, NULL), -30 * -100 / -40.0, 1e-12);
  assert_float_equal(project(&t, 1, 1, TS_PROJ_SNAIVE, &ok, NULL), -90, 1e-12);
}

static void test_auto_learns(void **state) {
  (void)state;
  /* Q1 jumps around, Q2..Q4 repeat: only snaive is exact every year. */
  const double q1[6] = {50, 10, 90, 20, 70, 40};
  double v[24];
  for (int y = 0; y < 6; y++) {
    v[4 * y] = q1[y];
    v[4 * y + 1] = 30, v[4 * y + 2] = 60, v[4 * y + 3] = 45;
  }
  test_grid t;
  ts_proj_estimate e;
  grid_init(&t, 4, 24, v);
  /* Year index 5: snaive has 3 (or more) earlier errors, all 0, so it is
  ** the only method without error and auto is exactly snaive. */
  assert_int_equal(ts_projection_estimate(&t.g, 5, 1, TS_PROJ_AUTO, 80, &e), SQLITE_OK);
  assert_true(e.ok);
  assert_int_equal(e.method, TS_PROJ_AUTO);
  assert_float_equal(e.projection, 40 + 30 + 60 + 45, 1e-9);
  assert_string_equal(e.detail,
                      "auto: the median of the 5 methods with the smallest past "
                      "errors, weighted by their accuracy");
  /* Year index 0: no method has an earlier error; run_rate (4 * 50) is the
  ** only method with a projection (linear needs 2 periods), and the note
  ** says auto used it alone. */
  assert_int_equal(ts_projection_estimate(&t.g, 0, 1, TS_PROJ_AUTO, 80, &e), SQLITE_OK);
  assert_true(e.ok);
  assert_float_equal(e.projection, 200, 1e-9);
  assert_string_equal(e.detail, "auto: run_rate alone (no complete earlier year)");
  assert_false(e.interval_ok);
  /* a fixed method with fewer than 3 earlier years: no interval, a note */
  assert_int_equal(ts_projection_estimate(&t.g, 2, 1, TS_PROJ_RUN_RATE, 80, &e), SQLITE_OK);
  assert_true(e.ok);
  assert_false(e.interval_ok);
  assert_string_equal(e.interval_note, "fewer than 3 earlier years for an interval");
}

/* Backtest cells written by hand for 4 years (index 0..3) of a
** half-yearly grid: every cell not set here is "cannot project"; auto's
** column is then filled from them. */
typedef struct hand_row {
  ts_proj_method m;
  double value[4]; /* NAN: this method cannot project that year */
} hand_row;

static void hand_cells(const test_grid *t, ts_proj_cell *cells, const hand_row *rows, int n_rows) {
  memset(cells, 0, sizeof(ts_proj_cell) * 4 * TS_PROJ_N_CELLS);
  for (int i = 0; i < 4 * TS_PROJ_N_CELLS; i++) cells[i].note = "cannot project";
  for (int r = 0; r < n_rows; r++)
    for (int y = 0; y < 4; y++) {
      ts_proj_cell *c = &cells[y * TS_PROJ_N_CELLS + rows[r].m];
      if (isnan(rows[r].value[y])) continue;
      c->ok = 1, c->value = rows[r].value[y], c->note = NULL;
    }
  ts_projection_auto_fill(&t->g, 1, 4, cells);
}

static const double flat_halves[8] = {50, 50, 50, 50, 50, 50, 50, 50}; /* totals 100 */

static void test_auto_weighted_median(void **state) {
  (void)state;
  /* Year index 3 judged on years 0..2, whose totals are all 100.  Mean
  ** absolute log errors: run_rate 90, 110, 100 -> (ln(10/9) + ln(11/10)) / 3
  ** = 0.0669; prior_share 80, 120, 100 -> 0.1351; snaive 100, 100, 97 ->
  ** 0.0102.  avg_share and linear cannot project year 3: neither takes
  ** part.  Weights 1 / (pi/2 d^2): snaive's is 43 times run_rate's and
  ** holds more than half the total, so the weighted median is snaive's
  ** 140. */
  const hand_row rows[] = {
      {TS_PROJ_RUN_RATE, {90, 110, 100, 130}},   {TS_PROJ_PRIOR_SHARE, {80, 120, 100, 150}},
      {TS_PROJ_AVG_SHARE, {NAN, 100, 100, NAN}}, {TS_PROJ_SNAIVE, {100, 100, 97, 140}},
      {TS_PROJ_LINEAR, {100, 100, 100, NAN}},
  };
  test_grid t;
  ts_proj_cell cells[4 * TS_PROJ_N_CELLS];
  ts_proj_estimate e;
  grid_init(&t, 2, 8, flat_halves);
  hand_cells(&t, cells, rows, 5);
  ts_projection_from_backtest(&t.g, cells, 3, 1, TS_PROJ_AUTO, 80, &e);
  assert_true(e.ok);
  assert_int_equal(e.method, TS_PROJ_AUTO);
  assert_float_equal(e.projection, 140, 0);
  /* avg_share projects year 3 too, with 2 errors of its own only (no
  ** pool): it cannot be judged beside the others, so no method is
  ** ranked: the median of the four, (130 + 140) / 2. */
  const hand_row few[] = {
      {TS_PROJ_RUN_RATE, {90, 110, 100, 130}},
      {TS_PROJ_PRIOR_SHARE, {80, 120, 100, 150}},
      {TS_PROJ_AVG_SHARE, {NAN, 100, 100, 110}},
      {TS_PROJ_SNAIVE, {100, 100, 97, 140}},
  };
  hand_cells(&t, cells, few, 4);
  ts_projection_from_backtest(&t.g, cells, 3, 1, TS_PROJ_AUTO, 0, &e);
  assert_float_equal(e.projection, 135, 0);
  assert_string_equal(
      e.detail, "auto: too few past errors to judge every method by, the median of the methods");
  /* snaive less sure (97 -> 80): run_rate 0.0669 against snaive
  ** ln(100/80) / 3 = 0.0744 and prior_share 0.1351; weights 1/d^2 are
  ** 223, 181, 55 (of 459): sorted by value 130 (223), 140 (181), 150 (55),
  ** half the total (229.5) is reached at 140. */
  const hand_row rows2[] = {
      {TS_PROJ_RUN_RATE, {90, 110, 100, 130}},
      {TS_PROJ_PRIOR_SHARE, {80, 120, 100, 150}},
      {TS_PROJ_SNAIVE, {100, 100, 80, 140}},
  };
  hand_cells(&t, cells, rows2, 3);
  ts_projection_from_backtest(&t.g, cells, 3, 1, TS_PROJ_AUTO, 0, &e);
  assert_float_equal(e.projection, 140, 0);
  /* now run_rate exact in years 0..2: the only method without error */
  const hand_row rows3[] = {
      {TS_PROJ_RUN_RATE, {100, 100, 100, 130}},
      {TS_PROJ_PRIOR_SHARE, {80, 120, 100, 150}},
      {TS_PROJ_SNAIVE, {100, 100, 80, 140}},
  };
  hand_cells(&t, cells, rows3, 3);
  ts_projection_from_backtest(&t.g, cells, 3, 1, TS_PROJ_AUTO, 0, &e);
  assert_float_equal(e.projection, 130, 0);
  /* no method can project year 3: NULL with prior_share's note */
  const hand_row none[] = {{TS_PROJ_RUN_RATE, {90, 110, 100, NAN}}};
  hand_cells(&t, cells, none, 1);
  ts_projection_from_backtest(&t.g, cells, 3, 1, TS_PROJ_AUTO, 80, &e);
  assert_false(e.ok);
  assert_string_equal(e.note, "cannot project");
}

/* auto learns its rule from the errors its rules made.  Seven years of a
** half-yearly grid, every total 100; run_rate (RR), snaive (SN) and
** prior_share (PS) written by hand.  Years 0..2 rank them (mean
** percentage error RR 0.07 < SN 0.08 < PS 0.09, close together); in years
** 3..5 RR is exact and the others over.  In year 3 the weighted median
** (weights 1 / d^2: 204, 156, 123 of 484; sorted by value RR's 100 holds
** less than half) is SN's 115, and the trimmed mean, the inverse-MSE mean and the
** plain median are above 100 too: only "the best method" rule is exact in
** every year 3..5, so year 6 (its 3 errors in the latest 4 years) uses it:
** RR, ranked first, 130 -- not 140 or more as the other rules would. */
static void test_auto_learns_its_rule(void **state) {
  (void)state;
  enum { Y = 7 };
  static const double rr[Y] = {107, 93, 107, 100, 100, 100, 130};
  static const double sn[Y] = {108, 92, 108, 115, 112, 112, 140};
  static const double ps[Y] = {109, 91, 109, 120, 118, 118, 150};
  double halves[2 * Y];
  for (int i = 0; i < 2 * Y; i++) halves[i] = 50;
  test_grid t;
  grid_init(&t, 2, 2 * Y, halves);
  ts_proj_cell cells[Y * TS_PROJ_N_CELLS];
  memset(cells, 0, sizeof(cells));
  for (int i = 0; i < Y * TS_PROJ_N_CELLS; i++) cells[i].note = "cannot project";
  for (int y = 0; y < Y; y++) {
    const double *v[3] = {rr, sn, ps};
    const ts_proj_method m[3] = {TS_PROJ_RUN_RATE, TS_PROJ_SNAIVE, TS_PROJ_PRIOR_SHARE};
    for (int j = 0; j < 3; j++) {
      ts_proj_cell *c = &cells[y * TS_PROJ_N_CELLS + m[j]];
      c->ok = 1, c->value = v[j][y], c->note = NULL;
    }
  }
  ts_projection_auto_fill(&t.g, 1, Y, cells);
  ts_proj_estimate e;
  ts_projection_from_backtest(&t.g, cells, 3, 1, TS_PROJ_AUTO, 0, &e);
  assert_float_equal(e.projection, 115, 0); /* year 3: no rule judged yet */
  assert_string_equal(e.detail,
                      "auto: the median of the 5 methods with the smallest past "
                      "errors, weighted by their accuracy");
  ts_projection_from_backtest(&t.g, cells, 6, 1, TS_PROJ_AUTO, 80, &e);
  assert_true(e.ok);
  assert_float_equal(e.projection, 130, 0);
  assert_string_equal(e.detail, "auto: the method with the smallest past errors");
  /* the backtest's auto column holds the same (no pool here) */
  assert_float_equal(cells[6 * TS_PROJ_N_CELLS + TS_PROJ_AUTO].value, 130, 0);
  /* its interval (projection_errors.c item 4e): the best rule's errors
  ** are 0, but from a series' own errors alone (no pool), so auto's own
  ** projections of years 2..5 join them: 108 (year 2, no method ranked:
  ** the median), 115 (year 3), 100 and 100 (years 4 and 5, run_rate
  ** weighing most), against totals of 100.  d = (ln 1.08 + ln 1.15 + 3 *
  ** 0) / (4 + 3), the rule's 3 errors giving the degrees of freedom. */
  assert_true(e.interval_ok);
  double d = (log(1.08) + log(1.15)) / 7,
         half = ts_student_t_quantile(0.9, 3) * d * sqrt(acos(-1) / 2);
  assert_float_equal(e.low, 130 * exp(-half), 1e-9);
  assert_float_equal(e.high, 130 * exp(half), 1e-9);
}

/* No earlier errors but a complete prior year and 2 periods of this one:
** the interval from the spread of this year's growth by period (item 4b).
** Year 0: 100 a quarter; year 1 from Q2: 110, 121 (growth ln 1.1, ln
** 1.21).  prior_share 231 * 400 / 200 = 462; s^2 = (ln 1.21 - ln 1.1)^2
** / 2 = (ln 1.1)^2 / 2 on 1 degree of freedom; the half still to come is
** q = 231 / 462 = 0.5 of the total: var = 0.25 s^2 (1/2 + 1/2), and
** [low, high] = 462 exp(-+ t_1(0.9) sqrt(var)).  run_rate (also 462)
** and linear ignore the prior year's shape, which the spread is about:
** none for them. */
static void test_interval_from_spread(void **state) {
  (void)state;
  const double v[8] = {100, 100, 100, 100, 110, 121, NAN, NAN};
  test_grid t;
  ts_proj_estimate e;
  grid_init(&t, 4, 8, v);
  assert_int_equal(ts_projection_estimate(&t.g, 1, 2, TS_PROJ_PRIOR_SHARE, 80, &e), SQLITE_OK);
  assert_true(e.ok);
  assert_float_equal(e.projection, 462, 1e-9);
  assert_true(e.interval_ok);
  double half = 3.0776835371752536 * sqrt(0.25 * log(1.1) * log(1.1) / 2);
  assert_float_equal(e.low, 462 * exp(-half), 1e-6);
  assert_float_equal(e.high, 462 * exp(half), 1e-6);
  assert_string_equal(e.interval_note,
                      "interval from the spread of this year's periods (no earlier errors)");
  const ts_proj_method no_shape[2] = {TS_PROJ_RUN_RATE, TS_PROJ_LINEAR};
  for (int i = 0; i < 2; i++) {
    assert_int_equal(ts_projection_estimate(&t.g, 1, 2, no_shape[i], 80, &e), SQLITE_OK);
    assert_true(e.ok);
    assert_false(e.interval_ok);
  }
  /* from Q1 (one period): no spread, no interval */
  assert_int_equal(ts_projection_estimate(&t.g, 1, 1, TS_PROJ_PRIOR_SHARE, 80, &e), SQLITE_OK);
  assert_true(e.ok);
  assert_false(e.interval_ok);
  /* the first year has no prior year: no interval either */
  const double first[4] = {100, 110, NAN, NAN};
  grid_init(&t, 4, 4, first);
  assert_int_equal(ts_projection_estimate(&t.g, 0, 2, TS_PROJ_RUN_RATE, 80, &e), SQLITE_OK);
  assert_true(e.ok);
  assert_false(e.interval_ok);
  /* a zero among the periods: no log growth, no interval */
  const double zero[8] = {100, 0, 100, 100, 110, 121, NAN, NAN};
  grid_init(&t, 4, 8, zero);
  assert_int_equal(ts_projection_estimate(&t.g, 1, 2, TS_PROJ_PRIOR_SHARE, 80, &e), SQLITE_OK);
  assert_true(e.ok);
  assert_false(e.interval_ok);
}

/* Item 8's invariants on every method of a noisy seasonal series:
** the point inside [low, high], low >= the year-to-date, a known year's
** interval is its total, and no data from the future (the projection of
** year y from point k is the same with everything after (y, k) removed). */
static void test_invariants(void **state) {
  (void)state;
  enum { YEARS = 7, P = 4 };
  double v[YEARS * P];
  for (int i = 0; i < YEARS * P; i++)
    v[i] = (100 + 7 * i) * (1 + 0.3 * ((i % P) == 2)) * (1 + 0.08 * sin(i * 1.7));
  test_grid t, cut;
  grid_init(&t, P, YEARS * P, v);
  for (int m = 0; m <= TS_PROJ_AUTO; m++) {
    for (int yi = 0; yi < YEARS; yi++) {
      for (int k = 1; k <= P; k++) {
        ts_proj_estimate e, f;
        double ytd = 0, actual = 0;
        for (int pos = 0; pos < P; pos++) {
          if (pos < k) ytd += v[yi * P + pos];
          actual += v[yi * P + pos];
        }
        assert_int_equal(ts_projection_estimate(&t.g, yi, k, (ts_proj_method)m, 80, &e), SQLITE_OK);
        if (!e.ok) continue;
        assert_true(e.projection >= ytd - 1e-9);
        if (e.interval_ok) {
          assert_true(e.low <= e.projection && e.projection <= e.high);
          assert_true(e.low >= ytd - 1e-9);
        }
        if (k == P) {
          assert_true(e.interval_ok);
          assert_float_equal(e.projection, actual, 1e-9);
          assert_float_equal(e.low, actual, 1e-9);
          assert_float_equal(e.high, actual, 1e-9);
        }
        /* the same from the series cut at (yi, k) */
        double w[YEARS * P];
        for (int i = 0; i < YEARS * P; i++) w[i] = i < yi * P + k ? v[i] : NAN;
        grid_init(&cut, P, (yi + 1) * P, w);
        assert_int_equal(ts_projection_estimate(&cut.g, yi, k, (ts_proj_method)m, 80, &f),
                         SQLITE_OK);
        assert_true(f.ok);
        assert_true(f.projection == e.projection);
        assert_int_equal(f.interval_ok, e.interval_ok);
        if (e.interval_ok) assert_true(f.low == e.low && f.high == e.high);
      }
    }
  }
}

/* projection_auto.c item 3b: a series alone (no pool) is ranked over its
** errors from the year's quarter ends too.  Pinned: no data from the
** future -- every year's auto, from every point, equals auto from the
** series cut at that point, in the backtest every row comes from (the
** virtual table's) and in ts_projection_estimate (the aggregate's, which
** backtests only the years it reads) -- and the cut-offs are read: on
** these series some years' auto differs from the grid without the cache,
** which ranks by the point projected from alone; and without room for
** the cut-offs' backtests (an allocation failed) each cell is made alone,
** to the same numbers. */
static void auto_cut_offs_case(int P, int years, double noise) {
  enum { MAXV = 12 * 12 };
  double v[MAXV], w[MAXV];
  unsigned char pv[MAXV], pw[MAXV];
  ts_proj_cell full[12 * TS_PROJ_N_CELLS], part[12 * TS_PROJ_N_CELLS], plain[12 * TS_PROJ_N_CELLS];
  int differs = 0;
  assert_true(years * P <= MAXV && years <= 12);
  for (int i = 0; i < years * P; i++) {
    int pos = i % P, yr = i / P;
    v[i] = (200 + 9 * i) * (1 + 0.35 * sin(6.2832 * pos / P)) *
           (1 + noise * sin(i * 2.39 + yr * 0.7)) * (1 + 0.1 * (yr % 3 == 1));
    pv[i] = 1;
  }
  ts_proj_grid g = {P, 2001, years, v, pv, NULL, NULL, NULL, 0, NULL, 0, 0, NULL, NULL, NULL};
  assert_int_equal(ts_proj_cuts_new(&g), SQLITE_OK);
  ts_proj_grid none = g, lean = g;
  none.cuts = NULL;
  assert_int_equal(ts_proj_cuts_new(&lean), SQLITE_OK);
  lean.cuts->failed = 1; /* as after a failed allocation */
  for (int k = 1; k < P; k++) {
    assert_int_equal(ts_projection_backtest(&g, k, ts_projection_mask(TS_PROJ_AUTO), years, full),
                     SQLITE_OK);
    assert_int_equal(
        ts_projection_backtest(&none, k, ts_projection_mask(TS_PROJ_AUTO), years, plain),
        SQLITE_OK);
    for (int yi = 3; yi < years; yi++) {
      ts_proj_estimate e, f, a;
      ts_projection_from_backtest(&g, full, yi, k, TS_PROJ_AUTO, 80, &e);
      assert_true(e.ok);
      ts_projection_from_backtest(&none, plain, yi, k, TS_PROJ_AUTO, 80, &f);
      differs += f.projection != e.projection;
      ts_projection_from_backtest(&lean, full, yi, k, TS_PROJ_AUTO, 80, &f);
      assert_true(f.projection == e.projection);
      assert_true(f.interval_ok == e.interval_ok && f.low == e.low && f.high == e.high);
      /* the series cut at (yi, k), as the virtual table would see it */
      for (int i = 0; i < (yi + 1) * P; i++) w[i] = v[i], pw[i] = i < yi * P + k;
      ts_proj_grid c = {P, 2001, yi + 1, w, pw, NULL, NULL, NULL, 0, NULL, 0, 0, NULL, NULL, NULL};
      assert_int_equal(ts_proj_cuts_new(&c), SQLITE_OK);
      assert_int_equal(
          ts_projection_backtest(&c, k, ts_projection_mask(TS_PROJ_AUTO), yi + 1, part), SQLITE_OK);
      ts_projection_from_backtest(&c, part, yi, k, TS_PROJ_AUTO, 80, &f);
      assert_true(f.ok);
      assert_true(f.projection == e.projection);
      assert_int_equal(f.interval_ok, e.interval_ok);
      if (e.interval_ok) assert_true(f.low == e.low && f.high == e.high);
      /* the aggregate's way: only the years it reads backtested */
      assert_int_equal(ts_projection_estimate(&c, yi, k, TS_PROJ_AUTO, 0, &a), SQLITE_OK);
      assert_true(a.ok && a.projection == e.projection);
      ts_proj_cuts_free(c.cuts);
    }
  }
  ts_proj_cuts_free(g.cuts);
  ts_proj_cuts_free(lean.cuts);
  assert_true(differs > 0);
}

static void test_auto_cut_offs(void **state) {
  (void)state;
  auto_cut_offs_case(4, 12, 0.06);
  auto_cut_offs_case(12, 11, 0.04);
}

/* Item 7: holt_winters' projection of a year reads a bounded stretch of
** history (its chain restarts at every calendar year divisible by
** TS_PROJ_CHAIN_YEARS, each fit sees TS_PROJ_FIT_YEARS years), so a
** 3,200-year series costs what 24 years do: the projection of its last
** year equals that from the series with all but the years from the
** chain's start - TS_PROJ_FIT_YEARS removed (a gap: the fits use unbroken
** runs only).  Years 0..3199 here, so the chain starts at year 3184. */
static void test_bounded_history(void **state) {
  (void)state;
  enum { YEARS = 3200, P = 12 };
  double *v = malloc(sizeof(double) * YEARS * P);
  unsigned char *present = malloc(YEARS * P);
  assert_non_null(v);
  assert_non_null(present);
  for (int i = 0; i < YEARS * P; i++) {
    v[i] = 1000 + 50 * sin(i * 0.5236) + 20 * sin(i * 0.91) + (i % 17);
    present[i] = i < YEARS * P - 6; /* the last year through June */
  }
  ts_proj_grid g = {P, 0, YEARS, v, present, NULL, NULL, NULL, 0, NULL, 0, 0, NULL, NULL, NULL};
  ts_proj_cell full, part;
  for (int m = TS_PROJ_HOLT_WINTERS; m <= TS_PROJ_THETA; m++) {
    ts_proj_fixed(&g, YEARS - 1, 6, (ts_proj_method)m, &full);
    assert_true(full.ok);
    int keep_from =
        ((YEARS - 1) / TS_PROJ_CHAIN_YEARS * TS_PROJ_CHAIN_YEARS - TS_PROJ_FIT_YEARS) * P - 1;
    for (int i = 0; i <= keep_from; i++) present[i] = 0;
    ts_proj_fixed(&g, YEARS - 1, 6, (ts_proj_method)m, &part);
    assert_true(part.ok);
    assert_true(part.value == full.value);
    for (int i = 0; i <= keep_from; i++) present[i] = 1;
  }
  /* auto reads 2 TS_PROJ_ERROR_YEARS + 1 years' backtests (its rules'
  ** errors, each ranked on the years before): the first it needs is a
  ** chain start */
  g.first_year = 0; /* year = index: chains start at indexes divisible by 16 */
  assert_int_equal(
      ts_projection_first_needed(&g, YEARS - 1, TS_PROJ_AUTO),
      (YEARS - 1 - 2 * TS_PROJ_ERROR_YEARS) / TS_PROJ_CHAIN_YEARS * TS_PROJ_CHAIN_YEARS);
  assert_int_equal(ts_projection_first_needed(&g, YEARS - 1, TS_PROJ_SNAIVE), YEARS - 1);
  free(v);
  free(present);
}

static void test_quantiles_and_interval(void **state) {
  (void)state;
  assert_float_equal(ts_student_t_quantile(0.9, 1), 3.0776835371752536, 1e-9);
  assert_float_equal(ts_student_t_quantile(0.9, 2), 1.8856180831641267, 1e-9);
  assert_float_equal(ts_student_t_quantile(0.975, 10), 2.2281388519649385, 1e-9);
  assert_float_equal(ts_student_t_quantile(0.1, 5), -1.4758840488244813, 1e-9);
  assert_float_equal(ts_normal_quantile(0.975), 1.959963984540054, 1e-9);
  assert_float_equal(ts_student_t_quantile(0.9, 3), 1.6377443536962102, 1e-9);
  /* log errors 0.1, 0.2, 0.3: mean square (0.01 + 0.04 + 0.09) / 3, n 3:
  ** centred on the projection, +- t(0.9, 3) sqrt(0.14 / 3) */
  double proj[3] = {100, 100, 100};
  double actual[3] = {100 * exp(0.1), 100 * exp(0.2), 100 * exp(0.3)};
  double low, high, half = 1.6377443536962102 * sqrt(0.14 / 3);
  assert_int_equal(ts_proj_error_interval(proj, actual, 3, 500, 80, &low, &high), 0);
  assert_float_equal(low, 500 * exp(-half), 1e-6);
  assert_float_equal(high, 500 * exp(half), 1e-6);
  /* two pairs are not enough; a bad level gives none */
  assert_int_equal(ts_proj_error_interval(proj, actual, 2, 500, 80, &low, &high), 1);
  assert_int_equal(ts_proj_error_interval(proj, actual, 3, 500, 100, &low, &high), 1);
  /* a negative actual: relative errors instead of log ratios */
  double actual2[3] = {-10, 110, 120};
  assert_int_equal(ts_proj_error_interval(proj, actual2, 3, 200, 80, &low, &high), 0);
  assert_true(low < 200 && high > 200 && low < 0);
}

static void test_method_names(void **state) {
  (void)state;
  ts_proj_method m;
  assert_int_equal(ts_proj_method_from_name("holt_winters", &m), 0);
  assert_int_equal(m, TS_PROJ_HOLT_WINTERS);
  assert_int_equal(ts_proj_method_from_name("Auto", &m), 0); /* any case */
  assert_int_equal(m, TS_PROJ_AUTO);
  assert_int_equal(ts_proj_method_from_name(" THETA ", &m), 0);
  assert_int_equal(m, TS_PROJ_THETA);
  assert_int_equal(ts_proj_method_from_name("auto2", &m), 1);
  assert_int_equal(ts_proj_method_from_name("run-rate", &m), 1);
  assert_int_equal(ts_proj_method_from_name(NULL, &m), 1);
  assert_string_equal(ts_proj_method_name(TS_PROJ_AVG_SHARE), "avg_share");
  assert_null(ts_proj_method_name((ts_proj_method)99));
  assert_int_equal(ts_proj_periods_per_year(TS_KIND_MONTH), 12);
  assert_int_equal(ts_proj_periods_per_year(TS_KIND_DAY), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_article_methods),
      cmocka_unit_test(test_first_year_has_no_history),
      cmocka_unit_test(test_avg_share_three_years),
      cmocka_unit_test(test_linear_reproduces_a_line),
      cmocka_unit_test(test_holt_winters_pure_seasonal),
      cmocka_unit_test(test_holt_winters_multiplicative),
      cmocka_unit_test(test_holt_winters_damped_trend),
      cmocka_unit_test(test_holt_winters_degenerate),
      cmocka_unit_test(test_gaps_zero_negative),
      cmocka_unit_test(test_auto_learns),
      cmocka_unit_test(test_auto_weighted_median),
      cmocka_unit_test(test_auto_learns_its_rule),
      cmocka_unit_test(test_interval_from_spread),
      cmocka_unit_test(test_invariants),
      cmocka_unit_test(test_auto_cut_offs),
      cmocka_unit_test(test_bounded_history),
      cmocka_unit_test(test_quantiles_and_interval),
      cmocka_unit_test(test_method_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
