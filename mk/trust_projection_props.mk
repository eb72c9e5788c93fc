# Trust: two properties of annual_projection on random data
# (tests/trust/projection_props.py): a backtest row equals the projection
# from the source cut at its point of the year (no data from the future,
# intervals and auto included), and reconcile='col=Total' totals are their
# ytd plus their parts' projected rest, whatever the WHERE.
$(eval $(call trust_suite,propstest,projection_props.py))
