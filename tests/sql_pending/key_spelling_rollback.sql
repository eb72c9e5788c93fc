.load build/tradestat
.headers off
.mode list
-- PENDING (not in `make test`: fails until a series key's spelling that
-- a ROLLBACK took back out of the source is no longer shown: check 1.4).
-- Run it with
--   sh tests/sql/run.sh tests/sql_pending/key_spelling_rollback.sql
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
-- compares keys byte for byte, loses the series the same way.  A
-- `ROLLBACK TO` a savepoint is seen (it expires the prepared statements,
-- which moves the mark's count of re-prepares), a full ROLLBACK is not.
-- Fix (vtab/series_rowid.c, data_mark): make the mark move at the end of
-- a transaction the connection rolled back, e.g. keep the spellings read
-- inside an open transaction (sqlite3_get_autocommit() == 0) for that
-- statement only, or add sqlite3_get_autocommit() and a per-statement
-- serial to the mark while a transaction is open.
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
