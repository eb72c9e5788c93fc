# Trust: the streaming scan's two orders give the same answers.  A
# watched index walk (vtab/series_walk.c, "index walk or sort") switches
# to a sorted storage-order read only when it misses the page cache, which
# the small sources of the trust suites never do.  `make ordertest`
# builds the extension again with -DTS_WATCH_ALWAYS (every watched walk
# switches after its first series) into $(BUILD)/always and runs the
# suites whose sources are indexed on their series columns against it:
# every answer they check then comes from the sorted read after a switch.
# (tests/unit/test_scan_order.c checks the real rule, with a cache of 10
# pages against one that holds the table.)
ORDER_BUILD := $(BUILD)/always
.PHONY: ordertest

ordertest:
	@$(MAKE) --no-print-directory BUILD=$(ORDER_BUILD) CFLAGS="$(CFLAGS) -DTS_WATCH_ALWAYS" \
	  $(ORDER_BUILD)/tradestat.so >/dev/null
	@$(MAKE) --no-print-directory BUILD=$(ORDER_BUILD) CFLAGS="$(CFLAGS) -DTS_WATCH_ALWAYS" \
	  pathstest difftest writetest
	@# sqltest's run.sh loads build/tradestat unless told otherwise; the
	@# runner's self-test (selftest.py) checks the runner, not a build: sqltest runs it
	@sh tests/sql/run.sh --load $(ORDER_BUILD)/tradestat
	@echo "ordertest: with every watched index walk switched to the sorted read, the suites agree"
TEST_TARGETS += ordertest
