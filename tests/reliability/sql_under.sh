#!/bin/sh
# Runs every tests/sql/*.sql like tests/sql/run.sh, but loading the
# extension from another build and through an optional wrapper command:
#   sh tests/reliability/sql_under.sh build/asan/tradestat
#   sh tests/reliability/sql_under.sh build/tradestat valgrind -q --error-exitcode=99
# Fails when the output differs from the .expected file (a sanitizer or
# valgrind report changes the output) or the wrapper's own exit code
# (97-99: TSan/ASan/valgrind) says so, or the shell died of a signal.
# NO_DIFF=1 skips the output comparison: valgrind emulates the x87 long
# double SQLite uses to read numeric literals with 64 bits, so a value
# printed to 15 digits can differ in its last digit under valgrind.
cd "$(dirname "$0")/../.." || exit 1
ext=$1
shift
SQLITE3=${SQLITE3:-sqlite3}
pass=0 fail=0
tmp=${TMPDIR:-/tmp}/tradestat-under.$$
for f in tests/sql/*.sql; do
  exp="${f%.sql}.expected"
  sed "s#^\.load build/tradestat#.load $ext#" "$f" >"$tmp.sql"
  out=$("$@" $SQLITE3 -batch :memory: <"$tmp.sql" 2>&1)
  rc=$?
  if [ "$rc" -ge 97 ] && [ "$rc" -le 99 ] || [ "$rc" -gt 128 ]; then
    fail=$((fail + 1))
    echo "FAIL $f: wrapper reported errors (exit $rc)"
    printf '%s\n' "$out" | grep -v '^Runtime error\|^Parse error' | head -40
  elif [ -n "$NO_DIFF" ]; then
    pass=$((pass + 1))
  elif printf '%s\n' "$out" | diff -u "$exp" - >"$tmp.diff" 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $f"
    head -60 "$tmp.diff"
  fi
done
rm -f "$tmp.sql" "$tmp.diff"
echo "sql (${1:-plain} $ext): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
