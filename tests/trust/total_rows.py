#!/usr/bin/python3
"""A total row among the series: refused in its ordinary shapes, and only then.

yoy_growth's share, share_change and contribution divide by the sum of
every series of a period unless total= names the series holding the
total.  A table that carries its own total row ('합계', 'Total') next to
its parts would be counted twice (every share halved), so without total=
such a series is an error naming it.  Real tables rarely show the total as
the exact sum of the parts in every period, so seeded random tables are
generated in the shapes the published ones take:

  nulls     a part's cell suppressed (NULL) in some periods, or its row
            missing: the total still counts it there;
  span      a part starting later or stopping earlier than the total, and
            a total starting later than the parts;
  rounded   parts and total rounded each on its own (integers to units,
            REALs to one or two decimals): the total is off the parts' sum
            by a unit or more;
  exact     the plain case, every part in every period;

mixed at random.  Checked, per table:

  1. a table with a total row (KOSIS-sized figures, two complete periods
     or more) is refused without total=, the error naming the total's
     series;
  2. with total=LABEL, every share is the part's figure over the total
     row's figure of the period (worked out here, in Python), and the
     total row's own share is 100;
  3. an ordinary table without a total row -- one part far larger than
     the rest, series starting and stopping, NULL cells, small counts, a
     series equal to the sum of the others in a single period only -- is
     never refused, and its shares are the figure over the sum of every
     figure of the period (NULL where a cell of the period is suppressed:
     that sum is unknown);
  4. monthly and quarterly tables with a total row summed into years
     (grain=year): a year where a part lacks a month is incomplete, and so
     is its total, so its shares are NULL; when some year has every
     series whole, the table is refused or shows no share for a year the
     total row is in.  Tables without such a year are counted, not
     asserted: the guard sees the years, and in none of them does the
     total meet all its parts (docs/design.md, the limits).

  5. a total row beside continents listed with some of their countries
     (Total = the continents' sum, each continent more than its listed
     countries: KOSIS's major-country tables), labelled as a total, is
     refused and named, and total= gives every share; summed into years
     the shares shown beside it are counted, not asserted (one complete
     year among many series can prove too little).

  6. a total over parts not all listed (a World beside a few of its
     partners, which it holds with the partners not listed: larger than
     them together, the sum of none of them), labelled as a total in its
     spellings ('World', ' world ', 'ALL PARTNERS', '전체' ...), and
     ordinary tables whose largest part is labelled as a total: the rule
     of the label (docs/design.md) is modelled here on its own -- the
     label test, the rounding unit of the figures, "not below the sum of
     the others to the rounding wherever it and two of them have figures,
     none negative" -- and the extension must refuse, naming the series,
     exactly the tables the model refuses (a table the model does not
     refuse may still be refused by another rule: counted, and its
     message must not be the label rule's; shown, every share is the
     figure over the sum of every figure of the period).

Then, without asserting, the same generators over a wider range (small
figures, few periods) print how often a total row goes unseen and how
often an ordinary table is refused: the measured cost of the rule (the
label rule's refusals of ordinary tables whose largest part is labelled
as a total are asserted against the model there too).

    /usr/bin/python3 tests/trust/total_rows.py [build/tradestat] [--tables N] [--seed S]
        [--measure-only]      (the measured lines only: to compare another build)
        [--cost]              (how much reading share costs over growth alone: ratios)

Exits 1 on the first failure, printing the seed, the table and the query.
"""
import random
import sqlite3
import sys

import common

EXT = common.DEFAULT_EXT
TABLES = 300
SEED = 1
KINDS = {"year": 1, "quarter": 4, "month": 12}
TOTAL_LABELS = ["합계", "Total", "계", "All countries"]
# A total over parts not all listed, spelled as tables spell it (case and
# white space around the word included).
WORLD_LABELS = ["World", " world ", "WORLD", "All partners", "ALL PARTNERS", "전체", "합계 ",
                "Total", "계"]
# The words the label rule reads as a total (docs/design.md), written
# here from the documentation: ASCII case and white space around ignored.
TOTAL_WORDS = {"합계", "총계", "계", "전체", "전국", "총액", "total", "grand total", "all",
               "all countries", "all partners", "world", "world total", "sum"}
PART_LABELS = ["중국", "미국", "일본", "베트남", "홍콩", "대만", "Germany", "India", "Mexico",
               "Brazil", "Canada", "Australia", "France", "Chile"]


def period_labels(kind, first_year, n):
    per = KINDS[kind]
    out = []
    for i in range(n):
        y, s = first_year + i // per, i % per + 1
        out.append("%04d" % y if kind == "year" else
                   "%04d-Q%d" % (y, s) if kind == "quarter" else "%04d-%02d" % (y, s))
    return out


class Table:
    """rows: (region, period, value); total: the total row's label or None."""

    def __init__(self):
        self.rows = []
        self.total = None
        self.shapes = []
        self.vtype = "INTEGER"
        self.kind = "year"
        self.grain_limit = False


def true_values(rng, nparts, nper, scale, dominant):
    """Each part's figure per period before rounding: a level per part,
    drifting from period to period."""
    levels = [scale * rng.lognormvariate(0, 1.2) for _ in range(nparts)]
    if dominant:
        levels[0] = sum(levels[1:]) * rng.uniform(0.9, 8.0)
    out = []
    for lv in levels:
        x, row = lv, []
        for _ in range(nper):
            x = max(0.0, x * rng.uniform(0.8, 1.3))
            row.append(x)
        out.append(row)
    return out


def rounder(rng, real):
    """How the publisher rounds: to units, or to one or two decimals."""
    if not real:
        return lambda x: int(round(x)), 1
    d = rng.choice([1, 2])
    return (lambda x: round(x, d)), 10.0 ** -d


def make_table(rng, with_total, wide):
    """wide=False: the asserted range (KOSIS-sized figures, >= 2 complete
    periods).  wide=True: small figures and single periods too."""
    t = Table()
    kind = rng.choice(list(KINDS))
    t.kind = kind
    nper = rng.randint(1 if wide else 3, 16 if kind != "month" else 30)
    nparts = rng.randint(2 if with_total else 3, 10)
    scale = rng.choice([3, 20, 300, 1e4, 1e6]) if wide else rng.choice([1e4, 1e5, 1e6, 3e7])
    real = rng.random() < 0.35
    t.vtype = "REAL" if real else "INTEGER"
    rnd, unit = rounder(rng, real)
    dominant = rng.random() < 0.3
    vals = true_values(rng, nparts, nper, scale, dominant)
    labels = period_labels(kind, rng.randint(2005, 2018), nper)
    names = rng.sample(PART_LABELS, nparts)
    present = [[True] * nper for _ in range(nparts)]
    shapes = set()
    # Cells that stay complete: at least two periods where every part is
    # there (one in the wide range), so the total can show what it is.
    keep = set(rng.sample(range(nper), min(nper, 1 if wide else 2)))
    if rng.random() < 0.5:  # nulls
        shapes.add("nulls")
        p = rng.uniform(0.05, 0.3)
        for i in range(nparts):
            for j in range(nper):
                if j not in keep and rng.random() < p:
                    present[i][j] = False
    if rng.random() < 0.4 and nper >= 3:  # a part starting later / stopping earlier
        shapes.add("span")
        i = rng.randrange(nparts)
        free = [j for j in range(nper) if j not in keep]
        if free:
            cut = rng.choice(free)
            for j in range(nper):
                if j not in keep and ((j < cut) if rng.random() < 0.5 else (j > cut)):
                    present[i][j] = False
    published = [[rnd(x) for x in row] for row in vals]
    if with_total:
        exact_total = rng.random() < 0.4 and not real
        if exact_total:
            tot = [sum(published[i][j] for i in range(nparts)) for j in range(nper)]
            shapes.add("exact")
        else:
            tot = [rnd(sum(vals[i][j] for i in range(nparts))) for j in range(nper)]
            if any(tot[j] != sum(published[i][j] for i in range(nparts)) for j in range(nper)):
                shapes.add("rounded")
        t.total = rng.choice(TOTAL_LABELS)
        first = 0
        if rng.random() < 0.25 and nper >= 3:  # the total starts later
            first = rng.randint(1, nper - 1)
            if not wide and len([j for j in keep if j >= first]) < 2:
                first = 0
            else:
                shapes.add("span")
        for j in range(first, nper):
            t.rows.append((t.total, labels[j], tot[j]))
    if not shapes:
        shapes.add("plain")
    for i in range(nparts):
        for j in range(nper):
            if present[i][j]:
                t.rows.append((names[i], labels[j], published[i][j]))
            elif rng.random() < 0.5:
                t.rows.append((names[i], labels[j], None))  # suppressed: a NULL cell
    if not with_total and rng.random() < 0.3 and nper >= 2 and nparts >= 3:
        # one series equal to the sum of the others in one period only
        shapes.add("coincidence")
        j = rng.randrange(nper)
        a = [r for r in t.rows if r[1] == labels[j] and r[2] is not None]
        if len(a) >= 3:
            t.rows = [r for r in t.rows if not (r[0] == a[0][0] and r[1] == labels[j])]
            t.rows.append((a[0][0], labels[j], sum(r[2] for r in a[1:])))
    rng.shuffle(t.rows)
    t.shapes = sorted(shapes)
    t.unit = unit
    return t


CONTINENTS = ["Asia", "Europe", "Americas", "Africa", "Oceania"]


def make_partial_subtotals(rng, wide, label=None, with_total=True):
    """A table "by country (continent)" listing each continent beside its
    main partners only (KOSIS's major-country tables): the continents add
    up to the total, each holds more than the countries listed under it.
    with_total=False: the same table without its total row, and a part
    relabelled as a total (label) in the ordinary tables measured below.
    wide=False: KOSIS-sized figures and two periods or more."""
    t = Table()
    kind = rng.choice(list(KINDS))
    t.kind = kind
    nper = rng.randint(1 if wide else 2, 12)
    ncont = rng.randint(2, 4)
    scale = rng.choice([3, 20, 300, 1e4, 1e6]) if wide else rng.choice([1e4, 1e5, 1e6, 3e7])
    real = rng.random() < 0.35
    t.vtype = "REAL" if real else "INTEGER"
    rnd, unit = rounder(rng, real)
    labels = period_labels(kind, rng.randint(2005, 2018), nper)
    names = rng.sample(PART_LABELS, len(PART_LABELS))
    total = [0.0] * nper
    shapes = {"partial subtotals"}
    for c in range(ncont):
        nlisted = rng.randint(1, 3)
        # the listed countries and the rest of the continent, unlisted
        vals = true_values(rng, nlisted + 1, nper, scale, False)
        cont = [sum(v[j] for v in vals) for j in range(nper)]
        for j in range(nper):
            total[j] += cont[j]
        for j in range(nper):
            t.rows.append((CONTINENTS[c], labels[j], rnd(cont[j])))
        for i in range(nlisted):
            name = names.pop()
            for j in range(nper):
                t.rows.append((name, labels[j], rnd(vals[i][j])))
    if with_total:
        t.total = label or rng.choice(TOTAL_LABELS)
        exact = rng.random() < 0.5 and not real
        for j in range(nper):
            v = (sum(r[2] for r in t.rows if r[1] == labels[j] and r[0] in CONTINENTS)
                 if exact else rnd(total[j]))
            t.rows.append((t.total, labels[j], v))
        shapes.add("exact" if exact else "rounded")
    elif label is not None:  # the largest continent called a total: not one
        big = max(CONTINENTS[:ncont], key=lambda c: sum(r[2] for r in t.rows if r[0] == c))
        t.rows = [(label if r[0] == big else r[0], r[1], r[2]) for r in t.rows]
    rng.shuffle(t.rows)
    t.shapes = sorted(shapes)
    t.unit = unit
    return t


def relabelled(rng, wide):
    """An ordinary table whose largest part is labelled as a total ('Total',
    '합계'): the label is no total, the figures say so or not."""
    t = make_table(rng, False, wide)
    if "coincidence" in t.shapes:
        return None
    sizes = {}
    for r in t.rows:
        if r[2] is not None:
            sizes[r[0]] = sizes.get(r[0], 0) + r[2]
    big = max(sizes, key=sizes.get)
    label = rng.choice(TOTAL_LABELS)
    t.rows = [(label if r[0] == big else r[0], r[1], r[2]) for r in t.rows]
    return t


def make_world(rng, wide):
    """A total over parts not all listed: a World (labelled as a total, in
    one of its spellings) that holds every partner, beside a few of them
    only; the partners not listed are in World and nowhere else.  A
    listed partner's cell suppressed here and there (no row, or NULL).
    wide=False: KOSIS-sized figures and three periods or more."""
    t = Table()
    kind = rng.choice(list(KINDS))
    t.kind = kind
    nper = rng.randint(1 if wide else 3, 12)
    nlisted, nunlisted = rng.randint(2, 8), rng.randint(1, 6)
    scale = rng.choice([3, 20, 300, 1e4, 1e6]) if wide else rng.choice([1e4, 1e5, 1e6, 3e7])
    real = rng.random() < 0.35
    t.vtype = "REAL" if real else "INTEGER"
    rnd, unit = rounder(rng, real)
    vals = true_values(rng, nlisted + nunlisted, nper, scale, rng.random() < 0.3)
    labels = period_labels(kind, rng.randint(2005, 2018), nper)
    names = rng.sample(PART_LABELS, nlisted)
    t.total = rng.choice(WORLD_LABELS)
    shapes = {"world"}
    if rng.random() < 0.4 and nper >= 2:
        # the partners not listed trade only from a later period: before
        # it World is its listed partners' sum rounded apart, a unit or
        # two below the sum of their rounded figures as often as above
        shapes.add("later")
        start = rng.randint(1, nper - 1)
        for v in vals[nlisted:]:
            for j in range(start):
                v[j] = 0.0
    for j in range(nper):
        t.rows.append((t.total, labels[j], rnd(sum(v[j] for v in vals))))
    p = rng.uniform(0.0, 0.2) if rng.random() < 0.5 else 0.0
    for i in range(nlisted):
        for j in range(nper):
            if rng.random() < p:
                shapes.add("nulls")
                if rng.random() < 0.5:
                    t.rows.append((names[i], labels[j], None))
            else:
                t.rows.append((names[i], labels[j], rnd(vals[i][j])))
    rng.shuffle(t.rows)
    t.shapes = sorted(shapes)
    t.unit = unit
    return t


def reads_as_total(label):
    return label is not None and label.strip(" \t\n\r\f\v").lower() in TOTAL_WORDS


def decimal_unit(x):
    """The largest power of ten (10^-9 to 10^15) dividing the figure, as
    a Fraction; None for zero (no constraint) and for a REAL of more than
    nine decimals (no unit)."""
    from decimal import Decimal
    from fractions import Fraction
    if x == 0:
        return None
    d = Decimal(repr(x)) if isinstance(x, float) else Decimal(x)
    sign, digits, exp = d.normalize().as_tuple()
    if exp < -9:
        return "none"
    return Fraction(10) ** min(exp, 15)


def label_rule(t):
    """The model of the label rule: the series whose label reads as a total
    and which is not below the sum of the others, to the rounding, in any
    period where it and two of them have figures (one such period at
    least, a figure of its own not zero; where there is none, the periods
    where it and one of them have), no figure of the table negative.  Returns (label or None, borderline): borderline when a
    period's difference between REAL figures lies within floating-point
    slack of the tolerance (not asserted)."""
    cells = [r for r in t.rows if r[2] is not None]
    if any(r[2] < 0 for r in cells):
        return None, False
    units = [decimal_unit(r[2]) for r in cells]
    if "none" in units:
        unit = 0.0
    else:
        known = [u for u in units if u is not None]
        unit = float(min(known)) if known else 0.0
    real = any(isinstance(r[2], float) for r in cells)
    by_period = {}
    for name, period, v in cells:
        by_period.setdefault(period, []).append((name, v))
    found, borderline = None, False
    for name in sorted({r[0] for r in cells}, key=str):
        if not reads_as_total(name):
            continue
        # periods where it and two others have figures judge; where none
        # has, the periods where it and one other have (World beside
        # partners listed one at a time)
        for need in (3, 2):
            shared, below, edge, nonzero = 0, False, False, False
            for figures in by_period.values():
                mine = [v for n, v in figures if n == name]
                if not mine or len(figures) < need:
                    continue
                shared += 1
                nonzero |= mine[0] != 0
                others = sum(v for n, v in figures if n != name)
                mag = sum(abs(v) for n, v in figures)
                tol = unit / 2 * len(figures) + 1e-12 * mag
                d = mine[0] - others
                if real and abs(d + tol) <= 1e-9 * mag:
                    edge = True  # integers compare exactly: only REALs round
                if d < -tol:
                    below = True
            if shared:
                break
        if shared and nonzero and not below:
            found = found or name
        borderline |= edge
    return found, borderline


LABEL_RULE_WORDS = "reads as a total and is not below the sum"


def check_label_rule(ext, t, seed):
    """Check 6: (error or None, what the model said), or a failure message
    as a string."""
    want, borderline = label_rule(t)
    db = common.connect(ext)
    load(db, t)
    try:
        got = shares(db)
        err = None
    except sqlite3.Error as e:
        got, err = None, str(e)
    if borderline:
        return ("borderline", err)
    if want is not None:
        if err is None:
            return show(t, "seed %d: the label rule refuses %r, the extension did not"
                        % (seed, want))
        if "the series region='%s' " % want.replace("'", "''") not in err:
            return show(t, "seed %d: the label rule refuses %r, the error names another: %s"
                        % (seed, want, err))
        total = {r[1]: r[2] for r in t.rows if r[0] == want and r[2] is not None}
        for s, period, value, share in shares(db, "total='%s'" % want.replace("'", "''")):
            w = value / total[period] * 100 if period in total and total[period] else None
            if not (share is None and w is None or close(share, w)):
                return show(t, "seed %d: with total=%r, %s %s: share %r, want %r"
                            % (seed, want, s, period, share, w))
        return ("label", err)
    if err is not None:
        if LABEL_RULE_WORDS in err:
            return show(t, "seed %d: refused by the label rule, which the model does not "
                        "refuse: %s" % (seed, err))
        return ("other", err)
    sums = {}
    for r in t.rows:
        if r[2] is not None:
            sums[r[1]] = sums.get(r[1], 0) + r[2]
    for r in t.rows:
        if r[2] is None:
            sums[r[1]] = None
    for s, period, value, share in got:
        w = value / sums[period] * 100 if sums[period] else None
        if not (share is None and w is None or close(share, w)):
            return show(t, "seed %d: %s %s: share %r, want %r" % (seed, s, period, share, w))
    return ("shown", None)


def load(db, t):
    db.execute("CREATE TABLE src(region TEXT, period TEXT, value %s)" % t.vtype)
    db.executemany("INSERT INTO src VALUES(?, ?, ?)", t.rows)


def shares(db, options=None):
    opt = ", " + "'%s'" % options.replace("'", "''") if options else ""
    return db.execute("SELECT series, period, value, share FROM yoy_growth('src', 'value', "
                      "'period', 'region'%s)" % opt).fetchall()


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def show(t, what):
    lines = ["%s (shapes %s, %s):" % (what, ", ".join(t.shapes), t.vtype)]
    for r in sorted(t.rows, key=lambda r: (r[1], str(r[0]))):
        lines.append("  %r" % (r,))
    return "\n".join(lines)


def complete_year(t):
    """Is there a year in which every series has every one of its periods
    (so that, summed into years, the total meets all its parts once)?"""
    cells = {}
    for r in t.rows:
        if r[2] is not None:
            cells.setdefault((r[0], r[1][:4]), set()).add(r[1])
    names = {r[0] for r in t.rows}
    for y in {r[1][:4] for r in t.rows}:
        if all(len(cells.get((n, y), ())) == KINDS[t.kind] for n in names):
            return True
    return False


def check_table(ext, t, seed, grain_strict=True):
    """None, or what went wrong.  grain_strict=False: shares shown beside
    the total summed into years are counted (t.grain_limit), not a failure
    even where a year has every series whole (a total over some of the
    others matched in one year among many series proves too little)."""
    db = common.connect(ext)
    load(db, t)
    series = {r[0] for r in t.rows if r[2] is not None}
    try:
        got = shares(db)
        err = None
    except sqlite3.Error as e:
        got, err = None, str(e)
    if t.total is not None:
        if err is None:
            return show(t, "seed %d: a total row was not refused" % seed)
        if "the series region='%s' " % t.total.replace("'", "''") not in err or "total=" not in err:
            return show(t, "seed %d: the error does not name the total: %s" % (seed, err))
        if t.kind != "year":
            # Summed into years: a year where a part lacks a month is
            # incomplete, and so is the total of it (share NULL); no
            # share may be shown for a year the total row is in (it would
            # be halved): refused, or NULL.
            years = {r[1][:4] for r in t.rows if r[0] == t.total and r[2] is not None}
            try:
                shown = [r for r in shares(db, "grain=year") if r[3] is not None and r[1] in years]
            except sqlite3.Error:
                shown = []
            if shown and complete_year(t) and grain_strict:
                return show(t, "seed %d: grain=year showed shares beside a total row: %r"
                            % (seed, shown[:3]))
            t.grain_limit = bool(shown)  # no year where all are there: measured
        totals = {r[1]: r[2] for r in t.rows if r[0] == t.total and r[2] is not None}
        for s, period, value, share in shares(db, "total='%s'" % t.total.replace("'", "''")):
            want = value / totals[period] * 100 if period in totals and totals[period] else None
            if not (share is None and want is None or close(share, want)):
                return show(t, "seed %d: with total=, %s %s: share %r, want %r"
                            % (seed, s, period, share, want))
        return None
    if len(series) >= 3 and err is not None:
        return show(t, "seed %d: an ordinary table was refused: %s" % (seed, err))
    if err is not None:
        return None
    sums = {}
    for r in t.rows:
        if r[2] is not None:
            sums[r[1]] = sums.get(r[1], 0) + r[2]
    for r in t.rows:  # a suppressed cell: the period's total is unknown
        if r[2] is None:
            sums[r[1]] = None
    for s, period, value, share in got:
        want = value / sums[period] * 100 if sums[period] else None
        if not (share is None and want is None or close(share, want)):
            return show(t, "seed %d: %s %s: share %r, want %r" % (seed, s, period, share, want))
    return None


def refused(ext, t):
    db = common.connect(ext)
    load(db, t)
    try:
        shares(db)
        return False
    except sqlite3.Error:
        return True


def near_half(ext, seed, n):
    """Ordinary tables where one part is about as large as the rest
    together (0.95 to 1.05 times), small figures: the hardest to tell from
    a total rounded apart.  Returns (refused, tables)."""
    fp = tables = 0
    for k in range(n):
        rng = random.Random(seed * 1000003 + 900000 + k)
        nper, nparts = rng.randint(1, 16), rng.randint(3, 8)
        scale = rng.choice([3, 10, 30, 100, 300, 1000])
        lv = [scale * rng.lognormvariate(0, 1) for _ in range(nparts)]
        lv[0] = sum(lv[1:]) * rng.uniform(0.95, 1.05)
        t = Table()
        for i in range(nparts):
            x = lv[i]
            for j in range(nper):
                x *= rng.uniform(0.9, 1.12)
                if rng.random() >= 0.1:
                    t.rows.append(("s%d" % i, "%d" % (2000 + j), int(round(x))))
        if len({r[0] for r in t.rows}) < 3:
            continue
        tables += 1
        fp += refused(ext, t)
    return fp, tables


def cost(ext, nseries=2000, nmonths=120):
    """Prints how long reading share takes against reading growth alone
    (ratios, nothing asserted): ordinary data, ordinary data with one
    dominant part, and the same with a total row (a part suppressed once)."""
    import time
    rng = random.Random(5)
    base = []
    for i in range(nseries):
        lv = rng.randint(100, 100000) * (50 if i == 0 else 1)
        for m in range(nmonths):
            base.append(("p%05d" % i, "%04d-%02d" % (2010 + m // 12, m % 12 + 1),
                         int(lv * rng.uniform(0.8, 1.2))))
    sums = {}
    for k, p, v in base:
        sums[p] = sums.get(p, 0) + v
    with_total = [r for r in base if not (r[0] == "p00001" and r[1] == "2015-06")]
    with_total += [("Total", p, v) for p, v in sums.items()]

    def timed(db, sql):
        t0 = time.perf_counter()
        try:
            db.execute(sql).fetchall()
        except sqlite3.Error:
            pass
        return time.perf_counter() - t0

    def reads(db):
        """Scans opened so far (tradestat_debug()'s path counts)."""
        line = [x for x in db.execute("SELECT tradestat_debug()").fetchone()[0].split("\n")
                if x.startswith("Scan paths")][0]
        return sum(int(w.strip(",")) for w in line.split() if w.strip(",").isdigit())

    for what, rows in (("ordinary", base), ("with a total row", with_total)):
        db = common.connect(ext)
        db.execute("CREATE TABLE src(region TEXT, period TEXT, value INTEGER)")
        db.executemany("INSERT INTO src VALUES(?, ?, ?)", rows)
        q = "SELECT sum(%s) FROM yoy_growth('src', 'value', 'period', 'region')"
        g = min(timed(db, q % "growth") for _ in range(5))
        sh = min(timed(db, q % "share") for _ in range(5))
        r0 = reads(db)
        timed(db, q % "share")
        print("total_rows: cost, %d series x %d months, %s: share / growth alone = %.2f, "
              "source read %d times" % (nseries, nmonths, what, sh / g, reads(db) - r0))


def main(argv):
    # --measure-only: another build's rates, nothing asserted
    ext, options = common.parse_args(argv, EXT, {"tables": TABLES, "seed": SEED},
                                     flags=("measure-only", "cost"))
    n, seed, check = options["tables"], options["seed"], not options["measure_only"]
    if options["cost"]:  # time ratios only
        cost(ext)
        return 0
    counts = {}
    grain_limit = 0
    for k in range(n if check else 0):
        s = seed * 1000003 + k
        rng = random.Random(s)
        with_total = k % 2 == 0
        t = make_table(rng, with_total, wide=False)
        msg = check_table(ext, t, s)
        if msg:
            print("total_rows: FAILED: " + msg)
            return 1
        for sh in t.shapes:
            key = ("total " if with_total else "ordinary ") + sh
            counts[key] = counts.get(key, 0) + 1
        grain_limit += t.grain_limit
    partial_grain_limit = 0
    # A total row beside continents listed with some of their countries:
    # refused and named (the label reads as a total), and with total= every
    # share is the figure over it.
    for k in range(n // 3 if check else 0):
        s = seed * 1000003 + 700000 + k
        t = make_partial_subtotals(random.Random(s), wide=False)
        msg = check_table(ext, t, s, grain_strict=False)
        if msg:
            print("total_rows: FAILED: " + msg)
            return 1
        counts["total partial subtotals"] = counts.get("total partial subtotals", 0) + 1
        partial_grain_limit += t.grain_limit and complete_year(t)
    # A total over parts not all listed, and ordinary tables whose largest
    # part is labelled as a total: the extension refuses what the model of
    # the label rule refuses (check 6).
    label_counts = {}
    for k in range(n // 3 if check else 0):
        for what, make in (("world", lambda r: make_world(r, wide=False)),
                           ("relabelled", lambda r: relabelled(r, wide=False))):
            s = seed * 1000003 + (300000 if what == "world" else 400000) + k
            t = make(random.Random(s))
            if t is None or len({r[0] for r in t.rows if r[2] is not None}) < 3:
                continue
            got = check_label_rule(ext, t, s)
            if isinstance(got, str):
                print("total_rows: FAILED: " + got)
                return 1
            if what == "world" and got[0] not in ("label", "borderline"):
                print("total_rows: FAILED: " + show(t, "seed %d: a World over partners not all "
                                                       "listed was not refused by the label rule: "
                                                       "%s %r" % (s, got[0], got[1])))
                return 1
            key = "%s %s" % (what, got[0])
            label_counts[key] = label_counts.get(key, 0) + 1
            if what == "world" and t.kind != "year":
                msg = check_table(ext, t, s)  # grain=year too, and total=
                if msg:
                    print("total_rows: FAILED: " + msg)
                    return 1
    if check:
        print("total_rows: %d tables (%s): every total row refused and named, every share right"
              % (n + n // 3, ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
        print("total_rows: the label rule (a World beside partners not all listed, an ordinary "
              "table's largest part labelled as a total): %s; refused exactly where the model "
              "refuses, every share right" % ", ".join("%s %d" % kv
                                                       for kv in sorted(label_counts.items())))
        print("total_rows: grain=year over months or quarters: shares shown beside the total in "
              "%d tables, each without a year where every series has all its periods" % grain_limit)
        print("total_rows: the same beside continents listed in part: shares shown beside the "
              "total in %d of %d tables with a year where every series has all its periods"
              % (partial_grain_limit, n // 3))
    # The wider range, measured only.
    missed = seen = fp = built = ordinary = 0
    for k in range(n):
        s = seed * 1000003 + 500000 + k
        rng = random.Random(s)
        with_total = k % 2 == 0
        t = make_table(rng, with_total, wide=True)
        if len({r[0] for r in t.rows if r[2] is not None}) < 3:
            continue
        r = refused(ext, t)
        if with_total:
            seen += 1
            missed += not r
        else:
            ordinary += 1
            if r and "coincidence" in t.shapes:
                built += 1
            else:
                fp += r
    print("total_rows: wider range (figures from 3, single periods): %d of %d total rows unseen; "
          "%d of %d ordinary tables refused, and %d built with one series equal to the others' sum"
          % (missed, seen, fp, ordinary, built))
    # Partial sub-totals measured: the total labelled as one, seen (wide
    # range); labelled 'R0', seen by the figures alone; without the total
    # row, the largest continent labelled as a total, refused.
    seen_label = seen_plain = wrong_cont = m = 0
    for k in range(n):
        s = seed * 1000003 + 800000 + k
        m += 1
        seen_label += refused(ext, make_partial_subtotals(random.Random(s), wide=True))
        seen_plain += refused(ext, make_partial_subtotals(random.Random(s), wide=True, label="R0"))
        wrong_cont += refused(ext, make_partial_subtotals(random.Random(s), wide=True,
                                                          label="Total", with_total=False))
    print("total_rows: a total beside continents listed in part (wider range): %d of %d refused "
          "labelled as a total, %d labelled 'R0'; without it, the largest continent labelled "
          "'Total': %d of %d refused" % (seen_label, m, seen_plain, wrong_cont, m))
    fp = tables = by_label = modelled = edge = 0
    for k in range(n):
        s = seed * 1000003 + 600000 + k
        t = relabelled(random.Random(s), wide=True)
        if t is None or len({r[0] for r in t.rows if r[2] is not None}) < 3:
            continue
        tables += 1
        got = check_label_rule(ext, t, s)
        if isinstance(got, str):
            if check:
                print("total_rows: FAILED: " + got)
                return 1
            got = ("failed", "")
        fp += got[1] is not None
        by_label += got[1] is not None and LABEL_RULE_WORDS in got[1]
        modelled += got[0] == "label"
        edge += got[0] == "borderline"
    print("total_rows: ordinary tables (wider range) whose largest part is labelled as a total: "
          "%d of %d refused, %d by the label rule (the model: %d, %d at the edge of the "
          "rounding, not asserted)" % (fp, tables, by_label, modelled, edge))
    fp, tables = near_half(ext, seed, n)
    print("total_rows: one part within 5 %% of the rest together, small figures: %d of %d ordinary "
          "tables refused" % (fp, tables))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
