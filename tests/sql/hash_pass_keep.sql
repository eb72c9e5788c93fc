.load build/tradestat
-- The hash path's pass statement, kept by a series table between filters
-- (docs/design.md, "Scan paths"): its text carries no token (the token is
-- bound), so a join's inner loop prepares it once; nested passes (a
-- series table whose source is a view over another series table, or over
-- the same eponymous table) each get their own statement; a schema change
-- between two filters drops it.  Every answer is checked against
-- scan=stream and against plain SQL on the source.
.mode list
.headers off

-- Hash passes run since the library was loaded (tradestat_debug()).
CREATE TEMP VIEW hash_passes AS SELECT CAST(substr(d, instr(d, 'Scan paths: hash ') + 17)
  AS INTEGER) AS n FROM (SELECT tradestat_debug() AS d);
CREATE TEMP TABLE mark(n INTEGER);
CREATE TABLE t(k TEXT, period TEXT, v INTEGER);
-- a: 1 .. 6 in 2022-01 .. 2022-06, 10 .. 60 in 2023-01 .. 2023-06; b: twice a's.
WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 6)
INSERT INTO t SELECT k, printf('%d-%02d', y, i), (CASE y WHEN 2022 THEN i ELSE 10 * i END) * f
  FROM m, (SELECT 'a' AS k, 1 AS f UNION ALL SELECT 'b', 2), (SELECT 2022 AS y UNION ALL SELECT 2023);
CREATE VIRTUAL TABLE h USING yoy_growth(source=t, value=v, period=period, by=k, scan=hash);
CREATE VIRTUAL TABLE s USING yoy_growth(source=t, value=v, period=period, by=k, scan=stream);
CREATE TABLE outer_rows(k TEXT, period TEXT);
INSERT INTO outer_rows VALUES ('a', '2023-01'), ('b', '2023-02'), ('a', '2023-03'),
  ('b', '2023-01'), ('a', '2023-02'), ('b', '2023-06');

-- A join whose inner loop is the hash table, filtered once per outer row.
-- a in 2023-01: 10 against 1, +900 %; b in 2023-02: 40 against 4; a in
-- 2023-03: 30 against 3; b 2023-01: 20 / 2; a 2023-02: 20 / 2; b 2023-06:
-- 120 / 12: every growth 900, values 10+40+30+20+20+120 = 240.
DELETE FROM mark;
INSERT INTO mark SELECT n FROM hash_passes;
-- @check hash_pass_keep-1.1 plain SQL, the hash table, the streamed table
SELECT sum(t.v) FROM outer_rows o JOIN t ON t.k = o.k AND t.period = o.period;
SELECT count(*), sum(h.value), min(h.growth), max(h.growth) FROM outer_rows o
  CROSS JOIN h ON h.k = o.k AND h.period = o.period;
SELECT count(*), sum(s.value), min(s.growth), max(s.growth) FROM outer_rows o
  CROSS JOIN s ON s.k = o.k AND s.period = o.period;
-- @expect
-- | 240
-- | 6|240|900.0|900.0
-- | 6|240|900.0|900.0
-- @check hash_pass_keep-1.2 six filters, six hash passes
SELECT (SELECT n FROM hash_passes) - n FROM mark;
-- @expect 6
-- @check hash_pass_keep-1.3 one pass text (the token bound, not printed), kept between filters
SELECT count(*), sum(sql GLOB 'SELECT tradestat_scan_row(?2, *'),
  sum(sql GLOB '*tradestat_scan_row([0-9-]*') FROM sqlite_stmt
  WHERE sql LIKE 'SELECT tradestat_scan_row(%';
-- @expect 1|1|0
-- @check hash_pass_keep-1.4 the join again: the same answer, still one kept statement
SELECT count(*), sum(h.value), min(h.growth) FROM outer_rows o
  CROSS JOIN h ON h.k = o.k AND h.period = o.period;
SELECT count(*) FROM sqlite_stmt WHERE sql LIKE 'SELECT tradestat_scan_row(%';
-- @expect
-- | 6|240|900.0
-- | 1

-- A schema change between two filters of one join: the source dropped and
-- made again with its columns in another order and other values (each
-- value times 100).  A statement prepared against the old table would read
-- the wrong columns; the kept one is finalized and the pass prepared anew.
CREATE TABLE t2 AS SELECT v * 100 AS v, period, k FROM t;
DROP TABLE t;
ALTER TABLE t2 RENAME TO t;
-- @check hash_pass_keep-2.1 the same join on the new table: 100 times the values
SELECT sum(t.v) FROM outer_rows o JOIN t ON t.k = o.k AND t.period = o.period;
SELECT count(*), sum(h.value), min(h.growth) FROM outer_rows o
  CROSS JOIN h ON h.k = o.k AND h.period = o.period;
SELECT count(*), sum(s.value), min(s.growth) FROM outer_rows o
  CROSS JOIN s ON s.k = o.k AND s.period = o.period;
-- @expect
-- | 24000
-- | 6|24000|900.0
-- | 6|24000|900.0
-- @check hash_pass_keep-2.2 an index made between queries: the same answer
CREATE INDEX t_k ON t(k, period);
SELECT count(*), sum(h.value), min(h.growth) FROM outer_rows o
  CROSS JOIN h ON h.k = o.k AND h.period = o.period;
-- @expect 6|24000|900.0

-- Nested passes: a series table whose source is another series table (a
-- view over one cannot be read: every module is DIRECTONLY).  Each pass
-- of hh reads h, whose xFilter runs h's whole pass inside hh's, once per
-- filter of hh in the join.  The outer rows' values, 100 times the first
-- join's: 24000, every growth 900.
CREATE VIRTUAL TABLE hh USING yoy_growth(source=h, value=value, period=period, by=k, scan=hash);
CREATE VIRTUAL TABLE sh USING yoy_growth(source=h, value=value, period=period, by=k, scan=stream);
DELETE FROM mark;
INSERT INTO mark SELECT n FROM hash_passes;
-- @check hash_pass_keep-3.1 the nested hash passes, the streamed outer table, plain SQL
SELECT sum(v) FROM outer_rows o JOIN t ON t.k = o.k AND t.period = o.period;
SELECT count(*), sum(hh.value), min(hh.growth), max(hh.growth) FROM outer_rows o
  CROSS JOIN hh ON hh.k = o.k AND hh.period = o.period;
SELECT count(*), sum(sh.value), min(sh.growth), max(sh.growth) FROM outer_rows o
  CROSS JOIN sh ON sh.k = o.k AND sh.period = o.period;
-- @expect
-- | 24000
-- | 6|24000|900.0|900.0
-- | 6|24000|900.0|900.0
-- @check hash_pass_keep-3.2 hh's six passes, each with h's inside, and sh's six reads of h
SELECT (SELECT n FROM hash_passes) - n FROM mark;
-- @expect 18
-- @check hash_pass_keep-3.3 the two tables' pass statements, kept apart
SELECT count(*), count(DISTINCT sql), sum(sql LIKE '% FROM %"h" AS s %') FROM sqlite_stmt
  WHERE sql LIKE 'SELECT tradestat_scan_row(%';
-- @expect 2|2|1

-- The table-valued form over the CREATE form and the CREATE form over
-- the table-valued form's source, alternating in one query and from one
-- query to the next: each table's kept statement serves only its own
-- passes.  b's values in 2023-01 .. 2023-06: 2000 .. 12000.
DELETE FROM mark;
INSERT INTO mark SELECT n FROM hash_passes;
-- @check hash_pass_keep-4.1 the nested table-valued form, hash and stream, and plain SQL
SELECT sum(v) FROM outer_rows o JOIN t ON t.k = 'b' AND t.period = o.period;
SELECT count(*), sum(y.value), min(y.growth) FROM outer_rows o
  CROSS JOIN yoy_growth('h', 'value', 'period', 'k', 'scan=hash') y
  ON y.series = 'b' AND y.period = o.period;
SELECT count(*), sum(y.value), min(y.growth) FROM outer_rows o
  CROSS JOIN yoy_growth('h', 'value', 'period', 'k', 'scan=stream') y
  ON y.series = 'b' AND y.period = o.period;
-- @expect
-- | 30000
-- | 6|30000|900.0
-- | 6|30000|900.0
-- @check hash_pass_keep-4.2 six passes of the table-valued form with h's inside, six of h alone
SELECT (SELECT n FROM hash_passes) - n FROM mark;
-- @expect 18
-- @check hash_pass_keep-4.3 three forms in one join, twice: the same sums
SELECT count(*), sum(y.value), sum(hh.value), sum(h.value) FROM outer_rows o
  CROSS JOIN yoy_growth('h', 'value', 'period', 'k', 'scan=hash') y
  ON y.series = o.k AND y.period = o.period
  CROSS JOIN hh ON hh.k = o.k AND hh.period = o.period
  CROSS JOIN h ON h.k = o.k AND h.period = o.period;
SELECT count(*), sum(y.value), sum(hh.value), sum(h.value) FROM outer_rows o
  CROSS JOIN yoy_growth('h', 'value', 'period', 'k', 'scan=hash') y
  ON y.series = o.k AND y.period = o.period
  CROSS JOIN hh ON hh.k = o.k AND hh.period = o.period
  CROSS JOIN h ON h.k = o.k AND h.period = o.period;
-- @expect
-- | 6|24000|24000|24000
-- | 6|24000|24000|24000

-- A correlated subquery on the hash table inside a query on it: the
-- outer scan's pass is over before its first row, each inner filter runs
-- its own.  Per period of 2023-01 .. 2023-06, a's value plus b's: 3000,
-- 6000, ..., 18000.
-- @check hash_pass_keep-5.1 each period's total, from the same table in a subquery
SELECT group_concat(tot, ',') FROM (SELECT h1.period,
  (SELECT sum(h2.value) FROM h h2 WHERE h2.period = h1.period) AS tot
  FROM h h1 WHERE h1.k = 'a' AND h1.period >= '2023' ORDER BY h1.period);
-- @expect 3000,6000,9000,12000,15000,18000
