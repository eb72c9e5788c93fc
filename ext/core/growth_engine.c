/*
** core/growth_engine.c -- the one engine behind every form of yoy and ytd growth
** (aggregate, window, virtual table).
**
** Contract:
**  1. The prior period is found by its period ordinal, never by position:
**     a missing month gives "no prior period", not a comparison with the
**     wrong month (the LAG(x, 12) bug).
**  2. Growth uses the negative-base rule of ts_growth(); a zero prior gives
**     "prior is zero".  A REAL sum that overflowed (its value is NULL)
**     gives "prior is too large" or "value is too large", and a growth
**     too large for a double (a prior tiny beside the value) "growth is
**     too large": never "prior is zero" for a prior that is not.  The
**     year-to-date growth's note follows the same rules on its sums.
**  3. Year-to-date is the sum of the year's periods up to this one; it is
**     defined only when every one of them is present ("incomplete
**     year-to-date"), and its growth only when the same periods of the
**     prior year are all present too ("incomplete prior year-to-date").
**     For days, the prior year's same periods end at the same calendar
**     date (28 February standing in for 29 February).
**  4. A point is present in a slot when at least one row was summed into
**     that slot (sum[slot].count > 0), so a zero is a value, not a gap.
**  5. A rolled-up point missing some of its finer periods (a quarter with
**     two of its three months) is "incomplete period": its growth is NULL
**     and it breaks the year-to-date, rather than comparing a partial sum
**     with a whole one.  That note comes first: its own value is a part,
**     whether or not a prior period exists.  A whole point whose prior
**     is such a roll-up is "incomplete prior period" (its growth NULL,
**     its prior_value the part), as a year-to-date has "incomplete
**     year-to-date" and "incomplete prior year-to-date".
**  6. Cost: ts_growth_at is O(log n + periods per year) per point;
**     ts_growth_next, walking a series in period order, keeps running
**     year-to-date sums and costs O(1) amortized per point (the virtual
**     tables' path).  Both sum in period order, so they agree to the bit.
**     ts_growth_yoy is the growth half alone (no year-to-date), O(1)
**     when no period between the point and its prior is missing, else
**     O(log n); ts_growth_yoy_half is the same computation writing only
**     the growth half's fields (the virtual table's growth column, once
**     per row).  Nothing allocates.
*/
#include "core/series.h"

#include <stdlib.h>

static int present(const ts_point *a, int j, int slot) { return a[j].sum[slot].count > 0; }

/* Present, and (for a roll-up) holding every finer period it spans. */
static int complete(const ts_point *a, int j, int slot) {
  return present(a, j, slot) && !a[j].incomplete[slot];
}

/* Largest j with a[j].ordinal <= ordinal, or -1. */
static int point_floor(const ts_point *a, int n, int64_t ordinal) {
  int lo = 0, hi = n - 1, found = -1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (a[mid].ordinal <= ordinal) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

static int compare_points(const void *x, const void *y) {
  int64_t a = ((const ts_point *)x)->ordinal, b = ((const ts_point *)y)->ordinal;
  return (a > b) - (a < b);
}

int ts_points_sort_merge(ts_point *a, int n) {
  if (n < 2) return n;
  qsort(a, (size_t)n, sizeof(ts_point), compare_points);
  int kept = 0;
  for (int i = 1; i < n; i++) {
    if (a[i].ordinal != a[kept].ordinal) {
      a[++kept] = a[i];
      continue;
    }
    for (int slot = 0; slot < 2; slot++) {
      ts_sum_merge(&a[kept].sum[slot], &a[i].sum[slot]);
      /* The months each kind covered: the union, whatever the order. */
      for (int k = 0; k < TS_KIND_DAY; k++) a[kept].cover[slot][k] |= a[i].cover[slot][k];
      a[kept].incomplete[slot] |= a[i].incomplete[slot];
      a[kept].preliminary[slot] |= a[i].preliminary[slot];
      a[kept].weekdays[slot] |= a[i].weekdays[slot];
      a[kept].mday[slot] = ts_mday_join(a[kept].mday[slot], a[i].mday[slot]);
    }
  }
  return kept + 1;
}

int ts_point_find(const ts_point *a, int n, int64_t ordinal) {
  int j = point_floor(a, n, ordinal);
  return (j >= 0 && a[j].ordinal == ordinal) ? j : -1;
}

/* Starts acc over: nothing of `year` summed yet. */
static void year_sum_reset(ts_year_sum *acc, ts_period_kind kind, const ts_point *a, int n,
                           int year) {
  ts_period first = {kind, year, 1, 1, 0};
  acc->year = year;
  acc->count = 0;
  acc->next = point_floor(a, n, ts_period_ordinal(&first) - 1) + 1;
  ts_sum_init(&acc->sum);
}

/* Brings acc to the complete points of slot from the start of `year` to
** `end` (an ordinal in that year).  Moving forward only adds the points
** passed, so a cursor walking a series costs O(1) amortized per point;
** any other move starts over from the year's first point. */
static void year_sum_to(ts_year_sum *acc, ts_period_kind kind, const ts_point *a, int n, int slot,
                        int year, int64_t end) {
  if (!acc->valid || acc->year != year || end < acc->end) year_sum_reset(acc, kind, a, n, year);
  acc->valid = 1;
  acc->end = end;
  for (; acc->next < n && a[acc->next].ordinal <= end; acc->next++) {
    if (!complete(a, acc->next, slot)) continue;
    ts_sum_merge(&acc->sum, &a[acc->next].sum[slot]);
    acc->count++;
  }
}

/* ts_sum_double without the 128-bit conversions when the total is a
** small exact integer (every integer below 2^53 is a double). */
static inline double sum_double(const ts_sum *s) {
  if (s->n_real == 0 && ts_i128_fits_53(s->exact)) return (double)ts_i128_to_i64(s->exact);
  return ts_sum_double(s);
}

/* The prior year's period that closes the same part of the year as p. */
static void prior_year_end(const ts_period *p, ts_period *out) {
  *out = *p;
  out->year = p->year - 1;
  if (p->kind == TS_KIND_DAY && p->day > ts_days_in_month(out->year, p->sub))
    out->day = ts_days_in_month(out->year, p->sub);
}

/* Why ts_growth(current, prior) is undefined.  Sums of REALs can
** overflow to +-Inf (the value shown is then NULL): the prior is checked
** first, like the zero, as the base of the growth.  Shared with the trade
** table's balance growth, whose balances can overflow the same way. */
const char *ts_growth_failure(double current, double prior) {
  if (prior == 0.0) return TS_NOTE_PRIOR_ZERO;
  if (!isfinite(prior)) return TS_NOTE_PRIOR_TOO_LARGE;
  if (!isfinite(current)) return TS_NOTE_VALUE_TOO_LARGE;
  return TS_NOTE_GROWTH_TOO_LARGE;
}

/* The growth of two totals, out of line: growth_of_values' way for all
** but the usual pair. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void
growth_of_totals(ts_growth_row *out, const ts_sum *cur, const ts_sum *pri) {
  double current = sum_double(cur), prior = sum_double(pri);
  out->growth_ok = !ts_growth_of_sums(cur, pri, current, prior, &out->growth);
  if (!out->growth_ok) out->note = ts_growth_failure(current, prior);
}

/* The usual pair, INTEGER totals below 2^46 (ts_growth_small: the double
** ts_growth_of_sums gives), inline and without saving registers for the
** general way. */
static inline void growth_of_values(ts_growth_row *out, const ts_sum *cur, const ts_sum *pri) {
  if (cur->n_real == 0 && pri->n_real == 0 && ts_growth_small(cur->exact, pri->exact, &out->growth))
    out->growth_ok = 1;
  else
    growth_of_totals(out, cur, pri);
}

void ts_sum_difference(const ts_sum *a, const ts_sum *b, ts_number *out) {
  if (a->n_real == 0 && b->n_real == 0) {
    ts_int128 d = ts_i128_sub(a->exact, b->exact);
    if (ts_i128_fits_i64(d)) {
      ts_number_from_int(ts_i128_to_i64(d), out);
    } else {
      out->is_int = 0;
      out->i = 0;
      out->d = ts_i128_to_double(d);
    }
    return;
  }
  ts_number x, y;
  ts_sum_value(a, &x);
  ts_sum_value(b, &y);
  ts_number_difference(&x, &y, out);
}

void ts_growth_cursor_init(ts_growth_cursor *c) { memset(c, 0, sizeof(*c)); }

int ts_point_find_near(const ts_point *a, int n, int i, int64_t ordinal) {
  int64_t guess = (int64_t)i - (a[i].ordinal - ordinal);
  if (guess >= 0 && guess < n && a[guess].ordinal == ordinal) return (int)guess;
  return ts_point_find(a, n, ordinal);
}

/* Index of the prior-year point with ordinal `want`: where it sits when
** no period between is missing (the common case: O(1)), then the
** caller's hint, then a binary search. */
static int prior_point(const ts_point *a, int n, int i, int64_t want, int hint) {
  int64_t guess = (int64_t)i - (a[i].ordinal - want);
  if (guess >= 0 && guess < n && a[guess].ordinal == want) return (int)guess;
  if (hint >= 0 && hint < n && a[hint].ordinal == want) return hint;
  return ts_point_find(a, n, want);
}

/* "No prior-year period": not -1, which is a day's ordinal (1969-12-31;
** days before 1970 are negative and had no growth at all). */
#define NO_PRIOR INT64_MIN

/* The growth half of a row once its prior is found: j is the index of
** the prior-year point when it is present, else -1. */
static inline void growth_with_prior(const ts_point *a, int slot, int i, int j,
                                     ts_growth_row *out) {
  out->prior_index = j;
  if (present(a, i, slot) && !complete(a, i, slot)) {
    out->note = TS_NOTE_INCOMPLETE; /* its own value is a part: say so first */
  } else if (j < 0) {
    out->note = TS_NOTE_NO_PRIOR;
  } else if (!complete(a, j, slot)) {
    out->note = TS_NOTE_PRIOR_INCOMPLETE; /* its own value is whole */
  } else {
    growth_of_values(out, &a[i].sum[slot], &a[j].sum[slot]);
  }
}

/* The growth half of a row: prior_index, growth, and the note when it is
** undefined.  want: the prior-year period's ordinal, or NO_PRIOR when
** point i has none (year 1, 29 February). */
static void growth_against_prior(int64_t want, const ts_point *a, int n, int slot, int i, int hint,
                                 ts_growth_row *out) {
  int j = -1;
  if (want != NO_PRIOR) {
    j = prior_point(a, n, i, want, hint);
    if (j >= 0 && !present(a, j, slot)) j = -1;
  }
  growth_with_prior(a, slot, i, j, out);
}

/* The prior-year ordinal of a period p, or NO_PRIOR when it has none. */
static int64_t prior_ordinal(const ts_period *p) {
  ts_period prior;
  return ts_period_prior_year(p, &prior) == 0 ? ts_period_ordinal(&prior) : NO_PRIOR;
}

/* ts_growth_yoy_half for days, whose prior year the calendar decides:
** out of line, so the fixed kinds' way below saves no registers for it. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void
yoy_half_calendar(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                  ts_growth_row *out) {
  ts_period p;
  if (ts_period_from_ordinal(kind, a[i].ordinal, &p)) return;
  growth_against_prior(prior_ordinal(&p), a, n, slot, i, -1, out);
}

void ts_growth_yoy_half(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                        ts_growth_row *out) {
  out->prior_index = -1;
  out->growth_ok = 0;
  out->note = NULL;
  /* Months, quarters, halves and years: the same period a year earlier
  ** is per_year ordinals back (year 1 has none), with no calendar to
  ** consult; the range check is ts_period_from_ordinal's. */
  int per_year = ts_period_steps_per_year(kind);
  if (per_year <= 0) {
    yoy_half_calendar(kind, a, n, slot, i, out);
    return;
  }
  int64_t ord = a[i].ordinal;
  if (ord < per_year || ord > (int64_t)9999 * per_year + (per_year - 1)) return;
  /* prior_point with no hint, written out: this runs once per row. */
  int j = -1;
  if (ord >= 2 * per_year) {
    int64_t want = ord - per_year, guess = (int64_t)i - per_year;
    j = guess >= 0 && guess < n && a[guess].ordinal == want ? (int)guess
                                                            : ts_point_find(a, n, want);
    if (j >= 0 && !present(a, j, slot)) j = -1;
  }
  growth_with_prior(a, slot, i, j, out);
}

void ts_growth_yoy(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                   ts_growth_row *out) {
  memset(out, 0, sizeof(*out));
  ts_growth_yoy_half(kind, a, n, slot, i, out);
}

void ts_growth_next(ts_growth_cursor *c, ts_period_kind kind, const ts_point *a, int n, int slot,
                    int i, ts_growth_row *out) {
  ts_period p, end;
  memset(out, 0, sizeof(*out));
  out->prior_index = -1;
  if (ts_period_from_ordinal(kind, a[i].ordinal, &p)) return;

  /* The prior year's year-to-date ends at the prior period itself (or at
  ** 28 February for a 29th), so its last point is the likely prior. */
  int have_prior_year = p.year > 1;
  if (have_prior_year) {
    prior_year_end(&p, &end);
    year_sum_to(&c->prior_ytd, kind, a, n, slot, end.year, ts_period_ordinal(&end));
  }
  growth_against_prior(prior_ordinal(&p), a, n, slot, i,
                       have_prior_year ? c->prior_ytd.next - 1 : -1, out);

  year_sum_to(&c->ytd, kind, a, n, slot, p.year, a[i].ordinal);
  out->ytd_ok = c->ytd.count == ts_period_position(&p);
  if (out->ytd_ok) ts_sum_value(&c->ytd.sum, &out->ytd);
  if (have_prior_year) {
    out->prior_ytd_ok = c->prior_ytd.count == ts_period_position(&end);
    if (out->prior_ytd_ok) ts_sum_value(&c->prior_ytd.sum, &out->prior_ytd);
  }
  double ytd = 0.0, base = 0.0;
  if (out->ytd_ok && out->prior_ytd_ok) {
    ytd = sum_double(&c->ytd.sum);
    base = sum_double(&c->prior_ytd.sum);
    out->ytd_growth_ok =
        !ts_growth_of_sums(&c->ytd.sum, &c->prior_ytd.sum, ytd, base, &out->ytd_growth);
  }
  if (out->note == NULL && !out->ytd_growth_ok) {
    out->note = !out->ytd_ok         ? TS_NOTE_YTD
                : !out->prior_ytd_ok ? TS_NOTE_PRIOR_YTD
                                     : ts_growth_failure(ytd, base);
  }
}

void ts_growth_at(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                  ts_growth_row *out) {
  ts_growth_cursor c;
  ts_growth_cursor_init(&c);
  ts_growth_next(&c, kind, a, n, slot, i, out);
}
