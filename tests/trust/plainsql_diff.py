#!/usr/bin/python3
"""Seeded differential test of the series tables against plain SQL.

Where difftest.py compares a filtered series table with its own
materialized copy (pushdown never changes the answer), this suite compares
it with what an analyst writes by hand on the same source: a GROUP BY of
the source's rows by series and period (a label table maps each label to
its period, as the analyst's CASE would), a self-join for the prior year,
and the same WHERE applied to that plain-SQL view.

Each world: a random source (key column of a random declared type and
collation, INTEGER/REAL/TEXT-number/NULL values, duplicates, labels in
several accepted forms, gaps), stored as a rowid table, a WITHOUT ROWID
table, a view, a table whose value is a generated column, a table in an
attached database or under a TEMP table of the same name; indexes or
none; grain= or none; scan=hash or stream; the CREATE and the
table-valued forms.  Then random WHEREs on the key and the period
(=, IN, LIKE, ranges, COLLATE, OR, mixed types).  Compared: value,
prior_value, growth (rounded to 9 digits), share; a series table error is
not compared (errors are allowed), a plausible figure that differs is a
failure.

    /usr/bin/python3 tests/trust/plainsql_diff.py [EXT] [--seed N] [--worlds N] [--all]
"""
import os
import random
import sqlite3
import sys

import common

ERRS = {}
ROWS = [0]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, bytes):
        return "x'" + v.hex() + "'"
    return "'" + v.replace("'", "''") + "'"


def label(y, m, form):
    if form == 5:
        return " %04d-%02d" % (y, m)
    if form == 6:
        return "%04d-%02d " % (y, m)
    if form == 7:
        return "%04d년 %d월" % (y, m)
    if form == 0:
        return "%04d-%02d" % (y, m)
    if form == 1:
        return "%04d.%02d" % (y, m)
    if form == 2:
        return "%04d%02d" % (y, m)
    if form == 3:
        return "%s %04d" % (MONTHS[m - 1], y)
    return "%04d/%02d" % (y, m)


def canon(y, m, grain):
    if grain == "year":
        return "%04d" % y
    if grain == "quarter":
        return "%04d-Q%d" % (y, (m + 2) // 3)
    if grain == "half":
        return "%04d-H%d" % (y, (m + 5) // 6)
    return "%04d-%02d" % (y, m)


def months_in(grain):
    return {"year": 12, "quarter": 3, "half": 6}.get(grain, 1)


def prior_of(c, grain):
    if grain == "year":
        return "%04d" % (int(c) - 1)
    return "%04d%s" % (int(c[:4]) - 1, c[4:])


KEY_TYPES = ["TEXT", "TEXT COLLATE NOCASE", "TEXT COLLATE RTRIM", "INTEGER", "", "NUMERIC",
             "COLLATE NOCASE", "REAL"]
KEY_POOL = ["a", "A", "a ", "b", "B", "b  ", "1", 1, 1.0, "01", 2, "2.0", 2.5, None, "c", "C ",
            b"a", b"\x00"]
PERIOD_TYPES = ["TEXT", "TEXT", "TEXT COLLATE NOCASE", "TEXT COLLATE RTRIM", ""]


class World:
    def __init__(self, rng, ext):
        self.rng = rng
        self.ext = ext
        self.ktype = rng.choice(KEY_TYPES)
        self.grain = rng.choice([None, None, "quarter", "year", "half"])
        self.kind = rng.choice(["table", "table", "norowid", "view", "view", "generated", "attached",
                                "shadowed"])
        self.index = rng.choice([None, "kp", "kpv", "p"])
        self.scan = rng.choice(["hash", "stream", "auto"])
        self.form = rng.choice(["create", "create", "tv"])
        nkeys = rng.randint(1, 5)
        keys = rng.sample(KEY_POOL, nkeys)
        years = list(range(2019, 2024))
        rows = []
        self.ptype = rng.choice(PERIOD_TYPES)
        forms = rng.choice([[0], [0], [0, 1, 2, 3, 4, 5, 6, 7]])
        for k in keys:
            for y in years:
                for m in range(1, 13):
                    if rng.random() < 0.25:
                        continue
                    n = 1
                    if self.grain and rng.random() < 0.2:
                        n = 2
                    if self.grain is None and rng.random() < 0.0:
                        n = 2
                    for _ in range(n):
                        rows.append((k, y, m, label(y, m, rng.choice(forms)), self.value()))
        rng.shuffle(rows)
        self.rows = rows

    def value(self):
        r = self.rng.random()
        if r < 0.05:
            return None
        if r < 0.55:
            return self.rng.randint(-5, 400)
        if r < 0.8:
            return float(self.rng.randint(0, 4000)) / 10
        if r < 0.95:
            return str(self.rng.randint(0, 300))
        return "%d.5" % self.rng.randint(0, 30)

    def build(self, db, auxpath):
        kt = self.ktype
        vexpr = "v"
        db.execute("ATTACH %s AS aux" % lit(auxpath))
        schema = "main"
        if self.kind == "norowid":
            db.execute("CREATE TABLE t(id INTEGER, k %s, p %s, v, PRIMARY KEY(k, p, id))"
                       " WITHOUT ROWID" % (kt, self.ptype))
        elif self.kind == "generated":
            db.execute("CREATE TABLE t(id INTEGER, k %s, p %s, w, v AS (w) VIRTUAL)" % (kt, self.ptype))
        elif self.kind == "attached":
            schema = "aux"
            db.execute("CREATE TABLE aux.t(id INTEGER, k %s, p %s, v)" % (kt, self.ptype))
        elif self.kind == "view":
            db.execute("CREATE TABLE t0(id INTEGER, k %s, p %s, v)" % (kt, self.ptype))
            # the view may give the key a collation of its own
            # (an expression keeps k's affinity, which the series column
            # takes from the view as SQLite gives it)
            vcoll = self.rng.choice(["", "", " COLLATE NOCASE", " COLLATE RTRIM", " COLLATE BINARY"])
            db.execute("CREATE VIEW t AS SELECT id, k%s AS k, p, v FROM t0 WHERE 1" % vcoll)
            if vcoll:
                self.ktype = vcoll.strip()
        else:
            db.execute("CREATE TABLE t(id INTEGER, k %s, p %s, v)" % (kt, self.ptype))
        tname = {"view": "t0"}.get(self.kind, "t")
        vcol = "w" if self.kind == "generated" else "v"
        db.executemany("INSERT INTO %s.%s(id, k, p, %s) VALUES (?,?,?,?)" % (schema, tname, vcol),
                       [(i, r[0], r[3], r[4]) for i, r in enumerate(self.rows)])
        if self.kind == "shadowed":
            db.execute("CREATE TEMP TABLE t(id INTEGER, k %s, p %s, v)" % (kt, self.ptype))
            db.execute("INSERT INTO temp.t VALUES (1, 'a', '2020-01', 999999)")
        if self.index and self.kind != "view":
            cols = {"kp": "k, p", "kpv": "k, p, v", "p": "p"}[self.index]
            db.execute("CREATE INDEX %s.ti ON %s(%s)" % (schema, tname, cols))
        # the analyst's label table
        db.execute("CREATE TEMP TABLE lab(label TEXT PRIMARY KEY, c TEXT, y INT, m INT, i INT)")
        seen = {}
        for r in self.rows:
            seen[r[3]] = (canon(r[1], r[2], self.grain), r[1], r[2],
                          (r[2] - 1) // months_in(self.grain) + 1)
        db.executemany("INSERT INTO lab VALUES (?,?,?,?,?)",
                       [(l,) + c for l, c in seen.items()])
        src = "aux.t" if self.kind == "attached" else "main.t"
        self.src = src
        # plain SQL: sum by key and period (GROUP BY groups as the key
        # column compares), the months covered, the NULL-valued rows.
        db.execute("""CREATE TEMP VIEW pts AS
            SELECT s.k AS k, %s AS fk, lab.c AS period, sum(s.v) AS value, lab.y AS y, lab.i AS i,
                   count(DISTINCT CASE WHEN s.v IS NOT NULL THEN lab.m END) AS months,
                   count(s.v) AS n
            FROM %s AS s JOIN lab ON lab.label = s.p
            GROUP BY s.k, lab.c HAVING count(s.v) > 0""" % (self.fold_sql(), src))
        full = months_in(self.grain)
        db.execute("""CREATE TEMP VIEW tot AS
            SELECT lab.c AS period, sum(s.v) AS total,
                   max(s.v IS NULL) AS withheld
            FROM %s AS s JOIN lab ON lab.label = s.p GROUP BY lab.c""" % src)
        db.execute("""CREATE TEMP VIEW inc AS
            SELECT period, max(months < %d) AS incomplete FROM pts GROUP BY period""" % full)
        prior = ("CAST(CAST(c.period AS INTEGER) - 1 AS TEXT)" if self.grain == "year" else
                 "printf('%04d', CAST(substr(c.period, 1, 4) AS INTEGER) - 1) || substr(c.period, 5)")
        # year-to-date: every period of the year up to this one present and whole
        db.execute("""CREATE TEMP VIEW ytd AS
            SELECT c.k AS k, c.fk AS fk, c.period AS period, c.y AS y, c.i AS i,
                   CASE WHEN count(*) = c.i AND max(q.months < %d) = 0 THEN sum(q.value) END AS ytd
            FROM pts AS c JOIN pts AS q ON q.fk IS c.fk AND q.y = c.y AND q.i <= c.i
            GROUP BY c.fk, c.period""" % full)
        db.execute("""CREATE TEMP VIEW ref AS
            SELECT c.k AS k, c.period AS period, c.value AS value,
                   p.value AS prior_value,
                   CASE WHEN c.months < %(full)d OR p.months < %(full)d OR p.value = 0 THEN NULL
                        ELSE round((c.value - p.value) * 100.0 / abs(p.value), 9) END AS growth,
                   CASE WHEN tot.withheld OR inc.incomplete OR tot.total = 0 THEN NULL
                        ELSE round(c.value * 100.0 / tot.total, 9) END AS share,
                   yc.ytd AS ytd_value, yp.ytd AS prior_ytd_value,
                   CASE WHEN yp.ytd <> 0 THEN round((yc.ytd - yp.ytd) * 100.0 / abs(yp.ytd), 9)
                        END AS ytd_growth
            FROM pts AS c LEFT JOIN pts AS p ON p.fk IS c.fk AND p.period = %(prior)s
            JOIN ytd AS yc ON yc.fk IS c.fk AND yc.period = c.period
            LEFT JOIN ytd AS yp ON yp.fk IS c.fk AND yp.y = c.y - 1 AND yp.i = c.i
            JOIN tot ON tot.period = c.period JOIN inc ON inc.period = c.period
            """ % {"full": full, "prior": prior, "coll": self.coll()})
        opts = []
        if self.grain:
            opts.append("grain=" + self.grain)
        opts.append("scan=" + self.scan)
        if self.form == "create":
            where = "main" if self.kind != "attached" else "aux"
            srcarg = "t"
            db.execute("CREATE VIRTUAL TABLE %s.g USING yoy_growth(source=%s, value=v, period=p,"
                       " by=k, %s)" % (where, srcarg, ", ".join(opts)))
            self.vt = "%s.g" % where
            self.kcol = "k"
        else:
            self.vt = "yoy_growth(%s, 'v', 'p', 'k', %s)" % (lit(src), lit(", ".join(opts)))
            self.kcol = "series"

    def coll(self):
        for c in ("NOCASE", "RTRIM"):
            if c in self.ktype:
                return c
        return "BINARY"

    def fold_sql(self):
        """The key folded as the column's collation compares it (BINARY
        joins on it then group as GROUP BY on the column does)."""
        f = {"NOCASE": "lower(s.k)", "RTRIM": "rtrim(s.k, ' ')"}.get(self.coll(), "s.k")
        return "CASE WHEN typeof(s.k) = 'text' THEN %s ELSE s.k END" % f

    def wheres(self):
        rng = self.rng
        out = []
        for _ in range(12):
            out.append(self.one_where(rng))
        for _ in range(4):
            out.append("(%s) OR (%s)" % (self.one_where(rng), self.one_where(rng)))
            out.append("(%s) AND (%s)" % (self.one_where(rng), self.one_where(rng)))
        return out

    def one_where(self, rng):
        K = "%K%"
        key = lambda: lit(rng.choice(KEY_POOL + ["a", "b"]))
        y = rng.randint(2018, 2024)
        choices = [
            lambda: "%s = %s" % (K, key()),
            lambda: "%s IN (%s)" % (K, ", ".join(key() for _ in range(rng.randint(1, 3)))),
            lambda: "%s LIKE 'a%%'" % K,
            lambda: "%s = %s COLLATE NOCASE" % (K, key()),
            lambda: "%s COLLATE BINARY = %s" % (K, key()),
            lambda: "%s > %s" % (K, key()),
            lambda: "%s IS NULL" % K,
            lambda: "%s IS NOT %s" % (K, key()),
            lambda: "period >= '%d'" % y,
            lambda: "period >= %d" % y,
            lambda: "period < '%d-07'" % y,
            lambda: "period BETWEEN '%d' AND '%d'" % (y, y + 1),
            lambda: "period IN ('%s', '%s')" % (canon(y, 3, self.grain), canon(y, 11, self.grain)),
            lambda: "period = '%s'" % canon(y, rng.randint(1, 12), self.grain),
            lambda: "period LIKE '%d%%'" % y,
            lambda: "substr(period, 1, 4) = '%d'" % y,
            lambda: "period > '%d' COLLATE NOCASE" % y,
        ]
        return rng.choice(choices)()


def ref_sql(select, wh):
    """`select WHERE wh` on the plain-SQL reference.  An OR whose branches
    carry a COLLATE is run as the UNION of its branches (the reference's
    rows are one per key and period): SQLite before its May 2026 fix makes
    such an OR an IN under the column's collation, and with an index on
    the column the plain query itself loses rows
    (tests/sql/or_collate_in.sql)."""
    if " OR " in wh and "COLLATE" in wh and wh.startswith("(") and wh.endswith(")"):
        parts = wh[1:-1].split(") OR (")
        if len(parts) == 2:
            return " UNION ".join("%s WHERE (%s)" % (select, p) for p in parts)
    return "%s WHERE %s" % (select, wh)


def fold(v, ktype):
    if v is None:
        return ("null",)
    if isinstance(v, (int, float)):
        return ("num", float(v))
    if isinstance(v, bytes):
        return ("blob", v)
    if "NOCASE" in ktype:
        v = v.lower()
    if "RTRIM" in ktype:
        v = v.rstrip(" ")
    return ("text", v)


def rows_of(db, sql, ktype, tv):
    out = []
    for r in db.execute(sql):
        k = r[0]
        if tv and isinstance(k, str):
            k = k  # series column of the table-valued form: BINARY, the key itself
        out.append((fold(k, ktype),) + tuple(r[1:]))
    return sorted(out, key=repr)


def run_world(seed, ext, fails):
    rng = random.Random(seed)
    w = World(rng, ext)
    with common.temp_db() as auxpath:
        db = common.connect(ext)
        try:
            w.build(db, auxpath)
        except sqlite3.Error as e:
            ERRS["build: " + str(e)[:60]] = ERRS.get("build: " + str(e)[:60], 0) + 1
            return 0
        n = 0
        for wh in w.wheres():
            tv = w.form == "tv"
            wv = wh.replace("%K%", w.kcol)
            wr = wh.replace("%K%", "k")
            q = ("SELECT %s, period, value, prior_value, round(growth, 9), round(share, 9),"
                 " ytd_value, prior_ytd_value, round(ytd_growth, 9)"
                 " FROM %s WHERE %s" % (w.kcol, w.vt, wv))
            r = ref_sql("SELECT k, period, value, prior_value, growth, share, ytd_value,"
                        " prior_ytd_value, ytd_growth FROM ref", wr)
            if "COLLATE" in wh and "%K%" in wh and ("NOCASE" in w.ktype or "RTRIM" in w.ktype):
                # the spelling shown is a member of the group, the first
                # row's; GROUP BY's is another member: not comparable
                continue
            if tv:
                # the table-valued series column is BINARY and untyped: the
                # WHERE on the key is compared on the source's plain values
                if "%K%" in wh:
                    continue
            try:
                got = rows_of(db, q, w.ktype, tv)
            except sqlite3.Error as e:
                ERRS[str(e)[:70]] = ERRS.get(str(e)[:70], 0) + 1
                continue
            ROWS[0] += len(got)
            want = rows_of(db, r, w.ktype, tv)
            n += 1
            if not same(got, want):
                fails.append((seed, w, q, r, got, want))
        db.close()
        return n


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return a == b


def same(got, want):
    if len(got) != len(want):
        return False
    for g, x in zip(got, want):
        if g[0] != x[0] or g[1] != x[1]:
            return False
        for i in range(2, len(x)):
            if not close(g[i], x[i]):
                return False
    return True


def main():
    ext, opt = common.parse_args(sys.argv[1:], numbers={"seed": 1, "worlds": 200},
                                 flags=("all",))
    fails = []
    total = 0
    for s in range(opt["seed"], opt["seed"] + opt["worlds"]):
        total += run_world(s, ext, fails)
    print("plainsql_diff: %d queries (%d rows), %d differ" % (total, ROWS[0], len(fails)))
    if os.environ.get("PLAINSQL_VERBOSE"):
        for e, c in sorted(ERRS.items(), key=lambda x: -x[1]):
            print("  error %5d  %s" % (c, e))
    for seed, w, q, r, got, want in fails if opt["all"] else fails[:6]:
        print("--- seed %d: key %r grain %s kind %s index %s scan %s form %s" %
              (seed, w.ktype, w.grain, w.kind, w.index, w.scan, w.form))
        print("  ", q)
        print("  ", r)
        common.print_row_diff(got, want, 4)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
