#!/usr/bin/python3
"""The shipped data's figures, worked out without the extension.

The KOSIS file of sql/data/kosis/ is read with Python's csv module
(decoded from CP949) and every cell compared with what kosis_csv loads
from it; the figures Statistics Korea published for it (2019 and 2018
totals, Q4 2019 growth, China 2019), every region's 2019 total, growth,
share and contribution, and the article's half-year figures of
sql/data/article.sql (growths, the imbalance rows, the projections the
examples print) are computed with exact fractions and compared with the
extension's answers to the queries of sql/examples/.  Rounded to the
article's precision they must be its numbers: 1.40 trillion won, +106 %,
-40 %, 451 billion, 32 %.

    /usr/bin/python3 tests/trust/shipped_figures.py [EXT]
"""
import csv
import io
import os
import sys
from fractions import Fraction as F

import common

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
KOSIS = "sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv"
fails = []
checks = 0


def check(what, got, want):
    """An exact figure (int or None), or a REAL within 1e-12 relative."""
    global checks
    checks += 1
    if isinstance(want, F):
        ok = got is not None and not isinstance(got, str) and \
            abs(F(got) - want) <= abs(want) * F(1, 10**12)
    else:
        ok = got == want
    if not ok:
        fails.append("%s: got %r, want %r" % (what, got, float(want) if isinstance(want, F)
                                              else want))


def kosis_cells():
    """(region, product, type, 'YYYY-Qn', value or None, preliminary, label)
    for every cell of the file, in file order."""
    with open(os.path.join(ROOT, KOSIS), "rb") as f:
        rows = list(csv.reader(io.StringIO(f.read().decode("cp949"))))
    head, cells = rows[0], []
    for r in rows[1:]:
        if not any(r):
            continue
        for label, v in zip(head[3:], r[3:]):
            year, quarter = label[:4], label[5]  # '2019 4/4 p)'
            value = None if v.strip() == "-" else int(v.replace(",", ""))
            cells.append((r[0], r[1], r[2], "%s-Q%s" % (year, quarter), value,
                          1 if "p" in label[8:] else 0, label))
    return head, cells


def kosis_part(db):
    head, cells = kosis_cells()
    got = db.execute("SELECT * FROM temp.sales").fetchall()
    check("kosis_csv rows", len(got), len(cells))
    bad = [(w, g) for w, g in zip(cells, got) if tuple(g) != w]
    check("kosis_csv cells that differ from the file", bad[:3], [])
    check("kosis_csv columns", [d[0] for d in db.execute("SELECT * FROM temp.sales").description],
          head[:3] + ["period", "value", "preliminary", "label"])

    def total(region, year, quarter=None):
        return sum(c[4] for c in cells if c[0] == region and c[1] == "합계" and c[2] == "계"
                   and c[4] is not None and c[3][:4] == str(year)
                   and (quarter is None or c[3][6] == str(quarter)))

    # Statistics Korea's release for this download.
    check("2019 total (published 5,960,859)", total("합계", 2019), 5960859)
    check("2018 total (published 3,603,870)", total("합계", 2018), 3603870)
    check("China 2019 (published 5,161,893)", total("중국", 2019), 5161893)
    q4 = F(total("합계", 2019, 4) - total("합계", 2018, 4), total("합계", 2018, 4)) * 100
    check("Q4 2019 growth rounds to the published 92.9", round(float(q4), 1), 92.9)
    # 40_kosis.sql: the yearly totals and their growth.
    got = db.execute("""
        SELECT period_year(period), sum(value),
               pct_change(sum(value), lag(sum(value)) OVER (ORDER BY period_year(period)))
        FROM temp.region_total WHERE region = '합계' GROUP BY 1 ORDER BY 1""").fetchall()
    for y, s, g in got:
        check("%d total" % y, s, total("합계", y))
        if y > 2014:
            check("%d growth" % y, g, F(total("합계", y) - total("합계", y - 1),
                                      total("합계", y - 1)) * 100)
    check("years", [r[0] for r in got], list(range(2014, 2020)))
    got = db.execute("""SELECT value, prior_value, growth, ytd_value FROM
        yoy_growth('temp.region_total', 'value', 'period', 'region')
        WHERE series = '합계' AND period = '2019-Q4'""").fetchall()
    check("Q4 2019 row", got[0][:2] + (got[0][3],),
          (total("합계", 2019, 4), total("합계", 2018, 4), total("합계", 2019)))
    check("Q4 2019 growth", got[0][2], q4)
    # 50_contribution.sql: every region's 2019 growth, share, contribution.
    regions = sorted({c[0] for c in cells})
    t19, t18 = total("합계", 2019), total("합계", 2018)
    check("regions add up to the file's 합계 in 2019",
          sum(total(r, 2019) for r in regions if r != "합계"), t19)
    got = {r[0]: r[1:] for r in db.execute(
        "SELECT region, value, growth, share, contribution FROM temp.region_growth "
        "WHERE period = '2019'")}
    check("regions of 2019", sorted(got), regions)
    for r in regions:
        v, p = total(r, 2019), total(r, 2018)
        value, growth, share, contribution = got.get(r, (None,) * 4)
        check("%s 2019" % r, value, v)
        check("%s growth" % r, growth, F(v - p, p) * 100)
        check("%s share" % r, share, F(v, t19) * 100)
        check("%s contribution" % r, contribution, F(v - p, t18) * 100)


def article_part(db):
    rows = {(p, f): F(str(a)) for p, f, a in db.execute(
        "SELECT period, flow, CAST(amount AS TEXT) FROM direct_trade WHERE partner = 'China'")}
    x23, m23 = rows[("2023-H1", "export")], rows[("2023-H1", "import")]
    x22, m22 = rows[("2022-H1", "export")], rows[("2022-H1", "import")]
    m22h2 = rows[("2022-H2", "import")]
    check("1.40 trillion won", float(m23 / 1000), 1.4)
    check("451 billion won", x23, F(451))
    check("+106 %", round(float((m23 - m22) / m22 * 100)), 106)
    check("-40 %", round(float((x23 - x22) / x22 * 100)), -40)
    check("32 %", round(float(x23 / m23 * 100)), 32)
    got = {r[0]: r[1:] for r in db.execute(
        "SELECT flow, growth FROM temp.purchases WHERE partner = 'China' AND period = '2023-H1'")}
    check("import growth", got["import"][0], (m23 - m22) / m22 * 100)
    check("export growth", got["export"][0], (x23 - x22) / x22 * 100)

    cols = ("exports, imports, balance, coverage, normalized, grubel_lloyd, prior_balance, "
            "balance_change, balance_growth, exports_growth, imports_growth, coverage_change")
    got = db.execute("SELECT period, %s, note FROM trade_imbalance('direct_trade', 'amount', "
                     "'period', 'flow', 'partner') WHERE series = 'China' ORDER BY period"
                     % cols).fetchall()
    check("China periods", [r[0] for r in got], ["2022-H1", "2022-H2", "2023-H1"])

    def measures(x, m):
        return [x, m, x - m, x / m * 100, (x - m) / (x + m) * 100,
                2 * min(x, m) / (x + m) * 100]
    b22, b23 = x22 - m22, x23 - m23
    want = {
        "2022-H1": measures(x22, m22) + [None] * 6 + ["no prior period"],
        "2022-H2": [None, m22h2] + [None] * 10 + ["no exports"],
        "2023-H1": measures(x23, m23) + [b22, b23 - b22, (b23 - b22) / abs(b22) * 100,
                                         (x23 - x22) / x22 * 100, (m23 - m22) / m22 * 100,
                                         x23 / m23 * 100 - x22 / m22 * 100, None],
    }
    for r in got:
        for name, g, w in zip(cols.split(", ") + ["note"], r[1:], want.get(r[0], [])):
            check("China %s %s" % (r[0], name), g, w)
    # 30_projection.sql: 2023 imports from China from H1 alone.
    proj = dict(db.execute("""
        SELECT m, annual_projection(amount, period, m) FROM direct_trade,
          (SELECT 'run_rate' AS m UNION ALL SELECT 'prior_share' UNION ALL SELECT 'snaive')
        WHERE flow = 'import' AND partner = 'China' GROUP BY m"""))
    check("run_rate", proj["run_rate"], m23 * 2)
    check("prior_share", proj["prior_share"], m23 * (m22 + m22h2) / m22)
    check("snaive", proj["snaive"], m23 + m22h2)


def main():
    ext, _ = common.parse_args(sys.argv[1:])
    ext = os.path.abspath(ext)
    os.chdir(ROOT)
    db = common.connect(ext)
    with open("sql/schema.sql") as f:
        db.executescript(f.read())
    with open("sql/data/article.sql") as f:
        db.executescript(f.read())
    db.executescript("""
        CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='%s');
        CREATE TEMP VIEW region_total AS SELECT "국가(대륙)별" AS region, period, value
          FROM temp.sales WHERE 상품군별 = '합계' AND 판매유형별 = '계';
        CREATE TEMP TABLE region_sales AS SELECT * FROM temp.region_total;
        CREATE VIRTUAL TABLE temp.region_growth USING yoy_growth(source='temp.region_sales',
          value=value, period=period, by=region, grain=year, total='합계');
        CREATE VIRTUAL TABLE temp.purchases USING yoy_growth(
          source=direct_trade, value=amount, period=period, by='flow, partner');
        """ % KOSIS)
    kosis_part(db)
    article_part(db)
    for msg in fails:
        print("shipped figures: FAILED: " + msg)
    print("shipped figures: %d checks, %d failed" % (checks, len(fails)))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
