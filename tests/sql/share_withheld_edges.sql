.load build/tradestat
-- Shares with a withheld part (a NULL-valued row), the rows that are
-- easy to count wrong: a NULL row in a group whose key column is NULL,
-- spelt another way under NOCASE, whose own part key is NULL, of another
-- period kind, of a series the query's WHERE leaves out (the totals never
-- read the WHERE), and under total= with two by columns.  Plain SQL:
-- value * 100.0 / sum(v) over the group and period, NULL where
-- count(*) differs from count(v) in that group and period (a row of
-- another period label is another period).
-- Expected values are worked out by hand in the comments.
.mode list
.headers off

CREATE TABLE t(flow TEXT COLLATE NOCASE, partner TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES
  ('x', 'a', '2022', 50), ('x', 'b', '2022', 50), ('x', 'a', '2023', 60), ('x', 'b', '2023', 40),
  ('y', 'a', '2022', 10), ('y', 'b', '2022', 10), ('y', 'a', '2023', 10), ('y', 'b', '2023', 30),
  ('z', 'a', '2022', 10), ('z', 'b', '2022', 10), ('z', 'a', '2023', 10), ('z', 'b', '2023', 30),
  ('X', 'c', '2023', NULL),                -- flow 'x' under NOCASE: x's 2023 unknown
  (NULL, 'a', '2023', 5), (NULL, 'b', '2023', 5), (NULL, 'c', '2023', NULL), -- NULL group
  ('y', NULL, '2023', NULL),               -- a NULL part key: y's 2023 unknown
  ('z', 'c', '2023-05', NULL);             -- a month: not z's year 2023
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by='flow, partner');
-- @check share-withheld-edges-1.1 plain SQL, the rows with a figure
SELECT flow, partner, p, CASE WHEN n = nv THEN v * 100.0 / s END FROM (
  SELECT *, sum(v) OVER w AS s, count(*) OVER w AS n, count(v) OVER w AS nv FROM t
  WINDOW w AS (PARTITION BY flow, p)) WHERE v IS NOT NULL ORDER BY 1, 2, 3;
-- @expect
-- | |a|2023|
-- | |b|2023|
-- | x|a|2022|50.0
-- | x|a|2023|
-- | x|b|2022|50.0
-- | x|b|2023|
-- | y|a|2022|50.0
-- | y|a|2023|
-- | y|b|2022|50.0
-- | y|b|2023|
-- | z|a|2022|50.0
-- | z|a|2023|25.0
-- | z|b|2022|50.0
-- | z|b|2023|75.0
-- @check share-withheld-edges-1.2 the table, and with a WHERE that leaves the NULL rows out
SELECT flow, partner, period, share FROM g ORDER BY 1, 2, 3;
SELECT flow, partner, period, share FROM g WHERE partner = 'a' AND period = '2023' ORDER BY 1, 2, 3;
-- @expect
-- | |a|2023|
-- | |b|2023|
-- | x|a|2022|50.0
-- | x|a|2023|
-- | x|b|2022|50.0
-- | x|b|2023|
-- | y|a|2022|50.0
-- | y|a|2023|
-- | y|b|2022|50.0
-- | y|b|2023|
-- | z|a|2022|50.0
-- | z|a|2023|25.0
-- | z|b|2022|50.0
-- | z|b|2023|75.0
-- | |a|2023|
-- | x|a|2023|
-- | y|a|2023|
-- | z|a|2023|25.0

-- total= with two by columns, NOCASE last column: only the total
-- series' own NULL row makes its period unknown.  x: b withheld in 2023
-- but World is published: a is 50 of 100.  y: 'WORLD' (the World series
-- under NOCASE) has a NULL row in 2023 beside 200: unknown.  z: the NULL
-- row is flow 'Z', another group under BINARY: z's 2023 is 50 of 200.
CREATE TABLE w(flow TEXT, partner TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO w VALUES ('x', 'World', '2022', 100), ('x', 'a', '2022', 60), ('x', 'b', '2022', 30),
  ('x', 'World', '2023', 100), ('x', 'a', '2023', 50), ('x', 'b', '2023', NULL),
  ('y', 'World', '2022', 100), ('y', 'a', '2022', 60), ('y', 'WORLD', '2023', NULL),
  ('y', 'a', '2023', 50), ('y', 'World', '2023', 200),
  ('z', 'World', '2022', 100), ('z', 'a', '2022', 60), ('z', 'World', '2023', 200),
  ('z', 'a', '2023', 50), ('Z', 'World', '2023', NULL);
CREATE VIRTUAL TABLE wg USING yoy_growth(source=w, value=v, period=p, by='flow, partner', total=World);
-- @check share-withheld-edges-2.1
SELECT flow, partner, period, share FROM wg WHERE partner = 'a' ORDER BY 1, 2, 3;
-- @expect
-- | x|a|2022|60.0
-- | x|a|2023|50.0
-- | y|a|2022|60.0
-- | y|a|2023|
-- | z|a|2022|60.0
-- | z|a|2023|25.0

-- grain=quarter over months: a NULL June (spelt 'B ', another series
-- than 'b' under NOCASE, which trims nothing) makes 2023-Q2 unknown.
CREATE TABLE m(k TEXT COLLATE NOCASE, p TEXT, v REAL);
INSERT INTO m VALUES ('a', '2023-04', 1), ('a', '2023-05', 1), ('a', '2023-06', 1),
  ('b', '2023-04', 1), ('b', '2023-05', 1), ('b', '2023-06', 1), ('B ', '2023-06', NULL),
  ('a', '2023-01', 1), ('a', '2023-02', 1), ('a', '2023-03', 1),
  ('b', '2023-01', 1), ('b', '2023-02', 1), ('b', '2023-03', 1);
-- @check share-withheld-edges-3.1 both read paths
SELECT series, period, share FROM yoy_growth('m', 'v', 'p', 'k', 'grain=quarter, scan=stream') ORDER BY 1, 2;
SELECT series, period, share FROM yoy_growth('m', 'v', 'p', 'k', 'grain=quarter, scan=hash') ORDER BY 1, 2;
-- @expect
-- | a|2023-Q1|50.0
-- | a|2023-Q2|
-- | b|2023-Q1|50.0
-- | b|2023-Q2|
-- | a|2023-Q1|50.0
-- | a|2023-Q2|
-- | b|2023-Q1|50.0
-- | b|2023-Q2|
