.load build/tradestat
.headers on
.mode list
-- Input: months written 'YYYY.MM' (KOSIS and Korean spreadsheets write
-- them so), loaded into a column of numbers: sqlite-utils insert --csv
-- --detect-types makes the column FLOAT, and so does any column declared
-- FLOAT, REAL or NUMERIC, whose affinity turns the text into a number.
-- '2022.10' (October) is then the REAL 2022.1 and '2022.09' 2022.09.
-- Wrong: refused with the list of forms, which names 'YYYY.MM', the
-- form the file had: nothing said the column had made them numbers.
-- Right: refused (2022.1 cannot be told from a January written
-- '2022.1'), naming the label the number was and the cure, a TEXT
-- column.  Left alone: other fractions (2023.5, zoo's yearqtr 2023.25)
-- keep the list of forms.
CREATE TABLE su(period FLOAT, amount INTEGER);
INSERT INTO su VALUES ('2022.09', 1), ('2022.10', 2), ('2023.09', 3), ('2023.10', 4);
CREATE TABLE su_text(period TEXT, amount INTEGER);
INSERT INTO su_text VALUES ('2022.09', 1), ('2022.10', 2), ('2023.09', 3), ('2023.10', 4);

-- @check period_dotted_numbers-1.1 what the FLOAT column holds
SELECT period, typeof(period) AS type FROM su ORDER BY rowid;
-- @expect
-- | period|type
-- | 2022.09|real
-- | 2022.1|real
-- | 2023.09|real
-- | 2023.1|real
-- @check period_dotted_numbers-1.2 the virtual table: refused naming the label and the cure
SELECT count(*) FROM yoy_growth('su', 'amount', 'period');
-- @error yoy_growth: column "period" in "su" is not a period: 2022.09 (a number with a fraction; as the label '2022.09' it was a month, but stored as a number it lost any trailing zero ('2023.10', October, is 2023.1): store periods as TEXT, in a column declared TEXT (sqlite-utils insert: without --detect-types))
-- @check period_dotted_numbers-1.3 October, its zero lost
SELECT yoy_growth(amount, period) FROM su WHERE rowid = 2;
-- @error yoy_growth(): argument 2 is not a period: 2022.1 (a number with a fraction; as the label '2022.10' it was a month, but stored as a number it lost any trailing zero ('2023.10', October, is 2023.1): store periods as TEXT, in a column declared TEXT (sqlite-utils insert: without --detect-types))
-- @check period_dotted_numbers-1.4 the same labels in a TEXT column are read
SELECT period, value, growth FROM yoy_growth('su_text', 'amount', 'period') WHERE prior_value IS NOT NULL;
-- @expect
-- | period|value|growth
-- | 2023-09|3|200.0
-- | 2023-10|4|100.0

-- 2. The edges: the years a number may be, the months 01..12.
-- @check period_dotted_numbers-2.1 2199.12, the last month a number may be
SELECT period_normalize(2199.12);
-- @error period_normalize(): argument 1 is not a period: 2199.12 (a number with a fraction; as the label '2199.12' it was a month, but stored as a number it lost any trailing zero ('2023.10', October, is 2023.1): store periods as TEXT, in a column declared TEXT (sqlite-utils insert: without --detect-types))
-- @check period_dotted_numbers-2.2 no month 13
SELECT period_normalize(2023.13);
-- @error period_normalize(): argument 1 is not a period: 2023.13 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_dotted_numbers-2.3 past the years a number may be
SELECT period_normalize(2200.01);
-- @error period_normalize(): argument 1 is not a period: 2200.01 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_dotted_numbers-2.4 three decimals are no month
SELECT period_normalize(2023.011);
-- @error period_normalize(): argument 1 is not a period: 2023.011 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
-- @check period_dotted_numbers-2.5 zoo's yearqtr Q2
SELECT period_normalize(2023.25);
-- @error period_normalize(): argument 1 is not a period: 2023.25 (expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM')
