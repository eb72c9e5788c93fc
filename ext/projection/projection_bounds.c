/*
** projection/projection_bounds.c -- the prediction interval each
** projection row shows (items 4-4f of projection_errors.c's contract):
** the variance that sizes it -- the errors of the method or of auto's
** rule, own and pooled (projection_errors.c), else this year's spread
** (4b), else a first year's (4c) --, the floor no interval goes under
** (4f), low raised to the year-to-date, and the row made from the
** backtest's cells (ts_projection_from_backtest).  The t quantiles and
** the interval of a variance are projection_interval.c.
*/
#include "projection/projection_errors.h"

#include <math.h>
#include <string.h>

/* Notes: why an interval is NULL, or how it was made. */
#define NOTE_INTERVAL        "fewer than 3 earlier years for an interval"
#define NOTE_INTERVAL_SPREAD "interval from the spread of this year's periods (no earlier errors)"
#define NOTE_INTERVAL_ASSUMED_ONE \
  "interval from an assumed spread of a year's periods (one period observed, no earlier year)"
#define NOTE_INTERVAL_ASSUMED                                                                    \
  "interval from the spread of this year's periods shrunk toward an assumed spread (no earlier " \
  "year, too few other series to pool)"
#define NOTE_INTERVAL_NOT_FINITE "interval is not a finite number"
#define NOTE_INTERVAL_FIRST                                                                     \
  "interval from the spread of this year's periods in this series and the source's others (no " \
  "earlier year)"

/* Item 4's variance for slot s; auto's (s = its rule's slot) no wider than
** the best method that projects the year (smallest d).  When what that
** gives rests on the series' own errors alone (no pool), it is the
** smallest of up to eight estimates from 3 or 4 errors each, too small
** by the choice (R's two quarterly series held 14 of 20 actual totals in
** such "80 %" intervals): auto's own past projections, as it made them,
** then count as own errors and that estimate as POOL_WEIGHT years of
** them, as a pool is (item 4e). */
static int slot_variance(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                         double *var, double *df) {
  int pooled, rc = ts_proj_error_variance(g, cells, yi, s, var, df, &pooled);
  if (s < TS_PROJ_N_FIXED) return rc;
  double best = -1, best_df = 0, v, f;
  int best_pooled = 0, p;
  for (int j = 0; j < TS_PROJ_N_FIXED; j++) {
    if (!cells[yi * TS_PROJ_N_CELLS + j].ok || ts_proj_error_variance(g, cells, yi, j, &v, &f, &p))
      continue;
    if (best < 0 || v < best) best = v, best_df = f, best_pooled = p;
  }
  if (best >= 0 && (rc || best < *var)) {
    *var = best;
    *df = best_df;
    pooled = best_pooled;
    rc = 0;
  }
  if (rc || pooled) return rc;
  double sum, n; /* item 4e: auto's realized errors */
  ts_proj_own_errors(g, cells, yi, SLOT_AUTO, yi - ERROR_YEARS, &sum, &n, NULL);
  if (n == 0) return 0;
  double d = (sum + POOL_WEIGHT * sqrt(*var / HALF_PI)) / (n + POOL_WEIGHT);
  double satterthwaite = floor((n + POOL_WEIGHT) * (n + POOL_WEIGHT) / n);
  if (satterthwaite < *df) *df = satterthwaite;
  *var = HALF_PI * d * d;
  return 0;
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
  /* the rest of the year's size: negative only in a series with
  ** negative values (item 5 raises the others' projections to the ytd) */
  double q = fabs(projection - ytd) / projection;
  double s2 = ss / (k - 1);
  /* k - 1 agreeing periods (one from H1) are no certainty (item 4b) */
  if (s2 < GROWTH_SPREAD_FLOOR * GROWTH_SPREAD_FLOOR)
    s2 = GROWTH_SPREAD_FLOOR * GROWTH_SPREAD_FLOOR;
  *var = q * q * s2 * (1.0 / k + 1.0 / (P - k));
  *df = k - 1;
  return 0;
}

/* Item 4b: whether slot s's projection (a reconciled total's: its
** parts' method) carries the prior year's shape into the rest of the
** year, so that the spread of this year's growth by period sizes its
** error: not run_rate's nor linear's. */
static int follows_prior_year(const ts_proj_grid *g, int s) {
  int m = g->summed_method > 0 ? g->summed_method - 1 : s;
  return m != TS_PROJ_RUN_RATE && m != TS_PROJ_LINEAR;
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
      ts_proj_ytd(g, yi, k, &ytd) || !(ytd > 0) || (k >= 2 && ts_proj_year_spread(g, yi, k, &ss)))
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

/* Item 4f: the least variance of ln(total) an interval may rest on, the
** spread rule's (4b) at its floor: the rest of the year, a share q =
** |projection - ytd| / |projection| of the total, strays from its
** projection by a spread of GROWTH_SPREAD_FLOOR between periods, var =
** q^2 floor^2 (1/k + 1/(P - k)).  Three or four past errors that are all
** exactly 0 (a series whose every year has the same shape, under
** prior_share) gave var = 0 and an "80 %" interval of zero width; a few
** identical errors are no more certainty than two agreeing periods. */
static void floor_variance(const ts_proj_grid *g, int yi, int k, double projection, double *var) {
  int P = g->periods_per_year;
  double ytd;
  if (k < 1 || k >= P || projection == 0 || ts_proj_ytd(g, yi, k, &ytd)) return;
  double q = fabs(projection - ytd) / fabs(projection);
  double least = q * q * GROWTH_SPREAD_FLOOR * GROWTH_SPREAD_FLOOR * (1.0 / k + 1.0 / (P - k));
  if (!(*var >= least)) *var = least;
}

/* Item 4: the interval from the errors slot s made in the years before yi
** (and the pool's), else from this year's spread (4b), centred on the
** projection, never narrower than 4f's; item 5's bounds. */
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
  if (rc && follows_prior_year(g, s) && !spread_variance(g, yi, k, out->projection, &var, &df)) {
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
  if (!rc) {
    floor_variance(g, yi, k, out->projection, &var);
    rc = ts_proj_interval_from_variance(out->projection, var, df, non_negative, level, g->quantiles,
                                        &out->low, &out->high);
  }
  out->interval_ok = !rc;
  if (!out->interval_ok) { /* 2: a bound past the largest double */
    out->interval_note = rc == 2 ? NOTE_INTERVAL_NOT_FINITE : NOTE_INTERVAL;
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
    if (g->cuts) g->cuts->k = k; /* projection_auto.c item 3b: the cells' cut-off */
    ts_proj_auto_cell(g, cells, yi, &a, &rule);
    c = &a;
    int only = ts_proj_only_method(g, cells, yi);
    s = only >= 0 ? only : TS_PROJ_N_FIXED + rule;
  }
  out->method = m;
  out->ok = c->ok;
  out->projection = c->ok ? c->value : 0;
  out->note = c->ok ? NULL : c->note;
  out->detail = c->ok ? c->detail : NULL;
  if (c->ok && level > 0) set_interval(g, cells, yi, k, s, level, out);
}
