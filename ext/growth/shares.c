/*
** growth/shares.c -- yoy_growth's share, share_change and contribution
** (contract 7 of growth/yoy_vtab.c): the groups of series, their totals
** read by a second scan of the whole source, and total=.  The refusal of
** a total row counted twice, and of total= naming no series of a group,
** is shares_refuse.c; the totals' preliminary marks, which `preliminary`
** reads in every query, are shares_marks.c.
*/
#include "growth/yoy_vtab.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void free_groups(yoy_cursor *cur) {
  for (int g = 0; g < cur->nGroup; g++) {
    share_group *grp = &cur->aGroup[g];
    for (int b = 0; b < TS_MAX_BY; b++) sqlite3_value_free(grp->apKey[b]);
    sqlite3_free(grp->aTotal);
    ts_total_guard_free(grp->guard);
  }
  sqlite3_free(cur->aGroup);
  cur->aGroup = NULL;
  cur->nGroup = cur->nGroupAlloc = 0;
}

void ts_yoy_close(ts_series_cursor *pCur) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  ts_share_marks_free(cur);
  sqlite3_free(cur->zMarksKey);
  cur->zMarksKey = NULL;
}

void ts_yoy_reset(ts_series_cursor *pCur) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  free_groups(cur);
  cur->marks_checked = 0; /* the marks are kept: marks_key says whether they hold */
  cur->totals_loaded = 0;
  cur->iGroup = GROUP_UNKNOWN;
  cur->iHint = 0;
  sqlite3_finalize(cur->same_group);
  cur->same_group = NULL;
  sqlite3_finalize(cur->is_label);
  cur->is_label = NULL;
}

/* ---- groups ------------------------------------------------------------
** Two series are in one group when their group columns are equal as
** GROUP BY (and the scan, series_scan.c) compares them: with each
** column's own collation ('Import' and 'import' are one flow under
** NOCASE), INTEGER 1 equal to REAL 1.0, NULLs equal.  SQLite is asked,
** the way the scan asks whether a row belongs to a series:
**
**   SELECT (+k0 IS ?3) AND (+k1 IS ?4) FROM
**     (SELECT s."a" AS k0, s."b" AS k1 FROM src AS s WHERE 0
**      UNION ALL SELECT ?1, ?2)
**
** The leftmost arm gives k0.. the columns' collations and reads no row. */

int ts_share_prepare(yoy_cursor *cur, char *zSql, sqlite3_stmt **pStmt, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
  if (zSql == NULL) return SQLITE_NOMEM;
  int rc = sqlite3_prepare_v2(vtab->db, zSql, -1, pStmt, NULL);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM)
    *pzErr = sqlite3_mprintf("yoy_growth: %s", sqlite3_errmsg(vtab->db));
  return rc;
}

static int prepare_same_group(yoy_cursor *cur, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
  return ts_share_prepare(
      cur, ts_same_key_sql(vtab->db, cur->base.spec, ts_share_group_columns(cur->base.spec)),
      &cur->same_group, pzErr);
}

int ts_share_same_group(yoy_cursor *cur, sqlite3_value *const *a, sqlite3_value *const *b,
                        int *pSame, char **pzErr) {
  int n = ts_share_group_columns(cur->base.spec), i = 0, rc = SQLITE_OK;
  while (i < n && ts_key_same_bytes(a[i], b[i])) i++;
  *pSame = i == n;
  if (*pSame) return SQLITE_OK;
  if (cur->same_group == NULL && (rc = prepare_same_group(cur, pzErr)) != SQLITE_OK) return rc;
  for (i = 0; i < n && rc == SQLITE_OK; i++) {
    rc = a[i] ? sqlite3_bind_value(cur->same_group, i + 1, a[i])
              : sqlite3_bind_null(cur->same_group, i + 1);
    if (rc == SQLITE_OK)
      rc = b[i] ? sqlite3_bind_value(cur->same_group, n + i + 1, b[i])
                : sqlite3_bind_null(cur->same_group, n + i + 1);
  }
  if (rc == SQLITE_OK) rc = sqlite3_step(cur->same_group);
  if (rc == SQLITE_ROW) {
    *pSame = sqlite3_column_int(cur->same_group, 0);
    rc = SQLITE_OK;
  } else if (rc != SQLITE_NOMEM) {
    ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
    *pzErr = sqlite3_mprintf("yoy_growth: %s", sqlite3_errmsg(vtab->db));
  }
  sqlite3_reset(cur->same_group);
  return rc;
}

/* Whether a last by column's value is the total= label as SQL compares
** them: under the column's collation (total=Total finds a NOCASE
** 'TOTAL'), with its affinity (total=0 finds a REAL 0.0, as k = '0'
** does: a code column pandas wrote as floats, its NaN-holding integers
** stored as REAL, was refused as holding no series k='0'), or as text
** (total=0 finds an INTEGER 0 in a column without affinity).  CAST keeps
** the column's collation; the compound's left arm gives k0 the column's
** affinity, as in probed_affinity (series_source.c). */
int ts_share_is_total_label(yoy_cursor *cur, sqlite3_value *key, const char *zLabel, int *pMatch,
                            char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
  const ts_source_spec *spec = cur->base.spec;
  int rc = SQLITE_OK, last = spec->nBy - 1;
  *pMatch = 0;
  if (last < 0) return SQLITE_OK;
  if (cur->is_label == NULL) {
    char *zFrom = ts_source_sql_name(spec);
    if (zFrom == NULL) return SQLITE_NOMEM;
    sqlite3_str *q = sqlite3_str_new(vtab->db);
    sqlite3_str_appendf(
        q,
        "SELECT (k0 = ?2) IS 1 OR CAST(+k0 AS TEXT) IS ?2 FROM (SELECT s.\"%w\" AS k0"
        " FROM %s WHERE 0 UNION ALL SELECT ?1)",
        spec->azBy[last], zFrom);
    sqlite3_free(zFrom);
    rc = ts_share_prepare(cur, sqlite3_str_finish(q), &cur->is_label, pzErr);
    if (rc != SQLITE_OK) return rc;
  }
  rc = key ? sqlite3_bind_value(cur->is_label, 1, key) : sqlite3_bind_null(cur->is_label, 1);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(cur->is_label, 2, zLabel, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(cur->is_label);
  if (rc == SQLITE_ROW) {
    *pMatch = sqlite3_column_int(cur->is_label, 0);
    rc = SQLITE_OK;
  } else if (rc != SQLITE_NOMEM) {
    *pzErr = sqlite3_mprintf("yoy_growth: %s", sqlite3_errmsg(vtab->db));
  }
  sqlite3_reset(cur->is_label);
  return rc;
}

void *ts_share_append_slot(void **pa, int *pn, int *pnAlloc, size_t sz) {
  if (*pn == *pnAlloc) {
    int nAlloc = *pnAlloc ? 2 * *pnAlloc : 4;
    void *a = sqlite3_realloc64(*pa, sz * (sqlite3_uint64)nAlloc);
    if (a == NULL) return NULL;
    *pa = a;
    *pnAlloc = nAlloc;
  }
  char *slot = (char *)*pa + sz * (size_t)(*pn)++;
  memset(slot, 0, sz);
  return slot;
}

int ts_share_dup_keys(sqlite3_value **apDst, sqlite3_value *const *apSrc, int n) {
  for (int b = 0; b < n; b++)
    if (apSrc[b] && (apDst[b] = sqlite3_value_dup(apSrc[b])) == NULL) return SQLITE_NOMEM;
  return SQLITE_OK;
}

/* The group of series s, the iSeries-th of the totals scan: the last
** group when its group columns are s's (the scan is ordered by them),
** else a new one. */
static int group_of_scanned(yoy_cursor *cur, const ts_series *s, int iSeries, share_group **ppGroup,
                            char **pzErr) {
  int n = ts_share_group_columns(cur->base.spec), same = 0, rc = SQLITE_OK;
  if (cur->nGroup > 0) {
    rc = ts_share_same_group(cur, cur->aGroup[cur->nGroup - 1].apKey, s->apKey, &same, pzErr);
    if (rc != SQLITE_OK) return rc;
  }
  if (!same) {
    share_group *grp =
        ts_share_append_slot((void **)&cur->aGroup, &cur->nGroup, &cur->nGroupAlloc, sizeof(*grp));
    if (grp == NULL) return SQLITE_NOMEM;
    grp->iFirst = iSeries;
    if (ts_share_dup_keys(grp->apKey, s->apKey, n) != SQLITE_OK) return SQLITE_NOMEM;
  }
  share_group *grp = &cur->aGroup[cur->nGroup - 1];
  grp->nSeries++;
  *ppGroup = grp;
  return SQLITE_OK;
}

/* The current series' group (NULL: none in the totals scan, which reads
** the same source, so never in practice).  Series come in the order the
** totals scan saw them, so the search starts where the last one ended. */
static int current_group(yoy_cursor *cur, const share_group **ppGroup, char **pzErr) {
  if (cur->iGroup == GROUP_UNKNOWN) {
    cur->iGroup = -1;
    if (ts_share_group_columns(cur->base.spec) == 0) {
      if (cur->nGroup > 0) cur->iGroup = 0;
    } else {
      for (int t = 0; t < cur->nGroup && cur->iGroup < 0; t++) {
        int g = (cur->iHint + t) % cur->nGroup, same = 0;
        int rc =
            ts_share_same_group(cur, cur->aGroup[g].apKey, cur->base.series->apKey, &same, pzErr);
        if (rc != SQLITE_OK) {
          cur->iGroup = GROUP_UNKNOWN;
          return rc;
        }
        if (same) cur->iGroup = cur->iHint = g;
      }
    }
  }
  *ppGroup = cur->iGroup >= 0 ? &cur->aGroup[cur->iGroup] : NULL;
  return SQLITE_OK;
}

/* Adds a series' points into its group's running totals (both sorted by
** ordinal): sums merged, and a total is incomplete when any part misses
** some of its period (a part that began in it is whole: what the period
** had of it). */
static int add_to_totals(share_group *grp, const ts_series *s) {
  int n = grp->nTotal, m = s->nPoint, i = 0, j = 0, k = 0;
  ts_point *out = sqlite3_malloc64((sqlite3_uint64)(n + m + 1) * sizeof(ts_point));
  if (out == NULL) return SQLITE_NOMEM;
  while (i < n || j < m) {
    if (j >= m || (i < n && grp->aTotal[i].ordinal < s->aPoint[j].ordinal)) {
      out[k++] = grp->aTotal[i++];
    } else if (i >= n || s->aPoint[j].ordinal < grp->aTotal[i].ordinal) {
      out[k] = s->aPoint[j++];
      out[k++].incomplete[0] &= TS_INCOMPLETE_MISSING;
    } else {
      out[k] = grp->aTotal[i++];
      ts_sum_merge(&out[k].sum[0], &s->aPoint[j].sum[0]);
      /* a part that began in the period is all the period had of it */
      if (s->aPoint[j].incomplete[0] & TS_INCOMPLETE_MISSING) out[k].incomplete[0] = 1;
      out[k].preliminary[0] |= s->aPoint[j++].preliminary[0];
      k++;
    }
  }
  sqlite3_free(grp->aTotal);
  grp->aTotal = out;
  grp->nTotal = k;
  return SQLITE_OK;
}

/* ---- parts without a figure ------------------------------------------
** The scan skips a row whose value is NULL (KOSIS's `x`, confidential,
** and `-`, which kosis_csv reads as NULL), as sum() does: fine for the
** part's own growth, but the sum of a group's series in that period then
** leaves the withheld figure out, and every other part's share would be
** overstated with nothing to show it.  Such a period's total is unknown:
** marked incomplete, like a roll-up missing a month (docs/design.md,
** "Measures the agencies publish").  The scan paths stay as they are;
** one more statement reads the few rows of the whole source without a
** figure, as the scan reads one (never the query's WHERE), only when a
** share column is read: NULL, and text the scan reads as NULL ('-',
** 'x', '', as sqlite-utils and .import leave them), checked here:
**
**   SELECT s."a", s."b", s."period", s."value" FROM src AS s
**    WHERE s."value" IS NULL OR typeof(s."value") = 'text'
**
** With total= only the total series' own rows count: the other parts'
** figures are not in the divisor. */

/* The group whose group columns are apKey's, searched from *pHint on (the
** rows come ordered by those columns); -1: none. */
static int find_group(yoy_cursor *cur, sqlite3_value *const *apKey, int *pHint, int *pGroup,
                      char **pzErr) {
  *pGroup = -1;
  if (ts_share_group_columns(cur->base.spec) == 0) {
    if (cur->nGroup > 0) *pGroup = 0;
    return SQLITE_OK;
  }
  for (int t = 0; t < cur->nGroup; t++) {
    int g = (*pHint + t) % cur->nGroup, same = 0;
    int rc = ts_share_same_group(cur, cur->aGroup[g].apKey, apKey, &same, pzErr);
    if (rc != SQLITE_OK) return rc;
    if (same) {
      *pGroup = *pHint = g;
      break;
    }
  }
  return SQLITE_OK;
}

/* The period a row's label stands for in the totals: read and rolled up
** to grain= as the scan does; 0 when it does not read (the scan reports
** such a row of a series itself) or is not of the totals' kind. */
static int withheld_period(const yoy_cursor *cur, sqlite3_value *v, int64_t *pOrdinal) {
  const ts_source_spec *spec = cur->base.spec;
  ts_period p, orig;
  char *zWhat = NULL;
  int rc = ts_value_period(v, &orig, &zWhat);
  sqlite3_free(zWhat);
  if (rc != 0) return 0;
  p = orig;
  if (spec->grain != TS_KIND_NONE && ts_period_rollup(&orig, spec->grain, &p)) return 0;
  if (p.kind != cur->total_kind) return 0;
  *pOrdinal = ts_period_ordinal(&p);
  return 1;
}

static char *withheld_sql(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd) {
  char *zFrom = ts_source_sql_name(spec);
  if (zFrom == NULL) return NULL;
  sqlite3_str *q = sqlite3_str_new(db);
  sqlite3_str_appendall(q, "SELECT ");
  for (int b = 0; b < spec->nBy; b++) sqlite3_str_appendf(q, "s.\"%w\", ", spec->azBy[b]);
  sqlite3_str_appendf(q,
                      "s.\"%w\", s.\"%w\" FROM %s WHERE (s.\"%w\" IS NULL OR typeof(s.\"%w\") = "
                      "'text')",
                      spec->zPeriod, spec->azValue[0], zFrom, spec->azValue[0], spec->azValue[0]);
  /* A statement that writes the source reads it as the scan did. */
  if (pd->has_max_rowid) sqlite3_str_appendf(q, " AND s._rowid_ <= %lld", pd->max_rowid);
  for (int b = 0; b < ts_share_group_columns(spec); b++)
    sqlite3_str_appendf(q, "%s s.\"%w\"", b ? "," : " ORDER BY", spec->azBy[b]);
  sqlite3_free(zFrom);
  return sqlite3_str_finish(q);
}

/* Marks incomplete the total of each group and period where a series
** counted in it has a row without a figure. */
static int mark_withheld(yoy_cursor *cur, const ts_pushdown *pd, const char *zTotal, char **pzErr) {
  if (cur->nGroup == 0) return SQLITE_OK;
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
  const ts_source_spec *spec = cur->base.spec;
  sqlite3_stmt *stmt = NULL;
  int rc = ts_share_prepare(cur, withheld_sql(vtab->db, spec, pd), &stmt, pzErr);
  int hint = 0, nBy = spec->nBy;
  while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    int64_t ordinal = 0;
    int g = -1, match = 1;
    /* a text figure ('1,400') is a figure; '-', 'x' and '' are none */
    if (ts_value_has_figure(sqlite3_column_value(stmt, nBy + 1))) continue;
    if (!withheld_period(cur, sqlite3_column_value(stmt, nBy), &ordinal)) continue;
    sqlite3_value *apKey[TS_MAX_BY];
    for (int b = 0; b < nBy; b++) apKey[b] = sqlite3_column_value(stmt, b);
    if (zTotal)
      rc = ts_share_is_total_label(cur, nBy > 0 ? apKey[nBy - 1] : NULL, zTotal, &match, pzErr);
    if (rc == SQLITE_OK && match) rc = find_group(cur, apKey, &hint, &g, pzErr);
    if (rc != SQLITE_OK || g < 0) continue;
    share_group *grp = &cur->aGroup[g];
    int j = ts_point_find(grp->aTotal, grp->nTotal, ordinal);
    if (j >= 0) grp->aTotal[j].incomplete[0] = 1;
  }
  if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
  } else if (rc != SQLITE_OK && rc != SQLITE_NOMEM && *pzErr == NULL) {
    *pzErr = sqlite3_mprintf("yoy_growth: %s", sqlite3_errmsg(vtab->db));
  }
  sqlite3_finalize(stmt);
  return rc;
}

/* Reads the totals of every group and period with a second scan of the
** whole source (no pushdown: the query's WHERE must not change them): the
** sum of every series of the group, or the group's series named by
** total=. */
static int load_totals(yoy_cursor *cur, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
  const yoy_vtab *cfg = (const yoy_vtab *)ts_series_config(&cur->base);
  const char *zTotal = cfg ? cfg->zTotal : NULL;
  ts_source_spec spec = *cur->base.spec; /* shallow: the strings stay the cursor's */
  int grouped = ts_share_group_columns(&spec) > 0;
  ts_pushdown pd;
  memset(&pd, 0, sizeof(pd));
  ts_scan *scan = NULL;
  /* A statement that writes the source reads it as it was (rowid bound
  ** or the kept series): the totals too. */
  int rc = ts_series_snapshot(&cur->base, &pd, pzErr);
  if (rc == SQLITE_OK) rc = ts_scan_open(vtab->db, &spec, &pd, &scan, pzErr);
  ts_series *s = NULL;
  int first = 1, k = 0;
  free_groups(cur);
  while (rc == SQLITE_OK && (rc = ts_scan_next(scan, &s, pzErr)) == SQLITE_ROW) {
    share_group *grp = NULL;
    rc = group_of_scanned(cur, s, k++, &grp, pzErr);
    if (rc != SQLITE_OK) break;
    if (zTotal) { /* the group's series whose key is the label, as SQL compares them */
      int match = 0;
      if (grp->has_total) continue; /* the first one is the total */
      rc = ts_share_is_total_label(cur, spec.nBy > 0 ? s->apKey[spec.nBy - 1] : NULL, zTotal,
                                   &match, pzErr);
      if (rc != SQLITE_OK) break;
      if (!match) continue;
    }
    if (first) cur->total_kind = s->kind;
    first = 0;
    if (s->kind != cur->total_kind) {
      *pzErr = sqlite3_mprintf(
          "yoy_growth: share and contribution need every series of one"
          " period kind (%s and %s found)",
          ts_period_kind_name(cur->total_kind), ts_period_kind_name(s->kind));
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
      break;
    }
    rc = add_to_totals(grp, s);
    if (zTotal) {
      grp->has_total = 1;
      if (!grouped) break; /* one group: nothing more to read */
      continue;
    }
    if (rc == SQLITE_OK && grp->guard == NULL && (grp->guard = ts_total_guard_new()) == NULL)
      rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK) rc = ts_total_guard_add(grp->guard, s->aPoint, s->nPoint);
    if (rc == SQLITE_OK && spec.nBy > 0 &&
        ts_total_label_like((const char *)sqlite3_value_text(s->apKey[spec.nBy - 1])))
      ts_total_guard_label(grp->guard);
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  ts_scan_close(scan);
  if (rc == SQLITE_OK)
    rc = zTotal ? ts_share_refuse_group_without_total(cur, zTotal, pzErr)
                : ts_share_refuse_total_row(cur, pzErr);
  if (rc == SQLITE_OK) rc = mark_withheld(cur, &pd, zTotal, pzErr);
  if (rc == SQLITE_OK) cur->totals_loaded = 1;
  return rc;
}

/* The total of the period with this ordinal in a group: its point, or NULL. */
static const ts_point *total_at(const yoy_cursor *cur, const share_group *grp, ts_period_kind kind,
                                int64_t ordinal) {
  if (grp == NULL || cur->total_kind != kind) return NULL;
  int j = ts_point_find(grp->aTotal, grp->nTotal, ordinal);
  return j >= 0 ? &grp->aTotal[j] : NULL;
}

/* A sum as the double nearest it and what that leaves out: an INTEGER
** sum past 2^53 is no double (ts_i128_split), a REAL one is its double. */
static void sum_split(const ts_sum *s, double *hi, double *lo) {
  if (s->n_real == 0) {
    ts_i128_split(s->exact, hi, lo);
  } else {
    *hi = ts_sum_double(s);
    *lo = 0.0;
  }
}

/* num * 100 / den rounded once: of the figures as written (ts_percent),
** or with what INTEGER sums past 2^53 leave out carried (ts_percent_ratio:
** a share of 2^53 + 1 in 2^53 + 3 was divided as 2^53 by 2^53 + 4) */
static double percent_of(double nh, double nl, double dh, double dl) {
  return nl == 0.0 && dl == 0.0 ? ts_percent(nh, dh) : ts_percent_ratio(nh, nl, dh, dl);
}

/* part / total * 100 when both are there, complete, and total != 0,
** rounded once (percent_of). */
static int share_of(const ts_point *part, const ts_point *total, double *out) {
  if (part == NULL || total == NULL || (part->incomplete[0] & TS_INCOMPLETE_MISSING) ||
      total->incomplete[0])
    return 0;
  double th, tl, ph, pl;
  sum_split(&total->sum[0], &th, &tl);
  if (th == 0.0) return 0;
  sum_split(&part->sum[0], &ph, &pl);
  *out = percent_of(ph, pl, th, tl);
  return isfinite(*out);
}

/* Whether a part's point is its first period, cut by its own first day. */
static int cut_by_series_start(const ts_point *pt) {
  return pt != NULL && (pt->incomplete[0] & TS_INCOMPLETE_SERIES_START) != 0;
}

void ts_share_result_error(sqlite3_context *ctx, int rc, char *zErr) {
  if (zErr && (zErr = ts_message_plain(zErr)) == NULL) rc = SQLITE_NOMEM;
  if (zErr)
    sqlite3_result_error(ctx, zErr, -1);
  else
    sqlite3_result_error_code(ctx, rc);
  sqlite3_free(zErr);
}

/* The current series' group with its totals loaded; NULL with ctx's
** error set, or when the series has no group (*pOk then 1). */
static const share_group *group_for_row(yoy_cursor *cur, sqlite3_context *ctx, int *pOk) {
  const share_group *grp = NULL;
  char *zErr = NULL;
  int rc = cur->totals_loaded ? SQLITE_OK : load_totals(cur, &zErr);
  if (rc == SQLITE_OK) rc = current_group(cur, &grp, &zErr);
  *pOk = rc == SQLITE_OK;
  if (rc != SQLITE_OK) {
    ts_share_result_error(ctx, rc, zErr);
  }
  return grp;
}

/* The totals of pt's period and of the same period a year earlier. */
static void totals_of(const yoy_cursor *cur, const share_group *grp, const ts_point *pt,
                      const ts_point **pTotal, const ts_point **pPrior) {
  const ts_series *s = cur->base.series;
  ts_period p, pp;
  *pTotal = total_at(cur, grp, s->kind, pt->ordinal);
  *pPrior = NULL;
  if (ts_period_from_ordinal(s->kind, pt->ordinal, &p) == 0 && ts_period_prior_year(&p, &pp) == 0)
    *pPrior = total_at(cur, grp, s->kind, ts_period_ordinal(&pp));
}

void ts_yoy_result_share(yoy_cursor *cur, sqlite3_context *ctx, int iCol, const ts_point *pt,
                         const ts_point *prior) {
  int ok;
  const share_group *grp = group_for_row(cur, ctx, &ok);
  if (!ok) return;
  const ts_point *total, *prior_total;
  totals_of(cur, grp, pt, &total, &prior_total);
  double now, then;
  switch (iCol) {
    case COL_SHARE:
      if (share_of(pt, total, &now)) sqlite3_result_double(ctx, now);
      break;
    case COL_SHARE_CHANGE:
      /* A part's first period cut by its own first day has its share, but
      ** a change against it compares part of a period with a whole one, as
      ** its growth and contribution would (both withheld). */
      if (cut_by_series_start(pt) || cut_by_series_start(prior)) break;
      if (share_of(pt, total, &now) && share_of(prior, prior_total, &then))
        ts_result_double(ctx, now - then);
      break;
    case COL_CONTRIBUTION: {
      /* The current total's completeness matters too, though the formula
      ** does not read it: a contribution shown where the total's growth is
      ** not would be a part of a growth that is not there to add up to. */
      if (prior == NULL || prior_total == NULL || pt->incomplete[0] || prior->incomplete[0] ||
          prior_total->incomplete[0] || (total && total->incomplete[0]))
        break;
      double base, base_lo, dh, dl = 0.0;
      sum_split(&prior_total->sum[0], &base, &base_lo);
      if (base == 0.0) break;
      if (pt->sum[0].n_real == 0 && prior->sum[0].n_real == 0) {
        /* INTEGER sums differenced exactly, past 64 bits too */
        ts_i128_split(ts_i128_sub(pt->sum[0].exact, prior->sum[0].exact), &dh, &dl);
      } else {
        ts_number a, b, diff;
        ts_sum_value(&pt->sum[0], &a);
        ts_sum_value(&prior->sum[0], &b);
        ts_number_difference(&a, &b, &diff);
        dh = diff.d;
      }
      ts_result_double(ctx, percent_of(dh, dl, fabs(base), base < 0 ? -base_lo : base_lo));
      break;
    }
    default: break;
  }
}
