.load build/tradestat
-- Growth of integer totals past 2^53 is the difference of the exact
-- totals over the base, as plain SQL's (a - b) * 100.0 / abs(b) takes
-- it: the integers are subtracted before anything is rounded.  Each
-- total was rounded to a double first, so 100000000000000010 against
-- 100000000000000000 (a change of 10, shown as such in the table's
-- `change` column) gave 1.6e-14 % instead of 1e-14 %, and 2^53 + 1
-- against 2^53 a growth of exactly 0 % for totals that differ.
.mode list
.headers off

CREATE TABLE big(k TEXT, p TEXT, v INTEGER);
INSERT INTO big VALUES ('a', '2022-01', 100000000000000000), ('a', '2023-01', 100000000000000010),
  ('b', '2022-01', 9007199254740992), ('b', '2023-01', 9007199254740993),
  ('c', '2022-01', -100000000000000000), ('c', '2023-01', -100000000000000010);
CREATE VIEW plain AS
  SELECT n.k, (n.v - o.v) * 100.0 / abs(o.v) AS growth
    FROM big n JOIN big o ON o.k = n.k AND o.p = '2022-01' WHERE n.p = '2023-01';

-- The plain-SQL figures the checks below must equal.
-- @check growth-exact-1.1 plain SQL: 10 / 1e17 * 100, 1 / 2^53 * 100, -10 / 1e17 * 100
SELECT k, growth FROM plain ORDER BY k;
-- @expect
-- | a|1.0e-14
-- | b|1.11022302462516e-14
-- | c|-1.0e-14

-- @check growth-exact-1.2 pct_change of two INTEGERs differences them exactly
SELECT pct_change(100000000000000010, 100000000000000000), pct_change(9007199254740993, 9007199254740992),
       pct_change('-100000000000000010', '-100000000000000000');
-- @expect 1.0e-14|1.11022302462516e-14|-1.0e-14

-- @check growth-exact-1.3 the aggregates equal plain SQL to the bit
SELECT b.k, yoy_growth(v, p) = growth, ytd_growth(v, p) = growth
  FROM big b JOIN plain USING (k) GROUP BY b.k ORDER BY b.k;
-- @expect
-- | a|1|1
-- | b|1|1
-- | c|1|1

-- @check growth-exact-1.4 the window, default frame (INTEGER months) and ROWS frame
SELECT k, yoy_growth(v, p) OVER w = growth, ytd_growth(v, p) OVER w = growth,
       yoy_growth(v, p) OVER (PARTITION BY k ORDER BY p ROWS 1 PRECEDING) = growth
  FROM big JOIN plain USING (k) WINDOW w AS (PARTITION BY k ORDER BY p) ORDER BY k, p;
-- @expect
-- | a|||
-- | a|1|1|1
-- | b|||
-- | b|1|1|1
-- | c|||
-- | c|1|1|1

-- @check growth-exact-1.5 the virtual table: growth is change over |prior_value|
SELECT y.series, y.change, y.growth = plain.growth, y.ytd_growth = plain.growth,
       y.growth = y.change * 100.0 / abs(y.prior_value)
  FROM yoy_growth('big', 'v', 'p', 'k') y JOIN plain ON plain.k = y.series
 WHERE y.period = '2023-01' ORDER BY y.series;
-- @expect
-- | a|10|1|1|1
-- | b|1|1|1|1
-- | c|-10|1|1|1

-- The trade balance's growth likewise: exports of 1e17 + 10 against 1e17
-- with no imports, a balance change of 10 (its growth was 1.6e-14).
CREATE TABLE bigtrade(p TEXT, f TEXT, v INTEGER);
INSERT INTO bigtrade VALUES ('2022', 'export', 100000000000000000), ('2023', 'export', 100000000000000010),
  ('2022', 'import', 0), ('2023', 'import', 0);
-- @check growth-exact-2.1 balance_growth from the exact balances, as exports_growth and plain SQL
SELECT period, balance_change, balance_growth, exports_growth,
       (100000000000000010 - 100000000000000000) * 100.0 / abs(100000000000000000) AS plain
FROM trade_imbalance('bigtrade', 'v', 'p', 'f') WHERE period = '2023';
-- @expect
-- | 2023|10|1.0e-14|1.0e-14|1.0e-14
