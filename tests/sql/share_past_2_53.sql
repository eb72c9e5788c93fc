.load build/tradestat
-- share and contribution of INTEGER sums past 2^53, which are no
-- doubles: they were divided as the doubles they round to, a share of
-- 2^53 + 1 in a total of 2^53 + 3 as 2^53 in 2^53 + 4 (99.999999999999957
-- for 99.999999999999972).  Expected values: the exact fractions rounded
-- to a double (Python's fractions.Fraction).
.mode list
.headers off

CREATE TABLE parts(k TEXT, p TEXT, v INTEGER);
INSERT INTO parts VALUES ('a', '2022', 9007199254740993), ('b', '2022', 2),
  ('a', '2023', 9007199254740993), ('b', '2023', 4);

-- @check share_past_2_53-1.1 a's share in 2022: (2^53 + 1) * 100 / (2^53 + 3)
SELECT printf('%!.17g', share) FROM yoy_growth('parts', 'v', 'p', 'k')
WHERE series = 'a' AND period = '2022';
-- @expect 99.999999999999972
-- @check share_past_2_53-1.2 b's share in 2022: 200 / (2^53 + 3)
SELECT printf('%!.17g', share) FROM yoy_growth('parts', 'v', 'p', 'k')
WHERE series = 'b' AND period = '2022';
-- @expect 2.2204460492503124e-14
-- @check share_past_2_53-1.3 b's share in 2023: 400 / (2^53 + 5)
SELECT printf('%!.17g', share) FROM yoy_growth('parts', 'v', 'p', 'k')
WHERE series = 'b' AND period = '2023';
-- @expect 4.4408920985006236e-14
-- @check share_past_2_53-1.4 b's contribution: (4 - 2) * 100 / (2^53 + 3)
SELECT printf('%!.17g', contribution) FROM yoy_growth('parts', 'v', 'p', 'k')
WHERE series = 'b' AND period = '2023';
-- @expect 2.2204460492503124e-14
