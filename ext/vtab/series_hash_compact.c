/*
** vtab/series_hash_compact.c -- compact points (ts_hash.compact).
**
** Without grain= and with one value slot a point is one row (a second
** row of it is the streaming path's duplicate error), so the point is
** that row's value, kept in its series' pages of 64 periods (cp_narrow,
** cp_wide in series_hash_int.h) instead of a summing slot: 4.375 bytes a
** point while the series' values are 32-bit INTEGERs, 8.5 after.
*/
#include "vtab/series_hash_int.h"

#include <stdint.h>
#include <string.h>

/* A cell of pool k (0 narrow, 1 wide page), uninitialized; NULL: memory. */
static void *cp_cell(ts_hash *h, int k) {
  cp_pool *pool = &h->pool[k];
  if (pool->freed) {
    void *c = pool->freed;
    memcpy(&pool->freed, c, sizeof(void *));
    return c;
  }
  if (pool->left == 0) {
    size_t n = ((size_t)1 << 16) / pool->size;
    if (ts_hash_grow(h, (void **)&h->apPageChunk, &h->nPageChunkAlloc, h->nPageChunk + 1,
                     sizeof(char *)))
      return NULL;
    char *chunk = ts_hash_alloc(h, (sqlite3_uint64)n * pool->size);
    if (chunk == NULL) return NULL;
    h->apPageChunk[h->nPageChunk++] = chunk;
    pool->chunk = chunk, pool->left = n;
  }
  void *c = pool->chunk;
  pool->chunk += pool->size;
  pool->left--;
  return c;
}

/* A new empty page, narrow or wide; NULL: memory. */
void *ts_hash_cp_page_new(ts_hash *h, int wide) {
  void *pg = cp_cell(h, wide);
  if (pg == NULL) return NULL;
  if (wide) {
    cp_wide *w = pg;
    w->present = w->prelim = w->isint = w->nofig = 0;
  } else {
    cp_narrow *nw = pg;
    nw->present = nw->prelim = nw->nofig = 0;
  }
  return pg;
}

/* Makes page number pg fall inside series s's page table; 1: memory. */
int ts_hash_cover_page(ts_hash *h, hseries *s, int64_t pg) {
  int held = s->apPage != NULL;
  if (held && pg >= s->lo && pg - s->lo < (int64_t)s->nIdx) return 0;
  int64_t n, newLo;
  /* 8 pages (512 periods) hold most series at once; then doubling */
  cover_span(s, held, pg, held ? 2 * (int64_t)s->nIdx : 8, &n, &newLo);
  if (n * 64 > (int64_t)MAX_SERIES_INDEX) {
    h->over = 1;
    return 1;
  }
  void **a = ts_hash_alloc(h, (sqlite3_uint64)n * sizeof(void *));
  if (a == NULL) return 1;
  memset(a, 0, (size_t)n * sizeof(void *));
  if (held) {
    memcpy(a + (s->lo - newLo), s->apPage, (size_t)s->nIdx * sizeof(void *));
    h->mem -= (sqlite3_int64)s->nIdx * (sqlite3_int64)sizeof(void *);
    sqlite3_free(s->apPage);
  }
  s->apPage = a;
  s->lo = newLo;
  s->nIdx = (uint32_t)n;
  return 0;
}

/* Series s's first REAL or integer beyond 32 bits: each of its narrow
** pages becomes a wide one (every point so far an INTEGER); 1: memory. */
int ts_hash_cp_widen(ts_hash *h, hseries *s) {
  for (uint32_t k = 0; k < s->nIdx; k++) {
    cp_narrow *from = s->apPage[k];
    if (from == NULL) continue;
    cp_wide *to = cp_cell(h, 1);
    if (to == NULL) return 1;
    to->present = to->isint = from->present;
    to->prelim = from->prelim;
    to->nofig = from->nofig;
    for (int j = 0; j < 64; j++) to->v[j] = (uint64_t)(int64_t)from->v[j];
    memcpy(from, &h->pool[0].freed, sizeof(void *)); /* to the narrow pool's freed cells */
    h->pool[0].freed = from;
    s->apPage[k] = to;
  }
  s->wide = 1;
  return 0;
}

/* Clears point pt in two halves: gcc -O2 writes a whole point's memset
** as `rep stosq` (slow to start, and twenty counted instructions under
** callgrind), each half as five 16-byte stores. */
static inline void clear_point(ts_point *pt) {
  memset(pt, 0, sizeof(*pt) / 2);
  memset((char *)pt + sizeof(*pt) / 2, 0, sizeof(*pt) - sizeof(*pt) / 2);
}

/* Series hs's compact points into s->aPoint (room for hs->nPoint), in
** ordinal order: the pages are in that order already.  A point is its
** row's value: the ts_sum ts_sum_add makes of one input (a narrow page's
** INTEGER written in place, without the adding). */
void ts_hash_compact_points(const hseries *hs, ts_series *s) {
  uint32_t n = hs->nPoint;
  uint32_t k = 0;
  for (uint32_t g = 0; g < hs->nIdx && k < n; g++) {
    const void *page = hs->apPage[g];
    if (page == NULL) continue;
    int64_t base = (hs->lo + (int64_t)g) * 64;
    if (!hs->wide) {
      const cp_narrow *pn = page;
      for (uint64_t m = pn->present | pn->nofig; m; m &= m - 1) {
        int j = trailing_zeros(m);
        ts_point *pt = &s->aPoint[k++];
        clear_point(pt);
        pt->ordinal = base + j;
        if (!((pn->present >> j) & 1)) continue; /* a point of no rows */
        pt->sum[0].exact = ts_i128_from_i64(pn->v[j]);
        pt->sum[0].count = 1;
        pt->preliminary[0] = (unsigned char)((pn->prelim >> j) & 1);
      }
      continue;
    }
    const cp_wide *pw = page;
    for (uint64_t m = pw->present | pw->nofig; m; m &= m - 1) {
      int j = trailing_zeros(m);
      uint64_t bit = (uint64_t)1 << j;
      ts_point *pt = &s->aPoint[k++];
      ts_number v;
      clear_point(pt);
      pt->ordinal = base + j;
      if (!(pw->present & bit)) continue; /* a point of no rows */
      if (pw->isint & bit) {
        v.is_int = 1;
        v.i = (int64_t)pw->v[j];
        v.d = (double)v.i;
      } else {
        v.is_int = 0;
        v.i = 0;
        memcpy(&v.d, &pw->v[j], sizeof(v.d));
      }
      ts_sum_add(&pt->sum[0], &v);
      pt->preliminary[0] = (pw->prelim & bit) != 0;
    }
  }
}
