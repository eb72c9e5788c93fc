.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails, checks 1.2 and 1.3, until a
-- quarter missing from quarterly figures keyed by a day is told from a
-- quarter with nothing sold).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/grain_quarter_keys_gap.sql
-- Input: quarterly figures keyed by a day, as pandas writes them
-- (df.resample('Q').sum(), 'QE' since pandas 2.2, keys each quarter by
-- its last day; to_sql stores '2023-03-31 00:00:00'; FRED and
-- 'QS' by the first), with one quarter dropped (a dropna() before
-- to_sql, a quarter not yet published): 2023-06-30 is missing.
-- Wrong: such rows stay days (docs/design.md, "Rows on quarters' last
-- months alone stay days, as quarter starts do": they may be quarters,
-- halves, years or a last year's January), and a day without a row is a
-- day with nothing sold, so with grain=year 2023 (Q1, Q3 and Q4: 300) is
-- a whole year against 2022's 400: -25.0 % with an empty note; keyed by
-- first days (2023-04-01 missing), grain=half makes 2023-H1 a whole
-- half of Q1 alone, -50.0 %.
-- Right: a year or half that misses one of its quarters' rows is
-- 'incomplete period' (no growth), as the same rows labelled as
-- quarters ('2023-Q1') give.
-- Where the fix lies: the day-row judgement of docs/design.md ("Day
-- rows that are months keyed by their first day" / "...last day";
-- ext/vtab/series_scan.c and series_hash.c mark the rows, the roll-up
-- judges a series' year): a series whose years (other than a last one
-- holding its first quarter alone) all fall on quarters' first or last
-- days, one a quarter, read as quarters keyed so; the cost the design
-- names (a WHERE on the years must not change the reading) decides how
-- many years must agree.
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
