.load build/tradestat
.headers off
.mode list
-- A CREATE-form table declares its series columns with the source
-- columns' collations and affinities when it is connected
-- (docs/design.md, "Series columns keep the source's collation and
-- affinity"), and SQLite re-checks every WHERE on those declared columns.
-- A TEMP table over a main table is not connected again when main's
-- schema changes, even in the same connection: s made again with a
-- BINARY k kept g's k declared NOCASE, the scan kept 'Korea' and 'korea'
-- apart (the source's own grouping), and SQLite's re-check
-- k = 'korea' under the stale NOCASE kept both series: 30 where plain
-- SQL on s gives 20.  It is an error naming the column, both collations
-- and the cure; the table made again answers as plain SQL.
CREATE TABLE s(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO s VALUES ('Korea', '2022', 10), ('korea', '2023', 20), ('Japan', '2023', 5);
CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=s, value=v, period=p, by=k);
CREATE TABLE s2 AS SELECT * FROM s;
DROP TABLE s;
CREATE TABLE s(k TEXT, p TEXT, v INTEGER);
INSERT INTO s SELECT * FROM s2;

-- @check connected_collation-1.1 plain SQL on the source as it is now: one row of 20
SELECT sum(v), count(*) FROM s WHERE k = 'korea';
-- @expect 20|1
-- @check connected_collation-1.2 the series table must not add 'Korea' (was 30|2): an error
SELECT sum(value), count(*) FROM g WHERE k = 'korea';
-- @error yoy_growth: series column k was declared with collation NOCASE and affinity TEXT when the table was connected, but source column s.k is now BINARY with affinity TEXT; DROP and CREATE the virtual table, or open a new connection
-- @check connected_collation-1.3 without a WHERE too: SQLite's GROUP BY on the declared NOCASE would add the two series
SELECT k, sum(value) FROM g GROUP BY k;
-- @error yoy_growth: series column k was declared with collation NOCASE and affinity TEXT when the table was connected, but source column s.k is now BINARY with affinity TEXT; DROP and CREATE the virtual table, or open a new connection
-- @check connected_collation-1.4 the table made again, as the error says, answers as plain SQL
DROP TABLE temp.g;
CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=s, value=v, period=p, by=k);
SELECT sum(value), count(*) FROM g WHERE k = 'korea';
-- @expect 20|1
-- @check connected_collation-1.5 a main table over a source made again in the same connection with NOCASE: refused too
CREATE TABLE s3(k TEXT, p TEXT, v INTEGER);
INSERT INTO s3 VALUES ('Korea', '2022', 10), ('korea', '2023', 20);
CREATE VIRTUAL TABLE main.h USING yoy_growth(source=s3, value=v, period=p, by=k);
DROP TABLE s3;
CREATE TABLE s3(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO s3 VALUES ('Korea', '2022', 10), ('korea', '2023', 20);
SELECT k, value FROM h;
-- @error yoy_growth: series column k was declared with collation BINARY and affinity TEXT when the table was connected, but source column s3.k is now NOCASE with affinity TEXT; DROP and CREATE the virtual table, or open a new connection
-- @check connected_collation-1.6 made again, it takes the source's NOCASE: one series, as GROUP BY k on s3
DROP TABLE h;
CREATE VIRTUAL TABLE main.h USING yoy_growth(source=s3, value=v, period=p, by=k);
SELECT count(DISTINCT k), sum(value), max(growth) FROM h;
-- @expect 1|30|100.0
