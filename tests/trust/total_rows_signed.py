#!/usr/bin/python3
"""A total row among series of both signs (balances), refused, and only then.

total_rows.py draws positive figures.  Balances by partner or product
(exports minus imports) are of both signs, with a negative figure in
nearly every period, and a table of them carries its Total as readily:
summed with its parts it halves every share and every contribution.  The
guard's candidates used to come from the largest figure of a period
without a negative one, or from a series in every period exactly half the
grand total, so a Total of balances that misses a year or is rounded
apart from its parts was never judged (tests/sql/share_total_negative.sql).

Seeded random tables, every figure of four digits or more:

  total   parts of both signs and a Total row that is their sum, in the
          shapes published tables take: exact in every period, rounded
          by a unit, missing the last years, starting later than the
          parts, withheld in a year between, beside continents that
          sum their countries (a total over sub-totals), or the sum of
          two continents listed beside some of their countries only
          (the rule over some of the others, which among balances
          searches every series); and in any of these a part's cell
          withheld (NULL) in one year;
  plain   the same parts without a Total, a cell withheld (NULL) or not.

Checked: every table with a Total is refused without total= (the error
naming it), and with total= every share is the part over the Total; no
table without one is refused, and its shares are the part over the sum.

    /usr/bin/python3 tests/trust/total_rows_signed.py [EXT] [--tables N] [--seed S]

Exits 1 on the first failure, printing the seed and the table.
"""
import random
import sqlite3
import sys

import common

fail = common.failer("total_rows_signed")


def table(rng, with_total):
    nparts = rng.randint(3, 6)
    years = list(range(2015, 2015 + rng.randint(3, 7)))
    parts = {}
    for i in range(nparts):
        base = rng.choice([-1, 1]) * rng.randint(1000, 90000)
        parts["p%d" % i] = {y: base + rng.randint(-3000, 3000) for y in years}
    rows = [(k, str(y), v) for k, ys in parts.items() for y, v in ys.items()]
    shape = None
    if not with_total and rng.random() < 0.4:
        k0, y0 = rng.choice(sorted(parts)), rng.choice(years)
        rows = [(k, p, None if (k, p) == (k0, str(y0)) else v) for k, p, v in rows]
    if with_total:
        shape = rng.choice(["exact", "rounded", "late", "early", "gap", "subtotals", "partial"])
        tyears = list(years)
        if shape == "late":
            tyears = years[rng.randint(1, len(years) - 2):]
        elif shape == "early":
            tyears = years[:len(years) - rng.randint(1, len(years) - 2)]
        elif shape == "gap":
            tyears = [y for y in years if y not in rng.sample(years[1:-1], 1)]
        elif shape == "subtotals":
            # two continents beside their countries, all of both signs
            names = sorted(parts)
            cut = rng.randint(1, len(names) - 1)
            for cont, members in (("Asia", names[:cut]), ("Europe", names[cut:])):
                for y in years:
                    rows.append((cont, str(y), sum(parts[m][y] for m in members)))
        elif shape == "partial":
            # two continents listed beside some of their countries only:
            # each holds one or two more, unlisted (the Total is the sum
            # of the continents, not of the rows beside them)
            # (with every listed figure above zero the Total may lie below
            # a listed country's: searched as its label reads as a total)
            names = sorted(parts)
            cut = rng.randint(1, len(names) - 1)
            for cont, members in (("Asia", names[:cut]), ("Europe", names[cut:])):
                hidden = [rng.choice([-1, 1]) * rng.randint(1000, 90000)
                          for _ in range(rng.randint(1, 2))]
                for y in years:
                    rows.append((cont, str(y), sum(parts[m][y] for m in members)
                                 + sum(h + rng.randint(-3000, 3000) for h in hidden)))
        y0 = rng.choice(years)
        if rng.random() < 0.4 and len([y for y in tyears if y != y0]) >= 2:
            # a part's cell withheld (NULL) in a year: still in the Total
            # (two years where all are there remain: one match is no proof)
            k0 = rng.choice(sorted(parts))
            rows = [(k, p, None if (k, p) == (k0, str(y0)) else v) for k, p, v in rows]
            shape += "+null"
        for y in tyears:
            s = sum(ys[y] for ys in parts.values())
            if shape.startswith("partial"):
                s = sum(v for k, p, v in rows if k in ("Asia", "Europe") and p == str(y))
            if shape == "rounded":
                s += rng.choice([-1, 1])
            if s == 0:
                s = 1
            rows.append(("Total", str(y), s))
    return rows, shape


def run(db, sql):
    try:
        return db.execute(sql).fetchall(), None
    except sqlite3.Error as e:
        return None, str(e)


def main():
    ext, opt = common.parse_args(sys.argv[1:], numbers={"tables": 400, "seed": 1})
    refused = {"total": 0, "plain": 0}
    for n in range(opt["tables"]):
        seed = opt["seed"] * 100003 + n
        rng = random.Random(seed)
        with_total = n % 2 == 0
        rows, shape = table(rng, with_total)
        db = common.connect(ext)
        db.execute("CREATE TABLE b(k TEXT, p TEXT, v INTEGER)")
        db.executemany("INSERT INTO b VALUES (?, ?, ?)", rows)
        db.execute("CREATE VIRTUAL TABLE g USING yoy_growth(source=b, value=v, period=p, by=k)")
        got, err = run(db, "SELECT k, period, share FROM g")
        where = "seed %d, %s, rows %r" % (seed, shape or "plain", rows)
        if with_total:
            if err is None or "k='Total'" not in err or "total=" not in err:
                fail("a Total row of balances (%s) is not refused: %s; %s"
                     % (shape, err or "shares shown", where))
            refused["total"] += 1
            db.execute("CREATE VIRTUAL TABLE gt USING yoy_growth(source=b, value=v, period=p,"
                       " by=k, total=Total)")
            got, err = run(db, "SELECT k, period, share FROM gt WHERE k <> 'Total'"
                               " AND period IN (SELECT p FROM b WHERE k = 'Total')"
                               " AND (SELECT count(*) FROM b WHERE k IN ('Asia', 'Europe')) = 0")
            if err:
                fail("with total=: %s; %s" % (err, where))
            want = {(k, p): v for k, p, v in rows}
            for k, p, share in got:
                w = want[(k, p)] * 100.0 / want[("Total", p)]
                if share is None or abs(share - w) > 1e-9 * max(1.0, abs(w)):
                    fail("with total=, %s %s: share %r where the part over the Total gives %r; %s"
                         % (k, p, share, w, where))
        else:
            if err is not None:
                fail("a table of balances without a Total is refused: %s; %s" % (err, where))
            tot = {}
            for k, p, v in rows:
                # a withheld cell (NULL) makes the period's total unknown
                tot[p] = None if v is None or tot.get(p, 0) is None else tot.get(p, 0) + v
            want = {(k, p): v * 100.0 / tot[p] if tot[p] else None for k, p, v in rows}
            for k, p, share in got:
                w = want[(k, p)]
                if (w is None) != (share is None) or (
                        w is not None and abs(share - w) > 1e-9 * max(1.0, abs(w))):
                    fail("%s %s: share %r where the part over the sum gives %r; %s"
                         % (k, p, share, w, where))
        db.close()
    print("total_rows_signed: %d tables of balances: every Total row refused (%d), "
          "no table without one refused, every share right" % (opt["tables"], refused["total"]))


if __name__ == "__main__":
    main()
