.load build/tradestat
.headers off
.mode list
-- period_shift's "not a whole number" error quotes the argument as it
-- was given.
-- Input: period_shift('2023-Q1', 1.0000000000000002), a REAL one ulp
-- above 1 (what 0.1 * 3 / 0.3 and other arithmetic on shifts gives).
-- Wrong: "argument 2 is not a whole number: 1.0" -- the message names a
-- value that IS whole (period_shift('2023-Q1', 1.0) is '2023-Q2'), so
-- it contradicts itself and hides the value at fault.  Right: the value
-- as SQLite holds it, 1.0000000000000002 (the shortest decimal of 15,
-- 16 or 17 digits that reads back as the same double).  The message was
-- formatted with %!.15g in ext/period/period_sql.c, which rounds away
-- the 16th and 17th digits; real_repr there now takes the shortest that
-- reads back.

-- @check period_shift_message-1.1 the reference: the argument is neither 1.0 nor whole
SELECT 1.0000000000000002 = 1.0, 1.0000000000000002 = floor(1.0000000000000002),
       printf('%!.17g', 1.0000000000000002);
-- @expect 0|0|1.0000000000000002
-- @check period_shift_message-1.2 the message quotes that value
SELECT period_shift('2023-Q1', 1.0000000000000002);
-- @error period_shift(): argument 2 is not a whole number: 1.0000000000000002
-- @check period_shift_message-1.3 and 2.9999999999999996, not 3.0
SELECT period_shift('2023-Q1', 2.9999999999999996);
-- @error period_shift(): argument 2 is not a whole number: 2.9999999999999996
-- @check period_shift_message-1.4 a short value stays short
SELECT period_shift('2023-Q1', 1.5);
-- @error period_shift(): argument 2 is not a whole number: 1.5
-- @check period_shift_message-1.5 0.1 is 0.1, not 0.10000000000000001
SELECT period_shift('2023-Q1', 0.1);
-- @error period_shift(): argument 2 is not a whole number: 0.1
