.load build/tradestat
-- Sums whose running total passes the largest double in other orders
-- than tests/sql/sum_overflow.sql: the big values first negative, the
-- largest double itself, several crossings, INTEGERs and a subnormal
-- beside them, both read paths, the aggregate in both row orders, and
-- the window over sliding frames (rows leave the sum by xInverse).
-- Expected values are worked out by hand in the comments.
.mode list
.headers off

CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, p TEXT, v);
-- a: -1e308 - 1e308 + 1e308 + 5 = -1e308 (5 is below its last bit).
-- b: 1e308 + 1 + 1e308 - 1e308 - 1e308 = 1.
-- c: M + M - M - M + 4.9e-324 = the smallest subnormal (M = DBL_MAX).
-- d: 1e308 + 1e308 - 1e308 - 1e308 + 1e308 + 1e308 - 1e308 = 1e308.
-- e: 1e308 + (2^63 - 1) + 1e308 - 1e308 - 1e308 = 9223372036854775807,
--    as a REAL 9.22337203685478e+18.
-- Each series has 1.0 in 2023.
INSERT INTO t(k, p, v) VALUES ('a', '2022-01', -1e308), ('a', '2022-02', -1e308),
  ('a', '2022-03', 1e308), ('a', '2022-04', 5),
  ('b', '2022-01', 1e308), ('b', '2022-02', 1), ('b', '2022-03', 1e308), ('b', '2022-04', -1e308),
  ('b', '2022-05', -1e308),
  ('c', '2022-01', 1.7976931348623157e308), ('c', '2022-02', 1.7976931348623157e308),
  ('c', '2022-03', -1.7976931348623157e308), ('c', '2022-04', -1.7976931348623157e308),
  ('c', '2022-05', 4.9e-324),
  ('d', '2022-01', 1e308), ('d', '2022-02', 1e308), ('d', '2022-03', -1e308), ('d', '2022-04', -1e308),
  ('d', '2022-05', 1e308), ('d', '2022-06', 1e308), ('d', '2022-07', -1e308),
  ('e', '2022-01', 1e308), ('e', '2022-02', 9223372036854775807), ('e', '2022-03', 1e308),
  ('e', '2022-04', -1e308), ('e', '2022-05', -1e308),
  ('a', '2023-01', 1.0), ('b', '2023-01', 1.0), ('c', '2023-01', 1.0), ('d', '2023-01', 1.0),
  ('e', '2023-01', 1.0);
-- @check sum-overflow-orders-1.1 both read paths, grain=year
SELECT series, value FROM yoy_growth('t', 'v', 'p', 'k', 'grain=year, scan=stream')
 WHERE period = '2022';
SELECT series, value FROM yoy_growth('t', 'v', 'p', 'k', 'grain=year, scan=hash')
 WHERE period = '2022';
-- @expect
-- | a|-1.0e+308
-- | b|1.0
-- | c|4.94065645841247e-324
-- | d|1.0e+308
-- | e|9.22337203685478e+18
-- | a|-1.0e+308
-- | b|1.0
-- | c|4.94065645841247e-324
-- | d|1.0e+308
-- | e|9.22337203685478e+18
-- The aggregate, rows in both orders: a (1 + 1e308) / 1e308 = +100 %;
-- b (1 - 1) / 1 = 0 %; c 1 over a subnormal is too large: NULL; d and e
-- about -100 %.
-- @check sum-overflow-orders-1.2
SELECT k, round(yoy_growth(v, substr(p, 1, 4)), 6) FROM t GROUP BY k;
SELECT k, round(yoy_growth(v, substr(p, 1, 4)), 6) FROM (SELECT * FROM t ORDER BY id DESC) GROUP BY k;
-- @expect
-- | a|100.0
-- | b|0.0
-- | c|
-- | d|-100.0
-- | e|-100.0
-- | a|100.0
-- | b|0.0
-- | c|
-- | d|-100.0
-- | e|-100.0

-- The window over a sliding frame of two rows: the big values enter and
-- leave.  Rows: 2021 1e308, 1e308, -1e308, 3; 2022 M, M, -M, 7.
-- Frames (two rows, 2021 is the prior of 2022): rows 5..6 hold M + M of
-- 2022 and nothing of 2021: no prior, NULL; the aggregate over the same
-- rows says the same, and so on for every row.
CREATE TABLE w(i INTEGER PRIMARY KEY, p TEXT, v);
INSERT INTO w(p, v) VALUES ('2021', 1e308), ('2021', 1e308), ('2021', -1e308), ('2021', 3),
  ('2022', 1.7976931348623157e308), ('2022', 1.7976931348623157e308),
  ('2022', -1.7976931348623157e308), ('2022', 7);
-- @check sum-overflow-orders-2.1 every window row equals the aggregate over its frame
SELECT count(*) FROM (
  SELECT i, yoy_growth(v, p) OVER (ORDER BY i ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS g FROM w) x
 WHERE g IS NOT (SELECT yoy_growth(v, p) FROM w WHERE w.i BETWEEN x.i - 3 AND x.i);
SELECT count(*) FROM (
  SELECT i, yoy_growth(v, p) OVER (ORDER BY i ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS g FROM w) x
 WHERE g IS NOT (SELECT yoy_growth(v, p) FROM w WHERE w.i BETWEEN x.i - 4 AND x.i);
-- @expect
-- | 0
-- | 0
-- Row 8, frame rows 4..8: 2021 is 3; 2022 is M + M - M + 7 = M (7 below
-- its last bit): (M - 3) / 3 overflows, growth too large, NULL.  Row 7,
-- frame 3..7 with ROWS 4: 2021 -1e308 + 3 = -1e308, 2022 M + M - M = M:
-- (M + 1e308) / 1e308 = 279.769313486232 %.  (Before the fix NULL: the
-- difference M + 1e308 overflowed though the rate does not.)
-- @check sum-overflow-orders-2.2
SELECT i, round(yoy_growth(v, p) OVER (ORDER BY i ROWS BETWEEN 4 PRECEDING AND CURRENT ROW), 9)
  FROM w WHERE 1 ORDER BY i LIMIT 2 OFFSET 6;
-- @expect
-- | 7|279.769313486
-- | 8|
-- A rate whose difference alone overflows: -1e308 then M is +279.77 %,
-- M then -1e308 is -155.63 %, -M then M is +200 %; the note is NULL, not
-- 'growth is too large'.
CREATE TABLE o(p TEXT, v REAL);
INSERT INTO o VALUES ('2021', -1e308), ('2022', 1.7976931348623157e308), ('2023', -1e308),
  ('2024', -1.7976931348623157e308), ('2025', 1.7976931348623157e308);
-- @check sum-overflow-orders-2.3
SELECT period, round(growth, 9), note FROM yoy_growth('o', 'v', 'p') WHERE period > '2021';
SELECT round(pct_change(1.7976931348623157e308, -1e308), 9);
-- @expect
-- | 2022|279.769313486|
-- | 2023|-155.626846463|
-- | 2024|-79.769313486|
-- | 2025|200.0|
-- | 279.769313486
-- Inf is an error, never a sum.
-- @check sum-overflow-orders-3.1
SELECT yoy_growth(v, p) FROM (SELECT '2021' AS p, 1e308 AS v UNION ALL SELECT '2021', 9e999);
-- @error yoy_growth(): argument 1 is not a finite number: Inf
