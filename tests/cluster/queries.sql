-- The queries tests/cluster/run.sh asks the cluster before and after the
-- leader is killed, through the node that rejoined, and (with sqlite3 and
-- the extension) a local database built from the same statements and each
-- node's own copy of the database.  One query per line, each starting with
-- SELECT (the dqlite shell prints rows only for those) and without a
-- semicolon (the shell splits its input at each one).
-- Every column goes through quote(): exact REALs, NULL as NULL, and the
-- same text from the dqlite shell and from sqlite3.
SELECT quote(flow), quote(partner), quote(period), quote(value), quote(prior_period), quote(prior_value), quote(change), quote(growth), quote(ytd_value), quote(prior_ytd_value), quote(ytd_growth), quote(note) FROM article_growth ORDER BY flow, partner, period
SELECT quote(partner), quote(period), quote(exports), quote(imports), quote(balance), quote(coverage), quote(normalized), quote(grubel_lloyd), quote(prior_balance), quote(balance_change), quote(balance_growth), quote(exports_growth), quote(imports_growth), quote(note) FROM article_balance ORDER BY partner, period
SELECT quote(flow), quote(partner), quote(year), quote(through), quote(periods_observed), quote(periods_per_year), quote(ytd), quote(projection), quote(low), quote(high), quote(method), quote(actual), quote(error), quote(note) FROM article_outlook ORDER BY flow, partner, year
SELECT quote(partner), quote(flow), quote(period), quote(value), quote(prior_period), quote(prior_value), quote(change), quote(growth), quote(ytd_value), quote(prior_ytd_value), quote(ytd_growth), quote(note) FROM monthly_growth ORDER BY partner, flow, period
SELECT quote(partner), quote(period), quote(exports), quote(imports), quote(balance), quote(coverage), quote(normalized), quote(grubel_lloyd), quote(prior_balance), quote(balance_change), quote(balance_growth), quote(exports_growth), quote(imports_growth), quote(note) FROM quarterly_balance ORDER BY partner, period
SELECT quote(partner), quote(flow), quote(year), quote(through), quote(periods_observed), quote(periods_per_year), quote(ytd), quote(projection), quote(low), quote(high), quote(method), quote(actual), quote(error), quote(note) FROM monthly_outlook ORDER BY partner, flow, year
SELECT quote(series), quote(period), quote(value), quote(growth), quote(ytd_growth), quote(note) FROM yoy_growth('trade_monthly', 'amount', 'period', 'partner', 'grain=month') WHERE series = 'USA' AND period >= '2021-05' AND period < '2021-10' ORDER BY period
SELECT quote(pct_change(1400, 680.8)), quote(pct_change(451, 751.7)), quote(period_normalize('2023 1/2')), quote(period_normalize('2023.06')), quote(period_prior_year('2023-H1')), quote(trade_imbalance(451, 1400)), quote(trade_imbalance(451, 1400, 'coverage')), quote(trade_imbalance(451, 1400, 'normalized')), quote(cagr(2.75, 4.73, 4)), quote(annual_run_rate(1400, '2023-H1'))
SELECT quote(partner), quote(flow), quote(yoy_growth(amount, period)), quote(ytd_growth(amount, period)), quote(sparkline(amount, period)) FROM trade_monthly GROUP BY partner, flow ORDER BY partner, flow
SELECT quote(partner), quote(period_year(period)), quote(trade_imbalance(sum(amount) FILTER (WHERE flow = 'export'), sum(amount) FILTER (WHERE flow = 'import'), 'grubel_lloyd')) FROM trade_monthly GROUP BY partner, period_year(period) ORDER BY 1, 2
