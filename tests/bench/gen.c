/*
** gen.c -- deterministic benchmark data for tradestat.
**
**   build/bench/gen DB [--scale S] [--partners N] [--categories N]
**                      [--months N] [--txn-rows N] [--seed N]
**
** Contract:
**  1. Same arguments, same bytes of data: one seeded generator
**     (splitmix64), no clock, no global state.
**  2. direct_trade(period TEXT, flow TEXT, partner TEXT, category TEXT,
**     amount INTEGER): partners x categories x months x 2 flows rows
**     (400 x 10 x 300 x 2 = 2.4 M at scale 1), monthly periods from
**     2000-01, each series with its own level, trend, seasonality and
**     noise.  Rows are appended month by month, as monthly releases are
**     loaded, and indexed on (flow, partner, category, period).
**  3. Gaps: partners whose number ends in 3 (P3, P13, ...) miss 1 to 3
**     months in about half of their series, so the LAG(x, 12) bug shows;
**     every other partner (P7 among them) is complete.  The gapped
**     partners are listed in bench_gapped(partner).
**  4. transactions(period TEXT 'YYYY-MM-DD', flow, partner, category,
**     amount REAL, list_price REAL): txn-rows rows spread over the same
**     months, in date order, with the same kind of seasonality and trend
**     per (flow, partner) on half the rows and the other half spread
**     evenly; every (flow, partner) has a row every day (so at least
**     2 x partners x days rows), so no roll-up of the days is incomplete
**     and the plain SQL's LAG over months is right; indexed on (flow, partner, period) for
**     grain=month roll-ups.  amount = list_price less a discount of 0 to
**     30 %, so pct_change(amount, list_price) has something to compute.
**  5. --scale multiplies partners and txn-rows (months and categories
**     stay), so a smoke run and the full run are the same code; explicit
**     options override.  bench_meta(key, value) records what was built.
**  6. One transaction, prepared statements, indexes built after the rows:
**     the 2.4 M + 10 M rows take about a minute, not the hours a recursive
**     CTE would.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gen_options {
  int partners, categories, months;
  long long txn_rows;
  uint64_t seed;
} gen_options;

typedef struct rng {
  uint64_t state;
} rng;

static uint64_t rng_next(rng *r) {
  uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double rng_uniform(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

/* Standard normal (Box-Muller; the second draw is thrown away to keep the
** generator stateless beyond its counter). */
static double rng_normal(rng *r) {
  double u = rng_uniform(r), v = rng_uniform(r);
  if (u < 1e-300) u = 1e-300;
  return sqrt(-2.0 * log(u)) * cos(2.0 * M_PI * v);
}

/* The shape of one series: amount(t) = level * trend^t * season * noise. */
typedef struct series_shape {
  double level, monthly_trend, season_amplitude, season_phase, noise;
} series_shape;

static void shape_draw(rng *r, series_shape *s) {
  s->level = exp(8.0 + 1.5 * rng_normal(r));
  s->monthly_trend = pow(1.0 + (-0.03 + 0.15 * rng_uniform(r)), 1.0 / 12.0);
  s->season_amplitude = 0.4 * rng_uniform(r);
  s->season_phase = 2.0 * M_PI * rng_uniform(r);
  s->noise = 0.02 + 0.1 * rng_uniform(r);
}

static double shape_mean(const series_shape *s, int t) {
  return s->level * pow(s->monthly_trend, t) *
         (1.0 + s->season_amplitude * sin(2.0 * M_PI * (t % 12) / 12.0 + s->season_phase));
}

static int exec(sqlite3 *db, const char *zSql) {
  char *zErr = NULL;
  int rc = sqlite3_exec(db, zSql, NULL, NULL, &zErr);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "gen: %s\n  in: %s\n", zErr ? zErr : sqlite3_errstr(rc), zSql);
    sqlite3_free(zErr);
  }
  return rc;
}

static int prepare(sqlite3 *db, const char *zSql, sqlite3_stmt **pStmt) {
  int rc = sqlite3_prepare_v2(db, zSql, -1, pStmt, NULL);
  if (rc != SQLITE_OK) fprintf(stderr, "gen: %s\n  in: %s\n", sqlite3_errmsg(db), zSql);
  return rc;
}

static int step_reset(sqlite3 *db, sqlite3_stmt *stmt) {
  int rc = sqlite3_step(stmt);
  sqlite3_reset(stmt);
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "gen: insert failed: %s\n", sqlite3_errmsg(db));
    return rc;
  }
  return SQLITE_OK;
}

static const char *const flows[2] = {"export", "import"};

static int partner_is_gapped(int partner) { return partner % 10 == 3; }

/* Which months each series misses: a bitmap row per series. */
static unsigned char *draw_gaps(rng *r, const gen_options *o) {
  size_t nSeries = (size_t)2 * o->partners * o->categories;
  unsigned char *missing = calloc(nSeries * (size_t)o->months, 1);
  if (missing == NULL) return NULL;
  for (int f = 0; f < 2; f++) {
    for (int p = 1; p <= o->partners; p++) {
      for (int c = 0; c < o->categories; c++) {
        size_t s = ((size_t)f * o->partners + (size_t)(p - 1)) * o->categories + (size_t)c;
        if (!partner_is_gapped(p) || rng_uniform(r) < 0.5) continue;
        int n = 1 + (int)(rng_uniform(r) * 3);
        for (int k = 0; k < n; k++)
          missing[s * o->months + (size_t)(rng_uniform(r) * o->months)] = 1;
      }
    }
  }
  return missing;
}

static int generate_direct_trade(sqlite3 *db, const gen_options *o) {
  rng r = {o->seed};
  size_t nSeries = (size_t)2 * o->partners * o->categories;
  series_shape *shapes = malloc(nSeries * sizeof(*shapes));
  unsigned char *missing = draw_gaps(&r, o);
  if (shapes == NULL || missing == NULL) {
    free(shapes);
    free(missing);
    fprintf(stderr, "gen: out of memory\n");
    return SQLITE_NOMEM;
  }
  for (size_t s = 0; s < nSeries; s++) shape_draw(&r, &shapes[s]);
  sqlite3_stmt *ins = NULL;
  int rc = exec(db,
                "CREATE TABLE direct_trade(period TEXT, flow TEXT, partner TEXT, "
                "category TEXT, amount INTEGER)");
  if (rc == SQLITE_OK)
    rc = prepare(db, "INSERT INTO direct_trade VALUES(?1, ?2, ?3, ?4, ?5)", &ins);
  for (int t = 0; t < o->months && rc == SQLITE_OK; t++) {
    char period[32], partner[16], category[16];
    snprintf(period, sizeof(period), "%04d-%02d", 2000 + t / 12, t % 12 + 1);
    sqlite3_bind_text(ins, 1, period, -1, SQLITE_TRANSIENT);
    for (size_t s = 0; s < nSeries && rc == SQLITE_OK; s++) {
      int f = (int)(s / ((size_t)o->partners * o->categories));
      int p = (int)(s / (size_t)o->categories % (size_t)o->partners) + 1;
      int c = (int)(s % (size_t)o->categories) + 1;
      double noise = 1.0 + shapes[s].noise * rng_normal(&r);
      if (missing[s * o->months + (size_t)t]) continue;
      snprintf(partner, sizeof(partner), "P%d", p);
      snprintf(category, sizeof(category), "C%02d", c);
      double amount = shape_mean(&shapes[s], t) * noise;
      sqlite3_bind_text(ins, 2, flows[f], -1, SQLITE_STATIC);
      sqlite3_bind_text(ins, 3, partner, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 4, category, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(ins, 5, amount > 0 ? (sqlite3_int64)llround(amount) : 0);
      rc = step_reset(db, ins);
    }
  }
  sqlite3_finalize(ins);
  free(shapes);
  free(missing);
  if (rc == SQLITE_OK)
    rc = exec(db,
              "CREATE INDEX direct_trade_series ON direct_trade(flow, partner, category, period)");
  if (rc == SQLITE_OK) rc = exec(db, "CREATE TABLE bench_gapped(partner TEXT PRIMARY KEY)");
  for (int p = 1; p <= o->partners && rc == SQLITE_OK; p++) {
    if (!partner_is_gapped(p)) continue;
    char *zSql = sqlite3_mprintf("INSERT INTO bench_gapped VALUES('P%d')", p);
    rc = zSql ? exec(db, zSql) : SQLITE_NOMEM;
    sqlite3_free(zSql);
  }
  return rc;
}

static int days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return days[month - 1] + (month == 2 && leap);
}

/* One transaction of series s (flow, partner) on the bound day. */
static int insert_txn(sqlite3 *db, sqlite3_stmt *ins, rng *r, const gen_options *o, int s) {
  char partner[16], category[16];
  snprintf(partner, sizeof(partner), "P%d", s % o->partners + 1);
  snprintf(category, sizeof(category), "C%02d", (int)(rng_uniform(r) * o->categories) + 1);
  double list_price = round(exp(3.5 + rng_normal(r)) * 100.0) / 100.0;
  double amount = round(list_price * (1.0 - 0.3 * rng_uniform(r)) * 100.0) / 100.0;
  sqlite3_bind_text(ins, 2, flows[s / o->partners], -1, SQLITE_STATIC);
  sqlite3_bind_text(ins, 3, partner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(ins, 4, category, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double(ins, 5, amount);
  sqlite3_bind_double(ins, 6, list_price);
  return step_reset(db, ins);
}

static int generate_transactions(sqlite3 *db, const gen_options *o) {
  rng r = {o->seed ^ 0x5DEECE66Dull};
  int nSeries = 2 * o->partners;
  series_shape *shapes = malloc((size_t)nSeries * sizeof(*shapes));
  double *weight = malloc((size_t)nSeries * sizeof(*weight));
  if (shapes == NULL || weight == NULL) {
    free(shapes);
    free(weight);
    fprintf(stderr, "gen: out of memory\n");
    return SQLITE_NOMEM;
  }
  for (int s = 0; s < nSeries; s++) shape_draw(&r, &shapes[s]);
  int nDays = 0;
  for (int t = 0; t < o->months; t++) nDays += days_in_month(2000 + t / 12, t % 12 + 1);
  double per_day = (double)o->txn_rows / nDays;
  sqlite3_stmt *ins = NULL;
  int rc = exec(db,
                "CREATE TABLE transactions(period TEXT, flow TEXT, partner TEXT, "
                "category TEXT, amount REAL, list_price REAL)");
  if (rc == SQLITE_OK)
    rc = prepare(db, "INSERT INTO transactions VALUES(?1, ?2, ?3, ?4, ?5, ?6)", &ins);
  long long written = 0;
  double owed = 0.0; /* rows due so far, so the total comes out exact */
  for (int t = 0; t < o->months && rc == SQLITE_OK; t++) {
    int year = 2000 + t / 12, month = t % 12 + 1;
    /* Each (flow, partner) gets a share of the month's rows that follows
    ** its own trend and season; a cumulative table picks one per row. */
    double total = 0.0;
    for (int s = 0; s < nSeries; s++)
      total = weight[s] = total + shape_mean(&shapes[s], t) / shapes[s].level;
    for (int d = 1; d <= days_in_month(year, month) && rc == SQLITE_OK; d++) {
      char period[32];
      snprintf(period, sizeof(period), "%04d-%02d-%02d", year, month, d);
      sqlite3_bind_text(ins, 1, period, -1, SQLITE_TRANSIENT);
      owed += per_day;
      /* Every (flow, partner) trades every day, so no roll-up of the days
      ** is incomplete and LAG over the months is right; the rest of the
      ** day's rows follow each series' shape half the time. */
      for (int s = 0; s < nSeries && rc == SQLITE_OK; s++, written++)
        rc = insert_txn(db, ins, &r, o, s);
      for (; written < (long long)owed && rc == SQLITE_OK; written++) {
        int lo = 0, hi = nSeries - 1;
        if (rng_uniform(&r) < 0.5) {
          lo = (int)(rng_uniform(&r) * nSeries);
        } else {
          double pick = rng_uniform(&r) * total;
          while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (weight[mid] <= pick)
              lo = mid + 1;
            else
              hi = mid;
          }
        }
        rc = insert_txn(db, ins, &r, o, lo);
      }
    }
  }
  sqlite3_finalize(ins);
  free(shapes);
  free(weight);
  if (rc == SQLITE_OK)
    rc = exec(db, "CREATE INDEX transactions_series ON transactions(flow, partner, period)");
  return rc;
}

static int write_meta(sqlite3 *db, const gen_options *o) {
  char *zSql = sqlite3_mprintf(
      "CREATE TABLE bench_meta(key TEXT PRIMARY KEY, value);"
      "INSERT INTO bench_meta VALUES('partners', %d), ('categories', %d), ('months', %d),"
      "('txn_rows', %lld), ('seed', %llu);",
      o->partners, o->categories, o->months, o->txn_rows, (unsigned long long)o->seed);
  int rc = zSql ? exec(db, zSql) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  return rc;
}

static int usage(void) {
  fprintf(stderr,
          "usage: gen DB [--scale S] [--partners N] [--categories N] [--months N]\n"
          "              [--txn-rows N] [--seed N]\n");
  return 2;
}

static int parse_options(int argc, char **argv, gen_options *o) {
  double scale = 1.0;
  int partners = 0, categories = 10, months = 300;
  long long txn_rows = 0;
  o->seed = 20230815;
  for (int i = 2; i < argc; i++) {
    if (i + 1 >= argc) return usage();
    const char *k = argv[i], *v = argv[++i];
    if (strcmp(k, "--scale") == 0)
      scale = atof(v);
    else if (strcmp(k, "--partners") == 0)
      partners = atoi(v);
    else if (strcmp(k, "--categories") == 0)
      categories = atoi(v);
    else if (strcmp(k, "--months") == 0)
      months = atoi(v);
    else if (strcmp(k, "--txn-rows") == 0)
      txn_rows = atoll(v);
    else if (strcmp(k, "--seed") == 0)
      o->seed = strtoull(v, NULL, 10);
    else
      return usage();
  }
  if (scale <= 0) return usage();
  o->partners = partners > 0 ? partners : (int)fmax(1.0, round(400 * scale));
  o->txn_rows = txn_rows > 0 ? txn_rows : (long long)fmax(1000.0, round(10e6 * scale));
  o->categories = categories > 0 ? categories : 1;
  o->months = months >= 24 ? months : 24;
  return 0;
}

int main(int argc, char **argv) {
  gen_options o = {0};
  if (argc < 2 || argv[1][0] == '-') return usage();
  int rc = parse_options(argc, argv, &o);
  if (rc) return rc;
  remove(argv[1]);
  sqlite3 *db = NULL;
  rc = sqlite3_open(argv[1], &db);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "gen: cannot open %s: %s\n", argv[1], sqlite3_errmsg(db));
    sqlite3_close(db);
    return 1;
  }
  rc = exec(db,
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576;"
            "BEGIN");
  if (rc == SQLITE_OK) rc = generate_direct_trade(db, &o);
  if (rc == SQLITE_OK) rc = generate_transactions(db, &o);
  if (rc == SQLITE_OK) rc = write_meta(db, &o);
  if (rc == SQLITE_OK) rc = exec(db, "COMMIT; ANALYZE");
  sqlite3_close(db);
  if (rc != SQLITE_OK) return 1;
  printf(
      "gen: %s: direct_trade %d partners x %d categories x %d months x 2 flows, "
      "transactions %lld rows\n",
      argv[1], o.partners, o.categories, o.months, o.txn_rows);
  return 0;
}
