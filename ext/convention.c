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
#include "tradestat_internal.h"

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

void ts_sum_init(ts_sum *s) { memset(s, 0, sizeof(*s)); }

static void neumaier_add(double *s, double *c, double x) {
  double t = *s + x;
  if (fabs(*s) >= fabs(x)) *c += (*s - t) + x;
  else *c += (x - t) + *s;
  *s = t;
}

void ts_sum_add(ts_sum *s, const ts_number *v) {
  s->count++;
  if (v->is_int) {
    s->exact += v->i;
  } else {
    s->n_real++;
    neumaier_add(&s->s, &s->c, v->d);
  }
}

void ts_sum_remove(ts_sum *s, const ts_number *v) {
  s->count--;
  if (v->is_int) {
    s->exact -= v->i;
  } else if (--s->n_real == 0) {
    s->s = s->c = 0; /* only integers remain: the total is exact again */
  } else {
    neumaier_add(&s->s, &s->c, -v->d);
  }
}

void ts_sum_merge(ts_sum *into, const ts_sum *from) {
  into->count += from->count;
  into->exact += from->exact;
  into->n_real += from->n_real;
  if (from->n_real) {
    neumaier_add(&into->s, &into->c, from->s);
    neumaier_add(&into->s, &into->c, from->c);
  }
}

double ts_sum_double(const ts_sum *s) {
  /* Split the exact part so no bits are lost before compensation. */
  double hi = (double)s->exact;
  double lo = (double)(s->exact - (__int128)hi);
  double t = s->s, c = s->c;
  neumaier_add(&t, &c, hi);
  neumaier_add(&t, &c, lo);
  return t + c;
}

void ts_sum_value(const ts_sum *s, ts_number *out) {
  if (s->n_real == 0 && s->exact >= INT64_MIN && s->exact <= INT64_MAX) {
    ts_number_from_int((int64_t)s->exact, out);
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
    __int128 d = (__int128)x->i - m->i;
    if (d >= INT64_MIN && d <= INT64_MAX) {
      ts_number_from_int((int64_t)d, out);
      return;
    }
    out->is_int = 0;
    out->i = 0;
    out->d = (double)d;
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

/* ---- SQL glue ------------------------------------------------------ */

void ts_result_error(sqlite3_context *ctx, const char *zFunc,
                     const char *zFormat, ...) {
  va_list ap;
  va_start(ap, zFormat);
  char *zWhat = sqlite3_vmprintf(zFormat, ap);
  va_end(ap);
  char *zMsg = zWhat ? sqlite3_mprintf("%s(): %s", zFunc, zWhat) : NULL;
  if (zMsg) sqlite3_result_error(ctx, zMsg, -1);
  else sqlite3_result_error_nomem(ctx);
  sqlite3_free(zWhat);
  sqlite3_free(zMsg);
}

void ts_vtab_error(sqlite3_vtab *pVtab, const char *zFormat, ...) {
  va_list ap;
  va_start(ap, zFormat);
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = sqlite3_vmprintf(zFormat, ap);
  va_end(ap);
}

#define TS_REPR_MAX 60

static char *text_repr(const char *z, int n) {
  if (n <= TS_REPR_MAX) return sqlite3_mprintf("'%.*q'", n, z);
  int cut = TS_REPR_MAX;
  while (cut > 0 && ((unsigned char)z[cut] & 0xC0) == 0x80) cut--;
  return sqlite3_mprintf("'%.*q...'", cut, z);
}

static char *blob_repr(const unsigned char *p, int n) {
  static const char hex[] = "0123456789abcdef";
  char buf[2 * 16 + 1];
  int shown = n < 16 ? n : 16;
  for (int i = 0; i < shown; i++) {
    buf[2 * i] = hex[p[i] >> 4];
    buf[2 * i + 1] = hex[p[i] & 15];
  }
  buf[2 * shown] = 0;
  return sqlite3_mprintf("x'%s'%s", buf, n > shown ? "..." : "");
}

static char *double_repr(double d) {
  if (isinf(d)) return sqlite3_mprintf("%s", d > 0 ? "Inf" : "-Inf");
  return sqlite3_mprintf("%!.15g", d);
}

char *ts_value_repr(sqlite3_value *v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return sqlite3_mprintf("%lld", sqlite3_value_int64(v));
    case SQLITE_FLOAT: return double_repr(sqlite3_value_double(v));
    case SQLITE_BLOB: {
      const unsigned char *p = sqlite3_value_blob(v);
      return blob_repr(p, p ? sqlite3_value_bytes(v) : 0);
    }
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      return z ? text_repr(z, sqlite3_value_bytes(v)) : NULL;
    }
    default: return sqlite3_mprintf("NULL");
  }
}

ts_number_status ts_value_number(sqlite3_value *v, ts_number *out,
                                 char **pzErr) {
  ts_number_status st;
  *pzErr = NULL;
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return TS_NUMBER_NULL;
    case SQLITE_INTEGER: ts_number_from_int(sqlite3_value_int64(v), out); return TS_NUMBER_OK;
    case SQLITE_FLOAT: st = ts_number_from_double(sqlite3_value_double(v), out); break;
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      if (z == NULL) return TS_NUMBER_NOT_NUMBER; /* out of memory */
      st = ts_number_from_text(z, sqlite3_value_bytes(v), out);
      break;
    }
    default: st = TS_NUMBER_NOT_NUMBER; break;
  }
  if (st == TS_NUMBER_OK || st == TS_NUMBER_NULL) return st;
  char *zRepr = st == TS_NUMBER_NOMEM ? NULL : ts_value_repr(v);
  if (zRepr) {
    *pzErr = sqlite3_mprintf("%s: %s", st == TS_NUMBER_INFINITE
                                           ? "is not a finite number"
                                           : "is not a number", zRepr);
  }
  sqlite3_free(zRepr);
  return TS_NUMBER_NOT_NUMBER;
}

ts_number_status ts_arg_number(sqlite3_context *ctx, const char *zFunc,
                               int iArg, sqlite3_value *v, ts_number *out) {
  char *zErr = NULL;
  ts_number_status st = ts_value_number(v, out, &zErr);
  if (st == TS_NUMBER_OK || st == TS_NUMBER_NULL) return st;
  if (zErr) ts_result_error(ctx, zFunc, "argument %d %s", iArg, zErr);
  else sqlite3_result_error_nomem(ctx);
  sqlite3_free(zErr);
  return TS_NUMBER_NOT_NUMBER;
}

int ts_value_period(sqlite3_value *v, ts_period *out, char **pzErr) {
  int bad = 1;
  *pzErr = NULL;
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return 1;
    case SQLITE_INTEGER: bad = ts_period_from_int(sqlite3_value_int64(v), out); break;
    case SQLITE_FLOAT: {
      double d = sqlite3_value_double(v);
      bad = !(d == floor(d) && d >= 1 && d <= 999912) ||
            ts_period_from_int((int64_t)d, out);
      break;
    }
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      bad = z == NULL || ts_period_parse(z, sqlite3_value_bytes(v), out);
      break;
    }
    default: break;
  }
  if (!bad) return 0;
  char *zRepr = ts_value_repr(v);
  if (zRepr) *pzErr = sqlite3_mprintf("is not a period: %s (expected %s)", zRepr, ts_period_forms);
  sqlite3_free(zRepr);
  return 2;
}

int ts_arg_period(sqlite3_context *ctx, const char *zFunc, int iArg,
                  sqlite3_value *v, ts_period *out) {
  char *zErr = NULL;
  int rc = ts_value_period(v, out, &zErr);
  if (rc == 2) {
    if (zErr) ts_result_error(ctx, zFunc, "argument %d %s", iArg, zErr);
    else sqlite3_result_error_nomem(ctx);
  }
  sqlite3_free(zErr);
  return rc;
}

void ts_result_number(sqlite3_context *ctx, const ts_number *n) {
  if (n->is_int) sqlite3_result_int64(ctx, n->i);
  else ts_result_double(ctx, n->d);
}

void ts_result_double(sqlite3_context *ctx, double d) {
  if (isfinite(d)) sqlite3_result_double(ctx, d);
  else sqlite3_result_null(ctx);
}

int ts_register_functions(sqlite3 *db, const ts_function_def *defs, int n) {
  for (int i = 0; i < n; i++) {
    const ts_function_def *f = &defs[i];
    int rc;
    if (f->xInverse) {
      rc = sqlite3_create_window_function(db, f->zName, f->nArg, f->flags, NULL,
                                          f->xStep, f->xFinal, f->xValue,
                                          f->xInverse, NULL);
    } else {
      rc = sqlite3_create_function_v2(db, f->zName, f->nArg, f->flags, NULL,
                                      f->xFunc, f->xStep, f->xFinal, NULL);
    }
    if (rc != SQLITE_OK) {
      sqlite3_log(rc, "tradestat: cannot register %s/%d", f->zName, f->nArg);
      return rc;
    }
  }
  return SQLITE_OK;
}
