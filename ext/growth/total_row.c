/*
** growth/total_row.c -- finding a total row among the series; see
** total_row.h for the interface and docs/design.md ("A total row without
** `total=` is an error") for the rule and why.
**
** Costs: per period a fixed record, per series a grand sum; each series'
** points are matched to the periods by binary search.  Of a group of
** more than SOME_MAX_SERIES series nothing of a series is kept but its
** grand sum, so the caller reads the source once more to judge the
** candidates -- one read for all of them, and only when there is one.  A
** smaller group keeps every figure (as doubles) for the rule over some
** of the others, which picks its candidate from them (its search:
** total_row_some.c; what the two share: total_row_int.h).
*/
#include "growth/total_row_int.h"
#include "core/alloc.h"
#include "core/core.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

ts_total_guard *ts_total_guard_new(void) {
  ts_total_guard *g = sqlite3_malloc64(sizeof(*g));
  if (g) {
    memset(g, 0, sizeof(*g));
    g->unit_exp = INT_MAX;
    g->lastCand = -1;
    g->some.holder = -1;
  }
  return g;
}

static void drop_kept(ts_total_guard *g) {
  if (g->aKept == NULL) return;
  for (int i = 0; i < g->nSer && i < SOME_MAX_SERIES; i++) sqlite3_free(g->aKept[i].a);
  sqlite3_free(g->aKept);
  g->aKept = NULL;
}

void ts_total_guard_free(ts_total_guard *g) {
  if (g == NULL) return;
  sqlite3_free(g->aPer);
  for (int i = 0; i < g->nSer; i++) sqlite3_free(g->aSer[i].aRun);
  sqlite3_free(g->aSer);
  sqlite3_free(g->aCand);
  drop_kept(g);
  sqlite3_free(g);
}

/* ---- the rounding of the source -------------------------------------- */

/* The largest e with the figure a multiple of 10^e (-9 <= e <= 15): a
** source rounded to units gives 0, to thousands 3, to one decimal -1.
** INT_MAX for zero (no constraint), NO_UNIT when no e fits. */
static int decimal_exponent(const ts_sum *v) {
  double x = fabs(ts_sum_double(v));
  if (x == 0.0) return INT_MAX;
  if (v->n_real == 0 && ts_i128_fits_i64(v->exact)) {
    int64_t i = ts_i128_to_i64(v->exact);
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    int e = 0;
    while (e < 15 && u % 10 == 0) u /= 10, e++;
    return e;
  }
  double scale = 1.0;
  for (int j = 0; j <= 9; j++, scale *= 10.0) {
    double r = x * scale;
    if (r >= 4503599627370496.0) return NO_UNIT; /* 2^52: every double is whole */
    /* a decimal of j digits read as a double and scaled: a few ulps off */
    if (fabs(r - nearbyint(r)) > 64.0 * DBL_EPSILON * r) continue;
    if (j > 0) return -j;
    int e = 0;
    r = nearbyint(r);
    while (e < 15 && fmod(r, 10.0) == 0.0) r /= 10.0, e++;
    return e;
  }
  return NO_UNIT;
}

/* ---- pass one: every series ------------------------------------------- */

static void period_init(per_period *p, int64_t ordinal) {
  memset(p, 0, sizeof(*p));
  p->ordinal = ordinal;
  ts_sum_init(&p->total);
  ts_sum_init(&p->top);
  p->holder = p->holder2 = -1;
}

/* Adds the periods of a[0..n) the guard has not seen: one merge of two
** sorted arrays, only when the series brings a new period. */
static int add_periods(ts_total_guard *g, const ts_point *a, int n) {
  int nNew = 0;
  for (int i = 0; i < n; i++) nNew += find_period(g, a[i].ordinal) < 0;
  if (nNew == 0) return SQLITE_OK;
  int nOut = g->nPer + nNew;
  per_period *out = sqlite3_malloc64(sizeof(*out) * (sqlite3_uint64)nOut);
  if (out == NULL) return SQLITE_NOMEM;
  int i = 0, j = 0, k = 0;
  while (i < g->nPer || j < n) {
    if (j >= n || (i < g->nPer && g->aPer[i].ordinal <= a[j].ordinal)) {
      if (j < n && g->aPer[i].ordinal == a[j].ordinal) j++;
      out[k++] = g->aPer[i++];
    } else {
      period_init(&out[k++], a[j++].ordinal);
    }
  }
  sqlite3_free(g->aPer);
  g->aPer = out;
  g->nPer = k;
  return SQLITE_OK;
}

/* Series iSeries' figure v in period p: the sums, the two largest. */
static void add_figure(per_period *p, int iSeries, const ts_point *pt) {
  const ts_sum *v = &pt->sum[0];
  double x = ts_sum_double(v);
  p->incomplete += pt->incomplete[0] != 0;
  ts_sum_merge(&p->total, v);
  p->count++;
  p->mag += fabs(x);
  if (x < 0.0) p->negative = 1;
  if (p->holder < 0 || x > ts_sum_double(&p->top)) {
    if (p->holder >= 0) {
      p->top2 = ts_sum_double(&p->top);
      p->holder2 = p->holder;
    }
    p->top = *v;
    p->holder = iSeries;
  } else if (p->holder2 < 0 || x > p->top2) {
    p->top2 = x;
    p->holder2 = iSeries;
  }
}

/* Keeps series g->nSer's figures while the group is small enough for the
** rule over some of the others; drops them all once it is not. */
static int keep_figures(ts_total_guard *g, const ts_point *a, int n) {
  if (g->nSer >= SOME_MAX_SERIES) {
    drop_kept(g);
    return SQLITE_OK;
  }
  if (g->nSer == 0) {
    g->aKept = sqlite3_malloc64(sizeof(kept_series) * SOME_MAX_SERIES);
    if (g->aKept == NULL) return SQLITE_NOMEM;
    memset(g->aKept, 0, sizeof(kept_series) * SOME_MAX_SERIES);
  }
  if (g->aKept == NULL) return SQLITE_OK;
  kept_series *k = &g->aKept[g->nSer];
  k->a = sqlite3_malloc64(sizeof(kept_figure) * (sqlite3_uint64)(n > 0 ? n : 1));
  if (k->a == NULL) return SQLITE_NOMEM;
  for (int i = 0; i < n; i++) {
    k->a[i].ordinal = a[i].ordinal;
    k->a[i].x = ts_sum_double(&a[i].sum[0]);
    k->a[i].rows = (int)a[i].sum[0].count;
    k->a[i].incomplete = a[i].incomplete[0] != 0;
  }
  k->n = n;
  return SQLITE_OK;
}

int ts_total_guard_add(ts_total_guard *g, const ts_point *a, int n) {
  if (g->nSer == g->nSerAlloc) {
    int nAlloc = g->nSerAlloc ? 2 * g->nSerAlloc : 16;
    series_grand *s = sqlite3_realloc64(g->aSer, sizeof(*s) * (sqlite3_uint64)nAlloc);
    if (s == NULL) return SQLITE_NOMEM;
    g->aSer = s;
    g->nSerAlloc = nAlloc;
  }
  int nRun = 0;
  for (int i = 0; i < n; i++)
    if (i == 0 || a[i].ordinal != a[i - 1].ordinal + 1) nRun++;
  int64_t(*aRun)[2] = sqlite3_malloc64(sizeof(*aRun) * (sqlite3_uint64)(nRun > 0 ? nRun : 1));
  if (aRun == NULL) return SQLITE_NOMEM;
  int rc = add_periods(g, a, n);
  if (rc == SQLITE_OK) rc = keep_figures(g, a, n);
  if (rc != SQLITE_OK) {
    sqlite3_free(aRun);
    return rc;
  }
  int iSeries = g->nSer++;
  series_grand *sg = &g->aSer[iSeries];
  ts_sum_init(&sg->sum);
  sg->nPoint = n;
  sg->nRun = 0;
  sg->aRun = aRun;
  sg->labelled = 0;
  for (int i = 0; i < n; i++) {
    if (i > 0 && a[i].ordinal == a[i - 1].ordinal + 1) {
      sg->aRun[sg->nRun - 1][1] = a[i].ordinal;
    } else {
      sg->aRun[sg->nRun][0] = sg->aRun[sg->nRun][1] = a[i].ordinal;
      sg->nRun++;
    }
  }
  for (int i = 0; i < n; i++) {
    const ts_sum *v = &a[i].sum[0];
    ts_sum_merge(&sg->sum, v);
    add_figure(&g->aPer[find_period(g, a[i].ordinal)], iSeries, &a[i]);
    if (ts_sum_double(v) < 0.0) g->any_negative = 1;
    int e = decimal_exponent(v);
    if (e == NO_UNIT || (g->unit_exp != NO_UNIT && e < g->unit_exp)) g->unit_exp = e;
  }
  return SQLITE_OK;
}

/* ---- comparing a series with the others -------------------------------- */

/* 2 * part - total, i.e. the series minus the sum of the others:
** integers exactly (128 bits), else as doubles. */
static double excess(const ts_sum *total, const ts_sum *part) {
  if (total->n_real == 0 && part->n_real == 0)
    return ts_i128_to_double(ts_i128_sub(ts_i128_add(part->exact, part->exact), total->exact));
  return 2.0 * ts_sum_double(part) - ts_sum_double(total);
}

/* total == 2 * part exactly (REAL figures as their correctly rounded
** sums: doubling a double is exact). */
static int is_twice(const ts_sum *total, const ts_sum *part) {
  if (total->n_real == 0 && part->n_real == 0)
    return ts_i128_eq(total->exact, ts_i128_add(part->exact, part->exact));
  return ts_sum_double(total) == 2.0 * ts_sum_double(part);
}

/* total == 3 * part: the part is half the sum of the others, as a total
** is beside sub-totals that add up to it and their own parts (integers
** exactly; REAL figures to floating-point slack, as tripling rounds). */
static int is_third(const ts_sum *total, const ts_sum *part, double mag) {
  if (total->n_real == 0 && part->n_real == 0)
    return ts_i128_eq(total->exact,
                      ts_i128_add(ts_i128_add(part->exact, part->exact), part->exact));
  return fabs(ts_sum_double(total) - 3.0 * ts_sum_double(part)) <= FLOAT_SLACK * mag;
}

/* How far 3 x a total may be from its period's sum when every figure was
** rounded on its own (a continent published as 7515 over countries that
** sum to 7514): half a unit for each figure, the total's counted three
** times. */
static double third_tolerance(const per_period *p, double unit) {
  return unit / 2.0 * (double)(p->total.count + 2) + FLOAT_SLACK * p->mag;
}

/* is_third, or within the rounding of the figures summed (*pExact says
** which: an exact match is a window of one unit, a rounded one wider). */
static int near_third(const per_period *p, const ts_sum *part, double unit, int *pExact) {
  *pExact = is_third(&p->total, part, p->mag);
  if (*pExact) return 1;
  return fabs(ts_sum_double(&p->total) - 3.0 * ts_sum_double(part)) <= third_tolerance(p, unit);
}

/* ---- candidates ------------------------------------------------------- */

/* The rounded and sub-total rules where a period holds a negative figure,
** which the largest-figure tests below cannot nominate from (a total of
** balances is seldom the largest of its parts: cars 6148 beside chips
** -2836, oil -2491 and their Total 821): a series whose grand sum is,
** within the rounding of every figure of its periods, half (or, of four
** series or more, a third) of the sum of every series over its periods.
** Only its grand sum and its runs of consecutive periods are kept, so
** the sum over its periods is one of prefix sums per run (a period of
** the source inside a run is one of the series': ordinals are dense).  A
** filter: the candidate is judged period by period. */
enum { PRE_TOTAL, PRE_TOL, PRE_THIRD_TOL, PRE_MAG, PRE_PARTIAL, N_PRE };

static int pick_over_runs(ts_total_guard *g, double unit) {
  int negative = 0;
  for (int j = 0; j < g->nPer && !negative; j++)
    negative = g->aPer[j].count >= 3 && g->aPer[j].negative;
  if (!negative) return SQLITE_OK;
  double *aPre = sqlite3_malloc64(sizeof(double) * N_PRE * ((sqlite3_uint64)g->nPer + 1));
  if (aPre == NULL) return SQLITE_NOMEM;
  for (int k = 0; k < N_PRE; k++) aPre[k] = 0.0;
  for (int j = 0; j < g->nPer; j++) {
    const per_period *p = &g->aPer[j];
    const double *a = &aPre[N_PRE * j];
    double *b = &aPre[N_PRE * (j + 1)];
    b[PRE_TOTAL] = a[PRE_TOTAL] + ts_sum_double(&p->total);
    b[PRE_TOL] = a[PRE_TOL] + tolerance(p, unit);
    b[PRE_THIRD_TOL] = a[PRE_THIRD_TOL] + third_tolerance(p, unit);
    b[PRE_MAG] = a[PRE_MAG] + p->mag;
    /* A period where a series has no figure or lacks a month: the total
    ** counts a part the sum does not, by at most the figures' magnitude
    ** (2 x total - sum is that part, as is 3 x total - sum beside
    ** sub-totals) */
    b[PRE_PARTIAL] = a[PRE_PARTIAL] + (p->count < g->nSer || p->incomplete ? p->mag : 0.0);
  }
  for (int i = 0; i < g->nSer; i++) {
    const series_grand *s = &g->aSer[i];
    if (g->aCand[i] || s->nPoint == 0 || s->nRun <= 0) continue;
    double over[N_PRE] = {0.0};
    int ok = 1;
    for (int r = 0; r < s->nRun && ok; r++) {
      int j0 = find_period(g, s->aRun[r][0]), j1 = find_period(g, s->aRun[r][1]);
      ok = j0 >= 0 && j1 >= j0;
      for (int k = 0; ok && k < N_PRE; k++)
        over[k] += aPre[N_PRE * (j1 + 1) + k] - aPre[N_PRE * j0 + k];
    }
    if (!ok) continue;
    double x = ts_sum_double(&s->sum), slack = 1e-9 * over[PRE_MAG] + over[PRE_PARTIAL];
    if (fabs(2.0 * x - over[PRE_TOTAL]) <= 2.0 * over[PRE_TOL] + slack ||
        (g->nSer >= 4 && fabs(3.0 * x - over[PRE_TOTAL]) <= over[PRE_THIRD_TOL] + slack))
      g->aCand[i] = 1;
  }
  sqlite3_free(aPre);
  return SQLITE_OK;
}

/* How many figures a period needs to say whether a series is a total
** over the others: it and two of them, or, in a group of two series
** (where only the label rule judges), both. */
static int shared_count(const ts_total_guard *g) { return g->nSer < 3 ? 2 : 3; }

/* Whether series i, as far as its kept figures tell, is not below the
** sum of the others (to the rounding) in any period where it and two of
** them have figures, its own complete -- or, where no period has three
** figures, it and one of them (a pre-filter for TS_TOTAL_LABELLED; 1 when
** its figures are not kept: the judge reads them). */
static int labelled_not_below(const ts_total_guard *g, int i, double unit) {
  if (g->aKept == NULL || i >= SOME_MAX_SERIES) return 1;
  const kept_series *k = &g->aKept[i];
  int shared[2] = {0, 0}, below[2] = {0, 0}; /* [0]: two figures or more, [1]: shared_count */
  for (int m = 0; m < k->n; m++) {
    int j = find_period(g, k->a[m].ordinal);
    if (j < 0) return 1;
    const per_period *p = &g->aPer[j];
    if (p->count < 2 || k->a[m].incomplete) continue;
    int d = 2.0 * k->a[m].x - ts_sum_double(&p->total) < -tolerance(p, unit);
    shared[0]++;
    below[0] |= d;
    if (p->count < shared_count(g)) continue;
    shared[1]++;
    below[1] |= d;
  }
  return shared[1] > 0 ? !below[1] : shared[0] > 0 && !below[0];
}

static int pick(ts_total_guard *g) {
  if (g->picked) return SQLITE_OK;
  g->picked = 1;
  g->lastCand = -1;
  /* with two, either is "the sum of the other" by the figures alone: only
  ** a label that reads as a total tells (World beside one partner) */
  if (g->nSer < 2 ||
      (g->nSer == 2 && (g->any_negative || (!g->aSer[0].labelled && !g->aSer[1].labelled))))
    return SQLITE_OK;
  g->aCand = sqlite3_malloc64((sqlite3_uint64)g->nSer);
  if (g->aCand == NULL) return SQLITE_NOMEM;
  memset(g->aCand, 0, (size_t)g->nSer);
  double unit = guard_unit(g);
  if (g->nSer == 2) {
    for (int i = 0; i < 2; i++)
      if (g->aSer[i].labelled && labelled_not_below(g, i, unit)) {
        g->aCand[i] = 1;
        g->lastCand = i;
      }
    return SQLITE_OK;
  }
  /* The rounded rule: the largest figure of a period with three figures or
  ** more, none negative, that is the sum of the others (a total is the
  ** largest of its parts there; a tie is a part beside zeros). */
  for (int j = 0; j < g->nPer; j++) {
    const per_period *p = &g->aPer[j];
    if (p->count < 3 || p->negative || p->holder < 0) continue;
    double top = ts_sum_double(&p->top), tol = tolerance(p, unit);
    if (top == 0.0 || fabs(excess(&p->total, &p->top)) > tol) continue;
    g->aCand[p->holder] = 1;
    if (p->holder2 >= 0 && p->top2 >= top - tol) g->aCand[p->holder2] = 1;
  }
  /* Over sub-totals: the largest figure of a period where every series
  ** has a complete figure, none negative, a third of the period's total
  ** (the total, its sub-totals and their parts each add up to it). */
  for (int j = 0; g->nSer >= 4 && j < g->nPer; j++) {
    const per_period *p = &g->aPer[j];
    if (p->count != g->nSer || p->incomplete || p->negative || p->holder < 0) continue;
    int exact;
    if (near_third(p, &p->top, unit, &exact)) g->aCand[p->holder] = 1;
  }
  /* The exact rule, any sign: a series in every period whose grand sum is
  ** half the grand total (REAL sums may round apart: a first filter). */
  ts_sum all;
  ts_sum_init(&all);
  for (int i = 0; i < g->nSer; i++) ts_sum_merge(&all, &g->aSer[i].sum);
  double dAll = ts_sum_double(&all);
  for (int i = 0; i < g->nSer; i++) {
    const series_grand *s = &g->aSer[i];
    if (s->nPoint != g->nPer) continue;
    if (all.n_real == 0 ? is_twice(&all, &s->sum)
                        : fabs(dAll - 2.0 * ts_sum_double(&s->sum)) <= 1e-9 * fabs(dAll))
      g->aCand[i] = 1;
  }
  /* Labelled as a total: judged (none negative: a pre-filter over the
  ** kept figures of a small group; among balances its matches with the
  ** others' sum decide, at the label's weight). */
  for (int i = 0; i < g->nSer; i++)
    if (g->aSer[i].labelled && (g->any_negative || labelled_not_below(g, i, unit))) g->aCand[i] = 1;
  int rc = pick_over_runs(g, unit);
  if (rc == SQLITE_OK) rc = ts_total_search_some(g);
  if (rc != SQLITE_OK) return rc;
  for (int i = 0; i < g->nSer; i++)
    if (g->aCand[i]) g->lastCand = i;
  return rc;
}

void ts_total_guard_label(ts_total_guard *g) {
  if (g->nSer > 0) g->aSer[g->nSer - 1].labelled = 1;
}

int ts_total_guard_has_candidates(ts_total_guard *g) {
  if (pick(g) != SQLITE_OK) return -1;
  return g->lastCand >= 0;
}

int ts_total_guard_is_candidate(const ts_total_guard *g, int iSeries) {
  return g->aCand && iSeries >= 0 && iSeries < g->nSer && g->aCand[iSeries];
}

int ts_total_guard_last_candidate(const ts_total_guard *g) { return g->lastCand; }

int ts_total_guard_n_series(const ts_total_guard *g) { return g->nSer; }

/* ---- judging a candidate ---------------------------------------------- */

/* One period of the sub-total rule for a candidate's point pt: where
** every series has a complete figure it must be exactly a third of the
** period's total (counted in *pThird, with its chance); where one is
** missing or lacks a month it may not be below that (the missing part is
** in the total and in its sub-total: 3 x total - period = the part), unless
** a figure of the group is negative (the missing part may be too).  A
** period where the candidate itself lacks a month says nothing. */
static void judge_third(const per_period *p, int nSer, int any_negative, const ts_point *pt,
                        double unit, int *pOk, int *pThird, int *pFull, int *pLarger,
                        double *pEvidence) {
  const ts_sum *v = &pt->sum[0];
  double x = ts_sum_double(v);
  if (pt->incomplete[0]) return;
  if (p->count == nSer && p->incomplete == 0) {
    ++*pFull;
    int exact;
    if (!near_third(p, v, unit, &exact)) {
      *pOk = 0;
      return;
    }
    ++*pThird;
    *pEvidence += log_chance(x, exact ? 0.0 : third_tolerance(p, unit), unit);
  } else if (!any_negative) {
    double below = ts_sum_double(&p->total) - 3.0 * x, tol = tolerance(p, unit);
    if (below > tol)
      *pOk = 0;
    else if (below < -tol)
      *pLarger = 1;
  }
}

void ts_total_guard_judge(const ts_total_guard *g, int iSeries, const ts_point *a, int n,
                          ts_total_verdict *out) {
  double unit = guard_unit(g), evidence = 0.0;
  int exact = n == g->nPer, nonzero = 0, contradicted = 0, below = 0;
  int nPair = 0, pairBelow = 0; /* periods where it and one of the others have figures */
  /* Over sub-totals (four series at least: of three equal series each is
  ** half the other two): exactly half the others where every series has
  ** a complete figure, never below that where one is missing. */
  int third = g->nSer >= 4, nThird = 0, nFull = 0, thirdLarger = 0;
  double third_evidence = 0.0; /* an exact match: a window of one unit */
  memset(out, 0, sizeof(*out));
  out->unit = unit;
  for (int i = 0, j = 0; i < n; i++) {
    while (j < g->nPer && g->aPer[j].ordinal < a[i].ordinal) j++;
    if (j >= g->nPer || g->aPer[j].ordinal != a[i].ordinal) return; /* not this source's */
    const per_period *p = &g->aPer[j];
    const ts_sum *v = &a[i].sum[0];
    double x = ts_sum_double(v);
    nonzero |= x != 0.0;
    if (exact) exact = is_twice(&p->total, v);
    if (third)
      judge_third(p, g->nSer, g->any_negative, &a[i], unit, &third, &nThird, &nFull, &thirdLarger,
                  &third_evidence);
    /* Alone, or lacking a month its parts may have (grain=): the period
    ** says nothing.  Beside one part (of three series or more) it counts
    ** only for the label rule, and only where no period has three. */
    if (p->count < 2 || a[i].incomplete[0]) continue;
    double d = excess(&p->total, v), tol = tolerance(p, unit);
    if (p->count < shared_count(g)) {
      nPair++;
      pairBelow |= d < -tol;
      continue;
    }
    out->nShared++;
    if (d < -tol) below = 1; /* below the others' sum: no total over them */
    if (fabs(d) <= tol) {
      out->nMatch++;
      evidence += log_chance(x, tol, unit);
    } else if (p->count == g->nSer && p->incomplete == 0) {
      contradicted = 1; /* every other series is all there: not their sum */
    } else if (d < 0.0) {
      /* below the parts that are there: a total only if a missing part
      ** can be negative, as where the group has a negative figure (a
      ** balance withheld in a year whose other figures are all positive) */
      if (!g->any_negative) contradicted = 1;
    } else {
      out->larger = 1; /* a missing part, counted in the total */
    }
  }
  if (!nonzero) return; /* zeros beside parts that cancel: shares are NULL already */
  if (exact)
    out->rule = TS_TOTAL_EXACT;
  else if (third && nThird > 0 && third_evidence <= EVIDENCE_LOG10) {
    out->rule = TS_TOTAL_OVER_SUBTOTALS;
    out->nMatch = nThird;
    out->nShared = nFull;
    out->larger = thirdLarger;
  } else if (!contradicted && out->nMatch > 0 &&
             (evidence <= EVIDENCE_LOG10 || (g->aSer[iSeries].labelled && evidence < LABEL_LOG10)))
    out->rule = TS_TOTAL_ROUNDED;
  else if (iSeries == g->some.holder) {
    out->rule = TS_TOTAL_OVER_SOME;
    out->nMatch = g->some.nMatch;
    out->nShared = g->some.nAll;
    out->nPart = g->some.nPart;
    out->larger = 0;
    out->strong = g->some.evidence <= EVIDENCE_LOG10;
  } else if (g->aSer[iSeries].labelled && !g->any_negative && !below && out->nShared > 0) {
    /* A total over parts not all listed (World beside a few partners):
    ** the label and figures never below the others' sum, none negative. */
    out->rule = TS_TOTAL_LABELLED;
    out->nMatch = out->nShared;
    out->larger = 0;
  } else if (g->aSer[iSeries].labelled && !g->any_negative && out->nShared == 0 && nPair > 0 &&
             !pairBelow) {
    /* The same where no period has three figures: World beside partners
    ** each listed in other periods, one at a time (summed with it, a
    ** partner's share was its figure over World plus itself). */
    out->rule = TS_TOTAL_LABELLED;
    out->nMatch = out->nShared = nPair;
    out->pairs = 1;
    out->larger = 0;
  }
}
