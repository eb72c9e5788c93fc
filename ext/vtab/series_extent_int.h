/*
** vtab/series_extent_int.h -- private to series_day_extent.c (which reads
** the days a source holds) and series_extent.c (which judges roll-ups of
** days against them).
*/
#ifndef TRADESTAT_SERIES_EXTENT_INT_H
#define TRADESTAT_SERIES_EXTENT_INT_H

#include "vtab/series_extent.h"

/* The day ordinal of p's first day (last 0) or last day (last 1). */
int64_t ts_day_ordinal(const ts_period *p, int last);
/* The source's extent read if it is not yet, and with its end days when
** ends is set and they are not (a pass that knew the extent kept no end
** days).  SQLITE_OK, or an error of the source with *pzErr. */
int ts_extent_ensure(ts_day_extent *e, int ends, char **pzErr);
/* The first end day on or after day d; d itself when none (past the
** source's last day a roll-up is incomplete already). */
int64_t ts_extent_next_end(const ts_day_extent *e, int64_t d);
/* The last end day before day d; d itself when none. */
int64_t ts_extent_prev_end(const ts_day_extent *e, int64_t d);

#endif /* TRADESTAT_SERIES_EXTENT_INT_H */
