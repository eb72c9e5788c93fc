#!/bin/sh
# report_check.sh -- the peer comparison end to end on the smoke data,
# without DuckDB or pandas: rounds.py drives the real tradestat worker
# (WORK_DIR/peers-sqlite on WORK_DIR/smoke.db) and fake_peer.py, a peer
# that answers with tradestat's own results from SMOKE.tsv (run.c --tsv).
#
#   sh tests/bench/peers/report_check.sh SMOKE.tsv WORK_DIR
#
# 1. Equal results: report.py must succeed, its tables must pass
#    table_check.sh (3 rounds), and spoilt copies of its output must be
#    rejected by table_check.sh: a column left out of the ratio header, a
#    ratio outside its min-max, a row missing, a verdict that contradicts
#    its ratio, a target count that contradicts the table.
# 2. Wrong results: a peer one row off in the YoY and 1e-6 (relative) off
#    in a sum of the trade task must make report.py fail and name both; a
#    peer answering an error must make it fail too.
set -e
tsv=$1 dir=$2
here=$(dirname "$0")
worker="sqlite=$dir/peers-sqlite $dir/smoke.db"

python3 "$here/rounds.py" "$dir/peers-check-same.tsv" 3 "$worker" \
  "same=python3 $here/fake_peer.py $tsv" 2>"$dir/peers-check-same.log" ||
  { cat "$dir/peers-check-same.log"; echo "report_check: rounds.py failed"; exit 1; }
python3 "$here/report.py" "$dir/peers-check-same.tsv" >"$dir/peers-check-same.out" 2>&1 ||
  { cat "$dir/peers-check-same.out"; echo "report_check: equal results were rejected"; exit 1; }
sh "$here/table_check.sh" "$dir/peers-check-same.out" 3 ||
  { cat "$dir/peers-check-same.out"; echo "report_check: the report's tables are broken"; exit 1; }

# the same report spoilt five ways: table_check.sh must reject each
out=$dir/peers-check-same.out
awk '/^\| task \| tradestat ÷/ { sub(/ \| wall ratio/, "") } 1' "$out" >"$dir/peers-spoilt-column.out"
awk '/^\| task \| tradestat ÷/ { t = 1; print; next }
     t && /^\|[^-]/ && !done { n = split($0, f, "|"); f[4] = " 99.000 "; done = 1
       line = f[1]; for (i = 2; i <= n; i++) line = line "|" f[i]; print line; next } 1' \
  "$out" >"$dir/peers-spoilt-outside.out"
awk '/^\| task \| tradestat ÷/ { t = 1 } t && /^\|[^-]/ && !/^\| task/ && !done { done = 1; next } 1' \
  "$out" >"$dir/peers-spoilt-row.out"
awk '/^\| task \| tradestat ÷/ { t = 1 } t && / \| ≤ 3 \| [^|]+ \|$/ && !done {
       if (!sub(/ met \|$/, " MISSED ≤ 3 |")) sub(/ MISSED ≤ 3 \|$/, " met |"); done = 1 } 1' \
  "$out" >"$dir/peers-spoilt-verdict.out"
awk '/^rows with a target/ { sub(/: [0-9]+ met/, ": 99 met") } 1' "$out" >"$dir/peers-spoilt-count.out"
for spoilt in column outside row verdict count; do
  if cmp -s "$out" "$dir/peers-spoilt-$spoilt.out"; then
    echo "report_check: the $spoilt spoiling changed nothing"; exit 1
  fi
  if sh "$here/table_check.sh" "$dir/peers-spoilt-$spoilt.out" 3 >"$dir/peers-spoilt-$spoilt.log"; then
    echo "report_check: a report with a spoilt $spoilt was accepted"; exit 1
  fi
done

# wrong results: one row too many in yoy, a sum 1e-6 off in trade, an error in proj
python3 "$here/rounds.py" "$dir/peers-check-wrong.tsv" 1 "$worker" \
  "wrong=python3 $here/fake_peer.py $tsv yoy:count trade:sum proj:error" \
  2>"$dir/peers-check-wrong.log" || { cat "$dir/peers-check-wrong.log"; exit 1; }
if python3 "$here/report.py" "$dir/peers-check-wrong.tsv" >"$dir/peers-check-wrong.out" 2>&1; then
  echo "report_check: wrong results were accepted"; exit 1
fi
grep -q "yoy: wrong, round 0: count column 1" "$dir/peers-check-wrong.out" &&
  grep -q "trade: wrong, round 0: sum column 3" "$dir/peers-check-wrong.out" &&
  grep -q "proj, round 0: wrong: fake_peer.py: no results" "$dir/peers-check-wrong.out" ||
  { cat "$dir/peers-check-wrong.out"; echo "report_check: the differences were not named"; exit 1; }
