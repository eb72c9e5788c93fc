.load build/tradestat
-- A sum whose running total passes the largest double on the way but
-- whose exact value is a double: 1e308 + 1e308 - 1e308 is 1e308.  The
-- compensated sum held its partial sum in one double, which became an
-- infinity at the second row: yoy_growth said 'value is too large' (a
-- NULL value), sparkline refused the period as "infinite" and
-- trade_imbalance lost the side.  (SQLite's own sum() gives Inf in this
-- order too, but the rule is the documented one: NULL only for a sum
-- beyond the range of a double, and the exact sum here is 1e308.)
-- Expected values are worked out by hand in the comments.
.mode list
.headers off

CREATE TABLE big(k TEXT, p TEXT, flow TEXT, v REAL);
INSERT INTO big VALUES ('a', '2022-01', 'X', 1e308), ('a', '2022-02', 'X', 1e308),
  ('a', '2022-03', 'X', -1e308), ('a', '2022-01', 'M', 1.0), ('a', '2023-01', 'X', 2e307),
  ('a', '2023-01', 'M', 1.0);

-- The exact sum, in any order: 1e308.
-- @check sum-overflow-1.1
SELECT sum(v) FROM (SELECT v FROM big WHERE flow = 'X' AND p LIKE '2022%' ORDER BY v);
-- @expect 1.0e+308
-- yoy_growth with grain=year: 2022 is 1e308; 2023 is 2e307, -80 %.
-- @check sum-overflow-1.2
SELECT period, value, round(growth, 6), note FROM yoy_growth('big', 'v', 'p', 'k', 'grain=year')
 WHERE period IN ('2022', '2023');
-- @expect
-- | 2022|1.0e+308||incomplete period
-- | 2023|2.0e+307||incomplete period
-- Both paths, rows of a period in any order.
-- @check sum-overflow-1.3
SELECT value FROM yoy_growth('big', 'v', 'p', 'k', 'grain=year, scan=hash') WHERE period = '2022';
SELECT value FROM yoy_growth('big', 'v', 'p', 'k', 'grain=year, scan=stream') WHERE period = '2022';
-- @expect
-- | 1.0e+308
-- | 1.0e+308
-- The aggregate: (2e307 - 1e308) / 1e308 = -80 %.
-- @check sum-overflow-1.4
SELECT round(yoy_growth(v, substr(p, 1, 4)), 6) FROM big WHERE flow = 'X';
-- @expect -80.0
-- sparkline: 1e308 then 2e307, the high bar then the low one.
-- @check sum-overflow-1.5
SELECT sparkline(v, substr(p, 1, 4)) FROM big WHERE flow = 'X';
-- @expect █▁
-- trade_imbalance: exports 1e308, imports 1; balance 1e308 - 1 = 1e308.
-- @check sum-overflow-1.6
SELECT exports, imports, balance FROM trade_imbalance('big', 'v', 'p', 'flow', 'k', 'grain=year')
 WHERE period = '2022';
-- @expect 1.0e+308|1.0|1.0e+308
-- A sum truly beyond a double stays NULL: 1e308 + 1e308.
DELETE FROM big WHERE v = -1e308;
-- @check sum-overflow-2.1
SELECT value IS NULL FROM yoy_growth('big', 'v', 'p', 'k', 'grain=year') WHERE period = '2022';
SELECT sparkline(v, substr(p, 1, 4)) FROM big WHERE flow = 'X';
-- @expect
-- | 1
-- @error sparkline(): the values of period '2022' sum to an infinite number

-- INTEGER totals past 2^63 are exact (128 bits) but shown as REAL, and a
-- difference of two of them was taken between those rounded REALs.
-- Exports 2^63 - 1 + 6 and imports 2^63 - 1 + 1 in 2022: the balance is
-- 5, not 0.0; in 2023 exports 2^63 - 1 + 106: balance 105, its change
-- 100, its growth (105 - 5) / 5 = +2000 % (it was NULL, 'prior is
-- zero', for a prior balance of 5).  yoy_growth's change of the exports
-- is 100 (it was 0.0).
CREATE TABLE past63(p TEXT, x INTEGER, m INTEGER);
INSERT INTO past63 VALUES ('2022', 9223372036854775807, 9223372036854775807), ('2022', 6, 1),
  ('2023', 9223372036854775807, 9223372036854775807), ('2023', 106, 1);
CREATE VIRTUAL TABLE past63_trade USING trade_imbalance(source=past63, period=p, exports=x, imports=m,
  grain=year);
-- @check sum-overflow-3.1 the balance, its prior, change and growth from the exact sums
SELECT period, balance, typeof(balance), prior_balance, balance_change, balance_growth, note
  FROM past63_trade;
-- @expect
-- | 2022|5|integer||||no prior period
-- | 2023|105|integer|5|100|2000.0|
-- @check sum-overflow-3.2 yoy_growth's change of such totals
SELECT period, change, typeof(change) FROM yoy_growth('past63', 'x', 'p', '', 'grain=year');
-- @expect
-- | 2022||null
-- | 2023|100|integer
