# Trust: the hash scan path and the streaming path give the same answer
# (docs/design.md, "Scan paths").  `make pathstest` runs
#   paths_check.py  random data through yoy_growth, trade_imbalance and
#                   annual_projection with scan=hash and scan=stream, every
#                   column compared bit for bit, errors by message; the hash
#                   path must answer a good share and give way on a source
#                   over its memory cap
TEST_TARGETS += pathstest
TEST_PKGS += python3

# Debian's own python3 can load extensions (a python3 earlier on PATH may not).
PATHS_PYTHON ?= /usr/bin/python3

.PHONY: pathstest
pathstest: $(BUILD)/tradestat.so
	@$(PATHS_PYTHON) tests/trust/paths_check.py $(BUILD)/tradestat
