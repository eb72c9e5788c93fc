# Trust: a total row among the series (yoy_growth's share columns without
# total=) is refused in the shapes published tables give it -- a part
# suppressed, starting later, rounded apart -- and ordinary tables are
# not; with total= every share is checked against plain Python; a World
# beside partners not all listed, and a part labelled as a total, are
# refused exactly where the suite's own model of the label rule refuses.
# Prints the measured rates over a wider range (docs/design.md).
#   make totaltest [TOTAL_TABLES=n TOTAL_SEED=s]
TOTAL_TABLES ?= 300
TOTAL_SEED   ?= 1
$(eval $(call trust_suite,totaltest,total_rows.py,--tables $$(TOTAL_TABLES) --seed $$(TOTAL_SEED)))
