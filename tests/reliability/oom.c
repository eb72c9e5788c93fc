/*
** oom.c -- out-of-memory injection over every SQL name and virtual-table
** form.
**
** Contract:
**  1. A countdown allocator wraps SQLite's default methods
**     (SQLITE_CONFIG_GETMALLOC -> SQLITE_CONFIG_MALLOC): armed at N, the
**     N-th allocation fails; one-shot mode fails only that one, persistent
**     mode every allocation after it.
**  2. The extension is linked statically and registered with
**     sqlite3_auto_extension, as an application embedding it would.
**  3. For every case of cases.c whose name is registered (and a generic
**     query for any registered name without a case), and for N = 1, 2, ...
**     until a run completes without reaching its fault: the run must end
**     in SQLITE_NOMEM or in exactly the result of an uninjected reference
**     run; and sqlite3_memory_used() must be back at its baseline after
**     the connection closes.  A crash ends the process (and the test).
**  4. Prints the number of fault points exercised; exit status 1 on any
**     failure, or when nothing was exercised.
*/
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long total_points, total_failures;

static void show(const char *zWhat, const th_str *s) {
  const char *z = th_str_text(s);
  fprintf(stderr, "  %s: %.600s%s\n", zWhat, z, strlen(z) > 600 ? "..." : "");
}

/* Every fault point of one query, in one mode.  Returns failures. */
static int sweep(const char *zLabel, const char *zSetup, const char *zSql, const th_fault_run *ref,
                 sqlite3_int64 baseline, int persistent) {
  int failures = 0;
  for (long at = 1; at < 200000; at++) {
    th_fault_run r;
    if (th_fault_run_once("oom", zSetup, zSql, at, persistent, &r)) return failures + 1;
    sqlite3_int64 used = sqlite3_memory_used();
    int ok = 1;
    if (used != baseline) {
      fprintf(stderr, "oom: LEAK %s, %s fault at %ld: %lld bytes not freed\n", zLabel,
              persistent ? "persistent" : "one-shot", at, (long long)(used - baseline));
      baseline = used; /* report each leak once */
      ok = 0;
    }
    if (r.out.oom) {
      fprintf(stderr, "oom: harness ran out of real memory\n");
      exit(2);
    }
    if (!th_fault_is_nomem(&r) && !th_fault_same(&r, ref)) {
      fprintf(stderr, "oom: WRONG RESULT %s, %s fault at %ld (rc %d, %ld allocations failed)\n",
              zLabel, persistent ? "persistent" : "one-shot", at, r.rc, r.nfail);
      show("got", &r.out);
      show("expected", &ref->out);
      ok = 0;
    }
    long nfail = r.nfail;
    th_str_free(&r.out);
    if (!ok && ++failures >= 3) return failures; /* enough to act on */
    if (nfail == 0) break;                       /* the query needed fewer allocations */
    total_points++;
  }
  return failures;
}

static int oom_case(const char *zLabel, const char *zSetup, const char *zSql) {
  th_fault_run ref;
  /* Warm-up then reference: lazily created global state is in the baseline. */
  if (th_fault_run_once("oom", zSetup, zSql, 0, 0, &ref)) return 1;
  th_str_free(&ref.out);
  sqlite3_int64 baseline = sqlite3_memory_used();
  if (th_fault_run_once("oom", zSetup, zSql, 0, 0, &ref)) return 1;
  if (sqlite3_memory_used() != baseline) {
    fprintf(stderr, "oom: LEAK %s without any fault: %lld bytes\n", zLabel,
            (long long)(sqlite3_memory_used() - baseline));
    th_str_free(&ref.out);
    return 1;
  }
  if (ref.rc != SQLITE_OK) { /* it would stop at its own error: nothing tested */
    fprintf(stderr, "oom: %s fails without any fault: %.300s\n", zLabel, th_str_text(&ref.out));
    th_str_free(&ref.out);
    return 1;
  }
  long before = total_points;
  int failures = sweep(zLabel, zSetup, zSql, &ref, baseline, 0);
  failures += sweep(zLabel, zSetup, zSql, &ref, baseline, 1);
  printf("oom: %-40s %6ld fault points%s\n", zLabel, total_points - before,
         failures ? "  FAILED" : "");
  th_str_free(&ref.out);
  return failures;
}

int main(void) {
  if (th_fault_install() != SQLITE_OK) return 2;
  if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1) != SQLITE_OK) return 2;
  if (sqlite3_initialize() != SQLITE_OK) return 2;
  if (th_write_fixture_files()) {
    fprintf(stderr, "oom: cannot write %s\n", TH_CSV_PATH);
    return 2;
  }

  th_registry reg;
  if (th_registry_load(&reg) != SQLITE_OK) return 2;
  sqlite3_auto_extension((void (*)(void))sqlite3_tradestat_init);

  int ncases = 0;
  for (int i = 0; i < th_ncases; i++) {
    const th_case *c = &th_cases[i];
    char zLabel[128];
    snprintf(zLabel, sizeof(zLabel), "%s (%s)", c->name, c->form);
    if (!th_registered(&reg, c->name)) {
      printf("oom: %-40s skipped: not registered yet\n", zLabel);
      continue;
    }
    ncases++;
    total_failures += oom_case(zLabel, c->setup, c->sql);
  }
  for (int i = 0; i < reg.nfn; i++) {
    if (th_has_case(reg.fn[i].name)) continue;
    char zLabel[128];
    snprintf(zLabel, sizeof(zLabel), "%s/%d (generic, no case yet)", reg.fn[i].name,
             reg.fn[i].narg);
    char *zSql = th_generic_function_sql(&reg.fn[i]);
    ncases++;
    total_failures += zSql ? oom_case(zLabel, NULL, zSql) : 1;
    sqlite3_free(zSql);
  }
  for (int i = 0; i < reg.nmodule; i++) {
    if (th_has_case(reg.module[i])) continue;
    char zLabel[128];
    snprintf(zLabel, sizeof(zLabel), "%s (generic module, no case yet)", reg.module[i]);
    char *zSql = th_generic_module_sql(reg.module[i]);
    ncases++;
    total_failures += zSql ? oom_case(zLabel, NULL, zSql) : 1;
    sqlite3_free(zSql);
  }
  printf("oom: %d cases, %ld fault points exercised (one-shot and persistent), %ld failures\n",
         ncases, total_points, total_failures);
  return total_failures || total_points == 0;
}
