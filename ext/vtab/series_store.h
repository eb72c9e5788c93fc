/*
** vtab/series_store.h -- private to ext/vtab/: every series of a source,
** read once and kept (series_store.c), for a statement that writes a
** source without rowids: each of its xFilters replays them
** (series_snapshot.c, ts_pushdown.replay).
*/
#ifndef TRADESTAT_SERIES_STORE_H
#define TRADESTAT_SERIES_STORE_H

#include "vtab/series_source.h"

typedef struct ts_series_store {
  ts_series *a;
  int n, nAlloc;
} ts_series_store;

/* Reads every series of spec's source (no pushdown) into a new store. */
int ts_store_read(sqlite3 *db, const ts_source_spec *spec, ts_series_store **ppStore, char **pzErr);
void ts_store_free(ts_series_store *store);

#endif /* TRADESTAT_SERIES_STORE_H */
