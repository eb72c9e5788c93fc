.load build/tradestat
-- The Grubel-Lloyd index of a nearly one-way trade keeps its digits.
-- For flows >= 0, (1 - |X - M| / (X + M)) * 100 is 2 min(X, M) / (X + M)
-- * 100; worked out as 1 minus a quotient near 1, the subtraction
-- cancelled all but the last few digits of the quotient.  Expected values
-- are the exact fractions, printed to 7 significant digits.
.mode list
.headers off

-- 1. The scalar.  X = 1 won beside M = 10^15 won (an HS line exported
-- once, imported by the ton): 200 / (10^15 + 1) = 1.999999999999998e-13,
-- where 1 - (10^15 - 1) / (10^15 + 1) in doubles gave 1.998401e-13.
-- @check trade_grubel_lloyd_one_way-1.1
SELECT printf('%.6e', trade_imbalance(1, 1000000000000000, 'grubel_lloyd'));
-- @expect 2.000000e-13
-- X = 3, M = 7 * 10^12: 600 / (7 * 10^12 + 3) = 8.5714285714249e-11
-- (it was 8.570922e-11, wrong in the fourth digit).
-- @check trade_grubel_lloyd_one_way-1.2
SELECT printf('%.6e', trade_imbalance(3, 7000000000000, 'grubel_lloyd'));
-- @expect 8.571429e-11
-- REAL flows: X = 1e-300, M = 1: 2e-300 / (1 + 1e-300) * 100 = 2e-298,
-- not 0 (which says one-way trade: X = 0).
-- @check trade_grubel_lloyd_one_way-1.3
SELECT printf('%.3e', trade_imbalance(1e-300, 1.0, 'grubel_lloyd')),
       trade_imbalance(0, 1.0, 'grubel_lloyd');
-- @expect 2.000e-298|0.0
-- The ends of the range are unchanged: balanced trade is 100 exactly,
-- and two REALs whose sum overflows a double still give their index
-- (X = M = 1e308: 100; X = 1e308, M = 5e307: 2 * 5e307 / 1.5e308 = 66.67).
-- @check trade_grubel_lloyd_one_way-1.4
SELECT trade_imbalance(7, 7, 'grubel_lloyd'), trade_imbalance(1e308, 1e308, 'grubel_lloyd'),
       round(trade_imbalance(1e308, 5e307, 'grubel_lloyd'), 2),
       round(trade_imbalance(451, 1400, 'grubel_lloyd'), 1);
-- @expect 100.0|100.0|66.67|48.7

-- 2. The virtual table computes the same index (its measures come from
-- the scalar's core): exports 1 and imports 10^15 in a month.
CREATE TABLE customs(month TEXT, flow TEXT, hs TEXT, amount INTEGER);
INSERT INTO customs VALUES ('2023-01', 'Export', '0101', 1),
  ('2023-01', 'Import', '0101', 1000000000000000),
  ('2023-01', 'Export', '8542', 3), ('2023-01', 'Import', '8542', 7000000000000);
-- @check trade_grubel_lloyd_one_way-2.1
SELECT series, printf('%.6e', grubel_lloyd)
FROM trade_imbalance('customs', 'amount', 'month', 'flow', 'hs') ORDER BY series;
-- @expect
-- | 0101|2.000000e-13
-- | 8542|8.571429e-11
