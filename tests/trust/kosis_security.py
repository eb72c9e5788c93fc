#!/usr/bin/python3
"""kosis_csv under SQLite's security settings, used by the application
itself (views and triggers of a hostile schema are tests/trust/files.py):

 1. An authorizer that denies reading the shadow table: a query says the
    table cannot be read and why, as SQLite says it ("access to
    k_kosis.kind is prohibited"), not that the shadow table is missing
    or damaged; once the authorizer is gone, a
    new connection reads the table.
 2. PRAGMA query_only, a read-only (mode=ro) and an immutable database:
    a table created before is read (its sum is the file's), DROP TABLE is
    refused as a write, never as a damaged table.
 3. An authorizer that answers SQLITE_IGNORE for the value column gives
    NULL (SQLite's rule), never another column's figures.
Usage: /usr/bin/python3 tests/trust/kosis_security.py build/tradestat
"""
import os
import sqlite3
import sys
import tempfile

import common

EXT, _ = common.parse_args(sys.argv[1:])
TMP = tempfile.mkdtemp(prefix="ts_kosis_sec_")
CSV = os.path.join(TMP, "s.csv")
DB = os.path.join(TMP, "m.db")
with open(CSV, "w", encoding="utf-8") as f:
    f.write("지역,2019,2020\n서울,1,2\n부산,10,20\n")
failures, checks = [], 0


def connect(path, uri=False):
    return common.connect(EXT, path, uri=uri, isolation_level=None)


def run(db, sql):
    try:
        return ["ok"] + db.execute(sql).fetchall()
    except sqlite3.Error as e:
        return ["error: %s" % e]


def check(got, want, what):
    global checks
    checks += 1
    if got != want:
        failures.append(what)
        print("kosis_security: FAIL %s\n  want %r\n  got  %r" % (what, want, got))


db = connect(DB)
db.execute("CREATE VIRTUAL TABLE k USING kosis_csv(file='%s')" % CSV)
db.close()


def deny_shadow(action, a1, a2, dbname, trigger):
    if action == sqlite3.SQLITE_READ and a1 == "k_kosis":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


db = connect(DB)
db.set_authorizer(deny_shadow)
check(run(db, "SELECT sum(value) FROM k"),
      ['error: kosis_csv: its shadow table "k_kosis", which holds the file\'s path and columns,'
       ' cannot be read: access to k_kosis.kind is prohibited (table "k"; DROP TABLE k still works)'],
      "an authorizer denying the shadow table: the query says so")
db.close()
db = connect(DB)
check(run(db, "SELECT sum(value) FROM k"), ["ok", (33,)],
      "without the authorizer a new connection reads the table")
db.close()

for what, path, uri, pragma in (("PRAGMA query_only", DB, False, "PRAGMA query_only = 1"),
                                ("mode=ro", "file:%s?mode=ro" % DB, True, None),
                                ("immutable=1", "file:%s?immutable=1" % DB, True, None)):
    db = connect(path, uri)
    if pragma:
        db.execute(pragma)
    check(run(db, "SELECT sum(value) FROM k"), ["ok", (33,)], "%s: the table is read" % what)
    got = run(db, "DROP TABLE k")
    check(got[0].startswith("error: attempt to write a readonly database"), True,
          "%s: DROP TABLE is refused as a write (%s)" % (what, got[0]))
    db.close()


def ignore_value(action, a1, a2, dbname, trigger):
    if action == sqlite3.SQLITE_READ and a1 == "k" and a2 == "value":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


db = connect(DB)
db.set_authorizer(ignore_value)
check(run(db, "SELECT sum(value), count(period) FROM k"), ["ok", (None, 4)],
      "SQLITE_IGNORE on value: NULL figures, the other columns intact")
db.close()
print("kosis_security: %d checks, %d failed" % (checks, len(failures)))
sys.exit(1 if failures else 0)
