.load build/tradestat
.headers on
.mode list
-- The table declares its series columns as the source had them when it
-- was connected, and SQLite re-checks every WHERE on them with that
-- declared affinity.  A source made again with another affinity on a
-- series column is refused, as another collation is
-- (vtab/series_rowid.c, declared_still_holds):
-- 1. k TEXT made again k INTEGER: plain SQL's WHERE k = '01' converts
--    '01' to 1 and finds the series (3 rows); the table, still declared
--    TEXT, compared 1 with '01' as text and answered no row at all, a
--    sum of NULL where plain SQL gives 50.
-- 2. k INTEGER made again with no affinity, holding 1 and '1' apart
--    (GROUP BY k gives two groups): plain SQL's WHERE k = 1 finds the
--    INTEGER series only; the table, still declared INTEGER, converted
--    the text '1' and added that series (30 where plain SQL gives 10).
-- A table made afresh over the new source answers both as plain SQL.
CREATE TABLE s(k TEXT, p TEXT, v INTEGER);
INSERT INTO s VALUES ('1', '2022', 10);
CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=s, value=v, period=p, by=k);
-- @check connected_affinity-1.0 the table read once over the TEXT source
SELECT count(*) FROM g;
-- @expect
-- | count(*)
-- | 1
DROP TABLE s;
CREATE TABLE s(k INTEGER, p TEXT, v INTEGER);
INSERT INTO s VALUES ('01', '2022', 10), (1, '2023', 20), ('1', '2024', 20);
-- @check connected_affinity-1.1 plain SQL: '01' converted by the INTEGER column, all three rows
SELECT sum(v), count(*) FROM s WHERE k = '01';
-- @expect
-- | sum(v)|count(*)
-- | 50|3
-- @check connected_affinity-1.2 the kept table refuses (was NULL|0)
SELECT sum(value), count(*) FROM g WHERE k = '01';
-- @error yoy_growth: series column k was declared with collation BINARY and affinity TEXT when the table was connected, but source column s.k is now BINARY with affinity INTEGER; DROP and CREATE the virtual table, or open a new connection
-- @check connected_affinity-1.3 made again, it answers as plain SQL
DROP TABLE g;
CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=s, value=v, period=p, by=k);
SELECT sum(value), count(*) FROM g WHERE k = '01';
-- @expect
-- | sum(value)|count(*)
-- | 50|3

CREATE TABLE s2(k INTEGER, p TEXT, v INTEGER);
INSERT INTO s2 VALUES (1, '2022', 10);
CREATE VIRTUAL TABLE temp.h USING yoy_growth(source=s2, value=v, period=p, by=k);
-- @check connected_affinity-2.0 the table read once over the INTEGER source
SELECT count(*) FROM h;
-- @expect
-- | count(*)
-- | 1
DROP TABLE s2;
CREATE TABLE s2(k, p TEXT, v INTEGER);
INSERT INTO s2 VALUES (1, '2022', 10), ('1', '2023', 20);
-- @check connected_affinity-2.1 plain SQL: with no affinity 1 and '1' are apart; WHERE k = 1 finds the INTEGER row
SELECT sum(v), count(*), (SELECT count(*) FROM (SELECT k FROM s2 GROUP BY k)) AS groups FROM s2 WHERE k = 1;
-- @expect
-- | sum(v)|count(*)|groups
-- | 10|1|2
-- @check connected_affinity-2.2 the kept table refuses (was 30|2)
SELECT sum(value), count(*) FROM h WHERE k = 1;
-- @error yoy_growth: series column k was declared with collation BINARY and affinity INTEGER when the table was connected, but source column s2.k is now BINARY with affinity none; DROP and CREATE the virtual table, or open a new connection
-- @check connected_affinity-2.3 made afresh, the table answers as plain SQL
DROP TABLE h;
CREATE VIRTUAL TABLE temp.h USING yoy_growth(source=s2, value=v, period=p, by=k);
SELECT sum(value), count(*) FROM h WHERE k = 1;
-- @expect
-- | sum(value)|count(*)
-- | 10|1
