.load build/tradestat
.headers on
.mode list
-- Monthly sales of two partners, 2022-01 .. 2023-12; amount = 100 + month
-- number since 2022-01 (1..24) for A, ten times that for B.  A's 2022-03 is
-- missing: the gap.
CREATE TABLE sales(period TEXT, partner TEXT, amount NUMERIC);
WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 24)
INSERT INTO sales SELECT printf('%04d-%02d', 2022 + (i - 1) / 12, (i - 1) % 12 + 1), p,
       CASE p WHEN 'A' THEN 100 + i ELSE 10 * (100 + i) END
FROM m, (SELECT 'A' AS p UNION ALL SELECT 'B') WHERE NOT (p = 'A' AND i = 3);
CREATE INDEX sales_by ON sales(partner, period);

-- 1. Table-valued form: rows per series and period, ordered.
SELECT count(*) AS rows, count(DISTINCT series) AS series FROM yoy_growth('sales', 'amount', 'period', 'partner');
-- A, 2023-04: 100+16 against 2022-04: 100+4 -> 12/104*100
SELECT series, period, value, prior_period, prior_value, change, round(growth, 6) AS growth,
       round(100.0 * 12 / 104, 6) AS expected
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period = '2023-04';
-- The gap: 2023-03 has no prior; LAG(amount, 12) silently compares 2023-03 with 2022-02
SELECT series, period, value, prior_period, prior_value, growth, note
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period = '2023-03';
-- ytd: 2023-01 .. 2023-04 of A against 2022-01 .. 2022-04 (2022-03 missing) -> incomplete
SELECT period, ytd_value, prior_ytd_value, ytd_growth, note
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period IN ('2022-04', '2023-02', '2023-04');
-- B is complete: ytd through 2023-06 = sum(1013..1018)*10... computed by hand
SELECT period, ytd_value, prior_ytd_value,
       ytd_value = 10 * (113 + 114 + 115 + 116 + 117 + 118) AS ytd_ok,
       prior_ytd_value = 10 * (101 + 102 + 103 + 104 + 105 + 106) AS prior_ok,
       round(ytd_growth, 6) = round(100.0 * (6 * 12) / (101 + 102 + 103 + 104 + 105 + 106), 6) AS growth_ok
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'B' AND period = '2023-06';
-- no series column: one series over everything, series NULL
SELECT series IS NULL AS no_series, period, value FROM yoy_growth('sales', 'amount', 'period') WHERE period = '2022-01';

-- 2. CREATE form with by= and grain=quarter (months summed to quarters).
CREATE VIRTUAL TABLE q USING yoy_growth(source=sales, value=amount, period=period, by=partner, grain=quarter);
SELECT partner, period, value, prior_value, round(growth, 6) AS growth, note FROM q WHERE partner = 'B';
-- by hand: B 2023-Q1 = 10*(113+114+115) = 3420, 2022-Q1 = 10*(101+102+103) = 3060
SELECT value = 3420 AND prior_value = 3060 AND round(growth, 9) = round(100.0 * 360 / 3060, 9) AS q1_ok
FROM q WHERE partner = 'B' AND period = '2023-Q1';
-- A's Q1 2022 lacks March but still sums what is there (203 = 101 + 102)
SELECT partner, period, value FROM q WHERE partner = 'A' AND period = '2022-Q1';

-- 3. Pushdown never changes the answer: filtered = unfiltered then filtered.
CREATE TEMP TABLE all_rows AS SELECT * FROM yoy_growth('sales', 'amount', 'period', 'partner');
SELECT count(*) AS differing FROM (
  SELECT * FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period >= '2023-02' AND period < '2023-09'
  EXCEPT SELECT * FROM all_rows WHERE series = 'A' AND period >= '2023-02' AND period < '2023-09');
SELECT count(*) AS filtered_rows FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period >= '2023-02' AND period < '2023-09';
SELECT count(*) AS in_rows FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series IN ('A', 'B') AND period = '2023-12';
SELECT period, round(growth, 6) AS growth FROM q WHERE period BETWEEN '2023-Q2' AND '2023-Q3' AND partner = 'A';

-- 4. Negative bases, zero bases, integers stay integers, NULLs skipped.
CREATE TABLE bal(period, amount);
INSERT INTO bal VALUES ('2022', -382.3), ('2023', -279.6), ('2024', 0), ('2025', 5), (NULL, 7), ('2026', NULL), ('2027', 9223372036854775807), ('2028', 9223372036854775807);
SELECT period, value, typeof(value) AS type, change, round(growth, 1) AS growth, note FROM yoy_growth('bal', 'amount', 'period');

-- 5. INTEGER periods: years and YYYYMM.
CREATE TABLE ints(period INTEGER, amount INTEGER);
INSERT INTO ints VALUES (202201, 10), (202301, 15);
SELECT period, value, growth FROM yoy_growth('ints', 'amount', 'period');
CREATE TABLE years(period INTEGER, amount INTEGER);
INSERT INTO years VALUES (2021, 4), (2022, 5);
SELECT period, value, growth FROM yoy_growth('years', 'amount', 'period') WHERE period = '2022';

-- 6. Schema-qualified and hostile names are quoted, never pasted.
CREATE TABLE "x""; DROP TABLE sales; --"("per iod" TEXT, "am'ount" REAL, "by""col" TEXT);
INSERT INTO "x""; DROP TABLE sales; --" VALUES ('2022-Q1', 1, 'k'), ('2023-Q1', 3, 'k');
SELECT series, period, growth FROM yoy_growth('x"; DROP TABLE sales; --', 'am''ount', 'per iod', 'by"col') WHERE period = '2023-Q1';
CREATE VIRTUAL TABLE h USING yoy_growth(source='main."x""; DROP TABLE sales; --"', value="am'ount", period=[per iod], by='"by""col"');
SELECT * FROM h WHERE period = '2023-Q1';
SELECT count(*) AS sales_still_there FROM sales;
CREATE TEMP TABLE tsales AS SELECT * FROM sales WHERE partner = 'B' AND period = '2022-01';
SELECT series, period, value FROM yoy_growth('temp.tsales', 'amount', 'period', 'partner');

-- 7. Errors, each naming the module and quoting the value.
SELECT * FROM yoy_growth('nosuch', 'amount', 'period');
SELECT * FROM yoy_growth('sales', 'amt', 'period');
SELECT * FROM yoy_growth('sales', 'amount', 'per');
SELECT * FROM yoy_growth('sales', 'amount');
SELECT * FROM yoy_growth('sales', 42, 'period');
SELECT * FROM yoy_growth('sales', 'amount', 'period', 'nope');
SELECT * FROM yoy_growth;
CREATE TABLE badp(period, amount);
INSERT INTO badp VALUES ('2023-13', 1);
SELECT * FROM yoy_growth('badp', 'amount', 'period');
CREATE TABLE badv(period, amount);
INSERT INTO badv VALUES ('2023-01', 'n/a');
SELECT * FROM yoy_growth('badv', 'amount', 'period');
INSERT INTO badv VALUES ('2023-02', x'00ff');
DELETE FROM badv WHERE amount = 'n/a';
SELECT * FROM yoy_growth('badv', 'amount', 'period');
CREATE TABLE mixed(period, amount);
INSERT INTO mixed VALUES ('2023-Q1', 1), ('2023-05', 2);
SELECT * FROM yoy_growth('mixed', 'amount', 'period');
CREATE VIRTUAL TABLE e1 USING yoy_growth(source=mixed, value=amount, period=period, grain=month);
SELECT * FROM e1;
CREATE VIRTUAL TABLE e2 USING yoy_growth(source=sales, value=amount, period=period, grain=week);
CREATE VIRTUAL TABLE e3 USING yoy_growth(source=sales, value=amount, period=period, colour=red);
CREATE VIRTUAL TABLE e4 USING yoy_growth(source=sales, value=amount);
CREATE VIRTUAL TABLE e5 USING yoy_growth(source=sales, period=period);
CREATE TABLE clash(period, amount, growth);
CREATE VIRTUAL TABLE e6 USING yoy_growth(source=clash, value=amount, period=period, by='growth');
CREATE VIRTUAL TABLE e7 USING yoy_growth(source=sales, value=amount, period=period, by='partner,,x');
CREATE VIRTUAL TABLE e8 USING yoy_growth(sales);
CREATE VIRTUAL TABLE e9 USING yoy_growth(source=nosuch, value=amount, period=period);

-- 8. DIRECTONLY: not from a view or a trigger.
CREATE VIEW v AS SELECT * FROM yoy_growth('sales', 'amount', 'period');
SELECT count(*) FROM v;
CREATE VIEW v2 AS SELECT * FROM q;
SELECT count(*) FROM v2;
CREATE VIRTUAL TABLE e10 USING yoy_growth(source=sales, value=amount, period=period, grain=year, grain=half);

-- 9. Day-level rows (transactions) rolled up to months: a day without rows
-- is a day without sales, so the month is not incomplete.
CREATE TABLE tx(day TEXT, amount INTEGER);
INSERT INTO tx VALUES ('2022-03-01', 10), ('2022-03-15', 5), ('2023-03-02', 30);
CREATE VIRTUAL TABLE txm USING yoy_growth(source=tx, value=amount, period=day, grain=month);
SELECT period, value, prior_value, growth, note FROM txm;
-- but a quarter missing a month is incomplete
CREATE TABLE mq(period TEXT, amount INTEGER);
INSERT INTO mq VALUES ('2022-01', 1), ('2022-02', 1), ('2022-03', 1), ('2023-01', 2), ('2023-03', 2);
CREATE VIRTUAL TABLE mqq USING yoy_growth(source=mq, value=amount, period=period, grain=quarter);
SELECT period, value, prior_value, growth, note FROM mqq;
