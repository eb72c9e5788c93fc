/*
** kosis/kosis_checks.c -- the checks kosis_parse.c runs over the whole
** table once every record is read (its contract items 8, 10 and 11):
** two records nothing tells apart, one series in two units, and periods
** of one series that overlap in time.  Each is linear: one hash set of
** records, seeded per parse (kosis_builder.h).
*/
#include "kosis/kosis_builder.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a over one field and its 0 terminator (the separator). */
static sqlite3_uint64 hash_field(sqlite3_uint64 h, const char *z) {
  for (const unsigned char *p = (const unsigned char *)z; *p; p++) h = (h ^ *p) * 1099511628211ULL;
  return (h ^ 0) * 1099511628211ULL;
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
    h = hash_field(h, z);
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
        rc = ts_kosis_fail(pzErr, b->aLine[r],
                           "the same dimension values and period %s as line %d (one value per"
                           " period and row is supported)",
                           t->aPeriod[r].canonical, b->aLine[e]);
      else
        rc = ts_kosis_fail(pzErr, b->aLine[r],
                           "the same dimension values as line %d (one value per period and row is"
                           " supported)",
                           b->aLine[e]);
      break;
    }
  }
  sqlite3_free(aSlot);
  return rc;
}

/* The unit columns (contract item 10): KOSIS's `단위` (`Unit` on its
** English pages), the Open API's `UNIT_NM` and its English twin
** `UNIT_NM_ENG` (its JSON exports carry both), flagged in aUnit; returns how many there are.  Each is left out
** of the series and each must hold one unit per series: with only
** UNIT_NM left out, UNIT_NM_ENG ('Thousand Won', 'Million Won') told
** the two scales apart as two series, and the change of unit loaded. */
#define KOSIS_UNIT_NAME "\xEB\x8B\xA8\xEC\x9C\x84" /* 단위 */
static int unit_columns(const ts_kosis_table *t, unsigned char *aUnit) {
  int n = 0;
  for (int d = 0; d < t->nDim; d++) {
    const char *z = t->azDimName[d];
    aUnit[d] = strcmp(z, KOSIS_UNIT_NAME) == 0 || sqlite3_stricmp(z, "UNIT_NM") == 0 ||
               sqlite3_stricmp(z, "UNIT_NM_ENG") == 0 || sqlite3_stricmp(z, "Unit") == 0;
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
    h = hash_field(h, t->azDim[(sqlite3_int64)r * t->nDim + d]);
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
    char *q1 = ts_kosis_quoted(zUnit), *q2 = ts_kosis_quoted(zFirst);
    int rc = q1 && q2
                 ? ts_kosis_fail(pzErr, b->aLine[r],
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
      rc = ts_kosis_fail(pzErr, b->aLine[hi],
                         "period %s overlaps in time period %s of line %d, with the same dimension"
                         " values (" TWO_FREQUENCIES ")",
                         t->aPeriod[hi].canonical, t->aPeriod[lo].canonical, b->aLine[lo]);
    else
      rc = ts_kosis_fail(pzErr, b->header_line,
                         "columns %d and %d overlap in time: %s and %s (" TWO_FREQUENCIES ")",
                         b->iFirstPeriod + lo + 1, b->iFirstPeriod + hi + 1,
                         t->aPeriod[lo].canonical, t->aPeriod[hi].canonical);
  }
  sqlite3_free(a);
  sqlite3_free(aGroup);
  return rc;
}

int ts_kosis_check_records(kosis_builder *b, char **pzErr) {
  int rc = check_duplicate_records(b, pzErr);
  if (rc == SQLITE_OK) rc = check_units(b, pzErr);
  if (rc == SQLITE_OK) rc = check_overlaps(b, pzErr);
  return rc;
}
