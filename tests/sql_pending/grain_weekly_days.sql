.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails, checks 1.2 to 1.4, until weekly
-- figures keyed by a day are told from daily ones when grain= rolls them
-- up).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/grain_weekly_days.sql
-- Input: weekly figures keyed by one day of their week, as pandas writes
-- them (df.resample('W').sum() keys each week by its Sunday, to_sql
-- stores '2023-01-01 00:00:00'; 'W-MON' by its Monday), and as weekly
-- retail and customs series are published.  ISO week labels
-- ('2023-W05') are refused, so the dates are how weeks arrive.
-- Wrong: yoy_growth with grain=month reads each row as the sales of its
-- day (docs/design.md: a day with no row is a day with nothing sold), so
-- a month holds the weeks whose key day falls in it: four or five.
-- Sales flat at 100 a week from 3 January 2021 to 31 December 2023 show
-- April 2023 +25.0 % (five Sundays against four in April 2022), May
-- -20.0 %, December +25.0 %, 2023-Q4 +7.69 % and a December
-- year-to-date +1.92 %, each with an empty note (plain SQL's GROUP BY
-- strftime('%Y-%m', d) sums the same weeks: the figure is plain SQL's,
-- the meaning is not).
-- Right: flat sales have no growth: 0 %, or no growth ('incomplete
-- period') where a week straddles the month's, quarter's or year's
-- boundary: 3 of the 7 days of the week ending Sunday 4 June 2023 lie
-- in May.
-- Where the fix lies: the judgement of day rows that are not events
-- (docs/design.md, "Day rows that are months keyed by their first day"
-- and "...by their last day": ext/vtab/series_scan.c and
-- series_hash.c mark the rows, the roll-up judges a series' year), with
-- one more reading: a year whose rows with a figure fall on one weekday,
-- 7 days apart, is weeks keyed by a day, and a roll-up holds a week only
-- when the week lies inside it (else the period is 'incomplete period',
-- or grain= over weeks is an error naming the weekday); the growth
-- aggregate and window (growth_window.c) and annual_projection's roll-up
-- the same.
CREATE TABLE w(d TEXT, v INTEGER);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r
                        WHERE date('2021-01-03', '+' || (7 * i) || ' days') < '2023-12-31')
INSERT INTO w SELECT date('2021-01-03', '+' || (7 * i) || ' days') || ' 00:00:00', 100 FROM r;

-- @check grain_weekly_days-1.1 what the rows are: one a week, every one a Sunday, 100 each
SELECT count(*) AS weeks, min(d) AS first, max(d) AS last, count(DISTINCT strftime('%w', d)) AS weekdays,
       min(v) = max(v) AS flat FROM w;
-- @expect
-- | weeks|first|last|weekdays|flat
-- | 157|2021-01-03 00:00:00|2023-12-31 00:00:00|1|1
-- @check grain_weekly_days-1.2 no month of flat weekly sales grows or falls (April 2023 showed +25.0, May -20.0, December +25.0)
SELECT count(*) AS moved FROM yoy_growth('w', 'v', 'd', '', 'grain=month') WHERE growth <> 0;
-- @expect
-- | moved
-- | 0
-- @check grain_weekly_days-1.3 nor a quarter (2023-Q4 showed +7.69)
SELECT count(*) AS moved FROM yoy_growth('w', 'v', 'd', '', 'grain=quarter') WHERE growth <> 0;
-- @expect
-- | moved
-- | 0
-- @check grain_weekly_days-1.4 nor a year-to-date (December 2023 showed +1.92)
SELECT count(*) AS moved FROM yoy_growth('w', 'v', 'd', '', 'grain=month') WHERE ytd_growth <> 0;
-- @expect
-- | moved
-- | 0
