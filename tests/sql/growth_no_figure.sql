.load build/tradestat
.headers on
.mode list
-- yoy_growth / ytd_growth, aggregate and window, when the latest period
-- has rows but no figure: KOSIS's `-` for a quarter not yet published
-- (kosis_csv reads it as NULL), `x` for a confidential one.  The NULL
-- rows were skipped before their period was looked at, so the latest
-- period with a figure answered: the window's 2023-Q3 row showed
-- 2023-Q2's +50 % as its own growth, and the aggregate gave region b's
-- 2023-Q2 growth beside region a's 2023-Q4 in one GROUP BY.  Plain SQL:
-- pct_change(sum(v) of the latest period, sum(v) a year earlier), and
-- the sum of a period whose values are all NULL is NULL.
CREATE TABLE q(region TEXT, period TEXT, amount INTEGER);
INSERT INTO q VALUES
  ('a', '2022-Q1', 100), ('a', '2022-Q2', 110), ('a', '2022-Q3', 120), ('a', '2022-Q4', 130),
  ('a', '2023-Q1', 150), ('a', '2023-Q2', 165), ('a', '2023-Q3', 180), ('a', '2023-Q4', 260),
  ('b', '2022-Q1', 100), ('b', '2022-Q2', 110), ('b', '2022-Q3', 120), ('b', '2022-Q4', 130),
  ('b', '2023-Q1', 150), ('b', '2023-Q2', 165), ('b', '2023-Q3', NULL), ('b', '2023-Q4', NULL);

-- @check growth_no_figure-1.1 the window: a row without a figure has no growth
SELECT * FROM (
  SELECT period, amount, yoy_growth(amount, period) OVER w AS yoy, ytd_growth(amount, period) OVER w AS ytd
  FROM q WHERE region = 'b' WINDOW w AS (ORDER BY period)) WHERE period >= '2023';
-- @expect
-- | period|amount|yoy|ytd
-- | 2023-Q1|150|50.0|50.0
-- | 2023-Q2|165|50.0|50.0
-- | 2023-Q3|||
-- | 2023-Q4|||
-- @check growth_no_figure-1.2 the aggregate: each region's latest period, a's Q4 (260/130 = +100 %; year to date 755/460 = +64.1 %), b's none
SELECT region, yoy_growth(amount, period) AS yoy, ytd_growth(amount, period) AS ytd,
       pct_change(sum(amount) FILTER (WHERE period = '2023-Q4'),
                  sum(amount) FILTER (WHERE period = '2022-Q4')) AS plain_sql
FROM q GROUP BY region;
-- @expect
-- | region|yoy|ytd|plain_sql
-- | a|100.0|64.1304347826087|100.0
-- | b|||
-- @check growth_no_figure-1.3 without the NULL rows the latest period is 2023-Q2: +50 %
SELECT region, yoy_growth(amount, period) AS yoy FROM q WHERE amount IS NOT NULL GROUP BY region;
-- @expect
-- | region|yoy
-- | a|100.0
-- | b|50.0

-- A period that has a figure beside a NULL row is a period with a figure;
-- NULL rows of an earlier period, or whose period is not a period or of
-- another kind, change nothing (no error for a row that holds no figure).
-- @check growth_no_figure-2.1
SELECT yoy_growth(column1, column2) AS with_figure FROM (VALUES (10, '2022'), (15, '2023'), (NULL, '2023'));
SELECT yoy_growth(column1, column2) AS earlier_null FROM (VALUES (NULL, '2021'), (10, '2022'), (15, '2023'));
SELECT yoy_growth(column1, column2) AS bad_period FROM (VALUES (10, '2022'), (15, '2023'), (NULL, 'n/a'), (NULL, '2024-Q1'));
-- @expect
-- | with_figure
-- | 50.0
-- | earlier_null
-- | 50.0
-- | bad_period
-- | 50.0
-- @check growth_no_figure-2.2 a frame whose latest row has no figure: NULL; one that ends before it: its own
SELECT * FROM (
  SELECT period, yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 5 PRECEDING AND 1 FOLLOWING) AS ahead,
         yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 5 PRECEDING AND 1 PRECEDING) AS behind
  FROM q WHERE region = 'b') WHERE period >= '2023';
-- @expect
-- | period|ahead|behind
-- | 2023-Q1|50.0|
-- | 2023-Q2||50.0
-- | 2023-Q3||50.0
-- | 2023-Q4||

-- The cagr aggregate measures from the first to the last period: a last
-- period without a figure gave the rate to the year before it, over a
-- span one year shorter than the other groups' in the same GROUP BY.
-- A first period without one still starts the rate at the first figure
-- (a series that begins later, as KOSIS's duty-free split in 2017).
-- @check growth_no_figure-3.1 100 in 2020 to 121 in 2022 is +10 % a year; 2023 unpublished
SELECT cagr(column1, column2) AS last_null FROM (VALUES (100, '2020'), (121, '2022'), (NULL, '2023'));
SELECT cagr(column1, column2) AS first_null FROM (VALUES (NULL, '2019'), (100, '2020'), (121, '2022'));
SELECT cagr(column1, column2) AS same_period FROM (VALUES (100, '2020'), (121, '2022'), (NULL, '2022'), (NULL, 'n/a'));
-- @expect
-- | last_null
-- |
-- | first_null
-- | 10.0
-- | same_period
-- | 10.0

-- NULL rows of another kind than the figures' are ignored, whichever
-- comes first: a year row '2024' without a figure does not hide the
-- quarter 2024-Q1 without one.
-- @check growth_no_figure-4.1
SELECT yoy_growth(column1, column2) AS yoy, cagr(column1, column2) AS cagr
FROM (VALUES (NULL, '2024'), (NULL, '2024-Q1'), (100, '2022-Q4'), (150, '2023-Q4'));
SELECT yoy_growth(column1, column2) AS yoy, cagr(column1, column2) AS cagr
FROM (VALUES (NULL, '2024'), (100, '2022-Q4'), (150, '2023-Q4'));
-- @expect
-- | yoy|cagr
-- | |
-- | yoy|cagr
-- | 50.0|50.0

-- A window not ordered by period: rows without a figure out of period
-- order are the ordering error, as rows with figures are (the latest
-- of them could not be followed as the frame slides).
-- @check growth_no_figure-5.1
SELECT column1 AS id, yoy_growth(column2, column3) OVER (ORDER BY column1 ROWS 2 PRECEDING) AS yoy
FROM (VALUES (1, NULL, '2024'), (2, 10, '2022'), (3, NULL, '2021'), (4, 15, '2023'));
-- @expect
-- | id|yoy
-- | 1|
-- | 2|
-- @error yoy_growth(): window is not ordered by period ascending: '2021' after '2024'
-- @check growth_no_figure-5.2 the aggregate takes any order: its latest period, 2024, has no figure
SELECT yoy_growth(column2, column3) AS yoy
FROM (VALUES (1, NULL, '2024'), (2, 10, '2022'), (3, NULL, '2021'), (4, 15, '2023'));
-- @expect
-- | yoy
-- |
