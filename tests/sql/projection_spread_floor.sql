.load build/tradestat
.headers on
.mode list
-- With no earlier errors (a series alone in its second year), the
-- interval of a method that follows the prior year's shape comes from
-- the spread s^2 of this year's growth by period, ln(value(y, j) /
-- value(y - 1, j)), over the k periods observed: k - 1 degrees of
-- freedom, one from H1 of a quarterly series.  Two periods that grew by
-- the same ratio gave s^2 = 0 and an "80 %" interval of zero width:
-- certainty that two agreeing observations cannot give (a variance on
-- one degree of freedom is near 0 often by chance).  s is now at least
-- 0.03 (3 % between periods; the t quantile on k - 1 degrees of freedom
-- stays).  And the share still to come, q = (projection - ytd) /
-- projection, was taken as 0 when the rest of the year is projected
-- negative (a series with negative values): its size |q| is what varies.
CREATE TABLE pos(p TEXT, v INTEGER);
INSERT INTO pos VALUES ('2018-Q1', 10), ('2018-Q2', 20), ('2018-Q3', 30), ('2018-Q4', 40),
  ('2019-Q1', 11), ('2019-Q2', 22), ('2019-Q3', 20), ('2019-Q4', 20);
-- Every year 10, 10, -10, -10: both halves cancel.
CREATE TABLE flat(p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2018 UNION ALL SELECT y + 1 FROM y WHERE y < 2019),
  s(q, v) AS (VALUES (1, 10), (2, 10), (3, -10), (4, -10))
INSERT INTO flat SELECT printf('%d-Q%d', y, q), v FROM y, s;
-- The expected bounds, from the rule above: k = 2 of P = 4, ss = 0
-- (growth 0.1 in both quarters), s = 0.03, df = 1, whose 0.9 quantile
-- of Student's t is 3.077684; var = q^2 s^2 (1/2 + 1/2).
CREATE TABLE expect AS SELECT 3.077684 * 0.03 AS ts;

-- @check projection_spread_floor-1.1 prior_share from H1, Q1 and Q2 both +10 %: 110, and an interval of positive width (was [110, 110]; the actual is 73)
SELECT year, ytd, projection, round(low, 2) AS low, round(high, 2) AS high,
       round(low, 2) = round(110 * exp(-0.7 * ts), 2) AND round(high, 2) = round(110 * exp(0.7 * ts), 2)
         AS by_the_rule, actual, note
FROM annual_projection('pos', 'v', 'p', NULL, 'prior_share', 'through=Q2'), expect WHERE year = 2019;
-- @expect
-- | year|ytd|projection|low|high|by_the_rule|actual|note
-- | 2019|33|110.0|103.12|117.34|1|73|interval from the spread of this year's periods (no earlier errors)
-- @check projection_spread_floor-1.2 auto over 10, 10, -10, -10: 13.33 with a non-zero width (was [13.33, 13.33]); the rest of the year, -6.67, is q = 0.5 of it
SELECT year, ytd, round(projection, 2) AS projection, round(low, 2) AS low,
       round(high, 2) AS high, high > low AS has_width,
       round(high - projection, 4) = round(abs(projection) * 0.5 * ts, 4) AS by_the_rule, actual
FROM annual_projection('flat', 'v', 'p', NULL, 'auto', 'through=Q2'), expect WHERE year = 2019;
-- @expect
-- | year|ytd|projection|low|high|has_width|by_the_rule|actual
-- | 2019|20|13.33|12.72|13.95|1|1|0
