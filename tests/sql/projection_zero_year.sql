.load build/tradestat
.headers on
.mode list
-- annual_projection's auto ranks methods and rules by the mean absolute
-- percentage error |actual - projection| / |actual| of their past
-- projections.  A year whose total is 0 (exports that stopped for a
-- year, or a net flow whose halves cancel) has no percentage error: it
-- was added as +Inf.  Ranked by their own errors, every method that
-- projected that year then tied at an infinite mean for the next 4
-- years, and auto took run_rate alone (first in list order: ytd x 2 at
-- Q2).  Pooled over the source, the Inf entered the pool's running sums,
-- and their differences (Inf - Inf = NaN) left every later year of every
-- series of the source unranked the same way: series 'b' below, without
-- a zero year of its own, was run_rate from 2019 on (646.0 for 2019,
-- actual 698).  Such a year is now left out of the percentage errors
-- (its log error, which sizes the intervals, is defined and kept).
CREATE TABLE s(k TEXT, p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2010 UNION ALL SELECT y + 1 FROM y WHERE y < 2024),
  q(q) AS (VALUES (1), (2), (3), (4)), k(k) AS (VALUES ('a'), ('b'), ('c'), ('d'))
INSERT INTO s
SELECT k, printf('%d-Q%d', y, q),
       CASE WHEN y = 2018 AND k = 'a' THEN (CASE WHEN q <= 2 THEN 50 ELSE -50 END)
            ELSE 100 + (y - 2010) * 5 * unicode(k) / 97 + q * 10 + ((y * 7 + q * 3 + unicode(k)) % 11) END
FROM y, q, k WHERE NOT (y = 2024 AND q > 2);
CREATE VIRTUAL TABLE pooled USING annual_projection(source=s, value=v, period=p, by=k, through=Q2);
CREATE TABLE s_a(k TEXT, p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2010 UNION ALL SELECT y + 1 FROM y WHERE y < 2024),
  q(q) AS (VALUES (1), (2), (3), (4))
INSERT INTO s_a
SELECT 'a', printf('%d-Q%d', y, q),
       CASE WHEN y = 2018 THEN (CASE WHEN q <= 2 THEN 50 ELSE -50 END)
            ELSE 100 + (y - 2010) * 5 + q * 10 + ((y * 7 + q * 3) % 11) END
FROM y, q WHERE NOT (y = 2024 AND q > 2);
CREATE VIRTUAL TABLE own USING annual_projection(source=s_a, value=v, period=p, by=k, through=Q2);
CREATE VIRTUAL TABLE own_rr USING annual_projection(source=s_a, value=v, period=p, by=k, through=Q2,
  method=run_rate);

-- @check projection_zero_year-1.1 the zero year: 'a' 2018 totals 0 (50 + 50 - 50 - 50)
SELECT k, year, ytd, actual FROM pooled WHERE k = 'a' AND year = 2018;
-- @expect
-- | k|year|ytd|actual
-- | a|2018|100|0
-- @check projection_zero_year-1.2 pooled: 'b' (no zero year of its own) is not run_rate alone (ytd x 2) in the years after 'a''s zero year
SELECT year, ytd, round(projection, 2) AS projection, projection = 2 * ytd AS run_rate_alone
FROM pooled WHERE k = 'b' AND year >= 2019;
-- @expect
-- | year|ytd|projection|run_rate_alone
-- | 2019|323|692.77|0
-- | 2020|347|740.23|0
-- | 2021|349|741.91|0
-- | 2022|362|766.77|0
-- | 2023|375|789.1|0
-- | 2024|377|793.0|0
-- @check projection_zero_year-1.3 the series' own errors: the years after the zero year are ranked over the other years' percentage errors, not tied at +Inf (run_rate alone was 650.0, 676.0, 702.0, 706.0; 2019 was 660.64 before a series alone was ranked over its quarter ends too, actual 702)
SELECT o.year, round(o.projection, 2) AS projection, o.projection = r.projection AS run_rate_alone,
       o.note LIKE 'auto: the method with the smallest past errors%' AS best_alone
FROM own AS o JOIN own_rr AS r USING (k, year) WHERE o.year BETWEEN 2019 AND 2022;
-- @expect
-- | year|projection|run_rate_alone|best_alone
-- | 2019|662.32|0|0
-- | 2020|702.09|0|0
-- | 2021|730.0|0|0
-- | 2022|734.24|0|0
