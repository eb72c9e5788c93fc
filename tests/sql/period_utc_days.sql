.load build/tradestat
.headers on
.mode list
-- Input: a monthly series keyed by each month's first day at local
-- midnight in Seoul (UTC+9), converted to UTC before it was written:
-- better-sqlite3 refuses a Date and d.toISOString() gives
-- '2022-12-31T15:00:00.000Z' for new Date(2023, 0, 1); Python's
-- astimezone(timezone.utc).isoformat() '2022-12-31T15:00:00+00:00'.
-- tradestat reads a timestamp as the day written (docs/design.md, "A
-- timestamp is the date it is written with"): it cannot know the zone
-- the data was in, so these are the last days of the months before.
-- What it does (pinned here, and said in docs/clients.md, Node): rolled
-- up, each month's figure lands in the month before, January's in the
-- year before.  The cure, the local date as text, is read right.
CREATE TABLE js(t TEXT, v REAL);
INSERT INTO js VALUES ('2021-12-31T15:00:00.000Z', 100), ('2022-01-31T15:00:00.000Z', 90),
  ('2022-12-31T15:00:00.000Z', 112), ('2023-01-31T15:00:00.000Z', 99);
CREATE TABLE local(t TEXT, v REAL);
INSERT INTO local VALUES ('2022-01-01', 100), ('2022-02-01', 90), ('2023-01-01', 112), ('2023-02-01', 99);

-- @check period_utc_days-1.1 a UTC timestamp is the UTC day written, also with Python's +00:00
SELECT period_normalize('2022-12-31T15:00:00.000Z') AS js, period_normalize('2022-12-31T15:00:00+00:00') AS py,
       period_normalize('2023-01-01T00:00:00+09:00') AS local_offset;
-- @expect
-- | js|py|local_offset
-- | 2022-12-31|2022-12-31|2023-01-01
-- @check period_utc_days-1.2 rolled up to months: each figure in the month before; February's
-- growth, 99 / 90 - 1, is shown as January 2023's (December 2021, from its
-- last day only, is incomplete)
SELECT period, value, round(growth, 2) AS growth FROM yoy_growth('js', 'v', 't', '', 'grain=month')
ORDER BY period;
-- @expect
-- | period|value|growth
-- | 2021-12|100.0|
-- | 2022-01|90.0|
-- | 2022-12|112.0|
-- | 2023-01|99.0|10.0
-- @check period_utc_days-1.3 rolled up to years: January 2022 is counted in 2021
SELECT period, value FROM yoy_growth('js', 'v', 't', '', 'grain=year') ORDER BY period;
-- @expect
-- | period|value
-- | 2021|100.0
-- | 2022|202.0
-- | 2023|99.0
-- @check period_utc_days-1.4 the local dates, one a month on its first day, are read as the months they are
SELECT period, value, round(growth, 2) AS growth FROM yoy_growth('local', 'v', 't', '', 'grain=month')
WHERE period LIKE '2023-%' ORDER BY period;
-- @expect
-- | period|value|growth
-- | 2023-01|112.0|12.0
-- | 2023-02|99.0|10.0
