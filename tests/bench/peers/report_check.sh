#!/bin/sh
# report_check.sh -- report.py must accept a peer whose results equal
# tradestat's and reject one that is off by one row or in a sum.
#   sh tests/bench/peers/report_check.sh SMOKE.tsv WORK_DIR
set -e
tsv=$1 dir=$2
here=$(dirname "$0")
# a "peer" that returns exactly tradestat's own results, for every task
awk -F'\t' -v OFS='\t' '
  $1 == "yoy_vtab" { $1 = "same:yoy"; print } $1 == "trade_full" { $1 = "same:trade"; print }
  $1 == "annual" { $1 = "same:annual"; print } $1 == "proj_latest" { $1 = "same:proj"; print }
  $1 == "txn_vtab" { $1 = "same:txn"; print }' "$tsv" >"$dir/peer-same.tsv"
[ "$(wc -l <"$dir/peer-same.tsv")" -eq 5 ] || { echo "report_check: smoke tsv lacks tasks"; exit 1; }
python3 "$here/report.py" "$tsv" "$dir/peer-same.tsv" >"$dir/peer-same.out" \
  || { cat "$dir/peer-same.out"; echo "report_check: equal results were rejected"; exit 1; }
grep -q "all agree" "$dir/peer-same.out" || { echo "report_check: no agreement printed"; exit 1; }
# one row too many in yoy; a sum 1e-6 off (relative) in trade
awk -F"\t" -v OFS="\t" -v CONVFMT=%.17g '$1 == "same:yoy" { $5 = $5 + 1 } $1 == "same:trade" { $8 = $8 * (1 + 1e-6) } 1' \
  "$dir/peer-same.tsv" >"$dir/peer-wrong.tsv"
if python3 "$here/report.py" "$tsv" "$dir/peer-wrong.tsv" >"$dir/peer-wrong.out" 2>&1; then
  echo "report_check: wrong results were accepted"; exit 1
fi
grep -q "yoy: same count column 1" "$dir/peer-wrong.out" &&
  grep -q "trade: same sum column" "$dir/peer-wrong.out" ||
  { cat "$dir/peer-wrong.out"; echo "report_check: the differences were not named"; exit 1; }
