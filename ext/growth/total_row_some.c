/*
** growth/total_row_some.c -- the rule over some of the others
** (total_row_int.h; the guard's other rules are total_row.c's): a total
** row that is the sum of some of the other series, found by a
** meet-in-the-middle search over the subsets of a group of at most
** SOME_MAX_SERIES series.  The rule and its measurements are in
** docs/design.md ("A total row without `total=` is an error").
*/
#include "growth/total_row_int.h"

#include <stdlib.h>
#include <string.h>

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
  ** (shares_refuse.c); the best match is kept. */
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

int ts_total_search_some(ts_total_guard *g) {
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
