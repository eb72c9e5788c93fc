.load build/tradestat
-- A value a message quotes is cut to 60 bytes with a '...' marker, its
-- control bytes shown as char(N), as every message shows a value: a
-- 10 kB label or an escape sequence given by the user or found in the
-- data never comes back whole.  Each check below quoted the whole value
-- before (and a control byte raw, breaking the message's line).
.mode list
.headers off

-- 1. trade_imbalance's flow labels.
CREATE TABLE flows(p TEXT, f TEXT, v INTEGER);
INSERT INTO flows VALUES ('2022', 'export', 10), ('2022', 'import', 4);
-- @check messages_values-1.1 the same label for both sides, 70 bytes
SELECT count(*) FROM trade_imbalance('flows', 'v', 'p', 'f', '',
  'export_label=' || printf('%.70c', 'a') || ', import_label=' || printf('%.70c', 'a'));
-- @error trade_imbalance: export_label and import_label are the same: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'
-- @check messages_values-1.2 a control byte in it
SELECT count(*) FROM trade_imbalance('flows', 'v', 'p', 'f', '',
  'export_label=a' || char(27) || 'b, import_label=A' || char(27) || 'B');
-- @error trade_imbalance: export_label and import_label are the same: 'a' || char(27) || 'b'
-- @check messages_values-1.3 a label the other side's defaults hold is a default word: short, quoted
SELECT count(*) FROM trade_imbalance('flows', 'v', 'p', 'f', '', 'import_label=exports');
-- @error trade_imbalance: import_label='exports' is also a default export label; give export_label= too, so each label names one side
-- @check messages_values-1.4 a row's flow that no label names: the labels listed, cut, control bytes as char(N)
SELECT count(*) FROM trade_imbalance('flows', 'v', 'p', 'f', '',
  'export_label=' || printf('%.70c', 'a') || ', import_label=b' || char(27) || '[2J');
-- @error trade_imbalance: unknown flow label 'export' in column "f" (exports are 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'; imports are 'b' || char(27) || '[2J'; name your labels with export_label= and import_label=)

-- 2. yoy_growth's total=.
CREATE TABLE g(k TEXT, grp TEXT, p TEXT, v INTEGER);
INSERT INTO g VALUES ('a', 'x', '2022', 1), ('b', 'x', '2022', 2),
  ('a', 'y' || char(9) || printf('%.70c', 'y'), '2022', 3);
-- @check messages_values-2.1 total= without a by column
SELECT count(*) FROM yoy_growth('g', 'v', 'p', '', 'total=' || printf('%.70c', 't'));
-- @error yoy_growth: total='tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt...' names a value of the last by column, so it needs a by column (by= has 0)
-- @check messages_values-2.2 a group without its total: the total and the group's key cut
SELECT count(share) FROM yoy_growth('g', 'v', 'p', 'grp, k', 'total=T' || char(7));
-- @error yoy_growth: total='T' || char(7) names a value of k, the last by column, but the series with grp='x' have no k='T' || char(7): each combination of the other by columns needs its own total series (or leave it out of the source)
DELETE FROM g;
INSERT INTO g VALUES ('T', 'ok', '2022', 3), ('a', 'ok', '2022', 3),
  ('a', 'y' || char(9) || printf('%.70c', 'y'), '2022', 3);
-- @check messages_values-2.3 the group's key: a tab and 70 bytes
SELECT count(share) FROM yoy_growth('g', 'v', 'p', 'grp, k', 'total=T');
-- @error yoy_growth: total='T' names a value of k, the last by column, but the series with grp='y' || char(9) || 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy' || '...' have no k='T': each combination of the other by columns needs its own total series (or leave it out of the source)

-- 3. The guard against a total row names the series by its key.
CREATE TABLE tr(k TEXT, p TEXT, v INTEGER);
INSERT INTO tr VALUES ('a', '2022', 1), ('a', '2023', 2), ('b', '2022', 3), ('b', '2023', 4),
  (printf('%.70c', 's') || char(10), '2022', 4), (printf('%.70c', 's') || char(10), '2023', 6);
-- @check messages_values-3.1
SELECT count(share) FROM yoy_growth('tr', 'v', 'p', 'k');
-- @error yoy_growth: share and contribution: the series k='ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss...' equals the sum of the other 2 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
DELETE FROM tr WHERE k LIKE 'sss%';
INSERT INTO tr VALUES ('s' || char(10), '2022', 4), ('s' || char(10), '2023', 6);
-- @check messages_values-3.2
SELECT count(share) FROM yoy_growth('tr', 'v', 'p', 'k');
-- @error yoy_growth: share and contribution: the series k='s' || char(10) equals the sum of the other 2 series in every period (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source

-- 4. annual_projection's reconcile=.
CREATE TABLE r(region TEXT, p TEXT, v INTEGER);
INSERT INTO r VALUES ('A', '2023-01', 1), ('Total', '2023-01', 1);
-- @check messages_values-4.1 more parts than by columns, 80 bytes
SELECT count(*) FROM annual_projection('r', 'v', 'p', 'region', 'auto',
  'reconcile=''region=Total, ' || printf('%.70c', 'x') || '=y''');
-- @error annual_projection: reconcile= names more columns than by has: 'region=Total, xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'
-- @check messages_values-4.2 no such by column, with a control byte
SELECT count(*) FROM annual_projection('r', 'v', 'p', 'region', 'auto',
  'reconcile=''place' || char(27) || '=Total''');
-- @error annual_projection: reconcile= names "place?", which is not a by column (by: region): 'place' || char(27) || '=Total'
-- @check messages_values-4.3 no by columns
SELECT count(*) FROM annual_projection('r', 'v', 'p', '', 'auto',
  'reconcile=''region=' || printf('%.70c', 'T') || '''');
-- @error annual_projection: reconcile= needs by columns (the hierarchy is in them): 'region=TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT...'
-- @check messages_values-4.4 no label
SELECT count(*) FROM annual_projection('r', 'v', 'p', 'region', 'auto',
  'reconcile=''' || printf('%.70c', 'r') || '''');
-- @error annual_projection: reconcile= must be by columns with the labels of their totals, like 'region=Total': 'rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr...'
CREATE TABLE r2(region TEXT, product TEXT, p TEXT, v INTEGER);
INSERT INTO r2 VALUES ('A', 'x', '2023-01', 1);
-- @check messages_values-4.5 a by column named twice
SELECT count(*) FROM annual_projection('r2', 'v', 'p', 'region, product', 'auto',
  'reconcile=''region=Total, REGION=' || printf('%.70c', 'u') || '''');
-- @error annual_projection: reconcile= names the by column "REGION" twice: 'region=Total, REGION=uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu...'

-- 5. A part's name in a note of reconcile=.
CREATE TABLE rp(region TEXT, p TEXT, v INTEGER);
WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 12)
INSERT INTO rp SELECT r, printf('%d-%02d', y, i), 5 FROM m,
  (SELECT 'Total' AS r UNION ALL SELECT 'north'), (SELECT 2022 AS y UNION ALL SELECT 2023)
  WHERE y = 2022 OR i <= 6;
INSERT INTO rp SELECT 'so' || char(9) || printf('%.70c', 'u'), p, 1 FROM rp WHERE region = 'north' AND p >= '2023';
-- @check messages_values-5.1
SELECT DISTINCT note FROM annual_projection('rp', 'v', 'p', 'region', 'avg_share', 'reconcile=''region=Total''')
WHERE note LIKE 'not reconciled: part ''so%';
-- @expect not reconciled: part 'so' || char(9) || 'uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu' || '...' has no projection (no complete prior year with a non-zero total)

-- 6. kosis_csv: a cell with an escape sequence.
-- @check messages_values-6.1
SELECT writefile('build/messages_values_esc.csv', 'region,2019 1/4' || char(10) || 'A,1' || char(27) || '[31m' || char(10)) > 0;
CREATE VIRTUAL TABLE temp.kesc USING kosis_csv(file='build/messages_values_esc.csv');
-- @expect 1
-- @error kosis_csv: build/messages_values_esc.csv line 2: column "2019 1/4": value is not a number: '1' || char(27) || '[31m'
