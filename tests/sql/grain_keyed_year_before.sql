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
