/*
** vtab/series_hash_plan.h -- private to ext/vtab/: the choice between the
** scan paths (series_hash_plan.c) and what it shares with the hash path
** (series_hash.c).  The public interface of both is series_hash.h.
*/
#ifndef TRADESTAT_SERIES_HASH_PLAN_H
#define TRADESTAT_SERIES_HASH_PLAN_H

#include "vtab/series_hash.h"

/* The rule of scan=auto for one xFilter (ts_hash_open): whether to try
** the hash path, keys aside (see auto_wants_hash). */
int ts_hash_auto_wants_hash(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd);

/* Whether the hash path can order the keys of spec's by columns as
** ORDER BY does (series_hash.c, keys_comparable). */
int ts_hash_keys_comparable(sqlite3 *db, const ts_source_spec *spec);

#endif /* TRADESTAT_SERIES_HASH_PLAN_H */
