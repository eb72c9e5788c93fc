.load build/tradestat
.headers on
.mode list
-- Levels: lowest ▁, highest █, linear in between, nearest level.
SELECT sparkline(column1, column2) AS line FROM (VALUES (0, '2020-01'), (1, '2020-02'), (2, '2020-03'),
  (3, '2020-04'), (4, '2020-05'), (5, '2020-06'), (6, '2020-07'), (7, '2020-08'));
-- 0..100: 40 is 2.8 levels up -> ▄ (level 3); 60 is 4.2 -> ▅ (level 4).
SELECT sparkline(v, p) AS line FROM (SELECT 0 AS v, 2020 AS p UNION ALL SELECT 40, 2021
  UNION ALL SELECT 60, 2022 UNION ALL SELECT 100, 2023);
-- Rows in any order give the same line; the same period is summed (Q1: 1 + 2 = 3).
SELECT sparkline(v, p) = '▁ ▁█' AS any_order_and_summed FROM (
  SELECT 8 AS v, '2020-Q4' AS p UNION ALL SELECT 1, '2020-Q1' UNION ALL SELECT 3, '2020-Q3'
  UNION ALL SELECT 2, '2020-Q1');
-- A missing period is a space; a NULL value is skipped, so a period with
-- only NULL values is missing too.  Leading/trailing NULL periods are not drawn.
SELECT '[' || sparkline(v, p) || ']' AS line FROM (
  SELECT NULL AS v, 2017 AS p UNION ALL SELECT 10, 2018 UNION ALL SELECT NULL, 2019
  UNION ALL SELECT 30, 2020 UNION ALL SELECT 20, 2022 UNION ALL SELECT 5, NULL);
-- All equal, and a single period: half height.
SELECT sparkline(v, p) AS flat FROM (SELECT 5 AS v, '2023-H1' AS p UNION ALL SELECT 5, '2023-H2' UNION ALL SELECT 5, '2024-H1');
SELECT sparkline(42, '2023-06-30') AS one;
-- Negative values on the same scale; REAL and numeric TEXT accepted.
SELECT sparkline(v, p) AS line FROM (SELECT -7.0 AS v, '2020' AS p UNION ALL SELECT '0', '2021' UNION ALL SELECT 7, '2022');
-- KOSIS labels and INTEGER months work as periods.
SELECT sparkline(v, p) AS line FROM (SELECT 1 AS v, '2019 1/4' AS p UNION ALL SELECT 2, '2019.2/4' UNION ALL SELECT 3, '2019 3/4 p)');
SELECT sparkline(v, p) AS line FROM (SELECT 1 AS v, 202312 AS p UNION ALL SELECT 2, 202401);
-- Huge integers do not overflow (exact sums, SPEC §0).
SELECT sparkline(v, p) AS line FROM (SELECT 9223372036854775807 AS v, 2020 AS p UNION ALL SELECT 9223372036854775807, 2020 UNION ALL SELECT 0, 2021);
-- No rows, or only NULLs: NULL.
SELECT quote(sparkline(v, p)) AS empty FROM (SELECT 1 AS v, '2020' AS p) WHERE 0;
SELECT quote(sparkline(NULL, '2020')) AS only_null;
-- Per group, on the real KOSIS file: each region's total sales, 2014 Q1 .. 2019 Q4.
CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
SELECT "국가(대륙)별" AS region, sparkline(value, period) AS "2014-2019"
FROM sales WHERE 상품군별 = '합계' AND 판매유형별 = '계' AND "국가(대륙)별" IN ('합계', '중국', '일본')
GROUP BY 1 ORDER BY sum(value) DESC;
-- Duty-free sales begin in 2017: the NULL (`-`) quarters before are not drawn.
SELECT length(sparkline(value, period)) AS quarters_drawn FROM sales
WHERE "국가(대륙)별" = '합계' AND 상품군별 = '합계' AND 판매유형별 = '면세점';
-- Errors.
SELECT sparkline(v, p) FROM (SELECT 1 AS v, '2023-Q1' AS p UNION ALL SELECT 2, '2023-05');
SELECT sparkline('n/a', '2023');
SELECT sparkline(1e999, '2023');
SELECT sparkline(x'00', '2023');
SELECT sparkline(1, '2023 Q5');
SELECT sparkline(1, x'01');
SELECT sparkline(v, p) FROM (SELECT 1 AS v, '2000-01-01' AS p UNION ALL SELECT 2, '2030-01-01');
SELECT sparkline(v, p) FROM (SELECT 1e308 AS v, 2020 AS p UNION ALL SELECT 1e308, 2020);
SELECT sparkline(1);
