#!/bin/sh
# `make installtest`: make install into a temporary DESTDIR, then use the
# installed files (the module from the sqlite3 shell; the header and static
# library from a freshly compiled client), then make uninstall and check
# that nothing is left.  Never touches the real PREFIX.
cd "$(dirname "$0")/.." || exit 1
MAKE=${MAKE:-make}
SQLITE3=${SQLITE3:-sqlite3}
CC=${CC:-cc}
root=$(mktemp -d) || exit 1
trap 'rm -rf "$root"' EXIT
fail() { echo "install: FAIL $*"; exit 1; }
prefix=/opt/tradestat-test
$MAKE --no-print-directory -s install DESTDIR="$root" PREFIX="$prefix" >/dev/null || fail "make install"
for f in lib/tradestat.so lib/libtradestat.a include/tradestat.h; do
  [ -f "$root$prefix/$f" ] || fail "$prefix/$f not installed"
done
got=$($SQLITE3 :memory: ".load $root$prefix/lib/tradestat" "SELECT period_normalize('2019 4/4 p)')" 2>&1)
[ "$got" = "2019-Q4" ] || fail "installed module: got '$got'"
$CC -I"$root$prefix/include" -Itests/clients tests/clients/static_client.c -o "$root/client" \
  -L"$root$prefix/lib" -ltradestat -lsqlite3 -lm || fail "compiling against the installed header and library"
"$root/client" >"$root/client.out" || { cat "$root/client.out"; fail "client linked with the installed library"; }
$MAKE --no-print-directory -s uninstall DESTDIR="$root" PREFIX="$prefix" >/dev/null || fail "make uninstall"
left=$(find "$root$prefix" -type f | wc -l)
[ "$left" -eq 0 ] || fail "$left files left after uninstall"
echo "install: ok (install into DESTDIR, .load, static link against installed header and library, uninstall)"
