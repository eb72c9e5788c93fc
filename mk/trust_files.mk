# Trust: DROP TABLE always works, kosis_csv touches no file before SQLite
# can refuse the table, one prefix per message (docs/design.md, "Trust
# guarantees").  `make filetest` runs tests/trust/files.py (FIFOs,
# /dev/zero, size limit, linear parsing in instructions, interrupts, DROP from a
# new connection, exact messages) and tests/trust/oom_connect.c (out of
# memory on the connect / first-query paths).

TEST_TARGETS += filetest

PYTHON_EXT ?= /usr/bin/python3
TRUST := $(BUILD)/trust
TEST_PREREQS += $(TRUST)/oom_connect

.PHONY: filetest

$(TRUST)/oom_connect: tests/trust/oom_connect.c tests/reliability/harness.c tests/reliability/cases.c \
                      tests/reliability/harness.h $(BUILD)/libtradestat.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -DSQLITE_CORE -Iext -Itests/reliability $< tests/reliability/harness.c \
	  tests/reliability/cases.c -o $@ $(BUILD)/libtradestat.a -lsqlite3 $(LDLIBS)

filetest: $(BUILD)/tradestat.so $(TRUST)/oom_connect
	@$(PYTHON_EXT) tests/trust/files.py $(BUILD)/tradestat
	@$(TRUST)/oom_connect
