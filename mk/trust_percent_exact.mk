# Trust: pct_change, coverage and yoy_growth's growth are the exact rate
# of the figures rounded once (Python's exact fractions), for integers
# below and past 2^46, decimals, REALs, denormal-sized and huge ones.
#   make percenttest [PERCENT_PAIRS=n PERCENT_SEED=s]
PERCENT_PAIRS ?= 200000
PERCENT_SEED  ?= 1
$(eval $(call trust_suite,percenttest,percent_exact.py,--pairs $$(PERCENT_PAIRS) --seed $$(PERCENT_SEED)))
