#!/usr/bin/python3
"""annual_projection's promises on irregular sources, at random.

projection_props.py draws regular series (every period, one kind per
source).  Here each source mixes what real files hold: 1-7 series of
halves, quarters or months side by side, series starting and stopping
mid-year, gaps in the middle of a year, negative values (refunds), zero
values, rows without a figure (NULL).  For a random method, point of the
year (or each series' own latest period) and level:

  1. low <= projection <= high; projection >= ytd and low >= ytd in a
     series with no negative value; a known year (its point is its last period): low = high =
     projection = actual.
  2. A WHERE on the series or the year (=, IN, ranges, BETWEEN), under
     scan=hash, scan=stream and the default, returns exactly the rows of
     the unfiltered table that match it.
  3. The aggregate annual_projection(v, p, method) over a series' rows up
     to a row's `through` equals that row's projection (fixed methods;
     auto ranks by the pool there and by the series' own errors here).
  4. No data from the future: a row equals the row of the table over the
     source cut at its point of its year (every series cut), in ytd,
     projection, low, high and note: through= or, without it, its series'
     own latest period (when that series has a row there), so the pool of
     that point holds the other series whatever their own latest period.
     Also over sources of days rolled up by grain=month or quarter (every
     day or business days, days without a row at random and at months'
     ends, series starting and stopping on any day), cut on the last day
     of through=: whether a month is whole rests on the rows up to the
     point only.

    /usr/bin/python3 tests/trust/projection_irregular.py [build/tradestat] [--seed N] [--sources N]

Exits 1 at the first difference, printing the case.
"""
import math
import random
import sys

import common

METHODS = ["run_rate", "prior_share", "avg_share", "snaive", "linear", "holt_winters", "theta",
           "auto"]
COLS = "series, year, through, periods_observed, ytd, projection, low, high, actual, note"

fail = common.failer("projection irregular")


def label(y, q, per):
    return {1: "%d" % y, 2: "%d-H%d" % (y, q), 4: "%d-Q%d" % (y, q)}.get(per, "%d-%02d" % (y, q))


def source_rows(r):
    """(key, label, value, year, position, periods per year) rows."""
    rows = []
    kinds = r.choice([[4], [12], [2], [4, 12], [2, 4, 12]])
    for i in range(r.randint(1, 7)):
        per = r.choice(kinds)
        y0 = r.randint(2010, 2014)
        y1 = r.randint(y0, 2019)
        q0 = r.randint(1, per) if r.random() < 0.3 else 1
        q1 = r.randint(1, per)
        level, negative, zero = r.uniform(10, 1000), r.random() < 0.15, r.random() < 0.1
        for y in range(y0, y1 + 1):
            for q in range(1, per + 1):
                if (y == y0 and q < q0) or (y == y1 and q > q1) or r.random() < 0.04:
                    continue  # starts or stops mid-year; a gap
                v = level * (1 + 0.03 * (y - 2010)) * (1 + 0.2 * math.sin(q))
                v *= r.lognormvariate(0, 0.1)
                v = round(v) if r.random() < 0.5 else round(v, 2)
                if negative and r.random() < 0.2:
                    v = -v
                if zero and r.random() < 0.2:
                    v = 0
                if r.random() < 0.02:
                    v = None
                rows.append(("s%d" % i, label(y, q, per), v, y, q, per))
    r.shuffle(rows)
    return rows


def close(a, b):
    if a == b:
        return True
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return False


def same(x, y):
    return len(x) == len(y) and all(close(a, b) for a, b in zip(x, y))


def matches(where, row):
    """The Python reading of the WHERE clauses below: (kind, a, b)."""
    kind, a, b = where
    key, year = row[0], row[1]
    if kind == "key":
        return key == a
    if kind == "key year":
        return key == a and year == b
    return {"=": year == a, "in": year in (a, b), ">=": year >= a, "<": year < a,
            "between": a <= year <= b}[kind]


def sql_of(where):
    kind, a, b = where
    if kind == "key":
        return "series = '%s'" % a
    if kind == "key year":
        return "series = '%s' AND year = %d" % (a, b)
    return {"=": "year = %d" % a, "in": "year IN (%d, %d)" % (a, b), ">=": "year >= %d" % a,
            "<": "year < %d" % a, "between": "year BETWEEN %d AND %d" % (a, b)}[kind]


def check_invariants(case, full, rows):
    for row in full:
        key, year, through, seen, ytd, proj, low, high, actual, _ = row
        if proj is None:
            continue
        mine = [x[2] for x in rows if x[0] == key and x[2] is not None]
        if min(mine) >= 0 and proj < ytd - 1e-9 * abs(ytd):
            fail("%s: a projection below the ytd of a series with no negative value: %r"
                 % (case, row))
        if low is None:
            continue
        if not (low <= proj <= high):
            fail("%s: not low <= projection <= high: %r" % (case, row))
        if min(mine) >= 0 and ytd is not None and low < ytd - 1e-9 * abs(ytd):
            fail("%s: low below the ytd of a series with no negative value: %r" % (case, row))
        per = [x[5] for x in rows if x[0] == key][0]
        if seen == per and not (low == high == proj == actual):
            fail("%s: a known year's interval is not its total: %r" % (case, row))


def check_where(db, r, case, base, full):
    years = sorted({x[1] for x in full})
    keys = sorted({x[0] for x in full})
    checked = 0
    for where in [("=", r.choice(years), 0), ("in", r.choice(years), r.choice(years)),
                  (">=", r.choice(years), 0), ("<", r.choice(years), 0),
                  ("between", years[0] + 1, years[-1] - 1), ("key", r.choice(keys), 0),
                  ("key year", r.choice(keys), r.choice(years))]:
        want = sorted((x for x in full if matches(where, x)), key=repr)
        for scan in ("", ", scan=hash", ", scan=stream"):
            got = sorted(db.execute(base % scan + " WHERE " + sql_of(where)).fetchall(), key=repr)
            checked += 1
            if len(got) != len(want) or not all(same(g, w) for g, w in zip(got, want)):
                fail("%s%s WHERE %s:\n  got  %r\n  want %r" % (case, scan, sql_of(where), got,
                                                              want))
    return checked


def check_aggregate(db, case, method, full, rows):
    checked = 0
    for row in full:
        key, through, proj = row[0], row[2], row[5]
        series = [x for x in rows if x[0] == key]
        at = [(x[3], x[4]) for x in series if x[1] == through]
        if through is None or not at:
            continue
        cut = [(x[1], x[2]) for x in series if (x[3], x[4]) <= at[0]]
        db.execute("DROP TABLE IF EXISTS one")
        db.execute("CREATE TABLE one(p TEXT, v)")
        db.executemany("INSERT INTO one VALUES (?, ?)", cut)
        agg = db.execute("SELECT annual_projection(v, p, ?) FROM one", (method,)).fetchone()[0]
        checked += 1
        if not close(agg, proj):
            fail("%s: the aggregate over %s's rows up to %s gives %r, the table %r"
                 % (case, key, through, agg, proj))
    return checked


def check_future(db, r, case, base, full, rows, point, per_of):
    checked = 0
    for row in r.sample(full, min(3, len(full))):
        key, year, seen = row[0], row[1], row[3]
        if row[2] is None or seen == 0:
            continue
        if point:
            share = point / 12.0  # through= is a month, Q or H: a share of the year
        else:
            # each series from its own latest period: a row whose series has
            # a row at that period (cut there, it is still the latest)
            at = [x for x in rows if x[0] == key and x[1] == row[2]]
            if not at:
                continue
            share = at[0][4] / at[0][5]
        cut = [x for x in rows if x[3] < year or (x[3] == year and x[4] / x[5] <= share + 1e-12)]
        db.execute("DROP TABLE IF EXISTS cut")
        db.execute("CREATE TABLE cut(k TEXT, p TEXT, v)")
        db.executemany("INSERT INTO cut VALUES (?, ?, ?)", [x[:3] for x in cut])
        got = db.execute((base % "").replace("'s'", "'cut'", 1)
                         + " WHERE series = ? AND year = ?", (key, year)).fetchall()
        checked += 1
        if len(got) != 1 or not same(got[0][2:8] + got[0][9:], row[2:8] + row[9:]):
            fail("%s: %s %d from the source cut at its point:\n  cut   %r\n  whole %r"
                 % (case, key, year, got, row))
    return checked


def day_rows(r):
    """Day rows of 1-3 series (grain= rolls them up): every day, or
    business days only, or months or quarters keyed by their first or last
    (business) day, or months (quarters) keyed by one day of the month (of
    any month of the quarter: the 15th of February, the 1st of March, or
    the business day after it), some dropped; days without a row at random, now and then at a
    month's end (a weekend, no sales), a series starting or stopping on
    any day.  (key, date, value) rows."""
    import datetime
    rows = []
    for i in range(r.randint(1, 3)):
        first = datetime.date(r.randint(2014, 2016), r.randint(1, 12), r.randint(1, 28))
        last = datetime.date(r.randint(2018, 2019), r.randint(1, 12), r.randint(1, 28))
        business, level = r.random() < 0.4, r.uniform(10, 500)
        gap, month_end = r.choice([0.0, 0.02, 0.1]), r.choice([0.0, 0.3, 0.7])
        keyed = r.choice([None, None, "ms", "me", "mm", "qs", "qe", "qm"])
        mid, mid_at = r.choice([r.randint(1, 28), r.randint(8, 21)]), r.randint(0, 2)
        if keyed:
            # months or quarters keyed by their first or last (business)
            # day, as pandas and FRED write them, some dropped
            step = 1 if keyed[0] == "m" else 3
            y, m = first.year, first.month
            while (y, m) <= (last.year, last.month):
                at = {"s": 0, "m": mid_at % step, "e": step - 1}[keyed[1]]
                if (m - 1) % step == at and r.random() >= gap * 3:
                    if keyed[1] == "m":
                        d = datetime.date(y, m, mid)
                        while business and d.weekday() >= 5:
                            d += datetime.timedelta(days=1)
                    elif keyed[1] == "s":
                        d = datetime.date(y, m, 1)
                        while business and d.weekday() >= 5:
                            d += datetime.timedelta(days=1)
                    else:
                        d = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
                        while business and d.weekday() >= 5:
                            d -= datetime.timedelta(days=1)
                    v = level * (1 + 0.2 * math.sin(m)) * r.lognormvariate(0, 0.2)
                    rows.append(("d%d" % i, d.isoformat(), round(v)))
                y, m = y + (m == 12), m % 12 + 1
            continue
        d = first
        while d <= last:
            nxt = d + datetime.timedelta(days=1)
            skip = (business and d.weekday() >= 5) or r.random() < gap
            if nxt.day <= 2 and r.random() < month_end:
                skip = True  # the month's last days without a row
            if not skip:
                v = level * (1 + 0.2 * math.sin(d.month)) * r.lognormvariate(0, 0.2)
                rows.append(("d%d" % i, d.isoformat(), round(v) if r.random() < 0.7 else
                             round(v, 2)))
            d = nxt
    r.shuffle(rows)
    return rows


def check_future_days(db, r, seed, n):
    """Check 4 over days rolled up by grain=month or quarter: a row of a
    year from through= equals the row of the table over the source cut at
    the last day of that point (every row after it removed), in through,
    periods_observed, ytd, projection, low, high and note.  The last day
    the cut source holds decides whether its months up to the point are
    whole: a month whose last days have no row is whole in the whole
    source (later rows exist) and not in the cut one, unless the rows up
    to the point say the source went on."""
    import calendar
    rows = day_rows(r)
    db.execute("DROP TABLE IF EXISTS dd")
    db.execute("CREATE TABLE dd(k TEXT, p TEXT, v)")
    db.executemany("INSERT INTO dd VALUES (?, ?, ?)", rows)
    grain = r.choice(["month", "quarter"])
    k = r.randint(1, 12 if grain == "month" else 4)
    through = "%02d" % k if grain == "month" else "Q%d" % k
    month = k if grain == "month" else 3 * k
    method = r.choice(METHODS)
    opts = "grain=%s, through=%s, level=80%s" % (grain, through,
                                                 r.choice(["", ", scan=hash", ", scan=stream"]))
    base = "SELECT %s FROM annual_projection('%%s', 'v', 'p', 'k', '%s', '%s')" % (COLS, method,
                                                                                    opts)
    case = "days %d (seed %d), %s, %s" % (n, seed, method, opts)
    full = db.execute(base % "dd").fetchall()
    checked = 0
    for row in r.sample(full, min(3, len(full))):
        key, year = row[0], row[1]
        if row[3] == 0:
            continue  # nothing up to the point: the cut source has no such row
        end = "%04d-%02d-%02d" % (year, month, calendar.monthrange(year, month)[1])
        db.execute("DROP TABLE IF EXISTS ddcut")
        db.execute("CREATE TABLE ddcut AS SELECT * FROM dd WHERE p <= ?", (end,))
        got = db.execute(base % "ddcut" + " WHERE series = ? AND year = ?", (key, year)).fetchall()
        checked += 1
        if len(got) != 1 or not same(got[0][2:8] + got[0][9:], row[2:8] + row[9:]):
            fail("%s: %s %d from the source cut on %s:\n  cut   %r\n  whole %r"
                 % (case, key, year, end, got, row))
    return checked


def main():
    ext, options = common.parse_args(sys.argv[1:], common.DEFAULT_EXT,
                                     {"seed": 1, "sources": 150})
    db = common.connect(ext)
    r = random.Random(options["seed"])
    counts = {"rows": 0, "where": 0, "aggregate": 0, "future": 0, "days": 0}
    for n in range(options["sources"]):
        rows = source_rows(r)
        db.execute("DROP TABLE IF EXISTS s")
        db.execute("CREATE TABLE s(k TEXT, p TEXT, v)")
        db.executemany("INSERT INTO s VALUES (?, ?, ?)", [x[:3] for x in rows])
        method = r.choice(METHODS)
        through = r.choice(["", "", "Q1", "Q2", "Q3", "H1", "01", "06", "11"])
        point = {"Q1": 3, "Q2": 6, "Q3": 9, "H1": 6, "01": 1, "06": 6, "11": 11}.get(through)
        options_text = "level=%d" % r.choice([50, 80, 99]) + (", through=" + through
                                                             if through else "")
        base = ("SELECT %s FROM annual_projection('s', 'v', 'p', 'k', '%s', '%s%%s')"
                % (COLS, method, options_text))
        case = "source %d (seed %d), %s, %s" % (n, options["seed"], method, options_text)
        full = db.execute(base % "").fetchall()
        if not full:
            continue
        counts["rows"] += len(full)
        check_invariants(case, full, rows)
        counts["where"] += check_where(db, r, case, base, full)
        if method != "auto":
            counts["aggregate"] += check_aggregate(db, case, method, full, rows)
        counts["future"] += check_future(db, r, case, base, full, rows, point, None)
        if n % 5 == 0:
            counts["days"] += check_future_days(db, r, options["seed"], n)
    if counts["aggregate"] == 0 or counts["future"] == 0 or counts["days"] == 0:
        fail("the generator no longer reaches every check: %r" % counts)
    print("projection irregular: %(rows)d rows of irregular sources hold low <= projection <= "
          "high, projection and low >= ytd; %(where)d filtered queries (3 scan paths) return the unfiltered "
          "rows; %(aggregate)d rows equal the aggregate over their rows; %(future)d equal the "
          "projection from the source cut at their point, %(days)d of them of days rolled up by "
          "grain=" % counts + " (seed %d)" % options["seed"])


if __name__ == "__main__":
    main()
