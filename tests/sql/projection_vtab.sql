.load build/tradestat
.headers on
.mode list
.read sql/schema.sql
.read sql/data/article.sql
-- 1. The article (half years), table-valued form, each series by partner.
SELECT series, year, through, periods_observed, periods_per_year, ytd, projection, method, actual, note
FROM annual_projection('direct_trade', 'amount', 'period', 'partner', 'snaive')
WHERE series = 'China';
CREATE TEMP VIEW imports AS SELECT * FROM direct_trade WHERE flow = 'import';
SELECT series, year, ytd, round(projection, 6) = round(1400 * 1490 / 680.8, 6) AS prior_share_3064, method, note
FROM annual_projection('imports', 'amount', 'period', 'partner') WHERE series = 'China' AND year = 2023;
-- default method auto; no series column: one series, series NULL
CREATE TEMP VIEW china_imports AS SELECT * FROM imports WHERE partner = 'China';
SELECT series IS NULL AS no_series, count(*) AS rows FROM annual_projection('china_imports', 'amount', 'period');
-- without a series column China's halves and the World's years are one series
SELECT count(*) FROM annual_projection('imports', 'amount', 'period');

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
SELECT * FROM outlook WHERE partner = 'A';
-- A from H1 (Q1 + Q2 known): snaive (ytd + prior Q3 + Q4 = ytd + 105) is exact, so
-- auto picks it once it has 3 earlier years to judge by, with a zero-width interval.
SELECT year, ytd + 105 = projection AS snaive_exact, low = projection AND high = projection AS zero_width
FROM outlook WHERE partner = 'A' AND year >= 2020;

-- 3. B by run_rate from Q1: the interval from earlier years' log errors, by hand.
--    Year y's Q1 is q = 100 + 40 (y - 2017); run rate 4 q, actual 4 q + 60.
CREATE VIRTUAL TABLE b_q1 USING annual_projection(source=sales, value=amount, period=period,
  by=partner, method=run_rate, through=Q1);
SELECT year, ytd, projection, actual, round(error, 6) AS error, low, high, note FROM b_q1 WHERE partner = 'B' AND year <= 2020;
-- 2020: errors of 2017..2019: r = ln(actual / projection); mean +- t(0.9, 2) * sd * sqrt(1 + 1/3)
WITH e(r) AS (VALUES (ln(460.0 / 400)), (ln(620.0 / 560)), (ln(780.0 / 720))),
     s AS (SELECT avg(r) AS m, sqrt(sum((r - (SELECT avg(r) FROM e)) * (r - (SELECT avg(r) FROM e))) / 2) AS sd FROM e)
SELECT round(b.low, 6) = round(880 * exp(m - 1.8856180831641267 * sd * sqrt(4.0 / 3)), 6) AS low_ok,
       round(b.high, 6) = round(880 * exp(m + 1.8856180831641267 * sd * sqrt(4.0 / 3)), 6) AS high_ok
FROM b_q1 b, s WHERE b.partner = 'B' AND b.year = 2020;
-- The incomplete last year: actual and error NULL, still projected.
SELECT year, periods_observed, ytd, projection, actual, error FROM b_q1 WHERE partner = 'B' AND year = 2023;

-- 4. Pushdown never changes the answer; only earlier years are used.
CREATE TEMP TABLE all_rows AS SELECT * FROM outlook;
SELECT count(*) AS differing FROM (SELECT * FROM outlook WHERE partner = 'B' AND year >= 2021
  EXCEPT SELECT * FROM all_rows WHERE partner = 'B' AND year >= 2021);
SELECT count(*) AS rows FROM outlook WHERE partner IN ('A', 'B') AND year = 2022;
SELECT count(*) AS differing FROM (SELECT * FROM outlook WHERE year < 2021
  EXCEPT SELECT * FROM all_rows WHERE year < 2021);

-- 5. through that is not a whole number of the series' periods; month through=06.
CREATE VIRTUAL TABLE halves USING annual_projection(source=direct_trade, value=amount, period=period,
  by='flow, partner', through=Q1);
SELECT flow, partner, year, through, projection, note FROM halves WHERE partner = 'China';
CREATE VIRTUAL TABLE june USING annual_projection(source=sales, value=amount, period=period, by=partner, through=06, method=snaive);
SELECT partner, year, through, ytd FROM june WHERE partner = 'A' AND year = 2023;

-- 6. Errors.
SELECT * FROM annual_projection('sales', 'amount', 'period', 'partner', 'magic');
SELECT * FROM annual_projection('sales', 'amount');
SELECT * FROM annual_projection('nope', 'amount', 'period');
SELECT * FROM annual_projection('sales', 'amount', 'when');
CREATE VIRTUAL TABLE e1 USING annual_projection(source=sales, value=amount, period=period, method=best);
CREATE VIRTUAL TABLE e2 USING annual_projection(source=sales, value=amount, period=period, level=100);
CREATE VIRTUAL TABLE e3 USING annual_projection(source=sales, value=amount, period=period, through=H3);
CREATE VIRTUAL TABLE e4 USING annual_projection(source=sales, period=period);
CREATE VIRTUAL TABLE e5 USING annual_projection(source=sales, value=amount, period=period, color=red);
CREATE TABLE daily(d TEXT, v INTEGER);
INSERT INTO daily VALUES ('2023-01-01', 1);
SELECT * FROM annual_projection('daily', 'v', 'd');
CREATE VIEW planted AS SELECT * FROM annual_projection('sales', 'amount', 'period');
SELECT count(*) FROM planted;
