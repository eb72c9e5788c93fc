.load build/tradestat
-- period_*() functions (SPEC section 1).  Lines of assertions print 1;
-- the rest print values checked by hand against the SPEC.
.mode list
.headers off

-- period_normalize: every accepted form -> canonical label
SELECT period_normalize('2023') = '2023', period_normalize(2023) = '2023';
SELECT period_normalize('2023-H1') = '2023-H1', period_normalize('2023H1') = '2023-H1',
       period_normalize('2023 H2') = '2023-H2', period_normalize('2023.1/2') = '2023-H1',
       period_normalize('2023 2/2') = '2023-H2', period_normalize('2023h1') = '2023-H1';
SELECT period_normalize('2023-Q2') = '2023-Q2', period_normalize('2023Q2') = '2023-Q2',
       period_normalize('2023 Q2') = '2023-Q2', period_normalize('2023.2/4') = '2023-Q2',
       period_normalize('2023 2/4') = '2023-Q2', period_normalize('2023q2') = '2023-Q2',
       period_normalize('2017.1/4') = '2017-Q1';
SELECT period_normalize('2023-06') = '2023-06', period_normalize('2023.06') = '2023-06',
       period_normalize('202306') = '2023-06', period_normalize(202306) = '2023-06',
       period_normalize(202306.0) = '2023-06';
SELECT period_normalize('2023-06-30') = '2023-06-30',
       period_normalize('2023-06-30 12:00:00') = '2023-06-30',
       period_normalize('2023-06-30T12:00:00Z') = '2023-06-30';
-- preliminary marks (KOSIS) are ignored
SELECT period_normalize('2019 4/4 p)') = '2019-Q4', period_normalize('2019 4/4p)') = '2019-Q4',
       period_normalize('2023-06 (p)') = '2023-06', period_normalize('2023 p') = '2023',
       period_normalize(' 2023-Q1 ') = '2023-Q1';
SELECT period_normalize(NULL) IS NULL;

-- rejections: the label is quoted and the accepted forms listed
SELECT period_normalize('2023-13');
SELECT period_normalize('2023-Q5');
SELECT period_normalize('0000');
SELECT period_normalize('99999-01');
SELECT period_normalize('');
SELECT period_normalize('2023-02-30');
SELECT period_normalize('2023-02-29');
SELECT period_normalize('garbage');
SELECT period_normalize(x'32303233');
SELECT period_normalize(2023.5);
SELECT period_normalize(0);
SELECT period_normalize(-2023);
SELECT period_normalize(9223372036854775807);
SELECT period_normalize(202313);
SELECT period_normalize(1e999);

-- period_kind, period_year
SELECT period_kind('2023') = 'year', period_kind('2023 1/2') = 'half',
       period_kind('2023.3/4') = 'quarter', period_kind('2023.06') = 'month',
       period_kind('2023-06-30 08:00') = 'day', period_kind(NULL) IS NULL;
SELECT period_year('2019 4/4 p)') = 2019, typeof(period_year('2023-06')) = 'integer',
       period_year(202306) = 2023, period_year(NULL) IS NULL;
SELECT period_kind('2023-Q0');
SELECT period_year('20231');

-- period_shift
SELECT period_shift('2023-Q1', -1) = '2022-Q4', period_shift('2023-12', 1) = '2024-01',
       period_shift('2023-H2', 1) = '2024-H1', period_shift('2023', -23) = '2000',
       period_shift('2023-12-31', 1) = '2024-01-01', period_shift('2024-02-28', 1) = '2024-02-29',
       period_shift('2024-03-01', -366) = '2023-03-01', period_shift('2023-06', 0) = '2023-06',
       period_shift('2023-06', '12') = '2024-06', period_shift('2023-06', 12.0) = '2024-06';
-- leaving the years 1..9999 gives NULL, whatever the size of n
SELECT period_shift('9999-12', 1) IS NULL, period_shift('0001-01', -1) IS NULL,
       period_shift('0001-01-01', -1) IS NULL, period_shift('9999-12-31', 1) IS NULL,
       period_shift('2023', 9223372036854775807) IS NULL,
       period_shift('2023', -9223372036854775808) IS NULL,
       period_shift('2023', 1e300) IS NULL;
SELECT period_shift(NULL, 1) IS NULL, period_shift('2023', NULL) IS NULL;
SELECT period_shift('2023-Q1', 1.5);
SELECT period_shift('2023-Q1', 'one');
SELECT period_shift('2023-Q1', x'01');
SELECT period_shift('2023-Q1', 1e999);
SELECT period_shift('2023-Q9', 1);

-- period_prior_year
SELECT period_prior_year('2023-H1') = '2022-H1', period_prior_year('2023-06') = '2022-06',
       period_prior_year('2019 4/4 p)') = '2018-Q4', period_prior_year(2023) = '2022',
       period_prior_year('2024-02-28') = '2023-02-28', period_prior_year('2024-03-01') = '2023-03-01',
       period_prior_year('2025-02-28') = '2024-02-28';
SELECT period_prior_year('2024-02-29') IS NULL, period_prior_year('0001') IS NULL,
       period_prior_year(NULL) IS NULL;
SELECT period_prior_year('2023-W01');

-- period_rollup
SELECT period_rollup('2023-05', 'half') = '2023-H1', period_rollup('2023-07', 'HALF') = '2023-H2',
       period_rollup('2023-06', 'quarter') = '2023-Q2', period_rollup('2023-Q3', 'half') = '2023-H2',
       period_rollup('2023-06-30', 'month') = '2023-06', period_rollup('2023-06-30', 'year') = '2023',
       period_rollup('2023-Q2', 'quarter') = '2023-Q2', period_rollup('2019 4/4 p)', 'year') = '2019';
SELECT period_rollup(NULL, 'year') IS NULL, period_rollup('2023-05', NULL) IS NULL;
SELECT period_rollup('2023-H1', 'month');
SELECT period_rollup('2023', 'day');
SELECT period_rollup('2023-05', 'week');
SELECT period_rollup('2023-05', 3);

-- period_year_fraction
SELECT period_year_fraction('2023-H1') = 0.5, period_year_fraction('2023-05') = 5.0 / 12,
       period_year_fraction('2023-Q3') = 0.75, period_year_fraction('2023') = 1.0,
       period_year_fraction('2023-12-31') = 1.0, period_year_fraction('2024-02-29') = 60.0 / 366,
       period_year_fraction('2023-01-01') = 1.0 / 365, period_year_fraction(NULL) IS NULL;

-- period_start, period_end
SELECT period_start('2023') = '2023-01-01', period_end('2023') = '2023-12-31',
       period_start('2023-H2') = '2023-07-01', period_end('2023-H1') = '2023-06-30',
       period_start('2024-Q1') = '2024-01-01', period_end('2024-Q1') = '2024-03-31',
       period_end('2024-02') = '2024-02-29', period_end('2023-02') = '2023-02-28',
       period_end('1900-02') = '1900-02-28', period_end('2000-02') = '2000-02-29',
       period_start('2023-06-15 10:00') = '2023-06-15', period_end('2023-06-15') = '2023-06-15',
       period_start(NULL) IS NULL, period_end(NULL) IS NULL;
SELECT period_start('2023-00');
SELECT period_end('Q1 2023');

-- usable in a generated column and an index (DETERMINISTIC | INNOCUOUS)
PRAGMA trusted_schema = OFF;
CREATE TABLE t(label TEXT, p TEXT GENERATED ALWAYS AS (period_normalize(label)));
CREATE INDEX t_year ON t(period_year(label));
INSERT INTO t(label) VALUES ('2019 4/4 p)'), ('2020.1/4');
SELECT group_concat(p, ',') = '2019-Q4,2020-Q1' FROM t;
