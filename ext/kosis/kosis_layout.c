/*
** kosis/kosis_layout.c -- the header of a KOSIS CSV export: which layout
** it is (long, with a period and a figure column, or wide, one column per
** period), which columns hold the period, the figure and the cycle, the
** dimension columns and their names, and the wide layout's period
** columns.  The records are read by kosis_parse.c, whose contract this
** file keeps the header's part of: items 2, 3 and 6, the column names of
** item 12 (PRD_DE, DT, PRD_SE and their translations; LST_CHN_DE) and
** item 13 for the names it quotes.  Pure C: no SQLite values, no files.
*/
#include "kosis/kosis_builder.h"

#include <string.h>

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

int ts_kosis_is_api_period(const char *zName) { return name_is_one_of(zName, azApiPeriod); }

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
      rc = ts_kosis_fail(pzErr, b->header_line, "column %d has no name", b->aiDim[d] + 1);
      break;
    }
    for (int k = 0; k < 4 && rc == SQLITE_OK; k++) {
      if (sqlite3_stricmp(z, ts_kosis_result_columns[k]) == 0) {
        rc = ts_kosis_fail(pzErr, b->header_line,
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
      rc = ts_kosis_fail(pzErr, b->header_line, "columns %d and %d are both named \"%s\"",
                         iTaken + 1, b->aiDim[d] + 1, z);
      break;
    }
    if (iTaken >= 0) {
      rc = ts_kosis_fail(pzErr, b->header_line,
                         "columns %d and %d (\"%s\" and \"%s\") both hold the %s", iTaken + 1,
                         b->aiDim[d] + 1, b->azHeader[iTaken], z,
                         iTaken == b->iPeriod ? "period" : "figure");
      break;
    }
    int e = name_set_add(&set, d);
    if (e >= 0) {
      char *zName = ts_kosis_named(z);
      rc = zName ? ts_kosis_fail(pzErr, b->header_line, "columns %d and %d are both named %s",
                                 b->aiDim[e] + 1, b->aiDim[d] + 1, zName)
                 : SQLITE_NOMEM;
      sqlite3_free(zName);
    }
  }
  sqlite3_free(set.aSlot);
  return rc;
}

/* Decides the layout from the header (items 2, 3 and 6). */
int ts_kosis_read_header(kosis_builder *b, char **azField, int nField, char **pzErr) {
  ts_kosis_table *t = b->t;
  b->nHeader = nField;
  /* Item 5: a line ending in a comma (a re-saved or hand-made export)
  ** has an empty last header cell over empty cells; it is no column. */
  while (nField > 1 && *ts_kosis_trim(azField[nField - 1]) == 0) nField--;
  b->nUsed = nField;
  b->iPeriod = b->iData = b->iFirstPeriod = b->iCycle = -1;
  /* The reader reuses azField for the next record; the names it points
  ** to stay (they are in t->zText). */
  b->azHeader = sqlite3_malloc64((sqlite3_uint64)(nField + 1) * sizeof(char *));
  if (b->azHeader == NULL) return SQLITE_NOMEM;
  int portal = 0; /* a 시점 or 데이터 column: the portal's long layout is meant */
  for (int i = 0; i < nField; i++) {
    b->azHeader[i] = azField[i] = ts_kosis_trim(azField[i]);
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
      return ts_kosis_fail(pzErr, b->header_line,
                           "columns %d and %d (\"%s\" and \"%s\") both hold the cycle",
                           b->iCycle + 1, i + 1, azField[b->iCycle], azField[i]);
    b->iCycle = i;
  }
  /* PRD_DE or DT alone is an ordinary column name, as it always was; the
  ** long layout takes one of each. */
  if ((b->iPeriod < 0) != (b->iData < 0) && !portal) b->iPeriod = b->iData = -1;
  if ((b->iPeriod < 0) != (b->iData < 0)) {
    return ts_kosis_fail(pzErr, b->header_line,
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
      return ts_kosis_fail(pzErr, b->header_line,
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
      rc = ts_kosis_parse_period(azField[b->iFirstPeriod + j], b->header_line, zWhat,
                                 &t->aPeriod[j], pzErr);
      if (rc != SQLITE_OK) break;
      azKey[j] = t->aPeriod[j].canonical;
      int k = name_set_add(&set, j);
      if (k >= 0) {
        rc = ts_kosis_fail(pzErr, b->header_line,
                           "columns %d and %d are the same period %s (one value per"
                           " period and row is supported)",
                           b->iFirstPeriod + k + 1, b->iFirstPeriod + j + 1,
                           t->aPeriod[j].canonical);
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
