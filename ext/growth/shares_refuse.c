/*
** growth/shares_refuse.c -- the totals of yoy_growth's share columns
** refused (shares.c's load_totals reads them, then asks here whether they
** stand): without total=, a total row among the series, which the totals
** would count twice, named with its group and the rule that found it
** (growth/total_row.c decides); with total=, a label that names no
** series, or a group without its total series.
*/
#include "growth/yoy_vtab.h"

#include <string.h>

/* ---- a total row among the series, without total= -------------------
** A KOSIS table carries its total as one more value of the by column
** ('합계'): summed with its parts, every share is halved and the total
** row shows 50 %.  Shares are then refused (docs/design.md, "A total row
** without `total=` is an error"): an error naming the series and total=.
** With several by columns the parts of a group are its series, so the
** guard runs per group: a partner 'Total' inside each flow is found.
** The totals scan hands every series to its group's guard; the source is
** read once more only when a guard has a candidate, and that one read
** judges every candidate. */

/* "col=value, ..." of the first n by columns of a key (sqlite3_free it). */
static char *key_label(sqlite3 *db, const ts_source_spec *spec, sqlite3_value *const *apKey,
                       int n) {
  sqlite3_str *str = sqlite3_str_new(db);
  int oom = 0;
  for (int b = 0; b < n; b++) {
    /* A key is data: cut, control bytes as char(N), as every value. */
    const char *z = (const char *)sqlite3_value_text(apKey[b]);
    char *zName = ts_name_shown(spec->azBy[b]);
    char *zValue = z ? ts_text_repr(z, sqlite3_value_bytes(apKey[b])) : sqlite3_mprintf("NULL");
    if (zName && zValue)
      sqlite3_str_appendf(str, "%s%s=%s", b ? ", " : "", zName, zValue);
    else
      oom = 1;
    sqlite3_free(zName);
    sqlite3_free(zValue);
  }
  char *zLabel = sqlite3_str_finish(str);
  if (oom) {
    sqlite3_free(zLabel);
    return NULL;
  }
  return zLabel;
}

/* The error naming series zLabel, from its verdict; zGroup: " with
** flow='import'" when the by columns make groups, else "". */
static char *total_row_error(const char *zLabel, const char *zGroup, int nOther,
                             const ts_total_verdict *v, const char *zName) {
  /* a group of two series: "the other series", periods where both have figures */
  char zOthers[64];
  if (nOther == 1)
    sqlite3_snprintf(sizeof(zOthers), zOthers, "the other series");
  else
    sqlite3_snprintf(sizeof(zOthers), zOthers, "the sum of the other %d series", nOther);
  const char *zShared = nOther == 1 ? "both have figures"
                        : v->pairs  ? "it and one of them have figures"
                                    : "it and two of them have figures";
  if (v->rule == TS_TOTAL_LABELLED)
    return sqlite3_mprintf(
        "yoy_growth: share and contribution: the series %s reads as a total and is not below "
        "%s%s in any of the %d periods where %s (a total over parts not all listed?), so the "
        "total of the series counts the listed parts twice; name it with total=%s to divide by "
        "it, or leave it out of the source",
        zLabel, zOthers, zGroup, v->nShared, zShared, zName);
  if (v->rule == TS_TOTAL_OVER_SUBTOTALS)
    return sqlite3_mprintf(
        "yoy_growth: share and contribution: the series %s equals half the sum of the other %d "
        "series%s in %d of the %d periods where all of them have figures%s (a total row over "
        "sub-totals?), so the total of the series counts its parts three times; name it with "
        "total= to divide by it, or leave it and the sub-totals out of the source",
        zLabel, nOther, zGroup, v->nMatch, v->nShared,
        v->larger ? ", and is larger where one is missing" : "");
  if (v->rule == TS_TOTAL_OVER_SOME)
    return sqlite3_mprintf(
        "yoy_growth: share and contribution: the series %s equals the sum of %d of the other %d "
        "series%s in the %d periods where it and all of them have figures (a total row beside "
        "sub-totals?), so the total of the series counts those parts twice; name it with total= "
        "to divide by it, or leave it and the sub-totals out of the source",
        zLabel, v->nPart, nOther, zGroup, v->nMatch);
  if (v->rule == TS_TOTAL_EXACT)
    return sqlite3_mprintf(
        "yoy_growth: share and contribution: the series %s equals %s%s in every period (a total "
        "row?), so the total of the series counts it twice; name it with total= to divide by it, "
        "or leave it out of the source",
        zLabel, zOthers, zGroup);
  char zUnit[48];
  if (v->unit > 0.0)
    sqlite3_snprintf(sizeof(zUnit), zUnit, "the rounding of the source (unit %g)", v->unit);
  else /* REALs of more than nine decimals */
    sqlite3_snprintf(sizeof(zUnit), zUnit, "floating-point rounding");
  return sqlite3_mprintf(
      "yoy_growth: share and contribution: the series %s equals %s%s to %s in %d of the %d "
      "periods where %s%s (a total row?), so the total of the series counts it twice; name it "
      "with total= to divide by it, or leave it out of the source",
      zLabel, zOthers, zGroup, zUnit, v->nMatch, v->nShared, zShared,
      v->larger ? ", and is larger where one is missing" : "");
}

/* With three series or more in a group (two, where one's label reads as
** a total), a series that is the sum of the others of its group, or a
** total over some (growth/total_row.c decides), makes share and
** contribution divide by twice the real total: refused.  When several
** are, the first whose last by column reads as a total is named, else
** the first. */
int ts_share_refuse_total_row(yoy_cursor *cur, char **pzErr) {
  int last = -1;
  for (int g = 0; g < cur->nGroup; g++) {
    ts_total_guard *guard = cur->aGroup[g].guard;
    int has = guard ? ts_total_guard_has_candidates(guard) : 0;
    if (has < 0) return SQLITE_NOMEM;
    if (has) last = cur->aGroup[g].iFirst + ts_total_guard_last_candidate(guard);
  }
  if (last < 0) return SQLITE_OK;
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
  const ts_source_spec *spec = cur->base.spec;
  ts_pushdown pd;
  memset(&pd, 0, sizeof(pd));
  ts_scan *scan = NULL;
  ts_series *s = NULL;
  int rc = ts_series_snapshot(&cur->base, &pd, pzErr), k = 0, g = 0, labelled = 0;
  const share_group *named = NULL;
  char *zLabel = NULL, *zName = NULL; /* the series' key, its last by value */
  ts_total_verdict chosen;
  memset(&chosen, 0, sizeof(chosen));
  if (rc == SQLITE_OK) rc = ts_scan_open(vtab->db, spec, &pd, &scan, pzErr);
  while (rc == SQLITE_OK && k <= last && !labelled &&
         (rc = ts_scan_next(scan, &s, pzErr)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    int iSeries = k++; /* the same read in the same order: the groups' numbering */
    while (g < cur->nGroup && iSeries >= cur->aGroup[g].iFirst + cur->aGroup[g].nSeries) g++;
    if (g >= cur->nGroup) break;
    const share_group *grp = &cur->aGroup[g];
    int local = iSeries - grp->iFirst;
    if (grp->guard == NULL || !ts_total_guard_is_candidate(grp->guard, local)) continue;
    ts_total_verdict v;
    ts_total_guard_judge(grp->guard, local, s->aPoint, s->nPoint, &v);
    if (v.rule == TS_TOTAL_NONE) continue;
    int like = spec->nBy > 0 &&
               ts_total_label_like((const char *)sqlite3_value_text(s->apKey[spec->nBy - 1]));
    /* Over some of the others with matches a coincidence could give:
    ** refused only when its label reads as a total too. */
    if (v.rule == TS_TOTAL_OVER_SOME && !v.strong && !like) continue;
    if (zLabel && !like) continue; /* the first stays named */
    sqlite3_free(zLabel);
    sqlite3_free(zName);
    zLabel = key_label(vtab->db, spec, s->apKey, spec->nBy);
    zName = spec->nBy > 0 ? ts_value_repr(s->apKey[spec->nBy - 1]) : NULL;
    if (zLabel == NULL || (spec->nBy > 0 && zName == NULL)) rc = SQLITE_NOMEM;
    chosen = v;
    named = grp;
    labelled = like;
  }
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) rc = SQLITE_OK;
  ts_scan_close(scan);
  if (rc == SQLITE_OK && zLabel) {
    int n = ts_share_group_columns(spec);
    char *zKey = n ? key_label(vtab->db, spec, named->apKey, n) : NULL;
    char *zGroup = n ? (zKey ? sqlite3_mprintf(" with %s", zKey) : NULL) : sqlite3_mprintf("");
    *pzErr = zGroup ? total_row_error(zLabel, zGroup, ts_total_guard_n_series(named->guard) - 1,
                                      &chosen, zName ? zName : "")
                    : NULL;
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    sqlite3_free(zKey);
    sqlite3_free(zGroup);
  }
  sqlite3_free(zLabel);
  sqlite3_free(zName);
  return rc;
}

/* One by column: total= must name one of its series.  A label that
** names none (a typo, another spelling) gave NULL in every share, with
** no note, which reads as figures the source does not have. */
static int refuse_missing_total(yoy_cursor *cur, const char *zTotal, char **pzErr) {
  if (cur->nGroup == 0 || cur->aGroup[0].has_total) return SQLITE_OK;
  char *zShown = ts_text_shown(zTotal);
  char *zLast = ts_name_shown(cur->base.spec->azBy[cur->base.spec->nBy - 1]);
  *pzErr = zShown && zLast
               ? sqlite3_mprintf(
                     "yoy_growth: total=%s names a value of %s, the by "
                     "column, but no series with a figure has %s=%s (or leave total= out)",
                     zShown, zLast, zLast, zShown)
               : NULL;
  sqlite3_free(zShown);
  sqlite3_free(zLast);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* With total= and groups, each group must hold its total series: a
** group without it would have no shares, and NULLs would read as "no
** figure" where the source is at fault.  An error names the first. */
int ts_share_refuse_group_without_total(yoy_cursor *cur, const char *zTotal, char **pzErr) {
  const ts_source_spec *spec = cur->base.spec;
  int n = ts_share_group_columns(spec);
  if (n == 0) return refuse_missing_total(cur, zTotal, pzErr);
  for (int g = 0; g < cur->nGroup; g++) {
    if (cur->aGroup[g].has_total) continue;
    ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
    char *zKey = key_label(vtab->db, spec, cur->aGroup[g].apKey, n);
    char *zShown = ts_text_shown(zTotal);
    char *zLast = ts_name_shown(spec->azBy[spec->nBy - 1]);
    *pzErr = zKey && zShown && zLast
                 ? sqlite3_mprintf(
                       "yoy_growth: total=%s names a value of %s, the last by column, but the "
                       "series with %s have no %s=%s: each combination of the other by columns "
                       "needs its own total series (or leave it out of the source)",
                       zShown, zLast, zKey, zLast, zShown)
                 : NULL;
    sqlite3_free(zKey);
    sqlite3_free(zShown);
    sqlite3_free(zLast);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
}
