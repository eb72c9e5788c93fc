/*
** growth_series.c -- the pure core behind the growth family's aggregates
** and window functions: the growing/shrinking series of points, cagr, and
** the years between two periods.
**
** Contract:
**  1. A series holds periods of one kind; adding another kind is
**     TS_SERIES_MIXED_KINDS and leaves the series unchanged.
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
**  5. Points hold __int128 sums, which need 16-byte alignment, but
**     sqlite3_malloc64 only promises 8: the block is over-allocated and
**     the points start at the next 16-byte boundary.
**  6. Out of memory is TS_SERIES_NOMEM, with the series left as it was.
**  7. cagr is NULL (return 1) when first <= 0, last < 0, years <= 0, or
**     the result is not finite; last == 0 is -100 %.
*/
#include "growth_series.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

/* Raw block pointer, stored just before the aligned points. */
typedef struct series_block {
  void *raw;
} series_block;

int ts_cagr(double first, double last, double years, double *out) {
  if (!(first > 0.0) || !(last >= 0.0) || !(years > 0.0)) return 1;
  double g = (pow(last / first, 1.0 / years) - 1.0) * 100.0;
  if (!isfinite(g)) return 1;
  *out = g;
  return 0;
}

double ts_period_years_between(const ts_period *a, const ts_period *b) {
  return (double)(b->year - a->year) +
         (ts_period_year_fraction(b) - ts_period_year_fraction(a));
}

void ts_series_init(ts_series *s) { memset(s, 0, sizeof(*s)); }

static void *raw_of(const ts_series *s) {
  return s->points ? ((const series_block *)s->points)[-1].raw : NULL;
}

void ts_series_free(ts_series *s) {
  sqlite3_free(raw_of(s));
  ts_series_init(s);
}

/* Moves the live points to the start of the block. */
static void compact_front(ts_series *s) {
  if (s->head == 0) return;
  memmove(s->points, s->points + s->head, (size_t)s->count * sizeof(ts_point));
  s->head = 0;
}

static int compare_points(const void *x, const void *y) {
  int64_t a = ((const ts_point *)x)->ordinal, b = ((const ts_point *)y)->ordinal;
  return (a > b) - (a < b);
}

/* Sorts the live points and merges the ones of the same period. */
static void sort_and_merge(ts_series *s) {
  compact_front(s);
  if (s->count < 2) return;
  qsort(s->points, (size_t)s->count, sizeof(ts_point), compare_points);
  int kept = 0;
  for (int i = 1; i < s->count; i++) {
    ts_point *last = &s->points[kept];
    if (s->points[i].ordinal == last->ordinal) {
      ts_sum_merge(&last->sum[0], &s->points[i].sum[0]);
      ts_sum_merge(&last->sum[1], &s->points[i].sum[1]);
    } else {
      s->points[++kept] = s->points[i];
    }
  }
  s->count = kept + 1;
}

static ts_series_status grow(ts_series *s) {
  if (s->capacity > INT_MAX / 4) return TS_SERIES_TOOBIG;
  int capacity = s->capacity ? s->capacity * 2 : 16;
  sqlite3_uint64 bytes = (sqlite3_uint64)capacity * sizeof(ts_point) +
                         sizeof(series_block) + 16;
  void *raw = sqlite3_malloc64(bytes);
  if (raw == NULL) return TS_SERIES_NOMEM;
  uintptr_t start = ((uintptr_t)raw + sizeof(series_block) + 15) & ~(uintptr_t)15;
  ts_point *points = (ts_point *)start;
  ((series_block *)points)[-1].raw = raw;
  if (s->count) memcpy(points, s->points + s->head, (size_t)s->count * sizeof(ts_point));
  sqlite3_free(raw_of(s));
  s->points = points;
  s->head = 0;
  s->capacity = capacity;
  return TS_SERIES_OK;
}

/* Makes room for one more point at the end of the live range. */
static ts_series_status make_room(ts_series *s) {
  if (s->head + s->count < s->capacity) return TS_SERIES_OK;
  /* Half the block is free at the front: shifting is amortized O(1). */
  if (s->head > 0 && s->head >= s->count) {
    compact_front(s);
    return TS_SERIES_OK;
  }
  /* Merging first keeps memory proportional to distinct periods; it pays
  ** for itself when it frees at least half the block. */
  if (s->unsorted) {
    sort_and_merge(s);
    if (s->count <= s->capacity / 2) return TS_SERIES_OK;
  }
  return grow(s);
}

ts_series_status ts_series_add(ts_series *s, const ts_period *p,
                               const ts_number *v) {
  if (s->kind == TS_KIND_NONE) {
    s->kind = p->kind;
    s->first_seen = *p;
  } else if (p->kind != s->kind) {
    return TS_SERIES_MIXED_KINDS;
  }
  int64_t ordinal = ts_period_ordinal(p);
  if (s->count > 0 && s->points[s->head + s->count - 1].ordinal == ordinal) {
    ts_sum_add(&s->points[s->head + s->count - 1].sum[0], v);
  } else {
    ts_series_status st = make_room(s);
    if (st != TS_SERIES_OK) return st;
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
  return TS_SERIES_OK;
}

void ts_series_remove(ts_series *s, const ts_period *p, const ts_number *v) {
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
  while (s->count > 0 && s->points[s->head].sum[0].count <= 0) {
    s->head++;
    s->count--;
  }
  if (s->count == 0) s->head = 0;
}

ts_series_status ts_series_sort(ts_series *s) {
  if (s->unsorted) sort_and_merge(s);
  return TS_SERIES_OK;
}
