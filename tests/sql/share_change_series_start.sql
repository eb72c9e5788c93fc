.load build/tradestat
.headers on
.mode list
-- A roll-up of days cut only by its series' own first day (a partner that
-- began on 15 March 2022) counts whole in the totals, keeps its share,
-- and has its own growth and contribution withheld: a year later its
-- March compares half a month with a whole one.  share_change compares the
-- same two figures and is shown: b sells 10 a day beside a's 10 and
-- c's 10 every day, a steady third of the market, yet its March 2023
-- share_change is +11.81 points (33.33 - 21.52, the share of its 17
-- days in a month of the others' 31), a gain of market share that did
-- not happen: over the same days (15 to 31 March) its share is 33.33 in
-- both years.  The withheld contribution reads the same two figures
-- ((310 - 170) / 790 * 100 = 17.72).  Plain SQL of
-- the measure the row means (the change of a share between two whole
-- months) has no prior whole month: NULL, as growth is.  share_change is
-- now withheld where the row or its prior is such a cut first period
-- (growth/shares.c); the share itself stays shown.
CREATE TABLE t(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 800)
INSERT INTO t SELECT k, date('2022-01-01', '+' || n || ' days'), 10 FROM c, (SELECT 'a' AS k UNION ALL SELECT 'c');
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 650)
INSERT INTO t SELECT 'b', date('2022-03-15', '+' || n || ' days'), 10 FROM c;

-- @check share_change_series_start-1.1 the reference in plain SQL: b's March 2022 is 17 days, its share 170 of 790; over the same days (15th to 31st) a third in both years
SELECT substr(d, 1, 7) AS month, sum(v) FILTER (WHERE k = 'b') AS b, sum(v) AS total,
       round(100.0 * sum(v) FILTER (WHERE k = 'b') / sum(v), 2) AS b_share,
       round(100.0 * sum(v) FILTER (WHERE k = 'b' AND substr(d, 9, 2) >= '15') / sum(v) FILTER (WHERE substr(d, 9, 2) >= '15'), 2) AS same_days_share
FROM t WHERE substr(d, 1, 7) IN ('2022-03', '2023-03') GROUP BY month;
-- @expect
-- | month|b|total|b_share|same_days_share
-- | 2022-03|170|790|21.52|33.33
-- | 2023-03|310|930|33.33|33.33
-- @check share_change_series_start-1.2 b's March 2023: share shown, growth, contribution and share_change withheld (share_change was 11.81)
SELECT series, period, round(share, 2) AS share, share_change, growth, contribution, note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=hash') WHERE series = 'b' AND period = '2023-03'
UNION ALL
SELECT series, period, round(share, 2), share_change, growth, contribution, note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=stream') WHERE series = 'b' AND period = '2023-03';
-- @expect
-- | series|period|share|share_change|growth|contribution|note
-- | b|2023-03|33.33||||incomplete prior period
-- | b|2023-03|33.33||||incomplete prior period
-- @check share_change_series_start-1.3 grain=quarter the same: b's Q1 2023 share_change compares 17 days with a quarter (was 24.70)
SELECT series, period, share_change, growth, contribution
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=quarter') WHERE series = 'b' AND period = '2023-Q1';
-- @expect
-- | series|period|share_change|growth|contribution
-- | b|2023-Q1|||
