#!/bin/sh
# `make dist`: builds into dist/ the Python wheel (tradestat-VERSION-py3-none-
# PLATFORM.whl, packaging/python) and the npm package (tradestat-VERSION.tgz,
# packaging/npm, made by `npm pack`), each with build/tradestat.so inside.
# VERSION is what the built module's tradestat_version() says.  Earlier
# tradestat-* files in dist/ are removed first, so dist/ holds one version.
cd "$(dirname "$0")/.." || exit 1
SQLITE3=${SQLITE3:-sqlite3}
PYTHON=${PYTHON:-/usr/bin/python3}
NPM=${NPM:-npm}
BUILD=${BUILD:-build}
fail() { echo "dist: FAIL $*" >&2; exit 1; }
version=$($SQLITE3 :memory: ".load $BUILD/tradestat" "SELECT tradestat_version()") ||
  fail "$BUILD/tradestat does not load"
mkdir -p dist || exit 1
rm -f dist/tradestat-*.whl dist/tradestat-*.tgz

"$PYTHON" packaging/python/build_wheel.py "$version" "$BUILD/tradestat.so" dist >/dev/null ||
  fail "building the wheel"

stage=$BUILD/dist/npm
rm -rf "$stage" && mkdir -p "$stage/lib" || exit 1
sed "s|@VERSION@|$version|" packaging/npm/package.json.in >"$stage/package.json"
cp packaging/npm/index.js packaging/npm/index.d.ts packaging/npm/README.md LICENSE "$stage/"
cp "$BUILD/tradestat.so" "$stage/lib/tradestat.so"
(cd "$stage" && $NPM pack --silent --pack-destination "$OLDPWD/dist" >/dev/null) ||
  fail "npm pack in $stage"
for f in "dist/tradestat-$version-"*.whl "dist/tradestat-$version.tgz"; do
  [ -f "$f" ] || fail "$f was not made"
  echo "dist: $f"
done
