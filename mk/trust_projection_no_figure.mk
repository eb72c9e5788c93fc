# Trust: annual_projection's aggregate and window over rows without a
# figure hold the documented rule in every row order
# (tests/trust/projection_no_figure.py): NULL when a NULL row of the
# figures' kind is later than every figure, else the figures' own
# aggregate; NULL rows of other kinds, read first or last, change nothing;
# the window's rows equal the aggregate over the same frame.
$(eval $(call trust_suite,projnulltest,projection_no_figure.py))
