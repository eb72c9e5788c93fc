.load build/tradestat
.headers on
.mode list
-- A kosis_csv table serves the snapshot read when it was created or
-- connected (reference/kosis.md, "When the file is read").  A schema
-- change by another connection makes SQLite connect the table again, and
-- its next query reads the file again; one made by the same connection
-- does not (SQLite keeps its own tables connected): the snapshot stays,
-- and DROP TABLE and CREATE read the rewritten file.  The docs said "by
-- any connection"; this holds them to what SQLite does.
-- @check kosis_same_connection-1.1 the snapshot as created
SELECT writefile('build/ksc.csv', '시점,항목,데이터' || char(10) || '2022,a,10' || char(10)
  || '2023,a,20' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.ksc USING kosis_csv(file='build/ksc.csv');
SELECT sum(value) AS total FROM temp.ksc;
-- @expect
-- | written
-- | 1
-- | total
-- | 30
-- @check kosis_same_connection-1.2 the file rewritten and a table made by this connection: the snapshot stays
SELECT writefile('build/ksc.csv', '시점,항목,데이터' || char(10) || '2022,a,11' || char(10)
  || '2023,a,21' || char(10)) > 0 AS written;
CREATE TABLE ksc_other(a);
SELECT sum(value) AS total FROM temp.ksc;
-- @expect
-- | written
-- | 1
-- | total
-- | 30
-- @check kosis_same_connection-1.3 DROP TABLE and CREATE read the rewritten file
DROP TABLE temp.ksc;
CREATE VIRTUAL TABLE temp.ksc USING kosis_csv(file='build/ksc.csv');
SELECT sum(value) AS total FROM temp.ksc;
-- @expect
-- | total
-- | 32
