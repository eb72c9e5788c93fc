#!/usr/bin/python3
"""How often the interval from the spread of this year's growth by period
(annual_projection's intervals with no earlier errors: a series alone in
its second and third years) holds the actual total, by method.

Seeded synthetic series (150 quarterly, 60 monthly; level, growth,
seasonal pattern, 2-15 % noise, 4 years), each projected alone in the
virtual table from every point 2..P-1; only the rows whose note says the
interval came from that spread are counted.  Prints the share of actual
totals inside [low, high] per period kind and method: a measurement, no
assertion.

    /usr/bin/python3 tests/bench/spread_interval_coverage.py [build/tradestat]
"""
import math
import random
import sqlite3
import sys

SPREAD = "spread of this year's periods (no earlier"


def main():
    ext = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(ext)
    r = random.Random(20231201)
    res = {}
    for per, n_series in ((4, 150), (12, 60)):
        for _ in range(n_series):
            level, growth, noise = r.uniform(100, 1000), r.uniform(-0.05, 0.15), r.uniform(0.02, 0.15)
            season = [1 + 0.3 * math.sin(2 * math.pi * q / per + r.uniform(0, 6)) for q in range(per)]
            rows = []
            for y in range(2015, 2019):
                for q in range(1, per + 1):
                    v = level * (1 + growth) ** (y - 2015 + q / per) * season[q - 1]
                    v *= r.lognormvariate(0, noise)
                    label = "%d-Q%d" % (y, q) if per == 4 else "%d-%02d" % (y, q)
                    rows.append((label, round(v, 2)))
            db.execute("DROP TABLE IF EXISTS t")
            db.execute("CREATE TABLE t(p, v)")
            db.executemany("INSERT INTO t VALUES (?, ?)", rows)
            for method in ("run_rate", "linear", "prior_share", "auto"):
                for k in range(2, per):
                    through = "through=" + (("Q%d" % k) if per == 4 else "%02d" % k)
                    for low, high, actual, note in db.execute(
                            "SELECT low, high, actual, note FROM annual_projection('t', 'v', 'p', "
                            "NULL, ?, ?)", (method, through)):
                        if actual is None or note is None or SPREAD not in note:
                            continue
                        d = res.setdefault((per, method), [0, 0])
                        d[0] += 1
                        d[1] += low <= actual <= high
    print("intervals from the spread of this year's growth (80 %), series alone:")
    for (per, method), (n, held) in sorted(res.items()):
        print("  P=%-2d %-12s %5d intervals, %5.1f %% hold the actual total"
              % (per, method, n, 100.0 * held / n))
    for per in (4, 12):
        for method in ("run_rate", "linear"):
            if (per, method) not in res:
                print("  P=%-2d %-12s none" % (per, method))


if __name__ == "__main__":
    main()
