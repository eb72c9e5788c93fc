/*
** vtab/series_extent.c -- roll-ups of days judged against the days a
** source holds (series_extent.h; series_day_extent.c reads those days).
**
** Contract:
**  1. A roll-up of days is whole only when its days lie inside the
**     source's extent (series_day_extent.c: every row's, whatever the
**     WHERE).  Next to coarser rows in one roll-up, the months the days
**     cover must lie inside it too (days_span).
**  2. A roll-up also begins where its series' own days begin: the first
**     day of the period of its series' earliest row with a figure in that
**     value slot (ts_series.first_day), which only the series' first
**     point of the slot can reach before.  A read narrowed by years reads
**     the earlier rows for it (series_scan.c, ts_early_row): a WHERE
**     never moves it.
**  3. Day rows keyed by a day of their period: months keyed by their
**     first day (pandas' to_sql of a 'MS' or 'BMS' index, FRED's
**     observation_date), by their last (pandas' resample('M'), 'ME',
**     'BM'), or by one day of the month (the 15th, or the business day
**     after it: within TS_MDAY_SPREAD days, ts_point.mday).  Within one
**     series, slot and year whose rows with a figure are day rows all
**     keyed one of these ways (ts_keyed_year), one a month, or several
**     in two months at least (the categories of a long frame that
**     grain= sums), the year reads (ts_keyed_reading):
**       - as quarters, rolled up to quarters or coarser, when one month
**         a quarter at one place in it holds the rows, in two quarters
**         of one half (quarter_position: 15 February, 15 May; 1 March,
**         1 June), or, keyed by first (last) days, some in April or
**         October (March or September), which key no half or year: a
**         roll-up is whole when each of its quarters has its row
**         (judge_keyed) and, keyed by first days at a quarter's start,
**         it ends inside the days the source holds, as days do;
**       - else as months when two months of one quarter hold rows (no
**         quarter, half or year is keyed by both): a roll-up is whole
**         when each of its months has a row, whatever the extent or
**         the series' first day;
**       - else, when the year before reads so by its own rows and
**         these rows are keyed as its are, as the year before
**         (ts_year_reading: January alone so far is a month);
**       - else as days.
**     In annual_projection (spec->day_whole_after) a point whose rows up
**     to it do not yet show the year's reading is whole only by the
**     later rows that do (proved_later: ts_point.whole_after).  A year
**     is always read whole (pushdown never cuts one), and under grain=
**     a narrowed read takes one more year (series_vtab.c), so the year
**     before every year read is read too and a WHERE never changes the
**     reading; the scans mark late and early days on the way
**     (TS_INCOMPLETE_DAY_LATE, _EARLY), so nothing is read twice.
**  3b. Weekly figures keyed by a day (pandas' resample('W')): a year of a
**     series and slot whose day rows with a figure all fall on one
**     weekday, in WEEKLY_MONTHS months at least, is an error under grain=
**     (no roll-up of them is honest: a month holds four or five key
**     days, a week may span two periods).  The scans note each point's
**     weekdays (ts_point.weekdays, HS_WEEKDAY).
**  4. With spec->day_whole_after (annual_projection), a whole roll-up
**     judged against the extent notes how many days after its last day
**     the first end day of the source on or after its days falls
**     (ts_point.whole_after): a row projected from an earlier point is
**     the source cut there, where that roll-up is not whole.
*/
#include "vtab/series_extent_int.h"
#include "vtab/series_keyed.h"

#include <string.h>

/* The day ordinals a point's days must lie between for it to be whole:
** the point's own span for days alone; next to coarser rows, the span of
** the months its day rows cover (bit m of the cover: the m-th month of
** the point), which the coarser rows do not stand for.  A quarter of
** January, February and ten days of a March where the source ends on
** the 10th is not whole, as that March alone is not. */
static void days_span(const ts_period *p, const ts_point *pt, int slot, int64_t *pFirst,
                      int64_t *pLast) {
  *pFirst = ts_day_ordinal(p, 0);
  *pLast = ts_day_ordinal(p, 1);
  if (ts_days_alone(pt, slot)) return;
  unsigned bits = pt->cover[slot][TS_KIND_DAY - 1];
  int lo = 0, hi = 15;
  while (!(bits & (1u << lo))) lo++;
  while (!(bits & (1u << hi))) hi--;
  ts_period start, month;
  ts_period_start(p, &start);
  month = (ts_period){TS_KIND_MONTH, start.year, start.sub + lo, 0, 0};
  *pFirst = ts_day_ordinal(&month, 0);
  month.sub = start.sub + hi;
  *pLast = ts_day_ordinal(&month, 1);
}

/* Points [i, j) of slot, months (step 1) or quarters (step 3) keyed by
** a day of their month `at` (0: the first; a quarter's last, 2, for its
** last day; its middle, 1, for the 15th of February): each row stands
** for its whole month or quarter, so a roll-up is whole when each of its
** months or quarters has a row in the month its key falls in, as a
** roll-up of month or quarter labels is. */
static void judge_keyed(ts_series *s, int i, int j, int slot, int step, int at) {
  for (int k = i; k < j; k++) {
    ts_point *pt = &s->aPoint[k];
    if (pt->sum[slot].count == 0) continue;
    ts_period p;
    int first, count;
    ts_period_from_ordinal(s->kind, pt->ordinal, &p);
    ts_period_month_span(&p, &first, &count);
    unsigned want = 0;
    for (int m = 0; m < count; m += step) want |= 1u << (m + at);
    if ((pt->cover[slot][TS_KIND_DAY - 1] & want) != want)
      pt->incomplete[slot] |= TS_INCOMPLETE_MISSING;
  }
}

/* How the rows with a figure of slot in points [i, j) -- one year --
** read by themselves beside their year before (prev, may be NULL): its
** keys (ts_keyed_year, into *kr) and its own reading, what the next
** year reads beside (as_months is set by the caller). */
static year_before year_own(const ts_series *s, int i, int j, int slot, const year_before *prev,
                            keyed_rows *kr) {
  year_before y = {READ_DAYS, 0, ts_keyed_year(s, i, j, slot, kr), 0, 0, 0};
  y.mday = kr->mday, y.events = kr->events;
  y.reading = ts_own_reading_beside(ts_keyed_reading(y.keyed, kr->mask, s->kind, &y.at), kr, prev);
  return y;
}

/* How the rows of points [i, j) of slot read (ts_year_reading, with the year
** before prev), and whether they show they are months (or, quarters set,
** quarters). */
static int prefix_reading(const ts_series *s, int i, int j, int slot, const year_before *prev) {
  keyed_rows kr;
  year_before own = year_own(s, i, j, slot, prev, &kr);
  return ts_year_reading(&kr, own.reading, prev, &own.at);
}
static int prefix_proved(const ts_series *s, int i, int j, int slot, int quarters,
                         const year_before *prev) {
  return prefix_reading(s, i, j, slot, prev) == (quarters ? READ_QUARTERS : READ_MONTHS);
}

/* annual_projection (spec->day_whole_after): points [i, j) of slot read
** as months (quarters set: quarters) keyed by a day, where the rows up to a point do not yet show
** they are months (1 January alone: a quarter, a half or a year) and a
** later point's rows do.  Cut before that later point, the source reads
** the year as days of events: the point is whole there only as days
** are (judge_days: inside the source's days and the series', and by a
** row ending on or after its last day).  So it is whole only by rows
** after it (ts_point.whole_after): by the first that ends on or after
** its last day when days would be whole, else by the later point's
** (a cut falls at the end of a point, so that point's rows are in a cut
** exactly when its first day is).  31 January shows months alone; 1
** January, with February's row after it, is whole from February on.
** Rows up to the point that read as months where the year is quarters
** (1 March alone, then 1 June: the quarters' last months) leave it
** incomplete in the cut, whatever the days: whole by the later point's
** rows only. */
static int proved_later(ts_day_extent *e, ts_series *s, int i, int j, int slot, int quarters,
                        const year_before *prev, char **pzErr) {
  for (int k = i; k < j; k++) {
    ts_point *pt = &s->aPoint[k];
    if (pt->sum[slot].count == 0) continue;
    if (prefix_proved(s, i, k + 1, slot, quarters, prev))
      return SQLITE_OK; /* and every later one */
    int m = k + 1;
    while (m < j && !prefix_proved(s, i, m + 1, slot, quarters, prev)) m++;
    ts_period p, q;
    if (m == j || ts_period_from_ordinal(s->kind, pt->ordinal, &p) ||
        ts_period_from_ordinal(s->kind, s->aPoint[m].ordinal, &q))
      continue;
    int64_t first, last, after = ts_day_ordinal(&q, 0) - ts_day_ordinal(&p, 1);
    int rc = ts_extent_ensure(e, 1, pzErr);
    if (rc != SQLITE_OK) return rc;
    days_span(&p, pt, slot, &first, &last);
    if (e->any && first >= e->first && last <= e->last && first >= s->first_day[slot] &&
        prefix_reading(s, i, k + 1, slot, prev) == READ_DAYS) {
      int64_t by_days = ts_extent_next_end(e, last) - ts_day_ordinal(&p, 1);
      if (by_days < after) after = by_days;
    }
    if (after > 0) pt->whole_after[slot] = (int32_t)(after < INT32_MAX ? after : INT32_MAX);
  }
  return SQLITE_OK;
}

/* Points [i, j) of slot, quarters keyed by their first day: one that
** reaches past the last day the source holds is incomplete, as its days
** were (a true daily series whose sales of a year fall in quarters'
** first weeks, in an extract that ends days into a quarter, would
** otherwise show a whole quarter of a few days). */
static int judge_quarters_end(ts_day_extent *e, ts_series *s, int i, int j, int slot,
                              char **pzErr) {
  for (int k = i; k < j; k++) {
    ts_point *pt = &s->aPoint[k];
    if (pt->incomplete[slot] || pt->sum[slot].count == 0) continue;
    int rc = ts_extent_ensure(e, 0, pzErr);
    if (rc != SQLITE_OK) return rc;
    ts_period p;
    if (ts_period_from_ordinal(s->kind, pt->ordinal, &p)) continue;
    int64_t last = ts_day_ordinal(&p, 1);
    if (!e->any || last > e->last) {
      pt->incomplete[slot] = TS_INCOMPLETE_MISSING;
    } else if (e->spec->day_whole_after) {
      /* annual_projection: cut before a row ending on or after its last
      ** day, the quarter reaches past the source's days (as days do) */
      if ((rc = ts_extent_ensure(e, 1, pzErr)) != SQLITE_OK) return rc;
      int64_t after = ts_extent_next_end(e, last) - last;
      if (after > pt->whole_after[slot])
        pt->whole_after[slot] = (int32_t)(after < INT32_MAX ? after : INT32_MAX);
    }
  }
  return SQLITE_OK;
}

/* Whether day d lies in its month after its first `window` days and
** before its last day: a source whose last day it is holds rows past a
** month's key days, cut before the month ends. */
static int past_key_days(int64_t d, int window) {
  ts_period p, end;
  if (ts_period_from_ordinal(TS_KIND_DAY, d, &p)) return 0;
  ts_period month = {TS_KIND_MONTH, p.year, p.sub, 0, 0};
  ts_period_end(&month, &end);
  return p.day > window && p.day < end.day;
}

/* Points [i, j) of slot, months keyed by a day in their first `window`
** days (the first week, or one day of the month and the days after it):
** one whose last day lies past the source's last day, where that day
** falls after the key days of its month and before the month's end, is
** incomplete.  Keyed months are whole past the source's last day (a
** source of such rows ends on a key day), but a source that holds rows
** later into the month is cut there, and a series of a few events a
** month whose latest rows fell on one day of two months (13 January, 15
** February) would otherwise show its February whole in a source cut on
** the 20th.  Only where the year before does not read as months by its
** own rows (ts_days_check): a series keyed so for a year already keeps
** its latest month whole beside partners keyed by later days.  strict
** (months keyed by any day but the 1st, beside a year before of
** events): a month reaching past the source's last day is incomplete
** whatever that day, as an event's month is -- a thinly traded series
** of about one sale a month falls on nearby days, or in the first
** weeks, three months running about once in a hundred, and its month
** cut by the extract's end was shown whole.  Three 1sts running are not
** chance (FRED, pandas' month starts).
** annual_projection (spec->day_whole_after): where the last
** day the source holds before the point's end is such a day (strict:
** any day), the point is whole only by a row ending on or after its last
** day, so a row projected from it is the source cut there. */
static int judge_months_end(ts_day_extent *e, ts_series *s, int i, int j, int slot, int window,
                            int strict, char **pzErr) {
  for (int k = i; k < j; k++) {
    ts_point *pt = &s->aPoint[k];
    if (pt->incomplete[slot] || pt->sum[slot].count == 0) continue;
    int rc = ts_extent_ensure(e, e->spec->day_whole_after, pzErr);
    if (rc != SQLITE_OK) return rc;
    ts_period p;
    if (!e->any || ts_period_from_ordinal(s->kind, pt->ordinal, &p)) continue;
    int64_t last = ts_day_ordinal(&p, 1);
    if (e->last < last) {
      if (strict || past_key_days(e->last, window)) pt->incomplete[slot] = TS_INCOMPLETE_MISSING;
    } else if (e->ends_read) {
      int64_t before = ts_extent_prev_end(e, last), after = ts_extent_next_end(e, last) - last;
      if (before < last && after > 0 && (strict || past_key_days(before, window)) &&
          after > pt->whole_after[slot])
        pt->whole_after[slot] = (int32_t)(after < INT32_MAX ? after : INT32_MAX);
    }
  }
  return SQLITE_OK;
}

/* The last day of the month months keyed so (kr, ts_keyed_year) fall
** on: 0 for their last days, which a source's last day never passes. */
static int key_days_window(const keyed_rows *kr) {
  if (kr->late) return 0;
  if (kr->raw & 1) return TS_DAY_START_GRACE;
  if ((kr->raw & 4) && kr->mday != 0 && kr->mday != TS_MDAY_MIXED)
    return (int)(kr->mday & 31) + (int)(kr->mday >> 5) + TS_MDAY_SPREAD;
  return 0;
}

/* Points [i, j) of slot read as days (events): past the days the source
** holds, or before the series' own first day, a roll-up is incomplete. */
static int judge_days(ts_day_extent *e, ts_series *s, int i, int j, int slot, char **pzErr) {
  for (int k = i; k < j; k++) {
    ts_point *pt = &s->aPoint[k];
    if (pt->incomplete[slot] || pt->sum[slot].count == 0 || pt->cover[slot][TS_KIND_DAY - 1] == 0)
      continue;
    int rc = ts_extent_ensure(e, e->spec->day_whole_after, pzErr);
    if (rc != SQLITE_OK) return rc;
    ts_period p;
    if (ts_period_from_ordinal(s->kind, pt->ordinal, &p)) continue;
    int64_t first, last;
    days_span(&p, pt, slot, &first, &last);
    /* s->first_day only ever cuts into the series' first point of the
    ** slot: every other point's rows begin after the first day. */
    if (!e->any || first < e->first || last > e->last)
      pt->incomplete[slot] = TS_INCOMPLETE_MISSING;
    else if (first < s->first_day[slot])
      pt->incomplete[slot] = TS_INCOMPLETE_SERIES_START;
    else if (e->ends_read) {
      /* whole by the source's rows up to the first one ending on or
      ** after its last day: cut before that, it would not be */
      int64_t after = ts_extent_next_end(e, last) - ts_day_ordinal(&p, 1);
      pt->whole_after[slot] = after > 0 ? (int32_t)(after < INT32_MAX ? after : INT32_MAX) : 0;
    }
  }
  return SQLITE_OK;
}

static int year_of(const ts_series *s, int k) {
  ts_period p;
  if (ts_period_from_ordinal(s->kind, s->aPoint[k].ordinal, &p)) return INT32_MIN;
  return p.year;
}

/* How many months of a year's day rows, all on one weekday, make them
** weekly figures keyed by a day: a series of events with sales on few
** days of a year falls on one weekday by chance (4 days in 4 months: 1 in
** 343), 8 days in 8 months once in 800,000. */
#define WEEKLY_MONTHS 8

/* The weekday (0 Monday .. 6 Sunday) every row with a figure of slot in
** points [i, j) -- one year of s -- falls on, when they are day rows
** alone, in WEEKLY_MONTHS months at least; else -1.  Called only for a
** year whose rows are not all in their months' first (or last) week:
** months keyed by their first Monday fall on one weekday too. */
static int year_of_weeks(const ts_series *s, int i, int j, int slot) {
  unsigned weekdays = 0, months = 0;
  for (int k = i; k < j; k++) {
    const ts_point *pt = &s->aPoint[k];
    if (pt->sum[slot].count == 0) continue;
    if (!ts_days_alone(pt, slot)) return -1;
    weekdays |= pt->weekdays[slot];
    ts_period p;
    int first, count;
    if (ts_period_from_ordinal(s->kind, pt->ordinal, &p)) return -1;
    ts_period_month_span(&p, &first, &count);
    months |= (unsigned)pt->cover[slot][TS_KIND_DAY - 1] << (first - 1);
  }
  if (ts_bit_count(weekdays) != 1 || ts_bit_count(months) < WEEKLY_MONTHS) return -1;
  int w = 0;
  while (!(weekdays & (1u << w))) w++;
  return w;
}

/* The error for weekly figures keyed by a day under grain=. */
static int weekly_error(ts_day_extent *e, const ts_series *s, int year, int weekday, char **pzErr) {
  static const char *const azDay[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};
  char *zSeries = ts_series_name(e->db, e->spec, s->apKey);
  if (zSeries)
    *pzErr = sqlite3_mprintf(
        "%s: the rows%s in %d all fall on %ss: weekly figures keyed by a day cannot be summed "
        "into periods by grain=%s (a month or a year holds four or five of those days, and a week "
        "may span two periods); label each row with the period it belongs to, or, if each row is "
        "one day's sales, sum them by period in SQL",
        e->spec->zModule, zSeries, year, azDay[weekday], ts_period_kind_name(e->spec->grain));
  sqlite3_free(zSeries);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The scans' marks of where in its month a day row falls (series.h). */
#define DAY_MARKS (TS_INCOMPLETE_DAY_LATE | TS_INCOMPLETE_DAY_EARLY)

/* The end of the year whose points begin at i: its last point + 1. */
static int year_end(const ts_series *s, int i) {
  int year = year_of(s, i), j = i + 1;
  while (j < s->nPoint && year_of(s, j) == year) j++;
  return j;
}

/* The reading of a year whose rows (kr) read as days even beside their
** year before, given the year after, whose points begin at i: as the
** year after's own rows read (beside this year's own reading, own_year), when
** this year's keys fit them (ts_year_reading, the year after in the year
** before's place); else days.  A series' first year (no year before) of
** rows on 1 January and 1 July 2019, before a 2020 of quarters keyed by
** their first days, was two events, each half whole, and 2020-H1 showed
** +110.6 % against 2019's one quarter, with an empty note; as quarters,
** 2019-H1 lacks its Q2 and shows nothing.  Only the year after's own rows
** count, so a query narrowed by years reads one year after the last it
** shows (series_vtab.c).  Not in annual_projection
** (spec->day_whole_after): a projection reads no row after its cut. */
static int reading_after(const ts_series *s, int i, int slot, const keyed_rows *kr,
                         const year_before *own_year, int *pAt) {
  keyed_rows nkr;
  year_before next = year_own(s, i, year_end(s, i), slot, own_year, &nkr);
  return ts_year_reading(kr, READ_DAYS, &next, pAt);
}

int ts_days_check(ts_day_extent *e, ts_series *s, char **pzErr) {
  if (e->spec->grain == TS_KIND_NONE) return SQLITE_OK;
  /* the scans' DAY_LATE and DAY_EARLY marks are read here, and seen
  ** nowhere after */
  int days = 0;
  for (int k = 0; k < s->nPoint; k++)
    for (int slot = 0; slot < 2; slot++) days |= s->aPoint[k].cover[slot][TS_KIND_DAY - 1] != 0;
  if (!days) return SQLITE_OK; /* months, quarters ...: no day row marked */
  if (s->kind == TS_KIND_DAY) {
    for (int k = 0; k < s->nPoint; k++)
      for (int slot = 0; slot < 2; slot++)
        s->aPoint[k].incomplete[slot] &= (unsigned char)~DAY_MARKS;
    return SQLITE_OK;
  }
  year_before before[2]; /* each slot's year before: its own reading */
  int before_year = INT32_MIN;
  for (int i = 0, j; i < s->nPoint; i = j) {
    int year = year_of(s, i);
    j = year_end(s, i);
    for (int slot = 0; slot < 2; slot++) {
      /* a copy: before[slot] becomes this year's own reading below */
      year_before prev_own;
      const year_before *prev = NULL;
      if (before_year == year - 1) prev_own = before[slot], prev = &prev_own;
      /* (before the marks ts_keyed_year reads are cleared) */
      keyed_rows kr;
      year_before own = year_own(s, i, j, slot, prev, &kr);
      /* rows on one weekday, all year: weeks keyed by a day (pandas'
      ** resample('W')), which no roll-up of days sums honestly */
      int weekday = own.keyed ? -1 : year_of_weeks(s, i, j, slot); /* not a month's key day */
      if (weekday >= 0) return weekly_error(e, s, year, weekday, pzErr);
      int at = own.at, reading = ts_year_reading(&kr, own.reading, prev, &at);
      if (reading == READ_DAYS && !e->spec->day_whole_after && j < s->nPoint &&
          year_of(s, j) == year + 1)
        reading = reading_after(s, j, slot, &kr, &own, &at);
      int as_months = reading == READ_MONTHS, as_quarters = reading == READ_QUARTERS;
      if ((as_months || as_quarters) && e->spec->day_whole_after) {
        int rc = proved_later(e, s, i, j, slot, as_quarters, prev, pzErr);
        if (rc != SQLITE_OK) return rc;
      }
      /* what the next year reads beside: this one's own rows, and
      ** whether its own quarters read as months beside its year before
      ** (1 January 2021 alone, after such a 2020, was a whole quarter
      ** against January 2020's month) */
      own.as_months = own.reading == READ_QUARTERS && reading == READ_MONTHS;
      before[slot] = own;
      for (int k = i; k < j; k++) s->aPoint[k].incomplete[slot] &= (unsigned char)~DAY_MARKS;
      /* rows on quarters' first months alone could be quarters, halves
      ** or a year (FRED), or months whose year holds January alone so
      ** far: they stay days (contract item 3); so do rows on quarters'
      ** last months alone (pandas' resample('Q')) */
      if (as_months) {
        judge_keyed(s, i, j, slot, 1, 0);
        /* a year before read as months by its own rows vouches for the
        ** keys; without one, the source's last day may cut them */
        int window = prev && prev->reading == READ_MONTHS ? 0 : key_days_window(&kr);
        int strict = prev && prev->events && kr.mday != 1;
        if (window > 0) {
          int rc = judge_months_end(e, s, i, j, slot, window, strict, pzErr);
          if (rc != SQLITE_OK) return rc;
        }
        continue;
      }
      /* rows on quarters' first (or last) months alone, some in April or
      ** October (March or September), where no half or year is keyed:
      ** quarters keyed by their first (last) day, FRED's and pandas'
      ** resample('Q'), rolled up to quarters or coarser (contract item
      ** 3); a roll-up to months of them stays days.  In annual_projection
      ** a quarter whose rows up to it do not yet show quarters (1
      ** January alone) is whole only by later rows (proved_later) */
      if (as_quarters) {
        judge_keyed(s, i, j, slot, 3, at);
        if ((kr.raw & 1) && at == 0) {
          int rc = judge_quarters_end(e, s, i, j, slot, pzErr);
          if (rc != SQLITE_OK) return rc;
        }
        continue;
      }
      int rc = judge_days(e, s, i, j, slot, pzErr);
      if (rc != SQLITE_OK) return rc;
    }
    before_year = year;
  }
  return SQLITE_OK;
}

/* A day row without a figure under grain= (both scan paths mark its
** point TS_INCOMPLETE_NO_FIGURE): series_source.h. */
void ts_series_drop_unknown_days(ts_series *s, int keep_empty) {
  int kept = 0, seen[2] = {0, 0};
  for (int i = 0; i < s->nPoint; i++) {
    ts_point *pt = &s->aPoint[i];
    int any = 0;
    for (int slot = 0; slot < 2; slot++) {
      int unknown = (pt->incomplete[slot] & TS_INCOMPLETE_NO_FIGURE) != 0;
      pt->incomplete[slot] &= (unsigned char)~TS_INCOMPLETE_NO_FIGURE;
      if (pt->sum[slot].count == 0) continue;
      any = 1;
      if (unknown && !seen[slot]) {
        /* The slot's first period: rows without a figure before the
        ** series' first figure are a series not started yet (as NULL
        ** rows before the first figure are everywhere); when that period
        ** begins before it, ts_days_check marks it SERIES_START. */
        ts_period p;
        ts_period_from_ordinal(s->kind, pt->ordinal, &p);
        if (ts_period_first_day(&p) < s->first_day[slot]) unknown = 0;
      }
      seen[slot] = 1;
      if (unknown) pt->incomplete[slot] |= TS_INCOMPLETE_MISSING;
    }
    /* a period of NULL days alone: no point, as a NULL row of any other
    ** kind gives none */
    if (any || keep_empty) s->aPoint[kept++] = *pt;
  }
  s->nPoint = kept;
}
