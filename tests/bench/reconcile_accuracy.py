#!/usr/bin/python3
"""Does reconciling a hierarchy make annual_projection more accurate?

On the shipped KOSIS file (overseas direct sales by region, product group
and sales type, quarterly 2014-2019), every complete year is projected
from Q1, Q2 and Q3 (a backtest: only earlier data is used), by every
method, three ways:

  own        annual_projection without reconcile= (each series alone);
  bottom_up  annual_projection with reconcile= (the totals' rows);
  wls        MinT-style weighted least squares (computed here, from the
             unreconciled rows): each series' projected rest of the year
             is adjusted so the parts add up to the total, the adjustment
             shared in proportion to each series' error variance -- the
             mean squared error of its own earlier backtest years (latest
             4, at least 2), else every series of the group gets equal
             weight per part beneath it (structural scaling).

and the mean absolute percentage error of the totals (and of the parts,
which bottom-up never changes) is compared over the same cases: complete
years whose total and every part have a projection, the total a non-zero
actual (a part's APE is counted where its actual is non-zero).

    /usr/bin/python3 tests/bench/reconcile_accuracy.py build/tradestat [HIERARCHY]

HIERARCHY: region (default), product or type.  Prints ratios and
percentages only; asserts nothing.
"""
import sqlite3
import sys

FILE = "sql/data/kosis/overseas_direct_sales_by_region_product_202002.cp949.csv"
COLS = ['"국가(대륙)별"', "상품군별", "판매유형별"]
TOTAL = {"region": (0, "합계"), "product": (1, "합계"), "type": (2, "계")}
METHODS = ["run_rate", "prior_share", "avg_share", "snaive", "linear", "holt_winters", "theta",
           "auto"]
THROUGH = ["Q1", "Q2", "Q3"]
ERROR_YEARS = 4


def rows(db, table):
    by = ", ".join(COLS)
    out = {}
    for r in db.execute(f"SELECT {by}, year, ytd, projection, actual FROM {table}"):
        out[(r[0], r[1], r[2], r[3])] = (r[4], r[5], r[6])
    return out


def variance(own, key, year):
    """Mean squared error of the series' backtest in the latest earlier years."""
    errs = []
    for y in range(year - ERROR_YEARS, year):
        v = own.get(key[:3] + (y,))
        if v and v[1] is not None and v[2] is not None:
            errs.append((v[1] - v[2]) ** 2)
    return sum(errs) / len(errs) if len(errs) >= 2 else None


def wls_total(own, tkey, pkeys, year):
    """The total's projection after WLS reconciliation of the remainders:
    minimise sum (x_i - r_i)^2 / w_i over the parts and the total subject to
    x_total = sum x_parts; closed form for one level."""
    t = own[tkey]
    rt = t[1] - t[0]
    parts = [own[k] for k in pkeys]
    rp = [p[1] - p[0] for p in parts]
    w = [variance(own, k, year) for k in pkeys]
    wt = variance(own, tkey, year)
    if wt is None or any(x is None for x in w) or wt + sum(w) == 0:
        w, wt = [1.0] * len(pkeys), float(len(pkeys))  # structural scaling
    gap = rt - sum(rp)
    share = sum(w) / (wt + sum(w))
    return t[0] + sum(rp) + share * gap, [p[1] + wi / (wt + sum(w)) * gap for p, wi in zip(parts, w)]


def ape(p, a):
    return abs(p - a) / abs(a) * 100


def main():
    ext = sys.argv[1] if len(sys.argv) > 1 else "build/tradestat"
    level = sys.argv[2] if len(sys.argv) > 2 else "region"
    col, label = TOTAL[level]
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(ext)
    db.execute(f"CREATE VIRTUAL TABLE temp.sales USING kosis_csv(file='{FILE}')")
    by = ", ".join(COLS).replace("'", "''")
    rec = f"{COLS[col]}={label}".replace("'", "''")
    print(f"KOSIS quarterly, hierarchy {level} (total '{label}'): APE % of projections of complete"
          " years from Q1, Q2, Q3 (only earlier data used)")
    grand, by_point = {}, {}
    for m in METHODS:
        g = grand[m] = {"t": [], "top": [], "p_own": [], "p_wls": []}
        for th in THROUGH:
            here_t, here_top = by_point.setdefault((m, th), ([], []))
            for name, extra in (("u", ""), ("r", f", reconcile='{rec}'")):
                db.execute(f"DROP TABLE IF EXISTS temp.{name}")
                db.execute(f"CREATE VIRTUAL TABLE temp.{name} USING annual_projection(source=sales,"
                           f" value=value, period=period, by='{by}', method={m}, through={th}"
                           f"{extra})")
            own, bu = rows(db, "u"), rows(db, "r")
            for tk in [k for k in own if k[col] == label]:
                pk = [k for k in own if k[col] != label and k[3] == tk[3] and
                      all(k[i] == tk[i] for i in range(3) if i != col)]
                ycase = [own[tk]] + [own[k] for k in pk]
                if not pk or any(v[1] is None or v[2] is None for v in ycase) or own[tk][2] == 0:
                    continue
                if bu[tk][1] is None:
                    continue
                a = own[tk][2]
                # the extension's bottom-up against the same sum made here
                here = own[tk][0] + sum(own[k][1] - own[k][0] for k in pk)
                assert abs(max(here, own[tk][0]) - bu[tk][1]) <= 1e-6 * abs(a), (tk, here, bu[tk])
                wt, wp = wls_total(own, tk, pk, tk[3])
                case = (ape(own[tk][1], a), ape(bu[tk][1], a), ape(wt, a))
                g["t"].append(case)
                here_t.append(case)
                if all(tk[i] == TOTAL[h][1] for h, (i, _) in TOTAL.items() if h != "type") and \
                        tk[2] == "계":
                    g["top"].append(case)
                    here_top.append(case)
                for k, x in zip(pk, wp):
                    if own[k][2] != 0:
                        g["p_own"].append(ape(own[k][1], own[k][2]))
                        g["p_wls"].append(ape(x, own[k][2]))
    print("| method       | totals | MAPE own | bottom_up |    wls | median own | bottom_up |"
          " grand total: n | own | bottom_up | wls | parts MAPE own | wls |")
    print("|--------------|--------|----------|-----------|--------|------------|-----------|"
          "----------------|-----|-----------|-----|----------------|-----|")
    for m, g in grand.items():
        t, top = g["t"], g["top"]
        col_mean = [mean([c[i] for c in t]) for i in range(3)]
        top_mean = [mean([c[i] for c in top]) for i in range(3)]
        print(f"| {m:<12} | {len(t):>6} | {col_mean[0]:>8.2f} | {col_mean[1]:>9.2f} |"
              f" {col_mean[2]:>6.2f} | {median([c[0] for c in t]):>10.2f} |"
              f" {median([c[1] for c in t]):>9.2f} | {len(top):>14} | {top_mean[0]:.2f} |"
              f" {top_mean[1]:.2f} | {top_mean[2]:.2f} | {mean(g['p_own']):.2f} |"
              f" {mean(g['p_wls']):.2f} |")


    print("\nBy point of the year (MAPE %): every total, and the grand total")
    print("| method       | from | totals |    own | bottom_up |    wls | grand: n |    own |"
          " bottom_up |    wls |")
    print("|--------------|------|--------|--------|-----------|--------|----------|--------|"
          "-----------|--------|")
    for (m, th), (t, top) in by_point.items():
        a = [mean([c[i] for c in t]) for i in range(3)]
        b = [mean([c[i] for c in top]) for i in range(3)]
        print(f"| {m:<12} | {th:<4} | {len(t):>6} | {a[0]:>6.2f} | {a[1]:>9.2f} | {a[2]:>6.2f} |"
              f" {len(top):>8} | {b[0]:>6.2f} | {b[1]:>9.2f} | {b[2]:>6.2f} |")


def mean(v):
    return sum(v) / len(v) if v else float("nan")


def median(v):
    v = sorted(v)
    n = len(v)
    return float("nan") if n == 0 else (v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2)


if __name__ == "__main__":
    main()
