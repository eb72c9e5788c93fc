.load build/tradestat
-- annual_run_rate is ytd * P / k (P periods or days in the year, k of
-- them through the period), as annual_projection's run_rate is: dividing
-- by period_year_fraction (k / P, itself rounded) rounded twice, and 3
-- through May was 7.199999999999999 for 3 * 12 / 5 = 36 / 5 = 7.2 (plain
-- SQL's 3 * 12.0 / 5), beside annual_projection's 7.2 for the same rows.
-- Expected values worked out by hand.
.mode list
.headers off

-- @check run_rate_rounding-1.1 3 through May: 36 / 5
SELECT annual_run_rate(3, '2023-05'), annual_run_rate(3, '2023-05') = 3 * 12.0 / 5;
-- @expect 7.2|1
-- @check run_rate_rounding-1.2 3 through October: 36 / 10 (it was 3.5999999999999996)
SELECT annual_run_rate(3, '2023-10') = 3.6;
-- @expect 1
-- @check run_rate_rounding-1.3 11 through 29 February 2024 (a leap year): 11 * 366 / 60 = 67.1 (it was 67.10000000000001)
SELECT annual_run_rate(11, '2024-02-29'), annual_run_rate(11, '2024-02-29') = 11 * 366.0 / 60;
-- @expect 67.1|1
-- @check run_rate_rounding-1.4 the scalar is the aggregate's run_rate of the same year-to-date
CREATE TABLE m(p TEXT, v INTEGER);
INSERT INTO m VALUES ('2023-01', 1), ('2023-02', 0), ('2023-03', 1), ('2023-04', 0), ('2023-05', 1);
SELECT annual_projection(v, p, 'run_rate') = 7.2, annual_run_rate(sum(v), max(p)) = 7.2 FROM m;
-- @expect 1|1
-- @check run_rate_rounding-1.5 days: 13 over the first 60 days of 2024 is 13 * 366 / 60 = 79.3 (it was 79.30000000000001)
CREATE TABLE d(p TEXT, v INTEGER);
INSERT INTO d VALUES ('2024-01-01', 6), ('2024-02-29', 7);
SELECT annual_projection(v, p, 'run_rate') = 79.3, annual_run_rate(sum(v), max(p)) = 79.3 FROM d;
-- @expect 1|1
-- @check run_rate_rounding-1.6 a year-to-date whose product by 12 overflows but whose run rate is a double: 1e308 through November is 1e308 * 12 / 11
SELECT annual_run_rate(1e308, '2023-11') = 1e308 / 11 * 12, annual_run_rate(1e308, '2023-12');
-- @expect 1|1.0e+308
-- @check run_rate_rounding-1.7 a run rate beyond the doubles is NULL (2e308 from 1e308 through H1), as pct_change's is
SELECT annual_run_rate(1e308, '2023-H1') IS NULL;
-- @expect 1
