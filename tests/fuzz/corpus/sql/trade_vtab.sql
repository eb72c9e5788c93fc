SELECT series, period, exports, imports, round(balance, 9) AS balance, round(coverage, 6) AS coverage,
       round(normalized, 6) AS normalized, round(grubel_lloyd, 6) AS grubel_lloyd,
       round(prior_balance, 9) AS prior_balance, round(balance_change, 9) AS balance_change,
       round(balance_growth, 6) AS balance_growth, round(exports_growth, 6) AS exports_growth,
       round(imports_growth, 6) AS imports_growth, note
FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
SELECT balance = -949 AND typeof(balance) = 'integer' AS balance_ok,
       round(coverage, 1) = 32.2 AS coverage_ok, round(normalized, 1) = -51.3 AS normalized_ok,
       round(grubel_lloyd, 9) = round(100.0 * 902 / 1851, 9) AS grubel_lloyd_ok,
       round(prior_balance, 9) = 70.9 AS prior_ok, round(balance_change, 9) = -1019.9 AS change_ok,
       round(balance_growth, 9) = round(-1019.9 / 70.9 * 100, 9) AS growth_ok,
       round(exports_growth, 9) = round((451 / 751.7 - 1) * 100, 9) AS exports_growth_ok,
       round(imports_growth, 9) = round((1400 / 680.8 - 1) * 100, 9) AS imports_growth_ok,
       note IS NULL AS note_ok
FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner')
WHERE series = 'China' AND period = '2023-H1';
SELECT exports IS NULL AND balance IS NULL AND coverage IS NULL AND normalized IS NULL
       AND grubel_lloyd IS NULL AND prior_balance IS NULL AND imports = 809.2 AS one_sided_ok, note
FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner') WHERE period = '2022-H2';
SELECT count(*) AS rows, sum(balance IS trade_imbalance(exports, imports)
  AND coverage IS trade_imbalance(exports, imports, 'coverage')
  AND normalized IS trade_imbalance(exports, imports, 'normalized')
  AND grubel_lloyd IS trade_imbalance(exports, imports, 'grubel_lloyd')
  AND balance_change IS trade_imbalance(balance, prior_balance)
  AND balance_growth IS CASE WHEN prior_balance <> 0 THEN (balance - prior_balance) / abs(prior_balance) * 100 END) AS agreeing
FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
SELECT series, period, exports, imports FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow');
SELECT DISTINCT source, value_column, period_column, flow_column, series_column FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
CREATE TABLE trade_long(partner TEXT, category TEXT, period TEXT, flow TEXT, amount NUMERIC);
WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 24)
INSERT INTO trade_long
SELECT p, c, printf('%04d-%02d', 2022 + (i - 1) / 12, (i - 1) % 12 + 1), f,
       (CASE f WHEN 'export' THEN 100 + i ELSE 150 + 2 * i END) * (CASE p WHEN 'A' THEN 1 ELSE 10 END)
         / (CASE c WHEN 'x' THEN 1 ELSE 2 END)
FROM m, (SELECT 'A' AS p UNION ALL SELECT 'B'), (SELECT 'x' AS c UNION ALL SELECT 'y'),
     (SELECT 'export' AS f UNION ALL SELECT 'import')
WHERE NOT (p = 'A' AND c = 'x' AND f = 'export' AND i = 3)
  AND NOT (p = 'B' AND c = 'x' AND f = 'import' AND i = 14);
CREATE INDEX trade_long_by ON trade_long(partner, category, period);
SELECT count(*) AS long_rows FROM trade_long;
CREATE TABLE trade_wide AS
SELECT partner, category, period,
       sum(amount) FILTER (WHERE flow = 'export') AS exports,
       sum(amount) FILTER (WHERE flow = 'import') AS imports
FROM trade_long GROUP BY partner, category, period;
CREATE VIRTUAL TABLE lm USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by='partner, category');
CREATE VIRTUAL TABLE wm USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, by='partner, category');
SELECT count(*) AS rows, count(DISTINCT partner || category) AS series FROM lm;
SELECT partner, category, period, exports, imports, balance, prior_balance, balance_change,
       round(balance_growth, 9) = round(-12.0 / 54 * 100, 9) AS growth_ok,
       round(exports_growth, 9) = round(12.0 / 104 * 100, 9) AS exports_growth_ok,
       round(imports_growth, 9) = round(24.0 / 158 * 100, 9) AS imports_growth_ok, note
FROM lm WHERE partner = 'A' AND category = 'x' AND period = '2023-04';
SELECT period, exports, imports, balance, prior_balance, exports_growth, round(imports_growth, 6) AS imports_growth, note
FROM lm WHERE partner = 'A' AND category = 'x' AND period IN ('2022-03', '2023-03');
SELECT period, exports, imports, balance, note FROM lm WHERE partner = 'B' AND category = 'x' AND period = '2023-02';
SELECT (SELECT count(*) FROM lm) = (SELECT count(*) FROM wm) AS same_count,
       (SELECT count(*) FROM (SELECT * FROM lm EXCEPT SELECT * FROM wm)) AS only_long,
       (SELECT count(*) FROM (SELECT * FROM wm EXCEPT SELECT * FROM lm)) AS only_wide;
SELECT count(*) AS rows, sum(balance IS trade_imbalance(exports, imports)
  AND coverage IS trade_imbalance(exports, imports, 'coverage')
  AND normalized IS trade_imbalance(exports, imports, 'normalized')
  AND grubel_lloyd IS trade_imbalance(exports, imports, 'grubel_lloyd')
  AND balance_change IS trade_imbalance(balance, prior_balance)) AS agreeing,
  sum(balance IS NULL) AS one_sided
FROM lm;
CREATE VIRTUAL TABLE lh USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by='partner, category', grain=half);
CREATE VIRTUAL TABLE wh USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, by='partner, category', grain=half);
CREATE VIRTUAL TABLE ly USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by='partner, category', grain=year);
CREATE VIRTUAL TABLE wy USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, by='partner, category', grain=year);
SELECT partner, category, period, exports, imports, balance, prior_balance, balance_change, note FROM lh WHERE partner = 'B' AND category = 'y';
SELECT exports = 3465 AND imports = 5430 AND balance = -1965 AS half_ok,
       exports = (SELECT sum(amount) FROM trade_long WHERE partner = 'B' AND category = 'y' AND flow = 'export' AND period BETWEEN '2023-01' AND '2023-06') AS sum_ok
FROM lh WHERE partner = 'B' AND category = 'y' AND period = '2023-H1';
SELECT partner, category, period, exports, imports, balance, round(coverage, 6) AS coverage,
       prior_balance, round(balance_growth, 6) AS balance_growth, note FROM ly ORDER BY partner, category, period;
SELECT count(*) AS years, sum(exports = (SELECT sum(amount) FROM trade_long t WHERE t.partner = ly.partner AND t.category = ly.category
                                    AND t.flow = 'export' AND substr(t.period, 1, 4) = ly.period)) AS exports_ok,
       sum(imports = (SELECT sum(amount) FROM trade_long t WHERE t.partner = ly.partner AND t.category = ly.category
                                    AND t.flow = 'import' AND substr(t.period, 1, 4) = ly.period)) AS imports_ok
FROM ly;
SELECT (SELECT count(*) FROM (SELECT * FROM lh EXCEPT SELECT * FROM wh)) + (SELECT count(*) FROM (SELECT * FROM wh EXCEPT SELECT * FROM lh))
     + (SELECT count(*) FROM (SELECT * FROM ly EXCEPT SELECT * FROM wy)) + (SELECT count(*) FROM (SELECT * FROM wy EXCEPT SELECT * FROM ly)) AS long_wide_differences;
CREATE TEMP TABLE all_lm AS SELECT * FROM lm;
SELECT count(*) AS differing FROM (
  SELECT * FROM lm WHERE partner = 'B' AND period >= '2023-02' AND period < '2023-09'
  EXCEPT SELECT * FROM all_lm WHERE partner = 'B' AND period >= '2023-02' AND period < '2023-09');
SELECT count(*) AS filtered_rows FROM lm WHERE partner = 'B' AND period >= '2023-02' AND period < '2023-09';
SELECT count(*) AS differing FROM (
  SELECT * FROM lm WHERE partner IN ('A', 'B') AND category = 'y' AND period = '2023-12'
  EXCEPT SELECT * FROM all_lm WHERE partner IN ('A', 'B') AND category = 'y' AND period = '2023-12');
SELECT partner, category, period, balance, prior_balance FROM lm WHERE partner IN ('A', 'B') AND category = 'y' AND period = '2023-12';
SELECT period, balance, prior_balance FROM lh WHERE period BETWEEN '2023-H1' AND '2023-H2' AND partner = 'A' AND category = 'x';
CREATE TEMP TABLE all_tv AS SELECT * FROM trade_imbalance('trade_long', 'amount', 'period', 'flow', 'partner');
SELECT count(*) AS differing FROM (
  SELECT * FROM trade_imbalance('trade_long', 'amount', 'period', 'flow', 'partner') WHERE series = 'A' AND period > '2022-11'
  EXCEPT SELECT * FROM all_tv WHERE series = 'A' AND period > '2022-11');
INSERT INTO trade_long VALUES ('Z', 'x', '2019-05', 'export', 'n/a');
SELECT count(*) FROM lm;
SELECT count(*) AS rows_b FROM lm WHERE partner = 'B';
SELECT count(*) AS rows_2023 FROM lm WHERE period >= '2023-01';
SELECT count(*) FROM lm WHERE period >= '2020-01';
DELETE FROM trade_long WHERE partner = 'Z';
CREATE TABLE comtrade(reporter TEXT, partner TEXT, year INTEGER, flowDesc TEXT, primaryValue REAL);
INSERT INTO comtrade VALUES ('KOR', 'CHN', 2021, 'Export', 162.9), ('KOR', 'CHN', 2021, 'Import', 138.6),
  ('KOR', 'CHN', 2022, ' EXPORT ', 155.8), ('KOR', 'CHN', 2022, 'import', 154.6),
  ('KOR', 'CHN', 2022, NULL, 999), ('KOR', 'USA', 2022, 'Export', 109.8), ('KOR', 'USA', 2022, 'Import', NULL);
SELECT series, period, exports, imports, round(balance, 9) AS balance, round(balance_change, 9) AS balance_change, round(balance_growth, 6) AS balance_growth, note
FROM trade_imbalance('comtrade', 'primaryValue', 'year', 'flowDesc', 'partner');
CREATE TABLE kosis(시점 TEXT, 구분 TEXT, 국가 TEXT, 금액 INTEGER);
INSERT INTO kosis VALUES ('2023 1/2', '해외직접판매', '중국', 451), ('2023 1/2', '해외직접구매', '중국', 1400),
  ('2022 1/2 p)', '해외직접구매', '중국', 681), ('2022 1/2 p)', '해외직접판매', '중국', 752);
CREATE VIRTUAL TABLE k USING trade_imbalance(source=kosis, period=시점, value=금액, flow=구분,
  export_label='해외직접판매', import_label=' 해외직접구매 ', by=국가);
SELECT * FROM k;
INSERT INTO comtrade VALUES ('KOR', 'CHN', 2023, 'Re-export', 1.5);
SELECT * FROM trade_imbalance('comtrade', 'primaryValue', 'year', 'flowDesc', 'partner');
SELECT * FROM k WHERE 국가 = '중국';
CREATE VIRTUAL TABLE k2 USING trade_imbalance(source=kosis, period=시점, value=금액, flow=구분, by=국가);
SELECT * FROM k2;
CREATE TABLE amounts(period TEXT, flow TEXT, amount);
INSERT INTO amounts VALUES ('2022', 'export', NULL), ('2022', 'import', 5),
  ('2023', 'export', ' 12.5'), ('2023', 'import', '0'), ('2024', 'export', 0), ('2024', 'import', 0),
  ('2025', 'export', 9223372036854775807), ('2025', 'export', 1), ('2025', 'import', -3);
SELECT series IS NULL AS no_series, period, exports, typeof(exports) AS type, imports, balance, coverage, normalized, grubel_lloyd, note FROM trade_imbalance('amounts', 'amount', 'period', 'flow');
INSERT INTO amounts VALUES ('2026', 'import', 'twelve');
SELECT count(*) FROM trade_imbalance('amounts', 'amount', 'period', 'flow');
INSERT INTO amounts VALUES ('2026-Q1', 'export', 1);
DELETE FROM amounts WHERE amount = 'twelve';
SELECT count(*) FROM trade_imbalance('amounts', 'amount', 'period', 'flow');
DELETE FROM amounts WHERE period = '2026-Q1';
INSERT INTO amounts VALUES ('2026-13', 'export', 1);
SELECT count(*) FROM trade_imbalance('amounts', 'amount', 'period', 'flow');
CREATE TABLE t(a);
INSERT INTO t VALUES ('still here');
CREATE TABLE "x""; DROP TABLE t; --"("per iod" TEXT, "am'ount" REAL, "fl""ow" TEXT, "by col" TEXT, "ex ports" INT, "im]ports" INT);
INSERT INTO "x""; DROP TABLE t; --" VALUES ('2022-Q1', 3, 'export', 'k', 3, 5), ('2022-Q1', 5, 'import', 'k', NULL, NULL),
  ('2023-Q1', 4, 'export', 'k', 4, 2), ('2023-Q1', 2, 'import', 'k', NULL, NULL);
SELECT series, period, exports, imports, balance, prior_balance, balance_growth
FROM trade_imbalance('x"; DROP TABLE t; --', 'am''ount', 'per iod', 'fl"ow', 'by col') WHERE period = '2023-Q1';
CREATE VIRTUAL TABLE hl USING trade_imbalance(source='main."x""; DROP TABLE t; --"', value="am'ount", period=[per iod], flow='"fl""ow"', by='"by col"');
SELECT * FROM hl;
CREATE VIRTUAL TABLE hw USING trade_imbalance(source='x"; DROP TABLE t; --', exports="ex ports", imports=`im]ports`, period="per iod");
SELECT * FROM hw;
SELECT a AS t_still_there FROM t;
SELECT * FROM trade_imbalance('nosuch', 'amount', 'period', 'flow');
SELECT * FROM trade_imbalance('direct_trade', 'amt', 'period', 'flow');
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 'flw');
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period');
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', NULL);
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 42);
SELECT * FROM trade_imbalance;
CREATE VIRTUAL TABLE e1 USING trade_imbalance(source=direct_trade, period=period, value=amount);
CREATE VIRTUAL TABLE e2 USING trade_imbalance(source=direct_trade, period=period);
CREATE VIRTUAL TABLE e3 USING trade_imbalance(source=trade_wide, period=period, exports=exports);
CREATE VIRTUAL TABLE e4 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, exports=amount, imports=amount);
CREATE VIRTUAL TABLE e5 USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, export_label=X);
CREATE VIRTUAL TABLE e6 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, export_label=Both, import_label=' both');
CREATE VIRTUAL TABLE e7 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, export_label='');
CREATE VIRTUAL TABLE e8 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, measure=coverage);
CREATE VIRTUAL TABLE e9 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, grain=week);
CREATE TABLE clash(period TEXT, flow TEXT, amount, note TEXT);
CREATE VIRTUAL TABLE e10 USING trade_imbalance(source=clash, period=period, value=amount, flow=flow, by='period');
CREATE VIRTUAL TABLE e10 USING trade_imbalance(source=clash, period=period, value=amount, flow=flow, by='NOTE');
CREATE VIRTUAL TABLE e11 USING trade_imbalance(source=nosuch, period=period, value=amount, flow=flow);
CREATE VIRTUAL TABLE e12 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flows);
CREATE VIRTUAL TABLE e13 USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=importz);
CREATE VIRTUAL TABLE e14 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by=partner, grain=half);
SELECT * FROM e14 WHERE partner = 'A' AND period = '2023-H2';
CREATE VIRTUAL TABLE e15 USING trade_imbalance(source=direct_trade, period=period, value=amount, flow=flow, grain=half);
SELECT * FROM e15;
SELECT name FROM sqlite_schema WHERE name LIKE 'e%' AND type = 'table' ORDER BY name;
CREATE VIEW v AS SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
SELECT count(*) FROM v;
CREATE VIEW v2 AS SELECT * FROM lm;
SELECT count(*) FROM v2;
CREATE TABLE log(n);
CREATE TRIGGER tr AFTER INSERT ON log BEGIN SELECT count(*) FROM lm; END;
INSERT INTO log VALUES (1);
