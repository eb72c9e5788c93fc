.load build/tradestat
.headers on
.mode list
-- annual_projection as an aggregate and window, when the latest period
-- has rows but no figure (KOSIS's `-` for a quarter not yet published,
-- `x` for a confidential one).  The NULL rows were skipped before their
-- period was looked at, so the latest period with a figure answered:
-- 2024-Q1 unpublished gave 690, 2023's actual total, as the projection
-- of 2024.  The year-to-date through 2024-Q1 is not known: NULL, as the
-- virtual table's 'incomplete year-to-date'.
CREATE TABLE q(region TEXT, period TEXT, amount INTEGER);
INSERT INTO q VALUES
  ('a', '2022-Q1', 100), ('a', '2022-Q2', 110), ('a', '2022-Q3', 120), ('a', '2022-Q4', 130),
  ('a', '2023-Q1', 150), ('a', '2023-Q2', 165), ('a', '2023-Q3', 180), ('a', '2023-Q4', 195),
  ('a', '2024-Q1', NULL),
  ('b', '2022-Q1', 100), ('b', '2022-Q2', 110), ('b', '2022-Q3', 120), ('b', '2022-Q4', 130),
  ('b', '2023-Q1', 150), ('b', '2023-Q2', 165), ('b', '2023-Q3', NULL), ('b', '2023-Q4', 200);

-- @check projection_no_figure-1.1 the aggregate: a's latest period 2024-Q1 has no figure; b's 2023 year-to-date has a hole
SELECT region, annual_projection(amount, period, 'run_rate') AS run_rate,
       annual_projection(amount, period, 'prior_share') AS prior_share
FROM q GROUP BY region;
-- @expect
-- | region|run_rate|prior_share
-- | a||
-- | b||
-- @check projection_no_figure-1.2 without the NULL rows a's latest year is 2023, complete: its total
SELECT region, annual_projection(amount, period, 'run_rate') AS run_rate
FROM q WHERE amount IS NOT NULL AND region = 'a' GROUP BY region;
-- @expect
-- | region|run_rate
-- | a|690.0
-- @check projection_no_figure-1.3 the window: the NULL row's own projection is NULL; the rows before it keep theirs
SELECT * FROM (
  SELECT period, annual_projection(amount, period, 'run_rate') OVER (ORDER BY period) AS run_rate
  FROM q WHERE region = 'a') WHERE period >= '2023-Q3';
-- @expect
-- | period|run_rate
-- | 2023-Q3|660.0
-- | 2023-Q4|690.0
-- | 2024-Q1|
-- @check projection_no_figure-1.4 a sliding frame: the NULL row's year has a hole; once the row has left the frame, the next year is projected
SELECT * FROM (
  SELECT period, annual_projection(amount, period, 'run_rate')
           OVER (ORDER BY period ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS run_rate
  FROM (SELECT period, amount FROM q WHERE region = 'a'
        UNION ALL VALUES ('2024-Q2', 170), ('2024-Q3', 180), ('2024-Q4', 190), ('2025-Q1', 200)))
WHERE period >= '2024';
-- @expect
-- | period|run_rate
-- | 2024-Q1|
-- | 2024-Q2|
-- | 2024-Q3|
-- | 2024-Q4|
-- | 2025-Q1|800.0
-- @check projection_no_figure-2.1 a NULL row of an earlier period, or whose period is no period, changes nothing
SELECT annual_projection(column1, column2, 'run_rate') AS p
FROM (VALUES (100, '2023-Q1'), (NULL, '2022-Q4'), (NULL, 'not a period'), (NULL, '2023-01'));
-- @expect
-- | p
-- | 400.0
