.load build/tradestat
-- trade_imbalance on inputs where a plausible figure or note would be
-- wrong: balances beyond a double, and a flow label that both sides
-- would claim.  Every expected value is worked out in the comment above it.
.mode list
.headers off

-- 1. Why a balance growth is NULL.  2022: 1e308 - (-1e308) is beyond a
-- double, so the balance is NULL ('balance is too large', before the
-- negative flow that voids the ratios).  2023's prior balance is that
-- NULL one: 'prior is too large', not 'prior is zero'.  2025: prior
-- balance 2 - 2 = 0, the one case of 'prior is zero' (2026 against
-- 2025's 4 is defined, about -100 %).  2027 against
-- 2026: a balance of about 1e300 against 2e-300 - 1e-300 = 1e-300 is a
-- rate past any double: 'growth is too large'.  2028: coverage 1e300 /
-- 1e-300 overflows while imports are not zero: 'coverage is too large'.
CREATE TABLE big(p TEXT, f TEXT, v REAL);
INSERT INTO big VALUES ('2022', 'export', 1e308), ('2022', 'import', -1e308),
  ('2023', 'export', 5), ('2023', 'import', 3),
  ('2024', 'export', 2), ('2024', 'import', 2), ('2025', 'export', 7), ('2025', 'import', 3),
  ('2026', 'export', 2e-300), ('2026', 'import', 1e-300),
  ('2027', 'export', 1e300), ('2027', 'import', 1),
  ('2030', 'export', 1e300), ('2030', 'import', 1e-300);
-- @check trade_edges-1.1
SELECT period, balance IS NULL, prior_balance IS NULL, balance_growth IS NULL, coverage IS NULL, note
FROM trade_imbalance('big', 'v', 'p', 'f') ORDER BY period;
-- @expect
-- | 2022|1|1|1|1|balance is too large
-- | 2023|0|1|1|0|prior is too large
-- | 2024|0|0|0|0|
-- | 2025|0|0|1|0|prior is zero
-- | 2026|0|0|0|0|
-- | 2027|0|0|1|0|growth is too large
-- | 2030|0|1|1|1|coverage is too large
-- The 2024 row above is the defined case: balance 0 against 2, -100 %.
-- @check trade_edges-1.2
SELECT balance, prior_balance, balance_growth FROM trade_imbalance('big', 'v', 'p', 'f')
WHERE period = '2024';
-- @expect 0.0|2.0|-100.0

-- 2. A label given for one side that the other side's defaults also
-- hold.  With import_label='exports' the rows labelled 'exports' were
-- still matched by the export defaults first: exports 10 + 4 = 14 and
-- no imports, where the data means exports 10 and imports 4.  Now an
-- error at CREATE, naming the label and the other side.
CREATE TABLE flows(p TEXT, f TEXT, v INTEGER);
INSERT INTO flows VALUES ('2022', 'export', 10), ('2022', 'exports', 4),
  ('2023', 'export', 12), ('2023', 'exports', 5);
-- @check trade_edges-2.1
CREATE VIRTUAL TABLE swapped USING trade_imbalance(source=flows, period=p, value=v, flow=f,
  import_label='exports', grain=year);
-- @error trade_imbalance: import_label='exports' is also a default export label; give export_label= too, so each label names one side
-- @check trade_edges-2.2 the same from the export side, in any case
CREATE VIRTUAL TABLE swapped2 USING trade_imbalance(source=flows, period=p, value=v, flow=f,
  export_label='IMPORTS');
-- @error trade_imbalance: export_label='IMPORTS' is also a default import label; give import_label= too, so each label names one side
-- Both labels given: each side has its own list, nothing is shared.
-- @check trade_edges-2.3
CREATE VIRTUAL TABLE named USING trade_imbalance(source=flows, period=p, value=v, flow=f,
  export_label='export', import_label='exports');
SELECT period, exports, imports, balance FROM named;
-- @expect
-- | 2022|10|4|6
-- | 2023|12|5|7
-- @check trade_edges-2.4 the table-valued form's options are read the same way
SELECT period, exports, imports FROM trade_imbalance('flows', 'v', 'p', 'f', '',
  'import_label=exports, grain=year');
-- @error trade_imbalance: import_label='exports' is also a default export label; give export_label= too, so each label names one side

-- 3. A label given holds the byte the table keeps between a side's
-- alternatives (the unit separator, char(31)): 'Exp' || char(31) ||
-- 'import' was read as two labels, 'Exp' or 'import', so the 'import'
-- rows (40) were summed into exports, 140 beside imports of 7, where no
-- row is labelled 'Exp' || char(31) || 'import' and 'import' is no label
-- of either side once import_label=Imp is given.  An error instead.
CREATE TABLE sep(p TEXT, f TEXT, v INTEGER);
INSERT INTO sep VALUES ('2023', 'Exp', 100), ('2023', 'import', 40), ('2023', 'Imp', 7);
-- @check trade_edges-3.1
SELECT period, exports, imports FROM trade_imbalance('sep', 'v', 'p', 'f', '',
  'export_label=Exp' || char(31) || 'import, import_label=Imp, grain=year');
-- @error trade_imbalance: export_label='Exp' || char(31) || 'import' holds char(31), the byte that separates a side's labels
-- @check trade_edges-3.2 the same for import_label
SELECT period, exports, imports FROM trade_imbalance('sep', 'v', 'p', 'f', '',
  'export_label=Exp, import_label=Imp' || char(31) || 'import, grain=year');
-- @error trade_imbalance: import_label='Imp' || char(31) || 'import' holds char(31), the byte that separates a side's labels
