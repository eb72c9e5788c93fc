"""holdout_check.py -- are the holdout series of `make bench-holdout` sound?

    python3 tests/bench/accuracy/holdout_check.py [HOLDOUT_DIR [TUNING_DIR]]

(defaults sql/data/r_holdout and sql/data/r).  `make bench-smoke` runs it.

Contract:
 1. Every NAME.csv of HOLDOUT_DIR has the header "period,value", then
    rows "LABEL,VALUE": LABEL canonical (YYYY-Qn, n 1-4, or YYYY-MM, MM
    01-12), one kind per file, each period the one after the row before;
    VALUE a finite number > 0.
 2. Whole years only: the first period is the year's first, the last the
    year's last, and there are at least 8 years.
 3. HOLDOUT_DIR's README.md names every CSV of the folder in its table (a
    row starting "| `NAME.csv` |") and no other.
 4. The holdout shares nothing with TUNING_DIR (the series the rules were
    chosen on): no file name, and no whole year of values (a year's
    values in order) of any TUNING_DIR CSV, so a renamed copy is caught.
 5. The check can fail: with --selftest it is run on spoilt copies of
    HOLDOUT_DIR (a row left out, a partial last year, a value of 0, a
    label not canonical, a tuning series copied in under a new name, a
    CSV the README does not name) and must reject each one.
"""
import glob
import math
import os
import re
import shutil
import sys
import tempfile

LABEL = re.compile(r"^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$")


def read(path):
    """(P, first (year, pos), values) of a CSV; raises ValueError."""
    with open(path, newline="") as f:
        lines = f.read().splitlines()
    if not lines or lines[0] != "period,value":
        raise ValueError("header is not 'period,value'")
    P, start, values, prev = None, None, [], None
    for i, line in enumerate(lines[1:], start=2):
        fields = line.split(",")
        if len(fields) != 2:
            raise ValueError("line %d: not 'period,value': %r" % (i, line))
        m = LABEL.match(fields[0])
        if not m:
            raise ValueError("line %d: label %r is not YYYY-Qn or YYYY-MM" % (i, fields[0]))
        p = 4 if m.group(2) else 12
        year, pos = int(m.group(1)), int(m.group(2) or m.group(3))
        if P is None:
            P, start = p, (year, pos)
        elif p != P:
            raise ValueError("line %d: %s mixes quarters and months" % (i, fields[0]))
        here = year * P + pos - 1
        if prev is not None and here != prev + 1:
            raise ValueError("line %d: %s does not follow the period before" % (i, fields[0]))
        prev = here
        try:
            v = float(fields[1])
        except ValueError:
            raise ValueError("line %d: value %r is not a number" % (i, fields[1]))
        if not math.isfinite(v) or v <= 0:
            raise ValueError("line %d: value %r is not a finite number > 0" % (i, fields[1]))
        values.append(v)
    if P is None:
        raise ValueError("no rows")
    return P, start, values


def years_of(P, start, values):
    """The whole years of a series, each a tuple of its values in order."""
    skip = 0 if start[1] == 1 else P - start[1] + 1
    body = values[skip:]
    return [tuple(body[i:i + P]) for i in range(0, len(body) - P + 1, P)]


def check(holdout, tuning):
    errors = []
    files = sorted(glob.glob(os.path.join(holdout, "*.csv")))
    if not files:
        errors.append("%s: no CSV" % holdout)
    tuning_files = sorted(glob.glob(os.path.join(tuning, "*.csv")))
    tuning_years = set()
    for f in tuning_files:
        try:
            tuning_years.update(years_of(*read(f)))
        except ValueError as e:
            errors.append("%s: %s" % (f, e))
    tuning_names = {os.path.basename(f) for f in tuning_files}
    for f in files:
        name = os.path.basename(f)
        try:
            P, start, values = read(f)
        except ValueError as e:
            errors.append("%s: %s" % (f, e))
            continue
        if start[1] != 1:
            errors.append("%s: starts at period %d of %d, not a whole year" % (f, start[1], start[0]))
        if len(values) % P:
            errors.append("%s: ends inside a year (%d values, %d a year)" % (f, len(values), P))
        if len(values) < 8 * P:
            errors.append("%s: %d whole years, fewer than 8" % (f, len(values) // P))
        if name in tuning_names:
            errors.append("%s: also in %s" % (f, tuning))
        shared = [y for y in years_of(P, start, values) if y in tuning_years]
        if shared:
            errors.append("%s: %d whole year(s) of values also in a series of %s" % (f, len(shared), tuning))
    readme = os.path.join(holdout, "README.md")
    try:
        with open(readme) as r:
            named = set(re.findall(r"^\| `([^`]+\.csv)` \|", r.read(), re.M))
    except OSError as e:
        errors.append("%s: %s" % (readme, e))
        named = set()
    have = {os.path.basename(f) for f in files}
    for n in sorted(have - named):
        errors.append("%s: %s not in its table" % (readme, n))
    for n in sorted(named - have):
        errors.append("%s: names %s, which is not in the folder" % (readme, n))
    return errors


def spoil(holdout, tuning, how, tmp):
    d = os.path.join(tmp, how)
    shutil.copytree(holdout, d)
    files = sorted(glob.glob(os.path.join(d, "*.csv")))
    target = files[0]
    with open(target) as f:
        lines = f.read().splitlines()
    if how == "row left out":
        del lines[5]
    elif how == "partial last year":
        del lines[-1]
    elif how == "value of 0":
        lines[3] = lines[3].split(",")[0] + ",0"
    elif how == "label not canonical":
        lines[1] = lines[1].replace("-", "/", 1)
    elif how == "tuning series renamed":
        src = sorted(glob.glob(os.path.join(tuning, "*.csv")))[0]
        shutil.copy(src, os.path.join(d, "renamed.csv"))
        with open(os.path.join(d, "README.md"), "a") as r:
            r.write("\n| `renamed.csv` | copy |\n")
    elif how == "not in README":
        shutil.copy(target, os.path.join(d, "unlisted.csv"))
    with open(target, "w") as f:
        f.write("\n".join(lines) + "\n")
    return d


def main():
    args = [a for a in sys.argv[1:] if a != "--selftest"]
    holdout = args[0] if args else "sql/data/r_holdout"
    tuning = args[1] if len(args) > 1 else "sql/data/r"
    errors = check(holdout, tuning)
    for e in errors:
        print("holdout_check: " + e)
    if errors:
        sys.exit(1)
    n = len(glob.glob(os.path.join(holdout, "*.csv")))
    if "--selftest" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            for how in ["row left out", "partial last year", "value of 0", "label not canonical",
                        "tuning series renamed", "not in README"]:
                if not check(spoil(holdout, tuning, how, tmp), tuning):
                    print("holdout_check: a copy with %s was not rejected" % how)
                    sys.exit(1)
    print("holdout_check: %d holdout series of whole years, canonical and consecutive, > 0, "
          "each in the README, none shared with %s%s" % (
              n, tuning, "; 6 spoilt copies rejected" if "--selftest" in sys.argv else ""))


if __name__ == "__main__":
    main()
