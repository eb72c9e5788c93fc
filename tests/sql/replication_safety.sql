.load build/tradestat
.headers on
.mode list
-- README "Scale-out": every function of the extension is deterministic
-- (safe in replicated writes) except tradestat_debug().
-- @check replication_safety-1.1
SELECT DISTINCT name AS not_deterministic FROM pragma_function_list
WHERE (flags & 0x800) = 0
  AND (name LIKE 'period\_%' ESCAPE '\' OR name IN ('pct_change', 'cagr', 'yoy_growth',
       'ytd_growth', 'trade_imbalance', 'annual_projection', 'sparkline',
       'tradestat_version', 'tradestat_debug'))
ORDER BY 1;
-- @expect
-- | not_deterministic
-- | tradestat_debug

-- kosis_csv is DIRECTONLY: a view in the database cannot read files.
CREATE VIRTUAL TABLE main.k USING kosis_csv(file='tests/data/long_utf8.csv');
CREATE VIEW k_view AS SELECT count(*) FROM k;
-- @check replication_safety-2.1
SELECT * FROM k_view;
-- @error unsafe use of virtual table "k"
