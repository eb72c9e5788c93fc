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
**  2. Timing is interleaved, because a shared machine has slow phases of
**     minutes that the load average does not show (the same query 1.4 to
**     1.7 x its time): two sides timed minutes apart give a ratio of the
**     phases, not of the queries.  The queries of every pair (tasks.c)
**     are laid out once in a schedule in which the two sides of each
**     pair are neighbours (a query shared by pairs that follow on from
**     each other is timed once for both; one that cannot be a neighbour
**     of all its partners appears again).  The schedule is run N times
**     (--repeat, default 3), forward and backward in turn, so each pair
**     is timed A B, B A, A B ...: a drift within a round falls on both
**     sides alike.  The setup statements and every lazy setup
**     (bench_lazy) run before the first round.  A query's rows are read
**     column by column as values (numbers converted, text not), so a
**     query of many rows (SQLite's own index walks) costs what reading
**     its rows costs a caller.  Queries whose module or function this
**     build lacks are reported as "n/a", not timed.
**  3. For each pair: each side's median wall time and median CPU time
**     (getrusage, user + system) over all its timings; and the ratio
**     numerator / denominator of each round, by CPU time and by wall
**     time, reported as the median over the rounds with its min-max.  The
**     target verdict reads the median CPU ratio: it is the steadier of
**     the two on the machine this was built on (docs/performance.md,
**     "How make bench measures"); the spread of both is printed under
**     the table for every run.  must_agree pairs compare the result rows
**     (count, non-NULL count, sums) and the run FAILS (exit 1) when they
**     differ beyond rounding: a fast wrong answer is no result.
**  4. Memory: a fresh process (this program, --memory-probe) opens the
**     database, notes its resident memory (VmRSS), runs the 10 M-row
**     grain=month virtual-table query, and reports its peak (VmHWM); the
**     difference is the query's cost in memory.  The target is 64 MiB.
**  5. Prints the SQLite version and the CPU, so a table is never read
**     without its machine.  Missed targets do not fail the run: they are
**     measurements, reported as such.
**  6. --tsv FILE writes one line per timed query: id, median seconds
**     (wall), median CPU seconds (user + system), the process's peak
**     resident KiB after the query's first timing, then the result
**     columns ("NULL" or %.17g), tab-separated.
**     bench-smoke's check of the peer report (tests/bench/peers/
**     report_check.sh) answers a fake peer with these results.
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
  int failed;    /* an error: not run again */
  double median; /* seconds, wall clock, median of every timing */
  double cpu;    /* seconds of CPU (user + system), median */
  long rssKib;   /* the process's peak resident KiB after its first timing */
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

/* One timing of one query; wall < 0: not timed (its query failed). */
typedef struct timing {
  double wall, cpu;
} timing;

/* Out of line, so `valgrind --tool=callgrind --toggle-collect=time_query`
** counts the timed queries' instructions alone (not the setup). */
__attribute__((noinline)) static int time_query(sqlite3 *db, const char *zSql, query_result *r,
                                                timing *t) {
  double t0 = now_seconds(), c0 = cpu_seconds();
  if (run_once(db, zSql, r)) return 1;
  t->wall = now_seconds() - t0;
  t->cpu = cpu_seconds() - c0;
  return 0;
}

static double median_of(double *a, int n) {
  qsort(a, (size_t)n, sizeof(double), compare_double);
  return n % 2 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
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

static const char *partner_filter(sqlite3 *db) {
  return bench_substitutes(db, zLatestYear, (int)sizeof(zLatestYear));
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
  fprintf(out, "%s\t%.6f\t%.6f\t%ld", zId, r->median, r->cpu, r->rssKib);
  for (int i = 0; i < r->nCol; i++) {
    if (r->isNull[i])
      fprintf(out, "\tNULL");
    else
      fprintf(out, "\t%.17g", r->value[i]);
  }
  fprintf(out, "\n");
  fflush(out);
}

/* The order the queries are timed in, once per round: the two sides of
** every scheduled pair are neighbours, so nothing but the first side's
** own time lies between them. */
typedef struct schedule {
  int nSlot;
  int *aQuery;    /* query index of each slot */
  int *aPairSlot; /* per pair: the slots of numerator and denominator; -1: not timed */
} schedule;

static int pair_query(int k, int side) {
  return query_index(side ? bench_pairs[k].zDenominator : bench_pairs[k].zNumerator);
}

/* Pairs still to place that have query q as a side. */
static int open_pairs(const schedule *s, const int *aSel, int q) {
  int n = 0;
  for (int k = 0; k < bench_pair_count; k++) {
    int a = pair_query(k, 0), b = pair_query(k, 1);
    if (s->aPairSlot[2 * k] < 0 && aSel[a] && aSel[b] && (a == q || b == q)) n++;
  }
  return n;
}

/* How much query q is still wanted after pair k: 0 (no other pair left)
** sorts last, so a query with pairs left is continued from first. */
static int wanted_after(const schedule *s, const int *aSel, int q) {
  int n = open_pairs(s, aSel, q) - 1;
  return n > 0 ? n : 1 << 20;
}

/* The next pair to place: one with the last slot's query as a side (it
** then costs one timing, not two), the one whose other side is least but
** still wanted by other pairs, so each query of two pairs is entered
** from one and left to the other; else the first left in tasks.c.  A
** query in many pairs (yoy_vtab) is timed more than once a round. */
static int next_pair(const schedule *s, const int *aSel) {
  int last = s->nSlot ? s->aQuery[s->nSlot - 1] : -1, first = -1, best = -1, bestScore = 0;
  for (int k = 0; k < bench_pair_count; k++) {
    int a = pair_query(k, 0), b = pair_query(k, 1);
    if (s->aPairSlot[2 * k] >= 0 || !aSel[a] || !aSel[b]) continue;
    if (first < 0) first = k;
    if (a != last && b != last) continue;
    int score = wanted_after(s, aSel, a == last ? b : a);
    if (best < 0 || score < bestScore) best = k, bestScore = score;
  }
  return best >= 0 ? best : first;
}

static void place_pair(schedule *s, const int *aSel, int k) {
  int a = pair_query(k, 0), b = pair_query(k, 1);
  int last = s->nSlot ? s->aQuery[s->nSlot - 1] : -1;
  int *slots = &s->aPairSlot[2 * k];
  if (a == last || b == last) {
    s->aQuery[s->nSlot] = a == last ? b : a;
    slots[0] = a == last ? s->nSlot - 1 : s->nSlot;
    slots[1] = a == last ? s->nSlot : s->nSlot - 1;
    s->nSlot++;
    return;
  }
  /* The side least but still wanted by other pairs goes second: the
  ** next pair follows on from it. */
  int aFirst = wanted_after(s, aSel, a) >= wanted_after(s, aSel, b);
  s->aQuery[s->nSlot] = aFirst ? a : b;
  s->aQuery[s->nSlot + 1] = aFirst ? b : a;
  slots[0] = aFirst ? s->nSlot : s->nSlot + 1;
  slots[1] = aFirst ? s->nSlot + 1 : s->nSlot;
  s->nSlot += 2;
}

/* aSel[q]: query q is to be timed.  Pairs with both sides selected are
** placed; a selected query in no such pair is timed alone. */
static int build_schedule(schedule *s, const int *aSel) {
  s->nSlot = 0;
  s->aQuery = malloc(sizeof(int) * (size_t)(2 * bench_pair_count + bench_query_count));
  s->aPairSlot = malloc(sizeof(int) * (size_t)(2 * bench_pair_count));
  if (s->aQuery == NULL || s->aPairSlot == NULL) return 1;
  for (int k = 0; k < 2 * bench_pair_count; k++) s->aPairSlot[k] = -1;
  for (int k = 0; k < bench_pair_count; k++) {
    if (pair_query(k, 0) < 0 || pair_query(k, 1) < 0) {
      fprintf(stderr, "bench: pair %d (%s) names a query tasks.c lacks\n", k, bench_pairs[k].zTask);
      return 1;
    }
  }
  for (int k; (k = next_pair(s, aSel)) >= 0;) place_pair(s, aSel, k);
  for (int q = 0; q < bench_query_count; q++) {
    int placed = 0;
    for (int j = 0; j < s->nSlot; j++) placed |= s->aQuery[j] == q;
    if (aSel[q] && !placed) s->aQuery[s->nSlot++] = q;
  }
  return 0;
}

/* Runs the schedule `repeat` times, forward and backward in turn; aTime
** gets repeat x nSlot timings (round-major).  Returns the failures. */
static int run_rounds(sqlite3 *db, const schedule *s, char **azSql, int repeat,
                      query_result *results, timing *aTime) {
  int failures = 0;
  for (int r = 0; r < repeat; r++) {
    fprintf(stderr, "round %d of %d (%s):\n", r + 1, repeat, r % 2 ? "backward" : "forward");
    for (int j = 0; j < s->nSlot; j++) {
      int slot = r % 2 ? s->nSlot - 1 - j : j, q = s->aQuery[slot];
      timing *t = &aTime[r * s->nSlot + slot];
      t->wall = t->cpu = -1;
      if (results[q].failed) continue;
      sqlite3_int64 order0[2], order1[2];
      ts_scan_order_counts(order0);
      if (time_query(db, azSql[q], &results[q], t)) {
        results[q].failed = 1;
        failures++;
        continue;
      }
      if (!results[q].timed) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        results[q].rssKib = ru.ru_maxrss;
      }
      results[q].timed = 1;
      fprintf(stderr, "  %-40s %8.3f s  %8.3f s CPU\n", bench_queries[q].zLabel, t->wall, t->cpu);
      ts_scan_order_counts(order1);
      if (r == 0 && order1[0] > order0[0])
        fprintf(stderr, "    (index walks watched: %lld, switched to a sort: %lld)\n",
                order1[0] - order0[0], order1[1] - order0[1]);
    }
  }
  return failures;
}

/* Each query's medians over all its timings (every round, every slot). */
static void query_medians(const schedule *s, int repeat, const timing *aTime,
                          query_result *results) {
  double *wall = malloc(sizeof(double) * (size_t)(s->nSlot * repeat) * 2);
  if (wall == NULL) return;
  double *cpu = wall + s->nSlot * repeat;
  for (int q = 0; q < bench_query_count; q++) {
    int n = 0;
    for (int i = 0; i < s->nSlot * repeat; i++) {
      if (s->aQuery[i % s->nSlot] != q || aTime[i].wall < 0) continue;
      wall[n] = aTime[i].wall;
      cpu[n++] = aTime[i].cpu;
    }
    if (results[q].failed) results[q].timed = 0;
    if (n == 0 || results[q].failed) continue;
    results[q].median = median_of(wall, n);
    results[q].cpu = median_of(cpu, n);
  }
  free(wall);
}

/* A pair's ratio over the rounds: median, min, max; n = rounds used. */
typedef struct ratio_stat {
  int n;
  double median, lo, hi;
} ratio_stat;

static ratio_stat pair_ratio(const schedule *s, int repeat, const timing *aTime, int k,
                             int by_cpu) {
  ratio_stat st = {0, 0, 0, 0};
  int sa = s->aPairSlot[2 * k], sb = s->aPairSlot[2 * k + 1];
  if (sa < 0 || repeat > 4096) return st;
  double ratios[4096];
  for (int r = 0; r < repeat; r++) {
    const timing *ta = &aTime[r * s->nSlot + sa], *tb = &aTime[r * s->nSlot + sb];
    double a = by_cpu ? ta->cpu : ta->wall, b = by_cpu ? tb->cpu : tb->wall;
    if (ta->wall < 0 || tb->wall < 0 || b <= 0) continue;
    ratios[st.n++] = a / b;
  }
  if (st.n == 0) return st;
  st.median = median_of(ratios, st.n);
  st.lo = ratios[0];
  st.hi = ratios[st.n - 1];
  return st;
}

static void print_ratio(ratio_stat st) {
  if (st.n == 0)
    printf(" | n/a | n/a");
  else
    printf(" | %.3f | %.3f–%.3f", st.median, st.lo, st.hi);
}

static void print_side(const query_result *r, const char *zLabel) {
  printf(" | %s | ", zLabel);
  if (r->timed)
    printf("%.3f | %.3f", r->median, r->cpu);
  else
    printf("n/a | n/a");
}

/* max / min of one slot's times over the rounds (0: not timed in two). */
static double slot_spread(const schedule *s, int repeat, const timing *aTime, int slot,
                          int by_cpu) {
  double lo = 0, hi = 0;
  int n = 0;
  for (int r = 0; r < repeat; r++) {
    const timing *t = &aTime[r * s->nSlot + slot];
    double x = by_cpu ? t->cpu : t->wall;
    if (t->wall < 0 || x <= 0) continue;
    if (n++ == 0 || x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return n >= 2 ? hi / lo : 0;
}

/* How much a pair's ratio moves from round to round, against how much
** its sides' own times move: the medians over the pairs (and sides) of
** max / min, by CPU and by wall time (1.000: not at all).  The ratio
** moving less than the times is what timing the sides back to back buys;
** the steadier of CPU and wall is the one to read. */
static void print_spread(const schedule *s, int repeat, const timing *aTime) {
  double ratio[2][256], side[2][512];
  int n = 0;
  for (int k = 0; k < bench_pair_count && n < 256; k++) {
    ratio_stat w = pair_ratio(s, repeat, aTime, k, 0), c = pair_ratio(s, repeat, aTime, k, 1);
    int sa = s->aPairSlot[2 * k], sb = s->aPairSlot[2 * k + 1];
    if (w.n < 2 || c.n < 2 || w.lo <= 0 || c.lo <= 0) continue;
    ratio[0][n] = c.hi / c.lo;
    ratio[1][n] = w.hi / w.lo;
    for (int by_wall = 0; by_wall < 2; by_wall++) {
      side[by_wall][2 * n] = slot_spread(s, repeat, aTime, sa, !by_wall);
      side[by_wall][2 * n + 1] = slot_spread(s, repeat, aTime, sb, !by_wall);
    }
    n++;
  }
  if (n == 0) return;
  printf(
      "\nround-to-round spread of the ratios (max ÷ min, median over %d pairs): "
      "CPU %.3f, wall %.3f\n",
      n, median_of(ratio[0], n), median_of(ratio[1], n));
  printf(
      "round-to-round spread of the same pairs' own times (max ÷ min, median over %d sides): "
      "CPU %.3f, wall %.3f\n",
      2 * n, median_of(side[0], 2 * n), median_of(side[1], 2 * n));
}

/* only_timed: leave out pairs with a side not run (--only). */
static int pair_shown(const query_result *results, int k, int only_timed) {
  return !only_timed || (results[pair_query(k, 0)].timed && results[pair_query(k, 1)].timed);
}

static int report_pairs(const query_result *results, const schedule *s, int repeat,
                        const timing *aTime, int only_timed) {
  int failures = 0, nShown = 0;
  for (int k = 0; k < bench_pair_count; k++) nShown += pair_shown(results, k, only_timed);
  printf(
      "\n%d pairs, %d round(s); the two sides of a pair timed back to back, rounds forward and "
      "backward in turn;\ns: median wall seconds, CPU s: median CPU seconds (user + system); "
      "ratios: median over the rounds of extension ÷ baseline, min–max beside it.\n",
      nShown, repeat);
  printf(
      "\n| task | extension | s | CPU s | baseline | s | CPU s | CPU ratio | min–max "
      "| wall ratio | min–max | target | |\n");
  printf("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
  for (int k = 0; k < bench_pair_count; k++) {
    const bench_pair *pr = &bench_pairs[k];
    int a = pair_query(k, 0), b = pair_query(k, 1);
    const query_result *ra = &results[a], *rb = &results[b];
    if (!pair_shown(results, k, only_timed)) continue;
    printf("| %s", pr->zTask);
    print_side(ra, bench_queries[a].zLabel);
    print_side(rb, bench_queries[b].zLabel);
    ratio_stat cpu = pair_ratio(s, repeat, aTime, k, 1), wall = pair_ratio(s, repeat, aTime, k, 0);
    if (!ra->timed || !rb->timed || cpu.n == 0) {
      printf(" | n/a | n/a | n/a | n/a | %s | not built |\n", pr->target > 0 ? "" : "—");
      continue;
    }
    print_ratio(cpu);
    print_ratio(wall);
    if (pr->target > 0)
      printf(" | ≤ %.2f", pr->target);
    else
      printf(" | —");
    const char *zVerdict = pr->target <= 0 ? "" : cpu.median <= pr->target ? "met" : "MISSED";
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
  print_spread(s, repeat, aTime);
  return failures;
}

/* Chooses the queries to time and runs their lazy setups (before any
** timing, so none lands inside a round).  Returns the failures. */
static int select_queries(sqlite3 *db, const char *zOnly, int *aSel) {
  int failures = 0;
  for (int q = 0; q < bench_query_count; q++) {
    aSel[q] = (zOnly == NULL || listed(zOnly, bench_queries[q].zId)) &&
              available(db, bench_queries[q].zNeeds);
    if (aSel[q] && run_setup(db, bench_queries[q].zId)) {
      aSel[q] = 0;
      failures++;
    }
  }
  return failures;
}

static int time_all(sqlite3 *db, const char *zOnly, int repeat, FILE *tsv) {
  const char *zPartner = partner_filter(db);
  query_result *results = calloc((size_t)bench_query_count, sizeof(*results));
  int *aSel = calloc((size_t)bench_query_count, sizeof(int));
  char **azSql = calloc((size_t)bench_query_count, sizeof(char *));
  schedule s = {0, NULL, NULL};
  timing *aTime = NULL;
  int failures = 1;
  if (results == NULL || aSel == NULL || azSql == NULL) goto done;
  failures = select_queries(db, zOnly, aSel);
  if (build_schedule(&s, aSel)) goto fail;
  for (int q = 0; q < bench_query_count; q++)
    if (aSel[q] && (azSql[q] = with_partner(bench_queries[q].zSql, zPartner)) == NULL) goto fail;
  aTime = malloc(sizeof(timing) * (size_t)(repeat * s.nSlot + 1));
  if (aTime == NULL) goto fail;
  int nSel = 0;
  for (int q = 0; q < bench_query_count; q++) nSel += aSel[q];
  fprintf(stderr, "%d queries in a round of %d timings, %d round(s)\n", nSel, s.nSlot, repeat);
  failures += run_rounds(db, &s, azSql, repeat, results, aTime);
  query_medians(&s, repeat, aTime, results);
  for (int q = 0; tsv && q < bench_query_count; q++)
    if (results[q].timed) write_tsv(tsv, bench_queries[q].zId, &results[q]);
  failures += report_pairs(results, &s, repeat, aTime, zOnly != NULL);
  goto done;
fail:
  failures++;
done:
  for (int q = 0; azSql && q < bench_query_count; q++) free(azSql[q]);
  free(azSql);
  free(aSel);
  free(results);
  free(s.aQuery);
  free(s.aPairSlot);
  free(aTime);
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
  if (repeat > 4096) repeat = 4096;
  sqlite3 *db = open_bench(argv[1]);
  if (db == NULL) return 1;
  print_machine(db);
  int failures = time_all(db, zOnly, repeat, tsv);
  if (tsv) fclose(tsv);
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
  sqlite3_close(db);
  if (failures) fprintf(stderr, "bench: %d failure(s)\n", failures);
  return failures ? 1 : 0;
}
