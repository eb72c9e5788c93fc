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
** of the others, which picks its candidate from them.
*/
#include "growth/total_row.h"
#include "core/alloc.h"
#include "core/core.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The matches of a total with its parts must be this unlikely by chance:
** the product over the periods that match, 1 in 10^2 (-D to measure
** another). */
#ifndef EVIDENCE_LOG10
#define EVIDENCE_LOG10 (-2.0)
#endif
/* The window a match falls in, over the figure, understates the chance
** for a part that happens to be about as large as the rest together: it
** is taken this many times wider (measured, see docs/design.md). */
#ifndef CHANCE_FACTOR
#define CHANCE_FACTOR 4.0
#endif
/* The decimal exponent of a figure whose rounding is unknown (a REAL of
** more than 9 decimals); the tolerance is then floating point only. */
#define NO_UNIT INT_MIN
/* Floating-point slack on top of the rounding: relative to the sum of
** the magnitudes of the period's figures. */
#define FLOAT_SLACK 1e-12
/* The rule over some of the others keeps every figure of a group of at
** most this many series (a published table of continents and main
** partners); it searches 2^(n-1) subsets, in two halves of 2^12 at most. */
#define SOME_MAX_SERIES 25
/* Subsets a search verifies over every period at most (matches in its
** first period by chance, with many small figures). */
#define SOME_MAX_TRIED 4096
/* A series whose label reads as a total ('Total', '합계') needs its
** matches with some of the others to be less likely by chance than 1
** (the label counts for the 1 in 10^2 of EVIDENCE_LOG10; measured, see
** docs/design.md); any other series, EVIDENCE_LOG10. */
#define SOME_WEAK_LOG10 0.0
/* The same weight of the label where a series is the sum of all the
** others: a 'Total' among balances whose parts nearly cancel (-295
** beside parts of +-50,000) matches them within a window not much
** narrower than its own small figure, so its matches alone stay above
** EVIDENCE_LOG10; with the label any match narrower than the figure,
** none contradicted, tells. */
#define LABEL_LOG10 0.0

typedef struct per_period {
  int64_t ordinal;
  ts_sum total;           /* every series' figure */
  ts_sum top;             /* the largest figure */
  double top2;            /* the largest figure of another series */
  double mag;             /* sum of |figure| */
  int count;              /* series with a figure */
  int holder;             /* series index of top, -1: none */
  int holder2;            /* of top2, -1: none */
  int incomplete;         /* figures missing a month (grain=): a part not all there */
  unsigned char negative; /* some figure is below zero */
} per_period;

/* The runs of consecutive periods a series is kept with: a total
** published from a later year, not yet for the last one, or withheld in
** any years between (every other year is five runs in ten years: a
** bound on the runs left such a Total among balances unjudged). */
typedef struct series_grand {
  ts_sum sum; /* the series over every period */
  int nPoint;
  int nRun;           /* runs of consecutive ordinals */
  int64_t (*aRun)[2]; /* each run's first and last ordinal */
  int labelled;       /* its label reads as a total (ts_total_guard_label) */
} series_grand;

/* A figure kept for the rule over some of the others. */
typedef struct kept_figure {
  int64_t ordinal;
  double x;
  int rows; /* source rows summed into it (grain=), each rounded on its own */
  int incomplete;
} kept_figure;

typedef struct kept_series {
  kept_figure *a;
  int n;
} kept_series;

/* What the rule over some of the others found (pick), for judge. */
typedef struct some_found {
  int holder;      /* -1: none */
  int nPart;       /* members of the subset */
  int nMatch;      /* periods where it and all of them have figures */
  int nAll;        /* periods where every series has a complete figure */
  double evidence; /* log10 of the chance of its matches, subsets counted */
} some_found;

struct ts_total_guard {
  per_period *aPer; /* sorted by ordinal */
  int nPer;
  series_grand *aSer; /* scan order */
  int nSer, nSerAlloc;
  int unit_exp;         /* smallest decimal exponent; INT_MAX: no figure */
  int picked;           /* 1: aCand is computed */
  unsigned char *aCand; /* per series: 1 = judge it */
  int lastCand;         /* -1: none */
  int any_negative;     /* a figure below zero somewhere: a missing part may be too */
  /* Every series' figures while there are at most SOME_MAX_SERIES (NULL
  ** once there are more). */
  kept_series *aKept;
  some_found some;
};

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

static double guard_unit(const ts_total_guard *g) {
  if (g->unit_exp == INT_MAX || g->unit_exp == NO_UNIT) return 0.0;
  return pow(10.0, g->unit_exp);
}

/* ---- pass one: every series ------------------------------------------- */

static int find_period(const ts_total_guard *g, int64_t ordinal) {
  int lo = 0, hi = g->nPer - 1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (g->aPer[mid].ordinal == ordinal) return mid;
    if (g->aPer[mid].ordinal < ordinal)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}

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

/* How far a total may be from the sum of its parts in period p: half a
** unit for every figure of the source summed into the period (each was
** rounded on its own), plus floating-point slack. */
static double tolerance(const per_period *p, double unit) {
  return unit / 2.0 * (double)p->total.count + FLOAT_SLACK * p->mag;
}

/* log10 of the chance that a figure of size |x| falls within tol of a
** given sum: the width of the window in units over the figure. */
static double log_chance(double x, double tol, double unit) {
  double w = CHANCE_FACTOR * (2.0 * tol + unit);
  if (x == 0.0 || w >= fabs(x)) return 0.0;
  if (w <= 0.0) w = DBL_MIN;
  return log10(w / fabs(x));
}

/* ---- over some of the others ------------------------------------------
** A total row beside continents whose countries are listed only in part
** (Total = Asia + Europe, Asia > China + Japan) is neither the others'
** sum nor half of it, but it is the sum of some of them.  With the
** figures of every series kept (a group of SOME_MAX_SERIES at most), the
** series holding the largest figure of every period where every series
** has a complete one is matched against the sums of every subset of the
** others (two or more, not all: all is the rounded rule's) in its
** largest such period, meet in the middle: the subsets of each half of
** the others, one half's sums sorted.  A subset that matches there is
** verified over every period; the chance test counts the subsets tried,
** 2^(others), against the matches (docs/design.md). */

typedef struct half_sum {
  double s;
  uint32_t mask;
} half_sum;

static int half_cmp(const void *a, const void *b) {
  double x = ((const half_sum *)a)->s, y = ((const half_sum *)b)->s;
  return x < y ? -1 : x > y;
}

static int bits(uint32_t m) {
  int n = 0;
  for (; m; m &= m - 1) n++;
  return n;
}

/* The sums of every subset of the figures x[0..n) (n <= 12): out[mask]. */
static void subset_sums(const double *x, int n, half_sum *out) {
  out[0].s = 0.0;
  out[0].mask = 0;
  for (uint32_t m = 1; m < (1u << n); m++) {
    int low = 0;
    while (!(m & (1u << low))) low++;
    out[m].s = out[m & (m - 1)].s + x[low];
    out[m].mask = m;
  }
}

/* The sums of every subset of x[0..n) in rising order (with their masks),
** made by merging the sorted sums without x[i] with the same plus x[i]:
** 2^n steps where a sort of subset_sums' output took n times as many.
** tmp holds 2^n entries as out does. */
static void sorted_subset_sums(const double *x, int n, half_sum *out, half_sum *tmp) {
  int len = 1;
  out[0].s = 0.0;
  out[0].mask = 0;
  for (int i = 0; i < n; i++) {
    int p = 0, q = 0, k = 0;
    uint32_t bit = 1u << i;
    while (p < len || q < len) {
      double sq = q < len ? out[q].s + x[i] : 0.0;
      if (q >= len || (p < len && out[p].s <= sq)) {
        tmp[k++] = out[p++];
      } else {
        tmp[k].s = sq;
        tmp[k++].mask = out[q++].mask | bit;
      }
    }
    len *= 2;
    memcpy(out, tmp, sizeof(half_sum) * (size_t)len);
  }
}

/* Whether series c is the sum of the others in mask (bit k: others[k])
** in every period where it and all of them have complete figures, and
** not below the ones there where one is missing; with its evidence. */
static int verify_some(const ts_total_guard *g, const double *X, const int *R, int c,
                       const int *others, int m, uint32_t mask, double unit, double holders,
                       some_found *out) {
  int nPart = bits(mask), nMatch = 0;
  double evidence = (double)m * log10(2.0) + holders;
  for (int j = 0; j < g->nPer; j++) {
    double t = X[(size_t)c * g->nPer + j];
    if (isnan(t)) continue;
    double sum = 0.0, mag = fabs(t);
    int missing = 0, rows = R[(size_t)c * g->nPer + j];
    for (int k = 0; k < m; k++) {
      if (!(mask & (1u << k))) continue;
      double x = X[(size_t)others[k] * g->nPer + j];
      if (isnan(x)) {
        missing = 1;
        continue;
      }
      sum += x;
      mag += fabs(x);
      rows += R[(size_t)others[k] * g->nPer + j];
    }
    /* half a unit for every source row summed into the figures */
    double tol = unit / 2.0 * (double)rows + FLOAT_SLACK * mag, d = t - sum;
    if (missing) {
      if (!g->aPer[j].negative && d < -tol) return 0; /* below the parts that are there */
      continue;
    }
    if (fabs(d) > tol) return 0;
    nMatch++;
    evidence += log_chance(t, fabs(d) <= FLOAT_SLACK * mag ? 0.0 : tol, unit);
  }
  /* The weak bound: a label that reads as a total stands for the rest
  ** (shares.c); the best match is kept. */
  if (nMatch == 0 || evidence > SOME_WEAK_LOG10) return 0;
  if (out->holder >= 0 && evidence >= out->evidence) return 1;
  out->evidence = evidence;
  out->holder = c;
  out->nPart = nPart;
  out->nMatch = nMatch;
  return 1;
}

/* Every figure of the group, series by period (NaN: none, or lacking a
** month), and after them the source rows summed into each (as ints);
** NULL when out of memory. */
static double *figure_matrix(const ts_total_guard *g, int **pR) {
  size_t n = (size_t)g->nSer * (size_t)g->nPer;
  double *X = sqlite3_malloc64((sizeof(double) + sizeof(int)) * (sqlite3_uint64)n);
  if (X == NULL) return NULL;
  int *R = (int *)(X + n);
  for (size_t i = 0; i < n; i++) X[i] = NAN, R[i] = 0;
  *pR = R;
  for (int i = 0; i < g->nSer; i++)
    for (int k = 0; k < g->aKept[i].n; k++) {
      const kept_figure *f = &g->aKept[i].a[k];
      int j = find_period(g, f->ordinal);
      if (j >= 0 && !f->incomplete) {
        X[(size_t)i * g->nPer + j] = f->x;
        R[(size_t)i * g->nPer + j] = f->rows;
      }
    }
  return X;
}

/* The series holding the largest figure of every period where every
** series has a complete one (a negative figure beside it too: one
** country's small deficit left a total over continents unsearched); its
** largest such period (*pFirst) and how many there are (*pAll).  -1:
** none. */
static int some_holder(const ts_total_guard *g, const double *X, int *pFirst, int *pAll) {
  int c = -1, first = -1, nAll = 0;
  for (int j = 0; j < g->nPer; j++) {
    const per_period *p = &g->aPer[j];
    if (p->count != g->nSer || p->incomplete) continue;
    if (p->holder < 0 || (c >= 0 && p->holder != c)) return -1;
    c = p->holder;
    double t = X[(size_t)c * g->nPer + j];
    if (isnan(t) || t <= 0.0) return -1;
    if (first < 0 || t > X[(size_t)c * g->nPer + first]) first = j;
    nAll++;
  }
  *pFirst = first;
  *pAll = nAll;
  return c;
}

/* The subsets of the others (two or more, not all) whose sum in period
** first is within the rounding of series c's figure there, each verified
** over every period (verify_some, with holders: log10 of the series
** searched so, for the chance test).  A and B hold 2^12 sums each. */
static void search_for(ts_total_guard *g, const double *X, const int *R, int c, int first, int nAll,
                       double unit, double holders, half_sum *A, half_sum *B) {
  int m = g->nSer - 1, h = m / 2, others[SOME_MAX_SERIES];
  double xa[SOME_MAX_SERIES];
  for (int i = 0, k = 0; i < g->nSer; i++)
    if (i != c) others[k++] = i;
  for (int k = 0; k < m; k++) xa[k] = X[(size_t)others[k] * g->nPer + first];
  subset_sums(xa, h, A);
  subset_sums(xa + h, m - h, B);
  qsort(B, (size_t)1 << (m - h), sizeof(half_sum), half_cmp);
  double t = X[(size_t)c * g->nPer + first];
  double tol = tolerance(&g->aPer[first], unit); /* every row of the period: a bound */
  uint32_t all = (m >= 32) ? 0xffffffffu : ((1u << m) - 1);
  int nB = 1 << (m - h), tried = 0;
  for (int a = 0; a < (1 << h) && tried < SOME_MAX_TRIED; a++) {
    double lo = t - tol - A[a].s, hi = t + tol - A[a].s;
    int l = 0, r = nB; /* the first B sum >= lo */
    while (l < r) {
      int mid = l + (r - l) / 2;
      if (B[mid].s < lo)
        l = mid + 1;
      else
        r = mid;
    }
    for (int b = l; b < nB && B[b].s <= hi && tried < SOME_MAX_TRIED; b++) {
      uint32_t mask = A[a].mask | (B[b].mask << h);
      if (bits(mask) < 2 || mask == all) continue;
      tried++;
      if (verify_some(g, X, R, c, others, m, mask, unit, holders, &g->some)) g->some.nAll = nAll;
    }
  }
}

/* The mask over all the series (bit i: series i) as a mask over the
** others of series c (others[k]: the k-th series but c). */
static uint32_t others_mask(uint32_t mask, int c) {
  uint32_t low = mask & ((1u << c) - 1u);
  return low | ((mask >> (c + 1)) << c);
}

/* Among balances a total is seldom the largest figure (R0 = Cont0 +
** Cont1 lay between them in every year, beside a listed country of each),
** so every series c is searched: in the period where every series has a
** complete figure and their magnitudes sum highest, the subsets of the
** others (two or more, not all) whose sum is within the rounding of c's
** figure, each verified over every period, the chance test counting the
** series searched too.  One sort serves them all: the sums of every
** subset of each half of the series, both in rising order, swept from either end
** per series (A rising, B falling), skipping the subsets that hold c.
** Most sums that fall near c's figure there do so by chance; the second
** such period (the subsets' sums there by mask, A2 and B2) turns them
** away before the verification reads every period.  Without a figure
** below zero (every = 0) only the series whose label reads as a total
** are searched so: a Total beside continents whose unlisted countries'
** balances are negative lies below a listed country's figure. */
static int search_each(ts_total_guard *g, const double *X, const int *R, double unit, int every) {
  int first = -1, second = -1, nAll = 0;
  for (int j = 0; j < g->nPer; j++) {
    const per_period *p = &g->aPer[j];
    if (p->count != g->nSer || p->incomplete) continue;
    nAll++;
    if (first < 0 || p->mag > g->aPer[first].mag) {
      second = first;
      first = j;
    } else if (second < 0 || p->mag > g->aPer[second].mag) {
      second = j;
    }
  }
  if (first < 0) return SQLITE_OK;
  int n = g->nSer, h = n / 2, nA = 1 << h, nB = 1 << (n - h), m = n - 1, others[SOME_MAX_SERIES];
  half_sum *A = sqlite3_malloc64(sizeof(half_sum) * (2 * (sqlite3_uint64)(nA + nB) + nB));
  if (A == NULL) return SQLITE_NOMEM;
  half_sum *B = A + nA, *A2 = B + nB, *B2 = A2 + nA, *tmp = B2 + nB;
  double x[SOME_MAX_SERIES] = {0.0}, x2[SOME_MAX_SERIES] = {0.0};
  double tol = tolerance(&g->aPer[first], unit);
  double tol2 = second >= 0 ? tolerance(&g->aPer[second], unit) : 0.0;
  int nSearched = 0;
  for (int c = 0; c < n; c++) nSearched += every || g->aSer[c].labelled;
  if (nSearched == 0) {
    sqlite3_free(A);
    return SQLITE_OK;
  }
  double holders = log10((double)nSearched);
  for (int i = 0; i < n; i++) {
    x[i] = X[(size_t)i * g->nPer + first];
    if (second >= 0) x2[i] = X[(size_t)i * g->nPer + second];
  }
  sorted_subset_sums(x, h, A, tmp);
  sorted_subset_sums(x + h, n - h, B, tmp);
  subset_sums(x2, h, A2); /* by mask: not sorted */
  subset_sums(x2 + h, n - h, B2);
  uint32_t all = n >= 32 ? 0xffffffffu : (1u << n) - 1u;
  for (int c = 0; c < n; c++) {
    double t = x[c];
    if (t == 0.0 || !(every || g->aSer[c].labelled)) continue;
    uint32_t bit = 1u << c;
    for (int i = 0, k = 0; i < n; i++)
      if (i != c) others[k++] = i;
    int tried = 0;
    for (int a = 0, b = nB - 1; a < nA && b >= 0 && tried < SOME_MAX_TRIED; a++) {
      if (A[a].mask & bit) continue;
      while (b >= 0 && A[a].s + B[b].s > t + tol) b--;
      for (int k = b; k >= 0 && A[a].s + B[k].s >= t - tol && tried < SOME_MAX_TRIED; k--) {
        uint32_t mask = A[a].mask | (B[k].mask << h);
        if ((mask & bit) || bits(mask) < 2 || mask == (all & ~bit)) continue;
        if (second >= 0 && fabs(A2[A[a].mask].s + B2[B[k].mask].s - x2[c]) > tol2) continue;
        tried++;
        if (verify_some(g, X, R, c, others, m, others_mask(mask, c), unit, holders, &g->some))
          g->some.nAll = nAll;
      }
    }
  }
  sqlite3_free(A);
  return SQLITE_OK;
}

static int search_some(ts_total_guard *g) {
  if (g->aKept == NULL || g->nSer < 4 || g->nSer > SOME_MAX_SERIES) return SQLITE_OK;
  double unit = guard_unit(g);
  int *R = NULL;
  double *X = figure_matrix(g, &R);
  if (X == NULL) return SQLITE_NOMEM;
  int first = -1, nAll = 0, c = some_holder(g, X, &first, &nAll);
  int m = g->nSer - 1, h = m / 2, rc = SQLITE_OK;
  if (c >= 0) {
    /* A part larger than all the others together (a dominant partner) is
    ** the sum of none of them: no search. */
    double rest = 0.0;
    for (int i = 0; i < g->nSer; i++)
      if (i != c) rest += X[(size_t)i * g->nPer + first];
    if (X[(size_t)c * g->nPer + first] > rest + tolerance(&g->aPer[first], unit)) c = -1;
  }
  if (c >= 0) {
    half_sum *A = sqlite3_malloc64(sizeof(half_sum) << h);
    half_sum *B = sqlite3_malloc64(sizeof(half_sum) << (m - h));
    if (A && B)
      search_for(g, X, R, c, first, nAll, unit, 0.0, A, B);
    else
      rc = SQLITE_NOMEM;
    sqlite3_free(A);
    sqlite3_free(B);
  }
  int labelled = 0;
  for (int i = 0; i < g->nSer; i++) labelled |= g->aSer[i].labelled && i != c;
  if (rc == SQLITE_OK && (g->any_negative || labelled))
    rc = search_each(g, X, R, unit, g->any_negative);
  sqlite3_free(X);
  if (g->some.holder >= 0) g->aCand[g->some.holder] = 1;
  return rc;
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
  if (rc == SQLITE_OK) rc = search_some(g);
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
