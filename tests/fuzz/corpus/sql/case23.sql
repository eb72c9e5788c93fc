SELECT * FROM yoy_growth('direct_trade', 'amount', 'period', 'partner') WHERE period >= '2021';
