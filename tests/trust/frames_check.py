#!/usr/bin/python3
"""yoy_growth and ytd_growth as window functions, against the frame SQLite
itself builds.

For every seeded random series (month, quarter, half, year and day
periods; gaps; several rows of one period; NULL values; INTEGER and REAL
values) and every random window (ROWS, RANGE or GROUPS; n PRECEDING,
n FOLLOWING, UNBOUNDED; EXCLUDE NO OTHERS / CURRENT ROW / GROUP / TIES;
with and without PARTITION BY), the same window's
json_group_array(json_array(value, period)) shows the rows SQLite puts in
each row's frame.  The expected answer is computed from those rows alone
by the documented rule (docs/reference/growth.md): rows with a NULL value
are skipped, but a latest period whose rows are all NULL gives NULL,
rows of one period are summed, the latest period of the
frame is compared with the same period a year earlier (present in the
frame, sum not zero), and year-to-date sums need every period of both
years present.  A window function that keeps state across frames
(xInverse) must agree with that, whatever the frame does.

Also the aggregate form, against the same rule over the whole group.

And huge values entering and leaving sliding frames: REAL series mixing
+-1e308, +-1e307, the largest double, subnormals, small REALs and
INTEGERs, several rows a period, under ROWS n PRECEDING frames (xInverse
removes them): each row's window result must equal, to the bit, the
aggregate over exactly the rows of its frame in the same order (a
compensated sum a huge value has left must not have lost the small ones).

And the hand-over of the window's common series (INTEGER figures, one
canonical 'YYYY-MM' month a row, ascending), kept apart until any other
row: the first other row at every place (a second row of a month, a
REAL, -0.0, NULL, a text figure, another spelling of the month, a figure
near 2^63), under every frame, with PARTITION BY, FILTER and ytd_growth
in the same query, each result to the bit the aggregate over its frame's
rows in their order (and that aggregate near the one over the rows in
reverse, which leaves the common series at the second row).

    /usr/bin/python3 tests/trust/frames_check.py [build/tradestat] [seed] [rounds]

Prints one line per failure (at most 20) and a summary; exits 1 on any.
"""
import datetime
from fractions import Fraction
import json
import random
import re
import sqlite3
import struct
import sys

import common

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20261201
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 300

KINDS = ("year", "half", "quarter", "month", "day")
PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}


# ---- periods, independently of the extension ----------------------------

# canonical label of the sub-th period of year (a day: its day of the year)
label = common.period_label


def parse(kind, text):
    """(year, position in the year) of a canonical label."""
    if kind == "year":
        return int(text), 1
    if kind in ("half", "quarter"):
        return int(text[:4]), int(text[6:])
    if kind == "month":
        return int(text[:4]), int(text[5:])
    d = datetime.date.fromisoformat(text)
    return d.year, d.timetuple().tm_yday


def prior_year(kind, text):
    """The same period a year earlier, or None (29 February)."""
    year, pos = parse(kind, text)
    if kind != "day":
        return label(kind, year - 1, pos)
    d = datetime.date.fromisoformat(text)
    if d.month == 2 and d.day == 29:
        return None
    return d.replace(year=d.year - 1).isoformat()


def ytd_labels(kind, text):
    """Every period of text's year up to text, and of the prior year up to
    the same point (28 February standing in for 29 February)."""
    year, pos = parse(kind, text)
    this = [label(kind, year, i) for i in range(1, pos + 1)]
    if kind != "day":
        return this, [label(kind, year - 1, i) for i in range(1, pos + 1)]
    d = datetime.date.fromisoformat(text)
    if d.month == 2 and d.day == 29:
        end = datetime.date(year - 1, 2, 28)
    else:
        end = d.replace(year=year - 1)
    return this, [label(kind, year - 1, i) for i in range(1, end.timetuple().tm_yday + 1)]


def expected(kind, rows, measure):
    """The documented result over the rows of one frame or group."""
    sums = {}
    for v, p in rows:
        if v is None or p is None:
            continue
        sums[p] = sums.get(p, Fraction(0)) + Fraction(v)
    if not sums:
        return None
    latest = max(sums, key=lambda p: parse(kind, p))
    # The latest period of the rows, with a figure or not: when its rows
    # are all NULL (KOSIS's '-') the result is NULL, never the growth of
    # the period before it.
    if any(p is not None and parse(kind, p) > parse(kind, latest) for v, p in rows):
        return None
    if measure == "yoy_growth":
        prior = prior_year(kind, latest)
        if prior is None or prior not in sums:
            return None
        return common.exact_growth(sums[latest], sums[prior])
    this, before = ytd_labels(kind, latest)
    if int(latest[:4]) == 1 or any(p not in sums for p in this + before):
        return None
    return common.exact_growth(sum(sums[p] for p in this), sum(sums[p] for p in before))


# ---- random series and windows ------------------------------------------

def random_series(rng, kind):
    """Rows (value, period) of one series, in random order."""
    start = rng.choice((2019, 2020, 2023))
    years = rng.choice((1, 2, 3))
    if kind == "day":
        first = datetime.date(start, rng.choice((1, 2)), rng.choice((1, 25)))
        n = rng.choice((30, 70, 400))
        labels = [(first + datetime.timedelta(i)).isoformat() for i in range(n)]
    else:
        labels = [label(kind, y, s) for y in range(start, start + years)
                  for s in range(1, PER_YEAR[kind] + 1)]
    gap = rng.random()
    real = rng.random() < 0.3
    huge = not real and rng.random() < 0.15  # sums pass 2^63 and come back
    rows = []
    for p in labels:
        if rng.random() < gap * 0.15:
            continue  # a missing period
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            if rng.random() < 0.08:
                v = None
            elif huge:
                v = rng.choice((2 ** 63 - 1, -2 ** 63, 2 ** 62 + rng.randint(0, 9), rng.randint(1, 9)))
            elif real:
                v = round(rng.uniform(-50, 500), 2)
            else:
                v = rng.choice((0, rng.randint(-20, 400), rng.randint(1, 9)))
            rows.append((v, p))
    rng.shuffle(rows)
    return rows


def random_frame(rng):
    unit = rng.choice(("ROWS", "RANGE", "GROUPS"))

    def bound(side):
        n = rng.choice((0, 1, 2, 3, 5, 12, 13, 24, 370))
        if unit == "RANGE":  # RANGE with an offset needs a numeric ORDER BY
            return rng.choice(("UNBOUNDED PRECEDING", "CURRENT ROW")) if side == 0 else \
                rng.choice(("CURRENT ROW", "UNBOUNDED FOLLOWING"))
        if side == 0:
            return rng.choice(("UNBOUNDED PRECEDING", "%d PRECEDING" % n, "CURRENT ROW"))
        return rng.choice(("CURRENT ROW", "%d FOLLOWING" % n, "UNBOUNDED FOLLOWING"))

    start, end = bound(0), bound(1)
    if start != "CURRENT ROW" and rng.random() < 0.2:
        end = "%d PRECEDING" % rng.choice((0, 1))  # a frame that ends before the row
    exclude = rng.choice(("", "", " EXCLUDE CURRENT ROW", " EXCLUDE GROUP", " EXCLUDE TIES"))
    return "%s BETWEEN %s AND %s%s" % (unit, start, end, exclude)


def connect():
    return common.connect(EXT)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


HUGE = (1e308, -1e308, 1e307, -1e307, 1.7976931348623157e308, -1.7976931348623157e308,
        5e-324, 1e300, -1e300)


def huge_rounds(rng, db, rounds, failures):
    """Window results against the aggregate over the same rows, bit for bit,
    on sliding frames that huge values enter and leave."""
    checked = 0
    for r in range(rounds):
        kind = rng.choice(("year", "quarter", "month"))
        start = rng.choice((2019, 2020))
        labels = [label(kind, y, s) for y in range(start, start + 2)
                  for s in range(1, PER_YEAR[kind] + 1)]
        rows = []
        for p in labels:
            for _ in range(rng.choice((1, 2, 3, 4, 6))):
                x = rng.random()
                if x < 0.3:
                    v = rng.choice(HUGE)
                elif x < 0.6:
                    v = rng.choice((1.0, 0.1, 0.25, 3.0, -2.5, 7.75))
                elif x < 0.8:
                    v = round(rng.uniform(-50, 500), 2)
                elif x < 0.95:
                    v = rng.randint(-9, 400)
                else:
                    v = None
                rows.append((p, v))
        db.execute("DROP TABLE IF EXISTS hs")
        db.execute("CREATE TABLE hs(id INTEGER PRIMARY KEY, p TEXT, v)")
        db.executemany("INSERT INTO hs(p, v) VALUES (?, ?)", rows)
        ordered = db.execute("SELECT id FROM hs ORDER BY p, id").fetchall()
        n = rng.choice((1, 2, 3, 4, 5, 7, 13))
        for measure in ("yoy_growth", "ytd_growth"):
            got = db.execute("SELECT id, %s(v, p) OVER (ORDER BY p, id ROWS %d PRECEDING) "
                             "FROM hs ORDER BY p, id" % (measure, n)).fetchall()
            for k, (rid, value) in enumerate(got):
                ids = [i for (i,) in ordered[max(0, k - n):k + 1]]
                want = db.execute(
                    "SELECT %s(v, p) FROM (SELECT v, p FROM hs WHERE id IN (%s) ORDER BY p, id)"
                    % (measure, ",".join(map(str, ids)))).fetchone()[0]
                checked += 1
                if value != want and not (value is None and want is None):
                    failures.append("huge round %d %s %s ROWS %d PRECEDING: row %d got %r, "
                                    "the aggregate over its rows %r (rows %s)"
                                    % (r, kind, measure, n, rid, value, want,
                                       db.execute("SELECT group_concat(v, ',') FROM hs WHERE id IN "
                                                  "(%s)" % ",".join(map(str, ids))).fetchone()[0]))
                    break
    return checked


def handover_series(rng):
    """Months ascending with INTEGER figures -- the window's common series
    (growth_window.c contract item 9) -- until the row at a random place
    (the 1st, 2nd, 13th, 14th or any other), which is not: a second row of
    its month, a REAL or -0.0, NULL, a text figure, a month spelled
    otherwise ('2023-1', '2023-01 ', '2023.01', '202301', '2023/01'), a
    figure near 2^63.  Rows (value, label, ordinal)."""
    n = rng.choice((1, 2, 3, 12, 13, 14, 15, 25, 40))
    at = rng.choice((0, 1, 12, 13, rng.randrange(0, n + 2)))
    what = rng.choice(("dup", "real", "negzero", "null", "text", "spell", "big"))
    year, rows = rng.choice((1, 2, 2020)), []
    m = 0
    for i in range(n):
        y, mo = year + m // 12, m % 12 + 1
        v = rng.choice((rng.randint(-5, 500), rng.randint(1, 9), 0))
        if rng.random() < 0.05:
            v = rng.choice((2 ** 63 - 1, -2 ** 63, 2 ** 53 + 1, 2 ** 62))
        text = "%04d-%02d" % (y, mo)
        if i == at:
            if what == "real":
                v = rng.choice((1.5, 0.1, 1e308, 3.0))
            elif what == "negzero":
                v = -0.0
            elif what == "null":
                v = None
            elif what == "text":
                v = str(v)
            elif what == "big":
                v = rng.choice((2 ** 63 - 1, -2 ** 63))
            elif what == "spell":
                # six digits are a month only for the years 1800..2199
                forms = ["%04d-%d", "%04d-%02d ", "%04d.%02d", "%04d/%02d"]
                if 1800 <= y <= 2199:
                    forms.append("%04d%02d")
                text = rng.choice(forms) % (y, mo)
        rows.append((v, text, y * 12 + mo - 1))
        if i == at and what == "dup":
            rows.append((rng.choice((rng.randint(1, 50), 2 ** 63 - 1)), "%04d-%02d" % (y, mo), y * 12 + mo - 1))
        m += 1 if rng.random() < 0.9 else rng.choice((2, 12))
    return rows


def handover_rounds(rng, db, rounds, failures):
    """The window over a series that leaves the common form at any row,
    under every kind of frame, PARTITION BY, FILTER and with ytd_growth
    in the same query: each result equals, to the bit, the aggregate
    over exactly the rows of its frame in their order."""
    checked = 0
    for r in range(rounds):
        db.execute("DROP TABLE IF EXISTS ho")
        db.execute("CREATE TABLE ho(id INTEGER PRIMARY KEY, g, p, v, o)")
        for g in ("a", "b") if rng.random() < 0.3 else ("a",):
            db.executemany("INSERT INTO ho(g, v, p, o) VALUES (?, ?, ?, ?)",
                           [(g,) + row for row in handover_series(rng)])
        frame = random_frame(rng)
        if frame.startswith("ROWS") and rng.random() < 0.3:
            frame = "ROWS BETWEEN 1 FOLLOWING AND %d FOLLOWING" % rng.choice((1, 2, 13))
        part = "PARTITION BY g " if rng.random() < 0.5 else ""
        where = rng.choice(("", "", " FILTER (WHERE id % 3 <> 1)"))
        # RANGE with an offset takes one ORDER BY term (SQLite's rule)
        ranged = frame.startswith("RANGE") and re.search(r"\d+ (PRECEDING|FOLLOWING)", frame)
        win = "(%sORDER BY %s %s)" % (part, "o" if ranged else rng.choice(("o", "o, id")), frame)
        for measure in ("yoy_growth", "ytd_growth"):
            sql = ("SELECT id, %s(v, p)%s OVER w, json_group_array(id)%s OVER w, "
                   "ytd_growth(v, p) OVER w, yoy_growth(v, p) OVER w FROM ho WINDOW w AS %s"
                   % (measure, where, where, win))
            try:
                got = db.execute(sql).fetchall()
            except sqlite3.Error as e:
                failures.append("handover round %d %s %s: error %s" % (r, measure, win, e))
                continue
            for rid, value, ids, _, _ in got:
                want = db.execute(
                    "SELECT %s(v, p) FROM (SELECT v, p FROM ho JOIN json_each(?) j "
                    "ON ho.id = j.value ORDER BY j.key)" % measure, (ids,)).fetchone()[0]
                # The aggregate's own common series agrees with the deque's
                # (rows in reverse leave it at the second row).
                back = db.execute(
                    "SELECT %s(v, p) FROM (SELECT v, p FROM ho JOIN json_each(?) j "
                    "ON ho.id = j.value ORDER BY j.key DESC)" % measure, (ids,)).fetchone()[0]
                if not close(want, back):
                    failures.append("handover round %d %s: the aggregate over rows %s is %r, "
                                    "over them in reverse %r" % (r, measure, ids, want, back))
                    break
                checked += 1
                same = (value is None and want is None) or (
                    value is not None and want is not None and
                    struct.pack("<d", value) == struct.pack("<d", want))
                if not same:
                    failures.append("handover round %d %s%s %s: row %d got %r, the aggregate over "
                                    "its rows %r (rows %s)"
                                    % (r, measure, where, win, rid, value, want, db.execute(
                                        "SELECT group_concat(quote(v) || '@' || quote(p), ' ') "
                                        "FROM ho JOIN json_each(?) j ON ho.id = j.value",
                                        (ids,)).fetchone()[0]))
                    break
    return checked


def main():
    rng = random.Random(SEED)
    db = connect()
    failures, checked = [], 0
    checked += huge_rounds(random.Random(SEED + 1), db, max(10, ROUNDS // 2), failures)
    checked += handover_rounds(random.Random(SEED + 2), db, max(10, ROUNDS), failures)
    for r in range(ROUNDS):
        kind = rng.choice(KINDS)
        db.execute("DROP TABLE IF EXISTS s")
        db.execute("CREATE TABLE s(id INTEGER PRIMARY KEY, g TEXT, p TEXT, v)")
        for g in ("a", "b") if rng.random() < 0.4 else ("a",):
            db.executemany("INSERT INTO s(g, p, v) VALUES (?, ?, ?)",
                           [(g, p, v) for v, p in random_series(rng, kind)])
        frame = random_frame(rng)
        part = "PARTITION BY g " if rng.random() < 0.5 else ""
        # Rows of one period are peers unless id orders them; both
        # results of a row come from the one window, so either is exact.
        order = "p, id" if rng.random() < 0.4 and not frame.startswith("RANGE") else "p"
        win = "(%sORDER BY %s %s)" % (part, order, frame)
        for measure in ("yoy_growth", "ytd_growth"):
            sql = ("SELECT id, g, %s(v, p) OVER w, json_group_array(json_array(v, p)) OVER w "
                   "FROM s WINDOW w AS %s ORDER BY id" % (measure, win))
            try:
                got = db.execute(sql).fetchall()
            except sqlite3.Error as e:
                failures.append("round %d %s %s %s: error %s" % (r, kind, measure, win, e))
                continue
            for rid, g, value, frame_rows in got:
                want = expected(kind, [tuple(x) for x in json.loads(frame_rows)], measure)
                checked += 1
                if not close(value, want):
                    failures.append("round %d %s %s %s: row %d got %r want %r (frame %s)"
                                    % (r, kind, measure, win, rid, value, want,
                                       frame_rows[:300]))
                    break
        # The aggregate over each group: any order of rows.
        for measure in ("yoy_growth", "ytd_growth"):
            for g, value, rows in db.execute(
                    "SELECT g, %s(v, p), json_group_array(json_array(v, p)) FROM "
                    "(SELECT * FROM s ORDER BY random()) GROUP BY g" % measure):
                want = expected(kind, [tuple(x) for x in json.loads(rows)], measure)
                checked += 1
                if not close(value, want):
                    failures.append("round %d %s aggregate %s group %s: got %r want %r"
                                    % (r, kind, measure, g, value, want))
    for f in failures[:20]:
        print("FAIL " + f)
    print("frames_check: %d results compared over %d rounds (seed %d), %d failures"
          % (checked, ROUNDS, SEED, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
