/*
** tasks.c -- what the benchmark times, as SQL.
**
** Contract:
**  1. Each task pairs the extension with the best plain-SQL way an
**     analyst would write the same thing, over the same tables of the
**     same database (tests/bench/gen.c).
**  2. Both sides return count(*), count(result), sum(result) over the
**     whole result, so neither can skip work the other does.
**  3. must_agree pairs compute the same numbers (gap-correct on both
**     sides, or data with no gaps): run.c fails when they differ.  The
**     LAG(x, 12) query is never required to agree on the full table: it
**     is wrong where months are missing, which is the point.
**  4. $P in a query is replaced by the filter partner (P7, a partner
**     without gaps; P1 in a data set too small to have a P7), $Y by the
**     latest year of the data.
**  5. walk, walk_value and sort (and the _cover variants, over a copy of
**     direct_trade with a covering index) are SQLite's own ways to read
**     the rows the streaming scan reads, in its order: the floors its
**     cost per row is compared with (docs/performance.md).
**  6. The "peers" queries (trade_full, annual, proj_latest, scan_*) are
**     the tasks DuckDB and pandas also run (tests/bench/peers/): their
**     result columns are what the peers return, so run.c's --tsv output
**     can be checked against them.
*/
#include "tasks.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

#define YOY_WINDOW      "PARTITION BY flow, partner, category ORDER BY period"
#define PRIOR_YEAR(col) "printf('%04d%s', substr(" col ", 1, 4) - 1, substr(" col ", 5))"

const char *const bench_setup[] = {
    "CREATE VIRTUAL TABLE temp.bench_yoy USING yoy_growth(source=direct_trade, "
    "value=amount, period=period, by='flow, partner, category')",
    "CREATE VIRTUAL TABLE temp.bench_txn USING yoy_growth(source=transactions, "
    "value=amount, period=period, by='flow, partner', grain=month)",
    "CREATE VIRTUAL TABLE temp.bench_trade USING trade_imbalance(source=direct_trade, "
    "period=period, value=amount, flow=flow, export_label='export', import_label='import', "
    "by='partner', grain=month)", /* sums the categories of a partner on purpose */
    "CREATE VIRTUAL TABLE temp.bench_proj_prior USING annual_projection(source=direct_trade, "
    "value=amount, period=period, by='flow, partner, category', method=prior_share, through=H1)",
    "CREATE VIRTUAL TABLE temp.bench_annual USING yoy_growth(source=direct_trade, "
    "value=amount, period=period, by='flow, partner, category', grain=year)",
    "CREATE VIRTUAL TABLE temp.bench_proj_hw USING annual_projection(source=direct_trade, "
    "value=amount, period=period, by='flow, partner, category', method=holt_winters, through=H1)",
};
const int bench_setup_count = (int)(sizeof(bench_setup) / sizeof(bench_setup[0]));

const char bench_memory_query[] = "SELECT count(*), count(growth), sum(growth) FROM temp.bench_txn";

/* Year-to-date (Jan-Jun), total and their period counts per series and
** year; a projection only where both years are complete enough. */
#define PROJECTION_SQL                                                                        \
  "WITH y AS (SELECT flow, partner, category, CAST(substr(period, 1, 4) AS INTEGER) AS year," \
  " sum(CASE WHEN substr(period, 6, 2) <= '06' THEN amount END) AS ytd,"                      \
  " count(CASE WHEN substr(period, 6, 2) <= '06' THEN 1 END) AS n_ytd,"                       \
  " sum(amount) AS total, count(*) AS n"                                                      \
  " FROM direct_trade GROUP BY flow, partner, category, year)"                                \
  " SELECT count(*), count(proj), sum(proj) FROM ("                                           \
  "  SELECT c.ytd * 1.0 * p.total / p.ytd AS proj FROM y AS c LEFT JOIN y AS p"               \
  "  ON p.flow = c.flow AND p.partner = c.partner AND p.category = c.category"                \
  "  AND p.year = c.year - 1 AND c.n_ytd = 6 AND p.n_ytd = 6 AND p.n = 12"

#define PROJECTION_SQL_ALL PROJECTION_SQL ")"
/* "+ 0": a plain c.year = $Y makes SQLite scan y for every row instead of
** building its automatic index on the join (0.3 s -> 1.1 s CPU at 0.1). */
#define PROJECTION_SQL_LATEST PROJECTION_SQL " WHERE c.year + 0 = $Y)"

/* The same in one pass, as an analyst who trusts every label to start
** with its year writes it: conditional sums per series over the last two
** years only (period >= 'Y-1', a range SQLite serves by a skip-scan of
** the series index, so it reads about a twelfth of the rows). */
#define PROJECTION_SQL_1PASS                                                                   \
  "SELECT count(*), count(proj), sum(proj) FROM ("                                             \
  " SELECT CASE WHEN n_ytd = 6 AND p_n_ytd = 6 AND p_n = 12"                                   \
  " THEN ytd * 1.0 * p_total / p_ytd END AS proj FROM ("                                       \
  "  SELECT sum(CASE WHEN period >= '$Y' AND substr(period, 6, 2) <= '06' THEN amount END)"    \
  " AS ytd,"                                                                                   \
  "  count(CASE WHEN period >= '$Y' AND substr(period, 6, 2) <= '06' THEN 1 END) AS n_ytd,"    \
  "  count(CASE WHEN period >= '$Y' THEN 1 END) AS n,"                                         \
  "  sum(CASE WHEN period < '$Y' AND substr(period, 6, 2) <= '06' THEN amount END) AS p_ytd,"  \
  "  count(CASE WHEN period < '$Y' AND substr(period, 6, 2) <= '06' THEN 1 END) AS p_n_ytd,"   \
  "  sum(CASE WHEN period < '$Y' THEN amount END) AS p_total,"                                 \
  "  count(CASE WHEN period < '$Y' THEN 1 END) AS p_n"                                         \
  "  FROM direct_trade WHERE period >= CAST($Y - 1 AS TEXT) AND period < CAST($Y + 1 AS TEXT)" \
  "  GROUP BY flow, partner, category) WHERE n > 0)"

/* Balance, coverage and the balance's growth per partner and month
** (negative-base rule: divided by |prior balance|). */
#define TRADE_FULL_SQL                                                                        \
  "WITH m AS (SELECT partner, period, sum(CASE WHEN flow = 'export' THEN amount END) AS x,"   \
  " sum(CASE WHEN flow = 'import' THEN amount END) AS i FROM direct_trade GROUP BY partner, " \
  "period)"                                                                                   \
  " SELECT count(*), count(g), sum(b), sum(cov), sum(g) FROM (SELECT c.x - c.i AS b,"         \
  " c.x * 100.0 / nullif(c.i, 0) AS cov,"                                                     \
  " ((c.x - c.i) - (p.x - p.i)) * 100.0 / nullif(abs(p.x - p.i), 0) AS g"                     \
  " FROM m AS c LEFT JOIN m AS p ON p.partner = c.partner AND p.period = " PRIOR_YEAR(        \
      "c.period") ")"

/* Annual totals per series, and their growth where both years have all
** twelve months. */
#define ANNUAL_SQL                                                                             \
  "WITH y AS (SELECT flow, partner, category, CAST(substr(period, 1, 4) AS INTEGER) AS year,"  \
  " sum(amount) AS v, count(*) AS n FROM direct_trade GROUP BY flow, partner, category, year)" \
  " SELECT count(*), count(g), sum(v), sum(g) FROM (SELECT c.v,"                               \
  " CASE WHEN c.n = 12 AND p.n = 12 THEN (c.v - p.v) * 100.0 / nullif(abs(p.v), 0) END AS g"   \
  " FROM y AS c LEFT JOIN y AS p ON p.flow = c.flow AND p.partner = c.partner"                 \
  " AND p.category = c.category AND p.year = c.year - 1)"

#define TXN_SQL(month_expr)                                                          \
  "SELECT count(*), count(g), sum(g) FROM (SELECT (v - prev) / abs(prev) * 100 AS g" \
  " FROM (SELECT v, LAG(v, 12) OVER (PARTITION BY flow, partner ORDER BY m) AS prev" \
  " FROM (SELECT flow, partner, " month_expr                                         \
  " AS m, sum(amount) AS v"                                                          \
  " FROM transactions GROUP BY flow, partner, m)))"

#define LAG_SQL(where)                                                                          \
  "SELECT count(*), count(g), sum(g) FROM (SELECT (amount - prev) * 1.0 / abs(prev) * 100 AS g" \
  " FROM (SELECT amount, LAG(amount, 12) OVER (" YOY_WINDOW                                     \
  ") AS prev"                                                                                   \
  " FROM direct_trade" where "))"

/* The rows of direct_trade in series order, as SQLite itself walks them
** and hands them to a caller (run.c reads each column once, as a value):
** the floor under every streaming scan, whose source query is this one.
** The result is the last row's. */
#define WALK_SQL(table)                                        \
  "SELECT flow, partner, category, period, amount FROM " table \
  " ORDER BY flow, partner, category, period"
/* The same rows in the same order, read in storage order and sorted
** (ORDER BY +col: no index serves it), the streaming scan's other way. */
#define SORT_SQL(table)                                        \
  "SELECT flow, partner, category, period, amount FROM " table \
  " ORDER BY +flow, +partner, +category, +period"
/* SQLite's walk handing out the value alone: what a caller pays when it
** needs no key (the lower floor). */
#define WALK_VALUE_SQL(table)                          \
  "SELECT sum(amount) FROM (SELECT amount FROM " table \
  " ORDER BY flow, partner, category, period LIMIT -1)"

/* A copy of direct_trade (in temp, so the data file and the other tasks'
** plans stay as they are) whose index covers the value column: the walk
** then reads no table page. */
#define COVER_SETUP                                                                                \
  "CREATE TABLE IF NOT EXISTS temp.dt_cover AS SELECT * FROM main.direct_trade ORDER BY rowid;"    \
  "CREATE INDEX IF NOT EXISTS temp.dt_cover_series"                                                \
  " ON dt_cover(flow, partner, category, period, amount);"                                         \
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_yoy_cover USING yoy_growth(source=temp.dt_cover," \
  " value=amount, period=period, by='flow, partner, category')"

const bench_lazy_setup bench_lazy[] = {{"yoy_cover,walk_cover,walk_value_cover", COVER_SETUP}};
const int bench_lazy_count = (int)(sizeof(bench_lazy) / sizeof(bench_lazy[0]));

const bench_query bench_queries[] = {
    {"yoy_vtab", "yoy_growth vtab", "yoy_growth",
     "SELECT count(*), count(growth), sum(growth) FROM temp.bench_yoy"},
    {"yoy_window", "yoy_growth() OVER", "yoy_growth",
     "SELECT count(*), count(g), sum(g) FROM (SELECT yoy_growth(amount, period) OVER (" YOY_WINDOW
     ") AS g FROM direct_trade)"},
    {"lag", "LAG(amount, 12)", NULL, LAG_SQL("")},
    {"selfjoin", "self-join on prior year", NULL,
     "SELECT count(*), count(g), sum(g) FROM (SELECT (c.amount - p.amount) * 1.0 / abs(p.amount) * "
     "100"
     " AS g FROM direct_trade AS c LEFT JOIN direct_trade AS p ON p.flow = c.flow"
     " AND p.partner = c.partner AND p.category = c.category AND p.period = " PRIOR_YEAR(
         "c.period") ")"},
    {"yoy_vtab_p", "yoy_growth vtab, P7", "yoy_growth",
     "SELECT count(*), count(growth), sum(growth) FROM temp.bench_yoy WHERE partner = '$P'"},
    {"lag_p", "LAG(amount, 12), P7", NULL, LAG_SQL(" WHERE partner = '$P'")},
    {"trade_vtab", "trade_imbalance vtab", "trade_imbalance",
     "SELECT count(*), count(balance), sum(balance), sum(prior_balance) FROM temp.bench_trade"},
    {"trade_sql", "SUM(CASE flow) pivot self-join", NULL,
     "WITH m AS (SELECT partner, period, sum(CASE WHEN flow = 'export' THEN amount END) AS x,"
     " sum(CASE WHEN flow = 'import' THEN amount END) AS i FROM direct_trade GROUP BY partner, "
     "period)"
     " SELECT count(*), count(c.x - c.i), sum(c.x - c.i), sum(p.x - p.i) FROM m AS c"
     " LEFT JOIN m AS p ON p.partner = c.partner AND p.period = " PRIOR_YEAR("c.period")},
    {"proj_prior", "annual_projection prior_share", "annual_projection",
     "SELECT count(*), count(projection), sum(projection) FROM temp.bench_proj_prior"},
    {"proj_sql", "CTE: YTD, prior YTD, prior total", NULL, PROJECTION_SQL_ALL},
    /* holt_winters fits models per series and year (warm-started along
    ** each series' backtest): on all 8,000 series about 20 s a run. */
    {"proj_hw", "annual_projection holt_winters", "annual_projection",
     "SELECT count(*), count(projection), sum(projection) FROM temp.bench_proj_hw"},
    {"pct", "pct_change(a, b)", "pct_change",
     "SELECT count(*), count(g), sum(g) FROM (SELECT pct_change(amount, list_price) AS g"
     " FROM transactions)"},
    {"pct_sql", "(a - b) / abs(b) * 100", NULL,
     "SELECT count(*), count(g), sum(g) FROM (SELECT (amount - list_price) / abs(list_price) * 100"
     " AS g FROM transactions)"},
    {"txn_vtab", "yoy_growth vtab grain=month", "yoy_growth", bench_memory_query},
    {"txn_sql", "strftime GROUP BY + LAG", NULL, TXN_SQL("strftime('%Y-%m', period)")},
    {"txn_substr", "substr GROUP BY + LAG", NULL, TXN_SQL("substr(period, 1, 7)")},
    /* the tasks the peers run too (tests/bench/peers/) */
    {"trade_full", "trade_imbalance vtab + coverage, growth", "trade_imbalance",
     "SELECT count(*), count(balance_growth), sum(balance), sum(coverage), sum(balance_growth)"
     " FROM temp.bench_trade"},
    {"trade_full_sql", "pivot self-join + coverage, growth", NULL, TRADE_FULL_SQL},
    {"annual", "yoy_growth vtab grain=year", "yoy_growth",
     "SELECT count(*), count(growth), sum(value), sum(growth) FROM temp.bench_annual"},
    {"annual_sql", "GROUP BY year, self-join", NULL, ANNUAL_SQL},
    {"proj_latest", "prior_share, latest year", "annual_projection",
     "SELECT count(*), count(projection), sum(projection) FROM temp.bench_proj_prior"
     " WHERE year = $Y"},
    {"proj_latest_sql", "CTE, latest year", NULL, PROJECTION_SQL_LATEST},
    {"proj_latest_1pass", "one-pass conditional sums, latest year", NULL, PROJECTION_SQL_1PASS},
    {"scan_dt", "SELECT sum(amount) FROM direct_trade", NULL,
     "SELECT count(*), sum(amount) FROM direct_trade"},
    {"scan_txn", "SELECT sum(amount) FROM transactions", NULL,
     "SELECT count(*), sum(amount) FROM transactions"},
    /* the streaming scan's own floor: SQLite walking the same index */
    {"walk", "SQLite's index walk, series order", NULL, WALK_SQL("direct_trade")},
    {"walk_value", "the walk, value column alone", NULL, WALK_VALUE_SQL("direct_trade")},
    {"sort", "storage-order read, sorted", NULL, SORT_SQL("direct_trade")},
    {"yoy_cover", "yoy_growth vtab, covering index", "yoy_growth",
     "SELECT count(*), count(growth), sum(growth) FROM temp.bench_yoy_cover"},
    {"walk_cover", "the same walk, covering index", NULL, WALK_SQL("temp.dt_cover")},
    {"walk_value_cover", "the walk, value alone, covering index", NULL,
     WALK_VALUE_SQL("temp.dt_cover")},
};
const int bench_query_count = (int)(sizeof(bench_queries) / sizeof(bench_queries[0]));

const bench_pair bench_pairs[] = {
    {"YoY, full table", "yoy_vtab", "lag", 0.33, 0},
    {"YoY, full table", "yoy_window", "lag", 1.1, 0},
    {"YoY, full table (gap-correct)", "yoy_vtab", "selfjoin", 0, 1},
    {"YoY, full table (gap-correct)", "yoy_window", "selfjoin", 0, 1},
    {"YoY, WHERE partner = P7", "yoy_vtab_p", "yoy_vtab", 0.05, 0},
    {"YoY, WHERE partner = P7", "yoy_vtab_p", "lag_p", 0, 1},
    {"trade imbalance + prior year", "trade_vtab", "trade_sql", 0.5, 1},
    {"projection from H1", "proj_prior", "proj_sql", 0.5, 1},
    {"projection from H1, holt_winters", "proj_hw", "proj_prior", 5, 0},
    {"pct_change, transactions", "pct", "pct_sql", 1.3, 1},
    {"transactions -> month YoY", "txn_vtab", "txn_sql", 0.5, 1},
    {"transactions -> month YoY", "txn_vtab", "txn_substr", 0, 1},
    {"trade balance, coverage, growth", "trade_full", "trade_full_sql", 0, 1},
    {"annual totals + growth", "annual", "annual_sql", 0, 1},
    {"projection, latest year", "proj_latest", "proj_latest_sql", 0, 1},
    {"projection, latest year", "proj_latest", "proj_latest_1pass", 0, 1},
    {"full-scan floor, direct_trade", "yoy_vtab", "scan_dt", 0, 0},
    {"full-scan floor, transactions", "txn_vtab", "scan_txn", 0, 0},
    {"YoY per row against SQLite's index walk", "yoy_vtab", "walk", 1.3, 0},
    {"YoY per row against the walk of the value alone", "yoy_vtab", "walk_value", 0, 0},
    {"the same, covering index", "yoy_cover", "walk_cover", 3, 0},
    {"the same, covering index", "yoy_cover", "walk_value_cover", 0, 0},
    {"series order: sort against index walk", "sort", "walk", 0, 0},
    {"YoY, covering index against none", "yoy_cover", "yoy_vtab", 0, 1},
};
const int bench_pair_count = (int)(sizeof(bench_pairs) / sizeof(bench_pairs[0]));

static int meta_int(sqlite3 *db, const char *zKey) {
  sqlite3_stmt *stmt = NULL;
  int value = 0;
  if (sqlite3_prepare_v2(db, "SELECT value FROM bench_meta WHERE key = ?1", -1, &stmt, NULL) ==
      SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, zKey, -1, SQLITE_STATIC);
    if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return value;
}

const char *bench_substitutes(sqlite3 *db, char *zYear, int nYear) {
  /* gen.c's months start at 2000-01 */
  snprintf(zYear, (size_t)nYear, "%d", 2000 + (meta_int(db, "months") - 1) / 12);
  return meta_int(db, "partners") >= 7 ? "P7" : "P1";
}
