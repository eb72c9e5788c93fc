.load build/tradestat
.headers on
.mode list
-- The rule (docs/design.md, "Preliminary figures stay marked"): a figure
-- computed from a preliminary value is never shown as final.  Series a's
-- 2023 share is 60 / (60 + 60) = 50 %, but 60 of that total is b's
-- preliminary 2023 figure ('2023 p)'): revised to 40, a's share would be
-- 60 %, its share_change 0.0 instead of -10.0 and b's contribution 0.0
-- instead of 20.0.  a's 2023 row said preliminary = 0.  When a query reads
-- share, share_change or contribution, `preliminary` also covers the
-- totals of the row's period and of the same period a year earlier.
-- Plain SQL: max(preliminary) over every row summed into those totals.
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
-- @check share_preliminary-1.3 without a share column the row's own figures decide: a's 2023 growth rests on no preliminary figure
SELECT series, period, growth, preliminary FROM yoy_growth('t', 'v', 'p', 'k')
WHERE period = '2023' ORDER BY series;
-- @expect
-- | series|period|growth|preliminary
-- | a|2023|0.0|0
-- | b|2023|50.0|1
-- @check share_preliminary-1.4 the CREATE form, with the share read after preliminary in the select list
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by=k);
SELECT k, period, preliminary, contribution FROM g WHERE k = 'a' ORDER BY period;
-- @expect
-- | k|period|preliminary|contribution
-- | a|2022|0|
-- | a|2023|1|0.0
