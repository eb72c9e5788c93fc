# Trust: a total row among series of both signs (balances) is refused in
# the shapes published tables give it -- missing a year, starting later,
# rounded apart -- and tables of balances without one are not; every
# share is checked against plain Python.
#   make totalsignedtest [TOTAL_SIGNED_TABLES=n TOTAL_SEED=s]
TOTAL_SIGNED_TABLES ?= 400
TOTAL_SEED          ?= 1
$(eval $(call trust_suite,totalsignedtest,total_rows_signed.py,--tables $$(TOTAL_SIGNED_TABLES) --seed $$(TOTAL_SEED)))
