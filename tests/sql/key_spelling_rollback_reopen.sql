.load build/tradestat
.headers off
.mode list
-- A series table shows a series with the spelling of the rows it read
-- and keeps it while its data mark (vtab/series_rowid.c, data_mark)
-- stays put: this connection's count of changes, the transaction state
-- (sqlite3_txn_state), the schema and data versions.  Ways back to a mark
-- already seen with another spelling in the rows:
--  1. BEGIN; UPDATE 'a' -> 'A'; query (WRITE, n changes; 'A' kept);
--     ROLLBACK; BEGIN IMMEDIATE (WRITE again, still n changes): the mark
--     was the one of the rolled-back transaction, and 'A' was shown.
--  2. SAVEPOINT sp; UPDATE 'a' -> 'A'; query; ROLLBACK TO sp: the state
--     stays WRITE and the count stays n; nothing moved the mark, 'A' was
--     shown although no row holds it (the streaming path and the hash
--     path alike); RELEASE sp afterwards inside BEGIN the same.
--  3. UPDATE OR ROLLBACK (a conflict that rolls the transaction back),
--     then BEGIN IMMEDIATE: as 1.
-- Input: t(k TEXT COLLATE NOCASE): 'a' 10 in 2022, 20 in 2023; 'b' 5, 5.
-- Wrong: `SELECT sum(value) FROM g WHERE k COLLATE BINARY = 'a'` gave
-- NULL (the series was shown as 'A'); right: 30, as on the GROUP BY view
-- gv of the same rows.  Only a WRITE state holds rows that can go back
-- out, so while it lasts the spellings are now kept only while a cursor
-- of the table stays open (one statement), never from one statement to
-- the next (data_mark).
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

-- 3. RELEASE after ROLLBACK TO, inside BEGIN.
BEGIN;
SAVEPOINT sp;
UPDATE t SET k = 'A' WHERE k = 'a';
-- @check key_spelling_rollback_reopen-3.1 inside the savepoint 'A'
SELECT group_concat(DISTINCT k) FROM g;
-- @expect A,b
ROLLBACK TO sp;
RELEASE sp;
-- @check key_spelling_rollback_reopen-3.2 after RELEASE: 30 on both paths (was NULL on the streaming path, read inside the savepoint)
SELECT (SELECT sum(value) FROM g WHERE k COLLATE BINARY = 'a'), (SELECT sum(value) FROM gh WHERE k COLLATE BINARY = 'a');
-- @expect 30|30
COMMIT;

CREATE TABLE once(x INTEGER PRIMARY KEY);
INSERT INTO once VALUES (1);

-- 4. INSERT OR ROLLBACK undoes the transaction; BEGIN IMMEDIATE after it.
BEGIN;
UPDATE t SET k = 'A' WHERE k = 'a';
-- @check key_spelling_rollback_reopen-4.1 inside the transaction 'A'
SELECT group_concat(DISTINCT k) FROM gh;
-- @expect A,b
-- @check key_spelling_rollback_reopen-4.2 the conflict rolls the transaction back
INSERT OR ROLLBACK INTO once VALUES (1);
-- @error UNIQUE constraint failed: once.x (19)
BEGIN IMMEDIATE;
-- @check key_spelling_rollback_reopen-4.3 both paths: 30 (was NULL on the hash path, read inside the transaction)
SELECT (SELECT sum(value) FROM g WHERE k COLLATE BINARY = 'a'), (SELECT sum(value) FROM gh WHERE k COLLATE BINARY = 'a');
-- @expect 30|30
COMMIT;

-- 5. The table-valued form, trade_imbalance and annual_projection, after
-- a ROLLBACK TO.  tr: exports of 'a' 10 and 20, of 'b' 5 and 5.  pq: the
-- first quarters of 'a' 100 and 150, of 'b' 10 and 20.
CREATE TABLE tr(k TEXT COLLATE NOCASE, p TEXT, ex INTEGER, im INTEGER);
INSERT INTO tr VALUES ('a', '2022', 10, 4), ('a', '2023', 20, 5), ('b', '2022', 5, 1), ('b', '2023', 5, 2);
CREATE VIRTUAL TABLE ti USING trade_imbalance(source=tr, period=p, exports=ex, imports=im, by=k);
CREATE TABLE pq(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO pq VALUES ('a', '2022-Q1', 100), ('a', '2023-Q1', 150), ('b', '2022-Q1', 10), ('b', '2023-Q1', 20);
CREATE VIRTUAL TABLE ap USING annual_projection(source=pq, value=v, period=p, by=k, method=run_rate, through=Q1);
BEGIN;
SAVEPOINT sp;
UPDATE t SET k = 'A' WHERE k = 'a';
UPDATE tr SET k = 'A' WHERE k = 'a';
UPDATE pq SET k = 'A' WHERE k = 'a';
-- @check key_spelling_rollback_reopen-5.1 inside the savepoint each table spells it 'A'
SELECT (SELECT group_concat(DISTINCT series) FROM yoy_growth('t', 'v', 'p', 'k')),
       (SELECT group_concat(DISTINCT k) FROM ti), (SELECT group_concat(DISTINCT k) FROM ap);
-- @expect A,b|A,b|A,b
ROLLBACK TO sp;
-- @check key_spelling_rollback_reopen-5.2 the table-valued form: 30 (was NULL)
SELECT sum(value) FROM yoy_growth('t', 'v', 'p', 'k') WHERE series COLLATE BINARY = 'a';
-- @expect 30
-- @check key_spelling_rollback_reopen-5.3 trade_imbalance: exports 30 (was NULL)
SELECT sum(exports) FROM ti WHERE k COLLATE BINARY = 'a';
-- @expect 30
-- @check key_spelling_rollback_reopen-5.4 annual_projection: year-to-date 250 (was NULL)
SELECT sum(ytd) FROM ap WHERE k COLLATE BINARY = 'a';
-- @expect 250
COMMIT;
