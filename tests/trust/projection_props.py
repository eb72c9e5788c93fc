#!/usr/bin/python3
"""Two properties of the annual_projection virtual table, on random data.

  1. No data from the future: for random monthly and quarterly series
     (several per source, so the pooled errors that size intervals and
     rank auto's methods come from other series too), a random method and
     point of the year, the row of year Y in the table on the whole source
     (a backtest row) equals, in ytd, projection, low and high, the row of
     year Y in the table on the source cut after Y's point of the year
     (every series cut, so the pool is cut too).
  1c. The same without through=, each series projected from its own
     latest period (series ending at different points of the last year):
     its pool holds the other series' errors from that point whatever
     their own latest period, so a row, note included, equals the row of
     the source cut after its point.
  1b. The same in series' first years, where run_rate (and auto, which
     is run_rate alone there) gets an interval from the spread of the
     year's observed periods pooled over the source's other series (>= 5
     of them): sources of 6-8 series, most starting together, 1-2 later
     (some mid-year), now and then one with a zero or negative value; cut
     in the source's first year (always) and in a later series' first
     year or the year after.  Each cut row equals the whole source's row
     (ytd, projection, low, high and note: the pool read a later period
     if the whole source's row has an interval the cut one lacks), low <=
     projection <= high, low >= ytd in a series with no negative value,
     auto's first-year row is run_rate's and its note says so.  Fails too
     if no row got that pooled interval, or none the interval from the
     assumed spread that a first year projected from one period gets (the
     generator no longer reaches the rules).
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
import sys

import common

EXT = common.DEFAULT_EXT
SEED = 1
COLS = "k, year, ytd, projection, low, high, note"


fail = common.failer("projection props")


def connect():
    return common.connect(EXT)


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


def load_rows(db, table, rows):
    """(Re)creates table(k, p, v) holding rows' first three fields."""
    db.execute("DROP TABLE IF EXISTS %s" % table)
    db.execute("CREATE TABLE %s(k TEXT, p TEXT, v)" % table)
    db.executemany("INSERT INTO %s VALUES (?, ?, ?)" % table, [x[:3] for x in rows])


def project(db, name, source, opts, read=False):
    """(Re)creates temp.name, an annual_projection table over source; with
    read, returns its rows by (k, year)."""
    db.execute("DROP TABLE IF EXISTS temp.%s" % name)
    db.execute("CREATE VIRTUAL TABLE temp.%s USING annual_projection(source=%s, %s)"
               % (name, source, opts))
    if read:
        return {(x[0], x[1]): x for x in db.execute("SELECT %s FROM temp.%s" % (COLS, name))}
    return None


def check_future(db, r):
    checked = 0
    for _ in range(8):
        per = r.choice([4, 12])
        rows = series_rows(r, per)
        load_rows(db, "s", rows)
        for method in ("auto", "holt_winters", "theta", "avg_share", "linear", "prior_share"):
            point = r.randint(1, per - 1)
            through = "Q%d" % point if per == 4 else "%02d" % point
            opts = "value=v, period=p, by=k, method=%s, through=%s" % (method, through)
            whole = project(db, "whole", "s", opts, read=True)
            for year in r.sample(range(2013, 2021), 3):
                load_rows(db, "cut", [x for x in rows if (x[3], x[4]) <= (year, point)])
                project(db, "cutp", "cut", opts)
                for row in db.execute("SELECT %s FROM temp.cutp WHERE year = %d" % (COLS, year)):
                    ref = whole.get((row[0], row[1]))
                    checked += 1
                    if ref is None or ref[2:6] != row[2:6]:
                        fail("future: %s through=%s, %s %d:\n  cut at the point: %r\n"
                             "  whole source:     %r" % (method, through, row[0], year, row, ref))
    return checked


def check_future_own_point(db, r):
    """1c: without through= each series is projected from its own latest
    period, and its pool holds the other series' errors from that point:
    series ending at different points of 2020, a row equals the row of
    the source cut after its point of its year (every series cut), note
    included."""
    checked = 0
    for _ in range(6):
        per = r.choice([4, 12])
        rows = series_rows(r, per)
        keys = sorted({x[0] for x in rows})
        last = {k: r.randint(1, per - 1) for k in keys}
        rows = [x for x in rows if x[3] < 2020 or x[4] <= last[x[0]]]
        load_rows(db, "s", rows)
        for method in ("auto", "run_rate", "prior_share", "linear"):
            opts = "value=v, period=p, by=k, method=%s" % method
            whole = project(db, "whole", "s", opts, read=True)
            for k in r.sample(keys, min(2, len(keys))):
                for year in r.sample(range(2016, 2021), 2):
                    point = last[k]
                    load_rows(db, "cut", [x for x in rows if (x[3], x[4]) <= (year, point)])
                    project(db, "cutp", "cut", opts)
                    for row in db.execute("SELECT %s FROM temp.cutp WHERE k = ? AND year = ?" % COLS,
                                          (k, year)):
                        ref = whole.get((row[0], row[1]))
                        checked += 1
                        if ref is None or ref[2:] != row[2:]:
                            fail("future, each series from its own latest period (%s): %s %d "
                                 "from point %d (latest points %r):\n  cut at the point: %r\n"
                                 "  whole source:     %r" % (method, k, year, point, last, row, ref))
    return checked


FIRST_NOTE = "(no earlier year)"  # item 4c's interval note ends so


def first_year_rows(r, per):
    """6-8 series: most start together in the source's first year, the
    rest (1-2) later, some mid-year; now and then a series with a zero or
    a negative value (no pooled spread from it, no low >= ytd)."""
    rows, later = [], {}
    start = r.randint(2012, 2015)
    n = r.randint(6, 8)
    n_late = r.randint(0, 2)
    for i in range(n):
        k = "s%d" % i
        y0, q0 = start, 1
        if i >= n - n_late:
            y0 = start + r.randint(0, 2)
            q0 = r.randint(1, per) if y0 > start or r.random() < 0.5 else r.randint(2, per)
            later[k] = y0
        level, trend = r.uniform(50, 2000), r.uniform(-0.02, 0.05)
        spread = r.choice([0.02, 0.1, 0.3])
        odd = r.random() < 0.1
        for y in range(y0, start + 5):
            for q in range(q0 if y == y0 else 1, per + 1):
                x = level * (1 + trend) ** ((y - start) * per + q) * r.lognormvariate(0, spread)
                x *= 1.3 if q % 3 == 0 else 1
                x = round(x) if r.random() < 0.5 else round(x, 2)
                if odd and r.random() < 0.15:
                    x = r.choice([0, -x])
                label = "%d-Q%d" % (y, q) if per == 4 else "%d-%02d" % (y, q)
                rows.append((k, label, x, y, q))
    r.shuffle(rows)
    return start, later, rows


def check_first_year(db, r, stats):
    """Item 4c: run_rate, and auto (run_rate alone there), in series'
    first years get an interval from the spread of the year's periods
    pooled over the source's other series; the row of a first year in the
    table on the whole source equals the row in the table on the source
    cut after that point (the pool reads nothing later), low <= projection
    <= high, low >= ytd in a series with no negative value so far, and
    auto's row is run_rate's."""
    checked = 0
    for _ in range(60):
        per = r.choice([4, 12])
        start, later, rows = first_year_rows(r, per)
        db.execute("DROP TABLE IF EXISTS f")
        db.execute("CREATE TABLE f(k TEXT, p TEXT, v)")
        db.executemany("INSERT INTO f VALUES (?, ?, ?)", [x[:3] for x in rows])
        point = r.randint(1, per - 1) if r.random() < 0.2 else r.randint(2, per - 1)
        through = "Q%d" % point if per == 4 else "%02d" % point
        years = [start] * 2 + sorted(set(later.values())) + [start + 1]
        cuts = sorted(set(r.sample(years, 2) + [start]))
        tables = {}
        for method in ("run_rate", "auto"):
            opts = "value=v, period=p, by=k, method=%s, through=%s" % (method, through)
            db.execute("DROP TABLE IF EXISTS temp.fw_%s" % method)
            db.execute("CREATE VIRTUAL TABLE temp.fw_%s USING annual_projection(source=f, %s)"
                       % (method, opts))
            whole = {(x[0], x[1]): x for x in db.execute("SELECT %s FROM temp.fw_%s"
                                                         % (COLS, method))}
            tables[method] = whole
            for year in cuts:
                kept = [x for x in rows if (x[3], x[4]) <= (year, point)]
                db.execute("DROP TABLE IF EXISTS fcut")
                db.execute("CREATE TABLE fcut(k TEXT, p TEXT, v)")
                db.executemany("INSERT INTO fcut VALUES (?, ?, ?)", [x[:3] for x in kept])
                db.execute("DROP TABLE IF EXISTS temp.fcutp")
                db.execute("CREATE VIRTUAL TABLE temp.fcutp USING annual_projection(source=fcut, "
                           "%s)" % opts)
                for row in db.execute("SELECT %s FROM temp.fcutp WHERE year = %d" % (COLS, year)):
                    ref = whole.get((row[0], row[1]))
                    checked += 1
                    case = "%s through=%s, %s %d" % (method, through, row[0], year)
                    if ref is None or ref[2:7] != row[2:7]:
                        fail("first year: %s:\n  cut at the point: %r\n  whole source:     %r"
                             % (case, row, ref))
                    _, _, ytd, proj, low, high, note = row
                    if low is None:
                        continue
                    if note and note.endswith(FIRST_NOTE):
                        stats["first"] += 1
                    if note and "assumed spread" in note:
                        stats["assumed"] += 1
                    if not (low <= proj <= high):
                        fail("first year: %s: not low <= projection <= high: %r" % (case, row))
                    mine = [x[2] for x in kept if x[0] == row[0]]
                    if min(mine) >= 0 and low < ytd:
                        fail("first year: %s: low below the ytd of a series with no negative "
                             "value: %r" % (case, row))
        for key, rr in tables["run_rate"].items():
            a = tables["auto"].get(key)
            if key[1] == later.get(key[0], start) and (a is None or a[2:6] != rr[2:6]):
                fail("first year: auto is not run_rate alone in %s %d through=%s:\n  auto:     %r"
                     "\n  run_rate: %r" % (key[0], key[1], through, a, rr))
            if key[1] == start and key[0] not in later and a is not None and a[3] is not None \
                    and a[6].split(";")[0] != "auto: run_rate alone (no complete earlier year)":
                fail("first year: auto's note in %s %d: %r" % (key[0], key[1], a[6]))
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


def has_row_by(rows, nocase, region, prod, year, k):
    """Whether the source has a row of (region, prod) at or before quarter
    k of year (the reconciliation's "data by (y, k)")."""
    same = (lambda a, b: a.lower() == b.lower()) if nocase else (lambda a, b: a == b)
    for (reg, pr, p, _) in rows:
        y, q = int(p[:4]), int(p[-1])
        if same(reg, region) and pr == prod and (y < year or (y == year and q <= k)):
            return True
    return False


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
            for (region, prod, y, k, ytd, proj, _, _, note) in full:
                if region.lower() != "total" or proj is None:
                    continue
                mine = parts.get((prod, y), [])
                # a series with no row by the total's point (year y, period
                # k = the total's periods observed) is not a part of y yet
                blocked = [p for p in mine if p[3] is None and p[1] > 0
                           and has_row_by(rows, nocase, p[0], prod, y, k)]
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
    EXT, options = common.parse_args(sys.argv[1:], EXT, {"seed": SEED})
    SEED = options["seed"]
    db = connect()
    r = random.Random(SEED)
    future = check_future(db, r)
    # its own generator: the other properties see the same cases as before
    future += check_future_own_point(db, random.Random(SEED + 2000003))
    stats = {"first": 0, "assumed": 0}
    # its own generator: the other properties see the same cases as before
    first = check_first_year(db, random.Random(SEED + 1000003), stats)
    if stats["first"] == 0:
        fail("first year: no row got the interval pooled over the source's other series "
             "(the generator no longer reaches the rule)")
    if stats["assumed"] == 0:
        fail("first year: no row got the interval from the assumed spread (one period observed; "
             "the generator no longer reaches the rule)")
    reconciled = check_reconcile(db, r)
    print("projection props: %d backtest rows equal the projection from the source cut at their "
          "point; %d first-year rows too (%d with the interval pooled over the source's other "
          "series, %d from the assumed spread); %d reconciled totals and filtered rows hold "
          "(seed %d)" % (future, first, stats["first"], stats["assumed"], reconciled, SEED))


if __name__ == "__main__":
    main()
