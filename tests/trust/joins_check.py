#!/usr/bin/python3
"""Seeded differential test: a series table inside a bigger query means
what the same query means in plain SQL.

difftest.py compares a series table under a WHERE with a materialized copy
of the same table (CREATE TABLE m AS SELECT * FROM v), so it proves that
pushdown never changes the answer, but a copy shares the table's declared
column types, and a copy is read once.  This tester adds:

  * a reference written in plain SQL over the source itself: a GROUP BY
    view W giving each series and period its value and the value of the
    period a year earlier (matched with period_prior_year, which
    inputs_check.py holds against Python's datetime).  The series columns
    of W carry the source columns' affinities and collations, as any view
    does, so a comparison that behaves differently on the series table
    (an affinity it lacks) shows up here and never against the copy;
  * query shapes in which SQLite runs the table many times or in odd
    orders: the inner loop of a join whose constraints come from an outer
    table of several rows and column types, correlated scalar subqueries,
    EXISTS / NOT EXISTS, IN lists and IN (SELECT ...), OR of conditions,
    the same table twice in one statement, ORDER BY ... DESC with LIMIT
    and OFFSET (compared in order), aggregates over the table;
  * sources that are a table (rowid or WITHOUT ROWID) or a view, with
    series columns declared INTEGER, TEXT, REAL, NUMERIC or with no type
    (NOCASE on some TEXT ones), keys stored in every form a value of that
    type takes ('1', 1, 1.0, '01', ' 1', NULL), and, in some worlds, a
    TEMP TABLE of the source's name created after the series table (the
    series table must go on reading its own schema's source).

Every query runs on the series table V (CREATE form), on its copy M, and,
for the columns W has, on W; the CREATE form must equal both, the
table-valued form (whose one `series` column has no affinity by design)
its copy.  The same shapes run on a wide trade_imbalance table of the same
source (exports, imports, balance) against its copy and a GROUP BY view,
and, for quarters and months, on yoy_growth with grain=year (the hash
path, roll-ups: a year complete with all its periods, growth only between
complete years).  Values are compared with their types; growth within 1e-12;
against the views, a key a NOCASE column or a column without affinity
spells two ways ('a' and 'A', 1 and 1.0) is compared folded, the tables
showing a series' first row's spelling and GROUP BY each period's own.

    /usr/bin/python3 tests/trust/joins_check.py [build/tradestat] [--seed N] [--worlds N]

Exits 1 on a difference, printing the seed, the world and the query.
"""
import os
import random
import re
import sqlite3
import sys
import time

import common

EXT = common.DEFAULT_EXT
SEED = 20261201
WORLDS = 60
MAX_SHOWN = 5

DECLS = ["INTEGER", "TEXT", "TEXT COLLATE NOCASE", "REAL", "NUMERIC", ""]
KEY_POOL = [1, "1", 1.0, "01", " 1", 2, "2", "2.0", "a", "A", "b", None, 10, "10", 0.5]
OUTER_POOL = KEY_POOL + ["B", "x", 3, b"1"]


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from difftest import lit  # noqa: E402  (the SQL literal of a Python value)


def periods(kind, years):
    out = []
    for y in years:
        if kind == "year":
            out.append(str(y))
        elif kind == "quarter":
            out += ["%d-Q%d" % (y, q) for q in range(1, 5)]
        else:
            out += ["%d-%02d" % (y, m) for m in range(1, 13)]
    return out


def alt_label(p, rng):
    """The same period written another accepted way, sometimes."""
    if rng.random() < 0.7:
        return p
    if len(p) == 4:
        return rng.choice([int(p), p + "년", " " + p + " "])
    if "-Q" in p:
        return rng.choice(["%s.%s/4" % (p[:4], p[-1]), "Q%s %s" % (p[-1], p[:4])])
    return rng.choice(["%s.%s" % (p[:4], p[5:]), int(p[:4] + p[5:]), "%s/%s" % (p[:4], p[5:])])


class World:
    def __init__(self, seed, ext):
        self.seed = seed
        rng = self.rng = random.Random(seed)
        db = self.db = common.connect(ext, isolation_level=None)
        self.decl = [rng.choice(DECLS), rng.choice(DECLS)]
        self.kind = rng.choice(["year", "quarter", "month"])
        self.without_rowid = rng.random() < 0.25
        self.view = rng.random() < 0.25
        self.shadow = rng.random() < 0.3
        self.periods = periods(self.kind, range(2019, 2019 + rng.randint(2, 5)))
        db.execute("CREATE TABLE src(s1 %s, s2 %s, p TEXT, v, x%s" % (
            self.decl[0], self.decl[1],
            ", PRIMARY KEY (s1, s2, p)) WITHOUT ROWID" if self.without_rowid else ")"))
        keys = [(rng.choice(KEY_POOL), rng.choice(KEY_POOL)) for _ in range(rng.randint(1, 5))]
        rows = []
        for k in keys:
            for p in self.periods:
                if rng.random() < 0.25:
                    continue
                v = rng.choice([rng.randint(-20, 200), rng.randint(0, 99) / 4, 0, None])
                x = rng.choice([rng.randint(0, 200), rng.randint(0, 99) / 4, None])
                rows.append((k[0], k[1], p, alt_label(p, rng), v, x))
        # One row per series and period, as GROUP BY on the stored keys
        # sees them (TEXT affinity makes 1 and '1' one key): the rest would
        # be the duplicate error, tested elsewhere.
        db.execute("CREATE TEMP TABLE staging(s1 %s, s2 %s, p, label, v, x)" % tuple(self.decl))
        db.executemany("INSERT INTO staging VALUES (?, ?, ?, ?, ?, ?)", rows)
        db.execute("""INSERT OR IGNORE INTO src SELECT s1, s2, label, v, x FROM temp.staging
                      WHERE rowid IN (SELECT min(rowid) FROM temp.staging GROUP BY s1, s2, p)""")
        db.execute("DROP TABLE temp.staging")
        if self.without_rowid:
            # WITHOUT ROWID needs non-NULL keys: NULLs were ignored above.
            pass
        source = "src"
        if self.view:
            db.execute("CREATE VIEW src_view AS SELECT s1, s2, p, v, x FROM src")
            source = "src_view"
        self.source = source
        # how the plain-SQL views may spell a key otherwise than the
        # tables: case (NOCASE), 1 and 1.0 (no affinity)
        self.fold = (any("NOCASE" in d for d in self.decl), "" in self.decl)
        db.execute("CREATE VIRTUAL TABLE v USING yoy_growth(source=%s, value=v, period=p, by='s1, s2')"
                   % source)
        db.execute("CREATE VIRTUAL TABLE tr USING trade_imbalance(source=%s, period=p, exports=v, "
                   "imports=x, by='s1, s2')" % source)
        # The copy: CREATE TABLE AS keeps the declared types but not the
        # collations, so it is declared column by column (the series table
        # has the source's NOCASE, over a table or a view).
        cols = []
        for _, name, ctype, _, _, _ in db.execute("PRAGMA table_info(v)"):
            coll = ""
            if name in ("s1", "s2") and "NOCASE" in self.decl[int(name[1]) - 1]:
                coll = " COLLATE NOCASE"
            cols.append('"%s" %s%s' % (name, ctype, coll))
        self.m_columns = list(cols)
        db.execute("CREATE TEMP TABLE m(%s)" % ", ".join(cols))
        db.execute("INSERT INTO m SELECT * FROM v")
        cols = [c for c in cols if c.startswith(('"s1"', '"s2"'))]
        cols += ['"%s" %s' % (name, ctype) for _, name, ctype, _, _, _ in db.execute(
            "PRAGMA table_info(tr)") if name not in ("s1", "s2")]
        db.execute("CREATE TEMP TABLE trm(%s)" % ", ".join(cols))
        db.execute("INSERT INTO trm SELECT * FROM tr")
        # The plain-SQL reference over main's source (never a temp shadow).
        db.execute("""CREATE TEMP VIEW w AS
          WITH r AS (SELECT s1, s2, period_normalize(p) AS period, sum(v) AS value
                     FROM main.%s WHERE v IS NOT NULL AND p IS NOT NULL
                     GROUP BY s1, s2, period_normalize(p))
          SELECT r.s1, r.s2, r.period, r.value, pr.value AS prior_value,
                 pct_change(r.value, pr.value) AS growth
          FROM r LEFT JOIN r AS pr ON pr.s1 IS r.s1 AND pr.s2 IS r.s2
                                   AND pr.period = period_prior_year(r.period)""" % source)
        # Wide trade: each side's sum, a period present when either side
        # has a value; the balance needs both.
        db.execute("""CREATE TEMP VIEW wtr AS
          SELECT s1, s2, period_normalize(p) AS period, sum(v) AS exports, sum(x) AS imports,
                 sum(v) - sum(x) AS balance
          FROM main.%s WHERE p IS NOT NULL AND (v IS NOT NULL OR x IS NOT NULL)
          GROUP BY s1, s2, period_normalize(p)""" % source)
        if self.shadow:
            db.execute("CREATE TEMP TABLE %s(s1, s2, p, v)" % source)
            db.execute("INSERT INTO temp.%s VALUES (1, 1, ?, 999)" % source, (self.periods[-1],))
        # Sub-year periods also through grain=year (the hash path, roll-ups):
        # a year's value is the sum of its periods, complete with all of
        # them, and growth only between complete years.
        self.per_year = {"year": 1, "quarter": 4, "month": 12}[self.kind]
        if self.per_year > 1:
            db.execute("CREATE VIRTUAL TABLE vy USING yoy_growth(source=%s, value=v, period=p, "
                       "by='s1, s2', grain=year)" % source)
            db.execute("CREATE TEMP TABLE vym(%s)" % ", ".join(self.m_columns))
            db.execute("INSERT INTO vym SELECT * FROM vy")
            db.execute("""CREATE TEMP VIEW wy AS
              WITH r AS (SELECT s1, s2, substr(period_normalize(p), 1, 4) AS period,
                                sum(v) AS value, count(*) = %d AS complete
                         FROM main.%s WHERE v IS NOT NULL AND p IS NOT NULL
                         GROUP BY s1, s2, substr(period_normalize(p), 1, 4))
              SELECT r.s1, r.s2, r.period, r.value, pr.value AS prior_value,
                     CASE WHEN r.complete AND pr.complete THEN pct_change(r.value, pr.value) END
                       AS growth
              FROM r LEFT JOIN r AS pr ON pr.s1 IS r.s1 AND pr.s2 IS r.s2
                                       AND pr.period = period_prior_year(r.period)"""
                       % (self.per_year, source))
        # The table-valued form is a query: with a shadow it reads temp's.
        self.tvf = "yoy_growth('%s', 'v', 'p', 's1, s2')" % source
        db.execute("CREATE TEMP TABLE tm AS SELECT * FROM %s" % self.tvf)
        db.execute("CREATE TABLE o(x %s, y %s, p TEXT, n INTEGER)" % (
            rng.choice(DECLS), rng.choice(DECLS)))
        for i in range(rng.randint(1, 6)):
            db.execute("INSERT INTO o VALUES (?, ?, ?, ?)",
                       (rng.choice(OUTER_POOL), rng.choice(OUTER_POOL),
                        rng.choice(self.periods + [None, "2018", "9999"]), i))

    def describe(self):
        return "seed %d: src(s1 %s, s2 %s)%s%s%s, %s periods" % (
            self.seed, self.decl[0] or "(no type)", self.decl[1] or "(no type)",
            " WITHOUT ROWID" if self.without_rowid else "", " through a view" if self.view else "",
            ", shadowed by a TEMP TABLE" if self.shadow else "", self.kind)


def key_of(row):
    return tuple((type(x).__name__, x if not isinstance(x, float) else round(x, 9)) for x in row)


def run(db, sql):
    """(rows, error, column names)"""
    try:
        cur = db.execute(sql)
        return [tuple(r) for r in cur.fetchall()], None, [d[0] for d in cur.description]
    except sqlite3.Error as e:
        return None, str(e), None


def folded(rows, names, fold):
    """Rows with their strings in ASCII lower case (NOCASE's fold) if
    fold[0], and a key column's whole REAL as an INTEGER if fold[1] (GROUP
    BY takes 1 and 1.0 in a column without affinity for one key)."""
    keys = [n in ("s1", "s2") for n in names]
    return [tuple(u.lower() if fold[0] and isinstance(u, str) else
                  int(u) if fold[1] and k and isinstance(u, float) and u.is_integer() else u
                  for u, k in zip(r, keys)) for r in rows]


def same(a, b, ordered, fold=(False, False)):
    """fold: the plain-SQL views' GROUP BY shows each period's own
    spelling of a key a NOCASE column or a column without affinity can
    spell two ways ('a' and 'A', 1 and 1.0), the tables one spelling a
    series (its first row's, docs/design.md): compared folded."""
    if a[1] or b[1]:
        return a[1] == b[1]
    x, y = a[0], b[0]
    if any(fold):
        x, y = folded(x, a[2], fold), folded(y, b[2], fold)
    if not ordered:
        x, y = sorted(x, key=repr), sorted(y, key=repr)
    if len(x) != len(y):
        return False
    for r, s in zip(x, y):
        if len(r) != len(s):
            return False
        for u, v in zip(r, s):
            if type(u) is not type(v):
                return False
            if isinstance(u, float):
                if u != v and abs(u - v) > 1e-12 * max(1.0, abs(u)):
                    return False
            elif u != v:
                return False
    return True


def queries(w, rng):
    """(sql with {T} for the table, the columns it selects, ordered?)"""
    pick = lambda: lit(rng.choice(OUTER_POOL))
    per = lambda: lit(rng.choice(w.periods))
    c = "t.s1, t.s2, t.period, t.value, t.prior_value, t.growth"
    out = [
        ("SELECT o.n, %s FROM o JOIN {T} AS t ON t.s1 = o.x AND t.period = o.p" % c, False),
        ("SELECT o.n, %s FROM o LEFT JOIN {T} AS t ON t.s1 = o.x AND t.s2 = o.y" % c, False),
        ("SELECT o.n, %s FROM o JOIN {T} AS t ON t.s2 = o.y AND t.period >= o.p" % c, False),
        ("SELECT o.n, %s FROM o CROSS JOIN {T} AS t WHERE t.s1 = o.x OR t.period = o.p" % c, False),
        ("SELECT o.n, (SELECT count(*) || ':' || total(value) FROM {T} AS t "
         "WHERE t.s1 = o.x AND t.period <= o.p) FROM o", False),
        ("SELECT o.n, (SELECT max(growth) FROM {T} AS t WHERE t.s2 = o.y) FROM o", False),
        ("SELECT o.n FROM o WHERE EXISTS (SELECT 1 FROM {T} AS t WHERE t.s1 = o.x AND t.s2 = o.y)",
         False),
        ("SELECT o.n FROM o WHERE NOT EXISTS (SELECT 1 FROM {T} AS t WHERE t.s1 = o.x)", False),
        ("SELECT %s FROM {T} AS t WHERE t.s1 IN (%s, %s, %s) AND t.period IN (%s, %s)"
         % (c, pick(), pick(), pick(), per(), per()), False),
        ("SELECT %s FROM {T} AS t WHERE t.s1 IN (SELECT x FROM o) AND t.s2 NOT IN (SELECT y FROM o "
         "WHERE y IS NOT NULL)" % c, False),
        ("SELECT %s FROM {T} AS t WHERE t.s1 = %s OR t.s2 = %s OR t.period = %s"
         % (c, pick(), pick(), per()), False),
        ("SELECT %s FROM {T} AS t WHERE t.s1 > %s AND t.s1 <= %s" % (c, pick(), pick()), False),
        ("SELECT %s FROM {T} AS t ORDER BY t.period DESC, t.value DESC, t.s1, t.s2, t.prior_value "
         "LIMIT %d OFFSET %d" % (c, rng.randint(0, 8), rng.randint(0, 5)), True),
        ("SELECT %s FROM {T} AS t WHERE t.s1 = %s ORDER BY t.period DESC LIMIT %d"
         % (c, pick(), rng.randint(1, 4)), True),
        ("SELECT a.s1, a.s2, a.period, a.value, b.s1, b.s2, b.value FROM {T} AS a JOIN {T} AS b "
         "ON b.period = a.period AND b.s1 = a.s2 WHERE a.period >= %s" % per(), False),
        ("SELECT a.s1, a.period, (SELECT count(*) FROM {T} AS b WHERE b.s1 = a.s1 AND b.s2 = a.s2 "
         "AND b.period < a.period) FROM {T} AS a", False),
        ("SELECT count(*), total(value), count(growth), min(period), max(period) FROM {T} AS t "
         "WHERE t.s1 = %s AND t.period BETWEEN %s AND %s" % (pick(), per(), per()), False),
        ("SELECT t.s1, count(*), total(t.value) FROM {T} AS t GROUP BY t.s1 HAVING t.s1 <> %s"
         % pick(), False),
        ("SELECT %s FROM {T} AS t WHERE t.s1 IS %s AND t.s2 IS NOT %s" % (c, pick(), pick()), False),
        ("SELECT %s FROM {T} AS t WHERE t.s1 = %s COLLATE NOCASE OR t.s2 LIKE %s"
         % (c, pick(), lit(rng.choice(["a%", "1%", "%"]))), False),
    ]
    return out


def main():
    ext, options = common.parse_args(sys.argv[1:], EXT, {"seed": SEED, "worlds": WORLDS})
    seed, worlds = options["seed"], options["worlds"]
    t0 = time.time()
    failures = []
    n = 0
    for k in range(worlds):
        w = World(seed + k, ext)
        rng = random.Random(seed * 7919 + k)
        for sql, ordered in queries(w, rng) + queries(w, rng):
            n += 1
            v = run(w.db, sql.format(T="v"))
            m = run(w.db, sql.format(T="m"))
            ref = run(w.db, sql.format(T="w"))
            tsql = sql.replace("t.s1", "json_extract(t.series, '$[0]')") \
                      .replace("t.s2", "json_extract(t.series, '$[1]')")
            if "{T} AS a" in sql or "{T} AS b" in sql:
                tsql = None  # the self-joins name the series columns of a and b
            if not same(v, m, ordered):
                failures.append((w, sql, "CREATE form against its copy", v, m))
            elif not same(v, ref, ordered, w.fold):
                failures.append((w, sql, "CREATE form against the plain-SQL view", v, ref))
            if w.per_year > 1:
                n += 1
                vy = run(w.db, sql.format(T="vy"))
                vym = run(w.db, sql.format(T="vym"))
                wy = run(w.db, sql.format(T="wy"))
                if not same(vy, vym, ordered):
                    failures.append((w, sql, "grain=year against its copy", vy, vym))
                elif not same(vy, wy, ordered, w.fold):
                    failures.append((w, sql, "grain=year against the plain-SQL view", vy, wy))
            # The same shapes on trade_imbalance (wide data): exports for
            # value, imports for prior_value, balance for growth.
            trsql = re.sub(r"\bprior_value\b", "imports", sql)
            trsql = re.sub(r"\bvalue\b", "exports", trsql)
            trsql = re.sub(r"\bgrowth\b", "balance", trsql)
            n += 1
            tr = run(w.db, trsql.format(T="tr"))
            trm = run(w.db, trsql.format(T="trm"))
            trw = run(w.db, trsql.format(T="wtr"))
            if not same(tr, trm, ordered):
                failures.append((w, trsql, "trade_imbalance against its copy", tr, trm))
            elif not same(tr, trw, ordered, w.fold):
                failures.append((w, trsql, "trade_imbalance against the plain-SQL view", tr, trw))
            if tsql:
                tv = run(w.db, tsql.format(T=w.tvf))
                tm = run(w.db, tsql.format(T="tm"))
                n += 1
                if not same(tv, tm, ordered):
                    failures.append((w, tsql, "table-valued form against its copy", tv, tm))
        w.db.close()
    for w, sql, what, a, b in failures[:MAX_SHOWN]:
        print("joins: FAILED (%s)\n  %s\n  %s\n  got:      %s\n  expected: %s" % (
            what, w.describe(), sql, (a[1] or a[0])[:12] if (a[1] or a[0]) else a,
            (b[1] or b[0])[:12] if (b[1] or b[0]) else b))
    if failures:
        print("joins: %d of %d queries differ (seed %d, %d worlds)" % (len(failures), n, seed, worlds))
        sys.exit(1)
    print("joins: %d queries in %d worlds (seed %d) give what the copy and the plain-SQL view give "
          "(%.1f s)" % (n, worlds, seed, time.time() - t0))


if __name__ == "__main__":
    main()
