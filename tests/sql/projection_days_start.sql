.load build/tradestat
.headers on
.mode list
-- A day series has no missing days: a day without a row is a day without
-- a transaction, so run_rate is the days' sum over the share of the year
-- elapsed since 1 January.  But a series whose rows of the year begin
-- on 1 June did not exist from January (or lost its first five months):
-- 30 days of 10 a day, 2023-06-01..30, were projected at
-- 300 x 365 / 181 = 604.97 for 2023, as if January..May had been days
-- without sales.  A year's rows must now begin in its first week
-- (1..7 January: a holiday and a weekend, or one row a week); else the
-- year-to-date does not start at 1 January and the projection is NULL,
-- as for a month series whose January is missing.  The rule reads that
-- year's rows alone, so a WHERE on the year, the history before it, and
-- the aggregate or window form never change the answer.
CREATE TABLE june(d TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 29)
INSERT INTO june SELECT date('2023-06-01', '+' || n || ' days'), 10 FROM c;
-- A series that exists since 2022, with 2023's rows from 3 January on
-- (1 January a Sunday, 2 January a holiday): a full year-to-date.
CREATE TABLE since(d TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 439)
INSERT INTO since SELECT date('2022-01-01', '+' || n || ' days'), 10 FROM c
WHERE date('2022-01-01', '+' || n || ' days') NOT IN ('2023-01-01', '2023-01-02');
-- The same series, closed 2023-01-01..2023-03-14: 2023's rows start
-- mid-March, whatever the rows of 2022 say.
CREATE TABLE closed(d TEXT, v INTEGER);
INSERT INTO closed SELECT d, v FROM since WHERE d < '2023-01-01' OR d >= '2023-03-15';

-- @check projection_days_start-1.1 a series that starts on 1 June: no projection for its first year (was 604.97)
SELECT annual_projection(v, d, 'run_rate') IS NULL AS no_projection FROM june;
-- @expect
-- | no_projection
-- | 1
-- @check projection_days_start-1.2 the window form: no row of the year has one
SELECT count(*) AS days, count(p) AS projected FROM (
  SELECT annual_projection(v, d, 'run_rate') OVER (ORDER BY d) AS p FROM june);
-- @expect
-- | days|projected
-- | 30|0
-- @check projection_days_start-1.3 the year's rows start within its first week: projected over the days since 1 January
SELECT round(annual_projection(v, d, 'run_rate'), 6) = round(sum(v) * 365.0 / (julianday(max(d)) - julianday('2022-12-31')), 6) AS run_rate
FROM since WHERE d >= '2023-01-01';
-- @expect
-- | run_rate
-- | 1
-- @check projection_days_start-1.4 the same with the earlier year in the rows: the history does not change the answer
SELECT round(annual_projection(v, d, 'run_rate'), 6) = round(
         (SELECT sum(v) * 365.0 / (julianday(max(d)) - julianday('2022-12-31')) FROM since
          WHERE d >= '2023-01-01'), 6) AS run_rate
FROM since;
-- @expect
-- | run_rate
-- | 1
-- @check projection_days_start-1.5 rows from mid-March: no projection, with the earlier year in the rows or not
SELECT (SELECT annual_projection(v, d, 'run_rate') FROM closed) IS NULL AS whole,
       (SELECT annual_projection(v, d, 'run_rate') FROM closed WHERE d >= '2023-01-01') IS NULL
         AS year_only;
-- @expect
-- | whole|year_only
-- | 1|1
-- The window's first row holds 1 January alone, which reads the same as
-- a year keyed by its first day (every day with a figure the first of a
-- month): no projection there; every later row of 2022 is projected.
-- @check projection_days_start-1.6 the window over the whole series: 2022 (from 1 January) projected on every row but its first, 2023 on none
SELECT substr(d, 1, 4) AS year, count(*) AS days, count(p) AS projected FROM (
  SELECT d, annual_projection(v, d, 'run_rate') OVER (ORDER BY d) AS p FROM closed)
GROUP BY year ORDER BY year;
-- @expect
-- | year|days|projected
-- | 2022|365|364
-- | 2023|2|0
-- @check projection_days_start-1.7 the scalar annual_run_rate is the user's own run rate: unchanged
SELECT round(annual_run_rate(sum(v), max(d)), 2) AS scalar FROM june;
-- @expect
-- | scalar
-- | 604.97
