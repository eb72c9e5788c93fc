/*
** projection/projection_errors.h -- private to projection_errors.c (the
** errors, own and pooled, and the pool), projection_bounds.c (the
** intervals) and projection_auto.c (auto's ranking and rules): the error
** slots, the pool's layout, and the functions they share.  Not for the
** SQL forms; items numbered as in projection_errors.c's and
** projection_auto.c's contracts.
*/
#ifndef TRADESTAT_PROJECTION_ERRORS_H
#define TRADESTAT_PROJECTION_ERRORS_H

#include "projection/projection.h"

#define ERROR_YEARS TS_PROJ_ERROR_YEARS
#define POOL_WEIGHT 3 /* the pool counts as 3 years of a series' own errors */
#define POOL_MIN    5 /* errors the pool needs before it is used */
#define MAX_DF \
  (TS_PROJ_MAX_HISTORY - 1) /* degrees of freedom, at most (the
                                            t quantile cache's range) */

/* Item 3: auto's ways of combining the ranked methods.  An error "slot"
** is a fixed method (0..6) or one of these (TS_PROJ_N_FIXED + rule). */
enum { RULE_WMEDIAN, RULE_BEST, RULE_INV_MSE, RULE_TRIMMED, RULE_MEDIAN_ALL, N_RULES };
#define POOL_SLOTS (TS_PROJ_N_FIXED + N_RULES)
/* Auto's own projections as made (item 4: its realized errors, the
** series' own only; never pooled). */
#define SLOT_AUTO POOL_SLOTS
/* A pool's record of one calendar year: each slot's error sum and count,
** then item 4c's spread of the year's first k periods (sum of squares,
** degrees of freedom, series). */
/* sum of |r|, count, sum of APE, count of APE, sum of APE / sqrt(v), count (v
** the series' volatility at that point, ts_proj_volatility) */
#define SLOT_PER    6
#define POOL_SPREAD (POOL_SLOTS * SLOT_PER)
#define POOL_PER    (POOL_SLOTS * SLOT_PER + 3)

/* Item 3b (projection_auto.c): a series ranked by its own errors alone
** also reads its errors from the year's quarter ends.  The backtests of
** those cut-offs, made when first needed, from year `from` on (the years
** ts_projection_first_needed says the answer reads), and each origin's
** median percentage error over the methods. */
#define CUTS_MAX 12
struct ts_proj_cuts {
  int k;                         /* the cut-off of the caller's cells (0: unknown) */
  int from;                      /* first year the cut-offs' backtests make */
  int failed;                    /* an allocation failed: item 3b is off */
  ts_proj_cell *cells[CUTS_MAX]; /* by cut-off - 1: n_years rows, or NULL */
  double *scale;                 /* n_years * P: an origin's median error;
                                   NAN: not yet, < 0: none */
};

#define HALF_PI 1.5707963267948966
/* Item 4d: the spread (sd) of ln value between a year's periods assumed
** where no series has shown one yet; measured, first years from one
** period needed 0.20-0.28 for 80 % coverage on every data set. */
#define DEFAULT_SPREAD 0.25
/* Item 4b: the smallest spread (sd of ln growth between a year's periods)
** taken from this year's own periods; measured on series alone, see 4b. */
#define GROWTH_SPREAD_FLOOR 0.03

/* ---- projection_core.c -------------------------------------------------- */

/* The fixed methods' backtest from cut-off k of years [from, n_years)
** into cells (n_years rows; earlier rows and auto's column failed). */
void ts_proj_backtest_fixed(const ts_proj_grid *g, int k, int from, int n_years,
                            ts_proj_cell *cells);
/* The grid's item 3b cache: allocated by ts_proj_grid_build. */
int ts_proj_cuts_new(ts_proj_grid *g);
void ts_proj_cuts_free(ts_proj_cuts *c);
/* Drops what the cache holds unless it was made from year `from` on. */
void ts_proj_cuts_from(ts_proj_cuts *c, int from);
/* Drops what the cache holds (made again when needed). */
void ts_proj_cuts_clear(ts_proj_cuts *c);

/* ---- projection_errors.c ---------------------------------------------- */

/* Slot s's projection of year yj: 0 and *v, or 1 when it has none. */
int ts_proj_slot_value(const ts_proj_grid *g, const ts_proj_cell *cells, int yj, int s, double *v);
/* Absolute errors of slot s in years [from, yi) with a known total: their
** sum and count; ape (may be NULL): the sum and count of their percentage
** errors (none for a year whose total is 0). */
void ts_proj_own_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s, int from,
                        double *sum, double *n, double ape[2]);
/* The pool's absolute errors of slot s in the latest ERROR_YEARS years
** before yi, this series' own taken out: 0 and their sum and count (ape,
** may be NULL: the percentage errors' sum and count), or 1 with fewer than
** POOL_MIN. */
int ts_proj_pool_errors(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                        double *sum, double *n, double ape[2]);
/* Item 3: the volatility v of the series up to period k of year yi, the
** mean absolute change from one period to the next of the log growth
** over the same period a year earlier, over the latest 3 years: 0 and
** *v, or 1 with fewer than 3 such changes (or v not > 0). */
int ts_proj_volatility(const ts_proj_grid *g, int yi, int k, double *v);
/* Item 4: the variance of slot s's error in year yi and its degrees of
** freedom (*pooled: whether the pool's errors were in it; may be NULL): 0,
** or 1 when neither own nor pooled errors are enough. */
int ts_proj_error_variance(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                           double *var, double *df, int *pooled);
/* Item 3: the mean absolute percentage error auto ranks slot s by in
** year yi (the pool's when it has enough, else the series' own): 0 and *d
** (*pooled says which, when given), or 1. */
int ts_proj_rank_scale(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int s,
                       const double scale[ERROR_YEARS], double *d, int *pooled);
/* Item 3: 1 / sqrt(ts_proj_volatility) of the series from the pool's
** point of the year in years yi - ERROR_YEARS .. yi - 1 (0: none, or no
** pool), what ts_proj_rank_scale takes this series' own errors out of the
** pool's with. */
void ts_proj_own_scales(const ts_proj_grid *g, int yi, double scale[ERROR_YEARS]);

/* Item 4c: the sum of squares of ln value(yi, j) about their mean over
** j = 1..k: 0 and *ss, or 1 when k < 2 or one of them is missing or not
** > 0. */
int ts_proj_year_spread(const ts_proj_grid *g, int yi, int k, double *ss);

/* ---- projection_auto.c ------------------------------------------------ */

/* Item 3: every rule's projection of year yi from the fixed cells: 0, or
** 1 when no method projects the year; *ranked as that file says. */
int ts_proj_candidates(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                       double cand[N_RULES], int *ranked);
/* The one method auto uses in year yi, or -1 (none or several). */
int ts_proj_only_method(const ts_proj_grid *g, const ts_proj_cell *cells, int yi);
/* Auto's projection of year yi from the fixed cells; *rule the rule used. */
void ts_proj_auto_cell(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, ts_proj_cell *out,
                       int *rule);

#endif /* TRADESTAT_PROJECTION_ERRORS_H */
