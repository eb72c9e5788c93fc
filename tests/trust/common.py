"""What the trust suites (tests/trust/*.py) share: the extension loaded
into a sqlite3 connection, the command line of the seeded suites, a
temporary database file and the way a suite stops on a failure.

Each suite runs as a script from this folder (so the folder is on
sys.path and `import common` finds this file), under Debian's own
/usr/bin/python3: its sqlite3 can load extensions, while a python3
earlier on PATH may not.
"""
import contextlib
import datetime
from decimal import Decimal
from fractions import Fraction
import os
import sqlite3
import subprocess
import sys
import tempfile

DEFAULT_EXT = "build/tradestat"


def connect(ext, path=":memory:", **kwargs):
    """A connection to path (kwargs as sqlite3.connect takes them) with
    the extension at ext loaded; loading is switched off again after, so
    SQL run by the suite cannot load another."""
    db = sqlite3.connect(path, **kwargs)
    if not hasattr(db, "enable_load_extension"):
        sys.exit("%s: this python's sqlite3 cannot load extensions; run the suite with "
                 "/usr/bin/python3" % os.path.basename(sys.argv[0]))
    db.enable_load_extension(True)
    db.load_extension(ext)
    db.enable_load_extension(False)
    return db


def parse_args(argv, ext=DEFAULT_EXT, numbers=None, flags=()):
    """A seeded suite's command line: the extension's path (the one word
    that is not an option; ext when there is none), `--NAME N` for each
    NAME of numbers (a dict of NAME: default, whole numbers) and `--NAME`
    alone for each NAME of flags.  Returns (ext, options), options[KEY]
    for every NAME (KEY: NAME with '_' for '-'; a flag is True when
    given).  A word it does not know stops the suite with a message."""
    numbers = dict(numbers or {})
    options = {name.replace("-", "_"): value for name, value in numbers.items()}
    options.update({name.replace("-", "_"): False for name in flags})
    known = ", ".join(["--%s N" % n for n in numbers] + ["--%s" % f for f in flags])
    prog = os.path.basename(sys.argv[0])
    args, seen_ext = list(argv), False
    while args:
        a = args.pop(0)
        name = a[2:] if a.startswith("--") else None
        if name is None and not seen_ext:
            ext, seen_ext = a, True
        elif name in numbers and args:
            word = args.pop(0)
            try:
                options[name.replace("-", "_")] = int(word)
            except ValueError:
                sys.exit("%s: --%s needs a whole number, not %r" % (prog, name, word))
        elif name in flags:
            options[name.replace("-", "_")] = True
        else:
            sys.exit("%s: unknown or incomplete argument %r (usage: %s [EXTENSION] %s)"
                     % (prog, a, prog, known))
    return ext, options


def failer(suite):
    """fail(msg) for a suite that stops at its first failure: prints
    '<suite>: FAILED: msg' and exits with status 1."""
    def fail(msg):
        print("%s: FAILED: %s" % (suite, msg))
        sys.exit(1)
    return fail


@contextlib.contextmanager
def temp_db(suffix=".db"):
    """The path of a new, empty database file, removed afterwards."""
    fd, path = tempfile.mkstemp(suffix=suffix, prefix="ts_trust_")
    os.close(fd)
    try:
        yield path
    finally:
        os.remove(path)


def print_row_diff(got, want, most):
    """Prints up to `most` rows only the extension gave and up to `most`
    only plain SQL gave (a failing differential query's report)."""
    gs, ws = set(map(repr, got)), set(map(repr, want))
    for x in sorted(gs - ws)[:most]:
        print("   got ", x)
    for x in sorted(ws - gs)[:most]:
        print("   want", x)


def exact_growth(cur, prev):
    """Growth in percent, (cur - prev) / |prev| * 100, worked out in exact
    fractions from the numbers given (ints, floats or Fractions) and
    rounded once to a double; None for a zero base.  The oracles' plain
    meaning: Python's int + float would round 2^62-sized integers first."""
    prev = Fraction(prev)
    if prev == 0:
        return None
    return float((Fraction(cur) - prev) / abs(prev) * 100)


def shell_instructions(ext, db_path, *sql):
    """Machine instructions the sqlite3 shell executes to open db_path, load
    the extension at ext and run each statement of sql (valgrind's
    cachegrind, which counts the same on a loaded machine as on an idle
    one: the suites compare costs by counts, never by clock)."""
    p = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                        "--cachegrind-out-file=/dev/null", "sqlite3", db_path, ".bail on",
                        ".load %s" % os.path.abspath(ext)] + list(sql),
                       capture_output=True, text=True)
    refs = [line.split(":")[1] for line in p.stderr.splitlines() if "I   refs:" in line]
    if p.returncode != 0 or len(refs) != 1:
        raise RuntimeError("valgrind --tool=cachegrind sqlite3 failed (%d): %s"
                           % (p.returncode, p.stderr[-2000:]))
    return int(refs[0].replace(",", "").strip())


def as_written(x, y):
    """x and y as exact Fractions: the short decimals they were written as
    when both have one (Python's repr, at most 15 places, scaled below
    2^52: docs/conventions.md), else the doubles themselves."""
    if isinstance(x, int) and isinstance(y, int):
        return Fraction(x), Fraction(y)
    dx, dy = Decimal(repr(float(x))), Decimal(repr(float(y)))
    k = max(-dx.as_tuple().exponent, -dy.as_tuple().exponent, 0)
    if k <= 15 and all(abs(d.scaleb(k)) < 2**52 for d in (dx, dy)):
        return Fraction(dx), Fraction(dy)
    return Fraction(x), Fraction(y)


def rate_as_written(cur, prev):
    """The extension's growth rate of two figures: (cur - prev) / |prev| *
    100 of the figures as written (as_written), rounded once; None for a
    zero base or a rate beyond the doubles."""
    c, p = as_written(cur, prev)
    if p == 0:
        return None
    r = (c - p) / abs(p) * 100
    return float(r) if abs(r) <= Fraction(1.7976931348623157e308) else None



def period_label(kind, year, sub):
    """The canonical label of the sub-th period (1-based) of year, kind
    one of year, half, quarter, month, day; a day's sub is its day of the
    year, or a datetime.date."""
    if kind == "year":
        return "%04d" % year
    if kind == "half":
        return "%04d-H%d" % (year, sub)
    if kind == "quarter":
        return "%04d-Q%d" % (year, sub)
    if kind == "month":
        return "%04d-%02d" % (year, sub)
    if isinstance(sub, datetime.date):
        return sub.isoformat()
    return (datetime.date(year, 1, 1) + datetime.timedelta(sub - 1)).isoformat()
