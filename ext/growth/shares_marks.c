/*
** growth/shares_marks.c -- the totals' preliminary marks of yoy_growth's
** share columns (growth/shares.c has the totals themselves): which
** periods of a group's totals rest on a preliminary figure, read by
** `preliminary` in every query.
*/
#include "growth/yoy_vtab.h"

#include <stdlib.h>
#include <string.h>

void ts_share_marks_free(yoy_cursor *cur) {
  for (int g = 0; g < cur->nMark; g++) {
    for (int b = 0; b < TS_MAX_BY; b++) sqlite3_value_free(cur->aMark[g].apKey[b]);
    sqlite3_free(cur->aMark[g].aPeriod);
  }
  sqlite3_free(cur->aMark);
  cur->aMark = NULL;
  cur->nMark = cur->nMarkAlloc = cur->iMarkHint = 0;
  cur->marks_loaded = 0;
}

/* ---- the totals' preliminary marks ------------------------------------
** `preliminary` covers the totals the share columns divide by in every
** query, not only in a scan that reads a share column: a view of the
** flags joined with a view of the shares has two scans, and the one that
** reads `preliminary` cannot see the other's columns (docs/design.md,
** "Preliminary figures stay marked").  Loading the totals for it would
** read and sum the whole source a second time (2.5 times a growth query's
** time, 50 times a read of one partner) and refuse a total row that
** `preliminary` has nothing to do with.  The marks alone are a filter on
** the source, the rows that can carry one (a 'p' in the period label, or
** a value in its "preliminary" column), confirmed here as the scan reads
** them (orig.preliminary, ts_value_is_preliminary):
**
**   SELECT s."a", s."b", s."period", s."preliminary" FROM src AS s
**   WHERE s."value" IS NOT NULL
**     AND (instr(s."period", 'p') OR instr(s."period", 'P')
**          OR s."preliminary" <> 0)
**   ORDER BY +s."a"
**
** the whole source, never the query's WHERE, as the totals are.  With
** total= only the total series' rows count. */

/* Whether the source has a "preliminary" column the scan reads marks
** from (series_scan_open.c: not one of the columns the table reads). */
static int reads_preliminary_column(sqlite3 *db, const ts_source_spec *spec) {
  const char *azUsed[2 + TS_MAX_BY] = {spec->zPeriod, spec->azValue[0]};
  for (int i = 0; i < spec->nBy; i++) azUsed[2 + i] = spec->azBy[i];
  for (int i = 0; i < 2 + spec->nBy; i++)
    if (azUsed[i] && sqlite3_stricmp(azUsed[i], "preliminary") == 0) return 0;
  return ts_source_has_column(db, spec->zSchema, spec->zTable, "preliminary");
}

static char *marks_sql(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                       int with_column) {
  char *zFrom = ts_source_sql_name(spec);
  if (zFrom == NULL) return NULL;
  sqlite3_str *q = sqlite3_str_new(db);
  sqlite3_str_appendall(q, "SELECT ");
  for (int b = 0; b < spec->nBy; b++) sqlite3_str_appendf(q, "s.\"%w\", ", spec->azBy[b]);
  sqlite3_str_appendf(q, "s.\"%w\"%s FROM %s WHERE s.\"%w\" IS NOT NULL", spec->zPeriod,
                      with_column ? ", s.\"preliminary\"" : "", zFrom, spec->azValue[0]);
  sqlite3_str_appendf(q, " AND (instr(s.\"%w\", 'p') OR instr(s.\"%w\", 'P')%s)", spec->zPeriod,
                      spec->zPeriod, with_column ? " OR s.\"preliminary\" <> 0" : "");
  /* A statement that writes the source reads it as the scan did. */
  if (pd->has_max_rowid) sqlite3_str_appendf(q, " AND s._rowid_ <= %lld", pd->max_rowid);
  for (int b = 0; b < ts_share_group_columns(spec); b++)
    /* +: the columns' collations, but no index walked for the order (a
    ** row looked up per index entry): the few marked rows are sorted. */
    sqlite3_str_appendf(q, "%s +s.\"%w\"", b ? "," : " ORDER BY", spec->azBy[b]);
  sqlite3_free(zFrom);
  return sqlite3_str_finish(q);
}

/* The mark group of a row's key: the last one when its group columns are
** the key's (the rows come ordered by them), else a new one. */
static int mark_group_of(yoy_cursor *cur, sqlite3_value *const *apKey, mark_group **ppGroup,
                         char **pzErr) {
  int n = ts_share_group_columns(cur->base.spec), same = 0, rc = SQLITE_OK;
  if (cur->nMark > 0) {
    rc = ts_share_same_group(cur, cur->aMark[cur->nMark - 1].apKey, apKey, &same, pzErr);
    if (rc != SQLITE_OK) return rc;
  }
  if (!same) {
    mark_group *grp =
        ts_share_append_slot((void **)&cur->aMark, &cur->nMark, &cur->nMarkAlloc, sizeof(*grp));
    if (grp == NULL || ts_share_dup_keys(grp->apKey, apKey, n) != SQLITE_OK) return SQLITE_NOMEM;
  }
  *ppGroup = &cur->aMark[cur->nMark - 1];
  return SQLITE_OK;
}

static int mark_cmp(const void *a, const void *b) {
  const mark_period *x = a, *y = b;
  if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

static int add_mark(mark_group *grp, ts_period_kind kind, int64_t ordinal) {
  if (grp->nPeriod == grp->nAlloc) {
    int nAlloc = grp->nAlloc ? 2 * grp->nAlloc : 8;
    mark_period *a = sqlite3_realloc64(grp->aPeriod, sizeof(*a) * (sqlite3_uint64)nAlloc);
    if (a == NULL) return SQLITE_NOMEM;
    grp->aPeriod = a;
    grp->nAlloc = nAlloc;
  }
  grp->aPeriod[grp->nPeriod].kind = kind;
  grp->aPeriod[grp->nPeriod++].ordinal = ordinal;
  return SQLITE_OK;
}

/* One row of the marks' read: the period it stands for in the totals
** (rolled up to grain= as the scan does), when it carries a mark; 0 when
** it does not, or its label does not read (the scan reports that). */
static int marked_period(const ts_source_spec *spec, sqlite3_value *vPeriod, sqlite3_value *vFlag,
                         ts_period *out) {
  ts_period orig;
  char *zWhat = NULL;
  int rc = ts_value_period(vPeriod, &orig, &zWhat);
  sqlite3_free(zWhat);
  if (rc != 0 || !(orig.preliminary || (vFlag && ts_value_is_preliminary(vFlag)))) return 0;
  *out = orig;
  return spec->grain == TS_KIND_NONE || ts_period_rollup(&orig, spec->grain, out) == 0;
}

/* What the marks were read from: the source and settings (the
** table-valued form may be given others in each filter), the rowid bound
** of a statement that writes the source, the connection's count of
** changes (it moves when a statement of the connection that changed rows
** ends) and the data version of every database (it moves when a commit
** is seen, this connection's or another's: SQLITE_FCNTL_DATA_VERSION,
** PRAGMA data_version without its read transaction).  NULL in *pzKey
** when a version cannot be told: the marks are then read again.  Nor is
** one told inside a transaction the application opened that has written:
** a ROLLBACK TO undoes rows and moves neither count, so marks read after
** a write it undoes would be kept (a mark put back shown as 0).  A
** statement in autocommit mode that writes (INSERT ... SELECT, CREATE
** TABLE ... AS) keeps them: no ROLLBACK TO can run inside it. */
static int marks_key(yoy_cursor *cur, const ts_pushdown *pd, const char *zTotal, char **pzKey) {
  sqlite3 *db = ((ts_series_vtab *)cur->base.base.pVtab)->db;
  const ts_source_spec *spec = cur->base.spec;
  *pzKey = NULL;
  /* Before 3.34 (no sqlite3_txn_state): any transaction it opened. */
  if (!sqlite3_get_autocommit(db) &&
      (sqlite3_libversion_number() < 3034000 || sqlite3_txn_state(db, NULL) == SQLITE_TXN_WRITE))
    return SQLITE_OK;
  sqlite3_str *s = sqlite3_str_new(db);
  const char *az[] = {spec->zSchema, spec->zTable, spec->zPeriod, spec->azValue[0], zTotal};
  for (size_t i = 0; i < sizeof(az) / sizeof(az[0]); i++)
    sqlite3_str_appendf(s, "%d:%s|", az[i] ? (int)strlen(az[i]) : -1, az[i] ? az[i] : "");
  for (int i = 0; i < spec->nBy; i++)
    sqlite3_str_appendf(s, "%d:%s|", (int)strlen(spec->azBy[i]), spec->azBy[i]);
  sqlite3_str_appendf(s, "%d,%d,%d,%lld|%lld|", spec->nBy, (int)spec->grain, pd->has_max_rowid,
                      (long long)pd->max_rowid, (long long)sqlite3_total_changes64(db));
  int rc = ts_data_versions(db, s);
  *pzKey = sqlite3_str_finish(s);
  if (rc == SQLITE_OK && *pzKey == NULL) rc = SQLITE_NOMEM;
  if (rc != SQLITE_OK) {
    sqlite3_free(*pzKey);
    *pzKey = NULL;
  }
  return rc == SQLITE_NOMEM ? rc : SQLITE_OK;
}

static int read_marks(yoy_cursor *cur, const ts_pushdown *pd, const char *zTotal, char **pzErr) {
  ts_series_vtab *vtab = (ts_series_vtab *)cur->base.base.pVtab;
  const ts_source_spec *spec = cur->base.spec;
  int nBy = spec->nBy, with_column = reads_preliminary_column(vtab->db, spec);
  sqlite3_stmt *stmt = NULL;
  ts_share_marks_free(cur);
  int rc = ts_share_prepare(cur, marks_sql(vtab->db, spec, pd, with_column), &stmt, pzErr);
  while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    ts_period p;
    int match = 1;
    if (!marked_period(spec, sqlite3_column_value(stmt, nBy),
                       with_column ? sqlite3_column_value(stmt, nBy + 1) : NULL, &p))
      continue;
    sqlite3_value *apKey[TS_MAX_BY];
    for (int b = 0; b < nBy; b++) apKey[b] = sqlite3_column_value(stmt, b);
    if (zTotal)
      rc = ts_share_is_total_label(cur, nBy > 0 ? apKey[nBy - 1] : NULL, zTotal, &match, pzErr);
    if (rc != SQLITE_OK || !match) continue;
    mark_group *grp = NULL;
    rc = mark_group_of(cur, apKey, &grp, pzErr);
    if (rc == SQLITE_OK) rc = add_mark(grp, p.kind, ts_period_ordinal(&p));
  }
  if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
  } else if (rc != SQLITE_OK && rc != SQLITE_NOMEM && *pzErr == NULL) {
    *pzErr = sqlite3_mprintf("yoy_growth: %s", sqlite3_errmsg(vtab->db));
  }
  sqlite3_finalize(stmt);
  for (int g = 0; rc == SQLITE_OK && g < cur->nMark; g++)
    qsort(cur->aMark[g].aPeriod, (size_t)cur->aMark[g].nPeriod, sizeof(mark_period), mark_cmp);
  if (rc == SQLITE_OK) cur->marks_loaded = 1;
  return rc;
}

static int has_mark(const mark_group *grp, ts_period_kind kind, int64_t ordinal) {
  mark_period key = {kind, ordinal};
  return bsearch(&key, grp->aPeriod, (size_t)grp->nPeriod, sizeof(mark_period), mark_cmp) != NULL;
}

/* The current series' mark group, or NULL (no figure of its group is
** marked). */
static int current_mark_group(yoy_cursor *cur, const mark_group **ppGroup, char **pzErr) {
  *ppGroup = NULL;
  if (ts_share_group_columns(cur->base.spec) == 0) {
    if (cur->nMark > 0) *ppGroup = &cur->aMark[0];
    return SQLITE_OK;
  }
  for (int t = 0; t < cur->nMark; t++) {
    int g = (cur->iMarkHint + t) % cur->nMark, same = 0;
    int rc = ts_share_same_group(cur, cur->aMark[g].apKey, cur->base.series->apKey, &same, pzErr);
    if (rc != SQLITE_OK) return rc;
    if (same) {
      cur->iMarkHint = g;
      *ppGroup = &cur->aMark[g];
      break;
    }
  }
  return SQLITE_OK;
}

/* Once per filter: the marks kept from an earlier filter when they still
** hold (marks_key), else read again. */
static int check_marks(yoy_cursor *cur, char **pzErr) {
  const yoy_vtab *cfg = (const yoy_vtab *)ts_series_config(&cur->base);
  const char *zTotal = cfg ? cfg->zTotal : NULL;
  ts_pushdown pd;
  memset(&pd, 0, sizeof(pd));
  char *zKey = NULL;
  int rc = ts_series_snapshot(&cur->base, &pd, pzErr);
  if (rc == SQLITE_OK) rc = marks_key(cur, &pd, zTotal, &zKey);
  if (rc != SQLITE_OK) return rc;
  if (!(cur->marks_loaded && zKey && cur->zMarksKey && strcmp(zKey, cur->zMarksKey) == 0)) {
    sqlite3_free(cur->zMarksKey);
    cur->zMarksKey = NULL;
    rc = read_marks(cur, &pd, zTotal, pzErr);
    if (rc == SQLITE_OK) cur->zMarksKey = zKey, zKey = NULL;
  }
  sqlite3_free(zKey);
  if (rc == SQLITE_OK) cur->marks_checked = 1;
  return rc;
}

int ts_yoy_totals_preliminary(yoy_cursor *cur, sqlite3_context *ctx, const ts_point *pt) {
  const ts_series *s = cur->base.series;
  const mark_group *grp = NULL;
  char *zErr = NULL;
  int rc = cur->marks_checked ? SQLITE_OK : check_marks(cur, &zErr);
  if (rc == SQLITE_OK && cur->nMark > 0) rc = current_mark_group(cur, &grp, &zErr);
  if (rc != SQLITE_OK) {
    ts_share_result_error(ctx, rc, zErr);
    return -1;
  }
  if (grp == NULL) return 0;
  ts_period p, prior;
  if (has_mark(grp, s->kind, pt->ordinal)) return 1;
  return ts_period_from_ordinal(s->kind, pt->ordinal, &p) == 0 &&
         ts_period_prior_year(&p, &prior) == 0 && has_mark(grp, s->kind, ts_period_ordinal(&prior));
}
