/*
** holt_winters.c -- Holt-Winters with additive trend and additive or
** multiplicative seasonality, its parameters fitted by Nelder-Mead.
**
** Contract:
**  1. The model is the error-correction (state-space) form: with the
**     one-step error e = y - yhat,
**        additive:        yhat = l + b + s,  l += b + a e,  b += B e,
**                         s += g e
**        multiplicative:  yhat = (l + b) s,  l += b + a e / s,
**                         b += B e / s,     s += g e / (l + b)
**     where B = a * beta*, 0 < a, beta* < 1 and 0 < g < 1 - a.
**  2. Starting states come from the first two seasons: the trend is the
**     change between their means, the seasonal states the average
**     deviation (ratio) from that line, normalised to sum 0 (mean 1).  So
**     a pure seasonal pattern, and a straight line plus a seasonal
**     pattern, are reproduced exactly whatever the parameters.
**  3. a, beta*, g are fitted by minimising the sum of squared one-step
**     errors over every observation with Nelder-Mead on logistic
**     transforms (so the bounds hold without clamping), from four fixed
**     starting points; the best result wins.  Deterministic.
**  4. Multiplicative seasonality is tried only when every value is > 0,
**     and chosen only when its squared error is smaller.
**  5. The standard deviation of the forecast total over h periods is
**     sigma * sqrt(sum_i (1 + sum_{j<=h-i} c_j)^2), c_j = a + B j
**     + g [j mod m == 0] (exact for the additive model; the multiplicative
**     one uses its relative errors scaled by the forecast level).  sigma
**     is estimated with n - 3 degrees of freedom (three fitted parameters).
**  6. Needs n >= 2 m; m is 2, 4 or 12.  Nothing allocates.
*/
#include "projection.h"

#include <float.h>
#include <math.h>

#define HW_DIM 3
#define HW_MAX_EVAL 400
#define HW_INVALID 1e300

typedef struct hw_data {
  const double *y;
  int n, m, first_pos; /* first_pos: 0-based season index of y[0] */
  int multiplicative;
} hw_data;

static double logistic(double x) { return 1.0 / (1.0 + exp(-x)); }
static double logit(double p) { return log(p / (1.0 - p)); }

static void params_from_x(const double *x, double *alpha, double *beta,
                          double *gamma) {
  double a = logistic(x[0]);
  *alpha = a;
  *beta = a * logistic(x[1]);
  *gamma = (1.0 - a) * logistic(x[2]);
}

/* Starting level (one step before y[0]), trend and seasonal states.
** Returns 1 when the multiplicative start is impossible (trend <= 0). */
static int hw_start(const hw_data *d, double *level, double *trend,
                    double *season) {
  int m = d->m;
  double mean1 = 0, mean2 = 0;
  for (int t = 0; t < m; t++) mean1 += d->y[t], mean2 += d->y[t + m];
  mean1 /= m;
  mean2 /= m;
  double b = (mean2 - mean1) / m;
  /* The line through the two seasons' mid-points, at t = -1. */
  double l = mean1 - b * (m + 1) / 2.0;
  double total = 0;
  for (int t = 0; t < m; t++) {
    double line1 = l + b * (t + 1), line2 = l + b * (t + 1 + m);
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
static double hw_run(const hw_data *d, double alpha, double beta,
                     double gamma, ts_hw_model *state, double *rel_sse) {
  double l, b, s[12];
  if (hw_start(d, &l, &b, s)) return HW_INVALID;
  double sse = 0, rel = 0;
  for (int t = 0; t < d->n; t++) {
    int j = (d->first_pos + t) % d->m;
    double base = l + b, yhat, e;
    if (d->multiplicative) {
      if (base <= 0 || s[j] <= 0) return HW_INVALID;
      yhat = base * s[j];
      e = d->y[t] - yhat;
      l = base + alpha * e / s[j];
      b = b + beta * e / s[j];
      s[j] += gamma * e / base;
    } else {
      yhat = base + s[j];
      e = d->y[t] - yhat;
      l = base + alpha * e;
      b = b + beta * e;
      s[j] += gamma * e;
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
  double a, b, g;
  params_from_x(x, &a, &b, &g);
  return hw_run(d, a, b, g, NULL, NULL);
}

/* Nelder-Mead from x0 (standard coefficients 1, 2, 0.5, 0.5). */
static double nelder_mead(const hw_data *d, double *x0) {
  double p[HW_DIM + 1][HW_DIM], f[HW_DIM + 1];
  for (int i = 0; i <= HW_DIM; i++) {
    for (int j = 0; j < HW_DIM; j++) p[i][j] = x0[j] + (i == j + 1 ? 1.0 : 0.0);
    f[i] = hw_objective(d, p[i]);
  }
  int evals = HW_DIM + 1;
  while (evals < HW_MAX_EVAL) {
    /* Order: best first. */
    for (int i = 1; i <= HW_DIM; i++) {
      for (int k = i; k > 0 && f[k] < f[k - 1]; k--) {
        double tf = f[k]; f[k] = f[k - 1]; f[k - 1] = tf;
        for (int j = 0; j < HW_DIM; j++) {
          double t = p[k][j]; p[k][j] = p[k - 1][j]; p[k - 1][j] = t;
        }
      }
    }
    if (fabs(f[HW_DIM] - f[0]) <= 1e-10 * (fabs(f[0]) + 1e-300)) break;
    double c[HW_DIM] = {0}, xr[HW_DIM], xe[HW_DIM], xc[HW_DIM];
    for (int i = 0; i < HW_DIM; i++)
      for (int j = 0; j < HW_DIM; j++) c[j] += p[i][j] / HW_DIM;
    for (int j = 0; j < HW_DIM; j++) xr[j] = c[j] + (c[j] - p[HW_DIM][j]);
    double fr = hw_objective(d, xr);
    evals++;
    if (fr < f[0]) {
      for (int j = 0; j < HW_DIM; j++) xe[j] = c[j] + 2.0 * (c[j] - p[HW_DIM][j]);
      double fe = hw_objective(d, xe);
      evals++;
      int take_e = fe < fr;
      for (int j = 0; j < HW_DIM; j++) p[HW_DIM][j] = take_e ? xe[j] : xr[j];
      f[HW_DIM] = take_e ? fe : fr;
      continue;
    }
    if (fr < f[HW_DIM - 1]) {
      for (int j = 0; j < HW_DIM; j++) p[HW_DIM][j] = xr[j];
      f[HW_DIM] = fr;
      continue;
    }
    int outside = fr < f[HW_DIM];
    for (int j = 0; j < HW_DIM; j++)
      xc[j] = outside ? c[j] + 0.5 * (xr[j] - c[j]) : c[j] + 0.5 * (p[HW_DIM][j] - c[j]);
    double fc = hw_objective(d, xc);
    evals++;
    if (fc < (outside ? fr : f[HW_DIM])) {
      for (int j = 0; j < HW_DIM; j++) p[HW_DIM][j] = xc[j];
      f[HW_DIM] = fc;
      continue;
    }
    for (int i = 1; i <= HW_DIM; i++) { /* shrink towards the best */
      for (int j = 0; j < HW_DIM; j++) p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
      f[i] = hw_objective(d, p[i]);
    }
    evals += HW_DIM;
  }
  int best = 0;
  for (int i = 1; i <= HW_DIM; i++) if (f[i] < f[best]) best = i;
  for (int j = 0; j < HW_DIM; j++) x0[j] = p[best][j];
  return f[best];
}

/* Best fit of one seasonality over the fixed starts; HW_INVALID if none. */
static double hw_fit(const hw_data *d, double *best_x) {
  /* (alpha, beta*, gamma / (1 - alpha)) */
  static const double starts[4][HW_DIM] = {
      {0.2, 0.1, 0.1}, {0.5, 0.1, 0.3}, {0.8, 0.05, 0.5}, {0.3, 0.5, 0.05}};
  double best = HW_INVALID;
  for (int s = 0; s < 4; s++) {
    double x[HW_DIM];
    for (int j = 0; j < HW_DIM; j++) x[j] = logit(starts[s][j]);
    double f = nelder_mead(d, x);
    if (f < best) {
      best = f;
      for (int j = 0; j < HW_DIM; j++) best_x[j] = x[j];
    }
  }
  return best;
}

static int all_positive(const double *y, int n) {
  for (int t = 0; t < n; t++) if (!(y[t] > 0)) return 0;
  return 1;
}

/* sd of the sum of the next h one-step errors' effect (contract item 5). */
static double sum_sd_factor(const ts_hw_model *model, int m, int h) {
  double var = 0;
  for (int i = 1; i <= h; i++) {
    double w = 1.0;
    for (int j = 1; j <= h - i; j++)
      w += model->alpha + model->beta * j + (j % m == 0 ? model->gamma : 0.0);
    var += w * w;
  }
  return sqrt(var);
}

int ts_holt_winters_forecast(const double *y, int n, int m, int first_pos,
                             int h, double *sum, double *sd,
                             ts_hw_model *model) {
  if (!(m == 2 || m == 4 || m == 12) || n < 2 * m || first_pos < 1 || first_pos > m)
    return 1;
  hw_data d = {y, n, m, first_pos - 1, 0};
  double x_add[HW_DIM], x_mul[HW_DIM];
  double f_add = hw_fit(&d, x_add), f_mul = HW_INVALID;
  if (all_positive(y, n)) {
    d.multiplicative = 1;
    f_mul = hw_fit(&d, x_mul);
  }
  if (f_add >= HW_INVALID && f_mul >= HW_INVALID) return 1;
  d.multiplicative = f_mul < f_add;
  double rel_sse = 0;
  params_from_x(d.multiplicative ? x_mul : x_add, &model->alpha, &model->beta,
                &model->gamma);
  model->multiplicative = d.multiplicative;
  model->sse = hw_run(&d, model->alpha, model->beta, model->gamma, model, &rel_sse);
  double total = 0;
  for (int i = 1; i <= h; i++) {
    int j = (d.first_pos + n - 1 + i) % m;
    double base = model->level + i * model->trend;
    total += d.multiplicative ? base * model->season[j] : base + model->season[j];
  }
  *sum = total;
  *sd = -1;
  if (n > 3 && h > 0) {
    double factor = sum_sd_factor(model, m, h);
    if (d.multiplicative) {
      double sigma_rel = sqrt(rel_sse / (n - 3));
      *sd = sigma_rel * fabs(total) / h * factor;
    } else {
      *sd = sqrt(model->sse / (n - 3)) * factor;
    }
  } else if (h == 0) {
    *sd = 0;
  }
  return 0;
}
