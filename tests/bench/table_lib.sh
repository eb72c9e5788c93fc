# table_lib.sh -- what the two table checks share, sourced (not run) by
# tests/bench/table_check.sh (run.c's table) and
# tests/bench/peers/table_check.sh (report.py's tables):
#
# TABLE_AWK  awk functions to put before a check's own program, with
#            -v rounds=ROUNDS -v who=NAME (the prefix of its messages):
#   num(x)              x is a plain number (digits, an optional fraction)
#   trim(x)             x without its leading and trailing blanks
#   fail(why)           prints "NAME: why" and ends the check, failed (the
#                       END rule must begin with: if (bad) exit 1)
#   range(r, cell, what)  r a number within cell's "lo–hi", which must be
#                       r itself when ROUNDS is 1
#   spread()            the current line's "CPU A, wall B" parses, each >= 1

TABLE_AWK='
  function num(x) { return x ~ /^[0-9]+(\.[0-9]+)?$/ }
  function trim(x) { gsub(/^ +| +$/, "", x); return x }
  function fail(why) { print who ": " why; bad = 1; exit 1 }
  # a ratio and its "lo–hi": numbers, lo <= ratio <= hi
  function range(ratio, cell, what,   parts) {
    if (!num(ratio)) fail(what " ratio is not a number: \"" ratio "\" in: " $0)
    if (split(cell, parts, "–") != 2 || !num(parts[1]) || !num(parts[2]))
      fail(what " min–max does not parse: \"" cell "\" in: " $0)
    if (parts[1] + 0 > ratio + 0 || ratio + 0 > parts[2] + 0)
      fail(what " ratio " ratio " is outside its min–max " cell)
    if (rounds == 1 && (parts[1] != ratio || parts[2] != ratio))
      fail(what " min–max " cell " differs from the one round ratio " ratio)
  }
  function spread(   s) {
    if (!match($0, /CPU [0-9.]+, wall [0-9.]+$/)) fail("spread line does not parse: " $0)
    split(substr($0, RSTART), s, /[ ,]+/)
    if (s[2] + 0 < 1 || s[4] + 0 < 1) fail("a spread below 1: " $0)
  }
'

