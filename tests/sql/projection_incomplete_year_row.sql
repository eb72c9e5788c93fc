.load build/tradestat
.headers on
.mode list
-- A year whose only periods in the source are roll-ups missing some of
-- their months (grain=) has its row.  Input: monthly sales through
-- 2024-02, annual_projection with grain=quarter and no through= (each
-- series from its own latest period).  The latest period is 2024-Q1,
-- missing March, so every year is projected from Q1 -- but the table had
-- no 2024 row at all: a year was listed only when it held a complete
-- roll-up (the grid leaves incomplete points out).  Contract item 1 of
-- projection_vtab.c and the reference promise one row per series and
-- year that has a period in the source, and item 6 a NULL projection
-- with note 'incomplete period' for a year whose roll-up up to through
-- misses months.  Wrong value: `ORDER BY year DESC LIMIT 1`, the usual
-- "latest projection", gave 2023 and 1212.0 -- 2023's own Q1 projected
-- at the run rate -- where plain SQL's latest year of the source is 2024,
-- whose projection is unknown (NULL).  With grain=year the 2024 row was
-- missing the same way.  Fixed in projection_row.c (proj_row_has_figure,
-- proj_row_estimate).
CREATE TABLE m(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 13)
INSERT INTO m SELECT 'a', printf('%04d-%02d', 2023 + n / 12, n % 12 + 1), 100 + n FROM c;
CREATE VIRTUAL TABLE q USING annual_projection(source=m, value=v, period=d, by=k, grain=quarter,
  method=run_rate);
CREATE VIRTUAL TABLE y USING annual_projection(source=m, value=v, period=d, by=k, grain=year,
  method=run_rate);

-- @check projection_incomplete_year_row-1.1 one row per year of the source, the 2024 one NULL with its note
SELECT k, year, through, periods_observed, ytd, projection, note FROM q;
-- @expect
-- | k|year|through|periods_observed|ytd|projection|note
-- | a|2023|2023-Q1|1|303|1212.0|interval from an assumed spread of a year's periods (one period observed, no earlier year)
-- | a|2024|2024-Q1|0|||incomplete period
-- @check projection_incomplete_year_row-1.2 the reference: the years of the source, and 2024-Q1 misses March
SELECT substr(d, 1, 4) AS year, count(*) AS months FROM m GROUP BY 1;
-- @expect
-- | year|months
-- | 2023|12
-- | 2024|2
-- @check projection_incomplete_year_row-1.3 the latest projection is 2024's, unknown; grain=year likewise
SELECT year, projection FROM q ORDER BY year DESC LIMIT 1;
SELECT year, projection, actual, note FROM y ORDER BY year;
-- @expect
-- | year|projection
-- | 2024|
-- | year|projection|actual|note
-- | 2023|1266.0|1266|
-- | 2024|||incomplete period

-- 2. The same row under every way of asking: a WHERE on the year (pushed
--    into the source query), the hash path, auto (which reads the pool),
--    and through=Q1 with 2024 holding only an incomplete Q2 (April alone):
--    its Q1 has no figure, so the year-to-date is unknown.
CREATE VIRTUAL TABLE qh USING annual_projection(source=m, value=v, period=d, by=k, grain=quarter,
  method=auto, scan=hash);
CREATE TABLE m2(k TEXT, d TEXT, v INTEGER);
INSERT INTO m2 SELECT k, d, v FROM m WHERE d < '2024';
INSERT INTO m2 VALUES ('a', '2024-04', 50);
CREATE VIRTUAL TABLE q2 USING annual_projection(source=m2, value=v, period=d, by=k, grain=quarter,
  method=prior_share, through=Q1);
-- @check projection_incomplete_year_row-2.1
SELECT year, ytd, projection, note FROM q WHERE year = 2024;
SELECT year, ytd, projection, low, high, note FROM qh WHERE year >= 2024;
-- @expect
-- | year|ytd|projection|note
-- | 2024|||incomplete period
-- | year|ytd|projection|low|high|note
-- | 2024|||||incomplete period
-- @check projection_incomplete_year_row-2.2 the year-to-date through Q1 of 2024 has no figure: unknown
SELECT year, through, periods_observed, ytd, projection, note FROM q2 ORDER BY year;
-- @expect
-- | year|through|periods_observed|ytd|projection|note
-- | 2023|2023-Q1|1|303||no complete prior year
-- | 2024|2024-Q1|0|||incomplete year-to-date
-- @check projection_incomplete_year_row-2.3 the reference: 2024's months in m2, none of them in Q1
SELECT group_concat(d) FROM m2 WHERE d >= '2024';
-- @expect
-- | group_concat(d)
-- | 2024-04
