.load build/tradestat
.headers on
.mode list
-- A row's `preliminary` read by one scan of a series table covers the
-- totals a share read by another scan of the same table divides by
-- (docs/design.md, "Preliminary figures stay marked").  An analyst who
-- keeps the flags in one view and the measures in another, and joins
-- them, has two scans: the one that reads preliminary reads no share
-- column.  a's 2023 row said preliminary = 0 beside a share of 50.0 that
-- rests on b's preliminary 2023 figure (revised to 40, a's share would be
-- 60.0) while the plan of each scan decided, from the columns it read,
-- whether the totals counted.  Plain SQL of the rule: max(preliminary)
-- over the row's own figures and every row summed into the totals of its
-- period and a year earlier, i.e. 1, in every query.
CREATE TEMP TABLE t(k TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2022', 60), ('b', '2022', 40), ('a', '2023', 60), ('b', '2023 p)', 60);
CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=t, value=v, period=p, by=k);
CREATE TEMP VIEW flags AS SELECT k, period, preliminary FROM g;
CREATE TEMP VIEW measures AS SELECT k, period, share FROM g;

-- @check share_preliminary_join-1.1 one scan reading both: a's 2023 share is marked
SELECT k, share, preliminary FROM g WHERE period = '2023' ORDER BY k;
-- @expect
-- | k|share|preliminary
-- | a|50.0|1
-- | b|50.0|1
-- @check share_preliminary_join-1.2 the flags and the measures joined: the same marks (a said 0)
SELECT m.k, m.share, f.preliminary FROM measures m JOIN flags f USING (k, period)
WHERE period = '2023' ORDER BY m.k;
-- @expect
-- | k|share|preliminary
-- | a|50.0|1
-- | b|50.0|1

-- A join whose inner loop is the series table, filtered once per outer
-- row: each filter marks the same (the marks are read once and kept
-- while the source and the connection's changes stay as they were).
CREATE TEMP TABLE wanted(k TEXT, period TEXT);
INSERT INTO wanted VALUES ('a', '2022'), ('a', '2023'), ('b', '2022'), ('b', '2023');
-- @check share_preliminary_join-2.1 the inner loop's filters: 2022 final (no mark in it or a year earlier), 2023 marked
SELECT w.k, w.period, g.preliminary FROM wanted w CROSS JOIN g ON g.k = w.k AND g.period = w.period
ORDER BY w.k, w.period;
-- @expect
-- | k|period|preliminary
-- | a|2022|0
-- | a|2023|1
-- | b|2022|0
-- | b|2023|1
-- @check share_preliminary_join-2.2 a mark written after: the next query sees it (2022 revised to preliminary in a new row of c)
INSERT INTO t VALUES ('c', '2022 p)', 5);
SELECT w.k, w.period, g.preliminary FROM wanted w CROSS JOIN g ON g.k = w.k AND g.period = w.period
ORDER BY w.k, w.period;
-- @expect
-- | k|period|preliminary
-- | a|2022|1
-- | a|2023|1
-- | b|2022|1
-- | b|2023|1
