.load build/tradestat
.headers on
.mode list
-- The skip walk of annual_projection's narrowed read (vtab/series_skip.c)
-- passes several decades of left-out years with one seek: from a row of
-- 1990, the seek to 2023 also asks that the gaps between the decades,
-- ['199:', '2000'), ['200:', '2010') and ['201:', '2020') -- labels whose
-- fourth character is not a digit -- hold no row of the series.  A label
-- there is kept by the year filter and must still be read: '1Q2024'
-- (quarter 1 of 2024, between '1999-Q4' and '2000-Q1'), or '201-05' (not
-- a period, an error).  Each check compares with the read of every year
-- (note read too) and with values worked by hand.
--
-- gs: quarters; 'q' from 1950 (eight decades before 2023, more than one
-- seek passes: four gaps at most) with its 2024 labelled '1Q2024' and
-- '2Q2024'; 'r' the same from 1990 with '1Q2024' only in the last gap;
-- 'm' months 1995..2024 with no label in a gap.  2023: 10, 20, 30, 40
-- (H1 30 of 100); 2024 H1: 15 + 15, so prior_share projects 100.
CREATE TABLE gs(k TEXT, period TEXT, v REAL);
CREATE INDEX gs_series ON gs(k, period);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 295)
INSERT INTO gs SELECT 'q', printf('%04d-Q%d', 1950 + n / 4, n % 4 + 1), n % 4 * 10 + 10 FROM c;
INSERT INTO gs VALUES ('q', '1Q2024', 15), ('q', '2Q2024', 15);
INSERT INTO gs SELECT 'r', period, v FROM gs WHERE k = 'q' AND period >= '1990'
  AND period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]';
INSERT INTO gs VALUES ('r', '2024-Q2', 15);
INSERT INTO gs VALUES ('r', '1Q2024', 15);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 353)
INSERT INTO gs SELECT 'm', printf('%04d-%02d', 1995 + n / 12, n % 12 + 1), 1 FROM c;
-- the same rows: a NOCASE period (the seek's bounds compare alike), a
-- table that reads every year (no index), an attached schema
CREATE TABLE gs_nocase(k TEXT, period TEXT COLLATE NOCASE, v REAL);
CREATE INDEX gs_nocase_series ON gs_nocase(k, period COLLATE NOCASE);
INSERT INTO gs_nocase SELECT k, CASE WHEN period GLOB '[12]Q2024' THEN lower(period) ELSE period
  END, v FROM gs;
CREATE TABLE gs_noindex(k TEXT, period TEXT, v REAL);
INSERT INTO gs_noindex SELECT * FROM gs;
ATTACH ':memory:' AS gsaux;
CREATE TABLE gsaux.gs(k TEXT, period TEXT, v REAL);
CREATE INDEX gsaux.gs_series ON gs(k, period);
INSERT INTO gsaux.gs SELECT * FROM main.gs;
CREATE VIRTUAL TABLE gs_p USING annual_projection(source=gs, value=v, period=period, by=k,
  method=prior_share, through=H1);
CREATE VIRTUAL TABLE gs_p_nocase USING annual_projection(source=gs_nocase, value=v,
  period=period, by=k, method=prior_share, through=H1);
CREATE VIRTUAL TABLE gs_p_noindex USING annual_projection(source=gs_noindex, value=v,
  period=period, by=k, method=prior_share, through=H1);
CREATE VIRTUAL TABLE gs_p_aux USING annual_projection(source=gsaux.gs, value=v, period=period,
  by=k, method=prior_share, through=H1);

-- @check projection_skip_gaps-1.0 the indexed sources are read by the skip walk (INDEX 13, Ss); without an index by hash
EXPLAIN QUERY PLAN SELECT k, projection FROM gs_p WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM gs_p_nocase WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM gs_p_aux WHERE year = 2024;
EXPLAIN QUERY PLAN SELECT k, projection FROM gs_p_noindex WHERE year = 2024;
-- @expect
-- | QUERY PLAN
-- | `--SCAN gs_p VIRTUAL TABLE INDEX 13:P=Ss
-- | QUERY PLAN
-- | `--SCAN gs_p_nocase VIRTUAL TABLE INDEX 13:P=Ss
-- | QUERY PLAN
-- | `--SCAN gs_p_aux VIRTUAL TABLE INDEX 13:P=Ss
-- | QUERY PLAN
-- | `--SCAN gs_p_noindex VIRTUAL TABLE INDEX 5:P=Sh

-- @check projection_skip_gaps-1.1 the labels in the gaps are read: 'q' and 'r' project 100 from 2024's H1 of 30 (without '1Q2024', H1 would be incomplete); 'm' 12 from six months of 1
SELECT 'main' AS src, k, year, ytd, projection FROM gs_p WHERE year = 2024
UNION ALL SELECT 'nocase', k, year, ytd, projection FROM gs_p_nocase WHERE year = 2024
UNION ALL SELECT 'aux', k, year, ytd, projection FROM gs_p_aux WHERE year = 2024
UNION ALL SELECT 'noindex', k, year, ytd, projection FROM gs_p_noindex WHERE year = 2024
UNION ALL SELECT 'one key', k, year, ytd, projection FROM gs_p WHERE year = 2024 AND k = 'r';
-- @expect
-- | src|k|year|ytd|projection
-- | main|m|2024|6.0|12.0
-- | main|q|2024|30.0|100.0
-- | main|r|2024|30.0|100.0
-- | nocase|m|2024|6.0|12.0
-- | nocase|q|2024|30.0|100.0
-- | nocase|r|2024|30.0|100.0
-- | aux|m|2024|6.0|12.0
-- | aux|q|2024|30.0|100.0
-- | aux|r|2024|30.0|100.0
-- | noindex|m|2024|6.0|12.0
-- | noindex|q|2024|30.0|100.0
-- | noindex|r|2024|30.0|100.0
-- | one key|r|2024|30.0|100.0

-- @check projection_skip_gaps-1.2 every year from 2021 on equals the read of every year (note read too), each source
WITH q(src, k, year, ytd, projection) AS (
  SELECT 'main', k, year, ytd, projection FROM gs_p WHERE year >= 2021
  UNION ALL SELECT 'nocase', k, year, ytd, projection FROM gs_p_nocase WHERE year >= 2021
  UNION ALL SELECT 'aux', k, year, ytd, projection FROM gs_p_aux WHERE year >= 2021),
w(src, k, year, ytd, projection) AS (
  SELECT 'main', k, year, ytd, projection FROM (SELECT *, note FROM gs_p)
  UNION ALL SELECT 'nocase', k, year, ytd, projection FROM (SELECT *, note FROM gs_p_nocase)
  UNION ALL SELECT 'aux', k, year, ytd, projection FROM (SELECT *, note FROM gs_p_aux))
SELECT src, count(*) AS rows, sum((k, year, ytd, projection) IS
  (SELECT k, year, ytd, projection FROM w WHERE w.src = q.src AND w.year = q.year AND w.k = q.k))
  AS equal FROM q GROUP BY src ORDER BY src;
-- @expect
-- | src|rows|equal
-- | aux|12|12
-- | main|12|12
-- | nocase|12|12

-- ge: one label in a gap that is not a period.  The narrowed read meets
-- it as the read of every year does, and says the same.
CREATE TABLE ge(k TEXT, period TEXT, v REAL);
CREATE INDEX ge_series ON ge(k, period);
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 281)
INSERT INTO ge SELECT 'e', printf('%04d-%02d', 2001 + n / 12, n % 12 + 1), 1 FROM c;
INSERT INTO ge VALUES ('e', '201-05', 1);
CREATE VIRTUAL TABLE ge_p USING annual_projection(source=ge, value=v, period=period, by=k,
  method=prior_share, through=H1);

-- @check projection_skip_gaps-2.1 '201-05' (from 2001-01 the seek to 2023 passes the gaps ['200:', '2010') and ['201:', '2020'); it is in the first) is read: the narrowed read fails as the read of every year
SELECT k, projection FROM ge_p WHERE year = 2024;
SELECT k, projection, note FROM ge_p WHERE year = 2024;
-- @error annual_projection: column "period" in "ge" is not a period: '201-05' (nearest accepted form: 'YYYY-MM' (month 01-12)) (in a row of series k='e')
-- @error annual_projection: column "period" in "ge" is not a period: '201-05' (nearest accepted form: 'YYYY-MM' (month 01-12)) (in a row of series k='e')
