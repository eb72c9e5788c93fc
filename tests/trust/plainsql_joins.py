#!/usr/bin/python3
"""Seeded differential test: two series tables in one query.

A trade_imbalance table and a yoy_growth table over the same source (the
export rows, through a view) joined, correlated, in EXISTS and IN
subqueries, self-joined under an OR, in a MATERIALIZED CTE and under
ORDER BY ... LIMIT/OFFSET, each answer compared with the same query on
copies of the two tables declared with the source key's type (so its
collation and affinity).  plainsql_diff.py and plainsql_trade.py hold each
table against plain SQL; this holds their combinations against the
copies: the inner loops' filters (a key and a period handed per outer
row, either scan path) must not change an answer.

    /usr/bin/python3 tests/trust/plainsql_joins.py [EXT] [--worlds N] [--seed S]
"""
import random
import sqlite3
import sys

import common

fail = common.failer("plainsql_joins")

KEY_TYPES = ["TEXT COLLATE NOCASE", "TEXT", "", "INTEGER", "TEXT COLLATE RTRIM"]
KEYS = ["a", "A", "a ", "b", 1, 1.0, "1", "c", None]
QUERIES = [
    "SELECT a.k, a.period, a.exports, b.value, b.growth, a.exports_growth FROM {tr} a"
    " JOIN {gx} b ON b.k = a.k AND b.period = a.period",
    "SELECT a.k, a.period, (SELECT b.growth FROM {gx} b WHERE b.k = a.k AND b.period = a.period)"
    " FROM {tr} a WHERE a.period >= '2022'",
    "SELECT a.k, a.period FROM {tr} a WHERE EXISTS (SELECT 1 FROM {gx} b WHERE b.k = a.k"
    " AND b.period = a.period AND b.growth > 0)",
    "SELECT b.k, b.period, b.value FROM {gx} b WHERE b.period IN (SELECT period FROM {tr}"
    " WHERE balance < 0 AND k = b.k)",
    "SELECT a.k, count(*), sum(a.balance) FROM {tr} a CROSS JOIN {gx} b WHERE a.k = b.k"
    " AND a.period = b.prior_period GROUP BY a.k",
    "SELECT x.k, x.period, x.exports FROM {tr} x JOIN {tr} y ON y.k = x.k AND y.period = x.period"
    " WHERE x.period LIKE '2023%' OR y.k = 'a'",
    "WITH c AS MATERIALIZED (SELECT k, period, value FROM {gx} WHERE period < '2022')"
    " SELECT c.k, c.period, t2.balance FROM c LEFT JOIN {tr} t2 ON t2.k = c.k AND t2.period = c.period",
    "SELECT a.k, a.period, b.value FROM {tr} a LEFT JOIN {gx} b ON b.k = a.k AND b.period = a.period"
    " ORDER BY a.period DESC, a.k, b.value LIMIT 7 OFFSET 3",
]


def norm(r):
    return repr(tuple(round(x, 6) if isinstance(x, float) else x for x in r))


def world(rng, ext):
    db = common.connect(ext)
    kt = rng.choice(KEY_TYPES)
    db.execute("CREATE TABLE t(k %s, p TEXT, f TEXT, v)" % kt)
    if rng.random() < 0.5:
        db.execute("CREATE INDEX ti ON t(k, p)")
    rows = []
    for k in rng.sample(KEYS, rng.randint(1, 4)):
        for y in range(2020, 2024):
            for m in range(1, 13):
                for f in ("export", "import"):
                    if rng.random() < 0.15:
                        continue
                    v = rng.randint(0, 500) if rng.random() < 0.9 else rng.choice([None, 3])
                    rows.append((k, "%d-%02d" % (y, m), f, v))
    db.executemany("INSERT INTO t VALUES (?,?,?,?)", rows)
    grain = rng.choice(["", ", grain=quarter"])
    s1, s2 = rng.choice(["hash", "stream"]), rng.choice(["hash", "stream"])
    try:
        db.execute("CREATE VIRTUAL TABLE tr USING trade_imbalance(source=t, value=v, period=p,"
                   " flow=f, by=k, scan=%s%s)" % (s1, grain))
        db.execute("CREATE VIEW tx AS SELECT * FROM t WHERE f = 'export'")
        db.execute("CREATE VIRTUAL TABLE gx USING yoy_growth(source=tx, value=v, period=p, by=k,"
                   " scan=%s%s)" % (s2, grain))
        for src, dst in (("tr", "mtr"), ("gx", "mgx")):
            cols = db.execute("SELECT name, type FROM pragma_table_xinfo(?) WHERE hidden = 0",
                              (src,)).fetchall()
            db.execute("CREATE TABLE %s(%s)" % (dst, ", ".join(
                '"%s" %s' % (n, kt if n == "k" else ty) for n, ty in cols)))
            db.execute("INSERT INTO %s SELECT * FROM %s" % (dst, src))
    except sqlite3.Error:
        db.close()
        return None
    return db, "key %r%s, scan %s and %s" % (kt, grain, s1, s2)


def main():
    ext, opt = common.parse_args(sys.argv[1:], numbers={"worlds": 60, "seed": 1})
    n, autoindex = 0, [0]
    for w in range(opt["worlds"]):
        seed = opt["seed"] * 100003 + w
        made = world(random.Random(seed), ext)
        if made is None:
            continue
        db, what = made
        for q in QUERIES:
            try:
                got = [norm(r) for r in db.execute(q.format(tr="tr", gx="gx"))]
            except sqlite3.Error:
                continue  # an error is no wrong figure
            want = [norm(r) for r in db.execute(q.format(tr="mtr", gx="mgx"))]
            n += 1
            if "LIMIT" not in q:
                got, want = sorted(got), sorted(want)
            if got != want:
                # SQLite 3.40's automatic index on a copy can drop a key's
                # collation ('a ' = 'a' under RTRIM in a LEFT JOIN from a
                # MATERIALIZED CTE: no match); where the copies' answer
                # changes with automatic indexes off, that one is the
                # reference
                db.execute("PRAGMA automatic_index = OFF")
                other = [norm(r) for r in db.execute(q.format(tr="mtr", gx="mgx"))]
                db.execute("PRAGMA automatic_index = ON")
                if "LIMIT" not in q:
                    other = sorted(other)
                if other != want:
                    autoindex[0] += 1
                    want = other
            if got != want:
                fail("seed %d (%s): %s\n  series tables: %s\n  copies:        %s"
                     % (seed, what, q, got[:4], want[:4]))
        db.close()
    print("plainsql_joins: %d queries joining trade_imbalance and yoy_growth: each as on "
          "their copies (%d copies answered by SQLite only without its automatic index)"
          % (n, autoindex[0]))


if __name__ == "__main__":
    main()
