.load build/tradestat
.mode list
.headers off
-- A message shows a value's control characters as char(N): C0 and DEL,
-- and the C1 controls U+0080..U+009F, which UTF-8 writes as two bytes
-- (C2 80..C2 9F).  U+009B is CSI, an escape sequence's introducer in one
-- character: terminals that read C1 controls obey 'char(155) || [2J'
-- (clear the screen) as they obey char(27) || '[2J'.  Each check below
-- showed the C1 character raw before, inside the quotes.

-- @check messages_c1-1.1 an argument's value (ts_value_repr)
SELECT period_shift('20' || char(155) || '[2J', 1);
-- @error period_shift(): argument 1 is not a period: '20' || char(155) || '[2J' (nearest accepted form: 'YYYY' (a year from 0001 to 9999))
-- @check messages_c1-1.2 U+0080 and U+009F are the ends; U+00A1 and é are text (U+00A0, a no-break space, is char(160): wide_spaces.sql)
SELECT pct_change('a' || char(128) || 'é' || char(159) || char(161), 1);
-- @error pct_change(): argument 1 is not a number: 'a' || char(128) || 'é' || char(159) || '¡'

-- @check messages_c1-2.1 a kosis_csv cell
SELECT writefile('build/messages_c1_cell.csv', 'C1,PRD_DE,DT' || char(10)
  || 'a,2019,n' || char(155) || '[2J' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.cell USING kosis_csv(file='build/messages_c1_cell.csv');
-- @expect
-- | 1
-- @error kosis_csv: build/messages_c1_cell.csv line 2: column "DT": value is not a number: 'n' || char(155) || '[2J'
-- @check messages_c1-2.2 a kosis_csv header name
SELECT writefile('build/messages_c1_name.csv', 'C' || char(155) || '1,c' || char(155) || '1,2019'
  || char(10) || 'a,b,1' || char(10)) > 0 AS written;
CREATE VIRTUAL TABLE temp.name USING kosis_csv(file='build/messages_c1_name.csv');
-- @expect
-- | 1
-- @error kosis_csv: build/messages_c1_name.csv line 1: columns 1 and 2 are both named 'c' || char(155) || '1'

-- @check messages_c1-3.1 a name that is not found: a C1 control character as '?', as a C0 one
CREATE TABLE c1t(p, v);
SELECT * FROM yoy_growth('c1t', 'v' || char(155) || '[2J', 'p');
-- @error yoy_growth: no such column "v?[2J" in "c1t" (columns: p, v)
