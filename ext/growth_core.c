/*
** growth_core.c -- the one engine behind every form of yoy and ytd growth
** (aggregate, window, virtual table).
**
** Contract:
**  1. The prior period is found by its period ordinal, never by position:
**     a missing month gives "no prior period", not a comparison with the
**     wrong month (the LAG(x, 12) bug).
**  2. Growth uses the negative-base rule of ts_growth(); a zero prior gives
**     "prior is zero".
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
**     with a whole one.
**  6. Cost: O(log n + periods per year) per point; nothing allocates.
*/
#include "tradestat_internal.h"

#include <stdlib.h>

static int present(const ts_point *a, int j, int slot) {
  return a[j].sum[slot].count > 0;
}

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
      /* Finer periods seen in two places may repeat: cannot count them. */
      if (a[i].n_sub[slot]) a[kept].sub_kind[slot] = TS_SUB_UNKNOWN;
    }
  }
  return kept + 1;
}

int ts_point_find(const ts_point *a, int n, int64_t ordinal) {
  int j = point_floor(a, n, ordinal);
  return (j >= 0 && a[j].ordinal == ordinal) ? j : -1;
}

/* Sums the points present in slot from the start of `year` to `end`
** (an ordinal in that year); returns how many there were. */
static int sum_year_to(ts_period_kind kind, const ts_point *a, int n, int slot,
                       int year, int64_t end, ts_sum *out) {
  ts_period first = {kind, year, 1, 1, 0};
  int64_t start = ts_period_ordinal(&first);
  int count = 0;
  ts_sum_init(out);
  for (int j = point_floor(a, n, end); j >= 0 && a[j].ordinal >= start; j--) {
    if (!complete(a, j, slot)) continue;
    ts_sum_merge(out, &a[j].sum[slot]);
    count++;
  }
  return count;
}

/* The prior year's period that closes the same part of the year as p. */
static void prior_year_end(const ts_period *p, ts_period *out) {
  *out = *p;
  out->year = p->year - 1;
  if (p->kind == TS_KIND_DAY && p->day > ts_days_in_month(out->year, p->sub))
    out->day = ts_days_in_month(out->year, p->sub);
}

static void growth_of_values(ts_growth_row *out, double current, double prior) {
  if (prior == 0.0) out->note = TS_NOTE_PRIOR_ZERO;
  else out->growth_ok = !ts_growth(current, prior, &out->growth);
}

void ts_growth_at(ts_period_kind kind, const ts_point *a, int n, int slot,
                  int i, ts_growth_row *out) {
  ts_period p, prior;
  memset(out, 0, sizeof(*out));
  out->prior_index = -1;
  if (ts_period_from_ordinal(kind, a[i].ordinal, &p)) return;

  if (ts_period_prior_year(&p, &prior) == 0) {
    int j = ts_point_find(a, n, ts_period_ordinal(&prior));
    if (j >= 0 && present(a, j, slot)) out->prior_index = j;
  }
  if (out->prior_index < 0) {
    out->note = TS_NOTE_NO_PRIOR;
  } else if (!complete(a, i, slot) || !complete(a, out->prior_index, slot)) {
    out->note = TS_NOTE_INCOMPLETE;
  } else {
    growth_of_values(out, ts_sum_double(&a[i].sum[slot]),
                     ts_sum_double(&a[out->prior_index].sum[slot]));
  }

  ts_sum ytd, prior_ytd;
  int have = sum_year_to(kind, a, n, slot, p.year, a[i].ordinal, &ytd);
  out->ytd_ok = have == ts_period_position(&p);
  if (out->ytd_ok) ts_sum_value(&ytd, &out->ytd);
  if (p.year > 1) {
    ts_period end;
    prior_year_end(&p, &end);
    have = sum_year_to(kind, a, n, slot, end.year, ts_period_ordinal(&end), &prior_ytd);
    out->prior_ytd_ok = have == ts_period_position(&end);
    if (out->prior_ytd_ok) ts_sum_value(&prior_ytd, &out->prior_ytd);
  }
  if (out->ytd_ok && out->prior_ytd_ok) {
    double base = ts_sum_double(&prior_ytd);
    if (base != 0.0)
      out->ytd_growth_ok = !ts_growth(ts_sum_double(&ytd), base, &out->ytd_growth);
  }
  if (out->note == NULL && !out->ytd_growth_ok) {
    out->note = !out->ytd_ok ? TS_NOTE_YTD
              : !out->prior_ytd_ok ? TS_NOTE_PRIOR_YTD
              : TS_NOTE_PRIOR_ZERO;
  }
}
