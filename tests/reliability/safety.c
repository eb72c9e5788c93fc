/*
** safety.c -- safe defaults.
**
** Contract:
**  1. Every SQL function the extension registers is INNOCUOUS and none is
**     DIRECTONLY (pragma_function_list flags); every one but
**     tradestat_debug is DETERMINISTIC.
**  2. Under PRAGMA trusted_schema=OFF, the pure functions work inside a
**     view, an index expression and a generated column.  A control
**     function registered here without SQLITE_INNOCUOUS must fail there
**     with "unsafe use of", proving the check is real.
**  3. Every virtual-table module of the extension, used from a view or a
**     trigger in the main schema, fails with SQLite's "unsafe use of
**     virtual table" error (SQLITE_VTAB_DIRECTONLY).
**  4. A progress handler that asks to stop, and sqlite3_interrupt(),
**     stop a long virtual-table scan with SQLITE_INTERRUPT half-way, and
**     no memory is left allocated after close.
*/
#include "harness.h"

#include <stdio.h>
#include <string.h>

static int failures, checks;

static void check(int ok, const char *zWhat, const char *zDetail) {
  checks++;
  if (!ok) {
    failures++;
    fprintf(stderr, "safety: FAIL %s%s%s\n", zWhat, zDetail ? ": " : "", zDetail ? zDetail : "");
  }
}

/* Runs zSql; returns its rendered output (static buffer of the call). */
static int run(sqlite3 *db, const char *zSql, char *zOut, size_t nOut) {
  th_str s = {0};
  int rc = th_exec_all(db, zSql, &s);
  snprintf(zOut, nOut, "%s", th_str_text(&s));
  th_str_free(&s);
  return rc;
}

static void not_innocuous(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_value(ctx, argv[0]);
}

static void check_flags(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  th_registry reg;
  if (th_registry_load(&reg) != SQLITE_OK) {
    check(0, "registry", NULL);
    return;
  }
  int rc = sqlite3_prepare_v2(db, "SELECT flags FROM pragma_function_list WHERE name = ?", -1, &st,
                              NULL);
  for (int i = 0; rc == SQLITE_OK && i < reg.nfn; i++) {
    sqlite3_bind_text(st, 1, reg.fn[i].name, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      int flags = sqlite3_column_int(st, 0);
      char zWhat[160];
      snprintf(zWhat, sizeof(zWhat), "%s/%d is INNOCUOUS and not DIRECTONLY", reg.fn[i].name,
               reg.fn[i].narg);
      check((flags & SQLITE_INNOCUOUS) && !(flags & SQLITE_DIRECTONLY), zWhat, NULL);
      if (strcmp(reg.fn[i].name, "tradestat_debug") != 0) {
        snprintf(zWhat, sizeof(zWhat), "%s/%d is DETERMINISTIC", reg.fn[i].name, reg.fn[i].narg);
        check((flags & SQLITE_DETERMINISTIC) != 0, zWhat, NULL);
      }
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  check(reg.nfn > 0, "the extension registers functions", NULL);
}

/* Pure expressions over t(p TEXT, a, b); skipped when the name is absent. */
static const struct {
  const char *name;
  const char *expr;
} pure_exprs[] = {
    {"period_normalize", "period_normalize(p)"},
    {"period_year", "period_year(p)"},
    {"period_kind", "period_kind(p)"},
    {"period_shift", "period_shift(p, 1)"},
    {"period_prior_year", "period_prior_year(p)"},
    {"period_rollup", "period_rollup(p, 'year')"},
    {"period_year_fraction", "period_year_fraction(p)"},
    {"period_start", "period_start(p)"},
    {"period_end", "period_end(p)"},
    {"tradestat_version", "tradestat_version()"},
    {"pct_change", "pct_change(a, b)"},
    {"cagr", "cagr(b, a, 2)"},
    {"trade_imbalance", "trade_imbalance(a, b, 'coverage')"},
    {"annual_run_rate", "annual_run_rate(a, p)"},
    {"th_not_innocuous", "th_not_innocuous(p)"}, /* control: must fail */
};

static void check_trusted_schema(const th_registry *reg) {
  for (size_t i = 0; i < sizeof(pure_exprs) / sizeof(pure_exprs[0]); i++) {
    int control = strcmp(pure_exprs[i].name, "th_not_innocuous") == 0;
    if (!control && !th_registered(reg, pure_exprs[i].name)) {
      printf("safety: %s skipped: not registered yet\n", pure_exprs[i].name);
      continue;
    }
    const char *e = pure_exprs[i].expr;
    static const char *const forms[] = {"view", "index expression", "generated column"};
    for (int f = 0; f < 3; f++) {
      sqlite3 *db = NULL;
      char zOut[600], zWhat[200];
      if (th_open(NULL, 0, &db) != SQLITE_OK) {
        check(0, "open", NULL);
        return;
      }
      sqlite3_create_function(db, "th_not_innocuous", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                              not_innocuous, NULL, NULL);
      char *zDdl = sqlite3_mprintf(
          f == 0   ? "CREATE TABLE t(p, a, b); CREATE VIEW v AS SELECT %s AS x FROM t;"
          : f == 1 ? "CREATE TABLE t(p, a, b); CREATE INDEX ix ON t(%s);"
                   : "CREATE TABLE t(p, a, b, x AS (%s));",
          e);
      run(db, zDdl, zOut, sizeof(zOut));
      sqlite3_free(zDdl);
      int rc = run(db,
                   f == 0 ? "PRAGMA trusted_schema = OFF;"
                            "INSERT INTO t VALUES ('2023-H1', 1400, 680.8); SELECT * FROM v;"
                          : "PRAGMA trusted_schema = OFF;"
                            "INSERT INTO t VALUES ('2023-H1', 1400, 680.8); SELECT * FROM t;",
                   zOut, sizeof(zOut));
      snprintf(zWhat, sizeof(zWhat), "%s in a %s under trusted_schema=OFF %s", e, forms[f],
               control ? "fails (control)" : "works");
      if (control)
        check(rc != SQLITE_OK && strstr(zOut, "unsafe use of"), zWhat, zOut);
      else
        check(rc == SQLITE_OK, zWhat, zOut);
      sqlite3_close(db);
    }
  }
}

/* How each module is named in a FROM clause. */
static char *module_from(const char *module, int *pCreate) {
  *pCreate = 0;
  if (strcmp(module, "kosis_csv") == 0) {
    *pCreate = 1;
    return sqlite3_mprintf("CREATE VIRTUAL TABLE main.vt USING kosis_csv(file='%s');", TH_CSV_PATH);
  }
  if (strcmp(module, "trade_imbalance") == 0)
    return sqlite3_mprintf(
        "trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner')");
  return sqlite3_mprintf("\"%w\"('direct_trade', 'amount', 'period', 'partner')", module);
}

static void check_directonly(const th_registry *reg) {
  for (int i = 0; i < reg->nmodule; i++) {
    const char *m = reg->module[i];
    int bCreate;
    char *zFrom = module_from(m, &bCreate);
    for (int f = 0; f < 2; f++) {
      sqlite3 *db = NULL;
      char zOut[600], zWhat[200];
      if (th_open(NULL, 0, &db) != SQLITE_OK || zFrom == NULL) {
        check(0, "open", NULL);
        sqlite3_close(db);
        break;
      }
      const char *zSrc = bCreate ? "vt" : zFrom;
      if (bCreate) run(db, zFrom, zOut, sizeof(zOut));
      char *zDdl = f == 0 ? sqlite3_mprintf("CREATE VIEW v AS SELECT * FROM %s;", zSrc)
                          : sqlite3_mprintf(
                                "CREATE TABLE log(n); CREATE TABLE poke(x);"
                                "CREATE TRIGGER tr AFTER INSERT ON poke BEGIN"
                                " INSERT INTO log SELECT count(*) FROM %s; END;",
                                zSrc);
      int rc = run(db, zDdl, zOut, sizeof(zOut));
      if (rc == SQLITE_OK)
        rc = run(db, f == 0 ? "SELECT count(*) FROM v;" : "INSERT INTO poke VALUES (1);", zOut,
                 sizeof(zOut));
      snprintf(zWhat, sizeof(zWhat), "%s used from a %s fails as unsafe", m,
               f == 0 ? "view" : "trigger");
      check(rc != SQLITE_OK && strstr(zOut, "unsafe use of virtual table"), zWhat, zOut);
      sqlite3_free(zDdl);
      sqlite3_close(db);
    }
    sqlite3_free(zFrom);
  }
}

/* ---- interrupting a long scan ------------------------------------ */

typedef struct progress_state {
  sqlite3 *db;
  long calls, stop_at;
  int use_interrupt;
} progress_state;

static int on_progress(void *p) {
  progress_state *s = p;
  s->calls++;
  if (s->stop_at && s->calls >= s->stop_at) {
    if (!s->use_interrupt) return 1;
    sqlite3_interrupt(s->db);
  }
  return 0;
}

static const char long_source[] =
    "CREATE TABLE big(period TEXT, flow TEXT, partner TEXT, amount REAL);"
    "WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 1199),"
    " p(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM p WHERE j < 49)"
    " INSERT INTO big SELECT printf('%04d-%02d', 1900 + i / 12, i % 12 + 1), f.flow,"
    " printf('p%02d', j), i + j FROM m, p,"
    " (SELECT 'export' flow UNION ALL SELECT 'import') f;"
    /* one row per partner and month: a series of the one-value tables */
    "CREATE VIEW big_exports AS SELECT * FROM big WHERE flow = 'export';";

static void check_interrupt(const th_registry *reg) {
  static const struct {
    const char *module, *sql;
  } scans[] = {
      {"yoy_growth",
       "SELECT count(*) FROM yoy_growth('big_exports', 'amount', 'period', 'partner');"},
      {"trade_imbalance",
       "SELECT count(*) FROM trade_imbalance('big', 'amount', 'period', 'flow', 'partner');"},
      {"annual_projection",
       "SELECT count(*) FROM annual_projection('big_exports', 'amount', 'period', 'partner',"
       " 'run_rate');"},
  };
  for (size_t i = 0; i < sizeof(scans) / sizeof(scans[0]); i++) {
    if (!th_registered(reg, scans[i].module)) {
      printf("safety: interrupting %s skipped: not registered yet\n", scans[i].module);
      continue;
    }
    for (int use_interrupt = 0; use_interrupt < 2; use_interrupt++) {
      sqlite3 *db = NULL;
      char zOut[600], zWhat[200];
      progress_state ps = {0};
      sqlite3_int64 baseline = sqlite3_memory_used();
      if (th_open(NULL, 0, &db) != SQLITE_OK || run(db, long_source, zOut, sizeof(zOut))) {
        check(0, "building the long source", zOut);
        sqlite3_close(db);
        return;
      }
      ps.db = db;
      sqlite3_progress_handler(db, 100, on_progress, &ps);
      int rc = run(db, scans[i].sql, zOut, sizeof(zOut));
      long total = ps.calls;
      snprintf(zWhat, sizeof(zWhat), "%s scan runs to the end without a stop", scans[i].module);
      check(rc == SQLITE_OK && total > 10, zWhat, zOut);
      ps.calls = 0;
      ps.stop_at = total / 2;
      ps.use_interrupt = use_interrupt;
      rc = run(db, scans[i].sql, zOut, sizeof(zOut));
      snprintf(zWhat, sizeof(zWhat), "%s scan stopped half-way by %s gives SQLITE_INTERRUPT",
               scans[i].module, use_interrupt ? "sqlite3_interrupt()" : "the progress handler");
      check(rc == SQLITE_INTERRUPT && ps.calls < total, zWhat, zOut);
      sqlite3_progress_handler(db, 0, NULL, NULL);
      rc = run(db, scans[i].sql, zOut, sizeof(zOut));
      check(rc == SQLITE_OK, "the connection works after the interrupt", zOut);
      sqlite3_close(db);
      snprintf(zWhat, sizeof(zWhat), "%s: no memory left after an interrupted scan",
               scans[i].module);
      check(sqlite3_memory_used() == baseline, zWhat, NULL);
    }
  }
}

int main(void) {
  sqlite3 *db = NULL;
  th_registry reg;
  if (th_write_fixture_files() || th_registry_load(&reg) != SQLITE_OK) return 2;
  if (th_open(NULL, 0, &db) != SQLITE_OK) return 2;
  check_flags(db);
  sqlite3_close(db);
  check_trusted_schema(&reg);
  check_directonly(&reg);
  check_interrupt(&reg);
  printf("safety: %d checks, %d failed (%d functions, %d modules registered)\n", checks, failures,
         reg.nfn, reg.nmodule);
  return failures != 0;
}
