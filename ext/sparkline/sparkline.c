/*
** sparkline/sparkline.c -- sparkline(value, period): a series drawn as one line of
** ▁▂▃▄▅▆▇█, ordered by period, so a trend can be seen in the shell.
**
** Contract:
**  1. Aggregate over (value, period).  Rows may arrive in any order; rows
**     of the same period are summed (exactly for integers) and
**     drawn as one bar.
**  2. The line runs from the earliest to the latest period that has a
**     value, one character per period; a period in between with no value
**     is a space.  A row whose value or period is NULL is skipped,
**     so a period whose only rows are NULL (KOSIS `-`) is a gap, a space.
**  3. Scale: the smallest value is ▁, the largest █, the others on the
**     nearest of the eight levels of a linear scale between them.  Negative
**     values are drawn on the same scale.  When every value is equal (or
**     there is one period) every bar is ▄, half height: a flat line, not
**     to be read as a low or a high.
**  4. No row left: NULL.  All periods must be of one kind, else
**     "sparkline(): series mixes period kinds: '2023-Q1' and '2023-05'".
**     Values and periods that are not numbers / periods are errors with the
**     usual messages (argument 1 / argument 2).
**  5. At most TS_SPARKLINE_MAX_PERIODS periods from first to last; a longer
**     span is an error (a line that long is not a picture).  Values whose
**     sum is infinite are an error.
**  6. The points are the growth family's ts_deque (core/deque.c), so
**     "same period" and "summed" mean exactly what they mean for
**     yoy_growth; memory grows with distinct periods, not rows.  Not a
**     window function (no frame makes sense for a picture).
*/
#include "sparkline/sparkline.h"
#include "glue/glue.h"
#include "core/deque.h"
#include "families.h"

#include <math.h>

static const char *const bars[8] = {"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
                                    "\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88"};

int ts_sparkline_level(double v, double lo, double hi) {
  if (!(hi > lo)) return 3;
  /* The range is finite and positive unless lo and hi are near -+DBL_MAX;
  ** then the halves are (each half is finite, and hi/2 > lo/2).  Between
  ** subnormals the range is computed exactly (no halving, which would
  ** round 5e-324 / 2 to 0 and divide by zero). */
  double range = hi - lo, off = v - lo;
  if (!isfinite(range)) {
    range = hi / 2 - lo / 2;
    off = v / 2 - lo / 2;
  }
  double f = off / range;
  if (!(f >= 0.0)) f = 0.0; /* also NaN: never converted to int */
  if (f > 1.0) f = 1.0;
  return (int)floor(f * 7 + 0.5);
}

void ts_sparkline_render(const double *aValue, const unsigned char *aPresent, int n, char *zOut) {
  double lo = 0, hi = 0;
  int seen = 0;
  for (int i = 0; i < n; i++) {
    if (!aPresent[i]) continue;
    if (!seen || aValue[i] < lo) lo = aValue[i];
    if (!seen || aValue[i] > hi) hi = aValue[i];
    seen = 1;
  }
  char *w = zOut;
  for (int i = 0; i < n; i++) {
    if (!aPresent[i]) {
      *w++ = ' ';
      continue;
    }
    const char *bar = bars[ts_sparkline_level(aValue[i], lo, hi)];
    memcpy(w, bar, 3);
    w += 3;
  }
  *w = 0;
}

/* ---- SQL glue ------------------------------------------------------- */

typedef struct sparkline_state {
  ts_deque series;     /* the growth family's series of points:
                                summed per period, any order, one kind */
  int64_t first, last; /* ordinals of the earliest and latest period */
} sparkline_state;

static void format_ordinal(ts_period_kind kind, int64_t ordinal, char *buf) {
  ts_period p;
  if (ts_period_from_ordinal(kind, ordinal, &p) == 0)
    ts_period_format(&p, buf);
  else
    strcpy(buf, "?");
}

/* Widens [first, last] by p, or sets the error when that is too long. */
static int widen_span(sqlite3_context *ctx, sparkline_state *s, const ts_period *p) {
  int64_t ordinal = ts_period_ordinal(p);
  int64_t first = s->series.kind == TS_KIND_NONE || ordinal < s->first ? ordinal : s->first;
  int64_t last = s->series.kind == TS_KIND_NONE || ordinal > s->last ? ordinal : s->last;
  if (last - first + 1 > TS_SPARKLINE_MAX_PERIODS) {
    char a[TS_PERIOD_LABEL_MAX], b[TS_PERIOD_LABEL_MAX];
    format_ordinal(p->kind, first, a);
    format_ordinal(p->kind, last, b);
    ts_result_error(ctx, "sparkline",
                    "series spans %lld periods, from '%s' to '%s';"
                    " at most %d can be drawn",
                    (long long)(last - first + 1), a, b, TS_SPARKLINE_MAX_PERIODS);
    return SQLITE_ERROR;
  }
  s->first = first;
  s->last = last;
  return SQLITE_OK;
}

static void sparkline_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_number v;
  ts_period p;
  ts_number_status value_status = ts_arg_number(ctx, "sparkline", 1, argv[0], &v);
  if (value_status == TS_NUMBER_NOT_NUMBER) return;
  int period_status = ts_arg_period(ctx, "sparkline", 2, argv[1], &p);
  if (period_status == 2 || value_status == TS_NUMBER_NULL || period_status == 1) return;
  sparkline_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (s->series.kind != TS_KIND_NONE && p.kind != s->series.kind) {
    char a[TS_PERIOD_LABEL_MAX], b[TS_PERIOD_LABEL_MAX];
    ts_period_format(&s->series.first_seen, a);
    ts_period_format(&p, b);
    ts_result_error(ctx, "sparkline", "series mixes period kinds: '%s' and '%s'", a, b);
    return;
  }
  if (widen_span(ctx, s, &p) != SQLITE_OK) return;
  ts_deque_status st = ts_deque_add(&s->series, &p, &v);
  if (st == TS_DEQUE_NOMEM)
    sqlite3_result_error_nomem(ctx);
  else if (st != TS_DEQUE_OK)
    ts_result_error(ctx, "sparkline", "too many rows");
}

/* When every sum is an exact integer, draws v - min instead of v, the
** difference taken in 128 bits: the scale is the same, and sums that
** differ only past a double's 53 bits (9223372036854775807 and ...800)
** are not drawn as a flat line. */
static void shift_exact(const ts_point *a, int nPoint, int64_t first, double *aValue) {
  int lo = 0;
  for (int j = 0; j < nPoint; j++) {
    if (a[j].sum[0].n_real != 0) return;
    if (ts_i128_to_double(ts_i128_sub(a[j].sum[0].exact, a[lo].sum[0].exact)) < 0) lo = j;
  }
  for (int j = 0; j < nPoint; j++)
    aValue[a[j].ordinal - first] =
        ts_i128_to_double(ts_i128_sub(a[j].sum[0].exact, a[lo].sum[0].exact));
}

/* Draws the sorted points of s into a new string (sqlite3_free it). */
static void draw(sqlite3_context *ctx, sparkline_state *s) {
  const ts_point *a = ts_deque_points(&s->series);
  int nPoint = s->series.count;
  int n = (int)(s->last - s->first + 1);
  double *aValue = sqlite3_malloc64((sqlite3_uint64)n * sizeof(double));
  unsigned char *aPresent = sqlite3_malloc64((sqlite3_uint64)n);
  char *zOut = sqlite3_malloc64((sqlite3_uint64)n * 3 + 1);
  int ok = aValue && aPresent && zOut;
  if (!ok) sqlite3_result_error_nomem(ctx);
  if (ok) memset(aPresent, 0, (size_t)n);
  for (int j = 0; ok && j < nPoint; j++) {
    int i = (int)(a[j].ordinal - s->first);
    aValue[i] = ts_sum_double(&a[j].sum[0]);
    aPresent[i] = 1;
    if (!isfinite(aValue[i])) {
      char label[TS_PERIOD_LABEL_MAX];
      format_ordinal(s->series.kind, a[j].ordinal, label);
      ts_result_error(ctx, "sparkline",
                      "the values of period '%s' sum to an"
                      " infinite number",
                      label);
      ok = 0;
    }
  }
  if (ok) shift_exact(a, nPoint, s->first, aValue);
  if (ok) {
    ts_sparkline_render(aValue, aPresent, n, zOut);
    sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
    zOut = NULL;
  }
  sqlite3_free(zOut);
  sqlite3_free(aValue);
  sqlite3_free(aPresent);
}

static void sparkline_final(sqlite3_context *ctx) {
  sparkline_state *s = sqlite3_aggregate_context(ctx, 0);
  if (s == NULL || s->series.count == 0) {
    sqlite3_result_null(ctx);
  } else {
    ts_deque_sort(&s->series);
    draw(ctx, s);
  }
  if (s) ts_deque_free(&s->series);
}

int ts_sparkline_register(sqlite3 *db) {
  static const ts_function_def defs[] = {
      {"sparkline", 2, TS_PURE_AGG, 0, sparkline_step, sparkline_final, 0, 0, 0},
  };
  return ts_register_functions(db, defs, (int)(sizeof(defs) / sizeof(defs[0])));
}
