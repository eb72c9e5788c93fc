/*
** projection/holt_winters.c -- Holt-Winters with no, additive or damped trend and
** additive or multiplicative seasonality, parameters fitted by
** Nelder-Mead and Levenberg-Marquardt, the model chosen by AICc,
** degenerate fits refused.
**
** Contract:
**  1. The model is the error-correction (state-space) form: with the
**     one-step error e = y - yhat and damping phi,
**        additive:        yhat = l + phi b + s,  l += phi b + a e,
**                         b = phi b + B e,  s += g e
**        multiplicative:  yhat = (l + phi b) s,  l += phi b + a e / s,
**                         b = phi b + B e / s,  s += g e / (l + phi b)
**     with B = a * beta*, 0 < a, beta* < 1, 0 < g < 1 - a.  The trend is
**     none (b = 0), additive (phi = 1) or damped (phi fitted in
**     [0.8, 0.98]); the forecast h steps ahead uses
**     (phi + phi^2 + ... + phi^h) b.
**  2. Starting states come from the first two seasons: the trend is the
**     change between their means (0 without a trend), the seasonal states
**     the average deviation (ratio) from that line, normalised to sum 0
**     (mean 1).  So a pure seasonal pattern, and a straight line plus a
**     seasonal pattern, are fitted with zero error and reproduced exactly.
**  3. The free parameters (a, g; beta* with a trend; phi when damped) are
**     fitted by minimising the sum of squared one-step errors over every
**     observation, on logistic transforms (x = logit of a, g / (1 - a),
**     beta*, (phi - 0.8) / 0.18).  A cold fit: a rough Nelder-Mead search
**     (stopping at a 3e-2 relative spread of the simplex's values) from
**     each of four fixed starting points, the best polished by a local one
**     (1e-3), then by Levenberg-Marquardt.  Levenberg-Marquardt: the filter
**     carries the one-step errors' derivatives with respect to a, g, B and
**     phi alongside its states (forward mode: the recursion
**     differentiated, its lanes in vector types, two to an instruction
**     and with AVX2 four; about 4 plain passes' instructions), so one
**     pass gives
**     the SSE, J'e and J'J; each step solves the damped Gauss-Newton
**     system on the logit scale, inside [-20, 20] there (every parameter
**     strictly inside its bounds), until a step gains less than 1e-3 of
**     the SSE, or the model predicts it would, or a full Gauss-Newton
**     step gained what the model predicted to within 1e-3 of the SSE (the
**     model is exact there: the next step would gain about that mismatch;
**     it saves the derivative pass that would only have confirmed it), 20
**     steps at most.  It converges in a few passes from a nearby point,
**     where Nelder-Mead spends tens; from far it settles in worse optima
**     than Nelder-Mead's wide simplex (measured on the unit tests'
**     series: 2 % worse SSE at the median), hence the cold fit's
**     Nelder-Mead.  Each filter (plain and with derivatives) is compiled
**     once per model form, its branches on the form folded, and on x86
**     once more for AVX2, chosen per pass by the processor (the same
**     IEEE operations in the same order: the same numbers bit for bit).
**     The filters are holt_winters_filter.c (four points in one pass:
**     holt_winters_lanes.c), the searches holt_winters_fit.c; this file
**     chooses among the fits.
**     Deterministic.  The fit is a local optimum: a different search can
**     settle on a different one (the reference's example, 832.7, became
**     832.8 when the cold fit's Nelder-Mead replaced four full searches).
**  4. Candidates: each trend with additive seasonality, and with
**     multiplicative seasonality when every value is positive and at
**     least 5 % of the series' mean (near-zero values make the seasonal
**     ratios explode).  The one with the smallest AICc,
**     n ln(SSE / n) + 2 k + 2 k (k + 1) / (n - k - 1) with k the free
**     parameters (SSE floored at 1e-20 of sum y^2, so exact fits tie and
**     the simpler model wins), is used -- unless its forecast is
**     degenerate: not finite, negative for a series with no negative
**     value, or a period more than the range R = max - min of the last
**     two seasons beyond [min - R, max + R].  Then the best candidate
**     whose forecast is not degenerate is used (model->fallback = 1), and
**     with none the seasonal naive forecast (the same periods one season
**     earlier, model->fallback = 2).
**  5. The standard deviation of the forecast total over h periods is
**     sigma * sqrt(sum_i (1 + sum_{j<=h-i} c_j)^2), c_j = a + B (phi +
**     .. + phi^j) + g [j mod m == 0] (exact for the additive model; the
**     multiplicative one uses its relative errors scaled by the forecast
**     level), sigma with n - k degrees of freedom.  -1 after fallback 2.
**  6. Needs n >= 2 m; m is 2, 4 or 12; h <= 12.  Nothing allocates.  The
**     work per call is bounded: six candidates, each at most five
**     Nelder-Mead searches of 400 evaluations and one Levenberg-Marquardt
**     search of 20 steps.
**  7. Screens (every call; warm start: ts_holt_winters_forecast_warm, the
**     backtest fits the same series year after year, each time with one
**     more year).  Every candidate first gets a cheap fit: with an
**     earlier fit its optimum there, evaluated (pulled into [-3, 3] on
**     the logit scale, off the logistic's flat ends); without, the cold
**     fit's rough search from the fixed start where the SSE is smallest.
**     The full fits go in order of the cheap AICc, best first.  Warm,
**     those within 10 of the best AICc so far -- the best cheap one, or
**     once a candidate has had its full fit the best full fit's, which
**     is lower -- are refitted by Levenberg-Marquardt from the previous
**     optimum; cold, those within 20 of the best cheap AICc get the rest
**     of item 3's cold fit (ending where the whole cold fit would) --
**     or, behind a full fit already made, Levenberg-Marquardt from their
**     rough search's point, and the rest of the cold fit only if that
**     puts them ahead (so the model chosen always had the whole cold
**     fit).  The others keep the cheap fit (10 AICc behind, Akaike
**     weight < 7e-3: practically never chosen, only possibly a fallback;
**     a rough search's AICc is looser, hence 20: at 10 and 15 the small
**     synthetic monthly set's MAPE rose 2.73 -> 2.77).  The unit tests
**     pin the shortcuts: along a warm chain the chosen model's SSE is
**     within 0.5 % of its full fit from the same start and no candidate's
**     full fit beats it by more (but the ones out of the race, below);
**     the predicted-gain stop loses less than
**     0.5 % against the search without it.
**     Measured on the accuracy report (make bench-accuracy): the cold
**     screen and the predicted-gain stop left holt_winters' and auto's
**     MAPE as they were to 0.01 point on every data set but KOSIS (92.24
**     -> 92.22; its small set beside R 44.01 -> 44.03); with the per-form
**     filters the benchmark's holt_winters task took 0.75 x the
**     instructions (8.60 G -> 6.41 G at scale 0.1; the filters alone,
**     the same numbers, 6.84 G).  Refitting warm candidates that one
**     Levenberg-Marquardt step left 4 AICc behind no further saved about
**     0.1 x more, but moved the MAPE (synthetic quarterly 4.10 -> 4.11,
**     auto monthly 2.63 -> 2.64).
**     Since (instructions of the same task at scale 0.03, callgrind:
**     1.85 G -> 1.79 G): the additive-trend filters fold phi = 1 and the
**     derivative pass leaves out phi's products there (the same numbers
**     bit for bit).  Then (1.79 G -> 1.56 G) the warm screen's bar drops
**     to the best full fit once there is one (refits go best first).
**     MAPE before -> after, holt_winters:
**     synthetic quarterly 4.10 -> 4.10, monthly 2.74 -> 2.74, KOSIS
**     92.22 -> 92.18; auto 3.88 -> 3.88, 2.63 -> 2.64, 16.12 -> 16.12;
**     the small sets beside R, holt_winters 4.18 -> 4.22, 2.73 -> 2.79,
**     44.03 -> 43.98, 1.80 -> 1.80, 1.83 -> 1.79 (auto 3.98 -> 3.99,
**     2.16 -> 2.17, 15.24, 2.09 -> 1.97, 1.79 -> 1.81).  Then the cold
**     shortcut above (the other three rough searches and the polish
**     were 40 % of the instructions): 1.56 G -> 1.21 G; against the
**     first numbers, holt_winters 4.10, 2.74, KOSIS 92.45 (its median
**     APE 9.37 -> 9.34); auto 3.89, 2.64, 16.13; small sets 4.20, 2.82,
**     44.04, 1.80, 1.79 (auto 3.95, 2.15, 15.24, 1.97, 1.82).
**     Before (the warm screen alone, Levenberg-Marquardt refits against
**     the Nelder-Mead ones they replaced): the same MAPE to 0.01 point on
**     the synthetic sets, KOSIS 96.0 -> 92.2; the screen at 10 instead
**     of 20 changed holt_winters' MAPE by at most 0.01 point; at 5 the
**     monthly MAPE rose by 0.02.  (A Nelder-Mead local search alone had
**     lost accuracy: it stops early in a worse basin.)
**     Since, the same numbers bit for bit (the accuracy report's output
**     unchanged byte for byte; instructions of the task at scale 0.1,
**     callgrind, 4.01 G -> 3.07 G): the derivative lanes two by two in
**     vector types (3.92 G), the logit-scale transform over the
**     Jacobian's nonzero entries (3.87 G), the filters compiled again
**     for AVX2 (3.35 G) with the four lanes of a trend in one vector
**     (3.15 G), the transform over the structural nonzeros (3.13 G),
**     the multiplicative filters' sign check once a pass (3.07 G).
**     Measured and left out (MAPE moves; instructions against 4.09 G,
**     the build before these, 3.87 G for the fourth and fifth, 3.13 G
**     for the last): the warm screen at 5 or 3 AICc (3.30 G, 3.08 G; small
**     synthetic quarterly 4.20 -> 4.43, 4.37), one Levenberg-Marquardt
**     step per warm refit (2.88 G; KOSIS 92.45 -> 94.13, R quarterly
**     1.80 -> 2.08), warm stopping tolerance 1e-2 (3.29 G; KOSIS 95.40),
**     warm candidates refitted only when the Gauss-Newton model at their
**     previous optimum predicts them within 2 or 4 AICc of the best full
**     fit (3.50 G, 3.66 G; a unit test's bound broken), the previous
**     optima pulled into [-6, 6] or not at all (3.69 G, 3.07 G;
**     synthetic quarterly 4.10 -> 4.26, 4.42, KOSIS 92.45 -> 84.9), and
**     plain passes cut short once past the value a trial must beat (the
**     same numbers, 3.14 G: trials are rarely rejected early enough).
**     Since, the same numbers bit for bit again (3.045 G -> 2.82 G at
**     scale 0.1): plain passes four points at a time, a point to a
**     vector lane (ts_hw_objectives, ts_hw_objective_forms) --
**     Nelder-Mead's four trial points of an iteration, chosen among as
**     the one-at-a-time search would, its first simplex and shrink, the
**     four fixed starts, and the warm screen's three trends of one
**     seasonality (each lane its own starting states).  Then, the same
**     numbers again (2.826 G -> 2.733 G): the logit-scale transform
**     written over the Jacobian's structural nonzeros, the degenerate
**     check's sign scan once a forecast, and the four-point pass's
**     starting states broadcast when every lane is one series and form.
**     Fewer warm refits
**     (the latest season's errors within noise of the rest, trailing
**     candidates giving up on the Gauss-Newton model's gain, a looser
**     tolerance) moved the report: docs/performance.md.  Then racing
**     (2.735 G -> 2.180 G, the report better summed over its data sets:
**     docs/performance.md): a warm candidate that ended HW_RACE or more
**     AICc behind the best at the previous cut-off is refitted only when
**     its cheap AICc leads (no HW_SCREEN margin); a kept one that ends
**     best is refitted (fit_candidates), so the model used has the full
**     fit.  Out until the restart, the calendar restart from the last
**     warm optimum, or one cold start instead of four moved it the wrong
**     way.  Then, the same numbers (2.170 G -> 2.106 G): one scan of y
**     for the AICc's floor, the multiplicative test and the negative
**     check, item 2's starting states compiled per form, and
**     Levenberg-Marquardt and Nelder-Mead compiled per dimension.  Then,
**     the same numbers (2.211 G -> 2.109 G, the earlier figures' command
**     on a later build): the cold fit's rough searches side by side --
**     the three trends' first ones, and the other three starts' --
**     sharing four-point passes, each search's reflection first and the
**     lanes left over its other trial points (nm_runs).
*/
#include "projection/holt_winters_fit.h"

#include <float.h>
#include <math.h>

#define HW_SCREEN      10.0 /* refit candidates within this AICc of the best */
#define HW_COLD_SCREEN 20.0 /* and cold, on the first rough search's AICc */
/* Racing: a warm candidate that ended this AICc or more behind the best at
** the previous cut-off is refitted only if its cheap AICc leads. */
#define HW_RACE 1.0

/* Multiplicative seasonality needs values well away from zero (item 4). */
int ts_hw_multiplicative_allowed(const double *y, int n) {
  double sum = 0, low = y[0];
  for (int t = 0; t < n; t++) {
    if (!(y[t] > 0)) return 0;
    sum += y[t];
    if (y[t] < low) low = y[t];
  }
  return low >= 0.05 * (sum / n);
}

/* What the fit reads of y as a whole, in one scan: sum y^2 (the AICc's
** floor), whether multiplicative seasonality is allowed (as
** ts_hw_multiplicative_allowed: the same sum in the same order) and
** whether a value is negative (the degenerate check). */
typedef struct hw_scan {
  double sum_sq;
  int mult_ok, has_negative;
} hw_scan;

static void scan_series(const double *y, int n, hw_scan *out) {
  double sum = 0, sum_sq = 0, low = y[0];
  int positive = 1, negative = 0;
  for (int t = 0; t < n; t++) {
    double v = y[t];
    positive &= v > 0;
    negative |= v < 0;
    sum += v;
    sum_sq += v * v;
    low = v < low ? v : low;
  }
  out->sum_sq = sum_sq;
  out->mult_ok = positive && low >= 0.05 * (sum / n);
  out->has_negative = negative;
}

/* sd factor of the sum of the next h one-step errors' effect (item 5). */
static double sum_sd_factor(const ts_hw_model *model, int m, int h) {
  double var = 0;
  for (int i = 1; i <= h; i++) {
    double w = 1.0, damp = 0, power = 1;
    for (int j = 1; j <= h - i; j++) {
      power *= model->phi;
      damp += power;
      w += model->alpha + model->beta * damp + (j % m == 0 ? model->gamma : 0.0);
    }
    var += w * w;
  }
  return sqrt(var);
}

/* Forecast path of a fitted model; returns the total of periods 1..h. */
static double hw_forecast_path(const ts_hw_model *model, int m, int next_pos, int h, double *path) {
  double total = 0, damp = 0, power = 1;
  for (int i = 1; i <= h; i++) {
    int j = (next_pos + i - 1) % m;
    power *= model->phi;
    damp += model->trend_kind == TREND_NONE ? 0 : power;
    double base = model->level + damp * model->trend;
    path[i - 1] = model->multiplicative ? base * model->season[j] : base + model->season[j];
    total += path[i - 1];
  }
  return total;
}

/* Item 4: a forecast no sane reading of the recent data supports
** (has_negative: whether y has a negative value). */
static int degenerate(const double *y, int n, int m, int has_negative, const double *path, int h) {
  double low = y[n - 1], high = y[n - 1];
  for (int t = n - 2 * m; t < n; t++) {
    if (y[t] < low) low = y[t];
    if (y[t] > high) high = y[t];
  }
  double range = high - low;
  for (int i = 0; i < h; i++) {
    if (!isfinite(path[i])) return 1;
    if (!has_negative && path[i] < 0) return 1;
    if (path[i] < low - range || path[i] > high + range) return 1;
  }
  return 0;
}

typedef struct hw_candidate {
  hw_data d;
  double x[HW_MAX_DIM];
  double sse, aicc;
} hw_candidate;

double ts_hw_aicc(double sse, double floor, int n, int k) {
  if (sse < floor) sse = floor;
  return n * log(sse / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
}

/* Fits candidate c into model (states after y[n-1]) and its forecast. */
static double hw_realise(const hw_candidate *c, int h, ts_hw_model *model, double *path,
                         double *rel_sse) {
  hw_params p;
  ts_hw_params_from_x(&c->d, c->x, &p);
  model->multiplicative = c->d.multiplicative;
  model->trend_kind = c->d.trend;
  model->alpha = p.alpha;
  model->beta = p.beta;
  model->gamma = p.gamma;
  model->phi = p.phi;
  model->sse = ts_hw_run(&c->d, &p, model, rel_sse);
  return hw_forecast_path(model, c->d.m, (c->d.first_pos + c->d.n) % c->d.m, h, path);
}

/* Item 7's screen over the candidates of one fit: each one's cheap fit
** (point, SSE, AICc), whether it is cold, and its starting states. */
typedef struct hw_screen {
  int n, mult_ok;
  double floor, best; /* AICc's SSE floor; the best cheap AICc */
  double cheap[HW_N_CAND], cheap_sse[HW_N_CAND], cheap_x[HW_N_CAND][HW_MAX_DIM];
  unsigned char is_cold[HW_N_CAND], behind[HW_N_CAND];
  hw_data data[HW_N_CAND]; /* item 2's starts, worked out once */
  hw_cold cold[HW_N_CAND];
} hw_screen;

/* Whether candidate id is one at all: multiplicative only where allowed,
** and more observations than its AICc needs. */
static int hw_eligible(const hw_screen *sc, int id) {
  return id / N_TREND <= sc->mult_ok && sc->n - ts_hw_dim(&sc->data[id]) - 1 > 0;
}

/* Every candidate's cheap fit: with warm holding an earlier fit, its
** previous optimum evaluated (the three trends of a seasonality in one
** pass, ts_hw_objective_forms); without, the cold fit's first rough
** search. */
static void screen_cheap(hw_screen *sc, const double *y, int n, int m, int first_pos,
                         const hw_scan *scan, ts_hw_warm *warm) {
  sc->n = n;
  sc->mult_ok = scan->mult_ok;
  sc->best = HW_INVALID;
  sc->floor = 1e-20 * scan->sum_sq + DBL_MIN;
  for (int id = 0; id < HW_N_CAND; id++) {
    hw_data *d = &sc->data[id];
    sc->cheap[id] = sc->cheap_sse[id] = HW_INVALID;
    sc->is_cold[id] = 0;
    sc->behind[id] = warm && warm->valid[id] && warm->behind[id];
    if (id / N_TREND > sc->mult_ok) continue;
    if (id % N_TREND == TREND_DAMPED) { /* item 2's start: the additive trend's */
      *d = sc->data[id - 1];
      d->trend = TREND_DAMPED;
    } else {
      ts_hw_data_init(d, y, n, m, first_pos, id / N_TREND, id % N_TREND);
    }
  }
  for (int mult = 0; warm && mult <= sc->mult_ok; mult++) {
    const hw_data *group[N_TREND];
    double x[N_TREND][HW_MAX_DIM], f[N_TREND];
    int ids[N_TREND], count = 0;
    for (int id = mult * N_TREND; id < (mult + 1) * N_TREND; id++) {
      if (!hw_eligible(sc, id) || !warm->valid[id]) continue;
      int k = ts_hw_dim(&sc->data[id]);
      for (int j = 0; j < HW_MAX_DIM; j++) x[count][j] = 0;
      for (int j = 0; j < k; j++) { /* off the logistic's flat ends */
        if (warm->x[id][j] > HW_WARM_BOUND) warm->x[id][j] = HW_WARM_BOUND;
        if (warm->x[id][j] < -HW_WARM_BOUND) warm->x[id][j] = -HW_WARM_BOUND;
        x[count][j] = sc->cheap_x[id][j] = warm->x[id][j];
      }
      group[count] = &sc->data[id];
      ids[count++] = id;
    }
    if (count) ts_hw_objective_forms(group, (const double(*)[HW_MAX_DIM])x, count, f);
    for (int i = 0; i < count; i++) sc->cheap_sse[ids[i]] = f[i];
  }
  for (int mult = 0; mult <= sc->mult_ok; mult++) { /* no usable earlier fit: cold */
    const hw_data *group[N_TREND];
    hw_cold *cold[N_TREND];
    double x[N_TREND][HW_MAX_DIM], f[N_TREND];
    int ids[N_TREND], count = 0;
    for (int id = mult * N_TREND; id < (mult + 1) * N_TREND; id++) {
      if (!hw_eligible(sc, id) || sc->cheap_sse[id] < HW_INVALID) continue;
      sc->is_cold[id] = 1;
      group[count] = &sc->data[id], cold[count] = &sc->cold[id], ids[count++] = id;
    }
    if (count) ts_hw_cold_rough_many(group, cold, x, f, count); /* side by side */
    for (int i = 0; i < count; i++) {
      sc->cheap_sse[ids[i]] = f[i];
      memcpy(sc->cheap_x[ids[i]], x[i], sizeof(x[i]));
    }
  }
  for (int id = 0; id < HW_N_CAND; id++) {
    if (!hw_eligible(sc, id)) continue;
    int k = ts_hw_dim(&sc->data[id]);
    if (sc->is_cold[id] && sc->cheap_sse[id] >= HW_INVALID) continue; /* gets the whole cold fit */
    sc->cheap[id] = ts_hw_aicc(sc->cheap_sse[id], sc->floor, n, k);
    if (sc->cheap[id] < sc->best) sc->best = sc->cheap[id];
  }
}

/* The eligible candidates by cheap AICc, best first (ties: the earlier
** id); returns how many. */
static int screen_order(const hw_screen *sc, int *order) {
  int n_order = 0;
  for (int id = 0; id < HW_N_CAND; id++) {
    if (!hw_eligible(sc, id)) continue;
    int at = n_order++;
    for (; at > 0 && sc->cheap[order[at - 1]] > sc->cheap[id]; at--) order[at] = order[at - 1];
    order[at] = id;
  }
  return n_order;
}

/* A cold candidate behind a full fit already made (AICc refit_best):
** Levenberg-Marquardt from its rough search's point; the rest of the
** cold fit only if that puts it ahead (the model chosen always has the
** whole cold fit).  Returns the SSE, c->x the point. */
static double cold_behind(hw_screen *sc, int id, hw_candidate *c, double refit_best) {
  int k = ts_hw_dim(&c->d);
  double x[HW_MAX_DIM];
  memcpy(x, c->x, sizeof(x));
  ts_hw_clamp(x, k);
  double sse = ts_hw_lm(&c->d, x, HW_LOCAL_TOL, HW_LOCAL_ITER);
  if (sse < HW_INVALID && ts_hw_aicc(sse, sc->floor, sc->n, k) < refit_best) {
    double whole = ts_hw_cold_finish(&c->d, &sc->cold[id], c->x);
    if (whole <= sse) memcpy(x, c->x, sizeof(x)), sse = whole;
  }
  memcpy(c->x, x, sizeof(x));
  return sse;
}

/* Candidate id's fit into c, given the best full fit's AICc so far
** (refit_best): the full fit if its cheap AICc passes the screen, else the
** cheap one.  Returns whether it got the full fit. */
static int fit_one(hw_screen *sc, int id, hw_candidate *c, double refit_best) {
  int k = ts_hw_dim(&sc->data[id]), cold = sc->is_cold[id];
  double cheap = sc->cheap[id], best = sc->best;
  c->d = sc->data[id];
  for (int j = 0; j < k; j++) c->x[j] = sc->cheap_x[id][j];
  double bar = cold ? best + HW_COLD_SCREEN : (refit_best < best ? refit_best : best) + HW_SCREEN;
  if (!cold && sc->behind[id]) bar -= HW_SCREEN; /* racing: no margin */
  if (cheap < HW_INVALID && cheap > bar) {       /* kept: its SSE at them, just evaluated */
    c->sse = sc->cheap_sse[id];
    if (cold) { /* a rough search's point, unbounded */
      double before[HW_MAX_DIM];
      memcpy(before, c->x, (size_t)k * sizeof(double)); /* only k are set */
      ts_hw_clamp(c->x, k);
      if (memcmp(before, c->x, (size_t)k * sizeof(double))) c->sse = ts_hw_objective(&c->d, c->x);
    }
    return 0;
  }
  if (cold && cheap < HW_INVALID && cheap > refit_best)
    c->sse = cold_behind(sc, id, c, refit_best);
  else if (cold)
    c->sse = ts_hw_cold_finish(&c->d, &sc->cold[id], c->x);
  else
    c->sse = ts_hw_lm(&c->d, c->x, HW_LOCAL_TOL, HW_LOCAL_ITER);
  return 1;
}

/* Candidate id's fit c into warm and its AICc; returns whether it is
** usable. */
static int keep_fit(const hw_screen *sc, hw_candidate *c, int id, ts_hw_warm *warm) {
  int k = ts_hw_dim(&c->d);
  if (warm) {
    warm->valid[id] = c->sse < HW_INVALID;
    for (int j = 0; j < k; j++) warm->x[id][j] = c->x[j];
  }
  if (c->sse >= HW_INVALID) return 0;
  c->aicc = ts_hw_aicc(c->sse, sc->floor, sc->n, k);
  return 1;
}

/* Fits every candidate (item 4) into byid[id]; ids[] gets the ids of
** those that fitted, in id order; returns how many.  Item 7's screen: each candidate is first given a cheap
** fit (screen_cheap); then, best first by its AICc, those that pass the
** screen get the full fit (fit_one), the others keep the cheap one.
** warm then holds this fit's parameters. */
static int fit_candidates(const double *y, int n, int m, int first_pos, const hw_scan *scan,
                          ts_hw_warm *warm, hw_candidate *byid, int *ids) {
  hw_screen sc;
  unsigned char fitted[HW_N_CAND] = {0}, full[HW_N_CAND] = {0};
  int order[HW_N_CAND], n_cand = 0;
  double refit_best = HW_INVALID; /* a full fit only lowers it */
  screen_cheap(&sc, y, n, m, first_pos, scan, warm);
  int n_order = screen_order(&sc, order);
  for (int o = 0; o < n_order; o++) {
    int id = order[o];
    hw_candidate *c = &byid[id];
    full[id] = (unsigned char)fit_one(&sc, id, c, refit_best);
    fitted[id] = keep_fit(&sc, c, id, warm);
    if (full[id] && fitted[id] && c->aicc < refit_best) refit_best = c->aicc;
  }
  /* The model used has had the full fit: a warm candidate kept (racing
  ** can keep one that leads once the others are refitted) is refitted
  ** while it is the best. */
  double best;
  for (;;) {
    int lead = -1;
    best = HW_INVALID;
    for (int id = 0; id < HW_N_CAND; id++)
      if (fitted[id] && byid[id].aicc < best) best = byid[id].aicc, lead = id;
    if (lead < 0 || full[lead] || sc.is_cold[lead]) break;
    hw_candidate *c = &byid[lead];
    c->sse = ts_hw_lm(&c->d, c->x, HW_LOCAL_TOL, HW_LOCAL_ITER);
    full[lead] = 1;
    fitted[lead] = keep_fit(&sc, c, lead, warm);
  }
  for (int id = 0; id < HW_N_CAND; id++) {
    if (warm) warm->behind[id] = fitted[id] && byid[id].aicc >= best + HW_RACE;
    if (fitted[id]) ids[n_cand++] = id;
  }
  return n_cand;
}

int ts_holt_winters_forecast(const double *y, int n, int m, int first_pos, int h, double *sum,
                             double *sd, ts_hw_model *model) {
  return ts_holt_winters_forecast_warm(y, n, m, first_pos, h, NULL, sum, sd, model);
}

int ts_holt_winters_forecast_warm(const double *y, int n, int m, int first_pos, int h,
                                  ts_hw_warm *warm, double *sum, double *sd, ts_hw_model *model) {
  if (!(m == 2 || m == 4 || m == 12) || n < 2 * m || first_pos < 1 || first_pos > m || h < 0 ||
      h > 12)
    return 1;
  hw_candidate cand[HW_N_CAND]; /* by id */
  hw_scan scan;
  double path[12], rel_sse = 0;
  int ids[HW_N_CAND];
  scan_series(y, n, &scan);
  int n_cand = fit_candidates(y, n, m, first_pos - 1, &scan, warm, cand, ids);
  /* Best first (stable: ties keep the simpler, earlier candidate); the
  ** ids sorted, not the candidates moved. */
  for (int i = 1; i < n_cand; i++) {
    for (int k = i; k > 0 && cand[ids[k]].aicc < cand[ids[k - 1]].aicc; k--) {
      int t = ids[k];
      ids[k] = ids[k - 1];
      ids[k - 1] = t;
    }
  }
  int chosen = -1;
  for (int i = 0; i < n_cand && chosen < 0; i++) {
    hw_realise(&cand[ids[i]], h, model, path, &rel_sse);
    if (!degenerate(y, n, m, scan.has_negative, path, h)) chosen = ids[i];
  }
  *sd = -1;
  if (chosen < 0) { /* seasonal naive: the same periods a season earlier */
    memset(model, 0, sizeof(*model));
    model->fallback = 2;
    double total = 0;
    for (int i = 1; i <= h; i++) total += y[n - 1 + i - ((i - 1) / m + 1) * m];
    *sum = total;
    return 0;
  }
  model->fallback = chosen != ids[0];
  *sum = hw_forecast_path(model, m, (first_pos - 1 + n) % m, h, path);
  int k = ts_hw_dim(&cand[chosen].d);
  if (h == 0) {
    *sd = 0;
  } else if (n > k) {
    double factor = sum_sd_factor(model, m, h);
    if (model->multiplicative)
      *sd = sqrt(rel_sse / (n - k)) * fabs(*sum) / h * factor;
    else
      *sd = sqrt(model->sse / (n - k)) * factor;
  }
  return 0;
}