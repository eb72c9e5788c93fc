#!/usr/bin/python3
"""Numbers checked against an exact oracle.

Contract:
 1. Every expected total is computed with exact rational arithmetic
    (fractions.Fraction of each stored double or integer), never with sum().
 2. Integer totals that fit in 64 bits must come back as that exact INTEGER;
    past 64 bits, or with any REAL input, a REAL within the Neumaier bound
    |error| <= 2u|S| + 4n u^2 sum|x| (u = 2^-53) of the exact total S.
 3. Surfaces: the `value` / `ytd_value` columns of the yoy_growth virtual
    table, the exports/imports of trade_imbalance, and growth from the
    yoy_growth aggregate (checked against the growth of the exact sums);
    a surface whose family is not registered yet is skipped.
Usage: /usr/bin/python3 tests/reliability/oracle.py build/tradestat
"""
import random
import sqlite3
import sys
from fractions import Fraction

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
U = Fraction(1, 2 ** 53)
IMAX, IMIN = 2 ** 63 - 1, -2 ** 63
failures = checks = 0


def connect():
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    return db


def check(ok, what):
    global failures, checks
    checks += 1
    if not ok:
        failures += 1
        print("oracle: FAIL " + what, file=sys.stderr)


SCALE = 2 ** 1074  # every double is an integer multiple of 2^-1074


def exact_sums(values):
    """Exact sum and exact sum of magnitudes, as Fractions: each double is
    n/d with d a power of two dividing 2^1074, so the scaled integers add
    exactly (faster than adding a million Fractions)."""
    total = total_abs = 0
    for v in values:
        n, d = v.as_integer_ratio()
        k = n * (SCALE // d)
        total += k
        total_abs += abs(k)
    return Fraction(total, SCALE), Fraction(total_abs, SCALE)


def within_bound(got, values):
    exact, magnitude = exact_sums(values)
    if all(isinstance(v, int) for v in values) and IMIN <= exact <= IMAX:
        return isinstance(got, int) and got == exact, exact
    if not isinstance(got, float):
        return False, exact
    n = len(values)
    bound = 2 * U * abs(exact) + 4 * n * U * U * magnitude
    return abs(Fraction(got) - exact) <= bound, exact


def one_period_total(db, values):
    db.execute("DROP TABLE IF EXISTS s")
    db.execute("CREATE TABLE s(period, amount)")
    db.executemany("INSERT INTO s VALUES ('2023-Q1', ?)", [(v,) for v in values])
    # grain= sums the rows of a period on purpose (without it they are an error)
    db.execute("DROP TABLE IF EXISTS temp.os")
    db.execute("CREATE VIRTUAL TABLE temp.os USING yoy_growth(source=s, value=amount, period=period, grain=quarter)")
    return db.execute("SELECT value FROM temp.os").fetchone()[0]


def sum_cases(rng):
    yield "1e308 + 3 - 1e308", [1e308, 3, -1e308]
    yield "3 - 1e308 + 1e308", [3, -1e308, 1e308]
    yield "INT64 max + max - max - max + 1", [IMAX, IMAX, -IMAX, -IMAX, 1]
    yield "INT64 max + 1 (past 64 bits)", [IMAX, 1]
    yield "INT64 min - 1 (past 64 bits)", [IMIN, -1]
    yield "INT64 min + max", [IMIN, IMAX]
    yield "many INT64 max", [IMAX] * 1000
    yield "INT64 extremes with a REAL", [IMAX, 0.5, IMAX, IMIN]
    yield "a million 0.1", [0.1] * 1000000
    yield "a million small random values", [rng.uniform(0, 1e-3) for _ in range(1000000)]
    yield "a million mixed small ints and reals", [rng.choice((1, 2, 0.01, -0.3)) for _ in range(1000000)]
    vals = []
    for _ in range(2000):
        x = rng.uniform(-1, 1) * 10 ** rng.randint(0, 300)
        vals += [x, -x]
    vals += [0.125, 3, 1e-7]
    rng.shuffle(vals)
    yield "4000 cancelling values up to 1e300 shuffled, plus small ones", vals
    yield "denormals", [5e-324] * 1000 + [-5e-324] * 3


def main():
    rng = random.Random(20230617)
    db = connect()
    have = {r[0] for r in db.execute("SELECT name FROM pragma_module_list")}
    have |= {r[0] for r in db.execute("SELECT name FROM pragma_function_list")}
    if "yoy_growth" in have:
        for name, values in sum_cases(rng):
            got = one_period_total(db, values)
            ok, exact = within_bound(got, values)
            check(ok, "yoy_growth value of %s: got %r, exact %s" % (name, got, float(exact)))
        ytd_and_growth(db, rng)
    else:
        print("oracle: yoy_growth skipped: not registered yet")
    if "trade_imbalance" in have:
        trade(db, rng)
    else:
        print("oracle: trade_imbalance skipped: not registered yet")
    print("oracle: %d checks against exact arithmetic, %d failed" % (checks, failures))
    return 1 if failures or checks == 0 else 0


def ytd_and_growth(db, rng):
    """Monthly series with cancellation: ytd_value and the aggregate's growth."""
    db.execute("DROP TABLE IF EXISTS m")
    db.execute("CREATE TABLE m(period, amount)")
    rows = []
    for y in (2022, 2023):
        for mo in range(1, 13):
            for _ in range(50):
                rows.append(("%d-%02d" % (y, mo), rng.choice((1e15, -1e15, 0.1, 7, IMAX // 1000))))
    db.executemany("INSERT INTO m VALUES (?, ?)", rows)
    by_period = {}
    for p, v in rows:
        by_period.setdefault(p, []).append(v)
    db.execute("DROP TABLE IF EXISTS temp.om")
    db.execute("CREATE VIRTUAL TABLE temp.om USING yoy_growth(source=m, value=amount, period=period, grain=month)")
    out = db.execute("SELECT period, value, ytd_value FROM temp.om").fetchall()
    for p, value, ytd in out:
        ok, _ = within_bound(value, by_period[p])
        check(ok, "yoy_growth value of %s: %r" % (p, value))
        ytd_vals = [v for q, vs in by_period.items() if q[:4] == p[:4] and q <= p for v in vs]
        ok, _ = within_bound(ytd, ytd_vals)
        check(ok, "yoy_growth ytd_value of %s: %r" % (p, ytd))
    got = db.execute("SELECT yoy_growth(amount, period) FROM m").fetchone()[0]
    cur = exact_sums(by_period["2023-12"])[0]
    prev = exact_sums(by_period["2022-12"])[0]
    exact = (cur - prev) / abs(prev) * 100
    check(got is not None and abs(Fraction(got) - exact) <= abs(exact) * 2 ** -40,
          "yoy_growth aggregate growth: got %r, exact %r" % (got, float(exact)))


def trade(db, rng):
    db.execute("DROP TABLE IF EXISTS tr")
    db.execute("CREATE TABLE tr(period, flow, amount)")
    x = [1e308, 3, -1e308, IMAX, IMAX]
    m = [rng.uniform(0, 1e-3) for _ in range(100000)] + [IMIN]
    db.executemany("INSERT INTO tr VALUES ('2023', 'export', ?)", [(v,) for v in x])
    db.executemany("INSERT INTO tr VALUES ('2023', 'import', ?)", [(v,) for v in m])
    db.execute("DROP TABLE IF EXISTS temp.otr")
    db.execute("CREATE VIRTUAL TABLE temp.otr USING trade_imbalance(source=tr, value=amount, period=period, "
               "flow=flow, grain=year)")
    got = db.execute("SELECT exports, imports FROM temp.otr").fetchone()
    ok, exact = within_bound(got[0], x)
    check(ok, "trade_imbalance exports: got %r, exact %r" % (got[0], float(exact)))
    ok, exact = within_bound(got[1], m)
    check(ok, "trade_imbalance imports: got %r, exact %r" % (got[1], float(exact)))


if __name__ == "__main__":
    sys.exit(main())
