# Trust: what choosing the scan path asks of the source (row count,
# covering index, key collations) is asked once per table, not once per
# outer row of a join, and asked again when an index or sqlite_stat1
# changes, on this connection or another; a view or a virtual table as
# the source is never probed (tests/trust/probes_check.py).  The source
# query's statements kept between filters never answer stale: the source
# written between two filters of a join and between queries, in and out of
# a transaction, and its schema changed; no lock is held after a query
# (tests/trust/probes_keep.py).
TEST_TARGETS += probestest
TEST_PKGS += python3

.PHONY: probestest
probestest: $(BUILD)/tradestat.so
	@/usr/bin/python3 tests/trust/probes_check.py $(BUILD)/tradestat
	@/usr/bin/python3 tests/trust/probes_keep.py $(BUILD)/tradestat

# The cost it saves, in callgrind instructions (the machine's wall times
# are noise): a join whose inner loop filters a series table 3,000 times.
# `make bench-probes BENCH_OLD=path/to/old/tradestat` measures an older
# build beside this one and prints the ratio (no assertion on it).
BENCH_TARGETS += bench-probes
BENCH_PROBES_PKGS := valgrind sqlite3 python3
.PHONY: bench-probes

bench-probes: $(BUILD)/tradestat.so
	@sh tests/deps.sh $(BENCH_PROBES_PKGS)
	@/usr/bin/python3 tests/trust/probes_bench.py $(BUILD)/tradestat $(BENCH_OLD)
