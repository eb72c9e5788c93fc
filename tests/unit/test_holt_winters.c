/*
** test_holt_winters.c -- the Holt-Winters fit's internals: the errors'
** derivatives carried through the filter, the bounds of the fitted
** parameters, and the quality of the Levenberg-Marquardt fit against a
** tight Nelder-Mead search on the same objective.
**
** The internals come from the private header holt_winters_fit.h.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdlib.h>
#include <cmocka.h>

#include <float.h>
#include <string.h>

#include "projection/holt_winters_fit.h"

#define PI 3.14159265358979323846 /* M_PI is not ISO C */

/* Deterministic noise in [-1, 1) (a 64-bit LCG's top bits). */
static double noise(unsigned long long *state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(*state >> 11) / 4503599627370496.0 - 1.0;
}

/* level + trend t + seasonal wave (additive, or multiplicative when
** mult) + noise of the given amplitude, n periods, season m. */
static void make_series(double *y, int n, int m, double trend, int mult, double amp,
                        unsigned long long seed) {
  unsigned long long st = seed;
  for (int t = 0; t < n; t++) {
    double level = 100 + trend * t, wave = sin(2 * PI * (t % m) / m) + 0.3 * (t % m == 0);
    y[t] = mult ? level * (1 + 0.2 * wave) : level + 15 * wave;
    y[t] += amp * noise(&st);
  }
}

/* The series the tests fit: quarterly and monthly, with and without a
** trend, additive and multiplicative, quiet and noisy, and a random walk
** (alpha pushed to its upper bound). */
typedef struct series_case {
  int n, m, mult;
  double trend, amp;
} series_case;

static const series_case cases[] = {
    {32, 4, 0, 0.0, 3.0},  {32, 4, 1, 1.5, 4.0},  {24, 4, 0, -0.8, 10.0}, {96, 12, 0, 0.3, 5.0},
    {96, 12, 1, 0.5, 8.0}, {60, 12, 0, 0.0, 1.0}, {40, 4, 1, 2.0, 0.5},
};
#define N_CASES ((int)(sizeof(cases) / sizeof(cases[0])))

static void case_series(int c, double *y) {
  make_series(y, cases[c].n, cases[c].m, cases[c].trend, cases[c].mult, cases[c].amp,
              1000 + (unsigned long long)c);
}

/* A random walk with drift: the best one-step forecast is the last value. */
static void random_walk(double *y, int n) {
  unsigned long long st = 77;
  y[0] = 500;
  for (int t = 1; t < n; t++) y[t] = y[t - 1] + 1 + 25 * noise(&st);
}

/* Case c of the table, or (c == N_CASES) a 48-point random walk of
** period 4: its series into y, its length and period. */
static void any_case(int c, double *y, int *n, int *m) {
  *n = c < N_CASES ? cases[c].n : 48;
  *m = c < N_CASES ? cases[c].m : 4;
  if (c < N_CASES)
    case_series(c, y);
  else
    random_walk(y, *n);
}

/* One candidate's whole fit, as fit_candidates makes it without its
** screens: cold (prev NULL) the rough searches from the four fixed
** starts, the best polished, then Levenberg-Marquardt; warm a
** Levenberg-Marquardt search from prev. */
static double hw_fit(const hw_data *d, const double *prev, double *x) {
  if (prev) {
    for (int j = 0; j < ts_hw_dim(d); j++) x[j] = prev[j];
    return ts_hw_lm(d, x, HW_LOCAL_TOL, HW_LOCAL_ITER);
  }
  hw_cold c;
  ts_hw_cold_rough(d, &c, x);
  return ts_hw_cold_finish(d, &c, x);
}

/* hw_run_grad's gradient (2 J'e) matches central differences of the SSE
** on the logit scale, for every model form, at several points. */
static void test_gradient_matches_finite_differences(void **state) {
  (void)state;
  static const double points[3][HW_MAX_DIM] = {
      {-1.0, -0.5, -1.5, 0.3}, {0.7, -2.0, 0.4, -1.1}, {-2.5, 1.0, -0.2, 1.8}};
  double y[96];
  int checked = 0;
  for (int c = 0; c < N_CASES; c++) {
    case_series(c, y);
    for (int id = 0; id < HW_N_CAND; id++) {
      hw_data d;
      ts_hw_data_init(&d, y, cases[c].n, cases[c].m, 1, id / N_TREND, id % N_TREND);
      int dim = ts_hw_dim(&d);
      for (int p = 0; p < 3; p++) {
        double x[HW_MAX_DIM];
        hw_grad G;
        memcpy(x, points[p], sizeof(x));
        double f = ts_hw_run_grad(&d, x, &G);
        if (f >= HW_INVALID) continue; /* a multiplicative state left (0, inf) */
        assert_float_equal(f, ts_hw_objective(&d, x), 1e-9 * f);
        for (int k = 0; k < dim; k++) {
          double xp[HW_MAX_DIM], xm[HW_MAX_DIM], h = 1e-5;
          memcpy(xp, x, sizeof(xp));
          memcpy(xm, x, sizeof(xm));
          xp[k] += h;
          xm[k] -= h;
          double fd = (ts_hw_objective(&d, xp) - ts_hw_objective(&d, xm)) / (2 * h);
          assert_float_equal(2 * G.g[k], fd, 1e-5 * (fabs(fd) + 1e-3 * f));
          assert_true(G.H[k][k] >= 0);
          for (int i = 0; i < dim; i++)
            assert_float_equal(G.H[k][i], G.H[i][k], 1e-9 * G.H[k][k] + 1e-300);
          checked++;
        }
      }
    }
  }
  assert_true(checked > 200); /* the multiplicative forms did not all bail out */
}

/* The filters' compiled copies (the baseline, and AVX2 where the
** processor has it) give the same SSE, J'e and J'J bit for bit, for every
** model form, at points inside and far out on the logit scale (where a
** multiplicative state can leave (0, inf)); so do the pass with the final
** states and the pass of four points at once, lane by lane, of one model
** form or of the three trends side by side. */
static void test_filter_copies_agree_bit_for_bit(void **state) {
  (void)state;
  static const double points[4][HW_MAX_DIM] = {
      {-1.0, -0.5, -1.5, 0.3}, {0.7, -2.0, 0.4, -1.1}, {-2.5, 1.0, -0.2, 1.8}, {6, 5, -9, 12}};
  int copies = ts_hw_isa_count(), checked = 0;
  assert_true(copies >= 1 && copies <= 2);
  double y[96];
  for (int c = 0; c <= N_CASES; c++) {
    int n, m;
    any_case(c, y, &n, &m);
    for (int id = 0; id < HW_N_CAND; id++) {
      hw_data d;
      ts_hw_data_init(&d, y, n, m, 2, id / N_TREND, id % N_TREND);
      for (int p = 0; p < 4; p++) {
        hw_grad G0, G;
        memset(&G0, 0, sizeof(G0));
        double f0 = ts_hw_objective_isa(&d, points[p], 0);
        double g0 = ts_hw_run_grad_isa(&d, points[p], &G0, 0);
        for (int isa = 1; isa < copies; isa++) {
          memset(&G, 0, sizeof(G));
          double f = ts_hw_objective_isa(&d, points[p], isa);
          double g = ts_hw_run_grad_isa(&d, points[p], &G, isa);
          assert_memory_equal(&f, &f0, sizeof(f));
          assert_memory_equal(&g, &g0, sizeof(g));
          if (g0 < HW_INVALID) assert_memory_equal(&G, &G0, sizeof(G));
          checked++;
        }
        /* the dispatching entry points are one of the copies */
        double f_any = ts_hw_objective(&d, points[p]);
        assert_memory_equal(&f_any, &f0, sizeof(f0));
        /* the chosen model's pass (states, relative errors) too */
        hw_params par;
        ts_hw_params_from_x(&d, points[p], &par);
        ts_hw_model st;
        double rel = 0, f_run = ts_hw_run(&d, &par, &st, &rel);
        assert_memory_equal(&f_run, &f0, sizeof(f0));
      }
      /* four points in one pass: each lane the one-point pass's SSE, in
      ** any lane (the points rotated through the lanes) */
      for (int isa = 0; isa < copies; isa++) {
        for (int r = 0; r < 4; r++) {
          double pts[4][HW_MAX_DIM], f4[4], f5[5];
          for (int k = 0; k < 4; k++) memcpy(pts[k], points[(k + r) % 4], sizeof(pts[k]));
          ts_hw_objective4_isa(&d, (const double(*)[HW_MAX_DIM])pts, f4, isa);
          for (int k = 0; k < 4; k++) {
            double one = ts_hw_objective_isa(&d, pts[k], isa);
            assert_memory_equal(&f4[k], &one, sizeof(one));
          }
          /* the three trends of one seasonality side by side, each with
          ** its own starting states, in lanes 0-2 (and one alone) */
          int mult = id / N_TREND;
          hw_data trio[N_TREND];
          const hw_data *lanes[N_TREND];
          for (int t = 0; t < N_TREND; t++) {
            ts_hw_data_init(&trio[t], y, n, m, 2, mult, (t + r) % N_TREND);
            lanes[t] = &trio[t];
          }
          double f3[N_TREND];
          ts_hw_objective_forms_isa(lanes, (const double(*)[HW_MAX_DIM])pts, N_TREND, f3, isa);
          for (int t = 0; t < N_TREND; t++) {
            double one = ts_hw_objective_isa(&trio[t], pts[t], isa);
            assert_memory_equal(&f3[t], &one, sizeof(one));
          }
          ts_hw_objective_forms_isa(lanes, (const double(*)[HW_MAX_DIM])pts, 1, f3, isa);
          double alone = ts_hw_objective_isa(&trio[0], pts[0], isa);
          assert_memory_equal(&f3[0], &alone, sizeof(alone));
          /* count not a multiple of four: the last pass padded */
          double five[5][HW_MAX_DIM];
          memcpy(five, pts, sizeof(pts));
          memcpy(five[4], points[r], sizeof(five[4]));
          ts_hw_objectives(&d, (const double(*)[HW_MAX_DIM])five, 5, f5);
          for (int k = 0; k < 5; k++) {
            double one = ts_hw_objective(&d, five[k]);
            assert_memory_equal(&f5[k], &one, sizeof(one));
          }
        }
      }
    }
  }
  if (copies > 1) assert_true(checked == (N_CASES + 1) * HW_N_CAND * 4);
}

/* Nelder-Mead written out plainly, one point at a time: the searches the
** cold fit runs side by side (ts_hw_cold_rough_many, ts_hw_cold_finish)
** must end where this one does, bit for bit, from the same start. */
static double plain_nelder_mead(const hw_data *d, double *x0) {
  int dim = ts_hw_dim(d), evals = 0;
  double p[HW_MAX_DIM + 1][HW_MAX_DIM] = {{0}}, f[HW_MAX_DIM + 1];
  for (int i = 0; i <= dim; i++) {
    for (int j = 0; j < dim; j++) p[i][j] = x0[j] + (i == j + 1 ? 1.0 : 0.0);
    f[i] = ts_hw_objective(d, p[i]), evals++;
  }
  while (evals < HW_MAX_EVAL) {
    for (int i = 1; i <= dim; i++) /* best first, stable */
      for (int k = i; k > 0 && f[k] < f[k - 1]; k--) {
        double t = f[k], q[HW_MAX_DIM];
        f[k] = f[k - 1], f[k - 1] = t;
        memcpy(q, p[k], sizeof(q)), memcpy(p[k], p[k - 1], sizeof(q)),
            memcpy(p[k - 1], q, sizeof(q));
      }
    if (fabs(f[dim] - f[0]) <= HW_ROUGH_TOL * (fabs(f[0]) + 1e-300)) break;
    double c[HW_MAX_DIM] = {0}, r[HW_MAX_DIM] = {0}, t[HW_MAX_DIM] = {0};
    for (int i = 0; i < dim; i++)
      for (int j = 0; j < dim; j++) c[j] += p[i][j] / dim;
    for (int j = 0; j < dim; j++) r[j] = c[j] + (c[j] - p[dim][j]);
    double fr = ts_hw_objective(d, r), ft;
    evals++;
    if (fr < f[0]) { /* expand */
      for (int j = 0; j < dim; j++) t[j] = c[j] + 2.0 * (c[j] - p[dim][j]);
      ft = ts_hw_objective(d, t), evals++;
      if (ft < fr) memcpy(r, t, sizeof(r)), fr = ft;
    } else if (!(fr < f[dim - 1])) { /* contract, outside or inside */
      int outside = fr < f[dim];
      for (int j = 0; j < dim; j++)
        t[j] = outside ? c[j] + 0.5 * (r[j] - c[j]) : c[j] + 0.5 * (p[dim][j] - c[j]);
      ft = ts_hw_objective(d, t), evals++;
      if (!(ft < (outside ? fr : f[dim]))) { /* shrink towards the best */
        for (int i = 1; i <= dim; i++) {
          for (int j = 0; j < dim; j++) p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
          f[i] = ts_hw_objective(d, p[i]);
        }
        evals += dim;
        continue;
      }
      memcpy(r, t, sizeof(r)), fr = ft;
    }
    memcpy(p[dim], r, sizeof(r)), f[dim] = fr;
  }
  int best = 0;
  for (int i = 1; i <= dim; i++)
    if (f[i] < f[best]) best = i;
  memcpy(x0, p[best], (size_t)dim * sizeof(double));
  return f[best];
}

static void test_side_by_side_searches_as_one_at_a_time(void **state) {
  (void)state;
  double y[96];
  int compared = 0;
  for (int c = 0; c <= N_CASES; c++) {
    int n, m;
    any_case(c, y, &n, &m);
    for (int mult = 0; mult <= 1; mult++) {
      hw_data d[N_TREND];
      hw_cold cold[N_TREND];
      const hw_data *group[N_TREND];
      hw_cold *cg[N_TREND];
      double x[N_TREND][HW_MAX_DIM], f[N_TREND];
      for (int t = 0; t < N_TREND; t++) {
        ts_hw_data_init(&d[t], y, n, m, 1, mult, t);
        group[t] = &d[t], cg[t] = &cold[t];
      }
      ts_hw_cold_rough_many(group, cg, x, f, N_TREND); /* the three trends at once */
      for (int t = 0; t < N_TREND; t++) {
        int dim = ts_hw_dim(&d[t]);
        double w[4][HW_MAX_DIM] = {{0}}, fs[4], lowest = HW_INVALID;
        int first = 0;
        for (int s = 0; s < 4; s++) {
          for (int j = 0; j < dim; j++) w[s][j] = ts_hw_logit(ts_hw_starts[s][j]);
          fs[s] = ts_hw_objective(&d[t], w[s]);
          if (fs[s] < lowest) lowest = fs[s], first = s;
        }
        double f1 = plain_nelder_mead(&d[t], w[first]);
        assert_memory_equal(&f[t], &f1, sizeof(f1));
        assert_memory_equal(x[t], w[first], (size_t)dim * sizeof(double));
        /* the other three starts side by side in the rest of the cold fit */
        double xf[HW_MAX_DIM];
        ts_hw_cold_finish(&d[t], &cold[t], xf);
        for (int s = 0; s < 4; s++) {
          if (s == first) continue;
          double fs1 = plain_nelder_mead(&d[t], w[s]);
          assert_memory_equal(&cold[t].f[s], &fs1, sizeof(fs1));
          assert_memory_equal(cold[t].w[s], w[s], (size_t)dim * sizeof(double));
          compared++;
        }
      }
    }
  }
  assert_true(compared == (N_CASES + 1) * 2 * N_TREND * 3);
}

static void assert_inside_bounds(const hw_data *d, const double *x) {
  hw_params p;
  ts_hw_params_from_x(d, x, &p);
  assert_true(p.alpha > 0 && p.alpha < 1);
  assert_true(p.gamma > 0 && p.gamma < 1 - p.alpha);
  if (d->trend == TREND_NONE) {
    assert_true(p.beta == 0);
  } else {
    assert_true(p.beta > 0 && p.beta < p.alpha);
  }
  if (d->trend == TREND_DAMPED) assert_true(p.phi > PHI_LOW && p.phi < PHI_LOW + PHI_SPAN);
}

/* Every candidate's fit, cold and warm, keeps its parameters strictly
** inside the bounds, also on a random walk (a level that moves every
** step, which pulls alpha up). */
static void test_fitted_parameters_inside_bounds(void **state) {
  (void)state;
  double y[96];
  for (int c = 0; c <= N_CASES; c++) {
    int n, m;
    any_case(c, y, &n, &m);
    for (int id = 0; id < HW_N_CAND; id++) {
      hw_data d;
      double x[HW_MAX_DIM], again[HW_MAX_DIM];
      ts_hw_data_init(&d, y, n, m, 0, id / N_TREND, id % N_TREND);
      if (hw_fit(&d, NULL, x) >= HW_INVALID) continue;
      assert_inside_bounds(&d, x);
      for (int j = 0; j < ts_hw_dim(&d); j++) assert_true(fabs(x[j]) <= HW_X_BOUND);
      hw_fit(&d, x, again);
      assert_inside_bounds(&d, again);
    }
    ts_hw_model model;
    double sum, sd;
    assert_int_equal(ts_holt_winters_forecast(y, n, m, 1, m - 1, &sum, &sd, &model), 0);
    if (model.fallback < 2) {
      assert_true(model.alpha > 0 && model.alpha < 1);
      assert_true(model.gamma >= 0 && model.gamma < 1 - model.alpha);
    }
  }
}

/* The reference: the Nelder-Mead search this file's fit replaced, on
** the same objective -- from x0 with a simplex of edge step, until the
** relative spread of its values is at most tol (400 evaluations at most,
** counted as iterations here). */
static double reference_nm_from(const hw_data *d, double *x0, double step, double tol) {
  int dim = ts_hw_dim(d);
  double p[HW_MAX_DIM + 1][HW_MAX_DIM], f[HW_MAX_DIM + 1], last = HW_INVALID;
  for (int restart = 0; restart < 1; restart++) {
    for (int i = 0; i <= dim; i++) {
      for (int j = 0; j < dim; j++) p[i][j] = x0[j] + (i == j + 1 ? step : 0.0);
      f[i] = ts_hw_objective(d, p[i]);
    }
    for (int it = 0; it < 400; it++) {
      for (int i = 1; i <= dim; i++) /* sort, best first */
        for (int k = i; k > 0 && f[k] < f[k - 1]; k--) {
          double tf = f[k], tp[HW_MAX_DIM];
          memcpy(tp, p[k], sizeof(tp));
          f[k] = f[k - 1], memcpy(p[k], p[k - 1], sizeof(tp));
          f[k - 1] = tf, memcpy(p[k - 1], tp, sizeof(tp));
        }
      if (f[dim] - f[0] <= tol * f[0]) break;
      double c[HW_MAX_DIM] = {0}, xr[HW_MAX_DIM], xe[HW_MAX_DIM], xc[HW_MAX_DIM];
      for (int i = 0; i < dim; i++)
        for (int j = 0; j < dim; j++) c[j] += p[i][j] / dim;
      for (int j = 0; j < dim; j++) xr[j] = 2 * c[j] - p[dim][j];
      double fr = ts_hw_objective(d, xr);
      if (fr < f[0]) {
        for (int j = 0; j < dim; j++) xe[j] = 3 * c[j] - 2 * p[dim][j];
        double fe = ts_hw_objective(d, xe);
        memcpy(p[dim], fe < fr ? xe : xr, sizeof(xe));
        f[dim] = fe < fr ? fe : fr;
      } else if (fr < f[dim - 1]) {
        memcpy(p[dim], xr, sizeof(xr));
        f[dim] = fr;
      } else {
        for (int j = 0; j < dim; j++) xc[j] = 0.5 * (c[j] + p[dim][j]);
        double fc = ts_hw_objective(d, xc);
        if (fc < f[dim]) {
          memcpy(p[dim], xc, sizeof(xc));
          f[dim] = fc;
        } else {
          for (int i = 1; i <= dim; i++) {
            for (int j = 0; j < dim; j++) p[i][j] = 0.5 * (p[0][j] + p[i][j]);
            f[i] = ts_hw_objective(d, p[i]);
          }
        }
      }
    }
    memcpy(x0, p[0], sizeof(double) * dim);
    if (!(f[0] < last * (1 - 1e-9))) break;
    last = f[0];
  }
  return f[0] < last ? f[0] : last;
}

/* The replaced cold fit: a rough search (edge 1, spread 3e-2) from each
** fixed start, the best polished (edge 0.25, spread 1e-3). */
static double reference_nm(const hw_data *d) {
  double best = HW_INVALID, xb[HW_MAX_DIM];
  for (int s = 0; s < 4; s++) {
    double x[HW_MAX_DIM];
    for (int j = 0; j < ts_hw_dim(d); j++) x[j] = ts_hw_logit(ts_hw_starts[s][j]);
    double f = reference_nm_from(d, x, 1.0, 3e-2);
    if (f < best || best >= HW_INVALID) best = f, memcpy(xb, x, sizeof(xb));
  }
  if (best >= HW_INVALID) return best;
  return reference_nm_from(d, xb, 0.25, 1e-3);
}

/* The cold fit's SSE is no worse than the SSE at any fixed start, and
** within 0.5 % of the tight Nelder-Mead reference (the reference may
** settle in a different local optimum, and the fit stops at a 0.1 %
** gain, so a small margin); a warm fit from the optimum loses nothing
** (but rounding: the derivative pass and the plain one order their
** operations differently). */
static void test_fit_sse_against_nelder_mead(void **state) {
  (void)state;
  double y[96];
  for (int c = 0; c < N_CASES; c++) {
    case_series(c, y);
    for (int id = 0; id < HW_N_CAND; id++) {
      hw_data d;
      double x[HW_MAX_DIM], warm[HW_MAX_DIM];
      ts_hw_data_init(&d, y, cases[c].n, cases[c].m, 1, id / N_TREND, id % N_TREND);
      double fit = hw_fit(&d, NULL, x);
      double ref = reference_nm(&d);
      if (ref >= HW_INVALID) continue;
      assert_true(fit < HW_INVALID);
      for (int s = 0; s < 4; s++) {
        double w[HW_MAX_DIM];
        for (int j = 0; j < ts_hw_dim(&d); j++) w[j] = ts_hw_logit(ts_hw_starts[s][j]);
        assert_true(fit <= ts_hw_objective(&d, w));
      }
      assert_true(fit <= ref * 1.005);
      memcpy(warm, x, sizeof(warm));
      double again = hw_fit(&d, x, warm);
      assert_true(again <= fit * (1 + 1e-12)); /* the two passes round apart */
    }
  }
}

/* The reference: Levenberg-Marquardt without the stop on a step its
** model predicted (every accepted step followed by a derivative pass,
** stopping only where a step gains, or is predicted to gain, less than
** tol of the SSE). */
static double reference_lm(const hw_data *d, double *x, double tol, int max_iter) {
  int dim = ts_hw_dim(d);
  hw_grad G;
  double f = ts_hw_run_grad(d, x, &G), lambda = HW_LM_LAMBDA0;
  if (f >= HW_INVALID) return f;
  for (int iter = 0; iter < max_iter; iter++) {
    double delta[HW_MAX_DIM], xt[HW_MAX_DIM], longest = 0, predicted = 0;
    if (ts_hw_lm_step(&G, dim, lambda, delta)) {
      lambda = lambda * 10 + 1e-3;
      continue;
    }
    for (int i = 0; i < dim; i++) longest = fmax(longest, fabs(delta[i]));
    double scale = longest > HW_LM_MAX_STEP ? HW_LM_MAX_STEP / longest : 1.0;
    for (int i = 0; i < dim; i++) {
      delta[i] *= scale;
      double hd = 0;
      for (int k = 0; k < dim; k++) hd += G.H[i][k] * delta[k];
      predicted -= 2 * G.g[i] * delta[i] + delta[i] * hd;
    }
    if (lambda <= HW_LM_LAMBDA0 && predicted <= tol * f) break;
    for (int i = 0; i < dim; i++) xt[i] = ts_hw_x_clamped(x[i] + delta[i]);
    double ft = ts_hw_objective(d, xt);
    if (ft < f) {
      memcpy(x, xt, sizeof(double) * dim);
      lambda *= HW_LM_RELAX;
      if (f - ft <= tol * ft || iter == max_iter - 1) return ft;
      f = ts_hw_run_grad(d, x, &G);
    } else {
      lambda = lambda * 10 + 1e-3;
      if (lambda > 1e10) break;
    }
  }
  return f;
}

/* Levenberg-Marquardt's stop on a full Gauss-Newton step that gained
** what its model predicted (to within 1e-3 of the SSE) loses less than
** 0.5 % of SSE against the reference without it, from where the warm
** fits start (the optimum on the series a season shorter) and from the
** fixed starts. */
static void test_lm_stop_against_reference(void **state) {
  (void)state;
  double y[96];
  int compared = 0;
  for (int c = 0; c < N_CASES; c++) {
    int n = cases[c].n, m = cases[c].m;
    case_series(c, y);
    for (int id = 0; id < HW_N_CAND; id++) {
      hw_data shorter, d;
      ts_hw_data_init(&shorter, y, n - m, m, 1, id / N_TREND, id % N_TREND);
      ts_hw_data_init(&d, y, n, m, 1, id / N_TREND, id % N_TREND);
      for (int s = 0; s <= 4; s++) {
        double x[HW_MAX_DIM] = {0}, ref_x[HW_MAX_DIM] = {0};
        if (s == 4) {
          if (hw_fit(&shorter, NULL, x) >= HW_INVALID) continue;
        } else {
          for (int j = 0; j < ts_hw_dim(&d); j++) x[j] = ts_hw_logit(ts_hw_starts[s][j]);
        }
        memcpy(ref_x, x, sizeof(ref_x));
        double f = ts_hw_lm(&d, x, HW_LOCAL_TOL, HW_LOCAL_ITER);
        double ref = reference_lm(&d, ref_x, HW_LOCAL_TOL, HW_LOCAL_ITER);
        if (ref >= HW_INVALID) continue;
        assert_true(f <= ref * 1.005);
        compared++;
      }
    }
  }
  assert_true(compared > 150);
}

/* The full fit item 7's shortcuts stand in for: from the previous
** optimum (pulled into [-3, 3]) when the chain holds one, else cold, a
** Levenberg-Marquardt search to a 1e-9 gain (no early stop). */
static double full_fit(const hw_data *d, const ts_hw_warm *prev, int id, double *x) {
  int dim = ts_hw_dim(d);
  if (prev->valid[id]) {
    for (int j = 0; j < dim; j++) x[j] = fmax(-HW_WARM_BOUND, fmin(HW_WARM_BOUND, prev->x[id][j]));
    if (ts_hw_objective(d, x) < HW_INVALID) return ts_hw_lm(d, x, 1e-9, 200);
  }
  if (hw_fit(d, NULL, x) >= HW_INVALID) return HW_INVALID;
  return ts_hw_lm(d, x, 1e-9, 200);
}

/* The backtest's chain: the same series fitted with one more season each
** time, each fit warm-started from the one before.  Item 7's screens
** (the cheap fits' AICc; cold, the first rough search standing in for
** the whole cold fit) and Levenberg-Marquardt's stop on a step its model
** predicted are shortcuts: at every cut-off the chosen model's SSE is
** within 0.5 % of its full fit from the same starting point, and no
** candidate's full fit beats the chosen one by more than the AICc of
** 0.5 % of the SSE -- but for the ones out of the race (HW_RACE AICc or
** more behind at the cut-off before), which by design are refitted only
** when their previous optimum leads. */
static void test_warm_chain_against_full_fits(void **state) {
  (void)state;
  double y[96];
  int compared = 0;
  for (int c = 0; c <= N_CASES; c++) {
    int n, m;
    any_case(c, y, &n, &m);
    ts_hw_warm warm;
    memset(&warm, 0, sizeof(warm));
    for (int cut = n - 3 * m; cut <= n; cut += m) {
      ts_hw_warm prev = warm;
      ts_hw_model model;
      double sum, sd, sum_sq = 0;
      assert_int_equal(ts_holt_winters_forecast_warm(y, cut, m, 1, m - 1, &warm, &sum, &sd, &model),
                       0);
      if (model.fallback != 0) continue;
      for (int t = 0; t < cut; t++) sum_sq += y[t] * y[t];
      double floor = 1e-20 * sum_sq + DBL_MIN, best_full = HW_INVALID, chosen_full = HW_INVALID;
      int chosen_k = 0;
      for (int id = 0; id < HW_N_CAND; id++) {
        if (id / N_TREND > ts_hw_multiplicative_allowed(y, cut)) continue;
        hw_data d;
        double x[HW_MAX_DIM];
        ts_hw_data_init(&d, y, cut, m, 0, id / N_TREND, id % N_TREND);
        double sse = full_fit(&d, &prev, id, x);
        if (sse >= HW_INVALID) continue;
        double a = ts_hw_aicc(sse, floor, cut, ts_hw_dim(&d));
        if (a < best_full && !(prev.valid[id] && prev.behind[id])) best_full = a; /* racing */
        if (id / N_TREND == model.multiplicative && id % N_TREND == model.trend_kind)
          chosen_full = sse, chosen_k = ts_hw_dim(&d);
      }
      assert_true(chosen_full < HW_INVALID);
      assert_true(model.sse <= chosen_full * 1.005);
      assert_true(ts_hw_aicc(model.sse, floor, cut, chosen_k) <= best_full + cut * log(1.005));
      compared++;
    }
  }
  assert_true(compared >= 3 * N_CASES);
}

/* Item 7, cold: a candidate behind a full fit already made gets
** Levenberg-Marquardt from its rough search's point, and the rest of the
** cold fit only if that puts it ahead -- so the model used always had the
** whole cold fit: its SSE is at most that of its whole cold fit. */
static void test_cold_choice_had_the_whole_fit(void **state) {
  (void)state;
  double y[96];
  int compared = 0;
  for (int c = 0; c <= N_CASES; c++) {
    int n, m;
    any_case(c, y, &n, &m);
    for (int cut = 2 * m + 1; cut <= n; cut += m / 2 + 1) {
      ts_hw_model model;
      double sum, sd, x[HW_MAX_DIM];
      assert_int_equal(ts_holt_winters_forecast(y, cut, m, 1, m - 1, &sum, &sd, &model), 0);
      if (model.fallback != 0) continue;
      hw_data d;
      ts_hw_data_init(&d, y, cut, m, 0, model.multiplicative, model.trend_kind);
      double whole = hw_fit(&d, NULL, x);
      assert_true(whole < HW_INVALID);
      assert_true(model.sse <= whole * (1 + 1e-12));
      compared++;
    }
  }
  assert_true(compared >= 4 * N_CASES);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_gradient_matches_finite_differences),
      cmocka_unit_test(test_filter_copies_agree_bit_for_bit),
      cmocka_unit_test(test_side_by_side_searches_as_one_at_a_time),
      cmocka_unit_test(test_fitted_parameters_inside_bounds),
      cmocka_unit_test(test_fit_sse_against_nelder_mead),
      cmocka_unit_test(test_lm_stop_against_reference),
      cmocka_unit_test(test_warm_chain_against_full_fits),
      cmocka_unit_test(test_cold_choice_had_the_whole_fit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
