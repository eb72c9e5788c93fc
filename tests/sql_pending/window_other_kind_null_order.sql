.load build/tradestat
.headers off
.mode list
-- PENDING (not in `make test`: fails until NULL-valued rows of another
-- period kind than the figures' are ignored by the window's ordering
-- check, as docs/reference/growth.md says they are ignored).  Run it with
--   sh tests/sql/run.sh tests/sql_pending/window_other_kind_null_order.sql
-- Input: a quarterly series whose partition also holds NULL-valued rows
-- labelled with years ('2024' then '2023', KOSIS's '-' of an annual
-- column beside the quarters), in a window ordered by id.  Wrong: the
-- window fails with "window is not ordered by period ascending: '2023'
-- after '2024'", though growth.md says "A NULL-valued row whose period
-- is not a period, or of another kind, is ignored without error" (the
-- aggregate over the same rows ignores them: 100.0).  Right: the rows
-- are ignored, and the last row's growth is 100.0 (2023-Q1 20 against
-- 2022-Q1 10), as plain SQL of the figures gives.  The fix lies in
-- ext/growth/growth_window.c: count_no_figure records the first NULL-row
-- disorder of any kind (disorder_kind), and growth_value / window_value
-- raise it whatever the figures' kind; keeping the disorder per kind and
-- raising only that of the figures' kind (or any, when the frame never
-- held a figure) would follow the documented rule.
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
