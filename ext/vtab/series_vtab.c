/*
** vtab/series_vtab.c -- the sqlite3_module behind every series virtual table
** (see series_vtab.h for how a module plugs in).
**
** Contract:
**  1. xCreate is xConnect, so each module is also eponymous: with no
**     arguments it is the table-valued form (one `series` column, the
**     module's HIDDEN argument columns); with key=value arguments it is the
**     CREATE form (the by= columns).  The declared columns depend on the
**     arguments only, never on the source.
**  1a. The source (table and named columns) is checked when the table is
**     created, and again by every query, but never when an existing table
**     is connected (a new connection, or after a schema change): a table
**     whose source was dropped, renamed or altered can still be dropped
**     with DROP TABLE, and a query on it says what is missing and that
**     DROP TABLE works.  SQLite calls the same function for both (an
**     eponymous module needs xCreate == xConnect), so "being created" is
**     recognised as a CREATE VIRTUAL TABLE statement that is running
**     (created_now below); a connection never runs inside one.
**  2. Every table is SQLITE_VTAB_DIRECTONLY: it reads a table the user
**     names, so it must not run from a view or trigger of a database
**     someone else wrote.
**  3. Constraints are planned by ts_source_best_index and pushed into the
**     source query (never changing the answer: series_plan.c); the
**     source is read once per xFilter, one series at a time, and every
**     row's numbers come from the module's callbacks.
**  4. xRowid is the row's identity (series key id, period), the same in
**     every xFilter, as SQLite's multi-index OR needs.
**  5. A statement that writes reads each source as it was before its
**     first write, in every xFilter of the statement (set_snapshot): an
**     INSERT INTO t SELECT ... FROM this table never sees its own rows.
**  6. An error anywhere (arguments, source, scan, the module) replaces the
**     table's zErrMsg and is returned; a cursor can be filtered again or
**     closed after it, and nothing leaks.
*/
#include "vtab/series_vtab.h"
#include "vtab/series_hash.h"

typedef struct ts_key_ids ts_key_ids;
typedef struct ts_snapshot ts_snapshot;
static void key_ids_free(ts_key_ids *k);
static void snapshots_free(ts_snapshot *p);

/* Whether a CREATE VIRTUAL TABLE statement of db is running: then this
** xConnect is the xCreate of that statement (see contract item 1a).  A
** table merely connected -- DROP TABLE, or a query, prepared in a new
** connection -- is connected while its own statement is being prepared,
** which is not running yet. */
static int created_now(sqlite3 *db) {
  for (sqlite3_stmt *s = sqlite3_next_stmt(db, NULL); s; s = sqlite3_next_stmt(db, s)) {
    if (!sqlite3_stmt_busy(s)) continue;
    const char *z = sqlite3_sql(s);
    static const char *const azWord[] = {"create", "virtual", "table"};
    int k = 0;
    while (z && k < 3) {
      if (*z == ' ' || *z == '\t' || *z == '\n' || *z == '\r' || *z == '\f') {
        z++;
      } else if (z[0] == '-' && z[1] == '-') {
        while (*z && *z != '\n') z++;
      } else if (z[0] == '/' && z[1] == '*') {
        const char *end = strstr(z + 2, "*/");
        z = end ? end + 2 : NULL;
      } else {
        size_t n = strlen(azWord[k]);
        if (sqlite3_strnicmp(z, azWord[k], (int)n) != 0) break;
        z += n;
        if (*z != 0 && *z != ' ' && *z != '\t' && *z != '\n' && *z != '\r' && *z != '\f' &&
            *z != '-' && *z != '/')
          break;
        k++;
      }
    }
    if (k == 3) return 1;
  }
  return 0;
}

/* One source column in two roles is a typo that computes quietly wrong
** numbers (exports= and imports= the same column: balanced trade in every
** period; value= the period column: growth of the year numbers), and a
** by column named twice would fail in sqlite3_declare_vtab with no word
** of why.  An error naming both roles and the column.  Column names
** compare as SQL's do, ignoring ASCII case. */
static int check_roles(const ts_source_spec *spec, char **pzErr) {
  const char *azCol[4 + TS_MAX_BY], *azRole[4 + TS_MAX_BY];
  int n = 0;
  azCol[n] = spec->zPeriod, azRole[n++] = "period";
  for (int k = 0; k < spec->nValue; k++)
    azCol[n] = spec->azValue[k],
    azRole[n++] = spec->nValue == 2 ? (k ? "imports" : "exports") : "value";
  azCol[n] = spec->zFlow, azRole[n++] = "flow";
  for (int i = 0; i < spec->nBy; i++) azCol[n] = spec->azBy[i], azRole[n++] = "by";
  for (int i = 0; i < n; i++) {
    for (int j = i + 1; azCol[i] && j < n; j++) {
      if (azCol[j] == NULL || sqlite3_stricmp(azCol[i], azCol[j]) != 0) continue;
      if (strcmp(azRole[i], azRole[j]) == 0)
        *pzErr = sqlite3_mprintf("%s: %s names the column \"%s\" twice", spec->zModule, azRole[i],
                                 azCol[j]);
      else
        *pzErr = sqlite3_mprintf("%s: %s and %s name the same column \"%s\"", spec->zModule,
                                 azRole[i], azRole[j], azCol[j]);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
  }
  return SQLITE_OK;
}

static int series_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                          sqlite3_vtab **ppVtab, char **pzErr) {
  const ts_series_module *m = pAux;
  ts_series_vtab *vtab = sqlite3_malloc64(m->szVtab);
  if (vtab == NULL) return SQLITE_NOMEM;
  memset(vtab, 0, m->szVtab);
  vtab->db = db;
  vtab->module = m;
  vtab->spec.zModule = m->zName;
  vtab->spec.history_years = m->history_years;
  vtab->table_valued = argc <= 3;
  if (m->xInit) m->xInit(vtab);
  int rc = SQLITE_OK;
  char *zSchema = NULL;
  if (vtab->table_valued) {
    vtab->nSeries = 1;
    zSchema = ts_series_schema(NULL, m->azResult, m->nResult, m->azArgColumn, m->nArg, pzErr);
  } else {
    int creating = created_now(db);
    vtab->zTable = sqlite3_mprintf("%s", argv[2]);
    rc = vtab->zTable ? m->xConfigure(vtab, argc - 3, argv + 3, pzErr) : SQLITE_NOMEM;
    if (rc == SQLITE_ERROR && !creating) {
      /* Arguments no CREATE accepts (a schema written by other means):
      ** connect with no series columns, so the table can be dropped. */
      vtab->zBroken = *pzErr;
      *pzErr = NULL;
      ts_source_spec_clear(&vtab->spec);
      rc = vtab->zBroken ? SQLITE_OK : SQLITE_NOMEM;
    }
    if (rc == SQLITE_OK && creating) rc = check_roles(&vtab->spec, pzErr);
    if (rc == SQLITE_OK && creating) rc = ts_source_check(db, &vtab->spec, pzErr);
    /* Never fails for a missing source: a column it cannot find stays BINARY. */
    if (rc == SQLITE_OK) rc = ts_source_collations(db, &vtab->spec);
    vtab->nSeries = vtab->spec.nBy;
    if (rc == SQLITE_OK)
      zSchema = ts_series_schema(&vtab->spec, m->azResult, m->nResult, NULL, 0, pzErr);
  }
  if (rc == SQLITE_OK && zSchema == NULL) rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  if (rc == SQLITE_OK) rc = sqlite3_declare_vtab(db, zSchema);
  if (rc == SQLITE_OK) rc = sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  sqlite3_free(zSchema);
  if (rc != SQLITE_OK) {
    if (m->xDisconnect) m->xDisconnect(vtab);
    ts_source_spec_clear(&vtab->spec);
    sqlite3_free(vtab->zTable);
    sqlite3_free(vtab->zBroken);
    sqlite3_free(vtab);
    return rc;
  }
  *ppVtab = &vtab->base;
  return SQLITE_OK;
}

static int series_disconnect(sqlite3_vtab *pVtab) {
  ts_series_vtab *vtab = (ts_series_vtab *)pVtab;
  if (vtab->module->xDisconnect) vtab->module->xDisconnect(vtab);
  ts_source_spec_clear(&vtab->spec);
  key_ids_free(vtab->key_ids);
  snapshots_free(vtab->snapshots);
  sqlite3_free(vtab->zTable);
  sqlite3_free(vtab->zBroken);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int series_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  ts_series_vtab *vtab = (ts_series_vtab *)pVtab;
  const ts_series_module *m = vtab->module;
  int rc = ts_source_best_index(pVtab, info, vtab->nSeries, vtab->nSeries + m->iPeriod,
                                m->year_integer, vtab->nSeries + m->nResult,
                                vtab->table_valued ? m->nArg : 0, m->nRequired);
  /* The scan path, shown by EXPLAIN QUERY PLAN: "S" and h/s/a after the
  ** tokens xFilter reads (series_hash.h). */
  if (rc == SQLITE_OK && info->idxStr) {
    char c = ts_hash_plan(vtab->db, vtab->table_valued ? NULL : &vtab->spec, info->idxStr);
    char *z = sqlite3_mprintf("%sS%c", info->idxStr, c);
    if (z == NULL) return SQLITE_NOMEM;
    if (info->needToFreeIdxStr) sqlite3_free(info->idxStr);
    info->idxStr = z;
    info->needToFreeIdxStr = 1;
  }
  return rc;
}

/* ---- row identity ------------------------------------------------------
** xRowid must give a row the same rowid in every xFilter of a cursor and
** two rows different ones: SQLite's multi-index OR (WHERE a = 1 OR b = 2)
** filters the cursor once per branch and drops a row whose rowid an
** earlier branch returned.  A row is its series and its period: each
** distinct series key gets an id on first sight (kept by the table, as
** SQLite opens a new cursor for each branch), and rowid = id * 2^22 + period ordinal (days: offset to be
** positive; every ordinal of years 1..9999 is below 2^22). */
#define ROWID_ORDINAL_BITS   22
#define ROWID_ORDINAL_OFFSET 719163 /* days from 0001-01-01 to 1970-01-01, + 1 */

struct ts_key_ids {
  int nBy;
  sqlite3_value **apKey; /* nBy values per id, id-1 = index / nBy */
  sqlite3_uint64 *aHash; /* per id */
  int n, nAlloc;
  int *aSlot; /* open addressing: id, 0 empty */
  int nSlot;
};

static void key_ids_free(ts_key_ids *k) {
  if (k == NULL) return;
  for (int i = 0; i < k->n * k->nBy; i++) sqlite3_value_free(k->apKey[i]);
  sqlite3_free(k->apKey);
  sqlite3_free(k->aHash);
  sqlite3_free(k->aSlot);
  sqlite3_free(k);
}

static sqlite3_uint64 hash_bytes(sqlite3_uint64 h, const void *p, int n) {
  const unsigned char *z = p;
  for (int i = 0; i < n; i++) h = (h ^ z[i]) * 1099511628211ULL;
  return h;
}

/* The series keys are equal as the scan groups them: same type, same
** value (bytes for TEXT and BLOB). */
static sqlite3_uint64 key_hash(sqlite3_value *const *ap, int nBy) {
  sqlite3_uint64 h = 14695981039346656037ULL;
  for (int i = 0; i < nBy; i++) {
    sqlite3_value *v = ap[i];
    int type = v ? sqlite3_value_type(v) : SQLITE_NULL;
    h = hash_bytes(h, &type, sizeof(type));
    if (type == SQLITE_INTEGER) {
      sqlite3_int64 x = sqlite3_value_int64(v);
      h = hash_bytes(h, &x, sizeof(x));
    } else if (type == SQLITE_FLOAT) {
      double d = sqlite3_value_double(v);
      h = hash_bytes(h, &d, sizeof(d));
    } else if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
      const void *z =
          type == SQLITE_TEXT ? (const void *)sqlite3_value_text(v) : sqlite3_value_blob(v);
      h = hash_bytes(h, z, sqlite3_value_bytes(v));
    }
  }
  return h;
}

static int key_equal(sqlite3_value *a, sqlite3_value *b) {
  int ta = a ? sqlite3_value_type(a) : SQLITE_NULL, tb = b ? sqlite3_value_type(b) : SQLITE_NULL;
  if (ta != tb) return 0;
  switch (ta) {
    case SQLITE_NULL: return 1;
    case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
    case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
    default: {
      const void *za =
          ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(a) : sqlite3_value_blob(a);
      const void *zb =
          ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(b) : sqlite3_value_blob(b);
      int n = sqlite3_value_bytes(a);
      return n == sqlite3_value_bytes(b) && (n == 0 || memcmp(za, zb, (size_t)n) == 0);
    }
  }
}

static int key_ids_grow(ts_key_ids *k) {
  int nSlot = k->nSlot ? k->nSlot * 2 : 64;
  int *aSlot = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)nSlot);
  if (aSlot == NULL) return SQLITE_NOMEM;
  memset(aSlot, 0, sizeof(int) * (size_t)nSlot);
  for (int id = 1; id <= k->n; id++) {
    int j = (int)(k->aHash[id - 1] & (sqlite3_uint64)(nSlot - 1));
    while (aSlot[j]) j = (j + 1) & (nSlot - 1);
    aSlot[j] = id;
  }
  sqlite3_free(k->aSlot);
  k->aSlot = aSlot;
  k->nSlot = nSlot;
  return SQLITE_OK;
}

/* The id of the current series' key, adding it when new.  The ids live
** as long as the table (a cursor lives for one branch of an OR only);
** keys are compared over all TS_MAX_BY slots (unused ones are NULL), as a
** table-valued call may name any number of series columns. */
static int series_key_id(ts_series_cursor *cur, int nBy, sqlite3_int64 *pId) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  ts_key_ids *k = vtab->key_ids;
  sqlite3_value *const *ap = cur->series->apKey;
  if (k == NULL) {
    k = vtab->key_ids = sqlite3_malloc64(sizeof(*k));
    if (k == NULL) return SQLITE_NOMEM;
    memset(k, 0, sizeof(*k));
    k->nBy = nBy;
  }
  if (2 * (k->n + 1) > k->nSlot && key_ids_grow(k) != SQLITE_OK) return SQLITE_NOMEM;
  sqlite3_uint64 h = key_hash(ap, nBy);
  int j = (int)(h & (sqlite3_uint64)(k->nSlot - 1));
  for (; k->aSlot[j]; j = (j + 1) & (k->nSlot - 1)) {
    int id = k->aSlot[j], i = 0;
    if (k->aHash[id - 1] != h) continue;
    while (i < nBy && key_equal(k->apKey[(id - 1) * nBy + i], ap[i])) i++;
    if (i == nBy) {
      *pId = id;
      return SQLITE_OK;
    }
  }
  if (k->n == k->nAlloc) {
    int nNew = k->nAlloc ? k->nAlloc * 2 : 32;
    sqlite3_value **a =
        sqlite3_realloc64(k->apKey, sizeof(*a) * (sqlite3_uint64)nNew * (nBy ? nBy : 1));
    if (a == NULL) return SQLITE_NOMEM;
    k->apKey = a;
    sqlite3_uint64 *aH = sqlite3_realloc64(k->aHash, sizeof(*aH) * (sqlite3_uint64)nNew);
    if (aH == NULL) return SQLITE_NOMEM;
    k->aHash = aH;
    k->nAlloc = nNew;
  }
  for (int i = 0; i < nBy; i++) {
    sqlite3_value *v = NULL;
    if (ap[i] && (v = sqlite3_value_dup(ap[i])) == NULL) {
      for (int x = 0; x < i; x++) sqlite3_value_free(k->apKey[k->n * nBy + x]);
      return SQLITE_NOMEM;
    }
    k->apKey[k->n * nBy + i] = v;
  }
  k->aHash[k->n] = h;
  k->n++;
  k->aSlot[j] = k->n;
  *pId = k->n;
  return SQLITE_OK;
}

/* ---- snapshots for statements that write ------------------------------ */

struct ts_snapshot {
  struct ts_snapshot *next;
  char *zSource;         /* display name of the source */
  sqlite3_stmt *writer;  /* the statement that writes ... */
  int run;               /* ... in its run number ... */
  sqlite3_int64 changes; /* ... with the connection's changes then */
  int has_max_rowid;
  sqlite3_int64 max_rowid;
  ts_series_store *store; /* no rowid: every series, read before any write */
};

static void snapshots_free(ts_snapshot *p) {
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

/* What a snapshot is kept for: the source and everything read from it. */
static char *snapshot_key(const ts_source_spec *spec) {
  char *zName = ts_source_display_name(spec);
  if (zName == NULL) return NULL;
  sqlite3_str *s = sqlite3_str_new(NULL);
  sqlite3_str_appendf(s, "%s|%s|%s|%s|%s|%s|%s|%s|%d", zName, spec->zPeriod,
                      spec->azValue[0] ? spec->azValue[0] : "",
                      spec->azValue[1] ? spec->azValue[1] : "", spec->zFlow ? spec->zFlow : "",
                      spec->azFlowLabel[0] ? spec->azFlowLabel[0] : "",
                      spec->azFlowLabel[1] ? spec->azFlowLabel[1] : "",
                      ts_period_kind_name(spec->grain), spec->nBy);
  for (int i = 0; i < spec->nBy; i++) sqlite3_str_appendf(s, "|%s", spec->azBy[i]);
  sqlite3_free(zName);
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
static int set_snapshot(ts_series_cursor *cur, sqlite3 *db, ts_pushdown *pd, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  sqlite3_stmt *writer = busy_writer(db);
  if (writer == NULL) {
    snapshots_free(vtab->snapshots);
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

int ts_series_snapshot(ts_series_cursor *cur, ts_pushdown *pd, char **pzErr) {
  return set_snapshot(cur, ((ts_series_vtab *)cur->base.pVtab)->db, pd, pzErr);
}

static int series_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  const ts_series_module *m = ((ts_series_vtab *)pVtab)->module;
  ts_series_cursor *cur = sqlite3_malloc64(m->szCursor);
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, m->szCursor);
  cur->own.zModule = m->zName;
  cur->own.history_years = m->history_years;
  *ppCursor = &cur->base;
  return SQLITE_OK;
}

/* Frees a settings object made from a table-valued form's options. */
static void free_config(const ts_series_module *m, ts_series_vtab *cfg) {
  if (cfg == NULL) return;
  if (m->xDisconnect) m->xDisconnect(cfg);
  ts_source_spec_clear(&cfg->spec);
  sqlite3_free(cfg);
}

static void series_reset(ts_series_cursor *cur) {
  const ts_series_module *m = ((ts_series_vtab *)cur->base.pVtab)->module;
  if (m->xReset) m->xReset(cur);
  free_config(m, cur->cfg);
  cur->cfg = NULL;
  ts_scan_close(cur->scan);
  cur->scan = NULL;
  cur->series = NULL;
  ts_source_spec_clear(&cur->own);
  cur->own.history_years = m->history_years;
  for (int k = 0; k < TS_MAX_ARG; k++) {
    sqlite3_value_free(cur->apArg[k]);
    cur->apArg[k] = NULL;
  }
}

static int series_close(sqlite3_vtab_cursor *pCursor) {
  ts_series_cursor *cur = (ts_series_cursor *)pCursor;
  series_reset(cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static void set_error(sqlite3_vtab *pVtab, char *zErr) {
  if (zErr == NULL) return;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zErr;
}

/* Moves to the next row, reading the next series when one is used up. */
static int series_advance(ts_series_cursor *cur) {
  const ts_series_module *m = ((ts_series_vtab *)cur->base.pVtab)->module;
  for (;;) {
    if (cur->series && m->xNext(cur)) return SQLITE_OK;
    char *zErr = NULL;
    int rc = ts_scan_next(cur->scan, &cur->series, &zErr);
    if (rc == SQLITE_ROW) {
      rc = series_key_id(cur, TS_MAX_BY, &cur->series_id);
      if (rc == SQLITE_OK && m->xStart) rc = m->xStart(cur, &zErr);
    } else if (rc == SQLITE_DONE) {
      rc = SQLITE_OK, cur->series = NULL;
    }
    if (rc != SQLITE_OK) {
      cur->series = NULL;
      set_error(cur->base.pVtab, zErr);
      return rc;
    }
    if (cur->series == NULL) return SQLITE_OK;
  }
}

ts_series_vtab *ts_series_config(const ts_series_cursor *cur) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  return vtab->table_valued ? cur->cfg : vtab;
}

/* The table-valued form's options argument ('grain=year, by=partner') with
** its positional arguments, read exactly as a CREATE form's arguments
** would be: positional role R with value V becomes R='V' (the series
** role is by=), then each option in turn.  The settings land in a
** private ts_series_vtab (cur->cfg) and its spec replaces cur->own. */
static int read_options(ts_series_cursor *cur, sqlite3_value **apArg, int iOptions, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  const ts_series_module *m = vtab->module;
  const char *zOptions = (const char *)sqlite3_value_text(apArg[iOptions]);
  if (zOptions == NULL) return SQLITE_NOMEM;
  char *azArgv[TS_MAX_ARG + TS_MAX_OPTIONS];
  int nArgv = 0, rc = SQLITE_OK;
  for (int k = 0; k < m->nArg && rc == SQLITE_OK; k++) {
    const char *zRole = m->azArgRole[k];
    if (k == iOptions || apArg[k] == NULL || sqlite3_value_type(apArg[k]) == SQLITE_NULL ||
        (k >= m->nRequired && sqlite3_value_bytes(apArg[k]) == 0))
      continue;
    const char *zKey = strcmp(zRole, "series") == 0 ? "by" : zRole;
    azArgv[nArgv] = sqlite3_mprintf("%s='%q'", zKey, (const char *)sqlite3_value_text(apArg[k]));
    if (azArgv[nArgv++] == NULL) rc = SQLITE_NOMEM;
  }
  int nSplit = 0;
  if (rc == SQLITE_OK)
    rc = ts_split_options(m->zName, zOptions, azArgv + nArgv, TS_MAX_OPTIONS, &nSplit, pzErr);
  nArgv += nSplit;
  ts_series_vtab *cfg = NULL;
  if (rc == SQLITE_OK) {
    cfg = sqlite3_malloc64(m->szVtab);
    if (cfg == NULL) rc = SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) {
    memset(cfg, 0, m->szVtab);
    cfg->db = vtab->db;
    cfg->module = m;
    cfg->spec.zModule = m->zName;
    cfg->spec.history_years = m->history_years;
    if (m->xInit) m->xInit(cfg);
    rc = m->xConfigure(cfg, nArgv, (const char *const *)azArgv, pzErr);
  }
  for (int i = 0; i < nArgv; i++) sqlite3_free(azArgv[i]);
  if (rc != SQLITE_OK) {
    free_config(m, cfg);
    return rc;
  }
  ts_source_spec_clear(&cur->own);
  cur->own = cfg->spec; /* the cursor owns the strings now */
  memset(&cfg->spec, 0, sizeof(cfg->spec));
  cfg->spec.zModule = m->zName;
  cur->cfg = cfg;
  return SQLITE_OK;
}

/* The table-valued form: the spec comes from the argument values. */
static int read_arguments(ts_series_cursor *cur, sqlite3_value **apArg, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  const ts_series_module *m = vtab->module;
  int rc = SQLITE_OK, iOptions = -1;
  for (int k = 0; k < m->nArg && rc == SQLITE_OK; k++) {
    if (apArg[k] && (cur->apArg[k] = sqlite3_value_dup(apArg[k])) == NULL) rc = SQLITE_NOMEM;
    if (strcmp(m->azArgRole[k], "options") == 0 && apArg[k] &&
        sqlite3_value_type(apArg[k]) != SQLITE_NULL && sqlite3_value_bytes(apArg[k]) > 0)
      iOptions = k;
  }
  if (rc == SQLITE_OK)
    rc = ts_source_from_arguments(&cur->own, apArg, m->azArgRole, m->nArg, m->nRequired, pzErr);
  if (rc == SQLITE_OK && iOptions >= 0) rc = read_options(cur, apArg, iOptions, pzErr);
  if (rc == SQLITE_OK && m->xArguments) rc = m->xArguments(cur, apArg, pzErr);
  if (rc == SQLITE_OK) rc = check_roles(&cur->own, pzErr);
  if (rc == SQLITE_OK) rc = ts_source_check(vtab->db, &cur->own, pzErr);
  return rc;
}

/* The CREATE form's source query failed to prepare: if the source or a
** named column is missing (dropped, renamed, altered since CREATE), says
** so and that DROP TABLE still works (contract item 1a); else keeps the
** message of the query in *pzErr. */
static int source_gone(ts_series_vtab *vtab, char **pzErr) {
  char *zWhy = NULL;
  int rc = SQLITE_OK;
  if (vtab->zBroken)
    zWhy = sqlite3_mprintf("%s", vtab->zBroken);
  else
    rc = ts_source_check(vtab->db, &vtab->spec, &zWhy);
  if (rc == SQLITE_NOMEM || (vtab->zBroken && zWhy == NULL)) return SQLITE_NOMEM;
  if (zWhy == NULL) return SQLITE_ERROR;
  const char *z = vtab->zTable;
  int plain = (z[0] < '0' || z[0] > '9');
  for (const char *p = z; *p && plain; p++)
    plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '_';
  const char *zOf = vtab->zBroken ? "the arguments" : "the source";
  char *zMsg = sqlite3_mprintf(plain ? "%s (%s of table \"%w\"; DROP TABLE %s still works)"
                                     : "%s (%s of table \"%w\"; DROP TABLE \"%w\" still works)",
                               zWhy, zOf, z, z);
  sqlite3_free(zWhy);
  if (zMsg == NULL) return SQLITE_NOMEM;
  sqlite3_free(*pzErr);
  *pzErr = zMsg;
  return SQLITE_ERROR;
}

static int series_filter(sqlite3_vtab_cursor *pCursor, int idxNum, const char *idxStr, int argc,
                         sqlite3_value **argv) {
  ts_series_cursor *cur = (ts_series_cursor *)pCursor;
  ts_series_vtab *vtab = (ts_series_vtab *)pCursor->pVtab;
  const ts_series_module *m = vtab->module;
  ts_pushdown pd;
  sqlite3_value *apArg[TS_MAX_ARG];
  series_reset(cur);
  ts_source_decode(idxNum, idxStr, argc, argv, m->history_years, &pd, apArg, m->nArg);
  cur->out_lo = pd.out_year_lo;
  cur->out_hi = pd.out_year_hi;
  cur->spec = &vtab->spec;
  char *zErr = NULL;
  int rc = SQLITE_OK;
  if (vtab->table_valued) {
    rc = read_arguments(cur, apArg, &zErr);
    cur->spec = &cur->own;
    /* Several series columns behind the one `series` column: an equality
    ** on it is left to SQLite (it is never marked omit). */
    if (cur->own.nBy > 1) memset(pd.apByEq, 0, sizeof(pd.apByEq));
  }
  /* A row that depends on later years needs them read. */
  if (rc == SQLITE_OK && m->xReadsLaterYears) {
    const ts_series_vtab *conf = ts_series_config(cur);
    if (m->xReadsLaterYears(conf ? conf : vtab)) pd.year_hi = 0;
  }
  if (rc == SQLITE_OK && vtab->zBroken)
    rc = SQLITE_ERROR;
  else if (rc == SQLITE_OK)
    rc = set_snapshot(cur, vtab->db, &pd, &zErr);
  if (rc == SQLITE_OK) rc = ts_scan_open(vtab->db, cur->spec, &pd, &cur->scan, &zErr);
  if (rc == SQLITE_ERROR && !vtab->table_valued) rc = source_gone(vtab, &zErr);
  set_error(pCursor->pVtab, zErr);
  if (rc == SQLITE_OK) rc = series_advance(cur);
  return rc;
}

static int series_next(sqlite3_vtab_cursor *pCursor) {
  return series_advance((ts_series_cursor *)pCursor);
}

static int series_eof(sqlite3_vtab_cursor *pCursor) {
  return ((ts_series_cursor *)pCursor)->series == NULL;
}

/* The table-valued form's one `series` column when several series
** columns were named: the key as a JSON array ('["China","x",2023]'),
** each value typed as SQLite holds it (json_extract(series, '$[1]')). */
static void result_key_array(sqlite3_context *ctx, const ts_series *s, int nBy) {
  sqlite3_str *str = sqlite3_str_new(NULL);
  sqlite3_str_appendchar(str, 1, '[');
  for (int i = 0; i < nBy; i++) {
    sqlite3_value *v = s->apKey[i];
    if (i) sqlite3_str_appendchar(str, 1, ',');
    switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
      case SQLITE_INTEGER: sqlite3_str_appendf(str, "%lld", sqlite3_value_int64(v)); break;
      case SQLITE_FLOAT: sqlite3_str_appendf(str, "%!.17g", sqlite3_value_double(v)); break;
      case SQLITE_NULL: sqlite3_str_appendall(str, "null"); break;
      case SQLITE_BLOB: { /* as its SQL literal: x'00ff' stays apart from x'0102' */
        const unsigned char *p = sqlite3_value_blob(v);
        int n = p ? sqlite3_value_bytes(v) : 0;
        sqlite3_str_appendall(str, "\"x'");
        for (int k = 0; k < n; k++) sqlite3_str_appendf(str, "%02x", p[k]);
        sqlite3_str_appendall(str, "'\"");
        break;
      }
      default: { /* TEXT, every byte: 'a' || char(0) || 'b' is not 'a' */
        const unsigned char *z = sqlite3_value_text(v);
        int n = z ? sqlite3_value_bytes(v) : 0;
        sqlite3_str_appendchar(str, 1, '"');
        for (int k = 0; k < n; k++) {
          if (z[k] == '"' || z[k] == '\\')
            sqlite3_str_appendf(str, "\\%c", z[k]);
          else if (z[k] < 0x20)
            sqlite3_str_appendf(str, "\\u%04x", z[k]);
          else
            sqlite3_str_appendchar(str, 1, (char)z[k]);
        }
        sqlite3_str_appendchar(str, 1, '"');
        break;
      }
    }
  }
  sqlite3_str_appendchar(str, 1, ']');
  int n = sqlite3_str_length(str);
  char *z = sqlite3_str_finish(str);
  if (z == NULL)
    sqlite3_result_error_nomem(ctx);
  else
    sqlite3_result_text(ctx, z, n, sqlite3_free);
}

static int series_column(sqlite3_vtab_cursor *pCursor, sqlite3_context *ctx, int iCol) {
  ts_series_cursor *cur = (ts_series_cursor *)pCursor;
  ts_series_vtab *vtab = (ts_series_vtab *)pCursor->pVtab;
  const ts_series_module *m = vtab->module;
  if (iCol < vtab->nSeries && vtab->table_valued && cur->spec->nBy > 1) {
    result_key_array(ctx, cur->series, cur->spec->nBy);
  } else if (iCol < vtab->nSeries) {
    sqlite3_value *key = cur->series->apKey[iCol];
    if (key) sqlite3_result_value(ctx, key);
  } else if (iCol < vtab->nSeries + m->nResult) {
    m->xResult(cur, ctx, iCol - vtab->nSeries);
  } else {
    int k = iCol - vtab->nSeries - m->nResult;
    if (k < m->nArg && cur->apArg[k]) sqlite3_result_value(ctx, cur->apArg[k]);
  }
  return SQLITE_OK;
}

static int series_rowid(sqlite3_vtab_cursor *pCursor, sqlite3_int64 *pRowid) {
  const ts_series_cursor *cur = (const ts_series_cursor *)pCursor;
  *pRowid = (cur->series_id << ROWID_ORDINAL_BITS) + cur->row_key + ROWID_ORDINAL_OFFSET;
  return SQLITE_OK;
}

static const sqlite3_module series_module = {
    .iVersion = 0,
    .xCreate = series_connect, /* same as xConnect: also eponymous */
    .xConnect = series_connect,
    .xBestIndex = series_best_index,
    .xDisconnect = series_disconnect,
    .xDestroy = series_disconnect,
    .xOpen = series_open,
    .xClose = series_close,
    .xFilter = series_filter,
    .xNext = series_next,
    .xEof = series_eof,
    .xColumn = series_column,
    .xRowid = series_rowid,
};

int ts_series_module_register(sqlite3 *db, const ts_series_module *m) {
  return sqlite3_create_module(db, m->zName, &series_module, (void *)m);
}

int ts_series_configure_value(ts_series_vtab *vtab, int argc, const char *const *argv,
                              char **pzErr) {
  int rc = ts_source_configure(&vtab->spec, argc, argv, NULL, 0, NULL, pzErr);
  if (rc == SQLITE_OK && vtab->spec.azValue[0] == NULL) {
    *pzErr = sqlite3_mprintf("%s: missing argument value=", vtab->module->zName);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return rc;
}

int ts_series_wants_year(const ts_series_cursor *cur, int year) {
  return !(cur->out_lo && year < cur->out_lo) && !(cur->out_hi && year > cur->out_hi);
}

int ts_series_next_point(const ts_series_cursor *cur, int *pi) {
  const ts_series *s = cur->series;
  while (++*pi < s->nPoint) {
    ts_period p;
    if (ts_period_from_ordinal(s->kind, s->aPoint[*pi].ordinal, &p) == 0 &&
        ts_series_wants_year(cur, p.year))
      return 1;
  }
  return 0;
}

void ts_series_result_period(sqlite3_context *ctx, ts_period_kind kind, int64_t ordinal) {
  ts_period p;
  char buf[TS_PERIOD_LABEL_MAX];
  if (ts_period_from_ordinal(kind, ordinal, &p)) return;
  ts_period_format(&p, buf);
  sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}
