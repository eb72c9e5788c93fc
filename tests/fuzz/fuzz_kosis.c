/*
** fuzz_kosis.c -- libFuzzer harness for the kosis_csv parser: a file's
** bytes straight to ts_kosis_parse (kosis/kosis_parse.c), the code every
** kosis_csv table runs over the file it reads.
**
** Contract (each violated invariant traps, so libFuzzer reports it):
**  1. The parse never reads outside [data, data+size) (the input is
**     copied into an exact-size buffer, so ASan sees any overrun) and
**     frees what it allocates, on success and on every error (LeakSanitizer).
**  2. An error has a message "line N: ..." with no control byte in it:
**     every value of the file a message quotes is shown with control
**     bytes as char(N), so a message can never break a line or drive a
**     terminal.
**  3. A table that loads is consistent: every cell names an existing
**     record and period; the long layout has one period and one cell per
**     record, the wide one a cell per record and period column; every
**     period's canonical label parses back to the same period; no
**     two long records of one series (the key dimensions, item 12 of
**     kosis_parse.c) share a canonical period (item 8).
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
  for (const unsigned char *p = (const unsigned char *)zErr; *p; p++)
    CHECK(*p >= 0x20 && *p != 0x7f);
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
  } else {
    check_message(zErr);
  }
  sqlite3_free(zErr);
  ts_kosis_clear(&t);
  free(buf);
  return 0;
}
