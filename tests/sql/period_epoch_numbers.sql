.load build/tradestat
.headers on
.mode list
-- Input: a time written as a count of seconds or milliseconds since
-- 1970-01-01 UTC.  R's DBI::dbWriteTable (RSQLite) stores a POSIXct
-- column as REAL seconds: a Seoul midnight, as.POSIXct('2023-01-01',
-- tz = 'Asia/Seoul'), is 1672498800.0, 15:00 UTC the day before (with
-- extended_types = TRUE an INTEGER).  Node's better-sqlite3 refuses a
-- Date, and the usual cure, d.getTime(), binds 1672498800000.0.
-- Wrong: refused with the list of forms only, "is not a period:
-- 1672498800.0 (expected YYYY, YYYY-H1, ...)": nothing said what the
-- number is or how to write it.
-- Right: refused naming the time the number is, in UTC, as seconds
-- and as milliseconds where that is a year 1800..2199, and the cure:
-- the date as text, the day in the data's own time zone (the UTC day
-- of a Seoul midnight is the day before).  As R's and Excel's day
-- counts are (tests/sql/period_r_dates.sql).
CREATE TABLE r(t REAL, v REAL);
INSERT INTO r VALUES (1640962800.0, 100), (1672498800.0, 112);

-- @check period_epoch_numbers-1.1 plain SQL: the R POSIXct is a Seoul midnight, the UTC day before
SELECT datetime(t, 'unixepoch') AS utc, datetime(t, 'unixepoch', '+9 hours') AS seoul FROM r ORDER BY t;
-- @expect
-- | utc|seoul
-- | 2021-12-31 15:00:00|2022-01-01 00:00:00
-- | 2022-12-31 15:00:00|2023-01-01 00:00:00
-- @check period_epoch_numbers-1.2 R POSIXct seconds (REAL): the time it is
SELECT yoy_growth(v, t) FROM r;
-- @error yoy_growth(): argument 2 is not a period: 1640962800.0 (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 2021-12-31 15:00:00 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1970-01-19 23:49:22 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
-- @check period_epoch_numbers-1.3 the virtual table names it too
SELECT count(*) FROM yoy_growth('r', 'v', 't');
-- @error yoy_growth: column "t" in "r" is not a period: 1640962800.0 (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 2021-12-31 15:00:00 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1970-01-19 23:49:22 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
-- @check period_epoch_numbers-1.4 RSQLite extended_types: INTEGER seconds
SELECT period_normalize(1672531200);
-- @error period_normalize(): argument 1 is not a period: 1672531200 (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 2023-01-01 00:00:00 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1970-01-20 08:35:31 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
-- @check period_epoch_numbers-1.5 better-sqlite3 with getTime(): REAL milliseconds only
SELECT period_normalize(1672498800000.0);
-- @error period_normalize(): argument 1 is not a period: 1672498800000.0 (as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 2022-12-31 15:00:00 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
-- @check period_epoch_numbers-1.6 before 1970, with a fraction of a second
SELECT period_normalize(-1000000000.5);
-- @error period_normalize(): argument 1 is not a period: -1000000000.5 (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 1938-04-24 22:13:19 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1969-12-20 10:13:19 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)

-- 2. The edges: the YYYYMM numbers keep their own message; numbers that
-- are no time of 1800..2199 either way keep the list of forms.
-- @check period_epoch_numbers-2.1 below 10^8 (1973-03-03) the eight digits are YYYYMMDD's: no time named
SELECT period_normalize(99999999);
-- @error period_normalize(): argument 1 is not a period: 99999999 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_epoch_numbers-2.1b 10^8 seconds
SELECT period_normalize(100000000);
-- @error period_normalize(): argument 1 is not a period: 100000000 (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 1973-03-03 09:46:40 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1970-01-02 03:46:40 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
-- @check period_epoch_numbers-2.1c the same as text, as the sqlite3 shell's .import keeps it
SELECT period_normalize('1672498800');
-- @error period_normalize(): argument 1 is not a period: '1672498800' (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 2022-12-31 15:00:00 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1970-01-20 08:34:58 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
-- @check period_epoch_numbers-2.2 the largest INTEGER: no time
SELECT period_normalize(9223372036854775807);
-- @error period_normalize(): argument 1 is not a period: 9223372036854775807 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_epoch_numbers-2.3 milliseconds past 2199
SELECT period_normalize(7258118400000);
-- @error period_normalize(): argument 1 is not a period: 7258118400000 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_epoch_numbers-2.4 the last second of 2199
SELECT period_normalize(7258118399);
-- @error period_normalize(): argument 1 is not a period: 7258118399 (as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is 2199-12-31 23:59:59 UTC, as milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is 1970-03-26 00:08:38 UTC: write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)
