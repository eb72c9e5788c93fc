/*
** run.c -- times tradestat against plain SQL on one database.
**
**   build/bench/run DB [--repeat N] [--no-memory]
**   build/bench/run DB --only ID[,ID...]    (some queries: profiling, curve)
**   build/bench/run DB ... --tsv FILE       (every timed query's results)
**   build/bench/run DB --memory-probe      (used by run itself)
**
** Contract:
**  1. Linked with build/libtradestat.a and the system SQLite; the
**     extension is registered on the one connection every query uses, so
**     both sides of a pair run in the same process on the same database
**     with the same settings (SQLite's defaults: an analyst's shell).
**  2. Each query (tasks.c) is run N times (default 3) after the setup
**     statements (and, once, the lazy setup of bench_lazy that names it:
**     the covering-index copy); the median wall time is reported.  A
**     query's rows are read column by column as values (numbers converted,
**     text not), so a query of many rows (SQLite's own index walks) costs
**     what reading its rows costs a caller.  Queries whose module
**     or function this build lacks are reported as "n/a", not timed.
**  3. For each pair: both medians, ratio = numerator / denominator, the
**     target and whether it is met.  must_agree pairs compare the result
**     rows (count, non-NULL count, sums) and the run FAILS (exit 1) when
**     they differ beyond rounding: a fast wrong answer is no result.
**  4. Memory: a fresh process (this program, --memory-probe) opens the
**     database, notes its resident memory (VmRSS), runs the 10 M-row
**     grain=month virtual-table query, and reports its peak (VmHWM); the
**     difference is the query's cost in memory.  The target is 64 MiB.
**  5. Prints the SQLite version and the CPU, so a table is never read
**     without its machine.  Missed targets do not fail the run: they are
**     measurements, reported as such.
**  6. --tsv FILE writes one line per timed query: id, median seconds
**     (wall), median CPU seconds (user + system: less disturbed than wall
**     time on a shared machine), the process's peak resident KiB so far,
**     then the result columns
**     ("NULL" or %.17g), tab-separated.  tests/bench/peers/report.py
**     compares DuckDB's and pandas' results and times with these.
*/
#include "tasks.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);
/* vtab/series_source.h: streaming reads that walked an index lacking the
** value column, and how many of them were switched to a sort. */
void ts_scan_order_counts(sqlite3_int64 aOut[2]);

typedef struct query_result {
  int timed;     /* 0: not run (n/a) */
  double median; /* seconds, wall clock */
  double cpu;    /* seconds of CPU (user + system), median */
  int nCol;
  int isNull[BENCH_MAX_COLS];
  double value[BENCH_MAX_COLS];
} query_result;

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static char zLatestYear[16] = "0"; /* $Y */

/* zSql with every "$P" replaced by zPartner, "$Y" by the latest year
** (malloc'ed). */
static char *with_partner(const char *zSql, const char *zPartner) {
  size_t n = strlen(zSql), np = strlen(zPartner), ny = strlen(zLatestYear);
  size_t grow = np > ny ? np : ny;
  char *out = malloc(n * (grow + 1) + 1), *o = out;
  if (out == NULL) return NULL;
  for (const char *z = zSql; *z; z++) {
    if (z[0] == '$' && (z[1] == 'P' || z[1] == 'Y')) {
      const char *zWith = z[1] == 'P' ? zPartner : zLatestYear;
      size_t nw = strlen(zWith);
      memcpy(o, zWith, nw);
      o += nw;
      z++;
    } else {
      *o++ = *z;
    }
  }
  *o = 0;
  return out;
}

/* Runs a one-row query; fills r's columns.  Returns 0 or prints why not. */
static int run_once(sqlite3 *db, const char *zSql, query_result *r) {
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, NULL);
  if (rc == SQLITE_OK) {
    r->nCol = sqlite3_column_count(stmt);
    if (r->nCol > BENCH_MAX_COLS) r->nCol = BENCH_MAX_COLS;
    /* Each column is read once, as a value, and converted only when it
    ** is a number: a query of many rows (the index walks) then costs
    ** what reading its rows costs a caller, as it costs the scan. */
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < r->nCol; i++) {
        sqlite3_value *v = sqlite3_column_value(stmt, i);
        int type = sqlite3_value_type(v);
        r->isNull[i] = type == SQLITE_NULL;
        r->value[i] = type == SQLITE_INTEGER || type == SQLITE_FLOAT ? sqlite3_value_double(v) : 0;
      }
    }
  }
  if (rc != SQLITE_DONE && rc != SQLITE_OK) {
    fprintf(stderr, "bench: %s\n  in: %s\n", sqlite3_errmsg(db), zSql);
    sqlite3_finalize(stmt);
    return 1;
  }
  sqlite3_finalize(stmt);
  return 0;
}

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
         ru.ru_stime.tv_usec * 1e-6;
}

static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int available(sqlite3 *db, const char *zName) {
  if (zName == NULL) return 1;
  sqlite3_stmt *stmt = NULL;
  int found = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT 1 FROM pragma_function_list WHERE name = ?1 "
                         "UNION ALL SELECT 1 FROM pragma_module_list WHERE name = ?1",
                         -1, &stmt, NULL) == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, zName, -1, SQLITE_STATIC);
    found = sqlite3_step(stmt) == SQLITE_ROW;
  }
  sqlite3_finalize(stmt);
  return found;
}

/* Out of line, so `valgrind --tool=callgrind --toggle-collect=time_query`
** counts the timed queries' instructions alone (not the setup). */
__attribute__((noinline)) static int time_query(sqlite3 *db, const bench_query *q,
                                                const char *zPartner, int repeat, query_result *r) {
  double times[64], cpu[64];
  sqlite3_int64 order0[2], order1[2];
  ts_scan_order_counts(order0);
  char *zSql = with_partner(q->zSql, zPartner);
  if (zSql == NULL) return 1;
  if (repeat > 64) repeat = 64;
  for (int k = 0; k < repeat; k++) {
    double t0 = now_seconds(), c0 = cpu_seconds();
    if (run_once(db, zSql, r)) {
      free(zSql);
      return 1;
    }
    times[k] = now_seconds() - t0;
    cpu[k] = cpu_seconds() - c0;
  }
  free(zSql);
  qsort(times, (size_t)repeat, sizeof(double), compare_double);
  qsort(cpu, (size_t)repeat, sizeof(double), compare_double);
  r->median = repeat % 2 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;
  r->cpu = repeat % 2 ? cpu[repeat / 2] : (cpu[repeat / 2 - 1] + cpu[repeat / 2]) / 2;
  r->timed = 1;
  fprintf(stderr, "  %-34s %8.3f s\n", q->zLabel, r->median);
  ts_scan_order_counts(order1);
  if (order1[0] > order0[0])
    fprintf(stderr, "    (index walks watched: %lld, switched to a sort: %lld)\n",
            order1[0] - order0[0], order1[1] - order0[1]);
  return 0;
}

static int listed(const char *zList, const char *zId);

/* Runs the lazy setup statements zId needs, each once per process. */
static int run_setup(sqlite3 *db, const char *zId) {
  static char aDone[16];
  for (int k = 0; k < bench_lazy_count && k < 16; k++) {
    if (aDone[k] || !listed(bench_lazy[k].zIds, zId)) continue;
    char *zErr = NULL;
    if (sqlite3_exec(db, bench_lazy[k].zSql, NULL, NULL, &zErr) != SQLITE_OK) {
      fprintf(stderr, "bench: setup failed: %s\n  in: %s\n", zErr ? zErr : "?", bench_lazy[k].zSql);
      sqlite3_free(zErr);
      return 1;
    }
    aDone[k] = 1;
  }
  return 0;
}

static int query_index(const char *zId) {
  for (int i = 0; i < bench_query_count; i++)
    if (strcmp(bench_queries[i].zId, zId) == 0) return i;
  return -1;
}

/* Equal up to rounding: sums of many growth rates are compared with a
** tolerance scaled by how many there were. */
static int results_agree(const query_result *a, const query_result *b) {
  if (a->nCol != b->nCol) return 0;
  double n = a->nCol > 1 ? fmax(1.0, a->value[1]) : 1.0;
  for (int i = 0; i < a->nCol; i++) {
    if (a->isNull[i] != b->isNull[i]) return 0;
    if (a->isNull[i]) continue;
    double diff = fabs(a->value[i] - b->value[i]);
    if (diff > 1e-9 * fmax(fabs(a->value[i]), fabs(b->value[i])) + 1e-9 * n) return 0;
  }
  return 1;
}

static void print_values(const char *zWho, const query_result *r) {
  fprintf(stderr, "    %s:", zWho);
  for (int i = 0; i < r->nCol; i++) {
    if (r->isNull[i])
      fprintf(stderr, " NULL");
    else
      fprintf(stderr, " %.17g", r->value[i]);
  }
  fprintf(stderr, "\n");
}

static void print_machine(sqlite3 *db) {
  char line[256], cpu[256] = "unknown";
  int cores = 0;
  FILE *f = fopen("/proc/cpuinfo", "r");
  while (f && fgets(line, sizeof(line), f)) {
    if (strncmp(line, "model name", 10) == 0) {
      cores++;
      char *colon = strchr(line, ':');
      if (colon && cores == 1) {
        snprintf(cpu, sizeof(cpu), "%s", colon + 2);
        cpu[strcspn(cpu, "\n")] = 0;
      }
    }
  }
  if (f) fclose(f);
  printf("SQLite %s; CPU: %s x %d\n", sqlite3_libversion(), cpu, cores);
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db,
                         "SELECT (SELECT count(*) FROM direct_trade), "
                         "(SELECT count(*) FROM transactions)",
                         -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    printf("direct_trade: %lld rows; transactions: %lld rows\n", sqlite3_column_int64(stmt, 0),
           sqlite3_column_int64(stmt, 1));
  sqlite3_finalize(stmt);
}

static sqlite3 *open_bench(const char *zPath) {
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    fprintf(stderr, "bench: cannot open %s: %s\n", zPath,
            db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return NULL;
  }
  char *zErr = NULL;
  if (sqlite3_tradestat_init(db, &zErr, NULL) != SQLITE_OK) {
    fprintf(stderr, "bench: %s\n", zErr ? zErr : "cannot register tradestat");
    sqlite3_free(zErr);
    sqlite3_close(db);
    return NULL;
  }
  /* A virtual table whose module is not built yet is skipped. */
  for (int i = 0; i < bench_setup_count; i++) sqlite3_exec(db, bench_setup[i], NULL, NULL, NULL);
  return db;
}

static long status_kib(const char *zField) {
  char line[256];
  long kib = -1;
  size_t n = strlen(zField);
  FILE *f = fopen("/proc/self/status", "r");
  while (f && fgets(line, sizeof(line), f)) {
    if (strncmp(line, zField, n) == 0) kib = atol(line + n + 1);
  }
  if (f) fclose(f);
  return kib;
}

static int memory_probe(const char *zPath) {
  sqlite3 *db = open_bench(zPath);
  if (db == NULL) return 1;
  long idle = status_kib("VmRSS");
  query_result r;
  if (run_once(db, bench_memory_query, &r)) return 1;
  printf("%ld %ld\n", idle, status_kib("VmHWM"));
  sqlite3_close(db);
  return 0;
}

/* Runs this program again as a fresh process with --memory-probe. */
static int measure_memory(const char *zPath, long *pIdle, long *pPeak) {
  char cmd[4096];
  snprintf(cmd, sizeof(cmd), "/proc/%d/exe '%s' --memory-probe", (int)getpid(), zPath);
  FILE *p = popen(cmd, "r");
  int ok = p && fscanf(p, "%ld %ld", pIdle, pPeak) == 2;
  if (p) pclose(p);
  return ok ? 0 : 1;
}

static int meta_int(sqlite3 *db, const char *zKey) {
  sqlite3_stmt *stmt = NULL;
  int value = 0;
  if (sqlite3_prepare_v2(db, "SELECT value FROM bench_meta WHERE key = ?1", -1, &stmt, NULL) ==
      SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, zKey, -1, SQLITE_STATIC);
    if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return value;
}

static const char *partner_filter(sqlite3 *db) {
  /* gen.c's months start at 2000-01 */
  snprintf(zLatestYear, sizeof(zLatestYear), "%d", 2000 + (meta_int(db, "months") - 1) / 12);
  return meta_int(db, "partners") >= 7 ? "P7" : "P1";
}

/* Is zId one of the comma-separated ids in zList? */
static int listed(const char *zList, const char *zId) {
  size_t n = strlen(zId);
  for (const char *z = zList; z && *z;) {
    const char *end = strchr(z, ',');
    size_t len = end ? (size_t)(end - z) : strlen(z);
    if (len == n && strncmp(z, zId, n) == 0) return 1;
    z = end ? end + 1 : NULL;
  }
  return 0;
}

static void write_tsv(FILE *out, const char *zId, const query_result *r) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  fprintf(out, "%s\t%.6f\t%.6f\t%ld", zId, r->median, r->cpu, ru.ru_maxrss);
  for (int i = 0; i < r->nCol; i++) {
    if (r->isNull[i])
      fprintf(out, "\tNULL");
    else
      fprintf(out, "\t%.17g", r->value[i]);
  }
  fprintf(out, "\n");
  fflush(out);
}

/* only_timed: leave out pairs with a side not run (--only). */
static int report_pairs(const query_result *results, int only_timed) {
  int failures = 0;
  printf("\n| task | extension | s | baseline | s | ratio | target | |\n");
  printf("|---|---|---:|---|---:|---:|---:|---|\n");
  for (int k = 0; k < bench_pair_count; k++) {
    const bench_pair *pr = &bench_pairs[k];
    int a = query_index(pr->zNumerator), b = query_index(pr->zDenominator);
    const query_result *ra = &results[a], *rb = &results[b];
    if (only_timed && !(ra->timed && rb->timed)) continue;
    printf("| %s | %s | ", pr->zTask, bench_queries[a].zLabel);
    if (ra->timed)
      printf("%.3f", ra->median);
    else
      printf("n/a");
    printf(" | %s | ", bench_queries[b].zLabel);
    if (rb->timed)
      printf("%.3f", rb->median);
    else
      printf("n/a");
    if (!ra->timed || !rb->timed) {
      printf(" | n/a | %s | not built |\n", pr->target > 0 ? "" : "—");
      continue;
    }
    double ratio = ra->median / rb->median;
    printf(" | %.3f | ", ratio);
    if (pr->target > 0)
      printf("≤ %.2f", pr->target);
    else
      printf("—");
    const char *zVerdict = pr->target <= 0 ? "" : ratio <= pr->target ? "met" : "MISSED";
    int agree = !pr->must_agree || results_agree(ra, rb);
    printf(" | %s%s |\n", zVerdict,
           agree ? (pr->must_agree ? " (same results)" : "") : " RESULTS DIFFER");
    if (!agree) {
      failures++;
      fprintf(stderr, "bench: %s and %s disagree:\n", pr->zNumerator, pr->zDenominator);
      print_values(pr->zNumerator, ra);
      print_values(pr->zDenominator, rb);
    }
  }
  return failures;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr,
            "usage: run DB [--repeat N] [--no-memory] [--only ID[,ID...]] [--tsv FILE]\n"
            "       run DB --memory-probe\n");
    return 2;
  }
  int repeat = 3, memory = 1;
  const char *zOnly = NULL; /* --only ID[,ID...]: time these queries */
  const char *zTsv = NULL;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--memory-probe") == 0) return memory_probe(argv[1]);
    if (strcmp(argv[i], "--no-memory") == 0)
      memory = 0;
    else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
      repeat = atoi(argv[++i]);
    else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
      zOnly = argv[++i], memory = 0;
    else if (strcmp(argv[i], "--tsv") == 0 && i + 1 < argc)
      zTsv = argv[++i];
    else {
      fprintf(stderr, "run: unknown argument '%s'\n", argv[i]);
      return 2;
    }
  }
  FILE *tsv = NULL;
  if (zTsv && (tsv = fopen(zTsv, "w")) == NULL) {
    perror(zTsv);
    return 1;
  }
  if (repeat < 1) repeat = 1;
  sqlite3 *db = open_bench(argv[1]);
  if (db == NULL) return 1;
  print_machine(db);
  const char *zPartner = partner_filter(db);
  query_result *results = calloc((size_t)bench_query_count, sizeof(*results));
  if (results == NULL) return 1;
  fprintf(stderr, "medians of %d runs:\n", repeat);
  int failures = 0;
  for (int i = 0; i < bench_query_count; i++) {
    if (zOnly && !listed(zOnly, bench_queries[i].zId)) continue;
    if (!available(db, bench_queries[i].zNeeds)) continue;
    if (run_setup(db, bench_queries[i].zId)) {
      failures++;
      continue;
    }
    failures += time_query(db, &bench_queries[i], zPartner, repeat, &results[i]);
    if (tsv && results[i].timed) write_tsv(tsv, bench_queries[i].zId, &results[i]);
  }
  if (tsv) fclose(tsv);
  failures += report_pairs(results, zOnly != NULL);
  if (memory) {
    long idle = 0, peak = 0;
    if (measure_memory(argv[1], &idle, &peak)) {
      printf("\nmemory: probe failed\n");
      failures++;
    } else {
      double mib = (peak - idle) / 1024.0;
      printf(
          "\nmemory, grain=month vtab over transactions: idle connection %.1f MiB, peak %.1f MiB,"
          " query +%.1f MiB (target ≤ 64 MiB: %s)\n",
          idle / 1024.0, peak / 1024.0, mib, mib <= 64 ? "met" : "MISSED");
    }
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("runner peak RSS: %.1f MiB\n", ru.ru_maxrss / 1024.0);
  free(results);
  sqlite3_close(db);
  if (failures) fprintf(stderr, "bench: %d failure(s)\n", failures);
  return failures ? 1 : 0;
}
