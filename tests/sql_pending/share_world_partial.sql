.load build/tradestat
.headers off
.mode list
-- PENDING (not in `make test`: fails until a decision is taken; check
-- 1.1).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/share_world_partial.sql
-- A customs or KOSIS table of "main partners" lists the world total
-- beside a few partners: World holds the partners not listed too, so it
-- is larger than the listed ones together and is the sum of none of
-- them.  Read without total=, share divides by World + the partners,
-- counting the listed partners twice, and no rule of the total-row guard
-- sees it (it is not the others' sum, nor half of it, nor the sum of
-- some of them; the label alone is never a reason, docs/design.md).
-- Input: World 1000/1100/1200, China 400/450/500, USA 300/320/340,
-- Japan 100/110/120 (2021..2023).  Given: China's 2023 share 23.1 %
-- (500 / 2160).  Right: 500 / 1200 = 41.7 % with total=World, or an
-- error naming World without it, as for every other total row.
-- A rule that refuses a series labelled as a total (`World`, `Total`,
-- `합계`) that is not below the others' sum wherever it and two of them
-- have figures, none negative, catches it (tried: one more verdict in
-- growth/total_row.c), but contradicts a decision the project took and
-- measures: a dominant part labelled `Total` that is the sum of none of
-- the others keeps its shares over the sum of all
-- (tests/sql/share_subtotals_partial.sql, check 2.4), and of 206 ordinary
-- tables of tests/trust/total_rows.py whose largest part is relabelled
-- as a total, 97 were refused by that rule.  The figures cannot tell the
-- two apart; which reading the label gets is the decision pending.
CREATE TABLE w(r TEXT, y TEXT, v INTEGER);
INSERT INTO w VALUES ('World', '2021', 1000), ('China', '2021', 400), ('USA', '2021', 300), ('Japan', '2021', 100),
  ('World', '2022', 1100), ('China', '2022', 450), ('USA', '2022', 320), ('Japan', '2022', 110),
  ('World', '2023', 1200), ('China', '2023', 500), ('USA', '2023', 340), ('Japan', '2023', 120);

-- @check share_world_partial-1.1 without total=: refused naming World, never 500 / 2160
SELECT count(share) FROM yoy_growth('w', 'v', 'y', 'r');
-- @error yoy_growth: share and contribution: the series r='World' is not below the sum of the other 3 series in the 3 periods where it and two of them have figures, and its label reads as a total (a total over parts not all listed?), so the total of the series counts the listed parts twice; name it with total= to divide by it, or leave it out of the source
-- @check share_world_partial-1.2 with total=World: 500 / 1200 (passes today)
SELECT round(share, 1) FROM yoy_growth('w', 'v', 'y', 'r', 'total=World') WHERE series = 'China' AND period = '2023';
-- @expect 41.7
