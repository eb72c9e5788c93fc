#!/usr/bin/python3
"""Months and quarters keyed by a day, rolled up with grain=, give what
the same figures labelled as months or quarters give.

Monthly or quarterly figures often arrive as dates: pandas and FRED key
a period by its first day, pandas' resample('M') by its last, a survey
or a statement by a day in the middle (the 15th), a business calendar by
the next working day when that day is a weekend.  docs/design.md ("Day
rows that are months keyed by their first day" and the sections after
it) reads a year of such rows as months when they fall on one day of
their months (or all in their first or last week) with two months at
least in one quarter, and as quarters when they fall on one day, one
month a quarter at one place in it, in two quarters of one half; then a
roll-up is whole only when each of its months (quarters) has its row,
exactly as labels give; quarters keyed by their first days are also
incomplete past the last day the source holds, as days are.

Each round makes one to three series, each monthly or quarterly, keyed
by a random day of the month (1..28, or the month's last day; quarters
also by a random month of the quarter), on business days or not, one to
three rows on each key day (the products of a long frame), from 2019 to
2023 with periods dropped at random; some series hold only their first
period or two in one year (published later than the others, in the last
year, or paused, in any year), some monthly ones one month a quarter at
one place in a year (quarters' shape: months with two of every three
missing, beside a year of months), and some change kind on the same key
day (quarters to months, or months to quarters: a year of quarters
after one of months reads as months, left out).  Found so: a year of one
row on the last business day of a month beside a year before whose last
business days spread from the 26th to the 31st was a day of events,
whole; a monthly year of 15 March, June, September and December beside
a year of every month's 15th was quarters, each -66.7 % against three
months.  The same rows labelled (period_rollup(d, 'month') or 'quarter',
the kind of each year) are the reference.  For grain=
quarter, half and year (and month for monthly series), on both scan
paths, a WHERE on the period (>=, <=, =) or on the series keeps the
unfiltered rows (a year reads as the year before it when its keys fit,
and the year before is read whenever a year is), and every row of a year that the rule reads as months (quarters),
whose prior year it reads so too, must equal the labelled row in value,
growth, year-to-date and note.  Years the rule cannot read (one row so
far, or one quarter's months alone) are left out: they stay days; so
are roll-ups of quarters keyed by their first days past the source's
last day, and of months in a year whose year before no own rows read as
months, past the source's last day (incomplete where that day lies
after their month's key days: design.md, "Keyed months past the
source's last day").

    /usr/bin/python3 tests/trust/keyed_days.py [build/tradestat] [--rounds N] [--seed N]

Then trade_imbalance over long data whose two flows are such series,
each keyed on its own (a third as many rounds): every row of a year both
flows read as labelled equals the labelled row (on the build before the
quarters-beside-months rule, 194 of 19,614 such rows differed: balance
changes and growths of quarters of one month's figure).

Prints the first failures and a summary; exits 1 on any.
"""
import datetime
import random
import sys

import common

DAY = datetime.timedelta(1)
YEARS = range(2019, 2024)
COLS = "series, period, value, growth, ytd_value, ytd_growth, note"


def month_end(y, m):
    return datetime.date(y + (m == 12), m % 12 + 1, 1) - DAY


def key_day(rng_day, y, m, business):
    """The key of month m: its day rng_day (0: the last), moved off a
    weekend to the next business day of the month, or the one before
    when there is none after it (the "modified following" rule)."""
    d = month_end(y, m) if rng_day == 0 else datetime.date(y, m, rng_day)
    if business and d.weekday() >= 5:
        after = d + DAY * (7 - d.weekday())
        d = after if after.month == m else d - DAY * (d.weekday() - 4)
    return d


def random_series(rng, name):
    """(rows of (k, date ISO, value), the kind of each year, the months
    (quarters) present per year, the years whose rows are quarters keyed
    by their first days, the key month's place in its quarter).  Some series change kind in a year after the
    first, on the same key day: quarterly figures that turn monthly (as
    statistics often do), or monthly ones that turn quarterly."""
    kind = rng.choice(("month", "quarter"))
    switch = rng.choice(YEARS[1:]) if rng.random() < 0.15 else None
    ykind = {y: kind if switch is None or y < switch else
             ("quarter" if kind == "month" else "month") for y in YEARS}
    day = rng.choice([0, 0, 1, 1, 2, rng.randint(3, 28), 15, rng.randint(8, 21)])
    business = rng.random() < 0.4
    at = rng.randint(0, 2)  # a quarter's key month
    drop = rng.choice((0.0, 0.08, 0.2))
    # a long frame: several products on each period's key day, which
    # grain= sums (a product column left out of by=)
    products = rng.choice((1, 1, 2, 3))
    rows, present = [], {}
    level = rng.uniform(50, 500)
    # a partner published later than the others (its last year), or one
    # that paused (any year after the first): that year holds its first
    # period or two (one row alone reads as the year before)
    behind = rng.randint(1, 2) if rng.random() < 0.3 else None
    behind_year = rng.choice((YEARS[-1], rng.choice(YEARS[1:])))
    # a monthly series that kept one month a quarter in a year after its
    # first, at one place in the quarter (its last months only, say): the
    # shape of quarters keyed by that month, which beside a year of
    # months is months, two of every three missing
    thin = (rng.choice(YEARS[1:]), rng.randint(0, 2)) if rng.random() < 0.1 else None
    for y in YEARS:
        for i in range(1, 13 if ykind[y] == "month" else 5):
            if rng.random() < drop or (behind and y == behind_year and i > behind):
                continue
            if thin and y == thin[0] and ykind[y] == "month" and (i - 1) % 3 != thin[1]:
                continue
            m = i if ykind[y] == "month" else 3 * (i - 1) + 1 + at
            d = key_day(day, y, m, business)
            for _ in range(products):
                rows.append((name, d.isoformat(), round(level * rng.uniform(0.7, 1.3))))
            present.setdefault(y, set()).add(i)
    # the years whose keys fall in their months' first 7 days
    # (TS_DAY_START_GRACE): quarters keyed by their first days
    first_days = {y for y in YEARS if ykind[y] == "quarter" and at == 0 and
                  all(int(x[1][8:]) <= 7 for x in rows if x[1].startswith(str(y)))}
    return rows, ykind, present, first_days, at


def proved(kind, periods):
    """Whether the rule reads a year of these periods (months 1..12 or
    quarters 1..4 present) as months (quarters): two months in one
    quarter, or two quarters in one half."""
    if kind == "month":
        return any(len({m for m in periods if (m - 1) // 3 == q}) >= 2 for q in range(4))
    return {1, 2} <= periods or {3, 4} <= periods


def key_days(rows):
    """The key days of a series' rows, by year."""
    days = {}
    for _, d, _ in rows:
        days.setdefault(int(d[:4]), []).append(d)
    return days


def quarter_shaped(months):
    """Whether months (1..12) are one month a quarter at one place in it,
    in two quarters of one half: the rule reads such rows as quarters."""
    for at in range(3):
        if all((m - 1) % 3 == at for m in months):
            qs = {(m - 1) // 3 for m in months}
            return {0, 1} <= qs or {2, 3} <= qs
    return False


def reading_years(ykind, present, days, pos):
    """The years the rule reads as the labels do: (own, readable).  own:
    the years their own rows prove (two months in one quarter, or two
    quarters of one half).  A year whose own rows read as quarters, one
    month a quarter (quarters keyed by a month), beside a year before of
    months reads as months (as_months); a year its own rows leave as days
    reads as the year before (as months after such a year; as quarters
    after a monthly year of quarters' shape, which its rows read as
    quarters), or, with none read before it, as the year after's own
    rows."""
    def at(y):
        return present.get(y, set())

    def months(y):  # the months of the year's key days
        return {m for m in at(y)} if ykind[y] == "month" else {3 * (q - 1) + 1 + pos for q in at(y)}

    def quarters_proved(y):
        """Rows on quarters' first (last) months alone, in their first
        (last) week -- in two months at least for the last --, some in
        April or October (March or September); rows of one month are keyed
        only when they are one (ts_keyed_year)."""
        ds = [datetime.date.fromisoformat(d) for d in days.get(y, [])]
        ms = months(y)
        if len(ms) == 1 and len(ds) > 1:
            return False
        first = ds and all(d.day <= 7 for d in ds)
        last = len(ms) >= 2 and all(d.day > month_end(d.year, d.month).day - 7 for d in ds)
        return bool((first and ms <= {1, 4, 7, 10} and ms & {4, 10}) or
                    (last and ms <= {3, 6, 9, 12} and ms & {3, 9}))
    own = {y for y in YEARS if proved(ykind[y], at(y)) or
           (ykind[y] == "quarter" and quarters_proved(y))}
    # a year whose own rows read as quarters
    qshape = {y for y in YEARS if y in present and (quarter_shaped(months(y)) or quarters_proved(y) or
                                               (ykind[y] == "quarter" and y in own))}
    as_months = {y for y in qshape if y - 1 in own and ykind[y - 1] == "month"}
    readable = {y for y in own if y not in as_months}
    # quarters' shape read as months: right where the labels are months
    readable |= {y for y in as_months if ykind[y] == "month"}
    for y in YEARS:
        if y in own or y in qshape or y not in present:
            continue  # (own days: neither proved nor of quarters' shape)
        # the year before as the rule reads it: its own rows' kind, or
        # quarters where they are of quarters' shape (a monthly year
        # that kept one month a quarter reads as quarters by its rows,
        # and a year after it of one January row reads as a quarter)
        before = ("month" if y - 1 in as_months else ykind[y - 1] if y - 1 in own else
                  "quarter" if y - 1 in qshape else None)
        if before is not None:
            if before == ykind[y]:
                readable.add(y)
        elif y + 1 in own and ykind[y + 1] == ykind[y]:
            readable.add(y)
    return own, readable


def is_left_out(db, y, period, ykind, own, readable, first_days, last_day):
    """Whether a row of year y is left out of the comparison: its year or
    the year before not read as labelled, or past the source's last day
    where the rule withholds (quarters keyed by their first days; months
    whose year before no own rows read as months)."""
    if y not in readable or y - 1 not in readable:
        return True
    if y in first_days or (ykind[y] == "month" and not (y - 1 in own and ykind[y - 1] == "month")):
        return db.execute("SELECT period_end(?) > ?", (period, last_day)).fetchone()[0] == 1
    return False


TRADE_COLS = ("series, period, exports, imports, balance, prior_balance, balance_change, "
              "balance_growth, coverage, note")


def load_pair(db, keyed, labelled, keys, rows, label_rows):
    """The same rows twice, made anew: table keyed (keys, d TEXT, v) keyed by
    day, and table labelled (keys, p TEXT, v) labelled by period_rollup of
    each row's day to its year's kind (label_rows: keys, day, kind, v)."""
    nkeys = keys.count(",") + 1
    for t in (keyed, labelled):
        db.execute("DROP TABLE IF EXISTS %s" % t)
    db.execute("CREATE TABLE %s(%s, d TEXT, v INTEGER)" % (keyed, keys))
    db.executemany("INSERT INTO %s VALUES (%s)" % (keyed, ", ".join("?" * (nkeys + 2))), rows)
    db.execute("CREATE TABLE %s(%s, p TEXT, v INTEGER)" % (labelled, keys))
    db.executemany("INSERT INTO %s VALUES (%s, period_rollup(?, ?), ?)"
                   % (labelled, ", ".join("?" * nkeys)), label_rows)


def trade_rounds(db, rng, rounds):
    """trade_imbalance over long data whose two flows are keyed series of
    their own (each monthly or quarterly, any key day): every row of a
    year both flows read as labelled equals the labelled row.  Returns
    (rows compared, failures)."""
    compared, failures = 0, []
    for r in range(rounds):
        rows, sides = [], {}
        for flow in ("export", "import"):
            s_rows, ykind, present, fd, pos = random_series(rng, flow)
            rows += [("P", flow, d, v) for _, d, v in s_rows]
            sides[flow] = (ykind, fd) + reading_years(ykind, present, key_days(s_rows), pos)
        quarterly = any("quarter" in side[0].values() for side in sides.values())
        last_day = max(x[2] for x in rows)
        load_pair(db, "td", "tl", "k TEXT, f TEXT", rows,
                  [(k, f, d, sides[f][0][int(d[:4])], v) for k, f, d, v in rows])
        for grain in ("quarter", "half", "year") if quarterly else ("month", "quarter", "half", "year"):
            want = {row[1]: row for row in db.execute(
                "SELECT %s FROM trade_imbalance('tl', 'v', 'p', 'f', 'k', 'grain=%s')"
                % (TRADE_COLS, grain))}
            for scan in ("hash", "stream"):
                for row in db.execute("SELECT %s FROM trade_imbalance('td', 'v', 'd', 'f', 'k', "
                                      "'grain=%s, scan=%s')" % (TRADE_COLS, grain, scan)):
                    y = int(row[1][:4])
                    if any(is_left_out(db, y, row[1], ykind, own, readable, fd, last_day)
                           for ykind, fd, own, readable in sides.values()):
                        continue
                    compared += 1
                    if want.get(row[1]) != row:
                        failures.append("trade round %d grain=%s, scan=%s: got %r, labelled %r"
                                        % (r, grain, scan, row, want.get(row[1])))
    return compared, failures


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"rounds": 300, "seed": 20261203})
    rng = random.Random(opts["seed"])
    db = common.connect(ext)
    failures, compared, left_out, wheres = [], 0, 0, 0
    for r in range(opts["rounds"]):
        rows, kinds, ykinds, readable, first_days, owns = [], {}, {}, {}, {}, {}
        for name in "abc"[:rng.randint(1, 3)]:
            s_rows, ykind, present, first_days[name], pos = random_series(rng, name)
            rows += s_rows
            ykinds[name] = ykind
            # grain=month reads no series with a quarterly year
            kinds[name] = "quarter" if "quarter" in ykind.values() else "month"
            # a year keyed as the year before reads as that year's own
            # rows do (the labels agree only while the kind holds); a
            # year of quarters after one of months on the same key day
            # reads as months, two of every three missing (withheld where
            # the labels, quarters, compare it)
            owns[name], readable[name] = reading_years(ykind, present, key_days(s_rows), pos)
        rng.shuffle(rows)
        last_day = max(x[1] for x in rows)
        load_pair(db, "d", "l", "k TEXT", rows,
                  [(k, d, ykinds[k][int(d[:4])], v) for k, d, v in rows])
        for grain in ("month", "quarter", "half", "year"):
            for scan in ("hash", "stream"):
                opt = "grain=%s, scan=%s" % (grain, scan)
                try:
                    got = db.execute("SELECT %s FROM yoy_growth('d', 'v', 'd', 'k', '%s')"
                                     % (COLS, opt)).fetchall()
                except Exception as e:  # a quarterly series under grain=month
                    if grain == "month" and "quarter" in kinds.values():
                        continue
                    failures.append("round %d %s: %s" % (r, opt, e))
                    continue
                # a WHERE on the period or the series keeps the unfiltered rows
                periods = sorted({row[1] for row in got})
                for _ in range(2 if periods else 0):
                    p = rng.choice(periods)
                    for cond, keep in ((">= '%s'" % p, lambda x: x[1] >= p),
                                       ("<= '%s'" % p, lambda x: x[1] <= p),
                                       ("= '%s'" % p, lambda x: x[1] == p)):
                        narrowed = db.execute("SELECT %s FROM yoy_growth('d', 'v', 'd', 'k', '%s') "
                                              "WHERE period %s" % (COLS, opt, cond)).fetchall()
                        wheres += 1
                        if narrowed != [x for x in got if keep(x)]:
                            failures.append("round %d %s WHERE period %s: %r, unfiltered %r"
                                            % (r, opt, cond, narrowed[:3],
                                               [x for x in got if keep(x)][:3]))
                one = db.execute("SELECT %s FROM yoy_growth('d', 'v', 'd', 'k', '%s') WHERE series = 'a'"
                                 % (COLS, opt)).fetchall()
                wheres += 1
                if one != [x for x in got if x[0] == "a"]:
                    failures.append("round %d %s WHERE series = 'a' differs" % (r, opt))
                want = {}
                for name, kind in kinds.items():
                    if grain == "month" and kind == "quarter":
                        continue
                    lab = db.execute("SELECT %s FROM yoy_growth('l', 'v', 'p', 'k', 'grain=%s') "
                                     "WHERE series = ?" % (COLS, grain), (name,)).fetchall()
                    for row in lab:
                        want[(row[0], row[1])] = row
                for row in got:
                    name, year = row[0], int(row[1][:4])
                    if grain == "month" and kinds[name] == "quarter":
                        continue
                    # past the source's last day, quarters keyed by their
                    # first days are incomplete, as days are, and so are
                    # months keyed before their last days in a year whose
                    # year before no own rows read as months, where that day
                    # lies after the month's key days: left out, as the
                    # rule needs the key days of each year
                    if is_left_out(db, year, row[1], ykinds[name], owns[name], readable[name],
                                   first_days[name], last_day):
                        left_out += 1
                        continue
                    compared += 1
                    if want.get((row[0], row[1])) != row:
                        failures.append("round %d %s, series %s (%s keyed): got %r, labelled %r"
                                        % (r, opt, name, kinds[name], row,
                                           want.get((row[0], row[1]))))
    t_compared, t_failures = trade_rounds(db, rng, max(1, opts["rounds"] // 3))
    failures += t_failures
    for f in failures[:10]:
        print("keyed_days: FAIL " + f)
    n_where = sum(" WHERE " in f for f in failures)
    print("keyed_days: %d rows of years read as months or quarters equal the labelled rows "
          "over %d rounds (seed %d), %d rows of other years left out; %d queries with a WHERE "
          "on the period or the series keep the unfiltered rows; %d trade_imbalance rows of "
          "flows keyed so equal the labelled rows; %d failures (%d of a WHERE)"
          % (compared, opts["rounds"], opts["seed"], left_out, wheres, t_compared, len(failures),
             n_where))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
