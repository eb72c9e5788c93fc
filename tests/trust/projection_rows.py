#!/usr/bin/python3
"""annual_projection's per-row columns against a model of their
definitions, on random sources, bit for bit.

Each row of the table is made from its own year's points (found by
moving on from the last row's), from a grid whose cells are placed by
period ordinal and whose integer values are read without the 128-bit
split, and from a `through` label written once per series with only its
year changed.  This suite recomputes, in Python and from the rows it
inserted, what the reference (docs/reference/projection.md) and the
core's contract (projection_core.c items 1, 1b, 2 and 5) say each column
is, and compares every value exactly (floats by their bits):

  through, periods_observed, periods_per_year, ytd, actual (INTEGER
  while every input is an integer and the sum fits, else REAL), error,
  preliminary (a `p` mark up to through, every period of the year when
  through is not a boundary; with a through, also any mark of the
  earlier years the method reads: none for run_rate, the year before for
  prior_share and snaive, every earlier year for linear), and projection
  for run_rate, prior_share, snaive and linear (the year known at k = P,
  an incomplete year-to-date, no
  complete prior year, item 1b's months before May, item 5's raise to
  the year-to-date, a value that is not finite).

Sources: several series of halves, quarters or months (a series' own
kind), gaps, NULL values (a period of rows without a figure: a period
of the series, its year listed and, without through=, its latest
period, but no cell), zero and negative values, REAL
values in quarters (exact in binary, so sums are exact), integers past
2^53 (the grid holds them rounded; the ytd, a total and the rest of a
year that the methods read are their exact sums rounded once) and preliminary
marks; each with through= absent (a series' own latest period), a point
of the year (H1, Q1, Q3, 06, 09, 11, 04) or a label (2021-Q2), and with
and without a WHERE on the year (the rows kept must be the same rows;
a row's cells are made for the asked-for years alone until low, high or
note is first read, here part way through, when the rest are made).

    /usr/bin/python3 tests/trust/projection_rows.py [build/tradestat] [--seed N] [--sources N]

Exits 1 at the first difference, printing the case; also when too few
rows reach a rule (the generator no longer covers it).
"""
import random
import sys

import common

fail = common.failer("projection rows")

KINDS = {2: "%04d-H%d", 4: "%04d-Q%d", 12: "%04d-%02d"}
THROUGHS = [None, "H1", "Q1", "Q3", "06", "09", "11", "04", "2021-Q2"]
METHODS = ["run_rate", "prior_share", "snaive", "linear"]
# Rows that reached each rule (projection()); each must be reached.
REACHED = dict.fromkeys(
    ["projection", "known year", "no prior", "months before May", "raised", "big", "real",
     "through label", "not a boundary", "preliminary"], 0)


def neumaier(values):
    """projection_core.c's range_sum over doubles, operation for operation."""
    s = c = 0.0
    for v in values:
        t = s + v
        c += (s - t) + v if abs(s) >= abs(v) else (v - t) + s
        s = t
    return s + c


def through_k(through, P, last_sub):
    """series_through: k in this series' periods, 0 when not a boundary."""
    if through is None:
        return last_sub
    if "-" in through:  # a label: its position in its kind
        pos, per = int(through[-1]), 4
    elif through[0] in "HQ":
        pos, per = int(through[1:]), 2 if through[0] == "H" else 4
    else:
        pos, per = int(through), 12
    return pos * P // per if (pos * P) % per == 0 else 0


def make_series(r, name):
    """Rows (key, label, value) of one series and its model: P and, by
    (year, position), the value (int or float) and the preliminary mark."""
    P = r.choice([2, 4, 12])
    first, last = r.randint(2015, 2019), r.randint(2020, 2023)
    big = P != 2 and r.random() < 0.25  # integers past 2^53 (no REALs then)
    real = not big and r.random() < 0.3
    negative = r.random() < 0.2
    zero_rest = r.random() < 0.3  # the rest of some years zero (prior_share's ratio 1)
    early = P == 12 and r.random() < 0.2  # quarters written as months 1..4 (item 1b)
    rows, cells, empty = [], {}, set()
    for y in range(first, last + 1):
        for pos in range(1, P + 1):
            if y == last and pos > r.randint(1, P):
                break
            if r.random() < 0.06 or (early and pos > 4):
                continue  # a gap
            if big:
                v = r.randint(2**53, 2**60) * r.choice([1, 1, -1 if negative else 1])
                if zero_rest and pos > P // 2:
                    v = 0  # ytd * prior_total / prior_ytd may round below ytd: item 5
            else:
                v = r.randint(0, 5000) if r.random() < 0.97 else 0
                if negative and r.random() < 0.1:
                    v = -v
                if zero_rest and pos > P // 2:
                    v = 0
                if real:
                    v = v + r.choice([0.0, 0.25, 0.5, 0.75])
            label = KINDS[P] % (y, pos)
            mark = r.random() < 0.05
            if r.random() < 0.03:
                rows.append((name, label, None))  # NULL: a period without a figure
                empty.add((y, pos))
                continue
            rows.append((name, label + ("p" if mark else ""), v))
            cells[(y, pos)] = (v, mark)
    return rows, {"P": P, "cells": cells, "empty": empty}


def exact_sum(vals):
    """ts_sum_value: (is_int, value) of an exact sum."""
    if all(isinstance(v, int) for v in vals):
        total = sum(vals)
        if -(2**63) <= total < 2**63:
            return True, total
        return False, float(total)
    ints = sum(v for v in vals if isinstance(v, int))
    return False, float(ints) + sum(v for v in vals if isinstance(v, float))


def year_sum(cells, y, last):
    vals = []
    for pos in range(1, last + 1):
        if (y, pos) not in cells:
            return None
        vals.append(cells[(y, pos)][0])
    return exact_sum(vals)


def grid_sum(cells, y, a, b, P):
    """range_sum of positions a..b; None if one is absent.  A year-to-date
    (1..b), a total and the rest of a year (a..P) are the exact sum of the
    figures rounded once when a figure is an integer past 2^53 (the grid's
    double of it is rounded: projection_core.c item 6b); otherwise the
    compensated sum over the grid's doubles, operation for operation."""
    vals = []
    for pos in range(a, b + 1):
        if (y, pos) not in cells:
            return None
        vals.append(cells[(y, pos)][0])
    big = any(isinstance(v, int) and abs(v) >= 2**53 for v, _ in cells.values())
    if big and (a == 1 or b == P):
        return float(sum(vals))
    return neumaier([float(v) for v in vals])


def projection(model, y, k, method):
    P, cells = model["P"], model["cells"]
    ytd = grid_sum(cells, y, 1, k, P)
    if ytd is None:  # a series of rows without a figure alone too
        return None
    first = min(yy for yy, _ in cells)
    if k == P:
        REACHED["known year"] += 1
        return ytd
    if P == 12 and k <= 4 and y > first:
        if not any((yy, pos) in cells for yy in range(first, y) for pos in range(5, 13)):
            REACHED["months before May"] += 1
            return None
    if method == "run_rate":
        value = ytd * P / k
    elif method == "prior_share":
        total, part = grid_sum(cells, y - 1, 1, P, P), grid_sum(cells, y - 1, 1, k, P)
        if total is None or part is None or part == 0:
            REACHED["no prior"] += 1
            return None
        value = ytd * total / part
    elif method == "snaive":
        rest = grid_sum(cells, y - 1, k + 1, P, P)
        if rest is None:
            return None
        value = ytd + rest
    else:  # linear: one Welford pass over the grid up to (y, k), as written,
        # the periods numbered from the first observed one (x = 0)
        last = (y - first) * P + k - 1
        seen = [i for i in range(last + 1) if (first + i // P, i % P + 1) in cells]
        i0 = seen[0] if seen else 0
        n = mean_x = mean_y = sxx = sxy = 0.0
        for i in seen:
            v = float(cells[(first + i // P, i % P + 1)][0])
            x = float(i - i0)
            n += 1
            dx, dy = x - mean_x, v - mean_y
            mean_x += dx / n
            mean_y += dy / n
            sxx += dx * (x - mean_x)
            sxy += dx * (v - mean_y)
        if n < 2 or sxx == 0:
            return None
        slope, rest = sxy / sxx, 0.0
        for pos in range(k + 1, P + 1):
            rest += mean_y + slope * ((y - first) * P + pos - 1 - i0 - mean_x)
        value = ytd + rest
    if value != value or value in (float("inf"), float("-inf")):
        return None
    REACHED["projection"] += 1
    if value < ytd:
        if not any(
            float(v) < 0 for (yy, pos), (v, _) in cells.items() if (yy, pos) <= (y, k)
        ):
            REACHED["raised"] += 1
            value = ytd
    return value


def expected_rows(models, through, method, year_from):
    out = []
    for name in sorted(models):
        model = models[name]
        P, cells = model["P"], model["cells"]
        periods = set(cells) | model["empty"]  # periods with rows, with a figure or not
        if not periods:
            continue
        last_sub = max(periods)[1]
        k = through_k(through, P, last_sub)
        for y in sorted({yy for yy, _ in periods}):
            if year_from is not None and y < year_from:
                continue
            label = None
            if k:
                label = (KINDS[P] % (y, k)) if P != 1 else "%04d" % y
            observed = sum((y, pos) in cells for pos in range(1, k + 1))
            ytd = year_sum(cells, y, k) if k else None
            actual = year_sum(cells, y, P)
            proj = projection(model, y, k, method) if k else None
            error = None
            if proj is not None and actual is not None and actual[1] != 0:
                # of the figures as written, rounded once (docs/conventions.md)
                error = common.rate_as_written(proj, float(actual[1]))
            last = k if k else P
            prelim = int(any(cells[(y, pos)][1] for pos in range(1, last + 1) if (y, pos) in cells))
            if k and method != "run_rate":
                # and the earlier years the method reads: the year before
                # for prior_share and snaive, every earlier year for linear
                read = (lambda yy: yy == y - 1) if method in ("prior_share", "snaive") else (
                    lambda yy: yy < y)
                prelim |= int(any(v[1] for (yy, _), v in cells.items() if read(yy)))
            out.append(
                (
                    name,
                    y,
                    label,
                    observed,
                    P,
                    shown(ytd),
                    shown_float(proj),
                    shown(actual),
                    shown_float(error),
                    prelim,
                )
            )
    return out


def shown(sum_value):
    if sum_value is None:
        return None
    is_int, v = sum_value
    return ("int", v) if is_int else ("real", float(v).hex())


def shown_float(v):
    return None if v is None else ("real", float(v).hex())


def row_shown(row):
    name, year, through, observed, per, ytd, proj, actual, error, prelim = row
    def cell(v):
        if v is None:
            return None
        return ("int", v) if isinstance(v, int) else ("real", float(v).hex())
    return (name, year, through, observed, per, cell(ytd), None if proj is None else ("real", proj.hex()),
            cell(actual), None if error is None else ("real", error.hex()), prelim)


def check_interval_later(db, opt, year_from, year_low):
    """Rows under a WHERE on year whose low, high and note are first read
    part way through (the backtest is then completed for the interval,
    which reads earlier years' cells) equal the unfiltered table's rows."""
    cols = ("series, year, projection, CASE WHEN year >= %d THEN low END,"
            " CASE WHEN year >= %d THEN high END, CASE WHEN year >= %d THEN note END"
            % (year_low, year_low, year_low))
    base = "SELECT %s FROM annual_projection('src', 'v', 'p', 'k', NULL, '%s')" % (cols, opt)
    got = db.execute(base + " WHERE year >= %d ORDER BY series, year" % year_from).fetchall()
    want = [x for x in db.execute(base + " ORDER BY series, year") if x[1] >= year_from]
    shown = lambda rows: [tuple(v.hex() if isinstance(v, float) else v for v in x) for x in rows]
    if shown(got) != shown(want):
        fail("%s, year >= %d, low from %d: %r\n  against the unfiltered rows %r"
             % (opt, year_from, year_low, got, want))
    return len(got)


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"seed": 1, "sources": 120})
    r = random.Random(opts["seed"])
    db = common.connect(ext)
    compared = 0
    for case in range(opts["sources"]):
        models, rows = {}, []
        for i in range(r.randint(1, 4)):
            name = "s%d" % i
            srows, model = make_series(r, name)
            rows += srows
            models[name] = model
        db.execute("DROP TABLE IF EXISTS src")
        db.execute("CREATE TABLE src(k TEXT, p TEXT, v)")
        db.executemany("INSERT INTO src VALUES (?, ?, ?)", rows)
        for _ in range(3):
            through, method = r.choice(THROUGHS), r.choice(METHODS)
            year_from = r.choice([None, None, 2020, 2022])
            opt = "method=%s" % method + (", through=%s" % through if through else "")
            sql = (
                "SELECT series, year, through, periods_observed, periods_per_year, ytd,"
                " projection, actual, error, preliminary FROM annual_projection("
                "'src', 'v', 'p', 'k', NULL, '%s')" % opt
            )
            if year_from is not None:
                sql += " WHERE year >= %d" % year_from
            sql += " ORDER BY series, year"
            got = [row_shown(x) for x in db.execute(sql)]
            want = expected_rows(models, through, method, year_from)
            if got != want:
                for g, w in zip(got + [None] * len(want), want + [None] * len(got)):
                    if g != w:
                        fail("seed %d case %d (%s%s): row\n  got  %r\n  want %r" % (
                            opts["seed"], case, opt,
                            "" if year_from is None else ", year >= %d" % year_from, g, w))
            compared += len(got)
            if year_from is not None:
                compared += check_interval_later(db, opt, year_from, r.randint(year_from, 2023))
            for w in want:
                REACHED["big"] += w[5] is not None and w[5][0] == "int" and abs(w[5][1]) >= 2**53
                REACHED["real"] += w[5] is not None and w[5][0] == "real"
                REACHED["through label"] += w[2] is not None
                REACHED["not a boundary"] += w[2] is None
                REACHED["preliminary"] += w[9]
    for rule, n in REACHED.items():
        if n < 5:
            fail("only %d rows reached %s: the generator no longer covers it" % (n, rule))
    print("projection rows: rows that reached each rule: %s" % REACHED)
    print("projection rows: %d rows of %d sources equal their model bit for bit (seed %d)"
          % (compared, opts["sources"], opts["seed"]))


if __name__ == "__main__":
    main()
