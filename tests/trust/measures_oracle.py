#!/usr/bin/python3
"""Every figure of yoy_growth and trade_imbalance against its plain meaning.

Seeded random sources: one or two series, periods of one kind (year,
half, quarter or month) written in the forms agencies write (INTEGER
2023 and 202306, '2023M06', 'Jun 2023', 'Q2 2023', '2023.1/2', ...),
INTEGER, REAL and NULL values, zeros and negative figures, and for trade
long data flow labels in every accepted spelling and case ('Export',
' EXPORTS ', 'x', 'M').  Without grain= each series, period and side has
at most one row; with grain= (a coarser kind) a period may have several
rows, in several label forms, or miss some of its months.

The expected rows are worked out here in Python, from the rows alone and
the documented rules (docs/reference/growth.md and trade.md), with exact
fractions: a period is present when a row with a value fell in it;
incomplete (grain=) when a month of it has none, or (days) a day row
of it has no figure; growth is (value -
prior) / |prior| * 100 against the same period a year earlier, NULL with
its note when a period is missing, incomplete or the prior is zero; the
year-to-date sums need every period of both years; the trade measures
are X - M, X / M, (X - M) / (X + M) and 1 - |X - M| / (X + M), NULL for a
negative flow or a zero denominator; prior_balance needs both sides a
year earlier.  Every column and the note are compared, row by row, for
the table-valued form and (trade) the CREATE form over the same data
laid out wide, with scan=stream and scan=hash; and where a series has
one row per period (or grain= is its own kind) the yoy_growth and
ytd_growth aggregates and windows, the cagr aggregate (first and last
period's sums, years between their ends) and sparkline (one bar per
period, the linear scale) over the same rows.

    /usr/bin/python3 tests/trust/measures_oracle.py [build/tradestat] [--seed N] [--tables N]

Prints one line per failure (at most 20) and a summary; exits 1 on any.
"""
import datetime
import math
import random
import sqlite3
import sys
from fractions import Fraction

import common

EXT = "build/tradestat"
SEED, TABLES = 1, 300
args = sys.argv[1:]
while args:
    a = args.pop(0)
    if a == "--seed":
        SEED = int(args.pop(0))
    elif a == "--tables":
        TABLES = int(args.pop(0))
    else:
        EXT = a

KINDS = ["year", "half", "quarter", "month", "day"]
PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EXPORT_LABELS = ["export", "Export", " EXPORTS ", "X", "x", "exports"]
IMPORT_LABELS = ["import", "IMPORT", "imports ", "M", "m", "Imports"]
YEARS = [2020, 2021, 2022, 2023]

failures = []
compared = [0]


def fail(msg):
    failures.append(msg)
    if len(failures) <= 20:
        print("FAIL " + msg)


# ---- periods, independently of the extension ----------------------------


def day_date(year, doy):
    return datetime.date(year, 1, 1) + datetime.timedelta(days=doy - 1)


def label(kind, year, sub, rnd):
    """One period written in a random accepted form (or as an INTEGER).
    For days sub is the day of the year."""
    if kind == "day":
        iso = day_date(year, sub).isoformat()
        return rnd.choice([iso, iso + " 12:00:00", iso + "T23:30:00-05:00", " %s " % iso])
    if kind == "year":
        return rnd.choice([str(year), year, "%d\ub144" % year, " %d " % year])
    if kind == "half":
        return rnd.choice(["%d-H%d" % (year, sub), "%dH%d" % (year, sub), "H%d %d" % (sub, year),
                           "%d.%d/2" % (year, sub), "%d %d/2" % (year, sub), "%d h%d" % (year, sub),
                           "%dH%d" % (sub, year)])
    if kind == "quarter":
        return rnd.choice(["%d-Q%d" % (year, sub), "Q%d %d" % (sub, year), "%dQ%d" % (sub, year),
                           "%d.%d/4" % (year, sub), "%d Q%d" % (year, sub), "%d-q%d" % (year, sub)])
    return rnd.choice(["%d-%02d" % (year, sub), "%dM%02d" % (year, sub), year * 100 + sub,
                       "%d.%02d" % (year, sub), "%s %d" % (MONTHS[sub - 1], year),
                       "%d/%d" % (year, sub), "%d-%d" % (year, sub)])


def canonical(kind, year, sub):
    if kind == "day":
        return day_date(year, sub).isoformat()
    return {"year": "%04d" % year, "half": "%04d-H%d" % (year, sub),
            "quarter": "%04d-Q%d" % (year, sub), "month": "%04d-%02d" % (year, sub)}[kind]


def months_of(kind, sub, year=2001):
    if kind == "day":
        return {day_date(year, sub).month}
    n = 12 // PER_YEAR[kind]
    return set(range((sub - 1) * n + 1, sub * n + 1))


def rollup(kind, sub, grain, year):
    first = min(months_of(kind, sub, year))
    return (first - 1) // (12 // PER_YEAR[grain]) + 1


def span(kind, year, sub):
    """First and last day of a period."""
    if kind == "day":
        d = day_date(year, sub)
        return d, d
    ms = months_of(kind, sub)
    last = datetime.date(year + (max(ms) == 12), max(ms) % 12 + 1, 1) - datetime.timedelta(days=1)
    return datetime.date(year, min(ms), 1), last


def prior_key(kind, key):
    """The same period a year earlier (None for 29 February)."""
    y, sub = key
    if kind != "day":
        return (y - 1, sub)
    d = day_date(y, sub)
    if (d.month, d.day) == (2, 29):
        return None
    p = d.replace(year=y - 1)
    return (y - 1, p.timetuple().tm_yday)


def prior_ytd_end(kind, key):
    """Position in the prior year where the prior year-to-date ends."""
    y, sub = key
    if kind != "day":
        return sub
    d = day_date(y, sub)
    p = d.replace(year=y - 1, day=28) if (d.month, d.day) == (2, 29) else d.replace(year=y - 1)
    return p.timetuple().tm_yday


# ---- values -------------------------------------------------------------


def value(rnd, allow_negative):
    r = rnd.random()
    if r < 0.08:
        return None
    if r < 0.14:
        return rnd.choice([0, 0.0])
    lo = -20 if allow_negative and rnd.random() < 0.15 else 0
    if rnd.random() < 0.6:
        return rnd.randint(lo, 60)
    return rnd.randint(lo * 4, 240) / 4.0  # exact in binary: sums are exact


# ---- the reference ------------------------------------------------------


class Point:
    """One period of one series and side: the rows with a value in it."""

    def __init__(self):
        self.sum = Fraction(0)
        self.count = 0
        self.real = False
        self.months = set()
        self.prelim = False
        self.forced = False  # a roll-up of days past the source's days
        self.unknown = False  # a roll-up of days, one of them without a figure


def collect(rows, kind, grain, nslot):
    """{series: {slot: {(year, sub): Point}}} at the grain."""
    out = {}
    for s, year, sub, slot, v, prelim in rows:
        if v is None:
            continue
        gy, gs = year, sub
        if grain and grain != kind:
            gs = rollup(kind, sub, grain, year)
        pt = out.setdefault(s, {}).setdefault(slot, {}).setdefault((gy, gs), Point())
        pt.sum += Fraction(v)
        pt.count += 1
        pt.real = pt.real or isinstance(v, float)
        pt.months |= months_of(kind, sub, year)
        pt.prelim = pt.prelim or prelim
    for sides in out.values():
        for k in range(nslot):
            sides.setdefault(k, {})
    if kind == "day" and grain and grain != "day":
        # Days are dates of events: a roll-up of days is complete unless it
        # reaches past the first or last day of any row of the source, or
        # before its side's own first figure (a series that begins on 2
        # December has no whole December).
        days = [day_date(year, sub) for _, year, sub, _, _, _ in rows]
        first, last = min(days), max(days)
        own = {}
        for s_, year, sub, slot, v, _ in rows:
            if v is not None:
                d = day_date(year, sub)
                own[(s_, slot)] = min(own.get((s_, slot), d), d)
        for s_, sides in out.items():
            for slot, side in sides.items():
                for (gy, gs), pt in side.items():
                    a, b = span(grain, gy, gs)
                    pt.months = months_of(grain, gs)
                    pt.forced = a < first or b > last or a < own.get((s_, slot), a)
        mark_unknown_days(rows, grain, out)
    return out


def mark_unknown_days(rows, grain, out):
    """A day row without a figure makes its roll-up incomplete (a day not
    known, not a day without sales) where the roll-up has a figure of the
    same series and side; rows before the side's first figure are a series
    not started yet, so the side's first roll-up ignores them when it
    begins before that figure."""
    first = {}
    for s, year, sub, slot, v, _ in rows:
        if v is not None:
            d = day_date(year, sub)
            first[(s, slot)] = min(first.get((s, slot), d), d)
    for s, year, sub, slot, v, _ in rows:
        if v is not None or (s, slot) not in first:
            continue
        side = out[s][slot]
        key = (year, rollup("day", sub, grain, year))
        pt = side.get(key)
        if pt is None:
            continue
        if key == min(side) and span(grain, *key)[0] < first[(s, slot)]:
            continue
        pt.unknown = True


def as_number(pt):
    if pt.real:
        return float(pt.sum)
    return int(pt.sum)


def incomplete(pt, grain, sub):
    return grain is not None and (pt.forced or pt.unknown or pt.months != months_of(grain, sub))


def yoy_expected(points, gk, grain, totals_marked=frozenset()):
    """Rows (period, value, prior_value, change, growth, ytd_value,
    prior_ytd_value, ytd_growth, note) of one series.  totals_marked: the
    periods where a figure summed into the totals of the share columns
    (every series of the source: one by column) is preliminary, which
    `preliminary` covers too, of the row's period and a year earlier,
    whatever the query reads."""
    rows = []
    for (y, sub) in sorted(points):
        pt = points[(y, sub)]
        inc = incomplete(pt, grain, sub)
        pk = prior_key(gk, (y, sub))
        prior = points.get(pk) if pk else None
        pinc = prior is not None and incomplete(prior, grain, sub)
        g = None
        if inc:
            note = "incomplete period"
        elif prior is None:
            note = "no prior period"
        elif pinc:
            note = "incomplete prior period"
        elif prior.sum == 0:
            note = "prior is zero"
        else:
            note, g = None, common.exact_growth(pt.sum, prior.sum)
        change = None
        if prior is not None and not inc and not pinc:
            d = pt.sum - prior.sum
            change = float(d) if (pt.real or prior.real) else int(d)

        def ytd(year, end):
            parts = [points.get((year, k)) for k in range(1, end + 1)]
            if any(p is None or incomplete(p, grain, k) for k, p in zip(range(1, end + 1), parts)):
                return None
            total = sum((p.sum for p in parts), Fraction(0))
            return float(total) if any(p.real for p in parts) else int(total)

        yv, pyv = ytd(y, sub), ytd(y - 1, prior_ytd_end(gk, (y, sub)))

        def marked(year, end):
            return any(points[(year, k)].prelim for k in range(1, end + 1) if (year, k) in points)

        prelim = int(marked(y, sub) or (prior is not None and marked(y - 1, pk[1]))
                     or (y, sub) in totals_marked or (pk is not None and pk in totals_marked))
        yg = None
        if yv is not None and pyv is not None and pyv != 0:
            yg = common.exact_growth(Fraction(yv), Fraction(pyv))
        if note is None and yg is None:
            note = ("incomplete year-to-date" if yv is None else
                    "incomplete prior year-to-date" if pyv is None else "prior is zero")
        rows.append((canonical(gk, y, sub), as_number(pt), as_number(prior) if prior else None,
                     change, g, yv, pyv, yg, prelim, note))
    return rows


def ratio_measures(x, m):
    """coverage, normalized, grubel_lloyd and the first note, of exact x, m."""
    if x < 0 or m < 0:
        return None, None, None, "negative flow"
    t = x + m
    norm = float((x - m) / t * 100) if t != 0 else None
    gl = float((1 - abs(x - m) / t) * 100) if t != 0 else None
    cov = float(x / m * 100) if m != 0 else None
    note = "no trade" if t == 0 else ("imports are zero" if m == 0 else None)
    return cov, norm, gl, note


def side_growth(side, key, grain, gk):
    y, sub = key
    pk = prior_key(gk, key)
    pt, prior = side.get(key), side.get(pk) if pk else None
    if pt is None:
        return None, None
    if incomplete(pt, grain, sub):
        return None, "incomplete period"
    if prior is None:
        return None, "no prior period"
    if incomplete(prior, grain, sub):
        return None, "incomplete prior period"
    if prior.sum == 0:
        return None, "prior is zero"
    return common.exact_growth(pt.sum, prior.sum), None


def trade_expected(sides, gk, grain):
    """Rows (period, exports, imports, balance, coverage, coverage_change,
    normalized, grubel_lloyd, prior_balance, balance_change,
    balance_growth, exports_growth, imports_growth, note) of one series."""
    X, M = sides[0], sides[1]
    rows = []
    for key in sorted(set(X) | set(M)):
        y, sub = key
        x, m = X.get(key), M.get(key)
        notes = []
        if x is None:
            notes.append("no exports")
        if m is None:
            notes.append("no imports")
        if (x and incomplete(x, grain, sub)) or (m and incomplete(m, grain, sub)):
            notes.append("incomplete period")
        pkey = prior_key(gk, key)
        prelim = int(any(p is not None and p.prelim
                         for p in (x, m, X.get(pkey), M.get(pkey))))
        xg, xwhy = side_growth(X, key, grain, gk)
        mg, mwhy = side_growth(M, key, grain, gk)
        bal = cov = norm = gl = pb = bc = bg = cc = None
        if x is not None and m is not None:
            real = x.real or m.real
            bal = float(x.sum - m.sum) if real else int(x.sum - m.sum)
            cov, norm, gl, why = ratio_measures(x.sum, m.sum)
            if why:
                notes.append(why)
            px, pm = X.get(pkey), M.get(pkey)
            if px is None and pm is None:
                notes.append("no prior period")
            elif px is None or pm is None:
                notes.append("no prior balance")
            else:
                pb_exact = px.sum - pm.sum
                pb = float(pb_exact) if (px.real or pm.real) else int(pb_exact)
                inc = any(p is not None and incomplete(p, grain, sub) for p in (x, m, px, pm))
                if not inc:
                    d = (x.sum - m.sum) - pb_exact
                    bc = float(d) if (real or px.real or pm.real) else int(d)
                    pcov = ratio_measures(px.sum, pm.sum)[0]
                    if cov is not None and pcov is not None:
                        cc = cov - pcov
                if inc:
                    now_inc = any(p is not None and incomplete(p, grain, sub) for p in (x, m))
                    notes.append("incomplete period" if now_inc else "incomplete prior period")
                elif pb_exact == 0:
                    notes.append("prior is zero")
                else:
                    bg = common.exact_growth(x.sum - m.sum, pb_exact)
        notes += [w for w in (xwhy, mwhy) if w]
        rows.append((canonical(gk, y, sub), as_number(x) if x else None,
                     as_number(m) if m else None, bal, cov, cc, norm, gl, pb, bc, bg, xg, mg,
                     prelim, notes[0] if notes else None))
    return rows


# ---- comparison ---------------------------------------------------------


def same(a, b):
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    if isinstance(a, int) != isinstance(b, int):
        return False  # INTEGER where REAL is due, or the reverse
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def compare(name, got, want, columns):
    if len(got) != len(want):
        fail("%s: %d rows, expected %d\n  got  %r\n  want %r" % (name, len(got), len(want),
                                                                 got[:8], want[:8]))
        return
    compared[0] += len(got)
    for g, w in zip(got, want):
        bad = [c for c, a, b in zip(columns, g, w) if not same(a, b)]
        if bad:
            fail("%s: columns %s differ\n  got  %r\n  want %r" % (name, ", ".join(bad), g, w))
            return


# ---- one random table ---------------------------------------------------


def make_rows(rnd, trade):
    kind = rnd.choice(KINDS)
    coarser = KINDS[:KINDS.index(kind)]
    grain = rnd.choice(coarser + [kind]) if coarser and rnd.random() < 0.5 else None
    if grain is None and rnd.random() < 0.2 and kind != "day":
        grain = kind  # grain equal to the data's kind: duplicates summed
    if grain == "day":
        grain = None  # not a grain= value
    nslot = 2 if trade else 1
    series = rnd.choice([["a"], ["a", "b"]])
    keep = rnd.choice([0.6, 0.85, 1.0])
    if kind == "day":
        # A year and some around 29 February 2020: dates a year apart.
        start = datetime.date(2019, 11, 1) + datetime.timedelta(days=rnd.randint(0, 120))
        length = rnd.randint(380, 520)
        keep = rnd.choice([0.97, 1.0, 1.0])
        dates = [start + datetime.timedelta(days=i) for i in range(length)]
        periods = [(d.year, d.timetuple().tm_yday) for d in dates]
    else:
        periods = [(y, k) for y in YEARS for k in range(1, PER_YEAR[kind] + 1)]
    rows = []
    for s in series:
        for year, sub in periods:
            if True:
                for slot in range(nslot):
                    if rnd.random() > keep:
                        continue
                    copies = rnd.choice([1, 1, 1, 2]) if grain else 1
                    for _ in range(copies):
                        prelim = rnd.random() < 0.04
                        rows.append((s, year, sub, slot, value(rnd, True), prelim))
    return kind, grain, series, rows


def load(db, kind, rows, trade, rnd, grain):
    db.execute("DROP TABLE IF EXISTS src")
    db.execute("CREATE TABLE src(s TEXT, p, f TEXT, v)")
    out = []
    for s, year, sub, slot, v, prelim in rows:
        f = rnd.choice(EXPORT_LABELS if slot == 0 else IMPORT_LABELS) if trade else None
        p = label(kind, year, sub, rnd)
        if prelim:  # KOSIS's mark, in one of its spellings
            p = str(p) + rnd.choice([" p)", "p", " (p)", "P)"])
        out.append((s, p, f, v))
    labelled = list(out)
    rnd.shuffle(out)
    db.executemany("INSERT INTO src VALUES (?, ?, ?, ?)", out)
    if not trade:
        return None
    # The same data wide: a column per side.  Without grain= the two sides
    # of a series and period share one row when both have one.
    db.execute("DROP TABLE IF EXISTS wide")
    db.execute("CREATE TABLE wide(s TEXT, p, x, m)")
    paired, single = {}, []
    for (s, year, sub, slot, v, prelim), (_, p, _, _) in zip(rows, labelled):
        key = (s, year, sub)
        first = paired.get(key)
        # Merged into the other side's row when that side is still empty
        # there (a row with no figure still counts for the days a source
        # holds, so it is kept, both sides NULL).
        if (grain is None and first is not None and first[2 + slot] is None and v is not None
                and not prelim and not first[4]):
            first[2 + slot] = v
            continue
        row = [s, p, None, None, prelim, year, sub]
        row[2 + slot] = v
        if first is None and v is not None:
            paired[key] = row
        else:
            single.append(row)
    db.executemany("INSERT INTO wide VALUES (?, ?, ?, ?)", [r[:4] for r in single])
    db.executemany("INSERT INTO wide VALUES (?, ?, ?, ?)", [r[:4] for r in paired.values()])
    # The wide rows as long ones: a row's empty cell is a row of that side
    # without a figure (under grain=, a day of that side not known).
    return [(r[0], r[5], r[6], slot, r[2 + slot], r[4] and r[2 + slot] is not None)
            for r in single + list(paired.values()) for slot in (0, 1)]


YOY_COLS = ["period", "value", "prior_value", "change", "growth", "ytd_value", "prior_ytd_value",
            "ytd_growth", "preliminary", "note"]
TRADE_COLS = ["period", "exports", "imports", "balance", "coverage", "coverage_change",
              "normalized", "grubel_lloyd", "prior_balance", "balance_change", "balance_growth",
              "exports_growth", "imports_growth", "preliminary", "note"]


def run_table(db, rnd, t):
    trade = t % 2 == 1
    kind, grain, series, rows = make_rows(rnd, trade)
    wide_rows = load(db, kind, rows, trade, rnd, grain)
    gk = grain or kind
    pts = collect(rows, kind, grain, 2 if trade else 1)
    want = []
    totals_marked = {k for sides in pts.values() for k, pt in sides[0].items() if pt.prelim}
    for s in sorted(pts):
        body = (trade_expected(pts[s], gk, grain) if trade
                else yoy_expected(pts[s][0], gk, grain, totals_marked))
        want += [(s,) + r for r in body]
    want_wide = want
    if trade and kind == "day" and grain:
        wide_pts = collect(wide_rows, kind, grain, 2)
        want_wide = [(s,) + r for s in sorted(wide_pts)
                     for r in trade_expected(wide_pts[s], gk, grain)]
    cols = TRADE_COLS if trade else YOY_COLS
    opts = "grain=%s" % grain if grain else ""
    for scan in ("stream", "hash"):
        o = ", ".join(x for x in (opts, "scan=" + scan) if x)
        if trade:
            sql = "SELECT series, %s FROM trade_imbalance('src', 'v', 'p', 'f', 's', '%s')" % (
                ", ".join(cols), o)
        else:
            sql = "SELECT series, %s FROM yoy_growth('src', 'v', 'p', 's', '%s')" % (
                ", ".join(cols), o)
        name = "table %d (%s, %s, grain=%s, scan=%s)" % (t, "trade" if trade else "yoy", kind,
                                                          grain, scan)
        try:
            got = db.execute(sql + " ORDER BY 1, 2").fetchall()
        except sqlite3.Error as e:
            fail("%s: error %s" % (name, e))
            continue
        compare(name, got, want, ["series"] + cols)
        if not trade:
            continue
        extra = "".join(", " + x for x in (opts, "scan=" + scan) if x)
        db.execute("DROP TABLE IF EXISTS w")
        db.execute("CREATE VIRTUAL TABLE w USING trade_imbalance(source=wide, period=p, exports=x, "
                   "imports=m, by=s%s)" % extra)
        try:
            got = db.execute("SELECT s, %s FROM w ORDER BY 1, 2" % ", ".join(cols)).fetchall()
        except sqlite3.Error as e:
            fail("%s wide: error %s" % (name, e))
            continue
        compare(name + " wide", got, want_wide, ["series"] + cols)
    if not trade and grain in (None, kind):
        check_functions(db, t, kind, want)


def check_functions(db, t, kind, want):
    """The aggregate and window forms of yoy_growth and ytd_growth over the
    same rows (one row per period at the data's own kind, duplicates
    summed): the aggregate is the latest period's figure; each window row,
    ordered by period, its own period's.  The latest period is the latest
    of all rows, a NULL value's too: when it has no figure (every value
    NULL) the result is NULL, as pct_change of its sum() would be."""
    by_series = {}
    for r in want:
        by_series.setdefault(r[0], []).append(r)
    # Canonical labels of one kind sort as text in period order.
    latest = dict(db.execute("SELECT s, max(period_normalize(p)) FROM src GROUP BY s").fetchall())
    name = "table %d (functions, %s)" % (t, kind)
    got = db.execute("SELECT s, yoy_growth(v, p), ytd_growth(v, p) FROM src GROUP BY s ORDER BY s")
    exp = []
    for (s,) in db.execute("SELECT DISTINCT s FROM src ORDER BY s").fetchall():
        rows = by_series.get(s)  # a series whose every value is NULL: NULL
        if rows and rows[-1][1] != latest[s]:
            rows = None  # the latest period has no figure
        exp.append((s, rows[-1][5] if rows else None, rows[-1][8] if rows else None))
    compare(name + " aggregate", got.fetchall(), exp, ["series", "yoy_growth", "ytd_growth"])
    got = db.execute(
        "SELECT s, period_normalize(p), yoy_growth(v, p) OVER w, ytd_growth(v, p) OVER w FROM src "
        "WINDOW w AS (PARTITION BY s ORDER BY period_normalize(p)) ORDER BY 1, 2").fetchall()
    exp = []
    for s, label_, _, _ in got:
        rows = [r for r in by_series.get(s, []) if r[1] == label_]  # no figure: NULL
        exp.append((s, label_, rows[-1][5] if rows else None, rows[-1][8] if rows else None))
    compare(name + " window", got, exp, ["series", "period", "yoy_growth", "ytd_growth"])
    # cagr(value, period): the first and last period's sums, the years
    # between their ends (a period ends its year's fraction position / n).
    got = db.execute("SELECT s, cagr(v, p), sparkline(v, p) FROM src GROUP BY s ORDER BY s")
    exp = []
    for (s,) in db.execute("SELECT DISTINCT s FROM src ORDER BY s").fetchall():
        rows = by_series.get(s)
        # cagr: NULL when the last period has no figure; the sparkline
        # leaves periods without one at either end undrawn.
        cg = cagr(kind, rows) if rows and rows[-1][1] == latest[s] else None
        exp.append((s, cg, sparkline(kind, rows)) if rows else (s, None, None))
    compare(name + " cagr and sparkline", got.fetchall(), exp, ["series", "cagr", "sparkline"])


def where_in_year(kind, label_):
    """(ordinal, year, fraction of the year elapsed at the period's end)."""
    if kind == "day":
        d = datetime.date.fromisoformat(label_)
        days = 366 if d.year % 4 == 0 and (d.year % 100 or d.year % 400 == 0) else 365
        return d.toordinal(), d.year, d.timetuple().tm_yday / days
    year, n = int(label_[:4]), PER_YEAR[kind]
    pos = 1 if kind == "year" else int(label_[-1] if kind in ("half", "quarter") else label_[5:])
    return year * n + pos - 1, year, pos / n


def cagr(kind, rows):
    _, y0, f0 = where_in_year(kind, rows[0][1])
    _, y1, f1 = where_in_year(kind, rows[-1][1])
    first, last, years = float(rows[0][2]), float(rows[-1][2]), (y1 - y0) + (f1 - f0)
    if not (first > 0 and last >= 0 and years > 0):
        return None
    return ((last / first) ** (1.0 / years) - 1.0) * 100.0


def sparkline(kind, rows):
    """One bar per period from the first to the last, a space for a gap;
    the levels as the documented linear scale computes them in doubles."""
    bars = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
    at = {where_in_year(kind, r[1])[0]: float(r[2]) for r in rows}
    lo, hi = min(at.values()), max(at.values())
    out = []
    for o in range(min(at), max(at) + 1):
        if o not in at:
            out.append(" ")
        elif not hi > lo:
            out.append(bars[3])
        else:
            f = min(max((at[o] - lo) / (hi - lo), 0.0), 1.0)
            out.append(bars[int(math.floor(f * 7 + 0.5))])
    return "".join(out)


def main():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(EXT)
    rnd = random.Random(SEED)
    for t in range(TABLES):
        run_table(db, rnd, t)
    print("measures oracle: %d tables (seed %d), %d rows: every column of yoy_growth and "
          "trade_imbalance against the plain meaning, %d failures" % (TABLES, SEED, compared[0],
                                                                    len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
