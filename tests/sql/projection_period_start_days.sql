.load build/tradestat
.headers on
.mode list
-- Input: figures keyed by the first day of their period, the way they
-- most often arrive: FRED's CSV (`observation_date` 2023-04-01 for
-- 2023 Q2, 2023-01-01 for the year 2023) through `.import`, pandas'
-- DataFrame.to_sql of a datetime column ('2023-04-01 00:00:00', from
-- read_csv(parse_dates=...), pd.date_range(freq='MS'),
-- PeriodIndex.to_timestamp() or pd.to_datetime(year)), Excel's
-- "2023-01" turned into a date.  Each label reads as a day, and the
-- aggregate's day rule (reference/projection.md, "Days": a day without
-- a row is a day without a transaction) projects the year-to-date over
-- the share of the year elapsed at the latest *day*: the first day of the
-- latest period, not its end.  The year's first row is on 1 January,
-- so the first-week guard (projection.c item 4b) lets it through.
-- Wrong: months Jan..Jun 2023 on their 1st days: 2190 x 365 / 152 =
-- 5258.9 where plain SQL's run rate of the half-year is 2190 x 2 =
-- 4380.0; quarters Q1, Q2 2023 on 1 Jan and 1 Apr: 29 x 365 / 91 =
-- 116.3 for 58.0; a year on 1 January: 133.1 x 365 = 48581.5 for the
-- year's own 133.1.  No note, no NULL.  yoy_growth over the same rows
-- stays right (same day a year earlier) and its year-to-date says
-- 'incomplete year-to-date' (missing days are missing there), and the
-- virtual table refuses days ("use grain=month"): only the aggregate and
-- window give the figure.
-- Right: NULL, as for a year-to-date that does not start in January
-- (projection.c item 4b): a year whose days with a figure all fall on
-- the first of a month is months, quarters or a year keyed by their
-- first day.  Labelled with period_rollup, they give the plain figure.
-- Each x.2 check accepts NULL or the plain SQL figure.
CREATE TABLE m(observation_date TEXT, v REAL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 29)
INSERT INTO m SELECT date('2021-01-01', '+' || i || ' months') || ' 00:00:00', 100 + 10 * i FROM n;
CREATE TABLE q(observation_date TEXT, v INTEGER);
INSERT INTO q VALUES ('2022-01-01', 10), ('2022-04-01', 11), ('2022-07-01', 12), ('2022-10-01', 13),
  ('2023-01-01', 14), ('2023-04-01', 15);
CREATE TABLE y(observation_date TEXT, v REAL);
INSERT INTO y VALUES ('2020-01-01', 100), ('2021-01-01', 110), ('2022-01-01', 121), ('2023-01-01', 133.1);

-- @check projection_period_start_days-1.1 the months labelled as months: the plain run rate of Jan..Jun 2023, 2190 x 12 / 6
SELECT (SELECT sum(v) * 12 / 6 FROM m WHERE observation_date >= '2023') AS plain,
       annual_projection(v, period_rollup(observation_date, 'month'), 'run_rate') AS labelled
FROM m;
-- @expect
-- | plain|labelled
-- | 4380.0|4380.0
-- @check projection_period_start_days-1.2 the same months keyed by their first day (pandas to_sql, FRED): NULL or 4380.0, was 5258.9
SELECT (SELECT sum(v) * 12 / 6 FROM m WHERE observation_date >= '2023') AS plain,
       p IS NULL OR round(p, 1) = 4380.0 AS right
FROM (SELECT annual_projection(v, observation_date, 'run_rate') AS p FROM m);
-- @expect
-- | plain|right
-- | 4380.0|1

-- @check projection_period_start_days-2.1 the quarters labelled as quarters: (14 + 15) x 4 / 2
SELECT (SELECT sum(v) * 4 / 2.0 FROM q WHERE observation_date >= '2023') AS plain,
       annual_projection(v, period_rollup(observation_date, 'quarter'), 'run_rate') AS labelled
FROM q;
-- @expect
-- | plain|labelled
-- | 58.0|58.0
-- @check projection_period_start_days-2.2 the quarters keyed by their first day: NULL or 58.0, was 116.3
SELECT p IS NULL OR round(p, 1) = 58.0 AS right
FROM (SELECT annual_projection(v, observation_date, 'run_rate') AS p FROM q);
-- @expect
-- | right
-- | 1

-- @check projection_period_start_days-3.1 the years labelled as years: the latest year's own total
SELECT (SELECT v FROM y WHERE observation_date >= '2023') AS plain,
       annual_projection(v, period_year(observation_date), 'run_rate') AS labelled
FROM y;
-- @expect
-- | plain|labelled
-- | 133.1|133.1
-- @check projection_period_start_days-3.2 the years keyed by 1 January: NULL or 133.1, was 133.1 x 365 = 48581.5
SELECT p IS NULL OR round(p, 1) = 133.1 AS right
FROM (SELECT annual_projection(v, observation_date, 'run_rate') AS p FROM y);
-- @expect
-- | right
-- | 1
