/*
** core/core.h -- what every file of core/ shares: fixed-width integers and
** the white-space rule every label, name and number reader applies.
**
** core/ is plain C over plain values: no SQLite value, context or virtual-table
** type appears in it, so all of it is unit-tested without SQL.
** The one thing it takes from SQLite is the allocator (core/alloc.h).
*/
#ifndef TS_CORE_H
#define TS_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* White space, as every label, name and number reader skips it. */
static inline int ts_is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
/* Narrows [*pz, *pz + *pn) to drop leading and trailing white space. */
static inline void ts_trim(const char **pz, int *pn) {
  while (*pn > 0 && ts_is_space(**pz)) (*pz)++, (*pn)--;
  while (*pn > 0 && ts_is_space((*pz)[*pn - 1])) (*pn)--;
}

/* The length of a space other than ASCII's that the label and number
** readers skip around a label or figure as they skip white space, at z
** (of n bytes) or, with at_end, ending at z + n: U+00A0 no-break space (a
** web table copied into a spreadsheet), U+3000 ideographic space (a
** Korean or Japanese spreadsheet's full-width space), U+FEFF byte-order
** mark (a CSV saved with one, read line by line).  0 if none. */
static inline int ts_wide_space(const char *z, int n, int at_end) {
  const unsigned char *p = (const unsigned char *)z + (at_end ? n : 0);
  if (at_end ? n >= 2 && p[-2] == 0xC2 && p[-1] == 0xA0 : n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
    return 2;
  if (n < 3) return 0;
  if (at_end) p -= 3;
  if ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
      (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
    return 3;
  return 0;
}
/* ts_trim, and the spaces of ts_wide_space too: for labels and figures
** (names keep ASCII white space only). */
static inline void ts_trim_text(const char **pz, int *pn) {
  int k;
  for (;;) {
    if (*pn > 0 && ts_is_space(**pz))
      (*pz)++, (*pn)--;
    else if ((k = ts_wide_space(*pz, *pn, 0)) > 0)
      *pz += k, *pn -= k;
    else
      break;
  }
  for (;;) {
    if (*pn > 0 && ts_is_space((*pz)[*pn - 1]))
      (*pn)--;
    else if ((k = ts_wide_space(*pz, *pn, 1)) > 0)
      *pn -= k;
    else
      break;
  }
}

/* Murmur3's 64-bit finalizer: spreads every input bit over the low bits
** an open-addressing table indexes by. */
static inline uint64_t ts_mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

/* An ASCII digit, without the C locale's help. */
static inline int ts_is_digit(char c) { return c >= '0' && c <= '9'; }
/* Strips a trailing preliminary mark (`p`, `p)`, `(p)`, either case, and
** the white space before it) from [z, z+*pn); returns 1 if found. */
static inline int ts_strip_preliminary(const char *z, int *pn) {
  int n = *pn;
  if (n >= 3 && z[n - 1] == ')' && (z[n - 2] == 'p' || z[n - 2] == 'P') && z[n - 3] == '(') {
    n -= 3;
  } else if (n >= 2 && z[n - 1] == ')' && (z[n - 2] == 'p' || z[n - 2] == 'P')) {
    n -= 2;
  } else if (n >= 1 && (z[n - 1] == 'p' || z[n - 1] == 'P')) {
    n -= 1;
  } else {
    return 0;
  }
  while (n > 0 && ts_is_space(z[n - 1])) n--;
  *pn = n;
  return 1;
}

/* Levenshtein distance between two NUL-terminated words (their first
** TS_EDIT_MAX bytes), ASCII case ignored when nocase: for messages that
** name the closest accepted word.  core/text.c. */
#define TS_EDIT_MAX 64
int ts_edit_distance(const char *a, const char *b, int nocase);

#endif /* TS_CORE_H */
