"""compare.py -- annual_projection's methods beside R's on the same cases.

    python3 compare.py CASES.csv [R.csv] [--checks SERIES.csv]

Contract:
 1. CASES.csv (tests/bench/accuracy/cases.c) holds tradestat's projections
    through the extension's SQL, with each case's actual year total; R.csv
    (r_forecasts.R), when given, R's projections of the same cases.
 2. Per data set, only cases every method projected (tradestat's eight and,
    with R.csv, R's four) are scored, so each column is on the same cases.
    For each method: MAPE, median APE, bias (mean of (projection - actual)
    / |actual|, %), the share of actual totals inside the 80 % interval and
    the interval's mean width as % of the actual (over the comparable cases
    that have an interval; n says how many).
 3. With R.csv: per data set, a paired bootstrap 95 % interval of the mean
    of APE(tradestat auto) - APE(best R method by MAPE on that data set),
    resampling whole series (a series' cases are not independent), 2000
    resamples, seeded.  Negative: auto is more accurate.  Picking the best
    R method after seeing the results favours R.
 4. PROJ_HALF=even (odd): only the series of even (odd) index in each data
    set (0-based, in the order of CASES.csv), so a rule chosen on one half
    is confirmed on the other.
 5. --checks SERIES.csv (run.sh's holdout): per data set, over all of
    `auto`'s cases (not only the comparable ones): the share with an 80 %
    interval, the share of those whose projection lies inside it, and of
    those of a series with no negative value (in SERIES.csv, the data
    the SQL saw) the share whose low is >= the year-to-date.
"""
import csv
import math
import os
import random
import statistics
import sys

TS_METHODS = ["run_rate", "prior_share", "avg_share", "snaive", "linear", "holt_winters", "theta",
              "auto"]
R_METHODS = ["ets", "auto.arima", "stlf", "thetaf"]


def num(s):
    return float(s) if s not in ("", "NA") else None


def read(path, has_actual):
    rows = {}
    actual = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            case = (r["dataset"], r["series"], int(r["year"]), int(r["cut"]))
            rows[case + (r["method"],)] = (num(r["projection"]), num(r["low"]), num(r["high"]))
            if has_actual:
                actual[case] = num(r["actual"])
    return rows, actual


def main():
    args = sys.argv[1:]
    series_csv = None
    if "--checks" in args:
        i = args.index("--checks")
        if i + 1 >= len(args):
            sys.exit("usage: compare.py CASES.csv [R.csv] [--checks SERIES.csv]")
        series_csv = args[i + 1]
        del args[i:i + 2]
    if not args:
        sys.exit("usage: compare.py CASES.csv [R.csv] [--checks SERIES.csv]")
    proj, actual = read(args[0], True)
    methods = list(TS_METHODS)
    if len(args) > 1:
        r_proj, _ = read(args[1], False)
        proj.update(r_proj)
        methods += R_METHODS
    datasets = []
    for case in actual:
        if case[0] not in datasets:
            datasets.append(case[0])
    half = {"even": 0, "odd": 1}.get(os.environ.get("PROJ_HALF", ""))
    if half is not None:  # contract 4: one half of each data set's series
        index = {}
        for case in actual:
            index.setdefault(case[0], {}).setdefault(case[1], len(index[case[0]]))
        actual = {c: a for c, a in actual.items() if index[c[0]][c[1]] % 2 == half}
    print("| data set | method | cases | MAPE % | median APE % | bias % | in 80 % interval | "
          "mean width % | intervals |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    boot = []
    for ds in datasets:
        cases = [c for c in actual if c[0] == ds and actual[c] and all(
            proj.get(c + (m,), (None,))[0] is not None for m in methods)]
        n_series = len({c[1] for c in cases})
        mape = {}
        for m in methods:
            ape = [abs(proj[c + (m,)][0] - actual[c]) / abs(actual[c]) * 100 for c in cases]
            bias = [(proj[c + (m,)][0] - actual[c]) / abs(actual[c]) * 100 for c in cases]
            with_iv = [c for c in cases if proj[c + (m,)][1] is not None and proj[c + (m,)][2] is not None]
            inside = sum(proj[c + (m,)][1] <= actual[c] <= proj[c + (m,)][2] for c in with_iv)
            width = [(proj[c + (m,)][2] - proj[c + (m,)][1]) / abs(actual[c]) * 100 for c in with_iv]
            mape[m] = statistics.fmean(ape) if ape else math.nan
            print("| %s (%d series) | %s%s | %d | %.2f | %.2f | %+.2f | %s | %s | %d |" % (
                ds, n_series, m, " (R)" if m in R_METHODS else "", len(cases), mape[m],
                statistics.median(ape) if ape else math.nan,
                statistics.fmean(bias) if bias else math.nan,
                "%.1f %%" % (100.0 * inside / len(with_iv)) if with_iv else "-",
                "%.1f" % statistics.fmean(width) if width else "-", len(with_iv)))
        if len(methods) > len(TS_METHODS) and cases:
            best = min(R_METHODS, key=lambda m: mape[m])
            d_by_series = {}
            for c in cases:
                d = (abs(proj[c + ("auto",)][0] - actual[c]) - abs(proj[c + (best,)][0] - actual[c])) \
                    / abs(actual[c]) * 100
                d_by_series.setdefault(c[1], []).append(d)
            groups = list(d_by_series.values())
            rng = random.Random(20230701)
            means = []
            for _ in range(2000):
                pick = [groups[rng.randrange(len(groups))] for _ in groups]
                flat = [d for g in pick for d in g]
                means.append(statistics.fmean(flat))
            means.sort()
            point = statistics.fmean([d for g in groups for d in g])
            boot.append("%s: auto %.2f vs %s %.2f, APE difference %+.2f points, "
                        "95 %% interval [%+.2f, %+.2f] (%d series, %d cases)" % (
                            ds, mape["auto"], best, mape[best], point, means[49], means[1949],
                            len(groups), len(cases)))
    if boot:
        print("\nPaired bootstrap, APE(tradestat auto) - APE(best R method), resampling series:")
        for line in boot:
            print("- " + line)
    if series_csv:
        interval_checks(args[0], series_csv, datasets)


def interval_checks(cases_csv, series_csv, datasets):
    """Contract 5: auto's intervals over all its cases."""
    negative = set()
    with open(series_csv, newline="") as f:
        for r in csv.DictReader(f):
            if float(r["value"]) < 0:
                negative.add((r["dataset"], r["series"]))
    rows = {ds: [] for ds in datasets}
    with open(cases_csv, newline="") as f:
        for r in csv.DictReader(f):
            if r["method"] == "auto" and r["dataset"] in rows:
                rows[r["dataset"]].append(r)
    print("\n`auto`'s intervals over all its cases (interval / point inside / low >= ytd, "
          "series with no negative value):")
    for ds in datasets:
        cases = rows[ds]
        with_iv = [r for r in cases if num(r["low"]) is not None and num(r["high"]) is not None]
        inside = [r for r in with_iv if num(r["low"]) <= num(r["projection"]) <= num(r["high"])]
        nonneg = [r for r in with_iv if (r["dataset"], r["series"]) not in negative]
        above = [r for r in nonneg if num(r["low"]) >= num(r["ytd"])]
        print("- %s: an interval %d of %d (%.1f %%); point inside %d of %d; low >= ytd %d of %d" % (
            ds, len(with_iv), len(cases), 100.0 * len(with_iv) / len(cases) if cases else math.nan,
            len(inside), len(with_iv), len(above), len(nonneg)))


if __name__ == "__main__":
    main()
