"""report.py -- tradestat against plain SQLite, DuckDB and pandas: one table.

    python3 report.py TRADESTAT.tsv [PEER.tsv ...]

Contract:
 1. TRADESTAT.tsv is run.c's --tsv output; each PEER.tsv (duckdb.mjs,
    pandas_tasks.py) has lines "<engine>:<task>" in the same format: id,
    median seconds, peak RSS KiB, result columns.
 2. For each task: the seconds of tradestat, of the best plain SQLite of
    tests/bench/tasks.c, and of every peer; the ratios tradestat / each.
 3. Agreement: every peer's result columns must equal tradestat's -- the
    counts exactly, the sums within a relative 1e-8 (sums of floats in
    another order); the largest relative difference seen is printed.  Any
    difference is reported and the exit status is 1: a fast wrong answer
    is no result.
 4. Also printed: the SQLite full-scan floor (SELECT sum(amount)) of each
    source table and the peers' load times.
"""
import sys

# task -> (label, tradestat query id, plain SQLite query id, count columns)
TASKS = [
    ("yoy", "gap-safe YoY, every series and month", "yoy_vtab", "selfjoin", 2),
    ("trade", "balance + coverage + YoY, partner x month", "trade_full", "trade_full_sql", 2),
    ("annual", "annual totals + YoY per series", "annual", "annual_sql", 2),
    ("proj", "prior_share projection, latest year", "proj_latest", "proj_latest_sql", 2),
    ("txn", "transactions -> months -> YoY", "txn_vtab", "txn_substr", 2),
]
FLOORS = [("scan_dt", "direct_trade"), ("scan_txn", "transactions")]
REL_TOL = 1e-8


def read_tsv(path):
    rows = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#"):
                print(line[1:].strip())
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3:
                continue
            values = [None if c == "NULL" else float(c) for c in cells[4:]]
            rows[cells[0]] = (float(cells[1]), int(cells[3]), values, float(cells[2]))
    return rows


def compare(ref, other, n_counts):
    """None when equal within tolerance, else a reason; and the largest
    relative difference of the sums."""
    if len(ref) != len(other):
        return "%d columns, not %d" % (len(other), len(ref)), 0.0
    worst = 0.0
    for k, (a, b) in enumerate(zip(ref, other)):
        if (a is None) != (b is None):
            return "column %d: %s vs %s" % (k + 1, a, b), worst
        if a is None:
            continue
        if k < n_counts:
            if a != b:
                return "count column %d: %.0f vs %.0f" % (k + 1, a, b), worst
            continue
        rel = abs(a - b) / max(abs(a), abs(b), 1e-300)
        worst = max(worst, rel)
        if rel > REL_TOL:
            return "sum column %d: %.17g vs %.17g (relative %.2g)" % (k + 1, a, b, rel), worst
    return None, worst


def fmt_s(x):
    return "n/a" if x is None else ("%.3f" % x if x < 100 else "%.1f" % x)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: report.py TRADESTAT.tsv [PEER.tsv ...]")
    ts = read_tsv(sys.argv[1])
    peers = {}
    for path in sys.argv[2:]:
        for key, row in read_tsv(path).items():
            engine, task = key.split(":", 1)
            peers.setdefault(engine, {})[task] = row
    engines = sorted(e for e in peers if not e.endswith("load") and
                     any(t != "load" for t in peers[e]))
    engines.sort(key=lambda e: (not e.startswith("duckdb_t"), int(e[8:]) if e.startswith("duckdb_t") else 0))
    names = {e: ("DuckDB %s thr" % e[8:]) if e.startswith("duckdb_t") else e for e in engines}
    failures, worst = [], 0.0
    head = ["task", "tradestat s", "SQLite s"] + ["%s s" % names[e] for e in engines]
    head += ["tradestat ÷ SQLite"] + ["tradestat ÷ %s" % names[e] for e in engines] + ["results"]
    print("| " + " | ".join(head) + " |")
    print("|---" + "|---:" * (len(head) - 2) + "|---|")
    for task, label, ts_id, sql_id, n_counts in TASKS:
        if ts_id not in ts:
            continue
        t_ts, _, ref, _ = ts[ts_id]
        t_sql = ts[sql_id][0] if sql_id in ts else None
        cells = [label, fmt_s(t_ts), fmt_s(t_sql)]
        ratios = ["%.2f" % (t_ts / t_sql) if t_sql else "n/a"]
        verdict = []
        if sql_id in ts:
            why, w = compare(ref, ts[sql_id][2], n_counts)
            worst = max(worst, w)
            if why:
                failures.append("%s: SQLite %s" % (task, why))
                verdict.append("SQLite DIFFERS")
        for e in engines:
            row = peers[e].get(task)
            cells.append(fmt_s(row[0]) if row else "n/a")
            ratios.append("%.2f" % (t_ts / row[0]) if row and row[0] > 0 else "n/a")
            if row:
                why, w = compare(ref, row[2], n_counts)
                worst = max(worst, w)
                if why:
                    failures.append("%s: %s %s" % (task, names[e], why))
                    verdict.append("%s DIFFERS" % names[e])
        n_rows = "%.0f rows, %.0f values" % (ref[0], ref[1])
        cells += ratios + ["; ".join(verdict) if verdict else "all agree (%s)" % n_rows]
        print("| " + " | ".join(cells) + " |")
    print("\nBy CPU seconds (user + system, all threads):\n")
    head = ["task", "tradestat", "SQLite"] + [names[e] for e in engines]
    head += ["tradestat ÷ SQLite"] + ["tradestat ÷ %s" % names[e] for e in engines]
    print("| " + " | ".join(head) + " |")
    print("|---" + "|---:" * (len(head) - 1) + "|")
    for task, label, ts_id, sql_id, n_counts in TASKS:
        if ts_id not in ts:
            continue
        c_ts = ts[ts_id][3]
        c_other = [ts[sql_id][3] if sql_id in ts else None]
        c_other += [peers[e][task][3] if task in peers[e] else None for e in engines]
        cells = [label, fmt_s(c_ts)] + [fmt_s(c) for c in c_other]
        cells += ["%.2f" % (c_ts / c) if c else "n/a" for c in c_other]
        print("| " + " | ".join(cells) + " |")
    print("\nratios < 1: tradestat is faster.  Results compared: counts exactly, sums "
          "within %.0e relative (largest difference seen: %.1e)." % (REL_TOL, worst))
    floors = ["%s %s s (%.0f rows)" % (table, fmt_s(ts[q][0]), ts[q][2][0])
              for q, table in FLOORS if q in ts]
    if floors:
        print("SQLite full-scan floor, SELECT sum(amount): " + "; ".join(floors))
    for e in sorted(peers):
        if "load" in peers[e]:
            print("%s load (CSV into memory, once, not in the times above): %s s"
                  % ({"duckdb": "DuckDB", "pandas": "pandas"}.get(e, e), fmt_s(peers[e]["load"][0])))
    for e in engines:
        rss = max(row[1] for row in peers[e].values())
        print("%s peak RSS of its process: %.0f MiB" % (names[e], rss / 1024.0))
    for f in failures:
        print("RESULTS DIFFER: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
