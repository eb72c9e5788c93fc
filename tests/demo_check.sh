#!/bin/sh
# Runs `make demo`'s script and checks that the article's figures appear in
# what it prints, each computed by the extension (see sql/examples/).
cd "$(dirname "$0")/.." || exit 1
out=$(sh sql/demo.sh 2>&1) || { printf '%s\n' "$out"; echo "demo: 0 passed, 1 failed (a script failed)"; exit 1; }
pass=0 fail=0
expect() { # description, fixed string that must appear
  if printf '%s\n' "$out" | grep -qF -- "$2"; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "demo: missing $1: '$2'"; fi
}
expect "imports from China +106 %" "more than doubled (+106 %) to 1,400 bn won"
expect "exports to China -40 %" "fell 40 % to 451 bn won"
expect "pct_change of the two halves" "105.64"
expect "coverage 32 %" "just 32 % of the 1,400 bn won"
expect "deficit 949" "a deficit of 949 bn won"
expect "balance swing" "from a 70.9 bn won surplus in H1 2022 to a 949.0 bn won deficit"
expect "run-rate projection" "2800.0"
expect "prior-share projection" "3064.0"
expect "seasonal naive projection" "2209.2"
expect "KOSIS 2019 total" "5960859"
expect "KOSIS 2018 total" "3603870"
expect "KOSIS Q4 2019 growth" "+92.9 %"
expect "KOSIS China 2019" "5161893"
expect "China contribution 2019" "China contributed 63.2 of the 65.4 points of growth in 2019."
echo "demo: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
