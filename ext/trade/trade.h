/*
** trade/trade.h -- the pure core of the trade-imbalance measures,
** shared by the trade_imbalance() scalar (trade.c) and the trade_imbalance
** virtual table (trade_vtab.c), so the two cannot disagree.  Plain C over
** ts_number: no sqlite3_value, unit-tested in tests/unit/test_trade.c.
*/
#ifndef TRADESTAT_TRADE_H
#define TRADESTAT_TRADE_H

#include "core/series.h"

typedef enum ts_trade_measure {
  TS_MEASURE_BALANCE = 0, /* X - M */
  TS_MEASURE_COVERAGE,    /* X / M * 100 */
  TS_MEASURE_NORMALIZED,  /* (X - M) / (X + M) * 100 */
  TS_MEASURE_GRUBEL_LLOYD /* (1 - |X - M| / (X + M)) * 100 */
} ts_trade_measure;

/* "balance, coverage, normalized or grubel_lloyd", for error messages. */
extern const char ts_trade_measure_list[];

/* Reads a measure name: case-insensitive, surrounding spaces ignored.
** n < 0: NUL-terminated.  Returns 0 and sets *out, or 1 if unknown. */
int ts_trade_measure_parse(const char *z, int n, ts_trade_measure *out);

/* Why a ratio measure is undefined (SQL NULL). */
#define TS_NOTE_NEGATIVE_FLOW "negative flow"
#define TS_NOTE_NO_TRADE      "no trade"         /* X + M = 0 */
#define TS_NOTE_ZERO_IMPORTS  "imports are zero" /* coverage only */
/* X / M beyond a double (a huge X over a tiny, non-zero M). */
#define TS_NOTE_COVERAGE_TOO_LARGE "coverage is too large"
/* X - M of two REALs beyond a double (near +-DBL_MAX of opposite signs). */
#define TS_NOTE_BALANCE_TOO_LARGE "balance is too large"

/* One ratio measure (coverage, normalized, grubel_lloyd) in percent.
** Returns NULL and sets *out when defined; otherwise returns the note
** saying why not (negative flow, no trade, imports are zero,
** coverage is too large).  With
** TS_MEASURE_BALANCE it returns NULL and sets *out to the balance as a
** double. */
const char *ts_trade_ratio(ts_trade_measure measure, const ts_number *x, const ts_number *m,
                           double *out);

/* Every measure of one pair of flows, as the virtual table reports them. */
typedef struct ts_trade_measures {
  ts_number balance;
  int coverage_ok, normalized_ok, grubel_lloyd_ok;
  double coverage, normalized, grubel_lloyd;
  const char *note; /* NULL, or the first reason a measure is NULL */
} ts_trade_measures;

void ts_trade_compute(const ts_number *x, const ts_number *m, ts_trade_measures *out);

/* Notes of the virtual table for a period with one side absent. */
#define TS_NOTE_NO_EXPORTS       "no exports"
#define TS_NOTE_NO_IMPORTS       "no imports"
#define TS_NOTE_NO_PRIOR_BALANCE "no prior balance" /* prior year one-sided */

/* One row of the trade_imbalance virtual table: point i of a series
** (slot 0 exports, slot 1 imports; a side is present when a row was
** summed into its slot).  A `*_ok` of 0 means SQL NULL. */
typedef struct ts_trade_row {
  int has_exports, has_imports;
  ts_number exports, imports;
  ts_trade_measures measures; /* only when both sides are present */
  int prior_ok;               /* same period a year earlier, both sides */
  ts_number prior_balance, balance_change;
  int balance_change_ok;  /* prior_ok, and neither period incomplete */
  int preliminary;        /* a figure of this period or of the same
                                     period a year earlier is preliminary */
  int coverage_change_ok; /* both years' coverage defined, complete */
  double coverage_change; /* percentage points */
  int balance_growth_ok, exports_growth_ok, imports_growth_ok;
  double balance_growth, exports_growth, imports_growth;
  /* NULL, or the first reason (in column order) a value is NULL: a side
  ** absent, a ratio undefined, then the growths' reasons. */
  const char *note;
} ts_trade_row;

void ts_trade_row_at(ts_period_kind kind, const ts_point *a, int n, int i, ts_trade_row *out);

#endif /* TRADESTAT_TRADE_H */
