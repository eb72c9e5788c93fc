.load build/tradestat
.headers on
.mode list
-- Input: the month forms Excel and LibreOffice write into a CSV: an
-- English-locale Excel turns '2023-01' into a date and saves it as
-- 'Jan-23' (mmm-yy), or as 'MM/YYYY' ('01/2023', '1/2023'), or as the
-- serial day 44927 when the cell is formatted General; a Japanese or
-- Chinese locale writes '2023年1月', a Korean one '2023. 1.'.
-- Wrong: '01/2023' and '1/2023' were refused naming the nearest form
-- 'YYYYMM' (six digits), which is not what the user wrote.
-- Right: all refused (none is a form an agency publishes, and 'Jan-23'
-- could be 23 January), '01/2023' naming 'YYYY/MM', the year first; the
-- others keep the nearest form or, for the serial, the date it is.
-- @check period_spreadsheet_forms-1.1 month first, two digits
SELECT period_normalize('01/2023');
-- @error period_normalize(): argument 1 is not a period: '01/2023' (nearest accepted form: 'YYYY/MM' (the year first: '2023/01', not '01/2023'))
-- @check period_spreadsheet_forms-1.2 month first, one digit
SELECT period_normalize('1/2023');
-- @error period_normalize(): argument 1 is not a period: '1/2023' (nearest accepted form: 'YYYY/M' (the year first: '2023/1', not '1/2023'))
-- @check period_spreadsheet_forms-1.3 the year-first forms read
SELECT period_normalize('2023/01') AS a, period_normalize('2023/1') AS b;
-- @expect
-- | a|b
-- | 2023-01|2023-01
-- @check period_spreadsheet_forms-2.1 Excel's mmm-yy: refused
SELECT period_normalize('Jan-23');
-- @error period_normalize(): argument 1 is not a period: 'Jan-23' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check period_spreadsheet_forms-2.2 the serial day of a General cell names the date
SELECT period_normalize(44927);
-- @error period_normalize(): argument 1 is not a period: 44927 (neither a year nor a YYYYMM month; as a count of days it is 2093-01-02 since 1970-01-01 (an R Date), 2023-01-01 since 1899-12-30 (an Excel serial date): write dates as text, 'YYYY-MM-DD')
-- @check period_spreadsheet_forms-2.3 年 is not 년: refused
SELECT period_normalize('2023年1月');
-- @error period_normalize(): argument 1 is not a period: '2023年1月' (nearest accepted form: 'YYYY년 6월' (month 1-12) or 'YYYY년 1분기' (quarter 1-4))
-- @check period_spreadsheet_forms-2.4 a Korean-locale month: refused
SELECT period_normalize('2023. 1.');
-- @error period_normalize(): argument 1 is not a period: '2023. 1.' (nearest accepted form: 'YYYY.MM' (month 01-12))
