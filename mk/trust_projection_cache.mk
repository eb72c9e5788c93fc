# Trust: annual_projection keeps its whole-source pre-pass across the
# filters of one statement (a join's inner loop, a correlated subquery);
# tests/trust/projection_cache.py writes the source between two filters,
# from the same and from another connection, and compares every row with
# the plain query on a copy holding the writes that row can see.
TEST_TARGETS += cachetest
TEST_PKGS += python3

.PHONY: cachetest
cachetest: $(BUILD)/tradestat.so
	@/usr/bin/python3 tests/trust/projection_cache.py $(BUILD)/tradestat
