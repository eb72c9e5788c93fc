/*
** vtab/series_hash_emit.c -- the hash path after its pass (series_hash.c,
** contract items 4 to 6 there): whether the streaming path would answer
** the same (ts_hash_points_check), the series put in the order the
** streaming path gives them (ts_hash_order_series), the pass's tables
** let go, and each series handed out with its key and its points, as
** ts_series the modules read (ts_hash_next, ts_hash_series_at).
*/
#include "vtab/series_hash_int.h"

#include <string.h>

/* What the streaming path would do with every point: 0 the same answer
** (no duplicate without grain=, no overlap of kinds, sums free of
** order), 1 it would report an error or might round differently. */
int ts_hash_points_check(const ts_hash *h) {
  if (h->compact) return 0; /* one row each (add_compact), no grain= */
  for (uint32_t idx = 0; idx < h->nPoint; idx++) {
    const hslot *pt = point_at(h, idx);
    for (int k = 0; k < h->nSlot; k++) {
      const hslot *sl = &pt[k];
      ts_sum sum;
      slot_sum(h, sl, &sum);
      if (sum.count == 0) continue;
      if (h->spec->grain == TS_KIND_NONE && sum.count > 1) return 1;
      for (int k1 = 1; k1 <= TS_KIND_DAY; k1++)
        for (int k2 = k1 + 1; k2 <= TS_KIND_DAY; k2++)
          if (slot_cover(sl, k1) & slot_cover(sl, k2)) return 1;
      if (!ts_hash_sum_is_order_free(sl, &sum)) return 1;
    }
  }
  return 0;
}

/* Sorts the series in key order; 1 when two keys are equal to SQLite
** (the streaming path groups them).  Each series' points are read from
** its direct index or pages, in ordinal order. */
int ts_hash_order_series(ts_hash *h) {
  uint32_t n = h->nSeries;
  h->aOrder = ts_hash_alloc(h, (sqlite3_uint64)(n + 1) * sizeof(uint32_t));
  if (!h->aOrder) return 1;
  for (uint32_t s = 0; s < n; s++) h->aOrder[s] = s;
  if (h->spec->nBy > 0 && n > 1) {
    uint32_t *tmp = ts_hash_alloc(h, (sqlite3_uint64)n * sizeof(uint32_t));
    if (tmp == NULL) return 1;
    ts_hash_sort_series(h, h->aOrder, tmp, n);
    h->mem -= (sqlite3_int64)n * (sqlite3_int64)sizeof(uint32_t);
    sqlite3_free(tmp);
    for (uint32_t k = 1; k < n; k++)
      if (ts_hash_series_compare(h, h->aOrder[k - 1], h->aOrder[k]) == 0) return 1;
  }
  return 0;
}

/* After the pass: the table that finds a row's series is freed before
** any series is handed out, so the memory the rows of the result take
** next (the table's series ids, the module's own) can reuse it. */
void ts_hash_release_pass_tables(ts_hash *h) {
  sqlite3_free(h->aSeriesSlot);
  sqlite3_free(h->zRow);
  h->aSeriesSlot = NULL, h->zRow = NULL;
  h->nSeriesSlot = h->nRowAlloc = 0;
}

/* The key values of series sid for walk w (0 ts_hash_next, 1
** ts_hash_series_at) into apKey: made from its encoding by binding it to
** "SELECT ?1, ..." and copying the columns, so they are the first row's
** values in type and bytes; the walk's previous ones are freed.  They
** stay valid until the walk's next series. */
static int series_keys(ts_hash *h, uint32_t sid, int w, sqlite3_value **apKey) {
  int nBy = h->spec->nBy;
  if (nBy == 0) return SQLITE_OK;
  if (h->keyStmt == NULL) {
    sqlite3_str *q = sqlite3_str_new(h->db);
    sqlite3_str_appendall(q, "SELECT ?1");
    for (int i = 1; i < nBy; i++) sqlite3_str_appendf(q, ", ?%d", i + 1);
    char *zSql = sqlite3_str_finish(q);
    if (zSql == NULL) return SQLITE_NOMEM;
    int rc = sqlite3_prepare_v2(h->db, zSql, -1, &h->keyStmt, NULL);
    sqlite3_free(zSql);
    if (rc != SQLITE_OK) return rc;
  }
  const unsigned char *p = h->aSeries[sid].zEnc;
  int rc = SQLITE_OK;
  for (int i = 0; i < nBy && rc == SQLITE_OK; i++) {
    hkey k;
    ts_hash_decode_key(&p, &k);
    switch (k.type) {
      case SQLITE_INTEGER: rc = sqlite3_bind_int64(h->keyStmt, i + 1, k.i); break;
      case SQLITE_FLOAT: rc = sqlite3_bind_double(h->keyStmt, i + 1, k.d); break;
      case SQLITE_TEXT:
        rc = sqlite3_bind_text(h->keyStmt, i + 1, (const char *)k.z, k.n, SQLITE_STATIC);
        break;
      case SQLITE_BLOB: rc = sqlite3_bind_blob(h->keyStmt, i + 1, k.z, k.n, SQLITE_STATIC); break;
      default: rc = sqlite3_bind_null(h->keyStmt, i + 1); break;
    }
  }
  if (rc == SQLITE_OK) { /* SQLITE_ROW, or an interrupt or no memory */
    rc = sqlite3_step(h->keyStmt);
    rc = rc == SQLITE_ROW ? SQLITE_OK : rc == SQLITE_DONE ? SQLITE_ERROR : rc;
  }
  for (int i = 0; i < nBy && rc == SQLITE_OK; i++) {
    sqlite3_value_free(h->walkKey[w][i]);
    h->walkKey[w][i] = sqlite3_value_dup(sqlite3_column_value(h->keyStmt, i));
    if (h->walkKey[w][i] == NULL) rc = SQLITE_NOMEM;
    apKey[i] = h->walkKey[w][i];
  }
  sqlite3_reset(h->keyStmt);
  sqlite3_clear_bindings(h->keyStmt);
  return rc;
}

/* The points of series sid, in ordinal order, as the streaming path
** builds them. */
static int series_points(ts_hash *h, uint32_t sid, int w, ts_series *s) {
  const hseries *hs = &h->aSeries[sid];
  uint32_t n = hs->nPoint;
  int rc = series_keys(h, sid, w, s->apKey);
  if (rc != SQLITE_OK) return rc;
  if ((int)n > s->nAlloc) {
    ts_point *a = sqlite3_realloc64(s->aPoint, (sqlite3_uint64)n * sizeof(ts_point));
    if (a == NULL) return SQLITE_NOMEM;
    s->aPoint = a;
    s->nAlloc = (int)n;
  }
  s->nPoint = (int)n;
  s->kind = (ts_period_kind)hs->kind;
  s->first_day[0] = h->aFirstDay[2 * sid];
  s->first_day[1] = h->aFirstDay[2 * sid + 1];
  if (h->compact) { /* the pages are in ordinal order already */
    ts_hash_compact_points(hs, s);
    return SQLITE_OK;
  }
  uint32_t k = 0; /* the direct index is in ordinal order */
  for (uint32_t g = 0; g < hs->nIdx && k < n; g++) {
    if (hs->aIdx[g] == 0) continue;
    const hslot *hp = point_at(h, hs->aIdx[g] - 1);
    ts_point *pt = &s->aPoint[k++];
    memset(pt, 0, sizeof(*pt));
    pt->ordinal = hs->lo + (int64_t)g;
    for (int slot = 0; slot < h->nSlot; slot++) {
      slot_sum(h, &hp[slot], &pt->sum[slot]);
      for (int kind = 1; kind <= TS_KIND_DAY; kind++)
        pt->cover[slot][kind - 1] = (uint16_t)slot_cover(&hp[slot], kind);
      pt->preliminary[slot] = (hp[slot].bits & HS_PRELIM) != 0;
      if (hp[slot].bits & HS_NO_FIGURE) pt->incomplete[slot] = TS_INCOMPLETE_NO_FIGURE;
      if (hp[slot].bits & HS_DAY_LATE) pt->incomplete[slot] |= TS_INCOMPLETE_DAY_LATE;
      if (hp[slot].bits & HS_DAY_EARLY) pt->incomplete[slot] |= TS_INCOMPLETE_DAY_EARLY;
      pt->weekdays[slot] = (unsigned char)((hp[slot].bits >> HS_WEEKDAY_SHIFT) & 0x7f);
      pt->mday[slot] = (unsigned char)hp[slot].mday;
    }
  }
  if (h->spec->grain != TS_KIND_NONE) {
    ts_series_drop_unknown_days(s, h->spec->no_figure_points);
    n = (uint32_t)s->nPoint;
    /* 'incomplete period': as the streaming path's series check (roll-ups
    ** of days alone: ts_days_check, on both paths' series, in ts_scan_next). */
    for (uint32_t i = 0; i < n; i++) {
      ts_point *pt = &s->aPoint[i];
      ts_period p;
      int pfirst, pcount;
      ts_period_from_ordinal(s->kind, pt->ordinal, &p);
      ts_period_month_span(&p, &pfirst, &pcount);
      for (int slot = 0; slot < 2; slot++) {
        if (pt->sum[slot].count == 0) continue;
        unsigned all = 0, coarse = 0;
        for (int k1 = 0; k1 < TS_KIND_DAY; k1++) {
          all |= pt->cover[slot][k1];
          if (k1 != TS_KIND_DAY - 1) coarse |= pt->cover[slot][k1];
        }
        pt->incomplete[slot] |= coarse != 0 && all != (1u << pcount) - 1;
      }
    }
  }
  return SQLITE_OK;
}

int ts_hash_next(ts_hash *h, ts_series **ppSeries, char **pzErr) {
  *ppSeries = NULL;
  while (h->iNext < h->nSeries) {
    uint32_t sid = h->aOrder[h->iNext++];
    if (h->aSeries[sid].nPoint == 0) continue; /* every row NULL: nothing, as when streamed */
    int rc = series_points(h, sid, 0, &h->cur);
    if (rc != SQLITE_OK) {
      /* the key statement's error (an interrupt), as the stream reports one */
      if (rc != SQLITE_NOMEM) *pzErr = ts_prefixed_error(h->spec->zModule, sqlite3_errmsg(h->db));
      return rc;
    }
    if (h->cur.nPoint == 0) continue; /* NULL days alone */
    *ppSeries = &h->cur;
    return SQLITE_ROW;
  }
  return SQLITE_DONE;
}

int ts_hash_series_at(ts_hash *h, uint32_t *piNext, ts_series *out) {
  while (*piNext < h->nSeries) {
    uint32_t sid = h->aOrder[(*piNext)++];
    if (h->aSeries[sid].nPoint == 0) continue;
    int rc = series_points(h, sid, 1, out);
    if (rc == SQLITE_OK && out->nPoint == 0) continue; /* NULL days alone */
    return rc == SQLITE_OK ? SQLITE_ROW : rc;
  }
  return SQLITE_DONE;
}

sqlite3_value *ts_hash_key(const ts_hash *h, int i) {
  return i < h->spec->nBy ? h->cur.apKey[i] : NULL;
}

void ts_hash_close(ts_hash *h) {
  if (h == NULL) return;
  sqlite3_free(h->aEnd);
  sqlite3_finalize(h->keyStmt);
  for (int w = 0; w < 2; w++)
    for (int i = 0; i < TS_MAX_BY; i++) sqlite3_value_free(h->walkKey[w][i]);
  for (uint32_t c = 0; c < h->nChunk && h->apChunk; c++) {
    if ((uint64_t)c * CHUNK < h->nPoint) sqlite3_free(h->apChunk[c]);
  }
  sqlite3_free(h->apChunk);
  for (uint32_t c = 0; c < h->nPageChunk; c++) sqlite3_free(h->apPageChunk[c]);
  sqlite3_free(h->apPageChunk);
  for (uint32_t c = 0; c < h->nArena; c++) sqlite3_free(h->apArena[c]);
  sqlite3_free(h->apArena);
  for (uint32_t s = 0; s < h->nSeries && h->aSeries; s++) {
    sqlite3_free(h->aSeries[s].aIdx);
    sqlite3_free(h->aSeries[s].apPage);
  }
  sqlite3_free(h->aSeries);
  sqlite3_free(h->aFirstDay);
  sqlite3_free(h->aSeriesSlot);
  sqlite3_free(h->zRow);
  sqlite3_free(h->aOrder);
  sqlite3_free(h->aSpill);
  sqlite3_free(h->cur.aPoint);
  sqlite3_free(h);
}
