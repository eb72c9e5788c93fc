#!/bin/sh
# Runs every tests/sql/*.sql through the real sqlite3 shell (from the
# repository root, so `.load build/tradestat` works) and compares stdout
# and stderr with the .expected file beside it.
#   sh tests/sql/run.sh [name ...]     run all, or the named tests
#   UPDATE=1 sh tests/sql/run.sh name  rewrite name.expected (review the diff!)
cd "$(dirname "$0")/../.." || exit 1
SQLITE3=${SQLITE3:-sqlite3}
pass=0 fail=0
if [ $# -gt 0 ]; then
  files=""
  for n in "$@"; do files="$files tests/sql/${n%.sql}.sql"; done
else
  files=$(ls tests/sql/*.sql)
fi
for f in $files; do
  exp="${f%.sql}.expected"
  # stdbuf keeps stdout line-buffered so errors (stderr) appear in order.
  out=$(stdbuf -oL $SQLITE3 -batch :memory: <"$f" 2>&1)
  if [ -n "$UPDATE" ]; then
    printf '%s\n' "$out" >"$exp"
    echo "updated $exp"
    continue
  fi
  if printf '%s\n' "$out" | diff -u "$exp" - >/tmp/tradestat-sqltest.$$ 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $f"
    head -60 /tmp/tradestat-sqltest.$$
  fi
done
rm -f /tmp/tradestat-sqltest.$$
echo "sql: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
