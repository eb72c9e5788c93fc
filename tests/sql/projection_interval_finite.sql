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
