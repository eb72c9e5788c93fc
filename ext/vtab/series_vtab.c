/*
** vtab/series_vtab.c -- the sqlite3_module behind every series virtual table
** (see series_vtab.h for how a module plugs in): connecting, planning,
** the table-valued form's arguments and options, and xFilter.  What the
** cursor shows -- xColumn, xRowid and the modules' row helpers
** (ts_series_next_point, ts_series_result_period) -- is in
** series_vtab_out.c.
**
** Contract:
**  1. xCreate is xConnect, so each module is also eponymous: with no
**     arguments it is the table-valued form (one `series` column, the
**     module's HIDDEN argument columns); with key=value arguments it is the
**     CREATE form (the by= columns).  The declared columns are the
**     arguments'; only their types and collations come from the source's
**     columns, when it can be read (never an error when it cannot).
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
**     every xFilter, as SQLite's multi-index OR needs (series_rowid.c).
**  5. A statement that writes reads each source as it was before its
**     first write, in every xFilter of the statement (series_snapshot.c): an
**     INSERT INTO t SELECT ... FROM this table never sees its own rows.
**  6. An error anywhere (arguments, source, scan, the module) replaces the
**     table's zErrMsg and is returned; a cursor can be filtered again or
**     closed after it, and nothing leaks.
*/
#include "vtab/series_vtab.h"
#include "vtab/series_hash.h"
#include "vtab/series_hash_plan.h"

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

/* An unqualified source= of a table in schema X (not temp) names X's
** table, as an unqualified name in a view of X does: SQLite binds a view
** in main to main.t even when a temp table t shadows it or main.t is
** dropped and an attached database has a t.  Left unqualified, the query
** on the source searched temp, main and then the attached databases, so
** a scratch TEMP TABLE of the same name, or another database's table,
** silently replaced the source (and a table in an attached database read
** main's table while attached, its own once opened alone).  A table in
** temp searches as a temp view does: temp, main, then attached. */
static int bind_own_schema(ts_source_spec *spec, const char *zDb) {
  if (spec->zSchema || zDb == NULL || sqlite3_stricmp(zDb, "temp") == 0) return SQLITE_OK;
  spec->zSchema = sqlite3_mprintf("%s", zDb);
  if (spec->zSchema == NULL) return SQLITE_NOMEM;
  spec->schema_implied = 1;
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
    if (rc == SQLITE_OK && vtab->zBroken == NULL) rc = bind_own_schema(&vtab->spec, argv[1]);
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
    if (*pzErr && (*pzErr = ts_message_plain(*pzErr)) == NULL) rc = SQLITE_NOMEM;
    if (m->xDisconnect) m->xDisconnect(vtab);
    ts_source_spec_clear(&vtab->spec);
    sqlite3_free(vtab->zTable);
    sqlite3_free(vtab->zBroken);
    sqlite3_free(vtab);
    return rc;
  }
  /* Kept across queries; without memory for it every query asks again. */
  vtab->probes = sqlite3_malloc64(sizeof(ts_probes));
  if (vtab->probes) {
    memset(vtab->probes, 0, sizeof(ts_probes));
    ts_probes_clear(vtab->probes);
  }
  vtab->spec.probes = vtab->probes;
  vtab->keep = ts_scan_keep_new();
  *ppVtab = &vtab->base;
  return SQLITE_OK;
}

static int series_disconnect(sqlite3_vtab *pVtab) {
  ts_series_vtab *vtab = (ts_series_vtab *)pVtab;
  if (vtab->module->xDisconnect) vtab->module->xDisconnect(vtab);
  ts_source_spec_clear(&vtab->spec);
  ts_probes_clear(vtab->probes);
  sqlite3_free(vtab->probes);
  ts_scan_keep_free(vtab->keep);
  ts_key_ids_free(vtab->key_ids);
  ts_snapshots_free(vtab->snapshots);
  sqlite3_free(vtab->zTable);
  sqlite3_free(vtab->zBroken);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

/* Whether the query uses a result column that reads the whole source
** anyway and no series-column equality narrows the scan: the hash path
** then holds every series of the whole source if the year bounds are not
** pushed, and that second reader walks them instead of reading the source
** again (ts_scan_held).  One read of every year costs less than the
** narrowed read plus the whole one; on the streaming path it would not
** (two reads either way), so only when the plan is the hash path. */
static int wants_whole(const ts_series_module *m, const sqlite3_index_info *info, int nSeries) {
  sqlite3_uint64 used = info->colUsed >> nSeries;
  if ((used & m->whole_columns) == 0) return 0;
  for (int i = 0; info->idxStr[2 * i] && info->idxStr[2 * i + 1]; i++)
    if (info->idxStr[2 * i] == TS_PLAN_BY) return 0;
  return 1;
}

/* Whether the query reads none of the columns that read the whole source,
** so a module with xHistoryYears may read fewer earlier years.  The CREATE
** form asks the module now, so the plan is marked only where the read is
** narrowed (a source the module reads whole for, such as a NOCASE key
** column under annual_projection, showed the mark while every year was
** read); the table-valued form's settings come with its arguments. */
static int narrows(ts_series_vtab *vtab, const sqlite3_index_info *info) {
  const ts_series_module *m = vtab->module;
  sqlite3_uint64 used = info->colUsed >> vtab->nSeries;
  return m->xHistoryYears && (used & m->whole_columns) == 0 &&
         (vtab->table_valued || m->xHistoryYears(vtab) >= 0);
}

/* Whether that narrowed read, bounded by a year, is walked with seeks past
** the years it leaves out (series_skip.c): the CREATE form's settings
** narrow it, and an index serves the walk.  scan=hash keeps its path. */
static int skips(ts_series_vtab *vtab, const sqlite3_index_info *info) {
  const ts_series_module *m = vtab->module;
  int bounded = 0;
  for (int i = 0; info->idxStr[2 * i] && info->idxStr[2 * i + 1]; i++)
    bounded |=
        info->idxStr[2 * i] == TS_PLAN_PERIOD || info->idxStr[2 * i] == TS_PLAN_PERIOD_LITERAL;
  return bounded && !vtab->table_valued && vtab->spec.scan != TS_SCAN_HASH &&
         m->xHistoryYears(vtab) >= 0 && ts_skip_servable(vtab->db, &vtab->spec);
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
    /* ts_hash_plan probes only an ordinary table, so a source that is
    ** (through others) this table is never planned from here: such a
    ** cycle fails when it runs (series_filter). */
    char c = ts_hash_plan(vtab->db, vtab->table_valued ? NULL : &vtab->spec, info->idxStr);
    if (c == 'h' && wants_whole(m, info, vtab->nSeries)) info->idxNum |= TS_PLAN_WHOLE;
    if (narrows(vtab, info)) {
      info->idxNum |= TS_PLAN_NARROW;
      if (skips(vtab, info)) info->idxNum |= TS_PLAN_SKIP, c = 's';
    }
    char *z = sqlite3_mprintf("%sS%c", info->idxStr, c);
    if (z == NULL) return SQLITE_NOMEM;
    if (info->needToFreeIdxStr) sqlite3_free(info->idxStr);
    info->idxStr = z;
    info->needToFreeIdxStr = 1;
  }
  return rc;
}

static int series_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  const ts_series_module *m = ((ts_series_vtab *)pVtab)->module;
  ts_series_cursor *cur = sqlite3_malloc64(m->szCursor);
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, m->szCursor);
  cur->own.zModule = m->zName;
  cur->own.history_years = m->history_years;
  cur->base.pVtab = pVtab; /* SQLite sets it too, after xOpen: the module's xOpen reads it */
  if (((ts_series_vtab *)pVtab)->nOpen++ == 0) ((ts_series_vtab *)pVtab)->openSpan++;
  if (m->xOpen) m->xOpen(cur);
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
  sqlite3_free(cur->zShow);
  cur->zShow = NULL;
  sqlite3_free(cur->zKeyTag);
  cur->zKeyTag = NULL;
  sqlite3_free(cur->zFoldTag);
  cur->zFoldTag = NULL;
  cur->keyMarked = 0;
  ts_source_spec_clear(&cur->own);
  cur->own.history_years = m->history_years;
  for (int k = 0; k < TS_MAX_ARG; k++) {
    sqlite3_value_free(cur->apArg[k]);
    cur->apArg[k] = NULL;
  }
}

static int series_close(sqlite3_vtab_cursor *pCursor) {
  ts_series_cursor *cur = (ts_series_cursor *)pCursor;
  const ts_series_module *m = ((ts_series_vtab *)cur->base.pVtab)->module;
  series_reset(cur); /* its scan's statements are given back, reset */
  if (m->xClose) m->xClose(cur);
  ((ts_series_vtab *)cur->base.pVtab)->nOpen--;
  sqlite3_free(cur);
  return SQLITE_OK;
}

static void set_error(sqlite3_vtab *pVtab, char *zErr) {
  if (zErr == NULL) return;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = ts_message_plain(zErr);
}

/* Moves to the next row, reading the next series when one is used up. */
static int series_advance(ts_series_cursor *cur) {
  const ts_series_module *m = ((ts_series_vtab *)cur->base.pVtab)->module;
  for (;;) {
    if (cur->series && m->xNext(cur)) return SQLITE_OK;
    char *zErr = NULL;
    int rc = ts_scan_next(cur->scan, &cur->series, &zErr);
    if (rc == SQLITE_ROW) {
      rc = ts_series_key_id(cur, TS_MAX_BY, &cur->series_id, &zErr);
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

/* A table whose source reads the table itself (g1 over t, t a series
** table over g1: a database whose tables were renamed into a cycle) would
** recurse until the stack overflows.  Reading the source is the only way
** back into a table while it runs, so an xFilter of a busy table is that
** cycle: an error naming the table. */
static int cycle_error(ts_series_vtab *vtab) {
  const char *zName = vtab->zTable ? vtab->zTable : vtab->module->zName;
  char *zMsg = sqlite3_mprintf(
      "%s: table \"%s\" reads itself through its source (a cycle of"
      " series tables)",
      vtab->module->zName, zName);
  set_error(&vtab->base, zMsg);
  return zMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

static int series_filter_busy(sqlite3_vtab_cursor *pCursor, int idxNum, const char *idxStr,
                              int argc, sqlite3_value **argv);

static int series_filter(sqlite3_vtab_cursor *pCursor, int idxNum, const char *idxStr, int argc,
                         sqlite3_value **argv) {
  ts_series_vtab *vtab = (ts_series_vtab *)pCursor->pVtab;
  /* The table-valued form cannot be reached again through a source: one
  ** named like the module is the module without arguments, an error of
  ** its own. */
  if (vtab->busy && !vtab->table_valued) {
    series_reset((ts_series_cursor *)pCursor);
    return cycle_error(vtab);
  }
  vtab->busy++;
  int rc = series_filter_busy(pCursor, idxNum, idxStr, argc, argv);
  vtab->busy--;
  return rc;
}

/* Opens the scan.  TS_PLAN_WHOLE reads every year so the pool can walk
** what the scan holds (or, under a series IN, so the main scan's series
** are the pool's and their backtests are kept); it stands only while the
** hash path answers.  When that read is given back to the streaming path
** (a bad row, the memory cap) the scan is opened again on the years the
** WHERE can keep: the rows read must not depend on the path, or a bad row
** in a year the WHERE excludes would be an error through one path and not
** the other (the streaming plan reads those years only through the pool,
** built when a row first reads low, high or note).  A statement that
** writes its source never takes it (its scan cannot serve the pool). */
static int open_scan(ts_series_cursor *cur, int idxNum, ts_pushdown *pd, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.pVtab;
  int lo = pd->year_lo, hi = pd->year_hi;
  int whole = (idxNum & TS_PLAN_WHOLE) && (lo > 0 || hi > 0) && !pd->snapshot;
  if (whole) pd->year_lo = pd->year_hi = 0;
  int rc = ts_scan_open_kept(vtab->db, cur->spec, pd, vtab->keep, &cur->scan, pzErr);
  if (rc != SQLITE_OK || !whole || ts_scan_by_hash(cur->scan)) return rc;
  ts_scan_close(cur->scan);
  cur->scan = NULL;
  pd->year_lo = lo;
  pd->year_hi = hi;
  return ts_scan_open_kept(vtab->db, cur->spec, pd, vtab->keep, &cur->scan, pzErr);
}

static int series_filter_busy(sqlite3_vtab_cursor *pCursor, int idxNum, const char *idxStr,
                              int argc, sqlite3_value **argv) {
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
    cur->own.probes = vtab->probes; /* kept for the arguments of the last filter */
    cur->spec = &cur->own;
    /* Several series columns behind the one `series` column: an equality
    ** on it is left to SQLite (it is never marked omit). */
    if (cur->own.nBy > 1) {
      memset(pd.apByEq, 0, sizeof(pd.apByEq));
      memset(pd.apByIn, 0, sizeof(pd.apByIn));
    }
  }
  /* A row that depends on later years needs them read. */
  if (rc == SQLITE_OK && m->xReadsLaterYears) {
    const ts_series_vtab *conf = ts_series_config(cur);
    if (m->xReadsLaterYears(conf ? conf : vtab)) pd.year_hi = 0;
  }
  /* A query that reads none of the whole-source columns may need fewer
  ** earlier years (annual_projection's fixed methods: one). */
  if (rc == SQLITE_OK && (idxNum & TS_PLAN_NARROW) && pd.out_year_lo > 0) {
    const ts_series_vtab *conf = ts_series_config(cur);
    int h = m->xHistoryYears(conf ? conf : vtab);
    if (h >= 0 && pd.out_year_lo - h > pd.year_lo) pd.year_lo = pd.out_year_lo - h;
  }
  /* grain=: a year of day rows keyed as the year before it reads as that
  ** year's own rows do (series_extent.c, ts_days_check), or as months
  ** where they read so beside their own year before, so the first year
  ** read for the query's rows needs the two years before it read too. */
  if (rc == SQLITE_OK && pd.year_lo > 0 && cur->spec->grain != TS_KIND_NONE)
    pd.year_lo = pd.year_lo > 2 ? pd.year_lo - 2 : 1;
  /* and a year read as days may read as the year after it (except in
  ** annual_projection, which reads no row past its cut): the last year
  ** read needs its year after read too */
  if (rc == SQLITE_OK && pd.year_hi > 0 && pd.year_hi < 9999 && cur->spec->grain != TS_KIND_NONE &&
      !cur->spec->day_whole_after)
    pd.year_hi++;
  pd.skip = (idxNum & TS_PLAN_SKIP) != 0;
  if (rc == SQLITE_OK && vtab->zBroken)
    rc = SQLITE_ERROR;
  else if (rc == SQLITE_OK)
    rc = ts_series_snapshot(cur, &pd, &zErr);
  cur->read_lo = pd.year_lo;
  cur->read_hi = pd.year_hi;
  if (rc == SQLITE_OK) rc = open_scan(cur, idxNum, &pd, &zErr);
  if (rc == SQLITE_ERROR && !vtab->table_valued) rc = source_gone(vtab, &zErr);
  set_error(pCursor->pVtab, zErr);
  if (rc == SQLITE_OK) rc = series_advance(cur);
  return rc;
}

static int series_next(sqlite3_vtab_cursor *pCursor) {
  ts_series_vtab *vtab = (ts_series_vtab *)pCursor->pVtab;
  vtab->busy++;
  int rc = series_advance((ts_series_cursor *)pCursor);
  vtab->busy--;
  return rc;
}

static int series_eof(sqlite3_vtab_cursor *pCursor) {
  return ((ts_series_cursor *)pCursor)->series == NULL;
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
    .xColumn = ts_series_xcolumn,
    .xRowid = ts_series_xrowid,
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
