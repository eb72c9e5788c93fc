/*
** growth/total_row_int.h -- private to total_row.c (the guard: its pass
** over every series, the candidates and their judging) and
** total_row_some.c (the rule over some of the others: the subset-sum
** search): the guard's state, the constants of the rule, and the
** comparisons both make.
*/
#ifndef TS_GROWTH_TOTAL_ROW_INT_H
#define TS_GROWTH_TOTAL_ROW_INT_H

#include "growth/total_row.h"
#include "core/alloc.h"
#include "core/core.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>

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

static inline double guard_unit(const ts_total_guard *g) {
  if (g->unit_exp == INT_MAX || g->unit_exp == NO_UNIT) return 0.0;
  return pow(10.0, g->unit_exp);
}

/* The index of the period of ordinal in g->aPer (sorted), -1: none. */
static inline int find_period(const ts_total_guard *g, int64_t ordinal) {
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

/* How far a total may be from the sum of its parts in period p: half a
** unit for every figure of the source summed into the period (each was
** rounded on its own), plus floating-point slack. */
static inline double tolerance(const per_period *p, double unit) {
  return unit / 2.0 * (double)p->total.count + FLOAT_SLACK * p->mag;
}

/* log10 of the chance that a figure of size |x| falls within tol of a
** given sum: the width of the window in units over the figure. */
static inline double log_chance(double x, double tol, double unit) {
  double w = CHANCE_FACTOR * (2.0 * tol + unit);
  if (x == 0.0 || w >= fabs(x)) return 0.0;
  if (w <= 0.0) w = DBL_MIN;
  return log10(w / fabs(x));
}

/* total_row_some.c: finds, in a group of SOME_MAX_SERIES series at most
** whose figures are kept, the series that is the sum of some of the
** others (g->some); SQLITE_OK or SQLITE_NOMEM. */
int ts_total_search_some(ts_total_guard *g);

#endif /* TS_GROWTH_TOTAL_ROW_INT_H */
