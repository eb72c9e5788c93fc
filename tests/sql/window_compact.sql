.load build/tradestat
-- The window's compact series (INTEGER figures, one canonical month a
-- row, ascending) ends when any other row or call arrives; results must
-- be those of the general path throughout.
.mode list
.headers off

CREATE TABLE m(i INTEGER PRIMARY KEY, p TEXT, v);
-- 2022-01..2022-03 then 2023-01..2023-03, all INTEGER: growth of 2023-0x
-- against 2022-0x: 100 -> 150 is +50 %, 200 -> 100 is -50 %, 300 -> 300 is 0.
INSERT INTO m(p, v) VALUES ('2022-01', 100), ('2022-02', 200), ('2022-03', 300),
  ('2023-01', 150), ('2023-02', 100), ('2023-03', 300);
-- @check window-compact-1.1 the compact series alone, window and aggregate
SELECT p, yoy_growth(v, p) OVER (ORDER BY p) FROM m WHERE p >= '2023';
-- (the WHERE leaves no prior year in the window: NULL)
SELECT p, yoy_growth(v, p) OVER (ORDER BY p) FROM m ORDER BY p LIMIT 3 OFFSET 3;
SELECT yoy_growth(v, p) FROM (SELECT * FROM m ORDER BY p);
-- @expect
-- | 2023-01|
-- | 2023-02|
-- | 2023-03|
-- | 2023-01|50.0
-- | 2023-02|-50.0
-- | 2023-03|0.0
-- | 0.0
-- A second row of 2023-02 (a peer: same period) ends it mid-series:
-- 2023-02 is 100 + 60 = 160, +-80 % -> -20 %; 2023-03 still 0 %.
INSERT INTO m(p, v) VALUES ('2023-02', 60);
-- @check window-compact-1.2 a peer row, a REAL row, a quarter label
SELECT p, yoy_growth(v, p) OVER (ORDER BY p, i) FROM m WHERE 1 ORDER BY p, i LIMIT 4 OFFSET 3;
SELECT yoy_growth(v, p) FROM (SELECT i, p, CASE WHEN i = 6 THEN 450.0 ELSE v END AS v
  FROM m ORDER BY p, i);
SELECT yoy_growth(v, p) FROM (SELECT * FROM (SELECT p, v FROM m ORDER BY p)
  UNION ALL SELECT '2023-Q1', 1);
-- @expect
-- | 2023-01|50.0
-- | 2023-02|-50.0
-- | 2023-02|-20.0
-- | 2023-03|0.0
-- | 50.0
-- @error yoy_growth(): series mixes period kinds: '2022-01' and '2023-Q1'
-- Rows out of order: the aggregate sorts (2023-03 against 2022-03), the
-- window reports the order.
-- @check window-compact-1.3
SELECT yoy_growth(v, p) FROM (SELECT * FROM m ORDER BY p DESC);
SELECT max(g) FROM (SELECT yoy_growth(v, p) OVER (ORDER BY i) AS g FROM m);
-- @expect
-- | 0.0
-- @error yoy_growth(): window is not ordered by period ascending: '2023-02' after '2023-03'
-- Figures past 2^53 (read as the deque reads them) and a sliding frame
-- (xInverse ends the compact series): 2^62 + 1 against 2^61 is +100 %.
CREATE TABLE b(p TEXT, v);
INSERT INTO b VALUES ('2022-05', 2305843009213693952), ('2022-06', 7),
  ('2023-05', 4611686018427387905), ('2023-06', 14);
-- @check window-compact-1.4
SELECT p, yoy_growth(v, p) OVER (ORDER BY p) FROM b ORDER BY p LIMIT 2 OFFSET 2;
SELECT p, yoy_growth(v, p) OVER (ORDER BY p ROWS 2 PRECEDING) FROM b ORDER BY p LIMIT 2 OFFSET 2;
-- @expect
-- | 2023-05|100.0
-- | 2023-06|100.0
-- | 2023-05|100.0
-- | 2023-06|100.0
