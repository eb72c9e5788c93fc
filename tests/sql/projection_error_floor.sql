.load build/tradestat
.headers on
.mode list
-- An interval from past errors (own: the latest 4 earlier years; pooled
-- with the source's other series when there are 5 or more of them) was
-- as narrow as those errors: a series whose every year has the same
-- shape makes prior_share's past errors exactly 0, and three or four
-- errors of 0 gave an "80 %" interval of zero width, [450, 450]: a few
-- identical errors are no certainty.  No interval is now narrower than
-- the spread rule's at its floor: the rest of the year, a share q =
-- |projection - ytd| / |projection| of the total, strays by a spread of
-- at least 0.03 between periods, var = q^2 0.03^2 (1/k + 1/(P - k)),
-- on the errors' degrees of freedom.
-- Every year the same shape: (10 + quarter) x (year - 2010).
CREATE TABLE q(p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2011 UNION ALL SELECT y + 1 FROM y WHERE y < 2019),
  n(n) AS (VALUES (1), (2), (3), (4))
INSERT INTO q SELECT printf('%d-Q%d', y, n), (10 + n) * (y - 2010) FROM y, n;
-- The same by month.
CREATE TABLE m(p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2011 UNION ALL SELECT y + 1 FROM y WHERE y < 2019),
  n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < 12)
INSERT INTO m SELECT printf('%d-%02d', y, n), (10 + n) * (y - 2010) FROM y, n;
-- Six series of that shape, scaled: a pool whose errors are all 0 too.
CREATE TABLE six(k TEXT, p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2011 UNION ALL SELECT y + 1 FROM y WHERE y < 2019),
  n(n) AS (VALUES (1), (2), (3), (4)), s(k, f) AS (VALUES ('a', 1), ('b', 2), ('c', 3),
  ('d', 4), ('e', 5), ('f', 6))
INSERT INTO six SELECT k, printf('%d-Q%d', y, n), f * (10 + n) * (y - 2010) FROM y, n, s;
-- The 0.9 quantiles of Student's t: 4 degrees of freedom (4 own
-- errors), 12 (4 own errors and the pool: floor((4 + 3)^2 / 4)).
CREATE TABLE expect AS SELECT 1.533206 AS t4, 1.356217 AS t12;

-- @check projection_error_floor-1.1 prior_share from H1, four earlier errors all 0: 450 in an interval of positive width (was [450, 450]); q = 243 / 450, k = 2 of 4
SELECT year, ytd, projection, round(low, 2) AS low, round(high, 2) AS high,
       round(low, 2) = round(450 * exp(-t4 * 0.03 * 243 / 450), 2)
         AND round(high, 2) = round(450 * exp(t4 * 0.03 * 243 / 450), 2) AS by_the_rule,
       actual, note
FROM annual_projection('q', 'v', 'p', NULL, 'prior_share', 'through=Q2'), expect WHERE year = 2019;
-- @expect
-- | year|ytd|projection|low|high|by_the_rule|actual|note
-- | 2019|207|450.0|438.96|461.32|1|450|
-- @check projection_error_floor-1.2 by month from June: 1782 with width (was [1782, 1782]); q = 1053 / 1782, k = 6 of 12
SELECT year, ytd, projection, round(low, 2) AS low, round(high, 2) AS high,
       round(high, 2) = round(1782 * exp(t4 * 0.03 * 1053 / 1782 * sqrt(1.0 / 6 + 1.0 / 6)), 2)
         AS by_the_rule, actual
FROM annual_projection('m', 'v', 'p', NULL, 'prior_share', 'through=06'), expect WHERE year = 2019;
-- @expect
-- | year|ytd|projection|low|high|by_the_rule|actual
-- | 2019|729|1782.0|1754.25|1810.18|1|1782
-- @check projection_error_floor-1.3 auto there: never narrower than the floor either (was [446.87, 453.15], its own past errors all but 0)
SELECT year, projection, high - low > 2 * 450 * (1 - exp(-t4 * 0.03 * 243 / 450)) - 0.01 AS at_least_the_floor
FROM annual_projection('q', 'v', 'p', NULL, 'auto', 'through=Q2'), expect WHERE year = 2019;
-- @expect
-- | year|projection|at_least_the_floor
-- | 2019|450.0|1
-- @check projection_error_floor-1.4 with a pool whose errors are all 0 too: the same floor on 12 degrees of freedom (was [450, 450])
SELECT series, year, projection, round(low, 2) AS low, round(high, 2) AS high,
       round(high, 2) = round(450 * exp(t12 * 0.03 * 243 / 450), 2) AS by_the_rule
FROM annual_projection('six', 'v', 'p', 'k', 'prior_share', 'through=Q2'), expect
WHERE year = 2019 AND series = 'a';
-- @expect
-- | series|year|projection|low|high|by_the_rule
-- | a|2019|450.0|440.22|460.0|1
