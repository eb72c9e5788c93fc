SELECT length(tradestat_debug()) > 0;
