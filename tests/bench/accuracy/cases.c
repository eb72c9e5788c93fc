/*
** cases.c -- annual_projection's accuracy cases, through its SQL, for a
** comparison with other forecasters on the very same cases.
**
**   cases OUT_DIR [--kosis FILE]... [--series DATASET FILE]...
**         [--synthetic-quarterly N] [--synthetic-monthly N] [--last-years N]
**         [--cuts LIST] [--alone]
**
** Contract:
**  1. Data sets: "synthetic quarterly" and "synthetic monthly" (the seeded
**     generator of tests/bench/projection_accuracy.c, same seeds, its first
**     N series: 100 and 40 by default); "KOSIS quarterly" (every complete
**     series of the KOSIS wide CSV files given); and --series DATASET FILE:
**     one series (named after FILE) of data set DATASET, read from a CSV
**     "period,value" with canonical labels YYYY-Qn or YYYY-MM.  Every
**     series is cut to whole years.
**  2. All of it goes into one SQLite table, obs(dataset, series, period,
**     value), on a connection with tradestat registered (linked from
**     build/libtradestat.a; nothing of ext/ but its init is used).  For
**     each data set (with --alone: each series of it, so no series
**     borrows another's errors: no pool), method (the eight) and cut-off
**     (--cuts: a list of 1, 2, 3 = after Q1, H1, Q3, i.e. through =
**     Q1/H1/Q3 or 03/06/09; default 2, the H1 projection, as R's fits are
**     slow) one annual_projection table
**     is created and every complete year's row is read: projection, low,
**     high (80 %), ytd, actual.  That is the extension's own backtest:
**     each year projected with only earlier years known.
**  3. Written to OUT_DIR: series.csv (dataset, series, periods_per_year,
**     year, position, value: exactly the data the SQL saw) and cases.csv
**     (dataset, series, year, cut, method, ytd, projection, low, high,
**     actual; empty when NULL) for the years with at least 3 earlier whole
**     years in the series, the last --last-years (10) of them, so other
**     forecasters have the same history to fit.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../synthetic.h"

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

static const char *const METHODS[] = {"run_rate", "prior_share",  "avg_share", "snaive",
                                      "linear",   "holt_winters", "theta",     "auto"};
#define N_METHODS   8
#define MAX_PERIODS 4096

static sqlite3 *db;
static sqlite3_stmt *ins;

static void die(const char *zWhat) {
  fprintf(stderr, "cases: %s: %s\n", zWhat, db ? sqlite3_errmsg(db) : "");
  exit(1);
}

static void exec(const char *zSql) {
  char *zErr = NULL;
  if (sqlite3_exec(db, zSql, NULL, NULL, &zErr) != SQLITE_OK) {
    fprintf(stderr, "cases: %s\n  in: %s\n", zErr, zSql);
    exit(1);
  }
}

/* One series, value[0] being period 1 of first_year. */
static void add_series(const char *zDataset, const char *zSeries, int P, int first_year,
                       const double *value, int n) {
  char period[32];
  for (int i = 0; i < n; i++) {
    int year = first_year + i / P, pos = i % P + 1;
    if (P == 4)
      snprintf(period, sizeof(period), "%04d-Q%d", year, pos);
    else
      snprintf(period, sizeof(period), "%04d-%02d", year, pos);
    sqlite3_bind_text(ins, 1, zDataset, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, zSeries, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 3, period, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(ins, 4, value[i]);
    if (sqlite3_step(ins) != SQLITE_DONE) die("insert");
    sqlite3_reset(ins);
  }
}

/* ---- synthetic: projection_accuracy.c's generator, same seeds ---------- */

static void synthetic(const char *zDataset, int P, int n_series, uint64_t seed) {
  enum { YEARS = 10 };
  double value[YEARS * 12];
  uint64_t rng = seed;
  for (int s = 0; s < n_series; s++) {
    synthetic_series(&rng, P, YEARS, value);
    char name[32];
    snprintf(name, sizeof(name), "s%03d", s + 1);
    add_series(zDataset, name, P, 2010, value, YEARS * P);
  }
}

/* ---- KOSIS wide CSV (as projection_accuracy.c reads it) ----------------- */

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

static void kosis(const char *zFile) {
  FILE *in = fopen(zFile, "rb");
  char line[8192];
  int row = 0;
  if (in == NULL) {
    perror(zFile);
    exit(1);
  }
  if (fgets(line, sizeof(line), in) == NULL) {
    fclose(in);
    return;
  }
  while (fgets(line, sizeof(line), in)) {
    double value[MAX_PERIODS];
    int n = 0, complete = 1;
    row++;
    const char *p = after_dimensions(line);
    while (p && *p && *p != '\r' && *p != '\n' && n < MAX_PERIODS) {
      char *end;
      if (*p == '-' && (p[1] == ',' || p[1] == '\r' || p[1] == '\n' || p[1] == 0)) {
        complete = 0;
        end = (char *)p + 1;
      } else {
        value[n] = strtod(p, &end);
        if (end == p) break;
      }
      n++;
      p = *end == ',' ? end + 1 : end;
    }
    /* The file starts at 2014 Q1; only whole years of whole series. */
    if (!complete || n < 8 || n % 4) continue;
    char name[32];
    snprintf(name, sizeof(name), "row%03d", row);
    add_series("KOSIS quarterly", name, 4, 2014, value, n);
  }
  fclose(in);
}

/* ---- period,value CSV ----------------------------------------------------- */

static void long_csv(const char *zDataset, const char *zFile) {
  FILE *in = fopen(zFile, "r");
  char line[256];
  static double value[MAX_PERIODS];
  int n = 0, P = 0, first_year = 0, first_pos = 0;
  if (in == NULL) {
    perror(zFile);
    exit(1);
  }
  while (fgets(line, sizeof(line), in)) {
    int year, pos;
    char kind;
    double v;
    if (sscanf(line, "%d-%c", &year, &kind) != 2) continue; /* header, notes */
    int q = kind == 'Q';
    if (sscanf(line, q ? "%d-Q%d,%lf" : "%d-%d,%lf", &year, &pos, &v) != 3) {
      fprintf(stderr, "cases: %s: cannot read line: %s", zFile, line);
      exit(1);
    }
    if (n == 0) P = q ? 4 : 12, first_year = year, first_pos = pos;
    int expect = (first_year * P + first_pos - 1) + n;
    if (year * P + pos - 1 != expect || n >= MAX_PERIODS) {
      fprintf(stderr, "cases: %s: periods must follow each other: %s", zFile, line);
      exit(1);
    }
    value[n++] = v;
  }
  fclose(in);
  /* whole years only */
  int skip = first_pos == 1 ? 0 : P - first_pos + 1;
  int whole = (n - skip) / P * P;
  if (whole < 4 * P) {
    fprintf(stderr, "cases: %s: fewer than 4 whole years\n", zFile);
    exit(1);
  }
  const char *zBase = strrchr(zFile, '/') ? strrchr(zFile, '/') + 1 : zFile;
  char name[256];
  snprintf(name, sizeof(name), "%.*s", (int)strcspn(zBase, "."), zBase);
  add_series(zDataset, name, P, first_year + (skip ? 1 : 0), value + skip, whole);
}

/* ---- the cases, through annual_projection ------------------------------- */

static void csv_real(FILE *out, sqlite3_stmt *s, int col) {
  if (sqlite3_column_type(s, col) == SQLITE_NULL)
    fputc(',', out);
  else
    fprintf(out, ",%.17g", sqlite3_column_double(s, col));
}

static void write_series(const char *zDir) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/series.csv", zDir);
  FILE *out = fopen(path, "w");
  if (out == NULL) {
    perror(path);
    exit(1);
  }
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(
          db,
          "SELECT dataset, series, CASE WHEN period LIKE '%-Q%' THEN 4 ELSE 12 END,"
          " CAST(substr(period, 1, 4) AS INTEGER),"
          " CAST(substr(period, CASE WHEN period LIKE '%-Q%' THEN 7 ELSE 6 END) AS INTEGER),"
          " value FROM obs ORDER BY rowid",
          -1, &s, NULL) != SQLITE_OK)
    die("series");
  fprintf(out, "dataset,series,periods_per_year,year,position,value\n");
  while (sqlite3_step(s) == SQLITE_ROW)
    fprintf(out, "\"%s\",\"%s\",%d,%d,%d,%.17g\n", sqlite3_column_text(s, 0),
            sqlite3_column_text(s, 1), sqlite3_column_int(s, 2), sqlite3_column_int(s, 3),
            sqlite3_column_int(s, 4), sqlite3_column_double(s, 5));
  sqlite3_finalize(s);
  fclose(out);
}

static const char *zCuts = "2";
static int alone = 0; /* --alone: one annual_projection per series */

/* The cases of the source view src (zDataset's series, or one of them). */
static long project_src(FILE *out, const char *zDataset, int P, int last_years) {
  static const char *const CUTS[2][3] = {{"Q1", "H1", "Q3"}, {"03", "06", "09"}};
  long n = 0;
  char *zSql;
  for (int c = 0; c < 3; c++) {
    if (strchr(zCuts, '1' + c) == NULL) continue;
    for (int m = 0; m < N_METHODS; m++) {
      zSql = sqlite3_mprintf(
          "DROP TABLE IF EXISTS temp.p; CREATE VIRTUAL TABLE temp.p USING annual_projection("
          "source=src, value=value, period=period, by=series, method=%s, through=%s)",
          METHODS[m], CUTS[P == 12][c]);
      exec(zSql);
      sqlite3_free(zSql);
      /* years with >= 3 earlier whole years, the last last_years of them */
      sqlite3_stmt *s;
      if (sqlite3_prepare_v2(
              db,
              "WITH span AS (SELECT series, CAST(substr(min(period), 1, 4) AS INTEGER) AS y0,"
              " CAST(substr(max(period), 1, 4) AS INTEGER) AS y1 FROM src GROUP BY series)"
              " SELECT p.series, p.year, p.ytd, p.projection, p.low, p.high, p.actual"
              " FROM temp.p AS p JOIN span USING (series)"
              " WHERE p.actual IS NOT NULL AND p.year >= span.y0 + 3"
              " AND p.year > span.y1 - ?1 ORDER BY p.series, p.year",
              -1, &s, NULL) != SQLITE_OK)
        die("cases");
      sqlite3_bind_int(s, 1, last_years);
      while (sqlite3_step(s) == SQLITE_ROW) {
        fprintf(out, "\"%s\",\"%s\",%d,%d,%s", zDataset, sqlite3_column_text(s, 0),
                sqlite3_column_int(s, 1), (c + 1) * P / 4, METHODS[m]);
        for (int k = 2; k <= 6; k++) csv_real(out, s, k);
        fputc('\n', out);
        n++;
      }
      sqlite3_finalize(s);
    }
  }
  return n;
}

/* The view src over one data set's series, or one series of it when
** zSeries is not NULL. */
static void src_view(const char *zDataset, const char *zSeries) {
  char *zSql = sqlite3_mprintf(
      "DROP VIEW IF EXISTS src; CREATE VIEW src AS SELECT series, period, value FROM obs"
      " WHERE dataset = %Q AND (%Q IS NULL OR series = %Q)",
      zDataset, zSeries, zSeries);
  exec(zSql);
  sqlite3_free(zSql);
}

static long project(FILE *out, const char *zDataset, int P, int last_years) {
  long n = 0;
  if (!alone) {
    src_view(zDataset, NULL);
    return project_src(out, zDataset, P, last_years);
  }
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(db,
                         "SELECT series FROM obs WHERE dataset = ?1 GROUP BY series"
                         " ORDER BY min(rowid)",
                         -1, &s, NULL) != SQLITE_OK)
    die("series");
  sqlite3_bind_text(s, 1, zDataset, -1, SQLITE_STATIC);
  while (sqlite3_step(s) == SQLITE_ROW) {
    src_view(zDataset, (const char *)sqlite3_column_text(s, 0));
    n += project_src(out, zDataset, P, last_years);
  }
  sqlite3_finalize(s);
  return n;
}

int main(int argc, char **argv) {
  if (argc < 2 || argv[1][0] == '-') {
    fprintf(stderr,
            "usage: cases OUT_DIR [--kosis FILE]... [--series DATASET FILE]...\n"
            "             [--synthetic-quarterly N] [--synthetic-monthly N] [--last-years N]\n"
            "             [--cuts 1,2,3] [--alone]\n");
    return 2;
  }
  int n_quarterly = 100, n_monthly = 40, last_years = 10;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open");
  char *zErr = NULL;
  if (sqlite3_tradestat_init(db, &zErr, NULL) != SQLITE_OK) {
    fprintf(stderr, "cases: %s\n", zErr);
    return 1;
  }
  exec("CREATE TABLE obs(dataset TEXT, series TEXT, period TEXT, value REAL)");
  if (sqlite3_prepare_v2(db, "INSERT INTO obs VALUES(?1, ?2, ?3, ?4)", -1, &ins, NULL))
    die("prepare");
  exec("BEGIN");
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--synthetic-quarterly") == 0 && i + 1 < argc)
      n_quarterly = atoi(argv[++i]);
    else if (strcmp(argv[i], "--synthetic-monthly") == 0 && i + 1 < argc)
      n_monthly = atoi(argv[++i]);
    else if (strcmp(argv[i], "--last-years") == 0 && i + 1 < argc)
      last_years = atoi(argv[++i]);
    else if (strcmp(argv[i], "--cuts") == 0 && i + 1 < argc)
      zCuts = argv[++i];
    else if (strcmp(argv[i], "--alone") == 0)
      alone = 1;
  }
  synthetic("synthetic quarterly", 4, n_quarterly, 20230701);
  synthetic("synthetic monthly", 12, n_monthly, 20230702);
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--kosis") == 0 && i + 1 < argc)
      kosis(argv[++i]);
    else if (strcmp(argv[i], "--series") == 0 && i + 2 < argc)
      long_csv(argv[i + 1], argv[i + 2]), i += 2;
    else if (strcmp(argv[i], "--alone") == 0)
      continue; /* read above */
    else if (argv[i][0] == '-' && i + 1 < argc)
      i++; /* options read above */
    else {
      fprintf(stderr, "cases: unknown argument '%s'\n", argv[i]);
      return 2;
    }
  }
  sqlite3_finalize(ins);
  exec("COMMIT");
  write_series(argv[1]);
  char path[4096];
  snprintf(path, sizeof(path), "%s/cases.csv", argv[1]);
  FILE *out = fopen(path, "w");
  if (out == NULL) {
    perror(path);
    return 1;
  }
  fprintf(out, "dataset,series,year,cut,method,ytd,projection,low,high,actual\n");
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(db,
                         "SELECT dataset, max(CASE WHEN period LIKE '%-Q%' THEN 4 ELSE 12 END),"
                         " count(DISTINCT series) FROM obs GROUP BY dataset ORDER BY min(rowid)",
                         -1, &s, NULL) != SQLITE_OK)
    die("datasets");
  while (sqlite3_step(s) == SQLITE_ROW) {
    char *zDataset = sqlite3_mprintf("%s", sqlite3_column_text(s, 0));
    long n = project(out, zDataset, sqlite3_column_int(s, 1), last_years);
    printf("cases: %s: %d series, %ld method x case rows\n", zDataset, sqlite3_column_int(s, 2), n);
    sqlite3_free(zDataset);
  }
  sqlite3_finalize(s);
  fclose(out);
  sqlite3_close(db);
  return 0;
}
