/*
** vtab/series_source.h -- the machinery the yoy_growth, trade_imbalance and
** annual_projection virtual tables share:
**
**   - parsing CREATE VIRTUAL TABLE arguments (key=value, quoted values,
**     comma lists for by=);
**   - checking that the source table/view and its columns exist;
**   - building the one query on the source, with identifiers quoted
**     ("%w"), by-column equality and period bounds pushed down (widened
**     by the history the statistic needs), ordered by the series columns
**     and period so an index on them is walked instead of sorted;
**   - streaming that query one series at a time: each series arrives as a
**     sorted array of points (period ordinal + exact/compensated sums per
**     value slot), never the whole source;
**   - a shared xBestIndex for the common column layout.
**
** Column layout every module uses (so ts_source_best_index can serve all):
**   0 .. nSeries-1      the series columns (by= names, or one `series`)
**   nSeries             period
**   ...                 the module's own result columns
**   nCol-nArg .. nCol-1 HIDDEN argument columns of the table-valued form
*/
#ifndef TRADESTAT_SERIES_SOURCE_H
#define TRADESTAT_SERIES_SOURCE_H

#include "glue/glue.h"
#include "core/series.h"

#define TS_MAX_BY 16 /* series columns a virtual table may name */
/* Separates alternative flow labels of one side ("export\x1Fexports"). */
#define TS_FLOW_LABEL_SEP "\x1F"

/* What to read and how. Strings are sqlite3_malloc'ed and owned here. */
typedef struct ts_source_spec {
  const char *zModule; /* "yoy_growth": prefix of every message */
  char *zSchema;       /* NULL, or the part before '.' in source=, or
                          (schema_implied) the CREATE form's own schema */
  int schema_implied;  /* zSchema was not written in source= (messages
                          show the source as written) */
  char *zTable;        /* table or view */
  char *zPeriod;       /* period column */
  int nValue;          /* 1: azValue[0]; 2: azValue[0..1] (wide trade) */
  char *azValue[2];
  char *zFlow;          /* long trade data: label column; slot by label */
  char *azFlowLabel[2]; /* labels for slot 0 and slot 1 */
  int nBy;              /* series columns (0 .. TS_MAX_BY) */
  char *azBy[TS_MAX_BY];
  char *azByColl[TS_MAX_BY];      /* a by column's collation other than BINARY,
                              declared on the table's own column (CREATE
                              form over a table); NULL: none or unknown */
  const char *azByAff[TS_MAX_BY]; /* a by column's affinity ("INTEGER", "TEXT",
                                   "REAL", "NUMERIC"; static strings) from
                                   the source's declared type; NULL: none
                                   or unknown */
  ts_period_kind grain;           /* roll periods up to this kind; NONE: as they are */
  int history_years;              /* years before a period's own that its result
                              needs (yoy: 1); -1: all of them */
  int scan;                       /* scan=: TS_SCAN_AUTO/HASH/STREAM (series_hash.h) */
  struct ts_probes *probes;       /* borrowed, NULL: none: what choosing the scan path
                                     learnt of the source, kept by the series table
                                     (series_hash_plan.h) */
  /* 1: a period whose rows all lack a figure (NULL, KOSIS's '-' or 'x')
  ** still reaches the module, as a point whose slots count 0 rows
  ** (annual_projection: that year's year-to-date is unknown, not absent);
  ** 0: such a period is skipped, as sum() skips NULL (yoy_growth,
  ** trade_imbalance).  Both scan paths, and never a day of the extent. */
  int no_figure_points;
  /* 1: a whole roll-up of days notes how far after it the source's next
  ** row ends (ts_point.whole_after; annual_projection: a row projected
  ** from an earlier point is the source cut there).  Costs a read of the
  ** source's period column when such a roll-up is met. */
  int day_whole_after;
} ts_source_spec;

void ts_source_spec_clear(ts_source_spec *spec);

/* Splits "source" into schema and table on the first '.', unquoting
** "..", '..', [..] and `..` parts.  Returns SQLITE_OK or SQLITE_NOMEM. */
int ts_source_set_table(ts_source_spec *spec, const char *zSource);
/* Copies a column name, unquoting it.  NULL or empty: SQLITE_ERROR. */
int ts_source_set_name(char **pz, const char *zName);
/* Splits a comma list ("flow, partner") into spec->azBy. On error
** (too many, empty name) *pzErr says why. */
int ts_source_set_by(ts_source_spec *spec, const char *zList, char **pzErr);

/* One CREATE VIRTUAL TABLE argument "key = value": key and unquoted value,
** both sqlite3_malloc'ed.  Returns SQLITE_OK, SQLITE_NOMEM, or
** SQLITE_ERROR with *pzErr ("module: argument is not key=value: '...'"). */
int ts_parse_kv(const char *zModule, const char *zArg, char **pzKey, char **pzValue, char **pzErr);

/* Splits a table-valued form's options argument ("grain=year, by='a, b'")
** at commas outside quotes into azOut[0..*pnOut) (sqlite3_malloc'ed,
** trimmed; the caller frees them, also on error).  More than nMax parts,
** or a part with no '=', is an error in *pzErr. */
#define TS_MAX_OPTIONS 16
int ts_split_options(const char *zModule, const char *zOptions, char **azOut, int nMax, int *pnOut,
                     char **pzErr);

/* Reads CREATE VIRTUAL TABLE arguments (argv after the first three):
** source=, value=, period=, by=, grain= into spec, and each key named in
** azExtra[0..nExtra) into azExtraValue[k] (sqlite3_malloc'ed, caller
** frees).  Unknown keys, malformed arguments, a bad grain, and a missing
** source= or period= are errors in *pzErr. */
int ts_source_configure(ts_source_spec *spec, int argc, const char *const *argv,
                        const char *const *azExtra, int nExtra, char **azExtraValue, char **pzErr);

/* The schema to declare: the series columns (spec's by= names, or one
** `series` column when spec is NULL), then azResult ("name TYPE"), then
** azArg as HIDDEN argument columns.  A by= name equal to a result name is
** an error (*pzErr, NULL returned); NULL with no *pzErr: out of memory. */
char *ts_series_schema(const ts_source_spec *spec, const char *const *azResult, int nResult,
                       const char *const *azArg, int nArg, char **pzErr);

/* Fills spec from the table-valued form's argument values: azRole[k] is
** "source", "value", "period", "flow" or "series" (any other role is left
** to the caller).  The first nRequired must be non-empty TEXT; later ones
** may be NULL/absent.  Errors: "module: argument 2 (value) is missing". */
int ts_source_from_arguments(ts_source_spec *spec, sqlite3_value **apArg, const char *const *azRole,
                             int nArg, int nRequired, char **pzErr);

/* The source for SQL text ("schema"."table" AS s: columns are then always
** referenced as s."name", which can never fall back to a string literal)
** and as the user wrote it, for messages.  NULL on out of memory. */
char *ts_source_sql_name(const ts_source_spec *spec);
/* The query that tells whether two keys are one series in their first n
** by columns, as GROUP BY groups them (series_query.c, "Series are
** grouped as GROUP BY groups"; series_scan.c, contract 5): ?1..?n one
** key, ?n+1..?2n the other; NULL when out of memory. */
char *ts_same_key_sql(sqlite3 *db, const ts_source_spec *spec, int n);
char *ts_source_display_name(const ts_source_spec *spec);
/* A name for a message inside "...": cut to 60 bytes with "...", control
** bytes as '?'.  NULL on out of memory. */
char *ts_name_shown(const char *zName);

/* Checks the source and every named column exist: prepares a query on
** them.  *pzErr: 'module: no such table "x"' / 'module: no such column
** "amount" in "direct_trade"'. */
int ts_source_check(sqlite3 *db, const ts_source_spec *spec, char **pzErr);

/* Fills spec->azByColl from the source table's declared collations, and
** spec->azByAff from the declared types of the source's columns (a table's
** or a view's), so WHERE, ORDER BY and GROUP BY on the virtual table's
** series columns compare as on the source's.  A view, or a SQLite built
** without column metadata, leaves the collations NULL (BINARY); a source
** that cannot be read, the affinities NULL.  SQLITE_OK or SQLITE_NOMEM. */
int ts_source_collations(sqlite3 *db, ts_source_spec *spec);

/* Constraints pushed into the source query (filled from xFilter's argv).
** Everything here only narrows what is read: the rows of every series and
** year that a WHERE can keep are always read in full (see
** ts_source_decode), so pushdown never changes a row's values. */
typedef struct ts_pushdown {
  sqlite3_value *apByEq[TS_MAX_BY]; /* NULL: unconstrained */
  /* Series column i IN (...), handed over whole (sqlite3_vtab_in): the
  ** list value of xFilter's argv, read with sqlite3_vtab_in_first/next
  ** while xFilter runs; NULL: none. */
  sqlite3_value *apByIn[TS_MAX_BY];
  int empty;                    /* no row can satisfy the WHERE */
  int year_lo, year_hi;         /* years to read from the source
                                       (widened by history); 0: open */
  int out_year_lo, out_year_hi; /* years the query asks for; 0: open */
  /* The statement writes (INSERT INTO t SELECT ... FROM this table):
  ** read the source as it was before the statement's first write. */
  int snapshot;      /* sort in full before the first row */
  int has_max_rowid; /* and only rows with rowid <= this */
  sqlite3_int64 max_rowid;
  const struct ts_series_store *replay; /* non-NULL: the series read
                                       before the first write, instead */
  /* Read by the skip walk (TS_PLAN_SKIP, series_skip.c) when the years
  ** are bounded; never by hash. */
  int skip;
} ts_pushdown;

/* One series as it comes out of the scan. */
typedef struct ts_series {
  sqlite3_value *apKey[TS_MAX_BY]; /* series column values (owned) */
  ts_period_kind kind;             /* kind of every point */
  ts_point *aPoint;                /* sorted by ordinal, one per period */
  int nPoint;
  int nAlloc;
  /* With grain=, per value slot: the day ordinal of the first day of the
  ** earliest period of a row with a figure (a day row: that day), where
  ** the series' own days begin; TS_FIRST_DAY_NONE without such a row,
  ** TS_FIRST_DAY_EARLIER when a read narrowed by years left out such a
  ** row before the years it read (ts_days_check, series_extent.h). */
  int64_t first_day[2];
} ts_series;

/* After a scan read series s with grain=: a point a day row without a
** figure marked TS_INCOMPLETE_NO_FIGURE is MISSING on each slot that has
** a figure, and a point with a figure in no slot is dropped unless
** keep_empty (the module keeps periods without a figure as points). */
void ts_series_drop_unknown_days(ts_series *s, int keep_empty);
#define TS_FIRST_DAY_NONE    INT64_MAX
#define TS_FIRST_DAY_EARLIER INT64_MIN

typedef struct ts_scan ts_scan;

/* Prepares and starts the source query.  On error returns the code and
** sets *pzErr (sqlite3_malloc'ed, module-prefixed). */
int ts_scan_open(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd, ts_scan **ppScan,
                 char **pzErr);
/* The same, with the source query's statements taken from and given back
** to keep (series_keep.c): a cursor filtered again and again (the inner
** loop of a join) prepares its query once.  keep NULL: ts_scan_open. */
typedef struct ts_scan_keep ts_scan_keep;
int ts_scan_open_kept(sqlite3 *db, const ts_source_spec *spec, const ts_pushdown *pd,
                      ts_scan_keep *keep, ts_scan **ppScan, char **pzErr);
/* A cursor's keep: new (NULL: out of memory, then nothing is kept), and
** freed with every statement it holds (at the cursor's close). */
ts_scan_keep *ts_scan_keep_new(void);
void ts_scan_keep_free(ts_scan_keep *keep);
/* A streaming read that walks an index lacking the value column is
** watched: over each window of TS_WATCH_ROWS rows, more than one page
** cache miss per TS_WATCH_MISS_RATE rows switches it, at a series
** boundary, to the same query read in storage order and sorted (see
** "index walk or sort" in series_walk.c). */
#ifndef TS_WATCH_ROWS
#define TS_WATCH_ROWS 16384
#endif
#define TS_WATCH_MISS_RATE 8
/* Streaming reads since the library was loaded: [0] index walks watched,
** [1] of them switched to a sorted read.  For tests and tradestat_debug(). */
void ts_scan_order_counts(sqlite3_int64 aOut[2]);

/* Reads the next whole series.  SQLITE_ROW: *ppSeries is valid until the
** next call; SQLITE_DONE: no more; else an error with *pzErr. */
int ts_scan_next(ts_scan *scan, ts_series **ppSeries, char **pzErr);
void ts_scan_close(ts_scan *scan);
/* The hash path's result (series_hash.h) when the scan holds every series
** of its whole source in memory: read by hash with nothing pushed down
** (no series-column value bound, no year bound, no rowid bound); NULL
** otherwise.  A second reader of the whole source (annual_projection's
** pool) walks it with ts_hash_series_at instead of reading again. */
struct ts_hash *ts_scan_held(const ts_scan *scan);
/* Whether the hash path answers the scan (it did not give the query back
** to the streaming path). */
int ts_scan_by_hash(const ts_scan *scan);
/* That second walk: the held series after *piNext (start at 0) into *out
** (out->aPoint the caller's buffer, freed by the caller), checked as
** ts_scan_next checks its series (roll-ups of days past the source's
** days).  SQLITE_ROW, SQLITE_DONE, or an error with *pzErr. */
int ts_scan_held_next(ts_scan *scan, uint32_t *piNext, ts_series *out, char **pzErr);
/* ---- query-plan codes ------------------------------------------------
** ts_source_best_index writes idxStr as one two-character token per argv
** entry, in argv order: a kind, then a code.  ts_source_decode reads it.
*/
#define TS_PLAN_ARG   'A' /* + 'a'+k: hidden argument k (table-valued) */
#define TS_PLAN_BY    'B' /* + 'a'+i: series column i = value */
#define TS_PLAN_BY_IN 'C' /* + 'a'+i: series column i IN (list), the whole list in one value */
#define TS_PLAN_PERIOD \
  'P' /* + op: period/year op value of unknown origin
                                      (a column, parameter or subquery: it may
                                      carry numeric affinity) */
#define TS_PLAN_PERIOD_LITERAL \
  'L' /* + op: period op a literal of the SQL text
                                      (sqlite3_vtab_rhs_value: no affinity) */
#define TS_PLAN_OP_EQ '='
#define TS_PLAN_OP_LT '<'
#define TS_PLAN_OP_LE 'l'
#define TS_PLAN_OP_GT '>'
#define TS_PLAN_OP_GE 'g'
/* idxNum bits. */
#define TS_PLAN_YEAR_INTEGER \
  1 /* the period column is `year INTEGER`, not a
                                  TEXT label (annual_projection) */
/* The query reads a result column whose values read the whole source
** anyway (ts_series_module.whole_columns) and the scan reads the source by
** hash, no series column narrowed: every year is read, so that one read
** serves both (series_vtab.c); given back to the streaming path, the scan
** reads only the years pushed, as a streaming plan would (open_scan). */
#define TS_PLAN_WHOLE 2
/* The query reads none of the module's whole_columns: a module whose
** rows then need fewer earlier years says how many
** (ts_series_module.xHistoryYears, annual_projection's fixed methods). */
#define TS_PLAN_NARROW 4
/* That narrowed read has a year bound and an index on the series columns
** then the period serves a walk that seeks past the years it leaves out
** (series_skip.c): the read streams, never by hash (EXPLAIN QUERY PLAN
** shows Ss). */
#define TS_PLAN_SKIP 8

/* The common xBestIndex.  nSeries: series columns; iPeriod: the period
** column (year_integer: declared INTEGER, else TEXT); iFirstArg/nArg:
** hidden argument columns (nArg = 0 for the CREATE form), of which the
** first nRequired must be given.  Only BINARY comparisons are used;
** nothing but the argument columns is marked omit, so SQLite re-checks
** every constraint on the table's own output. */
int ts_source_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info, int nSeries, int iPeriod,
                         int year_integer, int iFirstArg, int nArg, int nRequired);

/* Decodes idxNum/idxStr/argv in xFilter: fills pd (by-column values, the
** years every row the WHERE can keep lies in, widened by history_years
** for reading) and apArg (argument values, NULL where not given; apArg
** may be NULL when nArg is 0). */
void ts_source_decode(int idxNum, const char *idxStr, int argc, sqlite3_value **argv,
                      int history_years, ts_pushdown *pd, sqlite3_value **apArg, int nArg);

/* Whether spec's source is an ordinary table with an index whose first
** key columns are the by columns then the period, each with its column's
** own collation (the period's BINARY, NOCASE or RTRIM), not partial, and
** a TEXT period column: the skip walk (series_skip.c) then seeks in it. */
int ts_skip_servable(sqlite3 *db, const ts_source_spec *spec);

/* Whether every row of a series of spec's source spells its key the
** same: an ordinary table whose by columns compare with BINARY and carry
** an affinity (TEXT, INTEGER, REAL, NUMERIC), so two values GROUP BY
** makes one group are the same value (no 'a'/'A' under NOCASE, no 1 and
** 1.0 in a column without affinity).  A read of fewer years then shows
** the key every read shows (series_skip.c). */
int ts_source_one_spelling(sqlite3 *db, const ts_source_spec *spec);

/* The largest rowid of the source now: 1 and *pMax (0 when empty) when
** the source is a rowid table; 0 when it has none (a view, WITHOUT ROWID)
** or it cannot be told. */
int ts_source_max_rowid(sqlite3 *db, const ts_source_spec *spec, sqlite3_int64 *pMax);

/* Whether table zTable of schema zSchema (NULL: the first schema holding
** it, as an unqualified name finds it) has column zCol, hidden ones too.
** Asked of PRAGMA table_xinfo rather than by preparing a query that may
** fail: a failed prepare makes SQLite check every attached database's
** schema, which waits out the busy timeout on a database another
** connection holds locked. */
int ts_source_has_column(sqlite3 *db, const char *zSchema, const char *zTable, const char *zCol);

/* Binds the series-column equalities and IN lists ts_scan_query pushed into
** the source query (aBound[i]: column i is bound), in order.  The hash
** path binds its own query with it: sqlite3_transfer_bindings is a
** deprecated interface that hosts built with SQLITE_OMIT_DEPRECATED
** (better-sqlite3) leave out of the extension API, a NULL call there. */
int ts_source_bind(sqlite3_stmt *stmt, const ts_source_spec *spec, const ts_pushdown *pd,
                   const int *aBound);

/* The value slot (0 or 1) a flow label of long trade data belongs to,
** matched as the streaming scan matches it; -1 if neither.  The hash
** path (series_hash.c) reads labels with it too. */
int ts_source_flow_slot(const ts_source_spec *spec, const char *z, int n);

/* With grain=, the source query keeps the rows before the years it reads
** (scan_query): both scan paths read them only to learn whether a series
** has a figure there.  ts_early_lo: the lower year bound the scan applies
** itself (pd's year_lo on a TEXT period column, as the query's filter
** would), 0 for none.  ts_early_row: whether period value v is of such a
** row, as the query's filter reads it (TEXT whose first four characters
** are the digits of a year before lo). */
int ts_early_lo(const ts_source_spec *spec, const ts_pushdown *pd, const char *aAff);
int ts_early_row(sqlite3_value *v, int lo);
/* The day ordinal of the first day of period p (for ts_series.first_day). */
int64_t ts_period_first_day(const ts_period *p);
/* " of series k='Seoul', flow='export'" (the series column values apKey
** as SQL literals), " of the one series (no series column)" without
** series columns; NULL: no memory. */
char *ts_series_name(sqlite3 *db, const ts_source_spec *spec, sqlite3_value *const *apKey);

#endif /* TRADESTAT_SERIES_SOURCE_H */
