.load build/tradestat
.headers on
.mode list
-- 1. Scalar run rate: annual_run_rate(ytd, through) = ytd / period_year_fraction(through).
-- @check projection-1.1
SELECT annual_run_rate(1400, '2023-H1') AS h1, annual_run_rate(300, '2023-Q1') AS q1,
       annual_run_rate(500, '2023-05') = 500 * 12 / 5.0 AS may_ok,
       annual_run_rate('1400', '2023 1/2') AS text_number_kosis_label,
       annual_run_rate(-50, '2023-Q2') AS negative, annual_run_rate(0, '2023-Q3') AS zero;
-- @expect
-- | h1|q1|may_ok|text_number_kosis_label|negative|zero
-- | 2800.0|1200.0|1|2800.0|-100.0|0.0
-- @check projection-1.2
SELECT annual_run_rate(181, '2023-06-30') = 181 * 365 / 181.0 AS day_counts_days;
-- @expect
-- | day_counts_days
-- | 1
-- @check projection-1.3
SELECT annual_run_rate(NULL, '2023-H1') IS NULL AS null_value, annual_run_rate(1, NULL) IS NULL AS null_period;
-- @expect
-- | null_value|null_period
-- | 1|1
-- @check projection-1.4
SELECT annual_run_rate('n/a', '2023-H1');
-- @error annual_run_rate(): argument 1 is not a number: 'n/a'
-- @check projection-1.5
SELECT annual_run_rate(1, '2023-H3');
-- @error annual_run_rate(): argument 2 is not a period: '2023-H3' (nearest accepted form: 'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4))
-- @check projection-1.6
SELECT annual_run_rate(1e999, '2023-H1');
-- @error annual_run_rate(): argument 1 is not a finite number: Inf
-- @check projection-1.7 annual_projection with two arguments is an error, never the run rate
SELECT annual_projection(1400, '2023-H1');
-- @error annual_projection(): missing the method argument (argument 3): write annual_projection(value, period, 'run_rate') over rows, or annual_run_rate(ytd, through) for one year-to-date figure

-- 2. The article's series, each method (hand values in comments).
CREATE TABLE t(period TEXT, amount NUMERIC, method TEXT);
INSERT INTO t(period, amount) VALUES ('2022-H1', 680.8), ('2022-H2', 809.2), ('2023-H1', 1400);
-- run_rate 2800; prior_share 1400*1490/680.8; avg_share = prior_share with one prior year;
-- snaive 1400 + 809.2; linear 1400 + 963.333.. + 2*359.6; holt_winters and theta need two
-- full years: NULL; auto has no past errors to judge by, so it takes the median of the five
-- projections 2209.2, 2800, 3064.3, 3064.3, 3082.5: prior_share's value
-- @check projection-2.1
SELECT annual_projection(amount, period, 'run_rate') AS run_rate,
       round(annual_projection(amount, period, 'prior_share'), 9) = round(1400 * 1490 / 680.8, 9) AS prior_share_ok,
       round(annual_projection(amount, period, 'avg_share'), 9) = round(1400 * 1490 / 680.8, 9) AS avg_share_ok,
       round(annual_projection(amount, period, 'snaive'), 9) AS snaive,
       round(annual_projection(amount, period, 'linear'), 9) = round(1400 + (680.8 + 809.2 + 1400) / 3 + 2 * 359.6, 9) AS linear_ok,
       annual_projection(amount, period, 'holt_winters') IS NULL AS holt_winters_null,
       annual_projection(amount, period, 'theta') IS NULL AS theta_null,
       round(annual_projection(amount, period, 'auto'), 9) = round(1400 * 1490 / 680.8, 9) AS auto_is_the_median
FROM t;
-- @expect
-- | run_rate|prior_share_ok|avg_share_ok|snaive|linear_ok|holt_winters_null|theta_null|auto_is_the_median
-- | 2800.0|1|1|2209.2|1|1|1|1
-- Rows of one period are summed; NULL rows skipped; no row left: NULL.
INSERT INTO t(period, amount) VALUES ('2023-H1', 100), ('2023-H1', NULL), (NULL, 5);
-- @check projection-2.2
SELECT annual_projection(amount, period, 'run_rate') AS summed_run_rate FROM t;
-- @expect
-- | summed_run_rate
-- | 3000.0
-- @check projection-2.3
SELECT annual_projection(amount, period, 'run_rate') IS NULL AS empty FROM t WHERE 0;
-- @expect
-- | empty
-- | 1
-- A gap in the year-to-date: NULL, never a guess (2024-Q2 known, 2024-Q1 not).
-- @check projection-2.4
SELECT annual_projection(amount, period, 'run_rate') IS NULL AS incomplete_ytd
FROM (SELECT '2024-Q2' AS period, 10 AS amount);
-- @expect
-- | incomplete_ytd
-- | 1
-- A complete year is its own total whatever the method.
-- @check projection-2.5
SELECT annual_projection(amount, period, 'holt_winters') AS whole_year
FROM (SELECT '2023-H1' AS period, 1 AS amount UNION ALL SELECT '2023-H2', 2);
-- @expect
-- | whole_year
-- | 3.0

-- 3. Errors: exact messages.
-- @check projection-3.1
SELECT annual_projection(amount, period, 'foo') FROM t;
-- @error annual_projection(): argument 3 is not a method: 'foo' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)
-- @check projection-3.2
SELECT annual_projection(amount, period, NULL) FROM t;
-- @error annual_projection(): argument 3 is not a method: NULL (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)
-- method names are read in any case, like measure names: 'Auto' is auto
-- @check projection-3.3
SELECT annual_projection(amount, period, 'Auto') = annual_projection(amount, period, 'auto') AS same,
       annual_projection(amount, period, ' RUN_RATE ') = annual_projection(amount, period, 'run_rate') AS same2 FROM t;
-- @expect
-- | same|same2
-- | 1|1
-- @check projection-3.3a
SELECT annual_projection(amount, period, 'run-rate') FROM t;
-- @error annual_projection(): argument 3 is not a method: 'run-rate' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)
-- @check projection-3.4
SELECT annual_projection(v, p, 'run_rate') FROM (SELECT 1 AS v, '2023-Q1' AS p UNION ALL SELECT 2, '2023-05');
-- @error annual_projection(): series mixes period kinds: '2023-Q1' and '2023-05'
-- @check projection-3.5
SELECT annual_projection(v, p, 'run_rate') FROM (SELECT 'n/a' AS v, '2023-Q1' AS p);
-- @error annual_projection(): argument 1 is not a number: 'n/a'
-- 'x' (a no-data mark) is a missing figure: no row left, NULL
-- @check projection-3.5a
SELECT annual_projection(v, p, 'run_rate') IS NULL AS no_row FROM (SELECT 'x' AS v, '2023-Q1' AS p);
-- @expect
-- | no_row
-- | 1
-- @check projection-3.6
SELECT annual_projection(v, p, 'run_rate') FROM (SELECT 1 AS v, 'soon' AS p);
-- @error annual_projection(): argument 2 is not a period: 'soon' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check projection-3.7
SELECT annual_projection(v, p, 'snaive') FROM (SELECT 1 AS v, '2023-01-31' AS p);
-- @error annual_projection(): method 'snaive' needs year, half, quarter or month periods: '2023-01-31'
-- days: run rate over the days present in the latest day's year
-- @check projection-3.8
SELECT annual_projection(v, p, 'run_rate') = 30.0 * 365 / 31 AS days_ok
FROM (SELECT 10 AS v, '2023-01-05' AS p UNION ALL SELECT 20, '2023-01-31' UNION ALL SELECT 99, '2022-12-31');
-- @expect
-- | days_ok
-- | 1

-- 4. A quarterly series 2018-Q1 .. 2023-Q2: 100 + 5 * i + season, with noise.
CREATE TABLE q(period TEXT, amount REAL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 21)
INSERT INTO q SELECT printf('%d-Q%d', 2018 + i / 4, i % 4 + 1),
  100 + 5 * i + CASE i % 4 WHEN 0 THEN -20 WHEN 1 THEN 10 WHEN 2 THEN -5 ELSE 15 END + ((i * 7) % 5) - 2
FROM n;
CREATE TABLE methods(method TEXT);
INSERT INTO methods VALUES ('run_rate'), ('prior_share'), ('avg_share'), ('snaive'), ('linear'), ('holt_winters'), ('theta'), ('auto');
-- Window = aggregate over each prefix, for every method and row (22 rows x 8 methods).
-- @check projection-4.1
SELECT count(*) AS compared, sum(w IS NOT a) AS differing FROM (
  SELECT m.method, x.period,
         annual_projection(x.amount, x.period, m.method) OVER (PARTITION BY m.method ORDER BY x.period) AS w,
         (SELECT annual_projection(y.amount, y.period, m.method) FROM q y WHERE y.period <= x.period) AS a
  FROM q x, methods m);
-- @expect
-- | compared|differing
-- | 176|0
-- Sliding frames use xInverse: with ROWS 2 PRECEDING, 2023-Q1's frame has lost
-- 2022-Q2, so snaive has no prior Q2..Q4 (NULL); with ROWS 3 PRECEDING it is
-- 178 + 197 + 184 + 211 = 770 (values of i = 20, 17, 18, 19 by the formula).
-- @check projection-4.2
SELECT period, rows2, rows3 FROM (
  SELECT period, annual_projection(amount, period, 'snaive') OVER (ORDER BY period ROWS 2 PRECEDING) AS rows2,
         annual_projection(amount, period, 'snaive') OVER (ORDER BY period ROWS 3 PRECEDING) AS rows3 FROM q)
WHERE period = '2023-Q1';
-- @expect
-- | period|rows2|rows3
-- | 2023-Q1||770.0
-- Every method, a 6-row sliding frame = the aggregate over those 6 rows.
-- @check projection-4.3
SELECT count(*) AS compared, sum(w IS NOT a) AS differing FROM (
  SELECT m.method, x.period,
         annual_projection(x.amount, x.period, m.method) OVER (PARTITION BY m.method ORDER BY x.period ROWS 5 PRECEDING) AS w,
         (SELECT annual_projection(y.amount, y.period, m.method) FROM
            (SELECT * FROM q z WHERE z.period <= x.period ORDER BY z.period DESC LIMIT 6) y) AS a
  FROM q x, methods m);
-- @expect
-- | compared|differing
-- | 176|0
-- Holt-Winters on a pure seasonal pattern (two full years and Q1): exact.
-- @check projection-4.4
SELECT round(annual_projection(v, p, 'holt_winters'), 9) AS pure_seasonal_100
FROM (SELECT '2021-Q1' AS p, 10 AS v UNION ALL SELECT '2021-Q2', 20 UNION ALL SELECT '2021-Q3', 30
      UNION ALL SELECT '2021-Q4', 40 UNION ALL SELECT '2022-Q1', 10 UNION ALL SELECT '2022-Q2', 20
      UNION ALL SELECT '2022-Q3', 30 UNION ALL SELECT '2022-Q4', 40 UNION ALL SELECT '2023-Q1', 10);
-- @expect
-- | pure_seasonal_100
-- | 100.0
-- linear on a straight line (months): exact.
-- @check projection-4.5
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 14)
SELECT round(annual_projection(7 + 3 * i, printf('%d-%02d', 2022 + i / 12, 1 + i % 12), 'linear'), 9)
       = (SELECT sum(7 + 3 * j) FROM (WITH RECURSIVE k(j) AS (SELECT 12 UNION ALL SELECT j + 1 FROM k WHERE j < 23) SELECT j FROM k)) AS line_ok
FROM n;
-- @expect
-- | line_ok
-- | 1

-- 5. Bounded work (a hostile view cannot make one call refit a long history):
--    holt_winters fits at most the latest 8 years, along a chain of warm-started
--    fits that restarts at every calendar year divisible by 16.  A 3,200-year
--    monthly series (1001-01 .. 4200-06) is projected from years 4184 .. 4200
--    only: the chain of 4200 starts at 4192 and its first fit reads 4184-07 on.
--    So the whole series and the series from 4184 give the same number, and
--    from 4185 on (the first fit loses a period) a different one.
CREATE TABLE long(p TEXT, v REAL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 38393)
INSERT INTO long SELECT printf('%04d-%02d', 1001 + i / 12, 1 + i % 12), 1000 + 50 * sin(i * 0.5236) + (i % 17) FROM n;
-- @check projection-5.1
SELECT (SELECT annual_projection(v, p, 'holt_winters') FROM long)
         = (SELECT annual_projection(v, p, 'holt_winters') FROM long WHERE p >= '4184') AS same_from_4184,
       (SELECT annual_projection(v, p, 'holt_winters') FROM long)
         = (SELECT annual_projection(v, p, 'holt_winters') FROM long WHERE p >= '4185') AS same_from_4185;
-- @expect
-- | same_from_4184|same_from_4185
-- | 1|0

-- 6. Quarters written as months.  KOSIS's Open API writes a quarter's
--    PRD_DE as YYYYQQ (201901 is Q1, 201904 Q4; halves 201901, 201902),
--    which reads as the month 2019-01..04.  Projected as months, H1 2023
--    (249 = 124 + 125) ran at 12/2 instead of 4/2: 1,494, three times the
--    quarterly run rate 498, every year.  A month series in which no
--    earlier year has a month after April does not run to December (those
--    are quarter or half codes, or a season that ends by April): no
--    projection, as with a missing period.  A first year cannot be told
--    from the start of a monthly series (2017's four codes still give
--    406 * 12 / 4 = 1,218).
CREATE TABLE api(PRD_DE TEXT, DT INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
INSERT INTO api SELECT printf('%d%02d', 2017 + i / 4, i % 4 + 1), 100 + i FROM n;
-- @check projection-6.1
SELECT annual_projection(DT, PRD_DE, 'run_rate') AS run_rate, annual_projection(DT, PRD_DE, 'linear') AS linear,
       annual_projection(DT, PRD_DE, 'auto') AS auto,
       (SELECT annual_projection(DT, PRD_DE, 'run_rate') FROM api WHERE PRD_DE < '2018') AS first_year
FROM api;
-- @expect
-- | run_rate|linear|auto|first_year
-- | |||1218.0
-- The same quarters as quarters: 249 * 4 / 2.
-- @check projection-6.2
SELECT annual_projection(DT, substr(PRD_DE, 1, 4) || '-Q' || substr(PRD_DE, 6), 'run_rate') AS run_rate FROM api;
-- @expect
-- | run_rate
-- | 498.0
-- A month series with a later month in an earlier year projects as
-- before: one that started in May 2016 (its first year's months 05..12),
-- projected from February 2017.
-- @check projection-6.3
SELECT annual_projection(v, p, 'run_rate') AS run_rate FROM (
  SELECT 10 AS v, '2016-05' AS p UNION ALL SELECT 10, '2016-12'
  UNION ALL SELECT 20, '2017-01' UNION ALL SELECT 30, '2017-02');
-- @expect
-- | run_rate
-- | 300.0
