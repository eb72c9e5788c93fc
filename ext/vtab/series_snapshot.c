/*
** vtab/series_snapshot.c -- what a statement that writes reads: the
** source as it was before the statement's first write, in every xFilter
** of that statement (contract item 5 of series_vtab.c).
*/
#include "vtab/series_vtab.h"
#include "vtab/series_store.h"

typedef struct ts_snapshot ts_snapshot;
struct ts_snapshot {
  struct ts_snapshot *next;
  char *zSource;         /* snapshot_key: the source and what is read */
  sqlite3_stmt *writer;  /* the statement that writes ... */
  int run;               /* ... in its run number ... */
  sqlite3_int64 changes; /* ... with the connection's changes then */
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
** (which grows when any statement that changed rows ends). */
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
  char *zKey = snapshot_key(cur->spec);
  if (zKey == NULL) return SQLITE_NOMEM;
  ts_snapshot *p = vtab->snapshots;
  while (p && strcmp(p->zSource, zKey) != 0) p = p->next;
  if (p && p->writer == writer && p->run == run && p->changes == changes) {
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
