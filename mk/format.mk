# `make format-check`: every C file of the project as .clang-format lays
# it out (clang-format, Debian's package).  `make format` rewrites them.
TEST_PKGS += clang-format
TEST_TARGETS += format-check
FORMAT_FILES = $(shell git ls-files 'ext/*.c' 'ext/*.h' 'tests/*.c' 'tests/*.h' 'cluster/*.c' 2>/dev/null)
.PHONY: format format-check

format:
	@clang-format -i --style=file $(FORMAT_FILES)

format-check:
	@clang-format --dry-run --Werror --style=file $(FORMAT_FILES) \
	  && echo "format-check: $(words $(FORMAT_FILES)) files as .clang-format lays them out"
