-- The figures of the article the project starts from:
-- Korea JoongAng Daily, "Trade imbalance widens as Koreans turn to Chinese
-- e-commerce" (2023), citing Statistics Korea (KOSIS) and the Korea
-- Customs Service.  Amounts in billion won unless the unit says otherwise.
-- Figures marked "derived" are computed from the article's own numbers.
INSERT INTO direct_trade (period, flow, partner, category, amount, unit, source) VALUES
  ('2023-H1', 'import', 'China', 'all', 1400,  'KRW bn',
   'JoongAng Daily 2023: Koreans bought 1.40 trillion won from Chinese platforms in H1 2023, up 106% on a year earlier'),
  ('2022-H1', 'import', 'China', 'all', 680.8, 'KRW bn',
   'JoongAng Daily 2023: 680.8 billion won in H1 2022'),
  ('2022-H2', 'import', 'China', 'all', 809.2, 'KRW bn',
   'derived: 2022 full year 1,490 billion won (JoongAng Daily 2023) minus H1 2022 680.8'),
  ('2023-H1', 'export', 'China', 'all', 451,   'KRW bn',
   'JoongAng Daily 2023: Chinese purchases from Korean platforms fell 40% to 451 billion won, 32% of the other direction'),
  ('2022-H1', 'export', 'China', 'all', 751.7, 'KRW bn',
   'derived: 451 billion won after a 40% fall (JoongAng Daily 2023) gives 451 / 0.6 = 751.7'),
  ('2018',    'import', 'World', 'all', 2.75,  'USD bn',
   'JoongAng Daily 2023: global overseas direct purchases US$2.75 billion in 2018'),
  ('2022',    'import', 'World', 'all', 4.73,  'USD bn',
   'JoongAng Daily 2023: global overseas direct purchases US$4.73 billion in 2022, China 36% of it');
