SELECT annual_run_rate(1400, '2023-H1'), annual_run_rate(amount, period) FROM direct_trade ORDER BY rowid LIMIT 3;
