#!/bin/sh
# run.sh -- tradestat's benchmark tasks in DuckDB and pandas beside it.
#
#   sh tests/bench/peers/run.sh DB BENCH_DIR TRADESTAT_TSV REPEAT
#
# 1. Exports DB's direct_trade and transactions once to CSV (BENCH_DIR/
#    csv-<db name>/, timed, kept while DB is unchanged): DuckDB's sqlite
#    scanner is an extension downloaded at run time, so both peers read
#    the same CSV instead.
# 2. DuckDB, when npm is present: @duckdb/node-api (pinned below) is
#    installed into BENCH_DIR/node_modules once; duckdb.mjs runs every task
#    with 1 thread and with all (nproc) threads.  Without npm: skipped, said so.
# 3. pandas, when /usr/bin/python3 can import it (Debian python3-pandas;
#    `make deps-bench-peers` installs it): pandas_tasks.py.  Else skipped.
# 4. report.py prints one table against TRADESTAT_TSV (run.c --tsv) and
#    fails when any engine's results differ from tradestat's.
set -e
db=$1 dir=$2 tsv=$3 repeat=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
DUCKDB_NODE_API=${DUCKDB_NODE_API:-@duckdb/node-api@1.5.6-r.1}
PANDAS_PYTHON=${PANDAS_PYTHON:-/usr/bin/python3}
SQLITE3=${SQLITE3:-sqlite3}
csv=$dir/csv-$(basename "$db" .db)
peers=""

if [ ! -f "$csv/done" ] || [ "$db" -nt "$csv/done" ]; then
  mkdir -p "$csv"
  start=$(date +%s.%N)
  "$SQLITE3" -csv -header "$db" "SELECT period, flow, partner, category, amount FROM direct_trade" \
    >"$csv/direct_trade.csv"
  "$SQLITE3" -csv -header "$db" \
    "SELECT period, flow, partner, category, amount, list_price FROM transactions" \
    >"$csv/transactions.csv"
  end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "export SQLite -> CSV (once per data set): %.1f s\n", $2 - $1}' \
    | tee "$csv/done"
else
  cat "$csv/done"
fi

if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  if [ ! -f "$dir/node_modules/@duckdb/node-api/package.json" ]; then
    (cd "$dir" && npm install --no-save --no-audit --no-fund --no-package-lock --prefix . \
      "$DUCKDB_NODE_API" >/dev/null) || echo "DuckDB: npm install $DUCKDB_NODE_API failed; skipped"
  fi
  if [ -f "$dir/node_modules/@duckdb/node-api/package.json" ]; then
    # Node resolves packages from the script's folder: run a copy in $dir.
    cp "$here/duckdb.mjs" "$dir/peers-duckdb.mjs"
    node "$dir/peers-duckdb.mjs" "$csv" "$dir/peers-duckdb.tsv" "$repeat" "1,$(nproc)"
    peers="$peers $dir/peers-duckdb.tsv"
  fi
else
  echo "DuckDB: skipped (no npm/node)"
fi

if "$PANDAS_PYTHON" -c "import pandas" 2>/dev/null; then
  "$PANDAS_PYTHON" "$here/pandas_tasks.py" "$csv" "$dir/peers-pandas.tsv" "$repeat"
  peers="$peers $dir/peers-pandas.tsv"
else
  echo "pandas: skipped ($PANDAS_PYTHON cannot import pandas; make deps-bench-peers installs python3-pandas)"
fi

echo
echo "load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "SQLite $("$SQLITE3" --version | cut -d' ' -f1); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 "$here/report.py" "$tsv" $peers
