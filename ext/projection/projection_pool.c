/*
** projection/projection_pool.c -- the annual_projection virtual table's
** pre-pass (projection_vtab.c items 8-11): the pool of past errors built
** from the whole source, the series and backtests it keeps for the main
** scan, and reconcile='s totals.  The pre-pass's own lifecycle (its
** copies of the settings, the key that says when a kept pre-pass still
** holds, freeing it) is projection_prepass.c.
*/
#include "projection/projection_pool.h"
#include "projection/projection_errors.h" /* ts_proj_cuts_clear */

#include <stdlib.h>
#include <string.h>

/* The index of the pool of point k of P. */
static int pool_index(int P, int k) {
  int base = P == 1 ? 0 : P == 2 ? 1 : P == 4 ? 3 : 7;
  return base + k - 1;
}

/* The pool of a point of the year. */
ts_proj_pool *proj_pool_of(prepass *pp, int P, int k) {
  ts_proj_pool *pool = &pp->pool[pool_index(P, k)];
  pool->periods_per_year = P, pool->k = k;
  return pool;
}

/* through in this series' periods; 0 when it is not on a boundary. */
int proj_series_through(const through_point *t, const ts_series *s, int P) {
  if (t->per_year == 0) {
    ts_period last;
    ts_period_from_ordinal(s->kind, s->aPoint[s->nPoint - 1].ordinal, &last);
    return last.sub;
  }
  if ((t->position * P) % t->per_year != 0) return 0;
  return t->position * P / t->per_year;
}

/* The fixed methods' backtest of a series (those `method` needs). */
static int backtest_fixed(const ts_proj_grid *g, int k, ts_proj_method method,
                          ts_proj_cell *cells) {
  unsigned mask = ts_projection_mask(method) & ((1u << TS_PROJ_AUTO) - 1);
  return ts_projection_backtest(g, k, mask, g->n_years, cells);
}

/* Item 8b: series grid g as a series projected from point k has it, in
** *at (a copy sharing the values, with its own item-3b cache: free it
** with ts_proj_cuts_free), and its backtest from k in cells: auto's
** (with_auto, once the fixed methods' pools are finished) with that
** point's pool, which auto's rules read again from the grid. */
static int backtest_at(prepass *pp, const ts_proj_grid *g, int k, ts_proj_method method,
                       int with_auto, ts_proj_grid *at, ts_proj_cell *cells) {
  *at = *g;
  at->pool = NULL;
  at->quantiles = &pp->quantiles;
  at->cuts = NULL; /* g's stays g's, whatever fails */
  int rc = ts_proj_cuts_new(at);
  if (rc != SQLITE_OK) return rc;
  rc = backtest_fixed(at, k, with_auto ? TS_PROJ_AUTO : method, cells);
  if (rc == SQLITE_OK && with_auto) {
    at->pool = proj_pool_of(pp, at->periods_per_year, k);
    ts_projection_auto_fill(at, k, at->n_years, cells);
  }
  return rc;
}

/* Item 8b: series grid g's errors from the points of the year other
** series of its kind are projected from (own: its own point, pooled by
** the caller): the fixed methods' errors in the read that pools them, or
** (with_auto) auto's rules', once the fixed methods' pools are finished. */
static int pool_other_points(prepass *pp, const ts_proj_grid *g, int own, ts_proj_method method,
                             int with_auto) {
  int P = g->periods_per_year, rc = SQLITE_OK;
  ts_proj_cell *cells = NULL;
  for (int k = 1; pp->all_points && k <= P && rc == SQLITE_OK; k++) {
    if (k == own || !pp->used[pool_index(P, k)]) continue;
    if (cells == NULL) {
      cells = sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)g->n_years * TS_PROJ_N_CELLS);
      if (cells == NULL) return SQLITE_NOMEM;
    }
    ts_proj_grid at;
    rc = backtest_at(pp, g, k, method, with_auto, &at, cells);
    if (rc == SQLITE_OK)
      rc = ts_proj_pool_add(proj_pool_of(pp, P, k), &at, cells,
                            with_auto ? 1u << TS_PROJ_AUTO : (1u << TS_PROJ_AUTO) - 1);
    ts_proj_cuts_free(at.cuts);
  }
  sqlite3_free(cells);
  return rc;
}

/* Item 8b: whether the series of a kind are projected from more than one
** point of the year (no through=: each from its own latest period). */
static int points_mixed(const prepass *pp) {
  static const int per_year[] = {1, 2, 4, 12};
  for (int i = 0; i < 4; i++) {
    int n = 0;
    for (int k = 1; k <= per_year[i]; k++) n += pp->used[pool_index(per_year[i], k)];
    if (n > 1) return 1;
  }
  return 0;
}

/* Whether a series' backtest is worth keeping from the pre-pass for the
** main scan: holt_winters' and theta's fits (and auto, which runs them)
** cost far more than the memory, about n_years * 8 * 40 bytes a series;
** the other methods take a few operations a year, less than keeping
** 8,000 series' backtests costs in memory (64 MB).  reconcile= keeps
** every one (reconcile_source reads them all). */
static int worth_keeping(ts_proj_method m) {
  return m == TS_PROJ_HOLT_WINTERS || m == TS_PROJ_THETA || m == TS_PROJ_AUTO;
}

/* Item 11: the bytes a kept series holds: its grid's block
** (ts_proj_grid_build) and its backtest. */
static sqlite3_int64 kept_size(const ts_proj_grid *g) {
  sqlite3_int64 cells = (sqlite3_int64)g->n_years * g->periods_per_year, years = g->n_years;
  return (cells + years) * (sqlite3_int64)(sizeof(double) + 1) +
         (g->sum_from1 ? 2 * cells * (sqlite3_int64)sizeof(double) : 0) +
         years * TS_PROJ_N_CELLS * (sqlite3_int64)sizeof(ts_proj_cell);
}

/* Item 11: an auto series past the budget keeps its points alone (as
** many as its rows), and its grid and backtest go. */
static int set_aside(pooled_series *c, const ts_series *s) {
  c->points = sqlite3_malloc64(sizeof(ts_point) * (sqlite3_uint64)s->nPoint);
  if (c->points == NULL) return SQLITE_NOMEM;
  memcpy(c->points, s->aPoint, sizeof(ts_point) * (size_t)s->nPoint);
  c->n_points = s->nPoint;
  c->kind = s->kind;
  ts_proj_grid_free(&c->grid);
  sqlite3_free(c->cells);
  c->cells = NULL;
  return SQLITE_OK;
}

/* After a series' errors are pooled: whether it stays in the cache, with
** its grid and backtest (worth_keeping, within the budget: item 11), set
** aside (auto past the budget: pool_series makes its auto errors again),
** or goes (the main scan backtests it again: the same cells).  reconcile=
** keeps every one (reconcile_source reads them all at once). */
static int keep_or_drop(projection_cursor *cur, pooled_series *c, const ts_series *s) {
  prepass *pp = cur->pp;
  if (pp->recon) return SQLITE_OK;
  sqlite3_int64 size = kept_size(&c->grid);
  if (c->cells && worth_keeping(cur->method) && pp->kept_bytes + size <= TS_PROJ_KEEP_BYTES) {
    pp->kept_bytes += size;
    return SQLITE_OK;
  }
  if (c->cells && cur->method == TS_PROJ_AUTO) return set_aside(c, s);
  proj_release_cached(c);
  pp->n_cache--;
  return SQLITE_OK;
}

/* Item 8: one series of the pre-pass, kept for the main scan, its
** backtest's errors added to the pool. */
static int pool_add_series(projection_cursor *cur, const ts_series *s, int *pn_alloc,
                           char **pzErr) {
  const projection_vtab *vtab = settings_of(&cur->base);
  prepass *pp = cur->pp;
  if (s->kind == TS_KIND_DAY || s->nPoint == 0) return SQLITE_OK; /* the main scan says why */
  if (pp->n_cache == *pn_alloc) {
    int n = *pn_alloc ? 2 * *pn_alloc : 16;
    pooled_series *a = sqlite3_realloc64(pp->cache, sizeof(*a) * (sqlite3_uint64)n);
    if (a == NULL) return SQLITE_NOMEM;
    pp->cache = a, *pn_alloc = n;
  }
  pooled_series *c = &pp->cache[pp->n_cache];
  memset(c, 0, sizeof(*c));
  int rc = ts_proj_grid_build(s->kind, s->aPoint, s->nPoint, 0, &c->grid);
  if (rc != SQLITE_OK) return rc;
  pp->n_cache++;
  if (pp->recon && (rc = ts_recon_add(pp->recon, s, pzErr)) != SQLITE_OK) return rc;
  c->grid.quantiles = &pp->quantiles;
  c->k = proj_series_through(&vtab->through, s, c->grid.periods_per_year);
  if (c->k == 0) return keep_or_drop(cur, c, s); /* no backtest: nothing to keep */
  pp->used[pool_index(c->grid.periods_per_year, c->k)] = 1;
  c->cells =
      sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)c->grid.n_years * TS_PROJ_N_CELLS);
  if (c->cells == NULL) return SQLITE_NOMEM;
  rc = backtest_fixed(&c->grid, c->k, cur->method, c->cells);
  if (rc == SQLITE_OK)
    rc = ts_proj_pool_add(proj_pool_of(pp, c->grid.periods_per_year, c->k), &c->grid, c->cells,
                          (1u << TS_PROJ_AUTO) - 1);
  if (rc == SQLITE_OK) rc = pool_other_points(pp, &c->grid, c->k, cur->method, 0);
  if (rc == SQLITE_OK) rc = keep_or_drop(cur, c, s);
  return rc;
}

/* Item 8: every series of the whole source.  When the main scan holds
** them all in memory already (the hash path, nothing pushed down) they
** are walked there: the source is read once.  Otherwise a scan of its
** own reads the source without the WHERE. */
static int pool_read(projection_cursor *cur, char **pzErr) {
  const projection_vtab *vtab = settings_of(&cur->base);
  int rc, n_alloc = 0;
  if (ts_scan_held(cur->base.scan)) {
    ts_series s;
    uint32_t next = 0;
    memset(&s, 0, sizeof(s));
    while ((rc = ts_scan_held_next(cur->base.scan, &next, &s, pzErr)) == SQLITE_ROW)
      if ((rc = pool_add_series(cur, &s, &n_alloc, pzErr)) != SQLITE_OK) break;
    sqlite3_free(s.aPoint);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  ts_pushdown pd;
  ts_scan *scan = NULL;
  ts_series *s;
  memset(&pd, 0, sizeof(pd));
  /* A statement that writes the source reads it as it was (rowid bound
  ** or the kept series): the pool too. */
  rc = ts_series_snapshot(&cur->base, &pd, pzErr);
  if (rc == SQLITE_OK) rc = ts_scan_open(vtab->base.db, cur->base.spec, &pd, &scan, pzErr);
  while (rc == SQLITE_OK && (rc = ts_scan_next(scan, &s, pzErr)) == SQLITE_ROW)
    rc = pool_add_series(cur, s, &n_alloc, pzErr);
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  ts_scan_close(scan);
  return rc;
}

/* Item 11: a set-aside series' auto errors, from its grid and fixed
** backtest made again as pool_add_series made them (the same cells, so
** the same errors, added in the same order), then freed again. */
static int pool_auto_again(prepass *pp, const pooled_series *c) {
  ts_proj_grid g;
  int rc = ts_proj_grid_build(c->kind, c->points, c->n_points, 0, &g);
  if (rc != SQLITE_OK) return rc;
  ts_proj_cell *cells =
      sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)g.n_years * TS_PROJ_N_CELLS);
  if (cells == NULL) rc = SQLITE_NOMEM;
  g.quantiles = &pp->quantiles;
  if (rc == SQLITE_OK) rc = backtest_fixed(&g, c->k, TS_PROJ_AUTO, cells);
  if (rc == SQLITE_OK) {
    ts_proj_pool *pool = proj_pool_of(pp, g.periods_per_year, c->k);
    g.pool = pool;
    ts_projection_auto_fill(&g, c->k, g.n_years, cells);
    rc = ts_proj_pool_add(pool, &g, cells, 1u << TS_PROJ_AUTO);
  }
  if (rc == SQLITE_OK) rc = pool_other_points(pp, &g, c->k, TS_PROJ_AUTO, 1);
  sqlite3_free(cells);
  ts_proj_grid_free(&g);
  return rc;
}

/* Item 8b: drops what a read pooled from each series' own point of the
** year, for a read that pools each from every point its kind is
** projected from; reconcile='s series are added again by that read, so
** its entries and the kept series are one read's, in one order. */
static int pools_reset(projection_cursor *cur, char **pzErr) {
  prepass *pp = cur->pp;
  for (int i = 0; i < pp->n_cache; i++) proj_release_cached(&pp->cache[i]);
  pp->n_cache = 0;
  pp->kept_bytes = 0;
  for (int i = 0; i < N_POOLS; i++) ts_proj_pool_free(&pp->pool[i]);
  if (pp->recon == NULL) return SQLITE_OK;
  ts_recon_free(pp->recon);
  pp->recon = NULL;
  return ts_recon_open(settings_of(&cur->base)->base.db, &pp->spec, pp->rs, &pp->recon, pzErr);
}

/* Item 8, the pre-pass: every series of the source (no pushdown, so the
** pool and every answer are the same whatever the WHERE clause) is
** backtested, the errors pooled by point of the year, then auto's
** projections made with that pool and their errors pooled too.  The
** series and their backtests worth keeping are kept for the main scan. */
static int pool_series(projection_cursor *cur, char **pzErr) {
  prepass *pp = cur->pp;
  pp->pooled = 1;
  int rc = pool_read(cur, pzErr);
  if (rc == SQLITE_OK && points_mixed(pp)) {
    /* item 8b: read again, each series pooled from every point */
    rc = pools_reset(cur, pzErr);
    pp->all_points = 1;
    if (rc == SQLITE_OK) rc = pool_read(cur, pzErr);
  }
  for (int i = 0; i < N_POOLS && rc == SQLITE_OK; i++)
    if (pp->pool[i].sum) rc = ts_proj_pool_finish(&pp->pool[i]);
  if (rc != SQLITE_OK || cur->method != TS_PROJ_AUTO) return rc;
  for (int i = 0; i < pp->n_cache && rc == SQLITE_OK; i++) {
    pooled_series *c = &pp->cache[i];
    if (c->points) rc = pool_auto_again(pp, c);
    if (c->cells == NULL) continue;
    ts_proj_pool *pool = proj_pool_of(pp, c->grid.periods_per_year, c->k);
    c->grid.pool = pool;
    ts_projection_auto_fill(&c->grid, c->k, c->grid.n_years, c->cells);
    rc = ts_proj_pool_add(pool, &c->grid, c->cells, 1u << TS_PROJ_AUTO);
    if (rc == SQLITE_OK) rc = pool_other_points(pp, &c->grid, c->k, TS_PROJ_AUTO, 1);
  }
  for (int i = 0; i < N_POOLS && rc == SQLITE_OK; i++)
    if (pp->pool[i].sum) rc = ts_proj_pool_finish(&pp->pool[i]);
  /* auto's rule is judged on the finished pool, as each row's estimate
  ** is (ts_projection_from_backtest): the kept cells say the same, so a
  ** reconciled total adds up the projections its parts' rows show. */
  for (int i = 0; i < pp->n_cache && rc == SQLITE_OK; i++) {
    pooled_series *c = &pp->cache[i];
    if (c->cells) ts_projection_auto_fill(&c->grid, c->k, c->grid.n_years, c->cells);
    /* auto's backtests from other cut-offs (projection_auto.c item 3b)
    ** are no part of what is kept: item 11's budget counts the grid and
    ** its cells only */
    ts_proj_cuts_clear(c->grid.cuts);
    sqlite3_free(c->points); /* set aside: the main scan backtests it again */
    c->points = NULL;
  }
  return rc;
}

/* A series' grid and point of the year, hashed (FNV-1a): two series with
** the same values where present, from the same point, have the same
** backtest. */
static unsigned grid_hash(const ts_proj_grid *g, int k) {
  size_t n = (size_t)g->n_years * (size_t)g->periods_per_year;
  int head[4] = {k, g->periods_per_year, g->first_year, g->n_years};
  const unsigned char *parts[3] = {(const unsigned char *)head, g->present,
                                   (const unsigned char *)g->value};
  size_t len[3] = {sizeof(head), n, n * sizeof(double)};
  unsigned h = 2166136261u;
  for (int p = 0; p < 3; p++)
    for (size_t i = 0; i < len[p]; i++) h = (h ^ parts[p][i]) * 16777619u;
  return h;
}

/* Item 10: the kept series by grid, so the series of every xFilter find
** theirs in any order (a join's inner loop reads one partner at a time). */
static int index_cache(prepass *pp) {
  int n = 16;
  while (n < 2 * pp->n_cache) n *= 2;
  pp->slot = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)n);
  if (pp->slot == NULL) return SQLITE_NOMEM;
  memset(pp->slot, 0, sizeof(int) * (size_t)n);
  pp->n_slot = n;
  for (int i = 0; i < pp->n_cache; i++) {
    const pooled_series *c = &pp->cache[i];
    if (c->cells == NULL) continue;
    unsigned h = grid_hash(&c->grid, c->k) & (unsigned)(n - 1);
    while (pp->slot[h]) h = (h + 1) & (unsigned)(n - 1);
    pp->slot[h] = i + 1;
  }
  return SQLITE_OK;
}

/* Item 8b for reconcile=: the kept series from point k of P, in in[]
** (n_cache parts; k 0 for another kind), with their grids and backtests
** from k in *pGrids and *pCells (their own where k is their own point). */
typedef struct parts_point {
  ts_recon_part *in;
  ts_proj_grid *grids;
  ts_proj_cell *cells;
} parts_point;

static void parts_point_free(parts_point *pt, int n) {
  for (int i = 0; pt->grids && i < n; i++) ts_proj_cuts_free(pt->grids[i].cuts);
  sqlite3_free(pt->in);
  sqlite3_free(pt->grids);
  sqlite3_free(pt->cells);
}

static int parts_at(projection_cursor *cur, int P, int k, parts_point *pt) {
  prepass *pp = cur->pp;
  sqlite3_int64 n_cells = 0;
  for (int i = 0; i < pp->n_cache; i++)
    if (pp->cache[i].grid.periods_per_year == P && pp->cache[i].k != k && pp->cache[i].k != 0)
      n_cells += (sqlite3_int64)pp->cache[i].grid.n_years * TS_PROJ_N_CELLS;
  sqlite3_uint64 n = (sqlite3_uint64)pp->n_cache + 1;
  pt->in = sqlite3_malloc64(sizeof(*pt->in) * n);
  pt->grids = sqlite3_malloc64(sizeof(*pt->grids) * n);
  pt->cells = sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)(n_cells + 1));
  if (pt->grids) memset(pt->grids, 0, sizeof(*pt->grids) * n);
  if (pt->in == NULL || pt->grids == NULL || pt->cells == NULL) return SQLITE_NOMEM;
  ts_proj_cell *cells = pt->cells;
  int rc = SQLITE_OK;
  for (int i = 0; i < pp->n_cache && rc == SQLITE_OK; i++) {
    pooled_series *c = &pp->cache[i];
    ts_recon_part *part = &pt->in[i];
    part->grid = &c->grid, part->name = NULL, part->k = 0, part->cells = NULL;
    if (c->grid.periods_per_year != P || c->k == 0) continue;
    part->k = k;
    if (c->k == k) {
      part->cells = c->cells;
      continue;
    }
    rc = backtest_at(pp, &c->grid, k, cur->method, cur->method == TS_PROJ_AUTO, &pt->grids[i],
                     cells);
    part->grid = &pt->grids[i], part->cells = cells;
    cells += (size_t)c->grid.n_years * TS_PROJ_N_CELLS;
  }
  return rc;
}

/* Item 9: the totals' reconciled projections, from the pre-pass's series
** (the whole source) once their backtests are made; with item 8b's
** points, the totals' reconciled backtests from each of them too. */
static int reconcile_source(projection_cursor *cur, char **pzErr) {
  static const int per_year[] = {1, 2, 4, 12};
  const projection_vtab *vtab = settings_of(&cur->base);
  prepass *pp = cur->pp;
  int n_more = 0, rc = SQLITE_OK;
  parts_point pts[N_POOLS];
  const ts_recon_part *more[N_POOLS];
  ts_recon_part *in = sqlite3_malloc64(sizeof(*in) * (sqlite3_uint64)(pp->n_cache + 1));
  if (in == NULL) return SQLITE_NOMEM;
  for (int i = 0; i < pp->n_cache; i++) {
    pooled_series *c = &pp->cache[i];
    in[i].grid = &c->grid, in[i].k = c->k, in[i].cells = c->cells, in[i].name = NULL;
  }
  for (int p = 0; p < 4 && pp->all_points && rc == SQLITE_OK; p++) {
    for (int k = 1; k <= per_year[p] && rc == SQLITE_OK; k++) {
      if (!pp->used[pool_index(per_year[p], k)]) continue;
      memset(&pts[n_more], 0, sizeof(pts[n_more]));
      rc = parts_at(cur, per_year[p], k, &pts[n_more]);
      more[n_more] = pts[n_more].in;
      n_more++;
    }
  }
  if (rc == SQLITE_OK)
    rc = ts_recon_run(pp->recon, in, pp->n_cache, more, n_more, cur->method, vtab->level,
                      &pp->quantiles, pzErr);
  for (int e = 0; e < n_more; e++) parts_point_free(&pts[e], pp->n_cache);
  sqlite3_free(in);
  return rc;
}

/* The pre-pass, with reconcile= the reconciliation after it. */
int proj_pool_source(projection_cursor *cur, char **pzErr) {
  const projection_vtab *vtab = settings_of(&cur->base);
  int rc = SQLITE_OK;
  if (vtab->reconcile) {
    prepass *pp = cur->pp;
    rc = proj_copy_spec(&pp->spec, cur->base.spec);
    if (rc == SQLITE_OK) rc = proj_copy_recon_spec(&pp->rs, vtab->reconcile);
    if (rc == SQLITE_OK) rc = ts_recon_open(vtab->base.db, &pp->spec, pp->rs, &pp->recon, pzErr);
  }
  if (rc == SQLITE_OK) rc = pool_series(cur, pzErr);
  if (rc == SQLITE_OK && cur->pp->recon) rc = reconcile_source(cur, pzErr);
  if (rc == SQLITE_OK) rc = index_cache(cur->pp);
  if (rc != SQLITE_OK) proj_prepass_clear(cur->pp); /* never half a pre-pass for a later xFilter */
  return rc;
}

/* Item 9: which pre-pass series the main scan's current one is. */
int proj_reconcile_start(projection_cursor *cur, char **pzErr) {
  cur->recon_index = -1;
  if (cur->pp->recon == NULL) return SQLITE_OK;
  return ts_recon_find(cur->pp->recon, cur->base.series->apKey, &cur->recon_next, &cur->recon_index,
                       pzErr);
}

/* Item 9: a total's row shows its reconciled estimate. */
void proj_reconcile_row(projection_cursor *cur) {
  const ts_proj_estimate *e =
      ts_recon_estimate(cur->pp->recon, cur->recon_index, cur->grid.first_year + cur->yi);
  if (e) cur->est = *e;
}

static int same_grid(const ts_proj_grid *a, const ts_proj_grid *b) {
  size_t n = (size_t)a->n_years * (size_t)a->periods_per_year;
  return a->periods_per_year == b->periods_per_year && a->first_year == b->first_year &&
         a->n_years == b->n_years && memcmp(a->present, b->present, n) == 0 &&
         memcmp(a->value, b->value, n * sizeof(double)) == 0;
}

/* The kept pre-pass series with the current series' grid and k; NULL
** when none (not kept, or a WHERE on year cut this one short). */
static const pooled_series *cached_series(const projection_cursor *cur) {
  const prepass *pp = cur->pp;
  if (pp->n_slot == 0) return NULL;
  unsigned mask = (unsigned)(pp->n_slot - 1), h = grid_hash(&cur->grid, cur->k) & mask;
  for (; pp->slot[h]; h = (h + 1) & mask) {
    const pooled_series *c = &pp->cache[pp->slot[h] - 1];
    if (c->k == cur->k && same_grid(&c->grid, &cur->grid)) return c;
  }
  return NULL;
}

/* The pre-pass's backtest of the current series: copied from the kept
** series with the same grid (kept for later xFilter calls too), else
** made again with the same pool. */
int proj_series_cells(projection_cursor *cur) {
  const pooled_series *c = cached_series(cur);
  if (c) {
    memcpy(cur->cells, c->cells,
           sizeof(ts_proj_cell) * (size_t)cur->grid.n_years * TS_PROJ_N_CELLS);
    return SQLITE_OK;
  }
  int rc = backtest_fixed(&cur->grid, cur->k, cur->method, cur->cells);
  if (rc == SQLITE_OK && cur->method == TS_PROJ_AUTO)
    ts_projection_auto_fill(&cur->grid, cur->k, cur->grid.n_years, cur->cells);
  return rc;
}
