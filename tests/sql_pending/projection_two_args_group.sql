.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails until annual_projection with two
-- arguments in a GROUP BY no longer answers with one arbitrary row of
-- the group).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/projection_two_args_group.sql
-- Every other growth family takes (value, period) as an AGGREGATE:
-- yoy_growth(v, p), ytd_growth(v, p), cagr(v, p), sparkline(v, p).
-- annual_projection(v, p) with two arguments is the SCALAR run rate
-- (ytd / period_year_fraction(through)); the aggregate needs a third
-- argument, the method.  Written as the others are, in a GROUP BY, it is
-- a scalar over bare columns, which SQLite evaluates on one arbitrary row
-- of each group: 'a' gets 100 / 0.25 = 400.0 (its Q1 row alone), a
-- plausible full-year figure, where the year-to-date Q1 + Q2 = 220 runs
-- at 220 / 0.5 = 440.0; 'b' gets 200.0 where its run rate is 160.0.
-- Nothing says so.  Plain SQL of the same run rate:
--   SELECT k, sum(v) / period_year_fraction(max(p)) FROM t GROUP BY k
-- gives 440.0 and 160.0.  Fix (projection/projection.c, the lead's call:
-- it changes a documented signature): make the two-argument form the
-- aggregate and window with run_rate, the method the scalar computes
-- (the expectation below), and give the scalar its own name (for example
-- annual_run_rate(ytd, through)); or drop the two-argument scalar so the
-- two-argument call is an error that names the method argument.
CREATE TABLE t(k TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2023-Q1', 100), ('a', '2023-Q2', 120), ('b', '2023-Q1', 50), ('b', '2023-Q2', 30);

-- @check projection_two_args_group-1.1 the plain-SQL run rate of each group (the reference)
SELECT k, sum(v) / period_year_fraction(max(p)) AS run_rate FROM t GROUP BY k;
-- @expect
-- | k|run_rate
-- | a|440.0
-- | b|160.0
-- @check projection_two_args_group-1.2 two arguments in a GROUP BY: the group's projection, not one row's
SELECT k, annual_projection(v, p) AS projection FROM t GROUP BY k;
-- @expect
-- | k|projection
-- | a|440.0
-- | b|160.0
