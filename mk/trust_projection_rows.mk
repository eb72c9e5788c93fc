# Trust: annual_projection's per-row columns (through, periods_observed,
# ytd, actual, error, preliminary, and the projection of run_rate,
# prior_share, snaive and linear) equal, bit for bit, a Python model of
# their definitions on random sources (tests/trust/projection_rows.py):
# each row reads its own year's points and a grid placed by ordinal.
$(eval $(call trust_suite,projrowstest,projection_rows.py))
