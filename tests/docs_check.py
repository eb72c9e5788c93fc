#!/usr/bin/env python3
"""Executes every ```sql block of the project's Markdown files in the real
sqlite3 shell and compares its output with the fenced block that follows it.

    python3 tests/docs_check.py                  README.md and docs/**/*.md
    python3 tests/docs_check.py FILE.md ...      only those files
    python3 tests/docs_check.py FILE.md --update prints the actual outputs
                                                 instead of comparing them

The block convention: a ```sql block, then (with only blank lines between)
a plain ``` or ```text block holding exactly what the shell prints for it,
errors included ("Runtime error near line N: ...").  A sql block with no
output block after it must print nothing.  A fence whose language starts
with "sql" but is not exactly "sql" (```sqlite, ```SQL) is an error, so no
example can silently escape the check.

Each file runs against its own database, a fresh copy of the shipped demo
data (sql/schema.sql, then sql/data/*.sql); the blocks of one file run in
order on it, so a CREATE in one block is seen by the next (but each block
is a new shell process: `temp` objects last one block).  Each block
starts with `.load build/tradestat` and `.mode table` (lines 1 and 2, so a
block's first statement is "line 3" in error messages); a block may change
the mode.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(\S*)\s*$")


def blocks(text):
    """Yields (line number, language, body) for each fenced block."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            start, lang, body = i + 1, m.group(1), []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            yield start, lang, "\n".join(body)
        i += 1


def pairs(text):
    """Yields (line, sql, expected or None): each sql block and its output."""
    items = list(blocks(text))
    for k, (line, lang, body) in enumerate(items):
        if lang != "sql":
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        if nxt and nxt[1] in ("", "text"):
            between = text.split("\n")[line + body.count("\n") + 1: nxt[0] - 1]
            if all(not s.strip() or s.startswith("```") for s in between):
                yield line, body, nxt[2]
                continue
        yield line, body, None


def run(db, sql):
    script = ".load build/tradestat\n.mode table\n" + sql + "\n"
    # stdbuf: line-buffered stdout keeps error lines (stderr) in order
    p = subprocess.run(["stdbuf", "-oL", "sqlite3", "-batch", db], input=script.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return p.stdout.decode("utf-8", "replace").rstrip("\n")


def check_file(path, template, tmp, update):
    """Runs one file's blocks on a fresh copy of the demo database."""
    text = open(path, encoding="utf-8").read()
    passed = failed = 0
    for line, lang, _ in blocks(text):
        if lang.lower().startswith("sql") and lang != "sql":
            failed += 1
            print(f"docs: FAIL {path}:{line}: fence ```{lang} is not executed; write ```sql")
    db = os.path.join(tmp, "docs.db")
    shutil.copyfile(template, db)
    for line, sql, expected in pairs(text):
        actual = run(db, sql)
        if update:
            print(f"--- {path}:{line}\n{actual}")
            continue
        want = (expected or "").rstrip("\n")
        if actual == want:
            passed += 1
        else:
            failed += 1
            print(f"docs: FAIL {path}:{line}\n{sql}\n--- expected\n{want}\n--- actual\n{actual}\n")
    os.remove(db)
    return passed, failed


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv
    root = os.path.dirname(os.path.abspath(__file__)) + "/.."
    os.chdir(root)
    files = args or ["README.md"] + sorted(glob.glob("docs/**/*.md", recursive=True))
    missing = [f for f in files if not os.path.isfile(f)]
    if missing:
        print("docs: no such file: " + ", ".join(missing))
        return 1
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "demo.db")
        setup = [".read sql/schema.sql"] + [".read " + f for f in sorted(glob.glob("sql/data/*.sql"))]
        out = run(template, "\n".join(setup))
        if out:
            print("docs: setup failed:\n" + out)
            return 1
        for path in files:
            p, f = check_file(path, template, tmp, update)
            passed, failed = passed + p, failed + f
    if not update:
        print(f"docs: {passed} passed, {failed} failed ({len(files)} files)")
    # the default run covers every file: running no example at all is a failure
    return 1 if failed or (not args and not update and passed == 0) else 0


if __name__ == "__main__":
    sys.exit(main())
