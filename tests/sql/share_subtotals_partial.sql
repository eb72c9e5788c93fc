.load build/tradestat
.headers on
.mode list
-- A total row beside continents whose countries are listed only in part
-- (docs/design.md, "A total row without `total=` is an error": over some
-- of the others).  Tables "by country (continent)" list the continents
-- beside their main partners only (KOSIS's major-country tables): Total =
-- Asia + Europe, but Asia holds more than China + Japan and Europe more
-- than Germany.  The total is neither the others' sum nor half of it
-- (2023: the others sum to 22000, half 11000, against the total's 12000),
-- so the rules over all the others let it through: every share was taken
-- over Total + continents + countries, China's 2023 share 15.3 % and the
-- Total's own 35.3 %, where plain SQL over the real total gives 5200 *
-- 100.0 / 12000 = 43.3.  The total is the sum of some of the others (two
-- of five) in every period where they all have figures: refused, naming
-- it and total=.  Round hundreds make a match of 2 of 32 subsets in two
-- periods likely enough by chance (1 in 23) that the figures alone do
-- not refuse it; its label, which reads as a total, does.
CREATE TABLE r(region TEXT, year TEXT, v INTEGER);
INSERT INTO r VALUES
  ('Total', '2022', 10000), ('Asia', '2022', 6000), ('China', '2022', 4000), ('Japan', '2022', 1500),
  ('Europe', '2022', 4000), ('Germany', '2022', 3000),
  ('Total', '2023', 12000), ('Asia', '2023', 7500), ('China', '2023', 5200), ('Japan', '2023', 1700),
  ('Europe', '2023', 4500), ('Germany', '2023', 3100);

-- @check share_subtotals_partial-1.1 the reference: the continents add up to Total, the countries listed do not add up to their continents
SELECT year, sum(v) FILTER (WHERE region = 'Total') AS total,
       sum(v) FILTER (WHERE region IN ('Asia', 'Europe')) AS continents,
       sum(v) FILTER (WHERE region NOT IN ('Total', 'Asia', 'Europe')) AS countries,
       round(100.0 * sum(v) FILTER (WHERE region = 'China') / sum(v) FILTER (WHERE region = 'Total'), 1) AS china_share
FROM r GROUP BY year;
-- @expect
-- | year|total|continents|countries|china_share
-- | 2022|10000|10000|8500|40.0
-- | 2023|12000|12000|10000|43.3
-- @check share_subtotals_partial-1.2 without total=: refused (China 2023 was 15.3, over Total + continents + countries)
SELECT count(*) AS shown FROM yoy_growth('r', 'v', 'year', 'region') WHERE series = 'China' AND period = '2023' AND round(share, 1) <> 43.3;
-- @error yoy_growth: share and contribution: the series region='Total' equals the sum of 2 of the other 5 series in the 2 periods where it and all of them have figures (a total row beside sub-totals?), so the total of the series counts those parts twice; name it with total= to divide by it, or leave it and the sub-totals out of the source
-- @check share_subtotals_partial-1.3 with total=: plain SQL's share
SELECT series, round(share, 1) AS share FROM yoy_growth('r', 'v', 'year', 'region', 'total=Total')
WHERE period = '2023' AND series = 'China';
-- @expect
-- | series|share
-- | China|43.3

-- Figures as published (thousands of dollars, not round): the matches
-- alone are unlikely by chance (2 of 32 subsets within a unit of six- and
-- five-digit figures in two periods), so a total with any label is
-- refused; and the same table without its total row is ordinary.
CREATE TABLE q(region TEXT, year TEXT, v INTEGER);
INSERT INTO q VALUES
  ('R0', '2022', 100437), ('Asia', '2022', 61212), ('China', '2022', 40371), ('Japan', '2022', 15118),
  ('Europe', '2022', 39225), ('Germany', '2022', 30093),
  ('R0', '2023', 121906), ('Asia', '2023', 75583), ('China', '2023', 52007), ('Japan', '2023', 17311),
  ('Europe', '2023', 46323), ('Germany', '2023', 31148);
-- @check share_subtotals_partial-2.1 the reference: R0 = Asia + Europe in both years
SELECT year, sum(v) FILTER (WHERE region = 'R0') AS r0, sum(v) FILTER (WHERE region IN ('Asia', 'Europe')) AS continents
FROM q GROUP BY year;
-- @expect
-- | year|r0|continents
-- | 2022|100437|100437
-- | 2023|121906|121906
-- @check share_subtotals_partial-2.2 refused by the figures alone
SELECT count(share) FROM yoy_growth('q', 'v', 'year', 'region');
-- @error yoy_growth: share and contribution: the series region='R0' equals the sum of 2 of the other 5 series in the 2 periods where it and all of them have figures (a total row beside sub-totals?), so the total of the series counts those parts twice; name it with total= to divide by it, or leave it and the sub-totals out of the source
-- @check share_subtotals_partial-2.3 with total=R0: plain SQL's share, 52007 * 100.0 / 121906
SELECT round(share, 2) AS share, round(52007 * 100.0 / 121906, 2) AS plain FROM yoy_growth('q', 'v', 'year', 'region', 'total=R0')
WHERE series = 'China' AND period = '2023';
-- @expect
-- | share|plain
-- | 42.66|42.66
-- @check share_subtotals_partial-2.4 a part labelled 'Total' above the sum of the others in every period (9000 against 7400, 9800 against 7700) is the sum of none of them but reads as a total over parts not all listed (a World beside some partners): refused, never a share over the sum of all that would halve a real total's parts (docs/design.md; tests/sql/share_world_partial.sql)
CREATE TABLE o(region TEXT, year TEXT, v INTEGER);
INSERT INTO o VALUES ('Total', '2022', 9000), ('a', '2022', 3000), ('b', '2022', 2500), ('c', '2022', 1200), ('d', '2022', 700),
  ('Total', '2023', 9800), ('a', '2023', 3100), ('b', '2023', 2300), ('c', '2023', 1400), ('d', '2023', 900);
SELECT series, round(share, 2) AS share FROM yoy_growth('o', 'v', 'year', 'region') WHERE period = '2023' ORDER BY series;
-- @error yoy_growth: share and contribution: the series region='Total' reads as a total and is not below the sum of the other 4 series in any of the 2 periods where it and two of them have figures (a total over parts not all listed?), so the total of the series counts the listed parts twice; name it with total='Total' to divide by it, or leave it out of the source
-- @check share_subtotals_partial-2.5 the same inside groups (two by columns): each flow's R0
CREATE TABLE qb(flow TEXT, region TEXT, year TEXT, v INTEGER);
INSERT INTO qb SELECT 'export', region, year, v FROM q;
INSERT INTO qb SELECT 'import', region, year, v * 3 FROM q;
SELECT count(share) FROM yoy_growth('qb', 'v', 'year', 'flow, region');
-- @error yoy_growth: share and contribution: the series flow='export', region='R0' equals the sum of 2 of the other 5 series with flow='export' in the 2 periods where it and all of them have figures (a total row beside sub-totals?), so the total of the series counts those parts twice; name it with total= to divide by it, or leave it and the sub-totals out of the source
-- @check share_subtotals_partial-2.6 the same part under a label that does not read as a total: shares over the sum of all, 9800 / 17500
CREATE TABLE o2 AS SELECT CASE region WHEN 'Total' THEN 'Korea' ELSE region END AS region, year, v FROM o;
SELECT series, round(share, 2) AS share, round(100.0 * v / 17500, 2) AS plain FROM yoy_growth('o2', 'v', 'year', 'region') JOIN o2 ON region = series AND year = period WHERE period = '2023' ORDER BY series;
-- @expect
-- | series|share|plain
-- | Korea|56.0|56.0
-- | a|17.71|17.71
-- | b|13.14|13.14
-- | c|8.0|8.0
-- | d|5.14|5.14
