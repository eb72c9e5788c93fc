-- tradestat: the direct-trade table the examples and tests use.
-- One row per period, flow, partner and category.  `flow` is seen from the
-- reporting country (Korea): 'export' = foreigners buying from Korean
-- sellers (KOSIS "overseas direct sales"), 'import' = Koreans buying from
-- abroad ("overseas direct purchases").  `amount` is in `unit`.
CREATE TABLE IF NOT EXISTS direct_trade (
  period   TEXT NOT NULL,          -- any label period_normalize() accepts
  flow     TEXT NOT NULL CHECK (flow IN ('export', 'import')),
  partner  TEXT NOT NULL,          -- the other country, or 'World'
  category TEXT NOT NULL DEFAULT 'all',
  amount   NUMERIC,                -- NULL: not published
  unit     TEXT NOT NULL,          -- e.g. 'KRW bn', 'USD bn'
  source   TEXT,                   -- where the figure comes from
  PRIMARY KEY (flow, partner, category, period)
);
