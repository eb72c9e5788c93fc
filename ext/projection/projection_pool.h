/*
** projection/projection_pool.h -- private to projection/: the
** annual_projection virtual table's state (its table and cursor) and what
** projection_vtab.c (the arguments and the walk over series and years),
** projection_row.c (the row the cursor stands on), projection_prepass.c
** (the pre-pass's lifecycle and key) and projection_pool.c
** (the pre-pass: the pool of past errors, the series it keeps,
** reconcile=; items 8-11 of projection_vtab.c) share.
*/
#ifndef TRADESTAT_PROJECTION_POOL_H
#define TRADESTAT_PROJECTION_POOL_H

#include "glue/glue.h"
#include "vtab/series_vtab.h"
#include "projection/projection.h"
#include "projection/projection_reconcile.h"

#define MODULE "annual_projection"

/* A point of the year as a fraction: position / per_year (0: default). */
typedef struct through_point {
  int position, per_year;
} through_point;

/* Item 11: what the pre-pass keeps of grids and backtests, in bytes; a
** test build may define a smaller one (the answers are the same). */
#ifndef TS_PROJ_KEEP_BYTES
#define TS_PROJ_KEEP_BYTES (64 << 20)
#endif

/* Item 8: a series of the pre-pass, kept for the main scan.  Past the
** budget (item 11) auto's series are set aside: grid and cells freed,
** their points kept, so their auto errors can be made again. */
typedef struct pooled_series {
  ts_proj_grid grid; /* its own copy of the values (ts_proj_grid_build) */
  int k;
  ts_proj_cell *cells; /* its backtest, auto included when asked */
  ts_point *points;    /* set aside: a copy of its points, else NULL */
  int n_points;        /* set aside: how many */
  ts_period_kind kind; /* set aside: the kind of its points */
} pooled_series;

#define N_POOLS 19 /* points of the year: 1 + 2 + 4 + 12 */

/* Items 8-10: the pre-pass of one source, settings and state of the
** database, kept across a cursor's xFilter calls and handed on to a
** cursor opened while it was open (proj_prepass_check). */
typedef struct prepass {
  char *zKey;                 /* what it holds for (prepass_key) */
  int pooled;                 /* made */
  ts_proj_pool pool[N_POOLS]; /* by (periods per year, k) */
  /* Item 8b: the points of the year some series is projected from, by
  ** pool; all_points: every series is pooled from each of its kind's */
  unsigned char used[N_POOLS];
  int all_points;
  pooled_series *cache; /* the series kept, in scan order */
  int n_cache;
  int *slot, n_slot;           /* cache by grid and k: index + 1, 0 free */
  sqlite3_int64 kept_bytes;    /* grids and backtests of cache (item 11) */
  ts_recon *recon;             /* reconcile=: the totals' reconciled rows (item 9) */
  ts_proj_quantiles quantiles; /* the kept series' intervals' t quantiles */
  /* What recon reads and matches by: its own copies, as the cursor's
  ** (the table-valued form's arguments) are made again by each xFilter
  ** and go with the cursor. */
  ts_source_spec spec;
  ts_recon_spec *rs;
} prepass;

typedef struct projection_vtab {
  ts_series_vtab base;
  ts_proj_method method;
  double level;
  through_point through;
  ts_recon_spec *reconcile; /* reconcile=: NULL, none (item 9) */
  /* Item 10: cursors open on this table, the last one's serial, and a
  ** closed cursor's pre-pass kept for those opened while it was open
  ** (serials parked_lo < serial < parked_hi). */
  int n_open;
  sqlite3_int64 next_serial;
  prepass *parked;
  sqlite3_int64 parked_lo, parked_hi;
} projection_vtab;

typedef struct projection_cursor {
  ts_series_cursor base;
  ts_proj_method method;
  sqlite3_int64 serial;   /* order of opening on its table */
  sqlite3_int64 n_filter; /* xFilter calls so far */
  prepass *pp;            /* the pre-pass (NULL until the first series) */
  int key_checked;        /* pp checked since the last xFilter (proj_prepass_check) */
  int interval_done;      /* est holds the current row's interval */
  ts_proj_grid grid;
  ts_proj_cell *cells; /* grid.n_years * TS_PROJ_N_CELLS backtest */
  int k;               /* through, in the series' periods; 0: not a boundary */
  int yi;              /* current year index in grid */
  int pt_lo, pt_hi;    /* the current year's points: aPoint[pt_lo .. pt_hi) */
  sqlite3_int64 ord0;  /* the ordinal of the current year's first period */
  int any_incomplete;  /* a point of the series is an incomplete roll-up */
  int cells_partial;   /* cells made for the asked-for years only (own_years_cells) */
  /* The series read again with every earlier year when the narrowed read
  ** cannot settle its rows (projection_narrow.c); aPoint NULL: none, the
  ** scan's series stands. */
  ts_series again;
  /* Whether the narrowed read from year left_out_lo left out a row of the
  ** source (ts_proj_narrow_left_out), asked once per cursor and year;
  ** left_out_lo 0: not asked yet. */
  int left_out_lo, left_out;
  /* through's label for this series, its year rewritten by each row
  ** (projection_row.c); "" until made */
  char through_label[TS_PERIOD_LABEL_MAX];
  ts_proj_estimate est;
  ts_proj_quantiles quantiles; /* the intervals' t quantiles, kept across series */
  int recon_next, recon_index; /* the next pre-pass series to match; the current one's */
} projection_cursor;

static inline int is_pooled(const projection_cursor *cur) { return cur->pp && cur->pp->pooled; }

/* The settings of this query: the CREATE form's table, or the table-valued
** form's options when given (else the table's defaults). */
static inline const projection_vtab *settings_of(const ts_series_cursor *pCur) {
  const ts_series_vtab *cfg = ts_series_config(pCur);
  return (const projection_vtab *)(cfg ? cfg : (const ts_series_vtab *)pCur->base.pVtab);
}

/* The pre-pass's lifecycle (projection_prepass.c). */
void proj_prepass_free(prepass *pp);
/* Lets go of what a kept series holds. */
void proj_release_cached(pooled_series *c);
/* Lets go of everything pp holds but pp itself. */
void proj_prepass_clear(prepass *pp);
/* The pre-pass's own copies of the source and of reconcile='s spec:
** SQLITE_OK or SQLITE_NOMEM. */
int proj_copy_spec(ts_source_spec *to, const ts_source_spec *from);
int proj_copy_recon_spec(ts_recon_spec **pp, const ts_recon_spec *from);
/* The pool and its series (projection_pool.c). */
/* Item 10: takes the table's kept pre-pass, or drops the cursor's when
** the settings or the data changed, at the first series of an xFilter. */
int proj_prepass_check(projection_cursor *cur);
/* The pool of points of the year k of P. */
ts_proj_pool *proj_pool_of(prepass *pp, int P, int k);
/* through in series s's periods (P a year); 0 when not on a boundary. */
int proj_series_through(const through_point *t, const ts_series *s, int P);
/* Items 8-9: builds the pool (and reconcile='s totals) once per query. */
int proj_pool_source(projection_cursor *cur, char **pzErr);
/* reconcile=: matches the main scan's series with the pre-pass's, and
** swaps a total's estimate in. */
int proj_reconcile_start(projection_cursor *cur, char **pzErr);
void proj_reconcile_row(projection_cursor *cur);
/* The pre-pass's backtest of the current series: copied from the kept
** series with the same grid, else made again with the same pool. */
int proj_series_cells(projection_cursor *cur);

/* The row the cursor stands on (projection_row.c). */
enum {
  COL_YEAR,
  COL_THROUGH,
  COL_OBSERVED,
  COL_PER_YEAR,
  COL_YTD,
  COL_PROJECTION,
  COL_LOW,
  COL_HIGH,
  COL_METHOD,
  COL_ACTUAL,
  COL_ERROR,
  COL_PRELIMINARY,
  COL_NOTE,
  N_RESULT
};
#define NOTE_THROUGH "through is not a whole number of this series' periods"
/* The current year's points, aPoint[pt_lo .. pt_hi), moving on from the
** last row's. */
void proj_row_points(projection_cursor *cur);
/* Whether the current year's roll-up up to position last is incomplete. */
int proj_row_incomplete(const projection_cursor *cur, int last);
/* Whether the current year is a year of the source (item 1). */
int proj_row_has_figure(const projection_cursor *cur);
/* The current row's projection; its interval too once the pool is built. */
void proj_row_estimate(projection_cursor *cur);
/* Builds the pool when first needed and the row's interval: 0, or 1
** after setting an error on ctx. */
int proj_row_interval(projection_cursor *cur, sqlite3_context *ctx);
/* xResult: column iCol of the current row. */
void proj_row_result(ts_series_cursor *pCur, sqlite3_context *ctx, int iCol);

#endif /* TRADESTAT_PROJECTION_POOL_H */
