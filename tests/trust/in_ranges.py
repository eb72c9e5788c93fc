"""A series column's IN list read as ranges (docs/design.md, "Pushdown
never changes the answer"): SQLite 3.40 makes  k = 'b' OR k = 'a' COLLATE
NOCASE  an IN under the column's own collation, so the table reads, for
each value, every row equal to it under BINARY, NOCASE and RTRIM, and
SQLite checks the query's own WHERE on them.  Seeded sources whose keys
are case and trailing-space variants of a few names (BINARY, NOCASE and
RTRIM key columns, with and without an index on the key and period);
random WHERE clauses: IN lists, ORs of equalities under mixed COLLATEs,
both with a period bound; yoy_growth, annual_projection and
trade_imbalance tables against their materialized
copy, the copy's OR run as the UNION of its branches (the plain indexed
query loses rows on SQLite 3.40 too).  Also on a connection with a
collation of the application's registered (the list is then left to
SQLite: a branch could name it), with a branch under that collation.
IN_RANGES_SEED=n replays another seed.
"""
import random
import sys

import common

NAMES = ["cn", "usa", "jp", "vn", "de", "s1", "s01", "hk macau"]
COLLS = ["BINARY", "NOCASE", "RTRIM"]


def variant(rng, name):
    s = "".join(c.upper() if rng.random() < 0.3 else c for c in name)
    return s + " " * rng.choice([0, 0, 0, 1, 2])


FORMS = [
    "yoy_growth(source=src, value=v, period=p, by=k)",
    "annual_projection(source=src, value=v, period=p, by=k, method=prior_share, through=06)",
    "trade_imbalance(source=src, value=v, period=p, flow=f, export_label=x, import_label=m, by=k)",
]


def build(db, rng, coll, index, form):
    db.execute("DROP TABLE IF EXISTS src")
    db.execute("DROP TABLE IF EXISTS temp.y")
    db.execute("DROP TABLE IF EXISTS copy")
    db.execute("CREATE TABLE src(k TEXT COLLATE %s, p TEXT, v INTEGER, f TEXT)" % coll)
    if index:
        db.execute("CREATE INDEX src_kp ON src(k, p)")
    seen = set()
    rows = []
    for name in rng.sample(NAMES, rng.randint(2, len(NAMES))):
        spell = variant(rng, name)
        for y in range(2020, 2024):
            for m in range(1, 13):
                if rng.random() < 0.95:
                    rows.append((spell, "%d-%02d" % (y, m), rng.randint(0, 500)))
        # a second series whose key differs under this column's collation only
        other = variant(rng, name)
        if db.execute("SELECT ? = ? COLLATE %s" % coll, (other, spell)).fetchone()[0] == 0 \
                and (other, coll) not in seen:
            seen.add((other, coll))
            for y in range(2021, 2024):
                rows.append((other, "%d-06" % y, rng.randint(0, 500)))
    if "flow=" in form:  # each row an export, and an import beside most
        rows = [r + ("x",) for r in rows] + [r + ("m",) for r in rows if rng.random() < 0.8]
    else:
        rows = [r + (None,) for r in rows]
    db.executemany("INSERT INTO src VALUES (?, ?, ?, ?)", rows)
    db.execute("CREATE VIRTUAL TABLE temp.y USING " + form)
    # the copy's key compares as the table's does (its column's collation)
    cols = [r[1] for r in db.execute("PRAGMA temp.table_info(y)") if not r[5]]
    cols = [c for c in db.execute("SELECT * FROM temp.y LIMIT 0").description]
    names = [c[0] for c in cols]
    db.execute("CREATE TABLE copy(%s)" % ", ".join(
        '"%s"%s' % (n, " TEXT COLLATE %s" % coll if n == "k" else "") for n in names))
    db.execute("INSERT INTO copy SELECT * FROM temp.y")
    if index:
        db.execute("CREATE INDEX copy_k ON copy(k)")


def branches(rng, keys):
    out = []
    for _ in range(rng.randint(1, 4)):
        k = variant(rng, rng.choice(NAMES)) if rng.random() < 0.5 else rng.choice(keys)
        coll = rng.choice(["", " COLLATE NOCASE", " COLLATE RTRIM", " COLLATE BINARY", " COLLATE app"])
        out.append(("k = ?" + coll, k))
    return out


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"seed": 1, "queries": 1500})
    fail = common.failer("in_ranges")
    rng = random.Random(opts["seed"])
    compared = ranged = 0
    for app in (False, True):
        db = common.connect(ext)
        if app:  # a collation of the application's: folds digits away
            db.create_collation("app", lambda a, b: (a.strip("0123456789 ") > b.strip("0123456789 ")) -
                                (a.strip("0123456789 ") < b.strip("0123456789 ")))
        for world in range(opts["queries"] // 50):
            coll, index, form = rng.choice(COLLS), rng.random() < 0.7, rng.choice(FORMS)
            build(db, rng, coll, index, form)
            keys = [r[0] for r in db.execute("SELECT DISTINCT k FROM src")]
            for _ in range(50):
                br = [b for b in branches(rng, keys) if app or "app" not in b[0]]
                if not br:
                    continue
                bound = rng.choice(["", " AND year >= 2022", " AND year = 2023"] if "annual" in form
                                   else ["", " AND period >= '2022-01'", " AND period = '2023-06'"])
                if rng.random() < 0.4 and all(" COLLATE" not in b[0] for b in br):
                    where = "k IN (%s)" % ", ".join("?" for _ in br)
                    args = [b[1] for b in br]
                    ref_sql = "SELECT * FROM copy WHERE k IN (%s)%s" % (", ".join("?" for _ in br), bound)
                    ref = set(db.execute(ref_sql, args).fetchall())
                else:
                    where = "(" + " OR ".join(b[0] for b in br) + ")"
                    args = [b[1] for b in br]
                    ref = set()
                    for cond, val in br:  # each branch alone: no OR to rewrite
                        ref |= set(db.execute("SELECT * FROM copy WHERE %s%s" % (cond, bound), (val,)))
                sql = "SELECT * FROM temp.y WHERE %s%s" % (where, bound)
                got = db.execute(sql, args).fetchall()
                plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, args))
                ranged += ":C" in plan or "INDEX 0:C" in plan
                compared += 1
                if sorted(got, key=repr) != sorted(ref, key=repr) or len(got) != len(set(got)):
                    fail("seed %d, %s, %s key column%s%s: %s %r\n  got  %d rows\n  want %d rows (missing %r)"
                         % (opts["seed"], form.split("(")[0], coll, " indexed" if index else "",
                            ", app collation" if app else "",
                            sql, args, len(got), len(ref), sorted(ref - set(got), key=repr)[:3])
                     + "\n  plan %s\n  extra %r" % (plan, sorted(set(got) - ref, key=repr)[:3]))
        db.close()
    print("in_ranges: %d queries of yoy_growth, annual_projection and trade_imbalance (IN lists, ORs under mixed collations, %d planned with the list taken "
          "whole) give the rows of the copy, as the UNION of their branches (seed %d)"
          % (compared, ranged, opts["seed"]))


if __name__ == "__main__":
    main()
