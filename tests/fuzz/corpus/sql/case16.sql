SELECT partner, flow, ytd_growth(amount, period) FROM direct_trade GROUP BY 1, 2 ORDER BY 1, 2;
