#!/usr/bin/python3
"""The period functions against a calendar model and SQLite's own date
functions.

docs/reference/period.md promises, for every period of the years 1-9999:
period_normalize gives the canonical label, period_kind and period_year
what the label says, period_shift the label n steps of the period's own
kind away (NULL outside the years 1-9999, however large n is),
period_prior_year the same period a year earlier (NULL for 29 February
and for year 1), period_rollup the coarser period holding it (an error
for a finer kind), period_year_fraction the share of its year elapsed at
its end, period_start and period_end its first and last days.  A wrong
one is quietly wrong everywhere a growth is matched by period, so each
is compared here with a model built on Python's datetime (proleptic
Gregorian, as SQLite's date functions are), and for days with SQLite's
date('p', '+n days'), date(p, 'start of month', '+1 month', '-1 day')
and strftime('%j'), the plain SQL an analyst would write instead.

Each round draws periods of every kind across the whole range (the
edges 1 and 9999, leap days and year ends oversampled), the same periods
written as the other forms the reference names (YYYYMM and YYYY numbers,
'YYYY-MM-DD HH:MM:SS' datetimes), and steps n from -3 to 3, a few
hundred, and past the range.

    /usr/bin/python3 tests/trust/period_oracle.py [build/tradestat] [--rounds N] [--seed N]

Prints the first failures and a summary; exits 1 on any.
"""
import datetime
import random
import sys

import common

KINDS = ("year", "half", "quarter", "month", "day")
PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}
MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}


def first_month(kind, sub):
    return (sub - 1) * MONTHS[kind] + 1


def month_end(year, month):
    nxt = datetime.date(year + (month == 12), month % 12 + 1, 1) if year < 9999 or month < 12 \
        else None
    return (nxt - datetime.timedelta(1)) if nxt else datetime.date(9999, 12, 31)


class Period:
    def __init__(self, kind, year, sub):
        self.kind, self.year, self.sub = kind, year, sub

    def label(self):
        return common.period_label(self.kind, self.year, self.sub)

    def start(self):
        if self.kind == "day":
            return self.sub
        return datetime.date(self.year, first_month(self.kind, self.sub), 1)

    def end(self):
        if self.kind == "day":
            return self.sub
        return month_end(self.year, first_month(self.kind, self.sub) + MONTHS[self.kind] - 1)

    def shift(self, n):
        """The period n steps away, or None outside the years 1-9999."""
        if self.kind == "day":
            o = self.sub.toordinal() + n
            if o < 1 or o > datetime.date(9999, 12, 31).toordinal():
                return None
            d = datetime.date.fromordinal(o)
            return Period("day", d.year, d)
        per = PER_YEAR[self.kind]
        index = self.year * per + (self.sub - 1) + n
        year, sub = divmod(index, per)
        if year < 1 or year > 9999:
            return None
        return Period(self.kind, year, sub + 1)

    def prior_year(self):
        if self.year <= 1:
            return None
        if self.kind == "day":
            if (self.sub.month, self.sub.day) == (2, 29):
                return None
            return Period("day", self.year - 1, self.sub.replace(year=self.year - 1))
        return Period(self.kind, self.year - 1, self.sub)

    def rollup(self, kind):
        """The period of that kind holding this one, or None when kind is
        finer."""
        if KINDS.index(kind) > KINDS.index(self.kind):
            return None
        if kind == "day":
            return self
        month = self.start().month
        sub = 1 if kind == "year" else (month - 1) // MONTHS[kind] + 1
        return Period(kind, self.year, sub)

    def year_fraction(self):
        if self.kind == "day":
            days = 366 if month_end(self.year, 2).day == 29 else 365
            return self.sub.timetuple().tm_yday / days
        return self.sub / PER_YEAR[self.kind]


def random_year(rng):
    c = rng.random()
    if c < 0.08:
        return rng.choice((1, 2, 9998, 9999))
    if c < 0.3:
        return rng.choice((1900, 2000, 2020, 2023, 2024, 2100, 1600, 2400))
    return rng.randint(1, 9999)


def random_period(rng):
    kind = rng.choice(KINDS)
    year = random_year(rng)
    if kind != "day":
        return Period(kind, year, rng.randint(1, PER_YEAR[kind]))
    c = rng.random()
    if c < 0.15:
        d = datetime.date(year, 2, 28) + datetime.timedelta(rng.choice((0, 1)))
    elif c < 0.3:
        d = rng.choice((datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
    else:
        m = rng.randint(1, 12)
        d = datetime.date(year, m, rng.randint(1, month_end(year, m).day))
    return Period("day", year, d)


def other_forms(p):
    """The period written otherwise, as the reference accepts it."""
    forms = []
    if p.kind == "month" and 1800 <= p.year <= 2199:
        forms.append(p.year * 100 + p.sub)  # YYYYMM as a number
    if p.kind == "year" and 1800 <= p.year <= 2199:
        forms.append(p.year)
    if p.kind == "day":
        forms.append(p.sub.isoformat() + " 12:34:56")
    return forms


def steps(rng):
    return [rng.randint(-3, 3), rng.randint(-400, 400),
            rng.choice((-1, 1)) * rng.randint(10 ** 6, 10 ** 12), rng.choice((-(2 ** 63), 2 ** 63 - 1))]


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"rounds": 4000, "seed": 20261204})
    rng = random.Random(opts["seed"])
    db = common.connect(ext)
    failures, checked = [], 0

    def check(what, sql, args, want):
        nonlocal checked
        checked += 1
        try:
            got = db.execute(sql, args).fetchone()[0]
        except Exception as e:  # noqa: BLE001 (the message is what is compared)
            got = "error: %s" % e
        if got != want:
            failures.append("%s: %s %r -> %r, want %r" % (what, sql, args, got, want))

    for _ in range(opts["rounds"]):
        p = random_period(rng)
        lab = p.label()
        for form in [lab] + other_forms(p):
            check("normalize", "SELECT period_normalize(?)", (form,), lab)
        check("kind", "SELECT period_kind(?)", (lab,), p.kind)
        check("year", "SELECT period_year(?)", (lab,), p.year)
        check("start", "SELECT period_start(?)", (lab,), p.start().isoformat())
        check("end", "SELECT period_end(?)", (lab,), p.end().isoformat())
        check("fraction", "SELECT period_year_fraction(?)", (lab,), p.year_fraction())
        prior = p.prior_year()
        check("prior_year", "SELECT period_prior_year(?)", (lab,), prior.label() if prior else None)
        for kind in KINDS:
            up = p.rollup(kind)
            if up is None:
                continue  # a finer kind is an error (the reference's examples test it)
            check("rollup", "SELECT period_rollup(?, ?)", (lab, kind.upper() if rng.random() < 0.2
                                                            else kind), up.label())
        for n in steps(rng):
            to = p.shift(n)
            check("shift", "SELECT period_shift(?, ?)", (lab, n), to.label() if to else None)
        if p.kind == "day":
            # the plain SQL an analyst would write for days
            n = rng.randint(-400, 400)
            to = p.shift(n)
            if to is not None:
                check("shift = date()", "SELECT period_shift(?1, ?2) IS date(?1, ?2 || ' days')",
                      (lab, n), 1)
            if (p.year, p.sub.month) != (9999, 12):  # the same: no 10000-01-01
                check("end = date()", "SELECT period_end(period_rollup(?1, 'month')) IS "
                      "date(?1, 'start of month', '+1 month', '-1 day')", (lab,), 1)
            if p.year < 9999:  # SQLite's date() has no year 10000 to count back from
                check("fraction = %j", "SELECT period_year_fraction(?1) IS "
                      "CAST(strftime('%j', ?1) AS REAL) / strftime('%j', date(?1, "
                      "'start of year', '+1 year', '-1 day'))", (lab,), 1)
    for f in failures[:10]:
        print("period_oracle: FAIL " + f)
    print("period_oracle: %d answers of the period functions over %d periods (seed %d) equal the "
          "calendar model and SQLite's date functions; %d failures"
          % (checked, opts["rounds"], opts["seed"], len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
