.load build/tradestat
.headers on
.mode list
-- The rule (docs/design.md, "Preliminary figures stay marked"): a figure
-- computed from a preliminary value is never shown as final.  Series a's
-- 2023 share is 60 / (60 + 60) = 50 %, but 60 of that total is b's
-- preliminary 2023 figure ('2023 p)'): revised to 40, a's share would be
-- 60 %, its share_change 0.0 instead of -10.0 and b's contribution 0.0
-- instead of 20.0.  a's 2023 row said preliminary = 0.  `preliminary`
-- also covers the totals of the row's period and of the same period a
-- year earlier, whatever columns the query reads (a row says the same in
-- every query; tests/sql/share_preliminary_join.sql).  Plain SQL:
-- max(preliminary) over the row's own figures and every row summed into
-- those totals.
CREATE TABLE t(k TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2022', 60), ('b', '2022', 40), ('a', '2023', 60), ('b', '2023 p)', 60);

-- @check share_preliminary-1.1 a's 2023 share rests on b's preliminary 2023 figure
SELECT series, period, share, share_change, preliminary FROM yoy_growth('t', 'v', 'p', 'k')
WHERE period = '2023' ORDER BY series;
-- @expect
-- | series|period|share|share_change|preliminary
-- | a|2023|50.0|-10.0|1
-- | b|2023|50.0|10.0|1
-- @check share_preliminary-1.2 the same through a preliminary source column
CREATE TABLE u(k TEXT, p TEXT, v INTEGER, preliminary TEXT);
INSERT INTO u VALUES ('a', '2022', 60, 'n'), ('b', '2022', 40, 'Y'), ('a', '2023', 60, 'n'), ('b', '2023', 60, 'n');
SELECT series, period, share, share_change, preliminary FROM yoy_growth('u', 'v', 'p', 'k')
WHERE series = 'a' ORDER BY period;
-- @expect
-- | series|period|share|share_change|preliminary
-- | a|2022|60.0||1
-- | a|2023|50.0|-10.0|1
-- @check share_preliminary-1.3 without a share column the row says the same: its totals rest on b's preliminary 2023 figure
SELECT series, period, growth, preliminary FROM yoy_growth('t', 'v', 'p', 'k')
WHERE period = '2023' ORDER BY series;
-- @expect
-- | series|period|growth|preliminary
-- | a|2023|0.0|1
-- | b|2023|50.0|1
-- @check share_preliminary-1.5 a narrowed read (one series, one year) marks the same: the marks are read from the whole source
SELECT series, period, growth, preliminary FROM yoy_growth('t', 'v', 'p', 'k')
WHERE series = 'a' AND period = '2023';
-- @expect
-- | series|period|growth|preliminary
-- | a|2023|0.0|1
-- @check share_preliminary-1.6 no mark anywhere in a year and the year before: 0 (final figures stay final)
CREATE TABLE w(k TEXT, p TEXT, v INTEGER);
INSERT INTO w VALUES ('a', '2021', 50), ('b', '2021', 30), ('a', '2022', 60), ('b', '2022', 40),
  ('a', '2023', 60), ('b', '2023 p)', 60), ('a', '2024', 70), ('b', '2024', 70);
SELECT series, period, preliminary FROM yoy_growth('w', 'v', 'p', 'k') WHERE series = 'a' ORDER BY period;
-- @expect
-- | series|period|preliminary
-- | a|2021|0
-- | a|2022|0
-- | a|2023|1
-- | a|2024|1
-- @check share_preliminary-1.4 the CREATE form, with the share read after preliminary in the select list
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by=k);
SELECT k, period, preliminary, contribution FROM g WHERE k = 'a' ORDER BY period;
-- @expect
-- | k|period|preliminary|contribution
-- | a|2022|0|
-- | a|2023|1|0.0

-- Only the figures the totals sum count.  With total=, the total series'
-- own: c's preliminary 2023 figure is in no divisor, so a's row is final.
-- With two by columns, the group's: export's preliminary figure says
-- nothing of import's totals.  Through a "preliminary" column with text
-- flags ('n' is false) and grain=year over months.
CREATE TABLE x(flow TEXT, k TEXT, p TEXT, v INTEGER, preliminary TEXT);
INSERT INTO x VALUES
  ('export', 'Total', '2022-01', 100, 'n'), ('export', 'a', '2022-01', 60, 'n'), ('export', 'c', '2022-01', 40, 'n'),
  ('export', 'Total', '2023-01', 120, 'n'), ('export', 'a', '2023-01', 70, 'n'), ('export', 'c', '2023-01', 50, 'Y'),
  ('import', 'Total', '2022-01', 10, 'n'), ('import', 'a', '2022-01', 6, 'n'), ('import', 'c', '2022-01', 4, 'n'),
  ('import', 'Total', '2023-01', 12, 'n'), ('import', 'a', '2023-01', 7, 'n'), ('import', 'c', '2023-01', 5, 'n');
CREATE VIEW x1 AS SELECT k, p, v, preliminary FROM x WHERE flow = 'export';
-- @check share_preliminary-2.1 with total=: the total series' marks alone (a 0), without: every part's (a 1)
SELECT (SELECT preliminary FROM yoy_growth('x1', 'v', 'p', 'k', 'total=Total') WHERE series = 'a' AND period = '2023-01') AS named,
       (SELECT preliminary FROM yoy_growth('x1', 'v', 'p', 'k') WHERE series = 'a' AND period = '2023-01') AS summed;
-- @expect
-- | named|summed
-- | 0|1
-- @check share_preliminary-2.2 two by columns and grain=year: export's mark reaches export's rows only
CREATE VIRTUAL TABLE gx USING yoy_growth(source=x, value=v, period=p, by='flow, k', grain=year);
SELECT flow, k, period, preliminary FROM gx WHERE k = 'a' ORDER BY flow, period;
-- @expect
-- | flow|k|period|preliminary
-- | export|a|2022|0
-- | export|a|2023|1
-- | import|a|2022|0
-- | import|a|2023|0
