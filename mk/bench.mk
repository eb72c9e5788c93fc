# `make bench` runs every benchmark an area lists in BENCH_TARGETS
# (each mk/<area>.mk appends its own: BENCH_TARGETS += bench-<name>).
.PHONY: bench
bench:
	@$(MAKE) --no-print-directory $(BENCH_TARGETS)

# Shared by every bench fragment (this file is read before them).
BENCH_SCALE  ?= 1
BENCH_REPEAT ?= 3
BENCH_DIR    := $(BUILD)/bench
