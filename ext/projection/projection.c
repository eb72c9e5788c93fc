/*
** projection/projection.c -- annual_run_rate(), the scalar run rate, and
** the annual_projection() aggregate and window functions: thin SQL glue
** over projection_core.c.
**
** Contract:
**  1. annual_run_rate(ytd, through_period) is the run rate
**     ytd / period_year_fraction(through_period), taken as ytd * P / k
**     (run_rate()); NULL when either is NULL or the rate is beyond a
**     double.
**     A value that is not a number or a label that is not a period is an
**     error naming the argument.
** 1b. annual_projection with two arguments is an error on every call,
**     whatever its arguments (NULL included) and wherever it is written.
**     It used to be the scalar of item 1, while every other growth
**     function of (value, period) is an aggregate: written as those are,
**     `SELECT k, annual_projection(v, p) FROM t GROUP BY k` was a scalar
**     over bare columns, evaluated on one arbitrary row per group -- a
**     plausible full-year figure from one quarter, silently.  The error
**     names both cures.  It is a scalar, not an aggregate, so the old
**     idiom annual_projection(sum(v), max(d)) and a call in a WHERE get
**     this message too, not SQLite's "misuse of aggregate function".
**  2. annual_projection(value, period, method) as an aggregate projects
**     the total of the latest period's year from the periods of that year
**     up to the latest one; as a window function, that of the frame (so
**     with ORDER BY period and the default frame, the current row's year
**     from the rows up to it).  Rows with a NULL value or period are
**     skipped; no row left gives NULL.  Rows with the same period are
**     summed (exact integer / compensated sums).  But a row with a NULL
**     value still has a period: when the latest period among the rows
**     has no figure (KOSIS's `-` for a quarter not yet published, `x`
**     for a confidential one), that year's year-to-date is incomplete and
**     the result is NULL, never the projection through the period
**     before it (as yoy_growth's aggregate).  Such a row whose period
**     does not read, or is of another kind than the figures', is ignored.
**  3. The method must be one of run_rate, prior_share, avg_share, snaive,
**     linear, holt_winters, theta or auto, on every row; anything else
**     (NULL included) is "argument 3 is not a method: 'x' (expected
**     ...)".  One method per group or window frame: rows of two methods
**     there are an error naming both ("argument 3 differs between rows")
**     -- the last row read used to decide, so the same rows gave one
**     method's projection in one order and another's in another.  Each
**     method's rows are counted (xInverse uncounts them), so a frame is
**     judged by the rows it holds when its value is read.
**  4. A group mixing period kinds is an error quoting the first period and
**     the offending one.  Day periods accept only run_rate (the share of
**     the year elapsed counts days); other methods on days are an error.
** 4b. Days have no missing day (a day without a row is a day without a
**     transaction), but the year-to-date must start on 1 January: a
**     year whose first row with a figure falls after its first 7 days
**     (a holiday and a weekend, or one row a week) gives NULL.  Such a
**     series starts mid-year, or lost its first days; projected, 30 days
**     from 1 June came out at 365/181 of their sum, as if January..May
**     had been days without sales.  Only that year's rows are read, so
**     the history before it, a WHERE on the year and the aggregate or
**     window form never change the answer.  A year whose days with a
**     figure are one a month, each in the month's first 7 days, gives
**     NULL too: those are months, quarters or a year keyed by their
**     first day (pandas' to_sql of a datetime, FRED's observation_date)
**     or first business day (pandas' 'BMS' and 'BQS': 2 January, 3
**     April), and read as days the Jan..Jun months ran at 365/152 of
**     their sum where they are half the year.  Label them with
**     period_rollup(d, 'month').  A day of the year so far with a row
**     without a figure (NULL, '-') is a day not known, not one without
**     sales: NULL, as a month row without a figure leaves its
**     year-to-date incomplete.
**  5. Whatever the method cannot compute (incomplete year-to-date, too
**     short a history) gives NULL, never a made-up number or Inf; the
**     virtual table reports why in its note column.
**  6. xInverse removes a row exactly, so sliding frames work; the rows
**     live in the growth family's point deque (core/deque.c), as in
**     yoy_growth and sparkline.
**  7. One series only: auto ranks methods by that series' own errors (no
**     pool of other series, which the virtual table has), so for a series
**     with fewer than 3 years of errors auto is the median of the methods
**     here while the virtual table may already rank them.  Fixed methods
**     give the virtual table's numbers exactly.
**  8. Worst case per call (INNOCUOUS: a view of a hostile database may
**     call it): O(rows) to lay out the frame (sorted in the deque, then
**     the grid) and O(periods) for linear's line and avg_share's
**     look-back, plus for holt_winters at most 16 fits and for auto at
**     most 24 fits (projection_core.c item 7), each of at most 8 years
**     and a bounded number of evaluations (holt_winters.c) -- never a
**     refit of the whole history.  A window over n rows is O(n) per row.
*/
#include "projection/projection.h"
#include "glue/glue.h"
#include "core/deque.h"
#include "families.h"

#include <math.h>

#define FUNC "annual_projection"

/* ---- scalars ---------------------------------------------------------- */

#define RUN_RATE "annual_run_rate"

/* ytd * P / k, P the periods (days) in the year and k those through p:
** the table's run_rate, so the scalar and the aggregate give its doubles.
** ytd / period_year_fraction(p) rounded twice, k / P first: 3 through
** May was 7.199999999999999 for 36 / 5 = 7.2.  A product beyond the
** doubles (1e308 through December) is divided first. */
static double run_rate(double ytd, const ts_period *p) {
  double per_year = (double)ts_periods_in_year(p), k = (double)ts_period_position(p);
  double scaled = ytd * per_year;
  return isfinite(scaled) ? scaled / k : ytd / k * per_year;
}

/* Contract item 1. */
static void run_rate_scalar(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_number ytd;
  ts_period through;
  (void)argc;
  ts_number_status st = ts_arg_number(ctx, RUN_RATE, 1, argv[0], &ytd);
  if (st == TS_NUMBER_NOT_NUMBER) return;
  int rc = ts_arg_period(ctx, RUN_RATE, 2, argv[1], &through);
  if (rc == 2) return;
  if (st == TS_NUMBER_NULL || rc == 1) {
    sqlite3_result_null(ctx);
    return;
  }
  ts_result_double(ctx, run_rate(ytd.d, &through));
}

/* Contract item 1b: never a value, whatever the arguments. */
static void projection_two_args(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  ts_result_error(ctx, FUNC,
                  "missing the method argument (argument 3): write annual_projection(value, "
                  "period, 'run_rate') over rows, or " RUN_RATE
                  "(ytd, through) for one year-to-date figure");
}

/* ---- aggregate / window ---------------------------------------------- */

typedef struct projection_state {
  ts_proj_method method; /* the last row's (its own checks) */
  /* rows held per method (contract item 3): one method may have rows */
  sqlite3_int64 method_rows[TS_PROJ_AUTO + 1];
  ts_deque series; /* the growth family's point deque: rows summed by
                        period, removed by xInverse, sorted when read */
  /* the periods of rows with a NULL value (each counted as 0), so
  ** xInverse removes them too: one deque per period kind, indexed by
  ** kind, since the figures' kind is known only at the end (a NULL row
  ** of another kind read first must not hide the figures' own) */
  ts_deque no_figure[TS_KIND_DAY + 1];
} projection_state;

/* Reads one row.  Returns 0 when the row counts, 1 to skip it, 2 after an
** error was set on ctx, 3 for a row without a figure whose period reads
** (into *period). */
static int read_row(sqlite3_context *ctx, projection_state *s, sqlite3_value **argv,
                    ts_number *value, ts_period *period) {
  const char *zMethod = (const char *)sqlite3_value_text(argv[2]);
  if (zMethod == NULL && sqlite3_value_type(argv[2]) != SQLITE_NULL) {
    sqlite3_result_error_nomem(ctx);
    return 2;
  }
  if (ts_proj_method_from_name(zMethod, &s->method)) {
    char *zRepr = ts_value_repr(argv[2]);
    if (zRepr) {
      ts_result_error(ctx, FUNC, "argument 3 is not a method: %s (expected %s)", zRepr,
                      ts_proj_method_list);
    } else {
      sqlite3_result_error_nomem(ctx);
    }
    sqlite3_free(zRepr);
    return 2;
  }
  ts_number_status st = ts_arg_number(ctx, FUNC, 1, argv[0], value);
  if (st == TS_NUMBER_NOT_NUMBER) return 2;
  if (st == TS_NUMBER_NULL) {
    /* No figure: only a period that reads counts (contract item 2). */
    char *zErr = NULL;
    int bad = ts_value_period(argv[1], period, &zErr);
    sqlite3_free(zErr);
    return bad ? 1 : 3;
  }
  int rc = ts_arg_period(ctx, FUNC, 2, argv[1], period);
  if (rc == 2) return 2;
  if (rc == 1) return 1;
  if (s->series.kind != TS_KIND_NONE && period->kind != s->series.kind) {
    char a[TS_PERIOD_LABEL_MAX], b[TS_PERIOD_LABEL_MAX];
    ts_period_format(&s->series.first_seen, a);
    ts_period_format(period, b);
    ts_result_error(ctx, FUNC, "series mixes period kinds: '%s' and '%s'", a, b);
    return 2;
  }
  if (period->kind == TS_KIND_DAY && s->method != TS_PROJ_RUN_RATE) {
    char b[TS_PERIOD_LABEL_MAX];
    ts_period_format(period, b);
    ts_result_error(ctx, FUNC, "method '%s' needs year, half, quarter or month periods: '%s'",
                    ts_proj_method_name(s->method), b);
    return 2;
  }
  return 0;
}

static void projection_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  projection_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  ts_number value;
  ts_period period;
  (void)argc;
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  int r = read_row(ctx, s, argv, &value, &period);
  if (r != 2) s->method_rows[s->method]++;
  if (r == 3) {
    static const ts_number zero = {1, 0, 0.0};
    /* each kind apart: only the figures' kind is read (contract item 2) */
    if (ts_deque_add(&s->no_figure[period.kind], &period, &zero) == TS_DEQUE_NOMEM)
      sqlite3_result_error_nomem(ctx);
    return;
  }
  if (r != 0) return;
  ts_deque_status st = ts_deque_add(&s->series, &period, &value);
  if (st == TS_DEQUE_NOMEM)
    sqlite3_result_error_nomem(ctx);
  else if (st != TS_DEQUE_OK)
    ts_result_error(ctx, FUNC, "too many periods");
}

static void projection_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  projection_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  ts_number value;
  ts_period period;
  (void)argc;
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  int r = read_row(ctx, s, argv, &value, &period);
  if (r != 2) s->method_rows[s->method]--;
  if (r == 3) {
    static const ts_number zero = {1, 0, 0.0};
    ts_deque_remove(&s->no_figure[period.kind], &period, &zero);
  } else if (r == 0) {
    ts_deque_remove(&s->series, &period, &value);
  }
}

/* Index of the latest point a row is left in (removal from the middle of
** an unordered window leaves empty points behind), or -1. */
static int latest_point(const ts_point *a, int n) {
  while (n > 0 && a[n - 1].sum[0].count <= 0) n--;
  return n - 1;
}

/* Whether a day from lo to last_ordinal (day ordinals) has a row without
** a figure: nf holds those rows' days; a point xInverse emptied counts
** no row. */
static int day_without_figure(const ts_deque *nf, int64_t lo, int64_t last_ordinal) {
  const ts_point *b = ts_deque_points(nf);
  for (int i = 0; i < nf->count; i++)
    if (b[i].sum[0].count > 0 && b[i].ordinal >= lo && b[i].ordinal <= last_ordinal) return 1;
  return 0;
}

/* Days: run rate of the days present in the latest day's year, when
** that year's rows begin in its first DAYS_START_GRACE days (contract
** item 4b) and none of its days so far has a row without a figure (a day
** not known, not a day without sales: nf, sorted); else NULL. */
#define DAYS_START_GRACE 7
static void result_day_run_rate(sqlite3_context *ctx, const ts_point *a, int latest,
                                const ts_deque *nf) {
  ts_period last, first;
  ts_sum ytd;
  ts_sum_init(&ytd);
  ts_period_from_ordinal(TS_KIND_DAY, a[latest].ordinal, &last);
  first = last;
  /* every month with a figure has it on one day, in its first week: the
  ** first day, or the first business day after a weekend or a holiday */
  int month_starts = 1, month = 0;
  for (int i = latest; i >= 0; i--) {
    ts_period p;
    ts_period_from_ordinal(TS_KIND_DAY, a[i].ordinal, &p);
    if (p.year != last.year) break;
    if (a[i].sum[0].count <= 0) continue; /* a row xInverse removed */
    ts_sum_merge(&ytd, &a[i].sum[0]);
    first = p;
    month_starts &= p.day <= DAYS_START_GRACE && p.sub != month;
    month = p.sub;
  }
  /* days without a figure before the year's first figure: a series not
  ** started yet, as NULL rows before the first figure are everywhere */
  if (first.sub != 1 || first.day > DAYS_START_GRACE || month_starts ||
      day_without_figure(nf, ts_period_ordinal(&first), a[latest].ordinal)) {
    /* the year-to-date does not start in January, or the rows are months,
    ** quarters or years keyed by their first (business) day (item 4b) */
    sqlite3_result_null(ctx);
    return;
  }
  ts_result_double(ctx, run_rate(ts_sum_double(&ytd), &last));
}

/* Contract item 3: the one method the rows held name, in *m; 1 after
** setting the error when they name two. */
static int group_method(sqlite3_context *ctx, const projection_state *s, ts_proj_method *m) {
  int found = -1;
  for (int i = TS_PROJ_RUN_RATE; i <= TS_PROJ_AUTO; i++) {
    if (s->method_rows[i] <= 0) continue;
    if (found >= 0) {
      ts_result_error(ctx, FUNC,
                      "argument 3 differs between rows: '%s' and '%s' (one method per group or"
                      " window frame)",
                      ts_proj_method_name((ts_proj_method)found),
                      ts_proj_method_name((ts_proj_method)i));
      return 1;
    }
    found = i;
  }
  *m = found >= 0 ? (ts_proj_method)found : s->method;
  return 0;
}

static void projection_result(sqlite3_context *ctx, projection_state *s) {
  ts_proj_method method;
  if (s == NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  if (group_method(ctx, s, &method)) return;
  ts_deque_sort(&s->series);
  const ts_point *a = ts_deque_points(&s->series);
  int n = s->series.count, latest = latest_point(a, n);
  if (latest < 0) {
    sqlite3_result_null(ctx);
    return;
  }
  ts_period_kind kind = s->series.kind;
  ts_deque *nf = &s->no_figure[kind];
  if (nf->count > 0) {
    /* the latest period has rows but no figure (contract item 2) */
    ts_deque_sort(nf);
    int k = latest_point(ts_deque_points(nf), nf->count);
    if (k >= 0 && ts_deque_points(nf)[k].ordinal > a[latest].ordinal) {
      sqlite3_result_null(ctx);
      return;
    }
  }
  if (kind == TS_KIND_DAY) {
    ts_deque_sort(nf);
    result_day_run_rate(ctx, a, latest, nf);
    return;
  }
  ts_proj_grid g;
  ts_proj_estimate est;
  ts_period last;
  int rc = ts_proj_grid_build(kind, a, latest + 1, 0, &g);
  if (rc == SQLITE_OK) {
    ts_period_from_ordinal(kind, a[latest].ordinal, &last);
    rc = ts_projection_estimate(&g, g.n_years - 1, last.sub, method, 0, &est);
    ts_proj_grid_free(&g);
  }
  if (rc != SQLITE_OK)
    sqlite3_result_error_code(ctx, rc);
  else if (!est.ok)
    sqlite3_result_null(ctx);
  else
    ts_result_double(ctx, est.projection);
}

static void projection_value(sqlite3_context *ctx) {
  projection_result(ctx, sqlite3_aggregate_context(ctx, 0));
}

static void projection_final(sqlite3_context *ctx) {
  projection_state *s = sqlite3_aggregate_context(ctx, 0);
  projection_result(ctx, s);
  if (s) {
    ts_deque_free(&s->series);
    for (int kind = 0; kind <= TS_KIND_DAY; kind++) ts_deque_free(&s->no_figure[kind]);
  }
}

int ts_projection_register(sqlite3 *db) {
  static const ts_function_def defs[] = {
      {RUN_RATE, 2, TS_PURE, run_rate_scalar, 0, 0, 0, 0, 0},
      {FUNC, 2, TS_PURE, projection_two_args, 0, 0, 0, 0, 0},
      {FUNC, 3, TS_PURE_AGG, 0, projection_step, projection_final, projection_value,
       projection_inverse, 0},
  };
  return ts_register_functions(db, defs, (int)(sizeof(defs) / sizeof(defs[0])));
}
