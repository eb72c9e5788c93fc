SELECT * FROM trade_imbalance('direct_trade', 'amount', 'period', 'flow', 'partner');
