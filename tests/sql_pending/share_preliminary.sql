.load build/tradestat
.headers on
.mode list
-- PENDING (not in `make test`: fails until yoy_growth's `preliminary`
-- column covers the totals that share, share_change and contribution
-- divide by).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/share_preliminary.sql
-- The rule (docs/design.md, "Preliminary figures stay marked"): a figure
-- computed from a preliminary value is never shown as final.  Series a's
-- 2023 share is 60 / (60 + 60) = 50 %, but 60 of that total is b's
-- preliminary 2023 figure ('2023 p)'): revised to 40, a's share would be
-- 60 %, its share_change 0.0 instead of -10.0 and b's contribution 0.0
-- instead of 20.0.  Today a's 2023 row says preliminary = 0.
-- The totals already carry the mark (shares.c add_to_totals ORs each
-- part's preliminary into the total's point); yoy_vtab.c's preliminary
-- column ignores it.  The fix (yoy_vtab.c, series_vtab.c): when the
-- statement reads share, share_change or contribution (colUsed), load
-- the totals before the first row and OR into `preliminary` the total's
-- mark of the row's period and, for share_change and contribution, of the
-- period a year earlier.  Plain SQL: max(preliminary) over every row
-- summed into the total of the period.
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
