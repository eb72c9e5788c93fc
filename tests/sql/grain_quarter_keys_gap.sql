.load build/tradestat
.headers on
.mode list
-- Quarterly figures keyed by a day, one quarter missing: a roll-up by
-- grain= of quarters or coarser is whole only when each of its quarters
-- has a row (docs/design.md, "Day rows that are quarters keyed by their
-- first or last day").  Expected values: the quarters counted by hand.
-- Input: quarterly figures keyed by a day, as pandas writes them
-- (df.resample('Q').sum(), 'QE' since pandas 2.2, keys each quarter by
-- its last day; to_sql stores '2023-03-31 00:00:00'; FRED and
-- 'QS' by the first), with one quarter dropped (a dropna() before
-- to_sql, a quarter not yet published): 2023-06-30 is missing.
-- Before: such rows stayed days (docs/design.md, "Rows on quarters' last
-- months alone stay days, as quarter starts do": they may be quarters,
-- halves, years or a last year's January), and a day without a row is a
-- day with nothing sold, so with grain=year 2023 (Q1, Q3 and Q4: 300) is
-- a whole year against 2022's 400: -25.0 % with an empty note; keyed by
-- first days (2023-04-01 missing), grain=half makes 2023-H1 a whole
-- half of Q1 alone, -50.0 %.
-- Right: a year or half that misses one of its quarters' rows is
-- 'incomplete period' (no growth), as the same rows labelled as
-- quarters ('2023-Q1') give.
CREATE TABLE qe(d TEXT, v INTEGER);
INSERT INTO qe VALUES ('2021-03-31 00:00:00', 100), ('2021-06-30 00:00:00', 100), ('2021-09-30 00:00:00', 100),
  ('2021-12-31 00:00:00', 100), ('2022-03-31 00:00:00', 100), ('2022-06-30 00:00:00', 100),
  ('2022-09-30 00:00:00', 100), ('2022-12-31 00:00:00', 100), ('2023-03-31 00:00:00', 100),
  ('2023-09-30 00:00:00', 100), ('2023-12-31 00:00:00', 100);
CREATE TABLE qs(d TEXT, v INTEGER);
INSERT INTO qs VALUES ('2021-01-01', 100), ('2021-04-01', 100), ('2021-07-01', 100), ('2021-10-01', 100),
  ('2022-01-01', 100), ('2022-04-01', 100), ('2022-07-01', 100), ('2022-10-01', 100),
  ('2023-01-01', 100), ('2023-07-01', 100), ('2023-10-01', 100);
CREATE TABLE ql AS SELECT period_rollup(d, 'quarter') AS q, v FROM qe;

-- @check grain_quarter_keys_gap-1.1 the same figures labelled as quarters: 2023 incomplete, no growth
SELECT period, value, growth, note FROM yoy_growth('ql', 'v', 'q', '', 'grain=year') WHERE period = '2023';
-- @expect
-- | period|value|growth|note
-- | 2023|300||incomplete period
-- @check grain_quarter_keys_gap-1.2 keyed by last days: 2023 is as incomplete (showed -25.0 with an empty note)
SELECT period, value, growth, note FROM yoy_growth('qe', 'v', 'd', '', 'grain=year') WHERE period = '2023';
-- @expect
-- | period|value|growth|note
-- | 2023|300||incomplete period
-- @check grain_quarter_keys_gap-1.3 keyed by first days, by half: 2023-H1 holds Q1 alone (showed -50.0)
SELECT period, value, growth, note FROM yoy_growth('qs', 'v', 'd', '', 'grain=half') WHERE period = '2023-H1';
-- @expect
-- | period|value|growth|note
-- | 2023-H1|100||incomplete period

-- @check grain_quarter_keys_gap-1.4 the same by scan=hash and scan=stream, every half
SELECT 'hash', period, value, growth, note FROM yoy_growth('qe', 'v', 'd', '', 'grain=half, scan=hash');
SELECT 'stream', period, value, growth, note FROM yoy_growth('qe', 'v', 'd', '', 'grain=half, scan=stream');
-- @expect
-- | 'hash'|period|value|growth|note
-- | hash|2021-H1|200||no prior period
-- | hash|2021-H2|200||no prior period
-- | hash|2022-H1|200|0.0|
-- | hash|2022-H2|200|0.0|
-- | hash|2023-H1|100||incomplete period
-- | hash|2023-H2|200|0.0|incomplete year-to-date
-- | 'stream'|period|value|growth|note
-- | stream|2021-H1|200||no prior period
-- | stream|2021-H2|200||no prior period
-- | stream|2022-H1|200|0.0|
-- | stream|2022-H2|200|0.0|
-- | stream|2023-H1|100||incomplete period
-- | stream|2023-H2|200|0.0|incomplete year-to-date
-- @check grain_quarter_keys_gap-1.5 whole years of quarters keyed so grow as their sums do; a WHERE on the year changes nothing
SELECT period, value, growth, note FROM yoy_growth('qs', 'v', 'd', '', 'grain=year') WHERE period >= '2022';
-- @expect
-- | period|value|growth|note
-- | 2022|400|0.0|
-- | 2023|300||incomplete period
-- @check grain_quarter_keys_gap-1.6 by quarter: each row its whole quarter, the missing one absent (no row); the last, keyed by 1 October, reaches past the source's last day, as its days did
SELECT period, value, growth, note FROM yoy_growth('qs', 'v', 'd', '', 'grain=quarter, scan=stream') WHERE period >= '2023';
-- @expect
-- | period|value|growth|note
-- | 2023-Q1|100|0.0|
-- | 2023-Q3|100|0.0|incomplete year-to-date
-- | 2023-Q4|100||incomplete period
-- @check grain_quarter_keys_gap-1.7 keyed by last days, the last quarter ends on the source's last day: whole
SELECT period, value, growth, note FROM yoy_growth('qe', 'v', 'd', '', 'grain=quarter, scan=hash') WHERE period >= '2023';
-- @expect
-- | period|value|growth|note
-- | 2023-Q1|100|0.0|
-- | 2023-Q3|100|0.0|incomplete year-to-date
-- | 2023-Q4|100|0.0|incomplete year-to-date

-- 2. Business days (pandas' 'BQS' and 'BQ'): the first or last business
-- day of the quarter, within a week of its first or last day.
CREATE TABLE bq(k TEXT, d TEXT, v REAL);
INSERT INTO bq VALUES ('bqs', '2021-01-04', 10.5), ('bqs', '2021-04-01', 10.5), ('bqs', '2021-07-01', 10.5),
  ('bqs', '2021-10-01', 10.5), ('bqs', '2022-01-03', 10.5), ('bqs', '2022-04-01', 10.5), ('bqs', '2022-07-01', 10.5),
  ('bqs', '2022-10-03', 10.5), ('bqs', '2023-01-02', 10.5), ('bqs', '2023-04-03', 10.5), ('bqs', '2023-10-02', 10.5),
  ('bq', '2021-03-31', 10.5), ('bq', '2021-06-30', 10.5), ('bq', '2021-09-30', 10.5), ('bq', '2021-12-31', 10.5),
  ('bq', '2022-03-31', 10.5), ('bq', '2022-06-30', 10.5), ('bq', '2022-09-30', 10.5), ('bq', '2022-12-30', 10.5),
  ('bq', '2023-03-31', 10.5), ('bq', '2023-06-30', 10.5), ('bq', '2023-12-29', 10.5),
  ('later', '2024-01-15', 1.0);
-- @check grain_quarter_keys_gap-2.1 Q3 2023 missing from both: 2023-H2 incomplete though the source runs into 2024, H1 whole
SELECT series, period, value, growth, note FROM yoy_growth('bq', 'v', 'd', 'k', 'grain=half')
WHERE period BETWEEN '2023' AND '2023-H2' AND series <> 'later';
-- @expect
-- | series|period|value|growth|note
-- | bq|2023-H1|21.0|0.0|
-- | bq|2023-H2|10.5||incomplete period
-- | bqs|2023-H1|21.0|0.0|
-- | bqs|2023-H2|10.5||incomplete period
-- @check grain_quarter_keys_gap-2.2 the same by trade_imbalance: a year missing a quarter is noted incomplete, as quarter labels are
CREATE TABLE flows AS SELECT 'Korea' AS partner, 'export' AS flow, d, v FROM bq WHERE k = 'bq'
  UNION ALL SELECT 'Korea', 'import', d, 5 FROM bq WHERE k = 'bq' AND d <> '2023-12-29' UNION ALL SELECT 'Korea', 'import', '2023-12-29', 5;
SELECT period, exports, imports, balance, note FROM trade_imbalance('flows', 'v', 'd', 'flow', 'partner', 'grain=year');
-- @expect
-- | period|exports|imports|balance|note
-- | 2021|42.0|20.0|22.0|no prior period
-- | 2022|42.0|20.0|22.0|
-- | 2023|31.5|15.0|16.5|incomplete period

-- 3. Where the rows are not read as quarters.
-- @check grain_quarter_keys_gap-3.1 rows on 1 January and 1 July alone may be halves: they stay days (2023-H1 whole)
CREATE TABLE hs(d TEXT, v INTEGER);
INSERT INTO hs VALUES ('2021-01-01', 100), ('2021-07-01', 100), ('2022-01-01', 100), ('2022-07-01', 100),
  ('2023-01-01', 100), ('2023-07-01', 100), ('2023-12-31', 1);
SELECT period, value, growth, note FROM yoy_growth('hs', 'v', 'd', '', 'grain=half') WHERE period >= '2023';
-- @expect
-- | period|value|growth|note
-- | 2023-H1|100|0.0|
-- | 2023-H2|101|1.0|
-- @check grain_quarter_keys_gap-3.2 a roll-up to months stays one of days: October 2023 reaches past the source's last day
SELECT period, value, growth, note FROM yoy_growth('qs', 'v', 'd', '', 'grain=month') WHERE period >= '2023';
-- @expect
-- | period|value|growth|note
-- | 2023-01|100|0.0|
-- | 2023-07|100|0.0|incomplete year-to-date
-- | 2023-10|100||incomplete period
-- @check grain_quarter_keys_gap-3.3 a daily series with a sale off the quarters' first weeks is days: 2023 whole
CREATE TABLE ds(d TEXT, v INTEGER);
INSERT INTO ds VALUES ('2022-01-01', 100), ('2022-04-01', 100), ('2022-07-01', 100), ('2022-10-01', 100),
  ('2023-01-01', 100), ('2023-04-01', 100), ('2023-08-15', 100), ('2023-12-31', 100);
SELECT period, value, growth, note FROM yoy_growth('ds', 'v', 'd', '', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2022|400||no prior period
-- | 2023|400|0.0|
-- @check grain_quarter_keys_gap-3.4 annual_projection from Q1 of quarters keyed by first days: cut on 31 March a year holds 1 January alone (a quarter, a half or a year?) and reaches past the source's last day, so each row is NULL, as the cut source gives
SELECT year, through, ytd, projection, note FROM annual_projection('qs', 'v', 'd', '', 'prior_share', 'grain=quarter, through=03');
-- @expect
-- | year|through|ytd|projection|note
-- | 2021|2021-Q1|||incomplete period
-- | 2022|2022-Q1|||incomplete period
-- | 2023|2023-Q1|||incomplete period

-- 4. annual_projection reads them as quarters too, each row as the source
-- cut at its point gives.
-- @check grain_quarter_keys_gap-4.1 grain=year: 2023 misses its second quarter (was actual 300 and projection 300, no note)
SELECT year, periods_observed, ytd, projection, actual, note FROM annual_projection('qe', 'v', 'd', '', 'prior_share', 'grain=year');
-- @expect
-- | year|periods_observed|ytd|projection|actual|note
-- | 2021|1|400|400.0|400|
-- | 2022|1|400|400.0|400|
-- | 2023|0||||incomplete period
-- @check grain_quarter_keys_gap-4.2 from Q3 by quarter: 2022 300 of a year whose share to Q3 was 3/4 in 2021; 2023 lacks Q2
SELECT year, periods_observed, ytd, projection, actual, note FROM annual_projection('qe', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q3');
-- @expect
-- | year|periods_observed|ytd|projection|actual|note
-- | 2021|3|300||400|no complete prior year
-- | 2022|3|300|400.0|400|interval from the spread of this year's periods (no earlier errors)
-- | 2023|2||||incomplete year-to-date
-- @check grain_quarter_keys_gap-4.3 the source cut on 30 September 2022 gives 2022's row
CREATE TABLE qe22 AS SELECT * FROM qe WHERE d <= '2022-09-30 99';
SELECT year, periods_observed, ytd, projection, note FROM annual_projection('qe22', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q3') WHERE year = 2022;
-- @expect
-- | year|periods_observed|ytd|projection|note
-- | 2022|3|300|400.0|interval from the spread of this year's periods (no earlier errors)
-- @check grain_quarter_keys_gap-4.4 from Q1: 2021's 31 March is the source's first day, its quarter not known whole until Q2 shows quarters; later Q1s whole at their key
SELECT year, ytd, projection, note FROM annual_projection('qe', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q1');
-- @expect
-- | year|ytd|projection|note
-- | 2021|||incomplete period
-- | 2022|100|400.0|fewer than 3 earlier years for an interval
-- | 2023|100|400.0|fewer than 3 earlier years for an interval
-- @check grain_quarter_keys_gap-4.5 the sources cut on 31 March 2021 and 2022 give those rows
CREATE TABLE qe21q1 AS SELECT * FROM qe WHERE d <= '2021-03-31 99';
CREATE TABLE qe22q1 AS SELECT * FROM qe WHERE d <= '2022-03-31 99';
SELECT year, ytd, projection, note FROM annual_projection('qe21q1', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q1') WHERE year = 2021;
SELECT year, ytd, projection, note FROM annual_projection('qe22q1', 'v', 'd', '', 'prior_share', 'grain=quarter, through=Q1') WHERE year = 2022;
-- @expect
-- | year|ytd|projection|note
-- | 2021|||incomplete period
-- | year|ytd|projection|note
-- | 2022|100|400.0|fewer than 3 earlier years for an interval
