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

-- 3. A bad row in a year the WHERE excludes is an error through every
-- scan path or through none: the rows read depend on the query (the
-- years the WHERE can keep; the whole source once a row reads low, high
-- or note), never on scan=.  The hash plan that reads every year for the
-- pool (INDEX 3:) used to report '2023-13' where the streaming path,
-- having read only the years before 2000 and built no pool, returned no
-- rows.
CREATE TABLE bad(k TEXT, period TEXT, v);
WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 71)
INSERT INTO bad SELECT k, printf('%d-%02d', 2018 + i / 12, i % 12 + 1), 100 + i
  FROM m, (SELECT 'China' AS k UNION ALL SELECT 'Japan');
INSERT INTO bad VALUES ('China', '2023-13', 5);
CREATE VIRTUAL TABLE bad_hash USING annual_projection(source=bad, value=v, period=period,
  by=k, method=prior_share, through=H1, scan=hash);
CREATE VIRTUAL TABLE bad_stream USING annual_projection(source=bad, value=v, period=period,
  by=k, method=prior_share, through=H1, scan=stream);
-- @check source_errors-3.1 no row reads low, high or note: no pool, no error
SELECT count(low) FROM bad_hash WHERE year < 2000;
SELECT count(low) FROM bad_stream WHERE year < 2000;
SELECT count(low) FROM bad_hash WHERE year < 2022 AND projection < 0;
SELECT count(low) FROM bad_stream WHERE year < 2022 AND projection < 0;
EXPLAIN QUERY PLAN SELECT low FROM bad_hash WHERE year < 2000;
-- @expect
-- | 0
-- | 0
-- | 0
-- | 0
-- | QUERY PLAN
-- | `--SCAN bad_hash VIRTUAL TABLE INDEX 3:P<Sh
-- @check source_errors-3.2 a row reads low: the pool reads 2023, on both paths
SELECT count(low) FROM bad_hash WHERE year < 2022;
-- @error annual_projection: column "period" in "bad" is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12)) (in a row of series k='China')
-- @check source_errors-3.3
SELECT count(low) FROM bad_stream WHERE year < 2022;
-- @error annual_projection: column "period" in "bad" is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12)) (in a row of series k='China')
-- @check source_errors-3.4 the rows, once the bad row is gone: two series of
-- 2018-2021, each with no interval in 2018 (no earlier year to backtest)
DELETE FROM bad WHERE period = '2023-13';
SELECT count(low), count(*) FROM bad_hash WHERE year < 2022;
SELECT count(low), count(*) FROM bad_stream WHERE year < 2022;
-- @expect
-- | 6|8
-- | 6|8
