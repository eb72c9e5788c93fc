.load build/tradestat
.headers on
.mode list
-- Input: R's DBI::dbWriteTable(con, "t", df) with RSQLite stores a Date
-- column as the number of days since 1970-01-01: a REAL (declared REAL;
-- with extended_types = TRUE an INTEGER, declared DATE).  1995-01-01 is
-- 9131.0.  Dates from 1972-09-27 (1000) to 1997-05-18 (9999) are then
-- whole numbers 1000..9999, which reference/period.md reads as INTEGER
-- (or whole REAL) years; later dates (10000 and up) are refused, so the
-- same script fails loudly on 2023's data and gives figures on 1990's.
-- Wrong: a daily series of January 1995 .. January 1996 is 396 "years"
-- 9131..9526: yoy_growth compares each day with the day before and calls
-- it a year-over-year growth (395 growths, every one day-over-day),
-- where the dates have a same day a year earlier for the 31 days of
-- January 1996 only; a monthly series 1990-01 .. 1993-12 growing 1 % a
-- month is 48 "years" 7305..8735 and cagr() spreads its growth over
-- 1430 years: 0.0327 % a year, where plain SQL over the 47 months gives
-- 1.01^12 - 1 = 12.68 %.
-- Right: refused, with an error naming the value and the date it is.
-- A number is now a year from 1800 to 2199 only (core/period.h); the
-- rest of 1000..9999 is refused as 10000 and up were, naming the dates it
-- would be as R's and Excel's day counts.  Left: R's day numbers 1800 ..
-- 2199 (1974-12-06 .. 1976-01-09) still read as years (check 3.1);
-- docs/clients.md says to write dates as text.
CREATE TABLE r(d REAL, v REAL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 395)
INSERT INTO r SELECT julianday('1995-01-01') - julianday('1970-01-01') + i, 100 + i FROM n;
CREATE TABLE rm(d REAL, v REAL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 47)
INSERT INTO rm SELECT julianday(date('1990-01-01', '+' || i || ' months')) - julianday('1970-01-01'),
  round(100 * pow(1.01, i), 6) FROM n;

-- @check period_r_dates-1.1 what the numbers are: days since 1970-01-01
SELECT min(d) AS first, date(min(d) * 86400, 'unixepoch') AS first_date,
       date(max(d) * 86400, 'unixepoch') AS last_date, count(*) AS days FROM r;
-- @expect
-- | first|first_date|last_date|days
-- | 9131.0|1995-01-01|1996-01-31|396
-- @check period_r_dates-1.2 plain SQL: the days with the same day a year earlier in the data
SELECT count(*) AS yoy_pairs FROM r AS a JOIN r AS b
  ON date(b.d * 86400, 'unixepoch') = date(a.d * 86400, 'unixepoch', '-1 year');
-- @expect
-- | yoy_pairs
-- | 31
-- @check period_r_dates-1.3 yoy_growth refuses the day numbers, naming the date (it showed 395 day-over-day changes as year-over-year growths)
SELECT count(*) AS day_over_day FROM yoy_growth('r', 'v', 'd')
WHERE growth IS NOT NULL AND CAST(prior_period AS INTEGER) = CAST(period AS INTEGER) - 1;
-- @error yoy_growth: column "d" in "r" is not a period: 9131.0 (a number as a year is 1800 to 2199; as a count of days it is 1995-01-01 since 1970-01-01 (an R Date), 1924-12-30 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD', and other years as text, '1750')

-- @check period_r_dates-2.1 plain SQL: 47 months of 1 % a month is 12.68 % a year
SELECT round(100 * (pow(max(v) / min(v), 12.0 / 47) - 1), 2) AS plain_cagr,
       date(max(d) * 86400, 'unixepoch') AS last_date FROM rm;
-- @expect
-- | plain_cagr|last_date
-- | 12.68|1993-12-01
-- @check period_r_dates-2.2 cagr() refuses the day numbers (it gave 0.0327 over 1430 "years")
SELECT count(*) AS other FROM (SELECT cagr(v, d) AS c FROM rm) WHERE c IS NOT NULL AND round(c, 2) <> 12.68;
-- @error cagr(): argument 2 is not a period: 7305.0 (a number as a year is 1800 to 2199; as a count of days it is 1990-01-01 since 1970-01-01 (an R Date), 1919-12-31 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD', and other years as text, '1750')
-- @check period_r_dates-2.3 the same dates written as month labels give plain SQL's figure
SELECT round(cagr(v, period_rollup(date(d * 86400, 'unixepoch'), 'month')), 2) AS c FROM rm;
-- @expect
-- | c
-- | 12.68

-- @check period_r_dates-3.1 the limit: R's day numbers 1800..2199 (1974-12-06 .. 1976-01-09) are years
SELECT date(1800 * 86400, 'unixepoch') AS a, date(2199 * 86400, 'unixepoch') AS b,
       period_normalize(1800.0) AS c, period_normalize(2199.0) AS d;
-- @expect
-- | a|b|c|d
-- | 1974-12-06|1976-01-09|1800|2199
-- @check period_r_dates-3.2 plain SQL: 1750 as days since 1970-01-01 and since 1899-12-30
SELECT date(1750 * 86400, 'unixepoch') AS r, date('1899-12-30', '+1750 days') AS excel;
-- @expect
-- | r|excel
-- | 1974-10-17|1904-10-15
-- @check period_r_dates-3.3 a year outside as a number is refused, naming the cure
SELECT period_normalize(1750);
-- @error period_normalize(): argument 1 is not a period: 1750 (a number as a year is 1800 to 2199; as a count of days it is 1974-10-17 since 1970-01-01 (an R Date), 1904-10-15 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD', and other years as text, '1750')
-- @check period_r_dates-3.4 as text it is a year
SELECT period_normalize('1750') AS y, period_shift('1750', 1) AS next;
-- @expect
-- | y|next
-- | 1750|1751
