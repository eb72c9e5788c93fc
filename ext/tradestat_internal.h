/*
** tradestat internal header: the one place every family's entry point and
** the shared conventions (SPEC.md section 0) are declared.
**
** Layout of ext/:
**   tradestat.c        entry point, registration table, version/debug
**   convention.c       numbers in, overflow-safe sums, growth, error helper
**   period.c           pure period parser and calendar arithmetic
**   period_sql.c       the period_*() SQL functions
**   growth_core.c      the growth engine every growth form calls
**   growth.c           pct_change, cagr (scalar and aggregate)
**   growth_series.c    the point deque behind the growth aggregates/windows
**   growth_window.c    yoy_growth / ytd_growth aggregate and window
**   series_args.c      virtual-table arguments, names, declared schema
**   series_source.c    shared virtual-table machinery: checked source,
**                      query with pushdown, streaming per-series scan,
**                      xBestIndex / xFilter decoding
**   series_vtab.c      the one sqlite3_module every series virtual table
**                      plugs into (call forms, DIRECTONLY, cursors)
**   yoy_vtab.c         the yoy_growth virtual table
**   trade.c            trade_imbalance scalar and core measures
**   trade_vtab.c       the trade_imbalance virtual table
**   projection*.c      annual_projection core, SQL forms, virtual table
**   kosis_csv.c        the kosis_csv virtual table
**   sparkline.c        the sparkline aggregate
**
** Pure core functions (ts_period_*, ts_number_*, ts_sum_*, ts_growth*)
** take and return plain C values so they can be unit-tested without
** SQLite.  Everything that touches sqlite3_value lives in the *_sql /
** registration glue.
*/
#ifndef TRADESTAT_INTERNAL_H
#define TRADESTAT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>

#ifndef SQLITE_CORE
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#define TRADESTAT_VERSION "0.1.0"

/* Registration flag policy (STYLE.md habit 4). */
#define TS_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
/* Aggregates over a whole group are deterministic too. */
#define TS_PURE_AGG TS_PURE

/* White space, as every label, name and number reader skips it. */
static inline int ts_is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
/* Narrows [*pz, *pz + *pn) to drop leading and trailing white space. */
static inline void ts_trim(const char **pz, int *pn) {
  while (*pn > 0 && ts_is_space(**pz)) (*pz)++, (*pn)--;
  while (*pn > 0 && ts_is_space((*pz)[*pn - 1])) (*pn)--;
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */
/* ------------------------------------------------------------------ */

typedef enum ts_period_kind {
  TS_KIND_NONE = 0,
  TS_KIND_YEAR = 1,
  TS_KIND_HALF = 2,
  TS_KIND_QUARTER = 3,
  TS_KIND_MONTH = 4,
  TS_KIND_DAY = 5
} ts_period_kind;

typedef struct ts_period {
  ts_period_kind kind;
  int year;        /* 1 .. 9999 */
  int sub;         /* 1-based position in the year: half 1-2, quarter 1-4,
                      month 1-12, day: month (1-12); year: 1 */
  int day;         /* day of month for TS_KIND_DAY, else 0 */
  int preliminary; /* 1 if the label carried a 'p' / 'p)' / '(p)' mark */
} ts_period;

#define TS_PERIOD_LABEL_MAX 16 /* "9999-12-31" + NUL, with room */

/* Parse a label.  Returns 0 on success, non-zero when the text is not a
** period in any accepted form.  n < 0 means NUL-terminated. */
int ts_period_parse(const char *z, int n, ts_period *out);
/* INTEGER periods: a year (1..9999) or YYYYMM (100001..999912). */
int ts_period_from_int(int64_t v, ts_period *out);
/* Canonical label into buf (at least TS_PERIOD_LABEL_MAX bytes). */
void ts_period_format(const ts_period *p, char *buf);
const char *ts_period_kind_name(ts_period_kind k);
/* Parses 'year', 'half', 'quarter', 'month', 'day'; TS_KIND_NONE if not. */
ts_period_kind ts_period_kind_from_name(const char *z);
/* The accepted forms, for error messages. */
extern const char ts_period_forms[];

/* A monotone integer: consecutive periods of one kind differ by 1. */
int64_t ts_period_ordinal(const ts_period *p);
/* Inverse of ts_period_ordinal.  Returns non-zero if out of range. */
int ts_period_from_ordinal(ts_period_kind k, int64_t ord, ts_period *out);
/* Periods of the kind in p's year (days: 365 or 366). */
int ts_periods_in_year(const ts_period *p);
/* 1-based position of p in its year (days: day of year). */
int ts_period_position(const ts_period *p);
/* n steps later (earlier if n < 0).  Non-zero if out of range. */
int ts_period_shift(const ts_period *p, int64_t n, ts_period *out);
/* Same period one year earlier.  1: none (29 Feb, or year 1); 0: ok. */
int ts_period_prior_year(const ts_period *p, ts_period *out);
/* Coarser period containing p.  Non-zero if kind is finer than p's. */
int ts_period_rollup(const ts_period *p, ts_period_kind kind, ts_period *out);
/* Share of the year elapsed at the end of p, in (0, 1]. */
double ts_period_year_fraction(const ts_period *p);
/* First and last day of p, as TS_KIND_DAY periods. */
void ts_period_start(const ts_period *p, ts_period *out);
void ts_period_end(const ts_period *p, ts_period *out);
int ts_days_in_month(int year, int month);
/* How many periods of kind `inner` (finer or equal) p spans. */
int ts_period_count_within(const ts_period *p, ts_period_kind inner);

/* ------------------------------------------------------------------ */
/* Numbers in, sums, growth                                            */
/* ------------------------------------------------------------------ */

typedef enum ts_number_status {
  TS_NUMBER_OK = 0,
  TS_NUMBER_NULL,      /* SQL NULL */
  TS_NUMBER_NOT_NUMBER,/* TEXT SQLite would not read as a number, BLOB */
  TS_NUMBER_INFINITE,  /* +-Inf (or NaN) */
  TS_NUMBER_NOMEM      /* out of memory while reading */
} ts_number_status;

typedef struct ts_number {
  int is_int;      /* 1: exact 64-bit integer in i; 0: double in d */
  int64_t i;
  double d;        /* always set: (double)i for integers */
} ts_number;

/* Reads text as SQLite would read a numeric string: optional surrounding
** spaces, optional sign, digits, optional fraction and exponent. */
ts_number_status ts_number_from_text(const char *z, int n, ts_number *out);
ts_number_status ts_number_from_double(double d, ts_number *out);
void ts_number_from_int(int64_t i, ts_number *out);

/* Integer inputs are accumulated exactly in 128 bits; REAL inputs in a
** Neumaier-compensated double.  The total is an INTEGER whenever no REAL
** input remains and the exact total fits in 64 bits. */
/* 8-byte aligned so sums can live in sqlite3_malloc'ed memory (which
** guarantees 8, not the 16 a plain __int128 asks for). */
typedef __int128 ts_int128 __attribute__((aligned(8)));

typedef struct ts_sum {
  ts_int128 exact;  /* sum of the integer inputs */
  double s, c;     /* Neumaier sum and compensation of the REAL inputs */
  int64_t n_real;  /* REAL inputs added minus removed */
  int64_t count;   /* inputs added minus removed */
} ts_sum;

void ts_sum_init(ts_sum *s);
void ts_sum_add(ts_sum *s, const ts_number *v);
void ts_sum_remove(ts_sum *s, const ts_number *v);
/* Adds every input of `from` into `into`. */
void ts_sum_merge(ts_sum *into, const ts_sum *from);
/* Current total: integer in *out when out->is_int, else double. */
void ts_sum_value(const ts_sum *s, ts_number *out);
double ts_sum_double(const ts_sum *s);

/* x - m: INTEGER while both are integers and the difference fits in 64
** bits, else REAL (computed from the exact difference); never wraps. */
void ts_number_difference(const ts_number *x, const ts_number *m, ts_number *out);

/* (current - previous) / |previous| * 100; returns 0 and sets *out, or
** returns 1 (undefined: previous is zero). */
int ts_growth(double current, double previous, double *out);

/* ------------------------------------------------------------------ */
/* The growth engine: every SQL form of yoy/ytd growth calls this.      */
/* ------------------------------------------------------------------ */

/* One period of one series: the sums of the rows that fell in it. */
typedef struct ts_point {
  int64_t ordinal; /* ts_period_ordinal() at the series' kind */
  ts_sum sum[2];   /* slot 0: value (or exports); slot 1: imports */
  /* Roll-ups (grain=): which finer periods were summed into each slot, so
  ** a quarter holding two of its three months is known to be incomplete. */
  int64_t last_sub[2];          /* ordinal of the last finer period seen */
  int n_sub[2];                 /* distinct finer periods seen */
  unsigned char sub_kind[2];    /* their kind; TS_SUB_UNKNOWN if mixed */
  unsigned char incomplete[2];  /* 1: fewer finer periods than it holds */
} ts_point;

#define TS_SUB_UNKNOWN 0xFF

/* Growth of point i of a series (points sorted by ordinal, one per
** period, all of one kind), against the same period one year earlier,
** matched by period and never by position. */
typedef struct ts_growth_row {
  int prior_index;        /* index of the prior-year point, -1: none */
  int growth_ok;          /* growth defined */
  double growth;          /* percent */
  int ytd_ok;             /* every period of the year up to i present */
  ts_number ytd;          /* sum of those periods */
  int prior_ytd_ok;       /* the same periods of the prior year present */
  ts_number prior_ytd;
  int ytd_growth_ok;
  double ytd_growth;      /* percent */
  const char *note;       /* NULL, or why growth / ytd_growth is NULL */
} ts_growth_row;

/* Notes, shared by every form that reports them. */
#define TS_NOTE_NO_PRIOR "no prior period"
#define TS_NOTE_PRIOR_ZERO "prior is zero"
#define TS_NOTE_PRIOR_YTD "incomplete prior year-to-date"
#define TS_NOTE_YTD "incomplete year-to-date"
#define TS_NOTE_INCOMPLETE "incomplete period"

/* Sorts a[0..n) by ordinal and merges points of the same period; returns
** the new count. */
int ts_points_sort_merge(ts_point *a, int n);
/* Index of the point with this ordinal, or -1 (binary search). */
int ts_point_find(const ts_point *a, int n, int64_t ordinal);
/* The same, first trying the index the ordinal has when no period between
** it and point i is missing: O(1) on a series without gaps. */
int ts_point_find_near(const ts_point *a, int n, int i, int64_t ordinal);
void ts_growth_at(ts_period_kind kind, const ts_point *a, int n, int slot,
                  int i, ts_growth_row *out);
/* Only the growth half of ts_growth_at (prior_index, growth_ok, growth,
** and note when growth is NULL; the year-to-date fields stay empty), to
** the bit the same: O(1) when no period between point i and its prior is
** missing, else O(log n).  For forms that report growth alone. */
void ts_growth_yoy(ts_period_kind kind, const ts_point *a, int n, int slot, int i,
                   ts_growth_row *out);

/* The same, for a walk over one series in period order: running
** year-to-date sums make each point O(1) amortized.  Initialise the
** cursor for each series; points may be skipped, not revisited cheaply. */
typedef struct ts_year_sum {
  int valid, year, next, count; /* next: first point not yet summed */
  int64_t end;                  /* points with ordinal <= end are summed */
  ts_sum sum;
} ts_year_sum;
typedef struct ts_growth_cursor {
  ts_year_sum ytd, prior_ytd;
} ts_growth_cursor;
void ts_growth_cursor_init(ts_growth_cursor *c);
void ts_growth_next(ts_growth_cursor *c, ts_period_kind kind, const ts_point *a, int n,
                    int slot, int i, ts_growth_row *out);

/* ------------------------------------------------------------------ */
/* SQL glue helpers                                                    */
/* ------------------------------------------------------------------ */

/* Sets an error "func(): <formatted>" on ctx. */
void ts_result_error(sqlite3_context *ctx, const char *zFunc,
                     const char *zFormat, ...);
/* Replaces pVtab->zErrMsg with the formatted text (module prefix is the
** caller's job: messages are "module: ..."). */
void ts_vtab_error(sqlite3_vtab *pVtab, const char *zFormat, ...);
/* Renders a value for an error message: 'text' (quoted, shortened),
** x'hex' for blobs, numbers as written.  Caller frees with sqlite3_free. */
char *ts_value_repr(sqlite3_value *v);
/* Reads argument iArg (1-based, for the message) as a number.  Returns
** TS_NUMBER_OK or TS_NUMBER_NULL; on any error sets the exact error
** on ctx and returns TS_NUMBER_NOT_NUMBER. */
ts_number_status ts_arg_number(sqlite3_context *ctx, const char *zFunc,
                               int iArg, sqlite3_value *v, ts_number *out);
/* Same rules for a column value read in a virtual table: on error
** *pzErr gets "is not a number: 'value'" (caller frees; NULL when out of
** memory) and TS_NUMBER_NOT_NUMBER is returned. */
ts_number_status ts_value_number(sqlite3_value *v, ts_number *out,
                                 char **pzErr);
/* Reads a period argument (TEXT or INTEGER).  Returns 0 ok, 1 NULL, 2
** error (set on ctx, quoting the label and listing accepted forms). */
int ts_arg_period(sqlite3_context *ctx, const char *zFunc, int iArg,
                  sqlite3_value *v, ts_period *out);
/* Same for a column value; on error *pzErr = "invalid period: ..." */
int ts_value_period(sqlite3_value *v, ts_period *out, char **pzErr);
/* Result a number (integer or real). */
void ts_result_number(sqlite3_context *ctx, const ts_number *n);
/* Result a double, NULL if it is not finite. */
void ts_result_double(sqlite3_context *ctx, double d);

/* ------------------------------------------------------------------ */
/* Family entry points: each registers its SQL names.                  */
/* ------------------------------------------------------------------ */

int ts_period_register(sqlite3 *db);
int ts_growth_register(sqlite3 *db);
int ts_yoy_vtab_register(sqlite3 *db);
int ts_trade_register(sqlite3 *db);
int ts_trade_vtab_register(sqlite3 *db);
int ts_projection_register(sqlite3 *db);
int ts_projection_vtab_register(sqlite3 *db);
int ts_kosis_csv_register(sqlite3 *db);
int ts_sparkline_register(sqlite3 *db);

/* Registration from a table (STYLE.md habit 4). */
typedef struct ts_function_def {
  const char *zName;
  int nArg;
  int flags;
  void (*xFunc)(sqlite3_context *, int, sqlite3_value **);
  void (*xStep)(sqlite3_context *, int, sqlite3_value **);
  void (*xFinal)(sqlite3_context *);
  void (*xValue)(sqlite3_context *);
  void (*xInverse)(sqlite3_context *, int, sqlite3_value **);
} ts_function_def;

/* Registers every entry; on failure returns the code and reports the
** failing name through sqlite3_log. */
int ts_register_functions(sqlite3 *db, const ts_function_def *defs, int n);

#endif /* TRADESTAT_INTERNAL_H */
