.load build/tradestat
.headers off
.mode list
-- A date column written as a count of days: R's DBI::dbWriteTable stores
-- a Date as days since 1970-01-01 (a REAL; an INTEGER with
-- extended_types = TRUE), an Excel sheet saved with its dates as numbers
-- holds serial dates (days since 1899-12-30).  Today's dates are 10000 to
-- 99999, neither a year nor a YYYYMM month, and were refused with the
-- list of forms alone ("expected YYYY, ..."), which did not say why
-- 19358.0 is no period.  The message now names the date the number is
-- under either count, so the analyst sees that the column holds dates
-- and writes them as text.  Below 10000 the same R dates (1972-09-27 ..
-- 1997-05-18) are whole numbers 1000..9999, refused the same way but
-- for 1800..2199, which are years: tests/sql/period_r_dates.sql.
CREATE TABLE r(d REAL, v REAL);
INSERT INTO r VALUES (19358.0, 10), (19723.0, 12);

-- @check period_day_counts-1.1 plain SQL: the two counts of 19358 and 44927
SELECT date(19358 * 86400, 'unixepoch'), date('1899-12-30', '+19358 days'),
       date(44927 * 86400, 'unixepoch'), date('1899-12-30', '+44927 days');
-- @expect 2023-01-01|1952-12-30|2093-01-02|2023-01-01
-- @check period_day_counts-1.2 an R Date (REAL days since 1970) names 2023-01-01
SELECT period_normalize(19358.0);
-- @error period_normalize(): argument 1 is not a period: 19358.0 (neither a year nor a YYYYMM month; as a count of days it is 2023-01-01 since 1970-01-01 (an R Date), 1952-12-30 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')
-- @check period_day_counts-1.3 an Excel serial date (INTEGER) names 2023-01-01 too
SELECT period_kind(44927);
-- @error period_kind(): argument 1 is not a period: 44927 (neither a year nor a YYYYMM month; as a count of days it is 2093-01-02 since 1970-01-01 (an R Date), 2023-01-01 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')
-- @check period_day_counts-1.4 a virtual table's period column says the same
SELECT period, growth FROM yoy_growth('r', 'v', 'd');
-- @error yoy_growth: column "d" in "r" is not a period: 19358.0 (neither a year nor a YYYYMM month; as a count of days it is 2023-01-01 since 1970-01-01 (an R Date), 1952-12-30 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')
-- @check period_day_counts-1.5 an aggregate's argument too
SELECT yoy_growth(v, d) FROM r;
-- @error yoy_growth(): argument 2 is not a period: 19358.0 (neither a year nor a YYYYMM month; as a count of days it is 2023-01-01 since 1970-01-01 (an R Date), 1952-12-30 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')

-- @check period_day_counts-2.1 plain SQL: the counts of the ends, 10000 and 99999
SELECT date(10000 * 86400, 'unixepoch'), date('1899-12-30', '+10000 days'),
       date(99999 * 86400, 'unixepoch'), date('1899-12-30', '+99999 days');
-- @expect 1997-05-19|1927-05-18|2243-10-16|2173-10-13
-- @check period_day_counts-2.2 10000 is a day count
SELECT period_normalize(10000);
-- @error period_normalize(): argument 1 is not a period: 10000 (neither a year nor a YYYYMM month; as a count of days it is 1997-05-19 since 1970-01-01 (an R Date), 1927-05-18 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')
-- @check period_day_counts-2.3 so is 99999
SELECT period_normalize(99999);
-- @error period_normalize(): argument 1 is not a period: 99999 (neither a year nor a YYYYMM month; as a count of days it is 2243-10-16 since 1970-01-01 (an R Date), 2173-10-13 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')
-- @check period_day_counts-2.4 a fraction keeps the list of forms
SELECT period_normalize(19358.5);
-- @error period_normalize(): argument 1 is not a period: 19358.5 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_day_counts-2.5 100000 is not a YYYYMM month either, and no day count of today
SELECT period_normalize(100000);
-- @error period_normalize(): argument 1 is not a period: 100000 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_day_counts-2.6 text digits are labels, not counts: '19358' keeps its nearest form
SELECT period_normalize('19358');
-- @error period_normalize(): argument 1 is not a period: '19358' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
