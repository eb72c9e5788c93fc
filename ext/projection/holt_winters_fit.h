/*
** projection/holt_winters_fit.h -- private to ext/projection/: the
** Holt-Winters fit, in three files -- holt_winters_filter.c the filters
** at one point and the derivatives, holt_winters_lanes.c the filter at
** four points in one pass (per model form and instruction set, as
** holt_winters_forms.h compiles them), and holt_winters_fit.c the
** searches over them (Levenberg-Marquardt, Nelder-Mead, the cold fit) --
** shared with the model selection and forecast (holt_winters.c, whose
** header comment is the contract of all four) and with
** tests/unit/test_holt_winters.c.
*/
#ifndef TRADESTAT_HOLT_WINTERS_FIT_H
#define TRADESTAT_HOLT_WINTERS_FIT_H

#include "projection/projection.h"

/* Shared by the three files and the unit test, never by the extension's
** users: hidden from the shared object's symbols, so that calls inside
** each file bind locally (a -fPIC build may otherwise not inline or
** direct-call an interposable function), and calls between them go
** direct, not through the procedure linkage table. */
#if defined(__GNUC__)
#define HW_PRIVATE __attribute__((visibility("hidden")))
#else
#define HW_PRIVATE
#endif

#define HW_MAX_DIM     4
#define HW_MAX_EVAL    400  /* evaluations per Nelder-Mead search, a safety net */
#define HW_ROUGH_TOL   3e-2 /* a rough search stops at this relative spread */
#define HW_POLISH_TOL  1e-3 /* the polish at this one */
#define HW_LOCAL_STEP  0.25 /* the polish's simplex edge, logit units */
#define HW_LOCAL_TOL   1e-3 /* a local (LM) search stops at a step gaining less */
#define HW_LOCAL_ITER  20   /* steps per local search, at most */
#define HW_WARM_BOUND  3.0  /* previous optima are pulled into [-3, 3] */
#define HW_INVALID     1e300
#define HW_X_BOUND     20.0 /* logit scale: parameters stay 2e-9 inside */
#define HW_LM_LAMBDA0  1e-3
#define HW_LM_RELAX    0.3
#define HW_LM_MAX_STEP 3.0 /* logit units per step, at most */
#define PHI_LOW        0.8
#define PHI_SPAN       0.18

enum { TREND_NONE, TREND_ADDITIVE, TREND_DAMPED, N_TREND };

typedef struct hw_data {
  const double *y;
  int n, m, first_pos; /* first_pos: 0-based season index of y[0] */
  int multiplicative;
  int trend; /* TREND_* */
  /* item 2's starting states, computed once per fit (hw_data_init) */
  int start_invalid; /* multiplicative start impossible */
  double level0, trend0, season0[12];
} hw_data;

typedef struct hw_params {
  double alpha, beta, gamma, phi;
} hw_params;

#define HW_N_CAND (2 * N_TREND) /* candidate id: multiplicative * N_TREND + trend */

/* Gauss-Newton pieces of the SSE at x, on the logit scale: g = J'e (half
** the gradient) and H = J'J, with J the one-step errors' derivatives. */
typedef struct hw_grad {
  double g[HW_MAX_DIM];
  double H[HW_MAX_DIM][HW_MAX_DIM];
} hw_grad;

/* Item 3's cold fit in two parts, so that item 7's screen can come
** between them: the rough searches' results by starting point. */
typedef struct hw_cold {
  double w[4][HW_MAX_DIM], f[4];
  unsigned char done[4];
} hw_cold;

/* ---- the filters (holt_winters_filter.c) ---- */

/* Free parameters: alpha, gamma share, then beta* with a trend, phi. */
HW_PRIVATE int ts_hw_dim(const hw_data *d);
/* The model's parameters at x (logit scale). */
HW_PRIVATE void ts_hw_params_from_x(const hw_data *d, const double *x, hw_params *p);
/* d for y[0..n-1] (y[0] at 0-based season position first_pos) and one
** model form, with item 2's starting states. */
HW_PRIVATE void ts_hw_data_init(hw_data *d, const double *y, int n, int m, int first_pos,
                                int multiplicative, int trend);
/* The filter at p: the SSE (HW_INVALID when a multiplicative state
** leaves the positive range); with state, the states after y[n-1]; with
** rel_sse, the sum of (e / yhat)^2. */
HW_PRIVATE double ts_hw_run(const hw_data *d, const hw_params *p, ts_hw_model *state,
                            double *rel_sse);
/* The SSE at x (logit scale), the searches' objective. */
HW_PRIVATE double ts_hw_objective(const hw_data *d, const double *x);
/* The SSE at x with its Gauss-Newton pieces on the logit scale (out). */
HW_PRIVATE double ts_hw_run_grad(const hw_data *d, const double *x, hw_grad *out);
/* How many compiled copies of the filters this processor can run (2
** with AVX2 on x86, else 1), and the two above with copy isa (0, the
** baseline, up to that count - 1): the copies give the same numbers. */
HW_PRIVATE int ts_hw_isa_count(void);
HW_PRIVATE double ts_hw_objective_isa(const hw_data *d, const double *x, int isa);
HW_PRIVATE double ts_hw_run_grad_isa(const hw_data *d, const double *x, hw_grad *out, int isa);

/* ---- four points in one pass (holt_winters_lanes.c) ---- */

/* The SSE at four points in one pass (copy isa; each the same number as
** ts_hw_objective_isa's), and at count points, four to a pass. */
HW_PRIVATE void ts_hw_objective4_isa(const hw_data *d, const double (*x)[HW_MAX_DIM], double *f,
                                     int isa);
HW_PRIVATE void ts_hw_objectives(const hw_data *d, const double (*x)[HW_MAX_DIM], int count,
                                 double *f);
/* The SSE of count (1 to 4) candidates of one series and seasonality,
** each d[k] at x[k] (any trends), in one pass (copy isa). */
HW_PRIVATE void ts_hw_objective_forms_isa(const hw_data *const *d, const double (*x)[HW_MAX_DIM],
                                          int count, double *f, int isa);
HW_PRIVATE void ts_hw_objective_forms(const hw_data *const *d, const double (*x)[HW_MAX_DIM],
                                      int count, double *f);
/* The SSE of count (1 to 4) points x[k], each of candidate d[k] (one
** series and seasonality, any trends), in one pass. */
HW_PRIVATE void ts_hw_objective_lanes(const hw_data *const *d, const double *const *x, int count,
                                      double *f);

/* ---- the searches (holt_winters_fit.c) ---- */

/* The four fixed starting points (alpha, gamma / (1 - alpha), beta*,
** (phi - 0.8) / 0.18). */
HW_PRIVATE extern const double ts_hw_starts[4][HW_MAX_DIM];

/* The logistic's inverse: a parameter in (0, 1) onto the logit scale. */
HW_PRIVATE double ts_hw_logit(double p);
/* x into [-HW_X_BOUND, HW_X_BOUND]. */
HW_PRIVATE double ts_hw_x_clamped(double x);
HW_PRIVATE void ts_hw_clamp(double *x, int dim);
/* Solves (H + lambda D) delta = -g (Levenberg-Marquardt's step); returns 1
** if not positive definite. */
HW_PRIVATE int ts_hw_lm_step(const hw_grad *G, int dim, double lambda, double *delta);
/* Levenberg-Marquardt from x (item 3); returns the SSE, x the point. */
HW_PRIVATE double ts_hw_lm(const hw_data *d, double *x, double tol, int max_iter);
/* The cold fit's first part (the rough search from the best fixed start)
** and the rest; each returns the SSE, x the point. */
HW_PRIVATE double ts_hw_cold_rough(const hw_data *d, hw_cold *c, double *x);
/* ts_hw_cold_rough for count (1 to 4) candidates d[i] of one series and
** seasonality (their searches share the four-point passes): c[i], x[i]
** and the SSE f[i] as ts_hw_cold_rough's. */
HW_PRIVATE void ts_hw_cold_rough_many(const hw_data *const *d, hw_cold *const *c,
                                      double (*x)[HW_MAX_DIM], double *f, int count);
HW_PRIVATE double ts_hw_cold_finish(const hw_data *d, hw_cold *c, double *x);

/* ---- model selection (holt_winters.c) ---- */

/* Multiplicative seasonality needs values well away from zero (item 4). */
HW_PRIVATE int ts_hw_multiplicative_allowed(const double *y, int n);
/* AICc of an SSE (floored at floor) with k parameters over n values. */
HW_PRIVATE double ts_hw_aicc(double sse, double floor, int n, int k);

#endif /* TRADESTAT_HOLT_WINTERS_FIT_H */
