.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: check 1.1 fails until a roll-up of days
-- tells figures keyed by their period's first day from events).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/pandas_month_start_gap.sql
-- Input: monthly figures keyed by each month's first day, as pandas'
-- to_sql writes a DataFrame indexed by date_range(freq='MS') ('2022-01-01
-- 00:00:00' in a TIMESTAMP column), after a dropna() that removed March
-- 2022 (its figure was NaN), read with grain=quarter.
-- Wrong: the rows are days, and a day with no row is a day with nothing
-- sold, so 2022-Q1 is "whole" at January + February = 200 and 2023-Q1
-- (300) shows +50.0 % with no note.
-- Right: 2022-Q1 holds two of its three months, 'incomplete period', and
-- 2023-Q1 has no growth -- what the same rows give labelled as months
-- (period_rollup(date, 'month') in a view, check 1.2) and what
-- annual_projection already decides for such rows ("a year whose days
-- with a figure all fall on the first of a month gives NULL").
-- Where: vtab/series_scan.c check_series and vtab/series_hash.c
-- series_points (roll-up completeness), vtab/series_extent.c
-- ts_days_check.  A series whose day rows with a figure all fall on the
-- first of a month is months (or quarters, or years) keyed by their first
-- day; reading each such row as covering its month fixes monthly data,
-- but would make quarterly figures keyed by 1 January, 1 April ... (FRED)
-- incomplete in every quarter, so the rule needs the step between the
-- rows (a month, a quarter, a year), or an error asking for labels.
-- The walkthrough ("A file keyed by dates") says to label such rows in a
-- view meanwhile.
CREATE TABLE t("date" TIMESTAMP, amount REAL);
INSERT INTO t VALUES ('2022-01-01 00:00:00', 100), ('2022-02-01 00:00:00', 100),
  ('2022-04-01 00:00:00', 100), ('2022-05-01 00:00:00', 100), ('2022-06-01 00:00:00', 100),
  ('2022-07-01 00:00:00', 100), ('2022-08-01 00:00:00', 100), ('2022-09-01 00:00:00', 100),
  ('2022-10-01 00:00:00', 100), ('2022-11-01 00:00:00', 100), ('2022-12-01 00:00:00', 100),
  ('2023-01-01 00:00:00', 100), ('2023-02-01 00:00:00', 100), ('2023-03-01 00:00:00', 100),
  ('2023-04-01 00:00:00', 100), ('2023-05-01 00:00:00', 100), ('2023-06-01 00:00:00', 100),
  ('2023-07-01 00:00:00', 100);
CREATE VIEW t_months AS SELECT period_rollup("date", 'month') AS month, amount FROM t;

-- @check pandas_month_start_gap-1.1 the rows as written: 2022-Q1 misses March, so 2023-Q1 has no growth
SELECT period, value, prior_value, growth, note FROM yoy_growth('t', 'amount', 'date', '', 'grain=quarter')
WHERE period IN ('2022-Q1', '2023-Q1');
-- @expect
-- | period|value|prior_value|growth|note
-- | 2022-Q1|200.0|||incomplete period
-- | 2023-Q1|300.0|200.0||incomplete period
-- @check pandas_month_start_gap-1.2 the same rows labelled as months (passes today)
SELECT period, value, prior_value, growth, note FROM yoy_growth('t_months', 'amount', 'month', '', 'grain=quarter')
WHERE period IN ('2022-Q1', '2023-Q1');
-- @expect
-- | period|value|prior_value|growth|note
-- | 2022-Q1|200.0|||incomplete period
-- | 2023-Q1|300.0|200.0||incomplete period
