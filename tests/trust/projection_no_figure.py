#!/usr/bin/python3
"""annual_projection's aggregate and window over rows without a figure,
against the documented rule, on random sources in random row orders.

The rule (docs/reference/projection.md, the aggregate and window): rows
with a NULL value are skipped, but such a row still has a period; when
the latest period of the figures' kind has rows and none has a figure,
the result is NULL; a NULL row whose period is not a period, or of
another kind than the figures', is ignored.  So the result is

  NULL  when a NULL row of the figures' kind is later than every figure,
  else  the aggregate over the rows with a figure alone,

whatever the order the rows arrive in.  Each case draws a series of
halves, quarters or months with figures, adds NULL rows of its own kind
(before and after the latest figure), of the other kinds (years,
quarters, months, days) and labels that are no period, and checks

  - the aggregate over several random orders of the rows (ORDER BY in a
    subquery) against the rule, for every method but holt_winters and
    theta (the rule is the same code path; those two are slow);
  - the window with ORDER BY over a random order of the rows and a frame
    of the rows from the current one on (its start moves: xInverse
    removes NULL rows too), each row against the aggregate over the same
    rows in the same order (which the first check holds to the rule).

    /usr/bin/python3 tests/trust/projection_no_figure.py [build/tradestat] [--seed N] [--cases N]

Exits 1 at the first difference; also when too few cases reach the NULL
result or a hidden NULL row of another kind read first.
"""
import random
import struct
import sys

import common

fail = common.failer("projection no figure")

FORMS = {2: "%04d-H%d", 4: "%04d-Q%d", 12: "%04d-%02d"}
OTHER = {  # NULL rows of another kind than the series': a label per year and position
    "year": lambda y, s: "%04d" % y,
    "half": lambda y, s: "%04d-H%d" % (y, 1 + s % 2),
    "quarter": lambda y, s: "%04d-Q%d" % (y, 1 + s % 4),
    "month": lambda y, s: "%04d-%02d" % (y, 1 + s % 12),
    "day": lambda y, s: "%04d-%02d-%02d" % (y, 1 + s % 12, 1 + s % 28),
    "no period": lambda y, s: "n/a %d" % s,
}
KIND_OF = {2: "half", 4: "quarter", 12: "month"}
METHODS = ["run_rate", "prior_share", "avg_share", "snaive", "linear", "auto"]
REACHED = {"null": 0, "other kind first": 0, "figure": 0}


def label_kind(label):
    """The kind of a label this suite writes (None: no period)."""
    if label.startswith("n/a"):
        return None
    if len(label) == 4:
        return "year"
    if len(label) == 10:
        return "day"
    return {"H": "half", "Q": "quarter"}.get(label[5], "month")


def bits(v):
    return struct.pack("d", v).hex() if isinstance(v, float) else v


def case(rng):
    P = rng.choice(sorted(FORMS))
    y0 = rng.choice([2, 1998, 2015, 9990])
    years = rng.randint(1, 5)
    rows = []
    last = None
    for y in range(y0, y0 + years):
        end = P if y < y0 + years - 1 else rng.randint(1, P)
        for s in range(1, end + 1):
            if rng.random() < 0.05:
                continue
            v = rng.choice([rng.randint(0, 900), rng.randint(-50, 900), rng.randint(0, 3600) / 4])
            rows.append((FORMS[P] % (y, s), v))
            last = (y, s)
    if last is None:
        return None
    # NULL rows of the series' kind: some before the latest figure, maybe one or two after
    own_null = []
    for _ in range(rng.randint(0, 3)):
        y = rng.randint(y0, last[0])
        s = rng.randint(1, P)
        own_null.append((y, s))
    for _ in range(rng.choice([0, 0, 1, 2])):
        y, s = last
        s += rng.randint(1, P)
        y, s = y + (s - 1) // P, (s - 1) % P + 1
        if y <= 9999:
            own_null.append((y, s))
    nulls = [(FORMS[P] % ys, None) for ys in own_null]
    others = [k for k in OTHER if k != KIND_OF[P]]
    for _ in range(rng.randint(0, 4)):
        kind = rng.choice(others)
        nulls.append((OTHER[kind](rng.randint(y0, min(last[0] + 1, 9999)), rng.randint(0, 40)), None))
    later = any(ys > last for ys in own_null)
    return P, rows, nulls, later


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"seed": 1, "cases": 300})
    rng = random.Random(opts["seed"])
    db = common.connect(ext)
    db.execute("CREATE TABLE t(i INTEGER, period, amount)")
    for n in range(opts["cases"]):
        c = case(rng)
        if c is None:
            continue
        P, rows, nulls, later = c
        method = rng.choice(METHODS)
        db.execute("DELETE FROM t")
        db.executemany("INSERT INTO t VALUES (?, ?, ?)",
                       [(i, p, v) for i, (p, v) in enumerate(rows + nulls)])
        figures = db.execute("SELECT annual_projection(amount, period, ?) FROM "
                             "(SELECT * FROM t WHERE amount IS NOT NULL ORDER BY i)",
                             (method,)).fetchone()[0]
        want = None if later else figures
        REACHED["null" if later else "figure"] += 1
        for attempt in range(4):
            order = list(range(len(rows) + len(nulls)))
            rng.shuffle(order)
            db.execute("CREATE TEMP TABLE o(i INTEGER, pos INTEGER)")
            db.executemany("INSERT INTO o VALUES (?, ?)", [(i, pos) for pos, i in enumerate(order)])
            got = db.execute("SELECT annual_projection(amount, period, ?) FROM (SELECT t.* FROM t "
                             "JOIN o USING (i) ORDER BY o.pos)", (method,)).fetchone()[0]
            first_null = db.execute("SELECT t.period FROM t JOIN o USING (i) WHERE t.amount IS NULL "
                                    "ORDER BY o.pos LIMIT 1").fetchone()
            if later and first_null and label_kind(first_null[0]) != KIND_OF[P]:
                REACHED["other kind first"] += 1
            if bits(got) != bits(want):
                fail("seed %d case %d, %s over %d-period rows in the order %r:\n  rows %r\n"
                     "  got %r, want %r (%s)" % (
                         opts["seed"], n, method, P, order, rows + nulls, got, want,
                         "a NULL row of the series' kind is latest" if later
                         else "the figures' aggregate"))
            if attempt == 0:  # the window, over this order, frames from the current row on
                win = db.execute(
                    "SELECT o.pos, annual_projection(amount, period, ?) OVER (ORDER BY o.pos ROWS "
                    "BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM t JOIN o USING (i) "
                    "ORDER BY o.pos", (method,)).fetchall()
                for pos, w in win:
                    agg = db.execute("SELECT annual_projection(amount, period, ?) FROM (SELECT t.* "
                                     "FROM t JOIN o USING (i) WHERE o.pos >= ? ORDER BY o.pos)",
                                     (method, pos)).fetchone()[0]
                    if bits(w) != bits(agg):
                        fail("seed %d case %d, %s: the window's row at %d gives %r, the aggregate "
                             "over the same rows %r\n  rows %r, order %r" % (
                                 opts["seed"], n, method, pos, w, agg, rows + nulls, order))
            db.execute("DROP TABLE o")
    for rule, count in REACHED.items():
        if count < 5:
            fail("only %d cases reached %s: the generator no longer covers it" % (count, rule))
    print("projection no figure: %d cases, each in 4 row orders and as a window, hold the rule "
          "(%s; seed %d)" % (opts["cases"], ", ".join("%s %d" % kv for kv in REACHED.items()),
                             opts["seed"]))


main()
