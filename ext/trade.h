/*
** trade.h -- the pure core of the trade-imbalance measures (SPEC.md §3),
** shared by the trade_imbalance() scalar (trade.c) and the trade_imbalance
** virtual table (trade_vtab.c), so the two cannot disagree.  Plain C over
** ts_number: no sqlite3_value, unit-tested in tests/unit/test_trade.c.
*/
#ifndef TRADESTAT_TRADE_H
#define TRADESTAT_TRADE_H

#include "tradestat_internal.h"

typedef enum ts_trade_measure {
  TS_MEASURE_BALANCE = 0,  /* X - M */
  TS_MEASURE_COVERAGE,     /* X / M * 100 */
  TS_MEASURE_NORMALIZED,   /* (X - M) / (X + M) * 100 */
  TS_MEASURE_GRUBEL_LLOYD  /* (1 - |X - M| / (X + M)) * 100 */
} ts_trade_measure;

/* "balance, coverage, normalized or grubel_lloyd", for error messages. */
extern const char ts_trade_measure_list[];

/* Reads a measure name: case-insensitive, surrounding spaces ignored.
** n < 0: NUL-terminated.  Returns 0 and sets *out, or 1 if unknown. */
int ts_trade_measure_parse(const char *z, int n, ts_trade_measure *out);

/* Why a ratio measure is undefined (SQL NULL). */
#define TS_NOTE_NEGATIVE_FLOW "negative flow"
#define TS_NOTE_NO_TRADE "no trade"          /* X + M = 0 */
#define TS_NOTE_ZERO_IMPORTS "imports are zero" /* coverage only */

/* X - M, exact: INTEGER when both are integers and the difference fits in
** 64 bits, else REAL (which may be +-Inf for REALs near DBL_MAX; callers
** turn a non-finite REAL into NULL). */
void ts_trade_balance(const ts_number *x, const ts_number *m, ts_number *out);

/* One ratio measure (coverage, normalized, grubel_lloyd) in percent.
** Returns NULL and sets *out when defined; otherwise returns the note
** saying why not (negative flow, no trade, imports are zero).  With
** TS_MEASURE_BALANCE it returns NULL and sets *out to the balance as a
** double. */
const char *ts_trade_ratio(ts_trade_measure measure, const ts_number *x,
                           const ts_number *m, double *out);

/* Every measure of one pair of flows, as the virtual table reports them. */
typedef struct ts_trade_measures {
  ts_number balance;
  int coverage_ok, normalized_ok, grubel_lloyd_ok;
  double coverage, normalized, grubel_lloyd;
  const char *note; /* NULL, or the first reason a measure is NULL */
} ts_trade_measures;

void ts_trade_compute(const ts_number *x, const ts_number *m,
                      ts_trade_measures *out);

#endif /* TRADESTAT_TRADE_H */
