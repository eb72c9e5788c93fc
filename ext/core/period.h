/*
** core/period.h -- periods: parse every accepted label form, format the
** canonical label, and the calendar arithmetic growth and projection need
** (ordinal, shift, prior year, roll-up, year fraction).  Implemented in
** core/period.c; the SQL functions over it are in period/.
*/
#ifndef TS_CORE_PERIOD_H
#define TS_CORE_PERIOD_H

#include "core/core.h"

typedef enum ts_period_kind {
  TS_KIND_NONE = 0,
  TS_KIND_YEAR = 1,
  TS_KIND_HALF = 2,
  TS_KIND_QUARTER = 3,
  TS_KIND_MONTH = 4,
  TS_KIND_DAY = 5
} ts_period_kind;

typedef struct ts_period {
  ts_period_kind kind;
  int year;        /* 1 .. 9999 */
  int sub;         /* 1-based position in the year: half 1-2, quarter 1-4,
                      month 1-12, day: month (1-12); year: 1 */
  int day;         /* day of month for TS_KIND_DAY, else 0 */
  int preliminary; /* 1 if the label carried a 'p' / 'p)' / '(p)' mark */
} ts_period;

#define TS_PERIOD_LABEL_MAX 16 /* "9999-12-31" + NUL, with room */

/* Parse a label.  Returns 0 on success, non-zero when the text is not a
** period in any accepted form.  n < 0 means NUL-terminated. */
int ts_period_parse(const char *z, int n, ts_period *out);
/* ts_period_parse for exactly the canonical month 'YYYY-MM' (7 bytes):
** returns 0, sets *out as ts_period_parse does and *ordinal to
** ts_period_ordinal(out); 1 for any other text, which may still be a
** period (the caller then asks ts_period_parse). */
int ts_period_parse_month(const char *z, int n, ts_period *out, int64_t *ordinal);
/* INTEGER periods: a year (1800..2199) or YYYYMM (180001..219912).  A
** year outside is text only ('1750', '0999'): a whole number 1000..9999
** is as often a date column written as a count of days (R's Date, days
** since 1970-01-01: 9131 is 1995-01-01), and read as years daily data
** gave day-over-day growth labelled year-over-year; a month outside too
** ('2301-01'): six digits past 219912 are as often YYMMDD dates (230101
** is 2023-01-01), and read as months every month was another year's. */
#define TS_PERIOD_INT_YEAR_MIN 1800
#define TS_PERIOD_INT_YEAR_MAX 2199
int ts_period_from_int(int64_t v, ts_period *out);
/* Canonical label into buf (at least TS_PERIOD_LABEL_MAX bytes). */
void ts_period_format(const ts_period *p, char *buf);
const char *ts_period_kind_name(ts_period_kind k);
/* Parses 'year', 'half', 'quarter', 'month', 'day'; TS_KIND_NONE if not. */
ts_period_kind ts_period_kind_from_name(const char *z);
/* The accepted forms, for error messages. */
extern const char ts_period_forms[];
/* The accepted form a label that does not parse comes closest to, by the
** shape of its characters (digits, letters, punctuation), as a quoted
** example with its range: "'YYYY-MM' (month 01-12)". */
const char *ts_period_nearest_form(const char *z, int n);

/* Periods per year of the kinds whose ordinal is year * n + (sub - 1)
** (year 1, half 2, quarter 4, month 12); 0 for days and none, whose
** year the calendar decides.  Inline: the growth engine and the window's
** deque call it per row. */
static inline int ts_period_steps_per_year(ts_period_kind k) {
  switch (k) {
    case TS_KIND_YEAR: return 1;
    case TS_KIND_HALF: return 2;
    case TS_KIND_QUARTER: return 4;
    case TS_KIND_MONTH: return 12;
    default: return 0;
  }
}

/* A monotone integer: consecutive periods of one kind differ by 1. */
int64_t ts_period_ordinal(const ts_period *p);
/* Inverse of ts_period_ordinal.  Returns non-zero if out of range. */
int ts_period_from_ordinal(ts_period_kind k, int64_t ord, ts_period *out);
/* Periods of the kind in p's year (days: 365 or 366). */
int ts_periods_in_year(const ts_period *p);
/* 1-based position of p in its year (days: day of year). */
int ts_period_position(const ts_period *p);
/* n steps later (earlier if n < 0).  Non-zero if out of range. */
int ts_period_shift(const ts_period *p, int64_t n, ts_period *out);
/* Same period one year earlier.  1: none (29 Feb, or year 1); 0: ok. */
int ts_period_prior_year(const ts_period *p, ts_period *out);
/* Coarser period containing p.  Non-zero if kind is finer than p's. */
int ts_period_rollup(const ts_period *p, ts_period_kind kind, ts_period *out);
/* Share of the year elapsed at the end of p, in (0, 1]. */
double ts_period_year_fraction(const ts_period *p);
/* First and last day of p, as TS_KIND_DAY periods. */
void ts_period_start(const ts_period *p, ts_period *out);
/* First month (1-12) and number of months p covers; a day stands for its
** month (the roll-ups' bookkeeping of covered months). */
void ts_period_month_span(const ts_period *p, int *first, int *count);
void ts_period_end(const ts_period *p, ts_period *out);
int ts_days_in_month(int year, int month);
/* How many periods of kind `inner` (finer or equal) p spans. */
int ts_period_count_within(const ts_period *p, ts_period_kind inner);

/* Years from the end of period a to the end of period b, counting a
** sub-annual period as the fraction of its year it closes
** (ts_period_year_fraction).  Both periods must be of one kind. */
double ts_period_years_between(const ts_period *a, const ts_period *b);

#endif /* TS_CORE_PERIOD_H */
