/*
** vtab/series_query.h -- private to ext/vtab/: the one query on the
** source (built in series_query.c) as the scan's files ask for it
** (series_scan_open.c, series_walk.c, series_skip.c).
*/
#ifndef TRADESTAT_SERIES_QUERY_H
#define TRADESTAT_SERIES_QUERY_H

#include "vtab/series_source.h"

/* The affinities of the by columns (aAff[0..nBy)) and the period
** (aAff[nBy]) of spec's source zFrom, from their declared types: 'T'
** TEXT, 'N' numeric, 'B' none. */
void ts_source_affinities(sqlite3 *db, const ts_source_spec *spec, const char *zFrom, char *aAff);

/* The source query's text: binds are numbered in order (aBound[i]: how
** many values by column i binds, 0 for none); aAff: the by columns' and
** the period's affinities ('T', 'N', 'B'); with_preliminary adds the
** source's "preliminary" column; sorted orders by +column (no index walk)
** and breaks ties by rowid. */
char *ts_scan_query(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                    const char *zFrom, const char *aAff, int *aBound, int with_preliminary,
                    int sorted);
/* The same, and with bound the row-value lower bound of the skip walk,
** (s.by..., s.period) >= (?, ...), after every other parameter. */
char *ts_scan_query_bound(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                          const char *zFrom, const char *aAff, int *aBound, int with_preliminary,
                          int bound);

#endif /* TRADESTAT_SERIES_QUERY_H */
