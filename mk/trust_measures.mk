# Trust: every figure of yoy_growth and trade_imbalance is its plain
# meaning.  Seeded random sources (years to days, every label form,
# INTEGER / REAL / NULL values, zeros and negatives, flow labels in every
# accepted spelling, grain= roll-ups with missing months, KOSIS's
# preliminary marks); the expected rows are worked out in Python with
# exact fractions from the rows alone, and every column and note of both
# tables (long and wide, both scan paths), the aggregate and window
# yoy_growth / ytd_growth, cagr and sparkline are compared with them.
#   make measurestest [MEASURES_TABLES=n MEASURES_SEED=s]
MEASURES_TABLES ?= 300
MEASURES_SEED   ?= 1
TEST_TARGETS  += measurestest
TEST_PKGS     += python3
.PHONY: measurestest

measurestest: $(BUILD)/tradestat.so
	@/usr/bin/python3 tests/trust/measures_oracle.py $(BUILD)/tradestat --tables $(MEASURES_TABLES) \
	  --seed $(MEASURES_SEED)
