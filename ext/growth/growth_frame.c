/*
** growth/growth_frame.c -- the log of a window frame's REAL rows, kept so
** that yoy_growth's and ytd_growth's window sums are the aggregate's over
** the frame's rows to the bit (growth_window.c, contract item 8): the
** rows in the order they entered, the certificate that a point's sums are
** exact in any order, and the front point summed again from its rows when
** they are not.  growth_frame.h says what the log holds.
*/
#include "growth/growth_frame.h"
#include "core/alloc.h"

#include <limits.h>
#include <math.h>
#include <string.h>

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

void ts_frame_log_free(ts_frame_log *l) {
  sqlite3_free(l->rows);
  memset(l, 0, sizeof(*l));
}

/* Appends a REAL row; 1 when out of memory. */
static int log_push(ts_frame_log *l, int64_t ordinal, double v) {
  if (l->off) return 0;
  if (l->head + l->count == l->capacity) {
    if (l->head > 0 && l->head >= l->count) {
      memmove(l->rows, l->rows + l->head, (size_t)l->count * sizeof(ts_frame_row));
      l->head = 0;
    } else {
      if (l->capacity > INT_MAX / 4) {
        ts_frame_log_free(l);
        l->off = 1;
        return 0;
      }
      int capacity = l->capacity ? l->capacity * 2 : 16;
      ts_frame_row *rows =
          sqlite3_realloc64(l->rows, (sqlite3_uint64)capacity * sizeof(ts_frame_row));
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
static void front_cover(ts_frame_log *l, double v) {
  l->front_n++;
  l->front_mag += fabs(v);
  if (v != 0 && lowbit(v) < l->front_low) l->front_low = lowbit(v);
  l->front_certified = certified(l->front_n, l->front_mag, l->front_low);
}

/* The front point's certificate anew: over its REAL rows in the log, and
** the row that has just left it (extra, when have_extra). */
static void front_measure(ts_frame_log *l, int64_t ordinal, int have_extra, double extra) {
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
void ts_frame_log_complete(ts_frame_log *l, const ts_deque *d) {
  const ts_point *prev = ts_deque_points(d) + d->count - 2;
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

int ts_frame_log_add(ts_frame_log *l, const ts_deque *d, int64_t ordinal, double v) {
  /* A row joins the part-drained front point (a frame shorter than its
  ** period): the certificate covers it too, or the point is summed
  ** again. */
  if (l->front_valid && ordinal == l->front_ordinal) {
    front_cover(l, v);
    l->front_stale = 1;
  }
  if (d->unsorted && !l->off) {
    ts_frame_log_free(l); /* an aggregate's rows in any order: never removed */
    l->off = 1;
  }
  return log_push(l, ordinal, v);
}

void ts_frame_log_remove(ts_frame_log *l, const ts_deque *d, int64_t ordinal, double v) {
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
    ts_frame_log_free(l); /* not the order rows entered: a window out of order */
    l->off = 1;
    return;
  }
  l->head++;
  if (--l->count == 0) l->head = 0;
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

void ts_frame_log_settle(ts_frame_log *l, ts_deque *d) {
  if (!l->front_stale || l->off || d->count == 0 || d->unsorted) return;
  const ts_point *front = ts_deque_points(d);
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
  ts_deque_set_real(d, 0, &fresh);
  l->front_stale = 0;
  front_measure(l, l->front_ordinal, 0, 0);
}
