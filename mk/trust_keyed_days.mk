# Trust: months and quarters keyed by a day (their first, last or middle
# day, the business day after) read as the same figures labelled as
# months or quarters (docs/design.md, "Months keyed by one day of the
# month" and the sections before it).  `make keyedtest` runs
#   keyed_days.py  random monthly and quarterly series keyed by a random
#                  day, some periods dropped, through yoy_growth with
#                  grain=month/quarter/half/year on both scan paths: every
#                  row of a year the rule reads equals the labelled row
$(eval $(call trust_suite,keyedtest,keyed_days.py))
