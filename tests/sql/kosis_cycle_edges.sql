.load build/tradestat
.headers on
.mode list
-- kosis_csv's cycle column (PRD_SE / 수록주기) at its edges: what a file
-- may hold that the reader must refuse rather than read as something
-- else, and the forms it reads.  Checks 1.x and 2.x failed before: two
-- cycle columns that disagreed were read by the first one (201903 under
-- `M` beside `분기` came out as March), and in the wide layout a cycle
-- column told series apart, so one series listed under two cycles loaded
-- twice and a sum over it counted every figure twice.

-- @check kosis_cycle_edges-1.1 two cycle columns are an error, as two period columns are
SELECT writefile('build/kce_two.csv', 'C1_NM,PRD_SE,수록주기,PRD_DE,DT' || char(10)
  || 'a,M,분기,201903,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.two USING kosis_csv(file='build/kce_two.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_two.csv line 1: columns 2 and 3 ("PRD_SE" and "수록주기") both hold the cycle

-- @check kosis_cycle_edges-2.1 wide: one series under two cycles is one series twice
SELECT writefile('build/kce_wide.csv', 'C1_NM,PRD_SE,2019 1/4,2019 2/4' || char(10)
  || 'a,Q,1,2' || char(10) || 'a,M,3,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide USING kosis_csv(file='build/kce_wide.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_wide.csv line 3: the same dimension values as line 2 (one value per period and row is supported)
-- @check kosis_cycle_edges-2.2 wide: the cycle column stays a dimension column of series that differ
SELECT writefile('build/kce_wide2.csv', 'C1_NM,PRD_SE,2019 1/4,2019 2/4' || char(10)
  || 'a,Q,1,2' || char(10) || 'b,Q,3,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide2 USING kosis_csv(file='build/kce_wide2.csv');
SELECT C1_NM, PRD_SE, period, value FROM temp.wide2;
-- @expect
-- | written
-- | 1
-- | C1_NM|PRD_SE|period|value
-- | a|Q|2019-Q1|1
-- | a|Q|2019-Q2|2
-- | b|Q|2019-Q1|3
-- | b|Q|2019-Q2|4

-- A year and its quarters, a quarter and its months, under different
-- cycles of one series, overlap in time: refused whichever comes first.
-- @check kosis_cycle_edges-3.1 Y after Q of one series
SELECT writefile('build/kce_yq.csv', 'C1_NM,ITM_NM,UNIT_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,수출,백만원,Q,201904,1' || char(10) || 'a,수출,백만원,Y,2019,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.yq USING kosis_csv(file='build/kce_yq.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_yq.csv line 3: period 2019 overlaps in time period 2019-Q4 of line 2, with the same dimension values (two frequencies in one file: a sum over the year would count it twice; download one frequency per file)
-- @check kosis_cycle_edges-3.2 M before Q, the month inside the quarter
SELECT writefile('build/kce_mq.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,M,201911,1' || char(10) || 'a,Q,201904,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.mq USING kosis_csv(file='build/kce_mq.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_mq.csv line 3: period 2019-Q4 overlaps in time period 2019-11 of line 2, with the same dimension values (two frequencies in one file: a sum over the year would count it twice; download one frequency per file)

-- The cycle cell trimmed and case-insensitive; the period trimmed, in
-- the Open API's code or the portal's label.
-- @check kosis_cycle_edges-4.1 ' q ', 'y', ' 201902' and '2019 3/4' under Q
SELECT writefile('build/kce_forms.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a, q ,"  201902",2' || char(10) || 'a,Q,2019 3/4,3' || char(10)
  || 'b,y,2018,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.forms USING kosis_csv(file='build/kce_forms.csv');
SELECT C1_NM, PRD_SE, period, value, label FROM temp.forms;
-- @expect
-- | written
-- | 1
-- | C1_NM|PRD_SE|period|value|label
-- | a|q|2019-Q2|2|201902
-- | a|Q|2019-Q3|3|2019 3/4
-- | b|y|2018|4|2018
-- @check kosis_cycle_edges-4.2 a multi-year cycle has no kind
SELECT writefile('build/kce_f.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,F,2019,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.f USING kosis_csv(file='build/kce_f.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_f.csv line 2: column "PRD_SE": cycle 'F' is not one kosis_csv reads (expected Y or A, H or S, Q, M, D, or an empty cell)
-- @check kosis_cycle_edges-4.3 201903 under H is no half
SELECT writefile('build/kce_h.csv', 'C1_NM,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,H,201903,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.h USING kosis_csv(file='build/kce_h.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_h.csv line 2: "PRD_DE" '201903' is a month, but column "PRD_SE" says 'H', a half
-- @check kosis_cycle_edges-4.4 the translated names in CP949 (지역,수록주기,수록시점,수치값; 서울,분기)
SELECT writefile('build/kce_cp949.csv', X'c1f6bfaa2cbcf6b7cfc1d6b1e22cbcf6b7cfbdc3c1a12cbcf6c4a1b0aa0abcadbfef2cbad0b1e22c3230313930342c350abcadbfef2cbad0b1e22c3230323030342c360a') > 0 AS written;
CREATE VIRTUAL TABLE temp.cp USING kosis_csv(file='build/kce_cp949.csv');
SELECT 지역, 수록주기, period, value FROM temp.cp;
-- @expect
-- | written
-- | 1
-- | 지역|수록주기|period|value
-- | 서울|분기|2019-Q4|5
-- | 서울|분기|2020-Q4|6

-- A header cell is the file's, as any cell: a message names it with its
-- control bytes as char(N).  Both raw before: an escape sequence in a
-- column name reached the terminal the error was printed on.
-- @check kosis_cycle_edges-5.1 two dimension columns of one name, with a control byte
SELECT writefile('build/kce_ctl.csv', 'C1' || char(26) || 'x,C1' || char(26) || 'X,PRD_DE,DT'
  || char(10) || 'a,b,2019,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ctl USING kosis_csv(file='build/kce_ctl.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_ctl.csv line 1: columns 1 and 2 are both named 'C1' || char(26) || 'X'
-- @check kosis_cycle_edges-5.2 a wide period header read with a form feed after it
SELECT writefile('build/kce_ff.csv', 'C1,2019 ' || char(12) || ',2020' || char(10)
  || 'a,n/a,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ff USING kosis_csv(file='build/kce_ff.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_ff.csv line 2: column '2019 ' || char(12): value is not a number: 'n/a'

-- The Open API's JSON exports carry the unit twice, UNIT_NM and its
-- English twin UNIT_NM_ENG.  Only UNIT_NM was left out of the series:
-- 'Thousand Won' and 'Million Won' told the two scales apart as two
-- series, the change of unit loaded, and grouped by C1_NM and ITM_NM
-- the 2019 growth was -99.89 % for a series that grew 10 %.
-- @check kosis_cycle_edges-6.1 UNIT_NM_ENG is a unit column too
SELECT writefile('build/kce_eng.csv', 'C1_NM,ITM_NM,UNIT_NM,UNIT_NM_ENG,PRD_SE,PRD_DE,DT' || char(10)
  || '전국,수출,천원,Thousand Won,Y,2018,1000000' || char(10)
  || '전국,수출,백만원,Million Won,Y,2019,1100' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.eng USING kosis_csv(file='build/kce_eng.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_eng.csv line 3: unit '백만원' (column "UNIT_NM"), but line 2 has '천원' and the same other dimension values (one series in two units would mix their scales: convert it to one unit)
-- @check kosis_cycle_edges-6.2 UNIT_NM_ENG alone
SELECT writefile('build/kce_eng2.csv', 'C1_NM,UNIT_NM_ENG,PRD_SE,PRD_DE,DT' || char(10)
  || 'a,Thousand Won,Q,201904,1000000' || char(10)
  || 'a,Million Won,Q,202001,1100' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.eng2 USING kosis_csv(file='build/kce_eng2.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kce_eng2.csv line 3: unit 'Million Won' (column "UNIT_NM_ENG"), but line 2 has 'Thousand Won' and the same other dimension values (one series in two units would mix their scales: convert it to one unit)
-- @check kosis_cycle_edges-6.3 series in different units, each in one, load
SELECT writefile('build/kce_eng3.csv', 'C1_NM,ITM_NM,UNIT_NM,UNIT_NM_ENG,PRD_SE,PRD_DE,DT' || char(10)
  || '전국,수출,백만원,Million Won,Y,2019,1100' || char(10)
  || '전국,건수,건,Number,Y,2019,7' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.eng3 USING kosis_csv(file='build/kce_eng3.csv');
SELECT ITM_NM, UNIT_NM_ENG, period, value FROM temp.eng3;
-- @expect
-- | written
-- | 1
-- | ITM_NM|UNIT_NM_ENG|period|value
-- | 수출|Million Won|2019|1100
-- | 건수|Number|2019|7
