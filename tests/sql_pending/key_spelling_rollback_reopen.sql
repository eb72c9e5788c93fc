.load build/tradestat
.headers off
.mode list
-- Pending.  A series table shows a series with the spelling of the rows it
-- read and keeps it while its data mark (vtab/series_rowid.c, data_mark)
-- stays put: this connection's count of changes, the transaction state
-- (sqlite3_txn_state), the schema and data versions.  Two ways back to a
-- mark already seen with another spelling in the rows:
--  1. BEGIN; UPDATE 'a' -> 'A'; query (WRITE, n changes; 'A' kept);
--     ROLLBACK; BEGIN IMMEDIATE (WRITE again, still n changes): the mark
--     is the one of the rolled-back transaction, and 'A' is shown.
--  2. SAVEPOINT sp; UPDATE 'a' -> 'A'; query; ROLLBACK TO sp: the state
--     stays WRITE and the count stays n; nothing moves the mark, 'A' is
--     shown although no row holds it (the streaming path and the hash
--     path alike).
-- Input: t(k TEXT COLLATE NOCASE): 'a' 10 in 2022, 20 in 2023; 'b' 5, 5.
-- Wrong: `SELECT sum(value) FROM g WHERE k COLLATE BINARY = 'a'` gives
-- NULL (the series is shown as 'A'); right: 30, as on the GROUP BY view
-- gv of the same rows.  Where the fix lies: data_mark in
-- ext/vtab/series_rowid.c (the mark needs something a ROLLBACK or a
-- ROLLBACK TO always moves, e.g. a counter bumped by a rollback hook
-- (sqlite3_rollback_hook covers ROLLBACK; ROLLBACK TO needs another
-- signal), or the spellings dropped whenever the state is WRITE and was
-- not WRITE under the same open transaction).
CREATE TABLE t(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2022', 10), ('a', '2023', 20), ('b', '2022', 5), ('b', '2023', 5);
CREATE VIEW gv AS SELECT k, p AS period, sum(v) AS value FROM t GROUP BY k, p;
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by=k, scan=stream);
CREATE VIRTUAL TABLE gh USING yoy_growth(source=t, value=v, period=p, by=k, scan=hash);

-- 1. ROLLBACK, then BEGIN IMMEDIATE before any change.
BEGIN;
UPDATE t SET k = 'A' WHERE k = 'a';
-- @check key_spelling_rollback_reopen-1.1 inside the transaction the series is spelt 'A'
SELECT group_concat(DISTINCT k) FROM g;
-- @expect A,b
ROLLBACK;
BEGIN IMMEDIATE;
-- @check key_spelling_rollback_reopen-1.2 plain SQL (the reference)
SELECT sum(value) FROM gv WHERE k COLLATE BINARY = 'a';
-- @expect 30
-- @check key_spelling_rollback_reopen-1.3 the series table: 30 (was NULL: 'A' was shown)
SELECT sum(value) FROM g WHERE k COLLATE BINARY = 'a';
-- @expect 30
ROLLBACK;

-- 2. ROLLBACK TO a savepoint, on both scan paths.
UPDATE t SET v = v WHERE 0;
BEGIN;
SAVEPOINT sp;
UPDATE t SET k = 'A' WHERE k = 'a';
-- @check key_spelling_rollback_reopen-2.1 inside the savepoint the series is spelt 'A' on both paths
SELECT (SELECT group_concat(DISTINCT k) FROM g), (SELECT group_concat(DISTINCT k) FROM gh);
-- @expect A,b|A,b
ROLLBACK TO sp;
-- @check key_spelling_rollback_reopen-2.2 plain SQL (the reference)
SELECT sum(value) FROM gv WHERE k COLLATE BINARY = 'a';
-- @expect 30
-- @check key_spelling_rollback_reopen-2.3 the streaming path: 30 (was NULL)
SELECT sum(value) FROM g WHERE k COLLATE BINARY = 'a';
-- @expect 30
-- @check key_spelling_rollback_reopen-2.4 the hash path: 30 (was NULL)
SELECT sum(value) FROM gh WHERE k COLLATE BINARY = 'a';
-- @expect 30
COMMIT;
