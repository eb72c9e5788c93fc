#!/usr/bin/python3
"""annual_projection's narrowed read gives the rows of the read of every year.

A fixed method's query (run_rate, prior_share, snaive) under a bound on
year that reads none of low, high and note reads its source from the year
before the bound on (docs/design.md, "Annual projection"), through the
skip walk when an index on the series columns and the period serves it,
else by hash or streamed with the year filter; a series whose rows the
years left out could change (a projection equal to its year-to-date with
no negative value read, item 5; January..April of a month series with no
month after April read, item 1b; a label of an earlier year) is read again
whole.  For random sources -- series of months and quarters over 2 to 20
years, NULL keys, negative values in early years, NULL values, INTEGER and REAL
values (a year before the latest whose second half is all zero, so that
a REAL prior_share can round below its year-to-date), years that end in
April (KOSIS's quarter codes read as months), label forms ('Jan 2019',
'2Q2019', '201903', ' 2019-03') of any year -- the same query runs on
the virtual table (scan=auto, stream, hash; with and without an index;
a NOCASE key column, which reads every year) and, as the read of every
year, on a copy of its whole result (CREATE TABLE m AS SELECT * FROM t)
and on the table with note read too; every row and column must be equal
in type and bits.

    /usr/bin/python3 tests/trust/projection_latest_check.py [build/tradestat] [--seeds N]

Exits 1 at the first difference, printing the query and both answers.
"""
import random
import sqlite3
import struct
import sys

import common

fail = common.failer("projection_latest")

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
COLUMNS = ("k, g, year, through, periods_observed, periods_per_year, ytd, projection, method, "
           "actual, error, preliminary")
TALLY = {"queries": 0, "rows": 0, "narrowed plans": 0, "skip walks": 0, "errors": 0}


def canon(v):
    if isinstance(v, float):
        return ("real", struct.pack("<d", v))
    return (type(v).__name__, v)


def month_label(rng, y, m):
    r = rng.random()
    if r < 0.80:
        return "%04d-%02d" % (y, m)
    if r < 0.88:
        return "%s %d" % (MONTHS[m - 1], y)
    if r < 0.95:
        return "%04d%02d" % (y, m)
    return " %04d-%02d" % (y, m)


def quarter_label(rng, y, q):
    return "%dQ%d" % (q, y) if rng.random() < 0.2 else "%04d-Q%d" % (y, q)


def value(rng, year, first, decimals):
    if rng.random() < 0.04:
        return None
    if year < first + 3 and rng.random() < 0.3:
        v = -rng.randint(1, 500)
    else:
        v = rng.randint(0, 1000)
    if decimals:
        v = v + rng.random() * rng.choice((1, 0.01, 1e-7))
    return v


def series_rows(rng, k, g, latest, rounding=False):
    """One series' rows; rounding: item 5's case, REAL months labelled
    YYYY-MM from years before the two read, a negative value among the
    first, the year before the latest complete with a zero second half."""
    rows = []
    quarters = rng.random() < 0.2 and not rounding
    first = rng.randint(latest - 19, latest - (5 if rounding else 1))
    last = latest if rng.random() < 0.9 or rounding else rng.randint(first, latest)
    decimals = rng.random() < 0.5 or rounding
    april = rng.random() < 0.15  # every year ends by April (KOSIS codes)
    late_once = rng.random() < 0.5  # ... but one early year has later months
    for y in range(first, last + 1):
        if rng.random() < 0.06 and y not in (first, last):
            continue  # a year without rows
        n = 4 if quarters else 12
        top = n
        if y == last:
            top = rng.randint(n // 2 if rounding else 1, n)
        elif april and not (late_once and y == first):
            top = min(top, 4)
        zero_h2 = y == latest - 1 and (rounding or rng.random() < 0.5)
        for p in range(1, top + 1):
            whole = rounding and y >= latest - 1  # complete, and no NULL
            if rng.random() < 0.03 and not whole:
                continue  # a missing period
            v = value(rng, y, first, decimals)
            while whole and v is None:
                v = value(rng, y, first, decimals)
            if zero_h2 and p > n // 2:
                v = 0.0 if decimals else 0
            if rounding:  # ISO labels: the years before the two read stay unread
                label = "%04d-%02d" % (y, p)
            else:
                label = quarter_label(rng, y, p) if quarters else month_label(rng, y, p)
            rows.append((k, g, label, v))
    return rows


def source(db, rng, index):
    """index: an index on the series columns and period (the skip walk),
    none, or "nocase": k a NOCASE column whose keys are spelled both ways
    (a source that reads every year: a later first row shows another
    spelling)."""
    db.execute("DROP TABLE IF EXISTS src")
    db.execute("CREATE TABLE src(k TEXT%s, g INTEGER, period TEXT, v)"
               % (" COLLATE NOCASE" if index == "nocase" else ""))
    if index:
        db.execute("CREATE INDEX src_series ON src(k, g, period)")
    rows = []
    for k in ("a", "b", "c", "d", None):  # a NULL key: no seek in its series
        for g in range(rng.randint(1, 4)):
            rows += series_rows(rng, k, g, 2024)
    for g in range(20):
        rows += series_rows(rng, "r", g, 2024, rounding=True)
    if index == "nocase":
        rows = [(r[0].upper() if r[0] and rng.random() < 0.5 else r[0],) + r[1:] for r in rows]
    rng.shuffle(rows)
    db.executemany("INSERT INTO src VALUES (?, ?, ?, ?)", rows)
    db.commit()


def answer(db, sql):
    try:
        return ("rows", [tuple(canon(v) for v in r) for r in db.execute(sql)])
    except sqlite3.Error as e:
        return ("error", str(e))


WHERES = ("year = 2024", "year = 2023", "year >= 2023", "year BETWEEN 2021 AND 2022",
          "year = 2024 AND k = 'b'", "year = 2024 AND g IN (0, 2)", "year > 2022 AND k >= 'b'",
          "year = 2020")


def check_table(db, name, where, copy):
    """copy: compare with m too (a copy keeps no collation: not for the
    NOCASE source, whose WHERE k = 'b' keeps 'B' on the table alone)."""
    sql = "SELECT %s FROM %s WHERE %s ORDER BY k COLLATE NOCASE, g, year" % (COLUMNS, name, where)
    plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql))
    idx = int(plan.split("INDEX ")[1].split(":")[0]) if "INDEX " in plan else 0
    TALLY["narrowed plans"] += bool(idx & 4)
    TALLY["skip walks"] += bool(idx & 8)
    got = answer(db, sql)
    # the same query reading note too: every year is read for it
    whole = answer(db, sql.replace(" FROM ", ", note FROM ", 1))
    if whole[0] == "rows":
        whole = ("rows", [r[:-1] for r in whole[1]])
    wants = [whole]
    if copy:
        wants.append(answer(db, "SELECT %s FROM m WHERE %s ORDER BY k COLLATE NOCASE, g, year"
                            % (COLUMNS, where)))
    TALLY["queries"] += 1
    if got[0] == "rows":
        TALLY["rows"] += len(got[1])
    for want in wants:
        if got != want:
            fail("%s\n  plan: %s\n  narrowed: %r\n  every year: %r" % (sql, plan, got, want))


def run_seed(ext, seed):
    rng = random.Random(seed)
    db = common.connect(ext)
    for index in (True, False, "nocase"):
        source(db, rng, index)
        for method in ("run_rate", "prior_share", "snaive"):
            through = rng.choice(("H1", "Q1", "02", "04", "10", None))
            if method == "prior_share" and rng.random() < 0.5:
                through = "H1"  # with a zero second half before: item 5's rounding case
            for scan in ("auto", "stream", "hash"):
                name = "t_%s_%s" % (method, scan)
                db.execute("DROP TABLE IF EXISTS temp.%s" % name)
                db.execute("CREATE VIRTUAL TABLE temp.%s USING annual_projection(source=src, "
                           "value=v, period=period, by='k, g', method=%s%s, scan=%s)"
                           % (name, method, ", through=" + through if through else "", scan))
                db.execute("DROP TABLE IF EXISTS m")
                try:
                    db.execute("CREATE TABLE m AS SELECT * FROM temp.%s" % name)
                except sqlite3.Error:
                    TALLY["errors"] += 1
                    continue
                for where in WHERES:
                    check_table(db, name, where, index != "nocase")
    db.close()


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"seeds": 12})
    for seed in range(opts["seeds"]):
        run_seed(ext, seed)
    if TALLY["narrowed plans"] < TALLY["queries"] // 2 or TALLY["skip walks"] == 0:
        fail("the narrowed read ran too seldom to be tested: %r" % TALLY)
    print("projection_latest: %d queries, %d rows equal to the read of every year (%s)"
          % (TALLY["queries"], TALLY["rows"],
             ", ".join("%s %d" % kv for kv in TALLY.items() if kv[0] not in ("queries", "rows"))))


if __name__ == "__main__":
    main()
