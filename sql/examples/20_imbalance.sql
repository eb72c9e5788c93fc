-- The article's trade imbalance with China, from the extension's own functions.
.load build/tradestat
.mode list
-- The headline: H1 2023, exports to China 451 against imports 1,400 (bn won).
SELECT printf('H1 2023: Chinese buyers spent 451 bn won on Korean platforms, just %.0f %% of the 1,400 bn won Koreans spent on Chinese ones: a deficit of %d bn won.',
              trade_imbalance(451, 1400, 'coverage'), -trade_imbalance(451, 1400));
.mode box
-- The scalar: the four measures on the two numbers.
SELECT trade_imbalance(451, 1400) AS balance,
       round(trade_imbalance(451, 1400, 'coverage'), 1) AS "coverage %",
       round(trade_imbalance(451, 1400, 'normalized'), 1) AS "normalized %",
       round(trade_imbalance(451, 1400, 'grubel_lloyd'), 1) AS "grubel_lloyd %";
-- The virtual table over the shipped data: the balance swung from a 70.9 bn
-- surplus in H1 2022 to a 949 bn deficit in H1 2023.  2022-H2 has no
-- export figure in the article, so its side is NULL, not a fake zero.
CREATE VIRTUAL TABLE temp.korea_china USING trade_imbalance(
  source=direct_trade, period=period, value=amount, flow=flow, by=partner);
SELECT period, exports, imports, round(balance, 1) AS balance,
       round(coverage, 1) AS "coverage %", round(normalized, 1) AS "normalized %",
       round(prior_balance, 1) AS prior_balance, round(balance_change, 1) AS change,
       round(exports_growth, 1) AS "exports %", round(imports_growth, 1) AS "imports %", note
FROM temp.korea_china WHERE partner = 'China';
.mode list
SELECT printf('The balance moved from a %.1f bn won surplus in H1 2022 to a %.1f bn won deficit in H1 2023 (%+.1f).',
              prior_balance, -balance, balance_change)
FROM temp.korea_china WHERE partner = 'China' AND period = '2023-H1';
