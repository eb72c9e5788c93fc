/*
** core/number.h -- numbers in (the text SQLite reads as a number), exact
** sums (integers in 128 bits, REALs compensated), exact differences, and
** growth with the negative-base rule.  Implemented in core/number.c.
*/
#ifndef TS_CORE_NUMBER_H
#define TS_CORE_NUMBER_H

#include "core/core.h"
#include "core/int128.h"

#include <math.h>

typedef enum ts_number_status {
  TS_NUMBER_OK = 0,
  TS_NUMBER_NULL,       /* SQL NULL */
  TS_NUMBER_NOT_NUMBER, /* TEXT SQLite would not read as a number, BLOB */
  TS_NUMBER_INFINITE,   /* +-Inf (or NaN) */
  TS_NUMBER_NOMEM       /* out of memory while reading */
} ts_number_status;

typedef struct ts_number {
  int is_int; /* 1: exact 64-bit integer in i; 0: double in d */
  int64_t i;
  double d; /* always set: (double)i for integers */
} ts_number;

/* Reads text as SQLite would read a numeric string: optional surrounding
** spaces, optional sign, digits, optional fraction and exponent. */
ts_number_status ts_number_from_text(const char *z, int n, ts_number *out);
ts_number_status ts_number_from_double(double d, ts_number *out);
void ts_number_from_int(int64_t i, ts_number *out);

/* Integer inputs are accumulated exactly in 128 bits; REAL inputs in a
** Neumaier-compensated double.  The total is an INTEGER whenever no REAL
** input remains and the exact total fits in 64 bits. */

typedef struct ts_sum {
  ts_int128 exact; /* sum of the integer inputs */
  double s, c;     /* Neumaier sum and compensation of the REAL inputs */
  /* The part of s that would have overflowed a double, times 2^-100, with
  ** its compensation: 1e308 + 1e308 - 1e308 is 1e308, not an infinity.
  ** Zero until an addition to s overflows. */
  double bs, bc;
  int64_t n_real; /* REAL inputs added minus removed */
  int64_t count;  /* inputs added minus removed */
} ts_sum;

void ts_sum_init(ts_sum *s);
/* ts_sum_add's REAL half (n_real and the compensated sum), in number.c. */
void ts_sum_add_real(ts_sum *s, double d);
/* Inline: the virtual tables add every point of a series so, and an
** INTEGER is a count and a 128-bit addition. */
static inline void ts_sum_add(ts_sum *s, const ts_number *v) {
  s->count++;
  if (v->is_int)
    s->exact = ts_i128_add(s->exact, ts_i128_from_i64(v->i));
  else
    ts_sum_add_real(s, v->d);
}
void ts_sum_remove(ts_sum *s, const ts_number *v);
/* Adds every input of `from` into `into`. */
void ts_sum_merge(ts_sum *into, const ts_sum *from);
/* Current total: integer in *out when out->is_int, else double. */
void ts_sum_value(const ts_sum *s, ts_number *out);
double ts_sum_double(const ts_sum *s);

/* x - m: INTEGER while both are integers and the difference fits in 64
** bits, else REAL (computed from the exact difference); never wraps. */
void ts_number_difference(const ts_number *x, const ts_number *m, ts_number *out);

/* Both x and m as their short decimal forms (the shortest that reads
** back, at most 15 fraction digits) scaled by one power of ten to whole
** numbers below 2^52: 1 and *sx, *sm, *scale (the power), else 0.
** 0.7 and 0.3 are 7 and 3 (tenths): figures as they were written. */
int ts_decimal_pair(double x, double m, double *sx, double *sm, double *scale);

/* (hi + lo) * 100 / den, the double nearest the exact rate of the
** numerator hi + lo (lo: what hi leaves out, 0 for most; |lo| at most
** half an ulp of hi) and den.  A whole number below 2^46 times 100 is
** exact, so that product over den is the nearest double (no fma() call:
** a library call per row on the growth columns' path).  Otherwise the
** product's rounding error (fma) and the quotient's remainder (fma) are
** carried into one correction, q + (r + e) / den: the nearest double
** but for exact ties' neighbours (none in 10^6 random pairs of
** decimals, REALs and whole numbers past 2^46: make percenttest
** PERCENT_PAIRS=1000000).  0.1 against 1.4 as num / den * 100, or plain SQL's
** (a - b) * 100.0 / abs(b), was -92.85714285714285 (the shell's
** -92.8571428571428) for -92.857142857142857...: REAL figures with short
** decimals times 100 are seldom exact in binary.  A product or quotient
** beyond the doubles: num / den * 100 as before.  Every growth rate,
** share and trade ratio is taken so: an INTEGER and a REAL column of the
** same figures give the same rate. */
static inline double ts_percent_parts(double hi, double lo, double den) {
  /* denormal figures scaled up by 2^200 (exactly) first, so that the
  ** remainder below is exact too */
  if (fabs(den) < 0x1p-900 && fabs(hi) < 0x1p-900) hi *= 0x1p200, lo *= 0x1p200, den *= 0x1p200;
  double scaled = hi * 100.0;
  if (lo == 0.0 && fabs(hi) < 70368744177664.0 && hi == (double)(int64_t)hi) return scaled / den;
  /* a numerator whose product by 100 overflows (|hi| past 1.8e306) but
  ** whose rate is a double (1e308 against 9007199254740991): the rate of
  ** hi and lo times 2^-64 (exact), times 2^64 (exact, or beyond the
  ** doubles as the rate is), not the twice-rounded hi / den * 100 */
  if (!isfinite(scaled) && isfinite(hi) && isfinite(den) && fabs(hi) > 0x1p1000)
    return ts_percent_parts(hi * 0x1p-64, lo * 0x1p-64, den) * 0x1p64;
  double q = scaled / den;
  if (!isfinite(scaled) || !isfinite(q) || !isfinite(den) || q == 0.0) return hi / den * 100.0;
  double e = fma(hi, 100.0, -scaled) + lo * 100.0; /* num * 100 - scaled */
  double r = fma(-q, den, scaled);                 /* scaled - q * den, exact */
  return q + (r + e) / den;
}

/* (hi + lo) * 100 / (den + dlo) rounded once, dlo what den leaves out
** (at most half an ulp of it): an INTEGER base past 2^53 is not a
** double, and dividing by it rounded made 2^53 + 3 against 2^53 + 1 a
** growth of 2.2204460492503131e-14 % for 200 / (2^53 + 1) =
** 2.2204460492503128e-14.  The numerator is taken as num * den / (den +
** dlo), num - num * dlo / den to well within its last bit. */
static inline double ts_percent_ratio(double hi, double lo, double den, double dlo) {
  if (dlo != 0.0 && den != 0.0 && isfinite(hi)) {
    /* tiny figures scaled up first (exactly), as ts_percent_parts does,
    ** so that the product below is no denormal */
    if (fabs(den) < 0x1p-900 && fabs(hi) < 0x1p-900)
      hi *= 0x1p200, lo *= 0x1p200, den *= 0x1p200, dlo *= 0x1p200;
    lo -= (hi + lo) * (dlo / den);
  }
  return ts_percent_parts(hi, lo, den);
}

/* v as the double nearest it and what that leaves out (0 below 2^53 and
** past 1e38, where the rest is far below any rate's last bit). */
static inline void ts_i128_split(ts_int128 v, double *hi, double *lo) {
  *hi = ts_i128_to_double(v);
  *lo = ts_i128_fits_53(v) || !(fabs(*hi) < 1e38)
            ? 0.0
            : ts_i128_to_double(ts_i128_sub(v, ts_i128_from_double(*hi)));
}

/* Knuth's two-sum: *s = a + b rounded, *e what the rounding left out
** (0 when the sum is not finite). */
static inline void ts_two_sum(double a, double b, double *s, double *e) {
  *s = a + b;
  double v = *s - a;
  *e = isfinite(*s) ? (a - (*s - v)) + (b - v) : 0.0;
}

/* num * 100 / den rounded once (ts_percent_parts), of the decimals the
** figures were written as when both have a short form (ts_decimal_pair:
** 0.7 of 0.3 is 70 / 0.3 as 7 / 3, 233.33333333333334, where the
** doubles 0.69999999999999996 and 0.29999999999999999 give
** 233.33333333333331). */
static inline double ts_percent(double num, double den) {
  double sn, sd, scale;
  if (!(fabs(num) < 70368744177664.0 && num == (double)(int64_t)num && fabs(den) < 0x1p53 &&
        den == (double)(int64_t)den) &&
      ts_decimal_pair(num, den, &sn, &sd, &scale))
    return ts_percent_parts(sn, 0.0, sd);
  return ts_percent_parts(num, 0.0, den);
}

/* (current - previous) / |previous| * 100; returns 0 and sets *out (a
** finite rate), or returns 1 (undefined: previous is zero, or the rate is
** not finite).  Inline: the virtual tables and the window function call
** it once per row, from other files. */
static inline int ts_growth(double current, double previous, double *out) {
  if (previous == 0.0) return 1;
  /* of the decimals written (ts_decimal_pair: 0.7 against 0.3 is 7
  ** against 3 tenths, 133.33333333333334), else of the doubles, with
  ** what the difference's rounding left out (Knuth's two-sum) */
  double sc, sp, scale, g;
  if (ts_decimal_pair(current, previous, &sc, &sp, &scale)) {
    g = ts_percent_parts(sc - sp, 0.0, fabs(sp)); /* |sc - sp| < 2^53: exact */
  } else {
    double d, lo;
    ts_two_sum(current, -previous, &d, &lo);
    g = ts_percent_parts(d, lo, fabs(previous));
  }
  /* Values of opposite signs near the largest double (-1e308 then
  ** 1.7e308: +279.8 %) overflow in their difference, not in the rate:
  ** the rate taken as current / |previous| minus previous' sign. */
  if (!isfinite(g) && isfinite(current) && isfinite(previous))
    g = (current / fabs(previous) - copysign(1.0, previous)) * 100.0;
  if (!isfinite(g)) return 1;
  *out = g;
  return 0;
}

/* ts_growth of two exact integer totals: the difference taken exactly
** (in 128 bits) before it is rounded to a double.  Past 2^53 the totals
** round first otherwise, and 100000000000000010 against
** 100000000000000000 gave 1.6e-14 % instead of 1e-14 % (0 % for 2^53 + 1
** against 2^53), where plain SQL's (a - b) * 100.0 / abs(b) differences
** the integers.  Then the rate with one rounding (ts_percent): the
** difference times 100 over |previous|, the double nearest the exact rate
** while the totals are below 2^46 (4 against 3: 33.333333333333336, where
** / |previous| * 100 gave 33.33333333333333; 451 against 752 showed
** -40.0265957446808 for -40.0265957446809). */
/* ts_growth_exact's usual case: both totals and their difference below
** 2^46 in magnitude and the prior not zero.  The steps of
** ts_growth_exact come to exactly this there (the difference and the
** prior are exact doubles, lo is 0, and ts_percent_parts takes its
** whole-number way): 1 and the same double in *out, without the 128-bit
** conversions; 0 for any other pair (ts_growth_exact decides). */
static inline int ts_growth_small(ts_int128 current, ts_int128 previous, double *out) {
  if (!ts_i128_fits_i64(current) || !ts_i128_fits_i64(previous)) return 0;
  int64_t c = ts_i128_to_i64(current), p = ts_i128_to_i64(previous);
  const int64_t lim = (int64_t)1 << 46;
  if (p == 0 || c <= -lim || c >= lim || p <= -lim || p >= lim || c - p <= -lim || c - p >= lim)
    return 0;
  *out = (double)(c - p) * 100.0 / fabs((double)p);
  return 1;
}

static inline int ts_growth_exact(ts_int128 current, ts_int128 previous, double *out) {
  if (ts_growth_small(current, previous, out)) return 0;
  double prev, plo, d, lo;
  ts_i128_split(previous, &prev, &plo);
  if (prev == 0.0) return 1;
  /* past 2^53 the difference's and the base's rounding, carried
  ** (ts_percent_ratio) */
  ts_i128_split(ts_i128_sub(current, previous), &d, &lo);
  double g = ts_percent_ratio(d, lo, fabs(prev), prev < 0 ? -plo : plo);
  if (!isfinite(g)) return 1;
  *out = g;
  return 0;
}

/* ts_growth of two sums: exact when both hold integers only. */
static inline int ts_growth_of_sums(const ts_sum *current, const ts_sum *previous, double current_d,
                                    double previous_d, double *out) {
  if (current->n_real == 0 && previous->n_real == 0)
    return ts_growth_exact(current->exact, previous->exact, out);
  return ts_growth(current_d, previous_d, out);
}

/* ts_growth of two numbers read from SQL values: exact when both are
** INTEGERs, as plain SQL's a - b is. */
static inline int ts_growth_of_numbers(const ts_number *current, const ts_number *previous,
                                       double *out) {
  if (current->is_int && previous->is_int)
    return ts_growth_exact(ts_i128_from_i64(current->i), ts_i128_from_i64(previous->i), out);
  return ts_growth(current->d, previous->d, out);
}

/* cagr in percent: (last / first)^(1 / years) - 1.  Returns 0 and sets
** *out, or 1 when undefined: first <= 0, last < 0, years <= 0, or a
** result that is not finite.  growth, when not NULL, is the growth of
** first to last in percent (ts_growth_of_numbers or ts_growth_of_sums:
** exact differences of integers), else ts_growth(last, first) is taken.
** Over one year the cagr is that growth, bit for bit; near a ratio of 1
** it is expm1(log1p(growth / 100) / years), in long double (and
** expm1(log(last / first) / years) away from 1): pow(last / first, 1 / years)
** - 1 cancelled the digits the ratio's rounding left, and 1000000000 to
** 1000000001 in one year was 1.000000082740371e-07 % for 1e-07 %.
** first and last are long double so that INTEGERs past 2^53 keep every
** digit where the type has them (x86's 64 bits): rounded to doubles, the
** ratio of 2586686800063179041 to 4623739035533502973 over half a year
** was 4.6 units in the last place off. */
int ts_cagr(long double first, long double last, double years, const double *growth, double *out);

#endif /* TS_CORE_NUMBER_H */
