-- Who drove the growth: each region's share of Korea's online overseas
-- direct sales (구성비) and its contribution to the total's growth in
-- percentage points (기여도), from the KOSIS file as downloaded.  The file
-- carries its own total row (합계): total='합계' keeps it from being
-- counted twice.
.load build/tradestat
.mode box
CREATE VIRTUAL TABLE temp.kosis USING kosis_csv(
  file='sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv');
CREATE TEMP TABLE region_sales AS
  SELECT "국가(대륙)별" AS region, period, value FROM kosis
  WHERE 상품군별 = '합계' AND 판매유형별 = '계';
CREATE VIRTUAL TABLE temp.region_growth USING yoy_growth(
  source='temp.region_sales', value=value, period=period, by=region, grain=year, total='합계');

.print "2019: share of total sales and contribution to their growth (points):"
SELECT region, value, round(growth, 1) AS "growth %", round(share, 1) AS "share %",
       round(contribution, 1) AS "contribution pp"
FROM region_growth WHERE period = '2019' ORDER BY value DESC;

SELECT printf('China contributed %.1f of the %.1f points of growth in 2019.',
              (SELECT contribution FROM region_growth WHERE region = '중국' AND period = '2019'),
              (SELECT growth FROM region_growth WHERE region = '합계' AND period = '2019')) AS " ";
