#!/bin/sh
# table_check.sh -- does report.py's output have its tables, and do they
# parse?  run.sh runs it on every bench-peers report; report_check.sh (in
# `make bench-smoke`) on the tiny data set's, and on spoilt copies.
#
#   sh tests/bench/peers/table_check.sh REPORT ROUNDS
#
# REPORT (report.py's standard output) must hold:
# 1. "ROUNDS round(s) after a warm-up round";
# 2. the times table: header "| task | tradestat | ... | scan floor | ... |
#    results |" with tradestat first and the scan floor among the
#    contenders, 5 rows (one per task), each cell "wall / CPU" (numbers),
#    the last "all agree (...)";
# 3. the ratio table: its exact header, 5 x (contenders - 1) rows, in
#    which both ratios are numbers within their own min-max (min = max =
#    the ratio when ROUNDS is 1); the target is "—" with no verdict, or
#    "≤ A[, ≤ B]" with the verdict "met" exactly when the CPU ratio is <=
#    every target (else "MISSED ..."); the scan floor's rows have "≤ 3",
#    DuckDB 1 thread's "≤ 3" (and "≤ 0.5" for the gap-safe YoY);
# 4. with ROUNDS >= 2 the two spread lines (CPU and wall, each >= 1);
# 5. "rows with a target, by the median CPU ratio: M met, K missed" with
#    M and K the counts of the ratio table's verdicts.
set -e
report=$1 rounds=$2
. "$(dirname "$0")/../table_lib.sh" # TABLE_AWK: num, trim, fail, range, spread

awk -v rounds="$rounds" -v who="peers table_check" "$TABLE_AWK"'
  / round\(s\) after a warm-up round;/ {
    if ($1 + 0 != rounds) fail("rounds: " $1 ", not " rounds)
    saw_rounds = 1
  }
  /^\| task \| tradestat \|/ {
    nf = split($0, h, "|")
    if (trim(h[nf - 1]) != "results") fail("times table: last column is not results: " $0)
    k = nf - 4                        # contenders
    floor = 0
    for (i = 3; i < nf - 1; i++) if (trim(h[i]) == "scan floor") floor = 1
    if (!floor) fail("times table: no scan floor column: " $0)
    table = "times"; next
  }
  /^\| task \| tradestat ÷ \|/ {
    want = "| task | tradestat ÷ | CPU ratio | min–max | wall ratio | min–max | target | |"
    if ($0 != want) fail("ratio table header is\n  " $0 "\nnot\n  " want)
    table = "ratios"; next
  }
  table != "" && /^\|---/ { next }
  table == "times" && /^\|/ {
    if (split($0, f, "|") != nf) fail("times row has " split($0, g, "|") - 2 " cells, not " nf - 2 ": " $0)
    for (i = 3; i < nf - 1; i++) {
      cell = trim(f[i])
      if (split(cell, t, " / ") != 2 || !num(t[1]) || !num(t[2]))
        fail("times cell \"" cell "\" is not \"wall / CPU\" in: " $0)
    }
    if (trim(f[nf - 1]) !~ /^all agree \([0-9]+ rows, [0-9]+ values\)$/)
      fail("results cell is \"" trim(f[nf - 1]) "\" in: " $0)
    time_rows++; next
  }
  table == "ratios" && /^\|/ {
    if (split($0, f, "|") != 10) fail("ratio row has " split($0, g, "|") - 2 " cells, not 8: " $0)
    for (i = 2; i <= 9; i++) c[i] = trim(f[i])
    range(c[4], c[5], "CPU")
    range(c[6], c[7], "wall")
    want = c[3] ~ /^scan floor/ ? "≤ 3" : c[3] == "DuckDB 1 thr" ? \
      (c[2] ~ /^gap-safe YoY/ ? "≤ 0.5, ≤ 3" : "≤ 3") : "—"
    if (c[8] != want) fail("target of " c[3] " is \"" c[8] "\", not \"" want "\": " $0)
    if (want == "—") {
      if (c[9] != "") fail("a verdict without a target: " $0)
    } else {
      n = split(want, tg, ", ")
      ok = 1
      for (i = 1; i <= n; i++) { sub(/^≤ /, "", tg[i]); if (c[4] + 0 > tg[i] + 0) ok = 0 }
      if (ok && c[9] != "met") fail("CPU ratio " c[4] " meets " want " but the verdict is \"" c[9] "\"")
      if (!ok && c[9] !~ /^MISSED ≤ /) fail("CPU ratio " c[4] " misses " want " but the verdict is \"" c[9] "\"")
      if (ok) met++; else missed++
    }
    ratio_rows++; next
  }
  table != "" { table = "" }
  /^round-to-round spread of the (ratios|contenders. own times)/ {
    spread()
    spreads++
  }
  /^rows with a target, by the median CPU ratio: / {
    if (!match($0, /: [0-9]+ met, [0-9]+ missed/)) fail("target count does not parse: " $0)
    split(substr($0, RSTART + 2, RLENGTH - 2), m, /[ ,]+/)
    said_met = m[1]; said_missed = m[3]; saw_count = 1
  }
  END {
    if (bad) exit 1
    if (!saw_rounds) fail("no \"N round(s) after a warm-up round\" line")
    if (time_rows != 5) fail(time_rows + 0 " rows in the times table, not 5")
    if (ratio_rows != 5 * (k - 1)) fail(ratio_rows + 0 " rows in the ratio table, not " 5 * (k - 1))
    if (rounds >= 2 && spreads != 2) fail(spreads + 0 " spread lines, not 2")
    if (!saw_count) fail("no \"rows with a target\" line")
    if (said_met != met + 0 || said_missed != missed + 0)
      fail("the count says " said_met " met, " said_missed " missed; the table has " met + 0 " and " missed + 0)
  }' "$report"
