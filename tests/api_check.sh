#!/bin/sh
# api_check.sh -- the extension is built without SQLite's deprecated
# interfaces (a host's SQLite may leave them out of the extension API, and
# the call then goes through a NULL pointer).  Compiles, with the flags
# ext/ is compiled with, one file that calls a deprecated interface (must
# fail) and one that calls a current one (must build), both as a loadable
# extension and as the static library's code (SQLITE_CORE).
#
#   sh tests/api_check.sh CC "CFLAGS"
cc=$1 flags=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0 n=0
probe() { # NAME CALL EXPECT(build|fail) DEFINES
  n=$((n + 1))
  cat >"$dir/$1.c" <<SRC
#include "core/alloc.h"
int probe(sqlite3_stmt *a, sqlite3_stmt *b) { return $2; }
SRC
  if $cc $flags $4 -c "$dir/$1.c" -o "$dir/$1.o" 2>"$dir/$1.err"; then got=build; else got=fail; fi
  if [ "$got" != "$3" ]; then
    echo "apitest: $1 ($4): expected $3, got $got"
    cat "$dir/$1.err"
    fail=$((fail + 1))
  fi
}
for mode in "" "-DSQLITE_CORE"; do
  probe deprecated "sqlite3_transfer_bindings(a, b)" fail "$mode"
  probe expired "sqlite3_expired(a)" fail "$mode"
  probe current "sqlite3_clear_bindings(a) + sqlite3_reset(b)" build "$mode"
done
echo "apitest: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
