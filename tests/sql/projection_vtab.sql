.load build/tradestat
.headers on
.mode list
.read sql/schema.sql
.read sql/data/article.sql
-- 1. The article (half years), table-valued form, each series by partner
--    and flow (by partner alone, exports and imports would be two rows of
--    one series and period: an error).
-- @check projection_vtab-1.1
SELECT series, year, through, periods_observed, periods_per_year, ytd, projection, method, actual, note
FROM annual_projection('direct_trade', 'amount', 'period', 'partner, flow', 'snaive')
WHERE json_extract(series, '$[0]') = 'China';
-- @expect
-- | series|year|through|periods_observed|periods_per_year|ytd|projection|method|actual|note
-- | ["China","export"]|2022|2022-H1|1|2|751.7||snaive||prior year's remaining periods missing
-- | ["China","export"]|2023|2023-H1|1|2|451||snaive||prior year's remaining periods missing
-- | ["China","import"]|2022|2022-H1|1|2|680.8||snaive|1490.0|prior year's remaining periods missing
-- | ["China","import"]|2023|2023-H1|1|2|1400|2209.2|snaive||fewer than 3 earlier years for an interval
CREATE TEMP VIEW imports AS SELECT * FROM direct_trade WHERE flow = 'import';
-- auto with no earlier errors: the median of run_rate 2800, prior_share = avg_share 3064.3,
-- snaive 2209.2 and linear 3082.5 is prior_share's value.
-- @check projection_vtab-1.2
SELECT series, year, ytd, round(projection, 6) = round(1400 * 1490 / 680.8, 6) AS prior_share_3064, method, note
FROM annual_projection('imports', 'amount', 'period', 'partner') WHERE series = 'China' AND year = 2023;
-- @expect
-- | series|year|ytd|prior_share_3064|method|note
-- | China|2023|1400|1|auto|auto: no past errors to judge by, the median of the methods; fewer than 3 earlier years for an interval
-- default method auto; no series column: one series, series NULL
CREATE TEMP VIEW china_imports AS SELECT * FROM imports WHERE partner = 'China';
-- @check projection_vtab-1.3
SELECT series IS NULL AS no_series, count(*) AS rows FROM annual_projection('china_imports', 'amount', 'period');
-- @expect
-- | no_series|rows
-- | 1|2
-- without a series column China's halves and the World's years are one series
-- @check projection_vtab-1.4
SELECT count(*) FROM annual_projection('imports', 'amount', 'period');
-- @error annual_projection: series mixes period kinds: '2018' and '2022-H1'
-- auto uses run_rate alone while the series has no complete earlier year, and says so:
-- in 2015 and in 2016 too (2 * 36), 2015 being incomplete (no Q3).  In 2017 (2016
-- complete) linear, prior_share, avg_share and snaive join: the median of run_rate 80,
-- linear 102.7, snaive 114 and the shares' 122.2 twice is snaive's 114.  The virtual
-- table alone with one series has no others to pool: 2015's and 2016's intervals (no
-- complete earlier year) come from their own spread shrunk toward the assumed one
-- (projection_vtab-40.4); 2017's from the spread of the year's growth.
CREATE TEMP TABLE gap(p, v);
INSERT INTO gap VALUES ('2015-Q1', 10), ('2015-Q2', 20), ('2015-Q4', 40), ('2016-Q1', 12),
  ('2016-Q2', 24), ('2016-Q3', 30), ('2016-Q4', 44), ('2017-Q1', 14), ('2017-Q2', 26);
-- @check projection_vtab-1.5
SELECT year, projection, note FROM annual_projection('gap', 'v', 'p', NULL, 'auto', 'through=Q2');
-- @expect
-- | year|projection|note
-- | 2015|60.0|auto: run_rate alone (no complete earlier year); interval from the spread of this year's periods shrunk toward an assumed spread (no earlier year, too few other series to pool)
-- | 2016|72.0|auto: run_rate alone (no complete earlier year); interval from the spread of this year's periods shrunk toward an assumed spread (no earlier year, too few other series to pool)
-- | 2017|114.0|auto: no past errors to judge by, the median of the methods; interval from the spread of this year's periods (no earlier errors)

-- 2. Quarterly sales of two partners, 2017-Q1 .. 2023-Q2, integers.
--    A: Q1 varies, Q2..Q4 repeat (30, 60, 45): snaive is exact every year.
--    B: 100, 110, 120, ... +10 a quarter.
CREATE TABLE sales(period TEXT, partner TEXT, amount INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
INSERT INTO sales SELECT printf('%d-Q%d', 2017 + i / 4, i % 4 + 1), p,
  CASE p WHEN 'A' THEN CASE i % 4 WHEN 0 THEN 10 + (i * 37) % 80 WHEN 1 THEN 30 WHEN 2 THEN 60 ELSE 45 END
         ELSE 100 + 10 * i END
FROM n, (SELECT 'A' AS p UNION ALL SELECT 'B');
CREATE INDEX sales_by ON sales(partner, period);
CREATE VIRTUAL TABLE outlook USING annual_projection(source=sales, value=amount, period=period,
  by=partner, method=auto, level=80, through=H1);
-- 2017, the first year: only run_rate (2 * 40) and linear (the line through Q1 10, Q2 30
-- gives 50 + 70 more: 160) project it and nothing has an earlier error.  auto leaves
-- linear out while the series has no complete earlier year (a line through part of a
-- year follows the season), so it is run_rate's 80 and its note says so.  Two series are
-- too few to pool this year's spread, so its own (ln 10, ln 30 about their mean: ss =
-- ln(3)^2 / 2 on 1 degree of freedom) is shrunk toward the assumed spread 0.25 counted as 3:
-- s^2 = (ss + 3 * 0.0625) / 4, q = 1/2 still to come, var = q^2 s^2 (1/2 + 1/2), df 16:
-- [80 exp(-t_16 sd), 80 exp(t_16 sd)] = [59.43, 107.69].
-- @check projection_vtab-2.1
SELECT partner, year, through, periods_observed, periods_per_year, ytd, projection, low, high, method, actual, note
FROM outlook WHERE partner = 'A' AND year = 2017;
-- @expect
-- | partner|year|through|periods_observed|periods_per_year|ytd|projection|low|high|method|actual|note
-- | A|2017|2017-Q2|2|4|40|80.0|59.4306182759636|107.688598666126|auto|145|auto: run_rate alone (no complete earlier year); interval from the spread of this year's periods shrunk toward an assumed spread (no earlier year, too few other series to pool)
-- 2018: still no method with an earlier error to judge by (run_rate and linear have one,
-- fewer than 3, and two series make no pool): the median of run_rate, prior_share,
-- avg_share, snaive and linear, which is linear's projection.
CREATE VIRTUAL TABLE a_linear USING annual_projection(source=sales, value=amount, period=period,
  by=partner, method=linear, through=H1);
-- @check projection_vtab-2.2
SELECT o.year, o.projection = l.projection AS is_linear FROM outlook o JOIN a_linear l USING (partner, year)
WHERE partner = 'A' AND year = 2018;
-- @expect
-- | year|is_linear
-- | 2018|1
-- In 2020 and 2021 run_rate and linear (and in 2021 snaive) have 3 earlier errors of their
-- own, but holt_winters and theta fewer (they fit on 2 earlier years) and two series make
-- no pool: not every method can be judged, so auto is the median of all of them (2021:
-- not snaive's).  From 2022 every method has 3; snaive's are all 0: the only method without
-- error, so auto is snaive, exact (ytd + 105), whichever rule auto uses.  The intervals
-- come from the errors of that rule, no wider than the best method's (snaive's, all 0);
-- the point is inside.
-- @check projection_vtab-2.3
SELECT year, ytd + 105 = projection AS snaive_exact, method, low <= projection AND projection <= high AS inside,
  substr(note, 1, instr(note || ';', ';') - 1) AS how
FROM outlook WHERE partner = 'A' AND year >= 2021;
-- @expect
-- | year|snaive_exact|method|inside|how
-- | 2021|0|auto|1|auto: too few past errors to judge every method by, the median of the methods
-- | 2022|1|auto|1|auto: the median of the 5 methods with the smallest past errors, weighted by their accuracy
-- | 2023|1|auto|1|auto: the median of the 5 methods with the smallest past errors, weighted by their accuracy

-- 3. B by run_rate from Q1: the interval from earlier years' errors, by hand.
--    Year y's Q1 is q = 100 + 40 (y - 2017); run rate 4 q, actual 4 q + 60.
CREATE VIRTUAL TABLE b_q1 USING annual_projection(source=sales, value=amount, period=period,
  by=partner, method=run_rate, through=Q1);
-- @check projection_vtab-3.1
SELECT year, ytd, projection, actual, round(error, 6) AS error, note FROM b_q1 WHERE partner = 'B' AND year <= 2020;
-- @expect
-- | year|ytd|projection|actual|error|note
-- | 2017|100|400.0|460|-13.043478|interval from an assumed spread of a year's periods (one period observed, no earlier year)
-- | 2018|140|560.0|620|-9.677419|fewer than 3 earlier years for an interval
-- | 2019|180|720.0|780|-7.692308|fewer than 3 earlier years for an interval
-- | 2020|220|880.0|940|-6.382979|
-- 2020: the mean absolute log error d of 2017..2019 (the latest 4 earlier years; A's 3
-- errors are too few for a pool), sd = d sqrt(pi / 2), n = 3:
-- 880 exp(+- t(0.9, 3) sd), t(0.9, 3) = 1.6377443536962102.
-- @check projection_vtab-3.2
WITH e(r) AS (VALUES (ln(460.0 / 400)), (ln(620.0 / 560)), (ln(780.0 / 720))),
     s AS (SELECT avg(abs(r)) * sqrt(pi() / 2) AS sd FROM e)
SELECT round(b.low, 9) = round(880 * exp(-1.6377443536962102 * sd), 9) AS low_ok,
       round(b.high, 9) = round(880 * exp(1.6377443536962102 * sd), 9) AS high_ok
FROM b_q1 b, s WHERE b.partner = 'B' AND b.year = 2020;
-- @expect
-- | low_ok|high_ok
-- | 1|1
-- The incomplete last year: actual and error NULL, still projected.
-- @check projection_vtab-3.3
SELECT year, periods_observed, ytd, projection, actual, error FROM b_q1 WHERE partner = 'B' AND year = 2023;
-- @expect
-- | year|periods_observed|ytd|projection|actual|error
-- | 2023|1|340|1360.0||

-- 4. Pushdown never changes the answer; only earlier years are used.
CREATE TEMP TABLE all_rows AS SELECT * FROM outlook;
-- @check projection_vtab-4.1
SELECT count(*) AS differing FROM (SELECT * FROM outlook WHERE partner = 'B' AND year >= 2021
  EXCEPT SELECT * FROM all_rows WHERE partner = 'B' AND year >= 2021);
-- @expect
-- | differing
-- | 0
-- @check projection_vtab-4.2
SELECT count(*) AS rows FROM outlook WHERE partner IN ('A', 'B') AND year = 2022;
-- @expect
-- | rows
-- | 2
-- @check projection_vtab-4.3
SELECT count(*) AS differing FROM (SELECT * FROM outlook WHERE year < 2021
  EXCEPT SELECT * FROM all_rows WHERE year < 2021);
-- @expect
-- | differing
-- | 0

-- 7. Borrowing strength: six series P1..P6 of one source, quarterly 2015-Q1 .. 2023-Q2;
--    Q1 = 100 i, Q2..Q4 = 100 i (1 + 0.1 (year - 2015) + 0.03 i).  By run_rate from Q1,
--    P1's 2016 has one earlier error of its own and 2017 two: too few alone, so the
--    errors the other five series made in the same years (the pool) fill in, counting as
--    3 years: d = (own sum + 3 * pool mean) / (own n + 3), sd = d sqrt(pi / 2),
--    df = floor((n + 3)^2 / n): 16 for n = 1, 12 for n = 2.
--    t(0.9, 16) = 1.3367571673275052, t(0.9, 12) = 1.3562173340228583.
CREATE TABLE six(period TEXT, partner TEXT, amount REAL);
WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < 33),
     p(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM p WHERE i < 6)
INSERT INTO six SELECT printf('%d-Q%d', 2015 + j / 4, j % 4 + 1), 'P' || i,
  CASE j % 4 WHEN 0 THEN 100 * i ELSE 100 * i * (1 + 0.1 * (j / 4) + 0.03 * i) END FROM n, p;
CREATE VIRTUAL TABLE six_rr USING annual_projection(source=six, value=amount, period=period,
  by=partner, method=run_rate, through=Q1);
-- @check projection_vtab-7.1
WITH e AS (SELECT partner, year, abs(ln(actual / projection)) AS r FROM six_rr WHERE actual IS NOT NULL),
     want(year, t) AS (VALUES (2016, 1.3367571673275052), (2017, 1.3562173340228583)),
     d AS (SELECT w.year, w.t,
                  ((SELECT coalesce(sum(r), 0) FROM e WHERE partner = 'P1' AND year BETWEEN w.year - 4 AND w.year - 1)
                   + 3 * (SELECT avg(r) FROM e WHERE partner <> 'P1' AND year BETWEEN w.year - 4 AND w.year - 1))
                  / ((SELECT count(*) FROM e WHERE partner = 'P1' AND year BETWEEN w.year - 4 AND w.year - 1) + 3) AS d
           FROM want w)
SELECT b.year, round(b.low, 9) = round(b.projection * exp(-d.t * d.d * sqrt(pi() / 2)), 9) AS low_ok,
       round(b.high, 9) = round(b.projection * exp(d.t * d.d * sqrt(pi() / 2)), 9) AS high_ok
FROM six_rr b JOIN d USING (year) WHERE b.partner = 'P1' ORDER BY b.year;
-- @expect
-- | year|low_ok|high_ok
-- | 2016|1|1
-- | 2017|1|1
-- A fixed method builds the pool only when low, high or note is first read: reading low
-- only for P4's rows (after P1..P3 went by without it) gives the numbers of a full read.
CREATE TEMP TABLE six_rr_all AS SELECT * FROM six_rr;
-- @check projection_vtab-7.1b
SELECT count(*) AS compared, sum(lazy IS NOT a.low) AS differing
FROM (SELECT partner, year, CASE WHEN partner = 'P4' THEN low END AS lazy FROM six_rr) l
JOIN six_rr_all a USING (partner, year) WHERE partner = 'P4';
-- @expect
-- | compared|differing
-- | 9|0
-- 2015, the source's first year from Q1: no earlier error anywhere and no spread from one
-- period, so the interval is from the assumed spread (projection_vtab-40.4).  From 2016
-- every series' run_rate has one from the pooled errors.
-- @check projection_vtab-7.2
SELECT year, count(*) AS series, count(low) AS with_interval FROM six_rr WHERE year <= 2017 GROUP BY year;
-- @expect
-- | year|series|with_interval
-- | 2015|6|6
-- | 2016|6|6
-- | 2017|6|6
-- auto borrows too: in 2016 (one year of errors) it ranks the methods by the pooled errors
-- instead of taking the median of all (no rule has errors yet: the weighted median), and
-- its interval comes from the 2015 errors of the best method of the other five series (5
-- errors, the pool's minimum) and its own one.
CREATE VIRTUAL TABLE six_auto USING annual_projection(source=six, value=amount, period=period,
  by=partner, through=Q1);
-- @check projection_vtab-7.3
SELECT year, note FROM six_auto WHERE partner = 'P1' AND year <= 2016;
-- @expect
-- | year|note
-- | 2015|auto: run_rate alone (no complete earlier year); interval from an assumed spread of a year's periods (one period observed, no earlier year)
-- | 2016|auto: the median of the 5 methods with the smallest past errors, weighted by their accuracy

-- 8. Invariants, every method, every row of both sources: the point inside [low, high];
--    low >= the year-to-date (the values are never negative); through=Q4 (the year is
--    known) gives low = high = projection = actual.
CREATE TABLE all_methods(method TEXT);
INSERT INTO all_methods VALUES ('run_rate'), ('prior_share'), ('avg_share'), ('snaive'), ('linear'),
  ('holt_winters'), ('theta'), ('auto');
-- @check projection_vtab-8.1
SELECT count(*) > 300 AS many, count(low) > 200 AS many_intervals,
       sum(projection < low OR projection > high) AS point_outside, sum(low < ytd) AS low_below_ytd
FROM all_methods m, annual_projection('six', 'amount', 'period', 'partner', m.method) a;
-- @expect
-- | many|many_intervals|point_outside|low_below_ytd
-- | 1|1|0|0
-- @check projection_vtab-8.2
SELECT count(*) > 50 AS many, sum(projection < low OR projection > high) AS point_outside,
       sum(low < ytd) AS low_below_ytd
FROM all_methods m, annual_projection('sales', 'amount', 'period', 'partner', m.method) a;
-- @expect
-- | many|point_outside|low_below_ytd
-- | 1|0|0
CREATE VIRTUAL TABLE six_q4 USING annual_projection(source=six, value=amount, period=period,
  by=partner, through=Q4);
-- @check projection_vtab-8.3
SELECT count(*) AS complete_years, sum(low = actual AND high = actual AND projection = actual) AS exact
FROM six_q4 WHERE actual IS NOT NULL;
-- @expect
-- | complete_years|exact
-- | 48|48

-- 9. No data from the future: every method's row for 2019 from Q2 is the same when the
--    source stops at 2019-Q2 (every series cut, so the pool is cut too).
CREATE VIEW six_cut AS SELECT * FROM six WHERE period <= '2019-Q2';
CREATE VIRTUAL TABLE f_run_rate USING annual_projection(source=six, value=amount, period=period, by=partner, method=run_rate, through=Q2);
CREATE VIRTUAL TABLE c_run_rate USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=run_rate, through=Q2);
CREATE VIRTUAL TABLE f_prior_share USING annual_projection(source=six, value=amount, period=period, by=partner, method=prior_share, through=Q2);
CREATE VIRTUAL TABLE c_prior_share USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=prior_share, through=Q2);
CREATE VIRTUAL TABLE f_avg_share USING annual_projection(source=six, value=amount, period=period, by=partner, method=avg_share, through=Q2);
CREATE VIRTUAL TABLE c_avg_share USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=avg_share, through=Q2);
CREATE VIRTUAL TABLE f_snaive USING annual_projection(source=six, value=amount, period=period, by=partner, method=snaive, through=Q2);
CREATE VIRTUAL TABLE c_snaive USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=snaive, through=Q2);
CREATE VIRTUAL TABLE f_linear USING annual_projection(source=six, value=amount, period=period, by=partner, method=linear, through=Q2);
CREATE VIRTUAL TABLE c_linear USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=linear, through=Q2);
CREATE VIRTUAL TABLE f_holt_winters USING annual_projection(source=six, value=amount, period=period, by=partner, method=holt_winters, through=Q2);
CREATE VIRTUAL TABLE c_holt_winters USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=holt_winters, through=Q2);
CREATE VIRTUAL TABLE f_theta USING annual_projection(source=six, value=amount, period=period, by=partner, method=theta, through=Q2);
CREATE VIRTUAL TABLE c_theta USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=theta, through=Q2);
CREATE VIRTUAL TABLE f_auto USING annual_projection(source=six, value=amount, period=period, by=partner, method=auto, through=Q2);
CREATE VIRTUAL TABLE c_auto USING annual_projection(source=six_cut, value=amount, period=period, by=partner, method=auto, through=Q2);
-- @check projection_vtab-9.1
SELECT count(*) AS compared, count(fl) > 30 AS with_intervals,
       sum(fp IS NOT cp OR fl IS NOT cl OR fh IS NOT ch) AS differing FROM (
  SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_run_rate f JOIN c_run_rate c USING (partner, year) WHERE year = 2019
  UNION ALL SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_prior_share f JOIN c_prior_share c USING (partner, year) WHERE year = 2019
  UNION ALL SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_avg_share f JOIN c_avg_share c USING (partner, year) WHERE year = 2019
  UNION ALL SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_snaive f JOIN c_snaive c USING (partner, year) WHERE year = 2019
  UNION ALL SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_linear f JOIN c_linear c USING (partner, year) WHERE year = 2019
  UNION ALL SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_holt_winters f JOIN c_holt_winters c USING (partner, year) WHERE year = 2019
  UNION ALL SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_theta f JOIN c_theta c USING (partner, year) WHERE year = 2019
  UNION ALL SELECT f.projection AS fp, c.projection AS cp, f.low AS fl, c.low AS cl, f.high AS fh, c.high AS ch FROM f_auto f JOIN c_auto c USING (partner, year) WHERE year = 2019);
-- @expect
-- | compared|with_intervals|differing
-- | 48|1|0

-- 5. through that is not a whole number of the series' periods; month through=06.
CREATE VIRTUAL TABLE halves USING annual_projection(source=direct_trade, value=amount, period=period,
  by='flow, partner', through=Q1);
-- @check projection_vtab-5.1
SELECT flow, partner, year, through, projection, note FROM halves WHERE partner = 'China';
-- @expect
-- | flow|partner|year|through|projection|note
-- | export|China|2022|||through is not a whole number of this series' periods
-- | export|China|2023|||through is not a whole number of this series' periods
-- | import|China|2022|||through is not a whole number of this series' periods
-- | import|China|2023|||through is not a whole number of this series' periods
CREATE VIRTUAL TABLE june USING annual_projection(source=sales, value=amount, period=period, by=partner, through=06, method=snaive);
-- @check projection_vtab-5.2
SELECT partner, year, through, ytd FROM june WHERE partner = 'A' AND year = 2023;
-- @expect
-- | partner|year|through|ytd
-- | A|2023|2023-Q2|48

-- 6. Errors.
-- @check projection_vtab-6.1
SELECT * FROM annual_projection('sales', 'amount', 'period', 'partner', 'magic');
-- @error annual_projection: unknown method 'magic' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)
-- @check projection_vtab-6.2
SELECT * FROM annual_projection('sales', 'amount');
-- @error annual_projection: argument 3 (period) is missing
-- @check projection_vtab-6.3
SELECT * FROM annual_projection('nope', 'amount', 'period');
-- @error annual_projection: no such table "nope"
-- @check projection_vtab-6.4
SELECT * FROM annual_projection('sales', 'amount', 'when');
-- @error annual_projection: no such column "when" in "sales" (columns: period, partner, amount)
-- @check projection_vtab-6.5
CREATE VIRTUAL TABLE e1 USING annual_projection(source=sales, value=amount, period=period, method=best);
-- @error annual_projection: unknown method 'best' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)
-- @check projection_vtab-6.6
CREATE VIRTUAL TABLE e2 USING annual_projection(source=sales, value=amount, period=period, level=100);
-- @error annual_projection: level must be a number between 0 and 100: '100'
-- @check projection_vtab-6.7
CREATE VIRTUAL TABLE e3 USING annual_projection(source=sales, value=amount, period=period, through=H3);
-- @error annual_projection: through must be a point of the year such as H1, Q3 or 06: 'H3'
-- @check projection_vtab-6.8
CREATE VIRTUAL TABLE e4 USING annual_projection(source=sales, period=period);
-- @error annual_projection: missing argument value=
-- @check projection_vtab-6.9
CREATE VIRTUAL TABLE e5 USING annual_projection(source=sales, value=amount, period=period, color=red);
-- @error annual_projection: unknown argument "color" (expected source, value, period, by, grain, scan, method, level, through, reconcile)
CREATE TABLE daily(d TEXT, v INTEGER);
INSERT INTO daily VALUES ('2023-01-01', 1);
-- @check projection_vtab-6.10
SELECT * FROM annual_projection('daily', 'v', 'd');
-- @error annual_projection: day periods cannot be projected by position in the year; use grain=month
CREATE VIEW planted AS SELECT * FROM annual_projection('sales', 'amount', 'period');
-- @check projection_vtab-6.11
SELECT count(*) FROM planted;
-- @error unsafe use of virtual table "annual_projection"

-- The table-valued form's options: through= and level= as in the CREATE form.
CREATE VIRTUAL TABLE opt_create USING annual_projection(source=direct_trade, value=amount, period=period,
  by='partner, flow', method=snaive, through=H1);
-- @check projection_vtab-30.1
SELECT count(*) AS differ FROM (
  SELECT year, through, ytd, projection, low, high FROM annual_projection('direct_trade', 'amount', 'period', 'partner, flow', 'snaive', 'through=H1')
  EXCEPT SELECT year, through, ytd, projection, low, high FROM opt_create);
-- @expect
-- | differ
-- | 0
-- @check projection_vtab-30.2
SELECT * FROM annual_projection('direct_trade', 'amount', 'period', 'partner, flow', 'snaive', 'level=150');
-- @error annual_projection: level must be a number between 0 and 100: '150'
-- level is in percent: 0.8 (a fraction, as some libraries take it) would
-- be a 0.8 % interval, low and high a hair apart around the projection:
-- a confident-looking interval nobody asked for.  Above 0 and below 1
-- is an error.
-- @check projection_vtab-30.3
SELECT * FROM annual_projection('direct_trade', 'amount', 'period', 'partner, flow', 'snaive', 'level=0.8');
-- @error annual_projection: level is in percent (80 for an 80 % interval), not a fraction: '0.8'
-- @check projection_vtab-30.4
CREATE VIRTUAL TABLE e6 USING annual_projection(source=direct_trade, value=amount, period=period, level=0.95);
-- @error annual_projection: level is in percent (80 for an 80 % interval), not a fraction: '0.95'
-- A long or control-holding method or through= is shown cut to 60 bytes,
-- a control byte as char(N), as every message shows a value (it was
-- pasted whole: a 5 kB method made a 5 kB message, a newline broke it).
-- @check projection_vtab-30.5
SELECT * FROM annual_projection('direct_trade', 'amount', 'period', 'partner', printf('%.200c', 'm'));
-- @error annual_projection: unknown method 'mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm...' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)
-- @check projection_vtab-30.6
SELECT * FROM annual_projection('direct_trade', 'amount', 'period', 'partner', 'run_rate' || char(10) || 'x');
-- @error annual_projection: unknown method 'run_rate' || char(10) || 'x' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)

-- Days rolled up by month from mid-March: the pool of past errors, read
-- from the rows the hash path holds, sees the same incomplete first month
-- as the streamed read does, so auto's rows and intervals agree.
CREATE TABLE days_mid(s, p, v);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 1990)
INSERT INTO days_mid SELECT 'a', date('2018-03-15', '+' || i || ' day'), 10 + (i % 7) FROM r
UNION ALL SELECT 'b', date('2018-03-15', '+' || i || ' day'), 20 + (i % 5) FROM r;
CREATE VIRTUAL TABLE days_hash USING annual_projection(source=days_mid, value=v, period=p, by=s,
  grain=month, method=auto, scan=hash);
CREATE VIRTUAL TABLE days_stream USING annual_projection(source=days_mid, value=v, period=p, by=s,
  grain=month, method=auto, scan=stream);
-- @check projection_vtab-31.1
SELECT count(*) AS differ, (SELECT count(low) FROM days_hash) AS intervals FROM (
  SELECT * FROM days_hash EXCEPT SELECT * FROM days_stream);
-- @expect
-- | differ|intervals
-- | 0|6
-- @check projection_vtab-31.2
SELECT s, year, note FROM days_hash WHERE year IN (2018, 2023) ORDER BY s, year;
-- @expect
-- | s|year|note
-- | a|2018|incomplete period
-- | a|2023|incomplete period
-- | b|2018|incomplete period
-- | b|2023|incomplete period

-- 40. A source's first year (no earlier year anywhere): run_rate's interval from the
--     spread of the year's periods, pooled over the source's other series.  Six series,
--     each Q1 = 100 * (i + 1), Q2 = 1.21 Q1: every series' spread of ln value about its
--     mean over H1 is ss = ln(1.21)^2 / 2 on 1 degree of freedom, so s^2 = ss shrunk
--     with the pool's (the same), df = (1 + 3)^2 / 1 = 16, q = 1/2 of the run rate
--     still to come, var = q^2 s^2 (1/2 + 1/2) and
--     ln(high / projection) = t_16(0.90) sqrt(var) = 1.336757 * ln(1.21) / sqrt(8).
CREATE TABLE first_year(s, p, v);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 5)
INSERT INTO first_year SELECT 's' || i, '2020-Q1', 100 * (i + 1) FROM n
UNION ALL SELECT 's' || i, '2020-Q2', 121 * (i + 1) FROM n;
CREATE VIRTUAL TABLE first_auto USING annual_projection(source=first_year, value=v, period=p,
  by=s, method=auto);
-- No data from the future: with the rest of 2020 and 2021's H1 in the source, 2020's
-- rows from H1 are the same.
CREATE TABLE first_more AS SELECT * FROM first_year;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 5)
INSERT INTO first_more SELECT 's' || i, '2020-Q3', 90 + 37 * i * i FROM n
UNION ALL SELECT 's' || i, '2020-Q4', 300 - 11 * i FROM n
UNION ALL SELECT 's' || i, '2021-Q1', 50 + 70 * i FROM n
UNION ALL SELECT 's' || i, '2021-Q2', 400 + (i % 2) * 500 FROM n;
CREATE VIRTUAL TABLE first_more_auto USING annual_projection(source=first_more, value=v,
  period=p, by=s, method=auto, through=H1);
-- @check projection_vtab-40.0
SELECT count(*) AS rows, sum(m.ytd = a.ytd AND m.projection = a.projection AND m.low = a.low
  AND m.high = a.high) AS same
FROM first_auto a JOIN first_more_auto m ON m.s = a.s AND m.year = a.year;
-- @expect
-- | rows|same
-- | 6|6
-- @check projection_vtab-40.1
SELECT s, projection, round(ln(high / projection) / (ln(1.21) / sqrt(8)), 5) AS t_16,
  round(ln(projection / low), 9) = round(ln(high / projection), 9) AS symmetric, low >= ytd AS above_ytd, note
FROM first_auto WHERE s IN ('s0', 's5');
-- @expect
-- | s|projection|t_16|symmetric|above_ytd|note
-- | s0|442.0|1.33676|1|1|auto: run_rate alone (no complete earlier year); interval from the spread of this year's periods in this series and the source's others (no earlier year)
-- | s5|2652.0|1.33676|1|1|auto: run_rate alone (no complete earlier year); interval from the spread of this year's periods in this series and the source's others (no earlier year)
-- run_rate gets the same interval; linear none (the draws describe a run rate's error,
-- not a line's); with five series (four others) the pool is too thin: each series' own
-- spread is shrunk toward the assumed one instead (projection_vtab-40.4).
CREATE TEMP VIEW first_five AS SELECT * FROM first_year WHERE s <> 's5';
-- @check projection_vtab-40.2
SELECT (SELECT count(*) FROM annual_projection('first_year', 'v', 'p', 's', 'run_rate') r
        JOIN first_auto a ON a.s = r.series WHERE r.low = a.low AND r.high = a.high) AS run_rate_same,
  (SELECT count(low) FROM annual_projection('first_year', 'v', 'p', 's', 'linear')) AS linear_intervals,
  (SELECT count(low) FROM annual_projection('first_five', 'v', 'p', 's', 'run_rate')) AS five_series;
-- @expect
-- | run_rate_same|linear_intervals|five_series
-- | 6|0|5
-- A series that starts later than the others of its source: its first year's auto is
-- run_rate (2 * 405), with run_rate's interval, from the other series' run_rate errors of
-- the earlier years (the pool), not from the spread.
CREATE TABLE late_start(s, p, v);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 23),
  ser(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM ser WHERE j < 5)
INSERT INTO late_start SELECT 's' || j, printf('%d-Q%d', 2015 + i / 4, i % 4 + 1),
  100 + 3 * i + 7 * j + (i * 13 + j * 5) % 9 + CASE i % 4 WHEN 3 THEN 30 ELSE 0 END FROM n, ser
UNION ALL SELECT 'late', '2019-Q1', 200 UNION ALL SELECT 'late', '2019-Q2', 205;
-- @check projection_vtab-40.3
SELECT a.series, a.year, a.projection, a.low IS NOT NULL AS has_interval,
  a.low = r.low AND a.high = r.high AS run_rate_interval, a.note LIKE '%spread%' AS from_spread
FROM annual_projection('late_start', 'v', 'p', 's', 'auto', 'through=H1') a
JOIN annual_projection('late_start', 'v', 'p', 's', 'run_rate', 'through=H1') r USING (series, year)
WHERE a.series = 'late';
-- @expect
-- | series|year|projection|has_interval|run_rate_interval|from_spread
-- | late|2019|810.0|1|1|0
-- 40.4 No pooled spread in a first year (projection_errors.c item 4d): from Q1 no series
--      has a spread yet, and with fewer than 5 other series none is pooled; the spread
--      of ln value between a year's periods is then assumed to be 0.25 (counted as 3
--      degrees of freedom, as the pool is).  From Q1 of first_year (six series, one
--      period each): s^2 = 0.25^2, q = 3/4 still to come, var = q^2 s^2 (1/1 + 1/3), df
--      63, so ln(high / projection) / 0.25 = t_63(0.90) sqrt(0.75) = 1.29513 * 0.86603 =
--      1.12162.  From H1 of first_five (four others): s^2 = (ln(1.21)^2 / 2 + 3 * 0.0625)
--      / 4, q = 1/2, var = q^2 s^2, df 16: t_16(0.90) = 1.33676 = ln(high / projection)
--      / sqrt(var).
-- @check projection_vtab-40.4
SELECT 'Q1' AS point, count(*) AS series,
  min(round(ln(high / projection) / 0.25, 5)) AS lo, max(round(ln(high / projection) / 0.25, 5)) AS hi,
  min(low >= ytd) AS above_ytd, min(note LIKE '%assumed spread%one period%') AS noted
FROM annual_projection('first_year', 'v', 'p', 's', 'auto', 'through=Q1')
UNION ALL
SELECT 'H1', count(*),
  min(round(ln(high / projection) / sqrt((ln(1.21) * ln(1.21) / 2 + 3 * 0.0625) / 16), 5)),
  max(round(ln(high / projection) / sqrt((ln(1.21) * ln(1.21) / 2 + 3 * 0.0625) / 16), 5)),
  min(low >= ytd), min(note LIKE '%shrunk toward an assumed spread%')
FROM annual_projection('first_five', 'v', 'p', 's', 'run_rate');
-- @expect
-- | point|series|lo|hi|above_ytd|noted
-- | Q1|6|1.12162|1.12162|1|1
-- | H1|5|1.33676|1.33676|1|1

-- The whole-source pre-pass (auto's and the intervals' pool) is made once
-- for a cursor and kept across its xFilter calls, and handed on to the
-- cursor SQLite opens for a correlated subquery's next outer row; it is
-- made again when the settings, the connection's count of changes or a
-- database's data_version move.  Every shape below must answer as the
-- plain query does, also after writes to the source.
CREATE TABLE cache_src(partner TEXT, period TEXT, amount INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 45)
INSERT INTO cache_src SELECT p, printf('%d-Q%d', 2012 + i / 4, i % 4 + 1),
  CASE p WHEN 'a' THEN 100 + 7 * i + (i * 37) % 23
         WHEN 'b' THEN 50 + ((i * 53) % 31) * (1 + i % 4)
         ELSE 200 - i + (i * i) % 17 END
FROM n, (SELECT 'a' AS p UNION ALL SELECT 'b' UNION ALL SELECT 'c');
CREATE TABLE cache_keys(name TEXT);
INSERT INTO cache_keys VALUES ('a'), ('b'), ('c');
CREATE TABLE cache_methods(m TEXT);
-- snaive first: its pre-pass pools snaive's errors alone, never auto's.
INSERT INTO cache_methods VALUES ('snaive'), ('auto'), ('holt_winters'), ('prior_share');
CREATE VIRTUAL TABLE cache_auto USING annual_projection(source=cache_src, value=amount,
  period=period, by=partner, method=auto, through=H1);
CREATE VIRTUAL TABLE cache_snaive USING annual_projection(source=cache_src, value=amount,
  period=period, by=partner, method=snaive, through=H1);
CREATE TEMP TABLE cache_plain AS SELECT * FROM cache_auto;
CREATE TEMP TABLE cache_plain_snaive AS SELECT * FROM cache_snaive;
-- A join with the table as the inner loop (CROSS JOIN keeps that order):
-- one xFilter per key, every row as the plain scan has it.  Every year has
-- an interval (the first, 2012, with no earlier error anywhere and three
-- series, from the assumed spread of projection_vtab-40.4).
-- @check projection_vtab-32.1
SELECT (SELECT count(*) FROM cache_keys k CROSS JOIN cache_auto a WHERE a.partner = k.name) AS joined,
  (SELECT count(*) FROM (SELECT a.* FROM cache_keys k CROSS JOIN cache_auto a WHERE a.partner = k.name
                         EXCEPT SELECT * FROM cache_plain)) AS differ,
  (SELECT count(low) FROM cache_plain) AS intervals;
-- @expect
-- | joined|differ|intervals
-- | 36|0|36
-- A correlated subquery: a new cursor for each outer row.
-- @check projection_vtab-32.2
SELECT k.name, (SELECT printf('%.6f %.6f %.6f %s', projection, low, high, method) FROM cache_auto
                WHERE partner = k.name AND year = 2022)
  IS (SELECT printf('%.6f %.6f %.6f %s', projection, low, high, method) FROM cache_plain
      WHERE partner = k.name AND year = 2022) AS same
FROM cache_keys k;
-- @expect
-- | name|same
-- | a|1
-- | b|1
-- | c|1
-- A fixed method's intervals, the pool made at the first low read, in a join.
-- @check projection_vtab-32.3
SELECT count(*) AS differ FROM (
  SELECT a.* FROM cache_keys k CROSS JOIN cache_snaive a WHERE a.partner = k.name AND a.year >= 2019
  EXCEPT SELECT * FROM cache_plain_snaive);
-- @expect
-- | differ
-- | 0

-- A write between two statements of one transaction: the second reads the
-- new source (d's series moves every pooled interval).
BEGIN;
INSERT INTO cache_src SELECT 'd', period, amount * (1 + (rowid % 5)) FROM cache_src WHERE partner = 'a';
CREATE TEMP TABLE cache_plain_d AS SELECT * FROM cache_auto;
-- @check projection_vtab-33.1
SELECT (SELECT low FROM cache_plain WHERE partner = 'a' AND year = 2022)
         <> (SELECT low FROM cache_plain_d WHERE partner = 'a' AND year = 2022) AS moved,
  (SELECT count(*) FROM (SELECT a.* FROM cache_keys k CROSS JOIN cache_auto a WHERE a.partner = k.name
                         EXCEPT SELECT * FROM cache_plain_d)) AS differ;
-- @expect
-- | moved|differ
-- | 1|0
-- @check projection_vtab-33.2
SELECT k.name, (SELECT low FROM cache_auto WHERE partner = k.name AND year = 2022)
  IS (SELECT low FROM cache_plain_d WHERE partner = k.name AND year = 2022) AS same
FROM cache_keys k;
-- @expect
-- | name|same
-- | a|1
-- | b|1
-- | c|1
-- A savepoint rolled back: the rows of before d again.
SAVEPOINT cache_sp;
DELETE FROM cache_src WHERE partner = 'd';
-- @check projection_vtab-33.3
SELECT k.name, (SELECT low FROM cache_auto WHERE partner = k.name AND year = 2022)
  IS (SELECT low FROM cache_plain WHERE partner = k.name AND year = 2022) AS same
FROM cache_keys k;
-- @expect
-- | name|same
-- | a|1
-- | b|1
-- | c|1
ROLLBACK TO cache_sp;
-- @check projection_vtab-33.4
SELECT k.name, (SELECT low FROM cache_auto WHERE partner = k.name AND year = 2022)
  IS (SELECT low FROM cache_plain_d WHERE partner = k.name AND year = 2022) AS same
FROM cache_keys k;
-- @expect
-- | name|same
-- | a|1
-- | b|1
-- | c|1
RELEASE cache_sp;
ROLLBACK;

-- The same table twice in one statement with different WHERE clauses, and
-- the table-valued form whose method comes from the outer row: each
-- cursor, each set of settings its own pre-pass.
-- @check projection_vtab-34.1
SELECT count(*) AS rows, sum(x.low IS y.low AND x.projection IS y.projection) AS same_x,
  sum(z.low IS w.low AND z.projection IS w.projection) AS same_z
FROM cache_keys k CROSS JOIN cache_auto x CROSS JOIN cache_auto z
  JOIN cache_plain y ON y.partner = k.name AND y.year = 2022
  JOIN cache_plain w ON w.partner = k.name AND w.year = 2020
WHERE x.partner = k.name AND x.year = 2022 AND z.partner = k.name AND z.year = 2020;
-- @expect
-- | rows|same_x|same_z
-- | 3|3|3
CREATE TEMP TABLE cache_by_method AS
  SELECT m.m, a.* FROM cache_methods m, annual_projection('cache_src', 'amount', 'period', 'partner',
    m.m, 'through=H1') a WHERE 0;
INSERT INTO cache_by_method SELECT 'auto', * FROM annual_projection('cache_src', 'amount', 'period', 'partner', 'auto', 'through=H1');
INSERT INTO cache_by_method SELECT 'snaive', * FROM annual_projection('cache_src', 'amount', 'period', 'partner', 'snaive', 'through=H1');
INSERT INTO cache_by_method SELECT 'holt_winters', * FROM annual_projection('cache_src', 'amount', 'period', 'partner', 'holt_winters', 'through=H1');
INSERT INTO cache_by_method SELECT 'prior_share', * FROM annual_projection('cache_src', 'amount', 'period', 'partner', 'prior_share', 'through=H1');
-- @check projection_vtab-34.2
SELECT (SELECT count(*) FROM cache_by_method) AS rows, count(*) AS differ FROM (
  SELECT m.m, a.* FROM cache_methods m CROSS JOIN annual_projection('cache_src', 'amount', 'period',
    'partner', m.m, 'through=H1') a
  EXCEPT SELECT * FROM cache_by_method);
-- @expect
-- | rows|differ
-- | 144|0
-- @check projection_vtab-34.3
SELECT m.m, (SELECT printf('%.6f %.6f', projection, low) FROM annual_projection('cache_src', 'amount',
    'period', 'partner', m.m, 'through=H1') WHERE series = 'b' AND year = 2021)
  IS (SELECT printf('%.6f %.6f', projection, low) FROM cache_by_method c
      WHERE c.m = m.m AND series = 'b' AND year = 2021) AS same
FROM cache_methods m;
-- @expect
-- | m|same
-- | snaive|1
-- | auto|1
-- | holt_winters|1
-- | prior_share|1
-- reconcile= in the table-valued form, a correlated subquery: the kept
-- reconciliation (a is the total of b and c) outlives the cursor whose
-- arguments it was made from.
CREATE TEMP TABLE cache_recon AS SELECT * FROM annual_projection('cache_src', 'amount', 'period',
  'partner', 'auto', 'through=H1, reconcile=''partner=a''');
-- @check projection_vtab-34.4
SELECT k.name, (SELECT printf('%.6f %.6f %s', projection, low, note) FROM annual_projection('cache_src',
    'amount', 'period', 'partner', 'auto', 'through=H1, reconcile=''partner=a''')
    WHERE series = k.name AND year = 2021)
  IS (SELECT printf('%.6f %.6f %s', projection, low, note) FROM cache_recon
      WHERE series = k.name AND year = 2021) AS same,
  (SELECT projection FROM cache_recon WHERE series = k.name AND year = 2021)
    IS NOT (SELECT projection FROM cache_plain WHERE partner = k.name AND year = 2021) AS reconciled
FROM cache_keys k;
-- @expect
-- | name|same|reconciled
-- | a|1|1
-- | b|1|0
-- | c|1|0

-- A statement that writes the source through a join reads it as it was
-- before its first write in every xFilter, the kept pre-pass included.
CREATE TEMP TABLE cache_insert AS
  SELECT 'z' || k.name AS partner, a.through AS period, CAST(round(a.low) AS INTEGER) AS amount
  FROM cache_keys k CROSS JOIN cache_auto a WHERE a.partner = k.name AND a.low IS NOT NULL;
INSERT INTO cache_src
  SELECT 'z' || k.name, a.through, CAST(round(a.low) AS INTEGER)
  FROM cache_keys k CROSS JOIN cache_auto a WHERE a.partner = k.name AND a.low IS NOT NULL;
-- @check projection_vtab-35.1
SELECT (SELECT count(*) FROM cache_insert) AS rows, count(*) AS differ FROM (
  SELECT partner, period, amount FROM cache_src WHERE partner LIKE 'z%'
  EXCEPT SELECT * FROM cache_insert);
-- @expect
-- | rows|differ
-- | 36|0

-- A fixed method's low, high or note need the pool of the whole source.
-- Under WHERE year = Y the scan would read the years up to Y and the pool
-- the whole source again; when the query uses one of them and the scan
-- reads by hash with no series column narrowed, it reads every year
-- (idxNum bit 2: INDEX 3) and the pool walks what it holds: one read.
-- Without them the scan stays narrowed to the years, from the one before
-- the bound for snaive (bit 4, INDEX 5: docs/design.md, "Annual
-- projection"; no index serves the skip walk here, so it is read by hash).
CREATE TEMP VIEW cache_hash_reads AS
  SELECT CAST(substr(d, instr(d, 'Scan paths: hash ') + 17) AS INTEGER) AS n
  FROM (SELECT tradestat_debug() AS d);
-- @check projection_vtab-36.1
EXPLAIN QUERY PLAN SELECT low FROM cache_snaive WHERE year = 2020;
EXPLAIN QUERY PLAN SELECT projection FROM cache_snaive WHERE year = 2020;
EXPLAIN QUERY PLAN SELECT note FROM cache_snaive WHERE year = 2020 AND partner = 'a';
-- @expect
-- | QUERY PLAN
-- | `--SCAN cache_snaive VIRTUAL TABLE INDEX 3:P=Sh
-- | QUERY PLAN
-- | `--SCAN cache_snaive VIRTUAL TABLE INDEX 5:P=Sh
-- | QUERY PLAN
-- | `--SCAN cache_snaive VIRTUAL TABLE INDEX 1:P=BaSs
CREATE TEMP TABLE cache_reads_before AS SELECT n FROM cache_hash_reads;
-- a, b and c, and the one-point-a-year series section 35 wrote (no interval)
-- @check projection_vtab-36.2
SELECT count(*) AS rows, count(low) AS intervals FROM cache_snaive WHERE year = 2020;
-- @expect
-- | rows|intervals
-- | 6|3
-- one read by hash, where the pool used to read the source a second time
-- @check projection_vtab-36.3
SELECT (SELECT n FROM cache_hash_reads) - (SELECT n FROM cache_reads_before) AS hash_reads;
-- @expect
-- | hash_reads
-- | 1
-- every row as the unfiltered query has it (year + 0 is not pushed down)
-- @check projection_vtab-36.4
SELECT count(*) AS differ FROM (SELECT * FROM cache_snaive WHERE year = 2020
                                EXCEPT SELECT * FROM cache_snaive WHERE year + 0 = 2020);
-- @expect
-- | differ
-- | 0

-- Quarters written as months (KOSIS's Open API: 201901 is Q1): no
-- projection after the first year, and the note says why
-- (projection.sql, projection-6).
CREATE TABLE api(PRD_DE TEXT, DT INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
INSERT INTO api SELECT printf('%d%02d', 2017 + i / 4, i % 4 + 1), 100 + i FROM n;
-- @check projection_vtab-37.1
SELECT year, through, ytd, projection, note FROM annual_projection('api', 'DT', 'PRD_DE', '', 'run_rate')
WHERE year IN (2017, 2023);
-- @expect
-- | year|through|ytd|projection|note
-- | 2017|2017-02|201|1206.0|interval from the spread of this year's periods shrunk toward an assumed spread (no earlier year, too few other series to pool)
-- | 2023|2023-02|249||no earlier year has a month after April (quarters or halves written as months? KOSIS's 201901 is Q1: write 2019-Q1)
