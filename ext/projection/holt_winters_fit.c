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

/* Nelder-Mead searches side by side: each search (nm_run) is
** nelder_mead_dim's, step by step -- the same points, chosen among in the
** same order, the same evaluation count against the budget, so the same
** result bit for bit -- but the points they need go into shared
** four-point passes.  With several searches a pass holds each one's
** reflection first, and only the lanes left over its other trial points
** (the expansion and the contractions, which an iteration needs one of at
** most); a search whose second point was not among them gets it in the
** next pass.  Alone, a search's pass holds its four trial points, as
** nelder_mead_dim's. */
enum { NM_INIT, NM_TRIALS, NM_SHRINK, NM_DONE };
enum { NM_REFLECT, NM_EXPAND, NM_OUTSIDE, NM_INSIDE };

typedef struct nm_run {
  const hw_data *d;
  const nm_effort *effort;
  int dim, evals, state;
  double p[HW_MAX_DIM + 1][HW_MAX_DIM], f[HW_MAX_DIM + 1];
  double trial[4][HW_MAX_DIM], ft[4];
  unsigned char known[4];
} nm_run;

/* The top of nelder_mead_dim's loop: the budget, the order, the stop,
** then the iteration's trial points. */
static void nm_iterate(nm_run *r) {
  int dim = r->dim;
  if (r->evals >= r->effort->max_evals) {
    r->state = NM_DONE;
    return;
  }
  simplex_sort(r->p, r->f, dim);
  if (fabs(r->f[dim] - r->f[0]) <= r->effort->tolerance * (fabs(r->f[0]) + 1e-300)) {
    r->state = NM_DONE;
    return;
  }
  double c[HW_MAX_DIM] = {0};
  for (int i = 0; i < dim; i++)
    for (int j = 0; j < dim; j++) c[j] += r->p[i][j] / dim;
  memset(r->trial, 0, sizeof(r->trial));
  for (int j = 0; j < dim; j++) {
    r->trial[NM_REFLECT][j] = c[j] + (c[j] - r->p[dim][j]);
    r->trial[NM_EXPAND][j] = c[j] + 2.0 * (c[j] - r->p[dim][j]);
    r->trial[NM_OUTSIDE][j] = c[j] + 0.5 * (r->trial[NM_REFLECT][j] - c[j]);
    r->trial[NM_INSIDE][j] = c[j] + 0.5 * (r->p[dim][j] - c[j]);
  }
  memset(r->known, 0, sizeof(r->known));
  r->state = NM_TRIALS;
}

/* The trial point the iteration needs next (-1: none), given those known. */
static int nm_second(const nm_run *r) {
  double fr = r->ft[NM_REFLECT];
  if (fr < r->f[0]) return NM_EXPAND;
  if (fr < r->f[r->dim - 1]) return -1;
  return fr < r->f[r->dim] ? NM_OUTSIDE : NM_INSIDE;
}

/* Advances r as far as the points known allow. */
static void nm_advance(nm_run *r) {
  int dim = r->dim;
  while (r->state != NM_DONE) {
    if (r->state == NM_INIT) {
      r->evals = dim + 1;
    } else if (r->state == NM_SHRINK) {
      r->evals += dim;
    } else {
      if (!r->known[NM_REFLECT]) return;
      double fr = r->ft[NM_REFLECT];
      int second = nm_second(r), take = -1;
      if (second >= 0 && !r->known[second]) return;
      r->evals++;
      if (second == NM_EXPAND) {
        r->evals++;
        take = r->ft[NM_EXPAND] < fr ? NM_EXPAND : NM_REFLECT;
      } else if (second < 0) {
        take = NM_REFLECT;
      } else {
        r->evals++;
        if (r->ft[second] < (second == NM_OUTSIDE ? fr : r->f[dim])) take = second;
      }
      if (take >= 0) {
        for (int j = 0; j < dim; j++) r->p[dim][j] = r->trial[take][j];
        r->f[dim] = r->ft[take];
      } else {
        for (int i = 1; i <= dim; i++) /* shrink towards the best */
          for (int j = 0; j < dim; j++) r->p[i][j] = r->p[0][j] + 0.5 * (r->p[i][j] - r->p[0][j]);
        r->state = NM_SHRINK;
        return;
      }
    }
    nm_iterate(r);
  }
}

/* The points a pass evaluates: candidate, point, where its SSE goes. */
typedef struct nm_queue {
  int count;
  const hw_data *d[4 * (HW_MAX_DIM + 1)];
  const double *x[4 * (HW_MAX_DIM + 1)];
  double *to[4 * (HW_MAX_DIM + 1)];
  unsigned char *known[4 * (HW_MAX_DIM + 1)];
} nm_queue;

static void nm_push(nm_queue *q, const nm_run *r, const double *x, double *to, unsigned char *k) {
  q->d[q->count] = r->d, q->x[q->count] = x, q->to[q->count] = to, q->known[q->count++] = k;
}

/* Runs count searches (of one series and seasonality) to their ends. */
static void nm_runs(nm_run *runs, int count) {
  for (;;) {
    nm_queue q;
    q.count = 0;
    int waiting = 0;
    for (int i = 0; i < count; i++) { /* what each search needs */
      nm_run *r = &runs[i];
      if (r->state == NM_DONE) continue;
      waiting++;
      if (r->state == NM_INIT || r->state == NM_SHRINK) {
        for (int k = r->state == NM_INIT ? 0 : 1; k <= r->dim; k++)
          nm_push(&q, r, r->p[k], &r->f[k], NULL);
      } else if (!r->known[NM_REFLECT]) {
        nm_push(&q, r, r->trial[NM_REFLECT], &r->ft[NM_REFLECT], &r->known[NM_REFLECT]);
      } else {
        int second = nm_second(r);
        nm_push(&q, r, r->trial[second], &r->ft[second], &r->known[second]);
      }
    }
    if (!waiting) return;
    /* lanes left over: the other trial points of searches that still need
    ** their reflection, each search's in turn */
    for (int t = NM_EXPAND; t <= NM_INSIDE; t++) {
      for (int i = 0; i < count && q.count % 4; i++) {
        nm_run *r = &runs[i];
        if (r->state == NM_TRIALS && !r->known[NM_REFLECT] && q.count < 4 * (HW_MAX_DIM + 1))
          nm_push(&q, r, r->trial[t], &r->ft[t], &r->known[t]);
      }
    }
    for (int at = 0; at < q.count; at += 4) {
      int n = q.count - at < 4 ? q.count - at : 4;
      double f[4];
      ts_hw_objective_lanes(q.d + at, q.x + at, n, f);
      for (int k = 0; k < n; k++) {
        *q.to[at + k] = f[k];
        if (q.known[at + k]) *q.known[at + k] = 1;
      }
    }
    for (int i = 0; i < count; i++) nm_advance(&runs[i]);
  }
}

static void nm_run_init(nm_run *r, const hw_data *d, const double *x0, const nm_effort *effort) {
  r->d = d, r->effort = effort, r->dim = ts_hw_dim(d), r->state = NM_INIT, r->evals = 0;
  memset(r->p, 0, sizeof(r->p));
  for (int i = 0; i <= r->dim; i++)
    for (int j = 0; j < r->dim; j++) r->p[i][j] = x0[j] + (i == j + 1 ? effort->step : 0.0);
}

/* nelder_mead_dim's end: the best point into x0, its SSE returned. */
static double nm_result(const nm_run *r, double *x0) {
  int best = 0;
  for (int i = 1; i <= r->dim; i++)
    if (r->f[i] < r->f[best]) best = i;
  for (int j = 0; j < r->dim; j++) x0[j] = r->p[best][j];
  return r->f[best];
}

const double ts_hw_starts[4][HW_MAX_DIM] = {
    {0.2, 0.1, 0.1, 0.9}, {0.5, 0.3, 0.1, 0.5}, {0.8, 0.5, 0.05, 0.7}, {0.3, 0.05, 0.5, 0.3}};

/* The fixed starts of c (logit scale) and their SSE in one pass; returns
** the first of the smallest. */
static int cold_starts(const hw_data *d, hw_cold *c) {
  int dim = ts_hw_dim(d), first = 0;
  double lowest = HW_INVALID, f[4];
  for (int s = 0; s < 4; s++) {
    for (int j = 0; j < HW_MAX_DIM; j++) c->w[s][j] = j < dim ? ts_hw_logit(ts_hw_starts[s][j]) : 0;
    c->done[s] = 0;
  }
  ts_hw_objectives(d, (const double(*)[HW_MAX_DIM])c->w, 4, f); /* in one pass */
  for (int s = 0; s < 4; s++)
    if (f[s] < lowest) lowest = f[s], first = s;
  return first;
}

/* The rough search from the starting point with the smallest SSE (the
** first of equals): the cold fit's first part, its point into x -- for
** count (1 to 4) candidates of one series and seasonality at once, their
** searches side by side (nm_runs). */
void ts_hw_cold_rough_many(const hw_data *const *d, hw_cold *const *c, double (*x)[HW_MAX_DIM],
                           double *f, int count) {
  nm_run runs[4];
  int first[4];
  for (int i = 0; i < count; i++) {
    first[i] = cold_starts(d[i], c[i]);
    nm_run_init(&runs[i], d[i], c[i]->w[first[i]], &ROUGH);
  }
  nm_runs(runs, count);
  for (int i = 0; i < count; i++) {
    hw_cold *ci = c[i];
    ci->f[first[i]] = nm_result(&runs[i], ci->w[first[i]]);
    ci->done[first[i]] = 1;
    for (int j = 0; j < runs[i].dim; j++) x[i][j] = ci->w[first[i]][j];
    f[i] = ci->f[first[i]];
  }
}

double ts_hw_cold_rough(const hw_data *d, hw_cold *c, double *x) {
  double f;
  ts_hw_cold_rough_many(&d, &c, (double(*)[HW_MAX_DIM])x, &f, 1);
  return f;
}

/* The rest of the cold fit: the rough searches not yet done (side by
** side), the best of the four polished by a local one, then
** Levenberg-Marquardt. */
double ts_hw_cold_finish(const hw_data *d, hw_cold *c, double *x) {
  int dim = ts_hw_dim(d), which[4], count = 0;
  double fz = HW_INVALID;
  nm_run runs[4];
  for (int s = 0; s < 4; s++)
    if (!c->done[s]) nm_run_init(&runs[count], d, c->w[s], &ROUGH), which[count++] = s;
  nm_runs(runs, count);
  for (int i = 0; i < count; i++) {
    c->f[which[i]] = nm_result(&runs[i], c->w[which[i]]);
    c->done[which[i]] = 1;
  }
  for (int s = 0; s < 4; s++) {
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
