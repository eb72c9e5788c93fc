#!/usr/bin/python3
"""Series of days that begin on random days, rolled up with grain=:
each roll-up begins where its series' own days begin, the table form of
annual_projection decides as the aggregate does, and the two scan paths
and a WHERE agree.

A roll-up of days is incomplete when it reaches before the first day the
source holds, past its last, or before its series' own first row with a
figure (docs/design.md, "Roll-ups know what they are missing").  Each
round builds a source of days: an anchor series from 1 January 2021 to a
random last day of the source, and five series that begin on random days
(often in the first days of a January, or on the 1st of a month), each
with a row every day, every one to three days, or every seven days, some
with rows of no figure (NULL) before their first figure, and each ending
on a random day.  Then:

  1. annual_projection(grain=month, method=run_rate, through=MM): a
     series' year is projected exactly when its months January..MM all
     have a row, lie inside the source's days and begin on or after the
     series' first figure (its first year: a first figure on 1 January);
     the year-to-date is the sum of those rows;
  2. the aggregate annual_projection(v, d, 'run_rate') over the same rows
     projects exactly when they begin in the year's first week and are
     not one day a month in the months' first weeks (its own rule), and the two forms agree but for the one case documented as
     stricter: a series whose first figure falls on 2..7 January of that
     year (the table gives NULL, the aggregate a projection), and the one
     where the aggregate, reading one year's rows, cannot see the series'
     earlier rows: a year whose rows begin after 7 January after a gap
     (the table projects, the aggregate gives NULL);
  3. scan=hash and scan=stream give the same rows to the bit, and a WHERE
     on the year gives the unfiltered rows;
  4. yoy_growth(grain=month): both paths and a WHERE on the period agree,
     and each series' first month is 'incomplete period' exactly when
     its first figure is not on the month's 1st (or the month reaches
     past the source's last day).

    /usr/bin/python3 tests/trust/days_start.py [build/tradestat] [--rounds N] [--seed N]

Prints the first failures and a summary; exits 1 on any.
"""
import datetime
import random
import sys

import common

DAY = datetime.timedelta(1)
FIRST = datetime.date(2021, 1, 1)


def month_end(y, m):
    return datetime.date(y + (m == 12), m % 12 + 1, 1) - DAY


def random_start(rng):
    c = rng.random()
    y = rng.choice((2021, 2022, 2023))
    if c < 0.35:  # the first days of a January: the aggregate's week and after
        return datetime.date(y, 1, rng.randint(1, 10)) if y > 2021 else datetime.date(2021, 1, rng.randint(2, 10))
    if c < 0.5:
        return datetime.date(y, rng.randint(1, 12), 1) if y > 2021 else datetime.date(2021, rng.randint(2, 12), 1)
    return FIRST + DAY * rng.randint(1, 900)


def random_rows(rng, last):
    """Rows (k, day ISO, value or None) and each series' first figure."""
    rows, first_figure = [], {}
    d = FIRST
    while d <= last:
        rows.append(("a", d.isoformat(), 10))
        d += DAY
    first_figure["a"] = FIRST
    for k in "bcdef":
        start = random_start(rng)
        if start > last:
            start = last - DAY * rng.randint(0, 30)
        end = min(last, start + DAY * rng.randint(60, 1200))
        step = rng.choice(("daily", "gappy", "weekly"))
        if rng.random() < 0.3:  # rows of no figure before the first one
            for back in sorted(rng.sample(range(1, 6), rng.randint(1, 3)), reverse=True):
                if start - DAY * back > FIRST:
                    rows.append((k, (start - DAY * back).isoformat(), None))
        d = start
        while d <= end:
            rows.append((k, d.isoformat(), rng.randint(1, 50)))
            # "weekly": about once a week, not on one weekday all year (rows on
            # one weekday in 8 months of a year are weekly figures keyed by a
            # day, an error under grain=: tests/sql/grain_weekly_days.sql)
            d += DAY * (1 if step == "daily" else rng.randint(1, 3) if step == "gappy" else rng.randint(6, 8))
        first_figure[k] = start
    return rows, first_figure


def figures(rows, k, lo, hi):
    return [(datetime.date.fromisoformat(d), v) for kk, d, v in rows
            if kk == k and v is not None and lo.isoformat() <= d <= hi.isoformat()]


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"rounds": 25, "seed": 20261202})
    rng = random.Random(opts["seed"])
    db = common.connect(ext)
    failures, judged, window, both_null, after_gap = [], 0, 0, 0, 0

    def fail(msg):
        failures.append(msg)

    for r in range(opts["rounds"]):
        last = datetime.date(2023, 7, 1) + DAY * rng.randint(0, 540)
        rows, first_figure = random_rows(rng, last)
        src_first = min(datetime.date.fromisoformat(d) for _, d, _ in rows)
        src_last = max(datetime.date.fromisoformat(d) for _, d, _ in rows)
        through = rng.randint(5, 11)
        db.execute("DROP TABLE IF EXISTS t")
        db.execute("CREATE TABLE t(k TEXT, d TEXT, v INTEGER)")
        db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
        q = ("SELECT series, year, ytd, projection, note FROM annual_projection('t', 'v', 'd', 'k', "
             "'run_rate', 'grain=month, through=%02d, scan=%s')")
        by_hash = db.execute(q % (through, "hash") + " ORDER BY series, year").fetchall()
        by_stream = db.execute(q % (through, "stream") + " ORDER BY series, year").fetchall()
        if by_hash != by_stream:
            fail("round %d: annual_projection hash and stream differ: %r / %r"
                 % (r, [x for x in by_hash if x not in by_stream][:3],
                    [x for x in by_stream if x not in by_hash][:3]))
            continue
        for y in (2022, 2023, 2024):
            for mode in ("hash", "stream"):
                narrowed = db.execute(q % (through, mode) + " WHERE year = %d ORDER BY series" % y).fetchall()
                if narrowed != [x for x in by_hash if x[1] == y]:
                    fail("round %d: WHERE year = %d (%s) changes rows: %r / %r"
                         % (r, y, mode, narrowed[:3], [x for x in by_hash if x[1] == y][:3]))
        for k, year, ytd, projection, note in by_hash:
            f = first_figure[k]
            lo, hi = datetime.date(year, 1, 1), month_end(year, through)
            got = figures(rows, k, lo, hi)
            months = {d.month for d, _ in got}
            whole = (months == set(range(1, through + 1)) and src_first <= lo and hi <= src_last
                     and f <= lo)
            if (projection is not None) != whole:
                fail("round %d: %s %d: table projection %r (note %r), the rule says %s (first figure %s)"
                     % (r, k, year, projection, note, "one" if whole else "none", f))
                continue
            if whole and ytd != sum(v for _, v in got):
                fail("round %d: %s %d: ytd %r, the rows sum to %r" % (r, k, year, ytd, sum(v for _, v in got)))
                continue
            agg = db.execute("SELECT annual_projection(v, d, 'run_rate') FROM t WHERE k = ? AND d >= ? "
                             "AND d <= ?", (k, lo.isoformat(), hi.isoformat())).fetchone()[0]
            # its rule (projection.c, item 4b): the year's rows begin in its
            # first week, and are not one day a month, each in the month's
            # first week (months keyed by their first, or first business, day)
            days = sorted({d for d, _ in got})
            month_starts = (all(d.day <= 7 for d in days)
                            and len({d.month for d in days}) == len(days))
            agg_rule = bool(got) and days[0] <= datetime.date(year, 1, 7) and not month_starts
            if (agg is not None) != agg_rule:
                fail("round %d: %s %d: aggregate %r, its rule says %s" % (r, k, year, agg, agg_rule))
                continue
            covered = months == set(range(1, through + 1)) and hi <= src_last
            if not covered:
                continue  # a month without rows or past the source: the table's own reasons
            judged += 1
            in_window = f.year == year and f.month == 1 and 2 <= f.day <= 7
            if in_window:
                window += 1
                if projection is not None or agg is None:
                    fail("round %d: %s %d: first figure %s: want the table NULL and the aggregate "
                         "a projection, got %r / %r" % (r, k, year, f, projection, agg))
            elif projection is not None and agg is None and f < lo and days[0] > datetime.date(year, 1, 7):
                # the second documented difference (design.md): the year's
                # rows begin after 7 January after a gap (a weekly series
                # whose row fell on 31 December); the aggregate reads this
                # year's rows alone, the table sees the earlier ones
                after_gap += 1
            elif (projection is None) != (agg is None):
                fail("round %d: %s %d: table %r, aggregate %r (first figure %s)"
                     % (r, k, year, projection, agg, f))
            both_null += projection is None and agg is None
        # yoy_growth over the same days
        g = ("SELECT series, period, value, growth, note FROM yoy_growth('t', 'v', 'd', 'k', "
             "'grain=month, scan=%s')")
        gh = db.execute(g % "hash" + " ORDER BY series, period").fetchall()
        gs = db.execute(g % "stream" + " ORDER BY series, period").fetchall()
        if gh != gs:
            fail("round %d: yoy_growth hash and stream differ" % r)
            continue
        for y in (2022, 2023, 2024):
            for mode in ("hash", "stream"):
                narrowed = db.execute(g % mode + " WHERE period >= '%d' ORDER BY series, period" % y).fetchall()
                if narrowed != [x for x in gh if x[1] >= str(y)]:
                    fail("round %d: yoy_growth WHERE period >= '%d' (%s) changes rows" % (r, y, mode))
        for k, f in first_figure.items():
            label = "%d-%02d" % (f.year, f.month)
            row = [x for x in gh if x[0] == k and x[1] == label]
            want = f.day != 1 or month_end(f.year, f.month) > src_last
            if not row or (row[0][4] == "incomplete period") != want:
                fail("round %d: %s first month %s (first figure %s): %r, want %s"
                     % (r, k, label, f, row, "incomplete" if want else "whole"))
    for m in failures[:10]:
        print("FAIL " + m)
    print("days_start: %d series-years judged over %d rounds (seed %d): table and aggregate agree, "
          "%d of them stricter in the first week of a series' first January, %d NULL in both, "
          "%d projected by the table alone after a gap over 1..7 January; %d failures"
          % (judged, opts["rounds"], opts["seed"], window, both_null, after_gap, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
