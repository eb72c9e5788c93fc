# annual_projection: the accuracy report.
BENCH_TARGETS += bench-accuracy
.PHONY: bench-accuracy

$(BUILD)/bench/projection_accuracy: tests/bench/projection_accuracy.c $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -DSQLITE_CORE -Iext $< -o $@ $(BUILD)/libtradestat.a -lsqlite3 $(LDLIBS)

# Beside R (tests/bench/accuracy/): the same cases through annual_projection's
# SQL, and R's forecast package on them when Rscript has it (optional:
# `make deps-bench-r` installs r-cran-forecast; `make test` never needs R).
BENCH_R_NSIM  ?= 200
BENCH_R_CORES ?= $(shell nproc 2>/dev/null || echo 1)
BENCH_R_PKGS  := r-base-core r-cran-forecast
.PHONY: deps-bench-r

deps-bench-r:
	@sh tests/deps.sh $(BENCH_R_PKGS)

$(BUILD)/bench/accuracy_cases: tests/bench/accuracy/cases.c $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $< -o $@ $(BUILD)/libtradestat.a -lsqlite3 $(LDLIBS)

bench-accuracy: $(BUILD)/bench/projection_accuracy $(BUILD)/bench/accuracy_cases
	@$(BUILD)/bench/projection_accuracy sql/data/kosis/*.csv
	@echo
	@echo "annual_projection beside R's forecast package, same cases (H1 projections):"
	@sh tests/bench/accuracy/run.sh $(BUILD)/bench/accuracy_cases $(BUILD)/bench/accuracy \
	  $(BENCH_R_NSIM) $(BENCH_R_CORES)

# The same comparison on a holdout (sql/data/r_holdout/: public series never
# used to choose a rule or constant), in output folders and an R cache of
# its own: first each data set as one source (the layout of bench-accuracy;
# its series pool their errors), then each series alone (no pool), which
# reuses the first run's R projections (the same cases; run.sh's key says so).
# Not in BENCH_TARGETS: run by hand to check the accuracy targets on series
# the rules were not tuned on.
.PHONY: bench-holdout

bench-holdout: $(BUILD)/bench/accuracy_cases
	@echo "annual_projection beside R's forecast package on the holdout (H1 projections), each data set one source:"
	@sh tests/bench/accuracy/run.sh $(BUILD)/bench/accuracy_cases $(BUILD)/bench/holdout \
	  $(BENCH_R_NSIM) $(BENCH_R_CORES) holdout
	@echo
	@echo "The same cases, each series projected alone (no pool):"
	@mkdir -p $(BUILD)/bench/holdout-alone
	@for f in r.csv r.key r.log; do \
	  if [ -f $(BUILD)/bench/holdout/$$f ]; then cp $(BUILD)/bench/holdout/$$f $(BUILD)/bench/holdout-alone/; fi; done
	@sh tests/bench/accuracy/run.sh $(BUILD)/bench/accuracy_cases $(BUILD)/bench/holdout-alone \
	  $(BENCH_R_NSIM) $(BENCH_R_CORES) holdout-alone
