#!/usr/bin/python3
"""Seeded differential test: a series table in the query shapes and
connection states difftest.py and joins_check.py leave out.

The worlds (sources, tables, random WHEREs) are difftest.py's; each query
runs on the series table and on m, its unfiltered output materialized
(CREATE TEMP TABLE m AS SELECT * FROM the table), and must return the
same rows (a multiset; in order where the query orders every column).
The shapes:

  * ORDER BY every column DESC (or mixed) with LIMIT and OFFSET;
  * the table on both sides of a self-join, each side with its own WHERE,
    in both loop orders (CROSS JOIN fixes the order);
  * IS NOT DISTINCT FROM / IS DISTINCT FROM on every column;
  * window functions over a filtered read, a view over the table, CTEs
    (a recursive one generating years that join the table), UNION,
    INTERSECT and EXCEPT of two filtered reads, correlated scalar
    subqueries and EXISTS with the table on both sides;
  * rowid: every row a filtered read returns has the rowid the unfiltered
    read gives it, and `WHERE rowid = X` / `rowid IN (...)` find it;
  * one prepared statement reset and bound again between its steps with
    other values (a half-read cursor left open meanwhile);
  * the connection under PRAGMA reverse_unordered_selects = 1,
    case_sensitive_like = 1 and cache_size = 1 (set after m is made, so m
    is the default reading; the unfiltered read is compared again too);
  * scan=hash and scan=stream added to the CREATE form.

    /usr/bin/python3 tests/trust/engine_shapes.py [build/tradestat] [--seed N] [--worlds N]

Exits 1 on a difference, printing the seed, the world and the query.
"""
import os
import random
import sqlite3
import sys
import time

import common

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import difftest  # noqa: E402
from difftest import canon, lit, make_world, show_world, where  # noqa: E402

SEED = 20261202
WORLDS = 150
MAX_SHOWN = int(os.environ.get("ENGINE_SHOWN", "5"))


def cols(w, alias):
    return ", ".join('%s."%s"' % (alias, c) for c in w.columns)


def cond_on(rng, w, alias):
    tags = set()
    return where(rng, w, tags).replace("v.", alias + ".")


def key_eq(w, a, b):
    terms = ['%s."%s" IS %s."%s"' % (a, c, b, c) for c in w.series_cols]
    return " AND ".join(terms) if terms else "1"


RIGHT_OPERAND = "right operand"


def shapes(w, rng):
    """(sql with {T} for the table, ordered?) pairs."""
    c = cols(w, "v")
    pc = w.period_col
    out = []
    desc = ", ".join('v."%s" %s' % (x, rng.choice(["DESC", "ASC", "DESC"])) for x in w.columns)
    out.append(("SELECT %s FROM {T} AS v, k WHERE %s ORDER BY %s LIMIT %d OFFSET %d"
                % (c, cond_on(rng, w, "v"), desc, rng.randint(0, 8), rng.randint(0, 8)), True))
    out.append(("SELECT %s FROM {T} AS v ORDER BY %s LIMIT %d OFFSET %d"
                % (c, desc, rng.randint(1, 5), rng.randint(0, 30)), True))
    out.append(("SELECT %s FROM {T} AS v ORDER BY v.%s DESC, %s LIMIT -1 OFFSET %d"
                % (c, pc, desc, rng.randint(0, 30)), True))
    for join in ("JOIN", "CROSS JOIN"):
        out.append(("SELECT %s, %s FROM k, {T} AS a %s {T} AS b ON b.%s = a.%s AND %s WHERE %s AND %s"
                    % (cols(w, "a"), cols(w, "b"), join, pc, pc, key_eq(w, "a", "b"),
                       cond_on(rng, w, "a"), cond_on(rng, w, "b")), False))
        out.append(("SELECT %s, %s FROM k, {T} AS a %s {T} AS b ON b.%s > a.%s WHERE %s AND %s"
                    % (cols(w, "a"), cols(w, "b"), join, pc, pc,
                       cond_on(rng, w, "a"), cond_on(rng, w, "b")), False))
    col = rng.choice(w.columns)
    v = rng.choice(w.labels + [None, 0, "x"]) if rng.random() < 0.5 else None
    out.append(('SELECT %s FROM {T} AS v WHERE v."%s" IS NOT DISTINCT FROM %s' % (c, col, lit(v)),
                False))
    out.append(('SELECT %s FROM {T} AS v WHERE v."%s" IS DISTINCT FROM %s' % (c, col, lit(v)),
                False))
    if w.labels:
        lab = rng.choice(w.labels)
        out.append(("SELECT %s FROM {T} AS v WHERE v.%s IS NOT DISTINCT FROM %s" % (c, pc, lit(lab)),
                    False))
    part = ", ".join('v."%s"' % s for s in w.series_cols) or "1"
    out.append(('SELECT %s, sum(v."%s") OVER (PARTITION BY %s ORDER BY v.%s ROWS BETWEEN 1 PRECEDING '
                'AND CURRENT ROW), row_number() OVER (PARTITION BY %s ORDER BY v.%s DESC), '
                'lag(v.%s) OVER (PARTITION BY %s ORDER BY v.%s) FROM {T} AS v, k WHERE %s'
                % (c, w.value_col, part, pc, part, pc, pc, part, pc, cond_on(rng, w, "v")), False))
    out.append(("WITH c AS (SELECT * FROM {T} AS v, k WHERE %s) SELECT %s FROM c AS v "
                "WHERE v.%s IN (SELECT %s FROM c)" % (cond_on(rng, w, "v"), c, pc, pc), False))
    if w.years:
        out.append(("WITH RECURSIVE y(n) AS (SELECT %d UNION ALL SELECT n + 1 FROM y WHERE n < %d) "
                    "SELECT y.n, %s FROM y JOIN {T} AS v ON v.%s = %s"
                    % (min(w.years), max(w.years), c, pc,
                       rng.choice(["y.n", "CAST(y.n AS TEXT)", "y.n || ''", "y.n || '-01'",
                                   "y.n || '-Q1'", "y.n || '-H1'", "printf('%04d', y.n)"])), False))
        out.append(("WITH RECURSIVE y(n) AS (SELECT %d UNION ALL SELECT n + 1 FROM y WHERE n < %d) "
                    "SELECT y.n, (SELECT count(*) || '/' || total(v.\"%s\") FROM {T} AS v "
                    "WHERE v.%s >= y.n %s) FROM y"
                    % (min(w.years), max(w.years), w.value_col, pc,
                       rng.choice(["", "AND v.%s < y.n + 1" % pc, "AND v.%s < (y.n + 1) || ''" % pc])),
                    False))
    for op in ("UNION", "UNION ALL", "INTERSECT", "EXCEPT"):
        if rng.random() < 0.5:
            out.append(("SELECT %s FROM {T} AS v, k WHERE %s %s SELECT %s FROM {T} AS v, k WHERE %s"
                        % (c, cond_on(rng, w, "v"), op, c, cond_on(rng, w, "v")), False))
    out.append(("SELECT %s, (SELECT count(*) FROM {T} AS b WHERE %s AND b.%s <= v.%s) "
                "FROM {T} AS v, k WHERE %s" % (c, key_eq(w, "b", "v"), pc, pc, cond_on(rng, w, "v")),
                False))
    out.append(("SELECT %s FROM {T} AS v, k WHERE %s AND EXISTS (SELECT 1 FROM {T} AS b WHERE %s "
                "AND b.%s < v.%s)" % (c, cond_on(rng, w, "v"), key_eq(w, "b", "v"), pc, pc), False))
    out.append(("SELECT %s FROM {T} AS v, k WHERE %s AND NOT EXISTS (SELECT 1 FROM {T} AS b "
                "WHERE b.%s = v.%s AND %s)" % (c, cond_on(rng, w, "v"), pc, pc,
                                                cond_on(rng, w, "b")), False))
    out.append(("SELECT %s FROM {T} AS v WHERE v.%s = (SELECT max(%s) FROM {T})" % (c, pc, pc),
                False))
    out.append(("SELECT %s FROM {T} AS v WHERE v.%s IN (SELECT %s FROM {T} ORDER BY %s DESC LIMIT 2)"
                % (c, pc, pc, pc), False))
    # Outer joins, the table on either side (RIGHT and FULL need SQLite
    # 3.39; an ON term on one side must not filter that side's rows).
    # A table-valued call as the right operand of a RIGHT or FULL JOIN
    # fails ("argument 1 (source) is missing": SQLite 3.40 plans its main
    # loop without the call's arguments; docs/design.md): RIGHT_OPERAND
    # marks the shapes where that error is the expected answer.
    for join in ("LEFT JOIN", "RIGHT JOIN", "FULL JOIN"):
        on = cond_on(rng, w, "v")
        right = RIGHT_OPERAND if join != "LEFT JOIN" else False
        out.append(("SELECT k.ki, %s FROM k %s {T} AS v ON %s" % (c, join, on), right))
        out.append(("SELECT k.ki, %s FROM {T} AS v %s k ON %s" % (c, join, on),
                    RIGHT_OPERAND if join == "FULL JOIN" else False))
        out.append(("SELECT %s, %s FROM {T} AS a %s {T} AS b ON b.%s = a.%s AND %s AND %s"
                    % (cols(w, "a"), cols(w, "b"), join, pc, pc, cond_on(rng, w, "a"),
                       cond_on(rng, w, "b")), right))
    # A few columns only: what a query reads (colUsed) decides how much of
    # the source some plans read (annual_projection's narrowed read).
    for _ in range(3):
        some = rng.sample(w.columns, rng.randint(1, min(4, len(w.columns))))
        out.append(("SELECT %s FROM {T} AS v, k WHERE %s" % (
            ", ".join('v."%s"' % x for x in some), cond_on(rng, w, "v")), False))
    return out


def add_scan(w, scan):
    if w.form == "create" and scan:
        w.vt = w.vt[:-1] + ", scan=%s)" % scan


def run_shapes(db, w, rng, fails, stats):
    for sql, ordered in shapes(w, rng):
        q_vt = sql.replace("{T}", w.from_vt)
        q_m = sql.replace("{T}", "m")
        try:
            want = db.execute(q_m).fetchall()
        except sqlite3.Error:
            continue
        stats["compared"] += 1
        try:
            got, err = db.execute(q_vt).fetchall(), None
        except sqlite3.Error as e:
            got, err = None, str(e)
        if (ordered == RIGHT_OPERAND and w.form == "tvf" and err
                and "argument 1 (source) is missing" in err):
            stats["right_operand"] = stats.get("right_operand", 0) + 1
            continue
        same = got == want if ordered is True else (got is not None and canon(got) == canon(want))
        if not same and got is not None:
            # SQLite 3.40's automatic partial index on the copy drops the
            # COLLATE of the constraint it indexes (a.period = '2015-Q3 '
            # COLLATE RTRIM read as BINARY in a join: no row, where the
            # plain meaning and the table give one); where the copy's own
            # answer changes with automatic indexes off, that one is the
            # reference
            other = without_automatic_index(db, q_m)
            if canon(other) != canon(want):
                stats["reference without automatic index"] = stats.get(
                    "reference without automatic index", 0) + 1
                want = other
                same = got == want if ordered is True else canon(got) == canon(want)
        if not same:
            fails.append((w, q_vt, want, got, err))


def without_automatic_index(db, q):
    db.execute("PRAGMA automatic_index = OFF")
    try:
        return db.execute(q).fetchall()
    finally:
        db.execute("PRAGMA automatic_index = ON")


def check_rowids(db, w, rng, fails, stats):
    full = db.execute("SELECT rowid, * FROM %s AS v" % w.from_vt).fetchall()
    of_row = {}
    for r in full:
        of_row.setdefault(tuple(r[1:]), set()).add(r[0])
    for _ in range(4):
        cond = cond_on(rng, w, "v")
        q = "SELECT v.rowid, v.* FROM %s AS v, k WHERE %s" % (w.from_vt, cond)
        try:
            got = db.execute(q).fetchall()
        except sqlite3.Error:
            continue
        stats["compared"] += 1
        bad = [r for r in got if r[0] not in of_row.get(tuple(r[1:]), ())]
        if bad:
            fails.append((w, q, "rowids of the unfiltered read", bad[:3], None))
    if full:
        pick = rng.sample(full, min(3, len(full)))
        q = "SELECT v.rowid, v.* FROM %s AS v WHERE v.rowid IN (%s)" % (
            w.from_vt, ", ".join(str(r[0]) for r in pick))
        stats["compared"] += 1
        got = db.execute(q).fetchall()
        want = [r for r in full if r[0] in {p[0] for p in pick}]
        if canon(got) != canon(want):
            fails.append((w, q, want, got, None))
        r = pick[0]
        lab = rng.choice(w.labels)
        q = "SELECT v.rowid, v.* FROM %s AS v WHERE v.rowid = %d OR v.%s = %s" % (
            w.from_vt, r[0], w.period_col, lit(lab))
        stats["compared"] += 1
        ip = 1 + w.columns.index(w.period_col)
        want = [x for x in full if x[0] == r[0] or x[ip] == lab]
        try:
            got = db.execute(q).fetchall()
            if canon(got) != canon(want):
                fails.append((w, q, want, got, None))
        except sqlite3.Error as e:
            fails.append((w, q, "no error", None, str(e)))


def check_rebind(db, w, rng, fails, stats):
    """One prepared statement (the sqlite3 module's cache) run with other
    values, a second cursor on the same text left half-read meanwhile."""
    if not w.labels:
        return
    sql = "SELECT %s FROM {T} AS v WHERE v.%s >= ? AND v.%s <= ?" % (cols(w, "v"), w.period_col,
                                                                      w.period_col)
    if w.series_cols:
        sql += ' AND v."%s" IS ?' % w.series_cols[0]
    half = db.cursor()
    for i in range(6):
        a, b = sorted([rng.choice(w.labels), rng.choice(w.labels)], key=str)
        params = [a, b]
        if w.series_cols:
            params.append(rng.choice(w.keys[0]) if w.keys[0] else None)
        if i == 2:
            half.execute(sql.replace("{T}", w.from_vt), params)
            half.fetchone()
        stats["compared"] += 1
        want = canon(db.execute(sql.replace("{T}", "m"), params).fetchall())
        got = canon(db.execute(sql.replace("{T}", w.from_vt), params).fetchall())
        if got != want:
            fails.append((w, sql.replace("{T}", w.from_vt) + "  -- %r" % (params,), want, got, None))
    half.close()
    # One cursor: a few rows of one binding, then the statement reset and
    # bound again (IN lists of parameters too, which the table takes whole).
    if not w.series_cols:
        return
    sql = ('SELECT %s FROM {T} AS v WHERE v."%s" IN (?, ?) AND v.%s >= ?'
           % (cols(w, "v"), w.series_cols[0], w.period_col))
    cur = db.cursor()
    for i in range(4):
        params = [rng.choice(w.keys[0] + [None]) if w.keys[0] else None for _ in range(2)]
        params.append(rng.choice(w.labels))
        want = canon(db.execute(sql.replace("{T}", "m"), params).fetchall())
        cur.execute(sql.replace("{T}", w.from_vt), params)
        got = cur.fetchmany(rng.randint(0, 2)) + cur.fetchall()
        stats["compared"] += 1
        if canon(got) != want:
            fails.append((w, sql.replace("{T}", w.from_vt) + "  -- %r" % (params,), want, got, None))
        # left half-read for the next binding
        cur.execute(sql.replace("{T}", w.from_vt), params)
        cur.fetchmany(1)
    cur.close()


def check_interleave(db, w, rng, fails, stats):
    """Two statements on the table stepped in turn: one row of the first,
    then every row of a second (another WHERE, or the same text), then
    the rest of the first."""
    for _ in range(3):
        c1, c2 = cond_on(rng, w, "v"), cond_on(rng, w, "v")
        if rng.random() < 0.3:
            c2 = c1
        order = ", ".join('v."%s"' % x for x in w.columns) if rng.random() < 0.3 else None
        q = "SELECT v.* FROM {T} AS v, k WHERE %s" + (" ORDER BY " + order if order else "")
        try:
            want1 = canon(db.execute((q % c1).replace("{T}", "m")).fetchall())
            want2 = canon(db.execute((q % c2).replace("{T}", "m")).fetchall())
        except sqlite3.Error:
            continue
        stats["compared"] += 1
        a, b = db.cursor(), db.cursor()
        try:
            a.execute((q % c1).replace("{T}", w.from_vt))
            first = a.fetchmany(rng.randint(1, 3))
            got2 = canon(b.execute((q % c2).replace("{T}", w.from_vt)).fetchall())
            got1 = canon(first + a.fetchall())
            err = None
        except sqlite3.Error as e:
            got1 = got2 = None
            err = str(e)
        if got1 != want1 or got2 != want2:
            fails.append((w, "interleaved: " + (q % c1).replace("{T}", w.from_vt) + "  /  " + c2,
                          (want1, want2), (got1, got2), err))
        a.close()
        b.close()


HIDDEN = {
    "yoy_growth": ["source", "value_column", "period_column", "series_column", "options"],
    "trade_imbalance": ["source", "value_column", "period_column", "flow_column", "series_column",
                        "options"],
    "annual_projection": ["source", "value_column", "period_column", "series_column",
                          "method_name", "options"],
}
METHODS = ["prior_share", "run_rate", "snaive", "avg_share", "linear"]


def call_args(w, other):
    """The hidden columns' values of the world's table-valued call (other:
    the same call with other options, or another method)."""
    opts = []
    if w.grain:
        opts.append("grain=" + w.grain)
    if w.total is not None:
        opts.append("total=%s" % difftest.qs(str(w.total)))
    a = {"source": w.source, "value_column": "amount", "period_column": "period",
         "flow_column": "flow", "series_column": ", ".join(w.by), "options": ", ".join(opts),
         "method_name": w.method if w.by else ""}
    if other and w.module == "annual_projection":
        a["method_name"] = [m for m in METHODS if m != a["method_name"]][len(w.rows) % 4]
    elif other:
        a["options"] = "grain=year" if not w.grain else ""
    return [(h, a[h]) for h in HIDDEN[w.module]]


def check_hidden_or(db, w, rng, fails, stats):
    """The table-valued form's arguments given in the WHERE, two calls as
    the two branches of an OR (a multi-index OR: one filter a branch,
    rows told apart by rowid): the rows of each call under its branch's
    condition, both."""
    if w.form != "tvf":
        return
    calls = [call_args(w, False), call_args(w, True)]
    tag = "options" if w.module != "annual_projection" else "method_name"
    for i, args in enumerate(calls):
        pos = ", ".join(lit(v) for _, v in args)
        try:
            db.execute("DROP TABLE IF EXISTS temp.m%d" % i)
            db.execute("CREATE TEMP TABLE m%d AS SELECT * FROM %s(%s)" % (i, w.module, pos))
        except sqlite3.Error:
            return  # the other call is refused (an error, not an answer)
    for _ in range(3):
        conds = [cond_on(rng, w, "v") for _ in calls]
        want = []
        try:
            for i, (args, c) in enumerate(zip(calls, conds)):
                value = dict(args)[tag]
                want += [(value,) + tuple(r) for r in db.execute(
                    "SELECT v.* FROM m%d AS v, k WHERE %s" % (i, c)).fetchall()]
        except sqlite3.Error:
            continue
        branches = " OR ".join(
            "(%s AND %s)" % (" AND ".join("v.%s = %s" % (h, lit(x)) for h, x in args), c)
            for args, c in zip(calls, conds))
        q = "SELECT v.%s, %s FROM %s AS v, k WHERE %s" % (tag, cols(w, "v"), w.module, branches)
        stats["compared"] += 1
        try:
            got, err = db.execute(q).fetchall(), None
        except sqlite3.Error as e:
            got, err = None, str(e)
        if got is None or canon(got) != canon(want):
            fails.append((w, q, want, got, err))


PRAGMAS = ["reverse_unordered_selects = 1", "case_sensitive_like = 1", "cache_size = 1"]


def main():
    ext, opts = common.parse_args(sys.argv[1:], numbers={"seed": SEED, "worlds": WORLDS})
    difftest.EXT = ext
    rng = random.Random(opts["seed"])
    fails, stats = [], {"compared": 0, "worlds": 0}
    t0 = time.time()
    for wid in range(opts["worlds"]):
        wrng = random.Random(rng.getrandbits(64))
        w = make_world(wrng, wid)
        add_scan(w, wrng.choice([None, "hash", "stream"]))
        w.pragmas = [p for p in PRAGMAS if wrng.random() < 0.35]
        # A source that is a view with GROUP BY (the rows of a point summed
        # before the table reads them), for some worlds.
        if wrng.random() < 0.2:
            w.source = "srcg"
            w.vt = difftest.vt_expression(w)
        db = common.connect(ext)
        try:
            keys = w.by + ["period"] + (["flow"] if w.module == "trade_imbalance" and not w.wide
                                        else [])
            sums = ["sum(ex) AS ex", "sum(im) AS im"] if w.wide else ["sum(amount) AS amount"]
            db.execute(w.create_source)
            db.execute("CREATE VIEW srcg AS SELECT %s, %s FROM src GROUP BY %s"
                       % (", ".join(keys), ", ".join(sums), ", ".join(keys)))
            w.create_source = w.create_source.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS")
            difftest.setup(db, w)
        except sqlite3.Error:
            db.close()
            continue
        stats["worlds"] += 1
        for p in w.pragmas:
            db.execute("PRAGMA " + p)
        n0 = len(fails)
        if w.pragmas:
            stats["compared"] += 1
            got = canon(db.execute("SELECT * FROM %s" % w.from_vt).fetchall())
            if got != canon(db.execute("SELECT * FROM m").fetchall()):
                fails.append((w, "SELECT * FROM %s" % w.from_vt, "m", None, None))
        qrng = random.Random(wrng.getrandbits(64))
        try:
            run_shapes(db, w, qrng, fails, stats)
            check_rowids(db, w, qrng, fails, stats)
            check_rebind(db, w, qrng, fails, stats)
            check_interleave(db, w, qrng, fails, stats)
            check_hidden_or(db, w, qrng, fails, stats)
        except sqlite3.Error as e:
            fails.append((w, "(reference query)", None, None, str(e)))
        for f in fails[n0:]:
            f[0].shown_pragmas = w.pragmas
        db.close()
    print("engine_shapes: seed %d, %d worlds, %d queries compared, %d differ, %d table-valued "
          "right operands of RIGHT/FULL JOIN refused as documented, %d copies answered by "
          "SQLite only without its automatic index (%.1f s)"
          % (opts["seed"], stats["worlds"], stats["compared"], len(fails),
             stats.get("right_operand", 0), stats.get("reference without automatic index", 0),
             time.time() - t0))
    for w, q, want, got, err in fails[:MAX_SHOWN]:
        print("world %d (pragmas %s):" % (w.id, w.pragmas))
        show_world(w)
        print("  query: %s" % q)
        print("  want:  %s" % (sorted(want, key=repr)[:6] if isinstance(want, list) else want))
        print("  got:   %s" % (err or (sorted(got, key=repr)[:6] if isinstance(got, list) else got)))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
