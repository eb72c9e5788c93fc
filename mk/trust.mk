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
TEST_PKGS    += python3
TEST_TARGETS += difftest writetest
.PHONY: difftest writetest

difftest: $(BUILD)/tradestat.so
	@DIFF_SEED=$(DIFF_SEED) DIFF_QUERIES=$(DIFF_QUERIES) TRADESTAT_EXT=$(BUILD)/tradestat \
	  $(PYTHON_EXT) tests/trust/difftest.py

writetest: $(BUILD)/tradestat.so
	@$(PYTHON_EXT) tests/trust/write_check.py $(BUILD)/tradestat
