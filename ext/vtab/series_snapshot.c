/*
** vtab/series_snapshot.c -- what a statement that writes reads: the
** source as it was before the statement's first write, in every xFilter
** of that statement (contract item 5 of series_vtab.c).
*/
#include "vtab/series_vtab.h"
#include "vtab/series_store.h"

#include <stdint.h>

typedef struct ts_snapshot ts_snapshot;
struct ts_snapshot {
  struct ts_snapshot *next;
  char *zSource;         /* snapshot_key: the source and what is read */
  sqlite3_stmt *writer;  /* the statement that writes ... */
  int run;               /* ... in its run number ... */
  sqlite3_int64 changes; /* ... with the connection's changes then ... */
  sqlite3_uint64 mark;   /* ... and writers_mark then */
  int has_max_rowid;
  sqlite3_int64 max_rowid;
  ts_series_store *store; /* no rowid: every series, read before any write */
};

void ts_snapshots_free(struct ts_snapshot *p) {
  while (p) {
    ts_snapshot *next = p->next;
    sqlite3_free(p->zSource);
    ts_store_free(p->store);
    sqlite3_free(p);
    p = next;
  }
}

static sqlite3_stmt *busy_writer(sqlite3 *db) {
  for (sqlite3_stmt *p = sqlite3_next_stmt(db, NULL); p; p = sqlite3_next_stmt(db, p)) {
    if (sqlite3_stmt_busy(p) && !sqlite3_stmt_readonly(p)) return p;
  }
  return NULL;
}

static sqlite3_uint64 mix(sqlite3_uint64 h, sqlite3_uint64 x) { return (h ^ x) * 1099511628211ULL; }

/* PRAGMA "zSchema".schema_version mixed into *pH (nothing when it cannot
** be read: the rest of the mark still holds, and a writer's own filters
** must not take a new snapshot each). */
static void mix_cookie(sqlite3 *db, const char *zSchema, sqlite3_uint64 *pH) {
  char *zSql = sqlite3_mprintf("PRAGMA \"%w\".schema_version", zSchema);
  sqlite3_stmt *stmt = NULL;
  int known = zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
              sqlite3_step(stmt) == SQLITE_ROW;
  if (known) *pH = mix(*pH, (sqlite3_uint64)sqlite3_column_int64(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
}

/* What else must stay put for a snapshot to serve a later xFilter: every
** statement that writes and is running now, with its run and step counts,
** and the schema cookies of the schemas the source is looked up in.  The
** statement that writes and reads through this table does all its
** writing inside one sqlite3_step (the counts move when a step returns),
** so across its own xFilters none of this moves.  What it catches is a
** snapshot taken while a statement that writes is merely pending -- an
** INSERT ... RETURNING whose first row an application fetched, which
** stays running until it is reset -- and read by later, read-only
** statements: those see every row the connection has written, and
** sqlite3_total_changes does not move for rows a running statement
** wrote (a second pending INSERT ... RETURNING into the source) nor for
** CREATE TABLE ... AS (a TEMP table now named like the source).  Before,
** both kept the first bound on the rowids, and the rows after it were
** silently left out of every later query while the first statement
** stayed pending. */
static sqlite3_uint64 writers_mark(sqlite3 *db, const ts_source_spec *spec) {
  sqlite3_uint64 h = 14695981039346656037ULL;
  for (sqlite3_stmt *p = sqlite3_next_stmt(db, NULL); p; p = sqlite3_next_stmt(db, p)) {
    if (!sqlite3_stmt_busy(p) || sqlite3_stmt_readonly(p)) continue;
    h = mix(h, (sqlite3_uint64)(uintptr_t)p);
    h = mix(h, (sqlite3_uint64)sqlite3_stmt_status(p, SQLITE_STMTSTATUS_RUN, 0));
    h = mix(h, (sqlite3_uint64)sqlite3_stmt_status(p, SQLITE_STMTSTATUS_VM_STEP, 0));
  }
  if (spec->zSchema) {
    mix_cookie(db, spec->zSchema, &h);
  } else {
    mix_cookie(db, "temp", &h);
    mix_cookie(db, "main", &h);
  }
  return h;
}

/* What a snapshot is kept for: the source and everything read from it.
** Every name is quoted ("%w"), so the key is exact: a table "x.y" and
** table y of schema x, or a 10 kB name and another with its first 60
** bytes (the display name is cut for messages), never share one. */
static char *snapshot_key(const ts_source_spec *spec) {
  sqlite3_str *s = sqlite3_str_new(NULL);
  sqlite3_str_appendf(s, "\"%w\".\"%w\"|\"%w\"|\"%w\"|\"%w\"|\"%w\"|\"%w\"|\"%w\"|%s|%d",
                      spec->zSchema ? spec->zSchema : "", spec->zTable, spec->zPeriod,
                      spec->azValue[0] ? spec->azValue[0] : "",
                      spec->azValue[1] ? spec->azValue[1] : "", spec->zFlow ? spec->zFlow : "",
                      spec->azFlowLabel[0] ? spec->azFlowLabel[0] : "",
                      spec->azFlowLabel[1] ? spec->azFlowLabel[1] : "",
                      ts_period_kind_name(spec->grain), spec->nBy);
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "|\"%w\"", spec->azBy[i]);
  return sqlite3_str_finish(s);
}

/* A statement that writes (INSERT INTO t SELECT ... FROM this table) may
** insert into the source while it is read; plain SQL reads t as it was
** before the statement's first write.  Within one xFilter the sorter
** gives that (pd->snapshot); across the statement's later xFilters (a
** join's inner loop, each branch of an OR, which SQLite runs on a new
** cursor) a rowid table is bounded by its largest rowid at the
** statement's first read, and a source without rowids (a view, WITHOUT
** ROWID) is read in full once and replayed.  Kept by the table for that
** statement run: the same busy writer, run number and count of changes
** (which grows when any statement that changed rows ends), and the same
** writers_mark. */
int ts_series_snapshot(ts_series_cursor *cur, ts_pushdown *pd, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  sqlite3 *db = vtab->db;
  sqlite3_stmt *writer = busy_writer(db);
  if (writer == NULL) {
    ts_snapshots_free(vtab->snapshots);
    vtab->snapshots = NULL;
    return SQLITE_OK;
  }
  pd->snapshot = 1;
  int run = sqlite3_stmt_status(writer, SQLITE_STMTSTATUS_RUN, 0);
  sqlite3_int64 changes = sqlite3_total_changes(db);
  sqlite3_uint64 mark = writers_mark(db, cur->spec);
  char *zKey = snapshot_key(cur->spec);
  if (zKey == NULL) return SQLITE_NOMEM;
  ts_snapshot *p = vtab->snapshots;
  while (p && strcmp(p->zSource, zKey) != 0) p = p->next;
  if (p && p->writer == writer && p->run == run && p->changes == changes && p->mark == mark) {
    sqlite3_free(zKey);
  } else {
    /* New, or of an earlier statement: take it now, in front of the old
    ** one (which a cursor may still replay; all go when no statement
    ** writes, or with the table). */
    p = sqlite3_malloc64(sizeof(*p));
    if (p == NULL) {
      sqlite3_free(zKey);
      return SQLITE_NOMEM;
    }
    memset(p, 0, sizeof(*p));
    p->next = vtab->snapshots;
    vtab->snapshots = p;
    p->zSource = zKey;
    p->writer = writer;
    p->run = run;
    p->changes = changes;
    p->mark = mark;
    p->has_max_rowid = ts_source_max_rowid(db, cur->spec, &p->max_rowid);
    if (!p->has_max_rowid) {
      int rc = ts_store_read(db, cur->spec, &p->store, pzErr);
      if (rc != SQLITE_OK) {
        p->changes = -1; /* not valid: read again next time */
        return rc;
      }
    }
  }
  pd->has_max_rowid = p->has_max_rowid;
  pd->max_rowid = p->max_rowid;
  pd->replay = p->store;
  return SQLITE_OK;
}
