.load build/tradestat
.headers off
.mode list
-- Input: a REAL period a rounding away from a whole YYYYMM or year, as
-- arithmetic on a REAL column gives it (202306.00000000003,
-- 2023.0000000000002).  Wrong: "argument 1 is not a period: 202306.0"
-- and "... : 2023.0" -- both values quoted ARE periods (period_normalize
-- (202306.0) is '2023-06'), so the message contradicts itself and hides
-- the fraction that made the row fail.  Right: the value as held,
-- 202306.00000000003 and 2023.0000000000002: every REAL an error quotes
-- goes through glue's ts_real_repr, the shortest decimal of 15, 16 or 17
-- digits that reads back as the same double.

-- @check real_value_message-1.1 the reference: neither value is the whole one the message names
SELECT 202306.00000000003 = 202306.0, 2023.0000000000002 = 2023.0,
       printf('%!.17g', 202306.00000000003), printf('%!.17g', 2023.0000000000002),
       period_normalize(202306.0), period_normalize(2023.0);
-- @expect 0|0|202306.00000000003|2023.0000000000002|2023-06|2023
-- @check real_value_message-1.2 a REAL month a rounding off: quoted as held
SELECT period_normalize(202306.00000000003);
-- @error period_normalize(): argument 1 is not a period: 202306.00000000003 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check real_value_message-1.3 the same through yoy_growth's period argument
SELECT yoy_growth(1, 2023.0000000000002);
-- @error yoy_growth(): argument 2 is not a period: 2023.0000000000002 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check real_value_message-1.4 a short REAL stays short
SELECT period_normalize(2023.5);
-- @error period_normalize(): argument 1 is not a period: 2023.5 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
