/*
** fuzz_sql.c -- libFuzzer harness running fuzz-generated SQL over the
** extension.
**
** Contract:
**  1. Each input runs on a fresh in-memory connection holding the fixture
**     tables of harness.c, with SQLITE_DBCONFIG_DEFENSIVE on,
**     SQLITE_LIMIT_LENGTH at 100,000 bytes, no ATTACH (limit 0 and an
**     authorizer), and a progress handler that stops a statement after
**     ~1M VDBE steps, so hangs and huge allocations are not findings.
**  2. The input is one SQL text (NUL-terminated copy); every statement in
**     it runs to completion or error.  Only crashes, sanitizer reports and
**     leaks are findings.
*/
#include "harness.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int progress(void *p) {
  int *steps = p;
  return ++*steps > 10000; /* called every 100 instructions */
}

static int authorize(void *p, int op, const char *a, const char *b, const char *c, const char *d) {
  (void)p, (void)a, (void)b, (void)c, (void)d;
  return (op == SQLITE_ATTACH || op == SQLITE_DETACH) ? SQLITE_DENY : SQLITE_OK;
}

static int init_done;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 20000) return 0;
  if (!init_done) {
    th_write_fixture_files();
    init_done = 1;
  }
  char *zSql = malloc(size + 1);
  if (zSql == NULL) return 0;
  memcpy(zSql, data, size);
  zSql[size] = 0;
  sqlite3 *db = NULL;
  if (th_open(NULL, 0, &db) != SQLITE_OK) {
    free(zSql);
    return 0;
  }
  int steps = 0;
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 100000);
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_set_authorizer(db, authorize, NULL);
  sqlite3_progress_handler(db, 100, progress, &steps);
  const char *zTail = zSql;
  while (zTail && *zTail) {
    sqlite3_stmt *st = NULL;
    steps = 0;
    if (sqlite3_prepare_v2(db, zTail, -1, &st, &zTail) != SQLITE_OK) break;
    if (st == NULL) continue;
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); i++) sqlite3_column_text(st, i);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  free(zSql);
  return 0;
}
