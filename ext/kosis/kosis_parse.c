/*
** kosis/kosis_parse.c -- a KOSIS CSV export (as bytes) to a table of cells:
** which layout it is, its dimension columns, its periods and its values.
** Pure C: no SQLite values, no files.
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
**  5. A record with a different number of fields than the header is an
**     error naming its line and both counts.  An empty file, or one with
**     only empty lines, is an error ("line 1: the file is empty").
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
** 10. A unit column (`단위`, as KOSIS names it, or `UNIT_NM` and
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
** 13. A message names a header cell as "name", or, when it is longer than
**     60 bytes or holds a control byte, as a value is shown: 'C1' ||
**     char(26) || 'x' (the header is the file's, as any cell).
*/
#include "kosis/kosis_text.h"
#include "core/core.h"

#include <limits.h>
#include <stdlib.h>

const char *const ts_kosis_result_columns[4] = {"period", "value", "preliminary", "label"};

#define KOSIS_PERIOD_NAME "\xEC\x8B\x9C\xEC\xA0\x90"             /* 시점 */
#define KOSIS_DATA_NAME   "\xEB\x8D\xB0\xEC\x9D\xB4\xED\x84\xB0" /* 데이터 */

/* The long layout's columns under their other names (item 12): KOSIS's
** Open API writes PRD_DE (period), DT (figure) and PRD_SE (cycle), and
** tools that translate its names 수록시점, 수치값 and 수록주기.  Matched
** ASCII case-insensitively, as the SQL names are.  A file with the
** portal's 시점 or 데이터 is read by those alone, as it always was. */
static const char *const azPortalPeriod[] = {KOSIS_PERIOD_NAME, NULL};
static const char *const azPortalData[] = {KOSIS_DATA_NAME, NULL};
static const char *const azApiPeriod[] = {"PRD_DE",
                                          "\xEC\x88\x98\xEB\xA1\x9D\xEC\x8B\x9C\xEC\xA0\x90", NULL};
static const char *const azApiData[] = {"DT", "\xEC\x88\x98\xEC\xB9\x98\xEA\xB0\x92", NULL};
static const char *const azCycleName[] = {"PRD_SE",
                                          "\xEC\x88\x98\xEB\xA1\x9D\xEC\xA3\xBC\xEA\xB8\xB0", NULL};
/* The Open API's date of the last change of a figure: it belongs to the
** figure, not to the series (item 12). */
#define KOSIS_LAST_CHANGE_NAME "LST_CHN_DE"

static int name_is_one_of(const char *z, const char *const *az) {
  for (; *az; az++)
    if (sqlite3_stricmp(z, *az) == 0) return 1;
  return 0;
}

static char *trim(char *z) {
  while (*z == ' ' || *z == '\t') z++;
  size_t n = strlen(z);
  while (n > 0 && (z[n - 1] == ' ' || z[n - 1] == '\t')) z[--n] = 0;
  return z;
}

/* 'text' for a message, cut at 60 bytes on a character boundary, a
** control byte (an escape sequence in a cell) as char(N). */
static char *quoted(const char *z) { return ts_text_shown(z); }

/* A header name for a message: "name" as the file writes it, or, when it
** is longer than 60 bytes or holds a control byte (a header cell is the
** file's, as any cell), as quoted() shows a value: 'C1' || char(26) ||
** 'x'.  A raw escape in a column name drove the terminal the message
** was printed on. */
static char *named(const char *z) {
  size_t n = strlen(z);
  int plain = n <= 60 && !ts_text_has_control(z, (int)n);
  return plain ? sqlite3_mprintf("\"%s\"", z) : quoted(z);
}

/* Sets *pzErr to "line N: " + formatted text, with %s args already quoted
** by the caller; returns SQLITE_ERROR (SQLITE_NOMEM when that fails). */
static int fail(char **pzErr, int line, const char *zFormat, ...) {
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
  char *z = trim(zRaw);
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
  char *q = quoted(z), *zName = named(zColumn);
  int rc = q && zName ? fail(pzErr, line, "column %s: value is not a %snumber: %s", zName,
                             st == TS_NUMBER_INFINITE ? "finite " : "", q)
                      : SQLITE_NOMEM;
  sqlite3_free(q);
  sqlite3_free(zName);
  return rc;
}

static int parse_period(char *zRaw, int line, const char *zWhat, ts_kosis_period *out,
                        char **pzErr) {
  const char *z = trim(zRaw);
  if (ts_period_parse(z, -1, &out->period) != 0) {
    char *q = quoted(z);
    if (q == NULL) return SQLITE_NOMEM;
    int rc = fail(pzErr, line, "%s %s is not a period (expected %s)", zWhat, q, ts_period_forms);
    sqlite3_free(q);
    return rc;
  }
  ts_period_format(&out->period, out->canonical);
  out->label = z;
  return SQLITE_OK;
}

/* Parsing state beyond the table itself. */
typedef struct kosis_builder {
  ts_kosis_table *t;
  int nHeader;
  int header_line;
  int iPeriod, iData; /* long layout: the 시점 and 데이터 columns */
  int iCycle;         /* the cycle column (PRD_SE), or -1; read in the long layout */
  const char *const *azPeriodNames, *const *azDataNames; /* the names read */
  unsigned char *aKey; /* per dimension: 1 when it names the series (item 12) */
  int iFirstPeriod;    /* wide layout: first period column */
  int *aiDim;          /* header index of each dimension column */
  char **azHeader;     /* the header's names, trimmed */
  int *aLine;          /* line each data record starts on */
  sqlite3_uint64 seed; /* the hash sets' (ts_mix64 of their hashes) */
  sqlite3_int64 nRecordAlloc, nPeriodAlloc, nCellAlloc, nLineAlloc;
} kosis_builder;

/* The hash sets below hash with FNV-1a from a random start and place by
** a final mix (MurmurHash3's fmix64), so a file cannot be made of names
** or records that all fall into one slot chain: FNV-1a's low bits depend
** only on the low bits of its state, and 32,768 crafted records whose
** hashes shared their low 24 bits took 11.7 s to load (0.25 s for as
** many other records), quadratic in their number, with no interrupt
** check.  The start is drawn per parse; the answers do not depend on it
** (each check reports the first repeat in file order). */
static sqlite3_uint64 hash_start(sqlite3_uint64 seed) { return 14695981039346656037ULL ^ seed; }

/* A set of strings by index, for the duplicate checks: one pass over n
** names, so a header of 100,000 columns costs 100,000 lookups, not 5e9
** comparisons.  fold: compare ASCII case-insensitively (as
** sqlite3_stricmp and SQL column names do). */
typedef struct name_set {
  const char *const *az;
  int fold;
  int *aSlot; /* index into az, or -1 */
  sqlite3_uint64 mask, seed;
} name_set;

static int name_set_init(name_set *s, const char *const *az, int n, int fold, sqlite3_uint64 seed) {
  sqlite3_uint64 nSlot = 16;
  while (nSlot < (sqlite3_uint64)n * 2) nSlot *= 2;
  s->az = az;
  s->fold = fold;
  s->mask = nSlot - 1;
  s->seed = seed;
  s->aSlot = sqlite3_malloc64(nSlot * sizeof(int));
  if (s->aSlot == NULL) return SQLITE_NOMEM;
  memset(s->aSlot, 0xff, nSlot * sizeof(int));
  return SQLITE_OK;
}

static unsigned char fold_char(unsigned char c, int fold) {
  return fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Adds az[i]; returns the index of an earlier equal name, or -1. */
static int name_set_add(name_set *s, int i) {
  sqlite3_uint64 h = hash_start(s->seed);
  for (const unsigned char *p = (const unsigned char *)s->az[i]; *p; p++) {
    h = (h ^ fold_char(*p, s->fold)) * 1099511628211ULL;
  }
  for (sqlite3_uint64 k = ts_mix64(h) & s->mask;; k = (k + 1) & s->mask) {
    int e = s->aSlot[k];
    if (e < 0) {
      s->aSlot[k] = i;
      return -1;
    }
    if (s->fold ? sqlite3_stricmp(s->az[e], s->az[i]) == 0 : strcmp(s->az[e], s->az[i]) == 0)
      return e;
  }
}

static int check_dimension_names(kosis_builder *b, char **pzErr) {
  ts_kosis_table *t = b->t;
  name_set set;
  if (name_set_init(&set, t->azDimName, t->nDim, 1, b->seed) != SQLITE_OK) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (int d = 0; d < t->nDim && rc == SQLITE_OK; d++) {
    const char *z = t->azDimName[d];
    if (z[0] == 0) {
      rc = fail(pzErr, b->header_line, "column %d has no name", b->aiDim[d] + 1);
      break;
    }
    for (int k = 0; k < 4 && rc == SQLITE_OK; k++) {
      if (sqlite3_stricmp(z, ts_kosis_result_columns[k]) == 0) {
        rc = fail(pzErr, b->header_line,
                  "column %d is named \"%s\", which kosis_csv uses for a"
                  " result column",
                  b->aiDim[d] + 1, z);
      }
    }
    if (rc != SQLITE_OK) break;
    /* A second 시점 or 데이터 of a long file: which one holds the period
    ** (or the figure) cannot be told, and the other became a dimension. */
    int iTaken = t->layout != TS_KOSIS_LONG            ? -1
                 : name_is_one_of(z, b->azPeriodNames) ? b->iPeriod
                 : name_is_one_of(z, b->azDataNames)   ? b->iData
                                                       : -1;
    if (iTaken >= 0 && strcmp(z, b->azHeader[iTaken]) == 0) {
      rc = fail(pzErr, b->header_line, "columns %d and %d are both named \"%s\"", iTaken + 1,
                b->aiDim[d] + 1, z);
      break;
    }
    if (iTaken >= 0) {
      rc = fail(pzErr, b->header_line, "columns %d and %d (\"%s\" and \"%s\") both hold the %s",
                iTaken + 1, b->aiDim[d] + 1, b->azHeader[iTaken], z,
                iTaken == b->iPeriod ? "period" : "figure");
      break;
    }
    int e = name_set_add(&set, d);
    if (e >= 0) {
      char *zName = named(z);
      rc = zName ? fail(pzErr, b->header_line, "columns %d and %d are both named %s",
                        b->aiDim[e] + 1, b->aiDim[d] + 1, zName)
                 : SQLITE_NOMEM;
      sqlite3_free(zName);
    }
  }
  sqlite3_free(set.aSlot);
  return rc;
}

/* Decides the layout from the header (items 2, 3 and 6). */
static int read_header(kosis_builder *b, char **azField, int nField, char **pzErr) {
  ts_kosis_table *t = b->t;
  b->nHeader = nField;
  b->iPeriod = b->iData = b->iFirstPeriod = b->iCycle = -1;
  /* The reader reuses azField for the next record; the names it points
  ** to stay (they are in t->zText). */
  b->azHeader = sqlite3_malloc64((sqlite3_uint64)(nField + 1) * sizeof(char *));
  if (b->azHeader == NULL) return SQLITE_NOMEM;
  int portal = 0; /* a 시점 or 데이터 column: the portal's long layout is meant */
  for (int i = 0; i < nField; i++) {
    b->azHeader[i] = azField[i] = trim(azField[i]);
    portal |=
        strcmp(azField[i], KOSIS_PERIOD_NAME) == 0 || strcmp(azField[i], KOSIS_DATA_NAME) == 0;
  }
  b->azPeriodNames = portal ? azPortalPeriod : azApiPeriod;
  b->azDataNames = portal ? azPortalData : azApiData;
  for (int i = 0; i < nField; i++) {
    if (name_is_one_of(azField[i], b->azPeriodNames) && b->iPeriod < 0) b->iPeriod = i;
    if (name_is_one_of(azField[i], b->azDataNames) && b->iData < 0) b->iData = i;
    if (!name_is_one_of(azField[i], azCycleName)) continue;
    /* Two cycle columns (PRD_SE and 수록주기) that disagreed were read by
    ** the first, and 201904 under `M` beside `분기` became April. */
    if (b->iCycle >= 0)
      return fail(pzErr, b->header_line,
                  "columns %d and %d (\"%s\" and \"%s\") both hold the cycle", b->iCycle + 1, i + 1,
                  azField[b->iCycle], azField[i]);
    b->iCycle = i;
  }
  /* PRD_DE or DT alone is an ordinary column name, as it always was; the
  ** long layout takes one of each. */
  if ((b->iPeriod < 0) != (b->iData < 0) && !portal) b->iPeriod = b->iData = -1;
  if ((b->iPeriod < 0) != (b->iData < 0)) {
    return fail(pzErr, b->header_line,
                "a \"%s\" column but no \"%s\" column"
                " (the long layout needs both)",
                b->iPeriod >= 0 ? KOSIS_PERIOD_NAME : KOSIS_DATA_NAME,
                b->iPeriod >= 0 ? KOSIS_DATA_NAME : KOSIS_PERIOD_NAME);
  }
  t->layout = b->iPeriod >= 0 ? TS_KOSIS_LONG : TS_KOSIS_WIDE;
  if (t->layout == TS_KOSIS_WIDE) {
    ts_period probe;
    for (int i = 0; i < nField && b->iFirstPeriod < 0; i++) {
      if (ts_period_parse(azField[i], -1, &probe) == 0) b->iFirstPeriod = i;
    }
    if (b->iFirstPeriod < 0) {
      return fail(pzErr, b->header_line,
                  "no period columns such as '2019 4/4' (wide layout) and no"
                  " \"%s\" and \"%s\" columns (long layout)",
                  KOSIS_PERIOD_NAME, KOSIS_DATA_NAME);
    }
    t->nPeriod = nField - b->iFirstPeriod;
    t->aPeriod = sqlite3_malloc64((sqlite3_uint64)t->nPeriod * sizeof(ts_kosis_period));
    if (t->aPeriod == NULL) return SQLITE_NOMEM;
    /* The canonical labels, for one duplicate check over all columns. */
    const char **azKey = sqlite3_malloc64((sqlite3_uint64)t->nPeriod * sizeof(char *));
    name_set set;
    memset(&set, 0, sizeof(set));
    int rc = azKey ? name_set_init(&set, azKey, t->nPeriod, 0, b->seed) : SQLITE_NOMEM;
    for (int j = 0; j < t->nPeriod && rc == SQLITE_OK; j++) {
      char zWhat[40];
      sqlite3_snprintf(sizeof(zWhat), zWhat, "column %d header", b->iFirstPeriod + j + 1);
      rc = parse_period(azField[b->iFirstPeriod + j], b->header_line, zWhat, &t->aPeriod[j], pzErr);
      if (rc != SQLITE_OK) break;
      azKey[j] = t->aPeriod[j].canonical;
      int k = name_set_add(&set, j);
      if (k >= 0) {
        rc = fail(pzErr, b->header_line,
                  "columns %d and %d are the same period %s (one value per"
                  " period and row is supported)",
                  b->iFirstPeriod + k + 1, b->iFirstPeriod + j + 1, t->aPeriod[j].canonical);
      }
    }
    sqlite3_free(set.aSlot);
    sqlite3_free(azKey);
    if (rc != SQLITE_OK) return rc;
  }
  int nDim = t->layout == TS_KOSIS_WIDE ? b->iFirstPeriod : nField - 2;
  t->azDimName = sqlite3_malloc64((sqlite3_uint64)(nDim + 1) * sizeof(char *));
  b->aiDim = sqlite3_malloc64((sqlite3_uint64)(nDim + 1) * sizeof(int));
  b->aKey = sqlite3_malloc64((sqlite3_uint64)(nDim + 1));
  if (t->azDimName == NULL || b->aiDim == NULL || b->aKey == NULL) return SQLITE_NOMEM;
  for (int i = 0; i < nField && t->nDim < nDim; i++) {
    if (i == b->iPeriod || i == b->iData) continue;
    /* The cycle and the date of the last change differ between figures
    ** of one series (a file with quarters and months of it; figures
    ** revised on different days): the checks of items 8, 10 and 11 must
    ** see through them. */
    b->aKey[t->nDim] =
        !(i == b->iCycle ||
          (t->layout == TS_KOSIS_LONG && sqlite3_stricmp(azField[i], KOSIS_LAST_CHANGE_NAME) == 0));
    b->aiDim[t->nDim] = i;
    t->azDimName[t->nDim++] = azField[i];
  }
  return check_dimension_names(b, pzErr);
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
static int cycle_kind(const char *z) {
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
  const char *zCycle = trim(azField[b->iCycle]);
  const char *zCycleName = b->azHeader[b->iCycle];
  const char *zPeriodName = b->azHeader[b->iPeriod];
  char zWhat[80];
  sqlite3_snprintf(sizeof(zWhat), zWhat, "\"%s\"", zPeriodName);
  int kind = cycle_kind(zCycle);
  if (kind < 0) {
    char *q = quoted(zCycle);
    int rc = q ? fail(pzErr, line,
                      "column \"%s\": cycle %s is not one kosis_csv reads (expected Y or A, H or"
                      " S, Q, M, D, or an empty cell)",
                      zCycleName, q)
               : SQLITE_NOMEM;
    sqlite3_free(q);
    return rc;
  }
  char *z = trim(azField[b->iPeriod]);
  if (coded_period(z, (ts_period_kind)kind, &out->period)) {
    ts_period_format(&out->period, out->canonical);
    out->label = z;
    return SQLITE_OK;
  }
  int rc = parse_period(z, line, zWhat, out, pzErr);
  if (rc != SQLITE_OK || kind == TS_KIND_NONE || out->period.kind == (ts_period_kind)kind)
    return rc;
  char *q = quoted(z), *qc = quoted(zCycle);
  rc = q && qc ? fail(pzErr, line, "%s %s is a %s, but column \"%s\" says %s, a %s", zWhat, q,
                      ts_period_kind_name(out->period.kind), zCycleName, qc,
                      ts_period_kind_name((ts_period_kind)kind))
               : SQLITE_NOMEM;
  sqlite3_free(q);
  sqlite3_free(qc);
  return rc;
}

/* Item 12: an Open API period of six digits read as a month because no
** cycle says what it is -- 201901 is Q1 in a quarterly table and
** January in a monthly one, and a month series of codes 01..04 rolls up
** into one quarter of three. */
static int refuse_uncycled_code(kosis_builder *b, char **azField, int line, char **pzErr) {
  if (!name_is_one_of(b->azHeader[b->iPeriod], azApiPeriod)) return SQLITE_OK;
  if (b->iCycle >= 0 && *trim(azField[b->iCycle]) != 0) return SQLITE_OK;
  const char *z = trim(azField[b->iPeriod]);
  int n = 0;
  while (ts_is_digit(z[n])) n++;
  if (n != 6 || z[n] != 0) return SQLITE_OK;
  char *q = quoted(z);
  int rc = q ? fail(pzErr, line,
                    "column \"%s\": period %s has no cycle to read it by (the Open API writes"
                    " quarter 1 and January alike, 201901): keep its PRD_SE column (Q or M)",
                    b->azHeader[b->iPeriod], q)
             : SQLITE_NOMEM;
  sqlite3_free(q);
  return rc;
}

/* One data record (items 4 and 5). */
static int read_record(kosis_builder *b, char **azField, int nField, int line, char **pzErr) {
  ts_kosis_table *t = b->t;
  if (nField != b->nHeader) {
    return fail(pzErr, line, "%d fields, but the header (line %d) has %d", nField, b->header_line,
                b->nHeader);
  }
  if (t->nRecord == INT_MAX) return fail(pzErr, line, "too many records");
  if (grow((void **)&b->aLine, &b->nLineAlloc, (sqlite3_int64)t->nRecord + 1, sizeof(int)))
    return SQLITE_NOMEM;
  b->aLine[t->nRecord] = line;
  int rc = grow((void **)&t->azDim, &b->nRecordAlloc,
                ((sqlite3_int64)t->nRecord + 1) * (t->nDim ? t->nDim : 1), sizeof(char *));
  if (rc != SQLITE_OK) return rc;
  for (int d = 0; d < t->nDim; d++) {
    t->azDim[(sqlite3_int64)t->nRecord * t->nDim + d] = trim(azField[b->aiDim[d]]);
  }
  if (t->layout == TS_KOSIS_LONG) {
    rc = grow((void **)&t->aPeriod, &b->nPeriodAlloc, (sqlite3_int64)t->nPeriod + 1,
              sizeof(ts_kosis_period));
    if (rc != SQLITE_OK) return rc;
    char zWhat[80];
    sqlite3_snprintf(sizeof(zWhat), zWhat, "\"%s\"", b->azHeader[b->iPeriod]);
    rc = b->iCycle >= 0
             ? parse_period_of_cycle(b, azField, line, &t->aPeriod[t->nPeriod], pzErr)
             : parse_period(azField[b->iPeriod], line, zWhat, &t->aPeriod[t->nPeriod], pzErr);
    if (rc == SQLITE_OK) rc = refuse_uncycled_code(b, azField, line, pzErr);
    if (rc != SQLITE_OK) return rc;
    rc = add_cell(b, azField[b->iData], b->azHeader[b->iData], t->nPeriod, line, pzErr);
    if (rc != SQLITE_OK) return rc;
    t->nPeriod++;
  } else {
    for (int j = 0; j < t->nPeriod && rc == SQLITE_OK; j++) {
      rc = add_cell(b, azField[b->iFirstPeriod + j], t->aPeriod[j].label, j, line, pzErr);
    }
    if (rc != SQLITE_OK) return rc;
  }
  t->nRecord++;
  return SQLITE_OK;
}

/* Record r's key: its dimension values, and in the long layout its
** period; hashed (FNV-1a, a 0 byte between fields) and compared field by
** field. */
static sqlite3_uint64 record_hash(const kosis_builder *b, int r) {
  const ts_kosis_table *t = b->t;
  sqlite3_uint64 h = hash_start(b->seed);
  for (int d = 0; d <= t->nDim; d++) {
    if (d < t->nDim && !b->aKey[d]) continue;
    const char *z = d < t->nDim                  ? t->azDim[(sqlite3_int64)r * t->nDim + d]
                    : t->layout == TS_KOSIS_LONG ? t->aPeriod[r].canonical
                                                 : "";
    for (const unsigned char *p = (const unsigned char *)z; *p; p++)
      h = (h ^ *p) * 1099511628211ULL;
    h = (h ^ 0) * 1099511628211ULL;
  }
  return h;
}

static int same_record_key(const kosis_builder *b, int r1, int r2) {
  const ts_kosis_table *t = b->t;
  for (int d = 0; d < t->nDim; d++) {
    if (b->aKey[d] && strcmp(t->azDim[(sqlite3_int64)r1 * t->nDim + d],
                             t->azDim[(sqlite3_int64)r2 * t->nDim + d]))
      return 0;
  }
  return t->layout != TS_KOSIS_LONG ||
         strcmp(t->aPeriod[r1].canonical, t->aPeriod[r2].canonical) == 0;
}

/* An open-addressing table of record numbers for n records (load at most
** one half; -1: empty), *pnSlot slots, a power of two.  NULL: no memory. */
static int *record_slots(int n, sqlite3_uint64 *pnSlot) {
  sqlite3_uint64 nSlot = 16;
  while (nSlot < (sqlite3_uint64)n * 2) nSlot *= 2;
  int *aSlot = sqlite3_malloc64(nSlot * sizeof(int));
  if (aSlot) memset(aSlot, 0xff, nSlot * sizeof(int));
  *pnSlot = nSlot;
  return aSlot;
}

/* Two records with the same dimension values (and, long, the same period)
** give two rows that nothing tells apart: a sum() over them counts the
** figure twice, as a multi-item export does.  An error, as the same
** period twice in the header is (item 3).  Linear: one hash set. */
static int check_duplicate_records(kosis_builder *b, char **pzErr) {
  const ts_kosis_table *t = b->t;
  sqlite3_uint64 nSlot;
  int *aSlot = record_slots(t->nRecord, &nSlot);
  if (aSlot == NULL) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (int r = 0; r < t->nRecord && rc == SQLITE_OK; r++) {
    for (sqlite3_uint64 k = ts_mix64(record_hash(b, r)) & (nSlot - 1);; k = (k + 1) & (nSlot - 1)) {
      int e = aSlot[k];
      if (e < 0) {
        aSlot[k] = r;
        break;
      }
      if (!same_record_key(b, e, r)) continue;
      if (t->layout == TS_KOSIS_LONG)
        rc = fail(pzErr, b->aLine[r],
                  "the same dimension values and period %s as line %d (one value per"
                  " period and row is supported)",
                  t->aPeriod[r].canonical, b->aLine[e]);
      else
        rc = fail(pzErr, b->aLine[r],
                  "the same dimension values as line %d (one value per period and row is"
                  " supported)",
                  b->aLine[e]);
      break;
    }
  }
  sqlite3_free(aSlot);
  return rc;
}

/* The unit columns (contract item 10): KOSIS's `단위`, the Open API's
** `UNIT_NM` and its English twin `UNIT_NM_ENG` (its JSON exports carry
** both), flagged in aUnit; returns how many there are.  Each is left out
** of the series and each must hold one unit per series: with only
** UNIT_NM left out, UNIT_NM_ENG ('Thousand Won', 'Million Won') told
** the two scales apart as two series, and the change of unit loaded. */
#define KOSIS_UNIT_NAME "\xEB\x8B\xA8\xEC\x9C\x84" /* 단위 */
static int unit_columns(const ts_kosis_table *t, unsigned char *aUnit) {
  int n = 0;
  for (int d = 0; d < t->nDim; d++) {
    const char *z = t->azDimName[d];
    aUnit[d] = strcmp(z, KOSIS_UNIT_NAME) == 0 || sqlite3_stricmp(z, "UNIT_NM") == 0 ||
               sqlite3_stricmp(z, "UNIT_NM_ENG") == 0;
    n += aUnit[d];
  }
  return n;
}

/* Record r's dimension values that name its series (aKey), but the unit
** columns (aUnit, or NULL), hashed as record_hash does, and compared. */
static sqlite3_uint64 series_hash(const kosis_builder *b, int r, const unsigned char *aUnit) {
  const ts_kosis_table *t = b->t;
  sqlite3_uint64 h = hash_start(b->seed);
  for (int d = 0; d < t->nDim; d++) {
    if ((aUnit && aUnit[d]) || !b->aKey[d]) continue;
    for (const unsigned char *p = (const unsigned char *)t->azDim[(sqlite3_int64)r * t->nDim + d];
         *p; p++)
      h = (h ^ *p) * 1099511628211ULL;
    h = (h ^ 0) * 1099511628211ULL;
  }
  return h;
}

static int same_series(const kosis_builder *b, int r1, int r2, const unsigned char *aUnit) {
  const ts_kosis_table *t = b->t;
  for (int d = 0; d < t->nDim; d++) {
    if (!(aUnit && aUnit[d]) && b->aKey[d] &&
        strcmp(t->azDim[(sqlite3_int64)r1 * t->nDim + d],
               t->azDim[(sqlite3_int64)r2 * t->nDim + d]))
      return 0;
  }
  return 1;
}

/* Records r and e of one series: an error when a unit column differs. */
static int same_units(const kosis_builder *b, int r, int e, const unsigned char *aUnit,
                      char **pzErr) {
  const ts_kosis_table *t = b->t;
  for (int u = 0; u < t->nDim; u++) {
    if (!aUnit[u]) continue;
    const char *zUnit = t->azDim[(sqlite3_int64)r * t->nDim + u];
    const char *zFirst = t->azDim[(sqlite3_int64)e * t->nDim + u];
    if (strcmp(zUnit, zFirst) == 0) continue;
    char *q1 = quoted(zUnit), *q2 = quoted(zFirst);
    int rc = q1 && q2 ? fail(pzErr, b->aLine[r],
                             "unit %s (column \"%s\"), but line %d has %s and the same other"
                             " dimension values (one series in two units would mix their"
                             " scales: convert it to one unit)",
                             q1, t->azDimName[u], b->aLine[e], q2)
                      : SQLITE_NOMEM;
    sqlite3_free(q1);
    sqlite3_free(q2);
    return rc;
  }
  return SQLITE_OK;
}

/* Item 10: records equal in every dimension but the units must have one
** unit.  A table that went from 천원 to 백만원 gives one series two
** records (wide) or two units over its periods (long); grouped by the
** other dimensions, as a series is, a sum or a growth across them is off
** by the factor (-99.9 % for the same level).  Linear: one hash set. */
static int check_units(kosis_builder *b, char **pzErr) {
  const ts_kosis_table *t = b->t;
  unsigned char *aUnit = sqlite3_malloc64((sqlite3_uint64)t->nDim + 1);
  if (aUnit == NULL) return SQLITE_NOMEM;
  if (unit_columns(t, aUnit) == 0) {
    sqlite3_free(aUnit);
    return SQLITE_OK;
  }
  sqlite3_uint64 nSlot;
  int *aSlot = record_slots(t->nRecord, &nSlot);
  int rc = aSlot ? SQLITE_OK : SQLITE_NOMEM;
  for (int r = 0; r < t->nRecord && rc == SQLITE_OK; r++) {
    for (sqlite3_uint64 k = ts_mix64(series_hash(b, r, aUnit)) & (nSlot - 1);;
         k = (k + 1) & (nSlot - 1)) {
      int e = aSlot[k];
      if (e < 0) {
        aSlot[k] = r;
        break;
      }
      if (!same_series(b, e, r, aUnit)) continue;
      rc = same_units(b, r, e, aUnit, pzErr);
      break;
    }
  }
  sqlite3_free(aSlot);
  sqlite3_free(aUnit);
  return rc;
}

/* Item 11: periods that overlap in time (a year and its quarters) in one
** series.  Each period is a span of days; sorted by series, start and
** end (longest first), a span that starts before the longest span of its
** series so far has ended overlaps it.  Periods of one kind never do
** (the same period twice is item 3's or 8's error), so only a file with
** two kinds is sorted. */
typedef struct period_span {
  int group; /* the series: its first record (long), or 0 (wide) */
  int i;     /* the period column (wide) or record (long) */
  sqlite3_int64 start, end;
} period_span;

static int span_cmp(const void *pa, const void *pb) {
  const period_span *a = pa, *b = pb;
  if (a->group != b->group) return a->group < b->group ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return a->i < b->i ? -1 : a->i > b->i;
}

static void period_days(const ts_period *p, sqlite3_int64 *pStart, sqlite3_int64 *pEnd) {
  ts_period d;
  ts_period_start(p, &d);
  *pStart = ts_period_ordinal(&d);
  ts_period_end(p, &d);
  *pEnd = ts_period_ordinal(&d);
}

#define TWO_FREQUENCIES                                                             \
  "two frequencies in one file: a sum over the year would count it twice; download" \
  " one frequency per file"

/* The series of each record (the first record with its dimension values)
** into aGroup, for the long layout's overlap check.  Linear: a hash set. */
static int record_groups(const kosis_builder *b, int *aGroup) {
  const ts_kosis_table *t = b->t;
  sqlite3_uint64 nSlot;
  int *aSlot = record_slots(t->nRecord, &nSlot);
  if (aSlot == NULL) return SQLITE_NOMEM;
  for (int r = 0; r < t->nRecord; r++) {
    for (sqlite3_uint64 k = ts_mix64(series_hash(b, r, NULL)) & (nSlot - 1);;
         k = (k + 1) & (nSlot - 1)) {
      int e = aSlot[k];
      if (e < 0) aSlot[k] = e = r;
      if (e == r || same_series(b, e, r, NULL)) {
        aGroup[r] = e;
        break;
      }
    }
  }
  sqlite3_free(aSlot);
  return SQLITE_OK;
}

static int check_overlaps(kosis_builder *b, char **pzErr) {
  const ts_kosis_table *t = b->t;
  int n = t->nPeriod, mixed = 0;
  for (int j = 1; j < n && !mixed; j++)
    mixed = t->aPeriod[j].period.kind != t->aPeriod[0].period.kind;
  if (!mixed) return SQLITE_OK;
  int long_layout = t->layout == TS_KOSIS_LONG;
  period_span *a = sqlite3_malloc64((sqlite3_uint64)n * sizeof(period_span));
  int *aGroup = long_layout ? sqlite3_malloc64((sqlite3_uint64)n * sizeof(int)) : NULL;
  int rc = a == NULL || (long_layout && aGroup == NULL) ? SQLITE_NOMEM : SQLITE_OK;
  if (rc == SQLITE_OK && long_layout) rc = record_groups(b, aGroup);
  for (int j = 0; j < n && rc == SQLITE_OK; j++) {
    a[j].group = long_layout ? aGroup[j] : 0;
    a[j].i = j;
    period_days(&t->aPeriod[j].period, &a[j].start, &a[j].end);
  }
  if (rc == SQLITE_OK) qsort(a, (size_t)n, sizeof(period_span), span_cmp);
  for (int j = 1, held = 0; j < n && rc == SQLITE_OK; j++) {
    if (a[j].group != a[held].group || a[j].start > a[held].end) {
      if (a[j].group != a[held].group || a[j].end > a[held].end) held = j;
      continue;
    }
    int lo = a[held].i < a[j].i ? a[held].i : a[j].i, hi = a[held].i ^ a[j].i ^ lo;
    if (long_layout)
      rc = fail(pzErr, b->aLine[hi],
                "period %s overlaps in time period %s of line %d, with the same dimension"
                " values (" TWO_FREQUENCIES ")",
                t->aPeriod[hi].canonical, t->aPeriod[lo].canonical, b->aLine[lo]);
    else
      rc = fail(pzErr, b->header_line,
                "columns %d and %d overlap in time: %s and %s (" TWO_FREQUENCIES ")",
                b->iFirstPeriod + lo + 1, b->iFirstPeriod + hi + 1, t->aPeriod[lo].canonical,
                t->aPeriod[hi].canonical);
  }
  sqlite3_free(a);
  sqlite3_free(aGroup);
  return rc;
}

int ts_kosis_parse(const char *data, size_t n, ts_kosis_table *out, char **pzErr) {
  return ts_kosis_parse_polled(data, n, out, pzErr, NULL, NULL);
}

int ts_kosis_parse_polled(const char *data, size_t n, ts_kosis_table *out, char **pzErr,
                          ts_kosis_poll xPoll, void *pPollArg) {
  memset(out, 0, sizeof(*out));
  *pzErr = NULL;
  size_t nText = 0;
  int rc = ts_kosis_decode(data, n, &out->zText, &nText, &out->encoding, pzErr, xPoll, pPollArg);
  if (rc != SQLITE_OK) return rc;
  kosis_builder b;
  memset(&b, 0, sizeof(b));
  b.t = out;
  sqlite3_randomness(sizeof(b.seed), &b.seed);
  ts_csv_reader r;
  ts_csv_init(&r, out->zText, nText);
  rc = ts_csv_next(&r, pzErr);
  if (rc == SQLITE_DONE) rc = fail(pzErr, 1, "the file is empty");
  if (rc == SQLITE_ROW) {
    b.header_line = r.record_line;
    rc = read_header(&b, r.azField, r.nField, pzErr);
  }
  size_t polled = 0;
  while (rc == SQLITE_OK) {
    if (xPoll && r.pos - polled >= TS_KOSIS_POLL_BYTES) {
      polled = r.pos;
      rc = xPoll(pPollArg);
      if (rc != SQLITE_OK) break;
    }
    rc = ts_csv_next(&r, pzErr);
    if (rc == SQLITE_ROW) rc = read_record(&b, r.azField, r.nField, r.record_line, pzErr);
  }
  if (rc == SQLITE_DONE) rc = check_duplicate_records(&b, pzErr);
  if (rc == SQLITE_OK) rc = check_units(&b, pzErr);
  if (rc == SQLITE_OK) rc = check_overlaps(&b, pzErr);
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
