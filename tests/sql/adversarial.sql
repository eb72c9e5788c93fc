.load build/tradestat
-- Inputs an analyst or an attacker might give the series tables, each
-- checked against what plain SQL means by the same statement.  Every
-- expected value below is worked out by hand in the comment above it.
.mode list
.headers off

-- 1. An unqualified source= of a table created in schema X reads X's
-- table, as an unqualified name in a view of X does (SQLite binds a main
-- view's `t` to main.t).  Before, the source query searched temp, main,
-- then attached databases: a scratch TEMP TABLE of the same name
-- silently replaced the source.
CREATE TABLE t(s TEXT, p TEXT, v INTEGER);
INSERT INTO t VALUES ('a', '2022', 10), ('a', '2023', 20);
CREATE VIEW t_view AS SELECT s, p, v FROM t;
CREATE VIRTUAL TABLE g USING yoy_growth(source=t, value=v, period=p, by=s);
CREATE TEMP TABLE t(s TEXT, p TEXT, v INTEGER);
INSERT INTO temp.t VALUES ('a', '2022', 1), ('a', '2023', 3);
-- main.t: 20 against 10 is +100 % (temp.t would give 3 against 1, +200 %)
-- @check adversarial-1.1
SELECT period, value, growth FROM g WHERE period = '2023';
SELECT v FROM t_view WHERE p = '2023';
-- @expect
-- | 2023|20|100.0
-- | 20
-- The table-valued form is a query, and `t` in a query is temp.t first.
-- @check adversarial-1.2
SELECT period, value, growth FROM yoy_growth('t', 'v', 'p') WHERE period = '2023';
-- @expect 2023|3|200.0
-- A table in temp searches as a temp view does: temp.t first.
-- @check adversarial-1.3
CREATE VIRTUAL TABLE temp.gt USING yoy_growth(source=t, value=v, period=p, by=s);
SELECT period, value, growth FROM temp.gt WHERE period = '2023';
-- @expect 2023|3|200.0
DROP TABLE temp.t;
DROP TABLE temp.gt;

-- A table in an attached database reads that database's t, whether or
-- not main has one (before: main.t while attached, its own when opened
-- alone).
ATTACH ':memory:' AS aux;
CREATE TABLE aux.t(s TEXT, p TEXT, v INTEGER, m INTEGER);
INSERT INTO aux.t VALUES ('a', '2022', 7, 1), ('a', '2023', 14, 2);
CREATE VIRTUAL TABLE aux.ga USING trade_imbalance(source=t, period=p, exports=v, imports=m);
-- aux.t: exports 14 against 7 a year earlier (main.t would say 20 and 10)
-- @check adversarial-2.1
SELECT period, exports, imports, exports_growth FROM aux.ga WHERE period = '2023';
-- @expect 2023|14|2|100.0
-- main.t gone while aux.t is there: g says its source is missing rather
-- than reading aux.t, as a view of main does.
-- @check adversarial-2.2
DROP VIEW t_view;
DROP TABLE main.t;
SELECT period, value FROM g;
-- @error yoy_growth: no such table "t" (the source of table "g"; DROP TABLE g still works)
DROP TABLE g;
DROP TABLE aux.ga;
DETACH aux;
