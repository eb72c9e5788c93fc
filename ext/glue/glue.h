/*
** glue/glue.h -- between SQLite and core/: reading arguments and column
** values as numbers and periods with the project's exact error messages,
** setting results, and registering function tables.  Every family's SQL
** functions and every virtual table use these; nothing here knows a
** family.  Implemented in glue/glue.c.
*/
#ifndef TS_GLUE_H
#define TS_GLUE_H

#include <stdarg.h>

#ifndef SQLITE_CORE
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include "core/period.h"
#include "core/number.h"

/* Function flags: every scalar and aggregate is a pure function of its
** arguments, safe in a view, index or CHECK (see docs/conventions.md). */
#define TS_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
/* Aggregates over a whole group are deterministic too. */
#define TS_PURE_AGG TS_PURE

/* Sets an error "func(): <formatted>" on ctx. */
void ts_result_error(sqlite3_context *ctx, const char *zFunc, const char *zFormat, ...);
/* The message of a failed nested statement (a query a virtual table runs
** on its source) as "module: message", with one prefix only: a message
** that already starts with a name prefix ("name: " or "name(): ", as
** every tradestat message does) is passed through as it is.  NULL on
** out of memory. */
char *ts_prefixed_error(const char *zModule, const char *zMsg);
/* Renders a value for an error message: 'text' (quoted, shortened),
** x'hex' for blobs, numbers as written.  Caller frees with sqlite3_free. */
char *ts_value_repr(sqlite3_value *v);
/* A REAL as the shortest of 15, 16 or 17 significant digits that reads
** back as the same double (Inf and -Inf by name).  Caller frees. */
char *ts_real_repr(double d);
/* Appends "name=version," for every database of the connection: the
** pager's data version (SQLITE_FCNTL_DATA_VERSION, PRAGMA data_version
** without its read transaction, so no lock and no busy wait), which moves
** when a commit is seen, this connection's or another's.  Returns
** SQLITE_OK, SQLITE_NOMEM, or another error when one cannot be told (then
** nothing keyed on it may be reused). */
int ts_data_versions(sqlite3 *db, sqlite3_str *s);
/* The same for n bytes of text (NUL bytes allowed): '...' as an SQL
** literal, cut after 60 bytes on a character boundary with a '...'
** marker; NUL and other control characters (C0, DEL, and C1 as UTF-8
** writes them, U+0080..U+009F) shown as || char(N) ||. */
char *ts_text_repr(const char *z, int n);
/* Whether n bytes of text hold a character ts_text_repr shows as char(N)
** or a byte it shows as CAST(x'..' AS TEXT). */
int ts_text_has_control(const char *z, int n);
/* The message zMsg (taken; NULL passes through) as one line of valid
** UTF-8: each byte that starts no well-formed character (a name the user
** gave as TEXT made from bytes) becomes U+FFFD and each control character
** (C0, DEL, C1: a newline or an escape sequence in a table's name) '?',
** as a name not found shows them.  Values are shown as SQL before this
** (ts_text_repr), so what is left to replace is in names.  Returns zMsg
** itself when it is plain, else a new text (NULL when out of memory). */
char *ts_message_plain(char *zMsg);
/* ts_text_repr of a NUL-terminated text given by the user (an argument's
** value, a label): what a message shows of it.  "NULL" for NULL. */
char *ts_text_shown(const char *z);
/* Reads argument iArg (1-based, for the message) as a number.  Returns
** TS_NUMBER_OK or TS_NUMBER_NULL; on any error sets the exact error
** on ctx and returns TS_NUMBER_NOT_NUMBER. */
ts_number_status ts_arg_number(sqlite3_context *ctx, const char *zFunc, int iArg, sqlite3_value *v,
                               ts_number *out);
/* Same rules for a column value read in a virtual table: on error
** *pzErr gets "is not a number: 'value'" (caller frees; NULL when out of
** memory) and TS_NUMBER_NOT_NUMBER is returned. */
ts_number_status ts_value_number(sqlite3_value *v, ts_number *out, char **pzErr);
/* Whether v is a figure: what ts_value_number reads as a number (NULL,
** '-', '…' and values it refuses are none), without building the
** refusal's message. */
int ts_value_has_figure(sqlite3_value *v);
/* Reads a period argument (TEXT or INTEGER).  Returns 0 ok, 1 NULL, 2
** error (set on ctx, quoting the label and listing accepted forms). */
int ts_arg_period(sqlite3_context *ctx, const char *zFunc, int iArg, sqlite3_value *v,
                  ts_period *out);
/* Same for a column value; on error *pzErr = "invalid period: ..." */
int ts_value_period(sqlite3_value *v, ts_period *out, char **pzErr);
/* A source's "preliminary" column value: 0 for NULL, a zero (0, 0.0,
** '0'), empty text and the words n, no, f, false and '-' (any case,
** spaces trimmed); 1 for anything else ('Y', 'p', 'p)', 'true', 1, ...),
** so a flag written as text never lets a preliminary figure pass as
** final. */
int ts_value_is_preliminary(sqlite3_value *v);
/* Result a number (integer or real). */
void ts_result_number(sqlite3_context *ctx, const ts_number *n);
/* Result a double, NULL if it is not finite. */
void ts_result_double(sqlite3_context *ctx, double d);

/* Registration from a table. */
typedef struct ts_function_def {
  const char *zName;
  int nArg;
  int flags;
  void (*xFunc)(sqlite3_context *, int, sqlite3_value **);
  void (*xStep)(sqlite3_context *, int, sqlite3_value **);
  void (*xFinal)(sqlite3_context *);
  void (*xValue)(sqlite3_context *);
  void (*xInverse)(sqlite3_context *, int, sqlite3_value **);
  void *pApp; /* sqlite3_user_data() of every call: one set of callbacks
                 can serve several names */
} ts_function_def;

/* Registers every entry; on failure returns the code and reports the
** failing name through sqlite3_log. */
int ts_register_functions(sqlite3 *db, const ts_function_def *defs, int n);

#endif /* TS_GLUE_H */
