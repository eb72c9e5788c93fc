-- From a KOSIS download to Statistics Korea's published 2019 figures, with
-- the file exactly as downloaded (CP949, wide, `-`, `2019 4/4 p)`).
.load build/tradestat
.mode box
CREATE VIRTUAL TABLE temp.sales USING kosis_csv(
  file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
-- All products, all sales types: one series per region (국가(대륙)별).
CREATE TEMP VIEW region_total AS
  SELECT "국가(대륙)별" AS region, period, value, preliminary
  FROM sales WHERE 상품군별 = '합계' AND 판매유형별 = '계';

.print "Online overseas direct sales, million won (published: 2019 5,960,859; 2018 3,603,870):"
SELECT period_year(period) AS year, sum(value) AS sales,
       round(pct_change(sum(value), lag(sum(value)) OVER (ORDER BY period_year(period))), 1) AS "growth %",
       max(preliminary) AS preliminary
FROM region_total WHERE region = '합계' GROUP BY 1 ORDER BY 1;

.print "Q4 2019 against Q4 2018 (published: +92.9 %, reported as 93 %):"
SELECT series AS region, period, value, prior_period, prior_value,
       printf('%+.1f %%', growth) AS growth
FROM yoy_growth('region_total', 'value', 'period', 'region')
WHERE series = '합계' AND period = '2019-Q4';

.print "By region, 2019 (published: China 5,161,893), with the quarterly trend 2014-2019:"
SELECT region, sum(value) FILTER (WHERE period_year(period) = 2019) AS "2019",
       round(100.0 * sum(value) FILTER (WHERE period_year(period) = 2019)
             / (SELECT sum(value) FROM region_total WHERE region = '합계' AND period_year(period) = 2019), 1) AS "share %",
       sparkline(value, period) AS "2014 Q1 - 2019 Q4"
FROM region_total GROUP BY region ORDER BY 2 DESC;
