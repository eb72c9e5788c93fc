#!/bin/sh
# Runs the SQL check files tests/sql/*.sql with the runner of tests/sql/run.sh
# (tests/sql/sqltest.py), but loading the extension from another build and
# through an optional wrapper command:
#   sh tests/reliability/sql_under.sh build/asan/tradestat
#   NO_DIFF=1 sh tests/reliability/sql_under.sh build/tradestat valgrind -q --error-exitcode=99
# Fails when a check's output differs from its expectation (a sanitizer or
# valgrind report changes the output), a marker is missing, a setup
# statement prints something, the wrapper's own exit code (97-99:
# TSan/ASan/valgrind) says so, or the shell died of a signal.
# NO_DIFF=1 skips the comparison of the checks' outputs (the rest is still
# checked): valgrind emulates the x87 long double SQLite uses to read numeric
# literals with 64 bits, so a value printed to 15 digits can differ in its
# last digit under valgrind.
# LD_PRELOAD (the ASan runtime for the uninstrumented shell) is handed to the
# sqlite3 shell only, not to the Python runner, whose own memory at exit
# LeakSanitizer would report.
cd "$(dirname "$0")/../.." || exit 1
ext=$1
shift
label="${1:-plain} $ext"
if [ -n "$LD_PRELOAD" ]; then
  set -- env LD_PRELOAD="$LD_PRELOAD" "$@"
fi
exec env -u LD_PRELOAD /usr/bin/python3 tests/sql/sqltest.py --load "$ext" --label "$label" \
  ${NO_DIFF:+--no-diff} -- "$@"
