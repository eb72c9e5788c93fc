/*
** kosis/kosis_file.h -- reading a kosis_csv file (kosis_file.c): open,
** fstat, read within max_bytes, polling interrupts and the progress
** handler, then the parse (kosis_parse.c).  Contract item 6 of
** kosis_csv.c.
*/
#ifndef TRADESTAT_KOSIS_FILE_H
#define TRADESTAT_KOSIS_FILE_H

#include "kosis/kosis_csv.h"

/* Reads and parses the file at zPath (zShown: file= as written, for
** messages) into *t; the caller then checks the columns.  SQLITE_OK,
** SQLITE_NOMEM, SQLITE_INTERRUPT, or SQLITE_ERROR with *pzErr =
** "kosis_csv: <file>: ..." or "kosis_csv: <file> line N: ...". */
int ts_kosis_load_file(sqlite3 *db, const char *zPath, const char *zShown, sqlite3_int64 max_bytes,
                       ts_kosis_table *t, char **pzErr);

#endif /* TRADESTAT_KOSIS_FILE_H */
