/*
** kosis/kosis_shadow.h -- the shadow table of a kosis_csv table (kosis_shadow.c),
** internal to kosis/.  "<table>_kosis" in the table's schema holds the file's
** absolute path and the dimension column names (position, kind 'file' or
** 'column', text): written once by CREATE, read by every later connect, so
** connecting never touches the file (kosis_csv.c contract items 2 to 4).
*/
#ifndef TRADESTAT_KOSIS_SHADOW_H
#define TRADESTAT_KOSIS_SHADOW_H

#include "glue/glue.h"

#define TS_KOSIS_SHADOW "kosis" /* the shadow table is "<table>_kosis" */

/* Creates "<zName>_kosis" in zSchema and writes zPath and the nDim names
** to it.  SQLITE_OK, SQLITE_NOMEM, or another code with *pzErr naming the
** shadow table and what SQLite said. */
int ts_kosis_shadow_write(sqlite3 *db, const char *zSchema, const char *zName, const char *zPath,
                          int nDim, const char *const *azDimName, char **pzErr);

/* Reads "<zName>_kosis": see kosis_shadow.c.  The caller frees *pzPath,
** *pazDim and *pzBroken with sqlite3_free, whatever the result. */
int ts_kosis_shadow_read(sqlite3 *db, const char *zSchema, const char *zName, char **pzPath,
                         int *pnDim, char ***pazDim, char **pzBroken);

#endif /* TRADESTAT_KOSIS_SHADOW_H */
