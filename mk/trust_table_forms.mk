# Trust: the trade_imbalance and annual_projection tables against plain
# SQL on the same rows (tests/trust/table_forms.py): conditional sums and
# GROUP BY for the trade sides and balance under collations, affinities,
# WITHOUT ROWID, grain= and both scan paths, a WHERE on a typed copy; each
# fixed method's table row against the annual_projection aggregate over
# the same rows (grain= roll-ups too); two-level reconcile= totals against
# their parts' projections; the kept reconciliation after writes, another
# connection's commit and a rolled-back savepoint.
TABLE_FORMS_SEED ?= 20261202
$(eval $(call trust_suite,formstest,table_forms.py,--seed $$(TABLE_FORMS_SEED)))
