.load build/tradestat
.headers on
.mode list
-- yoy_growth() OVER reads each row's figure and period through the
-- argument readers' fast paths (an INTEGER figure, a TEXT label that
-- parses); every other form takes the general path.  A label's period
-- must not depend on the path: the same series written in every accepted
-- form -- one form per series, and all forms mixed inside one series --
-- gives the growths of the canonical labels, and the labels that look
-- canonical but are not still fail with the general path's message.
-- The series: month k of 2022 holds 10k, of 2023 10k + k*k, so the
-- growth of month k is k*k / 10k = 10k %; 2022-03 is missing, so 2023-03
-- has no prior (gap-safe: LAG would pair it with 2022-04).  The eleven
-- growths sum to 10 * (78 - 3) = 750.
CREATE TABLE base(m INTEGER PRIMARY KEY, k INTEGER, year INTEGER, amount INTEGER);
WITH RECURSIVE n(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM n WHERE m < 23)
INSERT INTO base SELECT m, m % 12 + 1, 2022 + m / 12,
  CASE WHEN m < 12 THEN 10 * (m % 12 + 1) ELSE 10 * (m % 12 + 1) + (m % 12 + 1) * (m % 12 + 1) END
FROM n WHERE m <> 2;
CREATE TABLE forms(f INTEGER PRIMARY KEY, form TEXT);
INSERT INTO forms(form) VALUES ('canonical'), ('short month'), ('leading space'),
  ('trailing space'), ('YYYYMM text'), ('YYYYMM integer'), ('YYYYMM real'), ('slash'),
  ('dot'), ('M'), ('preliminary'), ('korean');
CREATE VIEW labelled AS
SELECT f, form, m, amount,
  CASE form
    WHEN 'canonical' THEN printf('%04d-%02d', year, k)
    WHEN 'short month' THEN printf('%d-%d', year, k)
    WHEN 'leading space' THEN printf(' %04d-%02d', year, k)
    WHEN 'trailing space' THEN printf('%04d-%02d ', year, k)
    WHEN 'YYYYMM text' THEN printf('%04d%02d', year, k)
    WHEN 'YYYYMM integer' THEN year * 100 + k
    WHEN 'YYYYMM real' THEN CAST(year * 100 + k AS REAL)
    WHEN 'slash' THEN printf('%04d/%02d', year, k)
    WHEN 'dot' THEN printf('%04d.%02d', year, k)
    WHEN 'M' THEN printf('%04dM%02d', year, k)
    WHEN 'preliminary' THEN printf('%04d-%02dp)', year, k)
    WHEN 'korean' THEN printf('%d년 %d월', year, k)
  END AS label
FROM base, forms;

-- @check window_period_forms-1.1 each form on its own: eleven growths summing to 750
SELECT form, count(g) AS n, printf('%.9f', sum(g)) AS total FROM (
  SELECT f, form, yoy_growth(amount, label) OVER (PARTITION BY f ORDER BY m) AS g FROM labelled)
GROUP BY f ORDER BY f;
-- @expect
-- | form|n|total
-- | canonical|11|750.000000000
-- | short month|11|750.000000000
-- | leading space|11|750.000000000
-- | trailing space|11|750.000000000
-- | YYYYMM text|11|750.000000000
-- | YYYYMM integer|11|750.000000000
-- | YYYYMM real|11|750.000000000
-- | slash|11|750.000000000
-- | dot|11|750.000000000
-- | M|11|750.000000000
-- | preliminary|11|750.000000000
-- | korean|11|750.000000000
-- @check window_period_forms-1.2 the forms mixed in one series (row m in form m, m + 1, ...): row by row the canonical growths
SELECT count(*) AS series, sum(same) AS rows_equal FROM (
  SELECT s, min(g IS c) AS same FROM (
    SELECT s, m, yoy_growth(amount, label) OVER (PARTITION BY s ORDER BY m) AS g,
           yoy_growth(amount, printf('%04d-%02d', 2022 + m / 12, m % 12 + 1))
             OVER (PARTITION BY s ORDER BY m) AS c
    FROM (SELECT forms.f AS s, l.m, l.amount, l.label
          FROM forms JOIN labelled AS l ON l.f = (l.m + forms.f) % 12 + 1))
  GROUP BY s);
-- @expect
-- | series|rows_equal
-- | 12|12
-- @check window_period_forms-1.3 the mixed series' growths themselves: 10k % for every month with a prior
SELECT m, round(g, 9) AS g FROM (
  SELECT m, yoy_growth(amount, label) OVER (ORDER BY m) AS g
  FROM labelled AS l WHERE l.f = l.m % 12 + 1) WHERE m >= 12;
-- @expect
-- | m|g
-- | 12|10.0
-- | 13|20.0
-- | 14|
-- | 15|40.0
-- | 16|50.0
-- | 17|60.0
-- | 18|70.0
-- | 19|80.0
-- | 20|90.0
-- | 21|100.0
-- | 22|110.0
-- | 23|120.0

-- The figure's forms: an INTEGER (the fast path), a REAL and a numeric
-- TEXT (the general path) give the same growths.
-- @check window_period_forms-2.1
SELECT count(g) AS n, printf('%.9f', sum(g)) AS total,
       count(r) AS n_real, printf('%.9f', sum(r)) AS total_real,
       count(t) AS n_text, printf('%.9f', sum(t)) AS total_text FROM (
  SELECT yoy_growth(amount, label) OVER w AS g,
         yoy_growth(CAST(amount AS REAL), label) OVER w AS r,
         yoy_growth(CAST(amount AS TEXT), label) OVER w AS t
  FROM labelled WHERE form = 'canonical' WINDOW w AS (ORDER BY m));
-- @expect
-- | n|total|n_real|total_real|n_text|total_text
-- | 11|750.000000000|11|750.000000000|11|750.000000000

-- Labels that look canonical but are not: the general path's errors.
-- @check window_period_forms-3.1
SELECT yoy_growth(v, p) OVER (ORDER BY i) AS g FROM (SELECT 1 AS i, 5 AS v, '2023-01' AS p UNION ALL SELECT 2, 6, '2023-13');
-- @expect
-- | g
-- | 
-- @error yoy_growth(): argument 2 is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @check window_period_forms-3.2
SELECT yoy_growth(v, p) OVER () FROM (SELECT 1 AS v, '2023-00' AS p);
-- @error yoy_growth(): argument 2 is not a period: '2023-00' (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @check window_period_forms-3.3 a BLOB holding the bytes of '2023-01' is not a label
SELECT yoy_growth(1, x'323032332d3031') OVER ();
-- @error yoy_growth(): argument 2 is not a period: x'323032332d3031' (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check window_period_forms-3.4 REAL 2023.0 is the year 2023, INTEGER 2022 the year before: +50 %
SELECT yoy_growth(v, p) OVER (ORDER BY p) AS g FROM (SELECT 10 AS v, 2022 AS p UNION ALL SELECT 15, 2023.0);
-- @expect
-- | g
-- | 
-- | 50.0
