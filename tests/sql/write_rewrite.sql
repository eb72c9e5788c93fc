.load build/tradestat
.headers off
.mode list
-- A statement that writes reads its source as it was before its first
-- write (docs/design.md, "A statement never reads the rows it writes").
-- Across the xFilters of a join's inner loop that was a bound on the
-- source's rowids, which leaves out rows the statement inserts but not
-- rows it changes or deletes: an INSERT into the source that replaces a
-- row (OR REPLACE, REPLACE INTO, a REPLACE conflict clause of the table)
-- or updates one (ON CONFLICT DO UPDATE) showed the later filters the
-- source after those writes.  Each check runs the statement on the
-- series table and, beside it, the same statement over a copy through a
-- plain-SQL view (value and prior value by a self-join): SQLite reads
-- that SELECT in full before it writes, since it reads the table it
-- inserts into.  Expected values are worked out by hand in the comments.
CREATE TABLE s(k TEXT, p TEXT, v INTEGER, UNIQUE(k, p));
CREATE TABLE c(k TEXT, p TEXT, v INTEGER, UNIQUE(k, p));
CREATE VIEW cv AS SELECT a.k, a.p AS period, a.v AS value, b.v AS prior_value
  FROM c AS a LEFT JOIN c AS b ON b.k = a.k AND b.p = printf('%04d', a.p - 1);
CREATE VIRTUAL TABLE g USING yoy_growth(source=s, value=v, period=p, by=k);
CREATE TABLE x(p TEXT);
INSERT INTO x VALUES ('2022'), ('2023');

-- 1. ON CONFLICT DO UPDATE, the series table the inner loop of a join
-- with two outer rows: each row of a is written twice with its value
-- doubled, from the values before the statement: 200 and 220 (the
-- second filter read the first's 200 and 220 and stored 400 and 440).
DELETE FROM s;
INSERT INTO s VALUES ('a', '2022', 100), ('a', '2023', 110);
DELETE FROM c;
INSERT INTO c SELECT * FROM s;
-- @check write_rewrite-1.1 plain SQL
INSERT INTO c(k, p, v) SELECT cv.k, cv.period, cv.value * 2 FROM x CROSS JOIN cv
  WHERE cv.k = 'a' ON CONFLICT(k, p) DO UPDATE SET v = excluded.v;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM c ORDER BY p);
-- @expect 2022=200 2023=220
-- @check write_rewrite-1.2 the series table: the same (was 400 and 440)
INSERT INTO s(k, p, v) SELECT g.k, g.period, g.value * 2 FROM x CROSS JOIN g
  WHERE g.k = 'a' ON CONFLICT(k, p) DO UPDATE SET v = excluded.v;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM s ORDER BY p);
-- @expect 2022=200 2023=220

-- 2. INSERT OR REPLACE: the first outer row (2022) writes a's 2022 row
-- again (the old row is deleted, the new one has a new rowid); the
-- second (2023) writes 2023's prior value, 100.  The rowid bound had
-- lost the 2022 row: no prior, -1.
DELETE FROM s;
INSERT INTO s VALUES ('a', '2022', 100), ('a', '2023', 110);
DELETE FROM c;
INSERT INTO c SELECT * FROM s;
-- @check write_rewrite-2.1 plain SQL
INSERT OR REPLACE INTO c SELECT cv.k, cv.period,
  CASE WHEN x.p = '2022' THEN cv.value ELSE coalesce(cv.prior_value, -1) END
  FROM x CROSS JOIN cv WHERE cv.period = x.p;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM c ORDER BY p);
-- @expect 2022=100 2023=100
-- @check write_rewrite-2.2 the series table: the same (was 2023=-1)
INSERT OR REPLACE INTO s SELECT g.k, g.period,
  CASE WHEN x.p = '2022' THEN g.value ELSE coalesce(g.prior_value, -1) END
  FROM x CROSS JOIN g WHERE g.period = x.p;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM s ORDER BY p);
-- @expect 2022=100 2023=100
-- @check write_rewrite-2.3 REPLACE INTO, written in another case with a comment: the same
DELETE FROM s;
INSERT INTO s VALUES ('a', '2022', 100), ('a', '2023', 110);
/* refresh */ rePlace
  INTO "s" SELECT g.k, g.period,
  CASE WHEN x.p = '2022' THEN g.value ELSE coalesce(g.prior_value, -1) END
  FROM x CROSS JOIN g WHERE g.period = x.p;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM s ORDER BY p);
-- @expect 2022=100 2023=100

-- 3. A REPLACE conflict clause of the table itself makes a plain INSERT
-- replace: the same 100.
CREATE TABLE r(k TEXT, p TEXT, v INTEGER, UNIQUE(k, p) ON CONFLICT REPLACE);
INSERT INTO r VALUES ('a', '2022', 100), ('a', '2023', 110);
CREATE VIRTUAL TABLE gr USING yoy_growth(source=r, value=v, period=p, by=k);
-- @check write_rewrite-3.1 the series table over a table that replaces on conflict
WITH w AS (SELECT 1) INSERT INTO r SELECT gr.k, gr.period,
  CASE WHEN x.p = '2022' THEN gr.value ELSE coalesce(gr.prior_value, -1) END
  FROM x CROSS JOIN gr WHERE gr.period = x.p;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM r ORDER BY p);
-- @expect 2022=100 2023=100

-- 4. ON CONFLICT DO NOTHING changes no row; into another table the
-- statement reads the source as SQLite does, row by row: unchanged.
DELETE FROM s;
INSERT INTO s VALUES ('a', '2022', 100), ('a', '2023', 110);
CREATE TABLE o(k TEXT, p TEXT, v INTEGER, UNIQUE(k, p));
-- @check write_rewrite-4.1 DO NOTHING into the source: the new 2024 row once, from 2023's 110
INSERT INTO s(k, p, v) SELECT g.k, '2024', g.value FROM x CROSS JOIN g
  WHERE g.period = '2023' ON CONFLICT DO NOTHING;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM s ORDER BY p);
-- @expect 2022=100 2023=110 2024=110
-- @check write_rewrite-4.2 an UPSERT into another table: 2022=100 2023=110 twice over, kept once
INSERT INTO o(k, p, v) SELECT g.k, g.period, g.value FROM x CROSS JOIN g
  WHERE g.period < '2024' ON CONFLICT(k, p) DO UPDATE SET v = o.v + excluded.v;
SELECT group_concat(p || '=' || v, ' ') FROM (SELECT * FROM o ORDER BY p);
-- @expect 2022=200 2023=220
