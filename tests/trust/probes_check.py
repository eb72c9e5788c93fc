#!/usr/bin/python3
"""What choosing the scan path asks of the source is asked once, and asked
again when the answer may have changed (docs/design.md, "Scan paths").

scan=auto asks the source what it is (an ordinary table, a view) and how
many rows it has (sqlite_stat1, else the largest rowid), and checks its
keys' collations, in xBestIndex and in every xFilter: once per outer row of a
join whose inner loop is the series table.  The table keeps the answers
(vtab/series_hash_plan.c) and drops them when the source's schema cookie,
or for the row count the data, moves.  The probe statements are seen with
the connection's trace callback (it reports the statements the extension
runs too; EXPLAIN ones excepted, so the row count's `max(s._rowid_)` and
the key check's `PRAGMA encoding` stand for them).  This checks:

  1. a join of 300 outer rows with the series table as its inner loop
     (CROSS JOIN), and a correlated subquery, ask the row count and the
     key check at most twice, not once per outer row, and answer as a
     plain-SQL copy does;
  2. an index that covers the walk, created between two queries on the
     same connection, or from a second connection, leaves the plan letter
     of EXPLAIN QUERY PLAN Sh and the next query's path (the
     tradestat_debug() counts) hash: the compact hash read beats that
     walk (docs/design.md, "Scan paths"); the source then made a view
     (renamed, a view of its name over it) turns Sh to Ss and the path to
     stream -- also for a statement prepared before, whose xFilter alone
     sees it (the source in an attached database its outer query never
     reads) -- and made a table again, back to Sh;
  3. sqlite_stat1 rewritten (20,000,000 rows) by this connection or by
     another turns the plan from Sh to Ss;
  4. a view and a virtual table (a series table) as the source are never
     probed (no row count asked, no statement that fails) and take the
     documented path: a view with series columns streams (its keys'
     collations are unknown), a view without and a virtual table read by
     hash; the answers equal scan=stream's.

    /usr/bin/python3 tests/trust/probes_check.py [build/tradestat]

Exits 1 at the first failure, saying what was expected and what came.
"""
import os
import re
import sqlite3
import sys
import tempfile

EXT = "build/tradestat"
CHECKS = 0


def fail(msg):
    print("probes: FAILED: " + msg)
    sys.exit(1)


def ok(cond, msg):
    global CHECKS
    CHECKS += 1
    if not cond:
        fail(msg)


def connect(path=":memory:"):
    db = sqlite3.connect(path, isolation_level=None, timeout=10)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    return db


def counts(db):
    lines = db.execute("SELECT tradestat_debug()").fetchone()[0].split("\n")
    line = next((x for x in lines if x.startswith("Scan paths:")), "")
    m = re.match(r"Scan paths: hash (\d+), stream (\d+), ", line)
    if not m:
        fail("tradestat_debug() has no scan path line: %r" % lines)
    return int(m.group(1)), int(m.group(2))


def plan(db, sql):
    # A new text each time: Python's statement cache would list the plan
    # of a statement prepared earlier (EXPLAIN is not planned again).
    plan.n = getattr(plan, "n", 0) + 1
    return " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN %s -- %d" % (sql, plan.n)))


def letter(db, sql):
    m = re.search(r"S([hsa])\b", plan(db, sql))
    return m.group(1) if m else None


class Traced:
    """The statements the connection runs while inside the block."""

    def __init__(self, db):
        self.db, self.seen = db, []

    def __enter__(self):
        self.db.set_trace_callback(self.seen.append)
        return self

    def __exit__(self, *exc):
        self.db.set_trace_callback(None)

    def count(self, needle):
        return sum(needle in s for s in self.seen)


def path_of(db, sql):
    """The path the query's scans took: 'hash', 'stream', or both."""
    h0, s0 = counts(db)
    rows = db.execute(sql).fetchall()
    h1, s1 = counts(db)
    return rows, ("hash" if h1 > h0 else "") + ("stream" if s1 > s0 else "")


def fill(db, table, keys, schema="main"):
    db.execute("CREATE TABLE %s.%s(k TEXT, period TEXT, v INTEGER)" % (schema, table))
    db.executemany("INSERT INTO %s.%s VALUES (?, ?, ?)" % (schema, table),
                   [(k, "%d-%02d" % (y, m), (y * 12 + m + ord(k[-1])) % 89)
                    for k in keys for y in (2022, 2023) for m in range(1, 13)])


def check_join():
    db = connect()
    fill(db, "src", ["k%d" % i for i in range(5)])
    db.execute("CREATE TABLE outer_rows(period TEXT)")
    db.executemany("INSERT INTO outer_rows VALUES (?)",
                   [("2023-%02d" % (1 + i % 12),) for i in range(300)])
    db.execute("CREATE VIRTUAL TABLE temp.g USING yoy_growth(source=src, value=v, "
               "period=period, by=k)")
    db.execute("CREATE VIEW plain AS SELECT a.k, a.period, a.v AS value, "
               "(a.v - b.v) * 100.0 / b.v AS growth FROM src a LEFT JOIN src b ON b.k = a.k "
               "AND b.period = printf('%d', substr(a.period, 1, 4) - 1) || substr(a.period, 5)")
    shapes = (
        ("join", "SELECT o.period, g.k, g.value, g.growth FROM outer_rows o CROSS JOIN g "
         "ON g.period = o.period ORDER BY 1, 2",
         "SELECT o.period, g.k, g.value, g.growth FROM outer_rows o CROSS JOIN plain g "
         "ON g.period = o.period ORDER BY 1, 2"),
        ("correlated subquery", "SELECT o.period, (SELECT sum(g.value) FROM g "
         "WHERE g.period = o.period) FROM outer_rows o ORDER BY 1",
         "SELECT o.period, (SELECT sum(g.value) FROM plain g WHERE g.period = o.period) "
         "FROM outer_rows o ORDER BY 1"),
    )
    for name, sql, want_sql in shapes:
        ok("SCAN o" in plan(db, sql).split("VIRTUAL TABLE")[0] or name != "join",
           "%s: the series table is not the inner loop: %r" % (name, plan(db, sql)))
        h0, _ = counts(db)
        with Traced(db) as t:
            got = db.execute(sql).fetchall()
        h1, _ = counts(db)
        ok(h1 - h0 >= 12, "%s: the inner loop was not filtered per outer row by hash (%d scans)"
           % (name, h1 - h0))
        rows_asked, keys_asked = t.count("max(s._rowid_)"), t.count("PRAGMA encoding")
        ok(rows_asked <= 2 and keys_asked <= 2,
           "%s: %d filters asked the row count %d times and the key check %d times "
           "(kept: at most twice)" % (name, h1 - h0, rows_asked, keys_asked))
        want = db.execute(want_sql).fetchall()
        ok(len(got) == len(want) and all(
            a[:-1] == b[:-1] and (a[-1] is None) == (b[-1] is None) and
            (a[-1] is None or abs(a[-1] - b[-1]) < 1e-9) for a, b in zip(got, want)),
           "%s: %d rows differ from the plain query's %d" % (name, len(got), len(want)))
    db.close()


def check_index(second):
    """The schema changed after the answers were kept: an index covering
    the walk (it changes no path: the compact hash read beats that walk,
    docs/design.md), then the source made a view (its keys' collations
    unknown: the stream), then a table again."""
    d = tempfile.mkdtemp(prefix="probes")
    path = os.path.join(d, "src.db")
    db = connect(path)
    fill(db, "cov", "cab")
    db.execute("CREATE INDEX cov_kp ON cov(k, period)")  # seeks a row per entry
    db.execute("CREATE VIRTUAL TABLE temp.a USING yoy_growth(source=cov, value=v, "
               "period=period, by=k)")
    # The same source in an attached database, under a table in temp: a
    # statement on temp.b is not re-prepared when aux's schema changes, so
    # its next xFilter alone must see the change.
    db.execute("ATTACH ? AS aux", (os.path.join(d, "aux.db"),))
    fill(db, "cov", "cab", schema="aux")
    db.execute("CREATE VIRTUAL TABLE temp.b USING yoy_growth(source='aux.cov', value=v, "
               "period=period, by=k)")
    db.execute("CREATE VIRTUAL TABLE temp.s USING yoy_growth(source=cov, value=v, "
               "period=period, by=k, scan=stream)")
    qa = "SELECT k, period, value, growth FROM temp.a"
    qb = "SELECT k, period, value, growth FROM temp.b"
    want = db.execute("SELECT k, period, value, growth FROM temp.s").fetchall()
    other = connect(path) if second else db
    if second:
        other.execute("ATTACH ? AS aux", (os.path.join(d, "aux.db"),))
    who = "a second connection" if second else "the same connection"
    for q in (qa, qb):
        ok(letter(db, q) == "h", "before the index: plan %r" % plan(db, q))
        rows, path_taken = path_of(db, q)
        ok(path_taken == "hash" and rows == want, "before the index: %s" % path_taken)
    other.execute("CREATE INDEX cov_kpv ON cov(k, period, v)")
    other.execute("CREATE INDEX aux.cov_kpv ON cov(k, period, v)")
    for q in (qa, qb):
        rows, path_taken = path_of(db, q)
        ok(path_taken == "hash" and rows == want,
           "covering index created by %s: the query took %r (want hash)" % (who, path_taken))
        ok(letter(db, q) == "h", "covering index created by %s: plan %r (want Sh)"
           % (who, plan(db, q)))
    # The source becomes a view.  qb's statement stays in the connection's
    # statement cache (Python keeps it prepared): run again, it is not
    # planned again (aux is not a schema it reads), and its xFilter must
    # see that the kept answers (an ordinary table, keys BINARY) are gone.
    for schema in ("main", "aux"):
        other.execute("ALTER TABLE %s.cov RENAME TO cov_data" % schema)
        other.execute("CREATE VIEW %s.cov AS SELECT k, period, v FROM cov_data" % schema)
    h0, s0 = counts(db)
    rows = db.execute(qb).fetchall()
    h1, s1 = counts(db)
    ok((h1 - h0, s1 - s0) == (0, 1) and rows == want,
       "source made a view by %s: the statement prepared before it took hash %d, stream %d "
       "(want the stream)" % (who, h1 - h0, s1 - s0))
    # The path first: a plan made while this connection holds the schema
    # from before another connection's change (SQLite loads it again when
    # a statement next reads that database, which a planner call cannot
    # make it do) shows the default letter, as SQLite's own plans are those
    # of the schema it holds; each xFilter decides anew.
    for q in (qa, qb):
        rows, path_taken = path_of(db, q)
        ok(path_taken == "stream" and rows == want,
           "source made a view by %s: the query took %r" % (who, path_taken))
        ok(letter(db, q) == "s", "source made a view by %s: plan %r (want Ss)"
           % (who, plan(db, q)))
    # And back: a table again, the hash path again.
    other.execute("DROP VIEW cov")
    other.execute("ALTER TABLE cov_data RENAME TO cov")
    rows, path_taken = path_of(db, qa)
    ok(path_taken == "hash" and rows == want, "a table again by %s: the query took %r"
       % (who, path_taken))
    ok(letter(db, qa) == "h", "a table again by %s: plan %r" % (who, plan(db, qa)))
    if second:
        other.close()
    db.close()


def check_rows(second):
    """sqlite_stat1 rewritten: a row count past the compact cap streams."""
    d = tempfile.mkdtemp(prefix="probes")
    path = os.path.join(d, "src.db")
    db = connect(path)
    fill(db, "big", "abc")
    db.execute("ANALYZE big")
    db.execute("CREATE VIRTUAL TABLE temp.p USING annual_projection(source=big, value=v, "
               "period=period, by=k, method=prior_share, through=H1)")
    q = "SELECT k, year, ytd, projection FROM temp.p"
    ok(letter(db, q) == "h", "72 rows by sqlite_stat1: plan %r (want Sh)" % plan(db, q))
    db.execute(q).fetchall()  # the answers kept
    other = connect(path) if second else db
    other.execute("UPDATE sqlite_stat1 SET stat = '20000000' WHERE tbl = 'big' AND idx IS NULL")
    who = "a second connection" if second else "the same connection"
    ok(letter(db, q) == "s", "20,000,000 rows by sqlite_stat1 written by %s: plan %r (want Ss)"
       % (who, plan(db, q)))
    other.execute("UPDATE sqlite_stat1 SET stat = '72' WHERE tbl = 'big' AND idx IS NULL")
    ok(letter(db, q) == "h", "72 rows again by %s: plan %r" % (who, plan(db, q)))
    if not second:  # written and not committed yet: no commit moved the data version
        db.execute("BEGIN")
        db.execute("UPDATE sqlite_stat1 SET stat = '20000000' WHERE tbl = 'big' AND idx IS NULL")
        ok(letter(db, q) == "s", "20,000,000 rows in an open transaction: plan %r (want Ss)"
           % plan(db, q))
        db.execute("ROLLBACK")
        ok(letter(db, q) == "h", "rolled back: plan %r (want Sh)" % plan(db, q))
    if second:
        other.close()
    db.close()


def check_not_probed():
    """A view or a virtual table as the source: never probed, the default."""
    db = connect()
    fill(db, "base", "abc")
    db.execute("CREATE VIEW vw AS SELECT k, period, v FROM base")
    db.execute("CREATE VIEW vw1 AS SELECT period, v FROM base WHERE k = 'a'")
    db.execute("CREATE VIRTUAL TABLE g0 USING yoy_growth(source=base, value=v, period=period, "
               "by=k)")
    cases = (
        ("a view with series columns", "source=vw, value=v, by=k", "s", "k, "),
        ("a view without", "source=vw1, value=v", "h", ""),
        ("a virtual table (a series table)", "source=g0, value=value, by=k", "h", "k, "),
    )
    for i, (name, args, want_letter, cols) in enumerate(cases):
        for mode in ("auto", "stream"):
            db.execute("CREATE VIRTUAL TABLE temp.n%d_%s USING yoy_growth(%s, period=period, "
                       "scan=%s)" % (i, mode, args, mode))
        q = "SELECT %speriod, value, growth FROM temp.n%d_%%s" % (cols, i)
        with Traced(db) as t:
            shown = letter(db, q % "auto")
            rows, path_taken = path_of(db, q % "auto")
        ok(shown == want_letter, "%s: plan %r (want S%s)" % (name, plan(db, q % "auto"),
                                                            want_letter))
        ok(path_taken == {"h": "hash", "s": "stream"}[want_letter],
           "%s: the query took %r" % (name, path_taken))
        ok(t.count("max(s._rowid_)") == 0 and t.count("sqlite_stat1") == 0,
           "%s: probed: %r" % (name, [s for s in t.seen if "rowid" in s or "stat1" in s]))
        ok(rows == db.execute(q % "stream").fetchall() and len(rows) > 0,
           "%s: scan=auto and scan=stream differ" % name)
    db.close()


def main():
    global EXT
    if len(sys.argv) > 1:
        EXT = sys.argv[1]
    check_join()
    for second in (False, True):
        check_index(second)
        check_rows(second)
    check_not_probed()
    print("probes: %d checks passed (a join and a correlated subquery ask once; a covering "
          "index keeps the hash path; the source made a view, or sqlite_stat1 changed, by this "
          "connection or another changes the plan; a view and a virtual table are not probed)"
          % CHECKS)


if __name__ == "__main__":
    main()
