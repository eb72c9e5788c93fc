/*
** period/period_sql.c -- the period_*() SQL functions over the pure parser.
**
** Contract:
**  1. A NULL period (or a NULL n / kind) gives NULL.
**  2. A label that is not a period is an error quoting it and listing the
**     accepted forms: "period_kind(): argument 1 is not a period: '2023-13'
**     (expected ...)".
**  3. period_shift() with a non-integer n is an error; a shift that leaves
**     the years 1..9999 gives NULL.
**  4. period_prior_year() of 29 February (or of year 1) gives NULL.
**  5. period_rollup() to a kind finer than the period's, or to an unknown
**     kind, is an error naming both.
*/
#include "glue/glue.h"
#include "families.h"

#include <math.h>

static void result_period(sqlite3_context *ctx, const ts_period *p) {
  char buf[TS_PERIOD_LABEL_MAX];
  ts_period_format(p, buf);
  sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* Reads argument 1 as a period; returns 0 when the caller should go on. */
static int first_period(sqlite3_context *ctx, const char *zFunc, sqlite3_value **argv,
                        ts_period *p) {
  int rc = ts_arg_period(ctx, zFunc, 1, argv[0], p);
  if (rc == 1) sqlite3_result_null(ctx);
  return rc;
}

static void period_normalize_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p;
  (void)argc;
  if (first_period(ctx, "period_normalize", argv, &p) == 0) result_period(ctx, &p);
}

static void period_kind_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p;
  (void)argc;
  if (first_period(ctx, "period_kind", argv, &p) == 0)
    sqlite3_result_text(ctx, ts_period_kind_name(p.kind), -1, SQLITE_STATIC);
}

static void period_year_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p;
  (void)argc;
  if (first_period(ctx, "period_year", argv, &p) == 0) sqlite3_result_int(ctx, p.year);
}

static void period_shift_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p, out;
  ts_number n;
  (void)argc;
  if (first_period(ctx, "period_shift", argv, &p) != 0) return;
  ts_number_status st = ts_arg_number(ctx, "period_shift", 2, argv[1], &n);
  if (st == TS_NUMBER_NULL) sqlite3_result_null(ctx);
  if (st != TS_NUMBER_OK) return;
  if (!n.is_int && n.d != floor(n.d)) {
    char *zRepr = ts_real_repr(n.d);
    if (zRepr)
      ts_result_error(ctx, "period_shift", "argument 2 is not a whole number: %s", zRepr);
    else
      sqlite3_result_error_nomem(ctx);
    sqlite3_free(zRepr);
    return;
  }
  int64_t steps = n.is_int ? n.i
                           : (n.d > 1e15    ? INT64_MAX
                              : n.d < -1e15 ? INT64_MIN
                                            : (int64_t)n.d);
  if (ts_period_shift(&p, steps, &out))
    sqlite3_result_null(ctx);
  else
    result_period(ctx, &out);
}

static void period_prior_year_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p, out;
  (void)argc;
  if (first_period(ctx, "period_prior_year", argv, &p) != 0) return;
  if (ts_period_prior_year(&p, &out))
    sqlite3_result_null(ctx);
  else
    result_period(ctx, &out);
}

static void period_rollup_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p, out;
  (void)argc;
  if (first_period(ctx, "period_rollup", argv, &p) != 0) return;
  if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const char *zKind = (const char *)sqlite3_value_text(argv[1]);
  ts_period_kind kind = ts_period_kind_from_name(zKind);
  if (kind == TS_KIND_NONE) {
    char *zRepr = ts_value_repr(argv[1]);
    ts_result_error(
        ctx, "period_rollup",
        "argument 2 is not a period kind: %s (expected year, half, quarter, month or day)",
        zRepr ? zRepr : "?");
    sqlite3_free(zRepr);
    return;
  }
  if (ts_period_rollup(&p, kind, &out)) {
    char buf[TS_PERIOD_LABEL_MAX];
    ts_period_format(&p, buf);
    ts_result_error(ctx, "period_rollup", "cannot roll the %s '%s' up to the finer kind '%s'",
                    ts_period_kind_name(p.kind), buf, ts_period_kind_name(kind));
    return;
  }
  result_period(ctx, &out);
}

static void period_year_fraction_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p;
  (void)argc;
  if (first_period(ctx, "period_year_fraction", argv, &p) == 0)
    sqlite3_result_double(ctx, ts_period_year_fraction(&p));
}

static void period_start_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p, out;
  (void)argc;
  if (first_period(ctx, "period_start", argv, &p) != 0) return;
  ts_period_start(&p, &out);
  result_period(ctx, &out);
}

static void period_end_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_period p, out;
  (void)argc;
  if (first_period(ctx, "period_end", argv, &p) != 0) return;
  ts_period_end(&p, &out);
  result_period(ctx, &out);
}

int ts_period_register(sqlite3 *db) {
  static const ts_function_def defs[] = {
      {"period_normalize", 1, TS_PURE, period_normalize_func, 0, 0, 0, 0, 0},
      {"period_kind", 1, TS_PURE, period_kind_func, 0, 0, 0, 0, 0},
      {"period_year", 1, TS_PURE, period_year_func, 0, 0, 0, 0, 0},
      {"period_shift", 2, TS_PURE, period_shift_func, 0, 0, 0, 0, 0},
      {"period_prior_year", 1, TS_PURE, period_prior_year_func, 0, 0, 0, 0, 0},
      {"period_rollup", 2, TS_PURE, period_rollup_func, 0, 0, 0, 0, 0},
      {"period_year_fraction", 1, TS_PURE, period_year_fraction_func, 0, 0, 0, 0, 0},
      {"period_start", 1, TS_PURE, period_start_func, 0, 0, 0, 0, 0},
      {"period_end", 1, TS_PURE, period_end_func, 0, 0, 0, 0, 0},
  };
  return ts_register_functions(db, defs, (int)(sizeof(defs) / sizeof(defs[0])));
}
