/*
** oom_connect.c -- out-of-memory injection over the paths a table takes
** when it is connected rather than created: kosis_csv reading its shadow
** table in xConnect and its file at the first query, a broken kosis_csv or
** series table answering a query and being dropped.
**
** Contract:
**  1. A database file (build/trust/oom_connect.PID.db) is written once without
**     faults: a kosis_csv table on the fixture CSV, one whose shadow table
**     was removed, a yoy_growth table on a source, one whose source was
**     dropped, and a yoy_growth and a kosis_csv table whose stored
**     arguments no CREATE accepts.
**  2. Each query runs on a fresh connection that ATTACHes that file (so
**     every table is connected, never created), with the N-th allocation
**     failing (one-shot, then persistent), for N = 1, 2, ... until a run
**     completes without reaching its fault.  The run must end in
**     SQLITE_NOMEM or exactly the result of an uninjected run, and
**     sqlite3_memory_used() must be back at its baseline after close.
**     DROPs run inside a transaction that is rolled back, so the file
**     stays as written.
**  3. Prints the fault points exercised; exit status 1 on any failure.
*/
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One file per process, so two builds' runs (plain, ASan) never share it. */
static char db_file[64];

static int write_database(void) {
  sqlite3 *db = NULL;
  remove(db_file);
  int rc = sqlite3_open(db_file, &db);
  if (rc == SQLITE_OK) rc = sqlite3_tradestat_init(db, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db,
                      "CREATE VIRTUAL TABLE k USING kosis_csv(file='" TH_CSV_PATH
                      "');"
                      "CREATE VIRTUAL TABLE kb USING kosis_csv(file='" TH_CSV_PATH
                      "');"
                      "DROP TABLE kb_kosis;"
                      "CREATE TABLE src(period TEXT, partner TEXT, amount);"
                      "INSERT INTO src VALUES ('2022-Q1', 'A', 10), ('2023-Q1', 'A', 12),"
                      " ('2022-Q1', 'B', 3), ('2023-Q1', 'B', 4);"
                      "CREATE TABLE gone(period TEXT, amount);"
                      "CREATE VIRTUAL TABLE g USING yoy_growth(source=src, value=amount,"
                      " period=period, by=partner);"
                      "CREATE VIRTUAL TABLE g2 USING yoy_growth(source=gone, value=amount,"
                      " period=period);"
                      "DROP TABLE gone;"
                      "PRAGMA writable_schema = ON;"
                      "INSERT INTO sqlite_schema VALUES ('table', 'gbad', 'gbad', 0,"
                      " 'CREATE VIRTUAL TABLE gbad USING yoy_growth(source=src, colour=red)');"
                      "INSERT INTO sqlite_schema VALUES ('table', 'kbad', 'kbad', 0,"
                      " 'CREATE VIRTUAL TABLE kbad USING kosis_csv(path=''x.csv'')');"
                      "PRAGMA writable_schema = OFF;",
                      NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    fprintf(stderr, "oom_connect: cannot write %s: %s\n", db_file, sqlite3_errmsg(db));
  sqlite3_close(db);
  return rc;
}

/* The attached file every query reads (setup, without faults). */
static char zAttach[128];

static long total_points;

static int sweep(const char *zSql, const th_fault_run *ref, sqlite3_int64 baseline,
                 int persistent) {
  int failures = 0;
  for (long at = 1; at < 200000; at++) {
    th_fault_run r;
    if (th_fault_run_once("oom_connect", zAttach, zSql, at, persistent, &r)) return failures + 1;
    int ok = 1;
    sqlite3_int64 used = sqlite3_memory_used();
    if (used != baseline) {
      fprintf(stderr, "oom_connect: LEAK at %s fault %ld: %lld bytes (%s)\n",
              persistent ? "persistent" : "one-shot", at, (long long)(used - baseline), zSql);
      baseline = used;
      ok = 0;
    }
    if (!th_fault_is_nomem(&r) && !th_fault_same(&r, ref)) {
      fprintf(stderr,
              "oom_connect: WRONG RESULT at %s fault %ld (%s)\n  got: %.400s\n"
              "  expected: %.400s\n",
              persistent ? "persistent" : "one-shot", at, zSql, th_str_text(&r.out),
              th_str_text(&ref->out));
      ok = 0;
    }
    long nfail = r.nfail;
    th_str_free(&r.out);
    if (!ok && ++failures >= 3) return failures;
    if (nfail == 0) break;
    total_points++;
  }
  return failures;
}

int main(void) {
  static const char *const queries[] = {
      "SELECT count(*), sum(value), min(period) FROM f.k;",
      "SELECT * FROM f.kb;",
      "SELECT * FROM f.g;",
      "SELECT * FROM f.g2;",
      "SELECT * FROM f.gbad;",
      "SELECT * FROM f.kbad;",
      "BEGIN; DROP TABLE f.k; DROP TABLE f.kb; DROP TABLE f.g2; DROP TABLE f.gbad;"
      " DROP TABLE f.kbad; ROLLBACK;",
  };
  if (th_fault_install() != SQLITE_OK) return 2;
  if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1) != SQLITE_OK) return 2;
  if (sqlite3_initialize() != SQLITE_OK) return 2;
  mkdir("build/trust", 0777);
  snprintf(db_file, sizeof(db_file), "build/trust/oom_connect.%ld.db", (long)getpid());
  snprintf(zAttach, sizeof(zAttach), "ATTACH '%s' AS f;", db_file);
  if (th_write_fixture_files() || write_database() != SQLITE_OK) return 2;
  sqlite3_auto_extension((void (*)(void))sqlite3_tradestat_init);
  int failures = 0;
  for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
    th_fault_run ref;
    if (th_fault_run_once("oom_connect", zAttach, queries[i], 0, 0, &ref)) return 1;
    th_str_free(&ref.out);
    sqlite3_int64 baseline = sqlite3_memory_used();
    if (th_fault_run_once("oom_connect", zAttach, queries[i], 0, 0, &ref)) return 1;
    long before = total_points;
    int f = sweep(queries[i], &ref, baseline, 0);
    f += sweep(queries[i], &ref, baseline, 1);
    printf("oom_connect: %-50.50s %5ld fault points%s\n", queries[i], total_points - before,
           f ? "  FAILED" : "");
    th_str_free(&ref.out);
    failures += f;
  }
  remove(db_file);
  printf("oom_connect: %ld fault points, %d failures\n", total_points, failures);
  return failures || total_points == 0 ? 1 : 0;
}
