"""fake_peer.py -- a stand-in peer worker for report_check.sh: answers each
task with tradestat's own results from a run.c --tsv file, so the round
driver and the report can be checked without DuckDB or pandas.

    python3 fake_peer.py RUN.tsv [TASK:SPOIL ...]

Contract:
 1. Speaks rounds.py's worker protocol: "ready<TAB>fake peer", a "load"
    line, then one answer line per task name read: task, wall s, CPU s,
    peak RSS KiB, result columns.  The times are RUN.tsv's times of the
    task's tradestat query, doubled (a peer twice as slow, give or take
    the noise of the run being compared with it).
 2. TASK:SPOIL makes one task's answer wrong in every round: "count" adds
    one row to the first column, "sum" moves the third column by a
    relative 1e-6, "error" answers "error<TAB>why" instead.
"""
import sys

IDS = {"yoy": "yoy_vtab", "trade": "trade_full", "annual": "annual", "proj": "proj_latest",
       "txn": "txn_vtab"}


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: fake_peer.py RUN.tsv [TASK:SPOIL ...]")
    rows = {}
    with open(sys.argv[1]) as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            rows[cells[0]] = cells
    spoil = dict(a.split(":", 1) for a in sys.argv[2:])
    print("ready\tfake peer", flush=True)
    print("load\t0.001\t0.001\t1000\t0\t0", flush=True)
    for request in sys.stdin:
        task = request.strip()
        cells = rows.get(IDS.get(task, ""))
        if cells is None or spoil.get(task) == "error":
            print("error\tfake_peer.py: no results for task '%s'" % task, flush=True)
            continue
        values = cells[4:]
        if spoil.get(task) == "count":
            values[0] = "%.17g" % (float(values[0]) + 1)
        elif spoil.get(task) == "sum":
            values[2] = "%.17g" % (float(values[2]) * (1 + 1e-6))
        print("\t".join([task, "%.6f" % (2 * float(cells[1])), "%.6f" % (2 * float(cells[2])),
                         cells[3]] + values), flush=True)


if __name__ == "__main__":
    main()
