.load build/tradestat
.mode list
.headers off
-- A customs-style table as an analyst gets it, and the trade_imbalance
-- table against the plain SQL of the same question: conditional sums of
-- the two flows per country, HS code and month, and a self-join for the
-- same month a year earlier.  HS codes written with their leading zero
-- into an INTEGER column ('0101' is stored as 101), country names in
-- three cases under NOCASE and one with a trailing space, flows spelled
-- 'Export', 'export ', ' IMPORT', 'Imports', two rows of one side in a
-- month (two declarations), a month with exports only, a month with zero
-- imports, a negative correction and a month whose net exports are
-- negative, amounts as text with thousands separators and KOSIS's '-'.

CREATE TABLE customs(ym TEXT, flow TEXT, country TEXT COLLATE NOCASE, hs INTEGER, amount);
INSERT INTO customs VALUES
  ('2022-01', 'Export', 'China', '0101', 100), ('2022-01', 'import', 'china', '0101', 400),
  ('2022-02', 'export ', 'CHINA', '0101', 120), ('2022-02', ' IMPORT', 'China', '0101', 100),
  ('2022-03', 'Export', 'China', '0101', 90), ('2022-03', 'Imports', 'China', '0101', 60),
  ('2022-04', 'Export', 'China', '0101', 50), ('2022-04', 'Imports', 'China', '0101', 25),
  ('2023-01', 'Export', 'China', '0101', '1,000'), ('2023-01', 'Export', 'China', '0101', 200),
  ('2023-01', 'import', 'CHINA', 101, 500),
  ('2023-02', 'export', 'china', '0101', 130), ('2023-02', 'import', 'China', '0101', '-'),
  ('2023-03', 'Export', 'China', '0101', 95), ('2023-03', 'import', 'China', '0101', 0),
  ('2023-04', 'Export', 'China', '0101', -30), ('2023-04', 'Import', 'China', '0101', 20),
  ('2023-04', 'Export', 'China', '0101', 10),
  ('2022-01', 'Export', 'China ', '8542', 7), ('2022-01', 'Import', 'China ', '8542', 3),
  ('2023-01', 'Export', 'Japan', 8542, 5), ('2023-01', 'Import', 'Japan', '08542', 6);

-- The plain meaning: sums of each side (NULL when the side has no
-- figure), the balance and coverage, and the balance of the same month a
-- year earlier when both sides had a figure then (and now: a month with
-- one side has no measure, its prior balance included).
CREATE TEMP VIEW plain AS
  WITH s AS (
    SELECT country, hs, period_normalize(ym) AS p,
           sum(CASE WHEN lower(trim(flow)) IN ('export', 'exports')
                    THEN CAST(replace(nullif(amount, '-'), ',', '') AS INTEGER) END) AS x,
           sum(CASE WHEN lower(trim(flow)) IN ('import', 'imports')
                    THEN CAST(replace(nullif(amount, '-'), ',', '') AS INTEGER) END) AS m
    FROM customs GROUP BY country, hs, p)
  SELECT a.country, a.hs, a.p, a.x, a.m, a.x - a.m AS balance,
         CASE WHEN a.x >= 0 AND a.m > 0 THEN 100.0 * a.x / a.m END AS coverage,
         CASE WHEN a.x IS NOT NULL AND a.m IS NOT NULL THEN b.x - b.m END AS prior_balance
  FROM s AS a LEFT JOIN s AS b
    ON b.country = a.country AND b.hs = a.hs AND b.p = period_prior_year(a.p);
CREATE VIRTUAL TABLE temp.imbalance USING trade_imbalance(source=customs, value=amount,
  period=ym, flow=flow, by='country, hs', grain=month);

-- 1. Every row the same as plain SQL's, and as many: China's 101 (one
-- series whatever the case, the HS code 101 however written), 'China '
-- (NOCASE keeps the trailing space: another name), Japan's 8542 once
-- ('08542' is 8542 in an INTEGER column).  2 + 4 + 4 + 1 + 1 months = 10.
-- @check trade_customs_analyst-1.1
SELECT count(*) FROM temp.imbalance;
-- @expect 10
-- @check trade_customs_analyst-1.2 rows of the table that plain SQL lacks, then the reverse
SELECT country, hs, period, exports, imports, balance, coverage, prior_balance FROM temp.imbalance
EXCEPT SELECT * FROM plain;
SELECT * FROM plain
EXCEPT SELECT country, hs, period, exports, imports, balance, coverage, prior_balance
FROM temp.imbalance;
-- @expect

-- 2. The figures by hand.  January 2023: exports 1,000 + 200 = 1,200
-- (two declarations), imports 500, balance 700 against 100 - 400 = -300
-- a year earlier: change 1,000, growth 1000 / |-300| = +333.3 %.
-- February: no import figure ('-'): 'no imports', never a zero.  March:
-- imports 0: coverage NULL ('imports are zero'), balance 95.  April:
-- exports -30 + 10 = -20 (a correction larger than the month): the
-- balance -40 is given, the ratios are not ('negative flow').
-- @check trade_customs_analyst-2.1
SELECT period, exports, imports, balance, prior_balance, balance_change,
       round(balance_growth, 1), round(coverage, 2), note
FROM temp.imbalance WHERE country = 'china' AND hs = 101 ORDER BY period;
-- @expect
-- | 2022-01|100|400|-300||||25.0|no prior period
-- | 2022-02|120|100|20||||120.0|no prior period
-- | 2022-03|90|60|30||||150.0|no prior period
-- | 2022-04|50|25|25||||200.0|no prior period
-- | 2023-01|1200|500|700|-300|1000|333.3|240.0|
-- | 2023-02|130|||||||no imports
-- | 2023-03|95|0|95|30|65|216.7||imports are zero
-- | 2023-04|-20|20|-40|25|-65|-260.0||negative flow

-- 3. Without grain=, the two January 2023 export declarations are an
-- error naming the series, not a figure for one of them.
-- @check trade_customs_analyst-3.1
SELECT count(*) FROM trade_imbalance('customs', 'amount', 'ym', 'flow', 'country, hs');
-- @error trade_imbalance: 2 rows on the 'export' side of "flow" for period '2023-01' of series country='China', hs=101; without grain= a series has one row per period: name the column that tells them apart in by=, or sum them on purpose with grain=month or a GROUP BY view

-- 4. The customs service's own words need the labels named: '수출' and
-- '수입' are no default (the defaults are KOSIS's direct-trade words), an
-- error rather than rows dropped; named, they are the two sides.
CREATE TABLE kcs(ym TEXT, flow TEXT, amount INTEGER);
INSERT INTO kcs VALUES ('2023-01', '수출', 10), ('2023-01', '수입', 40);
-- @check trade_customs_analyst-4.1
SELECT count(*) FROM trade_imbalance('kcs', 'amount', 'ym', 'flow');
-- @error trade_imbalance: unknown flow label '수출' in column "flow" (exports are 'export', 'exports', 'X', '판매' or '해외직접판매'; imports are 'import', 'imports', 'M', '구매' or '해외직접구매'; name your labels with export_label= and import_label=)
-- @check trade_customs_analyst-4.2
SELECT exports, imports, balance, coverage
FROM trade_imbalance('kcs', 'amount', 'ym', 'flow', '', 'export_label=수출, import_label=수입');
-- @expect 10|40|-30|25.0
