/*
** projection/projection_narrow.h -- private to projection/: the narrowed
** read of annual_projection (projection_narrow.c), used by
** projection_vtab.c.
*/
#ifndef TRADESTAT_PROJECTION_NARROW_H
#define TRADESTAT_PROJECTION_NARROW_H

#include "vtab/series_vtab.h"
#include "projection/projection.h"

/* The years before a row's own that a fixed method's projection reads
** besides items 1b and 5 of projection_core.c: 1 for run_rate,
** prior_share and snaive, -1 (every one) for the others. */
int ts_proj_narrow_history(ts_proj_method m);

/* Whether the cells of the years the query asks for could be other with
** the years before read_lo, which the narrowed read left out: a year of
** the grid before read_lo (a label read whatever its year), a projection
** equal to its year-to-date with no negative value read before its point
** (item 5 may have raised it, and an earlier negative would not), or a
** month series projected from January..April with no month after April
** read in an earlier year (item 1b). */
int ts_proj_narrow_unsure(const ts_series_cursor *cur, const ts_proj_grid *g,
                          const ts_proj_cell *cells, int k, ts_proj_method m, int read_lo);

/* Reads series s again with every earlier year (and the later years up
** to cur->read_hi): its points into *out (out->aPoint owned by the
** caller, freed with sqlite3_free; out->apKey left NULL).  SQLITE_OK, or
** an error with *pzErr (a bad row of those years is one). */
int ts_proj_series_again(ts_series_cursor *cur, const ts_series *s, ts_series *out, char **pzErr);

/* Whether the narrowed read from year lo on could have left out a row of
** cur's source: *pAny 1 when a TEXT period of a year before lo (its first
** four characters digits, the filter's own rule) is in the source, or
** when a statement writes (what the read saw is then not the source now);
** 0 when the read left out no row before lo, so every series' narrowed
** read holds every row a read of every earlier year would (a source of
** month names, 'Jan 2015', whose every row the filter keeps).  One query
** of the whole source, stopped at the first such row. */
int ts_proj_narrow_left_out(ts_series_cursor *cur, int lo, int *pAny, char **pzErr);

#endif /* TRADESTAT_PROJECTION_NARROW_H */
