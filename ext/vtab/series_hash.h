/*
** vtab/series_hash.h -- the hash-aggregating scan path of the series
** virtual tables (see series_hash.c and docs/design.md, "Scan paths").
**
** The streaming path (series_scan.c) reads the source in series order
** (an index walk or a sort) and holds one series at a time.  When the
** output has far fewer points than the source has rows (grain=, the two
** flows of long trade data), this path reads the source ONCE in storage
** order, sums every (series, period) in a hash table, and then hands the
** series out in the order the streaming path would, with the same points
** to the bit.  Whenever it cannot prove that -- memory beyond the cap,
** any row the streaming path would report as an error, two spellings of
** one key, a sum whose rounding could depend on the order of its rows --
** it gives the query back to the streaming path before any row is shown.
*/
#ifndef TRADESTAT_SERIES_HASH_H
#define TRADESTAT_SERIES_HASH_H

#include "vtab/series_source.h"

/* scan= of the CREATE form (spec->scan). */
#define TS_SCAN_AUTO   0 /* the rule in series_hash_plan.c chooses */
#define TS_SCAN_HASH   1 /* the hash path whenever it can give the answer */
#define TS_SCAN_STREAM 2 /* always the streaming path */

/* Memory the hash path may hold (its tables, points and keys, counted as
** they are allocated); beyond it the query is streamed instead. */
#define TS_HASH_MEMORY_CAP ((sqlite3_int64)64 << 20)

/* Rows above which scan=auto streams, without trying the hash path, a
** source of one point per row held compact (yoy_growth and
** annual_projection without grain=, one value column; a period whose rows
** have no figure, which annual_projection keeps as a point, is a bit of
** its page): their compact points would pass the memory
** cap.  A point takes 4.375 bytes while its series' values are INTEGERs
** of 32 bits, about 6 with its series' slack and key (11.2 M rows, the
** benchmark's 9.6 M among them); a series of REALs or wider integers
** takes 8.5 bytes a point, so such a source of more than about 7 M
** rows reaches the cap during the pass and is streamed then (the same
** answer, a read later).  sqlite_stat1 when ANALYZE ran, else the
** largest rowid. */
#ifndef TS_HASH_COMPACT_ROWS
#define TS_HASH_COMPACT_ROWS (TS_HASH_MEMORY_CAP / 6)
#endif
/* And for long trade data without grain=: a point is the two flow rows
** of one period (more is the duplicate error), two summing slots, about
** 36 bytes a row: trade_imbalance by partner and category over the
** benchmark's 2.4 M rows filled the cap (73 MB at peak) and was streamed
** after all, with no CPU saved. */
#ifndef TS_HASH_FLOW_ROWS
#define TS_HASH_FLOW_ROWS (TS_HASH_MEMORY_CAP / 36)
#endif

typedef struct ts_hash ts_hash;

/* Parses scan=: 0 and *pMode, or 1 when z is not auto, hash or stream. */
int ts_scan_mode_from_name(const char *z, int *pMode);

/* Called by ts_scan_open with the streaming path's statement, prepared
** and bound.  When the hash path is chosen and succeeds, *ppHash holds
** the whole result (*pOrdered is then left unused); otherwise *ppHash is
** NULL and *pOrdered streams, as given.  Returns an error only for errors
** the streaming path would meet as well (I/O, interrupt), with *pzErr.
** early_lo: ts_early_lo of the query (its rows of earlier years are read
** only for the first days of their series). */
int ts_hash_open(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd, const int *aBound,
                 int early_lo, sqlite3_stmt **pOrdered, ts_hash **ppHash, char **pzErr);
/* The next series, as ts_scan_next. */
int ts_hash_next(ts_hash *h, ts_series **ppSeries, char **pzErr);
void ts_hash_close(ts_hash *h);
/* A second walk over the same series, independent of ts_hash_next's:
** the series after *piNext (start at 0) into *out, as ts_hash_next would
** give it (its key values borrowed from h until this walk's next call;
** out->aPoint is the caller's buffer, grown with sqlite3_realloc64,
** freed by the caller).  SQLITE_ROW, SQLITE_DONE or an error. */
int ts_hash_series_at(ts_hash *h, uint32_t *piNext, ts_series *out);
/* With grain=: the first and last day (day ordinals) of the periods of
** every row the pass read; 0 when it read none.  When nothing narrowed
** the read, these are the source's days (series_extent.h). */
int ts_hash_days(const ts_hash *h, int64_t *pFirst, int64_t *pLast);
/* With spec->day_whole_after: the last days of those periods, in the
** order read (*paEnd is the caller's to free); 0 when they were not kept
** (not asked for, or out of memory). */
int ts_hash_day_ends(ts_hash *h, int64_t **paEnd, int *pnEnd);
/* Series column i of the series ts_hash_next returned last (NULL: none). */
sqlite3_value *ts_hash_key(const ts_hash *h, int i);

/* The path xFilter will try, for EXPLAIN QUERY PLAN (ts_source_best_index
** appends "S" and this letter to idxStr, after the tokens xFilter reads):
** 'h' hash, 's' streaming, 'a' decided in xFilter (the table-valued form,
** whose source is an argument).  spec: NULL for the table-valued form. */
char ts_hash_plan(sqlite3 *db, const ts_source_spec *spec, const char *idxStr);

/* Scans that took each path since the library was loaded: [0] hash,
** [1] streaming by choice, [2] streaming after the hash path gave up
** (memory), [3] the same (data it cannot prove equal: errors, spellings,
** sums).  For tradestat_debug() and the paths tester. */
void ts_hash_counts(sqlite3_int64 aOut[4]);

#endif /* TRADESTAT_SERIES_HASH_H */
