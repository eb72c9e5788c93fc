-- The cluster test's tables, after sql/schema.sql and sql/data/article.sql.
-- Run by tests/cluster/run.sh through the dqlite shell, which splits its
-- input at every semicolon: none inside a statement or a comment here.

-- Generated monthly trade: 3 partners, 2019-01 .. 2023-06, exports and
-- imports (324 rows), the USA's exports of 2021-07 missing (323 rows).
CREATE TABLE trade_monthly (
  partner TEXT NOT NULL,
  period  TEXT NOT NULL,
  flow    TEXT NOT NULL,
  amount  REAL,
  PRIMARY KEY (partner, period, flow)
);
WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 53)
INSERT INTO trade_monthly
SELECT p.name, printf('%04d-%02d', 2019 + i / 12, i % 12 + 1), f.flow,
       round((80 + 3 * i + 11 * p.k + 9 * ((7 * i + p.k) % 5)) * f.scale, 1)
FROM m,
     (SELECT 1 AS k, 'Japan' AS name UNION ALL SELECT 2, 'USA' UNION ALL SELECT 3, 'Vietnam') AS p,
     (SELECT 'export' AS flow, 1.1 AS scale UNION ALL SELECT 'import', 0.95) AS f
WHERE NOT (p.name = 'USA' AND f.flow = 'export' AND i = 30);

-- The three virtual tables, over the article's figures and the monthly rows.
CREATE VIRTUAL TABLE article_growth USING yoy_growth(source=direct_trade, value=amount,
  period=period, by='flow, partner');
CREATE VIRTUAL TABLE article_balance USING trade_imbalance(source=direct_trade, value=amount,
  period=period, flow=flow, by=partner);
CREATE VIRTUAL TABLE article_outlook USING annual_projection(source=direct_trade, value=amount,
  period=period, by='flow, partner', method=prior_share);
CREATE VIRTUAL TABLE monthly_growth USING yoy_growth(source=trade_monthly, value=amount,
  period=period, by='partner, flow');
CREATE VIRTUAL TABLE quarterly_balance USING trade_imbalance(source=trade_monthly, value=amount,
  period=period, flow=flow, by=partner, grain=quarter);
CREATE VIRTUAL TABLE monthly_outlook USING annual_projection(source=trade_monthly, value=amount,
  period=period, by='partner, flow', method=auto, level=80);

-- A table the test writes to while one node is down.
CREATE TABLE failover_marker (note TEXT NOT NULL);
