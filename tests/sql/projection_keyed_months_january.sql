.load build/tradestat
.headers on
.mode list
-- The promise (docs/reference/projection.md): the projection of a year
-- from a point is the same with every later period removed.  Day rows
-- one a month on the 1st are months keyed by their first day when their
-- year holds a month that starts no quarter (docs/design.md, "Roll-ups
-- know what they are missing"; vtab/series_extent.c, item 5), judged
-- over the year's rows, later ones included.  A series of one row on the
-- 1st of each month from 2022-01-01 to 2023-08-01 (100, 101, ... 119),
-- projected from January by prior_share: its 2023 row has ytd 112 and
-- 1417.92 (112 x 1266 / 100: 2022's total, 100 + ... + 111, over its
-- January) because February's row said 2023 is months; cut after 31
-- January, 2023 holds January alone, which could be a quarter, a half or
-- a year, so its row is a day of events in a source that ends on 1
-- January: 'incomplete period', NULL.  The rule (docs/design.md, "A
-- year's reading shown only by later rows"): a month whole only because
-- a later row shows the year is months is, projected from before that
-- row, incomplete -- both forms were NULL.  Since a year reads as the
-- year before it when its keys fit (docs/design.md, "A year keyed as the
-- year before"), 1 January 2023 is a month in both forms: 2022's rows,
-- in the past of every cut, show months keyed by their first day.  Both
-- forms give 112 x 1266 / 100, as the same figures labelled as months.
CREATE TABLE m(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19)
INSERT INTO m SELECT 'a', date('2022-01-01', '+' || i || ' months'), 100 + i FROM n;
CREATE TABLE cut AS SELECT * FROM m WHERE d <= '2023-01-31';
CREATE VIRTUAL TABLE temp.whole USING annual_projection(source=m, value=v, period=d, by=k,
  method=prior_share, grain=month, through=01);
CREATE VIRTUAL TABLE temp.upto USING annual_projection(source=cut, value=v, period=d, by=k,
  method=prior_share, grain=month, through=01);

-- @check projection_keyed_months_january-1.1 the 2023 row from January is the same with every row after 31 January removed
SELECT w.ytd IS u.ytd AND w.projection IS u.projection AS same_row
FROM temp.whole AS w JOIN temp.upto AS u USING (k, year) WHERE year = 2023;
-- @expect
-- | same_row
-- | 1
-- @check projection_keyed_months_january-1.2 both 1417.92, as the source cut after January and the month labels give
SELECT 'whole', year, ytd, projection, note FROM temp.whole WHERE year = 2023;
SELECT 'upto', year, ytd, projection, note FROM temp.upto WHERE year = 2023;
CREATE TABLE ml AS SELECT k, substr(d, 1, 7) AS m, v FROM m;
SELECT 'labels', year, ytd, projection, note FROM annual_projection('ml', 'v', 'm', 'k', 'prior_share', 'through=01') WHERE year = 2023;
-- @expect
-- | 'whole'|year|ytd|projection|note
-- | whole|2023|112|1417.92|fewer than 3 earlier years for an interval
-- | 'upto'|year|ytd|projection|note
-- | upto|2023|112|1417.92|fewer than 3 earlier years for an interval
-- | 'labels'|year|ytd|projection|note
-- | labels|2023|112|1417.92|fewer than 3 earlier years for an interval

CREATE TABLE cut2 AS SELECT * FROM m WHERE d <= '2023-02-28';
CREATE VIRTUAL TABLE temp.whole2 USING annual_projection(source=m, value=v, period=d, by=k,
  method=prior_share, grain=month, through=02);
CREATE VIRTUAL TABLE temp.upto2 USING annual_projection(source=cut2, value=v, period=d, by=k,
  method=prior_share, grain=month, through=02);
-- @check projection_keyed_months_january-2.1 from February the rows up to the point show months: 2023's ytd 112 + 113, projected by 2022's share (1266 / 201)
SELECT 'whole', year, ytd, printf('%.6f', projection) FROM temp.whole2 WHERE year = 2023;
SELECT 'upto', year, ytd, printf('%.6f', projection) FROM temp.upto2 WHERE year = 2023;
-- @expect
-- | 'whole'|year|ytd|printf('%.6f', projection)
-- | whole|2023|225|1417.164179
-- | 'upto'|year|ytd|printf('%.6f', projection)
-- | upto|2023|225|1417.164179

-- 3. Months keyed by their last day: 31 January is in a month that ends
-- no quarter, so January shows it alone (two months are needed for the
-- reading; a year of one such row is days, which the cut source, ending
-- on 31 January, holds whole too).
CREATE TABLE me(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO me SELECT 'a', date('2022-01-01', '+' || i || ' months', '-1 day'), 100 FROM n;
CREATE TABLE mecut AS SELECT * FROM me WHERE d <= '2023-01-31';
-- @check projection_keyed_months_january-3.1 month ends from January: the same row from the whole and the cut source (100 x 1200 / 100)
SELECT 'whole', year, ytd, projection FROM annual_projection('me', 'v', 'd', 'k', 'prior_share', 'grain=month, through=01') WHERE year = 2023;
SELECT 'upto', year, ytd, projection FROM annual_projection('mecut', 'v', 'd', 'k', 'prior_share', 'grain=month, through=01') WHERE year = 2023;
-- @expect
-- | 'whole'|year|ytd|projection
-- | whole|2023|100|1200.0
-- | 'upto'|year|ytd|projection
-- | upto|2023|100|1200.0
