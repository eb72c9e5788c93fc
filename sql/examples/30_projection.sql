-- 2023 imports from China projected from H1 (1,400 bn won), by each method.
-- The article: run rate 2,800; at 2022's pace 3,064 (1400 x 1490 / 680.8);
-- even if H2 only repeats 2022's 809.2, 2,209.2 -- "could surpass the
-- 2 trillion won mark".
.load build/tradestat
.mode table
SELECT annual_run_rate(1400, '2023-H1') AS run_rate_scalar;
SELECT m.method, round(annual_projection(t.amount, t.period, m.method), 1) AS projection_2023
FROM direct_trade AS t,
     (SELECT 1 AS i, 'run_rate' AS method UNION ALL SELECT 2, 'prior_share'
      UNION ALL SELECT 3, 'avg_share' UNION ALL SELECT 4, 'snaive'
      UNION ALL SELECT 5, 'linear' UNION ALL SELECT 6, 'holt_winters') AS m
WHERE t.flow = 'import' AND t.partner = 'China'
GROUP BY m.i ORDER BY m.i;
SELECT annual_projection(amount, period, 'snaive') > 2000 AS surpasses_2_trillion
FROM direct_trade WHERE flow = 'import' AND partner = 'China';
