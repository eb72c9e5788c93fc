# Trust: summed periods are the exact sums on both scan paths
# (docs/conventions.md, "Sums"; docs/design.md, "Scan paths").  `make sumstest` runs
#   sums_check.py  random sources mixing INTEGER and REAL values in one
#                  period (the hash path's slots, side array), values at
#                  +-2^63 and 2^53, -0.0, TEXT numbers, through yoy_growth
#                  and trade_imbalance with scan=hash, stream and auto:
#                  the same rows bit for bit, and each sum checked against
#                  the exact sum computed in rationals
$(eval $(call trust_suite,sumstest,sums_check.py))
