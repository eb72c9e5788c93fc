.load build/tradestat
.headers off
.mode list
-- annual_projection(value, period, method) as an aggregate or window takes
-- one method for the group (or the window frame).  A method that differs
-- between the rows of a group was not refused: the last row read decided
-- it, so the same rows gave run_rate's 440 in one order and snaive's 620
-- in another, with nothing to say so.  Rows of two methods in one group or
-- frame are now an error naming the argument and both methods; the same
-- method spelled in another case or with spaces is one method.
CREATE TABLE t(p TEXT, v INTEGER, m TEXT);
INSERT INTO t VALUES ('2022-Q1', 100, 'run_rate'), ('2022-Q2', 100, 'run_rate'),
  ('2022-Q3', 300, 'run_rate'), ('2022-Q4', 100, 'run_rate'), ('2023-Q1', 110, 'run_rate'),
  ('2023-Q2', 110, 'snaive');

-- @check projection_method_rows-1.1 run_rate 2 x 220 = 440, snaive 220 + 300 + 100 = 620: each alone
SELECT annual_projection(v, p, 'run_rate'), annual_projection(v, p, 'snaive') FROM t;
-- @expect 440.0|620.0
-- @check projection_method_rows-1.2 two methods in one group: an error, whichever row comes last
SELECT annual_projection(v, p, m) FROM (SELECT * FROM t ORDER BY p);
-- @error annual_projection(): argument 3 differs between rows: 'run_rate' and 'snaive' (one method per group or window frame)
-- @check projection_method_rows-1.3 the same rows in the other order: the same error, not run_rate's 440
SELECT annual_projection(v, p, m) FROM (SELECT * FROM t ORDER BY p DESC);
-- @error annual_projection(): argument 3 differs between rows: 'run_rate' and 'snaive' (one method per group or window frame)
-- @check projection_method_rows-1.4 one method in any case, surrounding spaces ignored
SELECT annual_projection(v, p, CASE WHEN p < '2023' THEN 'SNAIVE' ELSE ' snaive ' END) FROM t;
-- @expect 620.0
-- @check projection_method_rows-1.5 a row without a figure still names a method: it counts
SELECT annual_projection(v, p, 'run_rate') FROM (SELECT p, v FROM t UNION ALL SELECT '2023-Q2', NULL)
UNION ALL
SELECT annual_projection(v, p, m) FROM (SELECT p, v, 'run_rate' AS m FROM t
  UNION ALL SELECT '2023-Q1', NULL, 'snaive');
-- @expect 440.0
-- @error annual_projection(): argument 3 differs between rows: 'run_rate' and 'snaive' (one method per group or window frame)

-- @check projection_method_rows-2.1 a window frame of one row: each row its own method (2022-Q1 alone: 4 x 100, 2023-Q1 alone 4 x 110 by run_rate; 2023-Q2 alone by snaive has no prior year; the others alone no complete year-to-date)
SELECT p, annual_projection(v, p, m) OVER (ORDER BY p ROWS BETWEEN CURRENT ROW AND CURRENT ROW)
FROM t ORDER BY p;
-- @expect
-- | 2022-Q1|400.0
-- | 2022-Q2|
-- | 2022-Q3|
-- | 2022-Q4|
-- | 2023-Q1|440.0
-- | 2023-Q2|
-- @check projection_method_rows-2.2 the running frame: run_rate's rows (4 x 100, 2 x 200, 500 x 4 / 3, 600, 4 x 110) until the frame holds the snaive row too, then the error
SELECT p, annual_projection(v, p, m) OVER (ORDER BY p) FROM t;
-- @expect
-- | 2022-Q1|400.0
-- | 2022-Q2|400.0
-- | 2022-Q3|666.666666666667
-- | 2022-Q4|600.0
-- | 2023-Q1|440.0
-- @error annual_projection(): argument 3 differs between rows: 'run_rate' and 'snaive' (one method per group or window frame)
-- @check projection_method_rows-2.3 one method per partition: each partition its own
SELECT m, annual_projection(v, p, m) OVER (PARTITION BY m ORDER BY p
  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM t WHERE p >= '2023' ORDER BY m;
-- @expect
-- | run_rate|440.0
-- | snaive|
