# `make check`: the edit-compile-test loop (seconds, no sanitizers, no
# slow clients): unit tests, the SQL checks through the shell, the names
# check, the documentation's executed examples and the layering of ext/.
# `make test` stays the full gate.
CHECK_TARGETS := unit sqltest namestest docstest layerstest apitest
TEST_TARGETS  += layerstest apitest
.PHONY: check layerstest apitest

check:
	@$(MAKE) --no-print-directory all static
	@$(MAKE) --no-print-directory $(CHECK_TARGETS)
	@echo "check: $(CHECK_TARGETS) passed"

layerstest:
	@sh tests/layers_check.sh

# The build refuses SQLite's deprecated interfaces (API_CFLAGS in the
# Makefile): a file calling one, built as ext/ is, must fail to compile.
apitest:
	@sh tests/api_check.sh "$(CC)" "$(CFLAGS) $(WARN) $(API_CFLAGS) -Iext"
