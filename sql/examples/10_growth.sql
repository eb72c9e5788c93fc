-- The article's growth figures, from the extension's own functions.
.load build/tradestat
.mode box
.print "Koreans' direct purchases from China doubled (+106 %); Chinese purchases from Korea fell 40 %:"
-- yoy_growth matches each half-year with the same half a year earlier, by label.
CREATE VIRTUAL TABLE temp.purchase_growth USING yoy_growth(
  source=direct_trade, value=amount, period=period, by='flow, partner');
SELECT flow, partner, period, value AS "bn won", prior_period, prior_value,
       printf('%+.1f %%', growth) AS growth
FROM temp.purchase_growth WHERE partner = 'China' AND period = '2023-H1';
-- The scalar on the two numbers gives the same answer.
SELECT round(pct_change(1400, 680.8), 2) AS imports_pct, round(pct_change(451, 751.7), 2) AS exports_pct;
