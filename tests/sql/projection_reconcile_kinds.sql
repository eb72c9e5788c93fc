.load build/tradestat
.headers on
.mode list
-- reconcile= over parts of another kind than their total: r1 reports
-- months, r2 and the total T quarters.  With through=H1 every series is
-- projected from the same point of the year (month 6, quarter 2), yet
-- the total is not reconciled: its parts' backtests are by position in
-- their own kind.  The note said "part 'r1' is projected from another
-- point of the year", and the reference's cure for that (give through=)
-- was already given; it now names the kind and the cure that works:
-- grain=quarter, with which the total is its ytd plus its parts' rests.
CREATE TABLE t(reg TEXT, p TEXT, v INTEGER);
WITH RECURSIVE y(y) AS (SELECT 2016 UNION ALL SELECT y + 1 FROM y WHERE y < 2023),
  m(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM m WHERE m < 12)
INSERT INTO t SELECT 'r1', printf('%d-%02d', y, m), 10 + m + y - 2016 FROM y, m
WHERE y < 2023 OR m <= 6;
WITH RECURSIVE y(y) AS (SELECT 2016 UNION ALL SELECT y + 1 FROM y WHERE y < 2023),
  q(q) AS (VALUES (1), (2), (3), (4))
INSERT INTO t SELECT 'r2', printf('%d-Q%d', y, q), 30 + 5 * q + y % 4 FROM y, q
WHERE y < 2023 OR q <= 2;
INSERT INTO t
SELECT 'T', printf('%d-Q%d', y, q), sum(v)
FROM (SELECT CAST(substr(p, 1, 4) AS INTEGER) AS y,
             CASE WHEN p LIKE '%Q%' THEN CAST(substr(p, 7) AS INTEGER)
                  ELSE (CAST(substr(p, 6) AS INTEGER) + 2) / 3 END AS q, v
      FROM t WHERE reg <> 'T')
GROUP BY y, q;

-- @check projection_reconcile_kinds-1.1 months and quarters under one total: not reconciled, the note names the kind and grain=
SELECT series, year, through, projection, note
FROM annual_projection('t', 'v', 'p', 'reg', 'run_rate', 'through=H1, reconcile=''reg=T''')
WHERE year = 2023 AND series = 'T';
-- @expect
-- | series|year|through|projection|note
-- | T|2023|2023-Q2||not reconciled: part 'r1' has periods of another kind than its total's (give grain=)

-- @check projection_reconcile_kinds-1.2 with grain=quarter the total is reconciled: its H1 and the run rate of its parts, twice their H1 in plain SQL
SELECT series, year, ytd, projection,
       (SELECT 2 * sum(v) FROM t WHERE reg <> 'T' AND p LIKE '2023%') AS plain_sql
FROM annual_projection('t', 'v', 'p', 'reg', 'run_rate',
                       'through=H1, grain=quarter, reconcile=''reg=T''')
WHERE year = 2023 AND series = 'T';
-- @expect
-- | series|year|ytd|projection|plain_sql
-- | T|2023|204|408.0|408
