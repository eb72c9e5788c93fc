# Trust: a series table inside a bigger query means what the same query
# means in plain SQL (tests/trust/joins_check.py).  Seeded random sources
# (series columns of every declared type, NOCASE, a view, WITHOUT ROWID, a
# TEMP TABLE shadowing the source) under joins, correlated subqueries,
# EXISTS, IN lists and IN (SELECT), ORs, self-joins and ORDER BY ... DESC
# LIMIT / OFFSET: the CREATE form against its copy and against a GROUP BY
# view of the source, the table-valued form against its copy.
#   make joinstest JOINS_SEED=7 JOINS_WORLDS=200
JOINS_SEED   ?= 20261201
JOINS_WORLDS ?= 60
$(eval $(call trust_suite,joinstest,joins_check.py,--seed $$(JOINS_SEED) --worlds $$(JOINS_WORLDS)))
