/*
** growth/growth_frame.h -- private to ext/growth/: the log of a window
** frame's REAL rows that growth_window.c keeps beside its deque, so that
** a window's sums are the aggregate's over the frame's rows to the bit
** however rows entered and left (growth_window.c, contract item 8).
**
** Rows leave a frame from the front in the order they entered, so only
** the front point is ever part-drained.  The log keeps the REAL rows in
** that order, and what is known of the front point after REAL rows left
** it: whether their sums are certified exact in any order of additions
** and removals (then the running sum holds), or the point must be summed
** again from its rows before a result is read.  Plain C over core/ types:
** no SQL here.
*/
#ifndef TS_GROWTH_FRAME_H
#define TS_GROWTH_FRAME_H

#include "core/deque.h"

/* A REAL row of the frame, in the log. */
typedef struct ts_frame_row {
  int64_t ordinal;
  double v;
} ts_frame_row;

/* The REAL rows of the frame in the order they entered, and what is known
** of the front point after REAL rows left it.  A zeroed log is an empty
** one. */
typedef struct ts_frame_log {
  ts_frame_row *rows; /* live rows are rows[head .. head+count) */
  int head, count, capacity;
  int off;               /* not kept: a series out of period order, or a
                            removal that is not the front row */
  int front_valid;       /* front_* describe the point of this ordinal */
  int64_t front_ordinal; /* ... the front point, which REAL rows left */
  int front_stale;       /* a REAL row left it since it was summed again */
  int front_certified;   /* its rows' sums are exact in any order */
  /* The rows the certificate covers: those in the point when it was
  ** last summed afresh (or first left), and every REAL row since. */
  int64_t front_n;
  double front_mag;
  int front_low;
} ts_frame_log;

void ts_frame_log_free(ts_frame_log *l);
/* A row opened a new latest point of d (two points at least, sorted, and
** the log not empty): the point before it is complete, and its rows, when
** all REAL and certified, are replaced by one mark. */
void ts_frame_log_complete(ts_frame_log *l, const ts_deque *d);
/* A REAL row of this ordinal was added to d (d already holds it); 1 when
** out of memory. */
int ts_frame_log_add(ts_frame_log *l, const ts_deque *d, int64_t ordinal, double v);
/* A REAL row left the frame (its point in d already updated). */
void ts_frame_log_remove(ts_frame_log *l, const ts_deque *d, int64_t ordinal, double v);
/* Before a result: d's front point summed again from its rows when the
** running sum may differ from a fresh one. */
void ts_frame_log_settle(ts_frame_log *l, ts_deque *d);

#endif /* TS_GROWTH_FRAME_H */
