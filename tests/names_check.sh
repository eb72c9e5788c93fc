#!/bin/sh
# The extension's SQL names, checked against an exact list kept here.
#  1. The functions and modules the extension registers (pragma_function_list
#     and pragma_module_list of a connection with it, minus those of a bare
#     connection) must be exactly EXPECTED_FUNCTIONS and EXPECTED_MODULES:
#     a new name, or one that vanished, fails until this list is updated.
#  2. Each name must be used by some tests/sql/*.sql file and appear in
#     README.md (its index of names).
#  3. Each name must have a reference entry: a heading in docs/reference/*.md
#     naming it -- `name(` for a function, `name` plus "virtual table" for a
#     module -- and an executed example: a ```sql block in docs/reference/
#     that calls the function (`name(` not after FROM or USING) or uses the
#     module (`USING name` or `FROM name(`).  tests/docs_check.py runs those
#     blocks and compares their output.
cd "$(dirname "$0")/.." || exit 1
SQLITE3=${SQLITE3:-sqlite3}

EXPECTED_FUNCTIONS="annual_projection annual_run_rate cagr pct_change period_end period_kind
period_normalize period_prior_year period_rollup period_shift period_start
period_year period_year_fraction sparkline trade_imbalance tradestat_debug
tradestat_version yoy_growth ytd_growth"
EXPECTED_MODULES="annual_projection kosis_csv trade_imbalance yoy_growth"

q_fn="SELECT DISTINCT name FROM pragma_function_list ORDER BY 1;"
q_mod="SELECT DISTINCT name FROM pragma_module_list ORDER BY 1;"
added() { # added QUERY: the names the extension adds to QUERY's list
  before=$($SQLITE3 :memory: "$1") || return 1
  after=$($SQLITE3 :memory: ".load build/tradestat" "$1") || return 1
  printf '%s\n' "$after" | grep -vxF -- "$before"
}
sorted() { printf '%s\n' $1 | sort; }

fails=0 passes=0
fail() { echo "names: $*"; fails=$((fails + 1)); }
pass() { passes=$((passes + 1)); }

functions=$(added "$q_fn") || { echo "names: cannot load build/tradestat"; exit 1; }
modules=$(added "$q_mod") || { echo "names: cannot load build/tradestat"; exit 1; }
for kind in function module; do
  if [ $kind = function ]; then got=$functions want=$EXPECTED_FUNCTIONS
  else got=$modules want=$EXPECTED_MODULES; fi
  extra=$(sorted "$got" | grep -vxF -- "$(sorted "$want")")
  gone=$(sorted "$want" | grep -vxF -- "$(sorted "$got")")
  [ -z "$extra" ] || fail "new $kind(s) not in the expected list of tests/names_check.sh:" $extra
  [ -z "$gone" ] || fail "expected $kind(s) no longer registered:" $gone
  [ -z "$extra$gone" ] && pass
done

# The ```sql blocks of docs/reference/*.md, with FROM name( / USING name
# (module uses) marked so a function call can be told from them.
sqlblocks=$(awk '/^```sql[ \t]*$/ {on = 1; next} /^```/ {on = 0} on' docs/reference/*.md 2>/dev/null)
headings=$(grep -h '^#' docs/reference/*.md 2>/dev/null)
calls=$(printf '%s\n' "$sqlblocks" | sed -E 's/(FROM|USING)[[:space:]]+([a-z_]+)/\1 MODULE:\2/gI')

for n in $(printf '%s\n' $functions $modules | sort -u); do
  if grep -qw "$n" tests/sql/*.sql; then pass; else fail "$n is registered but no tests/sql/*.sql uses it"; fi
  if grep -qw "$n" README.md; then pass; else fail "$n is registered but README.md does not name it"; fi
done
for n in $functions; do
  if printf '%s\n' "$headings" | grep -qE "(^|[^a-z_])$n\("; then pass
  else fail "function $n has no heading \"$n(...)\" in docs/reference/*.md"; fi
  if printf '%s\n' "$calls" | grep -qE "(^|[^a-z_:])$n[[:space:]]*\("; then pass
  else fail "function $n is not called in any \`\`\`sql example of docs/reference/*.md"; fi
done
for n in $modules; do
  if printf '%s\n' "$headings" | grep -E "(^|[^a-z_])$n([^a-z_]|$)" | grep -q "virtual table"; then pass
  else fail "module $n has no heading \"$n ... virtual table\" in docs/reference/*.md"; fi
  if printf '%s\n' "$calls" | grep -qE "MODULE:$n([^a-z_]|$)"; then pass
  else fail "module $n is not used in any \`\`\`sql example of docs/reference/*.md"; fi
done
echo "names: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
