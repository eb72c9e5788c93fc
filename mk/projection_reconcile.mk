# annual_projection's reconcile=: does a coherent hierarchy project better?
# Own, bottom-up and WLS (MinT-style) projections of the KOSIS file's
# regional, product and sales-type totals, backtested from Q1, Q2, Q3
# (tests/bench/reconcile_accuracy.py; ratios only, nothing asserted).
# Its checks are tests/sql/projection_reconcile.sql (sqltest) and
# tests/unit/test_projection_reconcile.c (unit).
BENCH_TARGETS += bench-reconcile
TEST_PKGS     += python3
.PHONY: bench-reconcile

bench-reconcile: $(BUILD)/tradestat.so
	@for h in region product type; do \
	  /usr/bin/python3 tests/bench/reconcile_accuracy.py $(BUILD)/tradestat $$h || exit 1; echo; done
