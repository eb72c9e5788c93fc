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
