#!/bin/sh
# The layering of ext/ (ARCHITECTURE.md), checked from the real #includes:
#   core/      includes only core/ (plain C; no sqlite3_value, sqlite3_context
#              or sqlite3_vtab appears in it)
#   glue/      core/ and glue/
#   vtab/      core/, glue/ and vtab/
#   a family   core/, glue/, vtab/, its own folder and families.h
#   ext/*.c    the entry point: anything
#   a header "private to ext/<folder>/" only from that folder
# and every family's register function is listed in families[].
cd "$(dirname "$0")/.." || exit 1
fail=0 checked=0
for f in $(find ext -mindepth 2 -name '*.[ch]' | sort); do
  dir=$(echo "$f" | cut -d/ -f2)
  case $dir in
    core) allowed="core" ;;
    glue) allowed="core glue" ;;
    vtab) allowed="core glue vtab" ;;
    *) allowed="core glue vtab $dir families.h" ;;
  esac
  for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
    checked=$((checked + 1))
    top=${inc%%/*}
    ok=0
    for a in $allowed; do [ "$top" = "$a" ] && ok=1; done
    if [ $ok -eq 0 ]; then
      echo "FAIL layers: $f includes \"$inc\" (allowed: $allowed)"
      fail=$((fail + 1))
    fi
  done
done
# A header private to its folder (its first comment says "private to
# ext/<folder>/") is included from that folder only: families keep to the
# public interface (vtab/series_hash.h, not vtab/series_hash_plan.h).
for h in $(grep -l '^\*\* [^ ]* -- private to ext/' ext/*/*.h); do
  rel=${h#ext/}
  dir=${rel%%/*}
  for f in $(grep -l "^#include \"$rel\"" $(find ext -name '*.[ch]') 2>/dev/null); do
    checked=$((checked + 1))
    case $f in
      ext/$dir/*) ;;
      *)
        echo "FAIL layers: $f includes \"$rel\", private to ext/$dir/"
        fail=$((fail + 1))
        ;;
    esac
  done
done
# core/ is plain C over plain values.
if grep -n 'sqlite3_value\|sqlite3_context\|sqlite3_vtab' ext/core/*.[ch] | grep -v ':\*\*'; then
  echo "FAIL layers: core/ uses a SQLite value, context or vtab type (above)"
  fail=$((fail + 1))
fi
# Every register function defined in a family is listed in families[].
for fn in $(grep -ho '^int ts_[a-z_]*_register(sqlite3 \*db)' ext/*/*.c | sed 's/^int \(ts_[a-z_]*\)(.*/\1/'); do
  checked=$((checked + 1))
  if ! grep -q "{\"[^\"]*\", $fn}" ext/tradestat.c; then
    echo "FAIL layers: $fn is not listed in families[] (ext/tradestat.c)"
    fail=$((fail + 1))
  fi
done
echo "layers: $checked includes and registrations checked, $fail failed"
[ $fail -eq 0 ]
