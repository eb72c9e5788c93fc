/*
** harness.c -- shared helpers of the reliability harnesses (harness.h).
**
** Contract:
**  1. Rows are rendered type-exactly: integers as %lld, reals as %!.17g,
**     text quoted, blobs as hex, NULL as NULL; columns separated by '|'.
**  2. th_exec_all() stops at the first failing statement and records
**     "error <code>: <message>" so two runs compare as strings.
**  3. The registry is read with the extension's own SQL (pragma tables),
**     never from a hand-kept list.
*/
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void th_str_append(th_str *s, const char *z, size_t n) {
  if (s == NULL || s->oom) return;
  if (s->n + n + 1 > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 256;
    while (cap < s->n + n + 1) cap *= 2;
    /* libc, not SQLite: rendering must not consume the injected faults. */
    char *z2 = realloc(s->z, cap);
    if (z2 == NULL) {
      s->oom = 1;
      return;
    }
    s->z = z2;
    s->cap = cap;
  }
  memcpy(s->z + s->n, z, n);
  s->n += n;
  s->z[s->n] = 0;
}

void th_str_printf(th_str *s, const char *zFormat, ...) {
  char small[512];
  va_list ap;
  va_start(ap, zFormat);
  int n = vsnprintf(small, sizeof(small), zFormat, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof(small)) {
    th_str_append(s, small, (size_t)n);
    return;
  }
  char *big = malloc((size_t)n + 1);
  if (big == NULL) {
    if (s) s->oom = 1;
    return;
  }
  va_start(ap, zFormat);
  vsnprintf(big, (size_t)n + 1, zFormat, ap);
  va_end(ap);
  th_str_append(s, big, (size_t)n);
  free(big);
}

void th_str_free(th_str *s) {
  free(s->z);
  memset(s, 0, sizeof(*s));
}

const char *th_str_text(const th_str *s) { return s->n ? s->z : ""; }

/* Quarters 2019-Q1 .. 2023-Q2 for two partners and both flows, with one
** quarter missing (2021-Q3 China imports) so matching by period matters;
** monthly wide data for two years. */
const char th_fixture_sql[] =
    "CREATE TABLE direct_trade(period TEXT, flow TEXT, partner TEXT,"
    " category TEXT DEFAULT 'all', amount NUMERIC, unit TEXT);"
    "WITH RECURSIVE q(y, k) AS (SELECT 2019, 1 UNION ALL"
    "  SELECT y + (k = 4), k % 4 + 1 FROM q WHERE y * 10 + k < 20232)"
    " INSERT INTO direct_trade(period, flow, partner, amount, unit)"
    " SELECT printf('%d-Q%d', y, k), f.flow, p.partner,"
    "  100 + (y - 2019) * 17 + k * 5 + (p.partner = 'China') * 40"
    "  + (f.flow = 'import') * 23 + (k = 3) * 0.5, 'KRW bn'"
    " FROM q, (SELECT 'export' flow UNION ALL SELECT 'import') f,"
    "  (SELECT 'China' partner UNION ALL SELECT 'USA') p"
    " WHERE NOT (y = 2021 AND k = 3 AND p.partner = 'China' AND f.flow = 'import');"
    "CREATE TABLE wide(month TEXT, exports REAL, imports REAL);"
    "WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 29)"
    " INSERT INTO wide SELECT printf('%d-%02d', 2021 + i / 12, i % 12 + 1),"
    "  50 + i * 1.5, 80 + (i % 12) * 2 FROM m;";

static const char fixture_csv[] =
    "\"region\",\"product\",2018 1/4,2018 2/4,2018 3/4,2018 4/4,"
    "2019 1/4,2019 2/4,2019 3/4,2019 4/4 p)\r\n"
    "\"Total\",\"Total\",828752,893026,917330,964762,1244311,1338103,1517805,1860640\r\n"
    "\"China\",\"Total\",-,-,700000,720000,950000,1000000,1200000,1500000\r\n";

/* Written under a name of this process's own, then renamed into place:
   harnesses running at once (make -j2 test) all write the same bytes, and
   a reader never sees the file half written. */
int th_write_fixture_files(void) {
  char tmp[sizeof(TH_CSV_PATH) + 32];
  snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", TH_CSV_PATH, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  if (f == NULL) return 1;
  size_t n = sizeof(fixture_csv) - 1;
  int bad = fwrite(fixture_csv, 1, n, f) != n;
  bad = (fclose(f) != 0) | bad;
  if (bad || rename(tmp, TH_CSV_PATH) != 0) {
    remove(tmp);
    return 1;
  }
  return 0;
}

int th_open(const char *zFile, int bAuto, sqlite3 **pDb) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open(zFile ? zFile : ":memory:", &db);
  if (rc == SQLITE_OK && !bAuto) rc = sqlite3_tradestat_init(db, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, th_fixture_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    sqlite3_close(db);
    db = NULL;
  }
  *pDb = db;
  return rc;
}

static void render_value(th_str *out, sqlite3_stmt *st, int i) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: th_str_printf(out, "%lld", sqlite3_column_int64(st, i)); break;
    case SQLITE_FLOAT: th_str_printf(out, "%.17g", sqlite3_column_double(st, i)); break;
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_column_text(st, i);
      if (z == NULL)
        th_str_printf(out, "<text:nomem>");
      else {
        th_str_append(out, "'", 1);
        th_str_append(out, z, strlen(z));
        th_str_append(out, "'", 1);
      }
      break;
    }
    case SQLITE_BLOB: {
      const unsigned char *p = sqlite3_column_blob(st, i);
      int n = sqlite3_column_bytes(st, i);
      th_str_printf(out, "x'");
      for (int k = 0; p && k < n; k++) th_str_printf(out, "%02x", p[k]);
      th_str_printf(out, "'");
      break;
    }
    default: th_str_printf(out, "NULL"); break;
  }
}

int th_exec_all(sqlite3 *db, const char *zSql, th_str *out) {
  const char *zTail = zSql;
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK && zTail && *zTail) {
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(db, zTail, -1, &st, &zTail);
    if (rc != SQLITE_OK || st == NULL) break;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      int n = sqlite3_column_count(st);
      for (int i = 0; i < n; i++) {
        if (i) th_str_append(out, "|", 1);
        render_value(out, st, i);
      }
      th_str_append(out, "\n", 1);
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    int rc2 = sqlite3_finalize(st);
    if (rc == SQLITE_OK) rc = rc2;
  }
  if (rc != SQLITE_OK) {
    rc = sqlite3_extended_errcode(db);
    if (rc == SQLITE_OK) rc = SQLITE_ERROR;
    th_str_printf(out, "error %d: %s\n", rc, sqlite3_errmsg(db));
  }
  return rc;
}

/* Copies table zTab (nCol columns) from one connection to a temp table. */
static int copy_table(sqlite3 *from, sqlite3 *to, const char *zTab, int nCol) {
  sqlite3_stmt *rd = NULL, *wr = NULL;
  char *zRd = sqlite3_mprintf("SELECT * FROM %s", zTab);
  char *zWr = sqlite3_mprintf("CREATE TEMP TABLE %s(name%s)", zTab, nCol == 2 ? ", narg" : "");
  int rc = zRd && zWr ? SQLITE_OK : SQLITE_NOMEM;
  if (rc == SQLITE_OK) rc = sqlite3_exec(to, zWr, NULL, NULL, NULL);
  sqlite3_free(zWr);
  zWr = sqlite3_mprintf("INSERT INTO temp.%s VALUES(?%s)", zTab, nCol == 2 ? ", ?" : "");
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(from, zRd, -1, &rd, NULL);
  if (rc == SQLITE_OK) rc = zWr ? sqlite3_prepare_v2(to, zWr, -1, &wr, NULL) : SQLITE_NOMEM;
  while (rc == SQLITE_OK && sqlite3_step(rd) == SQLITE_ROW) {
    for (int i = 0; i < nCol; i++) sqlite3_bind_value(wr, i + 1, sqlite3_column_value(rd, i));
    if (sqlite3_step(wr) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(wr);
  }
  sqlite3_finalize(rd);
  sqlite3_finalize(wr);
  sqlite3_free(zRd);
  sqlite3_free(zWr);
  return rc;
}

int th_registry_load(th_registry *reg) {
  sqlite3 *bare = NULL, *db = NULL;
  sqlite3_stmt *st = NULL;
  memset(reg, 0, sizeof(*reg));
  int rc = sqlite3_open(":memory:", &bare);
  if (rc == SQLITE_OK) rc = sqlite3_open(":memory:", &db);
  if (rc == SQLITE_OK) rc = sqlite3_tradestat_init(db, NULL, NULL);
  /* The bare connection's names (SQLite's own, FTS, R-Tree, ...) are
  ** attached to the extension's connection as the set to subtract. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(bare,
                      "CREATE TABLE bare_functions AS SELECT name, narg FROM pragma_function_list;"
                      "CREATE TABLE bare_modules AS SELECT name FROM pragma_module_list;",
                      NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db,
                      "CREATE TEMP TABLE ext_functions AS SELECT name, type, narg"
                      " FROM pragma_function_list;"
                      "CREATE TEMP TABLE ext_modules AS SELECT name FROM pragma_module_list;",
                      NULL, NULL, NULL);
  const char *zFn =
      "SELECT name, type, narg FROM ext_functions WHERE NOT EXISTS (SELECT 1 FROM"
      " bare_functions b WHERE b.name = ext_functions.name AND b.narg = ext_functions.narg)"
      " ORDER BY name, narg, type";
  const char *zMod =
      "SELECT name FROM ext_modules WHERE name NOT LIKE 'pragma\\_%' ESCAPE '\\'"
      " AND name NOT IN (SELECT name FROM bare_modules) ORDER BY name";
  /* Copy the bare lists across (two connections cannot join directly). */
  if (rc == SQLITE_OK) rc = copy_table(bare, db, "bare_functions", 2);
  if (rc == SQLITE_OK) rc = copy_table(bare, db, "bare_modules", 1);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, zFn, -1, &st, NULL);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    if (reg->nfn >= (int)(sizeof(reg->fn) / sizeof(reg->fn[0]))) break;
    th_function *f = &reg->fn[reg->nfn++];
    snprintf(f->name, sizeof(f->name), "%s", (const char *)sqlite3_column_text(st, 0));
    const char *zType = (const char *)sqlite3_column_text(st, 1);
    f->type = zType ? zType[0] : 's';
    f->narg = sqlite3_column_int(st, 2);
  }
  sqlite3_finalize(st);
  st = NULL;
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, zMod, -1, &st, NULL);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    if (reg->nmodule < (int)(sizeof(reg->module) / sizeof(reg->module[0])))
      snprintf(reg->module[reg->nmodule++], sizeof(reg->module[0]), "%s",
               (const char *)sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  sqlite3_close(bare);
  return rc;
}

int th_registered(const th_registry *reg, const char *name) {
  for (int i = 0; i < reg->nfn; i++)
    if (strcmp(reg->fn[i].name, name) == 0) return 1;
  for (int i = 0; i < reg->nmodule; i++)
    if (strcmp(reg->module[i], name) == 0) return 1;
  return 0;
}

int th_has_case(const char *name) {
  for (int i = 0; i < th_ncases; i++)
    if (strcmp(th_cases[i].name, name) == 0) return 1;
  return 0;
}

/* Arguments a generic call passes, by position: a number, a period, a
** number, a text; enough to get past argument checks of most signatures. */
static const char *const generic_args[] = {"amount",  "period", "amount", "'run_rate'",
                                           "partner", "flow",   "1",      "2"};

char *th_generic_function_sql(const th_function *f) {
  th_str args = {0};
  int n = f->narg < 0 ? 2 : f->narg;
  for (int i = 0; i < n; i++) {
    if (i) th_str_append(&args, ", ", 2);
    const char *a = generic_args[i % 8];
    th_str_append(&args, a, strlen(a));
  }
  char *z;
  if (f->type == 'w')
    z = sqlite3_mprintf(
        "SELECT %s(%s) OVER (PARTITION BY partner, flow ORDER BY period)"
        " FROM direct_trade;"
        "SELECT %s(%s) FROM direct_trade GROUP BY partner, flow;",
        f->name, th_str_text(&args), f->name, th_str_text(&args));
  else if (f->type == 'a')
    z = sqlite3_mprintf("SELECT %s(%s) FROM direct_trade GROUP BY partner, flow;", f->name,
                        th_str_text(&args));
  else
    z = sqlite3_mprintf("SELECT %s(%s) FROM direct_trade;", f->name, th_str_text(&args));
  th_str_free(&args);
  return z;
}

char *th_generic_module_sql(const char *module) {
  return sqlite3_mprintf("SELECT * FROM \"%w\"('direct_trade', 'amount', 'period', 'flow');",
                         module);
}

/* ---- the fault-injecting allocator --------------------------------- */

static sqlite3_mem_methods fault_default_methods;

/* Harness state: the programs using it are single-threaded. */
static struct {
  int armed, persistent;
  long countdown; /* fail when it reaches 0 */
  long nfail;     /* allocations failed since arming */
} fault;

static int fault_should_fail(void) {
  if (!fault.armed) return 0;
  if (fault.countdown > 1) {
    fault.countdown--;
    return 0;
  }
  if (fault.countdown == 1 || fault.persistent) {
    fault.countdown = 0;
    fault.nfail++;
    return 1;
  }
  return 0;
}

static void *fault_malloc(int n) {
  return fault_should_fail() ? NULL : fault_default_methods.xMalloc(n);
}
static void *fault_realloc(void *p, int n) {
  return fault_should_fail() ? NULL : fault_default_methods.xRealloc(p, n);
}

int th_fault_install(void) {
  int rc = sqlite3_config(SQLITE_CONFIG_GETMALLOC, &fault_default_methods);
  if (rc != SQLITE_OK) return rc;
  sqlite3_mem_methods wrapped = fault_default_methods;
  wrapped.xMalloc = fault_malloc;
  wrapped.xRealloc = fault_realloc;
  return sqlite3_config(SQLITE_CONFIG_MALLOC, &wrapped);
}

void th_fault_arm(long at, int persistent) {
  fault.countdown = at;
  fault.persistent = persistent;
  fault.nfail = 0;
  fault.armed = 1;
}

long th_fault_disarm(void) {
  fault.armed = 0;
  long n = fault.nfail;
  fault.nfail = 0;
  return n;
}

int th_fault_run_once(const char *zWho, const char *zSetup, const char *zSql, long at,
                      int persistent, th_fault_run *res) {
  sqlite3 *db = NULL;
  memset(res, 0, sizeof(*res));
  int rc = th_open(NULL, 1, &db);
  if (rc == SQLITE_OK && zSetup) rc = th_exec_all(db, zSetup, NULL);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "%s: setup failed (%d) without any fault\n", zWho, rc);
    sqlite3_close(db);
    return 1;
  }
  if (at > 0) th_fault_arm(at, persistent);
  res->rc = th_exec_all(db, zSql, &res->out);
  res->nfail = th_fault_disarm();
  if (sqlite3_close(db) != SQLITE_OK) {
    fprintf(stderr, "%s: sqlite3_close failed: a statement was left open\n", zWho);
    return 1;
  }
  return 0;
}

int th_fault_is_nomem(const th_fault_run *r) {
  return (r->rc & 0xff) == SQLITE_NOMEM || strstr(th_str_text(&r->out), "<text:nomem>");
}

/* Output up to its "error" line. */
static size_t rows_length(const th_str *s) {
  const char *z = th_str_text(s);
  const char *e = strncmp(z, "error ", 6) == 0 ? z : strstr(z, "\nerror ");
  return e ? (size_t)(e - z) : strlen(z);
}

int th_fault_same(const th_fault_run *r, const th_fault_run *ref) {
  if (strcmp(th_str_text(&r->out), th_str_text(&ref->out)) == 0) return 1;
  if (r->rc == SQLITE_OK || r->rc != ref->rc) return 0;
  size_t n = rows_length(&r->out);
  return n == rows_length(&ref->out) &&
         memcmp(th_str_text(&r->out), th_str_text(&ref->out), n) == 0;
}
