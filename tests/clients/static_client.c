/*
** static_client.c -- a C program with tradestat linked in statically
** (build/libtradestat.a, compiled with -DSQLITE_CORE) against the system
** SQLite, registered for every connection with sqlite3_auto_extension.
** Exit status: the number of failed checks (0: all passed).
*/
#include <tradestat.h>

#include "client_check.h"

int main(void) {
  int rc = sqlite3_auto_extension((void (*)(void))sqlite3_tradestat_init);
  if (rc != SQLITE_OK) {
    printf("static client: sqlite3_auto_extension failed: %s\n", sqlite3_errstr(rc));
    return 1;
  }
  sqlite3 *db = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    printf("static client: cannot open a database: %s\n", sqlite3_errmsg(db));
    sqlite3_close(db);
    return 1;
  }
  int failed = client_run_checks(db, "static client");
  if (!client_has(db, "tradestat_version")) {
    printf("static client: FAIL the extension was not registered\n");
    failed++;
  }
  sqlite3_close(db);
  sqlite3_reset_auto_extension();
  return failed ? 1 : 0;
}
