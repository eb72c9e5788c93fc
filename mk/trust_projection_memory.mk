# Trust: what annual_projection's pre-pass keeps is bounded (64 MiB of
# grids and backtests), on a source whose series span 9,999 years in two
# rows each; and the bound never changes an answer: every row is compared
# with a build whose budget is 256 KiB (build/projmem), where many series
# are backtested again instead of kept.
PROJMEM_BUILD := $(BUILD)/projmem
PROJMEM_MAKE   = $(MAKE) --no-print-directory BUILD=$(PROJMEM_BUILD) \
                 CFLAGS="-O2 -g -DTS_PROJ_KEEP_BYTES=262144"
.PHONY: projmem-build

projmem-build:
	@$(PROJMEM_MAKE) all >/dev/null

$(eval $(call trust_suite,projmemtest,projection_memory.py,$(PROJMEM_BUILD)/tradestat,projmem-build))

# The same code keeping nothing (-DTS_PROJ_KEEP_BYTES=0: every series is
# backtested again, auto's set aside): the SQL tests, the projection
# properties and the out-of-memory injection (the set-aside paths' fault
# points) on that build.  About 2 minutes; not in TEST_TARGETS.
PROJMEM0_MAKE = $(MAKE) --no-print-directory BUILD=$(BUILD)/projmem0 \
                CFLAGS="-O2 -g -DTS_PROJ_KEEP_BYTES=0"
.PHONY: projmem-zerotest

projmem-zerotest:
	@$(PROJMEM0_MAKE) all static >/dev/null
	@sh tests/reliability/sql_under.sh $(BUILD)/projmem0/tradestat
	@$(PROJMEM0_MAKE) propstest cachetest oomtest
