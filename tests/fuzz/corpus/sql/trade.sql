SELECT trade_imbalance(451, 1400) = -949 AND typeof(trade_imbalance(451, 1400)) = 'integer';
SELECT trade_imbalance(451, 1400, 'balance') = -949;
SELECT round(trade_imbalance(451, 1400, 'coverage'), 10) = round(451.0 / 1400 * 100, 10);
SELECT round(trade_imbalance(451, 1400, 'coverage'), 1) = 32.2;
SELECT round(trade_imbalance(451, 1400, 'normalized'), 1) = -51.3;
SELECT round(trade_imbalance(451, 1400, 'normalized'), 10) = round(-949.0 / 1851 * 100, 10);
SELECT round(trade_imbalance(451, 1400, 'grubel_lloyd'), 10) = round(902.0 / 1851 * 100, 10);
SELECT round(trade_imbalance(751.7, 680.8), 9) = 70.9 AND typeof(trade_imbalance(751.7, 680.8)) = 'real';
SELECT round(trade_imbalance(751.7, 680.8, 'coverage'), 6) = 110.414219;
SELECT round(trade_imbalance(751.7, 680.8, 'normalized'), 6) = 4.949389;
SELECT round(trade_imbalance(751.7, 680.8, 'grubel_lloyd'), 6) = 95.050611;
SELECT typeof(trade_imbalance(2, 1, 'coverage')), trade_imbalance(2, 1, 'coverage');
SELECT typeof(trade_imbalance(3, 1, 'normalized')), trade_imbalance(3, 1, 'normalized');
SELECT typeof(trade_imbalance(3, 1, 'grubel_lloyd')), trade_imbalance(3, 1, 'grubel_lloyd');
SELECT trade_imbalance(3, 1, 'COVERAGE') = 300, trade_imbalance(3, 1, ' Normalized ') = 50,
       trade_imbalance(3, 1, 'Grubel_Lloyd') = 50, trade_imbalance(3, 1, 'BALANCE') = 2;
SELECT trade_imbalance('451', ' 1400 ') = -949, typeof(trade_imbalance('451', '1400'));
SELECT trade_imbalance('1e2', '50', 'coverage') = 200;
SELECT trade_imbalance(5, 0, 'coverage') IS NULL, trade_imbalance(0, 0, 'normalized') IS NULL,
       trade_imbalance(0.0, 0, 'grubel_lloyd') IS NULL, trade_imbalance(0, 0) = 0;
SELECT trade_imbalance(0, 7, 'coverage') = 0, trade_imbalance(0, 7, 'normalized') = -100,
       trade_imbalance(7, 0, 'normalized') = 100, trade_imbalance(7, 0, 'grubel_lloyd') = 0,
       trade_imbalance(7, 7, 'grubel_lloyd') = 100;
SELECT trade_imbalance(-5, 3) = -8, trade_imbalance(-5, 3, 'coverage') IS NULL,
       trade_imbalance(5, -3, 'normalized') IS NULL, trade_imbalance(5, -3, 'grubel_lloyd') IS NULL;
SELECT trade_imbalance(NULL, 1400) IS NULL, trade_imbalance(451, NULL) IS NULL,
       trade_imbalance(NULL, NULL, 'coverage') IS NULL, trade_imbalance(451, 1400, NULL) IS NULL;
SELECT typeof(trade_imbalance(9223372036854775807, -1)), trade_imbalance(9223372036854775807, -1) = 9223372036854775808.0;
SELECT trade_imbalance(-1, 9223372036854775807) = -9223372036854775808, typeof(trade_imbalance(-1, 9223372036854775807));
SELECT trade_imbalance(9223372036854775807, 9223372036854775807, 'normalized') = 0;
SELECT trade_imbalance(1.7e308, -1.7e308) IS NULL;
SELECT round(trade_imbalance(1.7e308, 0.85e308, 'normalized'), 9) = round(100.0 / 3, 9);
SELECT trade_imbalance(451, 1400, 'ratio');
SELECT trade_imbalance(451, 1400, '');
SELECT trade_imbalance(451, 1400, 3);
SELECT trade_imbalance(451, 1400, x'00ff');
SELECT trade_imbalance(NULL, NULL, 'ratio');
SELECT trade_imbalance('n/a', 1400);
SELECT trade_imbalance(451, 'abc');
SELECT trade_imbalance(NULL, 'abc');
SELECT trade_imbalance(x'0102', 1400);
SELECT trade_imbalance(9e999, 1400);
SELECT trade_imbalance(451, '-1e999');
SELECT trade_imbalance(451);
SELECT trade_imbalance(1, 2, 'balance', 4);
PRAGMA trusted_schema = OFF;
CREATE TABLE flows (x, m, b AS (trade_imbalance(x, m)), c AS (trade_imbalance(x, m, 'coverage')));
INSERT INTO flows (x, m) VALUES (451, 1400), (751.7, 680.8), (0, 0);
SELECT x, m, round(b, 9), round(c, 4) FROM flows;
SELECT name, narg, (flags & 0x800) != 0 AS deterministic, (flags & 0x200000) != 0 AS innocuous FROM pragma_function_list WHERE name = 'trade_imbalance' ORDER BY narg;
