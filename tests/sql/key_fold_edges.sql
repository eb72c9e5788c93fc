.load build/tradestat
-- How a series' key is folded into its id (one id per series, as the
-- scan groups keys) against plain GROUP BY on the source, for the keys
-- GROUP BY keeps apart or puts together.  Every check sums the rows of
-- the table-valued form per shown key; the expected lines are the plain
-- GROUP BY of the same rows, run first in each check.
-- Expected values are worked out by hand in the comments.
.mode list
.headers off

-- A source made again with another collation, no row written: the
-- folding asked of the old source must not stay.  A view whose column was
-- NOCASE becomes BINARY: 'a' and 'A' are two series, 1 + 4 = 5 and
-- 2 + 8 = 10.  Before the fix both showed as 'a' with one id (one rowid
-- for two rows), and GROUP BY series gave a single 15.  Inside one
-- transaction: a commit moves the source's data version, which hid it.
BEGIN;
CREATE TABLE b(k TEXT, p TEXT, v INTEGER);
INSERT INTO b VALUES ('a', '2022', 1), ('A', '2022', 2), ('a', '2023', 4), ('A', '2023', 8);
CREATE VIEW vv AS SELECT k COLLATE NOCASE AS k, p, v FROM b;
-- @check key-fold-1.1 NOCASE view: one series of 15
SELECT count(*), sum(value) FROM yoy_growth('vv', 'v', 'p', 'k', 'grain=year')
 WHERE period IN ('2022', '2023') GROUP BY series;
-- @expect 2|15
DROP VIEW vv;
CREATE VIEW vv AS SELECT k, p, v FROM b;
-- @check key-fold-1.2 the view made again BINARY: two series (plain SQL first)
SELECT k, sum(v) FROM vv WHERE p IN ('2022', '2023') GROUP BY k ORDER BY 2;
SELECT series, sum(value) FROM yoy_growth('vv', 'v', 'p', 'k')
 WHERE period IN ('2022', '2023') GROUP BY series ORDER BY 2;
-- @expect
-- | a|5
-- | A|10
-- | a|5
-- | A|10
-- @check key-fold-1.3 every row its own rowid again: four rows, each its own spelling
SELECT count(DISTINCT rowid), count(DISTINCT series || period) FROM yoy_growth('vv', 'v', 'p', 'k')
 WHERE period IN ('2022', '2023');
-- @expect 4|4
COMMIT;

-- An untyped column: TEXT '1', INTEGER 1 and REAL 1.0, TEXT '1.0', -0.0
-- and 0, 2^53 + 1 and the REAL 2^53, 2^63 - 1 and the REAL 2^63, a BLOB
-- X'31', NULL, 'a' and 'a' + TAB.  GROUP BY keeps apart: '1' (1),
-- 1 with 1.0 (2 + 4 = 6), '1.0' (8), 0 with -0.0 (16 + 32 = 48),
-- 9007199254740993 (64), 9007199254740992 with its REAL (128 + 256 =
-- 384), 2^63 - 1 (512), 9.223372036854776e18 (1024), X'31' (2048), NULL
-- (4096 + 8192 = 12288), 'a' + TAB (16384), 'a' (32768).
CREATE TABLE u(k, p TEXT, v INTEGER);
INSERT INTO u VALUES ('1', '2020', 1), (1, '2021', 2), (1.0, '2022', 4), ('1.0', '2023', 8),
  (-0.0, '2021', 16), (0, '2022', 32), (9007199254740993, '2020', 64),
  (9007199254740992.0, '2021', 128), (9007199254740992, '2022', 256),
  (9223372036854775807, '2020', 512), (9.223372036854776e18, '2021', 1024), (X'31', '2022', 2048),
  (NULL, '2020', 4096), (NULL, '2023', 8192), ('a' || char(9), '2021', 16384), ('a', '2022', 32768);
-- @check key-fold-2.1 plain GROUP BY: 12 groups, sums as above
SELECT count(*), group_concat(s, ',') FROM (SELECT sum(v) AS s FROM u GROUP BY k ORDER BY 1);
-- @expect 12|1,6,8,48,64,384,512,1024,2048,12288,16384,32768
-- @check key-fold-2.2 the streamed read, the hash read, and both under IN and OR filters
SELECT count(*), group_concat(s, ',') FROM (SELECT sum(value) AS s
  FROM yoy_growth('u', 'v', 'p', 'k', 'scan=stream') GROUP BY series ORDER BY 1);
SELECT count(*), group_concat(s, ',') FROM (SELECT sum(value) AS s
  FROM yoy_growth('u', 'v', 'p', 'k', 'scan=hash') GROUP BY series ORDER BY 1);
SELECT count(*), group_concat(s, ',') FROM (SELECT sum(value) AS s
  FROM yoy_growth('u', 'v', 'p', 'k', 'scan=hash') WHERE period IN ('2020', '2021', '2022', '2023')
  GROUP BY series ORDER BY 1);
SELECT count(*), group_concat(s, ',') FROM (SELECT sum(value) AS s
  FROM yoy_growth('u', 'v', 'p', 'k', 'scan=stream')
  WHERE period = '2023' OR period = '2022' OR period = '2021' OR period = '2020'
  GROUP BY series ORDER BY 1);
-- @expect
-- | 12|1,6,8,48,64,384,512,1024,2048,12288,16384,32768
-- | 12|1,6,8,48,64,384,512,1024,2048,12288,16384,32768
-- | 12|1,6,8,48,64,384,512,1024,2048,12288,16384,32768
-- | 12|1,6,8,48,64,384,512,1024,2048,12288,16384,32768

-- Two by columns, RTRIM then NOCASE.  RTRIM trims spaces, not a TAB;
-- NOCASE folds ASCII only ('É' and 'é' apart) and trims nothing.  Groups:
-- ('a','X') + ('a ','x') = 1 + 2 = 3; ('a'+TAB,'x') 4; ('a  ','X ') 8;
-- ('É','é') 16; ('É ','É') 32; (NULL,'x') + (NULL,'X') = 64 + 128 = 192;
-- ('A','x') 256.
CREATE TABLE r(k TEXT COLLATE RTRIM, j TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO r VALUES ('a', 'X', '2020', 1), ('a ', 'x', '2021', 2), ('a' || char(9), 'x', '2022', 4),
  ('a  ', 'X ', '2023', 8), ('É', 'é', '2020', 16), ('É ', 'É', '2021', 32), (NULL, 'x', '2020', 64),
  (NULL, 'X', '2021', 128), ('A', 'x', '2022', 256);
CREATE VIRTUAL TABLE rg USING yoy_growth(source=r, value=v, period=p, by='k, j');
-- @check key-fold-3.1 plain SQL, then the table under IN and under OR
SELECT group_concat(s, ',') FROM (SELECT sum(v) AS s FROM r GROUP BY k, j ORDER BY 1);
SELECT group_concat(s, ',') FROM (SELECT sum(value) AS s FROM rg
  WHERE period IN ('2020', '2021', '2022', '2023') GROUP BY k, j ORDER BY 1);
SELECT group_concat(s, ',') FROM (SELECT sum(value) AS s FROM rg
  WHERE period = '2020' OR period = '2021' OR period = '2022' OR period = '2023'
  GROUP BY k COLLATE BINARY, j COLLATE BINARY ORDER BY 1);
-- @expect
-- | 3,4,8,16,32,192,256
-- | 3,4,8,16,32,192,256
-- | 3,4,8,16,32,192,256

-- The source found in an attached database (an unqualified name in the
-- table-valued form searches temp, main, then the attached ones) and
-- made again there by another connection, with another collation: the
-- folding asked of the old NOCASE table must not stay.  Nothing of main
-- or temp moves, nor this connection's changes; only the attached
-- database's versions do.  BINARY 'a' (10) and 'A' (100) are two series;
-- before the fix both showed as 'a' with one id: GROUP BY series gave
-- one 110, and an OR of two branches returned one of the two rows (one
-- rowid for both).  Two connections of the shell share one in-memory
-- database (shared cache).
ATTACH 'file:key_fold_edges_4?mode=memory&cache=shared' AS other;
CREATE TABLE other.w(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO other.w VALUES ('a', '2022', 1), ('A', '2023', 2);
-- @check key-fold-4.1 NOCASE: one series, shown as its first row
SELECT series, period, value FROM yoy_growth('w', 'v', 'p', 'k');
-- @expect
-- | a|2022|1
-- | a|2023|2
.connection 1
.load build/tradestat
ATTACH 'file:key_fold_edges_4?mode=memory&cache=shared' AS other;
DROP TABLE other.w;
CREATE TABLE other.w(k TEXT, p TEXT, v INTEGER);
INSERT INTO other.w VALUES ('a', '2022', 10), ('A', '2022', 100);
.connection 0
-- @check key-fold-4.2 made again BINARY by the other connection: two series (plain SQL first)
SELECT k, sum(v) FROM w GROUP BY k ORDER BY 2;
SELECT series, sum(value) FROM yoy_growth('w', 'v', 'p', 'k') GROUP BY series ORDER BY 2;
-- @expect
-- | a|10
-- | A|100
-- | a|10
-- | A|100
-- @check key-fold-4.3 an OR of two branches: both rows
SELECT series, period, value FROM yoy_growth('w', 'v', 'p', 'k')
 WHERE series = 'a' OR period = '2022' ORDER BY value;
-- @expect
-- | a|2022|10
-- | A|2022|100
.connection close 1
DETACH other;

-- The CREATE form folded keys by the collations its source had when the
-- table was connected, while the scan groups them by the source's
-- collations now.  A TEMP table over a table of an attached database that
-- another connection makes again with a BINARY column stays connected:
-- 'a' (10) and 'A' (100) are two series to the scan, but were one id,
-- shown as one key, so GROUP BY gave 110 (in every later query too).
-- The table's declared NOCASE is stale too (SQLite groups and filters by
-- it), so the table now refuses until it is made again.
ATTACH 'file:key_fold_edges_5?mode=memory&cache=shared' AS other5;
CREATE TABLE other5.w(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO other5.w VALUES ('a', '2022', 1), ('A', '2023', 2);
CREATE VIRTUAL TABLE temp.wg USING yoy_growth(source=other5.w, value=v, period=p, by=k);
-- @check key-fold-5.1 NOCASE: one series, shown as its first row
SELECT k, period, value FROM wg;
-- @expect
-- | a|2022|1
-- | a|2023|2
.connection 1
.load build/tradestat
ATTACH 'file:key_fold_edges_5?mode=memory&cache=shared' AS other5;
DROP TABLE other5.w;
CREATE TABLE other5.w(k TEXT, p TEXT, v INTEGER);
INSERT INTO other5.w VALUES ('a', '2022', 10), ('A', '2022', 100);
.connection 0
.connection close 1
-- @check key-fold-5.2 made again BINARY by the other connection: two series to plain SQL; the table, declared NOCASE, refuses (in every query) rather than let SQLite group by the stale NOCASE
SELECT k, sum(v) FROM other5.w GROUP BY k ORDER BY 2;
SELECT k, sum(value) FROM wg GROUP BY k COLLATE BINARY ORDER BY 2;
SELECT k, sum(value) FROM wg GROUP BY k ORDER BY 2;
-- @expect
-- | a|10
-- | A|100
-- @error yoy_growth: series column k was declared with collation NOCASE and affinity TEXT when the table was connected, but source column w.k is now BINARY with affinity TEXT; DROP and CREATE the virtual table, or open a new connection
-- @error yoy_growth: series column k was declared with collation NOCASE and affinity TEXT when the table was connected, but source column w.k is now BINARY with affinity TEXT; DROP and CREATE the virtual table, or open a new connection
-- @check key-fold-5.3 made again as the error says: two series
DROP TABLE temp.wg;
CREATE VIRTUAL TABLE temp.wg USING yoy_growth(source=other5.w, value=v, period=p, by=k);
SELECT k, sum(value) FROM wg GROUP BY k ORDER BY 2;
-- @expect
-- | a|10
-- | A|100
DROP TABLE temp.wg;
DETACH other5;

-- Another database attached under the same name: DETACH, then ATTACH of
-- a database whose table of the same name has a BINARY column, between
-- two queries.  Both databases have the same schema and data versions
-- and this connection wrote nothing, so nothing the mark read moved, and
-- the NOCASE folding of the first stayed: 'a' (10) and 'A' (100) were one
-- key, GROUP BY 110, in the table-valued form and in a TEMP table alike.
-- The table-valued form (its columns declared BINARY) now answers as
-- plain SQL; the TEMP table, declared NOCASE, refuses.
.connection 1
.load build/tradestat
ATTACH 'file:key_fold_edges_6a?mode=memory&cache=shared' AS x1;
ATTACH 'file:key_fold_edges_6b?mode=memory&cache=shared' AS x2;
CREATE TABLE x1.t(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO x1.t VALUES ('a', '2022', 1), ('A', '2023', 2);
CREATE TABLE x2.t(k TEXT, p TEXT, v INTEGER);
INSERT INTO x2.t VALUES ('a', '2022', 10), ('A', '2022', 100);
.connection 0
ATTACH 'file:key_fold_edges_6a?mode=memory&cache=shared' AS six;
CREATE VIRTUAL TABLE temp.sixg USING yoy_growth(source=six.t, value=v, period=p, by=k);
-- @check key-fold-6.1 NOCASE: one series in both forms
SELECT series, period, value FROM yoy_growth('six.t', 'v', 'p', 'k');
SELECT k, period, value FROM sixg;
-- @expect
-- | a|2022|1
-- | a|2023|2
-- | a|2022|1
-- | a|2023|2
DETACH six;
ATTACH 'file:key_fold_edges_6b?mode=memory&cache=shared' AS six;
-- @check key-fold-6.2 the other database under the same name: two series (plain SQL first)
SELECT k, sum(v) FROM six.t GROUP BY k ORDER BY 2;
SELECT series, sum(value) FROM yoy_growth('six.t', 'v', 'p', 'k') GROUP BY series ORDER BY 2;
SELECT k, sum(value) FROM sixg GROUP BY k COLLATE BINARY ORDER BY 2;
-- @expect
-- | a|10
-- | A|100
-- | a|10
-- | A|100
-- @error yoy_growth: series column k was declared with collation NOCASE and affinity TEXT when the table was connected, but source column t.k is now BINARY with affinity TEXT; DROP and CREATE the virtual table, or open a new connection
DROP TABLE temp.sixg;
DETACH six;
.connection close 1
