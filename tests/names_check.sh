#!/bin/sh
# Fails when a SQL function or module the extension registers is not
# exercised by any tests/sql/*.sql file or not documented in README.md.
cd "$(dirname "$0")/.." || exit 1
SQLITE3=${SQLITE3:-sqlite3}
q_fn="SELECT DISTINCT name FROM pragma_function_list ORDER BY 1;"
q_mod="SELECT DISTINCT name FROM pragma_module_list ORDER BY 1;"
before=$($SQLITE3 :memory: "$q_fn" "$q_mod")
after=$($SQLITE3 :memory: ".load build/tradestat" "$q_fn" "$q_mod")
names=$(printf '%s\n' "$after" | grep -vxF -- "$(printf '%s\n' "$before")")
[ -n "$names" ] || { echo "names: the extension registered nothing"; exit 1; }
missing=0 count=0
for n in $names; do
  count=$((count + 1))
  if ! grep -qw "$n" tests/sql/*.sql; then
    echo "names: $n is registered but no tests/sql/*.sql uses it"; missing=$((missing + 1))
  fi
  if ! grep -qw "$n" README.md; then
    echo "names: $n is registered but README.md does not document it"; missing=$((missing + 1))
  fi
done
echo "names: $((count * 2 - missing)) passed, $missing failed"
[ "$missing" -eq 0 ]
