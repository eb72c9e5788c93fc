.load build/tradestat
.headers on
.mode list
-- Input: a month keyed by its first day written as six digits YYMMDD, as
-- legacy systems and many spreadsheets export it (230101 for 2023-01-01):
-- pandas' read_csv makes the column int64 and to_sql stores INTEGER;
-- the sqlite3 shell's .import into a new table stores the TEXT '230101'.
-- reference/period.md read six digits as YYYYMM, so 230101 was January
-- 2301, 230201 January 2302: every month of the file was January of
-- another year.  Wrong: yoy_growth compared each month with the month
-- before and called it a year-over-year growth (the aggregate over
-- 2022-01 .. 2023-06 gave 1.0, June against May, where the dates' June
-- 2023 against June 2022 is 12.68 %; the virtual table listed 16 such
-- growths where the dates have 6 year-over-year pairs), and
-- annual_projection projected a "January" twelve times over.  Right:
-- refused, naming the value, as the numbers R writes for dates are
-- (tests/sql/period_r_dates.sql).  A number is a YYYYMM month only for
-- the years a number may be, 1800 to 2199 (180001 to 219912), and so are
-- six digits as text; other months are written '2301-01'.
CREATE TABLE m(d INTEGER, v REAL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 17)
INSERT INTO m SELECT CAST(substr(dt, 3, 2) || substr(dt, 6, 2) || '01' AS INTEGER), round(100 * pow(1.01, i), 6)
FROM (SELECT i, date('2022-01-01', '+' || i || ' months') AS dt FROM n);
CREATE TABLE mt(d TEXT, v REAL);
INSERT INTO mt SELECT printf('%06d', d), v FROM m;

-- @check period_yymmdd-1.1 what the numbers are: YYMMDD, the first of each month
SELECT min(d) AS first, max(d) AS last, count(*) AS months FROM m;
-- @expect
-- | first|last|months
-- | 220101|230601|18
-- @check period_yymmdd-1.2 plain SQL: June 2023 against June 2022, 1.01^12 - 1
SELECT round(100 * (a.v / b.v - 1), 2) AS yoy FROM m AS a JOIN m AS b ON b.d = a.d - 10000 WHERE a.d = 230601;
-- @expect
-- | yoy
-- | 12.68
-- @check period_yymmdd-1.3 the aggregate: refused (was 1.0, June against May)
SELECT round(yoy_growth(v, d), 2) FROM m;
-- @error yoy_growth(): argument 2 is not a period: 220101 (a number as a YYYYMM month has a year from 1800 to 2199, 180001 to 219912; six digits such as YYMMDD 230101 are no month: write dates as text, 'YYYY-MM-DD', and other months as text, '2201-01')
-- @check period_yymmdd-1.4 the virtual table: refused (was 16 month-over-month growths)
SELECT count(growth) FROM yoy_growth('m', 'v', 'd');
-- @error yoy_growth: column "d" in "m" is not a period: 220101 (a number as a YYYYMM month has a year from 1800 to 2199, 180001 to 219912; six digits such as YYMMDD 230101 are no month: write dates as text, 'YYYY-MM-DD', and other months as text, '2201-01')
-- @check period_yymmdd-1.5 the same six digits as text (.import): refused
SELECT round(yoy_growth(v, d), 2) FROM mt;
-- @error yoy_growth(): argument 2 is not a period: '220101' (nearest accepted form: 'YYYYMM' (month 01-12, a year from 1800 to 2199: YYMMDD dates as 'YYYY-MM-DD'))
-- @check period_yymmdd-1.6 written as dates they are read right: 12.68
SELECT round(yoy_growth(v, period_rollup(date('20' || substr(printf('%06d', d), 1, 2) || '-' || substr(printf('%06d', d), 3, 2) || '-01'), 'month')), 2) AS yoy FROM m;
-- @expect
-- | yoy
-- | 12.68

-- 2. The edges: YYYYMM of 1800 .. 2199 reads, as number and as text.
-- @check period_yymmdd-2.1
SELECT period_normalize(180001) AS a, period_normalize(219912.0) AS b, period_normalize('180001') AS c,
       period_normalize(' 219912 p)') AS d, period_normalize('2301-01') AS e;
-- @expect
-- | a|b|c|d|e
-- | 1800-01|2199-12|1800-01|2199-12|2301-01
-- @check period_yymmdd-2.2
SELECT period_normalize(179912);
-- @error period_normalize(): argument 1 is not a period: 179912 (a number as a YYYYMM month has a year from 1800 to 2199, 180001 to 219912; six digits such as YYMMDD 230101 are no month: write dates as text, 'YYYY-MM-DD', and other months as text, '1799-12')
-- @check period_yymmdd-2.3
SELECT period_kind('220001');
-- @error period_kind(): argument 1 is not a period: '220001' (nearest accepted form: 'YYYYMM' (month 01-12, a year from 1800 to 2199: YYMMDD dates as 'YYYY-MM-DD'))
