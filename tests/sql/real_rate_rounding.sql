.load build/tradestat
.headers off
.mode list
-- Rates of REAL figures (and of whole numbers past 2^46) rounded once.
-- A rate was rounded once only when its numerator times 100 was exact
-- (whole numbers below 2^46); REAL figures with short decimals times 100
-- are seldom exact in binary (0.1 is 0.1000000000000000055...), so they
-- were divided first and rounded twice or three times: the growth from
-- 1.4 to 0.1 (billions, say) showed -92.8571428571428 where the exact
-- -92.857142857142857... shows -92.8571428571429, and where the same
-- figures in INTEGER hundreds of millions (14 to 1) gave the right one.
-- Plain meaning: (current - previous) * 100 / |previous| and
-- part * 100 / whole of the figures as written (0.7 is seven tenths), as
-- exact fractions, then the nearest double.  Expected values: Python's
-- fractions.Fraction of the decimals, printed with '%.17g' (for example
-- float((F(Decimal('0.1')) - F(Decimal('1.4'))) * 100 / F(Decimal('1.4')))
-- is -92.857142857142861).

-- @check real_rate_rounding-1.1 the growth from 1.4 to 0.1
SELECT printf('%!.17g', pct_change(0.1, 1.4));
-- @expect -92.857142857142861
-- @check real_rate_rounding-1.2 the same figures as INTEGERs in other units give the same rate
SELECT pct_change(0.1, 1.4) = pct_change(1, 14) AND pct_change(0.7, 0.3) = pct_change(7, 3);
-- @expect 1
-- @check real_rate_rounding-1.3 from 0.3 to 0.7 and back (7 against 3 tenths: 400 / 3 %)
SELECT printf('%!.17g', pct_change(0.7, 0.3)) || ' ' || printf('%!.17g', pct_change(0.3, 0.7));
-- @expect 133.33333333333334 -57.142857142857146
-- @check real_rate_rounding-1.4 whole numbers past 2^46: the product by 100 rounds, the rate need not
SELECT printf('%!.17g', pct_change(6131957383510609, 5328675132871595));
-- @expect 15.074708639746433
-- @check real_rate_rounding-1.5 coverage of exports of 0.4 against imports of 0.7 (400 / 7; the shell showed 57.1428571428572)
SELECT printf('%!.17g', trade_imbalance(0.4, 0.7, 'coverage'));
-- @expect 57.142857142857146

-- The virtual table, the aggregate and the window over a REAL column.
CREATE TABLE t(p TEXT, v REAL);
INSERT INTO t VALUES ('2022-01', 1.4), ('2023-01', 0.1);
-- @check real_rate_rounding-2.1 the virtual table's growth
SELECT printf('%!.17g', growth) FROM yoy_growth('t', 'v', 'p') WHERE period = '2023-01';
-- @expect -92.857142857142861
-- @check real_rate_rounding-2.2 the aggregate and the window give the same
SELECT printf('%!.17g', (SELECT yoy_growth(v, p) FROM t)) || ' ' ||
       printf('%!.17g', (SELECT g FROM (SELECT p, yoy_growth(v, p) OVER (ORDER BY p) AS g FROM t)
                        WHERE p = '2023-01'));
-- @expect -92.857142857142861 -92.857142857142861
