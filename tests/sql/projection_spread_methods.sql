.load build/tradestat
.headers on
.mode list
-- annual_projection's interval with no earlier errors (a series alone in
-- its second and third years) came from the spread of this year's growth
-- by period, ln(value(y, j) / value(y - 1, j)), whatever the method.
-- That spread says how far the rest of the year may stray from the prior
-- year's shape: it sizes the error of a method that follows that shape
-- (prior_share, avg_share, snaive, holt_winters, theta, auto's rules),
-- not of run_rate or linear, which ignore it.  On a series whose every
-- year is the same (growth 0 in every period) run_rate's "80 %" interval
-- was [162, 162] around 162 for a year whose total is 198 -- after
-- run_rate had missed the year before by the same 18 %; linear's
-- [181.8, 181.8].  Those two now get no interval there (a note says why).
CREATE TABLE m(k TEXT, p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2018 UNION ALL SELECT y + 1 FROM y WHERE y < 2020),
  n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < 12)
INSERT INTO m SELECT 'm', printf('%d-%02d', y, n), 10 + n FROM y, n;

-- @check projection_spread_methods-1.1 run_rate from June: 81 x 2 = 162 every year, actual 198; no interval from the growth spread in 2019 and 2020
SELECT year, ytd, projection, low, high, actual, note
FROM annual_projection('m', 'v', 'p', 'k', 'run_rate', 'through=06') WHERE year >= 2019;
-- @expect
-- | year|ytd|projection|low|high|actual|note
-- | 2019|81|162.0|||198|fewer than 3 earlier years for an interval
-- | 2020|81|162.0|||198|fewer than 3 earlier years for an interval
-- @check projection_spread_methods-1.2 linear: no interval from the growth spread either
SELECT year, round(projection, 4) AS projection, low, high, actual, note
FROM annual_projection('m', 'v', 'p', 'k', 'linear', 'through=06') WHERE year >= 2019;
-- @expect
-- | year|projection|low|high|actual|note
-- | 2019|181.8019|||198|fewer than 3 earlier years for an interval
-- | 2020|180.6047|||198|fewer than 3 earlier years for an interval
-- @check projection_spread_methods-1.3 prior_share follows the prior year's shape: its interval from the growth spread stays; the growth is 0 in every month, but six months cannot make it certain: the spread is at least 0.03 (it was [198, 198]; see projection_spread_floor.sql)
SELECT year, projection, round(low, 2) AS low, round(high, 2) AS high, actual, note
FROM annual_projection('m', 'v', 'p', 'k', 'prior_share', 'through=06') WHERE year >= 2019;
-- @expect
-- | year|projection|low|high|actual|note
-- | 2019|198.0|195.03|201.01|198|interval from the spread of this year's periods (no earlier errors)
-- | 2020|198.0|195.03|201.01|198|interval from the spread of this year's periods (no earlier errors)

-- A reconciled total is the sum of its parts' projections: it takes the
-- growth spread's interval when the parts' method follows the prior
-- year's shape, not when they are projected by run_rate.
CREATE TABLE h(region TEXT, p TEXT, v INTEGER);
INSERT INTO h SELECT 'a', p, v FROM m;
INSERT INTO h SELECT 'b', p, 2 * v + CAST(substr(p, 1, 4) AS INTEGER) - 2018 FROM m;
INSERT INTO h SELECT 'Total', p, sum(v) FROM h GROUP BY p;
CREATE VIRTUAL TABLE temp.rr USING annual_projection(source=h, value=v, period=p, by=region,
  method=run_rate, through=06, reconcile='region=Total');
CREATE VIRTUAL TABLE temp.ps USING annual_projection(source=h, value=v, period=p, by=region,
  method=prior_share, through=06, reconcile='region=Total');

-- @check projection_spread_methods-2.1 run_rate parts: the total is its ytd plus its parts' run-rate rests (81 + 168 in 2019), 2 x ytd; no interval from the growth spread
SELECT year, ytd, projection, low, high, actual, note FROM temp.rr
WHERE region = 'Total' AND year >= 2019;
-- @expect
-- | year|ytd|projection|low|high|actual|note
-- | 2019|249|498.0|||606|reconciled: its year-to-date plus its parts' projections of the rest; fewer than 3 earlier years for an interval
-- | 2020|255|510.0|||618|reconciled: its year-to-date plus its parts' projections of the rest; fewer than 3 earlier years for an interval
-- @check projection_spread_methods-2.2 prior_share parts: the total keeps the growth spread's interval (2019: 249 + (198 - 81) + (168 x 396 / 162 - 168) = 608.6667; 2020: 255 + 117 + (174 x 408 / 168 - 174) = 620.5714)
SELECT year, ytd, round(projection, 4) AS projection, low < projection AND projection < high AS inside,
       actual, note FROM temp.ps
WHERE region = 'Total' AND year >= 2019;
-- @expect
-- | year|ytd|projection|inside|actual|note
-- | 2019|249|608.6667|1|606|reconciled: its year-to-date plus its parts' projections of the rest; interval from the spread of this year's periods (no earlier errors)
-- | 2020|255|620.5714|1|618|reconciled: its year-to-date plus its parts' projections of the rest; interval from the spread of this year's periods (no earlier errors)
