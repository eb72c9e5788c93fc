.load build/tradestat
.headers on
.mode list
-- Every other growth family takes (value, period) as an AGGREGATE:
-- yoy_growth(v, p), ytd_growth(v, p), cagr(v, p), sparkline(v, p).
-- annual_projection(v, p) with two arguments used to be the SCALAR run
-- rate, so written as the others are, in a GROUP BY, it was a scalar over
-- bare columns that SQLite evaluates on one arbitrary row of each group:
-- 'a' got 100 / 0.25 = 400.0 (its Q1 row alone), a plausible full-year
-- figure, where the year-to-date Q1 + Q2 = 220 runs at 220 / 0.5 = 440.0;
-- 'b' got 200.0 where its run rate is 160.0.  Now the two-argument call
-- is an error wherever it is written; the scalar is annual_run_rate(ytd,
-- through) and the aggregate takes the method.
CREATE TABLE t(k TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2023-Q1', 100), ('a', '2023-Q2', 120), ('b', '2023-Q1', 50), ('b', '2023-Q2', 30);
CREATE TABLE empty(k TEXT, p TEXT, v INTEGER);

-- @check projection_two_args_group-1.1 the plain-SQL run rate of each group (the reference)
SELECT k, sum(v) / period_year_fraction(max(p)) AS run_rate FROM t GROUP BY k;
-- @expect
-- | k|run_rate
-- | a|440.0
-- | b|160.0
-- @check projection_two_args_group-1.2 the aggregate with its method gives the plain-SQL run rate
SELECT k, annual_projection(v, p, 'run_rate') AS projection FROM t GROUP BY k;
-- @expect
-- | k|projection
-- | a|440.0
-- | b|160.0
-- @check projection_two_args_group-1.3 annual_run_rate over the group's sums: the same run rate
SELECT k, annual_run_rate(sum(v), max(p)) AS run_rate FROM t GROUP BY k;
-- @expect
-- | k|run_rate
-- | a|440.0
-- | b|160.0
-- @check projection_two_args_group-1.4 annual_run_rate per row: the old scalar's values (one row's run rate)
SELECT k, p, annual_run_rate(v, p) AS run_rate FROM t ORDER BY k, p;
-- @expect
-- | k|p|run_rate
-- | a|2023-Q1|400.0
-- | a|2023-Q2|240.0
-- | b|2023-Q1|200.0
-- | b|2023-Q2|60.0

-- 2. Two arguments: an error, never one row's run rate.
-- @check projection_two_args_group-2.1 in a GROUP BY, as the other growth aggregates are written
SELECT k, annual_projection(v, p) AS projection FROM t GROUP BY k;
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.2 a plain SELECT of constants (the old scalar's use)
SELECT annual_projection(1400, '2023-H1');
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.3 NULL arguments are no way out
SELECT annual_projection(NULL, NULL);
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.4 a group whose values are all NULL
SELECT k, annual_projection(NULL, p) FROM t GROUP BY k;
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.5 the old idiom over aggregates (the scalar's documented use)
SELECT annual_projection(sum(v), max(p)) FROM t;
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.6 over an empty table, beside an aggregate: the one row still errs
SELECT count(*) AS n, annual_projection(v, p) FROM empty;
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.7 the old idiom over an empty table (one row of NULL sums)
SELECT annual_projection(sum(v), max(p)) FROM empty;
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.8 in a WHERE
SELECT k FROM t WHERE annual_projection(v, p) > 0;
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
-- @check projection_two_args_group-2.9 as a window: SQLite refuses it before any row (it is a scalar)
SELECT annual_projection(v, p) OVER (ORDER BY p) FROM t;
-- @error annual_projection() may not be used as a window function
-- @check projection_two_args_group-2.10 over an empty table alone there is no row to evaluate it on: no output at all, not a NULL
SELECT annual_projection(v, p) FROM empty;
-- @expect
-- @check projection_two_args_group-2.11 the same statement once the table has a row (without a figure)
INSERT INTO empty VALUES ('a', '2023-Q1', NULL);
SELECT annual_projection(v, p) FROM empty;
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure
