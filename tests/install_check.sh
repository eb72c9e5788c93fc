#!/bin/sh
# `make installtest`: installs twice into temporary places and uses what was
# installed, then uninstalls:
#   1. DESTDIR staging (PREFIX=/opt/tradestat-test): every file in place,
#      the module loads by full path (tradestat and libtradestat), the .pc
#      file works with pkg-config --define-prefix, uninstall leaves nothing.
#   2. a temporary PREFIX (no DESTDIR, LDCONFIG=:), found through
#      LD_LIBRARY_PATH: `.load tradestat` and `.load libtradestat` with no
#      path in the sqlite3 shell, sqlite3_load_extension(db, "libtradestat",
#      0) and (db, "tradestat", 0) from C, and a client compiled and linked
#      with `pkg-config --cflags --libs tradestat` (static: the binary must
#      not need any tradestat shared object).
# `make installtest-system` (tests/install_check.sh --system, root only):
#   make install into the real PREFIX (/usr/local, ldconfig), bare-name loads
#   with no LD_LIBRARY_PATH, pkg-config from its default search path, make
#   uninstall, and the bare name must no longer load.  Refuses to run when a
#   tradestat is already installed there.
cd "$(dirname "$0")/.." || exit 1
MAKE=${MAKE:-make}
SQLITE3=${SQLITE3:-sqlite3}
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
repo=$(pwd)
root=$(mktemp -d) || exit 1
cleanup() { rm -rf "$root"; }
trap cleanup EXIT
fail() { echo "install: FAIL $*"; exit 1; }
checks=0
ok() { checks=$((checks + 1)); }

version=$($SQLITE3 :memory: ".load build/tradestat" "SELECT tradestat_version()") ||
  fail "build/tradestat does not load"

# load_as NAME [ENV...]: the sqlite3 shell loads NAME (from $root, so no
# file of the repository is near) and prints tradestat_version().
load_as() {
  name=$1; shift
  (cd "$root" && env "$@" $SQLITE3 :memory: ".load $name" "SELECT tradestat_version()" 2>&1)
}

# The C client: loads NAME with a NULL entry point and runs every check of
# tests/clients/client_check.h (from the repository root: it reads sql/data).
c_load() {
  name=$1; shift
  env "$@" build/tests/load_client "$name" >"$root/c_load.out" 2>&1 ||
    { cat "$root/c_load.out"; fail "sqlite3_load_extension(db, \"$name\", 0) with $*"; }
  grep -q "FAIL" "$root/c_load.out" && { cat "$root/c_load.out"; fail "checks after loading $name"; }
  ok
}

# The static client, compiled and linked only with what pkg-config says.
# pc_client OUT PKG_CONFIG_PATH [pkg-config option]; an empty path means
# pkg-config's default search path.
pc_client() {
  out=$1 pcpath=$2 pcopt=${3:-}
  if [ -n "$pcpath" ]; then set -- PKG_CONFIG_PATH="$pcpath"; else set -- -u PKG_CONFIG_PATH; fi
  cflags=$(env "$@" $PKG_CONFIG $pcopt --cflags tradestat) || fail "pkg-config --cflags tradestat ($*)"
  libs=$(env "$@" $PKG_CONFIG $pcopt --libs tradestat) || fail "pkg-config --libs tradestat ($*)"
  # shellcheck disable=SC2086 # word splitting of the flags is intended
  $CC $cflags -Itests/clients tests/clients/static_client.c -o "$out" $libs ||
    fail "compiling with: $CC $cflags ... $libs"
  if readelf -d "$out" | grep -q "NEEDED.*tradestat"; then
    fail "$out needs a tradestat shared object; pkg-config --libs must link the static library ($libs)"
  fi
  "$out" >"$root/pc_client.out" 2>&1 || { cat "$root/pc_client.out"; fail "client linked with: $libs"; }
  grep -q "FAIL" "$root/pc_client.out" && { cat "$root/pc_client.out"; fail "client checks ($libs)"; }
  ok
}

installed_files="lib/libtradestat.so lib/libtradestat-byname.so lib/tradestat.so lib/libtradestat.a
include/tradestat.h lib/pkgconfig/tradestat.pc"

if [ "${1:-}" = "--system" ]; then
  prefix=/usr/local
  [ "$(id -u)" = 0 ] || { echo "install (system): skipped: needs root to install into $prefix"; exit 0; }
  for f in $installed_files; do
    [ -e "$prefix/$f" ] && fail "$prefix/$f exists: a tradestat is installed already; not touching it (make uninstall first)"
  done
  trap '$MAKE --no-print-directory -s uninstall >/dev/null 2>&1; cleanup' EXIT
  $MAKE --no-print-directory -s install >/dev/null || fail "make install"
  for f in $installed_files; do
    [ -e "$prefix/$f" ] || fail "$prefix/$f not installed"
  done
  for name in tradestat libtradestat "$prefix/lib/tradestat" "$prefix/lib/libtradestat"; do
    got=$(load_as "$name" -u LD_LIBRARY_PATH)
    [ "$got" = "$version" ] || fail ".load $name after make install into $prefix: got '$got'"
    ok
  done
  c_load libtradestat -u LD_LIBRARY_PATH
  c_load tradestat -u LD_LIBRARY_PATH
  pc_client "$root/client" ""
  $MAKE --no-print-directory -s uninstall >/dev/null || fail "make uninstall"
  for f in $installed_files; do
    [ -e "$prefix/$f" ] && fail "$prefix/$f left after make uninstall"
  done
  got=$(load_as tradestat -u LD_LIBRARY_PATH)
  [ "$got" = "$version" ] && fail ".load tradestat still works after make uninstall (ldconfig cache?)"
  ok
  echo "install (system): $checks passed (make install into $prefix, ldconfig, .load by bare name, pkg-config, make uninstall)"
  exit 0
fi

# 1. DESTDIR staging.
prefix=/opt/tradestat-test
stage=$root/stage
$MAKE --no-print-directory -s install DESTDIR="$stage" PREFIX="$prefix" >/dev/null || fail "make install DESTDIR"
for f in $installed_files; do
  [ -e "$stage$prefix/$f" ] || fail "$prefix/$f not installed"
done
ok
[ "$(readlink "$stage$prefix/lib/tradestat.so")" = libtradestat-byname.so ] ||
  fail "lib/tradestat.so is not a link to libtradestat-byname.so"
cmp -s build/tradestat.so "$stage$prefix/lib/libtradestat.so" || fail "lib/libtradestat.so differs from build/tradestat.so"
ok
for name in "$stage$prefix/lib/tradestat" "$stage$prefix/lib/libtradestat" "$stage$prefix/lib/tradestat.so"; do
  got=$(load_as "$name" -u LD_LIBRARY_PATH)
  [ "$got" = "$version" ] || fail ".load $name (staged, full path): got '$got'"
  ok
done
grep -qx "prefix=$prefix" "$stage$prefix/lib/pkgconfig/tradestat.pc" || fail "tradestat.pc: prefix is not $prefix"
pc_client "$root/client_staged" "$stage$prefix/lib/pkgconfig" --define-prefix
$MAKE --no-print-directory -s uninstall DESTDIR="$stage" PREFIX="$prefix" >/dev/null || fail "make uninstall DESTDIR"
left=$(find "$stage$prefix" ! -type d | wc -l)
[ "$left" -eq 0 ] || fail "$left files left after uninstall: $(find "$stage$prefix" ! -type d)"
ok

# 2. A temporary PREFIX, found by bare name through LD_LIBRARY_PATH.
prefix=$root/usr
$MAKE --no-print-directory -s install PREFIX="$prefix" LDCONFIG=: >/dev/null || fail "make install PREFIX=$prefix"
got=$(load_as tradestat -u LD_LIBRARY_PATH)
if [ "$got" = "$version" ]; then
  fail ".load tradestat works without LD_LIBRARY_PATH: a tradestat is installed system-wide, so the bare-name checks below could not tell it from the temporary one (make uninstall it, or run make installtest-system)"
fi
ok
for name in tradestat libtradestat; do
  got=$(load_as "$name" LD_LIBRARY_PATH="$prefix/lib")
  [ "$got" = "$version" ] || fail ".load $name with LD_LIBRARY_PATH=$prefix/lib: got '$got'"
  ok
done
c_load libtradestat LD_LIBRARY_PATH="$prefix/lib"
c_load tradestat LD_LIBRARY_PATH="$prefix/lib"
got=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" $PKG_CONFIG --modversion tradestat)
[ "$got" = "$version" ] || fail "pkg-config --modversion tradestat: got '$got', want $version"
got=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" $PKG_CONFIG --libs tradestat | sed "s/ *$//")
[ "$got" = "$prefix/lib/libtradestat.a -lsqlite3 -lm" ] || fail "pkg-config --libs tradestat: got '$got'"
ok
pc_client "$root/client" "$prefix/lib/pkgconfig"
$MAKE --no-print-directory -s uninstall PREFIX="$prefix" LDCONFIG=: >/dev/null || fail "make uninstall PREFIX=$prefix"
left=$(find "$prefix" ! -type d | wc -l)
[ "$left" -eq 0 ] || fail "$left files left after uninstall: $(find "$prefix" ! -type d)"
ok
echo "install: $checks passed (DESTDIR: files, .load by full path, pkg-config --define-prefix, uninstall;" \
  "temporary PREFIX: .load tradestat/libtradestat by bare name, C client by bare name, pkg-config static client, uninstall)"
