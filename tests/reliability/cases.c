/*
** cases.c -- one representative query per SQL name and per virtual-table
** form, over the fixture of harness.c.
**
** Contract:
**  1. Keyed by the registered name: a case whose name is not registered
**     (its family has not landed) is skipped and reported by the harness.
**  2. Queries read the fixture through every documented form:
**     scalar, aggregate (GROUP BY), window (with a moving frame so xInverse
**     runs), table-valued and CREATE VIRTUAL TABLE (with pushdown).
**  3. Every case succeeds without a fault (the harnesses fail otherwise:
**     a case that stops at its own error injects nothing).
**  4. Queries are deterministic (ORDER BY where row order could differ) so
**     a run under fault injection compares with a reference run.
*/
#include "harness.h"

#define ALL_PERIOD_KINDS                                                       \
  "(SELECT '2019 4/4 p)' p UNION ALL SELECT '2023-H1' UNION ALL SELECT 202306" \
  " UNION ALL SELECT '2024-02-29 12:00:00' UNION ALL SELECT 2023 UNION ALL SELECT NULL)"

const th_case th_cases[] = {
    {"tradestat_version", "scalar", NULL, "SELECT tradestat_version();"},
    {"tradestat_debug", "scalar", NULL, "SELECT length(tradestat_debug()) > 0;"},
    {"period_normalize", "scalar", NULL,
     "SELECT period_normalize(p) FROM " ALL_PERIOD_KINDS ";"
     "SELECT period_normalize(period) FROM direct_trade ORDER BY rowid LIMIT 5;"},
    {"period_kind", "scalar", NULL, "SELECT period_kind(p) FROM " ALL_PERIOD_KINDS ";"},
    {"period_year", "scalar", NULL, "SELECT period_year(p) FROM " ALL_PERIOD_KINDS ";"},
    {"period_shift", "scalar", NULL, "SELECT period_shift(p, -5) FROM " ALL_PERIOD_KINDS ";"},
    {"period_prior_year", "scalar", NULL, "SELECT period_prior_year(p) FROM " ALL_PERIOD_KINDS ";"},
    {"period_rollup", "scalar", NULL,
     "SELECT period_rollup('2023-05-17', k) FROM (SELECT 'year' k UNION ALL SELECT 'half'"
     " UNION ALL SELECT 'quarter' UNION ALL SELECT 'month' UNION ALL SELECT 'day');"},
    {"period_year_fraction", "scalar", NULL,
     "SELECT period_year_fraction(p) FROM " ALL_PERIOD_KINDS ";"},
    {"period_start", "scalar", NULL, "SELECT period_start(p) FROM " ALL_PERIOD_KINDS ";"},
    {"period_end", "scalar", NULL, "SELECT period_end(p) FROM " ALL_PERIOD_KINDS ";"},
    {"pct_change", "scalar", NULL,
     "SELECT pct_change(1400, 680.8), pct_change(-279.6, -382.3), pct_change(1, 0);"
     "SELECT pct_change(amount, 100) FROM direct_trade ORDER BY rowid LIMIT 4;"},
    {"cagr", "scalar", NULL, "SELECT cagr(2.75, 4.73, 4), cagr(0, 1, 1);"},
    {"cagr", "aggregate", NULL,
     "SELECT partner, flow, cagr(amount, period) FROM direct_trade GROUP BY 1, 2 ORDER BY 1, 2;"},
    {"yoy_growth", "aggregate", NULL,
     "SELECT partner, flow, yoy_growth(amount, period) FROM direct_trade"
     " GROUP BY 1, 2 ORDER BY 1, 2;"},
    {"yoy_growth", "window", NULL,
     "SELECT partner, flow, period, yoy_growth(amount, period) OVER"
     " (PARTITION BY partner, flow ORDER BY period) FROM direct_trade ORDER BY 1, 2, 3;"
     "SELECT period, yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 6"
     " PRECEDING AND CURRENT ROW) FROM direct_trade WHERE partner = 'USA' AND flow = 'export'"
     " ORDER BY period;"},
    {"ytd_growth", "aggregate", NULL,
     "SELECT partner, flow, ytd_growth(amount, period) FROM direct_trade"
     " GROUP BY 1, 2 ORDER BY 1, 2;"},
    {"ytd_growth", "window", NULL,
     "SELECT partner, flow, period, ytd_growth(amount, period) OVER"
     " (PARTITION BY partner, flow ORDER BY period ROWS BETWEEN 8 PRECEDING AND CURRENT ROW)"
     " FROM direct_trade ORDER BY 1, 2, 3;"},
    {"trade_imbalance", "scalar", NULL,
     "SELECT trade_imbalance(451, 1400), trade_imbalance(451, 1400, 'coverage'),"
     " trade_imbalance(451, 1400, 'normalized'), trade_imbalance(451, 1400, 'grubel_lloyd'),"
     " trade_imbalance(0, 0, 'coverage');"},
    {"annual_run_rate", "scalar", NULL,
     "SELECT annual_run_rate(1400, '2023-H1'), annual_run_rate(amount, period)"
     " FROM direct_trade ORDER BY rowid LIMIT 3;"},
    {"annual_projection", "aggregate", NULL,
     "SELECT m, partner, annual_projection(amount, period, m) FROM direct_trade,"
     " (SELECT 'run_rate' m UNION ALL SELECT 'prior_share' UNION ALL SELECT 'avg_share'"
     "  UNION ALL SELECT 'snaive' UNION ALL SELECT 'linear' UNION ALL SELECT 'holt_winters'"
     "  UNION ALL SELECT 'auto')"
     " WHERE flow = 'export' GROUP BY 1, 2 ORDER BY 1, 2;"},
    {"annual_projection", "window", NULL,
     "SELECT partner, period, annual_projection(amount, period, 'prior_share') OVER"
     " (PARTITION BY partner ORDER BY period) FROM direct_trade WHERE flow = 'import'"
     " ORDER BY 1, 2;"},
    {"sparkline", "aggregate", NULL,
     "SELECT partner, flow, sparkline(amount, period) FROM direct_trade"
     " GROUP BY 1, 2 ORDER BY 1, 2;"},
    {"yoy_growth", "table-valued", NULL,
     "SELECT * FROM yoy_growth('direct_trade', 'amount', 'period', 'flow, partner')"
     " WHERE period >= '2021';"},
    {"yoy_growth", "create", NULL,
     "CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=direct_trade, value=amount,"
     " period=period, by='flow, partner', grain=half);"
     "SELECT * FROM g WHERE partner = 'China' AND flow IN ('import', 'export');"
     "SELECT count(*) FROM g; DROP TABLE g;"},
    /* Day roll-ups whose query is narrowed read the source's days apart
    ** (series_extent.c); a series that looks like a total row by its
    ** grand sum is read again and compared period by period (it is not
    ** one here, so the shares are shown). */
    {"yoy_growth", "days and a total row", NULL,
     "CREATE TEMP TABLE dd AS WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r"
     " WHERE i < 500) SELECT 'k' || (i % 3) k, date('2022-01-01', '+' || i || ' day') p, i v"
     " FROM r;"
     "SELECT * FROM yoy_growth('dd', 'v', 'p', 'k', 'grain=month') WHERE series = 'k1';"
     "CREATE TEMP TABLE tt(k, p, v); INSERT INTO tt VALUES ('a', '2022', 1), ('a', '2023', 3),"
     " ('b', '2022', 3), ('b', '2023', 1), ('t', '2022', 5), ('t', '2023', 3);"
     "SELECT series, period, share, contribution FROM yoy_growth('tt', 'v', 'p', 'k')"
     " ORDER BY 1, 2; DROP TABLE dd; DROP TABLE tt;"},
    /* Two by columns: share within each flow.  Without total=, the guard
    ** runs per group: export 'Near' has the grand sum of its flow's other
    ** partners (the exact rule) and import 'B' is within the rounding of
    ** A + C in 2023 (unit 10, the rounded rule), so both are judged
    ** period by period (one more read of the source) and, neither being
    ** a total, the shares are shown.  With total=, each flow's 'Total'
    ** partner is its total.  (A refused total row ends in an error
    ** without any fault, which this harness cannot sweep; its reads are
    ** these.) */
    {"yoy_growth", "shares in groups",
     "CREATE TABLE fg(flow TEXT, partner TEXT, p TEXT, v INTEGER);"
     "INSERT INTO fg VALUES ('export', 'A', '2022', 100), ('export', 'A', '2023', 120),"
     " ('export', 'B', '2022', 300), ('export', 'B', '2023', 280), ('export', 'C', '2022', 50),"
     " ('export', 'C', '2023', 60), ('export', 'Near', '2022', 463), ('export', 'Near', '2023', "
     "447),"
     " ('import', 'A', '2022', 50), ('import', 'A', '2023', 90), ('import', 'B', '2022', 150),"
     " ('import', 'B', '2023', 110), ('import', 'C', '2022', 20), ('import', 'C', '2023', 30);"
     "CREATE TABLE ft AS SELECT * FROM fg WHERE partner <> 'Near' UNION ALL"
     " SELECT flow, 'Total', p, sum(v) FROM fg WHERE partner <> 'Near' GROUP BY flow, p;",
     "SELECT series, period, share, share_change, contribution"
     " FROM yoy_growth('fg', 'v', 'p', 'flow, partner') ORDER BY 1, 2;"
     "SELECT series, period, share, contribution"
     " FROM yoy_growth('ft', 'v', 'p', 'flow, partner', 'total=Total') ORDER BY 1, 2;"
     "CREATE VIRTUAL TABLE temp.gt USING yoy_growth(source=ft, value=v, period=p,"
     " by='flow, partner', total=Total);"
     "SELECT partner, share, share_change FROM gt WHERE flow = 'import' AND period = '2023'"
     " ORDER BY 1; DROP TABLE gt;"},
    {"trade_imbalance", "table-valued", NULL,
     "SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');"},
    {"trade_imbalance", "create", NULL,
     "CREATE VIRTUAL TABLE temp.ti USING trade_imbalance(source=direct_trade, period=period,"
     " value=amount, flow=flow, export_label='export', import_label='import', by='partner',"
     " grain=year);"
     "SELECT * FROM ti WHERE partner = 'USA';"
     "CREATE VIRTUAL TABLE temp.tw USING trade_imbalance(source=wide, period=month,"
     " exports=exports, imports=imports, grain=quarter);"
     "SELECT * FROM tw WHERE period > '2021-Q2'; DROP TABLE ti; DROP TABLE tw;"},
    {"annual_projection", "table-valued", NULL,
     "SELECT * FROM annual_projection('direct_trade', 'amount', 'period', 'flow, partner',"
     " 'auto');"},
    {"annual_projection", "create", NULL,
     "CREATE VIRTUAL TABLE temp.o USING annual_projection(source=direct_trade, value=amount,"
     " period=period, by='flow, partner', method=auto, level=80, through=Q2);"
     "SELECT * FROM o; DROP TABLE o;"},
    {"annual_projection", "reconcile", NULL,
     "CREATE VIRTUAL TABLE temp.r USING annual_projection(source=direct_trade, value=amount,"
     " period=period, by='flow, partner', method=prior_share, reconcile='partner=China');"
     "SELECT * FROM r; SELECT * FROM annual_projection('direct_trade', 'amount', 'period',"
     " 'flow, partner', 'auto', 'reconcile=''partner=China''') WHERE year > 2021; DROP TABLE r;"},
    /* auto's whole-source pre-pass kept across a cursor's filters (the
    ** inner loop of a CROSS JOIN) and handed to the next cursor (a
    ** correlated subquery's); the table-valued reconcile= in a correlated
    ** subquery, 'World' the sum of each flow's partners. */
    {"annual_projection", "auto between cursors",
     "CREATE TABLE keys(name TEXT); INSERT INTO keys VALUES ('China'), ('USA');"
     "CREATE VIRTUAL TABLE pa USING annual_projection(source=direct_trade, value=amount,"
     " period=period, by='flow, partner', method=auto);",
     "SELECT k.name, a.* FROM keys k CROSS JOIN pa a WHERE a.partner = k.name"
     " AND a.flow = 'export' ORDER BY 1, a.year;"
     "SELECT k.name, (SELECT printf('%.6f %.6f %s', projection, low, method) FROM pa"
     " WHERE partner = k.name AND flow = 'import' AND year = 2022) FROM keys k ORDER BY 1;"},
    {"annual_projection", "subquery reconcile",
     "CREATE TABLE keys(name TEXT); INSERT INTO keys VALUES ('China'), ('USA');"
     "CREATE TABLE rt AS SELECT period, flow, partner, amount FROM direct_trade UNION ALL"
     " SELECT period, flow, 'World', sum(amount) FROM direct_trade GROUP BY period, flow;",
     "SELECT k.name, (SELECT printf('%.6f %s', projection, note) FROM annual_projection('rt',"
     " 'amount', 'period', 'flow, partner', 'auto', 'reconcile=''partner=World''')"
     " WHERE series = '[\"export\",\"' || k.name || '\"]' AND year = 2022) FROM keys k"
     " ORDER BY 1;"},
    /* No through=, series ending at different points of their last year:
    ** the pre-pass reads the source again and pools each series (and
    ** each reconciled total) from every point (projection_vtab.c 8b). */
    {"annual_projection", "points of the year",
     "CREATE TABLE pt(reg TEXT, prod TEXT, p TEXT, v REAL);"
     "WITH RECURSIVE y(y) AS (SELECT 2017 UNION ALL SELECT y + 1 FROM y WHERE y < 2022),"
     " q(q) AS (VALUES (1), (2), (3), (4)), r(reg, i) AS (VALUES ('r1', 1), ('r2', 2)),"
     " pr(prod, j) AS (VALUES ('A', 1), ('B', 2), ('C', 3))"
     " INSERT INTO pt SELECT reg, prod, printf('%d-Q%d', y, q),"
     " 100 + 10 * q + 5 * (y - 2017) + 20 * i + ((y * 7 + q * 3 + i * 5 + j) % 7)"
     " FROM y, q, r, pr WHERE y < 2022 OR q <= CASE prod WHEN 'A' THEN 2 ELSE 3 END;"
     "INSERT INTO pt SELECT 'Total', prod, p, sum(v) FROM pt GROUP BY prod, p;",
     "SELECT * FROM annual_projection('pt', 'v', 'p', 'reg, prod', 'auto',"
     " 'reconcile=''reg=Total''') ORDER BY series, year;"
     "SELECT * FROM annual_projection('pt', 'v', 'p', 'reg, prod', 'prior_share')"
     " ORDER BY series, year;"},
    {"kosis_csv", "create", NULL,
     "CREATE VIRTUAL TABLE temp.k USING kosis_csv(file='" TH_CSV_PATH "');"
     "SELECT * FROM k; DROP TABLE k;"},
    /* The Open API's long layout with a cycle column: YYYY0N read by the
    ** cycle, kinds that follow one another in one series (the overlap
    ** check sorts), a unit column and LST_CHN_DE that do not name the
    ** series. */
    {"kosis_csv", "cycle", NULL,
     "CREATE VIRTUAL TABLE temp.kc USING kosis_csv(file='tests/data/long_api_cycle.csv');"
     "SELECT * FROM kc; DROP TABLE kc;"},
};

const int th_ncases = (int)(sizeof(th_cases) / sizeof(th_cases[0]));
