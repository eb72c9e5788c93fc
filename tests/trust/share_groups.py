#!/usr/bin/python3
"""Shares within groups: yoy_growth's share, share_change and contribution
with two or three by columns, against the plain-SQL meaning worked out in
Python.

With by='a, b, c' the parts of a share are the values of the last by
column within each combination of the others (the group):

    share = value / sum(value) OVER (PARTITION BY a, b, period) * 100

where that sum is unknown when a row of the group and period has a NULL
value (a withheld figure): share, share_change and contribution are
then NULL, as they are for the period's and the next year's rows that
divide by it.  With total= only the total series' own NULLs count.

Seeded random tables, each with 2 or 3 by columns whose group columns are
drawn from the kinds GROUP BY treats specially:

  nocase   TEXT COLLATE NOCASE, spellings 'Import' / 'import' / 'IMPORT'
           (one group), and NULL;
  binary   TEXT, 'a' and 'A' (two groups), and NULL;
  number   no declared type, INTEGER 1 and REAL 1.0 (one group), and NULL;

with NULL value cells and missing rows, INTEGER or REAL figures, yearly
or quarterly periods.  The expected figures are computed here from the
rows alone, with each column's equality written out in Python (lower()
for NOCASE, float() for numbers), never by asking SQLite.  Checked, per
table, read with scan=stream and with scan=hash:

  1. every row's share, share_change and contribution equals the
     PARTITION BY meaning (1e-9 relative), NULL exactly where it is NULL;
  2. a WHERE on the first by column gives the same shares for the rows it
     keeps (the totals ignore the query's WHERE);
  3. tables with a total row in every group (last column 'Total', the
     exact sum of the group's other series): refused without total=, the
     error naming a 'Total' series and its group; with total=Total, after
     some of the other parts' figures are withheld (set to NULL), every
     share is the figure over the group's Total figure.

    /usr/bin/python3 tests/trust/share_groups.py [build/tradestat] [--tables N] [--seed S]
        [--cost]   (how much reading share costs over growth alone: ratios)

Exits 1 on the first failure, printing the seed, the table and the row.
"""
import random
import sqlite3
import sys

import common

EXT = common.DEFAULT_EXT
TABLES = 200
SEED = 1

GROUP_KINDS = {
    "nocase": ("TEXT COLLATE NOCASE", [["Import", "import", "IMPORT"], ["export", "Export"],
                                       ["Transit"], [None]]),
    "binary": ("TEXT", [["a"], ["A"], ["b"], [None]]),
    "number": ("", [[1, 1.0], [2, 2.0], [3], [None]]),
}
PARTS = ["China", "USA", "Japan", "Viet Nam", "Germany", None]


def norm(kind, v):
    """A group column's value as GROUP BY compares it."""
    if v is None:
        return None
    if kind == "nocase":
        return v.lower()
    if kind == "number":
        return float(v)
    return v


class Table:
    def __init__(self):
        self.kinds = []  # per group column
        self.rows = []  # (keys tuple, period, value)
        self.real = False
        self.total = False
        self.periods = []


def period_labels(rng):
    quarterly = rng.random() < 0.5
    first, n = rng.randint(2010, 2018), rng.randint(2, 12 if quarterly else 6)
    if quarterly:
        return ["%04d-Q%d" % (first + i // 4, i % 4 + 1) for i in range(n)]
    return ["%04d" % (first + i) for i in range(n)]


def prior_label(p):
    return "%04d%s" % (int(p[:4]) - 1, p[4:])


def make_table(rng, with_total):
    t = Table()
    ngroup = rng.choice([1, 2])  # 2 or 3 by columns
    t.kinds = [rng.choice(list(GROUP_KINDS)) for _ in range(ngroup)]
    t.real = rng.random() < 0.3
    t.total = with_total
    t.periods = period_labels(rng)
    # The groups: a few combinations of the group columns' classes; each
    # row picks one spelling of its class.
    classes = [GROUP_KINDS[k][1] for k in t.kinds]
    ngroups = rng.randint(1, 4)
    groups = {tuple(rng.randrange(len(c)) for c in classes) for _ in range(ngroups)}
    for g in sorted(groups):
        parts = rng.sample(PARTS, rng.randint(3 if with_total else 1, len(PARTS)))
        cells = {}  # (part, period) -> value
        for part in parts:
            level = rng.uniform(1e4, 1e6)
            for p in t.periods:
                level *= rng.uniform(0.8, 1.3)
                r = rng.random()
                if r < 0.1 and not with_total:
                    continue  # no row
                if r < 0.2 and not with_total:
                    cells[(part, p)] = None  # a NULL cell
                    continue
                cells[(part, p)] = round(level, 2) if t.real else int(level)
        if with_total:
            for p in t.periods:
                cells[("Total", p)] = sum(v for (q, pp), v in cells.items() if pp == p)
                if t.real:
                    cells[("Total", p)] = round(cells[("Total", p)], 2)
        for (part, p), v in cells.items():
            keys = tuple(rng.choice(classes[i][g[i]]) for i in range(ngroup)) + (part,)
            t.rows.append((keys, p, v))
    rng.shuffle(t.rows)
    return t


def load(db, t):
    cols = ["g%d %s" % (i, GROUP_KINDS[k][0]) for i, k in enumerate(t.kinds)]
    db.execute("CREATE TABLE src(%s, part TEXT, p TEXT, v %s)"
               % (", ".join(cols), "REAL" if t.real else "INTEGER"))
    n = len(t.kinds) + 1
    db.executemany("INSERT INTO src VALUES(%s)" % ", ".join("?" * (n + 2)),
                   [k + (p, v) for k, p, v in t.rows])


def by_list(t):
    return ", ".join(["g%d" % i for i in range(len(t.kinds))] + ["part"])


def series_key(t, keys):
    return tuple(norm(k, keys[i]) for i, k in enumerate(t.kinds)) + (keys[-1],)


def expected(t, total_label=None):
    """{(series key, period): (share, share_change, contribution)} by the
    PARTITION BY meaning (or over the group's total_label series)."""
    val = {}
    withheld = set()  # (group, period): a part counted in the total has a NULL cell
    for keys, p, v in t.rows:
        s = series_key(t, keys)
        if v is not None:
            val[(s, p)] = v
        elif total_label is None or s[-1] == total_label:
            withheld.add((s[:-1], p))
    tot = {}
    for (s, p), v in val.items():
        if total_label is None:
            tot[(s[:-1], p)] = tot.get((s[:-1], p), 0) + v
        elif s[-1] == total_label:
            tot[(s[:-1], p)] = v
    # sum(v) of a group and period with a NULL v is unknown, not the sum
    # of the others: no share, share change or contribution divides by it.
    for k in withheld:
        if k in tot:
            tot[k] = None

    def share(s, p):
        if (s, p) not in val or not tot.get((s[:-1], p)):
            return None
        return val[(s, p)] / tot[(s[:-1], p)] * 100.0

    out = {}
    for (s, p), v in val.items():
        q = prior_label(p)
        now, then = share(s, p), share(s, q)
        change = now - then if now is not None and then is not None else None
        base = tot.get((s[:-1], q))
        contrib = ((v - val[(s, q)]) / abs(base) * 100.0
                   if (s, q) in val and base and (s[:-1], p) not in withheld else None)
        out[(s, p)] = (now, change, contrib)
    return out


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def show(t, what):
    lines = ["%s (by %s, kinds %s, %s):" % (what, by_list(t), t.kinds,
                                           "REAL" if t.real else "INTEGER")]
    for r in sorted(t.rows, key=repr):
        lines.append("  %r" % (r,))
    return "\n".join(lines)


def compare(db, t, table, want, where="", args=()):
    """None, or the first row that differs from want."""
    n = len(t.kinds)
    sql = ("SELECT %s, period, share, share_change, contribution FROM %s %s"
           % (by_list(t), table, where))
    rows = db.execute(sql, args).fetchall()
    for r in rows:
        s = series_key(t, r[:n + 1])
        got = r[n + 2:]
        w = want.get((s, r[n + 1]))
        if w is None:
            return "a row the source has no figure for: %r" % (r,)
        for name, a, b in zip(("share", "share_change", "contribution"), got, w):
            if not close(a, b):
                return "%r: %s %r, want %r" % (r[:n + 2], name, a, b)
    if not where and len(rows) != len(want):
        return "%d rows, want %d" % (len(rows), len(want))
    return None


def check_total_table(db, t, seed):
    """Check 3: refused without total=; with total=Total, once a part's
    figure here and there is withheld (the Total counted it), each share
    is still the part over its group's Total."""
    for scan in ("stream", "hash"):
        name = "g_" + scan
        db.execute("CREATE VIRTUAL TABLE %s USING yoy_growth(source=src, value=v, period=p, "
                   "by='%s', scan=%s)" % (name, by_list(t), scan))
        try:
            db.execute("SELECT share FROM %s" % name).fetchall()
            return show(t, "seed %d, scan=%s: a total row in each group was not refused"
                        % (seed, scan))
        except sqlite3.Error as e:
            err = str(e)
        if "part='Total'" not in err or " with g0=" not in err:
            return show(t, "seed %d, scan=%s: the error does not name a group's total: %s"
                        % (seed, scan, err))
    rng = random.Random(seed)
    rows = list(t.rows)
    for i, (keys, p, v) in enumerate(rows):  # rowid i + 1: inserted in this order
        if keys[-1] != "Total" and v is not None and rng.random() < 0.1:
            rows[i] = (keys, p, None)
            db.execute("UPDATE src SET v = NULL WHERE rowid = ?", (i + 1,))
    t.rows = rows
    for scan in ("stream", "hash"):
        tname = "g_%s_t" % scan
        db.execute("CREATE VIRTUAL TABLE %s USING yoy_growth(source=src, value=v, period=p, "
                   "by='%s', scan=%s, total=Total)" % (tname, by_list(t), scan))
        msg = compare(db, t, tname, expected(t, "Total"))
        if msg:
            return show(t, "seed %d, scan=%s, total=Total: %s" % (seed, scan, msg))
    return None


def check_table(ext, t, seed):
    db = common.connect(ext)
    load(db, t)
    if t.total:
        return check_total_table(db, t, seed)
    for scan in ("stream", "hash"):
        name = "g_" + scan
        db.execute("CREATE VIRTUAL TABLE %s USING yoy_growth(source=src, value=v, period=p, "
                   "by='%s', scan=%s)" % (name, by_list(t), scan))
        want = expected(t)
        msg = compare(db, t, name, want)
        if msg:
            return show(t, "seed %d, scan=%s: %s" % (seed, scan, msg))
        # A WHERE on the first group column keeps the shares.
        first = [k[0] for k, p, v in t.rows if k[0] is not None]
        if first:
            msg = compare(db, t, name, want, "WHERE g0 = ?", (first[0],))
            if msg:
                return show(t, "seed %d, scan=%s, WHERE g0 = %r: %s" % (seed, scan, first[0], msg))
    return None


def cost(ext, ngroups=20, nparts=100, nmonths=120):
    """Prints how long reading share takes against reading growth alone
    (ratios, nothing asserted), with one by column and with two (the same
    rows as ngroups flows of nparts partners), and with two whose flow is
    spelt differently in every series (NOCASE: SQLite is asked each time)."""
    import time
    rng = random.Random(7)
    rows = []
    for g in range(ngroups):
        for i in range(nparts):
            lv = rng.randint(1000, 100000)
            for m in range(nmonths):
                rows.append(("f%02d" % g, "p%04d" % i, "%04d-%02d" % (2010 + m // 12, m % 12 + 1),
                             int(lv * rng.uniform(0.8, 1.2))))

    def spelt(f, i):  # one spelling per series: f07, F07, ...
        return "".join(c.upper() if (i >> k) & 1 else c for k, c in enumerate(f))

    cases = (("one by column", "g || '/' || part", rows),
             ("two by columns", "g, part", rows),
             ("two, a spelling per series", "g, part",
              [(spelt(g, int(pp[1:])), pp, p, v) for g, pp, p, v in rows]))
    for what, by, data in cases:
        db = common.connect(ext)
        db.execute("CREATE TABLE raw(g TEXT COLLATE NOCASE, part TEXT, p TEXT, v INTEGER)")
        db.executemany("INSERT INTO raw VALUES(?, ?, ?, ?)", data)
        if by.startswith("g ||"):
            db.execute("CREATE TABLE src AS SELECT g || '/' || part AS k, p, v FROM raw")
            by = "k"
        else:
            db.execute("CREATE TABLE src AS SELECT * FROM raw")
        db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=src, value=v, period=p, "
                   "by='%s')" % by)

        def timed(col):
            best = None
            for _ in range(3):
                t0 = time.perf_counter()
                db.execute("SELECT sum(%s) FROM y" % col).fetchall()
                d = time.perf_counter() - t0
                best = d if best is None else min(best, d)
            return best
        g, s = timed("growth"), timed("share")
        print("share_groups: cost, %d series x %d months, %s: share / growth alone = %.2f"
              % (ngroups * nparts, nmonths, what, s / g))


def main(argv):
    ext, options = common.parse_args(argv, EXT, {"tables": TABLES, "seed": SEED}, flags=("cost",))
    n, seed = options["tables"], options["seed"]
    if options["cost"]:  # time ratios only
        cost(ext)
        return 0
    counts = {}
    for k in range(n):
        s = seed * 1000003 + k
        rng = random.Random(s)
        t = make_table(rng, with_total=k % 4 == 3)
        msg = check_table(ext, t, s)
        if msg:
            print("share_groups: FAILED: " + msg)
            return 1
        key = "%d by columns%s" % (len(t.kinds) + 1, ", a total per group" if t.total else "")
        counts[key] = counts.get(key, 0) + 1
    print("share_groups: %d tables (%s): every share, share change and contribution is the "
          "PARTITION BY meaning, with scan=stream and scan=hash"
          % (n, ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
