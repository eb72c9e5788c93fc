.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails until the annual_projection table
-- keeps a year whose periods in the source have rows but no figure:
-- checks 1.1 and 1.2).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/projection_vtab_no_figure.sql
-- Input: quarterly figures 2022-Q1..2023-Q4 and a row for 2024-Q1 whose
-- value is NULL (KOSIS's `-`, a quarter not yet published, or `x`,
-- confidential; kosis_csv reads both as NULL).  The aggregate and window
-- were fixed for this (tests/sql/projection_no_figure.sql): 2024's
-- year-to-date is unknown, so the projection is NULL, "never the
-- projection through the period before it".  The virtual table still
-- drops the row before anything sees it (the scan skips a NULL value as
-- sum() does), so 2024 has no row at all: without through= the series is
-- projected from its latest period WITH a figure, 2023-Q4, and the latest
-- row is 2023 with 690.0 -- the figure the reference calls wrong for the
-- aggregate ("not 2023's total").  With through=Q1 the 2024 row is
-- missing too.  Right: a 2024 row with a NULL projection and note
-- 'incomplete year-to-date', as plain SQL's GROUP BY on the year has a
-- 2024 group whose sum is NULL and the aggregate over the same rows is
-- NULL.  The fix lies in the scan (vtab/series_scan.c, series_hash*.c):
-- a period whose rows all lack a figure must reach the module as a point
-- without a value (count 0) for annual_projection, which then lists its
-- year (projection_vtab.c's year_has_figure would take a point with
-- rows and no figure) and, without through=, takes its position as the
-- series' latest period.
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
