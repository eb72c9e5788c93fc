/*
** trade/trade.c -- the trade-imbalance measures: the pure core
** declared in trade.h and the trade_imbalance(exports, imports [, measure])
** scalar.
**
** Contract:
**  1. balance = X - M keeps INTEGER when both flows are integers and the
**     difference fits in 64 bits; past that, or with a REAL flow, it is
**     REAL.  It never wraps.  A REAL difference that is not finite (two
**     flows near DBL_MAX) is NULL.
**  2. coverage = X / M * 100, normalized = (X - M) / (X + M) * 100 in
**     [-100, 100], grubel_lloyd = (1 - |X - M| / (X + M)) * 100 in
**     [0, 100], always REAL.  Integer flows are differenced and summed
**     exactly before the one division.
**  3. Undefined maths is NULL: coverage with M = 0, normalized and
**     grubel_lloyd with X + M = 0.  The ratio measures are defined only
**     for flows >= 0 (trade flows are amounts, not net positions); with a
**     negative flow they are NULL rather than a value outside their
**     stated range.  balance is defined for any two numbers.
**  4. Numbers in as everywhere (core/number.c): INTEGER, REAL, numeric TEXT; other TEXT,
**     BLOB and +-Inf are errors naming the argument and quoting the value.
**     A NULL flow gives NULL, but a bad value in the other argument is
**     still an error (a typo is never hidden by a NULL).
**  5. measure defaults to 'balance' and is matched case-insensitively,
**     surrounding spaces ignored; a NULL measure gives NULL; anything else
**     is "argument 3 is not a measure: 'ratio' (expected balance,
**     coverage, normalized or grubel_lloyd)", raised even when a flow is
**     NULL.
**  6. Registered TS_PURE (deterministic, innocuous) for 2 and 3 arguments.
**  7. ts_trade_row_at() (one row of the virtual table): a side with no row
**     summed into it is NULL, never 0, and then every measure and the
**     balance's growth are NULL with note 'no exports' / 'no imports'.
**     prior_balance is the balance of the same period a year earlier,
**     matched by period, and needs both sides there ('no prior balance');
**     balance_growth follows the negative-base rule, and when it is NULL
**     the note says why as the growth engine does ('prior is zero',
**     'prior is too large', 'value is too large', 'growth is too large');
**     a REAL balance beyond a double is NULL with 'balance is too large',
**     a coverage beyond one 'coverage is too large'; each side's growth
**     comes from the shared growth engine (ts_growth_yoy: O(1) per row
**     when no month between is missing).
*/
#include "trade/trade.h"
#include "glue/glue.h"
#include "families.h"

#include <math.h>

const char ts_trade_measure_list[] = "balance, coverage, normalized or grubel_lloyd";

static const struct {
  const char *zName;
  ts_trade_measure measure;
} measure_names[] = {
    {"balance", TS_MEASURE_BALANCE},
    {"coverage", TS_MEASURE_COVERAGE},
    {"normalized", TS_MEASURE_NORMALIZED},
    {"grubel_lloyd", TS_MEASURE_GRUBEL_LLOYD},
};

int ts_trade_measure_parse(const char *z, int n, ts_trade_measure *out) {
  if (z == NULL) return 1;
  if (n < 0) n = (int)strlen(z);
  ts_trim(&z, &n);
  for (size_t i = 0; i < sizeof(measure_names) / sizeof(measure_names[0]); i++) {
    const char *zName = measure_names[i].zName;
    if ((int)strlen(zName) == n && sqlite3_strnicmp(z, zName, n) == 0) {
      *out = measure_names[i].measure;
      return 0;
    }
  }
  return 1;
}

/* ---- the pure core -------------------------------------------------- */

/* X - M, X + M and 2 min(X, M), each as a double and what it leaves out
** (ts_percent_ratio divides them so, rounded once): integers exactly in
** 128 bits; REALs with short decimals as those decimals (0.1 and 0.2 are
** 1 and 2 tenths, so X + M is 3 tenths, not the double
** 0.30000000000000004 that made the normalized balance -33.33333333333333
** for -100/3); other REALs with the sum's and the difference's rounding
** carried (two-sum); for REALs whose total overflows, all halved (the
** ratios are the same and the halves stay finite). */
typedef struct trade_parts {
  double diff, diff_lo, total, total_lo, twice_min, twice_min_lo;
} trade_parts;

static void difference_and_total(const ts_number *x, const ts_number *m, trade_parts *t) {
  double sx, sm, scale;
  memset(t, 0, sizeof(*t));
  if (x->is_int && m->is_int) {
    ts_int128 xi = ts_i128_from_i64(x->i), mi = ts_i128_from_i64(m->i);
    ts_i128_split(ts_i128_sub(xi, mi), &t->diff, &t->diff_lo);
    ts_i128_split(ts_i128_add(xi, mi), &t->total, &t->total_lo);
    ts_int128 lo = x->i < m->i ? xi : mi;
    ts_i128_split(ts_i128_add(lo, lo), &t->twice_min, &t->twice_min_lo);
  } else if (ts_decimal_pair(x->d, m->d, &sx, &sm, &scale)) {
    t->diff = sx - sm; /* both below 2^52: exact */
    t->total = sx + sm;
    t->twice_min = 2.0 * (sx < sm ? sx : sm);
  } else if (isfinite(x->d + m->d) && isfinite(x->d - m->d)) {
    ts_two_sum(x->d, -m->d, &t->diff, &t->diff_lo);
    ts_two_sum(x->d, m->d, &t->total, &t->total_lo);
    t->twice_min = 2.0 * (x->d < m->d ? x->d : m->d);
  } else {
    ts_two_sum(x->d / 2, -m->d / 2, &t->diff, &t->diff_lo);
    ts_two_sum(x->d / 2, m->d / 2, &t->total, &t->total_lo);
    t->twice_min = x->d < m->d ? x->d : m->d;
  }
}

/* A share of a whole never leaves its range, whatever the rounding. */
static double clamp100(double r) { return r > 100.0 ? 100.0 : r < -100.0 ? -100.0 : r; }

const char *ts_trade_ratio(ts_trade_measure measure, const ts_number *x, const ts_number *m,
                           double *out) {
  double r;
  if (measure == TS_MEASURE_BALANCE) {
    ts_number b;
    ts_number_difference(x, m, &b);
    *out = b.d;
    return NULL;
  }
  if (x->d < 0 || m->d < 0) return TS_NOTE_NEGATIVE_FLOW;
  if (measure == TS_MEASURE_COVERAGE) {
    if (m->d == 0) return TS_NOTE_ZERO_IMPORTS;
    if (x->is_int && m->is_int &&
        (!ts_i128_fits_53(ts_i128_from_i64(x->i)) || !ts_i128_fits_53(ts_i128_from_i64(m->i)))) {
      /* INTEGER flows past 2^53, which doubles round */
      double xh, xl, mh, ml;
      ts_i128_split(ts_i128_from_i64(x->i), &xh, &xl);
      ts_i128_split(ts_i128_from_i64(m->i), &mh, &ml);
      r = ts_percent_ratio(xh, xl, mh, ml);
    } else {
      r = ts_percent(x->d, m->d);
    }
  } else {
    trade_parts t;
    difference_and_total(x, m, &t);
    if (t.total == 0) return TS_NOTE_NO_TRADE;
    /* For flows >= 0, 1 - |X - M| / (X + M) is 2 min(X, M) / (X + M):
    ** one division, no cancellation.  1 - q lost the digits of a
    ** near one-way trade: X = 1 beside M = 10^15 gave 1.9984e-13 for
    ** 2.0e-13, X = 1e-300 beside M = 1 gave 0 (one-way) for 2e-298. */
    if (measure == TS_MEASURE_NORMALIZED)
      r = clamp100(ts_percent_ratio(t.diff, t.diff_lo, t.total, t.total_lo));
    else
      r = clamp100(ts_percent_ratio(t.twice_min, t.twice_min_lo, t.total, t.total_lo));
  }
  /* Only a coverage of a huge X over a tiny M can overflow: the imports
  ** are not zero, so the note must not say they are. */
  if (!isfinite(r)) return TS_NOTE_COVERAGE_TOO_LARGE;
  *out = r;
  return NULL;
}

void ts_trade_compute(const ts_number *x, const ts_number *m, ts_trade_measures *out) {
  const char *zWhy;
  memset(out, 0, sizeof(*out));
  ts_number_difference(x, m, &out->balance);
  /* The order sets which reason the note gives first: the columns' order,
  ** balance first (two REALs near the largest double: NULL, not Inf). */
  if (!out->balance.is_int && !isfinite(out->balance.d)) out->note = TS_NOTE_BALANCE_TOO_LARGE;
  zWhy = ts_trade_ratio(TS_MEASURE_NORMALIZED, x, m, &out->normalized);
  out->normalized_ok = zWhy == NULL;
  if (out->note == NULL) out->note = zWhy;
  zWhy = ts_trade_ratio(TS_MEASURE_GRUBEL_LLOYD, x, m, &out->grubel_lloyd);
  out->grubel_lloyd_ok = zWhy == NULL;
  if (out->note == NULL) out->note = zWhy;
  zWhy = ts_trade_ratio(TS_MEASURE_COVERAGE, x, m, &out->coverage);
  out->coverage_ok = zWhy == NULL;
  if (out->note == NULL) out->note = zWhy;
}

/* ---- one row of the virtual table ---------------------------------- */

/* Growth of one side against the same period a year earlier, matched by
** period (the shared growth engine); *pzWhy says why when undefined. */
static int side_growth(ts_period_kind kind, const ts_point *a, int n, int slot, int i, double *out,
                       const char **pzWhy) {
  ts_growth_row g;
  /* The growth half alone is O(1) per row; its year-to-date half is
  ** needed only for the note of a growth that overflowed. */
  ts_growth_yoy(kind, a, n, slot, i, &g);
  if (g.growth_ok) {
    *out = g.growth;
    return 1;
  }
  if (g.note == NULL) ts_growth_at(kind, a, n, slot, i, &g);
  *pzWhy = g.note;
  return 0;
}

static void first_note(ts_trade_row *out, const char *zWhy) {
  if (out->note == NULL) out->note = zWhy;
}

void ts_trade_row_at(ts_period_kind kind, const ts_point *a, int n, int i, ts_trade_row *out) {
  const char *zWhy = NULL, *zExportsWhy = NULL, *zImportsWhy = NULL;
  memset(out, 0, sizeof(*out));
  out->has_exports = a[i].sum[0].count > 0;
  out->has_imports = a[i].sum[1].count > 0;
  if (out->has_exports) ts_sum_value(&a[i].sum[0], &out->exports);
  if (out->has_imports) ts_sum_value(&a[i].sum[1], &out->imports);
  if (!out->has_exports) first_note(out, TS_NOTE_NO_EXPORTS);
  if (!out->has_imports) first_note(out, TS_NOTE_NO_IMPORTS);
  out->preliminary = a[i].preliminary[0] || a[i].preliminary[1];
  {
    ts_period now, then;
    int k = -1;
    if (ts_period_from_ordinal(kind, a[i].ordinal, &now) == 0 &&
        ts_period_prior_year(&now, &then) == 0)
      k = ts_point_find_near(a, n, i, ts_period_ordinal(&then));
    if (k >= 0 && (a[k].preliminary[0] || a[k].preliminary[1])) out->preliminary = 1;
  }
  /* A roll-up missing some of its months (grain=): its sums are parts. */
  if ((out->has_exports && a[i].incomplete[0]) || (out->has_imports && a[i].incomplete[1]))
    first_note(out, TS_NOTE_INCOMPLETE);
  if (out->has_exports)
    out->exports_growth_ok = side_growth(kind, a, n, 0, i, &out->exports_growth, &zExportsWhy);
  if (out->has_imports)
    out->imports_growth_ok = side_growth(kind, a, n, 1, i, &out->imports_growth, &zImportsWhy);
  if (!out->has_exports || !out->has_imports) return;

  ts_trade_compute(&out->exports, &out->imports, &out->measures);
  /* The balance from the exact sums: totals past 2^63 are REALs, and
  ** their difference lost what the exact one keeps (5, not 0.0). */
  ts_sum_difference(&a[i].sum[0], &a[i].sum[1], &out->measures.balance);
  first_note(out, out->measures.note);

  ts_period p, prior;
  int j = -1;
  if (ts_period_from_ordinal(kind, a[i].ordinal, &p) == 0 && ts_period_prior_year(&p, &prior) == 0)
    j = ts_point_find_near(a, n, i, ts_period_ordinal(&prior));
  if (j < 0) {
    zWhy = TS_NOTE_NO_PRIOR;
  } else if (a[j].sum[0].count == 0 || a[j].sum[1].count == 0) {
    zWhy = TS_NOTE_NO_PRIOR_BALANCE;
  } else {
    ts_number x, m;
    ts_sum_value(&a[j].sum[0], &x);
    ts_sum_value(&a[j].sum[1], &m);
    ts_sum_difference(&a[j].sum[0], &a[j].sum[1], &out->prior_balance);
    out->prior_ok = 1;
    int incomplete =
        a[i].incomplete[0] || a[i].incomplete[1] || a[j].incomplete[0] || a[j].incomplete[1];
    /* Like the growth: a change between roll-ups missing months compares
    ** parts, a fake fall or rise. */
    out->balance_change_ok = !incomplete;
    if (!incomplete)
      ts_number_difference(&out->measures.balance, &out->prior_balance, &out->balance_change);
    ts_trade_measures then;
    ts_trade_compute(&x, &m, &then);
    if (!incomplete && out->measures.coverage_ok && then.coverage_ok) {
      out->coverage_change = out->measures.coverage - then.coverage;
      out->coverage_change_ok = isfinite(out->coverage_change);
    }
    if (incomplete) /* a roll-up missing finer periods: this one, or the prior */
      zWhy =
          a[i].incomplete[0] || a[i].incomplete[1] ? TS_NOTE_INCOMPLETE : TS_NOTE_PRIOR_INCOMPLETE;
    else if (ts_growth_of_numbers(&out->measures.balance, &out->prior_balance,
                                  &out->balance_growth))
      /* Zero, or a balance beyond a double (the prior's or this one's), or
      ** a rate that is: said as the growth engine says it, never 'prior
      ** is zero' for a prior that is not. */
      zWhy = ts_growth_failure(out->measures.balance.d, out->prior_balance.d);
    else
      out->balance_growth_ok = 1;
  }
  first_note(out, zWhy);
  first_note(out, zExportsWhy);
  first_note(out, zImportsWhy);
}

/* ---- SQL glue ------------------------------------------------------- */

#define FUNC "trade_imbalance"

/* 0: measure read; 1: NULL; 2: error set on ctx. */
static int arg_measure(sqlite3_context *ctx, sqlite3_value *v, ts_trade_measure *out) {
  int type = sqlite3_value_type(v);
  if (type == SQLITE_NULL) return 1;
  if (type == SQLITE_TEXT) {
    const char *z = (const char *)sqlite3_value_text(v);
    if (z == NULL) {
      sqlite3_result_error_nomem(ctx);
      return 2;
    }
    if (ts_trade_measure_parse(z, sqlite3_value_bytes(v), out) == 0) return 0;
  }
  char *zRepr = ts_value_repr(v);
  if (zRepr == NULL) {
    sqlite3_result_error_nomem(ctx);
    return 2;
  }
  ts_result_error(ctx, FUNC, "argument 3 is not a measure: %s (expected %s)", zRepr,
                  ts_trade_measure_list);
  sqlite3_free(zRepr);
  return 2;
}

static void trade_imbalance_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_trade_measure measure = TS_MEASURE_BALANCE;
  ts_number x, m;
  int is_null = 0;
  if (argc == 3) {
    int rc = arg_measure(ctx, argv[2], &measure);
    if (rc == 2) return;
    is_null = rc == 1;
  }
  ts_number_status st = ts_arg_number(ctx, FUNC, 1, argv[0], &x);
  if (st == TS_NUMBER_NOT_NUMBER) return;
  is_null |= st == TS_NUMBER_NULL;
  st = ts_arg_number(ctx, FUNC, 2, argv[1], &m);
  if (st == TS_NUMBER_NOT_NUMBER) return;
  is_null |= st == TS_NUMBER_NULL;
  if (is_null) {
    sqlite3_result_null(ctx);
    return;
  }
  if (measure == TS_MEASURE_BALANCE) {
    ts_number balance;
    ts_number_difference(&x, &m, &balance);
    ts_result_number(ctx, &balance);
    return;
  }
  double r;
  if (ts_trade_ratio(measure, &x, &m, &r) == NULL)
    ts_result_double(ctx, r);
  else
    sqlite3_result_null(ctx);
}

int ts_trade_register(sqlite3 *db) {
  static const ts_function_def defs[] = {
      {FUNC, 2, TS_PURE, trade_imbalance_func, 0, 0, 0, 0, 0},
      {FUNC, 3, TS_PURE, trade_imbalance_func, 0, 0, 0, 0, 0},
  };
  return ts_register_functions(db, defs, (int)(sizeof(defs) / sizeof(defs[0])));
}
