.load build/tradestat
.headers on
.mode list
-- `linear` is the same line through the same points in every form of
-- annual_projection, to the bit.  The virtual table keeps a leading row
-- without a figure ('2015-H2', NULL) as a point, so its grid began a
-- year before the aggregate's; the least-squares pass numbered the
-- periods from the grid's start and rounded otherwise: 2022's projection
-- was 0x1.a04954e4954ecp+8 in the table and 0x1.a04954e4954e8p+8 in the
-- aggregate over the same rows (the exact value rounds to ...e5p+8).
-- The periods are now numbered from the first observed one in both.
-- Found by tests/trust/projection_rows.py, seed 9801 at 3,000 sources.
CREATE TABLE src(k TEXT, p TEXT, v);
INSERT INTO src VALUES ('s0', '2015-H2', NULL), ('s0', '2016-H1', 2751), ('s0', '2016-H2', NULL),
  ('s0', '2017-H1', 2951), ('s0', '2017-H2', 0), ('s0', '2018-H1', 2777), ('s0', '2018-H2', 0),
  ('s0', '2019-H1', 4434), ('s0', '2019-H2', 0), ('s0', '2020-H1', 4681), ('s0', '2020-H2', 0),
  ('s0', '2021-H1', NULL), ('s0', '2021-H2', 0), ('s0', '2022-H1', 70), ('s0', '2022-H2', 0);

-- @check projection_linear_origin-1.1 the table, the table under a WHERE and the aggregate give the same double
SELECT (SELECT printf('%!.17g', projection) FROM annual_projection('src', 'v', 'p', 'k', NULL,
          'method=linear, through=H1') WHERE year = 2022) AS table_form,
       (SELECT printf('%!.17g', projection) FROM annual_projection('src', 'v', 'p', 'k', NULL,
          'method=linear, through=H1') WHERE year >= 2020 AND year = 2022) AS narrowed,
       (SELECT printf('%!.17g', annual_projection(v, p, 'linear')) FROM src WHERE p <= '2022-H1') AS aggregate;
-- @expect
-- | table_form|narrowed|aggregate
-- | 416.28645161290342|416.28645161290342|416.28645161290342

-- @check projection_linear_origin-1.2 without the leading row the table gives that double too
DELETE FROM src WHERE p = '2015-H2';
SELECT printf('%!.17g', projection) AS projection FROM annual_projection('src', 'v', 'p', 'k', NULL,
  'method=linear, through=H1') WHERE year = 2022;
-- @expect
-- | projection
-- | 416.28645161290342
