/*
** projection/projection_errors.c -- what the backtest's past errors
** decide (see projection.h): the errors of each method, a series' own and
** pooled over the other series of its source (ts_proj_pool), `auto`'s
** ranking of the methods and its choice of rule, and the prediction
** intervals.  The methods, the backtest that makes the cells read here,
** and the grid are projection_core.c; the t quantiles and the interval of
** a variance are projection_interval.c.
**
** Contract (items numbered as in projection_core.c, whose items 1, 2, 5,
** 6 and 7 hold here too; year y, periods 1..k of P known, ytd their sum):
**  3. auto combines the seven.  Each method that projects year y is ranked
**     by its mean absolute error |r| (item 4's r) over the latest 4
**     earlier years: the pool's (other series, same point of the year,
**     >= 5 errors) when there is one, else its own (>= 3; fewer: not
**     ranked; and when no method has the pool's, one method it uses
**     with fewer leaves every method unranked: see candidates()).  Five
**     rules combine the ranked methods: the median of the best 5
**     weighted by 1 / d^2 (the value where the weights, sorted by
**     value, reach half their total), the best alone, the mean of the
**     best 3 weighted by 1 / d^2, the mean of the best 5 without the
**     highest and lowest, the median of every method; methods without
**     error (d = 0) win alone.  Each rule's projections of earlier years
**     (made the same way) have errors too, pooled in the same pool (bit
**     TS_PROJ_AUTO of ts_proj_pool_add); auto uses the rule with the
**     smallest mean |r| in the latest 4 earlier years, ranked as the
**     methods are (ties to the best alone, then in list order), the
**     weighted median while no rule can be judged.  With no method
**     ranked: the plain median of every method's projection.
**     linear joins only once the series has a complete earlier year (a
**     line through part of a year mostly follows the season: 2-4 times
**     run_rate's errors in series' first years), so a first year's auto
**     is run_rate; when auto uses one method, its errors are that
**     method's (item 4).
**     `detail` says which rule, or that one method was used alone; the
**     method column reads "auto".  The pool's
**     rule errors are complete only after every series was added, so
**     ts_projection_from_backtest makes auto's answer again from the fixed
**     cells (the backtest's auto column may predate them).
**     Measured (make bench-accuracy): ranked by own errors shrunk toward
**     the pool's, always the weighted median: MAPE 3.90 / 2.60 / 23.0 %
**     (synthetic quarterly / monthly / KOSIS); ranked by the pool and the
**     rule chosen: 3.88 / 2.63 / 16.0 %.
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
**     has sample variance s^2 on k - 1 degrees of freedom; var ln(total) =
**     q^2 s^2 (1/k + 1/(P - k)), q = (projection - ytd) / projection the
**     share still to come (its level known to s^2 / k, each period
**     varying by s^2 / (P - k)).  Measured on series alone: 80.1 / 77.9 /
**     69.4 % of actual totals in those "80 %" intervals.  The first year
**     (no prior year) and k = 1 get none here (4c).  No interval: NULL
**     with a note.
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
*/
#include "projection/projection.h"

#include <math.h>

/* Notes: why an interval is NULL, or how it was made. */
#define NOTE_INTERVAL        "fewer than 3 earlier years for an interval"
#define NOTE_INTERVAL_SPREAD "interval from the spread of this year's periods (no earlier errors)"
#define NOTE_INTERVAL_ASSUMED_ONE \
  "interval from an assumed spread of a year's periods (one period observed, no earlier year)"
#define NOTE_INTERVAL_ASSUMED                                                                    \
  "interval from the spread of this year's periods shrunk toward an assumed spread (no earlier " \
  "year, too few other series to pool)"
#define NOTE_INTERVAL_FIRST                                                                     \
  "interval from the spread of this year's periods in this series and the source's others (no " \
  "earlier year)"

/* ---- errors, own and pooled ---------------------------------------- */

#define ERROR_YEARS TS_PROJ_ERROR_YEARS
#define POOL_WEIGHT 3 /* the pool counts as 3 years of a series' own errors */
#define POOL_MIN    5 /* errors the pool needs before it is used */
#define MAX_DF \
  (TS_PROJ_MAX_HISTORY - 1) /* degrees of freedom, at most (the
                                            t quantile cache's range) */
#define HALF_PI 1.5707963267948966
/* Item 4d: the spread (sd) of ln value between a year's periods assumed
** where no series has shown one yet; measured, first years from one
** period needed 0.20-0.28 for 80 % coverage on every data set. */
#define DEFAULT_SPREAD 0.25

/* Item 3: auto's ways of combining the ranked methods.  An error "slot"
** is a fixed method (0..6) or one of these (TS_PROJ_N_FIXED + rule). */
enum { RULE_WMEDIAN, RULE_BEST, RULE_INV_MSE, RULE_TRIMMED, RULE_MEDIAN_ALL, N_RULES };
#define POOL_SLOTS (TS_PROJ_N_FIXED + N_RULES)
/* A pool's record of one calendar year: each slot's error sum and count,
** then item 4c's spread of the year's first k periods (sum of squares,
** degrees of freedom, series). */
#define POOL_SPREAD (POOL_SLOTS * 2)
#define POOL_PER    (POOL_SLOTS * 2 + 3)
#define AUTO_TOP    5 /* the weighted and trimmed rules use the best 5 */
#define INV_MSE_TOP 3

static const char *const RULE_DETAIL[N_RULES] = {
    "auto: the median of the 5 methods with the smallest past errors, weighted by their accuracy",
    "auto: the method with the smallest past errors",
    "auto: the mean of the 3 methods with the smallest past errors, weighted by 1 / error^2",
    "auto: the mean of the 5 methods with the smallest past errors, highest and lowest left out",
    "auto: the median of the methods"};
static const char DETAIL_AUTO_MEDIAN[] =
    "auto: no past errors to judge by, the median of the methods";
static const char DETAIL_AUTO_FEW[] =
    "auto: too few past errors to judge every method by, the median of the methods";
/* auto when one method alone projects the year: its value, not a median. */
static const char *const ONLY_DETAIL[TS_PROJ_N_FIXED] = {
    "auto: run_rate alone (the only method that projects this year)",
    "auto: prior_share alone (the only method that projects this year)",
    "auto: avg_share alone (the only method that projects this year)",
    "auto: snaive alone (the only method that projects this year)",
    "auto: linear alone (the only method that projects this year)",
    "auto: holt_winters alone (the only method that projects this year)",
    "auto: theta alone (the only method that projects this year)"};
static const char DETAIL_FIRST_YEAR[] = "auto: run_rate alone (no complete earlier year)";

static int candidates(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                      double cand[N_RULES], int *ranked);

/* Slot s's projection of year yj: 0 and *v, or 1 when it has none.  A
** rule's counts only in years where methods could be ranked (before that
** every rule is the plain median, and those early errors would only tell
** against the median rule). */
static int slot_value(const ts_proj_grid *g, const ts_proj_cell *cells, int yj, int s, double *v) {
  if (s < TS_PROJ_N_FIXED) {
    const ts_proj_cell *c = &cells[yj * TS_PROJ_N_CELLS + s];
    *v = c->value;
    return !c->ok;
  }
  double cand[N_RULES];
  int ranked;
  if (candidates(g, cells, yj, cand, &ranked)) return 1;
  if (ranked <= 0) return 1;
  *v = cand[s - TS_PROJ_N_FIXED];
  return 0;
}

/* Item 4c: the sum of squares of ln value(yi, j) about their mean over
** j = 1..k: 0 and *ss, or 1 when k < 2 or one of them is missing or not
** > 0. */
static int year_spread(const ts_proj_grid *g, int yi, int k, double *ss) {
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

/* Absolute errors of slot s in years [from, yi) with a known total: their
** sum and count. */
static void own_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s, int from,
                       double *sum, double *n) {
  *sum = 0, *n = 0;
  for (int yj = from < 0 ? 0 : from; yj < yi; yj++) {
    double actual, r, v;
    if (ts_proj_actual(g, yj, &actual) || slot_value(g, cells, yj, s, &v) ||
        ts_proj_pair_error(v, actual, &r))
      continue;
    *sum += fabs(r);
    *n += 1;
  }
}

/* The pool's absolute errors of slot s in years [yi - ERROR_YEARS, yi)
** (calendar years of this series), this series' own taken out: 0 and
** their sum and count, or 1 without a pool or with fewer than POOL_MIN. */
static int pool_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s, double *sum,
                       double *n) {
  const ts_proj_pool *pool = g->pool;
  if (pool == NULL || pool->before == NULL || pool->periods_per_year != g->periods_per_year)
    return 1;
  int hi = g->first_year + yi - pool->first_year, lo = hi - ERROR_YEARS;
  if (hi < 0) hi = 0;
  if (hi > pool->n_years) hi = pool->n_years;
  if (lo < 0) lo = 0;
  if (lo > hi) lo = hi;
  const double *b = pool->before;
  double all_n = b[hi * POOL_PER + 2 * s + 1] - b[lo * POOL_PER + 2 * s + 1];
  if (all_n < POOL_MIN) return 1; /* cheap test first: fewer with own out */
  double own_sum, own_n;
  own_errors(g, cells, yi, s, yi - ERROR_YEARS, &own_sum, &own_n);
  *sum = b[hi * POOL_PER + 2 * s] - b[lo * POOL_PER + 2 * s] - own_sum;
  *n = all_n - own_n;
  if (*sum < 0) *sum = 0; /* rounding of the subtraction */
  return *n < POOL_MIN;
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
** 0 and *var, *df; 1 when neither has enough. */
static int error_variance(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                          double *var, double *df) {
  double sum, n, pool_sum, pool_n, d;
  own_errors(g, cells, yi, s, yi - ERROR_YEARS, &sum, &n);
  if (!pool_errors(g, cells, yi, s, &pool_sum, &pool_n)) {
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

/* Item 3: how auto ranks slot s in year yi -- the pool's mean absolute
** error when the source has one (the other series' errors: many more
** than a series' own few), else the series' own (3 or more).  0 and *d
** (*pooled = 1 when from the pool, when pooled is given), or 1 when
** neither has enough. */
static int rank_scale(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s, double *d,
                      int *pooled) {
  double sum, n;
  if (pooled) *pooled = 0;
  if (!pool_errors(g, cells, yi, s, &sum, &n)) {
    *d = sum / n;
    if (pooled) *pooled = 1;
    return 0;
  }
  own_errors(g, cells, yi, s, yi - ERROR_YEARS, &sum, &n);
  if (n < 3) return 1;
  *d = sum / n;
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
    double actual, r, v, ss;
    double *at = pool->sum + (size_t)(g->first_year + yi - pool->first_year) * POOL_PER;
    /* item 4c: the year's spread, once per series: with the fixed
    ** methods' errors (not auto's, added later; not reconciled totals',
    ** whose run_rate column holds sums of any method's projections) */
    if ((mask & fixed) == fixed && !year_spread(g, yi, pool->k, &ss)) {
      at[POOL_SPREAD] += ss;
      at[POOL_SPREAD + 1] += pool->k - 1;
      at[POOL_SPREAD + 2] += 1;
    }
    if (ts_proj_actual(g, yi, &actual)) continue;
    for (int s = 0; s < POOL_SLOTS; s++) {
      /* bit TS_PROJ_AUTO: the rules' errors (auto's own column is not
      ** pooled: the rules' are what it chooses and sizes by) */
      int bit = s < TS_PROJ_N_FIXED ? s : TS_PROJ_AUTO;
      if (!(mask & (1u << bit)) || slot_value(g, cells, yi, s, &v) ||
          ts_proj_pair_error(v, actual, &r))
        continue;
      at[2 * s] += fabs(r);
      at[2 * s + 1] += 1;
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

/* ---- auto ------------------------------------------------------------- */

/* Sorts v (and w, when given, alongside) ascending. */
static void sort_values(double *v, double *w, int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
      double t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
      if (w) t = w[j], w[j] = w[j - 1], w[j - 1] = t;
    }
}

static double median_of(double *v, int n) {
  sort_values(v, NULL, n);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The weighted median of v[0..n-1] (weights w > 0 summing to total): the
** value where the cumulative weight of the sorted values reaches half,
** the mean of the two values when it lands exactly on half. */
static double weighted_median(double *v, double *w, int n, double total) {
  sort_values(v, w, n);
  double cum = 0;
  for (int i = 0; i < n; i++) {
    cum += w[i];
    if (cum == total / 2 && i + 1 < n) return 0.5 * (v[i] + v[i + 1]);
    if (cum > total / 2) return v[i];
  }
  return v[n - 1];
}

/* Item 3: whether auto uses method m's projection of year yi: it has
** one, and for linear, the series has a complete year before yi (a line
** through less than a year of periods mostly follows the season: in
** series' first years linear's errors were 2-4 times run_rate's). */
static int auto_uses(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int m) {
  if (!cells[yi * TS_PROJ_N_CELLS + m].ok) return 0;
  if (m != TS_PROJ_LINEAR) return 1;
  double total;
  for (int yj = yi - 1; yj >= 0; yj--)
    if (!ts_proj_actual(g, yj, &total)) return 1;
  return 0;
}

/* The one method auto uses in year yi, or -1 when it uses none or
** several: auto's projection is then that method's, and so are its
** errors. */
static int only_method(const ts_proj_grid *g, const ts_proj_cell *cells, int yi) {
  int only = -1;
  for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
    if (!auto_uses(g, cells, yi, m)) continue;
    if (only >= 0) return -1;
    only = m;
  }
  return only;
}

/* The note of auto using method m alone in year yi: run_rate in a year
** with no complete year before it is the series' first year (linear
** waits for one, the other methods need earlier years). */
static const char *only_detail(const ts_proj_grid *g, int yi, int m) {
  double total;
  if (m != TS_PROJ_RUN_RATE) return ONLY_DETAIL[m];
  for (int yj = yi - 1; yj >= 0; yj--)
    if (!ts_proj_actual(g, yj, &total)) return ONLY_DETAIL[m];
  return DETAIL_FIRST_YEAR;
}

/* Item 3: every rule's projection of year yi from the fixed cells.
** Returns 1 when no method projects the year.  *ranked = 1 when the
** methods were ranked; else every rule is the plain median, and
** *ranked = 0 when none could be, -1 when, ranked by the series' own
** errors alone (no method has the pool's), some method it uses has
** fewer than 3 of its own.  Those are the methods that fit on earlier
** years (holt_winters and theta on 2, the shares and snaive on 1), so
** what could be ranked first were run_rate and linear, the weakest on
** a seasonal series, and auto was run_rate: R's monthly series (H1)
** went from 1.79 to 1.46 % MAPE (theta 1.37).  With a pool, ranking
** what can be ranked stays better (the median there took KOSIS, every
** point of the year, from 15.50 / 16.39 to 16.52 / 16.82 % by halves). */
static int candidates(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                      double cand[N_RULES], int *ranked) {
  double d[TS_PROJ_N_FIXED], value[TS_PROJ_N_FIXED];
  int order[TS_PROJ_N_FIXED], n_ok = 0, n = 0, unranked = 0, pooled = 0;
  for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
    const ts_proj_cell *c = &cells[yi * TS_PROJ_N_CELLS + m];
    int from_pool;
    if (!auto_uses(g, cells, yi, m)) continue;
    value[n_ok++] = c->value;
    if (rank_scale(g, cells, yi, m, &d[m], &from_pool)) {
      unranked++;
      continue;
    }
    pooled |= from_pool;
    int j = n++; /* by error, ties to the earlier method */
    for (; j > 0 && d[order[j - 1]] > d[m]; j--) order[j] = order[j - 1];
    order[j] = m;
  }
  if (n_ok == 0) return 1;
  *ranked = n > 0;
  if (n > 0 && unranked && !pooled) n = 0, *ranked = -1; /* own errors of some */
  double all = median_of(value, n_ok);
  for (int r = 0; r < N_RULES; r++) cand[r] = all;
  if (n == 0) return 0;
  if (d[order[0]] == 0) { /* methods without error: them alone */
    while (n > 1 && d[order[n - 1]] > 0) n--;
  }
  double v[TS_PROJ_N_FIXED] = {0}, w[TS_PROJ_N_FIXED] = {0}, total = 0, wsum = 0, wvsum = 0;
  int top = n < AUTO_TOP ? n : AUTO_TOP;
  for (int i = 0; i < top; i++) {
    v[i] = cells[yi * TS_PROJ_N_CELLS + order[i]].value;
    w[i] = d[order[0]] == 0 ? 1 : 1 / (d[order[i]] * d[order[i]]);
    total += w[i];
    if (i < INV_MSE_TOP) wsum += w[i], wvsum += w[i] * v[i];
  }
  cand[RULE_BEST] = v[0];
  cand[RULE_INV_MSE] = wvsum / wsum;
  cand[RULE_WMEDIAN] = weighted_median(v, w, top, total); /* sorts v */
  double trimmed = 0;
  int lo = top >= 3 ? 1 : 0, hi = top >= 3 ? top - 1 : top;
  for (int i = lo; i < hi; i++) trimmed += v[i];
  cand[RULE_TRIMMED] = trimmed / (hi - lo);
  return 0;
}

/* Item 3: the rule auto uses in year yi -- the smallest rank_scale of the
** rules' own past projections (pooled over the source when it has
** enough), the weighted median when none can be judged yet.  Ties go to
** the best method alone, the simplest (rules tie when they made the same
** projections: with two methods ranked every rule but the median of all
** is the best one; the weighted median winning that tie then brought the
** unjudged methods in: KOSIS 16.12 -> 15.95 % MAPE), then in list order. */
static int choose_rule(const ts_proj_grid *g, const ts_proj_cell *cells, int yi) {
  int best = RULE_WMEDIAN;
  double best_d = -1, d;
  static const int ORDER[N_RULES] = {RULE_BEST, RULE_WMEDIAN, RULE_INV_MSE, RULE_TRIMMED,
                                     RULE_MEDIAN_ALL};
  for (int i = 0; i < N_RULES; i++) {
    int r = ORDER[i];
    if (rank_scale(g, cells, yi, TS_PROJ_N_FIXED + r, &d, NULL)) continue;
    if (best_d < 0 || d < best_d) best = r, best_d = d;
  }
  return best;
}

/* Auto's projection of year yi from the fixed cells; *rule the rule used
** (RULE_MEDIAN_ALL when no method could be ranked). */
static void auto_cell(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, ts_proj_cell *out,
                      int *rule) {
  double cand[N_RULES];
  int ranked;
  out->model_sd = -1;
  if (candidates(g, cells, yi, cand, &ranked)) {
    const ts_proj_cell *ps = &cells[yi * TS_PROJ_N_CELLS + TS_PROJ_PRIOR_SHARE];
    ts_proj_cell_fail(out, ps->note ? ps->note : cells[yi * TS_PROJ_N_CELLS].note);
    *rule = RULE_MEDIAN_ALL;
    return;
  }
  *rule = ranked > 0 ? choose_rule(g, cells, yi) : RULE_MEDIAN_ALL;
  ts_proj_cell_set(out, cand[*rule]);
  out->detail = ranked > 0 ? RULE_DETAIL[*rule] : ranked ? DETAIL_AUTO_FEW : DETAIL_AUTO_MEDIAN;
  int only = only_method(g, cells, yi); /* every rule gives its value */
  if (only >= 0) out->detail = only_detail(g, yi, only);
}

void ts_projection_auto_fill(const ts_proj_grid *g, int k, int n_years, ts_proj_cell *cells) {
  (void)k;
  int rule;
  for (int yi = 0; yi < n_years; yi++)
    auto_cell(g, cells, yi, &cells[yi * TS_PROJ_N_CELLS + TS_PROJ_AUTO], &rule);
}

/* ---- intervals ---------------------------------------------------------- */

/* Item 4's variance for slot s; auto's (s = its rule's slot) no wider than
** the best method that projects the year (smallest d). */
static int slot_variance(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                         double *var, double *df) {
  int rc = error_variance(g, cells, yi, s, var, df);
  if (s < TS_PROJ_N_FIXED) return rc;
  double best = -1, best_df = 0, v, f;
  for (int j = 0; j < TS_PROJ_N_FIXED; j++) {
    if (!cells[yi * TS_PROJ_N_CELLS + j].ok || error_variance(g, cells, yi, j, &v, &f)) continue;
    if (best < 0 || v < best) best = v, best_df = f;
  }
  if (best >= 0 && (rc || best < *var)) {
    *var = best;
    *df = best_df;
    rc = 0;
  }
  return rc;
}

/* Item 4b: with no earlier errors, the variance of ln(total) from the
** spread of this year's observed periods, 2 <= k < P, all > 0: r_j =
** ln(value(y, j) / value(y - 1, j)) with a complete prior year (its
** growth by period), else ln value(y, j); s^2 their sample variance (k - 1
** degrees of freedom); the periods still to come are a share q =
** (projection - ytd) / projection of the total and their level is known
** to s^2 / k and varies by s^2 / (P - k):  var = q^2 s^2 (1/k + 1/(P-k)). */
static int spread_variance(const ts_proj_grid *g, int yi, int k, double projection, double *var,
                           double *df) {
  int P = g->periods_per_year;
  double ytd, total, r[12], mean = 0, ss = 0;
  if (k < 2 || k >= P || !(projection > 0) || ts_proj_ytd(g, yi, k, &ytd)) return 1;
  if (ts_proj_actual(g, yi - 1, &total)) return 1;
  for (int j = 1; j <= k; j++) {
    double v = g->value[ts_proj_cell_index(g, yi, j)];
    double pv = g->value[ts_proj_cell_index(g, yi - 1, j)];
    if (!(v > 0) || !(pv > 0)) return 1;
    r[j - 1] = log(v / pv);
    mean += r[j - 1] / k;
  }
  for (int j = 0; j < k; j++) ss += (r[j] - mean) * (r[j] - mean);
  double q = (projection - ytd) / projection;
  if (q < 0) q = 0;
  *var = q * q * ss / (k - 1) * (1.0 / k + 1.0 / (P - k));
  *df = k - 1;
  return 0;
}

/* Whether the series has a complete year before year yi. */
static int complete_year_before(const ts_proj_grid *g, int yi) {
  double total;
  for (int yj = yi - 1; yj >= 0; yj--)
    if (!ts_proj_actual(g, yj, &total)) return 1;
  return 0;
}

/* Item 4c: no earlier year and no earlier errors, for a run-rate
** projection (run_rate, or auto when it is the only method): the rest of
** the year as P - k draws about the level of the k observed periods.  s^2
** is the spread of ln value(y, j) about their mean, pooled over the other
** series of the source in the same calendar year at the same point
** (POOL_MIN series or more) and shrunk with this series' own as errors
** are (item 4: the pool counts as POOL_WEIGHT degrees of freedom):
** s^2 = (ss + POOL_WEIGHT s_pool^2) / (k - 1 + POOL_WEIGHT), df = (k - 1
** + POOL_WEIGHT)^2 / (k - 1) (MAX_DF for k = 1); var = q^2 s^2 (1/k + 1/(P
** - k)), q the share still to come.  Item 4d: in the virtual table (a
** pool, however thin), a series with no complete earlier year and no
** pooled spread (k = 1: no series has a spread yet; fewer than POOL_MIN
** others) takes DEFAULT_SPREAD^2 for s_pool^2, and *assumed says so.  A
** series alone (no pool: the aggregate) gets none, nor a reconciled total
** (its pool holds no series' spread: its projection is its parts'). */
static int first_year_variance(const ts_proj_grid *g, int yi, int k, double projection, double *var,
                               double *df, int *assumed) {
  const ts_proj_pool *pool = g->pool;
  int P = g->periods_per_year;
  double ss = 0, ytd, pool_s2 = DEFAULT_SPREAD * DEFAULT_SPREAD;
  if (pool == NULL || !pool->spread || k < 1 || k >= P || !(projection > 0) ||
      ts_proj_ytd(g, yi, k, &ytd) || !(ytd > 0) || (k >= 2 && year_spread(g, yi, k, &ss)))
    return 1;
  *assumed = 1;
  int at = g->first_year + yi - pool->first_year;
  if (k >= 2 && pool->sum && pool->periods_per_year == P && pool->k == k && at >= 0 &&
      at < pool->n_years) {
    const double *y = pool->sum + (size_t)at * POOL_PER + POOL_SPREAD;
    double other_ss = y[0] - ss, other_df = y[1] - (k - 1), others = y[2] - 1;
    if (others >= POOL_MIN && other_df > 0) {
      pool_s2 = (other_ss < 0 ? 0 : other_ss) / other_df; /* < 0: rounding */
      *assumed = 0;
    }
  }
  if (*assumed && complete_year_before(g, yi)) return 1; /* 4d: first years only */
  double s2 = (ss + POOL_WEIGHT * pool_s2) / (k - 1 + POOL_WEIGHT);
  double q = (projection - ytd) / projection;
  if (q < 0) q = 0;
  *var = q * q * s2 * (1.0 / k + 1.0 / (P - k));
  *df = k == 1 ? MAX_DF : floor((double)(k - 1 + POOL_WEIGHT) * (k - 1 + POOL_WEIGHT) / (k - 1));
  if (*df > MAX_DF) *df = MAX_DF;
  return 0;
}

/* Item 4: the interval from the errors slot s made in the years before yi
** (and the pool's), else from this year's spread (4b), centred on the
** projection; item 5's bounds. */
static void set_interval(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int k, int s,
                         double level, ts_proj_estimate *out) {
  double var, df, ytd;
  if (k == g->periods_per_year) { /* the year is known: so is its total */
    out->interval_ok = 1;
    out->low = out->high = out->projection;
    return;
  }
  int non_negative = ts_proj_non_negative_upto(g, ts_proj_cell_index(g, yi, k));
  int rc = slot_variance(g, cells, yi, s, &var, &df);
  if (rc && !spread_variance(g, yi, k, out->projection, &var, &df)) {
    rc = 0;
    if (!out->interval_note) out->interval_note = NOTE_INTERVAL_SPREAD;
  }
  int assumed;
  if (rc && s == TS_PROJ_RUN_RATE &&
      !first_year_variance(g, yi, k, out->projection, &var, &df, &assumed)) {
    rc = 0;
    out->interval_note = !assumed ? NOTE_INTERVAL_FIRST
                         : k == 1 ? NOTE_INTERVAL_ASSUMED_ONE
                                  : NOTE_INTERVAL_ASSUMED;
  }
  out->interval_ok =
      !rc && !ts_proj_interval_from_variance(out->projection, var, df, non_negative, level,
                                             g->quantiles, &out->low, &out->high);
  if (!out->interval_ok) {
    out->interval_note = NOTE_INTERVAL;
    return;
  }
  if (!ts_proj_ytd(g, yi, k, &ytd) && non_negative) {
    if (out->low < ytd) out->low = ytd;
    if (out->high < ytd) out->high = ytd;
  }
  if (out->low > out->projection) out->low = out->projection;
  if (out->high < out->projection) out->high = out->projection;
}

void ts_projection_from_backtest(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int k,
                                 ts_proj_method m, double level, ts_proj_estimate *out) {
  memset(out, 0, sizeof(*out));
  ts_proj_cell a;
  const ts_proj_cell *c = &cells[yi * TS_PROJ_N_CELLS + m];
  int s = m;
  if (m == TS_PROJ_AUTO) { /* made again: the pool's rule errors may be
                              newer than the backtest's auto column */
    int rule;
    auto_cell(g, cells, yi, &a, &rule);
    c = &a;
    int only = only_method(g, cells, yi);
    s = only >= 0 ? only : TS_PROJ_N_FIXED + rule;
  }
  out->method = m;
  out->ok = c->ok;
  out->projection = c->ok ? c->value : 0;
  out->note = c->ok ? NULL : c->note;
  out->detail = c->ok ? c->detail : NULL;
  if (c->ok && level > 0) set_interval(g, cells, yi, k, s, level, out);
}
