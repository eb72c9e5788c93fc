.load build/tradestat
.mode list
.headers on
-- A total row over sub-totals.  KOSIS's "국가(대륙)별" and customs tables
-- list continents beside their countries: Total = Asia + Europe, Asia =
-- China + Japan, Europe = Germany + France.  Summed as parts, the total
-- of the series is three times the real one, and every share a third of
-- itself: China's 2023 share came out 14.4 % (520 / 3,600), the total
-- row's 33.3 %, with nothing to tell.  The total row is exactly half the
-- sum of the others in every period where all of them have figures (and
-- not below it where one is missing): refused like a total row over its
-- parts, naming it and total=.  Plain SQL of the right share, over the
-- real total: 520 * 100.0 / 1200 = 43.3.
CREATE TABLE r(region TEXT, year TEXT, v INTEGER);
INSERT INTO r VALUES
  ('Total', '2022', 1000), ('Asia', '2022', 600), ('China', '2022', 400), ('Japan', '2022', 200),
  ('Europe', '2022', 400), ('Germany', '2022', 300), ('France', '2022', 100),
  ('Total', '2023', 1200), ('Asia', '2023', 750), ('China', '2023', 520), ('Japan', '2023', 230),
  ('Europe', '2023', 450), ('Germany', '2023', 310), ('France', '2023', 140);

-- @check share_subtotals-1.1 the reference: the share over the real total, in plain SQL
SELECT round(520 * 100.0 / (SELECT v FROM r WHERE region = 'Total' AND year = '2023'), 1) AS china_share;
-- @expect
-- | china_share
-- | 43.3
-- @check share_subtotals-1.2 without total=: refused, not shares of three times the total
SELECT series, round(share, 1) AS share FROM yoy_growth('r', 'v', 'year', 'region') WHERE period = '2023';
-- @error yoy_growth: share and contribution: the series region='Total' equals half the sum of the other 6 series in 2 of the 2 periods where all of them have figures (a total row over sub-totals?), so the total of the series counts its parts three times; name it with total= to divide by it, or leave it and the sub-totals out of the source
-- @check share_subtotals-1.3 the other columns are unaffected
SELECT series, value, growth FROM yoy_growth('r', 'v', 'year', 'region') WHERE period = '2023' AND series = 'China';
-- @expect
-- | series|value|growth
-- | China|520|30.0
-- @check share_subtotals-1.4 with total=: each share over the real total
SELECT series, round(share, 1) AS share FROM yoy_growth('r', 'v', 'year', 'region', 'total=Total')
WHERE period = '2023' AND series IN ('China', 'Asia', 'Total') ORDER BY series;
-- @expect
-- | series|share
-- | Asia|62.5
-- | China|43.3
-- | Total|100.0

-- The same inside groups (two by columns): each flow's World over its
-- continents and their countries.
CREATE TABLE b(flow TEXT, partner TEXT, year TEXT, v INTEGER);
INSERT INTO b SELECT 'export', region, year, v FROM r;
INSERT INTO b SELECT 'import', region, year, v * 2 + (region = 'Japan') * 0 FROM r;
-- @check share_subtotals-2.1
SELECT count(*) FROM yoy_growth('b', 'v', 'year', 'flow, partner') WHERE share IS NOT NULL;
-- @error yoy_growth: share and contribution: the series flow='export', partner='Total' equals half the sum of the other 6 series with flow='export' in 2 of the 2 periods where all of them have figures (a total row over sub-totals?), so the total of the series counts its parts three times; name it with total= to divide by it, or leave it and the sub-totals out of the source

-- Ordinary parts are not refused: one part that is half the others in
-- one period only, and a table of three series (a total over two parts
-- is the exact rule's).
CREATE TABLE o(k TEXT, year TEXT, v INTEGER);
INSERT INTO o VALUES ('a', '2022', 30), ('b', '2022', 20), ('c', '2022', 25), ('d', '2022', 15),
  ('a', '2023', 31), ('b', '2023', 20), ('c', '2023', 25), ('d', '2023', 18);
-- @check share_subtotals-3.1 'a' is half the others in 2022 (30 = 60 / 2) but not in 2023 (31, 63)
SELECT series, round(share, 2) AS share FROM yoy_growth('o', 'v', 'year', 'k') WHERE period = '2022' ORDER BY series;
-- @expect
-- | series|share
-- | a|33.33
-- | b|22.22
-- | c|27.78
-- | d|16.67
-- @check share_subtotals-3.2 small counts in one period: 3 = (2 + 2 + 2) / 2 proves nothing (a match of
-- one unit in 3 is likely by chance), so the shares are shown
CREATE TABLE small(k TEXT, year TEXT, v INTEGER);
INSERT INTO small VALUES ('a', '2023', 3), ('b', '2023', 2), ('c', '2023', 2), ('d', '2023', 2);
SELECT series, round(share, 2) AS share FROM yoy_growth('small', 'v', 'year', 'k') ORDER BY series;
-- @expect
-- | series|share
-- | a|33.33
-- | b|22.22
-- | c|22.22
-- | d|22.22

-- REAL figures (one decimal, as published in hundred million dollars):
-- the same rule to floating-point rounding.
CREATE TABLE d(region TEXT, year TEXT, v REAL);
INSERT INTO d SELECT region, year, v / 10.0 + 0.1 * (region IN ('China', 'Germany', 'Asia', 'Europe'))
  + 0.2 * (region = 'Total') FROM r;
-- @check share_subtotals-4.1 the reference: Total = Asia + Europe and each continent its countries' sum
SELECT year, sum(v) FILTER (WHERE region = 'Total') AS total, round(sum(v) FILTER (WHERE region <> 'Total'), 9) AS others
FROM d GROUP BY year;
-- @expect
-- | year|total|others
-- | 2022|100.2|200.4
-- | 2023|120.2|240.4
-- @check share_subtotals-4.2
SELECT count(*) FROM yoy_growth('d', 'v', 'year', 'region') WHERE share IS NOT NULL;
-- @error yoy_growth: share and contribution: the series region='Total' equals half the sum of the other 6 series in 2 of the 2 periods where all of them have figures (a total row over sub-totals?), so the total of the series counts its parts three times; name it with total= to divide by it, or leave it and the sub-totals out of the source

-- A withheld country (KOSIS's x: NULL, or no row at all) is still in its
-- continent and in the total: where it is missing the total is larger
-- than half the others; a year where every region has its figure still
-- matches exactly (five-digit figures: one exact match is no chance).
CREATE TABLE w(region TEXT, year TEXT, v INTEGER);
INSERT INTO w VALUES
  ('Total', '2022', 10003), ('Asia', '2022', 5999), ('China', '2022', 4012), ('Japan', '2022', 1987),
  ('Europe', '2022', 4004), ('Germany', '2022', 3001), ('France', '2022', 1003),
  ('Total', '2023', 12030), ('Asia', '2023', 7514), ('China', '2023', 5203), ('Japan', '2023', NULL),
  ('Europe', '2023', 4516), ('Germany', '2023', 3107), ('France', '2023', 1409);
-- @check share_subtotals-5.1 a NULL (withheld) part: 2023's others sum to 2 x 12030 - 2311 (Japan)
SELECT count(*) FROM yoy_growth('w', 'v', 'year', 'region') WHERE share IS NOT NULL;
-- @error yoy_growth: share and contribution: the series region='Total' equals half the sum of the other 6 series in 1 of the 1 periods where all of them have figures, and is larger where one is missing (a total row over sub-totals?), so the total of the series counts its parts three times; name it with total= to divide by it, or leave it and the sub-totals out of the source
-- @check share_subtotals-5.2 no row at all
DELETE FROM w WHERE v IS NULL;
SELECT count(*) FROM yoy_growth('w', 'v', 'year', 'region') WHERE share IS NOT NULL;
-- @error yoy_growth: share and contribution: the series region='Total' equals half the sum of the other 6 series in 1 of the 1 periods where all of them have figures, and is larger where one is missing (a total row over sub-totals?), so the total of the series counts its parts three times; name it with total= to divide by it, or leave it and the sub-totals out of the source
-- @check share_subtotals-5.3 with total=, the shares of 2022 over the real total: China 4012 / 10003
SELECT series, round(share, 1) AS share FROM yoy_growth('w', 'v', 'year', 'region', 'total=Total')
WHERE period = '2022' AND series IN ('China', 'Total') ORDER BY series;
-- @expect
-- | series|share
-- | China|40.1
-- | Total|100.0
-- @check share_subtotals-5.4 a series below half the others where one is missing is no total over them:
-- 2023's Total made 6000, below (7514 + 5203 + 4516 + 3107 + 1409) / 2 = 10874.5: the shares are shown
UPDATE w SET v = 6000 WHERE region = 'Total' AND year = '2023';
SELECT count(*) > 0 FROM yoy_growth('w', 'v', 'year', 'region') WHERE share IS NOT NULL;
-- @expect
-- | count(*) > 0
-- | 1
