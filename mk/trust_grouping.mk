# Trust: series grouped as GROUP BY groups them, and rows that share a
# series and a period (tests/trust/).  `make grouptest` runs both:
#   grouping.py    random keys under NOCASE / RTRIM / an application
#                  collation, 1 vs 1.0 vs '1', NULLs, a view: each series
#                  table's series and totals against GROUP BY; under the
#                  application's collation also period IN (...) and ORs,
#                  whose filters must keep one series one id and spelling
#   duplicates.py  duplicates without grain= are errors; with grain= the
#                  completeness of every mix of kinds and label forms
TEST_TARGETS += grouptest
TEST_PKGS += python3

# Debian's own python3 can load extensions (a python3 earlier on PATH may not).
TRUST_PYTHON ?= /usr/bin/python3

.PHONY: grouptest
grouptest: $(BUILD)/tradestat.so
	@$(TRUST_PYTHON) tests/trust/grouping.py $(BUILD)/tradestat
	@$(TRUST_PYTHON) tests/trust/duplicates.py $(BUILD)/tradestat >$(BUILD)/duplicates.log \
	  || { cat $(BUILD)/duplicates.log; exit 1; }
	@tail -1 $(BUILD)/duplicates.log
