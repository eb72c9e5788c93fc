/* kosis_csv.c -- placeholder: this family is not built yet (see the open issues). */
#include "tradestat_internal.h"

int ts_kosis_csv_register(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}
