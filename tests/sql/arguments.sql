.load build/tradestat
-- The series tables' arguments as a new user or an attacker writes them:
-- every check either gives what the same query in plain SQL gives, or an
-- error that names the module, the argument and the value, shown safely
-- (cut to 60 bytes with a marker, NUL and control bytes as char(N)).
.mode list
.headers off

-- 1. A CREATE argument's value in identifier quotes is ONE name, as in
-- SQL.  Main has a table named "x.y" and schema x a table y; plain SQL's
-- "x.y" is main's table (5, 6).  Before, source="x.y" and source=[x.y]
-- were unquoted twice and read x.y (100, 900): the wrong table.
ATTACH ':memory:' AS x;
CREATE TABLE x.y(p TEXT, v INTEGER);
INSERT INTO x.y VALUES ('2022', 100), ('2023', 900);
CREATE TABLE "x.y"(p TEXT, v INTEGER);
INSERT INTO "x.y" VALUES ('2022', 5), ('2023', 6);
-- @check arguments-1.1 plain SQL, the reference
SELECT p, v FROM "x.y" ORDER BY p;
-- @expect
-- | 2022|5
-- | 2023|6
-- @check arguments-1.2 double quotes
CREATE VIRTUAL TABLE temp.q1 USING yoy_growth(source="x.y", value=v, period=p);
SELECT period, value FROM temp.q1;
-- @expect
-- | 2022|5
-- | 2023|6
-- @check arguments-1.3 brackets and backticks
CREATE VIRTUAL TABLE temp.q2 USING yoy_growth(source=[x.y], value=v, period=p);
CREATE VIRTUAL TABLE temp.q3 USING yoy_growth(source=`x.y`, value=v, period=p);
SELECT period, value FROM temp.q2 UNION ALL SELECT period, value FROM temp.q3;
-- @expect
-- | 2022|5
-- | 2023|6
-- | 2022|5
-- | 2023|6
-- In single quotes the value is a text holding schema.table (as the
-- table-valued form's 'x.y' is): schema x, table y.
-- @check arguments-1.4 single quotes and unquoted
CREATE VIRTUAL TABLE temp.q4 USING yoy_growth(source='x.y', value=v, period=p);
CREATE VIRTUAL TABLE temp.q5 USING yoy_growth(source=x.y, value=v, period=p);
SELECT period, value FROM temp.q4 UNION ALL SELECT period, value FROM temp.q5;
-- @expect
-- | 2022|100
-- | 2023|900
-- | 2022|100
-- | 2023|900

-- 2. A schema.table written with each part quoted, as SQL writes it:
-- "main"."t" and "te mp"."a.b".  Before: the value was taken for one
-- quoted name (its first and last bytes are quotes) and became the
-- table main"."t: no such table.
CREATE TABLE t(p TEXT, v INTEGER, w INTEGER);
INSERT INTO t VALUES ('2022', 10, 1), ('2023', 20, 3);
ATTACH ':memory:' AS "te mp";
CREATE TABLE "te mp"."a.b"(p TEXT, v INTEGER);
INSERT INTO "te mp"."a.b" VALUES ('2022', 1), ('2023', 2);
-- @check arguments-2.1
CREATE VIRTUAL TABLE temp.r1 USING yoy_growth(source="main"."t", value=v, period=p);
SELECT period, value, growth FROM temp.r1;
-- @expect
-- | 2022|10|
-- | 2023|20|100.0
-- @check arguments-2.2
CREATE VIRTUAL TABLE temp.r2 USING yoy_growth(source="te mp"."a.b", value=v, period=p);
SELECT period, value, growth FROM temp.r2;
SELECT period, value, growth FROM yoy_growth('"te mp"."a.b"', 'v', 'p');
-- @expect
-- | 2022|1|
-- | 2023|2|100.0
-- | 2022|1|
-- | 2023|2|100.0

-- 3. A column whose name has quotes in it: value="""v""" is the column
-- "v" (3, 4 in plain SQL), not v (10, 20).  Before it was unquoted twice.
CREATE TABLE qc(p TEXT, v INTEGER, """v""" INTEGER);
INSERT INTO qc VALUES ('2022', 10, 3), ('2023', 20, 4);
-- @check arguments-3.1
CREATE VIRTUAL TABLE temp.c1 USING yoy_growth(source=qc, value="""v""", period=p);
SELECT period, value FROM temp.c1;
SELECT p, """v""" FROM qc ORDER BY p;
-- @expect
-- | 2022|3
-- | 2023|4
-- | 2022|3
-- | 2023|4

-- 4. Table-valued arguments that are not names.  Before, x'74' (a BLOB)
-- read the table t (the type was asked after sqlite3_value_text had
-- converted it), and a NUL byte ended the name early: 't' || char(0)
-- || 'junk' read t, 'v' || char(0) || 'junk' the column v.
-- @check arguments-4.1
SELECT period FROM yoy_growth(x'74', 'v', 'p');
-- @error yoy_growth: argument 1 (source) is not a name: x'74'
-- @check arguments-4.2
SELECT period FROM yoy_growth('t' || char(0) || 'junk', 'v', 'p');
-- @error yoy_growth: argument 1 (source) is not a name: 't' || char(0) || 'junk'
-- @check arguments-4.3
SELECT period FROM yoy_growth('t', 'v' || char(0) || 'junk', 'p');
-- @error yoy_growth: argument 2 (value) is not a name: 'v' || char(0) || 'junk'
-- @check arguments-4.4
SELECT period FROM trade_imbalance('t', 'v', 'p', x'666c6f77');
-- @error trade_imbalance: argument 4 (flow) is not a name: x'666c6f77'
-- @check arguments-4.5 an options text with a NUL byte (its tail was ignored)
SELECT period FROM yoy_growth('t', 'v', 'p', '', 'grain=year' || char(0) || ', grain=week');
-- @error yoy_growth: argument 5 (options) must be text without NUL bytes: 'grain=year' || char(0) || ', grain=week'
-- @check arguments-4.6 annual_projection's method, a BLOB (it was read as its bytes)
SELECT year FROM annual_projection('t', 'v', 'p', '', x'72756e5f72617465');
-- @error annual_projection: argument 5 (method) must be text without NUL bytes: x'72756e5f72617465'

-- 5. Long values and control bytes in messages: cut to 60 bytes with a
-- marker, control bytes as char(N) in a value and '?' in a name.  Before,
-- a 10 kB value made a 10 kB message, and an escape sequence reached
-- the terminal.
-- @check arguments-5.1 a value
SELECT period FROM yoy_growth('t', 'v', 'p', '', 'grain=' || printf('%.10000c', 'w'));
-- @error yoy_growth: grain must be year, half, quarter or month: 'wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww...'
-- @check arguments-5.2 an option
SELECT period FROM yoy_growth('t', 'v', 'p', '', printf('%.10000c', 'w'));
-- @error yoy_growth: option is not key=value: 'wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww...' (options are written like 'grain=year, by=partner')
-- @check arguments-5.3 a key
SELECT period FROM yoy_growth('t', 'v', 'p', '', printf('%.10000c', 'k') || '=1');
-- @error yoy_growth: unknown argument "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk..." (expected source, value, period, by, grain, scan, total)
-- @check arguments-5.4 a table
SELECT period FROM yoy_growth(printf('%.10000c', 't'), 'v', 'p');
-- @error yoy_growth: no such table "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt..."
-- @check arguments-5.5 a column (the list of real columns follows)
SELECT period FROM yoy_growth('t', printf('%.10000c', 'c'), 'p');
-- @error yoy_growth: no such column "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc..." in "t" (columns: p, v, w)
-- @check arguments-5.6 cut on a character boundary (3-byte characters: 20 fit)
SELECT period FROM yoy_growth('t', 'v', 'p', '', 'scan=' || printf('%.30c', '무'));
-- @error yoy_growth: scan must be auto, hash or stream: '무무무무무무무무무무무무무무무무무무무무...'
-- @check arguments-5.7 an escape sequence and a newline in a value
SELECT period FROM yoy_growth('t', 'v', 'p', '', 'grain=y' || char(27) || '[31m' || char(10) || 'x');
-- @error yoy_growth: grain must be year, half, quarter or month: 'y' || char(27) || '[31m' || char(10) || 'x'
-- @check arguments-5.8 ... and in a table name
SELECT period FROM yoy_growth('t' || char(27) || '[31m', 'v', 'p');
-- @error yoy_growth: no such table "t?[31m"
-- @check arguments-5.9 a CREATE argument
CREATE VIRTUAL TABLE temp.l1 USING yoy_growth(source=t, value=v, period=p, by='a,,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
-- @error yoy_growth: by= has an empty column name: 'a,,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb...'
-- @check arguments-5.10 control bytes in pct_change's value too (the shared repr)
SELECT pct_change('1' || char(9) || '2', 1);
-- @error pct_change(): argument 1 is not a number: '1' || char(9) || '2'

-- 6. What held before and must keep holding: keys in any case, given
-- twice in two cases, keyword and unicode names, a name like a key.
CREATE TABLE k("select" TEXT, "from" INTEGER);
INSERT INTO k VALUES ('2022', 1), ('2023', 4);
CREATE TABLE "무역"("기간" TEXT, "금액" INTEGER);
INSERT INTO "무역" VALUES ('2022', 1), ('2023', 3);
-- @check arguments-6.1
CREATE VIRTUAL TABLE temp.d1 USING yoy_growth(source=t, Value=v, value=w, period=p);
-- @error yoy_growth: argument value= is given twice
-- @check arguments-6.2
CREATE VIRTUAL TABLE temp.k1 USING yoy_growth(SOURCE=k, "value"=from, period=select);
SELECT period, value, growth FROM temp.k1;
-- @expect
-- | 2022|1|
-- | 2023|4|300.0
-- @check arguments-6.3
CREATE VIRTUAL TABLE temp.u1 USING yoy_growth(source=무역, value=금액, period=기간);
SELECT period, value, growth FROM temp.u1;
-- @expect
-- | 2022|1|
-- | 2023|3|200.0
-- @check arguments-6.4 a source named like the table being created (unqualified,
-- it is the table's own schema's: the table itself, which cannot read itself)
CREATE VIRTUAL TABLE temp.selfy USING yoy_growth(source=selfy, value=v, period=p);
-- @error yoy_growth: cannot read "selfy": vtable constructor called recursively: selfy
-- @check arguments-6.5 empty names
CREATE VIRTUAL TABLE temp.e1 USING yoy_growth(source="", value=v, period=p);
-- @error yoy_growth: source= needs a name
-- @check arguments-6.6
SELECT period FROM yoy_growth('t', '', 'p');
-- @error yoy_growth: argument 2 (value) is not a name: ''

-- 7. Messages cut a name to 60 bytes, but what a writing statement keeps
-- of each source (its snapshot) is keyed by the exact names: two tables
-- whose names share their first 70 bytes are read each as itself.
CREATE TABLE "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"(p TEXT, v INTEGER);
CREATE TABLE "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2"(p TEXT, v INTEGER);
INSERT INTO "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1" VALUES ('2022', 1), ('2023', 2);
INSERT INTO "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2" VALUES ('2022', 7), ('2023', 8);
-- @check arguments-7.1 each source as it was before the statement wrote
INSERT INTO "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"
  SELECT '1:' || period, value FROM yoy_growth('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'v', 'p')
  UNION ALL SELECT '2:' || period, value FROM yoy_growth('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2', 'v', 'p');
SELECT p, v FROM "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1" ORDER BY rowid;
-- @expect
-- | 2022|1
-- | 2023|2
-- | 1:2022|1
-- | 1:2023|2
-- | 2:2022|7
-- | 2:2023|8

-- 8. by= is a list in any quotes (documented for the options text); a
-- column whose name holds a comma is quoted inside the list.
CREATE TABLE lst(p TEXT, v INTEGER, a TEXT, b TEXT, "a, b" TEXT);
INSERT INTO lst VALUES ('2022', 10, 'x', 'y', 'z'), ('2023', 20, 'x', 'y', 'z');
-- @check arguments-8.1
CREATE VIRTUAL TABLE temp.b1 USING yoy_growth(source=lst, value=v, period=p, by="a, b");
CREATE VIRTUAL TABLE temp.b2 USING yoy_growth(source=lst, value=v, period=p, by='"a, b"');
SELECT a, b, period, value FROM temp.b1 WHERE period = '2023';
SELECT "a, b", period, value FROM temp.b2 WHERE period = '2023';
SELECT series, period, value FROM yoy_growth('lst', 'v', 'p', '', 'by="a, b"') WHERE period = '2023';
-- @expect
-- | x|y|2023|20
-- | z|2023|20
-- | ["x","y"]|2023|20

-- 9. More by columns than a series table takes (16): the error quotes
-- the list (before, it named no value).
-- @check arguments-9.1
SELECT period FROM yoy_growth('t', 'v', 'p', 'a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q');
-- @error yoy_growth: argument 4 (series) names more than 16 columns: 'a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q'
-- @check arguments-9.2
CREATE VIRTUAL TABLE temp.many USING yoy_growth(source=t, value=v, period=p, by='a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q');
-- @error yoy_growth: by= names more than 16 columns: 'a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q'

-- 10. Spaces around a name are not part of it; a name with its own
-- trailing space is quoted.  Plain SQL's "v " is the column holding 100
-- and 300.  Before, value="v " was unquoted, then trimmed, and read v.
CREATE TABLE z(p TEXT, v INTEGER, "v " INTEGER);
INSERT INTO z VALUES ('2022', 1, 100), ('2023', 2, 300);
-- @check arguments-10.1
CREATE VIRTUAL TABLE temp.z1 USING yoy_growth(source=z, value="v ", period=p);
SELECT period, value FROM temp.z1;
SELECT period, value FROM yoy_growth('z', '"v "', 'p');
SELECT period, value FROM yoy_growth(' z ', ' v ', ' p ');
-- @expect
-- | 2022|100
-- | 2023|300
-- | 2022|100
-- | 2023|300
-- | 2022|1
-- | 2023|2

-- 11. trade_imbalance's own column keys unquote once too: exports="""v"""
-- is the column "v" (3, 4), flow="""f""" the column "f".  Before, both
-- were unquoted twice and read v (10, 20) and f.
CREATE TABLE w(p TEXT, v INTEGER, """v""" INTEGER, m INTEGER, f TEXT, """f""" TEXT);
INSERT INTO w VALUES ('2022', 10, 3, 1, 'bad', 'export'), ('2023', 20, 4, 1, 'bad', 'export');
-- @check arguments-11.1
CREATE VIRTUAL TABLE temp.tw USING trade_imbalance(source=w, period=p, exports="""v""", imports=m);
SELECT period, exports FROM temp.tw;
-- @expect
-- | 2022|3
-- | 2023|4
-- @check arguments-11.2
CREATE VIRTUAL TABLE temp.tl USING trade_imbalance(source=w, period=p, value=v, flow="""f""");
SELECT period, exports FROM temp.tl;
-- @expect
-- | 2022|10
-- | 2023|20

-- 12. The column list of a "no such column" message cuts each real name
-- too (three 100-byte names made a message of every one of them whole).
-- @check arguments-12.1
CREATE TABLE wide(p TEXT, v INTEGER);
ALTER TABLE wide ADD COLUMN "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd" TEXT;
SELECT period FROM yoy_growth('wide', 'xyz', 'p');
-- @error yoy_growth: no such column "xyz" in "wide" (columns: p, v, dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd...)

-- 13. '=' and ',' inside a quoted value belong to the name (held before;
-- kept so the quote-aware splitting stays).
CREATE TABLE "a=b"(p TEXT, "x,y" INTEGER);
INSERT INTO "a=b" VALUES ('2022', 1), ('2023', 2);
-- @check arguments-13.1
CREATE VIRTUAL TABLE temp.eq USING yoy_growth(source="a=b", value="x,y", period=p);
SELECT period, value, growth FROM temp.eq;
SELECT period, value, growth FROM yoy_growth('a=b', 'x,y', 'p', '', 'grain=year');
-- @expect
-- | 2022|1|
-- | 2023|2|100.0
-- | 2022|1|
-- | 2023|2|100.0
