"""rounds.py -- times tradestat, DuckDB, pandas and SQLite's scan floor
back to back, task by task, in rounds.

    python3 rounds.py OUT.tsv REPEAT sqlite=COMMAND [duckdb=COMMAND]
                      [pandas=COMMAND] [NAME=COMMAND ...]

Contract:
 1. Each COMMAND (split like a shell word list, not run by a shell) starts
    a long-lived worker that answers requests on its standard input, one
    line each, in run.c's --tsv format: id, wall s, CPU s, peak RSS KiB,
    result columns (or "error<TAB>why").  The workers are started one
    after the other; each prints "ready<TAB>VERSION" when it is up, the
    peers then a "load" line (their CSV load, timed on its own).  A later
    worker's load thus never overlaps an earlier one.
      sqlite  sqlite_worker.c: a tasks.c query id -> tradestat's task,
              and scan_dt / scan_txn, SQLite's full-scan floor;
      duckdb  duckdb.mjs: "TASK THREADS" -> DuckDB on 1 thread and on
              all (os.cpu_count()) threads, two contenders;
      pandas  pandas_tasks.py: "TASK";
      NAME    any other worker: "TASK", a contender called NAME (the
              check of the report uses one).
    sqlite is required; the others are contenders when given.
 2. Rounds: REPEAT times, for each task in turn, every contender is run
    once, back to back; the contenders' order is rotated by one each
    round (round r, from 1, starts with contender (r - 1) mod k), so over
    k rounds each contender takes every place of the order once: none is
    always first, or always last.  Only one worker works at a time: the
    others wait on their pipes, idle.  A warm-up round (round 0) comes
    first: each engine's first call of a task pays for what it does once
    (Node compiles, pandas allocates, pages come into the cache); it is
    written like the others, checked for agreement, and left out of the
    times and ratios.
 3. OUT.tsv gets "#" lines (versions, machine, load average at the start
    and end), one "load" line per peer, and one line per timing:
    round, task, contender, wall s, CPU s, peak RSS KiB, result columns.
    An "error" answer is written as a line with contender and "error";
    report.py reads the file, computes the per-round ratios and fails on
    an error or on results that differ.  A worker that dies ends the run
    (exit 1).
"""
import os
import shlex
import subprocess
import sys

# task -> tradestat's query id, the scan floor's query id (tests/bench/tasks.c)
TASKS = [
    ("yoy", "yoy_vtab", "scan_dt"),
    ("trade", "trade_full", "scan_dt"),
    ("annual", "annual", "scan_dt"),
    ("proj", "proj_latest", "scan_dt"),
    ("txn", "txn_vtab", "scan_txn"),
]


class Worker:
    def __init__(self, name, command):
        self.name = name
        self.proc = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        ready = self.read()
        if not ready.startswith("ready\t"):
            raise SystemExit("rounds: worker %s did not start: %r" % (name, ready))
        self.version = ready.split("\t", 1)[1]

    def read(self):
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("rounds: worker %s ended (exit %s)" % (self.name, self.proc.wait()))
        return line.rstrip("\n")

    def ask(self, request):
        self.proc.stdin.write(request + "\n")
        self.proc.stdin.flush()
        return self.read()

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def contenders(workers):
    """(contender name, worker, request for a task) in the base order."""
    tradestat = {task: ts_id for task, ts_id, _ in TASKS}
    floor = {task: floor_id for task, _, floor_id in TASKS}
    out = [("tradestat", workers["sqlite"], tradestat.get)]
    if "duckdb" in workers:
        threads = [1] + ([os.cpu_count()] if (os.cpu_count() or 1) > 1 else [])
        for n in threads:
            out.append(("DuckDB %d thr" % n, workers["duckdb"], lambda t, n=n: "%s %d" % (t, n)))
    if "pandas" in workers:
        out.append(("pandas", workers["pandas"], lambda t: t))
    out.append(("floor", workers["sqlite"], floor.get))
    for name, w in workers.items():
        if name not in ("sqlite", "duckdb", "pandas"):
            out.append((name, w, lambda t: t))
    return out


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return "%d cores, %s" % (os.cpu_count() or 0, model)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    if len(sys.argv) < 4 or any("=" not in a for a in sys.argv[3:]):
        sys.exit("usage: rounds.py OUT.tsv REPEAT sqlite=COMMAND [NAME=COMMAND ...]")
    out_path, repeat = sys.argv[1], max(1, int(sys.argv[2]))
    specs = [a.split("=", 1) for a in sys.argv[3:]]
    if "sqlite" not in dict(specs):
        sys.exit("rounds: the sqlite worker is required")
    out = open(out_path, "w")
    out.write("# machine: %s\n# load average (1, 5, 15 min) at the start: %s\n"
              % (machine(), loadavg()))
    workers = {}
    for name, command in specs:
        w = Worker(name, command)
        workers[name] = w
        out.write("# %s: %s\n" % (name, w.version))
        if name != "sqlite":
            load = w.read()
            if not load.startswith("load\t"):
                raise SystemExit("rounds: worker %s sent no load line: %r" % (name, load))
            out.write("load\t-\t%s\t%s\n" % (name, load.split("\t", 1)[1]))
        out.flush()
    order = contenders(workers)
    k = len(order)
    for r in range(repeat + 1):
        turn = order[(r - 1) % k:] + order[:(r - 1) % k] if r else order
        print("%s: %s" % ("round %d of %d" % (r, repeat) if r else "warm-up round",
                          ", ".join(c[0] for c in turn)), file=sys.stderr)
        for task, _, _ in TASKS:
            cells = []
            for name, w, request in turn:
                answer = w.ask(request(task)).split("\t")
                if answer[0] == "error":
                    print("rounds: %s on %s: %s" % (name, task, answer[1:]), file=sys.stderr)
                    out.write("%d\t%s\t%s\terror\t%s\n" % (r, task, name, " ".join(answer[1:])))
                    continue
                out.write("%d\t%s\t%s\t%s\n" % (r, task, name, "\t".join(answer[1:])))
                cells.append("%s %.3f" % (name, float(answer[2])))
            out.flush()
            print("  %-7s CPU s: %s" % (task, "; ".join(cells)), file=sys.stderr)
    for w in workers.values():
        w.close()
    out.write("# load average (1, 5, 15 min) at the end: %s\n" % loadavg())
    out.close()


if __name__ == "__main__":
    main()
