#!/usr/bin/python3
"""The rates percenttest leaves out, against their plain meaning in
exact arithmetic: trade_imbalance's normalized and grubel_lloyd, cagr
and annual_run_rate.

  1. normalized (X - M) / (X + M) * 100 and grubel_lloyd 2 min(X, M) /
     (X + M) * 100 of flows >= 0, of the figures as written (INTEGERs
     exact, REALs with a short decimal form as those decimals:
     common.as_written), rounded once, bit for bit.  X + M is no double
     for INTEGERs past 2^53 nor for most pairs of decimals (0.1 + 0.2).
  2. cagr(first, last, years): ((last / first)^(1 / years) - 1) * 100
     worked out with Python's decimal module at 60 digits, within 4
     units in the last place (pow and its cancellation near a ratio of
     1 were millions of units off: 1000000000 to 1000000001 in one year
     was 1.000000082740371e-07 for 1e-07); over one year the growth
     itself, pct_change(last, first) bit for bit.
  3. annual_run_rate(ytd, period) of an INTEGER ytd: ytd * P / k rounded
     once (P periods or days in the year, k through the period), and
     the annual_projection aggregate's run_rate over the same
     year-to-date the same double.

Flows of seven kinds: small integers, integers up to 2^63, decimals of
one to three places, REALs, denormal-sized ones, near 1e300 and near the
largest double (whose X + M overflows).

    /usr/bin/python3 tests/trust/rates_exact.py [build/tradestat] [--pairs N] [--seed S]

Exits 1 at the first difference, printing it.
"""
import calendar
import datetime
import math
import random
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

import common

EXT = common.DEFAULT_EXT
PAIRS = 30000
SEED = 1
KINDS = ("int", "int63", "decimal", "real", "tiny", "huge", "edge")
getcontext().prec = 60


def figure(rng, kind):
    if kind == "int":
        return rng.randint(0, 10**6)
    if kind == "int63":
        return rng.randint(0, 2**63 - 1)
    if kind == "decimal":
        return round(rng.uniform(0, 1e4), rng.randint(1, 3))
    if kind == "tiny":
        return rng.uniform(0, 1) * 1e-305
    if kind == "huge":
        return rng.uniform(0, 1) * 1e300
    if kind == "edge":
        return rng.uniform(0.5, 1) * 1.7976931348623157e308
    return rng.uniform(0, 1e6)


def ulps(got, want):
    """How many doubles apart got and want are (both finite)."""
    if got == want:
        return 0
    return abs(got - want) / math.ulp(want)


def check_ratios(db, rng, pairs, fail):
    rows = []
    for _ in range(pairs):
        kind = rng.choice(KINDS)
        rows.append((figure(rng, kind), figure(rng, kind)))
    for x, m in rows:
        norm, gl = db.execute("SELECT trade_imbalance(?1, ?2, 'normalized'), "
                              "trade_imbalance(?1, ?2, 'grubel_lloyd')", (x, m)).fetchone()
        fx, fm = common.as_written(x, m)
        if fx + fm == 0:
            want_n = want_g = None
        else:
            want_n = float((fx - fm) * 100 / (fx + fm))
            want_g = float(2 * min(fx, fm) * 100 / (fx + fm))
        if norm != want_n:
            fail("trade_imbalance(%r, %r, 'normalized') is %r, exactly %r" % (x, m, norm, want_n))
        if gl != want_g:
            fail("trade_imbalance(%r, %r, 'grubel_lloyd') is %r, exactly %r" % (x, m, gl, want_g))
    return len(rows)


def cagr_exact(first, last, years):
    f, l = (Decimal(repr(v)) if isinstance(v, float) else Decimal(v) for v in (first, last))
    return float(((l / f).ln() / Decimal(repr(years))).exp() * 100 - 100)


def check_cagr(db, rng, n, fail):
    for _ in range(n):
        kind = rng.choice(("near", "near", "int", "decimal", "wide"))
        if kind == "near":
            first = rng.randint(1, 10**12)
            last = first + rng.randint(-1000, 1000)
            if last <= 0:
                continue
        elif kind == "int":
            first, last = rng.randint(1, 2**63 - 1), rng.randint(1, 2**63 - 1)
        elif kind == "decimal":
            first, last = round(rng.uniform(0.1, 1e4), 2), round(rng.uniform(0.1, 1e4), 2)
        else:
            first, last = 10.0 ** rng.randint(-300, 300), 10.0 ** rng.randint(-300, 300)
        years = rng.choice((1, 2, 3, 5, 10, 0.5, 1.5, 12.25))
        got, one_year = db.execute("SELECT cagr(?1, ?2, ?3), pct_change(?2, ?1)",
                                   (first, last, years)).fetchone()
        want = cagr_exact(first, last, years)
        if years == 1 and one_year is not None and got != one_year:
            fail("cagr(%r, %r, 1) is %r, pct_change %r" % (first, last, got, one_year))
        if math.isinf(want) or want == 0:
            continue
        if got is None or ulps(got, want) > 4:
            fail("cagr(%r, %r, %r) is %r, exactly %r" % (first, last, years, got, want))
    return n


def check_run_rate(db, rng, n, fail):
    for _ in range(n):
        ytd = rng.randint(-2**40, 2**40)
        year = rng.randint(1990, 2030)
        kind = rng.choice(("month", "quarter", "half", "day"))
        if kind == "month":
            k, P = rng.randint(1, 12), 12
            label, labels = "%d-%02d" % (year, k), ["%d-%02d" % (year, i) for i in range(1, k + 1)]
        elif kind == "quarter":
            k, P = rng.randint(1, 4), 4
            label, labels = "%d-Q%d" % (year, k), ["%d-Q%d" % (year, i) for i in range(1, k + 1)]
        elif kind == "half":
            k, P = rng.randint(1, 2), 2
            label, labels = "%d-H%d" % (year, k), ["%d-H%d" % (year, i) for i in range(1, k + 1)]
        else:
            P = 366 if calendar.isleap(year) else 365
            k = rng.randint(1, P)
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=k - 1)
            # two days in January: days, not months keyed by their first day
            label = day.isoformat()
            labels = sorted({"%d-01-01" % year, "%d-01-02" % year, label} if k > 1 else {label})
        want = float(Fraction(ytd) * P / k)
        got = db.execute("SELECT annual_run_rate(?, ?)", (ytd, label)).fetchone()[0]
        if got != want:
            fail("annual_run_rate(%r, %r) is %r, exactly %r" % (ytd, label, got, want))
        # the aggregate over rows whose sum is ytd, the last one at label
        parts = [0] * (len(labels) - 1) + [ytd]
        agg = db.execute(
            "SELECT annual_projection(v, p, 'run_rate') FROM (SELECT value ->> 0 AS p, "
            "value ->> 1 AS v FROM json_each(?))",
            ("[" + ",".join('["%s",%d]' % lv for lv in zip(labels, parts)) + "]",)).fetchone()[0]
        if k < P and len(labels) > 1 and agg != want:
            fail("annual_projection(..., 'run_rate') through %r of %r is %r, exactly %r"
                 % (label, ytd, agg, want))
    return n


def main(argv):
    ext, options = common.parse_args(argv, EXT, {"pairs": PAIRS, "seed": SEED})
    fail = common.failer("rates exact")
    rng = random.Random(options["seed"])
    db = common.connect(ext)
    n = check_ratios(db, rng, options["pairs"], fail)
    c = check_cagr(db, rng, options["pairs"] // 2, fail)
    r = check_run_rate(db, rng, options["pairs"] // 10, fail)
    print("rates_exact: %d flow pairs (%s): normalized and grubel_lloyd rounded once; %d cagr "
          "within 4 ulps (one year: pct_change's double); %d run rates rounded once, the "
          "aggregate's the scalar's" % (n, ", ".join(KINDS), c, r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
