#!/usr/bin/python3
"""Rows that share a series and a period, in the three series tables.

Without grain= each series has one row per period: a second row (a
duplicate, the same month written '2023.06' and '2023-06', a by= list
that leaves out a dimension so totals and sub-totals meet) is an error
naming the series and the period -- never a silent sum.

With grain= rows are summed on purpose, and a rolled-up period is
complete only when every month of it has a row, whatever mix of kinds
(a quarter row plus months) and label forms: otherwise 'incomplete
period' and no growth, no projection.  A period next to a finer one
inside it (a year row and its months) is an error: it would count the
same months twice.

    /usr/bin/python3 tests/trust/duplicates.py [build/tradestat]

Each case prints ok or FAIL; exits 1 if any failed.
"""
import sqlite3
import sys

import common

EXT = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
failures = 0


def connect():
    return common.connect(EXT)


def months(y, first=1, last=12, fmt="%d-%02d"):
    return [fmt % (y, m) for m in range(first, last + 1)]


def report(name, ok, detail):
    global failures
    print("%s  %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else "\n      " + detail))
    failures += 0 if ok else 1


def expect_error(name, db, sql, *parts):
    try:
        rows = db.execute(sql).fetchall()
    except sqlite3.Error as e:
        msg = str(e)
        missing = [p for p in parts if p not in msg]
        report(name, not missing, "error %r lacks %r" % (msg, missing))
        return
    report(name, False, "no error; rows %r" % rows[:6])


def expect_rows(name, db, sql, want):
    try:
        got = db.execute(sql).fetchall()
    except sqlite3.Error as e:
        report(name, False, "error: %s" % e)
        return
    report(name, got == want, "got %r\n      want %r" % (got, want))


def monthly(db, table="m", extra=()):
    """Seoul: 2022-01 .. 2023-12, value 100 + month index."""
    db.execute("CREATE TABLE %s(region TEXT, period TEXT, v INTEGER)" % table)
    rows = [("Seoul", p, 100 + i) for i, p in enumerate(months(2022) + months(2023))]
    db.executemany("INSERT INTO %s VALUES (?, ?, ?)" % table, rows + list(extra))


def no_grain_cases():
    # 1. A duplicate row, in each module and in the table-valued form.
    db = connect()
    monthly(db, extra=[("Seoul", "2023-06", 5)])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=m, value=v, period=period, by=region)")
    expect_error("duplicate row: yoy_growth names series and period", db,
                 "SELECT * FROM y", "yoy_growth", "2 rows", "'2023-06'", "region='Seoul'")
    expect_error("duplicate row: yoy_growth(...) table-valued form", db,
                 "SELECT * FROM yoy_growth('m', 'v', 'period', 'region')", "2 rows", "'2023-06'", "region='Seoul'")
    expect_error("duplicate row: filtered to its series and year still seen", db,
                 "SELECT growth FROM y WHERE region = 'Seoul' AND period = '2023-06'", "2 rows", "'2023-06'")
    db.execute("CREATE VIRTUAL TABLE p USING annual_projection(source=m, value=v, period=period, by=region)")
    expect_error("duplicate row: annual_projection", db, "SELECT * FROM p",
                 "annual_projection", "2 rows", "'2023-06'", "region='Seoul'")
    db.execute("CREATE TABLE w(region TEXT, period TEXT, x INTEGER, i INTEGER)")
    db.executemany("INSERT INTO w VALUES ('Seoul', ?, 10, 7)", [(p,) for p in months(2022) + months(2023)])
    db.execute("INSERT INTO w VALUES ('Seoul', '2022-03', 1, 1)")
    db.execute("CREATE VIRTUAL TABLE tw USING trade_imbalance(source=w, exports=x, imports=i, period=period, by=region)")
    expect_error("duplicate row: trade_imbalance wide", db, "SELECT * FROM tw",
                 "trade_imbalance", "2 rows", 'column "x"', "'2022-03'", "region='Seoul'")
    db.execute("CREATE TABLE l(region TEXT, period TEXT, flow TEXT, v INTEGER)")
    db.executemany("INSERT INTO l VALUES ('Seoul', ?, ?, 10)",
                   [(p, f) for p in months(2022) + months(2023) for f in ("export", "import")])
    expect_rows("export and import rows of one period are not duplicates", db,
                "SELECT count(*), sum(exports), sum(imports) FROM trade_imbalance('l', 'v', 'period', 'flow', 'region')",
                [(24, 240, 240)])
    db.execute("INSERT INTO l VALUES ('Seoul', '2023-02', 'import', 3)")
    expect_error("duplicate row: trade_imbalance long names the flow", db,
                 "SELECT * FROM trade_imbalance('l', 'v', 'period', 'flow', 'region')",
                 "2 rows", "'import' side of \"flow\"", "'2023-02'", "region='Seoul'")

    # 2. One month written in two forms.
    db = connect()
    monthly(db, extra=[("Seoul", "2023.06", 7)])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=m, value=v, period=period, by=region)")
    expect_error("one month as '2023.06' and '2023-06'", db, "SELECT * FROM y", "2 rows", "'2023-06'")

    # 3. A KOSIS table read by region only: the total and its parts.
    db = connect()
    db.execute("CREATE TABLE kosis(region TEXT, item TEXT, period TEXT, v INTEGER)")
    rows = []
    for y in (2022, 2023):
        for p in months(y, fmt="%d.%02d"):
            a, b = 10 * y % 97 + int(p[-2:]), 3 * int(p[-2:])
            for item, v in (("Total", 2 * (a + b)), ("Goods", a + b), ("Goods: food", a), ("Goods: other", b)):
                rows.append(("Seoul", item, p, v))
    db.executemany("INSERT INTO kosis VALUES (?, ?, ?, ?)", rows)
    db.execute("CREATE VIRTUAL TABLE k USING yoy_growth(source=kosis, value=v, period=period, by=region)")
    expect_error("KOSIS total and sub-totals under by=region", db, "SELECT * FROM k",
                 "4 rows", "region='Seoul'", "'2022-01'", "by=")
    db.execute("CREATE VIRTUAL TABLE k2 USING yoy_growth(source=kosis, value=v, period=period, by='region, item')")
    expect_rows("... by='region, item' gives one series per item", db,
                "SELECT item, count(*), sum(value) FROM k2 GROUP BY item ORDER BY item",
                [(i, 24, sum(r[3] for r in rows if r[1] == i)) for i in sorted({r[1] for r in rows})])

    # 4. A NULL value next to a value is one row (NULLs are skipped, as sum() does).
    db = connect()
    monthly(db, extra=[("Seoul", "2023-06", None)])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=m, value=v, period=period, by=region)")
    expect_rows("a NULL value is no second row", db, "SELECT value FROM y WHERE period = '2023-06'", [(117,)])


def grain_cases():
    # 5. grain= sums on purpose: several rows of one month.
    db = connect()
    db.execute("CREATE TABLE c(period TEXT, cat TEXT, v INTEGER)")
    db.executemany("INSERT INTO c VALUES (?, ?, ?)",
                   [(p, cat, n) for p in months(2022) + months(2023) for cat, n in (("a", 1), ("b", 2), ("c", 4))])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=c, value=v, period=period, grain=month)")
    expect_rows("grain=month sums the rows of a month", db,
                "SELECT count(*), sum(value), count(growth), max(note) FROM y", [(24, 24 * 7, 12, "no prior period")])
    expect_rows("... in the table-valued form too (its options argument)", db,
                "SELECT count(*), sum(value), count(growth) FROM yoy_growth('c', 'v', 'period', NULL, 'grain=month')",
                [(24, 24 * 7, 12)])
    expect_error("... and without it the table-valued form stops", db,
                 "SELECT * FROM yoy_growth('c', 'v', 'period')", "3 rows", "'2022-01'", "grain=month")

    # 6. grain=year: a year made of a quarter row and months.
    db = connect()
    db.execute("CREATE TABLE q(period TEXT, v INTEGER)")
    db.executemany("INSERT INTO q VALUES (?, 10)", [(p,) for p in months(2021)])
    db.executemany("INSERT INTO q VALUES (?, ?)", [("2022-Q1", 60)] + [(p, 12) for p in months(2022, 4)])
    db.executemany("INSERT INTO q VALUES (?, ?)", [("2023-Q1", 60), ("2023-04", 12), ("2023-05", 12)])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=q, value=v, period=period, grain=year)")
    expect_rows("Q1 row + April..December is a whole year; Q1 + April + May is not", db,
                "SELECT period, value, round(growth, 6), note FROM y",
                [("2021", 120, None, "no prior period"), ("2022", 168, 40.0, None),
                 ("2023", 84, None, "incomplete period")])

    # 7. grain=quarter: months in two label forms, one missing.
    db = connect()
    db.execute("CREATE TABLE q(period TEXT, v INTEGER)")
    db.executemany("INSERT INTO q VALUES (?, 10)", [(p,) for p in months(2022)])
    db.executemany("INSERT INTO q VALUES (?, 11)", [("2023.01",), ("2023-02",), ("2023.03",),
                                                    ("2023.04",), ("2023-05",), ("2023.07",)])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=q, value=v, period=period, grain=quarter)")
    expect_rows("a quarter of '2023.04' and '2023-05' (June missing) is incomplete", db,
                "SELECT period, value, round(growth, 6), note FROM y WHERE period >= '2023'",
                [("2023-Q1", 33, 10.0, None), ("2023-Q2", 22, None, "incomplete period"),
                 ("2023-Q3", 11, None, "incomplete period")])
    expect_rows("... and breaks the year-to-date after it", db,
                "SELECT period, ytd_value, ytd_growth IS NULL FROM y WHERE period >= '2023'",
                [("2023-Q1", 33, 0), ("2023-Q2", None, 1), ("2023-Q3", None, 1)])

    # 8. A period next to a finer one inside it would count months twice.
    db = connect()
    db.execute("CREATE TABLE t(region TEXT, period TEXT, v INTEGER)")
    db.executemany("INSERT INTO t VALUES ('Busan', ?, 5)", [(p,) for p in months(2022) + ["2022"]])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=t, value=v, period=period, by=region, grain=year)")
    expect_error("a year row and its months under grain=year", db, "SELECT * FROM y",
                 "'2022'", "region='Busan'", "year", "month", "twice")
    db.execute("DELETE FROM t")
    db.executemany("INSERT INTO t VALUES ('Busan', ?, 5)", [("2022-Q2",), ("2022.04",)])
    db.execute("CREATE VIRTUAL TABLE y2 USING yoy_growth(source=t, value=v, period=period, by=region, grain=quarter)")
    expect_error("a quarter row and one of its months", db, "SELECT * FROM y2", "'2022-Q2'", "quarter", "month")

    # 9. Days next to months: a day covers its month, May still missing.
    db = connect()
    db.execute("CREATE TABLE d(period TEXT, v INTEGER)")
    db.executemany("INSERT INTO d VALUES (?, 1)", [(p,) for p in months(2022)] +
                   [("2023-04",), ("2023-06-15",), ("2023-06-16",)])
    db.execute("CREATE VIRTUAL TABLE y USING yoy_growth(source=d, value=v, period=period, grain=quarter)")
    expect_rows("April as a month, June as days, no May: incomplete", db,
                "SELECT period, value, growth, note FROM y WHERE period = '2023-Q2'",
                [("2023-Q2", 3, None, "incomplete period")])
    # Days alone are events inside the data, not past its ends: a quarter
    # of days is complete when the source holds days up to its end (and
    # from its start), whichever series they belong to.
    db.execute("CREATE TABLE dd(k TEXT, period TEXT, v INTEGER)")
    db.executemany("INSERT INTO dd VALUES ('a', ?, 1)", [("2022-04-01",), ("2023-04-01",), ("2023-04-02",)])
    db.execute("CREATE VIRTUAL TABLE y2 USING yoy_growth(source=dd, value=v, period=period, by=k, grain=quarter)")
    expect_rows("days alone: a quarter reaching past the source's last day is incomplete", db,
                "SELECT period, value, growth, note FROM y2",
                [("2022-Q2", 1, None, "no prior period"), ("2023-Q2", 2, None, "incomplete period")])
    db.execute("INSERT INTO dd VALUES ('b', '2023-06-30', 1)")
    expect_rows("... another series' day on 30 June ends it: a day without a row is a day without sales",
                db, "SELECT period, value, growth, note FROM y2 WHERE k = 'a'",
                [("2022-Q2", 1, None, "no prior period"), ("2023-Q2", 2, 100.0, "incomplete year-to-date")])
    db.execute("INSERT INTO dd VALUES ('b', '2022-05-01', 1)")
    # b's own days begin on 1 May 2022: its Q2 2022 reaches before them and
    # is incomplete, so its 2023-Q2 has no growth (0.0 before the series'
    # own first day counted), with the whole source read or not.
    expect_rows("... a WHERE on the series or the period does not change it", db,
                "SELECT period, growth, note FROM y2 WHERE k = 'b' AND period >= '2023'",
                [("2023-Q2", None, "incomplete prior period")])
    expect_rows("... b's rows read whole: its first quarter incomplete", db,
                "SELECT period, value, growth, note FROM y2 WHERE k = 'b'",
                [("2022-Q2", 1, None, "incomplete period"), ("2023-Q2", 1, None, "incomplete prior period")])
    db.execute("CREATE TABLE de(period TEXT, v INTEGER)")
    db.executemany("INSERT INTO de VALUES (?, 1)", [("2022-05-02",), ("2022-06-30",), ("2023-04-01",),
                                                    ("2023-06-30",)])
    db.execute("CREATE VIRTUAL TABLE y3 USING yoy_growth(source=de, value=v, period=period, grain=quarter)")
    expect_rows("... a quarter starting before the source's first day is incomplete too", db,
                "SELECT period, value, note FROM y3",
                [("2022-Q2", 2, "incomplete period"), ("2023-Q2", 2, "incomplete prior period")])

    # 10. trade_imbalance: an incomplete side gives no growth.
    db = connect()
    db.execute("CREATE TABLE l(period TEXT, flow TEXT, v INTEGER)")
    db.executemany("INSERT INTO l VALUES (?, ?, 10)",
                   [(p, f) for p in months(2022) + months(2023) for f in ("export", "import")
                    if not (f == "export" and p in ("2023-04", "2023-05", "2023-06"))])
    db.executemany("INSERT INTO l VALUES (?, 'export', 10)", [("2023.04",), ("2023-05",)])
    db.execute("CREATE VIRTUAL TABLE t USING trade_imbalance(source=l, value=v, period=period, flow=flow, grain=quarter)")
    expect_rows("trade_imbalance: exports of '2023.04' and '2023-05' only", db,
                "SELECT period, exports, exports_growth, balance_growth, note FROM t WHERE period = '2023-Q2'",
                [("2023-Q2", 20, None, None, "incomplete period")])

    # 11. annual_projection: an incomplete quarter is no observation.
    db = connect()
    db.execute("CREATE TABLE q(period TEXT, v INTEGER)")
    db.executemany("INSERT INTO q VALUES (?, 10)", [(p,) for p in months(2021) + months(2022) + months(2023, 1, 3)])
    db.executemany("INSERT INTO q VALUES (?, 10)", [("2023.04",), ("2023-05",)])
    db.execute("CREATE VIRTUAL TABLE p USING annual_projection(source=q, value=v, period=period, "
               "grain=quarter, through=Q2, method=prior_share)")
    expect_rows("annual_projection: Q2 of '2023.04' and '2023-05' gives no projection", db,
                "SELECT year, periods_observed, ytd, projection, note FROM p WHERE year = 2023",
                [(2023, 1, None, None, "incomplete period")])
    db.execute("CREATE VIRTUAL TABLE p2 USING annual_projection(source=q, value=v, period=period, "
               "grain=quarter, through=Q1, method=prior_share)")
    expect_rows("... from Q1 it projects, and the year has no actual", db,
                "SELECT year, ytd, projection, actual FROM p2 WHERE year = 2023", [(2023, 30, 120.0, None)])


def main():
    no_grain_cases()
    grain_cases()
    if failures:
        print("duplicates: %d case(s) FAILED" % failures)
        sys.exit(1)
    print("duplicates: every case holds")


if __name__ == "__main__":
    main()
