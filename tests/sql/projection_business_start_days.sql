.load build/tradestat
.headers on
.mode list
-- Input: months, quarters and a year keyed by their first *business*
-- day, as pandas writes them from pd.date_range(freq='BMS') or 'BQS'
-- (and resample('BMS').sum()) through DataFrame.to_sql: 2023-01-02 for
-- January (1 January was a Sunday), 2023-04-03 for April (1 April a
-- Saturday), the 1st for the other months.  The aggregate reads each as
-- a day (reference/projection.md, "Days") and projects the year-to-date
-- over the share of the year elapsed at the latest day, the first day
-- of the latest period rather than its end.  Its guard against periods
-- keyed by their first day (projection.c item 4b: every day with a
-- figure the 1st of its month) let these through, as 2 January and 3
-- April are not the 1st.
-- Wrong: months Jan..Jun 2023 of 100, 110, ..., 150 (750): 750 x 365 /
-- 152 = 1801.0 where plain SQL's run rate of the half-year is 750 x 2 =
-- 1500.0; quarters Q1, Q2 2023 on 2 January and 3 April: 29 x 365 / 93
-- = 113.8 for 58.0; a year on 2 January: 133.1 x 365 / 2 = 24290.8 for
-- the year's own 133.1.  No note, no NULL.
-- Right: NULL, as for periods keyed by their 1st: a year whose days with
-- a figure are one a month, each in the month's first 7 days, is
-- periods keyed by their first (business) day.  Labelled with
-- period_rollup they give the plain figure.  Each x.2 check accepts NULL
-- or the plain SQL figure.  Days that are days (two in a month, or one
-- past the 7th) are projected as before (section 4).
CREATE TABLE m(d TEXT, v INTEGER);
INSERT INTO m VALUES ('2022-12-01', 90), ('2023-01-02', 100), ('2023-02-01', 110), ('2023-03-01', 120),
  ('2023-04-03', 130), ('2023-05-01', 140), ('2023-06-01', 150);
CREATE TABLE q(d TEXT, v INTEGER);
INSERT INTO q VALUES ('2022-01-03', 10), ('2022-04-01', 11), ('2022-07-01', 12), ('2022-10-03', 13),
  ('2023-01-02', 14), ('2023-04-03', 15);
CREATE TABLE y(d TEXT, v REAL);
INSERT INTO y VALUES ('2021-01-01', 110), ('2022-01-03', 121), ('2023-01-02', 133.1);

-- @check projection_business_start_days-1.1 the months labelled as months: 750 x 12 / 6
SELECT (SELECT sum(v) * 12 / 6.0 FROM m WHERE d >= '2023') AS plain,
       annual_projection(v, period_rollup(d, 'month'), 'run_rate') AS labelled
FROM m;
-- @expect
-- | plain|labelled
-- | 1500.0|1500.0
-- @check projection_business_start_days-1.2 keyed by their first business day: NULL or 1500.0, was 1801.0
SELECT p IS NULL OR round(p, 1) = 1500.0 AS right, round(p, 1) AS projection
FROM (SELECT annual_projection(v, d, 'run_rate') AS p FROM m);
-- @expect
-- | right|projection
-- | 1|
-- @check projection_business_start_days-1.3 the window form, each month's frame: NULL or the run rate of the months
SELECT d, p IS NULL OR round(p, 1) = round(ytd * 12.0 / k, 1) AS right
FROM (SELECT d, annual_projection(v, d, 'run_rate') OVER (ORDER BY d) AS p,
             sum(v) OVER (PARTITION BY substr(d, 1, 4) ORDER BY d) AS ytd,
             count(*) OVER (PARTITION BY substr(d, 1, 4) ORDER BY d) AS k FROM m)
WHERE d >= '2023' ORDER BY d;
-- @expect
-- | d|right
-- | 2023-01-02|1
-- | 2023-02-01|1
-- | 2023-03-01|1
-- | 2023-04-03|1
-- | 2023-05-01|1
-- | 2023-06-01|1

-- @check projection_business_start_days-2.1 the quarters labelled as quarters: (14 + 15) x 4 / 2
SELECT (SELECT sum(v) * 4 / 2.0 FROM q WHERE d >= '2023') AS plain,
       annual_projection(v, period_rollup(d, 'quarter'), 'run_rate') AS labelled
FROM q;
-- @expect
-- | plain|labelled
-- | 58.0|58.0
-- @check projection_business_start_days-2.2 keyed by their first business day: NULL or 58.0, was 113.8
SELECT p IS NULL OR round(p, 1) = 58.0 AS right, round(p, 1) AS projection
FROM (SELECT annual_projection(v, d, 'run_rate') AS p FROM q);
-- @expect
-- | right|projection
-- | 1|

-- @check projection_business_start_days-3.1 a year keyed by 2 January: NULL or 133.1, was 24290.8
SELECT p IS NULL OR round(p, 1) = 133.1 AS right, round(p, 1) AS projection
FROM (SELECT annual_projection(v, d, 'run_rate') AS p FROM y);
-- @expect
-- | right|projection
-- | 1|

-- 4. Days that are days are still projected over the days: two in a
-- month (2 and 3 January), or one after the month's first week.
-- @check projection_business_start_days-4.1 2 and 3 January, 1 February: 30 x 365 / 32
WITH t(d, v) AS (VALUES ('2023-01-02', 10), ('2023-01-03', 10), ('2023-02-01', 10))
SELECT round(annual_projection(v, d, 'run_rate'), 4) AS days, round(30 * 365 / 32.0, 4) AS plain FROM t;
-- @expect
-- | days|plain
-- | 342.1875|342.1875
-- @check projection_business_start_days-4.2 2 January and 8 February: 20 x 365 / 39
WITH t(d, v) AS (VALUES ('2023-01-02', 10), ('2023-02-08', 10))
SELECT round(annual_projection(v, d, 'run_rate'), 4) AS days, round(20 * 365 / 39.0, 4) AS plain FROM t;
-- @expect
-- | days|plain
-- | 187.1795|187.1795
