.load build/tradestat
.headers on
.mode list
-- kosis_csv on a file whose lines end with a comma: a spreadsheet that
-- re-saves an export, or an exporter that ends every line with its
-- separator, writes an empty column after the last one -- an empty
-- header cell over empty cells.  Before the fix the wide file was refused
-- ("column 4 header '' is not a period") and the long one too ("column 4
-- has no name"): valid data refused for a column that holds nothing.  A
-- column with no name is still an error as soon as one of its cells holds
-- something: that cell would be a figure of no period, or a dimension of
-- no name.

-- @check kosis_trailing_columns-1.1 wide: header and records end with a comma
SELECT writefile('build/ktc_wide.csv', '지역,2022,2023,' || char(13) || char(10)
  || '서울,10,"1,200",' || char(13) || char(10) || '부산,-,7,' || char(13) || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ktc_wide USING kosis_csv(file='build/ktc_wide.csv');
SELECT 지역, period, value FROM temp.ktc_wide;
-- @expect
-- | written
-- | 1
-- | 지역|period|value
-- | 서울|2022|10
-- | 서울|2023|1200
-- | 부산|2022|
-- | 부산|2023|7
-- @check kosis_trailing_columns-1.2 long: two empty columns after 데이터, the same sum as plain SQL over the records
SELECT writefile('build/ktc_long.csv', '시도별,시점,데이터,,' || char(10)
  || '서울,2022,10,,' || char(10) || '서울,2023,12, ,' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ktc_long USING kosis_csv(file='build/ktc_long.csv');
SELECT count(*) AS n, sum(value) AS total FROM temp.ktc_long;
-- @expect
-- | written
-- | 1
-- | n|total
-- | 2|22
-- @check kosis_trailing_columns-1.3 records with or without the trailing comma of the header load alike
SELECT writefile('build/ktc_mixed.csv', '지역,2022,2023,' || char(10) || '서울,1,2' || char(10)
  || '부산,3,4,' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ktc_mixed USING kosis_csv(file='build/ktc_mixed.csv');
SELECT group_concat(value, ' ') AS v FROM temp.ktc_mixed;
-- @expect
-- | written
-- | 1
-- | v
-- | 1 2 3 4

-- A nameless column that holds something is refused, naming its line.
-- @check kosis_trailing_columns-2.1 a figure under the empty header
SELECT writefile('build/ktc_value.csv', '지역,2022,2023,' || char(10) || '서울,1,2,' || char(10)
  || '부산,3,4,5' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ktc_value USING kosis_csv(file='build/ktc_value.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/ktc_value.csv line 3: column 4 holds '5', but its header (line 1) is empty
-- @check kosis_trailing_columns-2.2 a record with one field more than the header is ragged as before, even empty: 1,234 unquoted?
SELECT writefile('build/ktc_extra.csv', '지역,2022,2023' || char(10) || '서울,1,234,' || char(10))
  > 0 AS written;
CREATE VIRTUAL TABLE temp.ktc_extra USING kosis_csv(file='build/ktc_extra.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/ktc_extra.csv line 2: 4 fields, but the header (line 1) has 3
-- @check kosis_trailing_columns-2.3 a record short of the named columns is ragged as before
SELECT writefile('build/ktc_short.csv', '지역,2022,2023,' || char(10) || '서울,1' || char(10)) > 0
  AS written;
CREATE VIRTUAL TABLE temp.ktc_short USING kosis_csv(file='build/ktc_short.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/ktc_short.csv line 2: 2 fields, but the header (line 1) has 4
-- @check kosis_trailing_columns-2.4 an empty header between named columns is still no name
SELECT writefile('build/ktc_gap.csv', '지역,,2022' || char(10) || '서울,,1' || char(10)) > 0
  AS written;
CREATE VIRTUAL TABLE temp.ktc_gap USING kosis_csv(file='build/ktc_gap.csv');
-- @expect
-- | written
-- | 1
-- @error kosis_csv: build/ktc_gap.csv line 1: column 2 has no name
