/*
** projection/projection_vtab.c -- the annual_projection virtual table: its
** arguments and its walk over series and years; the row the cursor
** stands on (its points, estimate, interval and columns) is
** projection_row.c, the pre-pass of items 8-11 projection_pool.c and
** projection_prepass.c
** (projection_pool.h holds the state the three share).
**
**   SELECT * FROM annual_projection('direct_trade', 'amount', 'period',
**                                   'partner', 'auto');
**   CREATE VIRTUAL TABLE outlook USING annual_projection(source=t,
**       value=amount, period=period, by='flow, partner', method=auto,
**       level=80, through=H1);
**
** Contract:
**  1. One row per series and year that has at least one period in the
**     source (a roll-up missing some of its months too: its projection
**     is NULL, item 6), ordered by series then year.  Every year is projected from
**     the same point of the year (`through`), so complete years are a
**     backtest: they carry `actual` and `error`.
**  2. through= is a point of the year: H1/H2, Q1..Q4, a month 01..12 (M06
**     and 6 too), or a period label whose position is used (2023-Q3).
**     It must fall on a period boundary of the series (H1 is quarter 2 or
**     month 6; Q1 of a half-yearly series is not), else the row's
**     projection is NULL with a note.  Without through= each series is
**     projected from the position of its own latest period.
**  3. method= (table-valued: the 5th argument) is one of the methods of
**     projection_core.c, default auto; `method` reports the one used (for
**     auto the one chosen).
**     level= (default 80) is the interval's coverage in percent,
**     1 <= level < 100 (0 < level < 1 is taken for a fraction: an error).
**  4. ytd and actual are INTEGER while the inputs are integers and the
**     exact total fits, else REAL; error is (projection - actual) /
**     |actual| * 100.  Only years before a row's year size its interval
**     and choose its `auto` method; note says why a value is NULL, and
**     when holt_winters fell back from a degenerate fit ("; "-joined).
**  5. WHERE on the series columns (=, IN) and on year (=, <, <=, >, >=)
**     is pushed into the source query (series_query.c) with every
**     earlier year kept (history_years = -1: the backtest needs them;
**     but see item 13),
**     and without through= every later year too (a series' latest period
**     sets its `through`), and with auto or reconcile= (their pre-pass
**     reads them anyway, items 8-9): a filter never changes a row it
**     keeps.
**  6. A roll-up missing some of its months (grain=, "incomplete period")
**     is no observation: no ytd or actual includes it, and a year with one
**     at or before through has no projection (note 'incomplete period').
**  7. Day periods are an error (use grain=month).  DIRECTONLY: it reads a
**     table the user names.
**  8. The pool (projection_errors.c item 4): every series of the whole
**     source, without the pushed-down WHERE, is backtested and their
**     errors pooled by point of the year; then auto's projections with
**     that pool, pooled too.  When the main scan holds the whole source
**     in memory (the hash path with nothing pushed down: auto's main scan
**     reads every year for that) the pool walks those series; otherwise
**     it reads the source once more (a fixed method's query that reads
**     low, high or note on the hash path, no series column narrowed,
**     reads every year in the main scan for that: whole_columns,
**     TS_PLAN_WHOLE).  So every row is the same whatever the
**     WHERE clause, and a series' early years get intervals.  auto needs
**     the pool for its projection: it is built before the first row; a
**     fixed method needs it only for low, high and note (the interval's
**     note): it is built when one of them is first read, so a query of
**     projections alone reads the source once.  The series and their
**     backtests are kept (about n_years * 8 * 40 bytes a series plus its
**     values; at most item 11's budget), found by their grid (cached_series) and copied to the main
**     scan's series, so nothing is fitted twice unless a WHERE on year
**     cut a series short (then it is backtested again: the same pool, the
**     same answers); for the
**     methods whose backtest costs a few operations a year (all but
**     holt_winters, theta and auto) they are not kept but made again,
**     unless reconcile= needs them (worth_keeping).  Cost: every
**     series' backtest, O(series x years) fits for holt_winters, once
**     per query.
** 8b. A point's pool holds every series of the kind from that point,
**     whatever point the series' own rows are projected from: without
**     through= each series is projected from its own latest period, and
**     the pool of Q2 held only the series that ended at Q2, so a series
**     at Q2 among series at Q3 had no pool, and its row changed when the
**     others' Q3 arrived -- a later period deciding a projection from Q2.
**     When a kind's series end at different points (pool_series sees it
**     after its read), the source is read again and each series is
**     backtested and pooled from each of those points, in scan order, as
**     the source cut at one of them pools them all from it.  reconcile=
**     likewise pools each total's bottom-up backtest from each point,
**     made from its parts' backtests from there (reconcile_source).
**  9. reconcile='region=Total[, product=Total]' (projection_reconcile.c):
**     a total's rows show its bottom-up projection, made from its parts'
**     after the pre-pass (so from the whole source, whatever the WHERE);
**     the pre-pass then runs before the first row for every method.  The
**     hooks: configure_extras reads it, proj_pool_source runs it after
**     pool_series, proj_reconcile_start matches the main scan's series with
**     the pre-pass's, proj_reconcile_row swaps a total's estimate in.
** 10. The pre-pass (items 8-9) is made once per statement, not once per
**     xFilter: a join's inner loop filters one cursor once per outer row,
**     and SQLite opens a correlated subquery's cursor anew per outer row
**     (the next before it closes the last).  It stays with its cursor
**     across xFilter calls and a closing cursor leaves it on the table for
**     the cursors open then (projection_close); the last cursor of the
**     table to close frees it.  It is used only for the same key
**     (prepass_key: the settings, sqlite3_total_changes() and every
**     database's data_version), checked at the first series of each
**     xFilter (proj_prepass_check).  Left unseen: a ROLLBACK TO run between two
**     steps of a statement that is still reading the table.
** 11. What the pre-pass keeps is bounded: a grid spans its series' first
**     to last year whatever its rows (two rows in years 1 and 9999 make
**     about 4 MB of grid and backtest), so the series kept (item 8) hold
**     at most TS_PROJ_KEEP_BYTES (64 MiB) of grids and backtests, in scan
**     order.  A series past it is not kept: the main scan backtests it
**     again (the same pool, the same cells), and for auto its points are
**     kept until its auto errors are pooled (pool_auto_again makes its
**     backtest again for that).  The answers never change, past the
**     budget a series' fits are only made two or three times.  Besides
**     the budget a query holds the current series' grid and backtest and
**     the pools (both bounded by the span of years, not by the rows).
**     Not bounded: reconcile= (item 9) needs every backtest at once and
**     keeps them all; sqlite3_hard_heap_limit64() is its bound.
** 12. Work per row, not per series: a row reads its own year's points
**     (proj_row_points), and until the pool is built a method whose cell of a
**     year stands alone (all but holt_winters and auto) is backtested for
**     the years the WHERE asks for only (own_years_cells); the first row
**     that reads low, high or note makes the rest (proj_row_interval), the
**     same cells.
** 13. A query of run_rate, prior_share or snaive that reads none of low,
**     high and note (TS_PLAN_NARROW) under a bound on year reads from the
**     year before it (projection_history_years), through the skip walk
**     when an index serves it (series_skip.c); a series whose rows the
**     years left out could change -- a projection is raised to its
**     year-to-date only when no value up to its point is negative, and a
**     month series' January..April rule looks at every earlier year
**     (projection_core.c items 5, 1b) -- is read again whole
**     (narrow_again, projection_narrow.c).  Not for a source that can
**     spell a key two ways: the key shown is the first row read's.
*/
#include "projection/projection_pool.h"
#include "projection/projection_narrow.h"
#include "families.h"

#include <stdlib.h>

static const char *const result_columns[N_RESULT] = {"year INTEGER",
                                                     "through TEXT",
                                                     "periods_observed INTEGER",
                                                     "periods_per_year INTEGER",
                                                     "ytd",
                                                     "projection REAL",
                                                     "low REAL",
                                                     "high REAL",
                                                     "method TEXT",
                                                     "actual",
                                                     "error REAL",
                                                     "preliminary INTEGER",
                                                     "note TEXT"};

#define N_ARG      6
#define ARG_METHOD 4
static const char *const argument_columns[N_ARG] = {
    "source", "value_column", "period_column", "series_column", "method_name", "options"};
static const char *const argument_roles[N_ARG] = {"source", "value",  "period",
                                                  "series", "method", "options"};
enum { EXTRA_METHOD, EXTRA_LEVEL, EXTRA_THROUGH, EXTRA_RECONCILE, N_EXTRA };
static const char *const extra_keys[N_EXTRA] = {"method", "level", "through", "reconcile"};

/* Parses through=: returns 0, or 1 when it is not a point of the year. */
static int parse_through(const char *z, through_point *out) {
  ts_period p;
  char *end;
  if (z == NULL || z[0] == 0) return 1;
  if ((z[0] == 'H' || z[0] == 'h' || z[0] == 'Q' || z[0] == 'q' || z[0] == 'M' || z[0] == 'm') &&
      z[1] >= '0' && z[1] <= '9') {
    long n = strtol(z + 1, &end, 10);
    int per = (z[0] == 'H' || z[0] == 'h') ? 2 : (z[0] == 'Q' || z[0] == 'q') ? 4 : 12;
    if (*end != 0 || n < 1 || n > per) return 1;
    out->position = (int)n, out->per_year = per;
    return 0;
  }
  if (z[0] >= '0' && z[0] <= '9' && strlen(z) <= 2) {
    long n = strtol(z, &end, 10);
    if (*end != 0 || n < 1 || n > 12) return 1;
    out->position = (int)n, out->per_year = 12;
    return 0;
  }
  if (ts_period_parse(z, -1, &p) || p.kind == TS_KIND_DAY) return 1;
  out->position = ts_period_position(&p);
  out->per_year = ts_proj_periods_per_year(p.kind);
  return 0;
}

/* 0 when z is a level, 1 when it is not one, 2 when it looks like a
** fraction (0.8 for 80 %, as some libraries take it): a 0.8 % interval
** would be a hair wide, a confident-looking interval nobody asked for. */
static int parse_level(const char *z, double *out) {
  ts_number n;
  if (z == NULL || ts_number_from_text(z, -1, &n) != TS_NUMBER_OK) return 1;
  if (!(n.d > 0 && n.d < 100)) return 1;
  if (n.d < 1) return 2;
  *out = n.d;
  return 0;
}

/* "MODULE: zWhat: 'value'" with the value shown as every message shows
** one (glue.h: cut to 60 bytes, control bytes as char(N)). */
static int value_error(const char *zWhat, const char *zValue, char **pzErr) {
  char *zShown = ts_text_repr(zValue, (int)strlen(zValue));
  *pzErr = zShown ? sqlite3_mprintf(MODULE ": %s: %s", zWhat, zShown) : NULL;
  sqlite3_free(zShown);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

static int method_error(const char *zMethod, char **pzErr) {
  char *zShown = ts_text_repr(zMethod, (int)strlen(zMethod));
  *pzErr = zShown ? sqlite3_mprintf(MODULE ": unknown method %s (expected %s)", zShown,
                                    ts_proj_method_list)
                  : NULL;
  sqlite3_free(zShown);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Applies method=, level=, through= of the CREATE form. */
static int configure_extras(projection_vtab *vtab, char **az, char **pzErr) {
  if (az[EXTRA_METHOD] && ts_proj_method_from_name(az[EXTRA_METHOD], &vtab->method))
    return method_error(az[EXTRA_METHOD], pzErr);
  int bad_level = az[EXTRA_LEVEL] ? parse_level(az[EXTRA_LEVEL], &vtab->level) : 0;
  if (bad_level)
    return value_error(bad_level == 2
                           ? "level is in percent (80 for an 80 % interval), not a fraction"
                           : "level must be a number between 0 and 100",
                       az[EXTRA_LEVEL], pzErr);
  if (az[EXTRA_THROUGH] && parse_through(az[EXTRA_THROUGH], &vtab->through))
    return value_error("through must be a point of the year such as H1, Q3 or 06",
                       az[EXTRA_THROUGH], pzErr);
  if (az[EXTRA_RECONCILE])
    return ts_recon_parse(MODULE, az[EXTRA_RECONCILE], vtab->base.spec.azBy, vtab->base.spec.nBy,
                          &vtab->reconcile, pzErr);
  return SQLITE_OK;
}

static void projection_disconnect(ts_series_vtab *pVtab) {
  projection_vtab *vtab = (projection_vtab *)pVtab;
  ts_recon_spec_free(vtab->reconcile);
  vtab->reconcile = NULL;
  proj_prepass_free(vtab->parked);
  vtab->parked = NULL;
}

static void projection_init(ts_series_vtab *pVtab) {
  projection_vtab *vtab = (projection_vtab *)pVtab;
  vtab->method = TS_PROJ_AUTO;
  vtab->level = 80;
}

static int projection_configure(ts_series_vtab *pVtab, int argc, const char *const *argv,
                                char **pzErr) {
  projection_vtab *vtab = (projection_vtab *)pVtab;
  char *azExtra[N_EXTRA] = {0};
  int rc = ts_source_configure(&pVtab->spec, argc, argv, extra_keys, N_EXTRA, azExtra, pzErr);
  if (rc == SQLITE_OK && pVtab->spec.azValue[0] == NULL) {
    *pzErr = sqlite3_mprintf(MODULE ": missing argument value=");
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) rc = configure_extras(vtab, azExtra, pzErr);
  pVtab->spec.no_figure_points = 1; /* proj_row_has_figure */
  pVtab->spec.day_whole_after = 1;  /* proj_row_incomplete */
  for (int k = 0; k < N_EXTRA; k++) sqlite3_free(azExtra[k]);
  return rc;
}

static void release_series(projection_cursor *cur) {
  ts_proj_grid_free(&cur->grid);
  sqlite3_free(cur->cells);
  cur->cells = NULL;
  sqlite3_free(cur->again.aPoint);
  memset(&cur->again, 0, sizeof(cur->again));
}

/* Before each xFilter (and at close): the current series goes; the
** pre-pass stays until proj_prepass_check finds it stale (item 10). */
static void projection_reset(ts_series_cursor *pCur) {
  projection_cursor *cur = (projection_cursor *)pCur;
  release_series(cur);
  cur->n_filter++;
  cur->key_checked = 0;
  cur->recon_next = 0;
}

static void projection_open(ts_series_cursor *pCur) {
  projection_cursor *cur = (projection_cursor *)pCur;
  projection_vtab *tab = (projection_vtab *)pCur->base.pVtab;
  tab->n_open++;
  cur->serial = ++tab->next_serial;
}

/* Item 10: SQLite opens a correlated subquery's cursor anew for each
** outer row, the next one before it closes the last: a made pre-pass is
** left on the table for the cursors open now, and goes when the last
** cursor of the table closes (the statement ends). */
static void projection_close(ts_series_cursor *pCur) {
  projection_cursor *cur = (projection_cursor *)pCur;
  projection_vtab *tab = (projection_vtab *)pCur->base.pVtab;
  int heir = tab->parked && cur->serial > tab->parked_lo && cur->serial < tab->parked_hi;
  tab->n_open--;
  if (cur->pp && cur->pp->pooled && tab->n_open > 0) {
    proj_prepass_free(tab->parked);
    tab->parked = cur->pp;
    tab->parked_lo = cur->serial;
    tab->parked_hi = tab->next_serial + 1;
  } else {
    proj_prepass_free(cur->pp);
    /* one that could have taken it: those opened while it was open can */
    if (heir) tab->parked_hi = tab->next_serial + 1;
  }
  cur->pp = NULL;
  if (tab->n_open == 0) {
    proj_prepass_free(tab->parked);
    tab->parked = NULL;
  }
}

/* Whether a method's backtest cell of a year is made from the grid alone,
** whatever the other years' cells: all but holt_winters (a chain of fits
** through the years) and auto (which ranks the earlier years' cells). */
static int cell_stands_alone(ts_proj_method m) {
  return m != TS_PROJ_HOLT_WINTERS && m != TS_PROJ_AUTO;
}

/* Before the pool is built a row's projection reads its own year's cell
** of its method alone (proj_row_estimate without an interval): only the years
** the query asks for that have data are backtested, the others' cells
** left as the backtest leaves a method it does not run.  A WHERE on year
** then spares the rest (a year of 12 for the latest year; theta fits one
** year instead of every one).  The first row that reads low, high or
** note makes the whole backtest (proj_row_interval): the same cells as made
** at once. */
static void own_years_cells(projection_cursor *cur) {
  const ts_proj_grid *g = &cur->grid;
  for (int yi = 0; yi < g->n_years; yi++) {
    for (int m = 0; m < TS_PROJ_N_CELLS; m++) {
      ts_proj_cell *c = &cur->cells[yi * TS_PROJ_N_CELLS + m];
      memset(c, 0, sizeof(*c));
      c->model_sd = -1;
    }
    if (ts_series_wants_year(&cur->base, g->first_year + yi) && ts_proj_year_has_data(g, yi))
      ts_proj_fixed(g, yi, cur->k, cur->method, &cur->cells[yi * TS_PROJ_N_CELLS + cur->method]);
  }
  cur->cells_partial = 1;
}

static int lay_out(projection_cursor *cur, const ts_series *s);

/* A narrowed read (projection_narrow.c) whose rows the years it left out
** could change: the series is read again with them and laid out anew. */
static int narrow_again(projection_cursor *cur, char **pzErr) {
  int lo = cur->base.read_lo;
  if (lo <= 0 || cur->again.aPoint ||
      !ts_proj_narrow_unsure(&cur->base, &cur->grid, cur->cells, cur->k, cur->method, lo))
    return SQLITE_OK;
  /* none left out: the narrowed read is every series' whole read */
  if (cur->left_out_lo != lo) {
    int rc = ts_proj_narrow_left_out(&cur->base, lo, &cur->left_out, pzErr);
    if (rc != SQLITE_OK) return rc;
    cur->left_out_lo = lo;
  }
  if (!cur->left_out) return SQLITE_OK;
  ts_series again;
  int rc = ts_proj_series_again(&cur->base, cur->base.series, &again, pzErr);
  if (rc != SQLITE_OK || again.aPoint == NULL) return rc;
  release_series(cur);
  cur->again = again;
  rc = lay_out(cur, &cur->again);
  if (rc == SQLITE_OK && cur->k != 0) own_years_cells(cur);
  return rc;
}

/* The grid, through and the cells' room of series s. */
static int lay_out(projection_cursor *cur, const ts_series *s) {
  const projection_vtab *vtab = settings_of(&cur->base);
  cur->any_incomplete = 0;
  for (int i = 0; i < s->nPoint; i++) cur->any_incomplete |= s->aPoint[i].incomplete[0];
  int rc = ts_proj_grid_build(s->kind, s->aPoint, s->nPoint, 0, &cur->grid);
  if (rc != SQLITE_OK) return rc;
  cur->grid.quantiles = &cur->quantiles;
  cur->k = proj_series_through(&vtab->through, s, cur->grid.periods_per_year);
  cur->cells =
      sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)cur->grid.n_years * TS_PROJ_N_CELLS);
  return cur->cells ? SQLITE_OK : SQLITE_NOMEM;
}

/* Lays out a freshly scanned series and runs its backtest. */
static int projection_start(ts_series_cursor *pCur, char **pzErr) {
  projection_cursor *cur = (projection_cursor *)pCur;
  const projection_vtab *vtab = settings_of(pCur);
  const ts_series *s = pCur->series;
  cur->yi = -1;
  cur->pt_lo = cur->pt_hi = 0;
  cur->through_label[0] = 0;
  cur->method = pCur->spec == &pCur->own && pCur->cfg == NULL ? cur->method : vtab->method;
  release_series(cur);
  if (s->kind == TS_KIND_DAY) {
    *pzErr = sqlite3_mprintf(MODULE
                             ": day periods cannot be projected by position in the "
                             "year; use grain=month");
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  cur->cells_partial = 0;
  int rc = proj_prepass_check(cur);
  if (rc != SQLITE_OK) return rc;
  /* auto needs the pool for its projection; a fixed method only for its
  ** interval, built when low, high or note is first read (proj_row_interval) */
  if (!cur->pp->pooled && (cur->method == TS_PROJ_AUTO || vtab->reconcile))
    rc = proj_pool_source(cur, pzErr);
  if (rc == SQLITE_OK) rc = proj_reconcile_start(cur, pzErr);
  if (rc != SQLITE_OK) return rc;
  rc = lay_out(cur, s);
  if (rc != SQLITE_OK || cur->k == 0) return rc;
  cur->grid.pool = NULL;
  if (cur->pp->pooled) {
    cur->grid.pool = proj_pool_of(cur->pp, cur->grid.periods_per_year, cur->k);
    if (cur->grid.pool->before == NULL) cur->grid.pool = NULL;
  } else if (cell_stands_alone(cur->method)) {
    own_years_cells(cur);
    return narrow_again(cur, pzErr);
  }
  return proj_series_cells(cur);
}

/* The next year with data inside the asked-for years. */
static int projection_next(ts_series_cursor *pCur) {
  projection_cursor *cur = (projection_cursor *)pCur;
  while (++cur->yi < cur->grid.n_years) {
    if (!ts_series_wants_year(pCur, cur->grid.first_year + cur->yi)) continue;
    proj_row_points(cur);
    if (!proj_row_has_figure(cur)) continue;
    pCur->row_key = cur->grid.first_year + cur->yi;
    proj_row_estimate(cur);
    return 1;
  }
  return 0;
}

/* Without through= a series is projected from the position of its own
** latest period, so every row depends on the series' last year: a bound
** on year must not stop the source before it.  auto reads the whole
** source for its pool before the first row (item 8), and so does
** reconcile= (item 9): the main scan reads every year too, so that one
** read serves both (pool_read). */
static int projection_reads_later_years(const ts_series_vtab *pVtab) {
  const projection_vtab *vtab = (const projection_vtab *)pVtab;
  return vtab->through.per_year == 0 || vtab->method == TS_PROJ_AUTO || vtab->reconcile;
}

/* Whether the source's period column has TEXT affinity, the one column
** the year filter is pushed on (series_query.c): on any other (INTEGER
** YYYYMM months) the narrowed read holds every year anyway, so each
** series' grid begins before the year it reads from and each series
** would be read again alone -- a scan of the source per series. */
static int period_takes_years(sqlite3 *db, const ts_source_spec *spec) {
  const char *zType = NULL;
  if (spec->zTable == NULL ||
      sqlite3_table_column_metadata(db, spec->zSchema, spec->zTable, spec->zPeriod, &zType, NULL,
                                    NULL, NULL, NULL) != SQLITE_OK)
    return 0;
  int text = 0;
  for (const char *z = zType; z && *z; z++) {
    if (sqlite3_strnicmp(z, "INT", 3) == 0) return 0; /* INTEGER affinity comes first */
    text |= sqlite3_strnicmp(z, "CHAR", 4) == 0 || sqlite3_strnicmp(z, "CLOB", 4) == 0 ||
            sqlite3_strnicmp(z, "TEXT", 4) == 0;
  }
  return text;
}

/* Item 13: a fixed method's query reading none of low, high and note
** reads from the year before the bound on (projection_narrow.c), when
** its source spells each series' key one way and takes the year filter;
** reconcile= reads every year for its pre-pass. */
static int projection_history_years(const ts_series_vtab *pVtab) {
  const projection_vtab *vtab = (const projection_vtab *)pVtab;
  if (vtab->reconcile || ts_proj_narrow_history(vtab->method) < 0) return -1;
  if (!period_takes_years(pVtab->db, &pVtab->spec)) return -1;
  /* the series' key is its first row's: a source that can spell it two
  ** ways would show another spelling when read from a later year */
  return ts_source_one_spelling(pVtab->db, &pVtab->spec) ? ts_proj_narrow_history(vtab->method)
                                                         : -1;
}

/* The table-valued form's method argument (default auto). */
static int projection_arguments(ts_series_cursor *pCur, sqlite3_value **apArg, char **pzErr) {
  projection_cursor *cur = (projection_cursor *)pCur;
  sqlite3_value *m = apArg[ARG_METHOD];
  pCur->own.no_figure_points = 1; /* proj_row_has_figure */
  pCur->own.day_whole_after = 1;  /* proj_row_incomplete */
  cur->method = TS_PROJ_AUTO;
  if (m && sqlite3_value_type(m) != SQLITE_NULL) {
    const char *z = (const char *)sqlite3_value_text(m);
    if (z == NULL) return SQLITE_NOMEM;
    if (ts_proj_method_from_name(z, &cur->method)) return method_error(z, pzErr);
  }
  return SQLITE_OK;
}

static const ts_series_module projection_module = {
    .zName = MODULE,
    .azResult = result_columns,
    .nResult = N_RESULT,
    .iPeriod = COL_YEAR,
    .azArgColumn = argument_columns,
    .azArgRole = argument_roles,
    .nArg = N_ARG,
    .nRequired = 3,
    .history_years = -1,
    .xHistoryYears = projection_history_years,
    .whole_columns = (1u << COL_LOW) | (1u << COL_HIGH) | (1u << COL_NOTE),
    .year_integer = 1,
    .xReadsLaterYears = projection_reads_later_years,
    .szVtab = sizeof(projection_vtab),
    .szCursor = sizeof(projection_cursor),
    .xInit = projection_init,
    .xConfigure = projection_configure,
    .xArguments = projection_arguments,
    .xStart = projection_start,
    .xNext = projection_next,
    .xResult = proj_row_result,
    .xReset = projection_reset,
    .xOpen = projection_open,
    .xClose = projection_close,
    .xDisconnect = projection_disconnect,
};

int ts_projection_vtab_register(sqlite3 *db) {
  return ts_series_module_register(db, &projection_module);
}
