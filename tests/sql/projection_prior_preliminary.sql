.load build/tradestat
.headers on
.mode list
-- The rule (docs/design.md, "Preliminary figures stay marked"): a figure
-- computed from a preliminary value is never shown as final.  The column
-- looked only at the periods of the year up to `through`, but snaive adds
-- the prior year's later periods to the year-to-date, and prior_share and
-- avg_share scale by earlier years' totals: 2023 from Q1 by snaive is
-- 12 + 10 + 10 + 10 = 42, of which 2022-Q2's 10 is preliminary (its source
-- row says so); revised to 20 the projection is 52.  prior_share is
-- 12 x 40 / 10 = 48 (50 revised).  Both rows said preliminary = 0.  Plain
-- SQL: max(preliminary) over the rows the projection is a function of.
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
-- @check projection_prior_preliminary-1.3 run_rate reads the year-to-date alone: 2022-Q2 does not touch it
SELECT year, projection, preliminary FROM annual_projection('t', 'v', 'p', '', 'run_rate', 'through=Q1')
WHERE year = 2023;
-- @expect
-- | year|projection|preliminary
-- | 2023|48.0|0
-- @check projection_prior_preliminary-1.4 a preliminary figure two years back: prior_share reads one year, avg_share every year
CREATE TABLE u(p TEXT, v INTEGER, preliminary TEXT);
INSERT INTO u VALUES ('2021-Q1', 10, 'n'), ('2021-Q2', 10, 'Y'), ('2021-Q3', 10, 'n'), ('2021-Q4', 10, 'n'),
  ('2022-Q1', 10, 'n'), ('2022-Q2', 10, 'n'), ('2022-Q3', 10, 'n'), ('2022-Q4', 10, 'n'), ('2023-Q1', 12, 'n');
SELECT m.value AS method, a.projection, a.preliminary
FROM (SELECT 'prior_share' AS value UNION ALL SELECT 'avg_share' UNION ALL SELECT 'snaive') m,
     annual_projection('u', 'v', 'p', '', m.value, 'through=Q1') a
WHERE a.year = 2023 ORDER BY 1;
-- @expect
-- | method|projection|preliminary
-- | avg_share|48.0|1
-- | prior_share|48.0|0
-- | snaive|42.0|0
-- @check projection_prior_preliminary-1.5 2022 has no earlier year (no snaive projection); its own Q2 mark lies after through=Q1
SELECT year, projection, preliminary FROM annual_projection('t', 'v', 'p', '', 'snaive', 'through=Q1')
WHERE year = 2022;
-- @expect
-- | year|projection|preliminary
-- | 2022||0
