/*
** growth/yoy_vtab.c -- the yoy_growth virtual table (year-over-year growth per series).
**
**   SELECT * FROM yoy_growth('direct_trade', 'amount', 'period', 'partner');
**   CREATE VIRTUAL TABLE g USING yoy_growth(source=direct_trade,
**       value=amount, period=period, by='flow, partner', grain=quarter);
**
** Contract:
**  1. One row per series and period present in the source (after grain=
**     roll-up), ordered by series then period.  Periods whose every value
**     is NULL are absent, like rows sum() skips.
**  2. growth compares with the same period one year earlier, matched by
**     label (the growth engine: ts_growth_yoy for the columns that need
**     the growth alone, ts_growth_next for the year-to-date ones, both
**     equal to ts_growth_at); prior_period names that period even when it is
**     missing, and note says why growth or ytd_growth is NULL.
**  3. value, prior_value, change, ytd_value and prior_ytd_value are INTEGER
**     while the inputs are integers and the exact total fits, else REAL.
**     change, like growth, is NULL when either period is incomplete.
**  4. The table-valued form always has a `series` column (NULL when no
**     series column is given): an eponymous table's columns are fixed.
**  5. WHERE on the series columns (=, IN) and on period (=, <, <=, >, >=)
**     is pushed into the source query (series_source.c) only as far as it
**     cannot change a row kept (the prior year is read too); the source
**     is read once per query, one series in memory at a time.
**  6. The call forms, DIRECTONLY and the scan are series_vtab.c's; this
**     file is the columns and how a series becomes rows.
**  7. share, share_change and contribution compare a series with the
**     total of its group in its period.  A group is the series sharing
**     the values of every by column but the last (compared as GROUP BY
**     compares them); with one by column or none, every series is one
**     group.  The total is the sum of the group's rows in that period,
**     or, with total=LABEL, the group's series whose last by column is
**     LABEL (with two by columns or more, a group lacking it is an
**     error).  The totals are read by a second scan of the whole source,
**     only when one of these columns is read, and never with the query's
**     WHERE: filtering the series shown does not change them.  share =
**     value / total * 100; share_change = share - the share a year
**     earlier (percentage points); contribution = (value - prior_value) /
**     |prior total of the group| * 100 (percentage points: the
**     contributions of parts that are present in both years and add up
**     to the total sum to the total's growth).  NULL when a figure is
**     missing, a total is zero, or (grain=) a period is incomplete.
**     Without total=, a series that is the sum of the others of its group
**     (three series or more in the group) -- exactly in every period, or
**     to the rounding of the source where the parts are there and never
**     below them where one is missing (growth/total_row.c) -- is a total
**     row counted twice: reading these columns is then an error naming
**     it (refuse_total_row).
*/
#include "vtab/series_vtab.h"
#include "families.h"
#include "growth/total_row.h"

#include <math.h>
#include <string.h>

enum {
  COL_PERIOD,
  COL_VALUE,
  COL_PRIOR_PERIOD,
  COL_PRIOR_VALUE,
  COL_CHANGE,
  COL_GROWTH,
  COL_YTD_VALUE,
  COL_PRIOR_YTD_VALUE,
  COL_YTD_GROWTH,
  COL_SHARE,
  COL_SHARE_CHANGE,
  COL_CONTRIBUTION,
  COL_PRELIMINARY,
  COL_NOTE,
  N_RESULT
};
static const char *const result_columns[N_RESULT] = {"period TEXT",
                                                     "value",
                                                     "prior_period TEXT",
                                                     "prior_value",
                                                     "change",
                                                     "growth REAL",
                                                     "ytd_value",
                                                     "prior_ytd_value",
                                                     "ytd_growth REAL",
                                                     "share REAL",
                                                     "share_change REAL",
                                                     "contribution REAL",
                                                     "preliminary INTEGER",
                                                     "note TEXT"};

/* The CREATE form's own key: total=LABEL names the value of the last by
** column whose series holds the total of its group. */
typedef struct yoy_vtab {
  ts_series_vtab base;
  char *zTotal; /* NULL: the total is the sum of the group's series */
} yoy_vtab;

/* Hidden arguments of the table-valued form, in call order. */
#define N_ARG 5
static const char *const argument_columns[N_ARG] = {"source", "value_column", "period_column",
                                                    "series_column", "options"};
static const char *const argument_roles[N_ARG] = {"source", "value", "period", "series", "options"};

/* A row's growth is computed when a column first needs it, and only as
** much as that column needs: a query reading growth alone never pays for
** the year-to-date sums (each form is to the bit ts_growth_at's). */
typedef enum row_state { ROW_NONE, ROW_GROWTH, ROW_FULL } row_state;

/* The series sharing the values of every by column but the last, and
** the totals their shares divide by.  The source is read ordered by the
** by columns (series_source.h), so a group's series are adjacent. */
typedef struct share_group {
  sqlite3_value *apKey[TS_MAX_BY]; /* its first series' group columns (owned) */
  ts_point *aTotal;                /* the total of each period, by ordinal */
  int nTotal;
  int has_total;       /* total=: the named series was found in it */
  int iFirst, nSeries; /* its series in the totals scan: iFirst .. + nSeries */
  /* Without total=: what the totals scan saw of each series of the group
  ** and period, to find a total row among them (refuse_total_row). */
  ts_total_guard *guard;
} share_group;

#define GROUP_UNKNOWN (-2)

typedef struct yoy_cursor {
  ts_series_cursor base;
  int i;                   /* current point of the series */
  ts_growth_cursor growth; /* running year-to-date sums along the series */
  row_state state;         /* how much of row is computed for point i */
  ts_growth_row row;
  /* The totals, read once per query when first needed: one group of
  ** series per combination of the by columns before the last (one group
  ** of every series with fewer than two by columns). */
  int totals_loaded; /* 0: not yet; 1: aGroup holds them */
  share_group *aGroup;
  int nGroup, nGroupAlloc;
  ts_period_kind total_kind;
  int iGroup;               /* the current series' group; GROUP_UNKNOWN: not looked up */
  int iHint;                /* where the last look-up found one (series come in order) */
  sqlite3_stmt *same_group; /* same_group's question, prepared when first asked */
  sqlite3_stmt *is_label;   /* is_total_label's */
} yoy_cursor;

static int yoy_start(ts_series_cursor *pCur, char **pzErr) {
  ((yoy_cursor *)pCur)->i = -1;
  ((yoy_cursor *)pCur)->iGroup = GROUP_UNKNOWN;
  ts_growth_cursor_init(&((yoy_cursor *)pCur)->growth);
  return SQLITE_OK;
}

/* The next point inside the asked-for years (the prior year read only for
** comparison is not a row). */
static int yoy_next(ts_series_cursor *pCur) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  const ts_series *s = pCur->series;
  if (!ts_series_next_point(pCur, &cur->i)) return 0;
  pCur->row_key = s->aPoint[cur->i].ordinal;
  cur->state = ROW_NONE;
  return 1;
}

/* The current row, computed to at least `need`.  The running sums walk
** forward only, so rows whose year-to-date is never read are skipped
** over cheaply when a later row needs it. */
static const ts_growth_row *yoy_row(yoy_cursor *cur, row_state need) {
  const ts_series *s = cur->base.series;
  if (cur->state >= need) return &cur->row;
  if (need == ROW_GROWTH)
    ts_growth_yoy(s->kind, s->aPoint, s->nPoint, 0, cur->i, &cur->row);
  else
    ts_growth_next(&cur->growth, s->kind, s->aPoint, s->nPoint, 0, cur->i, &cur->row);
  cur->state = need;
  return &cur->row;
}

/* ---- totals: share, share_change, contribution ------------------------ */

static int yoy_configure(ts_series_vtab *vtab, int argc, const char *const *argv, char **pzErr) {
  static const char *const azExtra[1] = {"total"};
  char *azValue[1] = {NULL};
  yoy_vtab *yv = (yoy_vtab *)vtab;
  int rc = ts_source_configure(&vtab->spec, argc, argv, azExtra, 1, azValue, pzErr);
  if (rc == SQLITE_OK && vtab->spec.azValue[0] == NULL) {
    *pzErr = sqlite3_mprintf("yoy_growth: missing argument value=");
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK && azValue[0] && vtab->spec.nBy == 0) {
    *pzErr = sqlite3_mprintf(
        "yoy_growth: total='%q' names a value of the last by column, so it needs"
        " a by column (by= has 0)",
        azValue[0]);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) {
    yv->zTotal = azValue[0];
    azValue[0] = NULL;
  }
  sqlite3_free(azValue[0]);
  return rc;
}

static void yoy_disconnect(ts_series_vtab *vtab) { sqlite3_free(((yoy_vtab *)vtab)->zTotal); }

/* The by columns that make a group: every one but the last, which names
** the parts (by lists go from coarse to fine: 'flow, partner').  With
** one by column or none, every series is in one group. */
static int group_columns(const ts_source_spec *spec) { return spec->nBy >= 2 ? spec->nBy - 1 : 0; }

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

static void yoy_reset(ts_series_cursor *pCur) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  free_groups(cur);
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
** GROUP BY (and the scan, series_source.c) compares them: with each
** column's own collation ('Import' and 'import' are one flow under
** NOCASE), INTEGER 1 equal to REAL 1.0, NULLs equal.  SQLite is asked,
** the way the scan asks whether a row belongs to a series:
**
**   SELECT (+k0 IS ?3) AND (+k1 IS ?4) FROM
**     (SELECT s."a" AS k0, s."b" AS k1 FROM src AS s WHERE 0
**      UNION ALL SELECT ?1, ?2)
**
** The leftmost arm gives k0.. the columns' collations and reads no row. */

/* A statement on the source (prepared once per query) from zSql, which
** it frees (NULL: out of memory); *pzErr on error. */
static int prepare_on_source(yoy_cursor *cur, char *zSql, sqlite3_stmt **pStmt, char **pzErr) {
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
  return prepare_on_source(cur,
                           ts_same_key_sql(vtab->db, cur->base.spec, group_columns(cur->base.spec)),
                           &cur->same_group, pzErr);
}

/* *pSame = 1 when keys a and b have equal group columns. */
static int same_group(yoy_cursor *cur, sqlite3_value *const *a, sqlite3_value *const *b, int *pSame,
                      char **pzErr) {
  int n = group_columns(cur->base.spec), i = 0, rc = SQLITE_OK;
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

/* Whether a series' last by column, as text, is the total= label under
** that column's collation (total=Total finds a NOCASE 'TOTAL'; total=0
** finds INTEGER 0): CAST keeps the column's collation. */
static int is_total_label(yoy_cursor *cur, const ts_series *s, const char *zLabel, int *pMatch,
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
    sqlite3_str_appendf(q,
                        "SELECT CAST(+k0 AS TEXT) IS ?2 FROM (SELECT s.\"%w\" AS k0"
                        " FROM %s WHERE 0 UNION ALL SELECT ?1)",
                        spec->azBy[last], zFrom);
    sqlite3_free(zFrom);
    rc = prepare_on_source(cur, sqlite3_str_finish(q), &cur->is_label, pzErr);
    if (rc != SQLITE_OK) return rc;
  }
  rc = s->apKey[last] ? sqlite3_bind_value(cur->is_label, 1, s->apKey[last])
                      : sqlite3_bind_null(cur->is_label, 1);
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

/* The group of series s, the iSeries-th of the totals scan: the last
** group when its group columns are s's (the scan is ordered by them),
** else a new one. */
static int group_of_scanned(yoy_cursor *cur, const ts_series *s, int iSeries, share_group **ppGroup,
                            char **pzErr) {
  int n = group_columns(cur->base.spec), same = 0, rc = SQLITE_OK;
  if (cur->nGroup > 0) {
    rc = same_group(cur, cur->aGroup[cur->nGroup - 1].apKey, s->apKey, &same, pzErr);
    if (rc != SQLITE_OK) return rc;
  }
  if (!same) {
    if (cur->nGroup == cur->nGroupAlloc) {
      int nAlloc = cur->nGroupAlloc ? 2 * cur->nGroupAlloc : 4;
      share_group *a = sqlite3_realloc64(cur->aGroup, sizeof(*a) * (sqlite3_uint64)nAlloc);
      if (a == NULL) return SQLITE_NOMEM;
      cur->aGroup = a;
      cur->nGroupAlloc = nAlloc;
    }
    share_group *grp = &cur->aGroup[cur->nGroup++];
    memset(grp, 0, sizeof(*grp));
    grp->iFirst = iSeries;
    for (int b = 0; b < n; b++)
      if (s->apKey[b] && (grp->apKey[b] = sqlite3_value_dup(s->apKey[b])) == NULL)
        return SQLITE_NOMEM;
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
    if (group_columns(cur->base.spec) == 0) {
      if (cur->nGroup > 0) cur->iGroup = 0;
    } else {
      for (int t = 0; t < cur->nGroup && cur->iGroup < 0; t++) {
        int g = (cur->iHint + t) % cur->nGroup, same = 0;
        int rc = same_group(cur, cur->aGroup[g].apKey, cur->base.series->apKey, &same, pzErr);
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
** ordinal): sums merged, and a total is incomplete when any part is. */
static int add_to_totals(share_group *grp, const ts_series *s) {
  int n = grp->nTotal, m = s->nPoint, i = 0, j = 0, k = 0;
  ts_point *out = sqlite3_malloc64((sqlite3_uint64)(n + m + 1) * sizeof(ts_point));
  if (out == NULL) return SQLITE_NOMEM;
  while (i < n || j < m) {
    if (j >= m || (i < n && grp->aTotal[i].ordinal < s->aPoint[j].ordinal)) {
      out[k++] = grp->aTotal[i++];
    } else if (i >= n || s->aPoint[j].ordinal < grp->aTotal[i].ordinal) {
      out[k++] = s->aPoint[j++];
    } else {
      out[k] = grp->aTotal[i++];
      ts_sum_merge(&out[k].sum[0], &s->aPoint[j].sum[0]);
      out[k].incomplete[0] |= s->aPoint[j].incomplete[0];
      out[k].preliminary[0] |= s->aPoint[j++].preliminary[0];
      k++;
    }
  }
  sqlite3_free(grp->aTotal);
  grp->aTotal = out;
  grp->nTotal = k;
  return SQLITE_OK;
}

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
  for (int b = 0; b < n; b++) {
    const unsigned char *z = sqlite3_value_text(apKey[b]);
    sqlite3_str_appendf(str, "%s%s=", b ? ", " : "", spec->azBy[b]);
    if (z)
      sqlite3_str_appendf(str, "'%q'", (const char *)z);
    else
      sqlite3_str_appendall(str, "NULL");
  }
  return sqlite3_str_finish(str);
}

/* The error naming series zLabel, from its verdict; zGroup: " with
** flow='import'" when the by columns make groups, else "". */
static char *total_row_error(const char *zLabel, const char *zGroup, int nOther,
                             const ts_total_verdict *v) {
  if (v->rule == TS_TOTAL_EXACT)
    return sqlite3_mprintf(
        "yoy_growth: share and contribution: the series %s equals the sum of the other %d "
        "series%s in every period (a total row?), so the total of the series counts it twice; "
        "name it with total= to divide by it, or leave it out of the source",
        zLabel, nOther, zGroup);
  char zUnit[48];
  if (v->unit > 0.0)
    sqlite3_snprintf(sizeof(zUnit), zUnit, "the rounding of the source (unit %g)", v->unit);
  else /* REALs of more than nine decimals */
    sqlite3_snprintf(sizeof(zUnit), zUnit, "floating-point rounding");
  return sqlite3_mprintf(
      "yoy_growth: share and contribution: the series %s equals the sum of the other %d "
      "series%s to %s in %d of the %d periods where it and two of them have figures%s (a total "
      "row?), so the total of the series counts it twice; name it with total= to divide by it, "
      "or leave it out of the source",
      zLabel, nOther, zGroup, zUnit, v->nMatch, v->nShared,
      v->larger ? ", and is larger where one is missing" : "");
}

/* With three series or more in a group, a series that is the sum of the
** others of its group (growth/total_row.c decides) makes share and
** contribution divide by twice the real total: refused.  When several
** are, the first whose last by column reads as a total is named, else
** the first. */
static int refuse_total_row(yoy_cursor *cur, char **pzErr) {
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
  char *zLabel = NULL;
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
    if (zLabel && !like) continue; /* the first stays named */
    sqlite3_free(zLabel);
    zLabel = key_label(vtab->db, spec, s->apKey, spec->nBy);
    if (zLabel == NULL) rc = SQLITE_NOMEM;
    chosen = v;
    named = grp;
    labelled = like;
  }
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) rc = SQLITE_OK;
  ts_scan_close(scan);
  if (rc == SQLITE_OK && zLabel) {
    int n = group_columns(spec);
    char *zKey = n ? key_label(vtab->db, spec, named->apKey, n) : NULL;
    char *zGroup = n ? (zKey ? sqlite3_mprintf(" with %s", zKey) : NULL) : sqlite3_mprintf("");
    *pzErr =
        zGroup ? total_row_error(zLabel, zGroup, ts_total_guard_n_series(named->guard) - 1, &chosen)
               : NULL;
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    sqlite3_free(zKey);
    sqlite3_free(zGroup);
  }
  sqlite3_free(zLabel);
  return rc;
}

/* With total= and groups, each group must hold its total series: a
** group without it would have no shares, and NULLs would read as "no
** figure" where the source is at fault.  An error names the first. */
static int refuse_group_without_total(yoy_cursor *cur, const char *zTotal, char **pzErr) {
  const ts_source_spec *spec = cur->base.spec;
  int n = group_columns(spec);
  if (n == 0) return SQLITE_OK; /* one by column: NULL shares when it is missing */
  for (int g = 0; g < cur->nGroup; g++) {
    if (cur->aGroup[g].has_total) continue;
    ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
    char *zKey = key_label(vtab->db, spec, cur->aGroup[g].apKey, n);
    if (zKey == NULL) return SQLITE_NOMEM;
    *pzErr = sqlite3_mprintf(
        "yoy_growth: total='%q' names a value of %s, the last by column, but the series with %s "
        "have no %s='%q': each combination of the other by columns needs its own total series "
        "(or leave it out of the source)",
        zTotal, spec->azBy[spec->nBy - 1], zKey, spec->azBy[spec->nBy - 1], zTotal);
    sqlite3_free(zKey);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return SQLITE_OK;
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
  int grouped = group_columns(&spec) > 0;
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
      rc = is_total_label(cur, s, zTotal, &match, pzErr);
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
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  ts_scan_close(scan);
  if (rc == SQLITE_OK)
    rc = zTotal ? refuse_group_without_total(cur, zTotal, pzErr) : refuse_total_row(cur, pzErr);
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

/* part / total * 100 when both are there, complete, and total != 0. */
static int share_of(const ts_point *part, const ts_point *total, double *out) {
  if (part == NULL || total == NULL || part->incomplete[0] || total->incomplete[0]) return 0;
  double t = ts_sum_double(&total->sum[0]);
  if (t == 0.0) return 0;
  *out = ts_sum_double(&part->sum[0]) / t * 100.0;
  return isfinite(*out);
}

static void result_share(yoy_cursor *cur, sqlite3_context *ctx, int iCol, const ts_point *pt,
                         const ts_point *prior) {
  const ts_series *s = cur->base.series;
  const share_group *grp = NULL;
  char *zErr = NULL;
  int rc = cur->totals_loaded ? SQLITE_OK : load_totals(cur, &zErr);
  if (rc == SQLITE_OK) rc = current_group(cur, &grp, &zErr);
  if (rc != SQLITE_OK) {
    if (zErr)
      sqlite3_result_error(ctx, zErr, -1);
    else
      sqlite3_result_error_code(ctx, rc);
    sqlite3_free(zErr);
    return;
  }
  const ts_point *total = total_at(cur, grp, s->kind, pt->ordinal);
  const ts_point *prior_total = NULL;
  ts_period p, pp;
  if (ts_period_from_ordinal(s->kind, pt->ordinal, &p) == 0 && ts_period_prior_year(&p, &pp) == 0)
    prior_total = total_at(cur, grp, s->kind, ts_period_ordinal(&pp));
  double now, then;
  switch (iCol) {
    case COL_SHARE:
      if (share_of(pt, total, &now)) sqlite3_result_double(ctx, now);
      break;
    case COL_SHARE_CHANGE:
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
      double base = ts_sum_double(&prior_total->sum[0]);
      if (base == 0.0) break;
      ts_number a, b, diff;
      ts_sum_value(&pt->sum[0], &a);
      ts_sum_value(&prior->sum[0], &b);
      ts_number_difference(&a, &b, &diff);
      ts_result_double(ctx, diff.d / fabs(base) * 100.0);
      break;
    }
    default: break;
  }
}

/* Does point j or a point of its year before it rest on a preliminary
** figure?  (The row's year-to-date sums include them.) */
static int preliminary_to(const ts_series *s, int j) {
  ts_period p, q;
  if (j < 0 || ts_period_from_ordinal(s->kind, s->aPoint[j].ordinal, &p)) return 0;
  for (int k = j; k >= 0; k--) {
    if (ts_period_from_ordinal(s->kind, s->aPoint[k].ordinal, &q) || q.year != p.year) break;
    if (s->aPoint[k].preliminary[0]) return 1;
  }
  return 0;
}

static void result_point_value(sqlite3_context *ctx, const ts_point *pt) {
  ts_number n;
  ts_sum_value(&pt->sum[0], &n);
  ts_result_number(ctx, &n);
}

static void result_prior_period(sqlite3_context *ctx, const ts_series *s, const ts_point *pt) {
  ts_period p, prior;
  if (ts_period_from_ordinal(s->kind, pt->ordinal, &p) || ts_period_prior_year(&p, &prior)) return;
  ts_series_result_period(ctx, s->kind, ts_period_ordinal(&prior));
}

/* value - prior_value: INTEGER when both are and it fits, else REAL. */
static void result_change(sqlite3_context *ctx, const ts_point *now, const ts_point *prior) {
  ts_number a, b, diff;
  ts_sum_value(&now->sum[0], &a);
  ts_sum_value(&prior->sum[0], &b);
  ts_number_difference(&a, &b, &diff);
  ts_result_number(ctx, &diff);
}

static void yoy_result(ts_series_cursor *pCur, sqlite3_context *ctx, int iCol) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  const ts_series *s = pCur->series;
  const ts_point *pt = &s->aPoint[cur->i];
  int needs_full = iCol == COL_YTD_VALUE || iCol == COL_PRIOR_YTD_VALUE || iCol == COL_YTD_GROWTH ||
                   iCol == COL_NOTE;
  const ts_growth_row *g =
      iCol == COL_PERIOD || iCol == COL_VALUE || iCol == COL_PRIOR_PERIOD || iCol == COL_SHARE
          ? NULL
          : yoy_row(cur, needs_full ? ROW_FULL : ROW_GROWTH);
  const ts_point *prior = g && g->prior_index >= 0 ? &s->aPoint[g->prior_index] : NULL;
  switch (iCol) {
    case COL_PERIOD: ts_series_result_period(ctx, s->kind, pt->ordinal); break;
    case COL_VALUE: result_point_value(ctx, pt); break;
    case COL_PRIOR_PERIOD: result_prior_period(ctx, s, pt); break;
    case COL_PRIOR_VALUE:
      if (prior) result_point_value(ctx, prior);
      break;
    case COL_CHANGE:
      /* Like growth: a roll-up missing months is a part, and its change
      ** against a whole period would be a fake fall or rise. */
      if (prior && !pt->incomplete[0] && !prior->incomplete[0]) result_change(ctx, pt, prior);
      break;
    case COL_GROWTH:
      if (g->growth_ok) ts_result_double(ctx, g->growth);
      break;
    case COL_YTD_VALUE:
      if (g->ytd_ok) ts_result_number(ctx, &g->ytd);
      break;
    case COL_PRIOR_YTD_VALUE:
      if (g->prior_ytd_ok) ts_result_number(ctx, &g->prior_ytd);
      break;
    case COL_YTD_GROWTH:
      if (g->ytd_growth_ok) ts_result_double(ctx, g->ytd_growth);
      break;
    case COL_SHARE:
    case COL_SHARE_CHANGE:
    case COL_CONTRIBUTION: result_share(cur, ctx, iCol, pt, prior); break;
    case COL_PRELIMINARY:
      sqlite3_result_int(ctx,
                         preliminary_to(s, cur->i) || (g && preliminary_to(s, g->prior_index)));
      break;
    case COL_NOTE:
      if (g->note) sqlite3_result_text(ctx, g->note, -1, SQLITE_STATIC);
      break;
    default: break;
  }
}

static const ts_series_module yoy_module = {
    .zName = "yoy_growth",
    .azResult = result_columns,
    .nResult = N_RESULT,
    .iPeriod = COL_PERIOD,
    .azArgColumn = argument_columns,
    .azArgRole = argument_roles,
    .nArg = N_ARG,
    .nRequired = 3,
    .history_years = 1,
    .szVtab = sizeof(yoy_vtab),
    .szCursor = sizeof(yoy_cursor),
    .xConfigure = yoy_configure,
    .xReset = yoy_reset,
    .xDisconnect = yoy_disconnect,
    .xStart = yoy_start,
    .xNext = yoy_next,
    .xResult = yoy_result,
};

int ts_yoy_vtab_register(sqlite3 *db) { return ts_series_module_register(db, &yoy_module); }
