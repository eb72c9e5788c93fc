/*
** projection/projection_row.c -- the annual_projection row the cursor
** stands on (items 1, 6, 7 and 12 of projection_vtab.c's contract): the
** current year's points, whether the year up to through is whole or
** waits for later rows, its estimate and interval (the interval's pool
** built when low, high or note is first read), and its columns.
** projection_vtab.c holds the arguments, the cursor's lifecycle and the
** walk from series to series and year to year; projection_pool.h what
** the three files share.
*/
#include "projection/projection_pool.h"

#include <stdlib.h>

/* The series the rows are made from: the scan's, or the same read again
** with its earlier years (narrow_again). */
static const ts_series *points_of(const projection_cursor *cur) {
  return cur->again.aPoint ? &cur->again : cur->base.series;
}

/* The current row's points, aPoint[pt_lo .. pt_hi): a series' points
** are sorted by period and a kind's periods (days aside, which are never
** projected) have consecutive ordinals, so they are found by moving on
** from the last row's.  A column then reads its own year's points: it
** read every point of the series, each turned back into a year and a
** position, which made a query of every column quadratic in a series'
** length (two thirds of its instructions on 12 years of months). */
void proj_row_points(projection_cursor *cur) {
  const ts_series *s = points_of(cur);
  ts_period start = {s->kind, cur->grid.first_year + cur->yi, 1, 0, 0};
  int i = cur->pt_hi;
  cur->ord0 = ts_period_ordinal(&start);
  while (i < s->nPoint && s->aPoint[i].ordinal < cur->ord0) i++;
  cur->pt_lo = i;
  while (i < s->nPoint && s->aPoint[i].ordinal < cur->ord0 + cur->grid.periods_per_year) i++;
  cur->pt_hi = i;
}

/* Position in the year (1-based) of point i of the current year. */
static int point_position(const projection_cursor *cur, int i) {
  return (int)(points_of(cur)->aPoint[i].ordinal - cur->ord0) + 1;
}

/* Whether point i of the current year (at or before position last) is a
** roll-up of days whole only by rows of the source that end after
** position last (ts_point.whole_after): in the source cut there (no data
** from the future, item 6) it is incomplete.  A weekend without sales at
** the end of June and an extract that ended on the 28th look the same
** from the rows up to 30 June.  *pEnd caches position last's last day
** (INT64_MIN: not yet). */
static int whole_only_later(const projection_cursor *cur, int i, int last, int64_t *pEnd) {
  const ts_series *s = points_of(cur);
  const ts_point *pt = &s->aPoint[i];
  if (pt->whole_after[0] <= 0) return 0;
  ts_period p, d;
  if (*pEnd == INT64_MIN) {
    p = (ts_period){s->kind, cur->grid.first_year + cur->yi, last, 0, 0};
    ts_period_end(&p, &d);
    *pEnd = ts_period_ordinal(&d);
  }
  if (ts_period_from_ordinal(s->kind, pt->ordinal, &p)) return 0;
  ts_period_end(&p, &d);
  return ts_period_ordinal(&d) + pt->whole_after[0] > *pEnd;
}

/* Whether a period of the current year up to position last is whole in
** the source only by rows after position last (whole_only_later). */
static int year_whole_only_later(const projection_cursor *cur, int last) {
  int64_t end = INT64_MIN;
  for (int i = cur->pt_lo; i < cur->pt_hi; i++)
    if (point_position(cur, i) <= last && whole_only_later(cur, i, last, &end)) return 1;
  return 0;
}

/* Whether a period of the current year up to position last is a roll-up
** missing some of its months (grain=), in the source cut after that
** position. */
int proj_row_incomplete(const projection_cursor *cur, int last) {
  const ts_series *s = points_of(cur);
  for (int i = cur->pt_lo; cur->any_incomplete && i < cur->pt_hi; i++)
    if (point_position(cur, i) <= last && s->aPoint[i].incomplete[0]) return 1;
  return year_whole_only_later(cur, last);
}

/* Whether a period of the current year up to position last (every period
** of the year when last is 0) rests on a preliminary figure. */
static int year_preliminary(const projection_cursor *cur, int last) {
  const ts_series *s = points_of(cur);
  for (int i = cur->pt_lo; i < cur->pt_hi; i++)
    if (s->aPoint[i].preliminary[0] && (last == 0 || point_position(cur, i) <= last)) return 1;
  return 0;
}

/* Whether a point of an earlier year the row's method reads rests on a
** preliminary figure: none for run_rate (the year-to-date alone), the
** year before for prior_share and snaive (its total, its later periods),
** every earlier year for the others (averaged shares, fitted history,
** auto's backtests).  A revised 2022-Q2 changes 2023's snaive and
** prior_share projections: they are no more final than it is. */
static int earlier_preliminary(const projection_cursor *cur) {
  const ts_series *s = points_of(cur);
  if (cur->method == TS_PROJ_RUN_RATE) return 0;
  int one_year = cur->method == TS_PROJ_PRIOR_SHARE || cur->method == TS_PROJ_SNAIVE;
  int64_t from = one_year ? cur->ord0 - cur->grid.periods_per_year : INT64_MIN;
  for (int i = cur->pt_lo - 1; i >= 0 && s->aPoint[i].ordinal >= from; i--)
    if (s->aPoint[i].preliminary[0]) return 1;
  return 0;
}

/* The current row's projection; its interval too once the pool is built.
** A year with an incomplete roll-up up to through has neither. */
void proj_row_estimate(projection_cursor *cur) {
  const projection_vtab *vtab = settings_of(&cur->base);
  int incomplete = cur->k != 0 && proj_row_incomplete(cur, cur->k);
  cur->interval_done = cur->k == 0 || incomplete || is_pooled(cur);
  /* A year whose periods are all incomplete roll-ups has no cell (the
  ** backtests skip years without data): its year-to-date is unknown. */
  int unknown = !incomplete && !ts_proj_year_has_data(&cur->grid, cur->yi);
  if (cur->k == 0 || incomplete || unknown) {
    memset(&cur->est, 0, sizeof(cur->est));
    cur->est.method = cur->method;
    cur->est.note = cur->k == 0 ? NOTE_THROUGH : incomplete ? TS_NOTE_INCOMPLETE : TS_PROJ_NOTE_YTD;
    cur->interval_done = 1;
    return;
  }
  ts_projection_from_backtest(&cur->grid, cur->cells, cur->yi, cur->k, cur->method,
                              is_pooled(cur) ? vtab->level : 0, &cur->est);
  proj_reconcile_row(cur);
}

/* Item 7: low, high and note need the interval, and the interval the
** pool: built (once per query) when one of them is first read. */
int proj_row_interval(projection_cursor *cur, sqlite3_context *ctx) {
  if (cur->interval_done) return 0;
  char *zErr = NULL;
  int rc = proj_pool_source(cur, &zErr);
  if (rc != SQLITE_OK) {
    if (zErr && (zErr = ts_message_plain(zErr)) == NULL) rc = SQLITE_NOMEM;
    if (rc == SQLITE_NOMEM)
      sqlite3_result_error_nomem(ctx);
    else
      sqlite3_result_error(ctx, zErr ? zErr : MODULE ": reading the source failed", -1);
    sqlite3_free(zErr);
    return 1;
  }
  cur->grid.pool = proj_pool_of(cur->pp, cur->grid.periods_per_year, cur->k);
  if (cur->grid.pool->before == NULL) cur->grid.pool = NULL;
  if (cur->cells_partial) { /* the interval reads earlier years' cells */
    rc = proj_series_cells(cur);
    cur->cells_partial = 0;
    if (rc != SQLITE_OK) {
      sqlite3_result_error_nomem(ctx);
      return 1;
    }
  }
  proj_row_estimate(cur);
  return 0;
}

/* Whether the current year is a year of the source (item 1): it has a
** period with rows -- a complete one (in the grid), a roll-up missing
** some of its months (grain=), which the grid leaves out, or a period
** whose rows all lack a figure (NULL, KOSIS's '-' or 'x'), which the scan
** hands over as a point of no rows (spec.no_figure_points).  Such a year
** had no row: monthly data through February under grain=quarter listed
** 2023 last, its Q1 projection the latest one shown, where 2024's is
** unknown; a 2024-Q1 row without a figure did the same, as plain SQL's
** GROUP BY has a 2024 group whose sum is NULL. */
int proj_row_has_figure(const projection_cursor *cur) {
  return ts_proj_year_has_data(&cur->grid, cur->yi) || cur->pt_hi > cur->pt_lo;
}

/* Exact sum of positions 1..last of the current year; 1 if one is absent. */
static int year_sum(const projection_cursor *cur, int last, ts_number *out) {
  const ts_series *s = points_of(cur);
  ts_sum total;
  int found = 0;
  ts_sum_init(&total);
  for (int i = cur->pt_lo; i < cur->pt_hi; i++) {
    if (point_position(cur, i) > last) continue;
    if (s->aPoint[i].sum[0].count <= 0 || s->aPoint[i].incomplete[0]) continue;
    ts_sum_merge(&total, &s->aPoint[i].sum[0]);
    found++;
  }
  if (found < last) return 1;
  ts_sum_value(&total, out);
  return 0;
}

static int observed(const projection_cursor *cur) {
  int n = 0;
  for (int pos = 1; pos <= cur->k; pos++)
    n += cur->grid.present[cur->yi * cur->grid.periods_per_year + pos - 1];
  /* a period whole only by later rows is not observed from through */
  int64_t end = INT64_MIN;
  for (int i = cur->pt_lo; i < cur->pt_hi; i++)
    if (point_position(cur, i) <= cur->k && whole_only_later(cur, i, cur->k, &end) &&
        cur->grid.present[cur->yi * cur->grid.periods_per_year + point_position(cur, i) - 1])
      n--;
  return n;
}

/* through's label, formatted once per series: every row of a series has
** the same kind and k, and a label of every kind but days (never
** projected) begins with its year's four digits, so a row writes only
** those (ts_period_format per row was most of this column's cost). */
static void result_through(sqlite3_context *ctx, projection_cursor *cur) {
  int year = cur->grid.first_year + cur->yi;
  char *z = cur->through_label;
  if (cur->k == 0) return;
  if (z[0] == 0) {
    ts_period p = {cur->base.series->kind, year, cur->k, 0, 0};
    ts_period_format(&p, z);
  }
  for (int d = 3; d >= 0; d--, year /= 10) z[d] = (char)('0' + year % 10);
  sqlite3_result_text(ctx, z, -1, SQLITE_TRANSIENT);
}

static void result_error(sqlite3_context *ctx, const projection_cursor *cur) {
  ts_number actual;
  double pct;
  if (!cur->est.ok || year_sum(cur, cur->grid.periods_per_year, &actual)) return;
  if (ts_growth(cur->est.projection, actual.d, &pct) == 0) ts_result_double(ctx, pct);
}

/* Why the projection is NULL; else how it was made (holt_winters'
** fallbacks) and why low/high are NULL (or how auto chose), joined by
** "; " when both apply. */
static void result_note(sqlite3_context *ctx, const ts_proj_estimate *e) {
  const char *z = e->ok ? e->interval_note : e->note;
  if (e->ok && e->detail && z) {
    char *zBoth = sqlite3_mprintf("%s; %s", e->detail, z);
    if (zBoth == NULL)
      sqlite3_result_error_nomem(ctx);
    else
      sqlite3_result_text(ctx, zBoth, -1, sqlite3_free);
    return;
  }
  if (e->ok && e->detail) z = e->detail;
  if (z) sqlite3_result_text(ctx, z, -1, SQLITE_STATIC);
}

void proj_row_result(ts_series_cursor *pCur, sqlite3_context *ctx, int iCol) {
  projection_cursor *cur = (projection_cursor *)pCur;
  const ts_proj_estimate *e = &cur->est;
  ts_number n;
  switch (iCol) {
    case COL_YEAR: sqlite3_result_int(ctx, cur->grid.first_year + cur->yi); break;
    case COL_THROUGH: result_through(ctx, cur); break;
    case COL_OBSERVED: sqlite3_result_int(ctx, observed(cur)); break;
    case COL_PER_YEAR: sqlite3_result_int(ctx, cur->grid.periods_per_year); break;
    case COL_YTD:
      if (cur->k && !year_whole_only_later(cur, cur->k) && !year_sum(cur, cur->k, &n))
        ts_result_number(ctx, &n);
      break;
    case COL_PROJECTION:
      if (e->ok) ts_result_double(ctx, e->projection);
      break;
    case COL_LOW:
      if (!proj_row_interval(cur, ctx) && e->interval_ok) ts_result_double(ctx, e->low);
      break;
    case COL_HIGH:
      if (!proj_row_interval(cur, ctx) && e->interval_ok) ts_result_double(ctx, e->high);
      break;
    case COL_METHOD:
      sqlite3_result_text(ctx, ts_proj_method_name(e->method), -1, SQLITE_STATIC);
      break;
    case COL_ACTUAL:
      if (!year_sum(cur, cur->grid.periods_per_year, &n)) ts_result_number(ctx, &n);
      break;
    case COL_ERROR: result_error(ctx, cur); break;
    case COL_PRELIMINARY:
      sqlite3_result_int(
          ctx, year_preliminary(cur, cur->k) || (cur->k != 0 && earlier_preliminary(cur)));
      break;
    case COL_NOTE:
      if (!proj_row_interval(cur, ctx)) result_note(ctx, e);
      break;
    default: break;
  }
}
