/*
** families.h -- each family's register function, one per SQL surface.
** tradestat.c lists them all in families[]; each is defined in its
** family's folder.
*/
#ifndef TS_FAMILIES_H
#define TS_FAMILIES_H

#ifndef SQLITE_CORE
#include <sqlite3ext.h>
#else
#include <sqlite3.h>
#endif

int ts_period_register(sqlite3 *db);          /* period/period_sql.c */
int ts_growth_register(sqlite3 *db);          /* growth/growth.c */
int ts_growth_window_register(sqlite3 *db);   /* growth/growth_window.c */
int ts_yoy_vtab_register(sqlite3 *db);        /* growth/yoy_vtab.c */
int ts_trade_register(sqlite3 *db);           /* trade/trade.c */
int ts_trade_vtab_register(sqlite3 *db);      /* trade/trade_vtab.c */
int ts_projection_register(sqlite3 *db);      /* projection/projection.c */
int ts_projection_vtab_register(sqlite3 *db); /* projection/projection_vtab.c */
int ts_kosis_csv_register(sqlite3 *db);       /* kosis/kosis_csv.c */
int ts_sparkline_register(sqlite3 *db);       /* sparkline/sparkline.c */

#endif /* TS_FAMILIES_H */
