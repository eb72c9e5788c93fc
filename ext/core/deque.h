/*
** core/deque.h -- the in-memory series shared by every aggregate and
** window that collects (period, value) rows: yoy_growth, ytd_growth
** (growth/), annual_projection (projection/) and sparkline (sparkline/).
**
** ts_deque is a deque of ts_point kept sorted by
** period ordinal while rows arrive in order (the window case), merged
** lazily when they do not (the GROUP BY case).  It is plain C over plain
** values, so it is unit-tested without SQL.
*/
#ifndef TS_CORE_DEQUE_H
#define TS_CORE_DEQUE_H

#include "core/series.h"

typedef enum ts_deque_status {
  TS_DEQUE_OK = 0,
  TS_DEQUE_NOMEM,       /* out of memory: SQLITE_NOMEM */
  TS_DEQUE_MIXED_KINDS, /* the period's kind differs from first_seen's */
  TS_DEQUE_TOOBIG       /* more points than an int can index */
} ts_deque_status;

typedef struct ts_deque {
  ts_period_kind kind;  /* TS_KIND_NONE until the first row */
  ts_period first_seen; /* first period added: quoted by mixed kinds */
  ts_point *points;     /* live points are points[head .. head+count) */
  int head, count, capacity;
  int has_last;            /* a row has been added */
  int64_t last_ordinal;    /* ordinal of the latest row added */
  int unsorted;            /* some row arrived before an earlier one */
  int64_t disorder_before; /* first disorder: this ordinal ... */
  int64_t disorder_after;  /* ... arrived after this one */
  /* Running year-to-date sums for ts_deque_latest (window xValue), over
  ** the live points: add and remove keep their indices true and drop a
  ** sum (valid = 0) when a point it holds changes. */
  ts_growth_cursor cursor;
} ts_deque;

/* A zeroed ts_deque is an empty one; ts_deque_init just zeroes it. */
void ts_deque_init(ts_deque *s);
void ts_deque_free(ts_deque *s);
/* Adds value v of period p to slot 0 of its point.  O(1) amortized when
** rows arrive in period order. */
ts_deque_status ts_deque_add(ts_deque *s, const ts_period *p, const ts_number *v);
/* The same, given ordinal = ts_period_ordinal(p) (a reader that has it). */
ts_deque_status ts_deque_add_at(ts_deque *s, const ts_period *p, int64_t ordinal,
                                const ts_number *v);
/* Removes a row added earlier (window xInverse): subtracts it from its
** point and drops leading points that no row is left in. */
void ts_deque_remove(ts_deque *s, const ts_period *p, const ts_number *v);
/* Sorts the points by ordinal and merges same-period points, so the
** series can be handed to ts_growth_at().  O(n log n). */
void ts_deque_sort(ts_deque *s);
/* The growth row of the latest point of a sorted, non-empty series, to
** the bit what ts_growth_at gives: with_ytd = 0 fills only the growth half
** (ts_growth_yoy); 1 every field, from the running sums: O(1) amortized
** per call while rows arrive in order and leave from the front. */
void ts_deque_latest(ts_deque *s, int with_ytd, ts_growth_row *out);
/* The yoy growth of the latest point of a sorted, non-empty series into
** *out: 1 when defined, else 0 (*out untouched).  Exactly the growth and
** growth_ok of ts_deque_latest(s, 0, ...), without the rest of the row:
** the window's per-row xValue. */
int ts_deque_latest_growth(const ts_deque *s, double *out);
/* Replaces the REAL part of live point j's value (its compensated sum and
** big part) with that of `fresh`, a sum of the same REAL rows added anew
** (a window that replays a point after rows left it): the integer part,
** the counts and the flags stay.  Running year-to-date sums that hold the
** point are dropped. */
void ts_deque_set_real(ts_deque *s, int j, const ts_sum *fresh);
/* The live points (sorted when !s->unsorted or after ts_deque_sort). */
static inline const ts_point *ts_deque_points(const ts_deque *s) {
  return s->points ? s->points + s->head : NULL;
}

#endif /* TS_CORE_DEQUE_H */
