# Trust: the period functions (period_normalize, _kind, _year, _shift,
# _prior_year, _rollup, _year_fraction, _start, _end) against a calendar
# model over the years 1-9999, and for days against SQLite's own date().
#   make periodtest [PERIOD_ROUNDS=n PERIOD_SEED=s]
PERIOD_ROUNDS ?= 20000
PERIOD_SEED   ?= 1
$(eval $(call trust_suite,periodtest,period_oracle.py,--rounds $$(PERIOD_ROUNDS) --seed $$(PERIOD_SEED)))
