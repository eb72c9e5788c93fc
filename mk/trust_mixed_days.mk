# Trust: roll-ups of month rows next to day rows are complete exactly when
# the documented rule says (docs/design.md, "Roll-ups know what they are
# missing"): every month has a row, and the months day rows cover lie
# inside the days the source holds.  `make mixeddaystest` runs
#   mixed_days.py  random series of month rows, day rows and gaps cut at a
#                  random first and last day, through yoy_growth with
#                  grain=month/quarter/half/year: scan=hash, scan=stream
#                  and a WHERE on the series agree, and each note and value
#                  is the rule's
$(eval $(call trust_suite,mixeddaystest,mixed_days.py))
