/*
** growth/growth_window.c -- yoy_growth(value, period) and ytd_growth(value,
** period), each both an aggregate and a window function, over the one
** growth engine (core/growth_engine.c).
**
** Contract:
**  1. Rows whose value or period is NULL are skipped (like sum()); when
**     no row remains the result is NULL.  But a row with a NULL value
**     still has a period: when the latest period among the rows (of the
**     group, or of the frame) has no figure -- KOSIS's `-` for a quarter
**     not yet published, `x` for a confidential one -- the result is
**     NULL, never the growth of the period before it, which the row
**     labelled with that period showed as its own.  The period of a
**     NULL-valued row that is not a period, or of another kind than the
**     figures', is ignored, as before (no error for a row that carries
**     no figure).  A value that is not a number or
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
**  8. A window's sums are those of the aggregate over the frame's rows,
**     to the bit, however rows entered and left: removing a REAL row from
**     a compensated sum is not the sum never having held it (after
**     -1e308, 1e307, 1e307 leave, 1.0 was lost in the compensation).
**     Rows leave from the front in the order they entered, so only the
**     front point is ever part-drained; the REAL rows of the frame are
**     kept in that order (the log, growth_frame.c), and the front point,
**     after REAL rows left it, is summed again from its rows when read --
**     unless its rows are certified: every partial sum and every
**     rounding error of any order of their additions and removals is
**     exact (the bound in growth_frame.c), so the running sum and a fresh
**     one both hold the exact total and round it alike.  A point with an
**     INTEGER part too is summed again (the split of the REAL part then
**     matters).
**  9. The window's common series -- yoy_growth over INTEGER figures, one
**     row a canonical 'YYYY-MM' month, months ascending -- is kept as
**     (ordinal, figure) pairs, 16 bytes a month, until any other row,
**     call or state arrives; then the pairs are added to the deque in
**     their order, as they would have been, and the general path goes on.
**     Its result is the deque's (ts_deque_latest_growth), to the bit.
*/
#include "glue/glue.h"
#include "core/deque.h"
#include "families.h"
#include "growth/growth_frame.h"

#include <limits.h>

typedef enum growth_measure { MEASURE_YOY, MEASURE_YTD } growth_measure;

/* One month of contract item 9's compact series. */
typedef struct month_figure {
  int64_t ordinal, v;
} month_figure;

/* The aggregate context: the points with figures, and the rows without
** one (contract item 1): how many are in the group or frame and the
** latest of their periods.  Windows add rows in period order and drop
** them from the front, so the latest NULL row stays in the frame until
** the last one leaves; NULL rows out of period order (a window ordered
** by something else) could not be followed so, and are the ordering
** error of contract item 4, as rows with figures are. */
typedef struct growth_state {
  ts_deque d;
  ts_frame_log log; /* the frame's REAL rows (contract item 8) */
  /* Contract item 9: while !compact_off, the rows are these and d is
  ** empty. */
  month_figure *compact;
  int n_compact, compact_capacity, compact_off;
  /* Per period kind: NULL-valued rows with such a period in the frame,
  ** and the latest of their ordinals. */
  sqlite3_int64 nNull[TS_KIND_DAY + 1];
  int64_t maxNull[TS_KIND_DAY + 1];
  /* Per period kind: the first pair of NULL rows out of order.  Only
  ** the figures' kind counts (null_disorder): NULL rows of another kind
  ** are ignored (contract item 1), their order too. */
  unsigned char disordered[TS_KIND_DAY + 1];
  int64_t disorder_before[TS_KIND_DAY + 1], disorder_after[TS_KIND_DAY + 1];
} growth_state;

/* One set of callbacks for both names; the measure is the function's
** user data (registered below). */
static growth_measure measure_of(sqlite3_context *ctx) {
  return (growth_measure)(intptr_t)sqlite3_user_data(ctx);
}

static const char *measure_name(growth_measure m) {
  return m == MEASURE_YOY ? "yoy_growth" : "ytd_growth";
}

/* Reads one row; returns 1 when the row counts, 0 when it is skipped or
** an error was set (then *failed = 1).  *no_figure = 1 for a row whose
** value is NULL and whose period reads (into *period), without error. */
static int read_row(sqlite3_context *ctx, growth_measure m, sqlite3_value **argv, ts_number *value,
                    ts_period *period, int *failed, int *no_figure) {
  const char *zFunc = measure_name(m);
  *failed = 0;
  *no_figure = 0;
  ts_number_status st = ts_arg_number(ctx, zFunc, 1, argv[0], value);
  if (st == TS_NUMBER_NOT_NUMBER) *failed = 1;
  if (st == TS_NUMBER_NULL) {
    char *zErr = NULL;
    *no_figure = ts_value_period(argv[1], period, &zErr) == 0;
    sqlite3_free(zErr);
  }
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

/* A NULL-valued row of period p enters (add = 1) or leaves the frame. */
static void count_no_figure(growth_state *g, const ts_period *p, int add) {
  int k = p->kind;
  if (!add) {
    if (g->nNull[k] > 0) g->nNull[k]--;
    return;
  }
  int64_t ord = ts_period_ordinal(p);
  if (g->nNull[k] > 0 && ord < g->maxNull[k] && !g->disordered[k]) {
    g->disordered[k] = 1;
    g->disorder_before[k] = ord;
    g->disorder_after[k] = g->maxNull[k];
  }
  if (g->nNull[k] == 0 || ord > g->maxNull[k]) g->maxNull[k] = ord;
  g->nNull[k]++;
}

/* The error of a row that ts_deque_add_at could not add (st != OK). */
static void add_failed(sqlite3_context *ctx, ts_deque_status st, const ts_deque *s,
                       const ts_period *period) {
  switch (st) {
    case TS_DEQUE_OK: break;
    case TS_DEQUE_MIXED_KINDS: {
      char first[TS_PERIOD_LABEL_MAX], other[TS_PERIOD_LABEL_MAX];
      ts_period_format(&s->first_seen, first);
      ts_period_format(period, other);
      ts_result_error(ctx, measure_name(measure_of(ctx)),
                      "series mixes period kinds: '%s' and '%s'", first, other);
      break;
    }
    case TS_DEQUE_TOOBIG: sqlite3_result_error_toobig(ctx); break;
    default: sqlite3_result_error_nomem(ctx); break;
  }
}

/* Adds a row that counts (read_row returned 1) to the group or frame;
** ordinal = ts_period_ordinal(period). */
static void add_row(sqlite3_context *ctx, const ts_number *value, const ts_period *period,
                    int64_t ordinal) {
  growth_state *g = sqlite3_aggregate_context(ctx, sizeof(growth_state));
  if (g == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  int before = g->d.count;
  ts_deque_status st = ts_deque_add_at(&g->d, period, ordinal, value);
  if (st != TS_DEQUE_OK) {
    add_failed(ctx, st, &g->d, period);
    return;
  }
  if (g->log.count > 0 && g->d.count > before && g->d.count >= 2 && !g->d.unsorted)
    ts_frame_log_complete(&g->log, &g->d);
  if (!value->is_int && ts_frame_log_add(&g->log, &g->d, ordinal, value->d))
    sqlite3_result_error_nomem(ctx);
}

/* ---- the compact series (contract item 9) --------------------------- */

static void month_of(int64_t ordinal, ts_period *p) {
  p->kind = TS_KIND_MONTH;
  p->year = (int)(ordinal / 12);
  p->sub = (int)(ordinal % 12) + 1;
  p->day = 0;
  p->preliminary = 0;
}

/* Ends the compact series: its months go to the deque, in order. */
static void compact_spill(sqlite3_context *ctx, growth_state *g) {
  if (g == NULL || g->compact_off) return;
  g->compact_off = 1;
  for (int i = 0; i < g->n_compact; i++) {
    ts_period p;
    ts_number v;
    month_of(g->compact[i].ordinal, &p);
    ts_number_from_int(g->compact[i].v, &v);
    ts_deque_status st = ts_deque_add_at(&g->d, &p, g->compact[i].ordinal, &v);
    if (st != TS_DEQUE_OK) {
      add_failed(ctx, st, &g->d, &p);
      break;
    }
  }
  sqlite3_free(g->compact);
  g->compact = NULL;
  g->n_compact = g->compact_capacity = 0;
}

/* Appends a month after the latest; 1 when out of memory. */
static int compact_push(growth_state *g, int64_t ordinal, int64_t v) {
  if (g->n_compact == g->compact_capacity) {
    if (g->compact_capacity > INT_MAX / 4) return 1;
    int capacity = g->compact_capacity ? g->compact_capacity * 2 : 16;
    month_figure *a = sqlite3_realloc64(g->compact, (sqlite3_uint64)capacity * sizeof(*a));
    if (a == NULL) return 1;
    g->compact = a;
    g->compact_capacity = capacity;
  }
  g->compact[g->n_compact].ordinal = ordinal;
  g->compact[g->n_compact].v = v;
  g->n_compact++;
  return 0;
}

/* ts_deque_latest_growth's tests, in its order, over the compact series:
** 1 and *out when the growth of the latest month is defined. */
static int compact_growth(const growth_state *g, double *out) {
  const month_figure *a = g->compact;
  int i = g->n_compact - 1;
  int64_t ord = a[i].ordinal;
  if (ord < 24) return 0; /* year 1; parse_month's years end at 9999 */
  int64_t want = ord - 12;
  int j = -1;
  if (i >= 12 && a[i - 12].ordinal == want) {
    j = i - 12;
  } else {
    int lo = 0, hi = i - 1;
    while (lo <= hi) {
      int mid = lo + (hi - lo) / 2;
      if (a[mid].ordinal < want)
        lo = mid + 1;
      else if (a[mid].ordinal > want)
        hi = mid - 1;
      else {
        j = mid;
        break;
      }
    }
  }
  if (j < 0) return 0;
  return !ts_growth_exact(ts_i128_from_i64(a[i].v), ts_i128_from_i64(a[j].v), out);
}

static void compact_result(sqlite3_context *ctx, const growth_state *g) {
  double growth;
  if (compact_growth(g, &growth))
    ts_result_double(ctx, growth);
  else
    sqlite3_result_null(ctx);
}

static void growth_step(sqlite3_context *ctx, growth_measure m, sqlite3_value **argv) {
  /* Any other row ends the compact series, and keeps it from starting. */
  compact_spill(ctx, sqlite3_aggregate_context(ctx, sizeof(growth_state)));
  ts_number value;
  ts_period period;
  int failed, no_figure;
  /* An INTEGER figure is never NULL nor an error: read_row then reads
  ** just the period, which this does without its bookkeeping (a window
  ** steps once per row). */
  if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
    ts_number_from_int(sqlite3_value_int64(argv[0]), &value);
    if (ts_arg_period(ctx, measure_name(m), 2, argv[1], &period) == 0)
      add_row(ctx, &value, &period, ts_period_ordinal(&period));
    return;
  }
  int counts = read_row(ctx, m, argv, &value, &period, &failed, &no_figure);
  if (counts) {
    add_row(ctx, &value, &period, ts_period_ordinal(&period));
  } else if (no_figure) {
    growth_state *g = sqlite3_aggregate_context(ctx, sizeof(growth_state));
    if (g == NULL)
      sqlite3_result_error_nomem(ctx);
    else
      count_no_figure(g, &period, 1);
  }
}

static void growth_inverse(sqlite3_context *ctx, growth_measure m, sqlite3_value **argv) {
  ts_number value;
  ts_period period;
  int failed, no_figure;
  /* A row leaving the frame was read without error when it entered. */
  int counts = read_row(ctx, m, argv, &value, &period, &failed, &no_figure);
  growth_state *g = sqlite3_aggregate_context(ctx, 0);
  if (g == NULL) return;
  compact_spill(ctx, g);
  if (no_figure)
    count_no_figure(g, &period, 0);
  else if (counts) {
    ts_deque_remove(&g->d, &period, &value);
    if (!value.is_int) ts_frame_log_remove(&g->log, &g->d, ts_period_ordinal(&period), value.d);
  }
}

/* The result for the latest point of a sorted series.  A window asks
** for it once per row: the deque keeps what makes that O(1) amortized. */
static void result_latest(sqlite3_context *ctx, growth_measure m, growth_state *g) {
  ts_deque *s = g ? &g->d : NULL;
  if (s == NULL || s->count == 0) {
    sqlite3_result_null(ctx);
    return;
  }
  ts_frame_log_settle(&g->log, &g->d);
  /* The latest period has rows but no figure (contract item 1). */
  if (g->nNull[s->kind] > 0 && g->maxNull[s->kind] > ts_deque_points(s)[s->count - 1].ordinal) {
    sqlite3_result_null(ctx);
    return;
  }
  if (m == MEASURE_YOY) {
    /* The growth alone, not the whole row: once per row of a window. */
    double growth;
    if (ts_deque_latest_growth(s, &growth))
      ts_result_double(ctx, growth);
    else
      sqlite3_result_null(ctx);
    return;
  }
  ts_growth_row row;
  ts_deque_latest(s, 1, &row);
  if (row.ytd_growth_ok)
    ts_result_double(ctx, row.ytd_growth);
  else
    sqlite3_result_null(ctx);
}

/* The kind whose NULL rows came out of order and count: the figures'
** kind (TS_KIND_NONE: none).  Before the first figure every result is
** NULL whatever the order; a disorder recorded then is raised once a
** figure of its kind arrives, never for another kind's. */
static ts_period_kind null_disorder(const growth_state *g) {
  if (g == NULL || g->d.kind == TS_KIND_NONE) return TS_KIND_NONE;
  return g->disordered[g->d.kind] ? g->d.kind : TS_KIND_NONE;
}

static void growth_value(sqlite3_context *ctx, growth_measure m) {
  growth_state *g = sqlite3_aggregate_context(ctx, 0);
  compact_spill(ctx, g);
  ts_deque *s = g ? &g->d : NULL;
  ts_period_kind nk = null_disorder(g);
  if ((s && s->unsorted) || nk != TS_KIND_NONE) {
    char before[TS_PERIOD_LABEL_MAX], after[TS_PERIOD_LABEL_MAX];
    int rows = s && s->unsorted; /* the rows with figures' disorder first */
    format_ordinal(rows ? s->kind : nk, rows ? s->disorder_before : g->disorder_before[nk], before);
    format_ordinal(rows ? s->kind : nk, rows ? s->disorder_after : g->disorder_after[nk], after);
    ts_result_error(ctx, measure_name(m),
                    "window is not ordered by period ascending: '%s' after '%s'", before, after);
    return;
  }
  result_latest(ctx, m, g);
}

static void growth_final(sqlite3_context *ctx, growth_measure m) {
  growth_state *g = sqlite3_aggregate_context(ctx, 0);
  if (g && !g->compact_off && g->n_compact > 0) {
    compact_result(ctx, g);
    sqlite3_free(g->compact);
    return;
  }
  compact_spill(ctx, g);
  if (g) ts_deque_sort(&g->d);
  result_latest(ctx, m, g);
  if (g) {
    ts_deque_free(&g->d);
    ts_frame_log_free(&g->log);
  }
}

/* A window calls xStep and xValue once per row, so the common row takes
** the shortest way: an INTEGER figure and a canonical 'YYYY-MM' label
** (ts_period_parse_month reads it as ts_period_parse does), and a yoy
** value over a series that is in order and has no NULL-valued rows.
** Any other row or state takes the general path, which decides the same
** for these. */
static void window_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && sqlite3_value_type(argv[1]) == SQLITE_TEXT) {
    const char *z = (const char *)sqlite3_value_text(argv[1]);
    ts_period period;
    int64_t ordinal;
    if (z != NULL &&
        ts_period_parse_month(z, sqlite3_value_bytes(argv[1]), &period, &ordinal) == 0) {
      growth_state *g = sqlite3_aggregate_context(ctx, sizeof(growth_state));
      if (g == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
      }
      if (!g->compact_off && measure_of(ctx) == MEASURE_YOY &&
          (g->n_compact == 0 || ordinal > g->compact[g->n_compact - 1].ordinal)) {
        if (compact_push(g, ordinal, sqlite3_value_int64(argv[0]))) sqlite3_result_error_nomem(ctx);
        return;
      }
      compact_spill(ctx, g);
      ts_number value;
      ts_number_from_int(sqlite3_value_int64(argv[0]), &value);
      add_row(ctx, &value, &period, ordinal);
      return;
    }
  }
  growth_step(ctx, measure_of(ctx), argv);
}

static void window_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  growth_inverse(ctx, measure_of(ctx), argv);
}
static void window_value(sqlite3_context *ctx) {
  growth_state *g = sqlite3_aggregate_context(ctx, 0);
  if (g != NULL && !g->compact_off && g->n_compact > 0) {
    compact_result(ctx, g);
    return;
  }
  if (g != NULL && g->d.count > 0 && !g->d.unsorted && null_disorder(g) == TS_KIND_NONE &&
      g->nNull[g->d.kind] == 0 && measure_of(ctx) == MEASURE_YOY) {
    double growth;
    ts_frame_log_settle(&g->log, &g->d);
    if (ts_deque_latest_growth(&g->d, &growth))
      ts_result_double(ctx, growth);
    else
      sqlite3_result_null(ctx);
    return;
  }
  growth_value(ctx, measure_of(ctx));
}
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
