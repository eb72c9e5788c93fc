/*
** harness.h -- what the reliability harnesses (oom, ioerr, safety,
** threads, fuzz) share.
**
** Contract:
**  1. th_open() opens a connection with the extension registered directly
**     (the static library, -DSQLITE_CORE) and the fixture tables loaded.
**  2. th_exec_all() runs every statement of a SQL text and appends a
**     rendering of each row (and of the final error, if any) to a th_str,
**     so a run under fault injection can be compared with a reference run.
**  3. th_registry() lists the SQL functions (pragma_function_list,
**     builtin=0) and the modules the extension adds (pragma_module_list,
**     minus those of a bare connection), discovered at run time so every
**     family is covered as soon as it is registered.
**  4. th_cases[] gives each SQL name and virtual-table form a representative
**     query; th_case_for_function() / th_case_for_module() build a generic
**     query for a name that has no case yet, so a new family is exercised
**     (and reported) rather than silently skipped.
**  5. Rendering allocates with libc, not SQLite, so it never consumes the
**     faults an injection harness arms.
*/
#ifndef TH_HARNESS_H
#define TH_HARNESS_H

#include <sqlite3.h>
#include <stddef.h>

int sqlite3_tradestat_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

/* A growable string; z is NULL-terminated when n > 0; oom set on failure. */
typedef struct th_str {
  char *z;
  size_t n, cap;
  int oom;
} th_str;

void th_str_append(th_str *s, const char *z, size_t n);
void th_str_printf(th_str *s, const char *zFormat, ...);
void th_str_free(th_str *s);
const char *th_str_text(const th_str *s); /* "" when empty */

/* The fixture: a direct_trade table (quarters 2019-2023, two partners,
** both flows), a wide table and a KOSIS CSV file at TH_CSV_PATH. */
extern const char th_fixture_sql[];
#define TH_CSV_PATH "build/th_kosis_fixture.csv"
int th_write_fixture_files(void);

/* Opens ":memory:" (or zFile), registers the extension unless bAuto (then
** sqlite3_auto_extension is expected to have done it), runs the fixture.
** Returns SQLITE_OK or the failing code (db is closed on failure). */
int th_open(const char *zFile, int bAuto, sqlite3 **pDb);

/* Runs every statement in zSql; appends rows to out (may be NULL).
** Returns the first error code (extended) or SQLITE_OK; the message of the
** error is appended as "error: ..." too. */
int th_exec_all(sqlite3 *db, const char *zSql, th_str *out);

typedef struct th_function {
  char name[64];
  char type; /* 's' scalar, 'a' aggregate, 'w' window */
  int narg;
} th_function;

typedef struct th_registry {
  th_function fn[256];
  int nfn;
  char module[32][64];
  int nmodule;
} th_registry;

/* Fills reg from a connection with the extension and a bare one. */
int th_registry_load(th_registry *reg);

typedef struct th_case {
  const char *name;  /* SQL name (function or module) it covers */
  const char *form;  /* e.g. "scalar", "aggregate", "window", "create" */
  const char *setup; /* run before, without faults (may be NULL) */
  const char *sql;   /* the query under test */
} th_case;

extern const th_case th_cases[];
extern const int th_ncases;

/* 1 if the name is a registered function or module. */
int th_registered(const th_registry *reg, const char *name);
/* 1 if some th_cases entry covers the name. */
int th_has_case(const char *name);
/* A generic query for an uncovered function/module; caller sqlite3_free. */
char *th_generic_function_sql(const th_function *f);
char *th_generic_module_sql(const char *module);

/* The one fault-injecting allocator of the OOM harnesses (oom.c,
** oom_connect.c).  th_fault_install wraps SQLite's allocator (before
** sqlite3_initialize; returns SQLITE_OK or the config error); once armed
** at N, the N-th allocation fails, and every later one too when
** persistent.  th_fault_disarm stops it and returns how many failed. */
int th_fault_install(void);
void th_fault_arm(long at, int persistent);
long th_fault_disarm(void);

/* One run of zSql under the allocator: a fresh connection, zSetup (may be
** NULL) without faults, then zSql with the fault armed at `at` (0: none).
** Returns 0, or 1 after saying why on stderr (zWho first): the setup
** failed, or a statement was left open.  Free out with th_str_free. */
typedef struct th_fault_run {
  int rc;     /* th_exec_all's code for zSql */
  long nfail; /* allocations that failed */
  th_str out; /* its rows and error */
} th_fault_run;
int th_fault_run_once(const char *zWho, const char *zSetup, const char *zSql, long at,
                      int persistent, th_fault_run *res);
/* Whether the run ended out of memory. */
int th_fault_is_nomem(const th_fault_run *r);
/* The same result as the reference run, or the same error code after the
** same rows (SQLite may lose an error's text when the text itself cannot
** be allocated). */
int th_fault_same(const th_fault_run *r, const th_fault_run *ref);

#endif
