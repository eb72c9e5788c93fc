.load build/tradestat
-- Growth rates are the double nearest the exact rate when the figures
-- allow it: (current - previous) * 100 first (exact for whole numbers
-- below 2^46), then one division by |previous|, as plain SQL's
-- (a - b) * 100.0 / abs(b) does.  Divided first and then multiplied by
-- 100, the rate was rounded twice and for about a quarter of integer
-- pairs was the next double over, sometimes visibly: exports of 451
-- against 752 showed -40.0265957446808 where the exact rate,
-- -40.02659574468085106..., shows -40.0265957446809.  Expected values:
-- the exact fractions 100/3, -30100/752, -102000/71 rounded to a double.
.mode list
.headers off

-- 1. pct_change, INTEGER and REAL inputs alike.
-- @check trade_growth_rounding-1.1 4 against 3: 100/3
SELECT printf('%!.17g', pct_change(4, 3)), printf('%!.17g', pct_change(4.0, 3.0)),
       pct_change(4, 3) = (4 - 3) * 100.0 / abs(3);
-- @expect 33.333333333333336|33.333333333333336|1
-- @check trade_growth_rounding-1.2 451 against 752, as the shell shows it
SELECT pct_change(451, 752), pct_change(451.0, 752.0);
-- @expect -40.0265957446809|-40.0265957446809

-- 2. The trade table's growths: each side's and the balance's.  H1 2022
-- exports 752, imports 681 (balance 71); H1 2023 451 and 1,400 (balance
-- -949): exports -30100/752 %, balance (-949 - 71) / 71 = -102000/71 %.
CREATE TABLE halves(p TEXT, flow TEXT, v INTEGER);
INSERT INTO halves VALUES ('2022-H1', 'export', 752), ('2022-H1', 'import', 681),
  ('2023-H1', 'export', 451), ('2023-H1', 'import', 1400);
-- @check trade_growth_rounding-2.1
SELECT exports_growth, printf('%!.17g', exports_growth), printf('%!.17g', balance_growth)
FROM trade_imbalance('halves', 'v', 'p', 'flow') WHERE period = '2023-H1';
-- @expect -40.0265957446809|-40.026595744680854|-1436.6197183098591
-- @check trade_growth_rounding-2.2 the same figures as REALs: the same rates
CREATE TEMP VIEW halves_real AS SELECT p, flow, CAST(v AS REAL) AS v FROM halves;
SELECT printf('%!.17g', exports_growth), printf('%!.17g', balance_growth)
FROM trade_imbalance('halves_real', 'v', 'p', 'flow') WHERE period = '2023-H1';
-- @expect -40.026595744680854|-1436.6197183098591

-- 3. yoy_growth's table and aggregate give the same double.
-- @check trade_growth_rounding-3.1
SELECT printf('%!.17g', growth) FROM yoy_growth('halves', 'v', 'p', 'flow')
WHERE series = 'export' AND period = '2023-H1';
-- @expect -40.026595744680854
