SELECT partner, flow, cagr(amount, period) FROM direct_trade GROUP BY 1, 2 ORDER BY 1, 2;
