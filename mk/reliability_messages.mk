# Every error message is valid UTF-8 whatever bytes the input holds
# (tests/reliability/messages_utf8.py): each registered function's and
# table's arguments fed TEXT that is no UTF-8, through the sqlite3 shell.
TEST_TARGETS += utf8msgtest
.PHONY: utf8msgtest

utf8msgtest: $(BUILD)/tradestat.so
	@SQLITE3=$(SQLITE3) $(PYTHON_EXT) tests/reliability/messages_utf8.py $(BUILD)/tradestat
