.load build/tradestat
.headers on
.mode list
-- Figures keyed by their period's first day, rolled up with grain=.
-- Input: monthly figures keyed by each month's first day, as pandas'
-- to_sql writes a DataFrame indexed by date_range(freq='MS') ('2022-01-01
-- 00:00:00' in a TIMESTAMP column), after a dropna() that removed March
-- 2022 (its figure was NaN), read with grain=quarter.
-- Was: the rows were days, and a day with no row a day with nothing sold,
-- so 2022-Q1 was "whole" at January + February = 200 and 2023-Q1 (300)
-- showed +50.0 % with no note.
-- Now: a series' year whose rows with a figure all fall in the first 7
-- days of a month, one a month, is periods keyed by their first
-- (business) day, of the coarsest kind whose starts they all fall on
-- (month, quarter, half, year); each row stands for its whole period, so
-- 2022-Q1 holds two of its three months, 'incomplete period', as the same
-- rows labelled as months give (check 1.2).  Quarters and years keyed by
-- their first day (FRED) stay whole (sections 2 and 3); a true daily
-- series is read as days in every year with a sale after the first week
-- of a month, or two in one month (section 4); both scan paths agree and
-- a WHERE on the years or the series changes no row.
CREATE TABLE t("date" TIMESTAMP, amount REAL);
INSERT INTO t VALUES ('2022-01-01 00:00:00', 100), ('2022-02-01 00:00:00', 100),
  ('2022-04-01 00:00:00', 100), ('2022-05-01 00:00:00', 100), ('2022-06-01 00:00:00', 100),
  ('2022-07-01 00:00:00', 100), ('2022-08-01 00:00:00', 100), ('2022-09-01 00:00:00', 100),
  ('2022-10-01 00:00:00', 100), ('2022-11-01 00:00:00', 100), ('2022-12-01 00:00:00', 100),
  ('2023-01-01 00:00:00', 100), ('2023-02-01 00:00:00', 100), ('2023-03-01 00:00:00', 100),
  ('2023-04-01 00:00:00', 100), ('2023-05-01 00:00:00', 100), ('2023-06-01 00:00:00', 100),
  ('2023-07-01 00:00:00', 100);
CREATE VIEW t_months AS SELECT period_rollup("date", 'month') AS month, amount FROM t;

-- @check pandas_month_start_gap-1.1 the rows as written: 2022-Q1 misses March, so 2023-Q1 has no growth
SELECT period, value, prior_value, growth, note FROM yoy_growth('t', 'amount', 'date', '', 'grain=quarter')
WHERE period IN ('2022-Q1', '2023-Q1');
-- @expect
-- | period|value|prior_value|growth|note
-- | 2022-Q1|200.0|||incomplete period
-- | 2023-Q1|300.0|200.0||incomplete prior period
-- @check pandas_month_start_gap-1.2 the same rows labelled as months (passes today)
SELECT period, value, prior_value, growth, note FROM yoy_growth('t_months', 'amount', 'month', '', 'grain=quarter')
WHERE period IN ('2022-Q1', '2023-Q1');
-- @expect
-- | period|value|prior_value|growth|note
-- | 2022-Q1|200.0|||incomplete period
-- | 2023-Q1|300.0|200.0||incomplete prior period
-- @check pandas_month_start_gap-1.3 the rows as written, by hash and streamed: the same
SELECT h.period, h.value, h.note, s.value, s.note
FROM yoy_growth('t', 'amount', 'date', '', 'grain=quarter, scan=hash') AS h
JOIN yoy_growth('t', 'amount', 'date', '', 'grain=quarter, scan=stream') AS s USING (period)
ORDER BY h.period;
-- @expect
-- | period|value|note|value|note
-- | 2022-Q1|200.0|incomplete period|200.0|incomplete period
-- | 2022-Q2|300.0|no prior period|300.0|no prior period
-- | 2022-Q3|300.0|no prior period|300.0|no prior period
-- | 2022-Q4|300.0|no prior period|300.0|no prior period
-- | 2023-Q1|300.0|incomplete prior period|300.0|incomplete prior period
-- | 2023-Q2|300.0|incomplete prior year-to-date|300.0|incomplete prior year-to-date
-- | 2023-Q3|100.0|incomplete period|100.0|incomplete period
-- @check pandas_month_start_gap-1.4 grain=month: each row is its whole month, the last one (July 2023) too (no note of its own; March 2022 is missing from the prior year-to-date)
SELECT period, value, note FROM yoy_growth('t', 'amount', 'date', '', 'grain=month, scan=stream')
WHERE period >= '2023-06';
-- @expect
-- | period|value|note
-- | 2023-06|100.0|incomplete prior year-to-date
-- | 2023-07|100.0|incomplete prior year-to-date

-- FRED: quarters keyed by 1 January, 1 April, ... (observation_date).
-- Rows on quarters' first months alone could be quarters, halves, a year
-- or months whose year holds January alone so far: they stay days, as
-- before (whole inside the data; the last one reaches past the last day
-- the source holds).
CREATE TABLE fred(observation_date TEXT, value REAL);
INSERT INTO fred VALUES ('2022-01-01', 10), ('2022-04-01', 11), ('2022-07-01', 12), ('2022-10-01', 13),
  ('2023-01-01', 14), ('2023-04-01', 15);
-- @check pandas_month_start_gap-2.1 quarters keyed by their first day stay whole quarters (hash)
SELECT period, value, round(growth, 1) AS growth, note
FROM yoy_growth('fred', 'value', 'observation_date', '', 'grain=quarter, scan=hash') WHERE period >= '2022-Q3';
-- @expect
-- | period|value|growth|note
-- | 2022-Q3|12.0||no prior period
-- | 2022-Q4|13.0||no prior period
-- | 2023-Q1|14.0|40.0|
-- | 2023-Q2|15.0||incomplete period
-- @check pandas_month_start_gap-2.2 the same streamed
SELECT period, value, round(growth, 1) AS growth, note
FROM yoy_growth('fred', 'value', 'observation_date', '', 'grain=quarter, scan=stream') WHERE period >= '2022-Q3';
-- @expect
-- | period|value|growth|note
-- | 2022-Q3|12.0||no prior period
-- | 2022-Q4|13.0||no prior period
-- | 2023-Q1|14.0|40.0|
-- | 2023-Q2|15.0||incomplete period
-- @check pandas_month_start_gap-2.3 grain=year: 2022 whole, 2023 two quarters
SELECT period, value, growth, note FROM yoy_growth('fred', 'value', 'observation_date', '', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2022|46.0||no prior period
-- | 2023|29.0||incomplete period
-- @check pandas_month_start_gap-2.4 monthly figures whose last year holds January alone: that year stays days, so 2023 is not taken for a whole year
CREATE TEMP VIEW jan_only AS SELECT date('2022-01-01', '+' || value || ' months') AS d, 10 AS v
  FROM generate_series(0, 12);
SELECT period, value, note FROM yoy_growth('jan_only', 'v', 'd', '', 'grain=year');
-- @expect
-- | period|value|note
-- | 2022|120|no prior period
-- | 2023|10|incomplete period

-- pandas 'BMS' (first business day of each month: 3 January, 1 February,
-- 1 March, 4 April ...), May 2022 dropped: months keyed by their first
-- business day, so 2022-Q2 misses May.
CREATE TABLE bms(d TEXT, v INTEGER);
INSERT INTO bms VALUES ('2022-01-03', 10), ('2022-02-01', 10), ('2022-03-01', 10), ('2022-04-01', 10),
  ('2022-06-01', 10), ('2022-07-01', 10), ('2023-01-02', 10), ('2023-02-01', 10), ('2023-03-01', 10),
  ('2023-04-03', 10), ('2023-05-01', 10), ('2023-06-01', 10), ('2023-07-03', 10);
-- @check pandas_month_start_gap-3.1 months keyed by their first business day: Q2 2022 misses May, by either path
SELECT h.period, h.value, round(h.growth, 1) AS growth, h.note, s.value = h.value AND s.note IS h.note AS same
FROM yoy_growth('bms', 'v', 'd', '', 'grain=quarter, scan=hash') AS h
JOIN yoy_growth('bms', 'v', 'd', '', 'grain=quarter, scan=stream') AS s USING (period);
-- @expect
-- | period|value|growth|note|same
-- | 2022-Q1|30||no prior period|1
-- | 2022-Q2|20||incomplete period|1
-- | 2022-Q3|10||incomplete period|1
-- | 2023-Q1|30|0.0||1
-- | 2023-Q2|30||incomplete prior period|1
-- | 2023-Q3|10||incomplete period|1

-- A true daily series (events): in 2022 a sale on 20 January as well, so
-- 2022's rows are days and March without a row is a March with nothing
-- sold; in 2023 every sale falls on the 1st, one a month, March without
-- one: that year reads as months keyed by their first day, and 2023-Q1 is
-- 'incomplete period' (the rare daily series that sells on the 1st only
-- is taken for monthly figures, a year at a time: see docs/design.md).
-- Series 'm' is monthly figures in the same table, for the WHERE checks.
CREATE TABLE ev(k TEXT, d TEXT, v INTEGER);
INSERT INTO ev VALUES ('e', '2022-01-01', 10), ('e', '2022-01-20', 10), ('e', '2022-02-01', 10),
  ('e', '2022-04-01', 10), ('e', '2022-05-01', 10), ('e', '2022-06-01', 10), ('e', '2022-12-31', 10),
  ('e', '2023-01-01', 10), ('e', '2023-02-01', 10), ('e', '2023-04-01', 10), ('e', '2023-05-01', 10),
  ('e', '2023-06-01', 10),
  ('m', '2022-01-01', 5), ('m', '2022-02-01', 5), ('m', '2022-03-01', 5), ('m', '2022-04-01', 5),
  ('m', '2022-05-01', 5), ('m', '2022-06-01', 5), ('m', '2023-01-01', 5), ('m', '2023-02-01', 5),
  ('m', '2023-03-01', 5), ('m', '2023-04-01', 5), ('m', '2023-05-01', 5);
CREATE TEMP TABLE eh AS SELECT * FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=quarter, scan=hash');
CREATE TEMP TABLE es AS SELECT * FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=quarter, scan=stream');
-- @check pandas_month_start_gap-4.1 days in 2022 (Q1 whole without a March sale), months in 2023
SELECT series, period, value, round(growth, 1) AS growth, note FROM eh WHERE period < '2023-Q3' ORDER BY series, period;
-- @expect
-- | series|period|value|growth|note
-- | e|2022-Q1|30||no prior period
-- | e|2022-Q2|30||no prior period
-- | e|2022-Q4|10||no prior period
-- | e|2023-Q1|20||incomplete period
-- | e|2023-Q2|30|0.0|incomplete year-to-date
-- | m|2022-Q1|15||no prior period
-- | m|2022-Q2|15||no prior period
-- | m|2023-Q1|15|0.0|
-- | m|2023-Q2|10||incomplete period
-- @check pandas_month_start_gap-4.2 both scan paths agree on every row
SELECT count(*) FROM eh FULL JOIN es USING (series, period)
WHERE eh.value IS NOT es.value OR eh.growth IS NOT es.growth OR eh.note IS NOT es.note;
-- @expect
-- | count(*)
-- | 0
-- @check pandas_month_start_gap-4.3 a WHERE on the series or the years changes no kept row, on either path
SELECT (SELECT count(*) FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=quarter, scan=hash') AS w
        JOIN eh USING (series, period)
        WHERE w.series = 'e' AND w.period >= '2023' AND (w.value IS NOT eh.value OR w.note IS NOT eh.note)) +
       (SELECT count(*) FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=quarter, scan=stream') AS w
        JOIN eh USING (series, period)
        WHERE w.period < '2023' AND (w.value IS NOT eh.value OR w.note IS NOT eh.note)) +
       (SELECT count(*) FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=quarter, scan=stream') AS w
        JOIN eh USING (series, period)
        WHERE w.series = 'm' AND w.period >= '2023' AND (w.value IS NOT eh.value OR w.note IS NOT eh.note))
  AS changed,
  (SELECT count(*) FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=quarter') WHERE series = 'e' AND period >= '2023') AS kept;
-- @expect
-- | changed|kept
-- | 0|2

-- Many series keyed by first (business) days, months dropped here and
-- there, some years with a sale on the 15th (days), every grain: the two
-- scan paths agree on every row, and a WHERE on the years or a series
-- keeps its rows unchanged.
CREATE TABLE many(k INTEGER, d TEXT, v INTEGER);
WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < 39),
  m(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM m WHERE n < 35)
INSERT INTO many SELECT k, date('2021-01-01', '+' || n || ' months', '+' || (k % 3) || ' days'), k + n
FROM s, m WHERE (k * 7 + n * 3) % 11 <> 0;
INSERT INTO many SELECT k, '2022-06-15', 1 FROM many WHERE k % 5 = 0 AND d = '2021-01-01';
CREATE TEMP TABLE g(grain TEXT);
INSERT INTO g VALUES ('month'), ('quarter'), ('half'), ('year');
CREATE TEMP TABLE mh AS SELECT g.grain, y.* FROM g,
  yoy_growth('many', 'v', 'd', 'k', 'grain=' || g.grain || ', scan=hash') AS y;
CREATE TEMP TABLE ms AS SELECT g.grain, y.* FROM g,
  yoy_growth('many', 'v', 'd', 'k', 'grain=' || g.grain || ', scan=stream') AS y;
-- @check pandas_month_start_gap-5.1 both paths agree on every row of every grain, and months were withheld
SELECT (SELECT count(*) FROM mh FULL JOIN ms USING (grain, series, period)
        WHERE mh.value IS NOT ms.value OR mh.growth IS NOT ms.growth OR mh.note IS NOT ms.note) AS differ,
       (SELECT count(*) FROM mh) > 300 AS many_rows,
       (SELECT count(*) FROM mh WHERE grain = 'quarter' AND note = 'incomplete period') > 10 AS some_incomplete;
-- @expect
-- | differ|many_rows|some_incomplete
-- | 0|1|1
-- @check pandas_month_start_gap-5.2 a WHERE on the years and the series changes no kept row (quarters, both paths)
SELECT count(*) FROM (
  SELECT 'hash' AS p, y.series, y.period, y.value, y.growth, y.note
  FROM yoy_growth('many', 'v', 'd', 'k', 'grain=quarter, scan=hash') AS y
  WHERE y.period BETWEEN '2022' AND '2022-Q4' AND y.series IN (0, 5, 7)
  UNION ALL
  SELECT 'stream', y.series, y.period, y.value, y.growth, y.note
  FROM yoy_growth('many', 'v', 'd', 'k', 'grain=quarter, scan=stream') AS y
  WHERE y.period >= '2022' AND y.series IN (0, 5, 7)) AS w
JOIN mh ON mh.grain = 'quarter' AND mh.series = w.series AND mh.period = w.period
WHERE w.value IS NOT mh.value OR w.growth IS NOT mh.growth OR w.note IS NOT mh.note;
-- @expect
-- | count(*)
-- | 0
