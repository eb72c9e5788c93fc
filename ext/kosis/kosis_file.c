/*
** kosis/kosis_file.c -- reading the file of a kosis_csv table (contract
** item 6 of kosis_csv.c): open(2) with O_NONBLOCK, fstat(2) on the open
** file, a size limit checked before and while reading, interrupts and
** the progress handler polled as it goes; then the parse.
*/
/* open, fstat, read: POSIX.1-2008 (also under -std=c11). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "kosis/kosis_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KOSIS_MIN_MEMORY ((sqlite3_int64)16 << 20)

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* Polls sqlite3_interrupt() and the progress handler: SQLite offers no
** call for either from inside a virtual table method (3.41's
** sqlite3_is_interrupted covers only the first), so a tiny statement is
** stepped: it fails with SQLITE_INTERRUPT when the connection was
** interrupted, and runs about a thousand VDBE steps, so a progress
** handler registered for every N <= 1000 steps is called at every poll. */
typedef struct kosis_poll {
  sqlite3 *db;
  sqlite3_stmt *stmt;
} kosis_poll;

static int poll_interrupt(void *pArg) {
  kosis_poll *p = pArg;
  int rc = SQLITE_OK;
  if (p->stmt == NULL) {
    rc = sqlite3_prepare_v2(p->db,
                            "WITH RECURSIVE n(i) AS (VALUES(1) UNION ALL"
                            " SELECT i + 1 FROM n WHERE i < 80) SELECT count(*) FROM n",
                            -1, &p->stmt, NULL);
    if (rc != SQLITE_OK) return rc == SQLITE_NOMEM ? rc : SQLITE_INTERRUPT;
  }
  rc = sqlite3_step(p->stmt);
  sqlite3_reset(p->stmt);
  if (rc == SQLITE_ROW) return SQLITE_OK;
  return rc == SQLITE_NOMEM ? rc : SQLITE_INTERRUPT;
}

static const char *io_reason(int err) {
  switch (err) {
    case ENOENT: return "no such file";
    case EACCES: return "permission denied";
    case EISDIR: return "is a directory";
    case ENOTDIR: return "a part of the path is not a directory";
    case ELOOP: return "too many symbolic links";
    case ENAMETOOLONG: return "the name is too long";
    default: return "read error";
  }
}

static const char *file_kind(mode_t m) {
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a plain file";
}

static int io_error(char **pzErr, const char *zShown, const char *zWhat) {
  *pzErr = sqlite3_mprintf("kosis_csv: %s: cannot open: %s", zShown, zWhat);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Reads the whole file (contract item 6).  SQLITE_OK, SQLITE_NOMEM,
** SQLITE_INTERRUPT, or SQLITE_ERROR with *pzErr = "kosis_csv: <file>: ...". */
static int read_file(const char *zPath, const char *zShown, sqlite3_int64 max_bytes,
                     kosis_poll *poll, char **pData, size_t *pn, char **pzErr) {
  *pData = NULL;
  *pn = 0;
  int fd = open(zPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return io_error(pzErr, zShown, io_reason(errno));
  struct stat st;
  int rc = SQLITE_OK;
  if (fstat(fd, &st) != 0) {
    rc = io_error(pzErr, zShown, io_reason(errno));
  } else if (S_ISDIR(st.st_mode)) {
    rc = io_error(pzErr, zShown, "is a directory");
  } else if (!S_ISREG(st.st_mode)) {
    char *zWhy = sqlite3_mprintf("not a regular file (%s)", file_kind(st.st_mode));
    rc = zWhy ? io_error(pzErr, zShown, zWhy) : SQLITE_NOMEM;
    sqlite3_free(zWhy);
  } else if ((sqlite3_int64)st.st_size > max_bytes) {
    *pzErr = sqlite3_mprintf(
        "kosis_csv: %s: %lld bytes, more than max_bytes=%lld"
        " (raise the limit with the max_bytes= argument)",
        zShown, (sqlite3_int64)st.st_size, max_bytes);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  /* A regular file: the descriptor may stay non-blocking (it never blocks). */
  sqlite3_int64 cap = rc == SQLITE_OK ? (sqlite3_int64)st.st_size + 1 : 0, n = 0;
  char *data = NULL;
  if (rc == SQLITE_OK) {
    data = sqlite3_malloc64((sqlite3_uint64)cap + 1);
    if (data == NULL) rc = SQLITE_NOMEM;
  }
  while (rc == SQLITE_OK) {
    if (n == cap) { /* the file grew while being read */
      sqlite3_int64 bigger = cap * 2 < max_bytes + 1 ? cap * 2 : max_bytes + 1;
      if (n > max_bytes || bigger <= cap) {
        *pzErr = sqlite3_mprintf(
            "kosis_csv: %s: more than max_bytes=%lld bytes"
            " (raise the limit with the max_bytes= argument)",
            zShown, max_bytes);
        rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
        break;
      }
      char *a = sqlite3_realloc64(data, (sqlite3_uint64)bigger + 1);
      if (a == NULL) {
        rc = SQLITE_NOMEM;
        break;
      }
      data = a;
      cap = bigger;
    }
    size_t want = (size_t)(cap - n) < TS_KOSIS_POLL_BYTES ? (size_t)(cap - n) : TS_KOSIS_POLL_BYTES;
    ssize_t got = read(fd, data + n, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      rc = io_error(pzErr, zShown, io_reason(errno));
      break;
    }
    if (got == 0) break;
    n += got;
    rc = poll_interrupt(poll);
  }
  close(fd);
  if (rc != SQLITE_OK) {
    sqlite3_free(data);
    return rc;
  }
  *pData = data;
  *pn = (size_t)n;
  return SQLITE_OK;
}

/* Reads and parses the file into *t; the caller then checks the columns.
** Errors as read_file, and "kosis_csv: <file> line N: ...". */
int ts_kosis_load_file(sqlite3 *db, const char *zPath, const char *zShown, sqlite3_int64 max_bytes,
                       ts_kosis_table *t, char **pzErr) {
  kosis_poll poll = {db, NULL};
  char *data = NULL, *zWhy = NULL;
  size_t n = 0;
  memset(t, 0, sizeof(*t));
  int rc = read_file(zPath, zShown, max_bytes, &poll, &data, &n, pzErr);
  /* The snapshot takes about 40 bytes a cell, and a cell may be one byte
  ** of the file (`,`): the table may take at most 4 x max_bytes (16 MiB
  ** at least, for small limits), so the limit bounds memory, not only
  ** the file. */
  sqlite3_int64 budget = 4 * max_bytes > KOSIS_MIN_MEMORY ? 4 * max_bytes : KOSIS_MIN_MEMORY;
  if (rc == SQLITE_OK) rc = ts_kosis_parse_polled(data, n, t, &zWhy, poll_interrupt, &poll, budget);
  if (rc == SQLITE_ERROR && zWhy) {
    *pzErr = sqlite3_mprintf("kosis_csv: %s %s", zShown, zWhy);
    if (*pzErr == NULL) rc = SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) {
    int limit = sqlite3_limit(db, SQLITE_LIMIT_COLUMN, -1);
    if (t->nDim > limit - 4) {
      *pzErr = sqlite3_mprintf(
          "kosis_csv: %s: too many columns: %d dimension columns and"
          " the 4 result columns are more than SQLite's limit of %d"
          " columns per table",
          zShown, t->nDim, limit);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
  }
  if (rc != SQLITE_OK) ts_kosis_clear(t);
  sqlite3_finalize(poll.stmt);
  sqlite3_free(zWhy);
  sqlite3_free(data);
  return rc;
}
