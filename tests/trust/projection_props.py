#!/usr/bin/python3
"""Two properties of the annual_projection virtual table, on random data.

  1. No data from the future: for random monthly and quarterly series
     (several per source, so the pooled errors that size intervals and
     rank auto's methods come from other series too), a random method and
     point of the year, the row of year Y in the table on the whole source
     (a backtest row) equals, in ytd, projection, low and high, the row of
     year Y in the table on the source cut after Y's point of the year
     (every series cut, so the pool is cut too).
  2. Reconciled totals add up: with reconcile='region=Total' on random
     two-level data (parts missing here and there, the total's label
     spelled in several cases under NOCASE), every reconciled total's
     projection is its ytd plus the sum of its parts' (projection - ytd),
     raised to its ytd when no value is negative; a total is never
     reconciled over a part that has data by the point projected from but
     no projection; and a WHERE on the series columns or the year returns
     exactly the rows the unfiltered table has.

    /usr/bin/python3 tests/trust/projection_props.py [build/tradestat] [--seed N]

Exits 1 at the first difference, printing the case.
"""
import random
import sqlite3
import sys

EXT = "build/tradestat"
SEED = 1
COLS = "k, year, ytd, projection, low, high, note"


def fail(msg):
    print("projection props: FAILED: " + msg)
    sys.exit(1)


def connect():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(EXT)
    return db


def series_rows(r, per):
    rows = []
    for k in ["a", "b", "c", "d", "e"][:r.randint(2, 5)]:
        start, level, trend = r.randint(2008, 2012), r.uniform(100, 1000), r.uniform(-5, 20)
        for y in range(start, 2021):
            for q in range(1, per + 1):
                x = level + trend * (y - 2008) * per + r.gauss(0, level * 0.1)
                x += level * 0.2 if q % 3 == 0 else 0
                x = round(x) if r.random() < 0.5 else round(x, 1)
                label = "%d-Q%d" % (y, q) if per == 4 else "%d-%02d" % (y, q)
                rows.append((k, label, x, y, q))
    return rows


def check_future(db, r):
    checked = 0
    for _ in range(8):
        per = r.choice([4, 12])
        rows = series_rows(r, per)
        db.execute("DROP TABLE IF EXISTS s")
        db.execute("CREATE TABLE s(k TEXT, p TEXT, v)")
        db.executemany("INSERT INTO s VALUES (?, ?, ?)", [x[:3] for x in rows])
        for method in ("auto", "holt_winters", "theta", "avg_share", "linear", "prior_share"):
            point = r.randint(1, per - 1)
            through = "Q%d" % point if per == 4 else "%02d" % point
            opts = "value=v, period=p, by=k, method=%s, through=%s" % (method, through)
            db.execute("DROP TABLE IF EXISTS temp.whole")
            db.execute("CREATE VIRTUAL TABLE temp.whole USING annual_projection(source=s, %s)" % opts)
            whole = {(x[0], x[1]): x for x in db.execute("SELECT %s FROM temp.whole" % COLS)}
            for year in r.sample(range(2013, 2021), 3):
                db.execute("DROP TABLE IF EXISTS cut")
                db.execute("CREATE TABLE cut(k TEXT, p TEXT, v)")
                db.executemany("INSERT INTO cut VALUES (?, ?, ?)",
                               [x[:3] for x in rows if (x[3], x[4]) <= (year, point)])
                db.execute("DROP TABLE IF EXISTS temp.cutp")
                db.execute("CREATE VIRTUAL TABLE temp.cutp USING annual_projection(source=cut, %s)"
                           % opts)
                for row in db.execute("SELECT %s FROM temp.cutp WHERE year = %d" % (COLS, year)):
                    ref = whole.get((row[0], row[1]))
                    checked += 1
                    if ref is None or ref[2:6] != row[2:6]:
                        fail("future: %s through=%s, %s %d:\n  cut at the point: %r\n"
                             "  whole source:     %r" % (method, through, row[0], year, row, ref))
    return checked


def hierarchy(r):
    nocase = r.random() < 0.5
    rows = []
    regions = ["r%d" % i for i in range(r.randint(1, 4))]
    years = list(range(2015, 2015 + r.randint(3, 6)))
    last_q = r.randint(1, 4)
    for prod in ("x", "y"):
        for y in years:
            for q in range(1, 5):
                if y == years[-1] and q > last_q:
                    continue
                total = 0
                for region in regions:
                    if r.random() < 0.05:
                        continue
                    x = r.randint(1, 1000) if r.random() < 0.7 else r.randint(1, 100000) / 10
                    rows.append((region, prod, "%d-Q%d" % (y, q), x))
                    total += x
                if r.random() < 0.9:
                    label = r.choice(["Total", "TOTAL", "total"]) if nocase else "Total"
                    rows.append((label, prod, "%d-Q%d" % (y, q), round(total, 6)))
    r.shuffle(rows)
    return nocase, years, rows


def check_reconcile(db, r):
    checked = 0
    methods = ["run_rate", "prior_share", "avg_share", "snaive", "linear", "holt_winters",
               "theta", "auto"]
    for _ in range(25):
        nocase, years, rows = hierarchy(r)
        db.execute("DROP TABLE IF EXISTS h")
        db.execute("CREATE TABLE h(region TEXT %s, prod TEXT, p TEXT, v)"
                   % ("COLLATE NOCASE" if nocase else ""))
        db.executemany("INSERT INTO h VALUES (?, ?, ?, ?)", rows)
        for method in methods:
            through = r.choice(["", ", through=Q1", ", through=Q2", ", through=Q3"])
            db.execute("DROP TABLE IF EXISTS temp.rec")
            db.execute("CREATE VIRTUAL TABLE temp.rec USING annual_projection(source=h, value=v, "
                       "period=p, by='region, prod', method=%s, reconcile='region=Total'%s)"
                       % (method, through))
            q = ("SELECT region, prod, year, periods_observed, ytd, projection, low, high, note "
                 "FROM temp.rec")
            full = db.execute(q).fetchall()
            parts = {}
            for (region, prod, y, seen, ytd, proj, _, _, _) in full:
                if region.lower() != "total":
                    parts.setdefault((prod, y), []).append((region, seen, ytd, proj))
            for (region, prod, y, _, ytd, proj, _, _, note) in full:
                if region.lower() != "total" or proj is None:
                    continue
                mine = parts.get((prod, y), [])
                blocked = [p for p in mine if p[3] is None and p[1] > 0]
                if blocked:
                    fail("reconcile: %s%s: total of %s %d reconciled (%r) over part %r, which has "
                         "data but no projection" % (method, through, prod, y, note, blocked[0]))
                want = ytd + sum(p[3] - p[2] for p in mine if p[3] is not None)
                want = max(want, ytd)  # the random values are never negative
                checked += 1
                if abs(want - proj) > 1e-9 * max(1.0, abs(want)):
                    fail("reconcile: %s%s: total of %s %d: projection %r, its ytd %r plus its "
                         "parts' projected rest %r" % (method, through, prod, y, proj, ytd, want))
            ref = {x[:3]: x for x in full}
            for where in ("region = 'Total'", "region = 'total'", "prod = 'x'",
                          "year = %d" % years[-1], "year >= %d AND region <> 'r0'" % years[1]):
                for row in db.execute(q + " WHERE " + where):
                    checked += 1
                    if ref.get(row[:3]) != row:
                        fail("reconcile: %s%s WHERE %s changed a row:\n  %r\n  %r"
                             % (method, through, where, row, ref.get(row[:3])))
    return checked


def main():
    global EXT, SEED
    args = sys.argv[1:]
    if "--seed" in args:
        i = args.index("--seed")
        SEED = int(args[i + 1])
        del args[i:i + 2]
    if args:
        EXT = args[0]
    db = connect()
    r = random.Random(SEED)
    future = check_future(db, r)
    reconciled = check_reconcile(db, r)
    print("projection props: %d backtest rows equal the projection from the source cut at their "
          "point; %d reconciled totals and filtered rows hold (seed %d)"
          % (future, reconciled, SEED))


if __name__ == "__main__":
    main()
