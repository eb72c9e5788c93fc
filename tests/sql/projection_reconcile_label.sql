.load build/tradestat
.headers on
.mode list
-- reconcile= names each by column's total label.  A label that no series
-- of the source carries (a typo, another case in a BINARY column, the
-- total spelled 'World' where the data say 'Total') made no series a
-- total: the table answered every row with its own projection, the
-- totals' included, not the sums of their parts asked for, and said
-- nothing.  Such a label is now an error naming the argument, the column
-- and the label; the whole source decides (as the reconciliation does),
-- so a WHERE never turns it on or off, and an empty source is no error.
CREATE TABLE h(region TEXT, p TEXT, v INTEGER);
INSERT INTO h VALUES ('a', '2022-Q1', 10), ('a', '2022-Q2', 10), ('a', '2022-Q3', 10),
  ('a', '2022-Q4', 10), ('a', '2023-Q1', 12), ('a', '2023-Q2', 12),
  ('b', '2022-Q1', 5), ('b', '2022-Q2', 5), ('b', '2022-Q3', 20), ('b', '2022-Q4', 20),
  ('b', '2023-Q1', 6), ('b', '2023-Q2', 14);
INSERT INTO h SELECT 'Total', p, sum(v) FROM h GROUP BY p;
CREATE TABLE hn(region TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO hn SELECT * FROM h;
CREATE TABLE empty(region TEXT, p TEXT, v INTEGER);
CREATE VIRTUAL TABLE temp.typo USING annual_projection(source=h, value=v, period=p, by=region,
  method=prior_share, reconcile='region=TOTAL');
CREATE VIRTUAL TABLE temp.nocase USING annual_projection(source=hn, value=v, period=p, by=region,
  method=prior_share, reconcile='region=TOTAL');
CREATE VIRTUAL TABLE temp.none USING annual_projection(source=empty, value=v, period=p,
  by=region, method=prior_share, reconcile='region=Total');

-- @check projection_reconcile_label-1.1 'TOTAL' in a BINARY column: no series has it -- an error, not the total's own projection (44 x 90 / 30 = 132 where its parts' add up to 148, below)
SELECT region, year, projection, note FROM temp.typo WHERE year = 2023;
-- @error annual_projection: reconcile=: no series of the source has the total 'TOTAL' in "region" (labels compare as the column does)
-- @check projection_reconcile_label-1.2 under a WHERE on the series too (the whole source decides)
SELECT region, year, projection FROM temp.typo WHERE region = 'a';
-- @error annual_projection: reconcile=: no series of the source has the total 'TOTAL' in "region" (labels compare as the column does)
-- @check projection_reconcile_label-1.3 a NOCASE column: 'TOTAL' is Total; 2023: a 24 x 40 / 20 = 48, b 20 x 50 / 10 = 100, the total 44 + (48 - 24) + (100 - 20) = 148
SELECT region, year, projection FROM temp.nocase WHERE year = 2023 ORDER BY region;
-- @expect
-- | region|year|projection
-- | a|2023|48.0
-- | b|2023|100.0
-- | Total|2023|148.0
-- @check projection_reconcile_label-1.4 an empty source: no rows, no error
SELECT count(*) AS n FROM temp.none;
-- @expect
-- | n
-- | 0
