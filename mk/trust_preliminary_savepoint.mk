# Trust: yoy_growth's preliminary, read in a join, after a write inside a
# savepoint and ROLLBACK TO between two of its rows (tests/trust/
# preliminary_savepoint.py): each row as plain SQL on the rows then.
$(eval $(call trust_suite,prelimsavepointtest,preliminary_savepoint.py))
