.load build/tradestat
.headers on
.mode list
-- Levels: lowest ▁, highest █, linear in between, nearest level.
-- @check sparkline-1.1
SELECT sparkline(column1, column2) AS line FROM (VALUES (0, '2020-01'), (1, '2020-02'), (2, '2020-03'),
  (3, '2020-04'), (4, '2020-05'), (5, '2020-06'), (6, '2020-07'), (7, '2020-08'));
-- @expect
-- | line
-- | ▁▂▃▄▅▆▇█

-- 0..100: 40 is 2.8 levels up -> ▄ (level 3); 60 is 4.2 -> ▅ (level 4).
-- @check sparkline-2.1
SELECT sparkline(v, p) AS line FROM (SELECT 0 AS v, 2020 AS p UNION ALL SELECT 40, 2021
  UNION ALL SELECT 60, 2022 UNION ALL SELECT 100, 2023);
-- @expect
-- | line
-- | ▁▄▅█

-- Rows in any order give the same line; the same period is summed (Q1: 1 + 2 = 3).
-- @check sparkline-3.1
SELECT sparkline(v, p) = '▁ ▁█' AS any_order_and_summed FROM (
  SELECT 8 AS v, '2020-Q4' AS p UNION ALL SELECT 1, '2020-Q1' UNION ALL SELECT 3, '2020-Q3'
  UNION ALL SELECT 2, '2020-Q1');
-- @expect
-- | any_order_and_summed
-- | 1

-- A missing period is a space; a NULL value is skipped, so a period with
-- only NULL values is missing too.  Leading/trailing NULL periods are not drawn.
-- @check sparkline-4.1
SELECT '[' || sparkline(v, p) || ']' AS line FROM (
  SELECT NULL AS v, 2017 AS p UNION ALL SELECT 10, 2018 UNION ALL SELECT NULL, 2019
  UNION ALL SELECT 30, 2020 UNION ALL SELECT 20, 2022 UNION ALL SELECT 5, NULL);
-- @expect
-- | line
-- | [▁ █ ▅]

-- All equal, and a single period: half height.
-- @check sparkline-5.1
SELECT sparkline(v, p) AS flat FROM (SELECT 5 AS v, '2023-H1' AS p UNION ALL SELECT 5, '2023-H2' UNION ALL SELECT 5, '2024-H1');
-- @expect
-- | flat
-- | ▄▄▄
-- @check sparkline-5.2
SELECT sparkline(42, '2023-06-30') AS one;
-- @expect
-- | one
-- | ▄

-- Negative values on the same scale; REAL and numeric TEXT accepted.
-- @check sparkline-6.1
SELECT sparkline(v, p) AS line FROM (SELECT -7.0 AS v, '2020' AS p UNION ALL SELECT '0', '2021' UNION ALL SELECT 7, '2022');
-- @expect
-- | line
-- | ▁▅█

-- KOSIS labels and INTEGER months work as periods.
-- @check sparkline-7.1
SELECT sparkline(v, p) AS line FROM (SELECT 1 AS v, '2019 1/4' AS p UNION ALL SELECT 2, '2019.2/4' UNION ALL SELECT 3, '2019 3/4 p)');
-- @expect
-- | line
-- | ▁▅█
-- @check sparkline-7.2
SELECT sparkline(v, p) AS line FROM (SELECT 1 AS v, 202312 AS p UNION ALL SELECT 2, 202401);
-- @expect
-- | line
-- | ▁█

-- Huge integers do not overflow (exact sums).
-- @check sparkline-8.1
SELECT sparkline(v, p) AS line FROM (SELECT 9223372036854775807 AS v, 2020 AS p UNION ALL SELECT 9223372036854775807, 2020 UNION ALL SELECT 0, 2021);
-- @expect
-- | line
-- | █▁

-- No rows, or only NULLs: NULL.
-- @check sparkline-9.1
SELECT quote(sparkline(v, p)) AS empty FROM (SELECT 1 AS v, '2020' AS p) WHERE 0;
-- @expect
-- | empty
-- | NULL
-- @check sparkline-9.2
SELECT quote(sparkline(NULL, '2020')) AS only_null;
-- @expect
-- | only_null
-- | NULL

-- Per group, on the real KOSIS file: each region's total sales, 2014 Q1 .. 2019 Q4.
CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
-- @check sparkline-10.1
SELECT "국가(대륙)별" AS region, sparkline(value, period) AS "2014-2019"
FROM sales WHERE 상품군별 = '합계' AND 판매유형별 = '계' AND "국가(대륙)별" IN ('합계', '중국', '일본')
GROUP BY 1 ORDER BY sum(value) DESC;
-- @expect
-- | region|2014-2019
-- | 합계|▁▁▁▁▁▂▁▂▂▂▃▃▄▃▃▄▄▄▄▄▅▆▇█
-- | 중국|▁▁▁▁▂▂▂▂▂▂▃▃▃▃▃▄▄▄▄▄▅▆▇█
-- | 일본|▂▁▂▃▁▁▁▃▃▄▂▄▄▄▄▅▆▆▆▇████

-- Duty-free sales begin in 2017: the NULL (`-`) quarters before are not drawn.
-- @check sparkline-11.1
SELECT length(sparkline(value, period)) AS quarters_drawn FROM sales
WHERE "국가(대륙)별" = '합계' AND 상품군별 = '합계' AND 판매유형별 = '면세점';
-- @expect
-- | quarters_drawn
-- | 12

-- Errors.
-- @check sparkline-12.1
SELECT sparkline(v, p) FROM (SELECT 1 AS v, '2023-Q1' AS p UNION ALL SELECT 2, '2023-05');
-- @error sparkline(): series mixes period kinds: '2023-Q1' and '2023-05'
-- @check sparkline-12.2
SELECT sparkline('n/a', '2023');
-- @error sparkline(): argument 1 is not a number: 'n/a'
-- @check sparkline-12.3
SELECT sparkline(1e999, '2023');
-- @error sparkline(): argument 1 is not a finite number: Inf
-- @check sparkline-12.4
SELECT sparkline(x'00', '2023');
-- @error sparkline(): argument 1 is not a number: x'00'
-- @check sparkline-12.5
SELECT sparkline(1, '2023 Q5');
-- @error sparkline(): argument 2 is not a period: '2023 Q5' (nearest accepted form: 'YYYY H1' (half 1-2) or 'YYYY Q1' (quarter 1-4))
-- @check sparkline-12.6
SELECT sparkline(1, x'01');
-- @error sparkline(): argument 2 is not a period: x'01' (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check sparkline-12.7
SELECT sparkline(v, p) FROM (SELECT 1 AS v, '2000-01-01' AS p UNION ALL SELECT 2, '2030-01-01');
-- @error sparkline(): series spans 10959 periods, from '2000-01-01' to '2030-01-01'; at most 10000 can be drawn
-- @check sparkline-12.8
SELECT sparkline(v, p) FROM (SELECT 1e308 AS v, 2020 AS p UNION ALL SELECT 1e308, 2020);
-- @error sparkline(): the values of period '2020' sum to an infinite number
-- @check sparkline-12.9
SELECT sparkline(1);
-- @error wrong number of arguments to function sparkline()

-- Integer sums that differ only past a double's 53 bits are not a flat
-- line: the scale is taken on the exact differences from the smallest
-- (807 - 800 = 7 steps: 807 is the top, 806 is 6/7 of the way = level 7
-- of 8, 800 the bottom).  As doubles all three are 2^63, drawn ▄▄▄.
-- @check sparkline-13.1
.headers off
SELECT sparkline(v, p) FROM (SELECT 9223372036854775807 AS v, '2020' AS p
  UNION ALL SELECT 9223372036854775806, '2021' UNION ALL SELECT 9223372036854775800, '2022');
-- @expect █▇▁
-- A sum past 64 bits: 2^64 - 2, -2^63 and 0; 0 is a third of the way up
-- (2^63 / (3 * 2^63 - 2)), 7/3 rounds to level 3 of 8.
-- @check sparkline-13.2
SELECT sparkline(v, p) FROM (SELECT 9223372036854775807 AS v, '2020' AS p
  UNION ALL SELECT 9223372036854775807, '2020' UNION ALL SELECT -9223372036854775808, '2021'
  UNION ALL SELECT 0, '2022');
-- @expect █▁▃
