.load build/tradestat
.headers on
.mode list
-- Input: periods and figures with a no-break space (U+00A0, char(160))
-- or an ideographic space (U+3000, char(12288)) around them, or a
-- byte-order mark (U+FEFF) before them: what a table copied from a web
-- page into a spreadsheet, a Korean or Japanese spreadsheet's
-- full-width space, or a CSV saved with a BOM and read line by line
-- carry into a CSV export.  Spaces around a label or a number are
-- ignored (reference/period.md, conventions.md), but only ASCII ones
-- were: '2023-01' || char(160) was refused, and the message showed
-- '2023-01 ' (nearest accepted form 'YYYY-MM' (month 01-12)), a label
-- whose trailing space the rules say is ignored.
-- Right: such spaces around a label or a number are ignored as ASCII
-- ones are (the plain meaning: '2023-01' and 1,400); inside one they
-- are still refused, and the message shows them as char(N), as it shows
-- control characters, so the label in the message is not one that reads.
-- Expected values by hand: 1400 / 1000 - 1 = 40 %.

-- @check wide_spaces-1.1 a period with a no-break space after it, an ideographic space before it, a BOM
SELECT period_normalize('2023-01' || char(160)) AS nbsp, period_normalize(char(12288) || '2023년 1월') AS ideographic,
       period_normalize(char(65279) || '2023-Q1') AS bom, period_normalize(char(160, 32) || '2023-06-30 12:00:00' || char(160)) AS mixed;
-- @expect
-- | nbsp|ideographic|bom|mixed
-- | 2023-01|2023-01|2023-Q1|2023-06-30
-- @check wide_spaces-1.2 figures so
SELECT pct_change('1,400' || char(160), char(12288) || '1000') AS growth, trade_imbalance(char(65279) || '5', ' 3' || char(160, 160)) AS balance;
-- @expect
-- | growth|balance
-- | 40.0|2
-- @check wide_spaces-1.3 in a table, both forms of one month are one period (a second row is an error without grain=)
CREATE TABLE ws(p TEXT, v TEXT);
INSERT INTO ws VALUES ('2022-01', '1,000'), ('2023-01' || char(160), '1,400' || char(160));
SELECT period, value, prior_value, growth FROM yoy_growth('ws', 'v', 'p');
-- @expect
-- | period|value|prior_value|growth
-- | 2022-01|1000||
-- | 2023-01|1400|1000|40.0
-- @check wide_spaces-1.4 the aggregate
SELECT yoy_growth(v, p) AS growth FROM ws;
-- @expect
-- | growth
-- | 40.0

-- @check wide_spaces-1.5 both scan paths
SELECT a.growth AS hash, b.growth AS stream FROM yoy_growth('ws', 'v', 'p', '', 'scan=hash') AS a
JOIN yoy_growth('ws', 'v', 'p', '', 'scan=stream') AS b USING (period) WHERE period = '2023-01';
-- @expect
-- | hash|stream
-- | 40.0|40.0

-- 2. Inside a label or a number such a space is refused, shown as char(N).
-- @check wide_spaces-2.1 French thousands
SELECT pct_change('1' || char(160) || '400', 1);
-- @error pct_change(): argument 1 is not a number: '1' || char(160) || '400'
-- @check wide_spaces-2.2 between the parts of a Korean label
SELECT period_kind('2023년' || char(12288) || '1월');
-- @error period_kind(): argument 1 is not a period: '2023년' || char(12288) || '1월' (nearest accepted form: 'YYYY년 6월' (month 1-12) or 'YYYY년 1분기' (quarter 1-4))
-- @check wide_spaces-2.3 a zero-width space
SELECT period_kind('2023' || char(8203) || '-01');
-- @error period_kind(): argument 1 is not a period: '2023' || char(8203) || '-01' (nearest accepted form: 'YYYY-MM' (month 01-12))
