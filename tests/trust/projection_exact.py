#!/usr/bin/python3
"""annual_projection's share methods and known years against exact
fractions, and its intervals' bounds, on random sources.

projection_rows.py models run_rate, prior_share, snaive and linear
operation for operation.  Here the plain meaning, in exact fractions:

  1. avg_share (docs/reference/projection.md): ytd / the mean share
     part_j / total_j of the same k periods in up to 3 latest complete
     prior years with a non-zero total; NULL without one, or when the
     mean share is 0; raised to the ytd in a series with no negative
     value up to the point; NULL from January..April of a month series
     no earlier year of which has a month after April.  Sources hold
     gaps, zero years, negative figures and, now and then, INTEGER
     figures past 2^53 whose sums cancel (2^62 beside -(2^62 - 5)): the
     year-to-date, parts and totals are the exact sums of the figures.
     The table (through=) and the aggregate over the rows up to the
     point must both be that value to 1e-12 (relative).
  2. A known year (through=Q4, or the year's last month): the
     projection, low and high are its exact total (as a double) and
     error 0, for every fixed method.
  3. Every row: low and high are both NULL or both numbers, then low <=
     projection <= high; a finite projection is never beside an infinite
     bound (values near the largest double, levels up to 99.999).

    /usr/bin/python3 tests/trust/projection_exact.py [build/tradestat] [--seed N] [--sources N]

Exits 1 at the first difference, printing the case.
"""
import math
import random
import sys
from fractions import Fraction

import common

fail = common.failer("projection exact")
REACHED = dict.fromkeys(["avg_share", "no share", "big", "known year",
                         "months before May", "huge interval rows", "no interval"], 0)


def label(y, q, per):
    return {2: "%d-H%d" % (y, q), 4: "%d-Q%d" % (y, q)}.get(per, "%d-%02d" % (y, q))


def source(r):
    """{(year, position): figure} of one series, and its periods a year."""
    per = r.choice([2, 4, 12])
    big = r.random() < 0.3
    early = per == 12 and r.random() < 0.3  # quarters written as months 1..4
    data = {}
    y0 = r.randint(2010, 2012)
    for y in range(y0, r.randint(y0, 2017) + 1):
        zero_year = r.random() < 0.15
        for q in range(1, per + 1):
            if r.random() < 0.06 or (early and q > 4):
                continue
            if zero_year:
                v = 0
            elif big:  # pairs that cancel: 2^62 beside -(2^62 - small)
                v = 2**62 if q % 2 else -(2**62 - r.randint(1, 500))
            else:
                v = r.choice([r.randint(-20, 300), r.randint(0, 300), r.randint(0, 300)])
            data[(y, q)] = v
    return per, data, big


def avg_share(data, per, Y, k):
    """The plain meaning (docstring item 1), or None."""
    years = sorted({y for y, _ in data})
    if not all((Y, j) in data for j in range(1, k + 1)):
        return None
    ytd = sum(Fraction(data[(Y, j)]) for j in range(1, k + 1))
    if k == per:
        return ytd
    if per == 12 and k <= 4 and Y > years[0] and not any(
            (y, j) in data for y in years if y < Y for j in range(5, 13)):
        REACHED["months before May"] += 1
        return None
    shares = []
    for y in range(Y - 1, years[0] - 1, -1):
        if len(shares) == 3:
            break
        if not all((y, j) in data for j in range(1, per + 1)):
            continue
        total = sum(Fraction(data[(y, j)]) for j in range(1, per + 1))
        if total == 0:
            continue
        shares.append(sum(Fraction(data[(y, j)]) for j in range(1, k + 1)) / total)
    if not shares or sum(shares) == 0:
        REACHED["no share"] += 1
        return None
    value = ytd / (sum(shares) / len(shares))
    # (with no negative value up to the point every share is at most 1,
    # so the raise to the year-to-date never moves an exact value)
    if value < ytd and all(v >= 0 for (y, j), v in data.items() if (y, j) <= (Y, k)):
        value = ytd
    REACHED["avg_share"] += 1
    return value


def close(got, want):
    if got is None or want is None:
        return got is None and want is None
    return abs(Fraction(got) - want) <= abs(want) * Fraction(1, 10**12) + Fraction(1, 10**9)


def check_avg_share(db, r, case):
    per, data, big = source(r)
    if not data:
        return
    REACHED["big"] += big
    db.execute("DROP TABLE IF EXISTS t")
    db.execute("CREATE TABLE t(p TEXT, v)")
    db.executemany("INSERT INTO t VALUES (?, ?)",
                   [(label(y, q, per), v) for (y, q), v in sorted(data.items())])
    k = r.randint(1, per)
    if per == 12 and not any(q > 4 for _, q in data) and r.random() < 0.5:
        # quarters written as months 1..4: a point among them, so that
        # "months before May" is reached on every seed, not by chance
        k = r.randint(1, 4)
    point = label(2000, k, per)[5:]
    for Y in sorted({y for y, _ in data}):
        want = avg_share(data, per, Y, k)
        row = db.execute("SELECT projection FROM annual_projection('t', 'v', 'p', NULL, "
                         "'avg_share', 'through=%s') WHERE year = ?" % point, (Y,)).fetchone()
        got = row[0] if row else None
        if not close(got, want):
            fail("case %d: avg_share of %d from %s: table %r, the definition %r; rows %r"
                 % (case, Y, point, got, want and float(want), sorted(data.items())))
        if (Y, k) in data:  # the aggregate's latest period is (Y, k)
            agg = db.execute("SELECT annual_projection(v, p, 'avg_share') FROM t WHERE p <= ?",
                             (label(Y, k, per),)).fetchone()[0]
            if not close(agg, want):
                fail("case %d: aggregate avg_share of %d from %s: %r, the definition %r; rows %r"
                     % (case, Y, point, agg, want and float(want), sorted(data.items())))
        if k == per and want is not None:
            check_known_year(db, case, Y, point, want)


def check_known_year(db, case, Y, point, total):
    for m in ("run_rate", "prior_share", "avg_share", "snaive", "linear"):
        got = db.execute("SELECT projection, low, high, error FROM annual_projection('t', 'v', "
                         "'p', NULL, ?, 'through=%s') WHERE year = ?" % point, (m, Y)).fetchone()
        want = float(total)
        if got != (want, want, want, None if total == 0 else 0.0):
            fail("case %d: %s, the known year %d: (projection, low, high, error) %r, its "
                 "total is %r" % (case, m, Y, got, want))
        REACHED["known year"] += 1


def check_bounds(db, r, case):
    """Item 3 on series scaled up to near the largest double."""
    per = r.choice([2, 4, 12])
    scale = r.choice([1.0, 1e300, 5e307, 8e307, 1.5e308 / per])
    rows = []
    for s in range(r.randint(1, 7)):
        y1 = r.randint(2011, 2016)
        for y in range(2010, y1 + 1):
            for q in range(1, per + 1):
                if y == y1 and q > r.randint(1, per):
                    break
                rows.append((s, label(y, q, per), scale * r.uniform(0.3, 1.0)))
    db.execute("DROP TABLE IF EXISTS t")
    db.execute("CREATE TABLE t(k, p TEXT, v REAL)")
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    m = r.choice(["run_rate", "prior_share", "avg_share", "snaive", "linear", "holt_winters",
                  "theta", "auto"])
    level = r.choice([80, 95, 99.9, 99.999])
    for row in db.execute("SELECT series, year, ytd, projection, low, high, note FROM "
                          "annual_projection('t', 'v', 'p', 'k', ?, 'level=%s')" % level, (m,)):
        _, _, _, pj, lo, hi, note = row
        if (lo is None) != (hi is None):
            fail("case %d: %s at level %s: one bound without the other: %r" % (case, m, level, row))
        for x in (pj, lo, hi):
            if x is not None and not math.isfinite(x):
                fail("case %d: %s: a bound or projection not finite: %r" % (case, m, row))
        if lo is not None and not lo <= pj <= hi:
            fail("case %d: %s: the projection outside its interval: %r" % (case, m, row))
        if pj is not None and lo is None and note and "not a finite number" in note:
            REACHED["no interval"] += 1
        if scale > 1e300 and lo is not None:
            REACHED["huge interval rows"] += 1


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"seed": 1, "sources": 150})
    global EXT
    EXT = ext
    db = common.connect(ext)
    r = random.Random(opts["seed"])
    for case in range(opts["sources"]):
        check_avg_share(db, r, case)
        if case % 3 == 0:
            check_bounds(db, r, case)
    low = [name for name, n in REACHED.items() if n == 0]
    if low:
        fail("no case reached %s (the generator no longer covers them): %r" % (low, REACHED))
    print("projection exact: avg_share equals its definition in exact fractions, known years "
          "their totals, and every interval has both bounds finite or none: %r (seed %d)"
          % (REACHED, opts["seed"]))


if __name__ == "__main__":
    main()
