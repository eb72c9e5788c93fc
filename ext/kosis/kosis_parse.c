/*
** kosis/kosis_parse.c -- a KOSIS CSV export (as bytes) to a table of cells:
** its records, their periods and their values.  Which layout the header
** says, and its columns, are read by kosis_layout.c (items 2, 3, 6 and
** the column names of 12); the checks over the whole table once read by
** kosis_checks.c (items 8, 10 and 11); the records and headers refused
** because they would load wrong by kosis_refuse.c (items 12's codes, 14
** and 15).  Pure C: no SQLite values, no files.
**
** Contract:
**  1. The first non-empty record is the header.  Header names and every
**     field are trimmed of surrounding spaces and tabs.
**  2. Long layout: the header has a `시점` (period) column and a `데이터`
**     (data) column; every other column is a dimension column, in file
**     order.  Each record is one cell; its `시점` must be a period.  A
**     header with only one of the two is an error.
**  3. Wide layout (no `시점`/`데이터`): the leading columns up to the first
**     header that is a period are dimension columns; every column from
**     there on must be a period (`2014 1/4`, `2019 4/4 p)`, `2017.1/4`,
**     `2019.05`, `2019`, ...), else the header is an error that quotes it.
**     The same period twice is an error (a multi-item export; split it).
**     Each record gives one cell per period column.
**  4. Values: empty, `-` (KOSIS "no data"), `…`, `...` and `x`/`X`
**     ("confidential") are NULL.  Numbers are read as SQLite reads them
**     (INTEGER when integral and in range, else REAL); thousands separators
**     (`1,234,567`) are accepted by core/number.c's rule, so `0,001` is an
**     error, never 1.  Anything else, or an infinite value, is
**     an error quoting the value and naming the line and column.
**  5. A record with fewer fields than the header's named columns, or
**     more than the header, is an error naming its line and both
**     counts.  An empty file, or one with only empty lines, is an error
**     ("line 1: the file is empty").  A
**     data record whose fields are all empty (spaces and tabs aside:
**     `,,`) is skipped as an empty line is.  Trailing empty fields (a line
**     that ends in a comma) are no column: the header's last cells, when
**     empty, name none, and a record may have them or not (never more
**     than the header); a cell under such a header that is not empty is
**     an error.
**  6. A dimension column needs a name, names are unique (case-insensitive,
**     as SQL column names are) and none may be `period`, `value`,
**     `preliminary` or `label`, the result columns, nor (long layout) a
**     second `시점` or `데이터`.
**  7. A period marked preliminary (`p`, `p)`, `(p)`) sets .preliminary; the
**     label is kept as written.  Period kinds may differ between columns
**     when they do not overlap in time (item 11): the functions that
**     need one kind per series check that.
**  8. Two records with the same dimension values (long layout: and the
**     same period) are an error naming both lines: their rows could not
**     be told apart, and a sum() would count the figure twice.
**  9. Work is linear in the input (item 11 sorts: n log n): the duplicate
**     checks of items 3, 6, 8 and 10 use a hash set, and the caller's
**     poll function runs about every TS_KOSIS_POLL_BYTES
**     (ts_kosis_parse_polled) so a long parse can be interrupted.
** 10. A unit column (`단위`, as KOSIS names it, `Unit` on its English
**     pages, or `UNIT_NM` and
**     `UNIT_NM_ENG`, as its Open API does) holds one unit per series:
**     two records equal in every dimension but the unit columns, with
**     different units, are an error naming both lines and units (a table
**     whose unit changed, 천원 to 백만원, read as one series would mix
**     the two scales).
** 11. Two periods of one series that overlap in time (a year and its
**     quarters: KOSIS exports both when both frequencies are asked for)
**     are an error naming them (wide: their columns; long: both lines):
**     a sum over the year would count it twice.  Kinds that follow one
**     another (years, then quarters) load.
** 12. KOSIS's Open API names the long layout's columns PRD_DE (period) and
**     DT (figure), and translating tools 수록시점 and 수치값: in a file
**     without 시점 and 데이터, any of those period names with any of
**     those data names is the long layout (PRD_DE or DT alone stays an
**     ordinary column, and so do they all beside 시점 or 데이터; two
**     period or two data columns are an error).  A cycle column (PRD_SE or 수록주기) decides how each
**     record's period is read: under Q/분기 or H/S/반기 the Open API's
**     YYYY0N (`201904`) is quarter or half N, not month N, and under
**     D/일 its YYYYMMDD is that day; a period of
**     another kind than its cycle, or a cycle with no tradestat kind
**     (multi-year, irregular), is an error; an empty cycle reads the
**     period as written.  The cycle column and the Open API's LST_CHN_DE
**     (when a figure last changed) stay dimension columns but do not
**     name the series in items 8, 10 and 11: a file with quarters and
**     months of one series, or one figure revised twice, is caught.  In
**     the wide layout (the header's columns are the periods) a cycle
**     column is read as no period's, and does not name the series
**     either: one series listed under two cycles is item 8's error.
**     Two cycle columns are an error, as two period columns are.  Under
**     the Open API's period name (PRD_DE, 수록시점) a six-digit period
**     with no cycle to read it by (no cycle column, or an empty cycle
**     cell) is an error: the Open API writes Q1 and January alike
**     (`201901`), so reading it as a month could make one quarter of
**     three (the portal's 시점 never writes quarters so).
**     In the wide layout a record under Q or H with a six-digit header
**     (`201901`, read as a month) is an error: the header is read once
**     for every record, so the code cannot be read by each one's cycle.
** 13. A message names a header cell as "name", or, when it is longer than
**     60 bytes or holds a control byte, as a value is shown: 'C1' ||
**     char(26) || 'x' (the header is the file's, as any cell).
** 14. Wide layout: a record whose dimension cells are the header's names
**     (a byte-order mark before the first aside) and whose period cells
**     are all periods is the header again, an error: two exports joined
**     into one file, whose second header would load its labels (2019,
**     2019.01) as figures.
** 15. Wide layout: a dimension column whose header starts with a year
**     (four digits, no fifth) and whose every cell is a figure or a
**     no-data mark is a period column of a form the reader does not know
**     ('2018 e)', '2018 잠정'), an error: as a dimension its figures were
**     names of series, missing from every sum.
** 16. ts_kosis_parse_polled's max_memory bounds what the table takes
**     (about 40 bytes a cell): past it, an error naming the line.
*/
#include "kosis/kosis_builder.h"

#include <limits.h>
#include <stdlib.h>

/* Item 1 (kosis_builder.h). */
char *ts_kosis_trim(char *z) {
  while (*z == ' ' || *z == '\t') z++;
  size_t n = strlen(z);
  while (n > 0 && (z[n - 1] == ' ' || z[n - 1] == '\t')) z[--n] = 0;
  return z;
}

/* 'text' for a message, cut at 60 bytes on a character boundary, a
** control byte (an escape sequence in a cell) as char(N). */
char *ts_kosis_quoted(const char *z) { return ts_text_shown(z); }

/* A header name for a message: "name" as the file writes it, or, when it
** is longer than 60 bytes or holds a control byte (a header cell is the
** file's, as any cell), as ts_kosis_quoted() shows a value: 'C1' || char(26) ||
** 'x'.  A raw escape in a column name drove the terminal the message
** was printed on. */
char *ts_kosis_named(const char *z) {
  size_t n = strlen(z);
  int plain = n <= 60 && !ts_text_has_control(z, (int)n);
  return plain ? sqlite3_mprintf("\"%s\"", z) : ts_kosis_quoted(z);
}

int ts_kosis_fail(char **pzErr, int line, const char *zFormat, ...) {
  va_list ap;
  va_start(ap, zFormat);
  char *zWhat = sqlite3_vmprintf(zFormat, ap);
  va_end(ap);
  *pzErr = zWhat ? sqlite3_mprintf("line %d: %s", line, zWhat) : NULL;
  sqlite3_free(zWhat);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Grows *pa (elements of size sz) to hold `need`; SQLITE_OK or NOMEM. */
static int grow(void **pa, sqlite3_int64 *pAlloc, sqlite3_int64 need, size_t sz) {
  if (need <= *pAlloc) return SQLITE_OK;
  sqlite3_int64 n = *pAlloc ? *pAlloc : 64;
  while (n < need) n *= 2;
  void *a = sqlite3_realloc64(*pa, (sqlite3_uint64)n * sz);
  if (a == NULL) return SQLITE_NOMEM;
  *pa = a;
  *pAlloc = n;
  return SQLITE_OK;
}

/* Reads one value cell (contract item 4). */
static int parse_value(char *zRaw, const char *zColumn, int line, ts_kosis_cell *cell,
                       char **pzErr) {
  char *z = ts_kosis_trim(zRaw);
  cell->is_null = 0;
  if (z[0] == 0 || strcmp(z, "-") == 0 || strcmp(z, "\xE2\x80\xA6") == 0 || strcmp(z, "...") == 0 ||
      strcmp(z, "x") == 0 || strcmp(z, "X") == 0) {
    cell->is_null = 1;
    return SQLITE_OK;
  }
  /* Thousands separators by the one rule of core/number.c: '0,001' and
  ** '00,500' are decimal commas or typos, never 1 and 500. */
  ts_number_status st = ts_number_from_text(z, -1, &cell->value);
  if (st == TS_NUMBER_OK) return SQLITE_OK;
  if (st == TS_NUMBER_NOMEM) return SQLITE_NOMEM;
  /* The column is a period header in the wide layout, kept as written:
  ** '2019 \f' is read as 2019, so it is shown as any name is. */
  char *q = ts_kosis_quoted(z), *zName = ts_kosis_named(zColumn);
  int rc = q && zName ? ts_kosis_fail(pzErr, line, "column %s: value is not a %snumber: %s", zName,
                                      st == TS_NUMBER_INFINITE ? "finite " : "", q)
                      : SQLITE_NOMEM;
  sqlite3_free(q);
  sqlite3_free(zName);
  return rc;
}

int ts_kosis_parse_period(char *zRaw, int line, const char *zWhat, ts_kosis_period *out,
                          char **pzErr) {
  const char *z = ts_kosis_trim(zRaw);
  if (ts_period_parse(z, -1, &out->period) != 0) {
    char *q = ts_kosis_quoted(z);
    if (q == NULL) return SQLITE_NOMEM;
    int rc = ts_kosis_fail(pzErr, line, "%s %s is not a period (expected %s)", zWhat, q,
                           ts_period_forms);
    sqlite3_free(q);
    return rc;
  }
  ts_period_format(&out->period, out->canonical);
  out->label = z;
  return SQLITE_OK;
}

static int add_cell(kosis_builder *b, char *zValue, const char *zColumn, int period, int line,
                    char **pzErr) {
  ts_kosis_table *t = b->t;
  int rc = grow((void **)&t->aCell, &b->nCellAlloc, t->nCell + 1, sizeof(ts_kosis_cell));
  if (rc != SQLITE_OK) return rc;
  ts_kosis_cell *cell = &t->aCell[t->nCell];
  cell->record = t->nRecord;
  cell->period = period;
  rc = parse_value(zValue, zColumn, line, cell, pzErr);
  if (rc == SQLITE_OK) t->nCell++;
  return rc;
}

/* The period kind a cycle names (item 12): the Open API's codes (A or Y
** a year, H or S a half, Q, M, D) or KOSIS's Korean names; TS_KIND_NONE
** for an empty cell (the period is read as written), -1 for anything
** else (a multi-year or irregular cycle has no kind of tradestat's). */
int ts_kosis_cycle_kind(const char *z) {
  static const struct {
    const char *zName;
    ts_period_kind kind;
  } aCycle[] = {
      {"Y", TS_KIND_YEAR},
      {"A", TS_KIND_YEAR},
      {"\xEB\x85\x84", TS_KIND_YEAR},             /* 년 */
      {"\xEC\x97\xB0", TS_KIND_YEAR},             /* 연 */
      {"\xEC\x97\xB0\xEA\xB0\x84", TS_KIND_YEAR}, /* 연간 */
      {"H", TS_KIND_HALF},
      {"S", TS_KIND_HALF},
      {"\xEB\xB0\x98\xEA\xB8\xB0", TS_KIND_HALF}, /* 반기 */
      {"Q", TS_KIND_QUARTER},
      {"\xEB\xB6\x84\xEA\xB8\xB0", TS_KIND_QUARTER}, /* 분기 */
      {"M", TS_KIND_MONTH},
      {"\xEC\x9B\x94", TS_KIND_MONTH}, /* 월 */
      {"D", TS_KIND_DAY},
      {"\xEC\x9D\xBC", TS_KIND_DAY}, /* 일 */
  };
  if (z[0] == 0) return TS_KIND_NONE;
  for (size_t i = 0; i < sizeof(aCycle) / sizeof(aCycle[0]); i++)
    if (sqlite3_stricmp(z, aCycle[i].zName) == 0) return aCycle[i].kind;
  return -1;
}

/* The Open API's codes that no label form reads as the cycle says, into
** *p: YYYY0N for quarter or half N (`201904`: Q4, never April), and
** YYYYMMDD for a day (a date that exists). */
static int coded_period(const char *z, ts_period_kind kind, ts_period *p) {
  int nDigit = kind == TS_KIND_DAY ? 8 : 6;
  for (int i = 0; i < nDigit; i++)
    if (!ts_is_digit(z[i])) return 0;
  if (z[nDigit] != 0) return 0;
  int year = (z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 + (z[3] - '0');
  int sub = (z[4] - '0') * 10 + (z[5] - '0');
  int nMax = kind == TS_KIND_QUARTER ? 4 : kind == TS_KIND_HALF ? 2 : kind == TS_KIND_DAY ? 12 : 0;
  if (year < 1 || sub < 1 || sub > nMax) return 0;
  int day = kind == TS_KIND_DAY ? (z[6] - '0') * 10 + (z[7] - '0') : 0;
  if (kind == TS_KIND_DAY && (day < 1 || day > ts_days_in_month(year, sub))) return 0;
  memset(p, 0, sizeof(*p));
  p->kind = kind;
  p->year = year;
  p->sub = sub;
  p->day = day;
  return 1;
}

/* A long record's period read by its cycle (item 12): under Q or H the
** Open API's YYYY0N is quarter or half N, never month N, and a period
** of another kind than the cycle says is an error. */
static int parse_period_of_cycle(kosis_builder *b, char **azField, int line, ts_kosis_period *out,
                                 char **pzErr) {
  const char *zCycle = ts_kosis_trim(azField[b->iCycle]);
  const char *zCycleName = b->azHeader[b->iCycle];
  const char *zPeriodName = b->azHeader[b->iPeriod];
  char zWhat[80];
  sqlite3_snprintf(sizeof(zWhat), zWhat, "\"%s\"", zPeriodName);
  int kind = ts_kosis_cycle_kind(zCycle);
  if (kind < 0) {
    char *q = ts_kosis_quoted(zCycle);
    int rc = q ? ts_kosis_fail(
                     pzErr, line,
                     "column \"%s\": cycle %s is not one kosis_csv reads (expected Y or A, H or"
                     " S, Q, M, D, or an empty cell)",
                     zCycleName, q)
               : SQLITE_NOMEM;
    sqlite3_free(q);
    return rc;
  }
  char *z = ts_kosis_trim(azField[b->iPeriod]);
  if (coded_period(z, (ts_period_kind)kind, &out->period)) {
    ts_period_format(&out->period, out->canonical);
    out->label = z;
    return SQLITE_OK;
  }
  int rc = ts_kosis_parse_period(z, line, zWhat, out, pzErr);
  if (rc != SQLITE_OK || kind == TS_KIND_NONE || out->period.kind == (ts_period_kind)kind)
    return rc;
  char *q = ts_kosis_quoted(z), *qc = ts_kosis_quoted(zCycle);
  rc = q && qc ? ts_kosis_fail(pzErr, line, "%s %s is a %s, but column \"%s\" says %s, a %s", zWhat,
                               q, ts_period_kind_name(out->period.kind), zCycleName, qc,
                               ts_period_kind_name((ts_period_kind)kind))
               : SQLITE_NOMEM;
  sqlite3_free(q);
  sqlite3_free(qc);
  return rc;
}

/* Item 5: a record has the header's named columns, and may have its
** trailing empty ones (a line's final comma) or not; a field past the
** header is ragged even when empty (`서울,1,234,` under `지역,2019,2020`
** is a figure written with an unquoted thousands separator as much as a
** final comma), and a cell under an empty header is a value of no column. */
static int trailing_fields(kosis_builder *b, char **azField, int nField, int line, char **pzErr) {
  if (nField < b->nUsed || nField > b->nHeader)
    return ts_kosis_fail(pzErr, line, "%d fields, but the header (line %d) has %d", nField,
                         b->header_line, b->nHeader);
  for (int k = b->nUsed; k < nField; k++) {
    const char *z = ts_kosis_trim(azField[k]);
    if (*z == 0) continue;
    char *q = ts_kosis_quoted(z);
    int rc = q ? ts_kosis_fail(pzErr, line, "column %d holds %s, but its header (line %d) is empty",
                               k + 1, q, b->header_line)
               : SQLITE_NOMEM;
    sqlite3_free(q);
    return rc;
  }
  return SQLITE_OK;
}

/* One data record (items 4 and 5). */
static int read_record(kosis_builder *b, char **azField, int nField, int line, char **pzErr) {
  ts_kosis_table *t = b->t;
  int rc = trailing_fields(b, azField, nField, line, pzErr);
  if (rc != SQLITE_OK) return rc;
  if (t->nRecord == INT_MAX) return ts_kosis_fail(pzErr, line, "too many records");
  if (grow((void **)&b->aLine, &b->nLineAlloc, (sqlite3_int64)t->nRecord + 1, sizeof(int)))
    return SQLITE_NOMEM;
  b->aLine[t->nRecord] = line;
  rc = grow((void **)&t->azDim, &b->nRecordAlloc,
            ((sqlite3_int64)t->nRecord + 1) * (t->nDim ? t->nDim : 1), sizeof(char *));
  if (rc != SQLITE_OK) return rc;
  for (int d = 0; d < t->nDim; d++) {
    t->azDim[(sqlite3_int64)t->nRecord * t->nDim + d] = ts_kosis_trim(azField[b->aiDim[d]]);
  }
  if (t->layout == TS_KOSIS_LONG) {
    rc = grow((void **)&t->aPeriod, &b->nPeriodAlloc, (sqlite3_int64)t->nPeriod + 1,
              sizeof(ts_kosis_period));
    if (rc != SQLITE_OK) return rc;
    char zWhat[80];
    sqlite3_snprintf(sizeof(zWhat), zWhat, "\"%s\"", b->azHeader[b->iPeriod]);
    rc = b->iCycle >= 0 ? parse_period_of_cycle(b, azField, line, &t->aPeriod[t->nPeriod], pzErr)
                        : ts_kosis_parse_period(azField[b->iPeriod], line, zWhat,
                                                &t->aPeriod[t->nPeriod], pzErr);
    if (rc == SQLITE_OK) rc = ts_kosis_refuse_uncycled_code(b, azField, line, pzErr);
    if (rc != SQLITE_OK) return rc;
    rc = add_cell(b, azField[b->iData], b->azHeader[b->iData], t->nPeriod, line, pzErr);
    if (rc != SQLITE_OK) return rc;
    t->nPeriod++;
  } else {
    rc = ts_kosis_refuse_repeated_header(b, azField, line, pzErr);
    if (rc == SQLITE_OK) rc = ts_kosis_refuse_coded_header(b, azField, line, pzErr);
    if (rc == SQLITE_OK) rc = ts_kosis_refuse_uncycled_header(b, azField, line, pzErr);
    for (int j = 0; j < t->nPeriod && rc == SQLITE_OK; j++) {
      rc = add_cell(b, azField[b->iFirstPeriod + j], t->aPeriod[j].label, j, line, pzErr);
    }
    if (rc != SQLITE_OK) return rc;
  }
  t->nRecord++;
  return SQLITE_OK;
}

/* Item 5: a record of empty fields only (`,,`, a spreadsheet's trailing
** rows) is skipped as an empty line is: loaded, it was a series named ''
** of NULL figures, and two of them a duplicate. */
static int blank_record(char **azField, int nField) {
  for (int i = 0; i < nField; i++)
    if (*ts_kosis_trim(azField[i]) != 0) return 0;
  return 1;
}

int ts_kosis_parse(const char *data, size_t n, ts_kosis_table *out, char **pzErr) {
  return ts_kosis_parse_polled(data, n, out, pzErr, NULL, NULL, 0);
}

/* Item 16: what the records read so far take (cells, long periods, each
** record's dimension pointers and line), against b->max_memory. */
static int check_memory(kosis_builder *b, int line, char **pzErr) {
  const ts_kosis_table *t = b->t;
  if (b->max_memory <= 0) return SQLITE_OK;
  sqlite3_int64 used =
      (sqlite3_int64)t->nCell * (sqlite3_int64)sizeof(ts_kosis_cell) +
      (t->layout == TS_KOSIS_LONG ? (sqlite3_int64)t->nPeriod : 0) *
          (sqlite3_int64)sizeof(ts_kosis_period) +
      (sqlite3_int64)t->nRecord *
          ((sqlite3_int64)t->nDim * (sqlite3_int64)sizeof(char *) + (sqlite3_int64)sizeof(int));
  if (used <= b->max_memory) return SQLITE_OK;
  return ts_kosis_fail(pzErr, line,
                       "the table would take more than %lld bytes of memory (%lld cells so far,"
                       " about %d bytes each): raise the limit with the max_bytes= argument (the"
                       " table may take 4 times as much)",
                       b->max_memory, t->nCell, (int)sizeof(ts_kosis_cell));
}

int ts_kosis_parse_polled(const char *data, size_t n, ts_kosis_table *out, char **pzErr,
                          ts_kosis_poll xPoll, void *pPollArg, sqlite3_int64 max_memory) {
  memset(out, 0, sizeof(*out));
  *pzErr = NULL;
  size_t nText = 0;
  int rc = ts_kosis_decode(data, n, &out->zText, &nText, &out->encoding, pzErr, xPoll, pPollArg);
  if (rc != SQLITE_OK) return rc;
  kosis_builder b;
  memset(&b, 0, sizeof(b));
  b.t = out;
  b.max_memory = max_memory;
  sqlite3_randomness(sizeof(b.seed), &b.seed);
  ts_csv_reader r;
  ts_csv_init(&r, out->zText, nText);
  rc = ts_csv_next(&r, pzErr);
  if (rc == SQLITE_DONE) rc = ts_kosis_fail(pzErr, 1, "the file is empty");
  if (rc == SQLITE_ROW) {
    b.header_line = r.record_line;
    rc = ts_kosis_read_header(&b, r.azField, r.nField, pzErr);
  }
  size_t polled = 0;
  while (rc == SQLITE_OK) {
    if (xPoll && r.pos - polled >= TS_KOSIS_POLL_BYTES) {
      polled = r.pos;
      rc = xPoll(pPollArg);
      if (rc != SQLITE_OK) break;
    }
    rc = ts_csv_next(&r, pzErr);
    if (rc == SQLITE_ROW && !blank_record(r.azField, r.nField)) {
      rc = read_record(&b, r.azField, r.nField, r.record_line, pzErr);
      if (rc == SQLITE_OK) rc = check_memory(&b, r.record_line, pzErr);
    } else if (rc == SQLITE_ROW) {
      rc = SQLITE_OK;
    }
  }
  if (rc == SQLITE_DONE) rc = ts_kosis_refuse_unread_period_column(&b, pzErr);
  if (rc == SQLITE_OK) rc = ts_kosis_check_records(&b, pzErr);
  ts_csv_clear(&r);
  sqlite3_free(b.aiDim);
  sqlite3_free(b.aKey);
  sqlite3_free(b.azHeader);
  sqlite3_free(b.aLine);
  if (rc != SQLITE_OK) ts_kosis_clear(out);
  return rc;
}

void ts_kosis_clear(ts_kosis_table *t) {
  sqlite3_free(t->zText);
  sqlite3_free(t->azDimName);
  sqlite3_free(t->azDim);
  sqlite3_free(t->aPeriod);
  sqlite3_free(t->aCell);
  memset(t, 0, sizeof(*t));
}
