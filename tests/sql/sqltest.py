#!/usr/bin/python3
"""Runs the SQL check files tests/sql/*.sql through the real sqlite3 shell.

FILE FORMAT.  A check file is a script for the sqlite3 shell (it still runs
as is: `sqlite3 :memory: < tests/sql/growth.sql`) in which checks are marked
with comment lines.  Everything outside a check is setup: dot-commands,
CREATE/INSERT, comments.  Setup must print nothing: any output or error of
a setup statement fails the file (reported with its line in the file).

    .load build/tradestat
    .mode list
    CREATE TABLE t(period, amount);
    INSERT INTO t VALUES ('2022-H1', 680.8), ('2023-H1', 1400);

    -- pct_change of the article: (1400 - 680.8) / 680.8
    -- @check example-1.1
    SELECT round(pct_change(1400, 680.8), 2);
    -- @expect 105.64
    -- @check example-1.2
    SELECT pct_change(1, 'n/a');
    -- @error pct_change(): argument 2 is not a number: 'n/a'

    -- @check example-2.1 every row, in order
    SELECT period, amount FROM t ORDER BY period;
    -- @expect
    -- | 2022-H1|680.8
    -- | 2023-H1|1400

  -- @check ID [title]  starts a check.  ID is unique in its file; by
                        convention FILE-SECTION.N (SECTION counts the
                        blank-line separated groups of the file).
  The lines after it, up to the expectation, are the check's SQL: one or
  more statements (each ending in `;`), comments and dot-commands allowed.
  The expectation is a run of consecutive lines, then the check ends:
  -- @expect TEXT        one line of output TEXT
  -- @expect             alone: the output lines follow as `-- | TEXT`
                         lines; with none, the check expects no output
  -- | TEXT              one more output line (exactly TEXT; `-- |` alone
                         is an empty line)
  -- @error MESSAGE      one error message, without the prefix the shell
                         puts before it ("Runtime error", "Parse error" and
                         the line number of the script, or "Error: ") and
                         without its "^--- error here" context lines
  Output lines (result rows, headers if `.headers on`, `.print` text) come
  first, then the errors, whatever order the statements ran in: the shell
  writes rows to stdout and errors to stderr, and the two are compared
  separately per check.  An error message is a single line.
  Anything else on stderr (a sanitizer or valgrind report) shows up in the
  check's actual output as a `(stderr) ...` line, so the check fails.
  Any other `-- @word` line, a `-- |` line outside an expectation, a check
  without expectation, or a file without checks is a format error.

ADDING A CHECK.  Put the statements it needs as setup above it (they must
print nothing), then `-- @check FILE-S.N` with the next free N of the
section (or a new section after a blank line), the SQL, and the expected
output written down from a value worked out independently (a comment
saying how helps the reader).  Run `sh tests/sql/run.sh FILE`; a failure
prints the ID, the SQL, the expected and the actual output.

HOW IT RUNS.  Each file becomes ONE shell script: the file's own lines,
with marker lines printed to stdout (`.print`) and to stderr
(`.output stderr` / `.print` / `.output stdout`) before and after every
check, and at the end.  The shell runs it once with `-batch :memory:`,
from a private copy of the repository root (build/sqltest-XXXX: a symlink
per top-level entry, `tests/data` and `sql/data` read through them, and
a build/ of its own for the files checks write, such as
writefile('build/k.csv')), so that several runs at once (the plain, ASan,
valgrind and portable builds under `make -j2 test`) never overwrite each
other's files; the `.load build/tradestat` line loads the build's absolute
path.  The copy is removed at the end of the run.  Both streams are cut
at the markers; a check passes when its rows and its errors equal the
expectation.  The file fails when a marker is missing (the shell crashed,
or a check's SQL lacks its `;` and swallowed the marker), when the shell
exits with a code other than 0 or 1 or dies of a signal, or when setup
prints anything.

    /usr/bin/python3 tests/sql/sqltest.py [options] [NAME ...] [-- WRAPPER ...]
      NAME            growth or growth.sql (in tests/sql), or a path with a
                      `/` (default: every tests/sql/*.sql)
      --load PATH     replace `.load build/tradestat` (line start) by `.load PATH`
      --no-diff       do not compare check outputs (markers, exit code and
                      setup output are still checked)
      --label TEXT    shown in the summary line
      --seeds DIR     run nothing; write fuzz seeds (plain SQL: no dot-commands,
                      no comment lines) to DIR: each whole file, and for each
                      check the setup before it plus the check's SQL
      -- WRAPPER...   command the shell runs under (valgrind ...)
    SQLITE3=path     the shell to run (default sqlite3)
    Exit codes 97-99 of a wrapper (TSan, ASan, valgrind error codes) and death
    by signal are reported as such.

Summary: `sql: N checks passed, M failed (F files)`; M also counts
file-level failures (setup output, missing markers, crash, format).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARK = "@@sqltest-marker@@"
DEFAULT_LOAD = ".load build/tradestat"

DIRECTIVE = re.compile(r"^-- @(\w+)(?:\s+(.*?))?\s*$")
ROW = re.compile(r"^-- \|(?: (.*))?$")
# The shell's error prefix: "Runtime error" or "Parse error", then "near",
# "line" and the line number of the script; or "Error: ".
NEAR = r"near[ ]line[ ]\d+: ?"
ERR_START = re.compile(r"^(?:(?:Parse|Runtime) error " + NEAR + r"|Error: (?:" + NEAR + r")?)(.*)$")
ERR_CONTEXT = re.compile(r"^\s*\^--- error here$")
NEAR_LINE = re.compile(r"near[ ]line[ ](\d+)")


class FormatError(Exception):
    pass


class Check:
    def __init__(self, ident, title, line):
        self.id = ident
        self.title = title
        self.line = line          # line of `-- @check` in the file (1-based)
        self.sql = []             # (file line, text)
        self.expected = []        # ('row', text) / ('error', text)
        self.expect_seen = False


def parse(path):
    """Returns (items, checks): items are ('line', lineno, text) or ('check', Check)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    items, checks, ids = [], [], {}
    i, n = 0, len(lines)
    while i < n:
        text, lineno = lines[i], i + 1
        m = DIRECTIVE.match(text)
        if ROW.match(text):
            raise FormatError("%s:%d: `-- |` line outside an expectation" % (path, lineno))
        if not m:
            items.append(("line", lineno, text))
            i += 1
            continue
        word, arg = m.group(1), m.group(2) or ""
        if word != "check":
            raise FormatError("%s:%d: `-- @%s` outside a check (or unknown)" % (path, lineno, word))
        if not arg:
            raise FormatError("%s:%d: `-- @check` without an ID" % (path, lineno))
        ident, _, title = arg.partition(" ")
        if not re.match(r"^[A-Za-z0-9_.:-]+$", ident):
            raise FormatError("%s:%d: bad check ID %r" % (path, lineno, ident))
        if ident in ids:
            raise FormatError("%s:%d: check ID %s already used on line %d"
                              % (path, lineno, ident, ids[ident]))
        ids[ident] = lineno
        c = Check(ident, title.strip(), lineno)
        i += 1
        # the SQL: up to the first expectation line
        while i < n:
            t = lines[i]
            if DIRECTIVE.match(t) or ROW.match(t):
                break
            c.sql.append((i + 1, t))
            i += 1
        # the expectation: consecutive @expect / `-- |` / @error lines
        while i < n:
            t = lines[i]
            m = DIRECTIVE.match(t)
            r = ROW.match(t)
            if r:
                if not c.expect_seen:
                    raise FormatError("%s:%d: `-- |` line before `-- @expect`" % (path, i + 1))
                if any(k == "error" for k, _ in c.expected):
                    raise FormatError("%s:%d: output lines must come before @error" % (path, i + 1))
                c.expected.append(("row", r.group(1) or ""))
            elif m and m.group(1) == "expect":
                if c.expect_seen:
                    raise FormatError("%s:%d: second `-- @expect` in check %s" % (path, i + 1, ident))
                if c.expected:
                    raise FormatError("%s:%d: `-- @expect` after @error" % (path, i + 1))
                c.expect_seen = True
                if m.group(2):
                    # keep the text exactly (only the separating space removed)
                    c.expected.append(("row", t[len("-- @expect "):]))
            elif m and m.group(1) == "error":
                if not m.group(2):
                    raise FormatError("%s:%d: `-- @error` without a message" % (path, i + 1))
                c.expected.append(("error", t[len("-- @error "):]))
            elif m and m.group(1) == "check":
                break
            elif m:
                raise FormatError("%s:%d: unknown directive `-- @%s`" % (path, i + 1, m.group(1)))
            else:
                break
            i += 1
        if not c.expect_seen and not c.expected:
            raise FormatError("%s:%d: check %s has no `-- @expect` or `-- @error`"
                              % (path, c.line, ident))
        if not any(t.strip() and not t.lstrip().startswith("--") for _, t in c.sql):
            raise FormatError("%s:%d: check %s has no SQL" % (path, c.line, ident))
        items.append(("check", c))
        checks.append(c)
    if not checks:
        raise FormatError("%s: no checks" % path)
    return items, checks


def marker(kind, idx):
    return "%s %s %d" % (MARK, kind, idx)


def build_script(items, load):
    """The shell script and, per script line (1-based), the file line or None."""
    out, origin = [], []

    def emit(text, lineno=None):
        out.append(text)
        origin.append(lineno)

    def mark(kind, idx):
        m = marker(kind, idx)
        emit(".print " + m)
        emit(".output stderr")
        emit(".print " + m)
        emit(".output stdout")

    def source(text, lineno):
        if load and (text == DEFAULT_LOAD or text.startswith(DEFAULT_LOAD + " ")):
            text = ".load " + load + text[len(DEFAULT_LOAD):]
        emit(text, lineno)

    k = 0
    for it in items:
        if it[0] == "line":
            source(it[2], it[1])
        else:
            c = it[1]
            mark("begin", k)
            for lineno, text in c.sql:
                source(text, lineno)
            mark("end", k)
            k += 1
    mark("eof", 0)
    return "\n".join(out) + "\n", origin


def split(lines, nchecks):
    """Cuts a stream at the markers.  Returns (sections, missing): sections
    maps ('check', k) and ('setup', k) (k = index of the following check,
    nchecks for the part before eof, 'tail' for after eof) to lines."""
    pos = {}
    for i, t in enumerate(lines):
        if t.startswith(MARK):
            pos.setdefault(t, i)
    sections, missing = {}, set()

    def at(kind, idx):
        return pos.get(marker(kind, idx))

    prev_end = -1  # index of the line closing the previous region, or None if unknown
    for k in range(nchecks):
        b, e = at("begin", k), at("end", k)
        if b is None:
            missing.add(("begin", k))
        if e is None:
            missing.add(("end", k))
        if prev_end is not None and b is not None and b > prev_end:
            sections[("setup", k)] = lines[prev_end + 1:b]
        if b is not None and e is not None and e > b:
            sections[("check", k)] = lines[b + 1:e]
        prev_end = e
    z = at("eof", 0)
    if z is None:
        missing.add(("eof", 0))
    else:
        if prev_end is not None and z > prev_end:
            sections[("setup", nchecks)] = lines[prev_end + 1:z]
        sections[("setup", "tail")] = lines[z + 1:]
    stray = [t for t in lines if t.startswith(MARK) and t not in
             {marker("begin", k) for k in range(nchecks)} | {marker("end", k) for k in range(nchecks)}
             | {marker("eof", 0)}]
    if stray:
        missing.add(("stray", 0))
    return sections, missing


def errors_of(lines):
    """stderr lines -> list of messages (prefix and error context removed);
    lines that do not belong to an error message are kept as they are."""
    msgs = []
    cur = None
    for t in lines:
        m = ERR_START.match(t)
        if m:
            if cur is not None:
                msgs.append(cur)
            cur = [m.group(1)]
        elif cur is not None:
            cur.append(t)
        else:
            msgs.append(["(stderr) " + t])
    if cur is not None:
        msgs.append(cur)
    result = []
    for parts in msgs:
        if len(parts) >= 3 and ERR_CONTEXT.match(parts[-1]):
            parts = parts[:-2]
        result.append("\n".join(parts))
    return result


def show(kind, text):
    return text if kind == "row" else "error: " + text


def indent(lines, prefix="    "):
    return "\n".join(prefix + t for t in lines) if lines else prefix + "(nothing)"


def run_file(path, opts, report):
    """Runs one file; returns (passed, failed)."""
    rel = path
    try:
        items, checks = parse(path)
    except (FormatError, OSError, UnicodeDecodeError) as e:
        report("FAIL %s: format: %s" % (rel, e))
        return 0, 1
    script, origin = build_script(items, opts["load"])

    def located(lines):
        """Adds the file line to the shell's script line numbers."""
        def fix(m):
            n = int(m.group(1))
            if 0 < n <= len(origin) and origin[n - 1] is not None:
                return "%s (%s:%d)" % (m.group(0), rel, origin[n - 1])
            return m.group(0)
        return [NEAR_LINE.sub(fix, t) for t in lines]
    cmd = list(opts["wrapper"]) + [opts["sqlite3"], "-batch", ":memory:"]
    try:
        proc = subprocess.run(cmd, input=script.encode("utf-8"), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=opts["cwd"])
    except OSError as e:
        report("FAIL %s: cannot run %s: %s" % (rel, " ".join(cmd), e))
        return 0, len(checks)
    out = proc.stdout.decode("utf-8", "replace").split("\n")
    err = proc.stderr.decode("utf-8", "replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    if err and err[-1] == "":
        err.pop()
    rc = proc.returncode
    passed = failed = 0

    # the process as a whole
    if rc < 0 or rc > 128 or 97 <= rc <= 99 or rc not in (0, 1):
        failed += 1
        if rc < 0:
            why = "the shell died of signal %d" % -rc
        elif rc > 128:
            why = "the shell died of signal %d (exit %d)" % (rc - 128, rc)
        elif 97 <= rc <= 99:
            why = "the wrapper reported errors (exit %d)" % rc
        else:
            why = "the shell exited with %d" % rc
        report("FAIL %s: %s" % (rel, why))
        noise = [t for t in err if not t.startswith(MARK) and not ERR_START.match(t)]
        report(indent(noise[:40]))

    so, miss_o = split(out, len(checks))
    se, miss_e = split(err, len(checks))
    missing = miss_o | miss_e
    if missing:
        failed += 1
        names = []
        for kind, k in sorted(missing, key=lambda x: (str(x[1]), x[0])):
            if kind == "eof":
                names.append("end of file")
            elif kind == "stray":
                names.append("a marker printed twice or out of place")
            else:
                names.append("%s of %s" % (kind, checks[k].id))
        report("FAIL %s: markers missing (%s): the shell stopped early, or a check's "
               "SQL lacks its `;` and swallowed the marker" % (rel, ", ".join(names)))
        if not (rc < 0 or rc > 128 or 97 <= rc <= 99):
            # an error whose SQL text holds a marker shows where it was swallowed
            shown = []
            for i, t in enumerate(err):
                if MARK in t and not t.startswith(MARK):
                    shown += err[max(0, i - 1):i + 2]
            if not shown:
                shown = [t for t in err if not t.startswith(MARK)][-10:]
            if shown:
                report("    stderr:\n" + indent(located(shown), "      "))

    # setup sections: no output, no error
    keys = sorted({k for k in list(so) + list(se) if k[0] == "setup"}, key=lambda x: str(x[1]))
    for key in keys:
        o, e = so.get(key, []), se.get(key, [])
        if not o and not e:
            continue
        failed += 1
        idx = key[1]
        if idx == "tail":
            where = "after the last statement"
        elif idx == len(checks):
            where = "after check %s" % checks[-1].id
        elif idx == 0:
            where = "before check %s" % checks[0].id
        else:
            where = "between checks %s and %s" % (checks[idx - 1].id, checks[idx].id)
        lines_at = sorted({origin[int(m.group(1)) - 1] for t in e
                           for m in [NEAR_LINE.search(t)] if m
                           and 0 < int(m.group(1)) <= len(origin)
                           and origin[int(m.group(1)) - 1] is not None})
        at = (" (file line %s)" % ", ".join(map(str, lines_at))) if lines_at else ""
        report("FAIL %s: setup statement %s printed something%s:" % (rel, where, at))
        report(indent(o + located(e)))

    # the checks
    for k, c in enumerate(checks):
        if ("check", k) not in so or ("check", k) not in se:
            failed += 1
            report("FAIL %s (%s:%d): its output was not found (markers missing)"
                   % (c.id, rel, c.line))
            continue
        if opts["no_diff"]:
            passed += 1
            continue
        actual = [("row", t) for t in so[("check", k)]] + \
                 [("error", t) for t in errors_of(se[("check", k)])]
        if actual == c.expected:
            passed += 1
            continue
        failed += 1
        report("FAIL %s (%s:%d)%s" % (c.id, rel, c.line, (" " + c.title) if c.title else ""))
        sql = [t for _, t in c.sql]
        while sql and not sql[-1].strip():
            sql.pop()
        while sql and not sql[0].strip():
            sql.pop(0)
        report("  sql:\n" + indent(sql))
        report("  expected:\n" + indent([show(*x) for x in c.expected]))
        report("  actual:\n" + indent([show(*x) for x in actual]))
    return passed, failed


def plain_sql(lines):
    """SQL lines without dot-commands, whole-line comments and blank lines."""
    return [t for t in lines if t.strip() and not t.startswith(".")
            and not t.lstrip().startswith("--")]


def write_seeds(files, outdir):
    """Fuzz seeds: per file, the whole file as plain SQL, and per check the
    setup SQL before it followed by the check's SQL."""
    count = 0
    for f in files:
        items, checks = parse(f)
        base = os.path.basename(f)[:-4]
        setup, whole = [], []
        for it in items:
            if it[0] == "line":
                setup.append(it[2])
                whole.append(it[2])
                continue
            c = it[1]
            sql = [t for _, t in c.sql]
            whole += sql
            with open(os.path.join(outdir, "%s.%s.sql" % (base, c.id)), "w", encoding="utf-8") as o:
                o.write("\n".join(plain_sql(setup) + plain_sql(sql)) + "\n")
            count += 1
        with open(os.path.join(outdir, base + ".sql"), "w", encoding="utf-8") as o:
            o.write("\n".join(plain_sql(whole)) + "\n")
        count += 1
    return count


def private_root(root):
    """A directory that looks like the repository root to the shell: a
    symlink per top-level entry but build/, which is its own (empty)."""
    build = os.path.join(root, "build")
    os.makedirs(build, exist_ok=True)
    work = tempfile.mkdtemp(prefix="sqltest-", dir=build)
    for name in os.listdir(root):
        if name not in ("build", ".git"):
            os.symlink(os.path.join(root, name), os.path.join(work, name))
    os.mkdir(os.path.join(work, "build"))
    return work


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    opts = {"load": None, "no_diff": False, "label": None, "wrapper": [], "seeds": None,
            "sqlite3": os.environ.get("SQLITE3") or "sqlite3"}
    names = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--":
            opts["wrapper"] = args
            break
        elif a == "--load":
            if not args:
                sys.exit("sqltest: --load needs a path")
            opts["load"] = args.pop(0)
        elif a == "--seeds":
            if not args:
                sys.exit("sqltest: --seeds needs a directory")
            opts["seeds"] = os.path.abspath(args.pop(0))
        elif a == "--no-diff":
            opts["no_diff"] = True
        elif a == "--label":
            if not args:
                sys.exit("sqltest: --label needs a text")
            opts["label"] = args.pop(0)
        elif a.startswith("-"):
            sys.exit("sqltest: unknown option %s (see the comment at the top of %s)"
                     % (a, os.path.relpath(__file__)))
        elif os.sep in a:
            names.append(os.path.abspath(a))
        else:
            names.append(a)
    os.chdir(root)
    if names:
        files = []
        for n in names:
            if os.path.isabs(n):
                files.append(os.path.relpath(n) if n.startswith(root + os.sep) else n)
                continue
            base = n[:-4] if n.endswith(".sql") else n
            files.append(os.path.join("tests", "sql", base + ".sql"))
    else:
        files = sorted(os.path.join("tests", "sql", f) for f in os.listdir("tests/sql")
                       if f.endswith(".sql"))
    if opts["seeds"]:
        try:
            n = write_seeds(files, opts["seeds"])
        except (FormatError, OSError, UnicodeDecodeError) as e:
            sys.exit("sqltest: %s" % e)
        print("sqltest: %d seeds written to %s" % (n, opts["seeds"]))
        return 0
    # The load path is the repository's build, whatever directory runs the shell.
    opts["load"] = os.path.join(root, opts["load"] or "build/tradestat")
    opts["cwd"] = private_root(root)
    total_p = total_f = 0
    try:
        for f in files:
            if not os.path.isfile(f):
                print("FAIL %s: no such file" % f)
                total_f += 1
                continue
            p, fl = run_file(f, opts, lambda s: print(s, flush=True))
            total_p += p
            total_f += fl
    finally:
        shutil.rmtree(opts["cwd"], ignore_errors=True)
    shutil.rmtree(opts["cwd"], ignore_errors=True)
    label = (" (%s)" % opts["label"]) if opts["label"] else ""
    if opts["no_diff"]:
        print("sql%s: %d checks ran (outputs not compared), %d failed (%d files)"
              % (label, total_p, total_f, len(files)))
    else:
        print("sql%s: %d checks passed, %d failed (%d files)"
              % (label, total_p, total_f, len(files)))
    return 0 if total_f == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
