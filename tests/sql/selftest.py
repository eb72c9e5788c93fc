#!/usr/bin/python3
"""Checks that tests/sql/sqltest.py can fail: each case below is a small
check file (written to a temporary directory) with a known defect, run
through the runner with the real sqlite3 shell; the runner must report
exactly the expected number of passed and failed checks and print the
expected lines.  The first case checks that a well-formed file passes
(multi-line output, errors after rows, parse-error context stripping), the
last that the example at the top of sqltest.py does.
    /usr/bin/python3 tests/sql/selftest.py
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "sqltest.py")

# (name, file text, extra runner args, environment, (passed, failed),
#  strings the report must contain)
CASES = [
    ("good", """.mode list
.headers off
CREATE TABLE t(a, b);
INSERT INTO t VALUES (1, 'x'), (2, 'y
z');
-- @check good-1.1 a single row
SELECT count(*) FROM t;
-- @expect 2
-- @check good-1.2 several rows, a value with a newline, an empty line
SELECT b FROM t ORDER BY a;
SELECT '';
-- @expect
-- | x
-- | y
-- | z
-- |
-- @check good-1.3 runtime error without its prefix
SELECT abs(-9223372036854775808);
-- @error integer overflow
-- @check good-1.4 parse error without prefix and context lines
SELECT nosuch FROM t;
-- @error no such column: nosuch
-- @check good-1.5 rows first, then errors
SELECT nosuch;
SELECT 7;
-- @expect 7
-- @error no such column: nosuch
-- @check good-1.6 no output expected
CREATE TABLE u(x);
-- @expect
.headers on
-- @check good-1.7 dot-commands and headers are output too
.print hello
SELECT 1 AS one;
-- @expect
-- | hello
-- | one
-- | 1
""", [], None, (7, 0), ["sql: 7 checks passed, 0 failed (1 files)"]),

    ("wrong_value", """-- @check wv-1.1
SELECT 1 + 1;
-- @expect 3
-- @check wv-1.2
SELECT 2;
-- @expect 2
""", [], None, (1, 1), ["FAIL wv-1.1 (", "SELECT 1 + 1;", "expected:", "    3",
                         "actual:", "    2", "sql: 1 checks passed, 1 failed"]),

    ("error_expected_row_given", """-- @check ee-1
SELECT 'no such column: x';
-- @error no such column: x
""", [], None, (0, 1), ["FAIL ee-1 (", "error: no such column: x",
                         "    no such column: x"]),

    ("row_expected_error_given", """-- @check re-1
SELECT x;
-- @expect 1
""", [], None, (0, 1), ["FAIL re-1 (", "    error: no such column: x"]),

    ("extra_row", """-- @check xr-1
SELECT 1 UNION ALL SELECT 2;
-- @expect 1
""", [], None, (0, 1), ["FAIL xr-1 ("]),

    ("setup_error", """CREATE TABLE t(a);
SELECT nosuch FROM t;
-- @check se-1
SELECT 1;
-- @expect 1
""", [], None, (1, 1), ["setup statement before check se-1 printed something (file line 2)",
                         "no such column: nosuch"]),

    ("setup_output", """-- @check so-1
SELECT 1;
-- @expect 1
SELECT 'stray';
""", [], None, (1, 1), ["setup statement after check so-1 printed something", "stray"]),

    ("missing_semicolon", """-- @check ms-1
SELECT 1
-- @expect 1
-- @check ms-2
SELECT 2;
-- @expect 2
""", [], None, (0, 3), ["markers missing", "end of ms-1",
                         "FAIL ms-1 (", "its output was not found"]),

    ("load_path", """.load build/tradestat
-- @check lp-1
SELECT 1;
-- @expect 1
""", ["--load", "build/no-such-build/tradestat"], None, (1, 1),
     ["setup statement before check lp-1 printed something",
      "build/no-such-build/tradestat"]),

    ("crash", """-- @check cr-1
SELECT 1;
-- @expect 1
-- @check cr-2
SELECT 2;
-- @expect 2
""", [], "crash", (1, 3), ["died of signal 11", "markers missing", "FAIL cr-2 ("]),

    ("wrapper_exit", """-- @check we-1
SELECT 1;
-- @expect 1
""", ["--", "sh", "-c", '"$@"; exit 99', "wrapper"], None, (1, 1),
     ["the wrapper reported errors (exit 99)"]),

    ("wrapper_stderr", """-- @check ws-1
SELECT 1;
-- @expect 1
""", ["--", "sh", "-c", 'echo "==1== Invalid read of size 8" >&2; exec "$@"', "wrapper"], None,
     (1, 1), ["setup statement before check ws-1 printed something", "==1== Invalid read"]),

    ("duplicate_id", """-- @check d-1
SELECT 1;
-- @expect 1
-- @check d-1
SELECT 1;
-- @expect 1
""", [], None, (0, 1), ["check ID d-1 already used on line 1"]),

    ("unknown_directive", """-- @check u-1
SELECT 1;
-- @expected 1
""", [], None, (0, 1), ["unknown directive `-- @expected`"]),

    ("no_expectation", """-- @check n-1
SELECT 1;
SELECT 2;
""", [], None, (0, 1), ["check n-1 has no `-- @expect` or `-- @error`"]),

    ("no_checks", """SELECT 1;
""", [], None, (0, 1), ["no checks"]),

    ("stray_row_line", """-- @check s-1
SELECT 1;
-- @expect 1

-- | 2
""", [], None, (0, 1), ["`-- |` line outside an expectation"]),
]


def doc_example():
    """The example file at the top of sqltest.py, which must pass."""
    sys.path.insert(0, HERE)
    import sqltest
    d = sqltest.__doc__
    ex = d[d.index("    .load build/tradestat"):d.index("  -- @check ID")].rstrip()
    return "\n".join(t[4:] for t in ex.split("\n")) + "\n"


def main():
    failures = 0
    CASES.append(("doc_example", doc_example(), [], None, (3, 0), []))
    with tempfile.TemporaryDirectory() as tmp:
        crash = os.path.join(tmp, "crashing-sqlite3")
        with open(crash, "w") as f:
            # runs the first check, then dies of SIGSEGV
            f.write('#!/bin/sh\nhead -n 9 | %s "$@"\nkill -SEGV $$\n'
                    % (os.environ.get("SQLITE3") or "sqlite3"))
        os.chmod(crash, 0o755)
        for name, text, args, env_kind, (p, fl), wants in CASES:
            path = os.path.join(tmp, name + ".sql")
            with open(path, "w") as f:
                f.write(text)
            env = dict(os.environ)
            if env_kind == "crash":
                env["SQLITE3"] = crash
            cut = args.index("--") if "--" in args else len(args)
            opts, wrapper = args[:cut], args[cut:]
            r = subprocess.run([sys.executable, RUNNER] + opts + [path] + wrapper,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
            out = r.stdout.decode("utf-8", "replace")
            summary = "sql: %d checks passed, %d failed (1 files)" % (p, fl)
            problems = []
            if summary not in out:
                problems.append("summary is not %r" % summary)
            if (r.returncode == 0) != (fl == 0):
                problems.append("exit code %d" % r.returncode)
            for w in wants:
                if w not in out:
                    problems.append("report lacks %r" % w)
            if problems:
                failures += 1
                print("SELFTEST FAIL %s: %s\n--- runner output:\n%s---"
                      % (name, "; ".join(problems), out))
    print("sql runner selftest: %d cases passed, %d failed" % (len(CASES) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
