/*
** threads.c -- concurrency.
**
** Contract:
**  1. THREADS threads (default 6) each open their own connection (the
**     extension registered directly) and run every case of cases.c whose
**     name is registered, ROUNDS times, all at once.
**  2. Each thread's results must equal a single-threaded reference run of
**     the same case: the extension has no shared mutable state.
**  3. Built with -fsanitize=thread by `make tsan`, where ThreadSanitizer
**     reports any data race in the extension; plain in `make threadtest`.
*/
#include "harness.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 16

static th_registry reg;
static char *reference[64];
static int rounds = 3;

static void *worker(void *arg) {
  long *pFailures = arg;
  for (int r = 0; r < rounds; r++) {
    for (int i = 0; i < th_ncases; i++) {
      if (!th_registered(&reg, th_cases[i].name) || reference[i] == NULL) continue;
      sqlite3 *db = NULL;
      th_str out = {0};
      if (th_open(NULL, 0, &db) != SQLITE_OK) {
        (*pFailures)++;
        continue;
      }
      if (th_cases[i].setup) th_exec_all(db, th_cases[i].setup, NULL);
      th_exec_all(db, th_cases[i].sql, &out);
      if (strcmp(th_str_text(&out), reference[i]) != 0) {
        fprintf(stderr, "threads: %s (%s) differs from the single-threaded run\n", th_cases[i].name,
                th_cases[i].form);
        (*pFailures)++;
      }
      th_str_free(&out);
      sqlite3_close(db);
    }
  }
  return NULL;
}

int main(void) {
  int nthreads = getenv("THREADS") ? atoi(getenv("THREADS")) : 6;
  if (getenv("ROUNDS")) rounds = atoi(getenv("ROUNDS"));
  if (nthreads < 2 || nthreads > MAX_THREADS) nthreads = 6;
  if (!sqlite3_threadsafe() || th_write_fixture_files() || th_registry_load(&reg) != SQLITE_OK)
    return 2;
  int ncases = 0;
  for (int i = 0; i < th_ncases && i < 64; i++) {
    if (!th_registered(&reg, th_cases[i].name)) continue;
    sqlite3 *db = NULL;
    th_str out = {0};
    if (th_open(NULL, 0, &db) != SQLITE_OK) return 2;
    if (th_cases[i].setup) th_exec_all(db, th_cases[i].setup, NULL);
    th_exec_all(db, th_cases[i].sql, &out);
    reference[i] = strdup(th_str_text(&out));
    th_str_free(&out);
    sqlite3_close(db);
    ncases++;
  }
  pthread_t tid[MAX_THREADS];
  long failures[MAX_THREADS] = {0};
  for (int t = 0; t < nthreads; t++)
    if (pthread_create(&tid[t], NULL, worker, &failures[t]) != 0) return 2;
  long total = 0;
  for (int t = 0; t < nthreads; t++) {
    pthread_join(tid[t], NULL);
    total += failures[t];
  }
  for (int i = 0; i < 64; i++) free(reference[i]);
  printf("threads: %d threads x %d rounds x %d cases at once, %ld mismatches\n", nthreads, rounds,
         ncases, total);
  return total != 0 || ncases == 0;
}
