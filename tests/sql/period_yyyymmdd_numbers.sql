.load build/tradestat
.headers on
.mode list
-- Input: dates written as eight digits YYYYMMDD, as legacy exports and
-- the KOSIS Open API write them: pandas' read_csv makes the column int64
-- (to_sql stores INTEGER 20230101), better-sqlite3 binds the number as
-- REAL 20230101.0, the sqlite3 shell's .import into a new table keeps
-- the TEXT '20230101'.
-- Wrong: refused with the list of forms (the number), or naming the
-- nearest form 'YYYYMM' (the text), where the value is a date.
-- Right: refused (a period label is no date as a number; reading it as
-- a day would make a number mean a day here and a month at six digits),
-- naming the day it is as YYYYMMDD and how to write it.
CREATE TABLE p(d INTEGER, v REAL);
INSERT INTO p VALUES (20220101, 100), (20230101, 112);

-- @check period_yyyymmdd_numbers-1.1 pandas' int64 (INTEGER)
SELECT yoy_growth(v, d) FROM p;
-- @error yoy_growth(): argument 2 is not a period: 20220101 (as YYYYMMDD it is the day 2022-01-01: write dates as text, '2022-01-01')
-- @check period_yyyymmdd_numbers-1.2 better-sqlite3's REAL
SELECT period_normalize(20230101.0);
-- @error period_normalize(): argument 1 is not a period: 20230101.0 (as YYYYMMDD it is the day 2023-01-01: write dates as text, '2023-01-01')
-- @check period_yyyymmdd_numbers-1.3 .import's TEXT
SELECT period_normalize('20230101');
-- @error period_normalize(): argument 1 is not a period: '20230101' (as YYYYMMDD it is the day 2023-01-01: write dates as text, '2023-01-01')
-- @check period_yyyymmdd_numbers-1.4 the cure, written as a date
SELECT period_normalize(substr(d, 1, 4) || '-' || substr(d, 5, 2) || '-' || substr(d, 7, 2)) AS day FROM p ORDER BY d;
-- @expect
-- | day
-- | 2022-01-01
-- | 2023-01-01

-- 2. Edges: no such day, the years a number may be.
-- @check period_yyyymmdd_numbers-2.1 29 February 2023 does not exist: the list of forms
SELECT period_normalize(20230229);
-- @error period_normalize(): argument 1 is not a period: 20230229 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_yyyymmdd_numbers-2.2 as text, its nearest form
SELECT period_normalize('20230229');
-- @error period_normalize(): argument 1 is not a period: '20230229' (nearest accepted form: 'YYYYMM' (month 01-12, a year from 1800 to 2199: YYMMDD dates as 'YYYY-MM-DD'))
-- @check period_yyyymmdd_numbers-2.3 the last day a number may be
SELECT period_normalize(21991231);
-- @error period_normalize(): argument 1 is not a period: 21991231 (as YYYYMMDD it is the day 2199-12-31: write dates as text, '2199-12-31')
-- @check period_yyyymmdd_numbers-2.4 the year after
SELECT period_normalize(22000101);
-- @error period_normalize(): argument 1 is not a period: 22000101 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
