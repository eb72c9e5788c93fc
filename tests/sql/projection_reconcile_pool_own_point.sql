.load build/tradestat
.headers on
.mode list
-- annual_projection with reconcile= and no through=: a reconciled total's
-- interval borrows the reconciled errors of the other totals of its kind
-- from its own point of the year.  Products A..G, each a Total and its
-- regions r1..r3 (the Total the sum of its regions), quarters 2014..2023;
-- A has reached 2023-Q2, B..G 2023-Q3.  The reconciled pool of Q2 held
-- only the totals whose own latest period was Q2 (A alone: no pool), so
-- A's reconciled run_rate Total for 2023 had the interval [2220.5,
-- 2622.2] beside B..G's 2023-Q3 and [2225.3, 2616.5] with it removed: a
-- later period moving a projection from Q2 (docs/design.md "A point of
-- the year pools every series of its kind from that point").  Now each
-- total's reconciled backtest is pooled from every point some total of
-- its kind is projected from, made from its parts' backtests from there.
CREATE TABLE t(reg TEXT, prod TEXT, p TEXT, v REAL);
WITH RECURSIVE y(y) AS (SELECT 2014 UNION ALL SELECT y + 1 FROM y WHERE y < 2023),
  q(q) AS (VALUES (1), (2), (3), (4)),
  r(reg, i) AS (VALUES ('r1', 1), ('r2', 2), ('r3', 3)),
  pr(prod, j) AS (VALUES ('A', 1), ('B', 2), ('C', 3), ('D', 4), ('E', 5), ('F', 6), ('G', 7))
INSERT INTO t
SELECT reg, prod, printf('%d-Q%d', y, q),
       (100 + 10 * q + 5 * (y - 2014) + 20 * i) * (1 + 0.05 * (((y * 7 + q * 3 + i * 5 + j * 11) % 7) - 3) / 3)
FROM y, q, r, pr
WHERE y < 2023 OR q <= CASE prod WHEN 'A' THEN 2 ELSE 3 END;
INSERT INTO t SELECT 'Total', prod, p, sum(v) FROM t GROUP BY prod, p;
CREATE VIEW t_cut AS SELECT * FROM t WHERE p <= '2023-Q2';
CREATE VIRTUAL TABLE whole USING annual_projection(source=t, value=v, period=p, by='reg, prod',
  method=run_rate, reconcile='reg=Total');
CREATE VIRTUAL TABLE cut USING annual_projection(source=t_cut, value=v, period=p, by='reg, prod',
  method=run_rate, reconcile='reg=Total');
CREATE VIRTUAL TABLE whole_auto USING annual_projection(source=t, value=v, period=p,
  by='reg, prod', reconcile='reg=Total');
CREATE VIRTUAL TABLE cut_auto USING annual_projection(source=t_cut, value=v, period=p,
  by='reg, prod', reconcile='reg=Total');

-- @check projection_reconcile_pool_own_point-1.1 A's reconciled Total, 2021..2023 from Q2: the same projection and interval with B..G's 2023-Q3 removed (run_rate)
SELECT w.year, w.projection = c.projection AS same, w.low = c.low AND w.high = c.high AS same_interval
FROM whole AS w JOIN cut AS c USING (reg, prod, year)
WHERE reg = 'Total' AND prod = 'A' AND year >= 2021;
-- @expect
-- | year|same|same_interval
-- | 2021|1|1
-- | 2022|1|1
-- | 2023|1|1

-- @check projection_reconcile_pool_own_point-1.2 the same for auto, A's Total and its regions, every year from Q2
SELECT w.reg, count(*) AS years,
       sum(w.projection IS c.projection AND w.low IS c.low AND w.high IS c.high
           AND w.note IS c.note) AS same
FROM whole_auto AS w JOIN cut_auto AS c USING (reg, prod, year)
WHERE prod = 'A' GROUP BY w.reg ORDER BY w.reg;
-- @expect
-- | reg|years|same
-- | Total|10|10
-- | r1|10|10
-- | r2|10|10
-- | r3|10|10

-- @check projection_reconcile_pool_own_point-1.3 A's reconciled Total for 2023 (run_rate): the sum of its regions' projections, twice their H1 in plain SQL, and the interval of the cut source
SELECT round(w.projection, 1) AS projection, round(w.low, 1) AS low, round(w.high, 1) AS high,
       (SELECT round(sum(p.projection), 1) FROM whole AS p
        WHERE p.prod = 'A' AND p.year = 2023 AND p.reg <> 'Total') AS sum_of_regions,
       (SELECT round(2 * sum(v), 1) FROM t
        WHERE prod = 'A' AND reg <> 'Total' AND p IN ('2023-Q1', '2023-Q2')) AS plain_sql
FROM whole AS w WHERE reg = 'Total' AND prod = 'A' AND year = 2023;
-- @expect
-- | projection|low|high|sum_of_regions|plain_sql
-- | 2413.0|2225.3|2616.5|2413.0|2413.0
