/*
** vtab/series_rowid_mark.c -- how long the key a series id shows holds
** (series_rowid_int.h; the ids themselves are series_rowid.c's).
**
** A key id shows the spelling its series was first seen with.  That
** spelling is forgotten when a row of it may be gone: when this
** connection changed rows, another connection committed, the schema of
** a database the source may be read from changed (a view made again with
** another collation folds keys otherwise), or a write transaction may
** have taken rows back out (ROLLBACK, ROLLBACK TO).  ts_key_data_mark
** folds everything that moves then into one value; ts_key_spelling_span
** covers what nothing readable moves for.  A CREATE-form table whose
** declared series columns no longer match the source is refused
** (ts_declared_still_holds).
*/
#include "vtab/series_rowid_int.h"

#include <string.h>

/* The schema_version of schema zSchema (slot i's statement, prepared
** again when the schema named differs); 0 when it cannot be read. */
static sqlite3_uint64 schema_version(sqlite3 *db, ts_key_ids *k, int i, const char *zSchema) {
  if (k->apVersion[i] == NULL || k->azVersionSchema[i] == NULL ||
      strcmp(k->azVersionSchema[i], zSchema) != 0) {
    sqlite3_finalize(k->apVersion[i]);
    k->apVersion[i] = NULL;
    sqlite3_free(k->azVersionSchema[i]);
    k->azVersionSchema[i] = sqlite3_mprintf("%s", zSchema);
    char *zSql = sqlite3_mprintf("PRAGMA \"%w\".schema_version", zSchema);
    if (zSql == NULL || k->azVersionSchema[i] == NULL ||
        sqlite3_prepare_v2(db, zSql, -1, &k->apVersion[i], NULL) != SQLITE_OK) {
      sqlite3_finalize(k->apVersion[i]);
      k->apVersion[i] = NULL;
    }
    sqlite3_free(zSql);
    if (k->apVersion[i] == NULL) return 0;
  }
  sqlite3_uint64 v = 0;
  if (sqlite3_step(k->apVersion[i]) == SQLITE_ROW)
    v = (sqlite3_uint64)sqlite3_column_int64(k->apVersion[i], 0);
  sqlite3_reset(k->apVersion[i]);
  return v;
}

/* What moves when the data may have changed: this connection's changes,
** the data version of the source's schema (another connection's
** commits) and its schema version (this connection's DDL, which moves
** neither: a view made again with another collation must not keep the
** folding of the old one, or 'a' and 'A' of a BINARY column were one id,
** one rowid and one spelling). */
/* A schema's data and schema versions, and how often its kept statement
** was prepared again: SQLite does that after every ATTACH and DETACH, so
** another database attached under the same name (whose versions may
** well equal the old one's) moves the mark too. */
static sqlite3_uint64 mark_schema(sqlite3 *db, ts_key_ids *k, int i, const char *zSchema,
                                  sqlite3_uint64 h) {
  unsigned int v = 0;
  int slot = i < VERSION_SLOTS ? i : VERSION_SLOTS - 1;
  sqlite3_file_control(db, zSchema, SQLITE_FCNTL_DATA_VERSION, &v);
  h = h * 1099511628211ULL + v;
  h = h * 1099511628211ULL + schema_version(db, k, slot, zSchema);
  if (k->apVersion[slot])
    h = h * 1099511628211ULL +
        (sqlite3_uint64)sqlite3_stmt_status(k->apVersion[slot], SQLITE_STMTSTATUS_REPREPARE, 0);
  return h;
}

/* An unqualified name is the first of temp, main and the attached
** databases that has it: a table found in an attached database, made
** again there by another connection with another collation, moves
** nothing of main or temp (a BINARY 'a' and 'A' were one id again), so
** every database of the connection is watched -- the attached ones by
** their data versions alone, which read no file: a PRAGMA on one that
** another connection holds locked waits out the busy handler, in every
** filter, for a database the query may not read at all.  The source's
** own database was read by the scan before the mark is asked, so its
** data version has seen any commit; another database attached under the
** same name prepares main's kept statement again (mark_schema). */
sqlite3_uint64 ts_key_data_mark(sqlite3 *db, ts_key_ids *k, const ts_source_spec *spec) {
  sqlite3_uint64 h = (sqlite3_uint64)sqlite3_total_changes64(db);
  /* A ROLLBACK takes rows back out and moves none of the counts above
  ** (the changes count never goes down): a spelling read after an
  ** UPDATE inside BEGIN ... ROLLBACK was still shown after it, a key no
  ** row holds any more.  The transaction's state moves: WRITE while a
  ** write is open, READ while a statement of an ended one reads.  What
  ** it leaves unseen is ts_key_spelling_span's. */
  if (sqlite3_libversion_number() >= 3034000)
    h = h * 1099511628211ULL + (sqlite3_uint64)sqlite3_txn_state(db, NULL);
  h = mark_schema(db, k, 0, "main", h);
  if (spec && spec->zSchema) return mark_schema(db, k, 1, spec->zSchema, h);
  h = mark_schema(db, k, 1, "temp", h);
  if (k->pDatabases == NULL &&
      sqlite3_prepare_v2(db, "PRAGMA database_list", -1, &k->pDatabases, NULL) != SQLITE_OK) {
    sqlite3_finalize(k->pDatabases);
    k->pDatabases = NULL;
    return h + 1 + k->mark; /* cannot be told: a new mark every filter */
  }
  while (sqlite3_step(k->pDatabases) == SQLITE_ROW) {
    const char *z = (const char *)sqlite3_column_text(k->pDatabases, 1);
    if (z == NULL || sqlite3_stricmp(z, "main") == 0 || sqlite3_stricmp(z, "temp") == 0) continue;
    unsigned int v = 0;
    sqlite3_file_control(db, z, SQLITE_FCNTL_DATA_VERSION, &v);
    h = ts_key_hash_bytes(h, z, strlen(z)) * 1099511628211ULL + v;
  }
  sqlite3_reset(k->pDatabases);
  return h;
}

/* A ROLLBACK followed by BEGIN IMMEDIATE, a ROLLBACK TO (RELEASE after
** it), an UPDATE OR ROLLBACK then a new write transaction: each leaves
** the transaction state WRITE and the count of changes where they were,
** and nothing a loadable extension can read without taking the
** application's hooks moves, so the spelling read before it was shown
** after it, a key no row holds (tests/sql/key_spelling_rollback_reopen.sql).
** Only a WRITE state holds rows that can go back out (a READ one reads
** committed rows), so while it lasts the spellings are kept only while a
** cursor of the table stays open, one statement (SQLite opens an OR
** branch's or an outer row's new cursor before it closes the old one):
** the span of open cursors is this value.  The folding stays with the
** mark (DDL undone moves the schema version).  Before 3.34 (no
** sqlite3_txn_state) every span is its own. */
unsigned ts_key_spelling_span(sqlite3 *db, const ts_series_vtab *vtab) {
  if (sqlite3_libversion_number() >= 3034000 && sqlite3_txn_state(db, NULL) != SQLITE_TXN_WRITE)
    return 0;
  return vtab->openSpan;
}

/* A CREATE-form table declares its series columns with the source's
** collations and affinities as they were when it was connected, and
** SQLite re-checks every WHERE (and groups, sorts, joins) on them with
** those.  A source made again since with others (a TEMP table over a main
** one stays connected, even in the connection that made it again) would
** be grouped by the new rules and filtered by the old: under a stale
** NOCASE, WHERE k = 'korea' also kept the series 'Korea' the source now
** holds apart; under a stale TEXT, WHERE k = '01' found nothing of an
** INTEGER column where plain SQL converts '01' to 1.  That is an error,
** not an answer.  now: the source's as they are now. */
int ts_declared_still_holds(ts_series_vtab *vtab, const ts_source_spec *now, char **pzErr) {
  const ts_source_spec *was = &vtab->spec;
  for (int i = 0; i < was->nBy; i++) {
    const char *zWas = was->azByColl[i] ? was->azByColl[i] : "BINARY";
    const char *zNow = now->azByColl[i] ? now->azByColl[i] : "BINARY";
    const char *zAffWas = was->azByAff[i] ? was->azByAff[i] : "none";
    const char *zAffNow = now->azByAff[i] ? now->azByAff[i] : "none";
    if (sqlite3_stricmp(zWas, zNow) == 0 && strcmp(zAffWas, zAffNow) == 0) continue;
    *pzErr = sqlite3_mprintf(
        "%s: series column %s was declared with collation %s and affinity %s when the table "
        "was connected, but source column %s.%s is now %s with affinity %s; DROP and CREATE "
        "the virtual table, or open a new connection",
        vtab->module->zName, was->azBy[i], zWas, zAffWas, was->zTable, was->azBy[i], zNow, zAffNow);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
}
