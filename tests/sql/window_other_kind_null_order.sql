.load build/tradestat
.headers off
.mode list
-- NULL-valued rows of another period kind than the figures' are ignored
-- by the window's ordering check, as docs/reference/growth.md says they
-- are ignored.
-- Input: a quarterly series whose partition also holds NULL-valued rows
-- labelled with years ('2024' then '2023', KOSIS's '-' of an annual
-- column beside the quarters), in a window ordered by id.  Wrong: the
-- window fails with "window is not ordered by period ascending: '2023'
-- after '2024'", though growth.md says "A NULL-valued row whose period
-- is not a period, or of another kind, is ignored without error" (the
-- aggregate over the same rows ignores them: 100.0).  Right: the rows
-- are ignored, and the last row's growth is 100.0 (2023-Q1 20 against
-- 2022-Q1 10), as plain SQL of the figures gives.  Was: count_no_figure
-- (ext/growth/growth_window.c) recorded the first NULL-row disorder of
-- any kind, and growth_value / window_value raised it whatever the
-- figures' kind; the disorder is now kept per kind and only that of the
-- figures' kind is raised (before the first figure every result is NULL;
-- a disorder recorded then is raised once a figure of its kind arrives).
CREATE TABLE t(id INTEGER PRIMARY KEY, v, p);
INSERT INTO t VALUES (1, 10, '2022-Q1'), (2, NULL, '2024'), (3, NULL, '2023'), (4, 20, '2023-Q1');

-- @check window_other_kind_null_order-1.1 the reference: plain SQL of the quarters' figures
SELECT pct_change(sum(v) FILTER (WHERE p = '2023-Q1'), sum(v) FILTER (WHERE p = '2022-Q1')) FROM t;
-- @expect 100.0
-- @check window_other_kind_null_order-1.2 the aggregate ignores the NULL year rows already
SELECT yoy_growth(v, p) FROM t;
-- @expect 100.0
-- @check window_other_kind_null_order-1.3 the window ignores them too
SELECT id, yoy_growth(v, p) OVER (ORDER BY id) FROM t;
-- @expect
-- | 1|
-- | 2|
-- | 3|
-- | 4|100.0

-- NULL rows of the figures' own kind out of order are still the error.
-- @check window_other_kind_null_order-2.1 quarters' NULL rows out of order
SELECT count(*) FROM (SELECT yoy_growth(v, p) OVER (ORDER BY id)
  FROM (SELECT 1 AS id, 10 AS v, '2022-Q1' AS p UNION ALL SELECT 2, NULL, '2023-Q4'
        UNION ALL SELECT 3, NULL, '2023-Q2' UNION ALL SELECT 4, 20, '2023-Q1'));
-- @error yoy_growth(): window is not ordered by period ascending: '2023-Q2' after '2023-Q4'
-- @check window_other_kind_null_order-2.2 recorded before the first figure, raised when one of that kind arrives
SELECT count(*) FROM (SELECT yoy_growth(v, p) OVER (ORDER BY id)
  FROM (SELECT 1 AS id, NULL AS v, '2024' AS p UNION ALL SELECT 2, NULL, '2023'
        UNION ALL SELECT 3, 10, '2022'));
-- @error yoy_growth(): window is not ordered by period ascending: '2023' after '2024'
-- @check window_other_kind_null_order-2.3 year NULL rows out of order, then quarter figures: ignored
SELECT group_concat(coalesce(g, 'NULL'), ',') FROM (SELECT yoy_growth(v, p) OVER (ORDER BY id) AS g
  FROM (SELECT 1 AS id, NULL AS v, '2024' AS p UNION ALL SELECT 2, NULL, '2023'
        UNION ALL SELECT 3, 10, '2022-Q1' UNION ALL SELECT 4, 15, '2023-Q1'));
-- @expect NULL,NULL,NULL,50.0
