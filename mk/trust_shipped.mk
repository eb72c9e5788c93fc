# The shipped data's figures worked out without the extension: every cell
# of the KOSIS file read with Python's csv module against kosis_csv, the
# publisher's and the article's figures (and the examples' measures) with
# exact fractions against the extension (tests/trust/shipped_figures.py).
$(eval $(call trust_suite,shippedtest,shipped_figures.py))
