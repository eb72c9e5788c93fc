/*
** tradestat.c -- the extension's one entry point.
**
** Contract:
**  1. sqlite3_tradestat_init() registers every family listed in `families`
**     below, in order; the first failure stops loading and names the
**     family in *pzErrMsg.
**  2. Loading with no entry-point name works: SQLite derives
**     sqlite3_tradestat_init from the file name "tradestat".
**  3. Built with -DSQLITE_CORE the same sources link statically; register
**     with sqlite3_auto_extension((void (*)(void))sqlite3_tradestat_init).
**  4. No global mutable state: everything lives in per-call contexts.
*/
#include "glue/glue.h"
#include "families.h"
#include "vtab/series_hash.h" /* the scan path counts */
#include "tradestat.h"        /* the public declaration must match */

#ifndef SQLITE_CORE
SQLITE_EXTENSION_INIT1
#endif

/* The Makefile passes these from VERSION, git and CFLAGS; a build by
** other means still compiles and says what it does not know. */
#ifndef TRADESTAT_VERSION
#define TRADESTAT_VERSION "unknown"
#endif
#ifndef TRADESTAT_GIT_COMMIT
#define TRADESTAT_GIT_COMMIT "unknown"
#endif
#ifndef TRADESTAT_CFLAGS
#define TRADESTAT_CFLAGS "unknown"
#endif

#if defined(__clang__)
#define TS_COMPILER "clang " __clang_version__
#elif defined(__GNUC__)
#define TS_COMPILER "gcc " __VERSION__
#else
#define TS_COMPILER "unknown compiler"
#endif

static void tradestat_version(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3_result_text(ctx, TRADESTAT_VERSION, -1, SQLITE_STATIC);
}

static void tradestat_debug(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3_int64 aScan[4], aOrder[2];
  ts_hash_counts(aScan);
  ts_scan_order_counts(aOrder);
  char *z = sqlite3_mprintf(
      "Version: %s\nCommit: %s\nCompiler: %s\nFlags: %s\n128-bit sums: %s\n"
      "SQLite compiled against: %s\nSQLite running: %s\n"
      "Scan paths: hash %lld, stream %lld, stream after hash (memory) %lld, "
      "stream after hash (data) %lld\n"
      "Streaming index walks: watched %lld, switched to a sort %lld",
      TRADESTAT_VERSION, TRADESTAT_GIT_COMMIT, TS_COMPILER, TRADESTAT_CFLAGS,
      TS_INT128_NATIVE ? "native" : "portable", SQLITE_VERSION, sqlite3_libversion(), aScan[0],
      aScan[1], aScan[2], aScan[3], aOrder[0], aOrder[1]);
  if (z == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, z, -1, sqlite3_free);
}

static int ts_meta_register(sqlite3 *db) {
  /* tradestat_debug() depends on the build and the running library, so it
  ** is not DETERMINISTIC; both are harmless and INNOCUOUS. */
  static const ts_function_def defs[] = {
      {"tradestat_version", 0, TS_PURE, tradestat_version, 0, 0, 0, 0, 0},
      {"tradestat_debug", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, tradestat_debug, 0, 0, 0, 0, 0},
  };
  return ts_register_functions(db, defs, (int)(sizeof(defs) / sizeof(defs[0])));
}

static const struct {
  const char *zFamily;
  int (*xRegister)(sqlite3 *);
} families[] = {
    {"meta", ts_meta_register},
    {"period", ts_period_register},
    {"growth", ts_growth_register},
    {"growth windows", ts_growth_window_register},
    {"yoy_growth virtual table", ts_yoy_vtab_register},
    {"trade", ts_trade_register},
    {"trade_imbalance virtual table", ts_trade_vtab_register},
    {"projection", ts_projection_register},
    {"annual_projection virtual table", ts_projection_vtab_register},
    {"kosis_csv", ts_kosis_csv_register},
    {"sparkline", ts_sparkline_register},
};

#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
#ifndef SQLITE_CORE
  SQLITE_EXTENSION_INIT2(pApi);
#else
  (void)pApi;
#endif
  for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
    int rc = families[i].xRegister(db);
    if (rc != SQLITE_OK) {
      if (pzErrMsg) {
        *pzErrMsg = sqlite3_mprintf("tradestat: cannot register the %s family: %s",
                                    families[i].zFamily, sqlite3_errstr(rc));
      }
      return rc;
    }
  }
  return SQLITE_OK;
}
