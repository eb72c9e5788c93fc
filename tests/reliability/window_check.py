#!/usr/bin/python3
"""Window cross-check: for random data, every window
result equals the aggregate run over exactly the rows of the same frame.

Contract:
 1. Data: three partitions of monthly rows with random gaps and repeated
    periods (peers), integer and REAL values, some NULL values.
 2. Frames: ROWS (unbounded, and k PRECEDING so xInverse runs), RANGE and
    GROUPS (unbounded and k PRECEDING), and the default frame.  ROWS frames
    order by (period, id) so the frame's rows are well defined.
 3. For each window function of the extension that is registered
    (yoy_growth, ytd_growth, annual_projection for every method) and each
    row, the window value must equal the aggregate over the frame's rows
    (same NULL-ness; integers exactly; floats within 1e-9 relative, since
    xInverse removes what a fresh aggregate never added).
Usage: /usr/bin/python3 tests/reliability/window_check.py build/tradestat
"""
import random
import sqlite3
import sys

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"

FRAMES = [
    ("ORDER BY period, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "rows", None),
    ("ORDER BY period, id ROWS BETWEEN 5 PRECEDING AND CURRENT ROW", "rows", 5),
    ("ORDER BY period, id ROWS BETWEEN 17 PRECEDING AND CURRENT ROW", "rows", 17),
    ("ORDER BY period RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "range", None),
    ("ORDER BY period", "range", None),
    ("ORDER BY period GROUPS BETWEEN 4 PRECEDING AND CURRENT ROW", "groups", 4),
    ("ORDER BY period GROUPS BETWEEN 13 PRECEDING AND CURRENT ROW", "groups", 13),
]

FUNCTIONS = [
    ("yoy_growth", "yoy_growth(amount, period)"),
    ("ytd_growth", "ytd_growth(amount, period)"),
] + [("annual_projection", "annual_projection(amount, period, '%s')" % m)
     for m in ("run_rate", "prior_share", "avg_share", "snaive", "linear", "holt_winters", "auto")]


def make_data(rng, real):
    rows, rid = [], 0
    for part in ("A", "B", "C"):
        for y in range(2018, 2024):
            for mo in range(1, 13):
                if rng.random() < 0.12:
                    continue  # a gap
                for _ in range(1 if rng.random() < 0.8 else 2):  # peers
                    rid += 1
                    v = rng.randint(-50, 500) if not real else rng.uniform(-50, 500)
                    if rng.random() < 0.03:
                        v = None
                    rows.append((rid, part, "%d-%02d" % (y, mo), v))
    return rows


def frame_rows(part_rows, i, kind, k):
    """part_rows sorted by (period, id); the frame of row i."""
    if kind == "rows":
        lo = 0 if k is None else max(0, i - k)
        return part_rows[lo:i + 1]
    periods = sorted({r[2] for r in part_rows})
    cur = part_rows[i][2]
    ci = periods.index(cur)
    if kind == "range" or k is None:
        keep = set(periods[:ci + 1])
    else:
        keep = set(periods[max(0, ci - k):ci + 1])
    return [r for r in part_rows if r[2] in keep]


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def main():
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    have = {r[0] for r in db.execute("SELECT name FROM pragma_function_list WHERE type = 'w'")}
    rng = random.Random(7)
    checks = failures = 0
    for real in (False, True):
        rows = make_data(rng, real)
        db.execute("DROP TABLE IF EXISTS t")
        db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, part, period, amount)")
        db.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
        db.execute("DROP TABLE IF EXISTS f")
        db.execute("CREATE TABLE f(id INTEGER PRIMARY KEY, period, amount)")
        by_part = {}
        for r in sorted(rows, key=lambda r: (r[1], r[2], r[0])):
            by_part.setdefault(r[1], []).append(r)
        for name, call in FUNCTIONS:
            if name not in have:
                continue
            for frame, kind, k in FRAMES:
                sql = "SELECT id, %s OVER (PARTITION BY part %s) FROM t" % (call, frame)
                try:
                    win = dict(db.execute(sql).fetchall())
                except sqlite3.Error as e:
                    failures += 1
                    print("window: FAIL %s: %s" % (sql, e), file=sys.stderr)
                    continue
                agg_sql = "SELECT %s FROM f" % call
                bad = 0
                for part, prow in by_part.items():
                    for i, r in enumerate(prow):
                        fr = frame_rows(prow, i, kind, k)
                        db.execute("DELETE FROM f")
                        db.executemany("INSERT INTO f VALUES (?, ?, ?)", [(x[0], x[2], x[3]) for x in fr])
                        try:
                            agg = db.execute(agg_sql).fetchone()[0]
                        except sqlite3.Error as e:
                            agg = "error: %s" % e
                        checks += 1
                        if not same(win.get(r[0]), agg):
                            bad += 1
                            if bad <= 3:
                                print("window: FAIL %s, %s, row %d (%s %s): window %r, aggregate %r"
                                      % (call, frame, r[0], part, r[2], win.get(r[0]), agg),
                                      file=sys.stderr)
                failures += bad
    print("window: %d window values checked against the aggregate over their frame, %d failed"
          " (functions: %s)" % (checks, failures, ", ".join(sorted(have & {n for n, _ in FUNCTIONS})) or "none registered"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
