#!/usr/bin/python3
"""Runs test suites (make targets) a few at a time: `make test` hands it
TEST_TARGETS.

    /usr/bin/python3 tests/run_suites.py [--jobs N] [--logs DIR] [--times FILE] SUITE...

Each suite runs as `make --no-print-directory SUITE` in a lane of its own,
its output (stdout and stderr) going to DIR/SUITE.log (default
build/test-logs).  When a suite ends, its whole log is printed at once
under a header line with its verdict, wall-clock and CPU seconds, so the
outputs of suites running side by side never interleave.  A failed suite
is printed with the last lines of its log and named again at the end; the
other suites still run.

Order: longest first, from the seconds FILE lists per suite (default
tests/suite_times.txt, "SUITE SECONDS" lines, measured by this runner:
DIR/times.tsv after a run); a suite missing there counts as
DEFAULT_SECONDS.  Longest-first keeps the two lanes of a 2-core machine
busy to the end instead of leaving one long suite alone at the end.

Exit status 0 when every suite passed, 1 otherwise.  The last lines are
the ones `make test` has always printed:
    test suites run: SUITE...
    suites: N passed, M failed
"""
import os
import signal
import subprocess
import sys
import time

DEFAULT_SECONDS = 30.0
TAIL = 60


def read_times(path):
    times = {}
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and not line.startswith("#"):
                    try:
                        times[parts[0]] = float(parts[1])
                    except ValueError:
                        pass
    except OSError:
        pass
    return times


def child_env():
    """The environment of each `make SUITE`: the caller's, without the
    jobserver of a `make -jN test` (each lane is one job; the jobserver's
    descriptors are not passed down to this script anyway).  Variables set
    on make's command line (after ` -- ` in MAKEFLAGS) are kept."""
    env = dict(os.environ)
    flags = env.get("MAKEFLAGS", "")
    head, sep, tail = flags.partition(" -- ")
    if not sep and flags.startswith("-- "):
        head, sep, tail = "", "-- ", flags[3:]
    kept = []
    for i, tok in enumerate(head.split()):
        if tok.startswith("--jobserver") or tok.startswith("-j"):
            continue
        if i == 0 and not tok.startswith("-"):
            tok = "".join(c for c in tok if c != "j" and not c.isdigit())
            if not tok:
                continue
        kept.append(tok)
    new = " ".join(kept)
    if sep:
        new = (new + " -- " + tail).strip()
    env["MAKEFLAGS"] = new
    env.pop("MFLAGS", None)
    return env


class Running:
    def __init__(self, suite, logdir, env):
        self.suite = suite
        self.log = os.path.join(logdir, suite + ".log")
        self.start = time.monotonic()
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(["make", "--no-print-directory", suite],
                                         stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, env=env,
                                         start_new_session=True)


def log_lines(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace").splitlines()
    except OSError as e:
        return ["(cannot read %s: %s)" % (path, e)]


def report(r, status, wall, cpu):
    lines = log_lines(r.log)
    if status == 0:
        print("==== %s: ok (%.0f s, %.0f s CPU)" % (r.suite, wall, cpu))
        for t in lines:
            print(t)
    else:
        why = ("killed by signal %d" % -status) if status < 0 else ("exit %d" % status)
        print("==== %s: FAILED (%s, %.0f s, %.0f s CPU); last %d lines of %s:"
              % (r.suite, why, wall, cpu, min(TAIL, len(lines)), r.log))
        for t in lines[-TAIL:]:
            print(t)
        print("==== %s: FAILED (full log: %s)" % (r.suite, r.log))
    sys.stdout.flush()


def main(argv):
    jobs, logdir, times_file = 2, os.path.join("build", "test-logs"), None
    suites = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a in ("--jobs", "--logs", "--times") and not args:
            sys.exit("run_suites: %s needs a value" % a)
        if a == "--jobs":
            jobs = max(1, int(args.pop(0)))
        elif a == "--logs":
            logdir = args.pop(0)
        elif a == "--times":
            times_file = args.pop(0)
        elif a.startswith("-"):
            sys.exit("run_suites: unknown option %s (see the top of %s)" % (a, __file__))
        elif a not in suites:
            suites.append(a)
    if not suites:
        sys.exit("run_suites: no suite named")
    if times_file is None:
        times_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "suite_times.txt")
    known = read_times(times_file)
    # Stable sort: suites of equal weight keep their TEST_TARGETS order.
    queue = sorted(suites, key=lambda s: -known.get(s, DEFAULT_SECONDS))
    os.makedirs(logdir, exist_ok=True)
    env = child_env()
    print("run_suites: %d suites, %d at a time, logs in %s/" % (len(suites), jobs, logdir))
    sys.stdout.flush()

    # Each suite runs in a session of its own (so that its whole process
    # tree can be stopped): Ctrl-C or a TERM to this runner stops them all.
    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)

    running = {}   # pid -> Running
    passed, failed, measured = [], [], []
    t0 = time.monotonic()
    try:
        while queue or running:
            while queue and len(running) < jobs:
                r = Running(queue.pop(0), logdir, env)
                running[r.proc.pid] = r
            pid, wstatus, usage = os.wait4(-1, 0)
            r = running.pop(pid, None)
            if r is None:
                continue
            r.proc.returncode = os.waitstatus_to_exitcode(wstatus)
            wall = time.monotonic() - r.start
            cpu = usage.ru_utime + usage.ru_stime
            status = r.proc.returncode
            (passed if status == 0 else failed).append(r.suite)
            measured.append((r.suite, wall, cpu, status))
            report(r, status, wall, cpu)
    except KeyboardInterrupt:
        for r in running.values():
            try:
                os.killpg(r.proc.pid, signal.SIGTERM)
            except OSError:
                pass
        print("run_suites: interrupted; stopped %s" % " ".join(r.suite for r in running.values()))
        return 130

    total = time.monotonic() - t0
    with open(os.path.join(logdir, "times.tsv"), "w") as f:
        for suite, wall, cpu, status in sorted(measured, key=lambda m: -m[1]):
            f.write("%s\t%.1f\t%.1f\t%d\n" % (suite, wall, cpu, status))
    slow = sorted(measured, key=lambda m: -m[1])[:10]
    print("run_suites: %.0f s wall, %.0f s CPU in the suites; slowest: %s"
          % (total, sum(m[2] for m in measured),
             ", ".join("%s %.0f s" % (m[0], m[1]) for m in slow)))
    if failed:
        print("run_suites: FAILED: %s (logs: %s/SUITE.log)" % (" ".join(failed), logdir))
    print("test suites run: %s" % " ".join(suites))
    print("suites: %d passed, %d failed" % (len(passed), len(failed)))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
