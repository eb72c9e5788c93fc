# tradestat -- build, test, demo.  `make help` lists the targets.
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
LDLIBS  := -lm
BUILD   := build
SQLITE3 ?= sqlite3

SRC      := $(wildcard ext/*.c)
HDR      := $(wildcard ext/*.h)
OBJ      := $(patsubst ext/%.c,$(BUILD)/obj/%.o,$(SRC))
STATIC_OBJ := $(patsubst ext/%.c,$(BUILD)/static/%.o,$(SRC))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

# Debian packages each goal needs; `make deps-*` installs the missing ones.
BUILD_PKGS := gcc make libc6-dev libsqlite3-dev sqlite3
TEST_PKGS  := $(BUILD_PKGS) libcmocka-dev python3

.PHONY: all static test demo clean help deps-build deps-test unit sqltest readmetest namestest

all: $(BUILD)/tradestat.so

help:
	@echo "make            build $(BUILD)/tradestat.so (load with .load $(BUILD)/tradestat)"
	@echo "make demo       install what is missing, build, run sql/examples in sqlite3"
	@echo "make test       install what is missing, build, run every test"
	@echo "make static     build $(BUILD)/libtradestat.a (-DSQLITE_CORE)"

deps-build:
	@sh tests/deps.sh $(BUILD_PKGS)

deps-test:
	@sh tests/deps.sh $(TEST_PKGS)

$(BUILD)/tradestat.so: $(OBJ)
	$(CC) -shared -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: ext/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -fPIC -c $< -o $@

$(BUILD)/static/%.o: ext/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -DSQLITE_CORE -c $< -o $@

static: $(BUILD)/libtradestat.a

$(BUILD)/libtradestat.a: $(STATIC_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -DSQLITE_CORE -Iext $< -o $@ $(BUILD)/libtradestat.a -lsqlite3 -lcmocka $(LDLIBS)

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

sqltest: $(BUILD)/tradestat.so
	@sh tests/sql/run.sh

readmetest: $(BUILD)/tradestat.so
	@python3 tests/readme_check.py README.md

namestest: $(BUILD)/tradestat.so
	@sh tests/names_check.sh

test: deps-test
	@$(MAKE) --no-print-directory all static
	@$(MAKE) --no-print-directory unit sqltest namestest readmetest

demo: deps-build
	@$(MAKE) --no-print-directory all
	@sh sql/demo.sh

clean:
	rm -rf $(BUILD)
