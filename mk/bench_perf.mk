# Speed and memory against plain SQL: `make bench` runs it at
# full size (BENCH_SCALE=1: 2.4 M + 10 M rows); `make bench-speed
# BENCH_SCALE=0.1` is the same code on a tenth.  `make test` runs a tiny
# bench-smoke so the runner and its agreement checks cannot rot (and so
# that the holdout of `make bench-holdout` stays sound data: holdout_check.py).
# bench-peers (bench_peers.mk) times DuckDB and pandas beside tradestat in
# rounds of its own; it reads nothing bench-speed writes.
BENCH_TARGETS += bench-speed bench-peers
TEST_TARGETS  += bench-smoke
TEST_PREREQS  += $(BENCH_DIR)/run $(BENCH_DIR)/gen
.PHONY: bench-speed bench-smoke

$(BENCH_DIR)/gen: tests/bench/gen.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $< -o $@ -lsqlite3 $(LDLIBS)

$(BENCH_DIR)/run: tests/bench/run.c tests/bench/tasks.c tests/bench/tasks.h $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) tests/bench/run.c tests/bench/tasks.c -o $@ $(BUILD)/libtradestat.a -lsqlite3 $(LDLIBS)

# The data depends only on the generator and the scale.
$(BENCH_DIR)/data-%.db: $(BENCH_DIR)/gen
	$(BENCH_DIR)/gen $@ --scale $*

bench-speed: $(BENCH_DIR)/run $(BENCH_DIR)/data-$(BENCH_SCALE).db
	$(BENCH_DIR)/run $(BENCH_DIR)/data-$(BENCH_SCALE).db --repeat $(BENCH_REPEAT)

bench-smoke: $(BENCH_DIR)/run $(BENCH_DIR)/gen
	@$(BENCH_DIR)/gen $(BENCH_DIR)/smoke.db --partners 8 --categories 2 --months 48 --txn-rows 30000 >/dev/null
	@$(BENCH_DIR)/run $(BENCH_DIR)/smoke.db --repeat 3 --tsv $(BENCH_DIR)/smoke.tsv \
	  >$(BENCH_DIR)/smoke.out 2>$(BENCH_DIR)/smoke.log \
	  || { cat $(BENCH_DIR)/smoke.log; echo "bench-smoke: FAILED"; exit 1; }
	@sh tests/bench/table_check.sh $(BENCH_DIR)/smoke.out 3 $(BENCH_DIR)
	@sh tests/bench/peers/report_check.sh $(BENCH_DIR)/smoke.tsv $(BENCH_DIR)
	@python3 tests/bench/accuracy/holdout_check.py --selftest
	@echo "bench-smoke: every query ran in 3 interleaved rounds; extension and plain SQL agree;" \
	  "the table's medians and ratios parse (and a spoilt table is rejected); the peers' check rejects a wrong count or sum;" \
	  "bench-holdout's series parse, hold whole years and share nothing with the tuning series"
