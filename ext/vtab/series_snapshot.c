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
  ts_series_store *store; /* no rowid bound: every series, read before any write */
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
** statement that writes and is running now, with its run count, and the
** schema cookies of the schemas the source is looked up in.  A statement
** that writes does all its writing in its first sqlite3_step (with
** RETURNING too: the rows it returns after are kept from then), so
** across its own xFilters none of this moves, nor while an application
** steps a pending one on to its next row: a new snapshot then would only
** cost a read (a store of the whole source, for one without rowids).  What it catches is a
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

/* ---- whether the writer may rewrite rows the source had --------------
** A rowid bound leaves out the rows a statement inserts, not the rows it
** changes or deletes.  An INSERT into the source that replaces a row (OR
** REPLACE, REPLACE INTO, a REPLACE conflict clause of the table) deletes
** the row its SELECT read and inserts one past the bound, and ON CONFLICT
** DO UPDATE changes a row in place: the statement's later xFilters then
** read a series without that row, or with its new value, where plain SQL
** (which reads the SELECT in full first when it reads the table it
** inserts into) reads the row as it was: an UPSERT of doubled values over
** a join of two outer rows stored 400 where plain SQL stores 200, and an
** INSERT OR REPLACE lost a prior year's row (2023 = -1, no prior, where
** plain SQL has 100).  Such a statement reads a store of every series
** instead (as a source without rowids does).  The statement's text is
** read with SQLite's rules for words, quotes and comments; one that
** cannot be read is taken to rewrite. */

typedef struct sql_reader {
  const char *z;
  int depth; /* parentheses open */
} sql_reader;

/* The next token at *r: its start and length (0 at the end); a word,
** a quoted name or text, or one other byte.  Comments are skipped. */
static int sql_token(sql_reader *r, const char **pz) {
  const char *z = r->z;
  for (;;) {
    while (*z == ' ' || *z == '\t' || *z == '\n' || *z == '\r' || *z == '\f') z++;
    if (z[0] == '-' && z[1] == '-') {
      while (*z && *z != '\n') z++;
    } else if (z[0] == '/' && z[1] == '*') {
      const char *e = strstr(z + 2, "*/");
      z = e ? e + 2 : z + strlen(z);
    } else {
      break;
    }
  }
  *pz = z;
  int n = 0;
  if (*z == 0) {
    n = 0;
  } else if (*z == '\'' || *z == '"' || *z == '`' || *z == '[') {
    char close = *z == '[' ? ']' : *z;
    n = 1;
    while (z[n] && !(z[n] == close && !(close != ']' && z[n + 1] == close)))
      n += z[n] == close ? 2 : 1;
    if (z[n]) n++;
  } else if ((*z >= 'A' && *z <= 'Z') || (*z >= 'a' && *z <= 'z') || *z == '_' ||
             (unsigned char)*z >= 0x80 || (*z >= '0' && *z <= '9')) {
    while ((z[n] >= 'A' && z[n] <= 'Z') || (z[n] >= 'a' && z[n] <= 'z') || z[n] == '_' ||
           z[n] == '$' || (unsigned char)z[n] >= 0x80 || (z[n] >= '0' && z[n] <= '9'))
      n++;
  } else {
    n = 1;
    if (*z == '(') r->depth++;
    if (*z == ')') r->depth--;
  }
  r->z = z + n;
  return n;
}

static int is_word(const char *z, int n, const char *zWord) {
  return (int)strlen(zWord) == n && sqlite3_strnicmp(z, zWord, n) == 0;
}

/* Whether token z (n bytes, a word or a quoted name) names zName. */
static int names(const char *z, int n, const char *zName) {
  if (zName == NULL || n < 1) return 0;
  if (*z == '"' || *z == '`' || *z == '[' || *z == '\'') {
    char *zBare = sqlite3_mprintf("%.*s", n - 2, z + 1);
    if (zBare == NULL) return 1; /* cannot tell: the same */
    /* a doubled quote inside stands for one */
    char close = *z == '[' ? ']' : *z;
    int j = 0;
    for (int i = 0; zBare[i]; i++) {
      zBare[j++] = zBare[i];
      if (zBare[i] == close && close != ']' && zBare[i + 1] == close) i++;
    }
    zBare[j] = 0;
    int same = sqlite3_stricmp(zBare, zName) == 0;
    sqlite3_free(zBare);
    return same;
  }
  return (int)strlen(zName) == n && sqlite3_strnicmp(z, zName, n) == 0;
}

/* Whether the source's own CREATE TABLE holds the word REPLACE (a
** conflict clause that makes a plain INSERT replace); 1 when it cannot
** be read. */
static int table_replaces(sqlite3 *db, const ts_source_spec *spec) {
  const char *azSchema[2] = {spec->zSchema ? spec->zSchema : "temp", spec->zSchema ? NULL : "main"};
  int found = 0;
  for (int i = 0; i < 2 && azSchema[i] && !found; i++) {
    char *zSql = sqlite3_mprintf(
        "SELECT sql FROM \"%w\".sqlite_master WHERE type = 'table' "
        "AND name = ?1 COLLATE NOCASE",
        azSchema[i]);
    sqlite3_stmt *stmt = NULL;
    if (zSql == NULL || sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_bind_text(stmt, 1, spec->zTable, -1, SQLITE_STATIC) != SQLITE_OK) {
      found = 1;
    } else if (sqlite3_step(stmt) == SQLITE_ROW) {
      const char *zTable = (const char *)sqlite3_column_text(stmt, 0);
      sql_reader r = {zTable ? zTable : "", 0};
      const char *z;
      int n;
      while ((n = sql_token(&r, &z)) > 0 && !found) found = is_word(z, n, "REPLACE");
    }
    sqlite3_finalize(stmt);
    sqlite3_free(zSql);
  }
  return found;
}

static int writer_rewrites(sqlite3 *db, sqlite3_stmt *writer, const ts_source_spec *spec) {
  const char *zSql = sqlite3_sql(writer);
  if (zSql == NULL) return 1;
  sql_reader r = {zSql, 0};
  const char *z;
  int n;
  /* the statement's verb: the first INSERT or REPLACE outside the
  ** parentheses of a WITH clause's tables */
  while ((n = sql_token(&r, &z)) > 0) {
    if (r.depth > 0 || (z[0] == ')' && n == 1)) continue;
    if (is_word(z, n, "INSERT") || is_word(z, n, "REPLACE")) break;
    if (is_word(z, n, "UPDATE") || is_word(z, n, "DELETE") || is_word(z, n, "SELECT") ||
        is_word(z, n, "CREATE") || is_word(z, n, "VALUES"))
      return 0; /* they read as documented (no conflict replaces a row) */
  }
  if (n == 0) return 1;
  int replaces = is_word(z, n, "REPLACE");
  n = sql_token(&r, &z);
  if (is_word(z, n, "OR")) {
    n = sql_token(&r, &z);
    replaces |= is_word(z, n, "REPLACE");
    n = sql_token(&r, &z);
  }
  if (!is_word(z, n, "INTO")) return 1;
  /* the target: [schema .] table */
  const char *zName = NULL, *zSchemaTok = NULL;
  int nName = sql_token(&r, &zName), nSchemaTok = 0;
  const char *zDot;
  sql_reader save = r;
  if (sql_token(&r, &zDot) == 1 && *zDot == '.') {
    zSchemaTok = zName, nSchemaTok = nName;
    nName = sql_token(&r, &zName);
  } else {
    r = save;
  }
  if (!names(zName, nName, spec->zTable)) return 0; /* into another table */
  if (zSchemaTok && spec->zSchema && !names(zSchemaTok, nSchemaTok, spec->zSchema)) return 0;
  if (replaces) return 1;
  /* ON CONFLICT ... DO UPDATE (DO NOTHING changes no row) */
  int was_do = 0;
  while ((n = sql_token(&r, &z)) > 0) {
    if (was_do && is_word(z, n, "UPDATE")) return 1;
    was_do = is_word(z, n, "DO");
  }
  return table_replaces(db, spec);
}

/* writer_rewrites of every running statement that writes: the one that
** reads may be any of them (another may be pending, busy_writer's). */
static int any_writer_rewrites(sqlite3 *db, const ts_source_spec *spec) {
  for (sqlite3_stmt *p = sqlite3_next_stmt(db, NULL); p; p = sqlite3_next_stmt(db, p))
    if (sqlite3_stmt_busy(p) && !sqlite3_stmt_readonly(p) && writer_rewrites(db, p, spec)) return 1;
  return 0;
}

/* A statement that writes (INSERT INTO t SELECT ... FROM this table) may
** insert into the source while it is read; plain SQL reads t as it was
** before the statement's first write.  Within one xFilter the sorter
** gives that (pd->snapshot); across the statement's later xFilters (a
** join's inner loop, each branch of an OR, which SQLite runs on a new
** cursor) a rowid table is bounded by its largest rowid at the
** statement's first read, and a source without rowids (a view, WITHOUT
** ROWID), or one the statement may rewrite rows of (writer_rewrites), is
** read in full once and replayed.  Kept by the table for that
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
    p->has_max_rowid =
        !any_writer_rewrites(db, cur->spec) && ts_source_max_rowid(db, cur->spec, &p->max_rowid);
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
