.load build/tradestat
-- Rates whose base is not a double: a base (or X + M) that doubles round
-- was divided by rounded, and the rate came out one or two doubles off.
-- INTEGER flows past 2^53, X + M of two REALs (0.1 + 0.2 is the double
-- 0.30000000000000004; written as decimals it is 3 tenths), and a
-- numerator whose product by 100 overflows.  Expected values: the exact
-- fractions rounded to a double (Python's fractions.Fraction, the
-- decimals as written for REALs with a short form, the integers exact).
.mode list
.headers off

-- @check ratio_parts_exact-1.1 normalized of 0.1 and 0.2: (1 - 2) / (1 + 2) tenths = -100/3 (it was -33.33333333333333)
SELECT printf('%!.17g', trade_imbalance(0.1, 0.2, 'normalized'));
-- @expect -33.333333333333336
-- @check ratio_parts_exact-1.2 grubel_lloyd of 0.1 and 0.2: 2 * 1 / 3 tenths = 200/3 (it was 66.666666666666657)
SELECT printf('%!.17g', trade_imbalance(0.1, 0.2, 'grubel_lloyd'));
-- @expect 66.666666666666671
-- @check ratio_parts_exact-1.3 the same flows as INTEGERs and as REALs give the same index
SELECT trade_imbalance(1, 2, 'normalized') = trade_imbalance(0.1, 0.2, 'normalized'),
       trade_imbalance(1, 2, 'grubel_lloyd') = trade_imbalance(0.1, 0.2, 'grubel_lloyd');
-- @expect 1|1
-- @check ratio_parts_exact-1.4 coverage of INTEGERs past 2^53: (2^53 + 1) / (2^53 + 3) * 100 (it was 99.999999999999957, of 2^53 and 2^53 + 4)
SELECT printf('%!.17g', trade_imbalance(9007199254740993, 9007199254740995, 'coverage'));
-- @expect 99.999999999999972
-- @check ratio_parts_exact-1.5 normalized and grubel_lloyd of 2^53 against 1: X + M = 2^53 + 1 is no double
SELECT printf('%!.17g', trade_imbalance(9007199254740992, 1, 'normalized')),
       printf('%!.17g', trade_imbalance(9007199254740992, 1, 'grubel_lloyd'));
-- @expect 99.999999999999972|2.2204460492503128e-14
-- @check ratio_parts_exact-1.6 growth from a base past 2^53: (2^53 + 3) against 2^53 + 1 is 200 / (2^53 + 1) % (it was 2.2204460492503131e-14)
SELECT printf('%!.17g', pct_change(9007199254740995, 9007199254740993));
-- @expect 2.2204460492503128e-14
-- @check ratio_parts_exact-1.7 -3 against 2^53 + 1: -100 - 300 / (2^53 + 1) % (it was -100.00000000000004)
SELECT printf('%!.17g', pct_change(-3, 9007199254740993));
-- @expect -100.00000000000003
-- @check ratio_parts_exact-1.8 the largest INTEGER against 2^53 + 1 (it was 102300.0)
SELECT printf('%!.17g', pct_change(9223372036854775807, 9007199254740993));
-- @expect 102299.99999999999
-- @check ratio_parts_exact-1.9 the yoy_growth table's growth over INTEGER totals past 2^53, the same double
CREATE TABLE big(p TEXT, v INTEGER);
INSERT INTO big VALUES ('2022', 9007199254740993), ('2023', 9007199254740995);
SELECT printf('%!.17g', growth) FROM yoy_growth('big', 'v', 'p') WHERE period = '2023';
-- @expect 2.2204460492503128e-14
-- @check ratio_parts_exact-1.10 the aggregate's too
SELECT printf('%!.17g', yoy_growth(v, p)) FROM big;
-- @expect 2.2204460492503128e-14
-- @check ratio_parts_exact-1.11 a numerator whose product by 100 overflows: 1e308 against 9007199254740991 (it was 1.1102230246251568e+294)
SELECT printf('%!.17g', pct_change(1e308, 9007199254740991));
-- @expect 1.1102230246251567e+294
