/*
** core/int128.h -- the 128-bit integer exact sums are kept in.
**
** Where the compiler has a 128-bit integer (__SIZEOF_INT128__: gcc and
** clang on 64-bit targets) ts_int128 is that type; elsewhere, or when
** built with -DTS_PORTABLE_INT128 (the tests build the library both
** ways), it is a two-word struct with the same operations.  Only the
** operations below touch its representation.
**
** Sums live in sqlite3_malloc'ed memory, which guarantees 8-byte
** alignment, not the 16 a plain __int128 asks for: hence aligned(8).
*/
#ifndef TS_CORE_INT128_H
#define TS_CORE_INT128_H

#include <math.h>
#include <stdint.h>

#if defined(__SIZEOF_INT128__) && !defined(TS_PORTABLE_INT128)

/* __extension__: -std=c11 -pedantic builds accept the GNU type. */
__extension__ typedef __int128 ts_int128 __attribute__((aligned(8)));
#define TS_INT128_NATIVE 1

static inline ts_int128 ts_i128_from_i64(int64_t v) { return v; }
static inline ts_int128 ts_i128_add(ts_int128 a, ts_int128 b) { return a + b; }
static inline ts_int128 ts_i128_sub(ts_int128 a, ts_int128 b) { return a - b; }
static inline int ts_i128_eq(ts_int128 a, ts_int128 b) { return a == b; }
static inline int ts_i128_fits_i64(ts_int128 a) { return a >= INT64_MIN && a <= INT64_MAX; }
/* |a| < 2^53: converts to a double without rounding. */
static inline int ts_i128_fits_53(ts_int128 a) {
  return a < ((ts_int128)1 << 53) && a > -((ts_int128)1 << 53);
}
static inline int64_t ts_i128_to_i64(ts_int128 a) { return (int64_t)a; }
static inline double ts_i128_to_double(ts_int128 a) { return (double)a; }
/* A double holding an integer of magnitude below 2^127, exactly. */
static inline ts_int128 ts_i128_from_double(double d) { return (ts_int128)d; }

#else

/* Two's complement in two words: value = hi * 2^64 + lo. */
typedef struct ts_int128 {
  uint64_t lo;
  int64_t hi;
} ts_int128;
#define TS_INT128_NATIVE 0

static inline ts_int128 ts_i128_from_i64(int64_t v) {
  ts_int128 r;
  r.lo = (uint64_t)v;
  r.hi = v < 0 ? -1 : 0;
  return r;
}
static inline ts_int128 ts_i128_add(ts_int128 a, ts_int128 b) {
  ts_int128 r;
  r.lo = a.lo + b.lo;
  r.hi = (int64_t)((uint64_t)a.hi + (uint64_t)b.hi + (r.lo < a.lo));
  return r;
}
static inline ts_int128 ts_i128_sub(ts_int128 a, ts_int128 b) {
  ts_int128 r;
  r.lo = a.lo - b.lo;
  r.hi = (int64_t)((uint64_t)a.hi - (uint64_t)b.hi - (a.lo < b.lo));
  return r;
}
static inline int ts_i128_eq(ts_int128 a, ts_int128 b) { return a.lo == b.lo && a.hi == b.hi; }
static inline int ts_i128_fits_i64(ts_int128 a) {
  return (a.hi == 0 && a.lo <= (uint64_t)INT64_MAX) ||
         (a.hi == -1 && a.lo >= (uint64_t)INT64_MAX + 1);
}
static inline int ts_i128_fits_53(ts_int128 a) {
  const uint64_t lim = (uint64_t)1 << 53;
  return (a.hi == 0 && a.lo < lim) || (a.hi == -1 && a.lo > (uint64_t)0 - lim);
}
static inline int64_t ts_i128_to_i64(ts_int128 a) { return (int64_t)a.lo; }
/* Correctly rounded: the value is split into a high part that a double
** holds exactly and a remainder below 2^64. */
static inline double ts_i128_to_double(ts_int128 a) {
  int neg = a.hi < 0;
  uint64_t lo = a.lo, hi = (uint64_t)a.hi;
  if (neg) { /* magnitude */
    lo = ~lo + 1;
    hi = ~hi + (lo == 0);
  }
  double r;
  if (hi == 0) {
    r = (double)lo;
  } else {
    /* Keep the top 64 significant bits in one word and OR a sticky bit
    ** for whatever is below them, so the one rounding conversion rounds
    ** the whole value correctly. */
    int shift = 0;
    while (shift < 64 && (hi >> shift) != 0) shift++;
    uint64_t top, rest;
    if (shift == 64) {
      top = hi;
      rest = lo;
    } else {
      top = (hi << (64 - shift)) | (lo >> shift);
      rest = lo << (64 - shift);
    }
    top |= (rest != 0);
    r = ldexp((double)top, shift);
  }
  return neg ? -r : r;
}
static inline ts_int128 ts_i128_from_double(double d) {
  int neg = d < 0;
  if (neg) d = -d;
  ts_int128 r;
  double h = d / 18446744073709551616.0; /* 2^64 */
  uint64_t hi = (uint64_t)h;
  r.hi = (int64_t)hi;
  r.lo = (uint64_t)(d - (double)hi * 18446744073709551616.0);
  if (neg) r = ts_i128_sub(ts_i128_from_i64(0), r);
  return r;
}

#endif

#endif /* TS_CORE_INT128_H */
