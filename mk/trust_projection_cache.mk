# Trust: annual_projection keeps its whole-source pre-pass across the
# filters of one statement (a join's inner loop, a correlated subquery);
# tests/trust/projection_cache.py writes the source between two filters,
# from the same and from another connection, and compares every row with
# the plain query on a copy holding the writes that row can see.
$(eval $(call trust_suite,cachetest,projection_cache.py))

# The cost it saves: CPU seconds and ratios of a join, a correlated
# subquery and a fixed method's intervals under a year bound against the
# plain query (no timed assertion; the shapes' answers must agree).
# `make bench-projection-join BENCH_OLD=path/to/old/tradestat` measures an
# older build beside this one.
BENCH_TARGETS += bench-projection-join
.PHONY: bench-projection-join

bench-projection-join: $(BUILD)/tradestat.so
	@/usr/bin/python3 tests/trust/projection_join_bench.py $(BUILD)/tradestat $(BENCH_OLD)
