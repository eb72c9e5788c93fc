.load build/tradestat
.headers on
.mode list
-- The rule: a period whose rows in the source all lack a figure (a NULL
-- value: KOSIS's `-`, a quarter not yet published, or `x`, confidential;
-- kosis_csv reads both as NULL) is a period of the source for
-- annual_projection, as it is for the aggregate
-- (tests/sql/projection_no_figure.sql) and for plain SQL's GROUP BY on
-- the year, which has a group whose sum is NULL.  Both scan paths hand it
-- to the module as a point with rows and no value (the spec's
-- no_figure_points, set by annual_projection alone: yoy_growth and
-- trade_imbalance still skip such rows as sum() does), so its year has a
-- row, with a NULL projection and note 'incomplete year-to-date', and
-- without through= the series' latest period is that one: never the
-- projection through the period before it.
-- Before, the scan dropped the row before the module saw it: 2024 had no
-- row, and without through= the latest row was 2023 with 690.0 (projected
-- from 2023-Q4, the latest period WITH a figure); with through=Q1 the
-- 2024 row was missing too.
-- Input: quarterly figures 2022-Q1..2023-Q4 and a row for 2024-Q1 whose
-- value is NULL.
CREATE TABLE q(region TEXT, period TEXT, amount INTEGER);
INSERT INTO q VALUES
  ('a', '2022-Q1', 100), ('a', '2022-Q2', 110), ('a', '2022-Q3', 120), ('a', '2022-Q4', 130),
  ('a', '2023-Q1', 150), ('a', '2023-Q2', 165), ('a', '2023-Q3', 180), ('a', '2023-Q4', 195),
  ('a', '2024-Q1', NULL);
CREATE VIRTUAL TABLE t1 USING annual_projection(source=q, value=amount, period=period, by=region,
  method=run_rate, through=Q1);
CREATE VIRTUAL TABLE t0 USING annual_projection(source=q, value=amount, period=period, by=region,
  method=run_rate);

-- 2022 from Q1: 100 * 4 = 400; 2023: 150 * 4 = 600; 2024: Q1 has no figure.
-- @check projection_vtab_no_figure-1.1 through=Q1: a 2024 row, unknown
SELECT region, year, through, ytd, projection, note FROM t1;
-- @expect
-- | region|year|through|ytd|projection|note
-- | a|2022|2022-Q1|100|400.0|interval from an assumed spread of a year's periods (one period observed, no earlier year)
-- | a|2023|2023-Q1|150|600.0|fewer than 3 earlier years for an interval
-- | a|2024|2024-Q1|||incomplete year-to-date
-- @check projection_vtab_no_figure-1.2 the latest row is 2024's and unknown, as the aggregate over the same rows (was 2023 and 690.0)
SELECT year, projection FROM t0 ORDER BY year DESC LIMIT 1;
-- @expect
-- | year|projection
-- | 2024|
-- @check projection_vtab_no_figure-1.3 the references: the aggregate, and plain SQL's years
SELECT annual_projection(amount, period, 'run_rate') AS aggregate FROM q;
SELECT substr(period, 1, 4) AS year, sum(amount) AS total FROM q GROUP BY 1 ORDER BY 1 DESC LIMIT 1;
-- @expect
-- | aggregate
-- | 
-- | year|total
-- | 2024|

-- The hash path (scan=hash) hands out the same point of no rows: the same
-- rows as the streaming path (scan=stream), and the hash path did read
-- them (its counter in tradestat_debug() moves).
CREATE TEMP VIEW hash_reads AS
  SELECT CAST(substr(d, instr(d, 'Scan paths: hash ') + 17) AS INTEGER) AS n
  FROM (SELECT tradestat_debug() AS d);
CREATE TEMP TABLE before_hash AS SELECT n FROM hash_reads;
CREATE VIRTUAL TABLE h1 USING annual_projection(source=q, value=amount, period=period, by=region,
  method=run_rate, through=Q1, scan=hash);
CREATE VIRTUAL TABLE h0 USING annual_projection(source=q, value=amount, period=period, by=region,
  method=run_rate, scan=hash);
CREATE VIRTUAL TABLE s1 USING annual_projection(source=q, value=amount, period=period, by=region,
  method=run_rate, through=Q1, scan=stream);
CREATE VIRTUAL TABLE s0 USING annual_projection(source=q, value=amount, period=period, by=region,
  method=run_rate, scan=stream);
-- @check projection_vtab_no_figure-2.1 scan=hash, through=Q1: the 2024 row, unknown
SELECT region, year, through, ytd, projection, note FROM h1 WHERE year = 2024;
-- @expect
-- | region|year|through|ytd|projection|note
-- | a|2024|2024-Q1|||incomplete year-to-date
-- @check projection_vtab_no_figure-2.2 scan=hash without through=: the latest row is 2024's, unknown
SELECT year, projection, note FROM h0 ORDER BY year DESC LIMIT 1;
-- @expect
-- | year|projection|note
-- | 2024||incomplete year-to-date
-- @check projection_vtab_no_figure-2.3 both paths give the same rows, and the hash path read them
SELECT (SELECT count(*) FROM (SELECT * FROM h1 EXCEPT SELECT * FROM s1)) +
       (SELECT count(*) FROM (SELECT * FROM s1 EXCEPT SELECT * FROM h1)) +
       (SELECT count(*) FROM (SELECT * FROM h0 EXCEPT SELECT * FROM s0)) +
       (SELECT count(*) FROM (SELECT * FROM s0 EXCEPT SELECT * FROM h0)) AS differing,
       (SELECT count(*) FROM h0) AS hash_rows, (SELECT count(*) FROM s0) AS stream_rows,
       (SELECT n FROM hash_reads) > (SELECT n FROM before_hash) AS hash_read;
-- @expect
-- | differing|hash_rows|stream_rows|hash_read
-- | 0|3|3|1

-- The table-valued form takes the same rule.
-- @check projection_vtab_no_figure-3.1 annual_projection('q', ...): a 2024 row, unknown
SELECT series, year, projection, note FROM annual_projection('q', 'amount', 'period', 'region', 'run_rate')
ORDER BY year DESC LIMIT 1;
-- @expect
-- | series|year|projection|note
-- | a|2024||incomplete year-to-date

-- A series whose every row lacks a figure has its years too, each
-- unknown (plain SQL: a group per year whose sum is NULL); yoy_growth
-- over the same rows still skips them, as sum() does (no row at all).
CREATE TABLE e(region TEXT, period TEXT, amount INTEGER);
INSERT INTO e VALUES ('b', '2023-Q1', NULL), ('b', '2024-Q1', NULL), ('c', '2024-Q1', 5);
CREATE VIRTUAL TABLE eh USING annual_projection(source=e, value=amount, period=period, by=region,
  method=run_rate, scan=hash);
CREATE VIRTUAL TABLE es USING annual_projection(source=e, value=amount, period=period, by=region,
  method=run_rate, scan=stream);
-- @check projection_vtab_no_figure-4.1 both paths, a series of no figures
SELECT region, year, projection, note FROM eh;
SELECT region, year, projection, note FROM es;
SELECT series, count(*) AS rows FROM yoy_growth('e', 'amount', 'period', 'region') GROUP BY 1;
-- @expect
-- | region|year|projection|note
-- | b|2023||incomplete year-to-date
-- | b|2024||incomplete year-to-date
-- | c|2024|20.0|interval from an assumed spread of a year's periods (one period observed, no earlier year)
-- | region|year|projection|note
-- | b|2023||incomplete year-to-date
-- | b|2024||incomplete year-to-date
-- | c|2024|20.0|interval from an assumed spread of a year's periods (one period observed, no earlier year)
-- | series|rows
-- | c|1
