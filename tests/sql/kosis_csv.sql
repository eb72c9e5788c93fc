.load build/tradestat
.headers on
.mode list
-- 1. The real KOSIS export (CP949, wide, `-`, `2019 4/4 p)`), unedited.
CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
SELECT name, type FROM pragma_table_info('sales');
-- 450 records x 24 quarters; 450 preliminary cells (the 2019 4/4 p) column)
SELECT count(*) = 450 * 24 AS cells, sum(preliminary) = 450 AS preliminary_cells,
       count(DISTINCT period) = 24 AS periods FROM sales;
SELECT * FROM sales WHERE rowid IN (1, 24, 25, 48);
-- `-` is NULL: the duty-free split starts in 2017
SELECT count(*) AS null_cells, min(period) AS first_null, max(period) AS last_null
FROM sales WHERE value IS NULL;
SELECT typeof(value), count(*) FROM sales GROUP BY 1 ORDER BY 1;
-- Statistics Korea's published figures (README of the data): totals by hand
SELECT sum(value) = 1244311 + 1338103 + 1517805 + 1860640 AS y2019_by_hand,
       sum(value) = 5960859 AS y2019_published
FROM sales WHERE "국가(대륙)별" = '합계' AND 상품군별 = '합계' AND 판매유형별 = '계' AND period_year(period) = 2019;
SELECT sum(value) = 3603870 AS y2018_published
FROM sales WHERE "국가(대륙)별" = '합계' AND 상품군별 = '합계' AND 판매유형별 = '계' AND period_year(period) = 2018;
SELECT sum(value) = 5161893 AS china_2019_published
FROM sales WHERE "국가(대륙)별" = '중국' AND 상품군별 = '합계' AND 판매유형별 = '계' AND period_year(period) = 2019;
-- Q4 2019 on Q4 2018: 1860640 / 964762 - 1 = 92.86 %
SELECT round(pct_change(q4.value, q4p.value), 1) AS q4_growth
FROM sales q4, sales q4p
WHERE q4.period = '2019-Q4' AND q4p.period = '2018-Q4'
  AND q4."국가(대륙)별" = '합계' AND q4.상품군별 = '합계' AND q4.판매유형별 = '계'
  AND q4p."국가(대륙)별" = '합계' AND q4p.상품군별 = '합계' AND q4p.판매유형별 = '계';
-- The dimension totals add up: regions' 합계/계 rows sum to the 합계 row, every quarter
SELECT count(*) AS quarters_where_regions_add_up FROM (
  SELECT period, sum(value) FILTER (WHERE "국가(대륙)별" <> '합계') AS regions,
         sum(value) FILTER (WHERE "국가(대륙)별" = '합계') AS total
  FROM sales WHERE 상품군별 = '합계' AND 판매유형별 = '계' GROUP BY period)
WHERE regions = total;
DROP TABLE sales;

-- 2. Long layout, UTF-8 without BOM, CRLF; and its CP949 twin: same rows.
CREATE VIRTUAL TABLE temp.long_u USING kosis_csv(file='tests/data/long_utf8.csv');
CREATE VIRTUAL TABLE temp.long_c USING kosis_csv(file = "tests/data/long_cp949.csv");
SELECT rowid, *, typeof(value) FROM long_u;
SELECT count(*) AS rows_differing FROM (SELECT * FROM long_u EXCEPT SELECT * FROM long_c);
SELECT count(*) AS cp949_rows FROM long_c;
-- 3. Wide layout, UTF-8 with BOM and a field spanning two lines; and CP949.
CREATE VIRTUAL TABLE temp.wide_b USING kosis_csv(file='tests/data/wide_utf8_bom.csv');
CREATE VIRTUAL TABLE temp.wide_c USING kosis_csv(file='tests/data/wide_cp949.csv');
SELECT rowid, * FROM wide_b WHERE 판매유형별 <> '계' OR value IS NULL;
SELECT count(*) AS rows_differing FROM (SELECT * FROM wide_b EXCEPT SELECT * FROM wide_c);
SELECT count(*) AS cp949_rows FROM wide_c;

-- 4. DIRECTONLY: not from a view or trigger of the main schema.
CREATE VIRTUAL TABLE main.wide_m USING kosis_csv(file='tests/data/wide_cp949.csv');
CREATE VIEW vm AS SELECT count(*) FROM wide_m;
SELECT * FROM vm;
SELECT count(*) AS direct_use_is_fine FROM wide_m;

-- 5. Bad arguments and bad files: the file and the line.
CREATE VIRTUAL TABLE temp.e USING kosis_csv;
CREATE VIRTUAL TABLE temp.e USING kosis_csv(path='x.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='a.csv', file='b.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/missing.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/empty.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/ragged.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/ragged_after_multiline.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/unterminated_quote.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/after_quote.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_period_header.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_period_row.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_value.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/duplicate_period.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/clash.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/long_missing_data.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/no_periods.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_encoding.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bom_not_utf8.csv');
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_cp949.csv');
SELECT count(*) AS tables_left_behind FROM sqlite_temp_master WHERE name = 'e';
