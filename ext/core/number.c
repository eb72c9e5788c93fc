/*
** convention.c -- SPEC.md section 0 in one place: numbers in, sums that
** never overflow, growth with the negative-base rule, error messages.
**
** Contract:
**  1. INTEGER and REAL are numbers as they are; TEXT is a number when
**     SQLite itself would read it as one (surrounding spaces, sign,
**     digits, fraction, exponent); any other TEXT and every BLOB is
**     "argument N is not a number: 'value'".  +-Inf (including TEXT such
**     as '1e999') is "argument N is not a finite number: Inf".
**  2. NULL is reported as TS_NUMBER_NULL; callers return NULL (scalars) or
**     skip the row (aggregates).
**  3. Sums: integers are added exactly (128-bit accumulator), REALs with
**     Neumaier compensation.  The total is an INTEGER when every input
**     still counted is an integer and the exact total fits in 64 bits,
**     else a REAL.  Removal (window xInverse) is exact for integers.
**  4. Growth is (current - previous) / |previous| * 100; a zero previous
**     or a result that is not finite is "undefined" (SQL NULL).
**  5. Values quoted in messages are shortened to 60 bytes (on a UTF-8
**     character boundary) so a 2 MB string never makes a 2 MB message.
*/
#include "core/number.h"
#include "core/alloc.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int is_digit(char c) { return c >= '0' && c <= '9'; }

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

ts_number_status ts_number_from_text(const char *z, int n, ts_number *out) {
  if (z == NULL) return TS_NUMBER_NULL;
  if (n < 0) n = (int)strlen(z);
  ts_trim(&z, &n);
  int i = 0, digits = 0, is_int = 1;
  if (i < n && (z[i] == '+' || z[i] == '-')) i++;
  while (i < n && is_digit(z[i])) i++, digits++;
  if (i < n && z[i] == '.') {
    is_int = 0;
    i++;
    while (i < n && is_digit(z[i])) i++, digits++;
  }
  if (digits == 0) return TS_NUMBER_NOT_NUMBER;
  if (i < n && (z[i] == 'e' || z[i] == 'E')) {
    is_int = 0;
    i++;
    if (i < n && (z[i] == '+' || z[i] == '-')) i++;
    if (i >= n || !is_digit(z[i])) return TS_NUMBER_NOT_NUMBER;
    while (i < n && is_digit(z[i])) i++;
  }
  if (i != n) return TS_NUMBER_NOT_NUMBER;
  int64_t v;
  if (is_int && parse_int64(z, n, &v)) {
    ts_number_from_int(v, out);
    return TS_NUMBER_OK;
  }
  /* strtod stops at the end of the syntax checked above; copy so the
  ** text need not be NUL-terminated right after the number. */
  char small[64];
  char *buf = n < (int)sizeof(small) ? small : sqlite3_malloc64((sqlite3_uint64)n + 1);
  if (buf == NULL) return TS_NUMBER_NOMEM;
  memcpy(buf, z, (size_t)n);
  buf[n] = 0;
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
  if (fabs(*s) >= fabs(x)) *c += (*s - t) + x;
  else *c += (x - t) + *s;
  *s = t;
}

void ts_sum_add(ts_sum *s, const ts_number *v) {
  s->count++;
  if (v->is_int) {
    s->exact = ts_i128_add(s->exact, ts_i128_from_i64(v->i));
  } else {
    s->n_real++;
    neumaier_add(&s->s, &s->c, v->d);
  }
}

void ts_sum_remove(ts_sum *s, const ts_number *v) {
  s->count--;
  if (v->is_int) {
    s->exact = ts_i128_sub(s->exact, ts_i128_from_i64(v->i));
  } else if (--s->n_real == 0) {
    s->s = s->c = 0; /* only integers remain: the total is exact again */
  } else {
    neumaier_add(&s->s, &s->c, -v->d);
  }
}

void ts_sum_merge(ts_sum *into, const ts_sum *from) {
  into->count += from->count;
  into->exact = ts_i128_add(into->exact, from->exact);
  into->n_real += from->n_real;
  if (from->n_real) {
    neumaier_add(&into->s, &into->c, from->s);
    neumaier_add(&into->s, &into->c, from->c);
  }
}

double ts_sum_double(const ts_sum *s) {
  /* Split the exact part so no bits are lost before compensation. */
  double hi = ts_i128_to_double(s->exact);
  double lo = ts_i128_to_double(ts_i128_sub(s->exact, ts_i128_from_double(hi)));
  double t = s->s, c = s->c;
  neumaier_add(&t, &c, hi);
  neumaier_add(&t, &c, lo);
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
  out->d = x->d - m->d;
}

int ts_growth(double current, double previous, double *out) {
  if (previous == 0.0) return 1;
  double g = (current - previous) / fabs(previous) * 100.0;
  if (!isfinite(g)) return 1;
  *out = g;
  return 0;
}

/* cagr is undefined (1) when first <= 0, last < 0, years <= 0, or the
** result is not finite; last == 0 is -100 %. */
int ts_cagr(double first, double last, double years, double *out) {
  if (!(first > 0.0) || !(last >= 0.0) || !(years > 0.0)) return 1;
  double g = (pow(last / first, 1.0 / years) - 1.0) * 100.0;
  if (!isfinite(g)) return 1;
  *out = g;
  return 0;
}
