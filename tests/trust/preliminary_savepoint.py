#!/usr/bin/python3
"""yoy_growth's `preliminary` read in a join after ROLLBACK TO.

The reproduction needs another statement run between two filters of one
cursor (a write inside a savepoint, then ROLLBACK TO), which the sqlite3
shell cannot interleave with the rows of a running SELECT: hence Python.

Input: parts a, b, c for 2022 and 2023, b's 2023 figure labelled
'2023 p)' (KOSIS's preliminary mark).  Every series' 2023 row rests on
b's preliminary figure through the total its share divides by, so
`preliminary` is 1 for all three (docs/design.md, "A row's preliminary
covers the totals in every query"; the same query run afresh says so).
A join reads g once per row of o.  Between two rows the application runs
SAVEPOINT sp; UPDATE s SET p = '2023' (the mark gone); the next rows of
the join are read (0, right then); ROLLBACK TO sp (the mark is back).
Every row read after the ROLLBACK TO must show 1, as the fresh query and
plain SQL (a 'p' label on a non-NULL value of the rows summed into 2023
or 2022) give.  It showed 0, a figure resting on a preliminary one shown
as final: the cursor kept the marks it read inside the savepoint, as
their key (source, settings, rowid bound, total_changes, data versions)
stays the same across a ROLLBACK TO, which undoes rows without moving
either count.  ext/growth/shares_marks.c (marks_key) now keeps no marks inside
a write transaction.

    /usr/bin/python3 tests/trust/preliminary_savepoint.py [EXT]   (make prelimsavepointtest)
"""
import sqlite3
import sys

ext = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
db = sqlite3.connect(":memory:", isolation_level=None)
db.enable_load_extension(True)
db.load_extension(ext)
db.enable_load_extension(False)
db.executescript("""
CREATE TABLE s(k TEXT, p TEXT, v INTEGER);
INSERT INTO s VALUES ('a', '2022', 60), ('b', '2022', 40), ('c', '2022', 10),
                     ('a', '2023', 60), ('b', '2023 p)', 60), ('c', '2023', 10);
CREATE TABLE o(k TEXT);
INSERT INTO o VALUES ('a'), ('c'), ('a'), ('c'), ('a'), ('c'), ('a'), ('c');
CREATE VIRTUAL TABLE g USING yoy_growth(source=s, value=v, period=p, by=k);
""")
PLAIN = ("SELECT count(*) > 0 FROM s WHERE v IS NOT NULL AND substr(p, 1, 4) IN ('2022', '2023')"
         " AND (p LIKE '%p)' OR p LIKE '% p')")
failed = 0


def check(row, when):
    global failed
    want = db.execute(PLAIN).fetchone()[0]
    if row[2] != want:
        failed += 1
        print("preliminary_savepoint: FAILED: row %d (%s) %s: preliminary %r, plain SQL %r"
              % (row[0], row[1], when, row[2], want))


for begin in (True, False):
    # Inside BEGIN ... COMMIT, and a SAVEPOINT opening the transaction
    # while the SELECT runs in autocommit mode.
    if begin:
        db.execute("BEGIN")
    # One row is stepped at a time (the sqlite3 module steps a row ahead
    # of fetchone, so each row is checked against the state it was read in).
    cur = db.execute("SELECT o.rowid, o.k, g.preliminary FROM o CROSS JOIN g"
                     " ON g.k = o.k AND g.period = '2023'")
    check(cur.fetchone(), "before the savepoint")          # row 2 read now too
    db.execute("SAVEPOINT sp")
    db.execute("UPDATE s SET p = '2023' WHERE p = '2023 p)'")
    cur.fetchone()                                          # row 2; row 3 read now
    check(cur.fetchone(), "read inside the savepoint")      # row 3; row 4 read now
    db.execute("ROLLBACK TO sp")
    cur.fetchone()                                          # row 4; row 5 read now
    for row in cur:                                         # rows 5..8, after ROLLBACK TO
        check(row, "read after ROLLBACK TO" + (" (BEGIN)" if begin else ""))
    db.execute("COMMIT" if begin else "RELEASE sp")
fresh = db.execute("SELECT k, preliminary FROM g WHERE period = '2023' ORDER BY k").fetchall()
if fresh != [("a", 1), ("b", 1), ("c", 1)]:
    failed += 1
    print("preliminary_savepoint: FAILED: fresh query %r" % fresh)
if failed:
    sys.exit(1)
print("preliminary_savepoint: preliminary after ROLLBACK TO as plain SQL says, 8 rows (BEGIN, SAVEPOINT alone)")
