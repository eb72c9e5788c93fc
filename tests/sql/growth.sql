.load build/tradestat
-- The growth family: pct_change, cagr, yoy_growth,
-- ytd_growth, and tradestat_version / tradestat_debug.  Lines of
-- assertions print 1 (values computed independently in the comments);
-- error lines show the exact message.
.mode list
.headers off

-- tradestat_version / tradestat_debug
-- @check growth-1.1
SELECT tradestat_version() GLOB '[0-9]*.[0-9]*.[0-9]*', typeof(tradestat_version()) = 'text';
-- @expect 1|1
-- @check growth-1.2
SELECT instr(tradestat_debug(), 'SQLite running: ' || sqlite_version()) > 0,
       instr(tradestat_debug(), 'Version: ' || tradestat_version()) > 0;
-- @expect 1|1

-- pct_change: the article.  (1400 - 680.8) / 680.8 = 1.056404...
-- @check growth-2.1
SELECT round(pct_change(1400, 680.8), 2) = 105.64, typeof(pct_change(1400, 680.8)) = 'real';
-- @expect 1|1
-- exports to China: (451 - 751.7) / 751.7 = -0.40002...
-- @check growth-2.2
SELECT round(pct_change(451, 751.7), 1) = -40.0;
-- @expect 1
-- negative bases: a deficit shrinking -382.3 -> -279.6 is +26.9 %
-- (102.7 / 382.3); one widening -100 -> -150 is -50 %
-- @check growth-2.3
SELECT round(pct_change(-279.6, -382.3), 1) = 26.9, pct_change(-150, -100) = -50.0,
       pct_change(50, -100) = 150.0, pct_change(0, 10) = -100.0, pct_change(10, 10) = 0.0;
-- @expect 1|1|1|1|1
-- zero base and NULLs give NULL
-- @check growth-2.4
SELECT pct_change(5, 0) IS NULL, pct_change(5, 0.0) IS NULL, pct_change(0, 0) IS NULL,
       pct_change(NULL, 1) IS NULL, pct_change(1, NULL) IS NULL, pct_change(NULL, NULL) IS NULL;
-- @expect 1|1|1|1|1|1
-- text that SQLite reads as a number is a number
-- @check growth-2.5
SELECT pct_change('1400', ' 680.8') = pct_change(1400, 680.8), pct_change(' 12.5', '10') = 25.0,
       pct_change('1e2', 50) = 100.0;
-- @expect 1|1|1
-- huge integers: (2^63-1 - (-2^63)) / 2^63 = 2 (in doubles) -> 200 %
-- @check growth-2.6
SELECT pct_change(9223372036854775807, -9223372036854775808) = 200.0,
       pct_change(1e308, 1e-308) IS NULL;
-- @expect 1|1
-- @check growth-2.7
SELECT pct_change(1, 'n/a');
-- @error pct_change(): argument 2 is not a number: 'n/a'
-- @check growth-2.8
SELECT pct_change('abc', 1);
-- @error pct_change(): argument 1 is not a number: 'abc'
-- @check growth-2.9
SELECT pct_change(x'00ff', 1);
-- @error pct_change(): argument 1 is not a number: x'00ff'
-- @check growth-2.10
SELECT pct_change(1, 9e999);
-- @error pct_change(): argument 2 is not a finite number: Inf
-- @check growth-2.11
SELECT pct_change(-9e999, 1);
-- @error pct_change(): argument 1 is not a finite number: -Inf
-- @check growth-2.12
SELECT pct_change('1e999', 1);
-- @error pct_change(): argument 1 is not a finite number: '1e999'
-- Empty text and the agencies' no-data marks ('-', '…', 'x') are missing
-- figures, read as NULL; thousands separators in groups of three are read.
-- @check growth-2.13
SELECT pct_change('', 1) IS NULL, pct_change('-', 1) IS NULL, pct_change(' … ', 1) IS NULL,
       pct_change(1, 'x') IS NULL, pct_change(1, 'X') IS NULL;
-- @expect 1|1|1|1|1
-- (1400 - 680.8) / 680.8 with the inputs as a CSV import gives them
-- @check growth-2.13a
SELECT pct_change('1,400', '680.8') = pct_change(1400, 680.8),
       pct_change(' 8,208.9 ', '-1,019.9') = pct_change(8208.9, -1019.9),
       pct_change('1,234,567', 1) = pct_change(1234567, 1), pct_change('+1,000', '1,000');
-- @expect 1|1|1|0.0
-- separators that are not groups of three stay errors (a decimal comma
-- such as '0,5' or '0,001' is never read as thousands)
-- @check growth-2.13b
SELECT pct_change('1,40', 1);
-- @error pct_change(): argument 1 is not a number: '1,40'
-- @check growth-2.13c
SELECT pct_change(1, '0,001');
-- @error pct_change(): argument 2 is not a number: '0,001'
-- @check growth-2.13d
SELECT pct_change('1234,567', 1);
-- @error pct_change(): argument 1 is not a number: '1234,567'
-- @check growth-2.13e
SELECT pct_change('1,000.5,5', 1);
-- @error pct_change(): argument 1 is not a number: '1,000.5,5'
-- @check growth-2.13f
SELECT pct_change('--', 1);
-- @error pct_change(): argument 1 is not a number: '--'
-- a sign then a comma has no digit before its first group: '-,400' was
-- read as -400
-- @check growth-2.13g
SELECT pct_change('-,400', 1);
-- @error pct_change(): argument 1 is not a number: '-,400'
-- @check growth-2.13h
SELECT trade_imbalance(1, '+,400');
-- @error trade_imbalance(): argument 2 is not a number: '+,400'
-- an exponent after grouped digits: '3,801e6' may be 3.801e6 written with
-- a decimal comma, 1000 times less than the thousands reading
-- @check growth-2.13i
SELECT pct_change('3,801e6', 1);
-- @error pct_change(): argument 1 is not a number: '3,801e6'
-- @check growth-2.13j
SELECT pct_change(1, '-1,234.5E2');
-- @error pct_change(): argument 2 is not a number: '-1,234.5E2'
-- @check growth-2.14
SELECT pct_change(1);
-- @error wrong number of arguments to function pct_change()

-- cagr scalar: (4.73 / 2.75)^(1/4) - 1 = 0.145202...
-- @check growth-3.1
SELECT round(cagr(2.75, 4.73, 4), 2) = 14.52, cagr(100, 121, 2) BETWEEN 9.9999999 AND 10.0000001,
       cagr(100, 0, 3) = -100.0, cagr(100, 100, 5) = 0.0, cagr('100', '121', '2') = cagr(100, 121, 2);
-- @expect 1|1|1|1|1
-- undefined: first <= 0, last < 0, years <= 0; NULLs
-- @check growth-3.2
SELECT cagr(0, 5, 1) IS NULL, cagr(-1, 5, 1) IS NULL, cagr(1, -5, 1) IS NULL,
       cagr(1, 5, 0) IS NULL, cagr(1, 5, -2) IS NULL, cagr(NULL, 5, 1) IS NULL,
       cagr(1, NULL, 1) IS NULL, cagr(1, 5, NULL) IS NULL,
       cagr(1e-300, 1e300, 0.001) IS NULL, cagr(9223372036854775807, 9223372036854775807, 1) = 0.0;
-- @expect 1|1|1|1|1|1|1|1|1|1
-- @check growth-3.3
SELECT cagr(1, 2, 'soon');
-- @error cagr(): argument 3 is not a number: 'soon'
-- @check growth-3.4
SELECT cagr(1, 9e999, 1);
-- @error cagr(): argument 2 is not a finite number: Inf
-- @check growth-3.5
SELECT cagr(x'01', 2, 1);
-- @error cagr(): argument 1 is not a number: x'01'

-- The article's figures and a few more series.
CREATE TABLE trade(period, flow, partner, amount);
INSERT INTO trade VALUES
  ('2023-H1', 'import', 'China', 1400), ('2022-H1', 'import', 'China', 680.8),
  ('2022-H2', 'import', 'China', 809.2), ('2023-H1', 'export', 'China', 451),
  ('2022-H1', 'export', 'China', 751.7), ('2018', 'import', 'World', 2.75),
  ('2022', 'import', 'World', 4.73);

-- cagr aggregate: global direct purchases 2018 -> 2022 over 4 years
-- @check growth-4.1
SELECT round(cagr(amount, period), 2) = 14.52 FROM trade WHERE partner = 'World';
-- @expect 1
-- first 2022-H1, last 2023-H1 (one year): 1400 / 680.8 - 1 = 105.64 %
-- @check growth-4.2
SELECT round(cagr(amount, period), 2) = 105.64 FROM trade WHERE flow = 'import' AND partner = 'China';
-- @expect 1
-- 2022-H1 100 -> 2023-H2 150: 1.5 years, 1.5^(1/1.5) - 1 = 0.310371...
-- @check growth-4.3
WITH x(v, p) AS (VALUES (150, '2023 2/2'), (100, '2022.1/2'), (7, '2022-H2'))
SELECT round(cagr(v, p), 4) = 31.0371 FROM x;
-- @expect 1
-- same-period rows are summed, any order, NULL rows skipped:
-- 2020: 40 + 60 = 100; 2022: 100 + 21 = 121 -> 10 %
-- @check growth-4.4
WITH x(v, p) AS (VALUES (100, 2022), (40, '2020'), (NULL, '2019'),
  (55, NULL), (60, 2020), (21, '2022 p'))
SELECT round(cagr(v, p), 9) = 10.0 FROM x;
-- @expect 1
-- monthly: 2023-01 100 -> 2023-07 110 is half a year: 1.1^2 - 1 = 21 %
-- @check growth-4.5
WITH x(p, v) AS (VALUES ('2023-01', 100), ('2023-07', 110))
SELECT round(cagr(v, p), 9) = 21.0 FROM x;
-- @expect 1
-- @check growth-4.6
WITH x(v, p) AS (VALUES (5, '2023')) SELECT cagr(v, p) IS NULL FROM x;
-- @expect 1
-- @check growth-4.7
WITH x(v, p) AS (VALUES (5, '2023')) SELECT cagr(v, p) IS NULL FROM x WHERE 0;
-- @expect 1
-- @check growth-4.8
WITH x(v, p) AS (VALUES (0, '2020'), (5, '2023')) SELECT cagr(v, p) IS NULL FROM x;
-- @expect 1
-- @check growth-4.9
WITH x(v, p) AS (VALUES (5, '2023-Q1'), (6, '2023-05')) SELECT cagr(v, p) FROM x;
-- @error cagr(): series mixes period kinds: '2023-Q1' and '2023-05'
-- @check growth-4.10
WITH x(v, p) AS (VALUES (5, '2023-Q1'), ('five', '2023-Q2')) SELECT cagr(v, p) FROM x;
-- @error cagr(): argument 1 is not a number: 'five'
-- @check growth-4.11
WITH x(v, p) AS (VALUES (5, '2023-Q1'), (6, '2023-Q5')) SELECT cagr(v, p) FROM x;
-- @error cagr(): argument 2 is not a period: '2023-Q5' (nearest accepted form: 'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4))

-- yoy_growth / ytd_growth aggregates: growth of the group's latest period.
-- imports +105.64 % (1400 vs 680.8); exports -40.0 % (451 vs 751.7)
-- @check growth-5.1
SELECT flow, round(yoy_growth(amount, period), 2), round(ytd_growth(amount, period), 2)
  FROM trade WHERE partner = 'China' GROUP BY flow ORDER BY flow;
-- @expect
-- | export|-40.0|-40.0
-- | import|105.64|105.64
-- rows in any order give the same answer
-- @check growth-5.2
SELECT round(yoy_growth(amount, period), 2) = 105.64
  FROM (SELECT * FROM trade WHERE flow = 'import' AND partner = 'China' ORDER BY period DESC);
-- @expect 1
-- no prior period, no rows, all-NULL rows: NULL
-- @check growth-5.3
SELECT yoy_growth(amount, period) IS NULL FROM trade WHERE flow = 'export' AND period = '2023-H1';
-- @expect 1
-- @check growth-5.4
SELECT yoy_growth(amount, period) IS NULL, ytd_growth(amount, period) IS NULL FROM trade WHERE 0;
-- @expect 1|1
-- @check growth-5.5
WITH x(v, p) AS (VALUES (NULL, '2022'), (5, NULL), (NULL, NULL)) SELECT yoy_growth(v, p) IS NULL FROM x;
-- @expect 1

-- monthly Jan-Jun: 2022 sums to 680.8, 2023 to 1400, so the year-to-date
-- growth at June is the H1 growth, +105.64 %
CREATE TABLE monthly(partner, period, amount);
INSERT INTO monthly VALUES
  ('China', '2022-01', 100), ('China', '2022-02', 110), ('China', '2022-03', 105.8),
  ('China', '2022-04', 120), ('China', '2022-05', 115), ('China', '2022-06', 130),
  ('China', '2023-01', 200), ('China', '2023-02', 210), ('China', '2023-03', 230),
  ('China', '2023-04', 240), ('China', '2023-05', 250), ('China', '2023-06', 270);
-- @check growth-6.1
SELECT round(ytd_growth(amount, period), 2) = 105.64,
       abs(ytd_growth(amount, period) - pct_change(1400, 680.8)) < 1e-9,
       yoy_growth(amount, period) = pct_change(270, 130)
  FROM monthly;
-- @expect 1|1|1

-- numbers and periods in any accepted form; same-period rows summed
-- @check growth-7.1
WITH x(v, p) AS (VALUES ('100', '2022.1/4'), (' 30', '2023 1/4'), (120, '2023-Q1 p)'), (0, '2021-Q1'))
SELECT yoy_growth(v, p) = 50.0, ytd_growth(v, p) = 50.0 FROM x;
-- @expect 1|1
-- sums past INT64 stay exact inside and do not overflow:
-- 2023 = 2 * (2^63 - 1) vs 2022 = 2^62 -> growth (2^64 - 2 - 2^62) / 2^62 = 300 %
-- @check growth-7.2
WITH x(v, p) AS (VALUES (9223372036854775807, 2023), (9223372036854775807, 2023), (4611686018427387904, 2022))
SELECT round(yoy_growth(v, p), 6) = 300.0 FROM x;
-- @expect 1
-- a zero prior and a negative prior
-- @check growth-7.3
WITH x(v, p) AS (VALUES (0, '2022'), (5, '2023')) SELECT yoy_growth(v, p) IS NULL FROM x;
-- @expect 1
-- @check growth-7.4
WITH x(v, p) AS (VALUES (-382.3, '2022'), (-279.6, '2023')) SELECT round(yoy_growth(v, p), 1) = 26.9 FROM x;
-- @expect 1
-- errors name the function and argument and quote the value
-- @check growth-7.5
WITH x(v, p) AS (VALUES (1, '2022'), ('n/a', '2023')) SELECT yoy_growth(v, p) FROM x;
-- @error yoy_growth(): argument 1 is not a number: 'n/a'
-- @check growth-7.6
WITH x(v, p) AS (VALUES (1, '2022'), (x'beef', '2023')) SELECT ytd_growth(v, p) FROM x;
-- @error ytd_growth(): argument 1 is not a number: x'beef'
-- @check growth-7.7
WITH x(v, p) AS (VALUES (1, '2022'), (9e999, '2023')) SELECT yoy_growth(v, p) FROM x;
-- @error yoy_growth(): argument 1 is not a finite number: Inf
-- @check growth-7.8
WITH x(v, p) AS (VALUES (1, '2022'), (2, '2023-13')) SELECT yoy_growth(v, p) FROM x;
-- @error yoy_growth(): argument 2 is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @check growth-7.9
WITH x(v, p) AS (VALUES (1, '2023-Q1'), (2, '2023-05')) SELECT yoy_growth(v, p) FROM x;
-- @error yoy_growth(): series mixes period kinds: '2023-Q1' and '2023-05'
-- @check growth-7.10
WITH x(v, p) AS (VALUES (1, '2023-H1'), (2, '2023')) SELECT ytd_growth(v, p) FROM x;
-- @error ytd_growth(): series mixes period kinds: '2023-H1' and '2023'

-- Windows.  Default frame (RANGE UNBOUNDED PRECEDING .. CURRENT ROW):
-- each row gets the growth of its own period.
-- @check growth-8.1
SELECT period, round(yoy_growth(amount, period) OVER w, 2), round(ytd_growth(amount, period) OVER w, 2)
  FROM monthly WINDOW w AS (PARTITION BY partner ORDER BY period) ORDER BY period;
-- @expect
-- | 2022-01||
-- | 2022-02||
-- | 2022-03||
-- | 2022-04||
-- | 2022-05||
-- | 2022-06||
-- | 2023-01|100.0|100.0
-- | 2023-02|90.91|95.24
-- | 2023-03|117.39|102.66
-- | 2023-04|100.0|101.93
-- | 2023-05|117.39|105.16
-- | 2023-06|107.69|105.64
-- the window agrees with the aggregate on every prefix
-- @check growth-8.2
SELECT count(*) = 12 FROM monthly m
 WHERE (SELECT yoy_growth(amount, period) FROM monthly WHERE period <= m.period)
       IS (SELECT g FROM (SELECT period, yoy_growth(amount, period) OVER (ORDER BY period) g FROM monthly) WHERE period = m.period);
-- @expect 1
-- ROWS frames: `monthly` holds Jan-Jun of two years, so the same month a
-- year earlier is 6 rows back.  6 PRECEDING agrees with the default frame;
-- 5 PRECEDING never reaches the prior year (all NULL); ytd with 6
-- PRECEDING is defined only in January (later months need Jan 2022 too).
-- @check growth-8.3
SELECT count(*) = 12, sum(a IS b) = 12, sum(c IS NULL) = 12, sum(ytd6 IS NULL) = 11 FROM (
  SELECT yoy_growth(amount, period) OVER (ORDER BY period) a,
         yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) b,
         yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) c,
         ytd_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) ytd6
  FROM monthly);
-- @expect 1|1|1|1
-- ROWS frames over a long series: 13 rows back is the same month a year
-- earlier, and the sliding result equals the default frame's on every row
CREATE TABLE long_series AS
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 239)
  SELECT period_shift('2004-01', i) AS period, (i * 37) % 101 + 1 AS amount FROM n;
-- @check growth-8.4
SELECT sum(a IS b), sum(a IS NOT NULL), sum(c IS NULL) FROM (
  SELECT yoy_growth(amount, period) OVER (ORDER BY period) a,
         yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 12 PRECEDING AND CURRENT ROW) b,
         yoy_growth(amount, period) OVER (ORDER BY period ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) c
  FROM long_series);
-- @expect 240|228|240
-- and it matches the textbook formula where no month is missing
-- @check growth-8.5
SELECT sum(abs(g - (amount - prev) * 100.0 / abs(prev)) < 1e-9) FROM (
  SELECT amount, yoy_growth(amount, period) OVER w g, lag(amount, 12) OVER w prev
  FROM long_series WINDOW w AS (ORDER BY period)) WHERE prev IS NOT NULL;
-- @expect 228
-- peers (rows of the same period) are summed; PARTITION BY keeps series apart
-- (A: 2023 = 5 + 10 vs 10 -> +50 %; B: 2 vs 4 -> -50 %)
-- @check growth-8.6
WITH x(partner, period, v) AS (VALUES ('A', '2022', 10), ('A', '2023', 5), ('A', '2023', 10),
  ('B', '2022', 4), ('B', '2023', 2))
SELECT partner, period, yoy_growth(v, period) OVER (PARTITION BY partner ORDER BY period)
  FROM x ORDER BY partner, period;
-- @expect
-- | A|2022|
-- | A|2023|50.0
-- | A|2023|50.0
-- | B|2022|
-- | B|2023|-50.0
-- NULL rows are skipped in windows too
-- @check growth-8.7
WITH x(period, v) AS (VALUES ('2021', 10), ('2022', NULL), ('2023', 15), ('2024', 30))
SELECT period, yoy_growth(v, period) OVER (ORDER BY period) FROM x ORDER BY period;
-- @expect
-- | 2021|
-- | 2022|
-- | 2023|
-- | 2024|100.0
-- a window not ordered by period ascending is an error
-- (wrapped in count(*) so no row is printed before the error: the shell's
-- stdout and stderr would interleave unpredictably)
-- @check growth-8.8
SELECT count(*) FROM (SELECT yoy_growth(amount, period) OVER (ORDER BY period DESC) FROM monthly);
-- @error yoy_growth(): window is not ordered by period ascending: '2023-05' after '2023-06'
-- @check growth-8.9
WITH x(v, p, k) AS (VALUES (1, '2023-05', 1), (2, '2023-03', 2)) SELECT count(*) FROM (SELECT ytd_growth(v, p) OVER (ORDER BY k) FROM x);
-- @error ytd_growth(): window is not ordered by period ascending: '2023-03' after '2023-05'
-- @check growth-8.10
WITH x(v, p, k) AS (VALUES (1, '2023-05', 1), (2, '2023-Q3', 2)) SELECT count(*) FROM (SELECT yoy_growth(v, p) OVER (ORDER BY k) FROM x);
-- @error yoy_growth(): series mixes period kinds: '2023-05' and '2023-Q3'

-- pure functions work in views and generated columns with trusted_schema OFF
PRAGMA trusted_schema = OFF;
CREATE VIEW growth_view AS SELECT flow, yoy_growth(amount, period) AS g, pct_change(2, 1) AS p,
  cagr(1, 2, 1) AS c FROM trade WHERE partner = 'China' GROUP BY flow;
-- @check growth-9.1
SELECT flow, round(g, 2), p, c FROM growth_view ORDER BY flow;
-- @expect
-- | export|-40.0|100.0|100.0
-- | import|105.64|100.0|100.0

-- The aggregate sums the rows of a period, whatever their label form, as
-- the query's GROUP BY asks (docs/reference/growth.md): it equals
-- pct_change of the two periods' sum()s.  2023-06 is 5 + 7 + 8 = 20
-- ('2023.06', '2023-06' and 'Jun 2023' are one month), 2022-06 is 10:
-- +100 %.  The window with the default frame gives every 2023-06 row
-- the same growth (its rows are peers).
-- @check growth-10.1
WITH d(p, v) AS (VALUES ('2022-06', 10), ('2023.06', 5), ('2023-06', 7), ('Jun 2023', 8))
SELECT yoy_growth(v, p),
       pct_change((SELECT sum(v) FROM d WHERE period_normalize(p) = '2023-06'),
                  (SELECT sum(v) FROM d WHERE period_normalize(p) = '2022-06')) FROM d;
-- @expect 100.0|100.0
-- @check growth-10.2
WITH d(p, v) AS (VALUES ('2022-06', 10), ('2023-06', 5), ('2023-06', 7), ('2023-06', 8))
SELECT group_concat(coalesce(g, 'NULL'), ',') FROM (SELECT yoy_growth(v, p) OVER (ORDER BY p) AS g FROM d);
-- @expect NULL,100.0,100.0,100.0

-- Sums of REALs that overflow a double: the aggregate and window forms
-- run the engine the yoy_growth table does (its notes in yoy_vtab-34)
-- and give NULL, never an infinity or a rate against one.  2021 sums to
-- 2e308 (+Inf); 2022 = 1 against it; 2023 sums to +Inf against 1;
-- 2026 = 1e300 against 1e-300 overflows the rate; 2031 =
-- 3 against 2030 = 2 is +50 %, so the same query computes where it can.
-- @check growth-11.1 the window form
WITH d(p, v) AS (VALUES ('2021', 1e308), ('2021', 1e308), ('2022', 1.0), ('2023', 1e308), ('2023', 1e308),
  ('2025', 1e-300), ('2026', 1e300), ('2030', 2.0), ('2031', 3.0))
SELECT group_concat(p || '=' || coalesce(g, 'NULL'), ',') FROM (SELECT DISTINCT p, yoy_growth(v, p) OVER (ORDER BY p) AS g FROM d ORDER BY p);
-- @expect 2021=NULL,2022=NULL,2023=NULL,2025=NULL,2026=NULL,2030=NULL,2031=50.0
-- @check growth-11.2 the aggregate form, the latest period of each group
WITH d(k, p, v) AS (VALUES ('prior', '2021', 1e308), ('prior', '2021', 1e308), ('prior', '2022', 1.0),
  ('value', '2022', 1.0), ('value', '2023', 1e308), ('value', '2023', 1e308),
  ('rate', '2025', 1e-300), ('rate', '2026', 1e300), ('fine', '2027', 2.0), ('fine', '2028', 3.0))
SELECT group_concat(k || '=' || coalesce(g, 'NULL'), ',') FROM (SELECT k, yoy_growth(v, p) AS g FROM d GROUP BY k ORDER BY k);
-- @expect fine=50.0,prior=NULL,rate=NULL,value=NULL
-- ytd_growth: March's year-to-date sums to +Inf (1e308 three times)
-- from February (2e308), though each month's growth is defined;
-- January's is 1e308 / 1e300 - 1, about 1e10 %.
-- @check growth-11.3 ytd_growth over a year-to-date that overflows
WITH d(p, v) AS (VALUES ('2022-01', 1e300), ('2022-02', 1e300), ('2022-03', 1e300),
  ('2023-01', 1e308), ('2023-02', 1e308), ('2023-03', 1e308))
SELECT group_concat(p || '=' || CASE WHEN g IS NULL THEN 'NULL' ELSE printf('%.6e', g) END, ',') FROM (SELECT p, ytd_growth(v, p) OVER (ORDER BY p) AS g FROM d ORDER BY p) WHERE p >= '2023';
-- @expect 2023-01=1.000000e+10,2023-02=NULL,2023-03=NULL
