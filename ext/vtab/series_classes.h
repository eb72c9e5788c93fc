/*
** vtab/series_classes.h -- private to ext/vtab/: the classes of TEXT
** values under an application's collation (series_classes.c), which
** series_rowid.c folds a key column to so that one series is one id.
*/
#ifndef TRADESTAT_SERIES_CLASSES_H
#define TRADESTAT_SERIES_CLASSES_H

#include "glue/glue.h"

#include <stdint.h>

/* The TEXT values of one key column under an application's collation
** (one registered with sqlite3_create_collation), by class: values the
** collation makes equal are one class, whatever their bytes.  Only SQLite
** can call the collation, so a value finds its class by a binary search
** over one value of each class, in the collation's order, each step a
** comparison SQLite makes (cmp); a class is never renumbered, and
** forgotten only when the collation may have been registered again
** with other rules (between statements; an id made from it stays that
** series' within a statement, and ids are never reused). */
typedef struct ts_coll_classes {
  char *zColl;                 /* the collation compared with; NULL: none yet */
  sqlite3_stmt *cmp;           /* SELECT ?1 = ?2 COLLATE "x", ?1 < ?2 COLLATE "x" */
  const unsigned char **azRep; /* per class, in order: 4-byte length, bytes */
  uint32_t *aId;               /* the class id of each */
  int n, nAlloc;
} ts_coll_classes;

/* Where a new class's value is kept: n bytes that stay where they are
** until every class is cleared; NULL: memory. */
typedef unsigned char *(*ts_classes_keep)(void *pArg, size_t n);

/* Forgets every class (and the comparison statement); c is empty after. */
void ts_classes_clear(ts_coll_classes *c);

/* The class id of TEXT z (n bytes) under collation zColl into *pId, a new
** class when no value of c's classes is equal to it: its id the next of
** *pnClass (ids never reused, whatever the column), its value kept by
** xKeep(pKeepArg, ...).  Another collation than c's last clears c first.
** An SQLite error code (the comparison's: the collation gone, an
** interrupt, memory; SQLITE_MISUSE when the collation calls back into
** this search; SQLITE_FULL past UINT32_MAX classes). */
int ts_class_of(sqlite3 *db, ts_coll_classes *c, uint32_t *pnClass, const char *zColl,
                const void *z, uint32_t n, ts_classes_keep xKeep, void *pKeepArg, uint32_t *pId);

#endif /* TRADESTAT_SERIES_CLASSES_H */
