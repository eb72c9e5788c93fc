.load build/tradestat
-- A source that exists but cannot be read says why in SQLite's words,
-- never "no such table" for a view that .schema shows.
.mode list
.headers off

-- 1. A view over a DIRECTONLY table (every series table is one) cannot
-- be read by another series table; before, the message denied the view
-- existed.
CREATE TABLE t(p TEXT, v INTEGER);
INSERT INTO t VALUES ('2022', 1), ('2023', 2);
CREATE VIRTUAL TABLE g2 USING yoy_growth(source=t, value=v, period=p);
CREATE VIEW w AS SELECT g2.period AS p, g2.value AS v FROM g2;
-- @check source_errors-1.1 at CREATE
CREATE VIRTUAL TABLE g3 USING yoy_growth(source=w, value=v, period=p);
-- @error yoy_growth: cannot read "w": unsafe use of virtual table "g2"
-- @check source_errors-1.2 the table-valued form
SELECT period FROM yoy_growth('w', 'v', 'p');
-- @error yoy_growth: cannot read "w": unsafe use of virtual table "g2"
-- @check source_errors-1.3 a table whose source became such a view after CREATE
CREATE TABLE w2(p TEXT, v INTEGER);
CREATE VIRTUAL TABLE g4 USING yoy_growth(source=w2, value=v, period=p);
DROP TABLE w2;
CREATE VIEW w2 AS SELECT g2.period AS p, g2.value AS v FROM g2;
SELECT period FROM g4;
-- @error yoy_growth: cannot read "w2": unsafe use of virtual table "g2" (the source of table "g4"; DROP TABLE g4 still works)
-- @check source_errors-1.4 a missing table is still named as missing
SELECT period FROM yoy_growth('nowhere', 'v', 'p');
-- @error yoy_growth: no such table "nowhere"

-- 2. A view whose own table is gone: the view is there, what it reads is
-- not (before: 'no such table "v"', the view itself denied).
CREATE TABLE base(p TEXT, v INTEGER);
CREATE VIEW over_base AS SELECT p, v FROM base;
DROP TABLE base;
-- @check source_errors-2.1
SELECT period FROM yoy_growth('over_base', 'v', 'p');
-- @error yoy_growth: cannot read "over_base": no such table: main.base
