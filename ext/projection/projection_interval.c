/*
** projection/projection_interval.c -- prediction intervals for annual projections
** from the errors a method made before, and the Student t quantile they
** use.
**
** Contract:
**  1. ts_proj_error_interval() takes earlier years' (projection, actual)
**     pairs of one method, made from the same point of the year, and
**     returns a `level` % prediction interval for the new actual total
**     centred on the projection: with r_i the error of year i
**     (ts_proj_pair_error: the log ratio ln(actual / projection) when
**     both are > 0, else the relative error (actual - projection) /
**     |projection|) and s^2 = sum r_i^2 / n over n >= 3 pairs (the mean
**     square error, bias included: the point is not moved, so the
**     interval must hold the bias too), r_new lies in +- t_n s.  With a
**     positive projection and every pair positive the interval is
**     projection * exp(+- t_n s) (multiplicative, never crossing zero),
**     else projection +- |projection| t_n s.  ts_proj_interval_from_variance() is that last
**     step for a variance and degrees of freedom found otherwise (the
**     pooled one of projection_errors.c item 4).
**  2. Pairs with a zero or non-finite number are skipped; fewer than
**     3 usable pairs, or level outside (0, 100), give 1 (no interval);
**     a bound that is not a finite number (a projection near the largest
**     double, or a huge spread) gives 2 (no interval either: a finite low
**     beside an infinite high is no interval).
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
  static const double c[9] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                              771.32342877765313,   -176.61502916214059,   12.507343278686905,
                              -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
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
    d = 1 + aa * d;
    if (fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (fabs(c) < tiny) c = tiny;
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
  double front = exp(log_gamma(a + b) - log_gamma(a) - log_gamma(b) + a * log(x) + b * log(1 - x));
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
    if (cdf(mid, df) < p)
      lo = mid;
    else
      hi = mid;
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

int ts_proj_error_interval(const double *proj, const double *actual, int n, double projection,
                           double level, double *low, double *high) {
  return ts_proj_error_interval_cached(proj, actual, n, projection, level, NULL, low, high);
}

int ts_proj_pair_error(double projection, double actual, double *r) {
  if (projection == 0 || !isfinite(projection) || !isfinite(actual)) return 1;
  *r = projection > 0 && actual > 0 ? log(actual / projection)
                                    : (actual - projection) / fabs(projection);
  return 0;
}

int ts_proj_interval_from_variance(double projection, double variance, double df,
                                   int multiplicative, double level, ts_proj_quantiles *quantiles,
                                   double *low, double *high) {
  if (!(level > 0 && level < 100) || !isfinite(projection) || projection == 0 || !(variance >= 0) ||
      !(df >= 1))
    return 1;
  int idf = (int)df;
  double q = df == idf ? interval_quantile(level, idf, quantiles)
                       : ts_student_t_quantile(0.5 + level / 200.0, df);
  double half = q * sqrt(variance);
  if (multiplicative && projection > 0) {
    *low = projection * exp(-half);
    *high = projection * exp(half);
  } else {
    *low = projection - fabs(projection) * half;
    *high = projection + fabs(projection) * half;
  }
  /* A bound past the largest double is no bound: no interval (2), never
  ** a finite low beside an infinite high. */
  return isfinite(*low) && isfinite(*high) ? 0 : 2;
}

int ts_proj_error_interval_cached(const double *proj, const double *actual, int n,
                                  double projection, double level, ts_proj_quantiles *quantiles,
                                  double *low, double *high) {
  double ss = 0, r;
  int count = 0, multiplicative = 1;
  for (int i = 0; i < n; i++) {
    if (ts_proj_pair_error(proj[i], actual[i], &r)) continue;
    multiplicative &= proj[i] > 0 && actual[i] > 0;
    ss += r * r;
    count++;
  }
  if (count < 3) return 1;
  return ts_proj_interval_from_variance(projection, ss / count, count, multiplicative, level,
                                        quantiles, low, high);
}
