# Trust: what a series table keeps between statements never answers a
# later one: reads while an INSERT ... RETURNING is left pending see every
# row the connection wrote (tests/trust/cache_state.py).
$(eval $(call trust_suite,statetest,cache_state.py))
