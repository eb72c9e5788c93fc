.load build/tradestat
.headers off
.mode list
-- An error that quotes a REAL quotes it by glue's ts_real_repr
-- (ext/glue/glue.c): the shortest of 15, 16, 17 significant digits that
-- reads back as the value held.  The 17-digit form was returned
-- unchecked, and it is SQLite's printf's ("%!.17g"), which SQLite 3.40
-- works out in long double and rounds wrongly for large exponents: for
-- 1.4523142177899403e308 it writes 1.4523142177899402e+308, another
-- double (so do DBL_MAX, 1.7976931348623157e308 quoted as
-- 1.7976931348623156e+308, and about 1 in 430 of random bit patterns,
-- all above about 1e200; none of 200,000 values between 1e-30 and 1e30
-- was quoted wrong).  Input: annual_run_rate(10, 1.4523142177899403e308).
-- Wrong: "... is not a period: 1.4523142177899402e+308"; right: the value
-- held, 1.4523142177899403e+308 (Python's repr; plain SQL below shows the
-- quoted figure is another REAL).  Now a 17-digit form that does not
-- read back is written by the C library's printf (correctly rounded),
-- with a '.' whatever the locale.
-- @check real_repr_large-1.1 plain SQL: the figure quoted is not the value passed
SELECT 1.4523142177899403e308 = 1.4523142177899402e308;
-- @expect 0
-- @check real_repr_large-1.2 the message quotes the value held
SELECT annual_run_rate(10, 1.4523142177899403e308);
-- @error annual_run_rate(): argument 2 is not a period: 1.4523142177899403e+308 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check real_repr_large-1.3 DBL_MAX itself
SELECT annual_run_rate(10, 1.7976931348623157e308);
-- @error annual_run_rate(): argument 2 is not a period: 1.7976931348623157e+308 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
