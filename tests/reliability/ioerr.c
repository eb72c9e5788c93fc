/*
** ioerr.c -- I/O errors during a virtual-table scan.
**
** Contract:
**  1. A shim VFS ("ioerr") wraps the default one; once armed at N, the N-th
**     xRead on the main database file and every later one fail with
**     SQLITE_IOERR_READ.
**  2. The database is a file large enough (tens of thousands of rows, a
**     tiny page cache) that a scan needs many page reads.
**  3. For each scan query (each virtual-table form of the extension that is
**     registered, plus a plain aggregate as a control) and N = 1, 2, ...
**     until the query completes untouched: the query ends in an
**     SQLITE_IOERR code or in exactly the uninjected result (never a
**     truncated result passed off as success, never a crash), and
**     sqlite3_memory_used() is back at its baseline after close.
*/
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One database per process: the plain and the ASan builds of this harness
   may run at once (make -j2 test). */
static char db_path[64];

static sqlite3_vfs *base_vfs;

/* Test-harness state: this program is single-threaded. */
static struct {
  int armed;
  long countdown;
  long nfail;
} fault;

typedef struct shim_file {
  sqlite3_file base;
  const sqlite3_io_methods *pReal_methods;
  int is_main_db;
  sqlite3_file *pReal; /* follows this struct in the same allocation */
} shim_file;

static int shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off) {
  shim_file *s = (shim_file *)f;
  if (s->is_main_db && fault.armed) {
    if (fault.countdown > 1) {
      fault.countdown--;
    } else {
      fault.countdown = 0;
      fault.nfail++;
      return SQLITE_IOERR_READ;
    }
  }
  return s->pReal->pMethods->xRead(s->pReal, buf, n, off);
}

#define REAL(f) (((shim_file *)(f))->pReal)
static int shim_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int shim_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) {
  return REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int shim_truncate(sqlite3_file *f, sqlite3_int64 n) {
  return REAL(f)->pMethods->xTruncate(REAL(f), n);
}
static int shim_sync(sqlite3_file *f, int flags) {
  return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int shim_size(sqlite3_file *f, sqlite3_int64 *p) {
  return REAL(f)->pMethods->xFileSize(REAL(f), p);
}
static int shim_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int shim_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int shim_check(sqlite3_file *f, int *p) {
  return REAL(f)->pMethods->xCheckReservedLock(REAL(f), p);
}
static int shim_fcntl(sqlite3_file *f, int op, void *p) {
  return REAL(f)->pMethods->xFileControl(REAL(f), op, p);
}
static int shim_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int shim_devchar(sqlite3_file *f) {
  return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

/* Version 1 methods: no WAL / mmap, so every page comes through xRead. */
static const sqlite3_io_methods shim_methods = {1,
                                                shim_close,
                                                shim_read,
                                                shim_write,
                                                shim_truncate,
                                                shim_sync,
                                                shim_size,
                                                shim_lock,
                                                shim_unlock,
                                                shim_check,
                                                shim_fcntl,
                                                shim_sector,
                                                shim_devchar,
                                                0,
                                                0,
                                                0,
                                                0,
                                                0,
                                                0};

static int shim_open(sqlite3_vfs *vfs, const char *zName, sqlite3_file *f, int flags,
                     int *pOutFlags) {
  shim_file *s = (shim_file *)f;
  memset(s, 0, sizeof(*s));
  s->pReal = (sqlite3_file *)&s[1];
  int rc = base_vfs->xOpen(base_vfs, zName, s->pReal, flags, pOutFlags);
  if (rc != SQLITE_OK) {
    return rc; /* pMethods stays NULL: SQLite will not call xClose */
  }
  s->is_main_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  s->base.pMethods = s->pReal->pMethods ? &shim_methods : NULL;
  (void)vfs;
  return rc;
}

static int shim_delete(sqlite3_vfs *v, const char *z, int d) {
  return base_vfs->xDelete(base_vfs, z, d);
}
static int shim_access(sqlite3_vfs *v, const char *z, int f, int *p) {
  return base_vfs->xAccess(base_vfs, z, f, p);
}
static int shim_fullpath(sqlite3_vfs *v, const char *z, int n, char *o) {
  return base_vfs->xFullPathname(base_vfs, z, n, o);
}
static int shim_random(sqlite3_vfs *v, int n, char *z) {
  return base_vfs->xRandomness(base_vfs, n, z);
}
static int shim_sleep(sqlite3_vfs *v, int us) { return base_vfs->xSleep(base_vfs, us); }
static int shim_time(sqlite3_vfs *v, double *p) { return base_vfs->xCurrentTime(base_vfs, p); }
static int shim_lasterr(sqlite3_vfs *v, int n, char *z) {
  return base_vfs->xGetLastError(base_vfs, n, z);
}

static sqlite3_vfs shim_vfs = {1,          0,         1024,         NULL,        "ioerr",
                               NULL,       shim_open, shim_delete,  shim_access, shim_fullpath,
                               NULL,       NULL,      NULL,         NULL,        shim_random,
                               shim_sleep, shim_time, shim_lasterr, 0,           0,
                               0,          0};

/* Scans: the control, then each virtual-table form when registered. */
static const struct {
  const char *name;
  const char *sql;
} scans[] = {
    {"control: plain aggregate",
     "SELECT partner, flow, count(*), sum(amount) FROM direct_trade GROUP BY 1, 2;"},
    {"yoy_growth",
     "SELECT count(*), sum(growth), max(period) FROM"
     " yoy_growth('exports', 'amount', 'period', 'partner');"},
    {"yoy_growth",
     "CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=direct_trade, value=amount,"
     " period=period, by='partner, flow', grain=quarter);"
     "SELECT count(*), sum(growth) FROM g;"},
    {"trade_imbalance",
     "SELECT count(*), sum(balance) FROM"
     " trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');"},
    {"annual_projection",
     "SELECT count(*), sum(ytd) FROM"
     " annual_projection('exports', 'amount', 'period', 'partner', 'run_rate');"},
};

/* 40 partners x 2 flows x 600 months: 48,000 rows, a few hundred pages. */
static const char big_sql[] =
    "PRAGMA page_size = 1024;"
    "CREATE TABLE direct_trade(period TEXT, flow TEXT, partner TEXT, amount NUMERIC);"
    "WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 599),"
    " p(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM p WHERE j < 39)"
    " INSERT INTO direct_trade SELECT printf('%04d-%02d', 1950 + i / 12, i % 12 + 1),"
    "  f.flow, printf('partner %02d', j), (i * 7 + j * 13) % 1000 + 0.25"
    " FROM m, p, (SELECT 'export' flow UNION ALL SELECT 'import') f ORDER BY j, f.flow, i;"
    /* one row per partner and month: a series of the one-value tables */
    "CREATE VIEW exports AS SELECT * FROM direct_trade WHERE flow = 'export';";

static int make_database(void) {
  sqlite3 *db = NULL;
  remove(db_path);
  int rc = sqlite3_open(db_path, &db);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, big_sql, NULL, NULL, NULL);
  sqlite3_close(db);
  return rc;
}

typedef struct outcome {
  int rc;
  long nfail;
  th_str out;
} outcome;

static int run(const char *zSql, long at, outcome *o) {
  sqlite3 *db = NULL;
  memset(o, 0, sizeof(*o));
  int rc = sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, "ioerr");
  if (rc == SQLITE_OK) rc = sqlite3_tradestat_init(db, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA cache_size = 8;", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "ioerr: cannot open %s: %s\n", db_path, sqlite3_errmsg(db));
    sqlite3_close(db);
    return 1;
  }
  if (at > 0) {
    fault.countdown = at;
    fault.nfail = 0;
    fault.armed = 1;
  }
  o->rc = th_exec_all(db, zSql, &o->out);
  fault.armed = 0;
  o->nfail = fault.nfail;
  fault.nfail = 0;
  if (sqlite3_close(db) != SQLITE_OK) {
    fprintf(stderr, "ioerr: close failed: a statement was left open\n");
    return 1;
  }
  return 0;
}

static int registered(const th_registry *reg, const char *name) {
  return strncmp(name, "control", 7) == 0 || th_registered(reg, name);
}

int main(void) {
  snprintf(db_path, sizeof(db_path), "build/th_ioerr.%ld.db", (long)getpid());
  base_vfs = sqlite3_vfs_find(NULL);
  if (base_vfs == NULL) return 2;
  shim_vfs.szOsFile = (int)sizeof(shim_file) + base_vfs->szOsFile;
  shim_vfs.mxPathname = base_vfs->mxPathname;
  if (sqlite3_vfs_register(&shim_vfs, 0) != SQLITE_OK) return 2;
  if (make_database() != SQLITE_OK) {
    fprintf(stderr, "ioerr: cannot build %s\n", db_path);
    return 2;
  }
  th_registry reg;
  if (th_registry_load(&reg) != SQLITE_OK) return 2;

  long points = 0;
  int failures = 0, nscan = 0;
  for (size_t i = 0; i < sizeof(scans) / sizeof(scans[0]); i++) {
    if (!registered(&reg, scans[i].name)) {
      printf("ioerr: %-28s skipped: not registered yet\n", scans[i].name);
      continue;
    }
    outcome ref;
    if (run(scans[i].sql, 0, &ref)) return 2;
    sqlite3_int64 baseline = sqlite3_memory_used();
    if (ref.rc != SQLITE_OK) {
      fprintf(stderr, "ioerr: %s fails without a fault:\n  %s", scans[i].name,
              th_str_text(&ref.out));
      failures++;
      th_str_free(&ref.out);
      continue;
    }
    nscan++;
    long reads = 0, step = 1;
    for (long at = 1;; at += step) {
      outcome o;
      if (run(scans[i].sql, at, &o)) return 2;
      int ioerr = (o.rc & 0xff) == SQLITE_IOERR;
      int same = strcmp(th_str_text(&o.out), th_str_text(&ref.out)) == 0;
      if (!ioerr && !same) {
        fprintf(stderr,
                "ioerr: %s, read %ld failed: neither the I/O error nor the result\n"
                "  got: %.400s\n  expected: %.400s\n",
                scans[i].name, at, th_str_text(&o.out), th_str_text(&ref.out));
        failures++;
      }
      if (sqlite3_memory_used() != baseline) {
        fprintf(stderr, "ioerr: LEAK %s, read %ld failed: %lld bytes\n", scans[i].name, at,
                (long long)(sqlite3_memory_used() - baseline));
        baseline = sqlite3_memory_used();
        failures++;
      }
      long nfail = o.nfail;
      th_str_free(&o.out);
      if (nfail == 0) break;
      points++;
      reads = at;
      if (at >= 64) step = at / 16; /* every read early, then spread out */
    }
    printf("ioerr: %-28s I/O errors injected up to read %ld\n", scans[i].name, reads);
    th_str_free(&ref.out);
  }
  remove(db_path);
  printf("ioerr: %d scans, %ld fault points, %d failures\n", nscan, points, failures);
  return failures != 0 || points == 0;
}
