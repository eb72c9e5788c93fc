/* trade_vtab.c -- placeholder: this family is not built yet (see the open issues). */
#include "tradestat_internal.h"

int ts_trade_vtab_register(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}
