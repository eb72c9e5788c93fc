.load build/tradestat
.headers on
.mode list
-- kosis_csv on files as they are joined, re-saved or typed by hand: what
-- must be refused rather than loaded as plausible numbers.  Each section
-- failed before its fix (the check's comment says how).

-- Two exports joined into one file (`cat 2019.csv 2020.csv`): the second
-- header became a record, its period labels read as figures -- a series
-- named "지역" of 2019 and 2020 (annual) or 2019.01 and 2019.02
-- (monthly), summed with the regions by any total over the file.
-- @check kosis_file_edges-1.1 an annual header repeated mid-file
SELECT writefile('build/kfe_rep_year.csv', '지역,2019,2020' || char(10) || '서울,10,20' || char(10)
  || '지역,2019,2020' || char(10) || '부산,1,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.rep_year USING kosis_csv(file='build/kfe_rep_year.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_rep_year.csv line 3: a header again (its cells are the header's names and periods, as line 1): two exports joined into one file? (keep one header)
-- @check kosis_file_edges-1.2 a monthly header repeated, with the other file's periods and its byte-order mark
SELECT writefile('build/kfe_rep_month.csv', '지역,항목,2019.01,2019.02' || char(10)
  || '서울,판매액,10,20' || char(10) || char(65279) || '지역,항목,2019.03,2019.04' || char(10)
  || '부산,판매액,1,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.rep_month USING kosis_csv(file='build/kfe_rep_month.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_rep_month.csv line 3: a header again (its cells are the header's names and periods, as line 1): two exports joined into one file? (keep one header)
-- @check kosis_file_edges-1.4 the second header under other names: its periods, as written, are the header's
SELECT writefile('build/kfe_rep_names.csv', '지역,2019,2020' || char(10) || '서울,10,20' || char(10)
  || '시도별,2019,2020' || char(10) || '부산,1,2' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.rep_names USING kosis_csv(file='build/kfe_rep_names.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_rep_names.csv line 3: a header again (its cells are the header's names and periods, as line 1): two exports joined into one file? (keep one header)
-- @check kosis_file_edges-1.3 a region named as the column, with figures, still loads
SELECT writefile('build/kfe_rep_not.csv', '지역,2019,2020' || char(10) || '지역,2019,7' || char(10))
  > 0 AS written;
CREATE VIRTUAL TABLE temp.rep_not USING kosis_csv(file='build/kfe_rep_not.csv');
SELECT 지역, period, value FROM temp.rep_not;
-- @expect
-- | written
-- | 1
-- | 지역|period|value
-- | 지역|2019|2019
-- | 지역|2020|7

-- Hangul written decomposed (NFD: conjoining jamo, as macOS writes file
-- names and some of its tools text) is the same text as the composed
-- syllables (NFC) everything else writes.  Read as bytes, 서울 in NFD
-- was another series than 서울: WHERE 지역 = '서울' summed only the
-- composed rows (10 of 10 + 5), a growth found no prior year, and a
-- header 시점 in NFD was not the long layout's.  char(0x1109, 0x1165,
-- 0x110B, 0x116E, 0x11AF) is 서울 in NFD.
-- @check kosis_file_edges-2.1 a series written once composed, once decomposed, is one series
SELECT writefile('build/kfe_nfd.csv', '지역,시점,데이터' || char(10) || '서울,2018,10' || char(10)
  || char(0x1109, 0x1165, 0x110B, 0x116E, 0x11AF) || ',2019,5' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.nfd USING kosis_csv(file='build/kfe_nfd.csv');
SELECT sum(value) AS total, count(*) AS n, hex(min(지역)) = hex('서울') AS composed
FROM temp.nfd WHERE 지역 = '서울';
-- @expect
-- | written
-- | 1
-- | total|n|composed
-- | 15|2|1
-- @check kosis_file_edges-2.2 a decomposed 시점 and 데이터 are the long layout's columns
SELECT writefile('build/kfe_nfd_header.csv', '지역,' || char(0x1109, 0x1175, 0x110C, 0x1165, 0x11B7)
  || ',' || char(0x1103, 0x1166, 0x110B, 0x1175, 0x1110, 0x1165) || char(10) || '서울,2019,5'
  || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.nfd_header USING kosis_csv(file='build/kfe_nfd_header.csv');
SELECT 지역, period, value FROM temp.nfd_header;
-- @expect
-- | written
-- | 1
-- | 지역|period|value
-- | 서울|2019|5
-- @check kosis_file_edges-2.3 the same record twice, once decomposed, is a duplicate
SELECT writefile('build/kfe_nfd_dup.csv', '지역,시점,데이터' || char(10) || '서울,2019,10' || char(10)
  || char(0x1109, 0x1165, 0x110B, 0x116E, 0x11AF) || ',2019,10' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.nfd_dup USING kosis_csv(file='build/kfe_nfd_dup.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_nfd_dup.csv line 3: the same dimension values and period 2019 as line 2 (one value per period and row is supported)
-- @check kosis_file_edges-2.4 jamo that compose no syllable stay as written (a lone consonant, an old vowel)
SELECT writefile('build/kfe_jamo.csv', '지역,2019' || char(10) || char(0x1100) || ',1' || char(10)
  || char(0x1100, 0x1176) || ',2' || char(10) || char(0xAC00, 0x11A8) || ',3' || char(10)
  || char(0xAC01, 0x11A8) || ',4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.jamo USING kosis_csv(file='build/kfe_jamo.csv');
SELECT hex(지역) AS name, value FROM temp.jamo;
-- @expect
-- | written
-- | 1
-- | name|value
-- | E18480|1
-- | E18480E185B6|2
-- | EAB081|3
-- | EAB081E186A8|4

-- Wide layout: the period columns start at the first header that is a
-- period, so a leading period column in a form the reader does not know
-- ('2018 e)' estimated, '2018 잠정' preliminary, '2018.12월') became a
-- dimension column: its figures turned into names of series, dropped from
-- every sum, and 2019 had no prior year.  A dimension column whose header
-- starts with a year and whose every cell is a figure is refused.
-- @check kosis_file_edges-3.1 an estimated year before the years read
SELECT writefile('build/kfe_lead.csv', '지역,2018 e),2019,2020' || char(10) || '서울,10,20,30' || char(10)
  || '부산,1,-,3' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.lead USING kosis_csv(file='build/kfe_lead.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_lead.csv line 1: column 2 header '2018 e)' starts with a year and every cell under it is a figure, but it is not a period (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM'): rename it to a period, or drop the column
-- @check kosis_file_edges-3.2 a Korean preliminary mark, the dimension not next to the periods
SELECT writefile('build/kfe_lead2.csv', '2018 잠정,지역,2019' || char(10) || '10,서울,20' || char(10))
  > 0 AS written;
CREATE VIRTUAL TABLE temp.lead2 USING kosis_csv(file='build/kfe_lead2.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_lead2.csv line 1: column 1 header '2018 잠정' starts with a year and every cell under it is a figure, but it is not a period (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM'): rename it to a period, or drop the column
-- @check kosis_file_edges-3.3 a year-named column of names, or a code column not named by a year, stays a dimension
SELECT writefile('build/kfe_lead3.csv', '2020년 행정구역,코드,2019' || char(10) || '서울,11,20' || char(10))
  > 0 AS written;
CREATE VIRTUAL TABLE temp.lead3 USING kosis_csv(file='build/kfe_lead3.csv');
SELECT "2020년 행정구역", 코드, period, value FROM temp.lead3;
-- @expect
-- | written
-- | 1
-- | 2020년 행정구역|코드|period|value
-- | 서울|11|2019|20

-- The Open API's quarter codes in the wide layout: a long export pivoted
-- to one column per PRD_DE keeps its PRD_SE column, and 201901..201904
-- under `Q` loaded as the months January to April (a year of four
-- months; a growth against last year's January).  The long layout reads
-- them by the cycle; in the wide layout the header is read once for every
-- record, so a `Q` or `H` record under six-digit month headers is refused.
-- @check kosis_file_edges-4.1 quarter codes as wide headers under Q
SELECT writefile('build/kfe_wide_q.csv', 'C1_NM,PRD_SE,201901,201902,201903,201904' || char(10)
  || '전국,Q,1,2,3,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide_q USING kosis_csv(file='build/kfe_wide_q.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_wide_q.csv line 2: column "PRD_SE" says 'Q', a quarter, but column 3 header '201901' reads as a month (the Open API writes quarter 1 and January alike, 201901): write the header's periods as quarters ('2019 1/4' or '2019-Q1')
-- @check kosis_file_edges-4.2 half codes under 반기, the record not first
SELECT writefile('build/kfe_wide_h.csv', 'C1_NM,수록주기,201901,201902' || char(10)
  || '전국,월,1,2' || char(10) || '서울,반기,3,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide_h USING kosis_csv(file='build/kfe_wide_h.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_wide_h.csv line 3: column "수록주기" says '반기', a half, but column 3 header '201901' reads as a month (the Open API writes quarter 1 and January alike, 201901): write the header's periods as halves ('2019 1/2' or '2019-H1')
-- @check kosis_file_edges-4.3 month codes under M, and quarters written as quarters under Q, load
SELECT writefile('build/kfe_wide_m.csv', 'C1_NM,PRD_SE,201901,201902' || char(10) || '전국,M,1,2' || char(10))
  > 0 AS written;
SELECT writefile('build/kfe_wide_q2.csv', 'C1_NM,PRD_SE,2019 1/4,2019-Q2' || char(10) || '전국,Q,1,2'
  || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide_m USING kosis_csv(file='build/kfe_wide_m.csv');
CREATE VIRTUAL TABLE temp.wide_q2 USING kosis_csv(file='build/kfe_wide_q2.csv');
SELECT period, value FROM temp.wide_m UNION ALL SELECT period, value FROM temp.wide_q2;
-- @expect
-- | written
-- | 1
-- | written
-- | 1
-- | period|value
-- | 2019-01|1
-- | 2019-02|2
-- | 2019-Q1|1
-- | 2019-Q2|2

-- The same codes with no cycle to read them by (no cycle column, or an
-- empty cell): 201901..201904 are quarters 1 to 4 in a quarterly export
-- and January to April in a monthly one.  They loaded as months, so a
-- quarterly file rolled up into one "quarter" three times too large.
-- A header past April can only be a month, and settles the file.
-- @check kosis_file_edges-4.4 six-digit headers that never pass April, no cycle column
SELECT writefile('build/kfe_wide_nc.csv', '지역,201901,201902,201903,201904' || char(10)
  || '전국,1,2,3,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide_nc USING kosis_csv(file='build/kfe_wide_nc.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_wide_nc.csv line 2: column 2 header '201901' may be a quarter or a half code as well as a month (the Open API writes quarter 1 and January alike, 201901), and no header is past April: keep the PRD_SE column (Q, H or M) or write the headers as months ('2019.01')
-- @check kosis_file_edges-4.5 the same under an empty cycle cell, the record not first
SELECT writefile('build/kfe_wide_ec.csv', 'C1_NM,PRD_SE,201901,201902' || char(10)
  || '전국,M,1,2' || char(10) || '서울,,3,4' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide_ec USING kosis_csv(file='build/kfe_wide_ec.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_wide_ec.csv line 3: column 3 header '201901' may be a quarter or a half code as well as a month (the Open API writes quarter 1 and January alike, 201901), and no header is past April: keep the PRD_SE column (Q, H or M) or write the headers as months ('2019.01')
-- @check kosis_file_edges-4.6 a header past April makes them months, with no cycle
SELECT writefile('build/kfe_wide_pa.csv', '지역,201903,201904,201905' || char(10)
  || '전국,3,4,5' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.wide_pa USING kosis_csv(file='build/kfe_wide_pa.csv');
SELECT period, value FROM temp.wide_pa;
-- @expect
-- | written
-- | 1
-- | period|value
-- | 2019-03|3
-- | 2019-04|4
-- | 2019-05|5

-- KOSIS's English pages name the unit column `Unit` (the Korean pages
-- `단위`).  Under that name a change of unit, Thousand Won to Million
-- Won, told one series apart as two: grouped by its other columns, as
-- a series is, 2020 was -99.9 % on 2019 for the same level.
-- @check kosis_file_edges-5.1 a unit change under the English name
SELECT writefile('build/kfe_unit_en.csv', 'By region,Item,Unit,2019,2020' || char(10)
  || 'Seoul,Sales,Thousand Won,5000000,-' || char(10) || 'Seoul,Sales,Million Won,-,5100' || char(10))
  > 0 AS written;
CREATE VIRTUAL TABLE temp.unit_en USING kosis_csv(file='build/kfe_unit_en.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_unit_en.csv line 3: unit 'Million Won' (column "Unit"), but line 2 has 'Thousand Won' and the same other dimension values (one series in two units would mix their scales: convert it to one unit)
-- @check kosis_file_edges-5.2 items in different units load
SELECT writefile('build/kfe_unit_en2.csv', 'By region,Item,UNIT,2019' || char(10)
  || 'Seoul,Sales,Million Won,5000' || char(10) || 'Seoul,Stores,Number,12' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.unit_en2 USING kosis_csv(file='build/kfe_unit_en2.csv');
SELECT Item, UNIT, value FROM temp.unit_en2;
-- @expect
-- | written
-- | 1
-- | Item|UNIT|value
-- | Sales|Million Won|5000
-- | Stores|Number|12

-- A record of empty fields only (`,,` -- a spreadsheet's trailing rows)
-- is no record: it loaded as a series named '' of NULL figures (count(*)
-- two rows too many), and two of them were a duplicate error.
-- @check kosis_file_edges-6.1 empty records are skipped as empty lines are
SELECT writefile('build/kfe_empty_rec.csv', 'a,2019,2020' || char(13) || char(10) || 'x,1,5'
  || char(13) || char(10) || ',,' || char(13) || char(10) || ' , ,' || char(9) || char(13) || char(10))
  > 0 AS written;
CREATE VIRTUAL TABLE temp.empty_rec USING kosis_csv(file='build/kfe_empty_rec.csv');
SELECT count(*) AS n, sum(value) AS total FROM temp.empty_rec;
-- @expect
-- | written
-- | 1
-- | n|total
-- | 2|6
-- @check kosis_file_edges-6.2 a record with one field filled still counts (and is still checked)
SELECT writefile('build/kfe_empty_rec2.csv', 'a,2019,2020' || char(10) || ',,7' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.empty_rec2 USING kosis_csv(file='build/kfe_empty_rec2.csv');
SELECT a, period, value FROM temp.empty_rec2;
-- @expect
-- | written
-- | 1
-- | a|period|value
-- | |2019|
-- | |2020|7

-- Memory: max_bytes= bounds the file, and the snapshot takes about 40
-- bytes a cell, so a file of empty cells (one comma each) took 38 times
-- its size: 10 MB of them 400 MB, a 256 MiB file (the default limit)
-- about 10 GB, decided by whoever wrote the file.  The snapshot may take
-- at most 4 x max_bytes; the message says how to raise it.
-- @check kosis_file_edges-7.1 a file of empty cells over its memory budget
-- 5,000 records of 100 empty cells: 500,000 cells, 20 MB in memory from
-- a file of 0.5 MB; max_bytes=1000000 allows 16 MiB (4 MB, raised to
-- the 16 MiB floor).  A record takes 100 x 40 + 8 (its dimension) + 4
-- (its line) = 4,012 bytes: 16,777,216 / 4,012 = 4,181.8, so record
-- 4,182 (line 4,183) is the first past the budget.
SELECT writefile('build/kfe_cells.csv', (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
  FROM n WHERE i < 100) SELECT 'a,' || group_concat(1900 + i, ',') FROM n) || char(10)
  || (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
      SELECT group_concat('r' || i || replace(hex(zeroblob(100)), '00', ','), char(10)) FROM n)
  || char(10)) BETWEEN 500000 AND 1000000 AS written;
CREATE VIRTUAL TABLE temp.cells USING kosis_csv(file='build/kfe_cells.csv', max_bytes=1000000);
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/kfe_cells.csv line 4183: the table would take more than 16777216 bytes of memory (418200 cells so far, about 40 bytes each): raise the limit with the max_bytes= argument (the table may take 4 times as much)
-- @check kosis_file_edges-7.2 the same file under a larger limit loads
CREATE VIRTUAL TABLE temp.cells2 USING kosis_csv(file='build/kfe_cells.csv', max_bytes=10000000);
SELECT count(*) AS n, count(value) AS figures FROM temp.cells2;
-- @expect
-- | n|figures
-- | 500000|0
