/*
** fuzz_args.c -- libFuzzer harness that binds fuzz bytes as typed
** arguments to every function the extension registers.
**
** Contract:
**  1. The functions are discovered at start-up (pragma_function_list of a
**     connection with the extension minus a bare one), so every family is
**     fuzzed as soon as it is registered.
**  2. Input: byte 0 picks the function, byte 1 the number of rows (1-6);
**     then for each row and argument a type byte (NULL, INTEGER, REAL,
**     TEXT, BLOB) and its payload (8 bytes, or a length byte and bytes).
**  3. A scalar runs as SELECT f(?, ...); an aggregate over the rows of a
**     table; a window function with a moving frame (xInverse) too.
**  4. Any outcome but a crash, a sanitizer report or a leak is fine: errors
**     are the documented answer to most fuzz input.
**  5. But an error's message must be valid UTF-8 with no control character
**     (C0, DEL, C1 as UTF-8 writes it): a value's bytes that are no UTF-8
**     are shown as CAST(x'..' AS TEXT), control characters as char(N).
**     A message that breaks this traps, so libFuzzer reports it.
*/
#include "harness.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sqlite3 *db;
static th_registry reg;

static int init(void) {
  if (db) return 0;
  if (th_registry_load(&reg) != SQLITE_OK || reg.nfn == 0) return 1;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  sqlite3_tradestat_init(db, NULL, NULL);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000);
  return sqlite3_exec(db, "CREATE TABLE t(a0, a1, a2, a3, a4, a5, a6, a7)", NULL, NULL, NULL);
}

typedef struct reader {
  const uint8_t *p;
  size_t n;
} reader;

static int take(reader *r, void *out, size_t n) {
  if (r->n < n) return 0;
  memcpy(out, r->p, n);
  r->p += n;
  r->n -= n;
  return 1;
}

static void bind_next(sqlite3_stmt *st, int i, reader *r) {
  uint8_t type = 0, len = 0;
  take(r, &type, 1);
  switch (type % 6) {
    case 0: sqlite3_bind_null(st, i); break;
    case 1: {
      int64_t v = 0;
      take(r, &v, 8);
      sqlite3_bind_int64(st, i, v);
      break;
    }
    case 2: {
      double d = 0;
      take(r, &d, 8);
      sqlite3_bind_double(st, i, d);
      break;
    }
    case 3:
    case 5: {
      take(r, &len, 1);
      if (len > r->n) len = (uint8_t)r->n;
      sqlite3_bind_text(st, i, (const char *)r->p, len, SQLITE_TRANSIENT);
      r->p += len, r->n -= len;
      break;
    }
    default: {
      take(r, &len, 1);
      if (len > r->n) len = (uint8_t)r->n;
      sqlite3_bind_blob(st, i, r->p, len, SQLITE_TRANSIENT);
      r->p += len, r->n -= len;
      break;
    }
  }
}

/* The length of the well-formed UTF-8 character at p (n bytes left) that
** is no control character, or 0. */
static int plain_char(const unsigned char *p, size_t n) {
  unsigned char lo = 0x80, hi = 0xBF;
  int len;
  if (p[0] < 0x80) return (p[0] < 0x20 || p[0] == 0x7f) ? 0 : 1;
  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    len = 2, lo = p[0] == 0xC2 ? 0xA0 : 0x80;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF)
    len = 3, lo = p[0] == 0xE0 ? 0xA0 : 0x80, hi = p[0] == 0xED ? 0x9F : 0xBF;
  else if (p[0] >= 0xF0 && p[0] <= 0xF4)
    len = 4, lo = p[0] == 0xF0 ? 0x90 : 0x80, hi = p[0] == 0xF4 ? 0x8F : 0xBF;
  else
    return 0;
  if (n < (size_t)len || p[1] < lo || p[1] > hi) return 0;
  for (int k = 2; k < len; k++)
    if ((p[k] & 0xC0) != 0x80) return 0;
  return len;
}

/* Contract item 5, after a step that ended the statement with rc. */
static void check_message(int rc) {
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  const unsigned char *z = (const unsigned char *)sqlite3_errmsg(db);
  size_t n = strlen((const char *)z);
  for (size_t i = 0; i < n;) {
    int len = plain_char(z + i, n - i);
    if (len == 0) {
      fprintf(stderr, "fuzz_args: message not plain UTF-8 at byte %zu: %s\n", i, z);
      __builtin_trap();
    }
    i += (size_t)len;
  }
}

static void run(const char *zSql) {
  sqlite3_stmt *st = NULL;
  int rc;
  if (sqlite3_prepare_v2(db, zSql, -1, &st, NULL) == SQLITE_OK) {
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); i++) sqlite3_column_text(st, i);
    }
    check_message(rc);
  }
  sqlite3_finalize(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (init() || size < 2) return 0;
  reader r = {data + 2, size - 2};
  const th_function *f = &reg.fn[data[0] % reg.nfn];
  int narg = f->narg >= 0 ? f->narg : data[1] % 5;
  if (narg > 8) narg = 8;
  char args[64] = "", qs[64] = "";
  for (int i = 0; i < narg; i++) {
    size_t n = strlen(args);
    snprintf(args + n, sizeof(args) - n, "%sa%d", i ? ", " : "", i);
    n = strlen(qs);
    snprintf(qs + n, sizeof(qs) - n, "%s?", i ? ", " : "");
  }
  char sql[512];
  if (f->type == 's') {
    snprintf(sql, sizeof(sql), "SELECT %s(%s)", f->name, qs);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
      for (int i = 1; i <= narg; i++) bind_next(st, i, &r);
      int rc;
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) sqlite3_column_text(st, 0);
      check_message(rc);
    }
    sqlite3_finalize(st);
    return 0;
  }
  sqlite3_exec(db, "DELETE FROM t", NULL, NULL, NULL);
  int nrows = 1 + (data[1] >> 4) % 6;
  snprintf(sql, sizeof(sql), "INSERT INTO t(%s) VALUES (%s)", narg ? args : "a0",
           narg ? qs : "NULL");
  sqlite3_stmt *ins = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &ins, NULL) != SQLITE_OK) return 0;
  for (int row = 0; row < nrows; row++) {
    for (int i = 1; i <= narg; i++) bind_next(ins, i, &r);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  snprintf(sql, sizeof(sql), "SELECT %s(%s) FROM t", f->name, args);
  run(sql);
  if (f->type == 'w') {
    snprintf(sql, sizeof(sql),
             "SELECT %s(%s) OVER (ORDER BY rowid ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
             f->name, args);
    run(sql);
    snprintf(sql, sizeof(sql), "SELECT %s(%s) OVER (ORDER BY a1) FROM t", f->name, args);
    run(sql);
  }
  return 0;
}
