/*
** projection/projection_auto.c -- `auto`: the ranking of the fixed
** methods by their past errors, the rules that combine them, and the
** choice of rule (see projection.h).  The errors it ranks by, own and
** pooled, and auto's intervals are projection_errors.c; what the two
** share, projection_errors.h.
**
** Contract (items numbered as in projection_core.c and
** projection_errors.c; year y, periods 1..k of P known, ytd their sum):
**  3. auto combines the seven.  Each method that projects year y is ranked
**     by its mean absolute percentage error |actual - projection| /
**     |actual| (the measure projections are judged by; item 4's log
**     error r sizes the intervals) over the latest 4 earlier years: the
**     pool's (other series, same point of the year,
**     >= 5 errors; each error divided by the square root of its series'
**     volatility then, ts_proj_volatility: the mean absolute change from
**     period to period of the growth over a year earlier, the latest 3
**     years) when there is one, else its own (>= 3; fewer: not
**     ranked; and when no method has the pool's, one method it uses
**     with fewer leaves every method unranked: see ts_proj_candidates()).  Five
**     rules combine the ranked methods: the median of the best 5
**     weighted by 1 / d^2 (the value where the weights, sorted by
**     value, reach half their total), the best alone, the mean of the
**     best 3 weighted by 1 / d^2, the mean of the best 5 without the
**     highest and lowest, the median of every method; methods without
**     error (d = 0) win alone.  Each rule's projections of earlier years
**     (made the same way) have errors too, pooled in the same pool (bit
**     TS_PROJ_AUTO of ts_proj_pool_add); auto uses the rule with the
**     smallest mean percentage error in the latest 4 earlier years, ranked as the
**     methods are (ties to the best alone, then in list order), the
**     weighted median while no rule can be judged.  With no method
**     ranked: the plain median of every method's projection.
**     linear joins only once the series has a complete earlier year (a
**     line through part of a year mostly follows the season: 2-4 times
**     run_rate's errors in series' first years), so a first year's auto
**     is run_rate; when auto uses one method, its errors are that
**     method's (item 4).
**     `detail` says which rule, or that one method was used alone; the
**     method column reads "auto".  The pool's
**     rule errors are complete only after every series was added, so
**     ts_projection_from_backtest makes auto's answer again from the fixed
**     cells (the backtest's auto column may predate them).
**  3b. Ranked by own errors alone (no method has the pool's at the point
**     projected from, every method auto uses has 3 or more of its own
**     there) in a year of P periods, P a multiple of 4: each method, and
**     each rule (its projections there made the same way), is ranked by
**     its errors in the latest 4 earlier years from every quarter end
**     (periods P/4, P/2, 3P/4) and from k, each divided by the median
**     percentage error of the methods auto uses at that origin (year and
**     cut-off; 3 or more, median > 0), and averaged; the count of 3 is
**     still of errors from k itself.  A series alone has 3-4 errors per
**     method at one point, too few to rank seven; its other points of
**     the same earlier years triple them, and the division keeps early
**     cut-offs, where every method errs more, from deciding.  Only
**     earlier years are read (each complete before the year projected),
**     so a row is still the projection from the series cut at its point.
**     The cut-offs' backtests are the grid's cache (ts_proj_cuts, made on
**     first use from the backtest's first year, cuts->from); without room
**     for one each cell is made alone, the same number.  Measured, series
**     alone over every point of the year (PROJ_NOPOOL=1): 3.96 / 2.65 /
**     21.32 -> 3.91 / 2.64 / 21.16 % (synthetic quarterly / monthly /
**     KOSIS), ahead or equal on both halves; R's series on H1 (no pool)
**     2.16 -> 1.83 % quarterly, 1.43 -> 1.44 % monthly; pooled sets
**     unchanged (docs/design.md, Annual projection).
**     Measured (make bench-accuracy): ranked by own errors shrunk toward
**     the pool's, always the weighted median: MAPE 3.90 / 2.60 / 23.0 %
**     (synthetic quarterly / monthly / KOSIS); ranked by the pool and the
**     rule chosen: 3.88 / 2.63 / 16.0 %; methods and rules ranked by the
**     percentage error instead of |r|, chosen on the even half of the
**     series and confirmed on the odd: KOSIS 15.51 -> 15.42 / 16.39 ->
**     16.38 % by halves (run_rate 15.16 / 16.31; a year whose total is 0
**     has no percentage error and is left out), the synthetic sets
**     within 0.01 (docs/design.md, Annual projection).
*/
#include "projection/projection_errors.h"

#include <math.h>

#define AUTO_TOP    5 /* the weighted and trimmed rules use the best 5 */
#define INV_MSE_TOP 3

static const char *const RULE_DETAIL[N_RULES] = {
    "auto: the median of the 5 methods with the smallest past errors, weighted by their accuracy",
    "auto: the method with the smallest past errors",
    "auto: the mean of the 3 methods with the smallest past errors, weighted by 1 / error^2",
    "auto: the mean of the 5 methods with the smallest past errors, highest and lowest left out",
    "auto: the median of the methods"};
static const char DETAIL_AUTO_MEDIAN[] =
    "auto: no past errors to judge by, the median of the methods";
static const char DETAIL_AUTO_FEW[] =
    "auto: too few past errors to judge every method by, the median of the methods";
/* auto when one method alone projects the year: its value, not a median. */
static const char *const ONLY_DETAIL[TS_PROJ_N_FIXED] = {
    "auto: run_rate alone (the only method that projects this year)",
    "auto: prior_share alone (the only method that projects this year)",
    "auto: avg_share alone (the only method that projects this year)",
    "auto: snaive alone (the only method that projects this year)",
    "auto: linear alone (the only method that projects this year)",
    "auto: holt_winters alone (the only method that projects this year)",
    "auto: theta alone (the only method that projects this year)"};
static const char DETAIL_FIRST_YEAR[] = "auto: run_rate alone (no complete earlier year)";

/* Sorts v (and w, when given, alongside) ascending. */
static void sort_values(double *v, double *w, int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
      double t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
      if (w) t = w[j], w[j] = w[j - 1], w[j - 1] = t;
    }
}

static double median_of(double *v, int n) {
  sort_values(v, NULL, n);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The weighted median of v[0..n-1] (weights w > 0 summing to total): the
** value where the cumulative weight of the sorted values reaches half,
** the mean of the two values when it lands exactly on half. */
static double weighted_median(double *v, double *w, int n, double total) {
  sort_values(v, w, n);
  double cum = 0;
  for (int i = 0; i < n; i++) {
    cum += w[i];
    if (cum == total / 2 && i + 1 < n) return 0.5 * (v[i] + v[i + 1]);
    if (cum > total / 2) return v[i];
  }
  return v[n - 1];
}

/* Item 3: whether auto uses method m's projection of year yi: it has
** one, and for linear, the series has a complete year before yi (a line
** through less than a year of periods mostly follows the season: in
** series' first years linear's errors were 2-4 times run_rate's). */
static int auto_uses_cell(const ts_proj_grid *g, const ts_proj_cell *c, int yi, int m) {
  if (!c->ok) return 0;
  if (m != TS_PROJ_LINEAR) return 1;
  double total;
  for (int yj = yi - 1; yj >= 0; yj--)
    if (!ts_proj_actual(g, yj, &total)) return 1;
  return 0;
}

static int auto_uses(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, int m) {
  return auto_uses_cell(g, &cells[yi * TS_PROJ_N_CELLS + m], yi, m);
}

/* The one method auto uses in year yi, or -1 when it uses none or
** several: auto's projection is then that method's, and so are its
** errors. */
int ts_proj_only_method(const ts_proj_grid *g, const ts_proj_cell *cells, int yi) {
  int only = -1;
  for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
    if (!auto_uses(g, cells, yi, m)) continue;
    if (only >= 0) return -1;
    only = m;
  }
  return only;
}

/* The note of auto using method m alone in year yi: run_rate in a year
** with no complete year before it is the series' first year (linear
** waits for one, the other methods need earlier years). */
static const char *only_detail(const ts_proj_grid *g, int yi, int m) {
  double total;
  if (m != TS_PROJ_RUN_RATE) return ONLY_DETAIL[m];
  for (int yj = yi - 1; yj >= 0; yj--)
    if (!ts_proj_actual(g, yj, &total)) return ONLY_DETAIL[m];
  return DETAIL_FIRST_YEAR;
}

/* Item 3b: where a series is ranked by its own errors alone, the
** year's cut-offs it reads: the quarter ends (periods P/4, P/2, 3P/4 of
** a year of P periods, P a multiple of 4) and k; 0 when P is not a
** multiple of 4 (halves, years: nothing but k to read). */
static int cut_offs(int P, int k, int cut[4]) {
  int n = 0;
  if (P % 4 != 0 || k < 1 || k >= P) return 0;
  for (int q = 1; q <= 3; q++) {
    int c = q * P / 4;
    if (k < c && (n == 0 || cut[n - 1] < k)) cut[n++] = k;
    cut[n++] = c;
  }
  if (cut[n - 1] < k) cut[n++] = k;
  return n;
}

/* What the ranking of one year reads: the caller's cells, from cut-off
** k (the grid's cuts->k), and item 3b's of the other cut-offs. */
typedef struct rank_ctx {
  const ts_proj_grid *g;
  const ts_proj_cell *cells;
  int k; /* cells' cut-off; 0: unknown (item 3b off) */
} rank_ctx;

static rank_ctx ctx_of(const ts_proj_grid *g, const ts_proj_cell *cells) {
  rank_ctx x = {g, cells, g->cuts ? g->cuts->k : 0};
  return x;
}

/* The fixed methods' cells of year yj from cut-off kc, into row: the
** caller's for its own cut-off, else item 3b's backtest of kc, made on
** first use.  Without room for it (an allocation failed) each cell is
** made alone by ts_proj_fixed, the same number (projection_core.c item
** 2), and a year before the backtests' first (cuts->from) is failed as
** the backtest leaves it: a cache never changes a number. */
static void row_at(const rank_ctx *x, int yj, int kc, ts_proj_cell row[TS_PROJ_N_FIXED]) {
  ts_proj_cuts *c = x->g->cuts;
  const ts_proj_cell *cc = x->cells;
  if (kc != x->k) {
    if (c->cells[kc - 1] == NULL && !c->failed) {
      ts_proj_cell *a =
          sqlite3_malloc64(sizeof(ts_proj_cell) * (sqlite3_uint64)x->g->n_years * TS_PROJ_N_CELLS);
      if (a) ts_proj_backtest_fixed(x->g, kc, c->from, x->g->n_years, a);
      c->cells[kc - 1] = a;
      c->failed = a == NULL;
    }
    cc = c->cells[kc - 1];
  }
  for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
    if (cc) {
      row[m] = cc[yj * TS_PROJ_N_CELLS + m];
    } else if (yj < c->from) {
      ts_proj_cell_fail(&row[m], NULL);
      row[m].model_sd = -1;
    } else {
      ts_proj_fixed(x->g, yj, kc, (ts_proj_method)m, &row[m]);
    }
  }
}

/* |actual - v| / |actual| of a projection v of year yj with a defined
** error (ts_proj_pair_error) and a total not 0: 0 and *e, or 1. */
static int ape_of(const ts_proj_grid *g, int yj, double v, double *e) {
  double actual, r;
  if (ts_proj_actual(g, yj, &actual) || actual == 0 || ts_proj_pair_error(v, actual, &r)) return 1;
  *e = fabs(actual - v) / fabs(actual);
  return !isfinite(*e);
}

/* Item 3b: the scale of the origin (year yj, cut-off kc; row its cells),
** the median percentage error of the methods auto uses there: 0 and *m,
** or 1 with fewer than 3 such errors or a median of 0.  Kept per grid
** (made again each time when its room could not be allocated). */
static int origin_scale(const rank_ctx *x, const ts_proj_cell *row, int yj, int kc, double *m) {
  ts_proj_cuts *c = x->g->cuts;
  int P = x->g->periods_per_year;
  size_t at = (size_t)yj * P + kc - 1, n_at = (size_t)x->g->n_years * P;
  if (c->scale == NULL && !c->failed) {
    c->scale = sqlite3_malloc64(sizeof(double) * (sqlite3_uint64)n_at);
    c->failed = c->scale == NULL;
    for (size_t i = 0; c->scale && i < n_at; i++) c->scale[i] = NAN;
  }
  if (c->scale && !isnan(c->scale[at])) {
    *m = c->scale[at];
    return !(*m > 0);
  }
  double e[TS_PROJ_N_FIXED];
  int n = 0;
  for (int j = 0; j < TS_PROJ_N_FIXED; j++)
    if (auto_uses_cell(x->g, &row[j], yj, j) && !ape_of(x->g, yj, row[j].value, &e[n])) n++;
  double med = n >= 3 ? median_of(e, n) : -1;
  *m = med > 0 ? med : -1;
  if (c->scale) c->scale[at] = *m;
  return !(*m > 0);
}

static int candidates_own(const rank_ctx *x, int yi, int k, double cand[N_RULES], int *ranked);

/* Item 3b: the relative errors of slots (the methods m[0..n-1], or with
** rules set every rule) over the latest ERROR_YEARS earlier years at
** every cut-off of cut_offs(k): each origin's percentage error divided by
** its scale (origin_scale), summed into sum[i] and counted in cnt[i];
** same[i] counts those from cut-off k itself.  A rule's projection at an
** origin is made there the same way (candidates_own), and counts only
** where the methods were ranked. */
static void relative_errors(const rank_ctx *x, int yi, int k, const int *m, int n, int rules,
                            double *sum, int *cnt, int *same) {
  int cut[4], nc = cut_offs(x->g->periods_per_year, k, cut);
  int slots = rules ? N_RULES : n;
  for (int i = 0; i < slots; i++) sum[i] = 0, cnt[i] = 0, same[i] = 0;
  for (int yj = yi - ERROR_YEARS < 0 ? 0 : yi - ERROR_YEARS; yj < yi; yj++)
    for (int c = 0; c < nc; c++) {
      ts_proj_cell row[TS_PROJ_N_FIXED];
      double scale, e, cand[N_RULES];
      int ranked;
      row_at(x, yj, cut[c], row);
      if (origin_scale(x, row, yj, cut[c], &scale)) continue;
      if (rules && (candidates_own(x, yj, cut[c], cand, &ranked) || ranked <= 0)) continue;
      for (int i = 0; i < slots; i++) {
        if (!rules && !row[m[i]].ok) continue;
        if (ape_of(x->g, yj, rules ? cand[i] : row[m[i]].value, &e)) continue;
        sum[i] += e / scale, cnt[i] += 1;
        if (cut[c] == k) same[i] += 1;
      }
    }
}

/* The rules' projections of one year from its cells row, the methods in
** order[0..n-1] ranked (d their errors); every slot the median of all
** (`all`) first. */
static void combine(const ts_proj_cell *row, const int *order, int n, const double *d, double all,
                    double cand[N_RULES]) {
  for (int r = 0; r < N_RULES; r++) cand[r] = all;
  if (n == 0) return;
  if (d[order[0]] == 0) { /* methods without error: them alone */
    while (n > 1 && d[order[n - 1]] > 0) n--;
  }
  double v[TS_PROJ_N_FIXED] = {0}, w[TS_PROJ_N_FIXED] = {0}, total = 0, wsum = 0, wvsum = 0;
  int top = n < AUTO_TOP ? n : AUTO_TOP;
  for (int i = 0; i < top; i++) {
    v[i] = row[order[i]].value;
    w[i] = d[order[0]] == 0 ? 1 : 1 / (d[order[i]] * d[order[i]]);
    total += w[i];
    if (i < INV_MSE_TOP) wsum += w[i], wvsum += w[i] * v[i];
  }
  cand[RULE_BEST] = v[0];
  cand[RULE_INV_MSE] = wvsum / wsum;
  cand[RULE_WMEDIAN] = weighted_median(v, w, top, total); /* sorts v */
  double trimmed = 0;
  int lo = top >= 3 ? 1 : 0, hi = top >= 3 ? top - 1 : top;
  for (int i = lo; i < hi; i++) trimmed += v[i];
  cand[RULE_TRIMMED] = trimmed / (hi - lo);
}

/* Inserts method m with error d[m] into order[0..n-1] (by error, ties
** to the earlier method); returns n + 1. */
static int insert_ranked(int *order, int n, const double *d, int m) {
  int j = n;
  for (; j > 0 && d[order[j - 1]] > d[m]; j--) order[j] = order[j - 1];
  order[j] = m;
  return n + 1;
}

/* Item 3b: every rule's projection of year yi from cut-off k, the
** methods ranked by their relative errors (relative_errors), each with 3
** or more of them from k itself (fewer for one method auto uses: the
** plain median, *ranked = -1, as item 3).  Returns 1 when no method
** projects the year. */
static int candidates_own(const rank_ctx *x, int yi, int k, double cand[N_RULES], int *ranked) {
  ts_proj_cell row[TS_PROJ_N_FIXED];
  double d[TS_PROJ_N_FIXED], value[TS_PROJ_N_FIXED], sum[TS_PROJ_N_FIXED];
  int used[TS_PROJ_N_FIXED], cnt[TS_PROJ_N_FIXED], same[TS_PROJ_N_FIXED];
  int order[TS_PROJ_N_FIXED], n_used = 0, n = 0, unranked = 0;
  row_at(x, yi, k, row);
  for (int m = 0; m < TS_PROJ_N_FIXED; m++)
    if (auto_uses_cell(x->g, &row[m], yi, m)) value[n_used] = row[m].value, used[n_used++] = m;
  if (n_used == 0) return 1;
  relative_errors(x, yi, k, used, n_used, 0, sum, cnt, same);
  for (int i = 0; i < n_used; i++) {
    if (same[i] < 3) {
      unranked++;
      continue;
    }
    d[used[i]] = sum[i] / cnt[i];
    n = insert_ranked(order, n, d, used[i]);
  }
  *ranked = n > 0;
  if (n > 0 && unranked) n = 0, *ranked = -1;
  combine(row, order, n, d, median_of(value, n_used), cand);
  return 0;
}

/* Item 3: every rule's projection of year yi from the fixed cells.
** Returns 1 when no method projects the year.  *ranked = 1 when the
** methods were ranked; else every rule is the plain median, and
** *ranked = 0 when none could be, -1 when, ranked by the series' own
** errors alone (no method has the pool's), some method it uses has
** fewer than 3 of its own.  Those are the methods that fit on earlier
** years (holt_winters and theta on 2, the shares and snaive on 1), so
** what could be ranked first were run_rate and linear, the weakest on
** a seasonal series, and auto was run_rate: R's monthly series (H1)
** went from 1.79 to 1.46 % MAPE (theta 1.37).  With a pool, ranking
** what can be ranked stays better (the median there took KOSIS, every
** point of the year, from 15.50 / 16.39 to 16.52 / 16.82 % by halves).
** Ranked by own errors alone with every method ranked, item 3b's
** ranking replaces it when the grid has the cut-offs (*own3b = 1). */
static int candidates(const rank_ctx *x, int yi, double cand[N_RULES], int *ranked, int *own3b) {
  const ts_proj_grid *g = x->g;
  const ts_proj_cell *cells = x->cells;
  double d[TS_PROJ_N_FIXED], value[TS_PROJ_N_FIXED];
  int order[TS_PROJ_N_FIXED], n_ok = 0, n = 0, unranked = 0, pooled = 0;
  double scale[ERROR_YEARS];
  *own3b = 0;
  ts_proj_own_scales(g, yi, scale);
  for (int m = 0; m < TS_PROJ_N_FIXED; m++) {
    int from_pool;
    if (!auto_uses(g, cells, yi, m)) continue;
    value[n_ok++] = cells[yi * TS_PROJ_N_CELLS + m].value;
    if (ts_proj_rank_scale(g, cells, yi, m, scale, &d[m], &from_pool)) {
      unranked++;
      continue;
    }
    pooled |= from_pool;
    n = insert_ranked(order, n, d, m);
  }
  if (n_ok == 0) return 1;
  *ranked = n > 0;
  if (n > 0 && unranked && !pooled) n = 0, *ranked = -1; /* own errors of some */
  int cut[4];
  if (n > 0 && !pooled && x->k > 0 && cut_offs(g->periods_per_year, x->k, cut) > 0) {
    *own3b = 1; /* item 3b */
    return candidates_own(x, yi, x->k, cand, ranked);
  }
  combine(&cells[yi * TS_PROJ_N_CELLS], order, n, d, median_of(value, n_ok), cand);
  return 0;
}

int ts_proj_candidates(const ts_proj_grid *g, const ts_proj_cell *cells, int yi,
                       double cand[N_RULES], int *ranked) {
  rank_ctx x = ctx_of(g, cells);
  int own3b;
  return candidates(&x, yi, cand, ranked, &own3b);
}

/* Item 3: the rule auto uses in year yi -- the smallest rank_scale of the
** rules' own past projections (pooled over the source when it has
** enough), the weighted median when none can be judged yet.  Ties go to
** the best method alone, the simplest (rules tie when they made the same
** projections: with two methods ranked every rule but the median of all
** is the best one; the weighted median winning that tie then brought the
** unjudged methods in: KOSIS 16.12 -> 15.95 % MAPE), then in list order.
** own3b (the methods ranked by item 3b): the rules judged the same way,
** by their relative errors with 3 or more from k itself. */
static const int RULE_ORDER[N_RULES] = {RULE_BEST, RULE_WMEDIAN, RULE_INV_MSE, RULE_TRIMMED,
                                        RULE_MEDIAN_ALL};

static int choose_rule(const rank_ctx *x, int yi, int own3b) {
  int best = RULE_WMEDIAN;
  double best_d = -1, d, scale[ERROR_YEARS];
  if (own3b) {
    double sum[N_RULES];
    int cnt[N_RULES], same[N_RULES];
    relative_errors(x, yi, x->k, NULL, 0, 1, sum, cnt, same);
    for (int i = 0; i < N_RULES; i++) {
      int r = RULE_ORDER[i];
      if (same[r] < 3) continue;
      d = sum[r] / cnt[r];
      if (best_d < 0 || d < best_d) best = r, best_d = d;
    }
    return best;
  }
  ts_proj_own_scales(x->g, yi, scale);
  for (int i = 0; i < N_RULES; i++) {
    int r = RULE_ORDER[i];
    if (ts_proj_rank_scale(x->g, x->cells, yi, TS_PROJ_N_FIXED + r, scale, &d, NULL)) continue;
    if (best_d < 0 || d < best_d) best = r, best_d = d;
  }
  return best;
}

/* Auto's projection of year yi from the fixed cells; *rule the rule used
** (RULE_MEDIAN_ALL when no method could be ranked). */
void ts_proj_auto_cell(const ts_proj_grid *g, const ts_proj_cell *cells, int yi, ts_proj_cell *out,
                       int *rule) {
  double cand[N_RULES];
  int ranked, own3b;
  rank_ctx x = ctx_of(g, cells);
  out->model_sd = -1;
  if (candidates(&x, yi, cand, &ranked, &own3b)) {
    const ts_proj_cell *ps = &cells[yi * TS_PROJ_N_CELLS + TS_PROJ_PRIOR_SHARE];
    ts_proj_cell_fail(out, ps->note ? ps->note : cells[yi * TS_PROJ_N_CELLS].note);
    *rule = RULE_MEDIAN_ALL;
    return;
  }
  *rule = ranked > 0 ? choose_rule(&x, yi, own3b) : RULE_MEDIAN_ALL;
  ts_proj_cell_set(out, cand[*rule]);
  out->detail = ranked > 0 ? RULE_DETAIL[*rule] : ranked ? DETAIL_AUTO_FEW : DETAIL_AUTO_MEDIAN;
  int only = ts_proj_only_method(g, cells, yi); /* every rule gives its value */
  if (only >= 0) out->detail = only_detail(g, yi, only);
}

void ts_projection_auto_fill(const ts_proj_grid *g, int k, int n_years, ts_proj_cell *cells) {
  int rule;
  if (g->cuts) g->cuts->k = k; /* item 3b: the cells' cut-off */
  for (int yi = 0; yi < n_years; yi++)
    ts_proj_auto_cell(g, cells, yi, &cells[yi * TS_PROJ_N_CELLS + TS_PROJ_AUTO], &rule);
}
