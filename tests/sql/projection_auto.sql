-- annual_projection's auto: each rule is a median, a mean or one of the methods it
-- ranks, so auto never leaves the range of the fixed methods' projections of the same
-- row; and its note names the rule it used.  Six series, 8 years of quarters, each
-- with its own level, growth and season, and a deterministic wobble (no two alike).
.load build/tradestat
.mode list
.headers on
CREATE TABLE q(partner TEXT, period TEXT, amount REAL);
WITH p(i) AS (VALUES (1), (2), (3), (4), (5), (6)),
     t(n) AS (SELECT value FROM generate_series(0, 31))
INSERT INTO q
SELECT 'P' || i, (2012 + n / 4) || '-Q' || (n % 4 + 1),
       round((100 * i + 40) * (1 + 0.02 * i * (n / 4.0)) * (1 + 0.1 * ((n + i) % 4) - 0.15 * (i % 2) * (n % 4 = 0))
             * (1 + 0.03 * (((n * 7 + i * 3) % 11) - 5) / 5.0), 2)
FROM p, t;
CREATE TABLE fixed(method TEXT);
INSERT INTO fixed VALUES ('run_rate'), ('prior_share'), ('avg_share'), ('snaive'), ('linear'),
  ('holt_winters'), ('theta');
CREATE TABLE cut(through TEXT);
INSERT INTO cut VALUES ('Q1'), ('Q2'), ('Q3');
CREATE TABLE a AS SELECT c.through AS cut, x.series AS partner, x.year, x.projection, x.low, x.high, x.ytd, x.note
  FROM cut c, annual_projection('q', 'amount', 'period', 'partner', 'auto', 'through=' || c.through) x;
CREATE TABLE f AS SELECT c.through AS cut, m.method, x.series AS partner, x.year, x.projection
  FROM cut c, fixed m, annual_projection('q', 'amount', 'period', 'partner', m.method, 'through=' || c.through) x
  WHERE x.projection IS NOT NULL;

-- @check projection_auto-1.1 auto inside the fixed methods' range, every row of every cut
SELECT count(*) AS rows, sum(a.projection < r.lo * (1 - 1e-12) OR a.projection > r.hi * (1 + 1e-12)) AS outside
FROM a JOIN (SELECT cut, partner, year, min(projection) AS lo, max(projection) AS hi FROM f
             GROUP BY cut, partner, year) r USING (cut, partner, year);
-- @expect
-- | rows|outside
-- | 144|0

-- @check projection_auto-1.2 with a complete earlier year it combines, and says how
SELECT count(*) AS rows,
       sum(note LIKE 'auto: the median of the 5 %' OR note LIKE 'auto: the method with %'
           OR note LIKE 'auto: the mean of the 3 %' OR note LIKE 'auto: the mean of the 5 %'
           OR note LIKE 'auto: the median of the methods%' OR note LIKE 'auto: no past errors %'
           OR note LIKE 'auto: too few past errors %') AS named,
       count(DISTINCT substr(note, 1, 30)) > 1 AS several_rules
FROM a WHERE year > 2012;
-- @expect
-- | rows|named|several_rules
-- | 126|126|1

-- @check projection_auto-1.3 its interval holds its point and starts at the year-to-date or above
SELECT sum(low IS NOT NULL) > 100 AS intervals, sum(projection < low OR projection > high) AS point_outside,
       sum(low < ytd) AS low_below_ytd
FROM a;
-- @expect
-- | intervals|point_outside|low_below_ytd
-- | 1|0|0
