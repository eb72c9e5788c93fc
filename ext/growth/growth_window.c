/*
** growth/growth_window.c -- yoy_growth(value, period) and ytd_growth(value,
** period), each both an aggregate and a window function, over the one
** growth engine (core/growth_engine.c).
**
** Contract:
**  1. Rows whose value or period is NULL are skipped (like sum()); when
**     no row remains the result is NULL.  A value that is not a number or
**     not finite, or a period that is not a period, is an error quoting it
**     (argument 1 / argument 2).
**  2. Rows of the same period are summed.  All periods of a group or
**     partition must be of one kind, else "series mixes period kinds:
**     'first' and 'other'".
**  3. Aggregate (GROUP BY): the growth of the latest period of the group,
**     against the same period one year earlier, matched by period (a
**     missing prior period gives NULL, never another period).  Rows may
**     arrive in any order.
**  4. Window: for each row, the growth of the latest period in its frame,
**     which is the row's own period when the window is ordered by period
**     and the frame ends at the current row.  The prior-year period counts
**     only if it is inside the frame.  A row whose period is earlier than
**     the row before it makes the next result an error "window is not
**     ordered by period ascending: 'later' after 'earlier'" (xValue is
**     only called for windows, so aggregates keep accepting any order).
**  5. Frames that drop rows (ROWS BETWEEN n PRECEDING AND CURRENT ROW) are
**     served by xInverse: the series is a deque.  Each row costs O(1)
**     amortized: yoy_growth looks its prior point up where it sits when
**     no month between is missing (else a binary search), ytd_growth
**     keeps running year-to-date sums (ts_deque_latest); both give to the
**     bit what the one-shot ts_growth_at gives.
**  6. ytd_growth: the sum of the year's periods up to the latest against
**     the same periods of the prior year; NULL when any period of either
**     is missing or the prior sum is zero.
**  7. Out of memory is SQLITE_NOMEM.
*/
#include "glue/glue.h"
#include "core/deque.h"
#include "families.h"

typedef enum growth_measure { MEASURE_YOY, MEASURE_YTD } growth_measure;

static const char *measure_name(growth_measure m) {
  return m == MEASURE_YOY ? "yoy_growth" : "ytd_growth";
}

/* Reads one row; returns 1 when the row counts, 0 when it is skipped or
** an error was set (then *failed = 1). */
static int read_row(sqlite3_context *ctx, growth_measure m, sqlite3_value **argv, ts_number *value,
                    ts_period *period, int *failed) {
  const char *zFunc = measure_name(m);
  *failed = 0;
  ts_number_status st = ts_arg_number(ctx, zFunc, 1, argv[0], value);
  if (st == TS_NUMBER_NOT_NUMBER) *failed = 1;
  if (st != TS_NUMBER_OK) return 0;
  int rc = ts_arg_period(ctx, zFunc, 2, argv[1], period);
  if (rc == 2) *failed = 1;
  return rc == 0;
}

static void format_ordinal(ts_period_kind kind, int64_t ordinal, char *buf) {
  ts_period p;
  if (ts_period_from_ordinal(kind, ordinal, &p))
    buf[0] = 0;
  else
    ts_period_format(&p, buf);
}

static void growth_step(sqlite3_context *ctx, growth_measure m, sqlite3_value **argv) {
  ts_number value;
  ts_period period;
  int failed;
  if (!read_row(ctx, m, argv, &value, &period, &failed)) return;
  ts_deque *s = sqlite3_aggregate_context(ctx, sizeof(ts_deque));
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  switch (ts_deque_add(s, &period, &value)) {
    case TS_DEQUE_OK: break;
    case TS_DEQUE_MIXED_KINDS: {
      char first[TS_PERIOD_LABEL_MAX], other[TS_PERIOD_LABEL_MAX];
      ts_period_format(&s->first_seen, first);
      ts_period_format(&period, other);
      ts_result_error(ctx, measure_name(m), "series mixes period kinds: '%s' and '%s'", first,
                      other);
      break;
    }
    case TS_DEQUE_TOOBIG: sqlite3_result_error_toobig(ctx); break;
    default: sqlite3_result_error_nomem(ctx); break;
  }
}

static void growth_inverse(sqlite3_context *ctx, growth_measure m, sqlite3_value **argv) {
  ts_number value;
  ts_period period;
  int failed;
  /* A row leaving the frame was read without error when it entered. */
  if (!read_row(ctx, m, argv, &value, &period, &failed)) return;
  ts_deque *s = sqlite3_aggregate_context(ctx, 0);
  if (s) ts_deque_remove(s, &period, &value);
}

/* The result for the latest point of a sorted series.  A window asks
** for it once per row: the deque keeps what makes that O(1) amortized. */
static void result_latest(sqlite3_context *ctx, growth_measure m, ts_deque *s) {
  if (s == NULL || s->count == 0) {
    sqlite3_result_null(ctx);
    return;
  }
  ts_growth_row row;
  ts_deque_latest(s, m == MEASURE_YTD, &row);
  if (m == MEASURE_YOY) {
    if (row.growth_ok)
      ts_result_double(ctx, row.growth);
    else
      sqlite3_result_null(ctx);
  } else {
    if (row.ytd_growth_ok)
      ts_result_double(ctx, row.ytd_growth);
    else
      sqlite3_result_null(ctx);
  }
}

static void growth_value(sqlite3_context *ctx, growth_measure m) {
  ts_deque *s = sqlite3_aggregate_context(ctx, 0);
  if (s && s->unsorted) {
    char before[TS_PERIOD_LABEL_MAX], after[TS_PERIOD_LABEL_MAX];
    format_ordinal(s->kind, s->disorder_before, before);
    format_ordinal(s->kind, s->disorder_after, after);
    ts_result_error(ctx, measure_name(m),
                    "window is not ordered by period ascending: '%s' after '%s'", before, after);
    return;
  }
  result_latest(ctx, m, s);
}

static void growth_final(sqlite3_context *ctx, growth_measure m) {
  ts_deque *s = sqlite3_aggregate_context(ctx, 0);
  if (s) ts_deque_sort(s);
  result_latest(ctx, m, s);
  if (s) ts_deque_free(s);
}

/* One set of callbacks for both names; the measure is the function's
** user data (registered below). */
static growth_measure measure_of(sqlite3_context *ctx) {
  return (growth_measure)(intptr_t)sqlite3_user_data(ctx);
}
static void window_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  growth_step(ctx, measure_of(ctx), argv);
}
static void window_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  growth_inverse(ctx, measure_of(ctx), argv);
}
static void window_value(sqlite3_context *ctx) { growth_value(ctx, measure_of(ctx)); }
static void window_final(sqlite3_context *ctx) { growth_final(ctx, measure_of(ctx)); }

int ts_growth_window_register(sqlite3 *db) {
  static const ts_function_def defs[] = {
      {"yoy_growth", 2, TS_PURE_AGG, 0, window_step, window_final, window_value, window_inverse,
       (void *)(intptr_t)MEASURE_YOY},
      {"ytd_growth", 2, TS_PURE_AGG, 0, window_step, window_final, window_value, window_inverse,
       (void *)(intptr_t)MEASURE_YTD},
  };
  return ts_register_functions(db, defs, (int)(sizeof(defs) / sizeof(defs[0])));
}
