/*
** vtab/series_vtab.h -- one sqlite3_module for every series virtual table.
**
** yoy_growth, trade_imbalance and annual_projection differ only in their
** result columns, their extra arguments and how a series becomes rows.
** Everything else -- the two call forms (table-valued with HIDDEN
** argument columns, and CREATE VIRTUAL TABLE key=value), DIRECTONLY, the
** shared xBestIndex, pushdown, the streaming scan, errors -- lives once in
** series_vtab.c, and the series-column and argument-column values once in
** series_vtab_out.c.  A module is a ts_series_module: a table of names and
** a few callbacks.
**
** Module structs extend the base ones: a module's vtab struct starts with
** a ts_series_vtab and its cursor struct with a ts_series_cursor, and the
** sizes are given in szVtab / szCursor.
*/
#ifndef TRADESTAT_SERIES_VTAB_H
#define TRADESTAT_SERIES_VTAB_H

#include "vtab/series_source.h"

#define TS_MAX_ARG 8 /* HIDDEN argument columns of a table-valued form */

typedef struct ts_series_module ts_series_module;

typedef struct ts_series_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  const ts_series_module *module;
  int table_valued;    /* eponymous form: arguments arrive in xFilter */
  int nSeries;         /* series columns before the results */
  ts_source_spec spec; /* CREATE form */
  /* Kept by the table, not the cursor: SQLite reopens the cursor for each
  ** branch of a multi-index OR.  See series_vtab.c. */
  struct ts_key_ids *key_ids;    /* series key -> id, for xRowid */
  struct ts_snapshot *snapshots; /* statements that write: source rowids */
  char *zTable;                  /* CREATE form: the table's own name, for messages */
  char *zBroken;                 /* CREATE form connected with arguments no CREATE
                          accepts: why (every query fails with it) */
  /* Cursors of this table open now, and how often that count rose from
  ** zero: while the transaction state is WRITE the key spellings live for
  ** one such span (series_rowid_mark.c, ts_key_data_mark). */
  int nOpen;
  unsigned openSpan;
  int busy; /* > 0 while this table reads its source (xFilter, xNext, xColumn):
               an xFilter then is the table reading itself through its
               source, a cycle (series_vtab.c) */
  /* What choosing the scan path learnt of the source (series_hash_plan.h),
  ** lent to every spec this table reads with (spec.probes); NULL: out of
  ** memory, ask every time. */
  struct ts_probes *probes;
  /* The source query's statements, kept reset between filters
  ** (series_keep.c): a join's inner loop filters one cursor, a correlated
  ** subquery opens a new one, once per outer row.  A scan takes a
  ** statement out while it reads, so two cursors never share one.  NULL:
  ** out of memory, every filter prepares. */
  ts_scan_keep *keep;
} ts_series_vtab;

typedef struct ts_series_cursor {
  sqlite3_vtab_cursor base;
  ts_source_spec own;         /* table-valued form: from its arguments */
  const ts_source_spec *spec; /* what is read: own or the vtab's */
  ts_scan *scan;
  ts_series *series;                /* current series; NULL: end of rows */
  int out_lo, out_hi;               /* years the query asks for (0: open) */
  int read_lo, read_hi;             /* years read from the source (0: open) */
  sqlite3_value *apArg[TS_MAX_ARG]; /* argument values, for their columns */
  /* Row identity for xRowid, the same for a row in every xFilter (SQLite's
  ** multi-index OR drops rows whose rowid it has seen): the series key's
  ** id, then the row's period ordinal (or year), which each module's
  ** xNext sets in row_key. */
  sqlite3_int64 series_id;
  int64_t row_key;
  /* The series' key as its id was first seen in this statement, when
  ** this read spells it otherwise (series_rowid.c): the cursor's own copy
  ** of its encoding; NULL: as read. */
  unsigned char *zShow;
  /* Per filter, for series_rowid.c: the source's tag (table-valued form)
  ** and whether the data mark was read. */
  char *zKeyTag;  /* the call: source and every argument (xRowid's id) */
  char *zFoldTag; /* the source alone (how its key columns fold) */
  int keyMarked;
  /* Table-valued form given an options argument: the settings it makes,
  ** read as a CREATE form's would be (NULL: no options, the defaults). */
  ts_series_vtab *cfg;
} ts_series_cursor;

struct ts_series_module {
  const char *zName;
  const char *const *azResult; /* "name TYPE" after the series columns */
  int nResult;
  int iPeriod;                    /* the result column holding the period/year */
  const char *const *azArgColumn; /* table-valued form: HIDDEN columns */
  const char *const *azArgRole;   /* their roles (ts_source_from_arguments;
                                     other roles are the module's own) */
  int nArg, nRequired;
  int history_years; /* see ts_source_spec.history_years */
  /* The years before a row's own that its values need when the query
  ** reads none of whole_columns (TS_PLAN_NARROW), for these settings; -1:
  ** history_years.  NULL: always history_years. */
  int (*xHistoryYears)(const ts_series_vtab *conf);
  /* Result columns (bit i: result i) whose values read every series and
  ** year of the source anyway (annual_projection's pool of past errors);
  ** when a query uses one, see TS_PLAN_WHOLE.  0: none. */
  unsigned whole_columns;
  int year_integer;        /* the period column is `year INTEGER` */
  size_t szVtab, szCursor; /* sizes of the module's extended structs */
  /* Sets the module's defaults, in both forms (NULL: none). */
  void (*xInit)(ts_series_vtab *vtab);
  /* CREATE form: fills vtab->spec (and the module's own settings) from
  ** the key=value arguments, checking what the module requires. */
  int (*xConfigure)(ts_series_vtab *vtab, int argc, const char *const *argv, char **pzErr);
  /* Table-valued form, after the shared roles are read: the module's own
  ** arguments and defaults (NULL: none). */
  int (*xArguments)(ts_series_cursor *cur, sqlite3_value **apArg, char **pzErr);
  /* A series has been read into cur->series (NULL: nothing to prepare). */
  int (*xStart)(ts_series_cursor *cur, char **pzErr);
  /* Positions on the series' next row: 1, or 0 when it has no more. */
  int (*xNext)(ts_series_cursor *cur);
  /* Result column iResult (0 .. nResult-1) of the current row. */
  void (*xResult)(ts_series_cursor *cur, sqlite3_context *ctx, int iResult);
  /* Whether a row's values depend on later years of its series (then
  ** upper year bounds are not pushed into the source; NULL: never). */
  int (*xReadsLaterYears)(const ts_series_vtab *vtab);
  /* Frees what the module keeps per query / per table (NULL: nothing).
  ** xReset runs before every xFilter of a cursor and at its close; xClose
  ** only at its close, after xReset: what a module keeps across the
  ** xFilter calls of one cursor (a join's inner loop filters the same
  ** cursor once per outer row, within one statement run) goes there.
  ** xOpen runs when a cursor is opened (NULL: nothing to do). */
  void (*xReset)(ts_series_cursor *cur);
  void (*xOpen)(ts_series_cursor *cur);
  void (*xClose)(ts_series_cursor *cur);
  void (*xDisconnect)(ts_series_vtab *vtab);
};

int ts_series_module_register(sqlite3 *db, const ts_series_module *m);
/* The module's xColumn and xRowid (series_vtab_out.c), which
** series_vtab.c's sqlite3_module points to. */
int ts_series_xcolumn(sqlite3_vtab_cursor *pCursor, sqlite3_context *ctx, int iCol);
int ts_series_xrowid(sqlite3_vtab_cursor *pCursor, sqlite3_int64 *pRowid);

/* The settings this query runs with: the CREATE form's table, or the
** table-valued form's options (read like a CREATE form's arguments), or
** NULL for a table-valued call without options (the module's defaults). */
ts_series_vtab *ts_series_config(const ts_series_cursor *cur);

/* The common CREATE form: source=, value= (required), period=, by=, grain=. */
int ts_series_configure_value(ts_series_vtab *vtab, int argc, const char *const *argv,
                              char **pzErr);
/* For a further scan of the cursor's source (cur->spec): when the
** statement writes, sets pd to read the source as the statement's first
** read of it did (see series_vtab.c); otherwise leaves pd alone. */
int ts_series_snapshot(ts_series_cursor *cur, ts_pushdown *pd, char **pzErr);
void ts_snapshots_free(struct ts_snapshot *p);
/* Row identity (series_rowid.c): the id of the current series' key, given
** on first sight and kept by the table; the rowid of the current row. */
int ts_series_key_id(ts_series_cursor *cur, int nBy, sqlite3_int64 *pId, char **pzErr);
/* Key column i as the cursor shows it when cur->zShow is set: 1 and
** *out; 0: show the series' own apKey[i]. */
typedef struct ts_key_value {
  int type;
  sqlite3_int64 i;
  double d;
  const void *z;
  int n;
} ts_key_value;
int ts_key_shown(const ts_series_cursor *cur, int i, ts_key_value *out);
sqlite3_int64 ts_series_rowid(const ts_series_cursor *cur);

/* Whether two key values are the same type and bytes (NULLs alike): equal
** under any collation without asking SQLite (series_rowid.c). */
int ts_key_same_bytes(sqlite3_value *a, sqlite3_value *b);
void ts_key_ids_free(struct ts_key_ids *k);
/* The rows a module makes of a series (series_vtab_out.c).  Whether a
** row of this year is inside the years the query asks for. */
int ts_series_wants_year(const ts_series_cursor *cur, int year);
/* Advances *pi to the series' next point inside the asked-for years (the
** earlier years read only for comparison are not rows); 0 when none. */
int ts_series_next_point(const ts_series_cursor *cur, int *pi);
/* The same points as one index range [*pFirst, *pEnd), for the kinds with
** a fixed number of periods a year; 0 (days) when ts_series_next_point
** must walk them. */
int ts_series_point_span(const ts_series_cursor *cur, int *pFirst, int *pEnd);
/* Canonical label of a period ordinal of the series' kind as the result. */
void ts_series_result_period(sqlite3_context *ctx, ts_period_kind kind, int64_t ordinal);

#endif /* TRADESTAT_SERIES_VTAB_H */
