/*
** load_client.c -- loads build/tradestat at run time with a NULL entry
** point, as rqlite and other hosts do: SQLite derives the entry point
** sqlite3_tradestat_init from the file name.
** Exit status: 0 when every check passed.
*/
#include "client_check.h"

int main(int argc, char **argv) {
  const char *zPath = argc > 1 ? argv[1] : "build/tradestat";
  sqlite3 *db = NULL;
  char *zErr = NULL;
  int failed = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    printf("load client: cannot open a database\n");
    return 1;
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (sqlite3_load_extension(db, zPath, 0, &zErr) != SQLITE_OK) {
    printf("load client: FAIL sqlite3_load_extension(db, \"%s\", 0): %s\n", zPath,
           zErr ? zErr : "?");
    sqlite3_free(zErr);
    sqlite3_close(db);
    return 1;
  }
  printf("load client: loaded %s with a NULL entry point\n", zPath);
  failed += client_run_checks(db, "load client");
  sqlite3_close(db);
  return failed ? 1 : 0;
}
