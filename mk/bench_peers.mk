# tradestat beside DuckDB and pandas on the benchmark's own data and tasks
# (tests/bench/peers/).  Both peers are optional, like R: DuckDB runs when
# npm is present (@duckdb/node-api is installed into build/bench/), pandas
# when /usr/bin/python3 can import it (`make deps-bench-peers`); `make test`
# needs neither.  npm and node are not installed for you (nodejs/npm).  bench-peers is listed in BENCH_TARGETS by bench_perf.mk,
# right after bench-speed, whose --tsv results it reads.
.PHONY: bench-peers deps-bench-peers
BENCH_PEERS_PKGS := python3-pandas

deps-bench-peers:
	@sh tests/deps.sh $(BENCH_PEERS_PKGS)

# Written by bench-speed; on its own, bench-peers runs just the queries it needs.
$(BENCH_DIR)/tradestat-%.tsv: $(BENCH_DIR)/run $(BENCH_DIR)/data-%.db
	$(BENCH_DIR)/run $(BENCH_DIR)/data-$*.db --repeat $(BENCH_REPEAT) \
	  --only yoy_vtab,selfjoin,trade_full,trade_full_sql,annual,annual_sql,proj_latest,proj_latest_sql,txn_vtab,txn_substr,scan_dt,scan_txn \
	  --tsv $@

bench-peers: $(BENCH_DIR)/tradestat-$(BENCH_SCALE).tsv
	@sh tests/bench/peers/run.sh $(BENCH_DIR)/data-$(BENCH_SCALE).db $(BENCH_DIR) $< $(BENCH_REPEAT)
