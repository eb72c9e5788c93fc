#!/usr/bin/python3
"""What the kept probes save: callgrind instruction counts of a join whose
inner loop is a series table (docs/design.md, "Scan paths": the probes are
asked once).  No assertion on the numbers; it prints them and the ratio.

    /usr/bin/python3 tests/trust/probes_bench.py build/tradestat [old/tradestat]

The source has 60 rows (10 series of 6 months) and 3,000 outer rows join
on the period, so each outer row filters the series table once and the
probes weigh as much as they can; each build runs the join and, to take
away loading and setting up, `SELECT 1` under callgrind in the sqlite3
shell; the difference is the join's.  With an older build (before the
probes were kept) the ratio says what keeping them saves.
"""
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile

QUERY = ("SELECT count(*), sum(y.growth) FROM partners p CROSS JOIN y "
         "ON y.period = p.period;")


def make_db(path):
    random.seed(2)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE small(partner TEXT, period TEXT, amount REAL)")
    db.executemany("INSERT INTO small VALUES (?, ?, ?)",
                   [("P%04d" % i, "%d-%02d" % (y, m), random.randint(1, 99))
                    for i in range(10) for y in (2022, 2023) for m in (1, 2, 3)])
    db.execute("CREATE TABLE partners(name TEXT, period TEXT)")
    db.executemany("INSERT INTO partners VALUES (?, ?)",
                   [("P%04d" % i, "2023-%02d" % random.randint(1, 3)) for i in range(3000)])
    db.commit()
    db.close()


def instructions(ext, dbpath, sql, workdir):
    script = (".load %s\nCREATE VIRTUAL TABLE temp.y USING yoy_growth(source=small, "
              "value=amount, period=period, by=partner);\n%s\n" % (ext, sql))
    out = os.path.join(workdir, "cg.out")
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                        "sqlite3", dbpath], input=script, capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or not m or "Error" in r.stdout + r.stderr.replace("ERROR SUMMARY", ""):
        sys.exit("probes bench: callgrind run failed:\n" + r.stdout + r.stderr[-2000:])
    return int(m.group(1)), r.stdout.strip()


def main():
    builds = [os.path.abspath(x) for x in sys.argv[1:]] or [os.path.abspath("build/tradestat")]
    work = tempfile.mkdtemp(prefix="probes_bench")
    dbpath = os.path.join(work, "j.db")
    make_db(dbpath)
    results = []
    for ext in builds:
        total, answer = instructions(ext, dbpath, QUERY, work)
        base, _ = instructions(ext, dbpath, "SELECT 1;", work)
        results.append((ext, total - base, answer))
        print("probes bench: %s: the join (3,000 filters of a 60-row source) %d instructions"
              " (answer %s)" % (ext, total - base, answer))
    if len(results) == 2:
        if results[0][2] != results[1][2]:
            sys.exit("probes bench: the builds answer differently: %s / %s"
                     % (results[0][2], results[1][2]))
        print("probes bench: this build / the other: %.3f" % (results[0][1] / results[1][1]))


if __name__ == "__main__":
    main()
