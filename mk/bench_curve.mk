# Scaling: the YoY, trade and grain=month tasks at 1/4, 1 and 4 x the data,
# time and peak memory each (tests/bench/curve.sh).  Not part of `make
# bench`: the 4 x data set (9.6 M + 40 M rows, about 4 GB) takes minutes to
# build.  BENCH_CURVE_SCALES="0.25 1" for a smaller top.
BENCH_CURVE_SCALES ?= 0.25 1 4
.PHONY: bench-curve

bench-curve: $(BENCH_DIR)/run $(BENCH_DIR)/gen
	@sh tests/bench/curve.sh $(BENCH_DIR) "$(BENCH_CURVE_SCALES)"
