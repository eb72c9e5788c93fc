/*
** vtab/counter.h -- process-wide counts of which scan path ran, read by
** tradestat_debug().  Atomic where the compiler has C11 atomics (queries
** run on many connections and threads at once); without them the counts
** are advisory.
*/
#ifndef TRADESTAT_COUNTER_H
#define TRADESTAT_COUNTER_H

#include "core/alloc.h" /* sqlite3_int64 */

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && !defined(__STDC_NO_ATOMICS__)
#include <stdatomic.h>
typedef _Atomic sqlite3_int64 ts_counter;
#define TS_COUNT(c)      atomic_fetch_add(&(c), 1)
#define TS_COUNT_READ(c) atomic_load(&(c))
#else
typedef sqlite3_int64 ts_counter;
#define TS_COUNT(c)      ((c)++)
#define TS_COUNT_READ(c) (c)
#endif

#endif /* TRADESTAT_COUNTER_H */
