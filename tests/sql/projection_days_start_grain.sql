.load build/tradestat
.headers on
.mode list
-- The aggregate and window give a day year whose rows begin after 7
-- January no projection (tests/sql/projection_days_start.sql).  The
-- table form rolls days up by month (grain=), and marked a month
-- incomplete only when it reached before the first day the SOURCE holds:
-- series 'b', whose rows begin on 20 January 2023 in a source that holds
-- days since 2022, had a "complete" January of 12 days, and its 2023 was
-- projected from January..April at 3030.0 (ytd 1010 x 12 / 4), as if
-- 1..19 January had been days without sales; its aggregate over the same
-- rows is NULL.  A roll-up of days is now also incomplete when it reaches
-- before its series' own first row with a figure (vtab/series_extent.c),
-- on both scan paths.
CREATE TABLE t(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 500)
INSERT INTO t SELECT 'a', date('2022-01-01', '+' || n || ' days'), 10 FROM c;
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 100)
INSERT INTO t SELECT 'b', date('2023-01-20', '+' || n || ' days'), 10 FROM c;
CREATE VIRTUAL TABLE o USING annual_projection(source=t, value=v, period=d, by=k, grain=month,
  method=run_rate, through=04);
CREATE VIRTUAL TABLE oh USING annual_projection(source=t, value=v, period=d, by=k, grain=month,
  method=run_rate, through=04, scan=hash);
CREATE VIRTUAL TABLE os USING annual_projection(source=t, value=v, period=d, by=k, grain=month,
  method=run_rate, through=04, scan=stream);

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
-- @check projection_days_start_grain-1.3 the hash path and the streaming path give the same rows
SELECT k, year, ytd, projection, note LIKE 'incomplete%' AS incomplete FROM oh WHERE year = 2023
UNION ALL SELECT '--', NULL, NULL, NULL, NULL
UNION ALL SELECT k, year, ytd, projection, note LIKE 'incomplete%' FROM os WHERE year = 2023;
-- @expect
-- | k|year|ytd|projection|incomplete
-- | a|2023|1200|3600.0|0
-- | b|2023|||1
-- | --||||
-- | a|2023|1200|3600.0|0
-- | b|2023|||1
-- Each table took the path it was made for: hash scans counted by
-- tradestat_debug() before and after.
CREATE TEMP VIEW hash_scans AS SELECT CAST(substr(d, instr(d, 'Scan paths: hash ') + 17)
  AS INTEGER) AS n FROM (SELECT tradestat_debug() AS d);
CREATE TEMP TABLE mark(what TEXT, n INTEGER);
INSERT INTO mark SELECT 'before', n FROM hash_scans;
CREATE TEMP TABLE rows_h AS SELECT * FROM oh WHERE year = 2023;
INSERT INTO mark SELECT 'hash', n FROM hash_scans;
CREATE TEMP TABLE rows_s AS SELECT * FROM os WHERE year = 2023;
INSERT INTO mark SELECT 'stream', n FROM hash_scans;
-- @check projection_days_start_grain-1.4 scan=hash read by hash (its reads are hash scans), scan=stream not
SELECT (SELECT n FROM mark WHERE what = 'hash') - (SELECT n FROM mark WHERE what = 'before') > 0
         AS oh_by_hash,
       (SELECT n FROM mark WHERE what = 'stream') - (SELECT n FROM mark WHERE what = 'hash')
         AS hash_scans_of_os,
       (SELECT count(*) FROM rows_h) AS rows_h, (SELECT count(*) FROM rows_s) AS rows_s;
-- @expect
-- | oh_by_hash|hash_scans_of_os|rows_h|rows_s
-- | 1|0|2|2

-- A series whose first row is a day of January's first week other than
-- the 1st: the table form follows the source's first day (a roll-up
-- reaching before it is incomplete), so January from the 3rd is no whole
-- month and its year is not projected, where the aggregate allows the
-- first week (1 January is a holiday) and projects it.  Stricter on
-- purpose: the same January rolled up is also the prior of the next
-- January's growth, which 29 days against 31 would fake at +6.9 %.
CREATE TABLE w(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 500)
INSERT INTO w SELECT 'a', date('2022-01-01', '+' || n || ' days'), 10 FROM c;
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 100)
INSERT INTO w SELECT 'j', date('2023-01-03', '+' || n || ' days'), 10 FROM c;
-- A series whose first rows carry no figure: its days begin with its
-- first figure (10 January), as the aggregate reads it.
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 100)
INSERT INTO w SELECT 'n', date('2023-01-01', '+' || n || ' days'), CASE WHEN n >= 9 THEN 10 END
FROM c;
CREATE VIRTUAL TABLE ow USING annual_projection(source=w, value=v, period=d, by=k, grain=month,
  method=run_rate, through=04);
-- @check projection_days_start_grain-2.1 rows from 3 January: the table form gives no projection, the aggregate over the same rows does
SELECT (SELECT projection FROM ow WHERE k = 'j' AND year = 2023) AS table_form,
       (SELECT note FROM ow WHERE k = 'j' AND year = 2023) AS note,
       (SELECT annual_projection(v, d, 'run_rate') IS NOT NULL FROM w
        WHERE k = 'j' AND d < '2023-05-01') AS aggregate_projects;
-- @expect
-- | table_form|note|aggregate_projects
-- | |incomplete period|1
-- @check projection_days_start_grain-2.2 figures from 10 January (NULL values before): no projection, in either form
SELECT (SELECT projection IS NULL FROM ow WHERE k = 'n' AND year = 2023) AS table_form,
       (SELECT annual_projection(v, d, 'run_rate') IS NULL FROM w
        WHERE k = 'n' AND d < '2023-05-01') AS aggregate;
-- @expect
-- | table_form|aggregate
-- | 1|1
