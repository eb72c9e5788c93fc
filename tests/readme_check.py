#!/usr/bin/env python3
"""Executes every ```sql block of a Markdown file in the real sqlite3 shell
and compares its output with the fenced block that follows it.

All blocks of one file run in order against one database file that starts
as the shipped demo data (sql/schema.sql, then sql/data/*.sql), so a
CREATE in one block is seen by the next.  Each block starts with
`.load build/tradestat` and `.mode table`; a block may change the mode.
A sql block with no output block after it must print nothing.

    python3 tests/readme_check.py README.md [--update]   (--update prints
    the actual outputs instead of comparing, for writing new examples)
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(\w*)\s*$")


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


def main():
    path = sys.argv[1]
    update = "--update" in sys.argv
    root = os.path.dirname(os.path.abspath(__file__)) + "/.."
    os.chdir(root)
    text = open(path, encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "readme.db")
        setup = [".read sql/schema.sql"] + [".read " + f for f in sorted(glob.glob("sql/data/*.sql"))]
        out = run(db, "\n".join(setup))
        if out:
            print("readme: setup failed:\n" + out)
            return 1
        passed = failed = 0
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
                print(f"readme: FAIL {path}:{line}\n{sql}\n--- expected\n{want}\n--- actual\n{actual}\n")
    if not update:
        print(f"readme: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
