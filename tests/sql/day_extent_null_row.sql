.load build/tradestat
.headers on
.mode list
-- Days are rolled up (grain=year) as complete when the source holds days
-- up to the period's last day.  A row dated 31 December whose value is
-- NULL counts as holding it: one such row, of this series or of any
-- other, turns a year of days that ends on 15 June into a complete year
-- and its half-year sum 1660 into a fall of -54.5 % against the whole of
-- 2022 (3650), where without the row the year is 'incomplete period' and
-- has no growth.  A date spine LEFT JOINed to the transactions (future
-- days NULL), or a placeholder row marked '-', is all it takes.  Every
-- other rule of the project reads a NULL as a figure not known: the
-- tables skip such rows, and the aggregates give NULL when the latest
-- period has only NULLs ("never the growth of the period before it").
-- Plain SQL of the rule: a row without a figure changes nothing, so the
-- answer is the one without it.  The extent is now read over rows with a
-- figure, on both scan paths (vtab/series_extent.c, contract 1).
CREATE TABLE daily(k TEXT, p TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 530)
INSERT INTO daily SELECT 'a', date('2022-01-01', '+' || i || ' day'), 10 FROM r;

-- @check day_extent_null_row-1.1 the reference: 1 January 2022 to 15 June 2023, 2023 incomplete
SELECT period, value, growth, note FROM yoy_growth('daily', 'v', 'p', 'k', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2022|3650||no prior period
-- | 2023|1660||incomplete period
-- @check day_extent_null_row-1.2 a NULL placeholder on 31 December of the same series changes nothing
INSERT INTO daily VALUES ('a', '2023-12-31', NULL);
SELECT period, value, growth, note FROM yoy_growth('daily', 'v', 'p', 'k', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2022|3650||no prior period
-- | 2023|1660||incomplete period
-- @check day_extent_null_row-1.3 nor one of another series, with no figure at all
DELETE FROM daily WHERE v IS NULL;
INSERT INTO daily VALUES ('b', '2023-12-31', NULL);
SELECT series, period, value, growth, note FROM yoy_growth('daily', 'v', 'p', 'k', 'grain=year');
-- @expect
-- | series|period|value|growth|note
-- | a|2022|3650||no prior period
-- | a|2023|1660||incomplete period
-- @check day_extent_null_row-1.4 a '-' placeholder (no figure, as the scan reads it), on both paths
DELETE FROM daily WHERE v IS NULL;
INSERT INTO daily VALUES ('a', '2023-12-31', '-');
SELECT period, value, growth, note FROM yoy_growth('daily', 'v', 'p', 'k', 'grain=year, scan=hash')
UNION ALL
SELECT period, value, growth, note FROM yoy_growth('daily', 'v', 'p', 'k', 'grain=year, scan=stream');
-- @expect
-- | period|value|growth|note
-- | 2022|3650||no prior period
-- | 2023|1660||incomplete period
-- | 2022|3650||no prior period
-- | 2023|1660||incomplete period
-- @check day_extent_null_row-1.5 a figure on 31 December does reach it: 2023 whole, both paths (a's own '-' row taken out first: a day of a's year without its figure makes that year incomplete, tests/sql/pandas_null_days.sql)
DELETE FROM daily WHERE v = '-';
INSERT INTO daily VALUES ('b', '2023-12-31', 0);
SELECT series, period, value, growth, note FROM yoy_growth('daily', 'v', 'p', 'k', 'grain=year, scan=hash') WHERE series = 'a'
UNION ALL
SELECT series, period, value, growth, note FROM yoy_growth('daily', 'v', 'p', 'k', 'grain=year, scan=stream') WHERE series = 'a';
-- @expect
-- | series|period|value|growth|note
-- | a|2022|3650||no prior period
-- | a|2023|1660|-54.5205479452055|
-- | a|2022|3650||no prior period
-- | a|2023|1660|-54.5205479452055|
-- @check day_extent_null_row-1.6 long trade data: an import row of no figure on 31 December stretches nothing, both paths
CREATE TABLE tr(k TEXT, p TEXT, flow TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 530)
INSERT INTO tr SELECT 'a', date('2022-01-01', '+' || i || ' day'), f.flow, 10
FROM r, (SELECT 'export' AS flow UNION ALL SELECT 'import') f;
INSERT INTO tr VALUES ('a', '2023-12-31', 'import', NULL), ('a', '2023-12-31', NULL, 5);
SELECT period, exports, imports, exports_growth, note FROM trade_imbalance('tr', 'v', 'p', 'flow', 'k', 'grain=year, scan=hash')
UNION ALL
SELECT period, exports, imports, exports_growth, note FROM trade_imbalance('tr', 'v', 'p', 'flow', 'k', 'grain=year, scan=stream');
-- @expect
-- | period|exports|imports|exports_growth|note
-- | 2022|3650|3650||no prior period
-- | 2023|1660|1660||incomplete period
-- | 2022|3650|3650||no prior period
-- | 2023|1660|1660||incomplete period
