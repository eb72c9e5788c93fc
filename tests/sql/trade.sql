.load build/tradestat
-- trade_imbalance(exports, imports [, measure]): every line prints 1 unless
-- it shows a value, an error or NULL on purpose.
-- The article, H1 2023: exports to China 451, imports 1,400 (KRW bn).
-- @check trade-1.1
SELECT trade_imbalance(451, 1400) = -949 AND typeof(trade_imbalance(451, 1400)) = 'integer';
-- @expect 1
-- @check trade-1.2
SELECT trade_imbalance(451, 1400, 'balance') = -949;
-- @expect 1
-- @check trade-1.3
SELECT round(trade_imbalance(451, 1400, 'coverage'), 10) = round(451.0 / 1400 * 100, 10);
-- @expect 1
-- @check trade-1.4
SELECT round(trade_imbalance(451, 1400, 'coverage'), 1) = 32.2;
-- @expect 1
-- @check trade-1.5
SELECT round(trade_imbalance(451, 1400, 'normalized'), 1) = -51.3;
-- @expect 1
-- @check trade-1.6
SELECT round(trade_imbalance(451, 1400, 'normalized'), 10) = round(-949.0 / 1851 * 100, 10);
-- @expect 1
-- @check trade-1.7
SELECT round(trade_imbalance(451, 1400, 'grubel_lloyd'), 10) = round(902.0 / 1851 * 100, 10);
-- @expect 1

-- H1 2022: a surplus of 70.9 (REAL in, REAL out).
-- @check trade-2.1
SELECT round(trade_imbalance(751.7, 680.8), 9) = 70.9 AND typeof(trade_imbalance(751.7, 680.8)) = 'real';
-- @expect 1
-- @check trade-2.2
SELECT round(trade_imbalance(751.7, 680.8, 'coverage'), 6) = 110.414219;
-- @expect 1
-- @check trade-2.3
SELECT round(trade_imbalance(751.7, 680.8, 'normalized'), 6) = 4.949389;
-- @expect 1
-- @check trade-2.4
SELECT round(trade_imbalance(751.7, 680.8, 'grubel_lloyd'), 6) = 95.050611;
-- @expect 1

-- ratio measures are REAL even for integer flows
-- @check trade-3.1
SELECT typeof(trade_imbalance(2, 1, 'coverage')), trade_imbalance(2, 1, 'coverage');
-- @expect real|200.0
-- @check trade-3.2
SELECT typeof(trade_imbalance(3, 1, 'normalized')), trade_imbalance(3, 1, 'normalized');
-- @expect real|50.0
-- @check trade-3.3
SELECT typeof(trade_imbalance(3, 1, 'grubel_lloyd')), trade_imbalance(3, 1, 'grubel_lloyd');
-- @expect real|50.0

-- measure names: case-insensitive, surrounding spaces ignored
-- @check trade-4.1
SELECT trade_imbalance(3, 1, 'COVERAGE') = 300, trade_imbalance(3, 1, ' Normalized ') = 50,
       trade_imbalance(3, 1, 'Grubel_Lloyd') = 50, trade_imbalance(3, 1, 'BALANCE') = 2;
-- @expect 1|1|1|1

-- numeric TEXT is a number
-- @check trade-5.1
SELECT trade_imbalance('451', ' 1400 ') = -949, typeof(trade_imbalance('451', '1400'));
-- @expect 1|integer
-- @check trade-5.2
SELECT trade_imbalance('1e2', '50', 'coverage') = 200;
-- @expect 1

-- zero denominators are NULL, a zero on one side is a defined extreme
-- @check trade-6.1
SELECT trade_imbalance(5, 0, 'coverage') IS NULL, trade_imbalance(0, 0, 'normalized') IS NULL,
       trade_imbalance(0.0, 0, 'grubel_lloyd') IS NULL, trade_imbalance(0, 0) = 0;
-- @expect 1|1|1|1
-- @check trade-6.2
SELECT trade_imbalance(0, 7, 'coverage') = 0, trade_imbalance(0, 7, 'normalized') = -100,
       trade_imbalance(7, 0, 'normalized') = 100, trade_imbalance(7, 0, 'grubel_lloyd') = 0,
       trade_imbalance(7, 7, 'grubel_lloyd') = 100;
-- @expect 1|1|1|1|1

-- negative flows: balance is defined, the ratios are not
-- @check trade-7.1
SELECT trade_imbalance(-5, 3) = -8, trade_imbalance(-5, 3, 'coverage') IS NULL,
       trade_imbalance(5, -3, 'normalized') IS NULL, trade_imbalance(5, -3, 'grubel_lloyd') IS NULL;
-- @expect 1|1|1|1

-- NULL in, NULL out (any argument)
-- @check trade-8.1
SELECT trade_imbalance(NULL, 1400) IS NULL, trade_imbalance(451, NULL) IS NULL,
       trade_imbalance(NULL, NULL, 'coverage') IS NULL, trade_imbalance(451, 1400, NULL) IS NULL;
-- @expect 1|1|1|1

-- integers never wrap: past 64 bits the balance is REAL
-- @check trade-9.1
SELECT typeof(trade_imbalance(9223372036854775807, -1)), trade_imbalance(9223372036854775807, -1) = 9223372036854775808.0;
-- @expect real|1
-- @check trade-9.2
SELECT trade_imbalance(-1, 9223372036854775807) = -9223372036854775808, typeof(trade_imbalance(-1, 9223372036854775807));
-- @expect 1|integer
-- @check trade-9.3
SELECT trade_imbalance(9223372036854775807, 9223372036854775807, 'normalized') = 0;
-- @expect 1

-- REALs whose difference overflows: NULL, never Inf
-- @check trade-10.1
SELECT trade_imbalance(1.7e308, -1.7e308) IS NULL;
-- @expect 1
-- @check trade-10.2
SELECT round(trade_imbalance(1.7e308, 0.85e308, 'normalized'), 9) = round(100.0 / 3, 9);
-- @expect 1

-- errors: exact text
-- @check trade-11.1
SELECT trade_imbalance(451, 1400, 'ratio');
-- @error trade_imbalance(): argument 3 is not a measure: 'ratio' (expected balance, coverage, normalized or grubel_lloyd)
-- @check trade-11.2
SELECT trade_imbalance(451, 1400, '');
-- @error trade_imbalance(): argument 3 is not a measure: '' (expected balance, coverage, normalized or grubel_lloyd)
-- @check trade-11.3
SELECT trade_imbalance(451, 1400, 3);
-- @error trade_imbalance(): argument 3 is not a measure: 3 (expected balance, coverage, normalized or grubel_lloyd)
-- @check trade-11.4
SELECT trade_imbalance(451, 1400, x'00ff');
-- @error trade_imbalance(): argument 3 is not a measure: x'00ff' (expected balance, coverage, normalized or grubel_lloyd)
-- @check trade-11.5
SELECT trade_imbalance(NULL, NULL, 'ratio');
-- @error trade_imbalance(): argument 3 is not a measure: 'ratio' (expected balance, coverage, normalized or grubel_lloyd)
-- @check trade-11.6
SELECT trade_imbalance('n/a', 1400);
-- @error trade_imbalance(): argument 1 is not a number: 'n/a'
-- @check trade-11.7
SELECT trade_imbalance(451, 'abc');
-- @error trade_imbalance(): argument 2 is not a number: 'abc'
-- @check trade-11.8
SELECT trade_imbalance(NULL, 'abc');
-- @error trade_imbalance(): argument 2 is not a number: 'abc'
-- @check trade-11.9
SELECT trade_imbalance(x'0102', 1400);
-- @error trade_imbalance(): argument 1 is not a number: x'0102'
-- @check trade-11.10
SELECT trade_imbalance(9e999, 1400);
-- @error trade_imbalance(): argument 1 is not a finite number: Inf
-- @check trade-11.11
SELECT trade_imbalance(451, '-1e999');
-- @error trade_imbalance(): argument 2 is not a finite number: '-1e999'
-- @check trade-11.12
SELECT trade_imbalance(451);
-- @error wrong number of arguments to function trade_imbalance()
-- @check trade-11.13
SELECT trade_imbalance(1, 2, 'balance', 4);
-- @error wrong number of arguments to function trade_imbalance()

-- works in a generated column and under trusted_schema=OFF (INNOCUOUS)
PRAGMA trusted_schema = OFF;
CREATE TABLE flows (x, m, b AS (trade_imbalance(x, m)), c AS (trade_imbalance(x, m, 'coverage')));
INSERT INTO flows (x, m) VALUES (451, 1400), (751.7, 680.8), (0, 0);
-- @check trade-12.1
SELECT x, m, round(b, 9), round(c, 4) FROM flows;
-- @expect
-- | 451|1400|-949.0|32.2143
-- | 751.7|680.8|70.9|110.4142
-- | 0|0|0.0|
-- @check trade-12.2
SELECT name, narg, (flags & 0x800) != 0 AS deterministic, (flags & 0x200000) != 0 AS innocuous FROM pragma_function_list WHERE name = 'trade_imbalance' ORDER BY narg;
-- @expect
-- | trade_imbalance|2|1|1
-- | trade_imbalance|3|1|1

-- Differences of decimal inputs are the nearest double to the decimal
-- difference: 751.7 - 680.8 is 70.9 (binary subtraction gives
-- 70.9000000000001); 0.3 - 0.1 is 0.2 (binary: 0.19999999999999998).
-- @check trade-13.1
SELECT trade_imbalance(751.7, 680.8), trade_imbalance(751.7, 680.8) = 70.9, 751.7 - 680.8 = 70.9;
-- @expect 70.9|1|0
-- @check trade-13.2
SELECT trade_imbalance(0.3, 0.1) = 0.2, trade_imbalance('1,400.5', '0.25') = 1400.25;
-- @expect 1|1
-- Inputs with no short decimal form keep the binary difference.
-- @check trade-13.3
SELECT trade_imbalance(0.1, 1e-20) = 0.1 - 1e-20, trade_imbalance(1e300, -1e300) = 2e300;
-- @expect 1|1
