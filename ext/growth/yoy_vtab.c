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
**     is pushed into the source query (series_query.c) only as far as it
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
**     below them where one is missing, or half of it or the sum of some
**     of them beside sub-totals (growth/total_row.c) -- is a total
**     row counted twice: reading these columns is then an error naming
**     it (ts_share_refuse_total_row, growth/shares_refuse.c).  The
**     totals and these columns are growth/shares.c's.
**  8. preliminary is 1 when the row's figure, the one it is compared with
**     or a period of either year-to-date is marked, or a figure summed
**     into the totals of its period or a year earlier is (whatever
**     columns the query reads: shares_marks.c reads those marks alone).
*/
#include "vtab/series_vtab.h"
#include "families.h"
#include "growth/yoy_vtab.h"

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

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

/* Hidden arguments of the table-valued form, in call order. */
#define N_ARG 5
static const char *const argument_columns[N_ARG] = {"source", "value_column", "period_column",
                                                    "series_column", "options"};
static const char *const argument_roles[N_ARG] = {"source", "value", "period", "series", "options"};

static int yoy_start(ts_series_cursor *pCur, char **pzErr) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  int first;
  if (ts_series_point_span(pCur, &first, &cur->end))
    cur->i = first - 1;
  else
    cur->i = -1, cur->end = -1;
  cur->iGroup = GROUP_UNKNOWN;
  ts_growth_cursor_init(&cur->growth);
  return SQLITE_OK;
}

/* The next point inside the asked-for years (the prior year read only for
** comparison is not a row): one step along the span yoy_start found. */
static int yoy_next(ts_series_cursor *pCur) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  const ts_series *s = pCur->series;
  if (cur->end >= 0 ? ++cur->i >= cur->end : !ts_series_next_point(pCur, &cur->i)) return 0;
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
  /* ROW_GROWTH's readers read prior_index, growth_ok and growth alone,
  ** so the rest of the row is not cleared for them. */
  if (need == ROW_GROWTH)
    ts_growth_yoy_half(s->kind, s->aPoint, s->nPoint, 0, cur->i, &cur->row);
  else
    ts_growth_next(&cur->growth, s->kind, s->aPoint, s->nPoint, 0, cur->i, &cur->row);
  cur->state = need;
  return &cur->row;
}

/* ---- total=: the CREATE form's own key ---------------------------------
** The totals themselves, share, share_change and contribution are
** growth/shares.c's. */

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
    char *zShown = ts_text_shown(azValue[0]);
    *pzErr = zShown ? sqlite3_mprintf(
                          "yoy_growth: total=%s names a value of the last by column,"
                          " so it needs a by column (by= has 0)",
                          zShown)
                    : NULL;
    sqlite3_free(zShown);
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

/* value - prior_value: INTEGER when both are and it fits, else REAL;
** from the exact sums (ts_sum_difference). */
static void result_change(sqlite3_context *ctx, const ts_point *now, const ts_point *prior) {
  ts_number diff;
  ts_sum_difference(&now->sum[0], &prior->sum[0], &diff);
  ts_result_number(ctx, &diff);
}

/* Every column but growth (yoy_result), out of line so growth's way
** stays short. */
static NOINLINE void yoy_result_other(yoy_cursor *cur, sqlite3_context *ctx, int iCol) {
  const ts_series *s = cur->base.series;
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
    case COL_CONTRIBUTION: ts_yoy_result_share(cur, ctx, iCol, pt, prior); break;
    case COL_PRELIMINARY: {
      int prelim = preliminary_to(s, cur->i) || (g && preliminary_to(s, g->prior_index));
      if (!prelim) {
        prelim = ts_yoy_totals_preliminary(cur, ctx, pt);
        if (prelim < 0) break; /* the error is set */
      }
      sqlite3_result_int(ctx, prelim);
      break;
    }
    case COL_NOTE:
      if (g->note) sqlite3_result_text(ctx, g->note, -1, SQLITE_STATIC);
      break;
    default: break;
  }
}

static void yoy_result(ts_series_cursor *pCur, sqlite3_context *ctx, int iCol) {
  yoy_cursor *cur = (yoy_cursor *)pCur;
  /* The column read most, often twice a row (count(growth), sum(growth)):
  ** the shortest way.  growth_ok means a finite rate (ts_growth), which
  ** ts_result_double would pass on as it is. */
  if (iCol == COL_GROWTH) {
    const ts_growth_row *g = yoy_row(cur, ROW_GROWTH);
    if (g->growth_ok) sqlite3_result_double(ctx, g->growth);
    return;
  }
  yoy_result_other(cur, ctx, iCol);
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
    .xReset = ts_yoy_reset,
    .xClose = ts_yoy_close,
    .xDisconnect = yoy_disconnect,
    .xStart = yoy_start,
    .xNext = yoy_next,
    .xResult = yoy_result,
};

int ts_yoy_vtab_register(sqlite3 *db) { return ts_series_module_register(db, &yoy_module); }