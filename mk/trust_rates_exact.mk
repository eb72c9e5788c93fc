# Trust: trade_imbalance's normalized and grubel_lloyd rounded once, cagr
# within 4 ulps of its exact value (one year: pct_change's double), and
# annual_run_rate of INTEGERs rounded once, the aggregate's the scalar's.
#   make ratestest [RATES_PAIRS=n RATES_SEED=s]
RATES_PAIRS ?= 30000
RATES_SEED  ?= 1
$(eval $(call trust_suite,ratestest,rates_exact.py,--pairs $$(RATES_PAIRS) --seed $$(RATES_SEED)))
