/*
** projection_auto.c -- `auto`: a combination of the fixed methods weighted
** by how well each projected earlier years from the same point.
**
** Contract (year index yi, the backtest cells of every fixed method):
**  1. Candidates are the fixed methods that can project year yi.  Those
**     farther from the median of the candidates' projections than the
**     median's own size (|p - median| > |median|) are left out as outliers
**     (on real series, the methods that add last year's amounts after a
**     series collapsed); if that leaves none, all are kept.
**  2. Each remaining method is scored by its mean absolute percentage
**     error over the complete earlier years (non-zero total) it projected;
**     one such year is enough.  Its weight is 1 / score^2 (inverse squared
**     error, Bates-Granger style), normalised to sum 1.  Methods that were
**     exact in every scored year (MAPE <= 1e-12) share all the weight; methods without a
**     scored year get none.  With no scored method at all the candidates
**     get equal weights (detail says so).
**  3. The projection is the weighted mean of the methods' projections.
**     `method` is the single method when one has all the weight, else
**     TS_PROJ_AUTO with the weights in weight[] (ts_proj_auto_describe()
**     prints them).
**  4. The interval applies the same weights to the same methods'
**     projections of earlier years (renormalised over those available in
**     each year) and sizes the interval from those combined projections'
**     errors exactly as for a fixed method (projection_interval.c).  Only
**     years before yi are used, for the weights and for the interval.
**  5. Auto projects whenever run_rate can (a complete year-to-date);
**     otherwise it is NULL with run_rate's note.  Deterministic.
*/
#include "projection.h"

#include <math.h>
#include <stdio.h>

#define NOTE_INTERVAL "fewer than 3 earlier years for an interval"
#define DETAIL_EQUAL "auto: no earlier year to judge the methods by, equal weights"
#define N TS_PROJ_N_FIXED
#define EXACT 1e-12 /* a MAPE this small is an exact method */

static const ts_proj_cell *cell_at(const ts_proj_cell *cells, int yi, int m) {
  return &cells[yi * N + m];
}

/* Median of n <= N values (sorted in place). */
static double median_of(double *v, int n) {
  for (int i = 1; i < n; i++)
    for (int k = i; k > 0 && v[k] < v[k - 1]; k--) {
      double t = v[k]; v[k] = v[k - 1]; v[k - 1] = t;
    }
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* Item 1: candidates[m] = 1 for the methods kept; returns how many. */
static int pick_candidates(const ts_proj_cell *cells, int yi, int *candidate) {
  double v[N];
  int n = 0, kept = 0;
  for (int m = 0; m < N; m++) {
    const ts_proj_cell *c = cell_at(cells, yi, m);
    if (c->ok) v[n++] = c->value;
  }
  if (n == 0) return 0;
  double median = median_of(v, n);
  for (int m = 0; m < N; m++) {
    const ts_proj_cell *c = cell_at(cells, yi, m);
    candidate[m] = c->ok && fabs(c->value - median) <= fabs(median);
    kept += candidate[m];
  }
  if (kept == 0) {
    for (int m = 0; m < N; m++) kept += candidate[m] = cell_at(cells, yi, m)->ok;
  }
  return kept;
}

/* MAPE of method m over complete earlier years; 1 if none was scored. */
static int method_mape(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                       int m, double *mape) {
  double total_error = 0;
  int scored = 0;
  for (int yj = 0; yj < yi; yj++) {
    const ts_proj_cell *c = cell_at(cells, yj, m);
    double actual;
    if (!c->ok || ts_proj_actual(g, yj, &actual) || actual == 0) continue;
    total_error += fabs(c->value - actual) / fabs(actual);
    scored++;
  }
  if (scored == 0) return 1;
  *mape = total_error / scored;
  return 0;
}

/* Item 2: weight[] (sum 1); returns 0 when no candidate was scored. */
static int auto_weights(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                        const int *candidate, double *weight) {
  double score[N];
  int scored[N], n_scored = 0, n_exact = 0;
  for (int m = 0; m < N; m++) {
    weight[m] = 0;
    scored[m] = candidate[m] && !method_mape(g, cells, yi, m, &score[m]);
    n_scored += scored[m];
    n_exact += scored[m] && score[m] <= EXACT;
  }
  double total = 0;
  for (int m = 0; m < N; m++) {
    if (n_scored == 0) weight[m] = candidate[m];
    else if (!scored[m]) weight[m] = 0;
    else if (n_exact) weight[m] = score[m] <= EXACT;
    else weight[m] = 1.0 / (score[m] * score[m]);
    total += weight[m];
  }
  for (int m = 0; m < N; m++) weight[m] /= total;
  return n_scored > 0;
}

/* Weighted mean of the available methods' projections of year yj. */
static int combined(const ts_proj_cell *cells, int yj, const double *weight,
                    double *out) {
  double sum = 0, total = 0;
  for (int m = 0; m < N; m++) {
    const ts_proj_cell *c = cell_at(cells, yj, m);
    if (weight[m] == 0 || !c->ok) continue;
    sum += weight[m] * c->value;
    total += weight[m];
  }
  if (total == 0) return 1;
  *out = sum / total;
  return 0;
}

/* Item 4. */
static void auto_interval(const ts_proj_grid *g, const ts_proj_cell *cells,
                          int yi, double level, ts_proj_estimate *out) {
  double proj[64], actual[64];
  int n = 0;
  for (int yj = yi - 1; yj >= 0 && n < 64; yj--) {
    if (ts_proj_actual(g, yj, &actual[n])) continue;
    if (combined(cells, yj, out->weight, &proj[n]) == 0) n++;
  }
  out->interval_ok = !ts_proj_error_interval(proj, actual, n, out->projection,
                                             level, &out->low, &out->high);
  if (!out->interval_ok) out->interval_note = NOTE_INTERVAL;
}

void ts_proj_auto(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                  double level, ts_proj_estimate *out) {
  int candidate[N] = {0};
  out->method = TS_PROJ_AUTO;
  if (pick_candidates(cells, yi, candidate) == 0) {
    out->ok = 0;
    out->note = cell_at(cells, yi, TS_PROJ_RUN_RATE)->note;
    return;
  }
  if (!auto_weights(g, cells, yi, candidate, out->weight)) out->detail = DETAIL_EQUAL;
  int only = -1, used = 0;
  for (int m = 0; m < N; m++) {
    if (out->weight[m] > 0) only = m, used++;
  }
  combined(cells, yi, out->weight, &out->projection);
  out->ok = isfinite(out->projection);
  if (used == 1) {
    out->method = (ts_proj_method)only;
    if (!out->detail) out->detail = cell_at(cells, yi, only)->detail;
  }
  if (out->ok && level > 0) auto_interval(g, cells, yi, level, out);
}

int ts_proj_auto_describe(const ts_proj_estimate *e, char *buf, int size) {
  int order[N], n = 0, len = 0;
  for (int m = 0; m < N; m++) {
    if (e->weight[m] >= 0.005) order[n++] = m;
  }
  for (int i = 1; i < n; i++) /* by weight, heaviest first; ties by list */
    for (int k = i; k > 0 && e->weight[order[k]] > e->weight[order[k - 1]]; k--) {
      int t = order[k]; order[k] = order[k - 1]; order[k - 1] = t;
    }
  buf[0] = 0;
  for (int i = 0; i < n && len < size; i++) {
    len += snprintf(buf + len, (size_t)(size - len), "%s%s %.0f%%", i ? " + " : "",
                    ts_proj_method_name((ts_proj_method)order[i]),
                    100.0 * e->weight[order[i]]);
  }
  return len < size ? 0 : 1;
}
