/*
** kosis/kosis_text.h -- decoding (UTF-8 / CP949) and CSV records for the
** kosis_csv reader; implemented in kosis_text.c, used by kosis_parse.c.
*/
#ifndef TRADESTAT_KOSIS_TEXT_H
#define TRADESTAT_KOSIS_TEXT_H

#include "kosis/kosis_csv.h"

/* Returns the text as NUL-terminated UTF-8 in *pzText (sqlite3_free it),
** its length in *pnText and the encoding found in *pEnc.  SQLITE_ERROR
** with *pzErr = "line N: ..." when the bytes are neither; SQLITE_NOMEM.
** xPoll (may be NULL) is called between chunks of TS_KOSIS_POLL_BYTES;
** a code other than SQLITE_OK from it stops decoding with that code. */
int ts_kosis_decode(const char *data, size_t n, char **pzText, size_t *pnText,
                    ts_kosis_encoding *pEnc, char **pzErr, ts_kosis_poll xPoll, void *pPollArg);

/* Reads CSV records from z[0..n) (z[n] must be NUL), in place. */
typedef struct ts_csv_reader {
  char *z;
  size_t n, pos;
  int line;        /* current physical line */
  int record_line; /* line the last record started on */
  char **azField;  /* fields of the last record, NUL-terminated in z */
  int nField, nAlloc;
} ts_csv_reader;

void ts_csv_init(ts_csv_reader *r, char *z, size_t n);
/* SQLITE_ROW: azField[0..nField) hold the next record; SQLITE_DONE: end;
** SQLITE_ERROR with *pzErr = "line N: ..."; SQLITE_NOMEM. */
int ts_csv_next(ts_csv_reader *r, char **pzErr);
void ts_csv_clear(ts_csv_reader *r);

#endif /* TRADESTAT_KOSIS_TEXT_H */
