.load build/tradestat
.mode list
-- An INTEGER (or whole REAL) below 1000 is no period.  A table of month
-- numbers, sales(month INTEGER, v), read 1..12 as the years 0001..0012:
-- yoy_growth(v, month) then compared each month with the month before
-- and called it a year-over-year growth (+10 % below, where no year
-- earlier exists at all), with nothing to tell.  A number is a year
-- from 1800 to 2199 only; another year is written as text, with its four
-- digits ('0999', '1750'), as every text year is: the text '999' was
-- already refused.
CREATE TABLE sales(month INTEGER, v INTEGER);
INSERT INTO sales VALUES (1, 100), (2, 110), (3, 121);

-- @check period_small_integers-1.1 month numbers are no years: the window refuses them
SELECT month, yoy_growth(v, month) OVER (ORDER BY month) FROM sales;
-- @error yoy_growth(): argument 2 is not a period: 1 (a number as a year is 1800 to 2199, not a month or quarter number; write other years as text: '1750')
-- @check period_small_integers-1.2 the aggregate too
SELECT yoy_growth(v, month) FROM sales;
-- @error yoy_growth(): argument 2 is not a period: 1 (a number as a year is 1800 to 2199, not a month or quarter number; write other years as text: '1750')
-- @check period_small_integers-1.3 the virtual table too
SELECT period, growth FROM yoy_growth('sales', 'v', 'month');
-- @error yoy_growth: column "month" in "sales" is not a period: 1 (a number as a year is 1800 to 2199, not a month or quarter number; write other years as text: '1750')
-- @check period_small_integers-1.4 the projection of "a year" from one month number
SELECT annual_projection(v, month, 'run_rate') FROM sales;
-- @error annual_projection(): argument 2 is not a period: 1 (a number as a year is 1800 to 2199, not a month or quarter number; write other years as text: '1750')

-- @check period_small_integers-2.1 the edges: 1800, 1800.0 and 2199 read, and YYYYMM of those years (1000..1799 and 2200..9999: tests/sql/period_r_dates.sql; other months: tests/sql/period_yymmdd.sql)
SELECT period_normalize(1800), period_normalize(1800.0), period_normalize(2199), period_normalize(180001),
       period_normalize(219912);
-- @expect 1800|1800|2199|1800-01|2199-12
-- @check period_small_integers-2.2
SELECT period_normalize(999);
-- @error period_normalize(): argument 1 is not a period: 999 (a number as a year is 1800 to 2199, not a month or quarter number; write other years as text: '1750')
-- @check period_small_integers-2.3
SELECT period_kind(12.0);
-- @error period_kind(): argument 1 is not a period: 12.0 (a number as a year is 1800 to 2199, not a month or quarter number; write other years as text: '1750')
-- @check period_small_integers-2.4 a year before 1000 in text, as ever
SELECT period_normalize('0999'), period_shift('0999', 1), period_prior_year('0001-Q1') IS NULL, period_kind('0012');
-- @expect 0999|1000|1|year
-- @check period_small_integers-2.5 the other non-periods keep their message
SELECT period_normalize(0);
-- @error period_normalize(): argument 1 is not a period: 0 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
