"""first_year.py -- annual_projection's intervals in years with no earlier
year (each series' first year), measured apart from the rest.

    /usr/bin/python3 first_year.py build/tradestat SERIES.csv [SERIES.csv...]

Contract:
 1. SERIES.csv as cases.c writes it (dataset, series, periods_per_year,
    year, position, value); every data set is one source.
 2. For every point of the year k (1..P-1), one annual_projection table
    per data set with method=run_rate (a first year's auto is run_rate's
    projection and interval, tests/sql/projection_vtab.sql 32; run_rate
    needs no Holt-Winters fits); each series' first year (complete) is a
    case.  Printed per data set and per half of its series (even / odd
    position in the file: the rule was chosen on one, and must hold on
    both): cases, how many have an interval, the share of actual totals
    inside the 80 % interval, and its mean width as % of the actual; then
    the same by where the interval came from (its note): the spread pooled
    over the source's other series, an assumed spread (one period
    observed, or too few others to pool), or earlier years' errors (a
    series that starts after others of its source).
"""
import collections
import csv
import sqlite3
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: first_year.py EXTENSION SERIES.csv...")
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(sys.argv[1])
    db.execute("CREATE TABLE obs(dataset TEXT, series TEXT, period TEXT, value REAL)")
    per = {}
    order = collections.defaultdict(dict)
    for path in sys.argv[2:]:
        for r in csv.DictReader(open(path, newline="")):
            P = int(r["periods_per_year"])
            ds = r["dataset"]
            per[ds] = P
            order[ds].setdefault(r["series"], len(order[ds]))
            label = "%s-Q%s" % (r["year"], r["position"]) if P == 4 else \
                "%s-%02d" % (r["year"], int(r["position"]))
            db.execute("INSERT INTO obs VALUES (?, ?, ?, ?)", (ds, r["series"], label, float(r["value"])))
    kinds = []
    print("| data set | half | cases | with an interval | in 80 % interval | mean width % |")
    print("|---|---|---:|---:|---:|---:|")
    for ds, P in per.items():
        db.execute("DROP VIEW IF EXISTS src")
        db.execute("CREATE VIEW src AS SELECT series, period, value FROM obs WHERE dataset = %s"
                   % "'" + ds.replace("'", "''") + "'")
        tally = [[0, 0, 0, 0.0] for _ in range(2)]
        by_kind = collections.defaultdict(lambda: [[0, 0, 0.0] for _ in range(2)])
        for k in range(1, P):
            through = "Q%d" % k if P == 4 else "%02d" % k
            db.execute("DROP TABLE IF EXISTS temp.p")
            db.execute("CREATE VIRTUAL TABLE temp.p USING annual_projection(source=src, value=value,"
                       " period=period, by=series, method=run_rate, through=%s)" % through)
            rows = db.execute(
                "SELECT p.series, p.projection, p.low, p.high, p.actual, p.note FROM temp.p AS p"
                " WHERE p.actual IS NOT NULL AND p.projection IS NOT NULL AND p.year ="
                " (SELECT min(year) FROM temp.p AS q WHERE q.series = p.series)").fetchall()
            for series, proj, low, high, actual, note in rows:
                half = order[ds][series] % 2
                t = tally[half]
                t[0] += 1
                if low is None or actual == 0:
                    continue
                t[1] += 1
                t[2] += low <= actual <= high
                t[3] += (high - low) / abs(actual) * 100
                kind = "assumed spread" if "assumed" in (note or "") else \
                    "pooled spread" if "source's others" in (note or "") else "earlier errors"
                b = by_kind[kind][half]
                b[0] += 1
                b[1] += low <= actual <= high
                b[2] += (high - low) / abs(actual) * 100
        for half in (0, 1):
            n, w, inside, width = tally[half]
            print("| %s | %s | %d | %d | %s | %s |" % (
                ds, "even" if half == 0 else "odd", n, w,
                "%.1f %%" % (100.0 * inside / w) if w else "-", "%.1f" % (width / w) if w else "-"))
        kinds.extend((ds, kind, halves) for kind, halves in sorted(by_kind.items()))
    print("\n| data set | interval from | with one (even / odd) | in 80 % interval (even / odd) |"
          " mean width % (even / odd) |")
    print("|---|---|---:|---:|---:|")
    for ds, kind, halves in kinds:
        print("| %s | %s | %s | %s | %s |" % (
            ds, kind, " / ".join(str(h[0]) for h in halves),
            " / ".join("%.1f %%" % (100.0 * h[1] / h[0]) if h[0] else "-" for h in halves),
            " / ".join("%.1f" % (h[2] / h[0]) if h[0] else "-" for h in halves)))


if __name__ == "__main__":
    main()
