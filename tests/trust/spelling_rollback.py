#!/usr/bin/python3
"""Series spellings across every way back of a transaction.

A series table shows a series with the spelling of the first row it
read and keeps that spelling from one query to the next while nothing it
watches moves (vtab/series_rowid_mark.c).  A ROLLBACK TO, a ROLLBACK followed
by BEGIN IMMEDIATE, an INSERT OR ROLLBACK then a new transaction: each
takes a respelling (UPDATE ... SET k = 'A' under NOCASE) back out of the
source and moves neither the count of changes nor the transaction
state, and the table showed the spelling no row holds any more (tests/
sql/key_spelling_rollback_reopen.sql).  This suite runs seeded random
sequences of BEGIN, BEGIN IMMEDIATE, SAVEPOINT, respelling UPDATEs,
ROLLBACK TO, RELEASE, ROLLBACK, INSERT OR ROLLBACK and COMMIT, and after
each step reads every spelling each table shows (yoy_growth on both
scan paths, its table-valued form, trade_imbalance, annual_projection):
each must be a spelling some row of the source holds now, compared byte
for byte.  Each query runs to its end (a statement left half-read across
a ROLLBACK TO is a documented limit: docs/design.md).

    /usr/bin/python3 tests/trust/spelling_rollback.py [EXT] [--seed N] [--worlds N]
    (make spellingrollbacktest)
"""
import random
import sqlite3
import sys

import common

TABLES = [
    ("g_hash", "SELECT DISTINCT k FROM g_hash"),
    ("g_stream", "SELECT DISTINCT k FROM g_stream"),
    ("table-valued", "SELECT DISTINCT series FROM yoy_growth('t', 'v', 'p', 'k')"),
    ("trade_imbalance", "SELECT DISTINCT k FROM ti"),
    ("annual_projection", "SELECT DISTINCT k FROM ap"),
]


def world(ext, rng, stats, fails):
    db = common.connect(ext, isolation_level=None)
    db.executescript("""
        CREATE TABLE t(k TEXT COLLATE NOCASE, p TEXT, v INTEGER, im INTEGER);
        CREATE TABLE once(x INTEGER PRIMARY KEY);
        INSERT INTO once VALUES (1);
        CREATE VIRTUAL TABLE g_hash USING yoy_growth(source=t, value=v, period=p, by=k, scan=hash);
        CREATE VIRTUAL TABLE g_stream USING yoy_growth(source=t, value=v, period=p, by=k,
          scan=stream);
        CREATE VIRTUAL TABLE ti USING trade_imbalance(source=t, period=p, exports=v, imports=im,
          by=k);
        CREATE VIRTUAL TABLE ap USING annual_projection(source=t, value=v, period=p, by=k,
          method=run_rate, through=Q1);
    """)
    db.executemany("INSERT INTO t VALUES (?, ?, ?, ?)",
                   [(k, "%d-Q1" % y, rng.randint(1, 9), rng.randint(1, 9))
                    for k in "ab" for y in (2021, 2022, 2023)])
    saves = 0
    log = []
    for _ in range(40):
        intx = db.in_transaction
        ops = ["update", "update", "update", "query", "savepoint"]
        ops += ["commit", "rollback", "or_rollback"] if intx else ["begin", "begin_immediate"]
        if saves:
            ops += ["rollback_to", "rollback_to", "release"]
        op = rng.choice(ops)
        log.append(op)
        if op == "update":
            k = rng.choice("ab")
            db.execute("UPDATE t SET k = ? WHERE k = ?", (rng.choice([k.upper(), k]), k))
        elif op == "begin":
            db.execute("BEGIN")
        elif op == "begin_immediate":
            db.execute("BEGIN IMMEDIATE")
        elif op == "commit":
            db.execute("COMMIT")
        elif op == "rollback":
            db.execute("ROLLBACK")
        elif op == "or_rollback":
            try:
                db.execute("INSERT OR ROLLBACK INTO once VALUES (1)")
            except sqlite3.IntegrityError:
                pass
        elif op == "savepoint":
            db.execute("SAVEPOINT s%d" % saves)
            saves += 1
        elif op == "rollback_to":
            db.execute("ROLLBACK TO s%d" % (saves - 1))
        elif op == "release":
            db.execute("RELEASE s%d" % (saves - 1))
            saves -= 1
        if not db.in_transaction:
            saves = 0
        held = set(r[0] for r in db.execute("SELECT k FROM t"))
        for name, sql in TABLES:
            shown = set(r[0] for r in db.execute(sql))
            stats["checks"] += 1
            if not shown <= held:
                fails.append((name, sorted(shown - held), sorted(held), log[-6:]))
    db.close()


def main():
    ext, opt = common.parse_args(sys.argv[1:], numbers={"seed": 1, "worlds": 40})
    stats, fails = {"checks": 0}, []
    for s in range(opt["seed"], opt["seed"] + opt["worlds"]):
        world(ext, random.Random(s), stats, fails)
    print("spelling_rollback: %d reads of 5 tables' spellings, %d show one no row holds" %
          (stats["checks"], len(fails)))
    for name, extra, held, log in fails[:6]:
        print("   %s shows %r; the source holds %r; after %s" % (name, extra, held, " ".join(log)))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
