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
**  4. The table-valued form always has a `series` column (NULL when no
**     series column is given): an eponymous table's columns are fixed.
**  5. WHERE on the series columns (=, IN) and on period (=, <, <=, >, >=)
**     is pushed into the source query (series_source.c); the source is
**     read once per query, one series in memory at a time.
**  6. The call forms, DIRECTONLY and the scan are series_vtab.c's; this
**     file is the columns and how a series becomes rows.
*/
#include "vtab/series_vtab.h"
#include "families.h"

enum {
  COL_PERIOD, COL_VALUE, COL_PRIOR_PERIOD, COL_PRIOR_VALUE, COL_CHANGE, COL_GROWTH,
  COL_YTD_VALUE, COL_PRIOR_YTD_VALUE, COL_YTD_GROWTH, COL_NOTE, N_RESULT
};
static const char *const result_columns[N_RESULT] = {
    "period TEXT", "value", "prior_period TEXT", "prior_value", "change",
    "growth REAL", "ytd_value", "prior_ytd_value", "ytd_growth REAL", "note TEXT"};

/* Hidden arguments of the table-valued form, in call order. */
#define N_ARG 4
static const char *const argument_columns[N_ARG] = {"source", "value_column", "period_column",
                                                     "series_column"};
static const char *const argument_roles[N_ARG] = {"source", "value", "period", "series"};

/* A row's growth is computed when a column first needs it, and only as
** much as that column needs: a query reading growth alone never pays for
** the year-to-date sums (each form is to the bit ts_growth_at's). */
typedef enum row_state { ROW_NONE, ROW_GROWTH, ROW_FULL } row_state;

typedef struct yoy_cursor {
  ts_series_cursor base;
  int i;              /* current point of the series */
  ts_growth_cursor growth; /* running year-to-date sums along the series */
  row_state state;    /* how much of row is computed for point i */
  ts_growth_row row;
} yoy_cursor;

static int yoy_start(ts_series_cursor *pCur, char **pzErr) {
  (void)pzErr;
  ((yoy_cursor *)pCur)->i = -1;
  ts_growth_cursor_init(&((yoy_cursor *)pCur)->growth);
  return SQLITE_OK;
}

/* The next point inside the asked-for years (the prior year read only for
** comparison is not a row). */
static int yoy_next(ts_series_cursor *pCur) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  const ts_series *s = pCur->series;
  (void)s;
  if (!ts_series_next_point(pCur, &cur->i)) return 0;
  cur->state = ROW_NONE;
  return 1;
}

/* The current row, computed to at least `need`.  The running sums walk
** forward only, so rows whose year-to-date is never read are skipped
** over cheaply when a later row needs it. */
static const ts_growth_row *yoy_row(yoy_cursor *cur, row_state need) {
  const ts_series *s = cur->base.series;
  if (cur->state >= need) return &cur->row;
  if (need == ROW_GROWTH) ts_growth_yoy(s->kind, s->aPoint, s->nPoint, 0, cur->i, &cur->row);
  else ts_growth_next(&cur->growth, s->kind, s->aPoint, s->nPoint, 0, cur->i, &cur->row);
  cur->state = need;
  return &cur->row;
}

static void result_point_value(sqlite3_context *ctx, const ts_point *pt) {
  ts_number n;
  ts_sum_value(&pt->sum[0], &n);
  ts_result_number(ctx, &n);
}

static void result_prior_period(sqlite3_context *ctx, const ts_series *s, const ts_point *pt) {
  ts_period p, prior;
  if (ts_period_from_ordinal(s->kind, pt->ordinal, &p) || ts_period_prior_year(&p, &prior))
    return;
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
  int needs_full = iCol == COL_YTD_VALUE || iCol == COL_PRIOR_YTD_VALUE ||
                   iCol == COL_YTD_GROWTH || iCol == COL_NOTE;
  const ts_growth_row *g = iCol == COL_PERIOD || iCol == COL_VALUE || iCol == COL_PRIOR_PERIOD
                               ? NULL
                               : yoy_row(cur, needs_full ? ROW_FULL : ROW_GROWTH);
  const ts_point *prior = g && g->prior_index >= 0 ? &s->aPoint[g->prior_index] : NULL;
  switch (iCol) {
    case COL_PERIOD: ts_series_result_period(ctx, s->kind, pt->ordinal); break;
    case COL_VALUE: result_point_value(ctx, pt); break;
    case COL_PRIOR_PERIOD: result_prior_period(ctx, s, pt); break;
    case COL_PRIOR_VALUE: if (prior) result_point_value(ctx, prior); break;
    case COL_CHANGE: if (prior) result_change(ctx, pt, prior); break;
    case COL_GROWTH: if (g->growth_ok) ts_result_double(ctx, g->growth); break;
    case COL_YTD_VALUE: if (g->ytd_ok) ts_result_number(ctx, &g->ytd); break;
    case COL_PRIOR_YTD_VALUE: if (g->prior_ytd_ok) ts_result_number(ctx, &g->prior_ytd); break;
    case COL_YTD_GROWTH: if (g->ytd_growth_ok) ts_result_double(ctx, g->ytd_growth); break;
    case COL_NOTE: if (g->note) sqlite3_result_text(ctx, g->note, -1, SQLITE_STATIC); break;
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
    .szVtab = sizeof(ts_series_vtab),
    .szCursor = sizeof(yoy_cursor),
    .xConfigure = ts_series_configure_value,
    .xStart = yoy_start,
    .xNext = yoy_next,
    .xResult = yoy_result,
};

int ts_yoy_vtab_register(sqlite3 *db) { return ts_series_module_register(db, &yoy_module); }
