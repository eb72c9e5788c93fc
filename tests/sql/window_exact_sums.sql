.load build/tradestat
-- A sliding window's sums are the aggregate's over the frame's rows, to
-- the bit, after huge REAL values left the frame: removing a row from a
-- compensated sum is not the sum never having held it.
.mode list
.headers off

-- Rows 1..4 are 2021, row 5 is 2022.  With two rows a frame, row 5's
-- frame is rows 4..5: 2021 is 1.0, 2022 is 3.0, +200 %.  Before, -1e308,
-- 1e307 and 1e307 leaving the 2021 point left it at 0 (the 1.0 was in
-- the compensation, lost as they left) and row 5 was NULL.
CREATE TABLE t(i INTEGER PRIMARY KEY, p TEXT, v);
INSERT INTO t VALUES (1, '2021', -1e308), (2, '2021', 1e307), (3, '2021', 1e307),
  (4, '2021', 1.0), (5, '2022', 3.0);
-- @check window-exact-sums-1.1
SELECT i, yoy_growth(v, p) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t;
SELECT yoy_growth(v, p) FROM t WHERE i >= 4;
-- @expect
-- | 1|
-- | 2|
-- | 3|
-- | 4|
-- | 5|200.0
-- | 200.0

-- The same rows under ytd_growth, and an INTEGER row in the 2021 point
-- beside them (its REAL part is then summed again whatever the rows).
INSERT INTO t VALUES (6, '2022', 1);
UPDATE t SET i = 7 WHERE i = 5;
INSERT INTO t VALUES (5, '2021', 2);
-- Frame of row 7 (two rows back): rows 5..7, 2021 is 2, 2022 is 1 + 3:
-- +100 %; of row 6: rows 4..6, 2021 is 1.0 + 2 = 3, 2022 is 1: -66.67 %.
-- @check window-exact-sums-1.2
SELECT i, round(ytd_growth(v, p) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 6)
  FROM t ORDER BY i;
-- @expect
-- | 1|
-- | 2|
-- | 3|
-- | 4|
-- | 5|
-- | 6|-66.666667
-- | 7|100.0

-- Every row of sliding frames of 1 to 6 rows over huge values that
-- enter and leave beside small ones equals the aggregate over its rows.
CREATE TABLE h(i INTEGER PRIMARY KEY, p TEXT, v);
INSERT INTO h(p, v) VALUES ('2021', 1e308), ('2021', 0.1), ('2021', 1e307), ('2021', -1e308),
  ('2021', 0.2), ('2021', -1e307), ('2021', 3), ('2021', 1.7976931348623157e308),
  ('2021', 0.3), ('2022', -1.7976931348623157e308), ('2022', 5e-324), ('2022', 7.5),
  ('2022', 1e300), ('2022', 0.25), ('2022', -1e300), ('2022', 2);
-- @check window-exact-sums-1.3
SELECT count(*) FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
  UNION ALL SELECT 5 UNION ALL SELECT 6) k, h
 WHERE (SELECT g FROM (SELECT i AS j,
          CASE k.n WHEN 1 THEN yoy_growth(v, p) OVER (ORDER BY i ROWS 1 PRECEDING)
                   WHEN 2 THEN yoy_growth(v, p) OVER (ORDER BY i ROWS 2 PRECEDING)
                   WHEN 3 THEN yoy_growth(v, p) OVER (ORDER BY i ROWS 3 PRECEDING)
                   WHEN 4 THEN yoy_growth(v, p) OVER (ORDER BY i ROWS 4 PRECEDING)
                   WHEN 5 THEN yoy_growth(v, p) OVER (ORDER BY i ROWS 5 PRECEDING)
                   ELSE yoy_growth(v, p) OVER (ORDER BY i ROWS 6 PRECEDING) END AS g
          FROM h) WHERE j = h.i)
       IS NOT (SELECT yoy_growth(v, p) FROM (SELECT * FROM h AS x ORDER BY x.i)
                WHERE i BETWEEN h.i - k.n AND h.i);
-- @expect
-- | 0
