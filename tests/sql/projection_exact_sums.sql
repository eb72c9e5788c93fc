.load build/tradestat
.headers on
.mode list
-- A year-to-date, a year's total and the rest of a year are the exact
-- sums of their INTEGER figures, rounded once -- the figures the `ytd`
-- and `actual` columns show -- also where a figure is past 2^53 and a
-- double cannot hold it.  Before, each figure was rounded on its own and
-- the rounded figures summed: 2^62 and -(2^62 - 5) are 2^62 and -2^62
-- as doubles, their sum 0 where it is 5, so a year-to-date of 5 was
-- projected at 0 and a known year of 8 at 0.0 beside an `actual` of 8,
-- `error` -100 %.
--
-- 2022: 2^62, -(2^62 - 5), 2^62, -(2^62 - 3): H1 5, H2 3, the year 8.
-- 2023: 2^62, -(2^62 - 7): H1 7.
CREATE TABLE big(p TEXT, v INTEGER);
INSERT INTO big VALUES ('2022-Q1', 4611686018427387904), ('2022-Q2', -4611686018427387899),
  ('2022-Q3', 4611686018427387904), ('2022-Q4', -4611686018427387901),
  ('2023-Q1', 4611686018427387904), ('2023-Q2', -4611686018427387897);

-- @check projection_exact_sums-1.1 the sums plain SQL gives: 2022 H1 5, the year 8; 2023 H1 7
SELECT (SELECT sum(v) FROM big WHERE p BETWEEN '2022-Q1' AND '2022-Q2') AS h1_2022,
       (SELECT sum(v) FROM big WHERE p LIKE '2022%') AS y2022,
       (SELECT sum(v) FROM big WHERE p LIKE '2023%') AS h1_2023;
-- @expect
-- | h1_2022|y2022|h1_2023
-- | 5|8|7
-- @check projection_exact_sums-1.2 a known year (through=Q4) is its total, 8, its interval [8, 8], its error 0 (was 0.0, [0.0, 0.0], -100.0)
SELECT year, ytd, projection, low, high, actual, error
FROM annual_projection('big', 'v', 'p', NULL, 'run_rate', 'through=Q4') WHERE year = 2022;
-- @expect
-- | year|ytd|projection|low|high|actual|error
-- | 2022|8|8.0|8.0|8.0|8|0.0
-- @check projection_exact_sums-1.3 from H1, each method by its definition: run_rate 7 x 4 / 2 = 14, prior_share 7 x 8 / 5 = 11.2, avg_share 7 / (5 / 8) = 11.2, snaive 7 + 3 = 10 (were 0.0, NULL 'prior year-to-date is zero', NULL, 0.0)
SELECT m.column1 AS method, t.ytd, t.projection
FROM (VALUES ('run_rate'), ('prior_share'), ('avg_share'), ('snaive')) AS m,
     annual_projection('big', 'v', 'p', NULL, m.column1, 'through=Q2') AS t
WHERE t.year = 2023;
-- @expect
-- | method|ytd|projection
-- | run_rate|7|14.0
-- | prior_share|7|11.2
-- | avg_share|7|11.2
-- | snaive|7|10.0
-- @check projection_exact_sums-1.4 the aggregate gives the same: 14, 11.2, 11.2, 10, and 8 for 2022 alone
SELECT annual_projection(v, p, 'run_rate') AS run_rate,
       annual_projection(v, p, 'prior_share') AS prior_share,
       annual_projection(v, p, 'avg_share') AS avg_share,
       annual_projection(v, p, 'snaive') AS snaive,
       annual_projection(v, p, 'run_rate') FILTER (WHERE p < '2023') AS known_2022
FROM big;
-- @expect
-- | run_rate|prior_share|avg_share|snaive|known_2022
-- | 14.0|11.2|11.2|10.0|8.0
