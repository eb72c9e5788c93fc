.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails until a series labelled as a total
-- ('Total', '합계', 'World' ...) beside continents whose countries are
-- listed only in part is refused without total=: check 1.2).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/share_subtotals_partial.sql
-- Tables "by country (continent)" list the continents beside their main
-- partners only (KOSIS's major-country tables): Total = Asia + Europe,
-- but Asia holds more than China + Japan and Europe more than Germany.
-- The total-row guard is arithmetic alone (growth/total_row.c): the
-- total is neither the others' sum nor half of it (2023: the others sum
-- to 22000, half 11000, against the total's 12000), so
-- nothing is refused and every share is taken over Total + continents +
-- countries: China's 2023 share 15.3 % and the Total's own 35.3 %, where
-- plain SQL over the real total gives 5200 * 100.0 / 12000 = 43.3.  The
-- label is read only to name a series the arithmetic already caught
-- (ts_total_label_like in growth/shares.c).  The fix lies there: a
-- series of the last by column whose label reads as a total, larger than
-- every other series of its group in every period, makes share,
-- share_change and contribution an error naming it and total= (as the
-- arithmetic rules do), so the analyst names it or leaves the
-- sub-totals out (check 1.2 then becomes an @error check with that
-- message; as written it states the plain-SQL fact: no share but 43.3).
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
-- @check share_subtotals_partial-1.2 without total=: China 2023 was 15.3 (over Total + continents + countries); not a share of plain SQL's 43.3
SELECT count(*) AS shown FROM yoy_growth('r', 'v', 'year', 'region') WHERE series = 'China' AND period = '2023' AND round(share, 1) <> 43.3;
-- @expect
-- | shown
-- | 0
-- @check share_subtotals_partial-1.3 with total=: plain SQL's share
SELECT series, round(share, 1) AS share FROM yoy_growth('r', 'v', 'year', 'region', 'total=Total')
WHERE period = '2023' AND series = 'China';
-- @expect
-- | series|share
-- | China|43.3
