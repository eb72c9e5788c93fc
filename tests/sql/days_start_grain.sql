.load build/tradestat
.headers on
.mode list
-- A roll-up of days (grain=) begins where its series' own days begin.
-- Days are dates of events, so a month of days is whole while the data
-- lasts; it was judged against the first day the SOURCE holds only, so a
-- series whose rows begin on 15 March 2022, in a source holding days
-- since January, had a "whole" March of 17 days, and March 2023 (31 days
-- of the same 10 a day) showed +82.4 % growth, with no note.  Its first
-- month now reaches before the series' first row with a figure and is
-- 'incomplete period', as a month before the source's first day is: no
-- growth of its own, and none for the same month a year later, whose
-- prior it is (the decision the source's first day already made).  A
-- gap inside the data is days without sales, as before; a WHERE never
-- changes a row; the two scan paths agree to the bit.
CREATE TABLE t(k TEXT, d TEXT, v INTEGER);
-- a: 2022-01-01 .. 2024-03-11, the source's first and last day
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 800)
INSERT INTO t SELECT 'a', date('2022-01-01', '+' || n || ' days'), 10 FROM c;
-- b: from 15 March 2022 to the end of 2023
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 656)
INSERT INTO t SELECT 'b', date('2022-03-15', '+' || n || ' days'), 10 FROM c;
-- c: from 1 March 2022 to the end of 2023
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 670)
INSERT INTO t SELECT 'c', date('2022-03-01', '+' || n || ' days'), 10 FROM c;
-- g: 2022-01-01 .. 2022-11-30, then nothing sold until 20 January 2023,
-- then every day to 31 January 2024
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 760)
INSERT INTO t SELECT 'g', date('2022-01-01', '+' || n || ' days'), 10 FROM c
WHERE date('2022-01-01', '+' || n || ' days') NOT BETWEEN '2022-12-01' AND '2023-01-19';
CREATE TEMP TABLE h AS
  SELECT * FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=hash');
CREATE TEMP TABLE s AS
  SELECT * FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=stream');

-- (b and c have no January or February 2022: a year-to-date of 2023
-- has no whole prior, whatever their Marches.)
-- @check days_start_grain-1.1 b: March 2022 is 15..31 March, incomplete, and so March 2023 has no growth (was +82.4 %); April compares whole months
SELECT period, value, round(growth, 6) AS growth, note FROM h
WHERE series = 'b' AND period IN ('2022-03', '2022-04', '2023-03', '2023-04');
-- @expect
-- | period|value|growth|note
-- | 2022-03|170||incomplete period
-- | 2022-04|300||no prior period
-- | 2023-03|310||incomplete prior period
-- | 2023-04|300|0.0|incomplete prior year-to-date
-- @check days_start_grain-1.2 c: rows from 1 March, a whole first month
SELECT period, value, round(growth, 6) AS growth, note FROM h
WHERE series = 'c' AND period IN ('2022-03', '2023-03');
-- @expect
-- | period|value|growth|note
-- | 2022-03|310||no prior period
-- | 2023-03|310|0.0|incomplete prior year-to-date
-- @check days_start_grain-1.3 g: a month after a gap inside the data is whole (12 days sold of 31: a real fall, shown), and the next January compares with it
SELECT period, value, round(growth, 6) AS growth, note FROM h
WHERE series = 'g' AND period IN ('2022-01', '2023-01', '2024-01');
-- @expect
-- | period|value|growth|note
-- | 2022-01|310||no prior period
-- | 2023-01|120|-61.290323|
-- | 2024-01|310|158.333333|
-- @check days_start_grain-1.4 the streaming path gives the same rows to the bit
SELECT (SELECT count(*) FROM h) AS rows,
       (SELECT count(*) FROM (SELECT * FROM h EXCEPT SELECT * FROM s)) AS only_hash,
       (SELECT count(*) FROM (SELECT * FROM s EXCEPT SELECT * FROM h)) AS only_stream;
-- @expect
-- | rows|only_hash|only_stream
-- | 95|0|0
-- @check days_start_grain-1.5 a WHERE on the period reads fewer years and changes no row: g's January 2023 is not its first month though 2022 is left out
SELECT series, period, value, round(growth, 6) AS growth, note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=hash') WHERE period = '2024-01'
UNION ALL
SELECT series, period, value, round(growth, 6), note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=stream') WHERE period = '2024-01';
-- @expect
-- | series|period|value|growth|note
-- | a|2024-01|310|0.0|
-- | g|2024-01|310|158.333333|
-- | a|2024-01|310|0.0|
-- | g|2024-01|310|158.333333|
-- @check days_start_grain-1.6 ... and b's March 2023 under a WHERE on it is what the whole read gives
SELECT period, value, growth, note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=hash')
WHERE series = 'b' AND period = '2023-03'
UNION ALL
SELECT period, value, growth, note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=stream')
WHERE series = 'b' AND period >= '2023-03' AND period < '2023-04';
-- @expect
-- | period|value|growth|note
-- | 2023-03|310||incomplete prior period
-- | 2023-03|310||incomplete prior period
-- @check days_start_grain-1.7 grain=quarter: b's Q1 2022 is 15..31 March alone, incomplete, and Q1 2023 has no growth; Q2 compares
SELECT period, value, round(growth, 6) AS growth, note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=quarter, scan=hash') WHERE series = 'b'
AND period IN ('2022-Q1', '2023-Q1', '2023-Q2');
-- @expect
-- | period|value|growth|note
-- | 2022-Q1|170||incomplete period
-- | 2023-Q1|900||incomplete prior period
-- | 2023-Q2|910|0.0|incomplete prior year-to-date
-- A part that began in the period is all the period had of it: the total
-- it is summed into is whole, so every series has a share of March 2022
-- (b's half month too, as plain SQL's GROUP BY month gives), and March
-- 2023 has contributions for every series but b, whose own growth
-- compares half a month with a whole one (docs/design.md, "Share and
-- contribution against the whole source").
-- @check days_start_grain-1.8 March 2022: shares for every series; March 2023: contributions but b's; April: both
SELECT period, count(*) AS series, count(share) AS shares, count(contribution) AS contributions
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month')
WHERE period IN ('2022-03', '2023-03', '2023-04') GROUP BY period ORDER BY period;
-- @expect
-- | period|series|shares|contributions
-- | 2022-03|4|4|0
-- | 2023-03|4|4|3
-- | 2023-04|4|4|4
-- @check days_start_grain-1.9 the shares of March 2022 are plain SQL's, on both paths
SELECT count(*) AS differ FROM (
  SELECT y.series, y.share, 100.0 * p.v / p.total AS plain
  FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=hash') y
  JOIN (SELECT k, sum(v) AS v, (SELECT sum(v) FROM t WHERE substr(d, 1, 7) = '2022-03') AS total
        FROM t WHERE substr(d, 1, 7) = '2022-03' GROUP BY k) p ON p.k = y.series
  WHERE y.period = '2022-03'
  UNION ALL
  SELECT y.series, y.share, 100.0 * p.v / p.total
  FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month, scan=stream') y
  JOIN (SELECT k, sum(v) AS v, (SELECT sum(v) FROM t WHERE substr(d, 1, 7) = '2022-03') AS total
        FROM t WHERE substr(d, 1, 7) = '2022-03' GROUP BY k) p ON p.k = y.series
  WHERE y.period = '2022-03')
WHERE share IS NULL OR abs(share - plain) > 1e-9;
-- @expect
-- | differ
-- | 0
-- @check days_start_grain-1.10 b's own first month: its share (170 of 310 + 170 + 310 + 310), no growth, the note
SELECT period, value, round(share, 6) AS share, growth, note
FROM yoy_growth('t', 'v', 'd', 'k', 'grain=month') WHERE series = 'b' AND period = '2022-03';
-- @expect
-- | period|value|share|growth|note
-- | 2022-03|170|15.454545||incomplete period

-- trade_imbalance, long data: each side is a series of its own.  Exports
-- from 1 January 2022, imports from 10 March 2022: March 2022 is
-- incomplete on the imports side only; a year later the exports' growth
-- is given, the imports' and the balance's are not.
CREATE TABLE f(k TEXT, d TEXT, flow TEXT, v INTEGER);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 729)
INSERT INTO f SELECT 'k', date('2022-01-01', '+' || n || ' days'), 'export', 10 FROM c;
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 660)
INSERT INTO f SELECT 'k', date('2022-03-10', '+' || n || ' days'), 'import', 1 FROM c;
-- @check days_start_grain-2.1 the imports' first month (22 days) is incomplete; March 2023: exports_growth 0.0, no imports_growth or balance_growth; both paths
SELECT period, exports, imports, exports_growth, imports_growth, balance_growth, note
FROM trade_imbalance('f', 'v', 'd', 'flow', 'k', 'grain=month, scan=hash')
WHERE period IN ('2022-03', '2023-03', '2023-04')
UNION ALL
SELECT period, exports, imports, exports_growth, imports_growth, balance_growth, note
FROM trade_imbalance('f', 'v', 'd', 'flow', 'k', 'grain=month, scan=stream')
WHERE period IN ('2022-03', '2023-03', '2023-04');
-- @expect
-- | period|exports|imports|exports_growth|imports_growth|balance_growth|note
-- | 2022-03|310|22||||incomplete period
-- | 2023-03|310|31|0.0|||incomplete prior period
-- | 2023-04|300|30|0.0|0.0|0.0|
-- | 2022-03|310|22||||incomplete period
-- | 2023-03|310|31|0.0|||incomplete prior period
-- | 2023-04|300|30|0.0|0.0|0.0|
