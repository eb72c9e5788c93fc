.load build/tradestat
-- Error messages that no other check held: each names the function or
-- module, the argument and the value, so a change of its wording or a
-- path that stops raising it fails here.
.mode list
.headers off

-- 1. kosis_csv's arguments and file.
-- @check messages-1.1 max_bytes= twice, in two cases
CREATE VIRTUAL TABLE temp.k1 USING kosis_csv(file='tests/data/ragged.csv', max_bytes=100000, MAX_BYTES=5);
-- @error kosis_csv: max_bytes= given twice
-- @check messages-1.2 a NUL byte in the file, with its line
SELECT writefile('build/messages_nul.csv', 'region,2019 1/4' || char(10) || 'A,1' || char(0) || char(10)) > 0;
CREATE VIRTUAL TABLE temp.k2 USING kosis_csv(file='build/messages_nul.csv');
-- @expect 1
-- @error kosis_csv: build/messages_nul.csv line 2: NUL byte in the text (is it UTF-16? save it as UTF-8 or CP949)

-- 2. share and contribution over series of two period kinds: the growth
-- itself is fine per series, the shares are refused.
CREATE TABLE s(k TEXT, p TEXT, v INTEGER);
INSERT INTO s VALUES ('a', '2022', 1), ('a', '2023', 2), ('b', '2022-Q1', 1), ('b', '2023-Q1', 2);
-- @check messages-2.1
SELECT series, period, growth FROM yoy_growth('s', 'v', 'p', 'k') WHERE growth IS NOT NULL;
-- @expect
-- | a|2023|100.0
-- | b|2023-Q1|100.0
-- @check messages-2.2
SELECT series, period, share FROM yoy_growth('s', 'v', 'p', 'k');
-- @error yoy_growth: share and contribution need every series of one period kind (year and quarter found)

-- 3. annual_projection's reconcile= with more parts than by= has columns.
CREATE TABLE r(region TEXT, p TEXT, v INTEGER);
INSERT INTO r VALUES ('A', '2023-01', 1), ('Total', '2023-01', 1);
-- @check messages-3.1
CREATE VIRTUAL TABLE temp.pr USING annual_projection(source=r, value=v, period=p, by=region, reconcile='region=Total, region2=x');
-- @error annual_projection: reconcile= names more columns than by has: 'region=Total, region2=x'

-- 4. A period error of a table without by columns names "the one
-- series": a year row next to its months under grain=year.
CREATE TABLE u(p TEXT, v INTEGER);
INSERT INTO u VALUES ('2022', 12), ('2022-01', 1), ('2023', 5);
-- @check messages-4.1
SELECT period, value FROM yoy_growth('u', 'v', 'p', '', 'grain=year');
-- @error yoy_growth: period '2022' of the one series (no series column) has rows of a year and of a month inside it; summing both would count the same months twice (a total next to its parts?)

-- 5. A kosis_csv table whose shadow table was edited into names SQLite
-- cannot declare: a query says so and that DROP TABLE works, and it does.
-- (Last in the file: .open leaves the connection of the checks above.)
.open --new build/messages_shadow.db
.load build/tradestat
CREATE VIRTUAL TABLE k USING kosis_csv(file='tests/data/wide_utf8_bom.csv');
UPDATE k_kosis SET text = 'period' WHERE kind = 'column';
.open build/messages_shadow.db
.load build/tradestat
-- @check messages-5.1
SELECT count(*) FROM k;
-- @error kosis_csv: its shadow table "k_kosis" names columns SQLite cannot declare: duplicate column name: period (table "k"; DROP TABLE k still works)
-- @check messages-5.2
DROP TABLE k;
SELECT count(*) FROM sqlite_master;
-- @expect 0
