/*
** vtab/series_hash_plan.c -- which scan path a query of a series table
** takes (docs/design.md, "Scan paths"): the rule of scan=auto, the probes
** of the source it asks (what it is, how many rows, whether the hash path
** can order its keys: ts_hash_keys_probe), and the plan letter
** EXPLAIN QUERY PLAN shows (ts_hash_plan); the names scan= takes; the
** memory the hash path's tables hold, counted against TS_HASH_MEMORY_CAP,
** past which the query is given back to the streaming path (ts_hash_alloc,
** ts_hash_grow); and the count of each path taken, for tradestat_debug().
** The hash path itself is series_hash.c.
**
** The probes are asked in xBestIndex and again in every xFilter: once per
** outer row when the table is the inner loop of a join or sits in a
** correlated subquery.  Their answers are kept by the table (ts_probes)
** and dropped when what can change them changes:
**   - the schema cookie of the source's schema (an unqualified name: of
**     temp and main, where it is looked up first) moves with every CREATE
**     or DROP of a table, index or view, and with ANALYZE, on this
**     connection or another; it is read with a statement kept prepared
**     (one step, no parse), so a kept answer costs a few thousand
**     instructions against the planning of an EXPLAIN QUERY PLAN;
**   - the row estimate (sqlite_stat1, else the largest rowid) moves with
**     rows and with sqlite_stat1 written by hand, which bump no cookie: it
**     is kept while the database's data version (SQLITE_FCNTL_DATA_VERSION:
**     every commit, this connection's or another's, seen once the cookie
**     statement opened a read) and the connection's total changes (its own
**     writes) stay put, and no transaction is open (a ROLLBACK moves
**     neither back).  Asking again after any write is enough: a join does
**     not write between its filters.
**   - a plan made inside xBestIndex while this connection holds a schema
**     another connection has since changed (SQLite loads it again only
**     when a statement reads that database, which it does not allow while
**     planning) keeps nothing: kind_in's read of sqlite_master fails then.
** Only ordinary tables are probed (source_kind): a view or a virtual
** table gets the choice an unknown source gets, without a query on it.
** Planning a query on a virtual table plans that table, so a series table
** whose source is (through others) itself would plan itself without end;
** a view is planned as the query it stands for, and costs it. */
#include "vtab/series_hash_plan.h"
#include "vtab/series_hash_int.h"
#include "vtab/counter.h"

#include <stdlib.h>
#include <string.h>

/* ---- what is kept, and when it is dropped ---------------------------- */

static void answers_drop(ts_probes *p) {
  for (int i = 0; i < TS_PASS_KEPT; i++) {
    sqlite3_finalize(p->apPass[i]); /* prepared against the schema that was */
    p->apPass[i] = NULL;
  }
  p->passGen++;
  p->kind = TS_PROBE_UNKNOWN;
  p->keys = -1;
  p->rows_known = 0;
  p->shape_known = 0;
  p->passFirst = 0;
}

void ts_probes_clear(ts_probes *p) {
  if (p == NULL) return;
  sqlite3_free(p->zFor);
  for (int i = 0; i < TS_PROBE_SCHEMAS; i++) sqlite3_finalize(p->apCookie[i]);
  for (int i = 0; i < TS_PASS_KEPT; i++) sqlite3_finalize(p->apPass[i]);
  unsigned gen = p->passGen; /* moves on (answers_drop): a pass running now keeps nothing */
  memset(p, 0, sizeof(*p));
  p->passGen = gen;
  answers_drop(p);
}

/* The schemas whose cookies the answers about spec's source depend on:
** its own, or for an unqualified name temp and main (a table created in
** temp hides main's).  Returns how many. */
static int watched_schemas(const ts_source_spec *spec, const char **az) {
  if (spec->zSchema) {
    az[0] = spec->zSchema;
    return 1;
  }
  az[0] = "temp";
  az[1] = "main";
  return 2;
}

/* What the answers are about: the source and the columns the probes name
** (a table-valued form's arguments may change from one filter to the
** next).  Each part is length-prefixed, so no two specs read alike. */
static char *identity(const ts_source_spec *spec) {
  sqlite3_str *s = sqlite3_str_new(NULL);
  const char *az[] = {spec->zSchema, spec->zTable, spec->zPeriod, spec->azValue[0]};
  for (size_t i = 0; i < sizeof(az) / sizeof(az[0]); i++) {
    if (az[i])
      sqlite3_str_appendf(s, "%d:%s|", (int)strlen(az[i]), az[i]);
    else
      sqlite3_str_appendall(s, "-|");
  }
  for (int i = 0; i < spec->nBy; i++)
    sqlite3_str_appendf(s, "%d:%s|", (int)strlen(spec->azBy[i]), spec->azBy[i]);
  return sqlite3_str_finish(s);
}

/* Reads schema cookie i of p into *pCookie with the kept statement. */
static int read_cookie(sqlite3 *db, ts_probes *p, int i, const char *zSchema,
                       sqlite3_int64 *pCookie) {
  if (p->apCookie[i] == NULL) {
    char *zSql = sqlite3_mprintf("PRAGMA \"%w\".schema_version", zSchema);
    int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &p->apCookie[i], NULL) : SQLITE_NOMEM;
    sqlite3_free(zSql);
    if (rc != SQLITE_OK) return rc;
  }
  int rc = sqlite3_step(p->apCookie[i]);
  if (rc == SQLITE_ROW) *pCookie = sqlite3_column_int64(p->apCookie[i], 0);
  sqlite3_reset(p->apCookie[i]);
  return rc == SQLITE_ROW ? SQLITE_OK : SQLITE_ERROR;
}

static int source_kind(sqlite3 *db, const ts_source_spec *spec, int *pElsewhere);

ts_probes *ts_probes_fresh(sqlite3 *db, const ts_source_spec *spec) {
  ts_probes *p = spec->probes;
  if (p == NULL) return NULL;
  char *zFor = identity(spec);
  if (zFor == NULL) return NULL;
  if (p->zFor == NULL || strcmp(p->zFor, zFor) != 0) {
    ts_probes_clear(p); /* another source: its schemas' statements too */
    p->zFor = zFor;
  } else {
    sqlite3_free(zFor);
  }
  const char *azSchema[TS_PROBE_SCHEMAS];
  int n = watched_schemas(spec, azSchema);
  for (int i = 0; i < n; i++) {
    sqlite3_int64 cookie = 0;
    if (read_cookie(db, p, i, azSchema[i], &cookie) != SQLITE_OK) {
      ts_probes_clear(p); /* a schema gone (DETACH): ask every time */
      return NULL;
    }
    /* An ATTACH or DETACH expires every statement, so the cookie
    ** statement is prepared again: a database detached and another
    ** attached under its name may have the same cookie, and a source
    ** without a "preliminary" column kept that answer for one with it. */
    int reprepare = sqlite3_stmt_status(p->apCookie[i], SQLITE_STMTSTATUS_REPREPARE, 0);
    if (cookie != p->aCookie[i] || reprepare != p->aReprepare[i]) answers_drop(p);
    p->aCookie[i] = cookie;
    p->aReprepare[i] = reprepare;
  }
  if (p->kind == TS_PROBE_UNKNOWN) {
    int elsewhere = 0;
    p->kind = source_kind(db, spec, &elsewhere);
    /* An unqualified name found in an attached database (its schema is
    ** not watched), or a schema this connection holds an old copy of:
    ** nothing is kept, the next call asks again. */
    if (elsewhere || p->kind < 0) {
      ts_probes_clear(p);
      return NULL;
    }
  }
  return p;
}

/* ---- the probes ------------------------------------------------------ */

/* What zTable is in schema zSchema, asked of its sqlite_master (a query
** that cannot fail on the source, plan it or read it): TS_PROBE_TABLE for
** an ordinary table, TS_PROBE_OTHER for a view or a virtual table (no
** b-tree of its own: rootpage 0), 0 when the schema has no such name, -1
** when it cannot be asked.  Reading sqlite_master checks the schema this
** connection holds against the file's cookie: when another connection
** changed it while this one cannot load it again (inside xBestIndex
** SQLite keeps the schema), the read fails, and nothing may be kept: the
** other probes would plan against the old schema. */
static int kind_in(sqlite3 *db, const char *zSchema, const char *zTable) {
  char *zSql = sqlite3_mprintf(
      "SELECT type = 'table' AND rootpage > 0 FROM \"%w\".sqlite_master "
      "WHERE type IN ('table', 'view') AND name = ?1 COLLATE NOCASE",
      zSchema);
  sqlite3_stmt *stmt = NULL;
  int kind = -1;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 1, zTable, -1, SQLITE_STATIC) == SQLITE_OK) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
      kind = sqlite3_column_int(stmt, 0) ? TS_PROBE_TABLE : TS_PROBE_OTHER;
    else if (rc == SQLITE_DONE)
      kind = 0;
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  return kind;
}

/* What the source is: its own schema's entry, or for an unqualified name
** the first found as SQLite looks it up (temp, main, then the attached
** databases in order; *pElsewhere is set when it is one of those).
** Missing: TS_PROBE_OTHER (the query on it fails with its own message);
** -1 when a schema could not be asked (kind_in). */
static int source_kind(sqlite3 *db, const ts_source_spec *spec, int *pElsewhere) {
  *pElsewhere = 0;
  if (spec->zTable == NULL) return TS_PROBE_OTHER;
  int kind = 0;
  if (spec->zSchema) {
    kind = kind_in(db, spec->zSchema, spec->zTable);
  } else {
    kind = kind_in(db, "temp", spec->zTable);
    if (kind == 0) kind = kind_in(db, "main", spec->zTable);
    sqlite3_stmt *stmt = NULL;
    if (kind == 0 && sqlite3_prepare_v2(db, "PRAGMA database_list", -1, &stmt, NULL) == SQLITE_OK) {
      while (kind == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
        const char *z = (const char *)sqlite3_column_text(stmt, 1);
        if (z && sqlite3_stricmp(z, "main") != 0 && sqlite3_stricmp(z, "temp") != 0)
          kind = kind_in(db, z, spec->zTable);
      }
      *pElsewhere = kind != 0;
    }
    sqlite3_finalize(stmt);
  }
  return kind ? kind : TS_PROBE_OTHER;
}

/* Whether the source is an ordinary table (kept in p when p is given). */
static int probe_table(sqlite3 *db, const ts_source_spec *spec, ts_probes *p) {
  if (p) return p->kind == TS_PROBE_TABLE;
  int elsewhere;
  return source_kind(db, spec, &elsewhere) == TS_PROBE_TABLE; /* -1: not probed */
}

/* Rows of the source, estimated: sqlite_stat1 when ANALYZE ran, else the
** largest rowid (a rowid table that is appended to); 0 when unknown. */
static sqlite3_int64 source_rows(sqlite3 *db, const ts_source_spec *spec) {
  sqlite3_int64 n = 0;
  sqlite3_stmt *stmt = NULL;
  char *zSql = spec->zSchema ? sqlite3_mprintf(
                                   "SELECT stat FROM \"%w\".sqlite_stat1 WHERE tbl = %Q "
                                   "AND stat IS NOT NULL LIMIT 1",
                                   spec->zSchema, spec->zTable)
                             : sqlite3_mprintf(
                                   "SELECT stat FROM sqlite_stat1 WHERE tbl = %Q "
                                   "AND stat IS NOT NULL LIMIT 1",
                                   spec->zTable);
  if (zSql && ts_source_has_column(db, spec->zSchema, "sqlite_stat1", "stat") &&
      sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const char *z = (const char *)sqlite3_column_text(stmt, 0);
    if (z) n = strtoll(z, NULL, 10);
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  if (n > 0) return n;
  /* A WITHOUT ROWID table has none: 0, unknown, without a failed query. */
  if (!ts_source_max_rowid(db, spec, &n)) n = 0;
  return n;
}

/* What source_rows's answer depends on besides the schema: the data
** version of each watched schema (every commit, once a read has begun:
** ts_probes_fresh's cookie statement began one) and this connection's
** changes (its own writes, committed or not). */
static void rows_state(sqlite3 *db, const ts_source_spec *spec, unsigned *aData,
                       sqlite3_int64 *pChanges) {
  const char *azSchema[TS_PROBE_SCHEMAS];
  int n = watched_schemas(spec, azSchema);
  for (int i = 0; i < TS_PROBE_SCHEMAS; i++) aData[i] = 0;
  for (int i = 0; i < n; i++)
    sqlite3_file_control(db, azSchema[i], SQLITE_FCNTL_DATA_VERSION, &aData[i]);
  *pChanges = sqlite3_total_changes(db);
}

/* source_rows, kept in p while rows_state stays.  Not inside a
** transaction the application opened: a ROLLBACK (TO a savepoint) moves
** no counter back, so there it is asked every time. */
static sqlite3_int64 probe_rows(sqlite3 *db, const ts_source_spec *spec, ts_probes *p) {
  unsigned aData[TS_PROBE_SCHEMAS];
  sqlite3_int64 changes = 0;
  if (!sqlite3_get_autocommit(db)) p = NULL;
  if (p) {
    rows_state(db, spec, aData, &changes);
    if (p->rows_known && p->rows_changes == changes &&
        memcmp(p->rows_data, aData, sizeof(aData)) == 0)
      return p->rows;
  }
  sqlite3_int64 n = source_rows(db, spec);
  if (p) {
    p->rows_known = 1;
    p->rows = n;
    p->rows_changes = changes;
    memcpy(p->rows_data, aData, sizeof(aData));
  }
  return n;
}

/* What scan=auto reads by hash, series-column equalities aside: rows
** summed into far fewer points (grain=), two flow rows into one point
** while they fit the cap (series_hash.h: TS_HASH_FLOW_ROWS), or a point
** per row of one value column (annual_projection's too, which keeps the
** periods of rows without a figure as points), which the compact form holds in
** about 4.375 bytes each (8.5 once a series holds a REAL or a wide
** integer): one storage-order read then costs about half the walk of a
** non-covering index in series order (yoy_growth over the 2.4 M
** rows of the benchmark: 0.85 s of CPU against 1.70 s), and it cannot
** fall into the random reads of a walk that outgrows the page cache.
** An index that covers the walk no longer makes it stream: since the
** compact read got cheaper per row, it beats that walk too (the same
** 2.4 M rows under a covering index: 0.47-0.50 s by hash against
** 0.63 s streamed; docs/design.md, "Scan paths"). */
static int auto_hash_kind(sqlite3 *db, const ts_source_spec *spec) {
  if (spec->grain != TS_KIND_NONE) return 1;
  if (spec->zFlow == NULL && spec->nValue == 2) return 0; /* two values per point: not compact */
  /* A point per row: a source whose points would pass the memory cap is
  ** streamed at once rather than read up to the cap first.  A view or a
  ** virtual table is not probed: an unknown size (as a table without
  ** statistics or rowids), so read by hash. */
  ts_probes *p = ts_probes_fresh(db, spec);
  if (!probe_table(db, spec, p)) return 1;
  /* without grain= a point holds one row, or two of long trade data (a
  ** second is the duplicate error): the rows bound the points */
  sqlite3_int64 limit = spec->zFlow ? TS_HASH_FLOW_ROWS : TS_HASH_COMPACT_ROWS;
  return probe_rows(db, spec, p) <= limit;
}

/* The rule of scan=auto: auto_hash_kind, unless a series-column equality
** or IN list narrows the read to a few series (an index seek then reads
** little, in order already). */
int ts_hash_auto_wants_hash(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd) {
  for (int i = 0; pd && i < spec->nBy; i++)
    if (pd->apByEq[i] || pd->apByIn[i]) return 0;
  return auto_hash_kind(db, spec);
}

char ts_hash_plan(sqlite3 *db, const ts_source_spec *spec, const char *idxStr) {
  if (spec == NULL) return 'a';
  int by_eq = 0;
  for (int i = 0; idxStr && idxStr[2 * i] && idxStr[2 * i + 1]; i++)
    if (idxStr[2 * i] == TS_PLAN_BY || idxStr[2 * i] == TS_PLAN_BY_IN) by_eq = 1;
  int hash = spec->scan == TS_SCAN_HASH ||
             (spec->scan == TS_SCAN_AUTO && !by_eq && auto_hash_kind(db, spec));
  return hash && ts_hash_keys_comparable(db, spec) ? 'h' : 's';
}

/* ---- the keys: whether the hash path can order them ---------------------- */

/* The collation of by column i, or 0 when SQLite cannot tell it (a view;
** a virtual table not connected yet: PRAGMA table_xinfo connects it, and
** the second answer is the one every later query gets). */
static int by_collation(sqlite3 *db, const ts_source_spec *spec, int i, const char **pzColl) {
  for (int attempt = 0; attempt < 2; attempt++) {
    if (sqlite3_table_column_metadata(db, spec->zSchema, spec->zTable, spec->azBy[i], NULL, pzColl,
                                      NULL, NULL, NULL) == SQLITE_OK)
      return 1;
    if (attempt == 0 && !ts_source_has_column(db, spec->zSchema, spec->zTable, spec->azBy[i]))
      return 0;
  }
  return 0;
}

/* Whether every by column's ordering can be reproduced here: the source
** is a table of a UTF-8 database and each column's collation is BINARY,
** NOCASE or RTRIM.  Fills aColl. */
static int keys_probe(sqlite3 *db, const ts_source_spec *spec, int *aColl) {
  if (spec->nBy == 0) return 1;
  char *zSql = spec->zSchema ? sqlite3_mprintf("PRAGMA \"%w\".encoding", spec->zSchema)
                             : sqlite3_mprintf("PRAGMA encoding");
  sqlite3_stmt *stmt = NULL;
  int utf8 = 0;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const char *z = (const char *)sqlite3_column_text(stmt, 0);
    utf8 = z && sqlite3_stricmp(z, "UTF-8") == 0;
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zSql);
  if (!utf8) return 0;
  for (int i = 0; i < spec->nBy; i++) {
    const char *zColl = NULL;
    if (!by_collation(db, spec, i, &zColl))
      return 0; /* a view: the collation of its columns is not known */
    if (zColl == NULL || sqlite3_stricmp(zColl, "BINARY") == 0)
      aColl[i] = COLL_BINARY;
    else if (sqlite3_stricmp(zColl, "NOCASE") == 0)
      aColl[i] = COLL_NOCASE;
    else if (sqlite3_stricmp(zColl, "RTRIM") == 0)
      aColl[i] = COLL_RTRIM;
    else
      return 0; /* the application's: only SQLite can call it */
  }
  return 1;
}

int ts_hash_keys_probe(sqlite3 *db, const ts_source_spec *spec, int *aColl, ts_probes **ppProbes) {
  ts_probes *p = ts_probes_fresh(db, spec);
  if (ppProbes) *ppProbes = p;
  if (p && p->keys >= 0) {
    memcpy(aColl, p->aColl, sizeof(p->aColl));
    return p->keys;
  }
  int ok = keys_probe(db, spec, aColl);
  if (p) {
    p->keys = ok;
    memcpy(p->aColl, aColl, sizeof(p->aColl));
  }
  return ok;
}

int ts_hash_keys_comparable(sqlite3 *db, const ts_source_spec *spec) {
  int aColl[TS_MAX_BY];
  return ts_hash_keys_probe(db, spec, aColl, NULL);
}

/* ---- counts (tradestat_debug) ---------------------------------------- */

static ts_counter g_counts[4];
#define COUNT(i)      TS_COUNT(g_counts[i])
#define COUNT_READ(i) TS_COUNT_READ(g_counts[i])

void ts_hash_count_path(int i) { COUNT(i); }

void ts_hash_counts(sqlite3_int64 aOut[4]) {
  for (int i = 0; i < 4; i++) aOut[i] = COUNT_READ(i);
}

int ts_scan_mode_from_name(const char *z, int *pMode) {
  if (z == NULL) return 1;
  if (sqlite3_stricmp(z, "auto") == 0)
    *pMode = TS_SCAN_AUTO;
  else if (sqlite3_stricmp(z, "hash") == 0)
    *pMode = TS_SCAN_HASH;
  else if (sqlite3_stricmp(z, "stream") == 0)
    *pMode = TS_SCAN_STREAM;
  else
    return 1;
  return 0;
}

/* ---- memory -------------------------------------------------------- */

void *ts_hash_alloc(ts_hash *h, sqlite3_uint64 n) {
  if (h->mem + (sqlite3_int64)n > TS_HASH_MEMORY_CAP) {
    h->over = 1;
    return NULL;
  }
  void *p = sqlite3_malloc64(n);
  if (p) h->mem += (sqlite3_int64)n;
  return p;
}

/* Grows an array of *pnAlloc elements of sz bytes to at least nNeed. */
int ts_hash_grow(ts_hash *h, void **pa, uint32_t *pnAlloc, uint32_t nNeed, size_t sz) {
  if (nNeed <= *pnAlloc) return 0;
  uint32_t nNew = *pnAlloc ? *pnAlloc * 2 : 64;
  while (nNew < nNeed) nNew *= 2;
  void *a = ts_hash_alloc(h, (sqlite3_uint64)nNew * sz);
  if (a == NULL) return 1;
  if (*pa) memcpy(a, *pa, (size_t)*pnAlloc * sz);
  h->mem -= (sqlite3_int64)((size_t)*pnAlloc * sz);
  sqlite3_free(*pa);
  *pa = a;
  *pnAlloc = nNew;
  return 0;
}
