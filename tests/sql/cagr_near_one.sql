.load build/tradestat
-- cagr of a ratio near 1: (last / first)^(1 / years) - 1 subtracts 1
-- from a ratio already rounded to a double, and the digits that rounding
-- left out came back as wrong digits of the rate: 1000000000 to
-- 1000000001 in one year was 1.000000082740371e-07 % for 1e-07 %.  The
-- expected values are worked out by hand or with Python's decimal module
-- at 60 digits: ((l / f).ln() / y).exp() * 100 - 100, rounded to a double.
.mode list
.headers off

-- @check cagr_near_one-1.1 one year is the growth itself: (1000000001 - 1000000000) / 1000000000 * 100 = 1e-7
SELECT printf('%!.17g', cagr(1000000000, 1000000001, 1)), cagr(1000000000, 1000000001, 1) = pct_change(1000000001, 1000000000);
-- @expect 9.9999999999999995e-08|1
-- @check cagr_near_one-1.2 decimals: 1.0 to 1.0000001 in one year is 1e-5 % (it was 1.0000000005838672e-05)
SELECT printf('%!.17g', cagr(1.0, 1.0000001, 1));
-- @expect 1.0000000000000001e-05
-- @check cagr_near_one-1.3 two years: sqrt(1.000000001) - 1 = 4.99999999875e-10, times 100 (it was 5.00000041370185e-08)
SELECT abs(cagr(1000000000, 1000000001, 2) / 4.99999999875e-08 - 1) < 1e-14;
-- @expect 1
-- @check cagr_near_one-1.4 the aggregate over the same two years
SELECT abs(cagr(v, p) / 4.99999999875e-08 - 1) < 1e-14
FROM (SELECT 1000000000 AS v, '2021' AS p UNION ALL SELECT 1000000001, '2023');
-- @expect 1
-- @check cagr_near_one-1.5 INTEGERs past 2^53 differenced exactly: 2^53 + 1 to 2^53 + 3 in one year is 200 / (2^53 + 1) %
SELECT printf('%!.17g', cagr(9007199254740993, 9007199254740995, 1));
-- @expect 2.2204460492503128e-14
-- @check cagr_near_one-1.6 the aggregate's sums of INTEGERs past 2^53 likewise (2^53 + 1 was rounded to 2^53 before: 4.4e-14)
SELECT printf('%!.17g', cagr(v, p))
FROM (SELECT 9007199254740993 AS v, '2022' AS p UNION ALL SELECT 9007199254740995, '2023');
-- @expect 2.2204460492503128e-14
-- @check cagr_near_one-1.7 a ratio beyond the doubles: 1e-300 to 1e300 in 1000 years is 10^0.6 - 1 = 298.1071705534972 % (it was NULL)
SELECT round(cagr(1e-300, 1e300, 1000), 10);
-- @expect 298.1071705535
-- @check cagr_near_one-1.8 ten years, 100 to 101: 1.01^0.1 - 1 = 0.0995528294973623 % within 2 ulps (it was 0.099552829497362438, 9 ulps off)
SELECT abs(cagr(100, 101, 10) / 0.0995528294973623 - 1) < 3e-16;
-- @expect 1
-- @check cagr_near_one-1.9 INTEGERs past 2^53 far from a ratio of 1 keep every digit: (4623739035533502973 / 2586686800063179041)^2 - 1 = 219.52065307356531 % (60-digit decimal arithmetic; from the two rounded to doubles it was 219.5206530735651, 4.6 ulps off)
SELECT printf('%!.17g', cagr(2586686800063179041, 4623739035533502973, 0.5));
-- @expect 219.52065307356531
