.load build/tradestat
.headers on
.mode list
-- yoy_growth's share, share_change and contribution when a part of the
-- group has a row whose value is NULL in a period: KOSIS's `x`
-- (confidential) or `-`, which kosis_csv reads as NULL.  The scan skips
-- such a row (sum() would too), so without total= the group's total was
-- the sum of the other parts: a at 60 of 60 + 40 + (c withheld) showed a
-- share of 60.0, +10.0 points, with nothing to say c's figure was left
-- out.  The total of such a period is unknown: its shares, their changes
-- (that year's and the next's, whose prior share it is) and the
-- contributions that divide by it are NULL, like a period missing a
-- month under grain=.  Plain SQL: sum(v) over the group is unknown when a
-- v is NULL, i.e. value * 100.0 / sum(v) OVER (PARTITION BY ..., period)
-- but NULL where count(*) differs from count(v).
CREATE TABLE t(region TEXT, year TEXT, v INTEGER);
INSERT INTO t VALUES
  ('a', '2022', 50), ('b', '2022', 30), ('c', '2022', 20),
  ('a', '2023', 60), ('b', '2023', 40), ('c', '2023', NULL),
  ('a', '2024', 60), ('b', '2024', 20), ('c', '2024', 20);

-- @check share_withheld-1.1 one by column: 2023 unknown, 2024's change (its prior share unknown) too; 2024's contribution divides by 2023's unknown total
SELECT series, period, value, share, share_change, contribution
FROM yoy_growth('t', 'v', 'year', 'region');
-- @expect
-- | series|period|value|share|share_change|contribution
-- | a|2022|50|50.0||
-- | a|2023|60|||
-- | a|2024|60|60.0||
-- | b|2022|30|30.0||
-- | b|2023|40|||
-- | b|2024|20|20.0||
-- | c|2022|20|20.0||
-- | c|2024|20|20.0||
-- @check share_withheld-1.2 the same through the hash and the streamed read, and the CREATE form with a WHERE (totals never read with it)
SELECT series, period, share, share_change, contribution
FROM yoy_growth('t', 'v', 'year', 'region', 'scan=hash') WHERE period = '2023';
SELECT series, period, share, share_change, contribution
FROM yoy_growth('t', 'v', 'year', 'region', 'scan=stream') WHERE series = 'a';
CREATE VIRTUAL TABLE t_growth USING yoy_growth(source=t, value=v, period=year, by=region);
SELECT region, period, share, share_change FROM t_growth WHERE region = 'b' AND period >= '2023';
-- @expect
-- | series|period|share|share_change|contribution
-- | a|2023|||
-- | b|2023|||
-- | series|period|share|share_change|contribution
-- | a|2022|50.0||
-- | a|2023|||
-- | a|2024|60.0||
-- | region|period|share|share_change
-- | b|2023||
-- | b|2024|20.0|

-- Several by columns: only the group holding the NULL row is unknown.
CREATE TABLE bi(flow TEXT, partner TEXT, year TEXT, v INTEGER);
INSERT INTO bi VALUES
  ('export', 'China', '2022', 600), ('export', 'USA', '2022', 400),
  ('export', 'China', '2023', 540), ('export', 'USA', '2023', 460),
  ('import', 'China', '2022', 300), ('import', 'Japan', '2022', 200),
  ('import', 'China', '2023', 390), ('import', 'Japan', '2023', NULL);
-- @check share_withheld-2.1 several by columns: imports 2023 unknown, exports as before
SELECT series, share, share_change, contribution
FROM yoy_growth('bi', 'v', 'year', 'flow, partner') WHERE period = '2023';
-- @expect
-- | series|share|share_change|contribution
-- | ["export","China"]|54.0|-6.0|-6.0
-- | ["export","USA"]|46.0|6.0|6.0
-- | ["import","China"]|||
-- @check share_withheld-2.2 a NOCASE group: 'IMPORT' with the NULL is the group of 'import'
CREATE TABLE bn(flow TEXT COLLATE NOCASE, partner TEXT, year TEXT, v INTEGER);
INSERT INTO bn SELECT CASE WHEN partner = 'Japan' THEN upper(flow) ELSE flow END, partner, year, v FROM bi;
CREATE VIRTUAL TABLE bn_growth USING yoy_growth(source=bn, value=v, period=year, by='flow, partner');
SELECT flow, partner, share, share_change, contribution FROM bn_growth WHERE period = '2023';
-- @expect
-- | flow|partner|share|share_change|contribution
-- | export|China|54.0|-6.0|-6.0
-- | export|USA|46.0|6.0|6.0
-- | import|China|||

-- With total= the named series is the divisor: another part's NULL row
-- leaves it as it is; the total's own NULL row makes it unknown.
CREATE TABLE tt(region TEXT, year TEXT, v INTEGER);
INSERT INTO tt VALUES
  ('a', '2022', 50), ('b', '2022', 30), ('Total', '2022', 100),
  ('a', '2023', 60), ('b', '2023', NULL), ('Total', '2023', 120);
-- @check share_withheld-3.1 total=: b's NULL row changes nothing
SELECT series, share, share_change, contribution
FROM yoy_growth('tt', 'v', 'year', 'region', 'total=Total') WHERE period = '2023';
-- @expect
-- | series|share|share_change|contribution
-- | Total|100.0|0.0|20.0
-- | a|50.0|0.0|10.0

-- Under grain= a period's rows are summed: a month with a figure and a
-- withheld row beside it (two sub-items the by columns do not name)
-- reads as a whole month, so the year's roll-up was complete.
CREATE TABLE m(region TEXT, month TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO m SELECT region, y || '-' || printf('%02d', i), 10
FROM n, (SELECT 'a' AS region UNION ALL SELECT 'b' UNION ALL SELECT 'Total'),
     (SELECT '2022' AS y UNION ALL SELECT '2023');
UPDATE m SET v = 20 WHERE region = 'Total';
INSERT INTO m VALUES ('b', '2023-05', NULL);
-- @check share_withheld-4.1 grain=year over months (the parts, through a view): b's May 2023 has a withheld row beside its figure
CREATE VIEW m_parts AS SELECT * FROM m WHERE region <> 'Total';
SELECT series, period, value, share, share_change, contribution
FROM yoy_growth('m_parts', 'v', 'month', 'region', 'grain=year');
-- @expect
-- | series|period|value|share|share_change|contribution
-- | a|2022|120|50.0||
-- | a|2023|120|||
-- | b|2022|120|50.0||
-- | b|2023|120|||
-- @check share_withheld-4.2 total= under grain=year: b's row does not count, the total's own withheld row does
SELECT series, period, share, contribution
FROM yoy_growth('m', 'v', 'month', 'region', 'grain=year, total=Total') WHERE period = '2023';
INSERT INTO m VALUES ('Total', '2023-07', NULL);
SELECT series, period, share, contribution
FROM yoy_growth('m', 'v', 'month', 'region', 'grain=year, total=Total, scan=hash') WHERE period = '2023';
-- @expect
-- | series|period|share|contribution
-- | Total|2023|100.0|0.0
-- | a|2023|50.0|0.0
-- | b|2023|50.0|0.0
-- | series|period|share|contribution
-- | Total|2023||
-- | a|2023||
-- | b|2023||

-- Days are dates of events: a roll-up of days is not incomplete for a
-- day without a row, so a day withheld inside the month went unseen.
CREATE TABLE d(region TEXT, day TEXT, v INTEGER);
INSERT INTO d VALUES
  ('a', '2022-03-01', 10), ('a', '2022-03-31', 10), ('b', '2022-03-01', 10), ('b', '2022-03-31', 10),
  ('a', '2023-03-01', 10), ('a', '2023-03-31', 10), ('b', '2023-03-01', 10), ('b', '2023-03-15', NULL),
  ('b', '2023-03-31', 10);
-- @check share_withheld-5.1 grain=month over days: a day withheld in 2023-03
SELECT series, period, value, share, share_change
FROM yoy_growth('d', 'v', 'day', 'region', 'grain=month, scan=stream');
-- @expect
-- | series|period|value|share|share_change
-- | a|2022-03|20|50.0|
-- | a|2023-03|20||
-- | b|2022-03|20|50.0|
-- | b|2023-03|20||

-- @check share_withheld-6.1 rows without a figure whose period does not read, or is of another kind, or NULL, change nothing the scan did not already refuse
CREATE TABLE o(region TEXT, year TEXT, v INTEGER);
INSERT INTO o VALUES ('a', '2022', 50), ('b', '2022', 50), ('a', '2023', 60), ('b', '2023', 40),
  ('c', NULL, NULL), ('c', '2023-Q2', NULL);
SELECT series, period, share FROM yoy_growth('o', 'v', 'year', 'region') WHERE period = '2023';
-- @expect
-- | series|period|share
-- | a|2023|60.0
-- | b|2023|40.0

-- @check share_withheld-1.3 a part whose every row is withheld: no period's total is known
CREATE TABLE w(region TEXT, year TEXT, v INTEGER);
INSERT INTO w VALUES ('a', '2022', 50), ('b', '2022', 30), ('c', '2022', NULL),
  ('a', '2023', 60), ('b', '2023', 40), ('c', '2023', NULL);
SELECT series, period, share FROM yoy_growth('w', 'v', 'year', 'region');
-- @expect
-- | series|period|share
-- | a|2022|
-- | a|2023|
-- | b|2022|
-- | b|2023|
