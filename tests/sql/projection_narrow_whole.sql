.load build/tradestat
.headers on
.mode list
-- annual_projection's narrowed read (the year before a bound on year,
-- docs/design.md "Annual projection") only where the year filter can be
-- pushed into the source query, and its plan mark (idxNum bit 4, INDEX
-- 5: or 13:) only where the read is narrowed.  A period column without
-- TEXT affinity (INTEGER YYYYMM months) takes no year filter: the
-- "narrowed" read held every year, so every series' grid began before
-- the year it was meant to read from and each was read again alone, a
-- scan of the whole table per series (2,000 series of 15 years: 25.5 s
-- against 0.29 s for the same query reading note).  A NOCASE key column
-- reads every year too (a series shows its first row's key) yet its plan
-- showed INDEX 5.
CREATE TABLE nw_int(k TEXT, period INTEGER, v REAL);
CREATE TABLE nw_nocase(k TEXT COLLATE NOCASE, period TEXT, v REAL);
CREATE TABLE nw_text(k TEXT, period TEXT, v REAL);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 113)
INSERT INTO nw_int SELECT 'a', (2015 + n / 12) * 100 + n % 12 + 1, CASE WHEN n = 14 THEN -5 ELSE 10 END
FROM c;
INSERT INTO nw_nocase SELECT k, substr(period, 1, 4) || '-' || substr(period, 5), v FROM nw_int;
INSERT INTO nw_text SELECT * FROM nw_nocase;
CREATE VIRTUAL TABLE nw_p_int USING annual_projection(source=nw_int, value=v, period=period, by=k,
  method=run_rate, through=H1);
CREATE VIRTUAL TABLE nw_p_nocase USING annual_projection(source=nw_nocase, value=v, period=period,
  by=k, method=run_rate, through=H1);
CREATE VIRTUAL TABLE nw_p_text USING annual_projection(source=nw_text, value=v, period=period,
  by=k, method=run_rate, through=H1);

-- @check projection_narrow_whole-1.1 INTEGER periods and a NOCASE key read every year: no narrowed plan (was INDEX 5); TEXT periods stay narrowed
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_p_int WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_p_nocase WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_p_text WHERE year = 2024;
-- @expect
-- | QUERY PLAN
-- | `--SCAN nw_p_int VIRTUAL TABLE INDEX 1:P=Sh
-- | QUERY PLAN
-- | `--SCAN nw_p_nocase VIRTUAL TABLE INDEX 1:P=Sh
-- | QUERY PLAN
-- | `--SCAN nw_p_text VIRTUAL TABLE INDEX 5:P=Sh

-- @check projection_narrow_whole-1.2 the three agree, and with the read of every year (note read too)
SELECT 'int' AS src, k, year, ytd, projection FROM nw_p_int WHERE year = 2024
UNION ALL SELECT 'nocase', k, year, ytd, projection FROM nw_p_nocase WHERE year = 2024
UNION ALL SELECT 'text', k, year, ytd, projection FROM nw_p_text WHERE year = 2024
UNION ALL SELECT 'whole', k, year, ytd, projection FROM
  (SELECT k, year, ytd, projection, note FROM nw_p_int WHERE year = 2024);
-- @expect
-- | src|k|year|ytd|projection
-- | int|a|2024|60.0|120.0
-- | nocase|a|2024|60.0|120.0
-- | text|a|2024|60.0|120.0
-- | whole|a|2024|60.0|120.0

-- Shapes of source under which the narrowed read was checked against the
-- read of every year and held: an index with the period DESC, a partial
-- index (not walked), a WITHOUT ROWID table keyed (k, period), a view,
-- month-name labels of every year, and the table as a join's inner loop
-- with a bound per outer row.  Series 'a' runs 2015..2024 with a negative
-- value in 2016, 'b' 2019..2024; rows: year >= 2020 holds 5 + 5, year =
-- 2016 one, and the join's years 2024, 2016, 2020, 2017 hold 4 + 2.
CREATE TABLE nw_src(k TEXT, period TEXT, v REAL);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 113)
INSERT INTO nw_src SELECT 'a', printf('%04d-%02d', 2015 + n / 12, n % 12 + 1),
  CASE WHEN n = 14 THEN -5 WHEN n % 12 < 6 THEN 10.5 ELSE 0 END FROM c;
INSERT INTO nw_src SELECT 'b', period, v + 1 FROM nw_src WHERE period >= '2019';
CREATE TABLE nw_desc(k TEXT, period TEXT, v REAL);
INSERT INTO nw_desc SELECT * FROM nw_src;
CREATE INDEX nw_desc_i ON nw_desc(k, period DESC);
CREATE TABLE nw_part(k TEXT, period TEXT, v REAL);
INSERT INTO nw_part SELECT * FROM nw_src;
CREATE INDEX nw_part_i ON nw_part(k, period) WHERE v > 0;
CREATE TABLE nw_worowid(k TEXT, period TEXT, v REAL, PRIMARY KEY (k, period)) WITHOUT ROWID;
INSERT INTO nw_worowid SELECT * FROM nw_src;
CREATE VIEW nw_view AS SELECT k, period, v FROM nw_src;
CREATE TABLE nw_names(k TEXT, period TEXT, v REAL);
INSERT INTO nw_names SELECT k, CASE substr(period, 6) WHEN '01' THEN 'Jan' WHEN '02' THEN 'Feb'
  WHEN '03' THEN 'Mar' WHEN '04' THEN 'Apr' WHEN '05' THEN 'May' WHEN '06' THEN 'Jun'
  WHEN '07' THEN 'Jul' WHEN '08' THEN 'Aug' WHEN '09' THEN 'Sep' WHEN '10' THEN 'Oct'
  WHEN '11' THEN 'Nov' ELSE 'Dec' END || ' ' || substr(period, 1, 4) AS period, v FROM nw_src;
CREATE VIRTUAL TABLE nw_q_desc USING annual_projection(source=nw_desc, value=v, period=period, by=k,
  method=prior_share, through=Q1);
CREATE VIRTUAL TABLE nw_q_part USING annual_projection(source=nw_part, value=v, period=period, by=k,
  method=prior_share, through=Q1);
CREATE VIRTUAL TABLE nw_q_worowid USING annual_projection(source=nw_worowid, value=v,
  period=period, by=k, method=prior_share, through=Q1);
CREATE VIRTUAL TABLE nw_q_view USING annual_projection(source=nw_view, value=v, period=period,
  by=k, method=prior_share, through=Q1);
CREATE VIRTUAL TABLE nw_q_names USING annual_projection(source=nw_names, value=v, period=period,
  by=k, method=prior_share, through=Q1);
CREATE TABLE nw_years(y INTEGER);
INSERT INTO nw_years VALUES (2024), (2016), (2020), (2017);

-- @check projection_narrow_whole-2.0 each table source is narrowed (bit 4: INDEX 5, or 13 by the skip walk where an index on (k, period) is not partial and ascending: with period DESC each seek was sorted, 0.37 s against 0.04 s ascending and 0.10 s for every year, so it is not walked, was INDEX 13); a view reads every year (its columns' types are not asked), and its plan now says so (was INDEX 5)
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_q_desc WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_q_part WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_q_worowid WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_q_view WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM nw_q_names WHERE year = 2024;
-- @expect
-- | QUERY PLAN
-- | `--SCAN nw_q_desc VIRTUAL TABLE INDEX 5:P=Sh
-- | QUERY PLAN
-- | `--SCAN nw_q_part VIRTUAL TABLE INDEX 5:P=Sh
-- | QUERY PLAN
-- | `--SCAN nw_q_worowid VIRTUAL TABLE INDEX 13:P=Ss
-- | QUERY PLAN
-- | `--SCAN nw_q_view VIRTUAL TABLE INDEX 1:P=Ss
-- | QUERY PLAN
-- | `--SCAN nw_q_names VIRTUAL TABLE INDEX 5:P=Sh

-- @check projection_narrow_whole-2.1 each source: the rows of year >= 2020 and of year IN (2016, 2024) equal those read with note (every year)
WITH q(src, k, year, ytd, projection) AS (
  SELECT 'desc', k, year, ytd, projection FROM nw_q_desc WHERE year >= 2020 OR year = 2016
  UNION ALL SELECT 'part', k, year, ytd, projection FROM nw_q_part WHERE year >= 2020
  UNION ALL SELECT 'part', k, year, ytd, projection FROM nw_q_part WHERE year = 2016
  UNION ALL SELECT 'worowid', k, year, ytd, projection FROM nw_q_worowid WHERE year IN (2016, 2024)
  UNION ALL SELECT 'worowid', k, year, ytd, projection FROM nw_q_worowid
    WHERE year > 2019 AND year < 2024
  UNION ALL SELECT 'view', k, year, ytd, projection FROM nw_q_view WHERE year >= 2020
  UNION ALL SELECT 'view', k, year, ytd, projection FROM nw_q_view WHERE year = 2016
  UNION ALL SELECT 'names', k, year, ytd, projection FROM nw_q_names WHERE year >= 2020
  UNION ALL SELECT 'names', k, year, ytd, projection FROM nw_q_names WHERE year = 2016),
w(src, k, year, ytd, projection) AS (
  SELECT 'desc', k, year, ytd, projection FROM (SELECT *, note FROM nw_q_desc)
  UNION ALL SELECT 'part', k, year, ytd, projection FROM (SELECT *, note FROM nw_q_part)
  UNION ALL SELECT 'worowid', k, year, ytd, projection FROM (SELECT *, note FROM nw_q_worowid)
  UNION ALL SELECT 'view', k, year, ytd, projection FROM (SELECT *, note FROM nw_q_view)
  UNION ALL SELECT 'names', k, year, ytd, projection FROM (SELECT *, note FROM nw_q_names))
SELECT src, count(*) AS rows, sum((k, year, ytd, projection) IN
  (SELECT k, year, ytd, projection FROM w WHERE w.src = q.src AND w.year = q.year AND w.k = q.k))
  AS equal FROM q GROUP BY src ORDER BY src;
-- @expect
-- | src|rows|equal
-- | desc|11|11
-- | names|11|11
-- | part|11|11
-- | view|11|11
-- | worowid|11|11

-- @check projection_narrow_whole-2.2 a join's inner loop, one year bound per outer row, equals the read of every year
SELECT count(*) AS rows, sum(p.projection IS (SELECT projection FROM
  (SELECT k, year, projection, note FROM nw_q_desc) w WHERE w.k = p.k AND w.year = p.year))
  AS equal FROM nw_years JOIN nw_q_desc p ON p.year = nw_years.y;
-- @expect
-- | rows|equal
-- | 6|6

-- A label that does not begin with its year ('Jan 2015') is read whatever
-- the bound, so a series holding one of a year before the narrowed read's
-- is read again whole, in case the read left out other rows of it.  In a
-- source of month names every row is read: nothing was left out, and
-- reading each series again cost a scan of the source per series (2,000
-- series of 15 years of month names, no index: 27.4 s of CPU, now 0.32 s;
-- reading note too, 0.56 s).  The series are read again only when the
-- source holds a row the narrowed read left out (one query, stopped at
-- the first such row).  Counted by the scans opened (tradestat_debug).
CREATE TABLE nw_mixed(k TEXT, period TEXT, v REAL);
INSERT INTO nw_mixed SELECT k, period, v FROM nw_names WHERE period LIKE 'Jan 2015';
INSERT INTO nw_mixed SELECT k, period, v FROM nw_src WHERE period >= '2016';
CREATE VIRTUAL TABLE nw_q_mixed USING annual_projection(source=nw_mixed, value=v, period=period,
  by=k, method=prior_share, through=Q1);
CREATE TEMP VIEW nw_scans AS
  SELECT CAST(substr(d, instr(d, 'Scan paths: hash ') + 17) AS INTEGER)
       + CAST(substr(d, instr(d, ', stream ') + 9) AS INTEGER) AS n
  FROM (SELECT tradestat_debug() AS d);
CREATE TEMP TABLE nw_scans_before(what TEXT, n INTEGER);
INSERT INTO nw_scans_before SELECT 'names', n FROM nw_scans;

-- @check projection_narrow_whole-3.1 month names: one scan for both series (was 3: each read again)
SELECT k, year, ytd, projection FROM nw_q_names WHERE year = 2024;
SELECT (SELECT n FROM nw_scans) - (SELECT n FROM nw_scans_before WHERE what = 'names') AS scans;
-- @expect
-- | k|year|ytd|projection
-- | a|2024|31.5|63.0
-- | b|2024|34.5|75.0
-- | scans
-- | 1
INSERT INTO nw_scans_before SELECT 'mixed', n FROM nw_scans;

-- @check projection_narrow_whole-3.2 'Jan 2015' among ISO months (of 2016 on, left out): a is read again (2 scans), b is not
SELECT k, year, ytd, projection FROM nw_q_mixed WHERE year = 2024;
SELECT (SELECT n FROM nw_scans) - (SELECT n FROM nw_scans_before WHERE what = 'mixed') AS scans;
-- @expect
-- | k|year|ytd|projection
-- | a|2024|31.5|63.0
-- | b|2024|34.5|75.0
-- | scans
-- | 2

-- @check projection_narrow_whole-3.3 both equal the read of every year
SELECT 'names' AS src, count(*) AS rows, sum((k, year, ytd, projection) IN
  (SELECT k, year, ytd, projection FROM (SELECT *, note FROM nw_q_names))) AS equal
FROM nw_q_names WHERE year = 2024
UNION ALL SELECT 'mixed', count(*), sum((k, year, ytd, projection) IN
  (SELECT k, year, ytd, projection FROM (SELECT *, note FROM nw_q_mixed)))
FROM nw_q_mixed WHERE year = 2024;
-- @expect
-- | src|rows|equal
-- | names|2|2
-- | mixed|2|2
