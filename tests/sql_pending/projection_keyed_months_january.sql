.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails, check 1.1, until a backtest row of
-- day rows that are months keyed by their first day reads that from the
-- rows up to its point).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/projection_keyed_months_january.sql
-- The promise (docs/reference/projection.md): the projection of a year
-- from a point is the same with every later period removed.  Day rows
-- one a month on the 1st are months keyed by their first day when their
-- year holds a month that starts no quarter (docs/design.md, "Roll-ups
-- know what they are missing"; vtab/series_extent.c, item 5), judged
-- over the year's rows, later ones included.  A series of one row on the
-- 1st of each month from 2022-01-01 to 2023-08-01 (100, 101, ... 119),
-- projected from January by prior_share: its 2023 row has ytd 112 and
-- 1417.92 (112 x 1266 / 100: 2022's total, 100 + ... + 111, over its
-- January) because February's row says 2023 is months; cut after 31
-- January, 2023
-- holds January alone, which could be a quarter, a half or a year, so
-- its row is a day of events in a source that ends on 1 January:
-- 'incomplete period', NULL.  Reading an ambiguous year as the series'
-- year before was (months keyed by their first day) would make both
-- 1417.92; judging it from the rows up to the point alone would make
-- both NULL.  Left for a decision (the grain= roll-up of days otherwise
-- keeps the promise: tests/sql/projection_grain_days_future.sql).
CREATE TABLE m(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19)
INSERT INTO m SELECT 'a', date('2022-01-01', '+' || i || ' months'), 100 + i FROM n;
CREATE TABLE cut AS SELECT * FROM m WHERE d <= '2023-01-31';
CREATE VIRTUAL TABLE temp.whole USING annual_projection(source=m, value=v, period=d, by=k,
  method=prior_share, grain=month, through=01);
CREATE VIRTUAL TABLE temp.upto USING annual_projection(source=cut, value=v, period=d, by=k,
  method=prior_share, grain=month, through=01);

-- @check projection_keyed_months_january-1.1 the 2023 row from January is the same with every row after 31 January removed
SELECT w.ytd IS u.ytd AND w.projection IS u.projection AS same_row
FROM temp.whole AS w JOIN temp.upto AS u USING (k, year) WHERE year = 2023;
-- @expect
-- | same_row
-- | 1
