.load build/tradestat
.headers on
.mode list
-- A row of a table-valued series table is its arguments (the HIDDEN
-- columns), its series and its period.  SQLite runs an OR of branches
-- that give the arguments through WHERE as a multi-index OR: one filter a
-- branch, and a row whose rowid an earlier branch returned is dropped.
-- The rowid was made from the source, the series columns, the series and
-- the period only, so two branches that differ in another argument (the
-- value column, the options, the flow column, the method) gave the rows
-- of one series and period one rowid, and the later branch's row was
-- lost.  Each expected row below is the row the branch's call returns
-- alone (the checks marked "alone"), so the OR returns the union.

-- Two value columns of one source: v is 1 then 2, w is 100 then 300.
CREATE TABLE t(k TEXT, p TEXT, v INTEGER, w INTEGER, f TEXT, g TEXT);
INSERT INTO t VALUES ('a', '2022', 1, 100, 'export', 'import'), ('a', '2023', 2, 300, 'import', 'export');

-- @check tvf_argument_rowids-1.1 alone: value v, period 2022; value w, series a
SELECT 'v' AS col, series, period, value FROM yoy_growth('t', 'v', 'p', 'k') WHERE period = '2022'
UNION ALL
SELECT 'w', series, period, value FROM yoy_growth('t', 'w', 'p', 'k') WHERE series = 'a';
-- @expect
-- | col|series|period|value
-- | v|a|2022|1
-- | w|a|2022|100
-- | w|a|2023|300

-- @check tvf_argument_rowids-1.2 the two as the branches of one OR: w's 2022 row was dropped (had v's rowid)
SELECT value_column AS col, series, period, value FROM yoy_growth
WHERE (source = 't' AND value_column = 'v' AND period_column = 'p' AND series_column = 'k' AND period = '2022')
   OR (source = 't' AND value_column = 'w' AND period_column = 'p' AND series_column = 'k' AND series = 'a')
ORDER BY col, period;
-- @expect
-- | col|series|period|value
-- | v|a|2022|1
-- | w|a|2022|100
-- | w|a|2023|300


-- @check tvf_argument_rowids-1.4 the rows of the two calls have other rowids
SELECT count(DISTINCT rowid) AS rowids, count(*) AS n FROM yoy_growth
WHERE source = 't' AND value_column IN ('v', 'w') AND period_column = 'p' AND series_column = 'k';
-- @expect
-- | rowids|n
-- | 4|4

-- @check tvf_argument_rowids-2.1 options differ between the branches ('' and grain=year, both years of the labels alone)
SELECT options, series, period, value FROM yoy_growth
WHERE source = 't' AND value_column = 'v' AND period_column = 'p' AND series_column = 'k'
  AND ((options = '' AND period = '2022') OR (options = 'grain=year' AND series = 'a'))
ORDER BY options, period;
-- @expect
-- | options|series|period|value
-- | |a|2022|1
-- | grain=year|a|2022|1
-- | grain=year|a|2023|2

-- @check tvf_argument_rowids-3.1 trade_imbalance: the flow column differs (f: 2022 exports 1, g: 2022 imports 1)
SELECT flow_column, series, period, exports, imports FROM trade_imbalance
WHERE source = 't' AND value_column = 'v' AND period_column = 'p' AND series_column = 'k'
  AND ((flow_column = 'f' AND period = '2022') OR (flow_column = 'g' AND series = 'a'))
ORDER BY flow_column, period;
-- @expect
-- | flow_column|series|period|exports|imports
-- | f|a|2022|1|
-- | g|a|2022||1
-- | g|a|2023|2|

-- @check tvf_argument_rowids-4.1 annual_projection: the value column differs (years 2022 and 2023, one value each: the year's own)
SELECT value_column, series, year, ytd FROM annual_projection
WHERE source = 't' AND period_column = 'p' AND series_column = 'k' AND method_name = 'run_rate'
  AND ((value_column = 'v' AND year = 2023) OR (value_column = 'w' AND series = 'a'))
ORDER BY value_column, year;
-- @expect
-- | value_column|series|year|ytd
-- | v|a|2023|2
-- | w|a|2022|100
-- | w|a|2023|300

-- An OR whose branches give the same arguments but one (the method, the
-- options) and nothing else a filter can use: SQLite offered the shared
-- arguments as one scan, which ran the call with the differing argument
-- left out (its column NULL), and re-checked each branch's argument on
-- that NULL: no row passed, an empty answer.  Such a plan is now priced
-- above the multi-index OR that gives each branch its arguments.
CREATE TABLE q(k TEXT, p TEXT, v INTEGER);
INSERT INTO q VALUES ('a', '2023-Q1', 10), ('a', '2023-Q2', 30), ('b', '2023-Q1', 5), ('b', '2023-Q2', 7);

-- @check tvf_argument_rowids-5.1 annual_projection, two methods: run_rate 2 x (10 + 30) = 80 and 2 x 12 = 24; snaive has no prior year (no projection)
SELECT method_name, series, year, ytd, projection FROM annual_projection AS v
WHERE (source = 'q' AND value_column = 'v' AND period_column = 'p' AND series_column = 'k'
       AND method_name = 'run_rate' AND (v.ytd > 0 OR v.note IS NULL))
   OR (source = 'q' AND value_column = 'v' AND period_column = 'p' AND series_column = 'k'
       AND method_name = 'snaive' AND v.ytd > 20)
ORDER BY method_name, series;
-- @expect
-- | method_name|series|year|ytd|projection
-- | run_rate|a|2023|40|80.0
-- | run_rate|b|2023|12|24.0
-- | snaive|a|2023|40|

-- @check tvf_argument_rowids-5.2 yoy_growth, two options: the quarters (value > 20: a's Q2, 30) and the year (a: 40, b: 12)
SELECT options, series, period, value FROM yoy_growth AS v
WHERE (source = 'q' AND value_column = 'v' AND period_column = 'p' AND series_column = 'k'
       AND options = '' AND v.value + 0 > 20)
   OR (source = 'q' AND value_column = 'v' AND period_column = 'p' AND series_column = 'k'
       AND options = 'grain=year' AND v.value + 0 > 0)
ORDER BY options, series, period;
-- @expect
-- | options|series|period|value
-- | |a|2023-Q2|30
-- | grain=year|a|2023|40
-- | grain=year|b|2023|12

-- @check tvf_argument_rowids-5.3 a column of an argument the call does not give is NULL (the one plan there is)
SELECT options IS NULL AS no_options, count(*) AS n FROM yoy_growth('q', 'v', 'p', 'k');
-- @expect
-- | no_options|n
-- | 1|4

-- @check tvf_argument_rowids-5.4 the series column given in one branch, '' (none: one series, NULL) in the other
SELECT series_column, series, period, value FROM yoy_growth
WHERE source = 't' AND value_column = 'v' AND period_column = 'p'
  AND ((series_column = 'k' AND period = '2022') OR (series_column = '' AND period >= '2022'))
ORDER BY series_column, period;
-- @expect
-- | series_column|series|period|value
-- | ||2022|1
-- | ||2023|2
-- | k|a|2022|1
