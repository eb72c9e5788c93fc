/*
** glue/glue.c -- arguments, column values, results and registration.
**
** Contract:
**  1. INTEGER and REAL are numbers as they are; TEXT is a number when
**     SQLite itself would read it as one (core/number.c); any other TEXT
**     and every BLOB is "argument N is not a number: 'value'".  +-Inf
**     (including TEXT such as '1e999') is "argument N is not a finite
**     number: Inf".
**  2. NULL is reported as TS_NUMBER_NULL; callers return NULL (scalars)
**     or skip the row (aggregates).
**  3. Periods are TEXT in any accepted form or an INTEGER year (1800 to
**     2199: 1..999 are month or quarter numbers, refused with that
**     reason) / YYYYMM of those years (YYMMDD's 230101 is no month, refused
**     saying so); an error quotes the label and lists the accepted
**     forms, or for another whole number 1000..99999 (a date column
**     written as a count of days: R, Excel) names the dates it would be,
**     and so for YYYYMMDD (number or text), a Unix time in seconds or
**     milliseconds (number or text, 10^8 up) and a REAL YYYY.MM.
**  4. Values quoted in messages are shortened to 60 bytes (on a UTF-8
**     character boundary) so a 2 MB string never makes a 2 MB message;
**     NUL and other control bytes are shown as || char(N) ||, so a
**     message is one line that cannot drive a terminal, and bytes that
**     are no UTF-8 as || CAST(x'ff' AS TEXT) ||; every message leaves
**     as one line of valid UTF-8 (ts_message_plain), names included.
**  5. Function tables register every entry or report the failing name
**     through sqlite3_log.
*/
#include "glue/glue.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TS_STR2(x)         #x
#define TS_STR(x)          TS_STR2(x)
#define TS_YEAR_RANGE_TEXT TS_STR(TS_PERIOD_INT_YEAR_MIN) " to " TS_STR(TS_PERIOD_INT_YEAR_MAX)

void ts_result_error(sqlite3_context *ctx, const char *zFunc, const char *zFormat, ...) {
  va_list ap;
  va_start(ap, zFormat);
  char *zWhat = sqlite3_vmprintf(zFormat, ap);
  va_end(ap);
  char *zMsg = zWhat ? ts_message_plain(sqlite3_mprintf("%s(): %s", zFunc, zWhat)) : NULL;
  if (zMsg)
    sqlite3_result_error(ctx, zMsg, -1);
  else
    sqlite3_result_error_nomem(ctx);
  sqlite3_free(zWhat);
  sqlite3_free(zMsg);
}

/* Whether z starts with "name: " or "name(): " (name: [a-z_][a-z0-9_]*). */
static int has_name_prefix(const char *z) {
  int n = 0;
  while ((z[n] >= 'a' && z[n] <= 'z') || z[n] == '_' || (n > 0 && z[n] >= '0' && z[n] <= '9')) n++;
  if (n == 0) return 0;
  if (z[n] == '(' && z[n + 1] == ')') n += 2;
  return z[n] == ':' && z[n + 1] == ' ';
}

char *ts_prefixed_error(const char *zModule, const char *zMsg) {
  if (zMsg == NULL) zMsg = "unknown error";
  if (has_name_prefix(zMsg)) return ts_message_plain(sqlite3_mprintf("%s", zMsg));
  return ts_message_plain(sqlite3_mprintf("%s: %s", zModule, zMsg));
}

#define TS_REPR_MAX 60

/* The length of the well-formed UTF-8 character at z[i] (of n bytes),
** or 0 when none starts there (a stray continuation byte, an overlong
** form, a surrogate, a sequence cut short, bytes F5..FF). */
static int utf8_len(const char *z, int i, int n) {
  const unsigned char *p = (const unsigned char *)z + i;
  unsigned char lo = 0x80, hi = 0xBF;
  int len;
  if (p[0] < 0x80) return 1;
  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    len = 2;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
    len = 3;
    if (p[0] == 0xE0) lo = 0xA0;
    if (p[0] == 0xED) hi = 0x9F;
  } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
    len = 4;
    if (p[0] == 0xF0) lo = 0x90;
    if (p[0] == 0xF4) hi = 0x8F;
  } else
    return 0;
  if (n - i < len || p[1] < lo || p[1] > hi) return 0;
  for (int k = 2; k < len; k++)
    if ((p[k] & 0xC0) != 0x80) return 0;
  return len;
}

/* What a message shows of the character at z[i] (of n bytes), its length
** in *pLen:
**  - TEXT_PLAIN: itself, inside the quotes;
**  - TEXT_CONTROL: char(N) rather than inside the quotes: NUL (quoted as
**    a C string the text stopped there, and "not a period: '2023'" named
**    a valid label), the other C0 controls and DEL (a newline or an
**    escape sequence inside a message broke the line or drove the
**    terminal it was printed on), and the C1 controls U+0080..U+009F as
**    UTF-8 writes them (C2 80..C2 9F): U+009B is CSI, the escape
**    sequence's introducer in one character, which terminals that read
**    C1 controls obey;
**  - TEXT_BYTE: a byte that starts no well-formed UTF-8 character (TEXT
**    made from a BLOB, CAST(x'ff' AS TEXT)), shown as CAST(x'ff' AS
**    TEXT): copied as it is it made the whole message invalid UTF-8,
**    which a client decoding it (Python's sqlite3) fails on, losing the
**    error itself;
**  - TEXT_SPACE: char(N) too, for a space a reader cannot see in the
**    message: U+00A0 no-break, U+2000..U+200F (zero-width ones among
**    them), U+2028..U+202F, U+205F, U+2060, U+3000 ideographic, U+FEFF.
**    Inside quotes '2023-01' followed by a no-break space showed as
**    '2023-01 ', a label whose trailing space is ignored; names keep
**    them (ts_message_plain). */
enum { TEXT_PLAIN, TEXT_CONTROL, TEXT_BYTE, TEXT_SPACE };

/* The code point of the well-formed UTF-8 character of len bytes at p. */
static int utf8_code(const unsigned char *p, int len) {
  if (len == 1) return p[0];
  if (len == 2) return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  if (len == 3) return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

static int invisible_space(int code) {
  return code == 0xA0 || (code >= 0x2000 && code <= 0x200F) || (code >= 0x2028 && code <= 0x202F) ||
         code == 0x205F || code == 0x2060 || code == 0x3000 || code == 0xFEFF;
}

static int char_kind(const char *z, int i, int n, int *pLen) {
  unsigned char c = (unsigned char)z[i];
  int len = utf8_len(z, i, n);
  *pLen = len ? len : 1;
  if (len == 0) return TEXT_BYTE;
  if (c < 0x20 || c == 0x7f) return TEXT_CONTROL;
  if (c == 0xC2 && (unsigned char)z[i + 1] <= 0x9F) return TEXT_CONTROL;
  if (len > 1 && invisible_space(utf8_code((const unsigned char *)z + i, len))) return TEXT_SPACE;
  return TEXT_PLAIN;
}

/* The text as the SQL that makes it: 'abc' || char(0) || char(27) ||
** CAST(x'ff' AS TEXT) || 'def', cut after `cut` bytes with || '...'. */
static char *text_repr_special(const char *z, int n, int cut) {
  static const char hex[] = "0123456789abcdef";
  sqlite3_str *s = sqlite3_str_new(NULL);
  int i = 0, parts = 0;
  while (i < cut) {
    int end = i, len = 1, kind = TEXT_PLAIN;
    while (end < cut && (kind = char_kind(z, end, cut, &len)) == TEXT_PLAIN) end += len;
    if (end > i) sqlite3_str_appendf(s, "%s'%.*q'", parts++ ? " || " : "", end - i, z + i);
    if (end < cut && (kind == TEXT_CONTROL || kind == TEXT_SPACE)) {
      int code = utf8_code((const unsigned char *)z + end, len);
      sqlite3_str_appendf(s, "%schar(%d)", parts++ ? " || " : "", code);
    } else if (end < cut) {
      sqlite3_str_appendf(s, "%sCAST(x'", parts++ ? " || " : "");
      while (end < cut && char_kind(z, end, cut, &len) == TEXT_BYTE) {
        unsigned char c = (unsigned char)z[end++];
        sqlite3_str_appendchar(s, 1, hex[c >> 4]);
        sqlite3_str_appendchar(s, 1, hex[c & 15]);
      }
      sqlite3_str_appendall(s, "' AS TEXT)");
      len = 0;
    }
    i = end + (end < cut ? len : 0);
  }
  if (parts == 0) sqlite3_str_appendall(s, "''");
  if (cut < n) sqlite3_str_appendall(s, " || '...'");
  return sqlite3_str_finish(s);
}

int ts_text_has_control(const char *z, int n) {
  for (int i = 0, len; i < n; i += len)
    if (char_kind(z, i, n, &len) != TEXT_PLAIN) return 1;
  return 0;
}

char *ts_text_repr(const char *z, int n) {
  /* Cut after TS_REPR_MAX bytes, on a character boundary (a byte that
  ** starts none is one character of its own). */
  int cut = 0, special = 0;
  while (cut < n) {
    int len, kind = char_kind(z, cut, n, &len);
    if (cut + len > TS_REPR_MAX && n > TS_REPR_MAX) break;
    special |= kind != TEXT_PLAIN;
    cut += len;
  }
  if (special) return text_repr_special(z, n, cut);
  if (cut == n) return sqlite3_mprintf("'%.*q'", n, z);
  return sqlite3_mprintf("'%.*q...'", cut, z);
}

char *ts_message_plain(char *zMsg) {
  if (zMsg == NULL) return NULL;
  int n = (int)strlen(zMsg), i = 0, len;
  while (i < n && char_kind(zMsg, i, n, &len) == TEXT_PLAIN) i += len;
  if (i == n) return zMsg;
  sqlite3_str *s = sqlite3_str_new(NULL);
  for (i = 0; i < n; i += len) {
    int kind = char_kind(zMsg, i, n, &len);
    if (kind == TEXT_BYTE)
      sqlite3_str_appendall(s, "\xEF\xBF\xBD"); /* U+FFFD */
    else if (kind == TEXT_CONTROL)
      sqlite3_str_appendchar(s, 1, '?');
    else
      sqlite3_str_append(s, zMsg + i, len);
  }
  sqlite3_free(zMsg);
  return sqlite3_str_finish(s);
}

char *ts_text_shown(const char *z) {
  return z ? ts_text_repr(z, (int)strlen(z)) : sqlite3_mprintf("NULL");
}

static char *blob_repr(const unsigned char *p, int n) {
  static const char hex[] = "0123456789abcdef";
  char buf[2 * 16 + 1];
  int shown = n < 16 ? n : 16;
  for (int i = 0; i < shown; i++) {
    buf[2 * i] = hex[p[i] >> 4];
    buf[2 * i + 1] = hex[p[i] & 15];
  }
  buf[2 * shown] = 0;
  return sqlite3_mprintf("x'%s'%s", buf, n > shown ? "..." : "");
}

/* The shortest of 15, 16 or 17 significant digits that reads back as d:
** at 15 alone, 202306.00000000003 was quoted as 202306.0, a valid period,
** in the message saying that it is not one. */
static int reads_back(const char *z, double d) {
  ts_number back;
  return ts_number_from_text(z, -1, &back) == TS_NUMBER_OK && back.d == d;
}

char *ts_real_repr(double d) {
  if (isinf(d)) return sqlite3_mprintf("%s", d > 0 ? "Inf" : "-Inf");
  for (int digits = 15; digits <= 17; digits++) {
    char *z = sqlite3_mprintf("%!.*g", digits, d);
    if (z == NULL || reads_back(z, d)) return z;
    sqlite3_free(z);
  }
  /* SQLite's printf works in long double and rounds some large exponents
  ** wrongly even at 17 digits (1.4523142177899403e308 came out as
  ** ...402e+308, another double); the C library's is correctly rounded.
  ** Its decimal point follows the locale: written back as '.'. */
  char buf[40];
  snprintf(buf, sizeof(buf), "%.17g", d);
  for (char *c = buf; *c; c++)
    if (!((*c >= '0' && *c <= '9') || *c == '-' || *c == '+' || *c == 'e')) *c = '.';
  return sqlite3_mprintf("%s", buf);
}

int ts_data_versions(sqlite3 *db, sqlite3_str *s) {
  sqlite3_stmt *list = NULL;
  int rc = sqlite3_prepare_v2(db, "PRAGMA database_list", -1, &list, NULL);
  while (rc == SQLITE_OK && sqlite3_step(list) == SQLITE_ROW) {
    const char *zName = (const char *)sqlite3_column_text(list, 1);
    unsigned int v = 0;
    if (zName == NULL) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK) rc = sqlite3_file_control(db, zName, SQLITE_FCNTL_DATA_VERSION, &v);
    if (rc == SQLITE_OK) sqlite3_str_appendf(s, "%s=%u,", zName, v);
  }
  int rc2 = sqlite3_finalize(list);
  return rc == SQLITE_OK ? rc2 : rc;
}

char *ts_value_repr(sqlite3_value *v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return sqlite3_mprintf("%lld", sqlite3_value_int64(v));
    case SQLITE_FLOAT: return ts_real_repr(sqlite3_value_double(v));
    case SQLITE_BLOB: {
      const unsigned char *p = sqlite3_value_blob(v);
      return blob_repr(p, p ? sqlite3_value_bytes(v) : 0);
    }
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      return z ? ts_text_repr(z, sqlite3_value_bytes(v)) : NULL;
    }
    default: return sqlite3_mprintf("NULL");
  }
}

ts_number_status ts_value_number(sqlite3_value *v, ts_number *out, char **pzErr) {
  ts_number_status st;
  *pzErr = NULL;
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return TS_NUMBER_NULL;
    case SQLITE_INTEGER: ts_number_from_int(sqlite3_value_int64(v), out); return TS_NUMBER_OK;
    case SQLITE_FLOAT: st = ts_number_from_double(sqlite3_value_double(v), out); break;
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      if (z == NULL) return TS_NUMBER_NOT_NUMBER; /* out of memory */
      st = ts_number_from_text(z, sqlite3_value_bytes(v), out);
      break;
    }
    default: st = TS_NUMBER_NOT_NUMBER; break;
  }
  if (st == TS_NUMBER_OK || st == TS_NUMBER_NULL) return st;
  char *zRepr = st == TS_NUMBER_NOMEM ? NULL : ts_value_repr(v);
  if (zRepr) {
    *pzErr = sqlite3_mprintf(
        "%s: %s", st == TS_NUMBER_INFINITE ? "is not a finite number" : "is not a number", zRepr);
  }
  sqlite3_free(zRepr);
  return TS_NUMBER_NOT_NUMBER;
}

int ts_value_has_figure(sqlite3_value *v) {
  ts_number n;
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return 1;
    case SQLITE_FLOAT: return ts_number_from_double(sqlite3_value_double(v), &n) == TS_NUMBER_OK;
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      return z && ts_number_from_text(z, sqlite3_value_bytes(v), &n) == TS_NUMBER_OK;
    }
    default: return 0;
  }
}

int ts_value_is_preliminary(sqlite3_value *v) {
  static const char *const azFalse[] = {"n", "no", "f", "false", "-"};
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return 0;
    case SQLITE_INTEGER: return sqlite3_value_int64(v) != 0;
    case SQLITE_FLOAT: return sqlite3_value_double(v) != 0.0;
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      int n = sqlite3_value_bytes(v);
      ts_number num;
      if (z == NULL) return 1; /* out of memory: keep the mark */
      ts_trim(&z, &n);
      if (n == 0) return 0;
      for (size_t k = 0; k < sizeof(azFalse) / sizeof(azFalse[0]); k++)
        if ((int)strlen(azFalse[k]) == n && sqlite3_strnicmp(z, azFalse[k], n) == 0) return 0;
      if (ts_number_from_text(z, n, &num) == TS_NUMBER_OK) return num.d != 0.0;
      return 1;
    }
    default: return 1;
  }
}

ts_number_status ts_arg_number(sqlite3_context *ctx, const char *zFunc, int iArg, sqlite3_value *v,
                               ts_number *out) {
  /* An INTEGER is the common argument (a window reads one per row): taken
  ** as it is, as ts_value_number would, without its dispatch. */
  if (sqlite3_value_type(v) == SQLITE_INTEGER) {
    ts_number_from_int(sqlite3_value_int64(v), out);
    return TS_NUMBER_OK;
  }
  char *zErr = NULL;
  ts_number_status st = ts_value_number(v, out, &zErr);
  if (st == TS_NUMBER_OK || st == TS_NUMBER_NULL) return st;
  if (zErr)
    ts_result_error(ctx, zFunc, "argument %d %s", iArg, zErr);
  else
    sqlite3_result_error_nomem(ctx);
  sqlite3_free(zErr);
  return TS_NUMBER_NOT_NUMBER;
}

/* A whole number 1..999: what a column of month or quarter numbers holds,
** refused with its own reason (ts_period_from_int). */
static int small_number(int type, double d) {
  return (type == SQLITE_INTEGER || (type == SQLITE_FLOAT && d == floor(d))) && d >= 1 && d < 1000;
}

/* A whole number 1000..99999 that is not a year (1800..2199) is no YYYYMM
** month either, but
** it is what a date column written as a count of days holds: R's
** dbWriteTable stores a Date as days since 1970-01-01 (2023-01-01 is
** 19358), Excel's serial date counts from 1899-12-30 (45000).  The
** message names both dates the number would be, so the analyst sees what
** the column holds and writes the dates as text. */
static int day_count(int type, double d, char *zR, char *zExcel) {
  ts_period r, x;
  if (!(type == SQLITE_INTEGER || (type == SQLITE_FLOAT && d == floor(d))) || d < 1000 || d > 99999)
    return 0;
  /* 1899-12-30 is 25569 days before 1970-01-01. */
  if (ts_period_from_ordinal(TS_KIND_DAY, (int64_t)d, &r) ||
      ts_period_from_ordinal(TS_KIND_DAY, (int64_t)d - 25569, &x))
    return 0;
  ts_period_format(&r, zR);
  ts_period_format(&x, zExcel);
  return 1;
}

/* A whole number 100001..999912 whose last two digits are a month but
** whose year lies outside the years a number may be: YYMMDD's 230101
** (2023-01-01) read as YYYYMM is January 2301.  The label it would be
** into zLabel, so the message can say how to write such a month. */
static int month_out_of_range(int type, double d, char *zLabel) {
  if (!(type == SQLITE_INTEGER || (type == SQLITE_FLOAT && d == floor(d))) || d < 100001 ||
      d > 999912)
    return 0;
  int64_t n = (int64_t)d;
  if (n % 100 < 1 || n % 100 > 12) return 0;
  snprintf(zLabel, TS_PERIOD_LABEL_MAX, "%04d-%02d", (int)(n / 100), (int)(n % 100));
  return 1;
}

/* The first and last day of the years a number may be. */
static void set_day_bounds(ts_period *first, ts_period *last) {
  memset(first, 0, sizeof(*first));
  memset(last, 0, sizeof(*last));
  first->kind = last->kind = TS_KIND_DAY;
  first->year = TS_PERIOD_INT_YEAR_MIN;
  last->year = TS_PERIOD_INT_YEAR_MAX;
  first->sub = first->day = 1;
  last->sub = 12;
  last->day = 31;
}

/* The UTC time, "YYYY-MM-DD HH:MM:SS UTC", of t seconds since 1970-01-01
** into z, if it falls in the years a number may be; else 0. */
static int epoch_time(double t, char *z, size_t size) {
  ts_period day, first, last;
  if (!(t > -1e13 && t < 1e13)) return 0; /* NaN too; the cast below needs it */
  int64_t s = (int64_t)floor(t), d = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
  set_day_bounds(&first, &last);
  if (ts_period_from_ordinal(TS_KIND_DAY, d, &day) ||
      ts_period_ordinal(&day) < ts_period_ordinal(&first) ||
      ts_period_ordinal(&day) > ts_period_ordinal(&last))
    return 0;
  int64_t r = s - d * 86400;
  char zDay[TS_PERIOD_LABEL_MAX];
  ts_period_format(&day, zDay);
  snprintf(z, size, "%s %02d:%02d:%02d UTC", zDay, (int)(r / 3600), (int)(r / 60 % 60),
           (int)(r % 60));
  return 1;
}

/* A number of 10^8 or more (or -10^8 or less), whose reading as seconds or
** milliseconds since 1970-01-01 is a time of the years a number may be:
** R's dbWriteTable stores a POSIXct as seconds (2023-01-01 is
** 1672531200), Unix tools write seconds, a JavaScript Date's getTime()
** (what better-sqlite3 is given for a Date it refuses) milliseconds.
** The message names the time(s) the number would be, in UTC: the day in
** the data's own zone may be another (a Seoul midnight is 15:00 UTC the
** day before).  NULL when the number is neither, or out of memory (then
** the list of forms is the message). */
static char *epoch_message(double d, const char *zRepr) {
  char zSec[40], zMs[40];
  if (!(fabs(d) >= 1e8)) return NULL; /* 1973-03-03: below, YYYYMMDD is likelier */
  int sec = epoch_time(d, zSec, sizeof(zSec)), ms = epoch_time(d / 1000, zMs, sizeof(zMs));
  if (!sec && !ms) return NULL;
  sqlite3_str *s = sqlite3_str_new(NULL);
  sqlite3_str_appendf(s, "is not a period: %s (", zRepr);
  if (sec)
    sqlite3_str_appendf(s, "as seconds since 1970-01-01 (an R POSIXct, a Unix time) it is %s",
                        zSec);
  if (ms)
    sqlite3_str_appendf(
        s, "%sas milliseconds since 1970-01-01 (a JavaScript Date's getTime()) it is %s",
        sec ? ", " : "", zMs);
  sqlite3_str_appendall(
      s, ": write dates as text, 'YYYY-MM-DD', the day in the data's own time zone)");
  return sqlite3_str_finish(s);
}

/* A number that is a Julian day (SQLite's julianday(), a REAL counting
** days from noon of 24 November 4714 BC; 2459945.5 is 2023-01-01
** 00:00 UTC) of the years a number may be: the message names the time
** it is, in UTC; NULL when it is none.  No other reading of a number
** falls in 2378496.5..2524593.5 (day counts stop at 99999, YYYYMMDD
** starts at 18000101, seconds at 10^8). */
static char *julian_day_message(double d, const char *zRepr) {
  char zTime[40];
  /* to the millisecond first: julianday('2023-06-30 23:30:00') is
  ** 2460126.4791666665, 23:29:59.9999 */
  double t = floor((d - 2440587.5) * 86400000 + 0.5) / 1000;
  if (!(d >= 2378496.5 && d < 2524593.5) || !epoch_time(t, zTime, sizeof(zTime))) return NULL;
  return sqlite3_mprintf(
      "is not a period: %s (as a Julian day number, SQLite's julianday(), it is %s: write dates"
      " as text, 'YYYY-MM-DD', as date(x) gives them)",
      zRepr, zTime);
}

/* A REAL with two decimals or fewer after a year 1800..2199, the
** decimals a month: the label 'YYYY.MM' read as a number, as a column
** declared FLOAT, REAL or NUMERIC, or sqlite-utils insert --detect-types,
** stores it ('2023.10', October, becomes 2023.1).  The label it was into
** zLabel. */
static int dotted_month_number(int type, double d, char *zLabel) {
  double c = d * 100;
  if (type != SQLITE_FLOAT || d == floor(d) ||
      !(d >= TS_PERIOD_INT_YEAR_MIN && d < TS_PERIOD_INT_YEAR_MAX + 1) || fabs(c - round(c)) > 1e-6)
    return 0;
  int64_t n = (int64_t)round(c);
  if (n % 100 < 1 || n % 100 > 12) return 0;
  snprintf(zLabel, TS_PERIOD_LABEL_MAX, "%04d.%02d", (int)(n / 100), (int)(n % 100));
  return 1;
}

/* Eight digits YYYYMMDD of a date of the years a number may be
** (pandas' read_csv makes 20230101 an int64); the date into zLabel. */
static int yyyymmdd(int type, double d, char *zLabel) {
  if (!(type == SQLITE_INTEGER || (type == SQLITE_FLOAT && d == floor(d))) ||
      d < TS_PERIOD_INT_YEAR_MIN * 10000.0 || d > TS_PERIOD_INT_YEAR_MAX * 10000.0 + 1231)
    return 0;
  int64_t n = (int64_t)d;
  int year = (int)(n / 10000), month = (int)(n / 100 % 100), day = (int)(n % 100);
  if (month < 1 || month > 12 || day < 1 || day > ts_days_in_month(year, month)) return 0;
  snprintf(zLabel, TS_PERIOD_LABEL_MAX, "%04d-%02d-%02d", year, month, day);
  return 1;
}

/* The message for a number (of SQLite type `type`, value d) that is no
** period but is what a column of something else holds; NULL if none
** fits (then the list of forms is the message). */
static char *number_message(int type, double d, const char *zRepr) {
  char zR[TS_PERIOD_LABEL_MAX], zExcel[TS_PERIOD_LABEL_MAX];
  if (type != SQLITE_INTEGER && type != SQLITE_FLOAT) return NULL;
  if (small_number(type, d)) {
    return sqlite3_mprintf(
        "is not a period: %s (a number as a year is %d to %d, not a month or"
        " quarter number; write other years as text: '1750')",
        zRepr, TS_PERIOD_INT_YEAR_MIN, TS_PERIOD_INT_YEAR_MAX);
  } else if (day_count(type, d, zR, zExcel)) {
    int year_like = d < 10000;
    return sqlite3_mprintf(
        "is not a period: %s (%s; as a count of days it is"
        " %s since 1970-01-01 (an R Date), %s since 1899-12-30 (an Excel serial date):"
        " write dates as text, 'YYYY-MM-DD'%s)",
        zRepr,
        year_like ? "a number as a year is " TS_YEAR_RANGE_TEXT
                  : "neither a year nor a YYYYMM month",
        zR, zExcel, year_like ? ", and other years as text, '1750'" : "");
  } else if (month_out_of_range(type, d, zR)) {
    return sqlite3_mprintf(
        "is not a period: %s (a number as a YYYYMM month has a year from " TS_YEAR_RANGE_TEXT
        ", %d01 to %d12; six digits such as YYMMDD 230101 are no month: write dates as text,"
        " 'YYYY-MM-DD', and other months as text, '%s')",
        zRepr, TS_PERIOD_INT_YEAR_MIN, TS_PERIOD_INT_YEAR_MAX, zR);
  } else if (dotted_month_number(type, d, zR)) {
    return sqlite3_mprintf(
        "is not a period: %s (a number with a fraction; as the label '%s' it was a month, but"
        " stored as a number it lost any trailing zero ('2023.10', October, is 2023.1): store"
        " periods as TEXT, in a column declared TEXT (sqlite-utils insert: without"
        " --detect-types))",
        zRepr, zR);
  } else if (yyyymmdd(type, d, zR)) {
    return sqlite3_mprintf(
        "is not a period: %s (as YYYYMMDD it is the day %s: write dates as text,"
        " '%s')",
        zRepr, zR, zR);
  }
  char *zJulian = julian_day_message(d, zRepr);
  return zJulian ? zJulian : epoch_message(d, zRepr);
}

/* The text of a whole number, digits then a point and zeros: what a
** column of TEXT affinity keeps of a number bound as a REAL
** (better-sqlite3 binds every JavaScript number so: 2023 arrives as
** '2023.0'; R's dbWriteTable a Date, 19358.0, into a column declared
** TEXT) and what a CSV of a float column holds (pandas writes the years
** of a column with a NaN as '2023.0').  A year or YYYYMM month is named
** as its label; any other number gets the message the number would. */
static char *text_whole_real_message(int64_t v, const char *zRepr) {
  ts_period p;
  char zLabel[TS_PERIOD_LABEL_MAX];
  if (ts_period_from_int(v, &p)) return number_message(SQLITE_FLOAT, (double)v, zRepr);
  ts_period_format(&p, zLabel);
  return sqlite3_mprintf(
      "is not a period: %s (the text of the number %lld.0, as a TEXT column keeps a number bound"
      " as a REAL (better-sqlite3 binds every JavaScript number so) or a CSV of a float column"
      " writes it: write the label '%s')",
      zRepr, (long long)v, zLabel);
}

/* TEXT that is a number in plain digits, as the sqlite3 shell's .import
** into a new table or a TEXT column keeps it: the message the number
** gets, or NULL.  Whole numbers written with a point (above); a fraction
** only as a Julian day ('2459945.5': '2023.1' keeps the nearest form,
** 'YYYY.MM'); digits alone as a Julian day (7), a YYYYMMDD date (8) or a
** Unix time in seconds or milliseconds (10 to 13).  Other digits keep
** the nearest form: '19358' or '20231' may be labels. */
static char *text_digits_message(sqlite3_value *v, const char *zRepr) {
  const char *z = (const char *)sqlite3_value_text(v);
  int n = sqlite3_value_bytes(v);
  char zDay[TS_PERIOD_LABEL_MAX];
  if (z == NULL) return NULL;
  ts_trim_text(&z, &n);
  if (n == 0 || n > 20) return NULL;
  double d = 0, whole = 0;
  int point = -1, fraction = 0;
  for (int i = 0; i < n; i++) {
    if (z[i] == '.' && point < 0 && i > 0) {
      point = i;
      whole = d;
      continue;
    }
    if (!ts_is_digit(z[i])) return NULL;
    d = d * 10 + (z[i] - '0');
    fraction |= point >= 0 && z[i] != '0';
  }
  if (point >= 0 && !fraction)
    return whole < 1e15 ? text_whole_real_message((int64_t)whole, zRepr) : NULL;
  if (point >= 0) /* a Julian day as text: '2459945.5' */
    return julian_day_message(d / pow(10, n - point - 1), zRepr);
  if (n == 7) return julian_day_message(d, zRepr);
  if (n != 8 && (n < 10 || n > 13)) return NULL;
  if (n == 8)
    return yyyymmdd(SQLITE_INTEGER, d, zDay) ? number_message(SQLITE_INTEGER, d, zRepr) : NULL;
  return epoch_message(d, zRepr);
}

int ts_value_period(sqlite3_value *v, ts_period *out, char **pzErr) {
  int bad = 1;
  *pzErr = NULL;
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return 1;
    case SQLITE_INTEGER: bad = ts_period_from_int(sqlite3_value_int64(v), out); break;
    case SQLITE_FLOAT: {
      double d = sqlite3_value_double(v);
      bad = !(d == floor(d) && d >= 1 && d <= 999912) || ts_period_from_int((int64_t)d, out);
      break;
    }
    case SQLITE_TEXT: {
      const char *z = (const char *)sqlite3_value_text(v);
      bad = z == NULL || ts_period_parse(z, sqlite3_value_bytes(v), out);
      break;
    }
    default: break;
  }
  if (!bad) return 0;
  char *zRepr = ts_value_repr(v);
  int text = sqlite3_value_type(v) == SQLITE_TEXT;
  if (zRepr && text && (*pzErr = text_digits_message(v, zRepr)) != NULL) {
    /* the text of a date or time as a number */
  } else if (zRepr && text) {
    *pzErr = sqlite3_mprintf(
        "is not a period: %s (nearest accepted form: %s)", zRepr,
        ts_period_nearest_form((const char *)sqlite3_value_text(v), sqlite3_value_bytes(v)));
  } else if (zRepr && (*pzErr = number_message(sqlite3_value_type(v), sqlite3_value_double(v),
                                               zRepr)) != NULL) {
    /* a number that is something else: number_message */
  } else if (zRepr) {
    *pzErr = sqlite3_mprintf("is not a period: %s (expected %s)", zRepr, ts_period_forms);
  }
  sqlite3_free(zRepr);
  return 2;
}

int ts_arg_period(sqlite3_context *ctx, const char *zFunc, int iArg, sqlite3_value *v,
                  ts_period *out) {
  /* A TEXT label that parses is the common argument: read it straight,
  ** as ts_value_period would.  Anything else (NULL, numbers, a label that
  ** does not parse) takes the general path, which reads it again and
  ** writes the message. */
  if (sqlite3_value_type(v) == SQLITE_TEXT) {
    const char *z = (const char *)sqlite3_value_text(v);
    if (z != NULL && ts_period_parse(z, sqlite3_value_bytes(v), out) == 0) return 0;
  }
  char *zErr = NULL;
  int rc = ts_value_period(v, out, &zErr);
  if (rc == 2) {
    if (zErr)
      ts_result_error(ctx, zFunc, "argument %d %s", iArg, zErr);
    else
      sqlite3_result_error_nomem(ctx);
  }
  sqlite3_free(zErr);
  return rc;
}

void ts_result_number(sqlite3_context *ctx, const ts_number *n) {
  if (n->is_int)
    sqlite3_result_int64(ctx, n->i);
  else
    ts_result_double(ctx, n->d);
}

void ts_result_double(sqlite3_context *ctx, double d) {
  if (isfinite(d))
    sqlite3_result_double(ctx, d);
  else
    sqlite3_result_null(ctx);
}

int ts_register_functions(sqlite3 *db, const ts_function_def *defs, int n) {
  for (int i = 0; i < n; i++) {
    const ts_function_def *f = &defs[i];
    int rc;
    if (f->xInverse) {
      rc = sqlite3_create_window_function(db, f->zName, f->nArg, f->flags, f->pApp, f->xStep,
                                          f->xFinal, f->xValue, f->xInverse, NULL);
    } else {
      rc = sqlite3_create_function_v2(db, f->zName, f->nArg, f->flags, f->pApp, f->xFunc, f->xStep,
                                      f->xFinal, NULL);
    }
    if (rc != SQLITE_OK) {
      sqlite3_log(rc, "tradestat: cannot register %s/%d", f->zName, f->nArg);
      return rc;
    }
  }
  return SQLITE_OK;
}
