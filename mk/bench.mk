# `make bench` runs every benchmark an area lists in BENCH_TARGETS
# (each mk/<area>.mk appends its own: BENCH_TARGETS += bench-<name>).
.PHONY: bench
bench:
	@$(MAKE) --no-print-directory $(BENCH_TARGETS)
