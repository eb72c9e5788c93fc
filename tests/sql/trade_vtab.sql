.load build/tradestat
.headers on
.mode list
-- The trade_imbalance virtual table.  Lines that end in `_ok` or compare
-- with a value computed another way print 1.

-- 1. The article (sql/data/article.sql), table-valued form, every column.
.read sql/schema.sql
.read sql/data/article.sql
-- @check trade_vtab-1.1
SELECT series, period, exports, imports, round(balance, 9) AS balance, round(coverage, 6) AS coverage,
       round(normalized, 6) AS normalized, round(grubel_lloyd, 6) AS grubel_lloyd,
       round(prior_balance, 9) AS prior_balance, round(balance_change, 9) AS balance_change,
       round(balance_growth, 6) AS balance_growth, round(exports_growth, 6) AS exports_growth,
       round(imports_growth, 6) AS imports_growth, note
FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
-- @expect
-- | series|period|exports|imports|balance|coverage|normalized|grubel_lloyd|prior_balance|balance_change|balance_growth|exports_growth|imports_growth|note
-- | China|2022-H1|751.7|680.8|70.9|110.414219|4.949389|95.050611||||||no prior period
-- | China|2022-H2||809.2||||||||||no exports
-- | China|2023-H1|451|1400|-949.0|32.214286|-51.269584|48.730416|70.9|-1019.9|-1438.504937|-40.002661|105.640423|
-- | World|2018||2.75||||||||||no exports
-- | World|2022||4.73||||||||||no exports
-- H1 2023 by hand: 451 - 1400 = -949; 451/1400 = 32.2 %; -949/1851 = -51.3 %;
-- H1 2022 70.9 surplus -> change -1019.9, growth -1019.9/70.9; 451/751.7 - 1; 1400/680.8 - 1
-- @check trade_vtab-1.2
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
-- @expect
-- | balance_ok|coverage_ok|normalized_ok|grubel_lloyd_ok|prior_ok|change_ok|growth_ok|exports_growth_ok|imports_growth_ok|note_ok
-- | 1|1|1|1|1|1|1|1|1|1
-- 2022-H2 has imports only: exports and every measure NULL, never a fake zero
-- @check trade_vtab-1.3
SELECT exports IS NULL AND balance IS NULL AND coverage IS NULL AND normalized IS NULL
       AND grubel_lloyd IS NULL AND prior_balance IS NULL AND imports = 809.2 AS one_sided_ok, note
FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner') WHERE period = '2022-H2';
-- @expect
-- | one_sided_ok|note
-- | 1|no exports
-- The scalar and the virtual table share one core: identical on every row.
-- @check trade_vtab-1.4
SELECT count(*) AS rows, sum(balance IS trade_imbalance(exports, imports)
  AND coverage IS trade_imbalance(exports, imports, 'coverage')
  AND normalized IS trade_imbalance(exports, imports, 'normalized')
  AND grubel_lloyd IS trade_imbalance(exports, imports, 'grubel_lloyd')
  AND balance_change IS trade_imbalance(balance, prior_balance)
  AND balance_growth IS pct_change(balance, prior_balance)) AS agreeing
FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
-- @expect
-- | rows|agreeing
-- | 5|5
-- No series argument: one series over everything, so the World's years and
-- China's halves cannot mix (the no-series form is tested in section 6).
-- @check trade_vtab-1.5
SELECT series, period, exports, imports FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow');
-- @error trade_imbalance: series mixes period kinds: '2018' and '2022-H1'
-- The hidden argument columns read back as given.
-- @check trade_vtab-1.6
SELECT DISTINCT source, value_column, period_column, flow_column, series_column FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
-- @expect
-- | source|value_column|period_column|flow_column|series_column
-- | direct_trade|amount|period|flow|partner

-- 2. Long data: monthly 2022-01 .. 2023-12, partners A and B, two
--    categories.  export = 100 + i, import = 150 + 2 * i (i = month number
--    1..24), B ten times A, category 'y' half of 'x' in integers.  Gaps:
--    A/x exports of 2022-03 missing; B/x imports of 2023-02 missing.
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
-- @check trade_vtab-2.1
SELECT count(*) AS long_rows FROM trade_long;
-- @expect
-- | long_rows
-- | 190
-- The same data wide: one column per flow (NULL where the flow is absent).
CREATE TABLE trade_wide AS
SELECT partner, category, period,
       sum(amount) FILTER (WHERE flow = 'export') AS exports,
       sum(amount) FILTER (WHERE flow = 'import') AS imports
FROM trade_long GROUP BY partner, category, period;

CREATE VIRTUAL TABLE lm USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by='partner, category');
CREATE VIRTUAL TABLE wm USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, by='partner, category');
-- @check trade_vtab-3.1
SELECT count(*) AS rows, count(DISTINCT partner || category) AS series FROM lm;
-- @expect
-- | rows|series
-- | 96|4
-- A/x 2023-04: i = 16: exports 116, imports 182, balance -66; prior 2022-04 (i = 4): 104 - 158 = -54
-- @check trade_vtab-3.2
SELECT partner, category, period, exports, imports, balance, prior_balance, balance_change,
       round(balance_growth, 9) = round(-12.0 / 54 * 100, 9) AS growth_ok,
       round(exports_growth, 9) = round(12.0 / 104 * 100, 9) AS exports_growth_ok,
       round(imports_growth, 9) = round(24.0 / 158 * 100, 9) AS imports_growth_ok, note
FROM lm WHERE partner = 'A' AND category = 'x' AND period = '2023-04';
-- @expect
-- | partner|category|period|exports|imports|balance|prior_balance|balance_change|growth_ok|exports_growth_ok|imports_growth_ok|note
-- | A|x|2023-04|116|182|-66|-54|-12|1|1|1|
-- The gaps: no exports in A/x 2022-03; its 2023-03 has no prior balance
-- (exports growth undefined too, imports growth defined: 156 -> 180).
-- @check trade_vtab-3.3
SELECT period, exports, imports, balance, prior_balance, exports_growth, round(imports_growth, 6) AS imports_growth, note
FROM lm WHERE partner = 'A' AND category = 'x' AND period IN ('2022-03', '2023-03');
-- @expect
-- | period|exports|imports|balance|prior_balance|exports_growth|imports_growth|note
-- | 2022-03||156|||||no exports
-- | 2023-03|115|180|-65|||15.384615|no prior balance
-- @check trade_vtab-3.4
SELECT period, exports, imports, balance, note FROM lm WHERE partner = 'B' AND category = 'x' AND period = '2023-02';
-- @expect
-- | period|exports|imports|balance|note
-- | 2023-02|1140|||no imports
-- Long and wide inputs of the same data give identical rows.
-- @check trade_vtab-3.5
SELECT (SELECT count(*) FROM lm) = (SELECT count(*) FROM wm) AS same_count,
       (SELECT count(*) FROM (SELECT * FROM lm EXCEPT SELECT * FROM wm)) AS only_long,
       (SELECT count(*) FROM (SELECT * FROM wm EXCEPT SELECT * FROM lm)) AS only_wide;
-- @expect
-- | same_count|only_long|only_wide
-- | 1|0|0

-- The scalar cross-check again, over every month of the four series (gaps included).
-- @check trade_vtab-4.1
SELECT count(*) AS rows, sum(balance IS trade_imbalance(exports, imports)
  AND coverage IS trade_imbalance(exports, imports, 'coverage')
  AND normalized IS trade_imbalance(exports, imports, 'normalized')
  AND grubel_lloyd IS trade_imbalance(exports, imports, 'grubel_lloyd')
  AND balance_change IS trade_imbalance(balance, prior_balance)) AS agreeing,
  sum(balance IS NULL) AS one_sided
FROM lm;
-- @expect
-- | rows|agreeing|one_sided
-- | 96|96|2

-- 3. grain= rolls months up before anything is computed.
CREATE VIRTUAL TABLE lh USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by='partner, category', grain=half);
CREATE VIRTUAL TABLE wh USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, by='partner, category', grain=half);
CREATE VIRTUAL TABLE ly USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by='partner, category', grain=year);
CREATE VIRTUAL TABLE wy USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, by='partner, category', grain=year);
-- @check trade_vtab-5.1
SELECT partner, category, period, exports, imports, balance, prior_balance, balance_change, note FROM lh WHERE partner = 'B' AND category = 'y';
-- @expect
-- | partner|category|period|exports|imports|balance|prior_balance|balance_change|note
-- | B|y|2022-H1|3105|4710|-1605|||no prior period
-- | B|y|2022-H2|3285|5070|-1785|||no prior period
-- | B|y|2023-H1|3465|5430|-1965|-1605|-360|
-- | B|y|2023-H2|3645|5790|-2145|-1785|-360|
-- B/y 2023-H1 by hand: exports 10*(113+..+118)/2 = 5*693 = 3465, imports 10*(176+..+186 step 2)/2 = 5*1086 = 5430
-- @check trade_vtab-5.2
SELECT exports = 3465 AND imports = 5430 AND balance = -1965 AS half_ok,
       exports = (SELECT sum(amount) FROM trade_long WHERE partner = 'B' AND category = 'y' AND flow = 'export' AND period BETWEEN '2023-01' AND '2023-06') AS sum_ok
FROM lh WHERE partner = 'B' AND category = 'y' AND period = '2023-H1';
-- @expect
-- | half_ok|sum_ok
-- | 1|1
-- @check trade_vtab-5.3
SELECT partner, category, period, exports, imports, balance, round(coverage, 6) AS coverage,
       prior_balance, round(balance_growth, 6) AS balance_growth, note FROM ly ORDER BY partner, category, period;
-- @expect
-- | partner|category|period|exports|imports|balance|coverage|prior_balance|balance_growth|note
-- | A|x|2022|1175|1956|-781|60.071575|||incomplete period
-- | A|x|2023|1422|2244|-822|63.368984|-781||incomplete prior period
-- | A|y|2022|636|978|-342|65.030675|||no prior period
-- | A|y|2023|708|1122|-414|63.101604|-342|-21.052632|
-- | B|x|2022|12780|19560|-6780|65.337423|||no prior period
-- | B|x|2023|14220|20660|-6440|68.828654|-6780||incomplete period
-- | B|y|2022|6390|9780|-3390|65.337423|||no prior period
-- | B|y|2023|7110|11220|-4110|63.368984|-3390|-21.238938|
-- year totals equal the sums of the source's months
-- @check trade_vtab-5.4
SELECT count(*) AS years, sum(exports = (SELECT sum(amount) FROM trade_long t WHERE t.partner = ly.partner AND t.category = ly.category
                                    AND t.flow = 'export' AND substr(t.period, 1, 4) = ly.period)) AS exports_ok,
       sum(imports = (SELECT sum(amount) FROM trade_long t WHERE t.partner = ly.partner AND t.category = ly.category
                                    AND t.flow = 'import' AND substr(t.period, 1, 4) = ly.period)) AS imports_ok
FROM ly;
-- @expect
-- | years|exports_ok|imports_ok
-- | 8|8|8
-- @check trade_vtab-5.5
SELECT (SELECT count(*) FROM (SELECT * FROM lh EXCEPT SELECT * FROM wh)) + (SELECT count(*) FROM (SELECT * FROM wh EXCEPT SELECT * FROM lh))
     + (SELECT count(*) FROM (SELECT * FROM ly EXCEPT SELECT * FROM wy)) + (SELECT count(*) FROM (SELECT * FROM wy EXCEPT SELECT * FROM ly)) AS long_wide_differences;
-- @expect
-- | long_wide_differences
-- | 0

-- 4. Pushdown never changes the answer: filtered = unfiltered, then filtered.
CREATE TEMP TABLE all_lm AS SELECT * FROM lm;
-- @check trade_vtab-6.1
SELECT count(*) AS differing FROM (
  SELECT * FROM lm WHERE partner = 'B' AND period >= '2023-02' AND period < '2023-09'
  EXCEPT SELECT * FROM all_lm WHERE partner = 'B' AND period >= '2023-02' AND period < '2023-09');
-- @expect
-- | differing
-- | 0
-- @check trade_vtab-6.2
SELECT count(*) AS filtered_rows FROM lm WHERE partner = 'B' AND period >= '2023-02' AND period < '2023-09';
-- @expect
-- | filtered_rows
-- | 14
-- @check trade_vtab-6.3
SELECT count(*) AS differing FROM (
  SELECT * FROM lm WHERE partner IN ('A', 'B') AND category = 'y' AND period = '2023-12'
  EXCEPT SELECT * FROM all_lm WHERE partner IN ('A', 'B') AND category = 'y' AND period = '2023-12');
-- @expect
-- | differing
-- | 0
-- @check trade_vtab-6.4
SELECT partner, category, period, balance, prior_balance FROM lm WHERE partner IN ('A', 'B') AND category = 'y' AND period = '2023-12';
-- @expect
-- | partner|category|period|balance|prior_balance
-- | A|y|2023-12|-37|-31
-- | B|y|2023-12|-370|-310
-- @check trade_vtab-6.5
SELECT period, balance, prior_balance FROM lh WHERE period BETWEEN '2023-H1' AND '2023-H2' AND partner = 'A' AND category = 'x';
-- @expect
-- | period|balance|prior_balance
-- | 2023-H1|-393|-424
-- | 2023-H2|-429|-357
CREATE TEMP TABLE all_tv AS SELECT * FROM trade_imbalance('trade_long', 'amount', 'period', 'flow', 'partner', 'grain=month');
-- @check trade_vtab-6.6
SELECT count(*) AS differing FROM (
  SELECT * FROM trade_imbalance('trade_long', 'amount', 'period', 'flow', 'partner', 'grain=month') WHERE series = 'A' AND period > '2022-11'
  EXCEPT SELECT * FROM all_tv WHERE series = 'A' AND period > '2022-11');
-- @expect
-- | differing
-- | 0
-- Proof that the filters reach the source: a bad amount for partner 'Z' in
-- 2019 breaks the unfiltered query but not one filtered to other partners
-- or to periods more than a year later.
INSERT INTO trade_long VALUES ('Z', 'x', '2019-05', 'export', 'n/a');
-- @check trade_vtab-6.7
SELECT count(*) FROM lm;
-- @error trade_imbalance: column "amount" in "trade_long" is not a number: 'n/a' (period '2019-05' of series partner='Z', category='x')
-- @check trade_vtab-6.8
SELECT count(*) AS rows_b FROM lm WHERE partner = 'B';
-- @expect
-- | rows_b
-- | 48
-- @check trade_vtab-6.9
SELECT count(*) AS rows_2023 FROM lm WHERE period >= '2023-01';
-- @expect
-- | rows_2023
-- | 48
-- @check trade_vtab-6.10
SELECT count(*) FROM lm WHERE period >= '2020-01';
-- @error trade_imbalance: column "amount" in "trade_long" is not a number: 'n/a' (period '2019-05' of series partner='Z', category='x')
DELETE FROM trade_long WHERE partner = 'Z';

-- 5. Labels: case-insensitive and trimmed; custom labels; unknown labels.
CREATE TABLE comtrade(reporter TEXT, partner TEXT, year INTEGER, flowDesc TEXT, primaryValue REAL);
INSERT INTO comtrade VALUES ('KOR', 'CHN', 2021, 'Export', 162.9), ('KOR', 'CHN', 2021, 'Import', 138.6),
  ('KOR', 'CHN', 2022, ' EXPORT ', 155.8), ('KOR', 'CHN', 2022, 'import', 154.6),
  ('KOR', 'CHN', 2022, NULL, 999), ('KOR', 'USA', 2022, 'Export', 109.8), ('KOR', 'USA', 2022, 'Import', NULL);
-- @check trade_vtab-7.1
SELECT series, period, exports, imports, round(balance, 9) AS balance, round(balance_change, 9) AS balance_change, round(balance_growth, 6) AS balance_growth, note
FROM trade_imbalance('comtrade', 'primaryValue', 'year', 'flowDesc', 'partner');
-- @expect
-- | series|period|exports|imports|balance|balance_change|balance_growth|note
-- | CHN|2021|162.9|138.6|24.3|||no prior period
-- | CHN|2022|155.8|154.6|1.2|-23.1|-95.061728|
-- | USA|2022|109.8|||||no imports
CREATE TABLE kosis(시점 TEXT, 구분 TEXT, 국가 TEXT, 금액 INTEGER);
INSERT INTO kosis VALUES ('2023 1/2', '해외직접판매', '중국', 451), ('2023 1/2', '해외직접구매', '중국', 1400),
  ('2022 1/2 p)', '해외직접구매', '중국', 681), ('2022 1/2 p)', '해외직접판매', '중국', 752);
CREATE VIRTUAL TABLE k USING trade_imbalance(source=kosis, period=시점, value=금액, flow=구분,
  export_label='해외직접판매', import_label=' 해외직접구매 ', by=국가);
-- @check trade_vtab-7.2
SELECT * FROM k;
-- @expect
-- | 국가|period|exports|imports|balance|coverage|coverage_change|normalized|grubel_lloyd|prior_balance|balance_change|balance_growth|exports_growth|imports_growth|preliminary|note
-- | 중국|2022-H1|752|681|71|110.425844346549||4.9546406140963|95.0453593859037||||||1|no prior period
-- | 중국|2023-H1|451|1400|-949|32.2142857142857|-78.2115586322635|-51.269584008644|48.730415991356|71|-1020|-1436.61971830986|-40.0265957446809|105.580029368576|1|
INSERT INTO comtrade VALUES ('KOR', 'CHN', 2023, 'Re-export', 1.5);
-- @check trade_vtab-7.3
SELECT * FROM trade_imbalance('comtrade', 'primaryValue', 'year', 'flowDesc', 'partner');
-- @error trade_imbalance: unknown flow label 'Re-export' in column "flowDesc" (exports are 'export', 'exports', 'X', '판매' or '해외직접판매'; imports are 'import', 'imports', 'M', '구매' or '해외직접구매'; name your labels with export_label= and import_label=)
-- @check trade_vtab-7.4
SELECT * FROM k WHERE 국가 = '중국';
-- @expect
-- | 국가|period|exports|imports|balance|coverage|coverage_change|normalized|grubel_lloyd|prior_balance|balance_change|balance_growth|exports_growth|imports_growth|preliminary|note
-- | 중국|2022-H1|752|681|71|110.425844346549||4.9546406140963|95.0453593859037||||||1|no prior period
-- | 중국|2023-H1|451|1400|-949|32.2142857142857|-78.2115586322635|-51.269584008644|48.730415991356|71|-1020|-1436.61971830986|-40.0265957446809|105.580029368576|1|
CREATE VIRTUAL TABLE k2 USING trade_imbalance(source=kosis, period=시점, value=금액, flow=구분, by=국가);
-- KOSIS's own labels are among the defaults: k2 (no labels given) equals k
-- @check trade_vtab-7.5
SELECT (SELECT count(*) FROM k2) AS n, (SELECT count(*) FROM (SELECT * FROM k2 EXCEPT SELECT * FROM k)) AS differ;
-- @expect
-- | n|differ
-- | 2|0
-- the other default labels: plural English words and the X / M codes, any case
CREATE TABLE codes(p TEXT, f TEXT, v INTEGER);
INSERT INTO codes VALUES ('2023', 'X', 10), ('2023', 'm', 4), ('2024', ' Exports ', 12), ('2024', 'IMPORTS', 3),
  ('2025', '판매', 5), ('2025', '구매', 5);
-- @check trade_vtab-7.6
SELECT period, exports, imports, balance FROM trade_imbalance('codes', 'v', 'p', 'f');
-- @expect
-- | period|exports|imports|balance
-- | 2023|10|4|6
-- | 2024|12|3|9
-- | 2025|5|5|0
-- labels given replace that side's defaults
CREATE VIRTUAL TABLE codes_own USING trade_imbalance(source=codes, value=v, period=p, flow=f, export_label=X, import_label=M);
-- @check trade_vtab-7.7
SELECT * FROM codes_own;
-- @error trade_imbalance: unknown flow label ' Exports ' in column "f" (exports are 'X'; imports are 'M'; name your labels with export_label= and import_label=)

-- 6. Amounts: NULL skipped, numeric text read, other text an error, integers never wrap.
CREATE TABLE amounts(period TEXT, flow TEXT, amount);
INSERT INTO amounts VALUES ('2022', 'export', NULL), ('2022', 'import', 5),
  ('2023', 'export', ' 12.5'), ('2023', 'import', '0'), ('2024', 'export', 0), ('2024', 'import', 0),
  ('2025', 'export', 9223372036854775807), ('2025', 'export', 1), ('2025', 'import', -3);
-- @check trade_vtab-8.1
SELECT series IS NULL AS no_series, period, exports, typeof(exports) AS type, imports, balance, coverage, normalized, grubel_lloyd, note FROM trade_imbalance('amounts', 'amount', 'period', 'flow', NULL, 'grain=year');
-- @expect
-- | no_series|period|exports|type|imports|balance|coverage|normalized|grubel_lloyd|note
-- | 1|2022||null|5|||||no exports
-- | 1|2023|12.5|real|0|12.5||100.0|0.0|imports are zero
-- | 1|2024|0|integer|0|0||||no trade
-- | 1|2025|9.22337203685478e+18|real|-3|9.22337203685478e+18||||negative flow
INSERT INTO amounts VALUES ('2026', 'import', 'twelve');
-- @check trade_vtab-8.2
SELECT count(*) FROM trade_imbalance('amounts', 'amount', 'period', 'flow');
-- @error trade_imbalance: column "amount" in "amounts" is not a number: 'twelve' (period '2026')
INSERT INTO amounts VALUES ('2026-Q1', 'export', 1);
DELETE FROM amounts WHERE amount = 'twelve';
-- @check trade_vtab-8.3
SELECT count(*) FROM trade_imbalance('amounts', 'amount', 'period', 'flow');
-- @error trade_imbalance: series mixes period kinds: '2022' and '2026-Q1'
DELETE FROM amounts WHERE period = '2026-Q1';
INSERT INTO amounts VALUES ('2026-13', 'export', 1);
-- @check trade_vtab-8.4
SELECT count(*) FROM trade_imbalance('amounts', 'amount', 'period', 'flow');
-- @error trade_imbalance: column "period" in "amounts" is not a period: '2026-13' (nearest accepted form: 'YYYY-MM' (month 01-12))

-- 7. Hostile identifiers are quoted, never pasted into SQL.
CREATE TABLE t(a);
INSERT INTO t VALUES ('still here');
CREATE TABLE "x""; DROP TABLE t; --"("per iod" TEXT, "am'ount" REAL, "fl""ow" TEXT, "by col" TEXT, "ex ports" INT, "im]ports" INT);
INSERT INTO "x""; DROP TABLE t; --" VALUES ('2022-Q1', 3, 'export', 'k', 3, 5), ('2022-Q1', 5, 'import', 'k', NULL, NULL),
  ('2023-Q1', 4, 'export', 'k', 4, 2), ('2023-Q1', 2, 'import', 'k', NULL, NULL);
-- @check trade_vtab-9.1
SELECT series, period, exports, imports, balance, prior_balance, balance_growth
FROM trade_imbalance('x"; DROP TABLE t; --', 'am''ount', 'per iod', 'fl"ow', 'by col') WHERE period = '2023-Q1';
-- @expect
-- | series|period|exports|imports|balance|prior_balance|balance_growth
-- | k|2023-Q1|4.0|2.0|2.0|-2.0|200.0
CREATE VIRTUAL TABLE hl USING trade_imbalance(source='main."x""; DROP TABLE t; --"', value="am'ount", period=[per iod], flow='"fl""ow"', by='"by col"');
-- @check trade_vtab-9.2
SELECT * FROM hl;
-- @expect
-- | by col|period|exports|imports|balance|coverage|coverage_change|normalized|grubel_lloyd|prior_balance|balance_change|balance_growth|exports_growth|imports_growth|preliminary|note
-- | k|2022-Q1|3.0|5.0|-2.0|60.0||-25.0|75.0||||||0|no prior period
-- | k|2023-Q1|4.0|2.0|2.0|200.0|140.0|33.3333333333333|66.6666666666667|-2.0|4.0|200.0|33.3333333333333|-60.0|0|
CREATE VIRTUAL TABLE hw USING trade_imbalance(source='x"; DROP TABLE t; --', exports="ex ports", imports=`im]ports`, period="per iod");
-- @check trade_vtab-9.3
SELECT * FROM hw;
-- @expect
-- | period|exports|imports|balance|coverage|coverage_change|normalized|grubel_lloyd|prior_balance|balance_change|balance_growth|exports_growth|imports_growth|preliminary|note
-- | 2022-Q1|3|5|-2|60.0||-25.0|75.0||||||0|no prior period
-- | 2023-Q1|4|2|2|200.0|140.0|33.3333333333333|66.6666666666667|-2|4|200.0|33.3333333333333|-60.0|0|
-- @check trade_vtab-9.4
SELECT a AS t_still_there FROM t;
-- @expect
-- | t_still_there
-- | still here

-- 8. Errors name the module and quote the value.
-- @check trade_vtab-10.1
SELECT * FROM trade_imbalance('nosuch', 'amount', 'period', 'flow');
-- @error trade_imbalance: no such table "nosuch"
-- @check trade_vtab-10.2
SELECT * FROM trade_imbalance('direct_trade', 'amt', 'period', 'flow');
-- @error trade_imbalance: no such column "amt" in "direct_trade" (did you mean "amount"? columns: period, flow, partner, category, amount, unit, source)
-- @check trade_vtab-10.3
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 'flw');
-- @error trade_imbalance: no such column "flw" in "direct_trade" (did you mean "flow"? columns: period, flow, partner, category, amount, unit, source)
-- @check trade_vtab-10.4
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period');
-- @error trade_imbalance: argument 4 (flow) is missing
-- @check trade_vtab-10.5
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', NULL);
-- @error trade_imbalance: argument 4 (flow) is missing
-- @check trade_vtab-10.6
SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 42);
-- @error trade_imbalance: argument 4 (flow) is not a name: 42
-- @check trade_vtab-10.7
SELECT * FROM trade_imbalance;
-- @error trade_imbalance: argument 1 (source) is missing
-- @check trade_vtab-10.8
CREATE VIRTUAL TABLE e1 USING trade_imbalance(source=direct_trade, period=period, value=amount);
-- @error trade_imbalance: missing argument flow= (long data: value= and flow=)
-- @check trade_vtab-10.9
CREATE VIRTUAL TABLE e2 USING trade_imbalance(source=direct_trade, period=period);
-- @error trade_imbalance: missing argument value= and flow= (long data) or exports= and imports= (wide data)
-- @check trade_vtab-10.10
CREATE VIRTUAL TABLE e3 USING trade_imbalance(source=trade_wide, period=period, exports=exports);
-- @error trade_imbalance: missing argument imports=
-- @check trade_vtab-10.11
CREATE VIRTUAL TABLE e4 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, exports=amount, imports=amount);
-- @error trade_imbalance: give value= and flow= (long data) or exports= and imports= (wide data), not both
-- @check trade_vtab-10.12
CREATE VIRTUAL TABLE e5 USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=imports, export_label=X);
-- @error trade_imbalance: flow=, export_label= and import_label= are for long data (value=), not with exports= and imports=
-- @check trade_vtab-10.13
CREATE VIRTUAL TABLE e6 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, export_label=Both, import_label=' both');
-- @error trade_imbalance: export_label and import_label are the same: 'Both'
-- @check trade_vtab-10.14
CREATE VIRTUAL TABLE e7 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, export_label='');
-- @error trade_imbalance: export_label= is empty
-- @check trade_vtab-10.15
CREATE VIRTUAL TABLE e8 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, measure=coverage);
-- @error trade_imbalance: unknown argument "measure" (expected source, value, period, by, grain, scan, flow, export_label, import_label, exports, imports)
-- @check trade_vtab-10.16
CREATE VIRTUAL TABLE e9 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, grain=week);
-- @error trade_imbalance: grain must be year, half, quarter or month: 'week'
CREATE TABLE clash(period TEXT, flow TEXT, amount, note TEXT);
-- @check trade_vtab-10.17
CREATE VIRTUAL TABLE e10 USING trade_imbalance(source=clash, period=period, value=amount, flow=flow, by='period');
-- @error trade_imbalance: period and by name the same column "period"
-- A by column named "period" that is not the period column still clashes
-- with the result column.
-- @check trade_vtab-10.17a
CREATE TABLE clash_month(month TEXT, period TEXT, flow TEXT, amount);
CREATE VIRTUAL TABLE e10 USING trade_imbalance(source=clash_month, period=month, value=amount, flow=flow, by='period');
-- @error trade_imbalance: by column "period" has the name of a result column
-- @check trade_vtab-10.18
CREATE VIRTUAL TABLE e10 USING trade_imbalance(source=clash, period=period, value=amount, flow=flow, by='NOTE');
-- @error trade_imbalance: by column "NOTE" has the name of a result column
-- @check trade_vtab-10.19
CREATE VIRTUAL TABLE e11 USING trade_imbalance(source=nosuch, period=period, value=amount, flow=flow);
-- @error trade_imbalance: no such table "nosuch"
-- @check trade_vtab-10.20
CREATE VIRTUAL TABLE e12 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flows);
-- @error trade_imbalance: no such column "flows" in "trade_long" (did you mean "flow"? columns: partner, category, period, flow, amount)
-- @check trade_vtab-10.21
CREATE VIRTUAL TABLE e13 USING trade_imbalance(source=trade_wide, period=period, exports=exports, imports=importz);
-- @error trade_imbalance: no such column "importz" in "trade_wide" (did you mean "imports"? columns: partner, category, period, exports, imports)
CREATE VIRTUAL TABLE e14 USING trade_imbalance(source=trade_long, period=period, value=amount, flow=flow, by=partner, grain=half);
-- @check trade_vtab-10.22
SELECT * FROM e14 WHERE partner = 'A' AND period = '2023-H2';
-- @expect
-- | partner|period|exports|imports|balance|coverage|coverage_change|normalized|grubel_lloyd|prior_balance|balance_change|balance_growth|exports_growth|imports_growth|preliminary|note
-- | A|2023-H2|1092|1737|-645|62.86701208981|-1.82726798908544|-22.7995758218452|77.2004241781548|-537|-108|-20.1117318435754|10.9756097560976|14.2011834319527|0|
CREATE VIRTUAL TABLE e15 USING trade_imbalance(source=direct_trade, period=period, value=amount, flow=flow, grain=half);
-- @check trade_vtab-10.23
SELECT * FROM e15;
-- @error trade_imbalance: cannot roll the year '2018' up to grain=half
-- only the valid ones were created
-- @check trade_vtab-10.24
SELECT name FROM sqlite_schema WHERE name LIKE 'e%' AND type = 'table' ORDER BY name;
-- @expect
-- | name
-- | e14
-- | e15

-- 9. DIRECTONLY: not from a view or a trigger.
CREATE VIEW v AS SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
-- @check trade_vtab-11.1
SELECT count(*) FROM v;
-- @error unsafe use of virtual table "trade_imbalance"
CREATE VIEW v2 AS SELECT * FROM lm;
-- @check trade_vtab-11.2
SELECT count(*) FROM v2;
-- @error unsafe use of virtual table "lm"
CREATE TABLE log(n);
CREATE TRIGGER tr AFTER INSERT ON log BEGIN SELECT count(*) FROM lm; END;
-- @check trade_vtab-11.3
INSERT INTO log VALUES (1);
-- @error unsafe use of virtual table "lm"

-- coverage_change: percentage points against the same period a year
-- earlier.  KOSIS, Korea <-> China direct purchases: coverage fell from
-- 752 / 681 = 110.4 % (H1 2022) to 451 / 1400 = 32.2 % (H1 2023).
-- @check trade_vtab-14.1
SELECT period, round(coverage, 1) AS coverage, round(coverage_change, 1) AS pp FROM k;
-- @expect
-- | period|coverage|pp
-- | 2022-H1|110.4|
-- | 2023-H1|32.2|-78.2
-- the change is computed from the unrounded coverages (each the double
-- nearest its exact fraction, as 100.0 * x / m gives it)
-- @check trade_vtab-14.2
SELECT coverage_change = 100.0 * 451 / 1400 - 100.0 * 752 / 681 AS same FROM k WHERE period = '2023-H1';
-- @expect
-- | same
-- | 1

-- The table-valued form's options: the labels and grain of the CREATE form.
-- @check trade_vtab-15.1
SELECT period, exports, imports, balance FROM trade_imbalance('kosis', '금액', '시점', '구분', '국가',
  'export_label=해외직접판매, import_label=해외직접구매, grain=year');
-- @expect
-- | period|exports|imports|balance
-- | 2022|752|681|71
-- | 2023|451|1400|-949
-- @check trade_vtab-15.2
SELECT * FROM trade_imbalance('kosis', '금액', '시점', '구분', '국가', 'export_label=X, import_label=M');
-- @error trade_imbalance: unknown flow label '해외직접구매' in column "구분" (exports are 'X'; imports are 'M'; name your labels with export_label= and import_label=)

-- An incomplete roll-up is a part: balance_change, like balance_growth,
-- is NULL when either half misses months (Jan+Feb 2022 against Jan+Mar
-- 2023 would give -3 - (-39) = 36); prior_balance is still shown.
-- @check trade_vtab-16.1
CREATE TEMP TABLE part_months(m TEXT, x INTEGER, i INTEGER);
INSERT INTO part_months VALUES ('2022-01', 10, 30), ('2022-02', 12, 31), ('2023-01', 20, 25), ('2023-03', 22, 20);
CREATE VIRTUAL TABLE temp.part_halves USING trade_imbalance(source=part_months, period=m, exports=x, imports=i, grain=half);
SELECT period, balance, prior_balance, balance_change, balance_growth, note FROM temp.part_halves;
-- @expect
-- | period|balance|prior_balance|balance_change|balance_growth|note
-- | 2022-H1|-39||||incomplete period
-- | 2023-H1|-3|-39|||incomplete period
-- Whole quarters rolled up to halves keep their change: 2022-H1 is
-- (1 + 2) - (5 + 7) = -9, 2023-H1 (4 + 4) - (5 + 6) = -3, a change of 6.
-- @check trade_vtab-16.2
CREATE TEMP TABLE whole_quarters(q TEXT, x INTEGER, i INTEGER);
INSERT INTO whole_quarters VALUES ('2022-Q1', 1, 5), ('2022-Q2', 2, 7), ('2023-Q1', 4, 5), ('2023-Q2', 4, 6);
CREATE VIRTUAL TABLE temp.whole_halves USING trade_imbalance(source=whole_quarters, period=q, exports=x, imports=i, grain=half);
SELECT period, balance, prior_balance, balance_change, round(balance_growth, 1) AS g, note FROM temp.whole_halves;
-- @expect
-- | period|balance|prior_balance|balance_change|g|note
-- | 2022-H1|-9||||no prior period
-- | 2023-H1|-3|-9|6|66.7|

-- One source column in two roles is refused: exports= and imports= the
-- same column made every period balanced trade (coverage 100 %, balance
-- 0, Grubel-Lloyd 100) with no error.
-- @check trade_vtab-17.1
CREATE TEMP TABLE roles(p TEXT, x INTEGER, m INTEGER, f TEXT);
INSERT INTO roles VALUES ('2022', 1, 2, 'export'), ('2023', 3, 4, 'import');
CREATE VIRTUAL TABLE temp.r1 USING trade_imbalance(source=roles, period=p, exports=x, imports=X);
-- @error trade_imbalance: exports and imports name the same column "X"
-- @check trade_vtab-17.2
CREATE VIRTUAL TABLE temp.r2 USING trade_imbalance(source=roles, period=p, value=x, flow=p);
-- @error trade_imbalance: period and flow name the same column "p"
-- @check trade_vtab-17.3
SELECT * FROM trade_imbalance('roles', 'x', 'p', 'f', 'f');
-- @error trade_imbalance: flow and by name the same column "f"

-- A series whose rows spell its key differently (NOCASE) shows the
-- spelling of its first row in the source query's order.  The index walked
-- here breaks ties of (k, period) by flow DESC, not by rowid: a sorted
-- read that replaced the walk mid-scan (a build with -DTS_WATCH_ALWAYS,
-- make ordertest) showed 'C' and 'D' where the walk shows 'c' and 'd'.
-- The reference is plain SQL: the first row of the same ORDER BY.
-- @check trade_vtab-18.1
CREATE TEMP TABLE spelled(k TEXT COLLATE NOCASE, p TEXT, flow TEXT, v INTEGER);
CREATE INDEX temp.spelled_walk ON spelled(k, p, flow DESC);
INSERT INTO spelled VALUES ('b', '2023-01', 'export', 1), ('b', '2023-01', 'import', 1),
  ('C', '2023-01', 'export', 5), ('c', '2023-01', 'import', 3),
  ('D', '2023-01', 'export', 5), ('d', '2023-01', 'import', 3);
CREATE VIRTUAL TABLE temp.spelled_t USING trade_imbalance(source=spelled, period=p, value=v,
  flow=flow, export_label='export', import_label='import', by='k', scan=stream);
SELECT t.k, t.balance, t.k = (SELECT s.k FROM spelled AS s WHERE s.k = t.k
                              ORDER BY s.k, s.p, s.flow DESC LIMIT 1) COLLATE BINARY AS same
FROM temp.spelled_t AS t;
-- @expect
-- | k|balance|same
-- | b|0|1
-- | c|2|1
-- | d|2|1
