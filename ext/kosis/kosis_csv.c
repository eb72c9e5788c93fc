/*
** kosis/kosis_csv.c -- the kosis_csv virtual table: a KOSIS CSV export, read as
** it is downloaded, as rows of (dimensions..., period, value, preliminary,
** label).  The parsing is kosis_parse.c / kosis_text.c; this is the glue.
**
**   CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='export.csv');
**
** Contract:
**  1. One argument, file='path' (quotes optional; '' or "" inside quotes
**     for a quote).  The path is opened as given, relative to the process's
**     working directory.  Missing or unknown arguments are errors.
**  2. The file is read and checked once, when the table is created or
**     connected (on reopening a database holding a non-temp kosis_csv
**     table); queries serve that snapshot.  Every problem in the file is
**     reported then: "kosis_csv: <file> line N: ...", or
**     "kosis_csv: <file>: cannot open: ..." when it cannot be read.
**  3. Columns: the file's dimension columns under their own names (TEXT,
**     trimmed), then `period` (canonical label, TEXT), `value` (INTEGER or
**     REAL; NULL for `-` and the other no-data marks), `preliminary` (1 if
**     the period was marked `p`, else 0) and `label` (the period as
**     written).  Wide files give one row per record and period column, in
**     file order; long files one row per record.
**  4. SQLITE_VTAB_DIRECTONLY: the table reads a file named in its
**     arguments, so a database file from elsewhere must not be able to use
**     it from a view or trigger (where a harmless-looking query would read
**     any file the application can read).  Only top-level SQL may use it.
**  5. Read-only; no constraint is used (every query is a full scan of the
**     snapshot, which is in memory).
*/
#include "kosis/kosis_csv.h"
#include "glue/glue.h"
#include "families.h"

#include <errno.h>
#include <stdio.h>

#define KOSIS_MAX_FILE_BYTES ((sqlite3_int64)1 << 30)

typedef struct kosis_vtab {
  sqlite3_vtab base;
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

static const char *io_reason(int err) {
  switch (err) {
    case ENOENT: return "no such file";
    case EACCES: return "permission denied";
    case EISDIR: return "is a directory";
    default: return "read error";
  }
}

/* Reads the whole file.  SQLITE_OK, SQLITE_NOMEM, or SQLITE_ERROR with
** *pzErr = "kosis_csv: <file>: cannot open: ...". */
static int read_file(const char *zFile, char **pData, size_t *pn, char **pzErr) {
  *pData = NULL;
  *pn = 0;
  FILE *f = fopen(zFile, "rb");
  if (f == NULL) {
    *pzErr = sqlite3_mprintf("kosis_csv: %s: cannot open: %s", zFile, io_reason(errno));
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  sqlite3_int64 cap = 0, n = 0;
  char *data = NULL;
  int rc = SQLITE_OK;
  for (;;) {
    if (n == cap) {
      cap = cap ? cap * 2 : 65536;
      char *bigger = cap <= KOSIS_MAX_FILE_BYTES * 2 ? sqlite3_realloc64(data, (sqlite3_uint64)cap) : NULL;
      if (bigger == NULL) { rc = SQLITE_NOMEM; break; }
      data = bigger;
    }
    size_t got = fread(data + n, 1, (size_t)(cap - n), f);
    n += (sqlite3_int64)got;
    if (n > KOSIS_MAX_FILE_BYTES) {
      *pzErr = sqlite3_mprintf("kosis_csv: %s: larger than 1 GiB", zFile);
      rc = SQLITE_ERROR;
      break;
    }
    if (got == 0) {
      if (ferror(f)) {
        *pzErr = sqlite3_mprintf("kosis_csv: %s: cannot open: %s", zFile, io_reason(errno));
        rc = SQLITE_ERROR;
      }
      break;
    }
  }
  fclose(f);
  if (rc == SQLITE_ERROR && *pzErr == NULL) rc = SQLITE_NOMEM;
  if (rc != SQLITE_OK) {
    sqlite3_free(data);
    return rc;
  }
  *pData = data;
  *pn = (size_t)n;
  return SQLITE_OK;
}

/* The file= argument, or an error naming what is wrong. */
static int file_argument(int argc, const char *const *argv, char **pzFile, char **pzErr) {
  *pzFile = NULL;
  for (int i = 3; i < argc; i++) {
    char *zKey, *zValue;
    int rc = split_argument(argv[i], &zKey, &zValue);
    if (rc == SQLITE_OK && sqlite3_stricmp(zKey, "file") == 0 && *pzFile == NULL) {
      *pzFile = zValue;
      zValue = NULL;
    } else if (rc != SQLITE_NOMEM) {
      *pzErr = sqlite3_mprintf(rc == SQLITE_OK && sqlite3_stricmp(zKey, "file") == 0
                                   ? "kosis_csv: file= given twice"
                                   : "kosis_csv: unknown argument '%q' (expected file='path')",
                               argv[i]);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    sqlite3_free(zKey);
    sqlite3_free(zValue);
    if (rc != SQLITE_OK) {
      sqlite3_free(*pzFile);
      *pzFile = NULL;
      return rc;
    }
  }
  if (*pzFile == NULL || (*pzFile)[0] == 0) {
    sqlite3_free(*pzFile);
    *pzFile = NULL;
    *pzErr = sqlite3_mprintf("kosis_csv: missing argument file='path'");
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

static int declare_schema(sqlite3 *db, const ts_kosis_table *t) {
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendall(s, "CREATE TABLE x(");
  for (int d = 0; d < t->nDim; d++) {
    sqlite3_str_appendf(s, "\"%w\" TEXT, ", t->azDimName[d]);
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

static int kosis_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                         sqlite3_vtab **ppVtab, char **pzErr) {
  (void)pAux;
  *ppVtab = NULL;
  char *zFile = NULL, *data = NULL, *zWhy = NULL;
  size_t n = 0;
  int rc = file_argument(argc, argv, &zFile, pzErr);
  if (rc == SQLITE_OK) rc = read_file(zFile, &data, &n, pzErr);
  kosis_vtab *p = NULL;
  if (rc == SQLITE_OK) {
    p = sqlite3_malloc64(sizeof(*p));
    if (p == NULL) rc = SQLITE_NOMEM;
    else memset(p, 0, sizeof(*p));
  }
  if (rc == SQLITE_OK) {
    rc = ts_kosis_parse(data, n, &p->table, &zWhy);
    if (rc == SQLITE_ERROR) {
      *pzErr = sqlite3_mprintf("kosis_csv: %s %s", zFile, zWhy);
      if (*pzErr == NULL) rc = SQLITE_NOMEM;
    }
  }
  if (rc == SQLITE_OK) rc = declare_schema(db, &p->table);
  if (rc == SQLITE_OK) rc = sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  sqlite3_free(zWhy);
  sqlite3_free(data);
  sqlite3_free(zFile);
  if (rc != SQLITE_OK) {
    if (p) ts_kosis_clear(&p->table);
    sqlite3_free(p);
    return rc;
  }
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int kosis_disconnect(sqlite3_vtab *pVtab) {
  kosis_vtab *p = (kosis_vtab *)pVtab;
  ts_kosis_clear(&p->table);
  sqlite3_free(p);
  return SQLITE_OK;
}

static int kosis_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  kosis_vtab *p = (kosis_vtab *)pVtab;
  info->estimatedCost = (double)p->table.nCell + 1;
  info->estimatedRows = p->table.nCell;
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

static int kosis_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                        int argc, sqlite3_value **argv) {
  (void)idxNum, (void)idxStr, (void)argc, (void)argv;
  ((kosis_cursor *)cur)->iCell = 0;
  return SQLITE_OK;
}

static int kosis_next(sqlite3_vtab_cursor *cur) {
  ((kosis_cursor *)cur)->iCell++;
  return SQLITE_OK;
}

static int kosis_eof(sqlite3_vtab_cursor *cur) {
  kosis_cursor *c = (kosis_cursor *)cur;
  return c->iCell >= ((kosis_vtab *)cur->pVtab)->table.nCell;
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
      if (cell->is_null) sqlite3_result_null(ctx);
      else ts_result_number(ctx, &cell->value);
      break;
    case TS_KOSIS_COL_PRELIMINARY:
      sqlite3_result_int(ctx, period->period.preliminary != 0);
      break;
    default:
      sqlite3_result_text(ctx, period->label, -1, SQLITE_STATIC);
      break;
  }
  return SQLITE_OK;
}

static int kosis_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid) {
  *pRowid = ((kosis_cursor *)cur)->iCell + 1;
  return SQLITE_OK;
}

static const sqlite3_module kosis_module = {
    0,                 /* iVersion */
    kosis_connect,     /* xCreate: same as connect (not eponymous) */
    kosis_connect,     /* xConnect */
    kosis_best_index,  /* xBestIndex */
    kosis_disconnect,  /* xDisconnect */
    kosis_disconnect,  /* xDestroy */
    kosis_open,        /* xOpen */
    kosis_close,       /* xClose */
    kosis_filter,      /* xFilter */
    kosis_next,        /* xNext */
    kosis_eof,         /* xEof */
    kosis_column,      /* xColumn */
    kosis_rowid,       /* xRowid */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

int ts_kosis_csv_register(sqlite3 *db) {
  return sqlite3_create_module_v2(db, "kosis_csv", &kosis_module, NULL, NULL);
}
