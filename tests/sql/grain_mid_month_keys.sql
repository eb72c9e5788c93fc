.load build/tradestat
.headers on
.mode list
-- Monthly figures keyed by one day of the month that is neither among
-- its first nor its last days (the 15th: a mid-month observation date,
-- a statement or billing day), one month missing: a roll-up by grain= is
-- whole only when each of its months has a row (docs/design.md, "Months
-- keyed by one day of the month").  Expected values: counted by hand,
-- and the same figures labelled as months ('2022-04').
-- Input: 100 a month on the 15th from January 2021 to June 2023, with
-- 15 May 2022 missing (a month not yet published, a dropna() before
-- to_sql).
-- Before: such rows were days of events, and a day without a row a day
-- with nothing sold, so with grain=quarter 2022-Q2 (April and June: 200)
-- was a whole quarter against 2021-Q2's 300: -33.3333333333333 % with
-- only 'incomplete prior year-to-date' in the note; with grain=year the
-- years were judged against the source's first and last days (15 January
-- 2021, 15 June 2023), and annual_projection over them gave NULL for
-- every year.
CREATE TABLE mid(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 29)
INSERT INTO mid SELECT 'a', date('2021-01-15', '+' || i || ' months'), 100 FROM n
WHERE date('2021-01-15', '+' || i || ' months') <> '2022-05-15';
CREATE TABLE lab AS SELECT k, substr(d, 1, 7) AS m, v FROM mid;

-- @check grain_mid_month_keys-1.1 grain=quarter: 2022-Q2 holds April and June alone, incomplete, no growth (showed -33.3333333333333)
SELECT period, value, growth, note FROM yoy_growth('mid', 'v', 'd', 'k', 'grain=quarter') WHERE period = '2022-Q2';
-- @expect
-- | period|value|growth|note
-- | 2022-Q2|200||incomplete period
-- @check grain_mid_month_keys-1.2 every quarter as the same figures labelled as months give them, on both scan paths
SELECT count(*) AS quarters,
       sum(h.value IS l.value AND h.growth IS l.growth AND h.ytd_value IS l.ytd_value AND h.ytd_growth IS l.ytd_growth AND h.note IS l.note) AS hash_same,
       sum(s.value IS l.value AND s.growth IS l.growth AND s.ytd_value IS l.ytd_value AND s.ytd_growth IS l.ytd_growth AND s.note IS l.note) AS stream_same
FROM yoy_growth('lab', 'v', 'm', 'k', 'grain=quarter') AS l
JOIN yoy_growth('mid', 'v', 'd', 'k', 'grain=quarter, scan=hash') AS h USING (period)
JOIN yoy_growth('mid', 'v', 'd', 'k', 'grain=quarter, scan=stream') AS s USING (period);
-- @expect
-- | quarters|hash_same|stream_same
-- | 10|10|10
-- @check grain_mid_month_keys-1.3 grain=year: 2021 is whole from its 15 January row, 2022 incomplete, 2023 holds six months
SELECT period, value, growth, note FROM yoy_growth('mid', 'v', 'd', 'k', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2021|1200||no prior period
-- | 2022|1100||incomplete period
-- | 2023|600||incomplete period
-- @check grain_mid_month_keys-1.4 the CREATE form of trade_imbalance, exports and imports both keyed so: 2022-Q2 incomplete
CREATE TABLE mt(d TEXT, flow TEXT, v INTEGER);
INSERT INTO mt SELECT d, 'export', v FROM mid;
INSERT INTO mt SELECT d, 'import', 50 FROM mid;
CREATE VIRTUAL TABLE temp.mtq USING trade_imbalance(source=mt, period=d, value=v, flow=flow,
  export_label='export', import_label='import', grain=quarter);
SELECT period, exports, imports, balance, balance_growth, note FROM temp.mtq WHERE period BETWEEN '2022-Q1' AND '2022-Q3';
-- @expect
-- | period|exports|imports|balance|balance_growth|note
-- | 2022-Q1|300|150|150|0.0|
-- | 2022-Q2|200|100|100||incomplete period
-- | 2022-Q3|300|150|150|0.0|

-- @check grain_mid_month_keys-1.5 keyed by the 15th or the Monday after it (a business-day calendar): the same rows as 1.3
CREATE TABLE midb AS SELECT k, CASE strftime('%w', d) WHEN '6' THEN date(d, '+2 days')
  WHEN '0' THEN date(d, '+1 day') ELSE d END AS d, v FROM mid;
SELECT count(DISTINCT substr(d, 9)) AS days_of_month, group_concat(DISTINCT substr(d, 9)) AS which FROM midb;
SELECT period, value, growth, note FROM yoy_growth('midb', 'v', 'd', 'k', 'grain=year');
-- @expect
-- | days_of_month|which
-- | 3|15,17,16
-- | period|value|growth|note
-- | 2021|1200||no prior period
-- | 2022|1100||incomplete period
-- | 2023|600||incomplete period

-- Nothing missing: the first quarter (from 15 January) and the last (to
-- 15 June) are whole, as months; before, 2021-Q1 began before the
-- source's first day and 2023-Q2 ended after its last, both incomplete.
CREATE TABLE full AS SELECT * FROM mid UNION ALL SELECT 'a', '2022-05-15', 100;
-- @check grain_mid_month_keys-2.1 every quarter whole, growth 0 from 2022 on
SELECT period, value, growth, note FROM yoy_growth('full', 'v', 'd', 'k', 'grain=quarter');
-- @expect
-- | period|value|growth|note
-- | 2021-Q1|300||no prior period
-- | 2021-Q2|300||no prior period
-- | 2021-Q3|300||no prior period
-- | 2021-Q4|300||no prior period
-- | 2022-Q1|300|0.0|
-- | 2022-Q2|300|0.0|
-- | 2022-Q3|300|0.0|
-- | 2022-Q4|300|0.0|
-- | 2023-Q1|300|0.0|
-- | 2023-Q2|300|0.0|
-- @check grain_mid_month_keys-2.2 annual_projection from June: 600 x 1200 / 600 for 2022 and 2023, as the month labels give (was NULL, 'incomplete period')
CREATE TABLE fullab AS SELECT k, substr(d, 1, 7) AS m, v FROM full;
SELECT 'days' AS form, year, ytd, projection, note FROM annual_projection('full', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06')
UNION ALL
SELECT 'months', year, ytd, projection, note FROM annual_projection('fullab', 'v', 'm', 'k', 'prior_share', 'through=06');
-- @expect
-- | form|year|ytd|projection|note
-- | days|2021|600||no complete prior year
-- | days|2022|600|1200.0|interval from the spread of this year's periods (no earlier errors)
-- | days|2023|600|1200.0|interval from the spread of this year's periods (no earlier errors)
-- | months|2021|600||no complete prior year
-- | months|2022|600|1200.0|interval from the spread of this year's periods (no earlier errors)
-- | months|2023|600|1200.0|interval from the spread of this year's periods (no earlier errors)

-- A projection from January reads no row after it: 15 January 2023
-- alone does not show months (a year or a quarter may be keyed by a day
-- in its first month), but 2022's rows, on the same day of the month, do
-- (a year reads as the year before it when its keys fit): the row from
-- January is 100 x 1200 / 100 in the whole source and cut there.
CREATE TABLE cut1 AS SELECT * FROM full WHERE d <= '2023-01-31';
-- @check grain_mid_month_keys-3.1 the 2023 row from January, whole source and cut at 31 January
SELECT 'whole' AS form, year, ytd, projection, note FROM annual_projection('full', 'v', 'd', 'k', 'prior_share', 'grain=month, through=01') WHERE year = 2023
UNION ALL
SELECT 'cut', year, ytd, projection, note FROM annual_projection('cut1', 'v', 'd', 'k', 'prior_share', 'grain=month, through=01') WHERE year = 2023;
-- @expect
-- | form|year|ytd|projection|note
-- | whole|2023|100|1200.0|fewer than 3 earlier years for an interval
-- | cut|2023|100|1200.0|fewer than 3 earlier years for an interval
-- @check grain_mid_month_keys-3.2 from February both read months: 200 x 1200 / 200
CREATE TABLE cut2 AS SELECT * FROM full WHERE d <= '2023-02-28';
SELECT 'whole' AS form, year, ytd, projection FROM annual_projection('full', 'v', 'd', 'k', 'prior_share', 'grain=month, through=02') WHERE year = 2023
UNION ALL
SELECT 'cut', year, ytd, projection FROM annual_projection('cut2', 'v', 'd', 'k', 'prior_share', 'grain=month, through=02') WHERE year = 2023;
-- @expect
-- | form|year|ytd|projection
-- | whole|2023|200|1200.0
-- | cut|2023|200|1200.0

-- Quarterly figures keyed by the 15th of each quarter's middle month
-- (February, May, August, November), one quarter missing: a year or a
-- half is whole only when each of its quarters has its row.  Rows on one
-- day of the month, one month a quarter at one place in it, in two
-- quarters of one half (so no half or year is keyed by them), are
-- quarters.  Before: days, and 2023 (Q1, Q3 and Q4: 300) against 2022's
-- 400 showed -25.0 % with an empty note, 2023-H1 of Q1 alone -50.0 %.
CREATE TABLE midq(d TEXT, v INTEGER);
INSERT INTO midq VALUES ('2021-02-15', 100), ('2021-05-15', 100), ('2021-08-15', 100), ('2021-11-15', 100),
  ('2022-02-15', 100), ('2022-05-15', 100), ('2022-08-15', 100), ('2022-11-15', 100),
  ('2023-02-15', 100), ('2023-08-15', 100), ('2023-11-15', 100), ('2024-02-15', 100);
-- @check grain_mid_month_keys-4.1 grain=year: 2023 misses its second quarter, incomplete (showed -25.0, no note)
SELECT period, value, growth, note FROM yoy_growth('midq', 'v', 'd', '', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2021|400||no prior period
-- | 2022|400|0.0|
-- | 2023|300||incomplete period
-- | 2024|100||incomplete period
-- @check grain_mid_month_keys-4.2 grain=half on both scan paths: 2023-H1 holds Q1 alone (showed -50.0)
SELECT 'hash' AS path, period, value, growth, note FROM yoy_growth('midq', 'v', 'd', '', 'grain=half, scan=hash') WHERE period LIKE '2023%'
UNION ALL
SELECT 'stream', period, value, growth, note FROM yoy_growth('midq', 'v', 'd', '', 'grain=half, scan=stream') WHERE period LIKE '2023%';
-- @expect
-- | path|period|value|growth|note
-- | hash|2023-H1|100||incomplete period
-- | hash|2023-H2|200|0.0|incomplete year-to-date
-- | stream|2023-H1|100||incomplete period
-- | stream|2023-H2|200|0.0|incomplete year-to-date
-- @check grain_mid_month_keys-4.3 grain=quarter: each quarter as quarter labels give it, 2024-Q1 too (its one row is keyed as 2023's quarters)
CREATE TABLE midql AS SELECT period_rollup(d, 'quarter') AS q, v FROM midq;
SELECT count(*) AS quarters,
       sum(d.value IS l.value AND d.growth IS l.growth AND d.note IS l.note) AS as_labelled
FROM yoy_growth('midq', 'v', 'd', '', 'grain=quarter') AS d JOIN yoy_growth('midql', 'v', 'q', '') AS l USING (period);
-- @expect
-- | quarters|as_labelled
-- | 12|12

-- @check grain_mid_month_keys-4.4 annual_projection by quarters: from Q2 2023 its year-to-date is incomplete; from Q1 the whole source and the source cut at 31 March agree (15 February is keyed as 2022's quarters)
CREATE TABLE midq1 AS SELECT * FROM midq WHERE d <= '2023-03-31';
SELECT 'Q2' AS form, year, ytd, projection, note FROM annual_projection('midq', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q2') WHERE year BETWEEN 2022 AND 2023
UNION ALL
SELECT 'Q1 whole', year, ytd, projection, note FROM annual_projection('midq', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q1') WHERE year = 2023
UNION ALL
SELECT 'Q1 cut', year, ytd, projection, note FROM annual_projection('midq1', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q1') WHERE year = 2023;
-- @expect
-- | form|year|ytd|projection|note
-- | Q2|2022|200|400.0|interval from the spread of this year's periods (no earlier errors)
-- | Q2|2023|||incomplete year-to-date
-- | Q1 whole|2023|100|400.0|fewer than 3 earlier years for an interval
-- | Q1 cut|2023|100|400.0|fewer than 3 earlier years for an interval

-- What stays days.  Rows on the 15th of January and July alone could be
-- halves (or quarters with two missing): days, each half whole inside
-- the days the source holds.
CREATE TABLE midh(d TEXT, v INTEGER);
INSERT INTO midh VALUES ('2021-01-15', 100), ('2021-07-15', 100), ('2022-01-15', 110), ('2022-07-15', 110),
  ('2023-01-15', 121);
-- @check grain_mid_month_keys-5.1 rows on 15 January and 15 July: days, 2022-H2 +10 % (its year-to-date's prior, 2021-H1, begins before the source's first day)
SELECT period, value, round(growth, 6) AS growth, note FROM yoy_growth('midh', 'v', 'd', '', 'grain=half');
-- @expect
-- | period|value|growth|note
-- | 2021-H1|100||incomplete period
-- | 2021-H2|100||no prior period
-- | 2022-H1|110||incomplete prior period
-- | 2022-H2|110|10.0|incomplete prior year-to-date
-- | 2023-H1|121||incomplete period
-- @check grain_mid_month_keys-5.2 rows on two days of a month (the 10th and the 20th) stay events: 2022-Q2 without May's is a whole quarter (the note is of 2021-Q1, which begins before the source's first day)
CREATE TABLE two(d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 23)
INSERT INTO two SELECT date('2021-01-10', '+' || i || ' months', '+' || j || ' days'), 50
FROM n, (SELECT 0 AS j UNION ALL SELECT 10) WHERE date('2021-01-10', '+' || i || ' months') <> '2022-05-10';
SELECT period, value, round(growth, 6) AS growth, note FROM yoy_growth('two', 'v', 'd', '', 'grain=quarter') WHERE period = '2022-Q2';
-- @expect
-- | period|value|growth|note
-- | 2022-Q2|200|-33.333333|incomplete prior year-to-date

-- Quarterly figures keyed by the first day of each quarter's last month
-- (1 March, 1 June, 1 September, 1 December), as a statement due on the
-- 1st: rows in their months' first week that fall in months starting no
-- quarter were read as months, two of every three missing, so every
-- quarter, half and year was 'incomplete period'.  One month a quarter at
-- one place in it, in two quarters of one half, is quarters first.
CREATE TABLE q3(d TEXT, v INTEGER);
INSERT INTO q3 VALUES ('2021-03-01', 100), ('2021-06-01', 100), ('2021-09-01', 100), ('2021-12-01', 100),
  ('2022-03-01', 120), ('2022-06-01', 120), ('2022-09-01', 120), ('2022-12-01', 120),
  ('2023-03-01', 130), ('2023-09-01', 130), ('2023-12-01', 130);
-- @check grain_mid_month_keys-6.1 grain=year: 2022 +20 %, 2023 misses its June row (all three were 'incomplete period')
SELECT period, value, growth, note FROM yoy_growth('q3', 'v', 'd', '', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2021|400||no prior period
-- | 2022|480|20.0|
-- | 2023|390||incomplete period
-- @check grain_mid_month_keys-6.2 annual_projection from Q1 2023 and from Q2 2022: the whole source and the source cut at 31 March agree (1 March 2023 is keyed as 2022's quarters)
CREATE TABLE q3cut AS SELECT * FROM q3 WHERE d <= '2023-03-31';
SELECT 'whole' AS form, year, ytd, projection, note FROM annual_projection('q3', 'v', 'd', '', 'run_rate', 'grain=quarter, through=Q1') WHERE year = 2023
UNION ALL
SELECT 'cut', year, ytd, projection, note FROM annual_projection('q3cut', 'v', 'd', '', 'run_rate', 'grain=quarter, through=Q1') WHERE year = 2023
UNION ALL
SELECT 'from Q2', year, ytd, projection, note FROM annual_projection('q3', 'v', 'd', '', 'run_rate', 'grain=quarter, through=Q2') WHERE year = 2022;
-- @expect
-- | form|year|ytd|projection|note
-- | whole|2023|130|520.0|fewer than 3 earlier years for an interval
-- | cut|2023|130|520.0|fewer than 3 earlier years for an interval
-- | from Q2|2022|240|480.0|fewer than 3 earlier years for an interval

-- 7. Monthly figures on the 15th, every month of 2022, then in 2023 only
-- 15 March, June, September and December (the other months not
-- published, or dropped): 2023 alone reads as quarters keyed by the 15th
-- of their last month (one month a quarter at one place, section 4),
-- and was compared, quarter by quarter, with 2022's three months:
-- every 2023 quarter, one month's 100 against 300, at -66.7 % with an
-- empty note (the halves and the year likewise).  Beside a year before of months
-- on the same key day, such a year is months, two of every three
-- missing: the quarters are incomplete, as the same figures labelled as
-- months give them.
CREATE TABLE mq(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 11)
INSERT INTO mq SELECT 'a', date('2022-01-15', '+' || i || ' months'), 100 FROM n;
INSERT INTO mq VALUES ('a', '2023-03-15', 100), ('a', '2023-06-15', 100), ('a', '2023-09-15', 100), ('a', '2023-12-15', 100);
CREATE TABLE mqlab AS SELECT k, substr(d, 1, 7) AS m, v FROM mq;
-- @check grain_mid_month_keys-7.1 labelled as months: every 2023 quarter incomplete, no growth
SELECT period, value, growth, note FROM yoy_growth('mqlab', 'v', 'm', 'k', 'grain=quarter') WHERE period >= '2023';
-- @expect
-- | period|value|growth|note
-- | 2023-Q1|100||incomplete period
-- | 2023-Q2|100||incomplete period
-- | 2023-Q3|100||incomplete period
-- | 2023-Q4|100||incomplete period
-- @check grain_mid_month_keys-7.2 keyed by the 15th: the same, on both scan paths and under grain=half and year (each 2023 quarter showed -66.6666666666667, empty note)
SELECT g.grain, count(*) AS periods,
       sum(h.value IS l.value AND h.growth IS l.growth AND h.ytd_value IS l.ytd_value AND h.ytd_growth IS l.ytd_growth AND h.note IS l.note) AS hash_same,
       sum(s.value IS l.value AND s.growth IS l.growth AND s.ytd_value IS l.ytd_value AND s.ytd_growth IS l.ytd_growth AND s.note IS l.note) AS stream_same,
       count(h.growth) AS hash_growths
FROM (SELECT 'quarter' AS grain UNION ALL SELECT 'half' UNION ALL SELECT 'year') AS g
JOIN yoy_growth AS l ON l.source = 'mqlab' AND l.value_column = 'v' AND l.period_column = 'm' AND l.series_column = 'k' AND l.options = 'grain=' || g.grain
JOIN yoy_growth AS h ON h.source = 'mq' AND h.value_column = 'v' AND h.period_column = 'd' AND h.series_column = 'k' AND h.options = 'grain=' || g.grain || ', scan=hash' AND h.period = l.period
JOIN yoy_growth AS s ON s.source = 'mq' AND s.value_column = 'v' AND s.period_column = 'd' AND s.series_column = 'k' AND s.options = 'grain=' || g.grain || ', scan=stream' AND s.period = l.period
WHERE l.period >= '2023' GROUP BY g.grain ORDER BY g.grain;
-- @expect
-- | grain|periods|hash_same|stream_same|hash_growths
-- | half|2|2|2|0
-- | quarter|4|4|4|0
-- | year|1|1|1|0
