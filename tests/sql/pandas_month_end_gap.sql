.load build/tradestat
.headers off
.mode list
-- Monthly figures keyed by each month's LAST day, rolled up with grain=.
-- pandas' df.resample('M').sum() ('ME' since pandas 2.2; 'BM' the last
-- business day) indexes each month by its last day, and to_sql writes
-- '2022-01-31 00:00:00'; Excel's EOMONTH and many central-bank extracts
-- do the same.  The rule for months keyed by their first day (rows one a
-- month in the first week, docs/design.md) did not cover them, so they
-- were days, and a day with no row a day with nothing sold: with March
-- 2023 missing, 2023-Q1 was "whole" at January + February = 20 and
-- showed -33.3 % against 2022-Q1's 30, with no note.
-- Plain meaning: each row is its month's figure, as the same rows
-- labelled as months (period_rollup(d, 'month')) say: a quarter of two
-- months is 'incomplete period', no growth; a quarter of its three
-- months is whole (the series' first month-end, 31 January, no longer
-- cuts its first quarter short).
CREATE TABLE me(d TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 17)
INSERT INTO me SELECT date('2022-01-01', '+' || i || ' months', '+1 month', '-1 day') || ' 00:00:00',
  CASE WHEN i < 12 THEN 10 ELSE 11 END FROM r;
CREATE VIEW me_months AS SELECT period_rollup(d, 'month') AS m, v FROM me;
CREATE VIRTUAL TABLE temp.me_hash USING yoy_growth(source=me, value=v, period=d, grain=quarter, scan=hash);
CREATE VIRTUAL TABLE temp.me_stream USING yoy_growth(source=me, value=v, period=d, grain=quarter, scan=stream);

-- @check pandas_month_end_gap-1.1 whole quarters: 33 against 30 is +10 % (3 / 30)
SELECT period, value, prior_value, growth, note FROM me_hash WHERE period >= '2023';
-- @expect
-- | 2023-Q1|33|30|10.0|
-- | 2023-Q2|33|30|10.0|
-- @check pandas_month_end_gap-1.2 the first quarter is whole: its months are all there
SELECT period, value, note FROM me_stream WHERE period = '2022-Q1';
-- @expect 2022-Q1|30|no prior period

-- @check pandas_month_end_gap-2.1 March 2023 dropped: 2023-Q1 holds two months, no growth (was -33.3 %)
DELETE FROM me WHERE d LIKE '2023-03-31%';
SELECT period, value, prior_value, growth, note FROM me_hash WHERE period = '2023-Q1'
UNION ALL
SELECT period, value, prior_value, growth, note FROM me_stream WHERE period = '2023-Q1';
-- @expect
-- | 2023-Q1|22|30||incomplete period
-- | 2023-Q1|22|30||incomplete period
-- @check pandas_month_end_gap-2.2 the same rows labelled as months say the same
SELECT period, value, prior_value, growth, note FROM yoy_growth('me_months', 'v', 'm', '', 'grain=quarter')
WHERE period = '2023-Q1';
-- @expect 2023-Q1|22|30||incomplete period
-- @check pandas_month_end_gap-2.3 a WHERE on the years reads the same (Q2's year-to-date holds the short Q1)
SELECT period, note FROM yoy_growth('me', 'v', 'd', '', 'grain=quarter') WHERE period >= '2023-Q1';
-- @expect
-- | 2023-Q1|incomplete period
-- | 2023-Q2|incomplete year-to-date
-- @check pandas_month_end_gap-2.4 grain=half: H1 2023 of five months (55) is no fall from 60
SELECT period, value, growth, note FROM yoy_growth('me', 'v', 'd', '', 'grain=half') WHERE period = '2023-H1';
-- @expect 2023-H1|55||incomplete period

-- @check pandas_month_end_gap-2.5 the same from 31 December 2021 on (the days reading had a whole 2022-Q1 then, and gave -33.3 %)
CREATE TABLE me2(d TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 18)
INSERT INTO me2 SELECT date('2021-12-01', '+' || i || ' months', '+1 month', '-1 day'), 10 FROM r;
DELETE FROM me2 WHERE d = '2023-03-31';
SELECT period, value, prior_value, growth, note FROM yoy_growth('me2', 'v', 'd', '', 'grain=quarter, scan=hash')
WHERE period IN ('2022-Q1', '2023-Q1')
UNION ALL
SELECT period, value, prior_value, growth, note FROM yoy_growth('me2', 'v', 'd', '', 'grain=quarter, scan=stream')
WHERE period = '2023-Q1';
-- @expect
-- | 2022-Q1|30|||no prior period
-- | 2023-Q1|20|30||incomplete period
-- | 2023-Q1|20|30||incomplete period

-- @check pandas_month_end_gap-3.1 the last business day ('BM'): 28 April, 29 September 2023 are month ends too
CREATE TABLE bm(d TEXT, v INTEGER);
INSERT INTO bm VALUES ('2022-01-31', 5), ('2022-02-28', 5), ('2022-03-31', 5), ('2022-04-29', 5), ('2022-05-31', 5),
  ('2022-06-30', 5), ('2023-01-31', 6), ('2023-02-28', 6), ('2023-04-28', 6), ('2023-05-31', 6), ('2023-06-30', 6);
SELECT period, value, prior_value, growth, note FROM yoy_growth('bm', 'v', 'd', '', 'grain=quarter');
-- @expect
-- | 2022-Q1|15|||no prior period
-- | 2022-Q2|15|||no prior period
-- | 2023-Q1|12|15||incomplete period
-- | 2023-Q2|18|15|20.0|incomplete year-to-date

-- @check pandas_month_end_gap-4.1 quarter ends alone (resample('Q')) stay days: 2023 of its four quarter-end rows against the same
CREATE TABLE qe(d TEXT, v INTEGER);
INSERT INTO qe VALUES ('2021-12-31', 1), ('2022-03-31', 10), ('2022-06-30', 10), ('2022-09-30', 10), ('2022-12-31', 10),
  ('2023-03-31', 12), ('2023-06-30', 12), ('2023-09-30', 12), ('2023-12-31', 12);
SELECT period, value, growth, note FROM yoy_growth('qe', 'v', 'd', '', 'grain=year') WHERE period >= '2022';
-- @expect
-- | 2022|40||incomplete prior period
-- | 2023|48|20.0|

-- @check pandas_month_end_gap-5.1 a daily series with a sale before the last week of a month stays days: no March sale is a March of nothing sold, 25 against 30
CREATE TABLE dd(d TEXT, v INTEGER);
INSERT INTO dd VALUES ('2021-12-31', 1), ('2022-01-31', 10), ('2022-02-28', 10), ('2022-03-31', 10),
  ('2023-01-31', 10), ('2023-01-15', 5), ('2023-02-28', 10), ('2023-12-31', 1);
SELECT period, value, prior_value, round(growth, 2), note FROM yoy_growth('dd', 'v', 'd', '', 'grain=quarter') WHERE period = '2023-Q1';
-- @expect 2023-Q1|25|30|-16.67|

-- @check pandas_month_end_gap-6.1 one row late in a month is a series that begins there: its July is cut short
CREATE TABLE late(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 30)
INSERT INTO late SELECT 'a', date('2023-07-03', '+' || i || ' days'), 1 FROM r;
INSERT INTO late VALUES ('b', '2023-07-27', 5);
SELECT series, period, value, note FROM yoy_growth('late', 'v', 'd', 'k', 'grain=month, scan=hash') WHERE series = 'b'
UNION ALL
SELECT series, period, value, note FROM yoy_growth('late', 'v', 'd', 'k', 'grain=month, scan=stream') WHERE series = 'b';
-- @expect
-- | b|2023-07|5|incomplete period
-- | b|2023-07|5|incomplete period
