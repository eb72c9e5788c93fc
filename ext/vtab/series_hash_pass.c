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
**   SELECT tradestat_scan_row(<token>, <columns>)
**   FROM <the source query's FROM and WHERE>
**
** which reads the same values, as arguments, in one sqlite3_step.  The
** function is registered on the connection the first time a pass needs
** it (DIRECTONLY: no view or trigger can call it); outside a pass, or
** with another token, it does nothing.  The pass it feeds is the calling
** thread's (passes nest: a source that is a view over another series
** table runs that table's whole pass before this one's first row).  Its
** result is the pass's random token, which a function of the
** application's of that name could not give: otherwise the rows are
** stepped out as before. */
#define SCAN_ROW_FN "tradestat_scan_row"

static _Thread_local ts_hash *tl_pass;

static void scan_row_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ts_hash *h = tl_pass;
  if (h == NULL || argc != h->nCol + 1 || h->stopped) return;
  /* The token is a constant of the pass query, held in one register of
  ** it for the whole pass: once that register has shown the token, the
  ** same register is the pass query's own call (another statement's
  ** registers are other memory while this one runs). */
  if (argv[0] != h->tokenArg) {
    if (sqlite3_value_int64(argv[0]) != h->token) return;
    h->tokenArg = argv[0];
  }
  if (ts_hash_add_row(h, argv + 1) != GO_ON) {
    /* stop the read: the streaming path answers (an error of this
    ** statement only, never shown) */
    h->stopped = 1;
    sqlite3_result_error(ctx, SCAN_ROW_FN "(): the hash path gives way", -1);
  }
}

static void scan_row_final(sqlite3_context *ctx) {
  if (tl_pass) sqlite3_result_int64(ctx, tl_pass->token); /* it was this function */
}

/* "SELECT tradestat_scan_row(token, <list>) FROM <rest>"
** from the unordered source query "SELECT <list> FROM <rest>" (its FROM
** is the first outside quotes); NULL when it is not of that shape. */
static char *pass_sql(const char *zSql, sqlite3_int64 token) {
  if (sqlite3_strnicmp(zSql, "SELECT ", 7) != 0) return NULL;
  char quote = 0;
  for (int i = 7; zSql[i]; i++) {
    char c = zSql[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'' || c == '`' || c == '[') {
      quote = c == '[' ? ']' : c;
    } else if (c == ' ' && sqlite3_strnicmp(zSql + i, " FROM ", 6) == 0) {
      return sqlite3_mprintf("SELECT " SCAN_ROW_FN "(%lld, %.*s) FROM %s", token, i - 7, zSql + 7,
                             zSql + i + 6);
    }
  }
  return NULL;
}

/* The pass query prepared, the function registered when the connection
** has none of that name; NULL when it cannot be (then rows are stepped). */
sqlite3_stmt *ts_hash_prepare_pass(sqlite3 *db, const char *zUnordered, sqlite3_int64 token) {
  char *zSql = pass_sql(zUnordered, token);
  sqlite3_stmt *stmt = NULL;
  if (zSql && sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) != SQLITE_OK) {
    stmt = NULL;
    if (strstr(sqlite3_errmsg(db), "no such function") != NULL &&
        sqlite3_create_function_v2(db, SCAN_ROW_FN, -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, NULL,
                                   scan_row_step, scan_row_final, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) != SQLITE_OK)
      stmt = NULL;
  }
  sqlite3_free(zSql);
  return stmt;
}

/* Reads every row into h through the pass query: SQLITE_DONE (*pGiveUp
** set when the hash path gives way), or the source's error. */
int ts_hash_run_pass(ts_hash *h, sqlite3_stmt *pass, int *pGiveUp) {
  ts_hash *outer = tl_pass;
  tl_pass = h;
  int rc = sqlite3_step(pass);
  tl_pass = outer;
  if (rc == SQLITE_ROW) {
    if (sqlite3_column_int64(pass, 0) != h->token) *pGiveUp = 1; /* another function */
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
