SELECT partner, period, annual_projection(amount, period, 'prior_share') OVER (PARTITION BY partner ORDER BY period) FROM direct_trade WHERE flow = 'import' ORDER BY 1, 2;
