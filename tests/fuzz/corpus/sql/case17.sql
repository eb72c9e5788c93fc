SELECT partner, flow, period, ytd_growth(amount, period) OVER (PARTITION BY partner, flow ORDER BY period ROWS BETWEEN 8 PRECEDING AND CURRENT ROW) FROM direct_trade ORDER BY 1, 2, 3;
