#!/usr/bin/python3
"""Every error message is valid UTF-8, whatever bytes the input holds.

Contract:
 1. Every SQL function the extension registers (read from
    pragma_function_list, so a new one is swept without editing this
    file) gets, in each argument position and arity, TEXT that is no
    UTF-8 (CAST(x'ff' AS TEXT), and a valid prefix with a cut sequence),
    the other arguments valid; so do the aggregates and windows over a
    table, and every argument of the table-valued forms, the names and
    settings of the CREATE forms (the SQL text itself carries the bytes)
    and kosis_csv's file=.
 2. Each statement runs in the sqlite3 shell (SQLITE3, default sqlite3),
    one process each, its stderr read as bytes: every message must decode
    as UTF-8, hold no control character and start with the name of the
    function or module that raised it.  A statement may also succeed (a
    NULL, an option it ignores): that is no message to check.
 3. The test fails when a message copies the bytes as they are (Python's
    sqlite3 then raises UnicodeDecodeError instead of the error, losing
    it): values are shown as CAST(x'..' AS TEXT), names with U+FFFD.
Usage: /usr/bin/python3 tests/reliability/messages_utf8.py build/tradestat
"""
import os
import re
import subprocess
import sys

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
SHELL = os.environ.get("SQLITE3", "sqlite3")
BAD_VALUES = [b"CAST(x'ff' AS TEXT)", b"'2023-0' || CAST(x'e0a0' AS TEXT)"]
BAD_RAW = [b"\xff", b"p\xc3", b"\xed\xa0\x80"]   # inside the SQL text itself
SETUP = (b"CREATE TABLE m(p TEXT, k TEXT, v, f TEXT, ex, im);\n"
         b"INSERT INTO m VALUES ('2022-01','a',10,'export',1,2),('2023-01','a',12,'import',3,4);\n")
# A valid value for each argument of each function, by name and arity.
VALID = {
    "pct_change": [b"100", b"90"], "cagr": [b"100", b"200", b"2"],
    "annual_run_rate": [b"50", b"'2023-06'"], "annual_projection": [b"50", b"'2023-06'", b"'linear'"],
    "period_rollup": [b"'2023-01'", b"'quarter'"], "period_shift": [b"'2023-01'", b"1"],
    "trade_imbalance": [b"100", b"80", b"'balance'"],
}
# Aggregates and windows: (value, period[, method]) over the table.
AGG_ARGS = [b"v", b"p", b"'linear'"]
TABLE_FORMS = {
    "yoy_growth": [b"'m'", b"'v'", b"'p'", b"'k'", b"'grain=year'"],
    "annual_projection": [b"'m'", b"'v'", b"'p'", b"'k'", b"'auto'", b"'grain=year'"],
    "trade_imbalance": [b"'m'", b"'v'", b"'p'", b"'f'", b"'k'", b"'grain=year'"],
}
CREATE_FORMS = {
    "yoy_growth": [b"source=m", b"value=v", b"period=p", b"by=k", b"grain=year", b"total=a",
                   b"scan=auto"],
    "annual_projection": [b"source=m", b"value=v", b"period=p", b"by=k", b"method=auto",
                          b"level=80", b"through=H1", b"reconcile='k=a'"],
    "trade_imbalance": [b"source=m", b"value=v", b"period=p", b"flow=f", b"by=k",
                        b"export_label=export", b"import_label=import"],
}
CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
ERROR_LINE = re.compile(rb"^(?:(?:Parse|Runtime) error near line \d+: |Error: (?:near line \d+: )?)(.*)$")


def registered():
    """(name, narg, type) of every function the extension adds to a bare
    shell; type s (scalar), a (aggregate) or w (aggregate and window)."""
    q = b"SELECT DISTINCT name || ' ' || narg || ' ' || type FROM pragma_function_list ORDER BY 1;"
    base = subprocess.run([SHELL, ":memory:"], input=q, capture_output=True).stdout
    ext = subprocess.run([SHELL, ":memory:"], input=b".load " + EXT.encode() + b"\n" + q,
                         capture_output=True).stdout
    names = set(ext.split(b"\n")) - set(base.split(b"\n")) - {b""}
    rows = [n.decode().split(" ") for n in names]
    return sorted((r[0], int(r[1]), r[2]) for r in rows)


def run(sql):
    p = subprocess.run([SHELL, ":memory:"], input=b".load " + EXT.encode() + b"\n" + SETUP + sql + b"\n",
                       capture_output=True)
    return p.returncode, p.stderr


failures = []
checked = 0


def check(name, sql):
    global checked
    rc, err = run(sql)
    if rc not in (0, 1):
        failures.append((sql, "shell exit %d: %r" % (rc, err[-300:])))
        return
    # Only the message lines: the shell follows a parse error with the
    # statement's text (which holds the bytes this test put there).
    for line in err.split(b"\n"):
        m = ERROR_LINE.match(line)
        if not m:
            continue
        msg = m.group(1)
        checked += 1
        try:
            msg.decode("utf-8")
        except UnicodeDecodeError as e:
            failures.append((sql, "not UTF-8 (%s): %r" % (e.reason, msg[:200])))
            continue
        if CONTROL.search(msg):
            failures.append((sql, "control character: %r" % msg[:200]))
        elif not (msg.startswith(name.encode() + b": ") or msg.startswith(name.encode() + b"(): ")):
            # The shell quotes the statement back when SQL itself refuses it.
            if not (b"syntax error" in msg or b"unrecognized token" in msg):
                failures.append((sql, "does not name %s: %r" % (name, msg[:200])))


def main():
    funcs = registered()
    if not funcs:
        print("messages_utf8: cannot list the functions of %s" % EXT)
        return 1
    for name, narg, kind in funcs:
        if narg <= 0:
            continue
        valid = VALID.get(name, [b"'2023-01'"] * narg)
        for i in range(narg):
            for bad in BAD_VALUES:
                args = list(valid[:narg]) + [b"1"] * (narg - len(valid))
                args[i] = bad
                if kind == "s":
                    check(name, b"SELECT %s(%s);" % (name.encode(), b", ".join(args)))
                    continue
                agg = list(AGG_ARGS[:narg])
                agg[i] = b"(" + bad + b")"
                check(name, b"SELECT %s(%s) FROM m;" % (name.encode(), b", ".join(agg)))
                if kind == "w":
                    check(name, b"SELECT %s(%s) OVER (ORDER BY p) FROM m;" % (name.encode(), b", ".join(agg)))
    for mod, args in TABLE_FORMS.items():
        for i in range(len(args)):
            for bad in BAD_VALUES + [b"'grain=' || CAST(x'ff' AS TEXT)", b"'k, ' || CAST(x'ff' AS TEXT)"]:
                a = list(args)
                a[i] = bad
                check(mod, b"SELECT * FROM %s(%s);" % (mod.encode(), b", ".join(a)))
    for mod, args in CREATE_FORMS.items():
        for i in range(len(args)):
            key = args[i].split(b"=")[0]
            for raw in BAD_RAW:
                for val in (raw, b"'" + raw + b"'", b'"' + raw + b'"'):
                    a = list(args)
                    a[i] = key + b"=" + val
                    check(mod, b"CREATE VIRTUAL TABLE temp.z USING %s(%s); SELECT * FROM temp.z;"
                          % (mod.encode(), b", ".join(a)))
            a = list(args) + [b"\xff=1"]
            check(mod, b"CREATE VIRTUAL TABLE temp.z USING %s(%s);" % (mod.encode(), b", ".join(a)))
    for raw in BAD_RAW:
        check("kosis_csv", b"CREATE VIRTUAL TABLE temp.k USING kosis_csv(file='build/no_such_" + raw + b".csv');")
        check("kosis_csv", b"CREATE VIRTUAL TABLE temp.k USING kosis_csv(file='tests/data/empty.csv', "
              b"max_bytes=" + raw + b");")
        check("kosis_csv", b"CREATE VIRTUAL TABLE temp.k USING kosis_csv(file='tests/data/empty.csv', "
              + raw + b"=1);")
    for sql, why in failures:
        print("FAIL %s\n  %s" % (sql.decode("utf-8", "backslashreplace"), why))
    print("messages_utf8: %d messages checked, %d failures" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
