/*
** growth/total_label.c -- whether a series' label reads as a total
** (ts_total_label_like, total_row.h): the words KOSIS and customs tables
** and their English versions give the total row, which the guard of
** total_row.c judges by its label where its figures alone cannot tell
** (docs/design.md, "A total row without `total=` is an error").
*/
#include "growth/total_row.h"
#include "core/core.h"

#include <string.h>

int ts_total_label_like(const char *z) {
  static const char *const azTotal[] = {
      "합계",         "총계",  "계",          "전체", "전국",
      "총액",         "total", "grand total", "all",  "all countries",
      "all partners", "world", "world total", "sum"};
  if (z == NULL) return 0;
  while (ts_is_space(*z)) z++;
  size_t n = strlen(z);
  while (n > 0 && ts_is_space(z[n - 1])) n--;
  for (size_t k = 0; k < sizeof(azTotal) / sizeof(azTotal[0]); k++) {
    const char *t = azTotal[k];
    if (strlen(t) != n) continue;
    size_t i = 0;
    while (i < n) {
      unsigned char c = (unsigned char)z[i];
      if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
      if (c != (unsigned char)t[i]) break;
      i++;
    }
    if (i == n) return 1;
  }
  return 0;
}
