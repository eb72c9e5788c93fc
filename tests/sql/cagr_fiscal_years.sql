.load build/tradestat
.headers on
.mode list
-- Input: fiscal years written YYYY-YY, as the UK's, India's and
-- Australia's tables and their CSV exports write them ('2008-09' is the
-- fiscal year April 2008 to March 2009, '2011-12' the one ending in
-- 2012), or YYYY/YY ('2011/12').  Years 2000 to 2011 give labels whose
-- last two digits are a month (the year's last two digits plus one), so
-- reference/period.md reads them as months: '2008-09' is September 2008,
-- '2011-12' December 2011.
-- Wrong: cagr(value, period) measured the years between the months'
-- ends: September 2008 to December 2011 is 3.25 years, so fiscal years
-- growing 10 % a year (100, 110, 121, 133.1) gave 9.196 % with no word
-- (rounded to one decimal 9.2 instead of 10.0).  The other growth forms
-- give no number for such labels (a month's prior is the same month a
-- year earlier, which the next fiscal year's label never is: NULL with
-- 'no prior period'; grain=year: 'incomplete period').
-- Right: refused, naming the periods, both distances and how to write
-- them (growth/growth.c item 4): a group of two periods or more whose
-- every row with a figure is such a text.  Months written another way
-- (200809, 'Sep 2008', '2008.09'), or with one label that does not fit,
-- are read as before.
CREATE TABLE fy(p TEXT, v REAL);
INSERT INTO fy VALUES ('2008-09', 100), ('2009-10', 110), ('2010-11', 121), ('2011-12', 133.1);
CREATE TABLE fy_slash(p TEXT, v REAL);
INSERT INTO fy_slash SELECT replace(p, '-', '/'), v FROM fy;

-- @check cagr_fiscal_years-1.1 plain SQL: three fiscal years of 10 % a year
SELECT round(100 * (pow(133.1 / 100.0, 1.0 / 3) - 1), 6) AS plain_cagr;
-- @expect
-- | plain_cagr
-- | 10.0
-- @check cagr_fiscal_years-1.2 cagr() refuses them (was 9.19647837742179, the rate over 3.25 years)
SELECT cagr(v, p) FROM fy;
-- @error cagr(): periods '2008-09' to '2011-12' look like fiscal years written YYYY-YY (each month is its year's last two digits plus one): as months they are 3.25 years apart, as fiscal years 3; give fiscal years as their first year (substr(period, 1, 4)), or such months in another form ('200809')
-- @check cagr_fiscal_years-1.3 the same with a slash
SELECT cagr(v, p) FROM fy_slash;
-- @error cagr(): periods '2008-09' to '2011-12' look like fiscal years written YYYY-YY (each month is its year's last two digits plus one): as months they are 3.25 years apart, as fiscal years 3; give fiscal years as their first year (substr(period, 1, 4)), or such months in another form ('200809')
-- @check cagr_fiscal_years-1.4 two fiscal years, in any row order, surrounding spaces
SELECT cagr(v, ' ' || p || ' ') FROM (SELECT * FROM fy WHERE p IN ('2011-12', '2009-10') ORDER BY p DESC);
-- @error cagr(): periods '2009-10' to '2011-12' look like fiscal years written YYYY-YY (each month is its year's last two digits plus one): as months they are 2.16667 years apart, as fiscal years 2; give fiscal years as their first year (substr(period, 1, 4)), or such months in another form ('200910')
-- @check cagr_fiscal_years-1.5 labelled by their first year they give plain SQL's rate
SELECT round(cagr(v, CAST(substr(p, 1, 4) AS INTEGER)), 6) AS c FROM fy;
-- @expect
-- | c
-- | 10.0
-- @check cagr_fiscal_years-1.6 a next fiscal year not yet published ('2012-13', '-': no period, so ignored) is refused too
SELECT cagr(v, p) FROM (SELECT * FROM fy UNION ALL SELECT '2012-13', '-');
-- @error cagr(): periods '2008-09' to '2011-12' look like fiscal years written YYYY-YY (each month is its year's last two digits plus one): as months they are 3.25 years apart, as fiscal years 3; give fiscal years as their first year (substr(period, 1, 4)), or such months in another form ('200809')
-- @check cagr_fiscal_years-1.7 with no-break spaces around them (read as spaces, tests/sql/wide_spaces.sql)
SELECT cagr(v, char(160) || p || char(160)) FROM fy;
-- @error cagr(): periods '2008-09' to '2011-12' look like fiscal years written YYYY-YY (each month is its year's last two digits plus one): as months they are 3.25 years apart, as fiscal years 3; give fiscal years as their first year (substr(period, 1, 4)), or such months in another form ('200809')

-- 2. Months are read as before: a label that does not fit, another form,
-- one period.  Expected values from plain SQL over the months' distance.
CREATE TABLE m(p TEXT, v REAL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 23)
INSERT INTO m SELECT strftime('%Y-%m', date('2010-01-01', '+' || i || ' months')), round(100 * pow(1.01, i), 6) FROM n;
-- @check cagr_fiscal_years-2.1 a monthly series holding '2010-11' and '2011-12' among others: 1 % a month over 23 months
SELECT round(cagr(v, p), 6) AS c, round(100 * (pow((SELECT v FROM m WHERE p = '2011-12') / 100.0, 12.0 / 23) - 1), 6) AS plain
FROM m;
-- @expect
-- | c|plain
-- | 12.682503|12.682503
-- @check cagr_fiscal_years-2.2 the two months alone written as numbers: November 2010 to December 2011, 13 months
SELECT round(cagr(v, CAST(replace(p, '-', '') AS INTEGER)), 6) AS c,
       round(100 * (pow((SELECT v FROM m WHERE p = '2011-12') / (SELECT v FROM m WHERE p = '2010-11'), 12.0 / 13) - 1), 6) AS plain
FROM m WHERE p IN ('2010-11', '2011-12');
-- @expect
-- | c|plain
-- | 12.682503|12.682503
-- @check cagr_fiscal_years-2.3 written '2010.11' and 'Dec 2011'
SELECT round(cagr(v, CASE p WHEN '2010-11' THEN '2010.11' ELSE 'Dec 2011' END), 6) AS c FROM m WHERE p IN ('2010-11', '2011-12');
-- @expect
-- | c
-- | 12.682503
-- @check cagr_fiscal_years-2.4 one row whose month does not fit ('2011-01'): read as months
SELECT round(cagr(v, p), 6) AS c, round(100 * (pow((SELECT v FROM m WHERE p = '2011-12') / (SELECT v FROM m WHERE p = '2010-11'), 12.0 / 13) - 1), 6) AS plain
FROM m WHERE p IN ('2010-11', '2011-01', '2011-12');
-- @expect
-- | c|plain
-- | 12.682503|12.682503
-- @check cagr_fiscal_years-2.5 one fiscal-looking period alone: NULL, as any single period
SELECT cagr(v, p) IS NULL AS is_null FROM fy WHERE p = '2010-11';
-- @expect
-- | is_null
-- | 1

-- 3. Labels of kinds tradestat has not are named as such, not by the
-- nearest shape: fiscal years from '2012-13' on (refused, month 13:
-- their message named 'YYYY-MM' (month 01-12) alone, as if a month were
-- mistyped), 'FY2023' (named '2Q2023' (quarter 1-4) or '1H2023'), ISO
-- weeks (named 'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4)).
-- @check cagr_fiscal_years-3.1 a fiscal year past 2011
SELECT cagr(v, p) FROM (SELECT '2012-13' AS p, 1 AS v UNION ALL SELECT '2013-14', 2);
-- @error cagr(): argument 2 is not a period: '2012-13' (nearest accepted form: 'YYYY-MM' (month 01-12); a fiscal year ('2012-13', 'FY2023') is no period kind: label it by one year ('2012'))
-- @check cagr_fiscal_years-3.2 with a slash, in the virtual table
CREATE TABLE fy2(p TEXT, v);
INSERT INTO fy2 VALUES ('2022/23', 1), ('2023/24', 2);
SELECT * FROM yoy_growth('fy2', 'v', 'p');
-- @error yoy_growth: column "p" in "fy2" is not a period: '2022/23' (nearest accepted form: 'YYYY-MM' (month 01-12); a fiscal year ('2012-13', 'FY2023') is no period kind: label it by one year ('2012'))
-- @check cagr_fiscal_years-3.3 'FY2023'
SELECT period_normalize(' FY2023 ');
-- @error period_normalize(): argument 1 is not a period: ' FY2023 ' (nearest accepted form: 'YYYY' (a calendar year); a fiscal year ('FY2023', '2012-13') is no period kind: label it by one year ('2023'))
-- @check cagr_fiscal_years-3.4 an ISO week, with or without the dash and a weekday
SELECT period_kind('2023W05');
-- @error period_kind(): argument 1 is not a period: '2023W05' (nearest accepted form: 'YYYY-MM' (month 01-12); an ISO week ('2023-W05') is no period kind: tradestat reads years, halves, quarters, months and days)
-- @check cagr_fiscal_years-3.5
SELECT period_kind('2023-W05-1');
-- @error period_kind(): argument 1 is not a period: '2023-W05-1' (nearest accepted form: 'YYYY-MM' (month 01-12); an ISO week ('2023-W05') is no period kind: tradestat reads years, halves, quarters, months and days)
-- @check cagr_fiscal_years-3.6 a month 13 that is no fiscal year keeps the nearest form
SELECT period_kind('2023-13');
-- @error period_kind(): argument 1 is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12))
