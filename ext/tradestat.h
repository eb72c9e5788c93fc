/*
** tradestat.h -- the public header of the tradestat SQLite extension.
**
** Loadable module:  sqlite3_load_extension(db, "tradestat", 0, &err)
**                   (or `.load tradestat` in the shell); no header needed.
** Static library:   link libtradestat.a (built with -DSQLITE_CORE) and
**                   register the extension for every new connection:
**
**     #include <tradestat.h>
**     sqlite3_auto_extension((void (*)(void))sqlite3_tradestat_init);
**
**   or for one connection: sqlite3_tradestat_init(db, &err, NULL).
**   Returns SQLITE_OK, or an error code with *pzErrMsg set (sqlite3_free).
*/
#ifndef TRADESTAT_H
#define TRADESTAT_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif

#endif /* TRADESTAT_H */
