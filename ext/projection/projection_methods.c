/*
** projection/projection_methods.c -- the fixed methods of item 2 of
** projection_core.c's contract but run_rate: prior_share, avg_share,
** snaive, linear's least-squares line, holt_winters (its fit is
** holt_winters.c's) and theta, each projecting year y from its
** year-to-date (projection_methods.h).  projection_core.c checks what
** every method needs first (a complete year-to-date, a known year, item
** 1b) and raises a projection below the year-to-date afterwards (item
** 5); the grid and the backtest are there too.
*/
#include "projection/projection_methods.h"

#include <math.h>

/* Notes: why a method's projection is NULL, or how it was made. */
#define NOTE_NO_PRIOR       "no complete prior year"
#define NOTE_PRIOR_YTD_ZERO "prior year-to-date is zero"
#define NOTE_NO_SHARE       "no complete prior year with a non-zero total"
#define NOTE_SHARE_ZERO     "mean prior share is zero"
#define NOTE_SNAIVE         "prior year's remaining periods missing"
#define NOTE_LINEAR         "fewer than 2 periods for a trend"
#define NOTE_HW             "holt_winters needs two full years of unbroken periods"
#define DETAIL_HW_NEXT \
  "holt_winters: the best fit's forecast was degenerate, used the next stable model"
#define DETAIL_HW_SNAIVE \
  "holt_winters: no stable fit, used the prior year's periods (seasonal naive)"
#define NOTE_THETA "theta needs two full years of unbroken periods"

static void prior_share(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  double prior_ytd, prior_total;
  if (ts_proj_actual(g, yi - 1, &prior_total) || ts_proj_ytd(g, yi - 1, k, &prior_ytd)) {
    ts_proj_cell_fail(out, NOTE_NO_PRIOR);
  } else if (prior_ytd == 0) {
    ts_proj_cell_fail(out, NOTE_PRIOR_YTD_ZERO);
  } else {
    ts_proj_cell_set(out, ytd * prior_total / prior_ytd);
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
    ts_proj_cell_fail(out, NOTE_NO_SHARE);
  else if (share_sum == 0)
    ts_proj_cell_fail(out, NOTE_SHARE_ZERO);
  else
    ts_proj_cell_set(out, ytd / (share_sum / used));
}

static void snaive(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  double rest;
  if (ts_proj_range_sum(g, yi - 1, k + 1, g->periods_per_year, &rest))
    ts_proj_cell_fail(out, NOTE_SNAIVE);
  else
    ts_proj_cell_set(out, ytd + rest);
}

/* The periods are numbered from the first observed one (x = 0), not
** from the grid's start: the virtual table's grid also begins at a
** leading row without a figure, the aggregate's at the first figure, and
** the same line through the same points rounded otherwise there (a few
** ulps apart). */
static void linear(const ts_proj_grid *g, int yi, int k, double ytd, ts_proj_cell *out) {
  int P = g->periods_per_year, last = ts_proj_cell_index(g, yi, k), i0 = 0;
  while (i0 <= last && !g->present[i0]) i0++;
  double n = 0, mean_x = 0, mean_y = 0, sxx = 0, sxy = 0;
  for (int i = i0; i <= last; i++) { /* one pass, Welford-style */
    if (!g->present[i]) continue;
    n += 1;
    double x = i - i0, dx = x - mean_x, dy = g->value[i] - mean_y;
    mean_x += dx / n;
    mean_y += dy / n;
    sxx += dx * (x - mean_x);
    sxy += dx * (g->value[i] - mean_y);
  }
  if (n < 2 || sxx == 0) {
    ts_proj_cell_fail(out, NOTE_LINEAR);
    return;
  }
  double slope = sxy / sxx, rest = 0;
  for (int pos = k + 1; pos <= P; pos++) {
    int x = ts_proj_cell_index(g, yi, pos) - i0;
    rest += mean_y + slope * (x - mean_x);
  }
  ts_proj_cell_set(out, ytd + rest);
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
  int P = g->periods_per_year, last = ts_proj_cell_index(g, yi, k), first = fit_run_start(g, last);
  double rest, sd;
  ts_hw_model model;
  if (ts_holt_winters_forecast_warm(g->value + first, last - first + 1, P, first % P + 1, P - k,
                                    warm, &rest, &sd, &model)) {
    ts_proj_cell_fail(out, NOTE_HW);
    return;
  }
  ts_proj_cell_set(out, ytd + rest);
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
  int P = g->periods_per_year, last = ts_proj_cell_index(g, yi, k), first = fit_run_start(g, last);
  int n = last - first + 1;
  const double *y = g->value + first;
  double d[MAXN] = {0}, season[12], count[12];
  if (n < 2 * P || P < 2) {
    ts_proj_cell_fail(out, NOTE_THETA);
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
    ts_proj_cell_fail(out, NOTE_THETA);
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
  ts_proj_cell_set(out, ytd + rest);
}

/* Item 2: method m's projection of year yi from cut-off k, its
** year-to-date ytd (complete; the year not yet known); warm carries the
** Holt-Winters fits of the years before (the backtest's chain). */
void ts_proj_method_value(const ts_proj_grid *g, int yi, int k, ts_proj_method m, double ytd,
                          ts_hw_warm *warm, ts_proj_cell *out) {
  switch (m) {
    case TS_PROJ_RUN_RATE: ts_proj_cell_set(out, ytd * g->periods_per_year / k); break;
    case TS_PROJ_PRIOR_SHARE: prior_share(g, yi, k, ytd, out); break;
    case TS_PROJ_AVG_SHARE: avg_share(g, yi, k, ytd, out); break;
    case TS_PROJ_SNAIVE: snaive(g, yi, k, ytd, out); break;
    case TS_PROJ_LINEAR: linear(g, yi, k, ytd, out); break;
    case TS_PROJ_HOLT_WINTERS: holt_winters(g, yi, k, ytd, warm, out); break;
    case TS_PROJ_THETA: theta(g, yi, k, ytd, out); break;
    default: ts_proj_cell_fail(out, NULL); break;
  }
}
