# Trust: annual_projection's avg_share and known years against their
# definitions in exact fractions (INTEGER figures past 2^53 whose sums
# cancel included), and every interval with both bounds finite or none,
# near the largest double and at levels up to 99.999
# (tests/trust/projection_exact.py).
PROJ_EXACT_SEED ?= 1
$(eval $(call trust_suite,projexacttest,projection_exact.py,--seed $$(PROJ_EXACT_SEED)))
