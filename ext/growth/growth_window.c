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
**     kept in that order (the log), and the front point, after REAL rows
**     left it, is summed again from its rows when read -- unless its rows
**     are certified: every partial sum and every rounding error of any
**     order of their additions and removals is exact (the bound below),
**     so the running sum and a fresh one both hold the exact total and
**     round it alike.  A point with an INTEGER part too is summed again
**     (the split of the REAL part then matters).
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

#include <limits.h>
#include <math.h>
#include <string.h>

typedef enum growth_measure { MEASURE_YOY, MEASURE_YTD } growth_measure;

/* The aggregate context: the points with figures, and the rows without
** one (contract item 1): how many are in the group or frame and the
** latest of their periods.  Windows add rows in period order and drop
** them from the front, so the latest NULL row stays in the frame until
** the last one leaves; NULL rows out of period order (a window ordered
** by something else) could not be followed so, and are the ordering
** error of contract item 4, as rows with figures are. */
/* A REAL row of the frame, in the log of contract item 8. */
typedef struct real_row {
  int64_t ordinal;
  double v;
} real_row;

/* The REAL rows of the frame in the order they entered, and what is known
** of the front point after REAL rows left it. */
typedef struct real_log {
  real_row *rows; /* live rows are rows[head .. head+count) */
  int head, count, capacity;
  int off;               /* not kept: a series out of period order, or a
                            removal that is not the front row */
  int front_valid;       /* front_* describe the point of this ordinal */
  int64_t front_ordinal; /* ... the front point, which REAL rows left */
  int front_stale;       /* a REAL row left it since it was summed again */
  int front_certified;   /* its rows' sums are exact in any order */
  /* The rows the certificate covers: those in the point when it was
  ** last summed afresh (or first left), and every REAL row since. */
  int64_t front_n;
  double front_mag;
  int front_low;
} real_log;

/* One month of contract item 9's compact series. */
typedef struct month_figure {
  int64_t ordinal, v;
} month_figure;

typedef struct growth_state {
  ts_deque d;
  real_log log;
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

/* ---- the REAL rows of the frame (contract item 8) ------------------- */

/* x is a multiple of 2^lowbit(x) (x != 0). */
static int lowbit(double x) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof(bits));
  int e = (int)((bits >> 52) & 0x7ff);
  uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
  if (e == 0) return -1074 + __builtin_ctzll(m); /* subnormal (m != 0) */
  return e - 1075 + __builtin_ctzll(m | (UINT64_C(1) << 52));
}

/* The certificate: n rows of magnitudes summing to at most mag, each a
** multiple of 2^low, added and removed in any order (2n operations).
** Every partial sum is a multiple of 2^low below 2*mag; every rounding
** error is a multiple of 2^low below 2*mag*2^-53, so the compensation
** (at most 2n of them) stays exact while 2n*2*mag*2^-53 < 2^(low+53).
** Then the compensated pair holds the exact total in every order. */
static int certified(int64_t n, double mag, int low) {
  if (n == 0 || mag == 0) return 1;
  if (!(mag < 0x1p1000)) return 0;
  int en = 64 - __builtin_clzll((uint64_t)(2 * n)); /* 2n < 2^en */
  int em = ilogb(2 * mag) + 1;                      /* 2*mag < 2^em */
  return en + em - low <= 104;                      /* two bits to spare */
}

static void log_free(real_log *l) {
  sqlite3_free(l->rows);
  memset(l, 0, sizeof(*l));
}

/* Appends a REAL row; 1 when out of memory. */
static int log_push(real_log *l, int64_t ordinal, double v) {
  if (l->off) return 0;
  if (l->head + l->count == l->capacity) {
    if (l->head > 0 && l->head >= l->count) {
      memmove(l->rows, l->rows + l->head, (size_t)l->count * sizeof(real_row));
      l->head = 0;
    } else {
      if (l->capacity > INT_MAX / 4) {
        log_free(l);
        l->off = 1;
        return 0;
      }
      int capacity = l->capacity ? l->capacity * 2 : 16;
      real_row *rows = sqlite3_realloc64(l->rows, (sqlite3_uint64)capacity * sizeof(real_row));
      if (rows == NULL) return 1;
      l->rows = rows;
      l->capacity = capacity;
    }
  }
  l->rows[l->head + l->count].ordinal = ordinal;
  l->rows[l->head + l->count].v = v;
  l->count++;
  return 0;
}

/* One more REAL row the front point's certificate covers. */
static void front_cover(real_log *l, double v) {
  l->front_n++;
  l->front_mag += fabs(v);
  if (v != 0 && lowbit(v) < l->front_low) l->front_low = lowbit(v);
  l->front_certified = certified(l->front_n, l->front_mag, l->front_low);
}

/* The front point's certificate anew: over its REAL rows in the log, and
** the row that has just left it (extra, when have_extra). */
static void front_measure(real_log *l, int64_t ordinal, int have_extra, double extra) {
  l->front_n = 0;
  l->front_mag = 0;
  l->front_low = INT_MAX;
  if (have_extra) front_cover(l, extra);
  for (int i = l->head; i < l->head + l->count && l->rows[i].ordinal == ordinal; i++)
    front_cover(l, l->rows[i].v);
  l->front_certified = certified(l->front_n, l->front_mag, l->front_low);
}

/* The point before the latest is complete (a row opened a later one).
** When all its rows are REAL and certified, nothing a later replay could
** need is in its rows: they are replaced by one mark (a NaN), so a
** window that never drops rows keeps one entry per period, not per row. */
static void log_complete(growth_state *g) {
  real_log *l = &g->log;
  const ts_point *prev = ts_deque_points(&g->d) + g->d.count - 2;
  if (l->off || l->count == 0 || prev->sum[0].n_real <= 0 ||
      prev->sum[0].n_real != prev->sum[0].count ||
      (l->front_valid && l->front_ordinal == prev->ordinal))
    return; /* INTEGER rows beside them, or REAL rows already left it */
  int end = l->head + l->count, first = end;
  int64_t n = 0;
  double mag = 0;
  int low = INT_MAX;
  while (first > l->head && l->rows[first - 1].ordinal == prev->ordinal) {
    double v = l->rows[--first].v;
    n++;
    mag += fabs(v);
    if (v != 0 && lowbit(v) < low) low = lowbit(v);
  }
  if (n == 0 || !certified(n, mag, low)) return;
  l->rows[first].v = NAN;
  l->count -= (int)(end - first - 1);
}

/* A REAL row left the frame (its point already updated). */
static void log_pop(growth_state *g, int64_t ordinal, double v) {
  real_log *l = &g->log;
  if (l->off) return;
  /* Marks of points gone before this one. */
  while (l->count > 0 && l->rows[l->head].ordinal < ordinal && isnan(l->rows[l->head].v)) {
    l->head++;
    l->count--;
  }
  /* A complete point whose rows were certified (its mark): no replay. */
  if (l->count > 0 && l->rows[l->head].ordinal == ordinal && isnan(l->rows[l->head].v)) return;
  if (l->count == 0 || l->rows[l->head].ordinal != ordinal ||
      memcmp(&l->rows[l->head].v, &v, sizeof(v)) != 0) {
    log_free(l); /* not the order rows entered: a window out of order */
    l->off = 1;
    return;
  }
  l->head++;
  if (--l->count == 0) l->head = 0;
  const ts_deque *d = &g->d;
  if (d->count == 0) return;
  const ts_point *front = ts_deque_points(d);
  if (front->ordinal != ordinal || front->sum[0].n_real <= 0) return;
  if (!l->front_valid || l->front_ordinal != ordinal) {
    l->front_valid = 1;
    l->front_ordinal = ordinal;
    front_measure(l, ordinal, 1, v);
  }
  l->front_stale = 1;
}

/* Before a result: the front point summed again from its rows when the
** running sum may differ from a fresh one (contract item 8). */
static void settle_front(growth_state *g) {
  real_log *l = &g->log;
  if (!l->front_stale || l->off || g->d.count == 0 || g->d.unsorted) return;
  const ts_point *front = ts_deque_points(&g->d);
  if (front->ordinal != l->front_ordinal || front->sum[0].n_real <= 0) {
    l->front_stale = 0;
    return;
  }
  if (l->front_certified && ts_i128_eq(front->sum[0].exact, ts_i128_from_i64(0))) return;
  ts_sum fresh;
  ts_sum_init(&fresh);
  for (int i = l->head; i < l->head + l->count && l->rows[i].ordinal == l->front_ordinal; i++) {
    ts_number v = {0, 0, l->rows[i].v};
    ts_sum_add(&fresh, &v);
  }
  ts_deque_set_real(&g->d, 0, &fresh);
  l->front_stale = 0;
  front_measure(l, l->front_ordinal, 0, 0);
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

/* Adds a row that counts (read_row returned 1) to the group or frame;
** ordinal = ts_period_ordinal(period). */
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
  if (g->log.count > 0 && g->d.count > before && g->d.count >= 2 && !g->d.unsorted) log_complete(g);
  if (!value->is_int) {
    /* A row joins the part-drained front point (a frame shorter than its
    ** period): the certificate covers it too, or the point is summed
    ** again. */
    if (g->log.front_valid && ordinal == g->log.front_ordinal) {
      front_cover(&g->log, value->d);
      g->log.front_stale = 1;
    }
    if (g->d.unsorted && !g->log.off) {
      log_free(&g->log); /* an aggregate's rows in any order: never removed */
      g->log.off = 1;
    }
    if (log_push(&g->log, ordinal, value->d)) sqlite3_result_error_nomem(ctx);
  }
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

/* A point of one INTEGER row as the deque reads it (point_double). */
static double figure_double(int64_t v) {
  if (v >= -(INT64_C(1) << 53) && v <= (INT64_C(1) << 53)) return (double)v;
  ts_sum sum;
  ts_number n;
  ts_sum_init(&sum);
  ts_number_from_int(v, &n);
  ts_sum_add(&sum, &n);
  return ts_sum_double(&sum);
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
  return !ts_growth(figure_double(a[i].v), figure_double(a[j].v), out);
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
    if (!value.is_int) log_pop(g, ts_period_ordinal(&period), value.d);
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
  settle_front(g);
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
    log_free(&g->log);
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
    settle_front(g);
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
