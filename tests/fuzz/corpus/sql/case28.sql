CREATE VIRTUAL TABLE temp.o USING annual_projection(source=direct_trade, value=amount, period=period, by='flow, partner', method=auto, level=80, through=Q2);SELECT * FROM o; DROP TABLE o;
