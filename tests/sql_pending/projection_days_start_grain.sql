.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails until the table form's roll-up of
-- days judges each series' own first day).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/projection_days_start_grain.sql
-- The aggregate and window give a day year whose rows begin after 7
-- January no projection (tests/sql/projection_days_start.sql).  The
-- table form rolls days up by month (grain=) and marks a month
-- incomplete only when it reaches before the first day the SOURCE holds
-- (vtab/series_extent.c): series 'b', whose rows begin on 20 January
-- 2023 in a source that holds days since 2022, has a "complete" January
-- of 12 days, and its 2023 is projected from January..April at 3030.0
-- (ytd 1010 x 12 / 4), as if 1..19 January had been days without sales;
-- its aggregate over the same rows is NULL.
CREATE TABLE t(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 500)
INSERT INTO t SELECT 'a', date('2022-01-01', '+' || n || ' days'), 10 FROM c;
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 100)
INSERT INTO t SELECT 'b', date('2023-01-20', '+' || n || ' days'), 10 FROM c;
CREATE VIRTUAL TABLE o USING annual_projection(source=t, value=v, period=d, by=k, grain=month,
  method=run_rate, through=04);

-- @check projection_days_start_grain-1.1 'b' begins on 20 January: its January is no whole month, so 2023 has no projection (was 3030.0); 'a' is unchanged
SELECT k, year, ytd, projection, note LIKE 'incomplete%' AS incomplete FROM o WHERE year = 2023;
-- @expect
-- | k|year|ytd|projection|incomplete
-- | a|2023|1200|3600.0|0
-- | b|2023|||1
-- @check projection_days_start_grain-1.2 the aggregate over b's rows to April agrees: NULL
SELECT annual_projection(v, d, 'run_rate') IS NULL AS no_projection FROM t
WHERE k = 'b' AND d < '2023-05-01';
-- @expect
-- | no_projection
-- | 1
