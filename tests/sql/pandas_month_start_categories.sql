.load build/tradestat
.headers off
.mode list
-- Monthly figures of several categories keyed by each month's first day,
-- summed by grain=: a pandas long frame (partner, product, date) written
-- with to_sql, read with by=partner so that grain=quarter sums the
-- products.  The rule for months keyed by their first day asked for one
-- row a month, so two products made the rows "days", and a month with no
-- row a month with nothing sold: with March 2023 missing for both
-- products, 2023-Q1 (Jan + Feb = 36) was whole and showed -20 % against
-- 2022-Q1 (45), with no note.
-- Plain meaning: the rows are monthly figures; the quarter's sum over
-- products (GROUP BY partner, quarter) misses March, so 2023-Q1 is
-- 'incomplete period', as with by='partner, product' (each product one
-- row a month) and as the same rows labelled as months.
CREATE TABLE lf(partner TEXT, product TEXT, d TEXT, v INTEGER);
INSERT INTO lf VALUES
  ('CN', 'a', '2022-01-01', 10), ('CN', 'b', '2022-01-01', 5), ('CN', 'a', '2022-02-01', 10), ('CN', 'b', '2022-02-01', 5),
  ('CN', 'a', '2022-03-01', 10), ('CN', 'b', '2022-03-01', 5), ('CN', 'a', '2022-04-01', 10), ('CN', 'b', '2022-04-01', 5),
  ('CN', 'a', '2022-05-01', 10), ('CN', 'b', '2022-05-01', 5), ('CN', 'a', '2022-06-01', 10), ('CN', 'b', '2022-06-01', 5),
  ('CN', 'a', '2023-01-02', 12), ('CN', 'b', '2023-01-02', 6), ('CN', 'a', '2023-02-01', 12), ('CN', 'b', '2023-02-01', 6),
  ('CN', 'a', '2023-04-03', 12), ('CN', 'b', '2023-04-03', 6), ('CN', 'a', '2023-05-01', 12), ('CN', 'b', '2023-05-01', 6),
  ('CN', 'a', '2023-06-01', 12), ('CN', 'b', '2023-06-01', 6);
CREATE VIEW lf_months AS SELECT partner, period_rollup(d, 'month') AS m, v FROM lf;

-- @check pandas_month_start_categories-1.1 2023-Q1 misses March: no growth (was -20 %); Q2 whole, 54 against 45 is +20 %
SELECT series, period, value, prior_value, growth, note FROM yoy_growth('lf', 'v', 'd', 'partner', 'grain=quarter, scan=hash')
UNION ALL
SELECT series, period, value, prior_value, growth, note FROM yoy_growth('lf', 'v', 'd', 'partner', 'grain=quarter, scan=stream');
-- @expect
-- | CN|2022-Q1|45|||no prior period
-- | CN|2022-Q2|45|||no prior period
-- | CN|2023-Q1|36|45||incomplete period
-- | CN|2023-Q2|54|45|20.0|incomplete year-to-date
-- | CN|2022-Q1|45|||no prior period
-- | CN|2022-Q2|45|||no prior period
-- | CN|2023-Q1|36|45||incomplete period
-- | CN|2023-Q2|54|45|20.0|incomplete year-to-date
-- @check pandas_month_start_categories-1.2 the same rows labelled as months say the same of 2023-Q1
SELECT series, period, value, growth, note FROM yoy_growth('lf_months', 'v', 'm', 'partner', 'grain=quarter')
WHERE period = '2023-Q1';
-- @expect CN|2023-Q1|36||incomplete period
-- @check pandas_month_start_categories-1.3 a WHERE on the years reads the same
SELECT period, note FROM yoy_growth('lf', 'v', 'd', 'partner', 'grain=quarter') WHERE period >= '2023';
-- @expect
-- | 2023-Q1|incomplete period
-- | 2023-Q2|incomplete year-to-date

-- @check pandas_month_start_categories-2.1 month ends too (resample('M') of a long frame, from December 2021: read as days, -20 %)
CREATE TABLE le(partner TEXT, product TEXT, d TEXT, v INTEGER);
INSERT INTO le SELECT partner, product, date(d, 'start of month', '+1 month', '-1 day'), v FROM lf;
INSERT INTO le VALUES ('CN', 'a', '2021-12-31', 10), ('CN', 'b', '2021-12-31', 5);
SELECT series, period, value, growth, note FROM yoy_growth('le', 'v', 'd', 'partner', 'grain=quarter') WHERE period = '2023-Q1';
-- @expect CN|2023-Q1|36||incomplete period

-- @check pandas_month_start_categories-3.1 a sale after the first week is days: no March sale is a March of nothing sold, 18 + 18 + 7 against 45
INSERT INTO lf VALUES ('CN', 'c', '2023-02-20', 7);
SELECT series, period, value, round(growth, 2), note FROM yoy_growth('lf', 'v', 'd', 'partner', 'grain=quarter') WHERE period = '2023-Q1';
-- @expect CN|2023-Q1|43|-4.44|
