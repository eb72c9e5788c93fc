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
