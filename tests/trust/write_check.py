#!/usr/bin/python3
"""A statement that reads a series virtual table and writes its source.

    INSERT INTO t SELECT ... FROM yoy_growth('t', ...)

must do what the same statement does in plain SQL: the SELECT sees t as it
was before the statement's first write, never the rows it inserts itself.
For yoy_growth, trade_imbalance and annual_projection, in the table-valued
and the CREATE form, over a source with an index on (partner, period) (the
scan walks it while rows are inserted), without one, and a WITHOUT ROWID
source, each statement is run as a plain SELECT first (what it must
insert), then as INSERT INTO t SELECT; t must then hold its rows plus
exactly those.  The SELECTs include a multi-index OR and a join, where
SQLite filters the table several times in the one statement.  A statement
that keeps reading its own rows is stopped after a bound on its work.

    /usr/bin/python3 tests/trust/write_check.py [build/tradestat]
"""
import collections
import sqlite3
import sys

import common

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
MAX_STEPS = 2000  # progress callbacks of 1000 VM steps each

SOURCES = {
    "indexed": ("CREATE TABLE t(partner TEXT, period TEXT, amount INTEGER, flow TEXT);"
                "CREATE INDEX t_by ON t(partner, period);"),
    "no index": "CREATE TABLE t(partner TEXT, period TEXT, amount INTEGER, flow TEXT);",
    "without rowid": ("CREATE TABLE t(partner TEXT, period TEXT, amount INTEGER, flow TEXT, "
                      "PRIMARY KEY(partner, period)) WITHOUT ROWID;"),
}

# module -> (table-valued call, CREATE arguments, SELECT list giving
#            partner, period, amount, flow of the rows to insert)
MODULES = {
    "yoy_growth": ("yoy_growth('t', 'amount', 'period', 'partner')",
                   "source=t, value=amount, period=period, by=partner",
                   "'z' || {s}, period, value, 'export'"),
    "trade_imbalance": ("trade_imbalance('t', 'amount', 'period', 'flow', 'partner')",
                        "source=t, value=amount, period=period, flow=flow, by=partner",
                        "'z' || {s}, period, coalesce(exports, imports), 'export'"),
    "annual_projection": ("annual_projection('t', 'amount', 'period', 'partner', 'prior_share')",
                          "source=t, value=amount, period=period, by=partner, method=prior_share",
                          "'z' || {s}, CAST(year AS TEXT), ytd, 'export'"),
}

# yoy_growth's share and contribution read the source a second time (the
# totals of every period): that read must not see inserted rows either.
SHARE = "'z' || {s}, period, round(coalesce(share, 0) * 1000 + coalesce(contribution, 0)), 'export'"

SHAPES = {
    "scan": "SELECT {cols} FROM {vt} AS v",
    "where": "SELECT {cols} FROM {vt} AS v WHERE v.{s} >= 'b'",
    "or": "SELECT {cols} FROM {vt} AS v WHERE v.{s} = 'a' OR v.{s} = 'c' OR v.{p} > {late}",
    "join": "SELECT {cols} FROM keys JOIN {vt} AS v ON v.{s} = keys.k",
}


def rows_of_source():
    """One row per partner and year (a series has one row per period), its
    flow alternating, so trade_imbalance sees both sides over the years."""
    rows = []
    for i, partner in enumerate(("a", "b", "c")):
        for year in range(2019, 2024):
            flow = ("export", "import")[(year + i) % 2]
            rows.append((partner, str(year), 10 * year % 97 + 3 * i + len(flow), flow))
    return rows


def check(module, form, source, shape):
    db = common.connect(EXT)
    db.executescript(SOURCES[source])
    db.executemany("INSERT INTO t VALUES(?, ?, ?, ?)", rows_of_source())
    db.execute("CREATE TABLE keys(k TEXT)")
    db.executemany("INSERT INTO keys VALUES(?)", [("a",), ("b",), ("c",)])
    tvf, create_args, select = MODULES[module]
    if form == "create":
        db.execute("CREATE VIRTUAL TABLE vt USING %s(%s)" % (module, create_args))
        vt, s = "vt", "partner"
    else:
        vt, s = tvf, "series"
    p = "year" if module == "annual_projection" else "period"
    late = "2022" if module == "annual_projection" else "'2022'"
    if module == "yoy_growth" and shape != "scan":
        select = SHARE
    query = SHAPES[shape].format(cols=select.format(s="v." + s), vt=vt, s=s, p=p, late=late)
    before = collections.Counter(db.execute("SELECT * FROM t").fetchall())
    want = collections.Counter(db.execute(query).fetchall())
    steps = [0]

    def progress():
        steps[0] += 1
        return steps[0] > MAX_STEPS

    db.set_progress_handler(progress, 1000)
    try:
        db.execute("INSERT INTO t(partner, period, amount, flow) " + query)
    except sqlite3.Error as e:
        return "%s: %s" % (query, "never ends: it reads the rows it inserts" if "interrupt" in str(e) else e)
    finally:
        db.set_progress_handler(None, 0)
    after = collections.Counter(db.execute("SELECT * FROM t").fetchall())
    got = after - before
    if got != want or before - after:
        return "%s: inserted %d rows, the SELECT alone gives %d (extra %s, missing %s)" % (
            query, sum(got.values()), sum(want.values()), list((got - want).elements())[:3],
            list((want - got).elements())[:3])
    if not want:
        return "%s: the SELECT gives no rows; the check proves nothing" % query
    return None


def main():
    failures = []
    n = 0
    for module in MODULES:
        for form in ("tvf", "create"):
            for source in SOURCES:
                for shape in SHAPES:
                    n += 1
                    err = check(module, form, source, shape)
                    if err:
                        failures.append("%s/%s, %s source: %s" % (module, form, source, err))
    if failures:
        print("writecheck: FAILED %d of %d statements:" % (len(failures), n))
        for f in failures:
            print("  " + f)
        return 1
    print("writecheck: %d INSERT INTO t SELECT ... FROM <series table on t> statements insert "
          "exactly what their SELECT gives on t before the statement" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
