.load build/tradestat
.headers on
.mode list
-- Input: periods that are numbers in disguise, as clients store them.
-- (1) Julian day numbers: SQLite's own julianday() gives a REAL
-- (2459945.5 is 2023-01-01 00:00 UTC, 2459946 noon of that day), kept
-- in a REAL column or as its text in a TEXT one.
-- (2) The text of a whole REAL: better-sqlite3 binds every JavaScript
-- number as a REAL, so a year 2023 or a month 202301 bound into a column
-- declared TEXT is stored as the TEXT '2023.0' or '202301.0'; a CSV of a
-- pandas float column (a year column with one NaN) writes '2023.0' too.
-- Both were refused, with a message that misled: a Julian day by the
-- list of forms (a number) or 'YYYYMM' (its text), '2023.0' by the
-- nearest form 'YYYY.MM' (month 01-12), as if a month were wanted.
-- Right: still refused (no silent reading), naming what the value is:
-- the UTC time of the Julian day, the label of the whole number.
-- Expected times from SQLite's own datetime() (check 1.1), labels by
-- hand.

-- @check period_number_text-1.1 plain SQL: what the Julian days are
SELECT datetime(2459945.5) AS a, datetime(2459946) AS b, datetime(julianday('2023-06-30 23:30:00')) AS c;
-- @expect
-- | a|b|c
-- | 2023-01-01 00:00:00|2023-01-01 12:00:00|2023-06-30 23:30:00
-- @check period_number_text-1.2 a REAL Julian day
SELECT period_normalize(2459945.5);
-- @error period_normalize(): argument 1 is not a period: 2459945.5 (as a Julian day number, SQLite's julianday(), it is 2023-01-01 00:00:00 UTC: write dates as text, 'YYYY-MM-DD', as date(x) gives them)
-- @check period_number_text-1.3 a whole one, an INTEGER
SELECT period_normalize(2459946);
-- @error period_normalize(): argument 1 is not a period: 2459946 (as a Julian day number, SQLite's julianday(), it is 2023-01-01 12:00:00 UTC: write dates as text, 'YYYY-MM-DD', as date(x) gives them)
-- @check period_number_text-1.4 julianday() of an evening: the time to the second, not 23:29:59
SELECT period_normalize(julianday('2023-06-30 23:30:00'));
-- @error period_normalize(): argument 1 is not a period: 2460126.4791666665 (as a Julian day number, SQLite's julianday(), it is 2023-06-30 23:30:00 UTC: write dates as text, 'YYYY-MM-DD', as date(x) gives them)
-- @check period_number_text-1.5 as text, in a TEXT column, and in the virtual table
CREATE TABLE jd(p TEXT, v INTEGER);
INSERT INTO jd VALUES (julianday('2022-01-01'), 1), (julianday('2023-01-01'), 2);
SELECT growth FROM yoy_growth('jd', 'v', 'p');
-- @error yoy_growth: column "p" in "jd" is not a period: '2459580.5' (as a Julian day number, SQLite's julianday(), it is 2022-01-01 00:00:00 UTC: write dates as text, 'YYYY-MM-DD', as date(x) gives them)
-- @check period_number_text-1.6 seven digits as text
SELECT cagr(1, ' 2459946 ');
-- @error cagr(): argument 2 is not a period: ' 2459946 ' (as a Julian day number, SQLite's julianday(), it is 2023-01-01 12:00:00 UTC: write dates as text, 'YYYY-MM-DD', as date(x) gives them)
-- @check period_number_text-1.7 outside the years a number may be, the list of forms as before
SELECT period_normalize(2524593.5);
-- @error period_normalize(): argument 1 is not a period: 2524593.5 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')

-- 2. The text of a whole REAL.
-- @check period_number_text-2.1 plain SQL: a REAL bound into a TEXT column is kept as this text
CREATE TABLE js(p TEXT, v);
INSERT INTO js VALUES (CAST(2022 AS REAL), 1), (CAST(2023 AS REAL), 2), (CAST(202301 AS REAL), 3);
SELECT group_concat(p, ' ') AS stored FROM js;
-- @expect
-- | stored
-- | 2022.0 2023.0 202301.0
-- @check period_number_text-2.2 the year: refused naming the label '2022'
SELECT yoy_growth(v, p) FROM js WHERE v < 3;
-- @error yoy_growth(): argument 2 is not a period: '2022.0' (the text of the number 2022.0, as a TEXT column keeps a number bound as a REAL (better-sqlite3 binds every JavaScript number so) or a CSV of a float column writes it: write the label '2022')
-- @check period_number_text-2.3 in the virtual table
SELECT * FROM yoy_growth('js', 'v', 'p');
-- @error yoy_growth: column "p" in "js" is not a period: '2022.0' (the text of the number 2022.0, as a TEXT column keeps a number bound as a REAL (better-sqlite3 binds every JavaScript number so) or a CSV of a float column writes it: write the label '2022')
-- @check period_number_text-2.4 a month, more zeros, spaces
SELECT period_kind(' 202301.00 ');
-- @error period_kind(): argument 1 is not a period: ' 202301.00 ' (the text of the number 202301.0, as a TEXT column keeps a number bound as a REAL (better-sqlite3 binds every JavaScript number so) or a CSV of a float column writes it: write the label '2023-01')
-- @check period_number_text-2.5 another whole number written so gets the number's message: R's Date bound into a TEXT column
SELECT period_normalize(CAST(CAST(19358 AS REAL) AS TEXT));
-- @error period_normalize(): argument 1 is not a period: '19358.0' (neither a year nor a YYYYMM month; as a count of days it is 2023-01-01 since 1970-01-01 (an R Date), 1952-12-30 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')
-- @check period_number_text-2.6 R's POSIXct so
SELECT period_normalize('1672531200.0');
-- @error period_normalize(): argument 1 is not a period: '1672531200.0' (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 2023-01-01 00:00:00 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1970-01-20 08:35:31 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
-- @check period_number_text-2.7 a year a number may not be
SELECT period_normalize('1750.0');
-- @error period_normalize(): argument 1 is not a period: '1750.0' (a number as a year is 1800 to 2199; as a count of days it is 1974-10-17 since 1970-01-01 (an R Date), 1904-10-15 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD', and other years as text, '1750')
-- @check period_number_text-2.8 the same values as numbers read as before
SELECT period_normalize(2023.0) AS y, period_normalize(202301.0) AS m;
-- @expect
-- | y|m
-- | 2023|2023-01
