# Trust: annual_projection's narrowed read (a fixed method's projections
# under a bound on year, read from the year before it, through the skip
# walk when an index serves it; docs/design.md, "Annual projection")
# returns the rows of the read of every year, bit for bit, on random
# sources with negative values, NULL values, years that end in April,
# label forms of any year and WHERE clauses on the keys and the year
# (tests/trust/projection_latest_check.py).
$(eval $(call trust_suite,projlatesttest,projection_latest_check.py))
