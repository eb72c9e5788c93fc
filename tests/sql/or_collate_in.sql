.load build/tradestat
.headers off
.mode list
-- An OR of equalities on one column whose branches compare under
-- different collations.  SQLite before its May 2026 fix "Do not attempt
-- the OR-optimization on conjuncts that contain COLLATE" (3.40.1,
-- Debian 12's, which the suites run on, is one) rewrites
--   WHERE k = 'b' OR k = 'a' COLLATE NOCASE
-- into a virtual term k IN ('b', 'a') compared under the column's own
-- collation (BINARY), dropping the branch's NOCASE (where.c,
-- exprAnalyzeOrTerm).  A series table took that IN (query-plan code `C`,
-- or `P=` one value at a time on the period) and read only the source
-- rows it keeps: the series 'A' was never read, and SQLite's re-check of
-- the OR cannot bring back a row the table did not return.
-- Input: 'A' 10 (2022) and 20 (2023), 'b' 5 and 5.  Wrong: the series
-- table gave 'b' alone (sum 10); right (the same WHERE on a GROUP BY
-- view of the source, or on a copy of the table): 'A' and 'b', 40.  The
-- same on the period: `period = '2023-q1' COLLATE NOCASE OR period =
-- '2022-Q1'` lost the 2023-Q1 rows (1|1 for 3|6).  The table cannot see
-- the branch's COLLATE (sqlite3_vtab_collation of the IN term is the
-- column's), so xBestIndex (vtab/series_plan.c, maybe_or_in) takes no IN
-- constraint on a series or period column: SQLite tests the original OR
-- (or IN) on every row read.  No SQLite release carrying the fix could
-- be pinned, so this holds on every version (docs/design.md).
CREATE TABLE t(k TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES ('A', '2022', 10), ('A', '2023', 20), ('b', '2022', 5), ('b', '2023', 5);
CREATE VIEW gv AS SELECT k, p AS period, sum(v) AS value FROM t GROUP BY k, p;
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by=k);

-- @check or_collate_in-1.1 plain SQL on the GROUP BY view (the reference)
SELECT group_concat(k, ' '), sum(value) FROM (SELECT k, value FROM gv
 WHERE k = 'b' OR k = 'a' COLLATE NOCASE ORDER BY k, period);
-- @expect A A b b|40
-- @check or_collate_in-1.2 each branch alone on the series table
SELECT (SELECT sum(value) FROM g WHERE k = 'a' COLLATE NOCASE), (SELECT sum(value) FROM g WHERE k = 'b');
-- @expect 30|10
-- @check or_collate_in-1.3 the OR on the series table: both series (was b b|10)
SELECT group_concat(k, ' '), sum(value) FROM (SELECT k, value FROM g
 WHERE k = 'b' OR k = 'a' COLLATE NOCASE ORDER BY k, period);
-- @expect A A b b|40
-- @check or_collate_in-1.4 the table-valued form: the same (was b b|10)
SELECT group_concat(series, ' '), sum(value) FROM (SELECT series, value FROM yoy_growth('t', 'v', 'p', 'k')
 WHERE series = 'b' OR series = 'a' COLLATE NOCASE ORDER BY series, period);
-- @expect A A b b|40

-- 2. On the period column.
CREATE TABLE q(k TEXT, p TEXT, v INTEGER);
INSERT INTO q VALUES ('a', '2022-Q1', 1), ('a', '2023-Q1', 2), ('b', '2023-Q1', 3);
CREATE VIRTUAL TABLE gq USING yoy_growth(source=q, value=v, period=p, by=k);
CREATE VIEW qv AS SELECT k, p AS period, sum(v) AS value FROM q GROUP BY k, p;

-- @check or_collate_in-2.1 plain SQL on the GROUP BY view (the reference)
SELECT count(*), sum(value) FROM qv WHERE period = '2023-q1' COLLATE NOCASE OR period = '2022-Q1';
-- @expect 3|6
-- @check or_collate_in-2.2 the series table: the same (was 1|1)
SELECT count(*), sum(value) FROM gq WHERE period = '2023-q1' COLLATE NOCASE OR period = '2022-Q1';
-- @expect 3|6

-- 3. The stream and hash scan paths, and the IN an analyst writes.
CREATE VIRTUAL TABLE gs USING yoy_growth(source=t, value=v, period=p, by=k, scan=stream);
CREATE VIRTUAL TABLE gh USING yoy_growth(source=t, value=v, period=p, by=k, scan=hash);
-- @check or_collate_in-3.1 the streaming path: both series (was b b|10)
SELECT group_concat(k, ' '), sum(value) FROM (SELECT k, value FROM gs
 WHERE k = 'b' OR k = 'a' COLLATE NOCASE ORDER BY k, period);
-- @expect A A b b|40
-- @check or_collate_in-3.2 the hash path: both series (was b b|10)
SELECT group_concat(k, ' '), sum(value) FROM (SELECT k, value FROM gh
 WHERE k = 'b' OR k = 'a' COLLATE NOCASE ORDER BY k, period);
-- @expect A A b b|40
-- @check or_collate_in-3.3 the branches the other way round (was b b|10)
SELECT group_concat(k, ' '), sum(value) FROM (SELECT k, value FROM g
 WHERE k = 'a' COLLATE NOCASE OR k = 'b' ORDER BY k, period);
-- @expect A A b b|40
-- @check or_collate_in-3.4 without COLLATE the OR is BINARY: 'a' is not 'A' (view and table alike)
SELECT (SELECT group_concat(k, ' ') || '|' || sum(value) FROM gv WHERE k = 'b' OR k = 'a'),
       (SELECT group_concat(k, ' ') || '|' || sum(value) FROM g WHERE k = 'b' OR k = 'a');
-- @expect b b|10|b b|10
-- @check or_collate_in-3.5 an IN written out: BINARY, then under NOCASE
SELECT (SELECT sum(value) FROM g WHERE k IN ('b', 'A')), (SELECT sum(value) FROM g WHERE k IN ('b', 'a')),
       (SELECT sum(value) FROM g WHERE k COLLATE NOCASE IN ('b', 'a'));
-- @expect 40|10|40

-- 4. The period: an IN with COLLATE, both scan paths, the table-valued form.
CREATE VIRTUAL TABLE gqs USING yoy_growth(source=q, value=v, period=p, by=k, scan=stream);
CREATE VIRTUAL TABLE gqh USING yoy_growth(source=q, value=v, period=p, by=k, scan=hash);
-- @check or_collate_in-4.1 an IN under NOCASE on the period: all three rows, as on the view
SELECT (SELECT count(*) || '|' || sum(value) FROM qv WHERE period COLLATE NOCASE IN ('2023-q1', '2022-Q1')),
       (SELECT count(*) || '|' || sum(value) FROM gq WHERE period COLLATE NOCASE IN ('2023-q1', '2022-Q1'));
-- @expect 3|6|3|6
-- @check or_collate_in-4.2 the OR on the period, streaming and hash paths (was 1|1)
SELECT (SELECT count(*) || '|' || sum(value) FROM gqs WHERE period = '2023-q1' COLLATE NOCASE OR period = '2022-Q1'),
       (SELECT count(*) || '|' || sum(value) FROM gqh WHERE period = '2023-q1' COLLATE NOCASE OR period = '2022-Q1');
-- @expect 3|6|3|6
-- @check or_collate_in-4.3 the table-valued form on the period (was 1|1)
SELECT count(*), sum(value) FROM yoy_growth('q', 'v', 'p', 'k')
 WHERE period = '2023-q1' COLLATE NOCASE OR period = '2022-Q1';
-- @expect 3|6
-- @check or_collate_in-4.4 an IN on the period written out (BINARY): the 2022-Q1 row alone
SELECT count(*), sum(value) FROM gq WHERE period IN ('2023-q1', '2022-Q1');
-- @expect 1|1

-- 5. A NOCASE column: the IN SQLite makes compares under NOCASE and keeps
-- more rows than a BINARY branch; SQLite's re-check takes them out.
CREATE TABLE n(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO n VALUES ('a', '2022', 10), ('a', '2023', 20), ('B', '2022', 5), ('B', '2023', 5);
CREATE VIEW nv AS SELECT k, p AS period, sum(v) AS value FROM n GROUP BY k, p;
CREATE VIRTUAL TABLE gn USING yoy_growth(source=n, value=v, period=p, by=k);
-- @check or_collate_in-5.1 a BINARY branch on a NOCASE column: 'B' by its NOCASE branch, not 'a'
SELECT (SELECT count(*) || '|' || sum(value) FROM nv WHERE k = 'b' OR k = 'A' COLLATE BINARY),
       (SELECT count(*) || '|' || sum(value) FROM gn WHERE k = 'b' OR k = 'A' COLLATE BINARY);
-- @expect 2|10|2|10
-- @check or_collate_in-5.2 both branches under the column's NOCASE: every row
SELECT (SELECT count(*) || '|' || sum(value) FROM nv WHERE k = 'A' OR k = 'b'),
       (SELECT count(*) || '|' || sum(value) FROM gn WHERE k = 'A' OR k = 'b');
-- @expect 4|40|4|40

-- 6. trade_imbalance and annual_projection.  Exports 10, 20 and 5, 5;
-- imports 4, 5 and 1, 2: balances 6, 15 and 4, 3 (sum 28).
CREATE TABLE tr(k TEXT, p TEXT, ex INTEGER, im INTEGER);
INSERT INTO tr VALUES ('A', '2022', 10, 4), ('A', '2023', 20, 5), ('b', '2022', 5, 1), ('b', '2023', 5, 2);
CREATE VIRTUAL TABLE ti USING trade_imbalance(source=tr, period=p, exports=ex, imports=im, by=k);
-- @check or_collate_in-6.1 trade_imbalance: both series (was b b|10|7)
SELECT group_concat(k, ' '), sum(exports), sum(balance) FROM (SELECT k, exports, balance FROM ti
 WHERE k = 'b' OR k = 'a' COLLATE NOCASE ORDER BY k, period);
-- @expect A A b b|40|28
-- Year-to-date figures through Q1: 'A' 100 (2022) and 150 (2023), 'b' 10 and 20.
CREATE TABLE pq(k TEXT, p TEXT, v INTEGER);
INSERT INTO pq VALUES ('A', '2022-Q1', 100), ('A', '2023-Q1', 150), ('b', '2022-Q1', 10), ('b', '2023-Q1', 20);
CREATE VIRTUAL TABLE ap USING annual_projection(source=pq, value=v, period=p, by=k, method=run_rate, through=Q1);
-- @check or_collate_in-6.2 annual_projection: both series (was b b|30)
SELECT group_concat(k, ' '), sum(ytd) FROM (SELECT k, ytd FROM ap
 WHERE k = 'b' OR k = 'a' COLLATE NOCASE ORDER BY k, year);
-- @expect A A b b|280
