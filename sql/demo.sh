#!/bin/sh
# `make demo`: builds build/demo.db from the shipped schema and figures, then
# runs every sql/examples/*.sql in the real sqlite3 shell.
cd "$(dirname "$0")/.." || exit 1
SQLITE3=${SQLITE3:-sqlite3}
db=build/demo.db
rm -f "$db"
{ cat sql/schema.sql; cat sql/data/*.sql; } | $SQLITE3 -batch -bail "$db" || exit 1
for f in sql/examples/*.sql; do
  [ -f "$f" ] || continue
  echo "== $f"
  $SQLITE3 -batch -bail "$db" <"$f" || exit 1
done
