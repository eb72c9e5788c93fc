# Trust: two properties of annual_projection on random data
# (tests/trust/projection_props.py): a backtest row equals the projection
# from the source cut at its point of the year (no data from the future,
# intervals and auto included), and reconcile='col=Total' totals are their
# ytd plus their parts' projected rest, whatever the WHERE.
TEST_TARGETS += propstest
TEST_PKGS += python3

.PHONY: propstest
propstest: $(BUILD)/tradestat.so
	@/usr/bin/python3 tests/trust/projection_props.py $(BUILD)/tradestat
