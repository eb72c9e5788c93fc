#!/usr/bin/python3
"""Summed periods are the exact sums, by hash and by stream alike.

The hash path keeps a point's sum in a 32-byte slot: an exact 128-bit
integer sum while every input is an INTEGER, a compensated REAL sum while
every input is a REAL, and the whole sum in a side array once a slot gets
both (docs/design.md, "Scan paths").  Random sources built to reach each
of those states -- INTEGER and REAL values mixed in one period and across
periods, values at +-2^63, 2^53 and 2^31, -0.0, REALs that cancel, TEXT
numbers (' 12 ', '1,234', '1e3'), NULLs -- are summed with grain=year by
yoy_growth and with grain=year/quarter/month or none by trade_imbalance
(long data, flow labels in case and space variants, keys under BINARY,
NOCASE and RTRIM), each with scan=hash, scan=stream and scan=auto, and:

  1. the three answers are the same rows, every column equal in type and
     bits (REAL by its 8 bytes), or the same error;
  2. each yoy_growth value is the exact sum of its rows, computed here in
     rationals (docs/conventions.md, "Sums"): an INTEGER equal to it while
     every row is an integer and it fits in 64 bits, else a REAL within
     the compensated sum's error bound of it (one rounding of the sum plus
     n 2^-104 times the sum of the magnitudes), and NULL only when the
     exact sum is beyond a double -- never because a partial sum was
     (1e308 + 1e308 - 1e308 is 1e308);
  3. trade_imbalance's exports and imports are those exact sums too, and
     its balance is exports - imports (exact for integers).

    /usr/bin/python3 tests/trust/sums_check.py [build/tradestat] [--seeds N]

Exits 1 at the first difference, printing the seed and both answers.
"""
import random
import sqlite3
import struct
import sys
from fractions import Fraction

import common

fail = common.failer("sums")
TALLY = {"sources": 0, "answered": 0, "points": 0}

LABELS_X = ["export", "Export", " EXPORT ", "X", "x", "exports"]
LABELS_M = ["import", "Imports", "M ", "m", " import"]


def value(r):
    pool = [lambda: r.randint(-5, 5),
            lambda: r.randint(0, 10**6),
            lambda: r.choice([2**63 - 1, -2**63, 2**53, 2**53 + 1, -(2**53) - 1, 2**62,
                              2**31, -2**31 - 1]),
            lambda: r.choice([0.5, -0.5, 0.1, -0.0, 0.0, 2.0**53, 1e16, -1e16, 3.25,
                              1e300, -1e300, 2.0**63, 1e308, -1e308, 1.5e308]),
            lambda: r.uniform(-1e6, 1e6),
            lambda: float(r.randint(-100, 100)),
            lambda: r.choice(["12", " 12 ", "1,234", "1e3", " -3.5 ", "-0", "9223372036854775807"]),
            lambda: None]
    return r.choice(pool)()


def as_number(v):
    """v as tradestat reads it: (is_integer, Fraction), or None for NULL."""
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip().replace(",", "")
        try:
            i = int(s)
            if -2**63 <= i < 2**63:
                return (True, Fraction(i))
        except ValueError:
            pass
        return (False, Fraction(float(s)))
    return (isinstance(v, int), Fraction(v))


def canon(v):
    return ("real", struct.pack("<d", v)) if isinstance(v, float) else (type(v).__name__, v)


def answer(db, sql):
    try:
        return ("rows", [tuple(canon(x) for x in row) for row in db.execute(sql)])
    except sqlite3.Error as e:
        return ("error", str(e))


def same_three(db, seed, call):
    got = {mode: answer(db, call % mode) for mode in ("hash", "stream", "auto")}
    if not got["hash"] == got["stream"] == got["auto"]:
        fail("seed %d: %s differs between scan=hash, stream and auto:\n  hash   %r\n"
             "  stream %r\n  auto   %r" % (seed, call, got["hash"], got["stream"], got["auto"]))
    if got["stream"][0] != "rows":
        return None
    return db.execute(call % "stream").fetchall()


def check_sum(seed, where, got, inputs):
    """got (a value column) against the exact sum of inputs."""
    xs = [x for x in inputs if x is not None]
    if not xs:
        return
    exact = sum(f for _, f in xs)
    if all(is_int for is_int, _ in xs) and -2**63 <= exact < 2**63:
        if not (isinstance(got, int) and got == exact):
            fail("seed %d: %s: %r, the exact integer sum is %d" % (seed, where, got, exact))
        return
    dbl_max = Fraction(1.7976931348623157e308)
    if abs(exact) > dbl_max * (1 + Fraction(1, 2**50)):
        if got is not None:  # beyond a double: NULL ('value is too large')
            fail("seed %d: %s: %r, the exact sum %r is beyond a double" % (seed, where, got, exact))
        return
    if abs(exact) > dbl_max * (1 - Fraction(1, 2**50)):
        return  # at the edge: either answer is a rounding
    if not isinstance(got, float):
        fail("seed %d: %s: %r, a REAL was due (sum %s)" % (seed, where, got, float(exact)))
    bound = abs(exact) * Fraction(1, 2**52) + \
        len(xs) * 4 * sum(abs(f) for _, f in xs) * Fraction(1, 2**104)
    if abs(Fraction(got) - exact) > bound:
        fail("seed %d: %s: %r, the exact sum is %r (inputs %r)"
             % (seed, where, got, float(exact), [float(f) for _, f in xs]))


def fold(key, coll):
    if not isinstance(key, str) or coll == "BINARY":
        return key
    return key.lower() if coll == "NOCASE" else key.rstrip(" ")


def check_growth(seed):
    r = random.Random(seed)
    db = common.connect(EXT)
    coll = r.choice(["BINARY", "NOCASE", "RTRIM"])
    db.execute("CREATE TABLE s(k TEXT COLLATE %s, p TEXT, v)" % coll)
    rows = [(r.choice(["a", "A", "a ", "b"]), "%d-%02d" % (r.choice([2022, 2023]), r.randint(1, 12)),
             value(r)) for _ in range(r.randint(1, 40))]
    db.executemany("INSERT INTO s VALUES (?, ?, ?)", rows)
    if r.random() < 0.4:
        db.execute("CREATE INDEX s_cover ON s(k, p, v)")
    TALLY["sources"] += 1
    got = same_three(db, seed, "SELECT series, period, value FROM yoy_growth('s', 'v', 'p', 'k', "
                     "'grain=year, scan=%s')")
    if got is None:
        return
    TALLY["answered"] += 1
    groups = {}
    for k, p, v in rows:
        groups.setdefault((fold(k, coll), p[:4]), []).append(as_number(v))
    for key, period, v in got:
        TALLY["points"] += 1
        check_sum(seed, "yoy_growth %s %s" % (key, period), v, groups[(fold(key, coll), period)])


def check_trade(seed):
    r = random.Random(seed)
    db = common.connect(EXT)
    coll = r.choice(["BINARY", "NOCASE", "RTRIM"])
    db.execute("CREATE TABLE s(k TEXT COLLATE %s, p TEXT, f TEXT COLLATE %s, v)"
               % (coll, r.choice(["BINARY", "NOCASE", "RTRIM"])))
    grain = r.choice(["year", "quarter", "month", ""])
    rows, seen = [], set()
    for _ in range(r.randint(1, 40)):
        k = r.choice(["a", "A", "a ", "b"])
        p = "%d-%02d" % (r.choice([2021, 2022, 2023]), r.randint(1, 12))
        side = r.randint(0, 1)
        f = r.choice(LABELS_X if side == 0 else LABELS_M)
        if not grain:  # one row per series, period and flow
            if (fold(k, coll), p, side) in seen:
                continue
            seen.add((fold(k, coll), p, side))
        rows.append((k, p, f, value(r), side))
    db.executemany("INSERT INTO s VALUES (?, ?, ?, ?)", [x[:4] for x in rows])
    if r.random() < 0.4:
        db.execute("CREATE INDEX s_cover ON s(k, p, f, v)")
    TALLY["sources"] += 1
    got = same_three(db, seed, "SELECT series, period, exports, imports, balance FROM trade_imbalance("
                     "'s', 'v', 'p', 'f', 'k', '%s scan=%%s')" % ("grain=%s," % grain if grain else ""))
    if got is None:
        return
    TALLY["answered"] += 1
    cut = {"year": 4, "quarter": None, "month": 7, "": 7}[grain]
    groups = {}
    for k, p, _, v, side in rows:
        per = p[:cut] if cut else "%s-Q%d" % (p[:4], (int(p[5:7]) - 1) // 3 + 1)
        groups.setdefault((fold(k, coll), per, side), []).append(as_number(v))
    for key, period, x, m, bal in got:
        TALLY["points"] += 1
        for side, v in ((0, x), (1, m)):
            inputs = groups.get((fold(key, coll), period, side), [])
            check_sum(seed, "trade %s %s side %d" % (key, period, side), v, inputs)
        if isinstance(x, int) and isinstance(m, int) and -2**63 <= x - m < 2**63:
            if bal != x - m:
                fail("seed %d: trade %s %s: balance %r of %d - %d" % (seed, key, period, bal, x, m))


def main():
    global EXT
    EXT, opts = common.parse_args(sys.argv[1:], numbers={"seeds": 1500})
    for seed in range(opts["seeds"]):
        check_growth(seed)
        check_trade(seed)
    if TALLY["answered"] < TALLY["sources"] // 2:
        fail("too few sources answered (%r): the data no longer reaches the sums" % TALLY)
    print("sums: ok (%d sources, %d answered, %d points checked)"
          % (TALLY["sources"], TALLY["answered"], TALLY["points"]))


if __name__ == "__main__":
    main()
