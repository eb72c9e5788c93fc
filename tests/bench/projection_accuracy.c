/*
** projection_accuracy.c -- how well annual_projection's methods project
** a year's total from part of it, and whether their 80 % intervals hold
** 80 % of the actual totals.  `make bench-accuracy` runs it.
**
**   projection_accuracy [kosis.csv ...]
**
**  1. Synthetic: seeded (reproducible) quarterly and monthly series with a
**     level, a yearly growth rate that drifts, a seasonal pattern and
**     multiplicative noise; 10 years each.
**  2. Real: every complete quarterly series of the KOSIS CSV files given
**     (wide layout: three quoted dimension columns, then one number per
**     quarter, '-' for no data; CP949 bytes in the quoted fields are not
**     interpreted).
**  3. Every complete year is projected from every point of the year (after
**     Q1, H1, Q3; after each month for monthly data) by each method, with
**     only the years before it known to the method (the virtual table's
**     backtest).  MAPE is taken over the cases where all seven methods
**     gave a projection, so the columns compare like with like; coverage
**     is the share of actual totals inside the 80 % interval, over the
**     cases that had one.
**  4. Below each table: how often Holt-Winters fell back, what auto chose,
**     and auto's comparable cases split by what it could do (fall back to
**     prior_share; choose before Holt-Winters had 3 scored years; choose
**     among all six) with the best fixed method's MAPE over the same cases.
**  5. PROJ_HALF=even (odd) scores only the series of even (odd) index in
**     each data set (0-based, in the order generated or read), the pool
**     still made of every series: a rule is chosen on one half and
**     confirmed on the other.  PROJ_NOPOOL=1 projects each series alone.
*/
#include "projection/projection.h"
#include "projection/projection_errors.h" /* auto's cache of the cut-offs */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "synthetic.h"

#define N_METHODS (TS_PROJ_N_FIXED + 1)
#define MAX_YEARS 16

typedef struct tally {
  double ape[N_METHODS], bias[N_METHODS];
  double *all_ape[N_METHODS]; /* every case's APE, for the median */
  long n_alloc;
  long hw_model_covered, hw_model_with; /* Holt-Winters' own-sd interval */
  long cases;                           /* every method projected */
  /* over every case a method projected (not only the comparable ones) */
  long projected[N_METHODS], covered[N_METHODS], with_interval[N_METHODS];
  long inside[N_METHODS], above_ytd[N_METHODS], non_negative[N_METHODS];
  double width[N_METHODS]; /* sum of (high - low) / actual */
  /* the comparable cases split by how many earlier years auto had */
  long part_cases[2];
  double part_ape[2][N_METHODS];
  long hw_projected, hw_next, hw_snaive; /* holt_winters' fallbacks */
  /* auto's intervals from the spread of the year's periods (no earlier
  ** errors): with a prior year [1], without one pooled over the source's
  ** other series [0], or from the assumed spread [2] (projection_errors.c
  ** item 4d: one period observed, or too few others to pool) */
  long spread_with[3], spread_covered[3];
  double spread_width[3];
} tally;

/* ---- scoring one series ---------------------------------------------- */

static const char *const AUTO_CASES[2] = {"fewer than 3 earlier years", "3 or more earlier years"};

/* One series' cases from point k, its backtest (auto included) in cells. */
static void score_series(const ts_proj_grid *g, int k, const ts_proj_cell *cells, tally *t) {
  {
    for (int yi = 0; yi < g->n_years; yi++) {
      double actual, ytd;
      if (ts_proj_actual(g, yi, &actual) || actual == 0) continue;
      ts_proj_ytd(g, yi, k, &ytd);
      int non_negative = 1;
      for (int i = 0; i < yi * g->periods_per_year + k; i++)
        non_negative &= !(g->present[i] && g->value[i] < 0);
      ts_proj_estimate est[N_METHODS];
      int all = 1;
      for (int m = 0; m < N_METHODS; m++) {
        ts_projection_from_backtest(g, cells, yi, k, (ts_proj_method)m, 80, &est[m]);
        all &= est[m].ok;
        if (!est[m].ok) continue;
        t->projected[m]++;
        if (est[m].interval_ok) {
          t->with_interval[m]++;
          t->covered[m] += est[m].low <= actual && actual <= est[m].high;
          t->inside[m] += est[m].low <= est[m].projection && est[m].projection <= est[m].high;
          t->width[m] += (est[m].high - est[m].low) / fabs(actual);
          if (non_negative) {
            t->non_negative[m]++;
            t->above_ytd[m] += est[m].low >= ytd;
          }
        }
      }
      const ts_proj_estimate *a = &est[TS_PROJ_AUTO];
      if (a->ok && a->interval_ok && a->interval_note && strstr(a->interval_note, "spread")) {
        double prior;
        int with_prior =
            strstr(a->interval_note, "assumed") ? 2 : !ts_proj_actual(g, yi - 1, &prior);
        t->spread_with[with_prior]++;
        t->spread_covered[with_prior] += a->low <= actual && actual <= a->high;
        t->spread_width[with_prior] += (a->high - a->low) / fabs(actual);
      }
      const ts_proj_cell *hw = &cells[yi * TS_PROJ_N_CELLS + TS_PROJ_HOLT_WINTERS];
      if (hw->ok) {
        t->hw_projected++;
        t->hw_next += hw->detail && strstr(hw->detail, "next stable") != NULL;
        t->hw_snaive += hw->detail && strstr(hw->detail, "seasonal naive") != NULL;
      }
      if (hw->ok && hw->model_sd >= 0) {
        double half = ts_normal_quantile(0.9) * hw->model_sd;
        t->hw_model_with++;
        t->hw_model_covered += fabs(actual - hw->value) <= half;
      }
      if (!all) continue;
      if (t->cases == t->n_alloc) {
        t->n_alloc = t->n_alloc ? 2 * t->n_alloc : 1024;
        for (int m = 0; m < N_METHODS; m++) {
          t->all_ape[m] = realloc(t->all_ape[m], sizeof(double) * (size_t)t->n_alloc);
          if (t->all_ape[m] == NULL) exit(2);
        }
      }
      int part = yi >= 3;
      t->part_cases[part]++;
      for (int m = 0; m < N_METHODS; m++) {
        double ape = fabs(est[m].projection - actual) / fabs(actual);
        t->ape[m] += ape;
        t->bias[m] += (est[m].projection - actual) / fabs(actual);
        t->all_ape[m][t->cases] = ape;
        t->part_ape[part][m] += ape;
      }
      t->cases++;
    }
  }
}

/* ---- a data set: every series kept, then scored point by point -------- */

typedef struct dataset {
  ts_proj_grid *g;
  double *value;
  unsigned char *present;
  ts_proj_cell *cells; /* per series MAX_YEARS * TS_PROJ_N_CELLS */
  int n, n_alloc;
} dataset;

static void dataset_add(dataset *d, int P, int first_year, int n_years, const double *value,
                        const unsigned char *present) {
  if (n_years > MAX_YEARS) return;
  if (d->n == d->n_alloc) {
    d->n_alloc = d->n_alloc ? 2 * d->n_alloc : 256;
    d->g = realloc(d->g, sizeof(*d->g) * (size_t)d->n_alloc);
    d->value = realloc(d->value, sizeof(double) * MAX_YEARS * 12 * (size_t)d->n_alloc);
    d->present = realloc(d->present, MAX_YEARS * 12 * (size_t)d->n_alloc);
    d->cells =
        realloc(d->cells, sizeof(ts_proj_cell) * MAX_YEARS * TS_PROJ_N_CELLS * (size_t)d->n_alloc);
    if (!d->g || !d->value || !d->present || !d->cells) exit(2);
  }
  memcpy(d->value + (size_t)d->n * MAX_YEARS * 12, value, sizeof(double) * (size_t)(n_years * P));
  memcpy(d->present + (size_t)d->n * MAX_YEARS * 12, present, (size_t)(n_years * P));
  ts_proj_grid g = {P, first_year, n_years, NULL, NULL, NULL, NULL, NULL,
                    0, NULL,       0,       0,    NULL, NULL, NULL};
  d->g[d->n++] = g;
}

/* Backtests every series from every point of the year the way the
** virtual table does: the fixed methods, their errors pooled over the
** data set, auto with the pool, its errors pooled too; then scored. */
static void dataset_score(dataset *d, tally *t) {
  int use_pool = getenv("PROJ_NOPOOL") == NULL;
  const char *zHalf = getenv("PROJ_HALF");
  int half = zHalf == NULL                ? -1
             : strcmp(zHalf, "odd") == 0  ? 1
             : strcmp(zHalf, "even") == 0 ? 0
                                          : -1;
  for (int i = 0; i < d->n; i++) {
    d->g[i].value = d->value + (size_t)i * MAX_YEARS * 12;
    d->g[i].present = d->present + (size_t)i * MAX_YEARS * 12;
    /* as ts_proj_grid_build gives every grid: auto ranks a series alone
    ** over its quarter ends too (projection_auto.c item 3b) */
    if (ts_proj_cuts_new(&d->g[i]) != SQLITE_OK) exit(2);
  }
  for (int k = 1; k < 12; k++) {
    ts_proj_pool pool;
    memset(&pool, 0, sizeof(pool));
    int any = 0;
    for (int i = 0; i < d->n; i++) {
      ts_proj_grid *g = &d->g[i];
      ts_proj_cell *cells = d->cells + (size_t)i * MAX_YEARS * TS_PROJ_N_CELLS;
      if (k >= g->periods_per_year) continue;
      any = 1;
      pool.periods_per_year = g->periods_per_year, pool.k = k;
      g->pool = NULL;
      ts_projection_backtest(g, k, ts_projection_mask(TS_PROJ_AUTO) & ~(1u << TS_PROJ_AUTO),
                             g->n_years, cells);
      if (use_pool && ts_proj_pool_add(&pool, g, cells, (1u << TS_PROJ_AUTO) - 1) != SQLITE_OK)
        exit(2);
    }
    if (!any) break;
    if (use_pool && ts_proj_pool_finish(&pool) != SQLITE_OK) exit(2);
    for (int i = 0; i < d->n; i++) {
      ts_proj_grid *g = &d->g[i];
      ts_proj_cell *cells = d->cells + (size_t)i * MAX_YEARS * TS_PROJ_N_CELLS;
      if (k >= g->periods_per_year) continue;
      g->pool = use_pool ? &pool : NULL;
      ts_projection_auto_fill(g, k, g->n_years, cells);
      if (use_pool && ts_proj_pool_add(&pool, g, cells, 1u << TS_PROJ_AUTO) != SQLITE_OK) exit(2);
    }
    if (use_pool && ts_proj_pool_finish(&pool) != SQLITE_OK) exit(2);
    for (int i = 0; i < d->n; i++) {
      ts_proj_grid *g = &d->g[i];
      if (k >= g->periods_per_year) continue;
      g->pool = NULL;
      if (half >= 0 && i % 2 != half) continue;
      g->pool = use_pool ? &pool : NULL;
      score_series(g, k, d->cells + (size_t)i * MAX_YEARS * TS_PROJ_N_CELLS, t);
      g->pool = NULL;
    }
    ts_proj_pool_free(&pool);
  }
  for (int i = 0; i < d->n; i++) ts_proj_cuts_free(d->g[i].cuts);
  free(d->g), free(d->value), free(d->present), free(d->cells);
  memset(d, 0, sizeof(*d));
}

static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *a, long n) {
  if (n == 0) return NAN;
  qsort(a, (size_t)n, sizeof(double), compare_double);
  return n % 2 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
}

static void print_tally(const char *zTitle, long n_series, tally *t) {
  printf("\n%s: %ld series, %ld comparable projections\n", zTitle, n_series, t->cases);
  printf(
      "| method       |   MAPE %% | med APE %% |  bias %% | in 80%% | width %% |"
      " point inside | low>=ytd | interval |\n");
  printf(
      "|--------------|----------|-----------|---------|--------|---------|"
      "--------------|----------|----------|\n");
  for (int m = 0; m < N_METHODS; m++) {
    long w = t->with_interval[m];
    printf("| %-12s | %8.2f | %9.2f | %+7.2f | ", ts_proj_method_name((ts_proj_method)m),
           t->cases ? 100.0 * t->ape[m] / t->cases : NAN, 100.0 * median(t->all_ape[m], t->cases),
           t->cases ? 100.0 * t->bias[m] / t->cases : NAN);
    if (w)
      printf("%5.1f%% | %7.1f | %11.1f%% | %7.1f%% | %7.1f%% |\n", 100.0 * t->covered[m] / w,
             100.0 * t->width[m] / w, 100.0 * t->inside[m] / w,
             t->non_negative[m] ? 100.0 * t->above_ytd[m] / t->non_negative[m] : NAN,
             t->projected[m] ? 100.0 * w / t->projected[m] : NAN);
    else
      printf("%6s | %7s | %12s | %8s | %7.1f%% |\n", "-", "-", "-", "-", 0.0);
  }
  printf(
      "(MAPE, median APE, bias: the comparable cases; the interval columns: every\n"
      " case the method projected; width: (high - low) / actual; interval: the\n"
      " share of its projections that had one)\n");
  printf("holt_winters with its own model sd instead: %.1f%% of %ld in the 80%% interval\n",
         t->hw_model_with ? 100.0 * t->hw_model_covered / t->hw_model_with : NAN, t->hw_model_with);
  printf(
      "holt_winters fell back in %.1f%% of %ld projections (next stable model %ld,"
      " seasonal naive %ld)\n",
      t->hw_projected ? 100.0 * (t->hw_next + t->hw_snaive) / t->hw_projected : 0.0,
      t->hw_projected, t->hw_next, t->hw_snaive);
  static const char *const SPREAD_KIND[3] = {"first year", "prior year known",
                                             "first year, assumed spread"};
  for (int i = 0; i < 3; i++) {
    int p = i == 0 ? 1 : i == 1 ? 0 : 2; /* the order printed before */
    if (t->spread_with[p])
      printf("auto's intervals from the year's spread, %s: %ld, %.1f%% in them, width %.1f%%\n",
             SPREAD_KIND[p], t->spread_with[p], 100.0 * t->spread_covered[p] / t->spread_with[p],
             100.0 * t->spread_width[p] / t->spread_with[p]);
  }
  for (int part = 0; part < 2; part++) {
    long n = t->part_cases[part];
    int best = 0;
    if (n == 0) continue;
    for (int m = 1; m < TS_PROJ_N_FIXED; m++)
      if (t->part_ape[part][m] < t->part_ape[part][best]) best = m;
    printf("  auto, %s: %ld cases, MAPE %.2f (best fixed there: %s %.2f)\n", AUTO_CASES[part], n,
           100.0 * t->part_ape[part][TS_PROJ_AUTO] / n, ts_proj_method_name((ts_proj_method)best),
           100.0 * t->part_ape[part][best] / n);
  }
  for (int m = 0; m < N_METHODS; m++) free(t->all_ape[m]);
}

/* ---- synthetic series ------------------------------------------------ */

static void synthetic(int periods_per_year, int n_series, uint64_t seed) {
  enum { YEARS = 10 };
  double value[YEARS * 12];
  unsigned char present[YEARS * 12];
  tally t;
  dataset d;
  memset(&t, 0, sizeof(t));
  memset(&d, 0, sizeof(d));
  uint64_t rng = seed;
  for (int s = 0; s < n_series; s++) {
    int P = periods_per_year;
    synthetic_series(&rng, P, YEARS, value);
    for (int i = 0; i < YEARS * P; i++) present[i] = 1;
    dataset_add(&d, P, 2010, YEARS, value, present);
  }
  dataset_score(&d, &t);
  char title[80];
  snprintf(title, sizeof(title), "synthetic %s (seed %llu)",
           periods_per_year == 4 ? "quarterly" : "monthly", (unsigned long long)seed);
  print_tally(title, n_series, &t);
}

/* ---- KOSIS wide CSV --------------------------------------------------- */

/* Skips the three quoted dimension fields; returns the rest or NULL. */
static const char *after_dimensions(const char *line) {
  const char *p = line;
  for (int field = 0; field < 3; field++) {
    if (*p != '"') return NULL;
    p = strchr(p + 1, '"');
    if (p == NULL || p[1] != ',') return NULL;
    p += 2;
  }
  return p;
}

static void kosis(int argc, char **argv) {
  tally t;
  dataset d;
  long n_series = 0;
  memset(&t, 0, sizeof(t));
  memset(&d, 0, sizeof(d));
  for (int f = 1; f < argc; f++) {
    FILE *in = fopen(argv[f], "rb");
    char line[8192];
    if (in == NULL) {
      perror(argv[f]);
      exit(1);
    }
    if (fgets(line, sizeof(line), in) == NULL) {
      fclose(in);
      continue;
    } /* header */
    while (fgets(line, sizeof(line), in)) {
      double value[MAX_YEARS * 4];
      unsigned char present[MAX_YEARS * 4];
      int n = 0, complete = 1;
      const char *p = after_dimensions(line);
      while (p && *p && *p != '\r' && *p != '\n' && n < MAX_YEARS * 4) {
        char *end;
        if (*p == '-' && (p[1] == ',' || p[1] == '\r' || p[1] == '\n' || p[1] == 0)) {
          complete = 0;
          end = (char *)p + 1;
        } else {
          value[n] = strtod(p, &end);
          if (end == p) break;
        }
        present[n++] = 1;
        p = *end == ',' ? end + 1 : end;
      }
      /* The file starts at 2014 Q1; only whole years of whole series. */
      if (!complete || n < 8 || n % 4) continue;
      dataset_add(&d, 4, 2014, n / 4, value, present);
      n_series++;
    }
    fclose(in);
  }
  dataset_score(&d, &t);
  if (n_series) print_tally("KOSIS quarterly (overseas direct sales)", n_series, &t);
}

int main(int argc, char **argv) {
  printf(
      "annual_projection accuracy: each complete year projected from each point\n"
      "of the year with only earlier years known; 80 %% intervals.\n");
  synthetic(4, 400, 20230701);
  synthetic(12, 150, 20230702);
  kosis(argc, argv);
  return 0;
}
