.load build/tradestat
-- THE GAP TEST: a monthly series with one month missing.
-- Every month of 2023 is exactly 20 % above the same month of 2022
-- (2022-m = 100 m, 2023-m = 120 m), but 2022-07 was never reported.
-- yoy_growth matches by period: 20 % everywhere it can be known, NULL for
-- 2023-07.  LAG(amount, 12) counts rows, so after the gap it compares
-- with the wrong month and prints confident wrong numbers.
.mode list
.headers off
CREATE TABLE gap(partner TEXT, period TEXT, amount INTEGER);
WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 12)
INSERT INTO gap SELECT 'A', printf('2022-%02d', i), 100 * i FROM m WHERE i <> 7
      UNION ALL SELECT 'A', printf('2023-%02d', i), 120 * i FROM m;

CREATE VIEW compared AS
SELECT period, amount,
       yoy_growth(amount, period) OVER w AS growth,
       (amount - lag(amount, 12) OVER w) * 100.0 / abs(lag(amount, 12) OVER w) AS lag_growth,
       lag(period, 12) OVER w AS lag_period
  FROM gap WHERE partner = 'A' WINDOW w AS (ORDER BY period);

.headers on
-- @check gap-1.1
SELECT period, amount, round(growth, 2) AS growth, lag_period, round(lag_growth, 2) AS lag_growth
  FROM compared WHERE period >= '2023' ORDER BY period;
-- @expect
-- | period|amount|growth|lag_period|lag_growth
-- | 2023-01|120|20.0||
-- | 2023-02|240|20.0|2022-01|140.0
-- | 2023-03|360|20.0|2022-02|80.0
-- | 2023-04|480|20.0|2022-03|60.0
-- | 2023-05|600|20.0|2022-04|50.0
-- | 2023-06|720|20.0|2022-05|44.0
-- | 2023-07|840||2022-06|40.0
-- | 2023-08|960|20.0|2022-08|20.0
-- | 2023-09|1080|20.0|2022-09|20.0
-- | 2023-10|1200|20.0|2022-10|20.0
-- | 2023-11|1320|20.0|2022-11|20.0
-- | 2023-12|1440|20.0|2022-12|20.0
.headers off

-- yoy_growth: exactly 20 % for the 11 months whose prior month exists ...
-- @check gap-2.1
SELECT count(*) = 11 FROM compared WHERE period >= '2023' AND round(growth, 9) = 20.0;
-- @expect 1
-- ... and NULL, not a wrong number, for 2023-07
-- @check gap-2.2
SELECT growth IS NULL FROM compared WHERE period = '2023-07';
-- @expect 1
-- LAG(amount, 12) on the same data: wrong where it matters.  For 2023-07
-- it compares 840 with 2022-06 (600): +40 %, not the true +20 %.
-- @check gap-2.3
SELECT lag_period = '2022-06', round(lag_growth, 2) = 40.0, lag_growth <> 20.0
  FROM compared WHERE period = '2023-07';
-- @expect 1|1|1
-- 2023-03 against 2022-02: (360 - 200) / 200 = +80 %
-- @check gap-2.4
SELECT lag_period = '2022-02', round(lag_growth, 2) = 80.0 FROM compared WHERE period = '2023-03';
-- @expect 1|1
-- in all, LAG is wrong (not 20 %) for the 6 months 2023-02 .. 2023-07 and
-- silent for 2023-01; yoy_growth never disagrees with the truth
-- @check gap-2.5
SELECT count(*) = 6 FROM compared WHERE period >= '2023' AND round(lag_growth, 9) <> 20.0;
-- @expect 1
-- @check gap-2.6
SELECT count(*) = 0 FROM compared WHERE period >= '2023' AND round(growth, 9) <> 20.0;
-- @expect 1

-- the aggregate form gives the same answers for any prefix of the series
-- @check gap-3.1
SELECT yoy_growth(amount, period) IS NULL FROM gap WHERE period <= '2023-07';
-- @expect 1
-- @check gap-3.2
SELECT round(yoy_growth(amount, period), 9) = 20.0 FROM gap WHERE period <= '2023-08';
-- @expect 1
-- a ROWS frame of 12 rows back spans more than a year after the gap, so it
-- still holds the prior month; the results equal the default frame's
-- @check gap-3.3
SELECT count(*) = 23 FROM (
  SELECT yoy_growth(amount, period) OVER (ORDER BY period) a,
         yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 12 PRECEDING AND CURRENT ROW) b
  FROM gap) WHERE a IS b;
-- @expect 1

-- ytd_growth: Jan-Jun 2023 are +20 %; from July on the prior year-to-date
-- lacks 2022-07, so it is NULL rather than a sum over fewer months
-- @check gap-4.1
SELECT period, round(g, 2) FROM (
  SELECT period, ytd_growth(amount, period) OVER (ORDER BY period) g FROM gap)
 WHERE period BETWEEN '2023-05' AND '2023-08' ORDER BY period;
-- @expect
-- | 2023-05|20.0
-- | 2023-06|20.0
-- | 2023-07|
-- | 2023-08|

-- A gap in the CURRENT year: 2023-04 missing for partner B.  Monthly
-- growth is unaffected (20 %); year-to-date is NULL from April on
-- (the engine's note: 'incomplete year-to-date').
INSERT INTO gap SELECT 'B', period, amount FROM gap WHERE partner = 'A' AND period <> '2023-04';
INSERT INTO gap VALUES ('B', '2022-07', 700);
-- @check gap-5.1
SELECT period, round(yoy_growth(amount, period) OVER w, 2), round(ytd_growth(amount, period) OVER w, 2)
  FROM gap WHERE partner = 'B' WINDOW w AS (ORDER BY period) ORDER BY period LIMIT 6 OFFSET 12;
-- @expect
-- | 2023-01|20.0|20.0
-- | 2023-02|20.0|20.0
-- | 2023-03|20.0|20.0
-- | 2023-05|20.0|
-- | 2023-06|20.0|
-- | 2023-07|20.0|
