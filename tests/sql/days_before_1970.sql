.load build/tradestat
.headers on
.mode list
-- Day periods before 1970-01-01 have negative ordinals, and the growth
-- engine read the ordinal -1 (1969-12-31) as "no prior-year period":
-- every day before 1970 got no growth, silently, in the aggregate, the
-- window and the virtual table alike.  1971 -> 1972 worked.
CREATE TABLE d(p TEXT, v INTEGER);
INSERT INTO d VALUES ('1968-03-05', 10), ('1969-03-05', 20), ('1969-12-31', 4), ('1970-12-31', 6),
  ('1899-01-01', 5), ('1900-01-01', 6);

-- @check days_before_1970-1.1 the aggregate: the latest day against the same day a year earlier
SELECT yoy_growth(column1, column2) AS a FROM (VALUES (10, '1968-03-05'), (20, '1969-03-05'));
-- @expect
-- | a
-- | 100.0
-- @check days_before_1970-1.2 the virtual table, days on both sides of 1970 and of 1900
SELECT period, value, growth FROM yoy_growth('d', 'v', 'p');
-- @expect
-- | period|value|growth
-- | 1899-01-01|5|
-- | 1900-01-01|6|20.0
-- | 1968-03-05|10|
-- | 1969-03-05|20|100.0
-- | 1969-12-31|4|
-- | 1970-12-31|6|50.0
-- @check days_before_1970-1.3 the window
SELECT p, yoy_growth(v, p) OVER (ORDER BY p) AS g FROM d WHERE p >= '1968';
-- @expect
-- | p|g
-- | 1968-03-05|
-- | 1969-03-05|100.0
-- | 1969-12-31|
-- | 1970-12-31|50.0
