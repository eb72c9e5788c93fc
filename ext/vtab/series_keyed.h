/*
** vtab/series_keyed.h -- private to ext/vtab/: how a year of a series'
** day rows under grain= reads when they key months or quarters by a day
** of their period (series_keyed.c; series_extent.c judges the roll-ups
** by it, contract item 3 there).
*/
#ifndef TRADESTAT_SERIES_KEYED_H
#define TRADESTAT_SERIES_KEYED_H

#include "vtab/series_source.h"

/* The months of the year that start, and end, a quarter (bit m: month
** m + 1): January, April, July, October; March ... December. */
#define QUARTER_FIRST_MONTHS 0x249u
#define QUARTER_LAST_MONTHS  0x924u

/* Set bits of x. */
static inline int ts_bit_count(unsigned x) {
  int n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/* A roll-up point of day rows alone: days covered, no coarser kind. */
static inline int ts_days_alone(const ts_point *pt, int slot) {
  if (pt->sum[slot].count == 0 || pt->cover[slot][TS_KIND_DAY - 1] == 0) return 0;
  for (int k = 0; k < TS_KIND_DAY - 1; k++)
    if (pt->cover[slot][k]) return 0;
  return 1;
}

/* What ts_keyed_year learns of a year's rows. */
typedef struct keyed_rows {
  unsigned mask; /* the months of the year the rows fall in (bit m: month m + 1) */
  unsigned mday; /* their days of the month (ts_mday_join's mark) */
  int raw;       /* the result's bits without its rule on several rows a month */
  int late;      /* every row in its month's last days, in one month or more
                 ** (raw's bit 2 needs two: a year keyed as the year before
                 ** needs one) */
  int events;    /* its day rows are events: in EVENTS_MONTHS months at
                 ** least (series_keyed.c), neither all in their months'
                 ** first week, nor all in their last, nor on one day of the
                 ** month; label rows beside them left aside */
} keyed_rows;

/* How a year reads. */
enum { READ_DAYS, READ_MONTHS, READ_QUARTERS };

/* The year before's reading by its own rows (READ_DAYS: none, or not
** the year just before): a year keyed the same way reads as it does. */
typedef struct year_before {
  int reading, at, keyed;
  unsigned mday;
  int events;    /* its day rows are events (keyed_rows.events) */
  int as_months; /* its own quarters, one month a quarter, read as months
                 ** beside its own year before (ts_year_reading): a year
                 ** its own rows leave as days reads as months beside it */
} year_before;

/* Whether the rows with a figure of slot in points [i, j) -- one year
** of s -- are keyed by a day of their period: bits 1 (first week), 2
** (last week), 4 (one day of the month), 0 when not; *pKr as below. */
int ts_keyed_year(const ts_series *s, int i, int j, int slot, keyed_rows *pKr);
/* How rows keyed so (keyed, in the months of mask) read alone, rolled up
** to kind: READ_* (*pAt: the key month's place in its quarter). */
int ts_keyed_reading(int keyed, unsigned mask, ts_period_kind kind, int *pAt);
/* Their reading given their own (reading, *pAt) and the year before's
** (prev, may be NULL). */
int ts_year_reading(const keyed_rows *kr, int reading, const year_before *prev, int *pAt);
/* A year's own reading (ts_keyed_reading) of months or quarters from
** rows in fewer than EVENTS_MONTHS months (quarters) beside a year
** before of events: days. */
int ts_own_reading_beside(int own, const keyed_rows *kr, const year_before *prev);

#endif /* TRADESTAT_SERIES_KEYED_H */
