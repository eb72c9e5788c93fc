.load build/tradestat
-- One series spelt several ways (a NOCASE or RTRIM key column, INTEGER 1
-- next to REAL 1.0) is one series, shown with one spelling in every row
-- of a statement.  Each filter of a statement reads the years its WHERE
-- asks for, and the key shown was the first row of that read: with
-- `period IN (...)` or an OR each filter read other rows, so one series
-- came out as 'korea' in one row and 'KOREA' in the next, and GROUP BY
-- on the result split its total in two (3 and 4 where plain SQL gives 7).
-- Expected values are worked out by hand in the comments.
.mode list
.headers off

CREATE TABLE s(k TEXT COLLATE NOCASE, p TEXT, v INTEGER);
INSERT INTO s VALUES ('Korea', '2020', 1), ('korea', '2021', 2), ('KOREA', '2022', 3),
  ('kOrea', '2023', 4), ('x', '2023', 5);

-- Plain SQL: the rows of 2022 and 2023 are one group of 3 + 4 = 7 and x.
-- @check key-spelling-1.1
SELECT count(*), sum(v) FROM s WHERE p IN ('2022', '2023') GROUP BY k ORDER BY 2;
-- @expect
-- | 1|5
-- | 2|7
-- The table-valued form, the same WHERE: one group of 7 (before: two).
-- @check key-spelling-1.2
SELECT count(*), sum(value) FROM yoy_growth('s', 'v', 'p', 'k')
 WHERE period IN ('2022', '2023') GROUP BY series ORDER BY 2;
-- @expect
-- | 1|5
-- | 2|7
-- An OR of periods, GROUP BY under BINARY: still one group.
-- @check key-spelling-1.3
SELECT count(*), sum(value) FROM yoy_growth('s', 'v', 'p', 'k')
 WHERE period = '2022' OR period = '2023' GROUP BY series COLLATE BINARY ORDER BY 2;
-- @expect
-- | 1|5
-- | 2|7
-- The CREATE form: the series' rows all spell it alike.
CREATE VIRTUAL TABLE g USING yoy_growth(source=s, value=v, period=p, by=k);
-- @check key-spelling-1.4
SELECT count(DISTINCT k COLLATE BINARY), count(*) FROM g WHERE period IN ('2022', '2023');
-- @expect 2|3
-- trade_imbalance, the same rule.
CREATE TABLE f(k TEXT COLLATE RTRIM, p TEXT, flow TEXT, v INTEGER);
INSERT INTO f VALUES ('a', '2022', 'X', 1), ('a ', '2022', 'M', 1), ('a  ', '2023', 'X', 5),
  ('a', '2023', 'M', 2);
-- 2022: 1 - 1 = 0; 2023: 5 - 2 = 3; one series, one spelling.
-- @check key-spelling-1.5
SELECT count(DISTINCT series COLLATE BINARY), sum(balance)
  FROM trade_imbalance('f', 'v', 'p', 'flow', 'k') WHERE period IN ('2022', '2023');
-- @expect 1|3

-- An INTEGER 1 and a REAL 1.0 key are one series (GROUP BY's rule): one
-- spelling in the rows of one statement.
CREATE TABLE n(k, p TEXT, v INTEGER);
INSERT INTO n VALUES (1, '2022', 10), (1.0, '2023', 20);
-- @check key-spelling-2.1
SELECT count(DISTINCT typeof(series)), sum(value)
  FROM yoy_growth('n', 'v', 'p', 'k') WHERE period IN ('2022', '2023');
-- @expect 1|30

-- A multi-index OR still keeps every row once (rowids stay apart).
CREATE TABLE m(flow TEXT, partner TEXT, period TEXT, amount INTEGER);
INSERT INTO m VALUES ('x', 'a', '2022', 1), ('x', 'a', '2023', 2), ('x', 'b', '2022', 1),
  ('x', 'b', '2023', 4), ('y', 'a', '2022', 1), ('y', 'a', '2023', 3), ('X', 'A', '2024', 9);
CREATE VIRTUAL TABLE mg USING yoy_growth(source=m, value=amount, period=period, by='flow, partner');
-- flow = 'x': (x,a) 2022, 2023, (x,b) 2022, 2023; partner = 'a' adds
-- (y,a) 2022, 2023; ('X','A') is a series of its own under BINARY, in
-- neither branch: 6 rows, 1 + 2 + 1 + 4 + 1 + 3 = 12.
-- @check key-spelling-3.1
SELECT count(*), sum(value) FROM mg WHERE flow = 'x' OR partner = 'a';
-- @expect 6|12
