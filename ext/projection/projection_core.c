/*
** projection/projection_core.c -- the projection methods' contract over
** a grid of years (see projection.h), the method names, the grid, what
** every method needs (items 1, 1b, 5) and run_rate, and the backtest
** (each method's projection of every year, the cells auto and the
** intervals read) with ts_projection_estimate on top of it.  The other
** fixed methods are projection_methods.c (item 2).  `auto`, the
** intervals and the pool of errors borrowed from other series are
** projection_errors.c and projection_auto.c (items 3, 4, 4b and 4c).
**
** Contract (year y, periods 1..k of P known, ytd their sum):
**  1. The year-to-date must be complete: a missing period among 1..k gives
**     no projection ("incomplete year-to-date"), never a guess.  When
**     k == P the year is known: every method returns its total and the
**     interval is that total (low = high = projection = actual).
** 1b. A month series in which no earlier year has a month after April
**     (positions 5..12) does not run to December: its "months" are
**     quarters or halves written YYYYMM (KOSIS's Open API writes Q1 2019
**     as 201901 and Q4 as 201904), or a season that ends by April.
**     Projecting months k+1..12 of it made run_rate three times the
**     quarterly run rate, so no method projects it ("no earlier year has
**     a month after April ...").  Only earlier years are read (a
**     series' first year cannot be told from the start of a monthly
**     one), so a backtest row is still the projection from the source
**     cut at its point.  With k > 4 the year itself has month 5.
**  2. run_rate      ytd * P / k.
**     prior_share   ytd * prior_total / prior_ytd; needs the prior year
**                   complete and its year-to-date non-zero.
**     avg_share     ytd / mean(ytd_j / total_j) over the (up to) 3 latest
**                   complete prior years with a non-zero total; needs one.
**     snaive        ytd + the prior year's periods k+1..P; needs them.
**     linear        ytd + the least-squares line through every observed
**                   period up to (y, k), evaluated at k+1..P; needs two.
**     holt_winters  ytd + the forecast of periods k+1..P (holt_winters.c)
**                   fitted to the unbroken run of periods ending at (y, k),
**                   at most its latest TS_PROJ_FIT_YEARS (8) years; needs
**                   two full years (2 P periods); a fallback for a
**                   degenerate fit is said in `detail`.  The fits form a
**                   chain: year y's starts from year y-1's (same series,
**                   same point; holt_winters.c item 7), restarting cold at
**                   every calendar year divisible by TS_PROJ_CHAIN_YEARS
**                   (16) and at the series' first year; ts_proj_fixed runs
**                   the chain from its start, so the backtest, the window
**                   and the aggregate give the same number for a year.
**     theta         the Theta method (Assimakopoulos & Nikolopoulos; the
**                   M3 competition's best) in Hyndman & Billah's form, on
**                   the same run as holt_winters (latest 8 years, two full
**                   years needed): classical seasonal adjustment, simple
**                   exponential smoothing plus a drift of half the
**                   least-squares slope, seasonality put back.
**     With no negative value observed up to (y, k), a projection below the
**     year-to-date is raised to it (what is still to come cannot be
**     negative): linear, holt_winters and theta can fall below otherwise.
**  3, 4, 4b, 4c. auto (combining the seven by their past errors), intervals
**     and the pool of errors borrowed from other series:
**     projection_errors.c (errors, pool, intervals) and projection_auto.c
**     (auto's ranking and rules).
**  5. Zero and negative values are values: the formulas apply as written
**     and a zero denominator gives NULL with a note, never Inf.
**  6. Caches, never changing a number: the grid's year totals (built
**     once per series) and the caller's t quantiles (grid.quantiles).
** 6b. A year-to-date, a total and the rest of a year (positions 1..k,
**     1..P, k+1..P) are the exact sums of their points rounded once when
**     a point's integer part is past 2^53 (grid.sum_from1, sum_to_end):
**     each figure rounded on its own, 2^62 and -(2^62 - 5) summed to 0
**     where the ytd column shows 5, and a known year of 8 was projected
**     at 0.0 beside an actual of 8 (error -100 %).  Below 2^53 the
**     compensated sum of the cells is kept (the same bits as before).
**  7. Bounded work: one projection of year y reads the backtests of years
**     ts_projection_first_needed() and later only -- y itself for most
**     methods, holt_winters' chain start, auto's 8 earlier years (4 for
**     its rules' errors, 4 before them to rank) and their chain start, and
**     4 more years for a fixed method's interval -- and each
**     holt_winters or theta fit reads at most 8 years: a long history
**     costs the aggregate O(periods) (the grid, linear's line, avg_share's
**     look-back) plus at most 24 holt_winters fits of at most 8 years
**     each (and as many theta fits), whatever its length; auto ranked by
**     the series' own errors backtests the same years from up to three
**     quarter ends too (projection_auto.c item 3b: at most 96 fits, the
**     3,200-year monthly series 0.07 -> 0.08 s).
*/
#include "projection/projection_errors.h"
#include "projection/projection_methods.h"
#include "core/int128.h"

#include <math.h>

const char ts_proj_method_list[] =
    "run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto";

static const char *const method_names[] = {"run_rate", "prior_share",  "avg_share", "snaive",
                                           "linear",   "holt_winters", "theta",     "auto"};

const char *ts_proj_method_name(ts_proj_method m) {
  return (m >= TS_PROJ_RUN_RATE && m <= TS_PROJ_AUTO) ? method_names[m] : NULL;
}

/* ASCII lower case of c. */
static char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

/* Equal ignoring ASCII case and the text's surrounding white space. */
static int name_matches(const char *z, const char *name) {
  int n = (int)strlen(z);
  ts_trim(&z, &n);
  int k = (int)strlen(name);
  if (n != k) return 0;
  for (int i = 0; i < n; i++)
    if (ascii_lower(z[i]) != name[i]) return 0;
  return 1;
}

int ts_proj_method_from_name(const char *z, ts_proj_method *out) {
  if (z == NULL) return 1;
  for (int m = TS_PROJ_RUN_RATE; m <= TS_PROJ_AUTO; m++) {
    if (name_matches(z, method_names[m])) {
      *out = (ts_proj_method)m;
      return 0;
    }
  }
  return 1;
}

/* The core's count of a kind's periods in a year; days, which the grid
** does not lay out (365 or 366 there), are 0 here. */
int ts_proj_periods_per_year(ts_period_kind kind) {
  ts_period p = {.kind = kind, .year = 1, .sub = 1};
  return kind == TS_KIND_DAY ? 0 : ts_periods_in_year(&p);
}

/* Notes: why a projection or an interval is NULL. */
#define NOTE_NOT_FINITE "projection is not a finite number"
#define NOTE_NO_LATE_MONTH                                                 \
  "no earlier year has a month after April (quarters or halves written as" \
  " months? KOSIS's 201901 is Q1: write 2019-Q1)"

/* Sum of positions [from, to] of year yi; 1 if one is missing. */
int ts_proj_range_sum(const ts_proj_grid *g, int yi, int from, int to, double *out) {
  double s = 0, c = 0; /* Neumaier: totals of many periods stay exact */
  if (yi < 0 || yi >= g->n_years) return 1;
  for (int pos = from; pos <= to; pos++) {
    int i = ts_proj_cell_index(g, yi, pos);
    if (!g->present[i]) return 1;
    double v = g->value[i], t = s + v;
    c += fabs(s) >= fabs(v) ? (s - t) + v : (v - t) + s;
    s = t;
  }
  *out = s + c;
  /* item 6b: the exact sums where a cell's value[] is rounded */
  int P = g->periods_per_year;
  if (g->sum_from1 && from == 1)
    *out = g->sum_from1[ts_proj_cell_index(g, yi, to)];
  else if (g->sum_to_end && to == P)
    *out = g->sum_to_end[ts_proj_cell_index(g, yi, from)];
  return 0;
}

int ts_proj_ytd(const ts_proj_grid *g, int yi, int k, double *out) {
  return ts_proj_range_sum(g, yi, 1, k, out);
}

int ts_proj_actual(const ts_proj_grid *g, int yi, double *out) {
  if (g->year_total == NULL) return ts_proj_range_sum(g, yi, 1, g->periods_per_year, out);
  if (yi < 0 || yi >= g->n_years || !g->year_complete[yi]) return 1;
  *out = g->year_total[yi];
  return 0;
}

void ts_proj_cell_set(ts_proj_cell *out, double value) {
  out->detail = NULL;
  out->ok = isfinite(value);
  out->value = out->ok ? value : 0;
  out->note = out->ok ? NULL : NOTE_NOT_FINITE;
}

void ts_proj_cell_fail(ts_proj_cell *out, const char *note) {
  out->detail = NULL;
  out->ok = 0;
  out->value = 0;
  out->note = note;
}

/* Item 1b: whether a month series' years before yi end by April (yi > 0:
** the grid starts at the series' first year, so one of them has data). */
static int no_late_month_before(const ts_proj_grid *g, int yi) {
  if (g->periods_per_year != 12 || yi <= 0) return 0;
  int at = g->late_month_at;
  if (at == 0) {
    for (at = 1; at <= g->n_years; at++) {
      int found = 0;
      for (int pos = 5; pos <= 12 && !found; pos++)
        found = g->present[ts_proj_cell_index(g, at - 1, pos)];
      if (found) break;
    }
  }
  return at - 1 >= yi;
}

/* Whether every value observed up to cell index last is >= 0 (item 5). */
int ts_proj_non_negative_upto(const ts_proj_grid *g, long last) {
  if (g->negative_at > 0) return g->negative_at - 1 > last;
  for (long i = 0; i <= last; i++)
    if (g->present[i] && g->value[i] < 0) return 0;
  return 1;
}

/* ts_proj_fixed with the Holt-Winters fits of the years before carried
** in warm (the backtest's chain, item 2). */
static void fixed_in_chain(const ts_proj_grid *g, int yi, int k, ts_proj_method m, ts_hw_warm *warm,
                           ts_proj_cell *out) {
  double ytd;
  out->model_sd = -1;
  if (ts_proj_ytd(g, yi, k, &ytd)) {
    ts_proj_cell_fail(out, TS_PROJ_NOTE_YTD);
    return;
  }
  if (k == g->periods_per_year) { /* the year is known */
    ts_proj_cell_set(out, ytd);
    if (m == TS_PROJ_HOLT_WINTERS) out->model_sd = 0;
    return;
  }
  if (k <= 4 && no_late_month_before(g, yi)) { /* item 1b */
    ts_proj_cell_fail(out, NOTE_NO_LATE_MONTH);
    return;
  }
  ts_proj_method_value(g, yi, k, m, ytd, warm, out); /* projection_methods.c */
  /* Item 5: what is still to come cannot be negative in a series that
  ** never was. */
  if (out->ok && out->value < ytd && ts_proj_non_negative_upto(g, ts_proj_cell_index(g, yi, k)))
    out->value = ytd;
}

/* Item 7: the chain restarts cold at every calendar year divisible by
** TS_PROJ_CHAIN_YEARS (or the series' first year): the year index where
** year yi's chain starts. */
static int chain_start(const ts_proj_grid *g, int yi) {
  int year = g->first_year + yi, r = year % TS_PROJ_CHAIN_YEARS;
  if (r < 0) r += TS_PROJ_CHAIN_YEARS;
  return yi - r < 0 ? 0 : yi - r;
}

int ts_proj_fixed(const ts_proj_grid *g, int yi, int k, ts_proj_method m, ts_proj_cell *out) {
  ts_hw_warm warm;
  memset(&warm, 0, sizeof(warm));
  if (m == TS_PROJ_HOLT_WINTERS) { /* the same chain of fits as the backtest */
    for (int yj = chain_start(g, yi); yj < yi; yj++) fixed_in_chain(g, yj, k, m, &warm, out);
  }
  fixed_in_chain(g, yi, k, m, &warm, out);
  return SQLITE_OK;
}

unsigned ts_projection_mask(ts_proj_method m) {
  if (m == TS_PROJ_AUTO) return (1u << (TS_PROJ_AUTO + 1)) - 1;
  return 1u << m;
}

int ts_projection_first_needed(const ts_proj_grid *g, int yi, ts_proj_method m) {
  if (yi < 0) yi = 0;
  /* auto ranks by errors of 4 earlier years, and chooses its rule by the
  ** errors of its rules in the 4 years before, each ranked the same way */
  if (m == TS_PROJ_AUTO) yi = yi > 2 * TS_PROJ_ERROR_YEARS ? yi - 2 * TS_PROJ_ERROR_YEARS : 0;
  if (m == TS_PROJ_AUTO || m == TS_PROJ_HOLT_WINTERS) yi = chain_start(g, yi);
  return yi;
}

static void backtest_from(const ts_proj_grid *g, int k, unsigned mask, int from, int n_years,
                          ts_proj_cell *cells) {
  ts_hw_warm warm;
  for (int yi = 0; yi < n_years; yi++) {
    if (yi == 0 || chain_start(g, yi) == yi) memset(&warm, 0, sizeof(warm));
    for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
      ts_proj_cell *c = &cells[yi * TS_PROJ_N_CELLS + m];
      if (yi >= from && (mask & (1u << m)))
        fixed_in_chain(g, yi, k, (ts_proj_method)m, &warm, c);
      else
        ts_proj_cell_fail(c, NULL), c->model_sd = -1;
    }
  }
  if (mask & (1u << TS_PROJ_AUTO)) {
    ts_projection_auto_fill(g, k, n_years, cells);
  } else {
    for (int yi = 0; yi < n_years; yi++)
      ts_proj_cell_fail(&cells[yi * TS_PROJ_N_CELLS + TS_PROJ_AUTO], NULL);
  }
}

void ts_proj_backtest_fixed(const ts_proj_grid *g, int k, int from, int n_years,
                            ts_proj_cell *cells) {
  backtest_from(g, k, (1u << TS_PROJ_N_FIXED) - 1, from, n_years, cells);
}

int ts_projection_backtest(const ts_proj_grid *g, int k, unsigned mask, int n_years,
                           ts_proj_cell *cells) {
  ts_proj_cuts_from(g->cuts, 0);
  backtest_from(g, k, mask, 0, n_years, cells);
  return SQLITE_OK;
}

int ts_projection_estimate(const ts_proj_grid *g, int yi, int k, ts_proj_method m, double level,
                           ts_proj_estimate *out) {
  memset(out, 0, sizeof(*out));
  if (m != TS_PROJ_AUTO && level <= 0) { /* just this year, this method */
    ts_proj_cell c;
    ts_proj_fixed(g, yi, k, m, &c);
    out->method = m;
    out->ok = c.ok;
    out->projection = c.ok ? c.value : 0;
    out->note = c.ok ? NULL : c.note;
    out->detail = c.ok ? c.detail : NULL;
    return SQLITE_OK;
  }
  /* Only the years the answer reads are backtested (item 7). */
  int from = ts_projection_first_needed(
      g, level > 0 && m != TS_PROJ_AUTO ? yi - TS_PROJ_ERROR_YEARS : yi, m);
  int n_years = yi + 1;
  ts_proj_cell *cells =
      sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)n_years * TS_PROJ_N_CELLS);
  if (cells == NULL) return SQLITE_NOMEM;
  ts_proj_cuts_from(g->cuts, from); /* item 3b's backtests: the same years */
  backtest_from(g, k, ts_projection_mask(m), from, n_years, cells);
  ts_projection_from_backtest(g, cells, yi, k, m, level, out);
  sqlite3_free(cells);
  return SQLITE_OK;
}

/* A point's value as ts_sum_double() gives it, bit for bit: a sum of
** integers alone below 2^53 in magnitude is that integer exactly (its
** split into high and low parts then adds nothing), read without the
** 128-bit split and compensated sums, which were a third of a grid's
** cost (one point a row on the benchmark's monthly data). */
static double point_value(const ts_sum *s) {
  if (s->n_real == 0 && s->s == 0 && s->c == 0 && ts_i128_fits_53(s->exact))
    return (double)ts_i128_to_i64(s->exact);
  return ts_sum_double(s);
}

/* Whether point i counts as an observation (ts_proj_grid_build). */
static int point_observed(const ts_point *p, int slot) {
  return p->sum[slot].count > 0 && !p->incomplete[slot];
}

/* Item 6b: when an observed point's integer part is past 2^53, the exact
** sums of each year's positions 1..pos and pos..P (present cells only:
** ts_proj_range_sum reads them only where every cell of the range is present),
** rounded once, in one more block (freed with the grid's, see
** ts_proj_grid_free); else nothing. */
static int exact_sums_build(const ts_point *a, int n, int slot, int64_t ord0, int P,
                            sqlite3_uint64 cells, ts_proj_grid *g) {
  int big = 0;
  for (int i = 0; i < n && !big; i++)
    big = point_observed(&a[i], slot) && !ts_i128_fits_53(a[i].sum[slot].exact);
  if (!big) return SQLITE_OK;
  double *from1 = sqlite3_malloc64(2 * cells * sizeof(double));
  if (from1 == NULL) return SQLITE_NOMEM;
  double *to_end = from1 + cells;
  ts_sum run;
  ts_sum_init(&run);
  /* points are sorted by ordinal: walk them beside the cells */
  int j = 0;
  for (sqlite3_uint64 c = 0; c < cells; c++) {
    if (c % (sqlite3_uint64)P == 0) ts_sum_init(&run);
    while (j < n && (sqlite3_uint64)(a[j].ordinal - ord0) < c) j++;
    if (j < n && (sqlite3_uint64)(a[j].ordinal - ord0) == c && point_observed(&a[j], slot))
      ts_sum_merge(&run, &a[j].sum[slot]);
    from1[c] = ts_sum_double(&run);
  }
  j = n - 1;
  for (sqlite3_uint64 c = cells; c-- > 0;) {
    if (c % (sqlite3_uint64)P == (sqlite3_uint64)P - 1) ts_sum_init(&run);
    while (j >= 0 && (sqlite3_uint64)(a[j].ordinal - ord0) > c) j--;
    if (j >= 0 && (sqlite3_uint64)(a[j].ordinal - ord0) == c && point_observed(&a[j], slot))
      ts_sum_merge(&run, &a[j].sum[slot]);
    to_end[c] = ts_sum_double(&run);
  }
  g->sum_from1 = from1;
  g->sum_to_end = to_end;
  return SQLITE_OK;
}

int ts_proj_grid_build(ts_period_kind kind, const ts_point *a, int n, int slot, ts_proj_grid *g) {
  int P = ts_proj_periods_per_year(kind);
  ts_period first, last;
  memset(g, 0, sizeof(*g));
  if (P == 0 || n == 0 || ts_period_from_ordinal(kind, a[0].ordinal, &first) ||
      ts_period_from_ordinal(kind, a[n - 1].ordinal, &last))
    return SQLITE_MISUSE;
  g->periods_per_year = P;
  g->first_year = first.year;
  g->n_years = last.year - first.year + 1;
  sqlite3_uint64 cells = (sqlite3_uint64)g->n_years * P, years = (sqlite3_uint64)g->n_years;
  /* One block: values, year totals, then presence and completeness. */
  double *value = sqlite3_malloc64((cells + years) * sizeof(double) + cells + years);
  if (value == NULL) return SQLITE_NOMEM;
  double *year_total = value + cells;
  unsigned char *present = (unsigned char *)(year_total + years);
  unsigned char *year_complete = present + cells;
  memset(present, 0, cells);
  /* The periods of a kind other than days have consecutive ordinals
  ** (ts_period_shift), so a point's cell is its ordinal's distance from
  ** the first year's first period: no calendar arithmetic per point. */
  ts_period start = {kind, first.year, 1, 0, 0};
  int64_t ord0 = ts_period_ordinal(&start);
  for (int i = 0; i < n; i++) {
    /* A roll-up missing some of its months (grain=) is no observation. */
    if (!point_observed(&a[i], slot)) continue;
    sqlite3_uint64 at = (sqlite3_uint64)(a[i].ordinal - ord0);
    value[at] = point_value(&a[i].sum[slot]);
    present[at] = 1;
  }
  for (sqlite3_uint64 i = 0; i < cells; i++)
    if (!present[i]) value[i] = 0;
  g->value = value;
  g->present = present;
  if (exact_sums_build(a, n, slot, ord0, P, cells, g) != SQLITE_OK) {
    sqlite3_free(value);
    memset(g, 0, sizeof(*g));
    return SQLITE_NOMEM;
  }
  for (int yi = 0; yi < g->n_years; yi++) {
    year_total[yi] = 0;
    year_complete[yi] = !ts_proj_range_sum(g, yi, 1, P, &year_total[yi]);
  }
  g->year_total = year_total;
  g->year_complete = year_complete;
  g->late_month_at = g->n_years + 1;
  for (int yi = 0; P == 12 && yi < g->n_years && g->late_month_at > g->n_years; yi++) {
    for (int pos = 5; pos <= 12; pos++)
      if (present[(sqlite3_uint64)yi * 12 + pos - 1]) g->late_month_at = yi + 1;
  }
  g->negative_at = (long)cells + 1;
  for (sqlite3_uint64 i = 0; i < cells; i++) {
    if (present[i] && value[i] < 0) {
      g->negative_at = (long)i + 1;
      break;
    }
  }
  if (ts_proj_cuts_new(g) != SQLITE_OK) {
    ts_proj_grid_free(g);
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* auto's item 3b cache (projection_auto.c): the cut-offs' backtests are
** made when first needed; only the origin scales' slots are set here. */
int ts_proj_cuts_new(ts_proj_grid *g) {
  ts_proj_cuts *c = sqlite3_malloc64(sizeof(*c));
  if (c == NULL) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  g->cuts = c;
  return SQLITE_OK;
}

/* What the cache holds was made from year c->from on: another first
** year drops it (made again when needed). */
void ts_proj_cuts_from(ts_proj_cuts *c, int from) {
  if (c == NULL || c->from == from) return;
  ts_proj_cuts_clear(c);
  c->from = from;
}

void ts_proj_cuts_clear(ts_proj_cuts *c) {
  if (c == NULL) return;
  for (int i = 0; i < CUTS_MAX; i++) sqlite3_free(c->cells[i]), c->cells[i] = NULL;
  sqlite3_free(c->scale);
  c->scale = NULL;
  c->failed = 0;
}

void ts_proj_cuts_free(ts_proj_cuts *c) {
  if (c == NULL) return;
  for (int i = 0; i < CUTS_MAX; i++) sqlite3_free(c->cells[i]);
  sqlite3_free(c->scale);
  sqlite3_free(c);
}

void ts_proj_grid_free(ts_proj_grid *g) {
  ts_proj_cuts_free(g->cuts);
  sqlite3_free((void *)g->sum_from1); /* sum_to_end is in its block */
  sqlite3_free((void *)g->value);
  memset(g, 0, sizeof(*g));
}
