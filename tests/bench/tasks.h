/*
** tasks.h -- the benchmark's queries and the comparisons made between
** them.  Shared by run.c; the SQL lives in tasks.c.
**
** Every timed query returns ONE row of aggregates over the whole result
** (row count, how many results are non-NULL, their sum), so each side
** computes every result and the two sides can be checked against each
** other without holding either in memory.
*/
#ifndef TRADESTAT_BENCH_TASKS_H
#define TRADESTAT_BENCH_TASKS_H

#define BENCH_MAX_COLS 5

/* One timed query.  zNeeds: a module or function the query needs (the
** row is skipped, and said so, when this build does not have it). */
typedef struct bench_query {
  const char *zId;
  const char *zLabel;
  const char *zNeeds;
  const char *zSql; /* may contain $P (the filter partner), $Y (the latest year) */
} bench_query;

/* One row of the results table: numerator / denominator against target. */
typedef struct bench_pair {
  const char *zTask;
  const char *zNumerator; /* bench_query ids */
  const char *zDenominator;
  double target;  /* 0: shown for information, no target */
  int must_agree; /* results must be equal (no gaps involved) */
} bench_pair;

extern const bench_query bench_queries[];
extern const int bench_query_count;
extern const bench_pair bench_pairs[];
extern const int bench_pair_count;

/* Statements run once before timing (virtual tables in temp). */
extern const char *const bench_setup[];
extern const int bench_setup_count;

/* Statements run once, before the first timed query whose id is
** listed (zIds, comma-separated): tables only some queries read, too
** costly to build on every run. */
typedef struct bench_lazy_setup {
  const char *zIds;
  const char *zSql;
} bench_lazy_setup;
extern const bench_lazy_setup bench_lazy[];
extern const int bench_lazy_count;

/* The query whose peak memory is measured (10 M-row roll-up). */
extern const char bench_memory_query[];

/* What $Y and $P stand for in a data set (its bench_meta table, written
** by gen.c): the latest year into zYear (nYear bytes), and the partner a
** filtered query reads. */
typedef struct sqlite3 sqlite3;
const char *bench_substitutes(sqlite3 *db, char *zYear, int nYear);

#endif /* TRADESTAT_BENCH_TASKS_H */
