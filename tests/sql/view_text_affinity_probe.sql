.load build/tradestat
.headers off
.mode list
-- A series column over a view's expression takes the affinity a probe on
-- values tells (ext/vtab/series_source.c, probed_affinity).  A first
-- probe read
--   SELECT c = '1', c = 1 FROM (SELECT s.k AS c FROM <view> s WHERE 0
--                               UNION ALL SELECT 1)
-- both true as NUMERIC, both false as TEXT.  But SQLite (3.40.1
-- here) gives the compound's column the first arm's TEXT affinity and
-- then compares c = 1 as '1' = '1': under TEXT both are true too, so a
-- TEXT view column is taken for NUMERIC (pragma_table_xinfo of the
-- series table shows k NUMERIC for `CAST(kt AS TEXT)` and for
-- `kt COLLATE RTRIM`, kt TEXT).  A WHERE on the series column then
-- compares numerically where the view compares as text.
-- Input: t holds keys '1' (10 in 2022, 20 in 2023), '2' (5, 7) and '01'
-- (3 in 2021).  Wrong / right (right = the same WHERE on the view):
--   view CAST(kt AS TEXT):  WHERE k = 1.0 -> 33 / NULL (no row: '1' is
--     not '1.0' as text);  WHERE k = '01' -> 33 / 3;  WHERE k = '1' ->
--     33 / 30 (series '1' and '01' are both found, numerically equal)
--   view kt COLLATE RTRIM:  WHERE k = '1' -> 33 / 30 (series '01' is
--     found by '1');  WHERE k < '1' -> NULL / 3
-- The probe now asks what holds whether or not the second arm takes the
-- first arm's affinity: c < 9 for the TEXT '10' (TEXT only), then
-- c = '1' for the INTEGER 1 (a numeric affinity).
CREATE TABLE t(kt TEXT, ki INTEGER, p TEXT, v INTEGER);
INSERT INTO t VALUES ('1', 1, '2022', 10), ('1', 1, '2023', 20), ('2', 2, '2022', 5),
  ('2', 2, '2023', 7), ('01', 1, '2021', 3);
CREATE VIEW vc AS SELECT CAST(kt AS TEXT) AS k, p, v FROM t;
CREATE VIEW vr AS SELECT kt COLLATE RTRIM AS k, p, v FROM t;
CREATE VIRTUAL TABLE gc USING yoy_growth(source=vc, value=v, period=p, by=k);
CREATE VIRTUAL TABLE gr USING yoy_growth(source=vr, value=v, period=p, by=k);

-- @check view_text_affinity_probe-1.1 plain SQL on the CAST(... AS TEXT) view
SELECT sum(v) FROM vc WHERE k = 1.0;
SELECT sum(v) FROM vc WHERE k = '01';
SELECT sum(v) FROM vc WHERE k = '1';
-- @expect
-- | 
-- | 3
-- | 30
-- @check view_text_affinity_probe-1.2 the series table: the same (was 33, 33 and 33)
SELECT sum(value) FROM gc WHERE k = 1.0;
SELECT sum(value) FROM gc WHERE k = '01';
SELECT sum(value) FROM gc WHERE k = '1';
-- @expect
-- | 
-- | 3
-- | 30
-- @check view_text_affinity_probe-2.1 plain SQL on the COLLATE RTRIM view
SELECT sum(v) FROM vr WHERE k = '1';
SELECT sum(v) FROM vr WHERE k < '1';
-- @expect
-- | 30
-- | 3
-- @check view_text_affinity_probe-2.2 the series table: the same (was 33 and NULL)
SELECT sum(value) FROM gr WHERE k = '1';
SELECT sum(value) FROM gr WHERE k < '1';
-- @expect
-- | 30
-- | 3
-- @check view_text_affinity_probe-3.1 the series column's declared affinity is the view's TEXT (was NUMERIC)
SELECT group_concat(type) FROM (SELECT type FROM pragma_table_xinfo('gc') WHERE name = 'k'
  UNION ALL SELECT type FROM pragma_table_xinfo('gr') WHERE name = 'k');
-- @expect TEXT,TEXT
