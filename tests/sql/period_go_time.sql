.load build/tradestat
.headers on
.mode list
-- Input: Go's database/sql with modernc.org/sqlite (the cgo-free driver)
-- stores a time.Time, by default, as time.Time.String() writes it:
-- '2023-01-01 00:00:00 +0900 KST', '2023-01-01 00:00:00 +0400 +04' for a
-- zone without an abbreviation, and '... +0000 UTC m=+0.001369469' for a
-- time read from the monotonic clock (time.Now()).  mattn/go-sqlite3
-- writes '2023-01-01 00:00:00+09:00', which was read.
-- Wrong: every such date was refused, "is not a period: '2023-01-01
-- 00:00:00 +0900 KST' (nearest accepted form: 'YYYY-MM-DD' (a date that
-- exists))", a message that calls a date that exists wrong.
-- Right: the day as written, as for every other timestamp: the clock,
-- the offset and the zone name are dropped (docs/design.md, "A timestamp
-- is the date it is written with").
CREATE TABLE g(t TEXT, v REAL);
INSERT INTO g VALUES ('2022-01-01 00:00:00 +0900 KST', 100), ('2023-01-01 00:00:00 +0900 KST', 112),
  ('2022-02-01 00:00:00.123456789 +0000 UTC', 50), ('2023-02-01 00:00:00 +0400 +04', 60),
  ('2023-03-01 09:30:00.312170373 +0000 UTC m=+0.001369469', 7);

-- @check period_go_time-1.1 Go's String() forms read as the day written
SELECT period_normalize('2023-01-01 00:00:00 +0900 KST') AS kst,
       period_normalize('2023-01-01 00:00:00 +0400 +04') AS numeric_zone,
       period_normalize('2023-01-01 00:00:00.123456789 +0000 UTC') AS nanos,
       period_normalize('2023-06-30 23:30:00 -0700 MST') AS west,
       period_normalize('2026-12-02 10:31:47.312170373 +0000 UTC m=+0.001369469') AS monotonic;
-- @expect
-- | kst|numeric_zone|nanos|west|monotonic
-- | 2023-01-01|2023-01-01|2023-01-01|2023-06-30|2026-12-02
-- @check period_go_time-1.2 a monthly series keyed by Go times: January and February 2023 against 2022
SELECT period, prior_value, round(growth, 2) AS growth
FROM yoy_growth('g', 'v', 't', '', 'grain=month') WHERE prior_value IS NOT NULL ORDER BY period;
-- @expect
-- | period|prior_value|growth
-- | 2023-01|100.0|12.0
-- | 2023-02|50.0|20.0
-- @check period_go_time-1.3 mattn/go-sqlite3's form, as before
SELECT period_normalize('2023-01-01 00:00:00+09:00') AS mattn,
       period_normalize('0001-01-01 00:00:00+00:00') AS zero_time;
-- @expect
-- | mattn|zero_time
-- | 2023-01-01|0001-01-01

-- 2. Not Go's form: still refused.
-- @check period_go_time-2.1 a zone name without the offset
SELECT period_normalize('2023-01-01 12:00:00 UTC');
-- @error period_normalize(): argument 1 is not a period: '2023-01-01 12:00:00 UTC' (nearest accepted form: 'YYYY-MM-DD' (a date that exists))
-- @check period_go_time-2.2 an offset of three digits
SELECT period_normalize('2023-01-01 12:00:00 +090 KST');
-- @error period_normalize(): argument 1 is not a period: '2023-01-01 12:00:00 +090 KST' (nearest accepted form: 'YYYY-MM-DD' (a date that exists))
-- @check period_go_time-2.3 words after the zone
SELECT period_normalize('2023-01-01 12:00:00 +0900 KST extra');
-- @error period_normalize(): argument 1 is not a period: '2023-01-01 12:00:00 +0900 KST extra' (nearest accepted form: 'YYYY-MM-DD' (a date that exists))
-- @check period_go_time-2.4 a monotonic reading without its sign
SELECT period_normalize('2023-01-01 12:00:00 +0000 UTC m=0.5');
-- @error period_normalize(): argument 1 is not a period: '2023-01-01 12:00:00 +0000 UTC m=0.5' (nearest accepted form: 'YYYY-MM-DD' (a date that exists))
-- @check period_go_time-2.5 Go's form after a T separator
SELECT period_normalize('2023-01-01T12:00:00 +0900 KST');
-- @error period_normalize(): argument 1 is not a period: '2023-01-01T12:00:00 +0900 KST' (nearest accepted form: 'YYYY-MM-DD' (a date that exists))
