/*
** projection/projection_errors.c -- what the backtest's past errors
** decide (see projection.h): the errors of each method and of auto's
** rules, a series' own and pooled over the other series of its source
** (ts_proj_pool), and the contract of the prediction intervals, which
** projection_bounds.c sets on each row.  `auto`'s ranking of the
** methods and its choice of rule (item 3) are projection_auto.c; what the
** two share, projection_errors.h.  The methods, the backtest that makes
** the cells read here, and the grid are projection_core.c; the t
** quantiles and the interval of a variance are projection_interval.c.
**
** Contract (items numbered as in projection_core.c, whose items 1, 2, 5,
** 6 and 7 hold here too; item 3 is projection_auto.c's; year y, periods
** 1..k of P known, ytd their sum):
**  4. Intervals, centred on the projection (the point is not moved by the
**     mean past error: measured, that made the good methods worse), from
**     errors r = ln(actual / projection) (the relative error (actual -
**     projection) / |projection| when either is <= 0) of years before y:
**       own:  n errors of this method on this series in the latest
**             TS_PROJ_ERROR_YEARS (4) earlier years (errors change as a
**             series' history grows), sum of |r| S;
**       pool: (virtual table) the mean |r| D of the same method's errors on
**             the other series of the same source from the same point of
**             the year, in the same calendar years; needs >= 5 of them;
**       d  = (S + 3 D) / (n + 3) with a pool (the pool counts as 3 years
**            of own errors), df = floor((n + 3)^2 / n) (Satterthwaite),
**            63 for n = 0; without a pool d = S / n, df = n, n >= 3;
**       sd = d sqrt(pi / 2) (the mean absolute error is robust to the odd
**            huge error that a mean square turns into wide intervals);
**       [low, high] = projection * exp(+- t_df sd) for a series with no
**            negative value, else projection +- |projection| t_df sd;
**       then low is raised to the year-to-date for a series with no
**            negative value.
**     So a series' first years get intervals from the others' errors, and
**     three near-identical errors of its own cannot make an interval much
**     narrower than the pool's.  auto's interval is sized by the errors of
**     the rule it used (own and pooled, as above), and its variance is at
**     most that of the best method projecting the year (smallest d): an
**     interval in more cases (90 / 90 / 83 % of projections instead of 87
**     / 89 / 77 %) and, beside R on H1, 79-86 % coverage on the synthetic
**     sets instead of 89-93 %.  holt_winters' own model error
**     (cell.model_sd) is not used: its 80 % intervals held only 60-63 % of
**     the actual totals.
**  4b. No earlier errors (neither own nor pooled, nor for auto a method's):
**     with the prior year complete and 2 <= k < P periods observed, all
**     > 0, the growth by period r_j = ln(value(y, j) / value(y - 1, j))
**     has sample variance s^2 on k - 1 degrees of freedom, s at least
**     GROWTH_SPREAD_FLOOR = 0.03; var ln(total) = q^2 s^2 (1/k + 1/(P -
**     k)), q = |projection - ytd| / projection the share still to come
**     (its level known to s^2 / k, each period varying by s^2 / (P - k);
**     negative only in a series with negative values, whose size is what
**     varies: taken as 0 it gave a zero-width interval).  The floor: two
**     quarters that grew by the same ratio gave s = 0 and an "80 %"
**     interval of zero width (a variance on one degree of freedom is
**     near 0 often by chance); measured on series alone (PROJ_NOPOOL=1),
**     those intervals held 80.1 / 77.9 / 69.4 % of actual totals and now
**     84.9 / 79.3 / 70.6 % (synthetic quarterly / monthly / KOSIS); a
**     floor of 0.05 took 89.7 / 81.9 / 72.5 %, shrinking s^2 toward
**     4d's 0.25 as 4c does 96.7 / 93.9 / 69.9 % (a growth's spread is
**     no period's); auto with the pool did not move.  The first year
**     (no prior year) and k = 1 get none here (4c).  No interval: NULL
**     with a note.  Only for a projection that follows the prior year's
**     shape (prior_share, avg_share, snaive, holt_winters, theta, auto's
**     rules, a total reconciled from those): the spread says how far the
**     rest of the year may stray from that shape, nothing about how far
**     a run rate or a line through the year so far is off it -- on a
**     series whose every year is the same it is 0, and run_rate's
**     interval was [162, 162] for a total of 198 (its error the year
**     before, the same 18 %, too few to count).  run_rate and linear get
**     none here (run_rate may still get 4c's).
**  4c. No earlier year, run_rate (and auto when it is run_rate alone):
**     the rest of the year as P - k draws about the level of the k
**     observed periods, 2 <= k < P, all > 0: ss the sum of squares of
**     ln value(y, j) about their mean, shrunk with the same spread pooled
**     over the source's other series in the same calendar year and point
**     (>= POOL_MIN of them; ts_proj_pool_add keeps it per year):
**     s^2 = (ss + 3 s_pool^2) / (k - 1 + 3), df = (k + 2)^2 / (k - 1),
**     var = q^2 s^2 (1/k + 1/(P - k)).  Measured on first years (80 %,
**     even / odd halves of the series): 83.2 / 85.2 %, 79.1 / 74.8 %,
**     79.1 / 74.3 % of actual totals (synthetic quarterly / monthly /
**     KOSIS); the own spread alone 60-81 %, and a line's errors (linear)
**     held 40-54 % in such intervals: those get none.
**  4d. 4c with no pooled spread (from one period, k = 1, where no series
**     has a spread yet; or fewer than POOL_MIN others), in the virtual
**     table and a series' years before its first complete one: s_pool is
**     an assumed DEFAULT_SPREAD = 0.25 (still POOL_WEIGHT degrees of
**     freedom; df = 63 for k = 1), the note says so.  Measured from one
**     period (80 %, even / odd halves): 82.0 / 76.5 %, 84.0 / 77.3 %,
**     82.7 / 86.5 % of actual totals (synthetic quarterly / monthly /
**     KOSIS), widths 55-61 %; 0.20-0.28 was the spread each half needed.
**     A series alone (no pool) and reconciled totals get none.
**  4e. auto's variance (item 4: its rule's, no wider than the best
**     method's) when it rests on the series' own errors alone (no pool
**     for the slot it came from): the smallest of up to eight estimates
**     from 3 or 4 errors each is too small by the choosing, so auto's
**     own projections of the latest 4 earlier years, as auto made them
**     (its rule and ranking of that year), join as own errors and that
**     estimate counts as POOL_WEIGHT years of them: d = (S_auto +
**     POOL_WEIGHT d_0) / (n + POOL_WEIGHT), df the smaller of d_0's and
**     (n + POOL_WEIGHT)^2 / n.  With a pool the estimates rest on the
**     other series' many errors and are kept: auto's own errors there
**     (its early years, with fewer methods) took the synthetic sets,
**     every point of the year, from 81-83 % to 85-86 % of actual totals
**     in "80 %" intervals.  Chosen
**     on the even half of the series, confirmed on the odd: R's
**     quarterly pair 60 / 80 % -> 80 / 90 %, R's monthly 73.7 / 84.6 %
**     -> 78.9 / 84.6 %; nothing else moves.
**  4f. No interval is narrower than 4b's at its floor, whatever sized
**     it (errors own or pooled, auto's, 4c's spread): var >= q^2
**     GROWTH_SPREAD_FLOOR^2 (1/k + 1/(P - k)), q = |projection - ytd| /
**     |projection|, on the degrees of freedom it had.  A series whose
**     every year has the same shape makes prior_share's past errors
**     exactly 0, and four of them (or a pool of such series) gave an
**     "80 %" interval of zero width, [450, 450].  In make bench-accuracy
**     nothing moved over every point of the year; beside R auto's width
**     on R's quarterly pair 8.7 -> 8.8 %; series alone (PROJ_NOPOOL=1)
**     auto's coverage 83.0 / 82.4 % -> 83.8 / 83.0 % (synthetic
**     quarterly / monthly), widths within 0.1 point.
*/
#include "projection/projection_errors.h"

#include <math.h>

/* ---- errors, own and pooled ---------------------------------------- */

/* Item 3: the years ts_proj_volatility looks back over. */
#define VOLATILITY_YEARS 3

/* Slot s's projection of year yj: 0 and *v, or 1 when it has none.  A
** rule's counts only in years where methods could be ranked (before that
** every rule is the plain median, and those early errors would only tell
** against the median rule). */
int ts_proj_slot_value(const ts_proj_grid *g, const ts_proj_cell *cells, int yj, int s, double *v) {
  if (s < TS_PROJ_N_FIXED) {
    const ts_proj_cell *c = &cells[yj * TS_PROJ_N_CELLS + s];
    *v = c->value;
    return !c->ok;
  }
  if (s == SLOT_AUTO) {
    ts_proj_cell a;
    int rule;
    ts_proj_auto_cell(g, cells, yj, &a, &rule);
    *v = a.value;
    return !a.ok;
  }
  double cand[N_RULES];
  int ranked;
  if (ts_proj_candidates(g, cells, yj, cand, &ranked)) return 1;
  if (ranked <= 0) return 1;
  *v = cand[s - TS_PROJ_N_FIXED];
  return 0;
}

/* Item 4c: the sum of squares of ln value(yi, j) about their mean over
** j = 1..k: 0 and *ss, or 1 when k < 2 or one of them is missing or not
** > 0. */
int ts_proj_year_spread(const ts_proj_grid *g, int yi, int k, double *ss) {
  double r[12], mean = 0;
  if (k < 2 || k > 12 || yi < 0 || yi >= g->n_years) return 1;
  for (int j = 1; j <= k; j++) {
    int i = ts_proj_cell_index(g, yi, j);
    if (!g->present[i] || !(g->value[i] > 0)) return 1;
    r[j - 1] = log(g->value[i]);
    mean += r[j - 1] / k;
  }
  *ss = 0;
  for (int j = 0; j < k; j++) *ss += (r[j] - mean) * (r[j] - mean);
  return 0;
}

/* The absolute percentage error |actual - v| / |actual| of a projection
** v whose error r is defined: 0 and *ape, or 1 when actual is 0 (a year
** whose total is 0 has no percentage error: it was +Inf, which tied
** every method that projected the year at an infinite mean for the
** next 4 years, and auto then took run_rate alone, first in list
** order, or a 0 / 0 weighted mean) or the quotient is not finite. */
static int pct_error(double v, double actual, double *ape) {
  if (actual == 0) return 1;
  *ape = fabs(actual - v) / fabs(actual);
  return !isfinite(*ape);
}

/* Item 3: the volatility auto's pooled ranking divides a series'
** percentage errors by (its square root): with d_t = ln(value_t /
** value_{t-P}) the growth of period t over the same period a year
** earlier, v = the mean of |d_t - d_{t-1}| over the periods of the latest
** VOLATILITY_YEARS years up to period k of year yi (both d defined: the
** four values present and > 0), known when the year is projected.  The
** growth's own level (a series growing fast) does not count, only how
** unevenly it moves from period to period. */
int ts_proj_volatility(const ts_proj_grid *g, int yi, int k, double *v) {
  int P = g->periods_per_year;
  if (P < 2 || k < 1 || k > P || yi < 0 || yi >= g->n_years) return 1;
  int end = yi * P + k, start = end - VOLATILITY_YEARS * P;
  if (start < P) start = P;
  double sum = 0;
  int n = 0;
  for (int t = start + 1; t < end; t++) {
    const double *x = g->value;
    const unsigned char *has = g->present;
    if (!has[t] || !has[t - 1] || !has[t - P] || !has[t - 1 - P]) continue;
    if (!(x[t] > 0 && x[t - 1] > 0 && x[t - P] > 0 && x[t - 1 - P] > 0)) continue;
    /* d_t - d_{t-1} = ln(x_t x_{t-1-P} / (x_{t-P} x_{t-1})) */
    sum += fabs(log(x[t] / x[t - P] * (x[t - 1 - P] / x[t - 1])));
    n++;
  }
  if (n < 3) return 1;
  *v = sum / n;
  return !(*v > 0) || !isfinite(*v);
}

void ts_proj_own_scales(const ts_proj_grid *g, int yi, double scale[ERROR_YEARS]) {
  double vol;
  for (int i = 0; i < ERROR_YEARS; i++) {
    int yj = yi - ERROR_YEARS + i;
    scale[i] =
        g->pool && yj >= 0 && !ts_proj_volatility(g, yj, g->pool->k, &vol) ? 1 / sqrt(vol) : 0;
  }
}

/* Absolute errors of slot s in years [from, yi) with a known total: their
** sum and count, and (ape, when given) the sum and count of their
** percentage errors (pct_error: the years whose total is not 0); norm,
** when given (with scale: ts_proj_own_scales of yi, from = yi -
** ERROR_YEARS), the sum and count of those percentage errors times their
** year's scale (years without one left out). */
static void own_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s, int from,
                       const double *scale, double *sum, double *n, double ape[2], double norm[2]) {
  double ape_sum = 0, ape_n = 0, norm_sum = 0, norm_n = 0;
  *sum = 0, *n = 0;
  for (int yj = from < 0 ? 0 : from; yj < yi; yj++) {
    double actual, r, v, e;
    if (ts_proj_actual(g, yj, &actual) || ts_proj_slot_value(g, cells, yj, s, &v) ||
        ts_proj_pair_error(v, actual, &r))
      continue;
    *sum += fabs(r);
    *n += 1;
    if (pct_error(v, actual, &e)) continue;
    ape_sum += e, ape_n += 1;
    if (norm && scale[yj - (yi - ERROR_YEARS)] > 0)
      norm_sum += e * scale[yj - (yi - ERROR_YEARS)], norm_n += 1;
  }
  if (ape) ape[0] = ape_sum, ape[1] = ape_n;
  if (norm) norm[0] = norm_sum, norm[1] = norm_n;
}

void ts_proj_own_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s, int from,
                        double *sum, double *n, double ape[2]) {
  own_errors(g, cells, yi, s, from, NULL, sum, n, ape, NULL);
}

/* ts_proj_pool_errors, and (norm, when given) the pool's percentage
** errors divided by the square root of their series' volatility: sum and
** count, this series' own taken out. */
static int pool_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                       const double *scale, double *sum, double *n, double ape[2], double norm[2]) {
  const ts_proj_pool *pool = g->pool;
  if (pool == NULL || pool->before == NULL || pool->periods_per_year != g->periods_per_year)
    return 1;
  int hi = g->first_year + yi - pool->first_year, lo = hi - ERROR_YEARS;
  if (hi < 0) hi = 0;
  if (hi > pool->n_years) hi = pool->n_years;
  if (lo < 0) lo = 0;
  if (lo > hi) lo = hi;
  const double *b = pool->before, *bh = b + hi * POOL_PER + SLOT_PER * s,
               *bl = b + lo * POOL_PER + SLOT_PER * s;
  double all_n = bh[1] - bl[1];
  if (all_n < POOL_MIN) return 1; /* cheap test first: fewer with own out */
  double own_sum, own_n, own_ape[2], own_norm[2];
  own_errors(g, cells, yi, s, yi - ERROR_YEARS, scale, &own_sum, &own_n, own_ape,
             norm ? own_norm : NULL);
  *sum = bh[0] - bl[0] - own_sum;
  *n = all_n - own_n;
  if (*sum < 0) *sum = 0; /* rounding of the subtraction */
  if (ape) {
    ape[0] = bh[2] - bl[2] - own_ape[0];
    ape[1] = bh[3] - bl[3] - own_ape[1];
    if (ape[0] < 0) ape[0] = 0;
  }
  if (norm) {
    norm[0] = bh[4] - bl[4] - own_norm[0];
    norm[1] = bh[5] - bl[5] - own_norm[1];
    if (norm[0] < 0) norm[0] = 0;
  }
  return *n < POOL_MIN;
}

/* The pool's absolute errors of slot s in years [yi - ERROR_YEARS, yi)
** (calendar years of this series), this series' own taken out: 0 and
** their sum, count and the sum and count of their percentage errors (ape
** may be NULL), or 1 without a pool or with fewer than POOL_MIN. */
int ts_proj_pool_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                        double *sum, double *n, double ape[2]) {
  return pool_errors(g, cells, yi, s, NULL, sum, n, ape, NULL);
}

/* Item 4: the variance of slot s's error in year yi.  The scale is the
** mean absolute error d (sd = d sqrt(pi / 2) for normal errors; robust to
** the odd huge error, which would widen an interval built on the mean
** square for every other year) over the latest ERROR_YEARS earlier years:
**   own n errors, own sum S; pool mean D (other series, same years):
**     d = (S + POOL_WEIGHT D) / (n + POOL_WEIGHT),
**     df = (n + POOL_WEIGHT)^2 / n (Satterthwaite's approximation, rounded
**     down; MAX_DF = 63 when n = 0 or above)
**   no pool: d = S / n with n >= 3, df = n.
** 0 and *var, *df (and *pooled: 1 when the pool's errors were used, when
** pooled is given); 1 when neither has enough. */
int ts_proj_error_variance(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                           double *var, double *df, int *pooled) {
  double sum, n, pool_sum, pool_n, d;
  int from_pool = !ts_proj_pool_errors(g, cells, yi, s, &pool_sum, &pool_n, NULL);
  if (pooled) *pooled = from_pool;
  ts_proj_own_errors(g, cells, yi, s, yi - ERROR_YEARS, &sum, &n, NULL);
  if (from_pool) {
    d = (sum + POOL_WEIGHT * pool_sum / pool_n) / (n + POOL_WEIGHT);
    *df = n > 0 ? (n + POOL_WEIGHT) * (n + POOL_WEIGHT) / n : MAX_DF;
  } else if (n >= 3) {
    d = sum / n;
    *df = n;
  } else {
    return 1;
  }
  *df = *df > MAX_DF ? MAX_DF : floor(*df);
  *var = HALF_PI * d * d;
  return 0;
}

/* Item 3: how auto ranks slot s in year yi -- by the mean absolute
** percentage error |actual - projection| / |actual| of its past
** projections, the measure a projection is judged by (the log error the
** intervals use is symmetric in the ratio, so a projection three times
** the actual cost ln 3 = 1.1 where its percentage error is 200 %: ranked
** by it, KOSIS, every point of the year, took 15.51 / 16.39 % MAPE by
** even / odd halves of the series, 15.42 / 16.38 % by the percentage
** error).  The pool's when the source has enough percentage errors (the
** other series': many more than a series' own few), else the series' own
** (3 or more); a year whose total is 0 has none (pct_error).
** The pool's percentage errors are each divided by the square root of
** their series' volatility at the point they were made from
** (ts_proj_volatility; scale: this series' own, ts_proj_own_scales, to
** take its own errors out; NULL: not divided), when 5 or more have one:
** one series whose values swing (a collapse, a surge) no longer decides
** the ranking for a source's calm ones.  Chosen on the even half of the
** series, confirmed on the odd (docs/design.md, Annual projection): the
** geometric mean of auto's MAPE over the eight H1 and every-point sets
** 0.997 / 0.983 of the plain pooled mean's; KOSIS every point 15.42 ->
** 15.15 / 16.38 -> 16.31 %.
** 0 and *d (*pooled = 1 when from the pool, when pooled is given), or 1
** when neither has enough. */
int ts_proj_rank_scale(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                       const double scale[ERROR_YEARS], double *d, int *pooled) {
  double sum, n, ape[2], norm[2];
  if (pooled) *pooled = 0;
  if (!pool_errors(g, cells, yi, s, scale, &sum, &n, ape, scale ? norm : NULL) &&
      ape[1] >= POOL_MIN) {
    *d = scale && norm[1] >= POOL_MIN ? norm[0] / norm[1] : ape[0] / ape[1];
    if (pooled) *pooled = 1;
    return 0;
  }
  ts_proj_own_errors(g, cells, yi, s, yi - ERROR_YEARS, &sum, &n, ape);
  if (ape[1] < 3) return 1;
  *d = ape[0] / ape[1];
  return 0;
}

int ts_proj_pool_add(ts_proj_pool *pool, const ts_proj_grid *g, const ts_proj_cell *cells,
                     unsigned mask) {
  if (g->n_years == 0) return SQLITE_OK;
  int lo = g->first_year, hi = g->first_year + g->n_years;
  if (pool->sum == NULL || lo < pool->first_year ||
      hi > pool->first_year + pool->n_years) { /* grow to cover the series */
    int new_lo = pool->sum && pool->first_year < lo ? pool->first_year : lo;
    int new_hi =
        pool->sum && pool->first_year + pool->n_years > hi ? pool->first_year + pool->n_years : hi;
    size_t per = POOL_PER;
    double *sum = sqlite3_malloc64(sizeof(double) * per * (sqlite3_uint64)(new_hi - new_lo));
    if (sum == NULL) return SQLITE_NOMEM;
    memset(sum, 0, sizeof(double) * per * (size_t)(new_hi - new_lo));
    if (pool->sum)
      memcpy(sum + per * (size_t)(pool->first_year - new_lo), pool->sum,
             sizeof(double) * per * (size_t)pool->n_years);
    sqlite3_free(pool->sum);
    pool->sum = sum;
    pool->first_year = new_lo;
    pool->n_years = new_hi - new_lo;
  }
  unsigned fixed = (1u << TS_PROJ_N_FIXED) - 1;
  if ((mask & fixed) == fixed) pool->spread = 1;
  for (int yi = 0; yi < g->n_years; yi++) {
    double actual, r, v, ss, vol;
    double *at = pool->sum + (size_t)(g->first_year + yi - pool->first_year) * POOL_PER;
    /* item 4c: the year's spread, once per series: with the fixed
    ** methods' errors (not auto's, added later; not reconciled totals',
    ** whose run_rate column holds sums of any method's projections) */
    if ((mask & fixed) == fixed && !ts_proj_year_spread(g, yi, pool->k, &ss)) {
      at[POOL_SPREAD] += ss;
      at[POOL_SPREAD + 1] += pool->k - 1;
      at[POOL_SPREAD + 2] += 1;
    }
    if (ts_proj_actual(g, yi, &actual)) continue;
    /* item 3: each percentage error also divided by the square root of
    ** the series' volatility at the point it was made from */
    double scale = ts_proj_volatility(g, yi, pool->k, &vol) ? 0 : 1 / sqrt(vol);
    for (int s = 0; s < POOL_SLOTS; s++) {
      /* bit TS_PROJ_AUTO: the rules' errors (auto's own column is not
      ** pooled: the rules' are what it chooses and sizes by) */
      int bit = s < TS_PROJ_N_FIXED ? s : TS_PROJ_AUTO;
      if (!(mask & (1u << bit)) || ts_proj_slot_value(g, cells, yi, s, &v) ||
          ts_proj_pair_error(v, actual, &r))
        continue;
      at[SLOT_PER * s] += fabs(r);
      at[SLOT_PER * s + 1] += 1;
      double e;
      if (pct_error(v, actual, &e)) continue;
      at[SLOT_PER * s + 2] += e, at[SLOT_PER * s + 3] += 1;
      if (scale > 0) at[SLOT_PER * s + 4] += e * scale, at[SLOT_PER * s + 5] += 1;
    }
  }
  return SQLITE_OK;
}

int ts_proj_pool_finish(ts_proj_pool *pool) {
  size_t per = POOL_PER;
  sqlite3_free(pool->before);
  pool->before = sqlite3_malloc64(sizeof(double) * per * (sqlite3_uint64)(pool->n_years + 1));
  if (pool->before == NULL) return SQLITE_NOMEM;
  memset(pool->before, 0, sizeof(double) * per);
  for (int i = 0; i < pool->n_years; i++)
    for (size_t j = 0; j < per; j++)
      pool->before[(i + 1) * per + j] = pool->before[i * per + j] + pool->sum[i * per + j];
  return SQLITE_OK;
}

void ts_proj_pool_free(ts_proj_pool *pool) {
  sqlite3_free(pool->sum);
  sqlite3_free(pool->before);
  pool->sum = pool->before = NULL;
  pool->n_years = 0;
  pool->spread = 0;
}
