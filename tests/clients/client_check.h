/*
** client_check.h -- the checks every C client runs (static_client.c,
** load_client.c): one query per family that is registered, each result
** compared with a value computed by hand.  A family whose functions are
** not registered in this build is reported as skipped, never as passed.
*/
#ifndef TRADESTAT_CLIENT_CHECK_H
#define TRADESTAT_CLIENT_CHECK_H

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define KOSIS_FILE "sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv"

typedef struct client_check {
  const char *zFamily;
  const char *zNeeds;    /* function or module that must be registered */
  const char *zSql;      /* one row, one column */
  const char *zExpected; /* the text of that column */
} client_check;

static const client_check client_checks[] = {
    {"meta", "tradestat_version", "SELECT tradestat_version() GLOB '[0-9]*.[0-9]*.[0-9]*'", "1"},
    {"period", "period_normalize", "SELECT period_normalize('2019 4/4 p)')", "2019-Q4"},
    /* 1400 / 680.8 - 1 = 1.05640... */
    {"growth", "pct_change", "SELECT round(pct_change(1400, 680.8), 2)", "105.64"},
    /* 2023-H1 1400 against 2022-H1 680.8, matched by label, rows out of order */
    {"growth", "yoy_growth",
     "SELECT round(yoy_growth(v, p), 2) FROM (SELECT 1400 AS v, '2023-H1' AS p"
     " UNION ALL SELECT 680.8, '2022-H1' UNION ALL SELECT 809.2, '2022-H2')",
     "105.64"},
    /* 451 / 1400 = 0.32214... */
    {"trade", "trade_imbalance", "SELECT round(trade_imbalance(451, 1400, 'coverage'), 2)",
     "32.21"},
    /* 1400 / 0.5, as the scalar and as the aggregate over one row */
    {"projection", "annual_run_rate", "SELECT annual_run_rate(1400, '2023-H1') = 2800", "1"},
    {"projection", "annual_projection",
     "SELECT annual_projection(v, p, 'run_rate') = 2800 FROM (SELECT 1400 AS v, '2023-H1' AS p)",
     "1"},
    /* Statistics Korea's published 2019 total */
    {"kosis_csv", "kosis_csv",
     "SELECT sum(value) FROM temp.client_kosis WHERE \"국가(대륙)별\" = '합계'"
     " AND 상품군별 = '합계' AND 판매유형별 = '계' AND period LIKE '2019-%'",
     "5960859"},
    {"sparkline", "sparkline",
     "SELECT sparkline(v, p) FROM (SELECT 0 AS v, 2020 AS p UNION ALL SELECT 7, 2023"
     " UNION ALL SELECT 2, 2022)",
     "\xE2\x96\x81 \xE2\x96\x83\xE2\x96\x88"}, /* ▁ ▃█ */
};

static int client_has(sqlite3 *db, const char *zName) {
  sqlite3_stmt *st = NULL;
  int found = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT 1 FROM pragma_function_list WHERE name = ?1"
                         " UNION ALL SELECT 1 FROM pragma_module_list WHERE name = ?1",
                         -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, zName, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return found;
}

/* Runs every check on db; prints each result; returns the failures. */
static int client_run_checks(sqlite3 *db, const char *zClient) {
  int failed = 0, passed = 0, skipped = 0;
  char *zErr = NULL;
  if (client_has(db, "kosis_csv") &&
      sqlite3_exec(db,
                   "CREATE VIRTUAL TABLE temp.client_kosis USING kosis_csv(file='" KOSIS_FILE "')",
                   NULL, NULL, &zErr) != SQLITE_OK) {
    printf("%s: FAIL kosis_csv: %s\n", zClient, zErr);
    sqlite3_free(zErr);
    failed++;
  }
  for (size_t i = 0; i < sizeof(client_checks) / sizeof(client_checks[0]); i++) {
    const client_check *c = &client_checks[i];
    if (!client_has(db, c->zNeeds)) {
      printf("%s: skip %-10s %s is not registered in this build\n", zClient, c->zFamily, c->zNeeds);
      skipped++;
      continue;
    }
    sqlite3_stmt *st = NULL;
    const char *zGot = NULL;
    int rc = sqlite3_prepare_v2(db, c->zSql, -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
      zGot = (const char *)sqlite3_column_text(st, 0);
    if (zGot && strcmp(zGot, c->zExpected) == 0) {
      printf("%s: ok   %-10s %s = %s\n", zClient, c->zFamily, c->zNeeds, zGot);
      passed++;
    } else {
      printf("%s: FAIL %-10s %s: got %s, expected %s (%s)\n", zClient, c->zFamily, c->zNeeds,
             zGot ? zGot : "no row", c->zExpected, sqlite3_errmsg(db));
      failed++;
    }
    sqlite3_finalize(st);
  }
  printf("%s: %d passed, %d failed, %d skipped (SQLite %s)\n", zClient, passed, failed, skipped,
         sqlite3_libversion());
  return failed;
}

#endif /* TRADESTAT_CLIENT_CHECK_H */
