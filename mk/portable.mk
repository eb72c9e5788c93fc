# Portable C: the library builds as ISO C11 with -pedantic -Werror, and
# the 128-bit sums run on the two-word fallback (-DTS_PORTABLE_INT128) as
# they would on a compiler without __int128.  The unit tests and the SQL
# tests run against that build.
TEST_TARGETS += portabletest
PORTABLE_BUILD := build/portable
PORTABLE_MAKE   = $(MAKE) --no-print-directory BUILD=$(PORTABLE_BUILD) \
                  CFLAGS="-O1 -std=c11 -pedantic -Werror -DTS_PORTABLE_INT128"
.PHONY: portabletest

portabletest:
	@$(PORTABLE_MAKE) all static >/dev/null
	@$(PORTABLE_MAKE) unit >$(PORTABLE_BUILD)/unit.log 2>&1 || { cat $(PORTABLE_BUILD)/unit.log; exit 1; }
	@sh tests/reliability/sql_under.sh $(PORTABLE_BUILD)/tradestat
	@echo "portabletest: C11 -pedantic build, portable 128-bit sums: unit and SQL tests pass"
