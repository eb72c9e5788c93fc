.load build/tradestat
.headers on
.mode list
-- The hash path's pass query is built from the source query's text
-- (vtab/series_hash_pass.c, pass_sql; vtab/series_hash.c, unordered_sql):
-- its FROM, its ORDER BY and its parameters are found outside quotes.
-- Names the user chose may hold all three, and every kind of quote.  The
-- hash path must still answer (one more hash scan: an ORDER BY not found
-- gives the query back to the streaming path), with the streaming path's
-- rows (a parameter numbered wrong would bind the key to another place).
CREATE TABLE "we?ird FROM ""t"" [x]"("k ? FROM 'a'" TEXT, "p]`x ORDER BY" TEXT, "v ?" INTEGER);
INSERT INTO "we?ird FROM ""t"" [x]" VALUES ('a', '2022-01-05', 1), ('a', '2023-01-09', 2),
  ('b', '2022-03-01', 5), ('b', '2022-03-31', 6), ('b', '2023-03-01', 7), ('b', '2023-04-30', 1);
CREATE TEMP VIEW hash_scans AS SELECT CAST(substr(d, instr(d, 'Scan paths: hash ') + 17)
  AS INTEGER) AS n FROM (SELECT tradestat_debug() AS d);
CREATE TEMP TABLE mark(what TEXT, n INTEGER);
INSERT INTO mark SELECT 'before', n FROM hash_scans;
CREATE TEMP TABLE h AS SELECT series, period, value, growth, note
  FROM yoy_growth('we?ird FROM "t" [x]', 'v ?', 'p]`x ORDER BY', 'k ? FROM ''a''',
                  'grain=month, scan=hash') WHERE series = 'b';
INSERT INTO mark SELECT 'after', n FROM hash_scans;
CREATE TEMP TABLE s AS SELECT series, period, value, growth, note
  FROM yoy_growth('we?ird FROM "t" [x]', 'v ?', 'p]`x ORDER BY', 'k ? FROM ''a''',
                  'grain=month, scan=stream') WHERE series = 'b';

-- b: March 2022 is 5 + 6 = 11 (from its 1st), March 2023 is 7: -36.36 %
-- (its 2023 has no January or February: no year-to-date).
-- @check hash_pass_quotes-1.1 by hash, a series column bound as a parameter: the rows of plain arithmetic
SELECT series, period, value, round(growth, 2) AS growth, note FROM h;
-- @expect
-- | series|period|value|growth|note
-- | b|2022-03|11||no prior period
-- | b|2023-03|7|-36.36|incomplete year-to-date
-- | b|2023-04|1||no prior period
-- @check hash_pass_quotes-1.2 the hash path answered, and the streaming path gives the same rows
SELECT (SELECT n FROM mark WHERE what = 'after') - (SELECT n FROM mark WHERE what = 'before')
         AS hash_scans,
       (SELECT count(*) FROM (SELECT * FROM h EXCEPT SELECT * FROM s)) AS only_hash,
       (SELECT count(*) FROM (SELECT * FROM s EXCEPT SELECT * FROM h)) AS only_stream;
-- @expect
-- | hash_scans|only_hash|only_stream
-- | 1|0|0
