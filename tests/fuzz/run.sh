#!/bin/sh
# Replays each harness's corpus (every seed and regression input), then
# fuzzes it for SECONDS seconds.  New inputs go to build/fuzz/new/<harness>/
# (not the repository), crashes to build/fuzz/crash-<harness>-*: copy a
# crash into tests/fuzz/corpus/<harness>/ once it is fixed, so it is
# replayed forever.
#   sh tests/fuzz/run.sh SECONDS harness...
cd "$(dirname "$0")/../.." || exit 1
seconds=$1
shift
out=build/fuzz
status=0
# The SQL harness also starts from the current SQL check files, so its seeds
# follow the tests instead of going stale as copies: each whole file and, for
# each check, the setup before it plus the check's SQL (short enough for
# -max_len below), as plain SQL (no dot-commands, no comment lines, which
# hold the expectations).  The runner writes them (sqltest.py --seeds).
seed_dirs() {
  echo "tests/fuzz/corpus/$1"
  # The kosis parser's also starts from the sample files the SQL checks
  # read (tests/data/*.csv), as they are.
  [ "$1" = kosis ] && echo tests/data
  [ "$1" = sql ] || return 0
  rm -rf "$out/seed-sql"
  mkdir -p "$out/seed-sql"
  /usr/bin/python3 tests/sql/sqltest.py --seeds "$out/seed-sql" >/dev/null || return 1
  echo "$out/seed-sql"
}
for h in "$@"; do
  bin=$out/fuzz_$h
  mkdir -p "$out/new/$h"
  dirs=$(seed_dirs "$h")
  n=$(for d in $dirs; do ls "$d"; done | wc -l)
  if ! $bin -runs=0 $dirs >"$out/replay-$h.log" 2>&1; then
    echo "fuzz_$h: replaying the corpus FAILED"; tail -40 "$out/replay-$h.log"; status=1; continue
  fi
  echo "fuzz_$h: corpus of $n inputs replayed clean"
  [ "$seconds" -gt 0 ] || continue
  rm -f "$out"/crash-$h-*
  $bin -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix="$out/crash-$h-" -print_final_stats=1 \
    "$out/new/$h" $dirs >"$out/fuzz-$h.log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/fuzz-$h.log" | grep -o '[0-9]*$')
  found=$(ls "$out/new/$h" | wc -l)
  echo "fuzz_$h: ${execs:-?} executions in $seconds s, $found new inputs in $out/new/$h"
  if [ "$rc" -ne 0 ] || ls "$out"/crash-$h-* >/dev/null 2>&1; then
    echo "fuzz_$h: FOUND A CRASH (exit $rc); the input is in $out/crash-$h-*"
    grep -E 'ERROR|SUMMARY|runtime error' "$out/fuzz-$h.log" | head -10
    status=1
  fi
done
exit $status
