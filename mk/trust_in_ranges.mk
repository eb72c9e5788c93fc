# Trust: a series column's IN list is read as ranges that hold every row
# SQLite's own collations could keep (docs/design.md, "Pushdown never
# changes the answer").  `make inrangestest` runs
#   in_ranges.py  seeded sources whose keys are case and trailing-space
#                 variants (BINARY, NOCASE and RTRIM key columns, indexed
#                 or not); IN lists and ORs of equalities under mixed
#                 COLLATEs on yoy_growth, annual_projection and
#                 trade_imbalance tables against their materialized copies, the OR
#                 as the UNION of its branches; also on a connection with
#                 a collation of the application's.
#                 IN_RANGES_SEED=n replays another seed.
IN_RANGES_SEED ?= 1
$(eval $(call trust_suite,inrangestest,in_ranges.py,--seed $$(IN_RANGES_SEED)))
