/*
** kosis/kosis_csv.h -- the pure core of the kosis_csv reader (kosis_parse.c):
** bytes of a KOSIS CSV export in, a table of cells out.  No SQLite values
** and no files here: the virtual table (kosis_csv.c) reads the file and
** serves the cells.
*/
#ifndef TRADESTAT_KOSIS_CSV_H
#define TRADESTAT_KOSIS_CSV_H

#include "glue/glue.h"

typedef enum ts_kosis_layout {
  TS_KOSIS_WIDE = 1, /* dimension columns, then one column per period */
  TS_KOSIS_LONG = 2  /* dimension columns plus 시점 (period) and 데이터 (data) */
} ts_kosis_layout;

typedef enum ts_kosis_encoding {
  TS_KOSIS_UTF8 = 1,
  TS_KOSIS_UTF8_BOM = 2,
  TS_KOSIS_CP949 = 3
} ts_kosis_encoding;

/* A period as the file wrote it and as tradestat names it. */
typedef struct ts_kosis_period {
  ts_period period;                    /* .preliminary: marked `p` */
  char canonical[TS_PERIOD_LABEL_MAX]; /* '2019-Q4' */
  const char *label;                   /* '2019 4/4 p)', trimmed */
} ts_kosis_period;

/* One result row: a record's value for one period. */
typedef struct ts_kosis_cell {
  int record;  /* index of the data record (its dimension values) */
  int period;  /* index into aPeriod */
  int is_null; /* `-`, empty, `…`, `...`, `x`: no figure */
  ts_number value;
} ts_kosis_cell;

typedef struct ts_kosis_table {
  char *zText; /* the file as UTF-8; every string below points
                                into it (fields are NUL-terminated in place) */
  ts_kosis_layout layout;
  ts_kosis_encoding encoding;
  int nDim;               /* dimension columns */
  const char **azDimName; /* their names, trimmed */
  int nRecord;            /* data records */
  const char **azDim;     /* nRecord * nDim dimension values, trimmed */
  int nPeriod;            /* wide: one per period column; long: one per record */
  ts_kosis_period *aPeriod;
  sqlite3_int64 nCell;
  ts_kosis_cell *aCell;
} ts_kosis_table;

/* A long parse calls the caller back about every TS_KOSIS_POLL_BYTES of
** input; a code other than SQLITE_OK (SQLITE_INTERRUPT) stops the parse
** and is returned, with no message. */
typedef int (*ts_kosis_poll)(void *pArg);
#define TS_KOSIS_POLL_BYTES ((size_t)1 << 18)

/* Parses n bytes of a KOSIS CSV file (the caller keeps `data`).
** Returns SQLITE_OK and fills *out, or SQLITE_ERROR with *pzErr =
** "line N: what is wrong" (sqlite3_free it), or SQLITE_NOMEM.  On error
** *out is left empty; ts_kosis_clear is safe either way. */
int ts_kosis_parse(const char *data, size_t n, ts_kosis_table *out, char **pzErr);
/* The same, calling xPoll(pPollArg) as it goes (xPoll may be NULL).  The
** work is linear in the size of the file, duplicate checks included.
** max_memory > 0: the table's cells, periods and records may take at
** most that many bytes (an error naming the line past it), so a file of
** empty cells (one byte each, about 40 in memory) cannot take 40 times
** its size. */
int ts_kosis_parse_polled(const char *data, size_t n, ts_kosis_table *out, char **pzErr,
                          ts_kosis_poll xPoll, void *pPollArg, sqlite3_int64 max_memory);
void ts_kosis_clear(ts_kosis_table *t);

/* Result columns after the dimension columns, in order. */
#define TS_KOSIS_COL_PERIOD      0
#define TS_KOSIS_COL_VALUE       1
#define TS_KOSIS_COL_PRELIMINARY 2
#define TS_KOSIS_COL_LABEL       3
extern const char *const ts_kosis_result_columns[4];

#endif /* TRADESTAT_KOSIS_CSV_H */
