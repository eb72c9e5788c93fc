.load build/tradestat
.headers on
.mode list
-- annual_projection's auto ranks methods by the pool's mean percentage
-- error (the other series of the source, same point of the year), each
-- series' errors divided by the square root of its volatility: the mean
-- absolute change, period to period, of its growth over the same period
-- a year earlier.  Without that division the source's wildest series
-- decided the ranking for every calm one: below, six calm seasonal
-- series (growth 4 a year, a fixed season, +-2 % jitter) share a source
-- with three whose second half swings between 1000 and 5 a quarter.
-- The seasonal methods miss those by up to 950 %, run_rate by about
-- 85 %, so the plain pooled mean ranked run_rate first, and in 2015
-- every calm series was run_rate alone: 30 % under its actual total
-- (c1: 363.5 for 522.6).  Divided, the calm series' own kind of errors
-- count: their auto is within 2 % of the actual.  The price, which the
-- check pins too: the wild series, ranked now by mostly calm series'
-- errors, are projected as if seasonal (w1 2015: 856.4 for 210, where
-- run_rate said 400).
CREATE TABLE s(k TEXT, p TEXT, v REAL);
WITH RECURSIVE y(y) AS (SELECT 2010 UNION ALL SELECT y + 1 FROM y WHERE y < 2020),
  q(q) AS (VALUES (1), (2), (3), (4)),
  k(k, i) AS (VALUES ('c1', 1), ('c2', 2), ('c3', 3), ('c4', 4), ('c5', 5), ('c6', 6))
INSERT INTO s
SELECT k, printf('%d-Q%d', y, q),
       (100 + 10 * i + (y - 2010) * 4) * (CASE q WHEN 1 THEN 0.6 WHEN 2 THEN 0.8 WHEN 3 THEN 1.1 ELSE 1.5 END)
         * (1 + 0.01 * (((y * 7 + q * 3 + i * 5) % 5) - 2))
FROM y, q, k;
WITH RECURSIVE y(y) AS (SELECT 2010 UNION ALL SELECT y + 1 FROM y WHERE y < 2020),
  q(q) AS (VALUES (1), (2), (3), (4)), w(k, j) AS (VALUES ('w1', 0), ('w2', 1), ('w3', 2))
INSERT INTO s
SELECT k, printf('%d-Q%d', y, q),
       CASE WHEN q <= 2 THEN 100 + j ELSE (CASE (y + j) % 2 WHEN 0 THEN 1000 ELSE 5 END) END
FROM y, q, w;
CREATE VIRTUAL TABLE a USING annual_projection(source=s, value=v, period=p, by=k, through=Q2);
CREATE VIRTUAL TABLE rr USING annual_projection(source=s, value=v, period=p, by=k, through=Q2,
  method=run_rate);

-- @check projection_volatility_pool-1.1 2015, the calm series: auto is not run_rate and is within 2 % of the actual total (plain pooled ranking: run_rate alone, 30 % under)
SELECT a.k, a.projection = rr.projection AS run_rate_alone,
       abs(a.projection - a.actual) / a.actual < 0.02 AS within_2_pct
FROM a JOIN rr USING (k, year) WHERE a.year = 2015 AND a.k GLOB 'c*' ORDER BY a.k;
-- @expect
-- | k|run_rate_alone|within_2_pct
-- | c1|0|1
-- | c2|0|1
-- | c3|0|1
-- | c4|0|1
-- | c5|0|1
-- | c6|0|1
-- @check projection_volatility_pool-1.2 2015-2020, mean absolute percentage error of auto on the calm series (plain pooled ranking: 6.09 %) and on the wild ones (110.71 %), beside run_rate's
SELECT a.k GLOB 'c*' AS calm, round(100 * avg(abs(a.projection - a.actual) / a.actual), 2) AS auto_mape,
       round(100 * avg(abs(rr.projection - rr.actual) / rr.actual), 2) AS run_rate_mape
FROM a JOIN rr USING (k, year) WHERE a.year >= 2015 AND a.actual IS NOT NULL GROUP BY 1 ORDER BY 1;
-- @expect
-- | calm|auto_mape|run_rate_mape
-- | 0|147.54|86.11
-- | 1|1.24|30.07
-- @check projection_volatility_pool-1.3 the backtest uses no later data: c1's 2015 row equals the projection from the source cut after 2015-Q2
CREATE TABLE cut AS SELECT * FROM s WHERE p <= '2015-Q2';
CREATE VIRTUAL TABLE a_cut USING annual_projection(source=cut, value=v, period=p, by=k, through=Q2);
SELECT a.k, a.projection = c.projection AS same, a.low = c.low AND a.high = c.high AS same_interval
FROM a JOIN a_cut AS c USING (k, year) WHERE a.year = 2015 AND a.k IN ('c1', 'w1') ORDER BY a.k;
-- @expect
-- | k|same|same_interval
-- | c1|1|1
-- | w1|1|1
