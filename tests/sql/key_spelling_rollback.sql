.load build/tradestat
.headers off
.mode list
-- A series table shows a series with the spelling of the first row it
-- read, and keeps that spelling (series_rowid.c, the key ids) until its
-- data mark moves: this connection's count of changes, the data versions
-- and schema versions of the databases.  Inside BEGIN ... ROLLBACK, an
-- UPDATE that respells a NOCASE key ('a' -> 'A') moves the count of
-- changes and a query then keeps 'A'; the ROLLBACK moves none of the
-- marks back (the count of changes never goes down; the data version
-- moves for other connections' commits only), so the next query still
-- shows 'A', a spelling no row of the source has any more.  Input: 'a'
-- with 10 in 2022 and 20 in 2023, 'b' 5 and 5.  Wrong: `WHERE k COLLATE
-- BINARY = 'a'` on the table finds no row (sum NULL); right (the same
-- WHERE on a GROUP BY view of the source, whose key is always a member
-- of its group): 30.  A join on the key under BINARY, or a client that
-- compares keys byte for byte, loses the series the same way.  The mark
-- now holds the connection's transaction state too (WRITE while the
-- UPDATE's transaction is open, READ once it has ended), so the ROLLBACK
-- moves it (vtab/series_rowid.c, data_mark).  A ROLLBACK TO a savepoint,
-- and a ROLLBACK followed by a write transaction that has changed no row,
-- move no mark: tests/sql/key_spelling_rollback_reopen.sql.
CREATE TABLE t(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2022', 10), ('a', '2023', 20), ('b', '2022', 5), ('b', '2023', 5);
CREATE VIEW gv AS SELECT k, p AS period, sum(v) AS value FROM t GROUP BY k, p;
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by=k);
BEGIN;
UPDATE t SET k = 'A' WHERE k = 'a';

-- @check key_spelling_rollback-1.1 inside the transaction the series is spelt 'A', as its rows are
SELECT k, sum(value) FROM g GROUP BY k COLLATE BINARY ORDER BY k;
-- @expect
-- | A|30
-- | b|10
ROLLBACK;

-- @check key_spelling_rollback-1.2 plain SQL on the GROUP BY view (the reference)
SELECT sum(value) FROM gv WHERE k COLLATE BINARY = 'a';
-- @expect 30
-- @check key_spelling_rollback-1.3 the source holds no 'A' after the ROLLBACK
SELECT count(*) FROM t WHERE k COLLATE BINARY = 'A';
-- @expect 0
-- @check key_spelling_rollback-1.4 the series table: the same 30 (was NULL: it showed 'A')
SELECT sum(value) FROM g WHERE k COLLATE BINARY = 'a';
-- @expect 30

-- 2. The same on the hash path (grain=year over day rows), and a COMMIT:
-- the spelling the rows hold after it is the one shown.
CREATE TABLE d(k TEXT COLLATE NOCASE, day TEXT, v INTEGER);
INSERT INTO d VALUES ('a', '2022-01-01', 10), ('a', '2023-01-01', 20), ('b', '2022-01-01', 5), ('b', '2023-01-01', 5);
CREATE VIRTUAL TABLE h USING yoy_growth(source=d, value=v, period=day, by=k, grain=year);
BEGIN;
UPDATE d SET k = 'A' WHERE k = 'a';
-- @check key_spelling_rollback-2.1 inside the transaction the series is spelt 'A'
SELECT group_concat(DISTINCT k) FROM h;
-- @expect A,b
ROLLBACK;
-- @check key_spelling_rollback-2.2 after the ROLLBACK the source's spelling again
SELECT group_concat(DISTINCT k), sum(value) FROM h WHERE k COLLATE BINARY = 'a';
-- @expect a|30
BEGIN;
UPDATE d SET k = 'A' WHERE k = 'a';
CREATE TEMP TABLE seen AS SELECT k FROM h;
COMMIT;
-- @check key_spelling_rollback-2.3 after a COMMIT the committed spelling
SELECT group_concat(DISTINCT k), sum(value) FROM h WHERE k COLLATE BINARY = 'A';
-- @expect A|30
