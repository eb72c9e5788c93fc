/*
** vtab/series_extent.h -- the days a source holds, for roll-ups of days.
**
** A roll-up of days alone (grain=month/quarter/half/year over day rows)
** has no month to miss: a day without a row is a day without a
** transaction.  Past the end of the data, though, a missing day is not
** an event but the end of the extract: a year of 2023 whose source stops
** on 15 June is half a year.  So such a roll-up is complete only when
** its whole span lies inside the days the SOURCE holds (every row of it,
** whatever the query's WHERE: see docs/design.md, "Roll-ups know what
** they are missing").  Before the series' own days begin, a missing day
** is not an event either: a first month whose rows begin on the 15th is
** half a month, so a roll-up reaching before the first day of its series'
** first row with a figure (ts_series.first_day, per value slot) is
** incomplete too.  Both scan paths record that day while reading and
** hand their series through ts_days_check (series_scan.c), so they
** agree to the bit.
*/
#ifndef TRADESTAT_SERIES_EXTENT_H
#define TRADESTAT_SERIES_EXTENT_H

#include "vtab/series_source.h"

typedef struct ts_day_extent {
  sqlite3 *db;
  const ts_source_spec *spec;
  int has_max_rowid; /* a statement that writes: rows up to this rowid */
  sqlite3_int64 max_rowid;
  int read;            /* 1: first/last are known */
  int any;             /* some row has a period */
  int64_t first, last; /* day ordinals of the first and last day held */
  /* spec->day_whole_after: the last day of every period with a figure,
  ** sorted, each once (read with the extent, or on its own after a pass
  ** that knew the extent) */
  int64_t *aEnd;
  int nEnd;
  int ends_read;
} ts_day_extent;

/* Remembers what to read; nothing is read until a roll-up of days needs
** it.  pd may be NULL. */
void ts_day_extent_init(ts_day_extent *e, sqlite3 *db, const ts_source_spec *spec,
                        const ts_pushdown *pd);
/* The end days are known too (a pass that read every row): aEnd, n of
** them in any order, is the extent's to sort and free. */
void ts_day_extent_known_ends(ts_day_extent *e, int64_t *aEnd, int nEnd);
/* Frees what the extent holds (the end days). */
void ts_day_extent_clear(ts_day_extent *e);
/* The extent is already known (a pass that read every row of the
** source, by the same rule): no read is needed. */
void ts_day_extent_known(ts_day_extent *e, int any, int64_t first, int64_t last);
/* Marks incomplete every roll-up point of s holding day rows whose span
** (days alone: the point's; next to coarser rows: the span of the months
** its days cover) reaches before the first or past the last day the
** source holds (reading the source's periods the first time one is met),
** or before s->first_day of its slot; with spec->day_whole_after, sets
** the whole_after of the others that are judged against the source's
** last day.  SQLITE_OK, or an error of the source with *pzErr. */
int ts_days_check(ts_day_extent *e, ts_series *s, char **pzErr);

#endif /* TRADESTAT_SERIES_EXTENT_H */
