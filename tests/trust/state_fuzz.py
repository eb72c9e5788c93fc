#!/usr/bin/python3
"""What a series table keeps between queries, against a table made fresh.

A series table keeps state between its queries for speed: the source
query's statements and the hash pass's, the source's shape (declared
affinities, a "preliminary" column), the probes that choose the scan
path, series key ids and collation classes, and, while a statement that
writes is running, the snapshot of the source it reads.  Each is dropped
when what it depends on moves.  This suite moves those things at random
and asks, after each move, whether the tables that lived through every
move still answer as a table created just now does, in the same
connection and state: a stale cache is a difference.

One connection holds CREATE-form tables of yoy_growth, trade_imbalance and
annual_projection (streamed, by hash and auto; in main and in temp) over a
table s in a WAL database.  A step is one move, made

  - by this connection, by another connection, inside a savepoint that is
    then rolled back (checked inside and after), or while a query of a
    kept table is half read;
  - or with INSERT ... RETURNING statements left pending (their first row
    fetched, so they stay running), into s or into another table, and the
    move made while they are;

and the moves are: rows inserted, updated and deleted; an index created
or dropped; ANALYZE, sqlite_stat1 written by hand; s dropped and made
again with other types, collations, a "preliminary" column or WITHOUT
ROWID; ALTER TABLE ADD COLUMN preliminary and its values flipped; a TEMP
table named s (which the temp tables then read); PRAGMA
reverse_unordered_selects and case_sensitive_like.  After each, queries
with bound parameters (series equalities and IN lists, period and year
bounds of several types) run on a kept table and on a fresh TEMP table
with the same arguments (source=main.s for a main table), and must give
the same rows, or the same error.

A kept table over a source made again with another collation declares
its series columns as they were when it was connected; it must then
answer with an error naming both collations (tests/sql/
connected_collation.sql), and is dropped and created again as the error
says, so later steps test it again.

    /usr/bin/python3 tests/trust/state_fuzz.py [build/tradestat] [--seed N] [--seeds N] [--steps N]
"""
import collections
import os
import random
import re
import shutil
import sqlite3
import sys
import tempfile

# a CREATE-form table over a source made again with another collation
STALE = re.compile(r"declared with collation (\S+) and affinity (\S+) when the table was "
                   r"connected, but source column \S+ is now (\S+) with affinity (\S+);")

import common

EXT, OPT = common.parse_args(sys.argv[1:], numbers={"seed": 1, "seeds": 4, "steps": 40})
fail = common.failer("state_fuzz")

TABLES = [
    ("y_a", "yoy_growth", "source=s, value=v, period=p, by='k, flow', grain=quarter, scan=auto",
     "k, flow, period, value, prior_value, growth, ytd_value, preliminary, note", "period"),
    ("y_h", "yoy_growth", "source=s, value=v, period=p, by='k, flow', grain=quarter, scan=hash",
     "k, flow, period, value, prior_value, growth, ytd_value, preliminary, note", "period"),
    ("y_m", "yoy_growth", "source=s, value=v, period=p, by='k, flow'",
     "k, flow, period, value, prior_value, growth, ytd_growth, preliminary, note", "period"),
    ("y_s", "yoy_growth", "source=s, value=v, period=p, by='k, flow', scan=stream",
     "k, flow, period, value, prior_value, growth, share, preliminary, note", "period"),
    ("t_y", "trade_imbalance",
     "source=s, value=v, period=p, flow=flow, export_label=X, import_label=M, by=k, grain=year",
     "k, period, exports, imports, balance, prior_balance, note", "period"),
    ("p_r", "annual_projection", "source=s, value=v, period=p, by='k, flow', method=run_rate",
     "k, flow, year, ytd, projection, actual, low, high, note", "year"),
    ("p_q", "annual_projection",
     "source=s, value=v, period=p, by='k, flow', grain=quarter, method=snaive",
     "k, flow, year, ytd, projection, actual, low, high, note", "year"),
]
# (WHERE, parameters, uses a series equality); {pc} is the period column
WHERES = [("", (), 0), ("AND k = ?", ("a",), 1), ("AND k = ?", ("b",), 1),
          ("AND k IN (?, ?)", ("a", "c"), 1), ("AND {pc} >= ?", ("2023",), 0),
          ("AND {pc} >= ?", (2023,), 0), ("AND {pc} < ?", ("2022",), 0),
          ("AND k = ? AND {pc} >= ?", ("c", "2024"), 1)]
SOURCES = [
    "k TEXT, p TEXT, flow TEXT, v INTEGER",
    "k TEXT COLLATE NOCASE, p TEXT, flow TEXT, v INTEGER, preliminary INTEGER DEFAULT 1",
    "k TEXT, p TEXT, flow TEXT, v REAL, PRIMARY KEY(k, flow, p)",
    "k TEXT COLLATE RTRIM, p TEXT, flow TEXT COLLATE NOCASE, v NUMERIC",
]


class Run:
    def __init__(self, seed, path):
        self.seed, self.r = seed, random.Random(seed)
        self.db = common.connect(EXT, path, isolation_level=None)
        self.other = common.connect(EXT, path, isolation_level=None)
        for con in (self.db, self.other):
            con.execute("PRAGMA synchronous = OFF")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.rows = [(k, "%04d-%02d" % (y, m), flow, self.r.randint(1, 500))
                     for k in "abc" for flow in "XM" for y in range(2019, 2025)
                     for m in range(1, 13) if not (y == 2024 and m > 5) and self.r.random() > 0.05]
        self.make_source(self.db, 0)
        self.db.execute("CREATE TABLE log(x)")
        for schema in ("main", "temp"):
            for name, module, args, _, _ in TABLES:
                self.db.execute("CREATE VIRTUAL TABLE %s.%s_%s USING %s(%s)"
                                % (schema, name, schema, module, args))
        self.fresh = 0
        self.stale = 0

    def make_source(self, con, variant):
        con.execute("DROP TABLE IF EXISTS main.s")
        con.execute("CREATE TABLE main.s(%s)%s"
                    % (SOURCES[variant], " WITHOUT ROWID" if variant == 2 else ""))
        con.executemany("INSERT INTO main.s(k, p, flow, v) VALUES (?, ?, ?, ?)", self.rows)

    # ---- the moves ----
    def insert(self, con):
        k, flow = self.r.choice(["a", "b", "c", "d", "A", "a "]), self.r.choice("XM")
        p = "%04d-%02d" % (self.r.randint(2019, 2025), self.r.randint(1, 12))
        con.execute("DELETE FROM s WHERE k = ? AND flow = ? AND p = ?", (k, flow, p))
        con.execute("INSERT INTO s(k, p, flow, v) VALUES (?, ?, ?, ?)",
                    (k, p, flow, self.r.randint(1, 900)))

    def update(self, con):
        con.execute("UPDATE s SET v = v + ? WHERE k = ? AND p LIKE ?",
                    (self.r.randint(1, 50), self.r.choice("abc"),
                     "%d%%" % self.r.randint(2019, 2024)))

    def delete(self, con):
        con.execute("DELETE FROM s WHERE k = ? AND p LIKE ?",
                    (self.r.choice("abcd"),
                     "%d-0%d" % (self.r.randint(2019, 2024), self.r.randint(1, 9))))

    def index(self, con):
        name = self.r.choice(["i1", "i2", "i3"])
        cols = {"i1": "k, flow, p", "i2": "p", "i3": "k, flow, p, v"}[name]
        if con.execute("SELECT count(*) FROM main.sqlite_master WHERE name = ?",
                       (name,)).fetchone()[0]:
            con.execute("DROP INDEX main.%s" % name)
        else:
            con.execute("CREATE INDEX main.%s ON s(%s)" % (name, cols))

    def analyze(self, con):
        con.execute("ANALYZE main")

    def stat1(self, con):
        con.execute("ANALYZE main.sqlite_schema")
        con.execute("DELETE FROM main.sqlite_stat1")
        con.execute("INSERT INTO main.sqlite_stat1 VALUES ('s', NULL, ?)",
                    (str(self.r.choice([10, 50000000])),))

    def remake(self, con):
        self.make_source(con, self.r.randrange(len(SOURCES)))

    def add_preliminary(self, con):
        con.execute("ALTER TABLE main.s ADD COLUMN preliminary INTEGER DEFAULT %d"
                    % self.r.randint(0, 1))

    def flip_preliminary(self, con):
        con.execute("UPDATE main.s SET preliminary = 1 - preliminary WHERE k = ?",
                    (self.r.choice("ab"),))

    def temp_table(self, con):
        if con.execute("SELECT count(*) FROM temp.sqlite_master WHERE name = 's'").fetchone()[0]:
            con.execute("DROP TABLE temp.s")
        else:
            con.execute("CREATE TEMP TABLE s AS SELECT * FROM main.s WHERE k <> 'b'")

    def pragma(self, con):
        con.execute("PRAGMA %s = %d" % (self.r.choice(["reverse_unordered_selects",
                                                       "case_sensitive_like"]),
                                        self.r.randint(0, 1)))

    MOVES = ["insert", "update", "delete", "index", "analyze", "stat1", "remake",
             "add_preliminary", "flip_preliminary", "temp_table", "pragma"]

    # ---- the comparison ----
    def rows_of(self, sql, params):
        try:
            return [tuple(round(x, 6) if isinstance(x, float) else x for x in row)
                    for row in self.db.execute(sql, params).fetchall()]
        except sqlite3.Error as e:
            return "error: %s" % e

    def compare(self, tag):
        for _ in range(6):
            schema = self.r.choice(["main", "temp"])
            name, module, args, cols, pc = self.r.choice(TABLES)
            where, params, by_eq = self.r.choice(WHERES)
            where = where.format(pc=pc)
            query = "SELECT %s FROM %%s WHERE 1 %s ORDER BY 1, 2, 3" % (cols, where)
            kept_name = "%s.%s_%s" % (schema, name, schema)
            kept = self.rows_of(query % kept_name, params)
            if isinstance(kept, str) and STALE.search(kept):
                # declared with the source's collation of the time it was
                # connected: the error says so and names the cure, which
                # is taken so that later steps test the table again
                m = STALE.search(kept)
                if (m.group(1).upper(), m.group(2)) == (m.group(3).upper(), m.group(4)):
                    fail("seed %d, %s: %s: a stale-declaration error naming one declaration: %s"
                         % (self.seed, tag, kept_name, kept))
                self.stale += 1
                self.db.execute("DROP TABLE %s" % kept_name)
                self.db.execute("CREATE VIRTUAL TABLE %s USING %s(%s)" % (kept_name, module, args))
                kept = self.rows_of(query % kept_name, params)
            self.fresh += 1
            fresh_name = "fresh%d" % self.fresh
            fresh_args = args.replace("source=s", "source=main.s") if schema == "main" else args
            self.db.execute("CREATE VIRTUAL TABLE temp.%s USING %s(%s)"
                            % (fresh_name, module, fresh_args))
            fresh = self.rows_of(query % ("temp." + fresh_name), params)
            self.db.execute("DROP TABLE temp.%s" % fresh_name)
            same = (kept == fresh if isinstance(kept, str) or isinstance(fresh, str)
                    else collections.Counter(kept) == collections.Counter(fresh))
            if not same:
                fail("seed %d, %s: %s.%s_%s WHERE 1 %s %r: the kept table gave %s, a fresh one %s"
                     % (self.seed, tag, schema, name, schema, where, params,
                        str(kept)[:300], str(fresh)[:300]))

    def step(self, i):
        mode = self.r.choice(["self", "self", "other", "savepoint", "half", "pending", "pending"])
        move = self.r.choice(self.MOVES)
        if move == "temp_table" and mode == "other":
            mode = "self"
        tag = "step %d: %s, %s" % (i, move, mode)
        act = getattr(self, move)
        try:
            if mode in ("self", "other"):
                act(self.db if mode == "self" else self.other)
                self.compare(tag)
            elif mode == "half":
                name, _, _, cols, _ = self.r.choice(TABLES)
                cur = self.db.execute("SELECT %s FROM %s_%s" % (cols, name,
                                                                 self.r.choice(["main", "temp"])))
                try:
                    cur.fetchone()
                    act(self.db)
                    cur.fetchall()
                except sqlite3.Error:
                    pass
                cur.close()
                self.compare(tag)
            elif mode == "savepoint":
                self.db.execute("BEGIN")
                self.db.execute("SAVEPOINT sp")
                act(self.db)
                self.compare(tag + " (inside)")
                self.db.execute("ROLLBACK TO sp")
                self.compare(tag + " (rolled back)")
                self.db.execute("RELEASE sp")
                self.db.execute(self.r.choice(["COMMIT", "ROLLBACK"]))
                self.compare(tag + " (ended)")
            else:
                pending = []
                for _ in range(self.r.randint(1, 3)):
                    if self.r.random() < 0.5:
                        cur = self.db.execute("INSERT INTO log VALUES (1), (2) RETURNING x")
                    else:
                        k, flow, y = self.r.choice("abce"), self.r.choice("XM"), self.r.randint(2019, 2025)
                        p1, p2 = "%d-11" % y, "%d-12" % y
                        self.db.execute("DELETE FROM s WHERE k = ? AND flow = ? AND p IN (?, ?)",
                                        (k, flow, p1, p2))
                        cur = self.db.execute(
                            "INSERT INTO s(k, p, flow, v) VALUES (?, ?, ?, 5), (?, ?, ?, 7) "
                            "RETURNING v", (k, p1, flow, k, p2, flow))
                    cur.fetchone()  # left running: its second row is not fetched
                    pending.append(cur)
                    self.compare("%s (%d pending)" % (tag, len(pending)))
                    if self.r.random() < 0.3:
                        try:
                            act(self.db)
                        except sqlite3.Error:
                            pass  # some moves wait for no statement to run
                        self.compare("%s (moved while pending)" % tag)
                for cur in pending:
                    cur.fetchall()
                self.compare(tag + " (none pending)")
        except sqlite3.Error:
            # a move this state refuses (a column already there, a table
            # locked by a running statement): nothing changed, go on
            if self.db.in_transaction and mode == "savepoint":
                self.db.execute("ROLLBACK")

    def close(self):
        self.db.close()
        self.other.close()


def main():
    folder = tempfile.mkdtemp(prefix="ts_state_")
    stale = 0
    try:
        for seed in range(OPT["seed"], OPT["seed"] + OPT["seeds"]):
            run = Run(seed, os.path.join(folder, "s%d.db" % seed))
            for i in range(OPT["steps"]):
                run.step(i)
            stale += run.stale
            run.close()
    finally:
        shutil.rmtree(folder)
    print("state_fuzz: %d seeds x %d moves (own, other connection, savepoint, half-read, "
          "pending INSERT ... RETURNING): kept tables answer as fresh ones; %d stale "
          "declarations refused and the table made again" % (OPT["seeds"], OPT["steps"], stale))


main()
