/*
** core/text.c -- small text helpers shared by the error messages: how far
** apart two words are, so a message can name the closest accepted one.
*/
#include "core/core.h"

/* ASCII lower case, so 'Amount' is one letter away from 'amount'. */
static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

int ts_edit_distance(const char *a, const char *b, int nocase) {
  int la = (int)strlen(a), lb = (int)strlen(b);
  if (la > TS_EDIT_MAX) la = TS_EDIT_MAX;
  if (lb > TS_EDIT_MAX) lb = TS_EDIT_MAX;
  int row[TS_EDIT_MAX + 1];
  for (int j = 0; j <= lb; j++) row[j] = j;
  for (int i = 1; i <= la; i++) {
    int diag = row[0];
    row[0] = i;
    for (int j = 1; j <= lb; j++) {
      int up = row[j];
      char x = nocase ? lower(a[i - 1]) : a[i - 1], y = nocase ? lower(b[j - 1]) : b[j - 1];
      int best = diag + (x != y);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}
