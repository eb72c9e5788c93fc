#!/usr/bin/python3
"""Seeded differential test of trade_imbalance against plain SQL.

The long form (one row per flow, labels in any accepted spelling, NULL
labels and values, duplicates with grain=) and the wide form, over the
sources of plainsql_diff.py (rowid, WITHOUT ROWID, view, generated,
attached, shadowed), both scan paths, both forms; the reference is the
analyst's conditional sums:

    sum(CASE WHEN flow is an export label THEN v END) ... GROUP BY k, period

with a self-join for the year before, and the same WHERE on that view.
Compared: exports, imports, balance, coverage, normalized, prior_balance,
grubel_lloyd, coverage_change,
balance_change, balance_growth, exports_growth, imports_growth.

    /usr/bin/python3 tests/trust/plainsql_trade.py [EXT] [--seed N] [--worlds N]
"""
import random
import sqlite3
import sys

import common
from plainsql_diff import (KEY_POOL, KEY_TYPES, canon, fold, label, lit, months_in, ref_sql,
                           same)

EXPORTS = ["export", "Export", " EXPORTS ", "x", "X", "exports"]
IMPORTS = ["import", "M", "m", "Imports", " import", "IMPORT"]


def fold_sql(kt):
    """The key folded as the column's collation compares it."""
    f = "lower(s.k)" if "NOCASE" in kt else "rtrim(s.k, ' ')" if "RTRIM" in kt else "s.k"
    return "CASE WHEN typeof(s.k) = 'text' THEN %s ELSE s.k END" % f


class TradeWorld:
    def __init__(self, rng):
        self.rng = rng
        self.ktype = rng.choice(KEY_TYPES)
        self.grain = rng.choice([None, None, "quarter", "year", "half"])
        self.kind = rng.choice(["table", "table", "norowid", "view", "generated", "attached"])
        self.index = rng.choice([None, "kp", "kpfv", "p"])
        self.scan = rng.choice(["hash", "stream", "auto"])
        self.form = rng.choice(["create", "create", "tv"])
        self.wide = self.form == "create" and rng.random() < 0.3
        keys = rng.sample(KEY_POOL, rng.randint(1, 4))
        rows = []
        forms = [0] if self.grain is None else [0, 1, 2, 3, 4]
        for k in keys:
            for y in range(2019, 2024):
                for m in range(1, 13):
                    for side in (0, 1):
                        if rng.random() < 0.2:
                            continue
                        n = 2 if self.grain and rng.random() < 0.2 else 1
                        for _ in range(n):
                            rows.append((k, y, m, label(y, m, rng.choice(forms)), side,
                                         self.value()))
        rng.shuffle(rows)
        self.rows = rows

    def value(self):
        r = self.rng.random()
        if r < 0.05:
            return None
        if r < 0.08:
            return 0
        if r < 0.1:
            return -self.rng.randint(1, 300)  # a correction
        if r < 0.6:
            return self.rng.randint(0, 500)
        if r < 0.85:
            return float(self.rng.randint(0, 5000)) / 10
        return str(self.rng.randint(0, 300))

    def build(self, db, auxpath):
        kt = self.ktype
        db.execute("ATTACH %s AS aux" % lit(auxpath))
        schema, tname = "main", "t"
        if self.wide:
            cols = "id INTEGER, k %s, p TEXT, x, m" % kt
        else:
            cols = "id INTEGER, k %s, p TEXT, f TEXT, v" % kt
        if self.kind == "norowid":
            db.execute("CREATE TABLE t(%s, PRIMARY KEY(k, p, id)) WITHOUT ROWID" % cols)
        elif self.kind == "generated":
            db.execute("CREATE TABLE t(%s, w AS (id * 2) VIRTUAL)" % cols)
        elif self.kind == "attached":
            schema = "aux"
            db.execute("CREATE TABLE aux.t(%s)" % cols)
        elif self.kind == "view":
            tname = "t0"
            db.execute("CREATE TABLE t0(%s)" % cols)
            db.execute("CREATE VIEW t AS SELECT * FROM t0")
        else:
            db.execute("CREATE TABLE t(%s)" % cols)
        rng = self.rng
        if self.wide:
            # one row per key and month holding both sides (a side NULL
            # when it was left out); duplicates (grain=) as extra rows
            data = {}
            for r in self.rows:
                data.setdefault((repr(r[0]), r[3]), [r[0], r[3], None, None])
                slot = data[(repr(r[0]), r[3])]
                if slot[2 + r[4]] is None:
                    slot[2 + r[4]] = r[5]
                else:
                    data[(repr(r[0]), r[3], len(data))] = [r[0], r[3], None, None]
                    data[(repr(r[0]), r[3], len(data) - 1)][2 + r[4]] = r[5]
            db.executemany("INSERT INTO %s.%s(id, k, p, x, m) VALUES (?,?,?,?,?)" % (schema, tname),
                           [(i,) + tuple(d) for i, d in enumerate(data.values())])
        else:
            ins = []
            for i, r in enumerate(self.rows):
                f = rng.choice(EXPORTS if r[4] == 0 else IMPORTS)
                v = r[5]
                if rng.random() < 0.02:
                    f = None  # a NULL label skips the row
                ins.append((i, r[0], r[3], f, v))
            db.executemany("INSERT INTO %s.%s(id, k, p, f, v) VALUES (?,?,?,?,?)" % (schema, tname),
                           ins)
        if self.index and self.kind != "view":
            cols = {"kp": "k, p", "kpfv": "k, p, f, v" if not self.wide else "k, p, x, m",
                    "p": "p"}[self.index]
            db.execute("CREATE INDEX %s.ti ON %s(%s)" % (schema, tname, cols))
        db.execute("CREATE TEMP TABLE lab(label TEXT PRIMARY KEY, c TEXT, y INT, m INT)")
        seen = {}
        for r in self.rows:
            seen[r[3]] = (canon(r[1], r[2], self.grain), r[1], r[2])
        db.executemany("INSERT INTO lab VALUES (?,?,?,?)", [(l,) + c for l, c in seen.items()])
        src = "aux.t" if self.kind == "attached" else "main.t"
        if self.wide:
            xs, ms = "s.x", "s.m"
        else:
            xs = ("CASE WHEN lower(trim(s.f)) IN ('export', 'exports', 'x') THEN s.v END")
            ms = ("CASE WHEN lower(trim(s.f)) IN ('import', 'imports', 'm') THEN s.v END")
        full = months_in(self.grain)
        db.execute("""CREATE TEMP VIEW pts AS
            SELECT s.k AS k, %(fk)s AS fk, lab.c AS period,
                   sum(%(xs)s) AS x, sum(%(ms)s) AS m,
                   count(DISTINCT CASE WHEN (%(xs)s) IS NOT NULL THEN lab.m END) AS mx,
                   count(DISTINCT CASE WHEN (%(ms)s) IS NOT NULL THEN lab.m END) AS mm
            FROM %(src)s AS s JOIN lab ON lab.label = s.p
            GROUP BY s.k, lab.c HAVING count(%(xs)s) + count(%(ms)s) > 0"""
                   % {"xs": xs, "ms": ms, "src": src, "fk": fold_sql(kt)})
        prior = ("CAST(CAST(c.period AS INTEGER) - 1 AS TEXT)" if self.grain == "year" else
                 "printf('%04d', CAST(substr(c.period, 1, 4) AS INTEGER) - 1) || substr(c.period, 5)")
        db.execute("""CREATE TEMP VIEW ref AS
            SELECT c.k AS k, c.period AS period, c.x AS exports, c.m AS imports,
              c.x - c.m AS balance,
              CASE WHEN c.m > 0 AND c.x >= 0 THEN round(c.x * 100.0 / c.m, 9) END AS coverage,
              CASE WHEN c.x + c.m > 0 AND c.x >= 0 AND c.m >= 0
                   THEN round((c.x - c.m) * 100.0 / (c.x + c.m), 9) END AS normalized,
              CASE WHEN c.x IS NOT NULL AND c.m IS NOT NULL THEN p.x - p.m END AS prior_balance,
              CASE WHEN c.x + c.m > 0 AND c.x >= 0 AND c.m >= 0
                   THEN round((1 - abs(c.x - c.m) * 1.0 / (c.x + c.m)) * 100, 9) END AS grubel_lloyd,
              CASE WHEN c.m > 0 AND c.x >= 0 AND p.m > 0 AND p.x >= 0
                        AND c.mx IN (0, %(f)d) AND c.mm IN (0, %(f)d) AND p.mx IN (0, %(f)d)
                        AND p.mm IN (0, %(f)d)
                   THEN round(c.x * 100.0 / c.m - p.x * 100.0 / p.m, 9) END AS coverage_change,
              CASE WHEN c.mx IN (0, %(f)d) AND c.mm IN (0, %(f)d) AND p.mx IN (0, %(f)d)
                        AND p.mm IN (0, %(f)d) THEN (c.x - c.m) - (p.x - p.m) END AS balance_change,
              CASE WHEN c.mx IN (0, %(f)d) AND c.mm IN (0, %(f)d) AND p.mx IN (0, %(f)d)
                        AND p.mm IN (0, %(f)d) AND p.x - p.m <> 0
                   THEN round(((c.x - c.m) - (p.x - p.m)) * 100.0 / abs(p.x - p.m), 9)
                   END AS balance_growth,
              CASE WHEN c.mx = %(f)d AND p.mx = %(f)d AND p.x <> 0
                   THEN round((c.x - p.x) * 100.0 / abs(p.x), 9) END AS exports_growth,
              CASE WHEN c.mm = %(f)d AND p.mm = %(f)d AND p.m <> 0
                   THEN round((c.m - p.m) * 100.0 / abs(p.m), 9) END AS imports_growth
            FROM pts AS c LEFT JOIN pts AS p ON p.fk IS c.fk AND p.period = %(prior)s"""
                   % {"f": full, "prior": prior,
                      "coll": ([c for c in ("NOCASE", "RTRIM") if c in kt] + ["BINARY"])[0]})
        opts = ["scan=" + self.scan]
        if self.grain:
            opts.append("grain=" + self.grain)
        if self.form == "create":
            where = "aux" if self.kind == "attached" else "main"
            sides = "exports=x, imports=m" if self.wide else "value=v, flow=f"
            db.execute("CREATE VIRTUAL TABLE %s.g USING trade_imbalance(source=t, period=p, %s,"
                       " by=k, %s)" % (where, sides, ", ".join(opts)))
            self.vt, self.kcol = where + ".g", "k"
        else:
            self.vt = "trade_imbalance(%s, 'v', 'p', 'f', 'k', %s)" % (lit(src),
                                                                     lit(", ".join(opts)))
            self.kcol = "series"

    def one_where(self):
        rng = self.rng
        y = rng.randint(2018, 2024)
        key = lambda: lit(rng.choice(KEY_POOL[:13] + ["a", "b"]))
        c = [
            lambda: "%K% = " + key(),
            lambda: "%K% IN (" + key() + ", " + key() + ")",
            lambda: "%K% = " + key() + " COLLATE NOCASE",
            lambda: "%K% > " + key(),
            lambda: "period >= '%d'" % y,
            lambda: "period < %d" % y,
            lambda: "period BETWEEN '%d-04' AND '%d'" % (y, y + 1),
            lambda: "period = '%s'" % canon(y, rng.randint(1, 12), self.grain),
            lambda: "period IN ('%s', '%s')" % (canon(y, 2, self.grain), canon(y, 9, self.grain)),
        ]
        return rng.choice(c)()

    def wheres(self):
        out = [self.one_where() for _ in range(10)]
        out += ["(%s) OR (%s)" % (self.one_where(), self.one_where()) for _ in range(4)]
        out += ["(%s) AND (%s)" % (self.one_where(), self.one_where()) for _ in range(3)]
        return out


COLS = ("exports, imports, balance, round(coverage, 9), round(normalized, 9), prior_balance,"
        " round(grubel_lloyd, 9), round(coverage_change, 9),"
        " balance_change, round(balance_growth, 9), round(exports_growth, 9),"
        " round(imports_growth, 9)")
REF_COLS = ("exports, imports, balance, coverage, normalized, prior_balance, grubel_lloyd,"
            " coverage_change, balance_change,"
            " balance_growth, exports_growth, imports_growth")


def rows(db, sql, ktype):
    return sorted([(fold(r[0], ktype),) + tuple(r[1:]) for r in db.execute(sql)], key=repr)


def run_world(seed, ext, fails, stats):
    rng = random.Random(seed)
    w = TradeWorld(rng)
    with common.temp_db() as auxpath:
        db = common.connect(ext)
        try:
            w.build(db, auxpath)
        except sqlite3.Error as e:
            stats["build"] = stats.get("build", 0) + 1
            return
        for wh in w.wheres():
            if w.form == "tv" and "%K%" in wh:
                continue
            if "COLLATE" in wh and "%K%" in wh and ("NOCASE" in w.ktype or "RTRIM" in w.ktype):
                continue
            q = "SELECT %s, period, %s FROM %s WHERE %s" % (w.kcol, COLS, w.vt,
                                                             wh.replace("%K%", w.kcol))
            r = ref_sql("SELECT k, period, %s FROM ref" % REF_COLS, wh.replace("%K%", "k"))
            try:
                got = rows(db, q, w.ktype)
            except sqlite3.Error as e:
                key = str(e)[:60]
                stats[key] = stats.get(key, 0) + 1
                continue
            want = rows(db, r, w.ktype)
            stats["queries"] = stats.get("queries", 0) + 1
            stats["rows"] = stats.get("rows", 0) + len(got)
            if not same(got, want):
                fails.append((seed, w, q, r, got, want))
        db.close()


def main():
    ext, opt = common.parse_args(sys.argv[1:], numbers={"seed": 1, "worlds": 150})
    fails, stats = [], {}
    for s in range(opt["seed"], opt["seed"] + opt["worlds"]):
        run_world(s, ext, fails, stats)
    print("plainsql_trade: %d queries (%d rows), %d differ" %
          (stats.get("queries", 0), stats.get("rows", 0), len(fails)))
    for k, v in sorted(stats.items(), key=lambda x: -x[1])[:8]:
        if k not in ("queries", "rows"):
            print("   %5d %s" % (v, k))
    for seed, w, q, r, got, want in fails[:6]:
        print("--- seed %d: key %r grain %s kind %s index %s scan %s form %s wide %s" %
              (seed, w.ktype, w.grain, w.kind, w.index, w.scan, w.form, w.wide))
        print("  ", q)
        common.print_row_diff(got, want, 3)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
