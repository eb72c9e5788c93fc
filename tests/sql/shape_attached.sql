.load build/tradestat
.headers on
.mode list
-- Whether a source has a "preliminary" column (and its columns' declared
-- types) is kept by a series table between queries while the schema it
-- depends on stays.  Two ways it changed unseen: a TEMP VIEW over an
-- attached table made again with a "preliminary" column (the view's own
-- schema, temp, did not move), and a database detached and another
-- attached under its name with the same schema cookie.  Both kept
-- preliminary = 0: a growth on preliminary figures shown as final.

-- @check shape_attached-1.1 a view over an attached table another connection made again with a preliminary column
SELECT writefile('build/shape_a.db', '') >= 0 AS reset;
ATTACH 'build/shape_a.db' AS sa;
DROP TABLE IF EXISTS sa.t;
CREATE TABLE sa.t(k TEXT, p TEXT, v REAL);
INSERT INTO sa.t VALUES ('a', '2022', 10), ('a', '2023', 30);
CREATE TEMP VIEW sv AS SELECT * FROM sa.t;
CREATE VIRTUAL TABLE temp.sg USING yoy_growth(source=sv, value=v, period=p, by=k);
SELECT period, growth, preliminary FROM temp.sg WHERE period = '2023';
.connection 1
ATTACH 'build/shape_a.db' AS sa;
DROP TABLE sa.t;
CREATE TABLE sa.t(k TEXT, p TEXT, v REAL, preliminary INTEGER);
INSERT INTO sa.t VALUES ('a', '2022', 10, 0), ('a', '2023', 30, 1);
DETACH sa;
.connection 0
.connection close 1
SELECT period, growth, preliminary FROM temp.sg WHERE period = '2023';
-- @expect
-- | reset
-- | 1
-- | period|growth|preliminary
-- | 2023|200.0|0
-- | period|growth|preliminary
-- | 2023|200.0|1

-- @check shape_attached-1.2 another database attached under the same name, the same cookie
DETACH sa;
SELECT writefile('build/shape_b.db', '') >= 0 AS reset;
SELECT writefile('build/shape_c.db', '') >= 0 AS reset;
ATTACH 'build/shape_b.db' AS sb;
CREATE TABLE sb.t(k TEXT, p TEXT, v REAL);
INSERT INTO sb.t VALUES ('a', '2022', 10), ('a', '2023', 30);
DETACH sb;
ATTACH 'build/shape_c.db' AS sb;
CREATE TABLE sb.t(k TEXT, p TEXT, v REAL, preliminary INTEGER);
INSERT INTO sb.t VALUES ('a', '2022', 10, 0), ('a', '2023', 30, 1);
DETACH sb;
ATTACH 'build/shape_b.db' AS sb;
CREATE VIRTUAL TABLE temp.sh USING yoy_growth(source="sb"."t", value=v, period=p, by=k);
PRAGMA sb.schema_version;
SELECT period, growth, preliminary FROM temp.sh WHERE period = '2023';
DETACH sb;
ATTACH 'build/shape_c.db' AS sb;
PRAGMA sb.schema_version;
SELECT period, growth, preliminary FROM temp.sh WHERE period = '2023';
-- @expect
-- | reset
-- | 1
-- | reset
-- | 1
-- | schema_version
-- | 1
-- | period|growth|preliminary
-- | 2023|200.0|0
-- | schema_version
-- | 1
-- | period|growth|preliminary
-- | 2023|200.0|1
