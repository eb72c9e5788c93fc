.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails until annual_projection's
-- `preliminary` covers the earlier years a method reads).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/projection_prior_preliminary.sql
-- The rule (docs/design.md, "Preliminary figures stay marked"): a figure
-- computed from a preliminary value is never shown as final.  For
-- annual_projection the column looks only at the periods of the year up
-- to `through`.  But snaive adds the prior year's later periods to the
-- year-to-date, and prior_share and avg_share scale by earlier years'
-- totals: 2023 from Q1 by snaive is 12 + 10 + 10 + 10 = 42, of which
-- 2022-Q2's 10 is preliminary (its source row says so); revised to 20 the
-- projection is 52.  prior_share is 12 x 40 / 10 = 48 (50 revised).  Both
-- rows say preliminary = 0.  Fix (projection/projection_vtab.c): OR into
-- `preliminary` the marks of the periods the method read (the prior
-- year for prior_share and snaive; the years avg_share averaged; the
-- history a fitted method saw), as yoy_growth does for the year-to-date
-- it compares with.  Plain SQL: max(preliminary) over the rows the
-- projection is a function of.
CREATE TABLE t(p TEXT, v INTEGER, preliminary TEXT);
INSERT INTO t VALUES ('2022-Q1', 10, 'n'), ('2022-Q2', 10, 'Y'), ('2022-Q3', 10, 'n'), ('2022-Q4', 10, 'n'),
  ('2023-Q1', 12, 'n');

-- @check projection_prior_preliminary-1.1 snaive adds the preliminary 2022-Q2 to 2023's projection
SELECT year, projection, preliminary FROM annual_projection('t', 'v', 'p', '', 'snaive', 'through=Q1')
WHERE year = 2023;
-- @expect
-- | year|projection|preliminary
-- | 2023|42.0|1
-- @check projection_prior_preliminary-1.2 prior_share divides by a prior total that holds it
SELECT year, projection, preliminary FROM annual_projection('t', 'v', 'p', '', 'prior_share', 'through=Q1')
WHERE year = 2023;
-- @expect
-- | year|projection|preliminary
-- | 2023|48.0|1
