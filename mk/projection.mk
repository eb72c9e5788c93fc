# annual_projection: the accuracy report.
BENCH_TARGETS += bench-accuracy
.PHONY: bench-accuracy

$(BUILD)/bench/projection_accuracy: tests/bench/projection_accuracy.c $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -DSQLITE_CORE -Iext $< -o $@ $(BUILD)/libtradestat.a -lsqlite3 $(LDLIBS)

bench-accuracy: $(BUILD)/bench/projection_accuracy
	@$(BUILD)/bench/projection_accuracy sql/data/kosis/*.csv
