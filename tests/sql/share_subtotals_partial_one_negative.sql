.load build/tradestat
.headers off
.mode list
-- A total beside continents listed in part is refused when one listed
-- country has a negative figure (a small balance), as with every figure
-- positive.  Input: three continents (Cont0..2), four listed countries,
-- R0 = Cont0 + Cont1 + Cont2 exactly in 2015 and 2016 (six-digit
-- figures); country c0_2 is -106 and -1288.  By docs/design.md ("A total
-- row without total= is an error", *over some of the others*: of four to
-- 25 series it holds the largest figure in every period where every
-- series has a complete one, and the sum of some of the others is within
-- the rounding of it in every such period, the chance 2^7 x
-- (4/557964)^2 = 7e-9 at most 1/100) R0 is a total row.  It used to show
-- c2_1's 2016 share as 3.42 (R0 counted with its parts; right: the
-- error, and 7.26 with total=R0, plain SQL over R0): ext/growth/
-- total_row_some.c's some_holder skipped every period holding a negative
-- figure, so a group with one in every period was never searched.
CREATE TABLE b(k TEXT, p TEXT, v INTEGER);
INSERT INTO b VALUES
  ('Cont0', '2015', 184559), ('Cont1', '2015', 178604), ('Cont2', '2015', 194801), ('R0', '2015', 557964),
  ('c0_2', '2015', -106), ('c1_1', '2015', 22237), ('c1_3', '2015', 732), ('c2_1', '2015', 38576),
  ('Cont0', '2016', 189219), ('Cont1', '2016', 182132), ('Cont2', '2016', 190657), ('R0', '2016', 562008),
  ('c0_2', '2016', -1288), ('c1_1', '2016', 27133), ('c1_3', '2016', 981), ('c2_1', '2016', 40781);
CREATE VIRTUAL TABLE g USING yoy_growth(source=b, value=v, period=p, by=k);
CREATE VIRTUAL TABLE gt USING yoy_growth(source=b, value=v, period=p, by=k, total=R0);

-- @check share_subtotals_partial_one_negative-1.1 plain SQL: R0 is the three continents' sum in both years; c2_1's 2016 share of R0
SELECT count(*), sum(v = (SELECT sum(v) FROM b o WHERE o.p = t.p AND o.k LIKE 'Cont%')),
  (SELECT round(c.v * 100.0 / t2.v, 2) FROM b c JOIN b t2 ON t2.k = 'R0' AND t2.p = c.p WHERE c.k = 'c2_1' AND c.p = '2016')
  FROM b t WHERE k = 'R0';
-- @expect 2|2|7.26
-- @check share_subtotals_partial_one_negative-1.2 total= names it: the plain-SQL figure
SELECT round(share, 2) FROM gt WHERE k = 'c2_1' AND period = '2016';
-- @expect 7.26
-- @check share_subtotals_partial_one_negative-1.3 without total=: refused (is 3.42, R0 counted with its parts)
SELECT round(share, 2) FROM g WHERE k = 'c2_1' AND period = '2016';
-- @error yoy_growth: share and contribution: the series k='R0' equals the sum of 3 of the other 7 series in the 2 periods where it and all of them have figures (a total row beside sub-totals?), so the total of the series counts those parts twice; name it with total= to divide by it, or leave it and the sub-totals out of the source
