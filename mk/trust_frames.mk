# Trust: the window and aggregate forms of yoy_growth / ytd_growth against
# an independent reference over the frame SQLite itself builds
# (tests/trust/frames_check.py): seeded random series of every period kind
# (gaps, repeated periods, NULLs, REALs, leap days) under random ROWS /
# RANGE / GROUPS frames, FOLLOWING bounds and EXCLUDE clauses, each row's
# result recomputed from json_group_array() over the same window.
# (tests/reliability/window_check.py compares the window with the
# aggregate; this one compares both with the documented rule.)
TEST_TARGETS += framestest
TEST_PKGS += python3

FRAMES_PYTHON ?= /usr/bin/python3

.PHONY: framestest
framestest: $(BUILD)/tradestat.so
	@$(FRAMES_PYTHON) tests/trust/frames_check.py $(BUILD)/tradestat 20261201 100
