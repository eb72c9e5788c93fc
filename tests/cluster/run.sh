#!/bin/bash
# tests/cluster/run.sh -- tradestat on a three-node dqlite cluster
# (`make cluster-test`, docs/cluster.md).
#
#  1. Starts three build/tradestat-dqlite nodes (ids 2, 3, 4) on free
#     127.0.0.1 ports and waits for a leader.
#  2. Through the dqlite shell: sql/schema.sql, sql/data/article.sql and
#     tests/cluster/setup.sql (generated monthly rows, the three virtual
#     tables).  Runs tests/cluster/queries.sql; the answers must equal those
#     of sqlite3 with the extension on a local database built from the same
#     statements.
#  3. SIGKILLs the leader; waits (at most LEADER_WAIT s) for a new leader to
#     answer, prints that time; the same queries must give the same bytes.
#     Writes a row while the node is down.
#  4. Restarts the killed node: its own copy of the database (dqlite's
#     .dump of that node) must get the row written while it was down, the
#     queries run on each node's copy with sqlite3 must give the reference
#     answers, and the queries asked through the restarted node alone must
#     give the same bytes as before.
#  5. Stops every node with SIGTERM: each must exit 0.
#
# Every process is bounded by timeout(1) and ended by its PID.
# KEEP=1 keeps the work directory (logs, data, outputs).
set -u

BUILD=${BUILD:-build}
NODE=$BUILD/tradestat-dqlite
EXT=$BUILD/tradestat
DQLITE=${DQLITE:-dqlite}
SQLITE3=${SQLITE3:-sqlite3}
DB=tradestat
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE_LIMIT=${NODE_LIMIT:-300}   # seconds any node may live
CALL_LIMIT=${CALL_LIMIT:-30}    # seconds one dqlite shell call may take
LEADER_WAIT=${LEADER_WAIT:-60}  # seconds to wait for a (new) leader
PROBE_LIMIT=1                   # seconds one failover probe may take

cd "$ROOT" || exit 1
for f in "$NODE" "$EXT.so"; do
  [ -x "$f" ] || [ -f "$f" ] || { echo "cluster test: $f is missing (run: make cluster $BUILD/tradestat.so)"; exit 1; }
done
command -v "$DQLITE" >/dev/null || { echo "cluster test: no '$DQLITE' shell (Debian package go-dqlite)"; exit 1; }
command -v "$SQLITE3" >/dev/null || { echo "cluster test: no '$SQLITE3' shell (Debian package sqlite3)"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tradestat-cluster.XXXXXX") || exit 1
declare -a ADDR WRAPPER
FAILED=0

cleanup() {
  # A node still running is the child of its still running timeout wrapper.
  for i in 1 2 3; do
    w=${WRAPPER[$i]:-}
    if [ -n "$w" ] && kill -0 "$w" 2>/dev/null; then
      pid=$(cat "$WORK/node$i.pid" 2>/dev/null)
      if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null; else kill -KILL "$w" 2>/dev/null; fi
      { wait "$w"; } 2>/dev/null
    fi
  done
  if [ "$FAILED" = 1 ]; then
    for i in 1 2 3; do
      for log in "$WORK/node$i.log" "$WORK/node$i.restart.log"; do
        [ -s "$log" ] && { echo "---- $log (last lines)"; tail -n 5 "$log"; }
      done
    done
  fi
  if [ "${KEEP:-0}" = 1 ]; then
    echo "cluster test: work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
  FAILED=1
  echo "cluster test: FAIL $*"
  exit 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# dq SERVERS SQL: one dqlite shell call (stderr to $WORK/dq.err).
dq() {
  timeout -k 2 "$CALL_LIMIT" "$DQLITE" -s "$1" "$DB" -- "$2" 2>"$WORK/dq.err"
}
dq_error() { grep -v -e '^Usage:' -e '^  ' -e '^Flags:' -e '^$' "$WORK/dq.err" | head -n 3; }

# Free loopback ports: bound to port 0 together, then released.
PORTS=$(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))') || fail "cannot pick free ports"
set -- $PORTS
ADDR[1]=127.0.0.1:$1
ADDR[2]=127.0.0.1:$2
ADDR[3]=127.0.0.1:$3
PEERS="2@${ADDR[1]},3@${ADDR[2]},4@${ADDR[3]}"
ALL="${ADDR[1]},${ADDR[2]},${ADDR[3]}"

# start_node I LOG: node I (Raft id I + 1), in the background under timeout;
# the node's own PID goes to $WORK/nodeI.pid (sh execs it).  WRAPPER[I]:
# the background job, which ends when the node ends.
start_node() {
  local i=$1 log=$2 waited=0
  rm -f "$WORK/node$i.pid"
  # (...; exit) : the job is a subshell that exits with the node's status,
  # so a SIGKILLed node is not reported as a killed job.
  ( timeout -k 5 "$NODE_LIMIT" sh -c 'echo $$ > "$0"; exec "$@"' "$WORK/node$i.pid" \
      "$NODE" --id $((i + 1)) --address "${ADDR[$i]}" --dir "$WORK/node$i" --peers "$PEERS"
    exit $? ) >"$log" 2>&1 &
  WRAPPER[$i]=$!
  until grep -q "serving on" "$log" 2>/dev/null; do
    kill -0 "${WRAPPER[$i]}" 2>/dev/null || fail "node $((i + 1)) exited at start: $(cat "$log")"
    [ $waited -ge 200 ] && fail "node $((i + 1)) not serving after 20 s: $(cat "$log")"
    sleep 0.1
    waited=$((waited + 1))
  done
}

# leader SERVERS: the leader's address, or nothing.
leader() { timeout -k 2 5 "$DQLITE" -s "$1" "$DB" .leader 2>/dev/null; }

# node_of ADDRESS: the node index 1..3 of a node address.
node_of() {
  local i
  for i in 1 2 3; do [ "${ADDR[$i]}" = "$1" ] && { echo "$i"; return; }; done
}

# run_queries SERVERS OUT: every query of queries.sql through the dqlite shell.
run_queries() {
  local servers=$1 out=$2 n=0 q
  : >"$out"
  while IFS= read -r q; do
    case "$q" in ''|--*) continue ;; esac
    n=$((n + 1))
    echo "-- query $n" >>"$out"
    dq "$servers" "$q" >>"$out" || fail "query $n through $servers: $(dq_error)"
  done <"$HERE/queries.sql"
}

# local_queries DBFILE OUT: the same queries with sqlite3 and the extension.
local_queries() {
  local db=$1 out=$2 n=0 q
  : >"$out"
  while IFS= read -r q; do
    case "$q" in ''|--*) continue ;; esac
    n=$((n + 1))
    echo "-- query $n" >>"$out"
    timeout -k 2 "$CALL_LIMIT" "$SQLITE3" -bail -cmd ".load $EXT" "$db" "$q" >>"$out" 2>"$WORK/sqlite3.err" \
      || fail "query $n with sqlite3 on $db: $(cat "$WORK/sqlite3.err")"
  done <"$HERE/queries.sql"
}

# dump_node I DIR: node I's own copy of the database into DIR/$DB (+ -wal).
dump_node() {
  local i=$1 dir=$2
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && timeout -k 2 "$CALL_LIMIT" "$DQLITE" -s "${ADDR[$i]}" "$DB" ".dump ${ADDR[$i]} $DB" \
     >"$dir.out" 2>"$dir.err") && [ -f "$dir/$DB" ]
}

# ---- 1. three nodes, one leader -------------------------------------------
for i in 1 2 3; do start_node $i "$WORK/node$i.log"; done
t=$(now_ms)
until L=$(leader "$ALL") && [ -n "$L" ]; do
  [ $(( $(now_ms) - t )) -gt $((LEADER_WAIT * 1000)) ] && fail "no leader after $LEADER_WAIT s"
  sleep 0.2
done
echo "cluster test: 3 nodes on $ALL, leader $L (node $(( $(node_of "$L") + 1 )))"
members=$(dq "$ALL" .cluster) || fail ".cluster: $(dq_error)"
[ "$(echo "$members" | grep -c '|voter$')" = 3 ] || fail "expected 3 voters, .cluster says: $members"

# ---- 2. data, virtual tables, queries ---------------------------------------
for f in sql/schema.sql sql/data/article.sql "$HERE/setup.sql"; do
  dq "$ALL" "$(cat "$f")" >/dev/null || fail "loading $f through the dqlite shell: $(dq_error)"
done
timeout -k 2 "$CALL_LIMIT" "$SQLITE3" -bail -cmd ".load $EXT" "$WORK/reference.db" \
  ".read sql/schema.sql" ".read sql/data/article.sql" ".read $HERE/setup.sql" >/dev/null 2>"$WORK/sqlite3.err" \
  || fail "building the local reference database: $(cat "$WORK/sqlite3.err")"
local_queries "$WORK/reference.db" "$WORK/reference.txt"
run_queries "$ALL" "$WORK/before.txt"
cmp -s "$WORK/reference.txt" "$WORK/before.txt" \
  || fail "the cluster and local sqlite3 answer differently: $(diff "$WORK/reference.txt" "$WORK/before.txt" | head -n 10)"
# The article's figures: exports down 40 %, imports up 106 % (105.6).
# The command and its output are those of docs/cluster.md.
got=$(dq "$ALL" "SELECT flow, period, round(growth, 1) FROM article_growth WHERE period = '2023-H1' ORDER BY flow") \
  || fail "article check: $(dq_error)"
want=$(printf 'export|2023-H1|-40\nimport|2023-H1|105.6')
[ "$got" = "$want" ] || fail "article figures: got '$got', want '$want'"
rows=$(grep -vc '^-- query' "$WORK/before.txt")
echo "cluster test: $(grep -c '^-- query' "$WORK/before.txt") queries, $rows rows, identical to sqlite3 with the extension"

# ---- 3. SIGKILL the leader ----------------------------------------------------
OLD=$(node_of "$L")
[ -n "$OLD" ] || fail "leader '$L' is not one of $ALL"
probe=$(sed -n '/^SELECT/{p;q}' "$HERE/queries.sql")
want=$(sed -n '/^-- query 1$/,/^-- query 2$/p' "$WORK/before.txt" | sed '1d;$d')
pid=$(cat "$WORK/node$OLD.pid")
kill -KILL "$pid" || fail "cannot SIGKILL node $((OLD + 1)) (PID $pid)"
t0=$(now_ms)
wait "${WRAPPER[$OLD]}"
WRAPPER[$OLD]=
rm -f "$WORK/node$OLD.pid"
while :; do
  got=$(timeout -k 1 "$PROBE_LIMIT" "$DQLITE" -s "$ALL" "$DB" -- "$probe" 2>/dev/null) && [ "$got" = "$want" ] && break
  [ $(( $(now_ms) - t0 )) -gt $((LEADER_WAIT * 1000)) ] && fail "no leader answered within $LEADER_WAIT s of the SIGKILL"
  sleep 0.1
done
t1=$(now_ms)
NEW=$(leader "$ALL")
[ -n "$NEW" ] && [ "$NEW" != "$L" ] || fail "leader after the SIGKILL: '$NEW' (the killed one was $L)"
ms=$((t1 - t0))
printf 'cluster test: failover: leader node %d (%s) SIGKILLed, node %d (%s) answered after %d.%03d s\n' \
  $((OLD + 1)) "$L" $(( $(node_of "$NEW") + 1 )) "$NEW" $((ms / 1000)) $((ms % 1000))
echo "$ms" >"$WORK/failover_ms"
[ -n "${FAILOVER_LOG:-}" ] && echo "$ms" >>"$FAILOVER_LOG"
run_queries "$ALL" "$WORK/after.txt"
cmp -s "$WORK/before.txt" "$WORK/after.txt" \
  || fail "answers changed after the failover: $(diff "$WORK/before.txt" "$WORK/after.txt" | head -n 10)"
echo "cluster test: the new leader gives the same answers, byte for byte"
dq "$ALL" "INSERT INTO failover_marker VALUES ('written while node $((OLD + 1)) was down')" >/dev/null \
  || fail "write after the failover: $(dq_error)"

# ---- 4. the killed node rejoins ------------------------------------------------
start_node "$OLD" "$WORK/node$OLD.restart.log"
grep -q "already holds a Raft log" "$WORK/node$OLD.restart.log" \
  || fail "node $((OLD + 1)) did not restart from its data directory: $(cat "$WORK/node$OLD.restart.log")"
t=$(now_ms)
until dump_node "$OLD" "$WORK/dump$OLD" &&
      [ "$(timeout 10 "$SQLITE3" "$WORK/dump$OLD/$DB" 'SELECT count(*) FROM failover_marker' 2>/dev/null)" = 1 ]; do
  [ $(( $(now_ms) - t )) -gt $((LEADER_WAIT * 1000)) ] \
    && fail "node $((OLD + 1)) has not caught up within $LEADER_WAIT s of its restart: $(cat "$WORK/dump$OLD.err" 2>/dev/null | head -n 1)"
  sleep 0.2
done
ms=$(( $(now_ms) - t ))
printf 'cluster test: node %d restarted and holds the row written while it was down (%d.%03d s)\n' \
  $((OLD + 1)) $((ms / 1000)) $((ms % 1000))
for i in 1 2 3; do
  if [ "$i" != "$OLD" ]; then
    dump_node "$i" "$WORK/dump$i" || fail "dump of node $((i + 1)): $(cat "$WORK/dump$i.err" | head -n 1)"
  fi
  local_queries "$WORK/dump$i/$DB" "$WORK/replica$i.txt"
  cmp -s "$WORK/reference.txt" "$WORK/replica$i.txt" \
    || fail "node $((i + 1))'s copy answers differently: $(diff "$WORK/reference.txt" "$WORK/replica$i.txt" | head -n 10)"
done
echo "cluster test: each node's own copy gives the reference answers with sqlite3 and the extension"
run_queries "${ADDR[$OLD]}" "$WORK/rejoin.txt"
cmp -s "$WORK/before.txt" "$WORK/rejoin.txt" \
  || fail "answers through node $((OLD + 1)) differ: $(diff "$WORK/before.txt" "$WORK/rejoin.txt" | head -n 10)"
members=$(dq "${ADDR[$OLD]}" .cluster) || fail ".cluster through node $((OLD + 1)): $(dq_error)"
[ "$(echo "$members" | grep -c '|voter$')" = 3 ] || fail "after the rejoin, .cluster says: $members"
echo "cluster test: through node $((OLD + 1)) alone: the same answers, 3 voters"

# ---- 5. clean shutdown ------------------------------------------------------------
for i in 1 2 3; do kill -TERM "$(cat "$WORK/node$i.pid")" || fail "cannot SIGTERM node $((i + 1))"; done
for i in 1 2 3; do
  wait "${WRAPPER[$i]}"
  rc=$?
  WRAPPER[$i]=
  rm -f "$WORK/node$i.pid"
  log="$WORK/node$i.log"
  [ "$i" = "$OLD" ] && log="$WORK/node$i.restart.log"
  [ "$rc" = 0 ] || fail "node $((i + 1)) exited $rc after SIGTERM: $(tail -n 2 "$log")"
  grep -q "stopped" "$log" || fail "node $((i + 1)) did not report a clean stop: $(tail -n 2 "$log")"
done
echo "cluster test: SIGTERM stopped every node cleanly (exit 0)"
echo "cluster test: passed"
