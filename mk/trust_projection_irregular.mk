# Trust: annual_projection's promises on irregular sources
# (tests/trust/projection_irregular.py): halves, quarters and months side
# by side, series starting and stopping mid-year, gaps, negative, zero and
# NULL values -- the point inside its interval, no projection or low below
# the ytd of a non-negative series, a known year's interval its total, a
# WHERE on the series or the year under every scan path returning the
# unfiltered rows, the aggregate equal to the table, and no data from the
# future (days rolled up by grain= included, cut on through='s last day).  PROJ_IRREGULAR_SEED=n replays another seed.
PROJ_IRREGULAR_SEED ?= 1
$(eval $(call trust_suite,projirregtest,projection_irregular.py,--seed $$(PROJ_IRREGULAR_SEED)))
