.load build/tradestat
.headers on
.mode list
-- kosis_csv over a long file with a cycle column: KOSIS's Open API
-- writes PRD_SE (Y/A, H, Q, M, D), PRD_DE and DT; tools that translate
-- its names write 수록주기, 수록시점 and 수치값.  Its quarters and halves
-- are YYYY0N: 201904 is Q4.  Read as written, 201901..201904 are the
-- months January..April: loaded before, a portal-style file with a
-- 수록주기 column of 분기 came out as months 2019-01 and 2019-02, and
-- period_rollup(period, 'quarter') summed Q1..Q3 into one "2019-Q1"
-- three times too large.  The cycle decides how the period is read.

-- @check kosis_cycle-1.1 the Open API's names: PRD_SE Q reads 201901..201904 as quarters
SELECT writefile('build/kosis_cycle_api.csv',
  'ORG_ID,TBL_ID,C1_NM,ITM_NM,UNIT_NM,PRD_SE,PRD_DE,DT,LST_CHN_DE' || char(10)
  || '101,DT_X,전국,수출,백만원,Q,201901,100,2020-01-05' || char(10)
  || '101,DT_X,전국,수출,백만원,Q,201902,110,2020-01-05' || char(10)
  || '101,DT_X,전국,수출,백만원,Q,201903,120,2020-02-07' || char(10)
  || '101,DT_X,전국,수출,백만원,Q,201904,130,2020-02-07' || char(10)
  || '101,DT_X,전국,수출,백만원,Q,202001,150,2020-05-01' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.api USING kosis_csv(file='build/kosis_cycle_api.csv');
SELECT C1_NM, PRD_SE, period, value, label FROM temp.api;
-- @expect
-- | written
-- | 1
-- | C1_NM|PRD_SE|period|value|label
-- | 전국|Q|2019-Q1|100|201901
-- | 전국|Q|2019-Q2|110|201902
-- | 전국|Q|2019-Q3|120|201903
-- | 전국|Q|2019-Q4|130|201904
-- | 전국|Q|2020-Q1|150|202001
-- The year's total is the four quarters (100+110+120+130 = 460); the
-- growth of 2020-Q1 is on 2019-Q1: 150/100 - 1 = 50 %.  Read as months,
-- the quarter roll-up gave 2019-Q1 = 330 and 2019-Q2 = 130.
-- @check kosis_cycle-1.2
SELECT period_rollup(period, 'quarter') AS quarter, sum(value) AS value FROM temp.api
WHERE period_year(period) = 2019 GROUP BY 1;
SELECT period, growth FROM yoy_growth('temp.api', 'value', 'period', 'C1_NM')
WHERE period = '2020-Q1';
-- @expect
-- | quarter|value
-- | 2019-Q1|100
-- | 2019-Q2|110
-- | 2019-Q3|120
-- | 2019-Q4|130
-- | period|growth
-- | 2020-Q1|50.0

-- @check kosis_cycle-2.1 the translated names, and KOSIS's Korean cycle names
SELECT writefile('build/kosis_cycle_ko.csv',
  '분류값명1,수록주기,수록시점,수치값' || char(10)
  || '서울,반기,201901,10' || char(10) || '서울,반기,201902,20' || char(10)
  || '부산,분기,201904,5' || char(10) || '대구,월,201904,7' || char(10)
  || '대전,년,2019,9' || char(10) || '광주,,2019.2/4,3' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ko USING kosis_csv(file='build/kosis_cycle_ko.csv');
SELECT 분류값명1, period, value, label FROM temp.ko;
-- @expect
-- | written
-- | 1
-- | 분류값명1|period|value|label
-- | 서울|2019-H1|10|201901
-- | 서울|2019-H2|20|201902
-- | 부산|2019-Q4|5|201904
-- | 대구|2019-04|7|201904
-- | 대전|2019|9|2019
-- | 광주|2019-Q2|3|2019.2/4
-- @check kosis_cycle-2.3 days: the Open API's YYYYMMDD under D, a date that exists
SELECT writefile('build/kosis_cycle_days.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,D,20240229,1' || char(10) || 'a,일,2024-03-01,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.days USING kosis_csv(file='build/kosis_cycle_days.csv');
SELECT period, value, label FROM temp.days;
SELECT writefile('build/kosis_cycle_bad_day.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,D,20230229,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.bad_day USING kosis_csv(file='build/kosis_cycle_bad_day.csv');
-- @expect
-- | written
-- | 1
-- | period|value|label
-- | 2024-02-29|1|20240229
-- | 2024-03-01|2|2024-03-01
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_bad_day.csv line 2: "PRD_DE" '20230229' is not a period (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check kosis_cycle-2.2 the portal's names 시점/데이터 with a 수록주기 column
SELECT writefile('build/kosis_cycle_portal.csv', 'C1_NM,수록주기,시점,데이터' || char(10)
  || 'a,분기,201901,1' || char(10) || 'a,분기,201902,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.portal USING kosis_csv(file='build/kosis_cycle_portal.csv');
SELECT period, value FROM temp.portal;
-- @expect
-- | written
-- | 1
-- | period|value
-- | 2019-Q1|1
-- | 2019-Q2|2

-- A period of another kind than its cycle, and a cycle tradestat has no
-- kind for, are errors: either would be read as something else.
-- @check kosis_cycle-3.1 201905 under Q is no quarter
SELECT writefile('build/kosis_cycle_bad.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,Q,201904,1' || char(10) || 'a,Q,201905,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.bad USING kosis_csv(file='build/kosis_cycle_bad.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_bad.csv line 3: "PRD_DE" '201905' is a month, but column "PRD_SE" says 'Q', a quarter
-- @check kosis_cycle-3.2 a year under M
SELECT writefile('build/kosis_cycle_bad2.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,M,2019,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.bad2 USING kosis_csv(file='build/kosis_cycle_bad2.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_bad2.csv line 2: "PRD_DE" '2019' is a year, but column "PRD_SE" says 'M', a month
-- @check kosis_cycle-3.3 an irregular cycle
SELECT writefile('build/kosis_cycle_ir.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,IR,201901,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ir USING kosis_csv(file='build/kosis_cycle_ir.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_ir.csv line 2: column "PRD_SE": cycle 'IR' is not one kosis_csv reads (expected Y or A, H or S, Q, M, D, or an empty cell)
-- @check kosis_cycle-3.4 a control byte and a long cycle are shown cut, as every value
SELECT writefile('build/kosis_cycle_long.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,' || replace(printf('%.70c', 'x'), ' ', 'x') || ',201901,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.cl USING kosis_csv(file='build/kosis_cycle_long.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_long.csv line 2: column "PRD_SE": cycle 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not one kosis_csv reads (expected Y or A, H or S, Q, M, D, or an empty cell)

-- A file with the quarters and the months of one series: read by their
-- cycles they overlap in time, and a sum over the year would count it
-- twice.  The cycle column and the date of the last change (LST_CHN_DE)
-- differ between the rows of one series, so the checks for overlaps,
-- duplicates and units look through them.
-- @check kosis_cycle-4.1 quarters and months of one series overlap
SELECT writefile('build/kosis_cycle_two.csv', 'C1_NM,PRD_SE,PRD_DE,DT,LST_CHN_DE' || char(10)
  || 'a,M,201901,1,2020-01-05' || char(10) || 'a,M,201902,2,2020-01-05' || char(10)
  || 'a,Q,201901,3,2020-03-01' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.two USING kosis_csv(file='build/kosis_cycle_two.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_two.csv line 4: period 2019-Q1 overlaps in time period 2019-01 of line 2, with the same dimension values (two frequencies in one file: a sum over the year would count it twice; download one frequency per file)
-- @check kosis_cycle-4.2 one figure twice, revised on two days
SELECT writefile('build/kosis_cycle_dup.csv', 'C1_NM,PRD_SE,PRD_DE,DT,LST_CHN_DE' || char(10)
  || 'a,Q,201901,1,2020-01-05' || char(10) || 'a,Q,201901,2,2020-03-01' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.dup USING kosis_csv(file='build/kosis_cycle_dup.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_dup.csv line 3: the same dimension values and period 2019-Q1 as line 2 (one value per period and row is supported)
-- @check kosis_cycle-4.3 two units in one series across its cycles' rows
SELECT writefile('build/kosis_cycle_unit.csv', 'C1_NM,UNIT_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,천원,A,2018,1000' || char(10) || 'a,백만원,Q,201901,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.unit USING kosis_csv(file='build/kosis_cycle_unit.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_unit.csv line 3: unit '백만원' (column "UNIT_NM"), but line 2 has '천원' and the same other dimension values (one series in two units would mix their scales: convert it to one unit)

-- Without a cycle column the period is read as written, PRD_DE or DT
-- alone is an ordinary column of a wide file, and two period columns of
-- a long file are an error.  But under the Open API's period name a
-- six-digit period with no cycle to read it by is an error: 201901 is
-- Q1 of a quarterly table and January of a monthly one, and read as a
-- month, Q1..Q3 rolled up to quarters made one "Q1" three times too
-- large.  A year or a label form is read as written.
-- @check kosis_cycle-5.1 no cycle column
SELECT writefile('build/kosis_cycle_none.csv', 'C1_NM,PRD_DE,DT' || char(10)
  || 'a,201901,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.none USING kosis_csv(file='build/kosis_cycle_none.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_none.csv line 2: column "PRD_DE": period '201901' has no cycle to read it by (the Open API writes quarter 1 and January alike, 201901): keep its PRD_SE column (Q or M)
-- @check kosis_cycle-5.1b an empty cycle cell, under the translated names
SELECT writefile('build/kosis_cycle_empty.csv', 'C1_NM,수록주기,수록시점,수치값' || char(10)
  || 'a,M,201812,5' || char(10) || 'a,,201901,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.empty_cycle USING kosis_csv(file='build/kosis_cycle_empty.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_empty.csv line 3: column "수록시점": period '201901' has no cycle to read it by (the Open API writes quarter 1 and January alike, 201901): keep its PRD_SE column (Q or M)
-- @check kosis_cycle-5.1c years and label forms need no cycle
SELECT writefile('build/kosis_cycle_years.csv', 'C1_NM,PRD_DE,DT' || char(10)
  || 'a,2018,1' || char(10) || 'a,2019-Q1,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.years USING kosis_csv(file='build/kosis_cycle_years.csv');
SELECT period, value FROM temp.years;
-- @expect
-- | written
-- | 1
-- | period|value
-- | 2018|1
-- | 2019-Q1|2
-- @check kosis_cycle-5.2
SELECT writefile('build/kosis_cycle_wide.csv', 'DT,2018,2019' || char(10)
  || 'a,1,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide USING kosis_csv(file='build/kosis_cycle_wide.csv');
SELECT DT, period, value FROM temp.wide;
-- @expect
-- | written
-- | 1
-- | DT|period|value
-- | a|2018|1
-- | a|2019|2
-- @check kosis_cycle-5.3 beside 시점 and 데이터, PRD_DE and DT are ordinary columns, as they were
SELECT writefile('build/kosis_cycle_both.csv', '시점,PRD_DE,DT,데이터' || char(10)
  || '2019,201901,x,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.both USING kosis_csv(file='build/kosis_cycle_both.csv');
SELECT PRD_DE, DT, period, value FROM temp.both;
-- @expect
-- | written
-- | 1
-- | PRD_DE|DT|period|value
-- | 201901|x|2019|1
-- @check kosis_cycle-5.4 two period columns of the Open API's names
SELECT writefile('build/kosis_cycle_two_names.csv', 'PRD_DE,수록시점,DT' || char(10)
  || '2019,2019,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.two_names USING kosis_csv(file='build/kosis_cycle_two_names.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_two_names.csv line 1: columns 1 and 2 ("PRD_DE" and "수록시점") both hold the period
-- @check kosis_cycle-5.5 시점 without 데이터 is an error, as it was, whatever else the header has
SELECT writefile('build/kosis_cycle_half.csv', '시점,DT' || char(10) || '2019,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.half USING kosis_csv(file='build/kosis_cycle_half.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kosis_cycle_half.csv line 1: a "시점" column but no "데이터" column (the long layout needs both)
