/*
** projection/holt_winters_fit.c -- the Holt-Winters searches:
** Levenberg-Marquardt, Nelder-Mead and item 3's cold fit, on the logit
** scale, over the filters of holt_winters_filter.c and
** holt_winters_lanes.c (the SSE and its derivatives through
** ts_hw_objective* and ts_hw_run_grad*).
** holt_winters.c chooses among the fits (items 4-7); its header comment
** is the contract of all three files.
*/
#include "projection/holt_winters_fit.h"

#include <math.h>

double ts_hw_logit(double p) { return log(p / (1.0 - p)); }

/* Into [-HW_X_BOUND, HW_X_BOUND] (Nelder-Mead is unbounded). */
double ts_hw_x_clamped(double x) {
  return x > HW_X_BOUND ? HW_X_BOUND : x < -HW_X_BOUND ? -HW_X_BOUND : x;
}
void ts_hw_clamp(double *x, int dim) {
  for (int j = 0; j < dim; j++) x[j] = ts_hw_x_clamped(x[j]);
}

#if defined(__GNUC__)
#define HW_FIT_INLINE inline __attribute__((always_inline))
#else
#define HW_FIT_INLINE inline
#endif

/* Solves (H + lambda D) delta = -g by Cholesky, D = diag(H) plus a
** floor so a flat direction (a parameter on the logistic's flat end)
** still gets a bounded step.  Returns 1 if not positive definite.
** Compiled per dimension (ts_hw_lm_step below), its loops unrolled: the
** same operations in the same order. */
static HW_FIT_INLINE int lm_step_dim(const hw_grad *G, const int dim, double lambda,
                                     double *delta) {
  double A[HW_MAX_DIM][HW_MAX_DIM], L[HW_MAX_DIM][HW_MAX_DIM], z[HW_MAX_DIM];
  double top = 0;
  for (int i = 0; i < dim; i++)
    if (G->H[i][i] > top) top = G->H[i][i];
  for (int i = 0; i < dim; i++) {
    for (int k = 0; k < dim; k++) A[i][k] = G->H[i][k];
    A[i][i] += lambda * (G->H[i][i] + 1e-6 * top) + 1e-300;
  }
  for (int i = 0; i < dim; i++) {
    for (int k = 0; k <= i; k++) {
      double sum = A[i][k];
      for (int r = 0; r < k; r++) sum -= L[i][r] * L[k][r];
      if (i == k) {
        if (!(sum > 0)) return 1;
        L[i][i] = sqrt(sum);
      } else {
        L[i][k] = sum / L[k][k];
      }
    }
  }
  for (int i = 0; i < dim; i++) {
    double sum = -G->g[i];
    for (int r = 0; r < i; r++) sum -= L[i][r] * z[r];
    z[i] = sum / L[i][i];
  }
  for (int i = dim - 1; i >= 0; i--) {
    double sum = z[i];
    for (int r = i + 1; r < dim; r++) sum -= L[r][i] * delta[r];
    delta[i] = sum / L[i][i];
  }
  return 0;
}

int ts_hw_lm_step(const hw_grad *G, int dim, double lambda, double *delta) {
  switch (dim) {
    case 2: return lm_step_dim(G, 2, lambda, delta);
    case 3: return lm_step_dim(G, 3, lambda, delta);
    default: return lm_step_dim(G, 4, lambda, delta);
  }
}

/* Levenberg-Marquardt on the one-step errors from x (logit scale): each
** step solves the damped Gauss-Newton system from hw_run_grad's J'J and
** J'e; a step that lowers the SSE is taken (and the damping relaxed),
** one that does not is retried with more damping.  Stops when a step
** gains less than tol of the SSE, or the model predicts it would, or a
** full Gauss-Newton step gained what the model predicted to within tol
** of the SSE (the model is exact there: the next step would gain about
** that mismatch), or after max_iter steps.  x stays in [-HW_X_BOUND,
** HW_X_BOUND] so every parameter stays strictly inside its bounds. */
static HW_FIT_INLINE double lm_dim(const hw_data *d, double *x, double tol, int max_iter,
                                   const int dim) {
  hw_grad G;
  double f = ts_hw_run_grad(d, x, &G), lambda = HW_LM_LAMBDA0;
  if (f >= HW_INVALID) return f;
  for (int iter = 0; iter < max_iter; iter++) {
    double delta[HW_MAX_DIM], xt[HW_MAX_DIM], longest = 0;
    if (lm_step_dim(&G, dim, lambda, delta)) {
      lambda = lambda * 10 + 1e-3;
      continue;
    }
    for (int i = 0; i < dim; i++)
      if (fabs(delta[i]) > longest) longest = fabs(delta[i]);
    double scale = longest > HW_LM_MAX_STEP ? HW_LM_MAX_STEP / longest : 1.0;
    /* the decrease the Gauss-Newton model predicts: -(2 g'delta + delta'H delta) */
    double predicted = 0;
    for (int i = 0; i < dim; i++) {
      delta[i] *= scale;
      double hd = 0;
      for (int k = 0; k < dim; k++) hd += G.H[i][k] * delta[k];
      predicted -= 2 * G.g[i] * delta[i] + delta[i] * hd;
    }
    /* converged: even the nearly undamped step would gain too little (a
    ** heavily damped one always predicts little: retried, not stopped) */
    int undamped = lambda <= HW_LM_LAMBDA0;
    if (undamped && predicted <= tol * f) break;
    for (int i = 0; i < dim; i++) xt[i] = ts_hw_x_clamped(x[i] + delta[i]);
    /* the trial by a plain pass; the derivatives only where the search
    ** goes on from it (not after a rejected or a final step) */
    double ft = ts_hw_objective(d, xt);
    if (ft < f) {
      double gained = f - ft;
      for (int i = 0; i < dim; i++) x[i] = xt[i];
      lambda *= HW_LM_RELAX;
      if (gained <= tol * ft || iter == max_iter - 1) return ft;
      /* the derivative pass would only confirm it */
      if (undamped && scale == 1.0 && fabs(predicted - gained) <= tol * ft) return ft;
      f = ts_hw_run_grad(d, x, &G);
      if (f >= HW_INVALID) return ft; /* not expected: the same filter */
    } else {
      lambda = lambda * 10 + 1e-3;
      if (lambda > 1e10) break;
    }
  }
  return f;
}

/* lm_dim compiled per dimension (its loops unrolled: the same numbers). */
double ts_hw_lm(const hw_data *d, double *x, double tol, int max_iter) {
  switch (ts_hw_dim(d)) {
    case 2: return lm_dim(d, x, tol, max_iter, 2);
    case 3: return lm_dim(d, x, tol, max_iter, 3);
    default: return lm_dim(d, x, tol, max_iter, 4);
  }
}

static HW_FIT_INLINE void simplex_sort(double p[][HW_MAX_DIM], double *f, const int dim) {
  for (int i = 1; i <= dim; i++) {
    for (int k = i; k > 0 && f[k] < f[k - 1]; k--) {
      double tf = f[k];
      f[k] = f[k - 1];
      f[k - 1] = tf;
      for (int j = 0; j < dim; j++) {
        double t = p[k][j];
        p[k][j] = p[k - 1][j];
        p[k - 1][j] = t;
      }
    }
  }
}

/* How hard Nelder-Mead works: the initial simplex's edge (logit units),
** the relative spread of the simplex's values that ends the search, and
** the evaluation budget. */
typedef struct nm_effort {
  double step, tolerance;
  int max_evals;
} nm_effort;
static const nm_effort ROUGH = {1.0, HW_ROUGH_TOL, HW_MAX_EVAL};
static const nm_effort LOCAL = {HW_LOCAL_STEP, HW_POLISH_TOL, HW_MAX_EVAL};

/* Nelder-Mead from x0 (standard coefficients 1, 2, 0.5, 0.5).  Each
** iteration's four trial points (reflection, expansion, the outside and
** the inside contraction) are evaluated in one pass (ts_hw_objectives),
** then chosen among exactly as the one-at-a-time search would (the same
** path, the same evaluation count against the budget): the points it
** would not have tried cost nothing more; so do the shrink's and the
** first simplex's points, evaluated together. */
static HW_FIT_INLINE double nelder_mead_dim(const hw_data *d, double *x0, const nm_effort *effort,
                                            const int dim) {
  double p[HW_MAX_DIM + 1][HW_MAX_DIM], f[HW_MAX_DIM + 1];
  for (int i = 0; i <= dim; i++)
    for (int j = 0; j < dim; j++) p[i][j] = x0[j] + (i == j + 1 ? effort->step : 0.0);
  ts_hw_objectives(d, (const double(*)[HW_MAX_DIM])p, dim + 1, f);
  int evals = dim + 1;
  while (evals < effort->max_evals) {
    simplex_sort(p, f, dim); /* best first */
    if (fabs(f[dim] - f[0]) <= effort->tolerance * (fabs(f[0]) + 1e-300)) break;
    double c[HW_MAX_DIM] = {0}, trial[4][HW_MAX_DIM] = {{0}}, ft[4];
    enum { REFLECT, EXPAND, OUTSIDE, INSIDE };
    for (int i = 0; i < dim; i++)
      for (int j = 0; j < dim; j++) c[j] += p[i][j] / dim;
    for (int j = 0; j < dim; j++) {
      trial[REFLECT][j] = c[j] + (c[j] - p[dim][j]);
      trial[EXPAND][j] = c[j] + 2.0 * (c[j] - p[dim][j]);
      trial[OUTSIDE][j] = c[j] + 0.5 * (trial[REFLECT][j] - c[j]);
      trial[INSIDE][j] = c[j] + 0.5 * (p[dim][j] - c[j]);
    }
    ts_hw_objectives(d, (const double(*)[HW_MAX_DIM])trial, 4, ft);
    double fr = ft[REFLECT];
    evals++;
    int take = -1;
    if (fr < f[0]) {
      evals++;
      take = ft[EXPAND] < fr ? EXPAND : REFLECT;
    } else if (fr < f[dim - 1]) {
      take = REFLECT;
    } else {
      int outside = fr < f[dim], at = outside ? OUTSIDE : INSIDE;
      evals++;
      if (ft[at] < (outside ? fr : f[dim])) take = at;
    }
    if (take >= 0) {
      for (int j = 0; j < dim; j++) p[dim][j] = trial[take][j];
      f[dim] = ft[take];
      continue;
    }
    for (int i = 1; i <= dim; i++) /* shrink towards the best */
      for (int j = 0; j < dim; j++) p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
    ts_hw_objectives(d, (const double(*)[HW_MAX_DIM])p + 1, dim, f + 1);
    evals += dim;
  }
  int best = 0;
  for (int i = 1; i <= dim; i++)
    if (f[i] < f[best]) best = i;
  for (int j = 0; j < dim; j++) x0[j] = p[best][j];
  return f[best];
}

/* nelder_mead_dim compiled per dimension (as lm_dim). */
static double nelder_mead(const hw_data *d, double *x0, const nm_effort *effort) {
  switch (ts_hw_dim(d)) {
    case 2: return nelder_mead_dim(d, x0, effort, 2);
    case 3: return nelder_mead_dim(d, x0, effort, 3);
    default: return nelder_mead_dim(d, x0, effort, 4);
  }
}

const double ts_hw_starts[4][HW_MAX_DIM] = {
    {0.2, 0.1, 0.1, 0.9}, {0.5, 0.3, 0.1, 0.5}, {0.8, 0.5, 0.05, 0.7}, {0.3, 0.05, 0.5, 0.3}};

/* The rough search from the starting point with the smallest SSE (the
** first of equals): the cold fit's first part, its point into x. */
double ts_hw_cold_rough(const hw_data *d, hw_cold *c, double *x) {
  int dim = ts_hw_dim(d), first = 0;
  double lowest = HW_INVALID;
  double f[4];
  for (int s = 0; s < 4; s++) {
    for (int j = 0; j < HW_MAX_DIM; j++) c->w[s][j] = j < dim ? ts_hw_logit(ts_hw_starts[s][j]) : 0;
    c->done[s] = 0;
  }
  ts_hw_objectives(d, (const double(*)[HW_MAX_DIM])c->w, 4, f); /* in one pass */
  for (int s = 0; s < 4; s++)
    if (f[s] < lowest) lowest = f[s], first = s;
  c->f[first] = nelder_mead(d, c->w[first], &ROUGH);
  c->done[first] = 1;
  for (int j = 0; j < dim; j++) x[j] = c->w[first][j];
  return c->f[first];
}

/* The rest of the cold fit: the rough searches not yet done, the best of
** the four polished by a local one, then Levenberg-Marquardt. */
double ts_hw_cold_finish(const hw_data *d, hw_cold *c, double *x) {
  int dim = ts_hw_dim(d);
  double fz = HW_INVALID;
  for (int s = 0; s < 4; s++) {
    if (!c->done[s]) c->f[s] = nelder_mead(d, c->w[s], &ROUGH), c->done[s] = 1;
    if (c->f[s] < fz || fz >= HW_INVALID) { /* ties: the first */
      fz = c->f[s];
      for (int j = 0; j < dim; j++) x[j] = c->w[s][j];
    }
  }
  if (fz >= HW_INVALID) return fz;
  nelder_mead(d, x, &LOCAL);
  ts_hw_clamp(x, dim);
  return ts_hw_lm(d, x, HW_LOCAL_TOL, HW_LOCAL_ITER);
}
