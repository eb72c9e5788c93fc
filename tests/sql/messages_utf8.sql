.load build/tradestat
.mode list
.headers off
-- A message shows the bytes of a TEXT value that are no UTF-8 (TEXT made
-- from a BLOB: CAST(x'ff' AS TEXT), a file read with readfile()) as the
-- SQL that makes them, CAST(x'ff' AS TEXT), beside the readable parts.
-- Each check below copied the bytes into the message as they are before:
-- the whole message was then invalid UTF-8, and a client that decodes
-- messages (Python's sqlite3) raised a decoding error instead of the
-- error itself.  Names (a source, a column) are kept valid by a
-- replacement character; tests/reliability/messages_utf8.py checks those
-- and every function's and table's arguments.

-- 1. Arguments of the functions (ts_value_repr).
-- @check messages_utf8-1.1 a number argument, one byte
SELECT pct_change(CAST(x'ff' AS TEXT), 90);
-- @error pct_change(): argument 1 is not a number: CAST(x'ff' AS TEXT)
-- @check messages_utf8-1.2 a period: the readable parts stay text, a control character char(N)
SELECT period_kind('2023' || CAST(x'c3' AS TEXT) || '-01' || char(10));
-- @error period_kind(): argument 1 is not a period: '2023' || CAST(x'c3' AS TEXT) || '-01' || char(10) (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @check messages_utf8-1.3 a run of bad bytes is one CAST; a lead byte cut short (ED then nothing) is one
SELECT period_kind(CAST(x'808080' AS TEXT) || 'x' || CAST(x'ed' AS TEXT));
-- @error period_kind(): argument 1 is not a period: CAST(x'808080' AS TEXT) || 'x' || CAST(x'ed' AS TEXT) (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check messages_utf8-1.4 overlong and surrogate forms are no UTF-8 either (C0 AF is '/', ED A0 80 U+D800)
SELECT period_kind('a' || CAST(x'c0af' AS TEXT) || CAST(x'eda080' AS TEXT) || '가');
-- @error period_kind(): argument 1 is not a period: 'a' || CAST(x'c0afeda080' AS TEXT) || '가' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check messages_utf8-1.5 a text argument that names a kind or a method
SELECT period_rollup('2023-01', CAST(x'ff' AS TEXT));
-- @error period_rollup(): argument 2 is not a period kind: CAST(x'ff' AS TEXT) (expected year, half, quarter, month or day)
-- @check messages_utf8-1.6
SELECT annual_projection(1, '2023-01', CAST(x'ff41' AS TEXT));
-- @error annual_projection(): argument 3 is not a method: CAST(x'ff' AS TEXT) || 'A' (expected run_rate, prior_share, avg_share, snaive, linear, holt_winters, theta or auto)
-- @check messages_utf8-1.7 cut after 60 bytes: 70 bad bytes show 60 and the marker
SELECT trade_imbalance(CAST(zeroblob(0) AS TEXT) || replace(hex(zeroblob(70)), '00', CAST(x'ff' AS TEXT)), 1);
-- @error trade_imbalance(): argument 1 is not a number: CAST(x'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' AS TEXT) || '...'
-- @check messages_utf8-1.8 a character is never cut (가 is 3 bytes: 20 of them are the 60 shown), and a bad byte past the cut is not shown
SELECT period_kind('x' || replace(hex(zeroblob(21)), '00', '가') || CAST(x'ff' AS TEXT));
-- @error period_kind(): argument 1 is not a period: 'x가가가가가가가가가가가가가가가가가가가...' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))

-- 2. Values read from a source table by the virtual tables.
CREATE TABLE d(k, p TEXT, v);
INSERT INTO d VALUES (CAST(x'ff' AS TEXT), '2022-01', 1), (CAST(x'ff' AS TEXT), '2022-01', 2);
CREATE TABLE d2(k, p TEXT, v);
INSERT INTO d2 VALUES ('a', '2022-01', 'x' || CAST(x'fe' AS TEXT));
CREATE TABLE e(k, p TEXT, v);
INSERT INTO e VALUES ('a', '2022-01' || CAST(x'ff' AS TEXT), 1);
-- @check messages_utf8-2.1 a series key
SELECT * FROM yoy_growth('d', 'v', 'p', 'k');
-- @error yoy_growth: 2 rows for period '2022-01' of series k=CAST(x'ff' AS TEXT); without grain= a series has one row per period: name the column that tells them apart in by=, or sum them on purpose with grain=month or a GROUP BY view
-- @check messages_utf8-2.2 a value
SELECT * FROM yoy_growth('d2', 'v', 'p', 'k');
-- @error yoy_growth: column "v" in "d2" is not a number: 'x' || CAST(x'fe' AS TEXT) (period '2022-01' of series k='a')
-- @check messages_utf8-2.3 a period, in each table and the aggregate
SELECT * FROM annual_projection('e', 'v', 'p', 'k');
SELECT * FROM trade_imbalance('e', 'v', 'p', 'k');
SELECT yoy_growth(v, p) FROM e;
-- @error annual_projection: column "p" in "e" is not a period: '2022-01' || CAST(x'ff' AS TEXT) (nearest accepted form: 'YYYY-MM' (month 01-12)) (in a row of series k='a')
-- @error trade_imbalance: column "p" in "e" is not a period: '2022-01' || CAST(x'ff' AS TEXT) (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @error yoy_growth(): argument 2 is not a period: '2022-01' || CAST(x'ff' AS TEXT) (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @check messages_utf8-2.4 an option's value
SELECT * FROM yoy_growth('d', 'v', 'p', 'k', 'grain=' || CAST(x'ff' AS TEXT));
-- @error yoy_growth: grain must be year, half, quarter or month: CAST(x'ff' AS TEXT)
