.load build/tradestat
.headers off
.mode list
-- A Total row among balances (a negative figure in every period)
-- published every other year is refused without total=, as the rule in
-- docs/design.md ("A total row without total= is an error", *to the
-- rounding of the source*) asks: in every period where it and two others
-- have figures it equals their sum, five exact matches of four-digit
-- figures.  Input: balances of cars, chips and oil for 2014-2023, and a
-- Total equal to their sum in each of the five even years.  It used to
-- be missed (cars' 2022 share 374.42, the Total counted with its parts;
-- right: the error, and 748.84 with total=Total as plain SQL over the
-- Total gives): ext/growth/total_row.c nominated a series from a period
-- with a negative figure by its grand sum over at most four runs of
-- consecutive periods, and this Total has five.  Every run is summed now.
CREATE TABLE b(k TEXT, p TEXT, v INTEGER);
INSERT INTO b VALUES
  ('cars', '2014', 5213), ('chips', '2014', -3127), ('oil', '2014', -1389), ('Total', '2014', 697),
  ('cars', '2015', 5400), ('chips', '2015', -3000), ('oil', '2015', -1500),
  ('cars', '2016', 5600), ('chips', '2016', -2900), ('oil', '2016', -1700), ('Total', '2016', 1000),
  ('cars', '2017', 5800), ('chips', '2017', -2950), ('oil', '2017', -2100),
  ('cars', '2018', 5900), ('chips', '2018', -2700), ('oil', '2018', -2300), ('Total', '2018', 900),
  ('cars', '2019', 6000), ('chips', '2019', -2600), ('oil', '2019', -2400),
  ('cars', '2020', 5700), ('chips', '2020', -2500), ('oil', '2020', -2200), ('Total', '2020', 1000),
  ('cars', '2021', 6000), ('chips', '2021', -2700), ('oil', '2021', -2300),
  ('cars', '2022', 6148), ('chips', '2022', -2836), ('oil', '2022', -2491), ('Total', '2022', 821),
  ('cars', '2023', 6402), ('chips', '2023', -2315), ('oil', '2023', -2633);
CREATE VIRTUAL TABLE g USING yoy_growth(source=b, value=v, period=p, by=k);
CREATE VIRTUAL TABLE gt USING yoy_growth(source=b, value=v, period=p, by=k, total=Total);

-- @check share_total_negative_runs-1.1 plain SQL: the Total is the exact sum of the others wherever it is given
SELECT count(*), sum(v = (SELECT sum(v) FROM b o WHERE o.p = t.p AND o.k <> 'Total')) FROM b t WHERE k = 'Total';
-- @expect 5|5
-- @check share_total_negative_runs-1.2 plain SQL: cars' 2022 share of the Total
SELECT round(c.v * 100.0 / t.v, 2) FROM b c JOIN b t ON t.k = 'Total' AND t.p = c.p
 WHERE c.k = 'cars' AND c.p = '2022';
-- @expect 748.84
-- @check share_total_negative_runs-1.3 total= names it: the plain-SQL figure
SELECT round(share, 2) FROM gt WHERE k = 'cars' AND period = '2022';
-- @expect 748.84
-- @check share_total_negative_runs-1.4 without total=: refused (was 374.42, the Total counted twice)
SELECT round(share, 2) FROM g WHERE k = 'cars' AND period = '2022';
-- @error yoy_growth: share and contribution: the series k='Total' equals the sum of the other 3 series to the rounding of the source (unit 1) in 5 of the 5 periods where it and two of them have figures (a total row?), so the total of the series counts it twice; name it with total= to divide by it, or leave it out of the source
