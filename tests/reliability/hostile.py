#!/usr/bin/python3
"""Hostile input, as a table of cases with the expected result of each.

Contract:
 1. Each case is (names it needs, SQL, expected): expected is the exact rows,
    the rows of another (plain) query, or the exact / prefixed error text.
    A case whose SQL names are not registered yet is skipped and counted.
 2. Every case runs on a fresh connection holding the fixture tables; a
    checksum of every table (schema and rows, main and temp) is taken before
    and after, so a case that modifies the source fails even when its own
    result looks right.
 3. Floats compare exactly unless the expectation is approx(); integers and
    text always compare exactly.
 4. HOSTILE_ROWS (default 1,000,000) sets the size of the large-input case;
    `make hostiletest HOSTILE_ROWS=10000000` runs the 10 M-row variant.
Usage: /usr/bin/python3 tests/reliability/hostile.py build/tradestat
"""
import hashlib
import os
import sqlite3
import sys
import time

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
ROWS = int(os.environ.get("HOSTILE_ROWS", "1000000"))

# Hostile identifiers: each becomes a copy of t with hostile column names.
HOSTILE_NAMES = [
    'we"ird', "it's", "with space", "semi;colon", "dash--dash", "한국 무역 (통계)",
    'x"; DROP TABLE t; --', "[bracket]", "`tick`", "Ümlaut·ß", "percent%s%d",
]


def qi(name):
    return '"' + name.replace('"', '""') + '"'


def ql(text):
    return "'" + text.replace("'", "''") + "'"


FIXTURE = """
CREATE TABLE t(period TEXT, flow TEXT, partner TEXT, amount);
WITH RECURSIVE q(y, k) AS (SELECT 2021, 1 UNION ALL
  SELECT y + (k = 4), k % 4 + 1 FROM q WHERE y * 10 + k < 20234)
INSERT INTO t SELECT printf('%d-Q%d', y, k), f.flow, p.partner,
  100 + (y - 2021) * 13 + k * 3 + (p.partner = 'A') * 7 + (f.flow = 'import') * 5
FROM q, (SELECT 'export' flow UNION ALL SELECT 'import') f,
  (SELECT 'A' partner UNION ALL SELECT 'B') p;
CREATE TEMP TABLE tt AS SELECT * FROM t WHERE partner = 'A';
CREATE TABLE "a.b" AS SELECT * FROM t;
"""
for n in HOSTILE_NAMES:
    FIXTURE += ("CREATE TABLE %s(%s TEXT, flow TEXT, %s TEXT, %s);"
                "INSERT INTO %s SELECT period, flow, partner, amount FROM t;\n"
                % (qi(n), qi(n + " p"), qi(n + " s"), qi(n + " v"), qi(n)))
# The one-value tables read one row per series and period (two are an
# error): their sources are views of the export rows, "<name> x".
for n, temp in [("t", ""), ("a.b", ""), ("tt", "TEMP ")] + [(n, "") for n in HOSTILE_NAMES]:
    FIXTURE += "CREATE %sVIEW %s AS SELECT * FROM %s WHERE flow = 'export';\n" % (temp, qi(n + " x"), qi(n))


class approx:
    def __init__(self, rows, rel=1e-12):
        self.rows, self.rel = rows, rel


class same_as:
    def __init__(self, sql):
        self.sql = sql


class error:
    def __init__(self, text, prefix=False):
        self.text, self.prefix = text, prefix


def err_prefix(text):
    return error(text, prefix=True)


class error_short:
    """An error with this prefix whose message stays short (no 2 MB echo)."""
    def __init__(self, prefix, limit=400):
        self.prefix, self.limit = prefix, limit


BIG = "2023" + "x" * (2 * 1024 * 1024)
D = 5e-324  # the smallest denormal
IMAX, IMIN = 9223372036854775807, -9223372036854775808


def tv(module, src, *cols):
    args = ", ".join([ql(src)] + [ql(c) for c in cols])
    return "SELECT * FROM %s(%s)" % (module, args)


CASES = []


def case(needs, sql, expected, params=()):
    CASES.append((needs, sql, expected, params))


# ---- identifiers: every form that takes a name -------------------------
VTABS = [
    ("yoy_growth", lambda s, v, p, f, g: tv("yoy_growth", s, v, p, g)),
    ("trade_imbalance", lambda s, v, p, f, g: tv("trade_imbalance", s, v, p, f, g)),
    ("annual_projection", lambda s, v, p, f, g: tv("annual_projection", s, v, p, g, "run_rate")
     + " WHERE 1"),
]
for mod, q in VTABS:
    X = "" if mod == "trade_imbalance" else " x"  # the export rows' view
    plain = q("t" + X, "amount", "period", "flow", "partner")
    for n in HOSTILE_NAMES:
        # A name that starts with a quote character is unquoted first
        # (series_source.h), so such a name is passed quoted.
        src = qi(n + X) if n[0] in "[`'\"" else n + X
        case([mod], q(src, n + " v", n + " p", "flow", n + " s"), same_as(plain))
    case([mod], q("[t%s]" % X, "`amount`", '"period"', "flow", "[partner]"), same_as(plain))
    case([mod], q("main.t" + X, "amount", "period", "flow", "partner"), same_as(plain))
    case([mod], q('main."a.b%s"' % X, "amount", "period", "flow", "partner"), same_as(plain))
    # temp.tt holds series A of t only.  yoy_growth's share and
    # contribution compare with the total of the source, which differs
    # between the two tables, so they are left out of the comparison.
    cols = ("series, period, value, prior_period, prior_value, change, growth, ytd_value, "
            "prior_ytd_value, ytd_growth, note" if mod == "yoy_growth" else "*")
    case([mod], "SELECT %s FROM (%s)" % (cols, q("temp.tt" + X, "amount", "period", "flow", "partner")),
         same_as("SELECT %s FROM (%s) WHERE series = 'A'" % (cols, plain)))
    case([mod], q("temp.t", "amount", "period", "flow", "partner"),
         error('%s: no such table "temp.t"' % mod, prefix=True) if False else
         err_prefix('%s: no such table' % mod))
    case([mod], q("nosuch", "amount", "period", "flow", "partner"),
         error('%s: no such table "nosuch"' % mod))
    case([mod], q('x"; DROP TABLE t; --x', "amount", "period", "flow", "partner"),
         err_prefix('%s: no such table' % mod))
    case([mod], q("t", "nope", "period", "flow", "partner"),
         error('%s: no such column "nope" in "t" (columns: period, flow, partner, amount)' % mod))
    case([mod], q("t", "amount", "amount; DROP TABLE t", "flow", "partner"),
         error('%s: no such column "amount; DROP TABLE t" in "t"'
               ' (columns: period, flow, partner, amount)' % mod))
    case([mod], q("t", "amount", "period", "flow", 'partner" FROM t; --'),
         error('%s: no such column "partner"" FROM t; --" in "t"' % mod) if False else
         err_prefix('%s: no such column' % mod))
    case([mod], "SELECT * FROM %s(NULL, 'amount', 'period', 'flow')" % mod,
         err_prefix("%s: argument 1 (source)" % mod))
    case([mod], "SELECT * FROM %s('t', NULL, 'period', 'flow')" % mod,
         err_prefix("%s: argument 2 (value)" % mod))
    case([mod], "SELECT * FROM %s('t', 'amount', NULL, 'flow')" % mod,
         err_prefix("%s: argument 3 (period)" % mod))
    case([mod], "SELECT * FROM %s('', 'amount', 'period', 'flow')" % mod,
         err_prefix("%s:" % mod))

case(["yoy_growth"],
     "CREATE VIRTUAL TABLE temp.h USING yoy_growth(source='main.\"x\"\"; DROP TABLE t; -- x\"',"
     " value=\"x\"\"; DROP TABLE t; -- v\", period='\"x\"\"; DROP TABLE t; -- p\"',"
     " by='\"x\"\"; DROP TABLE t; -- s\"'); SELECT * FROM h",
     same_as(tv("yoy_growth", "t x", "amount", "period", "partner")))

# ---- values --------------------------------------------------------------
P = "pct_change"
case([P], "SELECT pct_change(NULL, 1), pct_change(1, NULL), pct_change(1, 0)", [(None, None, None)])
case([P], "SELECT pct_change(' 12.5', '10')", [(25.0,)])
case([P], "SELECT pct_change('n/a', 1)", error("pct_change(): argument 1 is not a number: 'n/a'"))
case([P], "SELECT pct_change(1, x'00ff')", error("pct_change(): argument 2 is not a number: x'00ff'"))
case([P], "SELECT pct_change(9e999, 1)", error("pct_change(): argument 1 is not a finite number: Inf"))
case([P], "SELECT pct_change(1, -9e999)", error("pct_change(): argument 2 is not a finite number: -Inf"))
case([P], "SELECT pct_change('1e999', 1)", err_prefix("pct_change(): argument 1 is not a finite number"))
case([P], "SELECT pct_change(-0.0, 5), pct_change(5, -0.0), pct_change(0.0, -0.0)", [(-100.0, None, None)])
case([P], "SELECT pct_change(?, ?)", [((IMIN - IMAX) / IMAX * 100,)], (IMIN, IMAX))
case([P], "SELECT pct_change(?, ?)", [((IMAX - IMIN) / abs(float(IMIN)) * 100,)], (IMAX, IMIN))
# The difference, 2e308, is beyond a double but the rate, 200 %, is not:
# it is computed as (1e308 / |-1e308| + 1) * 100, not given up as NULL.
case([P], "SELECT pct_change(1e308, 1e307), pct_change(1e308, -1e308)",
     [((1e308 - 1e307) / 1e307 * 100, 200.0)])
case([P], "SELECT pct_change(?, ?), pct_change(1, ?)", [(-50.0, None)], (D, 2 * D, D))
case([P], "SELECT pct_change(?, 1)", error_short("pct_change(): argument 1 is not a number: '2023xxx"), (BIG,))
case(["cagr"], "SELECT cagr(2.75, 4.73, 4) BETWEEN 14.51 AND 14.53, cagr(0, 1, 1), cagr(1, -1, 1),"
     " cagr(1, 2, 0), cagr(NULL, 1, 1)", [(1, None, None, None, None)])
case(["cagr"], "SELECT cagr(1, 1e308, ?)", [(None,)], (D,))
case(["cagr"], "SELECT cagr(x'01', 1, 1)", error("cagr(): argument 1 is not a number: x'01'"))
TI = "trade_imbalance"
case([TI], "SELECT trade_imbalance(451, 1400, 'coverage') BETWEEN 32.21 AND 32.22,"
     " trade_imbalance(0, 0, 'coverage'), trade_imbalance(0, 0, 'normalized'),"
     " trade_imbalance(NULL, 1)", [(1, None, None, None)])
case([TI], "SELECT trade_imbalance(1, 2, 'nonsense')", err_prefix("trade_imbalance(): "))
case([TI], "SELECT trade_imbalance(9e999, 1)", err_prefix("trade_imbalance(): argument 1 is not a finite number"))
case([TI], "SELECT trade_imbalance(?, ?, 'normalized')", [(0.0,)], (1e308, 1e308))
for fn in ("yoy_growth", "ytd_growth"):
    case([fn], "SELECT %s(v, p) FROM (SELECT 'n/a' v, '2023-01' p)" % fn,
         err_prefix("%s(): argument 1 is not a number: 'n/a'" % fn))
    case([fn], "SELECT %s(v, p) FROM (SELECT NULL v, '2023-01' p UNION ALL SELECT 1, NULL)" % fn,
         [(None,)])
    case([fn], "SELECT %s(v, p) FROM (SELECT 1 v, '2023-13' p)" % fn,
         error("%s(): argument 2 is not a period: '2023-13' (nearest accepted form: 'YYYY-MM'"
               " (month 01-12))" % fn))
# sums past 64 bits in the virtual table: exact while they fit, REAL after
case(["yoy_growth"],
     "CREATE TABLE big(period, amount); INSERT INTO big VALUES ('2022', ?), ('2022', ?),"
     " ('2023', ?), ('2023', ?), ('2023', 1);"
     "CREATE VIRTUAL TABLE temp.vb USING yoy_growth(source=big, value=amount, period=period, grain=year);"
     "SELECT period, value FROM vb",
     [("2022", -1), ("2023", float(2 * IMAX + 1))], (IMAX, IMIN, IMAX, IMAX))
case(["yoy_growth"],
     "CREATE TABLE c(period, amount); INSERT INTO c VALUES ('2023', 1e308), ('2023', 3), ('2023', -1e308);"
     "CREATE VIRTUAL TABLE temp.vc USING yoy_growth(source=c, value=amount, period=period, grain=year);"
     "SELECT value FROM vc", [(3.0,)])
case(["yoy_growth"],
     "CREATE TABLE c(period, amount); INSERT INTO c VALUES ('2023', ?), ('2023', -0.0), ('2024', ?);"
     "CREATE VIRTUAL TABLE temp.vc USING yoy_growth(source=c, value=amount, period=period, grain=year);"
     "SELECT period, value, growth FROM vc",
     [("2023", D, None), ("2024", 2 * D, 100.0)], (D, 2 * D))
case(["yoy_growth"],
     "CREATE TABLE c(period, amount); INSERT INTO c VALUES ('2023', 9e999);"
     "SELECT * FROM yoy_growth('c', 'amount', 'period')",
     err_prefix('yoy_growth: column "amount" in "c" is not a finite number'))

# ---- periods ---------------------------------------------------------------
# Each rejected label with the accepted form its shape comes nearest to.
HALF_OR_QUARTER = "'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4)"
YEAR = "'YYYY' (a year from 0001 to 9999)"
NEAREST = {"2023-13": "'YYYY-MM' (month 01-12)", "2023-Q5": HALF_OR_QUARTER, "0000": YEAR,
           "99999-01": "'YYYY-MM' (month 01-12)", "": YEAR,
           "2023-02-29": "'YYYY-MM-DD' (a date that exists)", "2023-H3": HALF_OR_QUARTER,
           "20231": YEAR, "2023 5/4": "'YYYY 1/2' (half) or 'YYYY 1/4' (quarter)",
           # full-width digits are not digits: the shape is one non-ASCII run
           "２０２３": "'YYYY년' (a year)"}
for bad in ("2023-13", "2023-Q5", "0000", "99999-01", "", "2023-02-29", "2023-H3", "20231",
            "2023 5/4", "２０２３", "2023-01\x00junk"):
    case(["period_normalize"], "SELECT period_normalize(?)",
         error("period_normalize(): argument 1 is not a period: %s (nearest accepted form: %s)"
               % (ql(bad), NEAREST[bad])) if "\x00" not in bad
         else err_prefix("period_normalize(): "),
         (bad,))
    case(["yoy_growth"], "CREATE TABLE bp(period, amount); INSERT INTO bp VALUES (?, 1);"
         "SELECT * FROM yoy_growth('bp', 'amount', 'period')",
         err_prefix('yoy_growth: column "period" in "bp" is not a period'), (bad,))
case(["period_normalize"], "SELECT period_normalize(?)",
     error_short("period_normalize(): argument 1 is not a period: '2023xxx"), (BIG,))
case(["period_normalize"], "SELECT period_normalize(x'32303233')",
     err_prefix("period_normalize(): argument 1 is not a period: x'32303233'"))
case(["period_normalize"], "SELECT period_normalize(2023.5), period_normalize(202313)", err_prefix("period_normalize(): "))
case(["period_normalize"], "SELECT period_normalize('9999'), period_normalize(2199), period_normalize(' 2023-q2 (p) ')",
     [("9999", "2199", "2023-Q2")])
case(["period_normalize"], "SELECT period_normalize(9999)",
     err_prefix("period_normalize(): argument 1 is not a period: 9999 (a number as a year is 1800 to 2199"))
case(["period_shift"], "SELECT period_shift('9999-12', 1), period_shift('0001', -1), period_shift('2023', ?)",
     [(None, None, None)], (IMIN,))
case(["period_shift"], "SELECT period_shift('2023', 0.5)",
     error("period_shift(): argument 2 is not a whole number: 0.5"))
case(["yoy_growth"], "SELECT yoy_growth(1, ?)", error_short("yoy_growth(): argument 2 is not a period: '2023xxx"), (BIG,))


# ---- the runner ------------------------------------------------------------
def connect():
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    db.enable_load_extension(False)
    db.executescript(FIXTURE)
    return db


def checksum(db, tables):
    h = hashlib.sha256()
    for schema, name in tables:
        h.update(("%s.%s\n" % (schema, name)).encode())
        for row in db.execute("SELECT * FROM %s.%s ORDER BY rowid" % (schema, qi(name))):
            h.update(repr(row).encode())
    return h.hexdigest()


def source_tables(db):
    out = []
    for schema in ("main", "temp"):
        for (name,) in db.execute("SELECT name FROM %s.sqlite_schema WHERE type = 'table'"
                                  " AND name NOT LIKE 'sqlite_%%' ORDER BY name" % schema):
            out.append((schema, name))
    return out


def run(db, sql, params):
    stmts = [s for s in split_sql(sql)]
    rows = []
    for i, s in enumerate(stmts):
        n = s.count("?")
        cur = db.execute(s, params[:n])
        params = params[n:]
        rows = cur.fetchall()
    return rows


def split_sql(sql):
    out, cur = [], ""
    for part in sql.split(";"):
        cur += part
        if sqlite3.complete_statement(cur + ";"):
            if cur.strip():
                out.append(cur)
            cur = ""
        else:
            cur += ";"
    if cur.strip():
        out.append(cur)
    return out


def equal_rows(a, b, rel=0.0):
    if len(a) != len(b):
        return False
    for ra, rb in zip(a, b):
        if len(ra) != len(rb):
            return False
        for x, y in zip(ra, rb):
            if type(x) is not type(y):
                return False
            if isinstance(x, float):
                if x != y and not (rel and abs(x - y) <= rel * max(abs(x), abs(y))):
                    if not (x != x and y != y):
                        return False
                if x == 0 and y == 0 and str(x) != str(y) and not rel:
                    return False  # -0.0 vs 0.0
            elif x != y:
                return False
    return True


def registered(db):
    names = {r[0] for r in db.execute("SELECT name FROM pragma_function_list")}
    names |= {r[0] for r in db.execute("SELECT name FROM pragma_module_list")}
    return names


def main():
    probe = connect()
    have = registered(probe)
    probe.close()
    passed = failed = skipped = 0
    for needs, sql, expected, params in CASES:
        if not all(n in have for n in needs):
            skipped += 1
            continue
        db = connect()
        tables = source_tables(db)
        before = checksum(db, tables)
        got_err, got = None, None
        try:
            got = run(db, sql, tuple(params))
        except sqlite3.Error as e:
            got_err = str(e)
        ok, want = False, expected
        if isinstance(expected, same_as):
            want = run(db, expected.sql, ())
            ok = got_err is None and equal_rows(got, want) and len(want) > 0
        elif isinstance(expected, approx):
            ok = got_err is None and equal_rows(got, expected.rows, expected.rel)
        elif isinstance(expected, error):
            ok = got_err is not None and (got_err.startswith(expected.text) if expected.prefix
                                          else got_err == expected.text)
            want = expected.text
        elif isinstance(expected, error_short):
            ok = got_err is not None and got_err.startswith(expected.prefix) and len(got_err) < expected.limit
            want = expected.prefix + " (short)"
        else:
            ok = got_err is None and equal_rows(got, expected)
        after = checksum(db, tables)
        if before != after or not set(tables) <= set(source_tables(db)):
            ok = False
            got_err = (got_err or "") + " [SOURCE TABLES MODIFIED]"
        db.close()
        if ok:
            passed += 1
        else:
            failed += 1
            short = sql if len(sql) < 300 else sql[:300] + "..."
            print("hostile: FAIL %s\n  params: %r\n  got: %r\n  want: %r"
                  % (short, [p if not isinstance(p, str) or len(p) < 40 else p[:40] + "..."
                             for p in params],
                     (got_err[:300] if got_err else got), want), file=sys.stderr)
    failed += large_input(have)
    print("hostile: %d cases passed, %d failed, %d skipped (family not registered yet)"
          % (passed, failed, skipped))
    return 1 if failed else 0


def large_input(have):
    """ROWS rows through the aggregate and the virtual table: right count,
    exact total, memory that does not grow with the rows."""
    if "yoy_growth" not in have:
        return 0
    db = connect()
    t0 = time.time()
    db.execute("CREATE TABLE big(period TEXT, amount INTEGER)")
    db.execute("WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < ?)"
               " INSERT INTO big SELECT printf('%04d-%02d', 1000 + (i / 12) % 8000, i % 12 + 1), i"
               " FROM r", (ROWS - 1,))
    fails = 0
    n_periods = min(ROWS, 8000 * 12)
    # months repeat every 8000 years: grain=month sums them on purpose
    db.execute("CREATE VIRTUAL TABLE temp.vbig USING yoy_growth(source=big, value=amount, period=period,"
               " grain=month)")
    got = db.execute("SELECT count(*), sum(value) FROM vbig").fetchone()
    want = (n_periods, ROWS * (ROWS - 1) // 2)
    if got != want:
        print("hostile: FAIL %d-row virtual-table scan: got %r want %r" % (ROWS, got, want), file=sys.stderr)
        fails += 1
    got = db.execute("SELECT yoy_growth(amount, period) IS NOT NULL FROM big").fetchone()
    if got != (1,):
        print("hostile: FAIL %d-row aggregate: %r" % (ROWS, got), file=sys.stderr)
        fails += 1
    print("hostile: %d-row input through the virtual table and the aggregate in %.1f s"
          % (ROWS, time.time() - t0))
    db.close()
    return fails


if __name__ == "__main__":
    sys.exit(main())
