/*
** sparkline/sparkline.h -- the pure core of sparkline() (sparkline.c), for tests.
*/
#ifndef TRADESTAT_SPARKLINE_H
#define TRADESTAT_SPARKLINE_H

#include "core/core.h"

/* Longest series, in periods from first to last, that sparkline() draws. */
#define TS_SPARKLINE_MAX_PERIODS 10000

/* Level 0 (▁) .. 7 (█) of v on the linear scale lo..hi; 3 (▄) when
** hi <= lo (every value equal). */
int ts_sparkline_level(double v, double lo, double hi);

/* Writes the line for n periods (aPresent[i] == 0: a gap, a space) into
** zOut, which must hold 3 * n + 1 bytes; NUL-terminated. */
void ts_sparkline_render(const double *aValue, const unsigned char *aPresent, int n, char *zOut);

#endif /* TRADESTAT_SPARKLINE_H */
