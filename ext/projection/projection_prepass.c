/*
** projection/projection_prepass.c -- the annual_projection pre-pass's
** lifecycle (projection_vtab.c items 10-11): what it keeps and lets go,
** its own copies of the settings and source it was made from, and the
** key that says whether a kept pre-pass still holds for a new xFilter
** (proj_prepass_check).  Building the pool and the kept series is
** projection_pool.c.
*/
#include "projection/projection_pool.h"
#include "projection/projection_errors.h" /* ts_proj_cuts_clear */

#include <stdlib.h>
#include <string.h>
/* Lets go of what a kept series holds. */
void proj_release_cached(pooled_series *c) {
  ts_proj_grid_free(&c->grid);
  sqlite3_free(c->cells);
  c->cells = NULL;
  sqlite3_free(c->points);
  c->points = NULL;
}

/* Empties a pre-pass (not made; what it holds for stays). */
void proj_prepass_clear(prepass *pp) {
  ts_recon_free(pp->recon); /* before the copies it reads */
  pp->recon = NULL;
  ts_source_spec_clear(&pp->spec);
  ts_recon_spec_free(pp->rs);
  pp->rs = NULL;
  for (int i = 0; i < pp->n_cache; i++) proj_release_cached(&pp->cache[i]);
  sqlite3_free(pp->cache);
  pp->cache = NULL;
  pp->n_cache = 0;
  pp->kept_bytes = 0;
  sqlite3_free(pp->slot);
  pp->slot = NULL;
  pp->n_slot = 0;
  for (int i = 0; i < N_POOLS; i++) ts_proj_pool_free(&pp->pool[i]);
  memset(pp->used, 0, sizeof(pp->used));
  pp->all_points = 0;
  pp->pooled = 0;
}

static int copy_text(char **pz, const char *z) {
  *pz = z ? sqlite3_mprintf("%s", z) : NULL;
  return z && *pz == NULL ? SQLITE_NOMEM : SQLITE_OK;
}

/* The strings of a source spec, copied (to is empty; on SQLITE_NOMEM
** what was copied is freed by ts_source_spec_clear). */
int proj_copy_spec(ts_source_spec *to, const ts_source_spec *from) {
  int rc = SQLITE_OK;
  *to = *from;
  to->zSchema = to->zTable = to->zPeriod = to->zFlow = NULL;
  to->azValue[0] = to->azValue[1] = to->azFlowLabel[0] = to->azFlowLabel[1] = NULL;
  memset(to->azBy, 0, sizeof(to->azBy));
  memset(to->azByColl, 0, sizeof(to->azByColl));
  char **azTo[] = {&to->zSchema,    &to->zTable,     &to->zPeriod,        &to->zFlow,
                   &to->azValue[0], &to->azValue[1], &to->azFlowLabel[0], &to->azFlowLabel[1]};
  const char *azFrom[] = {from->zSchema,        from->zTable,        from->zPeriod,
                          from->zFlow,          from->azValue[0],    from->azValue[1],
                          from->azFlowLabel[0], from->azFlowLabel[1]};
  for (size_t i = 0; i < sizeof(azTo) / sizeof(azTo[0]) && rc == SQLITE_OK; i++)
    rc = copy_text(azTo[i], azFrom[i]);
  for (int i = 0; i < from->nBy && rc == SQLITE_OK; i++) {
    rc = copy_text(&to->azBy[i], from->azBy[i]);
    if (rc == SQLITE_OK) rc = copy_text(&to->azByColl[i], from->azByColl[i]);
  }
  return rc;
}

int proj_copy_recon_spec(ts_recon_spec **pp, const ts_recon_spec *from) {
  ts_recon_spec *to = *pp = sqlite3_malloc64(sizeof(*to));
  if (to == NULL) return SQLITE_NOMEM;
  *to = *from;
  memset(to->label, 0, sizeof(to->label));
  int rc = SQLITE_OK;
  for (int i = 0; i < from->n && rc == SQLITE_OK; i++)
    rc = copy_text(&to->label[i], from->label[i]);
  return rc;
}

void proj_prepass_free(prepass *pp) {
  if (pp == NULL) return;
  proj_prepass_clear(pp);
  sqlite3_free(pp->zKey);
  sqlite3_free(pp);
}

static void key_text(sqlite3_str *s, const char *z) {
  if (z)
    sqlite3_str_appendf(s, "%d:%s|", (int)strlen(z), z);
  else
    sqlite3_str_appendall(s, "-|");
}

/* Everything the pre-pass's answers depend on besides the source's
** rows: what is read (the spec) and this query's settings (method,
** level, through, reconcile=).  The table-valued form takes them from
** its arguments, which may change from one xFilter to the next (a join
** can pass an outer column). */
static void settings_key(const projection_cursor *cur, sqlite3_str *s) {
  const projection_vtab *vtab = settings_of(&cur->base);
  const ts_source_spec *spec = cur->base.spec;
  const char *az[] = {spec->zSchema,    spec->zTable, spec->zPeriod,        spec->azValue[0],
                      spec->azValue[1], spec->zFlow,  spec->azFlowLabel[0], spec->azFlowLabel[1]};
  for (size_t i = 0; i < sizeof(az) / sizeof(az[0]); i++) key_text(s, az[i]);
  sqlite3_str_appendf(s, "%d,%d,%d,%d,%d|", spec->nValue, spec->nBy, (int)spec->grain,
                      spec->history_years, spec->scan);
  for (int i = 0; i < spec->nBy; i++) key_text(s, spec->azBy[i]), key_text(s, spec->azByColl[i]);
  sqlite3_str_appendf(s, "%d,%!.17g,%d,%d|", (int)cur->method, vtab->level, vtab->through.position,
                      vtab->through.per_year);
  for (int i = 0; vtab->reconcile && i < vtab->reconcile->n; i++) {
    sqlite3_str_appendf(s, "%d=", vtab->reconcile->col[i]);
    key_text(s, vtab->reconcile->label[i]);
  }
}

/* What a pre-pass holds for: the settings, the connection's count of
** changes (it moves when a statement of the connection that changed rows
** ends; a statement that writes the source reads it as before its first
** write in every xFilter: series_snapshot.c) and the data versions. */
static int prepass_key(const projection_cursor *cur, char **pzKey) {
  sqlite3 *db = ((const ts_series_vtab *)cur->base.base.pVtab)->db;
  sqlite3_str *s = sqlite3_str_new(db);
  settings_key(cur, s);
  sqlite3_str_appendf(s, "%lld|", (sqlite3_int64)sqlite3_total_changes(db));
  int rc = ts_data_versions(db, s);
  /* A version that cannot be told fails no query: the key is then this
  ** xFilter's alone. */
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM)
    sqlite3_str_appendf(s, "?%lld.%lld", cur->serial, cur->n_filter);
  *pzKey = sqlite3_str_finish(s);
  if (rc == SQLITE_NOMEM || *pzKey == NULL) {
    sqlite3_free(*pzKey);
    *pzKey = NULL;
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* Item 10: at the first series of each xFilter, the pre-pass this
** cursor made in an earlier xFilter, or one left on the table by a cursor
** closed while this one was open, is kept if it holds for the same key;
** else a new, empty one is made when needed. */
int proj_prepass_check(projection_cursor *cur) {
  projection_vtab *tab = (projection_vtab *)cur->base.base.pVtab;
  char *zKey = NULL;
  if (cur->key_checked) return SQLITE_OK;
  int rc = prepass_key(cur, &zKey);
  if (rc != SQLITE_OK) return rc;
  cur->key_checked = 1;
  if (cur->pp && strcmp(cur->pp->zKey, zKey) == 0) {
    sqlite3_free(zKey);
    return SQLITE_OK;
  }
  proj_prepass_free(cur->pp);
  cur->pp = NULL;
  if (tab->parked && cur->serial > tab->parked_lo && cur->serial < tab->parked_hi &&
      strcmp(tab->parked->zKey, zKey) == 0) {
    cur->pp = tab->parked;
    tab->parked = NULL;
    sqlite3_free(zKey);
    return SQLITE_OK;
  }
  cur->pp = sqlite3_malloc64(sizeof(*cur->pp));
  if (cur->pp == NULL) {
    sqlite3_free(zKey);
    return SQLITE_NOMEM;
  }
  memset(cur->pp, 0, sizeof(*cur->pp));
  cur->pp->zKey = zKey;
  return SQLITE_OK;
}
