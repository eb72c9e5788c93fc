SELECT pct_change(1400, 680.8), pct_change(-279.6, -382.3), pct_change(1, 0);SELECT pct_change(amount, 100) FROM direct_trade ORDER BY rowid LIMIT 4;
