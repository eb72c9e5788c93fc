/*
** core/series.h -- one series in memory and the growth engine over it.
** A series is an array of ts_point sorted by period ordinal, one point
** per period, all of one kind.  Every form of year-over-year and
** year-to-date growth (aggregate, window, the three virtual tables) calls
** the engine here, so the prior period is matched by period, never by
** position, the same way everywhere.  Implemented in
** core/growth_engine.c; the deque that collects points row by row is
** core/deque.h.
*/
#ifndef TS_CORE_SERIES_H
#define TS_CORE_SERIES_H

#include "core/period.h"
#include "core/number.h"

/* One period of one series: the sums of the rows that fell in it. */
/* Why a roll-up is incomplete (ts_point.incomplete, bits).  MISSING: some
** of its months have no row, or its days reach past the days the source
** holds.  SERIES_START: only that it begins before its own series' first
** day with a figure, inside the days the source holds (a partner that
** began trading on 15 March): its growth compares half a month with a
** whole one, but its figure is the period's real figure, and a total it
** is summed into is complete (shares.c). */
#define TS_INCOMPLETE_MISSING      1
#define TS_INCOMPLETE_SERIES_START 2
/* Set by the scans while a series is read, never seen past them: a day
** row of the roll-up had no figure (NULL, '-'), so the days it sums are
** not all known; the series checks turn it into MISSING. */
#define TS_INCOMPLETE_NO_FIGURE 4
/* Set by the scans too, and cleared by ts_days_check (vtab/series_extent.h):
** a day row with a figure of the roll-up falls after its month's first
** TS_DAY_START_GRACE days, so the series' days of that year are events,
** not periods keyed by their first (business) day. */
#define TS_INCOMPLETE_DAY_LATE 8
/* Set by the scans too, and cleared by ts_days_check: a day row with a
** figure of the roll-up falls before its month's last TS_DAY_START_GRACE
** days, so they are not periods keyed by their last (business) day
** either (pandas' resample('M'), 'BM'). */
#define TS_INCOMPLETE_DAY_EARLY 16
/* The first days of a month a period keyed by its first business day can
** fall on (pandas' 'BMS', 'BQS': 2 January, 3 April), as the
** annual_projection aggregate reads them (projection.c, item 4b). */
#define TS_DAY_START_GRACE 7
/* Whether day d (kind TS_KIND_DAY) falls in its month's first, or last,
** TS_DAY_START_GRACE days. */
#define TS_DAY_IS_LATE(d)  ((d)->day > TS_DAY_START_GRACE)
#define TS_DAY_IS_EARLY(d) ((d)->day <= ts_days_in_month((d)->year, (d)->sub) - TS_DAY_START_GRACE)
/* The weekday of a day ordinal (ts_period_ordinal of a day: 0 is
** 1970-01-01, a Thursday): 0 Monday .. 6 Sunday. */
static inline int ts_day_weekday(int64_t d) {
  int64_t w = (d + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

/* ts_point.mday: the days of the month a point's day rows with a figure
** fall on, as the first of them (bits 0-4: 1..31) and how many days
** after it the last falls (bits 5-7: 0..TS_MDAY_SPREAD); 0: none yet;
** TS_MDAY_MIXED: further apart (a business day after the 15th, up to
** TS_MDAY_SPREAD days later, is one key day). */
#define TS_MDAY_MIXED  0xff
#define TS_MDAY_SPREAD 3
/* Two such marks joined (a day d alone is mark d). */
static inline unsigned char ts_mday_join(unsigned a, unsigned b) {
  if (a == 0 || a == b) return (unsigned char)b;
  if (b == 0) return (unsigned char)a;
  if (a == TS_MDAY_MIXED || b == TS_MDAY_MIXED) return TS_MDAY_MIXED;
  unsigned lo = (a & 31) < (b & 31) ? (a & 31) : (b & 31);
  unsigned ha = (a & 31) + (a >> 5), hb = (b & 31) + (b >> 5);
  unsigned hi = ha > hb ? ha : hb;
  return hi - lo > TS_MDAY_SPREAD ? TS_MDAY_MIXED : (unsigned char)(lo | (hi - lo) << 5);
}
/* Notes day of month d (1..31) in a point's mark. */
static inline void ts_mday_note(unsigned char *m, unsigned d) { *m = ts_mday_join(*m, d); }

typedef struct ts_point {
  int64_t ordinal; /* ts_period_ordinal() at the series' kind */
  ts_sum sum[2];   /* slot 0: value (or exports); slot 1: imports */
  /* Roll-ups (grain=): which of the point's months each kind of finer
  ** period covered, per slot (bit m: its m-th month; index: kind - 1, a
  ** day covering its month), so a quarter holding two of its three months
  ** -- in whatever mix of kinds, label forms and order -- is incomplete,
  ** and a quarter row next to one of its months is seen. */
  uint16_t cover[2][TS_KIND_DAY];
  unsigned char incomplete[2]; /* TS_INCOMPLETE_* bits: 0 complete */
  /* grain=: the weekdays of the point's day rows with a figure, per slot
  ** (bit w: ts_day_weekday w), for ts_days_check (weekly figures) */
  unsigned char weekdays[2];
  /* grain=: the days of the month the point's day rows with a figure fall
  ** on, per slot (ts_mday_join's mark), for ts_days_check (months keyed
  ** by one day of the month, the 15th or the business day after it) */
  unsigned char mday[2];
  unsigned char preliminary[2]; /* 1: a row summed into it is marked
                                   preliminary (a 'p)' label, or a true
                                   preliminary column in the source) */
  /* A whole roll-up of days judged against the source's last day
  ** (ts_days_check, only when the spec asks: annual_projection): how many
  ** days after the point's last day the first row of the source with a
  ** figure ends, when none ends on or before it after its days (0: one
  ** does, or not judged so).  The point is whole only by rows after it:
  ** the source cut at a day before that holds it incomplete. */
  int32_t whole_after[2];
} ts_point;

/* Growth of point i of a series (points sorted by ordinal, one per
** period, all of one kind), against the same period one year earlier,
** matched by period and never by position. */
typedef struct ts_growth_row {
  int prior_index;  /* index of the prior-year point, -1: none */
  int growth_ok;    /* growth defined */
  double growth;    /* percent */
  int ytd_ok;       /* every period of the year up to i present */
  ts_number ytd;    /* sum of those periods */
  int prior_ytd_ok; /* the same periods of the prior year present */
  ts_number prior_ytd;
  int ytd_growth_ok;
  double ytd_growth; /* percent */
  const char *note;  /* NULL, or why growth / ytd_growth is NULL */
} ts_growth_row;

/* Notes, shared by every form that reports them. */
#define TS_NOTE_NO_PRIOR   "no prior period"
#define TS_NOTE_PRIOR_ZERO "prior is zero"
#define TS_NOTE_PRIOR_YTD  "incomplete prior year-to-date"
#define TS_NOTE_YTD        "incomplete year-to-date"
#define TS_NOTE_INCOMPLETE "incomplete period"
/* The period is whole, the same period a year earlier is a roll-up
** missing some of its finer periods. */
#define TS_NOTE_PRIOR_INCOMPLETE "incomplete prior period"
/* A growth undefined for a reason other than a zero prior: a sum of REALs
** (or a trade balance) beyond a double's range, or a rate that is. */
#define TS_NOTE_PRIOR_TOO_LARGE  "prior is too large"
#define TS_NOTE_VALUE_TOO_LARGE  "value is too large"
#define TS_NOTE_GROWTH_TOO_LARGE "growth is too large"

/* Why ts_growth(current, prior) failed: TS_NOTE_PRIOR_ZERO, or one of
** the three above (a non-finite prior first, as the growth's base). */
const char *ts_growth_failure(double current, double prior);

/* a - b of two sums as ts_number_difference gives it, but from the exact
** sums when both hold integers only: totals past 2^63 are shown as REALs,
** and the difference of those rounded values lost what the exact one
** keeps (2^63 + 5 against 2^63 is 5, not 0.0). */
void ts_sum_difference(const ts_sum *a, const ts_sum *b, ts_number *out);

/* Sorts a[0..n) by ordinal and merges points of the same period; returns
** the new count. */
int ts_points_sort_merge(ts_point *a, int n);
/* Index of the point with this ordinal, or -1 (binary search). */
int ts_point_find(const ts_point *a, int n, int64_t ordinal);
/* The same, first trying the index the ordinal has when no period between
** it and point i is missing: O(1) on a series without gaps. */
int ts_point_find_near(const ts_point *a, int n, int i, int64_t ordinal);
void ts_growth_at(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                  ts_growth_row *out);
/* Only the growth half of ts_growth_at (prior_index, growth_ok, growth,
** and note when growth is NULL; the year-to-date fields stay empty), to
** the bit the same: O(1) when no period between point i and its prior is
** missing, else O(log n).  For forms that report growth alone. */
void ts_growth_yoy(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                   ts_growth_row *out);
/* ts_growth_yoy writing only prior_index, growth_ok, note and (when
** growth_ok) growth, the rest of *out as it was: for a caller that reads
** no other field of the row (a virtual table's growth column, per row). */
void ts_growth_yoy_half(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                        ts_growth_row *out);

/* The same, for a walk over one series in period order: running
** year-to-date sums make each point O(1) amortized.  Initialise the
** cursor for each series; points may be skipped, not revisited cheaply. */
typedef struct ts_year_sum {
  int valid, year, next, count; /* next: first point not yet summed */
  int64_t end;                  /* points with ordinal <= end are summed */
  ts_sum sum;
} ts_year_sum;
typedef struct ts_growth_cursor {
  ts_year_sum ytd, prior_ytd;
} ts_growth_cursor;
void ts_growth_cursor_init(ts_growth_cursor *c);
void ts_growth_next(ts_growth_cursor *c, ts_period_kind kind, const ts_point *a, int n, int slot,
                    int i, ts_growth_row *out);

#endif /* TS_CORE_SERIES_H */
