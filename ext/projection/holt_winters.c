/*
** projection/holt_winters.c -- Holt-Winters with no, additive or damped trend and
** additive or multiplicative seasonality, parameters fitted by
** Nelder-Mead and Levenberg-Marquardt, the model chosen by AICc,
** degenerate fits refused.
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
**     observation, on logistic transforms (x = logit of a, g / (1 - a),
**     beta*, (phi - 0.8) / 0.18).  A cold fit: a rough Nelder-Mead search
**     (stopping at a 3e-2 relative spread of the simplex's values) from
**     each of four fixed starting points, the best polished by a local one
**     (1e-3), then by Levenberg-Marquardt.  Levenberg-Marquardt: the filter
**     carries the one-step errors' derivatives with respect to a, g, B and
**     phi alongside its states (forward mode: the recursion
**     differentiated, its lanes a fixed-count loop the compiler
**     vectorises; about 5 plain passes' instructions), so one pass gives
**     the SSE, J'e and J'J; each step solves the damped Gauss-Newton
**     system on the logit scale, inside [-20, 20] there (every parameter
**     strictly inside its bounds), until a step gains less than 1e-3 of
**     the SSE, or the model predicts it would, or a full Gauss-Newton
**     step gained what the model predicted to within 1e-3 of the SSE (the
**     model is exact there: the next step would gain about that mismatch;
**     it saves the derivative pass that would only have confirmed it), 20
**     steps at most.  It converges in a few passes from a nearby point,
**     where Nelder-Mead spends tens; from far it settles in worse optima
**     than Nelder-Mead's wide simplex (measured on the unit tests'
**     series: 2 % worse SSE at the median), hence the cold fit's
**     Nelder-Mead.  Each filter (plain and with derivatives) is compiled
**     once per model form, its branches on the form folded.
**     Deterministic.  The fit is a local optimum: a different search can
**     settle on a different one (the reference's example, 832.7, became
**     832.8 when the cold fit's Nelder-Mead replaced four full searches).
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
**  6. Needs n >= 2 m; m is 2, 4 or 12; h <= 12.  Nothing allocates.  The
**     work per call is bounded: six candidates, each at most five
**     Nelder-Mead searches of 400 evaluations and one Levenberg-Marquardt
**     search of 20 steps.
**  7. Screens (every call; warm start: ts_holt_winters_forecast_warm, the
**     backtest fits the same series year after year, each time with one
**     more year).  Every candidate first gets a cheap fit: with an
**     earlier fit its optimum there, evaluated (pulled into [-3, 3] on
**     the logit scale, off the logistic's flat ends); without, the cold
**     fit's rough search from the fixed start where the SSE is smallest.
**     The full fits go in order of the cheap AICc, best first.  Warm,
**     those within 10 of the best AICc so far -- the best cheap one, or
**     once a candidate has had its full fit the best full fit's, which
**     is lower -- are refitted by Levenberg-Marquardt from the previous
**     optimum; cold, those within 20 of the best cheap AICc get the rest
**     of item 3's cold fit (ending where the whole cold fit would) --
**     or, behind a full fit already made, Levenberg-Marquardt from their
**     rough search's point, and the rest of the cold fit only if that
**     puts them ahead (so the model chosen always had the whole cold
**     fit).  The others keep the cheap fit (10 AICc behind, Akaike
**     weight < 7e-3: practically never chosen, only possibly a fallback;
**     a rough search's AICc is looser, hence 20: at 10 and 15 the small
**     synthetic monthly set's MAPE rose 2.73 -> 2.77).  The unit tests
**     pin the shortcuts: along a warm chain the chosen model's SSE is
**     within 0.5 % of its full fit from the same start and no candidate's
**     full fit beats it by more; the predicted-gain stop loses less than
**     0.5 % against the search without it.
**     Measured on the accuracy report (make bench-accuracy): the cold
**     screen and the predicted-gain stop left holt_winters' and auto's
**     MAPE as they were to 0.01 point on every data set but KOSIS (92.24
**     -> 92.22; its small set beside R 44.01 -> 44.03); with the per-form
**     filters the benchmark's holt_winters task took 0.75 x the
**     instructions (8.60 G -> 6.41 G at scale 0.1; the filters alone,
**     the same numbers, 6.84 G).  Refitting warm candidates that one
**     Levenberg-Marquardt step left 4 AICc behind no further saved about
**     0.1 x more, but moved the MAPE (synthetic quarterly 4.10 -> 4.11,
**     auto monthly 2.63 -> 2.64).
**     Since (instructions of the same task at scale 0.03, callgrind:
**     1.85 G -> 1.79 G): the additive-trend filters fold phi = 1 and the
**     derivative pass leaves out phi's products there (the same numbers
**     bit for bit).  Then (1.79 G -> 1.56 G) the warm screen's bar drops
**     to the best full fit once there is one (refits go best first).
**     MAPE before -> after, holt_winters:
**     synthetic quarterly 4.10 -> 4.10, monthly 2.74 -> 2.74, KOSIS
**     92.22 -> 92.18; auto 3.88 -> 3.88, 2.63 -> 2.64, 16.12 -> 16.12;
**     the small sets beside R, holt_winters 4.18 -> 4.22, 2.73 -> 2.79,
**     44.03 -> 43.98, 1.80 -> 1.80, 1.83 -> 1.79 (auto 3.98 -> 3.99,
**     2.16 -> 2.17, 15.24, 2.09 -> 1.97, 1.79 -> 1.81).  Then the cold
**     shortcut above (the other three rough searches and the polish
**     were 40 % of the instructions): 1.56 G -> 1.21 G; against the
**     first numbers, holt_winters 4.10, 2.74, KOSIS 92.45 (its median
**     APE 9.37 -> 9.34); auto 3.89, 2.64, 16.13; small sets 4.20, 2.82,
**     44.04, 1.80, 1.79 (auto 3.95, 2.15, 15.24, 1.97, 1.82).
**     Before (the warm screen alone, Levenberg-Marquardt refits against
**     the Nelder-Mead ones they replaced): the same MAPE to 0.01 point on
**     the synthetic sets, KOSIS 96.0 -> 92.2; the screen at 10 instead
**     of 20 changed holt_winters' MAPE by at most 0.01 point; at 5 the
**     monthly MAPE rose by 0.02.  (A Nelder-Mead local search alone had
**     lost accuracy: it stops early in a worse basin.)
*/
#include "projection/projection.h"

#include <float.h>
#include <math.h>

/* Forced inlining where the compiler has it: the filters are written
** once and compiled per model form (constant flags fold their branches). */
#if defined(__GNUC__)
#define HW_INLINE inline __attribute__((always_inline))
#else
#define HW_INLINE inline
#endif

#define HW_MAX_DIM     4
#define HW_MAX_EVAL    400  /* evaluations per Nelder-Mead search, a safety net */
#define HW_ROUGH_TOL   3e-2 /* a rough search stops at this relative spread */
#define HW_POLISH_TOL  1e-3 /* the polish at this one */
#define HW_LOCAL_STEP  0.25 /* the polish's simplex edge, logit units */
#define HW_LOCAL_TOL   1e-3 /* a local (LM) search stops at a step gaining less */
#define HW_LOCAL_ITER  20   /* steps per local search, at most */
#define HW_WARM_BOUND  3.0  /* previous optima are pulled into [-3, 3] */
#define HW_SCREEN      10.0 /* refit candidates within this AICc of the best */
#define HW_COLD_SCREEN 20.0 /* and cold, on the first rough search's AICc */
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
  p->phi = d->trend == TREND_NONE       ? 0.0
           : d->trend == TREND_ADDITIVE ? 1.0
                                        : PHI_LOW + PHI_SPAN * logistic(x[3]);
}

/* Starting level (one step before y[0]), trend and seasonal states.
** Returns 1 when the multiplicative start is impossible (a line <= 0). */
static int hw_start(const hw_data *d, double *level, double *trend, double *season) {
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
    if (d->multiplicative)
      season[i] *= m / total;
    else
      season[i] -= total / m;
  }
  *level = l;
  *trend = b;
  return 0;
}

static void hw_data_init(hw_data *d, const double *y, int n, int m, int first_pos,
                         int multiplicative, int trend) {
  *d = (hw_data){y, n, m, first_pos, multiplicative, trend, 0, 0, 0, {0}};
  d->start_invalid = hw_start(d, &d->level0, &d->trend0, d->season0);
}

/* Runs the filter; returns the SSE (HW_INVALID when a multiplicative
** state leaves the positive range).  With state, the states after y[n-1];
** with rel_sse, the sum of (e / yhat)^2.
**
** This is the optimiser's objective, so it is written for speed: one pass,
** no allocation, no division in the additive model.  The recursion of
** item 1 is carried as base = l + phi b and b: with c = y - s (additive)
** or y / s (multiplicative), both models' updates are
**    l' = (1 - a) base + a c,   b' = phi b + B (c - base)
** so base' = (1 - a - phi B) base + phi^2 b + (a + phi B) c and
** b' = phi b + B c - B base: each step depends on the last through one
** multiply-add, not a chain of four (the same model; rounding differs). */
static HW_INLINE double hw_filter(const hw_data *d, const hw_params *p, ts_hw_model *state,
                                  double *rel_sse, const int multiplicative, const int trend) {
  if (d->start_invalid) return HW_INVALID;
  /* additive trend: phi is exactly 1, folded (x * 1.0 is x: the same numbers) */
  const double phi = trend == TREND_ADDITIVE ? 1.0 : p->phi;
  const double *y = d->y, a = p->alpha, B = p->beta, g = p->gamma;
  const double keep = 1 - a - phi * B, phi2 = phi * phi, gain = a + phi * B;
  double b = d->trend0, base = d->level0 + phi * b, s[12];
  double sse = 0, rel = 0;
  int m = d->m, j = d->first_pos;
  memcpy(s, d->season0, sizeof(s));
  /* season by season: the position needs no wrap test within one */
  for (int t = 0, n = d->n; t < n; j = 0) {
    for (int end = t + m - j < n ? t + m - j : n; t < end; t++, j++) {
      double sj = s[j], c, e;
      if (multiplicative) {
        if (base <= 0 || sj <= 0) return HW_INVALID;
        c = y[t] / sj;
        e = y[t] - base * sj;
        s[j] = sj + g * e / base;
      } else {
        c = y[t] - sj;
        e = c - base;
        s[j] = sj + g * e;
      }
      sse += e * e;
      if (rel_sse) {
        double yhat = y[t] - e;
        if (yhat != 0) rel += (e / yhat) * (e / yhat);
      }
      if (trend) { /* without one b stays 0: the same numbers */
        double next_base = keep * base + (phi2 * b + gain * c);
        b = phi * b + B * c - B * base;
        base = next_base;
      } else {
        base = keep * base + gain * c;
      }
    }
  }
  if (!isfinite(sse)) return HW_INVALID;
  if (state) {
    state->level = base - phi * b;
    state->trend = b;
    for (int i = 0; i < d->m; i++) state->season[i] = s[i];
  }
  if (rel_sse) *rel_sse = rel;
  return sse;
}

/* hw_filter in general (the final states, the relative errors). */
static double hw_run(const hw_data *d, const hw_params *p, ts_hw_model *state, double *rel_sse) {
  return hw_filter(d, p, state, rel_sse, d->multiplicative, d->trend);
}

/* The SSE alone, the searches' objective: hw_filter compiled once per
** model form, so the branches on the form and on the optional outputs
** leave the loop (about a third fewer instructions a pass). */
static double hw_sse_add(const hw_data *d, const hw_params *p) {
  return hw_filter(d, p, NULL, NULL, 0, 0);
}
static double hw_sse_add_trend(const hw_data *d, const hw_params *p) {
  return hw_filter(d, p, NULL, NULL, 0, TREND_ADDITIVE);
}
static double hw_sse_mult(const hw_data *d, const hw_params *p) {
  return hw_filter(d, p, NULL, NULL, 1, 0);
}
static double hw_sse_mult_trend(const hw_data *d, const hw_params *p) {
  return hw_filter(d, p, NULL, NULL, 1, TREND_ADDITIVE);
}
static double hw_sse_add_damped(const hw_data *d, const hw_params *p) {
  return hw_filter(d, p, NULL, NULL, 0, TREND_DAMPED);
}
static double hw_sse_mult_damped(const hw_data *d, const hw_params *p) {
  return hw_filter(d, p, NULL, NULL, 1, TREND_DAMPED);
}

static double hw_sse(const hw_data *d, const hw_params *p) {
  switch (d->trend * 2 + d->multiplicative) {
    case TREND_NONE * 2: return hw_sse_add(d, p);
    case TREND_NONE * 2 + 1: return hw_sse_mult(d, p);
    case TREND_ADDITIVE * 2: return hw_sse_add_trend(d, p);
    case TREND_ADDITIVE * 2 + 1: return hw_sse_mult_trend(d, p);
    case TREND_DAMPED * 2: return hw_sse_add_damped(d, p);
    default: return hw_sse_mult_damped(d, p);
  }
}

/* The parameters' derivatives with respect to x (dtheta_k / dx_i, theta =
** alpha, gamma, beta, phi in x's order): the chain rule from the natural
** parameters, where the filter's derivatives are simple, to the logit
** scale the search works on. */
static void params_jacobian(const hw_data *d, const double *x, double M[][HW_MAX_DIM]) {
  memset(M, 0, sizeof(double) * HW_MAX_DIM * HW_MAX_DIM);
  double a = logistic(x[0]), da = a * (1 - a), s1 = logistic(x[1]);
  M[0][0] = da;
  M[1][0] = -s1 * da;
  M[1][1] = (1 - a) * s1 * (1 - s1);
  if (d->trend != TREND_NONE) {
    double s2 = logistic(x[2]);
    M[2][0] = s2 * da;
    M[2][2] = a * s2 * (1 - s2);
  }
  if (d->trend == TREND_DAMPED) {
    double s3 = logistic(x[3]);
    M[3][3] = PHI_SPAN * s3 * (1 - s3);
  }
}

/* Gauss-Newton pieces of the SSE at x, on the logit scale: g = J'e (half
** the gradient) and H = J'J, with J the one-step errors' derivatives. */
typedef struct hw_grad {
  double g[HW_MAX_DIM];
  double H[HW_MAX_DIM][HW_MAX_DIM];
} hw_grad;

/* One derivative lane k of the step: with d c = cs d s_j, d e = es d s_j +
** eb d base, it updates d s_j, d base, d b and J'e.  Without a trend d b
** stays 0 (phi = B = 0) and is left out. */
#define HW_LANE(k)                                                                      \
  do {                                                                                  \
    double dsj = Ds[j][k], dbase = Dbase[k], dc = cs * dsj, de = es * dsj + eb * dbase; \
    De[k] = de;                                                                         \
    Ds[j][k] = dsj + gi * de - gb * dbase;                                              \
    if (trend) {                                                                        \
      Dbase[k] = keep * dbase + phi2 * Db[k] + gain * dc + dgain[k] * cb;               \
      Db[k] = phi * Db[k] + B * (dc - dbase);                                           \
    } else {                                                                            \
      Dbase[k] = keep * dbase + gain * dc + dgain[k] * cb;                              \
    }                                                                                   \
    Jg[k] += de * e;                                                                    \
  } while (0)

/* hw_run's filter with the errors' derivatives carried alongside
** (forward mode): for each parameter theta (lanes alpha, gamma, beta,
** phi), d base, d b and d s[j] follow the recursion differentiated, so
** one pass gives the SSE, J'e (Jg) and J'J (JJ, lower triangle) in theta.
** Only base's start, level0 + phi trend0, depends on a parameter.  The
** models without a trend run the first two lanes only. */
static HW_INLINE double hw_grad_filter(const hw_data *d, const hw_params *p, double *Jg_out,
                                       double JJ_out[][HW_MAX_DIM], const int multiplicative,
                                       const int trend) {
  /* additive trend: phi is exactly 1, folded (x * 1.0 is x: the same numbers) */
  const double phi = trend == TREND_ADDITIVE ? 1.0 : p->phi;
  const double *y = d->y, a = p->alpha, B = p->beta, g = p->gamma;
  const double keep = 1 - a - phi * B, phi2 = phi * phi, gain = a + phi * B;
  /* d gain by lane (d keep = -d gain: keep = 1 - gain) */
  const double dgain[HW_MAX_DIM] = {1, 0, phi, B};
  const int m = d->m, n = d->n;
  double b = d->trend0, base = d->level0 + phi * b, s[12];
  double Dbase[HW_MAX_DIM] = {0, 0, 0, b}, Db[HW_MAX_DIM] = {0}, Ds[12][HW_MAX_DIM];
  double Jg[HW_MAX_DIM] = {0}, JJ[10] = {0}, sse = 0;
  int j = d->first_pos;
  memcpy(s, d->season0, sizeof(s));
  memset(Ds, 0, sizeof(Ds));
  for (int t = 0; t < n; t++) {
    double sj = s[j], c, e, De[HW_MAX_DIM];
    /* d s_j' = d s_j + gi d e - gb d base (+ ge in gamma's lane) */
    double cs, es, eb, gi, gb, ge;
    if (multiplicative) {
      if (base <= 0 || sj <= 0) return HW_INVALID;
      double inv_s = 1 / sj, inv_base = 1 / base;
      c = y[t] * inv_s;
      e = y[t] - base * sj;
      ge = e * inv_base;
      cs = -c * inv_s, es = -base, eb = -sj, gi = g * inv_base, gb = g * ge * inv_base;
    } else {
      c = y[t] - sj;
      e = c - base;
      ge = e;
      cs = -1, es = -1, eb = -1, gi = g, gb = 0;
    }
    double cb = c - base;
    if (trend) { /* additive: phi's lane runs unused (4 lanes vectorise, 3 do not) */
      for (int k = 0; k < 4; k++) HW_LANE(k);
    } else {
      for (int k = 0; k < 2; k++) HW_LANE(k);
    }
    Ds[j][1] += ge; /* gamma itself in s_j' */
    JJ[0] += De[0] * De[0], JJ[1] += De[1] * De[0], JJ[2] += De[1] * De[1];
    if (trend) {
      Db[2] += cb; /* beta itself in b' */
      JJ[3] += De[2] * De[0], JJ[4] += De[2] * De[1], JJ[5] += De[2] * De[2];
    }
    if (trend == TREND_DAMPED) {
      Dbase[3] += 2 * phi * b; /* phi^2 itself in base' */
      Db[3] += b;              /* phi itself in b' */
      JJ[6] += De[3] * De[0], JJ[7] += De[3] * De[1], JJ[8] += De[3] * De[2];
      JJ[9] += De[3] * De[3];
    }
    sse += e * e;
    s[j] = sj + g * ge;
    if (trend) {
      double next_base = keep * base + (phi2 * b + gain * c);
      b = phi * b + B * c - B * base;
      base = next_base;
    } else {
      base = keep * base + gain * c;
    }
    if (++j == m) j = 0;
  }
  for (int k = 0, at = 0; k < HW_MAX_DIM; k++) {
    Jg_out[k] = Jg[k];
    for (int i = 0; i <= k; i++, at++) JJ_out[k][i] = JJ_out[i][k] = JJ[at];
  }
  return sse;
}
#undef HW_LANE

/* hw_grad_filter compiled once per model form (as hw_sse). */
static double hw_grad_add(const hw_data *d, const hw_params *p, double *Jg,
                          double JJ[][HW_MAX_DIM]) {
  return hw_grad_filter(d, p, Jg, JJ, 0, 0);
}
static double hw_grad_add_trend(const hw_data *d, const hw_params *p, double *Jg,
                                double JJ[][HW_MAX_DIM]) {
  return hw_grad_filter(d, p, Jg, JJ, 0, TREND_ADDITIVE);
}
static double hw_grad_mult(const hw_data *d, const hw_params *p, double *Jg,
                           double JJ[][HW_MAX_DIM]) {
  return hw_grad_filter(d, p, Jg, JJ, 1, 0);
}
static double hw_grad_mult_trend(const hw_data *d, const hw_params *p, double *Jg,
                                 double JJ[][HW_MAX_DIM]) {
  return hw_grad_filter(d, p, Jg, JJ, 1, TREND_ADDITIVE);
}
static double hw_grad_add_damped(const hw_data *d, const hw_params *p, double *Jg,
                                 double JJ[][HW_MAX_DIM]) {
  return hw_grad_filter(d, p, Jg, JJ, 0, TREND_DAMPED);
}
static double hw_grad_mult_damped(const hw_data *d, const hw_params *p, double *Jg,
                                  double JJ[][HW_MAX_DIM]) {
  return hw_grad_filter(d, p, Jg, JJ, 1, TREND_DAMPED);
}

static double hw_grad_pass(const hw_data *d, const hw_params *p, double *Jg,
                           double JJ[][HW_MAX_DIM]) {
  switch (d->trend * 2 + d->multiplicative) {
    case TREND_NONE * 2: return hw_grad_add(d, p, Jg, JJ);
    case TREND_NONE * 2 + 1: return hw_grad_mult(d, p, Jg, JJ);
    case TREND_ADDITIVE * 2: return hw_grad_add_trend(d, p, Jg, JJ);
    case TREND_ADDITIVE * 2 + 1: return hw_grad_mult_trend(d, p, Jg, JJ);
    case TREND_DAMPED * 2: return hw_grad_add_damped(d, p, Jg, JJ);
    default: return hw_grad_mult_damped(d, p, Jg, JJ);
  }
}

/* The SSE at x with its Gauss-Newton pieces on the logit scale (out). */
static double hw_run_grad(const hw_data *d, const double *x, hw_grad *out) {
  if (d->start_invalid) return HW_INVALID;
  hw_params p;
  params_from_x(d, x, &p);
  int dim = hw_dim(d);
  double Jg[HW_MAX_DIM] = {0}, JJ[HW_MAX_DIM][HW_MAX_DIM] = {{0}};
  double sse = hw_grad_pass(d, &p, Jg, JJ);
  if (!isfinite(sse) || sse >= HW_INVALID) return HW_INVALID;
  /* to the logit scale: g = M' Jg, H = M' JJ M */
  double M[HW_MAX_DIM][HW_MAX_DIM];
  params_jacobian(d, x, M);
  for (int u = 0; u < dim; u++) {
    out->g[u] = 0;
    for (int k = 0; k < dim; k++) out->g[u] += M[k][u] * Jg[k];
    for (int v = 0; v < dim; v++) {
      double h = 0;
      for (int k = 0; k < dim; k++)
        for (int i = 0; i < dim; i++) h += M[k][u] * JJ[k][i] * M[i][v];
      out->H[u][v] = h;
    }
  }
  return sse;
}

/* Into [-HW_X_BOUND, HW_X_BOUND] (Nelder-Mead is unbounded). */
static double x_clamped(double x) {
  return x > HW_X_BOUND ? HW_X_BOUND : x < -HW_X_BOUND ? -HW_X_BOUND : x;
}
static void hw_clamp(double *x, int dim) {
  for (int j = 0; j < dim; j++) x[j] = x_clamped(x[j]);
}

static double hw_objective(const hw_data *d, const double *x) {
  hw_params p;
  params_from_x(d, x, &p);
  return hw_sse(d, &p);
}

/* Solves (H + lambda D) delta = -g by Cholesky, D = diag(H) plus a
** floor so a flat direction (a parameter on the logistic's flat end)
** still gets a bounded step.  Returns 1 if not positive definite. */
static int lm_step(const hw_grad *G, int dim, double lambda, double *delta) {
  double A[HW_MAX_DIM][HW_MAX_DIM], L[HW_MAX_DIM][HW_MAX_DIM] = {{0}}, z[HW_MAX_DIM];
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

/* Levenberg-Marquardt on the one-step errors from x (logit scale): each
** step solves the damped Gauss-Newton system from hw_run_grad's J'J and
** J'e; a step that lowers the SSE is taken (and the damping relaxed),
** one that does not is retried with more damping.  Stops when a step
** gains less than tol of the SSE, or the model predicts it would, or a
** full Gauss-Newton step gained what the model predicted to within tol
** of the SSE (the model is exact there: the next step would gain about
** that mismatch), or after max_iter steps.  x stays in [-HW_X_BOUND,
** HW_X_BOUND] so every parameter stays strictly inside its bounds. */
static double hw_lm(const hw_data *d, double *x, double tol, int max_iter) {
  int dim = hw_dim(d);
  hw_grad G;
  double f = hw_run_grad(d, x, &G), lambda = HW_LM_LAMBDA0;
  if (f >= HW_INVALID) return f;
  for (int iter = 0; iter < max_iter; iter++) {
    double delta[HW_MAX_DIM], xt[HW_MAX_DIM], longest = 0;
    if (lm_step(&G, dim, lambda, delta)) {
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
    for (int i = 0; i < dim; i++) xt[i] = x_clamped(x[i] + delta[i]);
    /* the trial by a plain pass; the derivatives only where the search
    ** goes on from it (not after a rejected or a final step) */
    double ft = hw_objective(d, xt);
    if (ft < f) {
      double gained = f - ft;
      for (int i = 0; i < dim; i++) x[i] = xt[i];
      lambda *= HW_LM_RELAX;
      if (gained <= tol * ft || iter == max_iter - 1) return ft;
      /* the derivative pass would only confirm it */
      if (undamped && scale == 1.0 && fabs(predicted - gained) <= tol * ft) return ft;
      f = hw_run_grad(d, x, &G);
      if (f >= HW_INVALID) return ft; /* not expected: the same filter */
    } else {
      lambda = lambda * 10 + 1e-3;
      if (lambda > 1e10) break;
    }
  }
  return f;
}

static void simplex_sort(double p[][HW_MAX_DIM], double *f, int dim) {
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

/* Nelder-Mead from x0 (standard coefficients 1, 2, 0.5, 0.5). */
static double nelder_mead(const hw_data *d, double *x0, const nm_effort *effort) {
  int dim = hw_dim(d);
  double p[HW_MAX_DIM + 1][HW_MAX_DIM], f[HW_MAX_DIM + 1];
  for (int i = 0; i <= dim; i++) {
    for (int j = 0; j < dim; j++) p[i][j] = x0[j] + (i == j + 1 ? effort->step : 0.0);
    f[i] = hw_objective(d, p[i]);
  }
  int evals = dim + 1;
  while (evals < effort->max_evals) {
    simplex_sort(p, f, dim); /* best first */
    if (fabs(f[dim] - f[0]) <= effort->tolerance * (fabs(f[0]) + 1e-300)) break;
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
  for (int i = 1; i <= dim; i++)
    if (f[i] < f[best]) best = i;
  for (int j = 0; j < dim; j++) x0[j] = p[best][j];
  return f[best];
}

/* The four fixed starting points (alpha, gamma / (1 - alpha), beta*,
** (phi - 0.8) / 0.18). */
static const double starts[4][HW_MAX_DIM] = {
    {0.2, 0.1, 0.1, 0.9}, {0.5, 0.3, 0.1, 0.5}, {0.8, 0.5, 0.05, 0.7}, {0.3, 0.05, 0.5, 0.3}};

/* Item 3's cold fit in two parts, so that item 7's screen can come
** between them: the rough searches' results by starting point. */
typedef struct hw_cold {
  double w[4][HW_MAX_DIM], f[4];
  unsigned char done[4];
} hw_cold;

/* The rough search from the starting point with the smallest SSE (the
** first of equals): the cold fit's first part, its point into x. */
static double hw_cold_rough(const hw_data *d, hw_cold *c, double *x) {
  int dim = hw_dim(d), first = 0;
  double lowest = HW_INVALID;
  for (int s = 0; s < 4; s++) {
    for (int j = 0; j < dim; j++) c->w[s][j] = logit(starts[s][j]);
    c->done[s] = 0;
    double f = hw_objective(d, c->w[s]);
    if (f < lowest) lowest = f, first = s;
  }
  c->f[first] = nelder_mead(d, c->w[first], &ROUGH);
  c->done[first] = 1;
  for (int j = 0; j < dim; j++) x[j] = c->w[first][j];
  return c->f[first];
}

/* The rest of the cold fit: the rough searches not yet done, the best of
** the four polished by a local one, then Levenberg-Marquardt. */
static double hw_cold_finish(const hw_data *d, hw_cold *c, double *x) {
  int dim = hw_dim(d);
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
  hw_clamp(x, dim);
  return hw_lm(d, x, HW_LOCAL_TOL, HW_LOCAL_ITER);
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
static double hw_forecast_path(const ts_hw_model *model, int m, int next_pos, int h, double *path) {
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

#define HW_N_CAND (2 * N_TREND) /* index: multiplicative * N_TREND + trend */

static double aicc(double sse, double floor, int n, int k) {
  if (sse < floor) sse = floor;
  return n * log(sse / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
}

/* Fits candidate c into model (states after y[n-1]) and its forecast. */
static double hw_realise(const hw_candidate *c, int h, ts_hw_model *model, double *path,
                         double *rel_sse) {
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

/* Item 7's screen over the candidates of one fit: each one's cheap fit
** (point, SSE, AICc), whether it is cold, and its starting states. */
typedef struct hw_screen {
  int n, mult_ok;
  double floor, best; /* AICc's SSE floor; the best cheap AICc */
  double cheap[HW_N_CAND], cheap_sse[HW_N_CAND], cheap_x[HW_N_CAND][HW_MAX_DIM];
  unsigned char is_cold[HW_N_CAND];
  hw_data data[HW_N_CAND]; /* item 2's starts, worked out once */
  hw_cold cold[HW_N_CAND];
} hw_screen;

/* Whether candidate id is one at all: multiplicative only where allowed,
** and more observations than its AICc needs. */
static int hw_eligible(const hw_screen *sc, int id) {
  return id / N_TREND <= sc->mult_ok && sc->n - hw_dim(&sc->data[id]) - 1 > 0;
}

/* Every candidate's cheap fit: with warm holding an earlier fit, its
** previous optimum evaluated; without, the cold fit's first rough search. */
static void screen_cheap(hw_screen *sc, const double *y, int n, int m, int first_pos,
                         ts_hw_warm *warm) {
  double sum_sq = 0;
  sc->n = n;
  sc->mult_ok = multiplicative_allowed(y, n);
  sc->best = HW_INVALID;
  for (int t = 0; t < n; t++) sum_sq += y[t] * y[t];
  sc->floor = 1e-20 * sum_sq + DBL_MIN;
  for (int id = 0; id < HW_N_CAND; id++) {
    hw_data *d = &sc->data[id];
    double *x = sc->cheap_x[id];
    sc->cheap[id] = sc->cheap_sse[id] = HW_INVALID;
    sc->is_cold[id] = 0;
    if (id / N_TREND > sc->mult_ok) continue;
    hw_data_init(d, y, n, m, first_pos, id / N_TREND, id % N_TREND);
    int k = hw_dim(d);
    if (!hw_eligible(sc, id)) continue;
    if (warm && warm->valid[id]) {
      for (int j = 0; j < k; j++) { /* off the logistic's flat ends */
        if (warm->x[id][j] > HW_WARM_BOUND) warm->x[id][j] = HW_WARM_BOUND;
        if (warm->x[id][j] < -HW_WARM_BOUND) warm->x[id][j] = -HW_WARM_BOUND;
        x[j] = warm->x[id][j];
      }
      sc->cheap_sse[id] = hw_objective(d, x);
    }
    if (sc->cheap_sse[id] >= HW_INVALID) { /* no usable earlier fit: cold */
      sc->is_cold[id] = 1;
      sc->cheap_sse[id] = hw_cold_rough(d, &sc->cold[id], x);
      if (sc->cheap_sse[id] >= HW_INVALID) continue; /* gets the whole cold fit */
    }
    sc->cheap[id] = aicc(sc->cheap_sse[id], sc->floor, n, k);
    if (sc->cheap[id] < sc->best) sc->best = sc->cheap[id];
  }
}

/* The eligible candidates by cheap AICc, best first (ties: the earlier
** id); returns how many. */
static int screen_order(const hw_screen *sc, int *order) {
  int n_order = 0;
  for (int id = 0; id < HW_N_CAND; id++) {
    if (!hw_eligible(sc, id)) continue;
    int at = n_order++;
    for (; at > 0 && sc->cheap[order[at - 1]] > sc->cheap[id]; at--) order[at] = order[at - 1];
    order[at] = id;
  }
  return n_order;
}

/* A cold candidate behind a full fit already made (AICc refit_best):
** Levenberg-Marquardt from its rough search's point; the rest of the
** cold fit only if that puts it ahead (the model chosen always has the
** whole cold fit).  Returns the SSE, c->x the point. */
static double cold_behind(hw_screen *sc, int id, hw_candidate *c, double refit_best) {
  int k = hw_dim(&c->d);
  double x[HW_MAX_DIM];
  memcpy(x, c->x, sizeof(x));
  hw_clamp(x, k);
  double sse = hw_lm(&c->d, x, HW_LOCAL_TOL, HW_LOCAL_ITER);
  if (sse < HW_INVALID && aicc(sse, sc->floor, sc->n, k) < refit_best) {
    double whole = hw_cold_finish(&c->d, &sc->cold[id], c->x);
    if (whole <= sse) memcpy(x, c->x, sizeof(x)), sse = whole;
  }
  memcpy(c->x, x, sizeof(x));
  return sse;
}

/* Candidate id's fit into c, given the best full fit's AICc so far
** (refit_best): the full fit if its cheap AICc passes the screen, else the
** cheap one.  Returns whether it got the full fit. */
static int fit_one(hw_screen *sc, int id, hw_candidate *c, double refit_best) {
  int k = hw_dim(&sc->data[id]), cold = sc->is_cold[id];
  double cheap = sc->cheap[id], best = sc->best;
  c->d = sc->data[id];
  for (int j = 0; j < k; j++) c->x[j] = sc->cheap_x[id][j];
  double bar = cold ? best + HW_COLD_SCREEN : (refit_best < best ? refit_best : best) + HW_SCREEN;
  if (cheap < HW_INVALID && cheap > bar) { /* kept: its SSE at them, just evaluated */
    c->sse = sc->cheap_sse[id];
    if (cold) { /* a rough search's point, unbounded */
      double before[HW_MAX_DIM];
      memcpy(before, c->x, (size_t)k * sizeof(double)); /* only k are set */
      hw_clamp(c->x, k);
      if (memcmp(before, c->x, (size_t)k * sizeof(double))) c->sse = hw_objective(&c->d, c->x);
    }
    return 0;
  }
  if (cold && cheap < HW_INVALID && cheap > refit_best)
    c->sse = cold_behind(sc, id, c, refit_best);
  else if (cold)
    c->sse = hw_cold_finish(&c->d, &sc->cold[id], c->x);
  else
    c->sse = hw_lm(&c->d, c->x, HW_LOCAL_TOL, HW_LOCAL_ITER);
  return 1;
}

/* Fits every candidate (item 4) into cand[] (in id order); returns how
** many fitted.  Item 7's screen: each candidate is first given a cheap
** fit (screen_cheap); then, best first by its AICc, those that pass the
** screen get the full fit (fit_one), the others keep the cheap one.
** warm then holds this fit's parameters. */
static int fit_candidates(const double *y, int n, int m, int first_pos, ts_hw_warm *warm,
                          hw_candidate *cand) {
  hw_screen sc;
  hw_candidate byid[HW_N_CAND];
  unsigned char fitted[HW_N_CAND] = {0};
  int order[HW_N_CAND], n_cand = 0;
  double refit_best = HW_INVALID; /* a full fit only lowers it */
  screen_cheap(&sc, y, n, m, first_pos, warm);
  int n_order = screen_order(&sc, order);
  for (int o = 0; o < n_order; o++) {
    int id = order[o];
    hw_candidate *c = &byid[id];
    int full = fit_one(&sc, id, c, refit_best), k = hw_dim(&c->d);
    if (warm) {
      warm->valid[id] = c->sse < HW_INVALID;
      for (int j = 0; j < k; j++) warm->x[id][j] = c->x[j];
    }
    if (c->sse >= HW_INVALID) continue;
    c->aicc = aicc(c->sse, sc.floor, n, k);
    fitted[id] = 1;
    if (full && c->aicc < refit_best) refit_best = c->aicc;
  }
  for (int id = 0; id < HW_N_CAND; id++)
    if (fitted[id]) cand[n_cand++] = byid[id];
  return n_cand;
}

int ts_holt_winters_forecast(const double *y, int n, int m, int first_pos, int h, double *sum,
                             double *sd, ts_hw_model *model) {
  return ts_holt_winters_forecast_warm(y, n, m, first_pos, h, NULL, sum, sd, model);
}

int ts_holt_winters_forecast_warm(const double *y, int n, int m, int first_pos, int h,
                                  ts_hw_warm *warm, double *sum, double *sd, ts_hw_model *model) {
  if (!(m == 2 || m == 4 || m == 12) || n < 2 * m || first_pos < 1 || first_pos > m || h < 0 ||
      h > 12)
    return 1;
  hw_candidate cand[HW_N_CAND];
  double path[12], rel_sse = 0;
  int n_cand = fit_candidates(y, n, m, first_pos - 1, warm, cand);
  /* Best first (stable: ties keep the simpler, earlier candidate). */
  for (int i = 1; i < n_cand; i++) {
    for (int k = i; k > 0 && cand[k].aicc < cand[k - 1].aicc; k--) {
      hw_candidate t = cand[k];
      cand[k] = cand[k - 1];
      cand[k - 1] = t;
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
    if (model->multiplicative)
      *sd = sqrt(rel_sse / (n - k)) * fabs(*sum) / h * factor;
    else
      *sd = sqrt(model->sse / (n - k)) * factor;
  }
  return 0;
}
