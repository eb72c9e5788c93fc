# tradestat beside DuckDB and pandas on the benchmark's own data and tasks
# (tests/bench/peers/), timed back to back in rounds: long-lived workers
# (build/bench/peers-sqlite for tradestat and SQLite's scan floor, a Node
# process holding DuckDB, a Python process holding pandas) driven task by
# task over pipes by rounds.py.  Both peers are optional, like R: DuckDB
# runs when npm and node are present (@duckdb/node-api is installed into
# build/bench/), pandas when /usr/bin/python3 can import it (`make
# deps-bench-peers`); `make test` needs neither.  bench-peers is listed in
# BENCH_TARGETS by bench_perf.mk.  bench-smoke (bench_perf.mk) checks the
# report with tests/bench/peers/report_check.sh, which drives the worker
# below on the smoke data: listed as its prerequisite here.
.PHONY: bench-peers deps-bench-peers
BENCH_PEERS_PKGS := python3-pandas

deps-bench-peers:
	@sh tests/deps.sh $(BENCH_PEERS_PKGS)

$(BENCH_DIR)/peers-sqlite: tests/bench/peers/sqlite_worker.c tests/bench/tasks.c tests/bench/tasks.h $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) tests/bench/peers/sqlite_worker.c tests/bench/tasks.c -o $@ \
	  $(BUILD)/libtradestat.a -lsqlite3 $(LDLIBS)

bench-peers: $(BENCH_DIR)/peers-sqlite $(BENCH_DIR)/data-$(BENCH_SCALE).db
	@sh tests/bench/peers/run.sh $(BENCH_DIR)/data-$(BENCH_SCALE).db $(BENCH_DIR) $(BENCH_REPEAT)

bench-smoke: $(BENCH_DIR)/peers-sqlite
TEST_PREREQS += $(BENCH_DIR)/peers-sqlite
