/*
** core/period_hint.c -- the nearest accepted period form, for the message
** of a label ts_period_parse refuses (ts_period_nearest_form): the label's
** shape against the shape of each accepted form, by edit distance.
*/
#include "core/period.h"

#include <string.h>

/* Shape of a label: digits as '9', a run of ASCII letters as one 'a', a
** run of other non-ASCII characters as one 'k', white space runs as one
** ' ', other characters as they are; at most 31 bytes. */
static void label_shape(const char *z, int n, char *out) {
  int k = 0;
  for (int i = 0; i < n && k < 31; i++) {
    unsigned char c = (unsigned char)z[i];
    char t;
    if (ts_is_digit((char)c))
      t = '9';
    else if ((c | 32) >= 'a' && (c | 32) <= 'z')
      t = 'a';
    else if (c >= 0x80)
      t = 'k';
    else if (ts_is_space((char)c))
      t = ' ';
    else
      t = (char)c;
    if ((t == 'a' || t == 'k' || t == ' ') && k > 0 && out[k - 1] == t) continue;
    out[k++] = t;
  }
  out[k] = 0;
}

/* Do two shapes use the same set of characters other than digits? */
static int same_symbols(const char *a, const char *b) {
  for (const char *p = a; *p; p++)
    if (*p != '9' && !strchr(b, *p)) return 0;
  for (const char *p = b; *p; p++)
    if (*p != '9' && !strchr(a, *p)) return 0;
  return 1;
}

static const struct {
  const char *shape;
  const char *form;
} nearest_forms[] = {
    {"9999", "'YYYY' (a year from 0001 to 9999)"},
    {"9999-a9", "'YYYY-H1' (half 1-2) or 'YYYY-Q1' (quarter 1-4)"},
    {"9999a9", "'YYYYH1' (half 1-2) or 'YYYYQ1' (quarter 1-4)"},
    {"9999 a9", "'YYYY H1' (half 1-2) or 'YYYY Q1' (quarter 1-4)"},
    {"9999-99", "'YYYY-MM' (month 01-12)"},
    {"9999-9", "'YYYY-M' (month 1-12)"},
    {"9999-99-99", "'YYYY-MM-DD' (a date that exists)"},
    {"9999.99", "'YYYY.MM' (month 01-12)"},
    {"9999/99", "'YYYY/MM' (month 01-12)"},
    {"999999", "'YYYYMM' (month 01-12, a year from 1800 to 2199: YYMMDD dates as 'YYYY-MM-DD')"},
    {"9999a99", "'YYYYM06' (month 01-12)"},
    {"9999 9/9", "'YYYY 1/2' (half) or 'YYYY 1/4' (quarter)"},
    {"9999.9/9", "'YYYY.1/2' (half) or 'YYYY.1/4' (quarter)"},
    {"a 9999", "'Jan 2016' (an English month name or its abbreviation, then the year)"},
    /* month first, as a spreadsheet's CSV writes MM/YYYY */
    {"99/9999", "'YYYY/MM' (the year first: '2023/01', not '01/2023')"},
    {"9/9999", "'YYYY/M' (the year first: '2023/1', not '1/2023')"},
    {"a9 9999", "'Q2 2023' (quarter 1-4) or 'H1 2023' (half 1-2)"},
    {"9a9999", "'2Q2023' (quarter 1-4) or '1H2023' (half 1-2)"},
    {"9999k", "'YYYY\xEB\x85\x84' (a year)"},
    {"9999k 9k",
     "'YYYY\xEB\x85\x84 6\xEC\x9B\x94' (month 1-12) or 'YYYY\xEB\x85\x84 "
     "1\xEB\xB6\x84\xEA\xB8\xB0' (quarter 1-4)"},
    {"9999k 99k", "'YYYY\xEB\x85\x84 06\xEC\x9B\x94' (month 01-12)"},
    {"9999k 9/9k", "'YYYY\xEB\x85\x84 1/4\xEB\xB6\x84\xEA\xB8\xB0' (quarter 1-4)"},
    {"9999k k",
     "'YYYY\xEB\x85\x84 \xEC\x83\x81\xEB\xB0\x98\xEA\xB8\xB0' (first half) or "
     "'\xED\x95\x98\xEB\xB0\x98\xEA\xB8\xB0' (second half)"},
};

/* Labels of a kind tradestat has not, named as such rather than by the
** nearest shape (which sent '2023-W05' to halves and quarters, and
** 'FY2023' to '2Q2023'): a fiscal year written YYYY-YY past 2011 (the
** earlier ones read as months: growth.c refuses them in cagr), 'FY2023',
** an ISO week 'YYYY-Www'.  NULL for any other label. */
static const char *kind_not_read(const char *z, int n) {
  int digits = 0;
  while (digits < n && ts_is_digit(z[digits])) digits++;
  if (n == 7 && digits == 4 && (z[4] == '-' || z[4] == '/') && ts_is_digit(z[5]) &&
      ts_is_digit(z[6])) {
    int year = ((z[0] - '0') * 10 + (z[1] - '0')) * 100 + (z[2] - '0') * 10 + (z[3] - '0');
    if ((z[5] - '0') * 10 + (z[6] - '0') == (year + 1) % 100)
      return "'YYYY-MM' (month 01-12); a fiscal year ('2012-13', 'FY2023') is no period kind:"
             " label it by one year ('2012')";
  }
  if (n >= 6 && (z[0] == 'F' || z[0] == 'f') && (z[1] == 'Y' || z[1] == 'y'))
    return "'YYYY' (a calendar year); a fiscal year ('FY2023', '2012-13') is no period kind:"
           " label it by one year ('2023')";
  if (digits == 4 && n >= 6) {
    int i = 4 + (z[4] == '-');
    if (i + 1 < n && (z[i] == 'W' || z[i] == 'w') && ts_is_digit(z[i + 1]))
      return "'YYYY-MM' (month 01-12); an ISO week ('2023-W05') is no period kind: tradestat"
             " reads years, halves, quarters, months and days";
  }
  return NULL;
}

const char *ts_period_nearest_form(const char *z, int n) {
  char shape[32];
  if (z == NULL) return nearest_forms[0].form;
  if (n < 0) n = (int)strlen(z);
  ts_trim_text(&z, &n);
  ts_strip_preliminary(z, &n);
  const char *named = kind_not_read(z, n);
  if (named) return named;
  label_shape(z, n, shape);
  int best = 0, best_d = 1 << 30;
  for (int i = 0; i < (int)(sizeof(nearest_forms) / sizeof(nearest_forms[0])); i++) {
    /* Ties go to the form made of the same letters and punctuation. */
    int d = 2 * ts_edit_distance(shape, nearest_forms[i].shape, 0) +
            !same_symbols(shape, nearest_forms[i].shape);
    if (d < best_d) best = i, best_d = d;
  }
  return nearest_forms[best].form;
}
