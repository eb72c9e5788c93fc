.load build/tradestat
-- The hash path's pass query reads first the source column the table
-- stores last in its records (vtab/series_hash_pass.c, ts_hash_pass_first),
-- so SQLite decodes each record's header in one step: the column moves to
-- the front of the function's arguments, and each row's values are put
-- back in the source query's order before they are read.  A column of the
-- primary key (an INTEGER PRIMARY KEY is the rowid, in no record; a
-- WITHOUT ROWID table stores its key first) and a virtual generated column
-- are passed over.  Whatever column goes first, the hash path answers
-- with the streaming path's rows and plain arithmetic's numbers.
.mode list
.headers off

CREATE TEMP VIEW hash_passes AS SELECT CAST(substr(d, instr(d, 'Scan paths: hash ') + 17)
  AS INTEGER) AS n FROM (SELECT tradestat_debug() AS d);
CREATE TEMP TABLE mark(n INTEGER);
-- Months 1 .. 3 of 2022 and 2023 for two series, a and b: a's value in
-- 2022 is the month, in 2023 four times it (+300 %); b's is twice a's.
CREATE TEMP VIEW rows6 AS
  WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 3)
  SELECT k, printf('%d-%02d', y, i) AS p, (CASE y WHEN 2022 THEN i ELSE 4 * i END) * f AS v
  FROM m, (SELECT 'a' AS k, 1 AS f UNION ALL SELECT 'b', 2),
          (SELECT 2022 AS y UNION ALL SELECT 2023);

-- The period is stored last: it goes first, between the series column and
-- the value of the source query.
CREATE TABLE t_period(k TEXT, v INTEGER, p TEXT);
INSERT INTO t_period SELECT k, v, p FROM rows6;
CREATE VIRTUAL TABLE h_period USING yoy_growth(source=t_period, value=v, period=p, by=k, scan=hash);
CREATE VIRTUAL TABLE s_period USING yoy_growth(source=t_period, value=v, period=p, by=k, scan=stream);
-- The second series column is stored last, the value (its name holding a
-- comma and a quote) first.
CREATE TABLE t_key("v, ""w""" INTEGER, p TEXT, k1 TEXT, k2 TEXT);
INSERT INTO t_key SELECT v, p, 'x', k FROM rows6;
CREATE VIRTUAL TABLE h_key USING yoy_growth(source=t_key, value='v, "w"', period=p, by='k1, k2',
  scan=hash);
CREATE VIRTUAL TABLE s_key USING yoy_growth(source=t_key, value='v, "w"', period=p, by='k1, k2',
  scan=stream);
-- The series column is the INTEGER PRIMARY KEY, declared last: the value
-- goes first.  (One row per series here: the key is unique.)
CREATE TABLE t_rowid(p TEXT, v INTEGER, id INTEGER PRIMARY KEY);
INSERT INTO t_rowid VALUES ('2022-01', 5, 1), ('2022-01', 8, 2);
CREATE VIRTUAL TABLE h_rowid USING yoy_growth(source=t_rowid, value=v, period=p, by=id, scan=hash);
CREATE VIRTUAL TABLE s_rowid USING yoy_growth(source=t_rowid, value=v, period=p, by=id,
  scan=stream);
-- The value is a virtual generated column, declared last: the period goes
-- first (the value is stored nowhere).
CREATE TABLE t_gen(k TEXT, p TEXT, v INTEGER, g INTEGER AS (v * 2));
INSERT INTO t_gen(k, p, v) SELECT k, p, v FROM rows6;
CREATE VIRTUAL TABLE h_gen USING yoy_growth(source=t_gen, value=g, period=p, by=k, scan=hash);
CREATE VIRTUAL TABLE s_gen USING yoy_growth(source=t_gen, value=g, period=p, by=k, scan=stream);
-- A WITHOUT ROWID table: its key (k, p) is passed over, the value goes first.
CREATE TABLE t_wr(k TEXT, p TEXT, v INTEGER, PRIMARY KEY (k, p)) WITHOUT ROWID;
INSERT INTO t_wr SELECT k, p, v FROM rows6;
CREATE VIRTUAL TABLE h_wr USING yoy_growth(source=t_wr, value=v, period=p, by=k, scan=hash);
CREATE VIRTUAL TABLE s_wr USING yoy_growth(source=t_wr, value=v, period=p, by=k, scan=stream);
-- A "preliminary" column (the last of the source query) before the value,
-- which is stored last: the value goes first, the flag stays readable (b's
-- 2023-03 is preliminary).  a and b are in groups of their own (g), so
-- a's row does not carry b's mark through the totals of its period.
CREATE TABLE t_pre(g TEXT, k TEXT, preliminary INTEGER, p TEXT, v INTEGER);
INSERT INTO t_pre SELECT k, k, k = 'b' AND p = '2023-03', p, v FROM rows6;
CREATE VIRTUAL TABLE h_pre USING yoy_growth(source=t_pre, value=v, period=p, by='g, k', scan=hash);
CREATE VIRTUAL TABLE s_pre USING yoy_growth(source=t_pre, value=v, period=p, by='g, k', scan=stream);
-- Long trade data: the flow (the source query's last column) is declared
-- first, the period last: the period goes first, the flow label still
-- picks the slot.  a exports v and imports 1 a month.
CREATE TABLE t_flow(flow TEXT, partner TEXT, v INTEGER, p TEXT);
INSERT INTO t_flow SELECT 'export', k, v, p FROM rows6;
INSERT INTO t_flow SELECT 'import', k, 1, p FROM rows6;
CREATE VIRTUAL TABLE h_flow USING trade_imbalance(source=t_flow, period=p, value=v, flow=flow,
  export_label='export', import_label='import', by=partner, scan=hash);
CREATE VIRTUAL TABLE s_flow USING trade_imbalance(source=t_flow, period=p, value=v, flow=flow,
  export_label='export', import_label='import', by=partner, scan=stream);

INSERT INTO mark SELECT n FROM hash_passes;
CREATE TEMP TABLE hp AS SELECT k, period, value, growth FROM h_period;
CREATE TEMP TABLE hk AS SELECT k1, k2, period, value, growth FROM h_key;
CREATE TEMP TABLE hr AS SELECT id, period, value FROM h_rowid;
CREATE TEMP TABLE hg AS SELECT k, period, value, growth FROM h_gen;
CREATE TEMP TABLE hw AS SELECT k, period, value, growth FROM h_wr;
CREATE TEMP TABLE hpre AS SELECT k, period, value, growth, preliminary FROM h_pre;
CREATE TEMP TABLE hf AS SELECT partner, period, exports, imports, balance FROM h_flow;

-- @check hash_pass_order-1.1 seven tables, seven hash passes
SELECT (SELECT n FROM hash_passes) - n FROM mark;
-- @expect 7
-- @check hash_pass_order-1.2 the column stored last is read first (the rowid and a generated column passed over)
SELECT substr(sql, 1, instr(sql, ' FROM ') - 1) FROM sqlite_stmt
  WHERE sql LIKE 'SELECT tradestat_scan_row(%' ORDER BY sql;
-- @expect
-- | SELECT tradestat_scan_row(?1, s."k2", s."k1", s."p", s."v, ""w""")
-- | SELECT tradestat_scan_row(?1, s."p", s."k", s."g")
-- | SELECT tradestat_scan_row(?1, s."p", s."k", s."v")
-- | SELECT tradestat_scan_row(?1, s."p", s."partner", s."v", s."flow")
-- | SELECT tradestat_scan_row(?1, s."v", s."g", s."k", s."p", s."preliminary")
-- | SELECT tradestat_scan_row(?1, s."v", s."id", s."p")
-- | SELECT tradestat_scan_row(?1, s."v", s."k", s."p")
-- @check hash_pass_order-1.3 each hash table gives the streamed rows, row for row
SELECT (SELECT count(*) FROM (SELECT * FROM hp EXCEPT SELECT k, period, value, growth FROM s_period))
     + (SELECT count(*) FROM (SELECT * FROM hk EXCEPT
                              SELECT k1, k2, period, value, growth FROM s_key))
     + (SELECT count(*) FROM (SELECT * FROM hr EXCEPT SELECT id, period, value FROM s_rowid))
     + (SELECT count(*) FROM (SELECT * FROM hg EXCEPT SELECT k, period, value, growth FROM s_gen))
     + (SELECT count(*) FROM (SELECT * FROM hw EXCEPT SELECT k, period, value, growth FROM s_wr))
     + (SELECT count(*) FROM (SELECT * FROM hpre EXCEPT
                              SELECT k, period, value, growth, preliminary FROM s_pre))
     + (SELECT count(*) FROM (SELECT * FROM hf EXCEPT
                              SELECT partner, period, exports, imports, balance FROM s_flow)),
  (SELECT count(*) FROM hp) + (SELECT count(*) FROM hk) + (SELECT count(*) FROM hr)
     + (SELECT count(*) FROM hg) + (SELECT count(*) FROM hw) + (SELECT count(*) FROM hpre)
     + (SELECT count(*) FROM hf);
-- @expect 0|74
-- @check hash_pass_order-1.4 the numbers: sums of the source, +300 % in every 2023 month, the flag where it was set
SELECT sum(value), min(growth), max(growth) FROM hp;
SELECT sum(value), min(growth), max(growth), count(DISTINCT k1) FROM hk;
SELECT group_concat(id || ':' || value, ' ') FROM hr;
SELECT sum(value), min(growth), max(growth) FROM hg;
SELECT sum(value), min(growth), max(growth) FROM hw;
SELECT sum(value), group_concat(k || ' ' || period, ',') FROM hpre WHERE preliminary;
SELECT sum(exports), sum(imports), sum(balance) FROM hf;
-- @expect
-- | 90|300.0|300.0
-- | 90|300.0|300.0|1
-- | 1:5 2:8
-- | 180|300.0|300.0
-- | 90|300.0|300.0
-- | 24|b 2023-03
-- | 90|12|78
