#!/bin/sh
# run.sh -- annual_projection's accuracy beside R's forecast package.
#
#   sh tests/bench/accuracy/run.sh CASES_BIN OUT_DIR [NSIM] [CORES] [SET]
#
# SET is "tuning" (the default: the data sets below, on which annual_projection's
# rules and constants were chosen), "holdout" (`make bench-holdout`: only
# the series of sql/data/r_holdout/, never used to choose a rule or
# constant, as data sets "holdout, quarterly" and "holdout, monthly", each
# one source, so its series pool their errors; no synthetic or KOSIS
# series) or "holdout-alone" (the same cases, each series projected alone:
# cases.c --alone).  Steps 2 and 3 are the same for all; give each set its
# own OUT_DIR.  R's inputs are the same for both holdout sets, and so is
# their cache key: r.csv and r.key copied from one's OUT_DIR are reused by
# the other.
#
# 1. CASES_BIN (cases.c) projects the data sets through annual_projection's
#    SQL: synthetic quarterly (12 series) and monthly (6), the KOSIS file
#    (sql/data/kosis/), and the public R series (sql/data/r/: UKgas and
#    woolyrnq quarterly; AirPassengers, USAccDeaths, wineind and gas
#    monthly), each complete year with 3 earlier years, from H1.
# 2. When Rscript and its forecast package are present, r_forecasts.R
#    projects the same cases with ets, auto.arima, stlf and thetaf (NSIM
#    simulated paths per case for the 80 % interval, CORES processes; about
#    620 cases x 4 fits: minutes even on an idle machine, so the synthetic
#    sets are a sample and NSIM is 200 by default).
#    Without them: said so, and tradestat's methods alone are reported.
#    R's results are reused from OUT_DIR/r.csv when the data, the cases,
#    r_forecasts.R, NSIM and CORES are those it was made from (r.key).
# 3. compare.py prints the table (and the paired bootstrap, with R; for the
#    holdout, also auto's interval checks over all its cases).
set -e
bin=$1 out=$2 nsim=${3:-200} cores=${4:-1} set=${5:-tuning}
here=$(dirname "$0")
mkdir -p "$out"
case $set in
tuning)
  "$bin" "$out" --synthetic-quarterly 12 --synthetic-monthly 6 \
    --kosis sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv \
    --series "R datasets, quarterly" sql/data/r/UKgas.csv \
    --series "R datasets, quarterly" sql/data/r/woolyrnq.csv \
    --series "R datasets, monthly" sql/data/r/AirPassengers.csv \
    --series "R datasets, monthly" sql/data/r/USAccDeaths.csv \
    --series "R datasets, monthly" sql/data/r/wineind.csv \
    --series "R datasets, monthly" sql/data/r/gas.csv
  ;;
holdout | holdout-alone)
  # Every CSV of the folder, quarterly ones first; a file's kind is read
  # from its first period's label (YYYY-Qn or YYYY-MM).
  set -- --synthetic-quarterly 0 --synthetic-monthly 0
  if [ "$set" = holdout-alone ]; then set -- "$@" --alone; fi
  for kind in quarterly monthly; do
    for f in sql/data/r_holdout/*.csv; do
      case $(sed -n 2p "$f") in
      ????-Q*) k=quarterly ;;
      *) k=monthly ;;
      esac
      if [ "$k" = "$kind" ]; then set -- "$@" --series "holdout, $kind" "$f"; fi
    done
  done
  "$bin" "$out" "$@"
  ;;
*)
  echo "run.sh: SET must be tuning, holdout or holdout-alone, not '$set'" >&2
  exit 2
  ;;
esac
r=""
# R's projections depend on the data, the cases, r_forecasts.R, NSIM and
# CORES (the seeded streams are per process), never on annual_projection's
# answers: their fingerprint is kept beside r.csv, and a run with the same
# one reuses r.csv instead of R's ten minutes.  Remove r.csv to run R again.
key=$( { cat "$out/series.csv" "$here/r_forecasts.R"
         sed -n 's/^\(.*,[0-9]*,[0-9]*\),[a-z_]*,.*/\1/p' "$out/cases.csv" | sort -u
         echo "nsim $nsim cores $cores"
         [ "$set" = tuning ] || echo "set holdout"; } | cksum)
if [ -s "$out/r.csv" ] && [ "$(cat "$out/r.key" 2>/dev/null)" = "$key" ]; then
  echo "R: $out/r.csv reused (same data, cases, script, NSIM and CORES; remove it to run R again):"
  tail -1 "$out/r.log" 2>/dev/null || true
  r=$out/r.csv
elif command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  rm -f "$out/r.key"
  Rscript "$here/r_forecasts.R" "$out/series.csv" "$out/cases.csv" "$out/r.csv" "$nsim" "$cores" \
    2>"$out/r.log" || { tail -5 "$out/r.log"; exit 1; }
  tail -1 "$out/r.log"
  echo "$key" >"$out/r.key"
  r=$out/r.csv
else
  echo "R: skipped (no Rscript with the forecast package; Debian r-cran-forecast); tradestat alone:"
fi
checks=""
[ "$set" = tuning ] || checks="--checks $out/series.csv"
python3 "$here/compare.py" "$out/cases.csv" $r $checks
