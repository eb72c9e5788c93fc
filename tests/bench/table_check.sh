#!/bin/sh
# table_check.sh -- does run.c's results table have its columns, and do
# they parse?  `make bench-smoke` runs it on the tiny data set's output.
#
#   sh tests/bench/table_check.sh RUN_OUTPUT ROUNDS WORK_DIR
#
# 1. RUN_OUTPUT (run's standard output) must hold the header with the
#    per-query medians (s, CPU s) and the per-pair ratios (CPU ratio and
#    wall ratio, each with its min-max over the rounds), the line
#    "N pairs, ROUNDS round(s)", then exactly N rows in which every time is
#    a number, every ratio a number within its own min-max (min = max =
#    the ratio when ROUNDS is 1), and no "RESULTS DIFFER"; with ROUNDS >= 2
#    the two lines of the spreads over the rounds, of the ratios and of
#    the sides' own times (CPU and wall, each >= 1).
# 2. The check must be able to fail: it is run again on copies of
#    RUN_OUTPUT with a column left out of the header, a ratio outside its
#    min-max and a row missing, and each copy must be rejected.
set -e
out=$1 rounds=$2 dir=$3
. "$(dirname "$0")/table_lib.sh" # TABLE_AWK: num, trim, fail, range, spread

check() {
  awk -v rounds="$rounds" -v who=table_check "$TABLE_AWK"'
    $0 ~ / pairs, [0-9]+ round\(s\)/ {
      pairs = $1 + 0
      n = split($0, w, " ")
      if (w[3] + 0 != rounds) fail("rounds: " w[3] ", not " rounds)
      saw_count = 1
    }
    /^\| task \|/ {
      want = "| task | extension | s | CPU s | baseline | s | CPU s | CPU ratio | min–max | wall ratio | min–max | target | |"
      if ($0 != want) fail("header is\n  " $0 "\nnot\n  " want)
      in_table = 1; next
    }
    in_table && /^\|---/ { next }
    in_table && /^\|/ {
      nf = split($0, f, "|")
      if (nf != 15) fail(nf - 2 " columns, not 13, in: " $0)
      for (i = 2; i <= 14; i++) c[i] = trim(f[i])
      for (i = 4; i <= 8; i += (i == 5 ? 2 : 1))
        if (!num(c[i])) fail("column " i - 1 " is not a number: \"" c[i] "\" in: " $0)
      range(c[9], c[10], "CPU")
      range(c[11], c[12], "wall")
      if (c[14] ~ /DIFFER/) fail("results differ: " $0)
      rows++; next
    }
    in_table { in_table = 0 }
    /^round-to-round spread of the (ratios|same pairs. own times)/ {
      spread()
      saw_spread++
    }
    END {
      if (bad) exit 1
      if (!saw_count) fail("no \"N pairs, R round(s)\" line")
      if (rows != pairs || rows == 0) fail(rows + 0 " rows, not " pairs + 0)
      if (rounds >= 2 && saw_spread != 2) fail(saw_spread + 0 " spread lines, not 2, with " rounds " rounds")
    }' "$1"
}

check "$out" || { echo "table_check: $out rejected"; exit 1; }

# the same output, spoilt three ways: each must be rejected
awk '/^\| task \|/ { sub(/ \| wall ratio/, "") } 1' "$out" >"$dir/table-no-column.out"
awk '/^\| task \|/ { t = 1; print; next } t && /^\|[^-]/ && !done {
       n = split($0, f, "|"); f[9] = " 99.000 "; done = 1
       line = f[1]; for (i = 2; i <= n; i++) line = line "|" f[i]; print line; next } 1' \
  "$out" >"$dir/table-outside.out"
awk '/^\| task \|/ { t = 1 } t && /^\|[^-]/ && !/^\| task/ && !done { done = 1; next } 1' \
  "$out" >"$dir/table-row-missing.out"
for spoilt in no-column outside row-missing; do
  if check "$dir/table-$spoilt.out" >"$dir/table-$spoilt.log"; then
    echo "table_check: a table with $spoilt was accepted"
    exit 1
  fi
done
