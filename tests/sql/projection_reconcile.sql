.load build/tradestat
.headers on
.mode list
-- 1. reconcile= on one by column.  Quarterly sales of product a in two
--    regions and their total, whose label is stored as 'TOTAL' in a NOCASE
--    column (reconcile='region=total' finds it), and north written in two
--    cases (one series under NOCASE).  prior_share from H1 is not additive,
--    so the total's own projection and the sum of its parts' differ.
CREATE TABLE shop(product TEXT, region TEXT COLLATE NOCASE, period TEXT, amount INTEGER);
INSERT INTO shop VALUES
 ('a','north','2020-Q1',10),('a','north','2020-Q2',20),('a','north','2020-Q3',30),('a','north','2020-Q4',40),
 ('a','NORTH','2021-Q1',12),('a','NORTH','2021-Q2',22),('a','NORTH','2021-Q3',32),('a','NORTH','2021-Q4',42),
 ('a','north','2022-Q1',14),('a','north','2022-Q2',24),
 ('a','south','2020-Q1',5),('a','south','2020-Q2',5),('a','south','2020-Q3',5),('a','south','2020-Q4',5),
 ('a','south','2021-Q1',6),('a','south','2021-Q2',6),('a','south','2021-Q3',6),('a','south','2021-Q4',6),
 ('a','south','2022-Q1',7),('a','south','2022-Q2',7);
INSERT INTO shop SELECT 'a', 'TOTAL', period, sum(amount) FROM shop WHERE product = 'a' GROUP BY period;
CREATE VIRTUAL TABLE own USING annual_projection(source=shop, value=amount, period=period,
  by='product, region', method=prior_share, through=H1);
CREATE VIRTUAL TABLE rec USING annual_projection(source=shop, value=amount, period=period,
  by='product, region', method=prior_share, through=H1, reconcile='region=total');
-- 2022 from H1: north 38 * 108 / 34 = 120.7058823529, south 14 * 24 / 12 = 28; the
-- total's own 52 * 132 / 46 = 149.2173913043; reconciled 52 + (120.7058823529 - 38)
-- + (28 - 14) = 148.7058823529, the sum of the parts' projections.
-- @check projection_reconcile-1.1 the total's own projection and its reconciled one
SELECT own.region, own.year, own.ytd, round(own.projection, 10) AS own, round(rec.projection, 10) AS reconciled
FROM own JOIN rec USING (product, region, year) WHERE year = 2022;
-- @expect
-- | region|year|ytd|own|reconciled
-- | north|2022|38|120.7058823529|120.7058823529
-- | south|2022|14|28.0|28.0
-- | TOTAL|2022|52|149.2173913043|148.7058823529
-- 2021: north 34 * 100 / 30, south 12 * 20 / 10 = 24: 46 + 79.33 + 12 = 137.33; 2020 has
-- no prior year, so no part has a projection: not reconciled, and the note names the part.
-- @check projection_reconcile-1.2 every row of the total
SELECT year, ytd, round(projection, 10) AS projection, low, high, method, actual, round(error, 6) AS error, note
FROM rec WHERE region = 'total';
-- @expect
-- | year|ytd|projection|low|high|method|actual|error|note
-- | 2020|40||||prior_share|120||not reconciled: part 'north' has no projection (no complete prior year)
-- | 2021|46|137.3333333333|124.282452247022|151.754685423794|prior_share|132|4.040404|reconciled: its year-to-date plus its parts' projections of the rest; interval from the spread of this year's periods (no earlier errors)
-- | 2022|52|148.7058823529|138.083217245407|160.14574317939|prior_share|||reconciled: its year-to-date plus its parts' projections of the rest; interval from the spread of this year's periods (no earlier errors)
-- @check projection_reconcile-1.3 parts are never changed
SELECT count(*) AS rows, sum(own.projection IS rec.projection AND own.low IS rec.low AND own.high IS rec.high
                             AND own.note IS rec.note) AS same
FROM own JOIN rec USING (product, region, year) WHERE region <> 'total';
-- @expect
-- | rows|same
-- | 6|6
-- the table-valued form takes reconcile= among its options
-- @check projection_reconcile-1.4
SELECT series, year, round(projection, 10) AS projection
FROM annual_projection('shop', 'amount', 'period', 'product, region', 'prior_share',
                       'through=H1, reconcile=''region=Total''')
WHERE json_extract(series, '$[1]') = 'TOTAL';
-- @expect
-- | series|year|projection
-- | ["a","TOTAL"]|2020|
-- | ["a","TOTAL"]|2021|137.3333333333
-- | ["a","TOTAL"]|2022|148.7058823529
-- The other by columns are compared under their collation too: the total's
-- product 'A' and its parts' 'a' are one product in a NOCASE column.
CREATE TABLE shop_nocase(product TEXT COLLATE NOCASE, region TEXT COLLATE NOCASE, period TEXT, amount INTEGER);
INSERT INTO shop_nocase SELECT CASE WHEN region = 'total' THEN 'A' ELSE 'a' END, region, period, amount FROM shop;
CREATE VIRTUAL TABLE rec_nocase USING annual_projection(source=shop_nocase, value=amount, period=period,
  by='product, region', method=prior_share, through=H1, reconcile='region=Total');
-- @check projection_reconcile-1.5
SELECT product, region, year, round(projection, 10) AS projection FROM rec_nocase WHERE region = 'total' AND year > 2020;
-- @expect
-- | product|region|year|projection
-- | A|TOTAL|2021|137.3333333333
-- | A|TOTAL|2022|148.7058823529

-- 2. What cannot be reconciled, said in note, the projection NULL: product
--    b's part east misses 2021-Q2 (so it has no projection of 2021, nor of
--    2022: its prior year is incomplete); product c's stored total is 10 %
--    above its parts.
INSERT INTO shop SELECT 'b', region, period, amount * 2 FROM shop WHERE product = 'a' AND region <> 'south';
INSERT INTO shop SELECT 'b', 'east', period, amount * 2 FROM shop
  WHERE product = 'a' AND region = 'south' AND period <> '2021-Q2';
INSERT INTO shop SELECT 'c', region, period, CASE WHEN region = 'total' THEN amount * 11 / 10 ELSE amount END
  FROM shop WHERE product = 'a';
-- @check projection_reconcile-2.1
SELECT product, year, ytd, projection, note FROM rec WHERE region = 'total' AND product <> 'a';
-- @expect
-- | product|year|ytd|projection|note
-- | b|2020|80||not reconciled: part 'east' has no projection (no complete prior year)
-- | b|2021|92||not reconciled: part 'east' has no projection (incomplete year-to-date)
-- | b|2022|104||not reconciled: part 'east' has no projection (no complete prior year)
-- | c|2020|43||not reconciled: part 'north' has no projection (no complete prior year)
-- | c|2021|49||not reconciled: its parts' year-to-date (46.0) is not its own (49.0) within 1 %
-- | c|2022|57||not reconciled: its parts' year-to-date (52.0) is not its own (57.0) within 1 %
-- product a is unchanged by the other products (its parts are its own regions)
-- @check projection_reconcile-2.2
SELECT year, round(projection, 10) AS projection FROM rec WHERE product = 'a' AND region = 'total' AND year > 2020;
-- @expect
-- | year|projection
-- | 2021|137.3333333333
-- | 2022|148.7058823529
-- A part that has no data yet by the point projected from is not a part
-- yet: west starts in 2022-Q3 (after H1), so 2022 is reconciled without it.
CREATE TABLE late(product TEXT, region TEXT COLLATE NOCASE, period TEXT, amount INTEGER);
INSERT INTO late SELECT product, region, period, amount FROM shop WHERE product = 'a';
INSERT INTO late VALUES ('a', 'west', '2022-Q3', 5);
CREATE VIRTUAL TABLE rec_late USING annual_projection(source=late, value=amount, period=period,
  by='product, region', method=prior_share, through=H1, reconcile='region=total');
-- @check projection_reconcile-2.3
SELECT year, round(projection, 10) AS projection, note FROM rec_late WHERE region = 'total' AND year = 2022;
-- @expect
-- | year|projection|note
-- | 2022|148.7058823529|reconciled: its year-to-date plus its parts' projections of the rest; interval from the spread of this year's periods (no earlier errors)
-- through= left to each series: west (now with 2022-Q2 too) is projected from
-- its latest period, Q3, the total from Q2.
CREATE TABLE late2(product TEXT, region TEXT COLLATE NOCASE, period TEXT, amount INTEGER);
INSERT INTO late2 SELECT * FROM late;
INSERT INTO late2 VALUES ('a', 'west', '2022-Q2', 3);
CREATE VIRTUAL TABLE rec_own_point USING annual_projection(source=late2, value=amount, period=period,
  by='product, region', method=prior_share, reconcile='region=total');
-- @check projection_reconcile-2.4
SELECT year, projection, note FROM rec_own_point WHERE region = 'total' AND year = 2022;
-- @expect
-- | year|projection|note
-- | 2022||not reconciled: part 'west' is projected from another point of the year

-- 3. A WHERE never changes a row it keeps: the reconciliation is made from
--    the whole source.  Each filtered query against the same rows of a
--    materialized copy (EXCEPT both ways: no row differs).
CREATE TEMP TABLE rec_all(product, region COLLATE NOCASE, year, through, periods_observed, periods_per_year,
  ytd, projection, low, high, method, actual, error, preliminary, note);
INSERT INTO rec_all SELECT * FROM rec;
-- @check projection_reconcile-3.1
SELECT (SELECT count(*) FROM (SELECT * FROM rec WHERE region = 'total' EXCEPT SELECT * FROM rec_all WHERE region = 'total'))
     + (SELECT count(*) FROM (SELECT * FROM rec_all WHERE region = 'total' EXCEPT SELECT * FROM rec WHERE region = 'total'))
  AS differ, (SELECT count(*) FROM rec WHERE region = 'total') AS rows;
-- @expect
-- | differ|rows
-- | 0|9
-- @check projection_reconcile-3.2
SELECT (SELECT count(*) FROM (SELECT * FROM rec WHERE product IN ('a', 'c') AND year >= 2021 EXCEPT
                              SELECT * FROM rec_all WHERE product IN ('a', 'c') AND year >= 2021))
     + (SELECT count(*) FROM (SELECT * FROM rec WHERE year = 2022 AND region = 'TOTAL' EXCEPT
                              SELECT * FROM rec_all WHERE year = 2022 AND region = 'TOTAL'))
     + (SELECT count(*) FROM (SELECT * FROM rec WHERE year < 2022 EXCEPT SELECT * FROM rec_all WHERE year < 2022))
  AS differ;
-- @expect
-- | differ
-- | 0
-- More shapes of WHERE: IN, a multi-index OR, a range of years, a filter
-- matching nothing of the parts.
-- @check projection_reconcile-3.4
SELECT (SELECT count(*) FROM (SELECT * FROM rec WHERE region IN ('north', 'Total') EXCEPT
                              SELECT * FROM rec_all WHERE region IN ('north', 'Total')))
     + (SELECT count(*) FROM (SELECT * FROM rec WHERE product = 'b' OR region = 'TOTAL' EXCEPT
                              SELECT * FROM rec_all WHERE product = 'b' OR region = 'TOTAL'))
     + (SELECT count(*) FROM (SELECT * FROM rec WHERE year BETWEEN 2021 AND 2021 AND region = 'total' EXCEPT
                              SELECT * FROM rec_all WHERE year BETWEEN 2021 AND 2021 AND region = 'total'))
  AS differ,
  (SELECT count(*) FROM rec WHERE product = 'b' OR region = 'TOTAL') AS or_rows;
-- @expect
-- | differ|or_rows
-- | 0|15
-- No data from the future: the source cut after 2021-Q2 gives 2021's row.
CREATE VIEW cut AS SELECT * FROM shop WHERE period <= '2021-Q2';
CREATE VIRTUAL TABLE rec_cut USING annual_projection(source=cut, value=amount, period=period,
  by='product, region', method=prior_share, through=H1, reconcile='region=total');
-- @check projection_reconcile-3.3
SELECT c.product, c.projection IS f.projection AS same, c.note IS f.note AS same_note
FROM rec_cut AS c JOIN rec_all AS f USING (product, region, year) WHERE c.year = 2021 AND c.region = 'TOTAL';
-- @expect
-- | product|same|same_note
-- | a|1|1
-- | b|1|1
-- | c|1|1

-- 4. Two hierarchy columns: every total is made from the parts alone.  Product
--    x has product a's regions swapped and tripled (x north = 3 * a south,
--    x south = 3 * a north), and product 'all' is the sum of a and x in
--    each region.  2022 from H1, the parts' projections (ytd -> projection):
--    a north 38 -> 120.7058823529, a south 14 -> 28, x north 42 -> 84, x
--    south 114 -> 362.1176470588.  Reconciled: (all, north) 80 + 82.7058823529
--    + 42 = 204.7058823529 (its own: 80 * 180 / 70 = 205.7142857143), (all,
--    south) 128 + 14 + 248.1176470588, (all, TOTAL) 208 + every part's rest
--    = 594.8235294118, (x, TOTAL) 156 + 42 + 248.1176470588.
CREATE TABLE cube(product TEXT, region TEXT COLLATE NOCASE, period TEXT, amount INTEGER);
INSERT INTO cube SELECT product, region, period, amount FROM shop WHERE product = 'a';
INSERT INTO cube SELECT 'x', CASE region WHEN 'north' THEN 'south' WHEN 'south' THEN 'north' ELSE region END,
  period, amount * 3 FROM cube WHERE product = 'a';
INSERT INTO cube SELECT 'all', region, period, sum(amount) FROM cube GROUP BY region, period;
CREATE VIRTUAL TABLE rec2 USING annual_projection(source=cube, value=amount, period=period,
  by='product, region', method=prior_share, through=H1, reconcile='region=Total, product=all');
-- @check projection_reconcile-4.1
SELECT product, region, round(projection, 10) AS projection FROM rec2
WHERE year = 2022 AND (product = 'all' OR region = 'TOTAL') ORDER BY product, region;
-- @expect
-- | product|region|projection
-- | a|TOTAL|148.7058823529
-- | all|north|204.7058823529
-- | all|south|390.1176470588
-- | all|TOTAL|594.8235294118
-- | x|TOTAL|446.1176470588
-- product=ALL is no label of the BINARY product column: no series is a
-- product total.  The 'all' rows were then parts with their own
-- projections (north 205.7142857143, not the 204.7058823529 of its
-- products above, south 128 * 348 / 114 = 390.7368421053) and (all, TOTAL)
-- was reconciled over regions alone (596.4511278195, not 594.8235294118):
-- the product dimension asked for was not reconciled, and nothing said so.
-- A label no series of the source has is an error
-- (tests/sql/projection_reconcile_label.sql).
CREATE VIRTUAL TABLE rec2_upper USING annual_projection(source=cube, value=amount, period=period,
  by='product, region', method=prior_share, through=H1, reconcile='region=Total, product=ALL');
-- @check projection_reconcile-4.2
SELECT product, region, round(projection, 10) AS projection FROM rec2_upper
WHERE year = 2022 AND product = 'all' ORDER BY region;
-- @error annual_projection: reconcile=: no series of the source has the total 'ALL' in "product" (labels compare as the column does)
-- with auto too, each total's projected rest of the year is the sum of its parts'
CREATE VIRTUAL TABLE rec_auto USING annual_projection(source=cube, value=amount, period=period,
  by='product, region', through=Q1, reconcile='region=total, product=all');
-- @check projection_reconcile-4.3
SELECT count(*) AS totals, sum(abs(t.projection - t.ytd - (SELECT sum(p.projection - p.ytd) FROM rec_auto AS p
         WHERE p.year = t.year AND p.product <> 'all' AND p.region <> 'total'
           AND (t.product = 'all' OR p.product = t.product) AND (t.region = 'total' OR p.region = t.region))) < 1e-9) AS add_up,
       count(t.low) AS with_interval, sum(t.low <= t.projection AND t.projection <= t.high AND t.low >= t.ytd) AS inside
FROM rec_auto AS t WHERE (t.product = 'all' OR t.region = 'total') AND t.projection IS NOT NULL;
-- @expect
-- | totals|add_up|with_interval|inside
-- | 15|15|5|5

-- 5. Errors name the function, the argument and the value.
-- @check projection_reconcile-5.1
CREATE VIRTUAL TABLE e1 USING annual_projection(source=shop, value=amount, period=period, by='product, region', reconcile=region);
-- @error annual_projection: reconcile= must be by columns with the labels of their totals, like 'region=Total': 'region'
-- @check projection_reconcile-5.2
CREATE VIRTUAL TABLE e2 USING annual_projection(source=shop, value=amount, period=period, by='product, region', reconcile='place=total');
-- @error annual_projection: reconcile= names "place", which is not a by column (by: product, region): 'place=total'
-- @check projection_reconcile-5.3
CREATE VIRTUAL TABLE e3 USING annual_projection(source=shop, value=amount, period=period, by='product, region', reconcile='region=total, Region=all');
-- @error annual_projection: reconcile= names the by column "Region" twice: 'region=total, Region=all'
-- @check projection_reconcile-5.4
CREATE VIRTUAL TABLE e4 USING annual_projection(source=shop, value=amount, period=period, reconcile='region=total');
-- @error annual_projection: reconcile= needs by columns (the hierarchy is in them): 'region=total'
-- @check projection_reconcile-5.5
CREATE VIRTUAL TABLE e5 USING annual_projection(source=shop, value=amount, period=period, by=region, reconcile='region=');
-- @error annual_projection: reconcile= must be by columns with the labels of their totals, like 'region=Total': 'region='
-- @check projection_reconcile-5.6
SELECT count(*) FROM annual_projection('shop', 'amount', 'period', 'region', 'snaive', 'reconcile=''product=total''');
-- @error annual_projection: reconcile= names "product", which is not a by column (by: region): 'product=total'

-- 6. The shipped KOSIS file, three hierarchy columns, auto from Q2: every
--    reconciled total's point inside its interval and low >= ytd (no
--    negative value in any total), and each year's rows equal to those made
--    from the file cut right after that year's Q2 (no data from the future).
CREATE VIRTUAL TABLE temp.kosis USING kosis_csv(
  file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
CREATE VIRTUAL TABLE temp.cube3 USING annual_projection(source=kosis, value=value, period=period,
  by='"국가(대륙)별", 상품군별, 판매유형별', through=Q2,
  reconcile='"국가(대륙)별"=합계, 상품군별=합계, 판매유형별=계');
CREATE TEMP TABLE cube3_all AS SELECT * FROM temp.cube3;
-- 198 of the 450 series are totals (all but the 9 x 14 x 2 region, product
-- and sales-type parts), reconciled in 2017-2019 (the sales-type parts start
-- in 2017): 594 rows.
-- @check projection_reconcile-6.1
SELECT count(*) AS reconciled, count(low) > 0 AS some_interval,
       sum(low > projection OR projection > high) AS outside, sum(low < ytd) AS below_ytd
FROM cube3_all WHERE note LIKE 'reconciled%';
-- @expect
-- | reconciled|some_interval|outside|below_ytd
-- | 594|1|0|0
CREATE TEMP VIEW kosis_2018 AS SELECT * FROM temp.kosis WHERE period <= '2018-Q2';
CREATE VIRTUAL TABLE temp.cube3_2018 USING annual_projection(source=kosis_2018, value=value, period=period,
  by='"국가(대륙)별", 상품군별, 판매유형별', through=Q2,
  reconcile='"국가(대륙)별"=합계, 상품군별=합계, 판매유형별=계');
-- (Read once, MATERIALIZED: as the inner loop of the join the table would
-- be filtered, and its whole-source pre-pass run, once per outer row.)
-- @check projection_reconcile-6.2
WITH c AS MATERIALIZED (SELECT * FROM temp.cube3_2018 WHERE year = 2018)
SELECT count(*) AS rows_2018, sum(c.projection IS f.projection AND c.low IS f.low AND c.high IS f.high
                                  AND c.note IS f.note) AS same
FROM c JOIN cube3_all AS f USING ("국가(대륙)별", 상품군별, 판매유형별, year);
-- @expect
-- | rows_2018|same
-- | 450|450
