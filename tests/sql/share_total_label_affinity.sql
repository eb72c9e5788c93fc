.load build/tradestat
.headers off
.mode list
-- total=LABEL finds its series as SQL compares keys (docs/design.md):
-- under the by column's collation, and, since this file, with its
-- affinity.  The label was compared with the key's text alone, so on a
-- REAL column (pandas writes an integer code column that holds a NaN as
-- float64, declared REAL: UN Comtrade's partner code 0, the World, is
-- stored as 0.0) total=0 found no series: CAST(0.0 AS TEXT) is '0.0',
-- not '0'.  Input: codes 0.0 (the total: 100 in 2022, 200 in 2023), 1.0
-- (60, 150) and 2.0 (40, 50).  Wrong: the error "total='0' names a
-- value of k, the by column, but no series with a figure has k='0'",
-- where `WHERE k = '0'` (and `WHERE k = 0`) on the source finds the
-- total's rows; right: the shares over them, 75.0 and 25.0 in 2023, as
-- plain SQL divides.  The same on an INTEGER column for a label SQL
-- reads as its number ('0.0', '00').  A column without affinity keeps
-- the text match (total=1 finds an INTEGER 1 there, as before).
CREATE TABLE r(k REAL, p TEXT, v INTEGER);
INSERT INTO r VALUES (0, '2022', 100), (1, '2022', 60), (2, '2022', 40),
                     (0, '2023', 200), (1, '2023', 150), (2, '2023', 50);
CREATE VIEW r_share AS
  SELECT a.k, a.p, 100.0 * a.v / t.v AS share FROM r AS a JOIN r AS t ON t.p = a.p AND t.k = '0';

-- @check share_total_label_affinity-1.1 plain SQL: k = '0' finds the total's rows on a REAL column
SELECT k, share FROM r_share WHERE p = '2023' ORDER BY k;
-- @expect
-- | 0.0|100.0
-- | 1.0|75.0
-- | 2.0|25.0
-- @check share_total_label_affinity-1.2 the CREATE form with total=0: the same shares (was the error)
CREATE VIRTUAL TABLE gr USING yoy_growth(source=r, value=v, period=p, by=k, total=0);
SELECT k, share FROM gr WHERE period = '2023' ORDER BY k;
-- @expect
-- | 0.0|100.0
-- | 1.0|75.0
-- | 2.0|25.0
-- @check share_total_label_affinity-1.3 the table-valued form, share_change and contribution too
SELECT series, share, share_change, contribution
FROM yoy_growth('r', 'v', 'p', 'k', 'total=0') WHERE period = '2023' ORDER BY series;
-- @expect
-- | 0.0|100.0|0.0|100.0
-- | 1.0|75.0|15.0|90.0
-- | 2.0|25.0|-15.0|10.0
-- @check share_total_label_affinity-1.4 total='0.0', the key's text, still finds it
SELECT series, share FROM yoy_growth('r', 'v', 'p', 'k', 'total=0.0') WHERE period = '2023' ORDER BY series;
-- @expect
-- | 0.0|100.0
-- | 1.0|75.0
-- | 2.0|25.0
-- @check share_total_label_affinity-1.5 a label no key equals is still refused
SELECT series, share FROM yoy_growth('r', 'v', 'p', 'k', 'total=3') WHERE period = '2023';
-- @error yoy_growth: total='3' names a value of k, the by column, but no series with a figure has k='3' (or leave total= out)

-- 2. An INTEGER column: '00' is 0 to SQL (k = '00' holds), so total=00
-- names the series 0.
CREATE TABLE i(k INTEGER, p TEXT, v INTEGER);
INSERT INTO i SELECT CAST(k AS INTEGER), p, v FROM r;
-- @check share_total_label_affinity-2.1 plain SQL: k = '00' holds for the INTEGER 0
SELECT count(*), sum(v) FROM i WHERE k = '00';
-- @expect 2|300
-- @check share_total_label_affinity-2.2 total=00 divides by the series 0 (was the error)
SELECT series, share FROM yoy_growth('i', 'v', 'p', 'k', 'total=00') WHERE period = '2023' ORDER BY series;
-- @expect
-- | 0|100.0
-- | 1|75.0
-- | 2|25.0

-- 3. A column without affinity: k = '1' does not hold for the INTEGER 1,
-- but the label is also read as the key's text, as before.
CREATE TABLE u(k, p TEXT, v INTEGER);
INSERT INTO u VALUES (1, '2022', 100), ('a', '2022', 60), ('b', '2022', 40),
                     (1, '2023', 200), ('a', '2023', 150), ('b', '2023', 50);
-- @check share_total_label_affinity-3.1 total=1 finds the INTEGER 1 by its text
SELECT series, share FROM yoy_growth('u', 'v', 'p', 'k', 'total=1') WHERE period = '2023' ORDER BY series;
-- @expect
-- | 1|100.0
-- | a|75.0
-- | b|25.0
