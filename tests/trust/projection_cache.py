#!/usr/bin/python3
"""annual_projection's kept pre-pass never answers from a stale source.

The whole-source pre-pass (the pool of past errors auto and the intervals
need) is made once per cursor and kept across its xFilter calls, and handed
on to the cursor SQLite opens for a correlated subquery's next outer row.
It must be made again when the source may have changed between two of
those xFilter calls, inside one statement:

  same connection   a function called in the subquery's WHERE writes the
                    source (its own statement, which ends and counts its
                    changes) before the table is filtered for that row;
  other connection  the same, written and committed by a second connection
                    of a WAL database the statement itself never reads
                    (only the table's own queries do).  SQLite keeps the
                    snapshot of a database a statement has read until the
                    statement ends, so plain SQL sees the commits before
                    the first filter and none after: the rows must agree
                    with that, and they must all see the same writes.

A database another connection holds locked (an attached one the table
does not read) must fail no query: the pre-pass is then simply not kept.

Each outer row k writes one more series (a wild one: every pooled interval
moves) before the table is filtered, so row k must show the projection and
interval of the source with the writes that row can see.  Which writes
those are is read in the same row by plain SQL (`visible`: a count of the
written series), and each row's answer is compared with the plain query's
on a fresh copy of the source holding exactly those writes.  Run with auto
(pre-pass before the first row) and snaive (pool made at the first `low`),
in a join (one cursor, filtered once per key) and in a correlated subquery
(a new cursor per key).  The expected answers must differ from one write
to the next, or the check could not fail.

    /usr/bin/python3 tests/trust/projection_cache.py [build/tradestat]
"""
import os
import sqlite3
import sys
import tempfile

import common

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
KEYS = ["a", "b", "c", "d", "e", "f"]
YEAR = 2021


def base_rows():
    rows = []
    for ki, p in enumerate(KEYS):
        for i in range(40):  # 2012-Q1 .. 2021-Q4
            amount = 100 + 9 * ki + 3 * i + (i * (37 + ki)) % (19 + ki) + (i % 4) * (5 + ki)
            rows.append((p, "%d-Q%d" % (2012 + i // 4, i % 4 + 1), amount))
    return rows


def write_rows(k):
    """The series written before outer row k: wild, so the pool moves."""
    rows = []
    for i in range(40):
        amount = 10 + ((i * 7919 * (k + 3)) % 997) * (1 + (i + k) % 3)
        rows.append(("x" + KEYS[k], "%d-Q%d" % (2012 + i // 4, i % 4 + 1), amount))
    return rows


SCHEMA = "CREATE TABLE {db}.src(partner TEXT, period TEXT, amount INTEGER)"
VTAB = ("CREATE VIRTUAL TABLE temp.p_{m} USING annual_projection(source={db}.src, value=amount, "
        "period=period, by=partner, method={m}, through=H1)")
ANSWER = "printf('%.9g %.9g %.9g', projection, low, high)"


def connect(path):
    return common.connect(EXT, path, isolation_level=None)


def expected_answers(method):
    """answers[j][key]: the plain query on the source with writes 0..j-1."""
    con = connect(":memory:")
    con.execute(SCHEMA.format(db="main"))
    con.executemany("INSERT INTO src VALUES (?, ?, ?)", base_rows())
    con.execute(VTAB.format(m=method, db="main"))
    answers = []
    for j in range(len(KEYS) + 1):
        if j:
            con.executemany("INSERT INTO src VALUES (?, ?, ?)", write_rows(j - 1))
        answers.append(dict(con.execute(
            "SELECT partner, %s FROM temp.p_%s WHERE year = %d" % (ANSWER, method, YEAR))))
    con.close()
    return answers


# The source is in an attached database the statement itself never reads
# (only the table's own queries do), so another connection's commit can
# show between two filters; visible() counts the written series as a plain
# query of this connection sees them, in the same row after the filter.
SHAPES = {
    # a new cursor per outer row (SQLite reopens a correlated subquery's)
    "subquery": ("SELECT k.value, (SELECT {ans} FROM temp.p_{m} WHERE partner = bump(k.value) "
                 "AND year = {y}), visible(k.value) FROM json_each(?) k"),
    # one cursor filtered once per outer row
    "join": ("SELECT k.value, {ans}, visible(k.value) FROM json_each(?) k CROSS JOIN temp.p_{m} "
             "WHERE partner = bump(k.value) AND year = {y}"),
}


def run(method, shape, other, answers, tmp):
    path = os.path.join(tmp, "%s-%s-%d.db" % (method, shape, other))
    con = connect(":memory:")
    con.execute("ATTACH ? AS aux", (path,))
    con.execute("PRAGMA aux.journal_mode=WAL")
    con.execute(SCHEMA.format(db="aux"))
    con.executemany("INSERT INTO aux.src VALUES (?, ?, ?)", base_rows())
    con.execute(VTAB.format(m=method, db="aux"))
    writer = sqlite3.connect(path, isolation_level=None) if other else con
    done = set()

    def bump(key):
        if key not in done:  # the writes happen once, in key order
            done.add(key)
            writer.executemany("INSERT INTO src VALUES (?, ?, ?)", write_rows(KEYS.index(key)))
        return key

    def visible(key):
        return con.execute("SELECT count(DISTINCT partner) FROM aux.src "
                           "WHERE partner LIKE 'x%'").fetchall()[0][0]

    con.create_function("bump", 1, bump)
    con.create_function("visible", 1, visible)
    sql = SHAPES[shape].format(ans=ANSWER, m=method, y=YEAR)
    rows = con.execute(sql, ("[%s]" % ", ".join('"%s"' % k for k in KEYS),)).fetchall()
    failures = []
    if len(rows) != len(KEYS):
        failures.append("%d rows, expected %d" % (len(rows), len(KEYS)))
    seen = set()
    for key, got, visible in rows:
        seen.add(visible)
        want = answers[visible][key]
        if got != want:
            failures.append("key %s with %d writes visible: %r, plain SQL %r" % (key, visible, got, want))
    if writer is not con:
        writer.close()
    con.close()
    return failures, seen


def locked(method, answers, tmp):
    """A join and a correlated subquery while another connection holds an
    exclusive lock on an attached database the table does not read."""
    path = os.path.join(tmp, "locked-%s.db" % method)
    con = connect(":memory:")
    con.execute(SCHEMA.format(db="main"))
    con.executemany("INSERT INTO src VALUES (?, ?, ?)", base_rows())
    con.execute(VTAB.format(m=method, db="main"))
    con.execute("ATTACH ? AS other", (path,))
    con.execute("CREATE TABLE other.t(x)")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO t VALUES (1)")
    failures = []
    keys = "[%s]" % ", ".join('"%s"' % k for k in KEYS)
    for shape, sql in (
            ("join", "SELECT k.value, %s FROM json_each(?) k CROSS JOIN temp.p_%s "
                     "WHERE partner = k.value AND year = %d" % (ANSWER, method, YEAR)),
            ("subquery", "SELECT k.value, (SELECT %s FROM temp.p_%s WHERE partner = k.value "
                         "AND year = %d) FROM json_each(?) k" % (ANSWER, method, YEAR))):
        try:
            rows = con.execute(sql, (keys,)).fetchall()
        except sqlite3.Error as e:
            failures.append("%s, %s, a locked database attached: %s" % (method, shape, e))
            continue
        for key, got in rows:
            if got != answers[0][key]:
                failures.append("%s, %s, a locked database attached: key %s: %r, plain SQL %r"
                                % (method, shape, key, got, answers[0][key]))
    holder.execute("ROLLBACK")
    holder.close()
    con.close()
    return failures


def main():
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for method in ("auto", "snaive"):
            answers = expected_answers(method)
            # the check can fail: each write moves the answers of a key
            for j in range(1, len(answers)):
                if answers[j] == answers[j - 1]:
                    failures.append("%s: write %d moves no answer (the check could not fail)" % (method, j))
            for shape in SHAPES:
                for other in (0, 1):
                    f, seen = run(method, shape, other, answers, tmp)
                    where = "%s, %s, %s connection" % (method, shape, "other" if other else "same")
                    failures += ["%s: %s" % (where, x) for x in f]
                    # the same connection's writes show while the statement
                    # runs; another's only up to the statement's first read
                    if not other and len(seen) < 2:
                        failures.append("%s: the statement saw only %s writes" % (where, sorted(seen)))
                    if other and len(seen) != 1:
                        failures.append("%s: the statement saw %s writes, not one snapshot"
                                        % (where, sorted(seen)))
                    checked += 1
            failures += locked(method, answers, tmp)
            checked += 2
    if failures:
        for f in failures:
            print("projection cache: FAIL " + f)
        sys.exit(1)
    print("projection cache: %d statements (auto, snaive x join, correlated subquery x the same "
          "and another connection writing between two filters; a locked database attached) "
          "answer as plain SQL after every write" % checked)


if __name__ == "__main__":
    main()
