#!/usr/bin/python3
"""Seeded differential test: pushdown never changes the answer.

For yoy_growth, trade_imbalance and annual_projection, in the table-valued
and the CREATE VIRTUAL TABLE form, over random sources (random series keys
of several types, random gaps, one random period kind per table written in
random accepted label forms, INTEGER and REAL periods too, optional grain=,
optional index), every query

    SELECT v.* FROM <virtual table> AS v, k WHERE <w>

must return exactly the rows (as a multiset, values compared with their
types) of

    SELECT v.* FROM m AS v, k WHERE <w>

where m is CREATE TEMP TABLE m AS SELECT * FROM <virtual table> (the
unfiltered table, materialized) and k is a one-row table whose columns
carry values of every affinity, so the WHERE can compare with a column
(affinity applied) as well as with literals.  <w> combines with AND, OR
and NOT the constraints SQLite hands to xBestIndex (=, <, <=, >, >=, IN,
IS, IS NOT, !=, LIKE, GLOB, BETWEEN, IS NULL) on the period/year and the
series columns, with values of other types and period kinds than the
column holds, labels in non-canonical forms, NULL, BLOBs and collations.

    /usr/bin/python3 tests/trust/difftest.py            (seed 1)
    DIFF_SEED=7 DIFF_QUERIES=20000 /usr/bin/python3 tests/trust/difftest.py
    DIFF_SEED=random ...                                 (a new seed, printed)

The sources include a view (no rowid), indexes or none, grain=, and the
table-valued options argument with one or several series columns; a share
of the WHEREs are ORs of equalities on different columns, which SQLite
runs as a multi-index OR (one scan per branch, rows told apart by rowid).
The copy m is made by a statement that writes, so it is read through the
snapshot path while the queries stream: the two paths are compared too.

Exit status 1 when a query differs; the failures are summed by table, by
what the WHERE uses and by symptom (rows missing, rows added, values
differ), and the first few are printed with the seed, the source, the
table and the query, so they can be replayed.
"""
import collections
import datetime
import os
import random
import sqlite3
import sys
import time

import common

EXT = os.environ.get("TRADESTAT_EXT", "build/tradestat")
QUERIES_PER_WORLD = 40
MAX_SHOWN = 5

KINDS = ["year", "half", "quarter", "month", "day"]
PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}


def qs(s):
    return "'" + s.replace("'", "''") + "'"


def lit(v):
    """SQL literal for a Python value (str, int, float, bytes, None)."""
    if v is None:
        return "NULL"
    if isinstance(v, bytes):
        return "x'" + v.hex() + "'"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, int):
        return str(v)
    return qs(v)


# ---- periods -------------------------------------------------------------

def periods_of(kind, y):
    """(sub, day) of every period of a kind in year y (days: a sample)."""
    if kind == "year":
        return [(1, 0)]
    if kind == "day":
        return [(m, d) for m in (1, 2, 6, 12) for d in (1, 15, 28)]
    return [(s, 0) for s in range(1, PER_YEAR[kind] + 1)]


def canonical(kind, y, sub, day):
    """The canonical label; a day's sub is its month."""
    return common.period_label(kind, y, datetime.date(y, sub, day) if kind == "day" else sub)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
PRELIM = ["p", " p", "P", " p)", "p)", " (p)", "(p)"]
SPACE = [" ", "  ", "\t"]


def text_forms(kind, y, sub, day, numeric_ok):
    """Label forms period.c accepts for one period (numeric_ok: forms that a
    NUMERIC/INTEGER column would turn into a REAL are left out when False)."""
    if kind == "year":
        return ["%04d" % y, "%04d\ub144" % y]
    if kind == "half":
        return ["%04d-H%d" % (y, sub), "%04dH%d" % (y, sub), "%04d h%d" % (y, sub),
                "%04d-h%d" % (y, sub), "%04d.%d/2" % (y, sub), "%04d %d/2" % (y, sub),
                "H%d %04d" % (sub, y), "%dH%04d" % (sub, y),
                "%04d\ub144 %s" % (y, "\uc0c1\ubc18\uae30" if sub == 1 else "\ud558\ubc18\uae30")]
    if kind == "quarter":
        return ["%04d-Q%d" % (y, sub), "%04dq%d" % (y, sub), "%04d Q%d" % (y, sub),
                "%04d.%d/4" % (y, sub), "%04d %d/4" % (y, sub), "Q%d %04d" % (sub, y),
                "%dQ%04d" % (sub, y), "%dQ %04d" % (sub, y), "%04d\ub144 %d/4\ubd84\uae30" % (y, sub)]
    if kind == "month":
        forms = ["%04d-%02d" % (y, sub), "%04d%02d" % (y, sub), "%04d-%d" % (y, sub),
                 "%04d/%02d" % (y, sub), "%04dM%d" % (y, sub), "%s %04d" % (MONTHS[sub - 1], y),
                 "%s-%04d" % (MONTHS[sub - 1][:3].lower(), y), "%04d\ub144 %d\uc6d4" % (y, sub)]
        if numeric_ok:
            forms.append("%04d.%02d" % (y, sub))
        return forms
    return ["%04d-%02d-%02d" % (y, sub, day), "%04d-%02d-%02d 12:30:00" % (y, sub, day),
            "%04d-%02d-%02dT08:00" % (y, sub, day)]


def source_label(rng, kind, y, sub, day, affinity):
    """One accepted way to store the period in a column of this affinity."""
    r = rng.random()
    if kind in ("year", "month") and r < 0.15:
        n = y if kind == "year" else y * 100 + sub
        if affinity == "" and rng.random() < 0.4:
            return float(n)  # REAL periods are read as their integer
        return n
    z = rng.choice(text_forms(kind, y, sub, day, affinity in ("", "TEXT")))
    if kind != "day" and rng.random() < 0.15:
        z += rng.choice(PRELIM)
    if rng.random() < 0.1:
        z = rng.choice(SPACE) + z
    if rng.random() < 0.1:
        z = z + rng.choice(SPACE)
    return z


# ---- a random world: source table, virtual table, helper table k ----------

KEY_POOLS = [
    ["CN", "US", "JP", "KR"],
    ["a", "b", "a b", " a", "A"],
    [1, 2, 10, 300],
    ["7", "8", 1, 3],
    ["x", None, "y"],
]


class World:
    pass


def make_world(rng, wid):
    w = World()
    w.id = wid
    w.module = rng.choice(["yoy_growth", "trade_imbalance", "annual_projection"])
    w.form = rng.choice(["tvf", "create"])
    w.kind = rng.choice(KINDS)
    if w.module == "annual_projection" and w.kind == "day":
        w.kind = "month"  # day periods are an error for projections
    w.affinity = rng.choice(["TEXT", "TEXT", "", "INTEGER"])
    nby = rng.choice([0, 1, 1, 2])
    if w.form == "tvf" and w.module == "annual_projection":
        nby = min(nby, 1)
    w.by = ["partner", "flow2"][:nby] if nby else []
    w.by_types = [rng.choice(["TEXT", "", "INTEGER"]) for _ in w.by]
    w.pools = [rng.choice(KEY_POOLS) for _ in w.by]
    w.wide = w.module == "trade_imbalance" and w.form == "create" and rng.random() < 0.4
    w.grain = None
    # The table-valued form takes grain= as an option after the series
    # column (a NULL series argument is the known limit, not generated).
    tvf_options = w.form == "tvf" and w.module != "annual_projection" and w.by
    if (w.form == "create" or tvf_options) and rng.random() < 0.3:
        coarser = KINDS[: KINDS.index(w.kind) + 1]
        w.grain = rng.choice(coarser)
        if w.module == "annual_projection" and w.grain == "day":
            w.grain = None
    # yoy_growth's share/contribution against a named total series.
    w.total = None
    if w.module == "yoy_growth" and len(w.by) == 1 and rng.random() < 0.4:
        w.total = "pick"
    w.through = None
    w.method = rng.choice(["prior_share", "run_rate", "snaive", "avg_share", "linear", "theta",
                           "holt_winters", "auto"])
    if w.module == "annual_projection" and w.form == "create":
        w.through = rng.choice([None, None, "H1", "Q3", "06", "Q1", "12"])

    cols = ["%s %s" % (b, t) for b, t in zip(w.by, w.by_types)]
    cols.append("period %s" % w.affinity)
    if w.wide:
        cols += ["ex NUMERIC", "im"]
    else:
        cols.append("amount %s" % rng.choice(["INTEGER", "REAL", ""]))
        if w.module == "trade_imbalance":
            cols.append("flow TEXT")
    w.create_source = "CREATE TABLE src(%s)" % ", ".join(cols)
    # A view as the source: no rowid (statements that write replay it).
    w.source = "srcv" if rng.random() < 0.2 else "src"
    w.index = None
    if rng.random() < 0.5:
        w.index = "CREATE INDEX src_i ON src(%s)" % ", ".join(w.by + ["period"])
    elif rng.random() < 0.3:
        w.index = "CREATE INDEX src_i ON src(period)"

    rows = []
    keys = [[]]
    for pool in w.pools:
        keys = [k + [v] for k in keys for v in rng.sample(pool, rng.randint(1, min(3, len(pool))))]
    first = rng.randint(2012, 2021)
    nyears = rng.randint(1, 6)
    for key in keys:
        for y in range(first, first + nyears):
            if rng.random() < 0.12:
                continue  # a missing year
            for sub, day in periods_of(w.kind, y):
                if rng.random() < 0.15:
                    continue  # a gap
                # Without grain= a series has one row per period (two are an
                # error); with grain= rows of a period are summed on purpose.
                for _ in range(rng.choice([1, 1, 1, 2]) if w.grain else 1):
                    label = source_label(rng, w.kind, y, sub, day, w.affinity)
                    if w.wide:
                        rows.append(key + [label, value(rng), value(rng)])
                    elif w.module == "trade_imbalance":
                        for side in rng.sample([0, 1], rng.randint(1, 2)):
                            flow = rng.choice([["export", "Export", " export "],
                                               ["import", " IMPORT ", "Import"]][side])
                            rows.append(key + [label, value(rng), flow])
                    else:
                        rows.append(key + [label, value(rng)])
    rng.shuffle(rows)
    w.rows = rows
    if w.total == "pick":
        w.total = rng.choice([k[0] for k in keys])
    # annual_projection's reconcile=: a value of the first by column as the
    # total (drawn from its own generator, so the other worlds of a seed
    # stay as they were).
    w.reconcile = None
    if w.module == "annual_projection" and w.form == "create" and w.by:
        sub = random.Random(repr(rows[:4]) + str(wid))
        if sub.random() < 0.4:
            label = sub.choice([k[0] for k in keys])
            w.reconcile = '%s="%s"' % (w.by[0], str(label).replace('"', '""'))
    w.vt = vt_expression(w)
    w.years = list(range(first - 1, first + nyears + 1))
    # k: one row, a value of each affinity for comparisons with a column.
    y = rng.choice(w.years)
    w.k = {
        "ki": rng.choice([y, y * 100 + rng.randint(1, 12), y * 10]),
        "kt": rng.choice([canonical(w.kind, y, 1, 1), "%04d" % y, "%04d-H2" % y, "%04d-06" % y]),
        "kr": rng.choice([float(y), y + 0.5]),
        "kn": rng.choice(["%04d-06" % y, "%04d-H1" % y, y]),  # INTEGER column, text kept
        "kk": rng.choice(w.pools[0]) if w.pools else "CN",
        "kki": rng.choice([1, 2, "1", "CN"]),
    }
    return w


def value(rng):
    r = rng.random()
    if r < 0.08:
        return None
    if r < 0.2:
        return round(rng.uniform(-50, 500), 2)
    return rng.randint(-20, 900)


def vt_expression(w):
    if w.form == "tvf":
        args = [qs(w.source), qs("amount"), qs("period")]
        if w.module == "trade_imbalance":
            args.append(qs("flow"))
        options = []
        if w.grain:
            options.append("grain=" + w.grain)
        if w.total is not None:
            options.append("total=%s" % qs(str(w.total)))
        if w.by:
            args.append(qs(", ".join(w.by)))  # several: a JSON array in `series`
        if options:
            args.append(qs(", ".join(options)))  # the CREATE form's settings
        # A NULL argument (annual_projection(t, v, p, NULL, 'auto')) loses
        # every row in a multi-index OR: SQLite tests hidden = NULL itself
        # there.  Known, documented in docs/design.md; not generated here.
        if w.module == "annual_projection" and w.by:
            args.append(qs(w.method))
        return "%s(%s)" % (w.module, ", ".join(args))
    args = ["source=" + w.source, "period=period"]
    if w.wide:
        args += ["exports=ex", "imports=im"]
    else:
        args.append("value=amount")
        if w.module == "trade_imbalance":
            args.append("flow=flow")
    if w.by:
        args.append("by='%s'" % ", ".join(w.by))
    if w.grain:
        args.append("grain=" + w.grain)
    if w.total is not None:
        args.append("total=%s" % qs(str(w.total)))
    if w.module == "annual_projection":
        args.append("method=" + w.method)
        if w.through:
            args.append("through=" + w.through)
        if w.reconcile:
            args.append("reconcile=" + qs(w.reconcile))
    return "CREATE VIRTUAL TABLE vt USING %s(%s)" % (w.module, ", ".join(args))


def setup(db, w):
    db.execute(w.create_source)
    if w.index:
        db.execute(w.index)
    db.execute("CREATE VIEW srcv AS SELECT * FROM src")
    n = len(w.rows[0]) if w.rows else 0
    if w.rows:
        db.executemany("INSERT INTO src VALUES(%s)" % ", ".join("?" * n), w.rows)
    db.execute("CREATE TABLE k(ki INTEGER, kt TEXT, kr REAL, kn INTEGER, kk, kki INTEGER)")
    db.execute("INSERT INTO k VALUES(?, ?, ?, ?, ?, ?)",
               [w.k[c] for c in ("ki", "kt", "kr", "kn", "kk", "kki")])
    if w.form == "create":
        db.execute(w.vt)
        w.from_vt = "vt"
    else:
        w.from_vt = w.vt
    db.execute("CREATE TEMP TABLE m AS SELECT * FROM %s" % w.from_vt)
    w.columns = [r[1] for r in db.execute("PRAGMA temp.table_info(m)")]
    w.period_col = "year" if w.module == "annual_projection" else "period"
    w.series_cols = w.by if w.form == "create" else ["series"]
    w.labels = [r[0] for r in db.execute("SELECT DISTINCT %s FROM m" % w.period_col)]
    w.keys = [[r[0] for r in db.execute("SELECT DISTINCT %s FROM m" % c)] for c in w.series_cols]
    w.value_col = w.columns[len(w.series_cols) + 1]


# ---- random WHERE clauses ---------------------------------------------------

def period_value(rng, w):
    """A value to compare the period/year column with."""
    y = rng.choice(w.years + [1, 9999, 10000, 0, -1])
    r = rng.random()
    if w.labels and r < 0.3:
        v = rng.choice(w.labels)
        if rng.random() < 0.5:
            return v
        s = str(v)
        return rng.choice([s, " " + s, s + " p)", s + "p", s.replace("-", "."), s.replace("-", ""),
                           s + "-", s[:3], s + "\u00e9", s.lower()])
    if r < 0.45:
        kind = rng.choice(KINDS)
        sub, day = rng.choice(periods_of(kind, 2000))
        return canonical(kind, max(1, min(y, 9999)), sub, day)
    if r < 0.6:
        kind = rng.choice(KINDS)
        sub, day = rng.choice(periods_of(kind, 2000))
        yy = max(1, min(y, 9999))
        forms = text_forms(kind, yy, sub, day, True)
        return rng.choice(forms) + rng.choice(["", "", " p)", "p", " "])
    if r < 0.72:
        return rng.choice([y, y * 100 + rng.randint(0, 13), y * 10000 + 101])
    if r < 0.8:
        return rng.choice([float(y), y + 0.5, y - 0.5, y * 100 + 6.0, 1e300, -1e300])
    if r < 0.85:
        return None
    if r < 0.9:
        return rng.choice([b"2023", str(y).encode()])
    return rng.choice(["", "abc", "%04d" % y, "%d" % y, "%04d-" % y, "%04d-Z" % y, "0", "9", "~",
                       " %04d" % y, "%04d.5" % y, "%04d.0" % y])


def key_value(rng, w, i):
    r = rng.random()
    if w.keys[i] and r < 0.55:
        return rng.choice(w.keys[i])
    if r < 0.75:
        return rng.choice(rng.choice(KEY_POOLS))
    if r < 0.85:
        v = rng.choice(w.keys[i]) if w.keys[i] else "CN"
        if isinstance(v, str) and v.strip().lstrip("-").isdigit():
            return int(v)
        if isinstance(v, int):
            return rng.choice([str(v), float(v)])
        return v.lower() if isinstance(v, str) else v
    return rng.choice([None, b"CN", 1.0, "%", "C%"])


OPS = ["=", "=", "<", "<=", ">", ">=", "!=", "IS", "IS NOT", "==", "<>"]
K_COLS = ["k.ki", "k.kt", "k.kr", "k.kn", "(SELECT ki FROM k)", "(SELECT kt FROM k)",
          "(SELECT kn FROM k)", "CAST(k.ki AS TEXT)", "+k.ki", "k.kt || ''"]


def atom(rng, w, tags):
    r = rng.random()
    if r < 0.55:
        col = "v." + w.period_col
        tags.add("period")
        gen = lambda: lit(period_value(rng, w))
    elif r < 0.85 and w.series_cols:
        i = rng.randrange(len(w.series_cols))
        col = "v.\"%s\"" % w.series_cols[i]
        tags.add("by")
        gen = lambda: lit(key_value(rng, w, i))
    elif r < 0.92:
        col = "v.\"%s\"" % w.value_col
        tags.add("value")
        gen = lambda: lit(rng.choice([0, 100, 250.5, None, "100"]))
    else:
        col = "v.\"%s\"" % rng.choice(w.columns)
        tags.add("other")
        gen = lambda: lit(period_value(rng, w))
    s = rng.random()
    if s < 0.12 and "period" in tags or s < 0.06:
        rhs = rng.choice(K_COLS)
        if "by" in tags and rng.random() < 0.5:
            rhs = rng.choice(["k.kk", "k.kki", "(SELECT kki FROM k)"])
        tags.add("k")
        return "%s %s %s" % (col, rng.choice(OPS), rhs)
    if s < 0.55:
        expr = "%s %s %s" % (col, rng.choice(OPS), gen())
    elif s < 0.62:
        expr = "%s %s %s" % (gen(), rng.choice(["=", "<", ">", "<=", ">="]), col)
    elif s < 0.72:
        expr = "%s %sIN (%s)" % (col, rng.choice(["", "", "NOT "]),
                                 ", ".join(gen() for _ in range(rng.randint(1, 4))))
    elif s < 0.8:
        expr = "%s BETWEEN %s AND %s" % (col, gen(), gen())
    elif s < 0.87:
        expr = "%s %s %s" % (col, rng.choice(["LIKE", "GLOB", "NOT LIKE"]),
                             lit(rng.choice(["20%", "2023%", "%H1", "2*", "CN", "a%", "%"])))
    elif s < 0.92:
        expr = "%s IS %sNULL" % (col, rng.choice(["", "NOT "]))
    else:
        expr = "%s %s %s COLLATE %s" % (col, rng.choice(OPS[:6]), gen(),
                                        rng.choice(["NOCASE", "RTRIM", "BINARY"]))
    return expr


def where(rng, w, tags, depth=0):
    r = rng.random()
    if depth < 2 and r < 0.35:
        op = rng.choice(["AND", "OR"])
        if op == "OR":
            tags.add("OR")
        return "(%s %s %s)" % (where(rng, w, tags, depth + 1), op, where(rng, w, tags, depth + 1))
    if depth < 2 and r < 0.4:
        tags.add("NOT")
        return "NOT (%s)" % where(rng, w, tags, depth + 1)
    return atom(rng, w, tags)


def symptom(w, want, got, err):
    """What went wrong: an error, rows with other values, rows missing or
    rows too many (a row is its series columns and period)."""
    if err:
        return "error"
    n = len(w.series_cols) + 1
    missing, extra = want - got, got - want
    keys_missing = {r[:n] for r in missing}
    keys_extra = {r[:n] for r in extra}
    if keys_missing & keys_extra:
        return "values differ"
    if missing and extra:
        return "rows missing and others added"
    return "rows missing" if missing else "rows added"


def or_of_equalities(rng, w, tags):
    """Equalities on different columns joined by OR: SQLite runs such a
    WHERE as a multi-index OR (one scan per branch, rows told apart by
    rowid)."""
    terms = []
    for _ in range(rng.randint(2, 3)):
        if w.series_cols and rng.random() < 0.7:
            i = rng.randrange(len(w.series_cols))
            v = rng.choice(w.keys[i]) if w.keys[i] else "CN"
            terms.append("v.\"%s\" = %s" % (w.series_cols[i], lit(v)))
        else:
            v = rng.choice(w.labels) if w.labels else 2020
            terms.append("v.%s %s %s" % (w.period_col, rng.choice(["=", ">=", "<"]), lit(v)))
    tags.add("OR")
    return "(%s)" % " OR ".join(terms)


def canon(rows):
    """Rows as a multiset, each value with its storage class."""
    out = collections.Counter()
    for row in rows:
        out[tuple((type(v).__name__, v) for v in row)] += 1
    return out


def connect():
    return common.connect(EXT)


def run(seed, n_queries):
    rng = random.Random(seed)
    done = skipped = compared = 0
    failures = []
    by_module = collections.Counter()
    by_tag = collections.Counter()
    by_symptom = collections.Counter()
    wid = 0
    while done < n_queries:
        wid += 1
        w = make_world(random.Random(rng.getrandbits(64)), wid)
        db = connect()
        try:
            setup(db, w)
        except sqlite3.Error as e:
            skipped += 1
            db.close()
            continue
        qrng = random.Random(rng.getrandbits(64))
        for _ in range(QUERIES_PER_WORLD):
            tags = set()
            cond = where(qrng, w, tags)
            if qrng.random() < 0.15:
                cond = or_of_equalities(qrng, w, tags) + " AND " + cond
            tail = ""
            if qrng.random() < 0.1:  # LIMIT is offered to xBestIndex too
                order = ", ".join("v.\"%s\"" % c for c in w.columns)
                tail = " ORDER BY %s LIMIT %d" % (order, qrng.randint(0, 6))
                tags.add("LIMIT")
            q_vt = "SELECT v.* FROM %s AS v, k WHERE %s%s" % (w.from_vt, cond, tail)
            q_m = "SELECT v.* FROM m AS v, k WHERE %s%s" % (cond, tail)
            done += 1
            try:
                want = canon(db.execute(q_m).fetchall())
            except sqlite3.Error:
                continue  # not a valid query for the copy either
            compared += 1
            try:
                got = canon(db.execute(q_vt).fetchall())
                err = None
            except sqlite3.Error as e:
                got, err = None, str(e)
            if got != want:
                by_module["%s/%s" % (w.module, w.form)] += 1
                for t in tags:
                    by_tag[t] += 1
                by_symptom["%s %s" % (w.module, symptom(w, want, got, err))] += 1
                if len(failures) < MAX_SHOWN:
                    failures.append((w, q_vt, want, got, err))
        db.close()
    return done, compared, skipped, failures, sum(by_module.values()), by_module, by_tag, by_symptom


# Named cases first: each was a wrong answer before (a source, a table on
# it, WHEREs), checked like the random ones.
FIXED = [
    ("a year filter changed annual_projection's through, ytd and projection",
     "CREATE TABLE src(partner TEXT, period TEXT, amount INTEGER);"
     "INSERT INTO src VALUES('a','2021-H1',10),('a','2021-H2',12),('a','2022-H1',11),"
     "('a','2022-H2',13),('a','2023-H1',12);",
     "annual_projection('src', 'amount', 'period', 'partner', 'prior_share')",
     ["v.year = 2022", "v.year <= 2022", "v.year < 2023", "v.year BETWEEN 2021 AND 2022"]),
    ("bounds in another form than the labels dropped rows",
     "CREATE TABLE src(partner TEXT, period TEXT, amount INTEGER);"
     "INSERT INTO src VALUES('a','2022-06',1),('a','2023-05',2),('a','2023-06',3),"
     "('a','2024-01',4);",
     "yoy_growth('src', 'amount', 'period', 'partner')",
     ["v.period >= 2023", "v.period < 202306", "v.period = 2023.0", "v.period > '2023.06'",
      "v.period <= '2023 p)'", "v.period >= ' 2023'", "v.period < '2023-H2'",
      "v.period = NULL", "v.period > x'32303233'", "v.period < k.ki", "v.period > k.kr",
      "v.period <= (SELECT kn FROM k)"]),
    ("year labels compare as integers with a bound of numeric affinity",
     "CREATE TABLE src(partner TEXT, period TEXT, amount INTEGER);"
     "INSERT INTO src VALUES('b','2021',7),('b','2022',8),('b','2023',9),('b','2024',6);",
     "yoy_growth('src', 'amount', 'period', 'partner')",
     ["v.period < k.kn", "v.period <= (SELECT kn FROM k)", "v.period = k.ki", "v.period > k.kr",
      "v.period < '2023-H2'", "v.period >= 2022.5", "v.period > 2022"]),
    ("labels with leading spaces or the year last were left unread",
     "CREATE TABLE src(partner TEXT, period TEXT, amount INTEGER);"
     "INSERT INTO src VALUES('a',' 2022-Q1',1),('a','Q1 2023',2),('a','2Q2023',3),"
     "('a','2023 Q3',4),('a','2022-Q2',5);",
     "yoy_growth('src', 'amount', 'period', 'partner')",
     ["v.period >= '2023'", "v.period = '2023-Q1'", "v.period BETWEEN '2023-Q1' AND '2023-Q2'"]),
    ("a multi-index OR dropped rows (rowids reused across its branches)",
     "CREATE TABLE src(flow TEXT, partner TEXT, period TEXT, amount INTEGER);"
     "INSERT INTO src VALUES('x','a','2022',1),('x','a','2023',2),('x','b','2022',1),"
     "('x','b','2023',4),('y','a','2022',1),('y','a','2023',3);"
     "CREATE VIRTUAL TABLE vt USING trade_imbalance(source=src, value=amount, period=period,"
     " flow=flow, by='partner', export_label='x', import_label='y');"
     "CREATE VIRTUAL TABLE vt2 USING yoy_growth(source=src, value=amount, period=period,"
     " by='flow, partner');",
     "vt2",
     ["v.flow = 'x' OR v.partner = 'a'", "v.flow = 'y' OR v.period = '2022'"]),
    ("by values of another type than the source column",
     "CREATE TABLE src(partner TEXT, period TEXT, amount INTEGER);"
     "INSERT INTO src VALUES('05','2022',1),('05','2023',2),('5','2023',3),(7,'2023',4),('a','2023',5);",
     "yoy_growth('src', 'amount', 'period', 'partner')",
     ["v.series = 5", "v.series = CAST(5 AS INTEGER)", "v.series = '5'", "v.series = 'A' COLLATE NOCASE",
      "v.series IN (5, '05', 7)"]),
    ("an OR of equalities under different COLLATEs lost a series (SQLite before its May 2026"
     " fix makes it an IN under the column's collation)",
     "CREATE TABLE src(partner TEXT, period TEXT, amount INTEGER);"
     "INSERT INTO src VALUES('A','2022-Q1',10),('A','2023-Q1',20),('b','2022-Q1',5),"
     "('b','2023-Q1',5);"
     "CREATE VIRTUAL TABLE vt USING yoy_growth(source=src, value=amount, period=period,"
     " by=partner);",
     "vt",
     ["v.partner = 'b' OR v.partner = 'a' COLLATE NOCASE",
      "v.partner = 'a' COLLATE NOCASE OR v.partner = 'b'",
      "v.period = '2023-q1' COLLATE NOCASE OR v.period = '2022-Q1'",
      "v.partner IN ('b', 'A')", "v.period IN ('2023-q1', '2022-Q1')"]),
]


def run_fixed():
    """Returns the descriptions of the named cases that differ."""
    bad = []
    for what, setup_sql, table, wheres in FIXED:
        db = connect()
        db.executescript(setup_sql)
        db.execute("CREATE TABLE k(ki INTEGER, kr REAL, kn INTEGER)")
        db.execute("INSERT INTO k VALUES(2023, 2022.5, '2023-06')")
        db.execute("CREATE TEMP TABLE m AS SELECT * FROM %s" % table)
        for cond in wheres:
            q = "SELECT v.* FROM %s AS v, k WHERE %s" % (table, cond)
            want = canon(db.execute("SELECT v.* FROM m AS v, k WHERE %s" % cond).fetchall())
            got = canon(db.execute(q).fetchall())
            if got != want:
                bad.append("%s: %s (missing %s, extra %s)" % (
                    what, q, list((want - got).elements())[:2], list((got - want).elements())[:2]))
        db.close()
    return bad


def show_world(w):
    print("  source: %s;" % w.create_source)
    if w.index:
        print("          %s;" % w.index)
    print("          -- %d rows, e.g. %s" % (len(w.rows), w.rows[:3]))
    print("  k:      %s" % w.k)
    print("  table:  %s" % w.vt)


def main():
    zSeed = os.environ.get("DIFF_SEED", "1")
    seed = random.SystemRandom().randrange(1 << 31) if zSeed == "random" else int(zSeed)
    n = int(os.environ.get("DIFF_QUERIES", "6000"))
    bad = run_fixed()
    if bad:
        print("difftest: FAILED %d named cases:" % len(bad))
        for b in bad:
            print("  " + b)
        return 1
    t0 = time.time()
    done, compared, skipped, failures, nfail, by_module, by_tag, by_symptom = run(seed, n)
    dt = time.time() - t0
    if nfail == 0:
        print("difftest: %d named cases and %d random queries (%d valid SQL) on %d-query "
              "worlds agree with the materialized copy (seed %d, %.1f s, %d worlds skipped: "
              "source not valid)" % (sum(len(c[3]) for c in FIXED), done, compared,
                                     QUERIES_PER_WORLD, seed, dt, skipped))
        return 0
    print("difftest: FAILED, seed %d: %d of %d queries differ from the materialized copy"
          % (seed, nfail, done))
    print("  by table: " + ", ".join("%s %d" % kv for kv in sorted(by_module.items())))
    print("  by what the WHERE uses: " + ", ".join("%s %d" % kv for kv in sorted(by_tag.items())))
    print("  by symptom: " + ", ".join("%s %d" % kv for kv in sorted(by_symptom.items())))
    for w, q, want, got, err in failures:
        print("--- world %d (replay: DIFF_SEED=%d)" % (w.id, seed))
        show_world(w)
        print("  query:  %s" % q)
        if err:
            print("  error:  %s" % err)
        else:
            missing = want - got
            extra = got - want
            print("  missing rows: %s" % list(missing.elements())[:4])
            print("  extra rows:   %s" % list(extra.elements())[:4])
    return 1


if __name__ == "__main__":
    sys.exit(main())
