# The demo is tested too: every sql/examples/*.sql must run without error
# and the article's numbers must come out of the extension's functions.
TEST_TARGETS += demotest

.PHONY: demotest
demotest: $(BUILD)/tradestat.so
	@sh tests/demo_check.sh
