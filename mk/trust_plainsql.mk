# Trust: the series tables against the plain SQL an analyst writes on
# the same source (GROUP BY, self-joins for the year before, conditional
# sums of the flows, the same WHERE): yoy_growth and trade_imbalance over
# rowid, WITHOUT ROWID, view, generated-column, attached and shadowed
# sources, key columns of every affinity and collation, both scan paths
# and both forms.  Seeded; a differing figure fails, an error does not.
# plainsqljoinstest: a trade_imbalance and a yoy_growth table joined,
# correlated, in EXISTS, IN, a CTE and under LIMIT, against their copies.
#   make plainsqltest plainsqltradetest plainsqljoinstest [PLAINSQL_WORLDS=n PLAINSQL_SEED=s]
PLAINSQL_WORLDS ?= 60
PLAINSQL_SEED   ?= 1
$(eval $(call trust_suite,plainsqltest,plainsql_diff.py,--worlds $$(PLAINSQL_WORLDS) --seed $$(PLAINSQL_SEED)))
$(eval $(call trust_suite,plainsqltradetest,plainsql_trade.py,--worlds $$(PLAINSQL_WORLDS) --seed $$(PLAINSQL_SEED)))
$(eval $(call trust_suite,plainsqljoinstest,plainsql_joins.py,--worlds $$(PLAINSQL_WORLDS) --seed $$(PLAINSQL_SEED)))
