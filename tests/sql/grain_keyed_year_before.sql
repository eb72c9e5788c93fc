.load build/tradestat
.headers on
.mode list
-- A year keyed as the year before reads as the year before (docs/design.md,
-- "A year keyed as the year before").  Expected values: counted by hand,
-- and the same figures labelled as months or quarters.
-- Input: two partners' monthly figures keyed by their first day, as
-- pandas' to_sql writes a month-start index, 100 a month from January
-- 2021; partner a is published through January 2023, partner b through
-- April 2023 (one partner reports later than another).
-- Before: a's 2023 held one row, 1 January, which alone may key a month,
-- a quarter, a half or a year, so it was a day of events; b's rows put
-- the source's last day past 31 March, so a's 2023-Q1 of January alone
-- was a whole quarter: 100 against 300, -66.6666666666667 % with an empty
-- note.  Right: a's 2022 is months keyed by their first day, 2023's row
-- is keyed the same way, so 2023-Q1 misses February and March:
-- 'incomplete period', as the month labels give.
CREATE TABLE s(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 27)
INSERT INTO s SELECT 'b', date('2021-01-01', '+' || i || ' months'), 100 FROM n;
INSERT INTO s SELECT 'a', d, v FROM s WHERE d <= '2023-01-01';
CREATE TABLE sl AS SELECT k, substr(d, 1, 7) AS m, v FROM s;

-- @check grain_keyed_year_before-1.1 a's 2023-Q1 holds January alone: incomplete, no growth (showed -66.6666666666667)
SELECT series, period, value, growth, note FROM yoy_growth('s', 'v', 'd', 'k', 'grain=quarter') WHERE period = '2023-Q1';
-- @expect
-- | series|period|value|growth|note
-- | a|2023-Q1|100||incomplete period
-- | b|2023-Q1|300|0.0|
-- @check grain_keyed_year_before-1.2 every row as the month labels give it, by quarter, half and year, on both scan paths
SELECT g.grain, count(*) AS rows_, sum(h.value IS l.value AND h.growth IS l.growth AND h.note IS l.note) AS hash_same,
       sum(t.value IS l.value AND t.growth IS l.growth AND t.note IS l.note) AS stream_same
FROM (SELECT 'quarter' AS grain UNION ALL SELECT 'half' UNION ALL SELECT 'year') AS g
JOIN yoy_growth('sl', 'v', 'm', 'k', 'grain=' || g.grain) AS l
JOIN yoy_growth('s', 'v', 'd', 'k', 'grain=' || g.grain || ', scan=hash') AS h ON h.series = l.series AND h.period = l.period
JOIN yoy_growth('s', 'v', 'd', 'k', 'grain=' || g.grain || ', scan=stream') AS t ON t.series = l.series AND t.period = l.period
GROUP BY g.grain ORDER BY g.grain;
-- @expect
-- | grain|rows_|hash_same|stream_same
-- | half|10|10|10
-- | quarter|19|19|19
-- | year|6|6|6
-- @check grain_keyed_year_before-1.3 a WHERE on the period, or on the series, gives the same rows (the year before 2022 is read too)
SELECT series, period, value, growth, note FROM yoy_growth('s', 'v', 'd', 'k', 'grain=quarter') WHERE period >= '2023-Q1' AND series = 'a';
-- @expect
-- | series|period|value|growth|note
-- | a|2023-Q1|100||incomplete period
-- @check grain_keyed_year_before-1.4 annual_projection from January: a month, as 2022 shows, in the whole source and cut on 31 January
CREATE TABLE scut AS SELECT * FROM s WHERE d <= '2023-01-31';
SELECT 'whole' AS form, series, year, ytd, projection FROM annual_projection('s', 'v', 'd', 'k', 'prior_share', 'grain=month, through=01') WHERE year = 2023
UNION ALL
SELECT 'cut', series, year, ytd, projection FROM annual_projection('scut', 'v', 'd', 'k', 'prior_share', 'grain=month, through=01') WHERE year = 2023;
-- @expect
-- | form|series|year|ytd|projection
-- | whole|a|2023|100|1200.0
-- | whole|b|2023|100|1200.0
-- | cut|a|2023|100|1200.0
-- | cut|b|2023|100|1200.0

-- Quarterly figures keyed by a day of each quarter's last month (the
-- 25th of March, September, December in 2019), whose 2020 holds one row,
-- 23 September: the year before keys quarters the same way, so 2020-H2
-- misses its fourth quarter.  Before: a day of events, and 2020-H2 of
-- September alone was -46.6 % against 2019-H2.
CREATE TABLE q(d TEXT, v INTEGER);
INSERT INTO q VALUES ('2019-03-25', 200), ('2019-09-23', 370), ('2019-12-23', 357), ('2020-09-23', 495),
  ('2021-03-01', 1);
-- @check grain_keyed_year_before-2.1 2020-H2 incomplete (showed -46.6 %)
SELECT period, value, growth, note FROM yoy_growth('q', 'v', 'd', '', 'grain=half') WHERE period = '2020-H2';
-- @expect
-- | period|value|growth|note
-- | 2020-H2|495||incomplete period

-- A year keyed otherwise than the year before reads by its own rows:
-- monthly figures on the 1st in 2021, then on the 15th from 2022 (a
-- second series takes the source past March 2023).
CREATE TABLE c(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 11)
INSERT INTO c SELECT 'x', date('2021-01-01', '+' || i || ' months'), 10 FROM n
UNION ALL SELECT 'x', date('2022-01-15', '+' || i || ' months'), 11 FROM n
UNION ALL SELECT 'x', '2023-01-15', 12 UNION ALL SELECT 'y', '2023-04-30', 1;
-- @check grain_keyed_year_before-3.1 2022's months on the 15th are months by their own rows, +10 %; 2023's one row on the 15th, keyed as 2022, is a month: its quarter incomplete
SELECT period, value, round(growth, 6) AS growth, note FROM yoy_growth('c', 'v', 'd', 'k', 'grain=quarter') WHERE series = 'x' AND period >= '2022-Q4';
-- @expect
-- | period|value|growth|note
-- | 2022-Q4|33|10.0|
-- | 2023-Q1|12||incomplete period

-- Rows on quarters' first days with some in April or October read as
-- quarters only when every one falls on a quarter's first month: monthly
-- figures on the first business day, 2021 whole, whose 2022 kept only
-- 3 January, 2 June, 2 September and 3 October read as quarters keyed
-- at their starts (October), and 2022-Q1 of January alone was a whole
-- quarter.  June and September start no quarter: 2022 is months, as
-- 2021 is, and its Q1 misses two of them.
CREATE TABLE g(d TEXT, v INTEGER);
INSERT INTO g VALUES ('2021-01-04', 10), ('2021-02-01', 10), ('2021-03-01', 10), ('2021-04-01', 10),
  ('2021-05-03', 10), ('2021-06-01', 10), ('2021-07-01', 10), ('2021-08-02', 10), ('2021-09-01', 10),
  ('2021-10-01', 10), ('2021-11-01', 10), ('2021-12-01', 10),
  ('2022-01-03', 11), ('2022-06-02', 11), ('2022-09-02', 11), ('2022-10-03', 11), ('2023-02-01', 12);
-- @check grain_keyed_year_before-3.2 2022's quarters each miss months: incomplete (2022-Q1 of January alone was whole)
SELECT period, value, growth, note FROM yoy_growth('g', 'v', 'd', '', 'grain=quarter') WHERE period LIKE '2022%';
-- @expect
-- | period|value|growth|note
-- | 2022-Q1|11||incomplete period
-- | 2022-Q2|11||incomplete period
-- | 2022-Q3|11||incomplete period
-- | 2022-Q4|11||incomplete period

-- 4. Keyed by the last business day of the month, the year after holding
-- one month.  Monthly statements on the last business day (29 January ..
-- 31 December 2021: too far apart to be one day of the month, but each in
-- its month's last days), 100 a month from January 2021; partner a is
-- published through January 2022, partner b through April 2022.
-- Before: a's 2022 held one row, 31 January, which alone may be a series
-- that begins there: a day of events, and b's rows put the source's last
-- day past 31 March, so a's 2022-Q1 of January alone was a whole quarter:
-- 100 against 300, -66.6666666666667 % with an empty note.  Right: a's
-- 2021 is months keyed by their last days and 31 January is keyed the
-- same way, so 2022-Q1 misses February and March, as the labels give.
CREATE TABLE lb(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 16),
  e(d) AS (SELECT date('2021-01-01', '+' || i || ' months', '-1 day') FROM n)
INSERT INTO lb SELECT 'b', CASE strftime('%w', d) WHEN '6' THEN date(d, '-1 day')
  WHEN '0' THEN date(d, '-2 days') ELSE d END, 100 FROM e;
INSERT INTO lb SELECT 'a', d, v FROM lb WHERE d <= '2022-01-31';
CREATE TABLE lbl AS SELECT k, substr(d, 1, 7) AS m, v FROM lb;
-- @check grain_keyed_year_before-4.1 a's 2022-Q1 holds January alone: incomplete, no growth (showed -66.6666666666667)
SELECT series, period, value, growth, note FROM yoy_growth('lb', 'v', 'd', 'k', 'grain=quarter') WHERE period = '2022-Q1';
-- @expect
-- | series|period|value|growth|note
-- | a|2022-Q1|100||incomplete period
-- | b|2022-Q1|300|0.0|
-- @check grain_keyed_year_before-4.2 the days of 2021 span 26 February .. 31 December: no one day of the month keys them
SELECT group_concat(substr(d, 9), ' ') FROM lb WHERE k = 'a';
-- @expect
-- | group_concat(substr(d, 9), ' ')
-- | 29 26 31 30 31 30 30 31 30 29 30 31 31
-- @check grain_keyed_year_before-4.3 every row as the month labels give it, by quarter, half and year, on both scan paths
SELECT g.grain, count(*) AS rows_, sum(h.value IS l.value AND h.growth IS l.growth AND h.note IS l.note) AS hash_same,
       sum(t.value IS l.value AND t.growth IS l.growth AND t.note IS l.note) AS stream_same
FROM (SELECT 'quarter' AS grain UNION ALL SELECT 'half' UNION ALL SELECT 'year') AS g
JOIN yoy_growth('lbl', 'v', 'm', 'k', 'grain=' || g.grain) AS l
JOIN yoy_growth('lb', 'v', 'd', 'k', 'grain=' || g.grain || ', scan=hash') AS h ON h.series = l.series AND h.period = l.period
JOIN yoy_growth('lb', 'v', 'd', 'k', 'grain=' || g.grain || ', scan=stream') AS t ON t.series = l.series AND t.period = l.period
GROUP BY g.grain ORDER BY g.grain;
-- @expect
-- | grain|rows_|hash_same|stream_same
-- | half|6|6|6
-- | quarter|11|11|11
-- | year|4|4|4

-- Quarterly figures keyed by the last business day of each quarter's
-- middle month (26 February, 31 May, 31 August 2021; 2021 lacks its
-- fourth quarter), whose 2022 kept one row, 30 November, and whose 2023 is
-- whole.  Before: 2022 read as a year of events, whole, and 2023 grew
-- +33.3333333333333 % over 2022's fourth quarter alone with an empty note
-- (make keyedtest found it).  Right: 2022 is keyed as 2021 (quarters by
-- their middle month's last days) and misses three quarters.
CREATE TABLE mq(d TEXT, v INTEGER);
INSERT INTO mq VALUES ('2021-02-26', 100), ('2021-05-31', 100), ('2021-08-31', 100), ('2022-11-30', 300),
  ('2023-02-28', 100), ('2023-05-31', 100), ('2023-08-31', 100), ('2023-11-30', 100);
CREATE TABLE mql AS SELECT period_rollup(d, 'quarter') AS q, v FROM mq;
-- @check grain_keyed_year_before-4.4 2022 is incomplete, so 2023 has no growth (showed +33.3 %)
SELECT period, value, prior_value, growth, note FROM yoy_growth('mq', 'v', 'd', '', 'grain=year');
-- @expect
-- | period|value|prior_value|growth|note
-- | 2021|300|||incomplete period
-- | 2022|300|300||incomplete period
-- | 2023|400|300||incomplete prior period
-- @check grain_keyed_year_before-4.5 as the quarter labels give it, by half and year, on both scan paths
SELECT g.grain, count(*) AS rows_, sum(h.value IS l.value AND h.growth IS l.growth AND h.note IS l.note) AS hash_same,
       sum(t.value IS l.value AND t.growth IS l.growth AND t.note IS l.note) AS stream_same
FROM (SELECT 'half' AS grain UNION ALL SELECT 'year') AS g
JOIN yoy_growth('mql', 'v', 'q', '', 'grain=' || g.grain) AS l
JOIN yoy_growth('mq', 'v', 'd', '', 'grain=' || g.grain || ', scan=hash') AS h ON h.period = l.period
JOIN yoy_growth('mq', 'v', 'd', '', 'grain=' || g.grain || ', scan=stream') AS t ON t.period = l.period
GROUP BY g.grain ORDER BY g.grain;
-- @expect
-- | grain|rows_|hash_same|stream_same
-- | half|5|5|5
-- | year|3|3|3

-- A first year keyed as the year after (docs/design.md, "A year keyed as
-- the year after"): a series' first year holds rows on 1 January and
-- 1 July 2019 alone, its 2020 and 2021 are quarters keyed by their first
-- days.  Before: 2019, with no year before, was two day events, each half
-- whole, and 2020-H1 grew +110.526315789474 % over 2019-H1 (one quarter)
-- with an empty note.  Right: 2019 is keyed as 2020 is, quarters, and
-- misses its second and fourth: as the quarter labels give.
CREATE TABLE fa(d TEXT, v INTEGER);
INSERT INTO fa VALUES ('2019-01-01', 95), ('2019-07-01', 90),
  ('2020-01-01', 100), ('2020-04-01', 100), ('2020-07-01', 100), ('2020-10-01', 100),
  ('2021-01-01', 110), ('2021-04-01', 110), ('2021-07-01', 110), ('2021-10-01', 110);
CREATE TABLE fal AS SELECT period_rollup(d, 'quarter') AS q, v FROM fa;
-- @check grain_keyed_year_before-5.1 2019's halves each miss a quarter, so 2020's have no growth (showed +110.5 %, +122.2 %)
SELECT period, value, prior_value, growth, note FROM yoy_growth('fa', 'v', 'd', '', 'grain=half') WHERE period < '2021';
-- @expect
-- | period|value|prior_value|growth|note
-- | 2019-H1|95|||incomplete period
-- | 2019-H2|90|||incomplete period
-- | 2020-H1|200|95||incomplete prior period
-- | 2020-H2|200|90||incomplete prior period
-- @check grain_keyed_year_before-5.2 a WHERE that shows 2019 alone reads 2020 too: the same rows
SELECT period, value, growth, note FROM yoy_growth('fa', 'v', 'd', '', 'grain=half, scan=stream') WHERE period <= '2019-H2'
UNION ALL
SELECT period, value, growth, note FROM yoy_growth('fa', 'v', 'd', '', 'grain=half, scan=hash') WHERE period <= '2019-H2';
-- @expect
-- | period|value|growth|note
-- | 2019-H1|95||incomplete period
-- | 2019-H2|90||incomplete period
-- | 2019-H1|95||incomplete period
-- | 2019-H2|90||incomplete period
-- @check grain_keyed_year_before-5.3 as the quarter labels give it through 2021-H1 (the source ends on 1 October 2021, inside 2021-H2)
SELECT count(*) AS rows_, sum(k.value IS l.value AND k.growth IS l.growth AND k.note IS l.note) AS same
FROM yoy_growth('fa', 'v', 'd', '', 'grain=half') AS k JOIN yoy_growth('fal', 'v', 'q', '', 'grain=half') AS l USING (period)
WHERE period < '2021-H2';
-- @expect
-- | rows_|same
-- | 5|5

-- A year of days beside quarters that read as months: monthly figures on
-- each month's first day in 2019, only 1 January, April, July and October
-- in 2020 (one month a quarter, so months beside 2019), 1 January alone in
-- 2021, and months again in 2022.  Before: 2021's one row, beside 2020
-- taken as quarters, was a whole quarter, and 2022-Q1 grew +200 % over
-- January 2021 alone with an empty note.  Right: 2021 is a month, its
-- first quarter misses two: as the month labels give.
CREATE TABLE am(d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 11)
INSERT INTO am SELECT date('2019-01-01', '+' || i || ' months'), 100 FROM n;
INSERT INTO am VALUES ('2020-01-01', 100), ('2020-04-01', 100), ('2020-07-01', 100), ('2020-10-01', 100),
  ('2021-01-01', 100);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 11)
INSERT INTO am SELECT date('2022-01-01', '+' || i || ' months'), 100 FROM n;
CREATE TABLE aml AS SELECT substr(d, 1, 7) AS m, v FROM am;
-- @check grain_keyed_year_before-6.1 2022-Q1 has no growth over January 2021 alone (showed +200 %), with a WHERE on it, on both paths
SELECT period, value, prior_value, growth, note FROM yoy_growth('am', 'v', 'd', '', 'grain=quarter, scan=stream') WHERE period = '2022-Q1'
UNION ALL
SELECT period, value, prior_value, growth, note FROM yoy_growth('am', 'v', 'd', '', 'grain=quarter, scan=hash') WHERE period = '2022-Q1';
-- @expect
-- | period|value|prior_value|growth|note
-- | 2022-Q1|300|100||incomplete prior period
-- | 2022-Q1|300|100||incomplete prior period
-- @check grain_keyed_year_before-6.2 every row as the month labels give it, by quarter, half and year
SELECT g.grain, count(*) AS rows_, sum(k.value IS l.value AND k.growth IS l.growth AND k.note IS l.note) AS same
FROM (SELECT 'quarter' AS grain UNION ALL SELECT 'half' UNION ALL SELECT 'year') AS g
JOIN yoy_growth('aml', 'v', 'm', '', 'grain=' || g.grain) AS l
JOIN yoy_growth('am', 'v', 'd', '', 'grain=' || g.grain) AS k ON k.period = l.period
GROUP BY g.grain ORDER BY g.grain;
-- @expect
-- | grain|rows_|same
-- | half|7|7
-- | quarter|13|13
-- | year|4|4
