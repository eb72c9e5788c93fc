.load build/tradestat
.mode list
.headers off
-- A message that names the series or kosis_csv table itself (its source
-- gone, DROP TABLE still works) shows a control character of that name
-- as '?', as a name not found shows it: each check below wrote the
-- newline of the name raw before, so the message broke over three lines
-- (and an escape sequence in a name would have reached the terminal).

CREATE TABLE n(p TEXT, f TEXT, v INTEGER);
INSERT INTO n VALUES ('2022', 'export', 1), ('2023', 'export', 2);
CREATE VIRTUAL TABLE "z
x" USING yoy_growth(source=n, value=v, period=p);
CREATE VIRTUAL TABLE "t	y" USING trade_imbalance(source=n, value=v, period=p, flow=f);
CREATE VIRTUAL TABLE "p
j" USING annual_projection(source=n, value=v, period=p);
DROP TABLE n;
-- @check messages_table_names-1.1 a newline in a series table's name
SELECT count(*) FROM "z
x";
-- @error yoy_growth: no such table "n" (the source of table "z?x"; DROP TABLE "z?x" still works)
-- @check messages_table_names-1.2 a tab, in the other two modules
SELECT count(*) FROM "t	y";
SELECT count(*) FROM "p
j";
-- @error trade_imbalance: no such table "n" (the source of table "t?y"; DROP TABLE "t?y" still works)
-- @error annual_projection: no such table "n" (the source of table "p?j"; DROP TABLE "p?j" still works)
-- @check messages_table_names-1.3 DROP TABLE does work
DROP TABLE "z
x";
DROP TABLE "t	y";
DROP TABLE "p
j";
SELECT count(*) FROM sqlite_master;
-- @expect 0

-- 2. A kosis_csv table whose file went bad, read again by a later
-- connection (last in the file: .open leaves the connection above).
-- @check messages_table_names-2.1 the file, then emptied after CREATE
SELECT writefile('build/messages_table_names.csv', readfile('tests/data/wide_utf8_bom.csv')) > 0;
.open --new build/messages_table_names.db
.load build/tradestat
CREATE VIRTUAL TABLE "k
q" USING kosis_csv(file='build/messages_table_names.csv');
SELECT writefile('build/messages_table_names.csv', '') = 0;
-- @expect
-- | 1
-- | 1
.open build/messages_table_names.db
.load build/tradestat
-- @check messages_table_names-2.2
SELECT count(*) FROM "k
q";
-- @error kosis_csv: build/messages_table_names.csv line 1: the file is empty (table "k?q"; DROP TABLE "k?q" still works)
