.load build/tradestat
-- share and contribution are the double nearest the exact percentage when
-- the figures allow it, as the growth rates and plain SQL's
-- part * 100.0 / total are: 1 of a total of 3 is 100/3 %, whose nearest
-- double is 33.333333333333336; divided first and then multiplied by 100
-- it was 33.33333333333333, the double below.  Expected values: the exact
-- fractions rounded to a double (Python: 100 / 3, 200 / 3, 100 / 7).
.mode list
.headers off

CREATE TABLE parts(k TEXT, p TEXT, v INTEGER);
INSERT INTO parts VALUES ('a', '2022', 1), ('b', '2022', 6),
  ('a', '2023', 1), ('b', '2023', 2);

-- @check share_rounding-1.1 a's share of 3 in 2023: 100/3
SELECT printf('%!.17g', share), share = v * 100.0 / 3
FROM (SELECT share, value AS v FROM yoy_growth('parts', 'v', 'p', 'k') WHERE series = 'a' AND period = '2023');
-- @expect 33.333333333333336|1
-- @check share_rounding-1.2 b's share of 3 in 2023: 200/3
SELECT printf('%!.17g', share) FROM yoy_growth('parts', 'v', 'p', 'k')
WHERE series = 'b' AND period = '2023';
-- @expect 66.666666666666671
-- @check share_rounding-1.3 b's contribution: (2 - 6) / |7| * 100 = -400/7
SELECT printf('%!.17g', contribution), contribution = (2 - 6) * 100.0 / 7
FROM yoy_growth('parts', 'v', 'p', 'k') WHERE series = 'b' AND period = '2023';
-- @expect -57.142857142857146|1
-- @check share_rounding-1.4 a's contribution: 0 / 7
SELECT contribution FROM yoy_growth('parts', 'v', 'p', 'k')
WHERE series = 'a' AND period = '2023';
-- @expect 0.0
-- @check share_rounding-1.5 the same by the hash and the streaming path
SELECT count(*) FROM yoy_growth('parts', 'v', 'p', 'k', 'scan=hash') AS h
JOIN yoy_growth('parts', 'v', 'p', 'k', 'scan=stream') AS s USING (series, period)
WHERE h.share IS s.share AND h.contribution IS s.contribution;
-- @expect 4
