"""pandas_tasks.py -- the benchmark's peer tasks in pandas, a worker driven
task by task over a pipe by rounds.py.

    /usr/bin/python3 pandas_tasks.py CSV_DIR

Contract:
 1. Reads direct_trade.csv and transactions.csv (exported once from the
    benchmark's SQLite file by run.sh) with explicit dtypes: the series
    columns as categoricals, period as text, amount int64 / float64; the
    read is timed on its own.  Then prints "ready<TAB>pandas <version>
    (...)" and the load line "load<TAB>seconds<TAB>CPU seconds<TAB>peak
    RSS KiB<TAB>rows of direct_trade<TAB>rows of transactions".
 2. Each task is what an analyst would write with merge/groupby, gap-safe
    (the prior year is matched by its period label, never by position),
    returning the same aggregates as the SQLite task of the same name
    (tests/bench/tasks.c): row count, non-NULL results, sums.  x / 0 is
    NULL there, so it is NaN (not inf) here.
 3. Reads one task name per line on standard input and answers each with
    one line in the format run.c's --tsv writes: task, wall seconds, CPU
    seconds, peak RSS KiB, values.  An unknown task is answered
    "error<TAB>why".  End of input ends it.  pandas runs on one thread.
"""
import resource
import sys
import time

import numpy as np
import pandas as pd

SERIES = ["flow", "partner", "category"]


def prior_label(period):
    """'YYYY-MM...' -> the same label one year earlier."""
    return (period.str.slice(0, 4).astype(int) - 1).astype(str) + period.str.slice(4)


def growth(cur, prev):
    prev = prev.where(prev != 0)
    return (cur - prev) / prev.abs() * 100


def yoy(d, t):
    prev = d.rename(columns={"period": "key", "amount": "prev"})
    m = d.assign(key=prior_label(d.period)).merge(prev, on=SERIES + ["key"], how="left")
    g = growth(m.amount.astype(float), m.prev)
    return [len(m), g.count(), g.sum()]


def trade(d, t):
    x = d.amount.where(d.flow == "export")
    i = d.amount.where(d.flow == "import")
    m = (pd.DataFrame({"partner": d.partner, "period": d.period, "x": x, "i": i})
         .groupby(["partner", "period"], observed=True).sum(min_count=1).reset_index())
    m["b"] = m.x - m.i
    prev = m[["partner", "period", "b"]].rename(columns={"period": "key", "b": "pb"})
    j = m.assign(key=prior_label(m.period)).merge(prev, on=["partner", "key"], how="left")
    cov = j.x * 100 / j.i.where(j.i != 0)
    g = (j.b - j.pb) * 100 / j.pb.abs().where(j.pb != 0)
    return [len(j), g.count(), j.b.sum(), cov.sum(), g.sum()]


def yearly(d):
    year = d.period.str.slice(0, 4).astype(int)
    return d.assign(year=year), year


def annual(d, t):
    dy, _ = yearly(d)
    y = dy.groupby(SERIES + ["year"], observed=True).amount.agg(["sum", "count"]).reset_index()
    prev = y.assign(year=y.year + 1).rename(columns={"sum": "pv", "count": "pn"})
    j = y.merge(prev, on=SERIES + ["year"], how="left")
    g = growth(j["sum"].astype(float), j.pv).where((j["count"] == 12) & (j.pn == 12))
    return [len(j), g.count(), j["sum"].sum(), g.sum()]


def proj(d, t):
    dy, _ = yearly(d)
    h1 = dy.period.str.slice(5, 7) <= "06"
    dy = dy.assign(ytd=dy.amount.where(h1), in_ytd=h1.astype(int))
    y = (dy.groupby(SERIES + ["year"], observed=True)
         .agg(ytd=("ytd", "sum"), n_ytd=("in_ytd", "sum"), total=("amount", "sum"),
              n=("amount", "count")).reset_index())
    latest = y[y.year == y.year.max()]
    prev = y.assign(year=y.year + 1).rename(
        columns={"ytd": "p_ytd", "n_ytd": "p_n_ytd", "total": "p_total", "n": "p_n"})
    j = latest.merge(prev, on=SERIES + ["year"], how="left")
    ok = (j.n_ytd == 6) & (j.p_n_ytd == 6) & (j.p_n == 12) & (j.p_ytd != 0)
    p = (j.ytd * j.p_total / j.p_ytd).where(ok)
    return [len(j), p.count(), p.sum()]


def txn(d, t):
    m = (t.assign(m=t.period.str.slice(0, 7)).groupby(["flow", "partner", "m"], observed=True)
         .amount.sum().reset_index())
    prev = m.rename(columns={"m": "key", "amount": "prev"})
    j = m.assign(key=prior_label(m.m)).merge(prev, on=["flow", "partner", "key"], how="left")
    g = growth(j.amount, j.prev)
    return [len(j), g.count(), g.sum()]


TASKS = {"yoy": yoy, "trade": trade, "annual": annual, "proj": proj, "txn": txn}


def line(name, seconds, cpu, values):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cells = ["NULL" if v is None or (isinstance(v, float) and np.isnan(v)) else "%.17g" % v
             for v in values]
    sys.stdout.write("%s\t%.6f\t%.6f\t%d\t%s\n" % (name, seconds, cpu, rss, "\t".join(cells)))
    sys.stdout.flush()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pandas_tasks.py CSV_DIR  (then task names on standard input)")
    csv_dir = sys.argv[1]
    cats = {c: "category" for c in SERIES}
    t0, c0 = time.perf_counter(), time.process_time()
    d = pd.read_csv(csv_dir + "/direct_trade.csv", dtype=dict(cats, period=str, amount="int64"))
    t = pd.read_csv(csv_dir + "/transactions.csv",
                    dtype=dict(cats, period=str, amount="float64", list_price="float64"))
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    sys.stdout.write("ready\tpandas %s (numpy %s, Python %s)\n"
                     % (pd.__version__, np.__version__, sys.version.split()[0]))
    line("load", load, load_cpu, [len(d), len(t)])
    for request in sys.stdin:
        name = request.strip()
        if name not in TASKS:
            sys.stdout.write("error\tpandas_tasks.py: unknown task '%s'\n" % name)
            sys.stdout.flush()
            continue
        t0, c0 = time.perf_counter(), time.process_time()
        values = [float(v) for v in TASKS[name](d, t)]
        line(name, time.perf_counter() - t0, time.process_time() - c0, values)


if __name__ == "__main__":
    main()
