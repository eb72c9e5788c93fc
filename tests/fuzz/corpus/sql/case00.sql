SELECT tradestat_version();
