#!/usr/bin/python3
"""What a series table keeps between statements never answers a later one.

A statement that writes while it reads a series table on its source reads
the source as it was before its first write (series_snapshot.c): the
table keeps, for that statement's run, the largest rowid the source had at
its first read.  A statement that writes also stays "running" while an
application holds it half-read: an INSERT ... RETURNING whose first row was
fetched (Python's `cur.execute(...).fetchone()`) does all its writing in
that first step and is reset only when the cursor is used again.  Every
read-only query of the connection meanwhile found that running writer,
took the snapshot, and kept it for as long as the writer stayed pending
and the connection's count of changes stood still -- which it does for
rows written by another pending INSERT ... RETURNING and for CREATE TABLE
... AS.  The later queries then silently left out every row past the
first bound: a whole series missing from a read-only SELECT.

Each check compares the series table with the same figures computed in
plain SQL (a self-join on the period a year earlier) in the same state.

    /usr/bin/python3 tests/trust/cache_state.py [build/tradestat]
"""
import sys

import common

EXT = sys.argv[1] if len(sys.argv) > 1 else common.DEFAULT_EXT
fail = common.failer("cache_state")

# yoy_growth's rows in plain SQL: value, prior value a year earlier, growth.
PLAIN = """SELECT c.k, c.p, c.v, q.v, round(100.0 * (c.v - q.v) / q.v, 9)
  FROM {s} c LEFT JOIN {s} q ON q.k = c.k AND q.p = printf('%04d', c.p - 1)
 ORDER BY 1, 2"""
CREATE_FORM = ("SELECT k, period, value, prior_value, round(growth, 9) FROM g "
               "ORDER BY 1, 2")
TABLE_VALUED = ("SELECT series, period, value, prior_value, round(growth, 9) "
                "FROM yoy_growth('s', 'v', 'p', 'k') ORDER BY 1, 2")


def setup():
    db = common.connect(EXT, isolation_level=None)
    db.execute("CREATE TABLE s(k TEXT, p TEXT, v INTEGER)")
    db.execute("CREATE TABLE log(msg TEXT)")
    db.execute("CREATE VIRTUAL TABLE g USING yoy_growth(source=s, value=v, period=p, by=k)")
    return db


def same(db, tag, query, source="s"):
    got = db.execute(query).fetchall()
    want = db.execute(PLAIN.format(s=source)).fetchall()
    if got != want:
        fail("%s: the series table gave %r, plain SQL %r" % (tag, got, want))
    return len(got)


def two_pending_writers(query):
    """A pending INSERT ... RETURNING into another table, a read, then a
    second pending one into the source: the next read must see its rows
    (series b, 10 -> 15: 50 %); it left series b out."""
    db = setup()
    add = "INSERT INTO s(k, p, v) VALUES (?, ?, ?), (?, ?, ?) RETURNING rowid"
    db.execute(add, ("a", "2022", 100, "a", "2023", 110)).fetchall()
    log = db.execute("INSERT INTO log(msg) VALUES ('read'), ('more') RETURNING rowid")
    log.fetchone()  # pending: its second row is never fetched
    same(db, "a read under a pending writer", query)
    pending = db.execute(add, ("b", "2022", 10, "b", "2023", 15))
    pending.fetchone()  # pending too: its rows are in s
    n = same(db, "rows of a second pending INSERT ... RETURNING", query)
    if n != 4:
        fail("expected the 4 rows of series a and b, got %d" % n)
    log.fetchall()
    pending.fetchall()
    same(db, "once no writer is pending", query)


def temp_table_as(query):
    """A pending writer, a read, then CREATE TEMP TABLE s AS ... (the
    unqualified name now reads it): the next read must see its rows."""
    db = setup()
    db.executemany("INSERT INTO s VALUES (?, ?, ?)",
                   [("a", "2022", 100), ("a", "2023", 110), ("b", "2022", 10), ("b", "2023", 20)])
    log = db.execute("INSERT INTO log(msg) VALUES ('read'), ('more') RETURNING rowid")
    log.fetchone()
    same(db, "a read under a pending writer", query)
    db.execute("CREATE TEMP TABLE s AS SELECT * FROM main.s "
               "UNION ALL VALUES ('c', '2022', 1), ('c', '2023', 3)")
    n = same(db, "a TEMP table made with CREATE TABLE ... AS", query, "temp.s")
    if n != 6:
        fail("expected the 6 rows of series a, b and c, got %d" % n)


def upsert_beside_pending_writer():
    """An UPSERT into the source over a join (tests/sql/write_rewrite.sql)
    while a newer-prepared INSERT ... RETURNING into another table is
    pending: the UPSERT, not the pending one, decides
    how the source is read.  Two outer rows, each writing a's values
    doubled from the values before the statement: 200 and 220 (400 and
    440 when the second filter reads the first's writes)."""
    db = common.connect(EXT, isolation_level=None)
    db.execute("CREATE TABLE s(k TEXT, p TEXT, v INTEGER, UNIQUE(k, p))")
    db.execute("CREATE TABLE log(msg TEXT)")
    db.execute("CREATE TABLE x(k TEXT)")
    db.executemany("INSERT INTO x VALUES (?)", [("a",), ("a",)])
    db.execute("CREATE VIRTUAL TABLE g USING yoy_growth(source=s, value=v, period=p, by=k)")
    upsert = ("INSERT INTO s(k, p, v) SELECT g.k, g.period, g.value * 2 FROM x CROSS JOIN g "
              "WHERE g.k = x.k ON CONFLICT(k, p) DO UPDATE SET v = excluded.v")
    db.execute(upsert)  # prepared first: the pending writer below is the newer statement
    db.executemany("INSERT INTO s VALUES (?, ?, ?)", [("a", "2022", 100), ("a", "2023", 110)])
    log = db.execute("INSERT INTO log(msg) VALUES ('read'), ('more') RETURNING rowid")
    log.fetchone()
    db.execute(upsert)
    got = db.execute("SELECT p, v FROM s ORDER BY p").fetchall()
    if got != [("2022", 200), ("2023", 220)]:
        fail("an UPSERT into the source beside a pending writer stored %r, plain SQL "
             "[('2022', 200), ('2023', 220)]" % got)
    log.fetchall()


def main():
    upsert_beside_pending_writer()
    two_pending_writers(CREATE_FORM)
    two_pending_writers(TABLE_VALUED)
    temp_table_as(TABLE_VALUED)
    print("cache_state: reads under a pending INSERT ... RETURNING see every row the "
          "connection wrote (a second pending writer, CREATE TABLE ... AS); an UPSERT "
          "beside it reads the source as before its first write")


main()
