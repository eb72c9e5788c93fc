#!/usr/bin/python3
"""annual_projection's pre-pass keeps a bounded amount of memory, and the
bound never changes an answer.

A series' grid spans its first to last year whatever its rows, so a
source whose series have two rows each, in years 1 and 9999, makes about
4 MB of grid and backtest per series.  The pre-pass keeps those of
holt_winters, theta and auto for the main scan; it keeps at most
TS_PROJ_KEEP_BYTES (64 MiB) of them, and a series past the budget is
backtested again when needed.

  bound    SQLite's own count of the memory allocated at the peak of the
           query (sqlite3_memory_highwater, through the same libsqlite3
           the sqlite3 module uses) on such a source of 200 series (400
           rows) stays under 192 MiB for auto, holt_winters and theta
           (keeping every series would take about 850 MiB), and grows by
           less than 16 MiB from 50 series to 200.
  answers  every row of auto, holt_winters and theta (SELECT *: the
           intervals and notes need the pre-pass) is the same, bit for
           bit, from this build and from a build with a budget of
           256 KiB (-DTS_PROJ_KEEP_BYTES=262144, passed as the second
           argument): on a realistic source (60 monthly series over 20
           years with gaps, so the budget falls among them), on the
           hostile one, under a WHERE, in a join and with through=H1.
           The small budget must show in that build's peak on the
           hostile source, or the comparison could not fail.
  reconcile=  needs every part's backtest at once, so it keeps them all:
           under sqlite3_hard_heap_limit64(96 MiB) 40 hostile parts
           (about 175 MiB) end in an out-of-memory error, not a crash,
           and the connection answers again once the limit is lifted.

    /usr/bin/python3 tests/trust/projection_memory.py build/tradestat \\
        build/projmem/tradestat
"""
import ctypes
import random
import sqlite3
import sys

import common

fail = common.failer("projmemtest")
MiB = 1 << 20

LIB = ctypes.CDLL("libsqlite3.so.0")
LIB.sqlite3_memory_highwater.restype = ctypes.c_int64
LIB.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
LIB.sqlite3_memory_used.restype = ctypes.c_int64
LIB.sqlite3_hard_heap_limit64.restype = ctypes.c_int64
LIB.sqlite3_hard_heap_limit64.argtypes = [ctypes.c_int64]


def check_same_library(ext):
    """The counters read must be the sqlite3 module's: a blob it stores
    must move them."""
    db = common.connect(ext)
    before = LIB.sqlite3_memory_used()
    db.execute("create table b(x)")
    db.execute("insert into b values (zeroblob(4000000))")
    blob = db.execute("select x from b").fetchone()
    if LIB.sqlite3_memory_used() - before < 1000000:
        fail("libsqlite3.so.0 is not the library the sqlite3 module runs on")
    del blob
    db.close()


def hostile(db, n):
    db.execute("create table t(partner, period, amount)")
    rows = []
    for i in range(n):
        rows += [("p%03d" % i, "0001-01", 10 + i), ("p%03d" % i, "9999-01", 20 + i)]
    db.executemany("insert into t values (?,?,?)", rows)


def realistic(db, seed=7):
    rnd = random.Random(seed)
    db.execute("create table t(partner, period, amount)")
    rows = []
    for i in range(60):
        level = rnd.uniform(50, 5000)
        for year in range(2005, 2025):
            for month in range(1, 13):
                if year == 2024 and month > 7:
                    break
                if rnd.random() < 0.04:
                    continue  # a gap
                level *= rnd.uniform(0.97, 1.035)
                season = 1 + 0.2 * ((month * 7 + i) % 12) / 12
                rows.append(("p%02d" % i, "%04d-%02d" % (year, month),
                             round(level * season, 2)))
    db.executemany("insert into t values (?,?,?)", rows)


def peak(ext, fill, query):
    """Bytes SQLite allocated at the query's peak over what was in use
    before it."""
    db = common.connect(ext)
    fill(db)
    base = LIB.sqlite3_memory_used()
    LIB.sqlite3_memory_highwater(1)
    rows = db.execute(query).fetchall()
    top = LIB.sqlite3_memory_highwater(0)
    db.close()
    if not rows:
        fail("no rows from %s" % query)
    return top - base


def check_reconcile_limit(ext):
    db = common.connect(ext)
    hostile(db, 40)
    db.execute("insert into t values ('Total', '0001-01', 5), ('Total', '9999-01', 7)")
    db.execute("create virtual table o using annual_projection(source=t, value=amount, "
               "period=period, by=partner, reconcile='partner=Total')")
    db.commit()  # out of memory rolls back an open transaction (SQLite's rule)
    query = "select count(*), sum(projection), count(note) from o"
    LIB.sqlite3_hard_heap_limit64(96 * MiB)
    try:
        db.execute(query).fetchall()
        fail("reconcile= over 40 hostile parts ran within 96 MiB: is the note of "
             "docs/design.md still true?")
    except MemoryError:
        pass
    except sqlite3.Error as e:
        if "memory" not in str(e):
            fail("reconcile= under a heap limit: %s" % e)
    finally:
        LIB.sqlite3_hard_heap_limit64(0)
    if db.execute(query).fetchone()[0] != 82:
        fail("reconcile= after the heap limit: not 82 rows")
    db.close()
    print("projmemtest: reconcile= over 40 hostile parts: out of memory under a 96 MiB "
          "heap limit, 82 rows without")


def tvf(method):
    return ("select * from annual_projection('t', 'amount', 'period', 'partner', '%s')"
            % method)


def queries(method):
    return [
        tvf(method),
        tvf(method) + " where series in ('p01', 'p17', 'p017', 'p029') and year >= 2015",
        "select a.* from (select distinct partner as name from t) p join (%s) a "
        "on a.series = p.name" % tvf(method),
        "select * from outlook",
    ]


def answers(ext, fill, method):
    db = common.connect(ext)
    fill(db)
    db.execute("create virtual table outlook using annual_projection(source=t, "
               "value=amount, period=period, by=partner, method=%s, through=H1)" % method)
    out = [db.execute(q).fetchall() for q in queries(method)]
    db.close()
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: projection_memory.py EXTENSION SMALL_BUDGET_EXTENSION")
    ext, small = sys.argv[1], sys.argv[2]
    check_same_library(ext)

    query = "select count(*), count(note), sum(low), sum(projection) from (%s)"
    for method in ("auto", "holt_winters", "theta"):
        big = peak(ext, lambda db: hostile(db, 200), query % tvf(method))
        few = peak(ext, lambda db: hostile(db, 50), query % tvf(method))
        print("projmemtest: %s, 50 / 200 two-row series over 9,999 years: "
              "peak %.1f / %.1f MiB" % (method, few / MiB, big / MiB))
        if big > 192 * MiB:
            fail("%s: peak %.1f MiB on 400 rows, over 192 MiB" % (method, big / MiB))
        if big - few > 16 * MiB:
            fail("%s: peak grows by %.1f MiB from 50 to 200 series"
                 % (method, (big - few) / MiB))

    normal = peak(ext, lambda db: hostile(db, 30), query % tvf("auto"))
    tiny = peak(small, lambda db: hostile(db, 30), query % tvf("auto"))
    print("projmemtest: auto, 30 hostile series: peak %.1f MiB, %.1f MiB with a "
          "256 KiB budget" % (normal / MiB, tiny / MiB))
    if tiny + 32 * MiB > normal:
        fail("the small-budget build keeps as much as the normal one: "
             "is %s built with -DTS_PROJ_KEEP_BYTES=262144?" % small)

    n_rows = 0
    for name, fill in (("realistic", realistic), ("hostile", lambda db: hostile(db, 30))):
        for method in ("auto", "holt_winters", "theta"):
            a = answers(ext, fill, method)
            b = answers(small, fill, method)
            for q, ra, rb in zip(queries(method), a, b):
                if not ra:
                    fail("%s, %s: no rows from %s" % (name, method, q))
                if ra != rb:
                    diff = next(i for i, (x, y) in enumerate(zip(ra + [None], rb + [None]))
                                if x != y)
                    fail("%s, %s: the budget changed an answer of %s: row %d %r != %r"
                         % (name, method, q, diff, ra[diff] if diff < len(ra) else None,
                            rb[diff] if diff < len(rb) else None))
                n_rows += len(ra)
    print("projmemtest: %d rows the same with a 256 KiB budget" % n_rows)
    check_reconcile_limit(ext)


main()
