.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails until a date column written by R
-- (days since 1970-01-01) is not read as years: checks 1.3 and 2.2).
-- Run it with
--   sh tests/sql/run.sh tests/sql_pending/period_r_dates.sql
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
-- Right: refused (an error naming the value, as 10000 and up already
-- are), or never read as a year.  Where the fix lies: ext/core/period.c
-- (ts_period_from_int / the REAL path) and reference/period.md: a numeric
-- year of 1000..9999 cannot be told from R's day numbers by its value;
-- a narrower numeric year range (the years a statistic is kept for,
-- say 1800..2199: R's day numbers of 1974-12 .. 1976-01 only) or a
-- refusal of whole REAL years (R writes numeric years as REAL 2023.0
-- too, and better-sqlite3 binds every JS number as a REAL) is the
-- project's choice; until then docs/clients.md says to write dates as
-- text.  Checks 1.3 and 2.2 state the plain-SQL facts; with a refusal
-- they become @error checks with its message.
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
-- @check period_r_dates-1.3 yoy_growth shows no day-over-day change as a year-over-year growth (was 395 of them)
SELECT count(*) AS day_over_day FROM yoy_growth('r', 'v', 'd')
WHERE growth IS NOT NULL AND CAST(prior_period AS INTEGER) = CAST(period AS INTEGER) - 1;
-- @expect
-- | day_over_day
-- | 0

-- @check period_r_dates-2.1 plain SQL: 47 months of 1 % a month is 12.68 % a year
SELECT round(100 * (pow(max(v) / min(v), 12.0 / 47) - 1), 2) AS plain_cagr,
       date(max(d) * 86400, 'unixepoch') AS last_date FROM rm;
-- @expect
-- | plain_cagr|last_date
-- | 12.68|1993-12-01
-- @check period_r_dates-2.2 cagr() over the day numbers is not a figure other than plain SQL's (was 0.0327 over 1430 "years")
SELECT count(*) AS other FROM (SELECT cagr(v, d) AS c FROM rm) WHERE c IS NOT NULL AND round(c, 2) <> 12.68;
-- @expect
-- | other
-- | 0
