/*
** projection/projection_interval.c -- prediction intervals for annual projections
** from the errors a method made before, and the Student t quantile they
** use.
**
** Contract:
**  1. ts_proj_error_interval() takes earlier years' (projection, actual)
**     pairs of one method, made from the same point of the year, and
**     returns a `level` % prediction interval for the new actual total:
**     with r_i the error of year i, mean r and sample sd s over n >= 3
**     pairs, r_new lies in mean +- t_{n-1} s sqrt(1 + 1/n) (the
**     prediction interval of one more draw).  The error is the log ratio
**     ln(actual / projection) when every number involved is > 0 (so the
**     interval is multiplicative and never crosses zero), else the
**     relative error (actual - projection) / |projection|.
**  2. Pairs with a zero or non-finite projection are skipped; fewer than
**     3 usable pairs, or level outside (0, 100), give 1 (no interval).
**  3. ts_proj_error_interval_cached() is the same with the t quantiles
**     kept in the caller's ts_proj_quantiles (identical numbers; the
**     bisection below is most of an interval's cost).
**  4. ts_student_t_quantile() inverts the t distribution function
**     (regularised incomplete beta, Lentz continued fraction, Lanczos log
**     gamma) by bisection: pure, thread-safe (no lgamma/signgam), to about
**     1e-12.
*/
#include "projection/projection.h"

#include <math.h>

/* pi, spelled out: M_PI is POSIX, not ISO C. */
#define TS_PI 3.14159265358979323846

/* Lanczos approximation (g = 7, n = 9) of ln Gamma(x), x > 0. */
static double log_gamma(double x) {
  static const double c[9] = {0.99999999999980993,  676.5203681218851,
                              -1259.1392167224028,  771.32342877765313,
                              -176.61502916214059,  12.507343278686905,
                              -0.13857109526572012, 9.9843695780195716e-6,
                              1.5056327351493116e-7};
  if (x < 0.5) return log(TS_PI / fabs(sin(TS_PI * x))) - log_gamma(1.0 - x);
  x -= 1.0;
  double a = c[0], t = x + 7.5;
  for (int i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * log(2 * TS_PI) + (x + 0.5) * log(t) - t + log(a);
}

/* Continued fraction of the incomplete beta function (modified Lentz). */
static double beta_fraction(double a, double b, double x) {
  const double tiny = 1e-300;
  double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap;
  if (fabs(d) < tiny) d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 300; m++) {
    int m2 = 2 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d; if (fabs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d; if (fabs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (fabs(c) < tiny) c = tiny;
    d = 1 / d;
    double del = d * c;
    h *= del;
    if (fabs(del - 1) < 1e-15) break;
  }
  return h;
}

/* Regularised incomplete beta I_x(a, b). */
static double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double front = exp(log_gamma(a + b) - log_gamma(a) - log_gamma(b) +
                     a * log(x) + b * log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(a, b, x) / a;
  return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

static double student_t_cdf(double t, double df) {
  double tail = 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t));
  return t > 0 ? 1 - tail : tail;
}

/* Bisection on x -> p with a monotone increasing cdf, from 0 upwards. */
static double invert_upper(double p, double (*cdf)(double, double), double df) {
  double lo = 0, hi = 1;
  while (cdf(hi, df) < p && hi < 1e12) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    double mid = 0.5 * (lo + hi);
    if (cdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

static double normal_cdf(double x, double unused) {
  (void)unused;
  return 0.5 * erfc(-x / sqrt(2.0));
}

double ts_normal_quantile(double p) {
  if (!(p > 0 && p < 1)) return NAN;
  if (p == 0.5) return 0;
  if (p < 0.5) return -ts_normal_quantile(1 - p);
  return invert_upper(p, normal_cdf, 0);
}

double ts_student_t_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df >= 1)) return NAN;
  if (p == 0.5) return 0;
  if (p < 0.5) return -ts_student_t_quantile(1 - p, df);
  return invert_upper(p, student_t_cdf, df);
}

/* t quantile for the interval, from the cache when there is one. */
static double interval_quantile(double level, int df, ts_proj_quantiles *cache) {
  if (cache == NULL || df >= TS_PROJ_MAX_HISTORY)
    return ts_student_t_quantile(0.5 + level / 200.0, df);
  if (cache->level != level) {
    memset(cache, 0, sizeof(*cache));
    cache->level = level;
  }
  if (cache->q[df] == 0) cache->q[df] = ts_student_t_quantile(0.5 + level / 200.0, df);
  return cache->q[df];
}

int ts_proj_error_interval(const double *proj, const double *actual, int n,
                           double projection, double level, double *low,
                           double *high) {
  return ts_proj_error_interval_cached(proj, actual, n, projection, level, NULL, low,
                                       high);
}

int ts_proj_error_interval_cached(const double *proj, const double *actual, int n,
                                  double projection, double level,
                                  ts_proj_quantiles *quantiles, double *low,
                                  double *high) {
  if (!(level > 0 && level < 100) || !isfinite(projection) || projection == 0)
    return 1;
  int use_log = projection > 0, used = 0;
  for (int i = 0; i < n; i++) {
    if (proj[i] == 0 || !isfinite(proj[i])) continue;
    if (!(proj[i] > 0 && actual[i] > 0)) use_log = 0;
    used++;
  }
  if (used < 3) return 1;
  double mean = 0, m2 = 0;
  int count = 0;
  for (int i = 0; i < n; i++) { /* Welford */
    if (proj[i] == 0 || !isfinite(proj[i])) continue;
    double r = use_log ? log(actual[i] / proj[i])
                       : (actual[i] - proj[i]) / fabs(proj[i]);
    count++;
    double delta = r - mean;
    mean += delta / count;
    m2 += delta * (r - mean);
  }
  double sd = sqrt(m2 / (count - 1));
  double q = interval_quantile(level, count - 1, quantiles);
  double half = q * sd * sqrt(1.0 + 1.0 / count);
  if (use_log) {
    *low = projection * exp(mean - half);
    *high = projection * exp(mean + half);
  } else {
    *low = projection + fabs(projection) * (mean - half);
    *high = projection + fabs(projection) * (mean + half);
  }
  return 0;
}
