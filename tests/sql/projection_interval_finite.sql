.load build/tradestat
.headers on
.mode list
-- An interval whose bound is not a finite number is no interval: both
-- low and high are NULL and the note says why.  Before, high overflowed
-- to Inf, came out as NULL beside a finite low, and the note still read
-- as if an interval had been made.
--
-- One series of halves, its first year, H1 only: run_rate projects
-- 2 x ytd, and the interval comes from the assumed spread (0.25, 63
-- degrees of freedom; q = 1/2 of the total still to come, k = 1, P = 2):
-- var ln(total) = 0.5^2 x 0.25^2 x (1/1 + 1/1) = 0.03125, and the 0.9
-- quantile of Student's t on 63 degrees of freedom is 1.2951, so the
-- bounds are the projection x exp(-+ 1.2951 x sqrt(0.03125)) =
-- projection x (0.795, 1.257).
CREATE TABLE small(p TEXT, v REAL);
INSERT INTO small VALUES ('2023-H1', 1e307);
-- 8e307 x 2 = 1.6e308 is still a double (the largest is 1.797e308), but
-- 1.6e308 x 1.257 = 2.01e308 is not.
CREATE TABLE huge(p TEXT, v REAL);
INSERT INTO huge VALUES ('2023-H1', 8e307);

-- @check projection_interval_finite-1.1 2e307 from 1e307: both bounds, by the rule (0.795 and 1.257 of the projection)
SELECT projection, round(low / projection, 3) AS low_ratio, round(high / projection, 3) AS high_ratio
FROM annual_projection('small', 'v', 'p', NULL, 'run_rate');
-- @expect
-- | projection|low_ratio|high_ratio
-- | 2.0e+307|0.795|1.257
-- @check projection_interval_finite-1.2 1.6e308 from 8e307: high would be 2.01e308, past the largest double, so there is no interval (was a low of 1.27e308 beside a NULL high, the note reading as if an interval had been made)
SELECT projection, low IS NULL AS no_low, high IS NULL AS no_high, note
FROM annual_projection('huge', 'v', 'p', NULL, 'run_rate');
-- @expect
-- | projection|no_low|no_high|note
-- | 1.6e+308|1|1|interval is not a finite number
-- @check projection_interval_finite-1.3 the same for auto, which is run_rate alone in a first year
SELECT projection, low IS NULL AS no_low, high IS NULL AS no_high,
       note LIKE '%interval is not a finite number' AS says_why
FROM annual_projection('huge', 'v', 'p', NULL, 'auto');
-- @expect
-- | projection|no_low|no_high|says_why
-- | 1.6e+308|1|1|1
-- An ordinary series at a very high level: prior_share from H1 of the
-- second year (no earlier errors), so the interval comes from the spread
-- of this year's growth by quarter on k - 1 = 1 degree of freedom, where
-- Student's t is Cauchy's: its quantile at p is tan(pi (p - 1/2)), 63662
-- for a 99.999 % interval (p = 0.999995).  The growth 12/11 and 13/12
-- spread less than the floor, s = 0.03; q = (53.26 - 25) / 53.26 =
-- 0.531; sd = q s sqrt(1/2 + 1/2) = 0.0159; exp(63662 x 0.0159) =
-- exp(1013) is past the largest double (exp(709.8)).  At 99.99 % the
-- quantile is 6366 and high = 53.26 exp(101.3), about 5.5e45: finite.
CREATE TABLE q(p TEXT, v INTEGER);
INSERT INTO q VALUES ('2022-Q1', 11), ('2022-Q2', 12), ('2022-Q3', 14), ('2022-Q4', 12),
  ('2023-Q1', 12), ('2023-Q2', 13);
-- @check projection_interval_finite-2.1 level=99.99: both bounds (low raised to the year-to-date, 25; high about 5.5e45)
SELECT round(projection, 2) AS projection, low, round(log10(high), 1) AS log10_high
FROM annual_projection('q', 'v', 'p', NULL, 'prior_share', 'level=99.99') WHERE year = 2023;
-- @expect
-- | projection|low|log10_high
-- | 53.26|25.0|45.7
-- @check projection_interval_finite-2.2 level=99.999: high past the largest double, so no interval (was low 25 beside a NULL high)
SELECT round(projection, 2) AS projection, low IS NULL AS no_low, high IS NULL AS no_high, note
FROM annual_projection('q', 'v', 'p', NULL, 'prior_share', 'level=99.999') WHERE year = 2023;
-- @expect
-- | projection|no_low|no_high|note
-- | 53.26|1|1|interval is not a finite number
