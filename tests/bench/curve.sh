#!/bin/sh
# curve.sh -- does tradestat's cost grow linearly with the rows, and its
# memory stay flat?  `make bench-curve` runs it.
#
#   sh tests/bench/curve.sh BENCH_DIR "SCALE ..." [REPEAT]
#
# 1. For each scale (default 0.25 1 4: 0.6 M / 2.4 M / 9.6 M monthly rows
#    and 2.5 M / 10 M / 40 M transactions) the seeded data set is built by
#    gen once (kept as BENCH_DIR/data-SCALE.db) after checking that the
#    disk has room (about 0.45 GB per unit of scale, twice that free).
# 2. Each task -- YoY over every series, trade balance per partner and
#    month, transactions rolled to months then YoY -- and its plain-SQL
#    counterpart runs in a fresh process (run --only ID --tsv), so the peak
#    resident memory (getrusage ru_maxrss) is that query's alone.
# 3. Prints rows, wall and CPU seconds (user + system: on a shared machine
#    the wall time also counts other processes), CPU microseconds per source
#    row, and peak RSS per task and scale, also over an idle connection of
#    the runner on that scale's file (the resident memory before the first
#    query of `run DB --memory-probe`: the memory target is stated over
#    it); then, per task, CPU(largest) / CPU(smallest) against
#    rows(largest) / rows(smallest): 1.0 is linear.
#
# CURVE_QUERIES="yoy_vtab walk sort" picks the tasks (default below):
# walk and sort are SQLite's own two ways to read direct_trade in series
# order (index walk; storage-order read and sort), the floors under the
# yoy_growth vtab's streaming scan.
set -e
dir=$1 scales=${2:-"0.25 1 4"} repeat=${3:-1}
queries=${CURVE_QUERIES:-"yoy_vtab walk sort selfjoin trade_vtab trade_sql txn_vtab txn_substr"}
out=$dir/curve.tsv
: >"$out"
for s in $scales; do
  db=$dir/data-$s.db
  if [ ! -f "$db" ]; then
    need=$(awk -v s="$s" 'BEGIN { printf "%d", s * 0.45 * 2 * 1024 * 1024 }') # KiB
    free=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
    if [ "$free" -lt "$need" ]; then
      echo "curve: scale $s needs about $((need / 1024 / 1024)) GiB free, $((free / 1024 / 1024)) GiB left: skipped"
      continue
    fi
    "$dir/gen" "$db" --scale "$s"
  fi
  idle=$("$dir/run" "$db" --memory-probe | cut -d' ' -f1) # KiB
  for q in $queries; do
    "$dir/run" "$db" --only "$q" --repeat "$repeat" --no-memory --tsv "$dir/curve-one.tsv" \
      >/dev/null 2>&1 || { echo "curve: $q at scale $s failed"; exit 1; }
    rows=$(sqlite3 "$db" "SELECT count(*) FROM $(case $q in txn*) echo transactions ;; *) echo direct_trade ;; esac)")
    printf '%s\t%s\t%s\t' "$s" "$rows" "$idle" >>"$out"
    cat "$dir/curve-one.tsv" >>"$out"
  done
done
rm -f "$dir/curve-one.tsv"
echo "load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'\t' '
  BEGIN {
    label["yoy_vtab"] = "yoy_growth vtab"; label["selfjoin"] = "self-join on prior year"
    label["trade_vtab"] = "trade_imbalance vtab"; label["trade_sql"] = "pivot self-join"
    label["txn_vtab"] = "yoy_growth grain=month"; label["txn_substr"] = "substr GROUP BY + LAG"
    label["walk"] = "SQLite index walk, series order"; label["sort"] = "SQLite storage-order read + sort"
    print "| task | scale | source rows | wall s | CPU s | CPU µs per row | peak RSS MiB | over idle MiB |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|"
  }
  {
    printf "| %s | %s | %d | %.2f | %.2f | %.3f | %.1f | %.1f |\n", label[$4], $1, $2, $5, $6, $6 / $2 * 1e6, $7 / 1024, ($7 - $3) / 1024
    if (!($4 in first)) { first[$4] = $6; firstRows[$4] = $2; order[++n] = $4 }
    last[$4] = $6; lastRows[$4] = $2; rss[$4] = rss[$4] " " sprintf("%.1f", ($7 - $3) / 1024)
  }
  END {
    print ""
    for (i = 1; i <= n; i++) {
      q = order[i]
      if (lastRows[q] == firstRows[q]) continue
      printf "%s: %.1f x the rows took %.2f x the CPU time (%.2f of linear); peak RSS over idle MiB:%s\n",
        label[q], lastRows[q] / firstRows[q], last[q] / first[q],
        (last[q] / first[q]) / (lastRows[q] / firstRows[q]), rss[q]
    }
  }' "$out"
