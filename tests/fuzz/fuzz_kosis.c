/*
** fuzz_kosis.c -- libFuzzer harness for the kosis_csv parser: a file's
** bytes straight to ts_kosis_parse (kosis/kosis_parse.c), the code every
** kosis_csv table runs over the file it reads.
**
** Contract (each violated invariant traps, so libFuzzer reports it):
**  1. The parse never reads outside [data, data+size) (the input is
**     copied into an exact-size buffer, so ASan sees any overrun) and
**     frees what it allocates, on success and on every error (LeakSanitizer).
**  2. An error has a message "line N: ..." with no control character in
**     it (C0, DEL, or C1 as UTF-8 writes it):
**     every value of the file a message quotes is shown with control
**     bytes as char(N), so a message can never break a line or drive a
**     terminal.
**  3. A table that loads is consistent: every cell names an existing
**     record and period; the long layout has one period and one cell per
**     record, the wide one a cell per record and period column; every
**     period's canonical label parses back to the same period; no
**     two long records of one series (the key dimensions, item 12 of
**     kosis_parse.c) share a canonical period (item 8).
**  4. What the checks promise, recomputed pair by pair (quadratic, so
**     independent of the parser's hash sets and sort): in a table that
**     loads, no two periods of one series overlap in time (item 11), no
**     two records of one series differ in a unit column (item 10), and a
**     long record's period is of the kind its cycle cell names (item 12).
**     A series is the dimension values but the cycle column (either
**     layout) and, in the long layout, LST_CHN_DE.
*/
#include "kosis/kosis_csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x)                \
  do {                          \
    if (!(x)) __builtin_trap(); \
  } while (0)

static void check_message(const char *zErr) {
  CHECK(zErr != NULL);
  CHECK(strncmp(zErr, "line ", 5) == 0);
  for (const unsigned char *p = (const unsigned char *)zErr; *p; p++) {
    CHECK(*p >= 0x20 && *p != 0x7f);
    CHECK(!(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)); /* C1: U+0080..U+009F */
  }
}

static int is_name(const char *z, const char *a, const char *b, const char *c) {
  return sqlite3_stricmp(z, a) == 0 || (b && sqlite3_stricmp(z, b) == 0) ||
         (c && sqlite3_stricmp(z, c) == 0);
}

#define CYCLE_KO "\xEC\x88\x98\xEB\xA1\x9D\xEC\xA3\xBC\xEA\xB8\xB0" /* 수록주기 */
#define UNIT_KO  "\xEB\x8B\xA8\xEC\x9C\x84"                         /* 단위 */

/* The kind a cycle cell names, independently of the parser's table:
** -1 for none (an empty cell). */
static int cycle_kind(const char *z) {
  static const struct {
    const char *z;
    int kind;
  } a[] = {{"Y", TS_KIND_YEAR},
           {"A", TS_KIND_YEAR},
           {"\xEB\x85\x84", TS_KIND_YEAR},
           {"\xEC\x97\xB0", TS_KIND_YEAR},
           {"\xEC\x97\xB0\xEA\xB0\x84", TS_KIND_YEAR},
           {"H", TS_KIND_HALF},
           {"S", TS_KIND_HALF},
           {"\xEB\xB0\x98\xEA\xB8\xB0", TS_KIND_HALF},
           {"Q", TS_KIND_QUARTER},
           {"\xEB\xB6\x84\xEA\xB8\xB0", TS_KIND_QUARTER},
           {"M", TS_KIND_MONTH},
           {"\xEC\x9B\x94", TS_KIND_MONTH},
           {"D", TS_KIND_DAY},
           {"\xEC\x9D\xBC", TS_KIND_DAY}};
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++)
    if (sqlite3_stricmp(z, a[i].z) == 0) return a[i].kind;
  CHECK(z[0] == 0); /* any other cycle is an error */
  return -1;
}

static void days(const ts_period *p, int64_t *pStart, int64_t *pEnd) {
  ts_period d;
  ts_period_start(p, &d);
  *pStart = ts_period_ordinal(&d);
  ts_period_end(p, &d);
  *pEnd = ts_period_ordinal(&d);
}

static int overlap(const ts_period *a, const ts_period *b) {
  int64_t s1, e1, s2, e2;
  days(a, &s1, &e1);
  days(b, &s2, &e2);
  return s1 <= e2 && s2 <= e1;
}

/* Item 4 of the contract. */
static void check_promises(const ts_kosis_table *t) {
  int n = t->nDim, is_long = t->layout == TS_KOSIS_LONG;
  if (t->nRecord > 400 || t->nPeriod > 400) return;
  unsigned char key[256], unit[256];
  int cycle = -1;
  if (n > 256) return;
  for (int d = 0; d < n; d++) {
    const char *z = t->azDimName[d];
    int is_cycle = is_name(z, "PRD_SE", CYCLE_KO, NULL);
    if (is_cycle && cycle < 0) cycle = d;
    unit[d] = (unsigned char)is_name(z, UNIT_KO, "UNIT_NM", "UNIT_NM_ENG");
    key[d] = !is_cycle && !(is_long && is_name(z, "LST_CHN_DE", NULL, NULL));
  }
  for (int r = 0; r < t->nRecord; r++) {
    if (is_long && cycle >= 0) {
      int k = cycle_kind(t->azDim[(sqlite3_int64)r * n + cycle]);
      CHECK(k < 0 || (int)t->aPeriod[r].period.kind == k);
    }
    for (int r2 = r + 1; r2 < t->nRecord; r2++) {
      int same = 1, units_differ = 0;
      for (int d = 0; d < n; d++) {
        int eq =
            strcmp(t->azDim[(sqlite3_int64)r * n + d], t->azDim[(sqlite3_int64)r2 * n + d]) == 0;
        if (unit[d])
          units_differ |= !eq;
        else if (key[d] && !eq)
          same = 0;
      }
      if (!same) continue;
      CHECK(!units_differ);
      /* Same series: wide records would be one series twice (item 8);
      ** long ones must not overlap. */
      CHECK(is_long);
      CHECK(!overlap(&t->aPeriod[r].period, &t->aPeriod[r2].period));
    }
  }
  if (!is_long)
    for (int i = 0; i < t->nPeriod; i++)
      for (int j = i + 1; j < t->nPeriod; j++)
        CHECK(!overlap(&t->aPeriod[i].period, &t->aPeriod[j].period));
}

static void check_table(const ts_kosis_table *t) {
  CHECK(t->layout == TS_KOSIS_WIDE || t->layout == TS_KOSIS_LONG);
  if (t->layout == TS_KOSIS_LONG) {
    CHECK(t->nPeriod == t->nRecord);
    CHECK(t->nCell == t->nRecord);
  } else {
    CHECK(t->nCell == (sqlite3_int64)t->nRecord * t->nPeriod);
  }
  for (sqlite3_int64 i = 0; i < t->nCell; i++) {
    const ts_kosis_cell *c = &t->aCell[i];
    CHECK(c->record >= 0 && c->record < t->nRecord);
    CHECK(c->period >= 0 && c->period < t->nPeriod);
    CHECK(t->layout != TS_KOSIS_LONG || c->period == c->record);
  }
  for (int j = 0; j < t->nPeriod; j++) {
    ts_period q;
    const ts_period *p = &t->aPeriod[j].period;
    CHECK(ts_period_parse(t->aPeriod[j].canonical, -1, &q) == 0);
    CHECK(q.kind == p->kind && q.year == p->year && q.sub == p->sub && q.day == p->day);
    CHECK(t->aPeriod[j].label != NULL);
  }
  for (int r = 0; r < t->nRecord; r++)
    for (int d = 0; d < t->nDim; d++) CHECK(t->azDim[(sqlite3_int64)r * t->nDim + d] != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 20000) return 0;
  /* An exact-size copy: a read past the end is an ASan report. */
  char *buf = malloc(size ? size : 1);
  if (buf == NULL) return 0;
  memcpy(buf, data, size);
  ts_kosis_table t;
  char *zErr = NULL;
  int rc = ts_kosis_parse(buf, size, &t, &zErr);
  CHECK(rc == SQLITE_OK || rc == SQLITE_ERROR);
  if (rc == SQLITE_OK) {
    CHECK(zErr == NULL);
    check_table(&t);
    check_promises(&t);
  } else {
    check_message(zErr);
  }
  sqlite3_free(zErr);
  ts_kosis_clear(&t);
  free(buf);
  return 0;
}
