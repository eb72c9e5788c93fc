# Trust: the series virtual tables give the same answer however they are
# queried.
#   difftest   pushdown never changes the answer: seeded random sources,
#              tables and WHERE clauses, each compared with the same WHERE
#              on a materialized copy (DIFF_SEED=n replays a seed,
#              DIFF_SEED=random picks one; DIFF_QUERIES=n runs more).
#   writetest  INSERT INTO t SELECT ... FROM <series table on t> inserts
#              exactly what the SELECT gives on t before the statement.
PYTHON_EXT   ?= /usr/bin/python3
DIFF_SEED    ?= 1
DIFF_QUERIES ?= 6000

# The shape of a trust suite, which the mk/trust_*.mk fragments share:
#   $(eval $(call trust_suite,TARGET,SCRIPT,ARGS,PREREQUISITES,ENV))
# makes TARGET (phony, in TEST_TARGETS, python3 in TEST_PKGS) run
# `ENV $(PYTHON_EXT) tests/trust/SCRIPT $(BUILD)/tradestat ARGS` once
# the extension and PREREQUISITES are built (the last three may be left
# out; no space after the commas).  Write $$(VAR) in ARGS and
# ENV for a variable read when the suite runs (so VAR=... on the command
# line works).  The suites are Python scripts run by Debian's own python3:
# its sqlite3 can load extensions (tests/trust/common.py).
define trust_suite
TEST_TARGETS += $(1)
TEST_PKGS    += python3
.PHONY: $(1)
$(1): $$(BUILD)/tradestat.so $(4)
	@$(if $(5),$(5) )$$(PYTHON_EXT) tests/trust/$(2) $$(BUILD)/tradestat$(if $(3), $(3))
endef

# difftest takes the extension from the environment, with its seed.
TEST_PKGS    += python3
TEST_TARGETS += difftest
.PHONY: difftest
difftest: $(BUILD)/tradestat.so
	@DIFF_SEED=$(DIFF_SEED) DIFF_QUERIES=$(DIFF_QUERIES) TRADESTAT_EXT=$(BUILD)/tradestat \
	  $(PYTHON_EXT) tests/trust/difftest.py

$(eval $(call trust_suite,writetest,write_check.py))
