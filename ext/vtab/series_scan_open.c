/*
** vtab/series_scan_open.c -- opening and closing the streaming scan
** (series_scan.c reads it): what the source's schema decides of the query
** (the affinities, a "preliminary" column), the source query and the
** same-key test prepared and bound (taken from the cursor's kept
** statements), the read handed to the hash path, the skip walk or a
** watched walk, and at the close every statement given back.
*/
#include "vtab/series_scan.h"
#include "vtab/series_hash.h"
#include "vtab/series_extent.h"
#include "vtab/series_hash_plan.h"

#include <string.h>

static int open_same_key(ts_scan *scan, char **pzErr) {
  const ts_source_spec *spec = scan->spec;
  if (spec->nBy == 0) return SQLITE_OK;
  char *zSql = ts_same_key_sql(scan->db, spec, spec->nBy);
  if (zSql == NULL) return SQLITE_NOMEM;
  int rc = ts_keep_prepare(scan->keep, scan->db, zSql, &scan->same);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM)
    *pzErr = sqlite3_mprintf("%s: %s", spec->zModule, sqlite3_errmsg(scan->db));
  return rc;
}

/* A source column named "preliminary" (kosis_csv has one) that is not
** one of the columns the spec reads: its index in the scan's query, or
** -1.  A true value marks the row's figure as preliminary. */
static int preliminary_column(const ts_source_spec *spec, int has_preliminary) {
  const char *azUsed[4 + TS_MAX_BY] = {spec->zPeriod, spec->azValue[0], spec->azValue[1],
                                       spec->zFlow};
  for (int i = 0; i < spec->nBy; i++) azUsed[4 + i] = spec->azBy[i];
  for (int i = 0; i < 4 + spec->nBy; i++)
    if (azUsed[i] && sqlite3_stricmp(azUsed[i], "preliminary") == 0) return -1;
  if (!has_preliminary) return -1;
  return spec->nBy + 2 + (spec->nValue == 2 || spec->zFlow != NULL);
}

/* What the query's text is built from and only the source's schema
** decides -- the affinities (into scan->aAff) and whether the source has
** a "preliminary" column (*pHas) -- asked of the source, or kept in
** spec->probes while its schema cookie stays (a join's inner loop asked
** both once per outer row: a prepare and a pragma, a fifth of its
** instructions). */
static void source_shape(ts_scan *scan, const char *zFrom, int *pHas) {
  const ts_source_spec *spec = scan->spec;
  ts_probes *p = ts_probes_fresh(scan->db, spec);
  if (p && p->shape_known) {
    memcpy(scan->aAff, p->aAff, sizeof(scan->aAff));
    *pHas = p->has_preliminary;
    return;
  }
  ts_source_affinities(scan->db, spec, zFrom, scan->aAff);
  *pHas = ts_source_has_column(scan->db, spec->zSchema, spec->zTable, "preliminary");
  /* Kept only for an ordinary table, whose shape its own schema's cookie
  ** watches: a view's columns are those of what it reads now, and a TEMP
  ** VIEW over an attached table another connection made again with a
  ** "preliminary" column kept showing preliminary figures as final. */
  if (p && p->kind == TS_PROBE_TABLE) {
    memcpy(p->aAff, scan->aAff, sizeof(p->aAff));
    p->has_preliminary = *pHas;
    p->shape_known = 1;
  }
}

/* The hash pass read every row when no series column was pushed and the
** query filtered no year (the rowid bound of a writing statement is the
** extent's too; with grain= the years before a lower bound are read, their
** days noted, see scan_query): its days are the source's, so the extent
** needs no read of its own. */
static void extent_from_hash(ts_scan *scan, const ts_pushdown *pd, const int *aBound) {
  int lo = scan->spec->grain == TS_KIND_NONE && pd ? pd->year_lo : 0;
  if (pd && (lo > 0 || pd->year_hi > 0)) return;
  for (int i = 0; pd && i < scan->spec->nBy; i++)
    if (aBound[i]) return;
  int64_t first, last, *aEnd = NULL;
  int any = ts_hash_days(scan->hash, &first, &last), nEnd = 0;
  ts_day_extent_known(&scan->extent, any, first, last);
  if (ts_hash_day_ends(scan->hash, &aEnd, &nEnd))
    ts_day_extent_known_ends(&scan->extent, aEnd, nEnd);
}

int ts_scan_open(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd, ts_scan **ppScan,
                 char **pzErr) {
  return ts_scan_open_kept(db, spec, pd, NULL, ppScan, pzErr);
}

int ts_scan_open_kept(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                      ts_scan_keep *keep, ts_scan **ppScan, char **pzErr) {
  *ppScan = NULL;
  ts_scan *scan = sqlite3_malloc64(sizeof(*scan));
  if (scan == NULL) return SQLITE_NOMEM;
  memset(scan, 0, sizeof(*scan));
  scan->iPreliminary = -1;
  scan->db = db;
  scan->spec = spec;
  ts_day_extent_init(&scan->extent, db, spec, pd);
  if (pd && pd->replay) {
    scan->replay = pd->replay; /* every series, as read before any write */
    *ppScan = scan;
    return SQLITE_OK;
  }
  if (pd && pd->empty) {
    scan->done = 1; /* no row can satisfy the WHERE: nothing to read */
    *ppScan = scan;
    return SQLITE_OK;
  }
  char *zFrom = ts_source_sql_name(spec);
  int aBound[TS_MAX_BY], has_preliminary = 0;
  if (ts_keep_check(keep, db, spec, &scan->keep_epoch)) scan->keep = keep;
  if (zFrom) source_shape(scan, zFrom, &has_preliminary);
  scan->iPreliminary = preliminary_column(spec, has_preliminary);
  scan->early_lo = ts_early_lo(spec, pd, scan->aAff);
  /* The skip walk (series_skip.c) keeps the years itself: its query has
  ** no year filter, and it never reads by hash (the plan shows Ss). */
  ts_pushdown plain;
  int skip = pd && pd->skip && !pd->snapshot && (pd->year_lo > 0 || pd->year_hi > 0) &&
             spec->grain == TS_KIND_NONE && scan->aAff[spec->nBy] == 'T';
  if (skip) {
    plain = *pd;
    plain.year_lo = plain.year_hi = 0;
  }
  char *zSql = zFrom ? ts_scan_query(db, spec, skip ? &plain : pd, zFrom, scan->aAff, aBound,
                                     scan->iPreliminary >= 0, 0)
                     : NULL;
  int rc = zSql ? ts_keep_prepare(scan->keep, db, zSql, &scan->stmt) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) {
    if (rc != SQLITE_NOMEM) *pzErr = ts_prefixed_error(spec->zModule, sqlite3_errmsg(db));
    sqlite3_free(zFrom);
    ts_scan_close(scan);
    return rc;
  }
  rc = ts_source_bind(scan->stmt, spec, pd, aBound);
  if (rc == SQLITE_OK) rc = open_same_key(scan, pzErr);
  /* Hash path or streaming path: series_hash.c decides and reads. */
  if (rc == SQLITE_OK && skip) rc = ts_skip_open(scan, pd, zFrom, aBound);
  if (rc == SQLITE_OK && !(pd && pd->skip))
    rc = ts_hash_open(db, spec, pd, aBound, scan->early_lo, &scan->stmt, &scan->hash, pzErr);
  scan->whole = !pd || (!pd->has_max_rowid && pd->year_lo == 0 && pd->year_hi == 0);
  for (int i = 0; pd && i < spec->nBy; i++) scan->whole &= !aBound[i];
  if (rc == SQLITE_OK && scan->hash == NULL && !skip) rc = ts_walk_watch(scan, pd, aBound, zFrom);
  sqlite3_free(zFrom);
  if (rc == SQLITE_OK && scan->hash) extent_from_hash(scan, pd, aBound);
  if (rc != SQLITE_OK) {
    ts_scan_close(scan);
    return rc;
  }
  *ppScan = scan;
  return SQLITE_OK;
}

void ts_scan_close(ts_scan *scan) {
  if (scan == NULL) return;
  ts_day_extent_clear(&scan->extent);
  ts_hash_close(scan->hash);
  ts_keep_return(scan->keep, scan->keep_epoch, scan->stmt);
  if (scan->skip_stmt != scan->stmt) ts_keep_return(scan->keep, scan->keep_epoch, scan->skip_stmt);
  ts_keep_return(scan->keep, scan->keep_epoch, scan->skip_plain);
  ts_keep_return(scan->keep, scan->keep_epoch, scan->same);
  ts_skip_close(scan);
  sqlite3_free(scan->zSortSql);
  ts_series_clear_keys(&scan->cur);
  sqlite3_free(scan->cur.aPoint);
  sqlite3_free(scan);
}
