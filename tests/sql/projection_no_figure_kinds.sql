.load build/tradestat
.headers on
.mode list
-- annual_projection as an aggregate and window: a row without a figure
-- counts only when its period is of the figures' kind, whatever the
-- order the rows arrive in.  The periods of the NULL rows were kept in
-- one list whose kind was the first NULL row's: a source with an
-- unpublished annual total ('2024', NULL) read before the unpublished
-- quarter ('2024-Q1', NULL) lost the quarter, and the aggregate gave
-- 2023's total (40.0) as the projection of 2024; read in the other order
-- it gave NULL.
CREATE TABLE t(i INTEGER, period TEXT, amount INTEGER);
INSERT INTO t VALUES (1, '2023-Q1', 10), (2, '2023-Q2', 10), (3, '2023-Q3', 10), (4, '2023-Q4', 10),
  (5, '2024', NULL), (6, '2024-Q1', NULL), (7, '2024-06', NULL);

-- @check projection_no_figure_kinds-1.1 the annual NULL row first, then the quarter's: NULL (2024-Q1 has rows and no figure)
SELECT annual_projection(amount, period, 'run_rate') AS run_rate
FROM (SELECT * FROM t ORDER BY i);
-- @expect
-- | run_rate
-- |
-- @check projection_no_figure_kinds-1.2 the same rows in the other order: the same NULL
SELECT annual_projection(amount, period, 'run_rate') AS run_rate
FROM (SELECT * FROM t ORDER BY i DESC);
-- @expect
-- | run_rate
-- |
-- @check projection_no_figure_kinds-1.3 NULL rows of other kinds alone are ignored: 2023's total
SELECT annual_projection(amount, period, 'run_rate') AS run_rate,
       annual_projection(amount, period, 'snaive') AS snaive
FROM (SELECT * FROM t WHERE i <> 6 ORDER BY i);
-- @expect
-- | run_rate|snaive
-- | 40.0|40.0
-- @check projection_no_figure_kinds-1.4 the window over the rows in order: the annual and month NULL rows change nothing, the quarter's makes NULL
SELECT * FROM (SELECT i, annual_projection(amount, period, 'run_rate') OVER (ORDER BY i) AS run_rate
               FROM t) WHERE i >= 4;
-- @expect
-- | i|run_rate
-- | 4|40.0
-- | 5|40.0
-- | 6|
-- | 7|
-- @check projection_no_figure_kinds-1.5 a frame whose start moves (xInverse): the month's, then the quarter's NULL row leave it; once the quarter's has left, 2023's total again
SELECT * FROM (SELECT i, annual_projection(amount, period, 'run_rate')
                 OVER (ORDER BY i DESC ROWS BETWEEN CURRENT ROW AND 10 FOLLOWING) AS run_rate
               FROM t) WHERE i >= 4 ORDER BY i DESC;
-- @expect
-- | i|run_rate
-- | 7|
-- | 6|
-- | 5|40.0
-- | 4|40.0
