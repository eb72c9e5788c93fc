.load build/tradestat
.headers on
.mode list
-- No data from the future for days rolled up by grain= (docs/design.md,
-- "A backtest row of days rolled up by grain= is the source cut at its
-- point").  The promise (docs/reference/projection.md): the projection of
-- a year from a point is the same with every later period removed.  With
-- grain=month over days, a month is whole only when the source holds
-- days up to its last day, and the source's last day was read from every
-- row, later ones included.  A series of 10 a day from 2022-01-01 to
-- 2023-08-24 without rows on 29 and 30 June 2023 (a weekend, or no
-- sales): projected from June (through=06, prior_share) its 2023 row had
-- ytd 1790 and a projection of 1790 x 3650 / 1810 = 3609.67, because
-- July's rows say the source goes on past June.  Cut at its point (every
-- row after 30 June removed) the source ends on 28 June, June reaches
-- past it, and the same row is NULL ('incomplete period'): the backtest
-- row used the existence of July's rows.  Nothing in the rows up to 30
-- June tells a weekend without sales from an extract that ended on the
-- 28th, so a row projected from a point judges the months up to it
-- against the source's last day among the rows up to that point: both
-- forms give NULL, and such a month's backtest row is dropped.
CREATE TABLE d(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
INSERT INTO d SELECT 'a', date('2022-01-01', '+' || i || ' days'), 10 FROM n
WHERE date('2022-01-01', '+' || i || ' days') NOT IN ('2023-06-29', '2023-06-30');
CREATE TABLE cut AS SELECT * FROM d WHERE d <= '2023-06-30';
CREATE VIRTUAL TABLE temp.whole USING annual_projection(source=d, value=v, period=d, by=k,
  method=prior_share, grain=month, through=06);
CREATE VIRTUAL TABLE temp.upto USING annual_projection(source=cut, value=v, period=d, by=k,
  method=prior_share, grain=month, through=06);

-- @check projection_grain_days_future-1.1 the 2023 row from June is the same with every row after 30 June removed
SELECT w.ytd IS u.ytd AND w.projection IS u.projection AS same_row
FROM temp.whole AS w JOIN temp.upto AS u USING (k, year) WHERE year = 2023;
-- @expect
-- | same_row
-- | 1
-- @check projection_grain_days_future-1.2 both NULL, June incomplete and not observed (was ytd 1790, projection 3609.67, 6 periods observed)
SELECT 'whole' AS form, ytd, projection, periods_observed, note FROM temp.whole WHERE year = 2023
UNION ALL SELECT 'cut', ytd, projection, periods_observed, note FROM temp.upto WHERE year = 2023;
-- @expect
-- | form|ytd|projection|periods_observed|note
-- | whole|||5|incomplete period
-- | cut|||5|incomplete period
-- @check projection_grain_days_future-1.3 the reference: cut at 30 June the source's last day is the 28th
SELECT max(d) AS last_day FROM cut;
-- @expect
-- | last_day
-- | 2023-06-28
-- @check projection_grain_days_future-1.4 from May (31 May has a row) nothing changes: 1510 x 3650 / 1510, in both forms
CREATE TABLE cut5 AS SELECT * FROM d WHERE d <= '2023-05-31';
CREATE VIRTUAL TABLE temp.whole5 USING annual_projection(source=d, value=v, period=d, by=k, method=prior_share, grain=month, through=05);
CREATE VIRTUAL TABLE temp.upto5 USING annual_projection(source=cut5, value=v, period=d, by=k, method=prior_share, grain=month, through=05);
SELECT 'whole' AS form, ytd, round(projection, 2) AS projection FROM temp.whole5 WHERE year = 2023
UNION ALL SELECT 'cut', ytd, round(projection, 2) FROM temp.upto5 WHERE year = 2023;
-- @expect
-- | form|ytd|projection
-- | whole|1510|3650.0
-- | cut|1510|3650.0
-- @check projection_grain_days_future-1.5 the table-valued form on both scan paths, and grain=quarter from Q2: NULL alike
SELECT 'hash' AS form, ytd, projection, note FROM annual_projection('d', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06, scan=hash') WHERE year = 2023
UNION ALL SELECT 'stream', ytd, projection, note FROM annual_projection('d', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06, scan=stream') WHERE year = 2023
UNION ALL SELECT 'quarter', ytd, projection, note FROM annual_projection('d', 'v', 'd', 'k', 'prior_share', 'grain=quarter, through=Q2') WHERE year = 2023
UNION ALL SELECT 'quarter cut', ytd, projection, note FROM annual_projection('cut', 'v', 'd', 'k', 'prior_share', 'grain=quarter, through=Q2') WHERE year = 2023;
-- @expect
-- | form|ytd|projection|note
-- | hash|||incomplete period
-- | stream|||incomplete period
-- | quarter|||incomplete period
-- | quarter cut|||incomplete period

-- The source's last day is every series' last day: another series with a
-- row on 30 June makes June whole in the source cut there too, so both
-- forms project a's 2023 from June: 1790 x 3650 / 1810 = 3609.67.
CREATE TABLE d2 AS SELECT * FROM d;
INSERT INTO d2 VALUES ('b', '2023-06-30', 5), ('b', '2023-07-15', 5);
CREATE TABLE cut2 AS SELECT * FROM d2 WHERE d <= '2023-06-30';
-- @check projection_grain_days_future-2.1 another series ends on 30 June: June whole, projected in both forms
SELECT 'whole' AS form, ytd, round(projection, 2) AS projection FROM annual_projection('d2', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06') WHERE series = 'a' AND year = 2023
UNION ALL SELECT 'cut', ytd, round(projection, 2) FROM annual_projection('cut2', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06') WHERE series = 'a' AND year = 2023;
-- @expect
-- | form|ytd|projection
-- | whole|1790|3609.67
-- | cut|1790|3609.67

-- An earlier month whose last day has no row is whole from a later
-- point: the rows of the months after it, up to the point, say the
-- source went on.  Without a row on Sunday 30 April 2023 only: from
-- June, 2023's ytd is 1810 - 10 = 1800 and its projection 1800 x 3650 /
-- 1810 = 3629.83 in both forms; from April, April is whole only by May's
-- rows, so NULL in both.
CREATE TABLE d3 AS SELECT * FROM d WHERE d <> '2023-04-30';
INSERT INTO d3 VALUES ('a', '2023-06-29', 10), ('a', '2023-06-30', 10);
CREATE TABLE cut3j AS SELECT * FROM d3 WHERE d <= '2023-06-30';
CREATE TABLE cut3a AS SELECT * FROM d3 WHERE d <= '2023-04-30';
-- @check projection_grain_days_future-3.1 from June: April whole in both, 3629.83
SELECT 'whole' AS form, ytd, round(projection, 2) AS projection FROM annual_projection('d3', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06') WHERE year = 2023
UNION ALL SELECT 'cut', ytd, round(projection, 2) FROM annual_projection('cut3j', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06') WHERE year = 2023;
-- @expect
-- | form|ytd|projection
-- | whole|1800|3629.83
-- | cut|1800|3629.83
-- @check projection_grain_days_future-3.2 from April: April reaches past the cut source's last day (29 April): NULL in both
SELECT 'whole' AS form, ytd, projection, note FROM annual_projection('d3', 'v', 'd', 'k', 'prior_share', 'grain=month, through=04') WHERE year = 2023
UNION ALL SELECT 'cut', ytd, projection, note FROM annual_projection('cut3a', 'v', 'd', 'k', 'prior_share', 'grain=month, through=04') WHERE year = 2023;
-- @expect
-- | form|ytd|projection|note
-- | whole|||incomplete period
-- | cut|||incomplete period
-- @check projection_grain_days_future-3.3 yoy_growth is no backtest: June 2023 of the whole source stays whole, 28 days of 10 against 30: (280 - 300) / 300
SELECT period, value, round(growth, 2) AS growth FROM yoy_growth('d', 'v', 'd', 'k', 'grain=month') WHERE period = '2023-06';
-- @expect
-- | period|value|growth
-- | 2023-06|280|-6.67
