.load build/tradestat
-- Inputs an analyst or an attacker might give the series tables, each
-- checked against what plain SQL means by the same statement.  Every
-- expected value below is worked out by hand in the comment above it.
.mode list
.headers off

-- 1. An unqualified source= of a table created in schema X reads X's
-- table, as an unqualified name in a view of X does (SQLite binds a main
-- view's `t` to main.t).  Before, the source query searched temp, main,
-- then attached databases: a scratch TEMP TABLE of the same name
-- silently replaced the source.
CREATE TABLE t(s TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2022', 10), ('a', '2023', 20);
CREATE VIEW t_view AS SELECT s, p, v FROM t;
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by=s);
CREATE TEMP TABLE t(s TEXT, p TEXT, v INTEGER);
INSERT INTO temp.t VALUES ('a', '2022', 1), ('a', '2023', 3);
-- main.t: 20 against 10 is +100 % (temp.t would give 3 against 1, +200 %)
-- @check adversarial-1.1
SELECT period, value, growth FROM g WHERE period = '2023';
SELECT v FROM t_view WHERE p = '2023';
-- @expect
-- | 2023|20|100.0
-- | 20
-- The table-valued form is a query, and `t` in a query is temp.t first.
-- @check adversarial-1.2
SELECT period, value, growth FROM yoy_growth('t', 'v', 'p') WHERE period = '2023';
-- @expect 2023|3|200.0
-- A table in temp searches as a temp view does: temp.t first.
-- @check adversarial-1.3
CREATE VIRTUAL TABLE temp.gt USING yoy_growth(source=t, value=v, period=p, by=s);
SELECT period, value, growth FROM temp.gt WHERE period = '2023';
-- @expect 2023|3|200.0
DROP TABLE temp.t;
DROP TABLE temp.gt;

-- A table in an attached database reads that database's t, whether or
-- not main has one (before: main.t while attached, its own when opened
-- alone).
ATTACH ':memory:' AS aux;
CREATE TABLE aux.t(s TEXT, p TEXT, v INTEGER, m INTEGER);
INSERT INTO aux.t VALUES ('a', '2022', 7, 1), ('a', '2023', 14, 2);
CREATE VIRTUAL TABLE aux.ga USING trade_imbalance(source=t, period=p, exports=v, imports=m);
-- aux.t: exports 14 against 7 a year earlier (main.t would say 20 and 10)
-- @check adversarial-2.1
SELECT period, exports, imports, exports_growth FROM aux.ga WHERE period = '2023';
-- @expect 2023|14|2|100.0
-- main.t gone while aux.t is there: g says its source is missing rather
-- than reading aux.t, as a view of main does.
-- @check adversarial-2.2
DROP VIEW t_view;
DROP TABLE main.t;
SELECT period, value FROM g;
-- @error yoy_growth: no such table "t" in schema "main" (an unqualified source= names a table of the virtual table's own schema; another schema's is schema.t) (the source of table "g"; DROP TABLE g still works)
-- CREATE in main over a table only temp has: refused, saying where to look.
-- @check adversarial-2.3
CREATE TEMP TABLE scratch(p TEXT, v INTEGER);
CREATE VIRTUAL TABLE gs USING yoy_growth(source=scratch, value=v, period=p);
-- @error yoy_growth: no such table "scratch" in schema "main" (an unqualified source= names a table of the virtual table's own schema; another schema's is schema.scratch)
DROP TABLE temp.scratch;
DROP TABLE g;
DROP TABLE aux.ga;
DETACH aux;

-- 3. The CREATE form's series columns compare with the source column's
-- affinity, as the source itself and a GROUP BY view of it do.  Before,
-- they had none: a TEXT product code '2' was not = 2, and an INTEGER
-- group 1 was < '2' and also < '1' (an integer sorts before any text).
CREATE TABLE coded(grp INTEGER, code TEXT, p TEXT, v INTEGER);
INSERT INTO coded VALUES (1, '01', '2022', 10), (1, '01', '2023', 20), (2, '2', '2023', 5);
CREATE VIEW coded_view AS SELECT grp, code, p, sum(v) AS v FROM coded GROUP BY grp, code, p;
CREATE VIRTUAL TABLE coded_g USING yoy_growth(source=coded, value=v, period=p, by='grp, code');
CREATE VIRTUAL TABLE coded_vg USING yoy_growth(source=coded_view, value=v, period=p, by='grp, code');
-- code = 2 is the row of code '2' (5); grp = '1' the two rows of group 1
-- (30); grp < '2' is group 1 only (30), as on the view
-- @check adversarial-3.1
SELECT (SELECT sum(value) FROM coded_g WHERE code = 2), (SELECT sum(value) FROM coded_g WHERE grp = '1'),
       (SELECT sum(value) FROM coded_g WHERE grp < '2'), (SELECT sum(value) FROM coded_g WHERE code IN (2, 3));
SELECT (SELECT sum(v) FROM coded_view WHERE code = 2), (SELECT sum(v) FROM coded_view WHERE grp = '1'),
       (SELECT sum(v) FROM coded_view WHERE grp < '2'), (SELECT sum(v) FROM coded_view WHERE code IN (2, 3));
-- @expect
-- | 5|30|30|5
-- | 5|30|30|5
-- Over a view the columns take the view's affinities; a join with an
-- INTEGER column finds the TEXT codes (the INTEGER side's numeric
-- affinity makes '01' the number 1 and '2' the number 2).
-- @check adversarial-3.2
CREATE TABLE wanted(code INTEGER);
INSERT INTO wanted VALUES (1), (2);
SELECT g.code, g.period, g.value FROM coded_vg AS g JOIN wanted AS w ON g.code = w.code;
SELECT c.code, c.p, c.v FROM coded_view AS c JOIN wanted AS w ON c.code = w.code;
-- @expect
-- | 01|2022|10
-- | 01|2023|20
-- | 2|2023|5
-- | 01|2022|10
-- | 01|2023|20
-- | 2|2023|5
-- The declared types: those of the source's columns.
-- @check adversarial-3.3
SELECT name, type FROM pragma_table_info('coded_g') WHERE name IN ('grp', 'code');
-- @expect
-- | grp|INTEGER
-- | code|TEXT
DROP TABLE coded_g;
DROP TABLE coded_vg;
DROP VIEW coded_view;
DROP TABLE coded;
DROP TABLE wanted;

-- 4. A timestamp is the date written: the UTC offset is dropped with the
-- time (SQLite's date() would move this evening sale into 2024).
-- @check adversarial-4.1
SELECT period_normalize('2023-12-31T23:30:00-05:00'), period_year('2023-12-31T23:30:00-05:00'),
       date('2023-12-31T23:30:00-05:00');
-- @expect 2023-12-31|2023|2024-01-01

-- 5. A series column IN (SELECT ...) keeps what it keeps on the source.
-- SQLite ran such an IN on a virtual table one value at a time and then
-- compared the column with each value without the affinity of the IN's
-- right side: the TEXT chapter '01' is IN (SELECT 1) from an INTEGER
-- column (numeric affinity makes '01' the number 1) on the source, and
-- was not on the series table.  The list is now taken whole and SQLite
-- checks the IN itself.
CREATE TABLE hs(chapter TEXT, p TEXT, v INTEGER);
INSERT INTO hs VALUES ('01', '2022', 4), ('01', '2023', 5), ('02', '2023', 7), ('10', '2023', 9);
CREATE TABLE wanted(chapter INTEGER);
INSERT INTO wanted VALUES (1), (10);
CREATE VIRTUAL TABLE hs_g USING yoy_growth(source=hs, value=v, period=p, by=chapter);
-- chapters 1 and 10: 5 + 9 in 2023, on both
-- @check adversarial-5.1
SELECT sum(value) FROM hs_g WHERE period = '2023' AND chapter IN (SELECT chapter FROM wanted);
SELECT sum(v) FROM hs WHERE p = '2023' AND chapter IN (SELECT chapter FROM wanted);
-- @expect
-- | 14
-- | 14
-- The table-valued form's series column has no affinity: the INTEGER
-- side's numeric affinity applies to '01', as on the source.
-- @check adversarial-5.2
SELECT sum(value) FROM yoy_growth('hs', 'v', 'p', 'chapter')
WHERE period = '2023' AND series IN (SELECT chapter FROM wanted);
-- @expect 14
-- A literal list is taken whole (C): SQLite before its OR/COLLATE fix
-- hands an IN it made of an OR whose branches compare under other
-- collations, which no table can tell apart (tests/sql/or_collate_in.sql),
-- so the source is read for the ranges every collation SQLite has could
-- keep -- here not even those, as the sqlite3 shell registers collations
-- of its own ('decimal', 'uint'), and the whole source is read.  SQLite
-- checks the IN on every row read: the same rows.
-- @check adversarial-5.3
SELECT chapter, period, value FROM hs_g WHERE chapter IN ('02', '10');
EXPLAIN QUERY PLAN SELECT * FROM hs_g WHERE chapter IN ('02', '10');
-- @expect
-- | 02|2023|7
-- | 10|2023|9
-- | QUERY PLAN
-- | `--SCAN hs_g VIRTUAL TABLE INDEX 0:CaSs
DROP TABLE hs_g;
DROP TABLE hs;
DROP TABLE wanted;

-- 6. A long KOSIS file with two `시점` columns: which one holds the
-- period cannot be told (here they disagree), so it is an error; before,
-- the first was the period and the second a dimension named 시점.
-- @check adversarial-6.1
CREATE VIRTUAL TABLE temp.two USING kosis_csv(file='tests/data/two_period_columns.csv');
-- @error kosis_csv: tests/data/two_period_columns.csv line 1: columns 2 and 4 are both named "시점"

-- 7. A text with a NUL byte inside is quoted in full, as the SQL that
-- makes it: quoted as a C string it stopped at the NUL, and the message
-- said "not a period: '2023'", naming a valid label.
-- @check adversarial-7.1
SELECT period_normalize('2023' || char(0) || '-06');
-- @error period_normalize(): argument 1 is not a period: '2023' || char(0) || '-06' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check adversarial-7.2
SELECT pct_change('1' || char(0) || '000', 5);
-- @error pct_change(): argument 1 is not a number: '1' || char(0) || '000'
-- @check adversarial-7.3
SELECT pct_change(char(0), 5);
-- @error pct_change(): argument 1 is not a number: char(0)

-- 8. Over a view, a NOCASE or RTRIM series column compares as the view's
-- column does (recognised by a probe that reads no row); before, it was
-- BINARY and WHERE partner = 'korea' dropped the series shown as 'Korea'.
CREATE TABLE cased(partner TEXT COLLATE NOCASE, code TEXT COLLATE RTRIM, p TEXT, v INTEGER);
INSERT INTO cased VALUES ('Korea', 'x', '2022', 1), ('korea', 'x ', '2023', 2);
CREATE VIEW cased_view AS SELECT partner, code, p, v FROM cased;
CREATE VIRTUAL TABLE cased_g USING yoy_growth(source=cased_view, value=v, period=p, by='partner, code');
-- one series (NOCASE and RTRIM group them), shown as its first row's
-- spelling; 'korea' and 'x  ' find it, as on the view
-- @check adversarial-8.1
SELECT partner, code, period, value, growth FROM cased_g WHERE partner = 'korea' AND code = 'x  ';
SELECT count(*) FROM cased_view WHERE partner = 'korea' AND code = 'x  ';
-- @expect
-- | Korea|x|2022|1|
-- | Korea|x|2023|2|100.0
-- | 2
DROP TABLE cased_g;
DROP VIEW cased_view;
DROP TABLE cased;

-- 9. UPDATE with a correlated subquery on a series table over the table
-- it updates reads as SQLite's own correlated subqueries do: each row's
-- subquery sees the rows already updated (rowid order: 2022 adds the new
-- 2021, 10; 2023 adds the new 2022, 30), on the series table and in
-- plain SQL alike (standard SQL would give 10, 30, 60).
CREATE TABLE upd(s TEXT, p TEXT, v INTEGER);
INSERT INTO upd VALUES ('a', '2021', 10), ('a', '2022', 20), ('a', '2023', 40);
CREATE TABLE upd_plain AS SELECT * FROM upd;
CREATE VIRTUAL TABLE upd_g USING yoy_growth(source=upd, value=v, period=p, by=s);
-- @check adversarial-9.1
UPDATE upd SET v = (SELECT value + coalesce(prior_value, 0) FROM upd_g AS g
                    WHERE g.s = upd.s AND g.period = upd.p);
UPDATE upd_plain SET v = v + coalesce((SELECT v FROM upd_plain AS u
                                       WHERE u.s = upd_plain.s AND u.p = upd_plain.p - 1), 0);
SELECT group_concat(v, ', ') FROM upd;
SELECT group_concat(v, ', ') FROM upd_plain;
-- @expect
-- | 10, 30, 70
-- | 10, 30, 70
DROP TABLE upd_g;
DROP TABLE upd;
DROP TABLE upd_plain;

-- 10. A cycle of series tables (g1 over t, then a series table over g1
-- renamed to t, as a database from elsewhere may hold) made every query
-- on them recurse until the process died of a stack overflow; it is an
-- error naming the table, and DROP TABLE works.
CREATE TABLE cyc(s TEXT, period TEXT, value INTEGER);
INSERT INTO cyc VALUES ('a', '2022', 1), ('a', '2023', 2);
CREATE VIRTUAL TABLE cyc_g1 USING yoy_growth(source=cyc, value=value, period=period, by=s);
CREATE VIRTUAL TABLE cyc_g2 USING yoy_growth(source=cyc_g1, value=value, period=period, by=s);
DROP TABLE cyc;
ALTER TABLE cyc_g2 RENAME TO cyc;
-- @check adversarial-10.1
SELECT count(*) FROM cyc_g1;
-- @error yoy_growth: table "cyc_g1" reads itself through its source (a cycle of series tables)
-- @check adversarial-10.2
SELECT count(*) FROM yoy_growth('cyc', 'value', 'period', 's');
-- @error yoy_growth: table "cyc" reads itself through its source (a cycle of series tables)
-- Planning the cycle asks nothing of the source (a virtual table is never
-- probed), so it ends, with the default path; running it is the error.
-- @check adversarial-10.4
EXPLAIN QUERY PLAN SELECT count(*) FROM cyc_g1;
EXPLAIN QUERY PLAN SELECT count(*) FROM cyc WHERE s = 'a';
-- @expect
-- | QUERY PLAN
-- | `--SCAN cyc_g1 VIRTUAL TABLE INDEX 0:Sh
-- | QUERY PLAN
-- | `--SCAN cyc VIRTUAL TABLE INDEX 0:BaSs
-- @check adversarial-10.3
DROP TABLE cyc_g1;
DROP TABLE cyc;
SELECT count(*) FROM sqlite_schema WHERE name LIKE 'cyc%';
-- @expect 0

-- 11. A view or a virtual table as the source is never probed (no row
-- count by rowid, which a view fails; no plan of the virtual table) and
-- takes the default path of scan=auto: an unknown size, so the hash path
-- when the keys can be ordered -- a view's cannot (its collations are
-- unknown), a virtual table's can -- while the table itself, probed, has
-- 20,000,000 rows by sqlite_stat1 and streams.  The rows are the
-- streaming path's.
CREATE TABLE pv(s TEXT, period TEXT, value INTEGER);
INSERT INTO pv VALUES ('a', '2022', 4), ('a', '2023', 6), ('b', '2022', 5), ('b', '2023', 10);
ANALYZE pv;
UPDATE sqlite_stat1 SET stat = '20000000' WHERE tbl = 'pv' AND idx IS NULL;
CREATE VIEW pv_view AS SELECT s, period, value FROM pv;
CREATE VIRTUAL TABLE pv_g USING yoy_growth(source=pv, value=value, period=period, by=s);
CREATE VIRTUAL TABLE pv_on_view USING yoy_growth(source=pv_view, value=value, period=period, by=s);
CREATE VIRTUAL TABLE pv_on_vtab USING yoy_growth(source=pv_g, value=value, period=period, by=s);
CREATE VIRTUAL TABLE pv_on_vtab_s USING yoy_growth(source=pv_g, value=value, period=period, by=s,
  scan=stream);
-- @check adversarial-11.1
EXPLAIN QUERY PLAN SELECT * FROM pv_g;
EXPLAIN QUERY PLAN SELECT * FROM pv_on_view;
EXPLAIN QUERY PLAN SELECT * FROM pv_on_vtab;
-- @expect
-- | QUERY PLAN
-- | `--SCAN pv_g VIRTUAL TABLE INDEX 0:Ss
-- | QUERY PLAN
-- | `--SCAN pv_on_view VIRTUAL TABLE INDEX 0:Ss
-- | QUERY PLAN
-- | `--SCAN pv_on_vtab VIRTUAL TABLE INDEX 0:Sh
-- @check adversarial-11.2
SELECT s, period, value, growth FROM pv_on_vtab
EXCEPT SELECT s, period, value, growth FROM pv_on_vtab_s;
SELECT count(*), sum(growth) FROM pv_on_vtab;
SELECT s, period, value, growth FROM pv_on_view WHERE growth IS NOT NULL;
-- @expect
-- | 4|150.0
-- | a|2023|6|50.0
-- | b|2023|10|100.0
DROP TABLE pv_on_vtab_s;
DROP TABLE pv_on_vtab;
DROP TABLE pv_on_view;
DROP TABLE pv_g;
DROP VIEW pv_view;
DROP TABLE pv;
