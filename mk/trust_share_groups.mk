# Trust: with two or three by columns, yoy_growth's share, share_change
# and contribution are the PARTITION BY meaning (the parts are the last
# by column's values within each combination of the others), worked out
# in Python on seeded random tables with NOCASE, case-distinct, numeric
# and NULL group keys, NULL cells, both scan paths; a total row in each
# group is refused, and total= divides by each group's own.
#   make sharetest [SHARE_TABLES=n SHARE_SEED=s]
SHARE_TABLES ?= 200
SHARE_SEED   ?= 1
$(eval $(call trust_suite,sharetest,share_groups.py,--tables $$(SHARE_TABLES) --seed $$(SHARE_SEED)))
