.load build/tradestat
.headers on
.mode list
-- annual_projection without through=: each series is projected from the
-- position of its own latest period, and its interval (and auto's
-- ranking and rule) borrows the errors the *other* series made from that
-- same point of the year.  The pool of a point held only the series whose
-- own latest period was there: below, 'a' has reached 2023-Q2 and its six
-- companions 2023-Q3, so a's pool at Q2 was empty -- its 2023 row was
-- sized and ranked by its own errors alone -- and cutting the companions'
-- 2023-Q3 (a later period, which the docs say changes nothing) moved a's
-- auto projection from 758.91 to 772.83 and its run_rate "80 %" interval
-- from [594.7, 831.5] to [606.3, 815.6].  Now every series of a kind is
-- backtested from every point of the year some series of that kind is
-- projected from, so a row is the same with every later period removed.
CREATE TABLE s(k TEXT, p TEXT, v REAL);
WITH RECURSIVE y(y) AS (SELECT 2015 UNION ALL SELECT y + 1 FROM y WHERE y < 2023),
  q(q) AS (VALUES (1), (2), (3), (4)),
  k(k, i) AS (VALUES ('a', 1), ('b', 2), ('c', 3), ('d', 4), ('e', 5), ('f', 6), ('g', 7))
INSERT INTO s
SELECT k, printf('%d-Q%d', y, q),
       (100 + 10 * i + (y - 2015) * 5) * (1 + 0.1 * q)
         * (1 + 0.02 * (((y * 7 + q * 3 + i * 5) % 5) - 2))
FROM y, q, k
WHERE y < 2023 OR q <= CASE k WHEN 'a' THEN 2 ELSE 3 END;
-- the same source with every period after a's 2023-Q2 removed
CREATE VIEW s_cut AS SELECT * FROM s WHERE p <= '2023-Q2';
CREATE VIRTUAL TABLE whole_auto USING annual_projection(source=s, value=v, period=p, by=k);
CREATE VIRTUAL TABLE cut_auto USING annual_projection(source=s_cut, value=v, period=p, by=k);
CREATE VIRTUAL TABLE whole_rr USING annual_projection(source=s, value=v, period=p, by=k,
  method=run_rate);
CREATE VIRTUAL TABLE cut_rr USING annual_projection(source=s_cut, value=v, period=p, by=k,
  method=run_rate);

-- @check projection_pool_own_point-1.1 a's 2023 from Q2 is the same with the other series' 2023-Q3 removed: auto's projection and interval, run_rate's interval
SELECT w.through, round(w.projection, 2) AS projection, w.projection = c.projection AS same,
       w.low = c.low AND w.high = c.high AS same_interval, w.note = c.note AS same_note
FROM whole_auto AS w JOIN cut_auto AS c USING (k, year) WHERE k = 'a' AND year = 2023;
SELECT w.through, round(w.low, 1) AS low, round(w.high, 1) AS high,
       w.low = c.low AND w.high = c.high AS same_interval
FROM whole_rr AS w JOIN cut_rr AS c USING (k, year) WHERE k = 'a' AND year = 2023;
-- @expect
-- | through|projection|same|same_interval|same_note
-- | 2023-Q2|772.83|1|1|1
-- | through|low|high|same_interval
-- | 2023-Q2|606.3|815.6|1

-- @check projection_pool_own_point-1.2 every backtest row of a (from Q2) is the same in the whole source and in the source cut after 2023-Q2
SELECT w.k, count(*) AS years,
       sum(w.projection IS c.projection AND w.low IS c.low AND w.high IS c.high
           AND w.note IS c.note) AS same
FROM whole_auto AS w JOIN cut_auto AS c USING (k, year)
WHERE w.k = 'a' GROUP BY w.k;
-- @expect
-- | k|years|same
-- | a|9|9

