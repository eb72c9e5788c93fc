#!/usr/bin/python3
"""The hash path and the streaming path give the same answer, bit for bit.

Every series virtual table can read its source two ways (docs/design.md,
"Scan paths"): scan=stream walks it in series order; scan=hash reads it
once in storage order and sums (series, period) in a hash table.  For
random data -- keys in several storage classes, spellings that compare
equal under NOCASE / RTRIM, NULL keys, periods in several label forms and
kinds, INTEGER and REAL values (some of wildly different magnitudes, so
that REAL sums may depend on their order), NULLs, duplicates, bad labels
-- and for yoy_growth, trade_imbalance (long and wide) and
annual_projection, each with and without grain= and with WHERE clauses,
the same query runs on a scan=hash, a scan=stream and a scan=auto table
and:

  1. all fail with the same message, or all return the same rows in the
     same order, every column equal in type and bits (REAL compared by
     its 8 bytes);
  2. the hash path really ran (tradestat_debug() counts it) on a good
     share of the queries, gave way on the data it cannot prove equal
     (counted too), and a source too large for its memory cap streams.

    /usr/bin/python3 tests/trust/paths_check.py [build/tradestat] [--seeds N] [--no-cap]

Exits 1 at the first difference, printing the query and both answers.
"""
import random
import re
import sqlite3
import struct
import sys

import common

EXT = common.DEFAULT_EXT
SEEDS = 8
TALLY = {"rows": 0, "errors": 0, "rows by hash": 0, "compact": 0}


fail = common.failer("paths")


def connect(path=":memory:"):
    return common.connect(EXT, path)


def counts(db):
    lines = db.execute("SELECT tradestat_debug()").fetchone()[0].split("\n")
    line = next((x for x in lines if x.startswith("Scan paths:")), lines[-1])
    m = re.match(r"Scan paths: hash (\d+), stream (\d+), stream after hash \(memory\) (\d+), "
                 r"stream after hash \(data\) (\d+)$", line)
    if not m:
        fail("tradestat_debug() has no scan path line: %r" % line)
    return [int(x) for x in m.groups()]


def canon(v):
    """A value with its storage class; a REAL by its bits."""
    if isinstance(v, float):
        return ("real", struct.pack("<d", v))
    return (type(v).__name__, v)


def answer(db, sql):
    try:
        return ("rows", [tuple(canon(v) for v in row) for row in db.execute(sql)])
    except sqlite3.Error as e:
        return ("error", str(e))


def month_label(r, y, m):
    # '2023-06p': a preliminary figure (the point's preliminary flag)
    return r.choice(["%04d-%02d" % (y, m), "%04d-%02d" % (y, m), "%04d.%02d" % (y, m),
                     "%04dM%02d" % (y, m), "%04d-%02dp" % (y, m)])


def make_data(db, r):
    """Three sources: monthly long data, daily long data, wide data."""
    coll = r.choice(["BINARY", "NOCASE", "RTRIM"])
    db.execute("CREATE TABLE src(k TEXT COLLATE %s, c, period TEXT, flow TEXT, v)" % coll)
    # a "preliminary" column flags rows as preliminary (read by both paths)
    db.execute("CREATE TABLE days(k TEXT COLLATE %s, period TEXT, flow TEXT, v, preliminary)"
               % coll)
    db.execute("CREATE TABLE wide(k, period TEXT, x, m)")
    if r.random() < 0.5:
        db.execute("CREATE INDEX src_k ON src(k, c, period)")
    spell = {"BINARY": ["Korea", "China", "Japan", "korea"],
             "NOCASE": ["Korea", "China", "Japan"] + (["KOREA"] if r.random() < 0.3 else []),
             "RTRIM": ["Korea", "China", "Japan"] + (["Korea  "] if r.random() < 0.3 else [])}[coll]
    keys = spell + ([None] if r.random() < 0.3 else [])
    cats = [1, 2, "a"] + ([1.0] if r.random() < 0.2 else []) + ([2.5] if r.random() < 0.3 else [])
    big = r.random() < 0.3  # magnitudes far apart: REAL sums may depend on order

    def value():
        t = r.random()
        if t < 0.05:
            return None
        if t < 0.45:
            return r.randint(-50, 5000)
        if big and t < 0.6:
            return r.choice([1e17, -1e17, 3e-9, 1.5e300 if r.random() < 0.1 else 7.0]) * r.random()
        return round(r.uniform(-100, 2000), r.choice([1, 2, 3]))

    flows = ["export", "import", "Export", " import "]
    rows = []
    for k in keys:
        for c in cats:
            for y in range(2019, 2024):
                for m in range(1, 13):
                    if r.random() < 0.12:
                        continue  # a gap: incomplete roll-ups
                    for f in r.sample(flows[:2], 2):
                        fl = r.choice([f, f.capitalize(), " %s " % f]) if r.random() < 0.3 else f
                        rows.append((k, c, month_label(r, y, m), fl, value()))
    if r.random() < 0.3:
        rows.append((r.choice(keys), 1, "2021-13", "export", 5))  # not a period
    if r.random() < 0.3:
        rows.append((r.choice(keys), 1, "2021-05", "re-export", 5))  # neither flow
    if r.random() < 0.3:
        rows.append((r.choice(keys), 1, "2021-Q2", "export", 5))  # a quarter among months
    if r.random() < 0.3:
        rows.append((r.choice(keys), 1, "2021-05", "export", "n/a"))  # not a number
    r.shuffle(rows)
    db.executemany("INSERT INTO src VALUES (?, ?, ?, ?, ?)", rows)
    drows = []
    for k in keys:
        for _ in range(r.randint(200, 700)):
            y, m = r.randint(2020, 2023), r.randint(1, 12)
            drows.append((k, "%04d-%02d-%02d" % (y, m, r.randint(1, 28)), r.choice(flows[:2]),
                          value(), int(r.random() < 0.05)))
    drows.sort(key=lambda x: x[1])  # stored in date order, like transactions
    db.executemany("INSERT INTO days VALUES (?, ?, ?, ?, ?)", drows)
    wrows = []
    for k in [1, 2, 2.0, "1", None][: r.randint(2, 5)]:
        for y in range(2020, 2024):
            for q in range(1, 5):
                if r.random() < 0.1:
                    continue
                wrows.append((k, r.choice(["%d-Q%d" % (y, q), "%dQ%d" % (y, q)]), value(), value()))
    r.shuffle(wrows)
    db.executemany("INSERT INTO wide VALUES (?, ?, ?, ?)", wrows)


FORMS = [
    ("yoy_growth", "source=src, value=v, period=period, by='k, c, flow'"),
    ("yoy_growth", "source=src, value=v, period=period, by='k, flow'"),
    ("yoy_growth", "source=days, value=v, period=period, by='k'"),
    ("yoy_growth", "source=src, value=v, period=period, by='k', total='Korea'"),
    ("yoy_growth", "source=days, value=v, period=period, by='k', total='China'"),
    ("yoy_growth", "source=days, value=v, period=period, by='k, flow'"),
    ("trade_imbalance", "source=src, value=v, period=period, flow=flow, by='k, c'"),
    ("trade_imbalance", "source=src, value=v, period=period, flow=flow, by='k'"),
    ("trade_imbalance", "source=days, value=v, period=period, flow=flow, by='k'"),
    ("trade_imbalance", "source=wide, exports=x, imports=m, period=period, by='k'"),
    ("annual_projection", "source=src, value=v, period=period, by='k, c, flow', method=prior_share, through=H1"),
    ("annual_projection", "source=src, value=v, period=period, by='k, flow', method=auto"),
    ("annual_projection", "source=wide, value=x, period=period, by='k', method=prior_share"),
]
GRAINS = ["", "month", "quarter", "half", "year"]


def wheres(r, module):
    year = "year" if module == "annual_projection" else "period"
    lo = "2022" if module == "annual_projection" else "'2022'"
    return ["", " WHERE k = 'Korea'", " WHERE k IS NULL", " WHERE %s >= %s" % (year, lo),
            " WHERE k IN ('China', 'Japan') AND %s < %s" % (year, lo)]


def check_seed(seed):
    r = random.Random(seed)
    db = connect()
    make_data(db, r)
    n = 0
    for i, (module, args) in enumerate(FORMS):
        for grain in GRAINS:
            if "days" in args and grain == "" and module != "yoy_growth":
                continue
            g = ", grain=%s" % grain if grain else ""
            for mode in ("hash", "stream", "auto"):
                db.execute("CREATE VIRTUAL TABLE temp.t_%s USING %s(%s%s, scan=%s)"
                           % (mode, module, args, g, mode))
            for w in wheres(r, module):
                c0 = counts(db)
                a = answer(db, "SELECT * FROM temp.t_hash" + w)
                c1 = counts(db)
                b = answer(db, "SELECT * FROM temp.t_stream" + w)
                if answer(db, "SELECT * FROM temp.t_auto" + w) != b:
                    fail("seed %d: %s(%s%s)%s: scan=auto differs from scan=stream"
                         % (seed, module, args, g, w))
                n += 1
                TALLY["rows" if a[0] == "rows" else "errors"] += 1
                if a[0] == "rows" and c1[0] > c0[0] and c1[3] == c0[3]:
                    TALLY["rows by hash"] += 1
                if a != b:
                    show = lambda x: x if x[0] == "error" else ("rows", len(x[1]), x[1][:3])
                    for j, (ra, rb) in enumerate(zip(a[1], b[1]) if a[0] == b[0] == "rows" else []):
                        if ra != rb:
                            show = lambda x, j=j: ("row %d" % j, x[1][j])
                            break
                    fail("seed %d: %s(%s%s)%s\n  hash:   %s\n  stream: %s"
                         % (seed, module, args, g, w, show(a), show(b)))
            for mode in ("hash", "stream", "auto"):
                db.execute("DROP TABLE temp.t_%s" % mode)
    # The table-valued forms, with their options (several series columns
    # arrive as one JSON array column).
    for call in ["yoy_growth('src', 'v', 'period', 'k, c', 'grain=%s, scan=%s')",
                 "trade_imbalance('src', 'v', 'period', 'flow', 'k', 'grain=%s, scan=%s')",
                 "annual_projection('src', 'v', 'period', 'k, flow', 'prior_share', "
                 "'grain=%s, scan=%s')"]:
        for grain in ("month", "quarter", "year"):
            if "annual_projection" in call and grain == "year":
                continue
            got = [answer(db, "SELECT * FROM " + call % (grain, mode))
                   for mode in ("hash", "stream", "auto")]
            n += 1
            if got[0] != got[1] or got[2] != got[1]:
                fail("seed %d: %s differs between scan=hash, stream and auto"
                     % (seed, call % (grain, "...")))
    db.close()
    return n


def check_compact(seed):
    """Sources of one row per point (no grain=, one value column): the hash
    path holds each point as its row's value (series_hash.c, compact
    points).  Clean data, so the hash path must answer every query here:
    INTEGER and REAL values (signed zeros, magnitudes far apart), NULL
    values (a period's second row without a figure too), gaps, preliminary rows, series of every period kind, keys of
    every storage class; every column of annual_projection, with and
    without WHERE (the no-grain forms of check_seed cover the others)."""
    r = random.Random(1000 + seed)
    db = connect()
    db.execute("CREATE TABLE one(k, c TEXT COLLATE NOCASE, period TEXT, v, preliminary)")
    rows = []
    keys = [1, 2.5, "a", "b", None, b"\x01"]
    for k in keys:
        for c in ["x", "y"]:
            kind = r.choice(["m", "q", "h", "y"])
            for y in range(2014, 2025):
                subs = {"m": 12, "q": 4, "h": 2, "y": 1}[kind]
                for s in range(1, subs + 1):
                    if r.random() < 0.08:
                        continue  # a gap
                    label = {"m": "%d-%02d" % (y, s), "q": "%d-Q%d" % (y, s),
                             "h": "%d-H%d" % (y, s), "y": "%d" % y}[kind]
                    t = r.random()
                    v = (None if t < 0.04 else -0.0 if t < 0.06 else r.randint(-20, 9000)
                         if t < 0.5 else r.choice([1e17, 3e-9, 7.25]) * r.random() if t < 0.6
                         else round(r.uniform(-50, 5000), 2))
                    rows.append((k, c, label, v, int(r.random() < 0.05)))
    # a second row of a period without a figure (before or after its
    # figure, or beside another without one): no duplicate, and for
    # annual_projection its period is a point either way
    rows += [(k, c, label, None, 0) for k, c, label, v, _ in list(rows) if r.random() < 0.05]
    r.shuffle(rows)
    db.executemany("INSERT INTO one VALUES (?, ?, ?, ?, ?)", rows)
    forms = [("annual_projection", "method=%s, through=%s" % (m, t))
             for m in ("prior_share", "avg_share", "snaive", "linear", "run_rate", "auto")
             for t in ("H1", "Q3")] + [("annual_projection", "method=auto"),
                                       ("annual_projection",
                                        "method=prior_share, through=H1, reconcile='c=x'")]
    for module, extra in forms:
        for mode in ("hash", "stream"):
            db.execute("CREATE VIRTUAL TABLE temp.o_%s USING %s(source=one, value=v, "
                       "period=period, by='k, c'%s, scan=%s)"
                       % (mode, module, ", " + extra if extra else "", mode))
        year = "year" if module == "annual_projection" else "period"
        for w in ["", " WHERE %s >= %s" % (year, "2020" if year == "year" else "'2020'"),
                  " WHERE c = 'X'"]:
            before = counts(db)
            a = answer(db, "SELECT * FROM temp.o_hash" + w)
            after = counts(db)
            b = answer(db, "SELECT * FROM temp.o_stream" + w)
            if a != b:
                fail("seed %d: compact points: %s(%s)%s differ:\n  hash:   %s\n  stream: %s"
                     % (seed, module, extra, w, a[:1] + (a[1][:2],), b[:1] + (b[1][:2],)))
            if a[0] != "rows" or not a[1]:
                fail("seed %d: compact points: %s(%s)%s returned %s" % (seed, module, extra, w,
                                                                       a))
            if after[0] == before[0] or after[2:] != before[2:]:
                fail("seed %d: compact points: %s(%s)%s was not answered by the hash path: %s -> %s"
                     % (seed, module, extra, w, before, after))
            # The pool (low, high, note) walks the series the main scan
            # holds when nothing narrowed it -- no WHERE, or auto or
            # reconcile=, whose main scan reads every year -- so the
            # source is read once.
            once = w == "" or (("auto" in extra or "reconcile" in extra) and "year" in w)
            if once and after[0] != before[0] + 1:
                fail("seed %d: %s(%s)%s read its source %d times, not once"
                     % (seed, module, extra, w, after[0] - before[0]))
        for mode in ("hash", "stream"):
            db.execute("DROP TABLE temp.o_%s" % mode)
        TALLY["compact"] += 1
    db.close()


def check_compact_widths():
    """Compact points hold a series' values in 32 bits while every one is
    an INTEGER that fits, and in 64 from its first REAL or wider integer
    (series_hash.c): series that grow past 32 bits, mix INTEGER and REAL
    in either order, sit on the 32-bit edges, overflow the growth's
    arithmetic, carry preliminary rows and gaps, arrive
    in rising, shuffled and falling period order (a series widened after
    many points; page tables that grow down), give on scan=hash
    exactly scan=stream's rows, and the hash path answers them."""
    r = random.Random(77)
    lo32, hi32 = -2 ** 31, 2 ** 31 - 1
    series = {
        "narrow": lambda i: r.choice([lo32, hi32, 0, -1, 1, r.randint(lo32, hi32)]),
        "grows": lambda i: 3 ** min(i, 39) * (-1 if i % 7 == 0 else 1),  # past 2^31 at i = 20
        "edge": lambda i: [hi32 + 1, lo32 - 1, hi32, lo32, 2 ** 63 - 1, -2 ** 63][i % 6],
        "int_then_real": lambda i: r.randint(-500, 500) if i < 150 else
        r.choice([r.randint(-500, 500), r.uniform(-1e6, 1e6), 1.0, -0.0]),
        "real_then_int": lambda i: r.uniform(-1e6, 1e6) if i < 3 else r.randint(-10 ** 12, 10 ** 12),
        "mixed": lambda i: r.choice([r.randint(lo32, hi32), float(r.randint(-99, 99)), 0.0, -0.0,
                                     1e300, 2.5e-300, r.randint(-2 ** 63, 2 ** 63 - 1)]),
        "text": lambda i: r.choice(["%d" % r.randint(-9999, 9999), "%d" % (2 ** 40 + i), "1e3",
                                    "12.5"]),
    }
    rows = []
    for name, value in series.items():
        i = 0
        for y in range(2000, 2022):  # 264 months: several 64-entry bit words
            for m in range(1, 13):
                if r.random() < 0.06:
                    continue  # a gap
                label = "%d-%02d" % (y, m) + ("p" if r.random() < 0.1 else "")
                rows.append((name, label, value(i), int(r.random() < 0.05)))
                i += 1
    for order in ("rising", "shuffled", "falling"):
        db = connect()
        db.execute("CREATE TABLE w(k TEXT, period TEXT, v, preliminary)")
        if order == "shuffled":
            r.shuffle(rows)
        else:  # rising: a series widens after many narrow points; falling: pages grow down
            rows.sort(key=lambda t: t[1][:7], reverse=order == "falling")
        db.executemany("INSERT INTO w VALUES (?, ?, ?, ?)", rows)
        for module, extra in (("yoy_growth", ""),
                              ("annual_projection", ", method=prior_share, through=H1"),
                              ("annual_projection", ", method=linear")):
            for mode in ("hash", "stream"):
                db.execute("CREATE VIRTUAL TABLE temp.w_%s USING %s(source=w, value=v, "
                           "period=period, by=k%s, scan=%s)" % (mode, module, extra, mode))
            before = counts(db)
            a = answer(db, "SELECT * FROM temp.w_hash")
            after = counts(db)
            b = answer(db, "SELECT * FROM temp.w_stream")
            if a != b:
                diff = next((j for j in range(min(len(a[1]), len(b[1]))) if a[1][j] != b[1][j]),
                            None) if a[0] == b[0] == "rows" else None
                fail("compact widths (%s, %s%s) differ at row %s:\n  hash:   %s\n  stream: %s"
                     % (order, module, extra, diff, a if diff is None else a[1][diff],
                        b if diff is None else b[1][diff]))
            if a[0] != "rows" or len(a[1]) < 100:
                fail("compact widths (%s, %s%s) returned %s" % (order, module, extra, a[:2]))
            if after[0] == before[0] or after[2:] != before[2:]:
                fail("compact widths (%s, %s%s): not answered by the hash path: %s -> %s"
                     % (order, module, extra, before, after))
            if module == "yoy_growth":
                kinds = {(row[0][1], row[2][0]) for row in a[1]}  # (series, value's class)
                for name, kind in (("grows", "int"), ("mixed", "real"), ("mixed", "int"),
                                   ("edge", "int"), ("int_then_real", "real")):
                    if (name, kind) not in kinds:
                        fail("compact widths: series %s has no %s value" % (name, kind))
                notes = [row[14][1] for row in a[1] if row[0][1] == "edge" and row[14][1]]
                if not notes:
                    fail("compact widths: the edge series has no note (overflow expected)")
            for mode in ("hash", "stream"):
                db.execute("DROP TABLE temp.w_%s" % mode)
        # a second row of a point in a widened series: the streaming
        # path's duplicate error, reached by giving way
        db.execute("INSERT INTO w VALUES ('grows', '2021-12', 5, 0)")
        for mode in ("hash", "stream"):
            db.execute("CREATE VIRTUAL TABLE temp.w_%s USING yoy_growth(source=w, value=v, "
                       "period=period, by=k, scan=%s)" % (mode, mode))
        before = counts(db)
        a = answer(db, "SELECT * FROM temp.w_hash")
        after = counts(db)
        if a != answer(db, "SELECT * FROM temp.w_stream") or a[0] != "error":
            fail("compact widths: a duplicate in a widened series: %s" % (a[:1] + (a[1][:200],)))
        if after[3] == before[3] or after[0] != before[0]:
            fail("compact widths: the duplicate did not make the hash path give way: %s -> %s"
                 % (before, after))
        db.close()


def check_compact_keys():
    """The hash path makes a series' key values from its stored encoding
    when it hands the series out (series_hash.c, series_keys): keys of
    every storage class and edge (an empty BLOB and TEXT, TEXT with a NUL
    byte, -0.0, the 64-bit edges, NULL, in two by columns) come out as
    scan=stream shows them, in type and bytes, with annual_projection's
    pool walking the held series a second time."""
    keys = [b"", "", "a\x00b", -0.0, 2 ** 63 - 1, -2 ** 63, None, 1.5, b"\x00\xff", "\u00e9"]
    db = connect()
    db.execute("CREATE TABLE kk(k, c, period TEXT, v INTEGER)")
    db.executemany("INSERT INTO kk VALUES (?, ?, ?, ?)",
                   [(k, c, "%d-%02d" % (y, m), (y * 12 + m) * (j + 1) % 1000)
                    for j, k in enumerate(keys) for c in ("x", None)
                    for y in range(2018, 2024) for m in range(1, 13)])
    for module, extra in (("yoy_growth", ""), ("annual_projection", ", method=auto")):
        for mode in ("hash", "stream"):
            db.execute("CREATE VIRTUAL TABLE temp.kk_%s USING %s(source=kk, value=v, "
                       "period=period, by='k, c'%s, scan=%s)" % (mode, module, extra, mode))
        q = "SELECT typeof(k), quote(k), typeof(c), c, * FROM temp.kk_%s"
        before = counts(db)
        a = answer(db, q % "hash")
        after = counts(db)
        b = answer(db, q % "stream")
        if a != b or a[0] != "rows":
            fail("compact keys (%s): hash %s\n  stream %s" % (module, a[:2], b[:2]))
        if len({row[1] for row in a[1]}) != len(keys):
            fail("compact keys (%s): %d keys shown, %d stored"
                 % (module, len({row[1] for row in a[1]}), len(keys)))
        if after[0] == before[0] or after[2:] != before[2:]:
            fail("compact keys (%s): not answered by the hash path: %s -> %s"
                 % (module, before, after))
        for mode in ("hash", "stream"):
            db.execute("DROP TABLE temp.kk_%s" % mode)
    db.close()


def check_compact_cap():
    """Compact points up to the memory cap and past it, with the real cap:
    series of days 100 days apart put each point on a page of its own (64
    periods: 272 bytes of 32-bit INTEGERs, 536 once the series holds a
    REAL).  100,000 INTEGER points (about 29 MB) are answered by the hash
    path (as dense 9-byte arrays over their days they would pass 64 MiB);
    150,000 REAL points (about 82 MB) make it give way for memory; both
    give scan=stream's rows."""
    for n, value, path in ((100000, "(i % 1000) - 500", 0), (150000, "(i % 1000) * 0.5", 2)):
        db = connect()
        db.execute("CREATE TABLE d(k INTEGER, period TEXT, v)")
        db.execute("INSERT INTO d WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                   "WHERE i < %d) SELECT i / 100, date('1990-01-01', '+' || ((i %% 100) * 100) || "
                   "' days'), %s FROM n" % (n - 1, value))
        for mode in ("hash", "stream"):
            db.execute("CREATE VIRTUAL TABLE temp.d_%s USING yoy_growth(source=d, value=v, "
                       "period=period, by=k, scan=%s)" % (mode, mode))
        q = ("SELECT count(*), sum(value), sum(growth), count(note), min(period), max(period) "
             "FROM temp.d_%s")
        before = counts(db)
        a = answer(db, q % "hash")
        after = counts(db)
        b = answer(db, q % "stream")
        if a != b or a[0] != "rows" or a[1][0][0][1] != n:
            fail("compact cap (%s): hash %s, stream %s" % (value, a, b))
        moved = [after[i] - before[i] for i in range(4)]
        if moved[path] != 1 or sum(moved) != 1:
            fail("compact cap (%s): counts moved %s, expected path %d" % (value, moved, path))
        db.close()


def check_excluded_years():
    """A bad row (a label that is no period, a value that is no number, a
    second row of a point, a flow that is neither) in a year the WHERE
    excludes is an error through every scan path or through none: the rows
    read depend on the query, never on scan= (docs/design.md, "Pushdown
    and writing statements").  The hash plan that reads every year so the
    pool can walk them (INDEX 3:) used to report the row where the
    streaming path, which reads those years only through the pool, built
    when a row first reads low, high or note, returned no rows.  Both
    forms, all three modules, with and without grain=.  Returns the
    number of comparisons."""
    def world(bad_key, kind):
        db = connect()
        db.execute("CREATE TABLE src(k TEXT, period TEXT, flow TEXT, v)")
        rows = [(k, "%d-%02d" % (y, m), f, 100 + (y - 2018) * 12 + m + (f == "import"))
                for k in ("China", "Japan", "Korea") for y in range(2018, 2024)
                for m in range(1, 13) if y < 2023 or m <= 6 for f in ("export", "import")]
        rows.append({"label": (bad_key, "2023-13", "export", 5.0),
                     "value": (bad_key, "2023-02", "export", "n/a"),
                     "dup": (bad_key, "2023-02", "export", 7.0),
                     "flow": (bad_key, "2023-02", "sideways", 7.0)}[kind])
        db.executemany("INSERT INTO src VALUES (?, ?, ?, ?)", rows)
        return db
    forms = [("annual_projection", "source=src, value=v, period=period, by='k, flow', "
              "method=prior_share, through=H1", "annual_projection('src', 'v', 'period', "
              "'k, flow', 'prior_share', 'through=H1%s, scan=%s')", "year"),
             ("annual_projection", "source=src, value=v, period=period, by='k, flow', "
              "method=auto", None, "year"),
             ("yoy_growth", "source=src, value=v, period=period, by='k, flow'",
              "yoy_growth('src', 'v', 'period', 'k, flow', 'x%s, scan=%s')", "period"),
             ("trade_imbalance", "source=src, value=v, period=period, flow=flow, by=k",
              "trade_imbalance('src', 'v', 'period', 'flow', 'k', 'x%s, scan=%s')", "period")]
    n = 0
    seen = {"rows": 0, "error": 0}
    for bad_key in ("China", "Korea"):
        for kind in ("label", "value", "dup", "flow"):
            db = world(bad_key, kind)
            for module, args, call, ycol in forms:
                if kind == "flow" and module != "trade_imbalance":
                    continue
                lt, eq, old = ((" year < 2022", " year = 2021", " year < 2000") if ycol == "year"
                          else (" period < '2022'", " period >= '2021' AND period < '2022'",
                                " period < '2000'"))
                for grain in ("", "month", "quarter"):
                    g = ", grain=" + grain if grain else ""
                    tables = {}
                    for mode in ("hash", "stream", "auto"):
                        db.execute("CREATE VIRTUAL TABLE temp.x_%s USING %s(%s%s, scan=%s)"
                                   % (mode, module, args, g, mode))
                        tables[mode] = ("temp.x_" + mode, "k")
                    if call:
                        # series: the JSON array of k and flow, or k alone
                        key = "json_extract(series, '$[0]')" if "'k, flow'" in call else "series"
                        for mode in ("hash", "stream", "auto"):
                            tables["tv " + mode] = (call % (g, mode), key)
                    for sel in ("*", "%s, %s" % ("k", ycol)):
                        for w in ["k IN ('China', 'Japan') AND" + lt, "k = 'China' AND" + lt,
                                  "k IN ('China', 'Japan') AND" + eq, "k = 'China' AND" + eq,
                                  lt.strip(), old.strip(), lt.strip() + " AND rowid < 0",
                                  "k IN ('China', 'Japan') AND" + old]:
                            got = {}
                            for name, (t, key) in tables.items():
                                if name.startswith("tv") and sel != "*":
                                    continue
                                q = ("SELECT %s FROM %s WHERE %s"
                                     % (sel, t, w.replace("k ", key + " ", 1)))
                                got[name] = answer(db, q.replace("'x, ", "'"))
                            for fam in ("", "tv "):
                                ref = got.get(fam + "stream")
                                for mode in ("hash", "auto"):
                                    if fam + mode in got and got[fam + mode] != ref:
                                        fail("excluded years: bad %s row of %s in 2023: "
                                             "%s(%s%s) SELECT %s WHERE %s\n  %s: %s\n  "
                                             "stream: %s" % (kind, bad_key, module,
                                                             "form " + fam if fam else args, g,
                                                             sel, w, mode, got[fam + mode][:2],
                                                             ref[:2]))
                                if ref is not None:
                                    seen[ref[0]] += 1
                                    n += 1
                    for mode in ("hash", "stream", "auto"):
                        db.execute("DROP TABLE temp.x_%s" % mode)
            db.close()
    # The world must give both answers, or agreement proves little.
    if seen["rows"] == 0 or seen["error"] == 0:
        fail("excluded years: the queries gave %s" % seen)
    return n, seen


def check_compact_size():
    """scan=auto streams a source of one point per row (two rows, long
    trade data) at once when its row count (sqlite_stat1, else the largest
    rowid) says the points would pass the memory cap, and reads it by hash
    otherwise: compact points of yoy_growth and annual_projection (about 6
    bytes a row, cap / 6 rows; the projection's periods without a figure
    are a bit of their page) and trade_imbalance's two-slot points (cap /
    36 rows; the cap is 64 MiB)."""
    db = connect()
    db.execute("CREATE TABLE big(k TEXT, flow TEXT, period TEXT, v INTEGER)")
    db.executemany("INSERT INTO big VALUES (?, ?, ?, ?)",
                   [(k, f, "%d-%02d" % (y, m), (y * 12 + m) % 97) for k in "abc" for f in ("x", "m")
                    for y in range(2018, 2024) for m in range(1, 13)])
    cap = 64 << 20
    forms = (
        ("yoy_growth(source=big, value=v, period=period, by='k, flow'%s)",
         "SELECT k, flow, period, value, growth FROM temp.b_%s",
         # the benchmark's 4 x data, 9.6 M rows, fits as 32-bit compact points
         ((216, 0), (9600000, 0), (cap // 6, 0), (cap // 6 + 1, 1), (20000000, 1))),
        ("annual_projection(source=big, value=v, period=period, by='k, flow', method=prior_share, "
         "through=H1%s)", "SELECT k, flow, year, ytd, projection, actual FROM temp.b_%s",
         # the benchmark's 2.4 M rows fit, as compact points
         ((216, 0), (2400000, 0), (cap // 6, 0), (cap // 6 + 1, 1), (20000000, 1))),
        ("trade_imbalance(source=big, value=v, period=period, flow=flow, export_label=x, "
         "import_label=m, by=k%s)", "SELECT k, period, exports, imports, balance FROM temp.b_%s",
         ((216, 0), (cap // 36, 0), (cap // 36 + 1, 1), (2400000, 1))),
    )
    for n, (create, q, sizes) in enumerate(forms):
        db.execute("DROP TABLE IF EXISTS temp.b_auto")
        db.execute("DROP TABLE IF EXISTS temp.b_hash")
        db.execute("CREATE VIRTUAL TABLE temp.b_auto USING " + create % "")
        db.execute("CREATE VIRTUAL TABLE temp.b_hash USING " + create % ", scan=hash")
        for rows, path in sizes:
            db.execute("ANALYZE big")
            db.execute("UPDATE sqlite_stat1 SET stat = '%d' WHERE tbl = 'big' AND idx IS NULL" % rows)
            db.commit()
            db.execute("ANALYZE sqlite_schema")  # reload the statistics
            plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + q % "auto"))
            before = counts(db)
            a = answer(db, q % "auto")
            after = counts(db)
            if a != answer(db, q % "hash"):
                fail("compact size: form %d: scan=auto and scan=hash differ at %d rows" % (n, rows))
            moved = [after[i] - before[i] for i in range(4)]
            if moved[path] != 1 or sum(moved) != 1 or ("Sh" if path == 0 else "Ss") not in plan:
                fail("compact size: form %d: %d rows claimed: counts moved %s, plan %r"
                     % (n, rows, moved, plan))
    db.close()


def check_covering():
    """scan=auto reads a source of one point per row by hash, also when an
    index covers the series columns, the period and the value in series
    order (the compact hash read is faster than that walk too:
    docs/design.md, "Scan paths").  Either way the rows are scan=stream's."""
    db = connect()
    db.execute("CREATE TABLE cov(k TEXT, period TEXT, v INTEGER, other TEXT)")
    db.executemany("INSERT INTO cov VALUES (?, ?, ?, 'x')",
                   [(k, "%d-%02d" % (y, m), (y * 12 + m) % 89) for k in "cab"
                    for y in range(2019, 2024) for m in range(1, 13)])
    for mode in ("auto", "stream"):
        db.execute("CREATE VIRTUAL TABLE temp.v_%s USING yoy_growth(source=cov, value=v, "
                   "period=period, by=k, scan=%s)" % (mode, mode))
    q = "SELECT k, period, value, growth, note FROM temp.v_%s"
    cases = ((None, 0, "Sh"),  # no index: storage-order read into compact points
             ("CREATE INDEX cov_kp ON cov(k, period)", 0, "Sh"),  # seeks per row
             ("CREATE INDEX cov_kpv ON cov(k, period, v)", 0, "Sh"))  # covering walk: hash too
    for ddl, path, shown in cases:
        if ddl:
            db.execute(ddl)
        plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + q % "auto"))
        before = counts(db)
        a = answer(db, q % "auto")
        after = counts(db)
        if a != answer(db, q % "stream") or a[0] != "rows":
            fail("covering index: scan=auto and scan=stream differ (%s)" % ddl)
        moved = [after[i] - before[i] for i in range(4)]
        if moved[path] != 1 or sum(moved) != 1 or shown not in plan:
            fail("covering index (%s): counts moved %s, plan %r" % (ddl, moved, plan))
    db.close()


def check_cap():
    """A source whose (series, period) points exceed the memory cap."""
    db = connect()
    db.execute("CREATE TABLE many(k INTEGER, period TEXT, v INTEGER)")
    # 100,000 series x 24 months: 2.4 M points of 32 bytes with their
    # series' tables, well over 64 MiB (960,000 points fit since a point
    # of one slot takes 32 bytes instead of 80)
    db.execute("""INSERT INTO many WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1
                  FROM n WHERE i < 2399999)
                  SELECT i / 24, printf('%04d-%02d', 2020 + (i % 24) / 12, 1 + i % 12), i % 97
                  FROM n""")
    for mode in ("hash", "stream"):
        db.execute("CREATE VIRTUAL TABLE temp.c_%s USING yoy_growth(source=many, value=v, "
                   "period=period, by=k, grain=month, scan=%s)" % (mode, mode))
    before = counts(db)
    a = answer(db, "SELECT count(*), sum(value), sum(growth), count(note) FROM temp.c_hash")
    after = counts(db)
    b = answer(db, "SELECT count(*), sum(value), sum(growth), count(note) FROM temp.c_stream")
    if a != b:
        fail("over the cap: hash %s, stream %s" % (a, b))
    if after[2] != before[2] + 1:
        fail("over the cap the hash path did not give way for memory: %s -> %s" % (before, after))


def check_crafted_keys():
    """The hash path's key hash starts from a random seed per pass.  From
    the known start it had, each step of the hash can be undone, so BLOB
    keys whose third word is chosen reach one hash, and every probe walked
    them all: 40,000 such keys took 9 x the CPU of 40,000 random ones.
    Counted in machine instructions of the sqlite3 shell running the query
    (common.shell_instructions), the count of a plain scan of the same
    table subtracted: the check allows 2 x."""
    mask, mul = (1 << 64) - 1, 0xff51afd7ed558ccd

    def step(h, w):
        h = ((h ^ w) * mul) & mask
        return h ^ (h >> 32)
    body_len = 19
    n_enc = 5 + body_len  # the key encoding: a type byte, a length, the bytes
    start = (0xcbf29ce484222325 ^ ((n_enc * 0x9e3779b97f4a7c15) & mask)) & mask
    target = 0x1234567890abcdef
    r = random.Random(1)

    def key(crafted):
        body = bytes(r.getrandbits(8) for _ in range(11))
        if not crafted:
            return body + bytes(r.getrandbits(8) for _ in range(8))
        w0, w1 = struct.unpack("<QQ", bytes([5]) + struct.pack("<I", body_len) + body)
        return body + struct.pack("<Q", step(step(start, w0), w1) ^ target)
    cost = {}
    for crafted in (False, True):
        with common.temp_db() as path:
            db = connect(path)
            db.execute("CREATE TABLE t(k BLOB, p TEXT, v INTEGER)")
            db.executemany("INSERT INTO t VALUES (?, '2019', 1)",
                           [(key(crafted),) for _ in range(40000)])
            db.commit()
            n = db.execute("SELECT count(*) FROM yoy_growth('t', 'v', 'p', 'k', 'scan=hash')"
                           ).fetchone()[0]
            if n != 40000:
                fail("crafted keys: %d series, expected 40000" % n)
            db.close()
            query = "SELECT count(*) FROM yoy_growth('t', 'v', 'p', 'k', 'scan=hash')"
            cost[crafted] = (common.shell_instructions(EXT, path, query)
                             - common.shell_instructions(EXT, path, "SELECT count(*), count(k) FROM t"))
    if cost[True] > 2 * cost[False]:
        fail("crafted keys: %d instructions against %d for random keys (a hash whose start is "
             "known)" % (cost[True], cost[False]))
    return cost


def main():
    global EXT, SEEDS
    EXT, options = common.parse_args(sys.argv[1:], EXT, {"seeds": SEEDS}, flags=("no-cap",))
    SEEDS, cap = options["seeds"], not options["no_cap"]
    probe = connect()
    c0 = counts(probe)
    total = sum(check_seed(seed) for seed in range(1, SEEDS + 1))
    for seed in range(1, SEEDS + 1):
        check_compact(seed)
    check_compact_size()
    check_compact_widths()
    check_compact_keys()
    check_compact_cap()
    check_covering()
    excluded, seen = check_excluded_years()
    crafted = check_crafted_keys()
    c1 = counts(probe)
    hashed, streamed, mem, data = (c1[i] - c0[i] for i in range(4))
    # Each comparison runs one scan per path; the hash one is counted as
    # hash or as a give-way.  Most data here is clean enough to hash.
    if TALLY["rows by hash"] < TALLY["rows"] // 3:
        fail("the hash path answered only %d of the %d queries that have rows (gave way: %d "
             "data, %d memory)" % (TALLY["rows by hash"], TALLY["rows"], data, mem))
    if data == 0:
        fail("the hash path never gave way on data it cannot prove equal")
    if cap:
        check_cap()
    print("paths: %d queries x 2 paths over %d seeds agree bit for bit: %d with rows (%d of them "
          "by the hash path), %d errors; the hash path gave way %d times for data%s; %d tables "
          "of one row per point answered by the hash path's compact points (32- and 64-bit "
          "values, key values of every storage class, the cap on both widths); a bad row in a "
          "year the WHERE excludes: %d comparisons agree (%d rows, %d errors); 40,000 keys "
          "crafted to collide: %d instructions, random ones %d"
          % (total, SEEDS, TALLY["rows"], TALLY["rows by hash"], TALLY["errors"], data,
             ", once for memory" if cap else "", TALLY["compact"], excluded, seen["rows"],
             seen["error"], crafted[True], crafted[False]))


if __name__ == "__main__":
    main()
