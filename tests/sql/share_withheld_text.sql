.load build/tradestat
-- A part's cell without a figure makes its period's total unknown, so
-- no share of that period is given (reference/growth.md, "Share and
-- contribution").  The scan reads text '-', 'x' and '' as NULL, but the
-- read of rows without a figure for the totals asked SQL for `IS NULL`
-- alone, so the same cell written as text -- what sqlite-utils'
-- CSV import, the shell's .import or a hand-typed table leave -- was a
-- part with nothing in it: parts 50/30/20 in 2022 and 60/40/'-' in 2023
-- gave a and b 60 % and 40 % of the two known figures, a share change
-- of 10 points each and contributions of 10 points each.
-- Plain meaning: the 2023 total is a + b + c with c unknown, so it is
-- unknown; share, share_change and contribution of 2023 are NULL
-- (the 2022 shares stay 50/30/20: 50 / (50 + 30 + 20)).
.mode list
.headers off

CREATE TABLE parts(part TEXT, year TEXT, v);
INSERT INTO parts VALUES ('a', '2022', 50), ('b', '2022', 30), ('c', '2022', 20),
  ('a', '2023', 60), ('b', '2023', 40), ('c', '2023', '-');
CREATE VIRTUAL TABLE temp.parts_hash USING yoy_growth(source=parts, value=v, period=year, by=part, scan=hash);
CREATE VIRTUAL TABLE temp.parts_stream USING yoy_growth(source=parts, value=v, period=year, by=part, scan=stream);

-- @check share-withheld-text-1.1 '-' in a part's cell: no 2023 share, share change or contribution
SELECT series, period, value, share, share_change, contribution FROM yoy_growth('parts', 'v', 'year', 'part')
 ORDER BY period, series;
-- @expect
-- | a|2022|50|50.0||
-- | b|2022|30|30.0||
-- | c|2022|20|20.0||
-- | a|2023|60|||
-- | b|2023|40|||

-- @check share-withheld-text-1.2 both scan paths agree
SELECT part, period, share, share_change, contribution FROM parts_hash WHERE period = '2023'
UNION ALL
SELECT part, period, share, share_change, contribution FROM parts_stream WHERE period = '2023';
-- @expect
-- | a|2023|||
-- | b|2023|||
-- | a|2023|||
-- | b|2023|||

-- @check share-withheld-text-1.3 'x' (confidential), as KOSIS prints it
UPDATE parts SET v = 'x' WHERE v = '-';
SELECT series, share FROM yoy_growth('parts', 'v', 'year', 'part') WHERE period = '2023';
-- @expect
-- | a|
-- | b|

-- @check share-withheld-text-1.4 an empty cell, as .import leaves it
UPDATE parts SET v = '' WHERE v = 'x';
SELECT series, share FROM yoy_growth('parts', 'v', 'year', 'part') WHERE period = '2023';
-- @expect
-- | a|
-- | b|

-- @check share-withheld-text-1.5 a figure written as text is a figure: 60 / (60 + 40 + 1400) = 4 %
UPDATE parts SET v = '1,400' WHERE v = '';
UPDATE parts SET v = '60' WHERE part = 'a' AND year = '2023';
SELECT series, share FROM yoy_growth('parts', 'v', 'year', 'part') WHERE period = '2023';
-- @expect
-- | a|4.0
-- | b|2.66666666666667
-- | c|93.3333333333333

-- @check share-withheld-text-2.1 with total=, the total series' own '-' makes its period unknown
CREATE TABLE tot(r TEXT, y TEXT, v);
INSERT INTO tot VALUES ('Total', '2022', 200), ('a', '2022', 50), ('b', '2022', 30),
  ('Total', '2023', '-'), ('a', '2023', 60), ('b', '2023', 40);
SELECT series, period, share FROM yoy_growth('tot', 'v', 'y', 'r', 'total=Total') ORDER BY period, series;
-- @expect
-- | Total|2022|100.0
-- | a|2022|25.0
-- | b|2022|15.0
-- | a|2023|
-- | b|2023|

-- @check share-withheld-text-2.2 with total=, a part's '-' is not in the divisor: 60 / 250 = 24 %
UPDATE tot SET v = 250 WHERE r = 'Total' AND y = '2023';
UPDATE tot SET v = '-' WHERE r = 'b' AND y = '2023';
SELECT series, period, share FROM yoy_growth('tot', 'v', 'y', 'r', 'total=Total') WHERE period = '2023';
-- @expect
-- | Total|2023|100.0
-- | a|2023|24.0
