.load build/tradestat
.headers on
.mode list
-- A roll-up of days (grain=) in which a day's row has no figure.  pandas
-- writes a daily DataFrame with to_sql as TEXT timestamps
-- 'YYYY-MM-DD HH:MM:SS' in a TIMESTAMP column and a float64 column whose
-- NaN (a day whose figure was not collected: an outage, a withheld
-- figure, a reindex over a lost file) becomes NULL.  The scan skipped
-- such a row as sum() does, and a day with no row is a day with nothing
-- sold, so a quarter whose February was all NULL was "whole": 2022-Q1
-- summed January and March (620), and 2023-Q1 (900) showed +45.2 %
-- against it with no note, where pandas' resample('Q').sum(min_count=)
-- and every other rule of the project (a NULL is a figure not known: a
-- month row NULL makes its quarter 'incomplete period', a NULL part
-- makes its period's total unknown) give no growth.  A row without a
-- figure inside a roll-up of days now makes it 'incomplete period', on
-- both scan paths, in yoy_growth, trade_imbalance and annual_projection;
-- a period whose rows all lack a figure still gives no row, as before.
CREATE TABLE daily("date" TIMESTAMP, partner TEXT, amount REAL);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 729)
INSERT INTO daily SELECT datetime('2022-01-01', '+' || i || ' day'), 'China', 10.0 FROM r;
UPDATE daily SET amount = NULL WHERE "date" BETWEEN '2022-02-01' AND '2022-02-28 23:59:59';

-- @check pandas_null_days-1.1 the quarter holding the NULL February is incomplete; so is 2023-Q1's growth against it; ytd too
SELECT period, value, prior_value, growth, ytd_growth, note
FROM yoy_growth('daily', 'amount', 'date', 'partner', 'grain=quarter')
WHERE period IN ('2022-Q1', '2022-Q2', '2023-Q1', '2023-Q2');
-- @expect
-- | period|value|prior_value|growth|ytd_growth|note
-- | 2022-Q1|620.0||||incomplete period
-- | 2022-Q2|910.0||||no prior period
-- | 2023-Q1|900.0|620.0|||incomplete prior period
-- | 2023-Q2|910.0|910.0|0.0||incomplete prior year-to-date
-- @check pandas_null_days-1.2 both scan paths agree, and grain=year sees the hole too
SELECT period, value, growth, note FROM yoy_growth('daily', 'amount', 'date', 'partner', 'grain=year, scan=hash')
UNION ALL
SELECT period, value, growth, note FROM yoy_growth('daily', 'amount', 'date', 'partner', 'grain=year, scan=stream');
-- @expect
-- | period|value|growth|note
-- | 2022|3370.0||incomplete period
-- | 2023|3650.0||incomplete prior period
-- | 2022|3370.0||incomplete period
-- | 2023|3650.0||incomplete prior period
-- @check pandas_null_days-1.3 by month: the NULL February gives no row (as before), January and March stay whole
SELECT period, value, note FROM yoy_growth('daily', 'amount', 'date', 'partner', 'grain=month, scan=hash')
WHERE period <= '2022-03'
UNION ALL
SELECT period, value, note FROM yoy_growth('daily', 'amount', 'date', 'partner', 'grain=month, scan=stream')
WHERE period <= '2022-03';
-- @expect
-- | period|value|note
-- | 2022-01|310.0|no prior period
-- | 2022-03|310.0|no prior period
-- | 2022-01|310.0|no prior period
-- | 2022-03|310.0|no prior period

-- One NULL day among figures (a single lost day) is enough: 15 March 2023.
UPDATE daily SET amount = 10.0 WHERE amount IS NULL;
UPDATE daily SET amount = NULL WHERE "date" = '2023-03-15 00:00:00';
-- @check pandas_null_days-2.1 its month and quarter are incomplete, on both paths; the month before is not, April's year-to-date is broken
SELECT period, value, growth, note FROM yoy_growth('daily', 'amount', 'date', 'partner', 'grain=month, scan=hash')
WHERE period BETWEEN '2023-02' AND '2023-04'
UNION ALL
SELECT period, value, growth, note FROM yoy_growth('daily', 'amount', 'date', 'partner', 'grain=quarter, scan=stream')
WHERE period = '2023-Q1';
-- @expect
-- | period|value|growth|note
-- | 2023-02|280.0|0.0|
-- | 2023-03|300.0||incomplete period
-- | 2023-04|300.0|0.0|incomplete year-to-date
-- | 2023-Q1|890.0||incomplete period

-- Wide trade data: a NaN in the imports column withholds the imports side alone.
CREATE TABLE wide("date" TIMESTAMP, exports REAL, imports REAL);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 729)
INSERT INTO wide SELECT datetime('2022-01-01', '+' || i || ' day'), 10.0, 8.0 FROM r;
UPDATE wide SET imports = NULL WHERE "date" = '2022-02-10 00:00:00';
CREATE VIRTUAL TABLE wide_q USING trade_imbalance(source=wide, period="date", exports=exports,
  imports=imports, grain=quarter);
-- @check pandas_null_days-3.1 2022-Q1 imports are a part (no balance change a year later); exports' growth stays
SELECT period, exports, imports, balance_change, exports_growth, imports_growth, note
FROM wide_q WHERE period IN ('2022-Q1', '2023-Q1');
-- @expect
-- | period|exports|imports|balance_change|exports_growth|imports_growth|note
-- | 2022-Q1|900.0|712.0||||incomplete period
-- | 2023-Q1|900.0|720.0||0.0||incomplete prior period

-- annual_projection by month over days: a NULL day in the year-to-date
CREATE TABLE proj("date" TIMESTAMP, amount REAL);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 545)
INSERT INTO proj SELECT datetime('2022-01-01', '+' || i || ' day'), 10.0 FROM r;
UPDATE proj SET amount = NULL WHERE "date" = '2023-04-20 00:00:00';
-- @check pandas_null_days-4.1 the 2023 run rate through June is withheld (its April is a part), 2022's is not
SELECT year, through, ytd, projection, CASE WHEN projection IS NULL THEN note END AS why
FROM annual_projection('proj', 'amount', 'date', '', 'run_rate', 'grain=month, through=06');
-- @expect
-- | year|through|ytd|projection|why
-- | 2022|2022-06|1810.0|3620.0|
-- | 2023|2023-06|||incomplete period

-- A CSV's no-data mark '-' on a day is a figure not known too, while
-- another series' figure on 31 December says the extract runs to the end
-- of the year (the rest of a's year: days without sales).
CREATE TABLE marks(k TEXT, p TEXT, v);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 530)
INSERT INTO marks SELECT 'a', date('2022-01-01', '+' || i || ' day'), 10 FROM r;
INSERT INTO marks VALUES ('b', '2023-12-31', 0);
-- @check pandas_null_days-5.1 without a mark, a's 2023 (1660 against 3650) is a whole year, both paths
SELECT series, period, value, round(growth, 1) AS growth, note FROM yoy_growth('marks', 'v', 'p', 'k', 'grain=year, scan=hash') WHERE series = 'a'
UNION ALL
SELECT series, period, value, round(growth, 1), note FROM yoy_growth('marks', 'v', 'p', 'k', 'grain=year, scan=stream') WHERE series = 'a';
-- @expect
-- | series|period|value|growth|note
-- | a|2022|3650||no prior period
-- | a|2023|1660|-54.5|
-- | a|2022|3650||no prior period
-- | a|2023|1660|-54.5|
-- @check pandas_null_days-5.2 a's own '-' on 1 June 2023 makes its 2023 a part, both paths
INSERT INTO marks VALUES ('a', '2023-06-01 00:00:00', '-');
SELECT series, period, value, growth, note FROM yoy_growth('marks', 'v', 'p', 'k', 'grain=year, scan=hash') WHERE series = 'a'
UNION ALL
SELECT series, period, value, growth, note FROM yoy_growth('marks', 'v', 'p', 'k', 'grain=year, scan=stream') WHERE series = 'a';
-- @expect
-- | series|period|value|growth|note
-- | a|2022|3650||no prior period
-- | a|2023|1660||incomplete period
-- | a|2022|3650||no prior period
-- | a|2023|1660||incomplete period
-- @check pandas_null_days-5.3 a series of '-' days alone gives no row, on both paths
INSERT INTO marks VALUES ('c', '2023-03-01', '-'), ('c', '2023-03-02', NULL);
SELECT count(*) FROM yoy_growth('marks', 'v', 'p', 'k', 'grain=month, scan=hash') WHERE series = 'c'
UNION ALL
SELECT count(*) FROM yoy_growth('marks', 'v', 'p', 'k', 'grain=month, scan=stream') WHERE series = 'c';
-- @expect
-- | count(*)
-- | 0
-- | 0

-- The aggregate and window run rate of days: a day of the year so far
-- whose row has no figure is not known, as a month row without one is
-- (whose year-to-date is then incomplete).  100 days from 1 January 2023
-- at 10 a day, the 41st (10 February) NaN: the run rate was 990 × 365 /
-- 100 = 3613.5, reading it as a day without sales.
CREATE TABLE run(d TIMESTAMP, v REAL);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 99)
INSERT INTO run SELECT datetime('2023-01-01', '+' || i || ' day'), CASE WHEN i = 40 THEN NULL ELSE 10.0 END FROM r;
-- @check pandas_null_days-6.1 aggregate: NULL with the NaN day; without its row, the run rate over the days that are there
SELECT annual_projection(v, d, 'run_rate') AS with_nan,
       annual_projection(v, d, 'run_rate') FILTER (WHERE v IS NOT NULL) AS without_row
FROM run;
-- @expect
-- | with_nan|without_row
-- | |3613.5
-- @check pandas_null_days-6.2 window: days before the NaN one are projected (400 × 365 / 40 on 9 February), from it on NULL
SELECT date(d) AS day, x FROM (
  SELECT d, annual_projection(v, d, 'run_rate') OVER (ORDER BY d) AS x FROM run)
WHERE date(d) BETWEEN '2023-02-09' AND '2023-02-11';
-- @expect
-- | day|x
-- | 2023-02-09|3650.0
-- | 2023-02-10|
-- | 2023-02-11|

-- Rows without a figure before a series' first figure are a series not
-- started yet (a date spine left-joined to a partner that began later),
-- as NULL rows before the first figure are everywhere: they change
-- nothing.  b begins on 15 March 2022 with NULL rows on the 10th..14th;
-- its March stays a whole part of the month's total (share 17 × 10 /
-- (31 × 10 + 17 × 10)), its own growth withheld as before.
CREATE TABLE lead(k TEXT, d TIMESTAMP, v REAL);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 729)
INSERT INTO lead SELECT 'a', datetime('2022-01-01', '+' || i || ' day'), 10.0 FROM r;
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 600)
INSERT INTO lead SELECT 'b', datetime('2022-03-15', '+' || i || ' day'), 10.0 FROM r;
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 5)
INSERT INTO lead SELECT 'b', datetime('2022-03-10', '+' || i || ' day'), NULL FROM r WHERE i < 5;
INSERT INTO lead SELECT 'T', d, sum(v) FROM lead GROUP BY d;
-- @check pandas_null_days-7.1 b's first March (total= T, the daily sums): a part counted whole, no growth of its own; both paths
SELECT series, period, value, round(share, 2) AS share, note
FROM yoy_growth('lead', 'v', 'd', 'k', 'grain=month, scan=hash, total=T') WHERE period = '2022-03'
UNION ALL
SELECT series, period, value, round(share, 2), note
FROM yoy_growth('lead', 'v', 'd', 'k', 'grain=month, scan=stream, total=T') WHERE period = '2022-03';
-- @expect
-- | series|period|value|share|note
-- | T|2022-03|480.0|100.0|no prior period
-- | a|2022-03|310.0|64.58|no prior period
-- | b|2022-03|170.0|35.42|incomplete period
-- | T|2022-03|480.0|100.0|no prior period
-- | a|2022-03|310.0|64.58|no prior period
-- | b|2022-03|170.0|35.42|incomplete period
-- @check pandas_null_days-7.2 the aggregate run rate of a year whose NULL days come before its first figure (3 January): 98 × 10 × 365 / 100
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 99)
SELECT round(annual_projection(CASE WHEN i < 2 THEN NULL ELSE 10 END, date('2023-01-01', '+' || i || ' day'), 'run_rate'), 1) AS run_rate
FROM r;
-- @expect
-- | run_rate
-- | 3577.0
