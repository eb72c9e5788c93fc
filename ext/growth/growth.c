/*
** growth/growth.c -- the growth family's scalars and the cagr aggregate
** (yoy_growth / ytd_growth aggregates and windows: growth_window.c; the
** yoy_growth virtual table: yoy_vtab.c).
**
** Contract:
**  1. pct_change(current, previous): (current - previous) / |previous|
**     * 100 (the negative-base rule of ts_growth).  NULL if either is NULL
**     or previous is 0.  A non-number or +-Inf is an error naming the
**     argument: "pct_change(): argument 2 is not a number: 'n/a'".
**  2. cagr(first, last, years): ((last / first)^(1 / years) - 1) * 100.
**     NULL if any is NULL, first <= 0, last < 0, or years <= 0 (a result
**     that is not finite is NULL too).  Errors as in 1.  Over one year
**     pct_change(last, first) itself; near a ratio of 1 without the
**     cancellation of pow() - 1 (ts_cagr).  Two INTEGERs (the
**     aggregate's integer sums) are differenced exactly.
**  3. cagr(value, period) aggregate: the summed values of the group's
**     first and last periods, and the years between the ends of those
**     periods (a month is 1/12 of a year, a day 1/365 or 1/366).  Rows
**     with a NULL value or period are skipped; one period only, or no
**     row, gives NULL.  Periods of mixed kinds are an error.  Rows may
**     arrive in any order; memory is constant.  As for yoy_growth
**     (growth_window.c, item 1), a last period whose rows are all NULL
**     (KOSIS's `-` for a year not yet published) gives NULL, never the
**     rate to the year before it; a NULL-valued row whose period does not
**     read, or is of another kind, is ignored.
**  4. Fiscal years written YYYY-YY ('2008-09', '2011/12', as UK, Indian
**     and Australian tables write them) read as months (September 2008,
**     December 2011): a group of two periods or more whose every row with
**     a figure is such a text, each month its year's last two digits plus
**     one, is an error rather than a rate over the months' distance
**     (3.25 years from '2008-09' to '2011-12', where the fiscal years are
**     3 apart).  A monthly series cannot be so but by chance: one row a
**     year, its month moving on by one each year.
*/
#include "glue/glue.h"
#include "core/deque.h"
#include "families.h"

#include <math.h>

/* ---- pct_change ---------------------------------------------------- */

static void pct_change_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_number current, previous;
  double growth;
  ts_number_status st = ts_arg_number(ctx, "pct_change", 1, argv[0], &current);
  if (st == TS_NUMBER_NOT_NUMBER) return;
  ts_number_status st2 = ts_arg_number(ctx, "pct_change", 2, argv[1], &previous);
  if (st2 == TS_NUMBER_NOT_NUMBER) return;
  if (st == TS_NUMBER_NULL || st2 == TS_NUMBER_NULL ||
      ts_growth_of_numbers(&current, &previous, &growth)) {
    sqlite3_result_null(ctx);
    return;
  }
  ts_result_double(ctx, growth);
}

/* ---- cagr scalar ----------------------------------------------------- */

static void cagr_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_number arg[3];
  int null = 0;
  double rate;
  for (int i = 0; i < 3; i++) {
    ts_number_status st = ts_arg_number(ctx, "cagr", i + 1, argv[i], &arg[i]);
    if (st == TS_NUMBER_NOT_NUMBER) return;
    null |= st == TS_NUMBER_NULL;
  }
  if (null) {
    sqlite3_result_null(ctx);
    return;
  }
  double growth;
  /* first to last: two INTEGERs differenced exactly (ts_growth_of_numbers),
  ** and their ratio from every digit (an int64 fits a long double's 64) */
  long double first = arg[0].is_int ? (long double)arg[0].i : (long double)arg[0].d;
  long double last = arg[1].is_int ? (long double)arg[1].i : (long double)arg[1].d;
  if (ts_cagr(first, last, arg[2].d,
              ts_growth_of_numbers(&arg[1], &arg[0], &growth) ? NULL : &growth, &rate))
    sqlite3_result_null(ctx);
  else
    sqlite3_result_double(ctx, rate);
}

/* ---- cagr aggregate -------------------------------------------------- */

typedef struct cagr_state {
  ts_sum first_sum, last_sum; /* values of the first and last period */
  ts_period first_seen;       /* quoted when kinds are mixed */
  int64_t first_ordinal, last_ordinal;
  int has_rows;
  /* Per period kind: a NULL-valued row with such a period, and the
  ** latest of their ordinals. */
  unsigned char has_null[TS_KIND_DAY + 1];
  int64_t null_last[TS_KIND_DAY + 1];
  int not_fiscal; /* a row with a figure whose label is no 'YYYY-YY' (item 4) */
} cagr_state;

static cagr_state *cagr_state_of(sqlite3_context *ctx, int create) {
  return sqlite3_aggregate_context(ctx, create ? (int)sizeof(cagr_state) : 0);
}

/* A row with a NULL value: only its period is kept (contract item 3). */
static void cagr_no_figure(sqlite3_context *ctx, sqlite3_value *vPeriod) {
  ts_period period;
  char *zErr = NULL;
  int rc = ts_value_period(vPeriod, &period, &zErr);
  sqlite3_free(zErr);
  if (rc != 0) return;
  cagr_state *s = cagr_state_of(ctx, 1);
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  int64_t ordinal = ts_period_ordinal(&period);
  int k = period.kind;
  if (!s->has_null[k] || ordinal > s->null_last[k]) s->null_last[k] = ordinal;
  s->has_null[k] = 1;
}

/* Is v the text of a fiscal year written YYYY-YY or YYYY/YY, read as
** the month p (item 4): seven characters once trimmed, the month its
** year's last two digits plus one ('2008-09', '2011/12')? */
static int fiscal_shaped(sqlite3_value *v, const ts_period *p) {
  if (sqlite3_value_type(v) != SQLITE_TEXT || p->kind != TS_KIND_MONTH ||
      p->sub != p->year % 100 + 1)
    return 0;
  const char *z = (const char *)sqlite3_value_text(v);
  int n = sqlite3_value_bytes(v);
  if (z == NULL) return 0;
  ts_trim_text(&z, &n);
  return n == 7 && (z[4] == '-' || z[4] == '/');
}

static void cagr_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_number value;
  ts_period period;
  ts_number_status st = ts_arg_number(ctx, "cagr", 1, argv[0], &value);
  if (st == TS_NUMBER_NULL) {
    cagr_no_figure(ctx, argv[1]);
    return;
  }
  if (st != TS_NUMBER_OK) return;
  if (ts_arg_period(ctx, "cagr", 2, argv[1], &period) != 0) return;
  cagr_state *s = cagr_state_of(ctx, 1);
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  int64_t ordinal = ts_period_ordinal(&period);
  if (!fiscal_shaped(argv[1], &period)) s->not_fiscal = 1;
  if (!s->has_rows) {
    s->has_rows = 1;
    s->first_seen = period;
    s->first_ordinal = s->last_ordinal = ordinal;
  } else if (period.kind != s->first_seen.kind) {
    char first[TS_PERIOD_LABEL_MAX], other[TS_PERIOD_LABEL_MAX];
    ts_period_format(&s->first_seen, first);
    ts_period_format(&period, other);
    ts_result_error(ctx, "cagr", "series mixes period kinds: '%s' and '%s'", first, other);
    return;
  }
  if (ordinal < s->first_ordinal) {
    s->first_ordinal = ordinal;
    ts_sum_init(&s->first_sum);
  }
  if (ordinal > s->last_ordinal) {
    s->last_ordinal = ordinal;
    ts_sum_init(&s->last_sum);
  }
  if (ordinal == s->first_ordinal) ts_sum_add(&s->first_sum, &value);
  if (ordinal == s->last_ordinal) ts_sum_add(&s->last_sum, &value);
}

/* The error of item 4: months that are fiscal years written YYYY-YY. */
static void cagr_fiscal_error(sqlite3_context *ctx, const ts_period *first, const ts_period *last) {
  char zFirst[TS_PERIOD_LABEL_MAX], zLast[TS_PERIOD_LABEL_MAX];
  ts_period_format(first, zFirst);
  ts_period_format(last, zLast);
  ts_result_error(ctx, "cagr",
                  "periods '%s' to '%s' look like fiscal years written YYYY-YY (each month is"
                  " its year's last two digits plus one): as months they are %g years apart,"
                  " as fiscal years %d; give fiscal years as their first year"
                  " (substr(period, 1, 4)), or such months in another form ('%04d%02d')",
                  zFirst, zLast, ts_period_years_between(first, last), last->year - first->year,
                  first->year, first->sub);
}

/* ts_cagr of the first and last periods' sums, their growth exact when
** both hold integers only (ts_growth_of_sums) */
static int cagr_of_sums(const cagr_state *s, double years, double *rate) {
  double first = ts_sum_double(&s->first_sum), last = ts_sum_double(&s->last_sum), growth;
  int undefined = ts_growth_of_sums(&s->last_sum, &s->first_sum, last, first, &growth);
  return ts_cagr(first, last, years, undefined ? NULL : &growth, rate);
}

static void cagr_final(sqlite3_context *ctx) {
  cagr_state *s = cagr_state_of(ctx, 0);
  ts_period first, last;
  double rate;
  if (s != NULL && s->has_rows && !s->not_fiscal && s->first_ordinal != s->last_ordinal &&
      ts_period_from_ordinal(TS_KIND_MONTH, s->first_ordinal, &first) == 0 &&
      ts_period_from_ordinal(TS_KIND_MONTH, s->last_ordinal, &last) == 0) {
    cagr_fiscal_error(ctx, &first, &last);
    return;
  }
  if (s == NULL || !s->has_rows ||
      (s->has_null[s->first_seen.kind] && s->null_last[s->first_seen.kind] > s->last_ordinal) ||
      ts_period_from_ordinal(s->first_seen.kind, s->first_ordinal, &first) ||
      ts_period_from_ordinal(s->first_seen.kind, s->last_ordinal, &last) ||
      cagr_of_sums(s, ts_period_years_between(&first, &last), &rate)) {
    sqlite3_result_null(ctx);
    return;
  }
  sqlite3_result_double(ctx, rate);
}

int ts_growth_register(sqlite3 *db) {
  static const ts_function_def defs[] = {
      {"pct_change", 2, TS_PURE, pct_change_func, 0, 0, 0, 0, 0},
      {"cagr", 3, TS_PURE, cagr_func, 0, 0, 0, 0, 0},
      {"cagr", 2, TS_PURE_AGG, 0, cagr_step, cagr_final, 0, 0, 0},
  };
  return ts_register_functions(db, defs, (int)(sizeof(defs) / sizeof(defs[0])));
}
