# Trust: roll-ups of days begin where their series' own days begin
# (docs/design.md, "Roll-ups know what they are missing").  `make
# daystarttest` runs
#   days_start.py  series of days starting on random days (the first week
#                  of a January, the 1st of a month, any day), daily,
#                  every 1-3 days or weekly, some with rows of no figure
#                  first: annual_projection's table form (grain=month,
#                  run_rate) projects exactly by the rule and decides as
#                  the aggregate over the same rows does (stricter only
#                  in the first week of a series' first January), scan=hash,
#                  scan=stream and a WHERE on the year agree; yoy_growth's
#                  first month of each series is incomplete exactly by the
#                  rule, on both paths and under a WHERE.
#                  DAYS_START_SEED=n replays another seed.
DAYS_START_SEED ?= 20261202
$(eval $(call trust_suite,daystarttest,days_start.py,--seed $$(DAYS_START_SEED)))
