/*
** core/number.c -- numbers in, sums that never overflow, exact
** differences, growth with the negative-base rule, cagr.
**
** Contract:
**  1. TEXT is a number when SQLite itself would read it as one
**     (surrounding spaces, sign, digits, fraction, exponent), or when it
**     is such a number whose integer part is written in groups of three
**     with comma separators ('1,400', '-1,019.9').  Empty text and the
**     statistical agencies' no-data marks '-', '…' and 'x' (after
**     trimming) are missing figures: TS_NUMBER_NULL, like SQL NULL.
**     Anything else is TS_NUMBER_NOT_NUMBER.  +-Inf (including TEXT such
**     as '1e999') is TS_NUMBER_INFINITE.
**  2. Reading never depends on the process's locale: a host that called
**     setlocale(LC_ALL, "") under de_DE still reads '12.5' as 12.5.
**     Numbers of at most 15 significant digits with a decimal exponent
**     of at most 22 are converted exactly here (one correctly rounded
**     multiplication or division); the rest go to strtod with the '.'
**     written as the locale's decimal point.
**  3. Sums: integers are added exactly (128-bit accumulator), REALs with
**     Neumaier compensation.  The total is an INTEGER when every input
**     still counted is an integer and the exact total fits in 64 bits,
**     else a REAL.  Removal (window xInverse) is exact for integers.
**  4. Growth is (current - previous) / |previous| * 100; a zero previous
**     or a result that is not finite is "undefined" (SQL NULL).  It is
**     ts_growth, inline in number.h (called once per row from the
**     virtual tables and the window function).
*/
#include "core/number.h"
#include "core/alloc.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Powers of ten, each exact in a double: the fast decimal read scales by
** up to 10^22, a short decimal form by up to 10^15. */
static const double POW10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
static int decimal_fast(const char *z, int n, double *out);
static ts_number_status decimal_slow(const char *z, int n, ts_number *out);

ts_number_status ts_number_from_double(double d, ts_number *out) {
  if (isnan(d)) return TS_NUMBER_NULL;
  if (isinf(d)) return TS_NUMBER_INFINITE;
  out->is_int = 0;
  out->i = 0;
  out->d = d;
  return TS_NUMBER_OK;
}

void ts_number_from_int(int64_t i, ts_number *out) {
  out->is_int = 1;
  out->i = i;
  out->d = (double)i;
}

/* Exact integer syntax of [z, z+n) into *out; 0 if it does not fit. */
static int parse_int64(const char *z, int n, int64_t *out) {
  int neg = 0, i = 0;
  if (z[0] == '-' || z[0] == '+') neg = z[0] == '-', i = 1;
  uint64_t v = 0;
  for (; i < n; i++) {
    unsigned d = (unsigned)(z[i] - '0');
    if (v > (UINT64_MAX - d) / 10) return 0;
    v = v * 10 + d;
  }
  if (!neg && v > (uint64_t)INT64_MAX) return 0;
  if (neg && v > (uint64_t)INT64_MAX + 1) return 0;
  *out = neg ? (int64_t)(0 - v) : (int64_t)v;
  return 1;
}

/* The agencies' marks for "no figure": empty, '-', '…' (U+2026), 'x'. */
static int is_no_data_mark(const char *z, int n) {
  return n == 0 || (n == 1 && (z[0] == '-' || z[0] == 'x' || z[0] == 'X')) ||
         (n == 3 && memcmp(z, "\xE2\x80\xA6", 3) == 0);
}

/* '1,400', '-1,019.9', '8,208.9': an integer part in groups of three
** separated by commas.  Copies the text without the commas into buf
** (capacity cap) and returns its length, or -1 when the text has no comma
** or its commas are not such separators. */
static int strip_thousands(const char *z, int n, char *buf, int cap) {
  int i = 0, k = 0, group = -1, commas = 0;
  if (i < n && (z[i] == '+' || z[i] == '-')) buf[k++] = z[i++];
  if (i < n && z[i] == '0') return -1; /* '0,001' could be a decimal comma */
  for (; i < n && (ts_is_digit(z[i]) || z[i] == ','); i++) {
    if (z[i] == ',') {
      int lead = k - (k > 0 && (buf[0] == '+' || buf[0] == '-'));      /* digits before it */
      if (group == -1 ? lead == 0 || lead > 3 : group != 3) return -1; /* '-,400': no digit */
      group = 0;
      commas++;
      continue;
    }
    if (group >= 0) group++;
    if (k >= cap - 1) return -1;
    buf[k++] = z[i];
  }
  if (commas == 0 || group != 3) return -1;
  for (; i < n; i++) {
    /* '3,801e6' is as likely 3.801e6 written with a decimal comma: an
    ** exponent after grouped digits is never read. */
    if (z[i] == ',' || z[i] == 'e' || z[i] == 'E' || k >= cap - 1) return -1;
    buf[k++] = z[i];
  }
  return k;
}

ts_number_status ts_number_from_text(const char *z, int n, ts_number *out) {
  if (z == NULL) return TS_NUMBER_NULL;
  if (n < 0) n = (int)strlen(z);
  ts_trim_text(&z, &n);
  if (is_no_data_mark(z, n)) return TS_NUMBER_NULL;
  if (n > 0 && memchr(z, ',', (size_t)n)) {
    char buf[64];
    int k = strip_thousands(z, n, buf, (int)sizeof(buf));
    if (k < 0) return TS_NUMBER_NOT_NUMBER;
    return ts_number_from_text(buf, k, out);
  }
  int i = 0, digits = 0, is_int = 1;
  if (i < n && (z[i] == '+' || z[i] == '-')) i++;
  while (i < n && ts_is_digit(z[i])) i++, digits++;
  if (i < n && z[i] == '.') {
    is_int = 0;
    i++;
    while (i < n && ts_is_digit(z[i])) i++, digits++;
  }
  if (digits == 0) return TS_NUMBER_NOT_NUMBER;
  if (i < n && (z[i] == 'e' || z[i] == 'E')) {
    is_int = 0;
    i++;
    if (i < n && (z[i] == '+' || z[i] == '-')) i++;
    if (i >= n || !ts_is_digit(z[i])) return TS_NUMBER_NOT_NUMBER;
    while (i < n && ts_is_digit(z[i])) i++;
  }
  if (i != n) return TS_NUMBER_NOT_NUMBER;
  int64_t v;
  if (is_int && parse_int64(z, n, &v)) {
    ts_number_from_int(v, out);
    return TS_NUMBER_OK;
  }
  double d;
  if (decimal_fast(z, n, &d)) return ts_number_from_double(d, out);
  return decimal_slow(z, n, out);
}

/* Exact decimal conversion for the common case (Clinger's fast path):
** a mantissa of at most 15 digits is an exact double, so is 10^e for
** e <= 22, and one IEEE multiplication or division rounds correctly.
** The syntax of [z, z+n) was checked by the caller.  0: not this case. */
static int decimal_fast(const char *z, int n, double *out) {
  int i = 0, neg = 0, digits = 0, frac = 0;
  uint64_t m = 0;
  if (z[i] == '+' || z[i] == '-') neg = z[i++] == '-';
  while (i < n && z[i] == '0') i++; /* leading zeros are not significant */
  for (; i < n && ts_is_digit(z[i]); i++) {
    if (++digits > 15) return 0;
    m = m * 10 + (uint64_t)(z[i] - '0');
  }
  if (i < n && z[i] == '.') {
    for (i++; i < n && ts_is_digit(z[i]); i++) {
      if (m == 0 && z[i] == '0') {
        frac++;
        continue;
      }
      if (++digits > 15) return 0;
      m = m * 10 + (uint64_t)(z[i] - '0');
      frac++;
    }
  }
  int e = 0;
  if (i < n && (z[i] == 'e' || z[i] == 'E')) {
    int eneg = 0;
    i++;
    if (z[i] == '+' || z[i] == '-') eneg = z[i++] == '-';
    for (; i < n; i++) {
      if (e > 1000) return 0;
      e = e * 10 + (z[i] - '0');
    }
    if (eneg) e = -e;
  }
  e -= frac;
  double d = (double)m;
  if (m == 0)
    d = 0.0;
  else if (e >= 0 && e <= 22)
    d *= POW10[e];
  else if (e < 0 && e >= -22)
    d /= POW10[-e];
  else
    return 0;
  *out = neg ? -d : d;
  return 1;
}

/* The rest: strtod, with the '.' replaced by the current locale's decimal
** point so a host's setlocale() cannot change the value. */
static ts_number_status decimal_slow(const char *z, int n, ts_number *out) {
  const char *dp = localeconv()->decimal_point;
  size_t ndp = (dp && *dp) ? strlen(dp) : 1;
  if (!dp || !*dp) dp = ".";
  size_t cap = (size_t)n * ndp + 1;
  char small[128];
  char *buf = cap <= sizeof(small) ? small : sqlite3_malloc64((sqlite3_uint64)cap);
  if (buf == NULL) return TS_NUMBER_NOMEM;
  size_t k = 0;
  for (int i = 0; i < n; i++) {
    if (z[i] == '.') {
      memcpy(buf + k, dp, ndp);
      k += ndp;
    } else {
      buf[k++] = z[i];
    }
  }
  buf[k] = 0;
  double d = strtod(buf, NULL);
  if (buf != small) sqlite3_free(buf);
  return ts_number_from_double(d, out);
}

/* ---- sums ---------------------------------------------------------- */

void ts_sum_init(ts_sum *s) {
  memset(s, 0, sizeof(*s));
  s->exact = ts_i128_from_i64(0);
}

static void neumaier_add(double *s, double *c, double x) {
  double t = *s + x;
  if (fabs(*s) >= fabs(x))
    *c += (*s - t) + x;
  else
    *c += (x - t) + *s;
  *s = t;
}

#define BIG_SCALE 0x1p-100 /* the big part's scale: exact for values near DBL_MAX */

/* Adds x to the REAL part.  When the running sum would overflow a double
** (1e308 + 1e308) while the exact sum may come back into range (- 1e308),
** both the sum and x move into the big part, scaled by 2^-100 (exact:
** such values are far from the subnormals), so no partial sum is an
** infinity; ts_sum_double scales it back once at the end. */
static void real_add(ts_sum *s, double x) {
  if (isinf(s->s + x) && isfinite(s->s) && isfinite(x)) {
    neumaier_add(&s->bs, &s->bc, s->s * BIG_SCALE);
    neumaier_add(&s->bs, &s->bc, x * BIG_SCALE);
    s->s = 0;
    return;
  }
  neumaier_add(&s->s, &s->c, x);
}

void ts_sum_add_real(ts_sum *s, double d) {
  s->n_real++;
  real_add(s, d);
}

void ts_sum_remove(ts_sum *s, const ts_number *v) {
  s->count--;
  if (v->is_int) {
    s->exact = ts_i128_sub(s->exact, ts_i128_from_i64(v->i));
  } else if (--s->n_real == 0) {
    s->s = s->c = s->bs = s->bc = 0; /* only integers remain: the total is exact again */
  } else {
    real_add(s, -v->d);
  }
}

void ts_sum_merge(ts_sum *into, const ts_sum *from) {
  into->count += from->count;
  into->exact = ts_i128_add(into->exact, from->exact);
  into->n_real += from->n_real;
  if (from->n_real) {
    real_add(into, from->s);
    real_add(into, from->c);
    if (from->bs != 0 || from->bc != 0) {
      neumaier_add(&into->bs, &into->bc, from->bs);
      neumaier_add(&into->bs, &into->bc, from->bc);
    }
  }
}

double ts_sum_double(const ts_sum *s) {
  /* Split the exact part so no bits are lost before compensation. */
  double hi = ts_i128_to_double(s->exact);
  double lo = ts_i128_to_double(ts_i128_sub(s->exact, ts_i128_from_double(hi)));
  double t = s->s, c = s->c;
  neumaier_add(&t, &c, hi);
  neumaier_add(&t, &c, lo);
  if (s->bs != 0 || s->bc != 0) {
    /* the big part back at its scale: an infinity only when the sum is
    ** beyond a double (or within 2^-100 of it) */
    double bs = s->bs, bc = s->bc;
    if (bs + bc == 0) return t + c; /* the big values cancelled exactly */
    /* the rest joins the big part at its scale (anything it loses there is
    ** below the big part's last bit) */
    neumaier_add(&bs, &bc, t * BIG_SCALE);
    neumaier_add(&bs, &bc, c * BIG_SCALE);
    return (bs + bc) / BIG_SCALE;
  }
  return t + c;
}

void ts_sum_value(const ts_sum *s, ts_number *out) {
  if (s->n_real == 0 && ts_i128_fits_i64(s->exact)) {
    ts_number_from_int(ts_i128_to_i64(s->exact), out);
  } else {
    out->is_int = 0;
    out->i = 0;
    out->d = ts_sum_double(s);
  }
}

/* The whole number nearest the exact d * p10: the product itself rounds
** near 2^52 (440067.8215173925 * 1e10 is 4400678215173925.5 in doubles,
** whose nearest even whole number is one off), so its rounding error
** (fma) decides. */
static double scaled_whole(double d, double p10) {
  double prod = d * p10, r = nearbyint(prod);
  /* Below 2^50 the product is within 1/8 of the exact one, so a whole
  ** number n with n / p10 == d (the exact product within 1/8 of n) is r:
  ** the fma() call decides only past it. */
  if (fabs(prod) < 0x1p50) return r;
  if (!isfinite(prod)) return prod;
  double rest = (prod - r) + fma(d, p10, -prod);
  return rest > 0.5 ? r + 1.0 : rest < -0.5 ? r - 1.0 : r;
}

/* Fraction digits of the shortest decimal that reads back as d (at most
** 15), or -1 when d has none that short or is too large for the scaled
** value to be an exact integer double. */
static int decimal_places(double d) {
  for (int k = 0; k <= 15; k++) {
    double scaled = scaled_whole(d, POW10[k]);
    if (!(fabs(scaled) < 9007199254740992.0)) return -1; /* 2^53 */
    if (scaled / POW10[k] == d) return k;
  }
  return -1;
}

int ts_decimal_pair(double x, double m, double *sx, double *sm, double *scale) {
  if (!isfinite(x) || !isfinite(m)) return 0;
  int kx = decimal_places(x), km = decimal_places(m);
  if (kx < 0 || km < 0) return 0;
  int k = kx > km ? kx : km;
  *scale = POW10[k];
  *sx = scaled_whole(x, POW10[k]), *sm = scaled_whole(m, POW10[k]);
  return fabs(*sx) < 4503599627370496.0 && fabs(*sm) < 4503599627370496.0 && /* 2^52 */
         *sx / POW10[k] == x && *sm / POW10[k] == m;
}

/* x - m for REALs, as the nearest double to the difference of the
** decimals the inputs were written as: 751.7 - 680.8 is 70.9, not the
** 70.9000000000001 of binary subtraction.  When both inputs have a short
** decimal form (ts_decimal_pair) the scaled difference is an exact
** integer and one division rounds it correctly; otherwise the binary
** difference. */
static double decimal_difference(double x, double m) {
  double binary = x - m, sx, sm, scale;
  if (!isfinite(binary) || !ts_decimal_pair(x, m, &sx, &sm, &scale)) return binary;
  return (sx - sm) / scale; /* |sx - sm| < 2^53: exact, one rounding */
}

/* x - m exactly: an INTEGER while both are and the result fits, else the
** exact 128-bit difference (or the REAL one) as a double. */
void ts_number_difference(const ts_number *x, const ts_number *m, ts_number *out) {
  if (x->is_int && m->is_int) {
    ts_int128 d = ts_i128_sub(ts_i128_from_i64(x->i), ts_i128_from_i64(m->i));
    if (ts_i128_fits_i64(d)) {
      ts_number_from_int(ts_i128_to_i64(d), out);
      return;
    }
    out->is_int = 0;
    out->i = 0;
    out->d = ts_i128_to_double(d);
    return;
  }
  out->is_int = 0;
  out->i = 0;
  out->d = decimal_difference(x->d, m->d);
}

/* cagr is undefined (1) when first <= 0, last < 0, years <= 0, or the
** result is not finite; last == 0 is -100 %. */
int ts_cagr(long double first, long double last, double years, const double *growth, double *out) {
  if (!(first > 0.0L) || !(last >= 0.0L) || !(years > 0.0)) return 1;
  double g, pct;
  int pct_ok =
      growth != NULL ? (pct = *growth, 1) : ts_growth((double)last, (double)first, &pct) == 0;
  if (pct_ok && !isfinite(pct)) pct_ok = 0;
  if (years == 1.0 && pct_ok) {
    g = pct; /* the growth itself, rounded once */
  } else if (last == 0.0L) {
    g = -100.0;
  } else {
    /* log(last / first) from the growth near a ratio of 1 (no
    ** cancellation), else from the ratio; in long double where it has
    ** more bits than a double: the logarithm's rounding, divided by the
    ** years and raised to e, came back as wrong digits (1e-293 to 1e-155
    ** in 12.25 years was 18420699693167.137 % for 18420699693167.16) */
    long double l =
        pct_ok && fabs(pct) <= 50.0 ? log1pl((long double)pct / 100.0L) : logl(last / first);
    if (!isfinite(l)) l = logl(last) - logl(first); /* a ratio beyond the type */
    g = (double)(expm1l(l / (long double)years) * 100.0L);
  }
  if (!isfinite(g)) return 1;
  *out = g;
  return 0;
}
