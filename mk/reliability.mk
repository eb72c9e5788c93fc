# Reliability and security (issue 6): fault injection, sanitizers, fuzzing,
# hostile input, exact oracles, safe defaults, concurrency, coverage.
# `make test` runs every target in TEST_TARGETS below; `make fuzz` (longer
# fuzzing) and `make coverage` are run by hand.  README "development" says
# what each one checks.

TEST_PKGS += clang valgrind libclang-rt-14-dev lcov
TEST_TARGETS += oomtest ioerrtest safetytest hostiletest oracletest windowtest \
                threadtest sanitize valgrind fuzz-smoke tsan

# Debian's own python3 can load extensions (a python3 earlier on PATH may not).
PYTHON_EXT ?= /usr/bin/python3
REL      := $(BUILD)/reliability
REL_LIB  := tests/reliability/harness.c tests/reliability/cases.c
REL_HDR  := tests/reliability/harness.h $(HDR)
REL_CFLAGS = $(CFLAGS) $(WARN) -DSQLITE_CORE -Iext -Itests/reliability

.PHONY: oomtest ioerrtest safetytest hostiletest oracletest windowtest threadtest \
        sanitize valgrind tsan fuzz fuzz-smoke fuzz-build coverage

# Harness programs: tests/reliability/NAME.c + shared helpers + the static library.
$(REL)/%: tests/reliability/%.c $(REL_LIB) $(REL_HDR) $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(REL_CFLAGS) $< $(REL_LIB) -o $@ $(BUILD)/libtradestat.a -lsqlite3 -lpthread $(LDLIBS)

oomtest: $(REL)/oom
	@$(REL)/oom

ioerrtest: $(REL)/ioerr
	@$(REL)/ioerr

safetytest: $(REL)/safety
	@$(REL)/safety

threadtest: $(REL)/threads
	@$(REL)/threads

hostiletest: $(BUILD)/tradestat.so
	@$(PYTHON_EXT) tests/reliability/hostile.py $(BUILD)/tradestat

oracletest: $(BUILD)/tradestat.so
	@$(PYTHON_EXT) tests/reliability/oracle.py $(BUILD)/tradestat

windowtest: $(BUILD)/tradestat.so
	@$(PYTHON_EXT) tests/reliability/window_check.py $(BUILD)/tradestat
