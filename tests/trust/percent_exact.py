#!/usr/bin/python3
"""Rates rounded once: pct_change, trade_imbalance's coverage and the
yoy_growth table's growth against exact fractions.

The plain meaning of a rate is (current - previous) * 100 / |previous|
(a coverage x * 100 / m) of the figures as written, worked out exactly
and rounded once to the nearest double: INTEGERs as they are; two REALs
that both have a short decimal form (Python's repr, at most 15 places,
scaled below 2^52 -- docs/conventions.md) as those decimals (0.7 is
seven tenths); other REALs as the doubles themselves.  Plain SQL's (a - b) * 100.0 /
abs(b) rounds two or three times for REAL figures (0.1 is
0.1000000000000000055...) and is one double off for about a quarter of
random decimal pairs; the extension must not be.

Seeded random pairs of eight kinds: small integers, integers around 2^46
(where a product by 100 stops being exact), integers up to 2^53 and up
to 2^63 of either sign, decimals with one to three digits after the point, REALs,
denormal-sized REALs and REALs near 1e300.  Checked:

  1. pct_change(c, p) is the exact rate rounded once, bit for bit (NULL
     for a zero p);
  2. trade_imbalance(c, p, 'coverage') for c >= 0 and p > 0 likewise;
  3. the yoy_growth table over a REAL column holding the pairs as
     January of two years, one series a pair: its growth is the same
     double.

    /usr/bin/python3 tests/trust/percent_exact.py [build/tradestat] [--pairs N] [--seed S]

Exits 1 at the first difference, printing it.
"""
import random
import sys
from fractions import Fraction

import common

EXT = common.DEFAULT_EXT
PAIRS = 200000
SEED = 1
KINDS = ("int", "int46", "int53", "int63", "decimal", "real", "tiny", "huge")


def figure(rng, kind):
    if kind == "int":
        return rng.randint(-10**6, 10**6)
    if kind == "int46":
        return rng.randint(-2**47, 2**47)
    if kind == "int53":
        return rng.randint(-2**53, 2**53)
    if kind == "int63":
        # past 2^53, where an INTEGER is no double: a base of 2^53 + 1 was
        # divided by as 2^53
        return rng.randint(-2**63, 2**63 - 1)
    if kind == "decimal":
        return round(rng.uniform(-1e4, 1e4), rng.randint(1, 3))
    if kind == "tiny":
        return rng.uniform(-1, 1) * 1e-305
    if kind == "huge":
        return rng.uniform(-1, 1) * 1e300
    return rng.uniform(-1e6, 1e6)


def exact(num, den):
    """num * 100 / den rounded once; None when beyond the doubles."""
    r = Fraction(num) * 100 / Fraction(den)
    return float(r) if abs(r) <= Fraction(1.7976931348623157e308) else None


def main(argv):
    ext, options = common.parse_args(argv, EXT, {"pairs": PAIRS, "seed": SEED})
    rng = random.Random(options["seed"])
    pairs = []
    for _ in range(options["pairs"]):
        kind = rng.choice(KINDS)
        c, p = figure(rng, kind), figure(rng, kind)
        if p != 0:
            pairs.append((kind, c, p))
    db = common.connect(ext)
    db.execute("CREATE TABLE x(k, c, p)")
    db.executemany("INSERT INTO x VALUES (?, ?, ?)", pairs)
    for kind, c, p, g, cov in db.execute(
            "SELECT k, c, p, pct_change(c, p), CASE WHEN c >= 0 AND p > 0 "
            "THEN trade_imbalance(c, p, 'coverage') END FROM x"):
        fc, fp = common.as_written(c, p)
        want = exact(fc - fp, abs(fp))
        if g != want:
            print("percent_exact: FAILED: pct_change(%r, %r) is %r, the exact rate rounded once %r"
                  % (c, p, g, want))
            return 1
        if c >= 0 and p > 0 and cov != exact(*common.as_written(c, p)):
            print("percent_exact: FAILED: trade_imbalance(%r, %r, 'coverage') is %r, exactly %r"
                  % (c, p, cov, exact(*common.as_written(c, p))))
            return 1
    # the table form over a REAL column: one series a pair
    real = [(i, float(c), float(p)) for i, (_, c, p) in enumerate(pairs[:20000])]
    db.execute("CREATE TABLE t(s INTEGER, period TEXT, v REAL)")
    db.executemany("INSERT INTO t VALUES (?, '2022-01', ?)", [(i, p) for i, _, p in real])
    db.executemany("INSERT INTO t VALUES (?, '2023-01', ?)", [(i, c) for i, c, _ in real])
    got = dict(db.execute("SELECT series, growth FROM yoy_growth('t', 'v', 'period', 's') "
                          "WHERE period = '2023-01'"))
    for i, c, p in real:
        fc, fp = common.as_written(c, p)
        want = exact(fc - fp, abs(fp))
        if got.get(i) != want:
            print("percent_exact: FAILED: yoy_growth's growth from %r to %r is %r, exactly %r"
                  % (p, c, got.get(i), want))
            return 1
    print("percent_exact: %d pairs (%s): pct_change and coverage are the exact rate rounded "
          "once, and yoy_growth's growth over %d REAL pairs" % (len(pairs), ", ".join(KINDS), len(real)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
