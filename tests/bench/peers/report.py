"""report.py -- tradestat against DuckDB, pandas and SQLite's scan floor,
from the rounds rounds.py timed back to back.

    python3 report.py ROUNDS.tsv

Contract:
 1. ROUNDS.tsv is rounds.py's output: "#" lines (printed first), "load"
    lines, and one line per timing: round, task, contender, wall s, CPU s,
    peak RSS KiB, result columns (or "error" and why).
 2. Per task: each contender's median wall and CPU seconds over the
    rounds (not the warm-up round 0); for each other contender X the
    ratio tradestat ÷ X of every round (the two timed in the same round,
    back to back), reported as the median over the rounds with its
    min-max, by CPU time and by wall time.  The target verdict reads the
    median CPU ratio, as run.c's does: every task <= 3 x DuckDB on one
    thread and <= 3 x the scan floor of its source; the gap-safe YoY also
    <= 0.5 x DuckDB on one thread.  Under the tables, as run.c prints
    them: the round-to-round spread (max ÷ min, median over the rows) of
    the ratios and of the contenders' own times.
 3. Agreement: every contender's result columns, in every round (the
    warm-up too), must equal tradestat's first round -- the counts
    exactly, the sums within a relative 1e-8 (sums of floats in another
    order); the floor returns other columns and is not compared.  A
    difference, an error answer, a task without tradestat's or the
    floor's timing: the exit status is 1, after the tables: a fast wrong
    answer is no result.
 4. Also printed: the peers' load times (not in the task times), each
    worker's peak RSS, a one-line count of the targets met and missed.
"""
import statistics
import sys

# task -> label, the floor's source table, targets against DuckDB on 1 thread
TASKS = [
    ("yoy", "gap-safe YoY, every series and month", "direct_trade", [3.0, 0.5]),
    ("trade", "balance + coverage + YoY, partner x month", "direct_trade", [3.0]),
    ("annual", "annual totals + YoY per series", "direct_trade", [3.0]),
    ("proj", "prior_share projection, latest year", "direct_trade", [3.0]),
    ("txn", "transactions -> months -> YoY", "transactions", [3.0]),
]
FLOOR_TARGET = 3.0
DUCKDB_1 = "DuckDB 1 thr"
N_COUNTS = 2  # the first two result columns are counts, compared exactly
REL_TOL = 1e-8


def parse(cells):
    """(wall, cpu, rss, values) of an answer's cells after the contender."""
    values = [None if c == "NULL" else float(c) for c in cells[3:]]
    return float(cells[0]), float(cells[1]), int(cells[2]), values


def read_rounds(path):
    notes, loads, timings, errors = [], {}, {}, []
    with open(path) as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("#"):
                notes.append(line[1:].strip())
            elif cells[0] == "load" and len(cells) >= 6:
                loads[cells[2]] = parse(cells[3:])
            elif len(cells) >= 4 and cells[3] == "error":
                errors.append("%s, round %s: %s: %s" % (cells[1], cells[0], cells[2],
                                                        " ".join(cells[4:])))
            elif len(cells) >= 6:
                task, who = cells[1], cells[2]
                timings.setdefault(task, {}).setdefault(who, {})[int(cells[0])] = parse(cells[3:])
    return notes, loads, timings, errors


def timed(row):
    """A contender's timings of one task without the warm-up round (0)."""
    return {r: v for r, v in row.items() if r >= 1}


def compare(ref, other):
    """None when equal within tolerance, else why; and the largest
    relative difference of the sums."""
    if len(ref) != len(other):
        return "%d columns, not %d" % (len(other), len(ref)), 0.0
    worst = 0.0
    for k, (a, b) in enumerate(zip(ref, other)):
        if (a is None) != (b is None):
            return "column %d: %s vs %s" % (k + 1, a, b), worst
        if a is None:
            continue
        if k < N_COUNTS:
            if a != b:
                return "count column %d: %.0f vs %.0f" % (k + 1, a, b), worst
            continue
        rel = abs(a - b) / max(abs(a), abs(b), 1e-300)
        worst = max(worst, rel)
        if rel > REL_TOL:
            return "sum column %d: %.17g vs %.17g (relative %.2g)" % (k + 1, a, b, rel), worst
    return None, worst


def order_key(who):
    """tradestat, DuckDB by threads, pandas, the floor, then the others."""
    if who == "tradestat":
        return (0, 0, who)
    if who.startswith("DuckDB "):
        return (1, int(who.split()[1]), who)
    return {"pandas": (2, 0, who), "floor": (3, 0, who)}.get(who, (4, 0, who))


def ratio_stat(ts, other, k):
    """median, min, max over the rounds of ts[r][k] / other[r][k]."""
    ratios = sorted(ts[r][k] / other[r][k] for r in timed(ts) if r in other and other[r][k] > 0)
    if not ratios:
        return None
    return statistics.median(ratios), ratios[0], ratios[-1]


def fmt_ratio(st):
    return "n/a | n/a" if st is None else "%.3f | %.3f–%.3f" % st


def verdict(st, targets):
    """met / MISSED against each target (ratio <= target), by CPU."""
    if not targets:
        return "—", ""
    if st is None:
        return " ".join("≤ %g" % t for t in targets), "not measured"
    missed = [t for t in targets if st[0] > t]
    cell = ", ".join("≤ %g" % t for t in sorted(targets))
    if not missed:
        return cell, "met"
    met = [t for t in targets if t not in missed]
    return cell, "MISSED ≤ %g" % min(missed) + ("; ≤ %g met" % max(met) if met else "")


def spread(values):
    """max / min of positive values; None with fewer than two."""
    v = [x for x in values if x > 0]
    return max(v) / min(v) if len(v) >= 2 else None


def print_spread(timings, others):
    """How much the ratios move from round to round against how much the
    contenders' own times move (max ÷ min, median over the rows): the
    ratio moving less is what timing them back to back buys."""
    ratio, own = {0: [], 1: []}, {0: [], 1: []}
    for t in timings.values():
        ts = timed(t.get("tradestat", {}))
        for w in others:
            row = t.get(w, {})
            for k in (0, 1):
                r = spread(ts[i][k] / row[i][k] for i in ts if i in row and row[i][k] > 0)
                if r:
                    ratio[k].append(r)
        for w, row in t.items():
            for k in (0, 1):
                r = spread(v[k] for v in timed(row).values())
                if r:
                    own[k].append(r)
    if ratio[0] and ratio[1] and own[0] and own[1]:
        med = statistics.median
        print("\nround-to-round spread of the ratios (max ÷ min, median over %d rows): "
              "CPU %.3f, wall %.3f" % (len(ratio[1]), med(ratio[1]), med(ratio[0])))
        print("round-to-round spread of the contenders' own times (max ÷ min, median over %d): "
              "CPU %.3f, wall %.3f" % (len(own[1]), med(own[1]), med(own[0])))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: report.py ROUNDS.tsv")
    notes, loads, timings, errors = read_rounds(sys.argv[1])
    for note in notes:
        print(note)
    failures = list(errors)
    who_all = sorted({w for t in timings.values() for w in t}, key=order_key)
    others = [w for w in who_all if w != "tradestat"]
    rounds = max((r for t in timings.values() for w in t.values() for r in w), default=0)
    names = {w: "scan floor" if w == "floor" else w for w in who_all}

    print("\n%d round(s) after a warm-up round; each round runs every task once in every contender, back to back, "
          "the contenders' order rotated by one each round;\n"
          "cells: median wall s / median CPU s (user + system, every thread of the process); "
          "ratios: median over the rounds of tradestat ÷ the other, min–max beside it.\n"
          % rounds)
    head = ["task"] + [names[w] for w in who_all] + ["results"]
    print("| " + " | ".join(head) + " |")
    print("|---" + "|---:" * len(who_all) + "|---|")
    worst, n_tasks = 0.0, 0
    for task, label, _, _ in TASKS:
        if task not in timings:
            failures.append("%s: not timed" % task)
            continue
        t = timings[task]
        if "tradestat" not in t or "floor" not in t:
            failures.append("%s: no tradestat or no floor timing" % task)
            continue
        n_tasks += 1
        ref = t["tradestat"][min(t["tradestat"])][3]
        cells, differ = [label], []
        for w in who_all:
            row = t.get(w, {})
            if not row:
                cells.append("n/a")
                continue
            kept = timed(row).values()
            if not kept:
                failures.append("%s: %s has no timed round" % (task, w))
                cells.append("n/a")
                continue
            cells.append("%.3f / %.3f" % (statistics.median(v[0] for v in kept),
                                          statistics.median(v[1] for v in kept)))
            if w == "floor":
                continue
            for r in sorted(row):
                why, w_rel = compare(ref, row[r][3])
                worst = max(worst, w_rel)
                if why:
                    failures.append("%s: %s, round %d: %s" % (task, w, r, why))
                    differ.append(w)
                    break
        if differ:
            cells.append("; ".join("%s DIFFERS" % w for w in differ))
        else:
            cells.append("all agree (%.0f rows, %.0f values)" % (ref[0], ref[1]))
        print("| " + " | ".join(cells) + " |")

    print("\n| task | tradestat ÷ | CPU ratio | min–max | wall ratio | min–max | target | |")
    print("|---|---|---:|---:|---:|---:|---|---|")
    met, missed = 0, []
    for task, label, table, duck_targets in TASKS:
        t = timings.get(task, {})
        if "tradestat" not in t:
            continue
        ts = t["tradestat"]
        for w in others:
            if w not in t:
                continue
            cpu, wall = ratio_stat(ts, t[w], 1), ratio_stat(ts, t[w], 0)
            targets = duck_targets if w == DUCKDB_1 else [FLOOR_TARGET] if w == "floor" else []
            cell, v = verdict(cpu, targets)
            if v == "met":
                met += 1
            elif targets:
                missed.append("%s ÷ %s %s (%s)" % (task, names[w], "n/a" if cpu is None
                                                   else "%.3f" % cpu[0], v))
            who = "scan floor, %s" % table if w == "floor" else w
            print("| %s | %s | %s | %s | %s | %s |" % (label, who, fmt_ratio(cpu), fmt_ratio(wall),
                                                      cell, v))
    print_spread(timings, others)
    if DUCKDB_1 not in others:
        print("\nDuckDB was not run: its targets are not judged.")
    print("\nrows with a target, by the median CPU ratio: %d met, %d missed%s" %
          (met, len(missed), (": " + "; ".join(missed)) if missed else ""))
    print("ratios < 1: tradestat is faster.  Results compared: counts exactly, sums within "
          "%.0e relative (largest difference seen: %.1e)." % (REL_TOL, worst))
    for task, _, table, _ in TASKS:
        floor = timings.get(task, {}).get("floor")
        if floor and task in ("yoy", "txn"):
            print("scan floor (SELECT count(*), sum(amount) FROM %s): %.0f rows"
                  % (table, floor[min(floor)][3][0]))
    for who, (wall, cpu, rss, rows) in sorted(loads.items()):
        print("%s load (CSV into memory, once, not in the times above): %.3f s, %.3f s CPU "
              "(%s rows)" % (who, wall, cpu, " + ".join("%.0f" % r for r in rows)))
    process = {}  # one worker process serves tradestat and the floor, one both DuckDBs
    for w in who_all:
        key = ("tradestat and the scan floor" if w in ("tradestat", "floor")
               else "DuckDB" if w.startswith("DuckDB ") else w)
        rss = max(v[2] for t in timings.values() for v in t.get(w, {}).values())
        process[key] = max(process.get(key, 0), rss)
    print("peak RSS of each worker process: " + "; ".join(
        "%s %.0f MiB" % (k, v / 1024.0) for k, v in process.items()))
    for f in failures:
        print("RESULTS DIFFER or MISSING: " + f, file=sys.stderr)
    return 1 if failures or n_tasks == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
