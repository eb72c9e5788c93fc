.load build/tradestat
.headers on
.mode list
-- 1. The real KOSIS export (CP949, wide, `-`, `2019 4/4 p)`), unedited.
CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
-- @check kosis_csv-1.1
SELECT name, type FROM pragma_table_info('sales');
-- @expect
-- | name|type
-- | 국가(대륙)별|TEXT
-- | 상품군별|TEXT
-- | 판매유형별|TEXT
-- | period|TEXT
-- | value|NUMERIC
-- | preliminary|INTEGER
-- | label|TEXT
-- 450 records x 24 quarters; 450 preliminary cells (the 2019 4/4 p) column)
-- @check kosis_csv-1.2
SELECT count(*) = 450 * 24 AS cells, sum(preliminary) = 450 AS preliminary_cells,
       count(DISTINCT period) = 24 AS periods FROM sales;
-- @expect
-- | cells|preliminary_cells|periods
-- | 1|1|1
-- @check kosis_csv-1.3
SELECT * FROM sales WHERE rowid IN (1, 24, 25, 48);
-- @expect
-- | 국가(대륙)별|상품군별|판매유형별|period|value|preliminary|label
-- | 합계|합계|계|2014-Q1|148272|0|2014 1/4
-- | 합계|합계|계|2019-Q4|1860640|1|2019 4/4 p)
-- | 합계|합계|면세점|2014-Q1||0|2014 1/4
-- | 합계|합계|면세점|2019-Q4|1645003|1|2019 4/4 p)
-- `-` is NULL: the duty-free split starts in 2017
-- @check kosis_csv-1.4
SELECT count(*) AS null_cells, min(period) AS first_null, max(period) AS last_null
FROM sales WHERE value IS NULL;
-- @expect
-- | null_cells|first_null|last_null
-- | 3600|2014-Q1|2016-Q4
-- @check kosis_csv-1.5
SELECT typeof(value), count(*) FROM sales GROUP BY 1 ORDER BY 1;
-- @expect
-- | typeof(value)|count(*)
-- | integer|7200
-- | null|3600
-- Statistics Korea's published figures (README of the data): totals by hand
-- @check kosis_csv-1.6
SELECT sum(value) = 1244311 + 1338103 + 1517805 + 1860640 AS y2019_by_hand,
       sum(value) = 5960859 AS y2019_published
FROM sales WHERE "국가(대륙)별" = '합계' AND 상품군별 = '합계' AND 판매유형별 = '계' AND period_year(period) = 2019;
-- @expect
-- | y2019_by_hand|y2019_published
-- | 1|1
-- @check kosis_csv-1.7
SELECT sum(value) = 3603870 AS y2018_published
FROM sales WHERE "국가(대륙)별" = '합계' AND 상품군별 = '합계' AND 판매유형별 = '계' AND period_year(period) = 2018;
-- @expect
-- | y2018_published
-- | 1
-- @check kosis_csv-1.8
SELECT sum(value) = 5161893 AS china_2019_published
FROM sales WHERE "국가(대륙)별" = '중국' AND 상품군별 = '합계' AND 판매유형별 = '계' AND period_year(period) = 2019;
-- @expect
-- | china_2019_published
-- | 1
-- Q4 2019 on Q4 2018: 1860640 / 964762 - 1 = 92.86 %
-- @check kosis_csv-1.9
SELECT round(pct_change(q4.value, q4p.value), 1) AS q4_growth
FROM sales q4, sales q4p
WHERE q4.period = '2019-Q4' AND q4p.period = '2018-Q4'
  AND q4."국가(대륙)별" = '합계' AND q4.상품군별 = '합계' AND q4.판매유형별 = '계'
  AND q4p."국가(대륙)별" = '합계' AND q4p.상품군별 = '합계' AND q4p.판매유형별 = '계';
-- @expect
-- | q4_growth
-- | 92.9
-- The dimension totals add up: regions' 합계/계 rows sum to the 합계 row, every quarter
-- @check kosis_csv-1.10
SELECT count(*) AS quarters_where_regions_add_up FROM (
  SELECT period, sum(value) FILTER (WHERE "국가(대륙)별" <> '합계') AS regions,
         sum(value) FILTER (WHERE "국가(대륙)별" = '합계') AS total
  FROM sales WHERE 상품군별 = '합계' AND 판매유형별 = '계' GROUP BY period)
WHERE regions = total;
-- @expect
-- | quarters_where_regions_add_up
-- | 24
DROP TABLE sales;

-- 2. Long layout, UTF-8 without BOM, CRLF; and its CP949 twin: same rows.
CREATE VIRTUAL TABLE temp.long_u USING kosis_csv(file='tests/data/long_utf8.csv');
CREATE VIRTUAL TABLE temp.long_c USING kosis_csv(file = "tests/data/long_cp949.csv");
-- @check kosis_csv-2.1
SELECT rowid, *, typeof(value) FROM long_u;
-- @expect
-- | rowid|시도별|항목|period|value|preliminary|label|typeof(value)
-- | 1|서울|판매액|2017-Q1|1200|0|2017.1/4|integer
-- | 2|서울|판매액|2017-Q2||0|2017.2/4|null
-- | 3|서울|판매액|2018-Q1|1500|0|2018.1/4|integer
-- | 4|부산, 경남|판매액 "합계"|2017-Q1|300.5|0|2017.1/4|real
-- | 5|부산, 경남|판매액 "합계"|2018-Q1|450|1|2018.1/4 p)|integer
-- @check kosis_csv-2.2
SELECT count(*) AS rows_differing FROM (SELECT * FROM long_u EXCEPT SELECT * FROM long_c);
-- @expect
-- | rows_differing
-- | 0
-- @check kosis_csv-2.3
SELECT count(*) AS cp949_rows FROM long_c;
-- @expect
-- | cp949_rows
-- | 5
-- 3. Wide layout, UTF-8 with BOM and a field spanning two lines; and CP949.
CREATE VIRTUAL TABLE temp.wide_b USING kosis_csv(file='tests/data/wide_utf8_bom.csv');
CREATE VIRTUAL TABLE temp.wide_c USING kosis_csv(file='tests/data/wide_cp949.csv');
-- @check kosis_csv-2.4
SELECT rowid, * FROM wide_b WHERE 판매유형별 <> '계' OR value IS NULL;
-- @expect
-- | rowid|국가(대륙)별|판매유형별|period|value|preliminary|label
-- | 4|중국|계|2019-Q2||1|2019 2/4 p)
-- | 6|일본|계|2018-Q2||0|2018 2/4
-- | 9|미국|면세점
-- | 이외|2018-Q1|5|0|2018 1/4
-- | 10|미국|면세점
-- | 이외|2018-Q2|6|0|2018 2/4
-- | 11|미국|면세점
-- | 이외|2019-Q1|7|0|2019 1/4
-- | 12|미국|면세점
-- | 이외|2019-Q2|8|1|2019 2/4 p)
-- @check kosis_csv-2.5
SELECT count(*) AS rows_differing FROM (SELECT * FROM wide_b EXCEPT SELECT * FROM wide_c);
-- @expect
-- | rows_differing
-- | 0
-- @check kosis_csv-2.6
SELECT count(*) AS cp949_rows FROM wide_c;
-- @expect
-- | cp949_rows
-- | 12

-- 4. DIRECTONLY: not from a view or trigger of the main schema.
CREATE VIRTUAL TABLE main.wide_m USING kosis_csv(file='tests/data/wide_cp949.csv');
CREATE VIEW vm AS SELECT count(*) FROM wide_m;
-- @check kosis_csv-3.1
SELECT * FROM vm;
-- @error unsafe use of virtual table "wide_m"
-- @check kosis_csv-3.2
SELECT count(*) AS direct_use_is_fine FROM wide_m;
-- @expect
-- | direct_use_is_fine
-- | 12

-- 5. Bad arguments and bad files: the file and the line.
-- @check kosis_csv-4.1
CREATE VIRTUAL TABLE temp.e USING kosis_csv;
-- @error kosis_csv: missing argument file='path'
-- @check kosis_csv-4.2
CREATE VIRTUAL TABLE temp.e USING kosis_csv(path='x.csv');
-- @error kosis_csv: unknown argument 'path=''x.csv''' (expected file='path')
-- A long argument is shown cut to 60 bytes, as every message shows a value
-- (it was pasted whole).
-- @check kosis_csv-4.2b
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='x.csv', zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz=1);
-- @error kosis_csv: unknown argument 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...' (expected file='path')
-- @check kosis_csv-4.3
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='a.csv', file='b.csv');
-- @error kosis_csv: file= given twice
-- @check kosis_csv-4.4
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/missing.csv');
-- @error kosis_csv: tests/data/missing.csv: cannot open: no such file
-- @check kosis_csv-4.5
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data');
-- @error kosis_csv: tests/data: cannot open: is a directory
-- @check kosis_csv-4.6
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/empty.csv');
-- @error kosis_csv: tests/data/empty.csv line 1: the file is empty
-- @check kosis_csv-4.7
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/ragged.csv');
-- @error kosis_csv: tests/data/ragged.csv line 3: 2 fields, but the header (line 1) has 3
-- @check kosis_csv-4.8
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/ragged_after_multiline.csv');
-- @error kosis_csv: tests/data/ragged_after_multiline.csv line 4: 2 fields, but the header (line 1) has 3
-- @check kosis_csv-4.9
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/unterminated_quote.csv');
-- @error kosis_csv: tests/data/unterminated_quote.csv line 2: unterminated quoted field (field 3; the closing " is missing)
-- @check kosis_csv-4.10
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/after_quote.csv');
-- @error kosis_csv: tests/data/after_quote.csv line 2: text after the closing quote of field 1
-- @check kosis_csv-4.11
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_period_header.csv');
-- @error kosis_csv: tests/data/bad_period_header.csv line 1: column 3 header '2019 5/4' is not a period (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check kosis_csv-4.12
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_period_row.csv');
-- @error kosis_csv: tests/data/bad_period_row.csv line 3: "시점" '2019 2분기' is not a period (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check kosis_csv-4.13
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_value.csv');
-- @error kosis_csv: tests/data/bad_value.csv line 2: column "2019 2/4": value is not a number: 'n/a'
-- @check kosis_csv-4.14
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/duplicate_period.csv');
-- @error kosis_csv: tests/data/duplicate_period.csv line 1: columns 2 and 3 are the same period 2019-Q1 (one value per period and row is supported)
-- @check kosis_csv-4.15
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/clash.csv');
-- @error kosis_csv: tests/data/clash.csv line 1: column 1 is named "value", which kosis_csv uses for a result column
-- @check kosis_csv-4.16
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/long_missing_data.csv');
-- @error kosis_csv: tests/data/long_missing_data.csv line 1: a "시점" column but no "데이터" column (the long layout needs both)
-- @check kosis_csv-4.17
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/no_periods.csv');
-- @error kosis_csv: tests/data/no_periods.csv line 1: no period columns such as '2019 4/4' (wide layout) and no "시점" and "데이터" columns (long layout)
-- @check kosis_csv-4.18
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_encoding.csv');
-- @error kosis_csv: tests/data/bad_encoding.csv line 2: the text is neither UTF-8 nor CP949 (it reads as UTF-8 up to byte 0xff)
-- @check kosis_csv-4.19
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bom_not_utf8.csv');
-- @error kosis_csv: tests/data/bom_not_utf8.csv line 2: invalid UTF-8 (byte 0xb1) in a file that starts with a UTF-8 byte-order mark
-- @check kosis_csv-4.20
CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/bad_cp949.csv');
-- @error kosis_csv: tests/data/bad_cp949.csv line 2: the text is neither UTF-8 nor CP949 (it reads as CP949 up to byte 0xff)
-- @check kosis_csv-4.21
SELECT count(*) AS tables_left_behind FROM sqlite_temp_master WHERE name = 'e';
-- @expect
-- | tables_left_behind
-- | 0

-- Thousands separators follow the one rule of every number read (see
-- docs/conventions.md): a leading '0,' is a decimal comma or a typo, never
-- a thousands separator.  '0,001' used to load as 1 and '00,500' as 500.
-- The file is written into build/ by the check itself.
-- @check kosis_csv-5.1
SELECT writefile('build/kosis_decimal_comma.csv', 'region,2019 1/4,2019 2/4' || char(10) || 'A,"1,500","0,001"' || char(10)) > 0 AS written;
-- @expect
-- | written
-- | 1
-- @check kosis_csv-5.2
CREATE VIRTUAL TABLE temp.dc USING kosis_csv(file='build/kosis_decimal_comma.csv');
-- @error kosis_csv: build/kosis_decimal_comma.csv line 2: column "2019 2/4": value is not a number: '0,001'
-- @check kosis_csv-5.3
SELECT writefile('build/kosis_decimal_comma.csv', 'region,2019 1/4,2019 2/4' || char(10) || 'A,"1,500","00,500"' || char(10)) > 0 AS written;
-- @expect
-- | written
-- | 1
-- @check kosis_csv-5.4
CREATE VIRTUAL TABLE temp.dc USING kosis_csv(file='build/kosis_decimal_comma.csv');
-- @error kosis_csv: build/kosis_decimal_comma.csv line 2: column "2019 2/4": value is not a number: '00,500'
-- @check kosis_csv-5.5
SELECT writefile('build/kosis_decimal_comma.csv', 'region,2019 1/4,2019 2/4' || char(10) || 'A,"1,500","-1,234,567.5"' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.dc USING kosis_csv(file='build/kosis_decimal_comma.csv');
SELECT period, value FROM temp.dc;
-- @expect
-- | written
-- | 1
-- | period|value
-- | 2019-Q1|1500
-- | 2019-Q2|-1234567.5

-- Two records that nothing tells apart are an error, not two rows a
-- sum() would add up: in the long layout the same dimension values and
-- period (here '2019.01' and '2019-01'), in the wide layout the same
-- dimension values.  Files written into build/ by the checks.
-- @check kosis_csv-6.1
SELECT writefile('build/kosis_repeat_long.csv', '시점,region,데이터' || char(10) || '2019.01,A,5' || char(10)
  || '2019.01,B,6' || char(10) || '2019-01,A,7' || char(10)) > 0 AS written;
-- @expect
-- | written
-- | 1
-- @check kosis_csv-6.2
CREATE VIRTUAL TABLE temp.rl USING kosis_csv(file='build/kosis_repeat_long.csv');
-- @error kosis_csv: build/kosis_repeat_long.csv line 4: the same dimension values and period 2019-01 as line 2 (one value per period and row is supported)
-- @check kosis_csv-6.3
SELECT writefile('build/kosis_repeat_wide.csv', 'region,item,2019 1/4,2019 2/4' || char(10) || 'A,x,1,2' || char(10)
  || 'A,y,3,4' || char(10) || 'A,x,5,6' || char(10)) > 0 AS written;
-- @expect
-- | written
-- | 1
-- @check kosis_csv-6.4
CREATE VIRTUAL TABLE temp.rw USING kosis_csv(file='build/kosis_repeat_wide.csv');
-- @error kosis_csv: build/kosis_repeat_wide.csv line 4: the same dimension values as line 2 (one value per period and row is supported)
-- Records that differ in any dimension, or (long) in the period, load.
-- @check kosis_csv-6.5
SELECT writefile('build/kosis_repeat_long.csv', '시점,region,데이터' || char(10) || '2019.01,A,5' || char(10)
  || '2019.02,A,6' || char(10) || '2019.01,a,7' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.rl USING kosis_csv(file='build/kosis_repeat_long.csv');
SELECT region, period, value FROM temp.rl;
-- @expect
-- | written
-- | 1
-- | region|period|value
-- | A|2019-01|5
-- | A|2019-02|6
-- | a|2019-01|7

-- A unit column (KOSIS's `단위`, the Open API's `UNIT_NM`) that changes
-- within one series mixes scales: a table that went from 천원 to 백만원
-- read as one series by region gave a growth of -99.9 %.  Records equal
-- in every other dimension must have one unit (wide layout: whatever
-- periods they fill; long layout: whatever their periods).
-- @check kosis_csv-7.1
SELECT writefile('build/kosis_unit_wide.csv', '"시도별","단위",2016,2017,2018,2019' || char(10)
  || '"서울","천원",1000000,1100000,-,-' || char(10) || '"부산","천원",500000,520000,-,-' || char(10)
  || '"서울","백만원",-,-,1200,1300' || char(10)) > 0 AS written;
-- @expect
-- | written
-- | 1
-- @check kosis_csv-7.2
CREATE VIRTUAL TABLE temp.uw USING kosis_csv(file='build/kosis_unit_wide.csv');
-- @error kosis_csv: build/kosis_unit_wide.csv line 4: unit '백만원' (column "단위"), but line 2 has '천원' and the same other dimension values (one series in two units would mix their scales: convert it to one unit)
-- @check kosis_csv-7.3
SELECT writefile('build/kosis_unit_long.csv', '시점,region,UNIT_NM,데이터' || char(10)
  || '2017,A,thousand won,1000000' || char(10) || '2018,A,million won,1200' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ul USING kosis_csv(file='build/kosis_unit_long.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_unit_long.csv line 3: unit 'million won' (column "UNIT_NM"), but line 2 has 'thousand won' and the same other dimension values (one series in two units would mix their scales: convert it to one unit)
-- Units that differ between series (items, regions) load: each series
-- keeps one.
-- @check kosis_csv-7.4
SELECT writefile('build/kosis_unit_ok.csv', '"항목","단위",2018,2019' || char(10)
  || '"판매액","백만원",1200,1300' || char(10) || '"판매건수","건",15,16' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.uo USING kosis_csv(file='build/kosis_unit_ok.csv');
SELECT 항목, 단위, period, value FROM temp.uo;
-- @expect
-- | written
-- | 1
-- | 항목|단위|period|value
-- | 판매액|백만원|2018|1200
-- | 판매액|백만원|2019|1300
-- | 판매건수|건|2018|15
-- | 판매건수|건|2019|16

-- Two frequencies in one file: KOSIS exports a year's column beside its
-- quarters' when both are asked for.  Loaded, the year and its quarters
-- are rows of one series, and the check against the publisher above
-- (sum(value) FILTER (WHERE period_year(period) = 2019)) counted 2019
-- twice: 200 for 100.  Periods that overlap in time are an error, as the
-- same period twice is; kinds that follow one another (years, then
-- quarters) load.
-- @check kosis_csv-8.1
SELECT writefile('build/kosis_two_freq_wide.csv', '"지역","2019","2019 1/4","2019 2/4","2019 3/4","2019 4/4"'
  || char(10) || '"합계",100,20,30,25,25' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.fw USING kosis_csv(file='build/kosis_two_freq_wide.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_two_freq_wide.csv line 1: columns 2 and 3 overlap in time: 2019 and 2019-Q1 (two frequencies in one file: a sum over the year would count it twice; download one frequency per file)
-- @check kosis_csv-8.2
SELECT writefile('build/kosis_two_freq_long.csv', '시점,region,데이터' || char(10) || '2019.1/4,A,20' || char(10)
  || '2019,B,100' || char(10) || '2019.2/4,A,30' || char(10) || '2019,A,100' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.fl USING kosis_csv(file='build/kosis_two_freq_long.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_two_freq_long.csv line 5: period 2019 overlaps in time period 2019-Q1 of line 2, with the same dimension values (two frequencies in one file: a sum over the year would count it twice; download one frequency per file)
-- @check kosis_csv-8.3
SELECT writefile('build/kosis_freq_ok.csv', '"지역","2017","2018","2019 1/4","2019 2/4"' || char(10)
  || '"합계",90,95,20,30' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.fo USING kosis_csv(file='build/kosis_freq_ok.csv');
SELECT period, value FROM temp.fo;
-- @expect
-- | written
-- | 1
-- | period|value
-- | 2017|90
-- | 2018|95
-- | 2019-Q1|20
-- | 2019-Q2|30
