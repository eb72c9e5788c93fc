/*
** vtab/series_store.c -- every series of a source, read once and kept: a
** statement that writes a source without rowids replays them in each of
** its xFilters (series_snapshot.c) instead of reading what it wrote.
*/
#include "vtab/series_store.h"

void ts_store_free(ts_series_store *store) {
  if (store == NULL) return;
  for (int i = 0; i < store->n; i++) {
    for (int k = 0; k < TS_MAX_BY; k++) sqlite3_value_free(store->a[i].apKey[k]);
    sqlite3_free(store->a[i].aPoint);
  }
  sqlite3_free(store->a);
  sqlite3_free(store);
}

static int store_add(ts_series_store *store, const ts_series *s) {
  if (store->n == store->nAlloc) {
    int nNew = store->nAlloc ? store->nAlloc * 2 : 16;
    ts_series *a = sqlite3_realloc64(store->a, sizeof(*a) * (sqlite3_uint64)nNew);
    if (a == NULL) return SQLITE_NOMEM;
    store->a = a;
    store->nAlloc = nNew;
  }
  ts_series *c = &store->a[store->n];
  memset(c, 0, sizeof(*c));
  store->n++; /* freed with the store from here on */
  c->kind = s->kind;
  c->first_day[0] = s->first_day[0];
  c->first_day[1] = s->first_day[1];
  for (int k = 0; k < TS_MAX_BY; k++) {
    if (s->apKey[k] && (c->apKey[k] = sqlite3_value_dup(s->apKey[k])) == NULL) return SQLITE_NOMEM;
  }
  c->aPoint = sqlite3_malloc64(sizeof(ts_point) * (sqlite3_uint64)(s->nPoint ? s->nPoint : 1));
  if (c->aPoint == NULL) return SQLITE_NOMEM;
  memcpy(c->aPoint, s->aPoint, sizeof(ts_point) * (size_t)s->nPoint);
  c->nPoint = c->nAlloc = s->nPoint;
  return SQLITE_OK;
}

int ts_store_read(sqlite3 *db, const ts_source_spec *spec, ts_series_store **ppStore,
                  char **pzErr) {
  ts_pushdown pd;
  ts_scan *scan = NULL;
  ts_series_store *store = sqlite3_malloc64(sizeof(*store));
  *ppStore = NULL;
  if (store == NULL) return SQLITE_NOMEM;
  memset(store, 0, sizeof(*store));
  memset(&pd, 0, sizeof(pd));
  pd.snapshot = 1; /* sorted in full before the first row */
  int rc = ts_scan_open(db, spec, &pd, &scan, pzErr);
  while (rc == SQLITE_OK) {
    ts_series *s = NULL;
    rc = ts_scan_next(scan, &s, pzErr);
    if (rc == SQLITE_ROW) rc = store_add(store, s);
  }
  ts_scan_close(scan);
  if (rc != SQLITE_DONE) {
    ts_store_free(store);
    return rc;
  }
  *ppStore = store;
  return SQLITE_OK;
}
