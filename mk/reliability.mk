# Reliability and security: fault injection, sanitizers, fuzzing,
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
TEST_PREREQS += $(REL)/oom $(REL)/ioerr $(REL)/safety $(REL)/threads

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

# ---- SQL tests under a wrapper (sanitizers, valgrind) --------------------
# tests/reliability/sql_under.sh runs every tests/sql/*.sql with the runner
# of tests/sql/run.sh, the .load line pointed at another build, through an
# optional wrapper command, and compares each check's output like it.

SAN_CC    ?= clang
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined \
             -fno-omit-frame-pointer
SAN_BUILD := build/asan
# The sqlite3 shell is not instrumented: the ASan runtime is preloaded so the
# instrumented extension can be loaded into it.
ASAN_RT    = $(shell $(SAN_CC) -print-file-name=libclang_rt.asan-x86_64.so)
SAN_ENV    = ASAN_OPTIONS=detect_leaks=1:exitcode=98 UBSAN_OPTIONS=print_stacktrace=1
SAN_MAKE   = $(MAKE) --no-print-directory BUILD=$(SAN_BUILD) CC=$(SAN_CC) \
             CFLAGS="$(SAN_FLAGS)" LDLIBS="-lm $(SAN_FLAGS)"

# Everything built with ASan+UBSan in build/asan: unit tests, the SQL tests
# (shell with the runtime preloaded), the C harnesses (OOM, I/O errors, safe
# defaults, threads) and the Python case tables (leak checks off: CPython
# itself keeps memory until exit).
sanitize:
	@$(SAN_MAKE) all static
	@$(SAN_ENV) $(SAN_MAKE) unit
	@$(SAN_ENV) LD_PRELOAD=$(ASAN_RT) sh tests/reliability/sql_under.sh $(SAN_BUILD)/tradestat
	@$(SAN_ENV) $(SAN_MAKE) oomtest ioerrtest safetytest threadtest
	@ASAN_OPTIONS=detect_leaks=0:exitcode=98 LD_PRELOAD=$(ASAN_RT) \
	  $(SAN_MAKE) hostiletest oracletest windowtest utf8msgtest HOSTILE_ROWS=200000
	@echo "sanitize: unit, SQL, OOM, I/O-error, safety, thread, case-table and message tests clean under ASan+UBSan"

# One pass of the SQL tests under valgrind (the plain build).
valgrind: $(BUILD)/tradestat.so
	@NO_DIFF=1 sh tests/reliability/sql_under.sh $(BUILD)/tradestat \
	  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --suppressions=tests/reliability/valgrind.supp

# ThreadSanitizer over the thread harness.
tsan:
	@$(MAKE) --no-print-directory BUILD=build/tsan CC=clang CFLAGS="-O1 -g -fsanitize=thread" \
	  LDLIBS="-lm -fsanitize=thread" static
	@TSAN_OPTIONS=halt_on_error=1:exitcode=97 $(MAKE) --no-print-directory BUILD=build/tsan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=thread" LDLIBS="-lm -fsanitize=thread" threadtest

# ---- fuzzing -------------------------------------------------------------
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_BUILD := build/fuzz
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
              -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZERS := period args sql
FUZZ_BIN := $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZERS))

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="$(FUZZ_FLAGS)" static
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(REL_LIB) $(REL_HDR) $(FUZZ_BUILD)/libtradestat.a
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer $(WARN) -DSQLITE_CORE -Iext -Itests/reliability \
	  $< $(REL_LIB) -o $@ $(FUZZ_BUILD)/libtradestat.a -lsqlite3 -lm

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

fuzz-smoke: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZERS)

# ---- coverage ------------------------------------------------------------
COV_BUILD := build/cov
COV_MAKE = $(MAKE) --no-print-directory BUILD=$(COV_BUILD) CC=gcc CFLAGS="-O0 -g --coverage" \
           LDLIBS="-lm --coverage"
LCOV := lcov --quiet --rc lcov_branch_coverage=1

coverage:
	@rm -rf $(COV_BUILD)
	@$(COV_MAKE) all static
	@$(COV_MAKE) unit oomtest ioerrtest safetytest threadtest >/dev/null
	@sh tests/reliability/sql_under.sh $(COV_BUILD)/tradestat >/dev/null
	@$(COV_MAKE) hostiletest oracletest windowtest HOSTILE_ROWS=10000 >/dev/null
	@$(LCOV) --capture --directory $(COV_BUILD) --output-file $(COV_BUILD)/all.info 2>&1 | grep -v 'redefined at' || true
	@$(LCOV) --extract $(COV_BUILD)/all.info '*/ext/*' --output-file $(COV_BUILD)/ext.info
	@genhtml --quiet --branch-coverage $(COV_BUILD)/ext.info --output-directory $(COV_BUILD)/html
	@$(LCOV) --list $(COV_BUILD)/ext.info
	@$(LCOV) --summary $(COV_BUILD)/ext.info
	@echo "coverage: per-line report in $(COV_BUILD)/html/index.html"
