#!/usr/bin/python3
"""Numbers and periods in, against independent references.

Numbers (docs/conventions.md, "Numbers in"): seeded random short texts of
digits, signs, points, exponents, commas and spaces.  The set the
extension reads as a number must be exactly the set SQLite itself reads
as one (a NUMERIC column converts the text), plus the texts whose commas
separate groups of three digits of the integer part (not after a sign,
not after a leading 0, and with no exponent: '3,801e6' may be 3.801e6
written with a decimal comma); the no-data marks ('', '-', 'x') are NULL; every
other text is an error.  The value must be the correctly rounded one
(Python's float() of the text without its commas; exact for integers) --
SQLite's own conversion is not correctly rounded in every version
('4e126'), so it is not the reference for the value.

Periods (docs/reference/period.md): seeded random canonical labels of
every kind, years 1 to 9999, against Python's datetime: period_shift by
any number of steps (NULL outside the years 1 to 9999), period_start,
period_end, period_year_fraction, period_prior_year (NULL for 29
February and the year 1) and period_rollup to every kind (an error to a
finer one).

    /usr/bin/python3 tests/trust/inputs_check.py [build/tradestat] [seed]

Prints one line per failure (at most 20) and a summary; exits 1 on any.
"""
import calendar
import datetime
import math
import random
import sqlite3
import sys

import common

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20261201
KINDS = ["year", "half", "quarter", "month", "day"]
PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}
failures = []


def connect():
    return common.connect(EXT)


def one(db, sql, *args):
    """The single value, or 'error: ...'."""
    try:
        return db.execute(sql, args).fetchone()[0]
    except sqlite3.Error as e:
        return "error: %s" % e


def grouped(text):
    """The text without its commas when they separate groups of three
    digits of the integer part, else None."""
    if "e" in text.lower():
        return None  # '3,801e6' may be 3.801e6 with a decimal comma
    body = text[1:] if text[:1] in "+-" else text
    head, _, tail = body.partition(".")
    parts = head.split(",")
    if len(parts) < 2 or "," in tail or not parts[0].isdigit() or parts[0][0] == "0":
        return None
    if len(parts[0]) > 3 or any(len(p) != 3 or not p.isdigit() for p in parts[1:]):
        return None
    return text.replace(",", "")


def check_numbers(db, rng):
    db.execute("CREATE TABLE n(x NUMERIC)")
    alphabet = "0123456789" * 3 + "+-.eE ,\t"
    seen, count = set(), 0
    while count < 60000:
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        if s in seen:
            continue
        seen.add(s)
        count += 1
        trimmed = s.strip(" \t")
        db.execute("DELETE FROM n")
        db.execute("INSERT INTO n VALUES (?)", (trimmed if grouped(trimmed) is None else grouped(trimmed),))
        sqlite_type = db.execute("SELECT typeof(x) FROM n").fetchone()[0]
        got = one(db, "SELECT trade_imbalance(?, 0)", s)
        if trimmed in ("", "-", "x", "X"):
            ok, want = got is None, None
        elif sqlite_type in ("integer", "real"):
            plain = trimmed.replace(",", "")
            try:
                want = int(plain) if sqlite_type == "integer" and plain.lstrip("+-").isdigit() \
                    else float(plain)
            except ValueError:
                want = float(plain)
            if isinstance(want, float) and math.isinf(want):
                ok = isinstance(got, str) and "not a finite number" in got
            else:
                ok = not isinstance(got, str) and got == want
        else:
            want = "an error"
            ok = isinstance(got, str) and "is not a number" in got
        if not ok:
            failures.append("number %r: got %r want %r" % (s, got, want))
    return count


def random_label(rng):
    kind = rng.choice(KINDS)
    year = rng.choice([1, 2, 1999, 2000, 2023, 2024, 9998, 9999, rng.randint(1, 9999)])
    if kind == "day":
        month = rng.randint(1, 12)
        day = rng.randint(1, calendar.monthrange(year, month)[1])
        return kind, year, None, datetime.date(year, month, day)
    return kind, year, rng.randint(1, PER_YEAR[kind]), None


def label_of(kind, year, sub):
    return {"year": "%04d" % year, "half": "%04d-H%d" % (year, sub),
            "quarter": "%04d-Q%d" % (year, sub), "month": "%04d-%02d" % (year, sub)}[kind]


def check_periods(db, rng):
    n = 0
    for _ in range(6000):
        kind, year, sub, date = random_label(rng)
        steps = rng.choice([0, 1, -1, 2, 11, 12, 13, -12, -13, 365, 366, -366, 1000,
                            rng.randint(-50000, 50000), 2 ** 62, -2 ** 63])
        if kind == "day":
            label = date.isoformat()
            try:
                shifted = (date + datetime.timedelta(steps)).isoformat()
            except OverflowError:
                shifted = None
            start = end = date
            fraction = date.timetuple().tm_yday / (366 if calendar.isleap(year) else 365)
            leap_day = (date.month, date.day) == (2, 29)
            prior = None if leap_day or year == 1 else date.replace(year=year - 1).isoformat()
            month = date.month
        else:
            per = PER_YEAR[kind]
            label = label_of(kind, year, sub)
            ey, es = divmod(year * per + sub - 1 + steps, per)
            shifted = label_of(kind, ey, es + 1) if 1 <= ey <= 9999 else None
            first, last = (sub - 1) * 12 // per + 1, sub * 12 // per
            start = datetime.date(year, first, 1)
            end = datetime.date(year, last, calendar.monthrange(year, last)[1])
            fraction = sub / per
            prior = label_of(kind, year - 1, sub) if year > 1 else None
            month = first
        checks = [("period_shift(?, %d)" % steps, shifted), ("period_start(?)", start.isoformat()),
                  ("period_end(?)", end.isoformat()), ("period_prior_year(?)", prior)]
        for expr, want in checks:
            got = one(db, "SELECT " + expr, label)
            n += 1
            if got != want:
                failures.append("%s on %r: got %r want %r" % (expr, label, got, want))
        got = one(db, "SELECT period_year_fraction(?)", label)
        n += 1
        if isinstance(got, str) or abs(got - fraction) > 1e-15:
            failures.append("period_year_fraction(%r): got %r want %r" % (label, got, fraction))
        for target in KINDS:
            got = one(db, "SELECT period_rollup(?, ?)", label, target)
            n += 1
            if KINDS.index(target) > KINDS.index(kind):
                if not (isinstance(got, str) and got.startswith("error:")):
                    failures.append("period_rollup(%r, %r): got %r, want an error" % (label, target, got))
                continue
            want = label if target == kind else {
                "year": "%04d" % year, "half": "%04d-H%d" % (year, (month - 1) // 6 + 1),
                "quarter": "%04d-Q%d" % (year, (month - 1) // 3 + 1),
                "month": "%04d-%02d" % (year, month)}[target]
            if got != want:
                failures.append("period_rollup(%r, %r): got %r want %r" % (label, target, got, want))
    return n


def main():
    rng = random.Random(SEED)
    db = connect()
    numbers = check_numbers(db, rng)
    periods = check_periods(db, rng)
    for f in failures[:20]:
        print("FAIL " + f)
    print("inputs_check: %d texts read as numbers, %d period results (seed %d), %d failures"
          % (numbers, periods, SEED, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
