#!/usr/bin/python3
"""What annual_projection costs as the inner loop of a join, in a
correlated subquery, and with a fixed method's intervals under a year
bound: CPU seconds and ratios against the plain query, never a timed
assertion (the answers of every shape must agree, or it fails).

    /usr/bin/python3 tests/trust/projection_join_bench.py build/tradestat [OTHER_BUILD ...]

Each build given is measured on the same data (a seeded source of
P partners x 5 categories x 2 flows, monthly, 12 years; P=40 unless
PARTNERS=n is set), so an older build shows the before and after.  Shapes:
  plain     SELECT ... FROM proj                        (one filter)
  join      FROM partners p CROSS JOIN proj a ON a.partner = p.name
            (one filter per partner, on one cursor)
  subquery  SELECT (SELECT ... FROM proj WHERE partner = p.name AND ...)
            FROM partners p   (a new cursor per partner)
  year      a fixed method's low under WHERE year = Y, against its
            projections alone under the same bound
"""
import os
import random
import sqlite3
import sys
import time

import common

PARTNERS = int(os.environ.get("PARTNERS", "40"))
YEAR = 2010


def make_source(con):
    rnd = random.Random(7)
    con.execute("CREATE TABLE direct_trade(period TEXT, flow TEXT, partner TEXT, category TEXT, "
                "amount INTEGER)")
    rows = []
    for p in range(PARTNERS):
        for c in range(5):
            for flow in ("export", "import"):
                level, trend = rnd.uniform(1e3, 1e5), rnd.uniform(-0.01, 0.02)
                for m in range(144):  # 2000-01 .. 2011-12
                    season = 1 + 0.3 * ((m % 12) in (5, 6, 11))
                    amount = int(level * (1 + trend) ** m * season * rnd.uniform(0.85, 1.15))
                    rows.append(("%d-%02d" % (2000 + m // 12, m % 12 + 1), flow, "P%d" % p,
                                 "C%d" % c, amount))
    con.executemany("INSERT INTO direct_trade VALUES (?, ?, ?, ?, ?)", rows)
    con.execute("CREATE INDEX dt_by ON direct_trade(flow, partner, category, period)")
    con.execute("CREATE TABLE partners AS SELECT DISTINCT partner AS name FROM direct_trade")
    con.execute("ANALYZE")


def cpu(con, sql):
    t = time.process_time()
    rows = con.execute(sql).fetchall()
    return time.process_time() - t, rows


def close(a, b):
    return all(x == y or (isinstance(x, float) and y is not None and abs(x - y) <= 1e-9 * abs(y))
               for x, y in zip(a, b))


def bench(ext, db):
    con = common.connect(ext, db)
    for m in ("auto", "snaive", "prior_share"):
        con.execute("CREATE VIRTUAL TABLE temp.p_%s USING annual_projection(source=direct_trade, "
                    "value=amount, period=period, by='flow, partner, category', method=%s, "
                    "through=H1)" % (m, m))
    out, bad = [], []
    for m in ("auto", "snaive", "prior_share"):
        t_plain, plain = cpu(con, "SELECT count(*), sum(projection), sum(low) FROM temp.p_%s" % m)
        t_join, join = cpu(con, "SELECT count(*), sum(a.projection), sum(a.low) FROM partners p "
                                "CROSS JOIN temp.p_%s a ON a.partner = p.name" % m)
        t_one, one = cpu(con, "SELECT count(*), sum(low) FROM temp.p_%s WHERE flow = 'export' "
                              "AND category = 'C1' AND year = %d" % (m, YEAR))
        t_sub, sub = cpu(con, "SELECT count(*), sum((SELECT low FROM temp.p_%s WHERE partner = "
                              "p.name AND flow = 'export' AND category = 'C1' AND year = %d)) "
                              "FROM partners p" % (m, YEAR))
        if not close(plain[0], join[0]):
            bad.append("%s: join %r, plain %r" % (m, join[0], plain[0]))
        if not close(one[0], sub[0]):
            bad.append("%s: subquery %r, plain %r" % (m, sub[0], one[0]))
        out.append("  %-12s plain %.3f s, join %.3f s (%.1f x plain), subquery %.3f s "
                   "(%.1f x its plain query's %.3f s)"
                   % (m, t_plain, t_join, t_join / t_plain, t_sub, t_sub / t_one, t_one))
    t_proj, _ = cpu(con, "SELECT count(*), sum(projection) FROM temp.p_snaive WHERE year = %d" % YEAR)
    t_low, _ = cpu(con, "SELECT count(*), sum(projection), sum(low) FROM temp.p_snaive "
                        "WHERE year = %d" % YEAR)
    out.append("  snaive WHERE year = %d: projections %.3f s, with low %.3f s (%.1f x)"
               % (YEAR, t_proj, t_low, t_low / t_proj))
    con.close()
    return out, bad


def main():
    builds = sys.argv[1:] or ["build/tradestat"]
    db = "/tmp/projection_join_bench_%d.db" % os.getpid()
    try:
        con = sqlite3.connect(db)
        make_source(con)
        con.commit()
        n = con.execute("SELECT count(*) FROM direct_trade").fetchone()[0]
        con.close()
        print("annual_projection in joins: %d rows, %d series, %d partners (CPU seconds)"
              % (n, PARTNERS * 10, PARTNERS))
        failed = []
        for ext in builds:
            out, bad = bench(ext, db)
            print(ext)
            print("\n".join(out))
            failed += ["%s: %s" % (ext, b) for b in bad]
        for f in failed:
            print("projection join bench: FAIL " + f)
        if failed:
            sys.exit(1)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)


if __name__ == "__main__":
    main()
