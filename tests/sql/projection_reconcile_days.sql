.load build/tradestat
.headers on
.mode list
-- reconcile= over day rows rolled up by grain=: no data from the future
-- (docs/reference/projection.md: a row projected from a point is the
-- same with every later row removed; docs/design.md, "A backtest row of
-- days rolled up by grain= is the source cut at its point").  Two parts
-- and their Total, a row a day from 2021 to mid-2023 (part b skips one
-- day a week), none of the three with a row on 29 and 30 June of 2022 or
-- 2023 (a weekend, no sales).  Cut on 30 June the source ends on the
-- 28th, so June is not whole there; the whole source's rows from June
-- must say the same, for the parts and for the reconciled Total, and the
-- 2023 rows' intervals (built from the earlier years' backtests, the
-- reconciled Total's from its own reconciled errors) must not use the
-- days after June 2022 either.  Expected: every column of the whole
-- source's row equal to the cut source's.
CREATE TABLE d(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 940)
INSERT INTO d SELECT 'a', date('2021-01-01', '+' || i || ' days'), 10 + i % 5 FROM n
UNION ALL SELECT 'b', date('2021-01-01', '+' || i || ' days'), 20 + i % 3 FROM n WHERE i % 7 <> 3;
DELETE FROM d WHERE substr(d, 6) IN ('06-29', '06-30') AND d >= '2022';
INSERT INTO d SELECT 'Total', d, sum(v) FROM d GROUP BY d;
CREATE TABLE cut22 AS SELECT * FROM d WHERE d <= '2022-06-30';
CREATE TABLE cut23 AS SELECT * FROM d WHERE d <= '2023-06-30';
CREATE TABLE cut23m AS SELECT * FROM d WHERE d <= '2023-05-31';

-- @check projection_reconcile_days-1.1 from June 2022 and 2023: incomplete in the whole source as in the source cut on 30 June
SELECT 'whole' AS form, series, year, ytd, projection, note FROM annual_projection('d', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06, reconcile=k=Total') WHERE year >= 2022
UNION ALL
SELECT 'cut 2022', series, year, ytd, projection, note FROM annual_projection('cut22', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06, reconcile=k=Total') WHERE year = 2022
UNION ALL
SELECT 'cut 2023', series, year, ytd, projection, note FROM annual_projection('cut23', 'v', 'd', 'k', 'prior_share', 'grain=month, through=06, reconcile=k=Total') WHERE year = 2023;
-- @expect
-- | form|series|year|ytd|projection|note
-- | whole|Total|2022|||incomplete period
-- | whole|Total|2023|||incomplete period
-- | whole|a|2022|||incomplete period
-- | whole|a|2023|||incomplete period
-- | whole|b|2022|||incomplete period
-- | whole|b|2023|||incomplete period
-- | cut 2022|Total|2022|||incomplete period
-- | cut 2022|a|2022|||incomplete period
-- | cut 2022|b|2022|||incomplete period
-- | cut 2023|Total|2023|||incomplete period
-- | cut 2023|a|2023|||incomplete period
-- | cut 2023|b|2023|||incomplete period
-- @check projection_reconcile_days-1.2 from May 2023, every method: each row of the whole source, its interval and note included, is the cut source's
SELECT m.method, count(*) AS rows_,
       sum(w.ytd IS c.ytd AND w.projection IS c.projection AND w.low IS c.low AND w.high IS c.high
           AND w.note IS c.note) AS same
FROM (SELECT 'prior_share' AS method UNION ALL SELECT 'avg_share' UNION ALL SELECT 'run_rate'
      UNION ALL SELECT 'snaive' UNION ALL SELECT 'auto') AS m
JOIN annual_projection('d', 'v', 'd', 'k', m.method, 'grain=month, through=05, reconcile=k=Total') AS w
JOIN annual_projection('cut23m', 'v', 'd', 'k', m.method, 'grain=month, through=05, reconcile=k=Total') AS c
  ON c.series = w.series AND c.year = w.year
WHERE w.year = 2023 GROUP BY m.method ORDER BY m.method;
-- @expect
-- | method|rows_|same
-- | auto|3|3
-- | avg_share|3|3
-- | prior_share|3|3
-- | run_rate|3|3
-- | snaive|3|3
-- @check projection_reconcile_days-1.3 the reconciled Total from May 2023 is its year-to-date plus its parts' projections of the rest
SELECT round(t.projection - t.ytd, 6) = round((a.projection - a.ytd) + (b.projection - b.ytd), 6) AS adds_up, t.note
FROM annual_projection('d', 'v', 'd', 'k', 'prior_share', 'grain=month, through=05, reconcile=k=Total') AS t
JOIN annual_projection('d', 'v', 'd', 'k', 'prior_share', 'grain=month, through=05, reconcile=k=Total') AS a ON a.series = 'a' AND a.year = t.year
JOIN annual_projection('d', 'v', 'd', 'k', 'prior_share', 'grain=month, through=05, reconcile=k=Total') AS b ON b.series = 'b' AND b.year = t.year
WHERE t.series = 'Total' AND t.year = 2023;
-- @expect
-- | adds_up|note
-- | 1|reconciled: its year-to-date plus its parts' projections of the rest; interval from the spread of this year's periods (no earlier errors)
