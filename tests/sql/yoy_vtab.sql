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
-- @check yoy_vtab-1.1
SELECT count(*) AS rows, count(DISTINCT series) AS series FROM yoy_growth('sales', 'amount', 'period', 'partner');
-- @expect
-- | rows|series
-- | 47|2
-- A, 2023-04: 100+16 against 2022-04: 100+4 -> 12/104*100
-- @check yoy_vtab-1.2
SELECT series, period, value, prior_period, prior_value, change, round(growth, 6) AS growth,
       round(100.0 * 12 / 104, 6) AS expected
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period = '2023-04';
-- @expect
-- | series|period|value|prior_period|prior_value|change|growth|expected
-- | A|2023-04|116|2022-04|104|12|11.538462|11.538462
-- The gap: 2023-03 has no prior; LAG(amount, 12) silently compares 2023-03 with 2022-02
-- @check yoy_vtab-1.3
SELECT series, period, value, prior_period, prior_value, growth, note
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period = '2023-03';
-- @expect
-- | series|period|value|prior_period|prior_value|growth|note
-- | A|2023-03|115|2022-03|||no prior period
-- ytd: 2023-01 .. 2023-04 of A against 2022-01 .. 2022-04 (2022-03 missing) -> incomplete
-- @check yoy_vtab-1.4
SELECT period, ytd_value, prior_ytd_value, ytd_growth, note
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period IN ('2022-04', '2023-02', '2023-04');
-- @expect
-- | period|ytd_value|prior_ytd_value|ytd_growth|note
-- | 2022-04||||no prior period
-- | 2023-02|227|203|11.8226600985222|
-- | 2023-04|458|||incomplete prior year-to-date
-- B is complete: ytd through 2023-06 = sum(1013..1018)*10... computed by hand
-- @check yoy_vtab-1.5
SELECT period, ytd_value, prior_ytd_value,
       ytd_value = 10 * (113 + 114 + 115 + 116 + 117 + 118) AS ytd_ok,
       prior_ytd_value = 10 * (101 + 102 + 103 + 104 + 105 + 106) AS prior_ok,
       round(ytd_growth, 6) = round(100.0 * (6 * 12) / (101 + 102 + 103 + 104 + 105 + 106), 6) AS growth_ok
FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'B' AND period = '2023-06';
-- @expect
-- | period|ytd_value|prior_ytd_value|ytd_ok|prior_ok|growth_ok
-- | 2023-06|6930|6210|1|1|1
-- no series column: one series over everything, series NULL
-- @check yoy_vtab-1.6
SELECT series IS NULL AS no_series, period, value FROM yoy_growth('sales', 'amount', 'period', NULL, 'grain=month') WHERE period = '2022-01';
-- @expect
-- | no_series|period|value
-- | 1|2022-01|1111

-- 2. CREATE form with by= and grain=quarter (months summed to quarters).
CREATE VIRTUAL TABLE q USING yoy_growth(source=sales, value=amount, period=period, by=partner, grain=quarter);
-- @check yoy_vtab-2.1
SELECT partner, period, value, prior_value, round(growth, 6) AS growth, note FROM q WHERE partner = 'B';
-- @expect
-- | partner|period|value|prior_value|growth|note
-- | B|2022-Q1|3060|||no prior period
-- | B|2022-Q2|3150|||no prior period
-- | B|2022-Q3|3240|||no prior period
-- | B|2022-Q4|3330|||no prior period
-- | B|2023-Q1|3420|3060|11.764706|
-- | B|2023-Q2|3510|3150|11.428571|
-- | B|2023-Q3|3600|3240|11.111111|
-- | B|2023-Q4|3690|3330|10.810811|
-- by hand: B 2023-Q1 = 10*(113+114+115) = 3420, 2022-Q1 = 10*(101+102+103) = 3060
-- @check yoy_vtab-2.2
SELECT value = 3420 AND prior_value = 3060 AND round(growth, 9) = round(100.0 * 360 / 3060, 9) AS q1_ok
FROM q WHERE partner = 'B' AND period = '2023-Q1';
-- @expect
-- | q1_ok
-- | 1
-- A's Q1 2022 lacks March but still sums what is there (203 = 101 + 102)
-- @check yoy_vtab-2.3
SELECT partner, period, value FROM q WHERE partner = 'A' AND period = '2022-Q1';
-- @expect
-- | partner|period|value
-- | A|2022-Q1|203

-- 3. Pushdown never changes the answer: filtered = unfiltered then filtered.
CREATE TEMP TABLE all_rows AS SELECT * FROM yoy_growth('sales', 'amount', 'period', 'partner');
-- @check yoy_vtab-3.1
SELECT count(*) AS differing FROM (
  SELECT * FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period >= '2023-02' AND period < '2023-09'
  EXCEPT SELECT * FROM all_rows WHERE series = 'A' AND period >= '2023-02' AND period < '2023-09');
-- @expect
-- | differing
-- | 0
-- @check yoy_vtab-3.2
SELECT count(*) AS filtered_rows FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series = 'A' AND period >= '2023-02' AND period < '2023-09';
-- @expect
-- | filtered_rows
-- | 7
-- @check yoy_vtab-3.3
SELECT count(*) AS in_rows FROM yoy_growth('sales', 'amount', 'period', 'partner') WHERE series IN ('A', 'B') AND period = '2023-12';
-- @expect
-- | in_rows
-- | 2
-- @check yoy_vtab-3.4
SELECT period, round(growth, 6) AS growth FROM q WHERE period BETWEEN '2023-Q2' AND '2023-Q3' AND partner = 'A';
-- @expect
-- | period|growth
-- | 2023-Q2|11.428571
-- | 2023-Q3|11.111111

-- 4. Negative bases, zero bases, integers stay integers, NULLs skipped.
CREATE TABLE bal(period, amount);
INSERT INTO bal VALUES ('2022', -382.3), ('2023', -279.6), ('2024', 0), ('2025', 5), (NULL, 7), ('2026', NULL), ('2027', 9223372036854775807), ('2028', 9223372036854775807);
-- @check yoy_vtab-4.1
SELECT period, value, typeof(value) AS type, change, round(growth, 1) AS growth, note FROM yoy_growth('bal', 'amount', 'period');
-- @expect
-- | period|value|type|change|growth|note
-- | 2022|-382.3|real|||no prior period
-- | 2023|-279.6|real|102.7|26.9|
-- | 2024|0|integer|279.6|100.0|
-- | 2025|5|integer|5||prior is zero
-- | 2027|9223372036854775807|integer|||no prior period
-- | 2028|9223372036854775807|integer|0|0.0|

-- 5. INTEGER periods: years and YYYYMM.
CREATE TABLE ints(period INTEGER, amount INTEGER);
INSERT INTO ints VALUES (202201, 10), (202301, 15);
-- @check yoy_vtab-5.1
SELECT period, value, growth FROM yoy_growth('ints', 'amount', 'period');
-- @expect
-- | period|value|growth
-- | 2022-01|10|
-- | 2023-01|15|50.0
CREATE TABLE years(period INTEGER, amount INTEGER);
INSERT INTO years VALUES (2021, 4), (2022, 5);
-- @check yoy_vtab-5.2
SELECT period, value, growth FROM yoy_growth('years', 'amount', 'period') WHERE period = '2022';
-- @expect
-- | period|value|growth
-- | 2022|5|25.0

-- 6. Schema-qualified and hostile names are quoted, never pasted.
CREATE TABLE "x""; DROP TABLE sales; --"("per iod" TEXT, "am'ount" REAL, "by""col" TEXT);
INSERT INTO "x""; DROP TABLE sales; --" VALUES ('2022-Q1', 1, 'k'), ('2023-Q1', 3, 'k');
-- @check yoy_vtab-6.1
SELECT series, period, growth FROM yoy_growth('x"; DROP TABLE sales; --', 'am''ount', 'per iod', 'by"col') WHERE period = '2023-Q1';
-- @expect
-- | series|period|growth
-- | k|2023-Q1|200.0
CREATE VIRTUAL TABLE h USING yoy_growth(source='main."x""; DROP TABLE sales; --"', value="am'ount", period=[per iod], by='"by""col"');
-- @check yoy_vtab-6.2
SELECT * FROM h WHERE period = '2023-Q1';
-- @expect
-- | by"col|period|value|prior_period|prior_value|change|growth|ytd_value|prior_ytd_value|ytd_growth|share|share_change|contribution|preliminary|note
-- | k|2023-Q1|3.0|2022-Q1|1.0|2.0|200.0|3.0|1.0|200.0|100.0|0.0|200.0|0|
-- @check yoy_vtab-6.3
SELECT count(*) AS sales_still_there FROM sales;
-- @expect
-- | sales_still_there
-- | 47
CREATE TEMP TABLE tsales AS SELECT * FROM sales WHERE partner = 'B' AND period = '2022-01';
-- @check yoy_vtab-6.4
SELECT series, period, value FROM yoy_growth('temp.tsales', 'amount', 'period', 'partner');
-- @expect
-- | series|period|value
-- | B|2022-01|1010

-- 7. Errors, each naming the module and quoting the value.
-- @check yoy_vtab-7.1
SELECT * FROM yoy_growth('nosuch', 'amount', 'period');
-- @error yoy_growth: no such table "nosuch"
-- @check yoy_vtab-7.2
SELECT * FROM yoy_growth('sales', 'amt', 'period');
-- @error yoy_growth: no such column "amt" in "sales" (did you mean "amount"? columns: period, partner, amount)
-- @check yoy_vtab-7.3
SELECT * FROM yoy_growth('sales', 'amount', 'per');
-- @error yoy_growth: no such column "per" in "sales" (did you mean "period"? columns: period, partner, amount)
-- @check yoy_vtab-7.4
SELECT * FROM yoy_growth('sales', 'amount');
-- @error yoy_growth: argument 3 (period) is missing
-- @check yoy_vtab-7.5
SELECT * FROM yoy_growth('sales', 42, 'period');
-- @error yoy_growth: argument 2 (value) is not a name: 42
-- @check yoy_vtab-7.6
SELECT * FROM yoy_growth('sales', 'amount', 'period', 'nope');
-- @error yoy_growth: no such column "nope" in "sales" (columns: period, partner, amount)
-- @check yoy_vtab-7.7
SELECT * FROM yoy_growth;
-- @error yoy_growth: argument 1 (source) is missing
CREATE TABLE badp(period, amount);
INSERT INTO badp VALUES ('2023-13', 1);
-- @check yoy_vtab-7.8
SELECT * FROM yoy_growth('badp', 'amount', 'period');
-- @error yoy_growth: column "period" in "badp" is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12))
CREATE TABLE badv(period, amount);
INSERT INTO badv VALUES ('2023-01', 'n/a');
-- @check yoy_vtab-7.9
SELECT * FROM yoy_growth('badv', 'amount', 'period');
-- @error yoy_growth: column "amount" in "badv" is not a number: 'n/a' (period '2023-01')
INSERT INTO badv VALUES ('2023-02', x'00ff');
DELETE FROM badv WHERE amount = 'n/a';
-- @check yoy_vtab-7.10
SELECT * FROM yoy_growth('badv', 'amount', 'period');
-- @error yoy_growth: column "amount" in "badv" is not a number: x'00ff' (period '2023-02')
CREATE TABLE mixed(period, amount);
INSERT INTO mixed VALUES ('2023-Q1', 1), ('2023-05', 2);
-- @check yoy_vtab-7.11
SELECT * FROM yoy_growth('mixed', 'amount', 'period');
-- @error yoy_growth: series mixes period kinds: '2023-05' and '2023-Q1'
CREATE VIRTUAL TABLE e1 USING yoy_growth(source=mixed, value=amount, period=period, grain=month);
-- @check yoy_vtab-7.12
SELECT * FROM e1;
-- @error yoy_growth: cannot roll the quarter '2023-Q1' up to grain=month
-- @check yoy_vtab-7.13
CREATE VIRTUAL TABLE e2 USING yoy_growth(source=sales, value=amount, period=period, grain=week);
-- @error yoy_growth: grain must be year, half, quarter or month: 'week'
-- @check yoy_vtab-7.14
CREATE VIRTUAL TABLE e3 USING yoy_growth(source=sales, value=amount, period=period, colour=red);
-- @error yoy_growth: unknown argument "colour" (expected source, value, period, by, grain, scan, total)
-- @check yoy_vtab-7.15
CREATE VIRTUAL TABLE e4 USING yoy_growth(source=sales, value=amount);
-- @error yoy_growth: missing argument period=
-- @check yoy_vtab-7.16
CREATE VIRTUAL TABLE e5 USING yoy_growth(source=sales, period=period);
-- @error yoy_growth: missing argument value=
CREATE TABLE clash(period, amount, growth);
-- @check yoy_vtab-7.17
CREATE VIRTUAL TABLE e6 USING yoy_growth(source=clash, value=amount, period=period, by='growth');
-- @error yoy_growth: by column "growth" has the name of a result column
-- @check yoy_vtab-7.18
CREATE VIRTUAL TABLE e7 USING yoy_growth(source=sales, value=amount, period=period, by='partner,,x');
-- @error yoy_growth: by= has an empty column name: 'partner,,x'
-- @check yoy_vtab-7.19
CREATE VIRTUAL TABLE e8 USING yoy_growth(sales);
-- @error yoy_growth: argument is not key=value: 'sales'
-- @check yoy_vtab-7.20
CREATE VIRTUAL TABLE e9 USING yoy_growth(source=nosuch, value=amount, period=period);
-- @error yoy_growth: no such table "nosuch"

-- 8. DIRECTONLY: not from a view or a trigger.
CREATE VIEW v AS SELECT * FROM yoy_growth('sales', 'amount', 'period');
-- @check yoy_vtab-8.1
SELECT count(*) FROM v;
-- @error unsafe use of virtual table "yoy_growth"
CREATE VIEW v2 AS SELECT * FROM q;
-- @check yoy_vtab-8.2
SELECT count(*) FROM v2;
-- @error unsafe use of virtual table "q"
-- @check yoy_vtab-8.3
CREATE VIRTUAL TABLE e10 USING yoy_growth(source=sales, value=amount, period=period, grain=year, grain=half);
-- @error yoy_growth: argument grain= is given twice

-- 9. Day-level rows (transactions) rolled up to months: a day without rows
-- is a day without sales, so the month is not incomplete -- inside the
-- days the source holds (here up to 2023-04-10; see 29 for its end).
CREATE TABLE tx(day TEXT, amount INTEGER);
INSERT INTO tx VALUES ('2022-03-01', 10), ('2022-03-15', 5), ('2023-03-02', 30), ('2023-04-10', 7);
CREATE VIRTUAL TABLE txm USING yoy_growth(source=tx, value=amount, period=day, grain=month);
-- @check yoy_vtab-9.1
SELECT period, value, prior_value, growth, note FROM txm;
-- @expect
-- | period|value|prior_value|growth|note
-- | 2022-03|15|||no prior period
-- | 2023-03|30|15|100.0|incomplete year-to-date
-- | 2023-04|7|||incomplete period
-- but a quarter missing a month is incomplete
CREATE TABLE mq(period TEXT, amount INTEGER);
INSERT INTO mq VALUES ('2022-01', 1), ('2022-02', 1), ('2022-03', 1), ('2023-01', 2), ('2023-03', 2);
CREATE VIRTUAL TABLE mqq USING yoy_growth(source=mq, value=amount, period=period, grain=quarter);
-- @check yoy_vtab-9.2
SELECT period, value, prior_value, growth, note FROM mqq;
-- @expect
-- | period|value|prior_value|growth|note
-- | 2022-Q1|3|||no prior period
-- | 2023-Q1|4|3||incomplete period

-- Share and contribution (the agencies' 구성비 and 기여도).  Three regions:
-- China 100 -> 150, US 300 -> 330, EU 100 -> 80; total 500 -> 560 (+12 %).
-- share = value / total of the period * 100; share_change in points;
-- contribution = (value - prior value) / prior total * 100, in points:
-- China 50 / 500 = 10, US 30 / 500 = 6, EU -20 / 500 = -4; sum 12 = growth.
CREATE TABLE regions(region TEXT, p TEXT, v INTEGER);
INSERT INTO regions VALUES ('China', '2022', 100), ('China', '2023', 150), ('US', '2022', 300),
  ('US', '2023', 330), ('EU', '2022', 100), ('EU', '2023', 80);
-- @check yoy_vtab-20.1
SELECT series, period, share, round(share_change, 6) AS share_change, contribution
FROM yoy_growth('regions', 'v', 'p', 'region') ORDER BY series, period;
-- @expect
-- | series|period|share|share_change|contribution
-- | China|2022|20.0||
-- | China|2023|26.7857142857143|6.785714|10.0
-- | EU|2022|20.0||
-- | EU|2023|14.2857142857143|-5.714286|-4.0
-- | US|2022|60.0||
-- | US|2023|58.9285714285714|-1.071429|6.0
-- the contributions add up to the total's growth, computed in plain SQL
-- @check yoy_vtab-20.2
SELECT round(sum(contribution), 9) = round(pct_change((SELECT sum(v) FROM regions WHERE p = '2023'),
                                                      (SELECT sum(v) FROM regions WHERE p = '2022')), 9) AS adds_up
FROM yoy_growth('regions', 'v', 'p', 'region') WHERE period = '2023';
-- @expect
-- | adds_up
-- | 1
-- a WHERE on the series column does not change them: the total is the whole source
-- @check yoy_vtab-20.3
SELECT share, contribution FROM yoy_growth('regions', 'v', 'p', 'region') WHERE series = 'China' AND period = '2023';
-- @expect
-- | share|contribution
-- | 26.7857142857143|10.0
-- total='LABEL': the data carries its own total row, which is not added again
INSERT INTO regions VALUES ('Total', '2022', 500), ('Total', '2023', 560);
CREATE VIRTUAL TABLE shares USING yoy_growth(source=regions, value=v, period=p, by=region, total='Total');
-- @check yoy_vtab-20.4
SELECT region, share, contribution FROM shares WHERE period = '2023';
-- @expect
-- | region|share|contribution
-- | China|26.7857142857143|10.0
-- | EU|14.2857142857143|-4.0
-- | Total|100.0|12.0
-- | US|58.9285714285714|6.0
-- without total=, the total row would be one more series and every share
-- would halve (China 13.39 %): a series equal to the sum of the others in
-- every period is refused, by name (more in 30)
-- @check yoy_vtab-20.5
SELECT round(share, 6) FROM yoy_growth('regions', 'v', 'p', 'region') WHERE series = 'China' AND period = '2023';
-- @error yoy_growth: share and contribution: the series region='Total' equals the sum of the other 3 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- total= needs a by column
-- @check yoy_vtab-20.6
CREATE VIRTUAL TABLE shares2 USING yoy_growth(source=regions, value=v, period=p, total='Total');
-- @error yoy_growth: total='Total' names a value of the last by column, so it needs a by column (by= has 0)
-- total= naming no series of the one by column (a typo, or a label
-- spelled otherwise than the data): every share, share_change and
-- contribution was NULL, with no note, where two by columns give the
-- error of a group without its total (check 32.8)
-- @check yoy_vtab-20.6b
SELECT series, share FROM yoy_growth('regions', 'v', 'p', 'region', 'total=Totl') WHERE period = '2023';
-- @error yoy_growth: total='Totl' names a value of region, the by column, but no series with a figure has region='Totl' (or leave total= out)
-- the other columns need no total: they are still given
-- @check yoy_vtab-20.6c
SELECT count(*), count(growth) FROM yoy_growth('regions', 'v', 'p', 'region', 'total=Totl');
-- @expect
-- | count(*)|count(growth)
-- | 8|4
-- a total series whose every row is withheld (NULL) has no figure to
-- divide by: the same error, which says so
-- @check yoy_vtab-20.6d
CREATE TABLE withheld_total(k TEXT, p TEXT, v INTEGER);
INSERT INTO withheld_total VALUES ('a', '2022', 1), ('b', '2022', 2), ('Total', '2022', NULL);
SELECT series, share FROM yoy_growth('withheld_total', 'v', 'p', 'k', 'total=Total');
-- @error yoy_growth: total='Total' names a value of k, the by column, but no series with a figure has k='Total' (or leave total= out)
-- a total that is zero, a part missing a year earlier, an incomplete roll-up: NULL
CREATE TABLE zero(k TEXT, p TEXT, v INTEGER);
INSERT INTO zero VALUES ('a', '2022', 5), ('b', '2022', -5), ('a', '2023', 1), ('b', '2023', 2), ('c', '2023', 3);
-- @check yoy_vtab-20.7
SELECT series, period, share, contribution FROM yoy_growth('zero', 'v', 'p', 'k');
-- @expect
-- | series|period|share|contribution
-- | a|2022||
-- | a|2023|16.6666666666667|
-- | b|2022||
-- | b|2023|33.3333333333333|
-- | c|2023|50.0|
CREATE TABLE months2(k TEXT, p TEXT, v INTEGER);
INSERT INTO months2 VALUES ('a', '2022-01', 1), ('a', '2022-02', 1), ('a', '2022-03', 1), ('a', '2023-01', 2), ('a', '2023-02', 2),
  ('b', '2022-01', 1), ('b', '2022-02', 1), ('b', '2022-03', 1), ('b', '2023-01', 1), ('b', '2023-02', 1), ('b', '2023-03', 1);
-- a's 2023-Q1 lacks March: a is incomplete, and so is the total of 2023-Q1
-- (it lacks a's March too), so b gets no share and no contribution
-- either, though (3 - 3) / 6 = 0 could be worked out from b's complete
-- quarters and the 2022-Q1 total: it would be a part of a total growth
-- that is not known (more in 33)
CREATE VIRTUAL TABLE mq2 USING yoy_growth(source=months2, value=v, period=p, by=k, grain=quarter);
-- @check yoy_vtab-20.8
SELECT k, period, value, share, contribution, note FROM mq2 WHERE period = '2023-Q1';
-- @expect
-- | k|period|value|share|contribution|note
-- | a|2023-Q1|4|||incomplete period
-- | b|2023-Q1|3|||
-- @check yoy_vtab-20.9
SELECT k, period, share FROM mq2 WHERE period = '2022-Q1';
-- @expect
-- | k|period|share
-- | a|2022-Q1|50.0
-- | b|2022-Q1|50.0

-- The table-valued form takes the CREATE form's options as a last argument
-- ('key=value, ...'), and several series columns as a comma list; the
-- one `series` column then holds the key as a JSON array.
CREATE TABLE tvf(partner TEXT, cat TEXT, p TEXT, v INTEGER);
INSERT INTO tvf VALUES ('A', 'x', '2022-01', 1), ('A', 'x', '2022-02', 2), ('A', 'x', '2023-01', 3),
  ('A', 'x', '2023-02', 4), ('A', 'y', '2022-01', 5), ('A', 'y', '2023-01', 6), ('B', 'x', '2022-01', 7),
  ('B', 'x', '2023-01', 8);
-- grain=quarter: A's 2022-Q1 holds January and February only (incomplete)
-- @check yoy_vtab-21.1
SELECT series, period, value, note FROM yoy_growth('tvf', 'v', 'p', 'partner', 'grain=quarter');
-- @expect
-- | series|period|value|note
-- | A|2022-Q1|8|incomplete period
-- | A|2023-Q1|13|incomplete period
-- | B|2022-Q1|7|incomplete period
-- | B|2023-Q1|8|incomplete period
-- the same as the CREATE form with the same arguments
CREATE VIRTUAL TABLE tvf_q USING yoy_growth(source=tvf, value=v, period=p, by=partner, grain=quarter);
-- @check yoy_vtab-21.2
SELECT count(*) FROM (SELECT series, period, value, growth, note FROM yoy_growth('tvf', 'v', 'p', 'partner', 'grain=quarter')
  EXCEPT SELECT partner, period, value, growth, note FROM tvf_q);
-- @expect
-- | count(*)
-- | 0
-- @check yoy_vtab-21.3
SELECT series, json_extract(series, '$[1]') AS cat, period, growth FROM yoy_growth('tvf', 'v', 'p', 'partner, cat') WHERE period = '2023-01';
-- @expect
-- | series|cat|period|growth
-- | ["A","x"]|x|2023-01|200.0
-- | ["A","y"]|y|2023-01|20.0
-- | ["B","x"]|x|2023-01|14.2857142857143
-- a WHERE on that series column is checked by SQLite, not pushed to one column
-- @check yoy_vtab-21.4
SELECT series, period, value FROM yoy_growth('tvf', 'v', 'p', 'partner, cat') WHERE series = '["A","y"]';
-- @expect
-- | series|period|value
-- | ["A","y"]|2022-01|5
-- | ["A","y"]|2023-01|6
-- options may name the series columns themselves, and total=
-- @check yoy_vtab-21.5
SELECT series, period, value, share FROM yoy_growth('tvf', 'v', 'p', NULL, 'by=cat, total=x, grain=month') WHERE period = '2023-01';
-- @expect
-- | series|period|value|share
-- | x|2023-01|11|100.0
-- | y|2023-01|6|54.5454545454545
-- @check yoy_vtab-21.6
SELECT * FROM yoy_growth('tvf', 'v', 'p', 'partner', 'grain');
-- @error yoy_growth: option is not key=value: 'grain' (options are written like 'grain=year, by=partner')
-- @check yoy_vtab-21.7
SELECT * FROM yoy_growth('tvf', 'v', 'p', 'partner', 'grain=week');
-- @error yoy_growth: grain must be year, half, quarter or month: 'week'
-- @check yoy_vtab-21.8
SELECT * FROM yoy_growth('tvf', 'v', 'p', 'partner', 'by=cat');
-- @error yoy_growth: argument by= is given twice
-- @check yoy_vtab-21.9
SELECT * FROM yoy_growth('tvf', 'v', 'p', 'partner', 'colour=red');
-- @error yoy_growth: unknown argument "colour" (expected source, value, period, by, grain, scan, total)

-- An optional argument may be skipped with '' as well as NULL.  Only ''
-- works when SQLite runs the WHERE as a multi-index OR: it then compares
-- the argument's hidden column with the value itself, and NULL = NULL is
-- never true (documented in docs/design.md).
CREATE TABLE skip(k TEXT, p TEXT, v INTEGER);
INSERT INTO skip VALUES ('a', '2022', 1), ('a', '2023', 2), ('b', '2022', 3), ('b', '2023', 4);
-- @check yoy_vtab-22.1
SELECT series, period, growth FROM yoy_growth('skip', 'v', 'p', '', 'by=k') WHERE series = 'a' OR period > '2022' ORDER BY series, period;
-- @expect
-- | series|period|growth
-- | a|2022|
-- | a|2023|100.0
-- | b|2023|33.3333333333333
-- @check yoy_vtab-22.2
SELECT count(*) FROM yoy_growth('skip', 'v', 'p', 'k', '') WHERE series = 'a' OR period > '2022';
-- @expect
-- | count(*)
-- | 3

-- Preliminary figures stay marked: a label with KOSIS's p) mark, or a true
-- `preliminary` column in the source (kosis_csv gives one), marks the
-- period; a row is preliminary when its figure, its prior-year figure or a
-- period of either year-to-date rests on a preliminary value.
CREATE TABLE prelim(p TEXT, v INTEGER);
INSERT INTO prelim VALUES ('2022 1/4', 10), ('2022 2/4', 11), ('2023 1/4', 12), ('2023 2/4 p)', 13), ('2024 1/4 p)', 14);
-- @check yoy_vtab-23.1
SELECT period, value, growth, preliminary FROM yoy_growth('prelim', 'v', 'p');
-- @expect
-- | period|value|growth|preliminary
-- | 2022-Q1|10||0
-- | 2022-Q2|11||0
-- | 2023-Q1|12|20.0|0
-- | 2023-Q2|13|18.1818181818182|1
-- | 2024-Q1|14|16.6666666666667|1
CREATE TABLE prelim_col(p TEXT, v INTEGER, preliminary INTEGER);
INSERT INTO prelim_col VALUES ('2022', 10, 0), ('2023', 12, 1), ('2024', 15, 0);
-- 2024 is final but is compared with a preliminary 2023
-- @check yoy_vtab-23.2
SELECT period, growth, preliminary FROM yoy_growth('prelim_col', 'v', 'p');
-- @expect
-- | period|growth|preliminary
-- | 2022||0
-- | 2023|20.0|1
-- | 2024|25.0|1
-- the same in trade_imbalance and annual_projection
CREATE TABLE prelim_trade(p TEXT, f TEXT, v INTEGER, preliminary INTEGER);
INSERT INTO prelim_trade VALUES ('2022', 'export', 5, 0), ('2022', 'import', 4, 0), ('2023', 'export', 6, 0),
  ('2023', 'import', 5, 1), ('2024', 'export', 7, 0), ('2024', 'import', 6, 0);
-- @check yoy_vtab-23.3
SELECT period, balance, preliminary FROM trade_imbalance('prelim_trade', 'v', 'p', 'f');
-- @expect
-- | period|balance|preliminary
-- | 2022|1|0
-- | 2023|1|1
-- | 2024|1|1
-- annual_projection: the periods of the year up to through (here the
-- series' latest period, Q1) are what a row rests on; only 2024-Q1 is marked
-- @check yoy_vtab-23.4
SELECT year, ytd, preliminary FROM annual_projection('prelim', 'v', 'p', '', 'run_rate');
-- @expect
-- | year|ytd|preliminary
-- | 2022|10|0
-- | 2023|12|0
-- | 2024|14|1

-- A bad period or number in a column names the first offending row's series.
CREATE TABLE badrow(k TEXT, p TEXT, v);
INSERT INTO badrow VALUES ('a', '2022', 1), ('b', '2022', 2), ('b', '2023-13', 3), ('c', '2022', 'n/a');
-- @check yoy_vtab-24.1
SELECT * FROM yoy_growth('badrow', 'v', 'p', 'k') WHERE series <> 'c';
-- @error yoy_growth: column "p" in "badrow" is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12)) (in a row of series k='b')
-- @check yoy_vtab-24.2
SELECT * FROM yoy_growth('badrow', 'v', 'p', 'k') WHERE series = 'c';
-- @error yoy_growth: column "v" in "badrow" is not a number: 'n/a' (period '2022' of series k='c')

-- An incomplete roll-up is a part: like its growth, its change against
-- the prior period is NULL (H1 alone, 1400, against the whole of 2022,
-- 680.8 + 809.2 = 1490, is not a fall of 90).  prior_value is still shown.
-- A complete year against a complete year keeps its change (160 - 100).
-- @check yoy_vtab-25.1
CREATE TEMP TABLE half_rows(p TEXT, v);
INSERT INTO half_rows VALUES ('2022-H1', 680.8), ('2022-H2', 809.2), ('2023-H1', 1400),
  ('2020-H1', 40), ('2020-H2', 60), ('2021-H1', 70), ('2021-H2', 90);
SELECT period, value, prior_value, change, growth, note FROM yoy_growth('half_rows', 'v', 'p', '', 'grain=year');
-- @expect
-- | period|value|prior_value|change|growth|note
-- | 2020|100||||no prior period
-- | 2021|160|100|60|60.0|
-- | 2022|1490.0|160|1330.0|831.25|
-- | 2023|1400|1490.0|||incomplete period

-- One source column in two roles is refused: value= the period column
-- would give the growth of the year numbers (2023 against 2022: 0.05 %),
-- and a by column named twice failed with no word of why.
-- @check yoy_vtab-26.1
CREATE TEMP TABLE roles(p TEXT, v INTEGER, g TEXT);
INSERT INTO roles VALUES ('2022', 1, 'a'), ('2023', 3, 'a');
CREATE VIRTUAL TABLE temp.r1 USING yoy_growth(source=roles, value=p, period=P);
-- @error yoy_growth: period and value name the same column "p"
-- @check yoy_vtab-26.2
CREATE VIRTUAL TABLE temp.r2 USING yoy_growth(source=roles, value=v, period=p, by='g, "g"');
-- @error yoy_growth: by names the column "g" twice
-- @check yoy_vtab-26.3
SELECT * FROM yoy_growth('roles', 'v', 'p', 'g, v');
-- @error yoy_growth: value and by name the same column "v"
-- @check yoy_vtab-26.4
CREATE VIRTUAL TABLE temp.r4 USING annual_projection(source=roles, value=v, period=p, by=p);
-- @error annual_projection: period and by name the same column "p"

-- A source's preliminary column written as text: 'Y', 'p', 'true' mark
-- the figure (SQL's truth value of such text is 0, which showed them as
-- final); NULL, 0, '0', '', 'N', 'no', 'false' do not.  Years two apart,
-- so no row's mark comes from its prior year.  Both scan paths.
-- @check yoy_vtab-27.1
CREATE TEMP TABLE flags(p TEXT, v INTEGER, preliminary);
INSERT INTO flags VALUES ('2000', 1, 'Y'), ('2002', 1, 'p'), ('2004', 1, ' True '), ('2006', 1, 2),
  ('2008', 1, 'N'), ('2010', 1, ' no '), ('2012', 1, 'FALSE'), ('2014', 1, '0'), ('2016', 1, 0.0),
  ('2018', 1, ''), ('2020', 1, NULL), ('2022', 1, '-');
SELECT group_concat(preliminary, '') AS stream FROM yoy_growth('flags', 'v', 'p', '', 'scan=stream');
SELECT group_concat(preliminary, '') AS hash FROM yoy_growth('flags', 'v', 'p', '', 'scan=hash, grain=year');
-- @expect
-- | stream
-- | 111100000000
-- | hash
-- | 111100000000

-- Several series columns: the JSON key keeps every byte, so distinct
-- keys never show as one.  BLOB keys were written as their bytes' text up
-- to the first zero byte (x'00ff' and x'0102' both as ""), text with a
-- zero byte was cut there ('a' || char(0) || 'b' as "a").  A BLOB is an
-- object, {"blob":"00ff"}: as the string "x'00ff'" it showed as the TEXT
-- key 'x''00ff''' did, and GROUP BY series summed the two series.
-- @check yoy_vtab-28.1
CREATE TEMP TABLE odd_keys(a, b, p TEXT, v INTEGER);
INSERT INTO odd_keys VALUES (x'00ff', 'k', '2022', 1), (x'0102', 'k', '2022', 2),
  ('a' || char(0) || 'b', 1, '2023', 3), ('a' || char(0) || 'c', 1, '2023', 4),
  ('x''00ff''', 'k', '2022', 10);
SELECT series, json_valid(series) AS valid, value FROM yoy_growth('odd_keys', 'v', 'p', 'a, b');
-- @expect
-- | series|valid|value
-- | ["a\u0000b",1]|1|3
-- | ["a\u0000c",1]|1|4
-- | ["x'00ff'","k"]|1|10
-- | [{"blob":"00ff"},"k"]|1|1
-- | [{"blob":"0102"},"k"]|1|2
-- @check yoy_vtab-28.2
SELECT count(DISTINCT series) AS keys FROM yoy_growth('odd_keys', 'v', 'p', 'a, b');
-- @expect
-- | keys
-- | 5

-- Days rolled up: a day without a row inside the data is a day without
-- sales, but past the last day the source holds (or before its first)
-- the data has ended, not the trade.  10 a day from 2022-01-01 to
-- 2023-06-15: growth is 0 % wherever two whole periods meet; 2023 holds
-- 166 days (31+28+31+30+31+15: 1660), Q2 76 (760), June 15 (150), each
-- 'incomplete period' with no growth (it was -54.5 %, -16.5 %, -50 %).
-- @check yoy_vtab-29.1
CREATE TEMP TABLE daily(p, v);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 530)
INSERT INTO daily SELECT date('2022-01-01', '+' || i || ' day'), 10 FROM r;
SELECT period, value, growth, note FROM yoy_growth('daily', 'v', 'p', '', 'grain=year');
-- @expect
-- | period|value|growth|note
-- | 2022|3650||no prior period
-- | 2023|1660||incomplete period
-- @check yoy_vtab-29.2
SELECT period, value, growth, note FROM yoy_growth('daily', 'v', 'p', '', 'grain=quarter')
WHERE period >= '2023';
-- @expect
-- | period|value|growth|note
-- | 2023-Q1|900|0.0|
-- | 2023-Q2|760||incomplete period
-- @check yoy_vtab-29.3
SELECT period, value, growth, note FROM yoy_growth('daily', 'v', 'p', '', 'grain=month')
WHERE period >= '2023-05';
-- @expect
-- | period|value|growth|note
-- | 2023-05|310|0.0|
-- | 2023-06|150||incomplete period
-- @check yoy_vtab-29.4 the projection does not run June's half month up (it gave 3320)
SELECT year, through, projection, note FROM annual_projection('daily', 'v', 'p', '', 'run_rate', 'grain=month')
WHERE year = 2023;
-- @expect
-- | year|through|projection|note
-- | 2023|2023-06||incomplete period
-- @check yoy_vtab-29.5 both scan paths, and a WHERE on the period, agree
SELECT period, growth IS NULL, note FROM yoy_growth('daily', 'v', 'p', '', 'grain=year, scan=stream')
WHERE period = '2023';
SELECT period, growth IS NULL, note FROM yoy_growth('daily', 'v', 'p', '', 'grain=year, scan=hash')
WHERE period = '2023';
-- @expect
-- | period|growth IS NULL|note
-- | 2023|1|incomplete period
-- | period|growth IS NULL|note
-- | 2023|1|incomplete period
-- The end is the source's, not the series': a partner that stopped
-- trading on 2023-06-15 while another trades to 2023-12-31 did fall,
-- (1660 - 3650) / 3650 = -54.52 %; the WHERE on the partner keeps it.
-- @check yoy_vtab-29.6
CREATE TEMP TABLE daily2(k, p, v);
INSERT INTO daily2 SELECT 'stopped', p, v FROM daily;
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 729)
INSERT INTO daily2 SELECT 'steady', date('2022-01-01', '+' || i || ' day'), 1 FROM r;
SELECT series, period, value, round(growth, 2) AS growth, note
FROM yoy_growth('daily2', 'v', 'p', 'k', 'grain=year') WHERE series = 'stopped';
-- @expect
-- | series|period|value|growth|note
-- | stopped|2022|3650||no prior period
-- | stopped|2023|1660|-54.52|

-- Days from exactly 2022-01-01 to exactly 2023-12-31: both years whole,
-- on both scan paths (the hash path takes the ends from its own pass
-- when nothing narrows it, the streaming path reads them), and with a
-- WHERE on the series (narrowed: the ends are read from the source).
-- 1 a day, 2 a day in 2023: +100 %.
-- @check yoy_vtab-29.7
CREATE TEMP TABLE whole(k, p, v);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 729)
INSERT INTO whole SELECT 'a', date('2022-01-01', '+' || i || ' day'), 1 + (i >= 365) FROM r;
SELECT 'hash', period, value, growth, note FROM yoy_growth('whole', 'v', 'p', 'k', 'grain=year, scan=hash');
SELECT 'stream', period, value, growth, note FROM yoy_growth('whole', 'v', 'p', 'k', 'grain=year, scan=stream');
SELECT 'where', period, value, growth, note FROM yoy_growth('whole', 'v', 'p', 'k', 'grain=year, scan=hash')
WHERE series = 'a';
-- @expect
-- | 'hash'|period|value|growth|note
-- | hash|2022|365||no prior period
-- | hash|2023|730|100.0|
-- | 'stream'|period|value|growth|note
-- | stream|2022|365||no prior period
-- | stream|2023|730|100.0|
-- | 'where'|period|value|growth|note
-- | where|2022|365||no prior period
-- | where|2023|730|100.0|
-- Months next to days: the months before the days are whole, and the
-- days of March 2023 stop on the 10th, the last day the source holds.
-- March alone (grain=month) is 'incomplete period'; so must be the
-- quarter that holds it.  It was complete: 310 + 280 + 10 x 10 = 690
-- against the 900 of 2022-Q1, a fall of -23.3 % that did not happen.
-- The same days inside the data (the source holds 2023-03-31 too, an
-- empty day is a day without sales) leave the quarter whole.
-- @check yoy_vtab-29.8
CREATE TEMP TABLE mixed(p, v);
INSERT INTO mixed VALUES ('2022-01', 310), ('2022-02', 280), ('2022-03', 310), ('2023-01', 310),
  ('2023-02', 280);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 9)
INSERT INTO mixed SELECT date('2023-03-01', '+' || i || ' day'), 10 FROM r;
SELECT period, value, growth, note FROM yoy_growth('mixed', 'v', 'p', '', 'grain=month') WHERE period = '2023-03';
SELECT 'hash', period, value, growth, note FROM yoy_growth('mixed', 'v', 'p', '', 'grain=quarter, scan=hash');
SELECT 'stream', period, value, growth, note FROM yoy_growth('mixed', 'v', 'p', '', 'grain=quarter, scan=stream');
-- @expect
-- | period|value|growth|note
-- | 2023-03|100||incomplete period
-- | 'hash'|period|value|growth|note
-- | hash|2022-Q1|900||no prior period
-- | hash|2023-Q1|690||incomplete period
-- | 'stream'|period|value|growth|note
-- | stream|2022-Q1|900||no prior period
-- | stream|2023-Q1|690||incomplete period
-- @check yoy_vtab-29.9 the days first, then months: the first day the source holds is 2022-01-15
CREATE TEMP TABLE mixed2(p, v);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 16)
INSERT INTO mixed2 SELECT date('2022-01-15', '+' || i || ' day'), 10 FROM r;
INSERT INTO mixed2 VALUES ('2022-02', 280), ('2022-03', 310), ('2023-01', 310), ('2023-02', 280),
  ('2023-03', 310);
SELECT period, value, growth, note FROM yoy_growth('mixed2', 'v', 'p', '', 'grain=quarter');
-- @expect
-- | period|value|growth|note
-- | 2022-Q1|760||incomplete period
-- | 2023-Q1|900||incomplete prior period
-- @check yoy_vtab-29.10 days inside the data: the source reaches 2023-03-31, the quarter is whole
INSERT INTO mixed VALUES ('2023-03-31', 0);
SELECT period, value, round(growth, 2) AS growth, note FROM yoy_growth('mixed', 'v', 'p', '', 'grain=quarter')
WHERE period = '2023-Q1';
-- @expect
-- | period|value|growth|note
-- | 2023-Q1|690|-23.33|

-- A total row without total=.  The shipped KOSIS file carries region
-- '합계' = the sum of the nine regions in every quarter: China's 2019
-- share of all ten series was 43.3 % (5161893 / (2 * 5960859)) and the
-- total showed 50 %.  The share columns are refused (the other columns
-- stay); with total='합계', China is 5161893 / 5960859 = 86.6 %, its
-- growth 5161893 / 2885606 - 1 = 78.9 %, its contribution
-- (5161893 - 2885606) / 3603870 = 63.2 points of the total's 65.4 %
-- (sums of the quarters in plain SQL: the total equals the regions' sum
-- in each of the 24 quarters).
CREATE VIRTUAL TABLE temp.kosis_all USING kosis_csv(
  file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
CREATE TEMP TABLE kosis_region AS SELECT "국가(대륙)별" AS region, period, value FROM kosis_all
WHERE "상품군별" = '합계' AND "판매유형별" = '계';
-- @check yoy_vtab-30.1
SELECT series, round(share, 1) FROM yoy_growth('kosis_region', 'value', 'period', 'region', 'grain=year')
WHERE series = '중국' AND period = '2019';
-- @error yoy_growth: share and contribution: the series region='합계' equals the sum of the other 9 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- @check yoy_vtab-30.2 contribution too, and the columns that need no total are untouched
SELECT contribution FROM yoy_growth('kosis_region', 'value', 'period', 'region', 'grain=year')
WHERE series = '중국' AND period = '2019';
-- @error yoy_growth: share and contribution: the series region='합계' equals the sum of the other 9 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- @check yoy_vtab-30.3
SELECT series, value, round(growth, 1) FROM yoy_growth('kosis_region', 'value', 'period', 'region', 'grain=year')
WHERE series = '중국' AND period = '2019';
-- @expect
-- | series|value|round(growth, 1)
-- | 중국|5161893|78.9
-- @check yoy_vtab-30.4 naming the total
SELECT series, round(share, 1), round(contribution, 1) FROM yoy_growth('kosis_region', 'value', 'period', 'region',
  'grain=year, total=합계') WHERE series IN ('중국', '합계') AND period = '2019';
-- @expect
-- | series|round(share, 1)|round(contribution, 1)
-- | 중국|86.6|63.2
-- | 합계|100.0|65.4
-- Synthetic: two series only never count (each is "the sum of the
-- others"); a "total" off by one in one period is data, not a total row;
-- a part missing in a period still leaves the total equal to the parts
-- that are there; REAL figures are compared as their rounded sums.
CREATE TEMP TABLE two(k TEXT, p TEXT, v INTEGER);
INSERT INTO two VALUES ('a', '2022', 5), ('b', '2022', 5), ('a', '2023', 7), ('b', '2023', 7);
-- @check yoy_vtab-30.5
SELECT series, period, share FROM yoy_growth('two', 'v', 'p', 'k') WHERE period = '2023';
-- @expect
-- | series|period|share
-- | a|2023|50.0
-- | b|2023|50.0
CREATE TEMP TABLE near(k TEXT, p TEXT, v INTEGER);
INSERT INTO near VALUES ('a', '2022', 2), ('b', '2022', 3), ('t', '2022', 5),
  ('a', '2023', 2), ('b', '2023', 3), ('t', '2023', 6);
-- @check yoy_vtab-30.6 t = a + b in 2022 only: shares of all three, 2023 total 11
SELECT series, round(share, 4) FROM yoy_growth('near', 'v', 'p', 'k') WHERE period = '2023';
-- @expect
-- | series|round(share, 4)
-- | a|18.1818
-- | b|27.2727
-- | t|54.5455
INSERT INTO near VALUES ('c', '2024', 4), ('t', '2024', 4);
UPDATE near SET v = 5 WHERE k = 't' AND p = '2023';
-- @check yoy_vtab-30.7 t = a + b, then = c alone in 2024 (a and b have no 2024)
SELECT series, share FROM yoy_growth('near', 'v', 'p', 'k') WHERE period = '2024';
-- @error yoy_growth: share and contribution: the series k='t' equals the sum of the other 3 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
CREATE TEMP TABLE reals(k TEXT, p TEXT, v REAL);
INSERT INTO reals VALUES ('x', '2023', 0.1), ('y', '2023', 0.2), ('sum', '2023', 0.3);
-- @check yoy_vtab-30.8
SELECT share FROM yoy_growth('reals', 'v', 'p', 'k') WHERE series = 'x';
-- @error yoy_growth: share and contribution: the series k='sum' equals the sum of the other 2 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- a series of zeros beside parts that cancel out is no total row: the
-- total is zero, so the shares are NULL, as without the guard
CREATE TEMP TABLE cancel(k TEXT, p TEXT, v INTEGER);
INSERT INTO cancel VALUES ('z', '2022', 0), ('up', '2022', 5), ('down', '2022', -5),
  ('z', '2023', 0), ('up', '2023', 7), ('down', '2023', -7);
-- @check yoy_vtab-30.9
SELECT series, period, share, contribution FROM yoy_growth('cancel', 'v', 'p', 'k') WHERE period = '2023';
-- @expect
-- | series|period|share|contribution
-- | down|2023||
-- | up|2023||
-- | z|2023||

-- A total row that is not the exact sum of its parts in every period.
-- Published tables put the total next to parts that are suppressed in a
-- period, start later than the total, or are rounded apart from it: the
-- total is then the parts' sum only where every part is there, and only to
-- the rounding.  Such a series is refused too (docs/design.md).
-- (a) Quarterly sales (million won): 일본 2021-Q3 is suppressed (NULL) and
-- 베트남 has no 2022-Q2 row; 합계 still counts both, so it is the sum of
-- the parts in the other 6 quarters (621095 = 412350 + 118420 + 60210 +
-- 30115, ...) and larger in those two.  Without the refusal China's
-- 2021-Q3 share would be 455010 / (2 * 669300 - 61020) = 35.6 % (not 68.0).
CREATE TEMP TABLE kq(region TEXT, period TEXT, value INTEGER);
INSERT INTO kq VALUES
  ('중국', '2021-Q1', 412350), ('미국', '2021-Q1', 118420), ('일본', '2021-Q1', 60210), ('베트남', '2021-Q1', 30115), ('합계', '2021-Q1', 621095),
  ('중국', '2021-Q2', 430120), ('미국', '2021-Q2', 121300), ('일본', '2021-Q2', 58800), ('베트남', '2021-Q2', 31240), ('합계', '2021-Q2', 641460),
  ('중국', '2021-Q3', 455010), ('미국', '2021-Q3', 119870), ('일본', '2021-Q3', NULL), ('베트남', '2021-Q3', 33400), ('합계', '2021-Q3', 669300),
  ('중국', '2021-Q4', 470300), ('미국', '2021-Q4', 125600), ('일본', '2021-Q4', 62300), ('베트남', '2021-Q4', 35010), ('합계', '2021-Q4', 693210),
  ('중국', '2022-Q1', 489900), ('미국', '2022-Q1', 130050), ('일본', '2022-Q1', 63100), ('베트남', '2022-Q1', 36120), ('합계', '2022-Q1', 719170),
  ('중국', '2022-Q2', 501200), ('미국', '2022-Q2', 128800), ('일본', '2022-Q2', 64050), ('합계', '2022-Q2', 731050),
  ('중국', '2022-Q3', 515600), ('미국', '2022-Q3', 133300), ('일본', '2022-Q3', 65200), ('베트남', '2022-Q3', 38150), ('합계', '2022-Q3', 752250),
  ('중국', '2022-Q4', 530100), ('미국', '2022-Q4', 135900), ('일본', '2022-Q4', 66800), ('베트남', '2022-Q4', 39300), ('합계', '2022-Q4', 772100);
-- @check yoy_vtab-31.1 a suppressed cell and a missing row
SELECT share FROM yoy_growth('kq', 'value', 'period', 'region') WHERE series = '중국' AND period = '2021-Q3';
-- @error yoy_growth: share and contribution: the series region='합계' equals the sum of the other 4 series to the rounding of the source (unit 1) in 6 of the 8 periods where it and two of them have figures, and is larger where one is missing (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- @check yoy_vtab-31.2 with total=합계 every share of those quarters is the part over the total row (plain SQL)
SELECT series, g.period, round(share, 9) = round(100.0 * g.value / t.value, 9) AS ok
FROM yoy_growth('kq', 'value', 'period', 'region', 'total=합계') AS g
JOIN kq AS t ON t.region = '합계' AND t.period = g.period
WHERE g.period IN ('2021-Q3', '2022-Q2') ORDER BY 1, 2;
-- @expect
-- | series|period|ok
-- | 미국|2021-Q3|1
-- | 미국|2022-Q2|1
-- | 베트남|2021-Q3|1
-- | 일본|2022-Q2|1
-- | 중국|2021-Q3|1
-- | 중국|2022-Q2|1
-- | 합계|2021-Q3|1
-- | 합계|2022-Q2|1
-- (b) Annual exports (thousand dollars): Total starts in 2017, two years
-- after its parts; Vietnam is shown from 2019 only, but the total counts
-- its trade in 2017 and 2018 too (883050 = 540250 + 215300 + 97300 +
-- 30200).  The total is the parts' sum in 2019-2022 and larger before.
-- Every figure ends in 0: the rounding unit read from the source is 10.
CREATE TEMP TABLE kb(region TEXT, period TEXT, value INTEGER);
INSERT INTO kb VALUES
  ('China', '2015', 500100), ('China', '2016', 520300), ('China', '2017', 540250), ('China', '2018', 561000),
  ('China', '2019', 580400), ('China', '2020', 601200), ('China', '2021', 640900), ('China', '2022', 655300),
  ('USA', '2015', 200050), ('USA', '2016', 210400), ('USA', '2017', 215300), ('USA', '2018', 220800),
  ('USA', '2019', 231000), ('USA', '2020', 228700), ('USA', '2021', 250300), ('USA', '2022', 262100),
  ('Japan', '2015', 100200), ('Japan', '2016', 98700), ('Japan', '2017', 97300), ('Japan', '2018', 99100),
  ('Japan', '2019', 101800), ('Japan', '2020', 95400), ('Japan', '2021', 99900), ('Japan', '2022', 102300),
  ('Vietnam', '2019', 40100), ('Vietnam', '2020', 45300), ('Vietnam', '2021', 52800), ('Vietnam', '2022', 60400),
  ('Total', '2017', 883050), ('Total', '2018', 916000), ('Total', '2019', 953300), ('Total', '2020', 970600),
  ('Total', '2021', 1043900), ('Total', '2022', 1080100);
-- @check yoy_vtab-31.3 a total starting later, a part starting later
SELECT contribution FROM yoy_growth('kb', 'value', 'period', 'region') WHERE series = 'China' AND period = '2022';
-- @error yoy_growth: share and contribution: the series region='Total' equals the sum of the other 4 series to the rounding of the source (unit 10) in 4 of the 6 periods where it and two of them have figures, and is larger where one is missing (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- (c) Rounded apart.  REAL figures to one decimal (hundred million
-- dollars): the total, rounded on its own, is 0.1 off the parts' sum in
-- three years of four (2380.5 against 1362.9 + 733.4 + 284.1 = 2380.4).
CREATE TEMP TABLE kc(region TEXT, period TEXT, value REAL);
INSERT INTO kc VALUES
  ('China', '2019', 1362.9), ('USA', '2019', 733.4), ('Japan', '2019', 284.1), ('Total', '2019', 2380.5),
  ('China', '2020', 1325.6), ('USA', '2020', 741.2), ('Japan', '2020', 251.0), ('Total', '2020', 2317.7),
  ('China', '2021', 1629.1), ('USA', '2021', 959.2), ('Japan', '2021', 300.6), ('Total', '2021', 2889.0),
  ('China', '2022', 1557.9), ('USA', '2022', 1098.0), ('Japan', '2022', 306.3), ('Total', '2022', 2962.2);
-- @check yoy_vtab-31.4 REAL figures, the total 0.1 off
SELECT share FROM yoy_growth('kc', 'value', 'period', 'region') WHERE series = 'China';
-- @error yoy_growth: share and contribution: the series region='Total' equals the sum of the other 3 series to the rounding of the source (unit 0.1) in 4 of the 4 periods where it and two of them have figures (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- INTEGER figures (million won), five parts, the total 1 or 2 off their
-- sum in every year (63169 against 63168), and one part suppressed once.
CREATE TEMP TABLE kci(region TEXT, period TEXT, value INTEGER);
INSERT INTO kci VALUES
  ('A', '2019', 35211), ('A', '2020', 36920), ('A', '2021', 40105), ('A', '2022', 41230),
  ('B', '2019', 12806), ('B', '2020', 13377), ('B', '2021', 14012), ('B', '2022', 15520),
  ('C', '2019', 9734), ('C', '2020', 9011), ('C', '2021', 10450), ('C', '2022', 11021),
  ('D', '2019', 4410), ('D', '2020', 4602), ('D', '2021', NULL), ('D', '2022', 5123),
  ('E', '2019', 1007), ('E', '2020', 1120), ('E', '2021', 1310), ('E', '2022', 1450),
  ('계', '2019', 63169), ('계', '2020', 65029), ('계', '2021', 70878), ('계', '2022', 74343);
-- @check yoy_vtab-31.5 INTEGER figures, the total 1 or 2 off, a part suppressed
SELECT share_change FROM yoy_growth('kci', 'value', 'period', 'region') WHERE series = 'A';
-- @error yoy_growth: share and contribution: the series region='계' equals the sum of the other 5 series to the rounding of the source (unit 1) in 3 of the 4 periods where it and two of them have figures, and is larger where one is missing (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- When two series qualify (a part beside zeros is the sum of the others
-- too), the error names the one whose label reads as a total, whatever
-- the order of the series.
CREATE TEMP TABLE tie(k TEXT, p TEXT, v INTEGER);
INSERT INTO tie VALUES ('China', '2022', 0), ('Japan', '2022', 0), ('Korea', '2022', 10), ('Total', '2022', 10),
  ('China', '2023', 0), ('Japan', '2023', 0), ('Korea', '2023', 12), ('Total', '2023', 12);
-- @check yoy_vtab-31.6 the label only chooses the name
SELECT share FROM yoy_growth('tie', 'v', 'p', 'k');
-- @error yoy_growth: share and contribution: the series k='Total' equals the sum of the other 3 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- Ordinary tables are not refused.  One series larger than the other two
-- together in every year (but not their sum): shares of the three, each
-- the figure over the year's sum (plain SQL).
CREATE TEMP TABLE big(k TEXT, p TEXT, v INTEGER);
INSERT INTO big VALUES ('China', '2019', 900), ('China', '2020', 950), ('China', '2021', 1010), ('China', '2022', 1080),
  ('US', '2019', 50), ('US', '2020', 55), ('US', '2021', 60), ('US', '2022', 70),
  ('JP', '2019', 30), ('JP', '2020', 35), ('JP', '2021', 40), ('JP', '2022', 45);
-- @check yoy_vtab-31.7 one large series
SELECT count(*) AS rows, sum(round(share, 9) = round(100.0 * value / (SELECT sum(v) FROM big WHERE p = g.period), 9)) AS ok
FROM yoy_growth('big', 'v', 'p', 'k') AS g;
-- @expect
-- | rows|ok
-- | 12|12
-- A series equal to the sum of the others in two years of six (2018:
-- 63000 = 41200 + 21800; 2020: 66900 = 43800 + 23100), not in the other
-- four where all three have figures: data, not a total row.
CREATE TEMP TABLE few(k TEXT, p TEXT, v INTEGER);
INSERT INTO few VALUES
  ('A', '2017', 40100), ('A', '2018', 41200), ('A', '2019', 42500), ('A', '2020', 43800), ('A', '2021', 45900), ('A', '2022', 47100),
  ('B', '2017', 20300), ('B', '2018', 21800), ('B', '2019', 22400), ('B', '2020', 23100), ('B', '2021', 24600), ('B', '2022', 25800),
  ('C', '2017', 59000), ('C', '2018', 63000), ('C', '2019', 66100), ('C', '2020', 66900), ('C', '2021', 71000), ('C', '2022', 73500);
-- @check yoy_vtab-31.8 the sum of the others in a few periods only
SELECT series, period, round(share, 4) AS share FROM yoy_growth('few', 'v', 'p', 'k') WHERE period = '2018';
-- @expect
-- | series|period|share
-- | A|2018|32.6984
-- | B|2018|17.3016
-- | C|2018|50.0
-- Small figures: a count that is within 1 of the others' sum in each of
-- six years (18 against 15 + 3 + 0, 18 against 15 + 4 + 0 ...) is as
-- likely a part of that size as a total rounded apart: a match of small
-- figures is no evidence, so the shares stay (each over the year's sum).
CREATE TEMP TABLE firms(k TEXT, p TEXT, v INTEGER);
INSERT INTO firms VALUES
  ('France', '2006', 18), ('Mexico', '2006', 0), ('Vietnam', '2006', 15), ('Japan', '2006', 3),
  ('France', '2007', 18), ('Mexico', '2007', 0), ('Vietnam', '2007', 15), ('Japan', '2007', 4),
  ('France', '2008', 15), ('Mexico', '2008', 0), ('Vietnam', '2008', 13), ('Japan', '2008', 3),
  ('France', '2009', 19), ('Mexico', '2009', 1), ('Vietnam', '2009', 13), ('Japan', '2009', 4),
  ('France', '2010', 16), ('Mexico', '2010', 1), ('Vietnam', '2010', 13), ('Japan', '2010', 3),
  ('France', '2011', 18), ('Mexico', '2011', 1), ('Vietnam', '2011', 14), ('Japan', '2011', 4);
-- @check yoy_vtab-31.9 small figures within a unit of the sum
SELECT count(*) AS rows, sum(round(share, 9) = round(100.0 * value / (SELECT sum(v) FROM firms WHERE p = g.period), 9)) AS ok
FROM yoy_growth('firms', 'v', 'p', 'k') AS g;
-- @expect
-- | rows|ok
-- | 24|24
-- REAL figures of twelve decimals carry no rounding unit.  The totals
-- were written with 15 significant digits (as the sqlite3 shell and many
-- exports print a double): 5937.66113839448 against 1367.252833944937 +
-- 1017.210158313435 + 3553.198146136111 = 5937.661138394483, not the
-- exact sum, but within floating-point rounding of it.
CREATE TEMP TABLE fine(k TEXT, p TEXT, v REAL);
INSERT INTO fine VALUES
  ('a', '2021', 1367.252833944937), ('b', '2021', 1017.210158313435), ('c', '2021', 3553.198146136111), ('sum', '2021', 5937.66113839448),
  ('a', '2022', 4307.118269653035), ('b', '2022', 4508.823999580032), ('c', '2022', 1349.53886368555), ('sum', '2022', 10165.4811329186),
  ('a', '2023', 4338.984799538618), ('b', '2023', 1635.742114469474), ('c', '2023', 2174.146920783033), ('sum', '2023', 8148.87383479112);
-- @check yoy_vtab-31.10 REALs without a rounding unit, the total printed to 15 digits
SELECT share FROM yoy_growth('fine', 'v', 'p', 'k') WHERE series = 'a';
-- @error yoy_growth: share and contribution: the series k='sum' equals the sum of the other 3 series to floating-point rounding in 3 of the 3 periods where it and two of them have figures (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source

-- 32. Several by columns: the parts of a share are the series of one
-- group, the values of the LAST by column within each combination of the
-- others (by lists go from coarse to fine), as plain SQL writes it:
-- value / sum(value) OVER (PARTITION BY flow, period).  Two flows:
-- exports 400 in both years, imports 200 in both years.
CREATE TEMP TABLE ft(flow TEXT, partner TEXT, p TEXT, v INTEGER);
INSERT INTO ft VALUES
  ('export', 'A', '2022', 100), ('export', 'A', '2023', 120), ('export', 'B', '2022', 300), ('export', 'B', '2023', 280),
  ('import', 'A', '2022', 50), ('import', 'A', '2023', 90), ('import', 'C', '2022', 150), ('import', 'C', '2023', 110);
-- 2023: export A 120/400 = 30 % (25 % a year earlier, +5 pp), contributing
-- 20/400 = 5 pp; import A 90/200 = 45 % (+20 pp), 40/200 = 20 pp.
-- @check yoy_vtab-32.1 shares within each flow
SELECT series, period, share, share_change, contribution FROM yoy_growth('ft', 'v', 'p', 'flow, partner') WHERE period = '2023';
-- @expect
-- | series|period|share|share_change|contribution
-- | ["export","A"]|2023|30.0|5.0|5.0
-- | ["export","B"]|2023|70.0|-5.0|-5.0
-- | ["import","A"]|2023|45.0|20.0|20.0
-- | ["import","C"]|2023|55.0|-20.0|-20.0
-- @check yoy_vtab-32.2 every row as the PARTITION BY query computes it; a WHERE on a series changes nothing
CREATE VIRTUAL TABLE temp.ftg USING yoy_growth(source=ft, value=v, period=p, by='flow, partner');
SELECT count(*) AS rows, sum(round(g.share, 9) = round(100.0 * g.value / w.tot, 9)) AS ok
FROM ftg AS g JOIN (SELECT flow, p, sum(v) AS tot FROM ft GROUP BY flow, p) AS w ON w.flow = g.flow AND w.p = g.period;
SELECT partner, share FROM ftg WHERE flow = 'import' AND partner = 'C' AND period = '2023';
-- @expect
-- | rows|ok
-- | 8|8
-- | partner|share
-- | C|55.0
-- A NOCASE flow column: 'Import' and 'import' are one flow, as GROUP BY
-- flow groups them (a byte comparison would make four groups of one
-- series, each 100 %).
CREATE TEMP TABLE fn(flow TEXT COLLATE NOCASE, partner TEXT, p TEXT, v INTEGER);
INSERT INTO fn VALUES ('Import', 'A', '2023', 30), ('import', 'B', '2023', 70), ('export', 'A', '2023', 50), ('EXPORT', 'B', '2023', 50);
-- @check yoy_vtab-32.3 a NOCASE group column
SELECT series, share FROM yoy_growth('fn', 'v', 'p', 'flow, partner');
-- @expect
-- | series|share
-- | ["export","A"]|50.0
-- | ["EXPORT","B"]|50.0
-- | ["Import","A"]|30.0
-- | ["import","B"]|70.0
-- INTEGER 1 and REAL 1.0 are one group, NULLs one group (GROUP BY's rules).
CREATE TEMP TABLE fr(grp, partner TEXT, p TEXT, v INTEGER);
INSERT INTO fr VALUES (1, 'A', '2023', 10), (1.0, 'B', '2023', 30), (NULL, 'A', '2023', 5), (NULL, 'B', '2023', 15);
-- @check yoy_vtab-32.4 numbers by value, NULL one group
SELECT value, share FROM yoy_growth('fr', 'v', 'p', 'grp, partner') ORDER BY value;
-- @expect
-- | value|share
-- | 5|25.0
-- | 10|25.0
-- | 15|75.0
-- | 30|75.0
-- A total row inside each flow (partner 'Total'): the guard runs per group,
-- so it is found (against the sum of every other series, exports and
-- imports together, it is no total) and named with its flow.
CREATE TEMP TABLE fg(flow TEXT, partner TEXT, p TEXT, v INTEGER);
INSERT INTO fg VALUES
  ('export', 'A', '2022', 100), ('export', 'A', '2023', 120), ('export', 'B', '2022', 300), ('export', 'B', '2023', 280),
  ('export', 'C', '2022', 50), ('export', 'C', '2023', 60), ('export', 'Total', '2022', 450), ('export', 'Total', '2023', 460),
  ('import', 'A', '2022', 50), ('import', 'A', '2023', 90), ('import', 'B', '2022', 150), ('import', 'B', '2023', 110),
  ('import', 'C', '2022', 20), ('import', 'C', '2023', 30), ('import', 'Total', '2022', 220), ('import', 'Total', '2023', 230);
-- @check yoy_vtab-32.5 a Total partner in each flow is refused
SELECT share FROM yoy_growth('fg', 'v', 'p', 'flow, partner') WHERE period = '2023';
-- @error yoy_growth: share and contribution: the series flow='export', partner='Total' equals the sum of the other 3 series with flow='export' in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
-- total= with two by columns names a partner: each flow's 'Total' is that
-- flow's total.  2023: export A 120/460, import A 90/230; export A
-- contributes (120 - 100)/450 points.
CREATE VIRTUAL TABLE temp.fgt USING yoy_growth(source=fg, value=v, period=p, by='flow, partner', total='Total');
-- @check yoy_vtab-32.6 total= with two by columns
SELECT flow, partner, round(share, 4) AS share, round(contribution, 4) AS contribution FROM fgt WHERE period = '2023' AND partner IN ('A', 'Total') ORDER BY flow, partner;
SELECT count(*) AS rows, sum(round(g.share, 9) = round(100.0 * g.value / t.v, 9)) AS ok
FROM fgt AS g JOIN fg AS t ON t.flow = g.flow AND t.partner = 'Total' AND t.p = g.period;
-- @expect
-- | flow|partner|share|contribution
-- | export|A|26.087|4.4444
-- | export|Total|100.0|2.2222
-- | import|A|39.1304|18.1818
-- | import|Total|100.0|4.5455
-- | rows|ok
-- | 16|16
-- @check yoy_vtab-32.7 the same from the table-valued form's options
SELECT series, round(share, 4) AS share FROM yoy_growth('fg', 'v', 'p', 'flow, partner', 'total=Total') WHERE period = '2023' AND series LIKE '%"C"%';
-- @expect
-- | series|share
-- | ["export","C"]|13.0435
-- | ["import","C"]|13.0435
-- A flow without its 'Total' partner: an error naming it (NULL shares
-- there would read as missing figures).
INSERT INTO fg VALUES ('transit', 'A', '2023', 5), ('transit', 'B', '2023', 7);
-- @check yoy_vtab-32.8 total= and a group without the total series
SELECT share FROM fgt WHERE flow = 'export';
-- @error yoy_growth: total='Total' names a value of partner, the last by column, but the series with flow='transit' have no partner='Total': each combination of the other by columns needs its own total series (or leave it out of the source)
-- The three-series minimum is per group: in a group of two, each is the
-- other's sum, and that says nothing.
CREATE TEMP TABLE f2(flow TEXT, partner TEXT, p TEXT, v INTEGER);
INSERT INTO f2 VALUES ('x', 'a', '2022', 5), ('x', 'a', '2023', 6), ('x', 'b', '2022', 5), ('x', 'b', '2023', 6),
  ('y', 'a', '2022', 11), ('y', 'a', '2023', 12), ('y', 'b', '2022', 30), ('y', 'b', '2023', 40), ('y', 'c', '2022', 7), ('y', 'c', '2023', 8);
-- @check yoy_vtab-32.9 two series in a group
SELECT series, round(share, 4) AS share FROM yoy_growth('f2', 'v', 'p', 'flow, partner') WHERE period = '2023';
-- @expect
-- | series|share
-- | ["x","a"]|50.0
-- | ["x","b"]|50.0
-- | ["y","a"]|20.0
-- | ["y","b"]|66.6667
-- | ["y","c"]|13.3333
-- Section 33: with grain=, the share columns are NULL when the total's
-- period is incomplete, the current one as well as the prior one.  'b'
-- has only 2021-Q1, so the 2021 total is incomplete: 'a' 2021 is complete
-- but a contribution of (80 - 40) / 60 = 66.7 points would be part of a
-- total growth that is not shown, beside a NULL share.
CREATE TEMP TABLE ic(s TEXT, p TEXT, v INTEGER);
INSERT INTO ic VALUES ('a', '2020-Q1', 10), ('a', '2020-Q2', 10), ('a', '2020-Q3', 10), ('a', '2020-Q4', 10),
  ('a', '2021-Q1', 20), ('a', '2021-Q2', 20), ('a', '2021-Q3', 20), ('a', '2021-Q4', 20),
  ('b', '2020-Q1', 5), ('b', '2020-Q2', 5), ('b', '2020-Q3', 5), ('b', '2020-Q4', 5), ('b', '2021-Q1', 5);
-- @check yoy_vtab-33.1 contribution NULL when the current total is incomplete
SELECT series, period, round(share, 4) AS share, share_change, contribution FROM yoy_growth('ic', 'v', 'p', 's', 'grain=year');
-- @expect
-- | series|period|share|share_change|contribution
-- | a|2020|66.6667||
-- | a|2021|||
-- | b|2020|33.3333||
-- | b|2021|||
-- With 'b' 2021 complete (20) the total grows from 60 to 100, 66.6667 %:
-- 'a' contributes (80 - 40) / 60 = 66.6667 points and 'b' 0, which add
-- up to it; shares 80 and 20, 13.3333 points up and down.
INSERT INTO ic VALUES ('b', '2021-Q2', 5), ('b', '2021-Q3', 5), ('b', '2021-Q4', 5);
-- @check yoy_vtab-33.2 a complete total: contributions add up to its growth
SELECT series, round(share, 4) AS share, round(share_change, 4) AS share_pp, round(contribution, 4) AS contribution FROM yoy_growth('ic', 'v', 'p', 's', 'grain=year') WHERE period = '2021';
SELECT round(100.0 * (100 - 60) / 60, 4) AS total_growth;
-- @expect
-- | series|share|share_pp|contribution
-- | a|80.0|13.3333|66.6667
-- | b|20.0|-13.3333|0.0
-- | total_growth
-- | 66.6667
-- Section 34: a REAL sum that overflows a double (its value is NULL) gets
-- a note saying so, never 'prior is zero': 2021 sums to 2e308 (+Inf), so
-- 2022 (1) has a prior too large; 2023 sums to +Inf against 1; 2026 =
-- 1e300 against 1e-300 is a rate beyond a double; 2031 = 3 against 2030
-- = 2 is +50 %.
CREATE TEMP TABLE ovf(p TEXT, v REAL);
INSERT INTO ovf VALUES ('2021', 1e308), ('2021', 1e308), ('2022', 1), ('2023', 1e308), ('2023', 1e308),
  ('2025', 1e-300), ('2026', 1e300), ('2030', 2), ('2031', 3);
-- @check yoy_vtab-34.1 the notes of sums and rates beyond a double
SELECT period, value, prior_value, growth, note FROM yoy_growth('ovf', 'v', 'p', '', 'grain=year');
-- @expect
-- | period|value|prior_value|growth|note
-- | 2021||||no prior period
-- | 2022|1.0|||prior is too large
-- | 2023||1.0||value is too large
-- | 2025|1.0e-300|||no prior period
-- | 2026|1.0e+300|1.0e-300||growth is too large
-- | 2030|2.0|||no prior period
-- | 2031|3.0|2.0|50.0|
-- The year-to-date sums follow the same rules: March 2023's year-to-date
-- is 1e308 three times (+Inf) though each month's growth is defined
-- (1e308 / 1e300 - 1, 1e10 %).
CREATE TEMP TABLE ovfm(s TEXT, p TEXT, v REAL);
INSERT INTO ovfm VALUES ('up', '2022-01', 1e300), ('up', '2022-02', 1e300), ('up', '2022-03', 1e300),
  ('up', '2023-01', 1e308), ('up', '2023-02', 1e308), ('up', '2023-03', 1e308);
-- @check yoy_vtab-34.2 a year-to-date that overflows
SELECT period, growth IS NOT NULL AS has_growth, ytd_value, ytd_growth, note FROM yoy_growth('ovfm', 'v', 'p', 's') WHERE period >= '2023-02';
-- @expect
-- | period|has_growth|ytd_value|ytd_growth|note
-- | 2023-02|1|||value is too large
-- | 2023-03|1|||value is too large
