.load build/tradestat
.headers on
.mode list
.read sql/schema.sql
.read sql/data/article.sql
-- 1. The article (half years), table-valued form, each series by partner.
-- @check projection_vtab-1.1
SELECT series, year, through, periods_observed, periods_per_year, ytd, projection, method, actual, note
FROM annual_projection('direct_trade', 'amount', 'period', 'partner', 'snaive')
WHERE series = 'China';
-- @expect
-- | series|year|through|periods_observed|periods_per_year|ytd|projection|method|actual|note
-- | China|2022|2022-H1|1|2|1432.5||snaive|2241.7|prior year's remaining periods missing
-- | China|2023|2023-H1|1|2|1851|2660.2|snaive||fewer than 3 earlier years for an interval
CREATE TEMP VIEW imports AS SELECT * FROM direct_trade WHERE flow = 'import';
-- @check projection_vtab-1.2
SELECT series, year, ytd, round(projection, 6) = round(1400 * 1490 / 680.8, 6) AS prior_share_3064, method, note
FROM annual_projection('imports', 'amount', 'period', 'partner') WHERE series = 'China' AND year = 2023;
-- @expect
-- | series|year|ytd|prior_share_3064|method|note
-- | China|2023|1400|1|prior_share|auto: fewer than 3 earlier years, used prior_share
-- default method auto; no series column: one series, series NULL
CREATE TEMP VIEW china_imports AS SELECT * FROM imports WHERE partner = 'China';
-- @check projection_vtab-1.3
SELECT series IS NULL AS no_series, count(*) AS rows FROM annual_projection('china_imports', 'amount', 'period');
-- @expect
-- | no_series|rows
-- | 1|2
-- without a series column China's halves and the World's years are one series
-- @check projection_vtab-1.4
SELECT count(*) FROM annual_projection('imports', 'amount', 'period');
-- @error annual_projection: series mixes period kinds: '2018' and '2022-H1'

-- 2. Quarterly sales of two partners, 2017-Q1 .. 2023-Q2, integers.
--    A: Q1 varies, Q2..Q4 repeat (30, 60, 45): snaive is exact every year.
--    B: 100, 110, 120, ... +10 a quarter.
CREATE TABLE sales(period TEXT, partner TEXT, amount INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
INSERT INTO sales SELECT printf('%d-Q%d', 2017 + i / 4, i % 4 + 1), p,
  CASE p WHEN 'A' THEN CASE i % 4 WHEN 0 THEN 10 + (i * 37) % 80 WHEN 1 THEN 30 WHEN 2 THEN 60 ELSE 45 END
         ELSE 100 + 10 * i END
FROM n, (SELECT 'A' AS p UNION ALL SELECT 'B');
CREATE INDEX sales_by ON sales(partner, period);
CREATE VIRTUAL TABLE outlook USING annual_projection(source=sales, value=amount, period=period,
  by=partner, method=auto, level=80, through=H1);
-- @check projection_vtab-2.1
SELECT * FROM outlook WHERE partner = 'A';
-- @expect
-- | partner|year|through|periods_observed|periods_per_year|ytd|projection|low|high|method|actual|error|note
-- | A|2017|2017-Q2|2|4|40||||prior_share|145||no complete prior year
-- | A|2018|2018-Q2|2|4|108|391.5|||prior_share|213|83.8028169014084|auto: fewer than 3 earlier years, used prior_share
-- | A|2019|2019-Q2|2|4|96|189.333333333333|||prior_share|201|-5.80431177446102|auto: fewer than 3 earlier years, used prior_share
-- | A|2020|2020-Q2|2|4|84|188.059340659341|155.861398201449|186.654307240833|linear|189|-0.497703354846218|
-- | A|2021|2021-Q2|2|4|72|177.0|177.0|177.0|snaive|177|0.0|
-- | A|2022|2022-Q2|2|4|60|165.0|165.0|165.0|snaive|165|0.0|
-- | A|2023|2023-Q2|2|4|48|153.0|153.0|153.0|snaive|||
-- A from H1 (Q1 + Q2 known): snaive (ytd + prior Q3 + Q4 = ytd + 105) is exact, so
-- auto picks it once it has 3 earlier years to judge by, with a zero-width interval.
-- @check projection_vtab-2.2
SELECT year, ytd + 105 = projection AS snaive_exact, low = projection AND high = projection AS zero_width
FROM outlook WHERE partner = 'A' AND year >= 2020;
-- @expect
-- | year|snaive_exact|zero_width
-- | 2020|0|0
-- | 2021|1|1
-- | 2022|1|1
-- | 2023|1|1

-- 3. B by run_rate from Q1: the interval from earlier years' log errors, by hand.
--    Year y's Q1 is q = 100 + 40 (y - 2017); run rate 4 q, actual 4 q + 60.
CREATE VIRTUAL TABLE b_q1 USING annual_projection(source=sales, value=amount, period=period,
  by=partner, method=run_rate, through=Q1);
-- @check projection_vtab-3.1
SELECT year, ytd, projection, actual, round(error, 6) AS error, low, high, note FROM b_q1 WHERE partner = 'B' AND year <= 2020;
-- @expect
-- | year|ytd|projection|actual|error|low|high|note
-- | 2017|100|400.0|460|-13.043478|||fewer than 3 earlier years for an interval
-- | 2018|140|560.0|620|-9.677419|||fewer than 3 earlier years for an interval
-- | 2019|180|720.0|780|-7.692308|||fewer than 3 earlier years for an interval
-- | 2020|220|880.0|940|-6.382979|917.183226247699|1046.20866685694|
-- 2020: errors of 2017..2019: r = ln(actual / projection); mean +- t(0.9, 2) * sd * sqrt(1 + 1/3)
-- @check projection_vtab-3.2
WITH e(r) AS (VALUES (ln(460.0 / 400)), (ln(620.0 / 560)), (ln(780.0 / 720))),
     s AS (SELECT avg(r) AS m, sqrt(sum((r - (SELECT avg(r) FROM e)) * (r - (SELECT avg(r) FROM e))) / 2) AS sd FROM e)
SELECT round(b.low, 6) = round(880 * exp(m - 1.8856180831641267 * sd * sqrt(4.0 / 3)), 6) AS low_ok,
       round(b.high, 6) = round(880 * exp(m + 1.8856180831641267 * sd * sqrt(4.0 / 3)), 6) AS high_ok
FROM b_q1 b, s WHERE b.partner = 'B' AND b.year = 2020;
-- @expect
-- | low_ok|high_ok
-- | 1|1
-- The incomplete last year: actual and error NULL, still projected.
-- @check projection_vtab-3.3
SELECT year, periods_observed, ytd, projection, actual, error FROM b_q1 WHERE partner = 'B' AND year = 2023;
-- @expect
-- | year|periods_observed|ytd|projection|actual|error
-- | 2023|1|340|1360.0||

-- 4. Pushdown never changes the answer; only earlier years are used.
CREATE TEMP TABLE all_rows AS SELECT * FROM outlook;
-- @check projection_vtab-4.1
SELECT count(*) AS differing FROM (SELECT * FROM outlook WHERE partner = 'B' AND year >= 2021
  EXCEPT SELECT * FROM all_rows WHERE partner = 'B' AND year >= 2021);
-- @expect
-- | differing
-- | 0
-- @check projection_vtab-4.2
SELECT count(*) AS rows FROM outlook WHERE partner IN ('A', 'B') AND year = 2022;
-- @expect
-- | rows
-- | 2
-- @check projection_vtab-4.3
SELECT count(*) AS differing FROM (SELECT * FROM outlook WHERE year < 2021
  EXCEPT SELECT * FROM all_rows WHERE year < 2021);
-- @expect
-- | differing
-- | 0

-- 5. through that is not a whole number of the series' periods; month through=06.
CREATE VIRTUAL TABLE halves USING annual_projection(source=direct_trade, value=amount, period=period,
  by='flow, partner', through=Q1);
-- @check projection_vtab-5.1
SELECT flow, partner, year, through, projection, note FROM halves WHERE partner = 'China';
-- @expect
-- | flow|partner|year|through|projection|note
-- | export|China|2022|||through is not a whole number of this series' periods
-- | export|China|2023|||through is not a whole number of this series' periods
-- | import|China|2022|||through is not a whole number of this series' periods
-- | import|China|2023|||through is not a whole number of this series' periods
CREATE VIRTUAL TABLE june USING annual_projection(source=sales, value=amount, period=period, by=partner, through=06, method=snaive);
-- @check projection_vtab-5.2
SELECT partner, year, through, ytd FROM june WHERE partner = 'A' AND year = 2023;
-- @expect
-- | partner|year|through|ytd
-- | A|2023|2023-Q2|48

-- 6. Errors.
-- @check projection_vtab-6.1
SELECT * FROM annual_projection('sales', 'amount', 'period', 'partner', 'magic');
-- @error annual_projection: unknown method 'magic' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters or auto)
-- @check projection_vtab-6.2
SELECT * FROM annual_projection('sales', 'amount');
-- @error annual_projection: argument 3 (period) is missing
-- @check projection_vtab-6.3
SELECT * FROM annual_projection('nope', 'amount', 'period');
-- @error annual_projection: no such table "nope"
-- @check projection_vtab-6.4
SELECT * FROM annual_projection('sales', 'amount', 'when');
-- @error annual_projection: no such column "when" in "sales" (columns: period, partner, amount)
-- @check projection_vtab-6.5
CREATE VIRTUAL TABLE e1 USING annual_projection(source=sales, value=amount, period=period, method=best);
-- @error annual_projection: unknown method 'best' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters or auto)
-- @check projection_vtab-6.6
CREATE VIRTUAL TABLE e2 USING annual_projection(source=sales, value=amount, period=period, level=100);
-- @error annual_projection: level must be a number between 0 and 100: '100'
-- @check projection_vtab-6.7
CREATE VIRTUAL TABLE e3 USING annual_projection(source=sales, value=amount, period=period, through=H3);
-- @error annual_projection: through must be a point of the year such as H1, Q3 or 06: 'H3'
-- @check projection_vtab-6.8
CREATE VIRTUAL TABLE e4 USING annual_projection(source=sales, period=period);
-- @error annual_projection: missing argument value=
-- @check projection_vtab-6.9
CREATE VIRTUAL TABLE e5 USING annual_projection(source=sales, value=amount, period=period, color=red);
-- @error annual_projection: unknown argument "color" (expected source, value, period, by, grain, method, level, through)
CREATE TABLE daily(d TEXT, v INTEGER);
INSERT INTO daily VALUES ('2023-01-01', 1);
-- @check projection_vtab-6.10
SELECT * FROM annual_projection('daily', 'v', 'd');
-- @error annual_projection: day periods cannot be projected by position in the year; use grain=month
CREATE VIEW planted AS SELECT * FROM annual_projection('sales', 'amount', 'period');
-- @check projection_vtab-6.11
SELECT count(*) FROM planted;
-- @error unsafe use of virtual table "annual_projection"
