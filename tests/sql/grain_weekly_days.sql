.load build/tradestat
.headers on
.mode list
-- Weekly figures keyed by a day, rolled up by grain=, are an error
-- naming the series, the year and the weekday (docs/design.md, "Weekly
-- figures keyed by a day are refused under grain="): no roll-up of them
-- is honest, since a month holds four or five of those days and a week
-- may span two months.
-- Input: weekly figures keyed by one day of their week, as pandas writes
-- them (df.resample('W').sum() keys each week by its Sunday, to_sql
-- stores '2023-01-01 00:00:00'; 'W-MON' by its Monday), and as weekly
-- retail and customs series are published.  ISO week labels
-- ('2023-W05') are refused, so the dates are how weeks arrive.
-- Before: yoy_growth with grain=month read each row as the sales of its
-- day (docs/design.md: a day with no row is a day with nothing sold), so
-- a month holds the weeks whose key day falls in it: four or five.
-- Sales flat at 100 a week from 3 January 2021 to 31 December 2023 show
-- April 2023 +25.0 % (five Sundays against four in April 2022), May
-- -20.0 %, December +25.0 %, 2023-Q4 +7.69 % and a December
-- year-to-date +1.92 %, each with an empty note (plain SQL's GROUP BY
-- strftime('%Y-%m', d) sums the same weeks: the figure is plain SQL's,
-- the meaning is not).
CREATE TABLE w(d TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r
                        WHERE date('2021-01-03', '+' || (7 * i) || ' days') < '2023-12-31')
INSERT INTO w SELECT date('2021-01-03', '+' || (7 * i) || ' days') || ' 00:00:00', 100 FROM r;

-- @check grain_weekly_days-1.1 what the rows are: one a week, every one a Sunday, 100 each
SELECT count(*) AS weeks, min(d) AS first, max(d) AS last, count(DISTINCT strftime('%w', d)) AS weekdays,
       min(v) = max(v) AS flat FROM w;
-- @expect
-- | weeks|first|last|weekdays|flat
-- | 157|2021-01-03 00:00:00|2023-12-31 00:00:00|1|1
-- @check grain_weekly_days-1.2 grain=month: an error (April 2023 showed +25.0, May -20.0, December +25.0)
SELECT count(*) AS moved FROM yoy_growth('w', 'v', 'd', '', 'grain=month') WHERE growth <> 0;
-- @error yoy_growth: the rows of the one series (no series column) in 2021 all fall on Sundays: weekly figures keyed by a day cannot be summed into periods by grain=month (a month or a year holds four or five of those days, and a week may span two periods); label each row with the period it belongs to, or, if each row is one day's sales, sum them by period in SQL
-- @check grain_weekly_days-1.3 grain=quarter by scan=hash (2023-Q4 showed +7.69)
SELECT count(*) AS moved FROM yoy_growth('w', 'v', 'd', '', 'grain=quarter, scan=hash') WHERE growth <> 0;
-- @error yoy_growth: the rows of the one series (no series column) in 2021 all fall on Sundays: weekly figures keyed by a day cannot be summed into periods by grain=quarter (a month or a year holds four or five of those days, and a week may span two periods); label each row with the period it belongs to, or, if each row is one day's sales, sum them by period in SQL
-- @check grain_weekly_days-1.4 grain=year streamed (52 against 53 Sundays)
SELECT count(*) FROM yoy_growth('w', 'v', 'd', '', 'grain=year, scan=stream');
-- @error yoy_growth: the rows of the one series (no series column) in 2021 all fall on Sundays: weekly figures keyed by a day cannot be summed into periods by grain=year (a month or a year holds four or five of those days, and a week may span two periods); label each row with the period it belongs to, or, if each row is one day's sales, sum them by period in SQL
-- @check grain_weekly_days-1.5 a WHERE on the latest year still reads the weekly years before it (under grain= two: the year a year is read beside, and its own)
SELECT count(*) FROM yoy_growth('w', 'v', 'd', '', 'grain=month') WHERE period >= '2023-01';
-- @error yoy_growth: the rows of the one series (no series column) in 2021 all fall on Sundays: weekly figures keyed by a day cannot be summed into periods by grain=month (a month or a year holds four or five of those days, and a week may span two periods); label each row with the period it belongs to, or, if each row is one day's sales, sum them by period in SQL
-- @check grain_weekly_days-1.6 without grain= the rows are days, compared with the same day a year before: no growth, no error
SELECT count(*) AS days, count(growth) AS growths FROM yoy_growth('w', 'v', 'd', '');
-- @expect
-- | days|growths
-- | 157|0

-- 2. Keyed by Mondays ('W-MON'), several rows a week (a product column
-- summed away), with series: the message names the series.
CREATE TABLE wm(partner TEXT, product TEXT, d TEXT, v REAL);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 103)
INSERT INTO wm SELECT 'CN', p.x, date('2022-01-03', '+' || (7 * i) || ' days'), 2.5 FROM r, (SELECT 'a' AS x UNION ALL SELECT 'b') AS p;
INSERT INTO wm VALUES ('US', 'a', '2022-01-01', 1), ('US', 'a', '2022-01-04', 1), ('US', 'a', '2023-01-03', 1),
  ('US', 'a', '2023-12-31', 0);
-- @check grain_weekly_days-2.1 yoy_growth by partner: CN's weeks refused, named
SELECT count(*) FROM yoy_growth('wm', 'v', 'd', 'partner', 'grain=month');
-- @error yoy_growth: the rows of series partner='CN' in 2022 all fall on Mondays: weekly figures keyed by a day cannot be summed into periods by grain=month (a month or a year holds four or five of those days, and a week may span two periods); label each row with the period it belongs to, or, if each row is one day's sales, sum them by period in SQL
-- @check grain_weekly_days-2.2 a WHERE on another series reads none of CN's rows: no error
SELECT series, period, value, growth FROM yoy_growth('wm', 'v', 'd', 'partner', 'grain=year') WHERE series = 'US';
-- @expect
-- | series|period|value|growth
-- | US|2022|2.0|
-- | US|2023|1.0|-50.0
-- @check grain_weekly_days-2.3 annual_projection with grain= refuses them too
SELECT count(*) FROM annual_projection('wm', 'v', 'd', 'partner', 'prior_share', 'grain=month, through=06');
-- @error annual_projection: the rows of series partner='CN' in 2022 all fall on Mondays: weekly figures keyed by a day cannot be summed into periods by grain=month (a month or a year holds four or five of those days, and a week may span two periods); label each row with the period it belongs to, or, if each row is one day's sales, sum them by period in SQL
-- @check grain_weekly_days-2.4 trade_imbalance too
CREATE TABLE wt AS SELECT partner, 'export' AS flow, d, v FROM wm WHERE partner = 'CN'
  UNION ALL SELECT partner, 'import', d, 1 FROM wm WHERE partner = 'CN';
SELECT count(*) FROM trade_imbalance('wt', 'v', 'd', 'flow', 'partner', 'grain=quarter');
-- @error trade_imbalance: the rows of series partner='CN' in 2022 all fall on Mondays: weekly figures keyed by a day cannot be summed into periods by grain=quarter (a month or a year holds four or five of those days, and a week may span two periods); label each row with the period it belongs to, or, if each row is one day's sales, sum them by period in SQL

-- 3. What is not refused.
-- @check grain_weekly_days-3.1 sales on Sundays in 7 months of 2023 are read as days (7 months: fewer than 8)
CREATE TABLE few(k TEXT, d TEXT, v INTEGER);
INSERT INTO few VALUES ('s', '2022-01-01', 3), ('s', '2023-01-08', 1), ('s', '2023-02-12', 1), ('s', '2023-03-12', 1),
  ('s', '2023-04-09', 1), ('s', '2023-05-14', 1), ('s', '2023-06-11', 1), ('s', '2023-07-09', 1),
  ('z', '2022-01-01', 0), ('z', '2023-12-31', 0);
SELECT period, value, growth FROM yoy_growth('few', 'v', 'd', 'k', 'grain=year') WHERE series = 's';
-- @expect
-- | period|value|growth
-- | 2022|3|
-- | 2023|7|133.333333333333
-- @check grain_weekly_days-3.2 business days (five weekdays; the source's first and last days a 0) are days
CREATE TABLE bd(d TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 729)
INSERT INTO bd SELECT date('2022-01-01', '+' || i || ' days'), 1 FROM r
WHERE strftime('%w', date('2022-01-01', '+' || i || ' days')) NOT IN ('0', '6');
INSERT INTO bd VALUES ('2022-01-01', 0), ('2023-12-31', 0);
SELECT period, value, growth FROM yoy_growth('bd', 'v', 'd', '', 'grain=year');
-- @expect
-- | period|value|growth
-- | 2022|260|
-- | 2023|260|0.0
-- @check grain_weekly_days-3.3 months keyed by their first Monday, three products each (a long frame): one weekday all year, but months, not weeks: March 2023 dropped leaves 2023-Q1 incomplete
CREATE TABLE fm(product TEXT, d TEXT, v INTEGER);
WITH RECURSIVE mo(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM mo WHERE i < 23),
  firsts(d) AS (SELECT date('2022-01-01', '+' || i || ' months', 'weekday 1') FROM mo)
INSERT INTO fm SELECT p.x, d, 10 FROM firsts, (SELECT 'a' AS x UNION ALL SELECT 'b' UNION ALL SELECT 'c') AS p
WHERE d NOT LIKE '2023-03-%';
SELECT period, value, growth, note FROM yoy_growth('fm', 'v', 'd', '', 'grain=quarter') WHERE period BETWEEN '2023-Q1' AND '2023-Q2';
-- @expect
-- | period|value|growth|note
-- | 2023-Q1|60||incomplete period
-- | 2023-Q2|90|0.0|incomplete year-to-date
