.load build/tradestat
.headers on
.mode list
-- Months keyed by a day past the source's last day (docs/design.md,
-- "Keyed months past the source's last day").  Expected values: counted
-- by hand from the rows below.
-- Input: a series of a few events a month (two a month on scattered days
-- in 2022), whose 2023 so far holds 13 January and 15 February: one day
-- of the month, within 3 days, in two months of one quarter, so the year
-- reads as months keyed by the 15th.  Another series' row on 20 February
-- is the source's last day.
-- Before: February 2023 was a whole month keyed by its 15th: 5 against
-- 10, -50.0 %, the note only 'incomplete prior year-to-date'.  As events
-- it is 20 days of February.  Right: the source holds a row after
-- February's key days and ends before the month does, so it may be cut
-- there; without a year before read as months, February is incomplete.
CREATE TABLE ev(k TEXT, d TEXT, v INTEGER);
INSERT INTO ev VALUES ('a', '2022-01-03', 5), ('a', '2022-01-19', 5), ('a', '2022-02-08', 5), ('a', '2022-02-22', 5),
  ('a', '2022-03-11', 5), ('a', '2022-03-29', 5), ('a', '2022-05-02', 5), ('a', '2022-05-20', 5),
  ('a', '2022-08-09', 5), ('a', '2022-08-25', 5), ('a', '2022-11-14', 5), ('a', '2022-12-01', 5), ('a', '2022-12-27', 5),
  ('a', '2023-01-13', 5), ('a', '2023-02-15', 5), ('b', '2022-01-01', 1), ('b', '2023-02-20', 1);
-- @check grain_keyed_months_end-1.1 February 2023 incomplete, no growth (showed -50.0)
SELECT series, period, value, prior_value, growth, note FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=month') WHERE period = '2023-02';
-- @expect
-- | series|period|value|prior_value|growth|note
-- | a|2023-02|5|10||incomplete period
-- | b|2023-02|1|||incomplete period
-- @check grain_keyed_months_end-1.2 the hash path and a WHERE on the series alike
SELECT series, period, value, growth, note FROM yoy_growth('ev', 'v', 'd', 'k', 'grain=month, scan=hash') WHERE series = 'a' AND period >= '2023';
-- @expect
-- | series|period|value|growth|note
-- | a|2023-01|5||incomplete prior period
-- | a|2023-02|5||incomplete period
-- @check grain_keyed_months_end-1.3 the same rows in the first week (6 January, 4 February) beside a last day of 22 February
CREATE TABLE ev2 AS SELECT k, CASE d WHEN '2023-01-13' THEN '2023-01-06' WHEN '2023-02-15' THEN '2023-02-04' WHEN '2023-02-20' THEN '2023-02-22' ELSE d END AS d, v FROM ev;
SELECT series, period, value, growth, note FROM yoy_growth('ev2', 'v', 'd', 'k', 'grain=month') WHERE series = 'a' AND period = '2023-02';
-- @expect
-- | series|period|value|growth|note
-- | a|2023-02|5||incomplete period

-- Monthly figures keyed by the 1st, and a partner's keyed by the 15th, both
-- from January 2022 through February 2023: the source's last day is
-- 15 February 2023.  The first partner's 2022 reads as months by its own
-- rows and vouches for its keys: its February 2023 is whole.
CREATE TABLE mk(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 13)
INSERT INTO mk SELECT 'first', date('2022-01-01', '+' || i || ' months'), 100 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 13)
INSERT INTO mk SELECT 'mid', date('2022-01-15', '+' || i || ' months'), 50 FROM n;
-- @check grain_keyed_months_end-2.1 a year before of months keeps the latest month whole beside a partner keyed later
SELECT series, period, value, prior_value, growth, note FROM yoy_growth('mk', 'v', 'd', 'k', 'grain=month') WHERE period = '2023-02';
-- @expect
-- | series|period|value|prior_value|growth|note
-- | first|2023-02|100|100|0.0|
-- | mid|2023-02|50|50|0.0|
-- @check grain_keyed_months_end-2.2 the cost: in the first partner's first year (no year before) its February is withheld beside the partner keyed by the 15th
CREATE TABLE mk1 AS SELECT * FROM mk WHERE d >= '2023';
SELECT series, period, value, note FROM yoy_growth('mk1', 'v', 'd', 'k', 'grain=month') WHERE period = '2023-02';
-- @expect
-- | series|period|value|note
-- | first|2023-02|100|incomplete period
-- | mid|2023-02|50|no prior period
-- @check grain_keyed_months_end-2.3 a source of the first partner alone ends on a key day: its latest month whole
CREATE TABLE mk2 AS SELECT * FROM mk1 WHERE k = 'first';
SELECT series, period, value, note FROM yoy_growth('mk2', 'v', 'd', 'k', 'grain=month') WHERE period = '2023-02';
-- @expect
-- | series|period|value|note
-- | first|2023-02|100|no prior period

-- annual_projection: no data from the future.  Monthly figures keyed by the
-- 1st from January 2021, beside events on the 5th, 15th and 25th of each
-- month.  Cut on 28 February 2021 the source ends on the 25th, after
-- February's key days: February is incomplete there, so the 2021 row from
-- February is NULL in the whole source too (whole only by the row of
-- 1 March), equal to the cut source's.
CREATE TABLE s(k TEXT, d TEXT, v INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 35)
INSERT INTO s SELECT 'first', date('2021-01-01', '+' || i || ' months'), 100 + i FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 35), t(x) AS (VALUES (5), (15), (25))
INSERT INTO s SELECT 'ev', date('2021-01-01', '+' || i || ' months', '+' || (x - 1) || ' days'), 10 FROM n, t;
CREATE TABLE cut AS SELECT * FROM s WHERE d <= '2021-02-28';
-- @check grain_keyed_months_end-3.1 the 2021 row from February in the whole source and the source cut on 28 February
SELECT 'whole' AS form, series, year, ytd, projection, note FROM annual_projection('s', 'v', 'd', 'k', 'run_rate', 'grain=month, through=02') WHERE year = 2021 AND series = 'first'
UNION ALL
SELECT 'cut', series, year, ytd, projection, note FROM annual_projection('cut', 'v', 'd', 'k', 'run_rate', 'grain=month, through=02') WHERE year = 2021 AND series = 'first';
-- @expect
-- | form|series|year|ytd|projection|note
-- | whole|first|2021|||incomplete period
-- | cut|first|2021|||incomplete period
-- @check grain_keyed_months_end-3.2 2022, whose year before reads as months: projected from February in both
CREATE TABLE cut2 AS SELECT * FROM s WHERE d <= '2022-02-28';
SELECT 'whole' AS form, series, year, ytd, projection FROM annual_projection('s', 'v', 'd', 'k', 'run_rate', 'grain=month, through=02') WHERE year = 2022 AND series = 'first'
UNION ALL
SELECT 'cut', series, year, ytd, projection FROM annual_projection('cut2', 'v', 'd', 'k', 'run_rate', 'grain=month, through=02') WHERE year = 2022 AND series = 'first';
-- @expect
-- | form|series|year|ytd|projection
-- | whole|first|2022|225|1350.0
-- | cut|first|2022|225|1350.0

-- 4. A year of rows in fewer than three months beside a year before of
-- events (docs/design.md, "A year beside a year before of events").
-- Input: a series whose 2022 holds month rows and, in five months, events
-- on scattered days; its 2023 so far holds 13 January and 10 February,
-- the source's last day: one day of the month within 3 days, in two
-- months of one quarter.
-- Before: read as months keyed by the 10th..13th, February was whole:
-- 13 against 95, -86.3 % with an empty note, though the source ends on
-- its 10th.  Right: beside a year before of events, two months of rows
-- on one day are a chance; the year reads as days, and February is
-- incomplete.  With a third month on that day the year reads as months.
CREATE TABLE sp(k TEXT, d TEXT, v INTEGER);
INSERT INTO sp VALUES ('a', '2022-01', 67), ('a', '2022-02', 95), ('a', '2022-03', 51), ('a', '2022-05-30', 23),
  ('a', '2022-06-08', 16), ('a', '2022-07-15', 57), ('a', '2022-10-30', 34), ('a', '2022-11-13', 39),
  ('a', '2022-11-29', 42), ('a', '2022-12', 74), ('a', '2023-01-13', 74), ('a', '2023-02-10', 13);
-- @check grain_keyed_months_end-4.1 February 2023 incomplete (showed -86.3157894736842), January a whole month of events
SELECT period, value, prior_value, growth, note FROM yoy_growth('sp', 'v', 'd', 'k', 'grain=month') WHERE period >= '2023';
-- @expect
-- | period|value|prior_value|growth|note
-- | 2023-01|74|67|10.4477611940299|
-- | 2023-02|13|95||incomplete period
-- A third month on that day (12 March, the source's last day): months
-- again, and February whole as events would be too.  March, the month
-- the source's end cuts, is incomplete: beside a year before of events,
-- three months of one sale on nearby days are what a thinly traded
-- series of events gives a few times in a hundred, and its March may
-- hold more sales after the 12th.  Before, March was whole: 40 against
-- 51, -21.6 % with an empty note.
-- @check grain_keyed_months_end-4.2 a third month on that day (12 March): months again, February whole; March, cut by the source's end beside a year before of events, incomplete (showed -21.5686274509804)
INSERT INTO sp VALUES ('a', '2023-03-12', 40);
SELECT period, value, prior_value, growth, note FROM yoy_growth('sp', 'v', 'd', 'k', 'grain=month, scan=hash') WHERE period >= '2023';
-- @expect
-- | period|value|prior_value|growth|note
-- | 2023-01|74|67|10.4477611940299|
-- | 2023-02|13|95|-86.3157894736842|
-- | 2023-03|40|51||incomplete period
-- Quarters likewise: events on scattered days in 2022, then 11 February,
-- 13 and 14 May 2023 (the source's last day): one day of the month, one
-- month a quarter at one place, two quarters of one half.  Before: read
-- as quarters keyed in their middle month, 2023-Q2 was whole, -60.7 %.
CREATE TABLE sq(d TEXT, v INTEGER);
INSERT INTO sq VALUES ('2022-01-03', 70), ('2022-03-20', 10), ('2022-05-05', 86), ('2022-05-19', 61), ('2022-06-27', 64),
  ('2022-07-07', 3), ('2022-10-03', 87), ('2022-10-25', 27), ('2022-11-25', 87), ('2022-12-18', 29),
  ('2023-02-11', 31), ('2023-05-13', 82), ('2023-05-14', 1);
-- @check grain_keyed_months_end-4.3 2023-Q2 incomplete (showed -60.6635071090047)
SELECT period, value, prior_value, growth, note FROM yoy_growth('sq', 'v', 'd', '', 'grain=quarter') WHERE period >= '2023';
-- @expect
-- | period|value|prior_value|growth|note
-- | 2023-Q1|31|80||incomplete prior period
-- | 2023-Q2|83|211||incomplete period
-- @check grain_keyed_months_end-4.5 4.2's March the same on the streaming path, under a WHERE on the month, and by quarter
SELECT period, value, growth, note FROM yoy_growth('sp', 'v', 'd', 'k', 'grain=month, scan=stream') WHERE period = '2023-03'
UNION ALL
SELECT period, value, growth, note FROM yoy_growth('sp', 'v', 'd', 'k', 'grain=quarter') WHERE period = '2023-Q1';
-- @expect
-- | period|value|growth|note
-- | 2023-03|40||incomplete period
-- | 2023-Q1|127||incomplete period
-- @check grain_keyed_months_end-4.6 annual_projection from March: the same with a row of April after it (no data from the future; it projected 508 from a whole March before)
CREATE TABLE sp_more AS SELECT * FROM sp;
INSERT INTO sp_more VALUES ('a', '2023-04-11', 30);
SELECT 'cut' AS src, ytd, projection, note FROM annual_projection('sp', 'v', 'd', 'k', 'run_rate', 'grain=month, through=03') WHERE year = 2023
UNION ALL
SELECT 'later rows', ytd, projection, note FROM annual_projection('sp_more', 'v', 'd', 'k', 'run_rate', 'grain=month, through=03') WHERE year = 2023;
-- @expect
-- | src|ytd|projection|note
-- | cut|||incomplete period
-- | later rows|||incomplete period
-- Three months in the first week beside a year before of events: the
-- rows of 3 January, 2 February and 3 March 2023, in a source that ends
-- on 3 March, read as months keyed by their first days.  For a thinly
-- traded series three rows in the first week happen by chance about as
-- often as three on nearby days in the middle of the month (about one
-- in a hundred for one sale a month), and its March may hold more sales
-- after the 3rd.  Before, March was whole: 80 against 86, -7.0 %, noted
-- only for the prior year-to-date (the source's first day is 14 January
-- 2022, so January 2022 is a part).  Months on the 1st alone (FRED, pandas' month starts) are
-- not chance and keep their latest month whole.
CREATE TABLE sw(k TEXT, d TEXT, v INTEGER);
INSERT INTO sw VALUES ('a', '2022-01-14', 65), ('a', '2022-01-27', 83), ('a', '2022-02-11', 78), ('a', '2022-03-01', 28),
  ('a', '2022-03-15', 58), ('a', '2022-04-17', 24), ('a', '2022-05', 55), ('a', '2022-09-13', 57), ('a', '2022-09-25', 88),
  ('a', '2022-11-08', 21), ('a', '2022-11-14', 97), ('a', '2023-01-03', 51), ('a', '2023-02-02', 19), ('a', '2023-03-03', 80);
-- @check grain_keyed_months_end-4.7 March, cut by the source's end on its 3rd beside a year before of events, incomplete on both paths, under a WHERE and by quarter (showed -6.97674418604651)
SELECT 'hash' AS path, period, value, growth, note FROM yoy_growth('sw', 'v', 'd', 'k', 'grain=month, scan=hash') WHERE period >= '2023'
UNION ALL
SELECT 'stream', period, value, growth, note FROM yoy_growth('sw', 'v', 'd', 'k', 'grain=month, scan=stream') WHERE period = '2023-03'
UNION ALL
SELECT 'quarter', period, value, growth, note FROM yoy_growth('sw', 'v', 'd', 'k', 'grain=quarter') WHERE period = '2023-Q1';
-- @expect
-- | path|period|value|growth|note
-- | hash|2023-01|51||incomplete prior period
-- | hash|2023-02|19|-75.6410256410256|incomplete prior year-to-date
-- | hash|2023-03|80||incomplete period
-- | stream|2023-03|80||incomplete period
-- | quarter|2023-Q1|150||incomplete period
-- @check grain_keyed_months_end-4.8 the same rows on the 1st (months keyed by their first day): March whole, as before
CREATE TABLE sw1 AS SELECT k, CASE WHEN d >= '2023' THEN substr(d, 1, 8) || '01' ELSE d END AS d, v FROM sw;
SELECT period, value, growth, note FROM yoy_growth('sw1', 'v', 'd', 'k', 'grain=month') WHERE period >= '2023';
-- @expect
-- | period|value|growth|note
-- | 2023-01|51||incomplete prior period
-- | 2023-02|19|-75.6410256410256|incomplete prior year-to-date
-- | 2023-03|80|-6.97674418604651|incomplete prior year-to-date
-- @check grain_keyed_months_end-4.9 annual_projection from March: withheld in the cut source and with a row of April after it, as yoy_growth withholds March
CREATE TABLE sw_more AS SELECT * FROM sw;
INSERT INTO sw_more VALUES ('a', '2023-04-04', 30);
SELECT 'cut' AS src, ytd, projection, note FROM annual_projection('sw', 'v', 'd', 'k', 'run_rate', 'grain=month, through=03') WHERE year = 2023
UNION ALL
SELECT 'later rows', ytd, projection, note FROM annual_projection('sw_more', 'v', 'd', 'k', 'run_rate', 'grain=month, through=03') WHERE year = 2023;
-- @expect
-- | src|ytd|projection|note
-- | cut|||incomplete period
-- | later rows|||incomplete period
