#!/usr/bin/python3
"""Series are grouped exactly as SQL's GROUP BY groups them.

For yoy_growth, trade_imbalance and annual_projection (CREATE form, with
and without grain=, and the table-valued form), over random data whose
series keys compare equal but are stored differently -- mixed case under
NOCASE, trailing spaces under RTRIM, a collation the application
registers, INTEGER 1 / REAL 1.0, NULL keys -- in tables and in a view:

  1. the virtual table has as many series as GROUP BY has groups;
  2. the key it shows is a member of its group: a value some source row
     holds, with the same type and bytes;
  3. each series' totals (and row count) equal those of the group whose
     rows compare equal to that key, found with the column's own
     collation (WHERE +col IS ?);
  4. under the application's collation, a series stays one series with
     one spelling and one rowid a row across the filters of period IN
     (...) and of ORs (check_filters_fold).

    /usr/bin/python3 tests/trust/grouping.py [build/tradestat] [--seeds N]

Exits 1 on the first disagreement, printing the table, module, key and
both totals.
"""
import json
import random
import sqlite3
import sys

import common

EXT = common.DEFAULT_EXT
SEEDS = 6


def fold_key(s):
    """The application's collation: ignores case, spaces and hyphens."""
    return "".join(ch for ch in s.lower() if ch not in " -")


def fold(a, b):
    x, y = fold_key(a), fold_key(b)
    return (x > y) - (x < y)


# Each group is a list of spellings that compare equal under the collation
# named; one spelling is picked at random for every source row.
TEXT_GROUPS = {
    "NOCASE": [["Korea", "korea", "KOREA"], ["China", "china"], ["Viet Nam", "VIET NAM"],
               ["japan"]],
    "RTRIM": [["Korea", "Korea ", "Korea   "], ["korea"], ["China", "China  "], [" Japan", " Japan "]],
    "FOLD": [["Korea", "korea", "KO-REA", "ko rea"], ["China", "CHINA", "Chi-na"],
             ["Viet Nam", "vietnam", "VIET-NAM"]],
    "BINARY": [["Korea"], ["korea"], ["Korea "], ["China"]],
}
NUMBER_GROUPS = [[1, 1.0], [2, 2.0], ["1"], ["2.0"], [None]]


fail = common.failer("grouping")


def connect():
    db = common.connect(EXT)
    db.create_collation("FOLD", fold)
    return db


def months(first_year, last_year):
    return ["%d-%02d" % (y, m) for y in range(first_year, last_year + 1) for m in range(1, 13)]


def make_tables(db, rng):
    """Creates the source tables; returns [(table, by columns)]."""
    sources = []
    for coll, groups in TEXT_GROUPS.items():
        name = "t_" + coll.lower()
        db.execute("CREATE TABLE %s(k TEXT COLLATE %s, period TEXT, v INTEGER, flow TEXT)" % (name, coll))
        fill(db, name, [[(s,) for s in g] for g in groups + [[None]]], rng)
        sources.append((name, ["k"]))
    # Untyped column: INTEGER 1 and REAL 1.0 are one group, TEXT '1' another.
    db.execute("CREATE TABLE t_untyped(k, period TEXT, v INTEGER, flow TEXT)")
    fill(db, "t_untyped", [[(x,) for x in g] for g in NUMBER_GROUPS], rng)
    sources.append(("t_untyped", ["k"]))
    # INTEGER column: '1', 1.0 and 1 are all stored as INTEGER 1.
    db.execute("CREATE TABLE t_integer(k INTEGER, period TEXT, v INTEGER, flow TEXT)")
    fill(db, "t_integer", [[(1,), ("1",), (1.0,)], [(2,), ("2",)], [("x",)], [(None,)]], rng)
    sources.append(("t_integer", ["k"]))
    # Two series columns with different collations, and a view over them.
    db.execute("CREATE TABLE t_two(a TEXT COLLATE NOCASE, b COLLATE RTRIM, period TEXT, "
               "v INTEGER, flow TEXT)")
    two = []
    for ga in [["north", "North", "NORTH"], ["south", "South"], [None]]:
        for gb in [["P1", "P1 "], ["p1"], [1, 1.0], ["1"], [None]]:
            two.append([(x, y) for x in ga for y in gb])
    fill(db, "t_two", two, rng, cols=("a", "b"))
    sources.append(("t_two", ["a", "b"]))
    db.execute("CREATE VIEW v_fold AS SELECT k AS key, period, v, flow FROM t_fold")
    sources.append(("v_fold", ["key"]))
    return sources


def fill(db, table, groups, rng, cols=("k",)):
    """One row per group, period and flow, each spelled at random; some
    (group, year) cells are left out so series differ in length."""
    rows = []
    for g in groups:
        first = rng.choice([2019, 2020])
        for period in months(first, 2023):
            if rng.random() < 0.08:
                continue
            for flow in ("export", "import"):
                if rng.random() < 0.1:
                    continue
                key = rng.choice(g)
                rows.append(key + (period, rng.randint(-50, 1000), flow))
    rng.shuffle(rows)
    ph = ", ".join("?" * (len(cols) + 3))
    db.executemany("INSERT INTO %s(%s, period, v, flow) VALUES (%s)" % (table, ", ".join(cols), ph), rows)


def where_group(by):
    """Rows of the group of a key: the column's collation decides (+col:
    no affinity is applied to the bound value, as GROUP BY applies none)."""
    return " AND ".join('+"%s" IS ?' % c for c in by)


def check_member(db, table, by, key, what):
    """The key shown is the value a row of the group holds, byte for byte:
    the group's first row in period order (docs/design.md)."""
    cond = " AND ".join('typeof("%s") = typeof(?) AND "%s" IS ? COLLATE BINARY' % (c, c) for c in by)
    args = [x for k in key for x in (k, k)]
    n = db.execute("SELECT count(*) FROM %s WHERE %s" % (table, cond), args).fetchone()[0]
    if n == 0:
        fail("%s: shows key %r, which no row of %s holds" % (what, key, table))
    wg = where_group(by)
    n = db.execute("SELECT count(*) FROM %s WHERE %s AND period = (SELECT min(period) FROM %s WHERE %s)"
                   % (table, cond, table, wg), args + list(key)).fetchone()[0]
    if n == 0:
        fail("%s: shows key %r, not the spelling of its group's first period in %s" % (what, key, table))


def compare(db, table, by, what, got, expected, group_count):
    """got: {key tuple: totals}; expected(key): the totals of the rows of
    that key's group.  Also: one series per GROUP BY group."""
    if len(got) != group_count:
        fail("%s on %s: %d series, GROUP BY %s has %d groups; keys %r" %
             (what, table, len(got), ", ".join(by), group_count, sorted(got, key=repr)))
    for key, totals in got.items():
        check_member(db, table, by, key, what)
        want = tuple(expected(key))
        if tuple(totals) != want:
            fail("%s on %s: series %r totals %r, its GROUP BY group %r" % (what, table, key, tuple(totals), want))


def collect(rows, nby):
    """Folds result rows into {key: [rows, sum of each later column]}; keys
    that differ in type or bytes stay apart (1 and 1.0, 'a' and 'A')."""
    out = {}
    for r in rows:
        key = tuple(r[:nby])
        tag = tuple((type(x).__name__, x) for x in key)
        acc = out.setdefault(tag, [key, [0] * (len(r) - nby + 1)])[1]
        acc[0] += 1
        for i, x in enumerate(r[nby:]):
            acc[i + 1] += x or 0
    return {v[0]: v[1] for v in out.values()}


def check_runs(rows, nby, what):
    """A series comes out as one run of rows, never split in pieces."""
    seen, last = set(), None
    for r in rows:
        tag = tuple((type(x).__name__, x) for x in r[:nby])
        if tag != last:
            if tag in seen:
                fail("%s: series %r comes out in more than one run of rows" % (what, tuple(r[:nby])))
            seen.add(tag)
            last = tag


def groups_of(db, table, cols):
    return db.execute("SELECT count(*) FROM (SELECT 1 FROM %s GROUP BY %s)" % (table, cols)).fetchone()[0]


def check_source(db, table, by, seed):
    """table: the source (all flows); table_x: its export rows (a view),
    one row per group and period."""
    cols = ", ".join('"%s"' % c for c in by)
    by_list = ", ".join(by)
    nby = len(by)
    tag = "%s_%d" % (table, seed)
    x = table + "_x"
    wg = where_group(by)
    n_all, n_x = groups_of(db, table, cols), groups_of(db, x, cols)

    def one(sql, key, times=1):
        return db.execute(sql, list(key) * times).fetchone()

    def run(name, module, args, select):
        db.execute("CREATE VIRTUAL TABLE temp.%s_%s USING %s(%s, by='%s')" % (name, tag, module, args, by_list))
        rows = db.execute("SELECT %s, %s FROM temp.%s_%s" % (cols, select, name, tag)).fetchall()
        check_runs(rows, nby, module + " on " + table)
        return collect(rows, nby)

    # yoy_growth: one row per period; value is the group's row; a growth
    # wherever the group has the same month a year earlier, not zero.
    got = run("y", "yoy_growth", "source=%s, value=v, period=period" % x, "value, growth IS NOT NULL")
    same = " AND ".join('+b."%s" IS a."%s"' % (c, c) for c in by)
    compare(db, x, by, "yoy_growth", got,
            lambda k: one("SELECT count(*), coalesce(sum(v), 0), (SELECT count(*) FROM %s a WHERE %s AND "
                          "EXISTS (SELECT 1 FROM %s b WHERE %s AND b.v != 0 AND b.period = "
                          "printf('%%04d%%s', substr(a.period, 1, 4) - 1, substr(a.period, 5)))) "
                          "FROM %s WHERE %s" % (x, wg.replace('+"', '+a."'), x, same, x, wg), k, 2), n_x)
    # grain=year: a sort of +col terms instead of an index walk; years summed.
    got = run("g", "yoy_growth", "source=%s, value=v, period=period, grain=year" % x, "value")
    compare(db, x, by, "yoy_growth grain=year", got,
            lambda k: one("SELECT count(DISTINCT substr(period, 1, 4)), coalesce(sum(v), 0) FROM %s "
                          "WHERE %s" % (x, wg), k), n_x)
    # trade_imbalance, long data: exports and imports of each series.
    got = run("t", "trade_imbalance", "source=%s, value=v, period=period, flow=flow" % table,
              "exports, imports")
    compare(db, table, by, "trade_imbalance", got,
            lambda k: one("SELECT count(DISTINCT period), coalesce(sum(v) FILTER (WHERE flow = 'export'), 0), "
                          "coalesce(sum(v) FILTER (WHERE flow = 'import'), 0) FROM %s WHERE %s" % (table, wg), k),
            n_all)
    # WHERE on a series column of a table's virtual table compares with the
    # column's collation, as on the source: every spelling of a group
    # finds its series (a view's collations are not known by name).
    if not table.startswith("v_"):
        for key, totals in got.items():
            spellings = db.execute("SELECT DISTINCT %s FROM %s WHERE %s" % (cols, table, wg), list(key)).fetchall()
            for sp in spellings:
                cond = " AND ".join('"%s" IS ?' % c for c in by)
                n = db.execute("SELECT count(*) FROM temp.t_%s WHERE %s" % (tag, cond), list(sp)).fetchone()[0]
                if n != totals[0]:
                    fail("trade_imbalance on %s: WHERE %s IS %r finds %d rows of series %r, not %d" %
                         (table, by_list, sp, n, key, totals[0]))
    # annual_projection through December: a row per year, its months
    # observed, and ytd (the year's total) where all twelve are present.
    got = run("p", "annual_projection", "source=%s, value=v, period=period, through=12, method=run_rate" % x,
              "periods_observed, ytd")
    compare(db, x, by, "annual_projection", got,
            lambda k: one("SELECT count(*), coalesce(sum(n), 0), coalesce(sum(s) FILTER (WHERE n = 12), 0) "
                          "FROM (SELECT count(*) AS n, sum(v) AS s FROM %s WHERE %s "
                          "GROUP BY substr(period, 1, 4))" % (x, wg), k), n_x)
    # The table-valued form: one series column, or several as a JSON array.
    rows = db.execute("SELECT series, value FROM yoy_growth('%s', 'v', 'period', '%s')" % (x, by_list)).fetchall()
    if nby > 1:
        rows = [tuple(json.loads(r[0])) + r[1:] for r in rows]
    compare(db, x, by, "yoy_growth()", collect(rows, nby),
            lambda k: one("SELECT count(*), coalesce(sum(v), 0) FROM %s WHERE %s" % (x, wg), k), n_x)
    # ... and its options: grain= there too.
    rows = db.execute("SELECT series, value FROM yoy_growth('%s', 'v', 'period', '%s', 'grain=year')"
                      % (x, by_list)).fetchall()
    if nby > 1:
        rows = [tuple(json.loads(r[0])) + r[1:] for r in rows]
    compare(db, x, by, "yoy_growth(..., 'grain=year')", collect(rows, nby),
            lambda k: one("SELECT count(DISTINCT substr(period, 1, 4)), coalesce(sum(v), 0) FROM %s "
                          "WHERE %s" % (x, wg), k), n_x)


def check_total_label():
    """total=LABEL finds the total's series as SQL compares keys: under the
    column's collation (NOCASE 'TOTAL' for total=total), and the text of
    a number (INTEGER 0 for total=0)."""
    db = connect()
    db.executescript("""
      CREATE TABLE k(region TEXT COLLATE NOCASE, period TEXT, v INTEGER);
      INSERT INTO k VALUES ('TOTAL', '2022', 10), ('Total', '2023', 20), ('Seoul', '2022', 4),
        ('Seoul', '2023', 5), ('Busan', '2022', 6), ('Busan', '2023', 15);
      CREATE VIRTUAL TABLE g USING yoy_growth(source=k, value=v, period=period, by=region, total=total);
      CREATE TABLE n(code INTEGER, period TEXT, v INTEGER);
      INSERT INTO n SELECT CASE region WHEN 'total' THEN 0 WHEN 'seoul' THEN 11 ELSE 21 END, period, v FROM k;
      CREATE VIRTUAL TABLE gn USING yoy_growth(source=n, value=v, period=period, by=code, total=0);""")
    want = [("2022", 40.0), ("2023", 25.0)]
    for vt, cond in (("g", "region = 'Seoul'"), ("gn", "code = 11")):
        got = db.execute("SELECT period, round(share, 6) FROM %s WHERE %s" % (vt, cond)).fetchall()
        if got != want:
            fail("total= on %s: Seoul's shares %r, want %r" % (vt, got, want))
    db.close()


def check_filters_fold(db, seed):
    """Under period IN (...) and ORs SQLite filters a series table once per
    value or branch, and each filter reads other rows: a series whose
    spellings only the application's collation makes equal ('Korea',
    'KO-REA') must still be one series, shown with one spelling, with one
    rowid per row, in every filter of the statement.  Compared with plain
    GROUP BY on the same rows: the table-valued form's series (GROUP BY
    series compares the spelling shown, under BINARY), the CREATE form's
    rows (an OR's branches are merged by rowid: a row found by two
    branches is one row) and its spellings."""
    rng = random.Random(1000 + seed)
    db.execute("CREATE TABLE temp.fx(k TEXT COLLATE FOLD, period TEXT, v INTEGER)")
    rows = []
    for g in TEXT_GROUPS["FOLD"]:
        for period in months(2021, 2023):
            if rng.random() < 0.1:
                continue
            rows.append((rng.choice(g), period, rng.randint(-50, 1000)))
    rng.shuffle(rows)
    db.executemany("INSERT INTO temp.fx VALUES (?, ?, ?)", rows)
    db.execute("CREATE VIRTUAL TABLE temp.fy USING yoy_growth(source=fx, value=v, period=period, by=k)")
    picked = sorted(rng.sample(months(2021, 2023), 6))
    inlist = ", ".join("'%s'" % p for p in picked)
    ors = " OR ".join("period = '%s'" % p for p in picked)
    key = rng.choice(rng.choice(TEXT_GROUPS["FOLD"]))
    for where in ("period IN (%s)" % inlist, ors, "(%s) OR k = '%s'" % (ors, key)):
        plain = db.execute("SELECT count(*), sum(v) FROM fx WHERE %s GROUP BY k ORDER BY 2, 1"
                           % where).fetchall()
        what = "yoy_growth('fx', ...) WHERE %s" % where
        if "k =" not in where:  # the table-valued form's series is not k
            got = db.execute("SELECT count(*), sum(value) FROM yoy_growth('fx', 'v', 'period', 'k') "
                             "WHERE %s GROUP BY series ORDER BY 2, 1" % where).fetchall()
            if got != plain:
                fail("%s GROUP BY series: %r, plain GROUP BY k: %r" % (what, got, plain))
        what = "yoy_growth CREATE form WHERE %s" % where
        got = db.execute("SELECT count(*), sum(value) FROM fy WHERE %s GROUP BY k ORDER BY 2, 1"
                         % where).fetchall()
        if got != plain:
            fail("%s GROUP BY k: %r, plain GROUP BY k: %r" % (what, got, plain))
        spellings = db.execute("SELECT count(DISTINCT k COLLATE BINARY), count(DISTINCT k), "
                               "count(DISTINCT rowid), count(*) FROM fy WHERE %s" % where).fetchone()
        if spellings[0] != spellings[1] or spellings[2] != spellings[3]:
            fail("%s: %d spellings of %d series, %d rowids for %d rows" % ((what,) + tuple(spellings)))
    db.execute("DROP TABLE temp.fy")
    db.execute("DROP TABLE temp.fx")


def check_missing_collation():
    """A database reopened without the application's collation: the
    virtual table still connects, and a query says which collation is
    missing (not SQLite's bare 'vtable constructor failed')."""
    with common.temp_db() as path:
        db = connect()
        db.execute("ATTACH ? AS f", (path,))
        db.executescript("""
          CREATE TABLE f.t(k TEXT COLLATE FOLD, period TEXT, v INTEGER);
          INSERT INTO f.t VALUES ('A', '2022', 1), ('a', '2023', 2);
          CREATE VIRTUAL TABLE f.y USING yoy_growth(source=t, value=v, period=period, by=k);""")
        db.close()
        db = common.connect(EXT, path)
        try:
            db.execute("SELECT * FROM y").fetchall()
            fail("a query without the FOLD collation registered ran")
        except sqlite3.Error as e:
            if "yoy_growth" not in str(e) or "FOLD" not in str(e):
                fail("without FOLD registered: %r (want the module and the collation named)" % str(e))
        db.close()


def check_collation_replaced():
    """The application's collation registered again with other rules
    between two queries of one connection: the classes of TEXT keys found
    under the old rules must not stay.  Under BINARY the six spellings are
    six classes; under the case-blind FOLD 'a' and 'A' (4 + 16) are one
    group, but the old classes kept them apart: GROUP BY series gave
    1, 4, 8, 16, 34 where plain GROUP BY k gives 1, 8, 20, 34."""
    def binary(a, b):
        return (a > b) - (a < b)
    db = common.connect(EXT)
    db.create_collation("SWAP", binary)
    db.execute("CREATE TABLE t_swap(k TEXT COLLATE SWAP, period TEXT, v INTEGER)")
    # Every spelling its own years: one row a period in any folding.
    db.executemany("INSERT INTO t_swap VALUES (?, ?, ?)",
                   [("bAA", "2020", 1), ("BA", "2021", 2), ("a", "2022", 4), ("AA", "2023", 8),
                    ("A", "2024", 16), ("ba", "2025", 32)])
    sql = ("SELECT sum(value) FROM yoy_growth('t_swap', 'v', 'period', 'k') WHERE period IN "
           "('2020', '2021', '2022', '2023', '2024', '2025') GROUP BY series ORDER BY 1")
    plain = "SELECT sum(v) FROM t_swap GROUP BY k ORDER BY 1"
    for rules in (binary, fold, binary):
        db.create_collation("SWAP", rules)
        got, want = db.execute(sql).fetchall(), db.execute(plain).fetchall()
        if got != want:
            fail("collation SWAP registered again as %s: GROUP BY series %r, plain GROUP BY k %r"
                 % (rules.__name__, got, want))
    db.close()


def main():
    global EXT
    EXT, options = common.parse_args(sys.argv[1:], EXT, {"seeds": SEEDS})
    seeds = options["seeds"]
    checked = 0
    for seed in range(1, seeds + 1):
        rng = random.Random(seed)
        db = connect()
        for table, by in make_tables(db, rng):
            db.execute("CREATE TEMP VIEW %s_x AS SELECT * FROM %s WHERE flow = 'export'" % (table, table))
            check_source(db, table, by, seed)
            checked += 1
        check_filters_fold(db, seed)
        db.close()
    check_total_label()
    check_missing_collation()
    check_collation_replaced()
    print("grouping: %d sources x 7 forms, %d seeds: every series is one GROUP BY group" % (checked // seeds, seeds))


if __name__ == "__main__":
    main()
