.load build/tradestat
.headers off
.mode list
-- The CREATE form declares each series column with the affinity of the
-- source column's declared type (vtab/series_source.c,
-- source_by_affinities: sqlite3_column_decltype of a query on the
-- source).  A view column that is not a direct column reference has no
-- declared type, so the series column gets none; but SQLite gives such a
-- column an affinity all the same: `k COLLATE RTRIM` keeps k's (the
-- COLLATE operator is skipped), `CAST(k AS TEXT)` has TEXT, a UNION's
-- column its first arm's.  Input: INTEGER keys 1 (10 in 2022, 20 in
-- 2023) and 2 (5).  Wrong: `WHERE k = '1'` on the series table finds no
-- row (sum NULL) over `SELECT k COLLATE RTRIM AS k ...` and over `SELECT
-- k ... UNION ALL ...`, and `WHERE k = 1` none over `SELECT CAST(k AS
-- TEXT) AS k ...`; right (the same WHERE on the view, or on a GROUP BY
-- view of it): 30 each.  The collation is already told by how the
-- column compares (view_collation); the affinity can be told the same
-- way, on values and no row: over `SELECT s.k FROM src AS s WHERE 0
-- UNION ALL SELECT 1`, `k = '1'` and `k = 1` both hold under a numeric
-- affinity, neither under TEXT, `k = 1` alone under none
-- (vtab/series_source.c, probed_affinity).  The pushdown reads no
-- affinity for such a column and pushes only what holds under any.
CREATE TABLE t0(k INTEGER, p TEXT, v INTEGER);
INSERT INTO t0 VALUES (1, '2022', 10), (1, '2023', 20), (2, '2023', 5);

-- 1. A key under a COLLATE in the view.
CREATE VIEW vc AS SELECT k COLLATE RTRIM AS k, p, v FROM t0;
CREATE VIEW vc_g AS SELECT k, p AS period, sum(v) AS value FROM vc GROUP BY k, p;
CREATE VIRTUAL TABLE gc USING yoy_growth(source=vc, value=v, period=p, by=k);

-- @check view_expression_affinity-1.1 plain SQL on a GROUP BY view of the view (the reference)
SELECT sum(value) FROM vc_g WHERE k = '1';
-- @expect 30
-- @check view_expression_affinity-1.2 the series table: the same (was NULL: the column had no affinity)
SELECT sum(value) FROM gc WHERE k = '1';
-- @expect 30

-- 2. A key cast to TEXT.
CREATE VIEW vt AS SELECT CAST(k AS TEXT) AS k, p, v FROM t0;
CREATE VIEW vt_g AS SELECT k, p AS period, sum(v) AS value FROM vt GROUP BY k, p;
CREATE VIRTUAL TABLE gt USING yoy_growth(source=vt, value=v, period=p, by=k);

-- @check view_expression_affinity-2.1 plain SQL on a GROUP BY view of the view (the reference)
SELECT sum(value) FROM vt_g WHERE k = 1;
-- @expect 30
-- @check view_expression_affinity-2.2 the series table: the same (was NULL: the column had no affinity)
SELECT sum(value) FROM gt WHERE k = 1;
-- @expect 30

-- 3. A compound view: its column has the first arm's affinity.
CREATE VIEW vu AS SELECT k, p, v FROM t0 UNION ALL SELECT 3, '2023', 1;
CREATE VIEW vu_g AS SELECT k, p AS period, sum(v) AS value FROM vu GROUP BY k, p;
CREATE VIRTUAL TABLE gu USING yoy_growth(source=vu, value=v, period=p, by=k);

-- @check view_expression_affinity-3.1 plain SQL on a GROUP BY view of the view (the reference)
SELECT sum(value) FROM vu_g WHERE k = '1';
-- @expect 30
-- @check view_expression_affinity-3.2 the series table: the same (was NULL: the column had no affinity)
SELECT sum(value) FROM gu WHERE k = '1';
-- @expect 30
-- @check view_expression_affinity-3.3 a view of plain column references is right already
CREATE VIEW vp AS SELECT k, p, v FROM t0;
CREATE VIRTUAL TABLE gp USING yoy_growth(source=vp, value=v, period=p, by=k);
SELECT sum(value) FROM gp WHERE k = '1';
-- @expect 30
