/*
** projection/projection.h -- the pure core of annual_projection:
** plain C over plain arrays, no sqlite3_value, so every method is
** unit-tested directly.  The aggregate, window and virtual-table forms
** all project through ts_proj_fixed() and auto_cell(), so a fixed method
** gives the same number in each; the virtual table alone sees the other
** series of its source and borrows their errors (ts_proj_pool) for its
** intervals and for auto's ranking and choice of rule, so its auto can
** differ from the aggregate's, which knows the series' own errors only.
**
** A series is laid on a grid of whole years: P periods per year (1 year,
** 2 halves, 4 quarters, 12 months), value[(year - first_year) * P + pos - 1]
** with present[] marking which periods were observed (a gap is a 0 there;
** a zero value is a value).  "Projecting year y from point k" means: the
** periods 1..k of y are known, the total of y's P periods is wanted.
*/
#ifndef TRADESTAT_PROJECTION_H
#define TRADESTAT_PROJECTION_H

#include "core/series.h"
#include "core/alloc.h"

typedef enum ts_proj_method {
  TS_PROJ_RUN_RATE = 0,
  TS_PROJ_PRIOR_SHARE,
  TS_PROJ_AVG_SHARE,
  TS_PROJ_SNAIVE,
  TS_PROJ_LINEAR,
  TS_PROJ_HOLT_WINTERS,
  TS_PROJ_THETA,
  TS_PROJ_AUTO
} ts_proj_method;

#define TS_PROJ_N_FIXED 7 /* the methods before TS_PROJ_AUTO */
#define TS_PROJ_N_CELLS 8 /* a backtest row: the fixed methods, then auto */

/* Bounds that keep one projection's cost independent of the length of
** the history (projection_core.c item 7). */
#define TS_PROJ_FIT_YEARS 8 /* holt_winters and theta fit the latest 8 years */
#define TS_PROJ_CHAIN_YEARS \
  16 /* holt_winters' warm-start chain restarts cold
                                  at every calendar year divisible by 16 */
#define TS_PROJ_ERROR_YEARS \
  4 /* errors of the latest 4 earlier years size
                                  intervals and rank methods for auto */

/* "run_rate", ...; NULL for a value out of range. */
const char *ts_proj_method_name(ts_proj_method m);
/* The name in any ASCII case, surrounding spaces ignored (as measure
** names are read); returns 0 and sets *out, or 1 if unknown. */
int ts_proj_method_from_name(const char *z, ts_proj_method *out);
/* "run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto" */
extern const char ts_proj_method_list[];

/* Student t quantiles of one interval level by degrees of freedom
** (q[df], df < TS_PROJ_MAX_HISTORY), filled on first use (0: not yet):
** the quantile inverts an incomplete beta function by bisection, far
** dearer than everything else an interval needs. */
#define TS_PROJ_MAX_HISTORY 64 /* earlier years an interval looks at */
typedef struct ts_proj_quantiles {
  double level;
  double q[TS_PROJ_MAX_HISTORY];
} ts_proj_quantiles;

typedef struct ts_proj_pool ts_proj_pool;
/* auto's backtests from the year's other cut-offs, made when first needed
** (projection_auto.c item 3b; private to projection_errors.h). */
typedef struct ts_proj_cuts ts_proj_cuts;

typedef struct ts_proj_grid {
  int periods_per_year; /* P: 1, 2, 4 or 12 */
  int first_year;
  int n_years;
  const double *value;          /* n_years * P */
  const unsigned char *present; /* n_years * P, 1 where observed */
  /* Optional caches (NULL: computed when needed; the answers are the
  ** same bit for bit).  ts_proj_grid_build fills year_total/complete. */
  const double *year_total;           /* n_years: ts_proj_actual's sum */
  const unsigned char *year_complete; /* n_years: 1 when all P present */
  ts_proj_quantiles *quantiles;       /* the caller's, for intervals */
  /* 0: not computed; else 1 + the index of the first negative observed
  ** value, or 1 + n_years * P when there is none (ts_proj_grid_build). */
  long negative_at;
  /* Errors of other series of the same source from the same point of
  ** the year (the virtual table's pool; NULL: this series alone). */
  const ts_proj_pool *pool;
  /* Months only: 0: not computed; else 1 + the index of the first year
  ** with a month after April observed, or 1 + n_years when none has one
  ** (ts_proj_grid_build; projection_core.c item 1b). */
  int late_month_at;
  /* A reconciled total's grid: 1 + the method its parts were projected
  ** by (its backtest column, TS_RECON_COLUMN, is run_rate's whatever the
  ** method); 0 otherwise.  Item 4b of projection_errors.c reads it. */
  int summed_method;
  /* Item 3b of projection_auto.c: a cache ts_proj_grid_build allocates
  ** and ts_proj_grid_free frees (NULL: auto ranks a series alone by its
  ** errors from the point projected from only).  A copy of the grid
  ** shares it; only the built grid is freed. */
  ts_proj_cuts *cuts;
  /* Last, so the unit tests' positional initializers stay valid.
  ** Exact sums (NULL: range_sum's compensated sum of value[]), set by
  ** ts_proj_grid_build when a cell holds an integer part past 2^53 (its
  ** value[] rounded): per cell (n_years * P), the exact sum of its
  ** year's present cells at positions 1..pos (sum_from1) and pos..P
  ** (sum_to_end), each rounded once.  A year-to-date, a total and the
  ** rest of a year are then the figures the ytd and actual columns show:
  ** 2^62 and -(2^62 - 5) rounded apart summed to 0, not 5. */
  const double *sum_from1, *sum_to_end;
} ts_proj_grid;

/* Lays points (sorted by ordinal, of `kind`, value in sum[slot]) on a
** grid from the first point's year to the last's.  Allocates one block,
** released by ts_proj_grid_free().  SQLITE_MISUSE for days or no points. */
int ts_proj_grid_build(ts_period_kind kind, const ts_point *a, int n, int slot, ts_proj_grid *g);
void ts_proj_grid_free(ts_proj_grid *g);

/* Periods per year for a kind (year 1, half 2, quarter 4, month 12);
** 0 for days and TS_KIND_NONE, which only the run-rate scalar handles. */
int ts_proj_periods_per_year(ts_period_kind kind);

/* Sum of periods 1..k of year index yi: 0 and *out, or 1 when one of
** them is missing.  ts_proj_actual() is the same with k = P. */
int ts_proj_ytd(const ts_proj_grid *g, int yi, int k, double *out);
int ts_proj_actual(const ts_proj_grid *g, int yi, double *out);

/* One fixed method's projection of one year. */
typedef struct ts_proj_cell {
  int ok;             /* projection defined */
  double value;       /* the projected annual total */
  double model_sd;    /* holt_winters: sd of the total from the model's own
                        one-step errors; < 0 when not available */
  const char *note;   /* why ok == 0 */
  const char *detail; /* ok == 1: how it was made, when that needs saying
                         (holt_winters' fallbacks), else NULL */
} ts_proj_cell;

/* Fixed method m (not auto) for year index yi from point k (1 <= k <= P).
** Returns SQLITE_OK (the answer, defined or not, is in *out). */
int ts_proj_fixed(const ts_proj_grid *g, int yi, int k, ts_proj_method m, ts_proj_cell *out);

/* Everything a row of the virtual table reports about one year. */
typedef struct ts_proj_estimate {
  int ok; /* projection defined */
  double projection;
  int interval_ok; /* low/high defined */
  double low, high;
  ts_proj_method method;     /* the method used (auto: the one chosen) */
  const char *note;          /* why projection is NULL, or NULL */
  const char *interval_note; /* why low/high are NULL, or how auto chose */
  const char *detail;        /* the used method's detail (holt_winters'
                             fallbacks), or NULL */
} ts_proj_estimate;

/* Projects year index yi from point k with method m.  level (0..100,
** exclusive) is the prediction interval's coverage; level <= 0 skips the
** interval (and the backtests it needs, unless auto needs them).  Only
** years before yi are used to choose (auto) and to size the interval.
** Returns SQLITE_OK or SQLITE_NOMEM. */
int ts_projection_estimate(const ts_proj_grid *g, int yi, int k, ts_proj_method m, double level,
                           ts_proj_estimate *out);

/* Backtests shared by many years (the virtual table projects every year
** of a series): cells[yi * TS_PROJ_N_CELLS + m] for yi < n_years, m a
** fixed method or TS_PROJ_AUTO (auto's own projection, made from the
** fixed cells of that year and the years before it).
** ts_projection_backtest fills the rows of the methods in `mask` (bit m;
** bit TS_PROJ_AUTO: auto, which needs every fixed method), and
** ts_projection_from_backtest then answers for one year without
** recomputing anything.  ts_projection_auto_fill fills the auto column
** from fixed cells made otherwise (the unit tests write them by hand). */
int ts_projection_backtest(const ts_proj_grid *g, int k, unsigned mask, int n_years,
                           ts_proj_cell *cells);
void ts_projection_auto_fill(const ts_proj_grid *g, int k, int n_years, ts_proj_cell *cells);
void ts_projection_from_backtest(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int k,
                                 ts_proj_method m, double level, ts_proj_estimate *out);
/* Methods whose backtests method m needs (auto: all of them and auto). */
unsigned ts_projection_mask(ts_proj_method m);
/* First year index of the backtest the projection of year yi by method m
** needs (the cells before it are not read): bounded work per year. */
int ts_projection_first_needed(const ts_proj_grid *g, int yi, ts_proj_method m);

/* ---- The pool: errors borrowed from the other series ------------------ */

/* Per calendar year and slot (the fixed methods, then auto's rules,
** projection_auto.c item 3): the sum of absolute errors (item 4), their
** count, the sum and count of absolute percentage errors (item 3;
** none for a year whose total is 0), and the sum and count of those
** divided by the square root of their series' volatility (item 3), over
** every series added; ts_proj_pool_finish makes the
** sums over earlier years that estimates read.  One pool per point of the
** year (periods_per_year, k). */
struct ts_proj_pool {
  int periods_per_year, k;
  int first_year, n_years; /* calendar years held */
  double *sum;             /* n_years * (slots * 6 + 3): the errors, then
                               the year's spread (projection_errors.c
                               item 4c: sum of squares, degrees of
                               freedom, series) */
  double *before;          /* (n_years + 1) * (slots * 6 + 3): the
                               sums over the years before first_year + i */
  int spread;              /* 1 once a series was added with every fixed
                               method (its periods' spread pooled): only
                               such series may take item 4d's assumed
                               spread (not reconciled totals) */
};
/* Adds the errors of the methods in mask (bits as ts_projection_mask)
** that the cells of a series (g, one backtest from the pool's k) made,
** and, when mask holds every fixed method, the spread of each year's
** first k periods (projection_errors.c item 4c).
** SQLITE_OK or SQLITE_NOMEM. */
int ts_proj_pool_add(ts_proj_pool *pool, const ts_proj_grid *g, const ts_proj_cell *cells,
                     unsigned mask);
int ts_proj_pool_finish(ts_proj_pool *pool);
void ts_proj_pool_free(ts_proj_pool *pool);

/* ---- Internal to the projection core ---------------------------------- */
/* Not for the SQL forms: the cell helpers the methods (projection_core.c,
** projection_methods.c) and auto and the intervals (projection_errors.c)
** share. */

/* Cell index of position pos (1..P) of year index yi in g's arrays. */
static inline int ts_proj_cell_index(const ts_proj_grid *g, int yi, int pos) {
  return yi * g->periods_per_year + pos - 1;
}
/* The note of a projection whose year-to-date misses a period (item 1 of
** projection_core.c), in every form. */
#define TS_PROJ_NOTE_YTD "incomplete year-to-date"
/* Whether year index yi of g has a present period. */
static inline int ts_proj_year_has_data(const ts_proj_grid *g, int yi) {
  for (int pos = 1; pos <= g->periods_per_year; pos++)
    if (g->present[ts_proj_cell_index(g, yi, pos)]) return 1;
  return 0;
}
/* A defined projection, or "projection is not a finite number". */
void ts_proj_cell_set(ts_proj_cell *out, double value);
/* No projection, for the reason `note`. */
void ts_proj_cell_fail(ts_proj_cell *out, const char *note);
/* Whether every value observed up to cell index last is >= 0
** (projection_core.c item 5). */
int ts_proj_non_negative_upto(const ts_proj_grid *g, long last);

/* ---- Holt-Winters (holt_winters.c) ------------------------------------ */

typedef struct ts_hw_model {
  int multiplicative;        /* seasonality chosen by fit */
  int trend_kind;            /* 0 none, 1 additive, 2 damped */
  int fallback;              /* 0 best fit used, 1 best fit degenerate so the
                           next stable one, 2 none stable: seasonal naive */
  double alpha, beta, gamma; /* beta is alpha * beta* (error-correction form) */
  double phi;                /* trend damping: 1 additive, 0.8..0.98 damped */
  double sse;                /* one-step-ahead squared error at the optimum */
  double level, trend;       /* states after the last observation */
  double season[12];         /* seasonal state by position in the year */
} ts_hw_model;

/* Parameters carried from one fit to the next along a backtest (each
** year's fit starts from the previous year's, holt_winters.c item 7).
** Zero it before the first fit; candidate id = multiplicative * 3 + trend. */
typedef struct ts_hw_warm {
  unsigned char valid[6];  /* x[id] holds a fitted candidate */
  unsigned char behind[6]; /* it ended HW_RACE AICc or more behind the best */
  double x[6][4];          /* its parameters (logit scale) */
} ts_hw_warm;

/* Fits Holt-Winters (no, additive or damped trend; additive or
** multiplicative seasonality; chosen by AICc) to y[0..n-1] (season m = 2,
** 4 or 12; y[0] is at position first_pos, 1-based, of its year) and
** forecasts the next h <= 12 periods.  *sum = their total, *sd = its model
** standard deviation (< 0 if not available).  Returns 0, or 1 when
** n < 2 m or m or h is not supported.  Deterministic; allocates nothing. */
int ts_holt_winters_forecast(const double *y, int n, int m, int first_pos, int h, double *sum,
                             double *sd, ts_hw_model *model);
/* The same, starting from (and updating) warm's parameters when it holds
** an earlier fit: far cheaper, and the fit may settle on a nearby optimum
** the four cold starts would not.  warm may be NULL (cold). */
int ts_holt_winters_forecast_warm(const double *y, int n, int m, int first_pos, int h,
                                  ts_hw_warm *warm, double *sum, double *sd, ts_hw_model *model);

/* ---- Small statistics (projection_interval.c) --------------------------- */

/* Quantile of the standard normal distribution, p in (0,1). */
double ts_normal_quantile(double p);
/* Quantile of Student's t with df degrees of freedom (df >= 1), p in (0,1). */
double ts_student_t_quantile(double p, double df);
/* Interval centred on `projection` from earlier (projection, actual) pairs:
** returns 0 and sets low/high, or 1 when fewer than 3 usable pairs.
** quantiles (may be NULL) caches the t quantiles across calls. */
int ts_proj_error_interval(const double *proj, const double *actual, int n, double projection,
                           double level, double *low, double *high);
int ts_proj_error_interval_cached(const double *proj, const double *actual, int n,
                                  double projection, double level, ts_proj_quantiles *quantiles,
                                  double *low, double *high);
/* The error of one (projection, actual) pair: 0 and *r, or 1 when unusable. */
int ts_proj_pair_error(double projection, double actual, double *r);
/* The interval projection * exp(+- t_df(level) sqrt(variance)) when
** multiplicative and projection > 0, else projection +- |projection| t
** sqrt(variance): 0, or 1 when there is none, 2 when a bound is not a
** finite number. */
int ts_proj_interval_from_variance(double projection, double variance, double df,
                                   int multiplicative, double level, ts_proj_quantiles *quantiles,
                                   double *low, double *high);

#endif /* TRADESTAT_PROJECTION_H */
