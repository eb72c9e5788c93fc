/*
** vtab/series_hash_pass.c -- how the hash path's pass reads the source
** (series_hash.c, contract 1): the pass inside SQLite, whose rows reach
** ts_hash_add_row as the arguments of an aggregate function of the query
** itself, or the unordered source query stepped out row by row when that
** function cannot be had.  What a row does to the tables is series_hash.c's.
*/
#include "vtab/series_hash_int.h"

#include <string.h>

/* Stepping the source query costs, per row, a call of sqlite3_step and
** one of sqlite3_column_value per column, each taking the connection's
** mutex: more than the rest of the row's work (the benchmark's 10 M
** transactions: about 1,450 instructions a row, against about 560 for
** SQLite's whole count(*), sum() scan).  So the pass hands each row to an
** aggregate function of the query itself instead,
**
**   SELECT tradestat_scan_row(?<n+1>, <columns>)
**   FROM <the source query's FROM and WHERE, its n values ?1 .. ?n>
**
** which reads the same values, as arguments, in one sqlite3_step.  The
** function is registered on the connection the first time a pass needs
** it (DIRECTONLY: no view or trigger can call it); outside a pass, or
** with another token than the pass's, it does nothing.  The pass it feeds
** is the calling thread's (passes nest: a source that is a view over
** another series table runs that table's whole pass before this one's
** first row).  The token, random per pass, is bound as the last value,
** so the text of the pass query is the same from one filter to the next
** and its statement is kept (below); each pass binds its own token, and
** each row's call checks it (scan_row_step).  The query's result must be
** the pass's token, given by this function's final call for this pass
** (ts_hash.finalSeen): a function of the application's of that name, or
** one that echoes its first argument, makes no such call, and the hash
** path gives way (the streaming path answers). */
#define SCAN_ROW_FN "tradestat_scan_row"

static _Thread_local ts_hash *tl_pass;

static void scan_row_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_hash *h = tl_pass;
  if (h == NULL || h->stopped) return;
  /* The token is a value of the pass query, held in one register of it
  ** for the whole pass, and the arguments are handed over in one array
  ** of the query's own (its function context's), the same for every row
  ** of the pass: once that array has shown the token, the same array is
  ** the pass query's own call (another statement's arrays are other
  ** memory while this one runs; a kept statement's array is checked
  ** again by the next pass, whose argvSeen starts NULL).  The columns
  ** are then found once, in the order the pass query reads them
  ** (ts_hash_pass_first), and read through h->aArg every row. */
  if (argv != h->argvSeen) {
    if (argc != h->nCol + 1 || sqlite3_value_type(argv[0]) != SQLITE_INTEGER ||
        sqlite3_value_int64(argv[0]) != h->token)
      return;
    h->argvSeen = argv;
    int iFirst = h->iFirst;
    for (int i = 0; i < h->nCol; i++)
      h->aArg[i] = argv[i == iFirst ? 1 : i < iFirst ? i + 2 : i + 1];
  }
  if ((h->fast ? ts_hash_add_row_fast(h, h->aArg) : ts_hash_add_row(h, h->aArg)) != GO_ON) {
    /* stop the read: the streaming path answers (an error of this
    ** statement only, never shown) */
    h->stopped = 1;
    sqlite3_result_error(ctx, SCAN_ROW_FN "(): the hash path gives way", -1);
  }
}

static void scan_row_final(sqlite3_context *ctx) {
  ts_hash *h = tl_pass;
  if (h == NULL) return;
  h->finalSeen = 1; /* this function, not an application's, ended a query of h's pass */
  sqlite3_result_int64(ctx, h->token);
}

/* "SELECT tradestat_scan_row(?<n+1>, <list>) FROM <rest>" from the
** unordered source query "SELECT <list> FROM <rest>" (its FROM is the
** first outside quotes), every ? outside quotes numbered ?1, ?2, ... in
** the order SQLite numbers them; *pnParam: how many.  Item iFirst of the
** list is moved to its front (ts_hash_pass_first) when the list is plain
** names (no ? or parenthesis outside quotes), else the list is as it is
** and *piFirst 0.  NULL when it is not of that shape.  Whether SQLite
** read the parameters so is checked on the statement (params_as_built). */
static char *pass_sql(const char *zSql, int *piFirst, int *pnParam) {
  if (sqlite3_strnicmp(zSql, "SELECT ", 7) != 0) return NULL;
  int iFrom = -1, nParam = 0, plain = 1;
  int aComma[TS_MAX_BY + 4], nComma = 0; /* the list's commas outside quotes */
  char quote = 0;
  for (int i = sql_next_unquoted(zSql, 7, &quote); zSql[i];
       i = sql_next_unquoted(zSql, i + 1, &quote)) {
    if (iFrom < 0 && zSql[i] == ' ' && sqlite3_strnicmp(zSql + i, " FROM ", 6) == 0)
      iFrom = i;
    else if (zSql[i] == '?')
      nParam++;
    if (iFrom < 0 && (zSql[i] == '?' || zSql[i] == '(')) plain = 0;
    if (iFrom < 0 && zSql[i] == ',') {
      if (nComma < (int)(sizeof(aComma) / sizeof(aComma[0])))
        aComma[nComma] = i;
      else
        plain = 0;
      nComma++;
    }
  }
  if (iFrom < 0) return NULL;
  int iFirst = *piFirst;
  if (!plain || iFirst <= 0 || iFirst > nComma) iFirst = 0;
  *piFirst = iFirst;
  sqlite3_str *s = sqlite3_str_new(NULL);
  sqlite3_str_appendf(s, "SELECT " SCAN_ROW_FN "(?%d, ", nParam + 1);
  if (iFirst == 0) {
    sqlite3_str_append(s, zSql + 7, iFrom - 7);
  } else {
    /* item k spans (its start, the comma after it or FROM) */
    int a = aComma[iFirst - 1] + 1, b = iFirst < nComma ? aComma[iFirst] : iFrom;
    while (zSql[a] == ' ') a++;
    sqlite3_str_appendf(s, "%.*s, %.*s", b - a, zSql + a, aComma[iFirst - 1] - 7, zSql + 7);
    if (b < iFrom) sqlite3_str_append(s, zSql + b, iFrom - b);
  }
  sqlite3_str_appendall(s, ") FROM ");
  int k = 0, iCopy = iFrom + 6;
  quote = 0;
  for (int i = sql_next_unquoted(zSql, 0, &quote); zSql[i];
       i = sql_next_unquoted(zSql, i + 1, &quote)) {
    if (zSql[i] != '?' || i < iFrom) continue; /* the list's: left as it is, and checked */
    sqlite3_str_append(s, zSql + iCopy, i + 1 - iCopy);
    sqlite3_str_appendf(s, "%d", ++k);
    iCopy = i + 1;
  }
  sqlite3_str_appendall(s, zSql + iCopy);
  *pnParam = nParam;
  return sqlite3_str_finish(s);
}

/* Which column of the pass query SQLite is to read first: the one the
** table stores last in its records.  SQLite decodes a record's header
** only as far as the column asked for, resuming where it stopped on the
** next column, so the source query's order (series columns, then the
** period, then the value: flow, partner, category, period, amount in the
** benchmark's table) decoded it in five steps a row; asked for the last
** one first it decodes it in one, and the other columns find their
** offsets ready (the pass of 240,000 rows: 29 M instructions fewer).
** The table's columns in their declared order (pragma_table_xinfo, in
** which SQLite looks the name up as the source query does); a column of
** the primary key is passed over (an INTEGER PRIMARY KEY is the rowid,
** in no record; a WITHOUT ROWID table stores its key first), and so is a
** virtual generated column (stored nowhere).  Only the order of reading
** changes: a wrong guess (a view, a virtual table) costs what the
** source's order costs.  0 when no column qualifies.  Kept in p. */
int ts_hash_pass_first(sqlite3 *db, const ts_source_spec *spec, ts_probes *p,
                       const char *const *azCol, int nCol) {
  if (p && p->passFirst > 0) return p->passFirst - 1 < nCol ? p->passFirst - 1 : 0;
  int best = 0;
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, "SELECT name, hidden, pk FROM pragma_table_xinfo(?1, ?2)", -1, &stmt,
                         NULL) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 1, spec->zTable, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_bind_text(stmt, 2, spec->zSchema, -1, SQLITE_STATIC) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const char *zName = (const char *)sqlite3_column_text(stmt, 0);
      if (zName == NULL || sqlite3_column_int(stmt, 1) == 2 || sqlite3_column_int(stmt, 2) > 0)
        continue;
      for (int k = 0; k < nCol; k++)
        if (azCol[k] && sqlite3_stricmp(azCol[k], zName) == 0) best = k;
    }
  }
  sqlite3_finalize(stmt);
  if (p) p->passFirst = best + 1;
  return best;
}

/* Whether the pass statement's parameters are ?1 .. ?n+1, n the source
** query's (nOrdered): each source value then lands where ts_source_bind
** puts it, and the token is the last. */
static int params_as_built(sqlite3_stmt *stmt, int nOrdered) {
  if (sqlite3_bind_parameter_count(stmt) != nOrdered + 1) return 0;
  for (int i = 1; i <= nOrdered + 1; i++) {
    const char *z = sqlite3_bind_parameter_name(stmt, i);
    char zWant[16];
    sqlite3_snprintf(sizeof(zWant), zWant, "?%d", i);
    if (z == NULL || strcmp(z, zWant) != 0) return 0;
  }
  return 1;
}

/* The pass query of zSql prepared (as a statement that will be kept), the
** function registered when the connection has none of that name; NULL
** when it cannot be. */
static sqlite3_stmt *prepare_pass(sqlite3 *db, const char *zSql) {
  sqlite3_stmt *stmt = NULL;
  unsigned flags = SQLITE_PREPARE_PERSISTENT;
  if (sqlite3_prepare_v3(db, zSql, -1, flags, &stmt, NULL) != SQLITE_OK) {
    stmt = NULL;
    if (strstr(sqlite3_errmsg(db), "no such function") != NULL &&
        sqlite3_create_function_v2(db, SCAN_ROW_FN, -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, NULL,
                                   scan_row_step, scan_row_final, NULL) == SQLITE_OK &&
        sqlite3_prepare_v3(db, zSql, -1, flags, &stmt, NULL) != SQLITE_OK)
      stmt = NULL;
  }
  return stmt;
}

/* ---- the pass statements a table keeps ------------------------------- */

/* A series table that is the inner loop of a join is filtered once per
** outer row; preparing the pass query each time was a fifth of such a
** join's instructions.  The table keeps its last pass statements in its
** probes (series_hash_plan.h), reset and unbound, beside the answers
** that are dropped when the source's schema moves; they are finalized
** then too (answers_drop), and with the probes when the source changes
** (a table-valued form's arguments) or the table goes.  A pass takes its
** statement out of the keep while it runs, so no other pass -- a nested
** one, through a view whose rows are another series table's, possibly
** of this very table -- can step it meanwhile (it finds none and
** prepares its own), and gives it back only when the keep was not
** emptied meanwhile (the generation it took it under); else it is
** finalized.  A source whose schema cannot be watched keeps nothing. */

/* The statement of pass text zSql out of p's keep, or NULL. */
static sqlite3_stmt *keep_take(ts_probes *p, const char *zSql) {
  for (int i = 0; p && i < TS_PASS_KEPT; i++) {
    sqlite3_stmt *stmt = p->apPass[i];
    if (stmt == NULL || sqlite3_stmt_busy(stmt) || strcmp(sqlite3_sql(stmt), zSql) != 0) continue;
    for (; i + 1 < TS_PASS_KEPT; i++) p->apPass[i] = p->apPass[i + 1];
    p->apPass[TS_PASS_KEPT - 1] = NULL;
    return stmt;
  }
  return NULL;
}

sqlite3_stmt *ts_hash_pass_take(sqlite3 *db, ts_probes *p, const char *zUnordered, int nOrdered,
                                int *piFirst, unsigned *pGen) {
  int nParam = 0;
  char *zSql = pass_sql(zUnordered, piFirst, &nParam);
  if (zSql == NULL || nParam != nOrdered) {
    sqlite3_free(zSql);
    return NULL;
  }
  *pGen = p ? p->passGen : 0;
  sqlite3_stmt *stmt = keep_take(p, zSql);
  if (stmt == NULL) stmt = prepare_pass(db, zSql);
  sqlite3_free(zSql);
  if (stmt && !params_as_built(stmt, nOrdered)) {
    sqlite3_finalize(stmt);
    stmt = NULL;
  }
  return stmt;
}

void ts_hash_pass_give_back(ts_probes *p, unsigned gen, sqlite3_stmt *stmt, int keep) {
  if (stmt == NULL) return;
  if (!keep || p == NULL || gen != p->passGen) {
    sqlite3_finalize(stmt);
    return;
  }
  /* Reset ends its read (no lock is held between queries); the bindings
  ** are dropped so that a kept statement holds no copy of a filter's
  ** values, nor the last pass's token. */
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  sqlite3_finalize(p->apPass[TS_PASS_KEPT - 1]);
  memmove(&p->apPass[1], &p->apPass[0], sizeof(p->apPass[0]) * (TS_PASS_KEPT - 1));
  p->apPass[0] = stmt;
}

/* Reads every row into h through the pass query: SQLITE_DONE (*pGiveUp
** set when the hash path gives way), or the source's error. */
int ts_hash_run_pass(ts_hash *h, sqlite3_stmt *pass, int *pGiveUp) {
  ts_hash *outer = tl_pass;
  tl_pass = h;
  h->finalSeen = 0;
  int rc = sqlite3_step(pass);
  tl_pass = outer;
  if (rc == SQLITE_ROW) {
    if (!h->finalSeen || sqlite3_column_type(pass, 0) != SQLITE_INTEGER ||
        sqlite3_column_int64(pass, 0) != h->token)
      *pGiveUp = 1; /* another function: the streaming path answers */
    return SQLITE_DONE;
  }
  if (h->stopped) {
    *pGiveUp = 1;
    return SQLITE_DONE;
  }
  return rc == SQLITE_DONE ? SQLITE_ERROR : rc;
}

/* The same, stepping the unordered source query. */
int ts_hash_step_rows(ts_hash *h, sqlite3_stmt *stmt, int *pGiveUp) {
  sqlite3_value *aCol[TS_MAX_BY + 4];
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (int i = 0; i < h->nCol; i++) aCol[i] = sqlite3_column_value(stmt, i);
    if (ts_hash_add_row(h, aCol) != GO_ON) {
      *pGiveUp = 1;
      return SQLITE_DONE;
    }
  }
  return rc;
}
