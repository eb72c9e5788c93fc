-- The article's growth figures, from the extension's own functions.
.load build/tradestat
.mode box
-- yoy_growth matches each half-year with the same half a year earlier, by label.
CREATE VIRTUAL TABLE temp.purchase_growth USING yoy_growth(
  source=direct_trade, value=amount, period=period, by='flow, partner');
.mode list
SELECT printf('H1 2023: Koreans'' direct purchases from China %s (%+.0f %%) to %,d bn won; Chinese purchases from Korea fell %.0f %% to %d bn won.',
              CASE WHEN i.value >= 2 * i.prior_value THEN 'more than doubled'
                   WHEN i.growth > 90 THEN 'doubled' ELSE 'rose' END,
              i.growth, i.value, -e.growth, e.value)
FROM temp.purchase_growth AS i, temp.purchase_growth AS e
WHERE i.flow = 'import' AND e.flow = 'export' AND i.partner = 'China' AND e.partner = 'China'
  AND i.period = '2023-H1' AND e.period = '2023-H1';
.mode box
SELECT flow, partner, period, value AS "bn won", prior_period, prior_value,
       printf('%+.1f %%', growth) AS growth
FROM temp.purchase_growth WHERE partner = 'China' AND period = '2023-H1';
-- The scalar on the two numbers gives the same answer.
SELECT round(pct_change(1400, 680.8), 2) AS imports_pct, round(pct_change(451, 751.7), 2) AS exports_pct;
