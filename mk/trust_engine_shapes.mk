# Trust: a series table in the query shapes and connection states the
# other differential suites leave out (tests/trust/engine_shapes.py):
# ORDER BY ... DESC with LIMIT and OFFSET, self-joins in both loop orders,
# IS [NOT] DISTINCT FROM, windows, CTEs (recursive too), compound SELECTs,
# correlated subqueries and EXISTS, rowids, a prepared statement bound
# again, two statements stepped in turn, the table-valued form's
# arguments given per branch of an OR, under reverse_unordered_selects,
# case_sensitive_like and a one-page cache, outer joins, a GROUP BY view
# as the source, each against the table's
# materialized copy.
#   make engineshapestest ENGINE_SEED=7 ENGINE_WORLDS=400
ENGINE_SEED   ?= 20261202
ENGINE_WORLDS ?= 150
$(eval $(call trust_suite,engineshapestest,engine_shapes.py,--seed $$(ENGINE_SEED) --worlds $$(ENGINE_WORLDS)))
