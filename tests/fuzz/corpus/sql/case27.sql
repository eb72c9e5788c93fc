SELECT * FROM annual_projection('direct_trade', 'amount', 'period', 'partner', 'auto');
