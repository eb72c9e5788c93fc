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
#include "glue/not_period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
  if (zRepr && text && (*pzErr = ts_text_digits_message(v, zRepr)) != NULL) {
    /* the text of a date or time as a number */
  } else if (zRepr && text) {
    *pzErr = sqlite3_mprintf(
        "is not a period: %s (nearest accepted form: %s)", zRepr,
        ts_period_nearest_form((const char *)sqlite3_value_text(v), sqlite3_value_bytes(v)));
  } else if (zRepr && (*pzErr = ts_number_message(sqlite3_value_type(v), sqlite3_value_double(v),
                                                  zRepr)) != NULL) {
    /* a number that is something else: ts_number_message */
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
