/*
** core/alloc.h -- the one allocator: SQLite's (sqlite3_malloc64,
** sqlite3_realloc64, sqlite3_free), so memory is counted, limited by
** sqlite3_hard_heap_limit64 and fault-injectable in the tests.  This is
** the only SQLite header core/ includes, and only core/deque.c and the
** number reader (a long numeric string) allocate.
*/
#ifndef TS_CORE_ALLOC_H
#define TS_CORE_ALLOC_H

#ifndef SQLITE_CORE
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#endif /* TS_CORE_ALLOC_H */
