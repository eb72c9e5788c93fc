#!/usr/bin/python3
"""A series table keeps its source query's statements between filters
(vtab/series_keep.c): reset, taken again when the text it builds is the
same, dropped when the source's schema cookie moves.  A kept statement must
never give a stale answer or hold the database.  Each check compares the
series table with the plain-SQL answer computed in the same step (a
correlated subquery over a GROUP BY view of the source, in the same output
row), through each scan path (scan=stream, scan=hash, scan=auto):

  1. one join, the series table its inner loop (CROSS JOIN, one row per
     outer row), with the source written between two of its filters: an
     UPDATE, an INSERT of a new period and a DELETE between fetches --
     autocommit, and inside a transaction (then rolled back, and the next
     query answers from the rolled-back data);
  2. two queries on one connection with the source written between them,
     by this connection and by another one;
  3. the WHERE's shape changed between queries (an IN list of other
     lengths, an equality, period bounds, none): every shape answers as
     plain SQL does;
  4. the schema changed between queries: CREATE INDEX, DROP INDEX, ALTER
     TABLE ADD COLUMN preliminary (every figure then preliminary: the
     query's column list changes), ALTER TABLE RENAME COLUMN of the value
     (the query must fail, naming the column, not answer from a kept
     statement; renamed back it answers again), and the source dropped and
     made again with its series column INTEGER (the pushed equality's
     affinity changes: WHERE partner = '3' must still find partner 3);
  5. nothing is held after a query: once it is read to its end, or
     abandoned half-way and its cursor closed, a second connection that
     waits for no lock (timeout 0) writes the source at once, and the
     connection itself can VACUUM and DROP TABLE the source (the query
     then says the source is gone; made again, it answers again).

    /usr/bin/python3 tests/trust/probes_keep.py [build/tradestat]
"""
import sqlite3
import sys

import common

EXT, _ = common.parse_args(sys.argv[1:])
fail = common.failer("probes-keep")
CHECKS = 0
PATHS = ("stream", "hash", "auto")


def ok(cond, msg):
    global CHECKS
    CHECKS += 1
    if not cond:
        fail(msg)


# Each series table's row, and the plain-SQL row for the same series and
# period, as text: value, prior value and growth to 9 digits.
ROW = "%s.value || '|' || ifnull(%s.prior_value, '-') || '|' || ifnull(round(%s.growth, 9), '-')"


def make_source(db, key_type="TEXT"):
    db.execute("DROP VIEW IF EXISTS w")
    db.execute("DROP TABLE IF EXISTS src")
    db.execute("CREATE TABLE src(partner %s, period TEXT, amount INTEGER)" % key_type)
    rows = [(str(p) if key_type == "TEXT" else p, "%d-%02d" % (y, m), (p * 37 + y * 11 + m) % 97 + 1)
            for p in range(1, 7) for y in (2021, 2022, 2023) for m in range(1, 7)]
    db.executemany("INSERT INTO src VALUES (?, ?, ?)", rows)
    db.execute("""CREATE VIEW w AS
      WITH r AS (SELECT partner, period_normalize(period) AS period, sum(amount) AS value
                 FROM src WHERE amount IS NOT NULL AND period IS NOT NULL
                 GROUP BY partner, period_normalize(period))
      SELECT r.partner, r.period, r.value, pr.value AS prior_value,
             pct_change(r.value, pr.value) AS growth
      FROM r LEFT JOIN r AS pr ON pr.partner IS r.partner
                               AND pr.period = period_prior_year(r.period)""")


def make_tables(db):
    for path in PATHS:
        db.execute("DROP TABLE IF EXISTS y_%s" % path)
        db.execute("CREATE VIRTUAL TABLE y_%s USING yoy_growth(source=src, value=amount, "
                   "period=period, by=partner, scan=%s)" % (path, path))


def make_outer(db):
    db.execute("DROP TABLE IF EXISTS o")
    db.execute("CREATE TABLE o(n INTEGER PRIMARY KEY, k, period TEXT)")
    db.executemany("INSERT INTO o(k, period) VALUES (?, ?)",
                   [(str(1 + i % 6), "%d-%02d" % (2022 + i % 2, 1 + (i * 5) % 7))
                    for i in range(60)])


# The plain-SQL row of outer row o, as correlated subqueries on the
# source itself: evaluated again for every outer row (the view w would be
# materialized once per statement, before the writes).
PLAIN_VALUE = ("(SELECT sum(amount) FROM src WHERE partner = o.k AND amount IS NOT NULL "
               "AND period_normalize(period) = %s)")
PLAIN_ROW = ("(SELECT v || '|' || ifnull(pv, '-') || '|' || ifnull(round(pct_change(v, pv), 9), '-')"
             " FROM (SELECT " + PLAIN_VALUE % "o.period" + " AS v, " +
             PLAIN_VALUE % "period_prior_year(o.period)" + " AS pv))")


def join_sql(path):
    """One row per outer row: the series table's and plain SQL's."""
    return ("SELECT o.n, " + ROW % ("y", "y", "y") + ", " + PLAIN_ROW +
            " FROM o CROSS JOIN y_%s AS y ON y.partner = o.k AND y.period = o.period" % path)


def writes(db, i):
    """The i-th write between two filters."""
    k = str(1 + i % 6)
    if i % 3 == 0:
        db.execute("UPDATE src SET amount = amount + 1000 WHERE partner = ?", (k,))
    elif i % 3 == 1:
        period = "%d-%02d" % (2024 + i // 12, 1 + i % 12)  # one i, one new period
        db.execute("INSERT INTO src VALUES (?, ?, ?)", (k, period, 50 + i))
        db.execute("INSERT INTO o(k, period) VALUES (?, ?)", (k, period))
    else:
        db.execute("DELETE FROM src WHERE partner = ? AND period = '2022-0%d'" % (1 + i % 6), (k,))


def check_join_written(db, path, label):
    """Rows of the join, the source written after each fetch."""
    cur = db.execute(join_sql(path))
    seen, changed, i = 0, set(), 0
    while True:
        row = cur.fetchone()
        if row is None:
            break
        seen += 1
        ok(row[1] == row[2], "%s, scan=%s: outer row %d gives %r, plain SQL %r"
           % (label, path, row[0], row[1], row[2]))
        changed.add(row[1])
        writes(db, i)
        i += 1
    ok(seen >= 30, "%s, scan=%s: only %d rows of the join came" % (label, path, seen))
    return seen


def all_rows(db, table, where="1", args=()):
    return db.execute("SELECT partner, period, " + ROW % ("t", "t", "t") +
                      " FROM %s AS t WHERE %s ORDER BY partner, period" % (table, where),
                      args).fetchall()


def same_as_plain(db, path, label, where="1", args=()):
    got = all_rows(db, "y_%s" % path, where, args)
    want = all_rows(db, "w", where, args)
    ok(got == want, "%s, scan=%s, WHERE %s %r: %d rows, plain SQL %d; first difference %r"
       % (label, path, where, args, len(got), len(want),
          next(((a, b) for a, b in zip(got, want) if a != b), None)))
    return got


def check_between_filters(db):
    for path in PATHS:
        make_source(db)
        make_outer(db)
        check_join_written(db, path, "autocommit writes between filters")
        make_source(db)
        make_outer(db)
        db.execute("BEGIN")
        before = None
        check_join_written(db, path, "writes between filters in a transaction")
        db.execute("ROLLBACK")
        same_as_plain(db, path, "after the rollback")
        before = all_rows(db, "w")
        ok(len(before) == 6 * 3 * 6, "the rollback left %d rows of w" % len(before))


def check_between_queries(db, path_db):
    other = common.connect(EXT, path_db, isolation_level=None, timeout=10)
    for path in PATHS:
        make_source(db)
        first = same_as_plain(db, path, "first query")
        db.execute("UPDATE src SET amount = amount * 3 WHERE partner IN ('2', '4')")
        second = same_as_plain(db, path, "after this connection's UPDATE")
        ok(first != second, "scan=%s: the UPDATE changed nothing the table shows" % path)
        other.execute("INSERT INTO src VALUES ('5', '2024-01', 7)")
        other.execute("DELETE FROM src WHERE partner = '1'")
        same_as_plain(db, path, "after another connection's INSERT and DELETE")
        db.execute("BEGIN")
        db.execute("UPDATE src SET amount = 1 WHERE partner = '3'")
        same_as_plain(db, path, "inside a transaction, after its UPDATE")
        db.execute("ROLLBACK")
        same_as_plain(db, path, "after the rollback")
    other.close()


SHAPES = [("partner IN ('1', '2')", ()), ("partner IN ('1', '2', '3')", ()),
          ("partner = ?", ("4",)), ("partner IN (?, ?)", ("2", "6")),
          ("period >= '2023-01'", ()), ("period < '2022-04' AND partner = '5'", ()),
          ("1", ()), ("partner IN ('1', '2')", ())]


def check_shapes(db):
    make_source(db)
    for path in PATHS:
        for where, args in SHAPES:
            same_as_plain(db, path, "WHERE shapes in turn", where, args)


def check_schema(db):
    make_source(db)
    for path in PATHS:
        same_as_plain(db, path, "before CREATE INDEX", "partner = '2'")
    db.execute("CREATE INDEX src_walk ON src(partner, period, amount)")
    for path in PATHS:
        same_as_plain(db, path, "after CREATE INDEX", "partner = '2'")
        same_as_plain(db, path, "after CREATE INDEX")
    db.execute("UPDATE src SET amount = amount + 5 WHERE partner = '2'")
    db.execute("DROP INDEX src_walk")
    for path in PATHS:
        same_as_plain(db, path, "after DROP INDEX", "partner = '2'")
        same_as_plain(db, path, "after DROP INDEX")
    # A column named preliminary: the query reads it from now on.
    for path in PATHS:
        flags = {r[0] for r in db.execute("SELECT preliminary FROM y_%s" % path)}
        ok(flags == {0}, "scan=%s: preliminary %r before the column exists" % (path, flags))
    db.execute("ALTER TABLE src ADD COLUMN preliminary INTEGER DEFAULT 1")
    for path in PATHS:
        flags = {r[0] for r in db.execute("SELECT preliminary FROM y_%s" % path)}
        ok(flags == {1}, "scan=%s: every figure preliminary after ADD COLUMN, the table shows %r"
           % (path, flags))
        same_as_plain(db, path, "after ADD COLUMN")
    db.execute("ALTER TABLE src RENAME COLUMN amount TO amt")
    for path in PATHS:
        try:
            db.execute("SELECT count(*) FROM y_%s" % path).fetchall()
            ok(False, "scan=%s: the value column renamed away, the query still answered" % path)
        except sqlite3.Error as e:
            ok("amount" in str(e), "scan=%s: the value column renamed away: %s" % (path, e))
    db.execute("ALTER TABLE src RENAME COLUMN amt TO amount")
    for path in PATHS:
        same_as_plain(db, path, "renamed back")
    # The same names, the series column now INTEGER: '3' finds partner 3
    # only through the column's affinity.
    make_source(db, key_type="INTEGER")
    # The tables declared partner TEXT when they were connected; SQLite
    # would re-check partner = '3' as text against INTEGER partners, so
    # they refuse, naming both affinities, until made again.
    for path in PATHS:
        try:
            db.execute("SELECT count(*) FROM y_%s WHERE partner = '3'" % path).fetchall()
            ok(False, "scan=%s: source made again with an INTEGER partner, the stale table answered"
               % path)
        except sqlite3.Error as e:
            ok("affinity TEXT" in str(e) and "affinity INTEGER" in str(e),
               "scan=%s: the stale declaration's error names both affinities: %s" % (path, e))
    for path in PATHS:
        db.execute("DROP TABLE y_%s" % path)
    make_tables(db)
    for path in PATHS:
        got = same_as_plain(db, path, "source made again, partner INTEGER", "partner = '3'")
        ok(len(got) == 18, "scan=%s: partner = '3' on an INTEGER column found %d rows"
           % (path, len(got)))
        same_as_plain(db, path, "source made again, partner INTEGER", "partner IN ('3', 4)")


def check_not_held(db, path_db):
    make_source(db)
    make_tables(db)  # the source is TEXT again: tables declared INTEGER would refuse
    make_outer(db)
    writer = sqlite3.connect(path_db, isolation_level=None, timeout=0)
    for path in PATHS:
        db.execute(join_sql(path)).fetchall()
        db.execute("SELECT * FROM y_%s WHERE partner = '1'" % path).fetchall()
        try:
            writer.execute("UPDATE src SET amount = amount + 1 WHERE partner = '6'")
            held = None
        except sqlite3.OperationalError as e:
            held = str(e)
        ok(held is None, "scan=%s: after queries read to their end, a writer fails: %s"
           % (path, held))
        cur = db.execute(join_sql(path))
        cur.fetchone()
        cur.fetchone()
        cur.close()
        try:
            writer.execute("UPDATE src SET amount = amount + 1 WHERE partner = '5'")
            held = None
        except sqlite3.OperationalError as e:
            held = str(e)
        ok(held is None, "scan=%s: after a join abandoned half-way, a writer fails: %s"
           % (path, held))
        same_as_plain(db, path, "after the other connection's writes")
    writer.close()
    # The connection itself: VACUUM refuses to run beside a statement in
    # progress, and DROP TABLE of a table one reads.
    db.execute("VACUUM")
    db.execute("DROP TABLE src")
    for path in PATHS:
        try:
            db.execute("SELECT count(*) FROM y_%s" % path).fetchall()
            ok(False, "scan=%s: the source dropped, the query still answered" % path)
        except sqlite3.Error as e:
            ok("no such table" in str(e), "scan=%s: the source dropped: %s" % (path, e))
    make_source(db)
    # Connected again while the source was missing (VACUUM reloads the
    # schema), the tables declared partner with no affinity: they refuse
    # the TEXT source until made again.
    for path in PATHS:
        try:
            db.execute("SELECT count(*) FROM y_%s" % path).fetchall()
            ok(False, "scan=%s: declared while the source was missing, the table answered" % path)
        except sqlite3.Error as e:
            ok("affinity none" in str(e) and "DROP and CREATE" in str(e),
               "scan=%s: declared while the source was missing: %s" % (path, e))
    make_tables(db)
    for path in PATHS:
        same_as_plain(db, path, "the source made again after VACUUM and DROP TABLE")


def main():
    with common.temp_db() as path_db:
        db = common.connect(EXT, path_db, isolation_level=None, timeout=10)
        db.execute("PRAGMA synchronous = OFF")  # locks as ever, no fsync per write
        make_source(db)
        make_tables(db)
        check_between_filters(db)
        check_between_queries(db, path_db)
        check_shapes(db)
        check_schema(db)
        check_not_held(db, path_db)
        db.close()
    print("probes-keep: %d checks passed (the source written between filters of a join and "
          "between queries, in and out of a transaction, by this connection and another; WHERE "
          "shapes; CREATE/DROP INDEX, ADD COLUMN, RENAME COLUMN, the source made again; no lock "
          "held after a query)" % CHECKS)


if __name__ == "__main__":
    main()
