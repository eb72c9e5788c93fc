/*
** kosis/kosis_shadow.c -- the shadow table "<table>_kosis" of a kosis_csv
** table (kosis_shadow.h): CREATE writes the file's absolute path and the
** dimension column names to it (kosis_csv.c contract items 2 and 3), and
** every later connect reads them back from it instead of from the file
** (item 4).  Dropping and renaming it with the table are the module's
** xDestroy and xRename (kosis_csv.c).
*/
#include "kosis/kosis_shadow.h"

/* Writes the file's path and dimension names to "<table>_kosis". */
int ts_kosis_shadow_write(sqlite3 *db, const char *zSchema, const char *zName, const char *zPath,
                          int nDim, const char *const *azDimName, char **pzErr) {
  char *zSql = sqlite3_mprintf("CREATE TABLE \"%w\".\"%w_" TS_KOSIS_SHADOW
                               "\"(position INTEGER"
                               " PRIMARY KEY, kind TEXT NOT NULL, text TEXT NOT NULL)",
                               zSchema, zName);
  if (zSql == NULL) return SQLITE_NOMEM;
  char *zWhy = NULL;
  int rc = sqlite3_exec(db, zSql, NULL, NULL, &zWhy);
  sqlite3_free(zSql);
  sqlite3_stmt *stmt = NULL;
  if (rc == SQLITE_OK) {
    zSql = sqlite3_mprintf("INSERT INTO \"%w\".\"%w_" TS_KOSIS_SHADOW "\" VALUES (?, ?, ?)",
                           zSchema, zName);
    rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) : SQLITE_NOMEM;
    sqlite3_free(zSql);
  }
  for (int i = -1; rc == SQLITE_OK && i < nDim; i++) {
    sqlite3_bind_int(stmt, 1, i + 1);
    sqlite3_bind_text(stmt, 2, i < 0 ? "file" : "column", -1, SQLITE_STATIC);
    rc = sqlite3_bind_text(stmt, 3, i < 0 ? zPath : azDimName[i], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(stmt);
  }
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM) {
    *pzErr = sqlite3_mprintf(
        "kosis_csv: cannot create the table's shadow table \"%w_" TS_KOSIS_SHADOW "\": %s", zName,
        zWhy ? zWhy : sqlite3_errmsg(db));
    if (*pzErr == NULL) rc = SQLITE_NOMEM;
  }
  sqlite3_finalize(stmt);
  sqlite3_free(zWhy);
  return rc;
}

/* Reads "<table>_kosis" into *pzPath (NULL on entry), *pnDim and *pazDim
** (one allocation).  SQLITE_NOMEM, or SQLITE_OK with *pzBroken set (a
** sqlite3_malloc'ed reason) when it is missing or unusable: only an
** ordinary table (not a view or virtual table, which could run anything)
** is read, and at most as many columns as a table can have. */
int ts_kosis_shadow_read(sqlite3 *db, const char *zSchema, const char *zName, char **pzPath,
                         int *pnDim, char ***pazDim, char **pzBroken) {
  int limit = sqlite3_limit(db, SQLITE_LIMIT_COLUMN, -1) - 4;
  char *zSql = sqlite3_mprintf(
      "SELECT count(*) FROM \"%w\".sqlite_master WHERE type = 'table'"
      " AND rootpage > 0 AND name = '%q_" TS_KOSIS_SHADOW "'",
      zSchema, zName);
  sqlite3_stmt *stmt = NULL;
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  int found =
      rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 1;
  if (rc == SQLITE_OK) rc = sqlite3_finalize(stmt);
  stmt = NULL;
  if (rc == SQLITE_OK && found) {
    zSql = sqlite3_mprintf("SELECT kind, text FROM \"%w\".\"%w_" TS_KOSIS_SHADOW
                           "\" ORDER BY"
                           " position LIMIT %d",
                           zSchema, zName, limit + 2);
    rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL) : SQLITE_NOMEM;
    sqlite3_free(zSql);
  }
  /* Why an existing shadow table could not be read (an authorizer that
  ** denies it): said as SQLite says it, not as a damaged table. */
  char *zWhy = NULL;
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM) zWhy = sqlite3_mprintf("%s", sqlite3_errmsg(db));
  sqlite3_str *names = sqlite3_str_new(db);
  int nDim = 0, ok = found && rc == SQLITE_OK;
  while (ok && rc == SQLITE_OK) {
    int step = sqlite3_step(stmt);
    if (step == SQLITE_DONE) break;
    if (step != SQLITE_ROW) {
      if (step != SQLITE_NOMEM && zWhy == NULL) zWhy = sqlite3_mprintf("%s", sqlite3_errmsg(db));
      rc = step == SQLITE_NOMEM ? step : SQLITE_OK;
      ok = 0;
      break;
    }
    const char *zKind = (const char *)sqlite3_column_text(stmt, 0);
    const char *zText = (const char *)sqlite3_column_text(stmt, 1);
    if ((zKind == NULL && sqlite3_column_type(stmt, 0) != SQLITE_NULL) ||
        (zText == NULL && sqlite3_column_type(stmt, 1) != SQLITE_NULL)) {
      rc = SQLITE_NOMEM;
    } else if (zKind == NULL || zText == NULL) {
      ok = 0;
    } else if (strcmp(zKind, "file") == 0 && *pzPath == NULL) {
      *pzPath = sqlite3_mprintf("%s", zText);
      if (*pzPath == NULL) rc = SQLITE_NOMEM;
    } else if (strcmp(zKind, "column") == 0 && nDim < limit && *pzPath != NULL) {
      sqlite3_str_appendall(names, zText);
      sqlite3_str_appendchar(names, 1, 0);
      nDim++;
    } else {
      ok = 0;
    }
  }
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM) rc = SQLITE_OK, ok = 0;
  sqlite3_finalize(stmt);
  int nNames = sqlite3_str_length(names);
  if (rc == SQLITE_OK && sqlite3_str_errcode(names) != SQLITE_OK) rc = SQLITE_NOMEM;
  char *zNames = sqlite3_str_finish(names);
  if (rc == SQLITE_OK && nNames > 0 && zNames == NULL) rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK && ok && *pzPath) {
    *pazDim = sqlite3_malloc64(sizeof(char *) * (size_t)(nDim + 1) + (size_t)nNames + 1);
    if (*pazDim == NULL) {
      rc = SQLITE_NOMEM;
    } else {
      char *z = (char *)(*pazDim + nDim + 1);
      if (nNames) memcpy(z, zNames, (size_t)nNames);
      z[nNames] = 0;
      for (int d = 0; d < nDim; d++) {
        (*pazDim)[d] = z;
        z += strlen(z) + 1;
      }
      *pnDim = nDim;
    }
  } else if (rc == SQLITE_OK && zWhy) {
    *pzBroken = sqlite3_mprintf("its shadow table \"%w_" TS_KOSIS_SHADOW
                                "\", which holds the file's path and columns, cannot be read: %s",
                                zName, zWhy);
    if (*pzBroken == NULL) rc = SQLITE_NOMEM;
  } else if (rc == SQLITE_OK) {
    *pzBroken = sqlite3_mprintf("its shadow table \"%w_" TS_KOSIS_SHADOW
                                "\", which holds the"
                                " file's path and columns, is missing or damaged",
                                zName);
    if (*pzBroken == NULL) rc = SQLITE_NOMEM;
  }
  sqlite3_free(zWhy);
  sqlite3_free(zNames);
  return rc;
}
