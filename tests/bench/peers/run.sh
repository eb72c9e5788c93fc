#!/bin/sh
# run.sh -- tradestat's benchmark tasks in DuckDB and pandas beside it,
# timed back to back in rounds.
#
#   sh tests/bench/peers/run.sh DB BENCH_DIR REPEAT
#
# 1. When a peer can run, exports DB's direct_trade and transactions once
#    to CSV (BENCH_DIR/csv-<db name>/, timed, kept while DB is unchanged):
#    DuckDB's sqlite scanner is an extension downloaded at run time, so
#    both peers read the same CSV instead.
# 2. DuckDB, when npm and node are present: @duckdb/node-api (pinned below)
#    is installed into BENCH_DIR/node_modules once; duckdb.mjs is a worker.
#    Without npm: skipped, said so.
# 3. pandas, when /usr/bin/python3 can import it (Debian python3-pandas;
#    `make deps-bench-peers` installs it): pandas_tasks.py is a worker.
#    Else skipped, said so.
# 4. rounds.py drives the workers and BENCH_DIR/peers-sqlite (tradestat
#    and SQLite's scan floor) round by round into
#    BENCH_DIR/peers-rounds-<db name>.tsv; report.py prints the tables from
#    it (also kept, as peers-report-<db name>.txt) and fails when any
#    contender's results differ from tradestat's; table_check.sh then
#    fails when the tables are not what they should be.
set -e
db=$1 dir=$2 repeat=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
DUCKDB_NODE_API=${DUCKDB_NODE_API:-@duckdb/node-api@1.5.6-r.1}
PANDAS_PYTHON=${PANDAS_PYTHON:-/usr/bin/python3}
SQLITE3=${SQLITE3:-sqlite3}
csv=$dir/csv-$(basename "$db" .db)
set -- "sqlite=$dir/peers-sqlite $db"

if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  if [ ! -f "$dir/node_modules/@duckdb/node-api/package.json" ]; then
    (cd "$dir" && npm install --no-save --no-audit --no-fund --no-package-lock --prefix . \
      "$DUCKDB_NODE_API" >/dev/null) || echo "DuckDB: npm install $DUCKDB_NODE_API failed; skipped"
  fi
  if [ -f "$dir/node_modules/@duckdb/node-api/package.json" ]; then
    # Node resolves packages from the script's folder: run a copy in $dir.
    cp "$here/duckdb.mjs" "$dir/peers-duckdb.mjs"
    set -- "$@" "duckdb=node $dir/peers-duckdb.mjs $csv"
  fi
else
  echo "DuckDB: skipped (no npm/node)"
fi

if "$PANDAS_PYTHON" -c "import pandas" 2>/dev/null; then
  set -- "$@" "pandas=$PANDAS_PYTHON $here/pandas_tasks.py $csv"
else
  echo "pandas: skipped ($PANDAS_PYTHON cannot import pandas; make deps-bench-peers installs python3-pandas)"
fi

if [ $# -gt 1 ]; then
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
fi

rounds=$dir/peers-rounds-$(basename "$db" .db).tsv report=$dir/peers-report-$(basename "$db" .db).txt
python3 "$here/rounds.py" "$rounds" "$repeat" "$@"
echo
status=0
python3 "$here/report.py" "$rounds" >"$report" || status=$?
cat "$report"
[ "$status" -eq 0 ] || exit "$status"
sh "$here/table_check.sh" "$report" "$repeat"
