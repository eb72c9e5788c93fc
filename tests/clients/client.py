"""Python's sqlite3 module as a tradestat client: loads build/tradestat
with enable_load_extension + load_extension and runs one query of each
family that this build registers, comparing each result with a value
computed by hand.  A family not registered is reported as skipped, not
passed.  Run from the repository root by tests/clients/run_python.sh,
which picks a Python whose sqlite3 allows extension loading.
Exit status 0 when every check passed."""
import sqlite3
import sys

KOSIS = "sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv"

# (family, function or module it needs, query, expected first column)
CHECKS = [
    ("meta", "tradestat_version", "SELECT tradestat_version()", lambda v: v.count(".") == 2),
    ("period", "period_normalize", "SELECT period_normalize('2019 4/4 p)')", "2019-Q4"),
    # 1400 / 680.8 - 1 = 1.0564...
    ("growth", "pct_change", "SELECT round(pct_change(1400, 680.8), 2)", 105.64),
    ("growth", "yoy_growth",
     "SELECT round(yoy_growth(v, p), 2) FROM (SELECT 1400 AS v, '2023-H1' AS p "
     "UNION ALL SELECT 680.8, '2022-H1' UNION ALL SELECT 809.2, '2022-H2')", 105.64),
    # 451 / 1400 = 0.3221...
    ("trade", "trade_imbalance", "SELECT round(trade_imbalance(451, 1400, 'coverage'), 2)", 32.21),
    # 1400 / 0.5, as the scalar and as the aggregate over one row
    ("projection", "annual_run_rate", "SELECT annual_run_rate(1400, '2023-H1')", 2800),
    ("projection", "annual_projection",
     "SELECT annual_projection(v, p, 'run_rate') FROM (SELECT 1400 AS v, '2023-H1' AS p)", 2800),
    # Statistics Korea's published 2019 total and China's 2019 sales
    ("kosis_csv", "kosis_csv",
     "SELECT sum(value) FROM temp.k WHERE \"국가(대륙)별\" = '합계' AND 상품군별 = '합계' "
     "AND 판매유형별 = '계' AND period_year(period) = 2019", 5960859),
    ("kosis_csv", "kosis_csv",
     "SELECT sum(value) FROM temp.k WHERE \"국가(대륙)별\" = '중국' AND 상품군별 = '합계' "
     "AND 판매유형별 = '계' AND period_year(period) = 2019", 5161893),
    ("sparkline", "sparkline",
     "SELECT sparkline(v, p) FROM (SELECT 0 AS v, 2020 AS p UNION ALL SELECT 7, 2023 "
     "UNION ALL SELECT 2, 2022)", "▁ ▃█"),
]


def main():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension("build/tradestat")
    db.enable_load_extension(False)
    names = {r[0] for r in db.execute(
        "SELECT name FROM pragma_function_list UNION SELECT name FROM pragma_module_list")}
    if "kosis_csv" in names:
        db.execute(f"CREATE VIRTUAL TABLE temp.k USING kosis_csv(file='{KOSIS}')")
    passed = failed = skipped = 0
    for family, needs, sql, expected in CHECKS:
        if needs not in names:
            print(f"python client: skip {family:<10} {needs} is not registered in this build")
            skipped += 1
            continue
        try:
            got = db.execute(sql).fetchone()[0]
            ok = expected(got) if callable(expected) else got == expected
        except sqlite3.Error as e:
            got, ok = f"error: {e}", False
        print(f"python client: {'ok  ' if ok else 'FAIL'} {family:<10} {needs} = {got!r}")
        passed += ok
        failed += not ok
    # Errors reach Python as exceptions with the extension's exact text.
    if "kosis_csv" in names:
        try:
            db.execute("CREATE VIRTUAL TABLE temp.e USING kosis_csv(file='tests/data/ragged.csv')")
            ok, got = False, "no error"
        except sqlite3.OperationalError as e:
            got = str(e)
            ok = got == "kosis_csv: tests/data/ragged.csv line 3: 2 fields, but the header (line 1) has 3"
        print(f"python client: {'ok  ' if ok else 'FAIL'} kosis_csv  error text = {got!r}")
        passed += ok
        failed += not ok
    # Periods as this client binds them.  A float bound into a column
    # declared TEXT is stored as the text '2023.0' (as pandas' float years
    # and better-sqlite3's numbers are): refused naming the label; a
    # datetime, through the default adapter, is the day written, its
    # offset dropped ('2023-01-31 23:30:00+09:00' is 31 January).
    if "yoy_growth" in names:
        db.execute("CREATE TEMP TABLE pyp(p TEXT, v REAL)")
        db.executemany("INSERT INTO pyp VALUES (?, ?)", [(2022.0, 100.0), (2023.0, 110.0)])
        try:
            got = db.execute("SELECT yoy_growth(v, p) FROM pyp").fetchone()[0]
            ok = False
        except sqlite3.OperationalError as e:
            got = str(e)
            ok = got.startswith("yoy_growth(): argument 2 is not a period: '2022.0' (the text of the number "
                                "2022.0") and got.endswith("write the label '2022')")
        print(f"python client: {'ok  ' if ok else 'FAIL'} period     float in a TEXT column = {got!r}")
        passed += ok
        failed += not ok
        import datetime
        seoul = datetime.timezone(datetime.timedelta(hours=9))
        db.execute("CREATE TEMP TABLE pyd(d TEXT, v INTEGER)")
        db.executemany("INSERT INTO pyd VALUES (?, ?)", [
            (datetime.datetime(2022, 1, 31, 23, 30, tzinfo=seoul), 100),
            (datetime.datetime(2023, 1, 31, 23, 30, tzinfo=seoul), 150)])
        # 150 / 100 - 1, the two 31 Januaries written
        got = db.execute("SELECT period, prior_period, growth FROM yoy_growth('pyd', 'v', 'd') "
                         "WHERE period >= '2023'").fetchone()
        ok = got == ("2023-01-31", "2022-01-31", 50.0)
        print(f"python client: {'ok  ' if ok else 'FAIL'} period     datetime with an offset = {got!r}")
        passed += ok
        failed += not ok
    print(f"python client: {passed} passed, {failed} failed, {skipped} skipped "
          f"(Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
