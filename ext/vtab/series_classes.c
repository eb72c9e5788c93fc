/*
** vtab/series_classes.c -- the classes of TEXT values under an
** application's collation (series_classes.h), for the series ids of
** series_rowid.c: values the collation makes equal are one class, found
** by a binary search whose every comparison SQLite makes.
*/
#include "vtab/series_classes.h"

#include <string.h>

void ts_classes_clear(ts_coll_classes *c) {
  sqlite3_finalize(c->cmp);
  sqlite3_free(c->zColl);
  sqlite3_free(c->azRep); /* the values themselves are the keeper's (xKeep) */
  sqlite3_free(c->aId);
  memset(c, 0, sizeof(*c));
}

/* Compares TEXT a (na bytes) with TEXT b under c's collation: *pCmp
** negative, 0 or positive.  An SQLite error code. */
static int classes_compare(ts_coll_classes *c, const void *a, uint32_t na, const void *b,
                           uint32_t nb, int *pCmp) {
  int rc = sqlite3_bind_text(c->cmp, 1, a, (int)na, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(c->cmp, 2, b, (int)nb, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(c->cmp);
  if (rc == SQLITE_ROW) {
    *pCmp = sqlite3_column_int(c->cmp, 0) ? 0 : sqlite3_column_int(c->cmp, 1) ? -1 : 1;
    rc = SQLITE_OK;
  } else if (rc == SQLITE_DONE) {
    rc = SQLITE_ERROR;
  }
  sqlite3_reset(c->cmp);
  sqlite3_clear_bindings(c->cmp);
  return rc;
}

int ts_class_of(sqlite3 *db, ts_coll_classes *c, uint32_t *pnClass, const char *zColl,
                const void *z, uint32_t n, ts_classes_keep xKeep, void *pKeepArg, uint32_t *pId) {
  if (c->zColl == NULL || strcmp(c->zColl, zColl) != 0) {
    ts_classes_clear(c); /* another collation: classes of its own (ids never reused) */
    if ((c->zColl = sqlite3_mprintf("%s", zColl)) == NULL) return SQLITE_NOMEM;
  }
  if (c->cmp == NULL) {
    char *zSql =
        sqlite3_mprintf("SELECT ?1 = ?2 COLLATE \"%w\", ?1 < ?2 COLLATE \"%w\"", zColl, zColl);
    int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &c->cmp, NULL) : SQLITE_NOMEM;
    sqlite3_free(zSql);
    if (rc != SQLITE_OK) return rc;
  }
  /* the collation calling back into this table while it compares */
  if (sqlite3_stmt_busy(c->cmp)) return SQLITE_MISUSE;
  int lo = 0, hi = c->n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2, cmp = 0;
    uint32_t nRep;
    memcpy(&nRep, c->azRep[mid], 4);
    /* the same bytes are the same class without asking */
    if (nRep != n || (n > 0 && memcmp(c->azRep[mid] + 4, z, n) != 0)) {
      int rc = classes_compare(c, z, n, c->azRep[mid] + 4, nRep, &cmp);
      if (rc != SQLITE_OK) return rc;
    }
    if (cmp == 0) {
      *pId = c->aId[mid];
      return SQLITE_OK;
    }
    if (cmp < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  if (c->n == c->nAlloc) {
    int nNew = c->nAlloc ? 2 * c->nAlloc : 16;
    const unsigned char **a = sqlite3_realloc64(c->azRep, sizeof(*a) * (sqlite3_uint64)nNew);
    if (a == NULL) return SQLITE_NOMEM;
    c->azRep = a;
    uint32_t *aId = sqlite3_realloc64(c->aId, sizeof(*aId) * (sqlite3_uint64)nNew);
    if (aId == NULL) return SQLITE_NOMEM;
    c->aId = aId;
    c->nAlloc = nNew;
  }
  if (*pnClass == UINT32_MAX) return SQLITE_FULL;
  unsigned char *zRep = xKeep(pKeepArg, 4 + (size_t)n);
  if (zRep == NULL) return SQLITE_NOMEM;
  memcpy(zRep, &n, 4);
  if (n) memcpy(zRep + 4, z, n);
  memmove(&c->azRep[lo + 1], &c->azRep[lo], sizeof(c->azRep[0]) * (size_t)(c->n - lo));
  memmove(&c->aId[lo + 1], &c->aId[lo], sizeof(c->aId[0]) * (size_t)(c->n - lo));
  c->azRep[lo] = zRep;
  c->aId[lo] = *pId = ++*pnClass;
  c->n++;
  return SQLITE_OK;
}
