.load build/tradestat
-- The ratio measures of integer flows are the correctly rounded
-- percentages: the double nearest to the exact fraction, which is what
-- plain SQL's 100.0 * x / m gives (100 * x is exact, then one division).
-- x / m * 100 rounds twice, and for about a quarter of integer pairs it
-- was the next double over (5 against 6: 83.333333333333343 for
-- 83.333333333333329).  Expected values: the exact fractions 500/6,
-- 100/3, 100 * (1 - 2) / 3 and 200 * 1 / 3 rounded to a double, printed
-- with 17 significant digits.
.mode list
.headers off

-- 1. The scalar against the exact fractions.
-- @check trade_percent_rounding-1.1 coverage 5 / 6 and 1 / 3
SELECT printf('%!.17g', trade_imbalance(5, 6, 'coverage')),
       printf('%!.17g', trade_imbalance(1, 3, 'coverage'));
-- @expect 83.333333333333329|33.333333333333336
-- @check trade_percent_rounding-1.2 normalized (1 - 2) / 3, Grubel-Lloyd 2 / 3
SELECT printf('%!.17g', trade_imbalance(1, 2, 'normalized')),
       printf('%!.17g', trade_imbalance(1, 2, 'grubel_lloyd'));
-- @expect -33.333333333333336|66.666666666666671
-- @check trade_percent_rounding-1.3 the same double as plain SQL's spelling
SELECT trade_imbalance(5, 6, 'coverage') = 100.0 * 5 / 6,
       trade_imbalance(7, 9, 'coverage') = 100.0 * 7 / 9,
       trade_imbalance(1, 10, 'normalized') = 100.0 * (1 - 10) / (1 + 10),
       trade_imbalance(5, 7, 'grubel_lloyd') = 100.0 * 2 * 5 / (5 + 7);
-- @expect 1|1|1|1

-- 2. The ends of the ranges hold for REALs whose product by 100 is not
-- exact: equal flows cover each other 100 %, one-way trade is 100 %
-- normalized, balanced trade 100 Grubel-Lloyd, never the double after
-- 100 (100.00000000000001).
-- @check trade_percent_rounding-2.1
SELECT trade_imbalance(763.7746189766141, 763.7746189766141, 'coverage'),
       trade_imbalance(763.7746189766141, 0, 'normalized'),
       trade_imbalance(0, 437.88759365057206, 'normalized'),
       trade_imbalance(437.88759365057206, 437.88759365057206, 'grubel_lloyd');
-- @expect 100.0|100.0|-100.0|100.0

-- 3. The virtual table's measures are the scalar's: a month of exports 5
-- and imports 6.
CREATE TABLE m(ym TEXT, flow TEXT, v INTEGER);
INSERT INTO m VALUES ('2023-01', 'export', 5), ('2023-01', 'import', 6),
  ('2023-02', 'export', 1), ('2023-02', 'import', 2);
-- @check trade_percent_rounding-3.1
SELECT period, printf('%!.17g', coverage), printf('%!.17g', normalized), printf('%!.17g', grubel_lloyd)
FROM trade_imbalance('m', 'v', 'ym', 'flow') ORDER BY period;
-- @expect
-- | 2023-01|83.333333333333329|-9.0909090909090917|90.909090909090907
-- | 2023-02|50.0|-33.333333333333336|66.666666666666671
