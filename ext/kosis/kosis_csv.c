/*
** kosis/kosis_csv.c -- the kosis_csv virtual table: a KOSIS CSV export, read as
** it is downloaded, as rows of (dimensions..., period, value, preliminary,
** label).  The parsing is kosis_parse.c / kosis_text.c, the shadow table
** (items 3 and 4) kosis_shadow.c; this is the glue: arguments, the path
** rule and the module's callbacks; reading the file is kosis_file.c.
**
**   CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='export.csv');
**
** Contract:
**  1. Arguments: file='path' (required; quotes optional, '' or "" inside
**     quotes for a quote) and max_bytes=N (optional, default 268435456 =
**     256 MiB, at most 2^40).  Missing, repeated or unknown arguments are
**     errors.
**  2. Path rule: a relative file= is resolved once, at CREATE, against the
**     process's working directory at that moment, and the absolute path
**     is what every later query reads (a chdir, or another connection
**     started elsewhere, reads the same file).  Messages show the path as
**     written in file=.
**  3. CREATE reads and checks the whole file (every problem is reported
**     then: "kosis_csv: <file> line N: ...", "kosis_csv: <file>: cannot
**     open: ...") and keeps the file's absolute path and dimension column
**     names in a shadow table "<table>_kosis" in the table's schema
**     (position, kind 'file' or 'column', text), dropped and renamed with
**     the table.
**  4. Connecting an existing table (a new connection, or after a schema
**     change) never touches the file: the columns come from the shadow
**     table, so a database that points a table at a FIFO, /dev/zero or a
**     huge file costs nothing until the application itself queries that
**     table from top-level SQL.  Connecting fails only for out of memory
**     (not for the file, a missing or damaged shadow table, or arguments
**     no CREATE accepts): DROP TABLE always works, and a query on such a
**     table says what is wrong and that DROP TABLE works.
**  5. The first query of a connected table reads the file (xFilter, after
**     SQLite's DIRECTONLY and trusted_schema checks); the snapshot then
**     serves every query of that table object.  The file must still have
**     the dimension columns the table was created with.
**  6. Reading: open(2) with O_NONBLOCK, then fstat(2) on the open file
**     (never stat-then-open): anything but a regular file is refused
**     ("not a regular file (a FIFO)"); a file larger than max_bytes is
**     refused before it is read, and reading stops at max_bytes + 1 bytes
**     if it grows.  Reading and parsing poll sqlite3_interrupt() and the
**     progress handler (by stepping a small statement every 256 KiB), so
**     a long load stops with SQLITE_INTERRUPT.
**  7. Columns: the file's dimension columns under their own names (TEXT,
**     trimmed), then `period` (canonical label, TEXT), `value` (INTEGER or
**     REAL; NULL for `-` and the other no-data marks), `preliminary` (1 if
**     the period was marked `p`, else 0) and `label` (the period as
**     written).  Wide files give one row per record and period column, in
**     file order; long files one row per record.  A file with more
**     dimension columns than SQLite's column limit allows (less the four
**     result columns) is an error that says so.
**  8. SQLITE_VTAB_DIRECTONLY: the table reads a file named in its
**     arguments, so a database file from elsewhere must not be able to use
**     it from a view or trigger (where a harmless-looking query would read
**     any file the application can read).  Only top-level SQL may use it.
**  9. Read-only; no constraint is used (every query is a full scan of the
**     snapshot, which is in memory).
*/
/* getcwd: POSIX.1-2008 (also under -std=c11). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "kosis/kosis_csv.h"
#include "kosis/kosis_shadow.h"
#include "kosis/kosis_file.h"
#include "glue/glue.h"
#include "families.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define KOSIS_DEFAULT_MAX_BYTES ((sqlite3_int64)256 << 20)
#define KOSIS_MAX_MAX_BYTES     ((sqlite3_int64)1 << 40)

typedef struct kosis_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  char *zSchema, *zName; /* the table, for its shadow table and messages */
  char *zShown;          /* file= as written, for messages */
  char *zPath;           /* the file to read (absolute since CREATE) */
  sqlite3_int64 max_bytes;
  int nDim;      /* declared dimension columns */
  char **azDim;  /* their names (one allocation) */
  char *zBroken; /* why the table cannot be read, or NULL */
  int loaded;    /* table holds the file's snapshot */
  ts_kosis_table table;
} kosis_vtab;

typedef struct kosis_cursor {
  sqlite3_vtab_cursor base;
  sqlite3_int64 iCell;
} kosis_cursor;

/* "key = value" with the value unquoted; both sqlite3_malloc'ed.  Returns
** SQLITE_OK, SQLITE_NOMEM, or SQLITE_ERROR when there is no '='. */
static int split_argument(const char *zArg, char **pzKey, char **pzValue) {
  *pzKey = *pzValue = NULL;
  const char *eq = strchr(zArg, '=');
  if (eq == NULL) return SQLITE_ERROR;
  const char *k0 = zArg, *k1 = eq, *v0 = eq + 1, *v1 = eq + strlen(eq);
  while (k0 < k1 && (*k0 == ' ' || *k0 == '\t')) k0++;
  while (k1 > k0 && (k1[-1] == ' ' || k1[-1] == '\t')) k1--;
  while (v0 < v1 && (*v0 == ' ' || *v0 == '\t')) v0++;
  while (v1 > v0 && (v1[-1] == ' ' || v1[-1] == '\t')) v1--;
  *pzKey = sqlite3_mprintf("%.*s", (int)(k1 - k0), k0);
  *pzValue = sqlite3_malloc64((sqlite3_uint64)(v1 - v0) + 1);
  if (*pzKey == NULL || *pzValue == NULL) return SQLITE_NOMEM;
  char q = *v0;
  char *w = *pzValue;
  if ((q == '\'' || q == '"') && v1 - v0 >= 2 && v1[-1] == q) {
    for (const char *p = v0 + 1; p < v1 - 1; p++) {
      *w++ = *p;
      if (*p == q && p + 1 < v1 - 1 && p[1] == q) p++;
    }
  } else {
    memcpy(w, v0, (size_t)(v1 - v0));
    w += v1 - v0;
  }
  *w = 0;
  return SQLITE_OK;
}

typedef struct kosis_args {
  char *zFile;
  sqlite3_int64 max_bytes;
} kosis_args;

static int parse_max_bytes(const char *z, sqlite3_int64 *pOut) {
  sqlite3_int64 v = 0;
  if (*z == 0) return SQLITE_ERROR;
  for (; *z; z++) {
    if (*z < '0' || *z > '9') return SQLITE_ERROR;
    v = v * 10 + (*z - '0');
    if (v > KOSIS_MAX_MAX_BYTES) return SQLITE_ERROR;
  }
  if (v < 1) return SQLITE_ERROR;
  *pOut = v;
  return SQLITE_OK;
}

/* file= and max_bytes=, or an error naming what is wrong. */
static int read_arguments(int argc, const char *const *argv, kosis_args *a, char **pzErr) {
  memset(a, 0, sizeof(*a));
  a->max_bytes = KOSIS_DEFAULT_MAX_BYTES;
  int seen_max = 0;
  int rc = SQLITE_OK;
  for (int i = 3; i < argc && rc == SQLITE_OK; i++) {
    char *zKey, *zValue;
    rc = split_argument(argv[i], &zKey, &zValue);
    if (rc == SQLITE_NOMEM) {
    } else if (rc == SQLITE_OK && sqlite3_stricmp(zKey, "file") == 0 && a->zFile == NULL) {
      a->zFile = zValue;
      zValue = NULL;
    } else if (rc == SQLITE_OK && sqlite3_stricmp(zKey, "file") == 0) {
      *pzErr = sqlite3_mprintf("kosis_csv: file= given twice");
      rc = SQLITE_ERROR;
    } else if (rc == SQLITE_OK && sqlite3_stricmp(zKey, "max_bytes") == 0) {
      if (seen_max) {
        *pzErr = sqlite3_mprintf("kosis_csv: max_bytes= given twice");
        rc = SQLITE_ERROR;
      } else if (parse_max_bytes(zValue, &a->max_bytes) != SQLITE_OK) {
        char *zShown = ts_text_repr(zValue, (int)strlen(zValue));
        *pzErr = zShown ? sqlite3_mprintf(
                              "kosis_csv: max_bytes must be a whole number of bytes"
                              " from 1 to %lld: %s",
                              KOSIS_MAX_MAX_BYTES, zShown)
                        : NULL;
        sqlite3_free(zShown);
        rc = SQLITE_ERROR;
      }
      seen_max = 1;
    } else {
      char *zShown = ts_text_repr(argv[i], (int)strlen(argv[i]));
      *pzErr =
          zShown ? sqlite3_mprintf("kosis_csv: unknown argument %s (expected file='path')", zShown)
                 : NULL;
      sqlite3_free(zShown);
      rc = SQLITE_ERROR;
    }
    if (rc == SQLITE_ERROR && *pzErr == NULL) rc = SQLITE_NOMEM;
    sqlite3_free(zKey);
    sqlite3_free(zValue);
  }
  if (rc == SQLITE_OK && (a->zFile == NULL || a->zFile[0] == 0)) {
    *pzErr = sqlite3_mprintf("kosis_csv: missing argument file='path'");
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (rc != SQLITE_OK) {
    sqlite3_free(a->zFile);
    a->zFile = NULL;
  }
  return rc;
}

/* The path made absolute against the working directory (contract item 2).
** Only the path is built: nothing is opened. */
static int absolute_path(const char *zFile, char **pzPath, char **pzErr) {
  if (zFile[0] == '/') {
    *pzPath = sqlite3_mprintf("%s", zFile);
    return *pzPath ? SQLITE_OK : SQLITE_NOMEM;
  }
  char *zCwd = NULL;
  for (size_t n = 256; n <= ((size_t)1 << 20); n *= 2) {
    zCwd = sqlite3_malloc64(n);
    if (zCwd == NULL) return SQLITE_NOMEM;
    if (getcwd(zCwd, n) != NULL) break;
    sqlite3_free(zCwd);
    zCwd = NULL;
    if (errno != ERANGE) break;
  }
  if (zCwd == NULL) {
    *pzErr = sqlite3_mprintf(
        "kosis_csv: %s: cannot resolve the relative path: the working"
        " directory is unknown",
        zFile);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  size_t nCwd = strlen(zCwd);
  *pzPath = sqlite3_mprintf("%s%s%s", zCwd, nCwd > 0 && zCwd[nCwd - 1] == '/' ? "" : "/", zFile);
  sqlite3_free(zCwd);
  return *pzPath ? SQLITE_OK : SQLITE_NOMEM;
}

/* ---- the declared columns (reading the file is kosis_file.c) -------- */

static int declare_schema(sqlite3 *db, int nDim, const char *const *azDim) {
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "CREATE TABLE x(");
  for (int d = 0; d < nDim; d++) {
    sqlite3_str_appendf(s, "\"%w\" TEXT, ", azDim[d]);
  }
  sqlite3_str_appendf(s, "%s TEXT, %s NUMERIC, %s INTEGER, %s TEXT)",
                      ts_kosis_result_columns[TS_KOSIS_COL_PERIOD],
                      ts_kosis_result_columns[TS_KOSIS_COL_VALUE],
                      ts_kosis_result_columns[TS_KOSIS_COL_PRELIMINARY],
                      ts_kosis_result_columns[TS_KOSIS_COL_LABEL]);
  char *zSql = sqlite3_str_finish(s);
  if (zSql == NULL) return SQLITE_NOMEM;
  int rc = sqlite3_declare_vtab(db, zSql);
  sqlite3_free(zSql);
  return rc;
}

/* ---- xCreate / xConnect ---------------------------------------------- */

static void kosis_free(kosis_vtab *p) {
  if (p == NULL) return;
  ts_kosis_clear(&p->table);
  sqlite3_free(p->zSchema);
  sqlite3_free(p->zName);
  sqlite3_free(p->zShown);
  sqlite3_free(p->zPath);
  sqlite3_free(p->azDim);
  sqlite3_free(p->zBroken);
  sqlite3_free(p);
}

/* Allocates the table and reads its arguments.  On an argument error
** (SQLITE_ERROR, *pzErr set) *pp is still the table, for xConnect. */
static int kosis_init(sqlite3 *db, int argc, const char *const *argv, kosis_vtab **pp,
                      char **pzErr) {
  *pp = NULL;
  kosis_vtab *p = sqlite3_malloc64(sizeof(*p));
  if (p == NULL) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  p->zSchema = sqlite3_mprintf("%s", argv[1]);
  p->zName = sqlite3_mprintf("%s", argv[2]);
  if (p->zSchema == NULL || p->zName == NULL) {
    kosis_free(p);
    return SQLITE_NOMEM;
  }
  kosis_args a;
  int rc = read_arguments(argc, argv, &a, pzErr);
  if (rc == SQLITE_NOMEM) {
    kosis_free(p);
    return rc;
  }
  p->zShown = a.zFile;
  p->max_bytes = a.max_bytes;
  *pp = p;
  return rc;
}

/* xCreate: the application's own CREATE VIRTUAL TABLE statement (never a
** view or trigger): reads and checks the file, declares its columns and
** writes the shadow table (contract items 2 and 3). */
static int kosis_create(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                        sqlite3_vtab **ppVtab, char **pzErr) {
  (void)pAux;
  *ppVtab = NULL;
  kosis_vtab *p = NULL;
  int rc = kosis_init(db, argc, argv, &p, pzErr);
  if (rc == SQLITE_OK) rc = absolute_path(p->zShown, &p->zPath, pzErr);
  if (rc == SQLITE_OK)
    rc = ts_kosis_load_file(db, p->zPath, p->zShown, p->max_bytes, &p->table, pzErr);
  if (rc == SQLITE_OK) {
    p->loaded = 1;
    rc = declare_schema(db, p->table.nDim, p->table.azDimName);
  }
  if (rc == SQLITE_OK) rc = sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  if (rc == SQLITE_OK)
    rc = ts_kosis_shadow_write(db, p->zSchema, p->zName, p->zPath, p->table.nDim,
                               p->table.azDimName, pzErr);
  if (rc == SQLITE_INTERRUPT && *pzErr == NULL) {
    /* else SQLite says "vtable constructor failed" */
    *pzErr = sqlite3_mprintf("%s", sqlite3_errstr(rc));
  }
  if (rc != SQLITE_OK) {
    if (*pzErr && (*pzErr = ts_message_plain(*pzErr)) == NULL) rc = SQLITE_NOMEM;
    kosis_free(p);
    return rc;
  }
  *ppVtab = &p->base;
  return SQLITE_OK;
}

/* xConnect: no file access (contract item 4); fails only for out of
** memory. */
static int kosis_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                         sqlite3_vtab **ppVtab, char **pzErr) {
  (void)pAux;
  *ppVtab = NULL;
  kosis_vtab *p = NULL;
  int rc = kosis_init(db, argc, argv, &p, pzErr);
  if (rc == SQLITE_ERROR) {
    /* Arguments no CREATE accepts: a schema written by other means.  The
    ** table still connects, so that it can be dropped. */
    const char *zWhy = *pzErr ? *pzErr : "";
    if (strncmp(zWhy, "kosis_csv: ", 11) == 0) zWhy += 11;
    p->zBroken = sqlite3_mprintf("its arguments are invalid: %s", zWhy);
    sqlite3_free(*pzErr);
    *pzErr = NULL;
    rc = p->zBroken ? SQLITE_OK : SQLITE_NOMEM;
  } else if (rc == SQLITE_OK) {
    rc =
        ts_kosis_shadow_read(db, p->zSchema, p->zName, &p->zPath, &p->nDim, &p->azDim, &p->zBroken);
  }
  if (rc == SQLITE_OK && p->zBroken == NULL) {
    rc = declare_schema(db, p->nDim, (const char *const *)p->azDim);
    if (rc != SQLITE_OK && rc != SQLITE_NOMEM) {
      p->zBroken = sqlite3_mprintf("its shadow table \"%w_" TS_KOSIS_SHADOW
                                   "\" names columns"
                                   " SQLite cannot declare: %s",
                                   p->zName, sqlite3_errmsg(db));
      rc = p->zBroken ? SQLITE_OK : SQLITE_NOMEM;
    }
  }
  if (rc == SQLITE_OK && p->zBroken) rc = declare_schema(db, 0, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  if (rc != SQLITE_OK) {
    kosis_free(p);
    return rc;
  }
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int kosis_disconnect(sqlite3_vtab *pVtab) {
  kosis_free((kosis_vtab *)pVtab);
  return SQLITE_OK;
}

static int kosis_destroy(sqlite3_vtab *pVtab) {
  kosis_vtab *p = (kosis_vtab *)pVtab;
  char *zSql = sqlite3_mprintf("DROP TABLE IF EXISTS \"%w\".\"%w_" TS_KOSIS_SHADOW "\"", p->zSchema,
                               p->zName);
  int rc = zSql ? sqlite3_exec(p->db, zSql, NULL, NULL, NULL) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) return rc;
  kosis_free(p);
  return SQLITE_OK;
}

static int kosis_rename(sqlite3_vtab *pVtab, const char *zNew) {
  kosis_vtab *p = (kosis_vtab *)pVtab;
  char *zName = sqlite3_mprintf("%s", zNew);
  char *zSql = sqlite3_mprintf("ALTER TABLE \"%w\".\"%w_" TS_KOSIS_SHADOW
                               "\" RENAME TO \"%w_" TS_KOSIS_SHADOW "\"",
                               p->zSchema, p->zName, zNew);
  int rc = zSql && zName ? SQLITE_OK : SQLITE_NOMEM;
  if (rc == SQLITE_OK && p->zBroken == NULL) rc = sqlite3_exec(p->db, zSql, NULL, NULL, NULL);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) {
    sqlite3_free(zName);
    return rc;
  }
  sqlite3_free(p->zName);
  p->zName = zName;
  return SQLITE_OK;
}

static int kosis_shadow_name(const char *zSuffix) {
  return sqlite3_stricmp(zSuffix, TS_KOSIS_SHADOW) == 0;
}

static int kosis_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  kosis_vtab *p = (kosis_vtab *)pVtab;
  double rows = p->loaded ? (double)p->table.nCell : 1e6;
  info->estimatedCost = rows + 1;
  info->estimatedRows = (sqlite3_int64)rows;
  return SQLITE_OK;
}

static int kosis_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  (void)pVtab;
  kosis_cursor *c = sqlite3_malloc64(sizeof(*c));
  if (c == NULL) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCursor = &c->base;
  return SQLITE_OK;
}

static int kosis_close(sqlite3_vtab_cursor *cur) {
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* DROP TABLE <name>, quoting the name only when it needs it. */
static char *drop_hint(const char *zName) {
  int plain = zName[0] != 0 && !(zName[0] >= '0' && zName[0] <= '9');
  for (const char *z = zName; *z && plain; z++)
    plain = (*z >= 'a' && *z <= 'z') || (*z >= 'A' && *z <= 'Z') || (*z >= '0' && *z <= '9') ||
            *z == '_';
  return sqlite3_mprintf(plain ? "DROP TABLE %s still works" : "DROP TABLE \"%w\" still works",
                         zName);
}

/* Sets the query-time error: what is wrong, the table, and that DROP
** TABLE works (contract item 4). */
static int query_error(kosis_vtab *p, char *zWhat) {
  char *zHint = drop_hint(p->zName);
  sqlite3_free(p->base.zErrMsg);
  p->base.zErrMsg =
      zWhat && zHint
          ? ts_message_plain(sqlite3_mprintf("%s (table \"%w\"; %s)", zWhat, p->zName, zHint))
          : NULL;
  sqlite3_free(zWhat);
  sqlite3_free(zHint);
  return p->base.zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The file's dimension columns must be the ones declared (contract item 5). */
static char *columns_changed(const kosis_vtab *p, const ts_kosis_table *t) {
  if (t->nDim != p->nDim) {
    return sqlite3_mprintf(
        "kosis_csv: %s: the file now has %d dimension columns; the table"
        " was created with %d",
        p->zShown, t->nDim, p->nDim);
  }
  for (int d = 0; d < t->nDim; d++) {
    if (strcmp(t->azDimName[d], p->azDim[d]) != 0) {
      return sqlite3_mprintf(
          "kosis_csv: %s: dimension column %d is now \"%s\"; the table was"
          " created with \"%s\"",
          p->zShown, d + 1, t->azDimName[d], p->azDim[d]);
    }
  }
  return NULL;
}

/* First query of a connected table: reads the file (contract item 5). */
static int load_snapshot(kosis_vtab *p) {
  if (p->zBroken) {
    return query_error(p, sqlite3_mprintf("kosis_csv: %s", p->zBroken));
  }
  ts_kosis_table t;
  char *zErr = NULL;
  int rc = ts_kosis_load_file(p->db, p->zPath, p->zShown, p->max_bytes, &t, &zErr);
  if (rc == SQLITE_OK) {
    zErr = columns_changed(p, &t);
    if (zErr) rc = SQLITE_ERROR;
  }
  if (rc != SQLITE_OK) {
    ts_kosis_clear(&t);
    if (rc == SQLITE_ERROR) return query_error(p, zErr);
    sqlite3_free(zErr);
    return rc;
  }
  p->table = t;
  p->loaded = 1;
  return SQLITE_OK;
}

static int kosis_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc,
                        sqlite3_value **argv) {
  (void)idxNum, (void)idxStr, (void)argc, (void)argv;
  kosis_vtab *p = (kosis_vtab *)cur->pVtab;
  ((kosis_cursor *)cur)->iCell = 0;
  if (!p->loaded) return load_snapshot(p);
  return SQLITE_OK;
}

static int kosis_next(sqlite3_vtab_cursor *cur) {
  ((kosis_cursor *)cur)->iCell++;
  return SQLITE_OK;
}

static int kosis_eof(sqlite3_vtab_cursor *cur) {
  kosis_cursor *c = (kosis_cursor *)cur;
  const kosis_vtab *p = (const kosis_vtab *)cur->pVtab;
  return !p->loaded || c->iCell >= p->table.nCell;
}

static int kosis_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  kosis_cursor *c = (kosis_cursor *)cur;
  const ts_kosis_table *t = &((kosis_vtab *)cur->pVtab)->table;
  const ts_kosis_cell *cell = &t->aCell[c->iCell];
  const ts_kosis_period *period = &t->aPeriod[cell->period];
  if (i < t->nDim) {
    const char *z = t->azDim[(sqlite3_int64)cell->record * t->nDim + i];
    sqlite3_result_text(ctx, z, -1, SQLITE_STATIC);
    return SQLITE_OK;
  }
  switch (i - t->nDim) {
    case TS_KOSIS_COL_PERIOD:
      sqlite3_result_text(ctx, period->canonical, -1, SQLITE_TRANSIENT);
      break;
    case TS_KOSIS_COL_VALUE:
      if (cell->is_null)
        sqlite3_result_null(ctx);
      else
        ts_result_number(ctx, &cell->value);
      break;
    case TS_KOSIS_COL_PRELIMINARY: sqlite3_result_int(ctx, period->period.preliminary != 0); break;
    default: sqlite3_result_text(ctx, period->label, -1, SQLITE_STATIC); break;
  }
  return SQLITE_OK;
}

static int kosis_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid) {
  *pRowid = ((kosis_cursor *)cur)->iCell + 1;
  return SQLITE_OK;
}

static const sqlite3_module kosis_module = {
    .iVersion = 3,
    .xCreate = kosis_create, /* distinct from xConnect: not eponymous */
    .xConnect = kosis_connect,
    .xBestIndex = kosis_best_index,
    .xDisconnect = kosis_disconnect,
    .xDestroy = kosis_destroy,
    .xOpen = kosis_open,
    .xClose = kosis_close,
    .xFilter = kosis_filter,
    .xNext = kosis_next,
    .xEof = kosis_eof,
    .xColumn = kosis_column,
    .xRowid = kosis_rowid,
    .xRename = kosis_rename,
    .xShadowName = kosis_shadow_name,
};

int ts_kosis_csv_register(sqlite3 *db) {
  return sqlite3_create_module_v2(db, "kosis_csv", &kosis_module, NULL, NULL);
}
