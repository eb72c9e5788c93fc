"""Runs the client recipes of docs/clients.md exactly as written there.

usage: recipes.py [--list] DOC PREFIX [NAME...]

DOC marks each code block that belongs to a recipe with an HTML comment
on the line before it:
    <!-- test NAME: file FILE -->   the block is written to FILE
    <!-- test NAME: install -->     shell commands that must succeed
    <!-- test NAME: run -->         shell commands; their standard output...
    <!-- test NAME: output -->      ...must be exactly this block
    <!-- untested: REASON -->       a block no test can run (say why)
A block with no mark is an error, so a recipe cannot be added or edited
without being run.  The recipe `setup` (making trade.db) runs first in
every recipe's directory, build/clients/work/NAME, emptied before each run
except for npm's node_modules (less node_modules/tradestat), package.json
and package-lock.json, so better-sqlite3 is compiled once; it also gets a
link `dist` to the repository's dist/.  npm's and Go's caches are kept in
build/clients/cache.

In every block "/usr/local/lib/" is replaced by PREFIX/lib/, where the
module was installed (`make install PREFIX=...`), and LD_LIBRARY_PATH is
PREFIX/lib so that bare names (`.load tradestat`) resolve as they do after
a real install and ldconfig.  /usr/bin comes first on PATH: the recipes
name Debian's tools (python3 that can load extensions, go, Rscript).

Besides matching the documented output, every recipe's output must show
the values computed by hand for the example table (2022-H1 680.8, 2023-H1
1400): period 2023-H1, prior value 680.8, and growth 1400 / 680.8 - 1 =
105.64 % twice (yoy_growth's growth column and pct_change).
Exit status 0 when every recipe asked for passed."""
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARK = re.compile(r"<!-- (?:test ([\w-]+): (file \S+|install|run|output)|untested: [^>]+) -->\s*\n$")
FENCE = re.compile(r"^```")
# token -> minimum number of occurrences in a recipe's output
EXPECT = {"2023-H1": 1, "680.8": 1, "105.64": 2}


def parse(doc):
    """Returns {name: [(kind, arg, text), ...]} in document order."""
    recipes, lines, i, pending = {}, open(doc, encoding="utf-8").read().split("\n"), 0, None
    untested_end = None
    while i < len(lines):
        line = lines[i]
        m = MARK.match(line + "\n")
        if m:
            pending = m
            i += 1
            continue
        if FENCE.match(line):
            start = i
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                i += 1
            body = "\n".join(lines[start + 1:i]) + "\n"
            # The output block right after an untested example belongs to
            # it (the docs check compares the two).
            if pending is None and untested_end is not None and \
                    all(not s.strip() for s in lines[untested_end + 1:start]):
                untested_end = None
                i += 1
                continue
            untested_end = i if pending is not None and not pending.group(1) else None
            if pending is None:
                raise SystemExit(f"recipes: {doc}:{start + 1}: code block with no <!-- test ... --> "
                                 "or <!-- untested: ... --> mark")
            if pending.group(1):
                kind, _, arg = pending.group(2).partition(" ")
                recipes.setdefault(pending.group(1), []).append((kind, arg, body))
            pending = None
        elif line.strip() and pending is not None:
            raise SystemExit(f"recipes: {doc}:{i + 1}: a mark must be followed by a code block")
        i += 1
    return recipes


def env_for(prefix, work):
    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin:" + env.get("PATH", "")
    env["LD_LIBRARY_PATH"] = os.path.join(prefix, "lib")
    cache = os.path.join(ROOT, "build", "clients", "cache")
    env["npm_config_cache"] = os.path.join(cache, "npm")
    env["npm_config_update_notifier"] = "false"
    env["npm_config_fund"] = "false"
    env["npm_config_audit"] = "false"
    env["GOCACHE"] = os.path.join(cache, "go")
    env["XDG_CONFIG_HOME"] = os.path.join(work, ".config")  # litecli's config and log
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run_recipe(name, steps, setup, prefix):
    work = os.path.join(ROOT, "build", "clients", "work", name)
    os.makedirs(work, exist_ok=True)
    # Start clean but keep what npm installed (better-sqlite3 compiles for
    # minutes), less the package under test, which is always reinstalled.
    for entry in os.listdir(work):
        p = os.path.join(work, entry)
        if entry in ("package.json", "package-lock.json"):
            continue
        if entry == "node_modules":
            shutil.rmtree(os.path.join(p, "tradestat"), ignore_errors=True)
        elif os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p)
        else:
            os.remove(p)
    os.symlink(os.path.join(ROOT, "dist"), os.path.join(work, "dist"))
    env = env_for(prefix, work)
    subst = lambda text: text.replace("/usr/local/lib/", os.path.join(prefix, "lib") + "/")
    expected, got = None, ""
    for kind, arg, text in setup + steps:
        text = subst(text)
        if kind == "file":
            with open(os.path.join(work, arg), "w", encoding="utf-8") as f:
                f.write(text)
        elif kind == "output":
            expected = text
        else:
            p = subprocess.run(["sh", "-e", "-c", text], cwd=work, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if p.returncode != 0:
                return f"{kind} step failed (exit {p.returncode}):\n{text}{p.stdout}{p.stderr}"
            if kind == "run":
                got += p.stdout
    if expected is None or not any(k == "run" for k, _, _ in steps):
        return "recipe has no run step or no output block"
    problems = []
    if got.rstrip() != expected.rstrip():
        problems.append(f"output differs from the documented one:\n--- documented\n{expected}--- got\n{got}")
    for token, count in EXPECT.items():
        if got.count(token) < count:
            problems.append(f"output shows {token!r} {got.count(token)} times, expected at least {count}")
    return "\n".join(problems) or None


def main(argv):
    if len(argv) >= 2 and argv[1] == "--list":
        print(" ".join(n for n in parse(argv[2]) if n != "setup"))
        return 0
    if len(argv) < 3:
        sys.exit(__doc__.split("\n\n")[1])
    doc, prefix, names = argv[1], os.path.abspath(argv[2]), argv[3:]
    recipes = parse(doc)
    setup = recipes.pop("setup", [])
    if not setup:
        sys.exit("recipes: no `setup` recipe in " + doc)
    unknown = [n for n in names if n not in recipes]
    if unknown:
        sys.exit(f"recipes: no recipe {' '.join(unknown)} in {doc} (have: {' '.join(recipes)})")
    failed = 0
    for name in names or list(recipes):
        t0 = time.monotonic()
        problem = run_recipe(name, recipes[name], setup, prefix)
        took = time.monotonic() - t0
        if problem:
            failed += 1
            print(f"recipe {name}: FAIL ({took:.1f} s)\n{problem}")
        else:
            print(f"recipe {name}: ok ({took:.1f} s)")
    ran = len(names or recipes)
    print(f"recipes: {ran - failed} passed, {failed} failed ({doc})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
