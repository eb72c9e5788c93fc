#!/usr/bin/python3
"""Roll-ups of month rows next to day rows: complete exactly when the
documented rule says so, on both scan paths and under a WHERE.

A period rolled up with grain= is complete when every month of it has a
row, of any kind (docs/design.md, "Roll-ups know what they are
missing"); days are dates of events, so a roll-up of days alone is
complete unless it reaches past the first or last day the source holds
or before its series' own first row, and next to coarser rows the months
the day rows cover must lie inside those days as well.  Each round builds two series of months 2021-2023
where each month is a month row, one to three day rows, or missing, and
cuts the extract at a random first and last day (days before or after
the cut, and months after it, are left out).  Then for grain=month,
quarter, half and year:

  1. scan=hash and scan=stream give the same rows, and a WHERE on the
     series gives that series' rows unchanged (the source's days are the
     whole source's, never the query's);
  2. each row's note is 'incomplete period' exactly when the rule makes
     the period incomplete, and 'incomplete prior period' exactly when it
     makes it complete and the same period a year earlier incomplete --
     but for a year of day rows alone that the rule may read as months
     keyed by a day (keyed_years), where a month without a row is
     missing: there a roll-up may be withheld where the model has it
     whole (and the period a year later note its prior), never the
     reverse;
  3. values are the sums of the rows.

    /usr/bin/python3 tests/trust/mixed_days.py [build/tradestat] [--rounds N] [--seed N]

Prints the first failures and a summary; exits 1 on any.
"""
import datetime
import random
import sys

import common

PER = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def month_end(y, m):
    return datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(1)


def span(label):
    """First and last day of a row's period (a day or a month)."""
    if len(label) == 10:
        d = datetime.date.fromisoformat(label)
        return d, d
    y, m = int(label[:4]), int(label[5:7])
    return datetime.date(y, m, 1), month_end(y, m)


def random_rows(rng):
    rows = []
    for k in ("a", "b"):
        for y in (2021, 2022, 2023):
            for m in range(1, 13):
                c = rng.random()
                if c < 0.1:
                    continue  # a missing month
                if c < 0.5:
                    rows.append((k, "%d-%02d" % (y, m), rng.randint(1, 100)))
                    continue
                first = datetime.date(y, m, 1)
                days = (month_end(y, m) - first).days + 1
                for d in sorted(rng.sample(range(days), rng.randint(1, 3))):
                    rows.append((k, (first + datetime.timedelta(d)).isoformat(), rng.randint(1, 100)))
    start = datetime.date(2021, rng.randint(1, 3), rng.randint(1, 28))
    end = datetime.date(2023, rng.randint(1, 12), rng.randint(1, 28))
    kept = []
    for k, p, v in rows:
        lo, hi = span(p)
        if len(p) == 10 and start <= lo <= end:
            kept.append((k, p, v))
        elif len(p) == 7 and lo >= datetime.date(start.year, start.month, 1) and lo <= end:
            kept.append((k, p, v))
    return kept


def expected(rows, grain):
    """{(series, label): (value, complete, (series, prior year, index))} by
    the documented rule."""
    lo = min(span(p)[0] for _, p, _ in rows)
    hi = max(span(p)[1] for _, p, _ in rows)
    # each series' own days begin with its first row (every row here has
    # a figure): a roll-up reaching before them is incomplete, as one
    # reaching before the source's first day is
    own = {}
    for k, p, _ in rows:
        own[k] = min(own.get(k, span(p)[0]), span(p)[0])
    per = PER[grain]
    out = {}
    for k, p, v in rows:
        y, m = int(p[:4]), int(p[5:7])
        idx = (m - 1) // per + 1
        out.setdefault((k, y, idx), []).append((p, v))
    result = {}
    for (k, y, idx), got in out.items():
        first = max(lo, own[k])
        months = set(range((idx - 1) * per + 1, idx * per + 1))
        whole = {int(p[5:7]) for p, _ in got if len(p) == 7}
        by_days = {int(p[5:7]) for p, _ in got if len(p) == 10}
        if whole:
            complete = (whole | by_days) == months and all(
                first <= datetime.date(y, m, 1) and month_end(y, m) <= hi for m in by_days)
        else:
            complete = first <= datetime.date(y, min(months), 1) and month_end(y, max(months)) <= hi
        label = {"month": "%d-%02d" % (y, idx), "quarter": "%d-Q%d" % (y, idx),
                 "half": "%d-H%d" % (y, idx), "year": "%d" % y}[grain]
        result[(k, label)] = (sum(v for _, v in got), complete, (k, y - 1, idx))
    return result


def keyed_years(rows):
    """The (series, year)s whose rows the rule may read as months keyed by
    a day (docs/design.md, "Day rows that are months keyed by their first
    day" and after): day rows alone, in two months at least, all in
    their months' first 7 days, all in their last 7, or all within 3 days
    of one day of the month.  Read so, a month without a row leaves its
    roll-up incomplete where, as events, it had no sales, and at the
    source's end, beside a year before of events, the rule judges keyed
    months as events (any key day but the 1st), so such a roll-up may be
    'incomplete period' where the model says whole, and the period a
    year later 'incomplete prior period'; the reverse stays a failure.  A few in ten
    thousand rounds (seed 10701 at 12,000: 2 rows)."""
    days, months = {}, {}
    for k, p, _ in rows:
        key = (k, int(p[:4]))
        if len(p) == 7:
            months[key] = True
            continue
        days.setdefault(key, []).append(datetime.date.fromisoformat(p))
    keyed = set()
    for key, ds in days.items():
        if key in months or len({d.month for d in ds}) < 2:
            continue
        first = all(d.day <= 7 for d in ds)
        last = all(d.day > month_end(d.year, d.month).day - 7 for d in ds)
        one_day = max(d.day for d in ds) - min(d.day for d in ds) <= 3
        if first or last or one_day:
            keyed.add(key)
    return keyed


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"rounds": 60, "seed": 20261202})
    rng = random.Random(opts["seed"])
    db = common.connect(ext)
    failures, checked, relaxed = [], 0, 0
    for r in range(opts["rounds"]):
        rows = random_rows(rng)
        db.execute("DROP TABLE IF EXISTS t")
        db.execute("CREATE TABLE t(k TEXT, p TEXT, v INTEGER)")
        db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
        keyed = keyed_years(rows)
        for grain in PER:
            q = ("SELECT series, period, value, note FROM yoy_growth('t', 'v', 'p', 'k', "
                 "'grain=%s, scan=%s')")
            by_hash = db.execute(q % (grain, "hash")).fetchall()
            by_stream = db.execute(q % (grain, "stream")).fetchall()
            narrowed = db.execute((q % (grain, "hash")) + " WHERE series = 'b'").fetchall()
            if by_hash != by_stream or narrowed != [x for x in by_hash if x[0] == "b"]:
                failures.append("round %d grain=%s: hash, stream and WHERE differ: %r / %r / %r"
                                % (r, grain, by_hash[:4], by_stream[:4], narrowed[:4]))
                continue
            want = expected(rows, grain)
            # completeness of each (series, year, index), to judge the prior
            per_key = {(k, prior[1] + 1, prior[2]): ok for (k, _), (_, ok, prior) in want.items()}
            for series, period, value, note in by_hash:
                checked += 1
                if (series, period) not in want:
                    failures.append("round %d grain=%s: unexpected row %r" % (r, grain, (series, period)))
                    break
                total, ok, prior = want[(series, period)]
                prior_ok = per_key.get(prior)  # None: no such period
                # its own note first; a whole period beside a part its prior's
                want_note = ("incomplete period" if not ok else
                             "incomplete prior period" if prior_ok is False else None)
                got_note = note if note in ("incomplete period", "incomplete prior period") else None
                # a year the rule may read as keyed months: withheld, never
                # shown whole where the model says incomplete
                year = int(period[:4])
                stricter = (got_note == "incomplete period" and (series, year) in keyed or
                            got_note == "incomplete prior period" and ok and
                            (series, year - 1) in keyed)
                if value == total and got_note != want_note and stricter:
                    relaxed += 1
                elif value != total or got_note != want_note:
                    failures.append("round %d grain=%s: %s %s value %r note %r; want %r, %s%s"
                                    % (r, grain, series, period, value, note, total,
                                       "complete" if ok else "incomplete",
                                       ", prior incomplete" if prior_ok is False else ""))
                    break
    for f in failures[:10]:
        print("FAIL " + f)
    print("mixed_days: %d rows checked over %d rounds (seed %d), %d of them withheld in a year "
          "the rule may read as keyed months where the events model has them whole; %d failures"
          % (checked, opts["rounds"], opts["seed"], relaxed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
