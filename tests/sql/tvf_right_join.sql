.load build/tradestat
.headers on
.mode list
-- A table-valued call as the right operand of a RIGHT JOIN: SQLite 3.40
-- plans the join's main loop over the call without its arguments, so the
-- call stops with an error naming the first one (never rows: SQLite's own
-- json_each gives every row as unmatched there).  A CTE over the call and
-- the CREATE form join as a plain table does.  Values 1 (2022) and 2
-- (2023); ON g.value > 1 matches 2023 only, so 2022 comes unmatched.
CREATE TABLE s(k TEXT, p TEXT, v INTEGER);
INSERT INTO s VALUES ('a', '2022', 1), ('a', '2023', 2);

-- @check tvf_right_join-1.1 the call as the right operand: an error, not rows
SELECT x, series, period FROM (SELECT 1 AS x) AS o RIGHT JOIN yoy_growth('s', 'v', 'p', 'k') AS g ON g.value > 1;
-- @error yoy_growth: argument 1 (source) is missing

-- @check tvf_right_join-1.2 the call in a CTE: 2023 matched, 2022 unmatched
WITH g AS (SELECT * FROM yoy_growth('s', 'v', 'p', 'k'))
SELECT x, series, period FROM (SELECT 1 AS x) AS o RIGHT JOIN g ON g.value > 1 ORDER BY period;
-- @expect
-- | x|series|period
-- | |a|2022
-- | 1|a|2023

-- @check tvf_right_join-1.3 the CREATE form: the same rows
CREATE VIRTUAL TABLE c USING yoy_growth(source=s, value=v, period=p, by=k);
SELECT x, k, period FROM (SELECT 1 AS x) AS o RIGHT JOIN c ON c.value > 1 ORDER BY period;
-- @expect
-- | x|k|period
-- | |a|2022
-- | 1|a|2023

-- @check tvf_right_join-1.4 FULL JOIN, the call in a CTE: the unmatched outer row too
WITH g AS (SELECT * FROM yoy_growth('s', 'v', 'p', 'k'))
SELECT x, series, period FROM (SELECT 1 AS x UNION ALL SELECT 2) AS o FULL JOIN g ON g.value = o.x + 1 ORDER BY x, period;
-- @expect
-- | x|series|period
-- | |a|2022
-- | 1|a|2023
-- | 2||
