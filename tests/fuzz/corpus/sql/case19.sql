SELECT annual_projection(1400, '2023-H1'), annual_projection(amount, period) FROM direct_trade ORDER BY rowid LIMIT 3;
