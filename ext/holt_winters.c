/*
** holt_winters.c -- Holt-Winters with no, additive or damped trend and
** additive or multiplicative seasonality, parameters fitted by
** Nelder-Mead, the model chosen by AICc, degenerate fits refused.
**
** Contract:
**  1. The model is the error-correction (state-space) form: with the
**     one-step error e = y - yhat and damping phi,
**        additive:        yhat = l + phi b + s,  l += phi b + a e,
**                         b = phi b + B e,  s += g e
**        multiplicative:  yhat = (l + phi b) s,  l += phi b + a e / s,
**                         b = phi b + B e / s,  s += g e / (l + phi b)
**     with B = a * beta*, 0 < a, beta* < 1, 0 < g < 1 - a.  The trend is
**     none (b = 0), additive (phi = 1) or damped (phi fitted in
**     [0.8, 0.98]); the forecast h steps ahead uses
**     (phi + phi^2 + ... + phi^h) b.
**  2. Starting states come from the first two seasons: the trend is the
**     change between their means (0 without a trend), the seasonal states
**     the average deviation (ratio) from that line, normalised to sum 0
**     (mean 1).  So a pure seasonal pattern, and a straight line plus a
**     seasonal pattern, are fitted with zero error and reproduced exactly.
**  3. The free parameters (a, g; beta* with a trend; phi when damped) are
**     fitted by minimising the sum of squared one-step errors over every
**     observation with Nelder-Mead on logistic transforms (the bounds hold
**     without clamping), from four fixed starting points.  Deterministic.
**  4. Candidates: each trend with additive seasonality, and with
**     multiplicative seasonality when every value is positive and at
**     least 5 % of the series' mean (near-zero values make the seasonal
**     ratios explode).  The one with the smallest AICc,
**     n ln(SSE / n) + 2 k + 2 k (k + 1) / (n - k - 1) with k the free
**     parameters (SSE floored at 1e-20 of sum y^2, so exact fits tie and
**     the simpler model wins), is used -- unless its forecast is
**     degenerate: not finite, negative for a series with no negative
**     value, or a period more than the range R = max - min of the last
**     two seasons beyond [min - R, max + R].  Then the best candidate
**     whose forecast is not degenerate is used (model->fallback = 1), and
**     with none the seasonal naive forecast (the same periods one season
**     earlier, model->fallback = 2).
**  5. The standard deviation of the forecast total over h periods is
**     sigma * sqrt(sum_i (1 + sum_{j<=h-i} c_j)^2), c_j = a + B (phi +
**     .. + phi^j) + g [j mod m == 0] (exact for the additive model; the
**     multiplicative one uses its relative errors scaled by the forecast
**     level), sigma with n - k degrees of freedom.  -1 after fallback 2.
**  6. Needs n >= 2 m; m is 2, 4 or 12; h <= 12.  Nothing allocates.
*/
#include "projection.h"

#include <float.h>
#include <math.h>

#define HW_MAX_DIM 4
#define HW_MAX_EVAL 400
#define HW_INVALID 1e300
#define PHI_LOW 0.8
#define PHI_SPAN 0.18

enum { TREND_NONE, TREND_ADDITIVE, TREND_DAMPED, N_TREND };

typedef struct hw_data {
  const double *y;
  int n, m, first_pos; /* first_pos: 0-based season index of y[0] */
  int multiplicative;
  int trend;           /* TREND_* */
} hw_data;

typedef struct hw_params {
  double alpha, beta, gamma, phi;
} hw_params;

static double logistic(double x) { return 1.0 / (1.0 + exp(-x)); }
static double logit(double p) { return log(p / (1.0 - p)); }

/* Free parameters: alpha, gamma share, then beta* with a trend, phi. */
static int hw_dim(const hw_data *d) {
  return d->trend == TREND_NONE ? 2 : d->trend == TREND_ADDITIVE ? 3 : 4;
}

static void params_from_x(const hw_data *d, const double *x, hw_params *p) {
  double a = logistic(x[0]);
  p->alpha = a;
  p->gamma = (1.0 - a) * logistic(x[1]);
  p->beta = d->trend == TREND_NONE ? 0.0 : a * logistic(x[2]);
  p->phi = d->trend == TREND_NONE ? 0.0
           : d->trend == TREND_ADDITIVE ? 1.0
                                         : PHI_LOW + PHI_SPAN * logistic(x[3]);
}

/* Starting level (one step before y[0]), trend and seasonal states.
** Returns 1 when the multiplicative start is impossible (a line <= 0). */
static int hw_start(const hw_data *d, double *level, double *trend,
                    double *season) {
  int m = d->m;
  double mean1 = 0, mean2 = 0;
  for (int t = 0; t < m; t++) mean1 += d->y[t], mean2 += d->y[t + m];
  mean1 /= m;
  mean2 /= m;
  double b = d->trend == TREND_NONE ? 0.0 : (mean2 - mean1) / m;
  /* The line through the two seasons' mid-points, at t = -1; without a
  ** trend each season is measured from its own mean. */
  double l = d->trend == TREND_NONE ? (mean1 + mean2) / 2 : mean1 - b * (m + 1) / 2.0;
  double total = 0;
  for (int t = 0; t < m; t++) {
    double line1 = d->trend == TREND_NONE ? mean1 : l + b * (t + 1);
    double line2 = d->trend == TREND_NONE ? mean2 : l + b * (t + 1 + m);
    double s;
    if (d->multiplicative) {
      if (line1 <= 0 || line2 <= 0) return 1;
      s = (d->y[t] / line1 + d->y[t + m] / line2) / 2.0;
    } else {
      s = ((d->y[t] - line1) + (d->y[t + m] - line2)) / 2.0;
    }
    season[(d->first_pos + t) % m] = s;
    total += s;
  }
  if (d->multiplicative && total <= 0) return 1;
  for (int i = 0; i < m; i++) {
    if (d->multiplicative) season[i] *= m / total;
    else season[i] -= total / m;
  }
  *level = l;
  *trend = b;
  return 0;
}

/* Runs the filter; returns the SSE (HW_INVALID when a multiplicative
** state leaves the positive range).  *rel_sse: sum of (e / yhat)^2. */
static double hw_run(const hw_data *d, const hw_params *p, ts_hw_model *state,
                     double *rel_sse) {
  double l, b, s[12];
  if (hw_start(d, &l, &b, s)) return HW_INVALID;
  double sse = 0, rel = 0;
  for (int t = 0; t < d->n; t++) {
    int j = (d->first_pos + t) % d->m;
    double base = l + p->phi * b, yhat, e;
    if (d->multiplicative) {
      if (base <= 0 || s[j] <= 0) return HW_INVALID;
      yhat = base * s[j];
      e = d->y[t] - yhat;
      l = base + p->alpha * e / s[j];
      b = p->phi * b + p->beta * e / s[j];
      s[j] += p->gamma * e / base;
    } else {
      yhat = base + s[j];
      e = d->y[t] - yhat;
      l = base + p->alpha * e;
      b = p->phi * b + p->beta * e;
      s[j] += p->gamma * e;
    }
    sse += e * e;
    if (yhat != 0) rel += (e / yhat) * (e / yhat);
  }
  if (!isfinite(sse)) return HW_INVALID;
  if (state) {
    state->level = l;
    state->trend = b;
    for (int i = 0; i < d->m; i++) state->season[i] = s[i];
  }
  if (rel_sse) *rel_sse = rel;
  return sse;
}

static double hw_objective(const hw_data *d, const double *x) {
  hw_params p;
  params_from_x(d, x, &p);
  return hw_run(d, &p, NULL, NULL);
}

static void simplex_sort(double p[][HW_MAX_DIM], double *f, int dim) {
  for (int i = 1; i <= dim; i++) {
    for (int k = i; k > 0 && f[k] < f[k - 1]; k--) {
      double tf = f[k]; f[k] = f[k - 1]; f[k - 1] = tf;
      for (int j = 0; j < dim; j++) {
        double t = p[k][j]; p[k][j] = p[k - 1][j]; p[k - 1][j] = t;
      }
    }
  }
}

/* Nelder-Mead from x0 (standard coefficients 1, 2, 0.5, 0.5). */
static double nelder_mead(const hw_data *d, double *x0) {
  int dim = hw_dim(d);
  double p[HW_MAX_DIM + 1][HW_MAX_DIM], f[HW_MAX_DIM + 1];
  for (int i = 0; i <= dim; i++) {
    for (int j = 0; j < dim; j++) p[i][j] = x0[j] + (i == j + 1 ? 1.0 : 0.0);
    f[i] = hw_objective(d, p[i]);
  }
  int evals = dim + 1;
  while (evals < HW_MAX_EVAL) {
    simplex_sort(p, f, dim); /* best first */
    if (fabs(f[dim] - f[0]) <= 1e-10 * (fabs(f[0]) + 1e-300)) break;
    double c[HW_MAX_DIM] = {0}, xr[HW_MAX_DIM], xe[HW_MAX_DIM], xc[HW_MAX_DIM];
    for (int i = 0; i < dim; i++)
      for (int j = 0; j < dim; j++) c[j] += p[i][j] / dim;
    for (int j = 0; j < dim; j++) xr[j] = c[j] + (c[j] - p[dim][j]);
    double fr = hw_objective(d, xr);
    evals++;
    if (fr < f[0]) {
      for (int j = 0; j < dim; j++) xe[j] = c[j] + 2.0 * (c[j] - p[dim][j]);
      double fe = hw_objective(d, xe);
      evals++;
      int take_e = fe < fr;
      for (int j = 0; j < dim; j++) p[dim][j] = take_e ? xe[j] : xr[j];
      f[dim] = take_e ? fe : fr;
      continue;
    }
    if (fr < f[dim - 1]) {
      for (int j = 0; j < dim; j++) p[dim][j] = xr[j];
      f[dim] = fr;
      continue;
    }
    int outside = fr < f[dim];
    for (int j = 0; j < dim; j++)
      xc[j] = outside ? c[j] + 0.5 * (xr[j] - c[j]) : c[j] + 0.5 * (p[dim][j] - c[j]);
    double fc = hw_objective(d, xc);
    evals++;
    if (fc < (outside ? fr : f[dim])) {
      for (int j = 0; j < dim; j++) p[dim][j] = xc[j];
      f[dim] = fc;
      continue;
    }
    for (int i = 1; i <= dim; i++) { /* shrink towards the best */
      for (int j = 0; j < dim; j++) p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
      f[i] = hw_objective(d, p[i]);
    }
    evals += dim;
  }
  int best = 0;
  for (int i = 1; i <= dim; i++) if (f[i] < f[best]) best = i;
  for (int j = 0; j < dim; j++) x0[j] = p[best][j];
  return f[best];
}

/* Best fit of one candidate over the fixed starts; HW_INVALID if none. */
static double hw_fit(const hw_data *d, double *best_x) {
  /* (alpha, gamma / (1 - alpha), beta*, (phi - 0.8) / 0.18) */
  static const double starts[4][HW_MAX_DIM] = {{0.2, 0.1, 0.1, 0.9},
                                               {0.5, 0.3, 0.1, 0.5},
                                               {0.8, 0.5, 0.05, 0.7},
                                               {0.3, 0.05, 0.5, 0.3}};
  double best = HW_INVALID;
  int dim = hw_dim(d);
  for (int s = 0; s < 4; s++) {
    double x[HW_MAX_DIM];
    for (int j = 0; j < dim; j++) x[j] = logit(starts[s][j]);
    double f = nelder_mead(d, x);
    if (f < best) {
      best = f;
      for (int j = 0; j < dim; j++) best_x[j] = x[j];
    }
  }
  return best;
}

/* Multiplicative seasonality needs values well away from zero (item 4). */
static int multiplicative_allowed(const double *y, int n) {
  double sum = 0, low = y[0];
  for (int t = 0; t < n; t++) {
    if (!(y[t] > 0)) return 0;
    sum += y[t];
    if (y[t] < low) low = y[t];
  }
  return low >= 0.05 * (sum / n);
}

/* sd factor of the sum of the next h one-step errors' effect (item 5). */
static double sum_sd_factor(const ts_hw_model *model, int m, int h) {
  double var = 0;
  for (int i = 1; i <= h; i++) {
    double w = 1.0, damp = 0, power = 1;
    for (int j = 1; j <= h - i; j++) {
      power *= model->phi;
      damp += power;
      w += model->alpha + model->beta * damp + (j % m == 0 ? model->gamma : 0.0);
    }
    var += w * w;
  }
  return sqrt(var);
}

/* Forecast path of a fitted model; returns the total of periods 1..h. */
static double hw_forecast_path(const ts_hw_model *model, int m, int next_pos,
                               int h, double *path) {
  double total = 0, damp = 0, power = 1;
  for (int i = 1; i <= h; i++) {
    int j = (next_pos + i - 1) % m;
    power *= model->phi;
    damp += model->trend_kind == TREND_NONE ? 0 : power;
    double base = model->level + damp * model->trend;
    path[i - 1] = model->multiplicative ? base * model->season[j] : base + model->season[j];
    total += path[i - 1];
  }
  return total;
}

/* Item 4: a forecast no sane reading of the recent data supports. */
static int degenerate(const double *y, int n, int m, const double *path, int h) {
  double low = y[n - 1], high = y[n - 1];
  int has_negative = 0;
  for (int t = 0; t < n; t++) has_negative |= y[t] < 0;
  for (int t = n - 2 * m; t < n; t++) {
    if (y[t] < low) low = y[t];
    if (y[t] > high) high = y[t];
  }
  double range = high - low;
  for (int i = 0; i < h; i++) {
    if (!isfinite(path[i])) return 1;
    if (!has_negative && path[i] < 0) return 1;
    if (path[i] < low - range || path[i] > high + range) return 1;
  }
  return 0;
}

typedef struct hw_candidate {
  hw_data d;
  double x[HW_MAX_DIM];
  double sse, aicc;
} hw_candidate;

static double aicc(double sse, double floor, int n, int k) {
  if (sse < floor) sse = floor;
  return n * log(sse / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
}

/* Fits candidate c into model (states after y[n-1]) and its forecast. */
static double hw_realise(const hw_candidate *c, int h, ts_hw_model *model,
                         double *path, double *rel_sse) {
  hw_params p;
  params_from_x(&c->d, c->x, &p);
  model->multiplicative = c->d.multiplicative;
  model->trend_kind = c->d.trend;
  model->alpha = p.alpha;
  model->beta = p.beta;
  model->gamma = p.gamma;
  model->phi = p.phi;
  model->sse = hw_run(&c->d, &p, model, rel_sse);
  return hw_forecast_path(model, c->d.m, (c->d.first_pos + c->d.n) % c->d.m, h, path);
}

int ts_holt_winters_forecast(const double *y, int n, int m, int first_pos,
                             int h, double *sum, double *sd,
                             ts_hw_model *model) {
  if (!(m == 2 || m == 4 || m == 12) || n < 2 * m || first_pos < 1 ||
      first_pos > m || h < 0 || h > 12)
    return 1;
  hw_candidate cand[2 * N_TREND];
  int n_cand = 0, mult_ok = multiplicative_allowed(y, n);
  double sum_sq = 0, path[12], rel_sse = 0;
  for (int t = 0; t < n; t++) sum_sq += y[t] * y[t];
  for (int mult = 0; mult <= mult_ok; mult++) {
    for (int trend = 0; trend < N_TREND; trend++) {
      hw_candidate *c = &cand[n_cand];
      c->d = (hw_data){y, n, m, first_pos - 1, mult, trend};
      int k = hw_dim(&c->d);
      if (n - k - 1 <= 0) continue;
      c->sse = hw_fit(&c->d, c->x);
      if (c->sse >= HW_INVALID) continue;
      c->aicc = aicc(c->sse, 1e-20 * sum_sq + DBL_MIN, n, k);
      n_cand++;
    }
  }
  /* Best first (stable: ties keep the simpler, earlier candidate). */
  for (int i = 1; i < n_cand; i++) {
    for (int k = i; k > 0 && cand[k].aicc < cand[k - 1].aicc; k--) {
      hw_candidate t = cand[k]; cand[k] = cand[k - 1]; cand[k - 1] = t;
    }
  }
  int chosen = -1;
  for (int i = 0; i < n_cand && chosen < 0; i++) {
    hw_realise(&cand[i], h, model, path, &rel_sse);
    if (!degenerate(y, n, m, path, h)) chosen = i;
  }
  *sd = -1;
  if (chosen < 0) { /* seasonal naive: the same periods a season earlier */
    memset(model, 0, sizeof(*model));
    model->fallback = 2;
    double total = 0;
    for (int i = 1; i <= h; i++) total += y[n - 1 + i - ((i - 1) / m + 1) * m];
    *sum = total;
    return 0;
  }
  model->fallback = chosen > 0;
  *sum = hw_forecast_path(model, m, (first_pos - 1 + n) % m, h, path);
  int k = hw_dim(&cand[chosen].d);
  if (h == 0) {
    *sd = 0;
  } else if (n > k) {
    double factor = sum_sd_factor(model, m, h);
    if (model->multiplicative) *sd = sqrt(rel_sse / (n - k)) * fabs(*sum) / h * factor;
    else *sd = sqrt(model->sse / (n - k)) * factor;
  }
  return 0;
}
