/*
** vtab/series_keyed.c -- how a year of day rows reads under grain= when
** they key months or quarters by a day of their period (series_keyed.h;
** the rules are contract item 3 of series_extent.c, and docs/design.md,
** "Day rows that are months keyed by their first day" and after): the
** marks of the year's rows, their own reading, and the year before's.
*/
#include "vtab/series_keyed.h"

/* How many months (or quarters) of rows show a year's reading against a
** year before of events: two months of a few events a month on one day
** of the month, or in their first weeks, happen by chance (13 January
** and 15 February, a 1 in 4 chance for two events); three seldom. */
#define EVENTS_MONTHS 3

/* Whether the rows with a figure of slot in points [i, j) -- one year of
** s -- are keyed by their periods' first (business) day, or all by
** their last (contract item 3 of series_extent.c): each point holds day rows alone, none
** after its month's first TS_DAY_START_GRACE days (the result has bit
** 1), or, in two months at least, none before its last ones (bit 2: one
** row late in a month is as often a series that begins there, in a
** source that ends soon after).  One row a month, or several in two
** months at least: the categories of a long frame summed by grain= (a
** product column left out of by=) each have a row on the month's day.
** Bit 4: every row falls on one day of its month, in the middle as well
** (ts_point.mday: within TS_MDAY_SPREAD days, the 15th or the business
** day after it).  *pKr: the months they fall in, their days of the
** month, and the bits without the rule on several rows a month. */
int ts_keyed_year(const ts_series *s, int i, int j, int slot, keyed_rows *pKr) {
  unsigned mask = 0, mday = 0;
  int any = 0, alone = 1, starts = 1, ends = 1, rows = 0;
  for (int k = i; k < j; k++) {
    const ts_point *pt = &s->aPoint[k];
    if (pt->sum[slot].count == 0) continue;
    alone &= ts_days_alone(pt, slot);
    /* the months day rows cover, whatever coarser rows lie beside them
    ** (a point of grain=quarter may hold a month's label and days: they
    ** count for pKr->events, not for a keyed year) */
    unsigned days = pt->cover[slot][TS_KIND_DAY - 1];
    ts_period p;
    int first, count;
    if (days == 0 || ts_period_from_ordinal(s->kind, pt->ordinal, &p)) {
      alone = 0;
      continue;
    }
    rows += pt->sum[slot].count;
    mday = ts_mday_join(mday, pt->mday[slot]);
    starts &= !(pt->incomplete[slot] & TS_INCOMPLETE_DAY_LATE);
    ends &= !(pt->incomplete[slot] & TS_INCOMPLETE_DAY_EARLY);
    ts_period_month_span(&p, &first, &count);
    mask |= days << (first - 1);
    any = 1;
  }
  int months = ts_bit_count(mask);
  pKr->events = months >= EVENTS_MONTHS && !starts && !ends && mday == TS_MDAY_MIXED;
  if (!any || !alone) {
    pKr->mask = pKr->mday = 0;
    pKr->raw = pKr->late = 0;
    return 0;
  }
  pKr->mask = mask, pKr->mday = mday, pKr->late = ends;
  pKr->raw = starts | (ends && months >= 2) << 1 | (mday != 0 && mday != TS_MDAY_MIXED) << 2;
  return rows > months && months < 2 ? 0 : pKr->raw;
}

/* Months of the year that start a quarter but no half (April, October),
** and that end a quarter but no half (March, September): no half or year
** is keyed by a day in them. */
#define STARTS_QUARTER_ONLY 0x208u
#define ENDS_QUARTER_ONLY   0x104u

/* Whether two months of mask (bit m: the year's month m + 1) fall in one
** quarter: no quarter, half or year is keyed by a day in each of them. */
static int two_in_a_quarter(unsigned mask) {
  for (int q = 0; q < 4; q++)
    if (ts_bit_count((mask >> (3 * q)) & 7u) >= 2) return 1;
  return 0;
}

/* Whether rows of keyed (ts_keyed_year) falling in the months of mask
** are months: some in a month that starts (ends) no quarter. */
static int months_proved(int keyed, unsigned mask) { return keyed != 0 && two_in_a_quarter(mask); }

/* Rows on one day of the month (ts_keyed_year' bit 4) in the months of
** mask, one month a quarter at one position in its quarter (0: its first
** month .. 2: its last), in two quarters of one half at least (a half or
** a year is keyed by no such pair): that position, the quarters' key
** month (the 15th of February, May, August and November: quarters keyed
** by their middle); else -1. */
static int quarter_position(unsigned mask) {
  for (int at = 0; at < 3; at++) {
    unsigned months = QUARTER_FIRST_MONTHS << at; /* that month of each quarter */
    if (mask & ~months) continue;
    int q[4];
    for (int k = 0; k < 4; k++) q[k] = (mask >> (3 * k + at)) & 1u;
    return (q[0] && q[1]) || (q[2] && q[3]) ? at : -1;
  }
  return -1;
}

/* Whether rows of keyed on quarters' first (last) months alone, mask,
** are quarters: all on those months, some in April or October (March
** or September). */
static int quarters_proved(int keyed, unsigned mask) {
  return ((keyed & 1) && (mask & ~QUARTER_FIRST_MONTHS) == 0 &&
          (mask & STARTS_QUARTER_ONLY) != 0) ||
         ((keyed & 2) && (mask & ~QUARTER_LAST_MONTHS) == 0 && (mask & ENDS_QUARTER_ONLY) != 0);
}

/* How a year of rows keyed so (ts_keyed_year) in the months of mask
** reads, rolled up to kind: READ_MONTHS, READ_QUARTERS (*pAt: the key
** month's place in its quarter) or READ_DAYS.  One month a quarter at
** one place, in two quarters of one half (quarter_position), is quarters
** before anything else: 1 March, 1 June, 1 September and 1 December
** (the first days of the quarters' last months) are no months with two
** of every three missing. */
int ts_keyed_reading(int keyed, unsigned mask, ts_period_kind kind, int *pAt) {
  int at = keyed ? quarter_position(mask) : -1;
  if (at < 0 && months_proved(keyed, mask)) return READ_MONTHS;
  if (kind > TS_KIND_QUARTER) return READ_DAYS;
  if (at < 0 && quarters_proved(keyed, mask)) at = (keyed & 1) ? 0 : 2;
  if (at < 0) return READ_DAYS;
  *pAt = at;
  return READ_QUARTERS;
}

/* Whether rows keyed so (kr: ts_keyed_year) fit the keys of the year
** before (prev): both in their months' first week, both in their last
** (one month of rows is enough here), or on one day of the month
** together. */
static int keys_fit(const keyed_rows *kr, const year_before *prev) {
  return (prev->keyed & kr->raw & 1) || ((prev->keyed & 2) && kr->late) ||
         ((prev->keyed & kr->raw & 4) && ts_mday_join(prev->mday, kr->mday) != TS_MDAY_MIXED);
}

/* How rows keyed so (kr: ts_keyed_year) read, given their own reading
** (ts_keyed_reading; *pAt its place) and the year before (prev, may be
** NULL): rows their own reading leaves as days whose keys fit the year
** before's reading (keys_fit; quarters, each in the quarter's key month)
** read as it does -- January 2023 alone, of a series whose 2022 is
** months keyed by their first day, or by their last business day (29
** January .. 31 December, too far apart for one day of the month), is a
** month, not the first or last days of a quarter.  And rows that read
** as quarters alone, one month a quarter, beside a year before of months
** on the same keys read as months: 15 March, June, September and
** December 2023 after a 2022 of every month's 15th are months with two
** of every three missing (or the series turned quarterly: then its
** quarters are incomplete, no growth, where read as quarters each was
** compared whole with three months, -68 % for a quarter of one month's
** figure).  Only the year before's own rows count, never what it took
** from the one before it -- but for such quarters read as months, which
** a year of days beside them reads as (1 January 2021 alone, after a
** 2020 of 1 January, April, July and October beside a 2019 of months,
** was a whole quarter) --: a query that reads a year reads the two years
** before it (series_vtab.c), so a WHERE never changes a reading. */
int ts_year_reading(const keyed_rows *kr, int reading, const year_before *prev, int *pAt) {
  int before = prev == NULL ? READ_DAYS : prev->as_months ? READ_MONTHS : prev->reading;
  if (reading == READ_DAYS && before != READ_DAYS && keys_fit(kr, prev) &&
      (before == READ_MONTHS || (kr->mask & ~(QUARTER_FIRST_MONTHS << prev->at)) == 0)) {
    *pAt = prev->at;
    return before;
  }
  if (reading == READ_QUARTERS && prev && prev->reading == READ_MONTHS && keys_fit(kr, prev))
    return READ_MONTHS;
  return reading;
}

int ts_own_reading_beside(int own, const keyed_rows *kr, const year_before *prev) {
  if (own == READ_DAYS || prev == NULL || !prev->events) return own;
  unsigned mask = kr->mask;
  if (own == READ_QUARTERS) { /* the quarters the months fall in */
    unsigned q = 0;
    for (int k = 0; k < 4; k++) q |= ((mask >> (3 * k)) & 7u) ? 1u << k : 0;
    mask = q;
  }
  return ts_bit_count(mask) >= EVENTS_MONTHS ? own : READ_DAYS;
}
