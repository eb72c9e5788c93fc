/*
** growth/total_row.h -- finding a total row among the series (yoy_growth's
** share, share_change and contribution without total=).
**
** A KOSIS or customs table carries its total as one more value of the by
** column ('합계', 'Total'); summed with its parts, every share is halved.
** One guard judges one group of series, the parts of one total (every
** series with one by column; with several, the series sharing the values
** of every by column but the last: the partners of one flow), so its
** rounding unit is that of the group's figures.  It sees each series of
** the group once, as the totals scan reads them (ts_total_guard_add, in
** scan order), keeps per period the sum, the count, the two largest
** figures and what the rounding of the figures allows, and per series its
** grand sum (every figure, in a group of 25 series at most, for the
** rule over some of the others).  That picks the candidates; the
** caller reads the source once more, only when there is one, and hands
** each candidate's points to ts_total_guard_judge.  The rule is in
** docs/design.md ("A total row without `total=` is an error").  Plain C
** over core/ types: no SQL here.
*/
#ifndef TS_GROWTH_TOTAL_ROW_H
#define TS_GROWTH_TOTAL_ROW_H

#include "core/series.h"

typedef struct ts_total_guard ts_total_guard;

/* What ts_total_guard_judge found. */
typedef enum ts_total_rule {
  TS_TOTAL_NONE = 0,  /* not a total row */
  TS_TOTAL_EXACT = 1, /* the sum of the others exactly, in every period */
  /* to the rounding of the source where it and two others have figures,
  ** never below their sum */
  TS_TOTAL_ROUNDED = 2,
  /* half the sum of the others exactly where every series has a figure,
  ** never below it where one is missing: a total beside sub-totals and
  ** their parts (four series at least) */
  TS_TOTAL_OVER_SUBTOTALS = 3,
  /* the sum of some of the others (two or more, not all) to the rounding
  ** wherever they and it have figures: a total beside sub-totals whose
  ** parts are listed only in part (four to 25 series) */
  TS_TOTAL_OVER_SOME = 4,
  /* its label reads as a total (ts_total_label_like) and it is not below
  ** the sum of the others (to the rounding) wherever it and two of them
  ** (of two series, or where no period has three figures: it and one)
  ** have figures, none negative: a total over parts not all listed
  ** (World beside a few partners, or one) */
  TS_TOTAL_LABELLED = 5
} ts_total_rule;

typedef struct ts_total_verdict {
  ts_total_rule rule;
  int nMatch;  /* periods where it is the others' sum (to the rounding) */
  int nShared; /* periods where it and at least two others have figures
               ** (TS_TOTAL_LABELLED with pairs: one other) */
  int pairs;   /* TS_TOTAL_LABELLED: judged where it and one other have
               ** figures, no period having three */
  int larger;  /* 1: larger than the others' sum where one is missing */
  double unit; /* the rounding unit of the source (0: none found) */
  int nPart;   /* TS_TOTAL_OVER_SOME: how many of the others it sums */
  /* TS_TOTAL_OVER_SOME: 1 when the matches alone are unlikely enough by
  ** chance; 0 when they are only if the series' label reads as a total
  ** (ts_total_label_like: the caller decides). */
  int strong;
} ts_total_verdict;

ts_total_guard *ts_total_guard_new(void);
void ts_total_guard_free(ts_total_guard *g);
/* One series of the group (slot 0 of its points), in scan order: its
** index is the number of series added before it.  SQLITE_NOMEM or OK. */
int ts_total_guard_add(ts_total_guard *g, const ts_point *a, int n);
/* The series added last has a label that reads as a total
** (ts_total_label_like): where no figure is negative, it is searched for
** the sum of some of the others even when it is not the largest figure,
** and judged by TS_TOTAL_LABELLED. */
void ts_total_guard_label(ts_total_guard *g);
/* After the last series: picks the candidates (computed once). 1 when a
** series must be judged, i.e. the source must be read again. */
int ts_total_guard_has_candidates(ts_total_guard *g);
int ts_total_guard_is_candidate(const ts_total_guard *g, int iSeries);
int ts_total_guard_last_candidate(const ts_total_guard *g);
int ts_total_guard_n_series(const ts_total_guard *g);
/* Judges series iSeries (a candidate) from its points. */
void ts_total_guard_judge(const ts_total_guard *g, int iSeries, const ts_point *a, int n,
                          ts_total_verdict *out);
/* 1 when a label reads as a total ('합계', 'Total', 'World', ...; ASCII
** case and surrounding white space ignored): it chooses which series an
** error names when several qualify, stands for part of the evidence over
** some of the others, and with figures never below the others' sum makes
** a total (TS_TOTAL_LABELLED); never a reason alone. */
int ts_total_label_like(const char *z);

#endif /* TS_GROWTH_TOTAL_ROW_H */
