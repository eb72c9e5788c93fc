/*
** core/period.c -- the pure period parser and calendar arithmetic.  The
** nearest accepted form, for the message of a refused label, is
** core/period_hint.c.
**
** Contract:
**  1. Accepted labels: year `2023`, `2023년`; half `2023-H1`, `2023H1`,
**     `2023 H1`, `H1 2023`, `1H2023`, `2023.1/2`, `2023 1/2`, `2023년
**     상반기` / `하반기`; quarter `2023-Q2`, `2023Q2`, `2023 Q2`, `Q2 2023`,
**     `2Q2023`, `2Q 2023`, `2023.2/4`, `2023 2/4`, `2023년 2/4분기`,
**     `2023년 2분기` (h/q in either case); month `2023-06`, `2023-6`,
**     `2023.06`, `2023/06`, `2023/6`, `202306`, `2023M06`, `2023M6`,
**     `2023년 6월`, `2023년 06월`, and English month names or their
**     abbreviations before the year (`January 2016`, `Jan 2016`,
**     `Jan-2016`, `Jan. 2016`, `Jan2016`, `Sept 2019`, any case); day `2023-06-30`,
**     optionally followed by a time (`2023-06-30 12:00:00`, `T`
**     separator, or Go's `2023-06-30 12:00:00 +0900 KST`) that is ignored.  Surrounding white space is ignored, and so are a no-break space, an ideographic space and a byte-order mark around it (ts_trim_text).
**  2. A trailing preliminary mark `p`, `p)` or `(p)` (either case, with or
**     without a space before it) is accepted and recorded.
**  3. Years run from 1 to 9999; months 1-12; days must exist in the
**     calendar (29 Feb only in leap years).  Anything else is rejected.
**     The six digits YYYYMM only for the years 1800-2199 a number may be
**     (period.h): outside, they are YYMMDD dates ('230101').
**  4. Ordinals are consecutive within a kind, so shifting and distance are
**     integer arithmetic; day ordinals are days since 1970-01-01.
**  5. Nothing here allocates or touches SQLite: parse failures are a
**     return code, the message is the SQL layer's job.
*/
#include "core/period.h"

#include <stdio.h>
#include <string.h>

const char ts_period_forms[] =
    "YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD, "
    "or KOSIS forms such as 'YYYY 1/2', 'YYYY.3/4', 'YYYY.MM'";

/* UTF-8 of the Korean words KOSIS and the customs service write. */
#define KO_YEAR        "\xEB\x85\x84"                         /* year */
#define KO_MONTH       "\xEC\x9B\x94"                         /* month */
#define KO_QUARTER     "\xEB\xB6\x84\xEA\xB8\xB0"             /* quarter */
#define KO_FIRST_HALF  "\xEC\x83\x81\xEB\xB0\x98\xEA\xB8\xB0" /* first half */
#define KO_SECOND_HALF "\xED\x95\x98\xEB\xB0\x98\xEA\xB8\xB0" /* second half */

static const char *const kind_names[] = {NULL, "year", "half", "quarter", "month", "day"};

const char *ts_period_kind_name(ts_period_kind k) {
  return (k >= TS_KIND_YEAR && k <= TS_KIND_DAY) ? kind_names[k] : "none";
}

/* ASCII case-insensitive equality, without the C locale's help. */
static int ascii_iequal(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
    char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;
    if (x != y) return 0;
  }
  return *a == *b;
}

ts_period_kind ts_period_kind_from_name(const char *z) {
  if (z == NULL) return TS_KIND_NONE;
  for (int k = TS_KIND_YEAR; k <= TS_KIND_DAY; k++) {
    if (ascii_iequal(z, kind_names[k])) return (ts_period_kind)k;
  }
  return TS_KIND_NONE;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int ts_days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return days[month - 1] + (month == 2 && is_leap(year));
}

/* Reads exactly n digits at z; -1 if any is not a digit. */
static int read_digits(const char *z, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (!ts_is_digit(z[i])) return -1;
    v = v * 10 + (z[i] - '0');
  }
  return v;
}

/* The length of the word at z (up to n bytes) whose bytes all pass ok. */
static int word_len(const char *z, int n, int (*ok)(char)) {
  int i = 0;
  while (i < n && ok(z[i])) i++;
  return i;
}

static int is_zone_char(char c) {
  return ts_is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' || c == '-';
}

static int is_clock_char(char c) { return ts_is_digit(c) || c == '.' || c == '+' || c == '-'; }

/* What Go's time.Time.String() writes after the clock, the form
** modernc.org/sqlite stores a time.Time in by default: " +0900 KST",
** " +0400 +04", then " m=+0.001369469" for a time read from the
** monotonic clock (time.Now()).  Refused, a Go client's every date was
** an error naming the nearest form 'YYYY-MM-DD'. */
static int valid_go_zone(const char *z, int n) {
  if (n < 7 || z[0] != ' ' || (z[1] != '+' && z[1] != '-') || read_digits(z + 2, 4) < 0) return 0;
  int i = 6;
  if (i < n && z[i] == ' ' && (i + 1 >= n || z[i + 1] != 'm')) {
    int k = word_len(z + i + 1, n - i - 1, is_zone_char);
    if (k == 0) return 0;
    i += 1 + k;
  }
  if (i == n) return 1;
  if (n - i < 5 || memcmp(z + i, " m=", 3) != 0 || (z[i + 3] != '+' && z[i + 3] != '-')) return 0;
  return word_len(z + i + 4, n - i - 4, is_clock_char) == n - i - 4;
}

/* The time part after a date: HH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM], or
** Go's String() form (valid_go_zone). */
static int valid_time_suffix(const char *z, int n) {
  if (n < 6 || (z[0] != ' ' && z[0] != 'T' && z[0] != 't')) return 0;
  int h = read_digits(z + 1, 2), m = read_digits(z + 4, 2);
  if (h < 0 || m < 0 || z[3] != ':' || h > 24 || m > 59) return 0;
  for (int i = 6; i < n; i++) {
    char c = z[i];
    if (c == ' ' && z[0] == ' ') return valid_go_zone(z + i, n - i);
    if (!ts_is_digit(c) && c != ':' && c != '.' && c != '+' && c != '-' && c != 'Z' && c != 'z')
      return 0;
  }
  return 1;
}

static int set_period(ts_period *out, ts_period_kind kind, int year, int sub, int day) {
  if (year < 1 || year > 9999) return 1;
  out->kind = kind;
  out->year = year;
  out->sub = sub;
  out->day = day;
  return 0;
}

/* "1/2", "2/4": the KOSIS fraction forms; returns 0 on success. */
static int parse_fraction(const char *z, int n, int year, ts_period *out) {
  if (n != 3 || z[1] != '/') return 1;
  int num = read_digits(z, 1), den = read_digits(z + 2, 1);
  if (den == 2 && num >= 1 && num <= 2) return set_period(out, TS_KIND_HALF, year, num, 0);
  if (den == 4 && num >= 1 && num <= 4) return set_period(out, TS_KIND_QUARTER, year, num, 0);
  return 1;
}

/* "H1", "q3": half or quarter letter forms. */
static int parse_letter(const char *z, int n, int year, ts_period *out) {
  if (n != 2) return 1;
  int num = read_digits(z + 1, 1);
  if ((z[0] == 'H' || z[0] == 'h') && num >= 1 && num <= 2)
    return set_period(out, TS_KIND_HALF, year, num, 0);
  if ((z[0] == 'Q' || z[0] == 'q') && num >= 1 && num <= 4)
    return set_period(out, TS_KIND_QUARTER, year, num, 0);
  return 1;
}

static int parse_month(const char *z, int year, ts_period *out) {
  int month = read_digits(z, 2);
  if (month < 1 || month > 12) return 1;
  return set_period(out, TS_KIND_MONTH, year, month, 0);
}

/* After "YYYY-": MM, MM-DD[time], Hn, Qn. */
static int parse_after_dash(const char *z, int n, int year, ts_period *out) {
  if (n == 2 && ts_is_digit(z[0])) return parse_month(z, year, out);
  if (n == 2) return parse_letter(z, n, year, out);
  if (n >= 5 && z[2] == '-') {
    int month = read_digits(z, 2), day = read_digits(z + 3, 2);
    if (month < 1 || month > 12 || day < 1) return 1;
    if (year < 1 || year > 9999 || day > ts_days_in_month(year, month)) return 1;
    if (n > 5 && !valid_time_suffix(z + 5, n - 5)) return 1;
    return set_period(out, TS_KIND_DAY, year, month, day);
  }
  return 1;
}

/* YYYY-MM and YYYY-MM-DD exactly, the labels of almost every row a
** series reads: the general path's trimming and form dispatch cost more
** than the digits.  Returns -1 when z is not of these shapes (then the
** general path decides), else what the general path would return. */
static int parse_canonical(const char *z, int n, ts_period *out) {
  if (n == 7) {
    /* YYYY-MM: each byte tested for a digit by one unsigned compare
    ** (a byte below '0' wraps to a large value). */
    unsigned y0 = (unsigned char)z[0] - (unsigned)'0', y1 = (unsigned char)z[1] - (unsigned)'0',
             y2 = (unsigned char)z[2] - (unsigned)'0', y3 = (unsigned char)z[3] - (unsigned)'0',
             m0 = (unsigned char)z[5] - (unsigned)'0', m1 = (unsigned char)z[6] - (unsigned)'0';
    if (z[4] != '-' || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9) return -1;
    int year = (int)(((y0 * 10 + y1) * 10 + y2) * 10 + y3), month = (int)(m0 * 10 + m1);
    if (month < 1 || month > 12) return 1;
    return set_period(out, TS_KIND_MONTH, year, month, 0);
  }
  if (n != 10) return -1;
  /* YYYY-MM-DD in one pass, the same tests as parse_after_dash's */
  unsigned y0 = (unsigned char)z[0] - (unsigned)'0', y1 = (unsigned char)z[1] - (unsigned)'0',
           y2 = (unsigned char)z[2] - (unsigned)'0', y3 = (unsigned char)z[3] - (unsigned)'0',
           m0 = (unsigned char)z[5] - (unsigned)'0', m1 = (unsigned char)z[6] - (unsigned)'0',
           d0 = (unsigned char)z[8] - (unsigned)'0', d1 = (unsigned char)z[9] - (unsigned)'0';
  if (z[4] != '-' || z[7] != '-' || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 ||
      d0 > 9 || d1 > 9)
    return -1;
  int year = (int)(((y0 * 10 + y1) * 10 + y2) * 10 + y3), month = (int)(m0 * 10 + m1),
      day = (int)(d0 * 10 + d1);
  if (month < 1 || month > 12 || day < 1) return 1;
  if (year < 1 || year > 9999 || day > ts_days_in_month(year, month)) return 1;
  return set_period(out, TS_KIND_DAY, year, month, day);
}

/* Does [z, z+n) start with the literal w?  Returns its length or 0. */
static int starts_with(const char *z, int n, const char *w) {
  int k = (int)strlen(w);
  return (n >= k && memcmp(z, w, (size_t)k) == 0) ? k : 0;
}

static int skip_spaces(const char *z, int n, int i) {
  while (i < n && ts_is_space(z[i])) i++;
  return i;
}

/* 1 or 2 digits at z[i..]: the value, and *pi moved past them; -1 if none. */
static int read_small(const char *z, int n, int *pi) {
  int i = *pi, v = 0, k = 0;
  while (i < n && k < 2 && ts_is_digit(z[i])) v = v * 10 + (z[i++] - '0'), k++;
  if (k == 0 || (i < n && ts_is_digit(z[i]))) return -1;
  *pi = i;
  return v;
}

/* After "YYYY년": nothing (a year), "6월" / "06월", "2/4분기", "2분기",
** "상반기", "하반기" (spaces allowed between the parts). */
static int parse_korean(const char *z, int n, int year, ts_period *out) {
  int i = skip_spaces(z, n, 0), k;
  if (i == n) return set_period(out, TS_KIND_YEAR, year, 1, 0);
  if ((k = starts_with(z + i, n - i, KO_FIRST_HALF)) && i + k == n)
    return set_period(out, TS_KIND_HALF, year, 1, 0);
  if ((k = starts_with(z + i, n - i, KO_SECOND_HALF)) && i + k == n)
    return set_period(out, TS_KIND_HALF, year, 2, 0);
  int num = read_small(z, n, &i);
  if (num < 0) return 1;
  if (i + 2 < n && z[i] == '/' && z[i + 1] == '4') { /* "2/4분기" */
    i += 2;
    i = skip_spaces(z, n, i);
    if ((k = starts_with(z + i, n - i, KO_QUARTER)) && i + k == n && num >= 1 && num <= 4)
      return set_period(out, TS_KIND_QUARTER, year, num, 0);
    return 1;
  }
  i = skip_spaces(z, n, i);
  if ((k = starts_with(z + i, n - i, KO_MONTH)) && i + k == n && num >= 1 && num <= 12)
    return set_period(out, TS_KIND_MONTH, year, num, 0);
  if ((k = starts_with(z + i, n - i, KO_QUARTER)) && i + k == n && num >= 1 && num <= 4)
    return set_period(out, TS_KIND_QUARTER, year, num, 0);
  return 1;
}

static const char *const month_names[12] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};

/* The month a name or abbreviation means: the full name, its first three
** letters, or "sept"; 0 if none. */
static int month_from_name(const char *z, int n) {
  char w[10];
  if (n < 3 || n > 9) return 0;
  for (int i = 0; i < n; i++) {
    char c = z[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c < 'a' || c > 'z') return 0;
    w[i] = c;
  }
  w[n] = 0;
  for (int m = 0; m < 12; m++) {
    if (strcmp(w, month_names[m]) == 0 || (n == 3 && memcmp(w, month_names[m], 3) == 0))
      return m + 1;
  }
  return strcmp(w, "sept") == 0 ? 9 : 0;
}

/* A label that starts with a letter: "January 2016", "Jan-2016",
** "Jan. 2016", "Q2 2023", "H1 2023". */
static int parse_word_first(const char *z, int n, ts_period *out) {
  int i = 0;
  while (i < n && ((z[i] >= 'a' && z[i] <= 'z') || (z[i] >= 'A' && z[i] <= 'Z'))) i++;
  int word = i, digit = -1;
  if (word == 1 && i < n && ts_is_digit(z[i])) digit = z[i++] - '0'; /* Q2, H1 */
  if (digit < 0 && i < n && z[i] == '.') i++;                        /* Jan. */
  int sep = i;
  while (i < n && (z[i] == ' ' || z[i] == '-' || z[i] == ',' || z[i] == '\t')) i++;
  if ((i == sep && (digit >= 0 || word < 3)) || n - i != 4) return 1; /* May2016 */
  int year = read_digits(z + i, 4);
  if (year < 0) return 1;
  if (digit >= 0) {
    char letter[3] = {z[0], (char)('0' + digit), 0};
    return parse_letter(letter, 2, year, out);
  }
  int month = month_from_name(z, word);
  return month ? set_period(out, TS_KIND_MONTH, year, month, 0) : 1;
}

/* "2Q2023", "2Q 2023", "1H2023": the number before the letter. */
static int parse_number_first(const char *z, int n, ts_period *out) {
  if (n < 6 || !ts_is_digit(z[0])) return 1;
  char c = z[1];
  if (c != 'Q' && c != 'q' && c != 'H' && c != 'h') return 1;
  int i = skip_spaces(z, n, 2);
  if (n - i != 4) return 1;
  int year = read_digits(z + i, 4);
  if (year < 0) return 1;
  char letter[3] = {c, z[0], 0};
  return parse_letter(letter, 2, year, out);
}

/* After "YYYY/": "06" or "6". After "YYYY-": "6".  After "YYYYM": "06", "6". */
static int parse_short_month(const char *z, int n, int year, ts_period *out) {
  if (n < 1 || n > 2) return 1;
  int i = 0, month = read_small(z, n, &i);
  if (month < 1 || month > 12 || i != n) return 1;
  return set_period(out, TS_KIND_MONTH, year, month, 0);
}

int ts_period_parse(const char *z, int n, ts_period *out) {
  if (z == NULL) return 1;
  if (n < 0) n = (int)strlen(z);
  int canonical = parse_canonical(z, n, out);
  if (canonical == 0) out->preliminary = 0;
  if (canonical >= 0) return canonical;
  ts_trim_text(&z, &n);
  int preliminary = ts_strip_preliminary(z, &n);
  if (n < 4) return 1;
  int year = read_digits(z, 4);
  if (year < 0) {
    int rc = ts_is_digit(z[0]) ? parse_number_first(z, n, out) : parse_word_first(z, n, out);
    if (rc == 0) out->preliminary = preliminary;
    return rc;
  }
  const char *rest = z + 4;
  int nrest = n - 4;
  int rc;
  if (nrest == 0) {
    rc = set_period(out, TS_KIND_YEAR, year, 1, 0);
  } else if (nrest == 2 && ts_is_digit(rest[0])) {
    /* YYYYMM, of the years a number may be (ts_period_from_int): six
    ** digits outside them are YYMMDD dates ('230101' is 2023-01-01, which
    ** read as January 2301 made every month another year's) */
    rc = year >= TS_PERIOD_INT_YEAR_MIN && year <= TS_PERIOD_INT_YEAR_MAX
             ? parse_month(rest, year, out)
             : 1;
  } else if (rest[0] == '-') {
    rc = nrest == 2 ? parse_short_month(rest + 1, 1, year, out)
                    : parse_after_dash(rest + 1, nrest - 1, year, out);
  } else if (rest[0] == '/') {
    rc = parse_short_month(rest + 1, nrest - 1, year, out);
  } else if (rest[0] == 'M' || rest[0] == 'm') {
    rc = parse_short_month(rest + 1, nrest - 1, year, out);
  } else if (starts_with(rest, nrest, KO_YEAR)) {
    rc = parse_korean(rest + 3, nrest - 3, year, out);
  } else if (rest[0] == '.') {
    rc = (nrest == 3 && ts_is_digit(rest[1]) && ts_is_digit(rest[2]))
             ? parse_month(rest + 1, year, out)
             : parse_fraction(rest + 1, nrest - 1, year, out);
  } else if (rest[0] == ' ') {
    rc = parse_fraction(rest + 1, nrest - 1, year, out) &&
         parse_letter(rest + 1, nrest - 1, year, out);
  } else {
    rc = parse_letter(rest, nrest, year, out);
  }
  if (rc == 0) out->preliminary = preliminary;
  return rc;
}

/* An INTEGER year is one of the years statistics are kept for (period.h):
** 1..999 in a period column are month, quarter or day numbers far more
** often than years, and read as the years 0001..0012 a column of month
** numbers gave month-on-month growth as year-on-year; 1000..9999 outside
** 1800..2199 are as often R's day counts.  An INTEGER YYYYMM month has
** a year of the same range.  Text years stay 0001..9999. */
int ts_period_from_int(int64_t v, ts_period *out) {
  if (v >= TS_PERIOD_INT_YEAR_MIN && v <= TS_PERIOD_INT_YEAR_MAX) {
    out->preliminary = 0;
    return set_period(out, TS_KIND_YEAR, (int)v, 1, 0);
  }
  /* YYYYMM with the years a number may be: 230101 is no January 2301
  ** but YYMMDD's 2023-01-01 (a month keyed by its first day, written
  ** as six digits), and read as a month each such month was January of
  ** another year, its change from the month before shown as a growth
  ** over a year. */
  if (v >= TS_PERIOD_INT_YEAR_MIN * 100 + 1 && v <= TS_PERIOD_INT_YEAR_MAX * 100 + 12 &&
      v % 100 >= 1 && v % 100 <= 12) {
    out->preliminary = 0;
    return set_period(out, TS_KIND_MONTH, (int)(v / 100), (int)(v % 100), 0);
  }
  return 1;
}

void ts_period_format(const ts_period *p, char *buf) {
  switch (p->kind) {
    case TS_KIND_YEAR: snprintf(buf, TS_PERIOD_LABEL_MAX, "%04d", p->year); break;
    case TS_KIND_HALF: snprintf(buf, TS_PERIOD_LABEL_MAX, "%04d-H%d", p->year, p->sub); break;
    case TS_KIND_QUARTER: snprintf(buf, TS_PERIOD_LABEL_MAX, "%04d-Q%d", p->year, p->sub); break;
    case TS_KIND_MONTH: snprintf(buf, TS_PERIOD_LABEL_MAX, "%04d-%02d", p->year, p->sub); break;
    case TS_KIND_DAY:
      snprintf(buf, TS_PERIOD_LABEL_MAX, "%04d-%02d-%02d", p->year, p->sub, p->day);
      break;
    default: buf[0] = 0; break;
  }
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *py, int *pm, int *pd) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *py = (int)(y + (m <= 2));
  *pm = m;
  *pd = d;
}

int64_t ts_period_ordinal(const ts_period *p) {
  if (p->kind == TS_KIND_DAY) return days_from_civil(p->year, p->sub, p->day);
  return (int64_t)p->year * ts_period_steps_per_year(p->kind) + (p->sub - 1);
}

int ts_period_from_ordinal(ts_period_kind k, int64_t ord, ts_period *out) {
  out->preliminary = 0;
  if (k == TS_KIND_DAY) {
    /* Guard the range before converting: years 1..9999. */
    if (ord < days_from_civil(1, 1, 1) || ord > days_from_civil(9999, 12, 31)) return 1;
    int y, m, d;
    civil_from_days(ord, &y, &m, &d);
    return set_period(out, k, y, m, d);
  }
  int n = ts_period_steps_per_year(k);
  if (n == 0 || ord < n || ord > (int64_t)9999 * n + (n - 1)) return 1;
  return set_period(out, k, (int)(ord / n), (int)(ord % n) + 1, 0);
}

int ts_periods_in_year(const ts_period *p) {
  return p->kind == TS_KIND_DAY ? 365 + is_leap(p->year) : ts_period_steps_per_year(p->kind);
}

int ts_period_position(const ts_period *p) {
  if (p->kind == TS_KIND_DAY)
    return (int)(days_from_civil(p->year, p->sub, p->day) - days_from_civil(p->year, 1, 1)) + 1;
  return p->sub;
}

int ts_period_shift(const ts_period *p, int64_t n, ts_period *out) {
  int64_t ord = ts_period_ordinal(p);
  /* Any shift past +-10^7 leaves 1..9999 for every kind; stops overflow. */
  if (n > 10000000 || n < -10000000) return 1;
  return ts_period_from_ordinal(p->kind, ord + n, out);
}

int ts_period_prior_year(const ts_period *p, ts_period *out) {
  if (p->year <= 1) return 1;
  if (p->kind == TS_KIND_DAY && p->sub == 2 && p->day == 29) return 1;
  *out = *p;
  out->year = p->year - 1;
  out->preliminary = 0;
  return 0;
}

/* First month and number of months covered by p (days: their month). */
void ts_period_month_span(const ts_period *p, int *first, int *count) {
  switch (p->kind) {
    case TS_KIND_YEAR:
      *first = 1;
      *count = 12;
      break;
    case TS_KIND_HALF:
      *first = (p->sub - 1) * 6 + 1;
      *count = 6;
      break;
    case TS_KIND_QUARTER:
      *first = (p->sub - 1) * 3 + 1;
      *count = 3;
      break;
    default:
      *first = p->sub;
      *count = 1;
      break;
  }
}

int ts_period_rollup(const ts_period *p, ts_period_kind kind, ts_period *out) {
  if (kind < TS_KIND_YEAR || kind > p->kind) return 1;
  if (kind == p->kind) {
    *out = *p;
    out->preliminary = 0;
    return 0;
  }
  int first, count;
  ts_period_month_span(p, &first, &count);
  int sub = 1;
  if (kind == TS_KIND_HALF)
    sub = (first - 1) / 6 + 1;
  else if (kind == TS_KIND_QUARTER)
    sub = (first - 1) / 3 + 1;
  else if (kind == TS_KIND_MONTH)
    sub = first;
  out->preliminary = 0;
  return set_period(out, kind, p->year, sub, 0);
}

double ts_period_year_fraction(const ts_period *p) {
  return (double)ts_period_position(p) / (double)ts_periods_in_year(p);
}

void ts_period_start(const ts_period *p, ts_period *out) {
  int first, count;
  ts_period_month_span(p, &first, &count);
  out->preliminary = 0;
  set_period(out, TS_KIND_DAY, p->year, first, p->kind == TS_KIND_DAY ? p->day : 1);
}

void ts_period_end(const ts_period *p, ts_period *out) {
  int first, count;
  ts_period_month_span(p, &first, &count);
  int last = first + count - 1;
  out->preliminary = 0;
  set_period(out, TS_KIND_DAY, p->year, last,
             p->kind == TS_KIND_DAY ? p->day : ts_days_in_month(p->year, last));
}

int ts_period_count_within(const ts_period *p, ts_period_kind inner) {
  ts_period first, last, a, b;
  ts_period_start(p, &first);
  ts_period_end(p, &last);
  if (ts_period_rollup(&first, inner, &a) || ts_period_rollup(&last, inner, &b)) return 0;
  return (int)(ts_period_ordinal(&b) - ts_period_ordinal(&a)) + 1;
}

double ts_period_years_between(const ts_period *a, const ts_period *b) {
  return (double)(b->year - a->year) + (ts_period_year_fraction(b) - ts_period_year_fraction(a));
}

/* The per-row fast path of the argument readers: only 'YYYY-MM', exactly
** 7 bytes, month 01-12, year 0001-9999.  Each byte is tested for a digit
** by one unsigned compare (a byte below '0' wraps to a large value). */
int ts_period_parse_month(const char *z, int n, ts_period *out, int64_t *ordinal) {
  if (n != 7 || z[4] != '-') return 1;
  unsigned y0 = (unsigned char)z[0] - (unsigned)'0', y1 = (unsigned char)z[1] - (unsigned)'0',
           y2 = (unsigned char)z[2] - (unsigned)'0', y3 = (unsigned char)z[3] - (unsigned)'0',
           m0 = (unsigned char)z[5] - (unsigned)'0', m1 = (unsigned char)z[6] - (unsigned)'0';
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9) return 1;
  int year = (int)(((y0 * 10 + y1) * 10 + y2) * 10 + y3), month = (int)(m0 * 10 + m1);
  if (year < 1 || month < 1 || month > 12) return 1;
  out->kind = TS_KIND_MONTH;
  out->year = year;
  out->sub = month;
  out->day = 0;
  out->preliminary = 0;
  *ordinal = (int64_t)year * 12 + (month - 1); /* ts_period_ordinal's, for months */
  return 0;
}
