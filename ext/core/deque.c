/*
** core/deque.c -- the one sorted point container: the growing and
** shrinking series behind every aggregate and window that collects
** (period, value) rows (yoy_growth, ytd_growth, annual_projection,
** sparkline).
**
** Contract:
**  1. A series holds periods of one kind; adding another kind is
**     TS_DEQUE_MIXED_KINDS and leaves the series unchanged.
**  2. Rows of the same period are summed into one point (ts_sum: exact for
**     integers, compensated for REALs).  A row arriving with an earlier
**     period than the row before it marks the series unsorted and records
**     that first pair (the window functions report it as an error; the
**     aggregates sort instead).
**  3. Memory grows with the number of distinct periods, not of rows: an
**     unsorted series is sorted and merged in place before it is grown.
**  4. Removal (window xInverse) subtracts the row from its point and drops
**     the leading points no row is left in, so a sliding frame costs O(1)
**     amortized per row and the deque never grows past the frame.
**  5. Points live in one sqlite3_realloc64'ed block (ts_sum is declared
**     8-byte aligned, which sqlite3_malloc64 guarantees).
**  6. Out of memory is TS_DEQUE_NOMEM, with the series left as it was.
**  7. The running year-to-date sums (ts_deque_latest) are dropped when a
**     point they hold changes (a peer added to the latest point, a row
**     leaving a point of their year) and rebuilt from the year's start,
**     so they always equal a fresh sum in period order, to the bit.
*/
#include "core/deque.h"
#include "core/alloc.h"
#include "core/int128.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

void ts_deque_init(ts_deque *s) { memset(s, 0, sizeof(*s)); }

void ts_deque_free(ts_deque *s) {
  sqlite3_free(s->points);
  ts_deque_init(s);
}

/* Moves the live points to the start of the block. */
static void compact_front(ts_deque *s) {
  if (s->head == 0) return;
  memmove(s->points, s->points + s->head, (size_t)s->count * sizeof(ts_point));
  s->head = 0;
}

/* Ordinal of the first period of `year` at the series' kind. */
static int64_t year_start(ts_period_kind kind, int year) {
  ts_period first = {kind, year, 1, 1, 0};
  return ts_period_ordinal(&first);
}

/* Live point j (of this ordinal) changed its sum: a running sum that
** added it is stale.  Points before the sum's year were never added. */
static void cursor_point_changed(ts_deque *s, int j, int64_t ordinal) {
  ts_year_sum *acc[2] = {&s->cursor.ytd, &s->cursor.prior_ytd};
  for (int k = 0; k < 2; k++) {
    if (acc[k]->valid && j < acc[k]->next && ordinal >= year_start(s->kind, acc[k]->year))
      acc[k]->valid = 0;
  }
}

/* The first `dropped` live points left: indices move down. */
static void cursor_front_dropped(ts_deque *s, int dropped) {
  ts_year_sum *acc[2] = {&s->cursor.ytd, &s->cursor.prior_ytd};
  for (int k = 0; k < 2 && dropped > 0; k++) {
    if (acc[k]->next < dropped)
      acc[k]->valid = 0;
    else
      acc[k]->next -= dropped;
  }
}

/* Sorts the live points and merges the ones of the same period. */
static void sort_and_merge(ts_deque *s) {
  compact_front(s);
  s->count = ts_points_sort_merge(s->points, s->count);
  ts_growth_cursor_init(&s->cursor); /* indices changed */
}

static ts_deque_status grow(ts_deque *s) {
  if (s->capacity > INT_MAX / 4) return TS_DEQUE_TOOBIG;
  int capacity = s->capacity ? s->capacity * 2 : 16;
  compact_front(s);
  ts_point *points = sqlite3_realloc64(s->points, (sqlite3_uint64)capacity * sizeof(ts_point));
  if (points == NULL) return TS_DEQUE_NOMEM;
  s->points = points;
  s->capacity = capacity;
  return TS_DEQUE_OK;
}

/* Makes room for one more point at the end of the live range. */
static ts_deque_status make_room(ts_deque *s) {
  if (s->head + s->count < s->capacity) return TS_DEQUE_OK;
  /* Half the block is free at the front: shifting is amortized O(1). */
  if (s->head > 0 && s->head >= s->count) {
    compact_front(s);
    return TS_DEQUE_OK;
  }
  /* Merging first keeps memory proportional to distinct periods; it pays
  ** for itself when it frees at least half the block. */
  if (s->unsorted) {
    sort_and_merge(s);
    if (s->count <= s->capacity / 2) return TS_DEQUE_OK;
  }
  return grow(s);
}

ts_deque_status ts_deque_add(ts_deque *s, const ts_period *p, const ts_number *v) {
  return ts_deque_add_at(s, p, ts_period_ordinal(p), v);
}

ts_deque_status ts_deque_add_at(ts_deque *s, const ts_period *p, int64_t ordinal,
                                const ts_number *v) {
  /* The window's row: a period after the latest of a sorted series, with
  ** room for it.  Sorted, the latest point is the latest row's period,
  ** so this is the append below with none of its other cases. */
  if (s->count > 0 && !s->unsorted && p->kind == s->kind && ordinal > s->last_ordinal &&
      s->head + s->count < s->capacity) {
    ts_point *point = &s->points[s->head + s->count];
    memset(point, 0, sizeof(*point));
    point->ordinal = ordinal;
    ts_sum_add(&point->sum[0], v);
    s->count++;
    s->last_ordinal = ordinal;
    return TS_DEQUE_OK;
  }
  if (s->kind == TS_KIND_NONE) {
    s->kind = p->kind;
    s->first_seen = *p;
  } else if (p->kind != s->kind) {
    return TS_DEQUE_MIXED_KINDS;
  }
  if (s->count > 0 && s->points[s->head + s->count - 1].ordinal == ordinal) {
    /* A peer: the latest point grows after its xValue may have run. */
    ts_sum_add(&s->points[s->head + s->count - 1].sum[0], v);
    cursor_point_changed(s, s->count - 1, ordinal);
  } else {
    ts_deque_status st = make_room(s);
    if (st != TS_DEQUE_OK) return st;
    ts_point *point = &s->points[s->head + s->count];
    memset(point, 0, sizeof(*point));
    point->ordinal = ordinal;
    ts_sum_add(&point->sum[0], v);
    s->count++;
  }
  if (s->has_last && ordinal < s->last_ordinal && !s->unsorted) {
    s->unsorted = 1;
    s->disorder_before = ordinal;
    s->disorder_after = s->last_ordinal;
  }
  s->has_last = 1;
  s->last_ordinal = ordinal;
  return TS_DEQUE_OK;
}

void ts_deque_remove(ts_deque *s, const ts_period *p, const ts_number *v) {
  if (s->count == 0 || p->kind != s->kind) return;
  int64_t ordinal = ts_period_ordinal(p);
  ts_point *live = s->points + s->head;
  int j = -1;
  if (!s->unsorted) {
    j = ts_point_find(live, s->count, ordinal);
  } else {
    for (int i = 0; i < s->count && j < 0; i++)
      if (live[i].ordinal == ordinal && live[i].sum[0].count > 0) j = i;
  }
  if (j < 0) return;
  ts_sum_remove(&live[j].sum[0], v);
  cursor_point_changed(s, j, ordinal);
  int dropped = 0;
  while (s->count > 0 && s->points[s->head].sum[0].count <= 0) {
    s->head++;
    s->count--;
    dropped++;
  }
  cursor_front_dropped(s, dropped);
  if (s->count == 0) s->head = 0;
}

void ts_deque_set_real(ts_deque *s, int j, const ts_sum *fresh) {
  ts_sum *sum = &s->points[s->head + j].sum[0];
  sum->s = fresh->s;
  sum->c = fresh->c;
  sum->bs = fresh->bs;
  sum->bc = fresh->bc;
  cursor_point_changed(s, j, s->points[s->head + j].ordinal);
}

void ts_deque_latest(ts_deque *s, int with_ytd, ts_growth_row *out) {
  const ts_point *a = ts_deque_points(s);
  if (with_ytd)
    ts_growth_next(&s->cursor, s->kind, a, s->count, 0, s->count - 1, out);
  else
    ts_growth_yoy(s->kind, a, s->count, 0, s->count - 1, out);
}

void ts_deque_sort(ts_deque *s) {
  if (s->unsorted) sort_and_merge(s);
}

/* A point's sum as a double, as the growth engine reads it. */
static double point_double(const ts_sum *sum) {
  if (sum->n_real == 0 && ts_i128_fits_53(sum->exact)) return (double)ts_i128_to_i64(sum->exact);
  return ts_sum_double(sum);
}

int ts_deque_latest_growth(const ts_deque *s, double *out) {
  const ts_point *a = ts_deque_points(s);
  int n = s->count, i = n - 1;
  int per_year = ts_period_steps_per_year(s->kind);
  if (per_year == 0) { /* days: the calendar decides, in the engine */
    ts_growth_row row;
    ts_growth_yoy(s->kind, a, n, 0, i, &row);
    if (row.growth_ok) *out = row.growth;
    return row.growth_ok;
  }
  /* ts_growth_yoy's tests in its order, without the row and its note:
  ** a period of year 1 (or out of range) has no prior year ... */
  int64_t ord = a[i].ordinal;
  if (ord < 2 * (int64_t)per_year || ord > (int64_t)9999 * per_year + (per_year - 1)) return 0;
  /* ... the prior point, where it sits when no period between is
  ** missing, else found by its ordinal ... */
  int64_t want = ord - per_year;
  int64_t guess = (int64_t)i - per_year;
  int j = guess >= 0 && a[guess].ordinal == want ? (int)guess : ts_point_find(a, n, want);
  if (j < 0 || a[j].sum[0].count <= 0) return 0;
  /* ... both complete (the latest's own flag counts only when it has rows). */
  if (a[i].sum[0].count > 0 && a[i].incomplete[0]) return 0;
  if (a[j].incomplete[0]) return 0;
  return !ts_growth_of_sums(&a[i].sum[0], &a[j].sum[0], point_double(&a[i].sum[0]),
                            point_double(&a[j].sum[0]), out);
}
