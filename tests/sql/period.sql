.load build/tradestat
-- period_*() functions.  Lines of assertions print 1;
-- the rest print values checked by hand.
.mode list
.headers off

-- period_normalize: every accepted form -> canonical label
-- @check period-1.1
SELECT period_normalize('2023') = '2023', period_normalize(2023) = '2023';
-- @expect 1|1
-- @check period-1.2
SELECT period_normalize('2023-H1') = '2023-H1', period_normalize('2023H1') = '2023-H1',
       period_normalize('2023 H2') = '2023-H2', period_normalize('2023.1/2') = '2023-H1',
       period_normalize('2023 2/2') = '2023-H2', period_normalize('2023h1') = '2023-H1';
-- @expect 1|1|1|1|1|1
-- @check period-1.3
SELECT period_normalize('2023-Q2') = '2023-Q2', period_normalize('2023Q2') = '2023-Q2',
       period_normalize('2023 Q2') = '2023-Q2', period_normalize('2023.2/4') = '2023-Q2',
       period_normalize('2023 2/4') = '2023-Q2', period_normalize('2023q2') = '2023-Q2',
       period_normalize('2017.1/4') = '2017-Q1';
-- @expect 1|1|1|1|1|1|1
-- @check period-1.4
SELECT period_normalize('2023-06') = '2023-06', period_normalize('2023.06') = '2023-06',
       period_normalize('202306') = '2023-06', period_normalize(202306) = '2023-06',
       period_normalize(202306.0) = '2023-06';
-- @expect 1|1|1|1|1
-- @check period-1.5
SELECT period_normalize('2023-06-30') = '2023-06-30',
       period_normalize('2023-06-30 12:00:00') = '2023-06-30',
       period_normalize('2023-06-30T12:00:00Z') = '2023-06-30';
-- @expect 1|1|1
-- preliminary marks (KOSIS) are ignored
-- @check period-1.6
SELECT period_normalize('2019 4/4 p)') = '2019-Q4', period_normalize('2019 4/4p)') = '2019-Q4',
       period_normalize('2023-06 (p)') = '2023-06', period_normalize('2023 p') = '2023',
       period_normalize(' 2023-Q1 ') = '2023-Q1';
-- @expect 1|1|1|1|1
-- @check period-1.7
SELECT period_normalize(NULL) IS NULL;
-- @expect 1

-- Labels as agencies and people write them: English month names and
-- abbreviations before the year (any case, with '-', '.', ',' or spaces).
-- @check period-1.8
SELECT period_normalize('January 2016'), period_normalize('Jan 2016'), period_normalize('Jan-2016'),
       period_normalize('jan. 2016'), period_normalize('JANUARY, 2016'), period_normalize('Jan2016');
-- @expect 2016-01|2016-01|2016-01|2016-01|2016-01|2016-01
-- @check period-1.9
SELECT period_normalize('Sept 2019'), period_normalize('Sep 2019'), period_normalize('September 2019'),
       period_normalize('May 2020'), period_normalize('Dec 1999'), period_normalize('february 2024');
-- @expect 2019-09|2019-09|2019-09|2020-05|1999-12|2024-02
-- months with a slash, one digit, or an M
-- @check period-1.10
SELECT period_normalize('2023/06'), period_normalize('2023/6'), period_normalize('2023-6'),
       period_normalize('2023M06'), period_normalize('2023M6'), period_normalize('2023m12');
-- @expect 2023-06|2023-06|2023-06|2023-06|2023-06|2023-12
-- quarters and halves with the letter first or the number first
-- @check period-1.11
SELECT period_normalize('Q2 2023'), period_normalize('q4-2023'), period_normalize('2Q2023'),
       period_normalize('2Q 2023'), period_normalize('H1 2023'), period_normalize('2H2023');
-- @expect 2023-Q2|2023-Q4|2023-Q2|2023-Q2|2023-H1|2023-H2
-- the Korean forms of KOSIS and the customs service
-- @check period-1.12
SELECT period_normalize('2023년 6월'), period_normalize('2023년 06월'), period_normalize('2023년6월'),
       period_normalize('2023년 1/4분기'), period_normalize('2023년 1분기'), period_normalize('2023년 4분기');
-- @expect 2023-06|2023-06|2023-06|2023-Q1|2023-Q1|2023-Q4
-- @check period-1.13
SELECT period_normalize('2023년 상반기'), period_normalize('2023년 하반기'), period_normalize('2023년'),
       period_normalize(' 2023년 12월 p)'), period_kind('2023년 12월');
-- @expect 2023-H1|2023-H2|2023|2023-12|month
-- a preliminary mark after the new forms too
-- @check period-1.14
SELECT period_normalize('Jan 2016 p'), period_normalize('Q2 2023 (p)');
-- @expect 2016-01|2023-Q2

-- rejections: the label is quoted and the accepted forms listed
-- new forms out of range or malformed: the nearest form is named
-- @check period-2.16
SELECT period_normalize('Janu 2016');
-- @error period_normalize(): argument 1 is not a period: 'Janu 2016' (nearest accepted form: 'Jan 2016' (an English month name or its abbreviation, then the year))
-- @check period-2.17
SELECT period_normalize('2023/13');
-- @error period_normalize(): argument 1 is not a period: '2023/13' (nearest accepted form: 'YYYY/MM' (month 01-12))
-- @check period-2.18
SELECT period_normalize('Q5 2023');
-- @error period_normalize(): argument 1 is not a period: 'Q5 2023' (nearest accepted form: 'Q2 2023' (quarter 1-4) or 'H1 2023' (half 1-2))
-- @check period-2.19
SELECT period_normalize('2023년 13월');
-- @error period_normalize(): argument 1 is not a period: '2023년 13월' (nearest accepted form: 'YYYY년 06월' (month 01-12))
-- @check period-2.20
SELECT period_normalize('2023년 5분기');
-- @error period_normalize(): argument 1 is not a period: '2023년 5분기' (nearest accepted form: 'YYYY년 6월' (month 1-12) or 'YYYY년 1분기' (quarter 1-4))
-- @check period-2.21
SELECT period_normalize('2023M13');
-- @error period_normalize(): argument 1 is not a period: '2023M13' (nearest accepted form: 'YYYYM06' (month 01-12))
-- @check period-2.22
SELECT period_normalize('3Q20234');
-- @error period_normalize(): argument 1 is not a period: '3Q20234' (nearest accepted form: '2Q2023' (quarter 1-4) or '1H2023' (half 1-2))
-- @check period-2.1
SELECT period_normalize('2023-13');
-- @error period_normalize(): argument 1 is not a period: '2023-13' (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @check period-2.2
SELECT period_normalize('2023-Q5');
-- @error period_normalize(): argument 1 is not a period: '2023-Q5' (nearest accepted form: 'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4))
-- @check period-2.3
SELECT period_normalize('0000');
-- @error period_normalize(): argument 1 is not a period: '0000' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check period-2.4
SELECT period_normalize('99999-01');
-- @error period_normalize(): argument 1 is not a period: '99999-01' (nearest accepted form: 'YYYY-MM' (month 01-12))
-- @check period-2.5
SELECT period_normalize('');
-- @error period_normalize(): argument 1 is not a period: '' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check period-2.6
SELECT period_normalize('2023-02-30');
-- @error period_normalize(): argument 1 is not a period: '2023-02-30' (nearest accepted form: 'YYYY-MM-DD' (a date that exists))
-- @check period-2.7
SELECT period_normalize('2023-02-29');
-- @error period_normalize(): argument 1 is not a period: '2023-02-29' (nearest accepted form: 'YYYY-MM-DD' (a date that exists))
-- @check period-2.8
SELECT period_normalize('garbage');
-- @error period_normalize(): argument 1 is not a period: 'garbage' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check period-2.9
SELECT period_normalize(x'32303233');
-- @error period_normalize(): argument 1 is not a period: x'32303233' (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period-2.10
SELECT period_normalize(2023.5);
-- @error period_normalize(): argument 1 is not a period: 2023.5 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period-2.11
SELECT period_normalize(0);
-- @error period_normalize(): argument 1 is not a period: 0 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period-2.12
SELECT period_normalize(-2023);
-- @error period_normalize(): argument 1 is not a period: -2023 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period-2.13
SELECT period_normalize(9223372036854775807);
-- @error period_normalize(): argument 1 is not a period: 9223372036854775807 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period-2.14
SELECT period_normalize(202313);
-- @error period_normalize(): argument 1 is not a period: 202313 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period-2.15
SELECT period_normalize(1e999);
-- @error period_normalize(): argument 1 is not a period: Inf (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')

-- period_kind, period_year
-- @check period-3.1
SELECT period_kind('2023') = 'year', period_kind('2023 1/2') = 'half',
       period_kind('2023.3/4') = 'quarter', period_kind('2023.06') = 'month',
       period_kind('2023-06-30 08:00') = 'day', period_kind(NULL) IS NULL;
-- @expect 1|1|1|1|1|1
-- @check period-3.2
SELECT period_year('2019 4/4 p)') = 2019, typeof(period_year('2023-06')) = 'integer',
       period_year(202306) = 2023, period_year(NULL) IS NULL;
-- @expect 1|1|1|1
-- @check period-3.3
SELECT period_kind('2023-Q0');
-- @error period_kind(): argument 1 is not a period: '2023-Q0' (nearest accepted form: 'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4))
-- @check period-3.4
SELECT period_year('20231');
-- @error period_year(): argument 1 is not a period: '20231' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))

-- period_shift
-- @check period-4.1
SELECT period_shift('2023-Q1', -1) = '2022-Q4', period_shift('2023-12', 1) = '2024-01',
       period_shift('2023-H2', 1) = '2024-H1', period_shift('2023', -23) = '2000',
       period_shift('2023-12-31', 1) = '2024-01-01', period_shift('2024-02-28', 1) = '2024-02-29',
       period_shift('2024-03-01', -366) = '2023-03-01', period_shift('2023-06', 0) = '2023-06',
       period_shift('2023-06', '12') = '2024-06', period_shift('2023-06', 12.0) = '2024-06';
-- @expect 1|1|1|1|1|1|1|1|1|1
-- leaving the years 1..9999 gives NULL, whatever the size of n
-- @check period-4.2
SELECT period_shift('9999-12', 1) IS NULL, period_shift('0001-01', -1) IS NULL,
       period_shift('0001-01-01', -1) IS NULL, period_shift('9999-12-31', 1) IS NULL,
       period_shift('2023', 9223372036854775807) IS NULL,
       period_shift('2023', -9223372036854775808) IS NULL,
       period_shift('2023', 1e300) IS NULL;
-- @expect 1|1|1|1|1|1|1
-- @check period-4.3
SELECT period_shift(NULL, 1) IS NULL, period_shift('2023', NULL) IS NULL;
-- @expect 1|1
-- @check period-4.4
SELECT period_shift('2023-Q1', 1.5);
-- @error period_shift(): argument 2 is not a whole number: 1.5
-- @check period-4.5
SELECT period_shift('2023-Q1', 'one');
-- @error period_shift(): argument 2 is not a number: 'one'
-- @check period-4.6
SELECT period_shift('2023-Q1', x'01');
-- @error period_shift(): argument 2 is not a number: x'01'
-- @check period-4.7
SELECT period_shift('2023-Q1', 1e999);
-- @error period_shift(): argument 2 is not a finite number: Inf
-- @check period-4.8
SELECT period_shift('2023-Q9', 1);
-- @error period_shift(): argument 1 is not a period: '2023-Q9' (nearest accepted form: 'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4))

-- period_prior_year
-- @check period-5.1
SELECT period_prior_year('2023-H1') = '2022-H1', period_prior_year('2023-06') = '2022-06',
       period_prior_year('2019 4/4 p)') = '2018-Q4', period_prior_year(2023) = '2022',
       period_prior_year('2024-02-28') = '2023-02-28', period_prior_year('2024-03-01') = '2023-03-01',
       period_prior_year('2025-02-28') = '2024-02-28';
-- @expect 1|1|1|1|1|1|1
-- @check period-5.2
SELECT period_prior_year('2024-02-29') IS NULL, period_prior_year('0001') IS NULL,
       period_prior_year(NULL) IS NULL;
-- @expect 1|1|1
-- @check period-5.3
SELECT period_prior_year('2023-W01');
-- @error period_prior_year(): argument 1 is not a period: '2023-W01' (nearest accepted form: 'YYYY-MM' (month 01-12); an ISO week ('2023-W05') is no period kind: tradestat reads years, halves, quarters, months and days)

-- period_rollup
-- @check period-6.1
SELECT period_rollup('2023-05', 'half') = '2023-H1', period_rollup('2023-07', 'HALF') = '2023-H2',
       period_rollup('2023-06', 'quarter') = '2023-Q2', period_rollup('2023-Q3', 'half') = '2023-H2',
       period_rollup('2023-06-30', 'month') = '2023-06', period_rollup('2023-06-30', 'year') = '2023',
       period_rollup('2023-Q2', 'quarter') = '2023-Q2', period_rollup('2019 4/4 p)', 'year') = '2019';
-- @expect 1|1|1|1|1|1|1|1
-- @check period-6.2
SELECT period_rollup(NULL, 'year') IS NULL, period_rollup('2023-05', NULL) IS NULL;
-- @expect 1|1
-- @check period-6.3
SELECT period_rollup('2023-H1', 'month');
-- @error period_rollup(): cannot roll the half '2023-H1' up to the finer kind 'month'
-- @check period-6.4
SELECT period_rollup('2023', 'day');
-- @error period_rollup(): cannot roll the year '2023' up to the finer kind 'day'
-- @check period-6.5
SELECT period_rollup('2023-05', 'week');
-- @error period_rollup(): argument 2 is not a period kind: 'week' (expected year, half, quarter, month or day)
-- @check period-6.6
SELECT period_rollup('2023-05', 3);
-- @error period_rollup(): argument 2 is not a period kind: 3 (expected year, half, quarter, month or day)

-- period_year_fraction
-- @check period-7.1
SELECT period_year_fraction('2023-H1') = 0.5, period_year_fraction('2023-05') = 5.0 / 12,
       period_year_fraction('2023-Q3') = 0.75, period_year_fraction('2023') = 1.0,
       period_year_fraction('2023-12-31') = 1.0, period_year_fraction('2024-02-29') = 60.0 / 366,
       period_year_fraction('2023-01-01') = 1.0 / 365, period_year_fraction(NULL) IS NULL;
-- @expect 1|1|1|1|1|1|1|1

-- period_start, period_end
-- @check period-8.1
SELECT period_start('2023') = '2023-01-01', period_end('2023') = '2023-12-31',
       period_start('2023-H2') = '2023-07-01', period_end('2023-H1') = '2023-06-30',
       period_start('2024-Q1') = '2024-01-01', period_end('2024-Q1') = '2024-03-31',
       period_end('2024-02') = '2024-02-29', period_end('2023-02') = '2023-02-28',
       period_end('1900-02') = '1900-02-28', period_end('2000-02') = '2000-02-29',
       period_start('2023-06-15 10:00') = '2023-06-15', period_end('2023-06-15') = '2023-06-15',
       period_start(NULL) IS NULL, period_end(NULL) IS NULL;
-- @expect 1|1|1|1|1|1|1|1|1|1|1|1|1|1
-- @check period-8.2
SELECT period_start('2023-00');
-- @error period_start(): argument 1 is not a period: '2023-00' (nearest accepted form: 'YYYY-MM' (month 01-12))
-- 'Q1 2023' is an accepted form (quarter 1 ends on 31 March)
-- @check period-8.3
SELECT period_end('Q1 2023');
-- @expect 2023-03-31
-- @check period-8.4
SELECT period_end('Q1 2023 x');
-- @error period_end(): argument 1 is not a period: 'Q1 2023 x' (nearest accepted form: 'Q2 2023' (quarter 1-4) or 'H1 2023' (half 1-2))

-- usable in a generated column and an index (DETERMINISTIC | INNOCUOUS)
PRAGMA trusted_schema = OFF;
CREATE TABLE t(label TEXT, p TEXT GENERATED ALWAYS AS (period_normalize(label)));
CREATE INDEX t_year ON t(period_year(label));
INSERT INTO t(label) VALUES ('2019 4/4 p)'), ('2020.1/4');
-- @check period-9.1
SELECT group_concat(p, ',') = '2019-Q4,2020-Q1' FROM t;
-- @expect 1
