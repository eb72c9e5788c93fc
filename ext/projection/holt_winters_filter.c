/*
** projection/holt_winters_filter.c -- the Holt-Winters filters at one
** point: the filter of holt_winters.c item 1 with item 2's starting
** states, and its errors' derivatives (forward mode), each compiled per
** model form and, on x86, once more for AVX2 (holt_winters_forms.h).
** The pass of four points at once is holt_winters_lanes.c.  The searches
** that call them (Levenberg-Marquardt, Nelder-Mead, the cold fit) are
** holt_winters_fit.c, through the ts_hw_objective* and ts_hw_run_grad*
** entry points below (the filters inline into those); holt_winters.c's
** header comment is the contract of all the Holt-Winters files.
*/
#include "projection/holt_winters_forms.h"

#include <math.h>
#include <string.h>

static double logistic(double x) { return 1.0 / (1.0 + exp(-x)); }

/* Free parameters: alpha, gamma share, then beta* with a trend, phi. */
int ts_hw_dim(const hw_data *d) {
  return d->trend == TREND_NONE ? 2 : d->trend == TREND_ADDITIVE ? 3 : 4;
}

void ts_hw_params_from_x(const hw_data *d, const double *x, hw_params *p) {
  double a = logistic(x[0]);
  p->alpha = a;
  p->gamma = (1.0 - a) * logistic(x[1]);
  p->beta = d->trend == TREND_NONE ? 0.0 : a * logistic(x[2]);
  p->phi = d->trend == TREND_NONE       ? 0.0
           : d->trend == TREND_ADDITIVE ? 1.0
                                        : PHI_LOW + PHI_SPAN * logistic(x[3]);
}

/* Starting level (one step before y[0]), trend and seasonal states.
** Returns 1 when the multiplicative start is impossible (a line <= 0).
** Compiled per form (hw_start below), as the filters are: the branches
** on the form leave the loops. */
static HW_INLINE int hw_start_form(const hw_data *d, double *level, double *trend, double *season,
                                   const int multiplicative, const int trend_kind) {
  int m = d->m;
  double mean1 = 0, mean2 = 0;
  for (int t = 0; t < m; t++) mean1 += d->y[t], mean2 += d->y[t + m];
  mean1 /= m;
  mean2 /= m;
  double b = trend_kind == TREND_NONE ? 0.0 : (mean2 - mean1) / m;
  /* The line through the two seasons' mid-points, at t = -1; without a
  ** trend each season is measured from its own mean. */
  double l = trend_kind == TREND_NONE ? (mean1 + mean2) / 2 : mean1 - b * (m + 1) / 2.0;
  double total = 0;
  for (int t = 0, pos = d->first_pos; t < m; t++, pos = pos + 1 == m ? 0 : pos + 1) {
    double line1 = trend_kind == TREND_NONE ? mean1 : l + b * (t + 1);
    double line2 = trend_kind == TREND_NONE ? mean2 : l + b * (t + 1 + m);
    double s;
    if (multiplicative) {
      if (line1 <= 0 || line2 <= 0) return 1;
      s = (d->y[t] / line1 + d->y[t + m] / line2) / 2.0;
    } else {
      s = ((d->y[t] - line1) + (d->y[t + m] - line2)) / 2.0;
    }
    season[pos] = s;
    total += s;
  }
  if (multiplicative && total <= 0) return 1;
  for (int i = 0; i < m; i++) {
    if (multiplicative)
      season[i] *= m / total;
    else
      season[i] -= total / m;
  }
  *level = l;
  *trend = b;
  return 0;
}

static int hw_start(const hw_data *d, double *level, double *trend, double *season) {
  int none = d->trend == TREND_NONE;
  if (d->multiplicative)
    return none ? hw_start_form(d, level, trend, season, 1, TREND_NONE)
                : hw_start_form(d, level, trend, season, 1, TREND_ADDITIVE);
  return none ? hw_start_form(d, level, trend, season, 0, TREND_NONE)
              : hw_start_form(d, level, trend, season, 0, TREND_ADDITIVE);
}

void ts_hw_data_init(hw_data *d, const double *y, int n, int m, int first_pos, int multiplicative,
                     int trend) {
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
  double sse = 0, rel = 0, lowest = 1; /* the lowest base and s_j seen */
  int m = d->m, j = d->first_pos;
  memcpy(s, d->season0, sizeof(s));
  /* season by season: the position needs no wrap test within one */
  for (int t = 0, n = d->n; t < n; j = 0) {
    for (int end = t + m - j < n ? t + m - j : n; t < end; t++, j++) {
      double sj = s[j], c, e;
      if (multiplicative) {
        /* a state <= 0 makes the pass invalid: checked once at the end
        ** (the rest of the pass is wasted then, rarely; a compare and
        ** branch less each step) */
        lowest = base < lowest ? base : lowest;
        lowest = sj < lowest ? sj : lowest;
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
  if (!isfinite(sse) || (multiplicative && !(lowest > 0))) return HW_INVALID;
  if (state) {
    state->level = base - phi * b;
    state->trend = b;
    for (int i = 0; i < d->m; i++) state->season[i] = s[i];
  }
  if (rel_sse) *rel_sse = rel;
  return sse;
}

/* The SSE alone, the searches' objective: hw_filter compiled once per
** model form, so the branches on the form and on the optional outputs
** leave the loop (about a third fewer instructions a pass); and where the
** processor has AVX2, once more for it (see HW_AVX2). */
#define HW_SSE_FORM(name, mult, trend, target)                               \
  target static double hw_sse_##name(const hw_data *d, const hw_params *p) { \
    return hw_filter(d, p, NULL, NULL, mult, trend);                         \
  }
HW_FORMS(HW_SSE_FORM, HW_DEFAULT_ISA, )
#if HW_AVX2
HW_FORMS(HW_SSE_FORM, HW_TARGET_AVX2, _avx2)
#endif

static double (*const hw_sse_forms[HW_N_ISA][HW_N_CAND])(const hw_data *, const hw_params *) = {
    {HW_FORM_LIST(hw_sse_, )},
#if HW_AVX2
    {HW_FORM_LIST(hw_sse_, _avx2)},
#endif
};

double ts_hw_sse(const hw_data *d, const hw_params *p, int isa) {
  return hw_sse_forms[isa][d->trend * 2 + d->multiplicative](d, p);
}

/* hw_filter with the final states and the relative errors (the chosen
** model's pass), compiled per model form too: the general one, its
** branches on the form in the loop, took twice a plain pass. */
#define HW_RUN_FORM(name, mult, trend, target)                                                 \
  target static double hw_run_##name(const hw_data *d, const hw_params *p, ts_hw_model *state, \
                                     double *rel_sse) {                                        \
    return hw_filter(d, p, state, rel_sse, mult, trend);                                       \
  }
HW_FORMS(HW_RUN_FORM, HW_DEFAULT_ISA, )
#if HW_AVX2
HW_FORMS(HW_RUN_FORM, HW_TARGET_AVX2, _avx2)
#endif

static double (*const hw_run_forms[HW_N_ISA][HW_N_CAND])(const hw_data *, const hw_params *,
                                                         ts_hw_model *, double *) = {
    {HW_FORM_LIST(hw_run_, )},
#if HW_AVX2
    {HW_FORM_LIST(hw_run_, _avx2)},
#endif
};

/* hw_filter in general (the final states, the relative errors). */
double ts_hw_run(const hw_data *d, const hw_params *p, ts_hw_model *state, double *rel_sse) {
  return hw_run_forms[hw_isa()][d->trend * 2 + d->multiplicative](d, p, state, rel_sse);
}

/* The parameters' derivatives with respect to x (dtheta_k / dx_i, theta =
** alpha, gamma, beta, phi in x's order): the chain rule from the natural
** parameters, where the filter's derivatives are simple, to the logit
** scale the search works on.  That matrix M is sparse: its column 0 has
** entries in rows 0, 1 (and 2 with a trend), into col0; column u > 0 one
** in row u, into diag[u]. */
static void params_jacobian(const hw_data *d, const double *x, hw_params *p, double *col0,
                            double *diag) {
  /* the logistics once for both (ts_hw_params_from_x's expressions: the
  ** same parameters bit for bit) */
  double a = logistic(x[0]), da = a * (1 - a), s1 = logistic(x[1]);
  p->alpha = a;
  p->gamma = (1.0 - a) * s1;
  p->beta = 0.0;
  p->phi = d->trend == TREND_NONE ? 0.0 : 1.0;
  col0[0] = diag[0] = da;
  col0[1] = -s1 * da;
  diag[1] = (1 - a) * s1 * (1 - s1);
  if (d->trend != TREND_NONE) {
    double s2 = logistic(x[2]);
    p->beta = a * s2;
    col0[2] = s2 * da;
    diag[2] = a * s2 * (1 - s2);
  }
  if (d->trend == TREND_DAMPED) {
    double s3 = logistic(x[3]);
    p->phi = PHI_LOW + PHI_SPAN * s3;
    diag[3] = PHI_SPAN * s3 * (1 - s3);
  }
}

#if defined(__GNUC__) && !defined(TS_HW_SCALAR)
/* The derivative lanes two by two (alpha, gamma; beta, phi) in GCC's and
** Clang's vector types: SSE2 on every x86-64, NEON on arm64, plain pairs
** elsewhere.  Each lane does exactly the scalar arithmetic of the
** portable version below, in the same order, so the numbers are the same
** bit for bit; about half the instructions of the pass. */
typedef double hw_v2d __attribute__((vector_size(16)));

/* Lanes pair (two of theta's lanes) of one step: with d c = cs d s_j,
** d e = es d s_j + eb d base, it updates d s_j, d base, d b and J'e, and
** gives d e.  The additive model's cs = es = eb = -1 and gb = 0 are
** folded (-x, and x - 0 * y, are exact). */
#define HW_PAIR(Ds_j, Dbase, Db, Jg, dgain, De)                  \
  do {                                                           \
    __typeof__(Ds_j) dsj = Ds_j, dbase = Dbase, dc, de;          \
    if (multiplicative) {                                        \
      dc = cs * dsj, de = es * dsj + eb * dbase;                 \
      Ds_j = dsj + gi * de - gb * dbase;                         \
    } else {                                                     \
      dc = -dsj, de = -(dsj + dbase);                            \
      Ds_j = dsj + gi * de;                                      \
    }                                                            \
    if (trend) {                                                 \
      Dbase = keep * dbase + phi2 * Db + gain * dc + dgain * cb; \
      Db = phi * Db + B * (dc - dbase);                          \
    } else {                                                     \
      Dbase = keep * dbase + gain * dc + dgain * cb;             \
    }                                                            \
    Jg += de * e;                                                \
    De = de;                                                     \
  } while (0)

/* hw_run's filter with the errors' derivatives carried alongside
** (forward mode): for each parameter theta (lanes alpha, gamma, beta,
** phi), d base, d b and d s[j] follow the recursion differentiated, so
** one pass gives the SSE, J'e (Jg) and J'J (JJ) in theta.  Only base's
** start, level0 + phi trend0, depends on a parameter.  The models without
** a trend run the first pair only; the additive trend runs phi's lane
** unused (the pair costs what one lane would). */
static HW_INLINE double hw_grad_filter(const hw_data *d, const hw_params *p, double *Jg_out,
                                       double JJ_out[][HW_MAX_DIM], const int multiplicative,
                                       const int trend) {
  /* additive trend: phi is exactly 1, folded (x * 1.0 is x: the same numbers) */
  const double phi = trend == TREND_ADDITIVE ? 1.0 : p->phi;
  const double *y = d->y, a = p->alpha, B = p->beta, g = p->gamma;
  const double keep = 1 - a - phi * B, phi2 = phi * phi, gain = a + phi * B;
  /* d gain by lane (d keep = -d gain: keep = 1 - gain) */
  const hw_v2d dgain01 = {1, 0}, dgain23 = {phi, B}, zero = {0, 0};
  const int m = d->m, n = d->n;
  double b = d->trend0, base = d->level0 + phi * b, s[12], sse = 0, lowest = 1, JJ2 = 0, JJ9 = 0;
  hw_v2d Dbase01 = zero, Dbase23 = {0, b}, Db01 = zero, Db23 = zero, Ds01[12], Ds23[12];
  hw_v2d Jg01 = zero, Jg23 = zero, JJ01 = zero, JJx0 = zero, JJx1 = zero, JJx2 = zero;
  int j = d->first_pos;
  memcpy(s, d->season0, sizeof(s));
  for (int i = 0; i < 12; i++) Ds01[i] = Ds23[i] = zero;
  for (int t = 0; t < n; t++) {
    double sj = s[j], c, e;
    hw_v2d De01, De23 = zero;
    /* d s_j' = d s_j + gi d e - gb d base (+ ge in gamma's lane) */
    double cs = -1, es = -1, eb = -1, gi, gb = 0, ge;
    if (multiplicative) {
      lowest = base < lowest ? base : lowest; /* as hw_filter */
      lowest = sj < lowest ? sj : lowest;
      double inv_s = 1 / sj, inv_base = 1 / base;
      c = y[t] * inv_s;
      e = y[t] - base * sj;
      ge = e * inv_base;
      cs = -c * inv_s, es = -base, eb = -sj, gi = g * inv_base, gb = g * ge * inv_base;
    } else {
      c = y[t] - sj;
      e = c - base;
      ge = e;
      gi = g;
    }
    double cb = c - base;
    HW_PAIR(Ds01[j], Dbase01, Db01, Jg01, dgain01, De01);
    if (trend) HW_PAIR(Ds23[j], Dbase23, Db23, Jg23, dgain23, De23);
    Ds01[j] += (hw_v2d){0, ge}; /* gamma itself in s_j' */
    JJ01 += De01 * De01[0], JJ2 += De01[1] * De01[1];
    if (trend) {
      Db23 += (hw_v2d){cb, 0}; /* beta itself in b' */
      JJx0 += De23 * De01[0], JJx1 += De23 * De01[1], JJx2 += De23 * De23[0];
    }
    if (trend == TREND_DAMPED) {
      Dbase23 += (hw_v2d){0, 2 * phi * b}; /* phi^2 itself in base' */
      Db23 += (hw_v2d){0, b};              /* phi itself in b' */
      JJ9 += De23[1] * De23[1];
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
  if (multiplicative && !(lowest > 0)) return HW_INVALID;
  int damped = trend == TREND_DAMPED;
  double Jg[HW_MAX_DIM] = {Jg01[0], Jg01[1], Jg23[0], damped ? Jg23[1] : 0};
  double JJ[10] = {JJ01[0], JJ01[1], JJ2, JJx0[0], JJx1[0], JJx2[0]};
  if (damped) JJ[6] = JJx0[1], JJ[7] = JJx1[1], JJ[8] = JJx2[1], JJ[9] = JJ9;
  for (int k = 0, at = 0; k < HW_MAX_DIM; k++) {
    Jg_out[k] = Jg[k];
    for (int i = 0; i <= k; i++, at++) JJ_out[k][i] = JJ_out[i][k] = JJ[at];
  }
  return sse;
}

#if HW_AVX2
typedef double hw_v4d __attribute__((vector_size(32)));

/* hw_grad_filter with a trend and all four lanes in one vector, for AVX2
** (the baseline would split it in two): the same per-lane arithmetic as
** HW_PAIR, in the same order, and J'J's ten sums the same products. */
static HW_INLINE double hw_grad_filter4(const hw_data *d, const hw_params *p, double *Jg_out,
                                        double JJ_out[][HW_MAX_DIM], const int multiplicative,
                                        const int trend) {
  const double phi = trend == TREND_ADDITIVE ? 1.0 : p->phi;
  const double *y = d->y, a = p->alpha, B = p->beta, g = p->gamma;
  const double keep = 1 - a - phi * B, phi2 = phi * phi, gain = a + phi * B;
  const hw_v4d dgain = {1, 0, phi, B}, zero = {0, 0, 0, 0};
  const int m = d->m, n = d->n;
  double b = d->trend0, base = d->level0 + phi * b, s[12], sse = 0, lowest = 1, JJ9 = 0;
  hw_v4d Dbase = {0, 0, 0, b}, Db = zero, Ds[12], Jg = zero, X0 = zero, X1 = zero, X2 = zero;
  int j = d->first_pos;
  memcpy(s, d->season0, sizeof(s));
  for (int i = 0; i < 12; i++) Ds[i] = zero;
  for (int t = 0; t < n; t++) {
    double sj = s[j], c, e;
    double cs = -1, es = -1, eb = -1, gi, gb = 0, ge;
    if (multiplicative) {
      lowest = base < lowest ? base : lowest; /* as hw_filter */
      lowest = sj < lowest ? sj : lowest;
      double inv_s = 1 / sj, inv_base = 1 / base;
      c = y[t] * inv_s;
      e = y[t] - base * sj;
      ge = e * inv_base;
      cs = -c * inv_s, es = -base, eb = -sj, gi = g * inv_base, gb = g * ge * inv_base;
    } else {
      c = y[t] - sj;
      e = c - base;
      ge = e;
      gi = g;
    }
    double cb = c - base;
    hw_v4d De;
    HW_PAIR(Ds[j], Dbase, Db, Jg, dgain, De);
    Ds[j] += (hw_v4d){0, ge, 0, 0}; /* gamma itself in s_j' */
    Db += (hw_v4d){0, 0, cb, 0};    /* beta itself in b' */
    X0 += De * De[0], X1 += De * De[1], X2 += De * De[2];
    if (trend == TREND_DAMPED) {
      Dbase += (hw_v4d){0, 0, 0, 2 * phi * b}; /* phi^2 itself in base' */
      Db += (hw_v4d){0, 0, 0, b};              /* phi itself in b' */
      JJ9 += De[3] * De[3];
    }
    sse += e * e;
    s[j] = sj + g * ge;
    double next_base = keep * base + (phi2 * b + gain * c);
    b = phi * b + B * c - B * base;
    base = next_base;
    if (++j == m) j = 0;
  }
  if (multiplicative && !(lowest > 0)) return HW_INVALID;
  int damped = trend == TREND_DAMPED;
  double Jv[HW_MAX_DIM] = {Jg[0], Jg[1], Jg[2], damped ? Jg[3] : 0};
  double JJ[10] = {X0[0], X0[1], X1[1], X0[2], X1[2], X2[2]};
  if (damped) JJ[6] = X0[3], JJ[7] = X1[3], JJ[8] = X2[3], JJ[9] = JJ9;
  for (int k = 0, at = 0; k < HW_MAX_DIM; k++) {
    Jg_out[k] = Jv[k];
    for (int i = 0; i <= k; i++, at++) JJ_out[k][i] = JJ_out[i][k] = JJ[at];
  }
  return sse;
}
#endif
#undef HW_PAIR
#else /* the portable version */
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
#endif

/* hw_grad_filter compiled once per model form (as hw_sse). */
#define HW_GRAD_FORM(name, mult, trend, target)                                         \
  target static double hw_grad_##name(const hw_data *d, const hw_params *p, double *Jg, \
                                      double JJ[][HW_MAX_DIM]) {                        \
    return hw_grad_filter(d, p, Jg, JJ, mult, trend);                                   \
  }
HW_FORMS(HW_GRAD_FORM, HW_DEFAULT_ISA, )
#if HW_AVX2
/* with a trend, the four lanes in one vector */
#define HW_GRAD4_FORM(name, mult, trend, target)                                        \
  target static double hw_grad_##name(const hw_data *d, const hw_params *p, double *Jg, \
                                      double JJ[][HW_MAX_DIM]) {                        \
    return trend ? hw_grad_filter4(d, p, Jg, JJ, mult, trend)                           \
                 : hw_grad_filter(d, p, Jg, JJ, mult, trend);                           \
  }
HW_FORMS(HW_GRAD4_FORM, HW_TARGET_AVX2, _avx2)
#endif

static double (*const hw_grad_forms[HW_N_ISA][HW_N_CAND])(const hw_data *, const hw_params *,
                                                          double *, double[][HW_MAX_DIM]) = {
    {HW_FORM_LIST(hw_grad_, )},
#if HW_AVX2
    {HW_FORM_LIST(hw_grad_, _avx2)},
#endif
};

static double hw_grad_pass(const hw_data *d, const hw_params *p, int isa, double *Jg,
                           double JJ[][HW_MAX_DIM]) {
  return hw_grad_forms[isa][d->trend * 2 + d->multiplicative](d, p, Jg, JJ);
}

/* The SSE at x with its Gauss-Newton pieces on the logit scale (out). */
int ts_hw_isa_count(void) { return hw_isa() + 1; }

double ts_hw_run_grad(const hw_data *d, const double *x, hw_grad *out) {
  return ts_hw_run_grad_isa(d, x, out, hw_isa());
}

double ts_hw_run_grad_isa(const hw_data *d, const double *x, hw_grad *out, int isa) {
  if (d->start_invalid) return HW_INVALID;
  hw_params p;
  double col0[3], diag[HW_MAX_DIM]; /* M, for the logit scale: g = M' Jg, H = M' JJ M */
  params_jacobian(d, x, &p, col0, diag);
  int dim = ts_hw_dim(d), k0 = d->trend == TREND_NONE ? 2 : 3; /* column 0's rows */
  double Jg[HW_MAX_DIM], JJ[HW_MAX_DIM][HW_MAX_DIM];           /* the pass sets them all */
  double sse = hw_grad_pass(d, &p, isa, Jg, JJ);
  if (!isfinite(sse) || sse >= HW_INVALID) return HW_INVALID;
  /* The sums over M's structural nonzeros alone, each in the order of the
  ** full sum from 0 (a term with a zero factor adds +0: the same numbers
  ** as the dense product), the products (M JJ) M. */
  double g0 = 0, h00 = 0;
  for (int a = 0; a < k0; a++) {
    g0 += col0[a] * Jg[a];
    for (int c = 0; c < k0; c++) h00 += col0[a] * JJ[a][c] * col0[c];
  }
  out->g[0] = g0;
  out->H[0][0] = h00;
  for (int v = 1; v < dim; v++) {
    double h0v = 0, hv0 = 0;
    for (int a = 0; a < k0; a++) h0v += col0[a] * JJ[a][v] * diag[v];
    for (int c = 0; c < k0; c++) hv0 += diag[v] * JJ[v][c] * col0[c];
    out->H[0][v] = h0v;
    out->H[v][0] = hv0;
    out->g[v] = 0 + diag[v] * Jg[v];
    for (int u = 1; u < dim; u++) out->H[v][u] = 0 + diag[v] * JJ[v][u] * diag[u];
  }
  return sse;
}

double ts_hw_objective(const hw_data *d, const double *x) {
  return ts_hw_objective_isa(d, x, hw_isa());
}

double ts_hw_objective_isa(const hw_data *d, const double *x, int isa) {
  hw_params p;
  ts_hw_params_from_x(d, x, &p);
  return ts_hw_sse(d, &p, isa);
}
