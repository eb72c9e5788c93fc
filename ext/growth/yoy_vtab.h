/*
** growth/yoy_vtab.h -- what the yoy_growth virtual table (growth/yoy_vtab.c)
** and its share columns (growth/shares.c) share: the result columns, the
** CREATE form's table and the cursor.  Private to growth/.
*/
#ifndef TS_GROWTH_YOY_VTAB_H
#define TS_GROWTH_YOY_VTAB_H

#include "vtab/series_vtab.h"
#include "growth/total_row.h"

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

/* The CREATE form's own key: total=LABEL names the value of the last by
** column whose series holds the total of its group. */
typedef struct yoy_vtab {
  ts_series_vtab base;
  char *zTotal; /* NULL: the total is the sum of the group's series */
} yoy_vtab;

/* A row's growth is computed when a column first needs it, and only as
** much as that column needs: a query reading growth alone never pays for
** the year-to-date sums (each form is to the bit ts_growth_at's). */
typedef enum row_state { ROW_NONE, ROW_GROWTH, ROW_FULL } row_state;

/* The series sharing the values of every by column but the last, and
** the totals their shares divide by.  The source is read ordered by the
** by columns (series_source.h), so a group's series are adjacent. */
/* The periods (after grain=) where a group's totals hold a preliminary
** figure: what `preliminary` reads of the totals in every query, without
** the totals themselves (growth/shares_marks.c, read_marks). */
typedef struct mark_period {
  ts_period_kind kind;
  int64_t ordinal;
} mark_period;
typedef struct mark_group {
  sqlite3_value *apKey[TS_MAX_BY]; /* its group columns (owned) */
  mark_period *aPeriod;            /* sorted by kind, then ordinal */
  int nPeriod, nAlloc;
} mark_group;

typedef struct share_group {
  sqlite3_value *apKey[TS_MAX_BY]; /* its first series' group columns (owned) */
  ts_point *aTotal;                /* the total of each period, by ordinal */
  int nTotal;
  int has_total;       /* total=: the named series was found in it */
  int iFirst, nSeries; /* its series in the totals scan: iFirst .. + nSeries */
  /* Without total=: what the totals scan saw of each series of the group
  ** and period, to find a total row among them (ts_share_refuse_total_row). */
  ts_total_guard *guard;
} share_group;

#define GROUP_UNKNOWN (-2)

typedef struct yoy_cursor {
  ts_series_cursor base;
  int i;                   /* current point of the series */
  int end;                 /* one past the last row's point; -1: ts_series_next_point */
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
  sqlite3_stmt *same_group; /* ts_share_same_group's question, prepared when first asked */
  sqlite3_stmt *is_label;   /* ts_share_is_total_label's */
  /* The totals' preliminary marks, read once per query when a row's own
  ** figures are final and its `preliminary` is read. */
  int marks_loaded;
  mark_group *aMark;
  int nMark, nMarkAlloc, iMarkHint;
  /* Kept across the cursor's xFilters (a join's inner loop filters it
  ** once per outer row) while what they were read from holds: zMarksKey
  ** (marks_key); marks_checked: the key was compared in this filter. */
  char *zMarksKey;
  int marks_checked;
} yoy_cursor;

/* growth/shares.c: the cursor's totals freed (the module's xReset), and
** the share, share_change or contribution column iCol of point pt (prior:
** the same period a year earlier, or NULL). */
void ts_yoy_reset(ts_series_cursor *pCur);
void ts_yoy_close(ts_series_cursor *pCur);
void ts_yoy_result_share(yoy_cursor *cur, sqlite3_context *ctx, int iCol, const ts_point *pt,
                         const ts_point *prior);
/* growth/shares_marks.c: whether the totals the share columns divide by, of pt's period or the
** same period a year earlier, rest on a preliminary figure, whatever
** columns the query reads: 1 or 0; -1 with ctx's error set (the source
** could not be read). */
int ts_yoy_totals_preliminary(yoy_cursor *cur, sqlite3_context *ctx, const ts_point *pt);

/* ---- shares.c's helpers, shared with shares_marks.c and shares_refuse.c */

/* The by columns that make a group: every one but the last, which names
** the parts (by lists go from coarse to fine: 'flow, partner').  With
** one by column or none, every series is in one group. */
static inline int ts_share_group_columns(const ts_source_spec *spec) {
  return spec->nBy >= 2 ? spec->nBy - 1 : 0;
}
/* A statement on the source (prepared once per query) from zSql, which
** it frees (NULL: out of memory); *pzErr on error. */
int ts_share_prepare(yoy_cursor *cur, char *zSql, sqlite3_stmt **pStmt, char **pzErr);
/* *pSame = 1 when keys a and b have equal group columns, as GROUP BY
** compares them (SQLite is asked: shares.c, "groups"). */
int ts_share_same_group(yoy_cursor *cur, sqlite3_value *const *a, sqlite3_value *const *b,
                        int *pSame, char **pzErr);
/* Whether a last by column's value is the total= label as SQL compares
** them (*pMatch). */
int ts_share_is_total_label(yoy_cursor *cur, sqlite3_value *key, const char *zLabel, int *pMatch,
                            char **pzErr);
/* A zeroed new last element of a growing array of sz-byte elements (the
** groups of the totals scan and of the marks); NULL on out of memory. */
void *ts_share_append_slot(void **pa, int *pn, int *pnAlloc, size_t sz);
/* A group's own copy of the n key values of its first series. */
int ts_share_dup_keys(sqlite3_value **apDst, sqlite3_value *const *apSrc, int n);
/* Sets ctx's error from rc and zErr (a message of the scans', shown
** plain; rc alone without one), which it frees. */
void ts_share_result_error(sqlite3_context *ctx, int rc, char *zErr);
/* Frees the totals' preliminary marks (shares_marks.c). */
void ts_share_marks_free(yoy_cursor *cur);
/* growth/shares_refuse.c, once the totals are read (shares.c): without
** total=, a total row among the series of a group refused; with it, a
** group without its total series.  SQLITE_ERROR with *pzErr naming it. */
int ts_share_refuse_total_row(yoy_cursor *cur, char **pzErr);
int ts_share_refuse_group_without_total(yoy_cursor *cur, const char *zTotal, char **pzErr);

#endif
