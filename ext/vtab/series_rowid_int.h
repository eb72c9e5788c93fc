/*
** vtab/series_rowid_int.h -- private to series_rowid.c (the series key
** ids behind xRowid and the key each id shows) and series_rowid_mark.c
** (what moves when the data, the schema or the transaction may have
** changed, which decides how long a shown key holds).
*/
#ifndef TRADESTAT_SERIES_ROWID_INT_H
#define TRADESTAT_SERIES_ROWID_INT_H

#include "vtab/series_classes.h"
#include "vtab/series_vtab.h"

/* Each id's key is kept as one encoding, side by side in chunks that
** never move: per column a type byte, then an INTEGER's or a REAL's 8
** bytes or a TEXT's or a BLOB's 4-byte length and bytes (NULL: the type
** byte alone).  With a fixed number of columns it is self-delimiting, so
** two keys are the same type and bytes exactly when their encodings are
** equal.  A copy of each key value (sqlite3_value_dup, TS_MAX_BY slots an
** id) cost about 300 bytes a series: 11 MB for the benchmark's 32,000
** series at 4 x the data, held to the end of the query beside the hash
** path's own tables; the encoding of three short TEXT keys takes about 70
** bytes with its id's entries. */
#define VERSION_SLOTS 12 /* a schema past them shares the last slot's statement */

typedef struct ts_key_ids ts_key_ids;

struct ts_key_ids {
  int nBy;
  const unsigned char **azKey;  /* per id: its encoding, after its 4-byte length */
  const unsigned char **azShow; /* per id: the key as first seen, encoded the same way ... */
  unsigned *aShowGen;           /* ... in generation aShowGen[id - 1] */
  unsigned gen;                 /* moves when the data may have changed (ts_key_data_mark) */
  sqlite3_uint64 mark;
  unsigned span; /* ts_key_spelling_span when gen last moved */
  /* How each key column folds (fold_of), for the source named zFoldTag
  ** (table-valued form: asked once per source, not per filter, since a
  ** join's inner loop filters once per outer row); NULL: not yet. */
  char *zFoldTag;
  int aFold[TS_MAX_BY];
  sqlite3_uint64 *aHash; /* per id */
  int n, nAlloc;
  int *aSlot; /* open addressing: id, 0 empty */
  int nSlot;
  unsigned char **apChunk; /* the encodings */
  int nChunk, nChunkAlloc;
  size_t used, size;   /* in apChunk[nChunk - 1] */
  unsigned char *zEnc; /* the current key's encoding, being looked up */
  size_t nEncAlloc;
  /* PRAGMA <schema>.schema_version of each schema ts_key_data_mark watches,
  ** kept prepared: read once a filter.  An unqualified source is looked
  ** up in temp, main, then every attached database, so it watches all of
  ** them (the list itself kept prepared too). */
  sqlite3_stmt *apVersion[VERSION_SLOTS];
  char *azVersionSchema[VERSION_SLOTS];
  sqlite3_stmt *pDatabases; /* PRAGMA database_list */
  /* The collation of each key column folded by SQLite (FOLD_APP), as the
  ** source is now (both forms: see ts_series_key_id), and each such
  ** column's classes of TEXT values. */
  char *azAppColl[TS_MAX_BY];
  ts_coll_classes aClasses[TS_MAX_BY];
  uint32_t nClass; /* class ids handed out, over every column: never reused */
  /* apVersion[0]'s count of preparations when the classes were last
  ** cleared: registering a collation again prepares every statement
  ** again, and the classes found under the old rules are not the new
  ** rules' (see ts_series_key_id). */
  int classPrep;
};

/* FNV-1a over n bytes, from h. */
static inline sqlite3_uint64 ts_key_hash_bytes(sqlite3_uint64 h, const void *p, size_t n) {
  const unsigned char *z = p;
  for (size_t i = 0; i < n; i++) h = (h ^ z[i]) * 1099511628211ULL;
  return h;
}

/* A value that moves when the data the table reads may have changed:
** this connection's changes and transaction state, and the data and
** schema versions of the source's schema (of every database of the
** connection for an unqualified source). */
sqlite3_uint64 ts_key_data_mark(sqlite3 *db, ts_key_ids *k, const ts_source_spec *spec);
/* While a write transaction is open, the span of the table's open
** cursors (the keys shown are kept within one); 0 otherwise. */
unsigned ts_key_spelling_span(sqlite3 *db, const ts_series_vtab *vtab);
/* SQLITE_OK when the CREATE-form table's declared series columns still
** have the source's collations and affinities (now: the source as it is
** now); else an error naming the column, with *pzErr. */
int ts_declared_still_holds(ts_series_vtab *vtab, const ts_source_spec *now, char **pzErr);

#endif /* TRADESTAT_SERIES_ROWID_INT_H */
