SELECT partner, flow, sparkline(amount, period) FROM direct_trade GROUP BY 1, 2 ORDER BY 1, 2;
