/*
** projection/projection_core.c -- the projection methods over a
** grid of years (see projection.h), the backtest, `auto` and intervals.
**
** Contract (year y, periods 1..k of P known, ytd their sum):
**  1. The year-to-date must be complete: a missing period among 1..k gives
**     no projection ("incomplete year-to-date"), never a guess.  When
**     k == P the year is known and every method returns its total.
**  2. run_rate      ytd * P / k.
**     prior_share   ytd * prior_total / prior_ytd; needs the prior year
**                   complete and its year-to-date non-zero.
**     avg_share     ytd / mean(ytd_j / total_j) over the (up to) 3 latest
**                   complete prior years with a non-zero total; needs one.
**     snaive        ytd + the prior year's periods k+1..P; needs them.
**     linear        ytd + the least-squares line through every observed
**                   period up to (y, k), evaluated at k+1..P; needs two.
**     holt_winters  ytd + the forecast of periods k+1..P (holt_winters.c)
**                   fitted to the unbroken run of periods ending at (y, k);
**                   needs that run to span two full years (2 P periods);
**                   a fallback for a degenerate fit is said in `detail`.
**                   The fits form a chain: year y's starts from year
**                   y-1's (same series, same point; holt_winters.c item
**                   7), and ts_proj_fixed runs the chain from the first
**                   year, so the backtest, the window and the aggregate
**                   give the same number for the same year.
**  3. auto: among the six, the method whose projections of earlier
**     complete years from the same point had the smallest mean absolute
**     percentage error, over at least 3 such years (years with a zero
**     total are not scored); ties go to the earlier method in the list.
**     With no method scored on 3 years it uses prior_share.  A method
**     that cannot project year y itself is not chosen.  The interval is
**     the chosen method's own (item 4); `detail` is the chosen cell's.
**  4. Intervals (projection_interval.c) use only years before y: the
**     errors the method made there, for every method.  Holt-Winters'
**     own model error (cell.model_sd) is not used: measured over the
**     accuracy report's series, its 80 % intervals held only 60-63 % of
**     the actual totals (the in-sample one-step error of a fitted model
**     understates its out-of-sample error), while the backtest errors
**     held 75-83 %.  Fewer than 3 earlier years: NULL with a note.
**  5. Zero and negative values are values: the formulas apply as written
**     and a zero denominator gives NULL with a note, never Inf.
**  6. Caches, never changing a number: the grid's year totals (built
**     once per series) and the caller's t quantiles (grid.quantiles).
*/
#include "projection/projection.h"

#include <math.h>

const char ts_proj_method_list[] =
    "run_rate, prior_share, avg_share, snaive, linear, holt_winters or auto";

static const char *const method_names[] = {
    "run_rate", "prior_share", "avg_share", "snaive",
    "linear",   "holt_winters", "auto"};

const char *ts_proj_method_name(ts_proj_method m) {
  return (m >= TS_PROJ_RUN_RATE && m <= TS_PROJ_AUTO) ? method_names[m] : NULL;
}

int ts_proj_method_from_name(const char *z, ts_proj_method *out) {
  if (z == NULL) return 1;
  for (int m = TS_PROJ_RUN_RATE; m <= TS_PROJ_AUTO; m++) {
    if (strcmp(z, method_names[m]) == 0) {
      *out = (ts_proj_method)m;
      return 0;
    }
  }
  return 1;
}

int ts_proj_periods_per_year(ts_period_kind kind) {
  switch (kind) {
    case TS_KIND_YEAR: return 1;
    case TS_KIND_HALF: return 2;
    case TS_KIND_QUARTER: return 4;
    case TS_KIND_MONTH: return 12;
    default: return 0;
  }
}

/* Notes: why a projection or an interval is NULL. */
#define NOTE_YTD "incomplete year-to-date"
#define NOTE_NO_PRIOR "no complete prior year"
#define NOTE_PRIOR_YTD_ZERO "prior year-to-date is zero"
#define NOTE_NO_SHARE "no complete prior year with a non-zero total"
#define NOTE_SHARE_ZERO "mean prior share is zero"
#define NOTE_SNAIVE "prior year's remaining periods missing"
#define NOTE_LINEAR "fewer than 2 periods for a trend"
#define NOTE_HW "holt_winters needs two full years of unbroken periods"
#define NOTE_NOT_FINITE "projection is not a finite number"
#define DETAIL_HW_NEXT \
  "holt_winters: the best fit's forecast was degenerate, used the next stable model"
#define DETAIL_HW_SNAIVE \
  "holt_winters: no stable fit, used the prior year's periods (seasonal naive)"
#define NOTE_INTERVAL "fewer than 3 earlier years for an interval"
#define NOTE_AUTO_FALLBACK "auto: fewer than 3 earlier years, used prior_share"

static int cell_index(const ts_proj_grid *g, int yi, int pos) {
  return yi * g->periods_per_year + pos - 1;
}

/* Sum of positions [from, to] of year yi; 1 if one is missing. */
static int range_sum(const ts_proj_grid *g, int yi, int from, int to,
                     double *out) {
  double s = 0, c = 0; /* Neumaier: totals of many periods stay exact */
  if (yi < 0 || yi >= g->n_years) return 1;
  for (int pos = from; pos <= to; pos++) {
    int i = cell_index(g, yi, pos);
    if (!g->present[i]) return 1;
    double v = g->value[i], t = s + v;
    c += fabs(s) >= fabs(v) ? (s - t) + v : (v - t) + s;
    s = t;
  }
  *out = s + c;
  return 0;
}

int ts_proj_ytd(const ts_proj_grid *g, int yi, int k, double *out) {
  return range_sum(g, yi, 1, k, out);
}

int ts_proj_actual(const ts_proj_grid *g, int yi, double *out) {
  if (g->year_total == NULL) return range_sum(g, yi, 1, g->periods_per_year, out);
  if (yi < 0 || yi >= g->n_years || !g->year_complete[yi]) return 1;
  *out = g->year_total[yi];
  return 0;
}

static void cell_set(ts_proj_cell *out, double value) {
  out->detail = NULL;
  out->ok = isfinite(value);
  out->value = out->ok ? value : 0;
  out->note = out->ok ? NULL : NOTE_NOT_FINITE;
}

static void cell_fail(ts_proj_cell *out, const char *note) {
  out->detail = NULL;
  out->ok = 0;
  out->value = 0;
  out->note = note;
}

static void prior_share(const ts_proj_grid *g, int yi, int k, double ytd,
                        ts_proj_cell *out) {
  double prior_ytd, prior_total;
  if (ts_proj_actual(g, yi - 1, &prior_total) ||
      ts_proj_ytd(g, yi - 1, k, &prior_ytd)) {
    cell_fail(out, NOTE_NO_PRIOR);
  } else if (prior_ytd == 0) {
    cell_fail(out, NOTE_PRIOR_YTD_ZERO);
  } else {
    cell_set(out, ytd * prior_total / prior_ytd);
  }
}

static void avg_share(const ts_proj_grid *g, int yi, int k, double ytd,
                      ts_proj_cell *out) {
  double share_sum = 0;
  int used = 0;
  for (int yj = yi - 1; yj >= 0 && used < 3; yj--) {
    double total, part;
    if (ts_proj_actual(g, yj, &total) || total == 0) continue;
    ts_proj_ytd(g, yj, k, &part); /* complete: the whole year is */
    share_sum += part / total;
    used++;
  }
  if (used == 0) cell_fail(out, NOTE_NO_SHARE);
  else if (share_sum == 0) cell_fail(out, NOTE_SHARE_ZERO);
  else cell_set(out, ytd / (share_sum / used));
}

static void snaive(const ts_proj_grid *g, int yi, int k, double ytd,
                   ts_proj_cell *out) {
  double rest;
  if (range_sum(g, yi - 1, k + 1, g->periods_per_year, &rest))
    cell_fail(out, NOTE_SNAIVE);
  else cell_set(out, ytd + rest);
}

static void linear(const ts_proj_grid *g, int yi, int k, double ytd,
                   ts_proj_cell *out) {
  int P = g->periods_per_year, last = cell_index(g, yi, k);
  double n = 0, mean_x = 0, mean_y = 0, sxx = 0, sxy = 0;
  for (int i = 0; i <= last; i++) { /* one pass, Welford-style */
    if (!g->present[i]) continue;
    n += 1;
    double dx = i - mean_x, dy = g->value[i] - mean_y;
    mean_x += dx / n;
    mean_y += dy / n;
    sxx += dx * (i - mean_x);
    sxy += dx * (g->value[i] - mean_y);
  }
  if (n < 2 || sxx == 0) {
    cell_fail(out, NOTE_LINEAR);
    return;
  }
  double slope = sxy / sxx, rest = 0;
  for (int pos = k + 1; pos <= P; pos++) {
    int x = cell_index(g, yi, pos);
    rest += mean_y + slope * (x - mean_x);
  }
  cell_set(out, ytd + rest);
}

static void holt_winters(const ts_proj_grid *g, int yi, int k, double ytd,
                         ts_hw_warm *warm, ts_proj_cell *out) {
  int P = g->periods_per_year, last = cell_index(g, yi, k), first = last;
  while (first > 0 && g->present[first - 1]) first--;
  double rest, sd;
  ts_hw_model model;
  if (ts_holt_winters_forecast_warm(g->value + first, last - first + 1, P,
                                    first % P + 1, P - k, warm, &rest, &sd, &model)) {
    cell_fail(out, NOTE_HW);
    return;
  }
  cell_set(out, ytd + rest);
  out->model_sd = sd;
  if (out->ok && model.fallback) {
    out->detail = model.fallback == 1 ? DETAIL_HW_NEXT : DETAIL_HW_SNAIVE;
  }
}

/* ts_proj_fixed with the Holt-Winters fits of the years before carried
** in warm (the backtest's chain, item 2). */
static void fixed_in_chain(const ts_proj_grid *g, int yi, int k, ts_proj_method m,
                           ts_hw_warm *warm, ts_proj_cell *out) {
  double ytd;
  out->model_sd = -1;
  if (ts_proj_ytd(g, yi, k, &ytd)) {
    cell_fail(out, NOTE_YTD);
    return;
  }
  if (k == g->periods_per_year) { /* the year is known */
    cell_set(out, ytd);
    if (m == TS_PROJ_HOLT_WINTERS) out->model_sd = 0;
    return;
  }
  switch (m) {
    case TS_PROJ_RUN_RATE: cell_set(out, ytd * g->periods_per_year / k); break;
    case TS_PROJ_PRIOR_SHARE: prior_share(g, yi, k, ytd, out); break;
    case TS_PROJ_AVG_SHARE: avg_share(g, yi, k, ytd, out); break;
    case TS_PROJ_SNAIVE: snaive(g, yi, k, ytd, out); break;
    case TS_PROJ_LINEAR: linear(g, yi, k, ytd, out); break;
    case TS_PROJ_HOLT_WINTERS: holt_winters(g, yi, k, ytd, warm, out); break;
    default: cell_fail(out, NULL); break;
  }
}

int ts_proj_fixed(const ts_proj_grid *g, int yi, int k, ts_proj_method m,
                  ts_proj_cell *out) {
  ts_hw_warm warm;
  memset(&warm, 0, sizeof(warm));
  if (m == TS_PROJ_HOLT_WINTERS) { /* the same chain of fits as the backtest */
    for (int yj = 0; yj < yi; yj++) fixed_in_chain(g, yj, k, m, &warm, out);
  }
  fixed_in_chain(g, yi, k, m, &warm, out);
  return SQLITE_OK;
}

unsigned ts_projection_mask(ts_proj_method m) {
  if (m == TS_PROJ_AUTO) return (1u << TS_PROJ_N_FIXED) - 1;
  return 1u << m;
}

int ts_projection_backtest(const ts_proj_grid *g, int k, unsigned mask,
                           int n_years, ts_proj_cell *cells) {
  ts_hw_warm warm;
  memset(&warm, 0, sizeof(warm));
  for (int yi = 0; yi < n_years; yi++) {
    for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
      ts_proj_cell *c = &cells[yi * TS_PROJ_N_FIXED + m];
      if (mask & (1u << m)) fixed_in_chain(g, yi, k, (ts_proj_method)m, &warm, c);
      else cell_fail(c, NULL), c->model_sd = -1;
    }
  }
  return SQLITE_OK;
}

/* MAPE of method m over complete years before yi; 1 if fewer than 3. */
static int method_mape(const ts_proj_grid *g, const ts_proj_cell *cells,
                       int yi, int m, double *mape) {
  double total_error = 0;
  int scored = 0;
  for (int yj = 0; yj < yi; yj++) {
    const ts_proj_cell *c = &cells[yj * TS_PROJ_N_FIXED + m];
    double actual;
    if (!c->ok || ts_proj_actual(g, yj, &actual) || actual == 0) continue;
    total_error += fabs(c->value - actual) / fabs(actual);
    scored++;
  }
  if (scored < 3) return 1;
  *mape = total_error / scored;
  return 0;
}

static ts_proj_method auto_choice(const ts_proj_grid *g,
                                  const ts_proj_cell *cells, int yi) {
  int best = -1;
  double best_mape = 0;
  for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
    double mape;
    if (!cells[yi * TS_PROJ_N_FIXED + m].ok) continue;
    if (method_mape(g, cells, yi, m, &mape)) continue;
    if (best < 0 || mape < best_mape) best = m, best_mape = mape;
  }
  return best < 0 ? TS_PROJ_AUTO : (ts_proj_method)best;
}

static void set_interval(const ts_proj_grid *g, const ts_proj_cell *cells,
                         int yi, ts_proj_method m, double level,
                         ts_proj_estimate *out) {
  const ts_proj_cell *c = &cells[yi * TS_PROJ_N_FIXED + m];
  double proj[TS_PROJ_MAX_HISTORY], actual[TS_PROJ_MAX_HISTORY];
  int n = 0;
  /* The latest 64 earlier years are plenty for an error distribution. */
  for (int yj = yi - 1; yj >= 0 && n < TS_PROJ_MAX_HISTORY; yj--) {
    const ts_proj_cell *e = &cells[yj * TS_PROJ_N_FIXED + m];
    if (!e->ok || ts_proj_actual(g, yj, &actual[n])) continue;
    proj[n++] = e->value;
  }
  out->interval_ok = !ts_proj_error_interval_cached(proj, actual, n, c->value, level,
                                                    g->quantiles, &out->low, &out->high);
  if (!out->interval_ok && !out->interval_note) out->interval_note = NOTE_INTERVAL;
}

void ts_projection_from_backtest(const ts_proj_grid *g, const ts_proj_cell *cells,
                                 int yi, int k, ts_proj_method m, double level,
                                 ts_proj_estimate *out) {
  memset(out, 0, sizeof(*out));
  (void)k;
  if (m == TS_PROJ_AUTO) {
    m = auto_choice(g, cells, yi);
    if (m == TS_PROJ_AUTO) {
      m = TS_PROJ_PRIOR_SHARE;
      out->interval_note = NOTE_AUTO_FALLBACK;
    }
  }
  const ts_proj_cell *c = &cells[yi * TS_PROJ_N_FIXED + m];
  out->method = m;
  out->ok = c->ok;
  out->projection = c->ok ? c->value : 0;
  out->note = c->ok ? NULL : c->note;
  out->detail = c->ok ? c->detail : NULL;
  if (c->ok && level > 0) set_interval(g, cells, yi, m, level, out);
}

int ts_projection_estimate(const ts_proj_grid *g, int yi, int k,
                           ts_proj_method m, double level,
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
  int n_years = yi + 1;
  ts_proj_cell *cells =
      sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)n_years * TS_PROJ_N_FIXED);
  if (cells == NULL) return SQLITE_NOMEM;
  int rc = ts_projection_backtest(g, k, ts_projection_mask(m), n_years, cells);
  if (rc == SQLITE_OK) ts_projection_from_backtest(g, cells, yi, k, m, level, out);
  sqlite3_free(cells);
  return rc;
}

int ts_proj_grid_build(ts_period_kind kind, const ts_point *a, int n, int slot,
                       ts_proj_grid *g) {
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
  for (int i = 0; i < n; i++) {
    ts_period p;
    if (a[i].sum[slot].count <= 0) continue;
    ts_period_from_ordinal(kind, a[i].ordinal, &p);
    sqlite3_uint64 at = (sqlite3_uint64)(p.year - first.year) * P + p.sub - 1;
    value[at] = ts_sum_double(&a[i].sum[slot]);
    present[at] = 1;
  }
  for (sqlite3_uint64 i = 0; i < cells; i++) if (!present[i]) value[i] = 0;
  g->value = value;
  g->present = present;
  for (int yi = 0; yi < g->n_years; yi++) {
    year_total[yi] = 0;
    year_complete[yi] = !range_sum(g, yi, 1, P, &year_total[yi]);
  }
  g->year_total = year_total;
  g->year_complete = year_complete;
  return SQLITE_OK;
}

void ts_proj_grid_free(ts_proj_grid *g) {
  sqlite3_free((void *)g->value);
  memset(g, 0, sizeof(*g));
}
