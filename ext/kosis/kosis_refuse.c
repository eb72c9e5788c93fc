/*
** kosis/kosis_refuse.c -- the records and headers of a KOSIS file that
** are refused because, loaded, they would give figures that look right
** and are not (kosis_builder.h; kosis_parse.c reads the records and calls
** these): Open API period codes with no cycle to read them by (item 12),
** a header again inside the file (item 14), a period column in a form
** the reader does not know (item 15).  The item numbers are
** kosis_parse.c's contract.
*/
#include "kosis/kosis_builder.h"

#include <string.h>

/* Item 12: an Open API period of six digits read as a month because no
** cycle says what it is -- 201901 is Q1 in a quarterly table and
** January in a monthly one, and a month series of codes 01..04 rolls up
** into one quarter of three. */
int ts_kosis_refuse_uncycled_code(kosis_builder *b, char **azField, int line, char **pzErr) {
  if (!ts_kosis_is_api_period(b->azHeader[b->iPeriod])) return SQLITE_OK;
  if (b->iCycle >= 0 && *ts_kosis_trim(azField[b->iCycle]) != 0) return SQLITE_OK;
  const char *z = ts_kosis_trim(azField[b->iPeriod]);
  int n = 0;
  while (ts_is_digit(z[n])) n++;
  if (n != 6 || z[n] != 0) return SQLITE_OK;
  char *q = ts_kosis_quoted(z);
  int rc =
      q ? ts_kosis_fail(pzErr, line,
                        "column \"%s\": period %s has no cycle to read it by (the Open API writes"
                        " quarter 1 and January alike, 201901): keep its PRD_SE column (Q or M)",
                        b->azHeader[b->iPeriod], q)
        : SQLITE_NOMEM;
  sqlite3_free(q);
  return rc;
}

/* Item 14: a wide record that is the header again -- its dimension cells
** the header's names (a joined file's byte-order mark aside) and every
** period cell a period.  Two exports joined into one file made their
** second header a record whose labels read as figures: 2019 and 2020,
** or 2019.01 (a month) as the number 2019.01. */
static int is_repeated_header(kosis_builder *b, char **azField);

int ts_kosis_refuse_repeated_header(kosis_builder *b, char **azField, int line, char **pzErr) {
  if (b->t->layout != TS_KOSIS_WIDE || !is_repeated_header(b, azField)) return SQLITE_OK;
  return ts_kosis_fail(pzErr, line,
                       "a header again (its cells are the header's names and periods, as line"
                       " %d): two exports joined into one file? (keep one header)",
                       b->header_line);
}

/* The two signs of a header again: every period cell the header's own
** label, as written (two periods at least: a lone figure may be 2019);
** or every dimension cell the header's name and every period cell a
** period (the other file's periods under the same names). */
static int is_repeated_header(kosis_builder *b, char **azField) {
  ts_kosis_table *t = b->t;
  int same = t->nPeriod >= 2;
  for (int j = 0; j < t->nPeriod && same; j++) {
    same = strcmp(ts_kosis_trim(azField[b->iFirstPeriod + j]), t->aPeriod[j].label) == 0;
  }
  if (same) return 1;
  if (t->nDim == 0) return 0;
  for (int d = 0; d < t->nDim; d++) {
    const char *z = ts_kosis_trim(azField[b->aiDim[d]]);
    if (d == 0 && strncmp(z, "\xEF\xBB\xBF", 3) == 0) z = ts_kosis_trim((char *)z + 3);
    if (strcmp(z, t->azDimName[d]) != 0) return 0;
  }
  ts_period probe;
  for (int j = 0; j < t->nPeriod; j++) {
    if (ts_period_parse(ts_kosis_trim(azField[b->iFirstPeriod + j]), -1, &probe) != 0) return 0;
  }
  return 1;
}

/* Whether header period p is an Open API code read as a month: six
** digits, nothing after (201901: January, or quarter or half 1). */
static int is_coded_month(const ts_kosis_period *p) {
  int n = 0;
  while (ts_is_digit(p->label[n])) n++;
  return n == 6 && p->label[n] == 0 && p->period.kind == TS_KIND_MONTH;
}

/* Item 12, wide layout: a record whose cycle is a quarter or a half
** under a header of six-digit codes, which the header read as months
** (201901..201904 under `Q` loaded as January to April).  The header is
** read once for every record, so the code is refused, not re-read. */
int ts_kosis_refuse_coded_header(kosis_builder *b, char **azField, int line, char **pzErr) {
  ts_kosis_table *t = b->t;
  if (t->layout != TS_KOSIS_WIDE || b->iCycle < 0) return SQLITE_OK;
  const char *zCycle = ts_kosis_trim(azField[b->iCycle]);
  int kind = ts_kosis_cycle_kind(zCycle);
  if (kind != TS_KIND_QUARTER && kind != TS_KIND_HALF) return SQLITE_OK;
  for (int j = 0; j < t->nPeriod; j++) {
    const char *z = t->aPeriod[j].label;
    if (!is_coded_month(&t->aPeriod[j])) continue;
    char *q = ts_kosis_quoted(z), *qc = ts_kosis_quoted(zCycle);
    int rc = q && qc ? ts_kosis_fail(
                           pzErr, line,
                           "column \"%s\" says %s, a %s, but column %d header %s reads as a"
                           " month (the Open API writes quarter 1 and January alike, 201901):"
                           " write the header's periods as %s",
                           b->azHeader[b->iCycle], qc, ts_period_kind_name((ts_period_kind)kind),
                           b->iFirstPeriod + j + 1, q,
                           kind == TS_KIND_QUARTER ? "quarters ('2019 1/4' or '2019-Q1')"
                                                   : "halves ('2019 1/2' or '2019-H1')")
                     : SQLITE_NOMEM;
    sqlite3_free(q);
    sqlite3_free(qc);
    return rc;
  }
  return SQLITE_OK;
}

/* Item 12, wide layout with no cycle to read a header by (no cycle
** column, or an empty cell): six-digit headers that never pass April
** (201901..201904) may be quarter or half codes as well as months, and
** read as months they roll up into one quarter of three.  A header past
** April is a month in every cycle, and settles the file. */
int ts_kosis_refuse_uncycled_header(kosis_builder *b, char **azField, int line, char **pzErr) {
  ts_kosis_table *t = b->t;
  if (t->layout != TS_KOSIS_WIDE) return SQLITE_OK;
  if (b->iCycle >= 0 && *ts_kosis_trim(azField[b->iCycle]) != 0) return SQLITE_OK;
  int first = -1;
  for (int j = 0; j < t->nPeriod; j++) {
    const char *z = t->aPeriod[j].label;
    if (!is_coded_month(&t->aPeriod[j])) continue;
    if ((z[4] - '0') * 10 + (z[5] - '0') > 4) return SQLITE_OK;
    if (first < 0) first = j;
  }
  if (first < 0) return SQLITE_OK;
  char *q = ts_kosis_quoted(t->aPeriod[first].label);
  int rc = q ? ts_kosis_fail(pzErr, line,
                             "column %d header %s may be a quarter or a half code as well as a"
                             " month (the Open API writes quarter 1 and January alike, 201901),"
                             " and no header is past April: keep the PRD_SE column (Q, H or M)"
                             " or write the headers as months ('2019.01')",
                             b->iFirstPeriod + first + 1, q)
             : SQLITE_NOMEM;
  sqlite3_free(q);
  return rc;
}

/* Item 15: a wide file's dimension column that is a period column in a
** form the reader does not know ('2018 e)', '2018 잠정'): its header
** starts with a year (four digits, no fifth) and every cell under it is
** a figure or a no-data mark.  Loaded, its figures were names of series,
** missing from every sum.  Runs once every record is read. */
int ts_kosis_refuse_unread_period_column(kosis_builder *b, char **pzErr) {
  ts_kosis_table *t = b->t;
  if (t->layout != TS_KOSIS_WIDE || t->nRecord == 0) return SQLITE_OK;
  for (int d = 0; d < t->nDim; d++) {
    const char *zName = t->azDimName[d];
    int k = 0;
    while (k < 5 && ts_is_digit(zName[k])) k++;
    if (k != 4) continue;
    int figures = 1;
    for (int r = 0; r < t->nRecord && figures; r++) {
      ts_number v;
      ts_number_status st = ts_number_from_text(t->azDim[(sqlite3_int64)r * t->nDim + d], -1, &v);
      figures = st == TS_NUMBER_OK || st == TS_NUMBER_NULL;
    }
    if (!figures) continue;
    char *q = ts_kosis_quoted(zName);
    int rc = q ? ts_kosis_fail(pzErr, b->header_line,
                               "column %d header %s starts with a year and every cell under it is"
                               " a figure, but it is not a period (expected %s): rename it to a"
                               " period, or drop the column",
                               b->aiDim[d] + 1, q, ts_period_forms)
               : SQLITE_NOMEM;
    sqlite3_free(q);
    return rc;
  }
  return SQLITE_OK;
}
