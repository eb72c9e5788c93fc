SELECT trade_imbalance(451, 1400), trade_imbalance(451, 1400, 'coverage'), trade_imbalance(451, 1400, 'normalized'), trade_imbalance(451, 1400, 'grubel_lloyd'), trade_imbalance(0, 0, 'coverage');
