"""No result depends on the host's LC_NUMERIC.

A GUI host (Qt, GTK) calls setlocale(LC_ALL, "") and may run under a
comma-decimal locale such as de_DE, where the C library's strtod reads
'12.5' as 12.  The functions are DETERMINISTIC, so a locale-dependent
result could corrupt an index built on them.  This check switches this
very process to de_DE.UTF-8 (compiled by the Makefile with localedef into
the build folder, found through LOCPATH), proves the switch took effect on
the C library, then requires every number read from TEXT to be read as in
the C locale.

    LOCPATH=build/locale /usr/bin/python3 tests/trust/locale_check.py build/tradestat
"""
import ctypes
import locale
import sys

import common

ext = sys.argv[1]
locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")

libc = ctypes.CDLL(None)
libc.strtod.restype = ctypes.c_double
libc.strtod.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
# The locale must really be in force, or this test proves nothing.
assert libc.strtod(b"12.5", None) == 12.0, "de_DE did not change strtod"
assert libc.strtod(b"12,5", None) == 12.5

db = common.connect(ext)

checks = [
    # (id, sql, expected)
    ("locale-1", "SELECT pct_change('12.5', '10')", 25.0),
    ("locale-2", "SELECT pct_change(' 1400 ', '680.8') = pct_change(1400, 680.8)", 1),
    ("locale-3", "SELECT cagr('2.75', '4.73', '4') = cagr(2.75, 4.73, 4)", 1),
    ("locale-4", "SELECT trade_imbalance('751.7', '680.8')", 70.9),
    ("locale-5", "SELECT pct_change('1.2345678901234567e3', '1')", (1234.5678901234567 - 1) * 100),
    ("locale-6", "SELECT pct_change('0.000000000000000000000000012', '0.000000000000000000000000006')", 100.0),
]
db.executescript("""
CREATE TABLE t(p TEXT, v TEXT);
INSERT INTO t VALUES ('2022-01', '10.5'), ('2023-01', '21.0'),
                     ('2022-02', '1e1'), ('2023-02', '2.5e1');
""")
checks += [
    ("locale-7", "SELECT growth FROM yoy_growth('t', 'v', 'p') WHERE period = '2023-01'", 100.0),
    ("locale-8", "SELECT growth FROM yoy_growth('t', 'v', 'p') WHERE period = '2023-02'", 150.0),
    ("locale-9", "SELECT yoy_growth(v, p) FROM (SELECT * FROM t WHERE p LIKE '%-01' ORDER BY p)", 100.0),
]
failed = 0
for cid, sql, want in checks:
    got = db.execute(sql).fetchone()[0]
    if got != want:
        failed += 1
        print(f"FAIL {cid}: {sql}\n  expected: {want!r}\n  got:      {got!r}")
print(f"locale: {len(checks) - failed} passed, {failed} failed (under de_DE.UTF-8)")
sys.exit(1 if failed else 0)
