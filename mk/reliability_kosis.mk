# The kosis_csv parser's fuzz harness (tests/fuzz/fuzz_kosis.c): a file's
# bytes straight to the parser.  Added to the harnesses `make fuzz` and
# `make fuzz-smoke` build and run (mk/reliability.mk); the recipes expand
# FUZZERS and FUZZ_BIN when they run, so appending here is enough.
FUZZERS += kosis
FUZZ_BIN += $(FUZZ_BUILD)/fuzz_kosis
