/*
** projection/projection_methods.h -- private to projection_core.c (the
** grid, the backtest and what every method needs) and
** projection_methods.c (the fixed methods themselves).
*/
#ifndef TRADESTAT_PROJECTION_METHODS_H
#define TRADESTAT_PROJECTION_METHODS_H

#include "projection/projection.h"

/* The sum of positions [from, to] of year yi into *out (compensated, or
** the exact sums of item 6b): 0, or 1 when one is missing. */
int ts_proj_range_sum(const ts_proj_grid *g, int yi, int from, int to, double *out);

/* Item 2: method m's projection of year yi from cut-off k (1 <= k < P),
** its complete year-to-date ytd; warm: the Holt-Winters chain. */
void ts_proj_method_value(const ts_proj_grid *g, int yi, int k, ts_proj_method m, double ytd,
                          ts_hw_warm *warm, ts_proj_cell *out);

#endif
