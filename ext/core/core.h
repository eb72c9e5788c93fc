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

/* Levenshtein distance between two NUL-terminated words (their first
** TS_EDIT_MAX bytes), ASCII case ignored when nocase: for messages that
** name the closest accepted word.  core/text.c. */
#define TS_EDIT_MAX 64
int ts_edit_distance(const char *a, const char *b, int nocase);

#endif /* TS_CORE_H */
