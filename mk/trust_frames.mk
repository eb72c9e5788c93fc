# Trust: results against independent references (tests/trust/).
#   framestest  frames_check.py: the window and aggregate forms of
#               yoy_growth / ytd_growth against the frame SQLite itself
#               builds: seeded random series of every period kind (gaps,
#               repeated periods, NULLs, REALs, sums past 2^63, leap days)
#               under random ROWS / RANGE / GROUPS frames, FOLLOWING bounds
#               and EXCLUDE clauses, each row's result recomputed from
#               json_group_array() over the same window
#               (tests/reliability/window_check.py compares the window with
#               the aggregate; this compares both with the documented rule)
#   inputstest  inputs_check.py: the texts read as numbers against SQLite's
#               own reading plus the thousands rule, values correctly
#               rounded; period_shift / start / end / year_fraction /
#               prior_year / rollup against Python's datetime
$(eval $(call trust_suite,framestest,frames_check.py,20261201 100))
$(eval $(call trust_suite,inputstest,inputs_check.py,20261201))
