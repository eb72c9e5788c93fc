/*
** sqlite_worker.c -- tradestat's side of the peer comparison, driven
** query by query over a pipe by rounds.py.
**
**   build/bench/peers-sqlite DB
**
** Contract:
**  1. Linked with build/libtradestat.a, tests/bench/tasks.c and the
**     system SQLite, like run.c: one connection, SQLite's default
**     settings, the extension registered on it, tasks.c's setup
**     statements run once at start.  Prints one line
**     "ready<TAB>SQLite <version>" when it is ready.
**  2. Then reads one query id of tasks.c per line on standard input (the
**     tradestat tasks, and scan_dt / scan_txn, SQLite's full-scan floor)
**     and answers each with one line: id, wall seconds, CPU seconds
**     (getrusage, user + system), peak resident KiB, then the result
**     columns ("NULL" or %.17g), tab-separated -- run.c's --tsv format.
**     The timed part is prepare, step and finalize of the query, as in
**     run.c.  $P and $Y in a query are replaced as run.c does.
**  3. An unknown id or a failing query is answered "error<TAB>why"; the
**     worker stays up.  End of input ends it.
**  Between two ids it waits on its input, so the other contenders' times
**  are taken with this process idle.
*/
#include "../tasks.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
         ru.ru_stime.tv_usec * 1e-6;
}

/* zSql with "$P" and "$Y" replaced (malloc'ed), as run.c replaces them:
** gen.c's months start at 2000-01. */
static char *substitute(sqlite3 *db, const char *zSql) {
  char zYear[16];
  const char *zPartner = bench_substitutes(db, zYear, (int)sizeof(zYear));
  size_t n = strlen(zSql);
  char *out = malloc(n * 16 + 1), *o = out;
  if (out == NULL) return NULL;
  for (const char *z = zSql; *z; z++) {
    if (z[0] == '$' && (z[1] == 'P' || z[1] == 'Y')) {
      const char *zWith = z[1] == 'P' ? zPartner : zYear;
      o += sprintf(o, "%s", zWith);
      z++;
    } else {
      *o++ = *z;
    }
  }
  *o = 0;
  return out;
}

/* Runs zSql, prints its answer line for zId.  Returns 0 or 1 (error). */
static int answer(sqlite3 *db, const char *zId, const char *zSql) {
  int isNull[BENCH_MAX_COLS], nCol = 0;
  double value[BENCH_MAX_COLS];
  double t0 = now_seconds(), c0 = cpu_seconds();
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  if (rc == SQLITE_OK) {
    nCol = sqlite3_column_count(stmt);
    if (nCol > BENCH_MAX_COLS) nCol = BENCH_MAX_COLS;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < nCol; i++) {
        sqlite3_value *v = sqlite3_column_value(stmt, i);
        int type = sqlite3_value_type(v);
        isNull[i] = type == SQLITE_NULL;
        value[i] = type == SQLITE_INTEGER || type == SQLITE_FLOAT ? sqlite3_value_double(v) : 0;
      }
    }
  }
  if (rc != SQLITE_DONE && rc != SQLITE_OK) {
    printf("error\t%s: %s\n", zId, sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return 1;
  }
  sqlite3_finalize(stmt);
  double wall = now_seconds() - t0, cpu = cpu_seconds() - c0;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("%s\t%.6f\t%.6f\t%ld", zId, wall, cpu, ru.ru_maxrss);
  for (int i = 0; i < nCol; i++) {
    if (isNull[i])
      printf("\tNULL");
    else
      printf("\t%.17g", value[i]);
  }
  printf("\n");
  return 0;
}

static const bench_query *find_query(const char *zId) {
  for (int i = 0; i < bench_query_count; i++)
    if (strcmp(bench_queries[i].zId, zId) == 0) return &bench_queries[i];
  return NULL;
}

static sqlite3 *open_bench(const char *zPath) {
  sqlite3 *db = NULL;
  char *zErr = NULL;
  if (sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_tradestat_init(db, &zErr, NULL) != SQLITE_OK) {
    fprintf(stderr, "peers-sqlite: cannot open %s: %s\n", zPath,
            zErr ? zErr
            : db ? sqlite3_errmsg(db)
                 : "out of memory");
    sqlite3_free(zErr);
    sqlite3_close(db);
    return NULL;
  }
  for (int i = 0; i < bench_setup_count; i++) sqlite3_exec(db, bench_setup[i], NULL, NULL, NULL);
  return db;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: peers-sqlite DB  (then query ids on standard input)\n");
    return 2;
  }
  sqlite3 *db = open_bench(argv[1]);
  if (db == NULL) return 1;
  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("ready\tSQLite %s\n", sqlite3_libversion());
  char line[256];
  while (fgets(line, sizeof(line), stdin)) {
    line[strcspn(line, "\r\n")] = 0;
    const bench_query *q = find_query(line);
    char *zSql = q ? substitute(db, q->zSql) : NULL;
    if (q == NULL)
      printf("error\tunknown query id '%s'\n", line);
    else if (zSql == NULL)
      printf("error\t%s: out of memory\n", line);
    else
      answer(db, line, zSql);
    free(zSql);
  }
  sqlite3_close(db);
  return 0;
}
