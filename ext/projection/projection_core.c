/*
** projection/projection_core.c -- the projection methods over a
** grid of years (see projection.h), the backtest, `auto`, intervals and
** the pool of errors borrowed from other series.
**
** Contract (year y, periods 1..k of P known, ytd their sum):
**  1. The year-to-date must be complete: a missing period among 1..k gives
**     no projection ("incomplete year-to-date"), never a guess.  When
**     k == P the year is known: every method returns its total and the
**     interval is that total (low = high = projection = actual).
**  2. run_rate      ytd * P / k.
**     prior_share   ytd * prior_total / prior_ytd; needs the prior year
**                   complete and its year-to-date non-zero.
**     avg_share     ytd / mean(ytd_j / total_j) over the (up to) 3 latest
**                   complete prior years with a non-zero total; needs one.
**     snaive        ytd + the prior year's periods k+1..P; needs them.
**     linear        ytd + the least-squares line through every observed
**                   period up to (y, k), evaluated at k+1..P; needs two.
**     holt_winters  ytd + the forecast of periods k+1..P (holt_winters.c)
**                   fitted to the unbroken run of periods ending at (y, k),
**                   at most its latest TS_PROJ_FIT_YEARS (8) years; needs
**                   two full years (2 P periods); a fallback for a
**                   degenerate fit is said in `detail`.  The fits form a
**                   chain: year y's starts from year y-1's (same series,
**                   same point; holt_winters.c item 7), restarting cold at
**                   every calendar year divisible by TS_PROJ_CHAIN_YEARS
**                   (16) and at the series' first year; ts_proj_fixed runs
**                   the chain from its start, so the backtest, the window
**                   and the aggregate give the same number for a year.
**     theta         the Theta method (Assimakopoulos & Nikolopoulos; the
**                   M3 competition's best) in Hyndman & Billah's form, on
**                   the same run as holt_winters (latest 8 years, two full
**                   years needed): classical seasonal adjustment, simple
**                   exponential smoothing plus a drift of half the
**                   least-squares slope, seasonality put back.
**     With no negative value observed up to (y, k), a projection below the
**     year-to-date is raised to it (what is still to come cannot be
**     negative): linear, holt_winters and theta can fall below otherwise.
**  3. auto combines the seven.  Each method that projects year y is ranked
**     by its mean absolute error |r| (item 4's r) over the latest 4
**     earlier years: the pool's (other series, same point of the year,
**     >= 5 errors) when there is one, else its own (>= 3; fewer: not
**     ranked).  Five rules combine the ranked methods: the median of the
**     best 5 weighted by 1 / d^2 (the value where the weights, sorted by
**     value, reach half their total), the best alone, the mean of the
**     best 3 weighted by 1 / d^2, the mean of the best 5 without the
**     highest and lowest, the median of every method; methods without
**     error (d = 0) win alone.  Each rule's projections of earlier years
**     (made the same way) have errors too, pooled in the same pool (bit
**     TS_PROJ_AUTO of ts_proj_pool_add); auto uses the rule with the
**     smallest mean |r| in the latest 4 earlier years, ranked as the
**     methods are, the weighted median while no rule can be judged.  With
**     no method ranked: the plain median of every method's projection.
**     `detail` says which rule; the method column reads "auto".  The pool's
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
**     (no prior year) and k = 1 get none: the first year's own levels
**     (seasonality and all) held only 56-74 %.  No interval: NULL with a
**     note.
**  5. Zero and negative values are values: the formulas apply as written
**     and a zero denominator gives NULL with a note, never Inf.
**  6. Caches, never changing a number: the grid's year totals (built
**     once per series) and the caller's t quantiles (grid.quantiles).
**  7. Bounded work: one projection of year y reads the backtests of years
**     ts_projection_first_needed() and later only -- y itself for most
**     methods, holt_winters' chain start, auto's 8 earlier years (4 for
**     its rules' errors, 4 before them to rank) and their chain start, and
**     4 more years for a fixed method's interval -- and each
**     holt_winters or theta fit reads at most 8 years: a long history
**     costs the aggregate O(periods) (the grid, linear's line, avg_share's
**     look-back) plus at most 24 holt_winters fits of at most 8 years
**     each (and as many theta fits), whatever its length.
*/
#include "projection/projection.h"

#include <math.h>

const char ts_proj_method_list[] =
    "run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto";

static const char *const method_names[] = {"run_rate", "prior_share",  "avg_share", "snaive",
                                           "linear",   "holt_winters", "theta",     "auto"};

const char *ts_proj_method_name(ts_proj_method m) {
  return (m >= TS_PROJ_RUN_RATE && m <= TS_PROJ_AUTO) ? method_names[m] : NULL;
}

/* ASCII lower case of c. */
static char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

/* Equal ignoring ASCII case and the text's surrounding white space. */
static int name_matches(const char *z, const char *name) {
  int n = (int)strlen(z);
  ts_trim(&z, &n);
  int k = (int)strlen(name);
  if (n != k) return 0;
  for (int i = 0; i < n; i++)
    if (ascii_lower(z[i]) != name[i]) return 0;
  return 1;
}

int ts_proj_method_from_name(const char *z, ts_proj_method *out) {
  if (z == NULL) return 1;
  for (int m = TS_PROJ_RUN_RATE; m <= TS_PROJ_AUTO; m++) {
    if (name_matches(z, method_names[m])) {
      *out = (ts_proj_method)m;
      return 0;
    }
  }
  return 1;
}

int ts_proj_periods_per_year(ts_period_kind kind) {
  switch (kind) {
    case TS_KIND_YEAR: return 1;
    case TS_KIND_HALF: return 2;
    case TS_KIND_QUARTER: return 4;
    case TS_KIND_MONTH: return 12;
    default: return 0;
  }
}

/* Notes: why a projection or an interval is NULL. */
#define NOTE_YTD            "incomplete year-to-date"
#define NOTE_NO_PRIOR       "no complete prior year"
#define NOTE_PRIOR_YTD_ZERO "prior year-to-date is zero"
#define NOTE_NO_SHARE       "no complete prior year with a non-zero total"
#define NOTE_SHARE_ZERO     "mean prior share is zero"
#define NOTE_SNAIVE         "prior year's remaining periods missing"
#define NOTE_LINEAR         "fewer than 2 periods for a trend"
#define NOTE_HW             "holt_winters needs two full years of unbroken periods"
#define NOTE_NOT_FINITE     "projection is not a finite number"
#define DETAIL_HW_NEXT \
  "holt_winters: the best fit's forecast was degenerate, used the next stable model"
#define DETAIL_HW_SNAIVE \
  "holt_winters: no stable fit, used the prior year's periods (seasonal naive)"
#define NOTE_THETA           "theta needs two full years of unbroken periods"
#define NOTE_INTERVAL        "fewer than 3 earlier years for an interval"
#define NOTE_INTERVAL_SPREAD "interval from the spread of this year's periods (no earlier errors)"

static int cell_index(const ts_proj_grid *g, int yi, int pos) {
  return yi * g->periods_per_year + pos - 1;
}

/* Sum of positions [from, to] of year yi; 1 if one is missing. */
static int range_sum(const ts_proj_grid *g, int yi, int from, int to, double *out) {
  double s = 0, c = 0; /* Neumaier: totals of many periods stay exact */
  if (yi < 0 || yi >= g->n_years) return 1;
  for (int pos = from; pos <= to; pos++) {
    int i = cell_index(g, yi, pos);
    if (!g->present[i]) return 1;
    double v = g->value[i], t = s + v;
    c += fabs(s) >= fabs(v) ? (s - t) + v : (v - t) + s;
    s = t;
  }
  *out = s + c;
  return 0;
}

int ts_proj_ytd(const ts_proj_grid *g, int yi, int k, double *out) {
  return range_sum(g, yi, 1, k, out);
}

int ts_proj_actual(const ts_proj_grid *g, int yi, double *out) {
  if (g->year_total == NULL) return range_sum(g, yi, 1, g->periods_per_year, out);
  if (yi < 0 || yi >= g->n_years || !g->year_complete[yi]) return 1;
  *out = g->year_total[yi];
  return 0;
}

static void cell_set(ts_proj_cell *out, double value) {
  out->detail = NULL;
  out->ok = isfinite(value);
  out->value = out->ok ? value : 0;
  out->note = out->ok ? NULL : NOTE_NOT_FINITE;
}

static void cell_fail(ts_proj_cell *out, const char *note) {
  out->detail = NULL;
  out->ok = 0;
  out->value = 0;
  out->note = note;
}

/* Whether every value observed up to cell index last is >= 0 (item 5). */
static int non_negative_upto(const ts_proj_grid *g, long last) {
  if (g->negative_at > 0) return g->negative_at - 1 > last;
  for (long i = 0; i <= last; i++)
    if (g->present[i] && g->value[i] < 0) return 0;
  return 1;
}

static void prior_share(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  double prior_ytd, prior_total;
  if (ts_proj_actual(g, yi - 1, &prior_total) || ts_proj_ytd(g, yi - 1, k, &prior_ytd)) {
    cell_fail(out, NOTE_NO_PRIOR);
  } else if (prior_ytd == 0) {
    cell_fail(out, NOTE_PRIOR_YTD_ZERO);
  } else {
    cell_set(out, ytd * prior_total / prior_ytd);
  }
}

static void avg_share(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  double share_sum = 0;
  int used = 0;
  for (int yj = yi - 1; yj >= 0 && used < 3; yj--) {
    double total, part;
    if (ts_proj_actual(g, yj, &total) || total == 0) continue;
    ts_proj_ytd(g, yj, k, &part); /* complete: the whole year is */
    share_sum += part / total;
    used++;
  }
  if (used == 0)
    cell_fail(out, NOTE_NO_SHARE);
  else if (share_sum == 0)
    cell_fail(out, NOTE_SHARE_ZERO);
  else
    cell_set(out, ytd / (share_sum / used));
}

static void snaive(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  double rest;
  if (range_sum(g, yi - 1, k + 1, g->periods_per_year, &rest))
    cell_fail(out, NOTE_SNAIVE);
  else
    cell_set(out, ytd + rest);
}

static void linear(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  int P = g->periods_per_year, last = cell_index(g, yi, k);
  double n = 0, mean_x = 0, mean_y = 0, sxx = 0, sxy = 0;
  for (int i = 0; i <= last; i++) { /* one pass, Welford-style */
    if (!g->present[i]) continue;
    n += 1;
    double dx = i - mean_x, dy = g->value[i] - mean_y;
    mean_x += dx / n;
    mean_y += dy / n;
    sxx += dx * (i - mean_x);
    sxy += dx * (g->value[i] - mean_y);
  }
  if (n < 2 || sxx == 0) {
    cell_fail(out, NOTE_LINEAR);
    return;
  }
  double slope = sxy / sxx, rest = 0;
  for (int pos = k + 1; pos <= P; pos++) {
    int x = cell_index(g, yi, pos);
    rest += mean_y + slope * (x - mean_x);
  }
  cell_set(out, ytd + rest);
}

/* The unbroken run of periods ending at (yi, k), at most the latest
** TS_PROJ_FIT_YEARS years of it: returns its first cell index. */
static int fit_run_start(const ts_proj_grid *g, int last) {
  int first = last, cap = TS_PROJ_FIT_YEARS * g->periods_per_year;
  while (first > 0 && g->present[first - 1] && last - first + 1 < cap) first--;
  return first;
}

static void holt_winters(const ts_proj_grid *g, int yi, int k, double ytd, ts_hw_warm *warm,
                         ts_proj_cell *out) {
  int P = g->periods_per_year, last = cell_index(g, yi, k), first = fit_run_start(g, last);
  double rest, sd;
  ts_hw_model model;
  if (ts_holt_winters_forecast_warm(g->value + first, last - first + 1, P, first % P + 1, P - k,
                                    warm, &rest, &sd, &model)) {
    cell_fail(out, NOTE_HW);
    return;
  }
  cell_set(out, ytd + rest);
  out->model_sd = sd;
  if (out->ok && model.fallback) {
    out->detail = model.fallback == 1 ? DETAIL_HW_NEXT : DETAIL_HW_SNAIVE;
  }
}

/* Simple exponential smoothing's squared one-step error over d[0..n-1]
** with level l0 = d[0]; *level gets the final level. */
static double ses_sse(const double *d, int n, double alpha, double *level) {
  double l = d[0], sse = 0;
  for (int t = 1; t < n; t++) {
    double e = d[t] - l;
    sse += e * e;
    l += alpha * e;
  }
  if (level) *level = l;
  return sse;
}

/* Item 2, theta: the latest (up to TS_PROJ_FIT_YEARS) years of the
** unbroken run, seasonally adjusted by classical decomposition (ratios to
** a centred moving average, multiplicative when every value is > 0, else
** differences), SES with alpha fitted by golden section on [0.01, 0.99],
** plus half the least-squares slope as drift (Hyndman & Billah's form of
** the Theta method: b/2 ((h - 1) + (1 - (1 - alpha)^n) / alpha) at step
** h), seasonality put back. */
static void theta(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  enum { MAXN = TS_PROJ_FIT_YEARS * 12 };
  int P = g->periods_per_year, last = cell_index(g, yi, k), first = fit_run_start(g, last);
  int n = last - first + 1;
  const double *y = g->value + first;
  double d[MAXN] = {0}, season[12], count[12];
  if (n < 2 * P || P < 2) {
    cell_fail(out, NOTE_THETA);
    return;
  }
  int mult = 1;
  for (int t = 0; t < n; t++) mult &= y[t] > 0;
  /* centred moving average of order P (2 x P for even P) */
  for (int j = 0; j < P; j++) season[j] = 0, count[j] = 0;
  int half = P / 2;
  for (int t = half; t + half < n; t++) {
    double ma = 0;
    if (P % 2 == 0) {
      for (int i = t - half; i <= t + half; i++)
        ma += (i == t - half || i == t + half) ? y[i] / 2 : y[i];
    } else {
      for (int i = t - half; i <= t + half; i++) ma += y[i];
    }
    ma /= P;
    int j = (first + t) % P;
    if (mult) {
      if (!(ma > 0)) {
        mult = -1;
        break;
      }
      season[j] += y[t] / ma;
    } else {
      season[j] += y[t] - ma;
    }
    count[j] += 1;
  }
  if (mult < 0) { /* cannot happen with positive values; be safe */
    cell_fail(out, NOTE_THETA);
    return;
  }
  double total = 0;
  for (int j = 0; j < P; j++) {
    season[j] = count[j] > 0 ? season[j] / count[j] : (mult ? 1 : 0);
    total += season[j];
  }
  for (int j = 0; j < P; j++) {
    if (mult)
      season[j] *= P / total;
    else
      season[j] -= total / P;
  }
  for (int t = 0; t < n; t++) {
    int j = (first + t) % P;
    d[t] = mult ? y[t] / season[j] : y[t] - season[j];
  }
  /* drift: half the least-squares slope */
  double mt = (n - 1) / 2.0, md = 0, sxy = 0, sxx = 0;
  for (int t = 0; t < n; t++) md += d[t];
  md /= n;
  for (int t = 0; t < n; t++) sxy += (t - mt) * (d[t] - md), sxx += (t - mt) * (t - mt);
  double b = sxy / sxx / 2;
  /* alpha by golden section */
  double lo = 0.01, hi = 0.99, gr = 0.6180339887498949;
  double x1 = hi - gr * (hi - lo), x2 = lo + gr * (hi - lo);
  double f1 = ses_sse(d, n, x1, NULL), f2 = ses_sse(d, n, x2, NULL);
  for (int it = 0; it < 40; it++) {
    if (f1 <= f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - gr * (hi - lo);
      f1 = ses_sse(d, n, x1, NULL);
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + gr * (hi - lo);
      f2 = ses_sse(d, n, x2, NULL);
    }
  }
  double alpha = (lo + hi) / 2, level;
  ses_sse(d, n, alpha, &level);
  double rest = 0, tail = (1 - pow(1 - alpha, n)) / alpha;
  for (int h = 1; h <= P - k; h++) {
    int j = (first + n - 1 + h) % P;
    double f = level + b * ((h - 1) + tail);
    rest += mult ? f * season[j] : f + season[j];
  }
  cell_set(out, ytd + rest);
}

/* ts_proj_fixed with the Holt-Winters fits of the years before carried
** in warm (the backtest's chain, item 2). */
static void fixed_in_chain(const ts_proj_grid *g, int yi, int k, ts_proj_method m, ts_hw_warm *warm,
                           ts_proj_cell *out) {
  double ytd;
  out->model_sd = -1;
  if (ts_proj_ytd(g, yi, k, &ytd)) {
    cell_fail(out, NOTE_YTD);
    return;
  }
  if (k == g->periods_per_year) { /* the year is known */
    cell_set(out, ytd);
    if (m == TS_PROJ_HOLT_WINTERS) out->model_sd = 0;
    return;
  }
  switch (m) {
    case TS_PROJ_RUN_RATE: cell_set(out, ytd * g->periods_per_year / k); break;
    case TS_PROJ_PRIOR_SHARE: prior_share(g, yi, k, ytd, out); break;
    case TS_PROJ_AVG_SHARE: avg_share(g, yi, k, ytd, out); break;
    case TS_PROJ_SNAIVE: snaive(g, yi, k, ytd, out); break;
    case TS_PROJ_LINEAR: linear(g, yi, k, ytd, out); break;
    case TS_PROJ_HOLT_WINTERS: holt_winters(g, yi, k, ytd, warm, out); break;
    case TS_PROJ_THETA: theta(g, yi, k, ytd, out); break;
    default: cell_fail(out, NULL); break;
  }
  /* Item 5: what is still to come cannot be negative in a series that
  ** never was. */
  if (out->ok && out->value < ytd && non_negative_upto(g, cell_index(g, yi, k))) out->value = ytd;
}

/* Item 7: the chain restarts cold at every calendar year divisible by
** TS_PROJ_CHAIN_YEARS (or the series' first year): the year index where
** year yi's chain starts. */
static int chain_start(const ts_proj_grid *g, int yi) {
  int year = g->first_year + yi, r = year % TS_PROJ_CHAIN_YEARS;
  if (r < 0) r += TS_PROJ_CHAIN_YEARS;
  return yi - r < 0 ? 0 : yi - r;
}

int ts_proj_fixed(const ts_proj_grid *g, int yi, int k, ts_proj_method m, ts_proj_cell *out) {
  ts_hw_warm warm;
  memset(&warm, 0, sizeof(warm));
  if (m == TS_PROJ_HOLT_WINTERS) { /* the same chain of fits as the backtest */
    for (int yj = chain_start(g, yi); yj < yi; yj++) fixed_in_chain(g, yj, k, m, &warm, out);
  }
  fixed_in_chain(g, yi, k, m, &warm, out);
  return SQLITE_OK;
}

unsigned ts_projection_mask(ts_proj_method m) {
  if (m == TS_PROJ_AUTO) return (1u << (TS_PROJ_AUTO + 1)) - 1;
  return 1u << m;
}

int ts_projection_first_needed(const ts_proj_grid *g, int yi, ts_proj_method m) {
  if (yi < 0) yi = 0;
  /* auto ranks by errors of 4 earlier years, and chooses its rule by the
  ** errors of its rules in the 4 years before, each ranked the same way */
  if (m == TS_PROJ_AUTO) yi = yi > 2 * TS_PROJ_ERROR_YEARS ? yi - 2 * TS_PROJ_ERROR_YEARS : 0;
  if (m == TS_PROJ_AUTO || m == TS_PROJ_HOLT_WINTERS) yi = chain_start(g, yi);
  return yi;
}

static void backtest_from(const ts_proj_grid *g, int k, unsigned mask, int from, int n_years,
                          ts_proj_cell *cells) {
  ts_hw_warm warm;
  for (int yi = 0; yi < n_years; yi++) {
    if (yi == 0 || chain_start(g, yi) == yi) memset(&warm, 0, sizeof(warm));
    for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
      ts_proj_cell *c = &cells[yi * TS_PROJ_N_CELLS + m];
      if (yi >= from && (mask & (1u << m)))
        fixed_in_chain(g, yi, k, (ts_proj_method)m, &warm, c);
      else
        cell_fail(c, NULL), c->model_sd = -1;
    }
  }
  if (mask & (1u << TS_PROJ_AUTO)) {
    ts_projection_auto_fill(g, k, n_years, cells);
  } else {
    for (int yi = 0; yi < n_years; yi++)
      cell_fail(&cells[yi * TS_PROJ_N_CELLS + TS_PROJ_AUTO], NULL);
  }
}

int ts_projection_backtest(const ts_proj_grid *g, int k, unsigned mask, int n_years,
                           ts_proj_cell *cells) {
  backtest_from(g, k, mask, 0, n_years, cells);
  return SQLITE_OK;
}

/* ---- errors, own and pooled ---------------------------------------- */

#define ERROR_YEARS TS_PROJ_ERROR_YEARS
#define POOL_WEIGHT 3 /* the pool counts as 3 years of a series' own errors */
#define POOL_MIN    5 /* errors the pool needs before it is used */
#define MAX_DF \
  (TS_PROJ_MAX_HISTORY - 1) /* degrees of freedom, at most (the
                                            t quantile cache's range) */
#define HALF_PI 1.5707963267948966

/* Item 3: auto's ways of combining the ranked methods.  An error "slot"
** is a fixed method (0..6) or one of these (TS_PROJ_N_FIXED + rule). */
enum { RULE_WMEDIAN, RULE_BEST, RULE_INV_MSE, RULE_TRIMMED, RULE_MEDIAN_ALL, N_RULES };
#define POOL_SLOTS  (TS_PROJ_N_FIXED + N_RULES)
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
  if (!ranked) return 1;
  *v = cand[s - TS_PROJ_N_FIXED];
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
  double all_n = b[(hi * POOL_SLOTS + s) * 2 + 1] - b[(lo * POOL_SLOTS + s) * 2 + 1];
  if (all_n < POOL_MIN) return 1; /* cheap test first: fewer with own out */
  double own_sum, own_n;
  own_errors(g, cells, yi, s, yi - ERROR_YEARS, &own_sum, &own_n);
  *sum = b[(hi * POOL_SLOTS + s) * 2] - b[(lo * POOL_SLOTS + s) * 2] - own_sum;
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
** than a series' own few), else the series' own (3 or more).  0 and *d,
** or 1 when neither has enough. */
static int rank_scale(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s, double *d) {
  double sum, n;
  if (!pool_errors(g, cells, yi, s, &sum, &n)) {
    *d = sum / n;
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
    size_t per = POOL_SLOTS * 2;
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
  for (int yi = 0; yi < g->n_years; yi++) {
    double actual, r, v;
    if (ts_proj_actual(g, yi, &actual)) continue;
    double *at = pool->sum + (size_t)(g->first_year + yi - pool->first_year) * POOL_SLOTS * 2;
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
  size_t per = POOL_SLOTS * 2;
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

/* Item 3: every rule's projection of year yi from the fixed cells.
** Returns 1 when no method projects the year; *ranked = 0 when no method
** could be ranked (every rule is then the plain median). */
static int candidates(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                      double cand[N_RULES], int *ranked) {
  double d[TS_PROJ_N_FIXED], value[TS_PROJ_N_FIXED];
  int order[TS_PROJ_N_FIXED], n_ok = 0, n = 0;
  for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
    const ts_proj_cell *c = &cells[yi * TS_PROJ_N_CELLS + m];
    if (!c->ok) continue;
    value[n_ok++] = c->value;
    if (rank_scale(g, cells, yi, m, &d[m])) continue;
    int j = n++; /* by error, ties to the earlier method */
    for (; j > 0 && d[order[j - 1]] > d[m]; j--) order[j] = order[j - 1];
    order[j] = m;
  }
  if (n_ok == 0) return 1;
  double all = median_of(value, n_ok);
  *ranked = n > 0;
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
** enough), the weighted median when none can be judged yet. */
static int choose_rule(const ts_proj_grid *g, const ts_proj_cell *cells, int yi) {
  int best = RULE_WMEDIAN;
  double best_d = -1, d;
  for (int r = 0; r < N_RULES; r++) {
    if (rank_scale(g, cells, yi, TS_PROJ_N_FIXED + r, &d)) continue;
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
    cell_fail(out, ps->note ? ps->note : cells[yi * TS_PROJ_N_CELLS].note);
    *rule = RULE_MEDIAN_ALL;
    return;
  }
  *rule = ranked ? choose_rule(g, cells, yi) : RULE_MEDIAN_ALL;
  cell_set(out, cand[*rule]);
  out->detail = ranked ? RULE_DETAIL[*rule] : DETAIL_AUTO_MEDIAN;
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
    double v = g->value[cell_index(g, yi, j)];
    double pv = g->value[cell_index(g, yi - 1, j)];
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
  int non_negative = non_negative_upto(g, cell_index(g, yi, k));
  int rc = slot_variance(g, cells, yi, s, &var, &df);
  if (rc && !spread_variance(g, yi, k, out->projection, &var, &df)) {
    rc = 0;
    if (!out->interval_note) out->interval_note = NOTE_INTERVAL_SPREAD;
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
    s = TS_PROJ_N_FIXED + rule;
  }
  out->method = m;
  out->ok = c->ok;
  out->projection = c->ok ? c->value : 0;
  out->note = c->ok ? NULL : c->note;
  out->detail = c->ok ? c->detail : NULL;
  if (c->ok && level > 0) set_interval(g, cells, yi, k, s, level, out);
}

int ts_projection_estimate(const ts_proj_grid *g, int yi, int k, ts_proj_method m, double level,
                           ts_proj_estimate *out) {
  memset(out, 0, sizeof(*out));
  if (m != TS_PROJ_AUTO && level <= 0) { /* just this year, this method */
    ts_proj_cell c;
    ts_proj_fixed(g, yi, k, m, &c);
    out->method = m;
    out->ok = c.ok;
    out->projection = c.ok ? c.value : 0;
    out->note = c.ok ? NULL : c.note;
    out->detail = c.ok ? c.detail : NULL;
    return SQLITE_OK;
  }
  /* Only the years the answer reads are backtested (item 7). */
  int from = ts_projection_first_needed(
      g, level > 0 && m != TS_PROJ_AUTO ? yi - TS_PROJ_ERROR_YEARS : yi, m);
  int n_years = yi + 1;
  ts_proj_cell *cells =
      sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)n_years * TS_PROJ_N_CELLS);
  if (cells == NULL) return SQLITE_NOMEM;
  backtest_from(g, k, ts_projection_mask(m), from, n_years, cells);
  ts_projection_from_backtest(g, cells, yi, k, m, level, out);
  sqlite3_free(cells);
  return SQLITE_OK;
}

int ts_proj_grid_build(ts_period_kind kind, const ts_point *a, int n, int slot, ts_proj_grid *g) {
  int P = ts_proj_periods_per_year(kind);
  ts_period first, last;
  memset(g, 0, sizeof(*g));
  if (P == 0 || n == 0 || ts_period_from_ordinal(kind, a[0].ordinal, &first) ||
      ts_period_from_ordinal(kind, a[n - 1].ordinal, &last))
    return SQLITE_MISUSE;
  g->periods_per_year = P;
  g->first_year = first.year;
  g->n_years = last.year - first.year + 1;
  sqlite3_uint64 cells = (sqlite3_uint64)g->n_years * P, years = (sqlite3_uint64)g->n_years;
  /* One block: values, year totals, then presence and completeness. */
  double *value = sqlite3_malloc64((cells + years) * sizeof(double) + cells + years);
  if (value == NULL) return SQLITE_NOMEM;
  double *year_total = value + cells;
  unsigned char *present = (unsigned char *)(year_total + years);
  unsigned char *year_complete = present + cells;
  memset(present, 0, cells);
  for (int i = 0; i < n; i++) {
    ts_period p;
    /* A roll-up missing some of its months (grain=) is no observation. */
    if (a[i].sum[slot].count <= 0 || a[i].incomplete[slot]) continue;
    ts_period_from_ordinal(kind, a[i].ordinal, &p);
    sqlite3_uint64 at = (sqlite3_uint64)(p.year - first.year) * P + p.sub - 1;
    value[at] = ts_sum_double(&a[i].sum[slot]);
    present[at] = 1;
  }
  for (sqlite3_uint64 i = 0; i < cells; i++)
    if (!present[i]) value[i] = 0;
  g->value = value;
  g->present = present;
  for (int yi = 0; yi < g->n_years; yi++) {
    year_total[yi] = 0;
    year_complete[yi] = !range_sum(g, yi, 1, P, &year_total[yi]);
  }
  g->year_total = year_total;
  g->year_complete = year_complete;
  g->negative_at = (long)cells + 1;
  for (sqlite3_uint64 i = 0; i < cells; i++) {
    if (present[i] && value[i] < 0) {
      g->negative_at = (long)i + 1;
      break;
    }
  }
  return SQLITE_OK;
}

void ts_proj_grid_free(ts_proj_grid *g) {
  sqlite3_free((void *)g->value);
  memset(g, 0, sizeof(*g));
}
