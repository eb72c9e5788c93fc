/*
** vtab/series_hash_plan.h -- private to ext/vtab/: the choice between the
** scan paths (series_hash_plan.c) and what it shares with the hash path
** (series_hash.c).  The public interface of both is series_hash.h.
*/
#ifndef TRADESTAT_SERIES_HASH_PLAN_H
#define TRADESTAT_SERIES_HASH_PLAN_H

#include "vtab/series_hash.h"

/* What choosing the path asks of a source -- whether it is an ordinary
** table, how many rows it has, whether its keys can be ordered here --
** kept by the series table
** (ts_series_vtab.probes, reached through ts_source_spec.probes) so that
** a join's inner loop or a correlated subquery, which plans once and
** filters once per outer row, asks once.  Each answer is dropped when
** what can change it changes: the schema cookie of the source's schema
** (of temp and main for an unqualified name), and for the row estimate
** also the database's data version and the connection's changes (see
** series_hash_plan.c). */
#define TS_PROBE_SCHEMAS 2
#define TS_PASS_KEPT     2 /* pass statements a table keeps (two WHERE shapes) */
typedef struct ts_probes {
  char *zFor; /* the source and columns the answers are about; NULL: none */
  sqlite3_stmt *apCookie[TS_PROBE_SCHEMAS]; /* PRAGMA "s".schema_version, kept prepared */
  sqlite3_int64 aCookie[TS_PROBE_SCHEMAS];
  int aReprepare[TS_PROBE_SCHEMAS]; /* its SQLITE_STMTSTATUS_REPREPARE then */
  int kind;                         /* TS_PROBE_UNKNOWN, or what the source is */
  int keys;                         /* ts_hash_keys_probe's answer (aColl filled); -1: not asked */
  int aColl[TS_MAX_BY];
  int rows_known; /* source_rows's answer, read under rows_data / rows_changes */
  sqlite3_int64 rows;
  unsigned rows_data[TS_PROBE_SCHEMAS];
  sqlite3_int64 rows_changes;
  /* What the source query's text is built from (series_query.c), read
  ** by a query on the source that reads no row: the declared affinities of
  ** the by columns and the period, and whether the source has a column
  ** named "preliminary".  shape_known 0: not asked. */
  int shape_known;
  char aAff[TS_MAX_BY + 1];
  int has_preliminary;
  /* The source query's column that the table stores last in its records,
  ** plus one (series_hash_pass.c, ts_hash_pass_first); 0: not asked. */
  int passFirst;
  /* The hash path's pass statements, reset and unbound (series_hash_pass.c),
  ** finalized with the answers; passGen moves each time they are, so a
  ** pass that took one before gives it back to be finalized. */
  sqlite3_stmt *apPass[TS_PASS_KEPT];
  unsigned passGen;
} ts_probes;

/* ts_probes.kind */
#define TS_PROBE_UNKNOWN 0
#define TS_PROBE_TABLE   1 /* an ordinary table: probed */
#define TS_PROBE_OTHER   2 /* a view, a virtual table, or none: never probed */

/* Frees what p holds (its statements too) and empties it. */
void ts_probes_clear(ts_probes *p);

/* spec->probes when its answers still hold for spec's source (those that
** do not are dropped first); NULL when there is nothing kept for it (no
** probes, a source whose schema cannot be watched): then ask again. */
ts_probes *ts_probes_fresh(sqlite3 *db, const ts_source_spec *spec);

/* The rule of scan=auto for one xFilter (ts_hash_open): whether to try
** the hash path, keys aside (ts_hash_keys_probe). */
int ts_hash_auto_wants_hash(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd);

/* A by column's collation, as the hash path compares its keys. */
enum { COLL_BINARY, COLL_NOCASE, COLL_RTRIM };

/* Whether the hash path can order the keys of spec's by columns as
** ORDER BY does: the source is a table of a UTF-8 database and each by
** column's collation is BINARY, NOCASE or RTRIM (aColl[i]: COLL_*).  The
** answer is kept by the table while the source's schema stays (ts_probes,
** *ppProbes when not NULL): asked again in every xFilter otherwise. */
int ts_hash_keys_probe(sqlite3 *db, const ts_source_spec *spec, int *aColl, ts_probes **ppProbes);
/* The same without the collations. */
int ts_hash_keys_comparable(sqlite3 *db, const ts_source_spec *spec);

#endif /* TRADESTAT_SERIES_HASH_PLAN_H */
