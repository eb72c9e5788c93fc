/*
** projection/holt_winters_lanes.c -- the Holt-Winters filter at four
** parameter points in one pass, each point a lane of a vector (the
** Nelder-Mead searches, the warm screen, the candidates of three trends
** side by side): the same SSE as the one-point pass of
** holt_winters_filter.c, bit for bit, for about the cost of one.  Compiled
** per model form and, on x86, once more for AVX2 (holt_winters_forms.h);
** without vector types (TS_HW_SCALAR, or not GCC or Clang) four one-point
** passes.  holt_winters.c's header comment is the contract.
*/
#include "projection/holt_winters_forms.h"

#include <math.h>

#if defined(__GNUC__) && !defined(TS_HW_SCALAR)
typedef double hw_v4 __attribute__((vector_size(32)));
typedef long long hw_v4i __attribute__((vector_size(32)));

/* hw_filter (holt_winters_filter.c) without outputs at four parameter
** points, each lane of a vector one point: the lanes do hw_filter's
** arithmetic in its order (the same IEEE operations: the same SSE bit
** for bit), and the four cost about what one pass costs, since the
** recursion's operations are the same count in vector form (SSE2 splits
** a vector in two, AVX2 takes it whole).  f gets the four SSEs (HW_INVALID as hw_filter).
** Each lane has its own starting states (dl[k]: the same series and
** seasonality), so compiled for the damped trend it runs the three
** trends' candidates side by side: phi = 1 is the additive trend's folded
** constant, and without a trend (phi = B = b = 0) the trend's updates
** reduce to the plain ones (up to the sign of a zero level, which no
** error's square sees). */
static HW_INLINE void hw_filter4(const hw_data *const *dl, const hw_params *p, double *f,
                                 const int multiplicative, const int trend) {
  const hw_data *d = dl[0];
  hw_v4 phi, B, g, keep, phi2, gain;
  for (int k = 0; k < 4; k++) { /* hw_filter's constants, lane by lane */
    double ph = trend == TREND_ADDITIVE ? 1.0 : p[k].phi;
    phi[k] = ph, B[k] = p[k].beta, g[k] = p[k].gamma;
    keep[k] = 1 - p[k].alpha - ph * p[k].beta, phi2[k] = ph * ph;
    gain[k] = p[k].alpha + ph * p[k].beta;
  }
  const double *y = d->y;
  const hw_v4 zero = {0, 0, 0, 0};
  hw_v4 b, base, s[12];
  hw_v4 sse = zero, lowest = zero + 1;
  int m = d->m, j = d->first_pos;
  if (dl[1] == d && dl[2] == d && dl[3] == d) { /* one start in every lane: broadcast */
    b = zero + d->trend0;
    base = (zero + d->level0) + phi * b;
    for (int i = 0; i < m; i++) s[i] = zero + d->season0[i];
  } else {
    for (int k = 0; k < 4; k++) { /* hw_filter's start, lane by lane */
      b[k] = dl[k]->trend0;
      base[k] = dl[k]->level0 + phi[k] * b[k];
      for (int i = 0; i < m; i++) s[i][k] = dl[k]->season0[i];
    }
  }
  for (int t = 0, n = d->n; t < n; t++) {
    hw_v4 sj = s[j], c, e, yt = zero + y[t];
    if (multiplicative) {
      hw_v4i lt = base < lowest; /* lowest = base < lowest ? base : lowest */
      lowest = (hw_v4)(((hw_v4i)base & lt) | ((hw_v4i)lowest & ~lt));
      lt = sj < lowest;
      lowest = (hw_v4)(((hw_v4i)sj & lt) | ((hw_v4i)lowest & ~lt));
      c = yt / sj;
      e = yt - base * sj;
      s[j] = sj + g * e / base;
    } else {
      c = yt - sj;
      e = c - base;
      s[j] = sj + g * e;
    }
    sse += e * e;
    if (trend) {
      hw_v4 next_base = keep * base + (phi2 * b + gain * c);
      b = phi * b + B * c - B * base;
      base = next_base;
    } else {
      base = keep * base + gain * c;
    }
    if (++j == m) j = 0;
  }
  for (int k = 0; k < 4; k++)
    f[k] = dl[k]->start_invalid || !isfinite(sse[k]) || (multiplicative && !(lowest[k] > 0))
               ? HW_INVALID
               : sse[k];
}

#define HW_SSE4_FORM(name, mult, trend, target)                                                \
  target static void hw_sse4_##name(const hw_data *const *dl, const hw_params *p, double *f) { \
    hw_filter4(dl, p, f, mult, trend);                                                         \
  }
HW_FORMS(HW_SSE4_FORM, HW_DEFAULT_ISA, )
#if HW_AVX2
HW_FORMS(HW_SSE4_FORM, HW_TARGET_AVX2, _avx2)
#endif

static void (*const hw_sse4_forms[HW_N_ISA][HW_N_CAND])(const hw_data *const *, const hw_params *,
                                                        double *) = {
    {HW_FORM_LIST(hw_sse4_, )},
#if HW_AVX2
    {HW_FORM_LIST(hw_sse4_, _avx2)},
#endif
};

/* trend: the form compiled, TREND_DAMPED for lanes of different trends */
static void hw_sse4(const hw_data *const *dl, int trend, const hw_params *p, double *f, int isa) {
  hw_sse4_forms[isa][trend * 2 + dl[0]->multiplicative](dl, p, f);
}
#else /* the portable version: four plain passes */
static void hw_sse4(const hw_data *const *dl, int trend, const hw_params *p, double *f, int isa) {
  (void)trend;
  for (int k = 0; k < 4; k++) f[k] = ts_hw_sse(dl[k], &p[k], isa);
}
#endif

void ts_hw_objective4_isa(const hw_data *d, const double (*x)[HW_MAX_DIM], double *f, int isa) {
  hw_params p[4];
  const hw_data *dl[4] = {d, d, d, d};
  for (int k = 0; k < 4; k++) ts_hw_params_from_x(d, x[k], &p[k]);
  hw_sse4(dl, d->trend, p, f, isa);
}

/* The SSE at points x[0..count-1] into f, four to a pass (a last pass
** short of four runs its last point again: its parameters copied). */
void ts_hw_objectives(const hw_data *d, const double (*x)[HW_MAX_DIM], int count, double *f) {
  int isa = hw_isa();
  const hw_data *dl[4] = {d, d, d, d};
  for (int at = 0; at < count; at += 4) {
    hw_params p[4];
    double f4[4];
    for (int k = 0; k < 4; k++) {
      if (at + k < count)
        ts_hw_params_from_x(d, x[at + k], &p[k]);
      else
        p[k] = p[k - 1];
    }
    hw_sse4(dl, d->trend, p, f4, isa);
    for (int k = 0; k < 4 && at + k < count; k++) f[at + k] = f4[k];
  }
}

void ts_hw_objective_forms_isa(const hw_data *const *d, const double (*x)[HW_MAX_DIM], int count,
                               double *f, int isa) {
  const hw_data *dl[4];
  hw_params p[4];
  double f4[4];
  for (int k = 0; k < 4; k++) { /* past count: the last candidate again */
    dl[k] = d[k < count ? k : count - 1];
    ts_hw_params_from_x(dl[k], x[k < count ? k : count - 1], &p[k]);
  }
  hw_sse4(dl, TREND_DAMPED, p, f4, isa);
  for (int k = 0; k < count; k++) f[k] = f4[k];
}

void ts_hw_objective_forms(const hw_data *const *d, const double (*x)[HW_MAX_DIM], int count,
                           double *f) {
  ts_hw_objective_forms_isa(d, x, count, f, hw_isa());
}

/* The SSE of count (1 to 4) points, each with its own candidate d[k] of one
** series and seasonality, in one pass: compiled for their trend when they
** share it (as ts_hw_objectives), else for the damped one (as
** ts_hw_objective_forms); a pass short of four runs its last point again,
** its parameters copied. */
void ts_hw_objective_lanes(const hw_data *const *d, const double *const *x, int count, double *f) {
  const hw_data *dl[4];
  hw_params p[4];
  double f4[4];
  int trend = d[0]->trend;
  for (int k = 0; k < 4; k++) {
    if (k < count) {
      dl[k] = d[k];
      ts_hw_params_from_x(d[k], x[k], &p[k]);
      if (d[k]->trend != trend) trend = TREND_DAMPED;
    } else {
      dl[k] = dl[k - 1];
      p[k] = p[k - 1];
    }
  }
  hw_sse4(dl, trend, p, f4, hw_isa());
  for (int k = 0; k < count; k++) f[k] = f4[k];
}
