#!/usr/bin/python3
"""trade_imbalance and annual_projection tables against plain SQL on the
same rows, on seeded random sources.

Where the other suites hold one property each (difftest.py: a WHERE
against a copy; measures_oracle.py: the measures of one or two series;
projection_rows.py: a model of the per-row columns; projection_props.py:
one-level reconciliation), this one writes the reference the way an
analyst would, in SQL over the source, and compares every table row:

  1. trade_imbalance (CREATE form, long data): exports and imports are the
     conditional sums `sum(v) FILTER (WHERE flow is an export label)` of a
     GROUP BY on the series column and the (rolled-up) period, balance
     their difference, one table row per group with a figure.  Sources:
     the series column TEXT under NOCASE, RTRIM or BINARY with keys
     spelled several ways, flow labels in several cases and with spaces,
     values INTEGER, REAL, numeric TEXT, 0 and NULL in a column declared
     INTEGER, REAL, TEXT, NUMERIC or untyped, rowid and WITHOUT ROWID
     tables, grain= year or quarter over months or none, scan= auto, hash
     or stream.  Then random WHERE clauses (period bounds of both types,
     =, IN, LIKE, OR on the series column) on the table and on a copy
     declared with its column types and the series column's collation.
  2. annual_projection (CREATE form, a fixed method, through= or each
     series' own latest period, grain= or none) against the aggregate
     annual_projection(v, p, method) over the same rows up to the row's
     `through` (grain=: over the GROUP BY of the roll-up, complete
     periods only); `ytd` against the conditional sum of the year's
     periods up to through when all of them have a figure; one row per
     series and year that has a figure in the source (a year whose
     roll-ups all miss months too).
  3. reconcile='reg=Total, prod=All' (two named columns, totals and the
     grand total stored as sums of their parts, labels spelled in another
     case under NOCASE): a total's projection is its ytd plus the sum of
     its parts' (projection - ytd) from the same table without reconcile=,
     raised to its ytd; parts unchanged; low <= projection <= high and
     low >= ytd in every row with an interval.
  4. The reconciliation kept between queries: a reconciled table in main
     and one in temp over a WAL database, queried after writes by this
     connection, by another connection, and inside a savepoint later
     rolled back, each time equal to a table made fresh on the same rows.

    /usr/bin/python3 tests/trust/table_forms.py [build/tradestat] [--seed N] [--cases N]

Exits 1 at the first difference, printing the case.
"""
import os
import random
import sys

import common

fail = common.failer("table forms")
EXT, OPT = common.parse_args(sys.argv[1:], numbers={"seed": 20261202, "cases": 40})
FIXED = ["run_rate", "prior_share", "avg_share", "snaive", "linear"]


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def spell(rng, key, coll):
    if coll == "NOCASE":
        return rng.choice([key, key.upper()])
    if coll == "RTRIM":
        return rng.choice([key, key + " ", key + "  "])
    return key


def typed_copy(db, table, name, key, coll):
    """A table with the columns (types) of table, key collated coll."""
    cols = [c for c in db.execute("PRAGMA table_xinfo(%s)" % table) if c[6] == 0]
    decl = ", ".join('"%s" %s%s' % (c[1], c[2], " COLLATE " + coll if c[1] == key else "")
                     for c in cols)
    db.execute("CREATE TEMP TABLE %s(%s)" % (name, decl))
    db.execute("INSERT INTO %s SELECT * FROM %s" % (name, table))


# ---- 1. trade_imbalance -------------------------------------------------

def trade_case(rng, case):
    db = common.connect(EXT)
    coll = rng.choice(["NOCASE", "RTRIM", "BINARY"])
    vtype = rng.choice(["", "INTEGER", "REAL", "TEXT", "NUMERIC"])
    wr = rng.random() < 0.3
    db.execute("CREATE TABLE s(partner TEXT COLLATE %s, p TEXT, flow TEXT, v %s%s)%s"
               % (coll, vtype, ", PRIMARY KEY(partner, p, flow)" if wr else "",
                  " WITHOUT ROWID" if wr else ""))
    grain = rng.choice(["", "year", "quarter"])
    seen = set()
    for k in "abcd":
        for fl in ("export", "import"):
            if rng.random() < 0.1:
                continue  # a partner present in one flow only
            for y in range(2019, 2024):
                for mth in range(1, 13):
                    if (not grain and mth % 3 != 1) or rng.random() < 0.05:
                        continue
                    lab = "%d-%02d" % (y, mth) if grain else "%d-Q%d" % (y, (mth - 1) // 3 + 1)
                    v = rng.choice([rng.randint(1, 100), round(rng.uniform(1, 100), 2),
                                    str(rng.randint(1, 50)), 0, None])
                    row = (spell(rng, k, coll), lab,
                           rng.choice([fl, fl.upper(), fl.capitalize(), " " + fl]), v)
                    ident = (k, lab, fl)
                    if ident in seen:
                        continue
                    seen.add(ident)
                    db.execute("INSERT INTO s VALUES (?, ?, ?, ?)", row)
    opts = (", grain=" + grain if grain else "") + rng.choice(["", ", scan=hash", ", scan=stream"])
    db.execute("CREATE VIRTUAL TABLE tv USING trade_imbalance(source=s, value=v, period=p, "
               "flow=flow, by=partner%s)" % opts)
    gp = {"": "p",
          "year": "substr(p, 1, 4)",
          "quarter": "substr(p, 1, 4) || '-Q' || ((CAST(substr(p, 6, 2) AS INTEGER) + 2) / 3)"}[grain]
    ref = {}
    for partner, period, x, m in db.execute(
            "SELECT partner, %s, sum(v) FILTER (WHERE lower(trim(flow)) = 'export'), "
            "sum(v) FILTER (WHERE lower(trim(flow)) = 'import') FROM s WHERE v IS NOT NULL "
            "GROUP BY partner, %s" % (gp, gp)):
        ref[(partner.lower().rstrip(), period)] = (x, m)
    got = {}
    for partner, period, x, m, bal in db.execute(
            "SELECT partner, period, exports, imports, balance FROM tv"):
        got[(partner.lower().rstrip(), period)] = (x, m, bal)
    what = "trade case %d (%s, %s%s)" % (case, coll, vtype or "untyped", opts)
    if set(got) != set(ref):
        fail("%s: rows %s differ from the GROUP BY's" % (what, sorted(set(got) ^ set(ref))[:4]))
    for key, (x, m) in ref.items():
        gx, gm, gbal = got[key]
        if not close(gx, x) or not close(gm, m):
            fail("%s %s: exports/imports %r/%r, plain SQL %r/%r" % (what, key, gx, gm, x, m))
        want = None if x is None or m is None else float(x) - float(m)
        if not close(gbal, want):
            fail("%s %s: balance %r, plain SQL %r" % (what, key, gbal, want))
    typed_copy(db, "tv", "mm", "partner", coll)
    bounds = ["'2021'", "'2022-Q3'", "'2022-07'", "'2021-Q1'", "'2023'", "2022", "'2022-13'"]
    cols = ("lower(rtrim(partner)), period, exports, imports, balance, coverage, "
            "coverage_change, prior_balance, balance_change, balance_growth, exports_growth, "
            "imports_growth, note")
    for _ in range(30):
        terms = []
        for _ in range(rng.randint(1, 3)):
            t = rng.randrange(5)
            if t == 0:
                terms.append("period %s %s" % (rng.choice(["<", "<=", ">", ">=", "=", "<>"]),
                                               rng.choice(bounds)))
            elif t == 1:
                terms.append("partner = '%s'" % rng.choice(["a", "A", "b ", "c", "B"]))
            elif t == 2:
                terms.append("partner IN ('a', 'C', 'd ')")
            elif t == 3:
                terms.append("partner LIKE 'A%'")
            else:
                terms.append("(period BETWEEN '2021' AND '2022-Q2' OR partner = 'b')")
        w = " AND ".join(terms)
        a = sorted(map(repr, db.execute("SELECT %s FROM tv WHERE %s" % (cols, w))))
        b = sorted(map(repr, db.execute("SELECT %s FROM mm WHERE %s" % (cols, w))))
        if a != b:
            fail("%s: WHERE %s gives %d rows, on the copy %d" % (what, w, len(a), len(b)))
    db.close()


# ---- 2. annual_projection against its aggregate -------------------------

def projection_case(rng, case):
    db = common.connect(EXT)
    coll = rng.choice(["NOCASE", "RTRIM", "BINARY"])
    db.execute("CREATE TABLE s(k TEXT COLLATE %s, p, v %s)"
               % (coll, rng.choice(["", "INTEGER", "REAL", "NUMERIC"])))
    grain = rng.choice(["", "", "quarter", "half"])
    kind = "month" if grain else rng.choice(["quarter", "half", "month"])
    per = {"quarter": 4, "half": 2, "month": 12}[kind]
    for k in "abcdef":
        start, end, last = rng.randint(2014, 2017), rng.randint(2020, 2023), rng.randint(1, per)
        for y in range(start, end + 1):
            for i in range(1, per + 1):
                if (y == end and i > last) or rng.random() < 0.02:
                    continue
                # negative values late in a series, so the raise to the
                # year-to-date is decided by what comes before the point
                v = (rng.choice([rng.randint(1, 200), round(rng.uniform(1, 200), 1),
                                 str(rng.randint(1, 100))])
                     if y < end or rng.random() < 0.9 else -rng.randint(1, 500))
                for _ in range(rng.choice([1, 1, 1, 2]) if grain else 1):
                    lab = {"quarter": "%d-Q%d" % (y, i), "half": "%d-H%d" % (y, i),
                           "month": rng.choice(["%d-%02d" % (y, i), "%d.%02d" % (y, i)])
                           if grain else "%d-%02d" % (y, i)}[kind]
                    db.execute("INSERT INTO s VALUES (?, ?, ?)", (spell(rng, k, coll), lab, v))
    m = rng.choice(FIXED)
    through = rng.choice(["", ""] + {"quarter": ["Q1", "Q2", "Q3"], "half": ["H1"],
                                     "month": ["03", "06", "11"]}[kind])
    opts = (", through=" + through if through else "") + (", grain=" + grain if grain else "")
    db.execute("CREATE VIRTUAL TABLE pj USING annual_projection(source=s, value=v, period=p, "
               "by=k, method=%s%s)" % (m, opts))
    what = "projection case %d (%s, %s%s)" % (case, coll, m, opts)
    if grain:
        roll = {"quarter": "'-Q' || ((CAST(substr(period_normalize(p), 6, 2) AS INTEGER) + 2) / 3)",
                "half": "'-H' || ((CAST(substr(period_normalize(p), 6, 2) AS INTEGER) + 5) / 6)"}
        need = {"quarter": 3, "half": 6}[grain]
        db.execute("CREATE TEMP VIEW r AS SELECT k, period_year(p) || %s AS p, sum(v) AS v, "
                   "count(DISTINCT CASE WHEN v IS NOT NULL THEN period_normalize(p) END) AS n "
                   "FROM s GROUP BY k, 2" % roll[grain])
        src, complete = "r", "AND n = %d" % need
    else:
        src, complete = "s", ""
    rows = db.execute("SELECT k, year, through, ytd, projection FROM pj").fetchall()
    # one row per series and year of the source with a figure (a year
    # whose roll-ups all miss months included)
    want = sorted(db.execute("SELECT DISTINCT lower(rtrim(k)), period_year(p) FROM s "
                             "WHERE v IS NOT NULL"))
    have = sorted((k.lower().rstrip(), y) for k, y, _, _, _ in rows)
    if want != have:
        fail("%s: rows for the years %s, plain SQL's years %s"
             % (what, sorted(set(have) - set(want))[:4], sorted(set(want) - set(have))[:4]))
    compared = 0
    for k, year, thr, ytd, proj in rows:
        if thr is None:
            continue
        last = db.execute("SELECT max(p) FROM %s WHERE k = ? AND p <= ? AND v IS NOT NULL"
                          % src, (k, thr)).fetchone()[0]
        if last != thr:
            continue  # the row's own point has no figure: the aggregate projects another year
        inc = grain and db.execute("SELECT n FROM r WHERE k = ? AND p = ?",
                                   (k, thr)).fetchone()[0] != need
        if inc:
            continue
        agg = db.execute("SELECT annual_projection(v, p, '%s') FROM %s WHERE k = ? AND p <= ? %s"
                         % (m, src, complete), (k, thr)).fetchone()[0]
        compared += 1
        if not close(proj, agg):
            fail("%s: %r %d through %s: the table's projection %r, the aggregate's %r"
                 % (what, k, year, thr, proj, agg))
        pos = int(thr[-2:].lstrip("QH-"))
        s, n = db.execute("SELECT sum(v), count(DISTINCT p) FROM %s WHERE k = ? AND p >= ? "
                          "AND p <= ? AND v IS NOT NULL %s" % (src, complete),
                          (k, str(year), thr)).fetchone()
        if n == pos and not close(ytd, s):
            fail("%s: %r %d: ytd %r, plain SQL %r" % (what, k, year, ytd, s))
    db.close()
    return compared


# ---- 3. two-level reconciliation ----------------------------------------

def reconcile_source(rng, db, coll):
    db.execute("CREATE TABLE s(prod TEXT COLLATE %s, reg TEXT COLLATE %s, p TEXT, v)"
               % (coll, coll))
    data = {}
    for pr in "ab":
        for r in ("n", "s", "e"):
            if rng.random() < 0.15:
                continue
            for y in range(rng.choice([2015, 2016, 2017]), 2023):
                for q in range(1, 5):
                    if y == 2022 and q > 2:
                        break
                    data[(pr, r, "%d-Q%d" % (y, q))] = rng.randint(10, 100)
    sums = {}
    for (pr, r, p), v in data.items():
        for key in ((pr, "Total", p), ("All", r, p), ("All", "Total", p)):
            sums[key] = sums.get(key, 0) + v
    rows = [k + (v,) for k, v in list(data.items()) + list(sums.items())]
    if coll == "NOCASE":
        rows = [(pr.upper() if rng.random() < 0.3 else pr, r.upper() if rng.random() < 0.3 else r,
                 p, v) for pr, r, p, v in rows]
    rng.shuffle(rows)
    db.executemany("INSERT INTO s VALUES (?, ?, ?, ?)", rows)


def reconcile_case(rng, case):
    db = common.connect(EXT)
    coll = rng.choice(["NOCASE", "BINARY"])
    reconcile_source(rng, db, coll)
    m = rng.choice(FIXED + ["theta"])
    thr = rng.choice(["Q1", "Q2", "Q3"])
    base = "source=s, value=v, period=p, by='prod, reg', method=%s, through=%s" % (m, thr)
    db.execute("CREATE VIRTUAL TABLE own USING annual_projection(%s)" % base)
    db.execute("CREATE VIRTUAL TABLE rec USING annual_projection(%s, "
               "reconcile='reg=Total, prod=All')" % base)
    what = "reconcile case %d (%s, %s, through=%s)" % (case, coll, m, thr)
    own = {(pr.lower(), r.lower(), y): (ytd, proj) for pr, r, y, ytd, proj in
           db.execute("SELECT prod, reg, year, ytd, projection FROM own")}
    for pr, r, y, ytd, proj, low, high in db.execute(
            "SELECT prod, reg, year, ytd, projection, low, high FROM rec").fetchall():
        key = (pr.lower(), r.lower(), y)
        if low is not None and (not (low <= proj * (1 + 1e-12) and proj <= high * (1 + 1e-12))
                                or low < ytd * (1 - 1e-12)):
            fail("%s: %r: interval [%r, %r] around %r, ytd %r" % (what, key, low, high, proj, ytd))
        if key[0] != "all" and key[1] != "total":
            if proj != own[key][1]:
                fail("%s: part %r changed: %r, alone %r" % (what, key, proj, own[key][1]))
            continue
        parts = [v for (a, b, yy), v in own.items() if yy == y and a != "all" and b != "total"
                 and (key[0] == "all" or a == key[0]) and (key[1] == "total" or b == key[1])
                 and v[0] is not None]
        ref = None
        if (parts and ytd is not None and all(v[1] is not None for v in parts)
                and abs(sum(v[0] for v in parts) - ytd) <= 0.01 * abs(ytd)):
            ref = max(ytd + sum(v[1] - v[0] for v in parts), ytd)
        if not close(proj, ref):
            fail("%s: total %r: %r, its ytd plus its parts' projected rest %r"
                 % (what, key, proj, ref))
    db.close()


# ---- 4. the reconciliation kept between queries -------------------------

def kept_case(rng, case):
    with common.temp_db() as path:
        a = common.connect(EXT, path, isolation_level=None)
        b = common.connect(EXT, path, isolation_level=None)
        a.execute("PRAGMA journal_mode = wal")
        a.execute("PRAGMA synchronous = off")
        reconcile_source(rng, a, "BINARY")
        m = rng.choice(FIXED + ["auto"])
        opts = ("source=s, value=v, period=p, by='prod, reg', method=%s, through=Q2, "
                "reconcile='reg=Total, prod=All'" % m)
        a.execute("CREATE VIRTUAL TABLE main.r USING annual_projection(%s)" % opts)
        a.execute("CREATE VIRTUAL TABLE temp.rt USING annual_projection(%s)" % opts)
        query = "SELECT prod, reg, year, ytd, projection, low, high, note FROM %s ORDER BY 1, 2, 3"

        def fresh(rows):
            d = common.connect(EXT)
            d.execute("CREATE TABLE s(prod TEXT, reg TEXT, p TEXT, v)")
            d.executemany("INSERT INTO s VALUES (?, ?, ?, ?)", rows)
            d.execute("CREATE VIRTUAL TABLE f USING annual_projection(%s)" % opts)
            out = d.execute(query % "f").fetchall()
            d.close()
            return out

        def check(step):
            want = fresh(a.execute("SELECT * FROM s").fetchall())
            for t in ("main.r", "temp.rt"):
                got = a.execute(query % t).fetchall()
                if got != want:
                    diff = [(g, w) for g, w in zip(got, want) if g != w][:2]
                    fail("kept case %d (%s) after %s: %s differs from a fresh table: %r"
                         % (case, m, step, t, diff))

        check("the first query")
        for step in range(5):
            move = rng.randrange(4)
            if move == 0:
                a.execute("UPDATE s SET v = v + 7 WHERE reg = 'n' AND p = '2021-Q3'")
                check("an update by this connection")
            elif move == 1:
                b.execute("UPDATE s SET v = v * 2 WHERE reg = 's' AND p >= '2021'")
                check("another connection's update")
            elif move == 2:
                a.execute("DELETE FROM s WHERE reg = 'e' AND prod = 'b' AND p = '2022-Q2'")
                check("a delete")
            else:
                a.execute("SAVEPOINT x")
                a.execute("UPDATE s SET v = v + 50 WHERE reg = 's'")
                check("an update inside a savepoint")
                a.execute("ROLLBACK TO x")
                a.execute("RELEASE x")
                check("its rollback")
        a.close()
        b.close()
        for suffix in ("-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)


def main():
    rng = random.Random(OPT["seed"])
    compared = 0
    for case in range(OPT["cases"]):
        trade_case(rng, case)
        compared += projection_case(rng, case)
        reconcile_case(rng, case)
        if case % 4 == 0:
            kept_case(rng, case)
    if compared < OPT["cases"] * 5:
        fail("only %d table rows compared with the aggregate: the generator no longer "
             "reaches them" % compared)
    print("table forms: %d cases ok (seed %d; %d projections compared with the aggregate)"
          % (OPT["cases"], OPT["seed"], compared))


if __name__ == "__main__":
    main()
