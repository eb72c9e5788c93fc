# Trust: what a series table keeps between statements never answers a
# later one.  tests/trust/cache_state.py: reads while an INSERT ...
# RETURNING is left pending see every row the connection wrote.
# tests/trust/state_fuzz.py: seeded random moves of the source (rows,
# indexes, statistics, the table made again, a TEMP table under its name;
# by this connection, another, in a rolled-back savepoint, under pending
# writers), after each of which the tables that lived through them answer
# bound-parameter queries as tables made fresh (STATE_SEED=n, STATE_SEEDS=n
# and STATE_STEPS=n replay or widen it).
STATE_SEED  ?= 1
STATE_SEEDS ?= 4
STATE_STEPS ?= 40
TEST_TARGETS += statetest
TEST_PKGS    += python3
.PHONY: statetest
statetest: $(BUILD)/tradestat.so
	@$(PYTHON_EXT) tests/trust/cache_state.py $(BUILD)/tradestat
	@$(PYTHON_EXT) tests/trust/state_fuzz.py $(BUILD)/tradestat --seed $(STATE_SEED) \
	  --seeds $(STATE_SEEDS) --steps $(STATE_STEPS)
