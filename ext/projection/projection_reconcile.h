/*
** projection/projection_reconcile.h -- coherent projections of a
** hierarchy (annual_projection's reconcile= option), bottom-up.
**
** A hierarchy is declared per by column with the label of its total
** (reconcile='region=Total, product=Total').  A series whose value in one
** of those columns is the total label is a *total*; a series with no
** total label is a *part*.  The parts of a total are the parts equal to it
** in every other by column.  Bottom-up: a total's projection of year y is
** its own year-to-date plus the sum of its parts' projections of the rest
** of the year (projection - year-to-date), so the projected remainders
** add up and the observed year-to-date stays as the source has it.  Parts
** are never changed.  See docs/design.md ("Reconciled projections").
**
** The pure half (ts_recon_parse, ts_recon_bottom_up) works on strings and
** grids; the query half (ts_recon_open ... ts_recon_free) finds totals and
** parts with SQLite, under the by columns' own collations.
*/
#ifndef TRADESTAT_PROJECTION_RECONCILE_H
#define TRADESTAT_PROJECTION_RECONCILE_H

#include "vtab/series_source.h"
#include "projection/projection.h"

/* The backtest column a reconciled total's projections are kept in, so
** the core's interval rule (ts_projection_from_backtest) sizes their
** intervals from their own past errors, like a fixed method's. */
#define TS_RECON_COLUMN TS_PROJ_RUN_RATE

/* The difference between a total's year-to-date and its parts' beyond
** which the parts do not make up the total (a share of the total's). */
#define TS_RECON_TOLERANCE 0.01

/* reconcile= as declared: by column index and total label, per column. */
typedef struct ts_recon_spec {
  int n;
  int col[TS_MAX_BY];
  char *label[TS_MAX_BY];
} ts_recon_spec;

/* Reads a reconcile= value ("region=Total, product='All, goods'") against
** the by columns azBy[0..nBy).  Returns SQLITE_OK and *pp, SQLITE_NOMEM,
** or SQLITE_ERROR with *pzErr naming zModule, the argument and the value. */
int ts_recon_parse(const char *zModule, const char *zValue, char *const *azBy, int nBy,
                   ts_recon_spec **pp, char **pzErr);
void ts_recon_spec_free(ts_recon_spec *p);

/* One series as the reconciliation sees it: its grid, its point of the
** year k (0: none), its backtest (grid->n_years * TS_PROJ_N_CELLS, NULL
** when k is 0) and its name for notes. */
typedef struct ts_recon_part {
  const ts_proj_grid *grid;
  int k;
  const ts_proj_cell *cells;
  const char *name;
} ts_recon_part;

/* Notes made for one query (they name parts), freed together. */
typedef struct ts_recon_notes {
  char **a;
  int n, nAlloc;
} ts_recon_notes;
void ts_recon_notes_free(ts_recon_notes *notes);

/* Bottom-up: fills out (total->n_years * TS_PROJ_N_CELLS, column
** TS_RECON_COLUMN; the others are zeroed) with the total's reconciled
** projection of every year from its point k, method m's projections of
** the parts.  A year is not reconciled (cell not ok, note says why) when
** the total's year-to-date is incomplete, when no part has data by then,
** when a part with data by then has no projection of the year (a missing
** or incomplete period) or is projected from another point of the year,
** and when the parts' year-to-date differs from the total's by more than
** TS_RECON_TOLERANCE of it.  Parts with no observation up to the point
** projected from are not parts yet (so a backtest row is the projection
** from the source cut there).  SQLITE_OK or SQLITE_NOMEM. */
int ts_recon_bottom_up(const ts_proj_grid *total, int k, const ts_recon_part *parts, int n_parts,
                       ts_proj_method m, ts_proj_cell *out, ts_recon_notes *notes);

/* ---- the query half -------------------------------------------------- */

typedef struct ts_recon ts_recon;

/* Starts a reconciliation of the source spec (statements prepared on db). */
int ts_recon_open(sqlite3 *db, const ts_source_spec *spec, const ts_recon_spec *rs, ts_recon **pp,
                  char **pzErr);
/* Adds the next series of the whole source (in scan order): its keys are
** kept and whether it is a total is asked of SQLite. */
int ts_recon_add(ts_recon *r, const ts_series *s, char **pzErr);
/* With every series added, series i's grid, k and backtest in in[i]:
** groups totals with their parts and makes each total's reconciled
** estimate of every year (method m, interval level, quantile cache q),
** its interval from its own reconciled backtest and those of the other
** totals (the same pool rule as every interval).  more[0 .. n_more): the
** same n series from other points of the year (more[e][i].k; 0 where a
** series is of another kind), whose totals' reconciled backtests are
** pooled too, so a total's pool holds every total of its kind from its
** point whatever their own (projection_vtab.c item 8b). */
int ts_recon_run(ts_recon *r, const ts_recon_part *in, int n, const ts_recon_part *const *more,
                 int n_more, ts_proj_method m, double level, ts_proj_quantiles *q, char **pzErr);
/* The series added that has these keys (the main scan's series), from
** *pNext on (both scans read in the same order): its index, or -1. */
int ts_recon_find(ts_recon *r, sqlite3_value *const *apKey, int *pNext, int *pIndex, char **pzErr);
/* Series i's reconciled estimate of a calendar year; NULL when it is not
** a total or has no such year (its own projection stands). */
const ts_proj_estimate *ts_recon_estimate(const ts_recon *r, int i, int year);
void ts_recon_free(ts_recon *r);

#endif /* TRADESTAT_PROJECTION_RECONCILE_H */
