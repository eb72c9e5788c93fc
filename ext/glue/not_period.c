/*
** glue/not_period.c -- what a value that is not a period was likely
** meant to be (not_period.h), for the message that refuses it
** (ts_value_period, glue.c: contract item 3 there): a whole number
** 1..999 is a month or quarter number; 1000..99999 a count of days (R,
** Excel), named as the dates it would be; eight digits a YYYYMMDD day;
** a number from 10^8 a Unix time in seconds or milliseconds, or a
** Julian day; a REAL YYYY.MM the dotted month it was written as; and
** the same for the text of such numbers.
*/
#include "glue/not_period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TS_STR2(x)         #x
#define TS_STR(x)          TS_STR2(x)
#define TS_YEAR_RANGE_TEXT TS_STR(TS_PERIOD_INT_YEAR_MIN) " to " TS_STR(TS_PERIOD_INT_YEAR_MAX)

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
char *ts_number_message(int type, double d, const char *zRepr) {
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
  if (ts_period_from_int(v, &p)) return ts_number_message(SQLITE_FLOAT, (double)v, zRepr);
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
char *ts_text_digits_message(sqlite3_value *v, const char *zRepr) {
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
    return yyyymmdd(SQLITE_INTEGER, d, zDay) ? ts_number_message(SQLITE_INTEGER, d, zRepr) : NULL;
  return epoch_message(d, zRepr);
}
