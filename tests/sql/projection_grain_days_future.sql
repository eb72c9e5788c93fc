.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails, check 1.1, until a backtest row of
-- days rolled up by grain= is decided without the days after its point).
-- Run it with
--   sh tests/sql/run.sh tests/sql_pending/projection_grain_days_future.sql
-- The promise (docs/reference/projection.md): the projection of a year
-- from a point is the same with every later period removed.  With
-- grain=month over days, a month is whole only when the source holds
-- days up to its last day (docs/design.md, "a roll-up of days alone is
-- complete unless it reaches past the first or last day the source
-- holds"), and the source's last day is read from every row, later ones
-- included.  A series of 10 a day from 2022-01-01 to 2023-08-24 without
-- rows on 29 and 30 June 2023 (a weekend, or no sales): projected from
-- June (through=06, prior_share) its 2023 row has ytd 1790 and a
-- projection of 1790 x 3650 / 1810 = 3609.67, because July's rows say
-- the source goes on past June.  Cut at its point (every row after 30
-- June removed) the source ends on 28 June, June reaches past it, and
-- the same row is NULL ('incomplete period'): the backtest row used the
-- existence of July's rows.  Which of the two is right is a decision:
-- nothing in rows up to 30 June tells a weekend without sales from an
-- extract that ended on the 28th (the rule of the source's end, chosen
-- against -54.5 % from an extract that ended mid-June); judging the
-- month k of a row from k against the source's last day up to the end
-- of month k would make the two equal (both NULL) and drop such
-- backtest rows of weekend month ends.
CREATE TABLE d(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
INSERT INTO d SELECT 'a', date('2022-01-01', '+' || i || ' days'), 10 FROM n
WHERE date('2022-01-01', '+' || i || ' days') NOT IN ('2023-06-29', '2023-06-30');
CREATE TABLE cut AS SELECT * FROM d WHERE d <= '2023-06-30';
CREATE VIRTUAL TABLE temp.whole USING annual_projection(source=d, value=v, period=d, by=k,
  method=prior_share, grain=month, through=06);
CREATE VIRTUAL TABLE temp.upto USING annual_projection(source=cut, value=v, period=d, by=k,
  method=prior_share, grain=month, through=06);

-- @check projection_grain_days_future-1.1 the 2023 row from June is the same with every row after 30 June removed
SELECT w.ytd IS u.ytd AND w.projection IS u.projection AS same_row
FROM temp.whole AS w JOIN temp.upto AS u USING (k, year) WHERE year = 2023;
-- @expect
-- | same_row
-- | 1
